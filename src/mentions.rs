//! Mention stage: who can be a speaker — proper names, pronouns, role nouns ("the Kremlin spokesman"), groups
//! ("Ukrainian officials") and organisations ("the Kremlin").
//!
//! [`find`] lists every proper-name mention of the document (with the title or role words in front of it, which become
//! descriptions); [`np_ending_at`] and [`np_starting_at`] read the noun phrase next to a cue, which is how the
//! attribution sieves find a subject.

use crate::lexicon::{self, word_list, WordList};
use crate::model::{Gender, Span};
use crate::text::{Document, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name of a person (or of something not known to be an organisation).
    Name,
    /// A proper name of an organisation ("the Kremlin", "Interfax", "the State Department").
    Org,
    /// he, she, they, it.
    Pronoun,
    /// A singular description without a name: "the spokesman", "a source", "the Kremlin’s spokesperson".
    Role,
    /// A plural description: "officials", "Ukrainian officials", "sources".
    Group,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: MentionKind,
    /// The whole noun phrase as written ("Kremlin spokesman Dmitry Peskov").
    pub span: Span,
    /// Token range of the whole phrase, inclusive.
    pub first: usize,
    pub last: usize,
    /// The proper name inside the phrase ("Dmitry Peskov"), if any, as a token range (inclusive).
    pub name: Option<(usize, usize)>,
    /// Title/role words before the name, or the whole phrase for a role ("Kremlin spokesman").
    pub description: Option<Span>,
    /// The role noun heading the description ("spokesman"), lower case.
    pub role: Option<&'static str>,
    pub gender: Gender,
    pub plural: bool,
    /// The word of the clause that stands for this mention when it is not the mention itself: the relative
    /// pronoun of `McConnell, who said …` (the phrase above is McConnell, the speaker as written is "who").
    pub via: Option<Span>,
}

impl Mention {
    /// A phrase known only by its words, tokens `first..=last`: no name, no role word, gender unknown
    /// (`the ad`, `a poll out Thursday`, `32 percent`).
    pub fn described(
        doc: &Document,
        kind: MentionKind,
        first: usize,
        last: usize,
        plural: bool,
    ) -> Mention {
        let span = doc.span_of(first, last);
        Mention {
            kind,
            span,
            first,
            last,
            name: None,
            description: Some(span),
            role: None,
            gender: Gender::Unknown,
            plural,
            via: None,
        }
    }

    pub fn name_span(&self, doc: &Document) -> Option<Span> {
        self.name.map(|(a, b)| doc.span_of(a, b))
    }
}

/// Name particles that may sit inside a name in lower case, one or several in a row ("de la Cruz", "van der Berg",
/// "de los Santos").
static PARTICLES: WordList = word_list![
    "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "da", "di", "del",
    "du", "dos", "ter", "ten", "zu", "af", "bint", "los", "las", "das", "della",
];

/// Platforms that are companies too: a name run does not go on over one (`Podoliak Twitter`).
static PLATFORMS: WordList = word_list![
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "linkedin",
    "telegram",
];

#[cfg_attr(whosaid_small, optimize(size))]
fn is_platform(doc: &Document, k: usize) -> bool {
    let mut buf = [0u8; 48];
    PLATFORMS.contains(&doc.lower(k, &mut buf))
}

/// Words that give a share of a group: `many Democrats`, `few Republicans`.
static QUANTIFIERS: WordList = word_list![
    "many",
    "few",
    "most",
    "numerous",
    "leading",
    "prominent",
    "moderate",
    "fellow",
    "four",
    "five",
    "six",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// A capitalised plural that names a group of people (`Democrats`, `Republicans`, `Ukrainians`): in -s, not -ss,
/// a demonym or a word whose singular is one, or a common plural.
fn looks_plural_name(w: &str) -> bool {
    w.ends_with('s')
        && !w.ends_with("ss")
        && (lexicon::is_demonym(w) || lexicon::is_demonym(&w[..w.len() - 1]) || w.len() > 4)
        && w.chars().next().is_some_and(char::is_uppercase)
        && !w.chars().skip(1).any(char::is_uppercase)
}

/// Particles written joined to the name by a hyphen, in lower case: "al-Assad", "el-Sisi", "bin-Talal", "ad-Din".
static HYPHEN_PARTICLES: WordList =
    word_list!["al", "el", "ad", "as", "ash", "bin", "ibn", "bint", "abu"];

/// At most this many particles stand in a row inside a name ("de la", "van der", "de los").
const MAX_PARTICLES: usize = 3;

/// Whether `w` (any case) is a name particle such as "de", "van" or "bin" ([`PARTICLES`]).
pub fn is_particle(w: &str) -> bool {
    let mut buf = [0u8; 48];
    PARTICLES.contains(&crate::text::lower_into(w, &mut buf))
}

/// Whether token `k` is a name word opened by a lower-case particle and a hyphen: "al-Assad", "el-Sisi" (the part
/// after the hyphen capitalised and of two letters or more).
pub fn is_particle_word(doc: &Document, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    // Particles have two to four letters and start with one of these: two bytes rule most words out.
    let b = &doc.text.as_bytes()[t.start as usize..t.end as usize];
    if b.len() < 4 || !matches!(b[0], b'a' | b'b' | b'e' | b'i') {
        return false;
    }
    let Some(h) = b[2..b.len().min(5)].iter().position(|&c| c == b'-') else {
        return false;
    };
    let h = h + 2;
    let w = doc.tok(k);
    let tail = &w[h + 1..];
    HYPHEN_PARTICLES.contains(&&w[..h])
        && tail.chars().next().is_some_and(char::is_uppercase)
        && tail.chars().nth(1).is_some_and(char::is_alphabetic)
        && !tail.as_bytes().contains(&b'-')
}

/// A generational suffix after a surname: "Jr.", "Sr." (any case, with or without the period; "Jnr", "Snr") or the
/// Roman numerals "II", "III" and "IV" in capitals. Returns it in a fixed spelling ("jr", "sr", "ii", "iii", "iv").
pub fn name_suffix(w: &str) -> Option<&'static str> {
    let w = w.strip_suffix('.').unwrap_or(w);
    match w {
        "II" => return Some("ii"),
        "III" => return Some("iii"),
        "IV" => return Some("iv"),
        _ => {}
    }
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    if w.eq_ignore_ascii_case("jr") || w.eq_ignore_ascii_case("jnr") {
        Some("jr")
    } else if w.eq_ignore_ascii_case("sr") || w.eq_ignore_ascii_case("snr") {
        Some("sr")
    } else {
        None
    }
}

/// Kinship nouns and the generation each tells relative to the person it is kin to: a parent 2, a grandparent 4, a
/// child -2, a grandchild -4, a sibling 0 (1 or -1 with "older" or "younger" in front; see [`kin_generation`]).
#[cfg_attr(whosaid_small, optimize(size))]
fn kin_noun(lower: &str) -> Option<i8> {
    Some(match lower {
        "father" | "mother" | "dad" | "mom" | "mum" | "parent" | "stepfather" | "stepmother" => 2,
        "grandfather" | "grandmother" | "grandparent" => 4,
        "son" | "daughter" | "child" | "stepson" | "stepdaughter" => -2,
        "grandson" | "granddaughter" | "grandchild" => -4,
        "brother" | "sister" | "sibling" | "husband" | "wife" | "cousin" | "twin" => 0,
        _ => return None,
    })
}

/// The generation a kinship description tells ("her son" -2, "father" 2, "older sister" 1, "younger brother" -1;
/// [`kin_noun`]), 0 for any other description.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn kin_generation(desc: &str) -> i8 {
    let lower = crate::case::lowercase(desc);
    // The last two words (letters, digits and hyphens), read off the end with one trim each.
    let other: fn(char) -> bool = |c| !c.is_alphanumeric() && c != '-';
    let word: fn(char) -> bool = |c| c.is_alphanumeric() || c == '-';
    let rest = crate::text::trim_chars(&lower, other, false, true);
    let head = crate::text::trim_chars(rest, word, false, true);
    let Some(g) = kin_noun(&rest[head.len()..]) else {
        return 0;
    };
    let before = crate::text::trim_chars(head, other, false, true);
    let prev = &before[crate::text::trim_chars(before, word, false, true).len()..];
    match (g, Some(prev).filter(|w| !w.is_empty())) {
        (0, Some("older" | "elder" | "big")) => 1,
        (0, Some("younger" | "little" | "baby")) => -1,
        _ => g,
    }
}

/// A word of family order before a name or a kinship noun: "the elder Okafor", "the younger Okafor", "her older
/// brother".
fn is_order_word(lower: &str) -> bool {
    matches!(lower, "elder" | "older" | "younger")
}

/// A kinship appositive in front of a name describes it: "her son, Chidi Okafor" (the description "son", and the
/// noun's gender when the name tells none), "his older brother, Ade Okafor".
#[cfg_attr(whosaid_small, optimize(size))]
fn kin_appositive(doc: &Document, m: &mut Mention, floor: usize) {
    let mut buf = [0u8; 48];
    let k = m.first;
    if m.description.is_some() || k < floor + 3 || !doc.is(k - 1, ',') {
        return;
    }
    let noun = k - 2;
    let lower = doc.lower(noun, &mut buf);
    if kin_noun(lower).is_none() {
        return;
    }
    let gender = lexicon::role_noun(lower).map_or(Gender::Unknown, |r| r.gender);
    let mut a = noun;
    if is_order_word(doc.lower(a - 1, &mut buf)) {
        a -= 1;
    }
    // A possessive or a determiner opens the appositive: "her son", "Grace’s son", "the son".
    if a == floor
        || !matches!(
            doc.lower(a - 1, &mut buf),
            "his" | "her" | "their" | "its" | "my" | "our" | "your" | "the" | "a" | "’s" | "'s"
        )
    {
        return;
    }
    m.description = Some(doc.span_of(a, noun));
    if m.gender == Gender::Unknown {
        m.gender = gender;
    }
}

/// Whether token `k` is an initial inside a name: one capital letter, its period right after it, and a capitalised
/// word after that ("Jock A. Finlayson", where "A" is otherwise an article).
fn is_initial(doc: &Document, k: usize) -> bool {
    doc.is_capitalized(k)
        && doc.tok(k).chars().count() == 1
        && doc.is(k + 1, '.')
        && !doc.tokens[k + 1].space_before
        && doc.is_capitalized(k + 2)
}

/// Whether token `k` may continue a name: a capitalised word that does not break a run, an initial, or a particle
/// word ("al-Assad").
fn name_word(doc: &Document, k: usize) -> bool {
    doc.is_capitalized(k) && !breaks_run(doc, k) || is_initial(doc, k) || is_particle_word(doc, k)
}

/// If tokens from `k` are one to [`MAX_PARTICLES`] lower-case particles and then a name word ("de la Cruz",
/// "van der Berg"), that word's index.
fn after_particles(doc: &Document, k: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    let mut j = k;
    while j < doc.tokens.len()
        && j - k < MAX_PARTICLES
        && doc.tokens[j].kind == Kind::Word
        && !doc.is_capitalized(j)
        && PARTICLES.contains(&doc.lower(j, &mut buf))
    {
        j += 1;
    }
    (j > k && name_word(doc, j) && doc.tokens[j].space_before).then_some(j)
}

/// If token `k` ends one to [`MAX_PARTICLES`] lower-case particles that follow a name word, looking no further left
/// than `floor` ("Juan de la | Cruz"), that name word's index.
fn before_particles(doc: &Document, k: usize, floor: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    let mut j = k + 1;
    while j > floor
        && k + 1 - j < MAX_PARTICLES
        && doc.tokens[j - 1].kind == Kind::Word
        && !doc.is_capitalized(j - 1)
        && PARTICLES.contains(&doc.lower(j - 1, &mut buf))
    {
        j -= 1;
    }
    // The name word, or the period of a title or an initial: "Ms. | de la Cruz".
    (j <= k
        && j > floor
        && (doc.is_capitalized(j - 1) && !breaks_run(doc, j - 1)
            || doc.is(j - 1, '.') && abbreviation_before(doc, j - 1)))
    .then(|| j - 1)
}

