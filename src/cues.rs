//! Cue stage: the words that introduce speech.
//!
//! - speech verbs in every inflection (`data/speech_verbs.txt`), with noun readings filtered out ("a report", "his
//!   claim") and a listener object attached for verbs such as "told reporters";
//! - "according to";
//! - a colon after a speaker at the start of a paragraph (`WALLACE: …`, `Pence: …`);
//! - a dash before a speaker after a quote (`“…” — Dmytro Kuleba`), found by the attribution stage from the quote.
//!
//! Adding a cue family: add a variant to [`CueKind`], a scanner function below, and call it from [`find`].

use crate::lexicon::{self, word_list, VerbForm, WordList};
use crate::model::Span;
use crate::text::{Document, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A verb of saying: "said", "tweeted", "told".
    Verb,
    /// "according to".
    According,
    /// `NAME: text` at the start of a paragraph.
    Colon,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cue {
    pub kind: CueKind,
    /// First token of the cue ("said", "according").
    pub tok: usize,
    /// Last token of the cue phrase ("to" in "according to"; the verb itself otherwise).
    pub last: usize,
    pub lemma: &'static str,
    pub form: VerbForm,
    /// The verb takes a listener object (tell, assure, urge …).
    pub listener: bool,
    /// 3 pure speech, 2 usually speech, 1 weak.
    pub strength: u8,
}

impl Cue {
    pub fn span(&self, doc: &Document) -> Span {
        doc.span_of(self.tok, self.last)
    }
}

/// Words after which a verb form is read as a noun ("a report", "his claim", "the comments").
static NOUN_CONTEXT: WordList = word_list![
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "no", "any", "every", "each", "of", "in", "such", "some", "many", "several", "whose",
    "’s", "'s", "first", "last", "latest", "new", "recent", "earlier", "public", "previous", "own",
];

/// Whether `lower` has the shape of an adjective or of a noun made from a verb and is a common word: "coastal",
/// "economic", "nomination" (not a surname such as "Bush" or "Rice", nor "Vucic").
fn modifier_shaped(lower: &str) -> bool {
    ["al", "ic", "ive", "ous", "ary", "tion", "sion"]
        .iter()
        .any(|s| lower.ends_with(s))
        && lower.len() > 4
        && (lexicon::is_common_word(lower)
            || ["ous", "ive", "ion"].iter().any(|s| lower.ends_with(s)))
}

/// True for a word in a run of capitals ("MEDINSKY SAID"): all its letters and the previous word's are upper case,
/// so its capital tells nothing about it being a name.
fn shouted(doc: &Document, i: usize) -> bool {
    // (One pass over the chars: two, `count` and `any`, compiled to twice the code.)
    let upper = |k: usize| {
        let mut n = 0;
        for c in doc.tok(k).chars() {
            if c.is_lowercase() {
                return false;
            }
            n += 1;
        }
        n > 1
    };
    upper(i)
        && (0..i)
            .rev()
            .find(|&k| doc.tokens[k].kind == Kind::Word)
            .is_some_and(|k| k + 3 > i && upper(k))
}

/// Finds every cue in the document, in text order.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn find(doc: &Document) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut buf = [0u8; 48];
    let mut prev_buf = [0u8; 48];
    let n = doc.tokens.len();
    for i in 0..n {
        let tok = &doc.tokens[i];
        if tok.kind != Kind::Word {
            if doc.is(i, ':') {
                if let Some(c) = colon_cue(doc, i) {
                    cues.push(c);
                }
            }
            continue;
        }
        let w = doc.lower(i, &mut buf);
        if w.is_empty() {
            continue;
        }
        if w == "according" && i + 1 < n && doc.lower(i + 1, &mut prev_buf) == "to" {
            cues.push(Cue {
                kind: CueKind::According,
                tok: i,
                last: i + 1,
                lemma: "according to",
                form: VerbForm::Gerund,
                listener: false,
                strength: 3,
            });
            continue;
        }
        let Some(v) = lexicon::speech_verb(w) else {
            continue;
        };
        // A capitalised verb in mid-sentence is a name or a title ("Post", "Claims Court") — but in a headline set in
        // title case a present-tense verb after a capitalised word is the headline's cue: `Trump Says He Will Win`,
        // `Dean Tells Convention …`.
        if doc.is_capitalized(i)
            && i > doc.sentence_of(i).tok_start
            && doc.tokens[i - 1].kind != Kind::QuoteMark
            && !shouted(doc, i)
            && !crate::mentions::headline_verb(doc, i)
        {
            continue;
        }
        if v.noun_too {
            if i == 0 {
                continue;
            }
            let p = doc.lower(i - 1, &mut prev_buf);
            if NOUN_CONTEXT.contains(&p) || doc.tokens[i - 1].kind == Kind::Number {
                continue;
            }
            // "talks", "claims", "reports" after punctuation or at a sentence start are plural nouns, and so after a
            // word that takes a plural ("most states", "both reports", "all claims" — no subject of a verb in -s),
            // and after a sentence's first word when that is a common adjective or a noun made from a verb
            // ("Federal states swing …", "Nomination questions are …").
            let start = doc.sentence_of(i).tok_start;
            if v.form == VerbForm::ThirdPerson
                && (doc.tokens[i - 1].kind != Kind::Word
                    || start == i
                    || matches!(
                        p,
                        "most" | "all" | "both" | "few" | "fewer" | "more" | "other"
                    )
                    || start + 1 == i && modifier_shaped(p))
            {
                continue;
            }
            // "a Twitter comment", "the White House response": a base form after an article and a capitalised
            // word is a noun (a singular subject would take "comments"; not after a plural: "the Saudis state").
            if v.form == VerbForm::Base
                && i >= 2
                && doc.is_capitalized(i - 1)
                && !doc.tok(i - 1).ends_with('s')
                && matches!(
                    doc.lower(i - 2, &mut prev_buf),
                    "a" | "an" | "the" | "his" | "her" | "its" | "their" | "this" | "that"
                )
            {
                continue;
            }
        }
        // "defense counsel", "her campaign message": a base form that is also a noun, right after a singular noun
        // that names a speaker, is a compound's head (such a subject would take "counsels"; not "the memo read").
        if v.noun_too
            && v.form == VerbForm::Base
            && !v.past_too
            && lexicon::role_noun(doc.lower(i - 1, &mut prev_buf)).is_some_and(|r| !r.plural)
        {
            continue;
        }
        // "told analysts on a conference call that …": a base form that is a noun too, after a preposition, "a" or
        // "an" and a lower-case word, is that noun (not "officials at the agency say").
        if v.noun_too
            && v.form == VerbForm::Base
            && i >= 3
            && doc.tokens[i - 1].kind == Kind::Word
            && !doc.is_capitalized(i - 1)
            && matches!(doc.lower(i - 2, &mut prev_buf), "a" | "an")
            && matches!(
                doc.lower(i - 3, &mut prev_buf),
                "on" | "in" | "during" | "at" | "after" | "before" | "with" | "from" | "by" | "for"
            )
        {
            continue;
        }
        // "told a regular briefing that", "a stern warning that": a form in -ing that is a common noun too, after
        // a determiner and a lower-case word, is that noun (not "a sign saying", "a letter this week urging").
        if matches!(w, "briefing" | "warning" | "posting" | "ruling" | "filing")
            && i >= 2
            && doc.tokens[i - 1].kind == Kind::Word
            && !doc.is_capitalized(i - 1)
            && matches!(
                doc.lower(i - 2, &mut prev_buf),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that"
            )
        {
            continue;
        }
        // "said" as an adjective: "the said company".
        if w == "said" && i > 0 && matches!(doc.lower(i - 1, &mut prev_buf), "the" | "a") {
            continue;
        }
        cues.push(Cue {
            kind: CueKind::Verb,
            tok: i,
            last: i,
            lemma: v.lemma,
            form: v.form,
            listener: v.listener,
            strength: v.strength,
        });
    }
    cues
}

