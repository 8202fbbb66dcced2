//! `whosaid eval` against the project's reference scorer (`score.py`): every figure must agree within 0.5 points,
//! counts exactly.
//!
//! **In the repository, always run.** `tests/fixtures/eval/` holds gold files and prediction files written by this file's
//! generators (no PolNeAR text): invented articles in PolNeAR's shape (speech and non-speech attributions,
//! discontinuous content, a missing source, non-ASCII text) and the same in the GGT format, with predictions made
//! from them by seeded perturbations (partial overlaps, duplicates, wrong and missing speakers, missing
//! documents); `tests/fixtures/eval/score.py.json` records the figures `score.py` gave on each pair, and `whosaid eval` must
//! give the same. `fixtures_are_the_generators_output` keeps the files and the generators together.
//!
//! **With the shared directory** (CI has it beside the clone), the reference checks run too: `score.py` itself must
//! still give the recorded figures, and must agree with `whosaid eval` on the analyser's own predictions for the
//! invented gold and on the PolNeAR dev set (`data/polnear/dev.jsonl`, read in place, never copied). The test run
//! prints one line, `eval: reference checks …`, saying which of them ran.
//!
//! The shared directory is `WHOSAID_SHARED` if set (it must then hold `tools/score.py`); else `shared/` beside the
//! clone, or, for a git worktree, beside its main checkout. `WHOSAID_NO_SHARED=1` ignores it (a fresh clone's view).
//! After changing a generator: `WHOSAID_WRITE_EVAL_FIXTURES=1 cargo test --test eval fixtures` rewrites the files
//! and records `score.py`'s figures again (it needs the shared directory).

