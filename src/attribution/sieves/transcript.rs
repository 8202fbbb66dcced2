//! Interviews and transcripts as they are pasted: question and answer turns (`Q: …`, `A: …`), and turns that go on
//! over several paragraphs.
//!
//! - A paragraph that opens with `Q`, `A`, `Question` or `Answer` and a colon is a turn when the text has two such
//!   turns at least (the `colon` sieve leaves these labels alone). An answer is the interviewee's: the person the text
//!   names most before its first turn (on a tie, the first named), shown by the label (the speaker as written is
//!   `A`); a question is the interviewer's, whom such a text seldom names: it has no speaker.
//! - In a transcript — three turns at least, with two labels at least, each a question or answer label or a
//!   speaker's name that the `colon` sieve attributed, in capitals (`SMITH:`, `JAKE TAPPER:`) or after a title
//!   (`Mr. Jones:`) — a turn goes on in the paragraphs after it that open with no label, up to the next turn: one
//!   attribution with a part for each paragraph. Never past the last turn (text after an interview is the article's
//!   again), over at most [`MAX_RUN`] paragraphs, or over page furniture.

use crate::attribution::{Attribution, Ctx};
use crate::cues::CueKind;
use crate::mentions::{self, Mention, MentionKind};
use crate::model::QuoteKind;
use crate::text::{Document, Kind};

/// A turn goes on over at most this many paragraphs with no label.
const MAX_RUN: usize = 6;

/// A turn: its paragraph, its colon cue, its label and its attribution once made.
struct Turn<'a> {
    para: usize,
    cue: usize,
    /// The label's first token.
    first: usize,
    label: &'a str,
    /// Some(true) for a question's label, Some(false) for an answer's.
    question: Option<bool>,
    attribution: Option<usize>,
}

/// What a label says of its turn: Some(true) for a question, Some(false) for an answer.
#[cfg_attr(whosaid_small, optimize(size))]
fn question_or_answer(label: &str) -> Option<bool> {
    let is = |w: &str| label.eq_ignore_ascii_case(w);
    if is("q") || is("question") {
        Some(true)
    } else if is("a") || is("answer") {
        Some(false)
    } else {
        None
    }
}

/// The label `first..colon` names a speaker as a transcript does: in capitals (`SMITH`, `JAKE TAPPER`) or after a
/// title (`Mr. Jones`, `Sen. Smith`).
#[cfg_attr(whosaid_small, optimize(size))]
pub(crate) fn transcript_name(doc: &Document, first: usize, colon: usize) -> bool {
    // The label as written, `Mr.` and all: no lower-case letter and two letters at least, or a title and a name.
    let label = doc.span_of(first, colon - 1).text(doc.text);
    let capitals =
        !label.contains(char::is_lowercase) && label.matches(char::is_alphabetic).nth(1).is_some();
    let titled = colon > first + 1
        && crate::lexicon::title(&crate::case::lowercase(doc.tok(first)))
            .is_some_and(|t| t.honorific);
    capitals || titled
}

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    // Every paragraph that opens with a label and a colon.
    let mut turns: Vec<Turn> = Vec::new();
    for (ci, c) in ctx.cues.iter().enumerate() {
        if c.kind != CueKind::Colon {
            continue;
        }
        let para = doc.tokens[c.tok].para as usize;
        let mut first = doc.paragraphs[para].tok_start;
        while first < c.tok && doc.tokens[first].kind == Kind::QuoteMark {
            first += 1;
        }
        let label = doc.span_of(first, c.tok - 1).text(doc.text);
        turns.push(Turn {
            para,
            cue: ci,
            first,
            label,
            question: question_or_answer(label),
            attribution: ctx.cue_used[ci],
        });
    }
    let qa = turns
        .iter()
        .filter(|t| t.question.is_some() && t.attribution.is_none())
        .count();
    if qa >= 2 {
        answer_turns(ctx, &mut turns);
    }
    // The turns of a transcript: attributed, by a question or answer label or a transcript name.
    turns.retain(|t| {
        t.attribution.is_some_and(|a| {
            t.question.is_some()
                || ctx.out[a].sieve == "colon" && transcript_name(doc, t.first, ctx.cues[t.cue].tok)
        })
    });
    let two_labels = turns
        .iter()
        .any(|t| !t.label.eq_ignore_ascii_case(turns[0].label));
    if turns.len() < 3 || !two_labels {
        return;
    }
    // Every labelled paragraph stops a turn, attributed or not.
    let mut labelled = vec![false; doc.paragraphs.len()];
    for c in ctx.cues.iter().filter(|c| c.kind == CueKind::Colon) {
        labelled[doc.tokens[c.tok].para as usize] = true;
    }
    for w in turns.windows(2) {
        let (a, next) = (w[0].attribution.expect("retained"), w[1].para);
        let run = w[0].para + 1..next;
        if run.is_empty()
            || run.len() > MAX_RUN
            || run.clone().any(|p| labelled[p] || doc.boilerplate[p])
        {
            continue;
        }
        let out = &mut ctx.out[a];
        if out.parts.is_empty() {
            out.parts.push(out.span);
        }
        for p in run.clone() {
            let para = doc.paragraphs[p];
            out.parts
                .push(doc.span_of(para.tok_start, para.tok_end - 1));
        }
        out.span.end = doc.tokens[doc.paragraphs[next - 1].tok_end - 1].end as usize;
        // The quotations in the turn are its own words.
        let (lo, hi) = (
            doc.paragraphs[run.start].tok_start,
            doc.paragraphs[next - 1].tok_end,
        );
        let from = ctx.quotes.partition_point(|q| q.open_tok < lo);
        for q in from..ctx.quotes.len() {
            if ctx.quotes[q].open_tok >= hi {
                break;
            }
            if ctx.quote_done[q].is_none() {
                ctx.quote_done[q] = Some(a);
            }
        }
    }
}

