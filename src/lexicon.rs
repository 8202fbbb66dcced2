//! Lexicons compiled in from `data/` (see `data/README.md` for each file's format, source and licence).
//!
//! Every table is parsed once, lazily, into a `HashMap`/`HashSet` held in a [`OnceLock`]; keys and
//! lemmas borrow from the compiled-in text, so a lookup never allocates. Malformed lines are skipped
//! at run time (never a panic); the tests below assert that no data file has any.
//!
//! Case handling, per function:
//! - [`speech_verb`], [`is_verb_of_belief`], [`title`], [`role_noun`], [`is_pronoun`] take an
//!   already-lowercased word and match it exactly (an uppercase input finds nothing);
//! - [`first_name_gender`] is case-insensitive and folds common Latin diacritics ("José" = "jose");
//! - [`is_org_word`], [`is_demonym`], [`not_name_word`] are case-sensitive: they describe
//!   capitalised words as they appear in running text.

use crate::model::Gender;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash, the multiply-rotate hash rustc uses for its own tables: a few instructions per word where the default
/// SipHash costs a hundred or more, which matters at one or more lookups per token. Its weakness (no defence
/// against crafted collisions) does not matter for the compiled-in tables here, whose keys are fixed.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A fixed word list, looked up through a hash set built on first use (a linear `contains` over a list of a hundred
/// words costs more than the rest of a token's processing). `static L: WordList = WordList::new(&[…]);`
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<WordSet>,
}

/// The hashed words, and for each length (capped at 32) a bit per first byte (mod 32) that some word has: most
/// words that are not in the list are turned away by that bit without hashing.
struct WordSet {
    set: FxSet<&'static str>,
    first: [u32; 33],
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `w` is in the list (the same answer as `<[&str]>::contains`, whose signature it keeps).
    #[inline]
    pub fn contains(&self, w: &&str) -> bool {
        let ws = self.set.get_or_init(|| {
            let mut first = [0u32; 33];
            for word in self.words {
                if let Some(&b) = word.as_bytes().first() {
                    first[word.len().min(32)] |= 1 << (b & 31);
                }
            }
            WordSet {
                set: self.words.iter().copied().collect(),
                first,
            }
        });
        match w.as_bytes().first() {
            Some(&b) if ws.first[w.len().min(32)] & (1 << (b & 31)) == 0 => false,
            _ => ws.set.contains(*w),
        }
    }

    /// The words, in list order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// A map from words, with a filter in front: for each length (capped at 32), a bit per first byte and a bit per last
/// byte (mod 32) that some key has. Most words that are not keys are turned away by those bits without hashing (the
/// lexicon lookups run on most tokens).
pub struct FilteredMap<V> {
    map: FxMap<&'static str, V>,
    first: [u32; 33],
    last: [u32; 33],
}

impl<V> FromIterator<(&'static str, V)> for FilteredMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        let map: FxMap<&'static str, V> = iter.into_iter().collect();
        let (mut first, mut last) = ([0u32; 33], [0u32; 33]);
        for k in map.keys() {
            if let (Some(&f), Some(&l)) = (k.as_bytes().first(), k.as_bytes().last()) {
                first[k.len().min(32)] |= 1 << (f & 31);
                last[k.len().min(32)] |= 1 << (l & 31);
            }
        }
        FilteredMap { map, first, last }
    }
}

impl<V> FilteredMap<V> {
    /// The value of key `w` (the same answer as the map's `get`).
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if let (Some(&f), Some(&l)) = (w.as_bytes().first(), w.as_bytes().last()) {
            let n = w.len().min(32);
            if self.first[n] & (1 << (f & 31)) == 0 || self.last[n] & (1 << (l & 31)) == 0 {
                return None;
            }
        }
        self.map.get(w)
    }
}

/// A set of words with [`FilteredMap`]'s filter in front.
pub struct FilteredSet(FilteredMap<()>);

impl FilteredSet {
    fn new(words: FxSet<&'static str>) -> Self {
        FilteredSet(words.into_iter().map(|w| (w, ())).collect())
    }

    /// Whether `w` is in the set.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.0.get(w).is_some()
    }
}

