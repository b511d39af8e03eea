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
        ("Residents of southern Lebanon", ActorKind::Group),
    ] {
        assert_eq!(actor(&a, phrase).map(|x| x.kind), Some(kind), "{phrase}");
    }
}
