//! Writes predictions for a gold JSONL file (`{"doc_id","text",…}` per line) in the output contract with code-point
//! offsets, for `../shared/tools/score.py`: `cargo run --release --example predict -- GOLD > pred.jsonl`.
use std::io::{BufRead, Write};
fn main() {
    let path = std::env::args().nth(1).expect("usage: predict GOLD.jsonl");
    let f = std::io::BufReader::new(std::fs::File::open(&path).expect("open gold file"));
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for line in f.lines() {
        let line = line.expect("read line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json line");
        let id = v["doc_id"].as_str().or(v["id"].as_str()).unwrap_or("");
        let text = v["text"].as_str().unwrap_or("");
        let doc = whosaid::analyze_document(id, text, whosaid::Encoding::Chars);
        serde_json::to_writer(&mut out, &doc).expect("write");
        out.write_all(b"\n").expect("write");
    }
}