// The lexicons in data/, as build.rs copies them (comments and blank lines removed).
const SPEECH_VERBS: &str = include_str!(concat!(env!("OUT_DIR"), "/speech_verbs.txt"));
const BELIEF_VERBS: &str = include_str!(concat!(env!("OUT_DIR"), "/belief_verbs.txt"));
const TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/titles.txt"));
const ROLE_NOUNS: &str = include_str!(concat!(env!("OUT_DIR"), "/role_nouns.txt"));
const FIRST_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/first_names.tsv"));
const ORG_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/org_words.txt"));
const DEMONYMS: &str = include_str!(concat!(env!("OUT_DIR"), "/demonyms.txt"));
const NOT_NAME_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/not_name_words.txt"));
const PRONOUNS: &str = include_str!(concat!(env!("OUT_DIR"), "/pronouns.txt"));
const SPEECH_NOUNS: &str = include_str!(concat!(env!("OUT_DIR"), "/speech_nouns.txt"));

/// Which inflection of its lemma a verb form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    ThirdPerson,
    Past,
    Gerund,
    Participle,
}

const FORMS: [VerbForm; 5] = [
    VerbForm::Base,
    VerbForm::ThirdPerson,
    VerbForm::Past,
    VerbForm::Gerund,
    VerbForm::Participle,
];

/// What the speech-verb lexicon knows about one word form.
#[derive(Debug, Clone, Copy)]
pub struct VerbInfo {
    pub lemma: &'static str,
    /// When two slots of a lemma share the form, the earlier slot wins (Base, ThirdPerson, Past,
    /// Gerund, Participle): "said" is `Past`, "put" is `Base`.
    pub form: VerbForm,
    /// Takes a listener object: "told reporters", "assured him", "warned voters".
    pub listener: bool,
    /// This form is also a common noun ("report", "claims", "warning"), so it needs context.
    pub noun_too: bool,
    /// 3: pure speech ("say", "tell"); 2: usually speech when it frames a clause or a quote
    /// ("note", "warn"); 1: weak or ambiguous ("call", "post", "report").
    pub strength: u8,
}

/// The speech verb `lower` is a form of, if any.
pub fn speech_verb(lower: &str) -> Option<VerbInfo> {
    static MAP: OnceLock<FilteredMap<VerbInfo>> = OnceLock::new();
    MAP.get_or_init(|| {
        verb_map(&parse_speech_verbs(SPEECH_VERBS).0)
            .into_iter()
            .collect()
    })
    .get(lower)
    .copied()
}

/// Whether `lower` is a form of a verb of belief or expectation ("thinks", "hoped", "feared").
pub fn is_verb_of_belief(lower: &str) -> bool {
    static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        parse_belief_verbs(BELIEF_VERBS)
            .0
            .into_iter()
            .flat_map(|forms| forms.into_iter())
            .collect()
    })
    .contains(lower)
}

/// A word that precedes a person's name: an honorific ("Mr", "Dr") or an office ("President").
#[derive(Debug, Clone, Copy)]
pub struct TitleInfo {
    pub gender: Gender,
    /// A courtesy title (Mr, Mrs, Ms, Dr, Sir, ...) rather than an office or rank.
    pub honorific: bool,
}

/// The title `lower` is (lowercased, without a trailing dot: "mr", "sen", "president").
pub fn title(lower_without_trailing_dot: &str) -> Option<TitleInfo> {
    static MAP: OnceLock<FilteredMap<TitleInfo>> = OnceLock::new();
    MAP.get_or_init(|| parse_titles(TITLES).0.into_iter().collect())
        .get(lower_without_trailing_dot)
        .copied()
}

/// A noun that heads a description of a speaker ("the spokesman", "officials", "a witness").
#[derive(Debug, Clone, Copy)]
pub struct RoleInfo {
    pub gender: Gender,
    pub plural: bool,
    /// Refers to a group of people rather than one person ("officials", "police", "delegation").
    pub group: bool,
}

/// The role noun `lower` is, if any.
pub fn role_noun(lower: &str) -> Option<RoleInfo> {
    static MAP: OnceLock<FilteredMap<RoleInfo>> = OnceLock::new();
    MAP.get_or_init(|| parse_role_nouns(ROLE_NOUNS).0.into_iter().collect())
        .get(lower)
        .copied()
}

