;; dups.wat: planted duplicate functions for `wasmsize advise`.  Groups:
;; {inc_a, inc_b, inc_c} and {add2_a, add2_b}; inc_pair has inc_a's body
;; but another type, inc_local adds a local, and add3 differs in one byte.
(module $dups
  (type $un (func (param i32) (result i32)))
  (type $bin (func (param i32 i32) (result i32)))
  (func $inc_a (export "inc_a") (type $un) (i32.add (local.get 0) (i32.const 1)))
  (func $inc_b (export "inc_b") (type $un) (i32.add (local.get 0) (i32.const 1)))
  (func $inc_c (export "inc_c") (type $un) (i32.add (local.get 0) (i32.const 1)))
  (func $inc_pair (export "inc_pair") (type $bin) (i32.add (local.get 0) (i32.const 1)))
  (func $inc_local (export "inc_local") (type $un) (local i32) (i32.add (local.get 0) (i32.const 1)))
  (func $add2_a (export "add2_a") (type $un) (i32.add (local.get 0) (i32.const 2)))
  (func $add2_b (export "add2_b") (type $un) (i32.add (local.get 0) (i32.const 2)))
  (func $add3 (export "add3") (type $un) (i32.add (local.get 0) (i32.const 3))))
