//! The junk audit: speaker entities whose name is not a name ("I've", "Hopefully", "Twenty-seven", "Department",
//! "Police", "Avoid Bad Optics"), judged against the article they come from ([`Evidence`]).
//!
//! A name is read as its words (split at white space, punctuation trimmed from each end, a possessive `'s` dropped).
//! A name whose first or last word does not begin with a capital letter ("sources", "a Trump adviser", "he",
//! "early results of the exit poll by the Associated Press") is a description, not a claim to be a name, and is
//! never junk. Otherwise the first rule that applies decides:
//!
//! 1. **contraction**: a word is a contraction (`n't`, `'ve`, `'re`, `'ll`, `'d`, `'m`, or `'s` after a pronoun or
//!    a word like "that", "there", "let"): I've, Don't, We’re, She’ll. Contractions are never names.
//! 2. **number word**: every word (every part of a hyphenated word) is a number word (cardinals, ordinals,
//!    "hundreds", "dozens", "half"): Twenty-seven, Seven.
//! 3. **single letter**: every word is one letter (an initial, or "I").
//! 4. **day or month**: every word is a weekday or month name and none is written after a known first name in the
//!    article ("Theresa May" makes "May" a name).
//! 5. A name of two words or more that the article writes mid-sentence (not as a sentence's first words, inside
//!    quotation marks too, not in a title-case line) in a run of capitalised words is a name ("United States",
//!    also inside "the United States Senate").
//! 6. If any word is a **name-word**, the name is a name, unless it has two words or more and its first word is a
//!    **sentence-initial adverb or participle** (see 7) that is not a name-word: "Injecting Clinton". A word is a
//!    name-word when
//!    * the article writes it in a run of capitalised words that begins with a known first name ("Steve King",
//!      "Billie Jean King"); or else, if it is "The", "A", "An", a weekday or a month, never; if it is a title
//!      (`data/titles.txt`: "President", "Justice", "King"), only as the last of two capitalised words or more
//!      written mid-sentence outside quotation marks ("tennis great Billie Jean King"); otherwise when
//!    * it is a known first name (`lexicon::first_name_gender`) or a demonym (`lexicon::is_demonym`), or
//!    * the article writes it capitalised mid-sentence outside quotation marks: not in a run of capitalised words
//!      that opens a sentence (a paragraph's first word, the first word after `.`, `!`, `?` other than an
//!      abbreviation's dot, after `:`, or after an opening quotation mark; the run goes on through joined capitalised
//!      words, so "States" in "United States officials said" and "Department" in "The Department declined" open
//!      their sentences), not in a title-case line (a line whose words of four letters or more, at least two, all
//!      begin with a capital), and not inside an organisation's name (a run of two capitalised words or more, joined
//!      by white space or by "of", "for", "and", "&", a leading "The" not counted, that ends with an
//!      organisation word of `lexicon::is_org_word` or has one before "of" or "for": "Justice" in "Justice
//!      Department", "Health" in "Department of Health"), or
//!    * it is a plural whose singular is such a word ("Republicans" after "the Republican nominee"), or
//!    * it is hyphenated and one of its parts is a name-word ("Cruz-Rubio").
//! 7. A name of one word:
//!    * **piece of an organisation's name** if it is a common word and an organisation word (Department, Board,
//!      Committee) or a word the article capitalises only inside organisation names ("Times" when the article
//!      only writes "Military Times"), and not a plural role noun (a group of people: Police);
//!    * **sentence-initial adverb or participle** if it ends in -ly, -ed or -ing, has five letters at least, is not
//!      in capitals, and is either not one of SCOWL's words or a regular form of one (Hopefully → hopeful,
//!      Chastened, Having → have, Considering; not Family or Everything);
//!    * a word that is not common is a rare word the article never shows as a name: given the benefit of the
//!      doubt, not junk ("Meh", "Zelenskyy");
//!    * **all-capitals common word** if it is written in capitals (LOOK, BUSTED);
//!    * **common word taken for a name** otherwise (Police, Delegates, Health, Look).
//! 8. A name of several words, none an organisation word, all common: **common words only** (a headline fragment:
//!    "Avoid Bad Optics", "Shows Bias"), or **all-capitals common word** when all are in capitals ("FULL TEXT").
//!
//! A common word is one of SCOWL's ([`common_words`]: sizes 10 and 20, `data/common_words.txt`) or a regular -s,
//! -es, -ies, -ed, -ing or -ly form of one, a role noun (`lexicon::role_noun`: "delegates", "aides"), or a word the
//! article writes in lowercase somewhere; a hyphenated word is common when all its parts are.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::lexicon;
use crate::Gender;

