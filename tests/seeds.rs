//! Acceptance on the five seed articles (one story, five outlets): every direct quote and the key mixed quotes, with
//! the speaker entity and kind a careful reader gives them. The table was written by reading the articles.

use whosaid::{analyze, Analysis, QuoteKind};

fn fixture(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let path = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("no fixture {name}"));
    std::fs::read_to_string(path).expect("read fixture")
}

/// (start of the quoted text, speaker: a word of the speaker's name, kind)
type Row = (&'static str, &'static str, QuoteKind);

use QuoteKind::{Direct, Mixed};

const SEED_000: &[Row] = &[
    (
        "found certain points on which common positions",
        "Medinsky",
        Mixed,
    ),
    ("in the near future", "Podolyak", Mixed),
    (
        "“The next meeting will take place in the coming days",
        "Medinsky",
        Direct,
    ),
    ("\"There can be fair negotiations", "Zelensky", Direct),
    ("\"Russia has stated its position", "Zelensky", Direct),
];

const SEED_001: &[Row] = &[
    (
        "“Unfortunately, the Russian side still has a very biased view",
        "Podoliak",
        Direct,
    ),
    ("“We have identified certain points", "officials", Direct),
    ("“The next meeting will take place", "Medinski", Direct),
    ("“conventional”", "Nass", Mixed),
];

const SEED_002: &[Row] = &[
    ("“Negotiations are difficult,”", "Podoliak", Direct),
    (
        "“Unfortunately, the Russian side is still extremely biased",
        "Podoliak",
        Direct,
    ),
    (
        "found certain points on which common positions could be foreseen",
        "Medinsky",
        Mixed,
    ),
    ("“I suggest we wait for the talks,”", "Peskov", Direct),
    (
        "“I would not declare any negotiating positions.”",
        "Peskov",
        Direct,
    ),
    (
        "“extremely dangerous and destabilizing factor.”",
        "Peskov",
        Mixed,
    ),
    (
        "“definitely have an interest in reaching some agreements",
        "Medinsky",
        Mixed,
    ),
    (
        "“Kharkiv has just been massively fired upon",
        "Herashchenko",
        Direct,
    ),
    (
        "“I don’t think this is the time to sum up the results",
        "Peskov",
        Direct,
    ),
    ("“considerably higher,”", "Bachelet", Mixed),
    ("“Most of these civilians were killed", "Bachelet", Direct),
];

const SEED_003: &[Row] = &[
    (
        "“The parties have determined several priority topics",
        "Podolyak",
        Direct,
    ),
    (
        "“The parties are returning to their capitals",
        "Podolyak",
        Direct,
    ),
    (
        "“The next meeting will take place in the coming days at the Polish-Belarusian border",
        "Medinsky",
        Direct,
    ),
    ("“should be vocal in demanding", "Kyslytsya", Mixed),
    (
        "“Our western colleagues have shamelessly inundated",
        "Nebenzia",
        Direct,
    ),
];

const SEED_004: &[Row] = &[
    (
        "“The Ukrainian and Russian delegations held the first round",
        "Podolyak",
        Direct,
    ),
    (
        "“In order for these decisions to get some opportunities",
        "Podolyak",
        Direct,
    ),
    ("“I will be honest, as always", "Zelenskyy", Direct),
    (
        "“We will not surrender, we will not capitulate",
        "Kuleba",
        Direct,
    ),
];

/// Finds the quote whose text (or one of whose parts) contains `start` and checks its speaker and kind.
fn check(name: &str, rows: &[Row]) -> (String, Analysis) {
    let text = fixture(name);
    let a = analyze(&text);
    for (start, who, kind) in rows {
        let q = a
            .quotes
            .iter()
            .find(|q| q.span.text(&text).contains(start))
            .unwrap_or_else(|| panic!("{name}: no quote containing {start:?}"));
        let speaker = q
            .speaker_id
            .map(|i| &a.speakers[i])
            .unwrap_or_else(|| panic!("{name}: {start:?} has no speaker"));
        let names: Vec<&str> = std::iter::once(speaker.name.as_str())
            .chain(speaker.aliases.iter().map(|s| s.as_str()))
            .collect();
        assert!(
            names.iter().any(|n| n.contains(who)),
            "{name}: {start:?} attributed to {:?}, expected {who}",
            speaker.name
        );
        // A direct part merged into a split quote stays direct; mixed rows must be mixed.
        assert_eq!(q.kind, *kind, "{name}: kind of {start:?}");
    }
    (text, a)
}

