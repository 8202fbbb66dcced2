//! Quote stage: pairs quotation marks into quote spans.
//!
//! - Curly, straight, guillemet and low-9 marks: “ ” ‘ ’ " ' « » „ “ ‹ ›. Straight marks open or close by which side
//!   has a space; apostrophes inside words never reach this stage (the tokenizer keeps them in the word).
//! - Nesting: a close mark closes the nearest open mark of its family (double or single); marks opened inside and left
//!   open are dropped. Only outermost pairs become quote spans; inner pairs are kept as `nested`.
//! - A paragraph that ends inside a quote continues it when the next paragraph opens with a mark of the same family
//!   (the news convention for multi-paragraph quotes); otherwise the quote is cut at the paragraph end and marked
//!   `unclosed`, so one stray mark never swallows the rest of the article.

use crate::model::Span;
use crate::text::{Document, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks (and ’ after a word) with no clear side: decided by the stack.
    Either,
    /// Not a quotation mark here (an apostrophe such as ’90s or the plural possessive in Ukrainians’).
    None,
}

/// One quotation found by its marks.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSpan {
    /// From the opening mark to the closing mark, inclusive (to the paragraph end if unclosed).
    pub span: Span,
    /// The quoted text without the outer marks.
    pub inner: Span,
    /// Token index of the opening mark.
    pub open_tok: usize,
    /// Token index of the closing mark (None if unclosed).
    pub close_tok: Option<usize>,
    /// Index of the last token inside the quote span (the closing mark when closed).
    pub last_tok: usize,
    /// True when the quote runs over several paragraphs.
    pub multi_paragraph: bool,
    /// True when no closing mark was found before the paragraph end.
    pub unclosed: bool,
    /// Quotes nested inside this one.
    pub nested: Vec<Span>,
    /// Number of word tokens inside.
    pub words: usize,
}

/// Deeper nesting than this is not tracked (a guard against pathological input).
const MAX_DEPTH: usize = 64;

/// An unclosed quote ends after this many sentences of its paragraph past the one it opens in.
const MAX_OPEN_SENTENCES: usize = 12;

struct Open {
    tok: usize,
    family: Family,
    /// The character that opened, to close „ with “ and « with ».
    ch: char,
}

