//! What several test files share. Cargo does not build `tests/common/` as a
//! test of its own; a test file takes it with `mod common;`.

// Each test file uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// splitmix64: tiny, deterministic (failures reproduce from the seed), no crate.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Every program with an expected output: `../shared/scenarios`, the
/// gallery, `tests/scenarios`. Fails if the shared scenarios are missing.
pub fn programs() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for dir in ["../shared/scenarios", "src/view/gallery", "tests/scenarios"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "py") && p.with_extension("out").exists()
            })
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "{dir} has no programs");
        for p in paths {
            let src = std::fs::read_to_string(&p).unwrap();
            out.push((p, src));
        }
    }
    assert!(out.len() >= 135, "only {} programs", out.len());
    out
}
