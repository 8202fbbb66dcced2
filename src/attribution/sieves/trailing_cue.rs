//! `“…,” Medinsky said.` / `“…,” said Medinsky.` / `“…,” the Kremlin’s spokesperson told journalists.` /
//! `“…,” according to X.` — the cue and speaker follow the closing mark in the same sentence.
//! A quote that starts inside a sentence (`… the figure is “considerably higher,” X said`) is mixed: its span is the
//! whole reported clause.

use crate::attribution::{
    mention_confidence, subject_left_for_quote, subject_right, subject_right_for_quote,
    Attribution, Ctx,
};
use crate::cues::{Cue, CueKind};
use crate::lexicon::{self, VerbForm};
use crate::model::{QuoteKind, Span};
use crate::text::{Document, Kind};

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        let Some(close) = q.close_tok else { continue };
        let para = doc.tokens[close].para;
        let mut j = close + 1;
        while j < doc.tokens.len()
            && (doc.is(j, ',') || doc.is(j, '.') && !doc.tokens[j].space_before)
        {
            j += 1;
        }
        if j >= doc.tokens.len() || doc.tokens[j].para != para {
            continue;
        }
        // The last token inside the quote, through the closing marks of a quote nested at its end
        // (`"People say, 'It doesn't matter,'" said X`), for the clause-end test below.
        let mut last_inner = close.saturating_sub(1);
        while last_inner > q.open_tok + 1 && doc.tokens[last_inner].kind == Kind::QuoteMark {
            last_inner -= 1;
        }
        let inner_ends_sentence = close > 0 && matches!(doc.tok(close - 1), "." | "!" | "?");
        let sent = *doc.sentence_of(j);
        // Room for a long appositive: `“…,” Mikhail Podolyak, adviser to the head of the office of …, said`.
        let limit = (j + 30).min(sent.tok_end);
        // A new sentence after the quote may only be a bare `He said.` (a lower-case `he tweeted …` after `!”` is the
        // same sentence).
        let new_sentence = inner_ends_sentence && sent.tok_start == j;
        let long_new_sentence = new_sentence && sent.tok_end - j > 6;
        let mut found = None;
        for k in j..limit {
            if doc.tokens[k].kind == Kind::QuoteMark {
                break;
            }
            if let Some(ci) = ctx.cue_at(k) {
                if ctx.cue_used[ci].is_none() && ctx.cues[ci].kind != CueKind::Colon {
                    found = Some(ci);
                }
                break;
            }
        }
        let (ci, cue) = match found {
            Some(ci) => (Some(ci), ctx.cues[ci]),
            None => match misspelt_cue(doc, j, limit) {
                Some(c) => (None, c),
                None => continue,
            },
        };
        // `… called the plan “a disgrace,” saying workers would …`: a participle right after the quote opens a clause
        // of its own; it is never an inverted cue with its speaker after it.
        if cue.tok == j && cue.kind == CueKind::Verb && cue.form == VerbForm::Gerund {
            continue;
        }
        // …unless the cue closes its clause with a participle: `“…?” Trump said, looking out on the crowd.`
        // …or the sentence opens with its speaker and cue and goes on with no clause of its own (checked below):
        // `“…!” Jeff Dunn said as he opened the roll call.`, `“…?” Senator Ruiz asked the panel on Monday.`
        let opens_with_cue = cue.kind == CueKind::Verb
            && cue.tok <= j + 6
            && close > 0
            && matches!(doc.tok(close - 1), "!" | "?")
            && {
                let mut buf = [0u8; 48];
                matches!(
                    doc.lower(cue.last + 1, &mut buf),
                    "," | "as"
                        | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "during"
                        | "in"
                        | "on"
                        | "at"
                        | "outside"
                        | "from"
                        | "with"
                )
            };
        if long_new_sentence
            && !(doc.is(cue.last + 1, ',') && is_participle(doc, cue.last + 2))
            && !opens_with_cue
        {
            continue;
        }
        // An inverted cue (`,” said X`) needs the quote to end its clause: `,”` / `?”` / `!”` / `”,` — a bare
        // `” suggests that Phoenix …` continues the sentence instead.
        let ends_clause = matches!(
            doc.tok(last_inner),
            "," | "?" | "!" | "…" | "—" | "–" | "-" | "." | "..."
        ) || doc.is(close + 1, ',');
        // Unless a named speaker closes the clause, the comma merely left out: `…anonymity" said Nick Merrill, a
        // campaign spokesman.`
        if !ends_clause
            && cue.tok == j
            && !(cue.kind == CueKind::Verb
                && inner_ends_sentence_or_word(doc, close)
                && subject_right(doc, &cue, sent.tok_end).is_some_and(|m| {
                    m.name.is_some() && (m.last + 1 >= sent.tok_end || doc.is(m.last + 1, ','))
                }))
        {
            continue;
        }
        // `… a “walk-in” at 2,000 schools, according to X`: an "according to" further on sources the whole
        // sentence (the according-to sieve), not the fragment.
        if cue.kind == CueKind::According && cue.tok != j {
            continue;
        }
        let mention = if cue.tok == j && cue.kind == CueKind::Verb {
            subject_right_for_quote(doc, &cue, sent.tok_end)
        } else if cue.tok == j || cue.kind == CueKind::According {
            subject_right(doc, &cue, sent.tok_end)
        } else {
            // Up to three lower-case modifiers may stand before the phrase the reader found (`election law expert
            // Rick Hasen`) — not a conjunction, which opens a clause of its own: `… for “years of neglect”, while
            // opposition MP Tomas Brill said the party …` (but "as" makes the clause an attribution: `“…,” as the
            // host Ana Ruiz said`).
            subject_left_for_quote(doc, &cue, j).filter(|m| {
                m.first == j
                    || m.first > j
                        && m.first <= j + 3
                        && (j..m.first).all(|k| {
                            doc.tokens[k].kind == Kind::Word
                                && !doc.is_capitalized(k)
                                && !matches!(
                                    doc.lower(k, &mut [0u8; 48]),
                                    "while"
                                        | "whereas"
                                        | "but"
                                        | "and"
                                        | "or"
                                        | "yet"
                                        | "although"
                                        | "though"
                                        | "because"
                                        | "since"
                                        | "if"
                                        | "when"
                                )
                        })
            })
        };
        let Some(mention) = mention else { continue };
        // `“…,” he claimed they had never met` / `…, claiming that he …`: a cue with a clause of its own reports
        // that clause, not the quote before it.
        if cue.kind == CueKind::Verb && has_own_clause(doc, &cue) {
            continue;
        }
        // `Trump insisted that he has “expanded the party,” …`: an earlier cue of the sentence frames a quote that
        // starts inside it; the mixed sieve attributes it.
        let sent_start = doc.sentence_of(q.open_tok).tok_start;
        let framed = ctx.cues[..ctx.cues.partition_point(|c| c.tok < q.open_tok)]
            .iter()
            .rev()
            .take_while(|c| c.tok >= sent_start)
            .any(|c| {
                c.kind == CueKind::Verb
                    && c.strength >= 2
                    && crate::attribution::subject_left(doc, c, sent_start).is_some()
            });
        if framed && q.open_tok > sent_start {
            continue;
        }
        // `In an interview on CBS's “Face the Nation,” Ryan said …`: a title after a preposition or possessive is a
        // name, not speech.
        if is_title_after_preposition(doc, q.open_tok, close) {
            continue;
        }
        let (kind, span) = shape(doc, q.span, q.open_tok, close);
        let confidence = mention_confidence(Some(&mention));
        let idx = ctx.settle(
            Attribution::new(kind, span, Some(mention), confidence),
            Some(qi),
            ci,
        );
        if ci.is_none() {
            ctx.out[idx].cue = Some(cue.span(doc));
            ctx.out[idx].confidence -= 0.1;
        }
    }
}

