//! `“I suggest we wait for the talks,” Peskov told reporters. “I would not declare any positions.”` — a quote with no
//! cue of its own in a paragraph where another quote is attributed takes that speaker (the nearest one before it,
//! else after it).

use crate::attribution::{Attribution, Ctx};
use crate::model::QuoteKind;

pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        if !is_speech_like(ctx, qi) {
            continue;
        }
        let para = doc.tokens[q.open_tok].para;
        let same_para = |o: usize| doc.tokens[ctx.quotes[o].open_tok].para == para;
        let before = (0..qi)
            .rev()
            .take_while(|&o| same_para(o))
            .find(|&o| has_speaker(ctx, o));
        let after = (qi + 1..ctx.quotes.len())
            .take_while(|&o| same_para(o))
            .find(|&o| has_speaker(ctx, o));
        let Some(src) = before.or(after) else {
            continue;
        };
        let a = ctx.quote_done[src].expect("has_speaker");
        let prev = ctx.out[a].clone();
        let idx = ctx.settle(
            Attribution {
                kind: QuoteKind::Direct,
                span: q.span,
                cue: None,
                mention: None,
                quote: None,
                confidence: (prev.confidence - 0.05).min(0.9),
                sieve: "",
                same_as: Some(a),
            },
            Some(qi),
            None,
        );
        ctx.out[idx].cue = None;
    }
}

fn has_speaker(ctx: &Ctx, q: usize) -> bool {
    ctx.quote_done[q].is_some_and(|a| ctx.out[a].mention.is_some() || ctx.out[a].same_as.is_some())
}

/// A quote that reads as speech rather than a scare-quoted term: whole sentences or several words opening a sentence.
pub fn is_speech_like(ctx: &Ctx, qi: usize) -> bool {
    let q = &ctx.quotes[qi];
    let doc = ctx.doc;
    let starts_sentence = doc.sentence_of(q.open_tok).tok_start == q.open_tok;
    q.words >= 4 && starts_sentence || q.words >= 12
}
