//! Invariants that every analysis must keep whatever the input, shared by tests/hostile.rs, tests/properties.rs and
//! the fuzz target (fuzz/fuzz_targets/analyze.rs includes this file by path).
//!
//! Each check returns `Err(description)` rather than panicking, so that callers can report the input.
#![allow(dead_code)]

use whosaid::story::StoryOut;
use whosaid::{Analysis, DocumentOut, Encoding, Span};

fn span_ok(text: &str, s: Span, what: &str) -> Result<(), String> {
    if s.start > s.end {
        return Err(format!("{what}: start {} > end {}", s.start, s.end));
    }
    if s.end > text.len() {
        return Err(format!(
            "{what}: end {} past the text ({} bytes)",
            s.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!(
            "{what}: {}..{} not on char boundaries",
            s.start, s.end
        ));
    }
    Ok(())
}

/// Spans in range and on char boundaries, start ≤ end, speaker ids valid, speaker quote counts consistent.
pub fn check_analysis(text: &str, a: &Analysis) -> Result<(), String> {
    for (i, q) in a.quotes.iter().enumerate() {
        span_ok(text, q.span, &format!("quote {i}"))?;
        if q.span.is_empty() {
            return Err(format!("quote {i}: empty span"));
        }
        if let Some(c) = q.cue {
            span_ok(text, c, &format!("quote {i} cue"))?;
        }
        if let Some(s) = q.speaker {
            span_ok(text, s, &format!("quote {i} speaker"))?;
        }
        for (k, p) in q.parts.iter().enumerate() {
            span_ok(text, *p, &format!("quote {i} part {k}"))?;
            if !q.span.contains(*p) {
                return Err(format!(
                    "quote {i} part {k} {p:?} outside the quote {:?}",
                    q.span
                ));
            }
        }
        if let Some(id) = q.speaker_id {
            if id >= a.speakers.len() {
                return Err(format!(
                    "quote {i}: speaker_id {id} of {} speakers",
                    a.speakers.len()
                ));
            }
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!("quote {i}: confidence {}", q.confidence));
        }
    }
    // Quotations: in text order, each inside its parent one level down, part of an existing quote.
    for (i, q) in a.quotations.iter().enumerate() {
        span_ok(text, q.span, &format!("quotation {i}"))?;
        if q.span.len() < 2 {
            return Err(format!(
                "quotation {i}: span {:?} holds no pair of marks",
                q.span
            ));
        }
        if i > 0 && a.quotations[i - 1].span.start > q.span.start {
            return Err(format!("quotation {i} out of text order"));
        }
        let depth = match q.parent {
            None => 0,
            Some(p) if p < i && a.quotations[p].span.contains(q.span) => a.quotations[p].depth + 1,
            Some(p) => return Err(format!("quotation {i}: parent {p} does not hold it")),
        };
        if q.depth != depth {
            return Err(format!("quotation {i}: depth {} for {depth}", q.depth));
        }
        if q.quote.is_some_and(|k| k >= a.quotes.len()) {
            return Err(format!(
                "quotation {i}: quote {:?} of {}",
                q.quote,
                a.quotes.len()
            ));
        }
    }
    for (k, s) in a.speakers.iter().enumerate() {
        for (j, m) in s.mentions.iter().enumerate() {
            span_ok(text, *m, &format!("speaker {k} mention {j}"))?;
        }
        let n = a.quotes.iter().filter(|q| q.speaker_id == Some(k)).count();
        if s.quotes != n {
            return Err(format!(
                "speaker {k}: quotes = {} but {n} quotes point at it",
                s.quotes
            ));
        }
        if n == 0 {
            return Err(format!("speaker {k} has no quote"));
        }
    }
    Ok(())
}

/// The text's length in `enc` units.
pub fn units(text: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => text.len(),
        Encoding::Utf16 => text.encode_utf16().count(),
        Encoding::Chars => text.chars().count(),
    }
}

