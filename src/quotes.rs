//! Quote stage: pairs quotation marks. [`pair`] gives every closed pair and the quotes the attribution stage reads
//! (the outermost pairs, and quotes left open, cut where they end); [`find`] gives only the latter.
//!
//! - Marks: “…” ‘…’ "…" '…' «…» ‹…› „…“ „…” ‚…‘ ‚…’ 「…」 『…』 ‟…” ‛…’ 〝…〞 ⹂…” ‵…′ ‶…″ ‷…‴ ＂…＂ `…´, the reversed
//!   »…« ›…‹ and ”…” (Danish, Swedish), and the LaTeX or typewriter ``…'' `…' ''…''. A mark with a direction opens or
//!   closes by it; a straight one (and ’) by which side has a space. A mark in the place of the other one is read by
//!   its place: “Hello,“ closes, ‘ and ‚ after a word before a space (how‚ are‘) are no marks.
//! - Apostrophes: the tokenizer keeps them inside words (don’t, it's). A single mark between letters or digits (dog‘s,
//!   John`s, 1990's), before a digit (’90s) or after a word with no single quote open (Jones' cow, runnin') is none.
//!   One after a word and before a space and a word could close an open single quote or be a possessive or an
//!   elision: it closes unless a surer closing mark (after or before punctuation, or at the paragraph end) follows
//!   before the next opening single mark (`'It's the boys' turn.'`). A pair around one lower-case letter between two
//!   words is an elision (rock 'n' roll), and an opening `''` with no `''` after it in its paragraph is a single mark
//!   and an elision (`''Tis so,' she said`).
//! - Nesting, to any depth ([`MAX_DEPTH`] tracked): a closing mark closes the nearest open mark it can close; marks
//!   opened inside and left open are dropped. A run of straight apostrophes closes what the open marks need,
//!   innermost first, two for ``, one for ` (``a `b ``c''''''' closes three quotes).
//! - Paragraphs: a paragraph that ends inside a quote continues it when the next paragraph opens with a mark of the
//!   same family (the news convention for multi-paragraph quotes: each paragraph reopens, only the last closes).
//!   Otherwise the quote is carried over the next paragraphs as long as they hold no mark, and into the first that
//!   does: if it closes there, it is one quote over several lines (after a paragraph of [`text::LONG_PARAGRAPH`]
//!   letters it is not carried, as no analysis reads across that break, see [`text::sections`]). If it does not
//!   close there, it is cut at the end of its own paragraph and marked `unclosed`, and the text after it is paired
//!   afresh: one stray mark never swallows the text after it. A quote left open [`MAX_OPEN_SENTENCES`] sentences past
//!   the one it opens in is cut the same way.
//!
//! [`text::LONG_PARAGRAPH`]: crate::text::LONG_PARAGRAPH
//! [`text::sections`]: crate::text::sections

use crate::model::Span;
use crate::text::{Document, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    /// 「…」
    Corner,
    /// 『…』
    WhiteCorner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks (and ’) with no clear side: decided by what is open.
    Either,
    /// Not a quotation mark here (an apostrophe such as ’90s or the plural possessive in Ukrainians’).
    None,
}

/// One quotation found by its marks, as the attribution stage reads it: an outermost pair, or a quote left open.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSpan {
    /// From the opening mark to the closing mark, inclusive (to the paragraph end if unclosed).
    pub span: Span,
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
    /// Number of word tokens inside.
    pub words: usize,
}

/// A closed pair of quotation marks, at any depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// Token of the opening mark.
    pub open_tok: usize,
    /// Token of the closing mark.
    pub close_tok: usize,
}

/// Plural possessives (`the farmers’ group`, `Jones' cow`): a `'` or `’` right after a word ending in s and before a
/// space or a comma, that pairing left without a role, is an apostrophe. It becomes a word token, as the one of `’s`
/// is, so that the stages after pairing read a phrase through it.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn settle_apostrophes(doc: &mut Document, quotes: &[QuoteSpan], pairs: &[Pair]) {
    let mut used: Option<Vec<bool>> = None;
    for i in 1..doc.tokens.len() {
        let t = doc.tokens[i];
        if t.kind != Kind::QuoteMark
            || t.space_before
            || !matches!(doc.tok(i), "'" | "’")
            || doc.tokens[i - 1].kind != Kind::Word
            || !doc.tok(i - 1).ends_with(['s', 'S'])
            || doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| !n.space_before && !doc.is(i + 1, ','))
        {
            continue;
        }
        let used = used.get_or_insert_with(|| {
            let mut v = vec![false; doc.tokens.len()];
            for q in quotes {
                v[q.open_tok] = true;
                if let Some(c) = q.close_tok {
                    v[c] = true;
                }
            }
            for p in pairs {
                v[p.open_tok] = true;
                v[p.close_tok] = true;
            }
            v
        });
        if !used[i] {
            doc.tokens[i].kind = Kind::Word;
        }
    }
}

