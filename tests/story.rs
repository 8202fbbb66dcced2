//! Story across articles: speaker merge rules, quote groups, diffs, reports — on hand-built analyses (the seed
//! articles with attributions written down by hand) and end to end through `whosaid::analyze`.

use std::collections::BTreeSet;

use whosaid::story::diff::{diff_words, new_text, old_text};
use whosaid::story::{analyze_story, build_story, text_report, Story, StorySpeaker};
use whosaid::{Analysis, Encoding, Gender, Quote, QuoteKind, Span, Speaker, SpeakerKind};

const SEEDS: [(&str, &str); 5] = [
    (
        "000_0b425a99d12787b3",
        include_str!("fixtures/000_0b425a99d12787b3.txt"),
    ),
    (
        "001_29c8fd17e0dbaca8",
        include_str!("fixtures/001_29c8fd17e0dbaca8.txt"),
    ),
    (
        "002_5a0a87bd08680d7a",
        include_str!("fixtures/002_5a0a87bd08680d7a.txt"),
    ),
    (
        "003_6cb643e6d6094715",
        include_str!("fixtures/003_6cb643e6d6094715.txt"),
    ),
    (
        "004_7117306b83a53ba3",
        include_str!("fixtures/004_7117306b83a53ba3.txt"),
    ),
];

// ---------------------------------------------------------------------------------------------------------
// Hand-built analyses

struct Sp<'a> {
    name: &'a str,
    kind: SpeakerKind,
    gender: Gender,
    aliases: &'a [&'a str],
    descriptions: &'a [&'a str],
}

fn person<'a>(name: &'a str, aliases: &'a [&'a str], descriptions: &'a [&'a str]) -> Sp<'a> {
    Sp {
        name,
        kind: SpeakerKind::Person,
        gender: Gender::Male,
        aliases,
        descriptions,
    }
}

fn of_kind(name: &str, kind: SpeakerKind) -> Sp<'_> {
    Sp {
        name,
        kind,
        gender: Gender::Unknown,
        aliases: &[],
        descriptions: &[],
    }
}

fn span_of(text: &str, snippet: &str) -> Span {
    let start = text
        .find(snippet)
        .unwrap_or_else(|| panic!("snippet not in text: {snippet}"));
    Span::new(start, start + snippet.len())
}

/// An analysis of `text`: speakers, and quotes as (kind, exact snippet, speaker index).
fn analysis(text: &str, speakers: &[Sp], quotes: &[(QuoteKind, &str, usize)]) -> Analysis {
    let speakers: Vec<Speaker> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| Speaker {
            name: s.name.to_string(),
            kind: s.kind,
            gender: s.gender,
            aliases: s.aliases.iter().map(|a| a.to_string()).collect(),
            descriptions: s.descriptions.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
            quotes: quotes.iter().filter(|q| q.2 == i).count(),
        })
        .collect();
    let quotes = quotes
        .iter()
        .map(|&(kind, snippet, sp)| Quote {
            kind,
            span: span_of(text, snippet),
            cue: None,
            speaker: None,
            speaker_id: Some(sp),
            confidence: 0.9,
            sieve: "hand",
            parts: Vec::new(),
        })
        .collect();
    Analysis {
        quotes,
        speakers,
        ..Default::default()
    }
}

use QuoteKind::{Direct, Indirect, Mixed};