/// The usual gender of a first name (case-insensitive; common Latin diacritics are folded, and a
/// hyphenated name falls back to its first part: "Jean-Pierre" → "jean"). Unknown when the name is
/// not in the list or is used for both genders. This is a gender lookup, not a name detector: some
/// listed names are also common words ("Hope", "Grant", "Will").
pub fn first_name_gender(name: &str) -> Gender {
    // Keyed by bytes: the folded name is looked up without re-checking it as UTF-8.
    static MAP: OnceLock<FxMap<&'static [u8], Gender>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        parse_first_names(FIRST_NAMES)
            .0
            .into_iter()
            .map(|(n, g)| (n.as_bytes(), g))
            .collect()
    });
    let mut buf = [0u8; 64];
    let Some(key) = fold_name(name, &mut buf) else {
        return Gender::Unknown;
    };
    if let Some(g) = map.get(key) {
        return *g;
    }
    // The part before a hyphen ("Jean-Pierre" -> "jean").
    match key.iter().position(|&b| b == b'-') {
        Some(p) if p > 0 => map.get(&key[..p]).copied().unwrap_or_default(),
        _ => Gender::Unknown,
    }
}

/// Lowercases `name` into `buf`, folding common Latin diacritics to ASCII. `None` if it does not fit.
fn fold_name<'b>(name: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let name = name.trim();
    if name.is_ascii() {
        // ASCII folds to its lower case (the general path below gives the same, a char at a time).
        let b = name.as_bytes();
        if b.len() > buf.len() {
            return None;
        }
        for (d, &c) in buf.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        return Some(&buf[..b.len()]);
    }
    let mut len = 0;
    for c in name.chars() {
        let mut push = |c: char| -> Option<()> {
            let n = c.len_utf8();
            if len + n > buf.len() {
                return None;
            }
            c.encode_utf8(&mut buf[len..len + n]);
            len += n;
            Some(())
        };
        match fold_latin(c) {
            Some(s) => {
                for f in s.chars() {
                    push(f)?;
                }
            }
            None => {
                for l in c.to_lowercase() {
                    push(l)?;
                }
            }
        }
    }
    Some(&buf[..len])
}

/// ASCII lowercase spelling of a Latin letter with a diacritic (or of an ASCII letter); `None` for
/// anything else, which is then lowercased as is.
fn fold_latin(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        const LOWER: [&str; 26] = [
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q",
            "r", "s", "t", "u", "v", "w", "x", "y", "z",
        ];
        let l = c.to_ascii_lowercase();
        return if l.is_ascii_lowercase() {
            Some(LOWER[(l as u8 - b'a') as usize])
        } else {
            None
        };
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        // Typographic apostrophe in names like O’Neil / D’Arcy.
        '\u{2019}' => "'",
        _ => return None,
    })
}

/// Whether `word` (case-sensitive, as written) is a capitalised head or part of an organisation
/// name: "Ministry", "Kremlin", "Reuters", "Inc".
pub fn is_org_word(word: &str) -> bool {
    static SET: OnceLock<FilteredSet> = OnceLock::new();
    SET.get_or_init(|| FilteredSet::new(word_set(ORG_WORDS)))
        .contains(word)
}

/// Whether `word` (case-sensitive) is a nationality adjective or noun: "Russian", "Ukrainians".
pub fn is_demonym(word: &str) -> bool {
    static SET: OnceLock<FilteredSet> = OnceLock::new();
    SET.get_or_init(|| FilteredSet::new(word_set(DEMONYMS)))
        .contains(word)
}

/// Whether `word` (case-sensitive) is a capitalised word that neither begins nor continues a
/// person's name: weekdays, months, connectives, determiners, sentence adverbs, pronouns.
pub fn not_name_word(word: &str) -> bool {
    static SET: OnceLock<FilteredSet> = OnceLock::new();
    SET.get_or_init(|| FilteredSet::new(word_set(NOT_NAME_WORDS)))
        .contains(word)
}

