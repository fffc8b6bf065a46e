//! `list.sort`'s algorithm, so that a program sees the same `<` comparisons in
//! the same order as under CPython 3.13 (Objects/listobject.c, `list_sort_impl`
//! and Objects/listsort.txt): natural runs found by `count_run` (3.13's version,
//! which also turns non-strictly descending runs around), short runs extended to
//! `minrun` by binary insertion, runs merged by the powersort policy with
//! `merge_lo`/`merge_hi` and galloping, and a final forced collapse.
//!
//! The sort permutes a slice of `usize` handles (indices of the items, which the
//! caller maps to keys and values), asking `lt(x, y)` for "key x < key y". When
//! `lt` fails, the sort stops at once and the slice is left as CPython leaves its
//! list: some permutation of the input, nothing lost or duplicated.

const MIN_GALLOP: usize = 7;
const MAX_MINRUN: usize = 64;

/// `lt(x, y)`: whether the key of item `x` is less than the key of item `y`.
pub(crate) type Less<'a, E> = dyn FnMut(usize, usize) -> Result<bool, E> + 'a;

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'l, 'a, E> {
    lt: &'l mut Less<'a, E>,
    min_gallop: usize,
    listlen: usize,
    pending: Vec<Run>,
    tmp: Vec<usize>,
}

/// Sort `v` stably by `lt`, as CPython's `list.sort` without `reverse` (the
/// caller reverses before and after for `reverse=True`, as CPython does).
pub(crate) fn sort<E>(v: &mut [usize], lt: &mut Less<'_, E>) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms =
        MergeState { lt, min_gallop: MIN_GALLOP, listlen: n, pending: Vec::new(), tmp: Vec::new() };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut nremaining = n;
    while nremaining > 0 {
        let mut run = ms.count_run(&mut v[lo..lo + nremaining])?;
        if run < minrun {
            let force = nremaining.min(minrun);
            ms.binarysort(&mut v[lo..lo + force], run)?;
            run = force;
        }
        ms.found_new_run(v, run)?;
        ms.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
        nremaining -= run;
    }
    ms.force_collapse(v)
}

