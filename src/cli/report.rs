//! The human-readable report: per document, each speaker with their quotes, then the unattributed quotes.

use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;
use whosaid::output::{DocumentOut, QuoteOut};

use super::style::{pad, Style};

/// Quote texts longer than this (in grapheme clusters) are shortened in the middle.
const QUOTE_MAX: usize = 110;
const CUE_MAX: usize = 16;

/// One line: whitespace runs and control characters (never sent to the terminal) collapsed to single spaces.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c.is_whitespace() || c.is_control() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` on one line, shortened to at most `max` grapheme clusters by cutting the middle (at a space if one is near).
pub fn shorten(s: &str, max: usize) -> String {
    let s = one_line(s);
    let g: Vec<&str> = s.graphemes(true).collect();
    if g.len() <= max {
        return s;
    }
    let tail = max / 3;
    let head = max - tail - 3;
    let mut h = head;
    // Cut after a word if there is a space in the last 15 graphemes of the head.
    if let Some(k) = (head.saturating_sub(15)..head).rev().find(|&k| g[k] == " ") {
        h = k;
    }
    let mut t = g.len() - tail;
    if let Some(k) = (t..(t + 15).min(g.len())).find(|&k| g[k] == " ") {
        t = k + 1;
    }
    format!("{} … {}", g[..h].concat().trim_end(), g[t..].concat())
}

struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }
    /// 1-based line and column (in characters) of byte `b`.
    fn locate(&self, text: &str, b: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= b).max(1) - 1;
        let start = self.starts[line];
        let col = text
            .get(start..b.min(text.len()))
            .map_or(0, |s| s.chars().count())
            + 1;
        (line + 1, col)
    }
}

/// Writes the report of one document; `doc` must have UTF-8 offsets.
pub fn write(
    out: &mut impl Write,
    st: &Style,
    title: &str,
    text: &str,
    doc: &DocumentOut,
) -> io::Result<()> {
    let n = doc.quotes.len();
    let plural = |k: usize, w: &str| format!("{k} {w}{}", if k == 1 { "" } else { "s" });
    writeln!(
        out,
        "{} {}",
        st.bold(&format!("== {} ==", one_line(title))),
        st.dim(&format!(
            "{}, {}",
            plural(n, "quote"),
            plural(doc.speakers.len(), "speaker")
        ))
    )?;
    if n == 0 {
        writeln!(out, "  {}", st.dim("no quotes found"))?;
        return Ok(());
    }
    let lines = Lines::new(text);
    let cue_width = doc
        .quotes
        .iter()
        .map(|q| {
            q.cue
                .as_ref()
                .map_or(1, |c| one_line(&c.text).chars().count())
        })
        .max()
        .unwrap_or(1);
    let cue_width = cue_width.min(CUE_MAX);
    let loc_width = {
        let (l, _) = lines.locate(text, text.len());
        l.to_string().len() + 4
    };
    let quote_line = |out: &mut dyn Write, q: &QuoteOut, unresolved: bool| -> io::Result<()> {
        let (l, c) = lines.locate(text, q.start);
        let cue = q
            .cue
            .as_ref()
            .map_or("—".to_string(), |c| shorten(&c.text, CUE_MAX));
        write!(
            out,
            "  {} {} {} {}",
            st.location(&pad(&format!("{l}:{c}"), loc_width)),
            st.kind(&pad(q.kind, 8)),
            st.cue(&pad(&cue, cue_width)),
            shorten(&q.text, QUOTE_MAX)
        )?;
        if unresolved {
            if let Some(sp) = &q.speaker {
                write!(
                    out,
                    "  {}",
                    st.dim(&format!("(speaker: {}, unresolved)", shorten(&sp.text, 40)))
                )?;
            }
        }
        writeln!(out)
    };
    for (i, s) in doc.speakers.iter().enumerate() {
        let quotes: Vec<&QuoteOut> = doc
            .quotes
            .iter()
            .filter(|q| q.speaker_id == Some(i))
            .collect();
        let mut facts = vec![s.kind.to_string()];
        if s.gender != "unknown" {
            facts.push(s.gender.to_string());
        }
        facts.push(plural(quotes.len(), "quote"));
        writeln!(
            out,
            "{} {}",
            st.speaker(&one_line(&s.name)),
            st.dim(&format!("({})", facts.join(", ")))
        )?;
        let also: Vec<String> = s
            .aliases
            .iter()
            .chain(&s.descriptions)
            .map(|a| shorten(a, 60))
            .collect();
        if !also.is_empty() {
            writeln!(out, "  {}", st.dim(&format!("also: {}", also.join("; "))))?;
        }
        for q in quotes {
            quote_line(out, q, false)?;
        }
    }
    let orphans: Vec<&QuoteOut> = doc
        .quotes
        .iter()
        .filter(|q| q.speaker_id.is_none_or(|i| i >= doc.speakers.len()))
        .collect();
    if !orphans.is_empty() {
        writeln!(
            out,
            "{} {}",
            st.bold("Unattributed"),
            st.dim(&format!("({})", plural(orphans.len(), "quote")))
        )?;
        for q in orphans {
            quote_line(out, q, true)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_keeps_short_text_and_cuts_long_text_in_the_middle() {
        assert_eq!(shorten("  “We are\n ready,”  ", 110), "“We are ready,”");
        let long = "word ".repeat(60) + "end";
        let s = shorten(&long, 40);
        assert!(s.graphemes(true).count() <= 40, "{s}");
        assert!(
            s.starts_with("word word") && s.ends_with("word end") && s.contains(" … "),
            "{s}"
        );
    }

    #[test]
    fn shorten_never_splits_a_grapheme() {
        let t = "e\u{301}".repeat(200); // é as e + combining acute
        let s = shorten(&t, 20);
        assert!(
            !s.contains(" \u{301}") && !s.starts_with('\u{301}'),
            "{s:?}"
        );
        assert_eq!(s.graphemes(true).filter(|g| *g == "e\u{301}").count(), 17);
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(one_line("a\u{1b}[31mb\u{7}c"), "a [31mb c");
    }

    #[test]
    fn line_and_column_count_characters() {
        let t = "ab\nçé “x”\n";
        let l = Lines::new(t);
        assert_eq!(l.locate(t, 0), (1, 1));
        assert_eq!(l.locate(t, t.find('“').unwrap()), (2, 4));
        assert_eq!(l.locate(t, t.len()), (3, 1));
    }
}
