//! Batch mode (`--input jsonl`): one JSON object `{"id","text",…}` per input line, one output line per input
//! line, in order, in bounded memory: lines are read in chunks of about [`CHUNK_BYTES`], analysed on `--jobs`
//! threads (default: every core) and written in input order, with at most a few chunks in flight per thread.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Write};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Serialize;
use serde_json::Value;
use whosaid::output::DocumentJson;

use super::args::{AnalyzeOpts, Input};
use super::progress::Progress;
use super::style::Style;
use super::{analysis_caught, describe, open, report, warn, Ctx, Fatal, Output};

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

/// Input lines go to the analysis in chunks of about this many bytes, or fewer when the input has no more at hand (a
/// reader feeding a pipe line by line gets each answer without waiting for the next line).
const CHUNK_BYTES: usize = 64 * 1024;

/// Lines of one input, read in one go.
struct Chunk {
    /// Index of the input in the run's list.
    input: usize,
    /// The lines as read, line ends included.
    data: Vec<u8>,
    /// Each line's number and range in `data`.
    lines: Vec<(u64, usize, usize)>,
    /// An error that ended the input after these lines (it could not be opened or read), already worded.
    error: Option<String>,
}

/// A chunk analysed: its output and what to report on stderr, record by record.
struct Done {
    out: Vec<u8>,
    records: Vec<Record>,
    /// Input bytes the chunk stood for, and its documents (for the progress line).
    bytes: u64,
    docs: u64,
    error: Option<String>,
}

/// One output record: its end in [`Done::out`], whether it opens with a report's separating blank line, and the
/// message of a bad line; or a large document's analysis, which the writer writes out itself.
struct Record {
    end: usize,
    separated: bool,
    error: Option<String>,
    later: Option<Box<Later>>,
}

/// A document of at least [`LATER_BYTES`], analysed but not yet rendered: its JSON (some six times the text on
/// quote-dense text) goes straight to the output when its turn comes, not first into memory beside the analysis.
struct Later {
    id: Value,
    line_no: u64,
    text: String,
    analysis: whosaid::Analysis,
}

/// Documents this large are rendered by the writer ([`Later`]); smaller ones into their chunk's output.
const LATER_BYTES: usize = 1 << 20;

/// Renders a document's output record: a JSON line, or a report, opening with its separating blank line if
/// `separated`.
fn render(
    w: &mut impl Write,
    o: &AnalyzeOpts,
    style: &Style,
    (id, line_no): (&Value, u64),
    text: &str,
    analysis: &whosaid::Analysis,
    separated: bool,
) -> io::Result<()> {
    if o.json {
        let doc = DocumentJson::new(id, text, analysis, o.offsets);
        serde_json::to_writer(&mut *w, &doc)?;
        w.write_all(b"\n")
    } else {
        if separated {
            w.write_all(b"\n")?;
        }
        report::write(w, style, &id_string(id, line_no), text, analysis)
    }
}

/// Reads `inputs` in chunks and hands each to `emit` in order, until `emit` returns false.
fn read_chunks(inputs: &[Input], mut emit: impl FnMut(Chunk) -> bool) {
    for (i, input) in inputs.iter().enumerate() {
        let mut chunk = Chunk {
            input: i,
            data: Vec::new(),
            lines: Vec::new(),
            error: None,
        };
        let reader = match open(input) {
            Ok(r) => r,
            Err(e) => {
                chunk.error = Some(format!("{}: {}", input.display(), describe(&e)));
                if !emit(chunk) {
                    return;
                }
                continue;
            }
        };
        let mut reader = BufReader::with_capacity(CHUNK_BYTES, reader);
        let mut line_no: u64 = 0;
        loop {
            let start = chunk.data.len();
            match reader.read_until(b'\n', &mut chunk.data) {
                Ok(0) => break,
                Ok(_) => {
                    line_no += 1;
                    chunk.lines.push((line_no, start, chunk.data.len()));
                }
                Err(e) => {
                    chunk.data.truncate(start);
                    chunk.error = Some(format!(
                        "{}: line {}: {}",
                        input.display(),
                        line_no + 1,
                        describe(&e)
                    ));
                    break;
                }
            }
            if chunk.data.len() >= CHUNK_BYTES || reader.buffer().is_empty() {
                let next = Chunk {
                    input: i,
                    data: Vec::with_capacity(CHUNK_BYTES.min(chunk.data.capacity())),
                    lines: Vec::new(),
                    error: None,
                };
                if !emit(std::mem::replace(&mut chunk, next)) {
                    return;
                }
            }
        }
        if (!chunk.lines.is_empty() || chunk.error.is_some()) && !emit(chunk) {
            return;
        }
    }
}

