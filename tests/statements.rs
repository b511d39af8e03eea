//! Statements (who said what) through `newsparse::parse`, on realistic news sentences, with negatives.

use newsparse::{ActorKind, Article, CueSpan, MixedContent, Parser, StatementKind};

const SEED: &str = include_str!("fixtures/seed_article.txt");

/// One statement, flattened for assertions.
#[derive(Debug)]
struct S {
    kind: StatementKind,
    content: Vec<String>,
    mention: Option<String>,
    speaker: Option<String>,
    speaker_kind: Option<ActorKind>,
    cue: Option<String>,
    via: Option<String>,
    quoted: Vec<String>,
}

fn statements(text: &str) -> Vec<S> {
    statements_with(&newsparse::Parser::new(), text)
}

fn statements_with(parser: &newsparse::Parser, text: &str) -> Vec<S> {
    let a: Article = parser.parse(text).expect("parses");
    a.statements()
        .iter()
        .map(|s| S {
            kind: s.kind,
            content: s.content.iter().map(|c| a.slice(*c).to_string()).collect(),
            mention: s.speaker_mention.map(|m| a.slice(m).to_string()),
            speaker: a.speaker(s).map(|x| x.name.clone()),
            speaker_kind: a.speaker(s).map(|x| x.kind),
            cue: s.cue.map(|c| a.slice(c).to_string()),
            via: s.via.and_then(|v| a.actor(v)).map(|x| x.name.clone()),
            quoted: s.quoted.iter().map(|c| a.slice(*c).to_string()).collect(),
        })
        .collect()
}

fn one(text: &str) -> S {
    let mut v = statements(text);
    assert_eq!(v.len(), 1, "expected one statement in {text:?}: {v:#?}");
    v.remove(0)
}

fn joined(s: &S) -> String {
    s.content.join(" | ")
}

// ---- quotation styles -------------------------------------------------------------------------------

#[test]
fn curly_double_quotes_said_after() {
    let s = one("“We will not give up,” the minister said on Monday.");
    assert_eq!(s.kind, StatementKind::Direct);
    assert_eq!(joined(&s), "We will not give up,");
    assert_eq!(s.mention.as_deref(), Some("the minister"));
    assert_eq!(s.cue.as_deref(), Some("said"));
}

#[test]
fn straight_double_quotes_said_inverted() {
    let s = one("\"The talks were constructive,\" said Ahmed Hassan, a government spokesman.");
    assert_eq!(joined(&s), "The talks were constructive,");
    assert!(s.mention.as_deref().unwrap().starts_with("Ahmed Hassan"));
}

#[test]
fn single_quotes_do_not_break_on_apostrophes() {
    let s = one("‘The region's security depends on Hamas' leaders,’ the envoy said.");
    assert_eq!(joined(&s), "The region's security depends on Hamas' leaders,");
    let s = one("'Hamas' leaders have rejected the region's plan,' an official said.");
    assert_eq!(joined(&s), "Hamas' leaders have rejected the region's plan,");
    // Apostrophes alone make no quotation.
    assert!(statements("Hamas' leaders met the region's envoys in the '90s.").is_empty());
}

#[test]
fn guillemets_and_low_quotes() {
    let s = one("«We will not yield», the French minister said.");
    assert_eq!(s.content, ["We will not yield"]);
    let s = one("„We need a ceasefire now,“ the chancellor said.");
    assert_eq!(joined(&s), "We need a ceasefire now,");
}

#[test]
fn doubled_single_marks_are_double_quotes() {
    let s = one("''We regularly survey advertisers,'' Mr. Mahaney said.");
    assert_eq!(joined(&s), "We regularly survey advertisers,");
    assert_eq!(s.mention.as_deref(), Some("Mr. Mahaney"));
}

#[test]
fn nested_quotes_stay_inside() {
    let s = one("“They called it ‘a farce’ and walked out,” the opposition leader said.");
    assert_eq!(joined(&s), "They called it ‘a farce’ and walked out,");
}

#[test]
fn split_quote_is_one_statement() {
    let s = one("“We are ready,” she said, “but the other side is not.”");
    assert_eq!(s.content, ["We are ready,", "but the other side is not."]);
    assert_eq!(s.mention.as_deref(), Some("she"));
}

#[test]
fn multi_paragraph_quote_reopens_each_paragraph() {
    let text = "The mayor spoke after the flood.\n\n“The water came in the night and took everything.\n\n\
                “We have rebuilt before and we will rebuild again,” Mayor Ana Ruiz said.";
    let s = one(text);
    assert_eq!(s.content.len(), 2);
    assert!(s.content[0].starts_with("The water came"));
    assert!(s.content[1].ends_with("rebuild again,"));
    assert_eq!(s.cue.as_deref(), Some("said"));
}

