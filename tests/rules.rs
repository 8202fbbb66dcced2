//! One test per rule family, on short passages written for these tests (invented people and events).

use whosaid::{analyze, Analysis, QuoteKind};

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
    /// The quote whose text contains `needle`: (kind, speaker name, speaker mention as written, cue).
    fn quote(&self, needle: &str) -> (QuoteKind, String, String, String) {
        let q = self
            .a
            .quotes
            .iter()
            .find(|q| q.span.text(self.text).contains(needle))
            .unwrap_or_else(|| panic!("no quote with {needle:?} in {:#?}", self.texts()));
        let name = q
            .speaker_id
            .map(|i| self.a.speakers[i].name.clone())
            .unwrap_or_default();
        let said = q
            .speaker
            .map(|s| s.text(self.text).to_string())
            .unwrap_or_default();
        let cue = q
            .cue
            .map(|s| s.text(self.text).to_string())
            .unwrap_or_default();
        (q.kind, name, said, cue)
    }

    fn speaker_of(&self, needle: &str) -> String {
        self.quote(needle).1
    }

    fn texts(&self) -> Vec<&str> {
        self.a
            .quotes
            .iter()
            .map(|q| q.span.text(self.text))
            .collect()
    }

    fn none_contains(&self, needle: &str) -> bool {
        self.a
            .quotes
            .iter()
            .all(|q| !q.span.text(self.text).contains(needle))
    }
}

use QuoteKind::{Direct, Indirect, Mixed};

#[test]
fn trailing_cue_with_name_after_or_before_the_verb() {
    let f = run("“The bridge will open in May,” said Mayor Lena Duarte.\n\n“We are ready,” Duarte told reporters.");
    assert_eq!(
        f.quote("bridge will open"),
        (
            Direct,
            "Lena Duarte".into(),
            "Lena Duarte".into(),
            "said".into()
        )
    );
    let (kind, who, said, cue) = f.quote("We are ready");
    assert_eq!(
        (kind, who.as_str(), said.as_str(), cue.as_str()),
        (Direct, "Lena Duarte", "Duarte", "told")
    );
}

#[test]
fn leading_cue_with_colon_comma_and_a_colon_ending_the_previous_paragraph() {
    let f = run(
        "Finance Minister Tomas Ek said: “The budget is balanced.”\n\nEk added, “No new taxes this year.”\n\n\
         Ek continued:\n\n“We will publish every figure.”",
    );
    assert_eq!(f.speaker_of("budget is balanced"), "Tomas Ek");
    assert_eq!(f.speaker_of("No new taxes"), "Tomas Ek");
    assert_eq!(f.quote("publish every figure").3, "continued");
}

#[test]
fn dash_attribution() {
    let f = run("“Nothing about us without us.” — Amara Okafor, union leader");
    assert_eq!(f.speaker_of("Nothing about us"), "Amara Okafor");
}

#[test]
fn appositives_stacked_and_parenthetical() {
    let f = run(
        "“The vote was rigged,” Paul Venn, a lawyer for the campaign, said.\n\n\
         “It is an invasion of our domain,” Rita Holm, the attorney general of Ostland, one of the states suing the \
         agency, said at a forum.\n\n\
         “We will appeal,” Sen. Mark Dole (R-Ohio), a member of the panel, said.",
    );
    assert_eq!(f.speaker_of("rigged"), "Paul Venn");
    assert_eq!(f.speaker_of("invasion"), "Rita Holm");
    assert_eq!(f.speaker_of("We will appeal"), "Mark Dole");
    let venn = f.a.speakers.iter().find(|s| s.name == "Paul Venn").unwrap();
    assert!(
        venn.descriptions
            .iter()
            .any(|d| d == "lawyer for the campaign"),
        "{:?}",
        venn.descriptions
    );
}

#[test]
fn pre_modifiers_become_descriptions() {
    let f = run("“Prices will fall,” Central Bank Governor Ines Cardo said on Monday.");
    let s =
        f.a.speakers
            .iter()
            .find(|s| s.name == "Ines Cardo")
            .expect("speaker");
    assert!(
        s.descriptions
            .iter()
            .any(|d| d.contains("Central Bank Governor")),
        "{:?}",
        s.descriptions
    );
}

#[test]
fn split_quote_is_one_statement_with_two_parts() {
    let t =
        "“We have done our part,” said Olga Brand, the team captain. “Now it is up to the league.”";
    let f = run(t);
    let q =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(t).contains("done our part"))
            .unwrap();
    assert_eq!(q.parts.len(), 2);
    assert_eq!(q.parts[1].text(t), "“Now it is up to the league.”");
    assert_eq!(f.a.quotes.len(), 1);
}

#[test]
fn same_paragraph_and_floating_quotes_take_the_previous_speaker() {
    let f = run(
        "“The plant is safe,” said engineer Karl Moss. He left the room.\n\n\
         “There has been no leak and there will be no leak,” he had told staff earlier.\n\n\
         “We checked every valve twice before the inspectors arrived.”",
    );
    assert_eq!(f.speaker_of("no leak"), "Karl Moss");
    assert_eq!(f.speaker_of("every valve"), "Karl Moss");
}

#[test]
fn floating_quote_needs_supporting_context() {
    // The previous paragraph is narration, not attributed speech: the quote stays unattributed or is dropped.
    let f = run("The council met on Tuesday to discuss the plan.\n\n“This is a plan for everyone in the valley.”");
    assert!(f.a.quotes.iter().all(|q| q.speaker_id.is_none()));
}

#[test]
fn mixed_quote_inside_reported_speech() {
    let f = run("Chief negotiator Omar Said said the parties had “found common ground on three points” after talks.");
    let (kind, who, _, cue) = f.quote("found common ground");
    assert_eq!(
        (kind, who.as_str(), cue.as_str()),
        (Mixed, "Omar Said", "said")
    );
    // The span is the reported clause, not just the quoted words.
    assert!(
        f.texts()
            .iter()
            .any(|t| t.starts_with("the parties had “found")),
        "{:?}",
        f.texts()
    );
}

