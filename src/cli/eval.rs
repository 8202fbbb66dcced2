//! `whosaid eval`: streams a gold file, analyses (or looks up the predictions of) each document, prints the
//! scorer's figures, the calibration table and, with `--errors`, the error analysis.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};

use serde_json::Value;
use whosaid::eval::speakers::doc_key;
use whosaid::eval::{
    speakers_from_document, speakers_from_json, Cause, ErrorReport, Evaluator, Family, Figures,
    Format, GoldDoc, JunkAudit, JunkReport, LayerSummary, Options, PredQuote, Report, Row,
    SpeakerLayer, View, ViewReport,
};
use whosaid::Encoding;

use super::args::{EvalOpts, Input};
use super::report::one_line;
use super::style::{pad, Style};
use super::{analyze_caught, describe, open, Ctx, Fatal, Output};

/// How score.py's dict finds a prediction: by the JSON value of `id` (numbers by value).
fn id_key(v: &Value) -> String {
    match v {
        Value::String(s) => format!("s{s}"),
        Value::Number(n) => format!("n{}", n.as_f64().unwrap_or(f64::NAN)),
        v => format!("o{v}"),
    }
}

/// Calls `f` with each non-blank line (1-based number, text); stops at the first error `f` returns.
fn for_each_line(
    input: &Input,
    mut f: impl FnMut(u64, &str) -> Result<bool, String>,
) -> Result<(), String> {
    let name = input.display();
    let reader = open(input).map_err(|e| format!("{name}: {}", describe(&e)))?;
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => n += 1,
            Err(e) => return Err(format!("{name}: line {}: {}", n + 1, describe(&e))),
        }
        let line = std::str::from_utf8(&buf).map_err(|e| {
            format!(
                "{name}:{n}: invalid UTF-8 at byte {} of the line",
                e.valid_up_to()
            )
        })?;
        let line = if n == 1 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        match f(n, line) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(msg) => return Err(format!("{name}:{n}: {msg}")),
        }
    }
}

/// One document's predictions: the quotes and the speaker entities (name, quote count).
type Predicted = (Vec<PredQuote>, Vec<(String, usize)>);

fn load_predictions(input: &Input) -> Result<HashMap<String, Predicted>, String> {
    let mut map = HashMap::new();
    for_each_line(input, |_, line| {
        let rec: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
        let quotes = PredQuote::from_json(&rec)?;
        // Later records win, as in score.py's dict.
        map.insert(
            id_key(rec.get("id").unwrap_or(&Value::Null)),
            (quotes, speakers_from_json(&rec)),
        );
        Ok(true)
    })?;
    Ok(map)
}

fn load_layer(input: &Input) -> Result<SpeakerLayer, String> {
    let mut layer = SpeakerLayer::new();
    for_each_line(input, |_, line| layer.add_line(line).map(|()| true))?;
    Ok(layer)
}

