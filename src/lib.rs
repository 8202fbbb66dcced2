//! whosaid: who said what in news text.
//!
//! The pipeline, top to bottom (each stage a module with one job):
//!
//! 1. [`text`]: paragraphs, sentences and tokens with byte offsets;
//! 2. [`quotes`]: quotation-mark pairing into quote spans (and every pair, which [`quotations`] classifies once the
//!    quotes are attributed);
//! 3. [`cues`]: speech cues ("said", "told reporters", "according to", colons, dashes);
//! 4. [`mentions`]: candidate speakers (names, pronouns, role nouns, organisations);
//! 5. [`attribution`]: ordered sieves, most precise first, that give each quote a cue and a speaker mention;
//! 6. [`entities`]: mentions of one entity merged within the article (then [`story`] across articles);
//! 7. [`output`]: the serialisable contract with offsets in UTF-8, UTF-16 or code points.
//!
//! A long text goes through stages 1–5 a section at a time ([`text::sections`], [`SECTION_BYTES`]), the entity stage
//! carried from section to section ([`entities::Linker`]); the result is the whole text's.
//!
//! The core has no wasm dependency; `wasm` is a thin binding compiled only for `wasm32`.
// The browser build (scripts/build-npm.sh) sets `whosaid_small`: functions marked
// `#[cfg_attr(whosaid_small, optimize(size))]` (the sieves, the story stage) are optimised for size there.
#![cfg_attr(whosaid_small, feature(optimize_attribute, stmt_expr_attributes))]

pub mod attribution;
mod case;
pub mod cues;
pub mod entities;
pub mod eval;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod output;
pub mod quotations;
pub mod quotes;
mod scratch;
mod sort;
pub mod story;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{
    Analysis, Gender, Quotation, QuotationKind, Quote, QuoteKind, Span, Speaker, SpeakerKind,
};
pub use output::{DocumentOut, Encoding};

/// Finds every quotation in `text` and attributes it to a speaker.
pub fn analyze(text: &str) -> Analysis {
    analyze_in_sections(text, SECTION_BYTES)
}

/// A long text is analysed a section of about this many bytes at a time (see [`text::sections`]): each section's
/// tokens, indexes and attributions stay in the processor's caches while the stages run over them, where those of a
/// whole 10 MB text (about 70 MB) would be read from memory by every stage again.
pub const SECTION_BYTES: usize = 512 * 1024;

/// [`analyze`] with sections of about `section` bytes; the result does not depend on `section` (the tests hold it
/// to that with sections down to a paragraph).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn analyze_in_sections(text: &str, section: usize) -> Analysis {
    let text = &text[..text::u32_limit(text)];
    let mut linker = entities::Linker::new(text);
    let mut pairs = Vec::new();
    let mut quotes_before = 0;
    for range in text::sections(text, section) {
        let mut doc = text::Document::new_range(text, range);
        let (quote_spans, marks) = quotes::pair(&doc);
        quotes::settle_apostrophes(&mut doc, &quote_spans, &marks);
        let cues = cues::find(&doc);
        let attributed = attribution::attribute(&doc, &quote_spans, &cues);
        quotations::add(&doc, &marks, &cues, &attributed, quotes_before, &mut pairs);
        quotes_before += attributed.len();
        // The name mentions are read as the entity stage links them (none is kept beyond that).
        linker.add(&doc, &quote_spans, mentions::names(&doc), attributed);
    }
    let mut analysis = linker.finish();
    analysis.quotations = pairs;
    analysis
}

/// [`analyze`] rendered in the output contract with offsets in `enc`.
pub fn analyze_document(id: &str, text: &str, enc: Encoding) -> DocumentOut {
    DocumentOut::new(id, text, &analyze(text), enc)
}
