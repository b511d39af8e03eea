//! Actors: people with titles and affiliations, organisations, countries, places, sources and groups.

use newsparse::{Actor, ActorKind, Article};

fn parse(text: &str) -> Article {
    newsparse::parse(text).expect("parses")
}

/// The actor with this name, if any.
fn actor<'a>(a: &'a Article, name: &str) -> Option<&'a Actor> {
    a.actors().iter().find(|x| x.name == name)
}

/// The texts of an actor's mentions.
fn mentions(a: &Article, x: &Actor) -> Vec<String> {
    x.mentions.iter().map(|s| a.slice(*s).to_string()).collect()
}

/// Whether some actor has a mention with exactly this text.
fn mentioned(a: &Article, text: &str) -> bool {
    a.actors()
        .iter()
        .any(|x| x.mentions.iter().any(|s| a.slice(*s) == text))
}

const SEED: &str = include_str!("fixtures/seed_article.txt");

#[test]
fn seed_article_actors() {
    let a = parse(SEED);
    let sheikh = actor(&a, "Sheikh Mohammed bin Abdulrahman Al Thani").expect("Sheikh Mohammed");
    assert_eq!(sheikh.kind, ActorKind::Person);
    assert_eq!(sheikh.titles, vec!["Prime Minister", "Foreign Minister"]);
    assert_eq!(sheikh.affiliation.as_deref(), Some("Qatar"));
    assert_eq!(
        mentions(&a, sheikh),
        vec![
            "Sheikh Mohammed bin Abdulrahman Al Thani",
            "Sheikh Mohammed",
            "Sheikh Mohammed"
        ]
    );
    let p = actor(&a, "Masoud Pezeshkian").expect("Pezeshkian");
    assert_eq!(p.titles, vec!["President"]);
    assert_eq!(p.affiliation.as_deref(), Some("Iran"));
    assert_eq!(mentions(&a, p), vec!["Masoud Pezeshkian", "Mr Pezeshkian"]);
    let h = actor(&a, "Ismail Haniyeh").expect("Haniyeh");
    assert_eq!(h.titles, vec!["political leader"]);
    assert_eq!(h.affiliation.as_deref(), Some("Hamas"));
    assert_eq!(h.mentions.len(), 4);
    let s = actor(&a, "Fouad Shukr").expect("Shukr");
    assert_eq!(s.affiliation.as_deref(), Some("Hezbollah"));
    assert_eq!(mentions(&a, s), vec!["Fouad Shukr", "Mr Shukr"]);
    let ar = actor(&a, "Abbas Araghchi").expect("Araghchi");
    assert_eq!(ar.affiliation.as_deref(), Some("Iran"));
    let hamas = actor(&a, "Hamas").expect("Hamas");
    assert_eq!(hamas.kind, ActorKind::Organization);
    assert_eq!(
        mentions(&a, hamas),
        vec!["Hamas", "the Palestinian armed group", "Hamas"]
    );
    let hez = actor(&a, "Hezbollah").expect("Hezbollah");
    assert_eq!(
        mentions(&a, hez),
        vec!["Hezbollah", "The Lebanese militant group", "Hezbollah"]
    );
    let irna = actor(&a, "Irna").expect("Irna");
    assert_eq!(irna.affiliation.as_deref(), Some("Iran"));
    assert_eq!(irna.mentions.len(), 2);
    let min = actor(&a, "Qatari Foreign Ministry").expect("ministry");
    assert_eq!(min.affiliation.as_deref(), Some("Qatar"));
    assert_eq!(actor(&a, "The National").map(|x| x.kind), Some(ActorKind::Organization));
    assert_eq!(actor(&a, "Iran").map(|x| x.mentions.len()), Some(5));
    assert_eq!(actor(&a, "Israel").map(|x| x.mentions.len()), Some(3));
    assert_eq!(actor(&a, "Lebanon").map(|x| x.mentions.len()), Some(3));
    assert_eq!(
        actor(&a, "United States").map(|x| mentions(&a, x)),
        Some(vec!["US".to_string()])
    );
    for place in ["Gaza", "Tehran", "Doha", "Cairo", "Tel Aviv"] {
        assert_eq!(actor(&a, place).map(|x| x.kind), Some(ActorKind::Location), "{place}");
    }
    assert_eq!(actor(&a, "Gaza").map(|x| x.mentions.len()), Some(4));
    // no spurious named actors: weapons, headline capitals, sentence openers, demonyms
    let named = a
        .actors()
        .iter()
        .filter(|x| !matches!(x.kind, ActorKind::Group | ActorKind::Source))
        .count();
    assert_eq!(named, 20);
    for not in [
        "Katyusha",
        "Stress Need",
        "Despite",
        "Residents",
        "Qatari",
        "Israeli",
        "Sunday",
    ] {
        assert!(actor(&a, not).is_none(), "{not}");
    }
    // sources and groups
    for (phrase, kind) in [
        ("sources", ActorKind::Source),
        ("one of the sources", ActorKind::Source),
        ("Arab mediators", ActorKind::Group),
        ("residents of southern Lebanon", ActorKind::Group),
    ] {
        assert_eq!(actor(&a, phrase).map(|x| x.kind), Some(kind), "{phrase}");
    }
}