/// Finds the outermost quotations of `doc`.
pub fn find(doc: &Document) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Open marks on the stack per family, so that "is one open?" is O(1).
    let mut open_count = [0usize; 2];
    // Opens past MAX_DEPTH per family: not tracked, but their closes must not pop the tracked opens below them.
    let mut untracked = [0usize; 2];
    let mut nested: Vec<Span> = Vec::new();
    // The outermost open quote that continues from an earlier paragraph: its opening token.
    let mut multi = false;
    let np = doc.paragraphs.len();
    for p in 0..np {
        let para = doc.paragraphs[p];
        let mut first_mark_continues = false;
        if !stack.is_empty() {
            // We carried an open quote into this paragraph: its first token must be an opening mark of the family.
            first_mark_continues = true;
        }
        let mut next = para.tok_start;
        while next < para.tok_end {
            let mut i = next;
            // Only quotation marks change anything, and the first token past the last sentence allowed to a quote
            // opened in this paragraph (see below): go to the next of these (`i` is never past that token; `max`
            // keeps the slice valid all the same).
            let mut end = para.tok_end;
            if let Some(outer) = stack.first().filter(|_| !multi) {
                let past = doc.sent_of[outer.tok] as usize + MAX_OPEN_SENTENCES + 1;
                if let Some(s) = doc.sentences.get(past) {
                    end = end.min(s.tok_start).max(i);
                }
            }
            match doc.tokens[i..end]
                .iter()
                .position(|t| t.kind == Kind::QuoteMark)
            {
                Some(k) => i += k,
                None if end < para.tok_end => i = end,
                None => break,
            }
            next = i + 1;
            // A quote still open this many sentences on within its paragraph was opened by a stray mark: it ends
            // with its last allowed sentence, so that an article pasted on one line is not swallowed whole.
            if let Some(outer) = stack.first().filter(|_| !multi) {
                let first_sent = doc.sent_of[outer.tok] as usize;
                if doc.sent_of[i] as usize > first_sent + MAX_OPEN_SENTENCES {
                    let o = outer.tok;
                    let last = doc.sentences[first_sent + MAX_OPEN_SENTENCES].tok_end - 1;
                    stack.clear();
                    open_count = [0, 0];
                    untracked = [0, 0];
                    if o < last {
                        let span =
                            Span::new(doc.tokens[o].start as usize, doc.tokens[last].end as usize);
                        out.push(make(doc, o, None, last, span, false, &mut nested));
                    }
                    nested.clear();
                }
            }
            if doc.tokens[i].kind != Kind::QuoteMark {
                continue;
            }
            let ch = mark_char(doc, i);
            let family = family_of(ch);
            if first_mark_continues && i == para.tok_start {
                // Continuation mark of a multi-paragraph quote: absorbed.
                first_mark_continues = false;
                continue;
            }
            let mut role = role_of(doc, i, ch);
            // German-style „…“: the “ closes an open „ when it sits like a closing mark.
            if ch == '“' && stack.last().is_some_and(|o| o.ch == '„') && right_flanking(doc, i)
            {
                role = Role::Close;
            }
            let has_open = open_count[family as usize] > 0;
            let role = match role {
                Role::Either => {
                    if has_open && !opens_strongly(doc, i) {
                        Role::Close
                    } else if ch == '’' || ch == '\'' {
                        // A right single mark after a word with nothing open is an apostrophe (Ukrainians’ view).
                        if left_flanking(doc, i) {
                            Role::Open
                        } else {
                            Role::None
                        }
                    } else {
                        Role::Open
                    }
                }
                Role::Close if !has_open => {
                    // „…“ and German-style pairs: “ closes „; otherwise a stray close.
                    if ch == '“' && left_flanking(doc, i) {
                        Role::Open
                    } else {
                        Role::None
                    }
                }
                r => r,
            };
            match role {
                Role::Open => {
                    if stack.len() >= MAX_DEPTH {
                        untracked[family as usize] += 1;
                    } else {
                        open_count[family as usize] += 1;
                        stack.push(Open { tok: i, family, ch });
                    }
                }
                Role::Close if untracked[family as usize] > 0 => {
                    untracked[family as usize] -= 1;
                }
                Role::Close => {
                    // Pop to the nearest open of this family; anything opened above it was left unclosed.
                    while let Some(o) = stack.pop() {
                        open_count[o.family as usize] -= 1;
                        if o.family == family && closes(o.ch, ch) {
                            if stack.is_empty() {
                                let start = doc.tokens[o.tok].start as usize;
                                let end = doc.tokens[i].end as usize;
                                out.push(make(
                                    doc,
                                    o.tok,
                                    Some(i),
                                    i,
                                    Span::new(start, end),
                                    multi,
                                    &mut nested,
                                ));
                                multi = false;
                            } else {
                                nested.push(doc.span_of(o.tok, i));
                            }
                            break;
                        }
                    }
                }
                Role::Either | Role::None => {}
            }
        }
        // Paragraph end with a quote still open.
        if let Some(outer) = stack.first() {
            let continues = p + 1 < np && {
                let next = doc.paragraphs[p + 1].tok_start;
                doc.tokens[next].kind == Kind::QuoteMark && {
                    let c = mark_char(doc, next);
                    family_of(c) == outer.family && role_of(doc, next, c) != Role::Close
                }
            };
            if continues {
                // Drop inner opens; the outer quote goes on.
                stack.truncate(1);
                open_count = [0, 0];
                untracked = [0, 0];
                open_count[stack[0].family as usize] = 1;
                multi = true;
            } else {
                let o = stack.swap_remove(0);
                stack.clear();
                open_count = [0, 0];
                untracked = [0, 0];
                let last = para.tok_end - 1;
                let start = doc.tokens[o.tok].start as usize;
                let end = doc.tokens[last].end as usize;
                if o.tok < last {
                    out.push(make(
                        doc,
                        o.tok,
                        None,
                        last,
                        Span::new(start, end),
                        multi,
                        &mut nested,
                    ));
                }
                nested.clear();
                multi = false;
            }
        }
    }
    out
}

