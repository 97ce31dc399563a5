;; graph.wat: shapes of the reference graph with retained sizes and garbage
;; worked out by hand in tests/graph/expect.sh: a chain, a diamond, a cycle,
;; a function kept only through a table, one kept only by a global
;; initializer, an unreachable cycle and an unreachable leaf.
(module $graph
  (type $v (func))
  (table $tab 1 funcref)
  (elem $slot (table $tab) (i32.const 0) func $via_table)
  (global $fref funcref (ref.func $via_global))
  (func $main (export "main")
    (call $chain1)
    (call $left)
    (call $right)
    (call $cyc_a)
    (call_indirect $tab (type $v) (i32.const 0))
    (drop (global.get $fref)))
  ;; a chain: chain1 keeps chain2 keeps chain3
  (func $chain1 (call $chain2))
  (func $chain2 (call $chain3))
  (func $chain3 (drop (i32.const 3)))
  ;; a diamond: left and right both call bottom, so main dominates it
  (func $left (call $bottom))
  (func $right (call $bottom) (drop (i32.const 2)))
  (func $bottom (drop (i32.const 1)) (drop (i32.const 1)))
  ;; a cycle entered at cyc_a
  (func $cyc_a (call $cyc_b))
  (func $cyc_b (call $cyc_a) (drop (i32.const 4)))
  ;; only the table keeps this one
  (func $via_table (drop (i32.const 5)))
  ;; only the global initializer keeps this one
  (func $via_global (drop (i32.const 6)))
  ;; garbage: a cycle nothing reaches, and a leaf nothing calls
  (func $dead_a (call $dead_b))
  (func $dead_b (call $dead_a) (drop (i32.const 7)))
  (func $dead_leaf (drop (i32.const 8)) (drop (i32.const 8))))
