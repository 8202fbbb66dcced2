//! Quote groups: quotes from different articles that render the same statement.
//!
//! # Features
//! A quote's content words are its UAX #29 words, lowercased and folded, minus English stopwords, each reduced
//! to a stem: possessive and inflection suffixes stripped (`-s`, `-es`, `-ies`, `-ed`, `-ing`, `-ly`), then cut
//! to 6 letters (`negotiations`, `negotiating` → `negoti`). Stems are weighted by inverse quote frequency over the
//! story, `ln(1 + N / df)`, so words every quote in a story shares ("talks", "Ukraine") count for little.
//!
//! # Similarity
//! `0.45·C + 0.35·J + 0.20·B (+ 0.10 when both quotes have the same story speaker)`, capped at 1, where `C` is the
//! weighted containment of the smaller stem set in the other (a trimmed quote is contained in the full one),
//! scaled by `min(1, shared / SUPPORT)` so that two shared words do not make a short quote "contained",
//! `J` the weighted Jaccard index, and `B` the containment of content-word bigrams (word order survives
//! verbatim and trimmed quotes, less so a new translation). Two quotes are *the same statement* when the score
//! is at least [`THRESHOLD`] and they share at least [`MIN_SHARED`] stems. On the seed articles (before the
//! speaker bonus) verbatim and trimmed versions score 0.7–1.0, two translations of one statement 0.45–0.56, an
//! excerpt against the longer quote it comes from 0.32–0.52, and different statements of one story at most 0.37;
//! the threshold sits in that gap, and the speaker bonus lifts same-speaker excerpts over it.
//!
//! # Blocking and linkage
//! Candidates come from an inverted index over stems: each quote is compared only with earlier quotes of other
//! articles sharing at least [`MIN_SHARED`] stems, and a stem's posting list is capped at [`MAX_POSTINGS`]
//! (later holders of a very common stem are still indexed by their rarer stems), so the work is
//! `O(words × MAX_POSTINGS)`, not quadratic in the story. Edges are merged best first with average linkage
//! (the mean similarity across the two groups, on a sample of at most 8 × 8 pairs, must reach
//! [`LINK_THRESHOLD`]), so one loose pair does not chain two statements together.

use crate::lexicon::{word_list, FxMap, WordList};

use unicode_segmentation::UnicodeSegmentation;

use super::names::{fold, Dsu};

/// A pair scoring at least this is the same statement.
pub const THRESHOLD: f32 = 0.4;
/// Two groups merge when their mean cross similarity reaches this.
pub const LINK_THRESHOLD: f32 = 0.32;
/// Quotes must share this many content stems to be compared at all.
pub const MIN_SHARED: usize = 2;
/// At most this many quotes are kept per stem in the candidate index.
pub const MAX_POSTINGS: usize = 64;
/// Each quote is scored against at most this many candidates (those sharing the most stems, then the first met):
/// with a statement
/// that hundreds of articles repeat, a quote would otherwise be scored against every earlier copy in the posting
/// lists (87 candidates a quote for 5,000 articles, against 39 for 500), and the story would grow faster than its
/// articles.
pub const MAX_CANDIDATES: usize = 32;
/// Containment counts fully from this many shared stems on (proportionally below).
pub const SUPPORT: usize = 4;
/// Bonus when both quotes are attributed to the same story speaker.
pub const SAME_SPEAKER_BONUS: f32 = 0.10;

static STOPWORDS: WordList = word_list![
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "s",
    "t",
    "ll",
    "ve",
    "re",
    "d",
    "m",
    "said",
    "says",
    "say",
    "told",
    "according",
];

#[cfg_attr(whosaid_small, optimize(size))]
fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// The stem of one lowercase folded word.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn stem(word: &str) -> String {
    let mut w = crate::text::trim_suffix(word, "'s").to_string();
    let strip = |w: &mut String, suf: &str, rep: &str, min: usize| -> bool {
        if w.len() >= min + suf.len() && w.ends_with(suf) {
            let n = w.len() - suf.len();
            w.truncate(n);
            w.push_str(rep);
            true
        } else {
            false
        }
    };
    let _ = strip(&mut w, "ies", "y", 2)
        || strip(&mut w, "sses", "ss", 2)
        || (!w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && strip(&mut w, "s", "", 3));
    let _ = strip(&mut w, "ing", "", 3) || strip(&mut w, "ed", "", 3) || strip(&mut w, "ly", "", 3);
    w.chars().take(6).collect()
}

