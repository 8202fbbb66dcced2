//! Speech reported by a noun rather than a verb: `Trump’s claim that the vote was rigged`, `her promise to cut taxes`,
//! `his calls for a ban`. The nouns and the complements they take are in `data/speech_nouns.txt`; the speaker is the
//! possessor (a name, a role or a possessive pronoun, resolved later by the entity stage); the content is the
//! complement up to the end of its clause.

use crate::attribution::sieves::indirect::{content_kind, overlaps_settled, settle_quotes_inside};
use crate::attribution::{clause_end, mention_confidence, Attribution, Ctx};
use crate::lexicon;
use crate::mentions::{self, Mention, MentionKind};
use crate::model::Gender;
use crate::text::{Document, Kind};

/// Words after "that" that show a relative clause (`the claim that was made`, `the promise that he broke`) rather
/// than a reported one.
const RELATIVE_AFTER_THAT: &[&str] = &[
    "was", "is", "were", "are", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "do",
];

/// Verbs whose object is the noun itself: `the claim that he made`, `the promise that she broke`.
const TAKES_THE_NOUN: &[&str] = &[
    "made",
    "makes",
    "make",
    "gave",
    "give",
    "gives",
    "delivered",
    "issued",
    "posted",
    "sent",
    "wrote",
    "broke",
    "kept",
    "offered",
    "repeated",
    "tweeted",
    "uttered",
    "heard",
    "read",
    "saw",
    "received",
    "rejected",
    "denied",
    "dismissed",
    "echoed",
    "renewed",
    "retracted",
];

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    // A report inside the content of an attribution already made (`Kerr said Wren’s claim that … was false`) is left
    // to it, as the indirect sieve does.
    let mut covered = crate::attribution::Cover::new(ctx.out.iter().map(|a| a.span));
    let mut buf = [0u8; 48];
    let text = doc.text.as_bytes();
    // Token `k` (from 1) and the token after it.
    for (k, pair) in doc.tokens.windows(2).enumerate().skip(1) {
        // Every frame starts with "that", "to" or "for" right after the noun: tested first, on bytes, since this loop
        // visits every token and almost none is followed by one of them.
        let next = &pair[1];
        if !matches!(next.end - next.start, 2..=4)
            || !matches!(text[next.start as usize] | 0x20, b't' | b'f')
            || !matches!(
                doc.lower(k + 1, &mut buf).as_bytes(),
                b"that" | b"to" | b"for"
            )
        {
            continue;
        }
        // A verb cue that no sieve used may be the noun after all (`his repeated promise`).
        let cue = ctx.cue_at(k);
        if doc.tokens[k].kind != Kind::Word
            || ctx.quote_at(k).is_some()
            || cue.is_some_and(|c| ctx.cue_used[c].is_some())
        {
            continue;
        }
        let Some(frames) = lexicon::speech_noun(doc.lower(k, &mut buf)) else {
            continue;
        };
        let sent = *doc.sentence_of(k);
        if k + 2 >= sent.tok_end {
            continue;
        }
        // A capitalised noun is a name ("Call of Duty") unless the complement is capitalised too (a headline).
        if doc.is_capitalized(k) && k > sent.tok_start && !doc.is_capitalized(k + 1) {
            continue;
        }
        let Some(speaker) = possessor(doc, k, sent.tok_start) else {
            continue;
        };
        let start = match doc.lower(k + 1, &mut buf) {
            "that" if frames.that && !relative_that(doc, k + 1, sent.tok_end) => k + 1,
            "to" if frames.to && infinitive_after(doc, k + 1) => k + 1,
            "for" if frames.for_ => k + 2,
            _ => continue,
        };
        let end = clause_end(doc, start, ctx.cues);
        let words = (start..=end)
            .filter(|&j| doc.tokens[j].kind == Kind::Word)
            .count();
        if end < start
            || words < 3
            || overlaps_settled(ctx, start, end)
            || covered.contains(doc.span_of(start, end))
        {
            continue;
        }
        let kind = content_kind(ctx, start, end);
        let confidence = mention_confidence(Some(&speaker)) - 0.15;
        let span = doc.span_of(start, end);
        let mut a = Attribution::new(kind, span, Some(speaker), confidence);
        a.cue = Some(doc.span_of(k, k));
        settle_quotes_inside(ctx, start, end);
        ctx.settle(a, None, cue);
        covered.insert(span);
    }
}