#[test]
fn titles_with_nationality_give_affiliation() {
    let a = parse(
        "Leaders meet\n\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday.",
    );
    let s = actor(&a, "Olaf Scholz").expect("Scholz");
    assert_eq!(s.kind, ActorKind::Person);
    assert_eq!(s.titles, vec!["Chancellor"]);
    assert_eq!(s.affiliation.as_deref(), Some("Germany"));
    let m = actor(&a, "Emmanuel Macron").expect("Macron");
    assert_eq!(m.titles, vec!["President"]);
    assert_eq!(m.affiliation.as_deref(), Some("France"));
    assert_eq!(actor(&a, "Paris").map(|x| x.kind), Some(ActorKind::Location));
    // nationality adjectives and weekdays are not actors
    assert!(actor(&a, "Germany").is_none());
    assert!(actor(&a, "German").is_none());
    assert!(!mentioned(&a, "Tuesday"));
}

#[test]
fn organisation_before_title_gives_affiliation() {
    let a = parse("Taliban spokesman Zabihullah Mujahid said the talks would continue.");
    let z = actor(&a, "Zabihullah Mujahid").expect("Mujahid");
    assert_eq!(z.titles, vec!["spokesman"]);
    assert_eq!(z.affiliation.as_deref(), Some("Taliban"));
    assert_eq!(actor(&a, "Taliban").map(|x| x.kind), Some(ActorKind::Organization));
    // negative: an organisation without a title does not make the next name its member
    let b = parse("Officials said Taliban fighters and Ahmad Shah Massoud clashed.");
    assert!(
        actor(&b, "Ahmad Shah Massoud").is_none_or(|x| x.affiliation.is_none()),
        "no title, no affiliation"
    );
}

#[test]
fn appositions_add_titles_and_affiliation() {
    let a = parse("Abbas Araghchi, Iran's foreign minister, said the talks were useful.");
    let x = actor(&a, "Abbas Araghchi").expect("Araghchi");
    assert_eq!(x.titles, vec!["foreign minister"]);
    assert_eq!(x.affiliation.as_deref(), Some("Iran"));
    assert!(mentioned(&a, "Iran"));
    let b = parse("Maria Lopez, 45, a teacher, said the school had closed.");
    let m = actor(&b, "Maria Lopez").expect("Lopez");
    assert_eq!(m.titles, vec!["teacher"]);
    assert_eq!(m.affiliation, None);
    // negative: a list of names is not an apposition
    let c = parse("Maria Lopez, Juan Perez and Ana Ruiz attended.");
    assert!(actor(&c, "Maria Lopez").is_some_and(|x| x.titles.is_empty()));
}

#[test]
fn honorifics_ranks_and_aliases_resolve_to_one_person() {
    let a = parse(
        "Iranian President Masoud Pezeshkian spoke on Monday. Mr Pezeshkian said Iran wanted calm. \
         Pezeshkian's office later confirmed the remarks.",
    );
    let p = actor(&a, "Masoud Pezeshkian").expect("Pezeshkian");
    assert_eq!(
        mentions(&a, p),
        vec!["Masoud Pezeshkian", "Mr Pezeshkian", "Pezeshkian"]
    );
    let persons = a.actors().iter().filter(|x| x.kind == ActorKind::Person).count();
    assert_eq!(persons, 1);
    let b = parse("Gen. Mark Milley briefed reporters. Dr. Anthony Fauci joined him.");
    assert!(actor(&b, "Mark Milley").is_some());
    assert!(actor(&b, "Anthony Fauci").is_some());
}

#[test]
fn shared_surname_stays_ambiguous() {
    let a = parse("John Smith and Mary Smith founded the charity. Smith said it would grow.");
    let js = actor(&a, "John Smith").expect("John");
    let ms = actor(&a, "Mary Smith").expect("Mary");
    assert_eq!(js.mentions.len(), 1);
    assert_eq!(ms.mentions.len(), 1);
}