/// Content stems of a text, in order.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn content_stems(text: &str) -> Vec<String> {
    text.unicode_words()
        .filter_map(|w| {
            let f = fold(w);
            if f.is_empty() || is_stopword(&f) {
                return None;
            }
            let s = stem(&f);
            (!s.is_empty() && !is_stopword(&s)).then_some(s)
        })
        .collect()
}

/// One quote to group.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub article: usize,
    pub speaker: Option<usize>,
    pub text: &'a str,
}

struct Features {
    /// Sorted unique stem ids.
    stems: Vec<u32>,
    /// Sorted unique bigram ids (stem pairs, order kept).
    bigrams: Vec<u64>,
    weight: f32,
}

/// Scores pairs of items (see the module doc).
pub struct Scorer<'a> {
    items: &'a [Item<'a>],
    feats: Vec<Features>,
    idf: Vec<f32>,
}

impl<'a> Scorer<'a> {
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn new(items: &'a [Item<'a>]) -> Scorer<'a> {
        let mut ids: FxMap<String, usize> = FxMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<(Vec<u32>, Vec<u64>)> = Vec::with_capacity(items.len());
        for it in items {
            let seq: Vec<u32> = content_stems(it.text)
                .into_iter()
                .map(|s| {
                    let n = ids.len();
                    *ids.entry(s).or_insert(n) as u32
                })
                .collect();
            let mut bigrams: Vec<u64> = seq
                .windows(2)
                .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                .collect();
            crate::sort::sort(&mut bigrams);
            bigrams.dedup();
            let mut stems = seq;
            crate::sort::sort(&mut stems);
            stems.dedup();
            df.resize(ids.len(), 0);
            for &s in &stems {
                df[s as usize] += 1;
            }
            raw.push((stems, bigrams));
        }
        let n = items.len().max(1) as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f32).ln())
            .collect();
        let feats = raw
            .into_iter()
            .map(|(stems, bigrams)| {
                let weight = stems.iter().map(|&s| idf[s as usize]).sum();
                Features {
                    stems,
                    bigrams,
                    weight,
                }
            })
            .collect();
        Scorer { items, feats, idf }
    }

    /// (similarity, shared stems) of items `i` and `j`.
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn score(&self, i: usize, j: usize) -> (f32, usize) {
        let (a, b) = (&self.feats[i], &self.feats[j]);
        let (mut x, mut y, mut inter, mut shared) = (0, 0, 0f32, 0usize);
        while x < a.stems.len() && y < b.stems.len() {
            match a.stems[x].cmp(&b.stems[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    inter += self.idf[a.stems[x] as usize];
                    shared += 1;
                    x += 1;
                    y += 1;
                }
            }
        }
        if shared == 0 {
            return (0.0, 0);
        }
        // Containment is damped below SUPPORT shared stems: two shared words say little about a short quote.
        let support = (shared as f32 / SUPPORT as f32).min(1.0);
        let containment = support * inter / a.weight.min(b.weight);
        let jaccard = inter / (a.weight + b.weight - inter);
        let (mut x, mut y, mut common) = (0, 0, 0usize);
        while x < a.bigrams.len() && y < b.bigrams.len() {
            match a.bigrams[x].cmp(&b.bigrams[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    x += 1;
                    y += 1;
                }
            }
        }
        let min_bi = a.bigrams.len().min(b.bigrams.len());
        let bigram = if min_bi == 0 {
            0.0
        } else {
            common as f32 / min_bi as f32
        };
        let mut s = 0.45 * containment + 0.35 * jaccard + 0.20 * bigram;
        let (sa, sb) = (self.items[i].speaker, self.items[j].speaker);
        if sa.is_some() && sa == sb {
            s += SAME_SPEAKER_BONUS;
        }
        (s.min(1.0), shared)
    }

    /// Whether `i` and `j` render the same statement.
    #[cfg_attr(whosaid_small, optimize(size))]
    pub fn same_statement(&self, i: usize, j: usize) -> Option<f32> {
        let (s, shared) = self.score(i, j);
        (s >= THRESHOLD && shared >= MIN_SHARED).then_some(s)
    }
}

/// Groups items; returns groups (item indices, sorted) that span at least two articles, ordered by first item.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn group(items: &[Item]) -> Vec<Vec<usize>> {
    group_with(&Scorer::new(items))
}

