//! `“I suggest we wait for the talks,” Peskov told reporters. “I would not declare any positions.”` — a quote with no
//! cue of its own in a paragraph where an earlier quote is attributed takes that speaker.

use crate::attribution::{Attribution, Ctx};
use crate::model::QuoteKind;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        // A short second half of a split quote (`“…,” he said, “and they’re terrifying.”`) joins its first half even
        // though it would not pass for speech on its own.
        let split_half = qi > 0
            && ctx.quote_done[qi - 1].is_some_and(|a| continues_directly(ctx, qi - 1, qi, a))
            && has_speaker(ctx, qi - 1);
        if !split_half && !is_speech_like(ctx, qi) {
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
        // `“A,” X said. “B.”`: B continues A's statement — one attribution spanning A to B, with both parts.
        if before == Some(src) && continues_directly(ctx, src, qi, a) {
            let first = ctx.quotes[src].span;
            ctx.join_part(a, first, qi);
            continue;
        }
        // Only from a speaker before it: a quote that comes first in its paragraph and takes the speaker of a later
        // quote was wrong more often than right (PolNeAR train: 3 of 69 right with the paragraph's later speakers).
        if before != Some(src) {
            continue;
        }
        let prev = ctx.out[a].clone();
        let idx = ctx.settle(
            Attribution {
                same_as: Some(a),
                ..Attribution::new(
                    QuoteKind::Direct,
                    q.span,
                    None,
                    (prev.confidence - 0.05).min(0.9),
                )
            },
            Some(qi),
            None,
        );
        ctx.out[idx].cue = None;
    }
}

/// Quote `qi` follows quote `src` (attributed by `a`) with only that attribution's cue sentence between them.
#[cfg_attr(whosaid_small, optimize(size))]
fn continues_directly(ctx: &Ctx, src: usize, qi: usize, a: usize) -> bool {
    let doc = ctx.doc;
    let att = &ctx.out[a];
    if att.kind == QuoteKind::Indirect || att.cue.is_none_or(|c| c.end > ctx.quotes[qi].span.start)
    {
        return false;
    }
    let Some(close) = ctx.quotes[src].close_tok else {
        return false;
    };
    // Between the two quotes: the cue, the speaker and a few words of adjuncts — no other sentence.
    let between = close + 1..ctx.quotes[qi].open_tok;
    let words = between
        .clone()
        .filter(|&k| doc.tokens[k].kind == crate::text::Kind::Word)
        .count();
    let cue_tok = doc
        .token_at_or_after(att.cue.map_or(0, |c| c.start))
        .min(doc.tokens.len() - 1);
    let sentences = doc.sent_of[ctx.quotes[qi].open_tok].saturating_sub(doc.sent_of[cue_tok]);
    // One more reporter's sentence may stand between (`“…,” Obama said after meeting Putin. He didn't suggest
    // retaliation. “…”`) if it has no cue of its own.
    // A negated verb (`He didn't suggest retaliation.`) reports nothing.
    let negated = |k: usize| {
        let mut buf = [0u8; 48];
        k > 0 && {
            let w = doc.lower(k - 1, &mut buf);
            w == "not"
                || w == "never"
                || w.ends_with("n't")
                || w.ends_with("n’t")
                || w == "’t"
                || w == "'t"
        }
    };
    let cues_between = between
        .clone()
        .filter(|&k| ctx.cue_at(k).is_some() && !negated(k))
        .count();
    let ok_gap =
        sentences <= 1 && words <= 40 || sentences == 2 && cues_between <= 1 && words <= 30;
    ok_gap && between.clone().all(|k| ctx.quote_at(k).is_none())
}

#[cfg_attr(whosaid_small, optimize(size))]
fn has_speaker(ctx: &Ctx, q: usize) -> bool {
    ctx.quote_done[q].is_some_and(|a| ctx.out[a].mention.is_some() || ctx.out[a].same_as.is_some())
}

/// A quote that reads as speech rather than a scare-quoted term: whole sentences or several words opening a sentence.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn is_speech_like(ctx: &Ctx, qi: usize) -> bool {
    let q = &ctx.quotes[qi];
    let doc = ctx.doc;
    let starts_sentence = doc.sentence_of(q.open_tok).tok_start == q.open_tok;
    q.words >= 4 && starts_sentence || q.words >= 12
}
