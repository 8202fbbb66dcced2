//! Scoring against gold attributions (PolNeAR or the Gender Gap Tracker's format), calibration and error analysis.
//!
//! The figures are a faithful port of the scorer the project is judged with (`shared/tools/score.py`):
//!
//! * offsets are Unicode code points, end-exclusive;
//! * a PolNeAR gold quote spans min..max of its `content_spans` (attributions without content are skipped), its
//!   speaker min..max of `source_spans`;
//! * matching is the Gender Gap Tracker's greedy rule: for each gold quote in order, the remaining prediction with
//!   the highest coverage |gold ∩ pred| / |gold| above the threshold (0.3 and 0.8) is its match; predictions left
//!   over are false positives;
//! * speech view: only attributions whose cue is a speech cue ([`is_speech`]) are gold; predictions that match a
//!   non-speech attribution among the leftovers count neither way;
//! * speaker accuracy: the matched prediction's speaker span overlaps the gold source span, or both are absent;
//! * direct recall: recall over gold contents that contain `“` or `"`.
//!
//! On top of the scorer's figures the [`Evaluator`] keeps a calibration table (are confident predictions right?)
//! and, on request, an error analysis that sorts every miss, false alarm and wrong speaker by cause, with examples
//! in context and a count of missed cue words.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

use crate::output::DocumentOut;

pub mod junk;
pub mod speakers;

pub use junk::{Evidence, JunkAudit, JunkReason, JunkReport};
pub use speakers::{LayerSummary, ResolvedSpeaker, SpeakerLayer};

/// A half-open range of code points, as in the gold files.
pub type Range = (i64, i64);

/// The two thresholds the scorer reports.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Gold file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `{"doc_id","text","attributions":[{"source_spans","cue_spans","content_spans","cue","content",…}]}`
    Polnear,
    /// `{"doc_id","text","quotes":[{"quote_span":[s,e],"speaker_span":[s,e]|null,"reference","verb","quote"}]}`
    Ggt,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "polnear" => Some(Format::Polnear),
            "ggt" => Some(Format::Ggt),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Polnear => "polnear",
            Format::Ggt => "ggt",
        }
    }
    /// Guesses the format from one gold record.
    pub fn detect(doc: &Value) -> Option<Format> {
        if doc.get("attributions").is_some() {
            Some(Format::Polnear)
        } else if doc.get("quotes").is_some() {
            Some(Format::Ggt)
        } else {
            None
        }
    }
}

/// Which gold attributions count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Attributions with a speech cue; predictions matching another attribution count neither way.
    Speech,
    /// Every attribution with content.
    All,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Speech => "speech",
            View::All => "all",
        }
    }
}

/// One gold quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldQuote {
    /// min..max of the content spans.
    pub span: Range,
    /// min..max of the source spans.
    pub speaker_span: Option<Range>,
    /// The source as written (`source` in PolNeAR, `reference` in GGT).
    pub reference: String,
    /// The cue as written (`cue` in PolNeAR, `verb` in GGT).
    pub cue: String,
    pub cue_spans: Vec<Range>,
    pub content_spans: Vec<Range>,
    pub direct: bool,
    pub speech: bool,
    /// The index of the attribution (quote) in the gold record's list, content-less ones included (the layer's `k`).
    pub index: usize,
    /// The resolved-speaker layer's entity for this attribution, once attached ([`GoldDoc::attach_speakers`]).
    pub resolved: Option<ResolvedSpeaker>,
}

/// One gold document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDoc {
    pub id: Value,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// One predicted quotation, in code points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PredQuote {
    pub span: Range,
    pub speaker_span: Option<Range>,
    pub speaker_text: String,
    /// The resolved speaker's name (or the speaker mention when unresolved), for GGT's reference check.
    pub name: String,
    pub kind: String,
    pub cue_span: Option<Range>,
    pub cue_text: String,
    pub confidence: Option<f64>,
    pub sieve: String,
}

/// Python's truthiness of an optional JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

fn int(v: &Value, what: &str) -> Result<i64, String> {
    v.as_i64()
        .ok_or_else(|| format!("{what} must be an integer, got {v}"))
}

fn pair(v: &Value, what: &str) -> Result<Range, String> {
    match v.as_array().map(Vec::as_slice) {
        Some([s, e]) => Ok((int(s, what)?, int(e, what)?)),
        _ => Err(format!("{what} must be a [start, end] pair, got {v}")),
    }
}

fn pairs(v: &Value, what: &str) -> Result<Vec<Range>, String> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(a) => a.iter().map(|p| pair(p, what)).collect(),
        _ => Err(format!("{what} must be a list of [start, end] pairs")),
    }
}

fn hull(spans: &[Range]) -> Option<Range> {
    let s = spans.iter().map(|r| r.0).min()?;
    let e = spans.iter().map(|r| r.1).max()?;
    Some((s, e))
}

fn str_field(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

impl GoldDoc {
    /// Reads one gold record the way score.py's `gold_quotes` does.
    pub fn from_json(doc: &Value, fmt: Format) -> Result<GoldDoc, String> {
        let id = doc.get("doc_id").cloned().ok_or("no \"doc_id\"")?;
        let text = match doc.get("text") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => String::new(),
            Some(_) => return Err("\"text\" must be a string".into()),
        };
        let mut quotes = Vec::new();
        match fmt {
            Format::Polnear => {
                let atts = doc
                    .get("attributions")
                    .and_then(Value::as_array)
                    .ok_or("no \"attributions\" list (is this a GGT file? try --format ggt)")?;
                for (k, a) in atts.iter().enumerate() {
                    let what = |f: &str| format!("attribution {k}: {f}");
                    if !truthy(a.get("content_spans")) {
                        continue;
                    }
                    let content_spans = pairs(&a["content_spans"], &what("content_spans"))?;
                    let source_spans = match a.get("source_spans") {
                        Some(v) if truthy(Some(v)) => pairs(v, &what("source_spans"))?,
                        _ => Vec::new(),
                    };
                    let cue_spans = match a.get("cue_spans") {
                        Some(v) => pairs(v, &what("cue_spans"))?,
                        None => Vec::new(),
                    };
                    let cue = str_field(a, "cue");
                    let content = str_field(a, "content");
                    quotes.push(GoldQuote {
                        span: hull(&content_spans).expect("non-empty"),
                        speaker_span: hull(&source_spans),
                        reference: str_field(a, "source"),
                        speech: is_speech(&cue),
                        direct: content.contains('“') || content.contains('"'),
                        cue,
                        cue_spans,
                        content_spans,
                        index: k,
                        resolved: None,
                    });
                }
            }
            Format::Ggt => {
                let qs = doc
                    .get("quotes")
                    .and_then(Value::as_array)
                    .ok_or("no \"quotes\" list (is this a PolNeAR file? try --format polnear)")?;
                for (k, q) in qs.iter().enumerate() {
                    if !truthy(q.get("quote_span")) {
                        continue;
                    }
                    let span = pair(&q["quote_span"], &format!("quote {k}: quote_span"))?;
                    let speaker_span = match q.get("speaker_span") {
                        Some(v) if truthy(Some(v)) => {
                            Some(pair(v, &format!("quote {k}: speaker_span"))?)
                        }
                        _ => None,
                    };
                    // score.py: `q.get("quote", "").strip()[:1] in "\"“'‘"` (an empty quote counts as direct).
                    let quote = str_field(q, "quote");
                    let first = quote.trim_matches(py_space).chars().next();
                    quotes.push(GoldQuote {
                        span,
                        speaker_span,
                        reference: str_field(q, "reference"),
                        cue: str_field(q, "verb"),
                        cue_spans: Vec::new(),
                        content_spans: vec![span],
                        direct: first.is_none_or(|c| "\"“'‘".contains(c)),
                        speech: true,
                        index: k,
                        resolved: None,
                    });
                }
            }
        }
        Ok(GoldDoc { id, text, quotes })
    }
}

/// Python's `str.isspace` (Rust's whitespace plus the ASCII separators U+001C..U+001F).
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

impl PredQuote {
    /// The predictions of one output record, as score.py's `pred_quotes` reads them (plus cue, kind, confidence).
    pub fn from_json(rec: &Value) -> Result<Vec<PredQuote>, String> {
        let mut names: Vec<(&Value, &str)> = Vec::new();
        if let Some(sp) = rec.get("speakers").and_then(Value::as_array) {
            for s in sp {
                names.push((
                    s.get("id").unwrap_or(&Value::Null),
                    s.get("name").and_then(Value::as_str).unwrap_or(""),
                ));
            }
        }
        let Some(quotes) = rec.get("quotes").and_then(Value::as_array) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::with_capacity(quotes.len());
        for (k, q) in quotes.iter().enumerate() {
            let what = format!("quote {k}");
            let start = int(
                q.get("start").unwrap_or(&Value::Null),
                &format!("{what}: start"),
            )?;
            let end = int(
                q.get("end").unwrap_or(&Value::Null),
                &format!("{what}: end"),
            )?;
            let sub = |key: &str| -> Result<(Option<Range>, String), String> {
                match q.get(key) {
                    Some(sp)
                        if truthy(Some(sp))
                            && !sp.get("start").unwrap_or(&Value::Null).is_null() =>
                    {
                        let s = int(&sp["start"], &format!("{what}: {key}.start"))?;
                        let e = int(
                            sp.get("end").unwrap_or(&Value::Null),
                            &format!("{what}: {key}.end"),
                        )?;
                        Ok((Some((s, e)), str_field(sp, "text")))
                    }
                    Some(sp) => Ok((
                        None,
                        sp.get("text")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string(),
                    )),
                    None => Ok((None, String::new())),
                }
            };
            let (speaker_span, speaker_text) = sub("speaker")?;
            let (cue_span, cue_text) = sub("cue")?;
            let sid = q.get("speaker_id").unwrap_or(&Value::Null);
            let name = names
                .iter()
                .rev()
                .find(|(id, _)| *id == sid)
                .map(|(_, n)| *n)
                .unwrap_or("");
            out.push(PredQuote {
                span: (start, end),
                speaker_span,
                name: if name.is_empty() {
                    speaker_text.clone()
                } else {
                    name.to_string()
                },
                speaker_text,
                kind: str_field(q, "kind"),
                cue_span,
                cue_text,
                confidence: q.get("confidence").and_then(Value::as_f64),
                sieve: str_field(q, "sieve"),
            });
        }
        Ok(out)
    }

