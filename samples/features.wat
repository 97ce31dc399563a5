;; features.wat: post-MVP opcodes in one module: SIMD, legacy exception handling, tail calls, bulk memory, memory64 + multi-memory, reference types, threads/atomics.
(module $features
  (type $v2v (func (param v128) (result v128)))
  ;; memory 0: shared, i32-indexed (threads); memory 1: i64-indexed (memory64)
  (memory $shared 1 2 shared)
  (memory $wide i64 1)
  (table $refs 1 externref)
  (global $vzero v128 (v128.const i32x4 0 0 0 0))
  ;; tags are left unnamed on purpose: wabt 1.0.32 writes tag names as name
  ;; subsection 10, which is "field names" today (see wabt-tag-names.wat)
  (tag (param i32))	;; tag 0: an error code
  (tag)			;; tag 1: bail out
  (data $blob "bulk bytes")

  ;; --- SIMD: v128 const/load/store, arithmetic, shuffle, lane ops, splat
  (func $simd (export "simd") (param $p i32) (result i32)
    (local $v v128)
    (local.set $v (v128.load (local.get $p)))
    (local.set $v (i32x4.add (local.get $v) (i32x4.splat (i32.const 7))))
    (local.set $v (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0
                    (local.get $v) (global.get $vzero)))
    (local.set $v (i32x4.replace_lane 2 (local.get $v) (i32.const -1)))
    (local.set $v (f32x4.mul (local.get $v) (v128.const f32x4 1.5 2.5 3.5 4.5)))
    (v128.store offset=16 (local.get $p) (local.get $v))
    (i32.add
      (i32x4.extract_lane 1 (local.get $v))
      (i8x16.extract_lane_u 3 (i8x16.swizzle (local.get $v) (local.get $v)))))
  (func $vid (type $v2v) (param $x v128) (result v128)
    (v128.not (v128.not (local.get $x))))

  ;; --- exception handling (legacy encoding: try/catch/catch_all/throw/rethrow/delegate)
  (func $thrower (param $x i32)
    (if (i32.eqz (local.get $x)) (then (throw 1)))
    (throw 0 (local.get $x)))
  (func $catcher (export "catcher") (param $x i32) (result i32)
    (try (result i32)
      (do
        (try
          (do (call $thrower (local.get $x)))
          (delegate 0))
        (i32.const 0))
      (catch 0)
      (catch_all (i32.const -1))))
  (func $rethrower (param $x i32)
    (try
      (do (call $thrower (local.get $x)))
      (catch_all (rethrow 0))))

  ;; --- tail calls: return_call and return_call_indirect
  (func $countdown (export "countdown") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $countdown (i32.sub (local.get $n) (i32.const 1))))))
  (func $vtail (param $x v128) (result v128)
    (return_call_indirect $ftab (type $v2v) (local.get $x) (i32.const 0)))
  (table $ftab 1 funcref)
  (elem (table $ftab) (i32.const 0) func $vid)

  ;; --- bulk memory: memory.copy/fill/init, data.drop; multi-memory immediates
  (func $bulk (export "bulk")
    (memory.init $shared $blob (i32.const 0) (i32.const 0) (i32.const 10))
    (data.drop $blob)
    (memory.fill $shared (i32.const 32) (i32.const 0) (i32.const 16))
    (memory.copy $shared $shared (i32.const 64) (i32.const 0) (i32.const 10))
    (memory.copy $wide $wide (i64.const 64) (i64.const 0) (i64.const 10)))

  ;; --- memory64 + multi-memory: loads/stores with a memory index, i64 addresses
  (func $wide_rw (export "wide_rw") (param $a i64) (result i64)
    (i64.store $wide offset=8 (local.get $a) (i64.load $wide (local.get $a)))
    (i32.store8 $shared (i32.const 5) (i32.load8_u $wide (local.get $a)))
    (drop (memory.grow $wide (i64.const 1)))
    (i64.add (memory.size $wide) (i64.extend_i32_u (memory.size $shared))))

  ;; --- reference types: externref table, ref.null/ref.is_null, table.grow/size/fill, typed select
  (func $refs (export "refs") (param $r externref) (result i32)
    (table.set $refs (i32.const 0) (local.get $r))
    (drop (table.grow $refs (ref.null extern) (i32.const 2)))
    (table.fill $refs (i32.const 1) (local.get $r) (i32.const 2))
    (drop (select (result externref) (local.get $r) (ref.null extern) (i32.const 1)))
    (i32.add (table.size $refs) (ref.is_null (table.get $refs (i32.const 0)))))

  ;; --- threads: atomic rmw, cmpxchg, wait/notify, fence on the shared memory
  (func $atomics (export "atomics") (param $p i32) (result i32)
    (drop (i32.atomic.rmw.add (local.get $p) (i32.const 1)))
    (drop (i64.atomic.rmw.cmpxchg offset=8 (local.get $p) (i64.const 0) (i64.const 1)))
    (i32.atomic.store16 offset=2 (local.get $p) (i32.const 9))
    (atomic.fence)
    (drop (memory.atomic.wait32 (local.get $p) (i32.const 0) (i64.const 0)))
    (memory.atomic.notify (local.get $p) (i32.const 1)))
)
