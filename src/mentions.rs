//! Mention stage: names, pronouns, role nouns, organisations.
use crate::text::Document;
#[derive(Debug, Clone)]
pub struct Mention;
pub fn find(_doc: &Document) -> Vec<Mention> {
    Vec::new()
}