/// The five seed articles attributed by hand, the way a correct core would.
fn seed_analyses() -> Vec<Analysis> {
    let t = |i: usize| SEEDS[i].1;
    vec![
        analysis(
            t(0),
            &[
                person("Vladimir Medinsky", &["Medinsky"], &["who headed the Russian delegation"]),
                person("Mykhailo Podolyak", &[], &["a top adviser to Ukrainian President Volodymyr Zelenskyy"]),
                person("Volodymyr Zelensky", &["Zelensky", "Ukrainian President Volodymyr Zelensky"], &["Ukrainian President"]),
                person("An aide to Russian President Vladimir Putin", &[], &[]),
            ],
            &[
                (Indirect, "talks with Ukrainian officials lasted nearly five hours", 3),
                (Mixed, "the two sides “found certain points on which common positions could be foreseen”", 0),
                (Indirect, "Another round of talks was agreed to", 0),
                (Mixed, "the talks focused on a possible ceasefire and that a second round could take place “in the near future”", 1),
                (Direct, "“The next meeting will take place in the coming days on the Polish-Belarusian border, there is an agreement to that effect,”", 0),
                (Indirect, "he is analyzing the results of the talks with a Russian delegation", 2),
                (Direct, "\"There can be fair negotiations if one side does not hit the other side with rocket artillery at the time of negotiations. So far, we do not have the result we would like to get,\"", 2),
                (Direct, "\"Russia has stated its position, and we have declared counterpoints to end the war. We received some signals. When the delegation returns to Kyiv, we will analyze what we have heard and then we will decide how to proceed to the second round of talks,\"", 2),
            ],
        ),
        analysis(
            t(1),
            &[
                person("Mikhail Podoliak", &["Mykhailo Podoliak"], &["the adviser to the President", "Supreme Adviser to Ukrainian President Volodymyr Zelensky"]),
                of_kind("Russian officials", SpeakerKind::Group),
                person("Vladimir Green", &[], &["Ukrainian President"]),
                person("Vladimir Medinski", &["Medinski"], &[]),
                person("Volodymyr Zelensky", &["Zelensky"], &["Ukrainian President"]),
                person("Richard Nass", &[], &["president of the Foreign Affairs Council"]),
                person("an aide to Russian President Vladimir Putin", &[], &[]),
            ],
            &[
                (Direct, "“Unfortunately, the Russian side still has a very biased view of the destructive processes it has begun.”", 0),
                (Direct, "“We have identified certain points from which we can predict common positions.”", 1),
                (Indirect, "he previously admitted that he was not confident in the positive decision", 2),
                (Indirect, "A new round of talks is set to take place in the coming days", 6),
                (Direct, "“Another round of talks has been agreed.", 3),
                (Direct, "“The next meeting will take place in the coming days on the Polish-Belarusian border, there is an agreement on that,”", 3),
                (Indirect, "he is not confident of a positive decision, adding that he owes his people at least an attempt to commit", 4),
                (Mixed, "Moscow was using the talks to “seem somewhat reasonable” to delay sanctions against Russia", 5),
            ],
        ),
        analysis(
            t(2),
            &[
                person("Mykhailo Podoliak", &[], &["a top adviser to Ukrainian President Volodymyr Zelensky"]),
                person("Vladimir Medinsky", &["Medinsky"], &["A top Putin aide and head of the Russian delegation", "Russian presidential aide", "Putin aide"]),
                person("Dmitry Peskov", &["Peskov", "The spokesman"], &["Kremlin spokesman", "the Kremlin’s spokesperson"]),
                person("Anton Herashchenko", &[], &["Ukrainian Interior Ministry adviser"]),
                Sp { name: "Michelle Bachelet", kind: SpeakerKind::Person, gender: Gender::Female, aliases: &["Bachelet"], descriptions: &["the UN’s human rights chief"] },
                of_kind("the Kremlin", SpeakerKind::Organisation),
            ],
            &[
                (Direct, "“Negotiations are difficult,”", 0),
                (Direct, "“Unfortunately, the Russian side is still extremely biased regarding the destructive processes it launched.”", 0),
                (Indirect, "the delegations had agreed to continue the discussions in the coming days", 1),
                (Mixed, "officials from both sides had “found certain points on which common positions could be foreseen.”", 1),
                (Direct, "“I suggest we wait for the talks,”", 2),
                (Direct, "“I would not declare any negotiating positions.”", 2),
                (Mixed, "the arming of Ukraine was an “extremely dangerous and destabilizing factor.”", 2),
                (Direct, "“Kharkiv has just been massively fired upon by grads [rockets]. Dozens of dead and hundreds of wounded,”", 3),
                (Direct, "“I don’t think this is the time to sum up the results of the [military] operation, we need to wait for completion of the operation,”", 2),
                (Mixed, "Russian officials “definitely have an interest in reaching some agreements as soon as possible.”", 1),
                (Indirect, "Western arms supplies to Kyiv showed that Russia was right to try to demilitarize its neighbor", 5),
            ],
        ),
        analysis(
            t(3),
            &[
                person("Mykhailo Podolyak", &["Podolyak", "Mikhailo Podolyak"], &["a top adviser to Zelensky", "Ukrainian negotiator"]),
                person("Vladimir Medinsky", &["Medinsky"], &["Russian presidential aide", "Head of the Russian delegation"]),
                person("Sergiy Kyslytsya", &[], &["the Ukrainian ambassador to the UN"]),
                person("Vassily Nebenzia", &[], &["Russia’s ambassador to the UN"]),
            ],
            &[
                (Indirect, "the primary aim was to discuss a ceasefire", 0),
                (Direct, "“The parties have determined several priority topics on which certain decisions have been envisioned,”", 0),
                (Direct, "“The parties are returning to their capitals to have the possibility to implement these decisions. The parties have discussed the possibility to hold in the nearest time a second round of negotiations where these issues will get to be practically developed.”", 0),
                (Indirect, "the five-hour talks included finding points of agreement on unspecified various agenda items and featured an agreement to continue negotiations", 1),
                (Direct, "“The next meeting will take place in the coming days at the Polish-Belarusian border. There is already a relevant agreement. Before the meeting, both delegations, the leaders of both delegations will consult with their countries’ leadership concerning their negotiation positions,”", 1),
                (Mixed, "UN’s General Assembly “should be vocal in demanding from the Russian Federation to stop its offensive against Ukraine”", 2),
                (Indirect, "the crisis was precipitated by the actions of Ukraine, including flouting obligations under the Minsk agreement reached in 2014", 3),
            ],
        ),
        analysis(
            t(4),
            &[
                person("Mikhail Podolyak", &["Podolyak"], &["adviser to the head of the office of the president of Ukraine"]),
                person("Volodymyr Zelenskyy", &["Zelenskyy"], &["Ukrainian President"]),
                person("Dmytro Kuleba", &[], &["Ukraine’s foreign minister"]),
                person("a U.S. senior defense official", &["The official"], &[]),
                of_kind("Kremlin", SpeakerKind::Organisation),
            ],
            &[
                (Direct, "“The Ukrainian and Russian delegations held the first round of talks today, the main purpose of which was to discuss the issues of a ceasefire on the territory of Ukraine and hostilities. The parties identified a number of priority topics on which certain decisions were outlined,”", 0),
                (Direct, "“In order for these decisions to get some opportunities for implementation, logistical solutions, the parties leave for consultations in their capitals. The parties discussed the possibility of holding a second round of negotiations in the near future, at which these topics will receive concrete development practice.”", 0),
                (Direct, "“I will be honest, as always: I do not really believe in the outcome of this meeting, but let them try,”", 1),
                (Indirect, "he had little hope of a breakthrough", 1),
                (Direct, "“We will not surrender, we will not capitulate, we will not give up a single inch of our territory,”", 2),
                (Mixed, "the slowdown of the Russian invasion to resistance by Ukraine", 3),
                (Indirect, "it wants to discuss Ukraine adopting “neutral status.”", 4),
            ],
        ),
    ]
}