fn make(
    doc: &Document,
    open: usize,
    close: Option<usize>,
    last: usize,
    span: Span,
    multi: bool,
    nested: &mut Vec<Span>,
) -> QuoteSpan {
    let inner_start = doc.tokens[open].end as usize;
    let inner_end = match close {
        Some(c) => doc.tokens[c].start as usize,
        None => span.end,
    };
    let words = (open + 1..=last)
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .count();
    QuoteSpan {
        span,
        inner: Span::new(inner_start, inner_end.max(inner_start)),
        open_tok: open,
        close_tok: close,
        last_tok: last,
        multi_paragraph: multi,
        unclosed: close.is_none(),
        nested: std::mem::take(nested),
        words,
    }
}

/// The mark a quote-mark token stands for: `''` is a straight double quote, ``` `` ``` an opening one, a lone
/// backtick an opening single quote.
fn mark_char(doc: &Document, i: usize) -> char {
    match doc.tok(i) {
        "''" => '"',
        "``" => '“',
        "`" => '‘',
        t => t.chars().next().unwrap_or('"'),
    }
}

fn family_of(c: char) -> Family {
    match c {
        '‘' | '’' | '\'' | '‚' | '‹' | '›' | '‛' => Family::Single,
        _ => Family::Double,
    }
}

/// Whether a mark `close` can close a quote opened with `open` (same family is checked by the caller).
fn closes(open: char, close: char) -> bool {
    match open {
        '«' => close == '»' || close == '”' || close == '"',
        '‹' => close == '›' || close == '’' || close == '\'',
        '„' => close == '“' || close == '”' || close == '"',
        '‚' => close == '‘' || close == '’',
        '“' | '"' | '‟' | '＂' | '〝' => matches!(close, '”' | '"' | '＂' | '〞' | '“'),
        '‘' | '\'' | '‛' => matches!(close, '’' | '\''),
        _ => true,
    }
}

fn role_of(doc: &Document, i: usize, c: char) -> Role {
    match c {
        '“' | '„' | '«' | '‹' | '‟' | '‚' | '〝' | '‛' => Role::Open,
        '”' | '»' | '›' | '〞' => Role::Close,
        '‘' => {
            // ‘90s is an elided year, not a quote.
            if starts_with_digit(doc, i + 1) {
                Role::None
            } else {
                Role::Open
            }
        }
        '’' | '\'' | '"' | '＂' => {
            let lf = left_flanking(doc, i);
            let rf = right_flanking(doc, i);
            if (c == '’' || c == '\'') && starts_with_digit(doc, i + 1) {
                return Role::None;
            }
            match (lf, rf) {
                (true, false) => Role::Open,
                (false, true) => Role::Either,
                _ => Role::Either,
            }
        }
        _ => Role::None,
    }
}

/// Token `i` exists, follows without a space and starts with a digit (’90s, ‘20s).
fn starts_with_digit(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| !t.space_before) && doc.first_byte(i).is_ascii_digit()
}

/// Space or an opening bracket/dash before, a non-space after: looks like an opening mark.
fn left_flanking(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let before_ok = t.space_before
        || i == 0
        || doc.tokens[i - 1].para != t.para
        || matches!(doc.tok(i - 1), "(" | "[" | "—" | "–" | "-" | ":" | "/")
        || (doc.tokens[i - 1].kind == Kind::QuoteMark && doc.tokens[i - 1].space_before);
    let after_ok = doc
        .tokens
        .get(i + 1)
        .is_some_and(|n| !n.space_before && n.para == t.para);
    before_ok && after_ok
}

/// A non-space before, and a space, punctuation or the end after: looks like a closing mark.
fn right_flanking(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let before_ok = !t.space_before && i > 0 && doc.tokens[i - 1].para == t.para;
    let after_ok = match doc.tokens.get(i + 1) {
        None => true,
        Some(n) => {
            n.space_before || n.para != t.para || n.kind == Kind::Punct || n.kind == Kind::QuoteMark
        }
    };
    before_ok && after_ok
}

