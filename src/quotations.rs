//! Every pair of quotation marks as found ([`crate::quotes::pair`]), with its nesting, the attributed quote it is part
//! of, and what it holds.
//!
//! A pair is part of an attributed quote when the quote's span holds it (a direct quote, the reported clause of a mixed
//! or indirect quote), or one of its parts (a quote interrupted by its cue, `“A,” X said. “B.”`). Its kind, by the
//! first rule that applies:
//!
//! 1. `title` after a word that names a work, a headline or a slogan (`the film “…”`, `titled “…”`, `a sign reading
//!    “…”`, [`TITLE_CUES`]), or a capitalised title after a preposition or a possessive (`on CBS's “Face the
//!    Nation”`);
//! 2. `term` after a word that introduces a term (`so-called “…”`, `dubbed “…”`, `the word “…”`, `known as “…”`,
//!    [`TERM_CUES`]), or of at most three words between two capitalised words (a nickname: `Dwayne “The Rock”
//!    Johnson`);
//! 3. `speech` for an outermost pair that is part of an attributed quote;
//! 4. right after a cue, with at most a colon, a comma or a pronoun between: `term` after a cue that names (`called it
//!    “…”`, [`NAMING_CUES`]), else `speech` (`told me ‘never’`, `shouted: “…”`);
//! 5. `speech` for dialogue: a pair that opens its sentence with two words or more or with punctuation before its
//!    closing mark (`“Where?” “There!”`), that ends in `.`, `!`, `?` or `…` with three words or more, or that holds
//!    eight words or more;
//! 6. `title` for two words or more, every one capitalised but small function words, not opening the sentence
//!    (`they chanted “Lock Her Up”`);
//! 7. else `term` (a scare quote: `the “experts”`, `he is “really good”`).
//!
//! A pair inside another is classified by the same rules without rule 3: `“They call it ‘reform’,” he said` makes
//! ‘reform’ a term of the attributed quote.

use crate::attribution::sieves::trailing_cue::is_title_after_preposition;
use crate::attribution::Attribution;
use crate::cues::Cue;
use crate::model::{Quotation, QuotationKind};
use crate::quotes::Pair;
use crate::text::{Document, Kind};

/// Words right before a pair that make it a title (lower case, sorted for a binary search).
pub const TITLE_CUES: &[&str] = &[
    "album",
    "article",
    "banner",
    "book",
    "campaign",
    "chant",
    "column",
    "documentary",
    "entitled",
    "episode",
    "essay",
    "film",
    "hashtag",
    "headline",
    "headlined",
    "magazine",
    "motto",
    "movie",
    "musical",
    "novel",
    "op-ed",
    "opera",
    "painting",
    "placard",
    "play",
    "podcast",
    "poem",
    "program",
    "programme",
    "reading",
    "series",
    "show",
    "sign",
    "slogan",
    "song",
    "titled",
];

/// Words right before a pair that make it a term (lower case, sorted for a binary search; also `as` after `known` or
/// `referred`).
pub const TERM_CUES: &[&str] = &[
    "called",
    "dubbed",
    "expression",
    "label",
    "labeled",
    "labelled",
    "moniker",
    "named",
    "nickname",
    "nicknamed",
    "phrase",
    "so-called",
    "term",
    "termed",
    "word",
    "words",
];

/// Lemmas of cues that name rather than report (`called it “…”`): what follows them is a term.
const NAMING_CUES: &str = "brand call describe dub label name term";

/// Classifies the `pairs` of one section of the text (its document `doc`, cues and attributions, the quotes before it
/// numbering `quotes_before`) and appends them to `out`, the pairs of the sections before.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn add(
    doc: &Document,
    pairs: &[Pair],
    cues: &[Cue],
    attributed: &[Attribution],
    quotes_before: usize,
    out: &mut Vec<Quotation>,
) {
    // The pairs that hold the current one: (index in `out`, end).
    let mut open: Vec<(usize, usize)> = Vec::new();
    for p in pairs {
        while open.last().is_some_and(|&(_, end)| end < p.span.end) {
            open.pop();
        }
        let parent = open.last().map(|&(k, _)| k);
        // Attributions are in text order: the one holding the pair starts at or before it.
        let at = attributed.partition_point(|a| a.span.start <= p.span.start);
        let holds = |a: &Attribution| {
            if a.parts.is_empty() {
                a.span.contains(p.span)
            } else {
                a.parts.iter().any(|part| part.contains(p.span))
            }
        };
        let quote = (at.saturating_sub(8)..at)
            .rev()
            .find(|&k| holds(&attributed[k]))
            .map(|k| k + quotes_before);
        let kind = kind_of(doc, p, cues, quote.is_some() && parent.is_none());
        open.push((out.len(), p.span.end));
        out.push(Quotation {
            span: p.span,
            depth: open.len() - 1,
            parent,
            quote,
            kind,
        });
    }
}

