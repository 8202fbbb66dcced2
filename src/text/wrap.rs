//! Hard-wrapped text (copied from an e-mail, a PDF or a wire feed): which line breaks a paragraph goes on across.
//!
//! A greedy wrapper at width `W` breaks a line only where the next word would not fit, so in wrapped text every line
//! but a paragraph's last is *full*: its length, a space and the next line's first word come to more than `W`. In text
//! whose lines are its paragraphs (how news is mostly pasted) a line ends a sentence, not a word short of a margin.
//!
//! The text is read in *regions*: runs of lines of at most [`MAX_LINE`] bytes (blank lines included) between longer
//! ones (or a Unicode line or paragraph separator, a break of its own). `W` is the line length that explains most of
//! the region's breaks (see [`width`]); lines longer than `W` are never joined. Within 10 % of `W` counts as full, for
//! the ragged lines of proportional type (a PDF's). A region is hard-wrapped when at least two full breaks fall
//! inside a sentence (the line does not end one, the next opens in lower case), no fewer than follow a sentence end,
//! and no fewer than the short breaks that fall inside a sentence (a list, a poem, code, a box of links or headlines
//! cuts phrases short; a paragraph's last line ends a sentence).
//!
//! In a wrapped region a break is *soft* (read as a space) when its line is full, unless the next line is indented
//! further or opens with a bullet. Where a block of lines (between blank lines) also ends a paragraph with a short
//! line, its paragraphs are not kept apart by blank lines, and a full line that ends a sentence (not an abbreviation;
//! or a photo credit, see [`credit`]) before a line that opens with a capital or a quotation mark is taken for a
//! paragraph's end, unless a quotation is open (the text cannot tell; a paragraph cut in two at a sentence end loses
//! less than two run together).
//!
//! A region never runs past a line longer than [`MAX_LINE`] bytes, so a line of 300 letters (where
//! [`super::sections`] may cut a long text) ends one: a section reads its regions as the whole text does.

use super::{is_invisible, ABBREVIATIONS};

/// Lines longer than this (in bytes: a line of 150 chars with a few curly quotes and dashes) are never hard-wrapped
/// text's: they end a region.
pub const MAX_LINE: usize = 200;

/// What the region test and the break test read of one line.
#[derive(Clone, Copy, Default)]
struct Line {
    /// Byte offsets of its first byte and of its break (`\n` or `\r`; the end of the text for the last line).
    start: usize,
    brk: usize,
    /// Chars, without trailing white space (0: a blank line).
    len: usize,
    /// Leading white space, in chars.
    indent: usize,
    /// Chars of its first word (up to the first white space).
    first: usize,
    /// It ends with `.`, `!`, `?` or `…`, maybe followed by closing quotation marks or brackets, or by a photo
    /// credit (see [`credit`]).
    ends_sentence: bool,
    /// It ends with a quotation mark, maybe followed by `.`, `,`, `!` or `?`.
    ends_quote: bool,
    /// Double quotation marks: opening curly ones less closing ones, and straight ones.
    curly: i16,
    straight: u16,
    /// It ends with a letter and a hyphen (`an-`).
    hyphen: bool,
    /// It opens with a lower-case letter.
    lower_start: bool,
    /// It opens with a list bullet (`- `, `* `, `• `).
    bullet: bool,
    /// It opens with a double quotation mark.
    opens_quote: bool,
    /// It opens with an upper-case letter.
    upper_start: bool,
}

/// The soft breaks of `text[start..end]` onto `out`, in text order: the offset of every byte of each soft break
/// (`\r\n` is two bytes).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn soft_breaks(text: &str, start: usize, end: usize, out: &mut Vec<u32>) {
    let breaks: Vec<u32> = text[start..end]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}'))
        .map(|(k, _)| (start + k) as u32)
        .collect();
    soft_breaks_at(text, start, end, &breaks, out);
}