/// `merge_compute_minrun`: n itself below 64, else a value in 32..=64 such that
/// n / minrun is a power of two or a little less.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MAX_MINRUN {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `powerloop`: the powersort "power" of the boundary between the run of length
/// `n1` at `s1` and the following run of length `n2`, in a list of length `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<E> MergeState<'_, '_, E> {
    #[inline]
    fn lt(&mut self, x: usize, y: usize) -> Result<bool, E> {
        (self.lt)(x, y)
    }

    /// Stable binary insertion sort of `a`, whose first `ok` items are sorted.
    fn binarysort(&mut self, a: &mut [usize], ok: usize) -> Result<(), E> {
        let mut ok = ok.max(1);
        while ok < a.len() {
            let pivot = a[ok];
            let (mut l, mut r) = (0, ok);
            while l < r {
                let m = (l + r) >> 1;
                if self.lt(pivot, a[m])? {
                    r = m;
                } else {
                    l = m + 1;
                }
            }
            a.copy_within(l..ok, l + 1);
            a[l] = pivot;
            ok += 1;
        }
        Ok(())
    }

    /// The length of the run at the start of `s`, made ascending in place (a
    /// descending run is reversed, its runs of equal items first reversed so
    /// that the whole reversal keeps them stable).
    fn count_run(&mut self, s: &mut [usize]) -> Result<usize, E> {
        let nremaining = s.len();
        let mut n = 1;
        while n < nremaining {
            if self.lt(s[n], s[n - 1])? {
                break;
            }
            n += 1;
        }
        if n == nremaining {
            return Ok(n);
        }
        if n > 1 {
            if self.lt(s[0], s[n - 1])? {
                return Ok(n);
            }
            // All equal so far: the start of a descending run.
            s[..n].reverse();
        }
        n += 1;
        let mut neq = 0;
        while n < nremaining {
            if self.lt(s[n], s[n - 1])? {
                if neq > 0 {
                    s[n - neq - 1..n].reverse();
                    neq = 0;
                }
            } else if self.lt(s[n - 1], s[n])? {
                break;
            } else {
                neq += 1;
            }
            n += 1;
        }
        if neq > 0 {
            s[n - neq - 1..n].reverse();
        }
        s[..n].reverse();
        while n < nremaining {
            if self.lt(s[n], s[n - 1])? {
                break;
            }
            n += 1;
        }
        Ok(n)
    }

    /// `gallop_left`: the k in `0..=a.len()` with `a[k-1] < key <= a[k]`, searching
    /// out from `hint`.
    fn gallop_left(&mut self, key: usize, a: &[usize], hint: usize) -> Result<usize, E> {
        let n = a.len();
        let mut lastofs: isize;
        let mut ofs: isize;
        if self.lt(a[hint], key)? {
            // a[hint] < key: gallop right.
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(a[hint + ofs as usize], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint as isize;
            ofs += hint as isize;
        } else {
            // key <= a[hint]: gallop left.
            let maxofs = hint as isize + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(a[hint - ofs as usize], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint as isize - ofs;
            ofs = hint as isize - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(a[m as usize], key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    /// `gallop_right`: the k in `0..=a.len()` with `a[k-1] <= key < a[k]`.
    fn gallop_right(&mut self, key: usize, a: &[usize], hint: usize) -> Result<usize, E> {
        let n = a.len();
        let mut lastofs: isize;
        let mut ofs: isize;
        if self.lt(key, a[hint])? {
            // key < a[hint]: gallop left.
            let maxofs = hint as isize + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, a[hint - ofs as usize])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint as isize - ofs;
            ofs = hint as isize - k;
        } else {
            // a[hint] <= key: gallop right.
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, a[hint + ofs as usize])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs += hint as isize;
            ofs += hint as isize;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(key, a[m as usize])? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    /// `merge_lo`: merge v[pa..pa+na] and the following nb items, na <= nb,
    /// with the smaller run copied out to `tmp`.
    fn merge_lo(&mut self, v: &mut [usize], pa0: usize, na: usize, nb: usize) -> Result<(), E> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&v[pa0..pa0 + na]);
        let r = self.merge_lo_inner(v, &tmp, pa0, na, nb);
        self.tmp = tmp;
        r
    }

    fn merge_lo_inner(
        &mut self,
        v: &mut [usize],
        tmp: &[usize],
        pa0: usize,
        mut na: usize,
        mut nb: usize,
    ) -> Result<(), E> {
        let mut dest = pa0;
        let mut pa = 0; // into tmp
        let mut pb = pa0 + na; // into v
        let mut result: Result<(), E> = Ok(());
        // The first item of b goes first.
        v[dest] = v[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        'done: {
            if nb == 0 {
                break 'done;
            }
            if na == 1 {
                // CopyB: the last item of a goes at the end.
                v.copy_within(pb..pb + nb, dest);
                v[dest + nb] = tmp[pa];
                return Ok(());
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    match self.lt(v[pb], tmp[pa]) {
                        Err(e) => {
                            result = Err(e);
                            break 'done;
                        }
                        Ok(true) => {
                            v[dest] = v[pb];
                            dest += 1;
                            pb += 1;
                            bcount += 1;
                            acount = 0;
                            nb -= 1;
                            if nb == 0 {
                                break 'done;
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            v[dest] = tmp[pa];
                            dest += 1;
                            pa += 1;
                            acount += 1;
                            bcount = 0;
                            na -= 1;
                            if na == 1 {
                                v.copy_within(pb..pb + nb, dest);
                                v[dest + nb] = tmp[pa];
                                return Ok(());
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(v[pb], &tmp[pa..pa + na], 0) {
                        Ok(k) => k,
                        Err(e) => {
                            result = Err(e);
                            break 'done;
                        }
                    };
                    acount = k;
                    if k > 0 {
                        v[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            v.copy_within(pb..pb + nb, dest);
                            v[dest + nb] = tmp[pa];
                            return Ok(());
                        }
                        // na == 0 only with an inconsistent comparison.
                        if na == 0 {
                            break 'done;
                        }
                    }
                    v[dest] = v[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'done;
                    }
                    let k = match self.gallop_left(tmp[pa], &v[pb..pb + nb], 0) {
                        Ok(k) => k,
                        Err(e) => {
                            result = Err(e);
                            break 'done;
                        }
                    };
                    bcount = k;
                    if k > 0 {
                        v.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'done;
                        }
                    }
                    v[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        v.copy_within(pb..pb + nb, dest);
                        v[dest + nb] = tmp[pa];
                        return Ok(());
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
        // Succeed or Fail: what is left of a goes back in place.
        if na > 0 {
            v[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
        }
        result
    }

    /// `merge_hi`: merge v[pa0..pa0+na] and the following nb items, na >= nb,
    /// with the smaller run (b) copied out to `tmp`, filling from the right.
    fn merge_hi(&mut self, v: &mut [usize], pa0: usize, na: usize, nb: usize) -> Result<(), E> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&v[pa0 + na..pa0 + na + nb]);
        let r = self.merge_hi_inner(v, &tmp, pa0, na, nb);
        self.tmp = tmp;
        r
    }

    fn merge_hi_inner(
        &mut self,
        v: &mut [usize],
        tmp: &[usize],
        basea: usize,
        mut na: usize,
        mut nb: usize,
    ) -> Result<(), E> {
        // Signed positions: `pa` and `dest` may step to just before index 0.
        let mut dest = (basea + na + nb - 1) as isize;
        let mut pa = (basea + na - 1) as isize; // into v
        let mut pb = nb as isize - 1; // into tmp
        let mut result: Result<(), E> = Ok(());
        macro_rules! vi {
            ($i:expr) => {
                v[($i) as usize]
            };
        }
        // CopyA: the first item of b goes at the front.
        macro_rules! copy_a {
            () => {{
                let from = (pa + 1) as usize - na;
                let to = (dest + 1) as usize - na;
                v.copy_within(from..from + na, to);
                dest -= na as isize;
                vi!(dest) = tmp[pb as usize];
                return Ok(());
            }};
        }
        // The last item of a goes last.
        vi!(dest) = vi!(pa);
        dest -= 1;
        pa -= 1;
        na -= 1;
        'done: {
            if na == 0 {
                break 'done;
            }
            if nb == 1 {
                copy_a!();
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    match self.lt(tmp[pb as usize], vi!(pa)) {
                        Err(e) => {
                            result = Err(e);
                            break 'done;
                        }
                        Ok(true) => {
                            vi!(dest) = vi!(pa);
                            dest -= 1;
                            pa -= 1;
                            acount += 1;
                            bcount = 0;
                            na -= 1;
                            if na == 0 {
                                break 'done;
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            vi!(dest) = tmp[pb as usize];
                            dest -= 1;
                            pb -= 1;
                            bcount += 1;
                            acount = 0;
                            nb -= 1;
                            if nb == 1 {
                                copy_a!();
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(tmp[pb as usize], &v[basea..basea + na], na - 1)
                    {
                        Ok(k) => na - k,
                        Err(e) => {
                            result = Err(e);
                            break 'done;
                        }
                    };
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pa -= k as isize;
                        let from = (pa + 1) as usize;
                        v.copy_within(from..from + k, (dest + 1) as usize);
                        na -= k;
                        if na == 0 {
                            break 'done;
                        }
                    }
                    vi!(dest) = tmp[pb as usize];
                    dest -= 1;
                    pb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        copy_a!();
                    }
                    let k = match self.gallop_left(vi!(pa), &tmp[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => {
                            result = Err(e);
                            break 'done;
                        }
                    };
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pb -= k as isize;
                        let from = (pb + 1) as usize;
                        let to = (dest + 1) as usize;
                        v[to..to + k].copy_from_slice(&tmp[from..from + k]);
                        nb -= k;
                        if nb == 1 {
                            copy_a!();
                        }
                        // nb == 0 only with an inconsistent comparison.
                        if nb == 0 {
                            break 'done;
                        }
                    }
                    vi!(dest) = vi!(pa);
                    dest -= 1;
                    pa -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'done;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
        // Succeed or Fail: what is left of b goes back in place.
        if nb > 0 {
            let to = (dest + 1) as usize - nb;
            v[to..to + nb].copy_from_slice(&tmp[..nb]);
        }
        result
    }

    /// `merge_at`: merge pending runs i and i + 1.
    fn merge_at(&mut self, v: &mut [usize], i: usize) -> Result<(), E> {
        let Run { base: mut pa, len: mut na, .. } = self.pending[i];
        let Run { base: pb, len: nb, .. } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Where does b start in a? Items of a before that are in place.
        let k = self.gallop_right(v[pb], &v[pa..pa + na], 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Where does a end in b? Items of b after that are in place.
        let nb = self.gallop_left(v[pa + na - 1], &v[pb..pb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(v, pa, na, nb)
        } else {
            self.merge_hi(v, pa, na, nb)
        }
    }

    /// `found_new_run`: the powersort merge policy, before a run of length n2 is
    /// pushed.
    fn found_new_run(&mut self, v: &mut [usize], n2: usize) -> Result<(), E> {
        if let Some(&Run { base: s1, len: n1, .. }) = self.pending.last() {
            let power = powerloop(s1, n1, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(v, i)?;
            }
            if let Some(last) = self.pending.last_mut() {
                last.power = power;
            }
        }
        Ok(())
    }

    /// `merge_force_collapse`: merge everything left, at the end.
    fn force_collapse(&mut self, v: &mut [usize]) -> Result<(), E> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(keys: &[i64]) -> Vec<usize> {
        let mut v: Vec<usize> = (0..keys.len()).collect();
        sort::<()>(&mut v, &mut |a, b| Ok(keys[a] < keys[b])).unwrap();
        let mut want: Vec<usize> = (0..keys.len()).collect();
        want.sort_by_key(|&i| keys[i]);
        assert_eq!(v, want);
        v
    }

    #[test]
    fn sorts_stably() {
        let mut x: u64 = 12345;
        for n in [0usize, 1, 2, 3, 10, 63, 64, 65, 200, 1000, 5000] {
            for modulus in [3u64, 50, 1 << 40] {
                let keys: Vec<i64> = (0..n)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        ((x >> 33) % modulus) as i64
                    })
                    .collect();
                check(&keys);
                let mut s = keys.clone();
                s.sort();
                check(&s);
                s.reverse();
                check(&s);
            }
        }
    }

    #[test]
    fn inconsistent_comparisons_stay_in_bounds() {
        // An evil `__lt__` answering at random must not break the sort.
        let mut x: u64 = 99;
        for n in [2usize, 5, 64, 65, 130, 700, 3000] {
            for _ in 0..20 {
                let mut v: Vec<usize> = (0..n).collect();
                sort::<()>(&mut v, &mut |_, _| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    Ok((x >> 40).is_multiple_of(3) || (n % 2 == 1 && (x >> 20).is_multiple_of(2)))
                })
                .unwrap();
                v.sort();
                assert_eq!(v, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn error_leaves_a_permutation() {
        let keys: Vec<i64> = (0..500).map(|i| (i * 7919) % 503).collect();
        for stop in [1, 10, 100, 1000, 3000] {
            let mut v: Vec<usize> = (0..keys.len()).collect();
            let mut count = 0;
            let r = sort(&mut v, &mut |a, b| {
                count += 1;
                if count == stop {
                    Err(())
                } else {
                    Ok(keys[a] < keys[b])
                }
            });
            assert!(r.is_err());
            let mut s = v.clone();
            s.sort();
            assert_eq!(s, (0..keys.len()).collect::<Vec<_>>());
        }
    }
}
