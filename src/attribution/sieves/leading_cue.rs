//! `Medinsky said: “…”` / `Podolyak added, “…”` / `He said that “…”` / `He told reporters: “…”`, and a colon that ends
//! the previous paragraph (`He said:` ⏎ `“…”`) — the cue comes before the opening mark with nothing but a listener,
//! adjuncts, a comma, a colon or "that" between.

use crate::attribution::{
    mention_confidence, subject_left_for_quote, Attribution, Ctx, ADJUNCT_WORDS,
};
use crate::cues::{Cue, CueKind};
use crate::model::QuoteKind;
use crate::text::Kind;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    let mut buf = [0u8; 48];
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        let o = q.open_tok;
        let para = doc.paragraphs[doc.tokens[o].para as usize];
        // Where to look for the cue: this sentence, or the end of the previous paragraph when it ends with a colon.
        let (lo, hi) = if o == para.tok_start && o > 0 && doc.is(o - 1, ':') {
            let prev = doc.sentence_of(o - 1);
            (prev.tok_start, o - 1)
        } else {
            (doc.sentence_of(o).tok_start, o)
        };
        let mut found = None;
        let mut k = hi;
        let mut gap = 0;
        while k > lo && gap <= 8 {
            k -= 1;
            if let Some(ci) = ctx.cue_at(k) {
                if ctx.cues[ci].kind != CueKind::Colon {
                    found = Some(ci);
                }
                break;
            }
            let w = doc.lower(k, &mut buf);
            let ok = doc.is(k, ',')
                || doc.is(k, ':')
                || w == "that"
                || w == "to"
                || w == "of"
                || ADJUNCT_WORDS.contains(&w)
                || doc.is_capitalized(k);
            if !ok {
                break;
            }
            gap += 1;
        }
        // Passive: `This was said by the adviser Mikhail Podoliak: “…”`.
        if found.is_none() {
            if let Some(by) = (lo..hi)
                .rev()
                .take(12)
                .find(|&k| doc.lower(k, &mut buf) == "by")
            {
                if let Some(ci) = by.checked_sub(1).and_then(|v| ctx.cue_at(v)) {
                    let cue = ctx.cues[ci];
                    let gap_ok = (by + 1..hi)
                        .all(|k| !doc.is(k, '.') && doc.tokens[k].kind != Kind::QuoteMark);
                    // `Asked by a reporter about the deal, the minister was blunt: “…”`: a participle opening the
                    // sentence is a fronted phrase; after its comma a clause of its own (a lower-case word, its verb)
                    // has the speaker, and the agent only asked.
                    let fronted = cue.tok == doc.sentence_of(cue.tok).tok_start
                        && (by + 1..hi)
                            .rev()
                            .find(|&k| doc.is(k, ','))
                            .is_some_and(|c| {
                                (c + 1..hi).any(|k| {
                                    doc.tokens[k].kind == Kind::Word && !doc.is_capitalized(k)
                                })
                            });
                    if ctx.cue_used[ci].is_none() && cue.strength >= 2 && gap_ok && !fronted {
                        // Prefer a name at the end of the agent phrase (`by the adviser to the President Mikhail
                        // Podoliak`), else the phrase itself.
                        let named = (by + 1..hi).rev().find_map(|k| {
                            crate::mentions::np_ending_at(doc, k, by + 1)
                                .filter(|m| m.name.is_some())
                        });
                        let agent = named.or_else(|| {
                            crate::attribution::subject_right(doc, &Cue { last: by, ..cue }, hi)
                        });
                        if let Some(m) = agent {
                            let confidence = mention_confidence(Some(&m)) - 0.1;
                            ctx.settle(
                                Attribution::new(QuoteKind::Direct, q.span, Some(m), confidence),
                                Some(qi),
                                Some(ci),
                            );
                            continue;
                        }
                    }
                }
            }
        }
        let Some(ci) = found else { continue };
        if ctx.cue_used[ci].is_some() {
            continue;
        }
        let cue = ctx.cues[ci];
        // Weak cues ("discuss", "continued") frame a quotation only with a colon (`Caddell continued:`).
        let colon = o > 0 && doc.is(o - 1, ':');
        // `He continued, “…”` — a weak verb with a comma right before a quote that opens with a capital.
        let comma_capital = o > 0
            && doc.is(o - 1, ',')
            && cue.last + 2 == o
            && doc
                .tokens
                .get(o + 1)
                .is_some_and(|_| doc.is_capitalized(o + 1));
        if cue.strength < 2 && !colon && !comma_capital {
            continue;
        }
        // A colon, a comma or "that" right before the mark, or the mark straight after the cue.
        let direct_after = cue.last + 1 == hi || cue.listener && hi - cue.last <= 3;
        let marked = hi > 0
            && (doc.is(hi - 1, ':')
                || doc.is(hi - 1, ',')
                || doc.lower(hi - 1, &mut buf) == "that");
        if !(direct_after || marked || hi == o - 1) {
            continue;
        }
        let sent_start = doc.sentence_of(cue.tok).tok_start;
        // `Said Ellis: “…”` — an inverted cue opening the sentence.
        let inverted = (cue.tok == sent_start)
            .then(|| crate::attribution::subject_right(doc, &cue, hi))
            .flatten();
        let mention = subject_left_for_quote(doc, &cue, sent_start)
            .or(inverted)
            .or_else(|| super::mixed::clause_subject(ctx, &cue));
        let Some(mention) = mention else { continue };
        // A short quote with more of the clause after it is a fragment: mixed.
        let (kind, span) = match q.close_tok {
            Some(close) => {
                let sent = doc.sentence_of(close);
                let words_after = (close + 1..sent.tok_end)
                    .filter(|&k| doc.tokens[k].kind == Kind::Word)
                    .count();
                if words_after >= 2
                    && !doc
                        .tokens
                        .get(close + 1)
                        .is_some_and(|t| t.kind == Kind::QuoteMark)
                {
                    let end = crate::attribution::clause_end(doc, close, ctx.cues);
                    (QuoteKind::Mixed, doc.span_of(o, end.max(close)))
                } else {
                    (QuoteKind::Direct, q.span)
                }
            }
            None => (QuoteKind::Direct, q.span),
        };
        let confidence = mention_confidence(Some(&mention)) - if q.unclosed { 0.15 } else { 0.0 };
        ctx.settle(
            Attribution::new(kind, span, Some(mention), confidence),
            Some(qi),
            Some(ci),
        );
    }
}
