//! `whosaid::analyze` over the seed articles repeated to SIZE_MB (default 1), RUNS times (default 1), for profilers
//! (`valgrind --tool=callgrind target/release/examples/prof 1`, `perf stat -e page-faults … prof 10 5`); prints
//! the quotes and speakers found. With `--stages` it times each pipeline stage instead (median of RUNS), to show
//! where the time goes without a profiler.
//!
//! `cargo run --release --example prof -- [--stages] [SIZE_MB [RUNS]]`

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "common/seeds.rs"]
mod seeds;
use seeds::corpus;

use whosaid::{attribution, cues, entities, mentions, quotes, text};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
    args.retain(|a| a != "--stages");
    let mb: f64 = args.first().map_or(1.0, |a| a.parse().expect("size in MB"));
    let runs: usize = args.get(1).map_or(1, |a| a.parse().expect("runs"));
    let s = corpus((mb * 1e6) as usize);
    if !stages {
        for _ in 0..runs {
            let a = whosaid::analyze(black_box(&s));
            println!("{} quotes, {} speakers", a.quotes.len(), a.speakers.len());
        }
        return;
    }
    const NAMES: [&str; 7] = [
        "text",
        "quotes",
        "cues",
        "attribution",
        "mentions",
        "entities",
        "total",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); NAMES.len()];
    for _ in 0..runs.max(1) {
        // The stages as `whosaid::analyze` runs them, a section at a time; each stage's time summed over the sections.
        let mut sum = [Duration::ZERO; NAMES.len()];
        let t0 = Instant::now();
        let mut t = t0;
        let mut lap = |k: usize, sum: &mut [Duration; NAMES.len()]| {
            let now = Instant::now();
            sum[k] += now - t;
            t = now;
        };
        let text = black_box(s.as_str());
        let mut linker = entities::Linker::new(text);
        for range in text::sections(text, whosaid::SECTION_BYTES) {
            let doc = text::Document::new_range(text, range);
            lap(0, &mut sum);
            let q = quotes::find(&doc);
            lap(1, &mut sum);
            let c = cues::find(&doc);
            lap(2, &mut sum);
            let a = attribution::attribute(&doc, &q, &c);
            lap(3, &mut sum);
            let m = mentions::names(&doc);
            lap(4, &mut sum);
            linker.add(&doc, &q, m, a);
            drop(doc);
            lap(5, &mut sum);
        }
        let out = linker.finish();
        lap(5, &mut sum);
        black_box(&out);
        sum[6] = t0.elapsed();
        for (k, d) in sum.into_iter().enumerate() {
            times[k].push(d);
        }
    }
    for (name, mut v) in NAMES.iter().zip(times) {
        v.sort();
        let med = v[v.len() / 2];
        println!("{name:>12} {:>8.2} ms", med.as_secs_f64() * 1e3);
    }
}
