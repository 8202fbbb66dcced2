//! Word-level diff between two versions of a statement.
//!
//! Tokens are UAX #29 word-boundary segments (`unicode-segmentation`), with whitespace folded into the token
//! before it, so `"certain points "` compares as two tokens and a change of one word does not leave stray
//! spaces as "same" runs. The edit script is Myers' O((N+M)·D) shortest edit script (a longest common
//! subsequence of tokens), after trimming the common prefix and suffix; past [`MAX_D`] edits the middle is
//! reported as one deletion and one insertion. Tokens compare exactly, so the ops are lossless:
//! concatenating `same` + `del` texts gives the old version, `same` + `add` texts the new one.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// Beyond this many edits the middle of the two versions is shown as replaced wholesale.
pub const MAX_D: usize = 2000;

/// One run of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// `"same"`, `"del"` (only in the old version) or `"add"` (only in the new one).
    pub op: &'static str,
    pub text: String,
}

/// Word tokens with trailing whitespace attached.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn tokens(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0usize;
    let mut cur_end = 0usize;
    for (i, seg) in s
        .split_word_bounds()
        .map(|seg| (seg.as_ptr() as usize - s.as_ptr() as usize, seg))
    {
        let ws = seg.chars().all(char::is_whitespace);
        if ws && cur_end > start {
            cur_end = i + seg.len();
            continue;
        }
        if cur_end > start {
            out.push(&s[start..cur_end]);
        }
        start = i;
        cur_end = i + seg.len();
    }
    if cur_end > start {
        out.push(&s[start..cur_end]);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Same(usize, usize),
    Del(usize),
    Add(usize),
}

/// Myers' shortest edit script between `a` and `b` (indices into them), or `None` past `max_d` edits.
#[cfg_attr(whosaid_small, optimize(size))]
fn myers(a: &[&str], b: &[&str], max_d: usize) -> Option<Vec<Edit>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut found = None;
    for d in 0..=(max.min(max_d) as isize) {
        // The window k ∈ [-d-1, d+1] of v before this step.
        trace.push(v[(offset - d - 1) as usize..=(offset + d + 1) as usize].to_vec());
        let mut k = -d;
        while k <= d {
            let idx = (offset + k) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize].trim_end() == b[y as usize].trim_end() {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                found = Some(d);
                break;
            }
            k += 2;
        }
        if found.is_some() {
            break;
        }
    }
    let dmax = found?;
    let mut edits = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..=dmax).rev() {
        let w = &trace[d as usize];
        let get = |k: isize| w[(k + d + 1) as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            edits.push(Edit::Same((x - 1) as usize, (y - 1) as usize));
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == prev_x {
                edits.push(Edit::Add((y - 1) as usize));
            } else {
                edits.push(Edit::Del((x - 1) as usize));
            }
        }
        x = prev_x;
        y = prev_y;
    }
    edits.reverse();
    Some(edits)
}

#[cfg_attr(whosaid_small, optimize(size))]
fn push(ops: &mut Vec<DiffOp>, op: &'static str, text: &str) {
    if text.is_empty() {
        return;
    }
    match ops.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => ops.push(DiffOp {
            op,
            text: text.to_string(),
        }),
    }
}

/// Emits a token pair whose words are equal; their trailing whitespace may differ.
#[cfg_attr(whosaid_small, optimize(size))]
fn push_same(ops: &mut Vec<DiffOp>, ta: &str, tb: &str) {
    let core = ta.trim_end();
    push(ops, "same", core);
    let (wa, wb) = (&ta[core.len()..], &tb[core.len()..]);
    if wa == wb {
        push(ops, "same", wa);
    } else {
        push(ops, "del", wa);
        push(ops, "add", wb);
    }
}

/// The word diff from `old` to `new` as runs of `same`/`del`/`add` (within a change, deletions come first).
/// Tokens match on their words; a difference only in the whitespace after a word is a whitespace edit.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn diff_words(old: &str, new: &str) -> Vec<DiffOp> {
    diff_tokens(&tokens(old), &tokens(new))
}

/// [`diff_words`] on texts already cut by [`tokens`] (a group's reference is cut once for all its versions).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn diff_tokens(a: &[&str], b: &[&str]) -> Vec<DiffOp> {
    let eq = |x: &&str, y: &&str| x.trim_end() == y.trim_end();
    let prefix = a.iter().zip(b).take_while(|(x, y)| eq(x, y)).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| eq(x, y))
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<DiffOp> = Vec::new();
    for i in 0..prefix {
        push_same(&mut ops, a[i], b[i]);
    }
    match myers(am, bm, MAX_D) {
        Some(edits) => {
            let (mut del, mut add) = (String::new(), String::new());
            for e in edits {
                match e {
                    Edit::Same(i, j) => {
                        push(&mut ops, "del", &del);
                        push(&mut ops, "add", &add);
                        del.clear();
                        add.clear();
                        push_same(&mut ops, am[i], bm[j]);
                    }
                    Edit::Del(i) => del.push_str(am[i]),
                    Edit::Add(j) => add.push_str(bm[j]),
                }
            }
            push(&mut ops, "del", &del);
            push(&mut ops, "add", &add);
        }
        None => {
            push(&mut ops, "del", &am.concat());
            push(&mut ops, "add", &bm.concat());
        }
    }
    for k in 0..suffix {
        push_same(&mut ops, a[a.len() - suffix + k], b[b.len() - suffix + k]);
    }
    ops
}