/// Words that open a noun phrase on its left.
static DETERMINERS: WordList = word_list![
    "the", "a", "an", "this", "that", "these", "those", "another", "one", "two", "three", "some",
    "several", "many", "other", "both", "all", "most",
];

/// Lower-case modifiers that may stand in a description before a role noun.
static MODIFIERS: WordList = word_list![
    "top",
    "senior",
    "chief",
    "former",
    "deputy",
    "acting",
    "presidential",
    "foreign",
    "defense",
    "defence",
    "interior",
    "human",
    "rights",
    "press",
    "vice",
    "assistant",
    "associate",
    "executive",
    "general",
    "national",
    "security",
    "military",
    "state",
    "federal",
    "local",
    "regional",
    "government",
    "white",
    "house",
    "campaign",
    "party",
    "health",
    "economic",
    "political",
    "legal",
    "spokesman",
    "spokeswoman",
    "new",
    "longtime",
    "veteran",
    "prominent",
    "leading",
    "key",
    "high-ranking",
    "anonymous",
    "unnamed",
    "independent",
    "public",
    "private",
    "union",
    "police",
    "news",
    "finance",
    "trade",
    "justice",
    "energy",
    "education",
    "communications",
    "policy",
    "intelligence",
    "defense",
    "interior",
    "ministry",
    "department",
    "agency",
    "administration",
    "foreign",
    "affairs",
    "world",
    "international",
    "european",
    "republican",
    "democratic",
    "conservative",
    "liberal",
    "progressive",
    "opposition",
    "ruling",
    "junior",
    "other",
    "fellow",
    "u.s.",
    "us",
    "american",
    "outside",
    "independent",
    "retired",
    "current",
    "incoming",
    "outgoing",
    // Participles that name an office's kind: "the managing director", "the presiding judge".
    "managing",
    "operating",
    "presiding",
    "commanding",
    "sitting",
    "ranking",
    "elected",
    "appointed",
    "lead",
    "head",
    "principal",
    "special",
    "civil",
    "supreme",
    "district",
    "appeals",
    "federal",
    "county",
    "city",
    "town",
    "village",
    "community",
    "business",
    "industry",
    "tech",
    "medical",
];

/// Adverbs and auxiliaries that may stand between a subject and its verb ("he also said", "she has told").
pub static BETWEEN_SUBJECT_AND_VERB: WordList = word_list![
    "also",
    "later",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "then",
    "previously",
    "recently",
    "repeatedly",
    "again",
    "further",
    "reportedly",
    "publicly",
    "privately",
    "earlier",
    "once",
    "first",
    "finally",
    "just",
    "already",
    "often",
    "still",
    "simply",
    "flatly",
    "quickly",
    "immediately",
    "separately",
    "subsequently",
    "initially",
    "frequently",
    "angrily",
    "bluntly",
    "openly",
    "explicitly",
    "specifically",
    "twice",
    "only",
    "always",
    "even",
    "been",
    "being",
    "ever",
    "n’t",
    "n't",
    "had",
    "should",
    "must",
    "shall",
    "now",
    "since",
    "has",
    "long",
    "clearly",
    "itself",
    "himself",
    "herself",
    "themselves",
    "jointly",
];

/// Capitalised function words and time words that break a run of capitalised words (a name never spans them).
static BREAKERS: WordList = word_list![
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "for",
    "in",
    "on",
    "at",
    "by",
    "to",
    "from",
    "with",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "until",
    "because",
    "although",
    "though",
    "despite",
    "meanwhile",
    "however",
    "moreover",
    "still",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "tonight",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "its",
    "my",
    "your",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "one",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "do",
    "does",
    "did",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "about",
    "over",
    "under",
    "into",
    "during",
    "through",
    "among",
    "against",
    "between",
    "of",
];

/// A capitalised word that cannot be part of a name run (a function word, a day or month, a contraction).
fn breaks_run(doc: &Document, k: usize) -> bool {
    let mut buf = [0u8; 48];
    let w = doc.lower(k, &mut buf);
    // "A." and "I." are initials ("Jock A. Finlayson"), not the article or the pronoun.
    let initial = w.len() == 1 && doc.is(k + 1, '.') && !doc.tokens[k + 1].space_before;
    BREAKERS.contains(&w)
        && !matches!(w, "mr" | "mrs" | "ms" | "dr")
        && !initial
        && !dated_first_name(doc, k)
        && !month_surname(doc, k, w)
        || is_contraction(w)
}

/// Whether token `k` (`w` lower-cased), a month, is the surname after a first name: "Theresa May said", "Brian
/// May" — not a date ("told Ana May 5") nor a headline's modal ("Hillary May Run").
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
pub fn month_surname(doc: &Document, k: usize, w: &str) -> bool {
    matches!(w, "may" | "march" | "april" | "june" | "august")
        && k > 0
        && doc.is_capitalized(k - 1)
        && lexicon::first_name_gender(doc.tok(k - 1)) != Gender::Unknown
        && doc
            .tokens
            .get(k + 1)
            .is_none_or(|t| t.kind != Kind::Number && !doc.is_capitalized(k + 1))
}

/// Whether token `k`, a month or a modal that the first-name list knows ("April", "June", "Will"), opens a person's
/// name: a surname follows it and then a comma or a speech verb ("April Ryan, a correspondent,", "June Ortiz said",
/// "said Will Doyle,"), and no run breaker (a preposition, a conjunction), determiner or number comes before it ("In
/// April Trump met …", "a June Trump rally", "Will Sanders come down?" keep the month or the modal).
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn dated_first_name(doc: &Document, k: usize) -> bool {
    let mut buf = [0u8; 48];
    let surname = k + 1;
    if lexicon::first_name_gender(doc.tok(k)) == Gender::Unknown
        || surname + 1 >= doc.tokens.len()
        || doc.tokens[surname].kind != Kind::Word
        || !doc.is_capitalized(surname)
        || BREAKERS.contains(&doc.lower(surname, &mut buf))
        || is_common(doc.tok(surname))
    {
        return false;
    }
    let after = doc.lower(surname + 1, &mut buf);
    let cue = after == ","
        || lexicon::speech_verb(after).is_some_and(|v| {
            matches!(
                v.form,
                lexicon::VerbForm::Past | lexicon::VerbForm::ThirdPerson
            )
        });
    cue && (k == 0 || {
        let before = doc.lower(k - 1, &mut buf);
        doc.tokens[k - 1].kind != Kind::Word
            || !(DETERMINERS.contains(&before)
                || BREAKERS.contains(&before)
                || before.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether `lower` (lower case) is a quantifier that can stand for people by itself: "many", "others", "both".
pub fn is_people_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "many" | "others" | "some" | "several" | "most" | "few" | "both" | "all"
    )
}

/// Whether token `k` is a role noun for a person ("spokesman", "listeners"), not for a body or a document.
pub fn is_person_role_tok(doc: &Document, k: usize) -> bool {
    is_role_tok(doc, k).is_some_and(|r| r.kind == lexicon::RoleKind::Person)
}

/// Whether the capitalised "The" before the one-word run `a..=e` belongs to the name: a common word after "The" in
/// mid-sentence is the title of a paper, a site or a work (`As The Hill reported`, `told The Atlantic`), not the
/// word alone.
#[cfg_attr(whosaid_small, optimize(size))]
fn title_article(doc: &Document, a: usize, e: usize) -> bool {
    a == e
        && a >= 2
        && doc.tok(a - 1) == "The"
        && !opens_sentence(doc, a - 1)
        && doc.tokens[a - 2].kind == Kind::Word
        && is_common(doc.tok(a))
}

/// A pronoun or auxiliary with a clitic: I've, We’re, She’ll, I'd, I'm, Don't, Can’t. Never a name (O'Brien and
/// D’Angelo are not contractions).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn is_contraction(w: &str) -> bool {
    let Some(p) = w.rfind(['\'', '’']) else {
        return false;
    };
    let head = &w[..p];
    let tail = &w[p..];
    let tail = tail.trim_start_matches(['\'', '’']);
    match tail.to_ascii_lowercase().as_str() {
        "ve" | "re" | "ll" | "d" | "m" => !head.is_empty() && head.chars().all(char::is_alphabetic),
        "t" => head.ends_with(['n', 'N']),
        _ => false,
    }
}

/// Number words, written out ("Twenty-seven Republicans said").
static NUMBER_WORDS: WordList = word_list![
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
    "thousand",
    "million",
    "billion",
    "dozen",
    "half",
    "third",
    "quarter",
];

/// A word that is no name however it is written: a contraction, a number word ("Twenty-seven"), or a regular -ly
/// adverb or -ed/-ing form of a common word ("Hopefully", "Having", "Considering") that is no known first name.
pub fn never_a_name(w: &str) -> bool {
    if is_contraction(w) {
        return true;
    }
    let mut buf = [0u8; 48];
    let lower = crate::text::lower_into(w, &mut buf);
    if lower.split('-').all(|p| NUMBER_WORDS.contains(&p)) {
        return true;
    }
    ["ly", "ed", "ing"].iter().any(|e| lower.ends_with(e))
        && lexicon::is_common_inflection(lower)
        && lexicon::first_name_gender(w) == Gender::Unknown
        // (Nor a word of an organisation's name: "Downing Street".)
        && !lexicon::is_org_word(w)
}

/// A common English word whatever its case ("Police", "Delegates", "Health"; `lexicon::is_common_word`), a
/// hyphenated word of common words ("Three-quarters"), a word that is [`never_a_name`], or one shaped like an adverb
/// or participle that is no known first name.
pub fn is_common(w: &str) -> bool {
    let mut buf = [0u8; 48];
    let lower = crate::text::lower_into(w, &mut buf);
    !lower.is_empty()
        && lower
            .split('-')
            .all(|p| !p.is_empty() && lexicon::is_common_word(p))
        || never_a_name(w)
        || looks_inflected(lower) && lexicon::first_name_gender(w) == Gender::Unknown
}

/// A long word in -ly, -ed or -ing, the shape of an adverb or participle of a word rarer than the common ones
/// ("Hastily", "Peppered", "Fundraising"), or in -tion or -sion, a noun made from a verb ("Immigration").
fn looks_inflected(lower: &str) -> bool {
    let n = lower.chars().count();
    lower.ends_with("ly") && n >= 6
        || (lower.ends_with("ed") || lower.ends_with("ing")) && n >= 7
        // Nouns made from verbs: "Immigration", "Nomination", "Expansion".
        || (lower.ends_with("tion") || lower.ends_with("sion")) && n >= 7
}

/// Whether the first word `a` of the capitalised run `a..=e` opens its sentence and is no part of the name after it:
/// a word that is never a name ("Hopefully", "Twenty-seven"), or a common word that is no first name, title, role,
/// organisation word or demonym before a word that is not common either ("Neither Warren", "Both Sanders", "Classic
/// Clinton"; not "White House", "Middle East", "Will Smith").
#[cfg_attr(whosaid_small, optimize(size))]
fn leading_non_name(doc: &Document, a: usize, e: usize) -> bool {
    if !opens_sentence(doc, a) || org_appositive_after(doc, e) {
        return false;
    }
    let w = doc.tok(a);
    // ("United States", "South Korea": the word opens a place's name.)
    if opens_place(doc, a, e, a + 1) {
        return false;
    }
    if never_a_name(w) {
        return true;
    }
    // "Park Ji-hoon", "Song Kang-ho": a given name of two syllables joined by a hyphen follows a surname.
    if e > a && hyphenated_given_name(doc.tok(a + 1)) {
        return false;
    }
    // "Health Canada", "Statistics Canada", "Bell Canada", "Air India": a common word before a place's name that ends
    // the run names a body with it (not a sentence adverb or a connective: "Later Turkey", "Even Canada").
    if (a + 1..=e).any(|j| is_place_run(doc, j, e))
        && !w.as_bytes().contains(&b'-')
        && !lexicon::not_name_word(w)
        // (Nor a verb: "Say Mexico demanded …".)
        && lexicon::speech_verb(doc.lower(a, &mut [0u8; 48])).is_none()
    {
        return false;
    }
    e > a
        && is_common(w)
        // (Before a place's name too: "Later Turkey said".)
        && (!is_common(doc.tok(a + 1)) || opens_place(doc, a + 1, e, a + 1))
        // "Van der Berg", "De la Cruz": a particle after the word makes it part of the name.
        && !is_particle(doc.tok(a + 1))
        && lexicon::first_name_gender(w) == Gender::Unknown
        && !is_title_tok(doc, a)
        && is_role_tok(doc, a).is_none()
        && !lexicon::is_demonym(w)
        && !(a..=e).any(|k| lexicon::is_org_word(doc.tok(k)))
}

/// Whether token `a`, before a known given name, is a given name the list does not know ("Renato" in "Renato Cruz De
/// Castro", where "Cruz" is also a given name): a word that is no place, title, role or common word ("Texas Ted
/// Cruz"), no acronym, no compound of such words or with a part in lower case ("Korean-born", "Co-anchor"), and no
/// word shaped like a role noun ("Ombudsman", "Trustee").
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn unknown_given_name(doc: &Document, a: usize) -> bool {
    let w = doc.tok(a);
    if doc.tokens[a].kind != Kind::Word
        || title_in_run(doc, a)
        || is_role_tok(doc, a).is_some()
        || lexicon::is_org_word(w)
        || is_place_run(doc, a, a)
        || lexicon::us_state(w).is_some()
        || w.bytes().all(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    for p in w.split('-') {
        if is_common(p) || lexicon::is_demonym(p) || p.starts_with(char::is_lowercase) {
            return false;
        }
    }
    // (Nor a word shaped like a role noun the lists lack: "Ombudsman", "Trustee", "Lobbyist".)
    let b = w.as_bytes();
    !["man", "person", "ee", "ist"]
        .iter()
        .any(|s| b.len() > s.len() + 2 && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()))
}

/// Whether `w` is a given name of two syllables joined by a hyphen, the second in lower case, as Korean and Taiwanese
/// names are written after the surname: "Ji-hoon", "Jae-in", "Ing-wen" (not "Jean-Pierre", "Al-Assad").
pub fn hyphenated_given_name(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(h) = b.iter().position(|&c| c == b'-') else {
        return false;
    };
    (2..=5).contains(&h)
        && (2..=5).contains(&(b.len() - h - 1))
        && b[0].is_ascii_uppercase()
        && b[1..h].iter().all(u8::is_ascii_lowercase)
        && b[h + 1..].iter().all(u8::is_ascii_lowercase)
        && !is_particle(&w[..h])
}

/// Whether the words from `a` to some word from `k` to `e` are a place's name: "South Korea", "Saudi Arabia",
/// "United Arab Emirates" ([`lexicon::is_place`]), which a common word or a demonym opens.
#[cfg_attr(whosaid_small, optimize(size))]
fn opens_place(doc: &Document, a: usize, e: usize, k: usize) -> bool {
    (k..=e.min(a + 3)).any(|j| is_place_run(doc, a, j))
}

/// Whether the text of tokens `a..=b` is a place's name ([`lexicon::is_place`]).
fn is_place_run(doc: &Document, a: usize, b: usize) -> bool {
    lexicon::is_place(&doc.text[doc.tokens[a].start as usize..doc.tokens[b].end as usize])
}

/// Whether an appositive headed by an organisation's noun follows the name ending at token `e`: "Focus Ireland, a
/// homelessness charity, said" (the name is an organisation's, its first word no sentence opener).
#[cfg_attr(whosaid_small, optimize(size))]
fn org_appositive_after(doc: &Document, e: usize) -> bool {
    doc.is(e + 1, ',')
        && matches!(doc.lower(e + 2, &mut [0u8; 48]), "a" | "an" | "the")
        && (e + 3..(e + 8).min(doc.tokens.len()))
            .take_while(|&k| doc.tokens[k].kind == Kind::Word)
            .last()
            .is_some_and(|k| {
                doc.is(k + 1, ',')
                    && is_role_tok(doc, k).is_some_and(|r| r.kind == lexicon::RoleKind::Org)
            })
}

/// Whether the first word `a` of the capitalised run `a..=e` is a common word before a given name and a surname, and
/// so no part of the name: "Marine" in "Marine John Tiegen" (also a given name itself, which would make him a
/// woman), "Veteran" in "Veteran Ana Ruiz" (a role word then describes the name). A title stays ("Sen.", "Gov.").
#[cfg_attr(whosaid_small, optimize(size))]
fn common_before_given_name(doc: &Document, a: usize, e: usize) -> bool {
    e >= a + 2
        && doc.tokens[a].kind == Kind::Word
        && (is_common(doc.tok(a)) || is_role_tok(doc, a).is_some())
        && !is_title_tok(doc, a)
        && !doc.is(a + 1, '.')
        && lexicon::first_name_gender(doc.tok(a + 1)) != Gender::Unknown
        && !is_common(doc.tok(e))
        // (Not before a place's name: "Doctors Nova Scotia" is a body's.)
        && !is_place_run(doc, a + 1, e)
}

/// Whether a singular role noun follows token `k`: a name before it describes the person named after it (`Labour |
/// leader Ann Ho`), and is neither subject nor first name of its clause.
pub fn role_after(doc: &Document, k: usize) -> bool {
    is_role_tok(doc, k + 1).is_some_and(|r| !r.plural)
}

/// Whether a lower-case word that is no preposition, conjunction, article or singular role noun follows token `k` (a
/// verb, most likely).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn verb_like_after(doc: &Document, k: usize) -> bool {
    let mut buf = [0u8; 48];
    let n = k + 1;
    n < doc.tokens.len()
        && doc.tokens[n].kind == Kind::Word
        && !doc.is_capitalized(n)
        && !role_after(doc, k)
        && !matches!(
            doc.lower(n, &mut buf),
            "of" | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "from"
                | "to"
                | "by"
                | "and"
                | "or"
                | "the"
                | "a"
                | "an"
        )
}

