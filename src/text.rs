//! Text stage: tokens, paragraphs and sentences, all with byte offsets into the input.
//!
//! One pass over the characters makes the tokens; paragraphs are lines (a blank line or a single line break both end
//! one, since news text uses either); sentences split at `.`, `!`, `?` and `…` (after any closing quotes or brackets)
//! when the next token can start a sentence and the word before the period is not an abbreviation.

use crate::model::Span;

pub mod furniture;
pub mod wrap;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits) with inner apostrophes, hyphens and initials' periods: `Ukraine`, `don’t`, `U.S.`, `cease-fire`.
    Word,
    /// Digits with inner `.`, `,`, `:`: `3,500`, `2022`, `1.1`.
    Number,
    /// A quotation-mark candidate: “ ” " ‘ ’ ' « » „ ‚ ‹ ›. The quote stage decides what it is.
    QuoteMark,
    /// Any other single non-space character: `,` `.` `:` `—` `(` …
    Punct,
}

/// One token. Offsets are `u32` to keep the token array small (texts over 4 GiB are refused by [`Document::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Index of the paragraph the token is in.
    pub para: u32,
    /// True if whitespace (or the start of the text) comes right before the token.
    pub space_before: bool,
    /// True if the token is a word whose first char is upper case (see [`Document::is_capitalized`]).
    pub cap: bool,
    /// True if the token is a word broken across a soft line break by a hyphen (`an-¶nounced`): its text keeps the
    /// break, [`Document::lower`] reads it without (see [`unbreak`]).
    pub joined: bool,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// What the char that starts a token (or the space between tokens) is, for [`Document::tokenize`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// Ends a paragraph: line breaks and the Unicode line and paragraph separators.
    Break,
    /// Whitespace, control and invisible chars.
    Space,
    Quote,
    Other,
    /// The first byte of a multi-byte char (or a continuation byte): the Unicode tests class its char.
    NonAscii,
}

/// The class of each byte, for the ASCII chars that make up most text: one load instead of a chain of tests.
const BYTE_CLASS: [Class; 256] = {
    let mut t = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = match b as u8 {
            b'\n' | b'\r' => Class::Break,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'"' | b'\'' | b'`' => Class::Quote,
            b'!'..=b'~' => Class::Other,
            // Space, tab and the other control chars.
            _ => Class::Space,
        };
        b += 1;
    }
    t
};

/// A line break that ends a paragraph: `\n`, `\r`, and the Unicode line and paragraph separators and NEL.
pub fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// The class of a char by the Unicode tests: what [`Document::tokenize`] asks of a non-ASCII char, and what
/// [`BYTE_CLASS`] holds for each ASCII one but `\n` and `\r`, which the table makes breaks (a unit test checks that
/// they agree).
#[inline]
fn char_class(c: char) -> Class {
    if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
        Class::Break
    } else if c.is_whitespace() || c.is_control() || is_invisible(c) {
        Class::Space
    } else if is_quote_mark(c) {
        // Before the letter tests: quotation marks are punctuation, never letters or digits.
        Class::Quote
    } else if is_general_punctuation(c) {
        Class::Other
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Other
    }
}

/// True for the General Punctuation block (U+2000..=U+206F: dashes, curly quotes, the ellipsis, invisible marks),
/// which has no letters, digits or combining marks (a unit test checks): most non-ASCII chars of news text are
/// there, and this answers for them without the Unicode tables.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// `c.is_alphanumeric()`, quick for the General Punctuation block.
#[inline]
fn is_alnum(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric()
}

/// True for an ASCII letter or digit (what `u8::is_ascii_alphanumeric` says), by [`BYTE_CLASS`].
#[inline]
fn is_ascii_alnum(b: u8) -> bool {
    matches!(BYTE_CLASS[b as usize], Class::Letter | Class::Digit)
}

/// A paragraph or a sentence: its byte span and its token range `[tok_start, tok_end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub tok_start: usize,
    pub tok_end: usize,
}

/// The analysed text with its tokens, paragraphs and sentences.
pub struct Document<'a> {
    pub text: &'a str,
    /// Where the analysed part of `text` starts (see [`Document::new_range`]).
    start: usize,
    /// `text[start..]` with ASCII letters lower-cased (byte `b` of the text is byte `b - start` here): each token's
    /// [`Document::lower`] form.
    lower_text: String,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Segment>,
    pub sentences: Vec<Segment>,
    /// For each token, the index of its sentence.
    pub sent_of: Vec<u32>,
    /// For each paragraph: true if it belongs to page furniture ("Top stories", "Read more", newsletter boxes).
    pub boilerplate: Vec<bool>,
    /// The words broken across a soft line break ([`Token::joined`]): token index and [`Document::lower`] form.
    joined: Vec<(u32, Box<str>)>,
    /// True if some line breaks are read as spaces: lines of hard-wrapped text rejoined ([`wrap`]).
    pub wrapped: bool,
}

/// The large buffers go back to `crate::scratch` for the next document.
impl Drop for Document<'_> {
    fn drop(&mut self) {
        crate::scratch::keep_tokens(std::mem::take(&mut self.tokens));
        crate::scratch::keep_bytes(std::mem::take(&mut self.lower_text).into_bytes());
        crate::scratch::keep_u32s(std::mem::take(&mut self.sent_of));
        crate::scratch::keep_segments(std::mem::take(&mut self.paragraphs));
        crate::scratch::keep_segments(std::mem::take(&mut self.sentences));
    }
}

/// Abbreviations that take a period and do not end a sentence (lower case, without the period), sorted for a binary
/// search.
const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "al", "ald", "amb", "approx", "apr", "atty", "aug", "brig", "capt", "cdre",
    "cmdr", "cmdre", "co", "col", "const", "corp", "coun", "cpl", "cst", "d.c", "dec", "dept",
    "det", "dr", "e.g", "est", "etc", "feb", "fig", "fr", "ft", "gen", "gov", "hon", "i.e", "inc",
    "insp", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms",
    "msgr", "mt", "no", "nos", "nov", "oct", "p.m", "pres", "prof", "pte", "pvt", "rep", "rev",
    "sen", "sep", "sept", "sgt", "spc", "sr", "st", "supt", "u.k", "u.n", "u.s", "vs",
];

