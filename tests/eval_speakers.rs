//! `whosaid eval --speakers` (resolved-speaker accuracy and wrong entities by cause) and `whosaid eval --junk` (speaker
//! entities whose name is not a name), on small gold, layer and prediction files written here (invented articles in
//! PolNeAR's shape; nothing from a data set).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-speakers-tests");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn write_jsonl(path: &Path, recs: &[Value]) {
    let mut s = String::new();
    for r in recs {
        s.push_str(&r.to_string());
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("command runs")
}

fn json_out(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// Code-point span of the `n`-th (0-based) occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, n: usize) -> [usize; 2] {
    let byte = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not in the text"))
        .0;
    let start = text[..byte].chars().count();
    [start, start + needle.chars().count()]
}

/// One attribution of the article: content, source (or none), cue, whether it is speech, and what the layer and
/// the prediction say about its speaker.
struct Case {
    content: (&'static str, usize),
    source: Option<(&'static str, usize)>,
    cue: &'static str,
    /// The layer's entity (`None`: the article never says who).
    entity: Option<&'static str>,
    /// The predicted speaker mention and the entity name it resolves to (empty: no speaker).
    mention: &'static str,
    name: &'static str,
}

const TEXT: &str = "Ann Lee, the mayor of Riverton, spoke on Monday.\n\
“We will build it,” Lee said.\n\
“It is late,” she said.\n\
Officials said the plan was costly.\n\
“No,” Bob Park said, as Tom Park listened.\n\
“Yes,” said Carl Diaz.\n\
Lee believes the bridge will last.\n\
“The budget is fine,” the spokeswoman said. Dana Ruiz is the spokeswoman.\n\
“We are ready,” Eve Moss said.\n\
“They lied,” a source said, according to Frank Hale.\n\
“Stop it,” Gina Holt said, and Ivan Petrov nodded.\n\
Hopefully, Gina Holt said, the work ends soon.";

fn cases() -> Vec<Case> {
    let c = |content, source, cue, entity, mention, name| Case {
        content,
        source,
        cue,
        entity,
        mention,
        name,
    };
    vec![
        // right: same person
        c(
            ("“We will build it,”", 0),
            Some(("Lee", 1)),
            "said",
            Some("Ann Lee"),
            "Lee",
            "Ann Lee",
        ),
        // pronoun to the wrong antecedent
        c(
            ("“It is late,”", 0),
            Some(("she", 0)),
            "said",
            Some("Ann Lee"),
            "she",
            "Bob Park",
        ),
        // right: the article never says who, and the prediction names nobody
        c(
            ("the plan was costly", 0),
            Some(("Officials", 0)),
            "said",
            None,
            "Officials",
            "officials",
        ),
        // mention not linked to its full name (shares "Park", another person)
        c(
            ("“No,”", 0),
            Some(("Bob Park", 0)),
            "said",
            Some("Bob Park"),
            "Park",
            "Tom Park",
        ),
        // right
        c(
            ("“Yes,”", 0),
            Some(("Carl Diaz", 0)),
            "said",
            Some("Carl Diaz"),
            "Carl Diaz",
            "Carl Diaz",
        ),
        // not speech: not counted in the speech view
        c(
            ("the bridge will last", 0),
            Some(("Lee", 2)),
            "believes",
            Some("Ann Lee"),
            "Lee",
            "Ann Lee",
        ),
        // role or description not linked
        c(
            ("“The budget is fine,”", 0),
            Some(("the spokeswoman", 0)),
            "said",
            Some("Dana Ruiz"),
            "the spokeswoman",
            "the spokeswoman",
        ),
        // no entity
        c(
            ("“We are ready,”", 0),
            Some(("Eve Moss", 0)),
            "said",
            Some("Eve Moss"),
            "",
            "",
        ),
        // named where the article names nobody
        c(
            ("“They lied,”", 0),
            Some(("a source", 0)),
            "said",
            None,
            "a source",
            "Frank Hale",
        ),
        // another entity
        c(
            ("“Stop it,”", 0),
            Some(("Gina Holt", 0)),
            "said",
            Some("Gina Holt"),
            "Ivan Petrov",
            "Ivan Petrov",
        ),
        // non-name taken for a name
        c(
            ("the work ends soon", 0),
            Some(("Gina Holt", 1)),
            "said",
            Some("Gina Holt"),
            "Hopefully",
            "Hopefully",
        ),
    ]
}

/// The gold record: the cases' attributions, with a content-less attribution at index 2 (so that `k` differs
/// from the position among attributions with content).
fn gold_record() -> Value {
    let mut atts: Vec<Value> = cases()
        .iter()
        .map(|c| {
            let content = span(TEXT, c.content.0, c.content.1);
            json!({
                "source_spans": c.source.map(|(s, n)| vec![span(TEXT, s, n)]).unwrap_or_default(),
                "source": c.source.map(|(s, _)| s),
                "cue_spans": [],
                "cue": c.cue,
                "content_spans": [content],
                "content": c.content.0,
            })
        })
        .collect();
    atts.insert(
        2,
        json!({"source_spans": [], "cue_spans": [], "cue": "said", "content_spans": []}),
    );
    json!({"doc_id": "g1", "text": TEXT, "attributions": atts})
}

/// `k` of case `i` in [`gold_record`].
fn k_of(i: usize) -> usize {
    if i >= 2 {
        i + 1
    } else {
        i
    }
}

fn layer_record() -> Value {
    let speakers: Vec<Value> = cases()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.cue == "said")
        .map(|(i, c)| {
            json!({
                "k": k_of(i),
                "content": [span(TEXT, c.content.0, c.content.1)],
                "source": c.source.map(|(s, n)| vec![span(TEXT, s, n)]).unwrap_or_default(),
                "entity": c.entity,
                "type": c.entity.map(|_| "person"),
            })
        })
        .collect();
    json!({"doc_id": "g1", "speakers": speakers})
}

/// The predictions: every content found exactly, with the case's speaker.
fn pred_record() -> Value {
    let mut quotes = Vec::new();
    let mut speakers: Vec<Value> = Vec::new();
    for c in cases() {
        let [s, e] = span(TEXT, c.content.0, c.content.1);
        let mut q = json!({"kind": "direct", "start": s, "end": e, "confidence": 0.9, "sieve": "trailing_cue"});
        if !c.mention.is_empty() {
            let occurrence =
                usize::from(c.mention == "Lee") + usize::from(c.mention == "Gina Holt");
            let [ms, me] = span(TEXT, c.mention, occurrence);
            let id = match speakers.iter().position(|sp| sp["name"] == c.name) {
                Some(id) => id,
                None => {
                    speakers.push(json!({"id": speakers.len(), "name": c.name, "quotes": 0}));
                    speakers.len() - 1
                }
            };
            speakers[id]["quotes"] = json!(speakers[id]["quotes"].as_u64().unwrap() + 1);
            q["speaker"] = json!({"start": ms, "end": me, "text": c.mention});
            q["speaker_id"] = json!(id);
        }
        quotes.push(q);
    }
    json!({"id": "g1", "quotes": quotes, "speakers": speakers})
}

/// Writes the gold (g1 and g2, which the layer does not cover), the layer (g1 and a document not in the gold) and the
/// predictions; returns their paths.
fn fixtures(tag: &str) -> (PathBuf, PathBuf, PathBuf) {
    let gold = tmp(&format!("{tag}-gold.jsonl"));
    let layer = tmp(&format!("{tag}-layer.jsonl"));
    let pred = tmp(&format!("{tag}-pred.jsonl"));
    let g2 = json!({"doc_id": "g2", "text": "Nothing was said.", "attributions": []});
    write_jsonl(&gold, &[gold_record(), g2]);
    write_jsonl(
        &layer,
        &[
            layer_record(),
            json!({"doc_id": "not-in-gold", "speakers": []}),
        ],
    );
    write_jsonl(&pred, &[pred_record()]);
    (gold, layer, pred)
}

fn eval(args: &[&str], gold: &Path, layer: &Path, pred: &Path) -> Output {
    run(bin()
        .arg("eval")
        .args(args)
        .arg("--speakers")
        .arg(layer)
        .arg("--pred")
        .arg(pred)
        .arg(gold))
}

#[test]
fn resolved_speaker_accuracy_and_one_cause_per_wrong_entity() {
    let (gold, layer, pred) = fixtures("causes");
    let r = json_out(&eval(
        &["--speech", "--json", "--errors", "--examples", "3"],
        &gold,
        &layer,
        &pred,
    ));
    let s = &r["speech"];
    // 10 speech attributions matched; right: Lee → Ann Lee, Officials → nobody, Carl Diaz.
    assert_eq!(s["@0.3"]["tp"], 10);
    assert_eq!(s["@0.3"]["resolved_speaker_acc"], 30.0);
    assert_eq!(s["@0.8"]["resolved_speaker_acc"], 30.0);
    assert_eq!(
        s["resolved_speakers"],
        json!({"@0.3": {"right": 3, "matched": 10}, "@0.8": {"right": 3, "matched": 10}})
    );
    let groups = r["errors"]["groups"].as_array().unwrap();
    let entity: Vec<&Value> = groups.iter().filter(|g| g["family"] == "entity").collect();
    let count = |cause: &str| {
        entity
            .iter()
            .find(|g| g["cause"] == cause)
            .unwrap_or_else(|| panic!("no group {cause}"))["count"]
            .as_u64()
            .unwrap()
    };
    for cause in [
        "entity_pronoun",
        "entity_partial",
        "entity_junk",
        "entity_description",
        "entity_none",
        "entity_named_nobody",
        "entity_other",
    ] {
        assert_eq!(count(cause), 1, "{cause}");
    }
    let total: u64 = entity.iter().map(|g| g["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 10 - 3, "every wrong entity has exactly one cause");
    // Examples show the gold entity against the predicted name and mention, in context.
    let example = |cause: &str| -> (String, String) {
        let g = entity.iter().find(|g| g["cause"] == cause).unwrap();
        let x = &g["examples"][0];
        (
            x["context"].as_str().unwrap().to_string(),
            x["detail"].as_str().unwrap().to_string(),
        )
    };
    let (ctx, detail) = example("entity_pronoun");
    assert!(ctx.contains("⟦“It is late,”⟧ ⦃⦅she⦄⦆ said"), "{ctx}");
    assert!(
        detail.contains("gold entity «Ann Lee» (person)")
            && detail.contains("predicted name «Bob Park»")
            && detail.contains("mention «she»"),
        "{detail}"
    );
    let (_, detail) = example("entity_junk");
    assert!(
        detail.contains("«Hopefully» (not a name: sentence-initial adverb or participle)"),
        "{detail}"
    );
    let (_, detail) = example("entity_named_nobody");
    assert!(
        detail.contains("null (the article never says who)") && detail.contains("«Frank Hale»"),
        "{detail}"
    );
    let (_, detail) = example("entity_none");
    assert!(detail.contains("mention «null»"), "{detail}");
    // The layer's coverage is reported, not fatal.
    assert_eq!(
        r["speaker_layer"],
        json!({
            "file": layer.to_string_lossy(),
            "docs": 2,
            "attributions": 10,
            "attached": 10,
            "gold_docs_without_layer": 1,
            "layer_docs_not_in_gold": ["not-in-gold"],
        })
    );
}

#[test]
fn the_table_shows_the_resolved_column_and_the_entity_family() {
    let (gold, layer, pred) = fixtures("table");
    let out = eval(
        &[
            "--speech",
            "--errors",
            "--examples",
            "1",
            "--color",
            "never",
        ],
        &gold,
        &layer,
        &pred,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("resolved"), "{text}");
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("@0.3"))
        .unwrap();
    assert!(row.contains(" 30.0 "), "{row}");
    assert!(
        text.contains("right entity for 3 of 10 matched layer attributions @0.3"),
        "{text}"
    );
    assert!(
        text.contains("wrong entities (of 10 matched attributions the speaker layer covers)"),
        "{text}"
    );
    for label in [
        "pronoun to the wrong antecedent",
        "mention not linked to its full name",
        "non-name taken for a name",
        "role or description not linked",
        "no entity",
        "named where the article names nobody",
        "another entity",
    ] {
        assert!(text.contains(label), "{label}");
    }
    assert!(
        text.contains("gold documents the layer does not cover: 1"),
        "{text}"
    );
    assert!(
        text.contains("layer documents not in the gold read: 1 (not-in-gold)"),
        "{text}"
    );
}

#[test]
fn without_speakers_nothing_changes() {
    let (gold, _, pred) = fixtures("plain");
    let r = json_out(&run(bin()
        .args(["eval", "--speech", "--json", "--errors", "--pred"])
        .arg(&pred)
        .arg(&gold)));
    assert!(r["speech"]["@0.3"]["resolved_speaker_acc"].is_null());
    assert!(r.get("speaker_layer").is_none() && r["speech"].get("resolved_speakers").is_none());
    assert!(r["errors"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["family"] != "entity"));
}

#[test]
fn a_content_span_mismatch_names_the_document_and_k() {
    let (gold, layer, pred) = fixtures("mismatch");
    let mut rec = layer_record();
    // Shift the content of the attribution with k = 4 (case 3, "“No,”") by one code point.
    let entry = rec["speakers"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["k"] == 4)
        .unwrap();
    let s = entry["content"][0][0].as_u64().unwrap();
    entry["content"][0][0] = json!(s + 1);
    write_jsonl(&layer, &[rec]);
    let out = eval(&["--speech"], &gold, &layer, &pred);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("document g1") && err.contains("k=4") && err.contains("differ"),
        "{err}"
    );
    // An entry for an attribution that has no content (k = 2) is an error too.
    write_jsonl(
        &layer,
        &[json!({"doc_id": "g1", "speakers": [{"k": 2, "content": [], "entity": null}]})],
    );
    let out = eval(&["--speech"], &gold, &layer, &pred);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("document g1") && err.contains("k=2"), "{err}");
    // A malformed layer line names the file and line.
    std::fs::write(&layer, "{\"doc_id\": \"g1\"}\n").unwrap();
    let out = eval(&["--speech"], &gold, &layer, &pred);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:1:", layer.display())) && err.contains("speakers"),
        "{err}"
    );
}

