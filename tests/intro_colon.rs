//! A speaker introduced by a clause and a colon (`The mayor did not mince words: “…”`), the `intro_colon` sieve: the
//! cases that fire and those that must not. Passages written for these tests (invented people and places).

use whosaid::{analyze, Analysis, Quote};

struct Found<'a> {
    text: &'a str,
    a: Analysis,
}

fn run(text: &str) -> Found<'_> {
    Found {
        text,
        a: analyze(text),
    }
}

impl Found<'_> {
    fn find(&self, needle: &str) -> Option<&Quote> {
        self.a
            .quotes
            .iter()
            .find(|q| q.span.text(self.text).contains(needle))
    }

    /// The quote containing `needle`: (sieve, speaker as written, speaker entity's name, cue).
    fn quote(&self, needle: &str) -> (&'static str, String, String, String) {
        let q = self.find(needle).unwrap_or_else(|| {
            panic!(
                "no quote with {needle:?} in {:?}",
                self.a
                    .quotes
                    .iter()
                    .map(|q| q.span.text(self.text))
                    .collect::<Vec<_>>()
            )
        });
        let text =
            |s: Option<whosaid::Span>| s.map(|s| s.text(self.text).to_string()).unwrap_or_default();
        let name = q
            .speaker_id
            .map(|i| self.a.speakers[i].name.clone())
            .unwrap_or_default();
        (q.sieve, text(q.speaker), name, text(q.cue))
    }

    /// The quote containing `needle` was not attributed by this sieve (it may be by another, or not at all).
    fn not_intro(&self, needle: &str) -> bool {
        self.find(needle).is_none_or(|q| q.sieve != "intro_colon")
    }
}

#[test]
fn a_clause_without_a_speech_verb_introduces_its_subjects_quotation() {
    let f = run("The mayor did not mince words: \"This is a disgrace.\"");
    assert_eq!(
        f.quote("disgrace"),
        (
            "intro_colon",
            "The mayor".into(),
            "mayor".into(),
            ":".into()
        )
    );
    let f = run("Ruiz had a message for the council: \"Do your job.\"");
    let (sieve, said, _, cue) = f.quote("Do your job");
    assert_eq!(
        (sieve, said.as_str(), cue.as_str()),
        ("intro_colon", "Ruiz", ":")
    );
}

#[test]
fn a_fronted_question_or_clause_is_passed_over_to_the_subject() {
    let f = run("Asked about the deal, the minister was blunt: \"It is dead.\"");
    let (sieve, said, _, _) = f.quote("It is dead");
    assert_eq!((sieve, said.as_str()), ("intro_colon", "the minister"));
    // The agent of a fronted `Asked by …` only asked: the main clause's subject answers.
    let f = run("Asked by a reporter about the deal, the minister was blunt: \"It is dead.\"");
    let (sieve, said, _, _) = f.quote("It is dead");
    assert_eq!((sieve, said.as_str()), ("intro_colon", "the minister"));
    let f = run(
        "When the judge retired in 2010, Governor Ana Ruiz released the following statement: \"She served this \
         state with honour.\"",
    );
    let (sieve, said, name, cue) = f.quote("served this state");
    assert_eq!(
        (sieve, said.as_str(), name.as_str(), cue.as_str()),
        ("intro_colon", "Ana Ruiz", "Ana Ruiz", "released")
    );
}

#[test]
fn a_pronoun_subject_resolves_to_the_person_named_before() {
    let f = run("Maria Okafor lost the race by forty votes. She put it simply: \"We lost.\"");
    let (sieve, said, name, _) = f.quote("We lost");
    assert_eq!(
        (sieve, said.as_str(), name.as_str()),
        ("intro_colon", "She", "Maria Okafor")
    );
}

#[test]
fn the_quotation_may_open_the_next_paragraph() {
    let f = run(
        "The union leader, Tom Bray, was in no mood to wait:\n\n\"We have waited three years for this contract and \
         we will not wait another day.\"",
    );
    let (sieve, _, name, _) = f.quote("waited three years");
    assert_eq!((sieve, name.as_str()), ("intro_colon", "Tom Bray"));
}

#[test]
fn groups_organisations_and_documents_speak() {
    let f = run(
        "The Ostland Water Board, in a statement on Friday, put it more carefully: \"Supply is stable for now.\"",
    );
    let (sieve, said, _, _) = f.quote("Supply is stable");
    assert_eq!(
        (sieve, said.as_str()),
        ("intro_colon", "Ostland Water Board")
    );
    // A group of people: `Ruiz's critics` (the possessor is not the speaker).
    let f = run("Ruiz's critics were unimpressed: \"Nothing has changed.\"");
    let (sieve, said, _, _) = f.quote("Nothing has changed");
    assert_eq!((sieve, said.as_str()), ("intro_colon", "Ruiz's critics"));
    let f = run("The letter ends with a warning: \"Any further delay will be met in court.\"");
    let (sieve, said, _, _) = f.quote("further delay");
    assert_eq!((sieve, said.as_str()), ("intro_colon", "The letter"));
}