/// Every direct quote in the article is in the table (no stray quote, no scare quote taken for speech).
fn all_direct_quotes_listed(name: &str, text: &str, a: &Analysis, rows: &[Row]) {
    for q in a.quotes.iter().filter(|q| q.kind == Direct) {
        let t = q.span.text(text);
        assert!(
            rows.iter().any(|(start, _, _)| t.contains(start)),
            "{name}: unexpected direct quote {t:?}"
        );
    }
}

#[test]
fn seed_000_medinsky_and_both_zelensky_facebook_quotes() {
    let (text, a) = check("000", SEED_000);
    all_direct_quotes_listed("000", &text, &a, SEED_000);
    // Nothing from the "Top stories" box.
    let box_start = text.find("Top stories").unwrap();
    assert!(
        a.quotes.iter().all(|q| q.span.start < box_start),
        "a quote from the Top stories box"
    );
    // Zelensky and Zelenskyy are one speaker with the fullest name and the variant as alias.
    let z: Vec<_> = a
        .speakers
        .iter()
        .filter(|s| s.name.contains("Zelensk"))
        .collect();
    assert_eq!(z.len(), 1, "{z:?}");
    assert_eq!(z[0].quotes, 3);
}

#[test]
fn seed_001_machine_translated() {
    let (text, a) = check("001", SEED_001);
    assert!(!a.speakers.iter().any(|s| s.name.contains("Twitter")));
    let _ = text;
}

#[test]
fn seed_002_peskov_herashchenko_bachelet() {
    let (text, a) = check("002", SEED_002);
    all_direct_quotes_listed("002", &text, &a, SEED_002);
    let peskov = a
        .speakers
        .iter()
        .find(|s| s.name == "Dmitry Peskov")
        .expect("Peskov");
    assert!(
        peskov
            .descriptions
            .iter()
            .any(|d| d.contains("Kremlin spokesman")),
        "{:?}",
        peskov.descriptions
    );
    assert!(peskov.quotes >= 3);
    // "I suggest…" and "I would not declare…" are one statement split by the cue.
    let q = a
        .quotes
        .iter()
        .find(|q| q.span.text(&text).starts_with("“I suggest"))
        .unwrap();
    assert_eq!(q.parts.len(), 2);
    assert_eq!(q.cue.unwrap().text(&text), "told");
}

#[test]
fn seed_003_podolyak_medinsky_un_ambassadors() {
    let (text, a) = check("003", SEED_003);
    all_direct_quotes_listed("003", &text, &a, SEED_003);
    // No quote from the newsletter box.
    let box_start = text.find("ntd newsletter").unwrap();
    assert!(a.quotes.iter().all(|q| q.span.start < box_start));
    let m = a
        .speakers
        .iter()
        .find(|s| s.name == "Vladimir Medinsky")
        .unwrap();
    assert!(
        m.descriptions
            .iter()
            .any(|d| d.contains("headed the Russian delegation")),
        "{:?}",
        m.descriptions
    );
}

#[test]
fn seed_004_kuleba_and_no_scare_quotes() {
    let (text, a) = check("004", SEED_004);
    all_direct_quotes_listed("004", &text, &a, SEED_004);
    // “neutral status” stands alone twice: a quoted term, not speech.
    assert!(
        !a.quotes
            .iter()
            .any(|q| q.span.text(&text) == "“neutral status.”"
                || q.span.text(&text).starts_with("“neutral status”")),
        "scare quote taken as speech"
    );
}
