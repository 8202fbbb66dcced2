//! The resolved-speaker layer: for PolNeAR attributions, the entity the source refers to, written by reading
//! (`tests/gold/polnear_speakers_{dev,train}.jsonl`, made as `tests/gold/GUIDE.md` says).
//!
//! One JSON line per document: `{"doc_id", "speakers": [{"k", "content", "source", "entity", "type"}]}`, where `k`
//! is the index of the attribution in the document's `attributions` list, `content` and `source` its spans (code
//! points), `entity` the fullest name the article gives the speaker (a string) or `null` where the article never
//! says who, and `type` person, organisation, group, document or null.
//!
//! [`SpeakerLayer`] holds the file; [`GoldDoc::attach_speakers`] puts a document's entries on its gold quotes,
//! checking that each entry's content spans are the attribution's; [`resolved_right`] is the accuracy rule.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::{pairs, same_person, GoldDoc, PredQuote, Range};

/// What the layer says about one attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedSpeaker {
    /// The entity's fullest name in the article, `None` where the article never says who speaks.
    pub entity: Option<String>,
    /// person, organisation, group, document; `None` with a null entity.
    pub kind: Option<String>,
}

/// One entry of the layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerEntry {
    pub k: usize,
    pub content: Vec<Range>,
    pub source: Vec<Range>,
    pub speaker: ResolvedSpeaker,
}

/// A resolved-speaker layer read from JSON lines, handed out document by document.
#[derive(Debug, Default)]
pub struct SpeakerLayer {
    docs: HashMap<String, Vec<LayerEntry>>,
    /// Document ids in file order.
    order: Vec<String>,
    attributions: usize,
}

/// A gold document id as the layer writes it (strings as they are, other values as JSON).
pub fn doc_key(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

fn opt_string(v: Option<&Value>, what: &str) -> Result<Option<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(format!("{what} must be a string or null, got {v}")),
    }
}

impl SpeakerLayer {
    pub fn new() -> SpeakerLayer {
        SpeakerLayer::default()
    }

    /// Reads one line of the layer file.
    pub fn add_line(&mut self, line: &str) -> Result<(), String> {
        let rec: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
        let id = doc_key(rec.get("doc_id").ok_or("no \"doc_id\"")?);
        let list = rec
            .get("speakers")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("document {id}: no \"speakers\" list"))?;
        let mut entries: Vec<LayerEntry> = Vec::with_capacity(list.len());
        for (i, s) in list.iter().enumerate() {
            let what = |f: &str| format!("document {id}, entry {i}: {f}");
            let k = s
                .get("k")
                .and_then(Value::as_u64)
                .ok_or_else(|| what("\"k\" must be a whole number"))? as usize;
            if entries.iter().any(|e| e.k == k) {
                return Err(format!("document {id}: k={k} appears twice"));
            }
            let entity = opt_string(s.get("entity"), &what("\"entity\""))?;
            let kind = opt_string(s.get("type"), &what("\"type\""))?;
            entries.push(LayerEntry {
                k,
                content: pairs(s.get("content").unwrap_or(&Value::Null), &what("content"))?,
                source: pairs(s.get("source").unwrap_or(&Value::Null), &what("source"))?,
                speaker: ResolvedSpeaker { entity, kind },
            });
        }
        if self.docs.contains_key(&id) {
            return Err(format!("document {id} appears twice"));
        }
        self.attributions += entries.len();
        self.order.push(id.clone());
        self.docs.insert(id, entries);
        Ok(())
    }

    /// Documents read.
    pub fn docs(&self) -> usize {
        self.order.len()
    }

    /// Entries read.
    pub fn attributions(&self) -> usize {
        self.attributions
    }

    /// The entries of a document, once (`None` when the layer has no such document or it was taken).
    pub fn take(&mut self, doc_id: &str) -> Option<Vec<LayerEntry>> {
        self.docs.remove(doc_id)
    }

    /// The documents not taken, in file order.
    pub fn remaining(&self) -> Vec<String> {
        self.order
            .iter()
            .filter(|id| self.docs.contains_key(*id))
            .cloned()
            .collect()
    }
}

