//! One speaker however each outlet spells him: name keys and the cross-article merge of speakers.
//!
//! # Keys
//! [`fold`] lowercases, strips diacritics (`é` → `e`, `ł` → `l`, `ß` → `ss`), transliterates Cyrillic and drops
//! apostrophes. [`romanised_key`] then removes the differences that English, Ukrainian, Russian, German and
//! French romanisation conventions make for the same letters, so that spellings of one name meet:
//!
//! | rule                              | example                                  |
//! |-----------------------------------|------------------------------------------|
//! | `shch`, `sch` → `sh`; `tch` → `ch` | Herashchenko / Gerashchenko (+ 1 edit)   |
//! | `dzh` → `j`; `kh` → `h`; `ph` → `f` | Mikhail → mihail                       |
//! | `ck` → `k`; `x` → `ks`; `w` → `v`  | Alexei → aleksei                         |
//! | `ts`, `tz`, `cz` → `c`             | Kyslytsya / Kislitsa                     |
//! | `ou` → `u`                         | Choukov / Chukov                         |
//! | `y` → `i`, `j` inside a word → `i` | Podolyak / Podoliak, Dmitry → dmitri    |
//! | doubled letters collapse           | Zelenskyy / Zelensky → zelenski          |
//! | final `ei`, `ij` → `i`             | Sergei / Sergiy / Serhiy → sergi, serhi  |
//!
//! Keys are then compared with an edit distance: surnames match when their keys are equal, or differ by one edit
//! and both are at least 6 letters long (short surnames must match exactly). First names match when their keys
//! are equal, differ by one edit (both ≥ 5 letters), or by two edits (both ≥ 8 letters) — which covers the
//! Ukrainian/Russian pairs Mykhailo/Mikhail, Dmytro/Dmitry, Oleksii/Alexei, Volodymyr/Vladimir — or when one
//! is an initial of the other.
//!
//! # Parsing a name
//! [`parse_person`] takes the trailing run of capitalised tokens (plus name particles such as `von der`) as the
//! name: `Ukrainian President Volodymyr Zelensky` → first `Volodymyr`, surname `Zelensky`. Titles, demonyms
//! and possessives end the run. A name that is only the object of a preposition (`An aide to Russian President
//! Vladimir Putin`) or starts with an indefinite article is a description, not a name: it is *unnamed*.
//!
//! # Merging (see [`cluster`])
//! * Organisations merge by normalised name (`the Kremlin` / `Kremlin's` → `kremlin`), or an all-caps
//!   acronym with the initials of a multi-word name (`UN` / `United Nations`). Groups (`Ukrainian officials`)
//!   merge by normalised name. A speaker of unknown kind joins an organisation with the same key.
//! * People with a full first name merge when surnames and first names match (rules above) and the genders do
//!   not contradict; a merge of two clusters needs *every* pair across them to match, so `A. Karlsson` can
//!   never chain `Anders Karlsson` to `Erik Karlsson`: different first names always block.
//! * An initial (`V. Putin`) or a bare surname (`Podolyak`, `President Zelensky`) joins a cluster only when
//!   exactly one cluster in the whole story matches it; with two Karlssons around, `Karlsson` goes to neither.
//! * Organisations, groups and people never merge with each other, and unnamed people (a role with no name)
//!   never merge at all: two outlets' "the spokesman" need not be one person. A speaker of unknown kind that
//!   is no person's name ("Ukraine", "Moscow") merges by normalised name with other such speakers.
//! * Descriptions never merge anyone: a surname that does not match is not overridden by a shared title
//!   (see the module doc of [`crate::story`] on "Vladimir Green").

use crate::lexicon::{self, FxMap};
use crate::model::{Gender, SpeakerKind};

use super::sides;

/// Lowercases and folds `s` to ASCII where a Latin or Cyrillic letter has a plain equivalent; apostrophes
/// are dropped, other characters are kept (lowercased).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c != '\'' {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        let lower = crate::case::lower_char(c).next().unwrap_or(c);
        match fold_char(lower) {
            Some(rep) => out.push_str(rep),
            None if is_apostrophe(lower) => {}
            None => out.push(lower),
        }
    }
    out
}

#[cfg_attr(whosaid_small, optimize(size))]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʹ' | '`' | '´' | 'ь' | 'ъ')
}