/// Deeper nesting than this is not tracked (a guard against pathological input).
pub const MAX_DEPTH: usize = 64;

/// An unclosed quote ends after this many sentences past the one it opens in.
pub const MAX_OPEN_SENTENCES: usize = 12;

/// Tokens looked through for a surer closing mark, or for a closing `''`.
const LOOKAHEAD: usize = 400;

#[derive(Debug, Clone, Copy)]
struct Open {
    tok: usize,
    /// Where the opening mark starts.
    start: u32,
    family: Family,
    /// The character that opened, to close „ with “ and « with ».
    ch: char,
    /// Its pair in `Pairer::pairs`, filled in when it closes.
    slot: usize,
}

/// The `close_tok` of a pair whose opening mark has not closed (yet).
const OPEN: usize = usize::MAX;

/// Finds the quotes the attribution stage reads: the outermost pairs, and quotes left open cut where they end.
pub fn find(doc: &Document) -> Vec<QuoteSpan> {
    pair(doc).0
}

/// Pairs the marks of `doc`: the quotes of [`find`], and every closed pair in text order (an outer pair before the
/// pairs inside it).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn pair(doc: &Document) -> (Vec<QuoteSpan>, Vec<Pair>) {
    let mut s = Pairer {
        doc,
        stack: Vec::new(),
        open_count: [0; 4],
        untracked: [0; 4],
        multi: false,
        quotes: Vec::new(),
        pairs: Vec::new(),
    };
    // A quote carried past its paragraph's end on trial: the state to go back to, and where to cut it, if no later
    // mark closes it.
    let mut trial: Option<Snapshot> = None;
    let mut absorb = false;
    let np = doc.paragraphs.len();
    let mut p = 0;
    'paras: while p < np {
        let para = doc.paragraphs[p];
        let mut marks = false;
        let mut next = para.tok_start + std::mem::take(&mut absorb) as usize;
        while next < para.tok_end {
            let mut i = next;
            // Only quotation marks change anything, and the first token past the last sentence allowed to a quote
            // opened in this paragraph (see below): go to the next of these.
            let mut end = para.tok_end;
            if let Some(outer) = s.stack.first().filter(|_| !s.multi) {
                let past = doc.sent_of[outer.tok] as usize + MAX_OPEN_SENTENCES + 1;
                if let Some(st) = doc.sentences.get(past) {
                    end = end.min(st.tok_start).max(i);
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
            if let Some(outer) = s.stack.first().filter(|_| !s.multi) {
                let first_sent = doc.sent_of[outer.tok] as usize;
                if doc.sent_of[i] as usize > first_sent + MAX_OPEN_SENTENCES {
                    s.cut(doc.sentences[first_sent + MAX_OPEN_SENTENCES].tok_end - 1);
                }
            }
            if doc.tokens[i].kind != Kind::QuoteMark {
                continue;
            }
            if trial
                .as_ref()
                .is_some_and(|t| doc.sent_of[i] as usize > t.limit)
            {
                if let Some(t) = trial.take() {
                    p = s.reject(t);
                    continue 'paras;
                }
            }
            let (after, acted) = s.mark(i);
            next = after;
            marks |= acted;
            if s.stack.is_empty() {
                // The quote carried on trial closed here.
                trial = None;
            }
        }
        if s.stack.is_empty() {
            p += 1;
            continue;
        }
        // Paragraph end with a quote still open.
        let long = is_long(doc, p);
        if let Some(t) = trial.take() {
            let last_sent = doc.sent_of[para.tok_end - 1] as usize;
            if marks || long || p + 1 >= np || last_sent > t.limit {
                p = s.reject(t);
            } else {
                trial = Some(t);
                p += 1;
            }
            continue;
        }
        let outer = s.stack[0];
        let continues = p + 1 < np && {
            let next = doc.paragraphs[p + 1].tok_start;
            doc.tokens[next].kind == Kind::QuoteMark && {
                let c = mark_char(doc, next);
                family_of(c) == outer.family && role_of(doc, next, c) != Role::Close
            }
        };
        if continues {
            // Drop inner opens; the outer quote goes on, and the next paragraph's first mark is absorbed.
            s.stack.truncate(1);
            s.open_count = [0; 4];
            s.untracked = [0; 4];
            s.open_count[outer.family as usize] = 1;
            s.multi = true;
            absorb = true;
        } else if p + 1 < np && !long {
            trial = Some(s.snapshot(p, doc.sent_of[outer.tok] as usize + MAX_OPEN_SENTENCES));
            s.multi = true;
        } else {
            s.cut(para.tok_end - 1);
        }
        p += 1;
    }
    let Pairer {
        mut quotes,
        mut pairs,
        ..
    } = s;
    // Listed when they opened: in text order, an outer pair before the pairs inside it.
    pairs.retain(|p| p.close_tok != OPEN);
    // A nickname inside a name (`Carl "Butch" Otter`) is part of the name, not a quote to attribute (it stays a
    // pair of marks: a term).
    quotes.retain(|q| {
        q.close_tok.is_none()
            || q.open_tok == 0
            || !doc.is_capitalized(q.open_tok - 1)
            || nickname_close(doc, q.open_tok) != q.close_tok
    });
    (quotes, pairs)
}

