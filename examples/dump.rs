//! Prints every quote of the given files with its kind, sieve, speaker and confidence: a quick look while tuning rules.
//! `cargo run --example dump -- tests/fixtures/002_5a0a87bd08680d7a.txt`
fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let a = whosaid::analyze(&text);
        println!(
            "== {path}: {} quotes, {} speakers",
            a.quotes.len(),
            a.speakers.len()
        );
        for q in &a.quotes {
            let who = q
                .speaker_id
                .map(|i| a.speakers[i].name.as_str())
                .unwrap_or("?");
            let said = q.speaker.map(|s| s.text(&text)).unwrap_or("-");
            let cue = q.cue.map(|s| s.text(&text)).unwrap_or("-");
            let t: String = q.span.text(&text).chars().take(110).collect();
            println!(
                "{:8} {:14} {:.2} [{who} <- {said} | {cue}] {t}",
                q.kind.as_str(),
                q.sieve,
                q.confidence
            );
        }
        for (i, s) in a.speakers.iter().enumerate() {
            println!(
                "  #{i} {} ({}) aliases={:?} desc={:?} quotes={}",
                s.name,
                s.kind.as_str(),
                s.aliases,
                s.descriptions,
                s.quotes
            );
        }
    }
}