#[cfg_attr(whosaid_small, optimize(size))]
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        // Cyrillic (Russian and Ukrainian letters), a plain scholarly-ish romanisation; the key rules below
        // take care of the rest.
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// The romanisation-aware key of one name word (see the module doc for the rules).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn romanised_key(word: &str) -> String {
    let folded: Vec<u8> = fold(word)
        .bytes()
        .filter(|b| b.is_ascii_alphanumeric())
        .collect();
    let mut s: Vec<u8> = Vec::with_capacity(folded.len() + 2);
    let mut i = 0;
    let at =
        |i: usize, pat: &[u8]| folded.len() >= i + pat.len() && &folded[i..i + pat.len()] == pat;
    while i < folded.len() {
        let (rep, used): (&[u8], usize) = if at(i, b"shch") {
            (b"sh", 4)
        } else if at(i, b"sch") {
            (b"sh", 3)
        } else if at(i, b"tch") {
            (b"ch", 3)
        } else if at(i, b"dzh") {
            (b"j", 3)
        } else if at(i, b"kh") {
            (b"h", 2)
        } else if at(i, b"ph") {
            (b"f", 2)
        } else if at(i, b"ck") {
            (b"k", 2)
        } else if at(i, b"ts") || at(i, b"tz") || at(i, b"cz") {
            (b"c", 2)
        } else if at(i, b"ou") {
            (b"u", 2)
        } else {
            match folded[i] {
                b'x' => (b"ks", 1),
                b'w' => (b"v", 1),
                b'y' => (b"i", 1),
                // Inside a word, j is the y/i of German, Polish and Ukrainian-Latin conventions (Sergej, Andrij).
                b'j' if i > 0 => (b"i", 1),
                _ => (&folded[i..i + 1], 1),
            }
        };
        s.extend_from_slice(rep);
        i += used;
    }
    s.dedup();
    if s.len() > 3 && s.ends_with(b"ei") {
        let n = s.len();
        s.remove(n - 2);
    }
    String::from_utf8(s).unwrap_or_default()
}

/// The Levenshtein distance between `a` and `b` if it is at most `max`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a = a.as_bytes();
    let b = b.as_bytes();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// Surname keys match: equal, or one edit apart when both are at least 6 letters long.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn surnames_match(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if a.len().min(b.len()) >= 6 {
        return edit_distance_within(a, b, 1);
    }
    None
}

/// First-name keys match: equal, one edit apart (both ≥ 5 letters) or two edits apart (both ≥ 8 letters).
/// Four-letter names one edit apart are too often different names (John / Joan, Ivan / Ian).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn first_names_match(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    let short = a.len().min(b.len());
    let max = if short >= 8 {
        2
    } else if short >= 5 {
        1
    } else {
        0
    };
    if max == 0 {
        return None;
    }
    edit_distance_within(a, b, max)
}

/// The first-name part of a parsed person name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum First {
    /// Bare surname (`Podolyak`, `President Zelensky`).
    None,
    /// `V. Putin`: the folded initial letter.
    Initial(char),
    /// A written-out first name: its romanised key and folded first letter.
    Full { key: String, letter: char },
}

/// What a speaker's name tells about who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedName {
    Person {
        first: First,
        /// Romanised key of the surname (particles and hyphenated parts joined).
        surname: String,
        /// How many name tokens the name has (the fullest name is preferred for display).
        tokens: usize,
    },
    /// A role or description without a proper name.
    Unnamed,
}

const TITLES: &[&str] = &[
    "president",
    "presidential",
    "vice",
    "prime",
    "minister",
    "ministers",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "economy",
    "justice",
    "health",
    "secretary",
    "secretary-general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "envoy",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "adm",
    "commander",
    "marshal",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "patriarch",
    "rabbi",
    "imam",
    "father",
    "rev",
    "reverend",
    "sheikh",
    "dr",
    "doctor",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "sir",
    "dame",
    "lord",
    "lady",
    "judge",
    "attorney",
    "chief",
    "head",
    "deputy",
    "top",
    "senior",
    "former",
    "ex",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ceo",
    "founder",
    "negotiator",
    "official",
    "officer",
    "delegate",
    "mp",
    "mep",
    "lawmaker",
    "speaker",
    "member",
    "state",
    "supreme",
    "first",
    "lady",
    "assistant",
    "executive",
    "manager",
    "coach",
    "analyst",
    "expert",
    "editor",
    "correspondent",
    "reporter",
    "activist",
    "author",
];

