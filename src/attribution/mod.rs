//! Attribution stage: ordered sieves, most precise first, give each quotation a cue and a speaker mention.
//!
//! Every sieve is one file in `sieves/` with a `pub fn run(ctx: &mut Ctx)`; it looks at quotes (and cues) that no
//! earlier sieve settled and settles those it is sure of. [`SIEVES`] is the order. To add a sieve, copy one of the
//! files, give it a name, and add it to the list.
//!
//! The helpers here read the text around a cue: [`subject_left`] (`X said`, `X, a top adviser, said`),
//! [`subject_right`] (`said X`), and [`clause_start_after`], [`clause_end`] and [`clause_start_before`] for the
//! content of reported speech.

pub mod sieves;

use crate::cues::{Cue, CueKind};
use crate::lexicon::{word_list, VerbForm, WordList};
use crate::mentions::{self, Mention, MentionKind, BETWEEN_SUBJECT_AND_VERB};
use crate::model::{QuoteKind, Span};
use crate::quotes::QuoteSpan;
use crate::text::{Document, Kind};

/// A sieve: its name (reported with each quote it settles) and its function.
pub type Sieve = (&'static str, fn(&mut Ctx));

/// The sieves in the order they run.
pub const SIEVES: &[Sieve] = &[
    ("colon", sieves::colon::run),
    ("transcript", sieves::transcript::run),
    ("parenthetical", sieves::parenthetical::run),
    ("trailing_cue", sieves::trailing_cue::run),
    ("leading_cue", sieves::leading_cue::run),
    ("dash", sieves::dash::run),
    ("asked", sieves::asked::run),
    ("mixed", sieves::mixed::run),
    ("intro_colon", sieves::intro_colon::run),
    ("same_paragraph", sieves::same_paragraph::run),
    ("continuation", sieves::continuation::run),
    ("indirect", sieves::indirect::run),
    ("according_to", sieves::according_to::run),
    // Again, now that reported speech is attributed: a paragraph that is wholly a quotation after `X says the plan
    // is …` goes on with X.
    ("continuation", sieves::continuation::run),
    ("nominal", sieves::nominal::run),
    ("predicative", sieves::predicative::run),
];

/// One attribution: a quotation with its cue and speaker mention.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub kind: QuoteKind,
    pub span: Span,
    pub cue: Option<Span>,
    pub mention: Option<Mention>,
    /// Index of the quote span this came from (for direct and mixed quotes).
    pub quote: Option<usize>,
    pub confidence: f32,
    pub sieve: &'static str,
    /// The speaker is the same as that of another attribution (floating quotes): its index.
    pub same_as: Option<usize>,
    /// For a quote split by its cue (`“A,” X said. “B.”`): the quoted parts; empty otherwise.
    pub parts: Vec<Span>,
}

impl Attribution {
    /// An attribution with no cue yet ([`Ctx::settle`] fills it in from the cue index), no link and one part.
    pub fn new(kind: QuoteKind, span: Span, mention: Option<Mention>, confidence: f32) -> Self {
        Attribution {
            kind,
            span,
            cue: None,
            mention,
            quote: None,
            confidence,
            sieve: "",
            same_as: None,
            parts: Vec::new(),
        }
    }
}

/// Spans of attributions made so far, for the question "does one of them contain this span?" in O(log n). Two sorted
/// lists with the running maximum of their ends: the spans there were when the sieve started, and those it adds (in
/// text order, so adding is a push; one out of order is inserted).
pub struct Cover {
    before: SpanList,
    added: SpanList,
}

#[derive(Default)]
struct SpanList {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl SpanList {
    fn rebuild_from(&mut self, i: usize) {
        self.max_end.truncate(i);
        let mut m = if i > 0 { self.max_end[i - 1] } else { 0 };
        for &(_, e) in &self.spans[i..] {
            m = m.max(e);
            self.max_end.push(m);
        }
    }

    fn insert(&mut self, s: Span) {
        if self.spans.last().is_none_or(|&(a, _)| a <= s.start) {
            self.spans.push((s.start, s.end));
            let m = self.max_end.last().map_or(s.end, |&m| m.max(s.end));
            self.max_end.push(m);
        } else {
            let i = self.spans.partition_point(|&(a, _)| a <= s.start);
            self.spans.insert(i, (s.start, s.end));
            self.rebuild_from(i);
        }
    }

    fn contains(&self, s: Span) -> bool {
        let i = self.spans.partition_point(|&(a, _)| a <= s.start);
        i > 0 && self.max_end[i - 1] >= s.end
    }
}

impl Cover {
    pub fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut before = SpanList {
            spans: spans.map(|s| (s.start, s.end)).collect(),
            max_end: Vec::new(),
        };
        crate::sort::sort(&mut before.spans);
        before.rebuild_from(0);
        Cover {
            before,
            added: SpanList::default(),
        }
    }

    /// Adds a span made by the running sieve.
    pub fn insert(&mut self, s: Span) {
        self.added.insert(s);
    }

    /// Some span so far contains `s`.
    pub fn contains(&self, s: Span) -> bool {
        self.before.contains(s) || self.added.contains(s)
    }
}

/// What the sieves share.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub quotes: &'d [QuoteSpan],
    pub cues: &'d [Cue],
    /// For each quote span: the attribution that settled it.
    pub quote_done: Vec<Option<usize>>,
    /// For each cue: the attribution that used it.
    pub cue_used: Vec<Option<usize>>,
    pub out: Vec<Attribution>,
    /// The sieve running now.
    pub sieve: &'static str,
    /// For each token: the quote span it lies in, if any.
    pub in_quote: Vec<u32>,
    /// For each token: the cue that starts at it, if any (cues start at distinct tokens).
    cue_of: Vec<u32>,
    /// Attribution spans by start, for [`Ctx::latest_end_overlapping`].
    by_start: SpanIndex,
}

/// The per-token indexes go back to `crate::scratch` for the next document.
impl Drop for Ctx<'_, '_> {
    fn drop(&mut self) {
        crate::scratch::keep_u32s(std::mem::take(&mut self.in_quote));
        crate::scratch::keep_u32s(std::mem::take(&mut self.cue_of));
    }
}

/// Attribution spans sorted by start, with the running maximum of their ends, for
/// [`Ctx::latest_end_overlapping`]: the latest end among spans starting before a byte is a binary search (a scan of
/// every attribution per query was quadratic on long texts). `base` holds `out[..upto]` as it was when sieve `sieve`
/// first asked; `recent`, the attributions recorded since, kept sorted on insertion (a few per query at most).
#[derive(Default)]
struct SpanIndex {
    sieve: &'static str,
    upto: usize,
    base: SortedSpans,
    recent: SortedSpans,
}

#[derive(Default)]
struct SortedSpans {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// `max_end[i]`: the latest of `ends[..=i]`.
    max_end: Vec<usize>,
}

impl SortedSpans {
    fn rebuild(&mut self, mut spans: Vec<(usize, usize)>) {
        crate::sort::sort(&mut spans);
        self.starts.clear();
        self.ends.clear();
        self.max_end.clear();
        let mut m = 0;
        for (s, e) in spans {
            m = m.max(e);
            self.starts.push(s);
            self.ends.push(e);
            self.max_end.push(m);
        }
    }

    fn insert(&mut self, start: usize, end: usize) {
        let p = self.starts.partition_point(|&s| s <= start);
        self.starts.insert(p, start);
        self.ends.insert(p, end);
        self.max_end.insert(p, 0);
        let mut m = p.checked_sub(1).map_or(0, |q| self.max_end[q]);
        for i in p..self.ends.len() {
            m = m.max(self.ends[i]);
            self.max_end[i] = m;
        }
    }

    /// The latest end among spans starting before `end`, if it is after `start`.
    fn latest_end_overlapping(&self, start: usize, end: usize) -> Option<usize> {
        let k = self.starts.partition_point(|&s| s < end);
        k.checked_sub(1)
            .map(|k| self.max_end[k])
            .filter(|&e| e > start)
    }
}