fn seed_story(analyses: &[Analysis]) -> Story {
    let docs: Vec<(&str, &str, &Analysis)> = SEEDS
        .iter()
        .zip(analyses)
        .map(|((id, t), a)| (*id, *t, a))
        .collect();
    build_story(&docs)
}

/// Every spelling of a story speaker: its name and aliases.
fn spellings(sp: &StorySpeaker) -> BTreeSet<String> {
    std::iter::once(&sp.name)
        .chain(&sp.aliases)
        .cloned()
        .collect()
}

/// Story speakers with any spelling containing `needle`.
fn speakers_matching<'a>(story: &'a Story, needle: &str) -> Vec<&'a StorySpeaker> {
    story
        .speakers
        .iter()
        .filter(|s| spellings(s).iter().any(|n| n.contains(needle)))
        .collect()
}

/// The one person among the story speakers spelled with `needle` (groups such as "Zelenskyy’s administration"
/// are other speakers).
fn one_speaker<'a>(story: &'a Story, needle: &str) -> &'a StorySpeaker {
    let all = speakers_matching(story, needle);
    let persons: Vec<_> = all.iter().copied().filter(|s| s.kind == "person").collect();
    let found = if persons.is_empty() { all } else { persons };
    assert_eq!(
        found.len(),
        1,
        "{needle}: {:#?}",
        found.iter().map(|s| spellings(s)).collect::<Vec<_>>()
    );
    found[0]
}

// ---------------------------------------------------------------------------------------------------------
// Merge rules on small hand-built stories

/// One article per name list; each speaker quoted once (by one-word quotes, so no groups form).
fn story_of(articles: &[&[(&str, SpeakerKind, Gender)]]) -> (Story, Vec<(String, Analysis)>) {
    let mut docs: Vec<(String, Analysis)> = Vec::new();
    for (a, names) in articles.iter().enumerate() {
        let mut text = String::new();
        let mut quotes = Vec::new();
        let mut speakers = Vec::new();
        for (i, &(name, kind, gender)) in names.iter().enumerate() {
            let start = text.len();
            // One content word per quote, so no two quotes can be grouped.
            text.push_str(&format!("“Word{a}x{i}.” "));
            quotes.push(Quote {
                kind: QuoteKind::Direct,
                span: Span::new(start, text.len() - 1),
                cue: None,
                speaker: None,
                speaker_id: Some(i),
                confidence: 1.0,
                sieve: "hand",
                parts: Vec::new(),
            });
            speakers.push(Speaker {
                name: name.to_string(),
                kind,
                gender,
                aliases: Vec::new(),
                descriptions: Vec::new(),
                mentions: Vec::new(),
                quotes: 1,
            });
        }
        docs.push((
            text,
            Analysis {
                quotes,
                speakers,
                ..Default::default()
            },
        ));
    }
    let triples: Vec<(&str, &str, &Analysis)> =
        docs.iter().map(|(t, a)| ("doc", t.as_str(), a)).collect();
    (build_story(&triples), docs)
}

fn p(name: &str) -> (&str, SpeakerKind, Gender) {
    (name, SpeakerKind::Person, Gender::Unknown)
}

/// The story speaker holding `(article, speaker)`.
fn sid(story: &Story, article: usize, speaker: usize) -> usize {
    story
        .speakers
        .iter()
        .find(|s| s.members.contains(&[article, speaker]))
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no story speaker for {article}/{speaker}"))
}

#[test]
fn podolyak_spellings_merge_into_one_speaker() {
    let (story, _) = story_of(&[
        &[p("Mykhailo Podolyak")],
        &[p("Mikhail Podoliak")],
        &[p("Podolyak")],
        &[p("Mikhail Podolyak")],
        &[p("Mikhailo Podolyak"), p("Podoliak")],
    ]);
    assert_eq!(story.speakers.len(), 1, "{:#?}", story.speakers);
    let sp = &story.speakers[0];
    assert_eq!(sp.articles, vec![0, 1, 2, 3, 4]);
    assert_eq!(sp.total_quotes, 6);
    let all = spellings(sp);
    for n in [
        "Mykhailo Podolyak",
        "Mikhail Podoliak",
        "Podolyak",
        "Mikhail Podolyak",
        "Mikhailo Podolyak",
        "Podoliak",
    ] {
        assert!(all.contains(n), "{n} missing from {all:?}");
    }
    assert!(
        sp.name.contains(' '),
        "the fullest spelling is the name: {}",
        sp.name
    );
}

#[test]
fn transliterated_first_names_and_titles_merge() {
    let (story, _) = story_of(&[
        &[
            p("Dmitry Peskov"),
            p("Sergei Kislitsa"),
            p("Oleksii Reznikov"),
            p("President Zelensky"),
        ],
        &[
            p("Dmytro Peskov"),
            p("Serhiy Kyslytsya"),
            p("Alexei Reznikov"),
            p("Volodymyr Zelenskyy"),
        ],
        &[
            p("Kremlin spokesman Dmitry Peskov"),
            p("Sergiy Kyslytsia"),
            p("Oleksiy Reznikov"),
            p("Vladimir Zelensky"),
        ],
    ]);
    for i in 0..4 {
        let ids: BTreeSet<usize> = (0..3).map(|a| sid(&story, a, i)).collect();
        assert_eq!(ids.len(), 1, "speaker {i} split: {:#?}", story.speakers);
    }
    assert_eq!(story.speakers.len(), 4);
}