    /// The predictions of an analysis rendered with code-point offsets ([`crate::Encoding::Chars`]).
    pub fn from_document(doc: &DocumentOut) -> Vec<PredQuote> {
        doc.quotes
            .iter()
            .map(|q| {
                let speaker_text = q
                    .speaker
                    .as_ref()
                    .map(|s| s.text.clone())
                    .unwrap_or_default();
                let name = q
                    .speaker_id
                    .and_then(|i| doc.speakers.get(i))
                    .map(|s| s.name.as_str())
                    .unwrap_or("");
                PredQuote {
                    span: (q.start as i64, q.end as i64),
                    speaker_span: q.speaker.as_ref().map(|s| (s.start as i64, s.end as i64)),
                    name: if name.is_empty() {
                        speaker_text.clone()
                    } else {
                        name.to_string()
                    },
                    speaker_text,
                    kind: q.kind.to_string(),
                    cue_span: q.cue.as_ref().map(|s| (s.start as i64, s.end as i64)),
                    cue_text: q.cue.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                    // The contract rounds to two decimals; read it back the way a JSON reader would.
                    confidence: format!("{}", q.confidence).parse().ok(),
                    sieve: q.sieve.to_string(),
                }
            })
            .collect()
    }
}

/// The speaker entities of one output record (the CLI's `--json`): name and the number of quotes given to it (its
/// `quotes` field, else the quotes whose `speaker_id` is its `id`).
pub fn speakers_from_json(rec: &Value) -> Vec<(String, usize)> {
    let Some(list) = rec.get("speakers").and_then(Value::as_array) else {
        return Vec::new();
    };
    let quotes = rec.get("quotes").and_then(Value::as_array);
    list.iter()
        .map(|s| {
            let name = str_field(s, "name");
            let n = match s.get("quotes").and_then(Value::as_u64) {
                Some(n) => n as usize,
                None => {
                    let id = s.get("id").unwrap_or(&Value::Null);
                    quotes.map_or(0, |qs| {
                        qs.iter()
                            .filter(|q| !id.is_null() && q.get("speaker_id") == Some(id))
                            .count()
                    })
                }
            };
            (name, n)
        })
        .collect()
}

/// The speaker entities of an analysis: name and quote count.
pub fn speakers_from_document(doc: &DocumentOut) -> Vec<(String, usize)> {
    doc.speakers
        .iter()
        .map(|s| (s.name.clone(), s.quotes))
        .collect()
}

/// |gold ∩ pred| / |gold| (0 for an empty gold span).
pub fn cover(gold: Range, pred: Range) -> f64 {
    let (g0, g1) = gold;
    if g1 <= g0 {
        return 0.0;
    }
    let inter = (g1.min(pred.1) - g0.max(pred.0)).max(0);
    inter as f64 / (g1 - g0) as f64
}

fn intersects(a: Range, b: Range) -> bool {
    a.1.min(b.1) > a.0.max(b.0)
}

/// score.py's `overlaps`: both present and intersecting.
pub fn overlaps(a: Option<Range>, b: Option<Range>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if intersects(a, b))
}

/// Greedy matching: for each gold in order, the remaining candidate with the highest coverage above `thr` (the
/// first one on ties). Returns (gold index, candidate) pairs and the candidates left over, in their order.
pub fn greedy(
    golds: &[Range],
    candidates: &[(usize, Range)],
    thr: f64,
) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut remaining = candidates.to_vec();
    let mut pairs = Vec::new();
    for (gi, &g) in golds.iter().enumerate() {
        let mut best = None;
        let mut best_s = 0.0;
        for (k, &(_, p)) in remaining.iter().enumerate() {
            let s = cover(g, p);
            if s > thr && s > best_s {
                best = Some(k);
                best_s = s;
            }
        }
        if let Some(k) = best {
            pairs.push((gi, remaining.remove(k).0));
        }
    }
    (pairs, remaining.into_iter().map(|(pi, _)| pi).collect())
}

const SPEECH_WORDS: &str = "say says said saying tell tells told telling add adds added adding write writes wrote writing
according ask asks asked note notes noted state states stated explain explains explained argue argues argued arguing
claim claims claimed claiming warn warns warned insist insists insisted tweet tweets tweeted tweeting declare declares
declared announce announces announced respond responds responded reply replies replied continue continues continued
recall recalls recalled acknowledge acknowledges acknowledged suggest suggests suggested call calls called quote
quotes quoted quoting admit admits admitted predict predicts predicted report reports reported reporting deny
denies denied confirm confirms confirmed repeat repeated urge urges urged promise promises promised vow vows vowed
comment comments commented describe describes described joke joked boast boasted complain complained
charge charged contend contended assert asserted remark remarked posted posts post : ― — --";

fn speech_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| SPEECH_WORDS.split_whitespace().collect())
}

/// score.py's `is_speech`: some token of the lower-cased cue (`[a-z]+`, `:`, `―`, `—` or `--`) is a speech word.
pub fn is_speech(cue: &str) -> bool {
    let lower: Vec<char> = cue.to_lowercase().chars().collect();
    let words = speech_words();
    let mut i = 0;
    while i < lower.len() {
        let c = lower[i];
        if c.is_ascii_lowercase() {
            let start = i;
            while i < lower.len() && lower[i].is_ascii_lowercase() {
                i += 1;
            }
            let w: String = lower[start..i].iter().collect();
            if words.contains(w.as_str()) {
                return true;
            }
            continue;
        }
        if matches!(c, ':' | '―' | '—') || (c == '-' && lower.get(i + 1) == Some(&'-')) {
            return true;
        }
        i += 1;
    }
    false
}

// Python's NFKD followed by dropping combining marks, for the letters names are written with: generated from
// `unicodedata` for U+00A0–U+024F, U+1E00–U+1EFF, ligatures, full-width and super/subscript digits and letters.
const LATIN_FOLDS: &str = concat!(
    "ªa ²2 ³3 ¹1 ºo Àa Áa Âa Ãa Äa Åa Çc Èe Ée Êe Ëe Ìi Íi Îi Ïi Ñn Òo Óo Ôo Õo Öo Ùu Úu Ûu Üu Ýy àa áa ",
    "âa ãa äa åa çc èe ée êe ëe ìi íi îi ïi ñn òo óo ôo õo öo ùu úu ûu üu ýy ÿy Āa āa Ăa ăa Ąa ąa Ćc ćc ",
    "Ĉc ĉc Ċc ċc Čc čc Ďd ďd Ēe ēe Ĕe ĕe Ėe ėe Ęe ęe Ěe ěe Ĝg ĝg Ğg ğg Ġg ġg Ģg ģg Ĥh ĥh Ĩi ĩi Īi īi Ĭi ",
    "ĭi Įi įi İi Ĳij ĳij Ĵj ĵj Ķk ķk Ĺl ĺl Ļl ļl Ľl ľl Ńn ńn Ņn ņn Ňn ňn Ōo ōo Ŏo ŏo Őo őo Ŕr ŕr Ŗr ŗr Řr ",
    "řr Śs śs Ŝs ŝs Şs şs Šs šs Ţt ţt Ťt ťt Ũu ũu Ūu ūu Ŭu ŭu Ůu ůu Űu űu Ųu ųu Ŵw ŵw Ŷy ŷy Ÿy Źz źz Żz ",
    "żz Žz žz ſs Ơo ơo Ưu ưu Ǆdz ǅdz ǆdz Ǉlj ǈlj ǉlj Ǌnj ǋnj ǌnj Ǎa ǎa Ǐi ǐi Ǒo ǒo Ǔu ǔu Ǖu ǖu Ǘu ǘu Ǚu ",
    "ǚu Ǜu ǜu Ǟa ǟa Ǡa ǡa Ǧg ǧg Ǩk ǩk Ǫo ǫo Ǭo ǭo ǰj Ǳdz ǲdz ǳdz Ǵg ǵg Ǹn ǹn Ǻa ǻa Ȁa ȁa Ȃa ȃa Ȅe ȅe Ȇe ",
    "ȇe Ȉi ȉi Ȋi ȋi Ȍo ȍo Ȏo ȏo Ȑr ȑr Ȓr ȓr Ȕu ȕu Ȗu ȗu Șs șs Țt țt Ȟh ȟh Ȧa ȧa Ȩe ȩe Ȫo ȫo Ȭo ȭo Ȯo ȯo ",
    "Ȱo ȱo Ȳy ȳy Ḁa ḁa Ḃb ḃb Ḅb ḅb Ḇb ḇb Ḉc ḉc Ḋd ḋd Ḍd ḍd Ḏd ḏd Ḑd ḑd Ḓd ḓd Ḕe ḕe Ḗe ḗe Ḙe ḙe Ḛe ḛe Ḝe ",
    "ḝe Ḟf ḟf Ḡg ḡg Ḣh ḣh Ḥh ḥh Ḧh ḧh Ḩh ḩh Ḫh ḫh Ḭi ḭi Ḯi ḯi Ḱk ḱk Ḳk ḳk Ḵk ḵk Ḷl ḷl Ḹl ḹl Ḻl ḻl Ḽl ḽl ",
    "Ḿm ḿm Ṁm ṁm Ṃm ṃm Ṅn ṅn Ṇn ṇn Ṉn ṉn Ṋn ṋn Ṍo ṍo Ṏo ṏo Ṑo ṑo Ṓo ṓo Ṕp ṕp Ṗp ṗp Ṙr ṙr Ṛr ṛr Ṝr ṝr Ṟr ",
    "ṟr Ṡs ṡs Ṣs ṣs Ṥs ṥs Ṧs ṧs Ṩs ṩs Ṫt ṫt Ṭt ṭt Ṯt ṯt Ṱt ṱt Ṳu ṳu Ṵu ṵu Ṷu ṷu Ṹu ṹu Ṻu ṻu Ṽv ṽv Ṿv ṿv ",
    "Ẁw ẁw Ẃw ẃw Ẅw ẅw Ẇw ẇw Ẉw ẉw Ẋx ẋx Ẍx ẍx Ẏy ẏy Ẑz ẑz Ẓz ẓz Ẕz ẕz ẖh ẗt ẘw ẙy ẛs Ạa ạa Ảa ảa Ấa ấa ",
    "Ầa ầa Ẩa ẩa Ẫa ẫa Ậa ậa Ắa ắa Ằa ằa Ẳa ẳa Ẵa ẵa Ặa ặa Ẹe ẹe Ẻe ẻe Ẽe ẽe Ếe ếe Ềe ềe Ểe ểe Ễe ễe Ệe ",
    "ệe Ỉi ỉi Ịi ịi Ọo ọo Ỏo ỏo Ốo ốo Ồo ồo Ổo ổo Ỗo ỗo Ộo ộo Ớo ớo Ờo ờo Ởo ởo Ỡo ỡo Ợo ợo Ụu ụu Ủu ủu ",
    "Ứu ứu Ừu ừu Ửu ửu Ữu ữu Ựu ựu Ỳy ỳy Ỵy ỵy Ỷy ỷy Ỹy ỹy ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst ０0 １1 ２2 ３3 ４4 ",
    "５5 ６6 ７7 ８8 ９9 Ａa Ｂb Ｃc Ｄd Ｅe Ｆf Ｇg Ｈh Ｉi Ｊj Ｋk Ｌl Ｍm Ｎn Ｏo Ｐp Ｑq Ｒr Ｓs Ｔt Ｕu Ｖv Ｗw Ｘx Ｙy Ｚz ａa ｂb ",
    "ｃc ｄd ｅe ｆf ｇg ｈh ｉi ｊj ｋk ｌl ｍm ｎn ｏo ｐp ｑq ｒr ｓs ｔt ｕu ｖv ｗw ｘx ｙy ｚz ⁰0 ⁱi ⁴4 ⁵5 ⁶6 ⁷7 ⁸8 ⁹9 ⁿn ",
    "₀0 ₁1 ₂2 ₃3 ₄4 ₅5 ₆6 ₇7 ₈8 ₉9 ₐa ₑe ₒo ₓx ₕh ₖk ₗl ₘm ₙn ",
);