const NONE: u32 = u32::MAX;

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, quotes: &'d [QuoteSpan], cues: &'d [Cue]) -> Self {
        let mut in_quote = crate::scratch::u32s(doc.tokens.len(), NONE);
        for (qi, q) in quotes.iter().enumerate() {
            for slot in &mut in_quote[q.open_tok..=q.last_tok] {
                *slot = qi as u32;
            }
        }
        let mut cue_of = crate::scratch::u32s(doc.tokens.len(), NONE);
        for (ci, c) in cues.iter().enumerate() {
            if let Some(slot) = cue_of.get_mut(c.tok) {
                if *slot == NONE {
                    *slot = ci as u32;
                }
            }
        }
        Ctx {
            doc,
            quotes,
            cues,
            cue_of,
            quote_done: vec![None; quotes.len()],
            cue_used: vec![None; cues.len()],
            // About one attribution per quote or cue: reserved once (growing a large vector copies it into fresh pages).
            out: Vec::with_capacity(quotes.len() + cues.len()),
            sieve: "",
            in_quote,
            by_start: SpanIndex::default(),
        }
    }

    /// The cues whose first token is in `lo..hi` (cues are in text order).
    pub fn cues_between(&self, lo: usize, hi: usize) -> &'d [Cue] {
        let cues = self.cues;
        let a = cues.partition_point(|c| c.tok < lo);
        let b = a + cues[a..].partition_point(|c| c.tok < hi);
        &cues[a..b]
    }

    /// The latest end of an attribution span overlapping bytes `start..end` (`o.span.start < end && o.span.end >
    /// start`), if any. The running sieve may add attributions between queries but must not move the spans of
    /// recorded ones.
    pub fn latest_end_overlapping(&mut self, start: usize, end: usize) -> Option<usize> {
        let ix = &mut self.by_start;
        if ix.sieve != self.sieve || ix.upto > self.out.len() {
            ix.base.rebuild(
                self.out
                    .iter()
                    .map(|o| (o.span.start, o.span.end))
                    .collect(),
            );
            ix.recent.rebuild(Vec::new());
            ix.sieve = self.sieve;
            ix.upto = self.out.len();
        }
        for o in &self.out[ix.upto..] {
            ix.recent.insert(o.span.start, o.span.end);
        }
        ix.upto = self.out.len();
        // Among spans starting before `end`, the latest end overlaps if any does.
        let a = ix.base.latest_end_overlapping(start, end);
        a.max(ix.recent.latest_end_overlapping(start, end))
    }

    /// The quote span token `i` lies in.
    pub fn quote_at(&self, i: usize) -> Option<usize> {
        self.in_quote
            .get(i)
            .copied()
            .filter(|&q| q != NONE)
            .map(|q| q as usize)
    }

    /// Quote `qi` goes on with attribution `a`'s statement: it becomes a further part (`first` is the part before
    /// it when `a` has none yet), and the span runs to the statement's end — the closing mark, or when the sentence
    /// goes on after the mark with words of the statement (`“… are in support” of the evidence.`) that clause's end
    /// (not when a cue or another quote follows the mark).
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn join_part(&mut self, a: usize, first: Span, qi: usize) {
        let doc = self.doc;
        let q = &self.quotes[qi];
        let mut end = q.span.end;
        if let Some(close) = q.close_tok {
            let sent = doc.sentence_of(close);
            let next = close + 1;
            let words_after = (next..sent.tok_end)
                .filter(|&k| doc.tokens[k].kind == Kind::Word)
                .count();
            let goes_on = words_after >= 2
                && next < sent.tok_end
                && doc.tokens[next].kind == Kind::Word
                && !doc.is_capitalized(next)
                && !(next..(next + 6).min(sent.tok_end))
                    .any(|k| self.cue_at(k).is_some() || doc.tokens[k].kind == Kind::QuoteMark);
            if goes_on {
                end = doc.tokens[clause_end(doc, close, self.cues).max(close)].end as usize;
            }
        }
        let span = q.span;
        let prev = &mut self.out[a];
        if prev.parts.is_empty() {
            prev.parts.push(first);
        }
        prev.parts.push(span);
        prev.span.end = end;
        self.quote_done[qi] = Some(a);
    }

    /// Index of the cue starting at token `i`.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        self.cue_of
            .get(i)
            .copied()
            .filter(|&c| c != NONE)
            .map(|c| c as usize)
    }

    /// Records an attribution of quote span `q` (if any) with cue `c` (if any).
    pub fn settle(&mut self, mut a: Attribution, q: Option<usize>, c: Option<usize>) -> usize {
        // A quotation's own words never name its speaker: a mention inside a quotation speaks only for speech
        // reported inside that same quotation.
        if let Some(m) = &a.mention {
            if let Some(qm) = self.quote_at(m.first) {
                let inside = self.quotes[qm].span;
                if q == Some(qm) || !inside.contains(a.span) || a.span == inside {
                    a.mention = None;
                }
            }
        }
        let idx = self.out.len();
        a.sieve = self.sieve;
        a.quote = q;
        if let Some(q) = q {
            self.quote_done[q] = Some(idx);
        }
        if let Some(c) = c {
            self.cue_used[c] = Some(idx);
            a.cue = Some(self.cues[c].span(self.doc));
        }
        self.out.push(a);
        idx
    }

    /// The speaker attribution of the quote `q`, if settled.
    pub fn attribution_of(&self, q: usize) -> Option<&Attribution> {
        self.quote_done[q].map(|i| &self.out[i])
    }
}

/// Runs every sieve and returns the attributions sorted by position.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn attribute(doc: &Document, quotes: &[QuoteSpan], cues: &[Cue]) -> Vec<Attribution> {
    let mut ctx = Ctx::new(doc, quotes, cues);
    for (name, run) in SIEVES {
        ctx.sieve = name;
        run(&mut ctx);
    }
    let mut out = std::mem::take(&mut ctx.out);
    drop(ctx);
    // Keep order stable for `same_as` links: sort a permutation, then remap.
    let mut order: Vec<usize> = (0..out.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (out[i].span.start, out[i].span.end, i));
    // Page furniture ("Top stories" teasers) is not the article's speech. In text order, the first token at or after
    // each start is a forward scan (a binary search per attribution missed the cache on long texts).
    let mut t = 0;
    for &i in &order {
        let a = &mut out[i];
        while t < doc.tokens.len() && (doc.tokens[t].start as usize) < a.span.start {
            t += 1;
        }
        let at = t.min(doc.tokens.len().saturating_sub(1));
        if doc
            .tokens
            .get(at)
            .is_some_and(|t| doc.boilerplate[t.para as usize])
        {
            a.confidence = -1.0;
        }
    }
    let mut new_index = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for a in &mut out {
        a.same_as = a.same_as.map(|s| new_index[s]);
    }
    let mut sorted: Vec<Option<Attribution>> = out.into_iter().map(Some).collect();
    let mut result: Vec<Attribution> = order
        .iter()
        .map(|&i| sorted[i].take().expect("each index once"))
        .collect();
    // Remove dropped ones, remapping links.
    let keep: Vec<bool> = result.iter().map(|a| a.confidence >= 0.0).collect();
    let mut remap = vec![None; result.len()];
    let mut n = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            remap[i] = Some(n);
            n += 1;
        }
    }
    result.retain(|a| a.confidence >= 0.0);
    for a in &mut result {
        a.same_as = a.same_as.and_then(|s| remap[s]);
    }
    result
}

/// Who issued a document that speaks: `McConnell issued a statement saying …`, `Rubio's campaign sent out a press
/// release saying …` — for an indefinite document noun (`a statement`) right after a verb of issuing (and perhaps
/// "out"), that verb's subject: a name, an organisation, a role, a group or a pronoun.
#[cfg_attr(whosaid_small, optimize(size))]
fn issuer_of(doc: &Document, m: &Mention, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    let head = doc.lower(m.last, &mut buf);
    let is_doc =
        crate::lexicon::role_noun(head).is_some_and(|r| r.kind == crate::lexicon::RoleKind::Doc);
    if !is_doc || !matches!(doc.lower(m.first, &mut buf), "a" | "an") || m.first <= floor + 1 {
        return None;
    }
    let mut v = m.first - 1;
    if matches!(doc.lower(v, &mut buf), "out" | "up") && v > floor + 1 {
        v -= 1;
    }
    let issuing = matches!(
        doc.lower(v, &mut buf),
        "issued"
            | "released"
            | "sent"
            | "put"
            | "posted"
            | "published"
            | "distributed"
            | "circulated"
    );
    if !issuing {
        return None;
    }
    // Between the issuer and its verb: adverbs (`She also sent`, `Clinton later released`) and a parenthetical
    // (`Sen. Mitch Doe (R-Ky.) issued`).
    let mut end = v - 1;
    loop {
        let w = doc.lower(end, &mut buf);
        if (BETWEEN_SUBJECT_AND_VERB.contains(&w) || ly_adverb(doc, end, w)) && end > floor {
            end -= 1;
        } else if doc.is(end, ')') {
            let open = paren_open(doc, end, floor)?;
            if open <= floor {
                return None;
            }
            end = open - 1;
        } else {
            break;
        }
    }
    let s = mentions::np_ending_at(doc, end, floor)?;
    let by_someone = matches!(
        s.kind,
        MentionKind::Name
            | MentionKind::Org
            | MentionKind::Role
            | MentionKind::Group
            | MentionKind::Pronoun
    ) && !crate::lexicon::role_noun(doc.lower(s.last, &mut buf))
        .is_some_and(|r| r.kind == crate::lexicon::RoleKind::Doc);
    by_someone.then_some(s)
}

/// Whether token `k`, read in lower case as `w`, is an adverb in -ly that may stand between a subject and its verb
/// (`Clinton quickly said`; not a capitalised word such as "Kelly").
fn ly_adverb(doc: &Document, k: usize, w: &str) -> bool {
    w.ends_with("ly") && w.len() > 4 && !doc.is_capitalized(k)
}

/// The opening parenthesis of a short parenthetical (up to eight tokens, not before `floor`) whose closing one is
/// token `close`: `(R-Ky.)` after a name.
fn paren_open(doc: &Document, close: usize, floor: usize) -> Option<usize> {
    (close.saturating_sub(8).max(floor)..close)
        .rev()
        .find(|&k| doc.is(k, '('))
}

