//! `“We will not surrender.” — Dmytro Kuleba` — a dash after the closing mark introduces the speaker.

use crate::attribution::{mention_confidence, Attribution, Ctx};
use crate::mentions;
use crate::model::QuoteKind;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        let Some(close) = q.close_tok else { continue };
        let d = close + 1;
        if d >= doc.tokens.len() || doc.tokens[d].para != doc.tokens[close].para {
            continue;
        }
        if !matches!(doc.tok(d), "—" | "–" | "--" | "―" | "-") {
            continue;
        }
        let end = doc.paragraphs[doc.tokens[d].para as usize].tok_end;
        let Some(m) = mentions::np_starting_at(doc, d + 1, end) else {
            continue;
        };
        // A dash signature is a name that closes the paragraph or its sentence, or runs into a title after a comma
        // (`— Dmytro Kuleba, foreign minister`); `-- that he is …` continues a sentence instead.
        let after = m.last + 1;
        let closes = after >= end || doc.is(after, ',') || doc.is(after, '.') || doc.is(after, ')');
        if m.kind == crate::mentions::MentionKind::Pronoun || !closes {
            continue;
        }
        let confidence = mention_confidence(Some(&m)) - 0.05;
        let idx = ctx.settle(
            Attribution::new(QuoteKind::Direct, q.span, Some(m), confidence),
            Some(qi),
            None,
        );
        ctx.out[idx].cue = Some(doc.tokens[d].span());
    }
}