fn latin_folds() -> &'static HashMap<char, &'static str> {
    static MAP: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        LATIN_FOLDS
            .split(' ')
            .filter_map(|e| {
                let c = e.chars().next()?;
                Some((c, &e[c.len_utf8()..]))
            })
            .collect()
    })
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// score.py's `norm_tokens`: folded, lower-cased ASCII word tokens without possessive `'s` and titles.
pub fn norm_tokens(name: &str) -> Vec<String> {
    let folds = latin_folds();
    let mut s = String::new();
    for c in name.chars() {
        if let Some(r) = folds.get(&c) {
            s.push_str(r);
        } else if !is_combining(c) {
            s.push(c);
        }
    }
    let s: Vec<char> = s.to_lowercase().chars().collect();
    // re.sub(r"[’'`]s\b", "", s)
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut kept = String::new();
    let mut i = 0;
    while i < s.len() {
        if matches!(s[i], '’' | '\'' | '`')
            && s.get(i + 1) == Some(&'s')
            && !s.get(i + 2).is_some_and(|&c| word(c))
        {
            i += 2;
            continue;
        }
        kept.push(s[i]);
        i += 1;
    }
    const DROP: [&str; 10] = [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "president",
        "the",
    ];
    kept.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty() && !DROP.contains(t))
        .map(str::to_string)
        .collect()
}

/// score.py's `same_person` (GGT's resolved-speaker check).
pub fn same_person(pred: &str, reference: &str) -> bool {
    let (p, r) = (norm_tokens(pred), norm_tokens(reference));
    if p.is_empty() || r.is_empty() {
        return false;
    }
    if p == r {
        return true;
    }
    if p.last() != r.last() {
        return false;
    }
    let (ps, rs): (HashSet<_>, HashSet<_>) = (p.iter().collect(), r.iter().collect());
    ps.is_subset(&rs) || rs.is_subset(&ps)
}

/// Python's `round(x, 1)`: correctly rounded, ties to even on the exact binary value (as Rust's formatting).
pub fn round1(x: f64) -> f64 {
    format!("{x:.1}").parse().unwrap_or(x)
}

fn pct(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| round1(100.0 * num as f64 / den as f64))
}

/// The figures score.py prints for one threshold (same keys as its `--json` output).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figures {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub speaker_acc: f64,
    pub resolved_speaker_acc: Option<f64>,
    pub direct_recall: Option<f64>,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

#[derive(Debug, Clone, Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    spk: usize,
    reference: usize,
    reference_n: usize,
    direct_tp: usize,
    direct_n: usize,
    neutral: usize,
}

impl Counts {
    fn figures(&self) -> Figures {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Figures {
            precision: round1(100.0 * p),
            recall: round1(100.0 * r),
            f1: round1(100.0 * f),
            speaker_acc: pct(self.spk, self.tp).unwrap_or(0.0),
            resolved_speaker_acc: pct(self.reference, self.reference_n),
            direct_recall: pct(self.direct_tp, self.direct_n),
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
        }
    }
}

/// Confidence buckets of the calibration table: [lower bound, upper bound).
pub const BUCKETS: [(&str, f64, f64); 4] = [
    ("≥0.9", 0.9, f64::INFINITY),
    ("0.7–0.9", 0.7, 0.9),
    ("0.5–0.7", 0.5, 0.7),
    ("<0.5", f64::NEG_INFINITY, 0.5),
];

/// One row of the calibration table (by confidence) or of the sieve table: what became of the predictions at
/// threshold 0.3.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Row {
    /// The confidence bucket ("≥0.9", …, "no confidence") or the sieve.
    pub label: String,
    pub predictions: usize,
    /// Matched with the right speaker.
    pub correct: usize,
    /// Matched, wrong speaker.
    pub wrong_speaker: usize,
    /// False positives.
    pub unmatched: usize,
    /// Speech view: matched a non-speech attribution (counts neither way).
    pub neutral: usize,
    /// correct / (predictions − neutral), in percent.
    pub accuracy: Option<f64>,
}

impl Row {
    fn new(label: &str) -> Row {
        Row {
            label: label.to_string(),
            ..Default::default()
        }
    }
    fn count(&mut self, outcome: Outcome) {
        self.predictions += 1;
        match outcome {
            Outcome::Correct => self.correct += 1,
            Outcome::WrongSpeaker => self.wrong_speaker += 1,
            Outcome::Unmatched => self.unmatched += 1,
            Outcome::Neutral => self.neutral += 1,
        }
    }
    fn finish(&mut self) {
        self.accuracy = pct(self.correct, self.predictions - self.neutral);
    }
}

/// What became of one prediction at threshold 0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Correct,
    WrongSpeaker,
    Unmatched,
    Neutral,
}

fn bucket_of(confidence: Option<f64>) -> usize {
    match confidence {
        // A small tolerance: confidences come through f32 and two-decimal rounding.
        Some(c) => BUCKETS
            .iter()
            .position(|&(_, lo, _)| c >= lo - 1e-6)
            .unwrap_or(BUCKETS.len()),
        None => BUCKETS.len(),
    }
}

/// Why a gold quote was missed, a prediction is a false alarm or a matched quote has the wrong speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    NoCue,
    SpanTooShort,
    SpanTaken,
    MissedDirect,
    MissedIndirect,
    WrongSpeaker,
    PronounSpeaker,
    UnresolvedSpeaker,
    SpeakerWithoutGold,
    EntityPronoun,
    EntityPartial,
    EntityJunk,
    EntityDescription,
    EntityNone,
    EntityNamedNobody,
    EntityOther,
    FalseAlarmSpan,
    FalseAlarmDuplicate,
    FalseAlarmNonSpeech,
    FalseAlarmNoGold,
    NeutralNonSpeech,
}

/// The three families of causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// False negatives (sum to `fn` at 0.3).
    Miss,
    /// Matched quotes with a wrong speaker (sum to `tp` − speaker-correct at 0.3).
    Speaker,
    /// Matched quotes of the resolved-speaker layer whose speaker entity is wrong (with `--speakers`; sum to the
    /// layer's matched quotes − right ones at 0.3).
    Entity,
    /// False positives (sum to `fp` at 0.3).
    FalseAlarm,
    /// Not counted (speech view: predictions that match a non-speech attribution).
    Neutral,
}