impl<'a> Document<'a> {
    /// The document of all of `text` (offsets are u32: at most the first 4 GiB - 1 are analysed, cut on a char
    /// boundary by [`Document::new_range`]).
    pub fn new(text: &'a str) -> Self {
        Document::new_range(text, 0..text.len())
    }

    /// The document of the part `range` of `text`, for analysing a long text a section at a time: offsets (tokens,
    /// spans) are offsets into all of `text`, token, sentence and paragraph indexes count from the section's start,
    /// and [`Document::text`] is `text` up to the section's end. The range should run from a paragraph's start to a
    /// paragraph break (it is clamped to `text` and to char boundaries, and cut to 4 GiB - 1 like [`Document::new`]).
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn new_range(text: &'a str, range: std::ops::Range<usize>) -> Self {
        let mut end = range.end.min(u32_limit(text));
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut start = range.start.min(end);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let text = &text[..end];
        let mut lower_text =
            String::from_utf8(crate::scratch::bytes(end - start)).unwrap_or_default();
        lower_text.push_str(&text[start..]);
        lower_text.make_ascii_lowercase();
        let mut doc = Document {
            text,
            start,
            lower_text,
            tokens: crate::scratch::tokens((end - start) / 5 + 1),
            paragraphs: crate::scratch::segments(),
            sentences: crate::scratch::segments(),
            sent_of: Vec::new(),
            boilerplate: Vec::new(),
            joined: Vec::new(),
            wrapped: false,
        };
        // Every line break a paragraph; then, if the text has hard-wrapped lines, again with the breaks its paragraphs
        // go on across read as spaces.
        let mut breaks = crate::scratch::u32s(0, 0);
        doc.tokenize(&[], &mut breaks);
        let mut soft = Vec::new();
        wrap::soft_breaks_at(text, start, end, &breaks, &mut soft);
        crate::scratch::keep_u32s(breaks);
        if !soft.is_empty() {
            doc.wrapped = true;
            doc.tokens.clear();
            doc.paragraphs.clear();
            doc.tokenize(&soft, &mut Vec::new());
        }
        doc.split_sentences();
        doc.mark_furniture();
        doc
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// Whether token `i` is a possessive ending, `’s` or `'s` (a token of its own; `’S` in capitals too), or the apostrophe
    /// of a plural possessive (`farmers’`).
    #[inline(never)]
    pub fn is_possessive(&self, i: usize) -> bool {
        // (The first byte of ' or ’ first: most tokens are no possessive.)
        matches!(self.first_byte(i), b'\'' | 0xE2)
            && match self.lower(i, &mut [0u8; 48]) {
                "’s" | "'s" => true,
                // (A plural possessive's apostrophe, once pairing found it no quotation mark:
                // [`crate::quotes::settle_apostrophes`].)
                "’" | "'" => self.tokens[i].kind == Kind::Word,
                _ => false,
            }
    }

    /// The first byte of token `i` (0 if out of range).
    #[inline]
    pub fn first_byte(&self, i: usize) -> u8 {
        self.tokens
            .get(i)
            .map(|t| self.text.as_bytes()[t.start as usize])
            .unwrap_or(0)
    }

    /// True if token `i` is the single character `c`.
    #[inline]
    pub fn is(&self, i: usize, c: char) -> bool {
        i < self.tokens.len() && {
            let s = self.tok(i);
            s.len() == c.len_utf8() && s.starts_with(c)
        }
    }

    /// True if token `i` is a word starting with an upper-case letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` with its ASCII letters lower-cased (other bytes are kept); `""` for a token longer than 48 bytes or
    /// out of range. Read from the lower-cased copy of the text made once; `_buf` is not used (it was the buffer
    /// each call lower-cased into, kept so that callers need not change).
    #[inline]
    pub fn lower<'b>(&'b self, i: usize, _buf: &'b mut [u8; 48]) -> &'b str {
        match self.tokens.get(i) {
            Some(t) if t.end - t.start <= 48 && !t.joined => {
                &self.lower_text[t.start as usize - self.start..t.end as usize - self.start]
            }
            Some(_) => self.joined_lower(i),
            None => "",
        }
    }

    /// [`Document::lower`] of a word broken across a soft line break, or `""` for a long token (out of line: most
    /// texts have no such word).
    #[cold]
    #[inline(never)]
    fn joined_lower(&self, i: usize) -> &str {
        let k = self.joined.partition_point(|j| j.0 < i as u32);
        match self.joined.get(k) {
            Some((j, w)) if *j == i as u32 && w.len() <= 48 => w,
            _ => "",
        }
    }

    /// The sentence that token `i` is in.
    #[inline]
    pub fn sentence_of(&self, i: usize) -> &Segment {
        &self.sentences[self.sent_of[i] as usize]
    }

    /// Byte span from the start of token `a` to the end of token `b` (inclusive).
    #[inline]
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].start as usize, self.tokens[b].end as usize)
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at_or_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| (t.start as usize) < b)
    }

    /// [`Document::token_at_or_after`], searched outwards from token `near` in growing steps: a few cache lines
    /// when the answer is close to it, where a binary search over all tokens misses the cache at each step on
    /// long texts.
    pub fn token_at_or_after_near(&self, b: usize, near: usize) -> usize {
        let n = self.tokens.len();
        let before = |k: usize| (self.tokens[k].start as usize) < b;
        let near = near.min(n);
        // The answer is in `lo..=hi`: every token before `lo` starts before `b`; token `hi` (if any) does not.
        let (mut lo, mut hi) = (near + 1, near);
        let mut step = 1;
        if near < n && before(near) {
            hi = loop {
                let h = near + step;
                if h >= n {
                    break n;
                }
                if !before(h) {
                    break h;
                }
                lo = h + 1;
                step *= 2;
            };
        } else {
            lo = loop {
                if step > near {
                    break 0;
                }
                let l = near - step;
                if before(l) {
                    break l + 1;
                }
                hi = l;
                step *= 2;
            };
        }
        lo + self.tokens[lo..hi].partition_point(|t| (t.start as usize) < b)
    }

    /// Tokens and paragraphs; a line break in `soft` (see [`wrap::soft_breaks`]) is a space inside a paragraph.
    /// The offset of every line break is pushed onto `breaks`.
    fn tokenize(&mut self, soft: &[u32], breaks: &mut Vec<u32>) {
        let text = self.text;
        // The next soft break at or after `i`.
        let mut soft_at = 0;
        let bytes = text.as_bytes();
        let mut para: u32 = 0;
        let mut para_start_tok = 0usize;
        let mut para_start_byte: Option<usize> = None;
        let mut space_before = true;
        let mut i = self.start;
        let close_para = |doc: &mut Document, start_tok: usize, start_byte: Option<usize>| {
            if let Some(sb) = start_byte {
                if doc.tokens.len() > start_tok {
                    let end = doc.tokens.last().map(|t| t.end as usize).unwrap_or(sb);
                    doc.paragraphs.push(Segment {
                        span: Span::new(sb, end),
                        tok_start: start_tok,
                        tok_end: doc.tokens.len(),
                    });
                }
            }
        };
        while i < bytes.len() {
            let b = bytes[i];
            // The class of the char at `i`: a table for ASCII (most of the text), the Unicode tests otherwise.
            let (class, c) = if b < 0x80 {
                (BYTE_CLASS[b as usize], b as char)
            } else {
                let c = next_char(text, i);
                (char_class(c), c)
            };
            let clen = c.len_utf8();
            match class {
                Class::Break => {
                    breaks.push(i as u32);
                    while soft.get(soft_at).is_some_and(|&k| (k as usize) < i) {
                        soft_at += 1;
                    }
                    if soft.get(soft_at) == Some(&(i as u32)) {
                        space_before = true;
                        i += clen;
                        continue;
                    }
                    if para_start_byte.is_some() {
                        close_para(self, para_start_tok, para_start_byte);
                        para += 1;
                        para_start_byte = None;
                    }
                    para_start_tok = self.tokens.len();
                    space_before = true;
                    i += clen;
                    continue;
                }
                Class::Space => {
                    space_before = true;
                    i += clen;
                    continue;
                }
                _ => {}
            }
            if para_start_byte.is_none() {
                para_start_byte = Some(i);
                para_start_tok = self.tokens.len();
            }
            let start = i;
            let kind;
            let mut joined = false;
            if class == Class::Letter {
                i = scan_word(text, i);
                // A word broken by a hyphen at a soft break goes on after it.
                if !soft.is_empty() {
                    if let Some(end) = hyphen_join(text, i, soft) {
                        i = end;
                        joined = true;
                    }
                }
                kind = Kind::Word;
            } else if class == Class::Digit {
                i = scan_number(text, i);
                // "3rd", "1990s", "COVID-19" style: digits followed by letters stay one word.
                kind = if bytes[start..i].iter().any(|b| b.is_ascii_alphabetic()) {
                    Kind::Word
                } else {
                    Kind::Number
                };
            } else if class == Class::Quote {
                i += clen;
                // Typewriter doubles: '' and `` stand for a double quotation mark (as in some wire and NYT copy).
                if (c == '\'' || c == '`') && i < bytes.len() && bytes[i] == c as u8 {
                    i += 1;
                }
                kind = Kind::QuoteMark;
            } else {
                i += clen;
                // Keep "--" and "..." together; everything else is one char.
                if (c == '-' || c == '.') && i < bytes.len() && bytes[i] == c as u8 {
                    while i < bytes.len() && bytes[i] == c as u8 {
                        i += 1;
                    }
                }
                kind = Kind::Punct;
            }
            if joined {
                let mut w = unbreak(&text[start..i]).into_owned();
                w.make_ascii_lowercase();
                let w = match possessive_split(w.as_bytes()) {
                    Some(pos) => w[..pos].into(),
                    None => w.into(),
                };
                self.joined.push((self.tokens.len() as u32, w));
            }
            // Possessive 's / ’s split off a word so that "Zelensky’s" yields the name "Zelensky".
            if kind == Kind::Word {
                if let Some(pos) = possessive_split(&bytes[start..i]) {
                    self.tokens.push(Token {
                        start: start as u32,
                        end: (start + pos) as u32,
                        kind,
                        para,
                        space_before,
                        cap: c.is_uppercase(),
                        joined,
                    });
                    // The apostrophe's token: never capitalised.
                    self.tokens.push(Token {
                        start: (start + pos) as u32,
                        end: i as u32,
                        kind: Kind::Word,
                        para,
                        space_before: false,
                        cap: false,
                        joined: false,
                    });
                    space_before = false;
                    continue;
                }
            }
            // `c` is the token's first char.
            self.tokens.push(Token {
                start: start as u32,
                end: i as u32,
                kind,
                para,
                space_before,
                cap: kind == Kind::Word && c.is_uppercase(),
                joined,
            });
            space_before = false;
        }
        close_para(self, para_start_tok, para_start_byte);
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        self.sent_of = crate::scratch::u32s(n, 0);
        let mut buf = [0u8; 48];
        let bytes = self.text.as_bytes();
        // Most tokens can end no sentence: every ender starts with `.`, `!`, `?` or `…` (0xE2 in UTF-8) and an
        // initialism ends with `.`. A tight scan for these skips to the next token that needs a closer look.
        let candidate = |t: &Token| {
            matches!(bytes[t.start as usize], b'.' | b'!' | b'?' | 0xE2)
                || bytes[t.end as usize - 1] == b'.'
        };
        // `NEW DELHI: The ministry said …`: capitals and a colon opening one of the first three paragraphs are a
        // dateline too, unless another paragraph of the text's head opens so (a transcript labels every turn).
        let mut colon_dateline = None;
        let mut labels = 0;
        for (p, para) in self.paragraphs.iter().enumerate() {
            if self
                .tokens
                .get(para.tok_start)
                .is_none_or(|t| t.start as usize >= HEAD_BYTES)
            {
                break;
            }
            if self
                .dateline_end(para.tok_start, para.tok_end, true)
                .is_some_and(|d| self.tok(d - 1) == ":")
            {
                labels += 1;
                if p < 3 && colon_dateline.is_none() {
                    colon_dateline = Some(p);
                }
            }
        }
        if labels > 1 {
            colon_dateline = None;
        }
        for p in 0..self.paragraphs.len() {
            let Segment {
                tok_start, tok_end, ..
            } = self.paragraphs[p];
            let mut s = tok_start;
            // A dateline is a sentence of its own: `OTTAWA — The minister said …`.
            if let Some(d) = self.dateline_end(tok_start, tok_end, colon_dateline == Some(p)) {
                self.push_sentence(s, d);
                s = d;
            }
            let mut i = s;
            while i < tok_end {
                match self.tokens[i..tok_end].iter().position(candidate) {
                    Some(k) => i += k,
                    None => break,
                }
                let t = self.tok(i);
                let ender = matches!(t, "." | "!" | "?" | "…" | "..." | "?!" | "!?");
                // An initialism that ends the sentence carries its period inside: `… in the U.S. He says …`.
                if !ender
                    && t.len() >= 4
                    && t.ends_with('.')
                    && i + 1 < tok_end
                    && self.tokens[i + 1].space_before
                    && self.starts_sentence_after_abbreviation(i + 1)
                {
                    self.push_sentence(s, i + 1);
                    s = i + 1;
                    i += 1;
                    continue;
                }
                if ender && i + 1 < tok_end {
                    // Swallow closing quotes and brackets after the period.
                    let mut j = i + 1;
                    while j < tok_end
                        && !self.tokens[j].space_before
                        && (self.tokens[j].kind == Kind::QuoteMark
                            || matches!(self.tok(j), ")" | "]" | "." | "!" | "?"))
                    {
                        j += 1;
                    }
                    let starts_new =
                        j < tok_end && self.tokens[j].space_before && self.can_start_sentence(j);
                    let abbrev = t == "."
                        && i > tok_start
                        && !self.tokens[i].space_before
                        && {
                            let w = self.lower(i - 1, &mut buf);
                            self.tokens[i - 1].kind == Kind::Word
                                && (ABBREVIATIONS.binary_search(&w).is_ok()
                                    && !(j < tok_end && self.ends_after_abbreviation(w, j))
                                // Single capital initials: "J. Smith", "George W. Bush".
                                || (self.tok(i - 1).chars().count() == 1 && self.is_capitalized(i - 1)))
                        };
                    if starts_new && !abbrev {
                        self.push_sentence(s, j);
                        s = j;
                        i = j;
                        continue;
                    }
                    i = j.max(i + 1);
                    continue;
                }
                i += 1;
            }
            if s < tok_end {
                self.push_sentence(s, tok_end);
            }
        }
    }

    /// If the paragraph of tokens `a..b` opens with a dateline — words in capitals, perhaps a comma and a state or
    /// country, perhaps an agency in brackets, then a dash: `OTTAWA —`, `BEDFORD, N.H. (AP) —`, `KYIV, Ukraine
    /// (Reuters) -`, or with `colon` a colon after no acronym alone: `NEW DELHI:` — the index of the token after the
    /// dash or colon (some text must follow).
    #[inline(never)]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn dateline_end(&self, a: usize, b: usize, colon: bool) -> Option<usize> {
        // Capitals up to a comma or bracket; then capitalised words too (`KYIV, Ukraine`, `RENO, Nev.`, `(Reuters)`).
        let mut loose = false;
        for k in a..b.min(a + 12) {
            let t = self.tok(k);
            if k > a
                && (matches!(t, "—" | "–" | "-" | "--")
                    || colon && t == ":" && (k > a + 1 || self.tok(a).len() > 3))
            {
                return (k + 1 < b).then_some(k + 1);
            }
            loose |= k > a && matches!(t, "," | "(");
            let ok = if loose {
                self.tokens[k].cap || matches!(t, "," | "." | "(" | ")")
            } else {
                self.tokens[k].kind == Kind::Word
                    && t.len() > 1
                    && !t.bytes().any(|c| c.is_ascii_lowercase())
            };
            if !ok {
                return None;
            }
        }
        None
    }

    /// Whether the sentence ends after the abbreviation `w` (lower case, without its period) before token `j`: when a
    /// sentence's first word follows it (`… of Acme Inc. The union said`, not `Dr. A. Lee`) or, after no title, a
    /// quotation mark (`… Acme Corp. “We …`, not `Sen. “Chuck” Lee`); and after "no." unless a number follows (`he
    /// said no. Officials`, not `No. 10`).
    #[cfg_attr(whosaid_small, optimize(size))]
    fn ends_after_abbreviation(&self, w: &str, j: usize) -> bool {
        matches!(w, "no" | "nos") && !self.first_byte(j).is_ascii_digit()
            || self.starts_sentence_after_abbreviation(j) && !self.is(j + 1, '.')
            || self.tokens[j].kind == Kind::QuoteMark && crate::lexicon::title(w).is_none()
    }

    /// After an abbreviation, only a word that typically opens a sentence ("He", "The", "But") starts a new one;
    /// "U.S. Army" stays together.
    #[cfg_attr(whosaid_small, optimize(size))]
    fn starts_sentence_after_abbreviation(&self, j: usize) -> bool {
        const OPENERS: &[&str] = &[
            "he",
            "she",
            "it",
            "they",
            "we",
            "i",
            "you",
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "but",
            "and",
            "in",
            "on",
            "at",
            "if",
            "when",
            "while",
            "after",
            "before",
            "as",
            "his",
            "her",
            "their",
            "its",
            "our",
            "there",
            "still",
            "yet",
            "so",
            "meanwhile",
            "however",
            "earlier",
            "later",
            "since",
        ];
        let mut buf = [0u8; 48];
        self.is_capitalized(j) && OPENERS.contains(&self.lower(j, &mut buf))
    }

    fn can_start_sentence(&self, j: usize) -> bool {
        let t = self.tok(j);
        let c = t.chars().next().unwrap_or(' ');
        c.is_uppercase()
            || c.is_numeric()
            || self.tokens[j].kind == Kind::QuoteMark
            || matches!(t, "(" | "[" | "—" | "–" | "-")
    }

    fn push_sentence(&mut self, a: usize, b: usize) {
        let idx = self.sentences.len() as u32;
        for k in a..b {
            self.sent_of[k] = idx;
        }
        self.sentences.push(Segment {
            span: Span::new(
                self.tokens[a].start as usize,
                self.tokens[b - 1].end as usize,
            ),
            tok_start: a,
            tok_end: b,
        });
    }
}

