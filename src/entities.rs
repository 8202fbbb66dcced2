//! Entity stage: the mentions of one entity within an article become one speaker.
//!
//! - Names: a full name opens an entity; a later surname, title + surname, or spelling variant (Zelensky / Zelenskyy)
//!   joins the entity with that surname mentioned last. Different first names with one surname stay apart.
//! - Pronouns: he/she take the nearest earlier person of a compatible gender, preferring the subject (first person
//!   mentioned) of the nearest sentence; they/it take the nearest group or organisation.
//! - Roles: "the Kremlin spokesman" / "the spokesman" join the person the article introduced with that role word;
//!   otherwise the role is a speaker of its own ("a source", "Ukrainian officials").
//! - Floating quotes share the entity of the quote they continue.
//!
//! Only entities that are quoted become speakers in the output.

use std::borrow::Cow;

use crate::attribution::Attribution;
use crate::lexicon::{self, FxMap};
use crate::mentions::{Mention, MentionKind};
use crate::model::{Analysis, Gender, Quote, Span, Speaker, SpeakerKind};
use crate::text::{Document, Kind};

struct Entity {
    kind: SpeakerKind,
    gender: Gender,
    /// Name word tokens of the fullest name seen (surface strings).
    full: Vec<String>,
    /// Normalised first name (if a full name was seen), as an index into [`Resolver::key_text`].
    first_key: Option<u32>,
    aliases: Vec<String>,
    descriptions: Vec<String>,
    /// For each description, the roots of its words ([`role_roots`]), to match role phrases against.
    desc_roots: Vec<Vec<String>>,
    mentions: Vec<Span>,
    quotes: usize,
    /// Token index of the latest mention (for recency).
    last_seen: usize,
}

/// Builds the speakers and the final quotes.
pub fn resolve(doc: &Document, names: &[Mention], attributions: Vec<Attribution>) -> Analysis {
    resolve_names(doc, names, attributions)
}

/// [`resolve`] with the name mentions from any iterator in text order ([`crate::mentions::names`] saves holding
/// them all).
pub fn resolve_names<'a, M: std::borrow::Borrow<Mention>>(
    doc: &Document<'a>,
    names: impl IntoIterator<Item = M>,
    attributions: Vec<Attribution>,
) -> Analysis {
    let mut linker = Linker::new(doc.text);
    linker.add(doc, names, attributions);
    linker.finish()
}

/// The entity stage over a text analysed a section at a time ([`Document::new_range`]), each section's
/// [`Linker::add`]ed in text order: it reads what it needs of a section's document while that is at hand, so that
/// the sections' documents need not be kept, and [`Linker::finish`] gives what [`resolve`] gives for the whole text.
pub struct Linker<'a> {
    r: Resolver<'a>,
    /// The final quotes, each as its attribution gave it: [`Linker::finish`] fills in their speakers.
    quotes: Vec<Quote>,
    /// For each quote: what the entity stage reads of its attribution and speaker mention.
    speaking: Vec<Speaking>,
    /// Sentences in the sections added so far.
    sentences: usize,
    /// The name words of a name mention.
    buf: Vec<&'a str>,
}

/// A span of the text in 32 bits (texts are cut to 4 GiB, [`crate::text::u32_limit`]). What the linker keeps for each
/// quote until [`Linker::finish`] is kept small: quote-dense text has a quote every 80 bytes or so, and an
/// [`Attribution`] with its [`Mention`] is about 250 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    fn of(s: Span) -> Span32 {
        Span32 {
            start: s.start as u32,
            end: s.end as u32,
        }
    }
    fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    fn text(self, text: &str) -> &str {
        self.span().text(text)
    }
}

/// What the entity stage reads of a mention after its section (the rest of a [`Mention`] is token indexes into that
/// section's document).
#[derive(Debug, Clone, Copy)]
struct Facts {
    kind: MentionKind,
    gender: Gender,
    plural: bool,
    /// The phrase is more than one token.
    several: bool,
    /// The whole phrase.
    span: Span32,
    description: Option<Span32>,
}

impl Facts {
    fn of(m: &Mention) -> Facts {
        Facts {
            kind: m.kind,
            gender: m.gender,
            plural: m.plural,
            several: m.first < m.last,
            span: Span32::of(m.span),
            description: m.description.map(Span32::of),
        }
    }
}