/// Attributes the question and answer turns (see the module doc), recording their attributions in `turns`.
#[cfg_attr(whosaid_small, optimize(size))]
fn answer_turns(ctx: &mut Ctx, turns: &mut [Turn<'_>]) {
    let doc = ctx.doc;
    let Some(start) = turns
        .iter()
        .find(|t| t.question.is_some())
        .map(|t| doc.paragraphs[t.para].tok_start)
    else {
        return;
    };
    let interviewee = interviewee(doc, start);
    for t in turns.iter_mut() {
        let Some(question) = t.question else {
            continue;
        };
        if t.attribution.is_some() {
            continue;
        }
        let para = doc.paragraphs[t.para];
        let colon = ctx.cues[t.cue].tok;
        let mut last = para.tok_end - 1;
        // `“Q: …”`: the closing mark closes the one before the label.
        if t.first > para.tok_start && doc.tokens[last].kind == Kind::QuoteMark && last > colon + 1
        {
            last -= 1;
        }
        if colon + 1 > last {
            continue;
        }
        // (An answer when no one is named before the first turn is the label's: `A`.)
        let mention = match &interviewee {
            _ if question => None,
            Some(m) => Some(Mention {
                via: Some(doc.span_of(t.first, colon - 1)),
                ..m.clone()
            }),
            None => Some(Mention::described(
                doc,
                MentionKind::Role,
                t.first,
                colon - 1,
                false,
            )),
        };
        let span = doc.span_of(colon + 1, last);
        let from = ctx.quotes.partition_point(|q| q.open_tok < para.tok_start);
        let idx = ctx.out.len();
        for q in from..ctx.quotes.len() {
            if ctx.quotes[q].open_tok >= para.tok_end {
                break;
            }
            if ctx.quote_done[q].is_none()
                && (span.contains(ctx.quotes[q].span) || ctx.quotes[q].open_tok == para.tok_start)
            {
                ctx.quote_done[q] = Some(idx);
            }
        }
        let whole = (from..ctx.quotes.len())
            .take_while(|&q| ctx.quotes[q].open_tok < para.tok_end)
            .find(|&q| ctx.quotes[q].span == span);
        let kind = if t.first > para.tok_start || whole.is_some() {
            QuoteKind::Direct
        } else {
            QuoteKind::Indirect
        };
        t.attribution = Some(ctx.settle(
            Attribution::new(kind, span, mention, 0.8),
            whole,
            Some(t.cue),
        ));
    }
}

/// The person the text names most before token `start` (on a tie, the first named): an interview's interviewee.
#[cfg_attr(whosaid_small, optimize(size))]
fn interviewee(doc: &Document, start: usize) -> Option<Mention> {
    // Each surname with its count and first mention.
    let mut seen: Vec<(&str, usize, Mention)> = Vec::new();
    for m in mentions::names(doc) {
        if m.first >= start {
            break;
        }
        let Some((_, last)) = m.name else {
            continue;
        };
        if m.kind != MentionKind::Name || doc.boilerplate[doc.tokens[m.first].para as usize] {
            continue;
        }
        let key = doc.tok(last);
        match seen.iter_mut().find(|s| s.0.eq_ignore_ascii_case(key)) {
            Some(s) => s.1 += 1,
            None => seen.push((key, 1, m)),
        }
    }
    let most = seen.iter().map(|s| s.1).max()?;
    seen.into_iter().find(|s| s.1 == most).map(|s| s.2)
}
