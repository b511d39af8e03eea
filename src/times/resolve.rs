//! Calendar resolution with jiff: which day a weekday, month or "last week" means, given the publication
//! date, and the TIMEX3 values of units and durations.

use jiff::Span as Dur;
use jiff::civil::Date;

use crate::text::Doc;

/// Which way a relative expression points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Before it ("last", news past tense).
    Past,
    /// The one containing it ("this").
    Current,
    /// After it ("next", a future clause).
    Future,
}

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Granularity {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A weekend.
    Weekend,
    /// A month.
    Month,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// An hour.
    Hour,
    /// A minute.
    Minute,
}

impl Granularity {
    /// The TIMEX3 duration letter (`Y`, `M`, `W`, `D`, `H`; a minute is `M` after `T`).
    pub(crate) fn letter(self) -> char {
        match self {
            Granularity::Day => 'D',
            Granularity::Week | Granularity::Weekend => 'W',
            Granularity::Month | Granularity::Minute => 'M',
            Granularity::Year | Granularity::Decade | Granularity::Century => 'Y',
            Granularity::Hour => 'H',
        }
    }
}

/// The direction of the clause around token `i`: future when it has a future marker ("will", "'ll",
/// "shall", "expected", "scheduled", "plans", "due", "upcoming", "tomorrow"), past otherwise (news reports
/// what happened). The clause runs from the previous comma, semicolon or sentence start to the next one.
pub(crate) fn direction(doc: &Doc, i: usize) -> Direction {
    let s = doc.tokens[i].sentence;
    let bound = |j: usize| doc.tokens[j].sentence != s || matches!(doc.tok(j), "," | ";" | ":" | "—" | "–");
    let mut j = i;
    while j > 0 && !bound(j - 1) {
        j -= 1;
    }
    while j < doc.tokens.len() && (j <= i || !bound(j)) {
        if matches!(
            doc.low(j),
            "will"
                | "'ll"
                | "’ll"
                | "shall"
                | "expected"
                | "scheduled"
                | "plans"
                | "planned"
                | "due"
                | "upcoming"
                | "tomorrow"
                | "won't"
                | "won’t"
                | "until"
                | "next"
        ) {
            return Direction::Future;
        }
        j += 1;
    }
    Direction::Past
}

/// The direction a shift word at `i` gives ("last" past, "next" future, "this" current).
pub(crate) fn shift_direction(doc: &Doc, i: usize) -> Direction {
    match doc.low(i) {
        "last" | "past" | "previous" => Direction::Past,
        "next" | "coming" | "following" => Direction::Future,
        _ => Direction::Current,
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Dur::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Dur::new().try_months(n).ok()?).ok()
}

/// The weekday `wd` (1 = Monday) nearest the publication date in `dir`: in the past (the day itself
/// included), or the next one.
pub(crate) fn weekday(dct: Date, wd: i8, dir: Direction) -> Date {
    let today = dct.weekday().to_monday_one_offset();
    let back = (today - wd).rem_euclid(7) as i64;
    let fwd = (wd - today).rem_euclid(7) as i64;
    let d = match dir {
        Direction::Future => add_days(dct, if fwd == 0 { 7 } else { fwd }),
        Direction::Current => add_days(dct, if fwd <= back { fwd } else { -back }),
        Direction::Past => add_days(dct, -back),
    };
    d.unwrap_or(dct)
}

