//! Affiliation ("side") from descriptions: the first country, demonym or seat of government a description names.
//!
//! `Russian presidential aide` → Russia, `adviser to Ukrainian President` → Ukraine, `Kremlin spokesman` →
//! Russia, `Ukraine's foreign minister` → Ukraine, `Russia's ambassador to the UN` → Russia (the first one wins:
//! a description leads with whom the person belongs to). International organisations (UN, EU, NATO) count as
//! sides of their own. The table is data, not logic; ambiguous words that are also common first names or
//! surnames as a bare word (Georgia, Jordan, Chad) are left out.

/// (side, its names and demonyms, its seats of government and other metonyms), all folded lowercase, single
/// words or two-word phrases, matched whole.
#[rustfmt::skip]
const SIDES: &[(&str, &[&str], &[&str])] = &[
    ("Russia", &["russia", "russian", "russians", "russian federation"], &["kremlin", "moscow"]),
    ("Ukraine", &["ukraine", "ukrainian", "ukrainians"], &["kyiv", "kiev", "bankova"]),
    ("Belarus", &["belarus", "belarusian", "belarussian"], &["minsk"]),
    ("United States", &["united states", "america", "american", "americans"], &["washington", "white house", "pentagon", "state department"]),
    ("United Kingdom", &["united kingdom", "britain", "british"], &["london", "downing street", "whitehall"]),
    ("France", &["france", "french"], &["paris", "elysee"]),
    ("Germany", &["germany", "german"], &["berlin"]),
    ("Poland", &["poland", "polish"], &["warsaw"]),
    ("China", &["china", "chinese"], &["beijing"]),
    ("Turkey", &["turkey", "turkish", "turkiye"], &["ankara"]),
    ("Italy", &["italy", "italian"], &["rome"]),
    ("Spain", &["spain", "spanish"], &["madrid"]),
    ("Japan", &["japan", "japanese"], &["tokyo"]),
    ("India", &["india", "indian"], &["new delhi"]),
    ("Israel", &["israel", "israeli"], &["jerusalem"]),
    ("Iran", &["iran", "iranian"], &["tehran"]),
    ("Iraq", &["iraq", "iraqi"], &["baghdad"]),
    ("Syria", &["syria", "syrian"], &["damascus"]),
    ("Saudi Arabia", &["saudi arabia", "saudi"], &["riyadh"]),
    ("Egypt", &["egypt", "egyptian"], &["cairo"]),
    ("Canada", &["canada", "canadian"], &["ottawa"]),
    ("Australia", &["australia", "australian"], &["canberra"]),
    ("Kazakhstan", &["kazakhstan", "kazakh"], &[]),
    ("Azerbaijan", &["azerbaijan", "azerbaijani"], &["baku"]),
    ("Armenia", &["armenia", "armenian"], &["yerevan"]),
    ("Lithuania", &["lithuania", "lithuanian"], &["vilnius"]),
    ("Latvia", &["latvia", "latvian"], &["riga"]),
    ("Estonia", &["estonia", "estonian"], &["tallinn"]),
    ("Moldova", &["moldova", "moldovan"], &["chisinau"]),
    ("Romania", &["romania", "romanian"], &["bucharest"]),
    ("Hungary", &["hungary", "hungarian"], &["budapest"]),
    ("Czech Republic", &["czech republic", "czechia", "czech"], &["prague"]),
    ("Slovakia", &["slovakia", "slovak"], &["bratislava"]),
    ("Finland", &["finland", "finnish"], &["helsinki"]),
    ("Sweden", &["sweden", "swedish"], &["stockholm"]),
    ("Norway", &["norway", "norwegian"], &["oslo"]),
    ("Denmark", &["denmark", "danish"], &["copenhagen"]),
    ("Netherlands", &["netherlands", "dutch"], &["the hague", "amsterdam"]),
    ("Belgium", &["belgium", "belgian"], &[]),
    ("Switzerland", &["switzerland", "swiss"], &["bern"]),
    ("Austria", &["austria", "austrian"], &["vienna"]),
    ("Greece", &["greece", "greek"], &["athens"]),
    ("Serbia", &["serbia", "serbian"], &["belgrade"]),
    ("Croatia", &["croatia", "croatian"], &["zagreb"]),
    ("Bulgaria", &["bulgaria", "bulgarian"], &["sofia"]),
    ("North Korea", &["north korea", "north korean"], &["pyongyang"]),
    ("South Korea", &["south korea", "south korean"], &["seoul"]),
    ("Pakistan", &["pakistan", "pakistani"], &["islamabad"]),
    ("Afghanistan", &["afghanistan", "afghan"], &["kabul"]),
    ("Brazil", &["brazil", "brazilian"], &["brasilia"]),
    ("Mexico", &["mexico", "mexican"], &[]),
    ("Venezuela", &["venezuela", "venezuelan"], &["caracas"]),
    ("Cuba", &["cuba", "cuban"], &["havana"]),
    ("South Africa", &["south africa", "south african"], &["pretoria"]),
    ("Nigeria", &["nigeria", "nigerian"], &["abuja"]),
    ("European Union", &["european union"], &["european commission", "brussels"]),
    ("United Nations", &["united nations"], &["security council", "general assembly"]),
    ("NATO", &["nato"], &[]),
];