/// At an opening quotation mark `k` inside a name: the closing mark of a nickname of one or two capitalised words
/// right after it, followed by a capitalised word (`George "Jay" Keyworth`, `Dwayne "The Rock" Johnson`), or `None`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn nickname_close(doc: &Document, k: usize) -> Option<usize> {
    let t = &doc.tokens;
    let quote = |j: usize| j < t.len() && t[j].kind == Kind::QuoteMark;
    if !quote(k) || !t[k].space_before || k + 1 >= t.len() || t[k + 1].space_before {
        return None;
    }
    let words = (k + 1..(k + 3).min(t.len()))
        .take_while(|&j| t[j].kind == Kind::Word && doc.is_capitalized(j))
        .count();
    let c = k + 1 + words;
    (words > 0
        && quote(c)
        && !t[c].space_before
        && c + 1 < t.len()
        && t[c + 1].space_before
        && t[c + 1].para == t[k].para
        && doc.is_capitalized(c + 1))
    .then_some(c)
}

/// True if paragraph `p` has at least [`crate::text::LONG_PARAGRAPH`] ASCII letters and digits: a section of a long
/// text may start after it, so no quote is carried past it on trial.
fn is_long(doc: &Document, p: usize) -> bool {
    let t = doc.paragraphs[p].span.text(doc.text).as_bytes();
    t.len() >= crate::text::LONG_PARAGRAPH
        && t.iter().filter(|b| b.is_ascii_alphanumeric()).count() >= crate::text::LONG_PARAGRAPH
}

struct Pairer<'d, 'a> {
    doc: &'d Document<'a>,
    stack: Vec<Open>,
    /// Open marks on the stack per family, so that "is one open?" is O(1).
    open_count: [usize; 4],
    /// Opens past MAX_DEPTH per family: not tracked, but their closes must not pop the tracked opens below them.
    untracked: [usize; 4],
    /// The outermost open quote runs over several paragraphs.
    multi: bool,
    quotes: Vec<QuoteSpan>,
    pairs: Vec<Pair>,
}

/// The pairing state when a quote was carried past its paragraph, to go back to.
struct Snapshot {
    stack: Vec<Open>,
    open_count: [usize; 4],
    untracked: [usize; 4],
    multi: bool,
    quotes: usize,
    pairs: usize,
    /// The paragraph at whose end the quote is cut if no later mark closes it.
    at: usize,
    /// The last sentence the quote may run to.
    limit: usize,
}

impl Pairer<'_, '_> {
    fn snapshot(&self, at: usize, limit: usize) -> Snapshot {
        Snapshot {
            stack: self.stack.clone(),
            open_count: self.open_count,
            untracked: self.untracked,
            multi: self.multi,
            quotes: self.quotes.len(),
            pairs: self.pairs.len(),
            at,
            limit,
        }
    }

