//! `Medinsky said the sides had “found certain points …”` — a quoted fragment inside reported speech. The cue comes
//! earlier in the sentence; the span is the reported clause, from after the cue (and "that") to the clause end.

use crate::attribution::{
    clause_end, clause_start_after, mention_confidence, subject_left, subject_left_for_quote,
    Attribution, Ctx,
};
use crate::cues::{Cue, CueKind};
use crate::lexicon;
use crate::mentions::{self, Mention};
use crate::model::QuoteKind;
use crate::text::Document;

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for qi in 0..ctx.quotes.len() {
        if ctx.quote_done[qi].is_some() {
            continue;
        }
        let q = &ctx.quotes[qi];
        let o = q.open_tok;
        let sent = *doc.sentence_of(o);
        // The nearest unused cue before the quote in its sentence.
        // Cues are sorted by token: scan back from the quote, within its sentence.
        let before = ctx.cues.partition_point(|c| c.tok < o);
        let Some(ci) = (0..before)
            .rev()
            .take_while(|&ci| ctx.cues[ci].tok >= sent.tok_start)
            .find(|&ci| {
                let c = &ctx.cues[ci];
                c.tok < o
                    && c.tok >= sent.tok_start
                    && c.kind == CueKind::Verb
                    && ctx.quote_at(c.tok).is_none()
            })
        else {
            continue;
        };
        if ctx.cue_used[ci].is_some() {
            continue;
        }
        // `Trump said … that Clinton described the deal as “the gold standard”`: the outermost reporting cue of the
        // sentence whose clause holds the nearer cue frames the fragment.
        let ci = outermost_frame(ctx, ci, sent.tok_start);
        let cue = ctx.cues[ci];
        // Weak cues frame a quoted fragment only when it follows closely (`called his supporters “deplorables”`).
        if cue.strength < 2
            && !(matches!(
                cue.lemma,
                "call" | "describe" | "label" | "dub" | "term" | "brand"
            ) && o <= cue.last + 12)
        {
            continue;
        }
        let Some(start) = clause_start_after(doc, &cue) else {
            continue;
        };
        if start > o {
            continue;
        }
        let mention = subject_left(doc, &cue, sent.tok_start)
            .or_else(|| clause_subject(ctx, &cue))
            .or_else(|| subject_left_for_quote(doc, &cue, sent.tok_start));
        let Some(mention) = mention else { continue };
        let end = clause_end(doc, start, ctx.cues).max(q.last_tok);
        let span = doc.span_of(start, end);
        let confidence = mention_confidence(Some(&mention)) - 0.05;
        let idx = ctx.settle(
            Attribution::new(QuoteKind::Mixed, span, Some(mention), confidence),
            Some(qi),
            Some(ci),
        );
        // Other quoted fragments in the same clause belong to it.
        for other in qi + 1..ctx.quotes.len() {
            // Quotes are in text order: none after this one can lie inside the clause.
            if ctx.quotes[other].span.start >= span.end {
                break;
            }
            if span.contains(ctx.quotes[other].span) && ctx.quote_done[other].is_none() {
                ctx.quote_done[other] = Some(idx);
            }
        }
    }
}

/// An earlier unused strong cue of the same sentence whose reported clause contains cue `ci`, if there is one.
#[cfg_attr(whosaid_small, optimize(size))]
fn outermost_frame(ctx: &Ctx, ci: usize, sent_start: usize) -> usize {
    let doc = ctx.doc;
    let first = ctx.cues.partition_point(|c| c.tok < sent_start);
    for outer in first..ci {
        let c = &ctx.cues[outer];
        if ctx.cue_used[outer].is_some()
            || c.kind != CueKind::Verb
            || c.strength < 3
            || ctx.quote_at(c.tok).is_some()
        {
            continue;
        }
        let Some(start) = clause_start_after(doc, c) else {
            continue;
        };
        if start <= ctx.cues[ci].tok && subject_left(doc, c, sent_start).is_some() {
            return outer;
        }
    }
    ci
}

