//! `The mayor did not mince words: “This is a disgrace.”`, `Ruiz had a message for the council: “Do your job.”`,
//! `Asked about the deal, the minister was blunt: “It is dead.”`, `She put it simply:` ⏎ `“We lost.”` — a sentence
//! that introduces a quotation with a colon speaks through its subject, though it has no speech verb (or one that no
//! earlier sieve could read across the words between it and the colon: `Lee added about the budget: “…”`).
//!
//! The quotation opens right after the colon, in the same paragraph or as the next paragraph, starts with a capital
//! and ends its sentence (not a list of quoted items, `She named three demands: “More pay,” “Fewer hours” and …`, nor
//! a quoted word). The subject opens the sentence (after connectives, fronted adverbials and subordinate clauses:
//! `Asked about the deal,`, `When the judge retired,`), is followed by its verb, and is a person, a group, an
//! organisation, or a document (`The letter ends with a warning:`): organisations and documents speak elsewhere in
//! whosaid too (`the lawsuit said`), and in PolNeAR (`Hoff’s letter makes a libertarian-style case:` is speech). Not a
//! thing (`The timing surprised no one:`, `It gets better:`), a heading or label (`Breaking:`, `Update:` — no verb),
//! a headline credited after a dash (`Wells run dry - Ana Ruiz:`, a transcript-like credit), a time (`At 10:30:`), or a
//! colon inside a quotation. A sentence with a speech cue that an earlier sieve used for someone else, or whose own
//! cue reports someone else's words (`Ruiz heard what Lee had told her:`), is left alone; a cue used for the question
//! put to the subject (`Asked about the deal,`) or for the subject's own words does not stop it. The confidence is
//! below the cue sieves': a colon shows that a quotation follows, not who chose its words.
//!
//! PolNeAR train, speech @0.3: 41 attributions, 33 right, none to a wrong speaker, 6 on non-speech attributions
//! (`Kaine has adopted the stance …:`), 2 where PolNeAR has none; F1 86.9 -> 87.1 (@0.8 81.7 -> 81.8).

use crate::attribution::{mention_confidence, subject_left, subject_start, Attribution, Ctx};
use crate::cues::{Cue, CueKind};
use crate::lexicon::{self, VerbForm};
use crate::mentions::{self, Mention, MentionKind};
use crate::model::QuoteKind;
use crate::text::{Document, Kind};

/// Below every cue-based sieve: the colon frames the quotation, the subject is read from the clause.
const LESS_THAN_A_CUE: f32 = 0.2;

/// The most tokens an introducing sentence has before its colon.
const MAX_CLAUSE: usize = 80;

