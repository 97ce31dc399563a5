;; wabt-tag-names.wat: wabt 1.0.32 writes tag names as name subsection 10, which binaryen, wasm-tools and newer wabt read as field names (they put tags in 11).
(module $wabt_tag_names
  (tag $err (param i32))
  (tag $bail)
  (func $fail (export "fail") (param $code i32)
    (if (i32.eqz (local.get $code)) (then (throw $bail)))
    (throw $err (local.get $code))))
