// A JavaScript tool of the kind JS tool servers run: componentize-js wraps
// it, with the StarlingMonkey engine, into a WebAssembly component.
export function greet(name) {
  return `Hello, ${name}!`;
}
