//! Several articles, one story (issue 4): who is quoted by which outlet, one speaker however each outlet
//! spells him, and the same statement as each outlet worded it.
//!
//! [`analyze_story`] runs [`crate::analyze`] on every article and [`build_story`] puts the analyses together:
//!
//! 1. speakers of all articles are merged into story speakers ([`names`]: romanisation-aware name keys with
//!    an edit-distance check, organisation keys; near-linear);
//! 2. each story speaker gets an affiliation ("side") from its descriptions ([`sides`]);
//! 3. quotes of different articles that render one statement form quote groups ([`groups`]), each version with
//!    a similarity and a word diff against the group's reference version ([`diff`]);
//! 4. each article gets a report: quote shares by speaker and by side, quotes no other article has, and
//!    conflicting attributions ([`report`]); [`text_report`] renders it all for the CLI.
//!
//! # JSON shape ([`StoryOut`])
//! Offsets are end-exclusive, in the requested [`Encoding`], into the article they belong to.
//! ```text
//! {"documents": [DocumentOut, …],                  // one per article, see crate::output
//!  "story": {
//!   "speakers": [{"id", "name", "kind", "gender",  // name: the fullest spelling; kind/gender as in DocumentOut
//!                 "aliases": [str],                // every other spelling across the articles
//!                 "descriptions": [str],
//!                 "affiliation": str|null,         // e.g. "Russia", "Ukraine", "United Nations"
//!                 "articles": [article index],
//!                 "quotes": [{"article", "quotes"}], "total_quotes",
//!                 "members": [[article index, speaker id in that document], …],
//!                 "possibly_same": [story speaker id]}],  // see "Vladimir Green" below
//!   "quote_groups": [{"id", "similarity",          // mean pairwise similarity across articles, 0..1
//!                     "articles": [article index], "speakers": [story speaker id],
//!                     "conflict": bool,            // outlets attribute it to different story speakers
//!                     "reference": version index,  // the version most similar to the others
//!                     "versions": [{"article", "quote",   // quote id in that document
//!                                   "kind", "speaker": story speaker id|null,
//!                                   "start", "end",   // from the first word to the last
//!                                   "text",           // the quote without its outer quotation marks; for
//!                                                     // a quote interrupted by its cue, its parts joined
//!                                                     // by a space
//!                                   "similarity",          // to the reference version
//!                                   "diff": [{"op": "same"|"del"|"add", "text"}]}]}],
//!                                   // reference → this version: same+del = reference, same+add = this
//!   "articles": [{"article", "id", "quotes", "attributed",
//!                 "by_speaker": [{"speaker", "name", "quotes", "share"}],  // share of the article's quotes
//!                 "by_side": [{"side", "quotes", "share"}],  // side name, "unknown" or "unattributed"
//!                 "groups": [group id],
//!                 "exclusive_quotes": [quote id],   // in no group: only this article has them
//!                 "conflicts": [{"group", "quote", "speaker",
//!                                "others": [{"article", "quote", "speaker"}]}]}]}}  // versions elsewhere by another
//!                                                  // speaker, in group order, at most report::MAX_OTHERS
//! ```
//!
//! # "Vladimir Green"
//! The machine-translated seed article (001) calls Zelensky "Ukrainian President Vladimir Green" once ("Green" is
//! a calque: *zelenyi* means green). We do **not** merge it with Zelensky: the first names match (Vladimir /
//! Volodymyr) and the title is the same, but the surnames do not, and a surname mismatch is never overridden by
//! descriptions — a shared office ("Ukrainian President", "foreign minister") is held by different people over
//! time and across countries' spellings, and nothing in the text links "Green" to "Zelensky" by spelling. Such
//! pairs — same normalised description, matching first names, different surnames — are instead listed in each
//! other's `possibly_same`, so a reader can judge; when the core has already resolved the translated name to
//! Zelensky within the article, its spelling simply shows up as an alias there.

pub mod diff;
pub mod flat;
pub mod groups;
pub mod names;
pub mod report;
pub mod sides;

use crate::lexicon::FxMap;

use serde::Serialize;

use crate::model::{Analysis, Gender, SpeakerKind};
use crate::output::{DocumentOut, Encoding, OffsetMap};

// (article, speaker), (article, quote), two groups: keys of one map type ([`crate::lexicon::pair`]).
use crate::lexicon::{pair, PairMap};