/// SCOWL's common English words (see `data/README.md`), lowercase, one per line, `#` comments.
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");

/// The words of `data/common_words.txt`.
pub fn common_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_WORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// Why a speaker name is not a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JunkReason {
    Contraction,
    NumberWord,
    SingleLetter,
    DayOrMonth,
    AdverbOrParticiple,
    OrgPiece,
    AllCaps,
    CommonWord,
    CommonWordsOnly,
}

impl JunkReason {
    pub const ALL: [JunkReason; 9] = [
        JunkReason::Contraction,
        JunkReason::NumberWord,
        JunkReason::SingleLetter,
        JunkReason::DayOrMonth,
        JunkReason::AdverbOrParticiple,
        JunkReason::OrgPiece,
        JunkReason::AllCaps,
        JunkReason::CommonWord,
        JunkReason::CommonWordsOnly,
    ];
    pub fn label(self) -> &'static str {
        match self {
            JunkReason::Contraction => "contraction",
            JunkReason::NumberWord => "number word",
            JunkReason::SingleLetter => "single letter",
            JunkReason::DayOrMonth => "day or month",
            JunkReason::AdverbOrParticiple => "sentence-initial adverb or participle",
            JunkReason::OrgPiece => "piece of an organisation's name",
            JunkReason::AllCaps => "all-capitals common word",
            JunkReason::CommonWord => "common word taken for a name",
            JunkReason::CommonWordsOnly => "common words only (headline fragment)",
        }
    }
    pub fn explanation(self) -> &'static str {
        match self {
            JunkReason::Contraction => "I've, Don't, We’re: never a name",
            JunkReason::NumberWord => "Twenty-seven, Seven",
            JunkReason::SingleLetter => "one letter, not a name",
            JunkReason::DayOrMonth => "a weekday or month the article never writes after a first name",
            JunkReason::AdverbOrParticiple => {
                "-ly, -ed or -ing word the article never shows as a name: Hopefully, Chastened"
            }
            JunkReason::OrgPiece => {
                "Department, Board alone, or a word the article capitalises only inside organisation names"
            }
            JunkReason::AllCaps => "a common word in capitals: LOOK, BUSTED",
            JunkReason::CommonWord => "a common noun or other common word: Police, Health, Look",
            JunkReason::CommonWordsOnly => {
                "several common words, no organisation word: Avoid Bad Optics"
            }
        }
    }
}

const NUMBER_WORDS: [&str; 60] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "dozen",
    "dozens",
    "half",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "hundredth",
    "thousandth",
    "millionth",
];

const DAYS_AND_MONTHS: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words before a contraction's `'s` ("that's", "let's"); after other words `'s` is a possessive.
const S_CONTRACTED: [&str; 15] = [
    "he", "she", "it", "that", "there", "here", "what", "who", "where", "when", "why", "how",
    "let", "this", "everyone",
];

/// Abbreviations whose dot does not end a sentence (besides titles, initials and dotted abbreviations).
const ABBREVIATIONS: [&str; 22] = [
    "jr", "sr", "st", "mt", "ft", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// A word without a possessive `'s` / `’s` ("Trump's" → "Trump").
fn base(w: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(suffix) {
            if !b.is_empty() && !S_CONTRACTED.contains(&b.to_lowercase().as_str()) {
                return b;
            }
        }
    }
    w
}

/// Whether `w` is a contraction: I've, Don't, We’re, She’ll, It's, Let's.
pub fn is_contraction(w: &str) -> bool {
    let Some(p) = w.rfind(is_apostrophe) else {
        return false;
    };
    let head = w[..p].to_lowercase();
    let tail = w[p..].chars().skip(1).collect::<String>().to_lowercase();
    if head.is_empty() {
        return false;
    }
    match tail.as_str() {
        "t" => head.ends_with('n'),
        "ve" | "re" | "ll" | "d" | "m" => true,
        "s" => S_CONTRACTED.contains(&head.as_str()),
        _ => false,
    }
}

