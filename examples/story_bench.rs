//! Benchmark for the story across articles, stage by stage: `analyze` of every article, `build_story`, the offset
//! conversion and the JSON of the whole story.
//!
//! `cargo run --release --example story_bench [N_ARTICLES] [--pieces]`
//!
//! By default the five seed articles in turn, every copy with its own id (200 articles, about 1 MB). With
//! `--pieces`, the page benchmark's input (scripts/bench-page.mjs): the seeds (trimmed, a blank line between them)
//! as one stream cut into articles of 1,000 characters in turn.

use std::time::Instant;

use whosaid::output::Encoding;
use whosaid::story::build_story;
use whosaid::Analysis;

#[path = "common/seeds.rs"]
mod seeds;
use seeds::SEEDS;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pieces = args.iter().any(|a| a == "--pieces");
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(200);
    let owned: Vec<String> = if pieces {
        let stream: Vec<char> = SEEDS
            .iter()
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join("\n\n")
            .chars()
            .chain("\n\n".chars())
            .collect();
        (0..n)
            .map(|i| {
                (0..1000)
                    .map(|k| stream[(i * 1000 + k) % stream.len()])
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect()
    } else {
        (0..n).map(|i| SEEDS[i % SEEDS.len()].to_string()).collect()
    };
    let ids: Vec<String> = (0..n).map(|i| format!("article-{i:04}")).collect();
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();

    let t0 = Instant::now();
    let analyses: Vec<Analysis> = texts.iter().map(|t| whosaid::analyze(t)).collect();
    let analyse = t0.elapsed();

    let docs: Vec<(&str, &str, &Analysis)> = ids
        .iter()
        .zip(&texts)
        .zip(&analyses)
        .map(|((id, t), a)| (id.as_str(), *t, a))
        .collect();
    let t1 = Instant::now();
    let mut story = build_story(&docs);
    let build = t1.elapsed();
    let t2 = Instant::now();
    story.convert_offsets(&texts, Encoding::Utf16);
    let convert = t2.elapsed();
    let pairs: Vec<(&str, &str)> = ids
        .iter()
        .map(String::as_str)
        .zip(texts.iter().copied())
        .collect();
    let t3 = Instant::now();
    let out = whosaid::story::analyze_story(&pairs, Encoding::Utf16);
    let whole = t3.elapsed();
    let t4 = Instant::now();
    let json = serde_json::to_string(&out).expect("serialisable");
    let to_json = t4.elapsed();

    let speakers: usize = analyses.iter().map(|a| a.speakers.len()).sum();
    let quotes: usize = analyses.iter().map(|a| a.quotes.len()).sum();
    let largest = story
        .quote_groups
        .iter()
        .map(|g| g.versions.len())
        .max()
        .unwrap_or(0);
    let versions: usize = story.quote_groups.iter().map(|g| g.versions.len()).sum();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "{n} articles, {:.2} MB, {speakers} article speakers, {quotes} quotes",
        bytes as f64 / 1e6
    );
    println!("analyze (all articles): {:.1} ms", ms(analyse));
    println!(
        "build_story: {:.1} ms → {} story speakers, {} quote groups ({versions} versions, largest {largest})",
        ms(build),
        story.speakers.len(),
        story.quote_groups.len()
    );
    println!("convert_offsets (UTF-16): {:.1} ms", ms(convert));
    println!(
        "analyze_story (all of the above, with DocumentOut): {:.1} ms",
        ms(whole)
    );
    println!(
        "JSON of the story: {:.1} ms, {:.1} MB",
        ms(to_json),
        json.len() as f64 / 1e6
    );
}
