//! Per-article report and the CLI's plain-text rendering of a story.
//!
//! For every article: its quotes' shares by story speaker and by side (affiliation; `unknown` when the speaker
//! has none, `unattributed` when the quote has no speaker), the quote groups it takes part in, the quotes no
//! other article carries (`exclusive_quotes`: in no group), and `conflicts`: quotes of a group that another
//! outlet attributes to a *different* story speaker — a fact-checking signal (one outlet's "Medinsky said" is
//! another's "Russian officials said").

use crate::lexicon::FxMap;
use std::fmt::Write;

use serde::Serialize;

use crate::model::Analysis;

use super::{diff, QuoteGroup, Story, StorySpeaker};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerShare {
    pub speaker: usize,
    pub name: String,
    pub quotes: usize,
    pub share: f32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SideShare {
    pub side: String,
    pub quotes: usize,
    pub share: f32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OtherVersion {
    pub article: usize,
    pub quote: usize,
    pub speaker: usize,
}

/// A quote of this article whose statement other outlets attribute to someone else. `others`: the group's versions
/// in other articles that name another story speaker, in group order, at most [`MAX_OTHERS`] (every such version,
/// for each of the 700 versions of a statement that 700 of 5,000 articles carry, made the report quadratic: 34 of
/// its 45 MB of JSON).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Conflict {
    pub group: usize,
    pub quote: usize,
    pub speaker: usize,
    pub others: Vec<OtherVersion>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleReport {
    pub article: usize,
    pub id: String,
    pub quotes: usize,
    pub attributed: usize,
    pub by_speaker: Vec<SpeakerShare>,
    pub by_side: Vec<SideShare>,
    pub groups: Vec<usize>,
    pub exclusive_quotes: Vec<usize>,
    pub conflicts: Vec<Conflict>,
}

/// A conflict lists at most this many versions by other speakers.
pub const MAX_OTHERS: usize = 16;

#[cfg_attr(whosaid_small, optimize(size))]
fn share(n: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        ((n as f32 / total as f32) * 1000.0).round() / 1000.0
    }
}

/// Builds the per-article reports.
#[cfg_attr(whosaid_small, optimize(size))]
pub(crate) fn articles(
    docs: &[(&str, &str, &Analysis)],
    speakers: &[StorySpeaker],
    groups: &[QuoteGroup],
    story_id: &super::PairMap,
) -> Vec<ArticleReport> {
    // (article, quote) → group.
    let mut in_group: super::PairMap = FxMap::default();
    for g in groups {
        for v in &g.versions {
            in_group.insert(super::pair(v.article, v.quote), g.id);
        }
    }
    // Each article's groups and conflicts, in group order, then version order: one pass over the groups.
    let mut groups_of: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    let mut conflicts_of: Vec<Vec<Conflict>> = (0..docs.len()).map(|_| Vec::new()).collect();
    for g in groups {
        for &a in &g.articles {
            if let Some(list) = groups_of.get_mut(a) {
                list.push(g.id);
            }
        }
        if g.conflict {
            for (v, c) in g.versions.iter().zip(group_conflicts(g)) {
                if let (Some(c), Some(list)) = (c, conflicts_of.get_mut(v.article)) {
                    list.push(c);
                }
            }
        }
    }
    // (A loop, not a closure for `map`: the closure was inlined into the iterator's fold, which the browser build
    // does not optimise for size as it does this function.)
    let mut out = Vec::with_capacity(docs.len());
    for (a, (id, _, an)) in docs.iter().enumerate() {
        let mut by_speaker: Vec<(usize, usize)> = Vec::new();
        let mut by_side: Vec<(String, usize)> = Vec::new();
        let mut attributed = 0;
        let mut exclusive = Vec::new();
        for (qi, q) in an.quotes.iter().enumerate() {
            let sid = q
                .speaker_id
                .and_then(|s| story_id.get(&super::pair(a, s)).copied());
            let side = match sid {
                Some(s) => {
                    attributed += 1;
                    match by_speaker.iter_mut().find(|(x, _)| *x == s) {
                        Some(e) => e.1 += 1,
                        None => by_speaker.push((s, 1)),
                    }
                    speakers[s].affiliation.unwrap_or("unknown").to_string()
                }
                None => "unattributed".to_string(),
            };
            match by_side.iter_mut().find(|(x, _)| *x == side) {
                Some(e) => e.1 += 1,
                None => by_side.push((side, 1)),
            }
            if !in_group.contains_key(&super::pair(a, qi)) {
                exclusive.push(qi);
            }
        }
        crate::sort::sort_by(&mut by_speaker, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        crate::sort::sort_by(&mut by_side, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let total = an.quotes.len();
        let my_groups = std::mem::take(&mut groups_of[a]);
        let conflicts = std::mem::take(&mut conflicts_of[a]);
        out.push(ArticleReport {
            article: a,
            id: id.to_string(),
            quotes: total,
            attributed,
            by_speaker: by_speaker
                .into_iter()
                .map(|(s, n)| SpeakerShare {
                    speaker: s,
                    name: speakers[s].name.clone(),
                    quotes: n,
                    share: share(n, total),
                })
                .collect(),
            by_side: by_side
                .into_iter()
                .map(|(side, n)| SideShare {
                    side,
                    quotes: n,
                    share: share(n, total),
                })
                .collect(),
            groups: my_groups,
            exclusive_quotes: exclusive,
            conflicts,
        });
    }
    out
}

/// Each version's conflict in `g` (None for a version without a speaker or without another speaker elsewhere).
/// `O(versions × speakers)`: the versions by someone else are listed once per speaker of the group.
#[cfg_attr(whosaid_small, optimize(size))]
fn group_conflicts(g: &QuoteGroup) -> Vec<Option<Conflict>> {
    let known: Vec<usize> = (0..g.versions.len())
        .filter(|&i| g.versions[i].speaker.is_some())
        .collect();
    // (A group has few speakers: a list searched in order rather than another hash table type.)
    let mut not_by: Vec<(usize, Vec<usize>)> = Vec::new();
    // (A loop, not a closure for `map`: that was inlined into the iterator's fold, not optimised for size.)
    let mut out = Vec::with_capacity(g.versions.len());
    for v in &g.versions {
        let Some(s) = v.speaker else {
            out.push(None);
            continue;
        };
        let at = match not_by.iter().position(|(t, _)| *t == s) {
            Some(at) => at,
            None => {
                let list = known
                    .iter()
                    .copied()
                    .filter(|&i| g.versions[i].speaker != Some(s))
                    .collect();
                not_by.push((s, list));
                not_by.len() - 1
            }
        };
        let list = &not_by[at].1;
        let others: Vec<OtherVersion> = list
            .iter()
            .map(|&i| &g.versions[i])
            .filter(|w| w.article != v.article)
            .take(MAX_OTHERS)
            .map(|w| OtherVersion {
                article: w.article,
                quote: w.quote,
                speaker: w.speaker.unwrap_or(s),
            })
            .collect();
        out.push((!others.is_empty()).then_some(Conflict {
            group: g.id,
            quote: v.quote,
            speaker: s,
            others,
        }));
    }
    out
}

/// Shortens `s` to at most `max` characters with an ellipsis.
#[cfg_attr(whosaid_small, optimize(size))]
fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg_attr(whosaid_small, optimize(size))]
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Articles beyond this many are listed per speaker instead of as matrix columns.
const MATRIX_MAX_ARTICLES: usize = 30;

/// The story as plain text for `whosaid --story FILE...`: articles, the speaker × article matrix, quote groups
/// with each version's diff against the reference (`[-deleted-]{+added+}`), and per-article notes.
/// `docs` are the `(id, text)` pairs the story was built from (for headlines); it may be empty.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn text_report(story: &Story, docs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let n_art = story.articles.len();
    let _ = writeln!(
        out,
        "Story: {} articles, {} speakers, {} quote groups",
        n_art,
        story.speakers.len(),
        story.quote_groups.len()
    );
    let _ = writeln!(out, "\nArticles");
    for r in &story.articles {
        let headline = docs
            .get(r.article)
            .and_then(|(_, t)| t.lines().map(str::trim).find(|l| !l.is_empty()))
            .map(|l| clip(l, 70))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  A{:<3} {:<24} {:>3} quotes  {}",
            r.article,
            clip(&r.id, 24),
            r.quotes,
            headline
        );
    }

    let name = |s: usize| {
        story
            .speakers
            .get(s)
            .map(|sp| sp.name.as_str())
            .unwrap_or("?")
    };
    let quoted: Vec<&StorySpeaker> = story
        .speakers
        .iter()
        .filter(|s| s.total_quotes > 0)
        .collect();
    let _ = writeln!(out, "\nSpeakers × articles (quotes)");
    if quoted.is_empty() {
        let _ = writeln!(out, "  (no attributed quotes)");
    } else if n_art <= MATRIX_MAX_ARTICLES {
        let mut head = format!("  {} {}", pad("speaker", 28), pad("side", 14));
        for a in 0..n_art {
            let _ = write!(head, "{:>4}", format!("A{a}"));
        }
        let _ = writeln!(out, "{head}  total");
        for sp in &quoted {
            let mut row = format!(
                "  {} {}",
                pad(&clip(&sp.name, 28), 28),
                pad(sp.affiliation.unwrap_or("-"), 14)
            );
            for a in 0..n_art {
                let n = sp
                    .quotes
                    .iter()
                    .find(|q| q.article == a)
                    .map(|q| q.quotes)
                    .unwrap_or(0);
                let cell = if n == 0 {
                    ".".to_string()
                } else {
                    n.to_string()
                };
                let _ = write!(row, "{cell:>4}");
            }
            let _ = writeln!(out, "{row}  {:>5}", sp.total_quotes);
        }
    } else {
        for sp in &quoted {
            let cells: Vec<String> = sp
                .quotes
                .iter()
                .filter(|q| q.quotes > 0)
                .map(|q| format!("A{}×{}", q.article, q.quotes))
                .collect();
            let _ = writeln!(
                out,
                "  {} {} {:>4}  {}",
                pad(&clip(&sp.name, 28), 28),
                pad(sp.affiliation.unwrap_or("-"), 14),
                sp.total_quotes,
                cells.join(" ")
            );
        }
    }
    for sp in story
        .speakers
        .iter()
        .filter(|s| !s.aliases.is_empty() || !s.possibly_same.is_empty())
    {
        let mut line = format!("  {}", sp.name);
        if !sp.aliases.is_empty() {
            let _ = write!(line, " — also: {}", sp.aliases.join(", "));
        }
        if !sp.possibly_same.is_empty() {
            let others: Vec<&str> = sp.possibly_same.iter().map(|&s| name(s)).collect();
            let _ = write!(line, " — possibly the same as: {}", others.join(", "));
        }
        let _ = writeln!(out, "{line}");
    }

    let _ = writeln!(out, "\nQuote groups");
    if story.quote_groups.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for g in &story.quote_groups {
        let who: Vec<&str> = g.speakers.iter().map(|&s| name(s)).collect();
        let _ = writeln!(
            out,
            "  G{}  similarity {:.2}  {}{}",
            g.id,
            g.similarity,
            if who.is_empty() {
                "unattributed".to_string()
            } else {
                who.join(" / ")
            },
            if g.conflict {
                "  [CONFLICT: different speakers]"
            } else {
                ""
            }
        );
        for (i, v) in g.versions.iter().enumerate() {
            let by = v.speaker.map(name).unwrap_or("unattributed");
            if i == g.reference {
                let _ = writeln!(
                    out,
                    "    A{} #{} {:<8} {}  (reference)",
                    v.article, v.quote, v.kind, by
                );
                let _ = writeln!(out, "        {}", clip(&v.text, 400));
            } else {
                let _ = writeln!(
                    out,
                    "    A{} #{} {:<8} {}  sim {:.2}",
                    v.article, v.quote, v.kind, by, v.similarity
                );
                let _ = writeln!(out, "        {}", clip(&diff::marked(&v.diff), 600));
            }
        }
    }

    let _ = writeln!(out, "\nPer article");
    for r in &story.articles {
        let sides: Vec<String> = r
            .by_side
            .iter()
            .map(|s| format!("{} {:.0}%", s.side, s.share * 100.0))
            .collect();
        let _ = writeln!(
            out,
            "  A{} {}: {} quotes, {} attributed; by side: {}",
            r.article,
            r.id,
            r.quotes,
            r.attributed,
            if sides.is_empty() {
                "-".to_string()
            } else {
                sides.join(", ")
            }
        );
        let spk: Vec<String> = r
            .by_speaker
            .iter()
            .map(|s| format!("{} {:.0}%", s.name, s.share * 100.0))
            .collect();
        if !spk.is_empty() {
            let _ = writeln!(out, "     by speaker: {}", spk.join(", "));
        }
        if !r.exclusive_quotes.is_empty() {
            let ids: Vec<String> = r.exclusive_quotes.iter().map(|q| format!("#{q}")).collect();
            let _ = writeln!(out, "     only here: {}", ids.join(" "));
        }
        for c in &r.conflicts {
            let others: Vec<String> = c
                .others
                .iter()
                .map(|o| format!("{} in A{} #{}", name(o.speaker), o.article, o.quote))
                .collect();
            let _ = writeln!(
                out,
                "     conflict G{}: #{} by {} here; {}",
                c.group,
                c.quote,
                name(c.speaker),
                others.join("; ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Version;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn version(article: usize, quote: usize, speaker: Option<usize>) -> Version {
        Version {
            article,
            quote,
            kind: "direct",
            speaker,
            start: 0,
            end: 0,
            text: String::new(),
            similarity: 1.0,
            diff: Vec::new(),
        }
    }

    /// 40 articles say speaker 0, article 40 says speaker 1, and article 41 has no speaker.
    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn conflicts_list_versions_by_other_speakers_at_most_max_others() {
        let mut versions: Vec<Version> = (0..40).map(|a| version(a, a % 3, Some(0))).collect();
        versions.push(version(40, 7, Some(1)));
        versions.push(version(41, 2, None));
        let g = QuoteGroup {
            id: 5,
            similarity: 0.9,
            articles: (0..42).collect(),
            speakers: vec![0, 1],
            conflict: true,
            reference: 0,
            versions,
        };
        let c = group_conflicts(&g);
        assert_eq!(c.len(), 42);
        // Speaker 0's versions each see the one version by speaker 1.
        for (a, conflict) in c.iter().enumerate().take(40) {
            let conflict = conflict.as_ref().expect("a conflict");
            assert_eq!(
                (conflict.group, conflict.quote, conflict.speaker),
                (5, a % 3, 0)
            );
            let others: Vec<(usize, usize, usize)> = conflict
                .others
                .iter()
                .map(|o| (o.article, o.quote, o.speaker))
                .collect();
            assert_eq!(others, vec![(40, 7, 1)]);
        }
        // Speaker 1's version sees the first MAX_OTHERS of the 40, in group order.
        let c40 = c[40].as_ref().expect("a conflict");
        let want: Vec<(usize, usize, usize)> = (0..MAX_OTHERS).map(|a| (a, a % 3, 0)).collect();
        let got: Vec<(usize, usize, usize)> = c40
            .others
            .iter()
            .map(|o| (o.article, o.quote, o.speaker))
            .collect();
        assert_eq!(got, want);
        assert!(c[41].is_none(), "no speaker, no conflict");
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn versions_in_the_same_article_are_no_conflict() {
        let g = QuoteGroup {
            id: 0,
            similarity: 0.9,
            articles: vec![0, 1],
            speakers: vec![0, 1],
            conflict: true,
            reference: 0,
            versions: vec![
                version(0, 0, Some(0)),
                version(0, 1, Some(1)),
                version(1, 0, Some(0)),
            ],
        };
        let c = group_conflicts(&g);
        // Article 0's speaker-1 version conflicts with article 1's speaker-0 version; the speaker-0 versions only
        // meet speaker 1 in article 0, which is their own article for the first one.
        assert!(c[0].is_none());
        let others = |i: usize| {
            c[i].as_ref().map(|c| {
                c.others
                    .iter()
                    .map(|o| (o.article, o.quote))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(others(1), Some(vec![(1, 0)]));
        assert_eq!(others(2), Some(vec![(0, 1)]));
    }
}