impl Cause {
    pub const ALL: [Cause; 21] = [
        Cause::NoCue,
        Cause::SpanTooShort,
        Cause::SpanTaken,
        Cause::MissedDirect,
        Cause::MissedIndirect,
        Cause::WrongSpeaker,
        Cause::PronounSpeaker,
        Cause::UnresolvedSpeaker,
        Cause::SpeakerWithoutGold,
        Cause::EntityPronoun,
        Cause::EntityPartial,
        Cause::EntityJunk,
        Cause::EntityDescription,
        Cause::EntityNone,
        Cause::EntityNamedNobody,
        Cause::EntityOther,
        Cause::FalseAlarmSpan,
        Cause::FalseAlarmDuplicate,
        Cause::FalseAlarmNonSpeech,
        Cause::FalseAlarmNoGold,
        Cause::NeutralNonSpeech,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Cause::NoCue => "no cue found",
            Cause::SpanTooShort => "span too short / wrong end",
            Cause::SpanTaken => "span taken by another quote",
            Cause::MissedDirect => "missed direct quote",
            Cause::MissedIndirect => "missed indirect",
            Cause::WrongSpeaker => "wrong speaker",
            Cause::PronounSpeaker => "pronoun speaker",
            Cause::UnresolvedSpeaker => "unresolved speaker",
            Cause::SpeakerWithoutGold => "speaker where gold has none",
            Cause::EntityPronoun => "pronoun to the wrong antecedent",
            Cause::EntityPartial => "mention not linked to its full name",
            Cause::EntityJunk => "non-name taken for a name",
            Cause::EntityDescription => "role or description not linked",
            Cause::EntityNone => "no entity",
            Cause::EntityNamedNobody => "named where the article names nobody",
            Cause::EntityOther => "another entity",
            Cause::FalseAlarmSpan => "false alarm: span too long / wrong end",
            Cause::FalseAlarmDuplicate => "false alarm: duplicate of a matched quote",
            Cause::FalseAlarmNonSpeech => "false alarm: non-speech attribution",
            Cause::FalseAlarmNoGold => "false alarm: no gold",
            Cause::NeutralNonSpeech => "not counted: matches a non-speech attribution",
        }
    }
    pub fn explanation(self) -> &'static str {
        match self {
            Cause::NoCue => {
                "no prediction overlaps the gold quote and no predicted cue overlaps its cue"
            }
            Cause::SpanTooShort => {
                "a prediction overlaps the gold quote but covers at most 30% of it"
            }
            Cause::SpanTaken => {
                "the only overlapping predictions were matched to other gold quotes (merged spans?)"
            }
            Cause::MissedDirect => {
                "the gold cue was found (for another quote) but this quoted passage was not"
            }
            Cause::MissedIndirect => {
                "the gold cue was found (for another quote) but this reported clause was not"
            }
            Cause::WrongSpeaker => "matched, but the speaker span does not overlap the gold source",
            Cause::PronounSpeaker => {
                "matched, wrong speaker, and the predicted or the gold speaker is a pronoun"
            }
            Cause::UnresolvedSpeaker => {
                "matched, gold has a source but the predicted speaker is null"
            }
            Cause::SpeakerWithoutGold => "matched, gold has no source but a speaker was predicted",
            Cause::EntityPronoun => {
                "the predicted speaker mention is a pronoun, resolved to another entity or to none"
            }
            Cause::EntityPartial => {
                "the predicted name shares a word with the gold entity but is not the same person by the rule"
            }
            Cause::EntityJunk => {
                "the predicted name is not a name (see the junk audit: contraction, common word, …)"
            }
            Cause::EntityDescription => {
                "the predicted speaker is a description, not a name (\"a spokeswoman\", \"aides to Mr. Obama\"), where the gold names someone"
            }
            Cause::EntityNone => "no predicted speaker where the gold names someone",
            Cause::EntityNamedNobody => {
                "the gold entity is null (the article never says who) but the prediction names someone"
            }
            Cause::EntityOther => "the predicted name is someone else, no word in common with the gold entity",
            Cause::FalseAlarmSpan => "overlaps a missed gold quote but covers at most 30% of it",
            Cause::FalseAlarmDuplicate => {
                "overlaps only gold quotes already matched by other predictions"
            }
            Cause::FalseAlarmNonSpeech => {
                "overlaps only a non-speech attribution (belief, plan, …), not enough to match"
            }
            Cause::FalseAlarmNoGold => "overlaps no gold attribution at all",
            Cause::NeutralNonSpeech => {
                "matches a non-speech attribution: neither right nor wrong in the speech view"
            }
        }
    }
    pub fn family(self) -> Family {
        match self {
            Cause::NoCue
            | Cause::SpanTooShort
            | Cause::SpanTaken
            | Cause::MissedDirect
            | Cause::MissedIndirect => Family::Miss,
            Cause::WrongSpeaker
            | Cause::PronounSpeaker
            | Cause::UnresolvedSpeaker
            | Cause::SpeakerWithoutGold => Family::Speaker,
            Cause::EntityPronoun
            | Cause::EntityPartial
            | Cause::EntityJunk
            | Cause::EntityDescription
            | Cause::EntityNone
            | Cause::EntityNamedNobody
            | Cause::EntityOther => Family::Entity,
            Cause::FalseAlarmSpan
            | Cause::FalseAlarmDuplicate
            | Cause::FalseAlarmNonSpeech
            | Cause::FalseAlarmNoGold => Family::FalseAlarm,
            Cause::NeutralNonSpeech => Family::Neutral,
        }
    }
}

/// One example of an error, with its context.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Example {
    pub doc: String,
    /// The gold content span (code points), when there is one.
    pub gold: Option<Range>,
    /// The prediction's span, when there is one.
    pub pred: Option<Range>,
    /// The sentence(s) around, with the marks of [`MARKS_LEGEND`]; long stretches elided with "…".
    pub context: String,
    /// What the gold and the prediction say (cue, speakers, kind, sieve, confidence).
    pub detail: String,
}

/// The marks used in [`Example::context`].
pub const MARKS_LEGEND: &str =
    "⟦gold quote⟧ ⟨gold cue⟩ ⦃gold speaker⦄ ⟪predicted quote⟫ ⟮predicted cue⟯ ⦅predicted speaker⦆";

/// All errors of one cause.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ErrorGroup {
    pub cause: Cause,
    pub label: &'static str,
    pub family: Family,
    pub explanation: &'static str,
    pub count: usize,
    /// For misses and speaker errors: how many gold quotes were direct (`“` or `"` in the content).
    pub direct: usize,
    /// How many examples of each prediction sieve (false alarms and speaker errors).
    pub sieves: BTreeMap<String, usize>,
    pub examples: Vec<Example>,
}

/// Gold cue words (by stem) among the misses.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CueCount {
    /// The cue's head word forms seen, most frequent first.
    pub forms: Vec<String>,
    pub missed: usize,
    /// Misses with no predicted cue over the gold cue: candidates for the cue lexicon.
    pub no_cue: usize,
    pub total: usize,
    /// Whether the scorer treats the cue as speech.
    pub speech: bool,
}

/// The error analysis of one view at threshold 0.3.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ErrorReport {
    pub view: &'static str,
    pub threshold: f64,
    pub legend: &'static str,
    pub groups: Vec<ErrorGroup>,
    /// Missed gold cues by stem, most missed first.
    pub missed_cues: Vec<CueCount>,
}

/// The figures of one view.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewReport {
    /// Gold quotes in the view.
    pub gold: usize,
    #[serde(rename = "@0.3")]
    pub at_03: Figures,
    #[serde(rename = "@0.8")]
    pub at_08: Figures,
    /// Speech view at 0.3: predictions that matched a non-speech attribution.
    pub neutral: usize,
    /// Predictions by confidence.
    pub calibration: Vec<Row>,
    /// Predictions by the sieve that made them, most frequent first.
    pub by_sieve: Vec<Row>,
    /// With a resolved-speaker layer: its matched quotes and how many have the right entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_speakers: Option<ResolvedCounts>,
}

/// Resolved-speaker counts at one threshold: matched gold quotes that the layer covers, and those whose predicted
/// entity is right ([`speakers::resolved_right`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Resolved {
    pub right: usize,
    pub matched: usize,
}

/// [`Resolved`] at both thresholds.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ResolvedCounts {
    #[serde(rename = "@0.3")]
    pub at_03: Resolved,
    #[serde(rename = "@0.8")]
    pub at_08: Resolved,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub format: &'static str,
    pub docs: usize,
    pub docs_missing: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speech: Option<ViewReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<ViewReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<ErrorReport>,
    /// With `--speakers`: what became of the resolved-speaker layer (filled by the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_layer: Option<LayerSummary>,
    /// With `--junk`: speaker entities whose name is not a name (filled by the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub junk: Option<JunkReport>,
}

struct ViewAcc {
    view: View,
    gold: usize,
    counts: [Counts; 2],
    calibration: Vec<Row>,
    by_sieve: HashMap<String, Row>,
}

struct GroupAcc {
    count: usize,
    direct: usize,
    sieves: BTreeMap<String, usize>,
    examples: Vec<Example>,
    /// Examples from documents that already have one, to fill up with when there are few documents.
    spare: Vec<Example>,
    docs_with_examples: HashSet<String>,
}

#[derive(Default)]
struct CueAcc {
    forms: HashMap<String, usize>,
    missed: usize,
    no_cue: usize,
    total: usize,
    speech: bool,
}

struct ErrorAcc {
    view: View,
    /// A resolved-speaker layer is attached: report the entity family.
    speakers: bool,
    examples: usize,
    groups: Vec<GroupAcc>,
    cues: HashMap<String, CueAcc>,
}

