//! The wasm API as JavaScript sees it, run in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test wasm_api` (runner and flags: .cargo/config.toml,
//! webdriver.json). Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_002: &str = include_str!("fixtures/002_5a0a87bd08680d7a.txt");
const SEEDS: [&str; 5] = [
    include_str!("fixtures/000_0b425a99d12787b3.txt"),
    include_str!("fixtures/001_29c8fd17e0dbaca8.txt"),
    SEED_002,
    include_str!("fixtures/003_6cb643e6d6094715.txt"),
    include_str!("fixtures/004_7117306b83a53ba3.txt"),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no property {key}"))
}

fn array(v: &JsValue, key: &str) -> Vec<JsValue> {
    let a = get(v, key);
    assert!(Array::is_array(&a), "{key} is not an array: {a:?}");
    a.unchecked_into::<Array>().iter().collect()
}

fn string(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

fn number(v: &JsValue, key: &str) -> u32 {
    let n = get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"));
    assert!(n >= 0.0 && n.fract() == 0.0, "{key} = {n} is not an offset");
    n as u32
}

fn keys(v: &JsValue) -> Vec<String> {
    let mut k: Vec<String> = Object::keys(v.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    k.sort();
    k
}

/// `text.slice(start, end)` in JavaScript, i.e. in UTF-16 code units.
fn js_slice(text: &str, start: u32, end: u32) -> String {
    JsString::from(text).slice(start, end).into()
}

/// Every span the result gives (quote, cue, speaker, quotation) must be exactly what JS slicing finds there.
fn assert_spans_slice_back(text: &str, result: &JsValue) {
    for q in array(result, "quotations") {
        let (s, e) = (number(&q, "start"), number(&q, "end"));
        assert_eq!(
            js_slice(text, s, e),
            string(&q, "text"),
            "quotation {s}..{e}"
        );
    }
    for q in array(result, "quotes") {
        let (s, e) = (number(&q, "start"), number(&q, "end"));
        assert!(s < e, "empty quote span {s}..{e}");
        assert_eq!(js_slice(text, s, e), string(&q, "text"), "quote {s}..{e}");
        for part in ["cue", "speaker"] {
            let span = get(&q, part);
            if span.is_null() {
                continue;
            }
            let (s, e) = (number(&span, "start"), number(&span, "end"));
            assert_eq!(
                js_slice(text, s, e),
                string(&span, "text"),
                "{part} {s}..{e}"
            );
        }
        for part in array(&q, "parts") {
            let (ps, pe) = (number(&part, "start"), number(&part, "end"));
            assert!(
                s <= ps && pe <= e,
                "part {ps}..{pe} outside its quote {s}..{e}"
            );
            assert_eq!(
                js_slice(text, ps, pe),
                string(&part, "text"),
                "part {ps}..{pe}"
            );
        }
    }
}

fn speaker_name(result: &JsValue, quote: &JsValue) -> Option<String> {
    let id = get(quote, "speaker_id").as_f64()? as usize;
    let speakers = array(result, "speakers");
    Some(string(&speakers[id], "name"))
}

fn quote_containing(result: &JsValue, needle: &str) -> JsValue {
    array(result, "quotes")
        .into_iter()
        .find(|q| string(q, "text").contains(needle))
        .unwrap_or_else(|| panic!("no quote contains {needle:?}"))
}

#[wasm_bindgen_test]
fn empty_input_gives_an_empty_result() {
    for text in ["", " ", "\n\n\t\n", "\u{feff}"] {
        let r = whosaid::wasm::analyze(text).unwrap();
        assert_eq!(keys(&r), ["id", "quotations", "quotes", "speakers"]);
        assert_eq!(string(&r, "id"), "");
        assert!(array(&r, "quotes").is_empty(), "{text:?}");
        assert!(array(&r, "speakers").is_empty(), "{text:?}");
    }
}

#[wasm_bindgen_test]
fn text_without_quotes_gives_no_quotes() {
    let text = "The talks ended on Monday. Delegations returned home in the evening.";
    let r = whosaid::wasm::analyze(text).unwrap();
    assert!(array(&r, "quotes").is_empty());
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(whosaid::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_after_emoji_and_accents() {
    // Emoji (2 UTF-16 units, 4 UTF-8 bytes) and accents (1 unit, 2 bytes) before and inside the quote.
    let text = "Zürich, Kyiv 🇺🇦 — Café owners 😀 in Brăila watched the news.\n\n\
                “I suggest we wait for the talks — señor, 😀,” Kremlin spokesman Dmitry Peskov told reporters.";
    let r = whosaid::wasm::analyze(text).unwrap();
    assert_spans_slice_back(text, &r);
    let q = quote_containing(&r, "I suggest we wait for the talks");
    let start = number(&q, "start") as usize;
    let utf16_start = text[..text.find('“').unwrap()].encode_utf16().count();
    assert_eq!(
        start, utf16_start,
        "the quote starts at its opening mark, counted in UTF-16 units"
    );
    assert_eq!(speaker_name(&r, &q).as_deref(), Some("Dmitry Peskov"));
    assert!(
        string(&get(&q, "cue"), "text").starts_with("told"),
        "cue of {q:?}"
    );
}

#[wasm_bindgen_test]
fn seed_article_quotes_and_speakers() {
    let r = whosaid::wasm::analyze(SEED_002).unwrap();
    assert_spans_slice_back(SEED_002, &r);

    let q = quote_containing(&r, "I suggest we wait for the talks");
    assert_eq!(string(&q, "kind"), "direct");
    assert_eq!(speaker_name(&r, &q).as_deref(), Some("Dmitry Peskov"));
    assert_eq!(
        keys(&q),
        [
            "confidence",
            "cue",
            "end",
            "id",
            "kind",
            "parts",
            "sieve",
            "speaker",
            "speaker_id",
            "start",
            "text"
        ]
    );

    let names: Vec<String> = array(&r, "speakers")
        .iter()
        .map(|s| string(s, "name"))
        .collect();
    for surname in ["Peskov", "Medinsky", "Podoliak", "Herashchenko", "Bachelet"] {
        assert!(
            names.iter().any(|n| n.contains(surname)),
            "{surname} missing from {names:?}"
        );
    }
    let speaker = &array(&r, "speakers")[0];
    assert_eq!(
        keys(speaker),
        [
            "aliases",
            "descriptions",
            "gender",
            "id",
            "kind",
            "name",
            "quotes"
        ]
    );
    // Each speaker's count is the number of quotes attributed to it.
    for (i, s) in array(&r, "speakers").iter().enumerate() {
        let n = array(&r, "quotes")
            .iter()
            .filter(|q| get(q, "speaker_id").as_f64() == Some(i as f64))
            .count();
        assert_eq!(
            number(s, "quotes") as usize,
            n,
            "speaker {}",
            string(s, "name")
        );
    }
}

#[wasm_bindgen_test]
fn result_is_json_compatible() {
    let r = whosaid::wasm::analyze(SEED_002).unwrap();
    assert!(!array(&r, "quotes").is_empty(), "seed 002 has quotes");
    let json: String = JSON::stringify(&r).unwrap().into();
    let back = JSON::parse(&json).unwrap();
    assert_eq!(array(&back, "quotes").len(), array(&r, "quotes").len());
    // Missing parts are null (kept by JSON), not undefined (dropped by JSON).
    for q in array(&r, "quotes") {
        for k in ["cue", "speaker", "speaker_id"] {
            assert!(!get(&q, k).is_undefined(), "{k} is undefined");
        }
    }
}

#[wasm_bindgen_test]
fn repeated_article_scales_and_keeps_offsets() {
    // 40 copies (~260 KB): every copy yields the same quotes, shifted by the copy's UTF-16 length.
    let one = whosaid::wasm::analyze(SEED_002).unwrap();
    let per_copy = array(&one, "quotes").len();
    assert!(per_copy > 0);
    let sep = "\n\n";
    let text = [SEED_002; 40].join(sep);
    let r = whosaid::wasm::analyze(&text).unwrap();
    let quotes = array(&r, "quotes");
    assert_eq!(quotes.len(), 40 * per_copy);
    assert_spans_slice_back(&text, &r);
    let shift = ((SEED_002.encode_utf16().count() + sep.len()) * 39) as u32;
    let first_in_last = &quotes[39 * per_copy];
    assert_eq!(
        number(first_in_last, "start"),
        number(&array(&one, "quotes")[0], "start") + shift
    );
}

#[wasm_bindgen_test]
fn story_merges_speakers_across_articles_with_utf16_offsets() {
    let texts: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    let r = whosaid::wasm::analyze_story(texts).unwrap();
    let documents = array(&r, "documents");
    assert_eq!(documents.len(), 5);
    for (i, (doc, text)) in documents.iter().zip(SEEDS).enumerate() {
        assert_eq!(string(doc, "id"), i.to_string());
        assert_spans_slice_back(text, doc);
    }
    let story = get(&r, "story");
    let speakers = array(&story, "speakers");
    // Podoliak / Podolyak / Mikhail / Mykhailo: one speaker, quoted in several articles.
    let podolyak: Vec<&JsValue> = speakers
        .iter()
        .filter(|s| string(s, "name").contains("Podol"))
        .collect();
    assert_eq!(
        podolyak.len(),
        1,
        "one story speaker for every spelling of Podolyak"
    );
    assert!(array(podolyak[0], "articles").len() >= 3);
    // Every member points at a real speaker of its article.
    for s in &speakers {
        for m in array(s, "members") {
            let m: Vec<JsValue> = m.unchecked_into::<Array>().iter().collect();
            let (a, id) = (
                m[0].as_f64().unwrap() as usize,
                m[1].as_f64().unwrap() as usize,
            );
            assert!(id < array(&documents[a], "speakers").len());
        }
    }
    assert!(!array(&story, "quote_groups").is_empty());
}

#[wasm_bindgen_test]
fn empty_story_is_empty() {
    let r = whosaid::wasm::analyze_story(Vec::new()).unwrap();
    assert!(array(&r, "documents").is_empty());
    assert!(array(&get(&r, "story"), "speakers").is_empty());
}

#[wasm_bindgen_test]
fn analyze_spans_is_analyze_without_the_span_texts() {
    // The page's call: the same quotes, offsets and speakers as `analyze`, the quotes as numbers (FlatQuotes, which
    // www/engine.js reads back to objects the same way).
    let full = whosaid::wasm::analyze(SEED_002).unwrap();
    let spans = whosaid::wasm::analyze_spans(SEED_002).unwrap();
    let n = js_sys::Uint32Array::from(get(&spans, "quotes")).to_vec();
    let names: Vec<String> = array(&spans, "names")
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect();
    let fq = array(&full, "quotes");
    assert!(fq.len() > 5);
    let none = whosaid::output::FLAT_NONE;
    let span_is = |f: &JsValue, key: &str, k: usize| {
        let a = get(f, key);
        assert_eq!(a.is_null(), n[k] == none, "{key}");
        if !a.is_null() {
            assert_eq!(
                (number(&a, "start"), number(&a, "end")),
                (n[k], n[k + 1]),
                "{key}"
            );
        }
    };
    let mut k = 0;
    for f in &fq {
        assert!(!string(f, "text").is_empty());
        assert_eq!(string(f, "kind"), names[n[k] as usize]);
        assert_eq!((number(f, "start"), number(f, "end")), (n[k + 1], n[k + 2]));
        span_is(f, "cue", k + 3);
        span_is(f, "speaker", k + 5);
        let id = get(f, "speaker_id");
        assert_eq!(id.as_f64().map(|x| x as u32).unwrap_or(none), n[k + 7]);
        assert_eq!(
            get(f, "confidence").as_f64(),
            Some(f32::from_bits(n[k + 8]) as f64)
        );
        assert_eq!(string(f, "sieve"), names[n[k + 9] as usize]);
        let parts = array(f, "parts");
        assert_eq!(parts.len() as u32, n[k + 10]);
        for (p, part) in parts.iter().enumerate() {
            let at = k + whosaid::output::FLAT_FIELDS + 2 * p;
            assert_eq!(
                (number(part, "start"), number(part, "end")),
                (n[at], n[at + 1])
            );
        }
        k += whosaid::output::FLAT_FIELDS + 2 * parts.len();
    }
    assert_eq!(k, n.len());
    assert_eq!(
        JSON::stringify(&get(&full, "speakers")).unwrap(),
        JSON::stringify(&get(&spans, "speakers")).unwrap()
    );
    // The quotations, six numbers each.
    let m = js_sys::Uint32Array::from(get(&spans, "quotations")).to_vec();
    let fq = array(&full, "quotations");
    assert!(fq.len() > 5);
    assert_eq!(m.len(), fq.len() * whosaid::output::FLAT_QUOTATION);
    let id = |v: JsValue| v.as_f64().map(|x| x as u32).unwrap_or(none);
    for (f, n) in fq.iter().zip(m.chunks(whosaid::output::FLAT_QUOTATION)) {
        assert_eq!(
            [number(f, "start"), number(f, "end"), number(f, "depth")],
            n[..3]
        );
        assert_eq!([id(get(f, "parent")), id(get(f, "quote"))], n[3..5]);
        assert_eq!(string(f, "kind"), names[n[5] as usize]);
    }
}

#[wasm_bindgen_test]
fn quotations_nest_and_name_their_quote_in_utf16() {
    let text = "😀 “She told me ‘no’,” Ann said.\n\nThe “experts” came late.";
    let r = whosaid::wasm::analyze(text).unwrap();
    assert_spans_slice_back(text, &r);
    let q = array(&r, "quotations");
    let row = |v: &JsValue| {
        (
            string(v, "text"),
            number(v, "depth"),
            get(v, "parent").as_f64(),
            get(v, "quote").as_f64(),
            string(v, "kind"),
        )
    };
    assert_eq!(
        q.iter().map(row).collect::<Vec<_>>(),
        [
            (
                "“She told me ‘no’,”".to_string(),
                0,
                None,
                Some(0.0),
                "speech".to_string()
            ),
            (
                "‘no’".to_string(),
                1,
                Some(0.0),
                Some(0.0),
                "speech".to_string()
            ),
            ("“experts”".to_string(), 0, None, None, "term".to_string()),
        ]
    );
    assert_eq!(
        number(&q[0], "start"),
        3,
        "after the emoji's two units and a space"
    );
}

/// The numbers of `key` (a `Uint32Array`).
fn numbers(v: &JsValue, key: &str) -> Vec<u32> {
    let a = get(v, key);
    assert!(
        a.is_instance_of::<js_sys::Uint32Array>(),
        "{key} is not a Uint32Array"
    );
    a.unchecked_into::<js_sys::Uint32Array>().to_vec()
}

#[wasm_bindgen_test]
fn analyze_story_spans_is_analyze_story_as_numbers() {
    let texts: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    let full = whosaid::wasm::analyze_story(texts.clone()).unwrap();
    let flat = whosaid::wasm::analyze_story_spans(texts).unwrap();
    let names: Vec<String> = array(&flat, "names")
        .iter()
        .map(|n| n.as_string().unwrap())
        .collect();
    let documents = array(&full, "documents");
    let counts = numbers(&flat, "counts");
    assert_eq!(counts.len(), 5);
    let quotes = numbers(&flat, "quotes");
    let story = get(&full, "story");
    let members = |speaker: &JsValue| -> Vec<(u32, u32)> {
        array(speaker, "members")
            .iter()
            .map(|m| {
                let m: Vec<JsValue> = m.clone().unchecked_into::<Array>().iter().collect();
                (m[0].as_f64().unwrap() as u32, m[1].as_f64().unwrap() as u32)
            })
            .collect()
    };
    let story_speakers = array(&story, "speakers");
    let mut k = 0;
    for (a, doc) in documents.iter().enumerate() {
        let qs = array(doc, "quotes");
        assert_eq!(counts[a] as usize, qs.len());
        for q in qs {
            assert_eq!(names[quotes[k] as usize], string(&q, "kind"));
            assert_eq!(
                (quotes[k + 1], quotes[k + 2]),
                (number(&q, "start"), number(&q, "end"))
            );
            let id = get(&q, "speaker_id");
            let want = if id.is_null() {
                u32::MAX
            } else {
                let id = id.as_f64().unwrap() as u32;
                let s = story_speakers
                    .iter()
                    .find(|s| members(s).contains(&(a as u32, id)))
                    .expect("a story speaker");
                number(s, "id")
            };
            assert_eq!(quotes[k + 7], want);
            k += 11 + 2 * quotes[k + 10] as usize;
        }
    }
    assert_eq!(k, quotes.len());
    // The quotations: each article's, six numbers each, offsets and kinds as analyze_story's.
    let (quotations, qcounts) = (
        numbers(&flat, "quotations"),
        numbers(&flat, "quotationCounts"),
    );
    let mut k = 0;
    for (a, doc) in documents.iter().enumerate() {
        let qs = array(doc, "quotations");
        assert_eq!(qcounts[a] as usize, qs.len());
        for q in qs {
            let n = &quotations[k..k + 6];
            assert_eq!((n[0], n[1]), (number(&q, "start"), number(&q, "end")));
            assert_eq!(names[n[5] as usize], string(&q, "kind"));
            k += 6;
        }
    }
    assert!(k > 0);
    assert_eq!(k, quotations.len());
    // The groups: as many versions as the story's, their diff texts in `diff`.
    let groups = array(&story, "quote_groups");
    assert!(!groups.is_empty());
    let flat_groups = numbers(&flat, "groups");
    let versions: usize = groups.iter().map(|g| array(g, "versions").len()).sum();
    assert_eq!(flat_groups.len(), 5 * groups.len() + 6 * versions);
    let diff_len: u32 = numbers(&flat, "ops").chunks(2).map(|op| op[1]).sum();
    let diff = get(&flat, "diff").unchecked_into::<JsString>();
    assert_eq!(diff.length(), diff_len);
    assert_eq!(array(&flat, "speakers").len(), story_speakers.len());
}