#[test]
fn unbalanced_mark_never_swallows_the_article() {
    let text = "The minister said “the plan is dead.\n\nTalks will resume in Cairo on Sunday.\n\n\
                Officials said the delegations would meet again next week.";
    let v = statements(text);
    for s in &v {
        for c in &s.content {
            assert!(!c.contains("Talks will resume"), "{v:#?}");
            assert!(!c.contains('\n'), "{v:#?}");
        }
    }
    assert!(v.iter().any(|s| s.mention.as_deref() == Some("Officials")));
}

// ---- attribution patterns ---------------------------------------------------------------------------

#[test]
fn said_colon_quote() {
    let s = one("The president said: “We will respond to any attack.”");
    assert_eq!(s.kind, StatementKind::Direct);
    assert_eq!(joined(&s), "We will respond to any attack.");
    assert_eq!(s.mention.as_deref(), Some("The president"));
}

#[test]
fn said_that_clause() {
    let s = one("The foreign minister said that the talks would resume next week in Doha.");
    assert_eq!(s.kind, StatementKind::Indirect);
    assert_eq!(joined(&s), "the talks would resume next week in Doha");
    assert_eq!(s.mention.as_deref(), Some("The foreign minister"));
    // Without "that".
    let s = one("Police said the suspect had been arrested near the border.");
    assert_eq!(joined(&s), "the suspect had been arrested near the border");
}

#[test]
fn clause_then_speaker_said() {
    let s =
        one("The visit was aimed at expanding relations between Tehran and Doha, Iranian state news agency Irna said.");
    assert_eq!(
        joined(&s),
        "The visit was aimed at expanding relations between Tehran and Doha"
    );
    assert_eq!(s.mention.as_deref(), Some("Iranian state news agency Irna"));
}

#[test]
fn told_with_addressee() {
    let s = one("Arab mediators have increased their exchanges with Tehran, sources told The National on Monday.");
    assert_eq!(joined(&s), "Arab mediators have increased their exchanges with Tehran");
    assert_eq!(s.mention.as_deref(), Some("sources"));
    assert_eq!(s.cue.as_deref(), Some("told"));
    assert_eq!(s.speaker_kind, Some(ActorKind::Source));
    let s = one("The governor told reporters that the evacuation order would stay in place.");
    assert_eq!(joined(&s), "the evacuation order would stay in place");
}

#[test]
fn according_to_before_and_after() {
    let s = one("According to the health ministry, more than 300 people were injured in the strikes.");
    assert_eq!(joined(&s), "more than 300 people were injured in the strikes");
    assert_eq!(s.cue.as_deref(), Some("According to"));
    assert_eq!(s.mention.as_deref(), Some("the health ministry"));
    let s = one("The convoy was stopped at the border crossing, according to two aid workers.");
    assert_eq!(joined(&s), "The convoy was stopped at the border crossing");
    assert_eq!(s.mention.as_deref(), Some("two aid workers"));
}

#[test]
fn speaker_with_relative_clause() {
    let s = one("Senator Chris Murphy, who campaigned in the state last week, said the party must broaden its appeal.");
    assert_eq!(s.mention.as_deref(), Some("Senator Chris Murphy"));
    assert_eq!(joined(&s), "the party must broaden its appeal");
}

#[test]
fn which_x_said_were() {
    let s = one("Strikes hit sites in Lebanon, which Hezbollah said were evacuated as a precaution.");
    assert_eq!(s.mention.as_deref(), Some("Hezbollah"));
    assert_eq!(joined(&s), "were evacuated as a precaution");
}

#[test]
fn said_in_a_statement_and_wrote_on_twitter() {
    let s = one("The ministry said in a statement that the border would reopen on Friday.");
    assert_eq!(joined(&s), "the border would reopen on Friday");
    assert_eq!(s.mention.as_deref(), Some("The ministry"));
    let s = one("“This is a disgrace,” the senator wrote on Twitter.");
    assert_eq!(s.cue.as_deref(), Some("wrote"));
    assert_eq!(s.mention.as_deref(), Some("the senator"));
}

#[test]
fn infinitive_and_described_as() {
    let s = one("Iran vowed to retaliate after the assassination in Tehran.");
    assert_eq!(joined(&s), "to retaliate after the assassination in Tehran");
    assert_eq!(s.cue.as_deref(), Some("vowed"));
    let s = one("Residents of southern Lebanon described the scenes as some of the most frightening in years.");
    assert_eq!(s.mention.as_deref(), Some("Residents of southern Lebanon"));
    assert_eq!(s.speaker_kind, Some(ActorKind::Group));
}

