//! Unit tests of the statement rules (integration tests through `newsparse::parse` are in
//! `tests/statements.rs`); [`run`] is shared with the tests of the attribution rules.

use super::*;

pub(crate) fn run(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let doc = Doc::new(text);
    let mut index = crate::actors::extract(&doc);
    let st = extract(&doc, &mut index);
    st.iter()
        .map(|s| {
            (
                s.kind.as_str().to_string(),
                s.content.iter().map(|c| doc.slice(*c)).collect::<Vec<_>>().join(" | "),
                s.speaker_mention.map(|m| doc.slice(m).to_string()),
                s.cue.map(|c| doc.slice(c).to_string()),
            )
        })
        .collect()
}

#[test]
fn said_after_quote() {
    let r = run("“We will not give up,” the minister said on Monday.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].1, "We will not give up,");
    assert_eq!(r[0].2.as_deref(), Some("the minister"));
}

/// The speaker actor's name of each statement.
fn speakers(text: &str) -> Vec<Option<String>> {
    let doc = Doc::new(text);
    let mut index = crate::actors::extract(&doc);
    let st = extract(&doc, &mut index);
    st.iter()
        .map(|s| s.speaker.map(|a| index.actors[a].name.clone()))
        .collect()
}

#[test]
fn pronoun_gender_from_the_given_name() {
    // "She" is Maria Lopez, not the nearer Tom Hale.
    let r = speakers("Maria Lopez met Tom Hale on Monday.\n\nShe said the talks had failed.");
    assert_eq!(r, [Some("Maria Lopez".to_string())]);
    let r = speakers("Maria Lopez met Tom Hale on Monday.\n\nHe said the talks had failed.");
    assert_eq!(r, [Some("Tom Hale".to_string())]);
}

#[test]
fn in_her_words_names_the_possessive_speaker() {
    let r = run("Maria Lopez left the meeting early. In her words, the plan was a disaster.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the plan was a disaster");
    assert_eq!(r[0].2.as_deref(), Some("her"));
    let r = speakers("Maria Lopez left the meeting early. In her words, the plan was a disaster.");
    assert_eq!(r, [Some("Maria Lopez".to_string())]);
    // Negative: "words" that are no attribution.
    assert!(run("In other words, the plan was a disaster.").is_empty());
}

#[test]
fn quoted_as_saying_and_progressive_cues() {
    let r = run("The mayor was quoted as saying the bridge would reopen in May.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the bridge would reopen in May");
    assert_eq!(r[0].2.as_deref(), Some("The mayor"));
    let r = run("The White House is saying that the tax records show the need for reform.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("The White House"));
    // Negative: a passive cue with a personal subject is no statement of that subject.
    assert!(run("The mayor was told the bridge would reopen in May.").is_empty());
}

#[test]
fn impersonal_passives() {
    let r = run("It was announced that the bridge would reopen in May.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the bridge would reopen in May");
    assert_eq!(r[0].2, None);
    let r = run("It has been reported by the city council that the bridge would reopen in May.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("the city council"));
    // Negative: "it was reported" without "that" or "by" is not a statement.
    assert!(run("The bridge was closed. It was reported to be unsafe.").is_empty());
}

#[test]
fn participle_without_a_comma() {
    let r = run("The mayor spoke to reporters saying the bridge would reopen in May.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the bridge would reopen in May");
    assert_eq!(r[0].2.as_deref(), Some("The mayor"));
    // Negative: after "of" or a determiner the participle is a noun.
    assert!(run("The mayor was tired of saying the same thing.").is_empty());
}

#[test]
fn base_form_verbs_after_names() {
    let r = run("But Mr. Brown and Mr. Lee say other changes are needed.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("Mr. Brown and Mr. Lee"));
    // Negative: after a determiner "say" is a noun.
    assert!(run("Voters want to have a say in the matter.").is_empty());
}

/// The contents of the statements found with `opts`.
fn contents_with(text: &str, opts: &Options) -> Vec<String> {
    let doc = Doc::new(text);
    let mut index = crate::actors::extract(&doc);
    extract_with(&doc, &mut index, opts)
        .iter()
        .map(|s| s.content.iter().map(|c| doc.slice(*c)).collect::<Vec<_>>().join(" | "))
        .collect()
}

#[test]
fn stance_cues_are_left_out_when_only_speech_is_asked_for() {
    let speech = Options {
        speech_only: true,
        ..Options::default()
    };
    for text in [
        "The union believes the strike will end by Friday.",
        "The senator called for an inquiry into the contract.",
        "The governor threatened to veto the budget bill.",
        "The envoy expressed hope that the talks would resume.",
    ] {
        assert_eq!(run(text).len(), 1, "{text}: a statement by default");
        assert!(contents_with(text, &speech).is_empty(), "{text}: no speech cue");
    }
    // Negative: cues of speech stay.
    assert_eq!(
        contents_with("The union said the strike will end by Friday.", &speech),
        ["the strike will end by Friday"]
    );
    // "called for" is no "call", even when only speech is asked for.
    assert!(contents_with("The senator called for the inquiry to start.", &speech).is_empty());
}

#[test]
fn states_is_a_noun_unless_its_clause_is_marked() {
    let r = run("The audit states that the bridge was never inspected.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the bridge was never inspected");
    let r = run("The bridge was never inspected, the audit states.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("the audit"));
    // Negatives: the plural noun.
    assert!(run("The plan would give states broad freedom to spend the money.").is_empty());
    assert!(run("Turnout rose in Rust Belt states that have lost factory jobs.").is_empty());
    assert!(run("Voters in swing states, where every vote counts, were courted.").is_empty());
}

#[test]
fn headline_statements_with_a_present_tense_cue() {
    let r = run("Minister says tax cut will pass\n\nThe minister spoke to reporters on Monday.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "tax cut will pass");
    assert_eq!(r[0].2.as_deref(), Some("Minister"));
    let r = run("“We will win,” says coach\n\nThe coach spoke to reporters on Monday.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "direct");
    assert_eq!(r[0].2.as_deref(), Some("coach"));
    // A title-case headline line: the capitalised cue is no name.
    let r = run("Senator Says Tax Cut Will Pass In May.\n\nThe senator spoke to reporters on Monday.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "Tax Cut Will Pass In May");
    // Negatives: a base form in a headline ("Stress Need for …") and a capitalised cue word in a
    // sentence that is not in title case.
    assert!(run("Leaders Stress Need for Regional Stability\n\nThe two leaders met on Monday.").is_empty());
    assert!(run("The storm hit Mobile on Monday.\n\nLater, Says Park was closed to visitors.").is_empty());
}

#[test]
fn asked_with_an_addressee_and_a_question_or_a_request() {
    let r = run("A reporter asked the senator whether he would run again.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "whether he would run again");
    assert_eq!(r[0].2.as_deref(), Some("A reporter"));
    let r = run("In a letter, the mayor asked the council to delay the vote.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the council to delay the vote");
    // Negatives: "asked for" and "asked a question" are no statements.
    assert!(run("The mayor asked for a recount of the ballots.").is_empty());
    assert!(run("The mayor asked a question about the budget.").is_empty());
}

#[test]
fn trailing_clauses_stay_when_asked_for() {
    let keep = Options {
        keep_trailing: true,
        ..Options::default()
    };
    let text = "The ministry said it would cut fuel taxes, including those on diesel.";
    assert_eq!(contents_with(text, &Options::default()), ["it would cut fuel taxes"]);
    assert_eq!(
        contents_with(text, &keep),
        ["it would cut fuel taxes, including those on diesel"]
    );
    // Negative: an embedded "which" clause is content either way.
    let text = "The ministry said the dam, which was built in 1960, had not been inspected.";
    assert_eq!(contents_with(text, &Options::default()), contents_with(text, &keep));
}

#[test]
fn say_after_a_poll_share_is_a_verb() {
    let r = run("Six in 10 say the mayor is at least somewhat decisive.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the mayor is at least somewhat decisive");
    let r = run("Among likely voters, 42% say they will back the levy.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "they will back the levy");
    // Negative: other cue words after a number are nouns.
    assert!(run("The agency filed 3 reports on the matter last year.").is_empty());
}

#[test]
fn noun_phrase_contents_when_asked_for() {
    let np = Options {
        np_contents: true,
        ..Options::default()
    };
    let text = "The governor announced a new plan for the state's roads.";
    assert!(contents_with(text, &Options::default()).is_empty());
    assert_eq!(contents_with(text, &np), ["a new plan for the state's roads"]);
    assert_eq!(
        contents_with("The senator noted the decline in rural jobs.", &np),
        ["the decline in rural jobs"]
    );
    // Negative: a cue without the `np` tag still needs a clause ("wrote a check" reports nothing).
    assert!(contents_with("The fund manager wrote a large check to the campaign.", &np).is_empty());
}

#[test]
fn continuation_after_a_participle_joins_the_direct_quotation() {
    let merge = Options {
        merge_continuations: true,
        ..Options::default()
    };
    let text = "\"The budget is sound,\" the mayor said, adding that taxes would not rise. \"We planned for this.\"";
    assert_eq!(
        contents_with(text, &merge),
        ["The budget is sound, | We planned for this.", "taxes would not rise"]
    );
    // Negative: after a statement of its own sentence, the continuation joins that statement.
    let text = "\"The budget is sound,\" the mayor said. Taxes would not rise, she added. \"We planned for this.\"";
    assert_eq!(
        contents_with(text, &merge),
        ["The budget is sound,", "Taxes would not rise | We planned for this."]
    );
}

#[test]
fn a_participle_cue_after_a_comma_ends_the_content() {
    let r = run("The mayor argued that the tax would pay for the bridge, saying it was a fair deal.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, "the tax would pay for the bridge");
    assert_eq!(r[1].1, "it was a fair deal");
    // Negative: a participle that is no cue stays in the content.
    let r = run("The mayor said the bridge would reopen, pending a final inspection.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "the bridge would reopen, pending a final inspection");
}
