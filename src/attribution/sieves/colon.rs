//! `WALLACE: Let’s start …` — interview transcripts and headline attributions (`Pence: Trump was “mocking”`):
//! a paragraph that opens with one to four capitalised words and a colon is that speaker's speech.

use crate::attribution::{Attribution, Ctx};
use crate::cues::CueKind;
use crate::mentions;
use crate::model::QuoteKind;
use crate::text::Kind;

pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    for ci in 0..ctx.cues.len() {
        let c = ctx.cues[ci];
        if c.kind != CueKind::Colon || ctx.cue_used[ci].is_some() {
            continue;
        }
        let para = doc.paragraphs[doc.tokens[c.tok].para as usize];
        let mut first = para.tok_start;
        while first < c.tok && doc.tokens[first].kind == Kind::QuoteMark {
            first += 1;
        }
        let Some(m) = mentions::np_ending_at(doc, c.tok - 1, first) else {
            continue;
        };
        let mut last = para.tok_end - 1;
        if doc.tokens[last].kind == Kind::QuoteMark && last > c.tok + 1 {
            last -= 1;
        }
        let start = c.tok + 1;
        if start > last {
            continue;
        }
        let quoted = first > para.tok_start;
        // Quote spans inside the content are part of it.
        let span = doc.span_of(start, last);
        // Quotes are in text order: only those opening in this paragraph can qualify.
        let from = ctx.quotes.partition_point(|q| q.open_tok < para.tok_start);
        for q in from..ctx.quotes.len() {
            if ctx.quotes[q].open_tok >= para.tok_end {
                break;
            }
            if span.contains(ctx.quotes[q].span) || ctx.quotes[q].open_tok == para.tok_start {
                ctx.quote_done[q] = Some(ctx.out.len());
            }
        }
        ctx.settle(
            Attribution {
                kind: if quoted {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                },
                span,
                cue: None,
                mention: Some(m),
                quote: None,
                confidence: 0.8,
                sieve: "",
                same_as: None,
                parts: Vec::new(),
            },
            None,
            Some(ci),
        );
    }
}