use std::io::Write;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The main checkout of the git worktree at `root` (`.git` is then a file naming the worktree's git directory,
/// whose `commondir` leads to the main repository's `.git`); `None` for an ordinary clone.
fn main_checkout(root: &Path) -> Option<PathBuf> {
    let dotgit = std::fs::read_to_string(root.join(".git")).ok()?;
    let gitdir = root.join(dotgit.strip_prefix("gitdir:")?.trim());
    let common = std::fs::read_to_string(gitdir.join("commondir")).ok()?;
    let common = gitdir.join(common.trim()).canonicalize().ok()?;
    Some(common.parent()?.to_path_buf())
}

/// The shared directory, or why there is none.
fn shared_dir() -> Result<PathBuf, String> {
    if std::env::var("WHOSAID_NO_SHARED").as_deref() == Ok("1") {
        return Err("WHOSAID_NO_SHARED=1".into());
    }
    if let Some(d) = std::env::var_os("WHOSAID_SHARED") {
        let d = PathBuf::from(d);
        assert!(
            d.join("tools/score.py").is_file(),
            "WHOSAID_SHARED={} has no tools/score.py",
            d.display()
        );
        return Ok(d);
    }
    let mut beside: Vec<PathBuf> = root()
        .parent()
        .map(|p| p.join("shared"))
        .into_iter()
        .collect();
    if let Some(main) = main_checkout(root()) {
        beside.extend(main.parent().map(|p| p.join("shared")));
    }
    beside
        .iter()
        .find(|d| d.join("tools/score.py").is_file())
        .cloned()
        .ok_or_else(|| {
            let looked: Vec<String> = beside.iter().map(|d| d.display().to_string()).collect();
            format!("no tools/score.py in {}", looked.join(" or "))
        })
}

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-tests");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.stdin(Stdio::null()).output().expect("command runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed with {}:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json_out(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// `score.py --json` (and `--speech` if asked) on one gold and prediction file.
fn score(shared: &Path, gold: &Path, pred: &Path, format: &str, speech: bool) -> Value {
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("tools/score.py"))
        .arg(gold)
        .arg(pred)
        .args(["--format", format, "--json"]);
    if speech {
        cmd.arg("--speech");
    }
    json_out(&run(&mut cmd))
}

fn ours(gold: &Path, pred: Option<&Path>, format: &str) -> Value {
    let mut cmd = bin();
    cmd.args(["eval", "--json", "--format", format]).arg(gold);
    if let Some(p) = pred {
        cmd.arg("--pred").arg(p);
    }
    json_out(&run(&mut cmd))
}

/// Asserts that one of our views agrees with score.py's output; returns the number of figures compared.
fn assert_agree(ours: &Value, view: &str, theirs: &Value, label: &str) -> usize {
    let mut n = 0;
    for key in ["docs", "docs_missing"] {
        assert_eq!(ours[key], theirs[key], "{label}: {key}");
    }
    let v = &ours[view];
    assert!(v.is_object(), "{label}: no {view} view in {ours}");
    for thr in ["@0.3", "@0.8"] {
        let (a, b) = (&v[thr], &theirs[thr]);
        for key in ["tp", "fp", "fn"] {
            assert_eq!(
                a[key], b[key],
                "{label} {view} {thr} {key}: ours {a} score.py {b}"
            );
            n += 1;
        }
        for key in [
            "precision",
            "recall",
            "f1",
            "speaker_acc",
            "direct_recall",
            "resolved_speaker_acc",
        ] {
            match (a[key].as_f64(), b[key].as_f64()) {
                (Some(x), Some(y)) => assert!(
                    (x - y).abs() <= 0.5,
                    "{label} {view} {thr} {key}: ours {x} score.py {y}"
                ),
                (None, None) => {}
                _ => panic!(
                    "{label} {view} {thr} {key}: ours {} score.py {}",
                    a[key], b[key]
                ),
            }
            n += 1;
        }
    }
    n
}

/// Checks our `speech` and `all` views against `score.py --speech` and `score.py`; returns the figures compared.
fn check_polnear(shared: &Path, gold: &Path, pred: &Path, ours: &Value, label: &str) -> usize {
    let speech = score(shared, gold, pred, "polnear", true);
    let all = score(shared, gold, pred, "polnear", false);
    assert_agree(ours, "speech", &speech, label) + assert_agree(ours, "all", &all, label)
}

// ---------------------------------------------------------------------------------------------------------------
// Invented articles. Markup: `{q1|…}` content of attribution 1 (several pieces make discontinuous content),
// `{s1|…}` its source, `{c1|…}` its cue. Offsets are computed in code points.

const ARTICLES: &[(&str, &str)] = &[
    (
        "inv-001",
        "Dnipro bridge to open before winter 🇺🇦\n\n\
         {s1|Olena Kovalenko}, Ukraine’s deputy minister for reconstruction, {c1|said} on Tuesday that \
         {q1|the new bridge over the Dnipro would open before winter}. {q2|“We have the steel, we have the \
         engineers,”} {s2|she} {c2|told} reporters in Zaporizhzhia. {q2|“What we need now is time.”}\n\n\
         {s3|Local residents} {c3|believe} {q3|the project will bring jobs back to the region}, and \
         {q4|repairs will cost €4.5 million}, {c4|according to} {s4|the city council}.\n\n\
         {s5|Mayor Ivan Fedorov} was blunt{c5|:} {q5|“Ми відбудуємо все.”} {s6|Critics} {c6|fear} \
         {q6|the deadline is naïve}.",
    ),
    (
        "inv-002",
        "Zürich summit ends without a deal\n\n\
         The summit in Zürich ended late on Friday. {q1|No date has been set for a second round}, {c1|it was \
         reported}. {s2|Björn Ødegård}, the Norwegian envoy, {c2|insisted} {q2|that “every channel stays \
         open”}. {q3|“We are not there yet,”} {c3|added} {s3|Ødegård}, {q3|“but we are closer than in \
         March.”}\n\n\
         {s4|A poll by the Ελληνικό Ινστιτούτο} {c4|shows} {q4|that 61% of respondents back the talks}. \
         {s5|Diplomats} {c5|hope} {q5|the two sides will meet again in May} — {q6|“soon, very soon,”} \
         {c6|as one of them put it}.",
    ),
    (
        "inv-003",
        "Grain corridor: what we know\n\n\
         {q1|“Ships are moving again,”} {s1|the port authority} {c1|wrote} in a statement on its website. \
         {s2|Officials in Odesa} {c2|expect} {q2|exports to double by autumn}. {q3|Insurance costs remain \
         high}, {s3|brokers} {c3|warned} on Monday, {q3|and some owners will wait}. \
         {q4|The corridor is safe} — {s4|so} {c4|claims} {s4|the navy}. {s5|A captain} on the quay {c5|--} \
         {q5|\"straight quotes, for once\"} -- {s6|the crew} {c6|second-guesses} {q6|\"otherwise\"}.",
    ),
];

/// A marked piece: start, end (code points) and text.
type Piece = (i64, i64, String);

fn parse_article(marked: &str) -> (String, Vec<Value>) {
    let mut text = String::new();
    let mut pos = 0i64;
    // (attribution number, kind) -> spans and texts
    let mut parts: std::collections::BTreeMap<(u32, char), Vec<Piece>> = Default::default();
    let mut it = marked.chars().peekable();
    while let Some(c) = it.next() {
        if c != '{' {
            text.push(c);
            pos += 1;
            continue;
        }
        let tag: String = it.by_ref().take_while(|&c| c != '|').collect();
        let body: String = it.by_ref().take_while(|&c| c != '}').collect();
        let kind = tag.chars().next().unwrap();
        let n: u32 = tag[1..].parse().unwrap();
        let len = body.chars().count() as i64;
        parts
            .entry((n, kind))
            .or_default()
            .push((pos, pos + len, body.clone()));
        text.push_str(&body);
        pos += len;
    }
    let max = parts.keys().map(|k| k.0).max().unwrap_or(0);
    let mut atts = Vec::new();
    for n in 1..=max {
        let get = |k: char| parts.get(&(n, k)).cloned().unwrap_or_default();
        let spans = |v: &[Piece]| v.iter().map(|(s, e, _)| json!([s, e])).collect::<Vec<_>>();
        let texts = |v: &[Piece]| v.iter().map(|t| t.2.clone()).collect::<Vec<_>>().join(" ");
        let (q, s, c) = (get('q'), get('s'), get('c'));
        let mut a = json!({
            "cue_spans": spans(&c), "cue": texts(&c),
            "content_spans": spans(&q), "content": texts(&q),
        });
        if !s.is_empty() {
            a["source_spans"] = json!(spans(&s));
            a["source"] = json!(texts(&s));
        }
        atts.push(a);
    }
    (text, atts)
}

/// The invented articles in PolNeAR's shape, plus a record with a numeric id, a null cue and empty content.
fn polnear_gold() -> Vec<Value> {
    let mut docs: Vec<Value> = ARTICLES
        .iter()
        .map(|(id, marked)| {
            let (text, atts) = parse_article(marked);
            json!({"doc_id": id, "split": "test", "text": text, "attributions": atts, "other_spans": []})
        })
        .collect();
    // Sanity of the markup: spans point at the text they name.
    for d in &docs {
        let chars: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        for a in d["attributions"].as_array().unwrap() {
            let first = &a["content_spans"][0];
            let (s, e) = (
                first[0].as_u64().unwrap() as usize,
                first[1].as_u64().unwrap() as usize,
            );
            let piece: String = chars[s..e].iter().collect();
            assert!(a["content"].as_str().unwrap().starts_with(&piece));
        }
    }
    let (text, mut atts) = parse_article(
        "{s1|Ярослава Мудра} {c1|said} {q1|“Тиша — теж відповідь.”} Then nothing. {q2|It rains}, {s2|he} {c2|noted}.",
    );
    atts[1]["cue"] = Value::Null;
    atts.push(
        json!({"source_spans": [[0, 4]], "source": "Ярос", "cue_spans": [], "cue": "said",
                     "content_spans": [], "content": ""}),
    );
    docs.push(json!({"doc_id": 4242, "text": text, "attributions": atts}));
    docs.push(json!({"doc_id": "inv-empty", "text": "No quotes here at all.", "attributions": []}));
    docs
}

fn ggt_gold() -> Vec<Value> {
    polnear_gold()
        .into_iter()
        .map(|d| {
            let quotes: Vec<Value> = d["attributions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| !a["content_spans"].as_array().unwrap().is_empty())
                .map(|a| {
                    let span = hull(&a["content_spans"]).map(|(s, e)| json!([s, e])).unwrap_or(json!([0, 0]));
                    let speaker = a.get("source_spans").and_then(hull).map(|(s, e)| json!([s, e]));
                    json!({"quote_span": span, "speaker_span": speaker, "reference": a.get("source").cloned()
                        .unwrap_or(json!("")), "verb": a["cue"], "quote": a["content"]})
                })
                .collect();
            json!({"doc_id": d["doc_id"], "text": d["text"], "quotes": quotes})
        })
        .collect()
}

fn write_jsonl(path: &Path, recs: &[Value]) {
    let s: String = recs.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(path, s).unwrap();
}

// ---------------------------------------------------------------------------------------------------------------
// Perturbed predictions: deterministic pseudo-random edits of the gold attributions.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
}

fn hull(spans: &Value) -> Option<(i64, i64)> {
    let a = spans.as_array()?;
    let s = a.iter().filter_map(|p| p[0].as_i64()).min()?;
    let e = a.iter().filter_map(|p| p[1].as_i64()).max()?;
    Some((s, e))
}

/// Gold spans of a PolNeAR or GGT record: (content, source, cue).
type GoldSpans = (Option<(i64, i64)>, Option<(i64, i64)>, Option<(i64, i64)>);

fn gold_spans(doc: &Value) -> Vec<GoldSpans> {
    if let Some(atts) = doc["attributions"].as_array() {
        atts.iter()
            .map(|a| {
                (
                    hull(&a["content_spans"]),
                    hull(&a["source_spans"]),
                    hull(&a["cue_spans"]),
                )
            })
            .collect()
    } else {
        doc["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let pair = |v: &Value| Some((v.get(0)?.as_i64()?, v.get(1)?.as_i64()?));
                (pair(&q["quote_span"]), pair(&q["speaker_span"]), None)
            })
            .collect()
    }
}