/// Analyses the lines of a chunk into their output records.
fn process(chunk: Chunk, o: &AnalyzeOpts, style: &Style, names: &[String]) -> Done {
    let name = &names[chunk.input];
    // (The output of a chunk of short lines is about twice their size; a large document's goes out by itself.)
    let mut out = Vec::with_capacity(chunk.data.len().min(2 * CHUNK_BYTES) * 2);
    let mut records = Vec::with_capacity(chunk.lines.len());
    let mut docs = 0;
    let mut data = chunk.data;
    let count = chunk.lines.len();
    for (k, &(line_no, start, end)) in chunk.lines.iter().enumerate() {
        let line = trim_line(&data[start..end], line_no);
        // A blank line is answered by an error record too (see `parse_line`): output line N answers input line N.
        // (It is no document for the progress line.)
        docs += u64::from(!line.iter().all(u8::is_ascii_whitespace));
        // A large last line whose text was read into a string of its own (it had escapes): its bytes go before the
        // analysis, which needs several times as much again.
        let parsed = match parse_line(line) {
            Ok((id, Cow::Owned(text))) if k + 1 == count && text.len() >= LATER_BYTES => {
                data.truncate(start);
                data.shrink_to_fit();
                Ok((id, Cow::Owned(text)))
            }
            other => other,
        };
        let parsed = parsed.and_then(|(id, text)| match analysis_caught(&text) {
            Ok(analysis) => Ok((id, text, analysis)),
            Err(msg) => Err((id, msg)),
        });
        let (separated, error, later) = match parsed {
            Ok((id, text, analysis)) if text.len() >= LATER_BYTES => {
                let text = text.into_owned();
                let later = Later {
                    id,
                    line_no,
                    text,
                    analysis,
                };
                (!o.json, None, Some(Box::new(later)))
            }
            Ok((id, text, analysis)) => {
                // (The writer leaves out the first report's blank line.)
                render(&mut out, o, style, (&id, line_no), &text, &analysis, true)
                    .expect("into memory");
                (!o.json, None, None)
            }
            Err((id, msg)) => {
                if o.json {
                    let rec = ErrorRecord {
                        id: &id,
                        line: line_no,
                        error: &msg,
                    };
                    serde_json::to_writer(&mut out, &rec).expect("JSON into memory");
                    out.push(b'\n');
                }
                (false, Some(format!("{name}:{line_no}: {msg}")), None)
            }
        };
        records.push(Record {
            end: out.len(),
            separated,
            error,
            later,
        });
    }
    Done {
        out,
        records,
        bytes: chunk.lines.last().map_or(0, |l| l.2) as u64,
        docs,
        error: chunk.error,
    }
}

/// Writes analysed chunks in input order, reports their bad lines and keeps the progress line.
struct Writer<'a> {
    out: &'a mut Output,
    ctx: &'a mut Ctx,
    progress: Progress,
    first_report: bool,
    o: &'a AnalyzeOpts,
    style: &'a Style,
}

impl Writer<'_> {
    fn write(&mut self, done: Done) -> Result<(), Fatal> {
        let mut from = 0;
        for r in done.records {
            let mut bytes = &done.out[from..r.end];
            from = r.end;
            let first = r.separated && std::mem::take(&mut self.first_report);
            if let Some(later) = r.later {
                let Later {
                    id,
                    line_no,
                    text,
                    analysis,
                } = *later;
                // The first report opens with no blank line.
                render(
                    self.out,
                    self.o,
                    self.style,
                    (&id, line_no),
                    &text,
                    &analysis,
                    !first,
                )?;
            } else if first {
                bytes = &bytes[1..];
            }
            self.out.write_all(bytes)?;
            if let Some(msg) = &r.error {
                self.progress.suspend(|| self.ctx.error(msg));
            }
            self.out.record_done()?;
        }
        if let Some(msg) = &done.error {
            self.progress.suspend(|| self.ctx.error(msg));
        }
        self.progress.advance(done.docs, done.bytes);
        Ok(())
    }
}

