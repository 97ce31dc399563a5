;; table.wat: funcref tables, elem segments (active, passive, declarative), call_indirect, table-only callees, ref.func, table.get/set/init/copy, one dead function.
(module $table
  (type $unop (func (param i32) (result i32)))
  (table $ops 4 8 funcref)
  (table $spare 1 funcref)
  ;; active: $double and $square are reachable only through $ops
  (elem $ops_init (table $ops) (i32.const 0) func $double $square)
  ;; passive: $negate is loaded into $ops by table.init at run time
  (elem $late func $negate)
  ;; declarative: makes ref.func $triple legal without putting it in a table
  (elem $decl declare func $triple)
  (func $double (type $unop) (param $x i32) (result i32)
    (i32.shl (local.get $x) (i32.const 1)))
  (func $square (type $unop) (param $x i32) (result i32)
    (i32.mul (local.get $x) (local.get $x)))
  (func $negate (type $unop) (param $x i32) (result i32)
    (i32.sub (i32.const 0) (local.get $x)))
  (func $triple (type $unop) (param $x i32) (result i32)
    (i32.mul (local.get $x) (i32.const 3)))
  ;; never called, never exported, never in a table: garbage
  (func $unused (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.const 12345)))
  (func $setup
    (table.init $ops $late (i32.const 2) (i32.const 0) (i32.const 1))
    (elem.drop $late)
    ;; ref.func only feeds ref.is_null: wabt 1.0.32 with --enable-all types
    ;; ref.func as (ref $unop) and then rejects it where funcref is expected
    (if (ref.is_null (ref.func $triple)) (then unreachable))
    ;; slot 3 gets a copy of slot 0; $spare gets slot 1 through table.get/set
    (table.copy $ops $ops (i32.const 3) (i32.const 0) (i32.const 1))
    (table.set $spare (i32.const 0) (table.get $ops (i32.const 1))))
  (func $apply (export "apply") (param $slot i32) (param $x i32) (result i32)
    (call_indirect $ops (type $unop) (local.get $x) (local.get $slot)))
  (func $apply_spare (export "apply_spare") (param $x i32) (result i32)
    (call_indirect $spare (type $unop) (local.get $x) (i32.const 0)))
  (export "ops" (table $ops))
  (start $setup))
