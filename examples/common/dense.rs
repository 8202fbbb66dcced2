//! Quote-dense news-like text, made deterministically (the same bytes for the same arguments on every machine), for
//! the benchmarks of the CLI report and of memory (scripts/bench.sh through examples/dense.rs): nearly every sentence
//! is a quotation (direct, interrupted by its cue, mixed, indirect, "according to"), each by one of the eight people of
//! the moment, a new person coming in every fourth sentence or so (about 3,000 per MB: surnames made of syllables),
//! and names and quotes carry multi-byte characters.

/// A small deterministic generator (xorshift64*): no dependency, the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const FIRST: &[(&str, bool)] = &[
    ("Anna", false),
    ("Olena", false),
    ("Mykhailo", true),
    ("Dmitry", true),
    ("María", false),
    ("John", true),
    ("Łukasz", true),
    ("Zoë", false),
    ("José", true),
    ("Søren", true),
    ("Ingrid", false),
    ("Kateryna", false),
    ("Peter", true),
    ("Amélie", false),
    ("Jürgen", true),
    ("Sofia", false),
];
const SYLLABLES: &[&str] = &[
    "ko", "val", "pet", "ro", "šen", "mül", "dor", "ra", "zel", "nik", "bel", "ha", "tov", "gar",
    "lin", "mo", "vič", "san", "der", "bö", "kar", "len", "ter", "vo",
];
const ENDINGS: &[&str] = &[
    "enko", "ski", "ov", "er", "ić", "son", "ez", "a", "ner", "čuk",
];
const ROLES: &[&str] = &[
    "foreign minister",
    "Kremlin spokesman",
    "party leader",
    "mayor of Kharkiv",
    "union’s chief negotiator",
    "head of the delegation",
];
const ORGS: &[&str] = &[
    "the ministry",
    "the Kremlin",
    "the United Nations",
    "the Bundestag",
    "the central bank",
];
const WORDS: &[&str] = &[
    "we",
    "will",
    "not",
    "talk",
    "about",
    "the",
    "ceasefire",
    "today",
    "prices",
    "in",
    "Zürich",
    "are",
    "rising",
    "café",
    "owners",
    "naïve",
    "plan",
    "Київ",
    "needs",
    "help",
    "now",
    "and",
    "later",
    "this",
    "is",
    "a",
    "crisis",
    "for",
    "everyone",
    "São",
    "Paulo",
    "voters",
    "🙂",
    "deal",
    "was",
    "never",
    "on",
    "table",
    "élite",
    "schools",
];
const SPEECH: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "insisted",
    "warned",
    "explained",
];

fn words(r: &mut Rng, out: &mut String, lo: usize, hi: usize, cap: bool) {
    let n = lo + r.below(hi - lo + 1);
    for i in 0..n {
        let w = r.pick(WORDS);
        if i > 0 {
            out.push(' ');
        }
        if i == 0 && cap {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
    }
}

/// A new person: (first name, surname, male). Surnames are three syllables and an ending (138,240 of them); a surname
/// mostly comes with the same first name, as a person is named the same way through a text.
fn person(r: &mut Rng) -> (&'static str, String, bool) {
    let mut last = String::new();
    let mut h = 0usize;
    for _ in 0..3 {
        let k = r.below(SYLLABLES.len());
        h = h * 31 + k;
        last.push_str(SYLLABLES[k]);
    }
    let k = r.below(ENDINGS.len());
    last.push_str(ENDINGS[k]);
    let first = if r.below(10) == 0 {
        r.below(FIRST.len())
    } else {
        (h * 7 + k) % FIRST.len()
    };
    let (first, male) = FIRST[first];
    let mut c = last.chars();
    let f = c.next().unwrap_or('K');
    let last: String = f.to_uppercase().chain(c).collect();
    (first, last, male)
}

/// About `size` bytes (cut to exactly `size` or just under, on a char boundary) of quote-dense text; a paragraph
/// break (a line break) after every `para_every` sentences, none when it is 0 (the text is one line).
pub fn dense(size: usize, para_every: usize) -> String {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut s = String::with_capacity(size + 512);
    let mut sentences = 0usize;
    // The people of the moment: each sentence quotes one of them, and every fourth or so a new person comes in.
    let mut cast: Vec<(&str, String, bool)> = (0..8).map(|_| person(&mut r)).collect();
    let mut last: Option<(&str, String, bool)> = None;
    while s.len() < size {
        if sentences > 0 {
            if para_every > 0 && sentences.is_multiple_of(para_every) {
                s.push('\n');
            } else {
                s.push(' ');
            }
        }
        sentences += 1;
        if r.below(4) == 0 {
            let k = r.below(cast.len());
            cast[k] = person(&mut r);
        }
        let who = cast[r.below(cast.len())].clone();
        match r.below(10) {
            0 | 1 => {
                s.push('“');
                words(&mut r, &mut s, 4, 10, true);
                s.push_str(",” said ");
                s.push_str(who.0);
                s.push(' ');
                s.push_str(&who.1);
                s.push('.');
            }
            2 => {
                s.push('“');
                words(&mut r, &mut s, 4, 10, true);
                s.push_str(",” ");
                s.push_str(&who.1);
                s.push(' ');
                s.push_str(r.pick(SPEECH));
                s.push('.');
            }
            3 => {
                s.push_str(who.0);
                s.push(' ');
                s.push_str(&who.1);
                s.push_str(", the ");
                s.push_str(r.pick(ROLES));
                s.push_str(", said: “");
                words(&mut r, &mut s, 5, 12, true);
                s.push_str(".”");
            }
            4 => {
                // A pronoun for the last speaker named.
                let male = last.as_ref().is_none_or(|l| l.2);
                s.push('“');
                words(&mut r, &mut s, 4, 10, true);
                s.push_str(if male {
                    ",” he added."
                } else {
                    ",” she added."
                });
            }
            5 => {
                s.push('“');
                words(&mut r, &mut s, 3, 8, true);
                s.push_str(",” ");
                s.push_str(who.0);
                s.push(' ');
                s.push_str(&who.1);
                s.push_str(" said. “");
                words(&mut r, &mut s, 3, 8, true);
                s.push_str(".”");
            }
            6 => {
                s.push_str(&who.1);
                s.push_str(" said that ");
                words(&mut r, &mut s, 5, 12, false);
                s.push_str(" “");
                words(&mut r, &mut s, 2, 4, false);
                s.push_str("”.");
            }
            7 => {
                s.push_str("According to ");
                s.push_str(r.pick(ORGS));
                s.push_str(", ");
                words(&mut r, &mut s, 6, 14, false);
                s.push('.');
            }
            8 => {
                s.push('“');
                words(&mut r, &mut s, 3, 7, true);
                s.push_str("?” asked ");
                s.push_str(who.0);
                s.push(' ');
                s.push_str(&who.1);
                s.push('.');
            }
            _ => {
                s.push_str(who.0);
                s.push(' ');
                s.push_str(&who.1);
                s.push_str(" told reporters in Zürich that ");
                words(&mut r, &mut s, 5, 12, false);
                s.push('.');
            }
        }
        last = Some(who);
    }
    let mut cut = size.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}