const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "al", "el",
    "bin", "ibn", "ben", "dos", "das", "ter", "ten", "zu", "af",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that"];

const PREPOSITIONS: &[&str] = &[
    "to", "of", "for", "with", "by", "from", "at", "on", "in", "under", "behind", "near", "about",
];

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];

/// A title, office or role word (`president`, `spokesman`, `aide`): this module's list plus the project
/// lexicon's titles and role nouns.
#[cfg_attr(whosaid_small, optimize(size))]
fn is_title(lower: &str) -> bool {
    is_office(lower) || lexicon::role_noun(lower).is_some()
}

/// A title or office proper (not a role noun such as `delegation`).
#[cfg_attr(whosaid_small, optimize(size))]
fn is_office(lower: &str) -> bool {
    TITLES.contains(&lower) || lexicon::title(lower).is_some()
}

/// A demonym or country name (`Ukrainian`, `Russia`), from the sides table or the project lexicon.
#[cfg_attr(whosaid_small, optimize(size))]
fn is_place(tok: &str, folded: &str) -> bool {
    sides::is_place_word(folded) || lexicon::is_demonym(tok.trim_end_matches('.'))
}

#[cfg_attr(whosaid_small, optimize(size))]
fn is_capitalised(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| c.is_uppercase())
}

#[cfg_attr(whosaid_small, optimize(size))]
fn is_possessive(tok: &str) -> bool {
    let t = tok.trim_end_matches(['’', '\'']);
    t.len() != tok.len() || tok.ends_with("'s") || tok.ends_with("’s")
}

/// Splits a name string into tokens, trimming surrounding punctuation (but keeping an initial's period).
#[cfg_attr(whosaid_small, optimize(size))]
fn name_tokens(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for t in raw.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
    {
        let t = crate::text::trim_chars(
            t,
            |c| matches!(c, '"' | '“' | '”' | '«' | '»' | ':' | '!' | '?'),
            true,
            true,
        );
        if t.chars().any(|c| c.is_alphanumeric()) {
            out.push(t);
        }
    }
    out
}

/// Parses a person's name as written in an article (see the module doc).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn parse_person(raw: &str) -> ParsedName {
    let mut toks = name_tokens(raw);
    while let Some(last) = toks.last() {
        let l = fold(last.trim_end_matches('.'));
        if toks.len() > 1 && SUFFIXES.contains(&l.as_str()) {
            toks.pop();
        } else {
            break;
        }
    }
    if toks.is_empty() {
        return ParsedName::Unnamed;
    }
    if let Some(first) = toks.first() {
        let l = fold(first);
        if l == "a" || l == "an" {
            return ParsedName::Unnamed;
        }
    }
    // The trailing run of capitalised name tokens (particles allowed inside it).
    let mut i = toks.len();
    let mut tail: Vec<&str> = Vec::new();
    while i > 0 {
        let t = toks[i - 1];
        let lower = fold(t.trim_end_matches('.'));
        if is_possessive(t) {
            break;
        }
        let name_like =
            is_capitalised(t) && (tail.is_empty() || (!is_title(&lower) && !is_place(t, &lower)));
        if name_like {
            tail.push(t);
            i -= 1;
        } else if !tail.is_empty() && PARTICLES.contains(&lower.as_str()) {
            // Particles belong to the name only when a capitalised name token precedes them ("Ursula von der").
            let mut p = i - 1;
            while p > 0 && PARTICLES.contains(&fold(toks[p - 1]).as_str()) {
                p -= 1;
            }
            let before = p.checked_sub(1).map(|q| toks[q]);
            if !before
                .is_some_and(|b| is_capitalised(b) && !is_title(&fold(b)) && !is_possessive(b))
            {
                break;
            }
            tail.extend(toks[p..i].iter().rev());
            i = p;
        } else {
            break;
        }
    }
    tail.reverse();
    // Leading particles are not a first name.
    while tail
        .first()
        .is_some_and(|t| PARTICLES.contains(&fold(t).as_str()))
    {
        tail.remove(0);
    }
    if tail.is_empty() {
        return ParsedName::Unnamed;
    }
    if tail.iter().all(|t| {
        let l = fold(t.trim_end_matches('.'));
        is_title(&l) || is_place(t, &l) || DETERMINERS.contains(&l.as_str())
    }) {
        return ParsedName::Unnamed;
    }
    // Object of a preposition: "An aide to Russian President Vladimir Putin" names the aide's boss.
    let mut j = i;
    while j > 0 {
        let t = toks[j - 1];
        let l = fold(t.trim_end_matches('.'));
        if PREPOSITIONS.contains(&l.as_str()) {
            return ParsedName::Unnamed;
        }
        if is_office(&l) || is_place(t, &l) || DETERMINERS.contains(&l.as_str()) {
            j -= 1;
        } else {
            break;
        }
    }
    // Surname: the last token with the particles right before it.
    let last = tail.len() - 1;
    let mut s_start = last;
    while s_start > 0 && PARTICLES.contains(&fold(tail[s_start - 1]).as_str()) {
        s_start -= 1;
    }
    let surname: String = tail[s_start..].iter().map(|t| romanised_key(t)).collect();
    if surname.is_empty() {
        return ParsedName::Unnamed;
    }
    let first = if s_start == 0 {
        First::None
    } else {
        let f = tail[0];
        let letters: String = f.chars().filter(|c| c.is_alphabetic()).collect();
        let letter = fold(&letters).chars().next().unwrap_or('?');
        if letters.chars().count() <= 1
            || (f.as_bytes().contains(&b'.') && letters.chars().count() <= 2)
        {
            First::Initial(letter)
        } else {
            First::Full {
                key: romanised_key(f),
                letter,
            }
        }
    };
    ParsedName::Person {
        first,
        surname,
        tokens: tail.len(),
    }
}