/// What the entity stage needs of an attribution and its speaker mention, read from its section's document.
struct Speaking {
    /// The speaker mention, if the attribution has one.
    mention: Option<Facts>,
    /// The attribution whose speaker this one shares (a floating quote's), counted over all sections.
    same_as: Option<u32>,
    /// The mention's name words without possessive endings (`Resolver::words[words.0..words.1]`).
    words: (u32, u32),
    /// The mention's name span, or else its phrase's.
    name_span: Span32,
    /// The byte offset of the mention's first token: its place in text order.
    pos: u32,
    /// The sentence of the mention's first token (counted over all sections).
    sent: u32,
    /// The mention's first and last tokens.
    first_word: Span32,
    last_word: Span32,
    /// The sentence at the start of the attribution (counted over all sections).
    start_sent: u32,
}

impl<'a> Linker<'a> {
    /// A linker for sections of `text` (the whole text, which every section's document is a part of).
    pub fn new(text: &'a str) -> Self {
        Linker {
            r: Resolver {
                text,
                entities: Vec::new(),
                by_last: Vec::new(),
                by_org: FxMap::default(),
                by_root: FxMap::default(),
                name_events: Vec::new(),
                keys: FxMap::default(),
                key_ids: FxMap::default(),
                key_text: Vec::new(),
                words: Vec::new(),
                scratch: String::new(),
            },
            quotes: Vec::new(),
            speaking: Vec::new(),
            sentences: 0,
            buf: Vec::new(),
        }
    }

    /// The next section: its document, its name mentions in text order, and its attributions (whose `same_as`
    /// links count within the section).
    pub fn add<M: std::borrow::Borrow<Mention>>(
        &mut self,
        doc: &Document<'a>,
        names: impl IntoIterator<Item = M>,
        attributions: Vec<Attribution>,
    ) {
        let r = &mut self.r;
        let base = self.sentences;
        // A mention's place in text order (the offset of its first token) and its sentence over all sections.
        let place = |m: &Mention| {
            (
                doc.tokens[m.first].start as usize,
                base + doc.sent_of[m.first] as usize,
            )
        };
        // 1. Entities from every proper-name mention, in text order.
        let mut words = std::mem::take(&mut self.buf);
        for m in names {
            let m = m.borrow();
            words.clear();
            push_name_words(doc, m, &mut words);
            if !words.is_empty() {
                let (pos, sent) = place(m);
                let span = m.name_span(doc).unwrap_or(m.span);
                let e = r.link_name_words(&Facts::of(m), &words, span, pos);
                r.name_events.push(NameEvent {
                    pos: pos as u32,
                    entity: e as u32,
                    first: sentence_first(doc, m),
                    sent: sent as u32,
                });
            }
        }
        self.buf = words;
        // What step 2 reads of each attribution's speaker; the quote as it will be output, but for its speaker.
        let offset = self.quotes.len();
        let last = doc.tokens.len().saturating_sub(1);
        let tok = |k: usize| Span32::of(doc.tokens[k].span());
        let speaking = &mut self.speaking;
        // Made in place of the attributions (a quote is smaller): a text of one long paragraph is one section, whose
        // attributions would otherwise stand beside its quotes.
        let quotes: Vec<Quote> = (attributions.into_iter())
            .map(|a| {
                let start_tok = doc.token_at_or_after(a.span.start).min(last);
                let start_sent = base + doc.sent_of.get(start_tok).map_or(0, |&s| s as usize);
                let same_as = a.same_as.map(|s| (s + offset) as u32);
                let (sp, shown) = match &a.mention {
                    Some(m) => {
                        let w0 = r.words.len();
                        push_name_words(doc, m, &mut r.words);
                        let name = m.name_span(doc);
                        let (pos, sent) = place(m);
                        let speaking = Speaking {
                            mention: Some(Facts::of(m)),
                            same_as,
                            words: (w0 as u32, r.words.len() as u32),
                            name_span: Span32::of(name.unwrap_or(m.span)),
                            pos: pos as u32,
                            sent: sent as u32,
                            first_word: tok(m.first),
                            last_word: tok(m.last),
                            start_sent: start_sent as u32,
                        };
                        (speaking, Some(m.via.or(name).unwrap_or(m.span)))
                    }
                    None => {
                        let none = Span32 { start: 0, end: 0 };
                        let speaking = Speaking {
                            mention: None,
                            same_as,
                            words: (0, 0),
                            name_span: Span32::of(a.span),
                            pos: 0,
                            sent: 0,
                            first_word: none,
                            last_word: none,
                            start_sent: start_sent as u32,
                        };
                        (speaking, None)
                    }
                };
                speaking.push(sp);
                Quote {
                    kind: a.kind,
                    span: a.span,
                    cue: a.cue,
                    speaker: shown,
                    speaker_id: None,
                    confidence: a.confidence.clamp(0.0, 1.0),
                    sieve: a.sieve,
                    parts: a.parts,
                }
            })
            .collect();
        if self.quotes.is_empty() {
            self.quotes = quotes;
        } else {
            self.quotes.extend(quotes);
        }
        self.sentences += doc.sentences.len();
    }