#[test]
fn different_first_names_block_a_merge() {
    let (story, _) = story_of(&[
        &[p("Anders Karlsson")],
        &[p("Erik Karlsson")],
        &[p("A. Karlsson")],
    ]);
    assert_ne!(sid(&story, 0, 0), sid(&story, 1, 0));
    // The initial matches only Anders.
    assert_eq!(sid(&story, 2, 0), sid(&story, 0, 0));
}

#[test]
fn a_bare_surname_with_two_candidates_goes_to_neither() {
    let (story, _) = story_of(&[
        &[p("Anders Karlsson")],
        &[p("Erik Karlsson")],
        &[p("Karlsson")],
        &[p("Karlson")],
    ]);
    let anders = sid(&story, 0, 0);
    let erik = sid(&story, 1, 0);
    let bare = sid(&story, 2, 0);
    assert_ne!(anders, erik);
    assert_ne!(bare, anders);
    assert_ne!(bare, erik);
    assert_eq!(
        sid(&story, 3, 0),
        bare,
        "the two ambiguous bare spellings stay together, apart from both"
    );
}

#[test]
fn a_bare_surname_joins_the_only_candidate() {
    let (story, _) = story_of(&[
        &[p("Anders Karlsson")],
        &[p("Karlsson")],
        &[p("Erik Lindqvist")],
    ]);
    assert_eq!(sid(&story, 0, 0), sid(&story, 1, 0));
    assert_ne!(sid(&story, 0, 0), sid(&story, 2, 0));
}

#[test]
fn gender_disambiguates_a_bare_surname() {
    let (story, _) = story_of(&[
        &[("Anders Karlsson", SpeakerKind::Person, Gender::Male)],
        &[("Erika Karlsson", SpeakerKind::Person, Gender::Female)],
        &[("Karlsson", SpeakerKind::Person, Gender::Female)],
    ]);
    assert_ne!(sid(&story, 0, 0), sid(&story, 1, 0));
    assert_eq!(sid(&story, 2, 0), sid(&story, 1, 0));
}

#[test]
fn an_organisation_and_a_person_with_the_same_word_stay_apart() {
    let (story, _) = story_of(&[
        &[
            ("Jordan", SpeakerKind::Organisation, Gender::Unknown),
            ("the Kremlin", SpeakerKind::Organisation, Gender::Unknown),
        ],
        &[
            p("Jordan"),
            ("Kremlin", SpeakerKind::Organisation, Gender::Unknown),
        ],
        &[p("Michael Jordan")],
    ]);
    assert_ne!(sid(&story, 0, 0), sid(&story, 1, 0));
    assert_eq!(
        sid(&story, 1, 0),
        sid(&story, 2, 0),
        "the bare person surname joins the only person"
    );
    assert_eq!(
        sid(&story, 0, 1),
        sid(&story, 1, 1),
        "the Kremlin / Kremlin"
    );
    let kremlin = &story.speakers[sid(&story, 0, 1)];
    assert_eq!(kremlin.kind, "organisation");
    assert_eq!(kremlin.affiliation, Some("Russia"));
}

#[test]
fn similar_but_different_surnames_stay_apart() {
    let (story, _) = story_of(&[
        &[p("John Smith"), p("Maria Jones")],
        &[p("John Smyth"), p("Maria Jonas")],
        &[p("Vladimir Putin"), p("Vladimir Green")],
    ]);
    assert_eq!(
        sid(&story, 0, 0),
        sid(&story, 1, 0),
        "Smith / Smyth share a key"
    );
    assert_ne!(
        sid(&story, 0, 1),
        sid(&story, 1, 1),
        "short surnames must match exactly"
    );
    assert_ne!(sid(&story, 2, 0), sid(&story, 2, 1));
}

#[test]
fn unnamed_speakers_never_merge() {
    let (story, _) = story_of(&[
        &[
            p("An aide to Russian President Vladimir Putin"),
            p("Vladimir Putin"),
        ],
        &[p("an aide to Russian President Vladimir Putin")],
    ]);
    assert_ne!(sid(&story, 0, 0), sid(&story, 0, 1));
    assert_ne!(sid(&story, 0, 0), sid(&story, 1, 0));
    assert_ne!(sid(&story, 1, 0), sid(&story, 0, 1));
}

#[test]
fn unknown_kind_places_merge_by_name_but_not_with_people() {
    let u = |n| (n, SpeakerKind::Unknown, Gender::Unknown);
    let (story, _) = story_of(&[
        &[u("Ukraine"), u("Moscow")],
        &[u("Ukraine"), p("spokesperson")],
        &[p("Ukraine"), p("spokesperson")],
    ]);
    assert_eq!(sid(&story, 0, 0), sid(&story, 1, 0));
    assert_ne!(sid(&story, 0, 0), sid(&story, 0, 1));
    assert_ne!(
        sid(&story, 1, 1),
        sid(&story, 2, 1),
        "unnamed people stay apart"
    );
    assert_ne!(
        sid(&story, 0, 0),
        sid(&story, 2, 0),
        "a person-kind speaker is not merged with a place"
    );
    assert_eq!(
        story.speakers[sid(&story, 0, 0)].affiliation,
        Some("Ukraine")
    );
    assert_eq!(
        story.speakers[sid(&story, 0, 1)].affiliation,
        Some("Russia")
    );
}

