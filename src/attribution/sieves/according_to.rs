//! `According to Macron’s office, Putin agreed …` / `… the road south of Kyiv, according to the Kremlin.` — the source
//! follows "according to"; the content is the rest of the sentence on the other side of the comma.

use crate::attribution::sieves::indirect::{content_kind, overlaps_settled, settle_quotes_inside};
use crate::attribution::{clause_end, mention_confidence, Attribution, Ctx};
use crate::cues::CueKind;
use crate::mentions;
use crate::text::Kind;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for ci in 0..ctx.cues.len() {
        let cue = ctx.cues[ci];
        if ctx.cue_used[ci].is_some()
            || cue.kind != CueKind::According
            || ctx.quote_at(cue.tok).is_some()
        {
            continue;
        }
        let sent = *doc.sentence_of(cue.tok);
        let source = mentions::np_starting_at(doc, cue.last + 1, sent.tok_end);
        // The source phrase runs to the next comma (or the sentence end).
        let mut src_end = cue.last + 1;
        while src_end < sent.tok_end && !doc.is(src_end, ',') && !doc.is(src_end, '.') {
            src_end += 1;
        }
        let words_before = (sent.tok_start..cue.tok)
            .filter(|&k| doc.tokens[k].kind == Kind::Word)
            .count();
        // Any source phrase counts ("the budget office", "a poll out Thursday"), read up to its comma.
        let source = source.or_else(|| {
            let last = src_end.checked_sub(1).filter(|&l| l > cue.last)?;
            Some(crate::mentions::Mention::described(
                doc,
                crate::mentions::MentionKind::Role,
                cue.last + 1,
                last,
                false,
            ))
        });
        // `At the heart of the trouble, according to X, was a decision …`: a source set off by commas mid-sentence
        // reports the whole sentence.
        let words_after = (src_end + 1..sent.tok_end)
            .filter(|&k| doc.tokens[k].kind == Kind::Word)
            .count();
        // (Not when a relative clause or an appositive of the source follows its comma: `…, according to the SITE
        // Group, which tracks …`, `…, according to Crowdpac, a start-up that …`.)
        let mut buf = [0u8; 48];
        let source_clause = src_end + 1 < sent.tok_end
            && matches!(
                doc.lower(src_end + 1, &mut buf),
                "which" | "who" | "whose" | "a" | "an"
            );
        let mid_sentence = words_before > 0
            && doc.is(src_end, ',')
            && words_after >= 2
            && !source_clause
            && cue.tok > sent.tok_start
            && doc.is(cue.tok - 1, ',');
        let (a, b) = if mid_sentence {
            (sent.tok_start, clause_end(doc, src_end + 1, ctx.cues))
        } else if words_before <= 2 {
            // Fronted: content after the comma.
            if src_end + 1 >= sent.tok_end {
                continue;
            }
            // (Past the source's appositive and its comma, [`after_appositive`].)
            let a = if source_clause {
                after_appositive(doc, src_end + 1, sent.tok_end)
            } else {
                src_end + 1
            };
            if a >= sent.tok_end {
                continue;
            }
            (a, clause_end(doc, a, ctx.cues))
        } else {
            let mut b = cue.tok - 1;
            while b > sent.tok_start && doc.tokens[b].kind == Kind::Punct {
                b -= 1;
            }
            // `X says CLAUSE, which stood at 263, according to the AP.`: what another attribution already reports is
            // not this source's; its content starts after that attribution.
            let start_byte = doc.tokens[sent.tok_start].start as usize;
            let end_byte = doc.tokens[b].end as usize;
            let covered = ctx.latest_end_overlapping(start_byte, end_byte);
            let a = match covered {
                Some(e) => doc.token_at_or_after(e),
                None => sent.tok_start,
            };
            let mut a = a;
            while a < b && doc.tokens[a].kind == Kind::Punct {
                a += 1;
            }
            (a, b)
        };
        if a > b {
            continue;
        }
        let words = (a..=b)
            .filter(|&k| doc.tokens[k].kind == Kind::Word)
            .count();
        if words < 3 || overlaps_settled(ctx, a, b) {
            continue;
        }
        let kind = content_kind(ctx, a, b);
        let confidence = mention_confidence(source.as_ref()) - 0.1;
        settle_quotes_inside(ctx, a, b);
        ctx.settle(
            Attribution::new(kind, doc.span_of(a, b), source, confidence),
            None,
            Some(ci),
        );
    }
}

/// The token after the comma that closes a source's appositive starting at token `a` (`According to Marc Lavoie, a
/// professor at the university, | the policy …`), or `a` if none closes within 25 tokens or an auxiliary stands
/// before it (`According to the Ledger, an email was sent …, Ana Ruiz, to …` is content from `a`).
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn after_appositive(doc: &crate::text::Document, a: usize, end: usize) -> usize {
    let mut buf = [0u8; 48];
    for k in a + 1..end.min(a + 25) {
        if doc.is(k, ',') {
            return k + 1;
        }
        // (An auxiliary or an adverb of one, as between a subject and its verb.)
        if crate::mentions::BETWEEN_SUBJECT_AND_VERB.contains(&doc.lower(k, &mut buf)) {
            break;
        }
    }
    a
}
