//! Cue stage: speech verbs, "according to", colons and dashes.
use crate::text::Document;
#[derive(Debug, Clone)]
pub struct Cue;
pub fn find(_doc: &Document) -> Vec<Cue> {
    Vec::new()
}
