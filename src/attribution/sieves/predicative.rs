//! Naming and describing as speech: `Kerr called the plan a disaster`, `Kerr calls herself a pragmatist`, `Kerr
//! described the talks as productive`, `what Kerr called a betrayal`. The content is the object with what is said of
//! it, up to the end of the clause; the speaker is the subject of the verb.
//!
//! "call" is a speech frame only with an object and a predicate after it (not `called a meeting`, `called with an
//! offer`, `a group called Open Doors`); "describe" only with `as` (`described X as Y`).

use crate::attribution::sieves::indirect::{content_kind, overlaps_settled, settle_quotes_inside};
use crate::attribution::sieves::mixed::clause_subject;
use crate::attribution::{clause_end, mention_confidence, subject_left, Attribution, Ctx};
use crate::cues::{Cue, CueKind};
use crate::lexicon::VerbForm;
use crate::mentions::{self, Mention, MentionKind};
use crate::text::{Document, Kind};

/// Object pronouns that open the content of `called him a liar`.
const OBJECT_PRONOUNS: &[&str] = &[
    "him",
    "her",
    "them",
    "it",
    "himself",
    "herself",
    "themselves",
    "itself",
    "this",
    "that",
    "these",
    "those",
    "me",
    "us",
    "myself",
    "ourselves",
    "you",
    "yourself",
];

/// Words after "called" that make it no naming frame: particles and prepositions (`called for`, `called with an
/// offer`), and auxiliaries of a passive or a participle (`called to testify`).
const NOT_AN_OBJECT: &[&str] = &[
    "for", "on", "upon", "out", "in", "off", "up", "back", "into", "to", "at", "with", "by",
    "from", "about", "over", "after", "before", "during", "and", "or", "but", "as", "if", "when",
    "while", "because", "since", "so",
];

/// Words that show the object ended and a new clause began (`a group called Open Doors is planning …`).
const VERBISH: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "should", "must", "does", "did", "do", "which", "who", "that", "where",
];

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    // Reports inside the content of an attribution already made are left to it, as in the indirect sieve.
    let mut covered = crate::attribution::Cover::new(ctx.out.iter().map(|a| a.span));
    let mut buf = [0u8; 48];
    for ci in 0..ctx.cues.len() {
        let cue = ctx.cues[ci];
        if ctx.cue_used[ci].is_some()
            || cue.kind != CueKind::Verb
            || !matches!(cue.lemma, "call" | "describe")
            || ctx.quote_at(cue.tok).is_some()
        {
            continue;
        }
        let sent = *doc.sentence_of(cue.tok);
        if cue.last + 2 >= sent.tok_end || passive(doc, cue.tok, sent.tok_start) {
            continue;
        }
        let first = cue.last + 1;
        // The subject: `Kerr called`, `Kerr on Tuesday called`, `calling him a liar` (the clause's subject), `…
        // and called him a liar` (the sentence's), `Ward, who called …` (the head of the relative clause).
        let subj = subject_left(doc, &cue, sent.tok_start)
            .or_else(|| subject_before_adjunct(doc, &cue, sent.tok_start));
        // A fronted object: `what Kerr called a betrayal`, `which she describes as her home`.
        let fronted = subj.as_ref().and_then(|m| {
            let f = m.first.checked_sub(1).filter(|&f| f >= sent.tok_start)?;
            let w = doc.lower(f, &mut buf);
            (matches!(w, "what" | "which" | "whom") || w == "who" && m.kind != MentionKind::Pronoun)
                .then_some(f)
        });
        let mention = match subj {
            Some(m) => Some(m),
            None if cue.form == VerbForm::Gerund => clause_subject(ctx, &cue),
            None if cue.tok >= sent.tok_start + 3
                && doc.lower(cue.tok - 1, &mut buf) == "who"
                && doc.is(cue.tok - 2, ',') =>
            {
                mentions::np_ending_at(doc, cue.tok - 3, sent.tok_start)
                    .filter(|h| h.kind != MentionKind::Pronoun)
                    .map(|h| mentions::Mention {
                        via: Some(doc.tokens[cue.tok - 1].span()),
                        ..h
                    })
            }
            None if cue.tok > sent.tok_start
                && matches!(doc.lower(cue.tok - 1, &mut buf), "and" | "but") =>
            {
                mentions::np_starting_at(doc, sent.tok_start, cue.tok)
            }
            None => None,
        };
        let w = doc.lower(first, &mut buf).to_string();
        let kind_ok =
            doc.tokens[first].kind == Kind::Word || doc.tokens[first].kind == Kind::QuoteMark;
        if !kind_ok {
            continue;
        }
        let end = clause_end(doc, first, ctx.cues);
        if end < first {
            continue;
        }
        let ok = match fronted {
            // `what Kerr called a betrayal`: the predicate follows; `which she describes as her home`.
            Some(_) if cue.lemma == "describe" => w == "as",
            Some(_) => !NOT_AN_OBJECT.contains(&w.as_str()) && !VERBISH.contains(&w.as_str()),
            None if NOT_AN_OBJECT.contains(&w.as_str()) || end <= first => false,
            // `described the talks as productive`: "as" within the clause, not right after a comma.
            None if cue.lemma == "describe" => (first + 1..=end.min(first + 15))
                .any(|k| doc.lower(k, &mut buf) == "as" && !doc.is(k - 1, ',')),
            None => naming_frame(doc, ctx, first, end),
        };
        if !ok {
            continue;
        }
        let start = fronted.unwrap_or(first);
        let Some(mention) = mention else { continue };
        // `as they call each other`: a parenthetical naming, not a report.
        if mention.first > sent.tok_start && doc.lower(mention.first - 1, &mut buf) == "as" {
            continue;
        }
        // `a press call Friday`: a base form needs a modal or "to" before it, or its subject right there.
        if cue.form == VerbForm::Base
            && mention.last + 1 != cue.tok
            && !{
                let w = doc.lower(cue.tok - 1, &mut buf);
                crate::attribution::licenses_base_form(w) || matches!(w, "and" | "but")
            }
        {
            continue;
        }
        // `a company called Harmony Enterprises gave …`: a participle naming something just introduced.
        if fronted.is_none()
            && matches!(cue.form, VerbForm::Past | VerbForm::Participle)
            && matches!(doc.lower(mention.first, &mut buf), "a" | "an")
            && doc.is_capitalized(first)
        {
            continue;
        }
        let words = (start..=end)
            .filter(|&k| doc.tokens[k].kind == Kind::Word)
            .count();
        let span = doc.span_of(start, end);
        if words < 2 || overlaps_settled(ctx, start, end) || covered.contains(span) {
            continue;
        }
        let kind = content_kind(ctx, start, end);
        let confidence = mention_confidence(Some(&mention)) - 0.15;
        settle_quotes_inside(ctx, start, end);
        ctx.settle(
            Attribution::new(kind, span, Some(mention), confidence),
            None,
            Some(ci),
        );
        covered.insert(span);
    }
}