fn perturbed_predictions(gold: &[Value], seed: u64) -> Vec<Value> {
    let mut rng = Rng(seed);
    let mut recs = Vec::new();
    for doc in gold {
        if rng.chance(6) {
            continue; // a document without predictions
        }
        let len = doc["text"].as_str().map_or(0, |t| t.chars().count()) as i64;
        let mut quotes = Vec::new();
        let mut speakers: Vec<Value> = Vec::new();
        let speaker =
            |rng: &mut Rng, src: Option<(i64, i64)>, speakers: &mut Vec<Value>| -> (Value, Value) {
                let span = match (src, rng.below(10)) {
                    (_, 0) => return (Value::Null, Value::Null),
                    (Some((_, e)), 1) => (e + 1, e + 4), // wrong speaker
                    (Some((s, _)), 2) => (s, s + 1),     // part of the right one
                    (Some(span), _) => span,
                    (None, 3 | 4) => (0, 3), // a speaker where gold has none
                    (None, _) => return (Value::Null, Value::Null),
                };
                let text = doc["text"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .skip(span.0.max(0) as usize)
                    .take((span.1 - span.0).max(0) as usize)
                    .collect::<String>();
                let id = if rng.chance(70) {
                    speakers.push(
                    json!({"id": speakers.len(), "name": if rng.chance(80) { text.clone() } else {
                    format!("Mr. {text}") }}),
                );
                    json!(speakers.len() - 1)
                } else {
                    Value::Null
                };
                (json!({"start": span.0, "end": span.1, "text": text}), id)
            };
        for (content, source, cue) in gold_spans(doc) {
            let Some((s, e)) = content else { continue };
            let w = (e - s).max(1);
            let span = match rng.below(12) {
                0 | 1 => continue,            // miss
                2 => (s + w / 10, e - w / 4), // 0.3 < cover < 0.8
                3 => (s, s + w / 5),          // too short
                4 => (s - 5, e + 20),         // too long
                5 => (s + w / 2, e + w),      // shifted
                6 => (e, e + 10),             // touches only
                _ => (s, e),                  // exact
            };
            let (sp, sid) = speaker(&mut rng, source, &mut speakers);
            let cue = match (cue, rng.below(4)) {
                (Some((cs, ce)), 0..=2) => json!({"start": cs, "end": ce, "text": "said"}),
                _ => Value::Null,
            };
            let kinds = ["direct", "mixed", "indirect"];
            quotes.push(
                json!({"id": quotes.len(), "kind": kinds[rng.below(3) as usize], "start": span.0,
                "end": span.1, "text": "", "cue": cue, "speaker": sp, "speaker_id": sid,
                "confidence": rng.below(101) as f64 / 100.0, "sieve": "test"}),
            );
            if rng.chance(15) {
                // A competing duplicate: greedy matching must pick the same one as score.py.
                let d = rng.below(3) as i64;
                quotes.push(json!({"id": quotes.len(), "kind": "direct", "start": span.0 + d, "end": span.1 - d,
                    "text": "", "cue": null, "speaker": null, "speaker_id": null, "confidence": 0.5}));
            }
        }
        for _ in 0..rng.below(3) {
            let s = rng.below(len.max(1) as u64) as i64;
            quotes.push(json!({"id": quotes.len(), "kind": "indirect", "start": s, "end": s + 1 + rng.below(40) as i64,
                "text": "", "cue": null, "speaker": null, "speaker_id": null, "confidence": 0.3}));
        }
        // Order predictions by start as the analyser does, mostly.
        if rng.chance(70) {
            quotes.sort_by_key(|q| q["start"].as_i64());
        }
        recs.push(json!({"id": doc["doc_id"], "quotes": quotes, "speakers": speakers}));
    }
    recs
}

// ---------------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------------
// The fixtures in tests/fixtures/eval/: the generators' output, and score.py's figures on every (gold, predictions) pair.

fn fixtures_dir() -> PathBuf {
    root().join("tests/fixtures/eval")
}

const POLNEAR_SEEDS: RangeInclusive<u64> = 1..=12;
const GGT_SEEDS: RangeInclusive<u64> = 20..=27;
const RECORDED: &str = "score.py.json";
const REWRITE: &str = "WHOSAID_WRITE_EVAL_FIXTURES=1 cargo test --test eval fixtures";

fn jsonl(recs: &[Value]) -> String {
    recs.iter().map(|r| format!("{r}\n")).collect()
}

/// A scored pair: gold file, prediction file, format (names in `tests/fixtures/eval/`).
type Pair = (String, String, &'static str);

/// Every fixture file (name, contents) as the generators make it, and the pairs scored.
fn generated_fixtures() -> (Vec<(String, String)>, Vec<Pair>) {
    let mut files = Vec::new();
    let mut pairs = Vec::new();
    for (format, gold, seeds) in [
        ("polnear", polnear_gold(), POLNEAR_SEEDS),
        ("ggt", ggt_gold(), GGT_SEEDS),
    ] {
        let gold_name = format!("{format}-gold.jsonl");
        files.push((gold_name.clone(), jsonl(&gold)));
        for seed in seeds {
            let name = format!("{format}-pred-{seed:02}.jsonl");
            files.push((name.clone(), jsonl(&perturbed_predictions(&gold, seed))));
            pairs.push((gold_name.clone(), name, format));
        }
    }
    (files, pairs)
}

/// The views scored for a format, with score.py's `--speech` flag for each.
fn views(format: &str) -> &'static [(&'static str, bool)] {
    if format == "polnear" {
        &[("speech", true), ("all", false)]
    } else {
        &[("all", false)]
    }
}