/// The normalised name of an organisation or group: folded, possessive and leading determiner dropped,
/// punctuation removed.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn org_key(raw: &str) -> String {
    let folded = fold(raw);
    let mut words: Vec<String> = Vec::new();
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            words.push(w.to_string());
        }
    }
    // "kremlins" from "Kremlin's" once the apostrophe is gone: drop a possessive s on the last word only
    // when the raw form had an apostrophe.
    if raw.ends_with("'s") || raw.ends_with("’s") {
        if let Some(last) = words.last_mut() {
            last.pop();
        }
    }
    while words
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// `UN` for `United Nations`: initials of the capitalised words (2+ of them), skipping function words.
#[cfg_attr(whosaid_small, optimize(size))]
fn acronym(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let sig: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !matches!(
                fold(w).as_str(),
                "of" | "the" | "and" | "for" | "on" | "in" | "de" | "&"
            )
        })
        .collect();
    if sig.len() < 2 || !sig.iter().all(|w| is_capitalised(w)) {
        return None;
    }
    Some(
        sig.iter()
            .filter_map(|w| w.chars().next())
            .map(|c| fold(&c.to_string()))
            .collect(),
    )
}

/// An acronym written in capitals (`UN`, `U.N.`, `NATO`): its lowercase letters.
#[cfg_attr(whosaid_small, optimize(size))]
fn caps_key(raw: &str) -> Option<String> {
    let t = crate::text::trim_prefix(crate::text::trim_prefix(raw.trim(), "the "), "The ");
    let letters: String = t.chars().filter(|c| *c != '.').collect();
    (letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| letters.to_ascii_lowercase())
}

/// One article speaker as the merge sees it.
#[derive(Debug, Clone)]
pub struct NameInput<'a> {
    pub kind: SpeakerKind,
    pub gender: Gender,
    pub name: &'a str,
    pub aliases: &'a [String],
}

#[cfg_attr(whosaid_small, optimize(size))]
fn genders_match(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// Union-find over `0..n`.
pub(crate) struct Dsu {
    parent: Vec<usize>,
}

impl Dsu {
    #[cfg_attr(whosaid_small, optimize(size))]
    pub(crate) fn new(n: usize) -> Dsu {
        Dsu {
            parent: (0..n).collect(),
        }
    }
    #[cfg_attr(whosaid_small, optimize(size))]
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Joins the sets of `a` and `b`; the smaller root index becomes the root.
    #[cfg_attr(whosaid_small, optimize(size))]
    pub(crate) fn union(&mut self, a: usize, b: usize) -> usize {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, gone) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        keep
    }
}

