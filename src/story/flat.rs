//! A story as numbers, for the web page: what [`super::analyze_story`] gives, without the texts the page already
//! holds and without one JS object per field (`src/wasm.rs` hands these to JavaScript as typed arrays; the page's
//! worker passes them on to the page without copying them, and the page makes objects only for what it shows).
//!
//! [`FlatStory`], offsets in UTF-16 units into each article:
//! - `quotes`: the [`FlatQuotes`](crate::output::FlatQuotes) numbers of every article in turn, `quote_counts[a]`
//!   quotes for article `a`, with each quote's speaker id replaced by its story speaker's id ([`FLAT_NONE`] when
//!   it has none); `kind` and `sieve` index `names`;
//! - `groups`: per quote group `[id, similarity (f32 bits), conflict (0/1), reference, versions]`, then per version
//!   `[article, quote, speaker (FLAT_NONE: none), kind (index into names), similarity (f32 bits), diff ops]`;
//! - `diff_ops`: per diff op `[op (0 same, 1 del, 2 add), length in UTF-16 units]`, the ops of every version in
//!   turn; their texts follow each other in `diff_text`;
//! - `quotations`: the [`FlatQuotes`](crate::output::FlatQuotes) quotations of every article in turn (ids in their
//!   article), `quotation_counts[a]` for article `a`; `kind` indexes `names`;
//! - `speakers`: the story speakers (their `members` left empty: the quotes carry story speaker ids already).

use super::{analyse_and_build, StorySpeaker};
use crate::output::{DocumentOut, Encoding, FLAT_FIELDS, FLAT_NONE, FLAT_QUOTATION};

/// See the module documentation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlatStory {
    pub names: Vec<&'static str>,
    pub quotes: Vec<u32>,
    pub quote_counts: Vec<u32>,
    pub groups: Vec<u32>,
    pub diff_ops: Vec<u32>,
    pub diff_text: String,
    pub quotations: Vec<u32>,
    pub quotation_counts: Vec<u32>,
    pub speakers: Vec<StorySpeaker>,
}

/// Numbers per group in [`FlatStory::groups`] before its versions, and per version.
pub const GROUP_FIELDS: usize = 5;
pub const VERSION_FIELDS: usize = 6;

const OPS: [&str; 3] = ["same", "del", "add"];