/// score.py's figures on every pair, as recorded in `tests/fixtures/eval/score.py.json`.
fn recorded() -> Vec<Value> {
    let path = fixtures_dir().join(RECORDED);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Value = serde_json::from_str(&text).unwrap();
    v["cases"].as_array().expect("a cases array").clone()
}

fn pair_of(case: &Value) -> (PathBuf, PathBuf, &str) {
    let dir = fixtures_dir();
    let name = |k: &str| dir.join(case[k].as_str().expect("file name"));
    (name("gold"), name("pred"), case["format"].as_str().unwrap())
}

/// score.py on one pair, in the recorded shape.
fn score_pair(shared: &Path, (gold, pred, format): &Pair) -> Value {
    let dir = fixtures_dir();
    let mut case = json!({"gold": gold, "pred": pred, "format": format});
    for &(view, speech) in views(format) {
        case[view] = score(shared, &dir.join(gold), &dir.join(pred), format, speech);
    }
    case
}

#[test]
fn fixtures_are_the_generators_output() {
    let (files, pairs) = generated_fixtures();
    let dir = fixtures_dir();
    if std::env::var("WHOSAID_WRITE_EVAL_FIXTURES").as_deref() == Ok("1") {
        let shared = shared_dir().unwrap_or_else(|why| {
            panic!("recording score.py's figures needs the shared directory: {why}")
        });
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let cases: Vec<Value> = pairs.iter().map(|p| score_pair(&shared, p)).collect();
        let doc = json!({
            "about": format!("score.py --json [--speech] on each pair of files beside this one; recorded by {REWRITE}"),
            "cases": cases,
        });
        std::fs::write(
            dir.join(RECORDED),
            serde_json::to_string_pretty(&doc).unwrap() + "\n",
        )
        .unwrap();
    }
    for (name, text) in &files {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!("tests/fixtures/eval/{name}: {e} (write the fixtures with {REWRITE})")
        });
        assert!(
            on_disk == *text,
            "tests/fixtures/eval/{name} is not what the generators in tests/eval.rs make: after changing them, run {REWRITE}"
        );
    }
    let listed: Vec<(String, String, String)> = recorded()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            (s("gold"), s("pred"), s("format"))
        })
        .collect();
    let want: Vec<(String, String, String)> = pairs
        .iter()
        .map(|(g, p, f)| (g.clone(), p.clone(), f.to_string()))
        .collect();
    assert_eq!(
        listed, want,
        "tests/fixtures/eval/{RECORDED} must list every pair: {REWRITE}"
    );
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = files.into_iter().map(|f| f.0).collect();
    expected.push(RECORDED.to_string());
    expected.sort();
    assert_eq!(
        on_disk, expected,
        "tests/fixtures/eval/ holds only the fixtures"
    );
}