/// A distinct (first name, surname) spelling shared by one or more article speakers.
struct Form {
    first: First,
    surname: String,
    gender: Gender,
    members: Vec<usize>,
}

#[cfg_attr(whosaid_small, optimize(size))]
fn forms_match(a: &Form, b: &Form) -> bool {
    if surnames_match(&a.surname, &b.surname).is_none() || !genders_match(a.gender, b.gender) {
        return false;
    }
    match (&a.first, &b.first) {
        (First::Full { key: x, .. }, First::Full { key: y, .. }) => {
            first_names_match(x, y).is_some()
        }
        (First::Full { letter, .. }, First::Initial(c))
        | (First::Initial(c), First::Full { letter, .. }) => letter == c,
        (First::Initial(x), First::Initial(y)) => x == y,
        _ => true,
    }
}

/// The surname key and its one-letter deletions (for keys long enough to match with one edit): two keys
/// within one edit of each other share at least one entry.
#[cfg_attr(whosaid_small, optimize(size))]
fn neighbourhood(key: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    if key.len() >= 6 {
        for i in 0..key.len() {
            let mut d = String::with_capacity(key.len() - 1);
            d.push_str(&key[..i]);
            d.push_str(&key[i + 1..]);
            out.push(d);
        }
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// Clusters article speakers into story entities; returns clusters of input indices, each sorted, ordered by
/// their first member. Near-linear: people are blocked by surname-key neighbourhoods, organisations and groups by
/// hashed keys.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn cluster(inputs: &[NameInput]) -> Vec<Vec<usize>> {
    let mut dsu = Dsu::new(inputs.len());

    // Organisations: plain keys, and acronyms against all-caps names.
    let mut org_by_key: FxMap<String, usize> = FxMap::default();
    let mut org_by_caps: FxMap<String, usize> = FxMap::default();
    let mut org_acronyms: Vec<(usize, String)> = Vec::new();
    for (i, inp) in inputs.iter().enumerate() {
        if inp.kind != SpeakerKind::Organisation {
            continue;
        }
        for raw in std::iter::once(inp.name).chain(inp.aliases.iter().map(|s| s.as_str())) {
            let key = org_key(raw);
            if key.is_empty() {
                continue;
            }
            match org_by_key.get(&key) {
                Some(&j) => {
                    dsu.union(i, j);
                }
                None => {
                    org_by_key.insert(key, i);
                }
            }
            if let Some(c) = caps_key(raw) {
                org_by_caps.entry(c).or_insert(i);
            }
            if let Some(a) = acronym(raw) {
                org_acronyms.push((i, a));
            }
        }
    }
    for (i, a) in org_acronyms {
        if let Some(&j) = org_by_caps.get(&a) {
            dsu.union(i, j);
        }
    }

    // Groups: by normalised name.
    let mut group_by_key: FxMap<String, usize> = FxMap::default();
    for (i, inp) in inputs.iter().enumerate() {
        if inp.kind == SpeakerKind::Group {
            let key = org_key(inp.name);
            match group_by_key.get(&key) {
                Some(&j) => {
                    dsu.union(i, j);
                }
                None => {
                    group_by_key.insert(key, i);
                }
            }
        }
    }

    // People (and speakers of unknown kind that are not a known organisation).
    let mut forms: Vec<Form> = Vec::new();
    let mut form_index: FxMap<String, usize> = FxMap::default();
    let mut unknown_by_key: FxMap<String, usize> = FxMap::default();
    for (i, inp) in inputs.iter().enumerate() {
        match inp.kind {
            SpeakerKind::Person => {}
            SpeakerKind::Unknown => {
                if let Some(&j) = org_by_key.get(&org_key(inp.name)) {
                    dsu.union(i, j);
                    continue;
                }
            }
            _ => continue,
        }
        let (first, surname) = match person_name(inp) {
            Some(p) => p,
            None => {
                // An unknown-kind speaker that is no person's name ("Ukraine", "Moscow" as speakers) is one
                // referent under one name: merge by normalised name with the other such speakers.
                let key = org_key(inp.name);
                if inp.kind == SpeakerKind::Unknown && !key.is_empty() {
                    match unknown_by_key.get(&key) {
                        Some(&j) => {
                            dsu.union(i, j);
                        }
                        None => {
                            unknown_by_key.insert(key, i);
                        }
                    }
                }
                continue;
            }
        };
        let fi = *form_index
            .entry(form_key(&first, &surname))
            .or_insert_with(|| {
                forms.push(Form {
                    first,
                    surname,
                    gender: Gender::Unknown,
                    members: Vec::new(),
                });
                forms.len() - 1
            });
        let f = &mut forms[fi];
        if f.members.is_empty() {
            f.gender = inp.gender;
        } else if !genders_match(f.gender, inp.gender) {
            f.gender = Gender::Unknown;
        } else if f.gender == Gender::Unknown {
            f.gender = inp.gender;
        }
        f.members.push(i);
    }
    for f in &forms {
        for &m in &f.members[1..] {
            dsu.union(f.members[0], m);
        }
    }
    let clusters = cluster_forms(&forms);
    for c in clusters {
        let head = forms[c[0]].members[0];
        for &f in &c[1..] {
            dsu.union(head, forms[f].members[0]);
        }
    }

    // (Members pushed in increasing order, each cluster under its root.)
    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); inputs.len()];
    for i in 0..inputs.len() {
        by_root[dsu.find(i)].push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_iter().filter(|c| !c.is_empty()).collect();
    crate::sort::sort_by_key(&mut out, |c| c[0]);
    out
}