// Word lists (lower case), scanned: each is read a few times per quotation after a colon, and a slice costs the page
// less code than a `matches!` of strings.
/// Words that open a clause of its own: a fronted one (`When the judge retired,`) or a later one (`… so that I …`).
const SUBORDINATORS: &[&str] = &[
    "when", "while", "as", "once", "since", "if", "although", "though", "because", "until",
    "whenever", "that", "so", "and", "but", "after", "before",
];
/// Subject pronouns of a later clause (`that I had to …`).
const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "they"];
/// Determiners and possessives that open a noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our"];
/// Words that cannot follow a subject as its verb: conjunctions and prepositions (`Ruiz and Lee`, `Lee of Linden`),
/// and determiners and pronouns that open the real subject after a fronted adverbial (`At a rally in Linden,
/// Ostland, on Saturday, some supporters …`).
const NOT_A_VERB: &[&str] = &[
    "and", "or", "of", "who", "which", "that", "to", "in", "at", "on", "for", "with", "from",
    "the", "a", "an", "some", "many", "most", "all", "both", "several", "his", "her", "their",
    "its", "he", "she", "they", "it", "we", "i", "you",
];
/// Words that end the modifiers of a noun phrase (`what the coach had told`): relatives, auxiliaries, prepositions.
const NOT_MODIFIERS: &[&str] = &[
    "what", "who", "whom", "that", "which", "had", "has", "have", "was", "were", "is", "are",
    "will", "would", "did", "does", "of", "to", "and", "or",
];

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        let o = q.open_tok;
        // The colon right before the opening mark, outside any quotation.
        if o == 0 || !doc.is(o - 1, ':') || ctx.quote_at(o - 1).is_some() {
            continue;
        }
        let colon = o - 1;
        if !quote_ends_its_sentence(ctx, qi) || !reads_as_a_statement(doc, o) {
            continue;
        }
        let sent = *doc.sentence_of(colon);
        // An introduction is a clause, not a page of text run together (this bounds the work per quotation).
        if colon - sent.tok_start > MAX_CLAUSE {
            continue;
        }
        // The introducing clause: the colon's sentence, with no quotation of its own that was attributed (`“A,” she
        // said, and went on:` is the earlier quote's sentence).
        if (sent.tok_start..colon)
            .any(|k| ctx.quote_at(k).is_some_and(|x| ctx.quote_done[x].is_some()))
        {
            continue;
        }
        let Some(s) = clause_start(doc, sent.tok_start, colon) else {
            continue;
        };
        if credited(doc, s, colon) {
            continue;
        }
        // The sentence's own speech cues: one of the clause's subject is the cue (its subject is read as the cue
        // sieves read it: `the city planning committee said about its decision:`); one an earlier sieve used for
        // someone else (`Ruiz said Lee had a message:`), or whose subject is someone else (`Ruiz heard what Lee told
        // the players:`), leaves the quotation to that person. A cue used for the question put to the subject
        // (`Asked about the deal,`: no speaker) or for the subject's own words does not.
        let mut cue = None;
        let mut used_by = Vec::new();
        let mut other_speaker = false;
        let from = ctx.cues.partition_point(|c| c.tok < s);
        for (ci, c) in ctx.cues.iter().enumerate().skip(from) {
            if c.tok >= colon {
                break;
            }
            if c.kind != CueKind::Verb {
                continue;
            }
            if let Some(a) = ctx.cue_used[ci] {
                used_by.extend(ctx.out[a].mention.as_ref().map(|m| m.span));
                continue;
            }
            match subject_left(doc, c, s).map(|m| opening_phrase(doc, s, m)) {
                Some(m) if opens(doc, s, &m) && cue.is_none() => cue = Some((ci, m)),
                Some(m) if cue.as_ref().is_some_and(|(_, c)| overlap(c, &m)) => {}
                Some(_) => other_speaker = true,
                None => {}
            }
        }
        let subject = match cue {
            Some((_, ref m)) => Some(m.clone()).filter(|m| speaks(doc, m)),
            None => intro_subject(doc, s, colon).or_else(|| {
                // Past one more fronted phrase up to its comma: `But back in her home town, she …`.
                let comma = (s..colon).find(|&k| doc.is(k, ','))?;
                intro_subject(doc, comma + 1, colon)
            }),
        };
        let Some(subject) = subject else {
            continue;
        };
        if other_speaker
            // (By the words as written: `The mayor, Lee wrote,` is the mayor read over Lee, not Lee.)
            || used_by.iter().any(|u| u.end <= subject.span.start || subject.span.end <= u.start)
            || (subject.first..=subject.last).any(|k| ctx.quote_at(k).is_some())
            || later_clause_subject(doc, subject.last + 1, colon)
        {
            continue;
        }
        let cue = cue.map(|(ci, _)| ci);
        let confidence = mention_confidence(Some(&subject)) - LESS_THAN_A_CUE;
        let mut a = Attribution::new(QuoteKind::Direct, q.span, Some(subject), confidence);
        if cue.is_none() {
            a.cue = Some(doc.tokens[colon].span());
        }
        ctx.settle(a, Some(qi), cue);
    }
}

/// `m` widened to the noun phrase that opens the clause at `s` when `m` is its head: `the city planning committee`
/// where the role is read as `committee`.
#[cfg_attr(whosaid_small, optimize(size))]
fn opening_phrase(doc: &Document, s: usize, mut m: Mention) -> Mention {
    let mut buf = [0u8; 48];
    let determiner = DETERMINERS.contains(&doc.lower(s, &mut buf));
    let modifiers = m.first > s
        && m.first - s <= 4
        && (s + 1..m.first).all(|k| {
            let w = doc.lower(k, &mut buf);
            doc.tokens[k].kind == Kind::Word
                && !doc.is_capitalized(k)
                && !w.ends_with("ed")
                && !NOT_MODIFIERS.contains(&w)
        });
    if determiner && modifiers && matches!(m.kind, MentionKind::Role | MentionKind::Group) {
        m.first = s;
        m.span = doc.span_of(s, m.last);
        m.description = Some(m.span);
    }
    m
}

/// `IOWA POLLS WRONG - Mark Blumenthal:`, `Media shares blame - More from HuffPollster:`: a headline credited to
/// the name after a dash, not a clause (the name's quotation is a transcript-like credit, not this sieve's).
#[cfg_attr(whosaid_small, optimize(size))]
fn credited(doc: &Document, s: usize, colon: usize) -> bool {
    let mut buf = [0u8; 48];
    (s..colon)
        .rev()
        .find(|&k| matches!(doc.tok(k), "-" | "—" | "–" | "--"))
        .is_some_and(|d| {
            (d + 1..colon).all(|k| {
                doc.is_capitalized(k) || matches!(doc.lower(k, &mut buf), "from" | "and" | ".")
            })
        })
}