    /// Goes back to `snap`, cuts the quote there at the end of its paragraph, and returns the paragraph to go on from
    /// (the next one).
    fn reject(&mut self, snap: Snapshot) -> usize {
        let at = snap.at;
        self.stack = snap.stack;
        self.open_count = snap.open_count;
        self.untracked = snap.untracked;
        self.multi = snap.multi;
        self.quotes.truncate(snap.quotes);
        self.pairs.truncate(snap.pairs);
        for o in &self.stack {
            self.pairs[o.slot].close_tok = OPEN;
        }
        self.cut(self.doc.paragraphs[at].tok_end - 1);
        at + 1
    }

    /// Ends the outermost open quote, unclosed, at token `last`, and drops everything open.
    fn cut(&mut self, last: usize) {
        if let Some(&o) = self.stack.first() {
            if o.tok < last {
                let end = self.doc.tokens[last].end as usize;
                let q = self.make(o, None, last, end);
                self.quotes.push(q);
            }
        }
        self.stack.clear();
        self.open_count = [0; 4];
        self.untracked = [0; 4];
        self.multi = false;
    }

    fn make(&mut self, open: Open, close: Option<usize>, last: usize, end: usize) -> QuoteSpan {
        let doc = self.doc;
        let words = (open.tok + 1..=last)
            .filter(|&k| doc.tokens[k].kind == Kind::Word)
            .count();
        QuoteSpan {
            span: Span::new(open.start as usize, end),
            open_tok: open.tok,
            close_tok: close,
            last_tok: last,
            multi_paragraph: self.multi,
            unclosed: close.is_none(),
            words,
        }
    }

    /// Opens a quote with the mark at token `tok`, starting at byte `start`, read as `ch`.
    fn push(&mut self, tok: usize, start: u32, ch: char) {
        let family = family_of(ch);
        if self.stack.len() >= MAX_DEPTH {
            self.untracked[family as usize] += 1;
            return;
        }
        self.open_count[family as usize] += 1;
        self.stack.push(Open {
            tok,
            start,
            family,
            ch,
            slot: self.pairs.len(),
        });
        self.pairs.push(Pair {
            span: Span::new(start as usize, start as usize),
            open_tok: tok,
            close_tok: OPEN,
        });
    }

    /// Closes the nearest open mark that `ch` (ending at byte `end`, in token `tok`) can close, dropping the marks
    /// opened after it. False if there is none.
    fn close(&mut self, tok: usize, end: u32, ch: char) -> bool {
        let family = family_of(ch);
        if self.untracked[family as usize] > 0 {
            self.untracked[family as usize] -= 1;
            return true;
        }
        let Some(k) = self.stack.iter().rposition(|o| closes(o.ch, ch)) else {
            return false;
        };
        // The marks opened after it were left open.
        let mut o = self.stack[k];
        while self.stack.len() > k {
            if let Some(x) = self.stack.pop() {
                self.open_count[x.family as usize] -= 1;
                o = x;
            }
        }
        let doc = self.doc;
        // rock 'n' roll: a single-mark pair around one lower-case letter between words is an elision.
        let elision = family == Family::Single
            && tok == o.tok + 2
            && o.tok > 0
            && doc.tokens[o.tok].space_before
            && doc.tokens[o.tok - 1].kind == Kind::Word
            && doc.tok(o.tok + 1).len() == 1
            && doc.first_byte(o.tok + 1).is_ascii_lowercase()
            && doc
                .tokens
                .get(tok + 1)
                .is_some_and(|t| t.space_before && t.kind == Kind::Word);
        if elision {
            return true;
        }
        let pair = &mut self.pairs[o.slot];
        pair.span.end = end as usize;
        pair.close_tok = tok;
        if self.stack.is_empty() {
            let q = self.make(o, Some(tok), tok, end as usize);
            self.quotes.push(q);
            self.multi = false;
        }
        true
    }