pub fn run(o: &EvalOpts, out: &mut Output, ctx: &mut Ctx) -> Result<(), Fatal> {
    let preds = match &o.pred {
        Some(p) => match load_predictions(p) {
            Ok(m) => Some(m),
            Err(msg) => {
                ctx.error(&msg);
                return Err(Fatal::Input);
            }
        },
        None => None,
    };
    let mut layer = match &o.speakers {
        Some(p) => match load_layer(p) {
            Ok(l) => Some(l),
            Err(msg) => {
                ctx.error(&msg);
                return Err(Fatal::Input);
            }
        },
        None => None,
    };
    let (mut attached, mut without_layer) = (0, 0);
    let mut junk = o.junk.then(JunkAudit::new);
    let mut evaluator: Option<Evaluator> = None;
    let mut format = o.format;
    let mut analysed = Duration::ZERO;
    let mut analyse_failures = 0;
    let mut docs = 0usize;
    let result = for_each_line(&o.gold, |n, line| {
        if o.limit.is_some_and(|l| docs >= l) {
            return Ok(false);
        }
        let rec: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
        let fmt = match format {
            Some(f) => f,
            None => {
                let f = Format::detect(&rec).ok_or(
                    "cannot tell the gold format (no \"attributions\" or \"quotes\"); use --format",
                )?;
                format = Some(f);
                f
            }
        };
        if fmt == Format::Ggt && layer.is_some() {
            return Err("--speakers applies to PolNeAR gold, and this is GGT gold".into());
        }
        let ev = evaluator.get_or_insert_with(|| {
            let views = match (fmt, o.speech_only, o.all_only) {
                (Format::Ggt, _, _) | (_, false, true) => vec![View::All],
                (_, true, _) => vec![View::Speech],
                _ => vec![View::Speech, View::All],
            };
            Evaluator::new(&Options {
                format: fmt,
                views,
                errors: o.errors.then_some(o.examples),
                speakers: layer.is_some(),
            })
        });
        let mut doc = GoldDoc::from_json(&rec, fmt)?;
        drop(rec);
        docs += 1;
        let key = doc_key(&doc.id);
        if let (Some(l), Some(name)) = (layer.as_mut(), &o.speakers) {
            match l.take(&key) {
                Some(entries) => {
                    attached += entries.len();
                    doc.attach_speakers(entries).map_err(|e| {
                        format!("speaker layer {}: document {key}: {e}", name.display())
                    })?;
                }
                None => without_layer += 1,
            }
        }
        match &preds {
            Some(map) => {
                let p = map.get(&id_key(&doc.id));
                if let (Some(audit), Some((_, speakers))) = (junk.as_mut(), p) {
                    audit.add(&key, &doc.text, speakers);
                }
                ev.add(&doc, p.map(|(q, _)| q.as_slice()))
            }
            None => {
                let t = Instant::now();
                let result = analyze_caught("", &doc.text, Encoding::Chars);
                analysed += t.elapsed();
                match result {
                    Ok(d) => {
                        if let Some(audit) = junk.as_mut() {
                            audit.add(&key, &doc.text, &speakers_from_document(&d));
                        }
                        ev.add(&doc, Some(&PredQuote::from_document(&d)))
                    }
                    Err(msg) => {
                        analyse_failures += 1;
                        super::warn(&format!("{}:{n}: doc {}: {msg}", o.gold.display(), doc.id));
                        ev.add(&doc, None);
                    }
                }
            }
        }
        Ok(true)
    });
    if let Err(msg) = result {
        ctx.error(&msg);
        return Err(Fatal::Input);
    }
    if format == Some(Format::Ggt) && o.speech_only {
        ctx.error("--speech applies to PolNeAR gold (GGT quotes have no cue type)");
        return Err(Fatal::Input);
    }
    if analyse_failures > 0 {
        ctx.failed = true;
    }
    let Some(ev) = evaluator else {
        ctx.error(&format!("{}: no documents", o.gold.display()));
        return Err(Fatal::Input);
    };
    let mut report = ev.finish();
    if let (Some(l), Some(name)) = (&layer, &o.speakers) {
        report.speaker_layer = Some(LayerSummary {
            file: name.display(),
            docs: l.docs(),
            attributions: l.attributions(),
            attached,
            gold_docs_without_layer: without_layer,
            layer_docs_not_in_gold: l.remaining(),
        });
    }
    report.junk = junk.map(JunkAudit::finish);
    if o.json {
        serde_json::to_writer(&mut *out, &report).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    } else {
        let source = match &o.pred {
            Some(p) => format!("predictions from {}", p.display()),
            None => {
                let secs = analysed.as_secs_f64();
                format!(
                    "predictions from whosaid::analyze ({secs:.2} s, {:.0} docs/s)",
                    report.docs as f64 / secs.max(1e-9)
                )
            }
        };
        print_report(out, &Style::new(o.color), o, &report, &source)?;
    }
    Ok(())
}