    /// The speakers and the final quotes of all the sections added.
    pub fn finish(self) -> Analysis {
        let Linker {
            mut r,
            mut quotes,
            speaking,
            ..
        } = self;
        // 2. Each attribution's speaker.
        let mut entity_of: Vec<Option<usize>> = Vec::with_capacity(speaking.len());
        for (i, sp) in speaking.iter().enumerate() {
            let e = match (&sp.mention, sp.same_as) {
                (Some(m), _) => r.link_speaker(m, &speaking, &entity_of, i),
                (None, Some(src)) if (src as usize) < i => entity_of[src as usize],
                _ => None,
            };
            entity_of.push(e);
        }
        // `same_as` may point forward (a quote before the attributed one in its paragraph).
        for i in 0..speaking.len() {
            if entity_of[i].is_none() {
                if let Some(src) = speaking[i].same_as {
                    entity_of[i] = entity_of.get(src as usize).copied().flatten();
                }
            }
        }
        // 3. Output: quoted entities only, numbered by first quote.
        let mut out_id: Vec<Option<usize>> = vec![None; r.entities.len()];
        let mut speakers = Vec::new();
        for (i, sp) in speaking.iter().enumerate() {
            let speaker_id = entity_of[i].map(|e| {
                *out_id[e].get_or_insert_with(|| {
                    speakers.push(e);
                    speakers.len() - 1
                })
            });
            if let Some(e) = entity_of[i] {
                r.entities[e].quotes += 1;
            }
            quotes[i].speaker_id = speaker_id;
            // A floating quote names its speaker through the quote it continues (as that one's mention shows it:
            // a quote with a mention keeps the speaker it was given in `add`).
            if sp.mention.is_none() {
                let src = sp.same_as.map(|s| s as usize);
                if let Some(s) =
                    src.filter(|&s| speaking.get(s).is_some_and(|x| x.mention.is_some()))
                {
                    quotes[i].speaker = quotes[s].speaker;
                }
            }
        }
        drop((speaking, entity_of, out_id));
        // The quotes may stand in a buffer made for the attributions of a section: what they do not use goes.
        quotes.shrink_to_fit();
        // Each speaker takes its entity's lists (an entity is one speaker at most, and the entities go after this).
        let speakers = speakers
            .into_iter()
            .map(|e| {
                let ent = &mut r.entities[e];
                let name = ent.full.join(" ");
                let mut aliases = std::mem::take(&mut ent.aliases);
                aliases.retain(|a| *a != name);
                Speaker {
                    name,
                    kind: ent.kind,
                    gender: ent.gender,
                    aliases,
                    descriptions: std::mem::take(&mut ent.descriptions),
                    mentions: std::mem::take(&mut ent.mentions),
                    quotes: ent.quotes,
                }
            })
            .collect();
        Analysis { quotes, speakers }
    }
}

/// The name words of mention `m` (none unless it has a name), without possessive endings, onto `words`.
fn push_name_words<'a>(doc: &Document<'a>, m: &Mention, words: &mut Vec<&'a str>) {
    if let Some((a, b)) = m.name {
        words.extend(
            (a..=b)
                .filter(|&k| doc.tokens[k].kind == Kind::Word && !matches!(doc.tok(k), "’s" | "'s"))
                .map(|k| doc.tok(k)),
        );
    }
}

/// A name mention linked to an entity, for pronouns to look back at (one per name mention of the text: 32 bits a
/// field).
struct NameEvent {
    /// Byte offset of its first token.
    pos: u32,
    entity: u32,
    /// It is the first name of its sentence.
    first: bool,
    /// Its sentence, counted over all sections.
    sent: u32,
}