/// `s` without the chars `strip` picks at its start (if `start`) and at its end (if `end`). One function for every
/// such trim: each closure or function given to `trim_matches` compiled a copy of its own into the page's wasm.
#[inline(never)]
pub fn trim_chars(s: &str, strip: fn(char) -> bool, start: bool, end: bool) -> &str {
    let mut s = s;
    if start {
        let from = s
            .char_indices()
            .find(|&(_, c)| !strip(c))
            .map_or(s.len(), |(i, _)| i);
        s = &s[from..];
    }
    if end {
        let to = s
            .char_indices()
            .rev()
            .find(|&(_, c)| !strip(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        s = &s[..to];
    }
    s
}

/// `s` without `suffix` repeated at its end: `str::trim_end_matches` with a string, without the string searcher
/// that pattern pulls into the page's wasm.
pub fn trim_suffix<'s>(mut s: &'s str, suffix: &str) -> &'s str {
    while let Some(r) = s.strip_suffix(suffix) {
        s = r;
    }
    s
}

/// `s` without `prefix` repeated at its start (`str::trim_start_matches` with a string, without the searcher).
pub fn trim_prefix<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(r) = s.strip_prefix(prefix) {
        s = r;
    }
    s
}

/// Whether `needle` occurs in `hay` (`str::contains` with a string, without the string searcher).
pub fn has_substring(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    // Each place of the needle's first byte, then the rest compared.
    let mut i = 0;
    while let Some(p) = hay[i..].iter().position(|&b| b == first) {
        if hay[i + p + 1..].starts_with(rest) {
            return true;
        }
        i += p + 1;
    }
    false
}