fn is_number_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    lower
        .split('-')
        .all(|p| !p.is_empty() && NUMBER_WORDS.contains(&p))
}

fn is_day_or_month(w: &str) -> bool {
    DAYS_AND_MONTHS.contains(&w)
}

fn is_title(w: &str) -> bool {
    lexicon::title(&w.to_lowercase()).is_some()
}

fn is_first_name(w: &str) -> bool {
    is_capitalised(w) && lexicon::first_name_gender(w) != Gender::Unknown
}

/// Whether `w` is a common word (case-insensitive): one of SCOWL's ([`common_words`]) or a regular -s, -es, -ed,
/// -ing or -ly form of one ("killed", "busted"), or a role noun (`lexicon::role_noun`: "delegates", "aides"); a
/// hyphenated word when all its parts are.
pub fn is_common_word(w: &str) -> bool {
    let w = base(w);
    if w.contains('-') {
        return w.split('-').all(|p| !p.is_empty() && is_common_word(p));
    }
    let lower = w.to_lowercase();
    let listed = |s: &str| common_words().contains(s);
    listed(&lower)
        || lexicon::role_noun(&lower).is_some()
        || stems(&lower).iter().any(|s| s.len() >= 3 && listed(s))
}

/// A plural role noun: a group of people (Police, Delegates, Officials), not an institution (Department).
fn is_people_noun(w: &str) -> bool {
    lexicon::role_noun(&w.to_lowercase()).is_some_and(|r| r.plural)
}

/// The stems a regular -s, -es, -ies, -ly, -ed or -ing form may come from ("aides" → "aide", "hopefully" →
/// "hopeful", "pledged" → "pledg", "pledge", "shutting" → "shutt", "shut", "hastily" → "hasty", "domestically" →
/// "domestic").
fn stems(lower: &str) -> Vec<String> {
    let mut out = Vec::new();
    for plural in ["s", "es"] {
        if let Some(stem) = lower.strip_suffix(plural).filter(|s| !s.ends_with('s')) {
            out.push(stem.to_string());
        }
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    for suffix in ["ly", "ed", "ing"] {
        let Some(stem) = lower.strip_suffix(suffix) else {
            continue;
        };
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
        if let Some(s) = stem.strip_suffix('i') {
            out.push(format!("{s}y"));
        }
        if let Some(s) = stem.strip_suffix("al").filter(|_| suffix == "ly") {
            out.push(s.to_string());
        }
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            out.push(stem[..stem.len() - 1].to_string());
        }
    }
    out
}

/// An -ly, -ed or -ing word of five letters at least, not in capitals, that is not a common word or comes from
/// one (so "Hopefully", "Chastened", "Having", but not "Family" or "Everything"): Hopefully, Chastened, Having.
fn is_adverb_or_participle(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().count() >= 5
        && w.chars().all(char::is_alphabetic)
        && !is_all_caps(w)
        && (lower.ends_with("ly") || lower.ends_with("ed") || lower.ends_with("ing"))
        && (!common_words().contains(lower.as_str())
            || stems(&lower)
                .iter()
                .any(|s| s.len() >= 3 && common_words().contains(s.as_str())))
}

/// Lowercase words that may join the capitalised words of an organisation's name ("Department of Justice").
const NAME_CONNECTORS: [&str; 4] = ["of", "for", "and", "&"];

/// One word of an article as the evidence scanner sees it.
struct Word<'a> {
    text: &'a str,
    /// First word of a sentence (paragraph start, after a sentence-ending mark or a colon).
    initial: bool,
    quoted: bool,
    /// Only white space between the previous word of the paragraph and this one.
    joined: bool,
}

