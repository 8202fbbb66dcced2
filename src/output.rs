//! The output contract shared by the CLI's JSON and the wasm object.
//!
//! `{"id","quotes":[{"id","kind","start","end","text","cue","speaker","speaker_id","confidence"}],
//!   "speakers":[{"id","name","kind","aliases","descriptions","quotes"}],
//!   "quotations":[{"id","start","end","text","depth","parent","quote","kind"}]}`
//!
//! `quotations` lists every pair of quotation marks, attributed or not (see [`crate::quotations`]): `parent` is the id
//! of the pair it is inside, `quote` the id of the attributed quote it is part of (both `null` if none), `kind` one of
//! `speech`, `term`, `title`.
//!
//! Offsets are end-exclusive and counted in the requested [`Encoding`]: UTF-8 bytes (inside and the CLI's
//! default), UTF-16 code units (JavaScript strings), or Unicode code points (`chars`, what PolNeAR uses).

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::model::{Analysis, Quote, Span, Speaker};

/// The unit offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf16,
    Chars,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Encoding> {
        match s {
            "utf8" | "utf-8" | "bytes" => Some(Encoding::Utf8),
            "utf16" | "utf-16" => Some(Encoding::Utf16),
            "chars" | "codepoints" | "code-points" => Some(Encoding::Chars),
            _ => None,
        }
    }
}

/// Converts byte offsets of one text into another encoding in O(distance to a checkpoint).
pub struct OffsetMap<'a> {
    text: &'a str,
    enc: Encoding,
    ascii: bool,
    /// `checkpoints[k]` = (first char boundary at or after byte `k * STEP`, units before it).
    checkpoints: Vec<(usize, usize)>,
}

const STEP: usize = 64;

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str, enc: Encoding) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if enc != Encoding::Utf8 && !ascii {
            let bytes = text.as_bytes();
            let (mut units, mut prev, mut k) = (0usize, 0usize, 0usize);
            while k * STEP <= text.len() {
                let mut p = k * STEP;
                while !text.is_char_boundary(p) {
                    p += 1;
                }
                units += units_in(&bytes[prev..p], enc);
                checkpoints.push((p, units));
                prev = p;
                k += 1;
            }
        }
        OffsetMap {
            text,
            enc,
            ascii,
            checkpoints,
        }
    }

    /// The offset of byte `b` in the target encoding (`b` is clamped to the text and to a char boundary).
    pub fn convert(&self, b: usize) -> usize {
        let mut b = b.min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        if self.enc == Encoding::Utf8 || self.ascii {
            return b;
        }
        // The checkpoint is the first char boundary at or after `(b / STEP) * STEP`, so it is at or before `b`.
        let (from, units) = self.checkpoints[b / STEP];
        units + units_in(&self.text.as_bytes()[from..b], self.enc)
    }
}

/// Units in `bytes`, a whole number of UTF-8 chars, counted byte by byte (this vectorises): a char is a byte that is
/// not a continuation byte (`10xxxxxx`), and a char of four bytes (lead byte `11110xxx`) is two UTF-16 units.
fn units_in(bytes: &[u8], enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => bytes.len(),
        Encoding::Chars => bytes.iter().filter(|&&b| (b as i8) >= -0x40).count(),
        Encoding::Utf16 => bytes
            .iter()
            .map(|&b| ((b as i8) >= -0x40) as usize + (b >= 0xf0) as usize)
            .sum(),
    }
}

#[cfg(test)]
fn unit_len(c: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Chars => 1,
    }
}