#[test]
fn speakers_needs_polnear_gold() {
    let (_, layer, _) = fixtures("ggt");
    let ggt = tmp("ggt-gold.jsonl");
    write_jsonl(
        &ggt,
        &[json!({"doc_id": "x", "text": "“Hi,” Ann said.", "quotes": [{"quote_span": [0, 5]}]})],
    );
    let out = run(bin().arg("eval").arg("--speakers").arg(&layer).arg(&ggt));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--speakers applies to PolNeAR"));
    let out = run(bin()
        .args(["eval", "--format", "ggt", "--speakers"])
        .arg(&layer)
        .arg(&ggt));
    assert_eq!(out.status.code(), Some(2));
    let out = run(bin().args(["eval", "--speakers", "-", "-"]));
    assert_eq!(out.status.code(), Some(2));
}

const JUNK_TEXT: &str = "Clinton Was Headed to ER to Avoid Bad Optics\n\
Ann Lee spoke at the Justice Department on Monday. The Department declined to comment.\n\
“I've seen it,” she said. Twenty-seven voted. Police said the road was closed.\n\
Hopefully, the deal holds, Lee said. LOOK, he said. Officials said so.";

fn junk_pred(names: &[(&str, u64)]) -> Value {
    let speakers: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(id, (name, quotes))| json!({"id": id, "name": name, "quotes": quotes}))
        .collect();
    json!({"id": "j1", "quotes": [], "speakers": speakers})
}