/// Whether the word before a dot is an abbreviation (the dot does not end the sentence).
fn is_abbreviation(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().count() == 1
        || w.contains('.')
        || is_title(w)
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// The words of one paragraph with their sentence and quotation state.
fn scan_paragraph(p: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let (mut quoted, mut initial, mut joined) = (false, true, false);
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut i = 0;
    let mut last_word_end = usize::MAX;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || (matches!(d, '\'' | '’' | '-' | '.' | '&') && next_alnum)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(p.len(), |&(e, _)| e);
            words.push(Word {
                text: &p[at..end],
                initial,
                quoted,
                joined,
            });
            initial = false;
            joined = true;
            last_word_end = end;
            i = j;
            continue;
        }
        match c {
            '“' | '«' | '„' => (quoted, initial) = (true, true),
            '”' | '»' => quoted = false,
            // `"`, or `''` as some outlets write it.
            '"' | '\'' if c == '"' || chars.get(i + 1).is_some_and(|&(_, n)| n == '\'') => {
                if c == '\'' {
                    i += 1;
                }
                quoted = !quoted;
                initial |= quoted;
            }
            '.' => {
                let abbreviation = at == last_word_end
                    && words.last().is_some_and(|w: &Word| is_abbreviation(w.text));
                if !abbreviation {
                    initial = true;
                }
            }
            '!' | '?' | ':' => initial = true,
            _ => {}
        }
        if !c.is_whitespace() {
            joined = false;
        }
        i += 1;
    }
    words
}

/// A title-case line: at least two words of four letters or more, all capitalised.
fn is_title_case(words: &[Word]) -> bool {
    let long: Vec<&Word> = words
        .iter()
        .filter(|w| w.text.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    long.len() >= 2 && long.iter().all(|w| is_capitalised(w.text))
}

/// What an article shows about its capitalised words, to tell names from other words.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Words capitalised mid-sentence, outside quotation marks, title-case lines and organisation names.
    capitalised: HashSet<String>,
    /// Words written right after a known first name.
    after_first_name: HashSet<String>,
    /// Capitalised words seen inside a longer organisation name.
    in_org_name: HashSet<String>,
    /// Sequences of two words or more ("United States", "Department of Justice") written mid-sentence (inside
    /// quotation marks too) outside title-case lines, inside a run of capitalised words (organisation names
    /// included).
    phrases: HashSet<String>,
    /// Words the article writes in lowercase ("delegates"): common words in this article.
    lowercase: HashSet<String>,
    /// Titles written mid-sentence as the last of two capitalised words or more: surnames ("Billie Jean King").
    title_surnames: HashSet<String>,
}

/// Runs of joined capitalised words in a paragraph (through lowercase connectors: "Department of Justice"), as
/// index ranges into `words`.
fn capitalised_runs(words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A capitalised article ("The Post") does not belong to the name it precedes.
        if !is_capitalised(words[i].text) || matches!(words[i].text, "The" | "A" | "An") {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && words[j].joined {
            if is_capitalised(words[j].text) {
                j += 1;
            } else if NAME_CONNECTORS.contains(&words[j].text)
                && words
                    .get(j + 1)
                    .is_some_and(|n| n.joined && is_capitalised(n.text))
            {
                j += 2;
            } else {
                break;
            }
        }
        runs.push(i..j);
        i = j;
    }
    runs
}

/// An organisation's name: a run of two capitalised words or more whose last word is an organisation word
/// ("Justice Department", "Wall Street Journal") or with an organisation word before "of" or "for" ("Department of
/// Health").
fn is_org_run(words: &[Word], run: &std::ops::Range<usize>) -> bool {
    let cap: Vec<usize> = run
        .clone()
        .filter(|&k| is_capitalised(words[k].text))
        .collect();
    cap.len() >= 2
        && (cap
            .last()
            .is_some_and(|&k| lexicon::is_org_word(base(words[k].text)))
            || run.clone().any(|k| {
                lexicon::is_org_word(base(words[k].text))
                    && k + 1 < run.end
                    && matches!(words[k + 1].text, "of" | "for")
            }))
}