/// A span in the output: offsets in the chosen encoding and its text (`S`: an owned `String` in [`DocumentOut`], a
/// slice of the analysed text in [`DocumentJson`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpanOut<S = String> {
    pub start: usize,
    pub end: usize,
    pub text: S,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteOut<S = String> {
    pub id: usize,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: S,
    pub cue: Option<SpanOut<S>>,
    pub speaker: Option<SpanOut<S>>,
    pub speaker_id: Option<usize>,
    pub confidence: f32,
    /// Extra: the sieve that made the attribution.
    pub sieve: &'static str,
    /// Extra: for a quote interrupted by its cue, the quoted parts (each `{"start","end","text"}`); else empty.
    pub parts: Vec<SpanOut<S>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerOut<S = String> {
    pub id: usize,
    pub name: S,
    pub kind: &'static str,
    pub aliases: Vec<S>,
    pub descriptions: Vec<S>,
    pub quotes: usize,
    /// Extra: "male", "female" or "unknown".
    pub gender: &'static str,
}

/// One pair of quotation marks ([`crate::model::Quotation`]), its span from the opening to the closing mark.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuotationOut<S = String> {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    pub text: S,
    pub depth: usize,
    pub parent: Option<usize>,
    pub quote: Option<usize>,
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentOut {
    pub id: String,
    pub quotes: Vec<QuoteOut>,
    pub speakers: Vec<SpeakerOut>,
    pub quotations: Vec<QuotationOut>,
}

/// Quote `i` of an analysis in the output contract, each span's text made by `text_of` (for [`DocumentJson`]).
fn quote_out<S>(i: usize, q: &Quote, map: &OffsetMap, text_of: impl Fn(Span) -> S) -> QuoteOut<S> {
    let span = |s: Span| SpanOut {
        start: map.convert(s.start),
        end: map.convert(s.end),
        text: text_of(s),
    };
    QuoteOut {
        id: i,
        kind: q.kind.as_str(),
        start: map.convert(q.span.start),
        end: map.convert(q.span.end),
        text: text_of(q.span),
        cue: q.cue.map(span),
        speaker: q.speaker.map(span),
        speaker_id: q.speaker_id,
        confidence: (q.confidence * 100.0).round() / 100.0,
        sieve: q.sieve,
        parts: q.parts.iter().map(|&p| span(p)).collect(),
    }
}

/// Speaker `i` of an analysis in the output contract, each string made by `string` (for [`DocumentJson`]).
fn speaker_out<'s, S>(i: usize, s: &'s Speaker, string: impl Fn(&'s String) -> S) -> SpeakerOut<S> {
    SpeakerOut {
        id: i,
        name: string(&s.name),
        kind: s.kind.as_str(),
        aliases: s.aliases.iter().map(&string).collect(),
        descriptions: s.descriptions.iter().map(&string).collect(),
        quotes: s.quotes,
        gender: s.gender.as_str(),
    }
}

impl DocumentOut {
    /// Renders an analysis of `text` with offsets in `enc`.
    pub fn new(id: &str, text: &str, analysis: &Analysis, enc: Encoding) -> DocumentOut {
        Self::render(id, text, analysis, enc, true)
    }

    /// [`DocumentOut::new`] with every span's `text` (quotes, parts, cues, speaker mentions, quotations) left empty, for
    /// a caller that holds the text and slices it by the offsets (the web page): the strings are neither copied nor
    /// converted.
    pub fn spans_only(id: &str, text: &str, analysis: &Analysis, enc: Encoding) -> DocumentOut {
        Self::render(id, text, analysis, enc, false)
    }

    #[cfg_attr(whosaid_small, optimize(size))]
    fn render(
        id: &str,
        text: &str,
        analysis: &Analysis,
        enc: Encoding,
        with_text: bool,
    ) -> DocumentOut {
        // Written out rather than through `quote_out` and `speaker_out` (which `DocumentJson` uses; a test holds the
        // two to the same output): this is the page's code, and the shared generic form made the wasm about 220
        // bytes bigger gzipped.
        let map = OffsetMap::new(text, enc);
        let text_of = |s: Span| {
            if with_text {
                s.text(text).to_string()
            } else {
                String::new()
            }
        };
        let span = |s: Span| SpanOut {
            start: map.convert(s.start),
            end: map.convert(s.end),
            text: text_of(s),
        };
        // (Loops, not closures for `map`: the closures were inlined into the iterators' folds, which the browser
        // build does not optimise for size as it does this function.)
        let mut quotes = Vec::with_capacity(analysis.quotes.len());
        for (i, q) in analysis.quotes.iter().enumerate() {
            quotes.push(QuoteOut {
                id: i,
                kind: q.kind.as_str(),
                start: map.convert(q.span.start),
                end: map.convert(q.span.end),
                text: text_of(q.span),
                cue: q.cue.map(span),
                speaker: q.speaker.map(span),
                speaker_id: q.speaker_id,
                confidence: (q.confidence * 100.0).round() / 100.0,
                sieve: q.sieve,
                parts: q.parts.iter().map(|&p| span(p)).collect(),
            });
        }
        let mut speakers = Vec::with_capacity(analysis.speakers.len());
        for (i, s) in analysis.speakers.iter().enumerate() {
            speakers.push(SpeakerOut {
                id: i,
                name: s.name.clone(),
                kind: s.kind.as_str(),
                aliases: s.aliases.clone(),
                descriptions: s.descriptions.clone(),
                quotes: s.quotes,
                gender: match s.gender {
                    crate::model::Gender::Male => "male",
                    crate::model::Gender::Female => "female",
                    crate::model::Gender::Unknown => "unknown",
                },
            });
        }
        let mut quotations = Vec::with_capacity(analysis.quotations.len());
        for (i, q) in analysis.quotations.iter().enumerate() {
            quotations.push(QuotationOut {
                id: i,
                start: map.convert(q.span.start),
                end: map.convert(q.span.end),
                text: text_of(q.span),
                depth: q.depth,
                parent: q.parent,
                quote: q.quote,
                kind: q.kind.as_str(),
            });
        }
        DocumentOut {
            id: id.to_string(),
            quotes,
            speakers,
            quotations,
        }
    }
}

/// The JSON of [`DocumentOut::new`]`(id, text, analysis, enc)`, the same bytes, written straight from the analysis:
/// each quote and speaker is made as it is written, its texts borrowed from `text` and the analysis, so that writing
/// a document holds nothing beside the analysis (a [`DocumentOut`] copies every span's text: on quote-dense text about
/// five times the text's size). `id` is any serialisable id (the CLI's batch mode echoes a JSON value).
pub struct DocumentJson<'a, I: ?Sized> {
    id: &'a I,
    text: &'a str,
    analysis: &'a Analysis,
    map: OffsetMap<'a>,
}

