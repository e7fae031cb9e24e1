;; The Wu–Manber scan of literals.ts (LiteralMatcher.lowestRank) over bytes copied into this memory.
;; Layout, set by the JS side: the shift table (one byte per 3-byte block hash) at 0; bucket
;; starts ($bstart, one i32 per hash and one more: literals ending their first m bytes on that
;; block are ids[bstart[h] .. bstart[h+1])); literal ids ($ids, i32); literals ($lits: byte offset,
;; length, rank as three i32); the input from wherever the caller copied it.
(module
  (memory (export "memory") 1)
  (global $bstart (mut i32) (i32.const 0))
  (global $ids (mut i32) (i32.const 0))
  (global $lits (mut i32) (i32.const 0))
  (global $m (mut i32) (i32.const 0))
  (global $floor (mut i32) (i32.const 0))

  (func (export "setup") (param $bstart i32) (param $ids i32) (param $lits i32) (param $m i32) (param $floor i32)
    (global.set $bstart (local.get $bstart))
    (global.set $ids (local.get $ids))
    (global.set $lits (local.get $lits))
    (global.set $m (local.get $m))
    (global.set $floor (local.get $floor)))

  ;; The lowest rank of the literals occurring whole in [start, end), or -1.
  (func (export "lowest") (param $start i32) (param $end i32) (result i32)
    (local $i i32) (local $h i32) (local $s i32) (local $best i32) (local $from i32)
    (local $q i32) (local $qend i32) (local $lit i32) (local $off i32) (local $len i32) (local $rank i32) (local $k i32)
    (local.set $best (i32.const 0x7fffffff))
    (local.set $i (i32.sub (i32.add (local.get $start) (global.get $m)) (i32.const 1)))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $h
          (i32.shr_u
            (i32.mul
              (i32.or
                (i32.or
                  (i32.shl (i32.load8_u offset=0 (i32.sub (local.get $i) (i32.const 2))) (i32.const 16))
                  (i32.shl (i32.load8_u offset=0 (i32.sub (local.get $i) (i32.const 1))) (i32.const 8)))
                (i32.load8_u (local.get $i)))
              (i32.const 0x9e3779b1))
            (i32.const 17)))
        (local.set $s (i32.load8_u (local.get $h)))
        (if (local.get $s)
          (then
            (local.set $i (i32.add (local.get $i) (local.get $s)))
            (br $scan)))
        (local.set $from (i32.add (i32.sub (local.get $i) (global.get $m)) (i32.const 1)))
        (local.set $q (i32.load (i32.add (global.get $bstart) (i32.shl (local.get $h) (i32.const 2)))))
        (local.set $qend (i32.load offset=4 (i32.add (global.get $bstart) (i32.shl (local.get $h) (i32.const 2)))))
        (block $listDone
          (loop $list
            (br_if $listDone (i32.ge_u (local.get $q) (local.get $qend)))
            (local.set $lit (i32.add (global.get $lits)
              (i32.mul (i32.load (i32.add (global.get $ids) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 12))))
            (local.set $off (i32.load (local.get $lit)))
            (local.set $len (i32.load offset=4 (local.get $lit)))
            (local.set $rank (i32.load offset=8 (local.get $lit)))
            (if (i32.and
                  (i32.lt_s (local.get $rank) (local.get $best))
                  (i32.le_u (i32.add (local.get $from) (local.get $len)) (local.get $end)))
              (then
                (local.set $k (i32.const 0))
                (block $cmpDone
                  (loop $cmp
                    (br_if $cmpDone (i32.ge_u (local.get $k) (local.get $len)))
                    (br_if $cmpDone (i32.ne
                      (i32.load8_u (i32.add (local.get $from) (local.get $k)))
                      (i32.load8_u (i32.add (local.get $off) (local.get $k)))))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br $cmp)))
                (if (i32.eq (local.get $k) (local.get $len))
                  (then
                    (local.set $best (local.get $rank))
                    (if (i32.eq (local.get $best) (global.get $floor))
                      (then (return (local.get $best))))))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $list)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (select (i32.const -1) (local.get $best) (i32.eq (local.get $best) (i32.const 0x7fffffff))))
)