/// Accumulates the scores document by document (so a large gold file streams).
pub struct Evaluator {
    format: Format,
    speakers: bool,
    docs: usize,
    docs_missing: usize,
    views: Vec<ViewAcc>,
    errors: Option<ErrorAcc>,
}

/// Per document and view: the view's gold quotes and the matching at one threshold.
struct Matching {
    /// Indices (into the doc's quotes) of the view's gold quotes.
    gold: Vec<usize>,
    /// Indices of the other gold quotes (speech view: the non-speech attributions).
    other: Vec<usize>,
    /// (view gold position, prediction index).
    pairs: Vec<(usize, usize)>,
    /// Unmatched predictions.
    remaining: Vec<usize>,
    /// (other gold position, prediction index): leftovers that match a non-speech attribution.
    neutral: Vec<(usize, usize)>,
}

fn run_matching(doc: &GoldDoc, preds: &[PredQuote], view: View, thr: f64) -> Matching {
    let (gold, other): (Vec<usize>, Vec<usize>) = match view {
        View::Speech => (0..doc.quotes.len()).partition(|&i| doc.quotes[i].speech),
        View::All => ((0..doc.quotes.len()).collect(), Vec::new()),
    };
    let spans: Vec<Range> = gold.iter().map(|&i| doc.quotes[i].span).collect();
    let cands: Vec<(usize, Range)> = preds.iter().enumerate().map(|(i, p)| (i, p.span)).collect();
    let (pairs, remaining) = greedy(&spans, &cands, thr);
    let neutral = if other.is_empty() {
        Vec::new()
    } else {
        let other_spans: Vec<Range> = other.iter().map(|&i| doc.quotes[i].span).collect();
        let rest: Vec<(usize, Range)> = remaining.iter().map(|&i| (i, preds[i].span)).collect();
        greedy(&other_spans, &rest, thr).0
    };
    Matching {
        gold,
        other,
        pairs,
        remaining,
        neutral,
    }
}

fn speaker_ok(g: &GoldQuote, p: &PredQuote) -> bool {
    overlaps(g.speaker_span, p.speaker_span)
        || (g.speaker_span.is_none() && p.speaker_span.is_none())
}

/// Options of an evaluation.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    /// Views to report, in order; the first one gets the error analysis.
    pub views: Vec<View>,
    /// `Some(n)`: run the error analysis with up to `n` examples per cause.
    pub errors: Option<usize>,
    /// The gold documents carry a resolved-speaker layer ([`GoldDoc::attach_speakers`]): report resolved-speaker
    /// counts and, with `errors`, the wrong entities by cause.
    pub speakers: bool,
}

impl Evaluator {
    pub fn new(opts: &Options) -> Evaluator {
        let views = opts
            .views
            .iter()
            .map(|&view| ViewAcc {
                view,
                gold: 0,
                counts: Default::default(),
                calibration: BUCKETS
                    .iter()
                    .map(|b| b.0)
                    .chain(["no confidence"])
                    .map(Row::new)
                    .collect(),
                by_sieve: HashMap::new(),
            })
            .collect();
        let errors = opts
            .errors
            .zip(opts.views.first())
            .map(|(examples, &view)| ErrorAcc {
                view,
                speakers: opts.speakers,
                examples,
                groups: Cause::ALL
                    .iter()
                    .map(|_| GroupAcc {
                        count: 0,
                        direct: 0,
                        sieves: BTreeMap::new(),
                        examples: Vec::new(),
                        spare: Vec::new(),
                        docs_with_examples: HashSet::new(),
                    })
                    .collect(),
                cues: HashMap::new(),
            });
        Evaluator {
            format: opts.format,
            speakers: opts.speakers,
            docs: 0,
            docs_missing: 0,
            views,
            errors,
        }
    }

    /// Scores one document; `preds` is `None` when the document has no prediction record.
    pub fn add(&mut self, doc: &GoldDoc, preds: Option<&[PredQuote]>) {
        self.docs += 1;
        if preds.is_none() {
            self.docs_missing += 1;
        }
        let preds = preds.unwrap_or(&[]);
        let ggt = self.format == Format::Ggt;
        for acc in &mut self.views {
            for (t, &thr) in THRESHOLDS.iter().enumerate() {
                let m = run_matching(doc, preds, acc.view, thr);
                let c = &mut acc.counts[t];
                c.tp += m.pairs.len();
                c.fp += m.remaining.len() - m.neutral.len();
                c.fn_ += m.gold.len() - m.pairs.len();
                c.neutral += m.neutral.len();
                c.direct_n += m.gold.iter().filter(|&&i| doc.quotes[i].direct).count();
                for &(gi, pi) in &m.pairs {
                    let (g, p) = (&doc.quotes[m.gold[gi]], &preds[pi]);
                    c.direct_tp += g.direct as usize;
                    c.spk += speaker_ok(g, p) as usize;
                    if ggt && !g.reference.is_empty() {
                        c.reference_n += 1;
                        c.reference += same_person(&p.name, &g.reference) as usize;
                    }
                    if let Some(r) = &g.resolved {
                        c.reference_n += 1;
                        c.reference += speakers::resolved_right(r, p) as usize;
                    }
                }
                if t == 0 {
                    acc.gold += m.gold.len();
                    let mut outcome = vec![Outcome::Unmatched; preds.len()];
                    for &(gi, pi) in &m.pairs {
                        outcome[pi] = if speaker_ok(&doc.quotes[m.gold[gi]], &preds[pi]) {
                            Outcome::Correct
                        } else {
                            Outcome::WrongSpeaker
                        };
                    }
                    for &(_, pi) in &m.neutral {
                        outcome[pi] = Outcome::Neutral;
                    }
                    for (p, o) in preds.iter().zip(outcome) {
                        acc.calibration[bucket_of(p.confidence)].count(o);
                        let sieve = if p.sieve.is_empty() {
                            "(none)"
                        } else {
                            p.sieve.as_str()
                        };
                        acc.by_sieve
                            .entry(sieve.to_string())
                            .or_insert_with(|| Row::new(sieve))
                            .count(o);
                    }
                    if let Some(err) = self.errors.as_mut().filter(|e| e.view == acc.view) {
                        err.add(doc, preds, &m);
                    }
                }
            }
        }
    }

    pub fn finish(self) -> Report {
        let mut report = Report {
            format: self.format.as_str(),
            docs: self.docs,
            docs_missing: self.docs_missing,
            speech: None,
            all: None,
            errors: self.errors.map(ErrorAcc::finish),
            speaker_layer: None,
            junk: None,
        };
        for acc in self.views {
            let mut calibration = acc.calibration;
            if calibration.last().is_some_and(|b| b.predictions == 0) {
                calibration.pop();
            }
            calibration.iter_mut().for_each(Row::finish);
            let mut by_sieve: Vec<Row> = acc.by_sieve.into_values().collect();
            by_sieve.iter_mut().for_each(Row::finish);
            by_sieve.sort_by(|a, b| {
                b.predictions
                    .cmp(&a.predictions)
                    .then_with(|| a.label.cmp(&b.label))
            });
            let r = ViewReport {
                gold: acc.gold,
                at_03: acc.counts[0].figures(),
                at_08: acc.counts[1].figures(),
                neutral: acc.counts[0].neutral,
                calibration,
                by_sieve,
                resolved_speakers: self.speakers.then(|| {
                    let [a, b] = &acc.counts;
                    ResolvedCounts {
                        at_03: Resolved {
                            right: a.reference,
                            matched: a.reference_n,
                        },
                        at_08: Resolved {
                            right: b.reference,
                            matched: b.reference_n,
                        },
                    }
                }),
            };
            match acc.view {
                View::Speech => report.speech = Some(r),
                View::All => report.all = Some(r),
            }
        }
        report
    }
}

/// The cause of a wrong entity (the [`Family::Entity`] causes), the first that applies: no predicted speaker; a
/// predicted name that is not a name (`junk`, see [`junk`]); a pronoun mention; a gold entity that is null; a
/// description ([`speakers::names_someone`] is false: "a spokeswoman"); a name that shares a word
/// with the gold entity; another entity.
pub fn entity_cause(gold: &ResolvedSpeaker, p: &PredQuote, junk: bool) -> Cause {
    if p.name.trim().is_empty() {
        Cause::EntityNone
    } else if junk {
        Cause::EntityJunk
    } else if is_pronoun(&p.speaker_text) {
        Cause::EntityPronoun
    } else if let Some(e) = &gold.entity {
        let gold_words: HashSet<String> = norm_tokens(e).into_iter().collect();
        if !speakers::names_someone(&p.name) {
            Cause::EntityDescription
        } else if norm_tokens(&p.name).iter().any(|w| gold_words.contains(w)) {
            Cause::EntityPartial
        } else {
            Cause::EntityOther
        }
    } else {
        Cause::EntityNamedNobody
    }
}

const PRONOUNS: [&str; 20] = [
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its", "their", "us",
    "me", "my", "our", "your", "who", "one",
];

fn is_pronoun(s: &str) -> bool {
    let t = s.trim().to_lowercase();
    PRONOUNS.contains(&t.as_str())
}

/// Code-point view of a document's text for context snippets.
struct Chars {
    chars: Vec<char>,
}

impl Chars {
    fn new(text: &str) -> Chars {
        Chars {
            chars: text.chars().collect(),
        }
    }
    fn clamp(&self, i: i64) -> usize {
        i.clamp(0, self.chars.len() as i64) as usize
    }
    fn slice(&self, r: Range) -> String {
        let (s, e) = (self.clamp(r.0), self.clamp(r.1));
        if s >= e {
            return String::new();
        }
        self.chars[s..e].iter().collect()
    }

