//! The command line: argument parsing, the per-document report, JSON lines (streaming batch mode) and `eval`.
//!
//! Exit status: 0 success, 1 an input could not be read (missing file, invalid UTF-8, a bad JSON line), 2 usage
//! error. Output goes through one buffered writer, flushed after each document when stdout is a terminal or a
//! pipe; a closed pipe (`whosaid … | head -1`) ends the run quietly.

pub mod args;
mod batch;
mod eval;
mod progress;
mod report;
mod style;

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};

use args::{AnalyzeOpts, Command, Input, InputFormat, UsageError};
use style::Style;
use whosaid::output::DocumentJson;
use whosaid::{Analysis, Encoding};

pub const EXIT_INPUT: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// What ends a run early.
#[derive(Debug)]
pub enum Fatal {
    /// Writing the output failed (a closed pipe is not reported).
    Output(io::Error),
    /// An input that the whole run depends on is unusable (already reported on stderr).
    Input,
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Fatal {
        Fatal::Output(e)
    }
}

/// The run's state: whether some input failed (exit status 1 at the end).
#[derive(Default)]
pub struct Ctx {
    pub failed: bool,
}

impl Ctx {
    /// Reports an input problem on stderr and remembers it for the exit status.
    pub fn error(&mut self, msg: &str) {
        self.failed = true;
        warn(msg);
    }
}

/// A message on stderr (errors writing it are ignored: there is nowhere else to report them).
pub fn warn(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "whosaid: {msg}");
}

/// Buffered stdout, flushed per record when someone may be waiting for it (a terminal or a pipe).
pub struct Output {
    w: BufWriter<io::Stdout>,
    flush_each: bool,
}

impl Output {
    fn stdout() -> Output {
        let stdout = io::stdout();
        let flush_each = stdout.is_terminal() || is_pipe(&stdout);
        Output {
            w: BufWriter::with_capacity(64 * 1024, stdout),
            flush_each,
        }
    }
    /// Call after each document.
    pub fn record_done(&mut self) -> io::Result<()> {
        if self.flush_each {
            self.w.flush()?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.w.write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

#[cfg(unix)]
fn is_pipe(stdout: &io::Stdout) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = stdout.as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_socket())
}

#[cfg(not(unix))]
fn is_pipe(_: &io::Stdout) -> bool {
    false
}

/// An I/O error in words, without Rust's "(os error N)".
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Opens an input for reading (standard input is locked for the whole run).
pub fn open(input: &Input) -> io::Result<Box<dyn Read>> {
    match input {
        Input::Stdin => {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                warn("reading standard input (end with Ctrl-D; 'whosaid --help' for usage)");
            }
            Ok(Box::new(stdin.lock()))
        }
        Input::File(p) => Ok(Box::new(File::open(p)?)),
    }
}

/// Reads a whole input as UTF-8; problems are reported with the input's name.
pub fn read_text(input: &Input) -> Result<String, String> {
    let mut bytes = Vec::new();
    open(input)
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| format!("{}: {}", input.display(), describe(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "{}: invalid UTF-8 at byte {at} (line {line}); whosaid reads UTF-8 text",
            input.display()
        )
    })
}

