//! Regular English inflection, shared by build.rs and the lexicon parser: build.rs leaves out of the compiled
//! lexicons every verb form and noun plural these rules give (a third of their size gzipped), and the parser derives
//! them again. Irregular forms ("said", "quipped", "wives") stay written out.

/// `stem` and then `ending` (without `format!`, whose machinery costs more than the rest of loading a lexicon).
pub fn join(stem: &str, ending: &str) -> String {
    let mut s = String::with_capacity(stem.len() + ending.len());
    s.push_str(stem);
    s.push_str(ending);
    s
}

fn ends_in_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 1 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

/// The `-s` form of a noun or verb: "claims", "pushes", "vetoes" (`o_es`: verbs), "replies", "spokesmen" (`man_men`:
/// nouns).
fn s_form(w: &str, o_es: bool, man_men: bool) -> String {
    if man_men && w.ends_with("man") {
        join(&w[..w.len() - 3], "men")
    } else if ends_in_consonant_y(w) {
        join(&w[..w.len() - 1], "ies")
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e))
        || (o_es && w.ends_with('o'))
    {
        join(w, "es")
    } else {
        join(w, "s")
    }
}

/// Third person singular: "says", "pushes", "vetoes", "replies".
pub fn third_person(base: &str) -> String {
    s_form(base, true, false)
}

/// Past tense (and participle): "added", "stated", "replied".
pub fn past(base: &str) -> String {
    if base.ends_with('e') {
        join(base, "d")
    } else if ends_in_consonant_y(base) {
        join(&base[..base.len() - 1], "ied")
    } else {
        join(base, "ed")
    }
}

/// Gerund: "saying", "stating", "lying", "agreeing".
pub fn gerund(base: &str) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        join(stem, "ying")
    } else if base.ends_with('e') && !["ee", "ye", "oe"].iter().any(|e| base.ends_with(e)) {
        join(&base[..base.len() - 1], "ing")
    } else {
        join(base, "ing")
    }
}

/// Noun plural: "officials", "witnesses", "deputies", "spokesmen".
pub fn plural(noun: &str) -> String {
    s_form(noun, false, true)
}

/// The regular inflections of a common word that `data/common_words.txt` leaves to these rules: noun plural and
/// verb third person, past, gerund, and the adverb in -ly ("hope": "hopes", "hoped", "hoping", "hopely").
pub fn inflections(w: &str) -> [String; 5] {
    [
        plural(w),
        third_person(w),
        past(w),
        gerund(w),
        join(w, "ly"),
    ]
}