/// The quote (marks at `open` and `close`) holds a short title — every word capitalised or a small function word,
/// at most eight words — and follows a preposition or a possessive: `on CBS's “Face the Nation,”`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn is_title_after_preposition(doc: &Document, open: usize, close: usize) -> bool {
    let mut buf = [0u8; 48];
    if open == 0 {
        return false;
    }
    let before = doc.lower(open - 1, &mut buf);
    let possessive = before.ends_with("'s") || before.ends_with("’s");
    if !possessive
        && !matches!(
            before,
            "on" | "in" | "of" | "at" | "to" | "from" | "titled" | "called" | "named"
        )
    {
        return false;
    }
    let words: Vec<usize> = (open + 1..close)
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .collect();
    !words.is_empty()
        && words.len() <= 8
        && doc.is_capitalized(words[0])
        && words.iter().all(|&k| {
            doc.is_capitalized(k)
                || matches!(
                    doc.lower(k, &mut buf),
                    "the" | "a" | "an" | "of" | "and" | "in" | "on" | "for" | "to" | "with" | "at"
                )
        })
}

/// A lower-case `-ing` word: `looking`, `adding`.
#[cfg_attr(whosaid_small, optimize(size))]
fn is_participle(doc: &Document, k: usize) -> bool {
    let mut buf = [0u8; 48];
    k < doc.tokens.len()
        && doc.tokens[k].kind == Kind::Word
        && !doc.is_capitalized(k)
        && doc.lower(k, &mut buf).ends_with("ing")
}