/// [`group`] with a scorer already built over the items.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn group_with(scorer: &Scorer) -> Vec<Vec<usize>> {
    let items = scorer.items;
    // Candidate pairs from the capped inverted index (stem ids are dense, so are the posting lists; shared
    // stems are counted in a dense array reset through the list of touched entries).
    let n_stems = scorer.idf.len();
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); n_stems];
    let mut edges: Vec<(f32, usize, usize)> = Vec::new();
    let mut counts: Vec<u32> = vec![0; items.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut hist: Vec<usize> = Vec::new();
    for i in 0..items.len() {
        for &s in &scorer.feats[i].stems {
            let list = &mut postings[s as usize];
            for &j in list.iter() {
                if items[j].article != items[i].article {
                    if counts[j] == 0 {
                        touched.push(j);
                    }
                    counts[j] += 1;
                }
            }
            if list.len() < MAX_POSTINGS {
                list.push(i);
            }
        }
        // The candidates: at least MIN_SHARED shared stems; at most MAX_CANDIDATES, those sharing the most (then
        // the earliest). In any order: the edges are sorted below by (score, j, i), every pair once.
        touched.retain(|&j| {
            let keep = counts[j] as usize >= MIN_SHARED;
            if !keep {
                counts[j] = 0;
            }
            keep
        });
        if touched.len() > MAX_CANDIDATES {
            // The cut: the highest shared count with MAX_CANDIDATES candidates at or above it, from a histogram of
            // the counts; those above it are kept, then those at it in the order they were met (plain loops: a
            // selection algorithm would add its code to the page's wasm).
            let top = touched
                .iter()
                .map(|&j| counts[j] as usize)
                .max()
                .unwrap_or(0);
            hist.clear();
            hist.resize(top + 1, 0);
            for &j in &touched {
                hist[counts[j] as usize] += 1;
            }
            let (mut cut, mut above) = (top, 0);
            while above + hist[cut] < MAX_CANDIDATES {
                above += hist[cut];
                cut -= 1;
            }
            let mut room = MAX_CANDIDATES - above;
            touched.retain(|&j| {
                let c = counts[j] as usize;
                let keep = c > cut || (c == cut && room > 0);
                if c == cut && keep {
                    room -= 1;
                }
                if !keep {
                    counts[j] = 0;
                }
                keep
            });
        }
        for &j in &touched {
            if let Some(s) = scorer.same_statement(j, i) {
                edges.push((s, j, i));
            }
            counts[j] = 0;
        }
        touched.clear();
    }
    // Best first, then by (j, i): one integer key per edge (scores are positive, so their bits order like them).
    crate::sort::sort_by_key(&mut edges, |&(s, j, i)| {
        (u128::from(!s.to_bits()) << 96) | ((j as u128) << 48) | i as u128
    });

    let mut dsu = Dsu::new(items.len());
    let mut members: Vec<Vec<usize>> = (0..items.len()).map(|i| vec![i]).collect();
    // Pairs of groups that failed to link, with the number of members each sampled: as long as both are groups
    // (roots) with those samples, the link is the same (merging appends, so a sample of 8 stays), and the many
    // edges between two big groups of a long story are not scored again (5,000 articles: 33,000 -> 14,000 links).
    // (A map type the story already uses: a new one would add its code to the page's wasm.)
    let mut failed: super::PairMap = FxMap::default();
    for (_, a, b) in edges {
        let (ra, rb) = (dsu.find(a), dsu.find(b));
        if ra == rb {
            continue;
        }
        let (ma, mb) = (&members[ra], &members[rb]);
        let (key, sampled) = if ra < rb {
            (super::pair(ra, rb), ma.len().min(8) * 9 + mb.len().min(8))
        } else {
            (super::pair(rb, ra), mb.len().min(8) * 9 + ma.len().min(8))
        };
        if failed.get(&key) == Some(&sampled) {
            continue;
        }
        let link = if ma.len() == 1 && mb.len() == 1 {
            THRESHOLD
        } else {
            let mut sum = 0.0;
            let mut n = 0usize;
            for &x in ma.iter().take(8) {
                for &y in mb.iter().take(8) {
                    sum += scorer.score(x, y).0;
                    n += 1;
                }
            }
            sum / n as f32
        };
        if link >= LINK_THRESHOLD {
            let keep = dsu.union(ra, rb);
            let gone = if keep == ra { rb } else { ra };
            let moved = std::mem::take(&mut members[gone]);
            members[keep].extend(moved);
        } else {
            failed.insert(key, sampled);
        }
    }
    let mut out: Vec<Vec<usize>> = members
        .into_iter()
        .filter(|m| {
            m.len() > 1 && {
                let a = items[m[0]].article;
                m.iter().any(|&x| items[x].article != a)
            }
        })
        .collect();
    for g in &mut out {
        crate::sort::sort(g);
    }
    crate::sort::sort_by_key(&mut out, |g| g[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn item(article: usize, speaker: Option<usize>, text: &str) -> Item<'_> {
        Item {
            article,
            speaker,
            text,
        }
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn stems_fold_inflections() {
        assert_eq!(stem("negotiations"), stem("negotiating"));
        assert_eq!(stem("positions"), stem("position"));
        assert_eq!(stem("decisions"), stem("decision"));
        assert_eq!(stem("topics"), "topic");
        assert_eq!(stem("parties"), stem("party"));
        assert_eq!(
            content_stems("The next meeting will take place"),
            vec!["next", "meet", "take", "place"]
        );
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn a_translation_scores_above_threshold_and_an_unrelated_quote_below() {
        let items = [
            item(
                0,
                Some(1),
                "the two sides “found certain points on which common positions could be foreseen”",
            ),
            item(
                1,
                Some(7),
                "“We have identified certain points from which we can predict common positions.”",
            ),
            item(
                2,
                Some(1),
                "“I suggest we wait for the talks,” he said. “I would not declare any positions.”",
            ),
            item(3, Some(2), "“Negotiations are difficult,” he tweeted."),
        ];
        let s = Scorer::new(&items);
        let (t, shared) = s.score(0, 1);
        assert!(
            t >= THRESHOLD && shared >= MIN_SHARED,
            "translation {t} {shared}"
        );
        assert!(
            s.same_statement(0, 2).is_none(),
            "unrelated {:?}",
            s.score(0, 2)
        );
        assert!(s.same_statement(1, 3).is_none());
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn groups_verbatim_trimmed_and_translated_versions_but_not_other_statements() {
        let items = [
            item(0, Some(0), "The next meeting will take place in the coming days on the Polish-Belarusian border, there is an agreement to that effect"),
            item(0, Some(1), "There can be fair negotiations if one side does not hit the other side with rocket artillery"),
            item(1, Some(0), "The next meeting will take place in the coming days on the Polish-Belarusian border, there is an agreement on that"),
            item(1, Some(2), "Unfortunately, the Russian side still has a very biased view of the destructive processes it has begun."),
            item(2, Some(2), "Unfortunately, the Russian side is still extremely biased regarding the destructive processes it launched."),
            item(3, Some(0), "The next meeting will take place in the coming days at the Polish-Belarusian border. There is already a relevant agreement. Before the meeting, both delegations, the leaders of both delegations will consult with their countries’ leadership concerning their negotiation positions"),
            item(3, Some(1), "I do not really believe in the outcome of this meeting, but let them try"),
        ];
        let groups = group(&items);
        assert_eq!(groups, vec![vec![0, 2, 5], vec![3, 4]]);
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn same_article_pairs_alone_do_not_make_a_group() {
        let items = [
            item(
                0,
                None,
                "We will not surrender, we will not capitulate, we will not give up a single inch",
            ),
            item(
                0,
                None,
                "We will not surrender, we will not capitulate, we will not give up a single inch",
            ),
        ];
        assert!(group(&items).is_empty());
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn short_fragments_need_two_shared_stems() {
        let items = [
            item(0, Some(0), "“difficult”"),
            item(1, Some(0), "“Negotiations are difficult”"),
        ];
        assert!(group(&items).is_empty());
    }

    /// A statement that 100 articles repeat, among other quotes that share words with it: more copies than
    /// MAX_CANDIDATES, and still one group of all 100, without the others.
    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn a_statement_in_more_articles_than_candidates_is_one_group() {
        let statement =
            "The next meeting will take place in the coming days on the Polish-Belarusian border";
        let others = [
            "We expect the meeting to be difficult, the border is closed",
            "The coming days will show whether the talks take place at all",
        ];
        let mut items = Vec::new();
        for a in 0..100 {
            items.push(item(a, Some(0), statement));
            items.push(item(a, Some(1), others[a % 2]));
        }
        let groups = group(&items);
        let copies: Vec<usize> = (0..100).map(|a| 2 * a).collect();
        assert!(
            groups.contains(&copies),
            "{:?}",
            groups.iter().map(Vec::len).collect::<Vec<_>>()
        );
        assert!(groups
            .iter()
            .all(|g| g == &copies || g.iter().all(|i| i % 2 == 1)));
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn empty_input_is_empty() {
        assert!(group(&[]).is_empty());
    }
}
