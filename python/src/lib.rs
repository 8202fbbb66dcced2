//! Python bindings of whosaid (`import whosaid`): texts in, the core's output contract ([`whosaid::output`]) out as
//! dicts and lists, offsets in code points so that `text[q["start"]:q["end"]]` is the quote in Python.
//!
//! Thin on purpose: the results are converted from the core's serde output (`topy`), so a field added to the
//! contract reaches Python without a change here. The analysis runs without the GIL; `analyze_many` runs it on
//! every core (rayon). Bad input raises `TypeError` (not a str) or `ValueError` (a lone surrogate, a bad thread
//! count); a panic of the analyser (a bug) raises `RuntimeError` instead of ending the interpreter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use rayon::prelude::*;
use serde::Serialize;
use whosaid::output::{DocumentOut, Encoding};

mod topy;

/// The extension's own allocator (Python objects still come from Python's): an analysis makes and frees many small
/// strings and vectors per article, which glibc's malloc served a fifth slower (see the core's Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Offsets for Python: str indexes code points.
const ENC: Encoding = Encoding::Chars;

/// The text of argument `what`, or a `TypeError` (not a str) or `ValueError` (a lone surrogate, which UTF-8 cannot
/// hold and the analyser could not place).
fn text_arg(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<String> {
    let s = obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!("{} must be a str, not {}", what(), type_name(obj)))
    })?;
    match s.to_cow() {
        Ok(t) => Ok(t.into_owned()),
        Err(e) => {
            let py = obj.py();
            let at = e
                .value(py)
                .getattr("start")
                .and_then(|v| v.extract::<usize>())
                .map_or(String::new(), |i| format!(" at index {i}"));
            Err(PyValueError::new_err(format!(
                "{} is not valid Unicode text: it holds a lone surrogate{at} (decode with errors=\"replace\" or \
                 \"ignore\" first)",
                what()
            )))
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "an object".to_string(), |n| n.to_string())
}

/// The texts of an iterable argument (a list, a tuple, a generator…), each checked as [`text_arg`] does.
fn texts_arg(texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if texts.is_instance_of::<PyString>()
        || texts.is_instance_of::<PyBytes>()
        || texts.is_instance_of::<PyByteArray>()
    {
        return Err(PyTypeError::new_err(format!(
            "texts must be an iterable of str (a list, say), not a single {}",
            type_name(texts)
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str (a list, say), not {}",
            type_name(texts)
        ))
    })?;
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        out.push(text_arg(&item?, &|| format!("texts[{i}]"))?);
    }
    Ok(out)
}

/// The analysis of one text in the output contract (no GIL needed).
fn analyze_doc(text: &str) -> Result<DocumentOut, String> {
    std::panic::catch_unwind(|| whosaid::analyze_document("", text, ENC)).map_err(|_| {
        "whosaid: internal error: the analyser panicked on this text (please report it with the text)".to_string()
    })
}

fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    topy::to_py(py, value)
}

/// Python's cyclic garbage collector paused while the results are built. Every few hundred new dicts and lists
/// start a collection, which walks all the containers alive (the results built so far among them): a third of
/// `analyze_many`'s time on 1,000 articles went there. The results hold no cycles (only dicts, lists, str, int,
/// float and None), so nothing is left for the collector to find; its state is restored when the guard drops.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            Ok(GcPause { gc: Some(gc) })
        } else {
            Ok(GcPause { gc: None })
        }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // Nothing to do if it fails: enable() does not fail.
            let _ = gc.call_method0("enable");
        }
    }
}

/// Analyses one article.
///
/// Returns ``{"id": "", "quotes": [...], "speakers": [...]}`` (the JSON contract of ``whosaid --json``), with
/// offsets in code points: ``text[q["start"]:q["end"]] == q["text"]``. The GIL is released while it runs.
#[pyfunction]
fn analyze<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, &|| "text".to_string())?;
    let doc = py
        .detach(|| analyze_doc(&text))
        .map_err(PyRuntimeError::new_err)?;
    let _pause = GcPause::new(py)?;
    to_py(py, &doc)
}