/// Whether mention `m` is the first name mention of its sentence (a rough subject test).
fn sentence_first(doc: &Document, m: &Mention) -> bool {
    let s = doc.sentence_of(m.first);
    !(s.tok_start..m.first)
        .any(|k| doc.is_capitalized(k) && k > s.tok_start && doc.tokens[k].kind == Kind::Word)
}

struct Resolver<'a> {
    /// The whole text (spans are offsets into it).
    text: &'a str,
    entities: Vec<Entity>,
    /// For each key in `key_text`, the entities with it as their surname.
    by_last: Vec<Vec<usize>>,
    by_org: FxMap<String, usize>,
    /// For each root of a description's words ([`role_roots`]), the entities with such a description, in entity
    /// order: the persons a role phrase may name.
    by_root: FxMap<String, Vec<usize>>,
    /// Every name mention linked, in text order.
    name_events: Vec<NameEvent>,
    /// Each name word seen → the index of its [`name_key`] in `key_text` (names recur through an article, so a
    /// word's key is computed once, and keys compare as numbers).
    keys: FxMap<&'a str, u32>,
    /// Each distinct key → its index in `key_text` (spelling variants share one).
    key_ids: FxMap<String, u32>,
    key_text: Vec<String>,
    /// The name words of the speaker mentions ([`Speaking::words`]).
    words: Vec<&'a str>,
    /// A buffer for org keys.
    scratch: String,
}

impl<'a> Resolver<'a> {
    /// The index of [`name_key`]`(w)` in `key_text`, computed once per distinct word.
    fn key(&mut self, w: &'a str) -> u32 {
        if let Some(&id) = self.keys.get(w) {
            return id;
        }
        let k = name_key(w);
        let id = match self.key_ids.get(&k) {
            Some(&id) => id,
            None => {
                let id = self.key_text.len() as u32;
                self.key_text.push(k.clone());
                self.by_last.push(Vec::new());
                self.key_ids.insert(k, id);
                id
            }
        };
        self.keys.insert(w, id);
        id
    }