#[test]
fn whosaid_eval_gives_the_recorded_score_py_figures() {
    let (mut figures, mut resolved) = (0, 0);
    let (mut seen_tp, mut seen_fp, mut seen_partial) = (0, 0, 0);
    let cases = recorded();
    assert_eq!(cases.len(), POLNEAR_SEEDS.count() + GGT_SEEDS.count());
    for case in &cases {
        let (gold, pred, format) = pair_of(case);
        let label = format!("{} on {}", pred.display(), gold.display());
        let ours = ours(&gold, Some(&pred), format);
        for &(view, _) in views(format) {
            figures += assert_agree(&ours, view, &case[view], &label);
        }
        if format == "ggt" {
            assert!(ours.get("speech").is_none(), "GGT has no speech view");
            resolved += ours["all"]["@0.3"]["resolved_speaker_acc"].is_number() as usize;
        } else {
            let (a, b) = (&ours["all"]["@0.3"], &ours["all"]["@0.8"]);
            seen_tp += a["tp"].as_u64().unwrap();
            seen_fp += a["fp"].as_u64().unwrap();
            seen_partial += a["tp"].as_u64().unwrap() - b["tp"].as_u64().unwrap();
        }
    }
    // The perturbations exercise matches, false positives and spans between the two thresholds.
    assert!(
        seen_tp > 50 && seen_fp > 20 && seen_partial > 5,
        "tp {seen_tp} fp {seen_fp} partial {seen_partial}"
    );
    assert!(resolved > 0, "resolved-speaker accuracy was never computed");
    assert_eq!(figures, (12 * 2 + 8) * 2 * 9);
}