/// The subject of the cue `c`, read leftwards from the cue, not before token `floor`:
/// `X said`, `X also said`, `X, a top adviser to Y, said`, `the spokesman told`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn subject_left(doc: &Document, cue: &Cue, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    let mut k = cue.tok;
    while k > floor {
        let w = doc.lower(k - 1, &mut buf);
        // A time adjunct between subject and verb: `Clinton on Tuesday said`, `Beck last week said`.
        let time = is_time_word(w)
            || matches!(w, "on" | "last" | "this" | "early" | "late")
                && k < cue.tok
                && is_time_word(doc.lower(k, &mut [0u8; 48]));
        // A quantifier after its subject: `Smith and Jones both said`, `the two men each said` (not `Both said`,
        // `and both vowed`, where it is the subject).
        let floating = matches!(w, "both" | "each")
            && k >= floor + 2
            && doc.tokens[k - 2].kind == Kind::Word
            && !matches!(
                doc.lower(k - 2, &mut [0u8; 48]),
                "and" | "but" | "or" | "yet" | "so"
            );
        // ("Theresa May said": a month after a first name is the surname, not the modal.)
        let between =
            BETWEEN_SUBJECT_AND_VERB.contains(&w) && !mentions::month_surname(doc, k - 1, w);
        if between || time || floating || ly_adverb(doc, k - 1, w) {
            k -= 1;
        } else {
            break;
        }
    }
    if k <= floor {
        return None;
    }
    let mut e = k - 1;
    // A contracted auxiliary after a pronoun: `He’s claiming …`, `They’re saying …`.
    if e > floor
        && matches!(doc.lower(e, &mut buf), "’s" | "'s" | "’re" | "'re")
        && matches!(doc.lower(e - 1, &mut buf), "he" | "she" | "it" | "they")
        && !doc.tokens[e].space_before
    {
        e -= 1;
    }
    // `…, adding` / `…, saying`: the subject is the clause's, found by the caller.
    if cue.form == VerbForm::Gerund && doc.is(e, ',') {
        return None;
    }
    // `a woman in Ames, Iowa, told`: the comma closes a town's state, no appositive (see `town_of_state`) — unless
    // a name stands before the phrase with the town (`Lee Harvey, a delegate from Ames, Iowa, said`).
    if doc.is(e, ',') && e > floor + 1 {
        let town =
            mentions::np_ending_at(doc, e - 1, floor).and_then(|st| town_of_state(doc, &st, floor));
        if let Some(town) = town {
            match appositive_subject(doc, e, floor) {
                Some(a) if a.name.is_some_and(|(_, b)| b < town.first) => return Some(a),
                _ => e -= 1,
            }
        }
    }
    // `Gov. Ana Mora (R-Ohio), said`: a comma after a party-and-state label closes no appositive.
    if doc.is(e, ',') && e > floor + 3 && doc.is(e - 1, ')') {
        let label = paren_open(doc, e - 1, floor).and_then(|open| {
            let inner = doc
                .text
                .get(doc.tokens[open].end as usize..doc.tokens[e - 1].start as usize)?;
            mentions::party_label(inner.trim())
        });
        if label.is_some() {
            e -= 1;
        }
    }
    if doc.is(e, ',') || doc.is(e, ')') {
        return appositive_subject(doc, e, floor);
    }
    if matches!(doc.lower(e, &mut buf), "and" | "but") {
        return coordinated_subject(doc, e, floor);
    }
    if let Some(m) = quantity_subject(doc, e, floor) {
        return Some(m);
    }
    let Some(m) = mentions::np_ending_at(doc, e, floor) else {
        return relative_clause_subject(doc, cue, floor);
    };
    if let Some(issuer) = issuer_of(doc, &m, floor) {
        return Some(issuer);
    }
    // `a woman in Ames, Iowa, said`: a US state after a town and its comma belongs to the town, and the phrase is
    // read from the town (whose preposition then tells whether a person stands before it).
    let m = town_of_state(doc, &m, floor).unwrap_or(m);
    // A noun phrase after a preposition is not the subject ("in an interview with X said" is not X) — unless the
    // preposition post-modifies the subject: `Mr. Morgan of the Sierra Club said`, `attorneys for the family said`.
    let mut p = m.first;
    if p > floor && matches!(doc.lower(p - 1, &mut buf), "the" | "a" | "an") {
        p -= 1;
    }
    if p > floor {
        let mut prep_buf = [0u8; 48];
        let prep = doc.lower(p - 1, &mut prep_buf);
        if matches!(
            prep,
            "with" | "to" | "by" | "from" | "for" | "of" | "about" | "against" | "on" | "at" | "in"
        ) {
            // `A bench headed by Chief Justice Ana Ruiz said`, `a committee chaired by …`: the body led by the name.
            let led = prep == "by"
                && p >= floor + 3
                && matches!(
                    doc.lower(p - 2, &mut buf),
                    "led" | "headed" | "chaired" | "run" | "founded" | "convened"
                );
            let post_modifier = led
                || matches!(
                    prep,
                    "of" | "for" | "from" | "at" | "with" | "on" | "in" | "to"
                );
            // `sources close to the campaign said`
            let mut head_end = p.saturating_sub(2 + usize::from(led));
            if prep == "to" && head_end > floor && doc.lower(head_end, &mut buf) == "close" {
                head_end -= 1;
            }
            if post_modifier && p >= floor + 2 {
                if let Some(mut h) = mentions::np_ending_at(doc, head_end, floor) {
                    // "to" post-modifies only a role or a group: `aides to Clinton`, `an adviser to the mayor`.
                    let to_ok =
                        prep != "to" || matches!(h.kind, MentionKind::Role | MentionKind::Group);
                    // `Court of King's Bench Justice Anne Kirker said`: a court's or a body's name, then a title
                    // and a person's name — the person is the subject, the whole before the name her description
                    // (not `the office of Sen. Ana Ruiz`: a body named in lower case, a title alone after "of").
                    if let Some((s, _)) = m.name.filter(|&(s, _)| {
                        prep == "of"
                            && m.kind == MentionKind::Name
                            && s > m.first + 1
                            && doc.is_capitalized(h.first)
                            && (m.first..s).all(|k| !matches!(doc.tok(k), "and" | "or" | "&"))
                            && mentions::is_title_tok(doc, s - 1)
                    }) {
                        let mut m = m;
                        m.description = Some(doc.span_of(h.first, s - 1));
                        m.first = h.first;
                        m.span = doc.span_of(h.first, m.last);
                        return Some(m);
                    }
                    if h.kind != MentionKind::Pronoun && to_ok {
                        if h.name.is_some() && h.description.is_none() {
                            h.description = Some(doc.span_of(p - 1, e));
                        }
                        h.last = e;
                        h.span = doc.span_of(h.first, e);
                        return Some(h);
                    }
                }
            }
            return None;
        }
    }
    // A lone singular name right before a base-form cue is not its subject (it would say "states"), but a modifier
    // of the cue word, which is then a noun: `black Democratic state legislators said`.
    if cue.form == VerbForm::Base
        && m.kind == MentionKind::Name
        && m.first == m.last
        && m.last + 1 == cue.tok
        && !doc.tok(m.first).ends_with('s')
        // (Nor the last of several: `Forbes and Wealth-X say`, `critics like Huffman say`.)
        && !(m.first > floor
            && matches!(doc.lower(m.first - 1, &mut buf), "and" | "&" | "or" | "nor" | "like"))
    {
        return None;
    }
    Some(m)
}

/// For a mention that is a US state (`lexicon::us_state`) after a capitalised word and a comma (`Ames, Iowa`), the
/// phrase ending at the word before the comma, with the state's span added.
#[cfg_attr(whosaid_small, optimize(size))]
fn town_of_state(doc: &Document, m: &Mention, floor: usize) -> Option<Mention> {
    if m.first < floor + 2 || !doc.is(m.first - 1, ',') || !doc.is_capitalized(m.first - 2) {
        return None;
    }
    crate::lexicon::us_state(m.span.text(doc.text).trim_end_matches(','))?;
    let mut town = mentions::np_ending_at(doc, m.first - 2, floor)?;
    town.last = m.last;
    town.span = doc.span_of(town.first, m.last);
    Some(town)
}

/// Whether token `k` is a number or a number word ("32", "six", "two-thirds"), as [`quantity_subject`] reads them.
/// (A function of its own, not a closure: the browser build optimises it for size.)
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn number_word(doc: &Document, k: usize) -> bool {
    let mut b = [0u8; 48];
    let w = doc.lower(k, &mut b);
    w.bytes().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "half"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
        )
        || w.as_bytes().contains(&b'-')
            && w.split('-')
                .any(|p| matches!(p, "thirds" | "quarters" | "third"))
}

