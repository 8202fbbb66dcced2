//! Batch mode (`--input jsonl`): one JSON object `{"id","text",…}` per input line, one output line per input
//! line, in order, in constant memory (one reused line buffer; each document is dropped before the next is read).

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use whosaid::output::{QuoteOut, SpeakerOut};
use whosaid::{DocumentOut, Encoding};

use super::args::{AnalyzeOpts, Input};
use super::style::Style;
use super::{analyze_caught, describe, open, report, Ctx, Fatal, Output};

/// A line buffer that grew past this (one huge line) is released after use.
const KEEP_CAPACITY: usize = 4 << 20;

#[derive(Deserialize)]
#[serde(expecting = "a JSON object {\"id\", \"text\", …}")]
struct InDoc<'a> {
    #[serde(default)]
    id: Option<Value>,
    /// PolNeAR and GGT files name it `doc_id`; accepted when `id` is absent.
    #[serde(default)]
    doc_id: Option<Value>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// Only the ids, to name a record whose text is unusable.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    doc_id: Option<Value>,
}

/// One output line: [`DocumentOut`] with the id echoed as given (a string, a number or null).
#[derive(Serialize)]
struct DocLine<'a> {
    id: &'a Value,
    quotes: &'a [QuoteOut],
    speakers: &'a [SpeakerOut],
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a Value,
    line: u64,
    error: &'a str,
}

fn pick_id(id: Option<Value>, doc_id: Option<Value>) -> Value {
    id.or(doc_id).unwrap_or(Value::Null)
}

/// serde_json's message without its " at line 1 column N" (the line is ours to name), plus the column.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg
        .rfind(" at line ")
        .map_or(msg.as_str(), |i| &msg[..i])
        .to_string();
    match e.classify() {
        serde_json::error::Category::Eof => format!("truncated JSON: {msg}"),
        serde_json::error::Category::Syntax => {
            format!("invalid JSON: {msg} (column {})", e.column())
        }
        _ => format!("{msg} (column {})", e.column()),
    }
}

/// Parses one line into (id, text), or (id if known, error).
fn parse_line(line: &[u8]) -> Result<(Value, Cow<'_, str>), (Value, String)> {
    let recover_id = || match serde_json::from_slice::<IdOnly>(line) {
        Ok(ids) => pick_id(ids.id, ids.doc_id),
        Err(_) => Value::Null,
    };
    if let Err(e) = std::str::from_utf8(line) {
        return Err((
            recover_id(),
            format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
        ));
    }
    // serde would also take an array for the struct.
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let msg = match serde_json::from_slice::<serde::de::IgnoredAny>(line) {
            Ok(_) => "expected a JSON object {\"id\", \"text\", …}".to_string(),
            Err(e) => json_error(&e),
        };
        return Err((Value::Null, msg));
    }
    let doc: InDoc = serde_json::from_slice(line).map_err(|e| (recover_id(), json_error(&e)))?;
    let id = pick_id(doc.id, doc.doc_id);
    if !matches!(id, Value::Null | Value::String(_) | Value::Number(_)) {
        return Err((
            Value::Null,
            format!("\"id\" must be a string or a number, got {id}"),
        ));
    }
    match doc.text {
        Some(text) => Ok((id, text)),
        None => Err((id, "no \"text\" (a string) in the record".into())),
    }
}