/// The subject of a cue after a short adjunct: `Ryan on Tuesday called`, `Trump in his speech called`.
#[cfg_attr(whosaid_small, optimize(size))]
fn subject_before_adjunct(doc: &Document, cue: &Cue, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    let lo = cue.tok.saturating_sub(6).max(floor + 1);
    let prep = (lo..cue.tok).rev().find(|&k| {
        matches!(
            doc.lower(k, &mut buf),
            "on" | "in" | "at" | "during" | "last" | "this"
        )
    })?;
    if (prep..cue.tok).any(|k| doc.tokens[k].kind != Kind::Word) {
        return None;
    }
    let mut shifted = *cue;
    shifted.tok = prep;
    subject_left(doc, &shifted, floor)
        .filter(|m| m.kind != MentionKind::Pronoun || m.last + 1 == prep)
}

/// `was called`, `is often described`, `so-called`, `self-described`: not the subject's speech.
#[cfg_attr(whosaid_small, optimize(size))]
fn passive(doc: &Document, tok: usize, floor: usize) -> bool {
    let mut buf = [0u8; 48];
    if tok > floor && !doc.tokens[tok].space_before && doc.is(tok - 1, '-') {
        return true;
    }
    let mut k = tok;
    while k > floor {
        let w = doc.lower(k - 1, &mut buf);
        if matches!(
            w,
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "get" | "got" | "gets"
        ) {
            return true;
        }
        if !(w.ends_with("ly") || matches!(w, "also" | "often" | "once" | "not" | "never")) {
            return false;
        }
        k -= 1;
    }
    false
}