/// A share of people as a subject, the way polls report it: `32 percent said`, `Some 20 percent of voters in the
/// poll say`, `Six in 10 say`, `two-thirds of Republicans said` — a group ending at `e`.
#[cfg_attr(whosaid_small, optimize(size))]
fn quantity_subject(doc: &Document, e: usize, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    // The head: `percent`/`%` after a number, `N in 10`, or a fraction; then optionally `of …` up to `e`.
    let lo = e.saturating_sub(10).max(floor);
    // The head ends the phrase or stands before its `of`: only those places are looked at (this runs for every
    // subject read).
    let is_head = |k: usize| {
        let mut b = [0u8; 48];
        let w = doc.lower(k, &mut b);
        (matches!(w, "percent" | "%" | "per") && k > floor && number_word(doc, k - 1))
            || (w == "in"
                && k > floor
                && k < e
                && number_word(doc, k - 1)
                && number_word(doc, k + 1))
            || (w.as_bytes().contains(&b'-') && number_word(doc, k))
    };
    // The phrase's end, then the word before each "of" from the right: a head among the last two words.
    let mut head = None;
    let (mut end, mut j) = (e, e + 1);
    loop {
        for k in [end.saturating_sub(1), end] {
            if head.is_none() && k >= lo && is_head(k) {
                head = Some(k);
            }
        }
        if head.is_some() {
            break;
        }
        loop {
            j -= 1;
            if j <= lo || doc.tokens[j].kind == Kind::Word && doc.lower(j, &mut buf) == "of" {
                break;
            }
        }
        if j <= lo {
            break;
        }
        end = j - 1;
    }
    let head = head?;
    let head_end = match doc.lower(head, &mut buf) {
        "in" => head + 1,
        "per" => head + 1, // "per cent"
        _ => head,
    };
    if head_end < e
        && (doc.lower(head_end + 1, &mut buf) != "of"
            || (head_end + 1..=e).any(|k| doc.tokens[k].kind != Kind::Word))
    {
        return None;
    }
    let mut first = if doc.tokens[head].kind == Kind::Word
        && doc.lower(head, &mut buf).as_bytes().contains(&b'-')
    {
        head
    } else {
        head - 1
    };
    // `Some 20 percent`, `nearly two-thirds`, `as many as 40 percent`.
    while first > floor
        && matches!(
            doc.lower(first - 1, &mut buf),
            "some"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "just"
                | "only"
                | "over"
                | "around"
                | "than"
                | "more"
                | "fewer"
                | "less"
                | "many"
                | "as"
        )
    {
        first -= 1;
    }
    Some(Mention::described(doc, MentionKind::Group, first, e, true))
}

/// The word before a verb's base form that makes it a verb in its own clause: "to" or a modal or `do` auxiliary
/// (`will say`, `did tell`). Without one a base form needs its subject right before it (`a press call Friday` is no
/// report).
pub fn licenses_base_form(w: &str) -> bool {
    matches!(
        w,
        "to" | "will"
            | "would"
            | "did"
            | "does"
            | "do"
            | "could"
            | "might"
            | "may"
            | "can"
            | "should"
            | "must"
    )
}

/// A weekday or a word of time that may make an adjunct on its own or after `on`/`last`/`this`.
#[cfg_attr(whosaid_small, optimize(size))]
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "week"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "today"
            | "yesterday"
            | "tonight"
            | "weekend"
    )
}

/// [`subject_left`], or for quotation marks only (where the marks already vouch for speech) a generic noun phrase:
/// `The letter continues: “…”`, `“…,” the ad says`. For reported speech without marks it costs more precision than
/// it brings.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn subject_left_for_quote(doc: &Document, cue: &Cue, floor: usize) -> Option<Mention> {
    subject_left(doc, cue, floor).or_else(|| {
        let mut buf = [0u8; 48];
        let mut k = cue.tok;
        while k > floor && BETWEEN_SUBJECT_AND_VERB.contains(&doc.lower(k - 1, &mut buf)) {
            k -= 1;
        }
        (k > floor).then(|| generic_np(doc, k - 1, floor)).flatten()
    })
}

/// [`subject_right`], or for quotation marks only a generic noun phrase that closes the clause: `“…,” said the ruling.`
#[cfg_attr(whosaid_small, optimize(size))]
pub fn subject_right_for_quote(doc: &Document, cue: &Cue, ceil: usize) -> Option<Mention> {
    subject_right(doc, cue, ceil).or_else(|| {
        // A determiner, at most two lower-case words, then the end of the clause.
        let s = cue.last + 1;
        let e = (s + 1..(s + 4).min(ceil))
            .take_while(|&k| doc.tokens[k].kind == Kind::Word && !doc.is_capitalized(k))
            .last()?;
        let closes = e + 1 >= ceil || doc.is(e + 1, ',') || doc.is(e + 1, '.');
        (closes && is_det(doc, s))
            .then(|| generic_np(doc, e, s))
            .flatten()
            .filter(|m| m.first == s)
    })
}

/// `The letter continues:` / `the ad says` — a determiner and a lower-case noun that is not a known role.
#[cfg_attr(whosaid_small, optimize(size))]
fn generic_np(doc: &Document, e: usize, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    if e <= floor
        || doc.tokens[e].kind != Kind::Word
        || doc.is_capitalized(e) && e > doc.sentence_of(e).tok_start
    {
        return None;
    }
    // Up to two lower-case modifiers between the determiner and the noun: `the progressive heavyweights`.
    let mut d = e - 1;
    while d > floor
        && e - d <= 2
        && doc.tokens[d].kind == Kind::Word
        && !doc.is_capitalized(d)
        && !is_det(doc, d)
    {
        d -= 1;
    }
    if !is_det(doc, d) {
        return None;
    }
    let det = doc.lower(d, &mut buf);
    let possessive = det.ends_with('s') && det.len() <= 3;
    let mut wbuf = [0u8; 48];
    let w = doc.lower(e, &mut wbuf);
    // A verb form is no head noun — unless it is a noun too ("the report", "the statement").
    if crate::lexicon::speech_verb(w).is_some_and(|v| !v.noun_too)
        || crate::lexicon::is_pronoun(w).is_some()
        || w.len() < 2
    {
        return None;
    }
    // For a possessive, the phrase starts at the possessor ("Macron’s office").
    let first = if possessive {
        let p = d.saturating_sub(1);
        mentions::np_ending_at(doc, p, floor).map_or(p, |m| m.first)
    } else {
        d
    };
    Some(Mention::described(doc, MentionKind::Role, first, e, false))
}

/// Whether the capitalised run ending at `k` follows a preposition of place ("from Englewood", "in Ames").
fn prep_before(doc: &Document, k: usize, floor: usize) -> bool {
    let mut j = k;
    while j > floor && doc.is_capitalized(j) {
        j -= 1;
    }
    let mut buf = [0u8; 48];
    j < k && matches!(doc.lower(j, &mut buf), "from" | "in" | "of" | "at")
}

#[cfg_attr(whosaid_small, optimize(size))]
fn is_det(doc: &Document, k: usize) -> bool {
    let mut buf = [0u8; 48];
    matches!(
        doc.lower(k, &mut buf),
        "the" | "a" | "an" | "this" | "his" | "her" | "its" | "their" | "’s" | "'s"
    )
}

/// `A White House official who spoke anonymously to discuss strategy said` — the subject is the noun phrase before a
/// `who` clause that runs up to the cue.
#[cfg_attr(whosaid_small, optimize(size))]
fn relative_clause_subject(doc: &Document, cue: &Cue, floor: usize) -> Option<Mention> {
    let lo = cue.tok.saturating_sub(14).max(floor);
    let who = (lo..cue.tok)
        .rev()
        .find(|&k| matches!(doc.tok(k), "who" | "whom"))?;
    if (who..cue.tok).any(|k| doc.is(k, ',') || doc.tokens[k].kind == Kind::QuoteMark)
        || who <= floor
    {
        return None;
    }
    // `McConnell, now the majority leader, who … said`: the relative clause follows an appositive.
    let m = if doc.is(who - 1, ',') && who > floor + 1 {
        mentions::np_ending_at(doc, who - 2, floor)
            .filter(|m| m.name.is_some())
            .or_else(|| appositive_subject(doc, who - 1, floor))
            // `his listeners, who wondered …`: people described before the comma.
            .or_else(|| {
                mentions::np_ending_at(doc, who - 2, floor).filter(|m| {
                    matches!(m.kind, MentionKind::Role | MentionKind::Group)
                        && mentions::is_person_role_tok(doc, m.last)
                })
            })?
    } else {
        mentions::np_ending_at(doc, who - 1, floor)?
    };
    // The phrase may be the end of the speaker's: a place or employer after a preposition (`Sen. Ted Cruz of Texas,
    // who`, `a star anchor at Fox News who`), or an appositive after a comma (`Alan Berger, a doctor from Englewood,
    // New Jersey, who`). The chain is followed back to the person's name.
    let mut m = m;
    let mut buf = [0u8; 48];
    for _ in 0..4 {
        let mut b = m.first;
        // (Past an article the phrase leaves out: "at the University of Ostland".)
        if b > floor + 2 && matches!(doc.lower(b - 1, &mut buf), "the" | "a" | "an") {
            b -= 1;
        }
        if b <= floor + 1 || m.kind == MentionKind::Pronoun {
            break;
        }
        let prep = matches!(
            doc.lower(b - 1, &mut buf),
            "of" | "from" | "at" | "in" | "on" | "with" | "for"
        );
        // (After a comma only from a place's name or a description: "Smith, Jones, who" stays with Jones.)
        let appositive = doc.is(b - 1, ',')
            && m.kind != MentionKind::Group
            && (m.name.is_none()
                || m.kind != MentionKind::Name
                || m.description.is_none() && {
                    let k = b - 2;
                    doc.tokens[k].kind == Kind::Word && !doc.is_capitalized(k)
                        || prep_before(doc, k, floor)
                });
        // (Not back from a person's name over a preposition: `a harsh response from Donald Trump Jr., who`.)
        let person = m.kind == MentionKind::Name
            && (m.gender != crate::model::Gender::Unknown || m.description.is_some());
        if !prep && !appositive || prep && person {
            break;
        }
        // (A role over a preposition only if it is a person's: not `this tweet from Rikkie Wells who`.)
        // (Back over a comma only to a name, as an appositive follows one: not `condemned the candidate's
        // proposal, the groups who`.)
        let before = mentions::np_ending_at(doc, b - 2, floor).filter(|p| {
            p.kind != MentionKind::Pronoun
                && (p.name.is_some()
                    || prep
                        && p.kind == MentionKind::Role
                        && mentions::is_person_role_tok(doc, p.last))
        });
        // (A description with a noun of no known role, "a gynecologist from Englewood": back to its article.)
        let described = || {
            let mut j = b - 2;
            while j > floor
                && b - 2 - j < 5
                && doc.tokens[j].kind == Kind::Word
                && !doc.is_capitalized(j)
            {
                // (Only set off by a comma, as an appositive is: not `a damning reaction from Obama, who`.)
                if matches!(doc.lower(j, &mut [0u8; 48]), "a" | "an" | "the") {
                    return (j > floor && doc.is(j - 1, ','))
                        .then(|| Mention::described(doc, MentionKind::Role, j, b - 2, false));
                }
                j -= 1;
            }
            None
        };
        match before.or_else(|| if prep { described() } else { None }) {
            Some(p) => m = p,
            None => break,
        }
    }
    (m.kind != MentionKind::Pronoun).then_some(Mention {
        via: Some(doc.tokens[who].span()),
        ..m
    })
}

