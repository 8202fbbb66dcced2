//! The `whosaid` binary as a user runs it: JSON shape on the seed articles, offsets in three encodings, the
//! streaming JSON-lines mode with bad lines, unreadable inputs, standard input, usage errors, colour and a
//! reader that goes away (broken pipe), batch mode on several threads and its progress line.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "the five seed articles");
    v
}

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

/// Runs with `stdin` as standard input.
fn run_with(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = w.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn run(cmd: &mut Command) -> Output {
    run_with(cmd, b"")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line ({e}): {l}")))
        .collect()
}

/// The text of `[start, end)` counted in `enc` units.
fn slice(text: &str, start: usize, end: usize, enc: &str) -> String {
    match enc {
        "utf8" => text
            .get(start..end)
            .expect("UTF-8 offsets on char boundaries")
            .to_string(),
        "utf16" => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end])
                .expect("UTF-16 offsets not inside a surrogate pair")
        }
        "chars" => text.chars().skip(start).take(end - start).collect(),
        _ => unreachable!(),
    }
}

/// Every span of a document (quote, cue, speaker, parts) points at its own text in `text`.
fn check_spans(doc: &Value, text: &str, enc: &str) -> usize {
    let mut n = 0;
    let mut check = |span: &Value, what: &str| {
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e, "{what}: start {s} > end {e}");
        assert_eq!(
            slice(text, s, e, enc),
            span["text"].as_str().unwrap(),
            "{what} at {s}..{e} ({enc})"
        );
        n += 1;
    };
    for q in doc["quotes"].as_array().unwrap() {
        check(q, "quote");
        for key in ["cue", "speaker"] {
            if !q[key].is_null() {
                check(&q[key], key);
            }
        }
        for p in q["parts"].as_array().into_iter().flatten() {
            check(p, "part");
        }
    }
    for q in doc["quotations"].as_array().unwrap() {
        check(q, "quotation");
    }
    n
}

#[test]
fn json_shape_on_the_seed_articles() {
    let mut total = 0;
    let mut attributed = 0;
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let out = run(bin().arg("--json").arg(&path));
        assert!(out.status.success(), "{}", stderr(&out));
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 1);
        let doc = &lines[0];
        let keys: Vec<&str> = doc
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        // (serde_json's map sorts its keys.)
        assert_eq!(keys, ["id", "quotations", "quotes", "speakers"]);
        assert!(stdout(&out).starts_with(r#"{"id":"#), "the id comes first");
        assert_eq!(
            doc["id"],
            json!(path.to_str().unwrap()),
            "the id is the file name as given"
        );
        let speakers = doc["speakers"].as_array().unwrap();
        let quotes = doc["quotes"].as_array().unwrap();
        for (i, q) in quotes.iter().enumerate() {
            assert_eq!(q["id"], json!(i));
            assert!(
                ["direct", "mixed", "indirect"].contains(&q["kind"].as_str().unwrap()),
                "{q}"
            );
            let c = q["confidence"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&c), "{q}");
            assert!(q["sieve"].is_string(), "{q}");
            match q["speaker_id"].as_u64() {
                Some(k) => {
                    assert!((k as usize) < speakers.len(), "{q}");
                    attributed += 1;
                }
                None => assert!(q["speaker_id"].is_null()),
            }
        }
        for (i, s) in speakers.iter().enumerate() {
            assert_eq!(s["id"], json!(i));
            assert!(!s["name"].as_str().unwrap().is_empty());
            assert!(["person", "organisation", "group", "unknown"]
                .contains(&s["kind"].as_str().unwrap()));
            assert!(s["aliases"].is_array() && s["descriptions"].is_array());
            let own = quotes
                .iter()
                .filter(|q| q["speaker_id"] == json!(i))
                .count();
            assert_eq!(s["quotes"], json!(own), "speaker {i}'s quote count");
        }
        // Every quotation: numbered in order, inside its parent one level down, part of an existing quote.
        let quotations = doc["quotations"].as_array().unwrap();
        for (i, q) in quotations.iter().enumerate() {
            assert_eq!(q["id"], json!(i));
            assert!(
                ["speech", "term", "title"].contains(&q["kind"].as_str().unwrap()),
                "{q}"
            );
            match q["parent"].as_u64() {
                Some(p) => {
                    let p = &quotations[p as usize];
                    assert!(p["id"].as_u64().unwrap() < i as u64, "{q}");
                    assert_eq!(
                        q["depth"].as_u64().unwrap(),
                        p["depth"].as_u64().unwrap() + 1
                    );
                    assert!(
                        p["start"].as_u64() <= q["start"].as_u64()
                            && q["end"].as_u64() <= p["end"].as_u64()
                    );
                }
                None => assert_eq!(q["depth"], json!(0), "{q}"),
            }
            if let Some(k) = q["quote"].as_u64() {
                assert!((k as usize) < quotes.len(), "{q}");
            }
        }
        // The seeds quote with marks, and most of those quotations are attributed speech.
        let speech = quotations
            .iter()
            .filter(|q| q["kind"] == "speech" && !q["quote"].is_null())
            .count();
        assert!(
            speech * 2 > quotations.len(),
            "{speech} of {} quotations attributed speech",
            quotations.len()
        );
        total += quotes.len();
        check_spans(doc, &text, "utf8");
    }
    // Each seed article quotes several people ("…," said X).
    assert!(
        total >= 25 && attributed * 2 > total,
        "{attributed} of {total} quotes attributed"
    );
}