/// Gender and number of a third-person personal pronoun (subject or object form): "he" →
/// `(Male, false)`, "them" → `(Unknown, true)`, "it" → `(Unknown, false)`.
pub fn is_pronoun(lower: &str) -> Option<(Gender, bool)> {
    static MAP: OnceLock<FilteredMap<(Gender, bool)>> = OnceLock::new();
    MAP.get_or_init(|| parse_pronouns(PRONOUNS).0.into_iter().collect())
        .get(lower)
        .copied()
}

/// The complements through which a speech noun reports content (`speech_nouns.txt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NounFrames {
    /// `his claim that …`
    pub that: bool,
    /// `her promise to …`
    pub to: bool,
    /// `his call for …`
    pub for_: bool,
}

/// The frames of the speech noun `lower` ("claim", "promises", "calls"), if it is one.
pub fn speech_noun(lower: &str) -> Option<NounFrames> {
    static MAP: OnceLock<FxMap<&'static str, NounFrames>> = OnceLock::new();
    MAP.get_or_init(|| parse_speech_nouns(SPEECH_NOUNS).0.into_iter().collect())
        .get(lower)
        .copied()
}

// ---------------------------------------------------------------------------------------------
// Parsing. Each parser returns the entries it understood and one message per malformed line.

type Errors = Vec<String>;
/// A pronoun with its gender and plurality.
type PronounEntry = (&'static str, (Gender, bool));

/// Content lines: comments (`#` to end of line) and blank lines removed, with 1-based line numbers.
fn content_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = match line.find('#') {
            Some(p) => &line[..p],
            None => line,
        };
        let line = line.trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

fn word_set(text: &'static str) -> FxSet<&'static str> {
    parse_words(text).0.into_iter().collect()
}

fn parse_words(text: &'static str) -> (Vec<&'static str>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        if line.split_whitespace().count() == 1 {
            out.push(line);
        } else {
            errors.push(format!("line {n}: expected one word, got {line:?}"));
        }
    }
    (out, errors)
}

fn parse_gender(s: &str) -> Option<Gender> {
    match s {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        "u" => Some(Gender::Unknown),
        _ => None,
    }
}

/// One lemma of `speech_verbs.txt`.
#[derive(Debug, Clone)]
struct VerbEntry {
    forms: [&'static str; 5],
    listener: bool,
    strength: u8,
    nouns: Vec<&'static str>,
}

/// `base third past gerund participle | strength=N [listener] [noun=form,form]`
fn parse_speech_verbs(text: &'static str) -> (Vec<VerbEntry>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        match parse_verb_line(line) {
            Ok(e) => out.push(e),
            Err(why) => errors.push(format!("line {n}: {why}: {line:?}")),
        }
    }
    (out, errors)
}

fn parse_verb_line(line: &'static str) -> Result<VerbEntry, String> {
    let (forms, flags) = line.split_once('|').ok_or("no '|' before the flags")?;
    let forms: Vec<&str> = forms.split_whitespace().collect();
    let forms: [&'static str; 5] = forms
        .try_into()
        .map_err(|v: Vec<&str>| format!("{} forms, expected 5", v.len()))?;
    if let Some(bad) = forms.iter().find(|f| !is_lower_word(f)) {
        return Err(format!("form {bad:?} is not a lowercase word"));
    }
    let mut strength = None;
    let mut listener = false;
    let mut nouns = Vec::new();
    for flag in flags.split_whitespace() {
        if let Some(s) = flag.strip_prefix("strength=") {
            strength = match s {
                "1" => Some(1),
                "2" => Some(2),
                "3" => Some(3),
                _ => return Err(format!("bad strength {s:?}")),
            };
        } else if flag == "listener" {
            listener = true;
        } else if let Some(list) = flag.strip_prefix("noun=") {
            for noun in list.split(',') {
                if !forms.contains(&noun) {
                    return Err(format!("noun {noun:?} is not one of the forms"));
                }
                nouns.push(noun);
            }
        } else {
            return Err(format!("unknown flag {flag:?}"));
        }
    }
    let strength = strength.ok_or("no strength=")?;
    Ok(VerbEntry {
        forms,
        listener,
        strength,
        nouns,
    })
}

fn is_lower_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'')
}