/// The head of a plural description that opens sentence `s` as its subject, if there is one: `Analysts were
/// cautious`, `Many local officials say`, `Progressives tend to …` — a plural role noun (officials, voters,
/// progressives) after at most three words, with no punctuation before it, and a lower-case word after it that is
/// no preposition or relative pronoun (not `Officials in Kyiv`, `Voters who …`).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn plural_description_subject(doc: &Document, s: &crate::text::Segment) -> Option<usize> {
    let mut buf = [0u8; 48];
    let end = s.tok_end.min(doc.tokens.len());
    for k in s.tok_start..(s.tok_start + 4).min(end) {
        if doc.tokens[k].kind != Kind::Word {
            return None;
        }
        let plural =
            lexicon::role_noun(doc.lower(k, &mut buf)).is_some_and(|r| r.plural && r.group);
        if !plural {
            continue;
        }
        // (Nor a relative pronoun or a preposition of place: `Voters who …`, `Officials across the state …`.)
        let verb_next = k + 1 < end
            && verb_like_after(doc, k)
            && !matches!(
                doc.lower(k + 1, &mut buf),
                "who" | "that" | "which" | "whose" | "like" | "across" | "around"
            );
        return verb_next.then_some(k);
    }
    None
}

/// Whether token `k` opens its sentence (only punctuation and quotation marks before it in the sentence).
pub fn opens_sentence(doc: &Document, k: usize) -> bool {
    let s = doc.sentence_of(k);
    (s.tok_start..k).all(|j| doc.tokens[j].kind != Kind::Word)
}

/// Whether mention `m` shows by itself that its name is a name: a title or role words in front ("Sen. Rice",
/// "spokesman Peskov"), a known first name before a surname ("Maxine Waters"), an organisation's name of two words or
/// more that ends in an organisation word ("General Electric", not "News Guide"), a place's name ("Turkey"), or a
/// capitalised word in mid-sentence — not opening a sentence, not in a quotation (`quoted`), not in a heading set
/// in title case. A capitalised word at a sentence start or in a quotation ("Police said", "Health") is a name only
/// with evidence from elsewhere.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn name_evidence(doc: &Document, m: &Mention, quoted: bool, headings: &[bool]) -> bool {
    let Some((a, b)) = m.name else {
        return false;
    };
    let heading = headings
        .get(doc.tokens[a].para as usize)
        .is_some_and(|&h| h);
    // A description shows a name, but in a title-case headline only a title does ("Sen. Bush Says", not "Trump
    // Supporter Screams").
    let titled = || {
        let mut buf = [0u8; 48];
        let w = doc.lower(
            a.saturating_sub(1 + usize::from(a > 1 && doc.is(a - 1, '.'))),
            &mut buf,
        );
        a > 0 && lexicon::title(w).is_some()
    };
    if m.description.is_some() && (!heading || titled())
        || b > a && lexicon::first_name_gender(doc.tok(a)) != Gender::Unknown
        // An organisation's name of two words or more, outside a headline: "General Electric says …", "Downing
        // Street said …" (the last word one of an organisation's, or the first, but no label: "News Guide:").
        || m.kind == MentionKind::Org
            && b > a
            && !heading
            && (lexicon::is_org_word(doc.tok(b))
                || !doc.is(b + 1, ':') && lexicon::is_org_word(doc.tok(a)))
    {
        return true;
    }
    !quoted && !opens_sentence(doc, a) && !heading
        // Two name words, the first no common word: "Raila Odinga said" opening a sentence.
        || b > a && !is_common(doc.tok(a))
        // A country's or a region's name: "Turkey said", "United States" opening a sentence.
        || !heading && is_place_run(doc, a, b)
}

/// For each paragraph of `doc`: whether it is set in title case or capitals ([`is_title_case`]).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn title_case_paragraphs(doc: &Document) -> Vec<bool> {
    doc.paragraphs
        .iter()
        .map(|p| is_title_case(doc, p))
        .collect()
}

/// Whether paragraph `p` is set in title case or capitals (a headline: "Stealth Over Health: Clinton Was Headed to
/// ER"): at least three words, and of those of two letters or more at least two thirds capitalised.
pub fn is_title_case(doc: &Document, p: &crate::text::Segment) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for t in &doc.tokens[p.tok_start..p.tok_end.min(doc.tokens.len())] {
        if t.kind == Kind::Word && t.end - t.start >= 2 {
            words += 1;
            caps += t.cap as usize;
        }
    }
    words >= 3 && caps * 3 >= words * 2
}

/// Whether token `i` is the speech verb of a headline set in title case: `Trump Says He Will Win`, `Dean Tells
/// Convention …` — a capitalised present-tense verb of saying after a capitalised word, in a title-case paragraph
/// of at most 40 tokens. Not a surname after a given name ("Christopher Rants"); a verb that is also a plural noun
/// only after a name and before a capitalised word or a quotation (not "United States.", "Anger Appeals to",
/// "Terror Attacks Highlight").
#[cfg_attr(whosaid_small, optimize(size))]
pub fn headline_verb(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    if i == 0 || i >= n || !doc.is_capitalized(i) || doc.tokens[i - 1].kind != Kind::Word {
        return false;
    }
    // (Cheap tests first: most capitalised words stand in paragraphs longer than any headline.)
    let para = &doc.paragraphs[doc.tokens[i].para as usize];
    if para.tok_end - para.tok_start > 40 || !doc.is_capitalized(i - 1) {
        return false;
    }
    let mut buf = [0u8; 48];
    let Some(v) = lexicon::speech_verb(doc.lower(i, &mut buf)) else {
        return false;
    };
    let next_ok = i + 1 < n
        && doc.tokens[i + 1].para == doc.tokens[i].para
        && (doc.tokens[i + 1].kind == Kind::QuoteMark
            || doc.tokens[i + 1].kind == Kind::Word
                && (!v.noun_too || doc.is_capitalized(i + 1) && !is_common(doc.tok(i - 1))));
    // (Or the headline's end after a verb of saying itself: "…, Trevor Noah Says.")
    let at_end = doc
        .tokens
        .get(i + 1)
        .is_none_or(|t| t.para != doc.tokens[i].para)
        || doc.is(i + 1, '.')
            && doc
                .tokens
                .get(i + 2)
                .is_none_or(|t| t.para != doc.tokens[i].para);
    v.form == lexicon::VerbForm::ThirdPerson
        && v.strength >= 2
        && (next_ok || at_end && v.strength >= 3 && !v.noun_too)
        && lexicon::first_name_gender(doc.tok(i - 1)) == Gender::Unknown
        && is_title_case(doc, para)
}