#[test]
fn name_particles_and_non_ascii_names() {
    let a = parse(
        "Saudi Crown Prince Mohammed bin Salman met Turkish President Recep Tayyip Erdoğan and \
         European Commission President Ursula von der Leyen in Riyadh.",
    );
    let m = actor(&a, "Mohammed bin Salman").expect("MBS");
    assert_eq!(m.affiliation.as_deref(), Some("Saudi Arabia"));
    assert_eq!(m.titles, vec!["Crown Prince"]);
    let e = actor(&a, "Recep Tayyip Erdoğan").expect("Erdoğan");
    assert_eq!(e.affiliation.as_deref(), Some("Turkey"));
    let u = actor(&a, "Ursula von der Leyen").expect("von der Leyen");
    assert_eq!(u.affiliation.as_deref(), Some("European Commission"));
    assert_eq!(actor(&a, "Riyadh").map(|x| x.kind), Some(ActorKind::Location));
}

#[test]
fn organisations_of_every_sort() {
    let a = parse(
        "The Qatari Foreign Ministry said the UN and the EU backed the plan. The Houthis rejected it, \
         Reuters reported, while the IAEA and Amnesty International stayed silent.",
    );
    let m = actor(&a, "Qatari Foreign Ministry").expect("ministry");
    assert_eq!(m.kind, ActorKind::Organization);
    assert_eq!(m.affiliation.as_deref(), Some("Qatar"));
    for org in ["UN", "EU", "Houthis", "Reuters", "IAEA", "Amnesty International"] {
        assert!(
            a.actors()
                .iter()
                .any(|x| x.kind == ActorKind::Organization && mentions(&a, x).contains(&org.to_string())),
            "{org}"
        );
    }
    // the nationality in the ministry's name is not a mention of Qatar
    assert!(actor(&a, "Qatar").is_none());
}

#[test]
fn descriptions_refer_back_when_clear() {
    let a =
        parse("Hamas said it had received the proposal. Israel has pressed the Palestinian armed group to accept it.");
    let h = actor(&a, "Hamas").expect("Hamas");
    assert_eq!(mentions(&a, h), vec!["Hamas", "the Palestinian armed group"]);
    // negative: no armed group named before, so the description stays unattached
    let b = parse("Israel has pressed the Palestinian armed group to accept it.");
    assert!(!mentioned(&b, "the Palestinian armed group"));
    // negative: a Lebanese description does not attach to a Palestinian group
    let c = parse("Hamas said it would reply. The Lebanese militant group fired rockets.");
    assert_eq!(actor(&c, "Hamas").map(|x| x.mentions.len()), Some(1));
}

#[test]
fn countries_short_forms_and_places() {
    let a = parse(
        "The US and the UK urged the UAE to help. Fighting spread from Gaza to the West Bank and \
         southern Lebanon, officials in Cairo said.",
    );
    let us = actor(&a, "United States").expect("US");
    assert_eq!(us.kind, ActorKind::Country);
    assert_eq!(mentions(&a, us), vec!["US"]);
    assert_eq!(actor(&a, "United Kingdom").map(|x| x.kind), Some(ActorKind::Country));
    assert_eq!(
        actor(&a, "United Arab Emirates").map(|x| x.kind),
        Some(ActorKind::Country)
    );
    for place in ["Gaza", "West Bank", "Cairo"] {
        assert_eq!(actor(&a, place).map(|x| x.kind), Some(ActorKind::Location), "{place}");
    }
    assert_eq!(actor(&a, "Lebanon").map(|x| x.kind), Some(ActorKind::Country));
    // negative: lower-case "us" is a pronoun
    let b = parse("They told us to leave.");
    assert!(a.actors().len() > b.actors().len());
    assert!(actor(&b, "United States").is_none());
}

#[test]
fn demonyms_are_affiliations_not_mentions() {
    let a = parse("Iranian officials met Egyptian diplomats in the capital.");
    assert!(actor(&a, "Iran").is_none());
    assert!(actor(&a, "Egypt").is_none());
    let o = actor(&a, "Iranian officials").expect("officials");
    assert_eq!(o.kind, ActorKind::Source);
    assert_eq!(o.affiliation.as_deref(), Some("Iran"));
}

#[test]
fn anonymous_sources_and_groups() {
    let a = parse(
        "Arab mediators have increased their contacts, sources said. \"It is vital,\" said one of the \
         sources. A senior official denied it, and diplomats were cautious. Residents of southern \
         Lebanon described the scenes.",
    );
    for (phrase, kind) in [
        ("Arab mediators", ActorKind::Group),
        ("sources", ActorKind::Source),
        ("one of the sources", ActorKind::Source),
        ("senior official", ActorKind::Source),
        ("diplomats", ActorKind::Source),
        ("residents of southern Lebanon", ActorKind::Group),
    ] {
        assert_eq!(actor(&a, phrase).map(|x| x.kind), Some(kind), "{phrase}");
    }
    // the place inside the group's name keeps its own mention
    assert_eq!(actor(&a, "Lebanon").map(|x| x.mentions.len()), Some(1));
    // negative: "source" in "open source" is not an anonymous source
    let b = parse("The company released the code as open source software.");
    assert!(a.actors().len() > b.actors().len());
    assert!(b.actors().iter().all(|x| x.kind != ActorKind::Source));
}