#[test]
fn cue_verbs_in_every_tense_and_person() {
    for (text, cue) in [
        ("The company says the recall covers 40,000 cars.", "says"),
        ("Officials have warned that the dam could fail.", "warned"),
        ("The army denied that its troops had crossed the line.", "denied"),
        ("The mayor insisted that the budget was balanced.", "insisted"),
        ("The opposition claimed the vote had been rigged.", "claimed"),
        ("The union will argue that the dismissals were unlawful.", "argue"),
    ] {
        let s = one(text);
        assert_eq!(s.cue.as_deref(), Some(cue), "{text}");
    }
}

#[test]
fn relative_who_say_speaks_for_antecedent() {
    // The mention is the relative pronoun as written; the speaker is its antecedent.
    let s = one("The ruling angered Republicans who say the law is a money pit.");
    assert_eq!(s.mention.as_deref(), Some("who"));
    assert_eq!(s.speaker.as_deref(), Some("Republicans"));
    assert_eq!(joined(&s), "the law is a money pit");
    // "who" after a comma: the antecedent before the comma.
    let s = one("He rebuffed Governor Chris Christie, who says the senator lacks experience.");
    assert!(s.speaker.as_deref().is_some_and(|n| n.contains("Christie")), "{s:#?}");
    // "who" with its own verb is not the speaker: "An official who spoke anonymously said …".
    let s = one("A White House official who spoke anonymously said the meeting had been cancelled.");
    assert_eq!(s.mention.as_deref(), Some("A White House official"));
}

#[test]
fn base_form_before_a_clause_is_a_verb() {
    let s = one("People briefed on the situation say that the governor has revealed nothing.");
    assert_eq!(s.mention.as_deref(), Some("People briefed on the situation"));
    assert!(statements("The state news agency carried the report.").is_empty());
}

#[test]
fn according_to_a_long_source_at_the_end() {
    let s = one("Trump leads the field with 22%, according to a Suffolk University/Boston Globe poll released Sunday.");
    assert_eq!(joined(&s), "Trump leads the field with 22%");
    assert!(
        s.mention
            .as_deref()
            .is_some_and(|m| m.starts_with("a Suffolk University"))
    );
}

#[test]
fn participle_cue_takes_the_main_subject() {
    let v = statements("On Sunday, Senator Ann Ruiz rejected the plan, saying it would hurt farmers.");
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].mention.as_deref(), Some("Senator Ann Ruiz"));
    assert_eq!(joined(&v[0]), "it would hurt farmers");
    // Not after a comma: no statement.
    assert!(statements("Saying goodbye was hard for the team.").is_empty());
}

#[test]
fn strict_cues_need_a_clause() {
    // "added" and "reported" with an object are not statements…
    assert!(statements("The economy added 500,000 jobs in March.").is_empty());
    assert!(statements("The bank reported a loss of $2 billion.").is_empty());
    // …but they are before "that" or after the content.
    let s = one("The bank reported that profits fell sharply in the third quarter.");
    assert_eq!(s.cue.as_deref(), Some("reported"));
    let s = one("Profits fell sharply in the third quarter, the chief executive added.");
    assert_eq!(s.cue.as_deref(), Some("added"));
    let s = one("The senator asked whether the agency had warned the town in time.");
    assert_eq!(joined(&s), "whether the agency had warned the town in time");
    assert!(statements("The senator asked a question and left.").is_empty());
}

#[test]
fn parenthetical_attribution_keeps_both_sides() {
    let s = one("At one point, she said, she was considering supporting the rival candidate.");
    assert_eq!(s.content.len(), 2);
    assert_eq!(s.content[0], "At one point");
    assert!(s.content[1].starts_with("she was considering"));
}

// ---- mixed, floating, nested reporting --------------------------------------------------------------

#[test]
fn mixed_quote_with_via() {
    let text = "Mr Pezeshkian “expressed hope that the Islamic countries” would convince supporters of \
                Israel to “put an end to its crimes in Gaza”, Irna reported.";
    let s = one(text);
    assert_eq!(s.kind, StatementKind::Mixed);
    assert_eq!(
        s.content,
        ["the Islamic countries” would convince supporters of Israel to “put an end to its crimes in Gaza"]
    );
    assert_eq!(s.quoted, ["the Islamic countries", "put an end to its crimes in Gaza"]);
    assert_eq!(s.cue.as_deref(), Some("expressed hope"));
    assert_eq!(s.mention.as_deref(), Some("Mr Pezeshkian"));
    assert!(s.via.as_deref().is_some_and(|v| v.contains("Irna")), "{s:#?}");
}

#[test]
fn reported_speech_with_quoted_fragment_is_mixed() {
    let s = one("The senator said the bill was “dead on arrival” in the House.");
    assert_eq!(s.kind, StatementKind::Mixed);
    assert_eq!(s.content, ["the bill was “dead on arrival” in the House"]);
    assert_eq!(s.quoted, ["dead on arrival"]);
}