impl<'a, I: Serialize + ?Sized> DocumentJson<'a, I> {
    pub fn new(id: &'a I, text: &'a str, analysis: &'a Analysis, enc: Encoding) -> Self {
        DocumentJson {
            id,
            text,
            analysis,
            map: OffsetMap::new(text, enc),
        }
    }
}

impl<I: Serialize + ?Sized> Serialize for DocumentJson<'_, I> {
    fn serialize<Z: Serializer>(&self, z: Z) -> Result<Z::Ok, Z::Error> {
        /// A sequence written from an iterator made anew for each serialisation.
        struct Seq<F>(F);
        impl<F: Fn() -> T, T: IntoIterator<Item = X>, X: Serialize> Serialize for Seq<F> {
            fn serialize<Z: Serializer>(&self, z: Z) -> Result<Z::Ok, Z::Error> {
                z.collect_seq((self.0)())
            }
        }
        let (text, a, map) = (self.text, self.analysis, &self.map);
        let quotes = Seq(|| {
            (a.quotes.iter().enumerate()).map(|(i, q)| quote_out(i, q, map, |s: Span| s.text(text)))
        });
        let speakers =
            Seq(|| (a.speakers.iter().enumerate()).map(|(i, s)| speaker_out(i, s, String::as_str)));
        let quotations = Seq(|| {
            (a.quotations.iter().enumerate()).map(|(i, q)| QuotationOut {
                id: i,
                start: map.convert(q.span.start),
                end: map.convert(q.span.end),
                text: q.span.text(text),
                depth: q.depth,
                parent: q.parent,
                quote: q.quote,
                kind: q.kind.as_str(),
            })
        });
        // The fields of `DocumentOut`, in its order.
        let mut st = z.serialize_struct("DocumentOut", 4)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("quotes", &quotes)?;
        st.serialize_field("speakers", &speakers)?;
        st.serialize_field("quotations", &quotations)?;
        st.end()
    }
}