/// `The senator criticized the plan and said …` / `Carson did not name his rivals, but told …`: the cue is the second
/// verb of a coordination at `conj` ("and"/"but"); its subject is the subject of the clause the coordination is in,
/// read at the clause's start (after a fronted adverbial such as `In an interview on Monday,`).
#[cfg_attr(whosaid_small, optimize(size))]
fn coordinated_subject(doc: &Document, conj: usize, floor: usize) -> Option<Mention> {
    let mut buf = [0u8; 48];
    let lo = doc.sentence_of(conj).tok_start.max(floor);
    let mut start = lo;
    for k in (lo..conj).rev() {
        if doc.tokens[k].kind == Kind::QuoteMark {
            return None;
        }
        let w = doc.lower(k, &mut buf);
        if matches!(w, ";" | ":")
            || matches!(
                w,
                "when"
                    | "while"
                    | "because"
                    | "after"
                    | "before"
                    | "if"
                    | "since"
                    | "although"
                    | "though"
                    | "as"
                    | "where"
                    | "until"
                    | "unless"
                    | "whether"
            )
        {
            start = k + 1;
            break;
        }
    }
    // Past connectives, a dateline and fronted adverbials (`In an interview on Monday,`).
    start = subject_start(doc, start, conj)?;
    // `X said that A but said B`: the second verb continues the first report (one statement), not a new one.
    if start >= conj
        || (start..conj).any(|k| {
            crate::lexicon::speech_verb(doc.lower(k, &mut buf)).is_some_and(|v| {
                v.strength >= 2 && matches!(v.form, VerbForm::Past | VerbForm::ThirdPerson)
            })
        })
    {
        return None;
    }
    let m = mentions::np_starting_at(doc, start, conj)?;
    // The subject is followed by its verb (a lower-case word), not by more of a noun phrase or a list.
    let next = m.last + 1;
    let verb_follows = next < conj
        && doc.tokens[next].kind == Kind::Word
        && !doc.is_capitalized(next)
        && !matches!(
            doc.lower(next, &mut buf),
            "and" | "or" | "of" | "who" | "which" | "that"
        );
    let at_start = m.first == start
        || m.first == start + 1 && matches!(doc.lower(start, &mut buf), "the" | "a" | "an");
    (at_start && verb_follows).then_some(m)
}

/// Where the subject of a clause starting at `start` (and ending before `limit`) begins: past connectives
/// (`But`, `Meanwhile`), a dateline (`WASHINGTON (AFP) —`) and fronted adverbial or participial phrases, each up to
/// its comma (`In a statement to the Observer,`, `Hours later,`, `Tuesday at … in Berea, OH, after winning Ohio,`).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn subject_start(doc: &Document, mut start: usize, limit: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    // A dateline: capitals, a date or an agency in parentheses, then a dash, within the first dozen tokens.
    if let Some(dash) =
        (start..(start + 12).min(limit)).find(|&k| matches!(doc.tok(k), "—" | "–" | "--"))
    {
        // (Or a place in title case before an agency in parentheses: `Washington (AFP) –`.)
        let agency = dash >= start + 4
            && doc.is(dash - 1, ')')
            && doc.is(dash - 3, '(')
            && doc.is_capitalized(dash - 2)
            && doc.is_capitalized(start);
        if doc.tokens[start].kind == Kind::Word
            && (doc.tok(start).chars().all(|c| !c.is_lowercase())
                && doc.tok(start).chars().count() > 1
                || agency)
        {
            start = dash + 1;
        }
    }
    for _ in 0..4 {
        while start < limit
            && (doc.tokens[start].kind != Kind::Word
                || matches!(
                    doc.lower(start, &mut buf),
                    "but" | "and" | "meanwhile" | "however" | "still" | "yet" | "so" | "then"
                ))
        {
            start += 1;
        }
        if start >= limit {
            return None;
        }
        let first = doc.lower(start, &mut buf);
        let adverbial = matches!(
            first,
            "in" | "at"
                | "on"
                | "after"
                | "during"
                | "before"
                | "later"
                | "earlier"
                | "speaking"
                | "asked"
                | "instead"
                | "also"
                | "for"
                | "with"
                | "by"
                | "from"
                | "over"
                | "under"
                | "last"
                | "this"
                | "hours"
                | "minutes"
                | "days"
                | "weeks"
                | "months"
                | "years"
                | "according"
                | "despite"
                | "amid"
                | "following"
                | "since"
                | "unlike"
                | "like"
                | "outside"
                | "inside"
                | "near"
                | "across"
                | "among"
                | "as"
        ) || is_time_word(first)
            || (first.ends_with("ing") && doc.is_capitalized(start));
        if !adverbial {
            return Some(start);
        }
        start = (start..limit).find(|&k| doc.is(k, ','))? + 1;
    }
    Some(start)
}

/// Name mention `n` as the phrase that opens with the description `desc` before it, from token `first`: `the firm's
/// former finance director, Luc Moreau` ([`appositive_subject`]), `said the ambassador at the time, John Herbst`
/// ([`subject_right`]).
fn described(mut n: Mention, desc: Span, first: usize) -> Mention {
    n.description = Some(desc);
    n.first = first;
    n
}