#[test]
fn floating_quote_belongs_to_previous_speaker() {
    let text = "“Iran is a key player in the negotiations,” said one of the sources. “It has become even \
                more vital after the assassination.”";
    let v = statements(text);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[0].mention.as_deref(), Some("one of the sources"));
    assert_eq!(v[0].speaker.as_deref(), Some("one of the sources"));
    assert_eq!(v[0].speaker_kind, Some(ActorKind::Source));
    assert_eq!(v[1].cue, None);
    assert_eq!(v[1].mention, None);
    assert_eq!(v[1].speaker, v[0].speaker);
}

#[test]
fn paragraph_opening_quote_takes_the_next_sentence_speaker() {
    let text = "The vote was held on Sunday.\n\n“We will not go back to the old rules.” Farmers who gathered \
                outside the parliament said the reform had saved their livelihoods.";
    let v = statements(text);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[0].content, ["We will not go back to the old rules."]);
    assert_eq!(v[0].cue, None);
    assert_eq!(v[0].speaker, v[1].speaker);
    assert_eq!(v[1].speaker.as_deref(), Some("farmers"));
}

#[test]
fn floating_quote_needs_a_previous_speaker() {
    // A lone sentence in quotation marks with no speaker anywhere near is not attributed.
    assert!(statements("The session ended late.\n\n“Nothing will change until the rules change.”").is_empty());
}

// ---- speakers ----------------------------------------------------------------------------------------

#[test]
fn pronoun_resolves_to_compatible_speaker() {
    let text = "Mrs Laila Haddad runs the clinic with Mr Omar Said. “We have no fuel left,” she said.";
    let s = one(text);
    assert_eq!(s.mention.as_deref(), Some("she"));
    assert!(s.speaker.as_deref().is_some_and(|n| n.contains("Haddad")), "{s:#?}");
    let text = "Mrs Laila Haddad runs the clinic with Mr Omar Said. “We need doctors,” he said.";
    let s = one(text);
    assert!(s.speaker.as_deref().is_some_and(|n| n.contains("Omar")), "{s:#?}");
}

#[test]
fn anonymous_sources_and_groups_become_actors() {
    let s = one("A senior official said the delegation would leave on Tuesday.");
    assert_eq!(s.speaker_kind, Some(ActorKind::Source));
    let s = one("Witnesses said the building collapsed within minutes.");
    assert_eq!(s.speaker_kind, Some(ActorKind::Group));
}

// ---- not statements -----------------------------------------------------------------------------------

#[test]
fn scare_quotes_titles_and_terms_are_not_statements() {
    assert!(statements("The so-called “peace plan” was presented in Paris.").is_empty());
    assert!(statements("She starred in the film “The Long Night” last year.").is_empty());
    assert!(statements("The group uses the term “resistance” for its attacks.").is_empty());
}

#[test]
fn scare_quotes_inside_reported_speech_are_not_fragments() {
    let s = one("Officials said the so-called “peace plan” would be presented in Paris next week.");
    assert_eq!(s.kind, StatementKind::Indirect);
    assert_eq!(
        joined(&s),
        "the so-called “peace plan” would be presented in Paris next week"
    );
}

#[test]
fn headline_with_a_cue_and_a_speaker_is_a_statement() {
    let text = "Minister says talks will resume\n\nDelegations arrived in Cairo on Sunday.";
    let r = statements(text);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].content, ["talks will resume"]);
    assert_eq!(r[0].mention.as_deref(), Some("Minister"));
    assert_eq!(r[0].cue.as_deref(), Some("says"));
    // Negative: a headline without a cue of speech in the present tense is none.
    assert!(statements("Leaders Stress Need for Calm in Cairo\n\nDelegations arrived on Sunday.").is_empty());
    assert!(statements("Minister said to quit over talks\n\nDelegations arrived on Sunday.").is_empty());
}

#[test]
fn nouns_and_passives_are_not_cues() {
    assert!(statements("The report was published on Monday.").is_empty());
    assert!(statements("The state news agency published the photographs.").is_empty());
    assert!(statements("He is said to be in hiding.").is_empty());
}

// ---- the seed article --------------------------------------------------------------------------------