pub use diff::DiffOp;
pub use report::{text_report, ArticleReport};

/// [`analyze_story`]'s result: every article in the output contract, and the story across them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryOut {
    pub documents: Vec<DocumentOut>,
    pub story: Story,
}

/// The story across articles (byte offsets from [`build_story`]; [`analyze_story`] converts them).
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Story {
    pub speakers: Vec<StorySpeaker>,
    pub quote_groups: Vec<QuoteGroup>,
    pub articles: Vec<ArticleReport>,
}

/// Quotes of one story speaker in one article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleQuotes {
    pub article: usize,
    pub quotes: usize,
}

/// One entity across the articles.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StorySpeaker {
    pub id: usize,
    pub name: String,
    pub kind: &'static str,
    pub gender: &'static str,
    pub aliases: Vec<String>,
    pub descriptions: Vec<String>,
    pub affiliation: Option<&'static str>,
    pub articles: Vec<usize>,
    pub quotes: Vec<ArticleQuotes>,
    pub total_quotes: usize,
    /// `[article index, speaker id in that article's analysis]`.
    pub members: Vec<[usize; 2]>,
    pub possibly_same: Vec<usize>,
}

/// One statement as one article renders it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Version {
    pub article: usize,
    pub quote: usize,
    pub kind: &'static str,
    pub speaker: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub similarity: f32,
    pub diff: Vec<DiffOp>,
}

/// One statement across articles.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteGroup {
    pub id: usize,
    pub similarity: f32,
    pub articles: Vec<usize>,
    pub speakers: Vec<usize>,
    pub conflict: bool,
    pub reference: usize,
    pub versions: Vec<Version>,
}

/// Runs [`crate::analyze`] on each `(id, text)` and builds the story, offsets in `enc`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn analyze_story(docs: &[(&str, &str)], enc: Encoding) -> StoryOut {
    let (analyses, story) = analyse_and_build(docs, enc);
    let documents = docs
        .iter()
        .zip(&analyses)
        .map(|((id, text), a)| DocumentOut::new(id, text, a, enc))
        .collect();
    StoryOut { documents, story }
}

/// Each article's analysis and the story across them, offsets in `enc` (shared by [`analyze_story`] and
/// [`flat::flat_story`]; not inlined into both, which would add its code twice to the page's wasm).
#[cfg_attr(whosaid_small, optimize(size))]
pub(crate) fn analyse_and_build(docs: &[(&str, &str)], enc: Encoding) -> (Vec<Analysis>, Story) {
    let analyses: Vec<Analysis> = docs.iter().map(|(_, text)| crate::analyze(text)).collect();
    let triples: Vec<(&str, &str, &Analysis)> = docs
        .iter()
        .zip(&analyses)
        .map(|((id, text), a)| (*id, *text, a))
        .collect();
    let mut story = build_story(&triples);
    let texts: Vec<&str> = docs.iter().map(|(_, t)| *t).collect();
    story.convert_offsets(&texts, enc);
    (analyses, story)
}

impl Story {
    /// Converts the versions' byte offsets into `enc` (`texts[i]` is article `i`).
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn convert_offsets(&mut self, texts: &[&str], enc: Encoding) {
        if enc == Encoding::Utf8 {
            return;
        }
        let maps: Vec<OffsetMap> = texts.iter().map(|t| OffsetMap::new(t, enc)).collect();
        for g in &mut self.quote_groups {
            for v in &mut g.versions {
                if let Some(m) = maps.get(v.article) {
                    v.start = m.convert(v.start);
                    v.end = m.convert(v.end);
                }
            }
        }
    }
}

const QUOTE_MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '«', '»', '‘', '’', '\'', '‹', '›', '「', '」',
];

/// The byte range of a quote without surrounding whitespace and quotation marks.
#[cfg_attr(whosaid_small, optimize(size))]
fn content_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (0, 0);
    };
    let trim = |c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c);
    let lead = s.len() - crate::text::trim_chars(s, trim, true, false).len();
    let inner = crate::text::trim_chars(s, trim, true, true);
    (start + lead, start + lead + inner.len())
}

#[cfg_attr(whosaid_small, optimize(size))]
fn gender_str(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
        Gender::Unknown => "unknown",
    }
}