/// Verbs by which a speaker takes up their own statement again (stems): `he repeated his claim`, `she renewed her
/// call`, `Wren stood by his promise`. The subject is then the speaker, and a better mention than the pronoun.
const OWN_STATEMENT_VERBS: &[&str] = &[
    "repeat", "reiterat", "renew", "restat", "defend", "expand", "doubl", "stood", "stand", "made",
    "make", "issu", "clarif", "soften", "modif", "walk", "retract", "reaffirm", "reinforc",
    "broaden", "stuck", "stick", "press", "revisit",
];

/// For a possessive pronoun at `p` (`his`), the subject of a verb right before it by which the speaker takes up
/// their own statement: `the candidate repeated his promise`, `he doubled down on his claim`.
#[cfg_attr(whosaid_small, optimize(size))]
fn own_statement_subject(doc: &Document, p: usize, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    let mut v = p.checked_sub(1)?;
    // Particles: `doubled down on`, `stood by`, `expanded upon`, `walked back`.
    while v > floor
        && p - v <= 2
        && matches!(
            doc.lower(v, &mut buf),
            "on" | "upon" | "by" | "down" | "back" | "to" | "with"
        )
    {
        v -= 1;
    }
    if v <= floor || doc.tokens[v].kind != Kind::Word || doc.is_capitalized(v) {
        return None;
    }
    let w = doc.lower(v, &mut buf);
    if !OWN_STATEMENT_VERBS.iter().any(|s| w.starts_with(s)) {
        return None;
    }
    let mut e = v - 1;
    while e > floor
        && (mentions::BETWEEN_SUBJECT_AND_VERB.contains(&doc.lower(e, &mut buf))
            || doc.lower(e, &mut buf).ends_with("ly"))
    {
        e -= 1;
    }
    let m = mentions::np_ending_at(doc, e, floor)?;
    let possessive = doc.lower(p, &mut buf).to_string();
    let agrees = match m.kind {
        MentionKind::Pronoun => matches!(
            (doc.lower(m.first, &mut buf), possessive.as_str()),
            ("he", "his") | ("she", "her") | ("they", "their") | ("it", "its")
        ),
        MentionKind::Name | MentionKind::Role => {
            matches!(possessive.as_str(), "his" | "her")
                && (m.gender == Gender::Unknown
                    || (m.gender == Gender::Male) == (possessive == "his"))
        }
        MentionKind::Org | MentionKind::Group => matches!(possessive.as_str(), "its" | "their"),
    };
    agrees.then_some(m)
}

/// The possessor of the noun at `k`: `his claim`, `Trump’s repeated claim`, `the senator’s call`; up to two modifiers
/// may stand between them (`his repeated public claim`).
#[cfg_attr(whosaid_small, optimize(size))]
fn possessor(doc: &Document, k: usize, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    let mut p = k;
    for _ in 0..3 {
        if p <= floor {
            return None;
        }
        p -= 1;
        let w = doc.lower(p, &mut buf);
        let (gender, plural) = match w {
            "his" => (Gender::Male, false),
            "her" => (Gender::Female, false),
            "their" => (Gender::Unknown, true),
            "its" => (Gender::Unknown, false),
            "’s" | "'s" => {
                let m = mentions::np_ending_at(doc, p.checked_sub(1)?, floor)?;
                return (m.kind != MentionKind::Pronoun).then_some(m);
            }
            _ => {
                // A modifier: a lower-case word that is no determiner or function word.
                if doc.tokens[p].kind != Kind::Word
                    || doc.is_capitalized(p)
                    || matches!(
                        w,
                        "the"
                            | "a"
                            | "an"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "of"
                            | "and"
                            | "or"
                            | "to"
                            | "in"
                            | "on"
                            | "for"
                            | "with"
                            | "by"
                    )
                {
                    return None;
                }
                continue;
            }
        };
        if let Some(m) = own_statement_subject(doc, p, floor) {
            return Some(m);
        }
        return Some(Mention {
            kind: MentionKind::Pronoun,
            span: doc.tokens[p].span(),
            first: p,
            last: p,
            name: None,
            description: None,
            role: None,
            gender,
            plural,
            via: None,
        });
    }
    None
}

