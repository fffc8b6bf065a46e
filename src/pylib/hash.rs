//! `hash()` of ints, floats, bools, None, tuples and frozensets, as CPython
//! 3.13 computes them on a 64-bit build (Python/pyhash.c, Objects/longobject.c,
//! Objects/tupleobject.c, Objects/setobject.c). Numbers that compare equal hash
//! equal: an integral float hashes like the int, a bool like 0 or 1.
//!
//! str hashes are randomized per process by CPython (SipHash with a random key),
//! so no program can depend on them; they are not here.

/// `_PyHASH_BITS`: hashes of numbers are reduced modulo `2**61 - 1`.
pub(crate) const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`, the Mersenne prime `2**61 - 1`.
pub(crate) const MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`: `hash(float('inf'))`; `-inf` hashes to its negation.
pub(crate) const HASH_INF: i64 = 314_159;
/// `hash(None)`: a constant since 3.12 (`_Py_HashPointer` before).
pub const HASH_NONE: i64 = 0xFCA8_6420;

/// `hash(v)` for an int (`long_hash`): `v mod (2**61 - 1)` with `v`'s sign, and
/// `-2` in place of `-1`, which CPython reserves for errors (`hash(-1) == -2`).
#[inline]
pub fn hash_int(v: i64) -> i64 {
    if v.unsigned_abs() < MODULUS {
        // Below the modulus an int is its own hash (but -1, which means error in C).
        return if v == -1 { -2 } else { v };
    }
    let h = (v.unsigned_abs() % MODULUS) as i64;
    let h = if v < 0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(b)` for a bool: `hash(0)` or `hash(1)`.
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// A float's hash: a value, or, for a nan, the object's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatHash {
    Value(i64),
    /// A nan hashes by identity since 3.10 (`_Py_HashPointer(obj)`): the VM should
    /// hash the float object itself.
    Identity,
}

/// `hash(v)` for a float (`_Py_HashDouble`): the rational value of `v` modulo
/// `2**61 - 1` (so `hash(2.0) == hash(2)`, `hash(0.5) == 2**60`), signed like
/// `v`; `±inf` → `±314159`; `-1` → `-2`.
pub fn hash_float(v: f64) -> FloatHash {
    if v.is_nan() {
        return FloatHash::Identity;
    }
    if v.is_infinite() {
        return FloatHash::Value(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v.abs());
    let mut x: u64 = 0;
    // Process 28 bits at a time, rotating the accumulator left within 61 bits.
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    // Multiply by 2**e, a rotation modulo 2**61 - 1.
    let bits = HASH_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) } as u32;
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    let h = if v < 0.0 { (x as i64).wrapping_neg() } else { x as i64 };
    FloatHash::Value(if h == -1 { -2 } else { h })
}

/// C's `frexp` for a finite non-negative `v`: `v == m * 2**e` with `m` in
/// `[0.5, 1)` (or `m == 0` for zero).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    if exp_bits == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp_bits - 1022)
}

/// `hash(t)` for a tuple given its items' hashes (`tuplehash`, the xxHash-based
/// algorithm since 3.8, with its 64-bit primes); `hash(()) == 5740354900026072187`.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// `hash(frozenset(...))` given the members' hashes (`frozenset_hash`): an
/// order-independent mix of the members' shuffled hashes.
pub fn hash_frozenset(member_hashes: &[i64]) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut hash = member_hashes.iter().fold(0u64, |acc, &h| acc ^ shuffle(h as u64));
    hash ^= (member_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        590_923_713
    } else {
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_float(1.5), FloatHash::Value(1_152_921_504_606_846_977));
        assert_eq!(hash_float(2.0), FloatHash::Value(2));
        assert_eq!(hash_float(-1.0), FloatHash::Value(-2));
        assert_eq!(hash_tuple(&[]), 5_740_354_900_026_072_187);
    }
}
