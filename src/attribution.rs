//! Attribution stage: ordered sieves.
use crate::{cues::Cue, mentions::Mention, quotes::QuoteSpan, text::Document, Quote};
pub fn attribute(_doc: &Document, _q: &[QuoteSpan], _c: &[Cue], _m: &[Mention]) -> Vec<Quote> {
    Vec::new()
}
