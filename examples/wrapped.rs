//! Prints the line breaks that the text stage reads as soft (hard-wrapped text rejoined, `whosaid::text::wrap`):
//! each joined pair of lines, and a count per document. Reads text files, or JSON lines with a `text` field
//! (`--jsonl`, as PolNeAR's `train.jsonl`): a check that text whose lines are paragraphs is not rejoined.
//!
//! `cargo run --release --example wrapped -- --jsonl ../shared/data/polnear/train.jsonl`

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args.iter().any(|a| a == "--jsonl");
    args.retain(|a| a != "--jsonl");
    let mut docs: Vec<(String, String)> = Vec::new();
    for path in &args {
        let content = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        if jsonl {
            for (i, line) in content.lines().enumerate() {
                let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                let id = v["doc_id"]
                    .as_str()
                    .map_or(format!("{path}:{}", i + 1), str::to_string);
                docs.push((id, v["text"].as_str().unwrap_or("").to_string()));
            }
        } else {
            docs.push((path.clone(), content));
        }
    }
    let (mut total, mut with) = (0, 0);
    for (id, text) in &docs {
        let mut soft = Vec::new();
        whosaid::text::wrap::soft_breaks(text, 0, text.len(), &mut soft);
        // `\r\n` is two entries: count breaks by their first byte.
        soft.dedup_by(|b, a| *b == *a + 1 && text.as_bytes()[*a as usize] == b'\r');
        if soft.is_empty() {
            continue;
        }
        with += 1;
        total += soft.len();
        println!("== {id}: {} soft breaks", soft.len());
        for &k in &soft {
            let k = k as usize;
            let a = text[..k].rfind(['\n', '\r']).map_or(0, |p| p + 1);
            let b = text[k + 1..]
                .find(['\n', '\r'])
                .map_or(text.len(), |p| k + 1 + p);
            println!("  {:?} ~ {:?}", &text[a..k], text[k..b].trim_start());
        }
    }
    println!("{total} soft breaks in {with} of {} documents", docs.len());
}
