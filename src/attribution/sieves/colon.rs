//! `WALLACE: Let’s start …` — interview transcripts and headline attributions (`Pence: Trump was “mocking”`):
//! a paragraph that opens with one to four capitalised words and a colon is that speaker's speech.

use crate::attribution::sieves::transcript::transcript_name;
use crate::attribution::{Attribution, Ctx};
use crate::cues::CueKind;
use crate::lexicon::{word_list, WordList};
use crate::mentions;
use crate::model::QuoteKind;
use crate::text::Kind;

/// Labels that head a paragraph with a colon without being a speaker (lower case).
static LABELS: WordList = word_list![
    "the latest",
    "latest",
    "exclusive",
    "update",
    "updated",
    "breaking",
    "breaking news",
    "watch",
    "note",
    "editor's note",
    "editor’s note",
    "q",
    "a",
    "photos",
    "photo",
    "video",
    "live",
    "related",
    "analysis",
    "opinion",
    "correction",
    "clarification",
    "background",
    "context",
    "sources",
    "source",
    "read more",
    "see also",
    "the bottom line",
    "why",
    "what",
    "how",
    "when",
    "where",
    "who",
    "bottom line",
    "pictured",
    "above",
    "below",
    "top",
    "caption",
    "credit",
];

/// Words that end a section label (lower case): `Delegate Update:`, `Campaign Watch:`, `Morning Briefing:`.
static LABEL_HEADS: WordList = word_list![
    "update",
    "updates",
    "watch",
    "briefing",
    "roundup",
    "recap",
    "explainer",
    "analysis",
    "latest",
    "live",
    "photos",
    "video",
    "timeline",
    "exclusive",
];

/// `RAMOS:` / `WALLACE:` — a transcript speaker is one word in capitals.
#[cfg_attr(whosaid_small, optimize(size))]
fn is_transcript_name(doc: &crate::text::Document, first: usize, colon: usize) -> bool {
    colon == first + 1 && {
        let w = doc.tok(first);
        w.len() > 1 && w.chars().all(|c| !c.is_lowercase())
    }
}

#[cfg_attr(whosaid_small, optimize(size))]
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
        // `MUMBAI: Tata Motors on Thursday …`, `NEW DELHI: …`: words in capitals opening one of the first three
        // paragraphs are a dateline when no other paragraph of the text's head opens with a transcript's label (a
        // transcript labels every turn); not an acronym (`AP:`). (The head is the first section's whatever the
        // section size, [`crate::text::HEAD_BYTES`], so a long text read a section at a time reads it alike.)
        let in_head = |tok: usize| (doc.tokens[tok].start as usize) < crate::text::HEAD_BYTES;
        if doc.tokens[c.tok].para < 3
            && in_head(c.tok)
            && first == para.tok_start
            && (c.tok > first + 1 || doc.tok(first).len() > 3)
            && !doc.tok(first).contains(char::is_lowercase)
            && {
                let mut n = 0;
                for k in ctx.cues.iter().filter(|k| in_head(k.tok)) {
                    let s = doc.paragraphs[doc.tokens[k.tok].para as usize].tok_start;
                    n += usize::from(k.kind == CueKind::Colon && transcript_name(doc, s, k.tok));
                }
                n == 1 && transcript_name(doc, first, c.tok)
            }
        {
            continue;
        }
        let Some(m) = mentions::np_ending_at(doc, c.tok - 1, first) else {
            continue;
        };
        // Headline labels are not speakers: `The Latest: …`, `EXCLUSIVE: …`, `Q: …`, `Superdelegates: …`.
        let label = crate::case::lowercase(doc.span_of(first, c.tok - 1).text(doc.text));
        // (A one-word group heading a headline speaks: `Historians: Clinton, Obama linked`.)
        let one_word_group = m.first == first && m.last == first;
        let label_head = label.rsplit(' ').next().unwrap_or("");
        if LABELS.contains(&label.as_str())
            || LABEL_HEADS.contains(&label_head)
            || m.kind == crate::mentions::MentionKind::Group && !one_word_group
        {
            continue;
        }
        // A label in front of a sentence that has its own speaker and cue (`The Latest: Clinton tells voters …`) is a
        // headline, not a speaker turn.
        let own_cue = ctx.cues_between(c.tok + 1, para.tok_end).iter().any(|k| {
            k.kind == CueKind::Verb && crate::attribution::subject_left(doc, k, c.tok + 1).is_some()
        });
        if own_cue && !is_transcript_name(doc, first, c.tok) {
            continue;
        }
        let quoted = first > para.tok_start;
        // `“WALLACE: Let’s start …”`: the closing mark closes the one before the label, and is left out. (In
        // `Mr. Smith: “No comment.”` it closes the content's own quotation, and is kept.)
        let mut last = para.tok_end - 1;
        if quoted && doc.tokens[last].kind == Kind::QuoteMark && last > c.tok + 1 {
            last -= 1;
        }
        let start = c.tok + 1;
        if start > last {
            continue;
        }
        // A list of names after the label is not a speaker turn. (A headline in title case after a speaker's name
        // is: `Lynch: No Outside Influence on FBI Probe` is the headline form of attribution; labels such as `LOOK:`
        // are in LABELS. PolNeAR train, speech @0.3: +45 right, +17 false alarms.)
        let words: Vec<usize> = (start..=last)
            .filter(|&k| doc.tokens[k].kind == Kind::Word)
            .collect();
        let capitalised = words.iter().filter(|&&k| doc.is_capitalized(k)).count();
        let commas = (start..=last).filter(|&k| doc.is(k, ',')).count();
        if !quoted && commas >= 3 && capitalised * 2 >= words.len() {
            continue;
        }
        // Quote spans inside the content are part of it.
        let span = doc.span_of(start, last);
        // Quotes are in text order: only those opening in this paragraph can qualify.
        let from = ctx.quotes.partition_point(|q| q.open_tok < para.tok_start);
        // The content is one quotation, marks and all (`Mr. Smith: “No comment.”`): a direct quote.
        let mut whole = None;
        for q in from..ctx.quotes.len() {
            if ctx.quotes[q].open_tok >= para.tok_end {
                break;
            }
            if ctx.quotes[q].span == span {
                whole = Some(q);
            }
            if span.contains(ctx.quotes[q].span) || ctx.quotes[q].open_tok == para.tok_start {
                ctx.quote_done[q] = Some(ctx.out.len());
            }
        }
        ctx.settle(
            Attribution::new(
                if quoted || whole.is_some() {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                },
                span,
                Some(m),
                0.8,
            ),
            whole,
            Some(ci),
        );
    }
}