/// score.py still gives the recorded figures on every pair; returns the number of pairs.
fn recorded_figures_still_hold(shared: &Path) -> usize {
    let cases = recorded();
    for case in &cases {
        let pair = (
            case["gold"].as_str().unwrap().to_string(),
            case["pred"].as_str().unwrap().to_string(),
            if case["format"] == "ggt" {
                "ggt"
            } else {
                "polnear"
            },
        );
        assert_eq!(
            &score_pair(shared, &pair),
            case,
            "score.py no longer gives the figures recorded in tests/fixtures/eval/{RECORDED}: {REWRITE}"
        );
    }
    cases.len()
}

/// score.py agrees with `whosaid eval` on the analyser's own predictions for the invented gold; returns the figures
/// compared.
fn analyser_predictions_agree(shared: &Path) -> usize {
    let gold = fixtures_dir().join("polnear-gold.jsonl");
    let pred = tmp("invented-pred.jsonl");
    let out = run(bin()
        .args(["--json", "--input", "jsonl", "--offsets", "chars"])
        .arg(&gold));
    std::fs::write(&pred, &out.stdout).unwrap();
    assert_eq!(
        out.stdout.iter().filter(|&&b| b == b'\n').count(),
        polnear_gold().len()
    );
    let ours = ours(&gold, None, "polnear");
    assert_eq!(ours["docs"], json!(5));
    // The gold file has both kinds of attribution, so the two views differ.
    assert_ne!(ours["speech"]["gold"], ours["all"]["gold"]);
    check_polnear(shared, &gold, &pred, &ours, "invented, analyser")
}