fn opt(v: Option<f64>) -> String {
    v.map_or("–".into(), |x| format!("{x:.1}"))
}

fn figures_table(
    out: &mut Output,
    st: &Style,
    resolved: bool,
    v: &ViewReport,
) -> std::io::Result<()> {
    let mut head = format!(
        "  {:>5} {:>6} {:>6} {:>6} {:>8} {:>9}",
        "", "P", "R", "F1", "speaker", "direct-R"
    );
    if resolved {
        head.push_str(&format!(" {:>9}", "resolved"));
    }
    head.push_str(&format!(" {:>6} {:>6} {:>6}", "tp", "fp", "fn"));
    writeln!(out, "{}", st.dim(&head))?;
    for (name, f) in [("@0.3", &v.at_03), ("@0.8", &v.at_08)] {
        let Figures {
            precision,
            recall,
            f1,
            speaker_acc,
            resolved_speaker_acc,
            direct_recall,
            tp,
            fp,
            fn_,
        } = f;
        write!(
            out,
            "  {:>5} {precision:>6.1} {recall:>6.1} {} {speaker_acc:>8.1} {:>9}",
            name,
            st.bold(&format!("{f1:>6.1}")),
            opt(*direct_recall)
        )?;
        if resolved {
            write!(out, " {:>9}", opt(*resolved_speaker_acc))?;
        }
        writeln!(out, " {tp:>6} {fp:>6} {fn_:>6}")?;
    }
    if let Some(r) = &v.resolved_speakers {
        writeln!(
            out,
            "{}",
            st.dim(&format!(
                "  resolved speaker: right entity for {} of {} matched layer attributions @0.3, {} of {} @0.8",
                r.at_03.right, r.at_03.matched, r.at_08.right, r.at_08.matched
            ))
        )?;
    }
    Ok(())
}

/// A table of what became of the predictions, by confidence or by sieve.
fn outcome_table(out: &mut Output, st: &Style, first: &str, rows: &[Row]) -> std::io::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(first.len())
        .max(13);
    writeln!(
        out,
        "{}",
        st.dim(&format!(
            "  {} {:>6} {:>8} {:>8} {:>9} {:>11} {:>9}",
            pad(first, width),
            "preds",
            "correct",
            "wrong-sp",
            "unmatched",
            "not-counted",
            "accuracy"
        ))
    )?;
    for b in rows {
        writeln!(
            out,
            "  {} {:>6} {:>8} {:>8} {:>9} {:>11} {:>9}",
            pad(&b.label, width),
            b.predictions,
            b.correct,
            b.wrong_speaker,
            b.unmatched,
            b.neutral,
            opt(b.accuracy)
        )?;
    }
    Ok(())
}