    fn sentence_start(&self, from: usize) -> usize {
        let c = &self.chars;
        let mut j = from.min(c.len());
        let limit = from.saturating_sub(300);
        while j > limit {
            let prev = c[j - 1];
            if prev == '\n' {
                return j;
            }
            if prev.is_whitespace() && j >= 2 {
                // Skip closing quotes back to a sentence end.
                let mut k = j - 1;
                while k > 0 && matches!(c[k - 1], '"' | '”' | '’' | '\'' | ')') {
                    k -= 1;
                }
                if k > 0 && matches!(c[k - 1], '.' | '!' | '?') {
                    return j;
                }
            }
            j -= 1;
        }
        j
    }

    fn sentence_end(&self, from: usize) -> usize {
        let c = &self.chars;
        let mut k = from.min(c.len());
        let limit = (from + 300).min(c.len());
        while k < limit {
            if c[k] == '\n' {
                return k;
            }
            if matches!(c[k], '.' | '!' | '?') {
                let mut e = k + 1;
                while e < c.len() && matches!(c[e], '"' | '”' | '’' | '\'' | ')') {
                    e += 1;
                }
                if e >= c.len() || c[e].is_whitespace() {
                    return e;
                }
            }
            k += 1;
        }
        k
    }

    /// The sentences around `marks` with the marks inserted; long stretches between marks are elided.
    fn context(&self, marks: &[(Range, &str, &str)]) -> String {
        let mut ins: Vec<(usize, u8, &str)> = Vec::new();
        for &(r, open, close) in marks {
            let (s, e) = (self.clamp(r.0), self.clamp(r.1));
            if s < e {
                ins.push((s, 1, open));
                ins.push((e, 0, close));
            }
        }
        if ins.is_empty() {
            return String::new();
        }
        ins.sort_by_key(|&(pos, order, _)| (pos, order));
        let lo = self.sentence_start(ins[0].0);
        let hi = self
            .sentence_end(ins[ins.len() - 1].0)
            .max(ins[ins.len() - 1].0);
        let mut out = String::new();
        let mut at = lo;
        let n_ins = ins.len();
        for (k, &(pos, _, mark)) in ins.iter().enumerate() {
            let gap = &self.chars[at..pos];
            let max = if k == 0 { 100 } else { 140 };
            if gap.len() > max {
                let keep = if k == 0 { 0 } else { 60 };
                push_clean(&mut out, &gap[..keep]);
                out.push_str(if k == 0 { "… " } else { " … " });
                push_clean(
                    &mut out,
                    &gap[gap.len() - (max - keep - 40).min(gap.len())..],
                );
            } else {
                push_clean(&mut out, gap);
            }
            out.push_str(mark);
            at = pos;
            if k + 1 == n_ins {
                let tail = &self.chars[at..hi];
                if tail.len() > 100 {
                    push_clean(&mut out, &tail[..80]);
                    out.push_str(" …");
                } else {
                    push_clean(&mut out, tail);
                }
            }
        }
        out
    }
}