/// score.py agrees with `whosaid eval` on the PolNeAR dev set (the analyser's predictions and perturbed gold); says
/// what was checked.
fn polnear_dev_agrees(shared: &Path) -> String {
    let dev = shared.join("data/polnear/dev.jsonl");
    if !dev.is_file() {
        return format!("PolNeAR dev not checked ({} missing)", dev.display());
    }
    let pred = tmp("dev-pred.jsonl");
    let out = run(bin()
        .args(["--json", "--input", "jsonl", "--offsets", "chars"])
        .arg(&dev));
    std::fs::write(&pred, &out.stdout).unwrap();
    let ours_now = ours(&dev, None, "polnear");
    let mut figures = check_polnear(shared, &dev, &pred, &ours_now, "dev, analyser");
    // Perturbed gold as predictions: non-trivial figures on real annotation shapes.
    let gold_recs: Vec<Value> = std::fs::read_to_string(&dev)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for seed in [101, 202] {
        let pred = tmp(&format!("dev-perturbed-{seed}.jsonl"));
        write_jsonl(&pred, &perturbed_predictions(&gold_recs, seed));
        let ours = ours(&dev, Some(&pred), "polnear");
        figures += check_polnear(shared, &dev, &pred, &ours, &format!("dev perturbed {seed}"));
    }
    format!(
        "PolNeAR dev agrees ({} documents, {figures} figures)",
        gold_recs.len()
    )
}

fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// The checks that need the shared directory, when it is there; one line on stderr says which ran (written to the
/// stream itself: the test harness captures only `print!`/`eprint!`, and this line is for every run).
#[test]
fn reference_checks() {
    let line = match shared_dir() {
        Err(why) => format!(
            "eval: reference checks not run ({why}); whosaid eval was checked against the {} score.py results \
             recorded in tests/fixtures/eval",
            recorded().len()
        ),
        Ok(shared) => {
            let (pairs, figures, dev) = std::thread::scope(|s| {
                let a = s.spawn(|| recorded_figures_still_hold(&shared));
                let b = s.spawn(|| analyser_predictions_agree(&shared));
                let c = s.spawn(|| polnear_dev_agrees(&shared));
                (join(a), join(b), join(c))
            });
            format!(
                "eval: reference checks ran ({}): score.py gives the {pairs} recorded results, and agrees with \
                 whosaid eval on the analyser's predictions ({figures} figures); {dev}",
                shared.display()
            )
        }
    };
    writeln!(std::io::stderr(), "{line}").unwrap();
}

