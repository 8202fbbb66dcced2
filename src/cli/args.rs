//! A small hand-written argument parser: `--opt value`, `--opt=value`, `-h`, `-V`, `--` ends options, `-` is
//! standard input. Unknown options are usage errors with a "did you mean" hint.

use std::ffi::OsString;
use std::path::PathBuf;

use whosaid::eval::Format;
use whosaid::Encoding;

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn from_arg(arg: OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }
    /// The name as given ("-" for standard input): the document id in JSON output.
    pub fn id(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.to_string_lossy().into_owned(),
        }
    }
    /// The name in messages.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".into(),
            Input::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Each file is one document.
    #[default]
    Text,
    /// Each line is a JSON object `{"id","text",…}`.
    Jsonl,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnalyzeOpts {
    pub json: bool,
    pub input: InputFormat,
    pub offsets: Encoding,
    pub color: ColorChoice,
    /// `--story`: the documents are articles of one story (see `run_story`).
    pub story: bool,
    /// `--jobs N`: threads for batch mode (`None`: every core).
    pub jobs: Option<usize>,
    /// `--quiet`: no progress line.
    pub quiet: bool,
    /// Empty: standard input.
    pub inputs: Vec<Input>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EvalOpts {
    /// `None`: detected from the first gold record.
    pub format: Option<Format>,
    pub speech_only: bool,
    pub all_only: bool,
    pub errors: bool,
    pub examples: usize,
    pub json: bool,
    pub limit: Option<usize>,
    /// Score this prediction file (the CLI's `--json --offsets chars` output) instead of running the analyser.
    pub pred: Option<Input>,
    /// `--speakers`: a resolved-speaker layer for PolNeAR gold (resolved-speaker accuracy, wrong entities by cause).
    pub speakers: Option<Input>,
    /// `--junk`: list the predicted speaker entities whose name is not a name.
    pub junk: bool,
    pub color: ColorChoice,
    pub gold: Input,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Analyze(AnalyzeOpts),
    Eval(EvalOpts),
    Help { eval: bool },
    Version,
}

/// A usage error (exit status 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
    /// Whether the message is about the `eval` subcommand (for the usage line).
    pub eval: bool,
}

struct Spec {
    long: &'static str,
    short: Option<char>,
    /// The value's placeholder, `None` for a flag.
    value: Option<&'static str>,
}

const fn flag(long: &'static str) -> Spec {
    Spec {
        long,
        short: None,
        value: None,
    }
}
const fn opt(long: &'static str, value: &'static str) -> Spec {
    Spec {
        long,
        short: None,
        value: Some(value),
    }
}

const ANALYZE_SPECS: &[Spec] = &[
    flag("json"),
    opt("input", "text|jsonl"),
    opt("offsets", "utf8|utf16|chars"),
    opt("color", "auto|always|never"),
    flag("story"),
    opt("jobs", "N"),
    Spec {
        long: "quiet",
        short: Some('q'),
        value: None,
    },
    Spec {
        long: "help",
        short: Some('h'),
        value: None,
    },
    Spec {
        long: "version",
        short: Some('V'),
        value: None,
    },
];

const EVAL_SPECS: &[Spec] = &[
    opt("format", "polnear|ggt"),
    flag("speech"),
    flag("all"),
    flag("errors"),
    opt("examples", "N"),
    flag("json"),
    opt("limit", "N"),
    opt("pred", "FILE"),
    opt("speakers", "FILE"),
    flag("junk"),
    opt("color", "auto|always|never"),
    Spec {
        long: "help",
        short: Some('h'),
        value: None,
    },
];