fn verb_map(entries: &[VerbEntry]) -> FxMap<&'static str, VerbInfo> {
    let mut map = FxMap::default();
    for e in entries {
        for (form, slot) in e.forms.iter().zip(FORMS) {
            // The first slot (and the first lemma) to claim a form keeps it.
            map.entry(*form).or_insert(VerbInfo {
                lemma: e.forms[0],
                form: slot,
                listener: e.listener,
                noun_too: e.nouns.contains(form),
                strength: e.strength,
            });
        }
    }
    map
}

/// One lemma per line with all its forms, whitespace-separated.
fn parse_belief_verbs(text: &'static str) -> (Vec<Vec<&'static str>>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        let forms: Vec<&'static str> = line.split_whitespace().collect();
        if forms.len() != 5 {
            errors.push(format!(
                "line {n}: {} forms, expected 5: {line:?}",
                forms.len()
            ));
        } else if let Some(bad) = forms.iter().find(|f| !is_lower_word(f)) {
            errors.push(format!("line {n}: {bad:?} is not a lowercase word"));
        } else {
            out.push(forms);
        }
    }
    (out, errors)
}

/// `word m|f|u [honorific]`
fn parse_titles(text: &'static str) -> (Vec<(&'static str, TitleInfo)>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        let parts: Vec<&'static str> = line.split_whitespace().collect();
        let parsed = match parts.as_slice() {
            [w, g] => parse_gender(g).map(|g| (*w, g, false)),
            [w, g, "honorific"] => parse_gender(g).map(|g| (*w, g, true)),
            _ => None,
        };
        match parsed {
            Some((w, gender, honorific)) if is_lower_word(w) => {
                out.push((w, TitleInfo { gender, honorific }))
            }
            _ => errors.push(format!(
                "line {n}: expected `word m|f|u [honorific]`: {line:?}"
            )),
        }
    }
    (out, errors)
}

/// `word m|f|u [plural] [group]`
fn parse_role_nouns(text: &'static str) -> (Vec<(&'static str, RoleInfo)>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        let mut parts = line.split_whitespace();
        let word = parts.next().filter(|w| is_lower_word(w));
        let gender = parts.next().and_then(parse_gender);
        let (mut plural, mut group, mut bad) = (false, false, false);
        for flag in parts {
            match flag {
                "plural" if !plural => plural = true,
                "group" if !group => group = true,
                _ => bad = true,
            }
        }
        match (word, gender, bad) {
            (Some(w), Some(gender), false) => out.push((
                w,
                RoleInfo {
                    gender,
                    plural,
                    group,
                },
            )),
            _ => errors.push(format!(
                "line {n}: expected `word m|f|u [plural] [group]`: {line:?}"
            )),
        }
    }
    (out, errors)
}

/// `name<TAB>m|f`, name lowercase.
fn parse_first_names(text: &'static str) -> (Vec<(&'static str, Gender)>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        let parsed = line.split_once('\t').and_then(|(name, g)| {
            let g = match g.trim() {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => return None,
            };
            let name = name.trim();
            is_lower_word(name).then_some((name, g))
        });
        match parsed {
            Some(e) => out.push(e),
            None => errors.push(format!("line {n}: expected `name<TAB>m|f`: {line:?}")),
        }
    }
    (out, errors)
}

/// `word m|f|u sg|pl`
fn parse_pronouns(text: &'static str) -> (Vec<PronounEntry>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        let parts: Vec<&'static str> = line.split_whitespace().collect();
        let parsed = match parts.as_slice() {
            [w, g, num] if is_lower_word(w) => {
                let plural = match *num {
                    "sg" => Some(false),
                    "pl" => Some(true),
                    _ => None,
                };
                parse_gender(g).zip(plural).map(|gp| (*w, gp))
            }
            _ => None,
        };
        match parsed {
            Some(e) => out.push(e),
            None => errors.push(format!("line {n}: expected `word m|f|u sg|pl`: {line:?}")),
        }
    }
    (out, errors)
}