/// All proper-name mentions of the document, in order.
pub fn find(doc: &Document) -> Vec<Mention> {
    names(doc).collect()
}

/// The proper-name mentions of the document, in order, one at a time (what [`find`] collects).
pub fn names<'d, 'a>(doc: &'d Document<'a>) -> Names<'d, 'a> {
    Names { doc, i: 0 }
}

/// The iterator [`names`] returns.
pub struct Names<'d, 'a> {
    doc: &'d Document<'a>,
    /// The next token to look at.
    i: usize,
}

impl Iterator for Names<'_, '_> {
    type Item = Mention;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn next(&mut self) -> Option<Mention> {
        let doc = self.doc;
        // The next capitalised token (a name starts at one that is not a function word; a particle word such as
        // "al-Qaeda" or "al-Assad" opens none by itself, but the subject of a cue may be one: `np_ending_at`).
        while let Some(p) = doc.tokens[self.i..].iter().position(|t| t.cap) {
            let i = self.i + p;
            if breaks_run(doc, i) || headline_verb(doc, i) {
                self.i = i + 1;
                continue;
            }
            let end = name_run_end(doc, i);
            self.i = end + 1;
            // `the Texas Democrat`, `a Republican`: a capitalised noun for a person after a determiner describes
            // someone; it names no one.
            if definite_person_noun(doc, end, doc.sentence_of(i).tok_start) {
                continue;
            }
            // A sentence's first word that is never a name ("Hopefully", "Twenty-seven") is no part of the name
            // after it.
            let i = if leading_non_name(doc, i, end) || common_before_given_name(doc, i, end) {
                if end == i {
                    continue;
                }
                i + 1
            } else if title_article(doc, i, end) {
                i - 1
            } else {
                i
            };
            if let Some(mut m) = mention_from_run(doc, i, end) {
                // `Kremlin spokesman Dmitry Peskov spoke …`: role words before the name describe it wherever it
                // stands.
                let floor = doc.sentence_of(i).tok_start;
                if m.name.is_some() && m.kind == MentionKind::Name {
                    extend_description_left(doc, &mut m, floor);
                    kin_appositive(doc, &mut m, floor);
                }
                return Some(m);
            }
        }
        self.i = doc.tokens.len();
        None
    }
}

/// Capitalised run from `i`: capitalised words, initials, inner particles and "of" inside organisation names.
#[cfg_attr(whosaid_small, optimize(size))]
fn name_run_end(doc: &Document, i: usize) -> usize {
    let n = doc.tokens.len();
    let mut buf = [0u8; 48];
    let mut end = i;
    let mut k = i + 1;
    while k < n && doc.tokens[k].para == doc.tokens[i].para {
        // A capitalised word, an initial ("Jock A. Finlayson") or a particle word ("Bashar al-Assad"); a
        // platform ends the run ("Podoliak Twitter").
        if doc.tokens[k].space_before
            && name_word(doc, k)
            && !is_platform(doc, k)
            // A headline's verb ends the name before it: "Mayor Dunn | Says Fares Will Fall".
            && !headline_verb(doc, k)
        {
            end = k;
            k += 1;
            continue;
        }
        // A nickname in quotation marks between the given name and the surname: `George "Jay" Keyworth`.
        if let Some(c) = crate::quotes::nickname_close(doc, k).filter(|&c| name_word(doc, c + 1)) {
            end = c + 1;
            k = c + 2;
            continue;
        }
        // A suffix after a comma: "William F. Buckley, Jr.".
        if doc.is(k, ',')
            && !doc.tokens[k].space_before
            && k + 1 < n
            && doc.tokens[k + 1].space_before
            && name_suffix(doc.tok(k + 1)).is_some_and(|s| s == "jr" || s == "sr")
        {
            end = k + 1;
            k += 2;
            continue;
        }
        // Initial's or title's period: "George W. Bush", "Sen. Lindsey Graham".
        if doc.is(k, '.')
            && !doc.tokens[k].space_before
            && abbreviation_before(doc, k)
            && (doc.is_capitalized(k + 1)
                // "Mr. al-Assad", "Ms. de la Cruz".
                || is_particle_word(doc, k + 1)
                || after_particles(doc, k + 1).is_some())
        {
            k += 1;
            continue;
        }
        // Particles, one or several: "Maria de la Cruz", "Pieter van der Berg".
        if let Some(j) = after_particles(doc, k) {
            k = j;
            continue;
        }
        // "the Ontario Nurses' Association", "Queen's University": a common word's possessive inside an organisation's
        // name (not "Canada's Competition Bureau").
        if k == end + 1 && possessive_in_name(doc, k) {
            k += 1;
            continue;
        }
        let w = doc.lower(k, &mut buf);
        // "the Food and Drug Administration", "the federal Securities and Exchange Commission": one word, "and", and a
        // run that ends in an organisation word.
        if w == "and"
            // (After a demonym too: "the Canadian Radio-television and Telecommunications Commission".)
            && (end == i || end == i + 1 && lexicon::is_demonym(doc.tok(i)))
            && k + 1 < n
            && doc.is_capitalized(k + 1)
            && !breaks_run(doc, k + 1)
        {
            let mut e = k + 1;
            while e + 1 < n && doc.tokens[e + 1].space_before && name_word(doc, e + 1) {
                e += 1;
            }
            // (Or in a place's name after common words: "Fisheries and Oceans Canada", "Employment and Social
            // Development Canada"; not "Canada and South Korea".)
            if lexicon::is_org_word(doc.tok(e)) || place_body_after_and(doc, end, k, e) {
                return e;
            }
            break;
        }
        if (w == "of" && (lexicon::is_org_word(doc.tok(end)) || is_title_tok(doc, end))
            // "Center for American Progress", "Council on Foreign Relations", "Commissioner for Human Rights".
            || matches!(w, "for" | "on") && lexicon::is_org_word(doc.tok(end))
            || w == "for" && is_title_tok(doc, end))
            && doc.is_capitalized(k + 1)
        {
            k += 1;
            continue;
        }
        break;
    }
    end
}

/// The period at `dot` closes an initial ("W.") or an abbreviated title ("Mr.", "Sen.", "Gov.").
#[cfg_attr(whosaid_small, optimize(size))]
fn abbreviation_before(doc: &Document, dot: usize) -> bool {
    dot > 0
        && !doc.tokens[dot].space_before
        && doc.is_capitalized(dot - 1)
        && (doc.tok(dot - 1).chars().count() == 1
            || doc.tok(dot - 1).len() <= 5 && is_title_tok(doc, dot - 1))
}

/// At an "of" (token `k`) after a title token, the number of lower-case words after it (one to three) when a name
/// word follows them: `secretary of state Hillary Clinton`, `minister of the interior Lena Holt`.
#[cfg_attr(whosaid_small, optimize(size))]
fn lower_office_before_name(doc: &Document, k: usize, s: usize, ceil: usize) -> Option<usize> {
    if k <= s || doc.tok(k) != "of" || !is_title_tok(doc, k - 1) {
        return None;
    }
    let run = (k + 1..(k + 4).min(ceil))
        .take_while(|&j| doc.tokens[j].kind == Kind::Word && !doc.is_capitalized(j))
        .count();
    let name = k + 1 + run;
    ((1..=3).contains(&run) && name < ceil && name_word(doc, name) && !is_title_tok(doc, name))
        .then_some(run)
}

/// Whether token `k` is a possessive ending ("'s", or an apostrophe after an "s") of a capitalised common word inside
/// an organisation's name: an organisation word among the (up to four) name words after it, "Nurses' | Association",
/// "Queen's | University Hospital", "Children's | Hospital of …" (not "Canada's | Competition Bureau").
#[inline]
fn possessive_in_name(doc: &Document, k: usize) -> bool {
    // (The first byte of ' or ’ first: most tokens are no possessive.)
    matches!(doc.first_byte(k), b'\'' | 0xE2) && possessive_in_name_at(doc, k)
}

#[cfg_attr(whosaid_small, optimize(size))]
fn possessive_in_name_at(doc: &Document, k: usize) -> bool {
    k > 0
        && k + 1 < doc.tokens.len()
        && !doc.tokens[k].space_before
        && doc.tokens[k + 1].space_before
        && (doc.is_possessive(k)
            || doc.tokens[k].kind == Kind::QuoteMark && doc.tok(k - 1).ends_with('s'))
        && doc.is_capitalized(k - 1)
        && doc.is_capitalized(k + 1)
        && (k + 1..(k + 5).min(doc.tokens.len()))
            .take_while(|&j| name_word(doc, j))
            .any(|j| lexicon::is_org_word(doc.tok(j)))
        && is_common(doc.tok(k - 1))
}

/// A preposition that opens a role's complement after the role ("head of …", "adviser to …", "spokesman for …",
/// "official at …"): [`np_starting_at`] keeps it in the phrase, the entity stage finds the phrase again by the role
/// before it.
pub fn is_complement_preposition(w: &str) -> bool {
    matches!(w, "of" | "to" | "for" | "at")
}

/// Whether token `k`, a title, is one in a name run: not one before a possessive ("Queen" in "Queen's University").
fn title_in_run(doc: &Document, k: usize) -> bool {
    is_title_tok(doc, k) && !doc.is_possessive(k + 1)
}

/// Whether the "and" at `k`, in a capitalised run that ends at `e`, is inside an organisation's name: the run ends
/// in an organisation word and one capitalised word stands between the "and" and an article, a preposition or the
/// start (`the Parks and Recreation Department`).
#[cfg_attr(whosaid_small, optimize(size))]
fn and_in_org_name(doc: &Document, k: usize, e: usize, floor: usize) -> bool {
    let mut buf = [0u8; 48];
    k > floor
        && (lexicon::is_org_word(doc.tok(e)) || place_body_after_and(doc, k - 1, k, e))
        && doc.is_capitalized(k - 1)
        && name_word(doc, k - 1)
        && (k - 1 == floor
            || matches!(
                doc.lower(k - 2, &mut buf),
                "the" | "of" | "for" | "at" | "from" | "by" | "with" | "in" | "to" | "on"
            )
            || lexicon::is_demonym(doc.tok(k - 2)))
}

/// The first word of a French organisation's name that reaches token `j` over lower-case nouns between particles
/// ("Conseil du patronat du …", "Fédération des chambres de commerce du …"): an organisation word at most three
/// (noun, particles) steps back.
#[cfg_attr(whosaid_small, optimize(size))]
#[inline(never)]
fn french_name_start(doc: &Document, j: usize, floor: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    let mut particle = |k: usize| {
        let w = doc.lower(k, &mut buf);
        !doc.is_capitalized(k) && (w == "des" || PARTICLES.contains(&w))
    };
    let mut b = j;
    for _ in 0..3 {
        if b < floor + 3
            || doc.tokens[b - 1].kind != Kind::Word
            || doc.is_capitalized(b - 1)
            || !particle(b - 2)
        {
            return None;
        }
        let mut c = b - 2;
        while c > floor + 1 && particle(c - 1) {
            c -= 1;
        }
        if doc.is_capitalized(c - 1) {
            return lexicon::is_org_word(doc.tok(c - 1)).then_some(c - 1);
        }
        b = c;
    }
    None
}

/// Whether the words `first`, "and" (`k`) and `k + 1..=e` name a body by common words and a place's name that ends
/// them: "Fisheries and Oceans Canada", "Employment and Social Development Canada" (not "Canada and South Korea").
fn place_body_after_and(doc: &Document, first: usize, k: usize, e: usize) -> bool {
    e > k + 1
        && [first, k + 1]
            .iter()
            .all(|&j| lexicon::first_name_gender(doc.tok(j)) == Gender::Unknown)
        && !is_place_run(doc, first, first)
        && is_place_run(doc, e, e)
        && !(k + 1..e).any(|j| is_place_run(doc, j, e))
}

/// Whether token `k` is a title ([`lexicon::title`], read in lower case without trailing periods: "Sen.", "Justice").
pub fn is_title_tok(doc: &Document, k: usize) -> bool {
    title_at(doc, k).is_some()
}