    /// Links a name mention whose name words are `words` (not empty) to an entity, new or known. `span` is its name
    /// span (or its phrase's) and `pos` its place in text order (the offset of its first token).
    fn link_name_words(&mut self, m: &Facts, words: &[&'a str], span: Span, pos: usize) -> usize {
        let e = if m.kind == MentionKind::Org {
            // The words' keys joined by spaces.
            let mut scratch = std::mem::take(&mut self.scratch);
            scratch.clear();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    scratch.push(' ');
                }
                let id = self.key(w);
                scratch.push_str(&self.key_text[id as usize]);
            }
            let e = match self.by_org.get(scratch.as_str()) {
                Some(&e) => e,
                None => {
                    let e = self.new_entity(
                        SpeakerKind::Organisation,
                        Gender::Unknown,
                        words,
                        None,
                        None,
                    );
                    self.by_org.insert(scratch.clone(), e);
                    e
                }
            };
            self.scratch = scratch;
            e
        } else {
            let last_key = self.key(words.last().expect("non-empty"));
            let first_key = (words.len() > 1).then(|| self.key(words[0]));
            let compatible = self.by_last[last_key as usize]
                .iter()
                .copied()
                .filter(|&e| match (first_key, self.entities[e].first_key) {
                    (Some(a), Some(b)) => {
                        a == b
                            || first_names_match(
                                &self.key_text[a as usize],
                                &self.key_text[b as usize],
                            )
                    }
                    _ => true,
                })
                .max_by_key(|&e| self.entities[e].last_seen);
            match compatible {
                Some(e) => {
                    if self.entities[e].kind == SpeakerKind::Unknown
                        && (words.len() > 1 || m.description.is_some())
                    {
                        self.entities[e].kind = SpeakerKind::Person;
                    }
                    if words.len() > self.entities[e].full.len() {
                        self.entities[e].full = words.iter().map(|w| w.to_string()).collect();
                        self.entities[e].first_key = first_key;
                    }
                    e
                }
                None => {
                    let g = if m.gender != Gender::Unknown {
                        m.gender
                    } else {
                        lexicon::first_name_gender(words[0])
                    };
                    let g = if words.len() > 1 { g } else { m.gender };
                    // A lone capitalised word with no title in front may be a place or a body ("Moscow", "Ukraine").
                    let kind = if words.len() == 1 && m.description.is_none() {
                        SpeakerKind::Unknown
                    } else {
                        SpeakerKind::Person
                    };
                    self.new_entity(kind, g, words, Some(last_key), first_key)
                }
            }
        };
        let ent = &mut self.entities[e];
        // The surface form, `words.join(" ")`, compared without building it.
        if !ent.aliases.iter().any(|a| is_joined(a, words)) {
            ent.aliases.push(words.join(" "));
        }
        if let Some(d) = m.description {
            let d = clean_description(d.text(self.text));
            if !d.is_empty() && !ent.descriptions.iter().any(|x| *x == d) {
                self.add_description(e, d.into_owned());
            }
        }
        let ent = &mut self.entities[e];
        if ent.gender == Gender::Unknown {
            ent.gender = m.gender;
        }
        ent.mentions.push(span);
        ent.last_seen = pos;
        e
    }

    /// Adds description `d` to entity `e`, which [`Resolver::by_root`] then lists under each root of its words.
    fn add_description(&mut self, e: usize, d: String) {
        let roots = role_roots(&d);
        for r in &roots {
            let list = self.by_root.entry(r.clone()).or_default();
            if let Err(k) = list.binary_search(&e) {
                list.insert(k, e);
            }
        }
        let ent = &mut self.entities[e];
        ent.desc_roots.push(roots);
        ent.descriptions.push(d);
    }

    fn new_entity(
        &mut self,
        kind: SpeakerKind,
        gender: Gender,
        words: &[&str],
        last_key: Option<u32>,
        first_key: Option<u32>,
    ) -> usize {
        let e = self.entities.len();
        self.entities.push(Entity {
            kind,
            gender,
            full: words.iter().map(|w| w.to_string()).collect(),
            first_key,
            aliases: Vec::new(),
            descriptions: Vec::new(),
            desc_roots: Vec::new(),
            mentions: Vec::new(),
            quotes: 0,
            last_seen: 0,
        });
        // Persons and lone names are found again by surname (organisations and roles have none).
        if let Some(k) =
            last_key.filter(|_| matches!(kind, SpeakerKind::Person | SpeakerKind::Unknown))
        {
            self.by_last[k as usize].push(e);
        }
        e
    }

    /// The entity of attribution `i`'s speaker mention `m` (`speaking[i]`), given those of the attributions before.
    fn link_speaker(
        &mut self,
        m: &Facts,
        speaking: &[Speaking],
        entity_of: &[Option<usize>],
        i: usize,
    ) -> Option<usize> {
        let sp = &speaking[i];
        match m.kind {
            MentionKind::Name | MentionKind::Org => {
                // Linking adds the mention's description (an appositive read by the sieve) too.
                let (a, b) = (sp.words.0 as usize, sp.words.1 as usize);
                if a == b {
                    return None;
                }
                let words = std::mem::take(&mut self.words);
                let e = self.link_name_words(m, &words[a..b], sp.name_span.span(), sp.pos as usize);
                self.words = words;
                Some(e)
            }
            MentionKind::Pronoun => self.resolve_pronoun(m, speaking, entity_of, i),
            MentionKind::Role | MentionKind::Group => Some(self.resolve_role(m, sp)),
        }
    }

    fn resolve_pronoun(
        &mut self,
        m: &Facts,
        speaking: &[Speaking],
        entity_of: &[Option<usize>],
        i: usize,
    ) -> Option<usize> {
        let sp = &speaking[i];
        let w = sp.first_word.text(self.text).to_lowercase();
        // Possessive speakers (`his claim`, `their calls`) resolve as their subject forms.
        let w = match w.as_str() {
            "his" => "he".to_string(),
            "her" => "she".to_string(),
            "their" => "they".to_string(),
            "its" => "it".to_string(),
            _ => w,
        };
        let want_person = matches!(w.as_str(), "he" | "she");
        let compatible = |ent: &Entity| -> bool {
            if want_person {
                // A lone surname of unknown kind ("Rhimes declared …") may be a person; places are in the lexicon's
                // not-name list and stay out.
                let maybe_person = ent.kind == SpeakerKind::Unknown
                    && ent.full.len() == 1
                    && ent.full[0].chars().next().is_some_and(|c| c.is_uppercase())
                    && !lexicon::not_name_word(&ent.full[0])
                    && !lexicon::is_demonym(&ent.full[0]);
                (ent.kind == SpeakerKind::Person || maybe_person)
                    && (ent.gender == Gender::Unknown || ent.gender == m.gender)
            } else {
                ent.kind != SpeakerKind::Person || w == "they" && ent.kind == SpeakerKind::Group
            }
        };
        let sent_idx = sp.sent as usize;
        // Nearest sentence first; within it, the first compatible name (the subject).
        let lo = sent_idx.saturating_sub(4);
        let start = self
            .name_events
            .partition_point(|ev| (ev.sent as usize) < lo);
        let end = self.name_events.partition_point(|ev| ev.pos < sp.pos);
        let mut best: Option<(usize, usize)> = None; // (sentence, entity)
        for ev in &self.name_events[start..end] {
            let (e, s) = (ev.entity as usize, ev.sent as usize);
            if !compatible(&self.entities[e]) || !ev.first && best.is_some_and(|(bs, _)| bs == s) {
                continue;
            }
            match best {
                Some((bs, _)) if bs >= s => {}
                _ => best = Some((s, e)),
            }
        }
        // The previous quote's speaker, if compatible and recent, wins over a mere mention in an earlier sentence.
        let prev_speaker = (0..i).rev().take(3).find_map(|j| {
            let e = entity_of[j]?;
            let near = speaking[j].start_sent as usize + 3 >= sent_idx;
            (near && compatible(&self.entities[e])).then_some(e)
        });
        let e = match (best, prev_speaker) {
            (Some((s, e)), Some(p)) => {
                if s == sent_idx {
                    e
                } else {
                    p
                }
            }
            (Some((_, e)), None) => e,
            (None, Some(p)) => p,
            (None, None) => return None,
        };
        let ent = &mut self.entities[e];
        if ent.gender == Gender::Unknown && want_person {
            ent.gender = m.gender;
        }
        ent.mentions.push(m.span.span());
        Some(e)
    }

    fn resolve_role(&mut self, m: &Facts, sp: &Speaking) -> usize {
        let text = m.span.text(self.text);
        let desc = clean_description(text).into_owned();
        let head = sp.last_word.text(self.text).to_lowercase();
        let definite = words_of(text).next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the" | "this" | "that" | "these" | "those"
            )
        }) || (m.several
            && sp
                .first_word
                .text(self.text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase()));
        // A person the article introduced with this role word.
        if !m.plural && definite {
            // Score by how many of the role phrase's words the description shares ("the Ukrainian president" prefers
            // "Ukrainian President" over "Russian President"), then by recency.
            let words: Vec<String> = desc
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 1)
                .map(|w| w.to_lowercase())
                .collect();
            // `role_matches(d, x)` for a description d is whether d's word roots include x's root.
            let head_root = role_root(&head);
            let word_roots: Vec<String> = words.iter().map(|w| role_root(w)).collect();
            // Only entities with a description of that root can match (in entity order, as ties go to the last).
            let candidates = self.by_root.get(head_root.as_str()).map_or(&[][..], |v| v);
            let found = candidates
                .iter()
                .map(|&i| (i, &self.entities[i]))
                .filter(|(_, e)| e.kind == SpeakerKind::Person && e.full.len() > 1)
                .filter_map(|(i, e)| {
                    let best = e
                        .desc_roots
                        .iter()
                        .filter(|roots| roots.contains(&head_root))
                        .map(|roots| word_roots.iter().filter(|w| roots.contains(w)).count())
                        .max()?;
                    Some((i, best, e.last_seen))
                })
                .filter(|&(_, score, _)| {
                    // Every modifier the role phrase has must be in the description, or none of them given.
                    score >= words.len().clamp(1, 2)
                })
                .max_by_key(|&(_, score, seen)| (score, seen))
                .map(|(i, _, _)| i);
            if let Some(e) = found {
                if !self.entities[e].descriptions.contains(&desc)
                    && desc.split_whitespace().count() > 1
                {
                    self.add_description(e, desc.clone());
                }
                self.entities[e].mentions.push(m.span.span());
                self.entities[e].last_seen = sp.pos as usize;
                return e;
            }
            // The same role mentioned before ("the spokesman … the spokesman").
            let key = format!("role:{desc}");
            if let Some(&e) = self.by_org.get(&key) {
                self.entities[e].mentions.push(m.span.span());
                return e;
            }
        }
        // A role noun names a person ("the spokesman"); any other noun a thing that speaks ("the letter", "the ad").
        let kind = if m.kind == MentionKind::Group {
            SpeakerKind::Group
        } else if lexicon::role_noun(&head).is_some() {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        };
        let e = self.new_entity(kind, m.gender, &[desc.as_str()], None, None);
        self.by_org.insert(format!("role:{desc}"), e);
        self.entities[e].mentions.push(m.span.span());
        self.entities[e].last_seen = sp.pos as usize;
        e
    }
}