/// `WALLACE: …` / `Pence: …` / `"PENCE: …`: one to four capitalised words opening a paragraph, then a colon.
fn colon_cue(doc: &Document, colon: usize) -> Option<Cue> {
    let t = &doc.tokens[colon];
    let para = doc.paragraphs.get(t.para as usize)?;
    let mut start = para.tok_start;
    while start < colon && doc.tokens[start].kind == Kind::QuoteMark {
        start += 1;
    }
    if start >= colon || colon - start > 4 || colon + 1 >= para.tok_end {
        return None;
    }
    if !(start..colon).all(|k| doc.is_capitalized(k) || doc.is(k, '.')) {
        return None;
    }
    Some(Cue {
        kind: CueKind::Colon,
        tok: colon,
        last: colon,
        lemma: ":",
        form: VerbForm::Past,
        listener: false,
        strength: 2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(t: &str) -> Vec<String> {
        let d = Document::new(t);
        find(&d)
            .iter()
            .map(|c| c.span(&d).text(t).to_string())
            .collect()
    }

    #[test]
    fn verbs_in_all_inflections() {
        assert_eq!(
            cues("He says so. She said it. They were saying it. He tweeted. She told reporters. He adds."),
            ["says", "said", "saying", "tweeted", "told", "adds"]
        );
    }

    #[test]
    fn noun_readings_are_not_cues() {
        assert_eq!(
            cues("The report was late. His claim was false. Officials reported a rise."),
            ["reported"]
        );
        assert_eq!(
            cues("Most states set rules. Both reports were leaked. She states her case."),
            ["states"]
        );
        assert_eq!(
            cues("Federal states swing left. Nomination questions loom. Bush claims it."),
            ["claims"]
        );
        // A base form after a singular speaker noun heads a compound; a past form the same as the base does not.
        assert_eq!(
            cues("His defence counsel asked for mercy. Her campaign message was plain. The memo read: no."),
            ["asked", "read"]
        );
        // A form in -ing that is a common noun too, after a determiner and an adjective, is that noun; other
        // forms after a noun are participles.
        assert_eq!(
            cues("Ana Lee told a regular briefing that it was over. The board issued a statement calling it a sham."),
            ["told", "calling"]
        );
        assert_eq!(
            cues("She held a sign saying no. They sent a letter this week urging calm."),
            ["saying", "urging"]
        );
    }

    #[test]
    fn according_to_and_colons() {
        assert_eq!(
            cues("According to the Kremlin, talks went well."),
            ["According to"]
        );
        assert_eq!(
            cues("WALLACE: Let us start.\nPENCE: Well, look."),
            [":", ":"]
        );
        assert_eq!(cues("The plan: nothing at all."), Vec::<String>::new());
    }

    #[test]
    fn capitalised_verbs_mid_sentence_are_names() {
        assert_eq!(cues("The Washington Post reported it."), ["reported"]);
        assert_eq!(cues("He saw the Post on Monday."), Vec::<String>::new());
    }
}