/// `w` is one of the words of `list`, space-separated (a string of words is smaller code and data than a slice of
/// strings; the long lists, read for every pair, are sorted slices for a binary search instead).
#[cfg_attr(whosaid_small, optimize(size))]
fn in_list(w: &str, list: &str) -> bool {
    let (mut rest, w) = (list.as_bytes(), w.as_bytes());
    while !rest.is_empty() {
        let n = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
        if rest[..n] == *w {
            return true;
        }
        rest = rest.get(n + 1..).unwrap_or_default();
    }
    false
}

/// Token `k` is a word, lower-cased one of the sorted `list`.
#[cfg_attr(whosaid_small, optimize(size))]
fn word_among(doc: &Document, k: usize, list: &[&str]) -> bool {
    let mut buf = [0u8; 48];
    doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word)
        && list.binary_search(&doc.lower(k, &mut buf)).is_ok()
}

/// Token `k` is a word, lower-cased one of the words of `list`.
#[cfg_attr(whosaid_small, optimize(size))]
fn word_in(doc: &Document, k: usize, list: &str) -> bool {
    let mut buf = [0u8; 48];
    doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word) && in_list(doc.lower(k, &mut buf), list)
}

/// Object pronouns between a cue and what it reports (`told me “…”`).
const OBJECTS: &str = "me him her us them you it";

/// Small words a capitalised title may hold in lower case.
const SMALL: &str = "a an and at for in of on or the to with";

#[cfg_attr(whosaid_small, optimize(size))]
fn kind_of(doc: &Document, p: &Pair, cues: &[Cue], attributed: bool) -> QuotationKind {
    let (o, c) = (p.open_tok, p.close_tok);
    let word = |k: usize| doc.tokens[k].kind == Kind::Word;
    let words = (o + 1..c).filter(|&k| word(k)).count();
    let before = o.wrapping_sub(1);
    // 1, 2: the word before.
    if word_among(doc, before, TITLE_CUES) || c > o && is_title_after_preposition(doc, o, c) {
        return QuotationKind::Title;
    }
    let known_as = word_in(doc, before, "as") && word_in(doc, o.wrapping_sub(2), "known referred");
    // A nickname: at most three words between two capitalised words of its paragraph.
    let nickname = words <= 3
        && doc.is_capitalized(before)
        && doc.is_capitalized(c + 1)
        && doc.tokens[c + 1].para == doc.tokens[c].para;
    if word_among(doc, before, TERM_CUES) || known_as || nickname {
        return QuotationKind::Term;
    }
    if attributed {
        return QuotationKind::Speech;
    }
    // 4: right after a cue (`told me ‘never’`, `said: “…”`); after a naming one (`call it ‘…’`), a term.
    let at = cues.partition_point(|q| q.tok < o);
    if let Some(cue) = at.checked_sub(1).map(|k| &cues[k]) {
        if cue.last + 3 >= o
            && (cue.last + 1..o)
                .all(|k| doc.tokens[k].kind == Kind::Punct || word_in(doc, k, OBJECTS))
        {
            return if in_list(cue.lemma, NAMING_CUES) {
                QuotationKind::Term
            } else {
                QuotationKind::Speech
            };
        }
    }
    // 5: dialogue.
    let sent = doc.sentence_of(o);
    let opens_sentence = sent.tok_start == o
        || o > 0 && [":", "—", "–", "--"].contains(&doc.tok(o - 1))
        || o > 0 && doc.tokens[o - 1].kind == Kind::QuoteMark && sent.tok_start + 1 == o;
    let punct_end = c > o + 1 && doc.tokens[c - 1].kind == Kind::Punct;
    let ends_sentence =
        punct_end && (matches!(doc.first_byte(c - 1), b'.' | b'!' | b'?') || doc.tok(c - 1) == "…");
    if opens_sentence && (words >= 2 || punct_end) || ends_sentence && words >= 3 || words >= 8 {
        return QuotationKind::Speech;
    }
    // 6: a capitalised title.
    if words >= 2
        && !opens_sentence
        && (o + 1..c)
            .filter(|&k| word(k))
            .all(|k| doc.is_capitalized(k) || word_in(doc, k, SMALL))
    {
        return QuotationKind::Title;
    }
    QuotationKind::Term
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lists_are_sorted_for_the_binary_search() {
        for list in [TITLE_CUES, TERM_CUES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