/// One string for a first name and a surname, distinct for distinct pairs (a `String` key rather than a tuple: one
/// fewer hash table type in the browser build).
fn form_key(first: &First, surname: &str) -> String {
    let mut k = String::new();
    match first {
        First::None => k.push('0'),
        First::Initial(c) => {
            k.push('1');
            k.push(*c);
        }
        First::Full { key, letter } => {
            k.push('2');
            k.push(*letter);
            k.push_str(key);
        }
    }
    k.push('\0');
    k.push_str(surname);
    k
}

/// The parsed person name of an input: its own name, or — when that lacks a first name — the first alias that
/// gives a full first name with a matching surname.
#[cfg_attr(whosaid_small, optimize(size))]
fn person_name(inp: &NameInput) -> Option<(First, String)> {
    let ParsedName::Person { first, surname, .. } = parse_person(inp.name) else {
        return None;
    };
    if matches!(first, First::Full { .. }) {
        return Some((first, surname));
    }
    for a in inp.aliases {
        if let ParsedName::Person {
            first: f @ First::Full { .. },
            surname: s,
            ..
        } = parse_person(a)
        {
            if surnames_match(&s, &surname).is_some() {
                return Some((f, s));
            }
        }
    }
    Some((first, surname))
}

/// Clusters forms in three phases: full first names (guarded complete-link), then initials, then bare surnames,
/// each weaker form joining only an unambiguous cluster.
#[cfg_attr(whosaid_small, optimize(size))]
fn cluster_forms(forms: &[Form]) -> Vec<Vec<usize>> {
    let mut index: FxMap<String, Vec<usize>> = FxMap::default();
    for (fi, f) in forms.iter().enumerate() {
        for k in neighbourhood(&f.surname) {
            index.entry(k).or_default().push(fi);
        }
    }
    let neighbours = |fi: usize| -> Vec<usize> {
        let mut out = Vec::new();
        for k in neighbourhood(&forms[fi].surname) {
            for &g in index.get(&k).map_or(&[][..], |l| l) {
                if g != fi {
                    out.push(g);
                }
            }
        }
        crate::sort::sort(&mut out);
        out.dedup();
        out.retain(|&g| surnames_match(&forms[fi].surname, &forms[g].surname).is_some());
        out
    };
    let level = |f: &Form| match f.first {
        First::Full { .. } => 0,
        First::Initial(_) => 1,
        First::None => 2,
    };

    let mut dsu = Dsu::new(forms.len());
    let mut members: Vec<Vec<usize>> = (0..forms.len()).map(|i| vec![i]).collect();
    let join = |dsu: &mut Dsu, members: &mut Vec<Vec<usize>>, a: usize, b: usize| {
        let (ra, rb) = (dsu.find(a), dsu.find(b));
        if ra == rb {
            return;
        }
        let keep = dsu.union(ra, rb);
        let gone = if keep == ra { rb } else { ra };
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
    };
    let all_match = |members: &Vec<Vec<usize>>, ra: usize, rb: usize| {
        members[ra].iter().all(|&x| {
            members[rb]
                .iter()
                .all(|&y| forms_match(&forms[x], &forms[y]))
        })
    };

    // Phase 1: full first names; edges in order of increasing distance, merged only if every pair matches.
    let mut edges: Vec<(usize, usize, usize)> = Vec::new();
    for (fi, f) in forms.iter().enumerate() {
        if level(f) != 0 {
            continue;
        }
        for g in neighbours(fi) {
            if g < fi && level(&forms[g]) == 0 && forms_match(f, &forms[g]) {
                let (First::Full { key: a, .. }, First::Full { key: b, .. }) =
                    (&f.first, &forms[g].first)
                else {
                    continue;
                };
                let cost = 2 * surnames_match(&f.surname, &forms[g].surname).unwrap_or(9)
                    + first_names_match(a, b).unwrap_or(9);
                edges.push((cost, g, fi));
            }
        }
    }
    crate::sort::sort(&mut edges);
    for (_, a, b) in edges {
        let (ra, rb) = (dsu.find(a), dsu.find(b));
        if ra != rb && all_match(&members, ra, rb) {
            join(&mut dsu, &mut members, ra, rb);
        }
    }

    // Phases 2 and 3: initials, then bare surnames, join a unique matching stronger cluster; those with none
    // cluster among themselves; those with several stay alone.
    for phase in 1..=2 {
        let mut pending: Vec<usize> = Vec::new();
        for (fi, f) in forms.iter().enumerate() {
            if level(f) != phase {
                continue;
            }
            let mut roots: Vec<usize> = neighbours(fi)
                .into_iter()
                .filter(|&g| level(&forms[g]) < phase)
                .map(|g| dsu.find(g))
                .collect();
            crate::sort::sort(&mut roots);
            roots.dedup();
            roots.retain(|&r| members[r].iter().all(|&x| forms_match(f, &forms[x])));
            match roots.len() {
                0 => pending.push(fi),
                1 => join(&mut dsu, &mut members, roots[0], fi),
                _ => {}
            }
        }
        for &fi in &pending {
            for g in neighbours(fi) {
                if pending.binary_search(&g).is_ok() {
                    let (ra, rb) = (dsu.find(fi), dsu.find(g));
                    if ra != rb && all_match(&members, ra, rb) {
                        join(&mut dsu, &mut members, ra, rb);
                    }
                }
            }
        }
    }

    let mut out: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for c in &mut out {
        crate::sort::sort(c);
    }
    crate::sort::sort_by_key(&mut out, |c| c[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn key(s: &str) -> String {
        romanised_key(s)
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn transliteration_variants_share_a_key() {
        assert_eq!(key("Podolyak"), key("Podoliak"));
        assert_eq!(key("Medinsky"), key("Medinski"));
        assert_eq!(key("Zelensky"), key("Zelenskyy"));
        assert_eq!(key("Zelenskiy"), key("Zelensky"));
        assert_eq!(key("Sergei"), key("Sergiy"));
        assert_eq!(key("Andrei"), key("Andriy"));
        assert_eq!(key("Mykhailo"), key("Mikhailo"));
        assert_eq!(key("Зеленский"), key("Zelenskiy"));
        assert_eq!(key("Kyslytsya"), key("Kyslytsia"));
        assert_eq!(key("Müller"), key("Muller"));
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn first_name_variants_match_within_the_edit_budget() {
        for (a, b) in [
            ("Mikhail", "Mykhailo"),
            ("Mikhailo", "Mikhail"),
            ("Dmitry", "Dmytro"),
            ("Sergei", "Serhiy"),
            ("Oleksii", "Oleksiy"),
            ("Oleksii", "Alexei"),
            ("Volodymyr", "Vladimir"),
            ("Alexander", "Oleksandr"),
        ] {
            assert!(
                first_names_match(&key(a), &key(b)).is_some(),
                "{a} / {b}: {} {}",
                key(a),
                key(b)
            );
        }
        for (a, b) in [
            ("Anders", "Erik"),
            ("John", "Joan"),
            ("Ivan", "Ian"),
            ("Mark", "Mike"),
            ("Vladimir", "Viktor"),
        ] {
            assert!(first_names_match(&key(a), &key(b)).is_none(), "{a} / {b}");
        }
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn surnames_allow_one_edit_only_when_long() {
        assert_eq!(
            surnames_match(&key("Herashchenko"), &key("Gerashchenko")),
            Some(1)
        );
        assert_eq!(surnames_match(&key("Smith"), &key("Smyth")), Some(0));
        assert!(surnames_match(&key("Jones"), &key("Jonas")).is_none());
        assert!(surnames_match(&key("Zelensky"), &key("Green")).is_none());
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn parse_strips_titles_and_finds_first_and_surname() {
        let p = parse_person("Ukrainian President Volodymyr Zelensky");
        assert_eq!(
            p,
            ParsedName::Person {
                first: First::Full {
                    key: key("Volodymyr"),
                    letter: 'v'
                },
                surname: key("Zelensky"),
                tokens: 2
            }
        );
        assert_eq!(
            parse_person("President Zelensky"),
            ParsedName::Person {
                first: First::None,
                surname: key("Zelensky"),
                tokens: 1
            }
        );
        assert_eq!(
            parse_person("Kremlin spokesman Dmitry Peskov"),
            ParsedName::Person {
                first: First::Full {
                    key: key("Dmitry"),
                    letter: 'd'
                },
                surname: key("Peskov"),
                tokens: 2
            }
        );
        assert_eq!(
            parse_person("V. Putin"),
            ParsedName::Person {
                first: First::Initial('v'),
                surname: key("Putin"),
                tokens: 2
            }
        );
        assert_eq!(
            parse_person("Ursula von der Leyen"),
            ParsedName::Person {
                first: First::Full {
                    key: key("Ursula"),
                    letter: 'u'
                },
                surname: format!("{}{}{}", key("von"), key("der"), key("Leyen")),
                tokens: 4
            }
        );
        assert_eq!(
            parse_person("Martin Luther King Jr."),
            ParsedName::Person {
                first: First::Full {
                    key: key("Martin"),
                    letter: 'm'
                },
                surname: key("King"),
                tokens: 3
            }
        );
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn a_role_phrase_before_the_name_is_not_a_preposition_object() {
        assert!(matches!(
            parse_person("Head of the Russian delegation Vladimir Medinsky"),
            ParsedName::Person {
                first: First::Full { .. },
                tokens: 2,
                ..
            }
        ));
        assert!(matches!(
            parse_person("Ukrainian Interior Ministry adviser Anton Herashchenko"),
            ParsedName::Person {
                first: First::Full { .. },
                tokens: 2,
                ..
            }
        ));
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn descriptions_are_unnamed() {
        assert_eq!(
            parse_person("An aide to Russian President Vladimir Putin"),
            ParsedName::Unnamed
        );
        assert_eq!(
            parse_person("the Kremlin's spokesperson"),
            ParsedName::Unnamed
        );
        assert_eq!(
            parse_person("a U.S. senior defense official"),
            ParsedName::Unnamed
        );
        assert_eq!(parse_person("the President"), ParsedName::Unnamed);
        assert_eq!(parse_person(""), ParsedName::Unnamed);
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn org_keys_normalise_articles_and_possessives() {
        assert_eq!(org_key("the Kremlin"), "kremlin");
        assert_eq!(org_key("Kremlin"), "kremlin");
        assert_eq!(org_key("The Kremlin’s"), "kremlin");
        assert_eq!(acronym("United Nations").as_deref(), Some("un"));
        assert_eq!(caps_key("U.N.").as_deref(), Some("un"));
        assert_eq!(acronym("Ukrainian officials"), None);
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn neighbourhoods_meet_for_one_edit() {
        let a: HashSet<String> = neighbourhood("gerashenko").into_iter().collect();
        let b = neighbourhood("herashenko");
        assert!(b.iter().any(|k| a.contains(k)));
        let c = neighbourhood("medinski");
        let d: HashSet<String> = neighbourhood("medinsk").into_iter().collect();
        assert!(c.iter().any(|k| d.contains(k)));
    }
}
