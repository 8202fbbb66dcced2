//! `whosaid::analyze` over the seed articles repeated to SIZE_MB (default 1), RUNS times (default 1), for profilers
//! (`valgrind --tool=callgrind target/release/examples/prof 1`, `perf stat -e page-faults … prof 10 5`); prints
//! the quotes and speakers found.
//!
//! `cargo run --release --example prof -- [SIZE_MB [RUNS]]`

const SEEDS: [&str; 5] = [
    include_str!("../tests/fixtures/000_0b425a99d12787b3.txt"),
    include_str!("../tests/fixtures/001_29c8fd17e0dbaca8.txt"),
    include_str!("../tests/fixtures/002_5a0a87bd08680d7a.txt"),
    include_str!("../tests/fixtures/003_6cb643e6d6094715.txt"),
    include_str!("../tests/fixtures/004_7117306b83a53ba3.txt"),
];

fn main() {
    let mb: f64 = std::env::args()
        .nth(1)
        .map_or(1.0, |a| a.parse().expect("size in MB"));
    let size = (mb * 1e6) as usize;
    // The same corpus as examples/bench.rs.
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
    let runs: usize = std::env::args()
        .nth(2)
        .map_or(1, |a| a.parse().expect("runs"));
    for _ in 0..runs {
        let a = whosaid::analyze(std::hint::black_box(&s));
        println!("{} quotes, {} speakers", a.quotes.len(), a.speakers.len());
    }
}