/// The first day of month `m` nearest the publication date: "last March" the latest one before its month,
/// "next March" the first one after, and otherwise the nearest of the three candidates.
pub(crate) fn month(dct: Date, m: i8, dir: Direction) -> Option<Date> {
    let y = dct.year();
    let here = dct.month();
    let year = match dir {
        Direction::Past if m > here => y - 1,
        Direction::Past => y,
        Direction::Future if m < here => y + 1,
        Direction::Future => y,
        Direction::Current => {
            // nearest: within six months either way
            let diff = m - here;
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    };
    Date::new(year, m, 1).ok()
}

/// Day `d` of month `m`, in the year that puts it nearest the publication date.
pub(crate) fn month_day(dct: Date, m: i8, d: i8, _dir: Direction) -> Option<Date> {
    let y = dct.year();
    let mut best: Option<(i64, Date)> = None;
    for year in [y - 1, y, y + 1] {
        let Ok(c) = Date::new(year, m, d) else { continue };
        let dist = (c.since(dct).ok()?.get_days() as i64).abs();
        if best.is_none_or(|(bd, _)| dist < bd) {
            best = Some((dist, c));
        }
    }
    best.map(|b| b.1)
}

/// The value and days of "last/this/next week|month|year|day".
pub(crate) fn shifted_unit(dct: Date, g: Granularity, dir: Direction) -> Option<(String, Option<(Date, Date)>)> {
    let k: i64 = match dir {
        Direction::Past => -1,
        Direction::Current => 0,
        Direction::Future => 1,
    };
    at_offset(dct, g, k)
}

/// The value and days of the unit `k` units from the publication date's ("two years ago": `k` = -2).
fn at_offset(dct: Date, g: Granularity, k: i64) -> Option<(String, Option<(Date, Date)>)> {
    Some(match g {
        Granularity::Day => {
            let d = add_days(dct, k)?;
            (d.to_string(), Some((d, d)))
        }
        Granularity::Week | Granularity::Weekend => {
            let d = add_days(dct, 7 * k)?;
            let w = d.iso_week_date();
            let monday = add_days(d, 1 - d.weekday().to_monday_one_offset() as i64)?;
            let sunday = add_days(monday, 6)?;
            let suffix = if g == Granularity::Weekend { "-WE" } else { "" };
            (
                format!("{:04}-W{:02}{suffix}", w.year(), w.week()),
                Some((monday, sunday)),
            )
        }
        Granularity::Month => {
            let d = add_months(dct.first_of_month(), k)?;
            (
                format!("{:04}-{:02}", d.year(), d.month()),
                Some((d, d.last_of_month())),
            )
        }
        Granularity::Year => {
            let y = dct.year() as i64 + k;
            let y = i16::try_from(y).ok()?;
            (
                format!("{y:04}"),
                Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
            )
        }
        Granularity::Decade => {
            let y = dct.year() as i64 + 10 * k;
            (format!("{:03}", y.div_euclid(10)), None)
        }
        Granularity::Century => {
            let y = dct.year() as i64 + 100 * k;
            (format!("{:02}", y.div_euclid(100)), None)
        }
        Granularity::Hour | Granularity::Minute => {
            let v = if k < 0 {
                "PAST_REF"
            } else if k > 0 {
                "FUTURE_REF"
            } else {
                "PRESENT_REF"
            };
            (v.to_string(), None)
        }
    })
}

/// "`k` units ago".
pub(crate) fn ago(dct: Date, g: Granularity, k: i64) -> Option<(String, Option<(Date, Date)>)> {
    if g == Granularity::Week {
        // "a week ago" is a day
        let d = add_days(dct, -7 * k)?;
        return Some((d.to_string(), Some((d, d))));
    }
    at_offset(dct, g, -k)
}

/// The value of a relative unit when there is no publication date.
pub(crate) fn unknown(g: Granularity) -> &'static str {
    match g {
        Granularity::Day => "XXXX-XX-XX",
        Granularity::Week | Granularity::Weekend => "XXXX-WXX",
        Granularity::Month => "XXXX-XX",
        Granularity::Year => "XXXX",
        Granularity::Decade => "XXX",
        Granularity::Century => "XX",
        Granularity::Hour | Granularity::Minute => "PAST_REF",
    }
}

/// A duration's TIMEX3 value: `P3Y`, `PT2H`, `P2.5Y`, `PXY` (no number: "several years").
pub(crate) fn duration(n: Option<f64>, g: Granularity) -> String {
    let scale = match g {
        Granularity::Decade => 10.0,
        Granularity::Century => 100.0,
        _ => 1.0,
    };
    let t = if matches!(g, Granularity::Hour | Granularity::Minute) {
        "T"
    } else {
        ""
    };
    let count = match n {
        Some(v) if (0.0..1e6).contains(&v) => {
            let v = v * scale;
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        }
        _ => "X".to_string(),
    };
    format!("P{t}{count}{}", g.letter())
}

/// The first day of month `m` after a shift word: "last March" the latest March before the publication
/// month, "next March" the first after it, "this March" the one of the publication year.
pub(crate) fn shifted_month(dct: Date, m: i8, dir: Direction) -> Option<Date> {
    let y = dct.year();
    let here = dct.month();
    let year = match dir {
        Direction::Past if m >= here => y - 1,
        Direction::Future if m <= here => y + 1,
        _ => y,
    };
    Date::new(year, m, 1).ok()
}