/// The title token `k` is, read in lower case without trailing periods ("Sen." -> "sen").
fn title_at(doc: &Document, k: usize) -> Option<lexicon::TitleInfo> {
    let mut buf = [0u8; 48];
    let w = doc.lower(k, &mut buf);
    // `trim_end_matches('.')` on bytes (a '.' byte is never inside a multi-byte char).
    let n = w.bytes().rposition(|b| b != b'.').map_or(0, |p| p + 1);
    lexicon::title(&w[..n])
}

fn is_role_tok(doc: &Document, k: usize) -> Option<lexicon::RoleInfo> {
    let mut buf = [0u8; 48];
    lexicon::role_noun(doc.lower(k, &mut buf))
}

/// Builds a mention from the capitalised run `[a, b]`: titles, demonyms and organisation words in front become the
/// description; the rest is the name.
#[cfg_attr(whosaid_small, optimize(size))]
fn mention_from_run(doc: &Document, a: usize, b: usize) -> Option<Mention> {
    // Where does the name start? At a known first name if there is one with a word after it (not a suffix), and no
    // title after it
    // ("South Carolina Sen. Lindsey Graham" is Lindsey Graham, not Carolina)…
    let mut name_start = None;
    // The gender of that first name (looked up once).
    let mut first_gender = Gender::Unknown;
    for k in a..b {
        if doc.tokens[k].kind != Kind::Word {
            continue;
        }
        if title_in_run(doc, k) {
            // A title before a name ends what came before (not "King" before a suffix: "Martin Luther King III").
            let next = (k + 1..=b).find(|&j| doc.tokens[j].kind == Kind::Word);
            if next.is_some_and(|j| name_suffix(doc.tok(j)).is_none()) {
                name_start = None;
                first_gender = Gender::Unknown;
            }
            continue;
        }
        // A first name is capitalised ("van" in "Pieter van der Berg" is a particle).
        if name_start.is_some() || !doc.is_capitalized(k) {
            continue;
        }
        let g = lexicon::first_name_gender(doc.tok(k));
        // (A suffix after it is no word of the name: "Ferdinand Marcos Jr." does not start at "Marcos"; nor is a place's
        // name that ends the run one: "Doctors Nova Scotia".)
        if g != Gender::Unknown
            && !(k > a && is_place_run(doc, k, b))
            && (k + 1..=b)
                .any(|j| doc.tokens[j].kind == Kind::Word && name_suffix(doc.tok(j)).is_none())
        {
            // Initials before the first name are part of the name: "C. Stewart Verdery".
            let mut s = k;
            while s >= a + 2 && doc.is(s - 1, '.') && is_initial(doc, s - 2) {
                s -= 2;
            }
            name_start = Some(s);
            first_gender = g;
        }
    }
    // (A given name the list does not know before one it knows is the name's first word: "Renato Cruz De Castro".)
    if name_start == Some(a + 1) && a + 1 < b && unknown_given_name(doc, a) {
        name_start = Some(a);
    }
    // …otherwise after the last title, demonym or organisation word that has a capitalised word after it.
    let start = name_start.unwrap_or_else(|| {
        let mut s = a;
        // (Not inside an organisation's name: "Tulsa Police Department", "Republican Party".)
        // (All of it after an organisation word and its preposition: "Center for Public Integrity".)
        let org_prep = (a..b).any(|k| {
            lexicon::is_org_word(doc.tok(k)) && matches!(doc.tok(k + 1), "of" | "for" | "on")
        });
        let org_from = if org_prep {
            Some(b)
        } else {
            (a..=b).rev().find(|&k| lexicon::is_org_word(doc.tok(k)))
        };
        for k in a..b {
            let t = doc.tok(k);
            let title = title_in_run(doc, k);
            // (A title is part of an organisation's name only as its first word, right before the organisation
            // word that ends it: "General Motors", "General Electric".)
            let in_org = org_from.is_some_and(|o| k <= o)
                && (!title || k == a && k + 1 == b && org_from == Some(b));
            // (A plural role before a place's name that ends the run names a body with it: "Doctors Nova Scotia",
            // "Engineers Canada".)
            let role = is_role_tok(doc, k).map(|r| !r.plural || !is_place_run(doc, k + 1, b));
            if !in_org
                && (title || lexicon::is_demonym(t) || role == Some(true))
                && !(a..=k).any(|i| opens_place(doc, i, b, k + 1))
            {
                s = k + 1;
            }
        }
        s
    });
    let mut start = start.min(b);
    // A name starts with a capitalised word or a particle word ("Parliament of Ukraine" must not leave "of
    // Ukraine"; "al-Assad" is a name).
    while start < b
        && !doc.is_capitalized(start)
        && !is_particle_word(doc, start)
        && after_particles(doc, start).is_none()
    {
        start += 1;
    }
    if !(start..=b).any(|k| doc.tokens[k].kind == Kind::Word) {
        return None;
    }
    // An acronym that is a role ("CEO", "CFO") is no name by itself: `the Calden Group’s CEO, Kim Fritts, said`.
    if start == b
        && doc.tok(b).len() >= 2
        && doc.tok(b).bytes().all(|c| c.is_ascii_uppercase())
        && is_role_tok(doc, b).is_some()
    {
        return None;
    }
    // "Parliament of Ukraine", "Ministry of Defence": an organisation word joined by "of" names the whole run —
    // unless a title after the "of" opens a person's name: "Bank of Canada Governor Tiff Macklem".
    let of = (a..=b).find(|&k| doc.tok(k) == "of");
    // A word of an office after its title and "of" (or no word): a common word that is no first name.
    let office_word = |k: usize| {
        doc.tokens[k].kind != Kind::Word
            || is_common(doc.tok(k)) && lexicon::first_name_gender(doc.tok(k)) == Gender::Unknown
    };
    // "Director of Public Prosecutions", "Chief of Staff": a title, "of" and common words that are no first names is an
    // office, no name.
    if of.is_some_and(|o| o > a && is_title_tok(doc, o - 1) && (o + 1..=b).all(office_word)) {
        return Some(Mention::described(doc, MentionKind::Role, a, b, false));
    }
    let title = of.and_then(|o| (o + 1..b).rev().find(|&k| is_title_tok(doc, k)));
    let org_with_of = (a..start).any(|k| lexicon::is_org_word(doc.tok(k))) && of.is_some();
    let mut start = match title {
        Some(t) => start.max(t + 1),
        None if org_with_of => a,
        None => start,
    };
    // "Secretary of State Antony Blinken", "Minister of External Affairs S. Jaishankar", "Chief of Staff Jeff Zients",
    // "High Commissioner for Human Rights Volker Türk": a title, "of" or "for" and the words of an office (common
    // words, places) are the description; the person's name starts at its first name, else at the first word after
    // them that is neither ("Staff" is no organisation here).
    let office =
        (a + 1..b).find(|&k| matches!(doc.tok(k), "of" | "for") && is_title_tok(doc, k - 1));
    if let Some(o) = office.filter(|_| title.is_none()) {
        let from = name_start
            .filter(|&s| s > o + 1)
            .or_else(|| (o + 1..=b).find(|&k| !office_word(k) && !lexicon::is_place(doc.tok(k))));
        if let Some(s) = from
            .filter(|&s| s > o + 1 && s < b && !(s..=b).any(|k| lexicon::is_org_word(doc.tok(k))))
        {
            start = s;
        }
    }
    let org = (start..=b).any(|k| lexicon::is_org_word(doc.tok(k)));
    // A demonym right before an organisation's name is part of it: "Nordic Broadcasting Corporation", "Canadian
    // Medical Association" (not so before a person's name: "Ukrainian President Volodymyr Zelensky").
    while org && start > a && lexicon::is_demonym(doc.tok(start - 1)) {
        start -= 1;
    }
    let mut gender = Gender::Unknown;
    if !org {
        // A first name tells the gender when a surname follows it; a lone word is most often a surname itself
        // ("Clinton", "Harris", "Kelly" said).
        gender = if b == start {
            Gender::Unknown
        } else if name_start == Some(start) {
            first_gender
        } else if start < b {
            lexicon::first_name_gender(doc.tok(start))
        } else {
            Gender::Unknown
        };
        for k in a..start {
            if let Some(t) = title_at(doc, k) {
                if t.gender != Gender::Unknown {
                    gender = t.gender;
                }
            }
        }
    }
    let description = (start > a).then(|| doc.span_of(a, start - 1));
    Some(Mention {
        kind: if org {
            MentionKind::Org
        } else {
            MentionKind::Name
        },
        span: doc.span_of(a, b),
        first: a,
        last: b,
        name: Some((start, b)),
        description,
        role: None,
        gender,
        plural: false,
        via: None,
    })
}

/// If token `k` is a pronoun: `Some(Some(mention))` when it is one of `speakers` (a pronoun that can stand for a
/// speaker), `Some(None)` for any other pronoun; `None` when it is no pronoun.
#[cfg_attr(whosaid_small, optimize(size))]
fn pronoun_at(doc: &Document, k: usize, speakers: &[&str]) -> Option<Option<Mention>> {
    let mut buf = [0u8; 48];
    let w = doc.lower(k, &mut buf);
    let (gender, plural) = lexicon::is_pronoun(w)?;
    Some(speakers.contains(&w).then(|| Mention {
        kind: MentionKind::Pronoun,
        span: doc.tokens[k].span(),
        first: k,
        last: k,
        name: None,
        description: None,
        role: None,
        gender,
        plural,
        via: None,
    }))
}

