//! The times stage through the public API: values resolved against the publication date, the time of a
//! statistic, and the JSON round trip of both.

use newsparse::{Article, Document, Error, Parser, TimeKind};

fn parse(text: &str, published: &str) -> Article {
    Parser::new()
        .parse_document(&Document::new(text).with_published(published))
        .unwrap()
}

fn values(a: &Article) -> Vec<(&str, &str)> {
    a.times().iter().map(|t| (a.slice(t.span), t.value.as_str())).collect()
}

#[test]
fn news_expressions_resolve_against_the_publication_date() {
    // 2024-08-28 is a Wednesday
    let a = parse(
        "Talks\n\nThe talks collapsed on Monday, two years after they began, and will resume next week, \
         officials said. Prices rose in the third quarter and fell in the 1990s.",
        "2024-08-28",
    );
    assert_eq!(
        values(&a),
        [
            ("Monday", "2024-08-26"),
            ("two years", "P2Y"),
            ("next week", "2024-W36"),
            ("the third quarter", "2024-Q3"),
            ("the 1990s", "199"),
        ]
    );
    let week = &a.times()[2];
    assert_eq!(week.kind, TimeKind::Date);
    assert_eq!(
        (week.first.as_deref(), week.last.as_deref()),
        (Some("2024-09-02"), Some("2024-09-08"))
    );
    assert_eq!(a.times()[1].kind, TimeKind::Duration);
    assert_eq!(a.times()[1].first, None);
}

#[test]
fn without_a_publication_date_relative_expressions_stay_underspecified() {
    let a = newsparse::parse("Talks\n\nThe talks collapsed on Monday and again last year.").unwrap();
    assert_eq!(values(&a), [("Monday", "XXXX-WXX-1"), ("last year", "XXXX")]);
    assert!(a.times().iter().all(|t| t.first.is_none()));
}

#[test]
fn a_statistic_is_linked_to_the_time_of_its_clause() {
    let a = parse(
        "Trade\n\nIn 2023, exports rose 5%; imports fell 3%. Every Monday, 40 trucks cross.",
        "2024-08-28",
    );
    let stats = a.statistics();
    let text = |i: usize| a.slice(stats[i].span);
    assert_eq!((text(0), text(1)), ("5%", "3%"));
    // "5%" shares its clause with "2023"; the semicolon ends that clause for "3%"
    assert_eq!(a.time_of(&stats[0]).map(|t| t.value.as_str()), Some("2023"));
    assert_eq!(stats[1].time, None);
    // a recurrence ("every Monday") is never a statistic's time
    let trucks = stats.iter().find(|s| a.slice(s.span).contains("40")).unwrap();
    assert_eq!(trucks.time, None);
}

#[test]
fn times_and_statistic_times_round_trip_through_json() {
    let a = parse("Trade\n\nIn 2023, exports rose 5% on Aug. 26.", "2024-08-28");
    assert!(a.statistics()[0].time.is_some());
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["times"][0]["text"], "2023");
    assert_eq!(v["times"][0]["type"], "date");
    assert_eq!(v["statistics"][0]["time"], serde_json::json!(a.statistics()[0].time));
    assert_eq!(Article::from_json(&json).unwrap(), a);
    // an index past the times is an error naming the field
    let mut bad = v.clone();
    bad["statistics"][0]["time"] = 7.into();
    match Article::from_json(&bad.to_string()) {
        Err(e @ Error::InconsistentJson { .. }) => assert!(e.to_string().contains("statistics[0].time"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn centuries_written_with_an_ordinal_suffix() {
    // "19th" is a number and its glued suffix: the century still reads them both.
    let a = parse("Trade grew in the 19th century and in the 21st century.", "2024-05-01");
    assert_eq!(values(&a), vec![("the 19th century", "18"), ("the 21st century", "20")]);
    let a = parse("Its walls date from the mid-17th century.", "2024-05-01");
    assert_eq!(values(&a), vec![("the mid-17th century", "16")]);
    // Negatives: an ordinal without "century", and a suffix after a space.
    assert!(parse("He came 19th in the race.", "2024-05-01").times().is_empty());
    assert!(
        values(&parse("It was the 19 th century.", "2024-05-01"))
            .iter()
            .all(|(t, _)| !t.contains("th"))
    );
}