/// A later clause with a subject of its own runs up to the colon, and the colon may introduce that subject's words:
/// `She became so upset that I had to change my answer:`, `…, and they replied:`.
#[cfg_attr(whosaid_small, optimize(size))]
fn later_clause_subject(doc: &Document, from: usize, colon: usize) -> bool {
    let mut buf = [0u8; 48];
    (from.max(1)..colon).any(|k| {
        SUBJECT_PRONOUNS.contains(&doc.lower(k, &mut buf))
            && (doc.is(k - 1, ',') || SUBORDINATORS.contains(&doc.lower(k - 1, &mut buf)))
    })
}

/// Two mentions share a token (a subject read across an appositive, `The union leader, Tom Bray,`, reaches over it).
#[cfg_attr(whosaid_small, optimize(size))]
fn overlap(a: &Mention, b: &Mention) -> bool {
    a.first <= b.last && a.last >= b.first
}

/// Where the clause's subject may start: past connectives, a dateline and fronted adverbials ([`subject_start`]),
/// and a fronted subordinate clause up to its comma (`When the judge retired in 2010, Governor Ruiz …`).
#[cfg_attr(whosaid_small, optimize(size))]
fn clause_start(doc: &Document, floor: usize, colon: usize) -> Option<usize> {
    let mut s = subject_start(doc, floor, colon)?;
    let mut buf = [0u8; 48];
    for _ in 0..2 {
        if !SUBORDINATORS.contains(&doc.lower(s, &mut buf)) {
            break;
        }
        let comma = (s..colon).find(|&k| doc.is(k, ','))?;
        s = subject_start(doc, comma + 1, colon)?;
    }
    (s < colon).then_some(s)
}

/// After the closing mark, nothing but punctuation up to the end of the sentence: the quotation is what the clause
/// introduces, not an item of a list or a fragment inside more prose.
#[cfg_attr(whosaid_small, optimize(size))]
fn quote_ends_its_sentence(ctx: &Ctx, qi: usize) -> bool {
    let doc = ctx.doc;
    let q = &ctx.quotes[qi];
    let Some(close) = q.close_tok else {
        // An unclosed quotation runs to its paragraph's end.
        return true;
    };
    let sent = doc.sentence_of(close);
    (close + 1..sent.tok_end).all(|k| doc.tokens[k].kind == Kind::Punct)
}

/// The quotation opens with a capital (a sentence of its own, `“We lost.”`), or is long enough to be speech rather
/// than a quoted term (`the word of the year: “gaslighting”`).
#[cfg_attr(whosaid_small, optimize(size))]
fn reads_as_a_statement(doc: &Document, open: usize) -> bool {
    let first = (open + 1..doc.tokens.len()).find(|&k| doc.tokens[k].kind != Kind::QuoteMark);
    first.is_some_and(|k| doc.tokens[k].kind == Kind::Word && doc.is_capitalized(k))
}

/// The subject of the clause `floor..colon`: a noun phrase opening it (after connectives and fronted adverbials),
/// followed — after an appositive, if any — by a lower-case word, its verb.
#[cfg_attr(whosaid_small, optimize(size))]
fn intro_subject(doc: &Document, floor: usize, colon: usize) -> Option<Mention> {
    let s = subject_start(doc, floor, colon)?;
    let m = mentions::np_starting_at(doc, s, colon)?;
    if !opens(doc, s, &m) || !speaks(doc, &m) {
        return None;
    }
    let mut next = m.last + 1;
    let mut buf = [0u8; 48];
    // `Ruiz, the council's treasurer, had a message:`, `Kim, who was travelling, said in an essay:`, `The campaign, in a
    // statement, put it more carefully:` — past an appositive or adjunct up to its closing comma.
    if next < colon && doc.is(next, ',') {
        next = (next + 1..(next + 20).min(colon))
            .take_while(|&k| doc.tokens[k].kind != Kind::QuoteMark)
            .find(|&k| doc.is(k, ','))?
            + 1;
    }
    // `Obama's first questioners ranged from skeptical to hostile:` — the possessor speaks only through its words:
    // `Ruiz's reply:`-like nouns (`Clinton's answer was:`), or a bare `Clinton's response was:`.
    if next < colon && matches!(doc.lower(next, &mut buf), "’s" | "'s") {
        let words = next + 1..colon;
        let lower_words = words
            .clone()
            .all(|k| doc.tokens[k].kind == Kind::Word && !doc.is_capitalized(k));
        let copula_last = matches!(
            doc.lower(colon - 1, &mut buf),
            "was" | "is" | "were" | "are"
        );
        let speech_word = words.clone().take(3).any(|k| {
            let w = doc.lower(k, &mut buf);
            lexicon::speech_noun(w).is_some() || lexicon::speech_verb(w).is_some_and(|v| v.noun_too)
        });
        return (lower_words && (copula_last && colon - next <= 4 || speech_word)).then_some(m);
    }
    let verb = next < colon
        && doc.tokens[next].kind == Kind::Word
        && !doc.is_capitalized(next)
        && !NOT_A_VERB.contains(&doc.lower(next, &mut buf));
    if !verb {
        return None;
    }
    // The subject as the cue sieves read it before a verb: `The union leader, Tom Bray, was …` is Tom Bray.
    let as_subject = Cue {
        kind: CueKind::Verb,
        tok: next,
        last: next,
        lemma: "",
        form: VerbForm::Past,
        listener: false,
        strength: 1,
    };
    Some(
        subject_left(doc, &as_subject, s)
            .filter(|n| opens(doc, s, n) && overlap(n, &m) && speaks(doc, n))
            .unwrap_or(m),
    )
}