#[cfg_attr(whosaid_small, optimize(size))]
fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Builds the story over analysed articles: `(id, text, analysis)`, in article order.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn build_story(docs: &[(&str, &str, &Analysis)]) -> Story {
    // 1. Merge speakers.
    let mut refs: Vec<(usize, usize)> = Vec::new();
    let mut inputs: Vec<names::NameInput> = Vec::new();
    for (a, (_, _, an)) in docs.iter().enumerate() {
        for (s, sp) in an.speakers.iter().enumerate() {
            refs.push((a, s));
            inputs.push(names::NameInput {
                kind: sp.kind,
                gender: sp.gender,
                name: &sp.name,
                aliases: &sp.aliases,
            });
        }
    }
    let clusters = names::cluster(&inputs);

    // Quote counts per (article, speaker).
    let mut qcount: PairMap = FxMap::default();
    for (a, (_, _, an)) in docs.iter().enumerate() {
        for q in &an.quotes {
            if let Some(s) = q.speaker_id.filter(|&s| s < an.speakers.len()) {
                *qcount.entry(pair(a, s)).or_insert(0) += 1;
            }
        }
    }

    let mut speakers: Vec<StorySpeaker> = clusters
        .iter()
        .map(
            #[cfg_attr(whosaid_small, optimize(size))]
            |c| {
                let members: Vec<(usize, usize)> = c.iter().map(|&i| refs[i]).collect();
                make_speaker(docs, &members, &qcount)
            },
        )
        .collect();
    // Most quoted first, then most widely covered, then first appearance.
    let mut order: Vec<usize> = (0..speakers.len()).collect();
    crate::sort::sort_by(&mut order, |&x, &y| {
        let (a, b) = (&speakers[x], &speakers[y]);
        b.total_quotes
            .cmp(&a.total_quotes)
            .then(b.articles.len().cmp(&a.articles.len()))
            .then(a.members.cmp(&b.members))
            .then(x.cmp(&y))
    });
    let mut sorted: Vec<StorySpeaker> = Vec::with_capacity(speakers.len());
    for &i in &order {
        sorted.push(std::mem::replace(&mut speakers[i], placeholder()));
    }
    let mut speakers = sorted;
    let mut story_id: PairMap = FxMap::default();
    for (id, sp) in speakers.iter_mut().enumerate() {
        sp.id = id;
        for m in &sp.members {
            story_id.insert(pair(m[0], m[1]), id);
        }
    }
    inherit_affiliations(&mut speakers);
    possibly_same(&mut speakers);

    // 2. Group quotes.
    // A quote's words: the span without outer marks, or for a quote interrupted by its cue its parts joined
    // by a space.
    let mut texts: Vec<String> = Vec::new();
    // (article, quote, start, end, story speaker)
    let mut item_ref: Vec<ItemRef> = Vec::new();
    for (a, (_, text, an)) in docs.iter().enumerate() {
        for (qi, q) in an.quotes.iter().enumerate() {
            let mut ranges: Vec<(usize, usize)> = q
                .parts
                .iter()
                .map(|p| content_range(text, p.start, p.end))
                .filter(|r| r.1 > r.0)
                .collect();
            if ranges.is_empty() {
                ranges.push(content_range(text, q.span.start, q.span.end));
            }
            let words: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
            texts.push(words.join(" "));
            let speaker = q
                .speaker_id
                .and_then(|sid| story_id.get(&pair(a, sid)).copied());
            item_ref.push((a, qi, ranges[0].0, ranges[ranges.len() - 1].1, speaker));
        }
    }
    let items: Vec<groups::Item> = item_ref
        .iter()
        .zip(&texts)
        .map(|(&(article, _, _, _, speaker), t)| groups::Item {
            article,
            speaker,
            text: t,
        })
        .collect();
    let scorer = groups::Scorer::new(&items);
    let quote_groups: Vec<QuoteGroup> = groups::group_with(&scorer)
        .into_iter()
        .enumerate()
        .map(|(gid, members)| make_group(gid, &members, &items, &item_ref, &scorer, docs))
        .collect();

    // 3. Per-article reports.
    let articles = report::articles(docs, &speakers, &quote_groups, &story_id);
    Story {
        speakers,
        quote_groups,
        articles,
    }
}