#[test]
fn offsets_agree_in_every_encoding() {
    // A seed article behind a headline with astral characters, so that bytes, UTF-16 units and code points all
    // differ before every quote; read from standard input ('-').
    let seed = std::fs::read_to_string(&fixtures()[2]).unwrap();
    let text = format!("🇺🇦 Київ — “Переговори” 😀\n\n{seed}");
    let mut docs = Vec::new();
    for enc in ["utf8", "utf16", "chars"] {
        let out = run_with(
            bin().args(["--json", "--offsets", enc, "-"]),
            text.as_bytes(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let doc = json_lines(&out).remove(0);
        assert_eq!(doc["id"], "-");
        let n = check_spans(&doc, &text, enc);
        assert!(n >= 10, "{n} spans checked in {enc}");
        docs.push(doc);
    }
    // Same quotes in the same order; the offsets differ exactly as the encodings do.
    let (b, u, c) = (&docs[0]["quotes"], &docs[1]["quotes"], &docs[2]["quotes"]);
    assert_eq!(b.as_array().unwrap().len(), c.as_array().unwrap().len());
    for i in 0..b.as_array().unwrap().len() {
        assert_eq!(b[i]["text"], c[i]["text"]);
        assert_eq!(u[i]["text"], c[i]["text"]);
        let byte = b[i]["start"].as_u64().unwrap() as usize;
        let prefix = &text[..byte];
        assert_eq!(u[i]["start"], json!(prefix.encode_utf16().count()));
        assert_eq!(c[i]["start"], json!(prefix.chars().count()));
        assert!(b[i]["start"] != c[i]["start"] && u[i]["start"] != c[i]["start"]);
    }
    // --offsets=utf8 is the default.
    let out = run_with(bin().args(["--json"]), text.as_bytes());
    assert_eq!(json_lines(&out)[0], docs[0]);
}

#[test]
fn batch_mode_answers_every_line_in_order_and_goes_on_after_bad_ones() {
    let seeds: Vec<String> = fixtures()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut input = Vec::new();
    let mut line = |s: &[u8]| {
        input.extend_from_slice(s);
        input.push(b'\n');
    };
    line(
        json!({"id": "a", "text": seeds[0], "url": "ignored"})
            .to_string()
            .as_bytes(),
    ); // 1
    line(b""); // 2: blank, an error record keeps the output lines in step with the input lines
    line(br#"{"id": "broken", "text": "He said: \"yes"#); // 3: truncated
    line(br#"{"id": 7, "title": "no text"}"#); // 4
    line(b"{\"id\": \"u\", \"text\": \"caf\xe9 said\"}"); // 5: invalid UTF-8
    line(json!({"id": 42, "text": seeds[1]}).to_string().as_bytes()); // 6
    line(b"not json at all"); // 7
    input.extend_from_slice(
        json!({"doc_id": "c", "text": seeds[2]})
            .to_string()
            .as_bytes(),
    ); // 8, no newline
    let file = tmp("batch.jsonl");
    std::fs::write(&file, &input).unwrap();

    for from_stdin in [false, true] {
        let mut cmd = bin();
        cmd.args(["--json", "--input", "jsonl"]);
        let out = if from_stdin {
            run_with(&mut cmd, &input)
        } else {
            run(cmd.arg(&file))
        };
        assert_eq!(
            out.status.code(),
            Some(1),
            "a bad line makes the exit status 1"
        );
        let recs = json_lines(&out);
        let ids: Vec<&Value> = recs.iter().map(|r| &r["id"]).collect();
        assert_eq!(
            ids,
            [
                &json!("a"),
                &Value::Null,
                &json!("broken"),
                &json!(7),
                &json!("u"),
                &json!(42),
                &Value::Null,
                &json!("c")
            ]
            .map(|v| v.clone())
            .iter()
            .collect::<Vec<_>>()
        );
        // Error records name the line.
        let errors: Vec<(u64, &str)> = recs
            .iter()
            .filter(|r| r.get("error").is_some())
            .map(|r| (r["line"].as_u64().unwrap(), r["error"].as_str().unwrap()))
            .collect();
        assert_eq!(
            errors.iter().map(|e| e.0).collect::<Vec<_>>(),
            [2, 3, 4, 5, 7]
        );
        assert!(errors[0].1.starts_with("blank line"), "{errors:?}");
        assert!(errors[1].1.starts_with("truncated JSON"), "{errors:?}");
        assert!(errors[2].1.contains("no \"text\""), "{errors:?}");
        assert!(errors[3].1.contains("invalid UTF-8"), "{errors:?}");
        assert!(errors[4].1.starts_with("invalid JSON"), "{errors:?}");
        // Output line N answers input line N: the error records name their lines, the others are in between.
        for (n, rec) in recs.iter().enumerate() {
            if let Some(line) = rec.get("line") {
                assert_eq!(line.as_u64(), Some(n as u64 + 1), "{rec}");
            }
        }
        assert_eq!(recs.len(), 8);
        // The error record has the documented shape.
        let raw = stdout(&out);
        let third = raw.lines().nth(2).unwrap();
        assert!(
            third.starts_with(r#"{"id":"broken","line":3,"error":"truncated JSON"#),
            "{third}"
        );
        assert_eq!(recs[2].as_object().unwrap().len(), 3);
        // stderr names the input and the line of each.
        let name = if from_stdin {
            "<stdin>".to_string()
        } else {
            file.display().to_string()
        };
        let err = stderr(&out);
        for n in [2, 3, 4, 5, 7] {
            assert!(err.contains(&format!("{name}:{n}: ")), "{err}");
        }
        // Good lines are analysed exactly as the same text given as a file.
        for (rec, seed) in [
            (&recs[0], &seeds[0]),
            (&recs[5], &seeds[1]),
            (&recs[7], &seeds[2]),
        ] {
            let alone =
                json_lines(&run_with(bin().args(["--json", "-"]), seed.as_bytes())).remove(0);
            assert!(!rec["quotes"].as_array().unwrap().is_empty());
            assert_eq!(rec["quotes"], alone["quotes"]);
            assert_eq!(rec["speakers"], alone["speakers"]);
        }
    }
}

#[test]
fn batch_mode_without_json_prints_reports() {
    let seed = std::fs::read_to_string(&fixtures()[0]).unwrap();
    let input = format!(
        "{}\n{}\n",
        json!({"id": "first", "text": seed}),
        json!({"id": 2, "text": "Nothing."})
    );
    let out = run_with(
        bin().args(["--input=jsonl", "--color=never"]),
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("== first =="), "{text}");
    assert!(
        text.contains("\n== 2 == 0 quotes, 0 speakers\n  no quotes found\n"),
        "{text}"
    );
}

#[test]
fn report_lists_every_speaker_and_quote() {
    let path = &fixtures()[1];
    let doc = json_lines(&run(bin().arg("--json").arg(path))).remove(0);
    let out = run(bin().arg(path));
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("== {} ==", path.display())),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour in a pipe");
    for s in doc["speakers"].as_array().unwrap() {
        assert!(
            text.contains(s["name"].as_str().unwrap()),
            "{} missing from\n{text}",
            s["name"]
        );
    }
    let quote_lines = text
        .lines()
        .filter(|l| l.starts_with("  ") && l.trim_start().as_bytes()[0].is_ascii_digit());
    assert_eq!(
        quote_lines.count(),
        doc["quotes"].as_array().unwrap().len(),
        "{text}"
    );
    // Colour when asked for.
    let coloured = stdout(&run(bin().args(["--color", "always"]).arg(path)));
    assert!(coloured.contains("\u{1b}[1;32m"), "{coloured}");
}

#[test]
fn report_positions_are_lines_and_characters_and_quotes_go_to_their_speakers() {
    // Many lines, multi-byte characters before the quotes on a line (2, 3 and 4 bytes), several quotes on a line, and
    // speakers quoted again far apart (each speaker's quotes are listed under them, in text order).
    let names = ["Olena Kovalenko", "Jürgen Müller", "Zoë Ødegård"];
    let mut text = String::new();
    for i in 0..120 {
        let who = names[i % 3];
        match i % 4 {
            0 => text.push_str(&format!("Київ — “We wait, {i},” said {who}.\n")),
            1 => text.push_str(&format!(
                "😀 é: “Not now {i},” {who} said. “Later,” {who} added.\n\n"
            )),
            2 => text.push_str(&format!(
                "Café owners in Zürich “closed early” on day {i}, {who} said.\n"
            )),
            _ => text.push_str(&format!("{who} said: “Ми готові {i}.”\r\n")),
        }
    }
    let file = tmp("positions.txt");
    std::fs::write(&file, &text).unwrap();
    let doc = json_lines(&run(bin().arg("--json").arg(&file))).remove(0);
    let out = run(bin().args(["--color", "never"]).arg(&file));
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);

    // Each quote's line and column, counted from the start of its line in characters, and its speaker's name.
    let speakers = doc["speakers"].as_array().unwrap();
    let mut want: Vec<(String, String)> = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let start = q["start"].as_u64().unwrap() as usize;
            let before = &text[..start];
            let line_start = before.rfind('\n').map_or(0, |k| k + 1);
            let at = format!(
                "{}:{}",
                before.matches('\n').count() + 1,
                before[line_start..].chars().count() + 1
            );
            let who = q["speaker_id"]
                .as_u64()
                .map_or("Unattributed".to_string(), |s| {
                    speakers[s as usize]["name"].as_str().unwrap().to_string()
                });
            (who, at)
        })
        .collect();
    assert!(want.len() >= 150, "{}", want.len());
    assert!(
        want.iter().any(|(_, at)| at.starts_with("150:")),
        "{want:?}"
    );
    // The report, read back: a speaker line, then their quote lines ("  L:C kind cue text").
    let mut got = Vec::new();
    let mut who = String::new();
    for line in report.lines().skip(1) {
        if let Some(q) = line.strip_prefix("  ") {
            if q.starts_with("also:") {
                continue;
            }
            got.push((
                who.clone(),
                q.split_whitespace().next().unwrap().to_string(),
            ));
        } else {
            who = line.split(" (").next().unwrap().to_string();
        }
    }
    // Under each speaker, their quotes in the order of the JSON (a stable sort by speaker keeps each one's order).
    want.sort_by_key(|(w, _)| w.clone());
    got.sort_by_key(|(w, _)| w.clone());
    assert_eq!(got, want);
}

#[test]
fn unreadable_inputs_are_named_and_the_rest_is_processed() {
    let bad = tmp("latin1.txt");
    std::fs::write(&bad, b"Line one\nCaf\xe9 owner said: \"fine\"\n").unwrap();
    let good = &fixtures()[3];
    let missing = tmp("no-such-article.txt");
    let out = run(bin().arg("--json").arg(&bad).arg(&missing).arg(good));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: invalid UTF-8 at byte 12 (line 2)",
            bad.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: no such file or directory", missing.display())),
        "{err}"
    );
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], json!(good.to_str().unwrap()));
    // A directory is not a document either.
    let out = run(bin().arg(FIXTURES));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    // Batch mode names a missing file the same way.
    let out = run(bin().args(["--json", "--input", "jsonl"]).arg(&missing));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no such file or directory"));
}