/// A straight mark with a space before and a word right after opens even if a quote is open (nested "…").
fn opens_strongly(doc: &Document, i: usize) -> bool {
    left_flanking(doc, i) && !right_flanking(doc, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<String> {
        let d = Document::new(t);
        find(&d)
            .iter()
            .map(|q| q.span.text(t).to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            quotes("“Negotiations are difficult,” he tweeted."),
            ["“Negotiations are difficult,”"]
        );
        assert_eq!(
            quotes("\"We will win,\" she said. \"Soon.\""),
            ["\"We will win,\"", "\"Soon.\""]
        );
        assert_eq!(
            quotes("He called it «absurd» and „wrong“."),
            ["«absurd»", "„wrong“"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("Ukraine’s army won’t stop, the Ukrainians’ leader said in the ’90s style."),
            Vec::<String>::new()
        );
        assert_eq!(
            quotes("The ‘90s were ‘different’, he said."),
            ["‘different’"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let t = "“He told me ‘never’ and I said ‘why’,” Kuleba said.";
        let d = Document::new(t);
        let q = find(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.text(t), "“He told me ‘never’ and I said ‘why’,”");
        let nested: Vec<&str> = q[0].nested.iter().map(|s| s.text(t)).collect();
        assert_eq!(nested, ["‘never’", "‘why’"]);
    }

    #[test]
    fn multi_paragraph_quote_continues_when_next_paragraph_opens_with_a_mark() {
        let t = "He said: “First part.\n\n“Second part.”\n\nThen he left.";
        let d = Document::new(t);
        let q = find(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.text(t), "“First part.\n\n“Second part.”");
        assert!(q[0].multi_paragraph && !q[0].unclosed);
    }

    #[test]
    fn unbalanced_mark_is_cut_at_the_paragraph_end() {
        let t = "He said: “This never closes.\n\nA new paragraph with “a real quote” in it.";
        let d = Document::new(t);
        let q = find(&d);
        let texts: Vec<&str> = q.iter().map(|q| q.span.text(t)).collect();
        assert_eq!(texts, ["“This never closes.", "“a real quote”"]);
        assert!(q[0].unclosed && !q[1].unclosed);
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert_eq!(quotes("near future.’ Then “ok” came."), ["“ok”"]);
        assert_eq!(quotes("It ended.” Then “ok” came."), ["“ok”"]);
    }

    #[test]
    fn a_quote_left_open_ends_with_its_last_allowed_sentence() {
        // A stray mark, then 20 sentences: the quote takes the one it opens in and the next 12; marks after them pair
        // as usual.
        let body: Vec<String> = (1..=20).map(|k| format!("Line {k} ends.")).collect();
        let t = format!("Before “{} “Late” one.", body.join(" "));
        let want = format!("“{}", body[..13].join(" "));
        assert_eq!(quotes(&t), [want.as_str(), "“Late”"]);
    }

    #[test]
    fn straight_quotes_nested_in_straight_quotes() {
        let t =
            "designed to \"eliminate the key concept of \"compatriot\".\nNext line \"here\" ok.";
        assert_eq!(
            quotes(t),
            ["\"eliminate the key concept of \"compatriot\".", "\"here\""]
        );
    }

    #[test]
    fn typewriter_double_apostrophes_pair_as_double_quotes() {
        assert_eq!(
            quotes("''They pay us a lot of money,'' Mr. King said. It's ''fine.''"),
            ["''They pay us a lot of money,''", "''fine.''"]
        );
        assert_eq!(quotes("``Quoted,'' he said."), ["``Quoted,''"]);
    }

    #[test]
    fn many_marks_do_not_blow_up() {
        let t = "\"".repeat(10_000) + &"“".repeat(10_000) + "\n" + &"’".repeat(1000);
        let d = Document::new(&t);
        let q = find(&d);
        for x in &q {
            assert!(x.span.start < x.span.end && x.span.end <= t.len());
        }
    }
}
