//! Quote stage: pairs quotation marks into spans.
use crate::text::Document;
#[derive(Debug, Clone)]
pub struct QuoteSpan;
pub fn find(_doc: &Document) -> Vec<QuoteSpan> {
    Vec::new()
}