/// A quote to group: (article, quote index, start, end, story speaker).
type ItemRef = (usize, usize, usize, usize, Option<usize>);

#[cfg_attr(whosaid_small, optimize(size))]
fn placeholder() -> StorySpeaker {
    StorySpeaker {
        id: 0,
        name: String::new(),
        kind: "unknown",
        gender: "unknown",
        aliases: Vec::new(),
        descriptions: Vec::new(),
        affiliation: None,
        articles: Vec::new(),
        quotes: Vec::new(),
        total_quotes: 0,
        members: Vec::new(),
        possibly_same: Vec::new(),
    }
}

/// Pushes `s` unless an equal string (ignoring case) is there already.
#[cfg_attr(whosaid_small, optimize(size))]
fn push_unique(list: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty()
        && !list
            .iter()
            .any(|x| crate::case::lowercase(x) == crate::case::lowercase(s))
    {
        list.push(s.to_string());
    }
}

#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn make_speaker(
    docs: &[(&str, &str, &Analysis)],
    members: &[(usize, usize)],
    qcount: &PairMap,
) -> StorySpeaker {
    let sp = |(a, s): (usize, usize)| &docs[a].2.speakers[s];
    // Name: a written-out first name first, then most name tokens, then the most frequent spelling, then
    // the earliest.
    let mut freq: FxMap<String, usize> = FxMap::default();
    for &m in members {
        *freq.entry(sp(m).name.trim().to_string()).or_insert(0) += 1;
    }
    let rank = |name: &str| match names::parse_person(name) {
        names::ParsedName::Person { first, tokens, .. } => {
            (matches!(first, names::First::Full { .. }), tokens)
        }
        names::ParsedName::Unnamed => (false, 0),
    };
    let mut name = sp(members[0]).name.trim().to_string();
    let mut best = (rank(&name), freq[&name]);
    for &m in &members[1..] {
        let n = sp(m).name.trim();
        let r = (rank(n), freq[n]);
        if r > best {
            best = r;
            name = n.to_string();
        }
    }
    let kind = {
        let kinds: Vec<SpeakerKind> = members.iter().map(|&m| sp(m).kind).collect();
        if kinds.contains(&SpeakerKind::Person) {
            SpeakerKind::Person
        } else if kinds.contains(&SpeakerKind::Organisation) {
            SpeakerKind::Organisation
        } else {
            kinds[0]
        }
    };
    let gender = {
        let known: Vec<Gender> = members
            .iter()
            .map(|&m| sp(m).gender)
            .filter(|g| *g != Gender::Unknown)
            .collect();
        match known.first() {
            Some(&g) if known.iter().all(|&x| x == g) => g,
            _ => Gender::Unknown,
        }
    };
    let mut aliases: Vec<String> = vec![name.clone()];
    let mut descriptions: Vec<String> = Vec::new();
    for &m in members {
        push_unique(&mut aliases, &sp(m).name);
        for al in &sp(m).aliases {
            push_unique(&mut aliases, al);
        }
        for d in &sp(m).descriptions {
            push_unique(&mut descriptions, d);
        }
    }
    aliases.remove(0);
    let mut quotes: Vec<ArticleQuotes> = Vec::new();
    let mut articles: Vec<usize> = Vec::new();
    for &(a, s) in members {
        if articles.last() != Some(&a) && !articles.contains(&a) {
            articles.push(a);
        }
        let n = qcount.get(&pair(a, s)).copied().unwrap_or(0);
        match quotes.iter_mut().find(|q| q.article == a) {
            Some(q) => q.quotes += n,
            None => quotes.push(ArticleQuotes {
                article: a,
                quotes: n,
            }),
        }
    }
    crate::sort::sort(&mut articles);
    crate::sort::sort_by_key(&mut quotes, |q| q.article);
    let total_quotes = quotes.iter().map(|q| q.quotes).sum();
    // Side: descriptions for everyone; the name too for organisations, groups ("Ukrainian officials") and
    // people known only by a description ("a U.S. senior defense official").
    let name_describes = matches!(kind, SpeakerKind::Organisation | SpeakerKind::Group)
        || names::parse_person(&name) == names::ParsedName::Unnamed;
    let affiliation = if name_describes {
        sides::vote(
            descriptions
                .iter()
                .map(|s| s.as_str())
                .chain(std::iter::once(name.as_str())),
        )
    } else {
        sides::vote(descriptions.iter().map(|s| s.as_str()))
    }
    // A speaker whose whole name is a place or seat of government ("Moscow", "the Kremlin") stands for it.
    .or_else(|| {
        if kind == SpeakerKind::Person {
            None
        } else {
            sides::side_of_name(&name)
        }
    });
    StorySpeaker {
        id: 0,
        name,
        kind: kind.as_str(),
        gender: gender_str(gender),
        aliases,
        descriptions,
        affiliation,
        articles,
        quotes,
        total_quotes,
        members: members.iter().map(|&(a, s)| [a, s]).collect(),
        possibly_same: Vec::new(),
    }
}