impl Evidence {
    pub fn new(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        for para in text.split('\n') {
            let words = scan_paragraph(para);
            let headline = is_title_case(&words);
            let mut in_org = vec![false; words.len()];
            // The last capitalised word of a run of two or more.
            let mut run_last = vec![false; words.len()];
            // Words of a run that opens a sentence (after a sentence-initial "The" too): "United States officials
            // said", "The Department declined".
            let mut opening = vec![false; words.len()];
            for run in capitalised_runs(&words) {
                if is_org_run(&words, &run) {
                    in_org[run.clone()].iter_mut().for_each(|x| *x = true);
                }
                if run.len() >= 2 {
                    run_last[run.end - 1] = true;
                }
                let s = run.start;
                if words[s].initial
                    || s > 0
                        && words[s].joined
                        && words[s - 1].initial
                        && matches!(words[s - 1].text, "The" | "A" | "An")
                {
                    opening[run.clone()].iter_mut().for_each(|x| *x = true);
                }
                if headline {
                    continue;
                }
                for a in run.clone() {
                    let w = &words[a];
                    if !is_capitalised(w.text) || w.initial {
                        continue;
                    }
                    let mut phrase = base(w.text).to_string();
                    for next in &words[a + 1..run.end] {
                        phrase.push(' ');
                        phrase.push_str(base(next.text));
                        if is_capitalised(next.text) {
                            ev.phrases.insert(phrase.clone());
                        }
                    }
                }
            }
            // In a run of joined capitalised words that begins with a known first name, every later word.
            let mut after_first = false;
            for (k, w) in words.iter().enumerate() {
                if !is_capitalised(w.text) {
                    if w.text.chars().next().is_some_and(char::is_lowercase) {
                        ev.lowercase.insert(base(w.text).to_string());
                    }
                    after_first = false;
                    continue;
                }
                let text = base(w.text);
                if after_first && w.joined {
                    ev.after_first_name.insert(text.to_string());
                } else {
                    after_first = false;
                }
                after_first |= is_first_name(w.text);
                if in_org[k] {
                    ev.in_org_name.insert(text.to_string());
                } else if !opening[k] && !w.quoted && !headline {
                    ev.capitalised.insert(text.to_string());
                    if run_last[k] {
                        ev.title_surnames.insert(text.to_string());
                    }
                }
            }
        }
        ev
    }

    /// Whether `word` (as written, possessive dropped) is a name-word in this article (rule 5 of the module).
    pub fn is_name_word(&self, word: &str) -> bool {
        let w = base(word);
        if self.after_first_name.contains(w) {
            return true;
        }
        if matches!(w, "The" | "A" | "An") || is_day_or_month(w) {
            return false;
        }
        if is_title(w) {
            return self.title_surnames.contains(w);
        }
        if is_first_name(w) || lexicon::is_demonym(w) || self.capitalised.contains(w) {
            return true;
        }
        // A plural whose singular is capitalised mid-sentence: "Republicans" after "the Republican nominee".
        if w.strip_suffix('s')
            .is_some_and(|s| s.chars().count() >= 2 && self.capitalised.contains(s))
        {
            return true;
        }
        w.contains('-')
            && w.split('-')
                .any(|p| !p.is_empty() && p != w && self.is_name_word(p))
    }

    /// Whether `word` is a common word in this article: one of SCOWL's ([`is_common_word`]) or a word the article
    /// writes in lowercase.
    pub fn is_common(&self, word: &str) -> bool {
        let w = base(word);
        is_common_word(w) || self.lowercase.contains(&w.to_lowercase())
    }

    /// Why `name` is not a name in this article, or `None` when it is a name or a description.
    pub fn junk_reason(&self, name: &str) -> Option<JunkReason> {
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        if !is_capitalised(words.first()?) || !is_capitalised(words.last()?) {
            return None;
        }
        if words.iter().any(|w| is_contraction(w)) {
            return Some(JunkReason::Contraction);
        }
        let words: Vec<&str> = words.into_iter().map(base).collect();
        if words.iter().all(|w| is_number_word(w)) {
            return Some(JunkReason::NumberWord);
        }
        if words.iter().all(|w| w.chars().count() == 1) {
            return Some(JunkReason::SingleLetter);
        }
        if words.iter().all(|w| is_day_or_month(w))
            && !words.iter().any(|w| self.after_first_name.contains(*w))
        {
            return Some(JunkReason::DayOrMonth);
        }
        if words.len() >= 2 && self.phrases.contains(&words.join(" ")) {
            return None;
        }
        if words.iter().any(|w| self.is_name_word(w)) {
            // A sentence-initial adverb or participle glued to a name: "Injecting Clinton".
            return (words.len() >= 2
                && is_adverb_or_participle(words[0])
                && !self.is_name_word(words[0]))
            .then_some(JunkReason::AdverbOrParticiple);
        }
        if let [w] = words.as_slice() {
            let common = self.is_common(w);
            return if common
                && !is_people_noun(w)
                && (lexicon::is_org_word(w) || self.in_org_name.contains(*w))
            {
                Some(JunkReason::OrgPiece)
            } else if is_adverb_or_participle(w) {
                Some(JunkReason::AdverbOrParticiple)
            } else if !common {
                None
            } else if is_all_caps(w) {
                Some(JunkReason::AllCaps)
            } else {
                Some(JunkReason::CommonWord)
            };
        }
        if words.iter().any(|w| lexicon::is_org_word(w)) || !words.iter().all(|w| self.is_common(w))
        {
            return None;
        }
        Some(if words.iter().all(|w| is_all_caps(w)) {
            JunkReason::AllCaps
        } else {
            JunkReason::CommonWordsOnly
        })
    }
}