fn print_report(
    out: &mut Output,
    st: &Style,
    o: &EvalOpts,
    r: &Report,
    source: &str,
) -> std::io::Result<()> {
    let ggt = r.format == "ggt";
    writeln!(
        out,
        "{} {}",
        st.bold(&format!(
            "whosaid eval: {} gold {}, {} documents",
            r.format,
            o.gold.display(),
            r.docs
        )),
        st.dim(&format!("({source})"))
    )?;
    if r.docs_missing > 0 {
        writeln!(
            out,
            "{}",
            st.warn(&format!(
                "documents without predictions: {}",
                r.docs_missing
            ))
        )?;
    }
    if let Some(l) = &r.speaker_layer {
        writeln!(
            out,
            "{}",
            st.dim(&format!(
                "speaker layer {}: {} documents, {} attributions; {} attached",
                l.file, l.docs, l.attributions, l.attached
            ))
        )?;
        if l.gold_docs_without_layer > 0 {
            writeln!(
                out,
                "{}",
                st.dim(&format!(
                    "  gold documents the layer does not cover: {}",
                    l.gold_docs_without_layer
                ))
            )?;
        }
        if !l.layer_docs_not_in_gold.is_empty() {
            let shown: Vec<&str> = l
                .layer_docs_not_in_gold
                .iter()
                .take(5)
                .map(String::as_str)
                .collect();
            let more = l.layer_docs_not_in_gold.len() - shown.len();
            writeln!(
                out,
                "{}",
                st.warn(&format!(
                    "  layer documents not in the gold read: {} ({}{})",
                    l.layer_docs_not_in_gold.len(),
                    shown.join(", "),
                    if more > 0 {
                        format!(", … {more} more")
                    } else {
                        String::new()
                    }
                ))
            )?;
        }
    }
    let views = [(View::Speech, &r.speech), (View::All, &r.all)];
    for (view, v) in views
        .iter()
        .filter_map(|(view, v)| v.as_ref().map(|v| (*view, v)))
    {
        let title = match view {
            View::Speech => format!(
                "speech attributions: {} gold quotes ({} predictions matching a non-speech attribution not counted)",
                v.gold, v.neutral
            ),
            View::All if ggt => format!("quotes: {} gold", v.gold),
            View::All => format!("all attributions: {} gold quotes", v.gold),
        };
        writeln!(out, "\n{}", st.bold(&title))?;
        figures_table(out, st, ggt || r.speaker_layer.is_some(), v)?;
    }
    if let Some((view, v)) = views
        .iter()
        .find_map(|(view, v)| v.as_ref().map(|v| (*view, v)))
    {
        writeln!(
            out,
            "\n{}",
            st.bold(&format!(
                "calibration ({}, @0.3; correct = matched with the right speaker)",
                view.as_str()
            ))
        )?;
        outcome_table(out, st, "confidence", &v.calibration)?;
        if v.by_sieve.iter().any(|r| r.label != "(none)") {
            writeln!(
                out,
                "\n{}",
                st.bold(&format!("by sieve ({}, @0.3)", view.as_str()))
            )?;
            outcome_table(out, st, "sieve", &v.by_sieve)?;
        }
    }
    if let Some(e) = &r.errors {
        print_errors(out, st, e, r)?;
    }
    if let Some(j) = &r.junk {
        print_junk(out, st, j)?;
    }
    Ok(())
}

fn print_junk(out: &mut Output, st: &Style, j: &JunkReport) -> std::io::Result<()> {
    writeln!(
        out,
        "\n{}",
        st.bold(&format!(
            "junk speaker entities (names that are not names): {} of {} entities, {} quotes",
            j.junk, j.entities, j.quotes
        ))
    )?;
    writeln!(out, "{}", st.dim("  entities  quotes  reason"))?;
    for c in &j.by_reason {
        writeln!(
            out,
            "  {:>8}  {:>6}  {}  {}",
            c.count,
            c.quotes,
            pad(c.label, 38),
            st.dim(c.explanation)
        )?;
    }
    writeln!(out, "  {:>8}  {:>6}  total", j.junk, j.quotes)?;
    if !j.list.is_empty() {
        writeln!(out, "\n  {}", st.dim("document  name  quotes  reason"))?;
    }
    for e in &j.list {
        writeln!(
            out,
            "  {}  {}  {}  {}",
            st.location(&e.doc),
            st.bold(&one_line(&e.name)),
            e.quotes,
            st.dim(e.reason.label())
        )?;
    }
    Ok(())
}