#[test]
fn groups_merge_by_name_and_get_a_side() {
    let (story, _) = story_of(&[
        &[("Russian officials", SpeakerKind::Group, Gender::Unknown)],
        &[
            ("Russian officials", SpeakerKind::Group, Gender::Unknown),
            ("Ukrainian officials", SpeakerKind::Group, Gender::Unknown),
        ],
    ]);
    assert_eq!(sid(&story, 0, 0), sid(&story, 1, 0));
    assert_ne!(sid(&story, 1, 0), sid(&story, 1, 1));
    assert_eq!(
        story.speakers[sid(&story, 0, 0)].affiliation,
        Some("Russia")
    );
    assert_eq!(
        story.speakers[sid(&story, 1, 1)].affiliation,
        Some("Ukraine")
    );
}

#[test]
fn merging_is_near_linear_on_many_distinct_people() {
    // 2,000 speakers over 200 articles: 400 people, each spelt five ways. The result is checked exactly;
    // the blocking is what keeps this fast (see the benchmark figures in the report, not a timed test).
    let firsts = ["Mykhailo", "Mikhail", "Mikhailo", "Mykhailo", "Mikhail"];
    // Surnames carry a code of two consonant-vowel syllables twice (letters no key rule rewrites or
    // collapses), so any two surnames differ by at least two edits.
    let syllable = |i: usize| {
        format!(
            "{}{}",
            "bdfglmptv".as_bytes()[i / 5 % 9] as char,
            "aeiou".as_bytes()[i % 5] as char
        )
    };
    let code = |i: usize| format!("{}{}", syllable(i / 45), syllable(i % 45));
    let people: Vec<String> = (0..400)
        .map(|i| format!("Kor{}en{}ko", code(i), code(i)))
        .collect();
    let mut arts: Vec<Vec<(String, SpeakerKind, Gender)>> = vec![Vec::new(); 200];
    for (i, surname) in people.iter().enumerate() {
        for (v, first) in firsts.iter().enumerate() {
            let a = (i * 5 + v) % 200;
            arts[a].push((
                format!("{first} {surname}"),
                SpeakerKind::Person,
                Gender::Unknown,
            ));
        }
    }
    let borrowed: Vec<Vec<(&str, SpeakerKind, Gender)>> = arts
        .iter()
        .map(|a| a.iter().map(|(n, k, g)| (n.as_str(), *k, *g)).collect())
        .collect();
    let refs: Vec<&[(&str, SpeakerKind, Gender)]> = borrowed.iter().map(|a| a.as_slice()).collect();
    let (story, _) = story_of(&refs);
    assert_eq!(story.speakers.len(), 400);
    assert!(story.speakers.iter().all(|s| s.members.len() == 5));
}

// ---------------------------------------------------------------------------------------------------------
// Diff

#[test]
fn diff_ops_reproduce_both_versions_of_seed_statements() {
    let pairs = [
        (
            "The next meeting will take place in the coming days on the Polish-Belarusian border, there is an agreement to that effect,",
            "The next meeting will take place in the coming days at the Polish-Belarusian border. There is already a relevant agreement.",
        ),
        (
            "found certain points on which common positions could be foreseen",
            "We have identified certain points from which we can predict common positions.",
        ),
        ("", "Negotiations are difficult,"),
        ("Зеленский сказал «нет»", "Зеленський сказав «ні»"),
    ];
    for (a, b) in pairs {
        for (x, y) in [(a, b), (b, a)] {
            let ops = diff_words(x, y);
            assert_eq!(old_text(&ops), x);
            assert_eq!(new_text(&ops), y);
            assert!(ops
                .iter()
                .all(|o| ["same", "add", "del"].contains(&o.op) && !o.text.is_empty()));
        }
    }
    let ops = diff_words(pairs[1].0, pairs[1].1);
    let same: String = ops
        .iter()
        .filter(|o| o.op == "same")
        .map(|o| o.text.as_str())
        .collect();
    assert!(same.contains("certain points "), "{ops:?}");
}

// ---------------------------------------------------------------------------------------------------------
// The five seed articles, attributed by hand

#[test]
fn seed_speakers_merge_across_outlets() {
    let analyses = seed_analyses();
    let story = seed_story(&analyses);

    let podolyak = one_speaker(&story, "Podol");
    assert_eq!(podolyak.articles, vec![0, 1, 2, 3, 4]);
    for n in [
        "Mykhailo Podolyak",
        "Mikhail Podoliak",
        "Mykhailo Podoliak",
        "Mikhailo Podolyak",
        "Mikhail Podolyak",
        "Podolyak",
    ] {
        assert!(
            spellings(podolyak).contains(n),
            "{n}: {:?}",
            spellings(podolyak)
        );
    }
    assert_eq!(podolyak.affiliation, Some("Ukraine"));

    let medinsky = one_speaker(&story, "Medinsk");
    assert_eq!(medinsky.articles, vec![0, 1, 2, 3]);
    assert!(spellings(medinsky).is_superset(
        &["Vladimir Medinsky", "Vladimir Medinski", "Medinski"]
            .map(String::from)
            .into()
    ));
    assert_eq!(medinsky.affiliation, Some("Russia"));

    let zelensky = one_speaker(&story, "Zelensk");
    assert_eq!(zelensky.articles, vec![0, 1, 4]);
    assert!(
        spellings(zelensky).contains("Volodymyr Zelenskyy")
            && spellings(zelensky).contains("Volodymyr Zelensky")
    );
    assert_eq!(zelensky.affiliation, Some("Ukraine"));

    let peskov = one_speaker(&story, "Peskov");
    assert_eq!(peskov.affiliation, Some("Russia"));
    assert_eq!(peskov.total_quotes, 4);

    // "Vladimir Green" (machine translation of Zelensky) is kept apart but flagged.
    let green = one_speaker(&story, "Green");
    assert_ne!(green.id, zelensky.id);
    assert!(
        green.possibly_same.contains(&zelensky.id) && zelensky.possibly_same.contains(&green.id)
    );
    assert!(!medinsky.possibly_same.contains(&zelensky.id));

    // Two different unnamed aides to Putin are not Putin, and not merged with anyone.
    assert!(speakers_matching(&story, "aide to Russian President")
        .iter()
        .all(|s| s.members.len() == 1));
    // Kremlin / the Kremlin.
    let kremlin = one_speaker(&story, "Kremlin");
    assert_eq!(kremlin.kind, "organisation");
    assert_eq!(kremlin.articles, vec![2, 4]);
    // Side from another speaker's side: Kuleba's own description names Ukraine; Bachelet's names the UN.
    assert_eq!(
        one_speaker(&story, "Bachelet").affiliation,
        Some("United Nations")
    );
}

