// build.mjs OUT - componentize app.js for the world in wit/ (run from here).
import { componentize } from '@bytecodealliance/componentize-js';
import { writeFile } from 'node:fs/promises';

const { component } = await componentize({
  sourcePath: 'app.js', witPath: 'wit', worldName: 'hello',
});
await writeFile(process.argv[2], component);