/// The noun phrase that ends at token `e` (a subject left of a cue), looking no further left than `floor`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn np_ending_at(doc: &Document, e: usize, floor: usize) -> Option<Mention> {
    if e >= doc.tokens.len() || e < floor {
        return None;
    }
    // A suffix's period: "Joseph R. Biden Jr. | said".
    let e = if doc.is(e, '.')
        && e > floor
        && !doc.tokens[e].space_before
        && name_suffix(doc.tok(e - 1)).is_some()
    {
        e - 1
    } else {
        e
    };
    let (mut buf, mut wbuf) = ([0u8; 48], [0u8; 48]);
    let w = doc.lower(e, &mut wbuf);
    if let Some(p) = pronoun_at(doc, e, &["he", "she", "they", "it", "who"]) {
        return p;
    }
    // `Many in the crowd said`, `Others shouted`: a quantifier standing for people is a group described so, never a
    // name (capitalised only because it opens the sentence).
    if is_people_quantifier(w)
        && (e == floor
            || opens_sentence(doc, e)
            || doc.tokens[e - 1].kind != Kind::Word
            || matches!(doc.lower(e - 1, &mut buf), "and" | "but" | "while"))
    {
        return Some(Mention::described(doc, MentionKind::Group, e, e, true));
    }
    // `Podoliak Twitter:` (machine-translated "Podoliak's Twitter"): the account's owner speaks.
    if is_platform(doc, e) && e > floor && doc.is_capitalized(e - 1) && !breaks_run(doc, e - 1) {
        return np_ending_at(doc, e - 1, floor);
    }
    // A role noun capitalised only because it opens the sentence is a role: `Aides to Coll say …`.
    // (So after a colon: `The Latest: Mourners say …`.)
    let sentence_initial_role = (e == doc.sentence_of(e).tok_start
        || e > floor && doc.is(e - 1, ':'))
        && is_role_tok(doc, e).is_some();
    if (doc.is_capitalized(e) && !breaks_run(doc, e) || is_particle_word(doc, e))
        && !sentence_initial_role
        && !definite_person_noun(doc, e, floor)
    {
        // The capitalised run ending at e.
        let mut a = e;
        while a > floor {
            let k = a - 1;
            // "Maria de la | Cruz": particles after a name word join the run with it.
            if let Some(j) = before_particles(doc, k, floor) {
                a = j;
                continue;
            }
            let lk = doc.lower(k, &mut buf);
            // "de la | Cruz said", "van der | Berg said": a name opened by particles in lower case (not "a van").
            if !doc.is_capitalized(k) && PARTICLES.contains(&lk) {
                let mut j = k;
                while j > floor
                    && k - j + 1 < MAX_PARTICLES
                    && !doc.is_capitalized(j - 1)
                    && PARTICLES.contains(&doc.lower(j - 1, &mut buf))
                {
                    j -= 1;
                }
                if j == floor || !DETERMINERS.contains(&doc.lower(j - 1, &mut buf)) {
                    a = j;
                    // "Conseil du patronat | du Québec", "Fédération des chambres de commerce | du Québec": a French
                    // name keeps its common nouns in lower case between particles; it goes back to its first word,
                    // an organisation's.
                    if let Some(c) = french_name_start(doc, j, floor) {
                        a = c;
                    }
                }
                break;
            }
            // "Department of Homeland Security", "Center for American Progress": the preposition inside an
            // organisation's name, as `name_run_end` reads it.
            let in_org_name = matches!(lk, "of" | "for" | "on")
                && k > floor
                && doc.is_capitalized(k - 1)
                && (lexicon::is_org_word(doc.tok(k - 1)) || lk != "on" && is_title_tok(doc, k - 1))
                // "Centers for Disease Control and Prevention", "Committee for a Responsible Federal Budget": "and"
                // or an article after the organisation's preposition.
                || matches!(lk, "and" | "a" | "the") && org_preposition_before(doc, k, floor)
                // "the Parks and Recreation Department", "the Ways and Means Committee": "and" between the first
                // two words of an organisation's name that opens after an article or a preposition.
                || lk == "and" && a < e && and_in_org_name(doc, k, e, floor);
            // "the Ontario Nurses' | Association said": a possessive inside an organisation's name.
            if k > floor && a == k + 1 && possessive_in_name(doc, k) {
                a = k - 1;
                continue;
            }
            // "William F. Buckley, | Jr.": a suffix after a comma.
            let suffix_comma = lk == ","
                && k > floor
                && a == e
                && name_suffix(doc.tok(e)).is_some_and(|s| s == "jr" || s == "sr")
                && doc.is_capitalized(k - 1);
            let joins = name_word(doc, k)
                || (doc.is(k, '.') && k > floor && abbreviation_before(doc, k))
                || in_org_name
                || suffix_comma;
            if !joins
                || !doc.tokens[a].space_before
                    && !doc.is(k, '.')
                    && !doc.is(a, '.')
                    && !doc.is(a, ',')
            {
                break;
            }
            a = k;
        }
        // (A role word only: the description to the left takes it back, "Marine John Tiegen said"; another word
        // would stand between the cue and its speaker.)
        if leading_non_name(doc, a, e)
            || common_before_given_name(doc, a, e) && is_role_tok(doc, a).is_some()
        {
            if a == e {
                return None;
            }
            a += 1;
        }
        if a > floor + 1 && title_article(doc, a, e) {
            a -= 1;
        }
        // `Some Democrats`, `two Republicans`, `leading Democrats`: a share of a group is no named group but a
        // description of some of its members.
        if a == e && a > floor && looks_plural_name(doc.tok(a)) {
            let mut q = a;
            while q > floor
                && q + 3 > a
                && doc.tokens[q - 1].kind == Kind::Word
                && (!doc.is_capitalized(q - 1) || opens_sentence(doc, q - 1))
                && (DETERMINERS.contains(&doc.lower(q - 1, &mut buf))
                    || MODIFIERS.contains(&doc.lower(q - 1, &mut buf))
                    || QUANTIFIERS.contains(&doc.lower(q - 1, &mut buf)))
            {
                q -= 1;
            }
            if q < a && !matches!(doc.lower(q, &mut buf), "the" | "these" | "those" | "all") {
                return Some(Mention::described(doc, MentionKind::Group, q, e, true));
            }
        }
        // (A run of titles and roles alone, as in a title-case headline's "Port Chief Tells …", is read as a role
        // phrase below.)
        if let Some(mut m) = mention_from_run(doc, a, e) {
            extend_description_left(doc, &mut m, floor);
            return Some(m);
        }
        is_role_tok(doc, e)?;
    }
    // `the 31-year-old said`: an age that stands for a person (the entity stage finds who).
    if w == "year-old"
        && e >= floor + 3
        && in_number_compound(doc, e - 1)
        && DETERMINERS.contains(&doc.lower(e - 3, &mut buf))
    {
        return Some(Mention::described(doc, MentionKind::Role, e - 3, e, false));
    }
    // A role noun, possibly with modifiers and a determiner: "the Kremlin’s spokesperson", "Ukrainian officials".
    if let Some(role) = is_role_tok(doc, e) {
        let mut a = e;
        while a > floor {
            let k = a - 1;
            let lw = doc.lower(k, &mut buf);
            if DETERMINERS.contains(&lw) || is_possessive_pronoun(lw) {
                a = k;
                break;
            }
            // "the senator and mayoral candidate": two roles of one person joined by "and" (not two groups).
            let joined_roles = |j: usize| {
                !role.plural
                    && j > floor + 1
                    && doc.lower(j - 1, &mut [0u8; 48]) == "and"
                    && (is_role_tok(doc, j - 2).is_some_and(|r| !r.plural)
                        || is_title_tok(doc, j - 2))
            };
            let ok = MODIFIERS.contains(&lw)
                || doc.is_capitalized(k) && !breaks_run(doc, k)
                || is_role_tok(doc, k).is_some()
                || doc.is_possessive(k)
                || (doc.tokens[k].kind == Kind::Word && lw.as_bytes().contains(&b'-'))
                || in_number_compound(doc, k)
                // A title's period: "Ms. Mora’s spokesman".
                || doc.is(k, '.') && abbreviation_before(doc, k)
                || joined_roles(a);
            if !ok {
                // Lower-case nouns in front of the role word count only when a determiner opens them:
                // "a former senior law enforcement official", "the base chief".
                let mut j = a;
                while j > floor && a - j < 5 && doc.tokens[j - 1].kind == Kind::Word && {
                    let w = doc.lower(j - 1, &mut buf);
                    !DETERMINERS.contains(&w)
                        && (MODIFIERS.contains(&w)
                            || is_compound_word(w)
                            || participle_before_role(doc, j - 1, w))
                } {
                    j -= 1;
                }
                if j < a && j > floor && DETERMINERS.contains(&doc.lower(j - 1, &mut buf)) {
                    a = j - 1;
                } else if j < a && j > floor + 1 && doc.is_possessive(j - 1) {
                    // …or a possessive: "Labour’s home affairs spokeswoman".
                    a = j - 1;
                    continue;
                } else if j < a && joined_roles(j) {
                    a = j - 1;
                    continue;
                }
                break;
            }
            a = k;
        }
        // "his show’s listeners": a possessor in lower case back to its determiner; else the phrase starts after
        // the "’s".
        if doc.is_possessive(a) {
            let det = (a.saturating_sub(3).max(floor)..a).rev().find(|&j| {
                let w = doc.lower(j, &mut buf);
                w == "the" || is_possessive_pronoun(w)
            });
            let plain = |j: usize| {
                (j + 1..a).all(|k| doc.tokens[k].kind == Kind::Word && !doc.is_capitalized(k))
            };
            a = match det {
                Some(j) if plain(j) => j,
                _ => a + 1,
            };
        }
        // "one of Zelensky’s advisers"
        if a >= floor + 2 && doc.lower(a - 1, &mut buf) == "of" {
            let q = doc.lower(a - 2, &mut buf);
            if matches!(
                q,
                "one" | "some" | "two" | "three" | "many" | "several" | "most" | "all"
            ) {
                a -= 2;
            }
        }
        let span = doc.span_of(a, e);
        return Some(Mention {
            // "officials" and bodies such as "administration" or "delegation" are groups, not one person.
            kind: if role.plural || role.group {
                MentionKind::Group
            } else {
                MentionKind::Role
            },
            span,
            first: a,
            last: e,
            name: None,
            description: Some(span),
            role: lexicon_role_name(w),
            gender: role.gender,
            plural: role.plural,
            via: None,
        });
    }
    None
}

/// A description the text sets off after a person's name, as the entity stage records it for later back-references:
/// an appositive with a person noun at its head (`Dana Whitfield, a Texas Democrat,` → "Texas Democrat"; `Nadia
/// Voss, a veterinarian from Kiel,` → "veterinarian from Kiel"), or a party-and-state label (`Tim Kaine (D-Va.)` →
/// "Virginia Democrat", `(R)` → "Republican"). `None` for anything else (`Ochoa, 61,`, `Paris, France`, `Lee, who
/// …`).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn appositive(doc: &Document, m: &Mention) -> Option<String> {
    let t = &doc.tokens;
    let k = m.last + 1;
    if k >= t.len() {
        return None;
    }
    if doc.is(k, '(') {
        // A party-and-state label: up to the closing parenthesis, a short run.
        let start = t[k].end as usize;
        let rest = doc.text.get(start..(start + 24).min(doc.text.len()))?;
        let inner = &rest[..rest.find(')')?];
        return party_label(inner.trim());
    }
    if !doc.is(k, ',') {
        return None;
    }
    let mut buf = [0u8; 48];
    let first = k + 1;
    let mut end = first;
    while end < t.len() && end - first < 10 {
        let tok = &t[end];
        let word = tok.kind == Kind::Word || tok.kind == Kind::Number || doc.is(end, '-');
        if !word {
            break;
        }
        if matches!(
            doc.lower(end, &mut buf),
            "who"
                | "which"
                | "that"
                | "and"
                | "or"
                | "said"
                | "says"
                | "told"
                | "is"
                | "was"
                | "has"
                | "had"
        ) {
            return None;
        }
        end += 1;
    }
    // The phrase ends at a comma, a period, a semicolon or a dash, and opens with an article.
    let closed = end < t.len() && [",", ".", ";", "—", "–", ")"].contains(&doc.tok(end));
    if end <= first + 1 || !closed || !matches!(doc.lower(first, &mut buf), "a" | "an" | "the") {
        return None;
    }
    // Its head: the last word before a preposition (`veterinarian | from Kiel`), or its last word.
    let head = (first + 1..end)
        .find(|&j| {
            matches!(
                doc.lower(j, &mut buf),
                "of" | "for" | "from" | "at" | "in" | "on" | "with"
            )
        })
        .map_or(end - 1, |j| j - 1);
    let person = is_role_tok(doc, head)
        .is_some_and(|r| r.kind == lexicon::RoleKind::Person && !r.plural && !r.group);
    if head <= first || !person {
        return None;
    }
    // The words as written, one space where any gap was (a pasted text may hold control characters there).
    let mut d = String::new();
    for (j, tok) in t.iter().enumerate().take(end).skip(first + 1) {
        if j > first + 1 && tok.space_before {
            d.push(' ');
        }
        d.push_str(doc.tok(j));
    }
    Some(d)
}

/// A party-and-state label's description: "D-Va." → "Virginia Democrat", "R-TX" → "Texas Republican", "I" →
/// "independent"; `None` unless the label is one.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn party_label(label: &str) -> Option<String> {
    let (party, state) = match label.split_once(['-', '–']) {
        Some((p, s)) => (p.trim(), Some(s.trim())),
        None => (label, None),
    };
    let party = match party {
        "D" => "Democrat",
        "R" => "Republican",
        "I" => "independent",
        _ => return None,
    };
    match state {
        None => Some(party.to_string()),
        Some(s) => lexicon::us_state(s).map(|full| format!("{full} {party}")),
    }
}

/// Whether token `e` is a capitalised noun for one person after a determiner and up to three capitalised modifiers:
/// `the Texas Democrat`, `the Kentucky Republican`, `the President`, `one Republican`, `a Texas Democrat`, `another
/// Democrat`. Such a phrase describes someone (named elsewhere or not at all), it is no name.
#[cfg_attr(whosaid_small, optimize(size))]
fn definite_person_noun(doc: &Document, e: usize, floor: usize) -> bool {
    let person = is_role_tok(doc, e)
        .is_some_and(|r| r.kind == lexicon::RoleKind::Person && !r.plural && !r.group);
    if !person {
        return false;
    }
    let mut buf = [0u8; 48];
    let mut a = e;
    while a > floor {
        let w = doc.lower(a - 1, &mut buf);
        if matches!(
            w,
            "the" | "a" | "an" | "one" | "another" | "each" | "every" | "no"
        ) {
            return true;
        }
        // (Lower-case modifiers too: "the ranking Democrat", "one well-connected Republican".)
        let modifier = !doc.is_capitalized(a - 1)
            && doc.tokens[a - 1].kind == Kind::Word
            && (MODIFIERS.contains(&w)
                || w.as_bytes().contains(&b'-')
                || w.len() > 5 && (w.ends_with("ing") || w.ends_with("ed")));
        if e - a >= 3 || !(doc.is_capitalized(a - 1) && !breaks_run(doc, a - 1) || modifier) {
            return false;
        }
        a -= 1;
    }
    false
}