/// Analyses many articles on several threads; returns one result per text, in order, each as ``analyze`` gives it.
///
/// ``threads``: how many threads (default ``None``: every core). The GIL is released while the texts are analysed,
/// so other Python threads run meanwhile.
#[pyfunction]
#[pyo3(signature = (texts, threads = None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = match threads {
        None => None,
        Some(n) if n >= 1 => Some(n as usize),
        Some(n) => {
            return Err(PyValueError::new_err(format!(
                "threads must be at least 1 (or None for every core), got {n}"
            )))
        }
    };
    let texts = texts_arg(texts)?;
    if threads == Some(1) || texts.len() < 2 {
        let docs: Vec<Result<DocumentOut, String>> =
            py.detach(|| texts.iter().map(|t| analyze_doc(t)).collect());
        drop(texts);
        let _pause = GcPause::new(py)?;
        let list = PyList::empty(py);
        for doc in docs {
            list.append(to_py(py, &doc.map_err(PyRuntimeError::new_err)?)?)?;
        }
        return Ok(list);
    }
    // The pool analyses while this thread turns each finished analysis into Python objects (which needs the GIL,
    // so only one thread can): the conversion overlaps the analysis instead of following it.
    let n = texts.len();
    let (tx, rx) = crossbeam_channel::unbounded::<(usize, Result<DocumentOut, String>)>();
    pool(threads).spawn(move || {
        texts
            .par_iter()
            .enumerate()
            .for_each_with(tx, |tx, (i, t)| {
                // The receiver is gone only if the conversion failed; the rest is not needed then.
                let _ = tx.send((i, analyze_doc(t)));
            });
    });
    let _pause = GcPause::new(py)?;
    let mut out: Vec<Option<Bound<'py, PyAny>>> = (0..n).map(|_| None).collect();
    let mut done = 0;
    while done < n {
        // Waits without the GIL, then takes whatever else is ready.
        let ready: Vec<_> = py.detach(|| {
            let first = rx.recv().ok();
            first.into_iter().chain(rx.try_iter()).collect()
        });
        if ready.is_empty() {
            return Err(PyRuntimeError::new_err(
                "whosaid: internal error: the analysis threads stopped early",
            ));
        }
        for (i, doc) in ready {
            out[i] = Some(to_py(py, &doc.map_err(PyRuntimeError::new_err)?)?);
            done += 1;
        }
    }
    PyList::new(py, out.into_iter().flatten())
}

/// A thread pool of `threads` threads (`None`: every core), kept for the next call: its threads keep their
/// per-thread buffers (the core's scratch space) from one call to the next.
fn pool(threads: Option<usize>) -> Arc<rayon::ThreadPool> {
    static POOLS: OnceLock<Mutex<HashMap<Option<usize>, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    pools
        .entry(threads)
        .or_insert_with(|| {
            let mut b = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("whosaid-{i}"));
            if let Some(n) = threads {
                b = b.num_threads(n);
            }
            Arc::new(b.build().expect("a thread pool"))
        })
        .clone()
}

/// Analyses several articles of one story: speakers merged across outlets, the same statement compared across them.
///
/// Returns ``{"documents": [...], "story": {"speakers", "quote_groups", "articles"}}``; article ``i`` has the id
/// ``"i"``, offsets are code points into each article.
#[pyfunction]
fn analyze_story<'py>(py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let texts = texts_arg(texts)?;
    let story = py
        .detach(|| {
            let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
            let docs: Vec<(&str, &str)> = ids
                .iter()
                .map(String::as_str)
                .zip(texts.iter().map(String::as_str))
                .collect();
            std::panic::catch_unwind(|| whosaid::story::analyze_story(&docs, ENC))
        })
        .map_err(|_| {
            PyRuntimeError::new_err(
                "whosaid: internal error: the story analysis panicked (please report it with the texts)",
            )
        })?;
    let _pause = GcPause::new(py)?;
    to_py(py, &story)
}

#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_story, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