pub fn run(
    o: &AnalyzeOpts,
    inputs: &[Input],
    out: &mut Output,
    style: &Style,
    ctx: &mut Ctx,
) -> Result<(), Fatal> {
    let names: Vec<String> = inputs.iter().map(Input::display).collect();
    let jobs = o.jobs.unwrap_or_else(default_jobs).max(1);
    let mut w = Writer {
        out,
        ctx,
        progress: Progress::new(!o.quiet, inputs),
        first_report: true,
        o,
        style,
    };
    let result = if jobs == 1 {
        let mut result = Ok(());
        read_chunks(inputs, |chunk| {
            result = w.write(process(chunk, o, style, &names));
            result.is_ok()
        });
        result
    } else {
        run_parallel(jobs, o, inputs, style, &names, &mut w)
    };
    w.progress.finish();
    result
}

/// The number of jobs when `--jobs` is not given: every core the process may use.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// [`run`] with `jobs` worker threads: a reader thread cuts the input into chunks, the workers analyse them, and
/// this thread writes their output in input order. At most `2 * jobs + 2` chunks are read and not yet written, so
/// memory stays bounded whatever the input's size and however long one document takes.
fn run_parallel(
    jobs: usize,
    o: &AnalyzeOpts,
    inputs: &[Input],
    style: &Style,
    names: &[String],
    w: &mut Writer,
) -> Result<(), Fatal> {
    use crossbeam_channel::{bounded, unbounded};
    use std::collections::BTreeMap;

    let window = 2 * jobs + 2;
    std::thread::scope(|s| {
        let (work_tx, work_rx) = bounded::<(u64, Chunk)>(jobs);
        let (done_tx, done_rx) = unbounded::<(u64, Done)>();
        // A chunk is read only with a permit, which the writer gives back once the chunk is written.
        let (permit_tx, permit_rx) = bounded::<()>(window);
        for _ in 0..window {
            permit_tx.send(()).expect("room for every permit");
        }
        // The workers first: if the system gives fewer threads than asked, the ones it gave do the work.
        let mut started = 0;
        for k in 0..jobs {
            let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
            let worker = std::thread::Builder::new()
                .name(format!("whosaid-{k}"))
                .spawn_scoped(s, move || {
                    for (seq, chunk) in work_rx {
                        if done_tx
                            .send((seq, process(chunk, o, style, names)))
                            .is_err()
                        {
                            break;
                        }
                    }
                });
            match worker {
                Ok(_) => started += 1,
                Err(e) => {
                    w.progress.suspend(|| {
                        warn(&format!(
                            "could start {started} of {jobs} threads ({}); going on with {started}",
                            describe(&e)
                        ))
                    });
                    break;
                }
            }
        }
        let reader = (started > 0)
            .then(|| {
                std::thread::Builder::new()
                    .name("whosaid-reader".into())
                    .spawn_scoped(s, move || {
                        let mut seq = 0;
                        read_chunks(inputs, |chunk| {
                            seq += 1;
                            permit_rx.recv().is_ok() && work_tx.send((seq - 1, chunk)).is_ok()
                        });
                    })
                    .ok()
            })
            .flatten();
        if reader.is_none() {
            w.ctx
                .error("cannot start the threads of batch mode (try --jobs 1)");
            return Err(Fatal::Input);
        }
        drop((work_rx, done_tx));
        // Written in order; returning drops the permits' sender and the results' receiver, which stops the reader
        // and then the workers.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (seq, done) in done_rx {
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&next) {
                w.write(done)?;
                next += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid::Encoding;

    #[test]
    fn an_echoed_id_serialises_like_the_contract() {
        let text = "Kyiv — “Ми готові,” he said.";
        let doc = whosaid::analyze_document("a-1", text, Encoding::Utf16);
        let analysis = whosaid::analyze(text);
        let id = Value::String("a-1".into());
        let line = DocumentJson::new(&id, text, &analysis, Encoding::Utf16);
        assert!(!doc.quotations.is_empty());
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