/// One parsed argument.
enum Arg {
    Opt(&'static str, Option<OsString>),
    Positional(OsString),
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + (ca != cb) as usize).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn unknown(name: &str, specs: &[Spec], eval: bool) -> UsageError {
    let bare = name.trim_start_matches('-');
    let best = specs
        .iter()
        .map(|s| (levenshtein(bare, s.long), s.long))
        .filter(|&(d, long)| {
            d <= 2.max(long.len() / 3) || long.starts_with(bare) && bare.len() >= 2
        })
        .min();
    let mut message = format!("unknown option '{name}'");
    if let Some((_, long)) = best {
        message.push_str(&format!(" (did you mean '--{long}'?)"));
    } else if !eval
        && [
            "format", "speech", "errors", "examples", "limit", "pred", "speakers", "junk",
        ]
        .contains(&bare)
    {
        message.push_str(&format!(" ('--{bare}' is an option of 'whosaid eval')"));
    }
    UsageError { message, eval }
}

/// Splits the arguments into options and positionals according to `specs`.
fn lex(args: Vec<OsString>, specs: &[Spec], eval: bool) -> Result<Vec<Arg>, UsageError> {
    let usage = |message: String| UsageError { message, eval };
    let mut out = Vec::new();
    let mut it = args.into_iter();
    let mut only_positional = false;
    while let Some(arg) = it.next() {
        if only_positional {
            out.push(Arg::Positional(arg));
            continue;
        }
        let Some(s) = arg.to_str() else {
            // Not UTF-8: a file name unless it looks like an option.
            if arg.as_encoded_bytes().starts_with(b"-") {
                return Err(usage(format!("unknown option '{}'", arg.to_string_lossy())));
            }
            out.push(Arg::Positional(arg));
            continue;
        };
        if s == "--" {
            only_positional = true;
            continue;
        }
        if s == "-" || !s.starts_with('-') {
            out.push(Arg::Positional(arg));
            continue;
        }
        let (spec, inline) = if let Some(long) = s.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(OsString::from(v))),
                None => (long, None),
            };
            let spec = specs
                .iter()
                .find(|sp| sp.long == name)
                .ok_or_else(|| unknown(&format!("--{name}"), specs, eval))?;
            (spec, inline)
        } else {
            let mut chars = s[1..].chars();
            let c = chars.next().expect("non-empty");
            let spec = specs
                .iter()
                .find(|sp| sp.short == Some(c))
                .ok_or_else(|| unknown(s, specs, eval))?;
            let rest = chars.as_str();
            (
                spec,
                (!rest.is_empty()).then(|| OsString::from(rest.trim_start_matches('='))),
            )
        };
        match (spec.value, inline) {
            (None, Some(_)) => return Err(usage(format!("--{} takes no value", spec.long))),
            (None, None) => out.push(Arg::Opt(spec.long, None)),
            (Some(_), Some(v)) => out.push(Arg::Opt(spec.long, Some(v))),
            (Some(placeholder), None) => match it.next() {
                Some(v) => out.push(Arg::Opt(spec.long, Some(v))),
                None => {
                    return Err(usage(format!(
                        "--{} needs a value ({placeholder})",
                        spec.long
                    )))
                }
            },
        }
    }
    Ok(out)
}

fn choice<T>(
    name: &str,
    value: &OsString,
    allowed: &str,
    parse: impl Fn(&str) -> Option<T>,
    eval: bool,
) -> Result<T, UsageError> {
    value.to_str().and_then(parse).ok_or_else(|| UsageError {
        message: format!(
            "invalid value '{}' for --{name} (expected {allowed})",
            value.to_string_lossy()
        ),
        eval,
    })
}

fn number(name: &str, value: &OsString, eval: bool) -> Result<usize, UsageError> {
    choice(name, value, "a whole number", |s| s.parse().ok(), eval)
}

fn parse_color(s: &str) -> Option<ColorChoice> {
    match s {
        "auto" => Some(ColorChoice::Auto),
        "always" => Some(ColorChoice::Always),
        "never" => Some(ColorChoice::Never),
        _ => None,
    }
}

/// Parses the command line (without the program name).
pub fn parse(mut args: Vec<OsString>) -> Result<Command, UsageError> {
    if args.first().is_some_and(|a| a == "eval") {
        args.remove(0);
        return parse_eval(args);
    }
    let mut o = AnalyzeOpts::default();
    for arg in lex(args, ANALYZE_SPECS, false)? {
        match arg {
            Arg::Positional(p) => o.inputs.push(Input::from_arg(p)),
            Arg::Opt("help", _) => return Ok(Command::Help { eval: false }),
            Arg::Opt("version", _) => return Ok(Command::Version),
            Arg::Opt("json", _) => o.json = true,
            Arg::Opt("story", _) => o.story = true,
            Arg::Opt("quiet", _) => o.quiet = true,
            Arg::Opt(name, Some(v)) => match name {
                "jobs" => {
                    o.jobs = Some(choice(
                        name,
                        &v,
                        "a whole number of at least 1",
                        |s| s.parse().ok().filter(|&n| n >= 1),
                        false,
                    )?)
                }
                "input" => {
                    o.input = choice(
                        name,
                        &v,
                        "text or jsonl",
                        |s| match s {
                            "text" | "txt" => Some(InputFormat::Text),
                            "jsonl" | "ndjson" | "json-lines" => Some(InputFormat::Jsonl),
                            _ => None,
                        },
                        false,
                    )?
                }
                "offsets" => {
                    o.offsets = choice(name, &v, "utf8, utf16 or chars", Encoding::parse, false)?
                }
                "color" => o.color = choice(name, &v, "auto, always or never", parse_color, false)?,
                _ => unreachable!("option --{name} has a spec but no handler"),
            },
            Arg::Opt(name, None) => unreachable!("option --{name} needs a value"),
        }
    }
    Ok(Command::Analyze(o))
}

