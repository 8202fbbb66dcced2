//! Writes quote-dense text (examples/common/dense.rs) to standard output, the same bytes for the same arguments
//! everywhere: the input of scripts/bench.sh's CLI report and memory budgets (no big file is committed).
//!
//! `cargo run --release --example dense -- SIZE_MB [--lines N] [--jsonl]`
//! - `--lines N`: a line break after every N sentences (default 0: the whole text on one line);
//! - `--jsonl`: the text as one JSON line `{"id":"dense","text":…}` (for `whosaid --input jsonl`).

use std::io::Write;

#[path = "common/dense.rs"]
mod dense;

fn main() {
    let mut size_mb: Option<f64> = None;
    let mut lines = 0usize;
    let mut jsonl = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lines" => lines = args.next().and_then(|n| n.parse().ok()).expect("--lines N"),
            "--jsonl" => jsonl = true,
            _ => size_mb = Some(a.parse().expect("SIZE_MB")),
        }
    }
    let size = (size_mb.expect("usage: dense SIZE_MB [--lines N] [--jsonl]") * 1e6) as usize;
    let text = dense::dense(size, lines);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if jsonl {
        serde_json::to_writer(&mut out, &serde_json::json!({"id": "dense", "text": text}))
            .expect("write");
        out.write_all(b"\n").expect("write");
    } else {
        out.write_all(text.as_bytes()).expect("write");
    }
    out.flush().expect("write");
}
