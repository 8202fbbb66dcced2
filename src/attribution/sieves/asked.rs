//! `Asked whether he would run again, Coll said …` / `When asked about the budget, …` / `The mayor was asked if the
//! levee would hold.` — a question put to someone, reported by its content (the question word to the end of its
//! clause). The asker is usually unnamed: the speaker is the agent of `by X` when there is one, else none.

use crate::attribution::sieves::indirect::{content_kind, overlaps_settled, settle_quotes_inside};
use crate::attribution::{clause_end, mention_confidence, Attribution, Ctx};
use crate::cues::CueKind;
use crate::lexicon::VerbForm;
use crate::mentions;
use crate::text::Kind;

/// Words that open the content of a question put to someone.
const OPENERS: &[&str] = &[
    "whether", "if", "why", "what", "how", "when", "where", "who", "which", "about",
];

#[cfg_attr(whosaid_small, optimize(size))]
pub fn run(ctx: &mut Ctx) {
    let doc = ctx.doc;
    let mut buf = [0u8; 48];
    for ci in 0..ctx.cues.len() {
        let cue = ctx.cues[ci];
        if ctx.cue_used[ci].is_some()
            || cue.kind != CueKind::Verb
            || cue.lemma != "ask"
            || !matches!(cue.form, VerbForm::Past | VerbForm::Participle)
            || ctx.quote_at(cue.tok).is_some()
        {
            continue;
        }
        let sent = *doc.sentence_of(cue.tok);
        // Participle or passive: `Asked …` opening the sentence, `When asked …`, `was/were/being asked …`.
        let prev = (cue.tok > sent.tok_start).then(|| doc.lower(cue.tok - 1, &mut buf).to_string());
        let participle = cue.tok == sent.tok_start
            || prev.as_deref() == Some("when") && cue.tok == sent.tok_start + 1;
        let passive = matches!(
            prev.as_deref(),
            Some("was" | "were" | "being" | "been" | "is" | "are")
        );
        if !participle && !passive {
            continue;
        }
        // An agent, then at most a few words of adjuncts (`during a January debate`), then the question word.
        let mut k = cue.last + 1;
        let mut agent = None;
        if k < sent.tok_end && doc.lower(k, &mut buf) == "by" {
            agent = mentions::np_starting_at(doc, k + 1, sent.tok_end);
            match &agent {
                Some(m) => k = m.last + 1,
                None => continue,
            }
        }
        let Some(open) = (k..(k + 6).min(sent.tok_end))
            .take_while(|&j| doc.tokens[j].kind == Kind::Word)
            .find(|&j| OPENERS.contains(&doc.lower(j, &mut buf)))
        else {
            continue;
        };
        // The content ends at the comma that closes the participle phrase, else at the clause end.
        let end = if participle {
            match (open..sent.tok_end).find(|&j| doc.is(j, ',')) {
                Some(comma) if comma > open + 1 => comma - 1,
                _ => continue,
            }
        } else {
            clause_end(doc, open, ctx.cues)
        };
        let words = (open..=end)
            .filter(|&j| doc.tokens[j].kind == Kind::Word)
            .count();
        if words < 2 || overlaps_settled(ctx, open, end) {
            continue;
        }
        let kind = content_kind(ctx, open, end);
        let confidence = if agent.is_some() {
            mention_confidence(agent.as_ref()) - 0.15
        } else {
            0.6
        };
        settle_quotes_inside(ctx, open, end);
        ctx.settle(
            Attribution::new(kind, doc.span_of(open, end), agent, confidence),
            None,
            Some(ci),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    #[cfg_attr(whosaid_small, optimize(size))]
    fn asked(text: &str) -> Vec<(String, Option<String>)> {
        analyze(text)
            .quotes
            .iter()
            .filter(|q| q.sieve == "asked")
            .map(|q| {
                (
                    q.span.text(text).to_string(),
                    q.speaker.map(|s| s.text(text).to_string()),
                )
            })
            .collect()
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn participle_and_passive_questions() {
        assert_eq!(
            asked("Asked whether he would run again, Moss said he had not decided."),
            [("whether he would run again".to_string(), None)]
        );
        assert_eq!(
            asked("When asked about the harbour tax, the mayor smiled."),
            [("about the harbour tax".to_string(), None)]
        );
        assert_eq!(
            asked("The mayor was asked by Radio Ostland if the levee would hold."),
            [(
                "if the levee would hold".to_string(),
                Some("Radio Ostland".to_string())
            )]
        );
    }

    #[test]
    #[cfg_attr(whosaid_small, optimize(size))]
    fn active_asks_and_other_uses_are_left_alone() {
        // An active ask is the indirect sieve's; "asked" with no question is no report.
        assert!(asked("Moss asked whether the levee would hold.").is_empty());
        assert!(asked("Asked to leave, the protesters stayed.").is_empty());
    }
}