/// Lower-cases `s` into `buf` (ASCII letters only) and returns it; `""` if it does not fit.
#[inline]
pub fn lower_into<'b>(s: &str, buf: &'b mut [u8; 48]) -> &'b str {
    let b = s.as_bytes();
    if b.len() > buf.len() {
        return "";
    }
    for (d, &c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    // Only ASCII bytes changed, so the result is still valid UTF-8.
    std::str::from_utf8(&buf[..b.len()]).unwrap_or("")
}

/// The head of a text, in bytes: the first section holds it ([`sections`]).
pub const HEAD_BYTES: usize = 2048;

/// ASCII letters and digits of a paragraph after which [`sections`] may cut.
pub const LONG_PARAGRAPH: usize = 300;

/// Splits `text` into sections of at least `size` bytes (the last may be shorter) for [`Document::new_range`], at
/// paragraph breaks where nothing the analysis reads runs across:
/// - the paragraph before the break has at least 300 ASCII letters and digits, so its span is at least 300 bytes long:
///   it is not page furniture's heading or teaser, and no furniture box runs on past it ([`Document`]'s
///   `mark_furniture`);
/// - the paragraph after it does not open with a quotation mark, so no quotation goes on into it (the quote stage's
///   multi-paragraph quotes) and no sieve gives it the speaker of the paragraph before (`continuation`,
///   `leading_cue`, `colon`), and does not open page furniture ([`furniture::opens_furniture`]), so a statement that
///   goes on after a box goes on in a section too (`continuation`);
/// - a sentence never runs across a paragraph break, and the entity stage ([`crate::entities::Linker`]) carries its
///   state from one section to the next;
/// - a section opens at the start of its first line, with the line's indent and invisible chars, so that the
///   hard-wrap test ([`wrap`]) measures its lines as in the whole text.
///
/// The first section is at least [`HEAD_BYTES`] long: what the analysis reads of a text's head (datelines) is in it
/// whatever the size. A text with no such break is one section. The sections cover `text` in order, each from where
/// the last ended.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn sections(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let size = size.max(1);
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    let mut at = size.max(HEAD_BYTES);
    while at < bytes.len() {
        // The next line break at or after `at`.
        let Some(nl) = bytes[at..].iter().position(|&b| b == b'\n' || b == b'\r') else {
            break;
        };
        let brk = at + nl;
        // The paragraph before the break: from the last break of any kind before it.
        let line = bytes[..brk]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |k| k + 1);
        let para = &text[line..brk];
        // (After the last Unicode line or paragraph separator in it.)
        let para = para
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}'))
            .map_or(para, |(k, c)| &para[k + c.len_utf8()..]);
        // Its span runs from its first token to its last, over all its ASCII letters and digits.
        let long_before = para.bytes().filter(|&b| is_ascii_alnum(b)).count() >= LONG_PARAGRAPH;
        // The first char of the next paragraph: past the breaks, spaces and invisible chars.
        let mut next = brk;
        let mut first = None;
        for (k, c) in text[brk..].char_indices() {
            if !matches!(char_class(c), Class::Break | Class::Space) {
                next = brk + k;
                first = Some(c);
                break;
            }
        }
        let Some(first) = first else {
            break;
        };
        // The next paragraph's first line (to any break that ends a paragraph).
        let next_line = &text[next..];
        let next_line = &next_line[..next_line.find(is_break).unwrap_or(next_line.len())];
        if long_before && !is_quote_mark(first) && !furniture::opens_furniture(next_line) {
            // The section opens at the start of that paragraph's line, its indent and invisible chars with it: the
            // hard-wrap test reads its lines as the whole text does.
            let cut = text[brk..next]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| char_class(c) == Class::Space && !matches!(c, '\n' | '\r'))
                .last()
                .map_or(next, |(k, _)| brk + k);
            out.push(start..cut);
            start = cut;
            at = next + size;
        } else {
            at = next;
        }
    }
    out.push(start..text.len());
    out
}

