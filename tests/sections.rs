//! A long text is analysed a section at a time (`whosaid::text::sections`, `whosaid::SECTION_BYTES`): the result
//! must be the whole text's, whatever the section size. tests/properties.rs checks this on random texts; here it is
//! checked on a corpus of real articles long enough for `analyze` to cut it.
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use whosaid::{analyze, text::sections, SECTION_BYTES};

// The seed articles (tests/fixtures), as the examples have them.
#[path = "../examples/common/seeds.rs"]
mod seeds;
use seeds::SEEDS;

/// The seed articles one after another, a blank line between them, `copies` times; with each article's start.
fn corpus(copies: usize) -> (String, Vec<(usize, usize)>) {
    let mut s = String::new();
    let mut starts = Vec::new();
    for _ in 0..copies {
        for (i, seed) in SEEDS.iter().enumerate() {
            starts.push((i, s.len()));
            s.push_str(seed.trim_end());
            s.push_str("\n\n");
        }
    }
    (s, starts)
}

#[test]
fn a_long_corpus_analyses_the_same_in_sections_and_whole() {
    let (text, _) = corpus(45);
    assert!(text.len() > 2 * SECTION_BYTES);
    let cut = sections(&text, SECTION_BYTES);
    assert!(cut.len() >= 2, "{} sections", cut.len());
    assert!(sections(&text, 1).len() > 300);
    let a = analyze(&text);
    invariants::check_sections(&text, &a).unwrap();
    assert!(a.quotes.len() > 45 * 50, "{} quotes", a.quotes.len());
}

#[test]
fn every_copy_of_an_article_has_the_same_quotes_wherever_the_sections_fall() {
    let (text, starts) = corpus(45);
    let a = analyze(&text);
    // The quotes of each article copy, with offsets from its start.
    let quotes_of = |k: usize| -> Vec<_> {
        let start = starts[k].1;
        let end = starts.get(k + 1).map_or(text.len(), |&(_, s)| s);
        let at = |s: whosaid::Span| (s.start - start, s.end - start);
        a.quotes
            .iter()
            .filter(|q| q.span.start >= start && q.span.end <= end)
            .map(|q| (at(q.span), q.kind, q.cue.map(at), q.speaker.map(at)))
            .collect()
    };
    // The second round of copies is the reference: from there on, each article follows the one it follows in
    // every later round.
    let n = SEEDS.len();
    let reference: Vec<_> = (n..2 * n).map(quotes_of).collect();
    assert!(reference.iter().all(|q| !q.is_empty()));
    for k in 2 * n..starts.len() {
        assert_eq!(
            quotes_of(k),
            reference[k % n],
            "copy {k} at byte {}",
            starts[k].1
        );
    }
}