/// [`soft_breaks`] given the offsets of the line breaks of `text[start..end]` (`\n`, `\r` and the Unicode line and
/// paragraph separators, as the tokenizer finds them), in text order.
#[cfg_attr(whosaid_small, optimize(size))]
pub(super) fn soft_breaks_at(
    text: &str,
    start: usize,
    end: usize,
    breaks: &[u32],
    out: &mut Vec<u32>,
) {
    let bytes = text.as_bytes();
    // The region so far: each line's start, break and length in chars (0: blank).
    let mut region: Vec<(usize, usize, usize)> = Vec::new();
    let mut line = start;
    let mut k = 0;
    loop {
        let brk = breaks.get(k).map_or(end, |&b| b as usize);
        // A Unicode separator is a break of its own, never soft: it ends the region.
        let separator = brk < end && !matches!(bytes[brk], b'\n' | b'\r');
        match length(text, line, brk) {
            Some(len) if !separator => region.push((line, brk, len)),
            _ => {
                soft_in_region(text, &region, out);
                region.clear();
            }
        }
        if brk >= end {
            break;
        }
        line = brk + text[brk..].chars().next().map_or(1, char::len_utf8);
        k += 1;
        // `\r\n` is one break.
        if bytes[brk] == b'\r' && bytes.get(line) == Some(&b'\n') {
            line += 1;
            k += 1;
        }
    }
    soft_in_region(text, &region, out);
}

/// The length in chars of the line `text[start..brk]` without trailing white space (0 for a blank line), or None if
/// it is longer than [`MAX_LINE`] bytes.
fn length(text: &str, start: usize, brk: usize) -> Option<usize> {
    if brk - start > MAX_LINE {
        return None;
    }
    let body = super::trim_chars(&text[start..brk], space, false, true);
    if body.is_empty() {
        return Some(0);
    }
    Some(body.chars().count())
}

/// White space as the tokenizer reads it: spaces, control and invisible chars.
fn space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible(c)
}

/// What the break tests read of the line `text[start..brk]` of `len` chars (not blank).
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn measure(text: &str, start: usize, brk: usize, len: usize) -> Line {
    let s = &text[start..brk];
    let content = super::trim_chars(s, space, true, true);
    let mut line = Line {
        start,
        brk,
        len,
        ..Line::default()
    };
    line.indent = len - content.chars().count();
    // (The first and last words by trims: a split on `space` compiled a searcher of its own into the page's wasm.)
    let after_first = super::trim_chars(content, |c| !space(c), true, false);
    line.first = content[..content.len() - after_first.len()].chars().count();
    let last = super::trim_chars(
        content,
        |c| matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '›'),
        false,
        true,
    )
    .chars()
    .next_back();
    // The last word, if it ends with a period: an abbreviation or an initial ends no sentence (`Mr.`, `Feb.`, `W.`).
    let word = super::trim_chars(
        &content[super::trim_chars(content, |c| !space(c), false, true).len()..],
        |c| !c.is_alphanumeric(),
        true,
        false,
    );
    let abbreviation = word.strip_suffix('.').is_some_and(|w| {
        w.chars().count() == 1
            || ABBREVIATIONS
                .binary_search(&w.to_ascii_lowercase().as_str())
                .is_ok()
    });
    line.ends_sentence = matches!(last, Some('.' | '!' | '?' | '…')) && !abbreviation
        || content.ends_with(|c: char| c == ')' || c.is_ascii_uppercase())
            && content
                .char_indices()
                .rev()
                .find(|&(k, c)| matches!(c, '.' | '!' | '?') && content[k + 1..].starts_with(' '))
                .is_some_and(|(k, _)| credit(&content[k + 1..]));
    line.ends_quote =
        super::trim_chars(content, |c| matches!(c, '.' | ',' | '!' | '?'), false, true)
            .ends_with(['”', '"', '»']);
    // Double quotation marks, by their UTF-8 bytes: “ „ are E2 80 9C / 9E, ” E2 80 9D, « » C2 AB / BB.
    let b = content.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        match (c, b.get(k + 1), b.get(k + 2)) {
            (b'"', ..) => line.straight += 1,
            (0xE2, Some(0x80), Some(0x9C | 0x9E)) | (0xC2, Some(0xAB), _) => line.curly += 1,
            (0xE2, Some(0x80), Some(0x9D)) | (0xC2, Some(0xBB), _) => line.curly -= 1,
            _ => {}
        }
    }
    let mut rev = content.chars().rev();
    line.hyphen =
        matches!(rev.next(), Some('-' | '‐')) && rev.next().is_some_and(char::is_alphabetic);
    let mut it = content.chars();
    let c = it.next();
    line.lower_start = c.is_some_and(char::is_lowercase);
    line.upper_start = c.is_some_and(char::is_uppercase);
    line.opens_quote = matches!(c, Some('“' | '"' | '«' | '„'));
    line.bullet = matches!(c, Some('-' | '*' | '•' | '·' | '–')) && it.next().is_some_and(space);
    line
}