/// One speaker entity whose name is not a name.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JunkEntity {
    pub doc: String,
    pub name: String,
    pub quotes: usize,
    pub reason: JunkReason,
}

/// The junk entities of one reason.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JunkCount {
    pub reason: JunkReason,
    pub label: &'static str,
    pub explanation: &'static str,
    pub count: usize,
    pub quotes: usize,
}

/// The junk audit over all documents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JunkReport {
    /// Speaker entities looked at (over all documents).
    pub entities: usize,
    /// Of those, names that are not names.
    pub junk: usize,
    /// Quotes attributed to them.
    pub quotes: usize,
    pub by_reason: Vec<JunkCount>,
    /// Every junk entity, in document order.
    pub list: Vec<JunkEntity>,
}

/// Accumulates the junk audit document by document.
#[derive(Debug, Default)]
pub struct JunkAudit {
    entities: usize,
    list: Vec<JunkEntity>,
}

impl JunkAudit {
    pub fn new() -> JunkAudit {
        JunkAudit::default()
    }

    /// Audits the speaker entities (name, quote count) predicted for one document.
    pub fn add(&mut self, doc: &str, text: &str, speakers: &[(String, usize)]) {
        if speakers.is_empty() {
            return;
        }
        let ev = Evidence::new(text);
        for (name, quotes) in speakers {
            self.entities += 1;
            if let Some(reason) = ev.junk_reason(name) {
                self.list.push(JunkEntity {
                    doc: doc.to_string(),
                    name: name.clone(),
                    quotes: *quotes,
                    reason,
                });
            }
        }
    }