/// `that` at `t` opens a relative clause about the noun, not the reported content: `the claim that was made`, `the
/// promise that he broke`.
#[cfg_attr(whosaid_small, optimize(size))]
fn relative_that(doc: &Document, t: usize, end: usize) -> bool {
    let mut buf = [0u8; 48];
    if RELATIVE_AFTER_THAT.contains(&doc.lower(t + 1, &mut buf)) {
        return true;
    }
    // `that he made`, `that Mr. Ortiz repeated`: a short subject and a verb that takes the noun as its object.
    (t + 2..(t + 6).min(end)).any(|j| TAKES_THE_NOUN.contains(&doc.lower(j, &mut buf)))
}

/// `to` at `t` is followed by a verb (`her promise to cut taxes`), not a noun phrase (`his comments to the press`).
#[cfg_attr(whosaid_small, optimize(size))]
fn infinitive_after(doc: &Document, t: usize) -> bool {
    let mut buf = [0u8; 48];
    let Some(tok) = doc.tokens.get(t + 1) else {
        return false;
    };
    let w = doc.lower(t + 1, &mut buf);
    tok.kind == Kind::Word
        && !doc.is_capitalized(t + 1)
        && !matches!(
            w,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "that"
                | "these"
                | "those"
                | "him"
                | "them"
                | "me"
                | "us"
                | "reporters"
                | "journalists"
        )
        && lexicon::is_pronoun(w).is_none()
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn first(text: &str) -> (String, Option<String>, String) {
        let r = analyze(text);
        let q = r
            .quotes
            .iter()
            .find(|q| q.sieve == "nominal")
            .unwrap_or_else(|| panic!("no nominal quote in {:?}", r.quotes));
        (
            text[q.span.start..q.span.end].to_string(),
            q.speaker.map(|s| text[s.start..s.end].to_string()),
            q.cue
                .map(|c| text[c.start..c.end].to_string())
                .unwrap_or_default(),
        )
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn possessor_and_that_clause() {
        let (content, speaker, cue) = first(
            "Senator Ilse Marrow repeated her attack on the budget. Critics mocked Marrow’s claim that the \
             harbor tunnel would pay for itself within a decade.",
        );
        assert_eq!(
            content,
            "that the harbor tunnel would pay for itself within a decade"
        );
        assert_eq!(speaker.as_deref(), Some("Marrow"));
        assert_eq!(cue, "claim");
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn pronoun_possessor_with_modifier_and_infinitive() {
        let (content, speaker, _) = first(
            "Mayor Tobias Wren opened the fair. Voters remembered his repeated promise to rebuild the old ferry \
             pier before winter.",
        );
        assert_eq!(content, "to rebuild the old ferry pier before winter");
        assert_eq!(speaker.as_deref(), Some("his"));
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn calls_for() {
        let (content, speaker, _) =
            first("The council ignored Mayor Wren's calls for a citywide ban on leaf blowers.");
        assert_eq!(content, "a citywide ban on leaf blowers");
        assert_eq!(speaker.as_deref(), Some("Wren"));
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn no_relative_clause_or_noun_object() {
        for text in [
            "Aides played down the claim that Wren made on Tuesday about the pier and the ferry.",
            "Marrow’s comments to the press about the tunnel and the harbor were brief.",
            "The claim that was filed by Wren’s lawyers last year was dismissed by the court.",
            "Few believed the claim that the pier would reopen in spring.",
        ] {
            let r = analyze(text);
            assert!(
                r.quotes.iter().all(|q| q.sieve != "nominal"),
                "{text}: {:?}",
                r.quotes
            );
        }
    }
}
