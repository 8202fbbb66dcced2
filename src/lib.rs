//! whosaid: who said what in news text.
//!
//! The pipeline, top to bottom (each stage a module with one job):
//!
//! 1. [`text`]: paragraphs, sentences and tokens with byte offsets;
//! 2. [`quotes`]: quotation-mark pairing into quote spans;
//! 3. [`cues`]: speech cues ("said", "told reporters", "according to", colons, dashes);
//! 4. [`mentions`]: candidate speakers (names, pronouns, role nouns, organisations);
//! 5. [`attribution`]: ordered sieves, most precise first, that give each quote a cue and a speaker mention;
//! 6. [`entities`]: mentions of one entity merged within the article (then [`story`] across articles);
//! 7. [`output`]: the serialisable contract with offsets in UTF-8, UTF-16 or code points.
//!
//! The core has no wasm dependency; [`wasm`] is a thin binding compiled only for `wasm32`.

pub mod attribution;
pub mod cues;
pub mod entities;
pub mod eval;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod output;
pub mod quotes;
mod scratch;
pub mod story;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{Analysis, Gender, Quote, QuoteKind, Span, Speaker, SpeakerKind};
pub use output::{DocumentOut, Encoding};

/// Finds every quotation in `text` and attributes it to a speaker.
pub fn analyze(text: &str) -> Analysis {
    let doc = text::Document::new(text);
    let quote_spans = quotes::find(&doc);
    let cues = cues::find(&doc);
    let attributed = attribution::attribute(&doc, &quote_spans, &cues);
    // The name mentions are read as the entity stage links them (none is kept beyond that).
    entities::resolve_names(&doc, mentions::names(&doc), attributed)
}

/// [`analyze`] rendered in the output contract with offsets in `enc`.
pub fn analyze_document(id: &str, text: &str, enc: Encoding) -> DocumentOut {
    DocumentOut::new(id, text, &analyze(text), enc)
}