/// Analyses each article and builds the story, as [`FlatStory`].
#[cfg_attr(whosaid_small, optimize(size))]
pub fn flat_story(texts: &[&str]) -> FlatStory {
    let docs: Vec<(&str, &str)> = texts.iter().map(|t| ("", *t)).collect();
    let (analyses, mut story) = analyse_and_build(&docs, Encoding::Utf16);
    let mut story_id: Vec<Vec<u32>> = analyses
        .iter()
        .map(|a| vec![FLAT_NONE; a.speakers.len()])
        .collect();
    for sp in &mut story.speakers {
        for &[a, s] in &sp.members {
            story_id[a][s] = sp.id as u32;
        }
        sp.members = Vec::new();
    }
    let mut out = FlatStory::default();
    let name = |s: &'static str, names: &mut Vec<&'static str>| {
        names.iter().position(|&n| n == s).unwrap_or_else(|| {
            names.push(s);
            names.len() - 1
        }) as u32
    };
    for (a, (text, analysis)) in texts.iter().zip(&analyses).enumerate() {
        let doc = DocumentOut::spans_only("", text, analysis, Encoding::Utf16);
        let flat = doc.flat_quotes();
        let mut k = 0;
        while k < flat.numbers.len() {
            let n = &flat.numbers[k..];
            let parts = n[FLAT_FIELDS - 1] as usize;
            let mut q = n[..FLAT_FIELDS + 2 * parts].to_vec();
            q[0] = name(flat.names[q[0] as usize], &mut out.names);
            q[9] = name(flat.names[q[9] as usize], &mut out.names);
            if q[7] != FLAT_NONE {
                q[7] = story_id[a][q[7] as usize];
            }
            out.quotes.extend(q);
            k += FLAT_FIELDS + 2 * parts;
        }
        out.quote_counts.push(doc.quotes.len() as u32);
        for q in flat.quotations.chunks(FLAT_QUOTATION) {
            out.quotations.extend(&q[..FLAT_QUOTATION - 1]);
            out.quotations.push(name(
                flat.names[q[FLAT_QUOTATION - 1] as usize],
                &mut out.names,
            ));
        }
        out.quotation_counts.push(doc.quotations.len() as u32);
    }
    for g in &story.quote_groups {
        out.groups.extend([
            g.id as u32,
            g.similarity.to_bits(),
            g.conflict as u32,
            g.reference as u32,
            g.versions.len() as u32,
        ]);
        for v in &g.versions {
            out.groups.extend([
                v.article as u32,
                v.quote as u32,
                v.speaker.map_or(FLAT_NONE, |s| s as u32),
                name(v.kind, &mut out.names),
                v.similarity.to_bits(),
                v.diff.len() as u32,
            ]);
            for op in &v.diff {
                let code = OPS.iter().position(|&o| o == op.op).unwrap_or(0);
                out.diff_ops
                    .extend([code as u32, op.text.encode_utf16().count() as u32]);
                out.diff_text.push_str(&op.text);
            }
        }
    }
    out.speakers = story.speakers;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::analyze_story;

    /// Reads a FlatStory back and compares it, number by number, with analyze_story's output for the same articles.
    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn reads_back_as_analyze_story() {
        let a = "“The next meeting will take place in the coming days on the border,” Vladimir Medinsky said. \
                 “We are ready,” said John Smith, a local official. 😀\n\nSmith added that the talks were hard.";
        let b = "Russian officials said: “The next meeting will take place in the coming days at the border.”\n\n\
                 “Nothing is agreed,” Medinsky told reporters.";
        let c = "No quotes here at all.";
        let texts = [a, b, c];
        let flat = flat_story(&texts);
        let ids: Vec<String> = (0..3).map(|i| i.to_string()).collect();
        let pairs: Vec<(&str, &str)> = ids.iter().map(String::as_str).zip(texts).collect();
        let full = analyze_story(&pairs, Encoding::Utf16);

        // Quotes: every article's, in turn, with story speaker ids.
        let counts: Vec<u32> = full
            .documents
            .iter()
            .map(|d| d.quotes.len() as u32)
            .collect();
        assert_eq!(flat.quote_counts, counts);
        assert!(
            counts[0] >= 2 && counts[1] >= 2 && counts[2] == 0,
            "{counts:?}"
        );
        let mut k = 0;
        for (a, doc) in full.documents.iter().enumerate() {
            for q in &doc.quotes {
                let n = &flat.quotes[k..];
                assert_eq!(flat.names[n[0] as usize], q.kind);
                assert_eq!((n[1] as usize, n[2] as usize), (q.start, q.end));
                assert_eq!(n[3] == FLAT_NONE, q.cue.is_none());
                let story_speaker = q.speaker_id.map(|id| {
                    full.story
                        .speakers
                        .iter()
                        .find(|s| s.members.contains(&[a, id]))
                        .expect("member")
                        .id as u32
                });
                assert_eq!(n[7], story_speaker.unwrap_or(FLAT_NONE));
                assert_eq!(f32::from_bits(n[8]), q.confidence);
                assert_eq!(flat.names[n[9] as usize], q.sieve);
                assert_eq!(n[10] as usize, q.parts.len());
                k += FLAT_FIELDS + 2 * q.parts.len();
            }
        }
        assert_eq!(k, flat.quotes.len());

        // Quotations: every article's, in turn, ids in their article.
        let counts: Vec<u32> = (full.documents.iter())
            .map(|d| d.quotations.len() as u32)
            .collect();
        assert_eq!(flat.quotation_counts, counts);
        let rows: Vec<&[u32]> = flat.quotations.chunks(FLAT_QUOTATION).collect();
        let want: Vec<_> = (full.documents.iter().flat_map(|d| &d.quotations))
            .map(|q| (q.start, q.end, q.depth, q.parent, q.quote, q.kind))
            .collect();
        let id = |n: u32| (n != FLAT_NONE).then_some(n as usize);
        let got: Vec<_> = (rows.iter())
            .map(|n| {
                let [s, e, d, p, q, k] = [n[0], n[1], n[2], n[3], n[4], n[5]];
                (
                    s as usize,
                    e as usize,
                    d as usize,
                    id(p),
                    id(q),
                    flat.names[k as usize],
                )
            })
            .collect();
        assert_eq!(got, want);
        assert!(want.iter().any(|q| q.5 == "speech") && want.len() >= 4);

        // Groups: the same statement in articles 0 and 1, each version's diff text by text.
        assert!(!full.story.quote_groups.is_empty());
        let (mut g, mut op, mut at) = (0, 0, 0);
        let units: Vec<u16> = flat.diff_text.encode_utf16().collect();
        for group in &full.story.quote_groups {
            let n = &flat.groups[g..];
            assert_eq!(n[0] as usize, group.id);
            assert_eq!(f32::from_bits(n[1]), group.similarity);
            assert_eq!(
                (n[2] == 1, n[3] as usize, n[4] as usize),
                (group.conflict, group.reference, group.versions.len())
            );
            g += GROUP_FIELDS;
            for v in &group.versions {
                let n = &flat.groups[g..];
                assert_eq!((n[0] as usize, n[1] as usize), (v.article, v.quote));
                assert_eq!(n[2], v.speaker.map_or(FLAT_NONE, |s| s as u32));
                assert_eq!(flat.names[n[3] as usize], v.kind);
                assert_eq!(f32::from_bits(n[4]), v.similarity);
                assert_eq!(n[5] as usize, v.diff.len());
                g += VERSION_FIELDS;
                for d in &v.diff {
                    let (code, len) = (flat.diff_ops[op] as usize, flat.diff_ops[op + 1] as usize);
                    assert_eq!(OPS[code], d.op);
                    assert_eq!(String::from_utf16(&units[at..at + len]).unwrap(), d.text);
                    op += 2;
                    at += len;
                }
            }
        }
        assert_eq!(
            (g, op, at),
            (flat.groups.len(), flat.diff_ops.len(), units.len())
        );

        // Speakers: the story's, without their members.
        assert_eq!(flat.speakers.len(), full.story.speakers.len());
        for (s, t) in flat.speakers.iter().zip(&full.story.speakers) {
            assert!(s.members.is_empty());
            assert_eq!(
                (s.id, &s.name, &s.quotes, s.total_quotes),
                (t.id, &t.name, &t.quotes, t.total_quotes)
            );
        }
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn no_articles_no_story() {
        assert_eq!(flat_story(&[]), FlatStory::default());
    }
}