/// Acronyms matched case-sensitively (so the pronoun "us" is not the United States).
const ACRONYMS: &[(&str, &str)] = &[
    ("US", "United States"),
    ("USA", "United States"),
    ("UK", "United Kingdom"),
    ("EU", "European Union"),
    ("UN", "United Nations"),
    ("NATO", "NATO"),
    ("PRC", "China"),
    ("DPRK", "North Korea"),
    ("UAE", "United Arab Emirates"),
];

/// Country names and demonyms, which end a person's name when scanning back from its end
/// (`Russian President Putin`). Seats of government and cities (`Washington`, `Sofia`) are not, since they double as names.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn is_place_word(folded: &str) -> bool {
    SIDES.iter().any(|(_, names, _)| names.contains(&folded))
}

#[cfg_attr(whosaid_small, optimize(size))]
fn side_of(phrase: &str) -> Option<&'static str> {
    SIDES
        .iter()
        .find(|(_, names, places)| names.contains(&phrase) || places.contains(&phrase))
        .map(|(s, _, _)| *s)
}

/// The side a whole name stands for ("Moscow", "the Kremlin", "Ukraine"), if it is one of the table's terms.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn side_of_name(name: &str) -> Option<&'static str> {
    let key = super::names::org_key(name);
    side_of(&key).or_else(|| {
        ACRONYMS
            .iter()
            .find(|(a, _)| *a == name.trim())
            .map(|(_, s)| *s)
    })
}

/// Words of a description: (raw without possessive and dots, folded).
#[cfg_attr(whosaid_small, optimize(size))]
fn words(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–')
    }) {
        let t = crate::text::trim_chars(t, |c| matches!(c, '.' | '!' | '?'), false, true);
        let t = t
            .strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .unwrap_or(t);
        let t = crate::text::trim_chars(t, |c| !c.is_alphanumeric() && c != '.', true, true);
        let raw: String = t.chars().filter(|&c| c != '.').collect();
        if !raw.is_empty() {
            let folded = super::names::fold(&raw);
            out.push((raw, folded));
        }
    }
    out
}

/// The first side a text names, with the byte-free word position it was found at.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn first_side(text: &str) -> Option<&'static str> {
    let ws = words(text);
    for i in 0..ws.len() {
        let (raw, folded) = &ws[i];
        if let Some((_, side)) = ACRONYMS.iter().find(|(a, _)| a == raw) {
            return Some(side);
        }
        // Longest phrase first (two words, then one).
        if i + 1 < ws.len() {
            let two = format!("{} {}", folded, ws[i + 1].1);
            if let Some(side) = side_of(&two) {
                return Some(side);
            }
        }
        if let Some(side) = side_of(folded) {
            return Some(side);
        }
    }
    None
}

/// The side most texts name (each text votes with its first side); `None` when nothing is named or the top
/// vote is tied.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn vote<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for t in texts {
        if let Some(s) = first_side(t) {
            match counts.iter_mut().find(|(n, _)| *n == s) {
                Some(c) => c.1 += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    crate::sort::sort_by_key(&mut counts, |c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [] => None,
        [(s, _)] => Some(s),
        [(s, a), (_, b), ..] => (a > b).then_some(*s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn descriptions_name_their_side() {
        assert_eq!(first_side("Russian presidential aide"), Some("Russia"));
        assert_eq!(
            first_side("a top adviser to Ukrainian President Volodymyr Zelenskyy"),
            Some("Ukraine")
        );
        assert_eq!(first_side("Kremlin spokesman"), Some("Russia"));
        assert_eq!(first_side("Ukraine’s foreign minister"), Some("Ukraine"));
        assert_eq!(first_side("Russia's ambassador to the UN"), Some("Russia"));
        assert_eq!(
            first_side("the Ukrainian ambassador to the UN"),
            Some("Ukraine")
        );
        assert_eq!(
            first_side("the UN's human rights chief"),
            Some("United Nations")
        );
        assert_eq!(
            first_side("a U.S. senior defense official"),
            Some("United States")
        );
        assert_eq!(
            first_side("adviser to the head of the office of the president of Ukraine"),
            Some("Ukraine")
        );
        assert_eq!(first_side("Belarus' authoritarian leader"), Some("Belarus"));
        assert_eq!(first_side("president of the Foreign Affairs Council"), None);
        assert_eq!(first_side("he told us"), None);
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn whole_names_that_are_places() {
        assert_eq!(side_of_name("Moscow"), Some("Russia"));
        assert_eq!(side_of_name("the Kremlin"), Some("Russia"));
        assert_eq!(side_of_name("NATO"), Some("NATO"));
        assert_eq!(side_of_name("Sofia Ivanova"), None);
        assert_eq!(side_of_name("Kremlin spokesman"), None);
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn vote_takes_the_majority_and_refuses_ties() {
        assert_eq!(
            vote([
                "Russian presidential aide",
                "head of the Russian delegation",
                "Putin aide"
            ]),
            Some("Russia")
        );
        assert_eq!(vote(["Ukrainian negotiator", "Russian envoy"]), None);
        assert_eq!(vote(["negotiator"]), None);
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn demonyms_are_place_words_but_names_are_not() {
        assert!(is_place_word("ukrainian"));
        assert!(is_place_word("russian"));
        assert!(!is_place_word("washington"));
        assert!(!is_place_word("sofia"));
    }
}