/// Where a word that [`scan_word`] ended at `i` ends when a hyphen at a soft line break goes on with it: `text[i..]`
/// is the hyphen (`-` or `‐`), white space up to a break in `soft`, and white space up to a letter, from where the
/// word goes on (and may break again). None if the word does not go on. (Out of line: most texts have no soft break.)
#[cold]
#[inline(never)]
#[cfg_attr(whosaid_small, optimize(size))]
fn hyphen_join(text: &str, mut i: usize, soft: &[u32]) -> Option<usize> {
    let mut joined = false;
    loop {
        let Some(rest) = text.get(i..) else {
            return joined.then_some(i);
        };
        let Some(after) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('‐')) else {
            return joined.then_some(i);
        };
        let brk = text.len() - after.trim_start_matches([' ', '\t']).len();
        let next = after.trim_start();
        if soft.binary_search(&(brk as u32)).is_err() || !next.starts_with(char::is_alphabetic) {
            return joined.then_some(i);
        }
        i = scan_word(text, text.len() - next.len());
        joined = true;
    }
}

/// `s` with the line breaks of rejoined hard-wrapped text undone: a word broken by a hyphen at a line break is one
/// word again, without the hyphen when its rest opens in lower case (`an-¶nounced` → `announced`; `Smith-¶Jones`
/// → `Smith-Jones`), and every other break, with the white space around it, is one space. For a span inside one
/// paragraph (a name, a description, a word), whose breaks are all soft.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn unbreak(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\n', '\r']) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find(['\n', '\r']) {
        let before = rest[..k].trim_end_matches([' ', '\t']);
        let after = rest[k..].trim_start();
        let lower_next = after.starts_with(char::is_lowercase);
        let hyphen = before
            .strip_suffix('-')
            .or_else(|| before.strip_suffix('‐'))
            .filter(|b| b.ends_with(char::is_alphabetic) && after.starts_with(char::is_alphabetic));
        match hyphen {
            Some(b) if lower_next => out.push_str(b),
            Some(_) => out.push_str(before),
            None => {
                out.push_str(before);
                out.push(' ');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out.into()
}

/// The longest prefix of `text` with u32 offsets (4 GiB - 1 bytes), cut on a char boundary.
pub fn u32_limit(text: &str) -> usize {
    let mut limit = text.len().min(u32::MAX as usize - 1);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    limit
}

#[inline]
fn next_char(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Zero-width and formatting characters that are neither words nor punctuation.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
}

/// Characters that can be quotation marks (see `crate::quotes` for how each pairs).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '´'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '‟'
            | '‛'
            | '′'..='‷'
            | '⹂'
            | '「'..='』'
            | '＂'
            | '〝'..='〟'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Scans a word from `i`: letters, digits, combining marks, and inner apostrophes, hyphens and initials' periods.
#[inline(always)]
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Letters, digits, combining marks.
        while i < bytes.len() {
            // A run of ASCII letters and digits, by a tight scan.
            i += bytes[i..]
                .iter()
                .position(|&b| !is_ascii_alnum(b))
                .unwrap_or(bytes.len() - i);
            if i >= bytes.len() || bytes[i] < 0x80 {
                break;
            }
            let c = next_char(text, i);
            if is_alnum(c) || is_combining(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        // Only an apostrophe, a hyphen, `&` or a period (or a non-ASCII char) can go on with the word.
        if i >= bytes.len() || !matches!(bytes[i], b'\'' | b'-' | b'&' | b'.' | 0x80..) {
            return i;
        }
        // A joiner followed by a letter continues the word.
        let c = next_char(text, i);
        let after = i + c.len_utf8();
        let next_is_letter = after < bytes.len() && is_alnum(next_char(text, after));
        if next_is_letter && (is_apostrophe(c) || c == '-' || c == '‐' || c == '&') {
            i = after;
            continue;
        }
        // Initials: "U.S." — a single letter, a period, a single letter.
        if c == '.' && next_is_letter {
            // The letter after the period must be ASCII before `after + 1` is read as a char boundary
            // ("a.ꀝ" panicked here: found by the fuzz target).
            let ascii_next = bytes[after].is_ascii_alphabetic();
            let prev_single = ascii_next && word_ends_with_single_letter(text, i);
            let next_single =
                ascii_next && (after + 1 >= bytes.len() || !is_alnum(next_char(text, after + 1)));
            if prev_single && next_single {
                i = after + 1;
                // Keep a trailing period of the initialism ("U.S.") when another letter-period pair came before.
                if i < bytes.len() && bytes[i] == b'.' {
                    let end_ok = i + 1 >= bytes.len() || !bytes[i + 1].is_ascii_alphanumeric();
                    if end_ok {
                        i += 1;
                        return i;
                    }
                }
                continue;
            }
        }
        return i;
    }
}

fn word_ends_with_single_letter(text: &str, end: usize) -> bool {
    let mut it = text[..end].chars().rev();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => a.is_alphabetic() && !is_alnum(b),
        (Some(a), None) => a.is_alphabetic(),
        _ => false,
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn scan_number(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i].is_ascii_alphabetic()) {
            i += 1;
        }
        if i < bytes.len() && bytes[i] >= 0x80 {
            let c = next_char(text, i);
            if is_alnum(c) {
                i += c.len_utf8();
                continue;
            }
        }
        if i + 1 < bytes.len()
            && matches!(bytes[i], b'.' | b',' | b':')
            && bytes[i + 1].is_ascii_digit()
        {
            i += 1;
            continue;
        }
        return i;
    }
}

