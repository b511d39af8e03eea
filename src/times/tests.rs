//! Tests of the times stage on made-up sentences and publication dates.

use super::*;
use crate::text::Doc;

fn times(text: &str, published: &str) -> Vec<(String, TimeKind, Option<String>)> {
    let doc = Doc::new(text);
    extract(&doc, Some(published))
        .into_iter()
        .map(|t| (span_text(text, t.span).to_string(), t.kind, Some(t.value)))
        .collect()
}

fn one(text: &str, published: &str) -> (String, Option<String>) {
    let t = times(text, published);
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    (t[0].0.clone(), t[0].2.clone())
}

fn v(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn weekday_before_said_is_the_most_recent_one() {
    // 2024-08-28 is a Wednesday
    assert_eq!(
        one("The minister said on Monday that talks had failed.", "2024-08-28"),
        ("Monday".into(), v("2024-08-26"))
    );
    assert_eq!(
        one("The talks will resume on Monday.", "2024-08-28"),
        ("Monday".into(), v("2024-09-02"))
    );
    assert_eq!(
        one("The talks will resume on Monday.", ""),
        ("Monday".into(), v("XXXX-WXX-1"))
    );
}

#[test]
fn names_and_verbs_are_not_dates() {
    assert!(
        times(
            "He told the Sunday Times that protesters may march again.",
            "2024-08-28"
        )
        .is_empty()
    );
    assert!(times("March organisers said 2,000 people attended.", "2024-08-28").is_empty());
}

#[test]
fn dates_durations_and_sets() {
    assert_eq!(
        one("The plant opened on Aug. 26, 2024.", "2024-09-01").1,
        v("2024-08-26")
    );
    assert_eq!(one("Exports fell last year.", "2024-09-01").1, v("2023"));
    assert_eq!(one("It happened two years ago.", "2024-09-01").1, v("2022"));
    assert_eq!(one("Prices rose in the 1990s.", "2024-09-01").1, v("199"));
    assert_eq!(one("The deal ran for three years.", "2024-09-01").1, v("P3Y"));
    assert_eq!(one("Profit rose in the first quarter of 2024.", "").1, v("2024-Q1"));
    assert_eq!(one("The board meets every Monday.", "").1, v("XXXX-WXX-1"));
    assert_eq!(
        one("The vote closed at 3 p.m. today.", "2024-09-01").1,
        v("2024-09-01T15:00")
    );
    // without a publication date "last year" keeps an underspecified year, not a guess
    assert_eq!(one("Sales fell last year.", "").1, v("XXXX"));
}

#[test]
fn hostile_numbers_give_no_value_and_no_panic() {
    let long = format!("In {} the 99999th century began.", "9".repeat(5000));
    let t = times(&long, "2024-09-01");
    assert!(t.iter().all(|x| x.2.is_none()), "{t:?}");
}

// The first cut's tests (every construction of the issue), kept on the ported rules.
mod first_cut {
    use super::super::*;
    use crate::text::Doc;

    /// (text, type, value) of every expression of `text` published on `dct`.
    fn times_of(text: &str, dct: Option<&str>) -> Vec<(String, &'static str, String)> {
        let doc = Doc::new(text);
        extract(&doc, dct)
            .into_iter()
            .map(|t| (text[t.span.range()].to_string(), t.kind.as_str(), t.value))
            .collect()
    }

    fn one_of(text: &str, dct: &str) -> (String, String) {
        let t = times_of(text, Some(dct));
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        (t[0].0.clone(), t[0].2.clone())
    }

    #[test]
    fn weekdays_take_the_tense_of_their_clause() {
        // 2024-08-28 is a Wednesday.
        assert_eq!(
            one_of("The talks collapsed on Monday, officials said.", "2024-08-28").1,
            "2024-08-26"
        );
        assert_eq!(one_of("The talks will resume on Monday.", "2024-08-28").1, "2024-09-02");
        assert_eq!(one_of("Voting ended on Wednesday.", "2024-08-28").1, "2024-08-28");
        assert_eq!(
            one_of("He arrived last Friday.", "2024-08-28"),
            ("last Friday".into(), "2024-08-23".into())
        );
        assert_eq!(
            one_of("Protests began Monday night.", "2024-08-28"),
            ("Monday night".into(), "2024-08-26TNI".into())
        );
        // Without a publication date the weekday stays underspecified.
        assert_eq!(times_of("Voting ended on Wednesday.", None)[0].2, "XXXX-WXX-3");
        // "sat" the verb is no Saturday.
        assert!(times_of("She sat down and wed him.", Some("2024-08-28")).is_empty());
    }

    #[test]
    fn explicit_and_partial_dates() {
        assert_eq!(
            one_of("It opened on Aug. 26, 2024.", "2025-01-01"),
            ("Aug. 26, 2024".into(), "2024-08-26".into())
        );
        assert_eq!(one_of("It opened on 26 August 2024.", "2025-01-01").1, "2024-08-26");
        assert_eq!(one_of("It opened on February 24, 1955.", "2011-10-06").1, "1955-02-24");
        // no year: the nearest such day
        assert_eq!(one_of("The vote is set for October 12.", "2005-10-04").1, "2005-10-12");
        assert_eq!(one_of("Sales fell on August 24.", "2011-10-06").1, "2011-08-24");
        assert_eq!(one_of("Prices peaked in December 2023.", "2024-08-28").1, "2023-12");
        assert_eq!(one_of("The deal was signed in November.", "2009-03-13").1, "2008-11");
        assert_eq!(one_of("Sales rose in September.", "2008-11-18").1, "2008-09");
        assert_eq!(one_of("He retired last September.", "2009-10-12").1, "2009-09");
        assert_eq!(one_of("The plant closed in 1991.", "2006-05-08").1, "1991");
        assert_eq!(one_of("It was signed 7/8/07.", "2007-07-09").1, "2007-07-08");
        // "May" the verb and "March" the noun are no months.
        assert!(times_of("Officials may meet again.", Some("2024-08-28")).is_empty());
        assert!(times_of("The march drew thousands.", Some("2024-08-28")).is_empty());
    }

    #[test]
    fn relative_days_weeks_months_and_years() {
        let dct = "2008-12-13";
        assert_eq!(one_of("Shares fell today.", dct).1, "2008-12-13");
        assert_eq!(one_of("Shares fell yesterday.", dct).1, "2008-12-12");
        assert_eq!(
            one_of("Shares fell this week.", dct),
            ("this week".into(), "2008-W50".into())
        );
        assert_eq!(one_of("Shares fell last week.", dct).1, "2008-W49");
        assert_eq!(one_of("Shares fell last month.", dct).1, "2008-11");
        assert_eq!(one_of("Shares fell last year.", "2006-01-23").1, "2005");
        assert_eq!(one_of("Shares will rise next year.", dct).1, "2009");
        assert_eq!(
            one_of("Shares fell two years ago.", dct),
            ("two years ago".into(), "2006".into())
        );
        assert_eq!(one_of("Shares fell three days ago.", dct).1, "2008-12-10");
        assert_eq!(one_of("Shares fell the previous day.", dct).1, "2008-12-12");
        assert_eq!(one_of("Prices are high now.", dct).1, "PRESENT_REF");
        assert_eq!(one_of("Prices rose recently.", dct).1, "PAST_REF");
    }

    #[test]
    fn current_and_recent_before_a_noun() {
        let dct = "2008-12-13";
        assert_eq!(
            one_of("Jobs are scarce in the current economic climate.", dct),
            ("current".into(), "PRESENT_REF".into())
        );
        assert_eq!(
            one_of("A recent poll found wide support.", dct),
            ("recent".into(), "PAST_REF".into())
        );
        assert_eq!(one_of("Recent data show growth.", dct).1, "PAST_REF");
        // a noun, a fixed term, and a predicate adjective are not times
        for text in [
            "The ocean current carried the boat.",
            "The current account deficit widened.",
            "The figures are current.",
        ] {
            assert!(times_of(text, Some(dct)).is_empty(), "{text}");
        }
    }

    #[test]
    fn quarters_decades_seasons_and_times_of_day() {
        assert_eq!(
            one_of("Profit rose in the fourth quarter of 2005.", "2006-01-27").1,
            "2005-Q4"
        );
        assert_eq!(one_of("Profit rose in the third quarter.", "2009-11-03").1, "2009-Q3");
        assert_eq!(
            one_of("Growth was slow in the 1990s.", "2009-11-03"),
            ("the 1990s".into(), "199".into())
        );
        // in November, "last summer" is the one just past
        assert_eq!(one_of("Sales peaked last summer.", "2009-11-03").1, "2009-SU");
        assert_eq!(one_of("Sales peaked last summer.", "2009-04-03").1, "2008-SU");
        let (_, v) = one_of("The plane landed at 08:30 UTC.", "2005-04-27");
        assert_eq!(v, "2005-04-27T08:30Z");
        assert_eq!(
            one_of("Polls close at 8 p.m. on the coast.", "2005-04-27").1,
            "2005-04-27T20:00"
        );
    }

    #[test]
    fn durations_and_sets() {
        let dct = "2008-05-24";
        assert_eq!(
            one_of("The war lasted two years.", dct),
            ("two years".into(), "P2Y".into())
        );
        assert_eq!(one_of("Talks went on for 10 days.", dct).1, "P10D");
        assert_eq!(one_of("The strike lasted several weeks.", dct).1, "PXW");
        assert_eq!(one_of("It ends a 41-year history.", dct).1, "P41Y");
        assert_eq!(one_of("The flight took three hours.", dct).1, "PT3H");
        assert_eq!(
            one_of("Growth slowed over the past three years.", dct),
            ("the past three years".into(), "P3Y".into())
        );
        assert_eq!(
            one_of("The market meets every Monday.", dct),
            ("every Monday".into(), "XXXX-WXX-1".into())
        );
        assert_eq!(one_of("The report is published weekly.", dct).1, "P1W");
        let t = times_of("The war lasted two years.", Some(dct));
        assert_eq!(t[0].1, "duration");
    }

    #[test]
    fn numbers_that_are_not_years() {
        assert!(times_of("The company hired 2000 workers.", Some("2024-08-28")).is_empty());
        assert!(times_of("It cost $1999 in total.", Some("2024-08-28")).is_empty());
        assert!(times_of("About 1,500 people came.", Some("2024-08-28")).is_empty());
    }

    #[test]
    fn hostile_and_out_of_range_input_gives_no_value_and_no_panic() {
        let long_year = "9".repeat(5000);
        let text = format!("In {long_year} and the 99999th century, on Feb. 30, 2024, and in 9999 ago.");
        let _ = times_of(&text, Some("2024-08-28"));
        let _ = times_of("Monday Monday Monday last last last the the the", Some("9999-12-31"));
        let _ = times_of("Monday, yesterday, next week, two years ago", Some("-9999-01-01"));
        assert!(
            times_of("It opened on Feb. 30, 2024.", Some("2024-08-28"))
                .iter()
                .all(|t| t.2 != "2024-02-30")
        );
    }
}

#[test]
fn durations_with_adjectives_and_after_the_past() {
    let dct = "2008-10-20";
    assert_eq!(
        one("For the past five trading days, stocks have been down.", dct),
        ("the past five trading days".into(), v("P5D"))
    );
    assert_eq!(
        one(
            "Japan entered a recession after posting two consecutive quarters of negative growth.",
            dct
        ),
        ("two consecutive quarters".into(), v("P2Q"))
    );
    // a quantity of something is no time
    assert!(times("The site stores 75 hours of video.", dct).is_empty());
}

#[test]
fn a_quarter_is_a_fraction_unless_it_is_a_length_of_time() {
    let dct = "2009-05-15";
    assert!(times("It wants to eliminate 789, or about a quarter, of its dealers.", dct).is_empty());
    assert_eq!(one("Output fell for a quarter.", dct), ("a quarter".into(), v("P1Q")));
}

#[test]
fn bare_plural_units_after_a_preposition() {
    let dct = "2008-10-10";
    assert_eq!(
        one("The index lost 500 points in minutes.", dct),
        ("minutes".into(), v("PTXM"))
    );
    assert_eq!(
        one("It was the highest level in years.", dct),
        ("years".into(), v("PXY"))
    );
    assert!(times("He read it in minutes of the meeting.", dct).is_empty());
}

#[test]
fn seasons_alone_but_not_fall_or_names() {
    let dct = "2009-04-04";
    assert_eq!(
        one("It is too early to see a trend, but spring shows signs of hope.", dct).0,
        "spring"
    );
    assert!(times("Leaves fall early.", dct).is_empty());
    assert!(times("The Arab Spring spread quickly.", dct).is_empty());
}

#[test]
fn the_long_term_and_the_trading_day() {
    let dct = "2008-10-10";
    assert_eq!(
        one("Prospects look good in the long term.", dct),
        ("the long term".into(), v("FUTURE_REF"))
    );
    assert!(times("The long term contract was signed.", dct).is_empty());
    assert_eq!(
        one("Stocks fell 3% to end the day at 7,114.", dct),
        ("the day".into(), v("2008-10-10"))
    );
    assert!(times("He remembered the day of the attack.", dct).is_empty());
}

#[test]
fn hyphenated_words_are_times_only_with_a_time_part() {
    assert_eq!(
        one("The well-known minister signed a five-year deal.", "2024-08-28"),
        ("five-year".into(), v("P5Y"))
    );
    assert_eq!(one("A so-called mid-2009 plan", "2024-08-28").0, "mid-2009");
    assert!(times("The well-known, so-called and long-awaited plan passed.", "2024-08-28").is_empty());
}

#[test]
fn the_known_word_table_finds_every_listed_word_and_no_other() {
    let known = &*KNOWN;
    for &w in WORDS.keys().chain(OTHER_STARTS) {
        assert!(w.len() < 16, "{w}: the shape filter reads words shorter than 16 bytes");
        assert!(known.may_hold(w.as_bytes()), "{w}");
        assert!(known.scans(w), "{w}");
    }
    // marks only: known, but not scanned
    assert!(known.get("straight").is_some_and(|e| e.marks & MARK_ADJECTIVE != 0) && !known.scans("straight"));
    for w in ["table", "tables", "2024", "", "augusta", "mondayx", "the-end"] {
        assert!(known.get(w).is_none(), "{w}");
    }
}

#[test]
fn a_rule_that_reads_a_token_first_is_among_its_forms_rules() {
    // every construction of the rules, so that each rule matches somewhere; the property: a rule that
    // matches from a token is one of the rules its form lists (or one the start's kind rules out)
    let text = "On Aug. 26, 2024, at 3:30 p.m. GMT, 26 August 2024, the 26th of August, 7/8/07 and Monday \
                night, today, yesterday morning, last week, next month, the first quarter of 2009, Q4 2024, \
                fiscal 2007, FY2007, noon, the 21 century, three years ago, a five-year plan, the 1990s, \
                the '90s, mid-2024, summer 2024, every Monday, weekly, for years, in recent years, 15:00 UTC, \
                $15 a year, two and a half years, six straight days, in March 2009. The table was set.";
    let doc = Doc::new(text);
    let cx = Cx::new(&doc);
    let mut matched = 0u32;
    for i in 0..cx.n {
        let f = cx.facts(i);
        for (k, rule) in ALL_RULES.iter().enumerate() {
            let Some(found) = rule(&cx, i) else { continue };
            if found.end <= i || f.role & START == 0 {
                continue;
            }
            let restricted = f.role & (PLAIN_NUMBER | PLAIN_WORD | COUNT_WORD) != 0;
            assert!(f.rules & (1 << k) != 0 || restricted, "rule {k} at {:?}", doc.low(i));
            matched |= 1 << k;
        }
    }
    assert_eq!(matched.count_ones(), 17, "every rule matches somewhere: {matched:b}");
    // "table" is no temporal word: no rule reads it first
    let table = (0..cx.n).find(|&i| doc.low(i) == "table").map(|i| cx.facts(i).rules);
    assert_eq!(table, Some(0));
}

#[test]
fn a_calendar_day_is_written_as_format_writes_it() {
    for (y, m, d) in [
        (2024, 8, 26),
        (1, 1, 1),
        (999, 12, 31),
        (9999, 2, 3),
        (-5, 3, 4),
        (-9999, 1, 1),
    ] {
        let date = Date::new(y, m, d).unwrap();
        assert_eq!(calendar_day(date), format!("{y:04}-{m:02}-{d:02}"));
    }
    assert_eq!(calendar_day(Date::new(2024, 2, 29).unwrap()), "2024-02-29");
    assert_ne!(calendar_day(Date::new(2024, 2, 29).unwrap()), "2024-2-29");
}