#[test]
fn sentence_openers_weekdays_and_weapons_are_not_actors() {
    let a = parse(
        "Talks Stall Amid Regional Tensions\n\nDespite the escalation, both sides met on Sunday. Recent \
         negotiations ended in March. The group fired Katyusha rockets at the base.",
    );
    assert!(
        a.actors()
            .iter()
            .all(|x| matches!(x.kind, ActorKind::Group | ActorKind::Source)),
        "{:?}",
        a.actors().iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}

#[test]
fn unknown_names_are_classified_by_their_heads() {
    let a = parse(
        "Protesters gathered outside Kowloon Hospital and the Hong Kong Legislative Council. Later, \
         Lau Siu-lai spoke to supporters of the Civic Party.",
    );
    assert_eq!(actor(&a, "Kowloon Hospital").map(|x| x.kind), Some(ActorKind::Location));
    assert_eq!(actor(&a, "Civic Party").map(|x| x.kind), Some(ActorKind::Organization));
    assert_eq!(actor(&a, "Lau Siu-lai").map(|x| x.kind), Some(ActorKind::Person));
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "Mr",
        "Mr.",
        "the",
        "one of the",
        "Sheikh",
        "President and Prime Minister and",
        "«Ж» — ‘Ω’ 🙂 Mr Ǆemal",
        "A, 45, a",
        "US$ 5",
        "# @ #Tag @User",
        "Residents of",
        "Mr Al said.",
        "Sheikh Al Bin left. The Church said.",
    ] {
        let _ = parse(text);
    }
    let long = "Mr Smith said. ".repeat(2000);
    let a = parse(&long);
    assert_eq!(a.actors().len(), 1);
}

#[test]
fn hyphenated_adjectives_are_not_names() {
    let a = parse("Fighters fled Islamist-controlled Mogadishu as US-led forces moved on Bali.");
    assert_eq!(actor(&a, "Mogadishu").map(|x| x.kind), Some(ActorKind::Location));
    assert!(a.actors().iter().all(|x| x.kind != ActorKind::Person), "no person here");
    assert_eq!(actor(&a, "Bali").map(|x| x.kind), Some(ActorKind::Location));
    // negative: a hyphenated name stays a name
    let b = parse("Lawmaker Lau Siu-lai was elected.");
    assert!(actor(&b, "Lau Siu-lai").is_some());
}

#[test]
fn ministry_and_agency_descriptions() {
    let a = parse(
        "The Qatari Foreign Ministry said talks would resume. The ministry added that Irna had reported \
         the visit. The agency did not name its sources.",
    );
    let m = actor(&a, "Qatari Foreign Ministry").expect("ministry");
    assert_eq!(mentions(&a, m), vec!["Qatari Foreign Ministry", "The ministry"]);
    let i = actor(&a, "Irna").expect("Irna");
    assert_eq!(mentions(&a, i), vec!["Irna", "The agency"]);
    // negative: no agency named before
    let b = parse("The agency did not comment.");
    assert!(!mentioned(&b, "The agency"));
}

#[test]
fn headline_words_attach_only_to_actors_named_in_the_body() {
    let a =
        parse("Scientology Defector Arrested\n\nA former member left Scientology in May, and Scientology denied it.");
    let s = actor(&a, "Scientology").expect("Scientology");
    assert_eq!(s.kind, ActorKind::Organization);
    assert_eq!(s.mentions.len(), 3);
    assert!(actor(&a, "Defector").is_none() && actor(&a, "Defector Arrested").is_none());
    // negative: a headline word the body never names is not an actor
    let b = parse("Scientology Defector Arrested\n\nA former member was arrested in May.");
    assert!(
        b.actors()
            .iter()
            .all(|x| x.kind != ActorKind::Organization && x.kind != ActorKind::Person)
    );
}

