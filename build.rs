//! Compiles the lexicons in `data/` into the binary in a leaner form than the files people edit: the browser build
//! pays for every byte. Each file is copied to OUT_DIR with comments, trailing spaces and blank lines removed (the
//! files document themselves with `#` comments; about 2.3 KB gzipped), and three are also encoded more compactly
//! (about 6 KB gzipped), in forms only `src/lexicon.rs` reads:
//! - `speech_verbs.txt`: a form that the regular rules of `src/lexicon/regular.rs` give is written `=`
//!   ("add = = = = | strength=3" for "add adds added adding added | strength=3");
//! - `role_nouns.txt`: a singular directly followed by its regular plural with the same gender, `plural group`, is
//!   one line ending in ` +` ("aide u +" for "aide u" and "aides u plural group");
//! - `common_words.txt`: the words that are not a regular inflection of another listed word (`regular::inflections`:
//!   "hopes", "hoped", "hoping", "hopefully" go where "hope" and "hopeful" stay), front-coded on one line as the
//!   first names are;
//! - `first_names.tsv`: one line per gender, `m` or `f` then its names in sorted order, each written as one byte
//!   `'0' + n` (n <= 16) and what follows the first n bytes of the name before it ("m0aaron2bbas" for aaron, abbas).
//!
//! `src/lexicon.rs` includes the copies; its tests check that they read back to the same entries as the files.
use std::fs;
use std::path::Path;

#[path = "src/lexicon/regular.rs"]
mod regular;

