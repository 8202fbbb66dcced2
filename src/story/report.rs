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

/// A quote of this article whose statement other outlets attribute to someone else.
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

fn share(n: usize, total: usize) -> f32 {
    if total == 0 {
        0.0
    } else {
        ((n as f32 / total as f32) * 1000.0).round() / 1000.0
    }
}

/// Builds the per-article reports.
pub(crate) fn articles(
    docs: &[(&str, &str, &Analysis)],
    speakers: &[StorySpeaker],
    groups: &[QuoteGroup],
    story_id: &FxMap<(usize, usize), usize>,
) -> Vec<ArticleReport> {
    // (article, quote) → group.
    let mut in_group: FxMap<(usize, usize), usize> = FxMap::default();
    for g in groups {
        for v in &g.versions {
            in_group.insert((v.article, v.quote), g.id);
        }
    }
    docs.iter()
        .enumerate()
        .map(|(a, (id, _, an))| {
            let mut by_speaker: Vec<(usize, usize)> = Vec::new();
            let mut by_side: Vec<(String, usize)> = Vec::new();
            let mut attributed = 0;
            let mut exclusive = Vec::new();
            for (qi, q) in an.quotes.iter().enumerate() {
                let sid = q.speaker_id.and_then(|s| story_id.get(&(a, s)).copied());
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
                if !in_group.contains_key(&(a, qi)) {
                    exclusive.push(qi);
                }
            }
            crate::sort::sort_by(&mut by_speaker, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            crate::sort::sort_by(&mut by_side, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let total = an.quotes.len();
            let mut my_groups: Vec<usize> = Vec::new();
            let mut conflicts = Vec::new();
            for g in groups.iter().filter(|g| g.articles.contains(&a)) {
                my_groups.push(g.id);
                for v in g.versions.iter().filter(|v| v.article == a) {
                    let Some(s) = v.speaker else { continue };
                    let others: Vec<OtherVersion> = g
                        .versions
                        .iter()
                        .filter(|w| w.article != a)
                        .filter_map(|w| match w.speaker {
                            Some(t) if t != s => Some(OtherVersion {
                                article: w.article,
                                quote: w.quote,
                                speaker: t,
                            }),
                            _ => None,
                        })
                        .collect();
                    if !others.is_empty() {
                        conflicts.push(Conflict {
                            group: g.id,
                            quote: v.quote,
                            speaker: s,
                            others,
                        });
                    }
                }
            }
            ArticleReport {
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
            }
        })
        .collect()
}

/// Shortens `s` to at most `max` characters with an ellipsis.
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