#[test]
fn seed_article_statements() {
    let v = statements(SEED);
    let got: Vec<(StatementKind, Option<&str>, Option<&str>)> = v
        .iter()
        .map(|s| (s.kind, s.cue.as_deref(), s.mention.as_deref()))
        .collect();
    use StatementKind::*;
    assert_eq!(
        got,
        [
            (Indirect, Some("said"), Some("Iranian state news agency Irna")),
            (Direct, Some("said"), Some("the Qatari Foreign Ministry")),
            (Indirect, Some("vowed"), Some("Iran")),
            (Mixed, Some("expressed hope"), Some("Mr Pezeshkian")),
            (Indirect, Some("told"), Some("sources")),
            (Direct, Some("said"), Some("one of the sources")),
            (Direct, None, None),
            (Indirect, Some("claimed"), Some("The Lebanese militant group")),
            (Indirect, Some("said"), Some("Hezbollah")),
            (Indirect, Some("described"), Some("Residents of southern Lebanon")),
        ]
    );
    assert_eq!(v[6].speaker.as_deref(), Some("one of the sources"));
    assert!(v[3].via.as_deref().is_some_and(|n| n.contains("Irna")));
    assert_eq!(v[3].speaker.as_deref(), Some("Masoud Pezeshkian"));
}

// ---- hostile input (no timing here: speed is measured in benches) -----------------------------------

#[test]
fn hostile_inputs_parse_with_sane_spans() {
    let marks: String = "\"“”'‘’«»„ ".chars().cycle().take(20_000).collect();
    let saids = "Officials said ".to_string() + &" said".repeat(10_000) + ".";
    let unbalanced = "He said “open and never closed, ‘nor this.\n\nNext paragraph, “again.\n\n''''''";
    let split = "“A,” he said, “B,” she said, “C,” they said, “D".repeat(500);
    // A cue at the very end of a sentence, its phrase in the next one.
    let dangling = "Talks resumed on Monday.\n\nThe talks failed, according to\n\nOfficials met in Cairo. “Yes,” said\n\nthe minister. He told";
    for text in [marks.as_str(), saids.as_str(), unbalanced, split.as_str(), dangling] {
        let a = newsparse::parse(text).expect("parses");
        for s in a.statements() {
            assert!(!s.content.is_empty());
            for c in &s.content {
                assert!(!c.is_empty() && c.end <= a.text().len());
                // A content span never crosses a paragraph boundary.
                assert!(a.paragraphs().iter().any(|p| p.contains(*c)), "{c:?}");
            }
        }
    }
}

// Conventions: continuation quotes and mixed-quote content (PolNeAR style on request).

const CONTINUATION: &str = "Flood waters reached the old town overnight.\n\n\"We lost everything in two hours,\" said \
    Maria Lopez, a shop owner. \"The insurance will not cover half of it.\"";

#[test]
fn continuation_quote_is_its_own_statement_by_default() {
    let v = statements(CONTINUATION);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[1].content, ["The insurance will not cover half of it."]);
    assert_eq!(v[1].cue, None);
    assert_eq!(v[1].speaker.as_deref(), Some("Maria Lopez"));
}

#[test]
fn merge_continuations_joins_the_quote_to_the_statement_before() {
    let p = Parser::builder().merge_continuations(true).build();
    let s = {
        let mut v = statements_with(&p, CONTINUATION);
        assert_eq!(v.len(), 1, "{v:#?}");
        v.remove(0)
    };
    assert_eq!(
        s.content,
        [
            "We lost everything in two hours,",
            "The insurance will not cover half of it."
        ]
    );
    assert_eq!(s.cue.as_deref(), Some("said"));
    assert_eq!(s.kind, StatementKind::Direct);
    // Negative: a quotation with its own attribution is never merged.
    let text = "\"We lost everything,\" said Maria Lopez. \"The river rose too fast,\" a neighbour said.";
    let v = statements_with(&p, text);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[1].cue.as_deref(), Some("said"));
    assert_eq!(v[1].content, ["The river rose too fast,"]);
}

#[test]
fn merge_continuations_keeps_a_quote_of_a_later_paragraph_after_reported_speech_apart() {
    // Negative: the floating quote two paragraphs on does not continue the indirect statement; it is the
    // same speaker's statement of its own (no one else is named in between).
    let text = "The mayor said the bridge would reopen in May.\n\nEngineers inspected the site on Friday.\n\n\
                \"Nobody should cross it before the spring, whatever the signs say.\"";
    let p = Parser::builder().merge_continuations(true).build();
    let v = statements_with(&p, text);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[0].content, ["the bridge would reopen in May"]);
    assert_eq!(v[1].kind, StatementKind::Direct);
    assert_eq!(v[1].speaker, v[0].speaker);
}

const MIXED: &str = "The health minister said the new rules were \"long overdue\" and would take effect in March.";

#[test]
fn mixed_content_fragments_on_request() {
    let p = Parser::builder().mixed_content(MixedContent::Fragments).build();
    let v = statements_with(&p, MIXED);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].kind, StatementKind::Mixed);
    assert_eq!(v[0].content, ["long overdue"]);
    assert_eq!(v[0].quoted, ["long overdue"]);
}