/// Whether a description names the role `head` (spokesman ~ spokesperson ~ spokeswoman).
#[cfg(test)]
fn role_matches(desc: &str, head: &str) -> bool {
    let h = role_root(head);
    desc.split(|c: char| !c.is_alphanumeric())
        .any(|w| role_root(w) == h)
}

/// The roots of the words of a description, as `role_matches` compares them (empty words left out: a role word
/// is never empty).
fn role_roots(desc: &str) -> Vec<String> {
    desc.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(role_root)
        .collect()
}

/// A word lower-cased, with the variants of a role folded (spokesman ~ spokesperson ~ spokeswoman).
fn role_root(w: &str) -> String {
    let w = w.to_lowercase();
    for (a, b) in [
        ("spokeswoman", "spokes"),
        ("spokesperson", "spokes"),
        ("spokesman", "spokes"),
        ("advisor", "adviser"),
    ] {
        if w == a {
            return b.to_string();
        }
    }
    w
}

/// The words of `s`: control and zero-width characters part words as the tokenizer reads them, so they part them
/// here as spaces do (a description never carries a NUL into a speaker's name).
fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| {
        // For ASCII, whitespace or control is `c <= ' ' || c == '\x7f'`, without the Unicode tables.
        if c.is_ascii() {
            c <= ' ' || c == '\x7f'
        } else {
            c.is_whitespace() || c.is_control() || crate::text::is_invisible(c)
        }
    })
    .filter(|w| !w.is_empty())
}

