//! Python's `random` module: CPython's Mersenne Twister (Modules/_randommodule.c)
//! and the methods of Lib/random.py built on it, drawing the same numbers in the
//! same order, so a seeded program prints what CPython prints.
//!
//! Nothing here touches the OS: `random.seed()` without an argument (or never
//! seeding) needs a seed from the VM.

use super::fmath;
use super::int_ops::ArithError;
use super::PyError;

/// MT19937's state size in 32-bit words.
const N: usize = 624;
/// MT19937's middle word offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)` of random.py.
const NV_MAGICCONST: f64 = 1.7155277699214135;
/// `TWOPI = 2.0 * pi` of random.py.
const TWOPI: f64 = std::f64::consts::TAU;

/// A `random.Random` instance: MT19937 state plus `gauss`'s spare value.
#[derive(Debug, Clone)]
pub struct Random {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Random {
    /// `random.Random(seed)` for an int seed.
    pub fn new(seed: i64) -> Random {
        let mut r = Random { state: [0; N], index: N, gauss_next: None };
        r.seed(seed);
        r
    }

    /// `seed(n)` for an int (`random_seed`): the 32-bit words of `abs(n)`, least
    /// significant first (one word `0` for `n == 0`), through `init_by_array`.
    /// Also clears `gauss`'s spare value, as random.py's `seed` does.
    pub(crate) fn seed(&mut self, n: i64) {
        self.seed_magnitude(n.unsigned_abs());
    }

    /// `seed(x)` for a float, or a bool (`random_seed` on a non-int): the seed is
    /// `hash(x)` read as an unsigned 64-bit number (`hash(True) == 1`).
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_magnitude(hash as u64);
    }

    fn seed_magnitude(&mut self, n: u64) {
        let key: Vec<u32> =
            if n >> 32 == 0 { vec![n as u32] } else { vec![n as u32, (n >> 32) as u32] };
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `init_genrand`.
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] =
                1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `genrand_uint32`: the next 32-bit output.
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
                let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits, `(a*2**26 + b) / 2**53` from two outputs
    /// (`a` their top 27 bits, `b` the top 26 of the next).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` (`_random_Random_getrandbits_impl`): one output's top `k`
    /// bits for `k <= 32`; otherwise 32-bit words from the least significant up,
    /// the last one's top bits. `ValueError` for `k < 0`; more than 64 bits is
    /// [`ArithError::Overflow`].
    pub fn getrandbits(&mut self, k: i64) -> Result<u64, ArithError> {
        if k < 0 {
            return Err(PyError::value_error("number of bits must be non-negative").into());
        }
        if k > 64 {
            return Err(ArithError::Overflow);
        }
        Ok(self.bits(k as u32))
    }

    fn bits(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let low = self.next_u32() as u64;
                let high = (self.next_u32() >> (64 - k)) as u64;
                low | (high << 32)
            }
        }
    }

    /// `_randbelow(n)` (`_randbelow_with_getrandbits`), `n > 0`: `getrandbits` of
    /// `n`'s bit length until the draw is below `n`.
    pub(crate) fn randbelow(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0, "_randbelow is defined for n > 0");
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(start, stop, step)` with random.py's errors: `randrange(stop)`
    /// when `stop` is `None` (then `step` must be absent or 1:
    /// `TypeError: Missing a non-None stop argument`),
    /// `empty range for randrange()`, `empty range in randrange(5, 1)`,
    /// `zero step for randrange()`, `empty range in randrange(1, 5, -1)`.
    pub fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<i64, ArithError> {
        let Some(stop) = stop else {
            if step.is_some_and(|s| s != 1) {
                return Err(PyError::type_error("Missing a non-None stop argument").into());
            }
            if start > 0 {
                return Ok(self.randbelow(start as u64) as i64);
            }
            return Err(PyError::value_error("empty range for randrange()").into());
        };
        let width = stop as i128 - start as i128;
        let step_value = step.unwrap_or(1);
        if step_value == 1 {
            if width > 0 {
                return Ok(start + self.randbelow(width as u64) as i64);
            }
            return Err(
                PyError::value_error(format!("empty range in randrange({start}, {stop})")).into()
            );
        }
        let istep = step_value as i128;
        // Python's floor division (div_euclid differs for a negative divisor).
        let floor_div = |a: i128, b: i128| {
            let q = a / b;
            if a % b != 0 && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        };
        let n = match istep.signum() {
            1 => floor_div(width + istep - 1, istep),
            -1 => floor_div(width + istep + 1, istep),
            _ => return Err(PyError::value_error("zero step for randrange()").into()),
        };
        if n <= 0 {
            return Err(PyError::value_error(format!(
                "empty range in randrange({start}, {stop}, {step_value})"
            ))
            .into());
        }
        let offset = istep * self.randbelow(n as u64) as i128;
        i64::try_from(start as i128 + offset).map_err(|_| ArithError::Overflow)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, ArithError> {
        let stop = b.checked_add(1).ok_or(ArithError::Overflow)?;
        self.randrange(a, Some(stop), None)
    }

    /// The index `choice(seq)` takes for a sequence of length `len`:
    /// `_randbelow(len)`; `IndexError: Cannot choose from an empty sequence`.
    pub fn choice(&mut self, len: usize) -> Result<usize, PyError> {
        if len == 0 {
            return Err(PyError::new("IndexError", "Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `shuffle(x)` in place: for `i` from `len-1` down to 1, swap `x[i]` with
    /// `x[_randbelow(i + 1)]`.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// The indices `sample(population, k)` picks from a population of length `n`,
    /// in selection order (3.13's algorithm: a shrinking pool when `n` is at most
    /// `21 + 4**ceil(log(3k, 4))` (just 21 for `k <= 5`), else rejection of
    /// repeats). `ValueError: Sample larger than population or is negative`.
    pub fn sample(&mut self, n: usize, k: i64) -> Result<Vec<usize>, PyError> {
        let k = usize::try_from(k)
            .ok()
            .filter(|&k| k <= n)
            .ok_or_else(|| PyError::value_error("Sample larger than population or is negative"))?;
        let mut setsize: u128 = 21;
        if k > 5 {
            // 4 ** ceil(log(3k, 4)): 3k is never a power of 4, so this is the
            // smallest power of 4 above 3k.
            let mut power: u128 = 1;
            while power < 3 * k as u128 {
                power *= 4;
            }
            setsize += power;
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// The index one pick of `choices(seq)` (no weights) takes for a sequence of
    /// length `len`: `floor(random() * len)`.
    pub fn choices_index(&mut self, len: usize) -> usize {
        (self.random() * len as f64).floor() as usize
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -fmath::ln(u2) {
                return mu + z * sigma;
            }
        }
    }

    /// `gauss(mu, sigma)`: Box–Muller, returning one value and keeping the other
    /// for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * fmath::ln(1.0 - self.random())).sqrt();
                self.gauss_next = Some(fmath::sin(x2pi) * g2rad);
                fmath::cos(x2pi) * g2rad
            }
        };
        mu + z * sigma
    }

    /// `expovariate(lambd)`: `-log(1 - random()) / lambd`.
    pub fn expovariate(&mut self, lambd: f64) -> f64 {
        -fmath::ln(1.0 - self.random()) / lambd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_42() {
        let mut r = Random::new(42);
        assert_eq!(r.random(), 0.6394267984578837);
        assert_eq!(r.randint(1, 10), Ok(1));
    }
}