#[test]
fn mixed_content_clause_covers_the_reported_clause() {
    let p = Parser::new();
    let v = statements_with(&p, MIXED);
    assert_eq!(v[0].quoted, ["long overdue"]);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].kind, StatementKind::Mixed);
    assert_eq!(
        v[0].content,
        ["the new rules were \"long overdue\" and would take effect in March"]
    );
    assert_eq!(v[0].cue.as_deref(), Some("said"));
    // The cue opens the quotation: `X "expressed hope that …" would …`.
    let text = "The envoy \"expressed hope that the talks\" would resume next week, the agency reported.";
    let v = statements_with(&p, text);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].content, ["the talks\" would resume next week"]);
    assert_eq!(v[0].quoted, ["the talks"]);
    // Negatives: indirect and direct quotations keep their content; only direct ones have quoted words.
    let v = statements_with(&p, "The health minister said the new rules would take effect in March.");
    assert_eq!(v[0].kind, StatementKind::Indirect);
    assert_eq!(v[0].content, ["the new rules would take effect in March"]);
    assert!(v[0].quoted.is_empty());
    let v = statements_with(&p, "\"The rules are long overdue,\" the health minister said.");
    assert_eq!(v[0].kind, StatementKind::Direct);
    assert_eq!(v[0].content, ["The rules are long overdue,"]);
    assert_eq!(v[0].quoted, v[0].content);
    let v = statements_with(&p, "\"The rules,\" the health minister said, \"are long overdue.\"");
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].quoted, ["The rules,", "are long overdue."]);
}

#[test]
fn cue_span_verb_group_takes_auxiliaries_medium_and_colon() {
    let p = Parser::builder().cue_span(CueSpan::VerbGroup).build();
    let cue = |text: &str| {
        let v = statements_with(&p, text);
        assert_eq!(v.len(), 1, "{v:#?}");
        v[0].cue.clone()
    };
    assert_eq!(
        cue("The senator has repeatedly said that the bill would fail.").as_deref(),
        Some("has repeatedly said")
    );
    assert_eq!(
        cue("The company said in a statement that the plant would close.").as_deref(),
        Some("said in a statement")
    );
    assert_eq!(
        cue("The coach told reporters: “We will be back next season.”").as_deref(),
        Some("told")
    );
    assert_eq!(
        cue("The coach said: “We will be back next season.”").as_deref(),
        Some("said:")
    );
    // Negatives: the subject and time adjuncts are not part of the group; the default is the word alone.
    assert_eq!(
        cue("Officials said on Monday that the border would reopen.").as_deref(),
        Some("said")
    );
    let v = statements("The senator has repeatedly said that the bill would fail.");
    assert_eq!(v[0].cue.as_deref(), Some("said"));
}

#[test]
fn colon_headline_and_transcript_line_are_statements() {
    let text = "Mayor Ortiz: The stadium deal is dead and will not come back this year.\n\n\
                City officials met on Tuesday.\n\n\
                REPORTER: Will the stadium be built?\n\n\
                ORTIZ: Not with public money. The voters were clear about that.";
    let v = statements(text);
    let head = v
        .iter()
        .find(|s| s.mention.as_deref() == Some("Mayor Ortiz"))
        .expect("headline statement");
    assert_eq!(
        head.content,
        ["The stadium deal is dead and will not come back this year"]
    );
    assert_eq!(head.cue.as_deref(), Some(":"));
    assert_eq!(head.kind, StatementKind::Indirect);
    let answer = v
        .iter()
        .find(|s| s.mention.as_deref() == Some("ORTIZ"))
        .expect("answer");
    assert_eq!(
        answer.content,
        ["Not with public money. The voters were clear about that"]
    );
}

#[test]
fn colon_labels_are_not_speakers() {
    let text = "Related: The stadium deal and what it means for the city budget.\n\n\
                Update: The council will vote on the stadium deal next week.\n\n\
                Key findings: most voters oppose public money for the stadium.";
    assert!(statements(text).is_empty(), "{:#?}", statements(text));
}

#[test]
fn asked_participle_question_is_a_statement() {
    let v = statements("Asked whether he would run for governor, the senator said he had not decided.");
    let q = v.iter().find(|s| s.cue.as_deref() == Some("Asked")).expect("question");
    assert_eq!(q.content, ["whether he would run for governor"]);
    assert_eq!(q.mention, None);
    assert_eq!(q.speaker, None);
    let v = statements("Asked by Matt Lauer whether she had practiced the speech, she said she read it once.");
    let q = v.iter().find(|s| s.cue.as_deref() == Some("Asked")).expect("question");
    assert_eq!(q.mention.as_deref(), Some("Matt Lauer"));
    assert_eq!(q.content, ["whether she had practiced the speech"]);
    // Negative: "asked" with an object and no question word is not this construction.
    let v = statements("Asked to leave the stage, the campaign manager refused.");
    assert!(v.iter().all(|s| s.cue.as_deref() != Some("Asked")), "{v:#?}");
}