/// Appends `chars` with whitespace runs and control characters collapsed to one space.
fn push_clean(out: &mut String, chars: &[char]) {
    for &c in chars {
        if c.is_whitespace() || c.is_control() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// A crude stem for grouping cue word forms ("says", "said", "saying" → "say").
fn stem(word: &str) -> String {
    const IRREGULAR: [(&str, &str); 26] = [
        ("said", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("written", "write"),
        ("writing", "write"),
        ("thought", "think"),
        ("felt", "feel"),
        ("knew", "know"),
        ("known", "know"),
        ("saw", "see"),
        ("seen", "see"),
        ("heard", "hear"),
        ("spoke", "speak"),
        ("spoken", "speak"),
        ("taught", "teach"),
        ("found", "find"),
        ("meant", "mean"),
        ("gave", "give"),
        ("given", "give"),
        ("made", "make"),
        ("took", "take"),
        ("taken", "take"),
        ("sought", "seek"),
        ("held", "hold"),
        ("shown", "show"),
        ("understood", "understand"),
    ];
    if let Some((_, base)) = IRREGULAR.iter().find(|(w, _)| *w == word) {
        return stem(base);
    }
    let mut w = word.to_string();
    let undouble = |w: &mut String| {
        let b = w.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1])
        {
            w.pop();
        }
    };
    if w.len() > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
        undouble(&mut w);
    } else if w.len() > 4 && w.ends_with("ed") {
        w.truncate(w.len() - 2);
        undouble(&mut w);
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// The head word of a cue: its first word that is not an auxiliary, adverb or pronoun.
fn cue_head(cue: &str) -> Option<String> {
    const SKIP: [&str; 44] = [
        "is", "was", "were", "are", "be", "been", "being", "am", "has", "have", "had", "will",
        "would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "also",
        "not", "never", "the", "a", "an", "to", "he", "she", "they", "it", "we", "i", "you", "who",
        "that", "and", "just", "later", "then", "again", "still",
    ];
    let lower = cue.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty());
    let first = words.clone().next();
    words
        .find(|w| !SKIP.contains(w))
        .or(first)
        .map(str::to_string)
        .or_else(|| {
            let t = cue.trim();
            (!t.is_empty()).then(|| t.to_string())
        })
}

impl ErrorAcc {
    fn record(
        &mut self,
        cause: Cause,
        doc_id: &str,
        direct: bool,
        sieve: Option<&str>,
        make: impl FnOnce() -> Example,
    ) {
        let g = &mut self.groups[cause as usize];
        g.count += 1;
        g.direct += direct as usize;
        if let Some(s) = sieve {
            *g.sieves
                .entry(if s.is_empty() {
                    "(none)".into()
                } else {
                    s.to_string()
                })
                .or_default() += 1;
        }
        // Examples from distinct documents first; later ones fill up if there are few documents.
        if g.examples.len() < self.examples {
            if g.docs_with_examples.insert(doc_id.to_string()) {
                g.examples.push(make());
            } else if g.spare.len() < self.examples - g.examples.len() {
                g.spare.push(make());
            }
        }
    }

    fn add(&mut self, doc: &GoldDoc, preds: &[PredQuote], m: &Matching) {
        let chars = Chars::new(&doc.text);
        let doc_id = match &doc.id {
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let matched_gold: HashSet<usize> = m.pairs.iter().map(|&(gi, _)| gi).collect();
        let used: HashSet<usize> = m
            .pairs
            .iter()
            .map(|&(_, pi)| pi)
            .chain(m.neutral.iter().map(|&(_, pi)| pi))
            .collect();
        let gold_marks = |g: &GoldQuote| {
            let mut marks = vec![(g.span, "⟦", "⟧")];
            marks.extend(g.cue_spans.iter().map(|&r| (r, "⟨", "⟩")));
            marks.extend(g.speaker_span.map(|r| (r, "⦃", "⦄")));
            marks
        };
        let gold_detail = |g: &GoldQuote| {
            let source = g
                .speaker_span
                .map(|r| chars.slice(r))
                .unwrap_or_else(|| "none".into());
            format!(
                "gold: {}, cue «{}»{}, source «{}»",
                if g.direct { "direct" } else { "indirect" },
                g.cue,
                if g.speech { "" } else { " (non-speech)" },
                source
            )
        };
        let pred_detail = |p: &PredQuote| {
            let conf = p
                .confidence
                .map(|c| format!("{c:.2}"))
                .unwrap_or_else(|| "–".into());
            format!(
                "predicted: {}, cue «{}», speaker «{}», sieve {}, confidence {conf}",
                p.kind,
                p.cue_text,
                if p.speaker_span.is_some() {
                    p.speaker_text.as_str()
                } else {
                    "null"
                },
                if p.sieve.is_empty() { "–" } else { &p.sieve }
            )
        };

        // Cue words among the view's gold quotes.
        for (gi, &q) in m.gold.iter().enumerate() {
            let g = &doc.quotes[q];
            if let Some(head) = cue_head(&g.cue) {
                let e = self.cues.entry(stem(&head)).or_default();
                e.total += 1;
                e.speech |= g.speech;
                if !matched_gold.contains(&gi) {
                    e.missed += 1;
                    *e.forms.entry(head).or_default() += 1;
                } else {
                    e.forms.entry(head).or_default();
                }
            }
        }

        // Misses.
        for (gi, &q) in m.gold.iter().enumerate() {
            if matched_gold.contains(&gi) {
                continue;
            }
            let g = &doc.quotes[q];
            let overlapping: Vec<usize> = (0..preds.len())
                .filter(|&pi| intersects(g.span, preds[pi].span))
                .collect();
            let free = overlapping
                .iter()
                .copied()
                .filter(|pi| !used.contains(pi))
                .max_by(|&a, &b| {
                    cover(g.span, preds[a].span)
                        .total_cmp(&cover(g.span, preds[b].span))
                        .then(b.cmp(&a))
                });
            let cue_found = preds.iter().any(|p| {
                p.cue_span
                    .is_some_and(|c| g.cue_spans.iter().any(|&gc| intersects(gc, c)))
            });
            let shown = free.or(overlapping.first().copied());
            let cause = if free.is_some() {
                Cause::SpanTooShort
            } else if !overlapping.is_empty() {
                Cause::SpanTaken
            } else if !g.cue_spans.is_empty() && !cue_found {
                Cause::NoCue
            } else if g.direct {
                Cause::MissedDirect
            } else {
                Cause::MissedIndirect
            };
            if cause == Cause::NoCue {
                if let Some(head) = cue_head(&g.cue) {
                    self.cues.entry(stem(&head)).or_default().no_cue += 1;
                }
            }
            self.record(cause, &doc_id, g.direct, None, || {
                let mut marks = gold_marks(g);
                let mut detail = gold_detail(g);
                if let Some(pi) = shown {
                    let p = &preds[pi];
                    marks.push((p.span, "⟪", "⟫"));
                    marks.extend(p.cue_span.map(|r| (r, "⟮", "⟯")));
                    detail.push_str(&format!(
                        "; overlapping {} (covers {:.0}%)",
                        pred_detail(p),
                        100.0 * cover(g.span, p.span)
                    ));
                }
                Example {
                    doc: doc_id.clone(),
                    gold: Some(g.span),
                    pred: shown.map(|pi| preds[pi].span),
                    context: chars.context(&marks),
                    detail,
                }
            });
        }

        // Speaker errors among the matches.
        for &(gi, pi) in &m.pairs {
            let (g, p) = (&doc.quotes[m.gold[gi]], &preds[pi]);
            if speaker_ok(g, p) {
                continue;
            }
            let cause = match (g.speaker_span, p.speaker_span) {
                (Some(_), None) => Cause::UnresolvedSpeaker,
                (None, _) => Cause::SpeakerWithoutGold,
                (Some(gs), Some(_)) => {
                    if is_pronoun(&p.speaker_text) || is_pronoun(&chars.slice(gs)) {
                        Cause::PronounSpeaker
                    } else {
                        Cause::WrongSpeaker
                    }
                }
            };
            self.record(cause, &doc_id, g.direct, Some(&p.sieve), || {
                let mut marks = gold_marks(g);
                marks.extend(p.speaker_span.map(|r| (r, "⦅", "⦆")));
                Example {
                    doc: doc_id.clone(),
                    gold: Some(g.span),
                    pred: Some(p.span),
                    context: chars.context(&marks),
                    detail: format!("{}; {}", gold_detail(g), pred_detail(p)),
                }
            });
        }

        // Wrong entities among the matches the resolved-speaker layer covers.
        let mut evidence: Option<Evidence> = None;
        for &(gi, pi) in &m.pairs {
            let (g, p) = (&doc.quotes[m.gold[gi]], &preds[pi]);
            let Some(r) = &g.resolved else { continue };
            if speakers::resolved_right(r, p) {
                continue;
            }
            let junk = evidence
                .get_or_insert_with(|| Evidence::new(&doc.text))
                .junk_reason(&p.name);
            let cause = entity_cause(r, p, junk.is_some());
            self.record(cause, &doc_id, g.direct, Some(&p.sieve), || {
                let mut marks = vec![(g.span, "⟦", "⟧")];
                marks.extend(g.speaker_span.map(|r| (r, "⦃", "⦄")));
                marks.extend(p.speaker_span.map(|r| (r, "⦅", "⦆")));
                let entity = match (&r.entity, &r.kind) {
                    (Some(e), Some(k)) => format!("«{e}» ({k})"),
                    (Some(e), None) => format!("«{e}»"),
                    (None, _) => "null (the article never says who)".into(),
                };
                Example {
                    doc: doc_id.clone(),
                    gold: Some(g.span),
                    pred: Some(p.span),
                    context: chars.context(&marks),
                    detail: format!(
                        "gold entity {entity}, source «{}»; predicted name «{}»{}, mention «{}», sieve {}",
                        g.speaker_span
                            .map(|r| chars.slice(r))
                            .unwrap_or_else(|| "none".into()),
                        p.name,
                        junk.map(|j| format!(" (not a name: {})", j.label()))
                            .unwrap_or_default(),
                        if p.speaker_span.is_some() {
                            p.speaker_text.as_str()
                        } else {
                            "null"
                        },
                        if p.sieve.is_empty() { "–" } else { &p.sieve }
                    ),
                }
            });
        }

        // False alarms and (speech view) predictions matching a non-speech attribution.
        let neutral: HashSet<usize> = m.neutral.iter().map(|&(_, pi)| pi).collect();
        for &pi in &m.remaining {
            let p = &preds[pi];
            let touching = |golds: &[usize]| -> Vec<usize> {
                golds
                    .iter()
                    .copied()
                    .filter(|&q| intersects(doc.quotes[q].span, p.span))
                    .collect()
            };
            let view_touch: Vec<usize> = m
                .gold
                .iter()
                .enumerate()
                .filter(|&(_, &q)| intersects(doc.quotes[q].span, p.span))
                .map(|(gi, _)| gi)
                .collect();
            let other_touch = touching(&m.other);
            let unmatched_touch = view_touch
                .iter()
                .find(|gi| !matched_gold.contains(gi))
                .map(|&gi| m.gold[gi]);
            let (cause, gold) = if neutral.contains(&pi) {
                let oi = m
                    .neutral
                    .iter()
                    .find(|&&(_, x)| x == pi)
                    .map(|&(oi, _)| m.other[oi]);
                (Cause::NeutralNonSpeech, oi)
            } else if let Some(q) = unmatched_touch {
                (Cause::FalseAlarmSpan, Some(q))
            } else if let Some(&gi) = view_touch.first() {
                (Cause::FalseAlarmDuplicate, Some(m.gold[gi]))
            } else if let Some(&q) = other_touch.first() {
                (Cause::FalseAlarmNonSpeech, Some(q))
            } else {
                (Cause::FalseAlarmNoGold, None)
            };
            let direct = p.kind == "direct";
            self.record(cause, &doc_id, direct, Some(&p.sieve), || {
                let mut marks = vec![(p.span, "⟪", "⟫")];
                marks.extend(p.cue_span.map(|r| (r, "⟮", "⟯")));
                marks.extend(p.speaker_span.map(|r| (r, "⦅", "⦆")));
                let mut detail = pred_detail(p);
                if let Some(q) = gold {
                    let g = &doc.quotes[q];
                    marks.push((g.span, "⟦", "⟧"));
                    detail.push_str(&format!(
                        "; {} (covered {:.0}%)",
                        gold_detail(g),
                        100.0 * cover(g.span, p.span)
                    ));
                }
                Example {
                    doc: doc_id.clone(),
                    gold: gold.map(|q| doc.quotes[q].span),
                    pred: Some(p.span),
                    context: chars.context(&marks),
                    detail,
                }
            });
        }
    }

    fn finish(self) -> ErrorReport {
        let speakers = self.speakers;
        let groups = Cause::ALL
            .iter()
            .zip(self.groups)
            .filter(|(c, _)| speakers || c.family() != Family::Entity)
            .map(|(&cause, mut g)| {
                let room = self.examples.saturating_sub(g.examples.len());
                g.examples.extend(g.spare.into_iter().take(room));
                ErrorGroup {
                    cause,
                    label: cause.label(),
                    family: cause.family(),
                    explanation: cause.explanation(),
                    count: g.count,
                    direct: g.direct,
                    sieves: g.sieves,
                    examples: g.examples,
                }
            })
            .collect();
        let mut missed_cues: Vec<CueCount> = self
            .cues
            .into_values()
            .filter(|c| c.missed > 0)
            .map(|c| {
                let mut forms: Vec<(String, usize)> = c.forms.into_iter().collect();
                forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                CueCount {
                    forms: forms.into_iter().map(|f| f.0).collect(),
                    missed: c.missed,
                    no_cue: c.no_cue,
                    total: c.total,
                    speech: c.speech,
                }
            })
            .collect();
        missed_cues.sort_by(|a, b| b.missed.cmp(&a.missed).then_with(|| a.forms.cmp(&b.forms)));
        ErrorReport {
            view: self.view.as_str(),
            threshold: THRESHOLDS[0],
            legend: MARKS_LEGEND,
            groups,
            missed_cues,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_is_of_the_gold_span() {
        assert_eq!(cover((10, 20), (15, 40)), 0.5);
        assert_eq!(cover((10, 20), (0, 100)), 1.0);
        assert_eq!(cover((10, 20), (20, 30)), 0.0);
        assert_eq!(cover((10, 10), (0, 100)), 0.0);
        assert!(!overlaps(Some((0, 5)), Some((5, 9))) && overlaps(Some((0, 6)), Some((5, 9))));
        assert!(!overlaps(None, Some((0, 9))));
    }

    #[test]
    fn greedy_matching_takes_the_best_remaining_and_the_first_on_ties() {
        // Gold 0 prefers candidate 2 (full cover) over 1 (0.8); gold 1 then gets 1 (4/12); 3 is left.
        let golds = [(0, 10), (8, 20)];
        let cands = [(1, (2, 12)), (2, (0, 10)), (3, (50, 60))];
        let (pairs, rest) = greedy(&golds, &cands, 0.3);
        assert_eq!(pairs, [(0, 2), (1, 1)]);
        assert_eq!(rest, [3]);
        // Equal coverage: the earlier candidate wins.
        let (pairs, rest) = greedy(&[(0, 10)], &[(7, (0, 5)), (8, (5, 10))], 0.3);
        assert_eq!((pairs, rest), (vec![(0, 7)], vec![8]));
        // Coverage must exceed the threshold strictly.
        assert!(greedy(&[(0, 10)], &[(0, (0, 3))], 0.3).0.is_empty());
    }

    #[test]
    fn speech_cues_as_score_py_tokenises_them() {
        for cue in [
            "said",
            "Told reporters",
            "according to",
            ":",
            "—",
            "--",
            "has SAID that",
            "tweeted:",
        ] {
            assert!(is_speech(cue), "{cue}");
        }
        for cue in [
            "believes", "said-ish", "-", "thinks", "", "sayings", "posted-",
        ] {
            assert_eq!(
                is_speech(cue),
                cue == "said-ish" || cue == "posted-",
                "{cue}"
            );
        }
    }

    #[test]
    fn names_normalise_like_score_py() {
        assert_eq!(
            norm_tokens("President Volodymyr Zelenskyy’s"),
            ["volodymyr", "zelenskyy"]
        );
        assert_eq!(
            norm_tokens("Mr. François Hollande"),
            ["francois", "hollande"]
        );
        assert_eq!(
            norm_tokens("Ødegård"),
            ["degard"],
            "ø has no decomposition and is dropped"
        );
        assert!(same_person("Hollande", "François Hollande"));
        assert!(!same_person("François Fillon", "François Hollande"));
        assert!(!same_person("", "Hollande"));
    }

    #[test]
    fn rounding_matches_python() {
        // round(12.25, 1) == 12.2 and round(0.35, 1) == 0.3 in Python (binary values below the tie).
        assert_eq!(round1(12.25), 12.2);
        assert_eq!(round1(0.35), 0.3);
        assert_eq!(round1(66.666_666), 66.7);
        assert_eq!(round1(100.0), 100.0);
    }

    #[test]
    fn cue_words_group_by_stem() {
        for (a, b) in [
            ("said", "says"),
            ("told", "telling"),
            ("claimed", "claims"),
            ("replied", "replies"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("said"), stem("told"));
        assert_eq!(cue_head("has also said"), Some("said".into()));
        assert_eq!(cue_head(":"), Some(":".into()));
    }

    #[test]
    fn context_marks_the_spans_in_their_sentence() {
        let c = Chars::new("First one. “We will,” she said. Last one.");
        let ctx = c.context(&[((11, 21), "⟦", "⟧"), ((22, 25), "⦃", "⦄")]);
        assert_eq!(ctx, "⟦“We will,”⟧ ⦃she⦄ said.");
        // Long stretches are elided, marks kept.
        let long = format!("Intro. {} end.", "word ".repeat(100));
        let c = Chars::new(&long);
        let ctx = c.context(&[((7, 12), "⟦", "⟧"), ((457, 461), "⟪", "⟫")]);
        assert!(
            ctx.starts_with("⟦word ⟧") && ctx.contains(" … ") && ctx.contains("⟪word⟫"),
            "{ctx}"
        );
        assert!(ctx.chars().count() < 300, "{ctx}");
    }

    fn gold(span: Range, speaker: Option<Range>, speech: bool) -> GoldQuote {
        GoldQuote {
            span,
            speaker_span: speaker,
            reference: String::new(),
            cue: if speech { "said" } else { "believes" }.into(),
            cue_spans: vec![(span.1, span.1 + 4)],
            content_spans: vec![span],
            direct: false,
            speech,
            index: 0,
            resolved: None,
        }
    }

    fn pred(span: Range, speaker: Option<Range>) -> PredQuote {
        PredQuote {
            span,
            speaker_span: speaker,
            confidence: Some(0.9),
            ..Default::default()
        }
    }

    #[test]
    fn speech_view_ignores_matches_of_non_speech_attributions() {
        let doc = GoldDoc {
            id: Value::from("d"),
            text: "x".repeat(200),
            quotes: vec![
                gold((0, 10), Some((12, 15)), true),
                gold((50, 60), None, false),
            ],
        };
        let preds = [
            pred((0, 10), Some((12, 14))), // right, right speaker
            pred((50, 60), None),          // matches the belief: neutral
            pred((100, 120), None),        // false alarm
        ];
        let mut ev = Evaluator::new(&Options {
            format: Format::Polnear,
            views: vec![View::Speech, View::All],
            errors: Some(1),
            speakers: false,
        });
        ev.add(&doc, Some(&preds));
        let r = ev.finish();
        let (s, a) = (r.speech.unwrap(), r.all.unwrap());
        assert_eq!(
            (s.at_03.tp, s.at_03.fp, s.at_03.fn_, s.neutral),
            (1, 1, 0, 1)
        );
        assert_eq!((a.at_03.tp, a.at_03.fp, a.at_03.fn_), (2, 1, 0));
        assert_eq!(
            (s.at_03.precision, s.at_03.recall, s.at_03.speaker_acc),
            (50.0, 100.0, 100.0)
        );
        assert_eq!(s.calibration[0].predictions, 3);
        assert_eq!((s.calibration[0].correct, s.calibration[0].neutral), (1, 1));
        let groups = r.errors.unwrap().groups;
        let count = |c: Cause| groups.iter().find(|g| g.cause == c).unwrap().count;
        assert_eq!(
            (
                count(Cause::NeutralNonSpeech),
                count(Cause::FalseAlarmNoGold)
            ),
            (1, 1)
        );
    }

    #[test]
    fn wrong_entities_get_one_cause_each() {
        let gold = |e: Option<&str>| ResolvedSpeaker {
            entity: e.map(str::to_string),
            kind: None,
        };
        let pred = |mention: &str, name: &str| PredQuote {
            speaker_span: (!mention.is_empty()).then_some((0, 3)),
            speaker_text: mention.to_string(),
            name: name.to_string(),
            ..Default::default()
        };
        let ann = gold(Some("Ann Lee"));
        for (g, p, junk, cause) in [
            (&ann, pred("", ""), false, Cause::EntityNone),
            (&ann, pred("I've", "I've"), true, Cause::EntityJunk),
            (&ann, pred("she", "Bea Park"), false, Cause::EntityPronoun),
            (&ann, pred("she", "she"), false, Cause::EntityPronoun),
            (
                &ann,
                pred("a spokeswoman", "a spokeswoman"),
                false,
                Cause::EntityDescription,
            ),
            (
                &ann,
                pred("Bob Lee", "Bob Lee"),
                false,
                Cause::EntityPartial,
            ),
            (&ann, pred("Ann", "Ann Park"), false, Cause::EntityPartial),
            (
                &ann,
                pred("Bea Park", "Bea Park"),
                false,
                Cause::EntityOther,
            ),
            (
                &gold(None),
                pred("Bea Park", "Bea Park"),
                false,
                Cause::EntityNamedNobody,
            ),
        ] {
            assert_eq!(entity_cause(g, &p, junk), cause, "{p:?}");
            assert_eq!(cause.family(), Family::Entity);
        }
    }

    #[test]
    fn a_speaker_layer_adds_resolved_counts_and_entity_errors() {
        let text = "Ann Lee spoke. Sources said it. She said no. Then Bob Park said yes, and I've said more.";
        let mut doc = GoldDoc {
            id: Value::from("d"),
            text: text.into(),
            quotes: (0..4)
                .map(|k| {
                    let mut g = gold(
                        (20 * k, 20 * k + 10),
                        Some((20 * k + 12, 20 * k + 15)),
                        true,
                    );
                    g.index = k as usize;
                    g
                })
                .collect(),
        };
        let entities = [Some("Ann Lee"), None, Some("Ann Lee"), Some("Bob Park")];
        doc.attach_speakers(
            entities
                .iter()
                .enumerate()
                .map(|(k, e)| speakers::LayerEntry {
                    k,
                    content: vec![(20 * k as i64, 20 * k as i64 + 10)],
                    source: Vec::new(),
                    speaker: ResolvedSpeaker {
                        entity: e.map(str::to_string),
                        kind: None,
                    },
                })
                .collect(),
        )
        .unwrap();
        let named = |k: i64, mention: &str, name: &str| PredQuote {
            speaker_text: mention.into(),
            name: name.into(),
            ..pred((20 * k, 20 * k + 10), Some((20 * k + 12, 20 * k + 15)))
        };
        let preds = [
            named(0, "Lee", "Ann Lee"),     // right
            named(1, "Sources", "sources"), // right: names nobody
            named(2, "She", "Bob Park"),    // pronoun to the wrong antecedent
            named(3, "I've", "I've"),       // non-name
        ];
        let mut ev = Evaluator::new(&Options {
            format: Format::Polnear,
            views: vec![View::Speech],
            errors: Some(1),
            speakers: true,
        });
        ev.add(&doc, Some(&preds));
        let r = ev.finish();
        let s = r.speech.unwrap();
        assert_eq!(s.at_03.resolved_speaker_acc, Some(50.0));
        let counts = s.resolved_speakers.unwrap();
        assert_eq!((counts.at_03.right, counts.at_03.matched), (2, 4));
        let groups = r.errors.unwrap().groups;
        let count = |c: Cause| groups.iter().find(|g| g.cause == c).unwrap().count;
        assert_eq!(count(Cause::EntityPronoun), 1);
        assert_eq!(count(Cause::EntityJunk), 1);
        let entity_total: usize = groups
            .iter()
            .filter(|g| g.family == Family::Entity)
            .map(|g| g.count)
            .sum();
        assert_eq!(entity_total, 2);
        let junk = groups
            .iter()
            .find(|g| g.cause == Cause::EntityJunk)
            .unwrap();
        assert!(
            junk.examples[0]
                .detail
                .contains("«I've» (not a name: contraction)"),
            "{}",
            junk.examples[0].detail
        );
    }

    #[test]
    fn without_a_layer_there_is_no_entity_family() {
        let doc = GoldDoc {
            id: Value::from("d"),
            text: "x".repeat(50),
            quotes: vec![gold((0, 10), Some((12, 15)), true)],
        };
        let mut ev = Evaluator::new(&Options {
            format: Format::Polnear,
            views: vec![View::Speech],
            errors: Some(1),
            speakers: false,
        });
        ev.add(&doc, Some(&[pred((0, 10), Some((12, 14)))]));
        let r = ev.finish();
        let s = r.speech.unwrap();
        assert_eq!(s.at_03.resolved_speaker_acc, None);
        assert!(s.resolved_speakers.is_none());
        assert!(r
            .errors
            .unwrap()
            .groups
            .iter()
            .all(|g| g.family != Family::Entity));
    }
}