#[test]
fn seed_quote_groups() {
    let analyses = seed_analyses();
    let story = seed_story(&analyses);
    let group_with = |needle: &str| {
        let gs: Vec<_> = story
            .quote_groups
            .iter()
            .filter(|g| g.versions.iter().any(|v| v.text.contains(needle)))
            .collect();
        assert_eq!(gs.len(), 1, "{needle}: {gs:#?}");
        gs[0]
    };
    // Medinsky's "next meeting": verbatim (000), reworded (001), extended (003).
    let next = group_with("The next meeting will take place");
    assert_eq!(next.articles, vec![0, 1, 3]);
    assert!(next
        .versions
        .iter()
        .all(|v| v.text.starts_with("The next meeting")));
    let medinsky = one_speaker(&story, "Medinsk").id;
    assert_eq!(next.speakers, vec![medinsky]);
    assert!(!next.conflict);
    for v in &next.versions {
        let reference = &next.versions[next.reference].text;
        assert_eq!(&old_text(&v.diff), reference);
        assert_eq!(&new_text(&v.diff), &v.text);
        assert_eq!(
            &SEEDS[v.article].1[v.start..v.end],
            v.text,
            "offsets point at the version"
        );
        assert!(analyses[v.article].quotes[v.quote].parts.is_empty());
    }

    // The translation: "found certain points…" (000, 002, mixed) / "We have identified certain points…" (001,
    // direct, attributed to "Russian officials"): one group, and a conflict.
    let points = group_with("certain points");
    assert_eq!(points.articles, vec![0, 1, 2]);
    assert!(
        points.versions.iter().any(|v| v.kind == "direct")
            && points.versions.iter().any(|v| v.kind == "mixed")
    );
    assert!(points.conflict);
    let officials = one_speaker(&story, "Russian officials").id;
    assert_eq!(
        points.speakers.iter().copied().collect::<BTreeSet<_>>(),
        [medinsky, officials].into()
    );

    // Podolyak's two statements, each across two outlets.
    assert_eq!(
        group_with("Unfortunately, the Russian side").articles,
        vec![1, 2]
    );
    assert_eq!(group_with("priority topics").articles, vec![3, 4]);

    // Statements only one outlet has are in no group.
    for needle in [
        "Negotiations are difficult",
        "We will not surrender",
        "I suggest we wait",
        "Kharkiv has just",
    ] {
        assert!(
            story
                .quote_groups
                .iter()
                .all(|g| g.versions.iter().all(|v| !v.text.contains(needle))),
            "{needle}"
        );
    }
    // Every pair inside a group scores at least the threshold against the reference or another member.
    for g in &story.quote_groups {
        assert!(g.similarity > 0.0 && g.similarity <= 1.0);
        assert!(g.articles.len() >= 2);
    }
}

#[test]
fn seed_article_reports() {
    let analyses = seed_analyses();
    let story = seed_story(&analyses);
    assert_eq!(story.articles.len(), 5);
    let medinsky = one_speaker(&story, "Medinsk").id;
    let officials = one_speaker(&story, "Russian officials").id;

    // Article 001 says "Russian officials" where 000 and 002 say Medinsky: both sides see the conflict.
    let a1 = &story.articles[1];
    let c = a1
        .conflicts
        .iter()
        .find(|c| c.speaker == officials)
        .expect("conflict in 001");
    assert!(c
        .others
        .iter()
        .any(|o| o.speaker == medinsky && (o.article == 0 || o.article == 2)));
    let a0 = &story.articles[0];
    assert!(a0.conflicts.iter().any(|c| c.speaker == medinsky
        && c.others
            .iter()
            .any(|o| o.article == 1 && o.speaker == officials)));

    // Shares: article 002 quotes Peskov 4 times of 11.
    let a2 = &story.articles[2];
    assert_eq!(a2.quotes, 11);
    let peskov = one_speaker(&story, "Peskov").id;
    let share = a2.by_speaker.iter().find(|s| s.speaker == peskov).unwrap();
    assert_eq!((share.quotes, share.share), (4, 0.364));
    let russia: usize = a2
        .by_side
        .iter()
        .filter(|s| s.side == "Russia")
        .map(|s| s.quotes)
        .sum();
    // Medinsky 3 + Peskov 4 + the Kremlin 1.
    assert_eq!(russia, 8);
    let total: f32 = a2.by_side.iter().map(|s| s.share).sum();
    assert!((total - 1.0).abs() < 0.01);

    // Exclusive quotes: Kuleba's line is only in 004; Medinsky's "next meeting" in 000 is not exclusive.
    let a4 = &story.articles[4];
    let kuleba_q = 4;
    assert!(a4.exclusive_quotes.contains(&kuleba_q));
    assert!(!a0.exclusive_quotes.contains(&4));
    for r in &story.articles {
        let grouped: usize = story
            .quote_groups
            .iter()
            .flat_map(|g| &g.versions)
            .filter(|v| v.article == r.article)
            .count();
        assert_eq!(
            r.exclusive_quotes.len() + grouped,
            r.quotes,
            "article {}",
            r.article
        );
    }
}