/// `X, APPOSITIVE, said`: `e` is the comma right before the verb. The appositive adds a description; when the head is
/// a role and the appositive a name (`the UN’s rights chief, Michelle Bachelet, said`), the name is the subject.
#[cfg_attr(whosaid_small, optimize(size))]
fn appositive_subject(doc: &Document, e: usize, floor: usize) -> Option<Mention> {
    let close = e;
    let mut j = e;
    let lim = e.saturating_sub(40).max(floor);
    let open_char = if doc.is(e, ')') { '(' } else { ',' };
    while j > lim {
        j -= 1;
        if doc.is(j, open_char) {
            break;
        }
        if doc.tokens[j].kind == Kind::QuoteMark || doc.is(j, '.') && doc.tokens[j].space_before {
            return None;
        }
    }
    if j <= lim || !doc.is(j, open_char) || j + 1 >= close {
        return None;
    }
    let inner = mentions::np_starting_at(doc, j + 1, close);
    // A name that fills the appositive (`…, Luc Moreau, said`), which a description before it may describe.
    let closing_name = inner
        .as_ref()
        .filter(|n| n.last == close - 1 && n.kind == MentionKind::Name && n.name.is_some());
    // `Sen. Mark Dole (R-Ohio), a member of the panel, said`: a parenthetical after the head is skipped.
    let mut head_end = j - 1;
    if doc.is(head_end, ')') {
        if let Some(open) = paren_open(doc, head_end, floor) {
            head_end = open.saturating_sub(1).max(floor);
        }
    }
    // `The minister responsible, Dominic LeBlanc, said`: an adjective after its role.
    let postposed =
        |k: usize| k - usize::from(k > floor + 1 && doc.lower(k, &mut [0u8; 48]) == "responsible");
    head_end = postposed(head_end);
    let head = mentions::np_ending_at(doc, head_end, floor);
    // Stacked appositives: `Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said` — the
    // subject is before the first comma of the chain.
    // A head that is the object of a preposition ("the attorney general of Ostland") is inside an appositive too.
    let mut pbuf = [0u8; 48];
    let chained = head.as_ref().is_none_or(|h| {
        // (Past an article the phrase leaves out: "editor of The Ledger".)
        let mut b = h.first;
        if b > floor + 1 && matches!(doc.lower(b - 1, &mut pbuf), "the" | "a" | "an") {
            b -= 1;
        }
        b > floor
            && (doc.is(b - 1, ',')
                || matches!(
                    doc.lower(b - 1, &mut pbuf),
                    "of" | "for" | "to" | "in" | "at" | "from" | "with"
                ))
    });
    if chained && open_char == ',' && j > floor + 1 {
        if let Some(outer) = appositive_subject(doc, j, floor) {
            // (Not a name inside an opening phrase: `In a statement to the Ledger, her adviser, Tom Reyes, said`.)
            let fronted = subject_start(doc, floor, close).is_some_and(|s| outer.first < s);
            if head.as_ref().is_none_or(|h| outer.first < h.first) && !fronted {
                // `That man, the firm's former finance director, Luc Moreau, testified`: a name closing a chain
                // opened by a description is the subject, as after one appositive.
                if let Some(n) = closing_name.filter(|_| outer.kind == MentionKind::Role) {
                    let desc = outer.description.unwrap_or(outer.span);
                    return Some(described(n.clone(), desc, outer.first));
                }
                return Some(outer);
            }
        }
    }
    let Some(mut head) = head else {
        // `Its director of advocacy, Mike Allen, said`, `the bank's head of research, Ana Ruiz, said`: a role whose
        // complement is bare lower-case words, then the name.
        let mut k = j - 1;
        while k > floor + 1
            && k + 3 >= j
            && doc.tokens[k].kind == Kind::Word
            && !doc.is_capitalized(k)
            && !mentions::is_complement_preposition(doc.lower(k, &mut pbuf))
        {
            k -= 1;
        }
        let role = (k + 1 < j && mentions::is_complement_preposition(doc.lower(k, &mut pbuf)))
            .then(|| mentions::np_ending_at(doc, postposed(k - 1), floor))
            .flatten()
            .filter(|r| r.kind == MentionKind::Role);
        return role
            .zip(closing_name)
            .map(|(role, n)| described(n.clone(), doc.span_of(role.first, j - 1), role.first));
    };
    if head.kind == MentionKind::Pronoun {
        return None;
    }
    // `Rep. Lee Zeldin of New York, a Trump supporter, said`: the place after "of" or "from" qualifies the name
    // before it.
    // (And a group or role of the place: `Residents of Varnavas, where the fire started, said`.)
    if head.first > floor + 1 && matches!(doc.lower(head.first - 1, &mut pbuf), "of" | "from") {
        if let Some(mut before) = mentions::np_ending_at(doc, head.first - 2, floor) {
            if before.kind == MentionKind::Name && before.name.is_some() {
                head = before;
            } else if matches!(before.kind, MentionKind::Role | MentionKind::Group)
                && head.kind == MentionKind::Name
            {
                before.last = head.last;
                before.span = doc.span_of(before.first, head.last);
                head = before;
            }
        }
    }
    let appos = doc.span_of(j + 1, close - 1);
    // `the American ambassador at the time, John E. Herbst, said`: a role phrase with a prepositional adjunct, then
    // the name.
    if let Some(n) = closing_name.filter(|_| head.first > floor + 1) {
        let prep = doc.lower(head.first - 1, &mut pbuf);
        if matches!(
            prep,
            "at" | "of" | "in" | "for" | "from" | "during" | "under"
        ) {
            // (`The minister responsible for the agency, Ana Ruiz, said`.)
            if let Some(role) = mentions::np_ending_at(doc, postposed(head.first - 2), floor)
                .filter(|r| matches!(r.kind, MentionKind::Role))
            {
                return Some(described(
                    n.clone(),
                    doc.span_of(role.first, j - 1),
                    role.first,
                ));
            }
        }
    }
    match inner {
        // `the UN’s human rights chief, Michelle Bachelet, said`
        Some(n)
            if n.last == close - 1
                && n.name.is_some()
                && matches!(head.kind, MentionKind::Role | MentionKind::Group) =>
        {
            let desc = head.description.unwrap_or(head.span);
            Some(described(n, desc, head.first))
        }
        _ => {
            // `Zelenskyy, in a televised address, said` / `Mr. King, 82, said`: an adjunct or an age, not a
            // description of the speaker.
            let mut buf = [0u8; 48];
            let first = doc.lower(j + 1, &mut buf);
            let adjunct = matches!(
                first,
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "speaking"
                    | "according"
                    | "however"
                    | "though"
                    | "also"
                    | "meanwhile"
                    | "for"
                    | "if"
                    | "when"
                    | "while"
                    | "as"
                    | "like"
                    | "by"
                    | "with"
                    | "without"
                    | "in an"
                    | "then"
                    | "too"
                    | "again"
                    | "now"
                    | "later"
                    | "earlier"
            ) || (j + 1..close).all(|k| doc.tokens[k].kind != Kind::Word);
            // A clause is no appositive: `In Iowa, Obama was slighted by his listeners, who …` (a finite verb
            // before any relative pronoun; `a man who has served …` is one).
            let mut clause = false;
            let mut wbuf = [0u8; 48];
            for k in j + 1..close {
                let w = doc.lower(k, &mut wbuf);
                if matches!(w, "who" | "that" | "which" | "whose") {
                    break;
                }
                // ("wasn’t", "hasn't" too.)
                let w = crate::text::trim_suffix(crate::text::trim_suffix(w, "n’t"), "n't");
                if matches!(
                    w,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                        | "will"
                        | "would"
                        | "did"
                        | "does"
                ) {
                    clause = true;
                    break;
                }
            }
            if clause {
                return None;
            }
            if !adjunct && (head.description.is_none() || head.name.is_some()) {
                head.description = Some(appos);
            }
            head.last = close - 1;
            Some(head)
        }
    }
}

/// The subject right after an inverted cue: `said X`, `said Kremlin spokesman Dmitry Peskov, who …`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn subject_right(doc: &Document, cue: &Cue, ceil: usize) -> Option<Mention> {
    let m = mentions::np_starting_at(doc, cue.last + 1, ceil)?;
    // `wrote the American ambassador at the time, John E. Herbst.`: a role, perhaps an adjunct, then the name that
    // closes the clause.
    if m.kind == MentionKind::Role {
        let mut k = m.last + 1;
        while k < ceil
            && k <= m.last + 6
            && doc.tokens[k].kind == Kind::Word
            && !doc.is_capitalized(k)
        {
            k += 1;
        }
        if k + 1 < ceil && doc.is(k, ',') {
            let name = mentions::np_starting_at(doc, k + 1, ceil)
                .filter(|n| n.kind == MentionKind::Name && n.name.is_some());
            if let Some(n) = name {
                let after = n.last + 1;
                if after >= ceil || doc.is(after, '.') || doc.is(after, ',') {
                    return Some(described(n, doc.span_of(m.first, k - 1), m.first));
                }
            }
        }
    }
    Some(m)
}