#[test]
fn the_junk_audit_lists_names_that_are_not_names_by_reason() {
    let gold = tmp("junk-gold.jsonl");
    let pred = tmp("junk-pred.jsonl");
    write_jsonl(
        &gold,
        &[json!({"doc_id": "j1", "text": JUNK_TEXT, "attributions": []})],
    );
    let names = [
        ("Ann Lee", 3),
        ("I've", 2),
        ("Twenty-seven", 1),
        ("Monday", 1),
        ("Department", 1),
        ("Justice Department", 1),
        ("Police", 1),
        ("Hopefully", 1),
        ("LOOK", 1),
        ("Avoid Bad Optics", 1),
        ("officials", 1),
    ];
    write_jsonl(&pred, &[junk_pred(&names)]);
    let r = json_out(&run(bin()
        .args(["eval", "--json", "--junk", "--pred"])
        .arg(&pred)
        .arg(&gold)));
    let j = &r["junk"];
    assert_eq!(j["entities"], 11);
    assert_eq!(j["junk"], 8);
    assert_eq!(j["quotes"], 9);
    let listed: Vec<(String, String)> = j["list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["doc"], "j1");
            (
                e["name"].as_str().unwrap().to_string(),
                e["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = [
        ("I've", "contraction"),
        ("Twenty-seven", "number_word"),
        ("Monday", "day_or_month"),
        ("Department", "org_piece"),
        ("Police", "common_word"),
        ("Hopefully", "adverb_or_participle"),
        ("LOOK", "all_caps"),
        ("Avoid Bad Optics", "common_words_only"),
    ];
    assert_eq!(
        listed,
        expect
            .iter()
            .map(|(n, r)| (n.to_string(), r.to_string()))
            .collect::<Vec<_>>()
    );
    let by: u64 = j["by_reason"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by, 8, "counts by reason sum to the total");
    // The table: a count per reason, the total, then every entity.
    let out = run(bin()
        .args(["eval", "--junk", "--color", "never", "--pred"])
        .arg(&pred)
        .arg(&gold));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "junk speaker entities (names that are not names): 8 of 11 entities, 9 quotes"
        ),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["8", "9", "total"]),
        "{text}"
    );
    assert!(text.contains("j1  I've  2  contraction"), "{text}");
}

