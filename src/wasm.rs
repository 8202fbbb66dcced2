//! Thin wasm binding: the output contract ([`crate::output::DocumentOut`]) as plain JS objects.
//!
//! Compiled only for `wasm32` (see `lib.rs`); the core never imports a wasm crate. Offsets cross the
//! boundary in UTF-16 code units, so in JavaScript `text.slice(quote.start, quote.end) === quote.text`.
//! Objects are JSON-compatible: a missing cue or speaker is `null`, never `undefined`.
//!
//! JS API (JavaScript's names, camelCase, so that wasm-bindgen's glue for every target, and the npm package in `npm/`
//! over it, read as JavaScript): `analyze(text)`, `analyzeSpans(text)`, `analyzeStory([text, …])`,
//! `analyzeStorySpans([text, …])`, `version()`, `memoryBytes()`. The package documents `analyze`, `analyzeStory` and
//! `version`; the others are the page's.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::output::Encoding;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Runs once when the module is instantiated: a panic (a bug) is reported on the console with its
/// message instead of only as an opaque `unreachable` trap.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("whosaid panicked: {info}"))
    }));
}

/// Analyses one article: `{id: "", quotes: [...], speakers: [...], quotations: [...]}` with UTF-16 offsets.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::analyze_document("", text, Encoding::Utf16))
}

/// [`analyze`] for a caller that holds the text and slices it by the offsets (the page): `{id, speakers, names,
/// quotes, quotations}`, where `speakers` are as in [`analyze`] and `quotes` and `quotations` are `Uint32Array`s, the
/// quotes and quotations as numbers without their texts ([`crate::output::FlatQuotes`]: `kind` and `sieve` index
/// `names`). `www/engine.js` makes the objects of [`analyze`] from them, span texts empty. Building them in JS is the
/// faster way: from Rust, each field is a call into JS (a 1 MB text's result took about 10 of 45–55 ms in node that
/// way).
#[wasm_bindgen(js_name = analyzeSpans)]
#[cfg_attr(whosaid_small, optimize(size))]
pub fn analyze_spans(text: &str) -> Result<JsValue, JsError> {
    let out =
        crate::output::DocumentOut::spans_only("", text, &crate::analyze(text), Encoding::Utf16);
    let flat = out.flat_quotes();
    let obj = js_sys::Object::new();
    let numbers = |n: &[u32]| JsValue::from(js_sys::Uint32Array::from(n));
    for (key, value) in [
        ("id", JsValue::from_str(&out.id)),
        ("speakers", to_js(&out.speakers)?),
        ("names", to_js(&flat.names)?),
        ("quotes", numbers(&flat.numbers)),
        ("quotations", numbers(&flat.quotations)),
    ] {
        js_sys::Reflect::set(&obj, &JsValue::from_str(key), &value)
            .map_err(|_| JsError::new("whosaid: cannot build the result"))?;
    }
    Ok(obj.into())
}

/// Analyses several articles as one story: `{documents: [DocumentOut…], story: {speakers, quote_groups,
/// articles}}` (see [`crate::story`]), offsets in UTF-16 units into each article. Article `i` gets the id
/// `"i"`.
#[wasm_bindgen(js_name = analyzeStory)]
pub fn analyze_story(texts: Vec<String>) -> Result<JsValue, JsError> {
    let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
    let docs: Vec<(&str, &str)> = ids
        .iter()
        .map(String::as_str)
        .zip(texts.iter().map(String::as_str))
        .collect();
    to_js(&crate::story::analyze_story(&docs, Encoding::Utf16))
}

/// [`analyze_story`] for the page, which holds the texts: `{names, quotes, counts, groups, ops, diff, quotations,
/// quotationCounts, speakers}`,
/// the [`crate::story::flat::FlatStory`] with its number lists as `Uint32Array`s and `diff` one string. A 5,000-article
/// story as objects took longer to make, one call into JS per field, than to analyse.
#[wasm_bindgen(js_name = analyzeStorySpans)]
#[cfg_attr(whosaid_small, optimize(size))]
pub fn analyze_story_spans(texts: Vec<String>) -> Result<JsValue, JsError> {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let flat = crate::story::flat::flat_story(&refs);
    let obj = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        js_sys::Reflect::set(&obj, &JsValue::from_str(key), value)
            .map(|_| ())
            .map_err(|_| JsError::new("whosaid: cannot build the result"))
    };
    set("names", &to_js(&flat.names)?)?;
    for (key, numbers) in [
        ("quotes", &flat.quotes),
        ("counts", &flat.quote_counts),
        ("groups", &flat.groups),
        ("ops", &flat.diff_ops),
        ("quotations", &flat.quotations),
        ("quotationCounts", &flat.quotation_counts),
    ] {
        set(key, &js_sys::Uint32Array::from(&numbers[..]))?;
    }
    set("diff", &JsValue::from_str(&flat.diff_text))?;
    set("speakers", &to_js(&flat.speakers)?)?;
    Ok(obj.into())
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Bytes of linear memory the module holds now (the page reports it; tests check it stays flat).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>() * 65536
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("whosaid: cannot convert the result: {e}")))
}