/// The old version the ops describe (`same` + `del`).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn old_text(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|o| o.op != "add")
        .map(|o| o.text.as_str())
        .collect()
}

/// The new version the ops describe (`same` + `add`).
#[cfg_attr(whosaid_small, optimize(size))]
pub fn new_text(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|o| o.op != "del")
        .map(|o| o.text.as_str())
        .collect()
}

/// The diff inline: `[-deleted-]{+added+}`.
#[cfg_attr(whosaid_small, optimize(size))]
pub fn marked(ops: &[DiffOp]) -> String {
    let mut s = String::new();
    for o in ops {
        match o.op {
            "del" => {
                s.push_str("[-");
                s.push_str(o.text.trim_end());
                s.push_str("-]");
                if o.text.ends_with(char::is_whitespace) {
                    s.push(' ');
                }
            }
            "add" => {
                s.push_str("{+");
                s.push_str(o.text.trim_end());
                s.push_str("+}");
                if o.text.ends_with(char::is_whitespace) {
                    s.push(' ');
                }
            }
            _ => s.push_str(&o.text),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn check(a: &str, b: &str) -> Vec<DiffOp> {
        let ops = diff_words(a, b);
        assert_eq!(old_text(&ops), a, "old side of {ops:?}");
        assert_eq!(new_text(&ops), b, "new side of {ops:?}");
        for w in ops.windows(2) {
            assert_ne!(w[0].op, w[1].op, "runs are merged: {ops:?}");
        }
        ops
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn tokens_keep_trailing_space_and_cover_the_text() {
        let t = "certain points, on which  “common” 😀 positions";
        let toks = tokens(t);
        assert_eq!(toks.concat(), t);
        assert_eq!(toks[0], "certain ");
        assert_eq!(toks[1], "points");
        assert_eq!(toks[2], ", ");
        assert!(tokens("   lead").concat() == "   lead");
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn a_changed_ending_is_one_del_and_one_add() {
        let ops = check(
            "there is an agreement to that effect",
            "there is an agreement on that",
        );
        assert_eq!(
            ops,
            vec![
                DiffOp {
                    op: "same",
                    text: "there is an agreement ".into()
                },
                DiffOp {
                    op: "del",
                    text: "to ".into()
                },
                DiffOp {
                    op: "add",
                    text: "on ".into()
                },
                DiffOp {
                    op: "same",
                    text: "that".into()
                },
                DiffOp {
                    op: "del",
                    text: " effect".into()
                },
            ]
        );
        assert_eq!(
            marked(&ops),
            "there is an agreement [-to-] {+on+} that[- effect-]"
        );
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn ops_reproduce_both_versions() {
        let cases = [
            ("", ""),
            ("", "added words"),
            ("removed words", ""),
            ("same text", "same text"),
            (
                "found certain points on which common positions could be foreseen",
                "We have identified certain points from which we can predict common positions.",
            ),
            (
                "Unfortunately, the Russian side still has a very biased view of the destructive processes it has begun.",
                "Unfortunately, the Russian side is still extremely biased regarding the destructive processes it launched.",
            ),
            ("a b c a b b a", "c b a b a c"),
            ("Zelensky’s “ß” 😀 end", "Zelenskyy’s “ß” 😀 end!"),
        ];
        for (a, b) in cases {
            check(a, b);
            check(b, a);
        }
    }

    /// The length of a longest common subsequence, by dynamic programming (the oracle).
    #[cfg_attr(whosaid_small, optimize(size))]
    fn lcs_len(a: &[&str], b: &[&str]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                t[i][j] = if a[i - 1] == b[j - 1] {
                    t[i - 1][j - 1] + 1
                } else {
                    t[i - 1][j].max(t[i][j - 1])
                };
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn the_script_is_a_longest_common_subsequence() {
        // Pseudo-random token sequences over a small alphabet, so there are many competing alignments.
        let mut seed = 0x2545f491u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let alphabet = ["a", "b", "c", "d"];
        for _ in 0..200 {
            let la = (next() % 12) as usize;
            let lb = (next() % 12) as usize;
            let a: Vec<&str> = (0..la).map(|_| alphabet[(next() % 4) as usize]).collect();
            let b: Vec<&str> = (0..lb).map(|_| alphabet[(next() % 4) as usize]).collect();
            let edits = myers(&a, &b, MAX_D).unwrap();
            let same = edits.iter().filter(|e| matches!(e, Edit::Same(..))).count();
            assert_eq!(same, lcs_len(&a, &b), "{a:?} / {b:?}");
            let dels = edits.iter().filter(|e| matches!(e, Edit::Del(_))).count();
            let adds = edits.iter().filter(|e| matches!(e, Edit::Add(_))).count();
            assert_eq!((same + dels, same + adds), (a.len(), b.len()));
        }
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn past_the_edit_cap_the_middle_is_replaced_wholesale() {
        let a: Vec<&str> = vec!["a", "b", "c"];
        let b: Vec<&str> = vec!["x", "y", "z"];
        assert!(myers(&a, &b, 2).is_none());
        assert_eq!(myers(&a, &b, 6).map(|e| e.len()), Some(6));
    }
}