#[test]
fn portfolio_titles_and_short_forms_group_under_one_actor() {
    let a = parse(
        "EU competition chief Margrethe Vestager said the European Union would act. The EU later fined the \
         firm. Fed Chair Jerome Powell and Senate Majority Leader Chuck Schumer disagreed.",
    );
    let v = actor(&a, "Margrethe Vestager").expect("Vestager");
    assert_eq!(v.titles, vec!["competition chief"]);
    assert_eq!(v.affiliation.as_deref(), Some("European Union"));
    let eu: Vec<&Actor> = a
        .actors()
        .iter()
        .filter(|x| mentions(&a, x).contains(&"EU".to_string()))
        .collect();
    assert_eq!(eu.len(), 1);
    assert_eq!(eu[0].mentions.len(), 3, "EU, European Union, EU");
    let p = actor(&a, "Jerome Powell").expect("Powell");
    assert_eq!(p.affiliation.as_deref(), Some("Federal Reserve"));
    let s = actor(&a, "Chuck Schumer").expect("Schumer");
    assert_eq!(s.titles, vec!["Majority Leader"]);
    // negative: a verb between the organisation and the title breaks the prefix
    let b = parse("The EU said chief Margrethe Vestager would act.");
    assert!(actor(&b, "Margrethe Vestager").is_none_or(|x| x.affiliation.is_none()));
}

#[test]
fn product_names_with_codes_are_not_people() {
    let a = parse("Visitors tried PlayStation VR and Windows XP machines, said Kevin Allton.");
    assert!(actor(&a, "PlayStation VR").is_none());
    assert!(actor(&a, "Windows XP").is_none());
    assert_eq!(actor(&a, "Kevin Allton").map(|x| x.kind), Some(ActorKind::Person));
}

#[test]
fn sentence_case_headlines_are_read_like_text() {
    let a = parse("Hackers attack Church of Scientology website\n\nThe website was unreachable on Monday.");
    assert_eq!(
        actor(&a, "Church of Scientology").map(|x| x.kind),
        Some(ActorKind::Organization)
    );
    // negative: in a Title Case headline capitals do not make names
    let b = parse("Hackers Attack Church Of Scientology Website\n\nThe website was unreachable on Monday.");
    assert!(
        b.actors()
            .iter()
            .all(|x| x.kind != ActorKind::Organization && x.kind != ActorKind::Person)
    );
}

#[test]
fn names_with_for_and_of() {
    let a = parse(
        "Analysts at the Institute for the Study of War agreed, and the University of Sheffield disagreed. \
         The Andy Warhol Foundation for the Visual Arts gave money.",
    );
    for org in [
        "Institute for the Study of War",
        "University of Sheffield",
        "Andy Warhol Foundation",
    ] {
        assert_eq!(actor(&a, org).map(|x| x.kind), Some(ActorKind::Organization), "{org}");
    }
    // negative: the words after "for the" are not an actor of their own
    assert!(actor(&a, "Visual Arts").is_none());
}

#[test]
fn places_named_before_a_lower_case_place_word() {
    let a = parse("Heavy rain displaced people in Pakistan's Sindh province and in the Darnytskyi district.");
    assert_eq!(actor(&a, "Sindh").map(|x| x.kind), Some(ActorKind::Location));
    assert_eq!(actor(&a, "Darnytskyi").map(|x| x.kind), Some(ActorKind::Location));
    // negative: an organisation word after a name does not make a place
    let b = parse("Voters rejected the Monti government in the vote.");
    assert!(actor(&b, "Monti").is_none_or(|x| x.kind != ActorKind::Location));
}

#[test]
fn portfolio_titles_after_of() {
    let a = parse("Minister of Education Stefania Giannini said a new law was needed.");
    let g = actor(&a, "Stefania Giannini").expect("Giannini");
    assert_eq!(g.titles, vec!["Minister of Education"]);
    assert!(actor(&a, "Education Stefania Giannini").is_none());
    // negative: a place after "of" is a place, not a portfolio
    let b = parse("Ambassador to the United States Hamdullah Mohib spoke.");
    assert_eq!(
        actor(&b, "Hamdullah Mohib").map(|x| x.titles.clone()),
        Some(vec!["Ambassador".to_string()])
    );
    assert!(actor(&b, "United States").is_some());
}

#[test]
fn bare_descriptions_need_a_recent_antecedent() {
    let a = parse("Hamas received the proposal on Monday. The group said it would reply.");
    assert_eq!(actor(&a, "Hamas").map(|x| x.mentions.len()), Some(2));
    // negative: an armed group named long before is not "the group" of a later story
    let b = parse(
        "The Taliban took Kabul in 2021. Schools closed. Girls stayed home. Teachers left. A team of \
         teenagers built a robot, and the group won a prize.",
    );
    assert_eq!(actor(&b, "Taliban").map(|x| x.mentions.len()), Some(1));
}