/// The quotes of a [`DocumentOut`] as numbers, for the page: building the objects in JS from these saved about 10 ms
/// of a 1 MB analysis in node against building them from Rust, a call into JS per field (see `src/wasm.rs`,
/// `analyze_spans`).
/// Each quote is [`FLAT_FIELDS`] numbers and then its parts:
/// `kind, start, end, cue.start, cue.end, speaker.start, speaker.end, speaker_id, confidence, sieve, parts`, then
/// `start, end` for each of its `parts` parts. `kind` and `sieve` index `names`; `confidence` is the bits of the
/// `f32`; [`FLAT_NONE`] stands for a missing cue, speaker or speaker id. Span texts are left out.
/// `quotations` holds the quotations the same way, [`FLAT_QUOTATION`] numbers each:
/// `start, end, depth, parent, quote, kind` (`kind` indexes `names`; [`FLAT_NONE`] for no parent or quote).
#[derive(Debug, Default, PartialEq)]
pub struct FlatQuotes {
    pub names: Vec<&'static str>,
    pub numbers: Vec<u32>,
    pub quotations: Vec<u32>,
}

/// Numbers per quotation in [`FlatQuotes::quotations`].
pub const FLAT_QUOTATION: usize = 6;

/// Numbers per quote in [`FlatQuotes`] before its parts.
pub const FLAT_FIELDS: usize = 11;

/// A missing cue, speaker or speaker id in [`FlatQuotes`] (offsets are below it: texts are cut to 4 GiB - 1).
pub const FLAT_NONE: u32 = u32::MAX;

impl DocumentOut {
    /// The quotes as [`FlatQuotes`].
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn flat_quotes(&self) -> FlatQuotes {
        let mut flat = FlatQuotes {
            names: Vec::new(),
            numbers: Vec::with_capacity(self.quotes.len() * (FLAT_FIELDS + 1)),
            quotations: Vec::with_capacity(self.quotations.len() * FLAT_QUOTATION),
        };
        let name = |names: &mut Vec<&'static str>, s: &'static str| -> u32 {
            let i = names.iter().position(|&n| n == s).unwrap_or_else(|| {
                names.push(s);
                names.len() - 1
            });
            i as u32
        };
        let span = |s: &Option<SpanOut>| {
            s.as_ref()
                .map_or([FLAT_NONE, FLAT_NONE], |s| [s.start as u32, s.end as u32])
        };
        for q in &self.quotes {
            let kind = name(&mut flat.names, q.kind);
            let sieve = name(&mut flat.names, q.sieve);
            let (cue, speaker) = (span(&q.cue), span(&q.speaker));
            flat.numbers.extend([
                kind,
                q.start as u32,
                q.end as u32,
                cue[0],
                cue[1],
                speaker[0],
                speaker[1],
                q.speaker_id.map_or(FLAT_NONE, |i| i as u32),
                q.confidence.to_bits(),
                sieve,
                q.parts.len() as u32,
            ]);
            for p in &q.parts {
                flat.numbers.extend([p.start as u32, p.end as u32]);
            }
        }
        let id = |i: Option<usize>| i.map_or(FLAT_NONE, |i| i as u32);
        for q in &self.quotations {
            let kind = name(&mut flat.names, q.kind);
            flat.quotations.extend([
                q.start as u32,
                q.end as u32,
                q.depth as u32,
                id(q.parent),
                id(q.quote),
                kind,
            ]);
        }
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_in_every_encoding() {
        // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 UTF-16 units / 1 char.
        let t = "aé😀b";
        let b = t.find('b').unwrap();
        assert_eq!(OffsetMap::new(t, Encoding::Utf8).convert(b), 7);
        assert_eq!(OffsetMap::new(t, Encoding::Utf16).convert(b), 4);
        assert_eq!(OffsetMap::new(t, Encoding::Chars).convert(b), 3);
    }

    #[test]
    fn offsets_across_checkpoints_match_a_direct_count() {
        let t: String = "Zelensky’s “ß” 😀 ".repeat(200);
        for enc in [Encoding::Utf16, Encoding::Chars] {
            let map = OffsetMap::new(&t, enc);
            for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                let want: usize = t[..b].chars().map(|c| unit_len(c, enc)).sum();
                assert_eq!(map.convert(b), want, "byte {b} {enc:?}");
            }
        }
    }