/// Whether token `k` ("and", "a", "the") stands inside an organisation's name after its preposition: left of it,
/// over capitalised words (none for an article), "of" or "for" right after an organisation word ("Department of
/// Health | and Human Services", "Committee for | a Responsible Federal Budget").
#[cfg_attr(whosaid_small, optimize(size))]
fn org_preposition_before(doc: &Document, k: usize, floor: usize) -> bool {
    let mut buf = [0u8; 48];
    let article = matches!(doc.lower(k, &mut buf), "a" | "the");
    // ("the Department of Health and Tomas Brill": a given name after "and" opens another speaker's name.)
    if !article && lexicon::first_name_gender(doc.tok(k + 1)) != Gender::Unknown {
        return false;
    }
    let mut j = k;
    while !article
        && j > floor + 2
        && k - j < 4
        && doc.is_capitalized(j - 1)
        && !breaks_run(doc, j - 1)
    {
        j -= 1;
    }
    j > floor + 1
        && (j < k || article)
        && matches!(doc.lower(j - 1, &mut buf), "of" | "for")
        && lexicon::is_org_word(doc.tok(j - 2))
}

/// Whether token `k` is part of a number compound written with a hyphen, `61-year-old` (the tokens `61`, `-`,
/// `year-old`): the number before an attached hyphen and word, or that hyphen. Such a compound modifies a role noun
/// like any other hyphenated word ("the 61-year-old farmer", "a 10-year veteran").
fn in_number_compound(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens;
    let attached = |i: usize| i < t.len() && !t[i].space_before;
    let hyphen_at =
        |i: usize| doc.is(i, '-') && attached(i) && attached(i + 1) && t[i + 1].kind == Kind::Word;
    match t.get(k).map(|x| x.kind) {
        Some(Kind::Number) => hyphen_at(k + 1),
        _ => k > 0 && t[k - 1].kind == Kind::Number && hyphen_at(k),
    }
}

/// The role word that ends a run of one or two lower-case nouns from `k` ("talk radio | host", "radio | host").
fn role_after_nouns(doc: &Document, k: usize, ceil: usize) -> Option<usize> {
    let mut buf = [0u8; 48];
    for j in k..(k + 3).min(ceil) {
        if j > k && is_role_tok(doc, j).is_some() {
            return Some(j);
        }
        let w = doc.lower(j, &mut buf);
        if doc.tokens[j].kind != Kind::Word
            || doc.is_capitalized(j)
            || !is_compound_word(w) && !participle_before_role(doc, j, w)
            || DETERMINERS.contains(&w)
        {
            return None;
        }
    }
    None
}

/// A word in -ing right before a role noun modifies it: "the gambling tycoon", "a Canadian mining company", "a
/// fundraising email" (not one in -ed, a verb as often: "the senator emailed supporters").
#[cfg_attr(whosaid_small, optimize(size))]
fn participle_before_role(doc: &Document, k: usize, w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && is_role_tok(doc, k + 1).is_some()
}

/// A lower-case word that may stand inside a noun compound before its head ("base" in "the base chief"): not a
/// function word, a verb form, or an adverb.
#[cfg_attr(whosaid_small, optimize(size))]
fn is_compound_word(w: &str) -> bool {
    static STOP: WordList = word_list![
        "of", "to", "who", "whom", "that", "which", "and", "or", "but", "in", "at", "on", "with",
        "for", "from", "by", "as", "is", "was", "were", "are", "be", "been", "has", "had", "have",
        "will", "would", "could", "should", "may", "might", "can", "not", "known", "said", "says",
        "told", "also", "then", "now", "here", "there", "he", "she", "it", "they", "we", "i",
        "you", "his", "her", "its", "their", "our", "my", "your",
    ];
    w.len() > 1
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !STOP.contains(&w)
        && !w.ends_with("ing")
        && !w.ends_with("ed")
        && !w.ends_with("ly")
}

/// Interns a role word: the lexicon's own `&'static str` is not exposed, so keep the common ones here.
fn lexicon_role_name(w: &str) -> Option<&'static str> {
    const COMMON: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "minister",
        "adviser",
        "advisor",
        "aide",
        "president",
        "source",
        "sources",
        "leader",
        "chief",
        "head",
        "director",
        "secretary",
        "ambassador",
        "envoy",
        "negotiator",
        "governor",
        "senator",
        "lawmaker",
        "analyst",
        "expert",
        "prosecutor",
        "lawyer",
        "attorney",
    ];
    COMMON.iter().copied().find(|c| *c == w)
}

/// Extends a name mention leftwards over role/title words and capitalised organisation words:
/// "Kremlin spokesman | Dmitry Peskov", "Ukrainian Interior Ministry adviser | Anton Herashchenko".
#[cfg_attr(whosaid_small, optimize(size))]
fn extend_description_left(doc: &Document, m: &mut Mention, floor: usize) {
    let mut buf = [0u8; 48];
    let mut a = m.first;
    let mut has_role = m.description.is_some();
    while a > floor {
        let k = a - 1;
        // Only words extend a description (the role, title and modifier lists are words too).
        if doc.tokens[k].kind != Kind::Word {
            break;
        }
        let lw = doc.lower(k, &mut buf);
        // "the younger Okafor", "his older brother Ade Okafor": a word of family order.
        let order = is_order_word(lw)
            && (k > floor && doc.lower(k - 1, &mut [0u8; 48]) == "the"
                || kin_noun(doc.lower(a, &mut [0u8; 48])).is_some());
        let role = is_role_tok(doc, k).is_some() || is_title_tok(doc, k) || order;
        let ok = role
            || MODIFIERS.contains(&lw)
            || (doc.is_capitalized(k) && !breaks_run(doc, k))
            || doc.is_possessive(k)
            || (doc.tokens[k].kind == Kind::Word
                && lw.as_bytes().contains(&b'-')
                && lw.chars().all(|c| c.is_lowercase() || c == '-'));
        // (A headline's verb ends it: "Mayor Dunn Says | Ferry Fares Will Fall".)
        let ok = ok && !(doc.is_capitalized(k) && headline_verb(doc, k));
        // A lower-case noun inside a description that goes on to its left: "Senate minority leader",
        // "Clinton campaign spokesman".
        let inner_noun = !ok
            && has_role
            && k > floor
            && is_compound_word(lw)
            && doc.tokens[k].kind == Kind::Word
            && is_role_tok(doc, a).is_some()
            && !doc.is_capitalized(a)
            && (doc.is_capitalized(k - 1) && !breaks_run(doc, k - 1)
                || is_role_tok(doc, k - 1).is_some());
        if doc.tokens[k].para != doc.tokens[m.first].para {
            break;
        }
        if !ok && !inner_noun {
            // "Labour’s home affairs spokeswoman", "the agency’s health policy director": lower-case nouns between a
            // possessive and the role, read with the possessor.
            if !has_role {
                break;
            }
            let mut j = k;
            while j > floor && k - j < 3 && is_compound_word(doc.lower(j, &mut [0u8; 48])) {
                j -= 1;
            }
            if j < k && doc.is_possessive(j) {
                a = j;
                continue;
            }
            break;
        }
        has_role |= role;
        a = k;
    }
    // A possessive in front names an affiliation: `American Action Forum’s Douglas Holtz-Eakin`.
    let possessive = (a..m.first).any(|k| doc.is_possessive(k));
    if (has_role || possessive) && a < m.first {
        let name_start = m.name.map(|n| n.0).unwrap_or(m.first);
        if name_start > a {
            m.description = Some(doc.span_of(a, name_start - 1));
        }
        m.first = a;
        m.span = doc.span_of(a, m.last);
        if m.gender == Gender::Unknown {
            for k in a..name_start {
                if let Some(r) = is_role_tok(doc, k) {
                    if r.gender != Gender::Unknown {
                        m.gender = r.gender;
                    }
                }
            }
        }
    }
}

/// A possessive determiner that may open a description: "his", "her", "its", "their", "our".
pub fn is_possessive_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "its" | "their" | "our")
}