    /// Reads the mark at token `i`: returns the token to go on from, and whether the mark opened or closed anything.
    fn mark(&mut self, i: usize) -> (usize, bool) {
        let doc = self.doc;
        let t = &doc.tokens[i];
        if doc.tok(i) == "''" {
            if left_flanking(doc, i) && !right_flanking(doc, i) {
                // An opening `''`: a double mark if a `''` follows in the paragraph, else a single mark and an
                // elision (''Tis …').
                let para_end = doc.paragraphs[t.para as usize].tok_end;
                let double = (i + 1..para_end.min(i + LOOKAHEAD)).any(|k| doc.tok(k) == "''");
                self.push(i, t.start, if double { '"' } else { '\'' });
                return (i + 1, true);
            }
            if !self.stack.is_empty() {
                return self.apostrophe_run(i);
            }
        }
        let ch = mark_char(doc, i);
        let family = family_of(ch);
        let has_open = self.open_count[family as usize] > 0;
        let (lf, rf) = (left_flanking(doc, i), right_flanking(doc, i));
        // Where an opening mark sits: a space (or a bracket) before, a word after.
        let opening_place = lf && !rf;
        let role = match role_of(doc, i, ch) {
            Role::Either => {
                if has_open && !opening_place {
                    Role::Close
                } else if !lf && (rf || matches!(ch, '’' | '\'')) {
                    // With nothing open, a right single mark after a word is an apostrophe (Ukrainians’ view), and a
                    // mark that sits like a closing one is a stray one: it opens nothing.
                    Role::None
                } else {
                    Role::Open
                }
            }
            // Reversed pairs (»…«, ”…”): a closing mark with none open opens where it sits like an opening one.
            Role::Close if !has_open => {
                if matches!(ch, '”' | '»' | '›') && opening_place {
                    Role::Open
                } else {
                    Role::None
                }
            }
            r => r,
        };
        // A word-final ' or ’ that a surer closing mark follows is an apostrophe (`'It's the boys' turn.'`).
        let role = if role == Role::Close
            && matches!(ch, '’' | '\'')
            && weak_closer(doc, i)
            && self.surer_close_follows(i)
        {
            Role::None
        } else {
            role
        };
        let acted = match role {
            Role::Open => {
                self.push(i, t.start, ch);
                true
            }
            Role::Close => self.close(i, t.end, ch),
            Role::Either | Role::None => false,
        };
        (i + 1, acted)
    }

    /// A run of straight apostrophes from token `i` (`''` or `'`, no space between) in a closing place: each open mark,
    /// innermost first, takes what closes it (two for a double mark, one for a single one). A lone `''` closes the
    /// nearest double mark if one is open.
    fn apostrophe_run(&mut self, i: usize) -> (usize, bool) {
        let doc = self.doc;
        let mut last = i;
        while doc.tokens.get(last + 1).is_some_and(|t| {
            !t.space_before && t.para == doc.tokens[i].para && t.kind == Kind::QuoteMark
        }) && matches!(doc.tok(last + 1), "'" | "''")
        {
            last += 1;
        }
        let t = doc.tokens[i];
        if last == i && self.open_count[Family::Double as usize] > 0 {
            return (i + 1, self.close(i, t.end, '"'));
        }
        let end = doc.tokens[last].end;
        let mut at = t.start;
        let mut acted = false;
        while let Some(top) = self.stack.last() {
            let w = match top.family {
                Family::Double => 2,
                Family::Single => 1,
                _ => break,
            };
            if at + w > end {
                break;
            }
            // The token holding the last apostrophe of this closing mark.
            let tok = (i..=last)
                .find(|&k| doc.tokens[k].end >= at + w)
                .unwrap_or(last);
            let ch = if w == 2 { '"' } else { '\'' };
            if !self.close(tok, at + w, ch) {
                break;
            }
            acted = true;
            at += w;
        }
        (last + 1, acted)
    }

    /// After a weak closing single mark at `i`: a surer closing single mark follows before an opening one (or the end
    /// of an open double quote, or the paragraph end).
    fn surer_close_follows(&self, i: usize) -> bool {
        let doc = self.doc;
        let double_open = self.open_count[Family::Double as usize] > 0;
        let para_end = doc.paragraphs[doc.tokens[i].para as usize].tok_end;
        for k in i + 1..para_end.min(i + LOOKAHEAD) {
            if doc.tokens[k].kind != Kind::QuoteMark {
                continue;
            }
            let c = mark_char(doc, k);
            let role = role_of(doc, k, c);
            match family_of(c) {
                Family::Single if role != Role::None => {
                    let (lf, rf) = (left_flanking(doc, k), right_flanking(doc, k));
                    if lf && !rf {
                        return false;
                    }
                    if rf && !weak_closer(doc, k) {
                        return true;
                    }
                }
                Family::Double
                    if double_open && (role == Role::Close || right_flanking(doc, k)) =>
                {
                    return false
                }
                _ => {}
            }
        }
        false
    }
}