/// A colon headline that is the article's title line is not a statement; the same line in the body is.
#[test]
fn title_line_colon_headline_is_not_a_statement() {
    let a = newsparse::parse("Paul Ryan: Decision not to indict defies explanation\n\nThe speaker spoke on Monday.")
        .unwrap();
    assert!(a.statements().is_empty(), "{:?}", a.statements());
    let b = newsparse::parse(
        "Reactions\n\nThe hearing ended late.\n\nPaul Ryan: Decision not to indict defies explanation and law.",
    )
    .unwrap();
    assert_eq!(b.statements().len(), 1);
}

// ---- who claims each number -------------------------------------------------------------------------

/// (statistic text, claimant's name, the holding statement's first content span) of one statistic.
type Claim = (String, Option<String>, Option<String>);

fn claims(text: &str) -> Vec<Claim> {
    let a = newsparse::parse(text).expect("parses");
    a.statistics()
        .iter()
        .map(|s| {
            (
                a.slice(s.span).to_string(),
                s.claimed_by.and_then(|i| a.actor(i)).map(|x| x.name.clone()),
                s.statement.map(|k| a.slice(a.statements()[k].content[0]).to_string()),
            )
        })
        .collect()
}

fn claim_of<'a>(c: &'a [Claim], num: &str) -> &'a Claim {
    c.iter()
        .find(|x| x.0.contains(num))
        .unwrap_or_else(|| panic!("no statistic with {num:?} in {c:?}"))
}

#[test]
fn claims_follow_the_statement_holding_the_number() {
    let text = "Floods swept through 12 villages on Sunday.\n\n\
                The Interior Ministry said more than 3,000 people had been displaced.\n\n\
                “We have counted 41 dead so far,” said Maria Lopez, the regional governor.";
    let c = claims(text);
    let villages = claim_of(&c, "12");
    assert_eq!(
        (villages.1.as_deref(), villages.2.as_deref()),
        (None, None),
        "narrator: {c:?}"
    );
    let displaced = claim_of(&c, "3,000");
    assert!(
        displaced.1.as_deref().is_some_and(|n| n.contains("Interior Ministry")),
        "{c:?}"
    );
    assert_eq!(
        displaced.2.as_deref(),
        Some("more than 3,000 people had been displaced")
    );
    let dead = claim_of(&c, "41");
    assert_eq!(dead.1.as_deref(), Some("Maria Lopez"), "{c:?}");
    assert!(
        dead.2.as_deref().is_some_and(|s| s.starts_with("We have counted")),
        "{c:?}"
    );
}

#[test]
fn according_to_frames_claim_their_numbers() {
    let c = claims("Prices rose 5% in July, according to the statistics office.");
    let rise = claim_of(&c, "5%");
    assert!(
        rise.1.as_deref().is_some_and(|n| n.contains("statistics office")),
        "{c:?}"
    );
    assert!(rise.2.is_some(), "{c:?}");
    let c = claims("According to the United Nations, 2.3 million people need food aid.");
    let aid = claim_of(&c, "2.3 million");
    assert!(aid.1.as_deref().is_some_and(|n| n.contains("United Nations")), "{c:?}");
    // Negative: a number before the frame's clause, in another sentence, is the narrator's.
    let c = claims("The camp holds 8,000 people. According to the United Nations, food will run out.");
    assert_eq!(claim_of(&c, "8,000").2, None, "{c:?}");
}