/// A photo credit after a caption's last sentence: a whole parenthesis (`(Jane Roe/AFP via Getty Images)`) or one
/// or two words in capitals (`AP`, `EPA`), where a paragraph may end with no sentence end.
fn credit(tail: &str) -> bool {
    let tail = tail.trim();
    let words: Vec<&str> = tail.split_whitespace().collect();
    tail.starts_with('(') && tail.ends_with(')') && tail.matches(['(', ')']).count() == 2
        || (1..=2).contains(&words.len())
            && words
                .iter()
                .all(|w| (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A break between two non-blank lines is full when the next line's first word would not have fitted on the line
/// before (or the line ends in a word broken by a hyphen that the next line finishes).
fn full(a: &Line, b: &Line, width: usize) -> bool {
    a.len + 1 + b.first + width / 10 > width || a.hyphen && b.lower_start
}

/// The wrap width of a region: of its eight longest line lengths, the one that explains the most breaks (full
/// breaks between lines no longer than it) less the lines longer than it. A line of other text that runs into the
/// region, a little longer than the wrapped lines, does not hide their width.
fn width(region: &[Line]) -> usize {
    let mut lens: Vec<usize> = region.iter().map(|l| l.len).filter(|&l| l > 0).collect();
    crate::sort::sort_by(&mut lens, |a, b| b.cmp(a));
    lens.dedup();
    let score = |w: usize| {
        let explained = region
            .windows(2)
            .filter(|p| {
                p[0].len > 0
                    && p[1].len > 0
                    && p[0].len <= w
                    && p[1].len <= w
                    && full(&p[0], &p[1], w)
            })
            .count();
        let longer = region.iter().filter(|l| l.len > w).count();
        explained as isize - longer as isize
    };
    // The first of the best: the longest.
    lens.iter()
        .take(8)
        .map(|&w| (score(w), w))
        .fold(None, |best: Option<(isize, usize)>, c| match best {
            Some(b) if b.0 >= c.0 => Some(b),
            _ => Some(c),
        })
        .map_or(0, |b| b.1)
}

/// The soft breaks of one region (see the module doc) onto `out`: its lines' starts, breaks and lengths.
#[cfg_attr(whosaid_small, optimize(size))]
fn soft_in_region(text: &str, region: &[(usize, usize, usize)], out: &mut Vec<u32>) {
    // Two breaks at least that may fall inside a sentence (the line does not end with `.`, `!` or `?`; the next
    // does not open with an ASCII capital, digit or punctuation), or nothing is joined: a quick look before the lines
    // are measured.
    let bytes = text.as_bytes();
    let maybe_inside = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
        let last = bytes[a.0..a.1]
            .iter()
            .rev()
            .find(|c| !c.is_ascii_whitespace());
        let first = bytes[b.0..b.1].iter().find(|c| !c.is_ascii_whitespace());
        !matches!(last, Some(b'.' | b'!' | b'?') | None)
            && first.is_some_and(|&c| c.is_ascii_lowercase() || c >= 0x80)
    };
    let candidates = region
        .windows(2)
        .filter(|w| w[0].2 > 0 && w[1].2 > 0 && maybe_inside(&w[0], &w[1]));
    if candidates.count() < 2 {
        return;
    }
    let region: Vec<Line> = region
        .iter()
        .map(|&(start, brk, len)| {
            if len == 0 {
                Line {
                    start,
                    brk,
                    ..Line::default()
                }
            } else {
                measure(text, start, brk, len)
            }
        })
        .collect();
    let region = &region[..];
    let width = width(region);
    // The breaks between two lines of text, neither longer than the width.
    let fits = |l: &Line| l.len > 0 && l.len <= width;
    let pairs = || region.windows(2).filter(|w| fits(&w[0]) && fits(&w[1]));
    // Full breaks inside a sentence (the next line opens in lower case) and after a sentence end; short breaks
    // inside a sentence.
    let (mut inside, mut after_end, mut odd) = (0, 0, 0);
    for w in pairs() {
        if full(&w[0], &w[1], width) {
            inside += usize::from(!w[0].ends_sentence && w[1].lower_start);
            after_end += usize::from(w[0].ends_sentence);
        } else if !w[0].ends_sentence {
            odd += 1;
        }
    }
    if inside < 2 || inside < after_end || odd > inside {
        return;
    }
    // Block by block (lines between blank lines): in a block that ends a paragraph with a short line, paragraphs
    // are not kept apart by blank lines, and a full line that ends a sentence may end one too.
    for block in region.split(|l| l.len == 0) {
        let para_ends = block.windows(2).any(|w| {
            fits(&w[0]) && fits(&w[1]) && !full(&w[0], &w[1], width) && w[0].ends_sentence
        });
        // The double quotation marks of the paragraph so far: a paragraph does not end inside a quotation unless
        // the next one opens with a mark (a quotation over several paragraphs).
        let (mut curly, mut straight) = (0i32, 0u32);
        for w in block.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            curly = (curly + i32::from(a.curly)).max(0);
            straight += u32::from(a.straight);
            // (A sentence that ends with a closing mark, `."` or `.”`, closes its quotation whatever the count.)
            let quoted = (curly > 0 || straight % 2 == 1) && !b.opens_quote && !a.ends_quote;
            let soft = fits(a)
                && fits(b)
                && full(a, b, width)
                && b.indent <= a.indent
                && !b.bullet
                && !(para_ends && a.ends_sentence && (b.upper_start || b.opens_quote) && !quoted);
            if soft {
                out.extend(
                    (a.brk..b.start)
                        .filter(|&k| matches!(bytes[k], b'\n' | b'\r'))
                        .map(|k| k as u32),
                );
            } else {
                (curly, straight) = (0, 0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with each soft break shown as `~`.
    fn soft(t: &str) -> String {
        let mut out = Vec::new();
        soft_breaks(t, 0, t.len(), &mut out);
        let mut b = t.as_bytes().to_vec();
        for k in out {
            b[k as usize] = b'~';
        }
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn wrapped_paragraphs_between_blank_lines_are_joined() {
        let t = "The minister said on Tuesday that the new rules would take\n\
                 effect next month, and that no exception would be made for\n\
                 small farms. He did not say how they would be enforced.\n\
                 \n\
                 “We have waited long enough,” said Ana Petrov, who leads the\n\
                 growers' union. “Nobody asked us.”";
        assert_eq!(
            soft(t),
            "The minister said on Tuesday that the new rules would take~\
             effect next month, and that no exception would be made for~\
             small farms. He did not say how they would be enforced.\n\
             \n\
             “We have waited long enough,” said Ana Petrov, who leads the~\
             growers' union. “Nobody asked us.”"
        );
    }

    #[test]
    fn a_full_line_that_ends_a_sentence_is_joined_between_blank_lines() {
        let t = "Farmers in the north have protested for a week against the\n\
                 plan. Their leaders met the minister on Tuesday, and talks\n\
                 went on until late in the evening without any agreement.\n\
                 \n\
                 Short one.";
        assert_eq!(soft(t).matches('~').count(), 2);
    }

    #[test]
    fn without_blank_lines_short_lines_end_paragraphs() {
        let t = "The minister said on Tuesday that the new rules would take\n\
                 effect next month, and that no exception would be made for\n\
                 small farms.\n\
                 “We have waited long enough,” said Ana Petrov, who leads the\n\
                 growers' union. “Nobody asked us.”\n\
                 The ministry did not answer questions about the plan sent by\n\
                 e-mail on Wednesday.";
        assert_eq!(
            soft(t),
            "The minister said on Tuesday that the new rules would take~\
             effect next month, and that no exception would be made for~\
             small farms.\n\
             “We have waited long enough,” said Ana Petrov, who leads the~\
             growers' union. “Nobody asked us.”\n\
             The ministry did not answer questions about the plan sent by~\
             e-mail on Wednesday."
        );
    }

    #[test]
    fn lines_that_are_paragraphs_stay_apart() {
        // Lines of all lengths, each a sentence or a heading: nothing is joined.
        let t = "Farm rules delayed\n\
                 The minister said on Tuesday that the new rules would wait.\n\
                 Farmers welcomed the news, their union said in a statement on Wednesday morning.\n\
                 “It is a start,” said Ana Petrov.\n\
                 The ministry did not comment.";
        assert_eq!(soft(t), t);
        // A list and a box of links, short lines cut mid-phrase.
        let t = "What we know so far\nThe rules take effect in May\nFarms under ten hectares\nare exempt until July\n\
                 Read more\nFarmers protest in the capital\nWhat the new rules mean for you";
        assert_eq!(soft(t), t);
    }

    #[test]
    fn indented_lines_and_bullets_start_anew() {
        let t = [
            "The minister said on Tuesday that the new rules would take",
            "effect next month, and that no exception would be made for",
            "small farms, according to a statement from her office sent",
            "   The union said it would protest in front of the ministry",
            "- on Monday, and again a week later if nothing has changed",
            "in the meantime.",
        ]
        .join("\n");
        let s = soft(&t);
        assert_eq!(s.matches('~').count(), 3, "{s}");
        assert!(
            s.contains("sent\n   The") && s.contains("ministry\n- on"),
            "{s}"
        );
    }

    #[test]
    fn quotations_credits_and_abbreviations_decide_at_a_full_line_that_ends_a_sentence() {
        // No blank lines. A full line that ends a sentence inside a quotation goes on; one that ends with a photo
        // credit ends its paragraph; an abbreviation ends no sentence.
        let t = [
            "“We have waited long enough for the ministry to act on the flood.",
            "Nobody asked us what we needed, and nobody came to the farms to",
            "see. Now we will go to the capital ourselves,” said Ana Petrov, who",
            "leads the union of growers in the province.",
            "A woman and her two children sit on the floor of the shelter. AP",
            "The regional government has asked the army for help, said Mr.",
            "Jonas Berg, a spokesman for the governor of the northern province.",
            "He did not say when the soldiers would arrive in the town, or how",
            "many of them would be sent there from the barracks in the south.",
        ]
        .join("\n");
        let s = soft(&t);
        let paras: Vec<&str> = s.split('\n').collect();
        assert_eq!(paras.len(), 4, "{s}");
        assert!(
            paras[0].starts_with("“We have") && paras[0].ends_with("province."),
            "{s}"
        );
        assert!(paras[1].ends_with(". AP"), "{s}");
        assert!(paras[2].contains("said Mr.~Jonas"), "{s}");
    }

    #[test]
    fn a_line_that_closes_a_quotation_at_a_sentence_end_may_end_its_paragraph() {
        // No blank lines; a mark opened mid-paragraph is never closed (`“a trap and`), so the count of marks says a
        // quotation is still open at `us.”`. A sentence that ends with its closing mark closes it all the same.
        let t = [
            "Farmers in the north said on Tuesday that the new rules would take",
            "effect too soon for the harvest.",
            "Ana Petrov, who leads the growers' union, called the plan “a trap and",
            "a disgrace for every farm, and then she said: “Nobody has asked us.”",
            "The ministry did not answer questions about the plan that were sent",
            "by e-mail on Wednesday.",
        ]
        .join("\n");
        let s = soft(&t);
        assert!(
            s.contains("take~effect") && s.contains("and~a disgrace"),
            "{s}"
        );
        assert!(
            s.contains("us.”\nThe ministry") && s.contains("sent~by"),
            "{s}"
        );
    }

    #[test]
    fn a_longer_line_before_wrapped_text_does_not_hide_its_width() {
        let t =
            "The ministry said the rules had been discussed with the union for more than a year.\n\
                 \n\
                 The minister said on Tuesday that the new rules would take\n\
                 effect next month, and that no exception would be made for\n\
                 small farms. He did not say how they would be enforced, or\n\
                 by whom.";
        assert_eq!(soft(t).matches('~').count(), 3);
    }

    #[test]
    fn lines_set_in_proportional_type_wrap_raggedly() {
        // As a PDF gives them: the widest letters decide where a line ends, so full lines differ by a few chars.
        let paras = [
            "Officials in the northern province said on Thursday that the flooding had\n\
             forced more than twelve thousand people from their homes, and that the\n\
             water was still rising in several villages along the river.",
            "“We have never seen anything like this in my lifetime,” said Marta Ilves,\n\
             the mayor of one of the worst-hit towns, who spent the night helping\n\
             neighbours carry furniture to the upper floors of the school.",
            "The regional government has asked the army for help and opened three\n\
             emergency shelters, a spokeswoman said.",
        ];
        for between in ["\n\n", "\n"] {
            let t = paras.join(between);
            let s = soft(&t);
            assert_eq!(s.matches('~').count(), 5, "{s}");
            assert_eq!(s.split(between).count(), 3, "{s}");
        }
    }

    #[test]
    fn a_word_hyphenated_across_lines_joins_even_if_its_rest_would_have_fitted() {
        let t = "The minister said on Tuesday that the new rules would be an-\n\
                 nounced next month, and that no exception would be made for\n\
                 small farms or for the growers' co-operatives of the south.";
        assert_eq!(soft(t).matches('~').count(), 2);
    }

    #[test]
    fn crlf_breaks_and_long_lines() {
        let t = "The minister said on Tuesday that the new rules would take\r\n\
                 effect next month, and that no exception would be made for\r\n\
                 small farms.";
        assert_eq!(soft(t).matches('~').count(), 4);
        // A long line ends the region: the lines before it are too few to tell.
        let long = "x ".repeat(100);
        let t = format!(
            "The minister said on Tuesday that the new rules would take\n\
                 effect next month, and that no exception would be made for\n{long}\nsmall farms."
        );
        assert_eq!(soft(&t), t);
    }
}