#[test]
fn the_junk_audit_reads_the_analysers_own_speakers() {
    let gold = tmp("junk-analyse-gold.jsonl");
    let text = "Ann Lee, the mayor, spoke on Monday.\n\n“We will build the bridge,” Lee said.\n\n\
                “I've seen the plans,” said Bob Park, an engineer.";
    write_jsonl(
        &gold,
        &[json!({"doc_id": "a1", "text": text, "attributions": []})],
    );
    let r = json_out(&run(bin().args(["eval", "--json", "--junk"]).arg(&gold)));
    // The same speakers as `whosaid --json` gives for the text.
    let input = tmp("junk-analyse-input.jsonl");
    write_jsonl(&input, &[json!({"id": "a1", "text": text})]);
    let analysed = run(bin()
        .args(["--json", "--input", "jsonl", "--offsets", "chars"])
        .arg(&input))
    .stdout;
    let rec: Value = serde_json::from_slice(&analysed).unwrap();
    let speakers = rec["speakers"].as_array().unwrap();
    assert!(!speakers.is_empty());
    assert_eq!(
        r["junk"]["entities"].as_u64().unwrap() as usize,
        speakers.len()
    );
    assert_eq!(
        r["junk"]["junk"].as_u64().unwrap() as usize,
        r["junk"]["list"].as_array().unwrap().len()
    );
}
