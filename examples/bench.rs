//! Native throughput of `whosaid::analyze` next to one bare UAX #29 word-boundary pass over the same text.
//!
//! The text is the seed articles (tests/fixtures/*.txt) repeated, a blank line between copies, to each size asked
//! for (default 1 MB and 10 MB; cut on a char boundary). For each size it times, `RUNS` times each, interleaved:
//! `analyze(text)`, `analyze_document(…, Utf16)` serialised to JSON (what the CLI and page add on top), and
//! `text.split_word_bounds().count()` (the reference pass); it prints medians, MB/s and the ratio to the reference.
//! Sizes under 5 MB run three times as often (short runs are the most exposed to other load). The sizes take turns,
//! round after round, so that their ratio compares runs from the same minutes.
//! The last line per size is machine-readable for scripts/bench.sh:
//! `RESULT size=<bytes> analyze_s=<median> segment_s=<median> json_s=<median> quotes=<n> speakers=<n>`.
//!
//! `cargo run --release --example bench -- [--runs N] [SIZE_MB ...]`

use std::hint::black_box;
use std::time::{Duration, Instant};

use unicode_segmentation::UnicodeSegmentation;

#[path = "common/seeds.rs"]
mod seeds;
use seeds::corpus;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn main() {
    let mut runs = 7usize;
    let mut sizes_mb: Vec<f64> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N");
        } else {
            sizes_mb.push(a.parse().expect("size in MB"));
        }
    }
    if sizes_mb.is_empty() {
        sizes_mb = vec![1.0, 10.0];
    }
    let runs = runs.max(1);
    struct Size {
        text: String,
        /// Runs per round: three below 5 MB.
        per_round: usize,
        quotes: usize,
        speakers: usize,
        words: usize,
        t_an: Vec<Duration>,
        t_seg: Vec<Duration>,
        t_json: Vec<Duration>,
    }
    let mut sizes: Vec<Size> = sizes_mb
        .iter()
        .map(|&mb| {
            let text = corpus((mb * 1e6) as usize);
            let a = whosaid::analyze(&text);
            let (quotes, speakers) = (a.quotes.len(), a.speakers.len());
            drop(a);
            black_box(text.split_word_bounds().count());
            Size {
                text,
                per_round: if mb < 5.0 { 3 } else { 1 },
                quotes,
                speakers,
                words: 0,
                t_an: Vec::new(),
                t_seg: Vec::new(),
                t_json: Vec::new(),
            }
        })
        .collect();
    // The sizes take turns, round after round, so that all of them meet the same spells of a busy machine (the
    // ratio of their times would otherwise compare one spell with another).
    for _ in 0..runs {
        for z in &mut sizes {
            for _ in 0..z.per_round {
                let text = &z.text;
                let t = Instant::now();
                z.words = black_box(black_box(text.as_str()).split_word_bounds().count());
                z.t_seg.push(t.elapsed());

                let t = Instant::now();
                let a = whosaid::analyze(black_box(text));
                z.t_an.push(t.elapsed());
                black_box(&a);
                drop(a);

                let t = Instant::now();
                let d =
                    whosaid::analyze_document("bench", black_box(text), whosaid::Encoding::Utf16);
                let json = serde_json::to_vec(&d).expect("serialise");
                z.t_json.push(t.elapsed());
                black_box(json);
            }
        }
    }
    for z in sizes {
        let Size {
            text,
            quotes,
            speakers,
            words,
            t_an,
            t_seg,
            t_json,
            ..
        } = z;
        let n = t_an.len();
        let best = t_an.iter().min().copied().unwrap_or_default();
        let (an, seg, js) = (median(t_an), median(t_seg), median(t_json));
        println!(
            "native {:>6.2} MB: analyze {:>8.2} ms ({:>6.1} MB/s) | +JSON/UTF-16 {:>8.2} ms ({:>6.1} MB/s) | \
             split_word_bounds {:>7.2} ms ({:>6.1} MB/s, {words} segments) | analyze/segmentation {:.2}x | \
             {quotes} quotes, {speakers} speakers | median of {n} (fastest analyze {:.2} ms)",
            text.len() as f64 / 1e6,
            an.as_secs_f64() * 1e3,
            mbps(text.len(), an),
            js.as_secs_f64() * 1e3,
            mbps(text.len(), js),
            seg.as_secs_f64() * 1e3,
            mbps(text.len(), seg),
            an.as_secs_f64() / seg.as_secs_f64(),
            best.as_secs_f64() * 1e3,
        );
        println!(
            "RESULT size={} analyze_s={:.6} segment_s={:.6} json_s={:.6} quotes={quotes} speakers={speakers}",
            text.len(),
            an.as_secs_f64(),
            seg.as_secs_f64(),
            js.as_secs_f64()
        );
    }
}
