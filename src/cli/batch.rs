//! Batch mode (`--input jsonl`): one JSON object `{"id","text",…}` per input line, one output line per input
//! line, in order (a bad or blank line gets an error record), in constant memory (one reused line buffer; each
//! document is dropped before the next is read).

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Write};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Serialize;
use serde_json::Value;

use super::args::{AnalyzeOpts, Input};
use super::style::Style;
use super::{analysis_caught, describe, open, report, write_json, Ctx, Fatal, Output};

/// A line buffer that grew past this (one huge line) is released after use.
const KEEP_CAPACITY: usize = 4 << 20;

/// The fields of one input record, filled in as they are read: when a line breaks off, what came before
/// (the id) still names the record.
#[derive(Default)]
struct Fields<'a> {
    id: Option<Value>,
    /// PolNeAR and GGT files name it `doc_id`; used when `id` is absent.
    doc_id: Option<Value>,
    text: Option<Cow<'a, str>>,
}

struct RecordSeed<'f, 'a>(&'f mut Fields<'a>);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object {\"id\", \"text\", …}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(StrSeed)? {
            match key.as_ref() {
                "id" => self.0.id = Some(map.next_value()?),
                "doc_id" => self.0.doc_id = Some(map.next_value()?),
                "text" => self.0.text = Some(map.next_value_seed(StrSeed)?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A string, borrowed from the line when it has no escapes.
struct StrSeed;

impl<'de> DeserializeSeed<'de> for StrSeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for StrSeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a Value,
    line: u64,
    error: &'a str,
}

const BLANK_LINE: &str = "blank line (each line must be a JSON object {\"id\", \"text\", …})";

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

/// Parses one line into (id, text), or (the id if it was read, error). A blank line is an error too: each input
/// line is answered by one output line, so that output line N answers input line N.
fn parse_line(line: &[u8]) -> Result<(Value, Cow<'_, str>), (Value, String)> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err((Value::Null, BLANK_LINE.into()));
    }
    let mut fields = Fields::default();
    let mut de = serde_json::Deserializer::from_slice(line);
    let parsed = RecordSeed(&mut fields)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    let id = pick_id(fields.id, fields.doc_id);
    let id_ok = matches!(id, Value::Null | Value::String(_) | Value::Number(_));
    let named = if id_ok { id.clone() } else { Value::Null };
    if let Err(e) = std::str::from_utf8(line) {
        let msg = format!("invalid UTF-8 at byte {} of the line", e.valid_up_to());
        return Err((named, msg));
    }
    if let Err(e) = parsed {
        return Err((named, json_error(&e)));
    }
    if !id_ok {
        return Err((
            named,
            format!("\"id\" must be a string or a number, got {id}"),
        ));
    }
    match fields.text {
        Some(text) => Ok((id, text)),
        None => Err((id, "no \"text\" (a string) in the record".into())),
    }
}

/// Reads every good record of `inputs` as (id, text), reporting bad lines (for `--story`, a few articles).
pub fn read_all(inputs: &[Input], ctx: &mut Ctx) -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for input in inputs {
        let reader = match open(input) {
            Ok(r) => r,
            Err(e) => {
                ctx.error(&format!("{}: {}", input.display(), describe(&e)));
                continue;
            }
        };
        let mut buf = Vec::new();
        let mut reader = BufReader::new(reader);
        let mut line_no = 0u64;
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
            let line = trim_line(&buf, line_no);
            match parse_line(line) {
                Ok((id, text)) => docs.push((id_string(&id, line_no), text.into_owned())),
                Err((_, msg)) => ctx.error(&format!("{}:{line_no}: {msg}", input.display())),
            }
        }
    }
    docs
}

/// A line without its line end (and, on the first line, a byte-order mark).
fn trim_line(buf: &[u8], line_no: u64) -> &[u8] {
    let mut line = buf;
    while let [rest @ .., b'\n' | b'\r'] = line {
        line = rest;
    }
    if line_no == 1 {
        line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
    }
    line
}

/// The id as a document name: a string as is, a number written out, null as "line N".
fn id_string(id: &Value, line_no: u64) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Null => format!("line {line_no}"),
        v => v.to_string(),
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
            let line = trim_line(&buf, line_no);
            let parsed = parse_line(line).map(|(id, text)| (id, text.into_owned()));
            // The text is out of the line now: a line buffer grown past KEEP_CAPACITY goes before the analysis, so
            // that a huge line is not held twice while it is analysed.
            if buf.capacity() > KEEP_CAPACITY {
                buf = Vec::with_capacity(64 * 1024);
            }
            let parsed = parsed.and_then(|(id, text)| match analysis_caught(&text) {
                Ok(analysis) => Ok((id, text, analysis)),
                Err(msg) => Err((id, msg)),
            });
            match parsed {
                Ok((id, text, analysis)) => {
                    if o.json {
                        write_json(out, &id, &text, &analysis, o.offsets)?;
                    } else {
                        if !first_report {
                            out.write_all(b"\n")?;
                        }
                        first_report = false;
                        let name = id_string(&id, line_no);
                        report::write(out, style, &name, &text, &analysis)?;
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
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_id_serialises_like_the_contract() {
        let text = "Kyiv — “Ми готові,” he said.";
        let a = whosaid::analyze(text);
        let doc = whosaid::DocumentOut::new("a-1", text, &a, whosaid::Encoding::Utf16);
        let id = Value::String("a-1".into());
        let line = whosaid::output::DocumentJson::new(&id, text, &a, whosaid::Encoding::Utf16);
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
        // A line that breaks off keeps the id read before the break.
        let (id, e) = parse_line(br#"{"id": "k", "text": "abc"#).unwrap_err();
        assert_eq!(
            (id, e.starts_with("truncated JSON")),
            (Value::from("k"), true),
            "{e}"
        );
        let (id, _) = parse_line(br#"{"text": "abc", "id": "#).unwrap_err();
        assert_eq!(id, Value::Null);
        let (_, e) = parse_line(br#"{"id": "k", "text": "a"} x"#).unwrap_err();
        assert!(e.starts_with("invalid JSON: trailing characters"), "{e}");
        let (_, e) = parse_line(br#"{"id": "k", "text": null}"#).unwrap_err();
        assert!(
            e.starts_with("invalid type: null, expected a string"),
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
        for blank in [&b""[..], b" ", b"\t \x0c"] {
            assert_eq!(
                parse_line(blank).unwrap_err(),
                (Value::Null, BLANK_LINE.into())
            );
        }
    }
}