#[test]
fn titles_keep_their_modifiers_and_abbreviations_are_written_out() {
    let a = parse(
        "The presidential nominee Dana Reyes met former prime minister John Bale. Later deputy foreign \
         minister Kim Soo and Sen. Ann Lee joined Gov. Tom Vale and Lt. Gen. Mark Hale.",
    );
    let titles = |n: &str| actor(&a, n).map(|x| x.titles.clone()).unwrap_or_default();
    assert_eq!(titles("Dana Reyes"), vec!["presidential nominee"]);
    assert_eq!(titles("John Bale"), vec!["former prime minister"]);
    assert_eq!(titles("Kim Soo"), vec!["deputy foreign minister"]);
    assert_eq!(titles("Ann Lee"), vec!["Senator"]);
    assert_eq!(titles("Tom Vale"), vec!["Governor"]);
    assert_eq!(titles("Mark Hale"), vec!["Lieutenant General"]);
    // the mention keeps the text as written: the title is outside it
    assert_eq!(mentions(&a, actor(&a, "Ann Lee").unwrap()), vec!["Ann Lee"]);
    // negative: a verb between a name and a role is not part of the title
    let b = parse("The memo was read by John F. Kennedy, who met writer Ann Lee.");
    assert_eq!(
        actor(&b, "Ann Lee").map(|x| x.titles.clone()),
        Some(vec!["writer".to_string()])
    );
    assert!(actor(&b, "John F. Kennedy").is_some(), "initials stay in the name");
}

#[test]
fn a_plural_title_is_shared_by_the_names_it_introduces() {
    let a = parse("Sens. Ann Lee and Bo Park objected to the bill.");
    for name in ["Ann Lee", "Bo Park"] {
        let x = actor(&a, name).expect(name);
        assert_eq!(x.kind, ActorKind::Person, "{name}");
        assert_eq!(x.titles, vec!["Senator"], "{name}");
    }
    // negative: a singular title stays with its own name
    let b = parse("Sen. Ann Lee and Bo Park objected to the bill.");
    assert_eq!(actor(&b, "Ann Lee").map(|x| x.titles.len()), Some(1));
    assert!(actor(&b, "Bo Park").is_none_or(|x| x.titles.is_empty()));
}

#[test]
fn royal_styles_and_roles_are_titles_outside_the_name() {
    let a = parse("Pope Francis met Emperor Naruhito. NASA Administrator Bill Nelson and pollster Ann Selzer spoke.");
    let f = actor(&a, "Francis").expect("Francis");
    assert_eq!(f.titles, vec!["Pope"]);
    assert_eq!(mentions(&a, f), vec!["Francis"]);
    assert_eq!(
        actor(&a, "Naruhito").map(|x| x.titles.clone()),
        Some(vec!["Emperor".to_string()])
    );
    let n = actor(&a, "Bill Nelson").expect("Nelson");
    assert_eq!(n.titles, vec!["Administrator"]);
    assert_eq!(n.affiliation.as_deref(), Some("NASA"));
    assert_eq!(
        actor(&a, "Ann Selzer").map(|x| x.titles.clone()),
        Some(vec!["pollster".to_string()])
    );
    // negative: no "Pope Francis" person with the title inside the name
    assert!(actor(&a, "Pope Francis").is_none());
}

#[test]
fn appositions_and_employers_give_affiliations() {
    let a = parse("Dana Reyes, a professor at Lakeside University, said the study was sound.");
    let d = actor(&a, "Dana Reyes").expect("Reyes");
    assert_eq!(d.titles, vec!["professor"]);
    assert_eq!(d.affiliation.as_deref(), Some("Lakeside University"));
    assert_eq!(
        actor(&a, "Lakeside University").map(|x| x.kind),
        Some(ActorKind::Organization)
    );
    let b = parse("On Monday, Fox anchor Dana Reyes asked the question.");
    assert_eq!(
        actor(&b, "Dana Reyes").and_then(|x| x.affiliation.clone()).as_deref(),
        Some("Fox")
    );
    assert_eq!(actor(&b, "Fox").map(|x| x.kind), Some(ActorKind::Organization));
    // negative: a capitalised sentence opener before a role is not an employer
    let c = parse("Senior researcher Dana Reyes said the study was sound.");
    assert!(actor(&c, "Dana Reyes").is_some_and(|x| x.affiliation.is_none()));
    assert!(actor(&c, "Senior").is_none());
    // the employer may open the sentence or follow a verb and a preposition
    for text in [
        "Fox anchor Dana Reyes asked the question.",
        "The question was asked by Fox anchor Dana Reyes.",
    ] {
        let d = parse(text);
        assert_eq!(
            actor(&d, "Dana Reyes").and_then(|x| x.affiliation.clone()).as_deref(),
            Some("Fox"),
            "{text}"
        );
    }
    // negatives: a common noun, a hyphenated modifier, an adjective after "the" are no employers
    for (text, name) in [
        ("Campaign aide Tom Vale said the race was close.", "Tom Vale"),
        ("Hard-line cleric Ali Reza said the talks had failed.", "Ali Reza"),
        (
            "The talks were praised by the Shi'ite cleric Ali Reza on Monday.",
            "Ali Reza",
        ),
        ("The Olympic champion Ann Lee said she would retire.", "Ann Lee"),
    ] {
        let d = parse(text);
        assert!(actor(&d, name).is_some_and(|x| x.affiliation.is_none()), "{text}");
    }
}