/// The subject for a cue with none of its own: the speaker of an earlier cue in the same sentence (`she said,
/// adding …`), else the sentence subject.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn clause_subject(ctx: &Ctx, cue: &Cue) -> Option<Mention> {
    let doc = ctx.doc;
    let sent = doc.sentence_of(cue.tok);
    // An attributed cue earlier in the sentence (cues are sorted by token; `cue_used` links each to its attribution).
    let first = ctx.cues.partition_point(|c| c.tok < sent.tok_start);
    let this = ctx.cues.partition_point(|c| c.tok < cue.tok);
    let earlier = (first..this)
        .rev()
        .filter_map(|ci| ctx.cue_used[ci])
        .map(|a| &ctx.out[a])
        .find(|a| a.mention.is_some());
    if let Some(a) = earlier {
        return a.mention.clone();
    }
    // `X, she said, adding: …` where the `she said` has not been settled yet: read its subject directly.
    if cue.form == crate::lexicon::VerbForm::Gerund {
        if let Some(prev) = ctx.cues[first..this]
            .iter()
            .rev()
            .find(|c| c.kind == CueKind::Verb)
        {
            if let Some(m) = subject_left(doc, prev, sent.tok_start) {
                return Some(m);
            }
        }
    }
    sentence_subject(doc, cue)
}

/// The subject of a sentence whose cue has none of its own: `X accused … and said …`, `X gave few details except to
/// say that …`, `…, saying …`. The first noun phrase of the sentence, skipping connectives.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn sentence_subject(doc: &Document, cue: &Cue) -> Option<Mention> {
    let sent = doc.sentence_of(cue.tok);
    // Past connectives, a dateline (`WASHINGTON (AFP) —`) and fronted adverbials (`Hours later,`).
    let s = crate::attribution::subject_start(doc, sent.tok_start, cue.tok)?;
    let mut buf = [0u8; 48];
    // The subject is only trusted for coordinated or non-finite cues.
    let mut p = cue.tok;
    while p > s && crate::mentions::BETWEEN_SUBJECT_AND_VERB.contains(&doc.lower(p - 1, &mut buf)) {
        p -= 1;
    }
    let mut left_buf = [0u8; 48];
    let left = if p > 0 {
        doc.lower(p - 1, &mut left_buf)
    } else {
        ""
    };
    let nonfinite = matches!(
        cue.form,
        lexicon::VerbForm::Gerund | lexicon::VerbForm::Base
    );
    // (`… did not want to address “that person,” telling …`: the comma inside the closing mark.)
    let comma = left == ","
        || p >= 2 && doc.tokens[p - 1].kind == crate::text::Kind::QuoteMark && doc.is(p - 2, ',');
    if !(left == "and" || left == "to" || comma && nonfinite || nonfinite && left == "while") {
        return None;
    }
    let m = mentions::np_starting_at(doc, s, cue.tok)?;
    // `the other candidate on the stage, former mayor Ana Mora, drew a contrast, saying …`: a role phrase and the
    // name set off after it (a prepositional phrase may stand between) — the name, described by the role.
    if matches!(m.kind, mentions::MentionKind::Role) {
        let comma = (m.last + 1..(m.last + 7).min(cue.tok)).find(|&k| doc.is(k, ','));
        let between_ok = comma.is_some_and(|c| {
            c == m.last + 1
                || matches!(
                    doc.lower(m.last + 1, &mut buf),
                    "on" | "in" | "at" | "of" | "for" | "from" | "with"
                )
        });
        if let Some(c) = comma.filter(|_| between_ok) {
            if let Some(mut n) = mentions::np_starting_at(doc, c + 1, cue.tok).filter(|n| {
                n.kind == mentions::MentionKind::Name && n.name.is_some() && doc.is(n.last + 1, ',')
            }) {
                n.description = Some(doc.span_of(m.first, c - 1));
                n.first = m.first;
                n.span = doc.span_of(m.first, n.last);
                return Some(n);
            }
        }
    }
    (m.kind != mentions::MentionKind::Pronoun || m.first == s).then_some(m)
}