/// Whether `s` is `words.join(" ")`.
fn is_joined(s: &str, words: &[&str]) -> bool {
    if s.len() + 1 != words.iter().map(|w| w.len() + 1).sum::<usize>() {
        return false;
    }
    let mut rest = s;
    for (i, w) in words.iter().enumerate() {
        let r = if i > 0 {
            rest.strip_prefix(' ')
        } else {
            Some(rest)
        };
        match r.and_then(|r| r.strip_prefix(w)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Strips determiners, "who" and surrounding punctuation from a description, and joins its words by single spaces:
/// a slice of `s` when its words are so joined already (they mostly are), else a new string.
fn clean_description(s: &str) -> Cow<'_, str> {
    let s = s
        .trim()
        .trim_matches(|c: char| c == ',' || c == '(' || c == ')' || c.is_whitespace());
    // `eq_ignore_ascii_case` is `to_lowercase() ==` here: the one non-ASCII char that lower-cases to an ASCII
    // letter is the Kelvin sign (k), which none of these words has.
    let mut words = words_of(s).skip_while(|w| {
        ["a", "an", "the", "who", "which", "is", "was"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
    });
    let Some(first) = words.next() else {
        return Cow::Borrowed("");
    };
    // Byte offsets in `s` (the words are slices of it).
    let offset = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize;
    let (start, mut end) = (offset(first), offset(first) + first.len());
    for w in words.by_ref() {
        if offset(w) != end + 1 || s.as_bytes()[end] != b' ' {
            // Some other separator: join the words anew.
            let mut out = s[start..end].to_string();
            for w in std::iter::once(w).chain(words) {
                out.push(' ');
                out.push_str(w);
            }
            return Cow::Owned(out);
        }
        end = offset(w) + w.len();
    }
    Cow::Borrowed(&s[start..end])
}

/// A spelling-tolerant key for a name word: lower case, no diacritics, transliteration variants folded
/// (Zelenskyy/Zelensky, Podoliak/Podolyak, Mykhailo/Mikhailo).
pub fn name_key(w: &str) -> String {
    if w.is_ascii() {
        // The same steps on bytes, in one buffer (the general path below gives the same for ASCII).
        let mut b: Vec<u8> = w
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        replace_pair(&mut b, *b"kh", b'h');
        replace_pair(&mut b, *b"ck", b'k');
        replace_pair(&mut b, *b"ph", b'f');
        let (mut n, mut prev) = (0, 0u8);
        for r in 0..b.len() {
            let c = match b[r] {
                b'y' | b'j' => b'i',
                b'w' => b'v',
                c => c,
            };
            if c != prev {
                b[n] = c;
                n += 1;
            }
            prev = c;
        }
        b.truncate(n);
        return String::from_utf8(b).unwrap_or_default();
    }
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii() {
            // The general path below gives the same for ASCII, without the Unicode tables.
            if c.is_ascii_alphanumeric() {
                s.push(c.to_ascii_lowercase());
            }
            continue;
        }
        for c in c.to_lowercase() {
            let c = fold_diacritic(c);
            if c.is_alphanumeric() {
                s.push(c);
            }
        }
    }
    // `s.replace("kh", "h").replace("ck", "k").replace("ph", "f")` in place: ASCII pairs never match inside a
    // multi-byte char, and each pass is str::replace's leftmost non-overlapping matching.
    let mut b = s.into_bytes();
    replace_pair(&mut b, *b"kh", b'h');
    replace_pair(&mut b, *b"ck", b'k');
    replace_pair(&mut b, *b"ph", b'f');
    let s = String::from_utf8(b).unwrap_or_default();
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            _ => c,
        };
        if c != prev {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// Replaces every non-overlapping `pat` (left to right) with `with`, in place.
fn replace_pair(b: &mut Vec<u8>, pat: [u8; 2], with: u8) {
    let (mut r, mut w) = (0, 0);
    while r < b.len() {
        if r + 1 < b.len() && b[r] == pat[0] && b[r + 1] == pat[1] {
            b[w] = with;
            r += 2;
        } else {
            b[w] = b[r];
            r += 1;
        }
        w += 1;
    }
    b.truncate(w);
}

fn first_names_match(a: &str, b: &str) -> bool {
    a == b
        || a.len() == 1 && b.starts_with(a)
        || b.len() == 1 && a.starts_with(b)
        || edit_distance_le1(a, b) && a.len() > 4
}

fn edit_distance_le1(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'ď' => 'd',
        'ğ' => 'g',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floating_quotes_show_the_mention_of_the_quote_they_continue() {
        // Quotes after a dash credit line float: each takes the speaker of the quote before it, and shows the speaker
        // as that quote's mention names it; the one after a floating quote has no mention to show.
        let t = "The union held a vote on Friday and the result was clear to everyone there.\n\n\
                 “We will not accept this offer from the company.” — Karl Moss, union leader\n\n\
                 “The plant stays closed until the talks resume.”\n\n\
                 “Nobody goes back to work on Monday.”";
        let a = crate::analyze(t);
        let got: Vec<(&str, Option<&str>, Option<usize>)> = (a.quotes.iter())
            .map(|q| (q.sieve, q.speaker.map(|s| s.text(t)), q.speaker_id))
            .collect();
        assert_eq!(
            got,
            [
                ("dash", Some("Karl Moss"), Some(0)),
                ("continuation", Some("Karl Moss"), Some(0)),
                ("continuation", None, Some(0)),
            ]
        );
        assert_eq!((a.speakers.len(), a.speakers[0].quotes), (1, 3));
    }

    #[test]
    fn transliteration_keys_fold_variants() {
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(name_key("Podoliak"), name_key("Podolyak"));
        assert_eq!(name_key("Mykhailo"), name_key("Mikhailo"));
        assert_ne!(name_key("Medinsky"), name_key("Makei"));
        assert!(first_names_match(
            &name_key("Mykhailo"),
            &name_key("Mikhailo")
        ));
        assert!(!first_names_match(&name_key("Anders"), &name_key("Erik")));
    }

    #[test]
    fn descriptions_lose_determiners() {
        assert_eq!(
            clean_description("a top adviser to Ukrainian President Volodymyr Zelenskyy"),
            "top adviser to Ukrainian President Volodymyr Zelenskyy"
        );
        assert_eq!(
            clean_description(" who headed the Russian delegation"),
            "headed the Russian delegation"
        );
    }

    #[test]
    fn roles_match_their_variants() {
        assert!(role_matches("Kremlin spokesman", "spokesperson"));
        assert!(!role_matches("Kremlin spokesman", "minister"));
    }
}