/// The text indexed in `enc` units, to slice it many times.
pub struct Units {
    utf8: String,
    utf16: Vec<u16>,
    chars: Vec<char>,
    enc: Encoding,
}

impl Units {
    pub fn new(text: &str, enc: Encoding) -> Units {
        Units {
            utf8: text.to_string(),
            utf16: if enc == Encoding::Utf16 {
                text.encode_utf16().collect()
            } else {
                Vec::new()
            },
            chars: if enc == Encoding::Chars {
                text.chars().collect()
            } else {
                Vec::new()
            },
            enc,
        }
    }

    /// The text's length in units.
    pub fn len(&self) -> usize {
        match self.enc {
            Encoding::Utf8 => self.utf8.len(),
            Encoding::Utf16 => self.utf16.len(),
            Encoding::Chars => self.chars.len(),
        }
    }

    /// The slice `[start, end)` in units, if it is a valid slice.
    pub fn slice(&self, start: usize, end: usize) -> Option<String> {
        if start > end {
            return None;
        }
        match self.enc {
            Encoding::Utf8 => self.utf8.get(start..end).map(str::to_string),
            Encoding::Utf16 => String::from_utf16(self.utf16.get(start..end)?).ok(),
            Encoding::Chars => Some(self.chars.get(start..end)?.iter().collect()),
        }
    }
}

/// The slice `[start, end)` of `text` in `enc` units, if it is a valid slice.
pub fn slice_units(text: &str, enc: Encoding, start: usize, end: usize) -> Option<String> {
    Units::new(text, enc).slice(start, end)
}

/// The output contract in `enc`: every offset pair slices the text to exactly the `text` it carries.
pub fn check_document(text: &str, d: &DocumentOut, enc: Encoding) -> Result<(), String> {
    let u = Units::new(text, enc);
    let check = |start: usize, end: usize, got: &str, what: String| -> Result<(), String> {
        match u.slice(start, end) {
            Some(s) if s == got => Ok(()),
            Some(s) => Err(format!(
                "{what}: {start}..{end} slices {s:?}, output says {got:?}"
            )),
            None => Err(format!("{what}: {start}..{end} not a valid {enc:?} slice")),
        }
    };
    for q in &d.quotes {
        check(q.start, q.end, &q.text, format!("quote {}", q.id))?;
        if let Some(c) = &q.cue {
            check(c.start, c.end, &c.text, format!("quote {} cue", q.id))?;
        }
        if let Some(s) = &q.speaker {
            check(s.start, s.end, &s.text, format!("quote {} speaker", q.id))?;
        }
        for p in &q.parts {
            check(p.start, p.end, &p.text, format!("quote {} part", q.id))?;
        }
        if q.speaker_id.is_some_and(|id| id >= d.speakers.len()) {
            return Err(format!("quote {}: speaker_id out of range", q.id));
        }
    }
    for (k, s) in d.speakers.iter().enumerate() {
        if s.id != k {
            return Err(format!("speaker {k} has id {}", s.id));
        }
    }
    for (k, q) in d.quotations.iter().enumerate() {
        check(q.start, q.end, &q.text, format!("quotation {k}"))?;
        if q.id != k
            || q.parent.is_some_and(|p| p >= k)
            || q.quote.is_some_and(|p| p >= d.quotes.len())
        {
            return Err(format!(
                "quotation {k}: id {}, parent {:?}, quote {:?}",
                q.id, q.parent, q.quote
            ));
        }
    }
    Ok(())
}

/// Analyses `text` twice (same result), checks the analysis and the output contract in all three encodings, and
/// that the analysis does not depend on the size of the sections a long text is analysed in (whole, or each
/// section as short as [`whosaid::text::sections`] allows).
pub fn check_all(text: &str) -> Result<Analysis, String> {
    let a = whosaid::analyze(text);
    check_analysis(text, &a)?;
    let again = whosaid::analyze(text);
    if again != a {
        return Err("a second run gave a different analysis".into());
    }
    check_sections(text, &a)?;
    for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
        let d = whosaid::analyze_document("doc", text, enc);
        check_document(text, &d, enc)?;
        if d.quotes.len() != a.quotes.len()
            || d.speakers.len() != a.speakers.len()
            || d.quotations.len() != a.quotations.len()
        {
            return Err(format!(
                "{enc:?} output lists other quotes, speakers or quotations than the analysis"
            ));
        }
    }
    Ok(a)
}