fn parse_eval(args: Vec<OsString>) -> Result<Command, UsageError> {
    let usage = |message: String| UsageError {
        message,
        eval: true,
    };
    let mut format = None;
    let (mut speech_only, mut all_only, mut errors, mut json) = (false, false, false, false);
    let mut examples = 5;
    let mut limit = None;
    let mut pred = None;
    let mut speakers = None;
    let mut junk = false;
    let mut color = ColorChoice::Auto;
    let mut gold = Vec::new();
    for arg in lex(args, EVAL_SPECS, true)? {
        match arg {
            Arg::Positional(p) => gold.push(Input::from_arg(p)),
            Arg::Opt("help", _) => return Ok(Command::Help { eval: true }),
            Arg::Opt("speech", _) => speech_only = true,
            Arg::Opt("all", _) => all_only = true,
            Arg::Opt("errors", _) => errors = true,
            Arg::Opt("json", _) => json = true,
            Arg::Opt("junk", _) => junk = true,
            Arg::Opt(name, Some(v)) => match name {
                "format" => format = Some(choice(name, &v, "polnear or ggt", Format::parse, true)?),
                "examples" => examples = number(name, &v, true)?,
                "limit" => limit = Some(number(name, &v, true)?),
                "pred" => pred = Some(Input::from_arg(v)),
                "speakers" => speakers = Some(Input::from_arg(v)),
                "color" => color = choice(name, &v, "auto, always or never", parse_color, true)?,
                _ => unreachable!("option --{name} has a spec but no handler"),
            },
            Arg::Opt(name, None) => unreachable!("option --{name} needs a value"),
        }
    }
    if speech_only && all_only {
        return Err(usage(
            "--speech and --all exclude each other (the default reports both)".into(),
        ));
    }
    if speech_only && format == Some(Format::Ggt) {
        return Err(usage(
            "--speech applies to PolNeAR gold (GGT quotes have no cue type)".into(),
        ));
    }
    if speakers.is_some() && format == Some(Format::Ggt) {
        return Err(usage(
            "--speakers applies to PolNeAR gold (GGT quotes carry their own reference)".into(),
        ));
    }
    if speakers == Some(Input::Stdin)
        && (gold.contains(&Input::Stdin) || pred == Some(Input::Stdin))
    {
        return Err(usage(
            "--speakers - reads standard input, which the gold or --pred file already reads".into(),
        ));
    }
    let gold = match gold.len() {
        1 => gold.pop().expect("one"),
        0 => {
            return Err(usage(
                "missing the gold file (whosaid eval [OPTIONS] GOLD)".into(),
            ))
        }
        _ => return Err(usage(format!("one gold file expected, got {}", gold.len()))),
    };
    Ok(Command::Eval(EvalOpts {
        format,
        speech_only,
        all_only,
        errors,
        examples,
        json,
        limit,
        pred,
        speakers,
        junk,
        color,
        gold,
    }))
}

pub const USAGE: &str = "Usage: whosaid [OPTIONS] [FILE...]\n       whosaid eval [OPTIONS] GOLD";

pub const HELP: &str = "\
whosaid: who said what in English news text.

