//! The `quotations` list: every pair of quotation marks, as quote finders elsewhere report them (CoreNLP's
//! QuoteAnnotator, compromise's `.quotations()`, BookNLP), on passages written for these tests and grouped by the
//! kind of case those projects' suites check: mark styles, pairs around a cue, nesting, apostrophes, unclosed and
//! stray marks, quotes over paragraphs and lines, dialogue runs, then the kind of each pair and its quote.
//!
//! A case lists every pair in text order, each prefixed by one `>` per level of nesting.

use whosaid::{analyze, analyze_document, Encoding, QuotationKind};

/// Every pair of `text`, `>` per depth.
fn found(text: &str) -> Vec<String> {
    analyze(text)
        .quotations
        .iter()
        .map(|q| format!("{}{}", ">".repeat(q.depth), q.span.text(text)))
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = found(text);
        if got != *want {
            wrong.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_style_of_mark_pairs() {
    // Each style at the start, inside and at the end of a sentence.
    let styles = [
        ("“", "”"),
        ("‘", "’"),
        ("\"", "\""),
        ("'", "'"),
        ("«", "»"),
        ("‹", "›"),
        ("„", "“"),
        ("„", "”"),
        ("‚", "‘"),
        ("‚", "’"),
        ("「", "」"),
        ("『", "』"),
        ("``", "''"),
        ("`", "'"),
        ("''", "''"),
        ("‟", "”"),
        ("‛", "’"),
        ("〝", "〞"),
        ("〝", "〟"),
        ("⹂", "”"),
        ("‵", "′"),
        ("‶", "″"),
        ("‷", "‴"),
        ("＂", "＂"),
        ("`", "´"),
        ("»", "«"),
        ("”", "”"),
    ];
    let mut cases: Vec<(String, Vec<String>)> = Vec::new();
    for (o, c) in styles {
        let q = |s: &str| format!("{o}{s}{c}");
        cases.push((
            format!("the soup was {} tonight", q("far too salty")),
            vec![q("far too salty")],
        ));
        cases.push((format!("it was {} at best :/", q("fine")), vec![q("fine")]));
        cases.push((q("Quiet"), vec![q("Quiet")]));
        cases.push((q("a quiet night"), vec![q("a quiet night")]));
        cases.push((
            format!("The mayor called it {}.", q("a lasting gift")),
            vec![q("a lasting gift")],
        ));
    }
    let cases: Vec<(&str, Vec<&str>)> = cases
        .iter()
        .map(|(t, w)| (t.as_str(), w.iter().map(String::as_str).collect()))
        .collect();
    let cases: Vec<(&str, &[&str])> = cases.iter().map(|(t, w)| (*t, w.as_slice())).collect();
    check(&cases);
}

#[test]
fn two_quotes_around_a_cue() {
    check(&[
        (
            "“Come in,” the porter said, “the rain will not stop tonight.”",
            &["“Come in,”", "“the rain will not stop tonight.”"],
        ),
        (
            "\"Come in,\" the porter said, \"the rain will not stop tonight.\"",
            &["\"Come in,\"", "\"the rain will not stop tonight.\""],
        ),
        (
            "'Come in,' the porter said, 'the rain will not stop tonight.'",
            &["'Come in,'", "'the rain will not stop tonight.'"],
        ),
        (
            "`Come in,' the porter said, ``the rain will not stop tonight.''",
            &["`Come in,'", "``the rain will not stop tonight.''"],
        ),
        (
            "‘Come in,’ the porter said, ‘the rain will not stop tonight.’",
            &["‘Come in,’", "‘the rain will not stop tonight.’"],
        ),
        // Straight quotes with a dash or a double hyphen after them.
        ("\"Stop\"--cried the boatman from the pier", &["\"Stop\""]),
        (
            "“-Safe- travels to you!”—Then he left",
            &["“-Safe- travels to you!”"],
        ),
        (
            "\"-Safe- travels to you!\"—Then he left",
            &["\"-Safe- travels to you!\""],
        ),
        // A mark in the other one's place: “ closing, as a typewriter would have it.
        (
            "“Come in,“ the porter said, “the rain will not stop.”",
            &["“Come in,“", "“the rain will not stop.”"],
        ),
    ]);
}

#[test]
fn nesting_to_any_depth_with_mixed_styles() {
    check(&[
        // Same style inside itself.
        (
            "“Sit,” she said, “the “guests” are late.”",
            &["“Sit,”", "“the “guests” are late.”", ">“guests”"],
        ),
        // Single inside double and double inside single, straight and curly.
        (
            "\"'Sit,' she told me, 'the guests are late.'\"",
            &["\"'Sit,' she told me, 'the guests are late.'\"", ">'Sit,'", ">'the guests are late.'"],
        ),
        (
            "'\"Sit,\" she told me, \"the guests are late.\"'",
            &["'\"Sit,\" she told me, \"the guests are late.\"'", ">\"Sit,\"", ">\"the guests are late.\""],
        ),
        (
            "“She told me ‘never again’ and I said ‘why’,” Ruth said.",
            &["“She told me ‘never again’ and I said ‘why’,”", ">‘never again’", ">‘why’"],
        ),
        // Three levels, three styles.
        ("“One «two “three” two» one”", &["“One «two “three” two» one”", ">«two “three” two»", ">>“three”"]),
        // LaTeX marks: the apostrophes at the end close what is open, innermost first.
        ("``Say ``when it rains''''", &["``Say ``when it rains''''", ">``when it rains''"]),
        ("`Say `when it rains''", &["`Say `when it rains''", ">`when it rains'"]),
        (
            "``One ``two `three ``four five'''''''",
            &[
                "``One ``two `three ``four five'''''''",
                ">``two `three ``four five'''''",
                ">>`three ``four five'''",
                ">>>``four five''",
            ],
        ),
        ("``One ``two ``three'' two'' one''", &["``One ``two ``three'' two'' one''", ">``two ``three'' two''", ">>``three''"]),
        // A single quote in a double one in a single one, and a double one in it again.
        (
            "'Keep \"all 'these' rules\" close,' he wrote.",
            &["'Keep \"all 'these' rules\" close,'", ">\"all 'these' rules\"", ">>'these'"],
        ),
        // Other languages' conventions: French spaced guillemets, German low marks, Japanese brackets.
        ("Il a dit « non, jamais » hier.", &["« non, jamais »"]),
        ("Er sagte: „Sie rief ‚Halt‘ und lief.“", &["„Sie rief ‚Halt‘ und lief.“", ">‚Halt‘"]),
        ("彼は「母は『いいえ』と言った」と話した。", &["「母は『いいえ』と言った」", ">『いいえ』"]),
        // Many levels deep.
        (
            "“a ‘b “c ‘d “e ‘ff’ e” d’ c” b’ a”",
            &["“a ‘b “c ‘d “e ‘ff’ e” d’ c” b’ a”", ">‘b “c ‘d “e ‘ff’ e” d’ c” b’", ">>“c ‘d “e ‘ff’ e” d’ c”", ">>>‘d “e ‘ff’ e” d’", ">>>>“e ‘ff’ e”", ">>>>>‘ff’"],
        ),
        // Guillemets and low marks over a line break, with LaTeX and straight marks inside; the corner bracket
        // that never closes is dropped and what it held is reported at the top.
        (
            "It was odd 「to read `Keep out,' on the gate of the old mill\nyard at noon. ‚Fine, I'll \"wait\" here,‘ he said, «and\nsee if the sign says ``private'' or \"not»",
            &[
                "`Keep out,'",
                "‚Fine, I'll \"wait\" here,‘",
                ">\"wait\"",
                "«and\nsee if the sign says ``private'' or \"not»",
                ">``private''",
            ],
        ),
    ]);
}

#[test]
fn apostrophes_are_not_marks() {
    check(&[
        // Elisions at the start of words, inside a quote and at its start.
        (
            "\"'Tis late, “Sir 'tis “Sir Roger” Roger”, late, when 'tis dark I cannot see\n the road at all.\"",
            &[
                "\"'Tis late, “Sir 'tis “Sir Roger” Roger”, late, when 'tis dark I cannot see\n the road at all.\"",
                ">“Sir 'tis “Sir Roger” Roger”",
                ">>“Sir Roger”",
            ],
        ),
        (
            "''Twas brillig' said the note, and then 'We left at dawn,' she said",
            &["''Twas brillig'", "'We left at dawn,'"],
        ),
        ("'twas a cold week", &[]),
        ("a cold week, I was freezin'", &[]),
        ("They met in the '90s and again in the ’80s.", &[]),
        ("We like rock 'n' roll and fish 'n' chips.", &[]),
        // Possessives after s.
        ("\"Smiths' dog is louder!\"", &["\"Smiths' dog is louder!\""]),
        (
            "\"I said the Smiths' dog was louder,\" but she laughed. I was cross--\"That dog is louder than all the Joneses' hounds!\"",
            &["\"I said the Smiths' dog was louder,\"", "\"That dog is louder than all the Joneses' hounds!\""],
        ),
        ("'It's the girls' turn now,' he said.", &["'It's the girls' turn now,'"]),
        ("'I was walkin' home,' he said.", &["'I was walkin' home,'"]),
        ("He said 'fine' and the workers' union agreed.", &["'fine'"]),
        ("The fans' chant was 'again' and the players' reply 'never'.", &["'again'", "'never'"]),
        // Marks between letters.
        ("“Where is the cat‘s bowl today?” she asked.", &["“Where is the cat‘s bowl today?”"]),
        ("Anna`s brother said, ``the train is late.''", &["``the train is late.''"]),
        ("I don´t know, he said.", &[]),
        (
            "\"Late?\"\n\n\"I can't see 'em!\"\n\n\"Quick, she's by the gate!\" the boy cried.",
            &["\"Late?\"", "\"I can't see 'em!\"", "\"Quick, she's by the gate!\""],
        ),
    ]);
}

#[test]
fn unclosed_and_stray_marks_never_swallow_what_follows() {
    check(&[
        ("\"Stay,\" she said, \"the night is long", &["\"Stay,\""]),
        ("'Stay,' she said, 'the night is long", &["'Stay,'"]),
        ("Stay,   \" she said, 'the night is long'", &["'the night is long'"]),
        ("we heard \"the bell ring at noon", &[]),
        ("It ended.” Then “fine” came.", &["“fine”"]),
        ("the near future.’ Then ‘fine’ came.", &["‘fine’"]),
        // ‚ and ‘ after a word, before a space, are no marks.
        ("“Stay,” she said, “the‚ night‘ is long.”", &["“Stay,”", "“the‚ night‘ is long.”"]),
        // An unclosed quote ends with its paragraph when the next one has marks of its own.
        (
            "He said: “This never ends.\n\nA new line with “a real quote” in it.",
            &["“a real quote”"],
        ),
        (
            "He said: \"This never ends.\n\nA new line with \"a real quote\" in it.\n\nAnd \"one more\".",
            &["\"a real quote\"", "\"one more\""],
        ),
    ]);
    // A stray mark in front of a long article on one line does not take it all.
    let body: Vec<String> = (1..=30).map(|k| format!("Line {k} ends here.")).collect();
    let text = format!("Before “{} Then “late” came.", body.join(" "));
    assert_eq!(found(&text), ["“late”"]);
}

#[test]
fn quotes_over_several_paragraphs_and_lines() {
    check(&[
        // News style: each paragraph reopens, only the last closes.
        (
            "Words come first \"Hi,\n\n \"I am the middle paragraph.\n\n\"I am the end.\" and words after",
            &["\"Hi,\n\n \"I am the middle paragraph.\n\n\"I am the end.\""],
        ),
        (
            "Words come first 'Hi,\n\n 'I am the middle.\n\n'I am nearly done.\n\n'so here's the end.' and words after",
            &["'Hi,\n\n 'I am the middle.\n\n'I am nearly done.\n\n'so here's the end.'"],
        ),
        (
            "She said: “We begin.\n\n“We go on, ‘slowly’.\n\n“We end.” Then she left.",
            &["“We begin.\n\n“We go on, ‘slowly’.\n\n“We end.”", ">‘slowly’"],
        ),
        // Hard-wrapped lines.
        (
            "Words come first \"Hi,\nI am the middle line.\nI am the end.\" and words after",
            &["\"Hi,\nI am the middle line.\nI am the end.\""],
        ),
        (
            "Words come first 'Hi,\nI am the middle line.\nI am the end.' and words after",
            &["'Hi,\nI am the middle line.\nI am the end.'"],
        ),
        (
            "\"Out of time, Mr. Grey, out of time, when I have not met the man\n myself; how could you ask it?\"",
            &["\"Out of time, Mr. Grey, out of time, when I have not met the man\n myself; how could you ask it?\""],
        ),
        // Lines kept apart by blank lines, a quote inside a quote over all of them.
        (
            "\"'Sit,' said the old man; 'and I will\n\nsee what I can find for\n\nyou; but my sons\n\nare out, and I\n\ncannot see well enough to cook\n\nmuch for you.'\"",
            &[
                "\"'Sit,' said the old man; 'and I will\n\nsee what I can find for\n\nyou; but my sons\n\nare out, and I\n\ncannot see well enough to cook\n\nmuch for you.'\"",
                ">'Sit,'",
                ">'and I will\n\nsee what I can find for\n\nyou; but my sons\n\nare out, and I\n\ncannot see well enough to cook\n\nmuch for you.'",
            ],
        ),
        (
            "It is easy to say 'Eat me,' but the careful girl was\nnot going to do that at once. 'No, I'll \"check\" first,' she said, 'and\nsee whether it's labelled \"danger\" or not';",
            &[
                "'Eat me,'",
                "'No, I'll \"check\" first,'",
                ">\"check\"",
                "'and\nsee whether it's labelled \"danger\" or not'",
                ">\"danger\"",
            ],
        ),
    ]);
}

#[test]
fn dialogue_runs_and_quotes_with_no_cue() {
    check(&[
        // British single-quote dialogue over paragraphs, with possessives and contractions inside.
        (
            "'I can't,' said Tom. 'It's the Smiths' turn, and they're late.'\n\n'Then we'll wait,' she said.",
            &["'I can't,'", "'It's the Smiths' turn, and they're late.'", "'Then we'll wait,'"],
        ),
        // A row of quotes, some holding others.
        (
            "\"Ann's\" 'first act' 'was a \"truly bold\" move' \"by all\" 'truly bold \"ideas\"'",
            &[
                "\"Ann's\"",
                "'first act'",
                "'was a \"truly bold\" move'",
                ">\"truly bold\"",
                "\"by all\"",
                "'truly bold \"ideas\"'",
                ">\"ideas\"",
            ],
        ),
        ("\"Where?\" \"There!\"", &["\"Where?\"", "\"There!\""]),
        (
            "“Where?” “There!” “Now?” “Yes.”",
            &["“Where?”", "“There!”", "“Now?”", "“Yes.”"],
        ),
        ("\"Where?\"\"There!\"", &["\"Where?\"", "\"There!\""]),
        ("'Where?' 'There!'", &["'Where?'", "'There!'"]),
        (
            "“Tea?”\n\n“Please.”\n\n“Milk?”\n\n“No, thank you.” She smiled.",
            &["“Tea?”", "“Please.”", "“Milk?”", "“No, thank you.”"],
        ),
        (
            "I heard \"the good news\" today and \"the bad news\" yesterday.",
            &["\"the good news\"", "\"the bad news\""],
        ),
        (
            "so I said \"no, leave it\" go home now!",
            &["\"no, leave it\""],
        ),
        ("so 'just maybe' I said", &["'just maybe'"]),
        ("the 'wokeness' I mean", &["'wokeness'"]),
        ("and \"Dig Deep and Hold\".", &["\"Dig Deep and Hold\""]),
    ]);
}

fn kinds(text: &str) -> Vec<(String, &'static str)> {
    analyze(text)
        .quotations
        .iter()
        .map(|q| (q.span.text(text).to_string(), q.kind.as_str()))
        .collect()
}

fn kind_of(text: &str, quotation: &str) -> QuotationKind {
    let a = analyze(text);
    a.quotations
        .iter()
        .find(|q| q.span.text(text) == quotation)
        .unwrap_or_else(|| panic!("{quotation:?} not found in {:?}", kinds(text)))
        .kind
}

#[test]
fn speech_is_attributed_quotes_dialogue_and_words_after_a_cue() {
    use QuotationKind::Speech;
    // Attributed (direct, interrupted by the cue, mixed).
    let t = "“We will not sign,” the minister said. “Not this year.”";
    assert_eq!(kind_of(t, "“We will not sign,”"), Speech);
    assert_eq!(kind_of(t, "“Not this year.”"), Speech);
    assert_eq!(
        kind_of(
            "The minister said the deal was “a trap for farmers”.",
            "“a trap for farmers”"
        ),
        Speech
    );
    // Dialogue that no cue reaches.
    let t = "“Tea?”\n\n“Please.”\n\n“It is getting late and the road is dark,” came from the hall.";
    for q in [
        "“Tea?”",
        "“Please.”",
        "“It is getting late and the road is dark,”",
    ] {
        assert_eq!(kind_of(t, q), Speech, "{q}");
    }
    // After a cue, inside another quote.
    assert_eq!(
        kind_of(
            "“My aunt told me ‘never’ and meant it,” Ruth said.",
            "‘never’"
        ),
        Speech
    );
}

#[test]
fn terms_are_scare_quotes_so_called_words_and_nicknames() {
    use QuotationKind::Term;
    for (text, q) in [
        ("The so-called “reform” cut every pension.", "“reform”"),
        ("The “experts” never came to the site.", "“experts”"),
        ("the soup is “really good” I guess", "“really good”"),
        ("The word “sanction” has two meanings.", "“sanction”"),
        (
            "He was known as “the Professor” in the squad.",
            "“the Professor”",
        ),
        (
            "The striker Luis “El Rayo” Ortega scored twice.",
            "“El Rayo”",
        ),
        (
            "A group dubbed “the Gang of Eight” met on Monday.",
            "“the Gang of Eight”",
        ),
        // Even inside an attributed quote, and even where the sieve takes it for speech.
        (
            "“This so-called ‘plan’ is a fraud,” the senator said.",
            "‘plan’",
        ),
        (
            "The senator said the so-called “plan” was a fraud.",
            "“plan”",
        ),
    ] {
        assert_eq!(kind_of(text, q), Term, "{text}");
    }
}

#[test]
fn titles_are_works_headlines_and_slogans() {
    use QuotationKind::Title;
    for (text, q) in [
        (
            "We watched the film “The Long Road Home” last night.",
            "“The Long Road Home”",
        ),
        (
            "Her book, titled “Salt and Stone”, sold well.",
            "“Salt and Stone”",
        ),
        (
            "He spoke on NBC's “Meet the Press” on Sunday.",
            "“Meet the Press”",
        ),
        (
            "The crowd held up signs with “Save Our Forests” all day.",
            "“Save Our Forests”",
        ),
        ("A sign reading “keep out” hung on the gate.", "“keep out”"),
        (
            "The headline “Mayor quits” ran on page one.",
            "“Mayor quits”",
        ),
    ] {
        assert_eq!(kind_of(text, q), Title, "{text}");
    }
}

#[test]
fn each_quotation_names_its_quote_and_parent() {
    let t = "“They call it ‘reform’,” the mayor said.\n\nCritics sneer at the “reformers”.";
    let a = analyze(t);
    // (text, depth, parent, quote, kind)
    type Row<'a> = (&'a str, usize, Option<usize>, Option<usize>, &'a str);
    let q: Vec<Row> = a
        .quotations
        .iter()
        .map(|q| (q.span.text(t), q.depth, q.parent, q.quote, q.kind.as_str()))
        .collect();
    assert_eq!(
        q,
        [
            ("“They call it ‘reform’,”", 0, None, Some(0), "speech"),
            ("‘reform’", 1, Some(0), Some(0), "term"),
            ("“reformers”", 0, None, None, "term"),
        ]
    );
    assert_eq!(a.quotes[0].span.text(t), "“They call it ‘reform’,”");
}

#[test]
fn offsets_follow_the_output_encoding() {
    // 😀 is 4 bytes, 2 UTF-16 units, 1 code point; « 2 bytes, 1 unit, 1 code point.
    let t = "😀 «Salut», dit-il. “Hi” 😀";
    for (enc, want) in [
        (Encoding::Utf8, [(5, 14), (24, 32)]),
        (Encoding::Utf16, [(3, 10), (20, 24)]),
        (Encoding::Chars, [(2, 9), (19, 23)]),
    ] {
        let d = analyze_document("x", t, enc);
        let got: Vec<(usize, usize)> = d.quotations.iter().map(|q| (q.start, q.end)).collect();
        assert_eq!(got, want, "{enc:?}");
        assert_eq!(d.quotations[1].text, "“Hi”");
    }
}
