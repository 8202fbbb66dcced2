//! `The move, Carr explained, was the result of three years of work.` / `In cases of abortion, it said, “the woman
//! is a victim.”` — a speaker and cue set off by commas inside a sentence report the whole sentence around them.
//! (`“A,” he said, “B.”` — a quote interrupted by its cue — is left to the quote sieves.)

use crate::attribution::sieves::indirect::{content_kind, overlaps_settled, settle_quotes_inside};
use crate::attribution::{
    clause_end, mention_confidence, subject_left, subject_left_for_quote, Attribution, Ctx,
    ADJUNCT_WORDS,
};
use crate::cues::CueKind;
use crate::lexicon::VerbForm;
use crate::text::Kind;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    let mut buf = [0u8; 48];
    for ci in 0..ctx.cues.len() {
        let cue = ctx.cues[ci];
        if ctx.cue_used[ci].is_some()
            || cue.kind != CueKind::Verb
            || cue.strength < 2
            || !matches!(cue.form, VerbForm::Past | VerbForm::ThirdPerson)
            || ctx.quote_at(cue.tok).is_some()
        {
            continue;
        }
        let sent = *doc.sentence_of(cue.tok);
        // The parenthesis closes with a comma after the cue and a few adjunct words.
        let Some(close) = (cue.last + 1..(cue.last + 7).min(sent.tok_end))
            .take_while(|&k| {
                doc.is(k, ',')
                    || ADJUNCT_WORDS.contains(&doc.lower(k, &mut buf))
                    || doc.is_capitalized(k)
            })
            .find(|&k| doc.is(k, ','))
        else {
            continue;
        };
        // `…, she said, adding: “…”` continues with a report of its own, not the rest of one sentence.
        if ctx.cue_at(close + 1).is_some() {
            continue;
        }
        // `As a phone rang, the announcer said, “It’s 3 a.m. …”`: a quote that opens right after the cue with a
        // capital is a full direct quote led by its cue (the leading-cue sieve's), and the words before the
        // speaker are the narrator's. A lower-case fragment (`it said, “the woman is a victim”`) completes the
        // sentence and stays here.
        if let Some(q) = ctx.quote_at(close + 1) {
            let open = ctx.quotes[q].open_tok;
            if open == close + 1 && open + 1 < doc.tokens.len() && doc.is_capitalized(open + 1) {
                continue;
            }
        }
        // A generic subject ("the report") is trusted only where quotation marks vouch for speech.
        let has_quote = (sent.tok_start..sent.tok_end).any(|k| ctx.quote_at(k).is_some());
        let m = if has_quote {
            subject_left_for_quote(doc, &cue, sent.tok_start)
        } else {
            subject_left(doc, &cue, sent.tok_start)
        };
        let Some(m) = m else { continue };
        if m.first < sent.tok_start + 2 || !doc.is(m.first - 1, ',') {
            continue;
        }
        let before_end = m.first - 2;
        let words = |a: usize, b: usize| {
            (a..=b)
                .filter(|&k| doc.tokens[k].kind == Kind::Word)
                .count()
        };
        if close + 1 >= sent.tok_end
            || words(sent.tok_start, before_end) < 2
            || words(close + 1, sent.tok_end - 1) < 2
        {
            continue;
        }
        // A quote that is all of the part before the speaker is a quote split by its cue.
        if doc.tokens[sent.tok_start].kind == crate::text::Kind::QuoteMark
            && ctx
                .quote_at(sent.tok_start)
                .is_some_and(|q| ctx.quotes[q].last_tok + 1 >= before_end)
        {
            continue;
        }
        let end = clause_end(doc, close + 1, ctx.cues);
        if overlaps_settled(ctx, sent.tok_start, end) {
            continue;
        }
        let kind = content_kind(ctx, sent.tok_start, end);
        let confidence = mention_confidence(Some(&m)) - 0.05;
        settle_quotes_inside(ctx, sent.tok_start, end);
        ctx.settle(
            Attribution::new(kind, doc.span_of(sent.tok_start, end), Some(m), confidence),
            None,
            Some(ci),
        );
    }
}