Prints every quotation of each article (direct \"…\", mixed, indirect \"X said that …\", \"according to X\") with
its cue and its speaker.

Usage: whosaid [OPTIONS] [FILE...]
       whosaid eval [OPTIONS] GOLD      (score against gold attributions; see 'whosaid eval --help')

Each FILE is one article (UTF-8 text); '-' or no FILE reads standard input.

Options:
      --json                 One JSON line per document: {\"id\",\"quotes\":[…],\"speakers\":[…]}
      --input <text|jsonl>   text (default): each FILE is a document; jsonl: each line of the input is a JSON
                             object {\"id\": string or number, \"text\": string, …}, answered by one output line
                             in order (a bad or blank line gives {\"id\",\"line\",\"error\"}, a message, and
                             exit status 1)
      --offsets <ENC>        Offsets in JSON output: utf8 (bytes, default), utf16 (JavaScript) or chars (code
                             points)
      --color <WHEN>         auto (default: only on a terminal, off with NO_COLOR), always or never
      --story                The documents are articles of one story: speakers merged across them, the same
                             statement compared across outlets (with --json: one JSON object for the story)
      --jobs <N>             Threads for --input jsonl (default: every core); the output stays in input order
  -q, --quiet                No progress line (with --input jsonl, shown on stderr when it is a terminal:
                             documents, MB, MB/s and, for files, the time left)
  -h, --help                 Print this help
  -V, --version              Print the version
      --                     End of options (a file named like an option follows)

Exit status: 0 success, 1 an input could not be read or a line was bad, 2 usage error.

Examples:
  whosaid article.txt
  whosaid --json --offsets utf16 a.txt b.txt
  whosaid --json --input jsonl corpus.jsonl > quotes.jsonl
  whosaid --json --input jsonl --jobs 4 --offsets chars corpus.jsonl > quotes.jsonl
";

pub const EVAL_HELP: &str = "\
whosaid eval: score the analyser against gold attributions, exactly as the project's scorer (score.py) does.

Usage: whosaid eval [OPTIONS] GOLD

GOLD is JSON lines, one document a line, offsets in code points:
  polnear: {\"doc_id\",\"text\",\"attributions\":[{\"source_spans\",\"cue_spans\",\"content_spans\",\"cue\",\"content\",…}]}
  ggt:     {\"doc_id\",\"text\",\"quotes\":[{\"quote_span\",\"speaker_span\",\"reference\",\"verb\",\"quote\"}]}

Prints precision, recall and F1 at coverage thresholds 0.3 and 0.8, speaker accuracy, direct-quote recall and
tp/fp/fn; for PolNeAR both for speech attributions (cue is a speech verb, a colon or a dash; predictions that
match another attribution count neither way) and for all attributions. Then a calibration table: predictions by
confidence and how many are right (matched at 0.3 with the right speaker).

Options:
      --format <polnear|ggt>  Gold format (default: detected from the first line)
      --speech                Speech attributions only
      --all                   All attributions only
      --errors                Error analysis: misses, false alarms and wrong speakers grouped by cause, with
                              examples in context and the missed cue words (speech view unless --all)
      --examples <N>          Examples per cause with --errors (default 5; 0 for counts only)
      --limit <N>             Only the first N documents
      --pred <FILE>           Score this prediction file (whosaid --json --offsets chars output) instead of
                              running the analyser
      --speakers <FILE>       PolNeAR only: a resolved-speaker layer (JSON lines {\"doc_id\",\"speakers\":[{\"k\",
                              \"content\",\"source\",\"entity\",\"type\"}]}, k the attribution's index, content its
                              spans, entity the speaker's fullest name or null where the article never says who).
                              Adds resolved-speaker accuracy over the matched attributions it covers: right when
                              the predicted name (resolved entity, else mention) is the same person as the entity
                              (equal without titles and case, or the same last word with one's words within the
                              other's), or, for a null entity, when the prediction names nobody (no speaker, or a
                              description: a name whose last word does not begin with a capital or a digit, or whose
                              first word begins with a lowercase letter other than a particle like \"de\": \"sources\",
                              \"supporters in Congress\"). With --errors: the wrong entities by cause
      --junk                  List the predicted speaker entities whose name is not a name (contractions, number
                              words, days and months, sentence-initial adverbs and participles, pieces of
                              organisation names, common words), with counts by reason
      --json                  One JSON object: {\"format\",\"docs\",\"docs_missing\",\"speech\":{\"@0.3\":{…},\"@0.8\":{…},
                              \"calibration\":[…]},\"all\":{…},\"errors\":{…},\"speaker_layer\":{…},\"junk\":{…}}
      --color <WHEN>          auto, always or never
  -h, --help                  Print this help

Examples:
  whosaid eval --errors --examples 3 ../shared/data/polnear/dev.jsonl
  whosaid eval --speech --errors --speakers tests/gold/polnear_speakers_dev.jsonl ../shared/data/polnear/dev.jsonl
  whosaid eval --speech --junk ../shared/data/polnear/dev.jsonl
";

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn values_inline_or_next() {
        let Ok(Command::Analyze(a)) = p(&["--offsets=utf16", "--input", "jsonl", "a.txt", "-"])
        else {
            panic!()
        };
        assert_eq!(a.offsets, Encoding::Utf16);
        assert_eq!(a.input, InputFormat::Jsonl);
        assert_eq!(a.inputs, vec![Input::File("a.txt".into()), Input::Stdin]);
    }

    #[test]
    fn double_dash_ends_options() {
        let Ok(Command::Analyze(a)) = p(&["--json", "--", "--json", "-"]) else {
            panic!()
        };
        assert!(a.json);
        assert_eq!(a.inputs, vec![Input::File("--json".into()), Input::Stdin]);
    }

    #[test]
    fn unknown_options_get_a_hint() {
        let e = p(&["--jsn"]).unwrap_err();
        assert_eq!(e.message, "unknown option '--jsn' (did you mean '--json'?)");
        let e = p(&["--offset=chars"]).unwrap_err();
        assert!(
            e.message.contains("did you mean '--offsets'"),
            "{}",
            e.message
        );
        let e = p(&["--errors"]).unwrap_err();
        assert!(
            e.message.contains("option of 'whosaid eval'"),
            "{}",
            e.message
        );
        let e = p(&["-x"]).unwrap_err();
        assert_eq!(e.message, "unknown option '-x'");
    }

    #[test]
    fn bad_values_name_the_option() {
        let e = p(&["--offsets", "utf32"]).unwrap_err();
        assert_eq!(
            e.message,
            "invalid value 'utf32' for --offsets (expected utf8, utf16 or chars)"
        );
        let e = p(&["--offsets"]).unwrap_err();
        assert_eq!(e.message, "--offsets needs a value (utf8|utf16|chars)");
        let e = p(&["--json=yes"]).unwrap_err();
        assert_eq!(e.message, "--json takes no value");
        for bad in ["0", "-1", "two", ""] {
            let e = p(&["--jobs", bad]).unwrap_err();
            assert_eq!(
                e.message,
                format!("invalid value '{bad}' for --jobs (expected a whole number of at least 1)")
            );
        }
    }

    #[test]
    fn jobs_and_quiet() {
        let Ok(Command::Analyze(a)) = p(&["--jobs", "3", "-q", "x.jsonl"]) else {
            panic!()
        };
        assert_eq!((a.jobs, a.quiet), (Some(3), true));
        let Ok(Command::Analyze(a)) = p(&["--jobs=1", "--quiet"]) else {
            panic!()
        };
        assert_eq!((a.jobs, a.quiet), (Some(1), true));
        let Ok(Command::Analyze(a)) = p(&["x"]) else {
            panic!()
        };
        assert_eq!((a.jobs, a.quiet), (None, false));
    }

    #[test]
    fn help_and_version() {
        assert_eq!(p(&["-h"]), Ok(Command::Help { eval: false }));
        assert_eq!(p(&["a", "--version"]), Ok(Command::Version));
        assert_eq!(p(&["eval", "--help"]), Ok(Command::Help { eval: true }));
    }

    #[test]
    fn eval_options() {
        let Ok(Command::Eval(e)) = p(&[
            "eval",
            "--errors",
            "--examples=2",
            "--limit",
            "10",
            "g.jsonl",
            "--speech",
        ]) else {
            panic!()
        };
        assert!(e.errors && e.speech_only && !e.all_only);
        assert_eq!(
            (e.examples, e.limit, e.gold),
            (2, Some(10), Input::File("g.jsonl".into()))
        );
        assert!(p(&["eval"])
            .unwrap_err()
            .message
            .contains("missing the gold file"));
        assert!(p(&["eval", "--speech", "--all", "g"])
            .unwrap_err()
            .message
            .contains("exclude"));
        assert!(p(&["eval", "--limit", "x", "g"])
            .unwrap_err()
            .message
            .contains("whole number"));
        // `eval` only as the first argument; elsewhere it is a file name.
        let Ok(Command::Analyze(a)) = p(&["--json", "eval"]) else {
            panic!()
        };
        assert_eq!(a.inputs, vec![Input::File("eval".into())]);
    }
}