pub fn run(
    o: &AnalyzeOpts,
    inputs: &[Input],
    out: &mut Output,
    style: &Style,
    ctx: &mut Ctx,
) -> Result<(), Fatal> {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut first_report = true;
    for input in inputs {
        let reader = match open(input) {
            Ok(r) => r,
            Err(e) => {
                ctx.error(&format!("{}: {}", input.display(), describe(&e)));
                continue;
            }
        };
        let mut reader = BufReader::with_capacity(64 * 1024, reader);
        let mut line_no: u64 = 0;
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => line_no += 1,
                Err(e) => {
                    ctx.error(&format!(
                        "{}: line {}: {}",
                        input.display(),
                        line_no + 1,
                        describe(&e)
                    ));
                    break;
                }
            }
            let mut line = buf.as_slice();
            while let [rest @ .., b'\n' | b'\r'] = line {
                line = rest;
            }
            if line_no == 1 {
                line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = parse_line(line).and_then(|(id, text)| {
                let name = match &id {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    v => v.to_string(),
                };
                let enc = if o.json { o.offsets } else { Encoding::Utf8 };
                match analyze_caught(&name, &text, enc) {
                    Ok(doc) => Ok((id, name, text, doc)),
                    Err(msg) => Err((id, msg)),
                }
            });
            match parsed {
                Ok((id, name, text, doc)) => {
                    if o.json {
                        // Destructured without `..` so that a new field in the contract fails to compile here.
                        let DocumentOut {
                            id: _,
                            quotes,
                            speakers,
                        } = &doc;
                        serde_json::to_writer(
                            &mut *out,
                            &DocLine {
                                id: &id,
                                quotes,
                                speakers,
                            },
                        )
                        .map_err(io::Error::from)?;
                        out.write_all(b"\n")?;
                    } else {
                        if !first_report {
                            out.write_all(b"\n")?;
                        }
                        first_report = false;
                        let title = if name.is_empty() {
                            format!("line {line_no}")
                        } else {
                            name
                        };
                        report::write(out, style, &title, &text, &doc)?;
                    }
                }
                Err((id, msg)) => {
                    ctx.error(&format!("{}:{line_no}: {msg}", input.display()));
                    if o.json {
                        serde_json::to_writer(
                            &mut *out,
                            &ErrorRecord {
                                id: &id,
                                line: line_no,
                                error: &msg,
                            },
                        )
                        .map_err(io::Error::from)?;
                        out.write_all(b"\n")?;
                    }
                }
            }
            out.record_done()?;
            if buf.capacity() > KEEP_CAPACITY {
                buf = Vec::with_capacity(64 * 1024);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_line_serialises_like_the_contract() {
        let text = "Kyiv — “Ми готові,” he said.";
        let doc = whosaid::analyze_document("a-1", text, Encoding::Utf16);
        let DocumentOut {
            id: _,
            quotes,
            speakers,
        } = &doc;
        let line = DocLine {
            id: &Value::String("a-1".into()),
            quotes,
            speakers,
        };
        assert_eq!(
            serde_json::to_string(&line).unwrap(),
            serde_json::to_string(&doc).unwrap()
        );
    }

    #[test]
    fn ids_are_echoed_and_errors_name_what_is_wrong() {
        let (id, text) = parse_line(br#"{"id": 7, "text": "a\nb", "extra": [1]}"#).unwrap();
        assert_eq!((id, text.as_ref()), (Value::from(7), "a\nb"));
        let (id, _) = parse_line(br#"{"doc_id": "x", "text": ""}"#).unwrap();
        assert_eq!(id, Value::from("x"));
        let (id, e) = parse_line(br#"{"id": "k", "title": "t"}"#).unwrap_err();
        assert_eq!(
            (id, e.as_str()),
            (Value::from("k"), "no \"text\" (a string) in the record")
        );
        let (id, e) = parse_line(br#"{"id": "k", "text": 5}"#).unwrap_err();
        assert_eq!(id, Value::from("k"));
        assert!(e.starts_with("invalid type: integer `5`, expected"), "{e}");
        let (id, e) = parse_line(br#"{"id": "k", "text": "abc"#).unwrap_err();
        assert_eq!(
            (id, e.starts_with("truncated JSON")),
            (Value::Null, true),
            "{e}"
        );
        let (_, e) = parse_line(b"[1, 2]").unwrap_err();
        assert!(e.contains("expected a JSON object"), "{e}");
        let (id, e) = parse_line(b"{\"id\": \"u\", \"text\": \"caf\xe9\"}").unwrap_err();
        assert_eq!(
            (id, e.as_str()),
            (Value::from("u"), "invalid UTF-8 at byte 24 of the line")
        );
        let (_, e) = parse_line(br#"{"id": [1], "text": ""}"#).unwrap_err();
        assert!(e.contains("must be a string or a number"), "{e}");
    }
}