/// `noun that|to|for[,…]`
fn parse_speech_nouns(text: &'static str) -> (Vec<(&'static str, NounFrames)>, Errors) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content_lines(text) {
        let parts: Vec<&'static str> = line.split_whitespace().collect();
        let mut frames = NounFrames::default();
        let ok = match parts.as_slice() {
            [w, list] if is_lower_word(w) => list.split(',').all(|c| {
                match c {
                    "that" => frames.that = true,
                    "to" => frames.to = true,
                    "for" => frames.for_ = true,
                    _ => return false,
                }
                true
            }),
            _ => false,
        };
        if ok {
            out.push((parts[0], frames));
        } else {
            errors.push(format!(
                "line {n}: expected `noun that|to|for[,…]`: {line:?}"
            ));
        }
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::Entry;

    /// No duplicate key anywhere in a keyed list, with or without conflicting values.
    fn assert_unique<V: std::fmt::Debug>(file: &str, entries: &[(&'static str, V)]) {
        let mut seen = HashSet::new();
        let dups: Vec<&str> = entries
            .iter()
            .filter(|(k, _)| !seen.insert(*k))
            .map(|(k, _)| *k)
            .collect();
        assert!(dups.is_empty(), "{file}: duplicate entries {dups:?}");
    }

    #[test]
    fn speech_verbs_parse_without_conflicts() {
        let (entries, errors) = parse_speech_verbs(SPEECH_VERBS);
        assert!(errors.is_empty(), "speech_verbs.txt: {errors:#?}");
        assert!(entries.len() >= 150, "only {} speech verbs", entries.len());
        // A form shared by two lemmas must not carry different flags.
        let mut by_form: HashMap<&str, (&str, u8, bool)> = HashMap::new();
        let mut lemmas = HashSet::new();
        for e in &entries {
            assert!(lemmas.insert(e.forms[0]), "lemma {} twice", e.forms[0]);
            for f in e.forms {
                match by_form.entry(f) {
                    Entry::Vacant(v) => {
                        v.insert((e.forms[0], e.strength, e.listener));
                    }
                    Entry::Occupied(o) => {
                        let (lemma, s, l) = *o.get();
                        assert!(
                            lemma == e.forms[0] || (s == e.strength && l == e.listener),
                            "form {f:?} in {lemma} and {} with different flags",
                            e.forms[0]
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn other_files_parse_without_duplicates() {
        let (t, errors) = parse_titles(TITLES);
        assert!(errors.is_empty(), "titles.txt: {errors:#?}");
        assert_unique("titles.txt", &t);
        let (r, errors) = parse_role_nouns(ROLE_NOUNS);
        assert!(errors.is_empty(), "role_nouns.txt: {errors:#?}");
        assert_unique("role_nouns.txt", &r);
        assert!(r.len() >= 300, "only {} role nouns", r.len());
        let (p, errors) = parse_pronouns(PRONOUNS);
        assert!(errors.is_empty(), "pronouns.txt: {errors:#?}");
        assert_unique("pronouns.txt", &p);
        let (n, errors) = parse_speech_nouns(SPEECH_NOUNS);
        assert!(errors.is_empty(), "speech_nouns.txt: {errors:#?}");
        assert_unique("speech_nouns.txt", &n);
        let (b, errors) = parse_belief_verbs(BELIEF_VERBS);
        assert!(errors.is_empty(), "belief_verbs.txt: {errors:#?}");
        let mut lemmas = HashSet::new();
        for forms in &b {
            assert!(lemmas.insert(forms[0]), "belief verb {} twice", forms[0]);
        }
        let (names, errors) = parse_first_names(FIRST_NAMES);
        assert!(errors.is_empty(), "first_names.tsv: {errors:#?}");
        assert_unique("first_names.tsv", &names);
        assert!(names.len() >= 2000, "only {} first names", names.len());
        for (file, text) in [
            ("org_words.txt", ORG_WORDS),
            ("demonyms.txt", DEMONYMS),
            ("not_name_words.txt", NOT_NAME_WORDS),
        ] {
            let (words, errors) = parse_words(text);
            assert!(errors.is_empty(), "{file}: {errors:#?}");
            let pairs: Vec<(&str, ())> = words.iter().map(|w| (*w, ())).collect();
            assert_unique(file, &pairs);
            // Case-sensitive lists of capitalised words.
            for w in words {
                assert!(
                    w.chars().next().is_some_and(char::is_uppercase),
                    "{file}: {w:?} is not capitalised"
                );
            }
        }
    }

    #[test]
    fn parsers_report_malformed_lines() {
        assert_eq!(parse_speech_verbs("say says said saying said\n").1.len(), 1);
        assert_eq!(
            parse_speech_verbs("say says said saying | strength=3\n")
                .1
                .len(),
            1
        );
        assert_eq!(
            parse_speech_verbs("say says said saying said | strength=3 noun=sayings\n")
                .1
                .len(),
            1
        );
        assert_eq!(parse_titles("mr x\n").1.len(), 1);
        assert_eq!(parse_role_nouns("aide m plural plural\n").1.len(), 1);
        assert_eq!(parse_first_names("anna f\n").1.len(), 1, "space, not tab");
        assert_eq!(parse_pronouns("he m\n").1.len(), 1);
        assert_eq!(parse_words("Two words\n").1.len(), 1);
        let (ok, errors) =
            parse_speech_verbs("# comment\n\nsay says said saying said | strength=3 # c\n");
        assert!(errors.is_empty());
        assert_eq!(ok[0].forms[2], "said");
    }

    #[test]
    fn speech_noun_lookups() {
        let claim = speech_noun("claim").expect("claim");
        assert!(claim.that && claim.to && !claim.for_);
        assert!(speech_noun("calls").expect("calls").for_);
        assert!(speech_noun("said").is_none());
    }

    #[test]
    fn speech_verb_lookups() {
        let said = speech_verb("said").expect("said");
        assert_eq!(said.lemma, "say");
        assert_eq!(said.form, VerbForm::Past);
        assert_eq!(said.strength, 3);
        assert!(!said.listener && !said.noun_too);
        assert_eq!(speech_verb("says").unwrap().form, VerbForm::ThirdPerson);
        assert_eq!(speech_verb("saying").unwrap().form, VerbForm::Gerund);
        let told = speech_verb("told").unwrap();
        assert_eq!(
            (told.lemma, told.listener, told.strength),
            ("tell", true, 3)
        );
        assert!(speech_verb("report").unwrap().noun_too);
        let reported = speech_verb("reported").unwrap();
        assert!(!reported.noun_too, "noun_too is per form");
        assert_eq!(reported.strength, 1);
        for weak in ["called", "posted", "continued", "charged", "described"] {
            assert_eq!(speech_verb(weak).unwrap().strength, 1, "{weak}");
        }
        assert_eq!(speech_verb("warned").unwrap().strength, 2);
        assert!(speech_verb("warned").unwrap().listener);
        assert!(speech_verb("warning").unwrap().noun_too);
        assert_eq!(speech_verb("emphasised").unwrap().lemma, "emphasise");
        assert_eq!(speech_verb("emphasized").unwrap().lemma, "emphasize");
        assert_eq!(speech_verb("tweeted").unwrap().strength, 3);
        assert!(speech_verb("Said").is_none(), "input must be lowercased");
        assert!(speech_verb("table").is_none());
        assert!(speech_verb("").is_none());
    }

    #[test]
    fn belief_verbs() {
        for w in [
            "think", "believes", "hoped", "feared", "expects", "knew", "thinking",
        ] {
            assert!(is_verb_of_belief(w), "{w}");
        }
        assert!(!is_verb_of_belief("said"));
        assert!(!is_verb_of_belief("Thinks"));
    }

    #[test]
    fn title_lookups() {
        let mr = title("mr").unwrap();
        assert_eq!(mr.gender, Gender::Male);
        assert!(mr.honorific);
        assert_eq!(title("mrs").unwrap().gender, Gender::Female);
        let pres = title("president").unwrap();
        assert!(!pres.honorific);
        assert_eq!(pres.gender, Gender::Unknown);
        assert_eq!(title("spokeswoman").unwrap().gender, Gender::Female);
        for t in [
            "sen",
            "gov",
            "dr",
            "prime",
            "minister",
            "ayatollah",
            "ceo",
            "lt",
        ] {
            assert!(title(t).is_some(), "{t}");
        }
        assert!(title("mr.").is_none(), "caller strips the dot");
        assert!(title("Mr").is_none(), "input must be lowercased");
        assert!(title("house").is_none());
    }

    #[test]
    fn role_noun_lookups() {
        let s = role_noun("spokesman").unwrap();
        assert_eq!(s.gender, Gender::Male);
        assert!(!s.plural && !s.group);
        let o = role_noun("officials").unwrap();
        assert!(o.plural && o.group);
        assert_eq!(o.gender, Gender::Unknown);
        let o = role_noun("official").unwrap();
        assert!(!o.plural && !o.group);
        assert_eq!(role_noun("daughter").unwrap().gender, Gender::Female);
        assert!(role_noun("people").unwrap().group);
        assert!(role_noun("police").unwrap().group);
        assert!(role_noun("spokesmen").unwrap().plural);
        assert!(role_noun("Spokesman").is_none(), "input must be lowercased");
        assert!(role_noun("table").is_none());
    }

    #[test]
    fn first_name_lookups() {
        assert_eq!(first_name_gender("Vladimir"), Gender::Male);
        assert_eq!(first_name_gender("Michelle"), Gender::Female);
        assert_eq!(first_name_gender("MICHELLE"), Gender::Female);
        assert_eq!(first_name_gender("michelle"), Gender::Female);
        for m in [
            "Volodymyr",
            "Mykhailo",
            "Dmitry",
            "Dmytro",
            "Oleksii",
            "Sergiy",
            "José",
        ] {
            assert_eq!(first_name_gender(m), Gender::Male, "{m}");
        }
        for f in ["Olena", "Maria", "Fatima", "Ségolène", "Angela"] {
            assert_eq!(first_name_gender(f), Gender::Female, "{f}");
        }
        assert_eq!(first_name_gender("Jean-Pierre"), Gender::Male);
        // Not listed whole: falls back to the first part.
        assert_eq!(first_name_gender("Anne-Sophie"), Gender::Female);
        // Used for both genders across languages: dropped even though US data says female.
        assert_eq!(first_name_gender("Jean"), Gender::Unknown);
        // Used for both genders: dropped.
        assert_eq!(first_name_gender("Jordan"), Gender::Unknown);
        assert_eq!(first_name_gender("Kremlin"), Gender::Unknown);
        assert_eq!(first_name_gender(""), Gender::Unknown);
        assert_eq!(first_name_gender("Владимир"), Gender::Unknown);
        assert_eq!(first_name_gender(&"x".repeat(500)), Gender::Unknown);
    }

    #[test]
    fn case_sensitive_word_lists() {
        for w in ["Ministry", "Kremlin", "Reuters", "Inc", "Party", "Times"] {
            assert!(is_org_word(w), "{w}");
        }
        assert!(!is_org_word("ministry"));
        assert!(!is_org_word("Vladimir"));
        for w in [
            "Russian",
            "Ukrainian",
            "Ukrainians",
            "American",
            "British",
            "French",
        ] {
            assert!(is_demonym(w), "{w}");
        }
        assert!(!is_demonym("russian"));
        assert!(!is_demonym("Russia"));
        for w in [
            "Monday",
            "February",
            "However",
            "Meanwhile",
            "The",
            "He",
            "Despite",
        ] {
            assert!(not_name_word(w), "{w}");
        }
        assert!(!not_name_word("monday"));
        assert!(!not_name_word("Peskov"));
    }

    #[test]
    fn pronoun_lookups() {
        assert_eq!(is_pronoun("he"), Some((Gender::Male, false)));
        assert_eq!(is_pronoun("him"), Some((Gender::Male, false)));
        assert_eq!(is_pronoun("she"), Some((Gender::Female, false)));
        assert_eq!(is_pronoun("her"), Some((Gender::Female, false)));
        assert_eq!(is_pronoun("they"), Some((Gender::Unknown, true)));
        assert_eq!(is_pronoun("them"), Some((Gender::Unknown, true)));
        assert_eq!(is_pronoun("it"), Some((Gender::Unknown, false)));
        assert_eq!(is_pronoun("we"), None, "third person only");
        assert_eq!(is_pronoun("He"), None, "input must be lowercased");
    }
}