#[test]
fn claims_index_the_right_statement() {
    let text = "The mayor said 300 homes were damaged. The fire chief said 20 firefighters were hurt.";
    let a = newsparse::parse(text).expect("parses");
    assert_eq!(a.statements().len(), 2);
    for st in a.statistics() {
        let k = st.statement.expect("every number here is claimed");
        let content = a.statements()[k].content[0];
        assert!(content.start <= st.span.start && st.span.end <= content.end);
        assert_eq!(st.claimed_by, a.statements()[k].speaker);
    }
    let json = a.to_json();
    assert!(
        json.contains(r#""claimed_by":"#) && json.contains(r#""statement":"#),
        "{json}"
    );
    assert_eq!(newsparse::Article::from_json(&json).expect("round trip"), a);
}

#[test]
fn quoted_and_claims_come_last_in_their_json_objects() {
    let a = newsparse::parse("“We found 12 bodies,” the police chief said.").expect("parses");
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["statements"][0]["quoted"][0]["text"], "We found 12 bodies,");
    assert_eq!(v["statistics"][0]["statement"], 0);
    // Field order: `quoted` after `via`, `claimed_by` and `statement` after `context_lemma`.
    let st = &json[json.find(r#""statements""#).expect("statements")..];
    assert!(st.find(r#""via""#) < st.find(r#""quoted""#), "{json}");
    let stat = &json[json.find(r#""statistics""#).expect("statistics")..];
    assert!(stat.find(r#""context_lemma""#) < stat.find(r#""claimed_by""#), "{json}");
    assert!(stat.find(r#""claimed_by""#) < stat.find(r#""statement""#), "{json}");
}

#[test]
fn floating_quote_after_indirect_statement_reaches_back_two_paragraphs() {
    let text = "Floods hit the city\n\nMayor Tom Reyes said the city would rebuild after the floods.\n\n\
                Water levels fell overnight.\n\n\
                \"Every family will have a home by winter, and we will make sure of it.\"";
    let v = statements(text);
    assert_eq!(v.len(), 2, "{v:#?}");
    assert_eq!(v[1].kind, StatementKind::Direct);
    assert_eq!(v[1].speaker.as_deref(), Some("Tom Reyes"));
    // Negative: another person named in between breaks the link.
    let text = "Floods hit the city\n\nMayor Tom Reyes said the city would rebuild after the floods.\n\n\
                Governor Ana Silva visited the site on Monday.\n\n\
                \"Every family will have a home by winter, and we will make sure of it.\"";
    let v = statements(text);
    assert!(
        v.iter()
            .all(|s| s.speaker.as_deref() != Some("Tom Reyes") || s.kind != StatementKind::Direct),
        "{v:#?}"
    );
    // Negative: three paragraphs back is too far.
    let text = "Floods hit the city\n\nMayor Tom Reyes said the city would rebuild after the floods.\n\n\
                Water levels fell overnight.\n\nSchools stayed closed.\n\n\
                \"Every family will have a home by winter, and we will make sure of it.\"";
    assert_eq!(statements(text).len(), 1);
}

// ---- speakers: possessives, acronyms, descriptions ------------------------------------------------

#[test]
fn possessive_speaker_is_the_relative_not_the_named_person() {
    let s = one("John Smith's aunt said the family was devastated.");
    assert_eq!(s.mention.as_deref(), Some("John Smith's aunt"));
    assert_ne!(s.speaker.as_deref(), Some("John Smith"), "{s:#?}");
    // Negative: a possessive country before an organisation keeps the organisation.
    let s = one("Iran's Foreign Ministry said the talks would resume.");
    assert!(
        s.speaker.as_deref().is_some_and(|n| n.contains("Foreign Ministry")),
        "{s:#?}"
    );
}

#[test]
fn acronym_speaker_links_to_its_full_name() {
    let text = "Outbreak slows\n\nThe World Health Organization (WHO) met on Monday.\n\n\
                WHO said the outbreak was under control.";
    let s = one(text);
    assert_eq!(s.mention.as_deref(), Some("WHO"));
    assert_eq!(s.speaker.as_deref(), Some("World Health Organization"));
    // Negative: the lower-case relative pronoun is still no speaker of its own.
    let v = statements("Officials who spoke to reporters said the vote would be held.");
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].mention.as_deref(), Some("Officials"));
}

#[test]
fn description_resolves_to_the_named_person_whose_title_fits() {
    let text = "Talks resume\n\nForeign Minister Ana Silva met Defence Minister Tom Reyes in Cairo.\n\n\
                The foreign minister said the talks would resume.";
    let s = one(text);
    assert_eq!(s.speaker.as_deref(), Some("Ana Silva"));
    let text =
        "Talks resume\n\nForeign Minister Ana Silva arrived in Cairo.\n\nThe minister said the talks would resume.";
    assert_eq!(one(text).speaker.as_deref(), Some("Ana Silva"));
    // Negative: a description no title fits is not forced onto a named person.
    let text =
        "Talks resume\n\nForeign Minister Ana Silva arrived in Cairo.\n\nThe general said the talks would resume.";
    assert_ne!(one(text).speaker.as_deref(), Some("Ana Silva"));
}

#[test]
fn embedded_which_clause_stays_in_the_content() {
    // The relative clause sits inside the reported clause: the content runs on to its verb.
    let s = one("Officials said the dam, which was built in 1960, had not been inspected.");
    assert_eq!(joined(&s), "the dam, which was built in 1960, had not been inspected");
    let s = one("The union said the law, which took effect in May, protects few workers.");
    assert_eq!(joined(&s), "the law, which took effect in May, protects few workers");
    // Negatives: a trailing "which" clause is the writer's, also when a participle follows it.
    let s = one("Hamas vowed to retaliate for the strike, which it blamed on Israel.");
    assert_eq!(joined(&s), "to retaliate for the strike");
    let s = one("The army said it hit 11 sites, which it called bases, using drones.");
    assert_eq!(joined(&s), "it hit 11 sites");
}