/// The quote's last inner token is a word or a full stop (not a mark opening something else).
#[cfg_attr(whosaid_small, optimize(size))]
fn inner_ends_sentence_or_word(doc: &Document, close: usize) -> bool {
    close > 0 && (doc.tokens[close - 1].kind == Kind::Word || doc.is(close - 1, '.'))
}

/// The cue is followed by a reported clause of its own: "that …", or a clause opening with a pronoun or determiner.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn has_own_clause(doc: &Document, cue: &Cue) -> bool {
    has_own_clause_from(doc, cue, crate::attribution::clause_start_after(doc, cue))
}

/// [`has_own_clause`] for a caller that has read where the clause after the cue starts (`clause_start_after`).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn has_own_clause_from(doc: &Document, cue: &Cue, clause_start: Option<usize>) -> bool {
    let mut buf = [0u8; 48];
    let next = doc.lower(cue.last + 1, &mut buf);
    if next == "that" {
        return true;
    }
    let Some(start) = clause_start else {
        return false;
    };
    let w = doc.lower(start, &mut buf);
    let opens_clause = matches!(
        w,
        "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an" | "this" | "there"
    );
    let words = (start..doc.sentence_of(start).tok_end)
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .count();
    opens_clause && words >= 3 && !crate::attribution::ADJUNCT_WORDS.contains(&w)
}

/// Direct if the quote starts its sentence; otherwise mixed, spanning from the sentence start.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn shape(doc: &Document, span: Span, open: usize, close: usize) -> (QuoteKind, Span) {
    let sent = doc.sentence_of(open);
    // `Rhimes declared the need for strong will: “Change the world …,” she said` — after a colon the quote is whole.
    if open > sent.tok_start && doc.is(open - 1, ':') {
        return (QuoteKind::Direct, span);
    }
    let words_before = (sent.tok_start..open)
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .count();
    if words_before >= 1 {
        (QuoteKind::Mixed, doc.span_of(sent.tok_start, close))
    } else {
        (QuoteKind::Direct, span)
    }
}

/// `“…,” Zelensky zaid.` — a lower-case word one letter away from a strong speech verb, right before the sentence
/// end, after a capitalised name: read as that verb (typos happen in real copy).
#[cfg_attr(whosaid_small, optimize(size))]
fn misspelt_cue(doc: &Document, j: usize, limit: usize) -> Option<Cue> {
    let mut k = j;
    while k < limit && doc.is_capitalized(k) {
        k += 1;
    }
    if k == j || k >= limit || doc.tokens[k].kind != Kind::Word || doc.is_capitalized(k) {
        return None;
    }
    if !(k + 1 >= limit || doc.is(k + 1, '.')) {
        return None;
    }
    let w = doc.tok(k);
    const STRONG: &[&str] = &["said", "says", "told", "added", "wrote", "tweeted"];
    let lemma = STRONG.iter().find(|v| {
        w.len() == v.len() && w.bytes().zip(v.bytes()).filter(|(a, b)| a != b).count() == 1
    })?;
    let info = lexicon::speech_verb(lemma)?;
    Some(Cue {
        kind: CueKind::Verb,
        tok: k,
        last: k,
        lemma: info.lemma,
        form: VerbForm::Past,
        listener: false,
        strength: 2,
    })
}