#[test]
fn text_report_shows_matrix_groups_and_diffs() {
    let analyses = seed_analyses();
    let story = seed_story(&analyses);
    let text = text_report(&story, &SEEDS);
    assert!(text.contains("Story: 5 articles"));
    assert!(
        text.contains("No breakthrough at Ukraine talks"),
        "headlines"
    );
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("Mykhailo Podolyak"))
        .expect("matrix row");
    assert!(row.contains("Ukraine"));
    assert!(text.contains("[-") && text.contains("{+"), "diff marks");
    assert!(text.contains("CONFLICT"));
    assert!(text.contains("possibly the same as"));
}

#[test]
fn json_shape_and_offsets_in_utf16() {
    let analyses = seed_analyses();
    let story = seed_story(&analyses);
    let mut utf16 = story.clone();
    let texts: Vec<&str> = SEEDS.iter().map(|(_, t)| *t).collect();
    utf16.convert_offsets(&texts, Encoding::Utf16);
    for (g, g16) in story.quote_groups.iter().zip(&utf16.quote_groups) {
        for (v, v16) in g.versions.iter().zip(&g16.versions) {
            let t = SEEDS[v.article].1;
            assert_eq!(v16.start, t[..v.start].encode_utf16().count());
            assert_eq!(v16.end, t[..v.end].encode_utf16().count());
        }
    }
    let json = serde_json::to_value(&utf16).unwrap();
    for key in ["speakers", "quote_groups", "articles"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let g = &json["quote_groups"][0];
    for key in [
        "id",
        "similarity",
        "articles",
        "speakers",
        "conflict",
        "reference",
        "versions",
    ] {
        assert!(g.get(key).is_some(), "group.{key}");
    }
    let v = &g["versions"][0];
    for key in [
        "article",
        "quote",
        "kind",
        "speaker",
        "start",
        "end",
        "text",
        "similarity",
        "diff",
    ] {
        assert!(v.get(key).is_some(), "version.{key}");
    }
    assert!(["same", "add", "del"].contains(&v["diff"][0]["op"].as_str().unwrap()));
    let s = &json["speakers"][0];
    for key in [
        "id",
        "name",
        "kind",
        "gender",
        "aliases",
        "descriptions",
        "affiliation",
        "articles",
        "quotes",
        "members",
    ] {
        assert!(s.get(key).is_some(), "speaker.{key}");
    }
    assert!(s["members"][0].as_array().is_some_and(|m| m.len() == 2));
}

#[test]
fn empty_and_degenerate_input_is_sane() {
    let story = build_story(&[]);
    assert!(
        story.speakers.is_empty() && story.quote_groups.is_empty() && story.articles.is_empty()
    );
    let out = analyze_story(&[], Encoding::Utf16);
    assert!(out.documents.is_empty());
    // A quote with out-of-range span and an out-of-range speaker id.
    let bad = Analysis {
        quotes: vec![Quote {
            kind: QuoteKind::Direct,
            span: Span::new(50, 80),
            cue: None,
            speaker: None,
            speaker_id: Some(7),
            confidence: 0.5,
            sieve: "hand",
            parts: Vec::new(),
        }],
        speakers: vec![Speaker {
            name: String::new(),
            kind: SpeakerKind::Person,
            gender: Gender::Unknown,
            aliases: Vec::new(),
            descriptions: Vec::new(),
            mentions: Vec::new(),
            quotes: 0,
        }],
        quotations: Vec::new(),
    };
    let story = build_story(&[("x", "short", &bad), ("y", "", &bad)]);
    assert_eq!(story.articles[0].quotes, 1);
    assert_eq!(story.articles[0].attributed, 0);
    assert!(story.quote_groups.is_empty());
    let _ = text_report(&story, &[]);
}

// ---------------------------------------------------------------------------------------------------------
// End to end through the core (needs whosaid::analyze to find and attribute quotes on the seeds)

#[test]
fn end_to_end_on_the_five_seeds() {
    let out = analyze_story(&SEEDS, Encoding::Utf8);
    assert_eq!(out.documents.len(), 5);
    let story = &out.story;

    // Every spelling the core found for a person, in any article, is on that person's one story speaker.
    for (needle, want_articles) in [("Podol", 4), ("Medinsk", 3), ("Zelensk", 3), ("Peskov", 1)] {
        let sp = one_speaker(story, needle);
        assert!(
            sp.articles.len() >= want_articles,
            "{needle} in {:?}",
            sp.articles
        );
        for d in &out.documents {
            for s in d
                .speakers
                .iter()
                .filter(|s| s.name.contains(needle) && s.kind == "person")
            {
                let all = spellings(sp);
                assert!(
                    all.contains(s.name.trim()),
                    "{needle}: {} not in {all:?}",
                    s.name
                );
                for a in s.aliases.iter().filter(|a| a.contains(needle)) {
                    assert!(all.contains(a.trim()), "{needle}: alias {a} not in {all:?}");
                }
            }
        }
    }
    // Both transliterations are seen.
    let podolyak = spellings(one_speaker(story, "Podol"));
    assert!(
        podolyak.iter().any(|n| n.contains("Podolyak"))
            && podolyak.iter().any(|n| n.contains("Podoliak"))
    );
    let medinsky = spellings(one_speaker(story, "Medinsk"));
    assert!(
        medinsky.iter().any(|n| n.contains("Medinsky"))
            && medinsky.iter().any(|n| n.contains("Medinski"))
    );

    // Medinsky's "next meeting" statement: one group over 000, 001 and 003.
    let groups: Vec<_> = story
        .quote_groups
        .iter()
        .filter(|g| {
            g.versions
                .iter()
                .any(|v| v.text.contains("next meeting will take place"))
        })
        .collect();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    for a in [0, 1, 3] {
        assert!(
            groups[0].articles.contains(&a),
            "article {a} missing: {:?}",
            groups[0].articles
        );
    }
    let medinsky_id = one_speaker(story, "Medinsk").id;
    assert!(groups[0]
        .versions
        .iter()
        .all(|v| v.speaker == Some(medinsky_id)));
}

#[test]
fn a_quote_split_by_its_cue_is_compared_by_its_parts() {
    let t0 = "“The next meeting will take place in the coming days,” Medinsky said. “There is an agreement to that effect.”";
    let t1 = "Medinsky said: “The next meeting will take place in the coming days. There is an agreement to that effect.”";
    let first = span_of(t0, "“The next meeting will take place in the coming days,”");
    let second = span_of(t0, "“There is an agreement to that effect.”");
    let mut a0 = analysis(
        t0,
        &[person("Vladimir Medinsky", &[], &[])],
        &[(Direct, t0, 0)],
    );
    a0.quotes[0].parts = vec![first, second];
    let a1 = analysis(
        t1,
        &[person("Vladimir Medinski", &[], &[])],
        &[(Direct, &t1[t1.find('“').unwrap()..], 0)],
    );
    let story = build_story(&[("a", t0, &a0), ("b", t1, &a1)]);
    assert_eq!(story.quote_groups.len(), 1);
    let g = &story.quote_groups[0];
    let v0 = g.versions.iter().find(|v| v.article == 0).unwrap();
    assert_eq!(
        v0.text,
        "The next meeting will take place in the coming days, There is an agreement to that effect."
    );
    assert!(
        !v0.text.contains("said"),
        "the cue between the parts is not part of the words"
    );
    assert_eq!(
        (v0.start, v0.end),
        (first.start + "“".len(), second.end - "”".len())
    );
    let other = g.versions.iter().find(|v| v.article == 1).unwrap();
    let changed: Vec<&str> = other
        .diff
        .iter()
        .chain(&v0.diff)
        .filter(|o| o.op != "same")
        .map(|o| o.text.as_str())
        .collect();
    assert!(
        changed.iter().all(|c| c.trim().len() <= 1),
        "only the comma/period differ: {changed:?}"
    );
}

#[test]
fn arbitrary_spans_and_names_never_panic() {
    // Deterministic pseudo-random analyses over multi-byte text: spans off char boundaries and out of range,
    // parts in any order, speaker ids out of range, names in several scripts or empty.
    let text = "Зеленський said: “Ми не здамося.” 😀 Ünïcödé — “Another round,” he said. “We agree.” 中文 'x'";
    let names = [
        "",
        " ",
        "Володимир Зеленський",
        "Zelensky",
        "王毅",
        "the",
        "A.",
        "von der",
        "’s",
        "Dr. Ø. Ærø",
        "President",
        "UN",
        "U.N.",
        "Kremlin’s",
        "x-y-z",
        "Mykhailo Podolyak Jr.",
    ];
    let kinds = [
        SpeakerKind::Person,
        SpeakerKind::Organisation,
        SpeakerKind::Group,
        SpeakerKind::Unknown,
    ];
    let mut seed = 0x9e3779b9u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    for _round in 0..100 {
        let mut analyses = Vec::new();
        for _ in 0..6 {
            let speakers: Vec<Speaker> = (0..5)
                .map(|_| Speaker {
                    name: names[next() % names.len()].to_string(),
                    kind: kinds[next() % kinds.len()],
                    gender: Gender::Unknown,
                    aliases: vec![names[next() % names.len()].to_string()],
                    descriptions: vec![names[next() % names.len()].to_string()],
                    mentions: Vec::new(),
                    quotes: 0,
                })
                .collect();
            let quotes: Vec<Quote> = (0..8)
                .map(|_| {
                    let a = next() % (text.len() + 10);
                    let b = next() % (text.len() + 10);
                    Quote {
                        kind: QuoteKind::Direct,
                        span: Span::new(a.min(b), a.max(b)),
                        cue: None,
                        speaker: None,
                        speaker_id: Some(next() % 7),
                        confidence: 0.5,
                        sieve: "fuzz",
                        parts: (0..next() % 3)
                            .map(|_| {
                                Span::new(next() % (text.len() + 5), next() % (text.len() + 5))
                            })
                            .collect(),
                    }
                })
                .collect();
            analyses.push(Analysis {
                quotes,
                speakers,
                ..Default::default()
            });
        }
        let docs: Vec<(&str, &str, &Analysis)> = analyses.iter().map(|a| ("d", text, a)).collect();
        let mut story = build_story(&docs);
        assert_eq!(story.articles.len(), 6);
        for g in &story.quote_groups {
            for v in &g.versions {
                assert_eq!(new_text(&v.diff), v.text);
            }
        }
        story.convert_offsets(&[text; 6], Encoding::Chars);
        let _ = text_report(&story, &[]);
        let _ = serde_json::to_string(&story).unwrap();
    }
}