/// Runs the command line; returns the exit status.
pub fn run() -> i32 {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let cmd = match args::parse(args) {
        Ok(cmd) => cmd,
        Err(e) => return usage_error(&e),
    };
    let mut out = Output::stdout();
    let mut ctx = Ctx::default();
    let result = match cmd {
        Command::Help { eval } => out
            .write_all(if eval { args::EVAL_HELP } else { args::HELP }.as_bytes())
            .map_err(Fatal::from),
        Command::Version => {
            writeln!(out, "whosaid {}", env!("CARGO_PKG_VERSION")).map_err(Fatal::from)
        }
        Command::Analyze(o) => analyze(&o, &mut out, &mut ctx),
        Command::Eval(o) => eval::run(&o, &mut out, &mut ctx),
    };
    let result = result.and_then(|()| out.flush().map_err(Fatal::from));
    let status = if ctx.failed { EXIT_INPUT } else { 0 };
    match result {
        Ok(()) => status,
        Err(Fatal::Input) => EXIT_INPUT,
        // The reader went away (`| head`): stop quietly.
        Err(Fatal::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => status,
        Err(Fatal::Output(e)) => {
            warn(&format!("error writing output: {}", describe(&e)));
            EXIT_INPUT
        }
    }
}

fn usage_error(e: &UsageError) -> i32 {
    let help = if e.eval {
        "whosaid eval --help"
    } else {
        "whosaid --help"
    };
    let usage = if e.eval {
        "Usage: whosaid eval [OPTIONS] GOLD"
    } else {
        args::USAGE
    };
    warn(&format!(
        "{}\n{usage}\nTry '{help}' for more information.",
        e.message
    ));
    EXIT_USAGE
}

/// Analyses a text, turning a panic of the analyser into an error message (in builds that unwind).
pub fn analysis_caught(text: &str) -> Result<Analysis, String> {
    std::panic::catch_unwind(|| whosaid::analyze(text)).map_err(|_| {
        "internal error: the analyser panicked on this document (please report it)".to_string()
    })
}

/// [`analysis_caught`] rendered as a [`whosaid::DocumentOut`].
pub fn analyze_caught(id: &str, text: &str, enc: Encoding) -> Result<whosaid::DocumentOut, String> {
    analysis_caught(text).map(|a| whosaid::DocumentOut::new(id, text, &a, enc))
}

/// One document as one JSON line, written as it is made ([`DocumentJson`]: no copy of the quotes' texts).
pub fn write_json<I: serde::Serialize + ?Sized>(
    out: &mut Output,
    id: &I,
    text: &str,
    analysis: &Analysis,
    enc: Encoding,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &DocumentJson::new(id, text, analysis, enc))?;
    out.write_all(b"\n")
}

fn analyze(o: &AnalyzeOpts, out: &mut Output, ctx: &mut Ctx) -> Result<(), Fatal> {
    let inputs = if o.inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        o.inputs.clone()
    };
    if o.story {
        return run_story(o, &inputs, out, ctx);
    }
    let style = Style::new(o.color);
    if o.input == InputFormat::Jsonl {
        return batch::run(o, &inputs, out, &style, ctx);
    }
    let mut first = true;
    for input in &inputs {
        let text = match read_text(input) {
            Ok(t) => t,
            Err(msg) => {
                ctx.error(&msg);
                continue;
            }
        };
        let analysis = match analysis_caught(&text) {
            Ok(a) => a,
            Err(msg) => {
                ctx.error(&format!("{}: {msg}", input.display()));
                continue;
            }
        };
        if o.json {
            write_json(out, input.id().as_str(), &text, &analysis, o.offsets)?;
        } else {
            if !first {
                out.write_all(b"\n")?;
            }
            report::write(out, &style, &input.display(), &text, &analysis)?;
        }
        first = false;
        out.record_done()?;
    }
    Ok(())
}

/// `--story FILE...`: the documents are articles of one story; speakers are merged across them and the same
/// statement is compared across outlets (`whosaid::story`). A story is a handful of articles, read whole.
fn run_story(
    o: &AnalyzeOpts,
    inputs: &[Input],
    out: &mut Output,
    ctx: &mut Ctx,
) -> Result<(), Fatal> {
    let docs: Vec<(String, String)> = match o.input {
        InputFormat::Jsonl => batch::read_all(inputs, ctx),
        InputFormat::Text => inputs
            .iter()
            .filter_map(|input| match read_text(input) {
                Ok(text) => Some((input.id(), text)),
                Err(msg) => {
                    ctx.error(&msg);
                    None
                }
            })
            .collect(),
    };
    if docs.is_empty() {
        return Ok(());
    }
    let pairs: Vec<(&str, &str)> = docs
        .iter()
        .map(|(id, t)| (id.as_str(), t.as_str()))
        .collect();
    let enc = if o.json { o.offsets } else { Encoding::Utf8 };
    let Ok(story) = std::panic::catch_unwind(|| whosaid::story::analyze_story(&pairs, enc)) else {
        ctx.error("internal error: the story analysis panicked (please report it with the input)");
        return Ok(());
    };
    if o.json {
        serde_json::to_writer(&mut *out, &story).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    } else {
        let report = whosaid::story::text_report(&story.story, &pairs);
        // Pasted text may hold terminal escapes: only newlines and tabs pass.
        let clean: String = report
            .chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        out.write_all(clean.as_bytes())?;
    }
    out.record_done()?;
    Ok(())
}