#[test]
fn parties_give_affiliations_and_members_are_groups() {
    let a = parse(
        "Republican Tom Vale spoke first. Sen. Ann Lee (D-Calif.) replied. Democrats and Republicans \
         disagreed, and the Republican National Committee issued a statement.",
    );
    assert_eq!(
        actor(&a, "Tom Vale").and_then(|x| x.affiliation.clone()).as_deref(),
        Some("Republican Party")
    );
    assert!(
        actor(&a, "Republican Tom Vale").is_none(),
        "the party word is outside the name"
    );
    assert_eq!(
        actor(&a, "Ann Lee").and_then(|x| x.affiliation.clone()).as_deref(),
        Some("Democratic Party")
    );
    for g in ["Democrats", "Republicans"] {
        assert_eq!(actor(&a, g).map(|x| x.kind), Some(ActorKind::Group), "{g}");
    }
    // negative: a party's own organisation is not a person
    assert_eq!(
        actor(&a, "Republican National Committee").map(|x| x.kind),
        Some(ActorKind::Organization)
    );
}

#[test]
fn a_countrys_body_in_lower_case_belongs_to_the_country() {
    let a = parse("Iran's foreign ministry said the talks were over.");
    let m = actor(&a, "Iran's foreign ministry").expect("ministry");
    assert_eq!(m.kind, ActorKind::Organization);
    assert_eq!(m.affiliation.as_deref(), Some("Iran"));
    assert_eq!(mentions(&a, m), vec!["foreign ministry"]);
    assert!(actor(&a, "Iran").is_some(), "the country keeps its mention");
    // negative: a place of the country is not an organisation
    let b = parse("Iran's capital was calm on Friday.");
    assert!(b.actors().iter().all(|x| x.kind != ActorKind::Organization));
}

#[test]
fn regnal_numbers_stay_in_the_name() {
    let a = parse("Historians compared Louis XIV with Elizabeth II.");
    assert_eq!(actor(&a, "Louis XIV").map(|x| x.kind), Some(ActorKind::Person));
    assert_eq!(actor(&a, "Elizabeth II").map(|x| x.kind), Some(ActorKind::Person));
    // negative: a product code is not a person
    let b = parse("Sony released PlayStation VR in Tokyo.");
    assert!(b.actors().iter().all(|x| x.kind != ActorKind::Person));
}

#[test]
fn generic_sources_have_one_canonical_name() {
    let a = parse(
        "Officials said the road was closed. The officials added that it would reopen, and officials in \
         Cairo agreed. A spokesman declined to comment. \"We are ready,\" the spokesman said. Arab \
         mediators and US officials met.",
    );
    let o = actor(&a, "officials").expect("officials");
    assert_eq!(o.mentions.len(), 3, "{:?}", mentions(&a, o));
    assert!(actor(&a, "Officials").is_none() && actor(&a, "the officials").is_none());
    let s = actor(&a, "spokesman").expect("spokesman");
    assert_eq!(
        s.mentions.len(),
        2,
        "one actor for \"A spokesman\" and \"the spokesman\""
    );
    assert!(actor(&a, "A spokesman").is_none());
    // negative: proper words keep their case
    assert!(actor(&a, "Arab mediators").is_some());
    assert!(actor(&a, "US officials").is_some());
}

#[test]
fn a_person_known_by_a_title_is_named_with_the() {
    let a = parse("\"We are ready,\" the president said. \"No,\" the Democratic senator replied.");
    let p = actor(&a, "the president").expect("the president");
    assert_eq!(p.kind, ActorKind::Person);
    assert_eq!(p.titles, vec!["president"]);
    let s = actor(&a, "the Democratic senator").expect("senator");
    assert_eq!(s.affiliation.as_deref(), Some("Democratic Party"));
    // negative: never a bare title that reads like a proper name
    assert!(actor(&a, "president").is_none());
}