/// A closing single mark that could be an apostrophe: right after a word, before a space and a word (boys' turn,
/// runnin' all).
fn weak_closer(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    !t.space_before
        && i > 0
        && doc.tokens[i - 1].kind == Kind::Word
        && doc.tokens.get(i + 1).is_some_and(|n| {
            n.space_before && n.para == t.para && matches!(n.kind, Kind::Word | Kind::Number)
        })
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

/// Every quotation mark; the tables after it say, for each in the same order, its family (`D`ouble, `S`ingle,
/// `C`orner, `W`hite corner), its shape (`O`pening, `C`losing, `S`traight: by where it sits) and the marks that close
/// a quote it opens (a bit per mark of [`MARKS`]). A table is smaller code than a `match` per property.
const MARKS: [char; 30] = [
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '‟', '‛', '＂', '〝', '〞', '〟',
    '「', '」', '『', '』', '⹂', '‵', '′', '‶', '″', '‷', '‴', '´',
];
const FAMILY: &[u8; 30] = b"DSDDSSDDDSSSDSDDDDCCWWDSSDDDDS";
const SHAPE: &[u8; 30] = b"SSOCOSOCOOOCOOSOCSOCOCOOCOCOCC";
/// “ " ‟ ＂ 〝 〟 ⹂ close with ” " ＂ 〞 〟 “; ‘ ' ’ ‛ with ’ ' ´ ‘; « with » ” "; „ with “ ” "; ‚ with ‘ ’;
/// ‹ with › ’ '; the reversed ”…” »…« ›…‹; 「」 『』 ‵′ ‶″ ‷‴.
const CLOSERS: [u32; 30] = [
    0x3400d, 0x20000032, 0x3400d, 0x8, 0x20000032, 0x20000032, 0x89, 0xc0, 0xd, 0x30, 0x822, 0xc00,
    0x3400d, 0x20000032, 0x3400d, 0x3400d, 0x0, 0x3400d, 0x80000, 0x0, 0x200000, 0x0, 0x3400d,
    0x1000000, 0x0, 0x4000000, 0x0, 0x10000000, 0x0, 0x0,
];

/// The index of `c` in [`MARKS`] (past its end if it is none).
fn mark_index(c: char) -> usize {
    MARKS.iter().position(|&m| m == c).unwrap_or(MARKS.len())
}

fn family_of(c: char) -> Family {
    match FAMILY.get(mark_index(c)) {
        Some(b'S') => Family::Single,
        Some(b'C') => Family::Corner,
        Some(b'W') => Family::WhiteCorner,
        _ => Family::Double,
    }
}

/// Whether a mark `close` can close a quote opened with `open`.
fn closes(open: char, close: char) -> bool {
    let c = mark_index(close);
    c < 32
        && CLOSERS
            .get(mark_index(open))
            .is_some_and(|m| m >> c & 1 == 1)
}

#[cfg_attr(whosaid_small, optimize(size))]
fn role_of(doc: &Document, i: usize, c: char) -> Role {
    let Some(&shape) = SHAPE.get(mark_index(c)) else {
        return Role::None;
    };
    // A single mark between letters or digits is an apostrophe (dog‘s, John`s); before a digit, an elided year (’90s).
    if family_of(c) == Family::Single
        && c != '‹'
        && c != '›'
        && (starts_with_digit(doc, i + 1) || inside_word(doc, i))
    {
        return Role::None;
    }
    let lf = left_flanking(doc, i);
    // In the place of a closing mark: “ « ‹ close what is open (“Hello,“ he said; »so« er), ‘ closes ‚…‘, ‚ is none
    // (how‚ are‘ you).
    if matches!(c, '“' | '«' | '‹' | '‘' | '‚') && !lf && after_text(doc, i) {
        return match c {
            '‚' => Role::None,
            '‘' => Role::Close,
            _ => Role::Either,
        };
    }
    match shape {
        b'O' => Role::Open,
        b'C' => Role::Close,
        _ if lf && !right_flanking(doc, i) => Role::Open,
        _ => Role::Either,
    }
}

/// Right after a word or punctuation (not another mark), before a space, punctuation or the end: where a closing
/// mark sits.
fn after_text(doc: &Document, i: usize) -> bool {
    i > 0
        && doc.tokens[i - 1].kind != Kind::QuoteMark
        && right_flanking(doc, i)
        && doc
            .tokens
            .get(i + 1)
            .is_none_or(|n| n.kind != Kind::QuoteMark || n.space_before)
}

/// Token `i` exists, follows without a space and starts with a digit (’90s, ‘20s).
fn starts_with_digit(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| !t.space_before) && doc.first_byte(i).is_ascii_digit()
}