/// The token after a gathering told something, as the listener phrase that starts at `k` (an article or a
/// possessive, up to two words in lower case, a noun of [`GATHERINGS`]; or that noun alone): `told a news briefing
/// the cut …`, `told a rally in Kisumu …`, `told court the victim …`.
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn gathering_end(doc: &Document, k: usize, end: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    let w = doc.lower(k, &mut buf);
    // (A bare one too: `told court the victim …`.)
    if GATHERINGS.contains(&w) && !doc.is_capitalized(k) {
        return Some(k + 1);
    }
    if !matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its") {
        return None;
    }
    let mut j = k + 1;
    while j < (k + 4).min(end) && doc.tokens[j].kind == Kind::Word && !doc.is_capitalized(j) {
        if GATHERINGS.contains(&doc.lower(j, &mut buf)) {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// Gatherings that a speaker tells something, heads of a listener phrase after "told" (`told a news briefing`,
/// `told the rally`).
static GATHERINGS: WordList = word_list![
    "briefing",
    "conference",
    "rally",
    "meeting",
    "hearing",
    "forum",
    "summit",
    "audience",
    "crowd",
    "gathering",
    "session",
    "assembly",
    "convention",
    "congregation",
    "seminar",
    "webinar",
    "podcast",
    "broadcaster",
    "newspaper",
    "network",
    "radio",
    "station",
    "panel",
    "inquiry",
    "court",
    "jury",
    "tribunal",
];

/// Words that may stand between a verb and the clause it reports: listeners, time and place adjuncts. (A hashed
/// list: `contains` runs for each word after a cue, and a scan of ninety words cost more than the rest of the
/// clause search.)
pub static ADJUNCT_WORDS: WordList = word_list![
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "earlier",
    "later",
    "last",
    "this",
    "that",
    "a",
    "an",
    "the",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "statement",
    "interview",
    "tweet",
    "post",
    "facebook",
    "twitter",
    "press",
    "conference",
    "briefing",
    "speech",
    "email",
    "phone",
    "call",
    "telephone",
    "televised",
    "address",
    "message",
    "news",
    "letter",
    "radio",
    "video",
    "online",
    "emailed",
    "written",
    "rally",
    "hearing",
    "recent",
    "his",
    "her",
    "their",
    "its",
    "also",
    "publicly",
    "privately",
    "repeatedly",
    "again",
    "reporters",
    "journalists",
    "told",
    "friday",
    "separately",
    "recently",
    "previously",
    "ago",
    "days",
    "weeks",
    "wednesday’s",
    "program",
    "show",
    "appearance",
    "with",
];

/// Where the content of reported speech starts after the cue: past a listener ("told reporters"), adjuncts ("on
/// Monday", "in a statement"), a comma or colon and "that". Returns None if no clause follows.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn clause_start_after(doc: &Document, cue: &Cue) -> Option<usize> {
    let sent = *doc.sentence_of(cue.last);
    let mut buf = [0u8; 48];
    if let Some(start) = infinitive_or_question_start(doc, cue, sent.tok_end) {
        return Some(start);
    }
    // `admitted to the newspaper that …`, `told Bill O’Reilly of Fox News that …`: a "that" a few words on, with only
    // words between, opens the clause.
    let first = doc.lower(cue.last + 1, &mut buf);
    // (Not "to" before a verb: `agreed to hear a challenge to a law that bans …`.)
    let infinitive = first == "to"
        && !doc.is_capitalized(cue.last + 2)
        && !is_det(doc, cue.last + 2)
        && !matches!(
            doc.lower(cue.last + 2, &mut [0u8; 48]),
            "reporters" | "me" | "him" | "them" | "us"
        );
    let gap_is_adjunct = cue.listener
        || !infinitive
            && matches!(
                first,
                "to" | "in"
                    | "at"
                    | "on"
                    | "during"
                    | "with"
                    | "after"
                    | "before"
                    | "for"
                    | "of"
                    | "outside"
            );
    if let Some(t) = (cue.last + 1..(cue.last + 12).min(sent.tok_end))
        .filter(|_| gap_is_adjunct)
        .take_while(|&k| doc.tokens[k].kind == Kind::Word)
        .find(|&k| doc.lower(k, &mut buf) == "that")
    {
        if t + 1 < sent.tok_end {
            return Some(t + 1);
        }
    }
    let mut k = cue.last + 1;
    // Listener object of tell/assure/urge: a name, pronoun or short noun phrase.
    if cue.listener && k < sent.tok_end {
        let w = doc.lower(k, &mut buf);
        if matches!(
            w,
            "me" | "him" | "her" | "them" | "us" | "reporters" | "journalists" | "lawmakers"
        ) {
            k += 1;
        } else if let Some(m) = mentions::np_starting_at(doc, k, sent.tok_end) {
            k = m.last + 1;
        } else if let Some(j) = gathering_end(doc, k, sent.tok_end) {
            k = j;
            // (`told a packed crowd in Windham, New Hampshire, on Monday that …`: a "that" after its adjuncts.)
            let mut t = k;
            while t < (k + 16).min(sent.tok_end)
                && (doc.tokens[t].kind == Kind::Word || doc.is(t, ','))
            {
                if doc.lower(t, &mut buf) == "that" {
                    return Some(t + 1).filter(|&s| s < sent.tok_end);
                }
                t += 1;
            }
        } else if doc.is_capitalized(k) {
            while k < sent.tok_end && doc.is_capitalized(k) {
                k += 1;
            }
        }
    }
    if cue.lemma == "tell" && thing_told(doc, k, sent.tok_end) {
        return None;
    }
    // Adjuncts, at most a handful of words, then optional "that".
    let mut j = k;
    let mut skipped = 0;
    while j < sent.tok_end && skipped < 8 {
        let w = doc.lower(j, &mut buf);
        if w == "that" {
            return Some(j + 1).filter(|&s| s < sent.tok_end);
        }
        if ADJUNCT_WORDS.contains(&w)
            || doc.is(j, ',')
            || (doc.is_capitalized(j)
                && j > k
                && ADJUNCT_WORDS.contains(&doc.lower(j - 1, &mut [0u8; 48])))
        {
            j += 1;
            skipped += 1;
            continue;
        }
        break;
    }
    // Only skip adjuncts if a comma or "that" closed them, or a time adjunct before a subject (`said on Friday he
    // met …`); otherwise the clause starts right after the listener.
    let start = if j > k && (doc.is(j - 1, ',') || doc.is(j - 1, ':')) {
        j
    } else if let Some(s) = after_time_adjunct(doc, k, sent.tok_end) {
        return Some(s);
    } else {
        k
    };
    let start = if doc.is(start, ':') || doc.is(start, ',') {
        start + 1
    } else {
        start
    };
    if start >= sent.tok_end {
        return None;
    }
    // "concluded with no agreement", "declined to comment on …": a prepositional phrase is not a reported clause
    // (but "at least" opens a count: `said at least 12 people were arrested`); nor is what "and" or "or" joins to the
    // cue ("declined to comment and said …").
    let w = doc.lower(start, &mut buf);
    // (Nor is a plea: "pleaded guilty to fraud", "pleaded not guilty".)
    let mut nbuf = [0u8; 48];
    let next = doc.lower(start + 1, &mut nbuf);
    if matches!(w, "and" | "or" | "guilty" | "innocent") || w == "not" && next == "guilty" {
        return None;
    }
    // (Also after a time: `agreed early Friday on a package`; but `pledged Saturday to …`, `said Sunday in Ames`.)
    let mut t = start;
    let mut tbuf = [0u8; 48];
    while t + 1 < sent.tok_end && t < start + 3 && {
        let v = doc.lower(t, &mut tbuf);
        is_time_word(v) || matches!(v, "early" | "late" | "earlier" | "later")
    } {
        t += 1;
    }
    if t > start && matches!(doc.lower(t, &mut tbuf), "on" | "about" | "over" | "with") {
        return None;
    }
    if !matches!(next, "least" | "most")
        && matches!(
            w,
            "with"
                | "on"
                | "for"
                | "about"
                | "by"
                | "from"
                | "of"
                | "into"
                | "at"
                | "against"
                | "over"
                | "in"
                | "as"
                | "to"
        )
    {
        return None;
    }
    Some(start)
}

/// `tells a similar story`, `told the truth`, `told jokes`: whether what is told from token `k` on is a thing (a
/// story, a joke, a lie) that closes its phrase, no reported clause.
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn thing_told(doc: &Document, k: usize, end: usize) -> bool {
    let mut buf = [0u8; 48];
    for j in k..(k + 4).min(end) {
        if doc.tokens[j].kind != Kind::Word {
            return false;
        }
        if matches!(
            doc.lower(j, &mut buf),
            "story" | "stories" | "tale" | "tales" | "joke" | "jokes" | "lie" | "lies" | "truth"
        ) {
            return j + 1 >= end || doc.tokens[j + 1].kind != Kind::Word;
        }
    }
    false
}

/// Words of a time adjunct after a speech verb besides the times of [`is_time_word`]: `on Friday`, `earlier this
/// week`, `last month`, `in March`, `two days ago`, and the adverbs that sit among them (`again`, `publicly`).
static TIME_ADJUNCT_WORDS: WordList = word_list![
    "on",
    "in",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "early",
    "late",
    "days",
    "weeks",
    "months",
    "years",
    "ago",
    "two",
    "three",
    "few",
    "several",
    "recently",
    "previously",
    "again",
    "also",
    "publicly",
    "privately",
    "repeatedly",
    "separately",
    // The channel: `said in a statement it would appeal`, `told reporters in an interview the plan …`.
    "a",
    "an",
    "statement",
    "interview",
    "email",
    "speech",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `w` (lower case) may stand in a time adjunct after a speech verb.
fn in_time_adjunct(w: &str) -> bool {
    is_time_word(w) || TIME_ADJUNCT_WORDS.contains(&w)
}

/// `said on Friday he met …`, `told reporters Tuesday night the vote …`, `said in Sydney the board …`: a time adjunct
/// or a place (no comma, no "that") and then a clause's subject (a subject pronoun, a determiner, or after a time a
/// capitalised word). Returns where that clause starts.
#[cfg_attr(whosaid_small, optimize(size))]
fn after_time_adjunct(doc: &Document, k: usize, end: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    let mut j = k;
    // `said in Sydney the board …`: a place's name after "in" or "at", then a subject in lower case. (A month or a
    // day is a time, read below: `said in May he` stays refused.)
    let place = matches!(doc.lower(k, &mut buf), "in" | "at")
        && k + 1 < end
        && doc.is_capitalized(k + 1)
        && !in_time_adjunct(doc.lower(k + 1, &mut buf));
    if place {
        j += 1;
        while j < end && j < k + 4 && doc.tokens[j].kind == Kind::Word && doc.is_capitalized(j) {
            j += 1;
        }
    } else {
        while j < end && j < k + 5 && in_time_adjunct(doc.lower(j, &mut buf)) {
            j += 1;
        }
    }
    if j == k || j >= end || doc.tokens[j].kind != Kind::Word || place && doc.is_capitalized(j) {
        return None;
    }
    // The run must end on a word that names a time or is an adverb: not `said on`, `said this is …`, `said in May he`
    // (a modal), nor a count with nothing counted.
    let last = doc.lower(j - 1, &mut buf);
    if !place
        && matches!(
            last,
            "on" | "in"
                | "last"
                | "this"
                | "next"
                | "two"
                | "three"
                | "few"
                | "several"
                | "may"
                | "a"
                | "an"
        )
    {
        return None;
    }
    let w = doc.lower(j, &mut buf);
    let subject = matches!(
        w,
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "there"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "these"
            | "those"
            | "no"
            | "some"
            | "all"
            | "both"
    ) || doc.is_capitalized(j) && !in_time_adjunct(w);
    subject.then_some(j)
}

/// Content that is a commitment, a request or a question rather than a that-clause:
/// `vowed to cut taxes` (from "to"), `urged the council to wait` / `asked voters to stay home` (from the listener),
/// `asked whether the plan was legal` (from the question word).
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn infinitive_or_question_start(doc: &Document, cue: &Cue, end: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    let next = cue.last + 1;
    if next + 1 >= end || cue.kind != CueKind::Verb {
        return None;
    }
    // (The verb may open a quotation: `told supporters to “go vote.”`)
    let is_to_verb = |k: usize| {
        let mut b = [0u8; 48];
        let v = k + 1 + usize::from(k + 1 < end && doc.tokens[k + 1].kind == Kind::QuoteMark);
        v < end
            && doc.lower(k, &mut b) == "to"
            && doc.tokens[v].kind == Kind::Word
            && !doc.is_capitalized(v)
    };
    match cue.lemma {
        "promise" | "vow" | "pledge" | "threaten" if is_to_verb(next) => Some(next),
        "ask" | "urge" | "tell" | "warn" | "implore" | "beg" | "encourage" | "call" => {
            let w = doc.lower(next, &mut buf);
            if cue.lemma == "ask"
                && matches!(
                    w,
                    "whether" | "if" | "why" | "how" | "what" | "when" | "who"
                )
            {
                return Some(next);
            }
            if cue.lemma == "call" && w != "on" && w != "upon" {
                return None;
            }
            // The listener: a pronoun or a short noun phrase (words only, no auxiliary: `told Reuters the man was
            // taken to hospital`, `told court the victim had been afraid to call` report a clause; no second article
            // but after a preposition: `told a news conference the bank wanted to …` does too), then `to` and a verb.
            let obj = if cue.lemma == "call" { next + 1 } else { next };
            if doc.tokens[obj].kind != Kind::Word || doc.lower(obj, &mut buf) == "to" {
                return None;
            }
            for k in obj + 1..(obj + 7).min(end) {
                let t = doc.tok(k);
                if doc.tokens[k].kind != Kind::Word
                    || matches!(t, "the" | "a" | "an")
                        && !matches!(
                            doc.tok(k - 1),
                            "of" | "in" | "at" | "for" | "from" | "on" | "with"
                        )
                    || matches!(
                        t,
                        "was"
                            | "were"
                            | "is"
                            | "are"
                            | "had"
                            | "has"
                            | "have"
                            | "would"
                            | "will"
                            | "could"
                            | "should"
                    )
                {
                    return None;
                }
                if is_to_verb(k) {
                    return Some(obj);
                }
            }
            None
        }
        _ => None,
    }
}

/// Tokens that end reported content inside a sentence when they follow a comma.
static CLAUSE_BREAKS: WordList = word_list![
    "though",
    "although",
    "while",
    "but",
    "adding",
    "saying",
    "according",
    "noting",
    "and",
    "as",
    "whereas",
    "which",
];

/// The end (inclusive token) of reported content that starts at `start`: the sentence end without its final
/// punctuation, or an earlier `, though …` / `, adding …` break.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn clause_end(doc: &Document, start: usize, cues: &[Cue]) -> usize {
    let sent = *doc.sentence_of(start);
    let mut buf = [0u8; 48];
    let mut end = sent.tok_end - 1;
    let mut k = start + 1;
    while k + 1 < sent.tok_end {
        // `… and said that …`: a second strong cue joined by a conjunction starts another report; this one ends
        // before the conjunction.
        if k > start && matches!(doc.lower(k, &mut buf), "and" | "but") {
            let next = cues.partition_point(|c| c.tok <= k);
            if next < cues.len()
                && cues[next].tok <= k + 2
                && cues[next].kind == CueKind::Verb
                && cues[next].strength >= 3
            {
                end = k - 1;
                break;
            }
        }
        if doc.is(k, ',') || doc.is(k, ';') {
            // `…, claiming that …`: a gerund cue after a comma reports something else. (Cues are sorted by token:
            // `next` is the first one after the comma.)
            let next = cues.partition_point(|c| c.tok <= k);
            let after = if doc
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == Kind::QuoteMark)
            {
                k + 2
            } else {
                k + 1
            };
            if next < cues.len()
                && cues[next].tok == after
                && cues[next].form == VerbForm::Gerund
                && k > start
            {
                end = k - 1;
                break;
            }
            let w = doc.lower(k + 1, &mut buf);
            // `…, but not women`, `…, but also to bring stability`: "but" with no clause of its own goes on.
            let but_goes_on = w == "but"
                && {
                    let mut nbuf = [0u8; 48];
                    let n = doc.lower(k + 2, &mut nbuf);
                    matches!(
                    n,
                    "not"
                        | "also"
                        | "rather"
                        | "still"
                        | "only"
                        | "instead"
                        | "even"
                        | "just"
                        | "never"
                ) || (n.ends_with("ly") || n.ends_with("ing")) && !doc.is_capitalized(k + 2)
                    // `not just a failure, but a catastrophe`
                    || (start + 1..k).any(|j| {
                        doc.lower(j, &mut nbuf) == "not"
                            && matches!(doc.lower(j + 1, &mut nbuf), "just" | "only" | "merely" | "simply")
                    })
                };
            if doc.is(k, ';')
                || (CLAUSE_BREAKS.contains(&w)
                    && !(w == "and" || w == "as" || w == "which" || but_goes_on))
            {
                end = k - 1;
                break;
            }
            // `…, X said.` — a trailing cue for the same content ends it too.
            // The first cue after the comma (`next`, above), if it is near.
            if let Some(ci) = Some(next).filter(|&ci| {
                ci < cues.len() && cues[ci].tok <= k + 8 && cues[ci].tok < sent.tok_end
            }) {
                let c = &cues[ci];
                let rest_is_short = sent.tok_end - c.last <= 8;
                if rest_is_short && c.kind == CueKind::Verb && c.form != VerbForm::Gerund {
                    end = k - 1;
                    break;
                }
            }
        }
        k += 1;
    }
    while end > start && doc.tokens[end].kind == Kind::Punct && !doc.is(end, ')') {
        end -= 1;
    }
    end
}