/// Where a trailing possessive `'s` / `’s` starts in a word, if it has one ("Zelensky’s" → 8).
#[inline(always)]
fn possessive_split(w: &[u8]) -> Option<usize> {
    if !matches!(w.last(), Some(b's' | b'S')) {
        return None;
    }
    for suf in ["’s", "'s", "’S", "'S"] {
        if w.len() > suf.len() + 1 && w.ends_with(suf.as_bytes()) {
            return Some(w.len() - suf.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<String> {
        let d = Document::new(t);
        (0..d.tokens.len()).map(|i| d.tok(i).to_string()).collect()
    }

    fn sents(t: &str) -> Vec<String> {
        let d = Document::new(t);
        d.sentences
            .iter()
            .map(|s| s.span.text(t).to_string())
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens_and_split_possessives() {
        assert_eq!(
            toks("Ukraine’s talks don’t stop; the Belarus-Ukraine border."),
            [
                "Ukraine",
                "’s",
                "talks",
                "don’t",
                "stop",
                ";",
                "the",
                "Belarus-Ukraine",
                "border",
                "."
            ]
        );
    }

    #[test]
    fn quote_marks_are_their_own_tokens() {
        assert_eq!(
            toks("“Hi,” he said."),
            ["“", "Hi", ",", "”", "he", "said", "."]
        );
        assert_eq!(
            toks("the Ukrainians’ view"),
            ["the", "Ukrainians", "’", "view"]
        );
    }

    #[test]
    fn initials_and_numbers() {
        assert_eq!(
            toks("U.S. aid of $3,500.50 in 2022."),
            ["U.S.", "aid", "of", "$", "3,500.50", "in", "2022", "."]
        );
    }

    #[test]
    fn paragraphs_are_lines() {
        let d = Document::new("First line.\nSecond line.\n\n\nThird.\r\nFourth");
        let p: Vec<&str> = d.paragraphs.iter().map(|p| p.span.text(d.text)).collect();
        assert_eq!(p, ["First line.", "Second line.", "Third.", "Fourth"]);
        assert_eq!(d.tokens.last().unwrap().para, 3);
    }

    /// A passage hard-wrapped at about 66 columns, with words hyphenated at the line ends, and a short paragraph.
    const WRAPPED: &str = "Officials in the northern province said on Thursday that the flood-\n\
        ing had forced more than twelve thousand people from their homes.\n\
        “We have never seen anything like this in my lifetime,” the gover-\n\
        nor of the province, Marta Ilves-Kask, told reporters. She an-\n\
        nounced that three shelters would open in the schools of the worst-\n\
        hit towns.\n\
        \n\
        Soldiers arrived on Friday. “We will rebuild every school,” Ilves-\n\
        Kask said.";

    #[test]
    fn hard_wrapped_lines_make_one_paragraph_with_offsets_into_the_text() {
        let d = Document::new(WRAPPED);
        let p: Vec<&str> = d.paragraphs.iter().map(|p| p.span.text(WRAPPED)).collect();
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(p[0].starts_with("Officials") && p[0].ends_with("hit towns."));
        assert_eq!(
            p[1],
            "Soldiers arrived on Friday. “We will rebuild every school,” Ilves-\nKask said."
        );
        // Sentences run across the breaks.
        assert_eq!(
            sents(WRAPPED)[1],
            "“We have never seen anything like this in my lifetime,” the gover-\n\
             nor of the province, Marta Ilves-Kask, told reporters."
        );
    }

    #[test]
    fn a_word_broken_by_a_hyphen_at_a_soft_break_is_one_token_read_whole() {
        let d = Document::new(WRAPPED);
        let mut buf = [0; 48];
        let find = |w: &str| (0..d.tokens.len()).find(|&i| d.tok(i) == w).unwrap();
        for (raw, read) in [
            ("flood-\ning", "flooding"),
            ("gover-\nnor", "governor"),
            ("an-\nnounced", "announced"),
            ("worst-\nhit", "worsthit"),
            ("Ilves-\nKask", "ilves-kask"),
            ("Ilves-Kask", "ilves-kask"),
        ] {
            let i = find(raw);
            assert_eq!(d.lower(i, &mut buf), read, "{raw:?}");
            assert_eq!(d.tokens[i].joined, raw.contains('\n'));
        }
        assert!(d.is_capitalized(find("Ilves-\nKask")));
        // A hyphen before a hard break (a paragraph's end) stays apart.
        let t = "Officials said the plan was well-\n\nknown to all.";
        assert_eq!(toks(t)[5..8], ["well", "-", "known"]);
    }

    #[test]
    fn unbreak_undoes_the_breaks_of_a_rejoined_span() {
        assert_eq!(unbreak("no break here"), "no break here");
        assert_eq!(
            unbreak("Marta \n  Ilves-\r\nKask an-\nnounced"),
            "Marta Ilves-Kask announced"
        );
        assert_eq!(
            unbreak("ends with a hyphen -\nthen"),
            "ends with a hyphen - then"
        );
        assert_eq!(unbreak("3-\n4 votes"), "3- 4 votes");
    }

    #[test]
    fn sentences_respect_abbreviations_initials_and_quotes() {
        assert_eq!(
            sents("Gov. Mike Pence spoke on Sept. 11 in the U.S. capital. George W. Bush did not. “It ended.” He left."),
            [
                "Gov. Mike Pence spoke on Sept. 11 in the U.S. capital.",
                "George W. Bush did not.",
                "“It ended.”",
                "He left."
            ]
        );
    }

    #[test]
    fn initialisms_end_sentences_only_before_a_sentence_opener() {
        assert_eq!(
            sents("He spoke in the U.S. He left. The U.S. Army came."),
            ["He spoke in the U.S.", "He left.", "The U.S. Army came."]
        );
    }

    #[test]
    fn abbreviations_end_sentences_before_a_sentence_opener() {
        assert_eq!(
            sents("It signed with Tarn Ltd. The union left. He voted no. Officials left. Dr. A. Ruiz saw No. 9 Ash St. Here."),
            [
                "It signed with Tarn Ltd.",
                "The union left.",
                "He voted no.",
                "Officials left.",
                "Dr. A. Ruiz saw No. 9 Ash St. Here."
            ]
        );
    }

    #[test]
    fn sentences_do_not_cross_paragraphs() {
        assert_eq!(sents("He said it\nThen left"), ["He said it", "Then left"]);
    }

    #[test]
    fn furniture_boxes_are_marked() {
        let t = "He said the talks went well.\n\n Top stories\nAuthorities said 192 troops were killed.\nA teaser here.\nPartner news\n---";
        let d = Document::new(t);
        assert_eq!(d.boilerplate, [false, true, true, true, true, true]);
    }

    #[test]
    fn empty_and_blank_inputs() {
        for t in ["", " ", "\n\n", "\u{feff}", "\u{200b}\r"] {
            let d = Document::new(t);
            assert!(
                d.tokens.is_empty() && d.paragraphs.is_empty() && d.sentences.is_empty(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn token_search_near_a_hint_agrees_with_the_binary_search() {
        let t = "He said: “We will, we will.” Then   he left.\n\nZé’s «ü» 😀 talks — x…y";
        let d = Document::new(t);
        for b in 0..=t.len() + 2 {
            for near in 0..=d.tokens.len() + 2 {
                assert_eq!(
                    d.token_at_or_after_near(b, near),
                    d.token_at_or_after(b),
                    "{b} {near}"
                );
            }
        }
        let e = Document::new("");
        assert_eq!(e.token_at_or_after_near(3, 5), 0);
    }

    #[test]
    fn byte_classes_agree_with_the_unicode_tests() {
        for b in 0..0x80u8 {
            let want = match b {
                b'\n' | b'\r' => Class::Break,
                _ => char_class(b as char),
            };
            assert!(BYTE_CLASS[b as usize] == want, "{b:#x}");
            assert_eq!(is_ascii_alnum(b), b.is_ascii_alphanumeric(), "{b:#x}");
        }
        // The General Punctuation block has no letters, digits or combining marks.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert!(
                !is_general_punctuation(c) || !c.is_alphanumeric() && !is_combining(c),
                "{c:?}"
            );
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
        // Quote marks are tested before letters and digits: no mark may be one (nor a space).
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_quote_mark(c))
        {
            assert!(
                !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control() && !is_invisible(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn abbreviations_are_sorted_for_the_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_token_lies_on_char_boundaries() {
        let t = "Zé’s «ü» 😀 e\u{301}t — x…y\u{0}z \u{202e}abc";
        let d = Document::new(t);
        for tok in &d.tokens {
            assert!(t.is_char_boundary(tok.start as usize) && t.is_char_boundary(tok.end as usize));
            assert!(tok.start < tok.end);
        }
    }

    /// A paragraph of `n` ASCII letters and spaces.
    fn long(n: usize) -> String {
        "Officials said the talks went on. ".repeat(n / 34 + 1)[..n].to_string()
    }

    #[test]
    fn sections_cut_after_long_paragraphs_before_paragraphs_not_opening_with_a_quote() {
        let (head, a, b) = (long(HEAD_BYTES), long(400), long(200));
        let mut t = String::new();
        let mut starts = Vec::new();
        for (para, brk) in [
            (head.as_str(), "\n\n"),
            (a.as_str(), "\n\n"),
            (b.as_str(), "\n"),
            ("“Quoted,” he said.", "\n"),
            (a.as_str(), "\r\n\u{200b} "),
            (a.as_str(), "\n"),
            (b.as_str(), ""),
        ] {
            starts.push(t.len());
            t.push_str(para);
            t.push_str(brk);
        }
        let cuts: Vec<usize> = sections(&t, 1).iter().skip(1).map(|r| r.start).collect();
        // After a long paragraph (the next is plain), at the start of the next one's line (with its zero-width
        // space and indent); not after the short one, nor before the one opening with a quote.
        assert_eq!(
            cuts,
            [
                starts[1],
                starts[2],
                starts[5] - "\u{200b} ".len(),
                starts[6]
            ]
        );
        // The sections cover the text in order.
        let s = sections(&t, 1);
        assert_eq!(s.first().unwrap().start, 0);
        assert_eq!(s.last().unwrap().end, t.len());
        assert!(s.windows(2).all(|w| w[0].end == w[1].start));
        // At least `size` bytes each (but the last).
        assert_eq!(sections(&t, 3000).len(), 2);
        assert_eq!(sections(&t, t.len()).len(), 1);
        // Never inside the text's head, whatever the size.
        let t = format!("{a}\n\n{a}\n\n{b}");
        assert!(t.len() < HEAD_BYTES);
        assert_eq!(sections(&t, 1), vec![(0..t.len())]);
    }

    #[test]
    fn a_text_without_a_break_or_with_short_paragraphs_is_one_section() {
        assert_eq!(sections(&long(5000), 1), vec![(0..5000)]);
        let short = format!("{}\n", long(250)).repeat(20);
        assert_eq!(sections(&short, 1), vec![(0..short.len())]);
        assert_eq!(sections("", 1), vec![(0..0)]);
        // Letters of a paragraph cut by a line separator count for the part after it only.
        let t = format!("{}\u{2028}{}\nNext.", long(400), long(100));
        assert_eq!(sections(&t, 1).len(), 1);
    }

    #[test]
    fn a_section_document_keeps_the_offsets_of_the_whole_text() {
        let t = format!("{}\n\nZelensky’s aide said “no”.", long(HEAD_BYTES));
        let r = sections(&t, 1);
        assert_eq!(r.len(), 2);
        let whole = Document::new(&t);
        let part = Document::new_range(&t, r[1].clone());
        let k = whole.tokens.len() - part.tokens.len();
        for (i, tok) in part.tokens.iter().enumerate() {
            assert_eq!((tok.start, tok.end, tok.kind, tok.cap), {
                let w = whole.tokens[k + i];
                (w.start, w.end, w.kind, w.cap)
            });
            let (mut b1, mut b2) = ([0; 48], [0; 48]);
            assert_eq!(part.lower(i, &mut b1), whole.lower(k + i, &mut b2));
        }
        assert_eq!(part.tok(0), "Zelensky");
        assert_eq!(part.sentences.len(), 1);
        assert_eq!(part.paragraphs[0].span.start, r[1].start);
    }
}