/// A speaker with no side of its own takes the side of a person its descriptions name ("Putin aide",
/// "a top adviser to Zelensky"), when that surname belongs to exactly one story speaker with a side.
#[cfg_attr(whosaid_small, optimize(size))]
fn inherit_affiliations(speakers: &mut [StorySpeaker]) {
    let mut by_surname: FxMap<String, Vec<usize>> = FxMap::default();
    for sp in speakers.iter() {
        if sp.kind != "person" {
            continue;
        }
        if let names::ParsedName::Person { surname, .. } = names::parse_person(&sp.name) {
            by_surname.entry(surname).or_default().push(sp.id);
        }
    }
    let mut updates: Vec<(usize, &'static str)> = Vec::new();
    for sp in speakers.iter() {
        if sp.affiliation.is_some() {
            continue;
        }
        let mut votes: Vec<&'static str> = Vec::new();
        for d in &sp.descriptions {
            let found = d
                .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .find_map(|w| {
                    let w = crate::text::trim_suffix(crate::text::trim_suffix(w, "’s"), "'s");
                    match by_surname
                        .get(&names::romanised_key(w))
                        .map(|v| v.as_slice())
                    {
                        Some([other]) if *other != sp.id => speakers[*other].affiliation,
                        _ => None,
                    }
                });
            votes.extend(found);
        }
        crate::sort::sort(&mut votes);
        votes.dedup();
        if let [side] = votes.as_slice() {
            updates.push((sp.id, side));
        }
    }
    for (id, side) in updates {
        speakers[id].affiliation = Some(side);
    }
}

/// Flags pairs of people who share a description (compared as sorted content stems) and a first name but not a
/// surname: possibly one person under a mistranslated or different surname, left for the reader to judge.
#[cfg_attr(whosaid_small, optimize(size))]
fn possibly_same(speakers: &mut [StorySpeaker]) {
    const CAP: usize = 64;
    let mut by_desc: FxMap<String, Vec<usize>> = FxMap::default();
    let mut parsed: Vec<Option<(String, String)>> = Vec::with_capacity(speakers.len());
    for sp in speakers.iter() {
        let p = match names::parse_person(&sp.name) {
            names::ParsedName::Person {
                first: names::First::Full { key, .. },
                surname,
                ..
            } if sp.kind == "person" => Some((key, surname)),
            _ => None,
        };
        if p.is_some() {
            for d in &sp.descriptions {
                let mut stems = groups::content_stems(d);
                crate::sort::sort(&mut stems);
                stems.dedup();
                if stems.is_empty() {
                    continue;
                }
                let list = by_desc.entry(stems.join(" ")).or_default();
                if list.len() < CAP && !list.contains(&sp.id) {
                    list.push(sp.id);
                }
            }
        }
        parsed.push(p);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in by_desc.values() {
        for (i, &x) in list.iter().enumerate() {
            for &y in &list[i + 1..] {
                let (Some((fx, sx)), Some((fy, sy))) = (&parsed[x], &parsed[y]) else {
                    continue;
                };
                let sides_ok = match (speakers[x].affiliation, speakers[y].affiliation) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                if sides_ok
                    && names::first_names_match(fx, fy).is_some()
                    && names::surnames_match(sx, sy).is_none()
                {
                    pairs.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    crate::sort::sort(&mut pairs);
    pairs.dedup();
    for (x, y) in pairs {
        speakers[x].possibly_same.push(y);
        speakers[y].possibly_same.push(x);
    }
}

/// A group's reference and similarity compare its versions with at most this many of them (all of a group this
/// size or smaller, else this many spread evenly over it), so that a group of `k` versions costs `O(k × 32)` scores,
/// not `O(k²)`: a statement that 700 of 5,000 articles carry took 245,000 scores (most of `build_story`'s time).
pub const GROUP_SAMPLE: usize = 32;

#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn make_group(
    gid: usize,
    members: &[usize],
    items: &[groups::Item],
    item_ref: &[ItemRef],
    scorer: &groups::Scorer,
    docs: &[(&str, &str, &Analysis)],
) -> QuoteGroup {
    let (reference, similarity, ref_row) = if members.len() <= GROUP_SAMPLE {
        reference_exact(members, items, scorer)
    } else {
        reference_sampled(members, items, scorer)
    };
    let ref_tokens = diff::tokens(items[members[reference]].text);
    // (A loop, not a closure for `map`: that was inlined into the iterator's fold, not optimised for size.)
    let mut versions: Vec<Version> = Vec::with_capacity(members.len());
    for (x, &it) in members.iter().enumerate() {
        let (a, qi, s, e, _) = item_ref[it];
        versions.push(Version {
            article: a,
            quote: qi,
            kind: docs[a].2.quotes[qi].kind.as_str(),
            speaker: items[it].speaker,
            start: s,
            end: e,
            text: items[it].text.to_string(),
            similarity: round3(ref_row[x]),
            diff: diff::diff_tokens(&ref_tokens, &diff::tokens(items[it].text)),
        });
    }
    let mut articles: Vec<usize> = versions.iter().map(|v| v.article).collect();
    articles.dedup();
    let mut speakers: Vec<usize> = versions.iter().filter_map(|v| v.speaker).collect();
    crate::sort::sort(&mut speakers);
    speakers.dedup();
    let conflict = conflict(&versions);
    QuoteGroup {
        id: gid,
        similarity: round3(similarity),
        articles,
        speakers,
        conflict,
        reference,
        versions,
    }
}

/// Whether outlets attribute the statement to different speakers: two versions in different articles with different
/// known speakers. In one pass: that is two known speakers, and known speakers in two articles (given those, a pair
/// differs in both: if two versions of different speakers share an article, a version in another article differs in
/// speaker from one of them).
#[cfg_attr(whosaid_small, optimize(size))]
fn conflict(versions: &[Version]) -> bool {
    let known: Vec<&Version> = versions.iter().filter(|v| v.speaker.is_some()).collect();
    known.iter().any(|v| v.speaker != known[0].speaker)
        && known.iter().any(|v| v.article != known[0].article)
}

/// (reference, group similarity, each version's similarity to the reference) from every pair of versions: the
/// reference is the medoid (highest total similarity), earliest on ties; the group similarity the mean over pairs
/// from different articles (1 when there is none).
#[cfg_attr(whosaid_small, optimize(size))]
fn reference_exact(
    members: &[usize],
    items: &[groups::Item],
    scorer: &groups::Scorer,
) -> (usize, f32, Vec<f32>) {
    let k = members.len();
    let mut sim = vec![vec![1f32; k]; k];
    for x in 0..k {
        for y in x + 1..k {
            let s = scorer.score(members[x], members[y]).0;
            sim[x][y] = s;
            sim[y][x] = s;
        }
    }
    let mut reference = 0;
    let mut best = f32::MIN;
    for (x, row) in sim.iter().enumerate() {
        let total: f32 = row.iter().sum();
        if total > best + 1e-6 {
            best = total;
            reference = x;
        }
    }
    let (mut sum, mut n) = (0f32, 0usize);
    for x in 0..k {
        for y in x + 1..k {
            if items[members[x]].article != items[members[y]].article {
                sum += sim[x][y];
                n += 1;
            }
        }
    }
    let row = std::mem::take(&mut sim[reference]);
    (reference, if n == 0 { 1.0 } else { sum / n as f32 }, row)
}

/// [`reference_exact`] for a group larger than [`GROUP_SAMPLE`]: each version is compared with a sample of
/// [`GROUP_SAMPLE`] versions spread evenly over the group (the medoid and the mean are taken over those pairs), and
/// then the reference with every version.
#[cfg_attr(whosaid_small, optimize(size))]
fn reference_sampled(
    members: &[usize],
    items: &[groups::Item],
    scorer: &groups::Scorer,
) -> (usize, f32, Vec<f32>) {
    let k = members.len();
    let sample: Vec<usize> = (0..GROUP_SAMPLE).map(|j| j * k / GROUP_SAMPLE).collect();
    let mut reference = 0;
    let mut best = f32::MIN;
    let (mut sum, mut n) = (0f32, 0usize);
    for x in 0..k {
        let mut total = 0f32;
        for &y in &sample {
            let s = if x == y {
                1.0
            } else {
                scorer.score(members[x], members[y]).0
            };
            total += s;
            if x != y && items[members[x]].article != items[members[y]].article {
                sum += s;
                n += 1;
            }
        }
        if total > best + 1e-6 {
            best = total;
            reference = x;
        }
    }
    let row = (0..k)
        .map(|x| {
            if x == reference {
                1.0
            } else {
                scorer.score(members[reference], members[x]).0
            }
        })
        .collect();
    (reference, if n == 0 { 1.0 } else { sum / n as f32 }, row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn version(article: usize, speaker: Option<usize>) -> Version {
        Version {
            article,
            quote: 0,
            kind: "direct",
            speaker,
            start: 0,
            end: 0,
            text: String::new(),
            similarity: 1.0,
            diff: Vec::new(),
        }
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn conflict_in_one_pass_agrees_with_every_pair() {
        // Every group of up to 4 versions over 3 articles and speakers None, 0, 1.
        for code in 0..(9usize.pow(4) * 4) {
            let (mut c, n) = (code / 4, code % 4 + 1);
            let versions: Vec<Version> = (0..n)
                .map(|_| {
                    let (a, sp) = (c % 3, (c / 3) % 3);
                    c /= 9;
                    version(a, [None, Some(0), Some(1)][sp])
                })
                .collect();
            let pairwise = versions.iter().any(|v| {
                versions.iter().any(|w| {
                    v.article != w.article
                        && v.speaker.is_some()
                        && w.speaker.is_some()
                        && v.speaker != w.speaker
                })
            });
            assert_eq!(conflict(&versions), pairwise, "{code}");
        }
    }

    /// 40 articles carry one statement (36 word for word, 4 cut short, spread over the group): more than
    /// GROUP_SAMPLE versions, so the reference and similarity come from the sample.
    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn a_large_group_takes_its_reference_from_a_sample() {
        let full = "The next meeting will take place in the coming days on the Polish-Belarusian border, there is an agreement";
        let short = "The next meeting will take place in the coming days";
        let items: Vec<groups::Item> = (0..40)
            .map(|a| groups::Item {
                article: a,
                speaker: Some(0),
                text: if a % 10 == 3 { short } else { full },
            })
            .collect();
        let members: Vec<usize> = (0..items.len()).collect();
        assert!(members.len() > GROUP_SAMPLE);
        let scorer = groups::Scorer::new(&items);
        let (r_exact, sim_exact, row_exact) = reference_exact(&members, &items, &scorer);
        let (r, sim, row) = reference_sampled(&members, &items, &scorer);
        assert_eq!(items[r].text, full, "the reference is a full version");
        assert_eq!(items[r_exact].text, full);
        assert!((sim - sim_exact).abs() < 0.02, "{sim} vs {sim_exact}");
        assert!(sim > 0.8 && sim < 1.0, "{sim}");
        // Each version's similarity to the reference is its own score, not sampled: the same row as from every pair.
        assert_eq!(r, r_exact, "the earliest full version either way");
        assert_eq!(row, row_exact);
        let short_sim = row[3];
        assert!((groups::THRESHOLD..1.0).contains(&short_sim), "{short_sim}");
        for (x, item) in items.iter().enumerate() {
            assert_eq!(
                row[x],
                if item.text == full { 1.0 } else { short_sim },
                "{x}"
            );
        }
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn content_range_drops_marks_and_space() {
        let t = "He said: “The next meeting.” Then";
        let start = t.find('“').unwrap();
        let end = t.find(" Then").unwrap();
        let (s, e) = content_range(t, start, end);
        assert_eq!(&t[s..e], "The next meeting.");
        assert_eq!(content_range(t, 100, 200), (0, 0));
        assert_eq!(
            content_range(t, start + 1, end),
            (0, 0),
            "not a char boundary"
        );
    }
}