#[test]
fn a_cue_too_far_from_the_mark_for_the_cue_sieves_is_used() {
    // "about the budget" is more than the adjuncts leading_cue reads across.
    let f = run("Lee added about the budget: \"The numbers do not add up.\"");
    let (sieve, said, _, cue) = f.quote("numbers do not");
    assert_eq!(
        (sieve, said.as_str(), cue.as_str()),
        ("intro_colon", "Lee", "added")
    );
    let f = run(
        "Earlier this week, the city planning committee said about its decision to close the park: \"The park will \
         reopen in spring.\"",
    );
    let (sieve, said, _, _) = f.quote("reopen in spring");
    assert_eq!(
        (sieve, said.as_str()),
        ("intro_colon", "the city planning committee")
    );
}

#[test]
fn less_sure_than_a_cue() {
    let f = run(
        "Ruiz had a message for the council: \"Do your job.\"\n\n\"We will appeal,\" Ruiz said.\n\nThe mayor did not \
         mince words: \"This is a disgrace.\"\n\nThe mayor told reporters: \"This is a scandal.\"",
    );
    let conf = |n: &str| f.find(n).unwrap().confidence;
    assert!(conf("Do your job") < conf("We will appeal"));
    assert!(conf("disgrace") < conf("scandal"));
    assert_eq!(f.quote("scandal").0, "leading_cue");
}

#[test]
fn headlines_labels_lists_and_times_do_not_speak() {
    for t in [
        "Breaking: \"The bridge is closed.\"",
        "Update: \"Schools will reopen on Monday.\"",
        "The ingredients: \"Flour, sugar and eggs.\"",
        "At 10:30: \"All units report to the station.\"",
    ] {
        let f = run(t);
        assert!(f.a.quotes.is_empty(), "{t}: {:?}", f.a.quotes);
    }
    // A list of quoted items is no statement.
    let f = run("Lee named three demands: \"More pay,\" \"Shorter hours\" and \"Respect.\"");
    assert!(f.not_intro("More pay") && f.not_intro("Respect"));
    // Nor is a quoted word.
    let f = run("Ruiz chose her word of the year: \"resilience\".");
    assert!(f.not_intro("resilience"));
    // A headline credited after a dash (`Voters punish` is no clause of Ana Ruiz's introducing her words).
    let f = run("Voters punish the council - Ana Ruiz: \"The wells are empty.\"");
    assert!(f.not_intro("wells are empty"));
}

#[test]
fn things_do_not_speak() {
    for (t, needle) in [
        (
            "The timing surprised nobody: \"It was always going to happen.\"",
            "always going",
        ),
        (
            "Wait, it gets better: \"The fee doubles next year.\"",
            "fee doubles",
        ),
        (
            "Ruiz's budget had one flaw: \"Nothing adds up.\"",
            "Nothing adds",
        ),
    ] {
        let f = run(t);
        assert!(f.find(needle).is_none(), "{t}");
    }
    // A place in a fronted adverbial is no subject: the subject comes after it.
    let f = run(
        "At a rally in Linden, Ostland, on Saturday, some supporters were furious: \"Out, out!\"",
    );
    let (sieve, said, _, _) = f.quote("Out, out");
    assert_eq!((sieve, said.as_str()), ("intro_colon", "some supporters"));
    // A possessive speaks through its words: `Ruiz's answer was:`.
    let f = run("Ruiz's answer was: \"Not this year.\"");
    let (sieve, said, _, _) = f.quote("Not this year");
    assert_eq!((sieve, said.as_str()), ("intro_colon", "Ruiz"));
}

#[test]
fn a_speech_verb_is_left_to_the_cue_sieves() {
    let f = run("Ruiz said: \"We will appeal.\"");
    assert_eq!(f.quote("We will appeal").0, "leading_cue");
    // A colon inside the quotation introduces nothing.
    let f = run("She told reporters: \"The choice is simple: stay or go.\"\n\nThe mayor wrote: \"The sign says: 'Keep out.'\"");
    assert_eq!(f.a.quotes.len(), 2, "{:?}", f.a.quotes);
    assert!(f.a.quotes.iter().all(|q| q.sieve == "leading_cue"));
    // The sign is a document that speaks, through its verb.
    let f = run("The sign read: \"No entry after dark.\"");
    assert_eq!(f.quote("No entry").0, "leading_cue");
}

#[test]
fn someone_elses_words_in_the_clause_are_not_the_subjects() {
    let f = run("Ruiz heard what the coach had told the players: \"You will never win.\"");
    let (sieve, said, _, _) = f.quote("never win");
    assert_ne!(sieve, "intro_colon");
    assert_ne!(said, "Ruiz");
    // A cue in the clause whose subject is someone else: the coach's words, reported by Ruiz.
    let f =
        run("Ruiz recalled that the coach told the players at half-time: \"You will never win.\"");
    assert!(f.not_intro("never win"));
    // A later clause with its own subject runs up to the colon: whose words follow is not clear.
    let f = run("The coach looked so tired that we all went quiet: \"Not tonight, boys.\"");
    assert!(f.not_intro("Not tonight"));
    // A quotation attributed inside the introducing sentence belongs to its own speaker.
    let f = run("\"We are done,\" Ruiz said, and Lee had an answer ready: \"We are not.\"");
    assert!(f.not_intro("We are not"));
}