#[test]
fn name_boundaries_keep_their_head_and_modifier_words() {
    let a = parse(
        "Farmers in Lower Saxony and climbers on Mount Kenya wrote to the Ministry of Fisheries and Oceans \
         and the Bank of England. Officials in Boise, Idaho, agreed.",
    );
    for (name, kind) in [
        ("Lower Saxony", ActorKind::Location),
        ("Mount Kenya", ActorKind::Location),
        ("Ministry of Fisheries and Oceans", ActorKind::Organization),
        ("Bank of England", ActorKind::Organization),
    ] {
        assert_eq!(actor(&a, name).map(|x| x.kind), Some(kind), "{name}");
    }
    // "Boise, Idaho" is one place; each name keeps its own mention
    let b = actor(&a, "Boise, Idaho").expect("Boise, Idaho");
    assert_eq!(mentions(&a, b), vec!["Boise", "Idaho"]);
    // negatives: no person "Lower Saxony", no country Kenya out of the mountain's name
    assert!(actor(&a, "Kenya").is_none());
    assert!(a.actors().iter().all(|x| x.kind != ActorKind::Person));
}

#[test]
fn events_eras_and_acronyms_of_things_are_not_actors() {
    let a = parse(
        "After the Second World War, DNA tests and VAT rises were debated. The coins date from 300 BC. \
         Analysts at the Institute for the Study of War agreed.",
    );
    for not in ["Second World War", "DNA", "VAT", "BC"] {
        assert!(!mentioned(&a, not), "{not}");
    }
    // negative: an organisation whose complement names an event is still an organisation
    assert_eq!(
        actor(&a, "Institute for the Study of War").map(|x| x.kind),
        Some(ActorKind::Organization)
    );
}

#[test]
fn glued_list_of_titled_names_gives_each_person_their_title() {
    // Text taken from a web page that lost the separators between the names.
    let a = parse("The bill was backed by Sen. Jane DoeRep. John RoeGov. Mary Poe. on Monday.");
    for (name, title) in [
        ("Jane Doe", "Senator"),
        ("John Roe", "Representative"),
        ("Mary Poe", "Governor"),
    ] {
        let x = actor(&a, name).unwrap_or_else(|| panic!("{name} in {:?}", a.actors()));
        assert_eq!(x.kind, ActorKind::Person);
        assert_eq!(x.titles, vec![title.to_string()], "{name}");
    }
    // The same with spaces: a rank abbreviation ends the name before it.
    let a = parse("Sen. Jane Doe Rep. John Roe spoke.");
    assert!(
        actor(&a, "Jane Doe").is_some() && actor(&a, "John Roe").is_some(),
        "{:?}",
        a.actors()
    );
    // Negatives: a pollster's name keeps its capitals, and a name suffix stays in the name.
    let a = parse("A poll by YouGov. The survey found support.");
    assert!(!mentioned(&a, "You"));
    let a = parse("Sen. Jane Doe Jr. spoke on Monday.");
    assert!(actor(&a, "Jane Doe Jr").is_some(), "{:?}", a.actors());
}

#[test]
fn titles_of_works_are_not_actors() {
    let a = parse("The novel Blue Harbour Lights sold well, and she starred in the film Silent Hours with Tom Vale.");
    assert!(actor(&a, "Blue Harbour Lights").is_none(), "{:?}", a.actors());
    assert!(actor(&a, "Silent Hours").is_none(), "{:?}", a.actors());
    assert_eq!(actor(&a, "Tom Vale").map(|x| x.kind), Some(ActorKind::Person));
    // negative: a verb of the same spelling introduces no work
    let b = parse("Fans will show Tom Vale the door.");
    assert_eq!(actor(&b, "Tom Vale").map(|x| x.kind), Some(ActorKind::Person));
}

#[test]
fn a_politicians_staff_is_affiliated_to_the_politician() {
    let a = parse(
        "An aide to Senator Ann Lee declined to comment, and a spokesman for Palestinian President Mahmoud Abbas said the talks had failed.",
    );
    let aff = |a: &Article, name: &str| actor(a, name).and_then(|x| x.affiliation.clone());
    assert_eq!(aff(&a, "aide").as_deref(), Some("Ann Lee"), "{:?}", a.actors());
    assert_eq!(
        aff(&a, "spokesman").as_deref(),
        Some("Mahmoud Abbas"),
        "{:?}",
        a.actors()
    );
    let b = parse("A spokesman for Hamas said the talks had failed.");
    assert_eq!(aff(&b, "spokesman").as_deref(), Some("Hamas"));
    // negatives: troops sent to a country, a lone unknown word, a lower-case body
    let c = parse(
        "Officials said more troops would be sent to Somalia. A source close to Vale and a spokesman for the ministry declined to comment.",
    );
    assert!(
        actor(&c, "troops").is_some_and(|x| x.affiliation.is_none()),
        "{:?}",
        c.actors()
    );
    assert!(
        actor(&c, "source").is_some_and(|x| x.affiliation.is_none()),
        "{:?}",
        c.actors()
    );
    assert!(
        actor(&c, "spokesman").is_some_and(|x| x.affiliation.is_none()),
        "{:?}",
        c.actors()
    );
}