    #[test]
    fn out_of_range_offsets_clamp() {
        let t = "ab😀";
        assert_eq!(OffsetMap::new(t, Encoding::Chars).convert(100), 3);
        assert_eq!(OffsetMap::new(t, Encoding::Chars).convert(4), 2);
    }

    #[test]
    fn document_json_writes_the_bytes_of_document_out() {
        // Multi-byte text, a quote in parts, a speaker with an alias and a description, an unattributed quote.
        let t = "Kyiv — “Ми готові,” Mykhailo Podolyak, the adviser, said. “Не зараз,” he added, “😀 nor later.”\n\
                 Podolyak’s “red line” was clear, said Zoë Ødegård. “Who knows?”";
        let a = crate::analyze(t);
        assert!(
            a.quotes.iter().any(|q| !q.parts.is_empty()),
            "{:?}",
            a.quotes
        );
        assert!(a
            .speakers
            .iter()
            .any(|s| !s.aliases.is_empty() || !s.descriptions.is_empty()));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let want = serde_json::to_string(&DocumentOut::new("d-1", t, &a, enc)).unwrap();
            let got = serde_json::to_string(&DocumentJson::new("d-1", t, &a, enc)).unwrap();
            assert_eq!(got, want, "{enc:?}");
            // Twice from one value (each sequence is made anew), and with another id type.
            let j = DocumentJson::new(&7, t, &a, enc);
            assert_eq!(
                serde_json::to_string(&j).unwrap(),
                serde_json::to_string(&j).unwrap()
            );
            assert!(serde_json::to_string(&j)
                .unwrap()
                .starts_with("{\"id\":7,\"quotes\":[{"));
        }
        let empty = Analysis::default();
        assert_eq!(
            serde_json::to_string(&DocumentJson::new("e", "", &empty, Encoding::Utf8)).unwrap(),
            r#"{"id":"e","quotes":[],"speakers":[],"quotations":[]}"#
        );
    }

    #[test]
    fn flat_quotes_read_back_to_the_quotes() {
        let t = "“We will talk,” Podolyak said. “Not now,” he added, “nor later.” The talks ended, according to Peskov.";
        let out = DocumentOut::spans_only("", t, &crate::analyze(t), Encoding::Utf16);
        assert!(out.quotes.len() >= 2 && out.quotes.iter().any(|q| !q.parts.is_empty()));
        let flat = out.flat_quotes();
        let n = &flat.numbers;
        let span = |k: usize| {
            (n[k] != FLAT_NONE).then(|| SpanOut {
                start: n[k] as usize,
                end: n[k + 1] as usize,
                text: String::new(),
            })
        };
        let mut back = Vec::new();
        let mut k = 0;
        while k < n.len() {
            let parts = n[k + 10] as usize;
            back.push(QuoteOut {
                id: back.len(),
                kind: flat.names[n[k] as usize],
                start: n[k + 1] as usize,
                end: n[k + 2] as usize,
                text: String::new(),
                cue: span(k + 3),
                speaker: span(k + 5),
                speaker_id: (n[k + 7] != FLAT_NONE).then(|| n[k + 7] as usize),
                confidence: f32::from_bits(n[k + 8]),
                sieve: flat.names[n[k + 9] as usize],
                parts: (0..parts)
                    .filter_map(|p| span(k + FLAT_FIELDS + 2 * p))
                    .collect(),
            });
            k += FLAT_FIELDS + 2 * parts;
        }
        assert_eq!(back, out.quotes);
    }
}
