//! Lower-casing with smaller tables than std's, the same answers: [`lowercase`] is `str::to_lowercase` (final sigma
//! included) and [`lower_char`] is `char::to_lowercase`, for every string and every character (the tests compare them
//! all). std keeps a (char, char) pair per mapped character, 11.7 KB in the browser build; build.rs reads the same
//! mapping off the toolchain's std and writes it as ranges of characters that move by one offset (see `case_tables` in
//! build.rs for the formats).

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));

/// `s` lower-cased, as `str::to_lowercase` does it.
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return out;
    }
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            // Σ is ς at the end of a word, else σ (Unicode's Final_Sigma, the one contextual mapping std makes).
            let end = cased_after_ignorables(s[..i].chars().rev())
                && !cased_after_ignorables(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if end { 'ς' } else { 'σ' });
        } else {
            match LOWER_MULTI.iter().find(|m| m.0 == c) {
                Some(m) => out.push_str(m.1),
                None => out.push(lower_one(c)),
            }
        }
    }
    out
}

/// The lowercase of `c`, as `char::to_lowercase` gives it: one character, or more for a few ("İ" is "i̇").
pub fn lower_char(c: char) -> impl Iterator<Item = char> + Clone {
    let (one, more) = match LOWER_MULTI.iter().find(|m| m.0 == c) {
        Some(m) => (None, m.1),
        None => (Some(lower_one(c)), ""),
    };
    one.into_iter().chain(more.chars())
}

/// The lowercase of `c` when it is one character (else `c`).
fn lower_one(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    // The last range that starts at or before `c`.
    let k = LOWER_RANGES.partition_point(|&r| r >> 9 <= u);
    let Some(k) = k.checked_sub(1) else {
        return c;
    };
    let r = LOWER_RANGES[k];
    let (first, count, step) = (r >> 9, (r >> 1 & 0xff) + 1, (r & 1) + 1);
    let i = u - first;
    if !i.is_multiple_of(step) || i / step >= count {
        return c;
    }
    char::from_u32(u.wrapping_add_signed(LOWER_DELTAS[k])).unwrap_or(c)
}

/// Whether the first character of `chars` that is not Case_Ignorable is Cased (false if there is none).
fn cased_after_ignorables(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !case_ignorable(c))
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase() || CASED_OTHER.contains(&(c as u32)))
}

/// Whether `c` is Case_Ignorable (a linear walk over the runs: only a capital sigma asks).
fn case_ignorable(c: char) -> bool {
    let u = c as u32;
    let mut bytes = CASE_IGNORABLE.iter();
    let mut leb = || {
        let mut v = 0u32;
        let mut shift = 0;
        for &b in bytes.by_ref() {
            v |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Some(v);
            }
            shift += 7;
        }
        None
    };
    let mut end = 0;
    while let (Some(gap), Some(len)) = (leb(), leb()) {
        let first = end + gap;
        if u < first {
            return false;
        }
        end = first + len;
        if u < end {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lower_cases_as_std_does() {
        for u in 0..=char::MAX as u32 {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            assert!(lower_char(c).eq(c.to_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn strings_lower_case_as_std_does() {
        let pieces = [
            "Σ",
            "A",
            "a",
            "1",
            " ",
            "'",
            ".",
            "\u{301}",
            "\u{2019}",
            "ǅ",
            "ᾼ",
            "İ",
            "ΑΣ",
            "Ω",
            "\u{5d0}",
            "\u{1f600}",
            "-",
            "\u{e9}",
            "É",
            "ς",
            "\u{2bb}",
            "ʰ",
            "\u{ad}",
            "\u{200d}",
        ];
        // Every string of up to four pieces: each capital sigma with every context of the others on either side.
        let mut s = String::new();
        let n = pieces.len();
        for k in 0..n * n * n * n {
            s.clear();
            let mut k = k;
            for _ in 0..4 {
                s.push_str(pieces[k % n]);
                k /= n;
            }
            assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
        }
        for s in [
            "",
            "ODYSSEUS",
            "ὈΔΥΣΣΕΎΣ",
            "Mr. O’NEIL said",
            "ΣΑΣ ΣΑΣ. Σ",
            "İstanbul",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn case_ignorable_and_cased_as_std_reads_them() {
        // Through str::to_lowercase, as build.rs asks: a final sigma after the character alone, and after "Ä" and it.
        for u in (0..=0x3_0000).chain([0xe0001, 0xe0100, 0xe01ef, 0xe01f0, 0x10ffff]) {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            let after = |before: &str| format!("{before}{c}Σ").to_lowercase().ends_with('ς');
            let cased = c.is_lowercase() || c.is_uppercase() || CASED_OTHER.contains(&u);
            let ignorable = case_ignorable(c);
            assert_eq!(after("Ä"), ignorable || cased, "{c:?}");
            assert_eq!(after(""), !ignorable && cased, "{c:?}");
        }
    }
}