#[test]
fn error_groups_account_for_every_error() {
    let gold_recs = polnear_gold();
    let gold = tmp("errors-gold.jsonl");
    write_jsonl(&gold, &gold_recs);
    for (seed, view_flag) in [(7, None), (8, Some("--all")), (9, None)] {
        let pred = tmp(&format!("errors-pred-{seed}.jsonl"));
        write_jsonl(&pred, &perturbed_predictions(&gold_recs, seed));
        let mut cmd = bin();
        cmd.args(["eval", "--json", "--errors", "--examples", "2", "--pred"])
            .arg(&pred)
            .arg(&gold);
        cmd.args(view_flag);
        let r = json_out(&run(&mut cmd));
        let e = &r["errors"];
        let view = e["view"].as_str().unwrap();
        assert_eq!(view, if view_flag.is_some() { "all" } else { "speech" });
        let f = &r[view]["@0.3"];
        let sum = |family: &str| -> u64 {
            e["groups"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|g| g["family"] == family)
                .map(|g| g["count"].as_u64().unwrap())
                .sum()
        };
        let tp = f["tp"].as_u64().unwrap();
        let speaker_ok = (f["speaker_acc"].as_f64().unwrap() / 100.0 * tp as f64).round() as u64;
        assert_eq!(
            sum("miss"),
            f["fn"].as_u64().unwrap(),
            "seed {seed}: misses"
        );
        assert_eq!(
            sum("false_alarm"),
            f["fp"].as_u64().unwrap(),
            "seed {seed}: false alarms"
        );
        assert_eq!(
            sum("speaker"),
            tp - speaker_ok,
            "seed {seed}: speaker errors"
        );
        assert_eq!(
            sum("neutral"),
            r[view]["neutral"].as_u64().unwrap(),
            "seed {seed}: not counted"
        );
        // Calibration covers every prediction once.
        let preds: u64 = r[view]["calibration"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["predictions"].as_u64().unwrap())
            .sum();
        let n_preds: u64 = std::fs::read_to_string(&pred)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["quotes"]
                    .as_array()
                    .unwrap()
                    .len() as u64
            })
            .sum();
        assert_eq!(preds, n_preds, "seed {seed}: calibration");
        // Examples show the gold quote in its sentence, marked.
        for g in e["groups"].as_array().unwrap() {
            assert!(g["examples"].as_array().unwrap().len() <= 2);
            for x in g["examples"].as_array().unwrap() {
                let ctx = x["context"].as_str().unwrap();
                assert!(ctx.contains('⟦') || ctx.contains('⟪'), "{ctx}");
                if let Some(gs) = x["gold"].as_array() {
                    let doc = gold_recs
                        .iter()
                        .find(|d| {
                            d["doc_id"] == x["doc"]
                                || Some(d["doc_id"].to_string().as_str()) == x["doc"].as_str()
                        })
                        .unwrap();
                    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
                    let (s, e) = (
                        gs[0].as_u64().unwrap() as usize,
                        gs[1].as_u64().unwrap() as usize,
                    );
                    let head: String = text[s..e].iter().take(12).collect::<String>();
                    let head = head.split_whitespace().collect::<Vec<_>>().join(" ");
                    let plain: String =
                        ctx.chars().filter(|c| !"⟦⟧⟪⟫⟨⟩⦃⦄⦅⦆".contains(*c)).collect();
                    assert!(plain.contains(&head), "{ctx} / {head}");
                }
            }
        }
    }
}

#[test]
fn error_report_names_causes_and_missed_cues() {
    let gold_recs = polnear_gold();
    let gold = tmp("report-gold.jsonl");
    write_jsonl(&gold, &gold_recs);
    // No predictions at all: every speech attribution is missed for want of a cue.
    let pred = tmp("report-pred-empty.jsonl");
    std::fs::write(&pred, "").unwrap();
    let out = run(bin()
        .args(["eval", "--errors", "--color", "never", "--pred"])
        .arg(&pred)
        .arg(&gold));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("documents without predictions: 5"), "{text}");
    let speech_gold = json_out(&run(bin()
        .args(["eval", "--json", "--pred"])
        .arg(&pred)
        .arg(&gold)))["speech"]["gold"]
        .as_u64()
        .unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("no cue found"))
        .expect("a 'no cue found' line");
    assert_eq!(
        line.split_whitespace().next(),
        Some(speech_gold.to_string().as_str()),
        "{line}"
    );
    // "said" and "told" are counted under one word each, with their forms.
    assert!(
        text.lines()
            .any(|l| l.contains("/") && l.trim_end().ends_with("said")),
        "{text}"
    );
    assert!(
        text.contains("⟦the new bridge over the Dnipro would open before winter⟧"),
        "{text}"
    );
    assert!(text.contains("⦃Olena Kovalenko⦄"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when asked for none");
}

#[test]
fn bad_gold_is_an_input_error_naming_the_line() {
    let gold = tmp("bad-gold.jsonl");
    let mut s = format!("{}\n", polnear_gold()[0]);
    s.push_str("{\"doc_id\": \"x\", \"attributions\": [\n");
    std::fs::write(&gold, s).unwrap();
    let out = bin().args(["eval"]).arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad-gold.jsonl:2: invalid JSON"), "{err}");
    let out = bin()
        .args(["eval", "--format", "ggt"])
        .arg(tmp("does-not-exist.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist.jsonl: no such file"));
    let out = bin()
        .args(["eval", "--examples", "lots", "g"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
