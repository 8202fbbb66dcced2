//! The analysis result every stage builds toward, in byte offsets into the input text.
//!
//! The serialisable form with offsets in a chosen encoding lives in [`crate::output`].

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers (empty if the span is out of range or not on char boundaries).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// How a quotation renders the speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The quoted passage (with its marks) is the speech.
    Direct,
    /// Reported speech that contains a quoted fragment; the span is the reported clause.
    Mixed,
    /// Reported speech with no quotation marks (`X said that …`, `according to X, …`).
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What kind of thing a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    Person,
    Organisation,
    /// Plural or anonymous groups: "officials", "sources", "Ukrainian officials".
    Group,
    Unknown,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Group => "group",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// Grammatical gender as far as the text tells it (from pronouns, titles, first names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
            Gender::Unknown => "unknown",
        }
    }
}

/// One quotation with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The whole quotation; for a direct quote this includes the marks.
    pub span: Span,
    /// The cue word(s): "said", "told reporters", "according to", or the colon/dash.
    pub cue: Option<Span>,
    /// The speaker mention as written where it is attributed ("he", "the Kremlin spokesman").
    pub speaker: Option<Span>,
    /// Index into [`Analysis::speakers`].
    pub speaker_id: Option<usize>,
    /// 0..1, how sure the attribution is (see the eval's calibration report).
    pub confidence: f32,
    /// The sieve that attributed the quote (for error analysis).
    pub sieve: &'static str,
    /// A quote interrupted by its cue (`“A,” X said. “B.”`) spans A to B; these are the quoted parts A and B.
    /// Empty for a quote in one piece.
    pub parts: Vec<Span>,
}

/// One entity that speaks in the article, with every way the article names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The fullest name the article gives.
    pub name: String,
    pub kind: SpeakerKind,
    pub gender: Gender,
    /// Other surface forms that refer to the speaker (surname, title + surname, spelling variants).
    pub aliases: Vec<String>,
    /// Descriptions the article gives ("head of the Russian delegation", "Kremlin spokesman").
    pub descriptions: Vec<String>,
    /// Every mention of the speaker found in the text (names, pronouns, role nouns).
    pub mentions: Vec<Span>,
    /// How many quotes are attributed to the speaker.
    pub quotes: usize,
}

/// What a pair of quotation marks holds (how it is decided: [`crate::quotations`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuotationKind {
    /// Attributed speech, or dialogue.
    Speech,
    /// A scare quote, a so-called term, a word as a word, a nickname.
    Term,
    /// The name of a work, a headline, a slogan.
    Title,
}

impl QuotationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuotationKind::Speech => "speech",
            QuotationKind::Term => "term",
            QuotationKind::Title => "title",
        }
    }
}

/// One pair of quotation marks as found, whatever it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// 0 for a pair inside no other, else one more than the pair it is inside.
    pub depth: usize,
    /// Index into [`Analysis::quotations`] of the pair it is inside.
    pub parent: Option<usize>,
    /// Index into [`Analysis::quotes`] of the attributed quote it is part of.
    pub quote: Option<usize>,
    pub kind: QuotationKind,
}

/// The result of analysing one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    /// Every pair of quotation marks, in text order (an outer pair before the pairs inside it).
    pub quotations: Vec<Quotation>,
}