#[test]
fn indirect_speech_forward_backward_and_according_to() {
    let f = run(
        "Health Minister Ada Kerr said that hospitals would receive more staff next year.\n\n\
         The shortage is worst in rural areas, Kerr told parliament.\n\n\
         According to the ministry, 4,000 nurses left last year.\n\n\
         Waiting times doubled in two years, according to a report by the auditor.",
    );
    let (kind, who, _, _) = f.quote("hospitals would receive");
    assert_eq!((kind, who.as_str()), (Indirect, "Ada Kerr"));
    assert_eq!(f.speaker_of("The shortage is worst"), "Ada Kerr");
    let (kind, _, said, cue) = f.quote("4,000 nurses");
    assert_eq!(
        (kind, said.as_str(), cue.as_str()),
        (Indirect, "the ministry", "According to")
    );
    assert!(
        f.texts().contains(&"Waiting times doubled in two years"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn reported_clause_after_a_time_adjunct_without_that() {
    let f = run(
        "Port director Lena Varga said on Friday she would close the north dock for repairs.\n\n\
         The union told members Tuesday night the strike fund was nearly empty.\n\n\
         Varga said this is the third closure in a decade.\n\n\
         The mayor announced on Monday plans for a new ferry.",
    );
    // The clause starts at its subject, past the time adjunct; the adjunct is not reported speech.
    assert!(
        f.texts()
            .contains(&"she would close the north dock for repairs"),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("she would close"), "Lena Varga");
    assert!(
        f.texts().contains(&"the strike fund was nearly empty"),
        "{:?}",
        f.texts()
    );
    // "this" is the clause's subject, not part of a time adjunct.
    assert!(
        f.texts().contains(&"this is the third closure in a decade"),
        "{:?}",
        f.texts()
    );
    // A noun phrase object after the adjunct is no clause.
    assert!(f.none_contains("plans for a new ferry"), "{:?}", f.texts());
}

#[test]
fn an_outlet_reporting_a_whole_sentence_is_its_speaker() {
    let f = run(
        "The harbour will stay closed until spring, the Ledger said.\n\n\
         Mayor Ann Ruiz said she would veto the budget, the Tribune reported on Tuesday.\n\n\
         Ruiz told aides she might resign, according to two council members.",
    );
    // A name's article between the comma and the outlet.
    assert_eq!(f.speaker_of("The harbour will stay closed"), "Ledger");
    // The outlet reports all the sentence before it; the mayor's statement inside it is hers.
    let (_, who, _, _) = f.quote("Mayor Ann Ruiz said she would veto");
    assert_eq!(who, "Tribune");
    let inner =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(f.text) == "she would veto the budget")
            .unwrap_or_else(|| panic!("{:?}", f.texts()));
    assert_eq!(
        inner.speaker_id.map(|i| f.a.speakers[i].name.as_str()),
        Some("Ann Ruiz")
    );
    // What someone said "according to" others is theirs to report: the whole sentence, and nothing of it Ruiz's.
    assert_eq!(
        f.speaker_of("Ruiz told aides she might resign"),
        "two council members"
    );
    assert_eq!(
        f.a.quotes
            .iter()
            .filter(|q| q.span.text(f.text).contains("she might resign"))
            .count(),
        1,
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_speaker_after_the_cue_with_an_appositive_closing_the_sentence() {
    let f = run(
        "The bridge will close in May for repairs, said Dan Ruiz, a senior engineer for the county.\n\n\
         Tolls will not rise this year, said Okafor, who runs the toll authority.\n\n\
         The mayor would do well to start “building bridges” to the council, said Lena Varga, a former adviser.\n\n\
         Ferry fares will double by autumn, said Ann Lee, editor in chief of the Harbour Ledger.",
    );
    assert_eq!(
        f.quote("The bridge will close"),
        (
            Indirect,
            "Dan Ruiz".to_string(),
            "Dan Ruiz".to_string(),
            "said".to_string()
        )
    );
    assert!(
        f.texts()
            .contains(&"The bridge will close in May for repairs"),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("Tolls will not rise"), "Okafor");
    assert_eq!(f.speaker_of("building bridges"), "Lena Varga");
    assert_eq!(f.speaker_of("Ferry fares will double"), "Ann Lee");
}

#[test]
fn a_report_that_opens_with_an_adverbial_phrase() {
    let f = run(
        "In all, though, the council is doing what it can to keep the ferry running, Ann Lee said.\n\n\
         When Lee took the stage, she said the county would pay for it.\n\n\
         When the mayor spoke at the pier on Monday, he laughed and said, “We will see.”",
    );
    // The opening phrase and the clause after it are what the speaker reports.
    assert_eq!(f.speaker_of("the council is doing what it can"), "Ann Lee");
    assert!(
        f.texts().contains(
            &"In all, though, the council is doing what it can to keep the ferry running"
        ),
        "{:?}",
        f.texts()
    );
    // An opening phrase alone is no report, nor one before a subject that goes on to speak.
    assert!(
        f.none_contains("When Lee took the stage"),
        "{:?}",
        f.texts()
    );
    assert!(f.none_contains("When the mayor spoke"), "{:?}", f.texts());
}

#[test]
fn pronouns_take_the_nearest_compatible_person() {
    let f = run(
        "Maria Lopez met Peter Grant on Friday. “The deal is off,” she said.\n\n\
         Grant disagreed. “We will sign next week,” he said.",
    );
    assert_eq!(f.speaker_of("deal is off"), "Maria Lopez");
    assert_eq!(f.speaker_of("sign next week"), "Peter Grant");
}

#[test]
fn role_nouns_resolve_to_the_person_introduced_with_them() {
    let f = run(
        "Kremlin spokesman Dmitry Peskov spoke after the meeting. “No comment,” Peskov said.\n\n\
         “We are waiting for the results,” the Kremlin’s spokesperson told journalists.",
    );
    assert_eq!(f.speaker_of("waiting for the results"), "Dmitry Peskov");
}

#[test]
fn organisations_and_groups_speak() {
    let f = run("The ministry said the road would reopen on Sunday.\n\n\
         Local officials said the repairs cost more than expected.");
    let ministry = f.speaker_of("road would reopen");
    assert!(ministry.contains("ministry"), "{ministry}");
    let officials =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(f.text).contains("repairs"))
            .unwrap();
    let s = &f.a.speakers[officials.speaker_id.unwrap()];
    assert_eq!(s.kind.as_str(), "group");
}

#[test]
fn name_variants_merge_and_namesakes_stay_apart() {
    let f = run(
        "“We are ready,” said Volodymyr Zelenskyy.\n\n“We will win,” Zelensky said.\n\n\
         “I back the plan,” said Anna Berg. “I do not,” said Erik Berg.\n\n“It is late,” Berg said.",
    );
    assert_eq!(f.speaker_of("We will win"), "Volodymyr Zelenskyy");
    let z =
        f.a.speakers
            .iter()
            .find(|s| s.name == "Volodymyr Zelenskyy")
            .unwrap();
    assert!(z.aliases.iter().any(|a| a == "Zelensky"), "{:?}", z.aliases);
    assert_eq!(f.speaker_of("I back the plan"), "Anna Berg");
    assert_eq!(f.speaker_of("I do not"), "Erik Berg");
    // A bare surname goes to the Berg mentioned last.
    assert_eq!(f.speaker_of("It is late"), "Erik Berg");
}

#[test]
fn scare_quotes_and_furniture_are_not_quotes() {
    let f = run(
        "The plan gives the region “special status” under the treaty.\n\n\
         Read more\nOfficials said 40 people were hurt in an unrelated crash.",
    );
    assert!(f.none_contains("special status"), "{:?}", f.texts());
    assert!(f.none_contains("40 people"), "{:?}", f.texts());
}

#[test]
fn multi_paragraph_quote_and_unbalanced_marks() {
    let f = run(
        "Coach Ben Ito said:\n\n“We trained hard all winter.\n\n“Now we want the title.”\n\n\
         A fan shouted “go on and never stop.\n\nThe match ended 2–1, officials said.",
    );
    let (kind, who, _, _) = f.quote("trained hard");
    assert_eq!((kind, who.as_str()), (Direct, "Ben Ito"));
    assert!(
        f.texts()
            .iter()
            .any(|t| t.contains("trained hard") && t.contains("the title")),
        "{:?}",
        f.texts()
    );
    // The stray mark does not swallow the next paragraph.
    assert!(
        f.texts().contains(&"The match ended 2–1"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn typewriter_quotes_and_abbreviated_titles() {
    let f = run("''The market will recover,'' Mr. Lund said. ''It always has.''");
    let (kind, who, said, _) = f.quote("market will recover");
    assert_eq!(
        (kind, who.as_str(), said.as_str()),
        (Direct, "Lund", "Lund")
    );
}

#[test]
fn misspelt_cue_after_a_name() {
    let f = run("“We do not have the result we would like,” Zelensky zaid.");
    assert_eq!(f.speaker_of("result we would like"), "Zelensky");
}

#[test]
fn confidence_is_lower_for_floating_and_pronoun_quotes() {
    let f = run("“The bridge will open in May,” said Mayor Lena Duarte.\n\n\
         “It will carry 20,000 cars a day,” she said. The council met for three hours. The vote was close. \
         Reporters waited in the hall. “And buses, of course, every ten minutes.”");
    let c = |needle: &str| {
        f.a.quotes
            .iter()
            .find(|q| q.span.text(f.text).contains(needle))
            .unwrap()
            .confidence
    };
    assert!(c("bridge") > c("20,000"), "{} {}", c("bridge"), c("20,000"));
    assert!(c("20,000") > c("buses"), "{} {}", c("20,000"), c("buses"));
}

#[test]
fn parenthetical_cue_reports_the_whole_sentence() {
    let t = "The delay, Mayor Lena Duarte said, was caused by a shortage of steel.\n\n\
             In cases of fraud, the report said, “the buyer is a victim.”";
    let f = run(t);
    let (kind, who, _, cue) = f.quote("shortage of steel");
    assert_eq!(
        (kind, who.as_str(), cue.as_str()),
        (Indirect, "Lena Duarte", "said")
    );
    assert!(
        f.texts()
            .iter()
            .any(|x| x.starts_with("The delay") && x.ends_with("shortage of steel")),
        "{:?}",
        f.texts()
    );
    assert!(
        f.texts()
            .iter()
            .any(|x| x.starts_with("In cases of fraud") && x.contains("victim")),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.quote("victim").0, Mixed);
}

#[test]
fn a_capitalised_quote_after_a_parenthetical_cue_is_a_direct_quote_led_by_it() {
    let t =
        "As the sirens faded, the fire chief said, “Nobody was hurt. The building is safe.”\n\n\
             Asked about the cause, Duarte said, \"We will not guess.\"";
    let f = run(t);
    let q = |needle: &str| {
        f.a.quotes
            .iter()
            .find(|q| q.span.text(t).contains(needle))
            .map(|q| (q.kind, q.span.text(t)))
    };
    assert_eq!(
        q("Nobody was hurt"),
        Some((Direct, "“Nobody was hurt. The building is safe.”"))
    );
    assert_eq!(q("not guess"), Some((Direct, "\"We will not guess.\"")));
    assert!(f.none_contains("sirens faded"), "{:?}", f.texts());
}

#[test]
fn inverted_speaker_with_a_noun_compound_before_the_role() {
    let f = run(
        "“There was never an order to stop,” said the base chief. “We did what we could.”\n\n\
         “It was a mistake,” said a former senior law enforcement official.",
    );
    assert_eq!(f.quote("order to stop").2, "the base chief");
    assert_eq!(
        f.quote("It was a mistake").2,
        "a former senior law enforcement official"
    );
}

#[test]
fn according_to_after_a_scare_quote_sources_the_whole_sentence() {
    let t = "More than 5,000 people joined a “sit-in” at 40 schools across the state, according to the organiser \
             Civic Schools Network.";
    let f = run(t);
    let (kind, _, said, cue) = f.quote("sit-in");
    assert_eq!(
        (kind, said.as_str(), cue.as_str()),
        (Mixed, "Civic Schools Network", "according to")
    );
    assert!(f.texts()[0].starts_with("More than 5,000") && f.texts()[0].ends_with("state"));
}

#[test]
fn coordinated_cue_takes_the_subject_of_its_clause() {
    let f = run(
        "In a radio interview on Monday, the Ostland governor praised the rescue teams and said the dam was \
         “safe for now.”\n\n\
         Mayor Ines Coll did not name her rivals, but told her supporters, “Our city is tired of promises.”",
    );
    let (kind, _, said, cue) = f.quote("safe for now");
    assert_eq!(
        (kind, said.as_str(), cue.as_str()),
        (Mixed, "the Ostland governor", "said")
    );
    assert_eq!(f.speaker_of("tired of promises"), "Ines Coll");
}

#[test]
fn a_cue_joined_by_and_reports_nothing_of_the_next_cue() {
    // What "and" joins to a cue is another verb phrase with a report of its own, not the first cue's content.
    let f = run(
        "The former mayor, Rodrigo Baltar, denied wrongdoing and said he would appeal the verdict.\n\n\
         His lawyer, Inés Corral, declined to comment and said the family was grieving.",
    );
    let (kind, name, _, cue) = f.quote("appeal the verdict");
    assert_eq!(
        (kind, name.as_str(), cue.as_str()),
        (Indirect, "Rodrigo Baltar", "said")
    );
    assert!(f.texts()[0].starts_with("he would"), "{:?}", f.texts());
    let (_, name, _, cue) = f.quote("family was grieving");
    assert_eq!((name.as_str(), cue.as_str()), ("Inés Corral", "said"));
    assert!(f.none_contains("and said"), "{:?}", f.texts());
    // A listener with "and" in its name still reaches its "that".
    let f = run(
        "Marta Vell told The Herald and Courier of Dunmore on Friday that she would run again.",
    );
    assert_eq!(f.texts(), ["she would run again"]);
    assert_eq!(f.speaker_of("run again"), "Marta Vell");
}

#[test]
fn second_verb_of_one_report_does_not_split_it() {
    // `X said that A but said B` is one statement of X.
    let t = "Mayor Ines Coll said Friday that the footage should be released but said “the question is the timing.”";
    let f = run(t);
    assert_eq!(f.a.quotes.len(), 1, "{:?}", f.texts());
    assert!(f.texts()[0].starts_with("the footage") && f.texts()[0].ends_with("timing.”"));
}

#[test]
fn inverted_named_speaker_without_the_comma_and_a_participle_after_the_cue() {
    let f = run(
        "\"We were never told about the leak\" said Nora Field, a union spokeswoman. \"Nobody warned us.\"\n\n\
         “Who would have believed we could win?” Coll said, looking out at the crowd.",
    );
    assert_eq!(f.speaker_of("never told"), "Nora Field");
    let (kind, who, _, cue) = f.quote("Who would have believed");
    assert_eq!((kind, who.as_str(), cue.as_str()), (Direct, "Coll", "said"));
    assert!(f.none_contains("looking out"), "{:?}", f.texts());
}

#[test]
fn a_quote_that_goes_on_in_the_next_paragraph_is_one_statement() {
    let t = "“The levee held,” said engineer Karl Moss.\n\n“We will still check every metre of it.”\n\n\
             “Nothing about us without us.” — Amara Okafor\n\n“We march at noon.” — Tomas Ek";
    let f = run(t);
    let q =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(t).contains("levee held"))
            .unwrap();
    assert_eq!(
        q.parts.iter().map(|p| p.text(t)).collect::<Vec<_>>(),
        [
            "“The levee held,”",
            "“We will still check every metre of it.”"
        ]
    );
    // Credit lines after a dash: each quote is its own.
    assert_eq!(f.speaker_of("Nothing about us"), "Amara Okafor");
    assert_eq!(f.speaker_of("march at noon"), "Tomas Ek");
    assert!(f.none_contains("— Amara Okafor\n\n“We march"));
}

#[test]
fn a_negated_verb_between_two_quotes_does_not_break_the_statement() {
    let t =
        "“We have had floods before,” Moss said after the meeting. He did not suggest a cause. \
             “This one came faster than any of them.”";
    let f = run(t);
    let q =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(t).contains("floods before"))
            .unwrap();
    assert_eq!(q.parts.len(), 2, "{:?}", f.texts());
    assert_eq!(
        q.parts[1].text(t),
        "“This one came faster than any of them.”"
    );
}

#[test]
fn trailing_cue_after_a_nested_quote_and_a_generic_inverted_speaker() {
    let f = run(
        "\"People tell me, 'It will never flood here,'\" said Nora Field, a local farmer.\n\n\
         \"A county cannot shift the cost of the levee onto the farmers who live behind it,\" said the ruling.",
    );
    assert_eq!(f.speaker_of("never flood"), "Nora Field");
    assert_eq!(f.quote("cannot shift").2, "the ruling");
}

#[test]
fn a_title_in_quotes_after_a_preposition_is_not_speech() {
    let t = "In an interview on Radio Ostland's \"Morning Hour,\" Mayor Ines Coll said the flood defences \
             demand that every district keep \"sandbags ready.\"";
    let f = run(t);
    assert!(f.none_contains("Morning Hour"), "{:?}", f.texts());
    let (kind, who, _, cue) = f.quote("sandbags ready");
    assert_eq!(
        (kind, who.as_str(), cue.as_str()),
        (Mixed, "Ines Coll", "said")
    );
    assert!(
        f.texts()[0].starts_with("the flood defences"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn mixed_quote_with_a_generic_or_contracted_subject() {
    let f = run(
        "The new campaign ad says Coll “has never missed a council vote.”\n\n\
         Moss spoke in Brill on Monday. He’s claiming that the dam is “perfectly safe.”",
    );
    let (kind, _, said, cue) = f.quote("never missed");
    assert_eq!(
        (kind, said.as_str(), cue.as_str()),
        (Mixed, "The new campaign ad", "says")
    );
    let (kind, who, said, _) = f.quote("perfectly safe");
    assert_eq!((kind, who.as_str(), said.as_str()), (Mixed, "Moss", "He"));
}

#[test]
fn leading_cue_says_of_someone() {
    let f =
        run("The veteran mayor says of Coll, “She will sell the harbour if she gets the chance.”");
    let (kind, _, said, cue) = f.quote("sell the harbour");
    assert_eq!(
        (kind, said.as_str(), cue.as_str()),
        (Direct, "The veteran mayor", "says")
    );
}

#[test]
fn relative_clause_after_an_appositive_names_its_speaker_through_who() {
    let t = "Voters still remember Ada Kerr, now the party leader, who in 2010 said the harbour tax was \
             “a gift to the rich.”";
    let f = run(t);
    let (kind, who, said, cue) = f.quote("gift to the rich");
    assert_eq!(
        (kind, who.as_str(), said.as_str(), cue.as_str()),
        (Mixed, "Ada Kerr", "who", "said")
    );
}

#[test]
fn but_without_a_clause_of_its_own_stays_in_the_report() {
    let t =
        "Coll said the harbour plan was not just a failure, but a disaster for the fishing fleet. \
             Moss said the levee was safe, but the council disagreed.";
    let f = run(t);
    assert!(
        f.texts().contains(
            &"the harbour plan was not just a failure, but a disaster for the fishing fleet"
        ),
        "{:?}",
        f.texts()
    );
    assert!(f.texts().contains(&"the levee was safe"), "{:?}", f.texts());
}

#[test]
fn a_quote_part_that_ends_mid_sentence_takes_the_rest_of_the_clause() {
    let t = "“We measured it twice,” Moss said. “Nine in ten engineers are in support” of the new levee design.";
    let f = run(t);
    let q =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(t).contains("measured it twice"))
            .unwrap();
    assert!(
        q.span.text(t).ends_with("of the new levee design"),
        "{}",
        q.span.text(t)
    );
    assert_eq!(q.parts.len(), 2);
}

#[test]
fn subjects_past_time_adjuncts_reflexives_and_to_phrases() {
    let f = run("Mayor Ines Coll on Tuesday said the levee would hold.\n\n\
         The ministry itself said the report was wrong.\n\n\
         Aides to Coll say she will not resign.\n\n\
         Sources close to the council said the vote was delayed.");
    assert_eq!(f.quote("levee would hold").2, "Ines Coll");
    assert_eq!(f.quote("report was wrong").2, "The ministry");
    assert_eq!(f.quote("not resign").2, "Aides to Coll");
    assert_eq!(
        f.quote("vote was delayed").2,
        "Sources close to the council"
    );
}

#[test]
fn promises_requests_and_questions_report_their_infinitive_or_question() {
    let f = run("Mayor Ines Coll vowed to rebuild the pier by spring.\n\n\
         The senator urged the council to delay the vote.\n\n\
         Moss asked whether the levee could hold another flood.");
    let texts = f.texts();
    assert!(
        texts.contains(&"to rebuild the pier by spring"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"the council to delay the vote"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"whether the levee could hold another flood"),
        "{texts:?}"
    );
    assert_eq!(f.speaker_of("rebuild the pier"), "Ines Coll");
    // A refusal is no report: nothing is said.
    assert!(run("Coll declined to comment on the plan.")
        .a
        .quotes
        .is_empty());
}

#[test]
fn a_listener_before_a_clause_is_no_request_to_its_verb() {
    // "to hospital" after a clause is no infinitive: the listener is skipped and the clause reported.
    let f = run(
        "Const. Aldo Reyes told the Ledger the man was taken to hospital.\n\n\
         Reyes told residents to stay indoors.",
    );
    assert_eq!(
        f.texts(),
        ["the man was taken to hospital", "residents to stay indoors"]
    );
    assert_eq!(f.speaker_of("taken to hospital"), "Aldo Reyes");
}

#[test]
fn questions_put_to_someone_and_outlets_that_report() {
    let t = "Asked whether she would run again, Coll said she had not decided.\n\n\
             The Ostland Herald reported the mayor had met the builders twice.";
    let f = run(t);
    let q =
        f.a.quotes
            .iter()
            .find(|q| q.span.text(t) == "whether she would run again")
            .expect("the question");
    assert_eq!(q.speaker, None);
    assert_eq!(f.quote("had not decided").2, "Coll");
    assert_eq!(f.quote("met the builders").2, "Ostland Herald");
}

#[test]
fn a_headline_in_title_case_after_a_name_is_attributed() {
    let f = run(
        "Ines Coll: No New Taxes Before the Harbour Opens\n\nBREAKING: Levee Holds After Storm",
    );
    let (kind, who, _, cue) = f.quote("No New Taxes");
    assert_eq!(
        (kind, who.as_str(), cue.as_str()),
        (Indirect, "Ines Coll", ":")
    );
    assert!(f.none_contains("Levee Holds"), "{:?}", f.texts());
}

#[test]
fn poll_shares_speak_as_groups() {
    let f = run(
        "In the Ostland Herald poll, 32 percent said they trusted the council.\n\n\
         Some 20 percent of voters in the survey said the levee was safe.\n\n\
         Six in 10 say the mayor should resign.",
    );
    assert_eq!(f.quote("trusted the council").2, "32 percent");
    assert_eq!(
        f.quote("levee was safe").2,
        "Some 20 percent of voters in the survey"
    );
    assert_eq!(f.quote("should resign").2, "Six in 10");
    let kinds: Vec<_> = f.a.speakers.iter().map(|s| s.kind).collect();
    assert!(
        kinds.iter().all(|k| *k == whosaid::SpeakerKind::Group),
        "{kinds:?}"
    );
}

#[test]
fn a_report_inside_another_reports_content_is_left_to_it() {
    let t = "Coll said Moss told her on Monday that the pier was unsafe.";
    let f = run(t);
    assert_eq!(
        f.texts(),
        ["Moss told her on Monday that the pier was unsafe"]
    );
    assert_eq!(f.speaker_of("pier was unsafe"), "Coll");
}

#[test]
fn a_participle_cue_takes_the_subject_past_datelines_and_fronted_phrases() {
    let f = run(
        "BRILL (Reuters) — Mayor Ines Coll rallied supporters on Monday, saying the harbour would reopen.\n\n\
         Hours later, Tomas Ek returned the favour, telling reporters the council stood behind her.",
    );
    assert_eq!(f.speaker_of("harbour would reopen"), "Ines Coll");
    assert_eq!(f.speaker_of("stood behind her"), "Tomas Ek");
}

#[test]
fn call_with_a_particle_is_a_speech_frame() {
    let f = run(
        "Senator Ada Kerr called for an immediate ceasefire in the region.\n\n\
                 The council called on residents to stay indoors.",
    );
    let (kind, who, _, _) = f.quote("immediate ceasefire");
    assert_eq!((kind, who.as_str()), (Indirect, "Ada Kerr"));
    assert!(
        f.texts().contains(&"an immediate ceasefire in the region"),
        "{:?}",
        f.texts()
    );
    assert!(
        f.texts().contains(&"residents to stay indoors"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn nominal_cue_reports_the_complement_of_its_possessor() {
    let f = run(
        "Governor Nora Falk spoke at the harbor on Monday.\n\n\
         Her rival mocked Falk’s claim that the new bridge would pay for itself within a decade.\n\n\
         Later, Falk renewed her promise to reopen the ferry pier before winter.",
    );
    let (kind, who, said, cue) = f.quote("the new bridge would pay");
    assert_eq!(
        (kind, who.as_str(), said.as_str(), cue.as_str()),
        (Indirect, "Nora Falk", "Falk", "claim")
    );
    assert!(f
        .texts()
        .contains(&"that the new bridge would pay for itself within a decade"));
    // The subject who takes up her own statement again is the speaker.
    let (_, who, said, cue) = f.quote("to reopen the ferry pier");
    assert_eq!(
        (who.as_str(), said.as_str(), cue.as_str()),
        ("Nora Falk", "Falk", "promise")
    );
}

#[test]
fn naming_and_describing_report_what_the_subject_said_of_the_object() {
    let f = run(
        "Councillor Petra Lind called the parking levy a tax on nurses.\n\n\
         Lind described the mayor’s budget as a wish list, and the press office of the council \
         published what she called a fairer plan.",
    );
    let (kind, who, _, cue) = f.quote("a tax on nurses");
    assert_eq!(
        (kind, who.as_str(), cue.as_str()),
        (Indirect, "Petra Lind", "called")
    );
    assert!(
        f.texts().contains(&"the parking levy a tax on nurses"),
        "{:?}",
        f.texts()
    );
    let (_, who, _, cue) = f.quote("budget as a wish list");
    assert_eq!((who.as_str(), cue.as_str()), ("Petra Lind", "described"));
    assert!(
        f.texts().contains(&"what she called a fairer plan"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_source_with_its_own_clause_after_according_to_reports_only_what_comes_before() {
    let f = run(
        "Ferry fares rose by a third last year, according to the Harbour Users Trust, which tracks fares.\n\n\
         Tolls fell in two counties, according to Corvel, a start-up that counts cars.\n\n\
         At the root of the delay, according to the audit, was a missing permit.",
    );
    // A relative clause or an appositive of the source is not more of what it reports.
    assert!(
        f.texts().contains(&"Ferry fares rose by a third last year"),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("Ferry fares rose"), "Harbour Users Trust");
    assert!(
        f.texts().contains(&"Tolls fell in two counties"),
        "{:?}",
        f.texts()
    );
    // A source set off by commas mid-sentence still reports all of it.
    assert!(
        f.texts()
            .iter()
            .any(|t| t.starts_with("At the root of the delay") && t.ends_with("a missing permit")),
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_section_label_before_a_colon_is_no_speaker() {
    let f = run("Harbour Update: The ferry timetable changes on Monday.\n\n\
         Tillman: Ferry Must Run All Winter\n\n\
         The council meets on Friday to vote on the plan.");
    assert!(
        f.none_contains("The ferry timetable changes"),
        "{:?}",
        f.texts()
    );
    // A name before the colon is still a speaker.
    assert_eq!(f.speaker_of("Ferry Must Run All Winter"), "Tillman");
}

#[test]
fn a_title_case_headline_reports_with_its_capitalised_verb() {
    let f = run("Mayor Dunn Says Ferry Fares Will Fall In Spring\n\n\
         Calden will cut ferry fares by a tenth in March, the mayor said on Monday.");
    let (kind, who, said, cue) = f.quote("Ferry Fares Will Fall In Spring");
    assert_eq!(
        (kind, who.as_str(), said.as_str(), cue.as_str()),
        (Indirect, "Dunn", "Dunn", "Says")
    );
    // The headline's verb ends the name before it: the mayor is Dunn, not "Dunn Says Ferry Fares".
    assert_eq!(f.speaker_of("Calden will cut ferry fares"), "Dunn");
    // The same words in a sentence of running text are names and titles, not cues; nor is a plural noun that a verb
    // may be, or a surname that is a verb.
    let f = run(
        "The talks took place at the Calden Claims Court on Monday.\n\n\
         Ferry Strikes Spread Across The United States\n\n\
         Members: Ana Ruiz, Christopher Rants, Lee Chen, Tom Okafor, Jo Hale",
    );
    assert!(f.texts().is_empty(), "{:?}", f.texts());
}

#[test]
fn a_quote_ending_in_a_mark_may_be_followed_by_its_speaker_and_an_adjunct() {
    let f = run("The vote began at noon.\n\n\
         “We are proud to cast our votes for Mora!” Jeff Dunn said as he opened the roll call.\n\n\
         “Why wait?” Senator Ruiz asked on Monday, before the vote.");
    assert_eq!(f.speaker_of("proud to cast our votes"), "Jeff Dunn");
    assert_eq!(f.speaker_of("Why wait"), "Ruiz");
    // A new sentence with a clause of its own is not the quote's attribution.
    let f = run("“Lock the gates!” Harbour workers said the chant was heard all night.");
    assert!(f.none_contains("Lock the gates"), "{:?}", f.texts());
}

#[test]
fn a_base_form_after_an_article_and_a_capitalised_word_is_a_noun() {
    // "a Twitter comment" is no cue with "Twitter" as its subject: the quote is the poster's.
    let f = run(
        "Ana Mora posted a Twitter comment of her own, saying, “We are so excited to meet her!”",
    );
    assert_eq!(f.speaker_of("so excited to meet her"), "Ana Mora");
    // After a plural the same form is a verb.
    let f = run("“The port is safe,” the Saudis state in the report.");
    assert_eq!(f.speaker_of("The port is safe"), "Saudis");
}

#[test]
fn a_promise_or_request_quoted_after_to_is_reported_speech() {
    // `vowed to “…”`, `told supporters to “…”`: the infinitive's verb opens the quotation.
    let f = run("Mayor Ilse Varga spoke at the docks on Monday.\n\n\
         She vowed to “keep every ferry sailing” through the winter.\n\n\
         Later Varga told her supporters at the rally to “go out and vote early.”");
    let (kind, name, _, cue) = f.quote("keep every ferry sailing");
    assert_eq!(
        (kind, name.as_str(), cue.as_str()),
        (QuoteKind::Mixed, "Ilse Varga", "vowed")
    );
    let (kind, name, _, cue) = f.quote("go out and vote early");
    assert_eq!(
        (kind, name.as_str(), cue.as_str()),
        (QuoteKind::Mixed, "Ilse Varga", "told")
    );
}

#[test]
fn a_post_on_a_platform_with_that_reports_its_clause() {
    let f = run(
        "Councillor Ada Moor posted on Facebook that the ferry would be sold.\n\n\
         Jonas Pell posted on social media that he would resign.\n\n\
         Later Pell posted on Monday a photo that showed the harbour.",
    );
    assert_eq!(f.speaker_of("the ferry would be sold"), "Ada Moor");
    assert_eq!(f.speaker_of("he would resign"), "Jonas Pell");
    // "that" after a noun opens no report: a relative clause.
    assert!(f.none_contains("showed the harbour"), "{:?}", f.texts());
}

#[test]
fn a_count_opened_by_at_least_is_a_reported_clause() {
    let f =
        run("The march ended at dusk. Police said at least 12 people were arrested in the port.");
    assert_eq!(f.speaker_of("at least 12 people were arrested"), "police");
    // A place after the verb is still no clause: "said at a rally that …" reports what follows "that".
    let g = run("Ada Moor said at a rally that the ferry would be sold.");
    assert_eq!(g.texts(), ["the ferry would be sold"]);
}

#[test]
fn a_channel_after_the_verb_may_stand_before_a_clause_without_that() {
    let f = run(
        "The Calden Ferry Association said in a statement it supported the new timetable. Ada Moor said in an \
         interview the fares were too high.",
    );
    assert_eq!(
        f.speaker_of("it supported the new timetable"),
        "Calden Ferry Association"
    );
    assert_eq!(f.speaker_of("the fares were too high"), "Ada Moor");
    // An article alone is no channel: "said a man" reports the clause it opens.
    let g = run("Police said a man was arrested in the port.");
    assert_eq!(g.texts(), ["a man was arrested in the port"]);
}

#[test]
fn a_reported_clause_ends_at_an_abbreviation_that_ends_its_sentence() {
    let f = run(
        "The party said it would vote no. The union said it was worried. Kim Ober said the deal went to Tarn Ltd. \
         The mayor said it was a good day. \"No comment,\" said a spokesperson for Acme Corp. \"Fine,\" said Sen. \
         Ann Lee.",
    );
    assert_eq!(
        f.texts(),
        [
            "it would vote no",
            "it was worried",
            "the deal went to Tarn Ltd",
            "it was a good day",
            "\"No comment,\"",
            "\"Fine,\""
        ]
    );
    assert_eq!(f.quote("Fine").1, "Ann Lee");
    assert_eq!(f.quote("it was worried").2, "The union");
}

#[test]
fn reported_clause_after_a_place_without_that() {
    let f = run(
        "Bank governor Lena Varga told reporters in Port Ellis the board had ruled nothing out.\n\n\
         The minister said at Kelby Hall the talks would resume in March.\n\n\
         Varga spoke in Brill on Friday about the budget.\n\n\
         The mayor said in May he would stay on.",
    );
    assert!(
        f.texts().contains(&"the board had ruled nothing out"),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("board had ruled"), "Lena Varga");
    assert!(
        f.texts().contains(&"the talks would resume in March"),
        "{:?}",
        f.texts()
    );
    // A month after "in" is a time, read as times are (`said in May he` is refused there), not a place.
    assert!(
        !f.texts().iter().any(|t| t.contains("would stay on")),
        "{:?}",
        f.texts()
    );
    // A place with no clause after it is no report.
    assert!(
        !f.texts().iter().any(|t| t.contains("budget")),
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_participle_after_a_quote_opens_a_clause_of_its_own() {
    // `“…,” saying X …` is no inverted cue with X its speaker: X starts the clause the participle reports, whose
    // speaker is the sentence's subject — also with the comma inside the closing mark.
    let f = run(
        "Councillor Ana Ruiz called the plan \"a disgrace,\" saying workers would lose hundreds of jobs.\n\n\
         The Kelby Trust did not want to discuss “that man,” telling a local station that the trust is focused \
         on its schools.\n\n\
         Mayor Tomas Berg called the budget “a fair deal,” adding residents would see lower fees next year.",
    );
    assert_eq!(f.speaker_of("workers would lose"), "Ana Ruiz");
    assert_eq!(f.speaker_of("focused on its schools"), "Kelby Trust");
    assert_eq!(f.speaker_of("residents would see"), "Tomas Berg");
    for s in &f.a.speakers {
        assert!(
            !matches!(s.name.as_str(), "workers" | "residents" | "local station"),
            "{:?}",
            f.a.speakers.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_plural_possessive_apostrophe_is_no_quotation_mark() {
    // `farmers'` and `Reyes’` end in an apostrophe that pairs with nothing: the phrase reads through it, as through
    // `’s`, and no quotation is made of the text before it.
    let f = run(
        "Ana Ruiz, head of the Grain Federation, a farmers' group, said traders were hoarding stocks.\n\n\
         The teachers’ union said on Monday that the strike would go ahead next week.\n\n\
         Mayor Lena Varga met Tomas Reyes on Friday. Tomas Reyes’ campaign manager said the race was closer \
         than the polls showed.\n\n\
         Ruiz said the plan was 'a disaster for farmers' and walked out of the meeting.",
    );
    assert_eq!(f.speaker_of("hoarding stocks"), "Ana Ruiz");
    assert!(f.none_contains("Grain Federation"), "{:?}", f.texts());
    assert_eq!(f.speaker_of("strike would go ahead"), "teachers’ union");
    assert_eq!(
        f.speaker_of("race was closer"),
        "Tomas Reyes’ campaign manager"
    );
    // A closing single mark after an s is still one where a quote is open.
    assert_eq!(
        f.quote("disaster for farmers").0,
        whosaid::QuoteKind::Mixed,
        "{:?}",
        f.texts()
    );
}

#[test]
fn an_opening_phrase_is_no_report_of_the_verb_after_it() {
    // "Despite the loss, she said the vote was fair.": the phrase before the comma is an adverbial, the report
    // follows the verb.
    for front in [
        "Despite the loss,",
        "Unlike her sister, Mona Ruiz,",
        "Like her rivals,",
    ] {
        let text = format!("Ana Ruiz spoke first. {front} she said the vote was fair.");
        let f = run(&text);
        assert_eq!(f.texts(), ["the vote was fair"], "{text}");
    }
    // A listener's name after the verb still lets the report stand before it.
    let f = run(
        "Despite a run of defeats on Tuesday, Mayor Ana Ruiz remains committed to the race to the end, her top \
         aide, Tomas Brill, told The Calden Post.",
    );
    assert_eq!(
        f.quote("remains committed").1,
        "Tomas Brill",
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_noun_after_a_preposition_and_an_article_is_no_cue() {
    // "on a conference call that …", "in a text message that …": the noun is where it was said, the verb before it
    // the cue; no speaker "a conference" or "a text".
    let f = run(
        "Chief executive Mara Quist told analysts on a conference call that demand had been strong in Asia.\n\n\
         Councillor Tomas Berg replied in a text message that the vote would go ahead on Friday.",
    );
    assert_eq!(f.speaker_of("demand had been strong"), "Mara Quist");
    assert_eq!(f.speaker_of("vote would go ahead"), "Tomas Berg");
    let names: Vec<&str> = f.a.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Mara Quist", "Tomas Berg"]);
}

#[test]
fn a_participle_reports_what_follows_it_never_what_comes_before() {
    // "…, arguing the law …": the clause before the participle is no report, and nothing after it is a speaker.
    let f = run(
        "Cycling groups filed the challenge in the Calden Superior Court, arguing the law violates the Charter \
         rights of cyclists.\n\nParents filed a second case on Monday, saying the new route puts children at risk.",
    );
    assert!(f.none_contains("filed the challenge"), "{:?}", f.texts());
    assert!(f.none_contains("filed a second case"), "{:?}", f.texts());
    assert_eq!(f.speaker_of("puts children at risk"), "parents");
    assert!(f.a.speakers.iter().all(|s| s.name != "Charter"));
}

#[test]
fn a_role_with_a_bare_complement_then_a_name_is_the_subject() {
    // "Its director of advocacy, Mike Allen, said …": the name set off after the role and its complement speaks;
    // and the phrase after "said" that a verb follows is the reported clause's subject, never an inverted speaker.
    let f = run(
        "Kelby Shelter said the figures were grim. Its director of advocacy, Mona Ferris, said the figures were \
         “shocking but not surprising” and urged action.\n\n\
         Rates will stay high. The bank's head of research, Ana Ruiz, said inflation would ease by the summer.",
    );
    assert_eq!(f.speaker_of("shocking but not"), "Mona Ferris");
    assert_eq!(f.speaker_of("inflation would ease"), "Ana Ruiz");
    assert!(f.none_contains("director of advocacy"), "{:?}", f.texts());
    assert!(f.a.speakers.iter().all(|s| s.name != "figures"));
}

#[test]
fn british_spellings_of_cues_are_cues() {
    // Canadian, British and Australian copy doubles the l: "signalled", "labelled".
    let f = run(
        "The Calden central bank held its key rate on Wednesday, but Governor Ana Ruiz signalled that cuts \
         could come as early as June.\n\nOpposition leader Tomas Berg labelled the decision \"a missed chance\" \
         on Thursday.",
    );
    assert_eq!(f.speaker_of("cuts could come"), "Ana Ruiz");
    assert_eq!(f.speaker_of("missed chance"), "Tomas Berg");
}

#[test]
fn a_gathering_told_something_is_a_listener_not_the_report() {
    // "told a news briefing the cut would …": the briefing is who heard it; the report starts after it (and after
    // "that" when adjuncts follow the gathering).
    let f = run(
        "Finance Minister Tomas Berg told a news briefing the cut would cost the treasury 1.4 billion crowns.\n\n\
         Ana Ruiz told a packed crowd in Kelby, Ostland, on Monday that she would run again.",
    );
    let (_, who, _, _) = f.quote("cost the treasury");
    assert_eq!(who, "Tomas Berg");
    assert!(
        f.texts()
            .contains(&"the cut would cost the treasury 1.4 billion crowns"),
        "{:?}",
        f.texts()
    );
    assert!(
        f.texts().contains(&"she would run again"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_conjunction_after_a_quote_opens_another_clause_not_its_attribution() {
    // `… for “years of neglect”, while opposition MP Tomas Brill said the party …`: Brill's cue reports his own
    // clause; the quote before "while" is not his. "as" does make an attribution (`“…,” as the host Ana Ruiz said`).
    let f = run(
        "Party leader Ana Ruiz blamed the council for \"years of neglect\", while opposition MP Tomas Brill said \
         the party would stand with the traders.\n\n\
         Still, the race is \"a dead heat right now,\" as the host Mara Osei said on her radio show on Monday.",
    );
    assert_eq!(f.speaker_of("stand with the traders"), "Tomas Brill");
    assert!(
        f.a.quotes
            .iter()
            .all(|q| !(q.span.text(f.text).contains("years of neglect")
                && q.speaker_id
                    .is_some_and(|i| f.a.speakers[i].name == "Tomas Brill"))),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("dead heat"), "Mara Osei");
}

#[test]
fn and_inside_an_organisation_s_name_after_its_preposition() {
    // "according to the Centers for Disease Control and Prevention": the "and" stays inside the name read forward
    // from the cue as backward from it; a given name after "and" opens another speaker.
    let f = run(
        "The fatality rate has reached 2.5 per cent, according to the Centers for Disease Control and \
         Prevention.\n\n\
         The rate fell in May, said the Department of Health and Tomas Brill.",
    );
    assert_eq!(
        f.quote("fatality rate").2,
        "Centers for Disease Control and Prevention"
    );
    assert_ne!(
        f.quote("rate fell").2,
        "Department of Health and Tomas Brill"
    );
}

#[test]
fn a_court_told_something_and_a_clause_with_an_infinitive_in_it() {
    // `told court the victim had been afraid to call police`: "court" alone is the listener, and an auxiliary
    // before the "to" makes what follows a reported clause, not an order (`told the jury to ignore it`).
    let f = run(
        "Crown prosecutor Ana Ruiz asked for six years. She told court the victim had been afraid to call police.",
    );
    assert!(
        f.texts()
            .contains(&"the victim had been afraid to call police"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_second_noun_phrase_after_the_listener_opens_the_reported_clause() {
    // `told a news conference the bank wanted to see …`: the "to" belongs to the reported clause, not to an order to
    // the listener; a new article after the listener's noun starts that clause (`told the head of the union to …` is
    // still an order, reported with its listener).
    let f = run(
        "Governor Ana Ruiz told a news conference the bank wanted to see growth pick up.\n\n\
         Tomas Brill told party members the council needed to find savings.\n\n\
         Mara Osei told the head of the union to call off the strike.",
    );
    assert!(
        f.texts().contains(&"the bank wanted to see growth pick up"),
        "{:?}",
        f.texts()
    );
    assert!(
        f.texts().contains(&"the council needed to find savings"),
        "{:?}",
        f.texts()
    );
    assert!(
        f.texts()
            .contains(&"the head of the union to call off the strike"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn a_plea_is_no_reported_speech() {
    // "pleaded guilty to fraud", "pleaded not guilty": the plea is not something the accused reported; "pleaded that
    // …" is.
    let f = run(
        "Tomas Brill, 52, pleaded guilty last year to fraud over $5,000.\n\n\
         His brother pleaded not guilty to three counts of assault.\n\n\
         Ana Ruiz pleaded that she had no choice.",
    );
    assert!(f.none_contains("fraud"), "{:?}", f.texts());
    assert!(f.none_contains("assault"), "{:?}", f.texts());
    assert_eq!(f.speaker_of("no choice"), "Ana Ruiz");
}

#[test]
fn a_place_between_the_verb_and_that_is_an_adjunct() {
    // "said outside court that the Crown was satisfied": the report starts after "that".
    let f = run("Crown prosecutor Tomas Brill said outside court that the Crown was satisfied with the sentence.");
    assert!(
        f.texts()
            .contains(&"the Crown was satisfied with the sentence"),
        "{:?}",
        f.texts()
    );
}

#[test]
fn police_and_military_rank_abbreviations_do_not_end_the_sentence() {
    // "RCMP spokesperson Cpl. Ana Ruiz said", "said Const. Tomas Brill": the rank's period is no sentence end, so the
    // quote keeps its cue and the speaker is the person, not the rank.
    let f = run(
        "\"This was a targeted incident,\" police spokesperson Cpl. Ana Ruiz said.\n\n\
         \"We found him in the river,\" said Const. Tomas Brill of the Kelby police.\n\n\
         Pte. Mara Osei said the unit was ready.\n\n\
         \"We are tired of waiting,\" Coun. Lena Park said.",
    );
    assert_eq!(f.speaker_of("tired of waiting"), "Lena Park");
    assert_eq!(f.speaker_of("targeted incident"), "Ana Ruiz");
    assert_eq!(f.speaker_of("in the river"), "Tomas Brill");
    assert_eq!(f.speaker_of("unit was ready"), "Mara Osei");
}

#[test]
fn an_accusation_reports_the_one_accused_and_the_charge() {
    // `accused the council on Monday of "hiding the truth"`: from the object on, the charge is what the speaker said
    // (mixed when it quotes); it ends before a clause of its own (`while …`) or the verb of the clause it sits in; a
    // passive "was accused of" reports nothing of the one accused.
    let f = run(
        "Opposition leader Ana Ruiz accused the council on Monday of \"hiding the truth\" about the cost of the \
         bridge.\n\n\
         Tomas Brill accuses Mara Osei of a smear while Osei suggests the party is divided.\n\n\
         A woman who has accused the mayor of assault said on Sunday that she would testify.\n\n\
         The mayor was accused of lying about the contract.",
    );
    let (kind, who, _, cue) = f.quote("hiding the truth");
    assert_eq!(
        (kind, who.as_str(), cue.as_str()),
        (Mixed, "Ana Ruiz", "accused")
    );
    assert!(
        f.texts().contains(&"Mara Osei of a smear"),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("party is divided"), "Mara Osei");
    assert!(
        f.texts().contains(&"the mayor of assault"),
        "{:?}",
        f.texts()
    );
    assert!(f.texts().contains(&"she would testify"), "{:?}", f.texts());
    assert!(f.none_contains("lying about"), "{:?}", f.texts());
}

#[test]
fn a_body_led_by_a_named_person_is_the_subject() {
    // "A five-judge bench headed by Chief Justice Ana Ruiz said …", "a committee chaired by …": the name after "by"
    // is no subject of its own, but the body it leads is; "bench" is a body that speaks.
    let f = run(
        "A five-judge bench headed by Chief Justice Ana Ruiz said the region's special status had been a \
         \"temporary provision.\"\n\n\
         A committee chaired by Tomas Brill said the budget was out of balance.\n\n\
         The bench said the appeal had no merit.",
    );
    let (kind, _, said, _) = f.quote("temporary provision");
    assert_eq!(kind, Mixed);
    assert!(said.starts_with("A five-judge bench headed by"), "{said}");
    assert_eq!(
        f.quote("out of balance").2,
        "A committee chaired by Tomas Brill"
    );
    assert_eq!(f.quote("no merit").2, "The bench");
}

#[test]
fn a_preposition_after_a_time_is_no_reported_clause() {
    // `agreed early Friday on a 50-billion-euro package`: what follows the time is a prepositional phrase, as right
    // after the verb (`agreed on …`); a clause after the time still is one.
    let f = run(
        "Ostland's leaders agreed early Friday on a 50-billion-crown aid package for farmers.\n\n\
         Ana Ruiz said Friday the package was too small.",
    );
    assert!(f.none_contains("aid package"), "{:?}", f.texts());
    assert_eq!(f.speaker_of("too small"), "Ana Ruiz");
}

#[test]
fn a_story_told_is_no_reported_clause() {
    // "tells a similar story", "told a slightly different tale": the thing told is no report; "told reporters the
    // story was false" still reports a clause.
    let f = run(
        "Her neighbour, butcher Tomas Brill, tells a similar story.\n\n\
         The council told a slightly different tale.\n\n\
         Ana Ruiz told reporters the story was false.",
    );
    assert!(f.none_contains("similar story"), "{:?}", f.texts());
    assert!(f.none_contains("different tale"), "{:?}", f.texts());
    assert_eq!(f.speaker_of("story was false"), "Ana Ruiz");
}

#[test]
fn a_count_opening_the_sentence_is_no_adverbial_front() {
    // "At least 129 people were killed …, the interior minister said.": "At least" opens a count, not a phrase
    // before the main clause, so the speaker after the comma reports the whole sentence; "At the rally, Ruiz said
    // …" still reads forward.
    let f = run(
        "At least 129 people were killed when they tried to escape from the prison early Monday, the interior \
         minister said.\n\n\
         At the rally, Ana Ruiz said the plan was dead.",
    );
    assert_eq!(f.quote("129 people").2, "the interior minister");
    assert!(
        f.texts()
            .iter()
            .any(|t| t.starts_with("At least 129 people were killed")),
        "{:?}",
        f.texts()
    );
    assert_eq!(f.speaker_of("plan was dead"), "Ana Ruiz");
}

#[test]
fn a_weak_cue_does_not_report_content_another_cue_reported() {
    // "said in a video posted on social media that …": one report, by "said"; "posted" (a participle of the video)
    // adds no second quote with the same words.
    let f = run("Ana Ruiz said in a video posted on social media that 24 of the dead had been shot by guards.");
    let same: Vec<_> =
        f.a.quotes
            .iter()
            .filter(|q| q.span.text(f.text).contains("24 of the dead"))
            .collect();
    assert_eq!(same.len(), 1, "{:?}", f.texts());
    assert_eq!(f.quote("24 of the dead").3, "said");
}

#[test]
fn to_before_a_verb_is_no_adjunct_before_that() {
    // `agreed to hear a challenge to a law that bans …`: the "to" of an infinitive is no adjunct after which a
    // "that" opens the report (the "that" is a relative pronoun); `admitted to the newspaper that …` still reports.
    let f = run(
        "The court on Thursday agreed to hear a challenge to a Kelby law that bans cars downtown.\n\n\
         Ana Ruiz admitted to the newspaper that she had lied.",
    );
    assert!(f.none_contains("bans cars"), "{:?}", f.texts());
    assert_eq!(f.speaker_of("she had lied"), "Ana Ruiz");
}

#[test]
fn according_to_a_source_with_an_appositive_reports_after_it() {
    // "According to Tomas Brill, a professor of economics at Kelby University, the policy will …": the content starts
    // after the appositive's comma; "According to the Ledger, an email was sent …" is content from the first comma.
    let f = run(
        "According to Tomas Brill, a professor of economics at Kelby University, the policy will have little \
         effect on prices.\n\n\
         According to the Ledger, an email was sent from the director, Ana Ruiz, to the members.",
    );
    assert!(
        f.texts()
            .contains(&"the policy will have little effect on prices"),
        "{:?}",
        f.texts()
    );
    assert!(
        f.texts().iter().any(|t| t.starts_with("an email was sent")),
        "{:?}",
        f.texts()
    );
}