impl GoldDoc {
    /// Puts the layer's entries on this document's gold quotes (matched by `k`, the attribution's index); an entry
    /// whose attribution is missing or has other content spans is an error naming its `k`.
    pub fn attach_speakers(&mut self, entries: Vec<LayerEntry>) -> Result<(), String> {
        for e in entries {
            let Some(q) = self.quotes.iter_mut().find(|q| q.index == e.k) else {
                return Err(format!(
                    "k={}: the gold has no attribution {} with content",
                    e.k, e.k
                ));
            };
            if q.content_spans != e.content {
                return Err(format!(
                    "k={}: the layer's content spans {:?} differ from the gold attribution's {:?}",
                    e.k, e.content, q.content_spans
                ));
            }
            q.resolved = Some(e.speaker);
        }
        Ok(())
    }
}

/// Lowercase particles that may open a name ("de Blasio", "bin Salman", "al-Assad", "van der Bellen").
const NAME_PARTICLES: [&str; 20] = [
    "al", "bin", "ben", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "van", "von",
];

/// Whether a speaker name names someone rather than describing them: its last word (punctuation trimmed) begins
/// with a capital letter or a digit, and its first word does not begin with a lowercase letter unless it is a name
/// particle ("de Blasio", "al-Assad"). "sources", "a Trump adviser", "he", "supporters in Congress", "advisers to
/// Mr. Obama" and "" name nobody.
pub fn names_someone(name: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // A word opened by a particle and a hyphen is read from after the hyphen ("al-Assad").
    let after_particle = |w: &'_ str| -> Option<usize> {
        let (head, _) = w.split_once('-')?;
        NAME_PARTICLES.contains(&head).then_some(head.len() + 1)
    };
    let last = &last[after_particle(last).unwrap_or(0)..];
    last.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && (!first.chars().next().is_some_and(char::is_lowercase)
            || NAME_PARTICLES.contains(first)
            || after_particle(first).is_some())
}

/// The resolved-speaker rule: with a gold entity, the prediction's name (resolved entity, else mention) is the same
/// person ([`same_person`]); with a null entity, the prediction names nobody ([`names_someone`]).
pub fn resolved_right(gold: &ResolvedSpeaker, p: &PredQuote) -> bool {
    match &gold.entity {
        Some(e) => same_person(&p.name, e),
        None => !names_someone(&p.name),
    }
}

