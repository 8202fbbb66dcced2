//! Text stage: paragraphs, sentences and tokens with byte offsets.
pub struct Document<'a> {
    pub text: &'a str,
}
impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        Document { text }
    }
}