/// `a`, the analysis of `text`, is what analysing it whole and a shortest section at a time give. (A size that cuts
/// `text` where `analyze` does is the same computation as `a`'s and is not run again.)
pub fn check_sections(text: &str, a: &Analysis) -> Result<(), String> {
    let cut = whosaid::text::sections(text, whosaid::SECTION_BYTES);
    for size in [usize::MAX, 1] {
        if whosaid::text::sections(text, size) == cut {
            continue;
        }
        let b = whosaid::analyze_in_sections(text, size);
        if b != *a {
            let n = whosaid::text::sections(text, size).len();
            let first = a.quotes.iter().zip(&b.quotes).position(|(x, y)| x != y);
            return Err(format!(
                "in {n} sections of at least {size} bytes the analysis differs: {} quotes for {}, {} speakers for \
                 {}, first other quote at {first:?}",
                b.quotes.len(),
                a.quotes.len(),
                b.speakers.len(),
                a.speakers.len()
            ));
        }
    }
    Ok(())
}

/// The story over `docs`: every document valid, every version's offsets slicing its article, ids in range.
pub fn check_story(docs: &[(&str, &str)], enc: Encoding) -> Result<StoryOut, String> {
    let out = whosaid::story::analyze_story(docs, enc);
    if out.documents.len() != docs.len() {
        return Err(format!(
            "{} documents for {} inputs",
            out.documents.len(),
            docs.len()
        ));
    }
    for ((_, text), d) in docs.iter().zip(&out.documents) {
        check_document(text, d, enc)?;
    }
    let indexed: Vec<Units> = docs.iter().map(|(_, t)| Units::new(t, enc)).collect();
    let st = &out.story;
    for (k, sp) in st.speakers.iter().enumerate() {
        if sp.id != k {
            return Err(format!("story speaker {k} has id {}", sp.id));
        }
        for m in &sp.members {
            let Some(d) = out.documents.get(m[0]) else {
                return Err(format!(
                    "story speaker {k}: member article {} out of range",
                    m[0]
                ));
            };
            if m[1] >= d.speakers.len() {
                return Err(format!(
                    "story speaker {k}: member speaker {:?} out of range",
                    m
                ));
            }
        }
        if sp.possibly_same.iter().any(|&o| o >= st.speakers.len()) {
            return Err(format!("story speaker {k}: possibly_same out of range"));
        }
    }
    for g in &st.quote_groups {
        if g.speakers.iter().any(|&s| s >= st.speakers.len()) {
            return Err(format!("quote group {}: speaker out of range", g.id));
        }
        for v in &g.versions {
            if v.article >= docs.len() {
                return Err(format!(
                    "quote group {}: article {} out of range",
                    g.id, v.article
                ));
            };
            if v.quote >= out.documents[v.article].quotes.len() {
                return Err(format!(
                    "quote group {}: quote {} out of range",
                    g.id, v.quote
                ));
            }
            if v.start > v.end || v.end > indexed[v.article].len() {
                return Err(format!(
                    "quote group {}: version {}..{} out of range",
                    g.id, v.start, v.end
                ));
            }
            if indexed[v.article].slice(v.start, v.end).is_none() {
                return Err(format!(
                    "quote group {}: version {}..{} not a valid slice",
                    g.id, v.start, v.end
                ));
            }
            if v.speaker.is_some_and(|s| s >= st.speakers.len()) {
                return Err(format!(
                    "quote group {}: version speaker out of range",
                    g.id
                ));
            }
        }
    }
    let again = whosaid::story::analyze_story(docs, enc);
    if again != out {
        return Err("a second story run gave a different result".into());
    }
    Ok(out)
}