/// Mention `m` opens the clause at `s` (after an article: `The Ostland Water Board`).
#[cfg_attr(whosaid_small, optimize(size))]
fn opens(doc: &Document, s: usize, m: &Mention) -> bool {
    let mut buf = [0u8; 48];
    m.first == s || m.first == s + 1 && DETERMINERS[..3].contains(&doc.lower(s, &mut buf))
}

/// A mention that can speak: a person (name, pronoun other than "it", role), a group, an organisation, or a
/// document; not a common word at the start of the sentence taken for a name (`Wait, it gets better:`).
#[cfg_attr(whosaid_small, optimize(size))]
fn speaks(doc: &Document, m: &Mention) -> bool {
    let mut buf = [0u8; 48];
    match m.kind {
        MentionKind::Pronoun => doc.lower(m.first, &mut buf) != "it",
        MentionKind::Name => {
            let (a, b) = m.name.unwrap_or((m.first, m.last));
            !(a == b && m.description.is_none() && mentions::is_common(doc.tok(a)))
        }
        // Role nouns name people, organisations (`the company`) and documents that speak (`the letter`).
        MentionKind::Org | MentionKind::Group | MentionKind::Role => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::{Attribution, Ctx};
    use crate::mentions;
    use crate::model::QuoteKind;
    use crate::text::Document;

    /// Runs this sieve alone on `text`, after marking the cue `used` (if any) as used by an earlier attribution whose
    /// speaker is the name `by` (or nobody); returns the speakers of the quotes it settled.
    #[cfg_attr(whosaid_small, optimize(size))]
    fn speakers(text: &str, used: Option<(&str, Option<&str>)>) -> Vec<String> {
        let doc = Document::new(text);
        let quotes = crate::quotes::find(&doc);
        let cues = crate::cues::find(&doc);
        let mut ctx = Ctx::new(&doc, &quotes, &cues);
        if let Some((word, by)) = used {
            let ci = cues
                .iter()
                .position(|c| doc.tok(c.tok) == word)
                .expect("the cue");
            let mention = by.map(|name| {
                let k = (0..doc.tokens.len())
                    .find(|&k| doc.tok(k) == name)
                    .expect("the name");
                mentions::np_starting_at(&doc, k, k + 1).expect("a mention")
            });
            let a = Attribution::new(QuoteKind::Indirect, doc.tokens[0].span(), mention, 0.9);
            ctx.settle(a, None, Some(ci));
        }
        ctx.sieve = "intro_colon";
        super::run(&mut ctx);
        ctx.out
            .iter()
            .filter(|a| a.sieve == "intro_colon")
            .map(|a| {
                a.mention
                    .as_ref()
                    .map_or("", |m| m.span.text(text))
                    .to_string()
            })
            .collect()
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn a_cue_an_earlier_sieve_used_for_someone_else_settles_the_sentence() {
        let t = "The mayor, Lee wrote, was blunt: \"Go home.\"";
        // Used for Lee (as the parenthetical sieve does): the quotation is not the mayor's to take.
        assert!(speakers(t, Some(("wrote", Some("Lee")))).is_empty());
        // Used for a report with no speaker (the question of `Asked about the deal,`): the subject speaks.
        assert_eq!(speakers(t, Some(("wrote", None))), ["The mayor"]);
        // Not used: its subject is Lee, someone else than the clause's.
        assert!(speakers(t, None).is_empty());
    }
}
