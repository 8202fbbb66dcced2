//! A long text is analysed a section at a time (`whosaid::text::sections`, `whosaid::SECTION_BYTES`): the result
//! must be the whole text's, whatever the section size. tests/properties.rs checks this on random texts; here it is
//! checked on a corpus of real articles long enough for `analyze` to cut it.
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use whosaid::{analyze, text::sections, SECTION_BYTES};

// The seed articles (tests/fixtures), as the examples have them.
#[path = "../examples/common/seeds.rs"]
mod seeds;
use seeds::SEEDS;

/// The seed articles one after another, a blank line between them, `copies` times; with each article's start.
fn corpus(copies: usize) -> (String, Vec<(usize, usize)>) {
    let mut s = String::new();
    let mut starts = Vec::new();
    for _ in 0..copies {
        for (i, seed) in SEEDS.iter().enumerate() {
            starts.push((i, s.len()));
            s.push_str(seed.trim_end());
            s.push_str("\n\n");
        }
    }
    (s, starts)
}

#[test]
fn a_long_corpus_analyses_the_same_in_sections_and_whole() {
    let (text, _) = corpus(45);
    assert!(text.len() > 2 * SECTION_BYTES);
    let cut = sections(&text, SECTION_BYTES);
    assert!(cut.len() >= 2, "{} sections", cut.len());
    assert!(sections(&text, 1).len() > 300);
    let a = analyze(&text);
    invariants::check_sections(&text, &a).unwrap();
    assert!(a.quotes.len() > 45 * 50, "{} quotes", a.quotes.len());
}

#[test]
fn every_copy_of_an_article_has_the_same_quotes_wherever_the_sections_fall() {
    let (text, starts) = corpus(45);
    let a = analyze(&text);
    // The quotes of each article copy, with offsets from its start.
    let quotes_of = |k: usize| -> Vec<_> {
        let start = starts[k].1;
        let end = starts.get(k + 1).map_or(text.len(), |&(_, s)| s);
        let at = |s: whosaid::Span| (s.start - start, s.end - start);
        a.quotes
            .iter()
            .filter(|q| q.span.start >= start && q.span.end <= end)
            .map(|q| (at(q.span), q.kind, q.cue.map(at), q.speaker.map(at)))
            .collect()
    };
    // The second round of copies is the reference: from there on, each article follows the one it follows in
    // every later round.
    let n = SEEDS.len();
    let reference: Vec<_> = (n..2 * n).map(quotes_of).collect();
    assert!(reference.iter().all(|q| !q.is_empty()));
    for k in 2 * n..starts.len() {
        assert_eq!(
            quotes_of(k),
            reference[k % n],
            "copy {k} at byte {}",
            starts[k].1
        );
    }
}

/// Lines of hard-wrapped text are read as one paragraph (`whosaid::text::wrap`); a run of such lines never holds a
/// section cut (every line is short), and the text reads the same whole or in sections.
#[test]
fn hard_wrapped_articles_between_others_analyse_the_same_in_sections_and_whole() {
    // Rounds of the five seeds, as they are and hard-wrapped in turn; each article's start.
    let mut text = String::new();
    let mut starts = Vec::new();
    for k in 0..8 {
        for seed in SEEDS {
            starts.push(text.len());
            if k % 2 == 0 {
                text.push_str(seed.trim_end());
            } else {
                for para in seed.lines().filter(|l| !l.trim().is_empty()) {
                    text.push_str(&wrap(para, 60 + 4 * k));
                    text.push_str("\n\n");
                }
            }
            text.push_str("\n===\n\n");
        }
    }
    starts.push(text.len());
    let a = analyze(&text);
    let n = sections(&text, 1).len();
    assert!(n > 20, "{n} sections");
    invariants::check_sections(&text, &a).unwrap();
    // Each wrapped copy has the quotes of the article as it is (its paragraphs read whole, not line by line).
    let count = |k: usize| {
        a.quotes
            .iter()
            .filter(|q| q.span.start >= starts[k] && q.span.end <= starts[k + 1])
            .count()
    };
    for k in SEEDS.len()..starts.len() - 1 {
        assert_eq!(count(k), count(k % SEEDS.len()), "copy {k}");
    }
}

/// `para` wrapped greedily at `width` chars, at spaces.
fn wrap(para: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in para.split(' ').filter(|w| !w.is_empty()) {
        let n = w.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += n;
    }
    out
}

/// A text is never cut before a paragraph that opens page furniture, whatever line break ends the furniture's line
/// (here U+2028, which ends a paragraph as `\n` does): the box goes with the text before it, in sections as whole.
#[test]
fn a_box_after_a_unicode_line_separator_is_not_cut_from_the_text_before_it() {
    let long = "The council met on Tuesday evening to vote on the plan to close the old bridge to lorries, which the \
                mayor, Lena Ward, has defended for months against the haulage companies that use it every day, and \
                which the regional government has promised to pay for if the town finds a way to keep the port open \
                during the works. Ward said the vote was the last step before the works could begin.";
    // (Six times: a section is never cut inside the text's head.)
    let long = [long; 6].join(" ");
    let t = format!(
        "{long}\r\nSign up for our morning briefing\u{2028}The mayor, Lena Ward, said on Tuesday that the works \
         would begin in May and last a year, and that the port would stay open for ships of every size during the \
         whole of that time, whatever the companies said.\r\n“We have waited long enough,” she said.\n"
    );
    let a = analyze(&t);
    assert!(!a.quotes.is_empty());
    invariants::check_sections(&t, &a).unwrap();
}

#[test]
fn a_section_keeps_the_indent_and_invisible_chars_of_its_first_line() {
    // A paragraph longer than the text's head, after which a section may cut, then hard-wrapped lines that open with
    // a zero-width space or an indent: the wrap test must read them in a section as in the whole text.
    let long = "The council met for six hours on Tuesday to debate the new budget for the harbour district, and \
                members argued over the cost of the bridge repairs, the ferry subsidy, the school buses, the new \
                library and the plan to close two fire stations before the vote was finally called late at night, when \
                most of the public gallery had long gone home and only the reporters were left to hear the result.";
    let long = [long; 6].join(" ");
    for lead in ["\u{200b}", "  ", "\u{feff} "] {
        let t = format!(
            "{long}\n{lead}Officials said a total of 192 homes were damaged and 51 w\n{lead}ere flooded when the \
             river rose in the storm that hit the\n{lead}town on Sunday, leaving roads closed.\n\
             No decision on the bridge, the mayor said.\n"
        );
        assert!(sections(&t, 1).len() >= 2, "{t:?}");
        let a = analyze(&t);
        invariants::check_sections(&t, &a).unwrap_or_else(|e| panic!("{e}: {t:?}"));
    }
}

#[test]
fn a_label_in_capitals_is_read_alike_in_a_section_and_in_the_whole_text() {
    // Words in capitals and a colon open a dateline only in the text's head; past it, in a later section, the label
    // must be read as in the whole text, where it is no dateline (one of the first three paragraphs is the head's).
    let long = "The harbour council met for six hours on Tuesday to debate the budget for the district, and members \
                argued over the cost of the bridge repairs, the ferry subsidy, the school buses and the plan to close \
                two fire stations before the vote was finally called late at night, when only the reporters and a \
                few tired officials were left in the hall to hear the result of the long and bitter debate.";
    let head = [long; 8].join(" ");
    let t = format!("{head}\n{long}\nK\nVOTE: the council agreed to the plan\n");
    assert!(sections(&t, 1).len() >= 3, "{:?}", sections(&t, 1));
    let a = analyze(&t);
    invariants::check_sections(&t, &a).unwrap();
}