    pub fn finish(self) -> JunkReport {
        let mut counts: BTreeMap<JunkReason, (usize, usize)> = BTreeMap::new();
        for e in &self.list {
            let c = counts.entry(e.reason).or_default();
            c.0 += 1;
            c.1 += e.quotes;
        }
        JunkReport {
            entities: self.entities,
            junk: self.list.len(),
            quotes: self.list.iter().map(|e| e.quotes).sum(),
            by_reason: JunkReason::ALL
                .iter()
                .map(|&reason| {
                    let (count, quotes) = counts.get(&reason).copied().unwrap_or_default();
                    JunkCount {
                        reason,
                        label: reason.label(),
                        explanation: reason.explanation(),
                        count,
                        quotes,
                    }
                })
                .collect(),
            list: self.list,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str, name: &str) -> Option<JunkReason> {
        Evidence::new(text).junk_reason(name)
    }

    #[test]
    fn the_common_word_list_is_scowl_lowercase_sorted_and_unique() {
        let words: Vec<&str> = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert_eq!(words.len(), 10_905);
        assert_eq!(common_words().len(), words.len(), "no duplicates");
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(words
            .iter()
            .all(|w| *w == w.to_lowercase() && !w.contains(' ')));
        for w in [
            "police",
            "health",
            "look",
            "department",
            "hopefully",
            "seven",
        ] {
            assert!(common_words().contains(w), "{w}");
        }
        for w in ["trump", "clinton", "monday", "kremlin"] {
            assert!(!common_words().contains(w), "{w}");
        }
    }

    #[test]
    fn common_words_include_regular_forms_and_role_nouns() {
        assert!(is_common_word("Busted") && is_common_word("KILLED") && is_common_word("Optics"));
        assert!(
            is_common_word("Delegates") && is_common_word("aides"),
            "role nouns"
        );
        assert!(is_common_word("Three-quarters") && !is_common_word("Coca-Cola"));
        assert!(!is_common_word("Zelenskyy") && !is_common_word("Trump"));
    }

    #[test]
    fn contractions_are_never_names() {
        let text = "Mr. Ive and Ms. Dont met on Friday.";
        for name in [
            "I've", "Don't", "We’re", "She’ll", "It's", "Let's", "You'd", "I’m",
        ] {
            assert_eq!(reason(text, name), Some(JunkReason::Contraction), "{name}");
        }
        assert_eq!(reason(text, "We're America"), Some(JunkReason::Contraction));
        // An apostrophe in a surname, and a possessive, are not contractions.
        let text = "They talked to Shaquille O'Neal and to Donald Trump's lawyer.";
        assert_eq!(reason(text, "O'Neal"), None);
        assert_eq!(reason(text, "Trump's"), None);
        assert!(!is_contraction("O'Neal") && !is_contraction("Trump's") && is_contraction("He's"));
    }

    #[test]
    fn numbers_letters_days_and_months() {
        let text = "The vote is on Monday, in May. Seven said no.";
        assert_eq!(reason(text, "Twenty-seven"), Some(JunkReason::NumberWord));
        assert_eq!(reason(text, "Seven"), Some(JunkReason::NumberWord));
        assert_eq!(reason(text, "Hundreds"), Some(JunkReason::NumberWord));
        assert_eq!(reason(text, "I"), Some(JunkReason::SingleLetter));
        assert_eq!(reason(text, "W."), Some(JunkReason::SingleLetter));
        // Capitalised mid-sentence as any date is, still not a name.
        assert_eq!(reason(text, "Monday"), Some(JunkReason::DayOrMonth));
        assert_eq!(reason(text, "May"), Some(JunkReason::DayOrMonth));
        // After a known first name, a month is a surname.
        let text = "Prime Minister Theresa May spoke in June. May said the talks went well.";
        assert_eq!(reason(text, "May"), None);
        assert_eq!(reason(text, "June"), Some(JunkReason::DayOrMonth));
    }

    #[test]
    fn sentence_initial_adverbs_and_participles() {
        let text = "Hopefully, the deal holds, he said. Chastened, the senator left. Having won, she spoke.\n\
                    Family matters. Everything counts.";
        for name in ["Hopefully", "Chastened", "Having", "Considering"] {
            assert_eq!(
                reason(text, name),
                Some(JunkReason::AdverbOrParticiple),
                "{name}"
            );
        }
        // Words that end so but do not come from a common word are common words, not participles.
        assert_eq!(reason(text, "Family"), Some(JunkReason::CommonWord));
        assert_eq!(reason(text, "Everything"), Some(JunkReason::CommonWord));
        // Glued to a name.
        let text = "Hillary Clinton spoke first. Injecting Clinton into the race, he said more.";
        assert_eq!(
            reason(text, "Injecting Clinton"),
            Some(JunkReason::AdverbOrParticiple)
        );
        assert_eq!(reason(text, "Hillary Clinton"), None);
    }

    #[test]
    fn pieces_of_organisation_names() {
        let text =
            "Officials at the Justice Department said so. The Department declined to comment. \
                    A report by the Department of Health followed.";
        assert_eq!(reason(text, "Department"), Some(JunkReason::OrgPiece));
        assert_eq!(reason(text, "Board"), Some(JunkReason::OrgPiece));
        // "Health" is capitalised only inside an organisation's name.
        assert_eq!(reason(text, "Health"), Some(JunkReason::OrgPiece));
        // "Justice Department" is an organisation's name; so is "The Post" written mid-sentence.
        assert_eq!(reason(text, "Justice Department"), None);
        let text = "The figures were reported by The Post on Sunday. Post editors said so.";
        assert_eq!(reason(text, "Post"), None);
        let text = "A Military Times survey found it. Times said so.";
        assert_eq!(reason(text, "Times"), Some(JunkReason::OrgPiece));
    }

    #[test]
    fn common_words_taken_for_names() {
        let text = "Police said the road was closed. Delegates voted. Look, he said.";
        for name in ["Police", "Delegates", "Look", "Health", "People"] {
            assert_eq!(reason(text, name), Some(JunkReason::CommonWord), "{name}");
        }
        assert_eq!(reason(text, "LOOK"), Some(JunkReason::AllCaps));
        assert_eq!(reason(text, "FULL TEXT"), Some(JunkReason::AllCaps));
        assert_eq!(
            reason(
                "Clinton Was Headed to ER to Avoid Bad Optics\nShe left.",
                "Avoid Bad Optics"
            ),
            Some(JunkReason::CommonWordsOnly)
        );
        // A rare word gets the benefit of the doubt.
        assert_eq!(reason(text, "Zelenskyy"), None);
        // A word the article writes in lowercase is common there.
        assert_eq!(
            reason("Frobnicators met. The frobnicators left.", "Frobnicators"),
            Some(JunkReason::CommonWord)
        );
    }

    #[test]
    fn descriptions_are_not_junk() {
        let ev = Evidence::new("Sources said so.");
        for name in [
            "sources",
            "a Trump adviser",
            "he",
            "early results by the Associated Press",
            "",
        ] {
            assert_eq!(ev.junk_reason(name), None, "{name:?}");
        }
    }

    #[test]
    fn capitalised_mid_sentence_outside_quotes_makes_a_name() {
        // "Young" is a common word; written capitalised mid-sentence it is a name.
        let text = "The bill came from the office of Young on Tuesday. Young said it would pass.";
        assert_eq!(reason(text, "Young"), None);
        // After a title's abbreviation dot the next word is mid-sentence.
        assert_eq!(reason("We met Gov. Young. Young said so.", "Young"), None);
        // Only at sentence starts, inside quotation marks (curly, straight or two apostrophes) or in a title-case
        // line: no evidence.
        for text in [
            "Young said it would pass. Young left.",
            "“We will ask Young about it,” she said. Young said no.",
            "\"We will ask Young about it,\" she said. Young said no.",
            "''We will ask Young about it,'' she said. Young said no.",
            "Senators Ask Young About The Bill\nYoung said no.",
        ] {
            assert_eq!(
                reason(text, "Young"),
                Some(JunkReason::CommonWord),
                "{text}"
            );
        }
        // A run that begins with a known first name: every later word.
        assert_eq!(
            reason("He thanked Ann Young. Young said no.", "Young"),
            None
        );
        // A plural after its singular: "Republicans" after "the Republican nominee".
        let text = "He is the Republican nominee. Republicans said no.";
        assert_eq!(reason(text, "Republicans"), None);
        // Titles are capitalised before any name: only as a surname are they names.
        let text = "President Obama spoke. President said no.";
        assert_eq!(reason(text, "President"), Some(JunkReason::CommonWord));
        let text = "The tennis great Billie Jean King spoke. King said no.";
        assert_eq!(reason(text, "King"), None);
        // Sequences of words written mid-sentence, even inside quotation marks or an organisation's name.
        let text = "He said “the United States Senate will act.” United States said so.";
        assert_eq!(reason(text, "United States"), None);
        let text = "United States officials said so.";
        assert_eq!(
            reason(text, "United States"),
            Some(JunkReason::CommonWordsOnly)
        );
    }

    #[test]
    fn the_audit_counts_by_reason() {
        let mut audit = JunkAudit::new();
        audit.add(
            "a",
            "I've said it. Hillary Clinton spoke. Police came.",
            &[
                ("I've".into(), 2),
                ("Hillary Clinton".into(), 3),
                ("Police".into(), 1),
                ("sources".into(), 1),
            ],
        );
        audit.add("b", "Nothing here.", &[]);
        let r = audit.finish();
        assert_eq!((r.entities, r.junk, r.quotes), (4, 2, 3));
        let count = |reason| {
            r.by_reason
                .iter()
                .find(|c| c.reason == reason)
                .map(|c| (c.count, c.quotes))
        };
        assert_eq!(count(JunkReason::Contraction), Some((1, 2)));
        assert_eq!(count(JunkReason::CommonWord), Some((1, 1)));
        assert_eq!(count(JunkReason::NumberWord), Some((0, 0)));
        assert_eq!(r.by_reason.len(), JunkReason::ALL.len());
        let names: Vec<&str> = r.list.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["I've", "Police"]);
        assert!(r.list.iter().all(|e| e.doc == "a"));
    }
}
