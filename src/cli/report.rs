//! The human-readable report: per document, each speaker with their quotes, then the unattributed quotes.

use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;
use whosaid::{Analysis, Gender};

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
    // No more bytes than `max`, so no more grapheme clusters (most quotes): nothing to count.
    if s.len() <= max {
        return s;
    }
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

/// The 1-based line and column (in characters) of each byte offset in `offsets`, found in one pass over the text in
/// offset order (lines end at `\n`; an offset past the end counts as the end).
fn locate_all(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let bytes = text.as_bytes();
    let mut out = vec![(1, 1); offsets.len()];
    let (mut at, mut line, mut col) = (0, 1, 1);
    for i in order {
        let to = offsets[i].min(bytes.len());
        for &b in &bytes[at..to] {
            if b == b'\n' {
                line += 1;
                col = 1;
            } else if (b as i8) >= -0x40 {
                // Not a UTF-8 continuation byte: a character starts here.
                col += 1;
            }
        }
        at = to;
        out[i] = (line, col);
    }
    out
}

/// Writes the report of one document: its speakers, each with their quotes in text order, then the unattributed
/// quotes. Linear in the text and the quotes: the quotes are put in their speakers' lists, and their line:column
/// positions found, in one pass each.
pub fn write(
    out: &mut impl Write,
    st: &Style,
    title: &str,
    text: &str,
    a: &Analysis,
) -> io::Result<()> {
    let n = a.quotes.len();
    let plural = |k: usize, w: &str| format!("{k} {w}{}", if k == 1 { "" } else { "s" });
    writeln!(
        out,
        "{} {}",
        st.bold(&format!("== {} ==", one_line(title))),
        st.dim(&format!(
            "{}, {}",
            plural(n, "quote"),
            plural(a.speakers.len(), "speaker")
        ))
    )?;
    if n == 0 {
        writeln!(out, "  {}", st.dim("no quotes found"))?;
        return Ok(());
    }
    let cue_width = (a.quotes.iter())
        .map(|q| q.cue.map_or(1, |c| one_line(c.text(text)).chars().count()))
        .max()
        .unwrap_or(1)
        .min(CUE_MAX);
    let starts: Vec<usize> = a.quotes.iter().map(|q| q.span.start).collect();
    let at = locate_all(text, &starts);
    drop(starts);
    let loc_width = {
        let last_line = 1 + text.bytes().filter(|&b| b == b'\n').count();
        last_line.to_string().len() + 4
    };
    let quote_line = |out: &mut dyn Write, i: usize, unresolved: bool| -> io::Result<()> {
        let q = &a.quotes[i];
        let (l, c) = at[i];
        let cue = q
            .cue
            .map_or("—".to_string(), |c| shorten(c.text(text), CUE_MAX));
        write!(
            out,
            "  {} {} {} {}",
            st.location(&pad(&format!("{l}:{c}"), loc_width)),
            st.kind(&pad(q.kind.as_str(), 8)),
            st.cue(&pad(&cue, cue_width)),
            shorten(q.span.text(text), QUOTE_MAX)
        )?;
        if unresolved {
            if let Some(sp) = q.speaker {
                write!(
                    out,
                    "  {}",
                    st.dim(&format!(
                        "(speaker: {}, unresolved)",
                        shorten(sp.text(text), 40)
                    ))
                )?;
            }
        }
        writeln!(out)
    };
    // The quotes by speaker, in text order within each (a counting sort): speaker `s`'s are
    // `order[first[s]..first[s + 1]]`, and the unattributed ones (no speaker, or an id out of range) come last.
    let ns = a.speakers.len();
    let key = |i: usize| a.quotes[i].speaker_id.filter(|&s| s < ns).unwrap_or(ns);
    let mut first = vec![0usize; ns + 2];
    for i in 0..n {
        first[key(i) + 1] += 1;
    }
    for s in 1..first.len() {
        first[s] += first[s - 1];
    }
    let mut next = first.clone();
    let mut order = vec![0usize; n];
    for i in 0..n {
        let slot = &mut next[key(i)];
        order[*slot] = i;
        *slot += 1;
    }
    for (s, sp) in a.speakers.iter().enumerate() {
        let quotes = &order[first[s]..first[s + 1]];
        let mut facts = vec![sp.kind.as_str().to_string()];
        if sp.gender != Gender::Unknown {
            facts.push(sp.gender.as_str().to_string());
        }
        facts.push(plural(quotes.len(), "quote"));
        writeln!(
            out,
            "{} {}",
            st.speaker(&one_line(&sp.name)),
            st.dim(&format!("({})", facts.join(", ")))
        )?;
        let also: Vec<String> = (sp.aliases.iter())
            .chain(&sp.descriptions)
            .map(|a| shorten(a, 60))
            .collect();
        if !also.is_empty() {
            writeln!(out, "  {}", st.dim(&format!("also: {}", also.join("; "))))?;
        }
        for &i in quotes {
            quote_line(out, i, false)?;
        }
    }
    let orphans = &order[first[ns]..first[ns + 1]];
    if !orphans.is_empty() {
        writeln!(
            out,
            "{} {}",
            st.bold("Unattributed"),
            st.dim(&format!("({})", plural(orphans.len(), "quote")))
        )?;
        for &i in orphans {
            quote_line(out, i, true)?;
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
        // Up to `max` grapheme clusters stay whole, whatever their bytes.
        let ascii = "a".repeat(40);
        assert_eq!(shorten(&ascii, 40), ascii);
        let wide = "é😀".repeat(20); // 40 clusters in 120 bytes
        assert_eq!(shorten(&wide, 40), wide);
        assert_ne!(shorten(&wide, 39), wide);
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
        let q = t.find('“').unwrap();
        // In any order, repeated, and past the end.
        assert_eq!(
            locate_all(t, &[t.len(), 0, q, q, t.len() + 5, 2, 3]),
            [(3, 1), (1, 1), (2, 4), (2, 4), (3, 1), (1, 3), (2, 1)]
        );
        assert!(locate_all(t, &[]).is_empty());
    }

    #[test]
    fn line_and_column_agree_with_counting_from_each_line_start() {
        // Many lines of multi-byte characters (2, 3 and 4 bytes), blank lines, \r\n line ends.
        let mut t = String::new();
        for i in 0..300 {
            t.push_str(["é “ab”", "Київ — «x»", "😀😀 “y”\r", "", "  z"][i % 5]);
            t.push('\n');
        }
        let offsets: Vec<usize> = t.char_indices().map(|(b, _)| b).rev().step_by(3).collect();
        let got = locate_all(&t, &offsets);
        for (&b, &(l, c)) in offsets.iter().zip(&got) {
            let before = &t[..b];
            let line_start = before.rfind('\n').map_or(0, |k| k + 1);
            let want = (
                before.matches('\n').count() + 1,
                before[line_start..].chars().count() + 1,
            );
            assert_eq!((l, c), want, "byte {b}");
        }
    }
}
