//! The five seed articles (tests/fixtures) and the benchmark corpus made from them, shared by the examples.

pub const SEEDS: [&str; 5] = [
    include_str!("../../tests/fixtures/000_0b425a99d12787b3.txt"),
    include_str!("../../tests/fixtures/001_29c8fd17e0dbaca8.txt"),
    include_str!("../../tests/fixtures/002_5a0a87bd08680d7a.txt"),
    include_str!("../../tests/fixtures/003_6cb643e6d6094715.txt"),
    include_str!("../../tests/fixtures/004_7117306b83a53ba3.txt"),
];

/// The seeds repeated, a blank line between copies, to exactly `size` bytes (or just under, to stay on a char
/// boundary).
#[allow(dead_code)] // story_bench uses the articles one by one
pub fn corpus(size: usize) -> String {
    let mut s = String::with_capacity(size + 8192);
    'fill: loop {
        for seed in SEEDS {
            if s.len() >= size {
                break 'fill;
            }
            s.push_str(seed.trim_end());
            s.push_str("\n\n");
        }
    }
    let mut cut = size.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}
