//! Fuzz target over `whosaid::analyze` and `whosaid::story::analyze_story`.
//!
//! The input (lossily decoded as UTF-8) is analysed as one article, and split at U+0000 or form feeds into up to
//! eight articles for the story. Asserted: no panic; every span inside the text, on char boundaries, start ≤ end;
//! speaker ids valid; the output contract's offsets slice the text in UTF-8, UTF-16 and code points; the same
//! output on a second run. See fuzz/README.md for how to run it on stable Rust.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::Encoding;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = invariants::check_all(&text) {
        panic!("analyze invariant broken: {e}\ninput: {text:?}");
    }
    let docs: Vec<(String, &str)> = text
        .split(['\u{0}', '\u{c}'])
        .take(8)
        .enumerate()
        .map(|(i, t)| (format!("a{i}"), t))
        .collect();
    let docs: Vec<(&str, &str)> = docs.iter().map(|(id, t)| (id.as_str(), *t)).collect();
    let enc = [Encoding::Utf8, Encoding::Utf16, Encoding::Chars][data.len() % 3];
    if let Err(e) = invariants::check_story(&docs, enc) {
        panic!("story invariant broken ({enc:?}): {e}\ninput: {text:?}");
    }
});