fn print_errors(out: &mut Output, st: &Style, e: &ErrorReport, r: &Report) -> std::io::Result<()> {
    let v = if e.view == "speech" {
        r.speech.as_ref()
    } else {
        r.all.as_ref()
    };
    writeln!(
        out,
        "\n{}",
        st.bold(&format!(
            "error analysis ({} attributions, @{})",
            e.view, e.threshold
        ))
    )?;
    let families = [
        (
            Family::Miss,
            format!("misses (fn {})", v.map_or(0, |v| v.at_03.fn_)),
        ),
        (
            Family::Speaker,
            format!(
                "wrong speakers (of {} matched)",
                v.map_or(0, |v| v.at_03.tp)
            ),
        ),
        (
            Family::Entity,
            format!(
                "wrong entities (of {} matched attributions the speaker layer covers)",
                v.and_then(|v| v.resolved_speakers.as_ref())
                    .map_or(0, |r| r.at_03.matched)
            ),
        ),
        (
            Family::FalseAlarm,
            format!("false alarms (fp {})", v.map_or(0, |v| v.at_03.fp)),
        ),
        (Family::Neutral, "not counted".to_string()),
    ];
    for (family, title) in &families {
        let groups: Vec<_> = e.groups.iter().filter(|g| g.family == *family).collect();
        if groups.is_empty() || *family == Family::Neutral && groups.iter().all(|g| g.count == 0) {
            continue;
        }
        writeln!(out, "  {}", st.bold(title))?;
        for g in groups {
            let mut extra = Vec::new();
            let tautological = matches!(g.cause, Cause::MissedDirect | Cause::MissedIndirect);
            if g.count > 0
                && !tautological
                && matches!(family, Family::Miss | Family::Speaker | Family::Entity)
            {
                extra.push(format!("direct {}", g.direct));
            }
            if g.count > 0 && *family != Family::Miss {
                let mut sieves: Vec<_> = g.sieves.iter().collect();
                sieves.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                let s: Vec<String> = sieves
                    .iter()
                    .take(4)
                    .map(|(k, n)| format!("{k} {n}"))
                    .collect();
                extra.push(format!("sieves: {}", s.join(", ")));
            }
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!(" [{}]", extra.join("; "))
            };
            writeln!(
                out,
                "    {:>6}  {}{}  {}",
                g.count,
                pad(g.label, 40),
                extra,
                st.dim(g.explanation)
            )?;
        }
    }
    if !e.missed_cues.is_empty() {
        writeln!(out, "\n  {}", st.bold("missed gold cues by word"))?;
        writeln!(
            out,
            "{}",
            st.dim("    missed /   gold  no-cue  word forms (no-cue: no prediction had a cue on the gold cue)")
        )?;
        for c in e.missed_cues.iter().take(25) {
            let forms: Vec<&str> = c.forms.iter().take(4).map(String::as_str).collect();
            let more = if c.forms.len() > 4 { ", …" } else { "" };
            writeln!(
                out,
                "    {:>6} / {:>6}  {:>6}  {}{}",
                c.missed,
                c.total,
                c.no_cue,
                st.cue(&one_line(&format!("{}{more}", forms.join(", ")))),
                if c.speech { "" } else { "  (non-speech cue)" }
            )?;
        }
        if e.missed_cues.len() > 25 {
            writeln!(
                out,
                "    {}",
                st.dim(&format!(
                    "… {} more cue words (see --json)",
                    e.missed_cues.len() - 25
                ))
            )?;
        }
    }
    let with_examples: Vec<_> = e.groups.iter().filter(|g| !g.examples.is_empty()).collect();
    if !with_examples.is_empty() {
        writeln!(
            out,
            "\n  {} {}",
            st.bold("examples"),
            st.dim(&format!("marks: {}", e.legend))
        )?;
    }
    for g in with_examples {
        writeln!(
            out,
            "\n  {}",
            st.bold(&format!("── {} ({}) ──", g.label, g.count))
        )?;
        for (i, x) in g.examples.iter().enumerate() {
            let span = |r: Option<(i64, i64)>| r.map_or("–".into(), |(s, e)| format!("{s}..{e}"));
            writeln!(
                out,
                "  {:>3}. {} {}",
                i + 1,
                st.location(&x.doc),
                st.dim(&format!("gold {} pred {}", span(x.gold), span(x.pred)))
            )?;
            writeln!(out, "       {}", st.marks(&x.context))?;
            writeln!(out, "       {}", st.dim(&one_line(&x.detail)))?;
        }
    }
    Ok(())
}
