//! Floating quotes: a paragraph that opens with a quote and has no cue continues the speaker of the quote that
//! closed the previous paragraph — only when that paragraph ended in attributed speech, so context supports it;
//! after reported speech (`X says the plan is …`), only a paragraph that is wholly a quotation.
//! A quote continuing a direct or mixed quote joins that attribution as a further part; after an indirect report
//! it is an attribution of its own with the same speaker.
//!
//! A box of page furniture between the two paragraphs does not part them; the quote after it is then an attribution
//! of its own with the same speaker (no span runs over the box).

use crate::attribution::sieves::same_paragraph::is_speech_like;
use crate::attribution::{Attribution, Ctx};
use crate::model::QuoteKind;

/// A box of page furniture has at most this many paragraphs.
const MAX_BOX: usize = 12;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    // Every attribution by (span end, index): the lookup of the one that ends last in a paragraph is then a binary
    // search instead of a scan of all attributions (quadratic on long texts). Those this sieve adds come in text
    // order, so they form a second sorted list.
    let mut by_end: Vec<(usize, usize)> = ctx
        .out
        .iter()
        .enumerate()
        .map(|(i, a)| (a.span.end, i))
        .collect();
    crate::sort::sort(&mut by_end);
    let mut added: Vec<(usize, usize)> = Vec::new();
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() || !is_speech_like(ctx, qi) {
            continue;
        }
        let q = &ctx.quotes[qi];
        let p = doc.tokens[q.open_tok].para as usize;
        if p == 0 || doc.paragraphs[p].tok_start != q.open_tok {
            continue;
        }
        // The previous paragraph, past a box of page furniture: one that opens with a heading or a sign-up or link
        // line and has no paragraph of 300 bytes (then `text::sections` never cuts the text inside it).
        let mut pp = p - 1;
        while pp > 0
            && doc.boilerplate[pp]
            && doc.paragraphs[pp].span.len() < 300
            && p - pp <= MAX_BOX
        {
            pp -= 1;
        }
        if doc.boilerplate[pp] {
            continue;
        }
        let across = pp + 1 < p;
        if across {
            let first = doc.paragraphs[pp + 1].span.text(doc.text);
            let first = &first[..first.find(crate::text::is_break).unwrap_or(first.len())];
            if !crate::text::furniture::opens_furniture(first) {
                continue;
            }
        }
        // The last attribution that ends in the previous paragraph.
        let prev = &doc.paragraphs[pp];
        // Ends in (prev.start, prev.end + 1]; the latest end wins, and among equal ends the last recorded.
        let last_in = |v: &[(usize, usize)]| {
            let k = v.partition_point(|&(end, _)| end <= prev.span.end + 1);
            (k > 0 && v[k - 1].0 > prev.span.start).then(|| v[k - 1])
        };
        let Some((_, a)) = last_in(&by_end).max(last_in(&added)) else {
            continue;
        };
        // The attribution closes the previous paragraph: its quote ends it, or its cue sits in the last sentence
        // (`“Negotiations are difficult,” X, a top adviser to Y, tweeted after the meeting.`).
        let last_sentence = doc.sent_of[prev.tok_end - 1];
        let cue_last = ctx.out[a].cue.is_some_and(|c| {
            doc.sent_of[doc.token_at_or_after(c.start).min(doc.tokens.len() - 1)] == last_sentence
        });
        let ends_para = ctx.out[a].span.end + 8 >= prev.span.end || cue_last;
        // After reported speech (`X says the plan is …`) only a paragraph that is wholly a quotation goes on with it.
        let whole = q.close_tok.is_some() && q.last_tok + 2 >= doc.paragraphs[p].tok_end;
        if !ends_para
            || ctx.out[a].kind == QuoteKind::Indirect && ctx.out[a].sieve != "colon" && !whole
        {
            continue;
        }
        // `“A,” he said.¶“B.”`: B goes on with A's statement — one attribution over both paragraphs, with both
        // parts (as `“A,” he said. “B.”` in one paragraph). Not after a dash credit line (`“A.” — X¶“B.” — Y`),
        // where each quote stands alone. (PolNeAR train, speech @0.8: F1 77.0 -> 77.6, precision 82.7 -> 83.7.)
        if !across
            && ctx.out[a].same_as.is_none()
            && ctx.out[a].kind != QuoteKind::Indirect
            && ctx.out[a].sieve != "dash"
        {
            let first = ctx.out[a].span;
            ctx.join_part(a, first, qi);
            continue;
        }
        let confidence = (ctx.out[a].confidence - 0.2).max(0.5);
        let span = q.span;
        let idx = ctx.settle(
            Attribution {
                same_as: Some(a),
                ..Attribution::new(QuoteKind::Direct, span, None, confidence)
            },
            Some(qi),
            None,
        );
        if added.last().is_some_and(|&l| l > (span.end, idx)) {
            // Not in order after all (never seen): keep one sorted list.
            by_end.append(&mut added);
            by_end.push((span.end, idx));
            crate::sort::sort(&mut by_end);
        } else {
            added.push((span.end, idx));
        }
    }
}