#[test]
fn usage_errors_exit_2_with_a_hint() {
    for (args, needle) in [
        (
            &["--jsn"][..],
            "unknown option '--jsn' (did you mean '--json'?)",
        ),
        (
            &["--offsets", "utf32"],
            "invalid value 'utf32' for --offsets (expected utf8, utf16 or chars)",
        ),
        (&["--input"], "--input needs a value"),
        (
            &["--color=sometimes"],
            "invalid value 'sometimes' for --color",
        ),
        (&["--errors"], "'--errors' is an option of 'whosaid eval'"),
        (&["eval", "--json"], "missing the gold file"),
    ] {
        let out = run(bin().args(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(err.contains("--help"), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(bin().arg("-h"));
    assert!(out.status.success() && stdout(&out).contains("Usage: whosaid [OPTIONS] [FILE...]"));
    let out = run(bin().arg("--version"));
    assert_eq!(
        stdout(&out),
        format!("whosaid {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn double_dash_ends_options() {
    let dir = tmp("dashdash");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("--json"), "“Yes,” she said.").unwrap();
    let out = run(bin().current_dir(&dir).args(["--json", "--", "--json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out)[0]["id"], "--json");
}

#[test]
fn story_mode_reads_the_articles_together() {
    let out = run(bin().arg("--story").arg("--json").args(fixtures()));
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 1, "one JSON object for the story");
    assert_eq!(recs[0]["documents"].as_array().unwrap().len(), 5);
    assert!(recs[0]["story"]["speakers"].is_array());
}

#[test]
fn story_mode_from_json_lines_names_a_blank_line_and_goes_on() {
    let seeds: Vec<String> = fixtures()[..2]
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let input = format!(
        "{}\n\n{}\n",
        json!({"id": "a", "text": seeds[0]}),
        json!({"id": "b", "text": seeds[1]})
    );
    let out = run_with(
        bin().args(["--story", "--json", "--input", "jsonl"]),
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("<stdin>:2: blank line"),
        "{}",
        stderr(&out)
    );
    let recs = json_lines(&out);
    let ids: Vec<&Value> = (recs[0]["documents"].as_array().unwrap().iter())
        .map(|d| &d["id"])
        .collect();
    assert_eq!(ids, [&json!("a"), &json!("b")]);
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    // Many documents in batch mode, and a reader that takes one line and closes the pipe (`| head -1`).
    let seed = std::fs::read_to_string(&fixtures()[4]).unwrap();
    let line = format!("{}\n", json!({"id": "x", "text": seed}));
    let input = line.repeat(400);
    let mut child = bin()
        .args(["--json", "--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = w.write_all(input.as_bytes()); // fails once whosaid has gone
    });
    let mut first = String::new();
    {
        let mut r = BufReader::new(child.stdout.take().unwrap());
        r.read_line(&mut first).unwrap();
    } // the read end closes here
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(first.starts_with("{\"id\":\"x\""), "{first}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "quiet exit, no signal, no panic"
    );
    assert_eq!(stderr(&out), "", "nothing on stderr");
}

/// A batch input of about 400 KB (several chunks): the seeds, an article made of all five, blank and bad lines.
fn mixed_batch() -> Vec<u8> {
    let seeds: Vec<String> = fixtures()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut input = Vec::new();
    for i in 0..70 {
        let line = match i % 10 {
            3 => r#"{"id": "bad", "text": "He said: \"yes"#.to_string(),
            5 => String::new(),
            7 => json!({"id": i, "text": seeds.concat()}).to_string(),
            _ => json!({"id": format!("doc-{i}"), "text": seeds[i % 5]}).to_string(),
        };
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    input
}

#[test]
fn batch_mode_on_several_threads_writes_what_one_thread_writes() {
    let input = mixed_batch();
    let file = tmp("jobs.jsonl");
    std::fs::write(&file, &input).unwrap();
    for args in [
        &["--json", "--offsets", "chars"][..],
        &["--color=never"][..],
    ] {
        let one = run(bin()
            .args(args)
            .args(["--input", "jsonl", "--jobs", "1"])
            .arg(&file));
        assert_eq!(one.status.code(), Some(1), "the bad lines");
        if args[0] == "--json" {
            let recs = json_lines(&one);
            assert_eq!(recs.len(), 70, "one record per input line, blank ones too");
            let blank: Vec<&serde_json::Value> = recs.iter().filter(|r| r["line"] == 6).collect();
            assert!(blank[0]["error"]
                .as_str()
                .unwrap()
                .starts_with("blank line"));
            let ids: Vec<String> = recs.iter().map(|r| r["id"].to_string()).collect();
            assert_eq!(ids[0], "\"doc-0\"");
            assert_eq!(ids[7], "7");
        }
        assert_eq!(stderr(&one).matches(": truncated JSON").count(), 7);
        for jobs in ["2", "3", "8"] {
            for from_stdin in [false, true] {
                let mut cmd = bin();
                cmd.args(args).args(["--input", "jsonl", "--jobs", jobs]);
                let many = if from_stdin {
                    run_with(&mut cmd, &input)
                } else {
                    run(cmd.arg(&file))
                };
                assert_eq!(many.status.code(), one.status.code());
                assert!(many.stdout == one.stdout, "--jobs {jobs} {args:?}");
                let err = stderr(&many);
                let err = if from_stdin {
                    err.replace("<stdin>", &file.display().to_string())
                } else {
                    err
                };
                assert_eq!(
                    err,
                    stderr(&one),
                    "--jobs {jobs}: the same messages in order"
                );
            }
        }
    }
}

/// Runs `command` (a shell command line) with a terminal as its stdin, stdout and stderr (`script` from util-linux)
/// and returns what the terminal showed.
fn on_a_terminal(command: &str) -> String {
    let out = Command::new("script")
        .args(["-q", "-e", "-c", command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script (util-linux) runs a command on a terminal");
    assert!(out.status.success(), "{command}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_progress_line_shows_on_a_terminal_only_and_not_with_quiet() {
    let file = tmp("progress.jsonl");
    std::fs::write(&file, mixed_batch()).unwrap();
    let exe = env!("CARGO_BIN_EXE_whosaid");
    let cmd = format!(
        "'{exe}' --json --input jsonl '{}' > /dev/null; true",
        file.display()
    );
    let shown = on_a_terminal(&cmd);
    // The last state: every document, every byte of the file (its size is known), a rate and no time left.
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(shown.contains("63 documents, "), "{shown:?}");
    assert!(shown.contains(" (100%), "), "{shown:?}");
    assert!(
        shown.contains(&format!("of {:.2} kB", size as f64 / 1e3)),
        "{shown:?}"
    );
    assert!(shown.contains("B/s, ETA 0s"), "{shown:?}");
    // Standard input from a pipe: no size, so no share and no ETA.
    let piped = on_a_terminal(&format!(
        "cat '{}' | '{exe}' --json --input jsonl > /dev/null; true",
        file.display()
    ));
    assert!(
        piped.contains("63 documents, ") && !piped.contains("ETA"),
        "{piped:?}"
    );
    // --quiet: the messages about bad lines, nothing else.
    let quiet = on_a_terminal(&cmd.replace("--json", "--json --quiet"));
    assert!(!quiet.contains("documents"), "{quiet:?}");
    assert_eq!(quiet.matches(": truncated JSON").count(), 7, "{quiet:?}");
    // Not a terminal: nothing but the messages.
    let out = run(bin().args(["--json", "--input", "jsonl"]).arg(&file));
    assert!(!stderr(&out).contains("documents"), "{}", stderr(&out));
}

/// A document of a megabyte or more is rendered by the writer, straight to the output (src/cli/batch.rs, `Later`):
/// the same record as from a file, in its place, with or without escapes in its JSON line, first or not, on one
/// thread or several, as JSON and as a report.
#[test]
fn batch_mode_writes_a_large_document_in_its_place() {
    let seeds: Vec<String> = fixtures()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    // On one line with curly quotation marks the text needs no escape in its JSON line (it is read in place); with
    // line breaks and straight quotation marks it does (it is read into a string of its own).
    let big = seeds
        .concat()
        .repeat(44)
        .replace('\n', " ")
        .replace('"', "'");
    assert!(big.len() > 1 << 20);
    assert!(!json!(big).to_string().contains('\\'));
    let straight = seeds.concat().repeat(44).replace(['“', '”'], "\"");
    let file = tmp("large.txt");
    for text in [&big, &straight] {
        std::fs::write(&file, text).unwrap();
        let alone = json_lines(&run(bin().args(["--json"]).arg(&file))).remove(0);
        assert!(alone["quotes"].as_array().unwrap().len() > 1000);
        let line = json!({"id": "big", "text": text}).to_string();
        let small = json!({"id": "small", "text": seeds[0]}).to_string();
        for input in [
            format!("{line}\n{small}\n"),
            format!("{small}\n{line}\n{small}\n"),
        ] {
            let json = run_with(
                bin().args(["--json", "--input", "jsonl", "--jobs", "1"]),
                input.as_bytes(),
            );
            assert!(json.status.success(), "{}", stderr(&json));
            let recs = json_lines(&json);
            let rec = recs.iter().find(|r| r["id"] == "big").unwrap();
            assert_eq!(rec["quotes"], alone["quotes"]);
            assert_eq!(rec["speakers"], alone["speakers"]);
            let small_at = if input.starts_with("{\"id\":\"big\"") {
                1
            } else {
                0
            };
            assert_eq!(recs[small_at]["id"], "small");
            let report = run_with(
                bin().args(["--input", "jsonl", "--color=never", "--jobs", "1"]),
                input.as_bytes(),
            );
            let shown = stdout(&report);
            // The first report opens the output; the others are set apart by one blank line.
            assert!(shown.starts_with("== "), "{}", &shown[..80]);
            assert_eq!(shown.matches("\n\n== ").count(), recs.len() - 1);
            for jobs in ["2", "3"] {
                for (args, one) in [(&["--json"][..], &json), (&["--color=never"][..], &report)] {
                    let many = run_with(
                        bin().args(args).args(["--input", "jsonl", "--jobs", jobs]),
                        input.as_bytes(),
                    );
                    assert!(many.stdout == one.stdout, "--jobs {jobs} {args:?}");
                }
            }
        }
    }
}
