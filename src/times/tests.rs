use super::*;

/// (text, type, value) of every expression of `text` published on `dct`.
fn times(text: &str, dct: Option<&str>) -> Vec<(String, &'static str, String)> {
    let doc = Doc::new(text);
    extract(&doc, dct)
        .into_iter()
        .map(|t| (text[t.span.range()].to_string(), t.kind.as_str(), t.value))
        .collect()
}

fn one(text: &str, dct: &str) -> (String, String) {
    let t = times(text, Some(dct));
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    (t[0].0.clone(), t[0].2.clone())
}

#[test]
fn weekdays_take_the_tense_of_their_clause() {
    // 2024-08-28 is a Wednesday.
    assert_eq!(
        one("The talks collapsed on Monday, officials said.", "2024-08-28").1,
        "2024-08-26"
    );
    assert_eq!(one("The talks will resume on Monday.", "2024-08-28").1, "2024-09-02");
    assert_eq!(one("Voting ended on Wednesday.", "2024-08-28").1, "2024-08-28");
    assert_eq!(
        one("He arrived last Friday.", "2024-08-28"),
        ("last Friday".into(), "2024-08-23".into())
    );
    assert_eq!(
        one("Protests began Monday night.", "2024-08-28"),
        ("Monday night".into(), "2024-08-26TNI".into())
    );
    // Without a publication date the weekday stays underspecified.
    assert_eq!(times("Voting ended on Wednesday.", None)[0].2, "XXXX-WXX-3");
    // "sat" the verb is no Saturday.
    assert!(times("She sat down and wed him.", Some("2024-08-28")).is_empty());
}

#[test]
fn explicit_and_partial_dates() {
    assert_eq!(
        one("It opened on Aug. 26, 2024.", "2025-01-01"),
        ("Aug. 26, 2024".into(), "2024-08-26".into())
    );
    assert_eq!(one("It opened on 26 August 2024.", "2025-01-01").1, "2024-08-26");
    assert_eq!(one("It opened on February 24, 1955.", "2011-10-06").1, "1955-02-24");
    // no year: the nearest such day
    assert_eq!(one("The vote is set for October 12.", "2005-10-04").1, "2005-10-12");
    assert_eq!(one("Sales fell on August 24.", "2011-10-06").1, "2011-08-24");
    assert_eq!(one("Prices peaked in December 2023.", "2024-08-28").1, "2023-12");
    assert_eq!(one("The deal was signed in November.", "2009-03-13").1, "2008-11");
    assert_eq!(one("Sales rose in September.", "2008-11-18").1, "2008-09");
    assert_eq!(one("He retired last September.", "2009-10-12").1, "2009-09");
    assert_eq!(one("The plant closed in 1991.", "2006-05-08").1, "1991");
    assert_eq!(one("It was signed 7/8/07.", "2007-07-09").1, "2007-07-08");
    // "May" the verb and "March" the noun are no months.
    assert!(times("Officials may meet again.", Some("2024-08-28")).is_empty());
    assert!(times("The march drew thousands.", Some("2024-08-28")).is_empty());
}

#[test]
fn relative_days_weeks_months_and_years() {
    let dct = "2008-12-13";
    assert_eq!(one("Shares fell today.", dct).1, "2008-12-13");
    assert_eq!(one("Shares fell yesterday.", dct).1, "2008-12-12");
    assert_eq!(
        one("Shares fell this week.", dct),
        ("this week".into(), "2008-W50".into())
    );
    assert_eq!(one("Shares fell last week.", dct).1, "2008-W49");
    assert_eq!(one("Shares fell last month.", dct).1, "2008-11");
    assert_eq!(one("Shares fell last year.", "2006-01-23").1, "2005");
    assert_eq!(one("Shares will rise next year.", dct).1, "2009");
    assert_eq!(
        one("Shares fell two years ago.", dct),
        ("two years ago".into(), "2006".into())
    );
    assert_eq!(one("Shares fell three days ago.", dct).1, "2008-12-10");
    assert_eq!(one("Shares fell the previous day.", dct).1, "2008-12-12");
    assert_eq!(one("Prices are high now.", dct).1, "PRESENT_REF");
    assert_eq!(one("Prices rose recently.", dct).1, "PAST_REF");
}

#[test]
fn quarters_decades_seasons_and_times_of_day() {
    assert_eq!(
        one("Profit rose in the fourth quarter of 2005.", "2006-01-27").1,
        "2005-Q4"
    );
    assert_eq!(one("Profit rose in the third quarter.", "2009-11-03").1, "2009-Q3");
    assert_eq!(
        one("Growth was slow in the 1990s.", "2009-11-03"),
        ("the 1990s".into(), "199".into())
    );
    assert_eq!(one("Sales peaked last summer.", "2009-11-03").1, "2008-SU");
    let (_, v) = one("The plane landed at 08:30 UTC.", "2005-04-27");
    assert_eq!(v, "2005-04-27T08:30Z");
    assert_eq!(
        one("Polls close at 8 p.m. on the coast.", "2005-04-27").1,
        "2005-04-27T20:00"
    );
}

#[test]
fn durations_and_sets() {
    let dct = "2008-05-24";
    assert_eq!(
        one("The war lasted two years.", dct),
        ("two years".into(), "P2Y".into())
    );
    assert_eq!(one("Talks went on for 10 days.", dct).1, "P10D");
    assert_eq!(one("The strike lasted several weeks.", dct).1, "PXW");
    assert_eq!(one("It ends a 41-year history.", dct).1, "P41Y");
    assert_eq!(one("The flight took three hours.", dct).1, "PT3H");
    assert_eq!(
        one("Growth slowed over the past three years.", dct),
        ("the past three years".into(), "P3Y".into())
    );
    assert_eq!(
        one("The market meets every Monday.", dct),
        ("every Monday".into(), "XXXX-WXX-1".into())
    );
    assert_eq!(one("The report is published weekly.", dct).1, "P1W");
    let t = times("The war lasted two years.", Some(dct));
    assert_eq!(t[0].1, "duration");
}

#[test]
fn numbers_that_are_not_years() {
    assert!(times("The company hired 2000 workers.", Some("2024-08-28")).is_empty());
    assert!(times("It cost $1999 in total.", Some("2024-08-28")).is_empty());
    assert!(times("About 1,500 people came.", Some("2024-08-28")).is_empty());
}

#[test]
fn hostile_and_out_of_range_input_gives_no_value_and_no_panic() {
    let long_year = "9".repeat(5000);
    let text = format!("In {long_year} and the 99999th century, on Feb. 30, 2024, and in 9999 ago.");
    let _ = times(&text, Some("2024-08-28"));
    let _ = times("Monday Monday Monday last last last the the the", Some("9999-12-31"));
    let _ = times("Monday, yesterday, next week, two years ago", Some("-9999-01-01"));
    assert!(
        times("It opened on Feb. 30, 2024.", Some("2024-08-28"))
            .iter()
            .all(|t| t.2 != "2024-02-30")
    );
}