const FILES: &[&str] = &[
    "speech_verbs.txt",
    "belief_verbs.txt",
    "titles.txt",
    "role_nouns.txt",
    "first_names.tsv",
    "org_words.txt",
    "company_forms.txt",
    "demonyms.txt",
    "not_name_words.txt",
    "pronouns.txt",
    "speech_nouns.txt",
    "us_states.txt",
    "places.txt",
    "common_words.txt",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    for f in FILES {
        let src = Path::new("data").join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let lines: Vec<&str> = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim_end())
            .filter(|line| !line.trim().is_empty())
            .collect();
        let lines = match *f {
            "speech_verbs.txt" => lines.iter().map(|l| compact_verb_line(l)).collect(),
            "role_nouns.txt" => pair_plurals(&lines),
            "first_names.tsv" => front_code_names(&lines),
            "common_words.txt" => vec![front_code(&fold_inflections(&lines))],
            // (A word flagged `company` is also written to company_names.txt.)
            "org_words.txt" => {
                let names: String = lines
                    .iter()
                    .filter_map(|l| l.strip_suffix(" company"))
                    .map(|w| format!("{w}\n"))
                    .collect();
                fs::write(Path::new(&out).join("company_names.txt"), names)
                    .unwrap_or_else(|e| panic!("company_names.txt: {e}"));
                lines
                    .iter()
                    .map(|l| l.strip_suffix(" company").unwrap_or(l).to_string())
                    .collect()
            }
            _ => lines.iter().map(|l| l.to_string()).collect(),
        };
        let mut lean = String::with_capacity(text.len());
        for line in lines {
            lean.push_str(&line);
            lean.push('\n');
        }
        fs::write(Path::new(&out).join(f), lean).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    fs::write(Path::new(&out).join("case_tables.rs"), case_tables())
        .unwrap_or_else(|e| panic!("case_tables.rs: {e}"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/regular.rs");
}

/// The tables of `src/case.rs`, read off this toolchain's own `char::to_lowercase` and `str::to_lowercase` (the
/// target's core has the same Unicode data): std's lowercase table is a (char, char) pair per mapped character, 11.7
/// KB in the browser build; as ranges of characters that move by the same offset it is 1.5 KB.
/// - `LOWER_RANGES[k]`: `first << 9 | (count - 1) << 1 | (step == 2)`, the characters `first + i * step` for `i` below
///   `count`, which lower-case to themselves plus `LOWER_DELTAS[k]` (sorted by `first`);
/// - `LOWER_MULTI`: the characters that lower-case to more than one character, with their lowercase;
/// - `CASE_IGNORABLE`: Unicode's Case_Ignorable characters as runs, each a gap from the end of the run before (from
///   U+0000) and a length, both as LEB128; `CASED_OTHER`: the characters that are Cased but neither `is_lowercase`
///   nor `is_uppercase` (titlecase letters) and not Case_Ignorable. Both are what `str::to_lowercase` reads for the
///   final sigma, and are found by asking it: with c Case_Ignorable, "cΣ" lower-cases to "cσ" and "ÄcΣ" to "äcς"; with
///   c Cased and not Case_Ignorable both end in "ς"; with c neither, both end in "σ".
fn case_tables() -> String {
    let mut ranges: Vec<(u32, u32, u32, i64)> = Vec::new(); // first, count, step, delta
    let mut multi = Vec::new();
    let mut ignorable_runs: Vec<(u32, u32)> = Vec::new();
    let mut cased_other = Vec::new();
    let mut probe = String::new();
    for u in 0..=char::MAX as u32 {
        let Some(c) = char::from_u32(u) else {
            continue;
        };
        let lower: Vec<char> = c.to_lowercase().collect();
        if lower.len() > 1 {
            multi.push((c, lower.iter().collect::<String>()));
        } else if lower[0] != c {
            let delta = lower[0] as i64 - u as i64;
            match ranges.last_mut() {
                Some((first, count, step, d))
                    if *d == delta
                        && *count < 256
                        && (u - (*first + (*count - 1) * *step) == *step
                            || (*count == 1 && u - *first == 2)) =>
                {
                    *step = u - *first - (*count - 1) * *step;
                    *count += 1;
                }
                _ => ranges.push((u, 1, 1, delta)),
            }
        }
        let mut final_sigma = |before: &str| {
            probe.clear();
            probe.push_str(before);
            probe.push(c);
            probe.push('Σ');
            probe.to_lowercase().ends_with('ς')
        };
        let (alone, after_cased) = (final_sigma(""), final_sigma("Ä"));
        if after_cased && !alone {
            match ignorable_runs.last_mut() {
                Some((first, len)) if *first + *len == u => *len += 1,
                _ => ignorable_runs.push((u, 1)),
            }
        } else if alone != (c.is_lowercase() || c.is_uppercase()) {
            assert!(alone, "{c:?}: lowercase or uppercase but not cased");
            cased_other.push(u);
        }
    }
    let mut out =
        String::from("// Generated by build.rs from this toolchain's lowercase mapping.\n");
    let list = |v: Vec<String>| v.join(", ");
    out += &format!(
        "const LOWER_RANGES: [u32; {}] = [{}];\n",
        ranges.len(),
        list(
            ranges
                .iter()
                .map(|&(first, count, step, _)| {
                    assert!(step <= 2 && (1..=256).contains(&count));
                    (first << 9 | (count - 1) << 1 | (step - 1)).to_string()
                })
                .collect()
        )
    );
    out += &format!(
        "const LOWER_DELTAS: [i32; {}] = [{}];\n",
        ranges.len(),
        list(ranges.iter().map(|r| r.3.to_string()).collect())
    );
    out += &format!(
        "const LOWER_MULTI: [(char, &str); {}] = [{}];\n",
        multi.len(),
        list(
            multi
                .iter()
                .map(|(c, l)| format!("({c:?}, {l:?})"))
                .collect()
        )
    );
    let mut leb = Vec::new();
    let mut end = 0;
    for (first, len) in ignorable_runs {
        for mut v in [first - end, len] {
            while v >= 0x80 {
                leb.push((v & 0x7f | 0x80) as u8);
                v >>= 7;
            }
            leb.push(v as u8);
        }
        end = first + len;
    }
    out += &format!("const CASE_IGNORABLE: [u8; {}] = {leb:?};\n", leb.len());
    out += &format!(
        "const CASED_OTHER: [u32; {}] = {cased_other:?};\n",
        cased_other.len()
    );
    out
}

/// `base third past gerund participle | flags` with the regular forms as `=`. A line that
/// is not five forms and flags is copied as it is (the lexicon's parser reports it).
fn compact_verb_line(line: &str) -> String {
    let Some((forms, flags)) = line.split_once('|') else {
        return line.to_string();
    };
    let forms: Vec<&str> = forms.split_whitespace().collect();
    let &[base, third, past, gerund, participle] = forms.as_slice() else {
        return line.to_string();
    };
    let regular = [
        base.to_string(),
        regular::third_person(base),
        regular::past(base),
        regular::gerund(base),
        past.to_string(),
    ];
    let mut out: Vec<&str> = [base, third, past, gerund, participle]
        .iter()
        .zip(&regular)
        .map(|(f, r)| if f == r { "=" } else { f })
        .collect();
    out[0] = base;
    format!("{} |{flags}", out.join(" "))
}

/// Role-noun lines with each `word gender [group] [org|doc]` line that is followed by the line of its regular plural
/// (`plural(word) gender plural group [org]`, or `plural doc` for a document) merged into the singular's line and
/// ` +` ("aide u +" for "aide u" and "aides u plural group").
fn pair_plurals(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let parts: Vec<&str> = lines[i].split_whitespace().collect();
        let next: Vec<&str> = lines
            .get(i + 1)
            .map_or(Vec::new(), |l| l.split_whitespace().collect());
        if let [word, gender, flags @ ..] = parts.as_slice() {
            let plural = regular::plural(word);
            // ("party" marks the singular only.)
            let kind: Vec<&str> = flags
                .iter()
                .copied()
                .filter(|f| *f != "group" && *f != "party")
                .collect();
            let mut expected = vec![plural.as_str(), gender, "plural"];
            if kind != ["doc"] {
                expected.push("group");
            }
            expected.extend(&kind);
            let simple = matches!(kind.as_slice(), [] | ["org"] | ["doc"]);
            if simple && next == expected {
                out.push(format!("{} +", lines[i]));
                i += 2;
                continue;
            }
        }
        out.push(lines[i].to_string());
        i += 1;
    }
    out
}

/// `name<TAB>m|f` lines as two front-coded lines, `m…` and `f…`. A line of another shape is copied as it is (the
/// lexicon's parser reports it).
fn front_code_names(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut by_gender = [("m", Vec::new()), ("f", Vec::new())];
    for line in lines {
        match line.split_once('\t') {
            Some((name, g)) if by_gender.iter().any(|(x, _)| *x == g) && !name.is_empty() => {
                let names = &mut by_gender
                    .iter_mut()
                    .find(|(x, _)| *x == g)
                    .expect("checked")
                    .1;
                names.push(name);
            }
            _ => out.push(line.to_string()),
        }
    }
    for (g, names) in by_gender {
        out.push(format!("{g}{}", front_code(&names)));
    }
    out
}

/// `words` sorted, each written as one byte `'0' + n` (n <= 16) and what follows the first n bytes of the word before
/// it.
fn front_code<S: AsRef<str>>(words: &[S]) -> String {
    let mut words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    words.sort_unstable();
    let mut line = String::new();
    let mut prev = "";
    for word in words {
        let mut shared = word
            .bytes()
            .zip(prev.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(16);
        while !word.is_char_boundary(shared) {
            shared -= 1;
        }
        line.push((b'0' + shared as u8) as char);
        line.push_str(&word[shared..]);
        prev = word;
    }
    line
}

/// The words of `lines` without those that are a regular inflection of a listed word that is itself no inflection
/// (so the lexicon finds every dropped word from a base it keeps).
fn fold_inflections(lines: &[&str]) -> Vec<String> {
    use std::collections::HashSet;
    let all: HashSet<&str> = lines.iter().map(|l| l.trim()).collect();
    fn forms_of(w: &str) -> impl Iterator<Item = String> + '_ {
        regular::inflections(w).into_iter().filter(move |f| f != w)
    }
    let derived: HashSet<String> = all.iter().flat_map(|w| forms_of(w)).collect();
    let from_roots: HashSet<String> = all
        .iter()
        .filter(|w| !derived.contains(**w))
        .flat_map(|w| forms_of(w))
        .collect();
    let mut kept: Vec<String> = all
        .iter()
        .filter(|w| !from_roots.contains(**w))
        .map(|w| w.to_string())
        .collect();
    kept.sort_unstable();
    kept
}