/// Token `i` sits between two words or numbers with no space: `dog‘s`.
fn inside_word(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let word = |k: usize| {
        matches!(doc.tokens[k].kind, Kind::Word | Kind::Number) && doc.tokens[k].para == t.para
    };
    i > 0
        && !t.space_before
        && word(i - 1)
        && doc.tokens.get(i + 1).is_some_and(|n| !n.space_before)
        && word(i + 1)
}

/// Space or an opening bracket/dash before, a non-space after: looks like an opening mark.
fn left_flanking(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let before_ok = t.space_before
        || i == 0
        || doc.tokens[i - 1].para != t.para
        || matches!(
            doc.tok(i - 1),
            "(" | "[" | "—" | "–" | "-" | "--" | ":" | "/"
        )
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
        let all: Vec<&str> = pair(&d).1.iter().map(|p| p.span.text(t)).collect();
        assert_eq!(all, [q[0].span.text(t), "‘never’", "‘why’"]);
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

    fn pairs(t: &str) -> Vec<&str> {
        let d = Document::new(t);
        pair(&d).1.iter().map(|p| p.span.text(t)).collect()
    }

    #[test]
    fn a_quote_open_at_a_line_end_is_carried_to_its_close_over_lines_without_marks() {
        let t = "He wrote \"Hi,\nthe middle line.\nThe end.\" and left.";
        let d = Document::new(t);
        let q = find(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.text(t), "\"Hi,\nthe middle line.\nThe end.\"");
        assert!(q[0].multi_paragraph && !q[0].unclosed);
        // Not past a long paragraph, after which a long text's section may start.
        let long = "Officials said the talks went on. ".repeat(12);
        let t = format!("He wrote \"{long}\nThe end.\" and left.");
        let d = Document::new(&t);
        let q = find(&d);
        assert_eq!(q.len(), 1);
        assert!(q[0].unclosed && q[0].span.text(&t).ends_with("went on."));
        assert!(pair(&d).1.is_empty());
    }

    #[test]
    fn apostrophe_runs_close_what_is_open_innermost_first() {
        assert_eq!(
            pairs("``One ``two `three ``four''''''' and ``five''"),
            [
                "``One ``two `three ``four'''''''",
                "``two `three ``four'''''",
                "`three ``four'''",
                "``four''",
                "``five''"
            ]
        );
        // An opening '' with no '' after it is a single mark and an elision.
        assert_eq!(pairs("''Tis done' she said"), ["''Tis done'"]);
    }

    #[test]
    fn word_final_apostrophes_give_way_to_surer_closing_marks() {
        assert_eq!(
            pairs("'It's the girls' turn,' he said of rock 'n' roll and the boys' band."),
            ["'It's the girls' turn,'"]
        );
        assert_eq!(pairs("He said 'no' and the boys' band left."), ["'no'"]);
    }

    #[test]
    fn marks_in_the_other_ones_place() {
        assert_eq!(pairs("“Yes,“ he said."), ["“Yes,“"]);
        assert_eq!(pairs("Er sagte »nie« und ging."), ["»nie«"]);
        assert_eq!(pairs("”Hej”, sa hon."), ["”Hej”"]);
        assert_eq!(pairs("“It‚ was‘ fine.”"), ["“It‚ was‘ fine.”"]);
        assert_eq!(pairs("He wrote ‚nie‘ twice."), ["‚nie‘"]);
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
