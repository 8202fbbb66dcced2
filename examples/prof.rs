//! `whosaid::analyze` over the seed articles repeated to SIZE_MB (default 1), RUNS times (default 1), for profilers
//! (`valgrind --tool=callgrind target/release/examples/prof 1`, `perf stat -e page-faults … prof 10 5`); prints
//! the quotes and speakers found.
//!
//! `cargo run --release --example prof -- [SIZE_MB [RUNS]]`

#[path = "common/seeds.rs"]
mod seeds;
use seeds::corpus;

fn main() {
    let mb: f64 = std::env::args()
        .nth(1)
        .map_or(1.0, |a| a.parse().expect("size in MB"));
    let size = (mb * 1e6) as usize;
    let s = corpus(size);
    let runs: usize = std::env::args()
        .nth(2)
        .map_or(1, |a| a.parse().expect("runs"));
    for _ in 0..runs {
        let a = whosaid::analyze(std::hint::black_box(&s));
        println!("{} quotes, {} speakers", a.quotes.len(), a.speakers.len());
    }
}