/// The start of content that ends before token `end_excl` in its sentence (for `CLAUSE, X said.`).
pub fn clause_start_before(doc: &Document, end_excl: usize) -> usize {
    doc.sentence_of(end_excl.saturating_sub(1)).tok_start
}

/// Confidence for a speaker mention: names are surest, pronouns and bare roles less.
pub fn mention_confidence(m: Option<&Mention>) -> f32 {
    match m.map(|m| m.kind) {
        Some(MentionKind::Name) | Some(MentionKind::Org) => 0.95,
        Some(MentionKind::Pronoun) => 0.85,
        Some(MentionKind::Role) | Some(MentionKind::Group) => 0.85,
        None => 0.4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_never_names_its_own_speaker() {
        // A sieve that read "Ada Finch" inside the quotation as the subject is overruled when it settles; a report
        // nested inside the same quotation keeps its speaker.
        let t = "“Ada Finch told me the dam would hold,” Noor said.";
        let doc = Document::new(t);
        let quotes = crate::quotes::find(&doc);
        let cues = crate::cues::find(&doc);
        let mut ctx = Ctx::new(&doc, &quotes, &cues);
        let finch = (0..doc.tokens.len())
            .find(|&k| doc.tok(k) == "Finch")
            .unwrap();
        let inside = mentions::np_ending_at(&doc, finch, 0).expect("a name");
        let q = 0;
        let own = ctx.settle(
            Attribution::new(QuoteKind::Direct, quotes[q].span, Some(inside.clone()), 0.9),
            Some(q),
            None,
        );
        assert!(ctx.out[own].mention.is_none());
        let told = (0..doc.tokens.len())
            .find(|&k| doc.tok(k) == "told")
            .unwrap();
        let would = (0..doc.tokens.len())
            .find(|&k| doc.tok(k) == "would")
            .unwrap();
        let nested = doc.span_of(told + 2, would + 1);
        let inner = ctx.settle(
            Attribution::new(QuoteKind::Indirect, nested, Some(inside), 0.8),
            None,
            None,
        );
        assert!(ctx.out[inner].mention.is_some());
    }

    #[test]
    fn sorted_spans_answer_as_a_scan_does() {
        // Pseudo-random spans, some inserted after the build, against the scan they replace.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n) as usize
        };
        let mut spans: Vec<(usize, usize)> = (0..200)
            .map(|_| {
                let s = next(1000);
                (s, s + 1 + next(60))
            })
            .collect();
        let mut base = SortedSpans::default();
        base.rebuild(spans.clone());
        let mut recent = SortedSpans::default();
        for round in 0..50 {
            let s = next(1000);
            let e = s + 1 + next(30);
            recent.insert(s, e);
            spans.push((s, e));
            for _ in 0..20 {
                let a = next(1100);
                let b = a + next(80);
                let want = spans
                    .iter()
                    .filter(|&&(s, e)| s < b && e > a)
                    .map(|&(_, e)| e)
                    .max();
                let got = base
                    .latest_end_overlapping(a, b)
                    .max(recent.latest_end_overlapping(a, b));
                assert_eq!(got, want, "round {round}: {a}..{b}");
            }
        }
    }
}