/// What became of the layer: shown with the report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LayerSummary {
    pub file: String,
    /// Documents and entries in the layer file.
    pub docs: usize,
    pub attributions: usize,
    /// Entries put on gold attributions.
    pub attached: usize,
    /// Gold documents the layer does not cover.
    pub gold_docs_without_layer: usize,
    /// Layer documents that were not among the gold documents read.
    pub layer_docs_not_in_gold: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Format;

    fn gold_doc() -> GoldDoc {
        let rec = serde_json::json!({
            "doc_id": "d1",
            "text": "x".repeat(100),
            "attributions": [
                {"source_spans": [[0, 3]], "cue_spans": [[4, 8]], "cue": "said", "content_spans": [[10, 20]],
                 "content": "a"},
                {"source_spans": [], "cue_spans": [], "cue": "believes", "content_spans": []},
                {"source_spans": [[30, 33]], "cue_spans": [[34, 38]], "cue": "said",
                 "content_spans": [[40, 50], [55, 60]], "content": "b"}
            ]
        });
        GoldDoc::from_json(&rec, Format::Polnear).unwrap()
    }

    fn entry(k: usize, content: Vec<Range>, entity: Option<&str>) -> LayerEntry {
        LayerEntry {
            k,
            content,
            source: Vec::new(),
            speaker: ResolvedSpeaker {
                entity: entity.map(str::to_string),
                kind: entity.map(|_| "person".to_string()),
            },
        }
    }

    #[test]
    fn entries_attach_by_attribution_index() {
        let mut doc = gold_doc();
        // The content-less attribution 1 is skipped by the gold reader, but k counts it.
        assert_eq!(
            doc.quotes.iter().map(|q| q.index).collect::<Vec<_>>(),
            [0, 2]
        );
        doc.attach_speakers(vec![
            entry(2, vec![(40, 50), (55, 60)], Some("Ann Lee")),
            entry(0, vec![(10, 20)], None),
        ])
        .unwrap();
        assert_eq!(doc.quotes[0].resolved.as_ref().unwrap().entity, None);
        assert_eq!(
            doc.quotes[1].resolved.as_ref().unwrap().entity.as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn a_span_mismatch_or_a_missing_attribution_is_an_error_naming_k() {
        let e = gold_doc()
            .attach_speakers(vec![entry(2, vec![(40, 50)], Some("Ann Lee"))])
            .unwrap_err();
        assert!(e.starts_with("k=2: ") && e.contains("[(40, 50)]"), "{e}");
        let e = gold_doc()
            .attach_speakers(vec![entry(1, vec![], None)])
            .unwrap_err();
        assert!(
            e.starts_with("k=1: ") && e.contains("no attribution"),
            "{e}"
        );
        let e = gold_doc()
            .attach_speakers(vec![entry(7, vec![(1, 2)], None)])
            .unwrap_err();
        assert!(e.starts_with("k=7: "), "{e}");
    }

    #[test]
    fn layer_lines_are_read_and_checked() {
        let mut layer = SpeakerLayer::new();
        layer
            .add_line(r#"{"doc_id": "d1", "speakers": [{"k": 0, "content": [[10, 20]], "source": [[0, 3]], "entity": "Ann Lee", "type": "person"}, {"k": 2, "content": [[40, 50]], "source": null, "entity": null, "type": null}]}"#)
            .unwrap();
        layer
            .add_line(r#"{"doc_id": "d2", "speakers": []}"#)
            .unwrap();
        assert_eq!((layer.docs(), layer.attributions()), (2, 2));
        let d1 = layer.take("d1").unwrap();
        assert_eq!(d1[0].source, [(0, 3)]);
        assert_eq!(
            d1[1].speaker,
            ResolvedSpeaker {
                entity: None,
                kind: None
            }
        );
        assert!(layer.take("d1").is_none(), "taken once");
        assert_eq!(layer.remaining(), ["d2"]);
        for (line, msg) in [
            ("{", "invalid JSON"),
            (r#"{"speakers": []}"#, "doc_id"),
            (r#"{"doc_id": "d3"}"#, "no \"speakers\""),
            (
                r#"{"doc_id": "d3", "speakers": [{"content": []}]}"#,
                "\"k\"",
            ),
            (
                r#"{"doc_id": "d3", "speakers": [{"k": 0, "content": [[1]]}]}"#,
                "content",
            ),
            (
                r#"{"doc_id": "d3", "speakers": [{"k": 0, "content": [], "entity": 5}]}"#,
                "entity",
            ),
            (
                r#"{"doc_id": "d3", "speakers": [{"k": 0}, {"k": 0}]}"#,
                "k=0 appears twice",
            ),
            (r#"{"doc_id": "d2", "speakers": []}"#, "d2 appears twice"),
        ] {
            let e = layer.add_line(line).unwrap_err();
            assert!(e.contains(msg), "{line}: {e}");
        }
    }

    #[test]
    fn names_someone_reads_the_first_and_last_words() {
        for name in [
            "Ann Lee",
            "Channel 4",
            "ABC News.",
            "de Blasio",
            "al-Assad",
            "Sources",
        ] {
            assert!(names_someone(name), "{name}");
        }
        for name in [
            "",
            "  ",
            "sources",
            "a Trump adviser",
            "he",
            "officials at the Pentagon said",
            "supporters in Congress",
            "advisers to Mr. Obama",
            "the Clinton campaign's Ann Lee",
        ] {
            assert!(!names_someone(name), "{name}");
        }
    }

    #[test]
    fn the_resolved_rule() {
        let pred = |name: &str| PredQuote {
            name: name.to_string(),
            ..Default::default()
        };
        let gold = |e: Option<&str>| ResolvedSpeaker {
            entity: e.map(str::to_string),
            kind: None,
        };
        let ann = gold(Some("Ann B. Lee"));
        assert!(resolved_right(&ann, &pred("Lee")));
        assert!(resolved_right(&ann, &pred("Ms. Ann Lee")));
        assert!(!resolved_right(&ann, &pred("Bob Lee Smith")));
        assert!(!resolved_right(&ann, &pred("")));
        let nobody = gold(None);
        assert!(resolved_right(&nobody, &pred("")));
        assert!(resolved_right(&nobody, &pred("a senior official")));
        assert!(!resolved_right(&nobody, &pred("Ann Lee")));
        assert!(!resolved_right(&nobody, &pred("Sources")));
    }
}
