//! Benchmark for the story across articles: 200 articles (~1 MB, the five seed articles 40 times each, every copy
//! with its own ids) through `analyze` and `build_story`, timed separately.
//!
//! `cargo run --release --example story_bench [N_ARTICLES]`

use std::time::Instant;

use whosaid::story::build_story;
use whosaid::Analysis;

#[path = "common/seeds.rs"]
mod seeds;
use seeds::SEEDS;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let ids: Vec<String> = (0..n).map(|i| format!("article-{i:04}")).collect();
    let texts: Vec<&str> = (0..n).map(|i| SEEDS[i % SEEDS.len()]).collect();
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
    let story = build_story(&docs);
    let build = t1.elapsed();

    let speakers: usize = analyses.iter().map(|a| a.speakers.len()).sum();
    let quotes: usize = analyses.iter().map(|a| a.quotes.len()).sum();
    let largest = story
        .quote_groups
        .iter()
        .map(|g| g.versions.len())
        .max()
        .unwrap_or(0);
    println!(
        "{n} articles, {:.2} MB, {speakers} article speakers, {quotes} quotes",
        bytes as f64 / 1e6
    );
    println!(
        "analyze (all articles): {:.1} ms",
        analyse.as_secs_f64() * 1e3
    );
    println!(
        "build_story: {:.1} ms → {} story speakers, {} quote groups (largest {largest} versions)",
        build.as_secs_f64() * 1e3,
        story.speakers.len(),
        story.quote_groups.len()
    );
}