/// The noun phrase that starts at token `s` (an inverted subject, `said X`, or `according to X`), up to `ceil`
/// (exclusive).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn np_starting_at(doc: &Document, s: usize, ceil: usize) -> Option<Mention> {
    let ceil = ceil.min(doc.tokens.len());
    if s >= ceil {
        return None;
    }
    let mut buf = [0u8; 48];
    if let Some(p) = pronoun_at(doc, s, &["he", "she", "they", "it"]) {
        return p;
    }
    // Walk right over determiners, modifiers, role words and capitalised words, stopping at punctuation, verbs and
    // prepositions; then read the phrase back with np_ending_at from its last token.
    let mut e = s;
    let mut last_good = None;
    let mut unknown = 0;
    // Lower-case nouns in front of a title or role with no determiner: `said fire Capt. Ana Ruiz`, `said hospital
    // spokesperson Lee Chen` (they count only if a title, role or name follows).
    let mut premodifiers = 0;
    // A role's complement: the role before an "of" passed over, or the end of a phrase after its preposition.
    let (mut role_of, mut complement) = (None, None);
    let mut k = s;
    while k < ceil && k < s + 12 {
        let lw = doc.lower(k, &mut buf);
        let tok = &doc.tokens[k];
        // "said William F. Buckley, Jr.": a comma before a suffix stays in the name.
        let suffix_comma = lw == ","
            && k > s
            && k + 1 < doc.tokens.len()
            && name_suffix(doc.tok(k + 1)).is_some_and(|s| s == "jr" || s == "sr")
            && doc.is_capitalized(k - 1);
        let number_compound = in_number_compound(doc, k);
        // ("said the Ontario Nurses' Association".)
        let name_apostrophe = k > s && tok.kind != Kind::Word && possessive_in_name(doc, k);
        if k > s
            && tok.kind != Kind::Word
            && !name_apostrophe
            && !doc.is_possessive(k)
            && lw != "."
            && !suffix_comma
            && !number_compound
        {
            break;
        }
        // (An article after the phrase's first word opens another phrase: "told a news conference | the council
        // would …"; but "all the officials", "the the report", and "A." is an initial.)
        if k > s
            && matches!(doc.tok(k), "the" | "a" | "an")
            && !matches!(
                doc.lower(k - 1, &mut [0u8; 48]),
                "all" | "both" | "half" | "the" | "a"
            )
        {
            break;
        }
        if name_word(doc, k)
            || is_role_tok(doc, k).is_some()
            // ("said the 31-year-old".)
            || lw == "year-old" && k > s && in_number_compound(doc, k - 1)
        {
            last_good = Some(k);
        } else if k == s + premodifiers
            && premodifiers < 3
            && tok.kind == Kind::Word
            && !doc.is_capitalized(k)
            && !DETERMINERS.contains(&lw)
            && !MODIFIERS.contains(&lw)
            && is_compound_word(lw)
        {
            premodifiers += 1;
        } else if k == s
            && (DETERMINERS.contains(&lw)
                // (A possessive before a role: `said its chief executive Ann Lee`, `said his wife`; not before a
                // name, `according to his Facebook profile`.)
                || is_possessive_pronoun(lw) && !doc.is_capitalized(k + 1))
            || MODIFIERS.contains(&lw)
            || doc.is_possessive(k)
            || name_apostrophe
            || lw == "."
            || suffix_comma
            || number_compound
            || lw.as_bytes().contains(&b'-')
            || (k > s && PARTICLES.contains(&lw))
        {
        } else if k > s
            && doc.is_capitalized(k + 1)
            && (lw == "of" && (is_title_tok(doc, k - 1) || lexicon::is_org_word(doc.tok(k - 1)))
                || lw == "for"
                    && (lexicon::is_org_word(doc.tok(k - 1)) || is_title_tok(doc, k - 1))
                    && name_word(doc, k + 1))
        {
            // `said Former Secretary of State Madeleine Albright`: "of" inside a title or an organisation's name,
            // as in a name run; so "for" (`according to the Center for Responsive Politics`, `said Commissioner for
            // Human Rights Volker Türk`).
            if is_title_tok(doc, k - 1) {
                role_of = Some((k - 1, true));
            }
        } else if k > s
            && lw == "and"
            && doc.is_capitalized(k + 1)
            && org_preposition_before(doc, k, s)
        {
            // `according to the Centers for Disease Control and Prevention`: "and" after an organisation's
            // preposition, as `np_ending_at` reads it.
        } else if let Some(run) = lower_office_before_name(doc, k, s, ceil) {
            // `said former secretary of state Hillary Clinton`: a title in lower case with the "of" of its office
            // (`of state`, `of the interior`) goes on to the name after it.
            role_of = Some((k - 1, false));
            k += run;
        } else if k > s && doc.is_possessive(k - 1) && is_compound_word(lw) {
            // `said Labour’s home affairs spokeswoman Yvette Cooper`: nouns after a possessive, up to a role.
            while k + 1 < ceil
                && is_role_tok(doc, k + 1).is_none()
                && is_compound_word(doc.lower(k + 1, &mut [0u8; 48]))
            {
                k += 1;
            }
        } else if let Some(j) = (k > s
            && last_good == Some(k - 1)
            && (!doc.is_capitalized(k - 1) && is_role_tok(doc, k - 1).is_some_and(|r| !r.plural)
                || lexicon::is_demonym(doc.tok(k - 1))))
        .then(|| role_after_nouns(doc, k, ceil))
        .flatten()
        {
            // `according to conservative talk radio host Rush Limbaugh`, `said veteran radio host Ana Ruiz`, `said a
            // Canadian oil company`: a role word or a demonym as a modifier of nouns that end in a role goes on to
            // that role.
            k = j - 1;
        } else if k > s
            && (is_complement_preposition(lw)
                || matches!(lw, "from" | "by")
                    && is_role_tok(doc, k - 1).is_some_and(|r| r.kind == lexicon::RoleKind::Doc))
        {
            // "head of the Russian delegation", "a spokesman for the hospital", "a statement from the PM Office": a
            // role's phrase goes on over its preposition (a document's over its issuer's); anything else stops
            // before it.
            if last_good == Some(k - 1) && is_role_tok(doc, k - 1).is_some() {
                complement = np_starting_at(doc, k + 1, ceil).map(|c| c.last);
            }
            break;
        } else if k > s && doc.tokens[k].kind == Kind::Word && last_good.is_none() {
            // Unknown lower-case nouns after a determiner: "the company"; or the front of a compound whose head
            // is a role word: "the base chief", "a former senior law enforcement official".
            if !DETERMINERS.contains(&doc.lower(s, &mut [0u8; 48])) {
                break;
            }
            unknown += 1;
            if unknown > 3 {
                break;
            }
            if !is_compound_word(lw) && !participle_before_role(doc, k, lw) {
                // The noun before this word ends the phrase: "the company | said".
                if k > s + 1 && doc.tokens[k - 1].kind == Kind::Word {
                    last_good = Some(k - 1);
                }
                break;
            }
        } else {
            break;
        }
        e = k;
        k += 1;
    }
    let _ = e;
    let end = last_good?;
    let mut m = np_ending_at(doc, end, s)?;
    // `said the head of the Tarn delegation`, `said the head of Tarn Power`: the head, not what it heads (but
    // `Secretary of State Ann Lee`, `former secretary of state Ann Lee`).
    if let Some((r, _)) =
        role_of.filter(|&(r, capital)| m.kind != MentionKind::Name || capital && m.first > r)
    {
        complement = Some(m.last);
        m = np_ending_at(doc, r, s)?;
    }
    if let Some(c) = complement.filter(|_| matches!(m.kind, MentionKind::Role | MentionKind::Group))
    {
        m.last = c;
        m.span = doc.span_of(m.first, c);
        m.description = Some(m.span);
    }
    if m.first < s {
        return None;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<(String, Option<String>)> {
        let d = Document::new(t);
        find(&d)
            .iter()
            .map(|m| {
                (
                    m.name_span(&d).unwrap().text(t).to_string(),
                    m.description.map(|s| s.text(t).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn titles_and_demonyms_become_descriptions() {
        let n = names("Meanwhile Russian President Vladimir Putin met Belarusian Foreign Minister Vladimir Makei.");
        assert_eq!(
            n,
            [
                (
                    "Vladimir Putin".to_string(),
                    Some("Russian President".to_string())
                ),
                (
                    "Vladimir Makei".to_string(),
                    Some("Belarusian Foreign Minister".to_string())
                )
            ]
        );
    }

    #[test]
    fn subject_left_of_a_cue_with_role_words() {
        let t =
            "“Kharkiv is on fire,” Ukrainian Interior Ministry adviser Anton Herashchenko said.";
        let d = Document::new(t);
        let said = (0..d.tokens.len()).find(|&i| d.tok(i) == "said").unwrap();
        let m = np_ending_at(&d, said - 1, 0).unwrap();
        assert_eq!(m.kind, MentionKind::Name);
        assert_eq!(m.name_span(&d).unwrap().text(t), "Anton Herashchenko");
        assert_eq!(
            m.description.unwrap().text(t),
            "Ukrainian Interior Ministry adviser"
        );
    }

    #[test]
    fn role_and_group_phrases() {
        let t = "the Kremlin’s spokesperson told journalists. Ukrainian officials said so.";
        let d = Document::new(t);
        let told = (0..d.tokens.len()).find(|&i| d.tok(i) == "told").unwrap();
        let m = np_ending_at(&d, told - 1, 0).unwrap();
        assert_eq!(
            (m.kind, m.span.text(t)),
            (MentionKind::Role, "the Kremlin’s spokesperson")
        );
        let said = (0..d.tokens.len()).find(|&i| d.tok(i) == "said").unwrap();
        let m = np_ending_at(&d, said - 1, 0).unwrap();
        assert_eq!(
            (m.kind, m.span.text(t)),
            (MentionKind::Group, "Ukrainian officials")
        );
    }

    #[test]
    fn inverted_subject_after_the_cue() {
        let t = "“No,” said Kremlin spokesman Dmitry Peskov, adding more.";
        let d = Document::new(t);
        let said = (0..d.tokens.len()).find(|&i| d.tok(i) == "said").unwrap();
        let m = np_starting_at(&d, said + 1, d.tokens.len()).unwrap();
        assert_eq!(m.name_span(&d).unwrap().text(t), "Dmitry Peskov");
        assert_eq!(m.description.unwrap().text(t), "Kremlin spokesman");
    }

    #[test]
    fn abbreviated_titles_stay_with_the_name() {
        let t = "''They pay us,'' Mr. King said. Sen. Lindsey Graham (R-S.C.) agreed.";
        let d = Document::new(t);
        let said = (0..d.tokens.len()).find(|&i| d.tok(i) == "said").unwrap();
        let m = np_ending_at(&d, said - 1, 0).unwrap();
        assert_eq!(m.span.text(t), "Mr. King");
        assert_eq!(m.name_span(&d).unwrap().text(t), "King");
        let n = names(t);
        assert!(
            n.iter()
                .any(|(name, desc)| name == "Lindsey Graham" && desc.as_deref() == Some("Sen.")),
            "{n:?}"
        );
    }

    /// The name of the subject before the first "said" of `t`, and the whole phrase.
    fn subject(t: &str) -> (String, String) {
        let d = Document::new(t);
        let said = (0..d.tokens.len()).find(|&i| d.tok(i) == "said").unwrap();
        let m = np_ending_at(&d, said - 1, 0).unwrap();
        (
            m.name_span(&d).unwrap().text(t).to_string(),
            m.span.text(t).to_string(),
        )
    }

    /// The name after the first "said" of `t`.
    fn inverted(t: &str) -> String {
        let d = Document::new(t);
        let said = (0..d.tokens.len()).find(|&i| d.tok(i) == "said").unwrap();
        let m = np_starting_at(&d, said + 1, d.tokens.len()).unwrap();
        m.name_span(&d).unwrap().text(t).to_string()
    }

    #[test]
    fn particles_one_or_several_stay_in_the_name() {
        let n =
            names("Then Maria de la Cruz met Pieter van der Berg and Ana de los Santos in town.");
        let n: Vec<&str> = n.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            n,
            [
                "Maria de la Cruz",
                "Pieter van der Berg",
                "Ana de los Santos"
            ]
        );
        // A particle before a lower-case word, or more than three in a row, is no part of a name.
        let n = names("Then Maria de la casa left. Then Juan de la de la Cruz left.");
        let n: Vec<&str> = n.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(n, ["Maria", "Juan", "Cruz"]);
        assert_eq!(
            subject("Later Maria de la Cruz said no.").0,
            "Maria de la Cruz"
        );
        assert_eq!(subject("Van der Berg said no.").0, "Van der Berg");
        assert_eq!(subject("De la Cruz said no.").0, "De la Cruz");
        assert_eq!(subject("“No,” de la Cruz said.").0, "de la Cruz");
        assert_eq!(subject("“No,” van der Berg said.").0, "van der Berg");
        assert_eq!(subject("Then a van Driver said no.").0, "Driver");
        assert_eq!(inverted("“No,” said Ms. de la Cruz."), "de la Cruz");
    }

    #[test]
    fn hyphenated_particle_words_are_names() {
        // Inside a name or after a title; alone, a subject only ("al-Qaeda" in running text opens no name).
        let n = names(
            "Then President Bashar al-Assad spoke; later al-Assad left; Mr. al-Assad stayed.",
        );
        let n: Vec<&str> = n.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(n, ["Bashar al-Assad", "al-Assad"]);
        assert_eq!(subject("“No,” al-Assad said.").0, "al-Assad");
        // Lower case after the hyphen, or no particle before it: no name.
        assert!(
            names("It was an al-fresco lunch and an ad-Hoc plan, an e-Mail.")
                .iter()
                .all(|(n, _)| n != "al-fresco" && n != "e-Mail")
        );
        assert!(is_particle_word(&Document::new("el-Sisi"), 0));
        assert!(!is_particle_word(&Document::new("pre-War"), 0));
    }

    #[test]
    fn a_name_starts_after_the_last_title() {
        let n = names("Then South Carolina Sen. Lindsey Graham spoke.");
        assert_eq!(
            n,
            [(
                "Lindsey Graham".to_string(),
                Some("South Carolina Sen.".to_string())
            )]
        );
    }

    #[test]
    fn initials_and_suffixes_stay_in_the_name() {
        let n =
            names("Later Jock A. Finlayson and C. Stewart Verdery Jr. met Martin Luther King III.");
        assert_eq!(
            n.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            [
                "Jock A. Finlayson",
                "C. Stewart Verdery Jr",
                "Martin Luther King III"
            ]
        );
        assert_eq!(
            inverted("“Yes,” said Jock A. Finlayson, an economist."),
            "Jock A. Finlayson"
        );
        // The article "A" opening a sentence is no initial.
        let n = names("It was Smith. A. Jones came later.");
        assert_eq!(n[0].0, "Smith");
        // A suffix after a comma belongs to the name, whichever way it is read.
        let n = names("Then William F. Buckley, Jr. wrote it.");
        assert_eq!(n[0].0, "William F. Buckley, Jr");
        assert_eq!(
            subject("“Yes,” William F. Buckley, Jr. said.").0,
            "William F. Buckley, Jr"
        );
        assert_eq!(
            inverted("“Yes,” said William F. Buckley, Jr., then."),
            "William F. Buckley, Jr"
        );
        assert_eq!(name_suffix("Jr."), Some("jr"));
        assert_eq!(name_suffix("III"), Some("iii"));
        assert_eq!(name_suffix("Iii"), None);
        assert_eq!(name_suffix("jr"), None);
    }

    #[test]
    fn pronouns() {
        let t = "she said";
        let d = Document::new(t);
        let m = np_ending_at(&d, 0, 0).unwrap();
        assert_eq!((m.kind, m.gender), (MentionKind::Pronoun, Gender::Female));
    }
}