/// After "called" from `first` to `end`: an object and a predicate. The object is a pronoun (`him`), a name or a
/// noun phrase; the predicate a quotation (`the plan “a disaster”`), a noun phrase (`him a liar`, `the plan a
/// waste`) or, after a pronoun or a name, an adjective (`it unfair`).
#[cfg_attr(whosaid_small, optimize(size))]
fn naming_frame(doc: &Document, ctx: &Ctx, first: usize, end: usize) -> bool {
    let mut buf = [0u8; 48];
    if ctx.quote_at(first).is_some() {
        return false;
    }
    // A quotation close by: `called the plan “a disaster”`.
    if (first..=end.min(first + 12)).any(|k| ctx.quote_at(k).is_some()) {
        return true;
    }
    let w = doc.lower(first, &mut buf).to_string();
    let obj_end = if OBJECT_PRONOUNS.contains(&w.as_str()) {
        Some(first)
    } else if doc.is_capitalized(first) {
        mentions::np_starting_at(doc, first, end + 1)
            .filter(|m| m.kind != MentionKind::Pronoun)
            .map(|m| m.last)
    } else {
        None
    };
    if let Some(o) = obj_end {
        // `called him a liar`, `called Rubio a lightweight`, `called it unfair`.
        if o >= end {
            return false;
        }
        let p = o + 1;
        let pw = doc.lower(p, &mut buf);
        return doc.tokens[p].kind == Kind::Word
            && !VERBISH.contains(&pw)
            && !NOT_AN_OBJECT.contains(&pw)
            && !matches!(
                pw,
                "of" | "quits" | "again" | "back" | "later" | "earlier" | "only"
            )
            && !pw.ends_with("ly")
            && !doc.is_capitalized(p);
    }
    // A noun-phrase object: a second, indefinite noun phrase is the predicate (`called the incident a reason to
    // act`), not one after a preposition (`called a meeting at a hotel`).
    let end = (first..=end).find(|&k| doc.is(k, ',')).unwrap_or(end);
    for k in first + 2..=end.min(first + 10) {
        if matches!(doc.lower(k, &mut buf), "a" | "an") && doc.tokens[k - 1].kind == Kind::Word {
            let prev = doc.lower(k - 1, &mut buf);
            if !NOT_AN_OBJECT.contains(&prev)
                && !VERBISH.contains(&prev)
                && !matches!(prev, "of" | "than")
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn spans(text: &str) -> Vec<(String, Option<String>)> {
        analyze(text)
            .quotes
            .iter()
            .filter(|q| q.sieve == "predicative")
            .map(|q| {
                (
                    text[q.span.start..q.span.end].to_string(),
                    q.speaker.map(|s| text[s.start..s.end].to_string()),
                )
            })
            .collect()
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn called_object_and_predicate() {
        let got = spans("Senator Ilse Marrow called the harbor tunnel a waste of money.");
        assert_eq!(
            got,
            vec![(
                "the harbor tunnel a waste of money".to_string(),
                Some("Ilse Marrow".to_string())
            )]
        );
        let got = spans("Mayor Tobias Wren calls himself a pragmatist on taxes.");
        assert_eq!(got[0].0, "himself a pragmatist on taxes");
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn subjects_across_adjuncts_relatives_and_coordination() {
        let got = spans("Mayor Tobias Wren on Tuesday called the ferry contract a scandal.");
        assert_eq!(got[0].1.as_deref(), Some("Tobias Wren"));
        // The speaker as written is the relative pronoun; it stands for Ilse Marrow.
        let text = "The plan drew fire from Ilse Marrow, who called it a gift to developers.";
        let got = spans(text);
        assert_eq!(
            got[0],
            (
                "it a gift to developers".to_string(),
                Some("who".to_string())
            )
        );
        let a = analyze(text);
        assert_eq!(
            a.quotes[0].speaker_id.map(|i| a.speakers[i].name.as_str()),
            Some("Ilse Marrow")
        );
        // (A first name shows that "Wren", a common word opening the sentence, is a name.)
        let got = spans("Tess Wren toured the pier and called it a relic of another age.");
        assert_eq!(
            got[0],
            (
                "it a relic of another age".to_string(),
                Some("Tess Wren".to_string())
            )
        );
        let got = spans("The board rejected what Marrow called a rushed and reckless plan.");
        assert_eq!(got[0].0, "what Marrow called a rushed and reckless plan");
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn described_as_and_fronted_object() {
        let got = spans("Wren described the talks with the union as productive but slow.");
        assert_eq!(got[0].0, "the talks with the union as productive but slow");
        let got = spans("The pier sat next to what Marrow described as a monument to waste.");
        assert_eq!(got[0].0, "what Marrow described as a monument to waste");
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn no_naming_frame() {
        for text in [
            "A group called Open Doors is planning a march on the capital.",
            "Wren called a meeting of the harbor board for Tuesday.",
            "Marrow called with an offer to buy the ferry company outright.",
            "The tunnel was called a disaster by several engineers on the panel.",
            "Wren described the new pier and its ferry terminal in detail.",
            "A company called Harbor Holdings gave money to the campaign of the mayor.",
            "The feud between Ilse and Tobias, as they call each other, has a long history.",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
        }
    }
}
