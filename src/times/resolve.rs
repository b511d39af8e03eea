//! Resolution: what a recognised expression means on the calendar, given the publication date (jiff does
//! the calendar arithmetic). Years outside 1-9999 give no value rather than an error.

use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::lexicon::Unit;

/// A recognised expression before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// A day of a month, the year when written ("Aug. 26, 2024", "Aug. 26").
    Day { y: Option<i64>, m: u8, d: u8 },
    /// A month, the year when written ("March 2024", "in March").
    Month { y: Option<i64>, m: u8 },
    /// A year ("2024").
    Year(i64),
    /// A decade, by its first three digits ("the 1990s" → 199).
    Decade(i64),
    /// A century, by its first two digits ("the 19th century" → 18).
    Century(i64),
    /// A quarter ("the first quarter of 2009", "Q4").
    Quarter { y: Option<i64>, q: u8 },
    /// A half-year ("the first half").
    Half { y: Option<i64>, h: u8 },
    /// A season ("summer 2024", "in the spring").
    Season { y: Option<i64>, s: &'static str },
    /// A fiscal year ("fiscal 2007", "FY2007"); `None`: the current one.
    Fiscal(Option<i64>),
    /// A weekday; the relation -1 "last", +1 "next", 0 by the clause's tense.
    Weekday(u8, i8),
    /// A month with last/next/this ("last September").
    MonthRel(u8, i8),
    /// A season with last/next/this ("next summer").
    SeasonRel(&'static str, i8),
    /// The unit containing the publication date, moved by an offset ("last week", "this year").
    Rel(Unit, i64),
    /// A distance from the publication date ("three years ago": -1, "in two weeks": +1); `None`: vague.
    Ago(Unit, Option<f64>, i8),
    /// A day counted from the publication date ("yesterday": -1).
    DayOffset(i64),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// A duration or set value, already written.
    Literal(String),
    /// A clock time on a day (the publication date when `on` is none).
    Clock {
        h: u8,
        m: u8,
        z: bool,
        on: Option<Box<Val>>,
    },
    /// A part of a day ("Thursday night": `NI`).
    PartOfDay { code: &'static str, on: Box<Val> },
}

/// A resolved calendar period.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Period {
    Day(Date),
    Week(i16, i8),
    Weekend(i16, i8),
    Month(i64, u8),
    Quarter(i64, u8),
    Half(i64, u8),
    Year(i64),
    Season(i64, &'static str),
    Decade(i64),
    Century(i64),
}

/// The result: the TIMEX3 value and the first and last day.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Resolved {
    pub value: Option<String>,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

fn ok_year(y: i64) -> bool {
    (1..=9999).contains(&y)
}

fn date(y: i64, m: u8, d: u8) -> Option<Date> {
    if !ok_year(y) {
        return None;
    }
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn season_months(s: &str) -> (u8, u8) {
    match s {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 2),
    }
}

impl Period {
    fn value(&self) -> Option<String> {
        Some(match *self {
            Period::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Week(y, w) => format!("{y:04}-W{w:02}"),
            Period::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Period::Month(y, m) if ok_year(y) => format!("{y:04}-{m:02}"),
            Period::Quarter(y, q) if ok_year(y) => format!("{y:04}-Q{q}"),
            Period::Half(y, h) if ok_year(y) => format!("{y:04}-H{h}"),
            Period::Year(y) if ok_year(y) => format!("{y:04}"),
            Period::Season(y, s) if ok_year(y) => format!("{y:04}-{s}"),
            Period::Decade(d) if (0..=999).contains(&d) => format!("{d:03}"),
            Period::Century(c) if (0..=99).contains(&c) => format!("{c:02}"),
            _ => return None,
        })
    }

    fn range(&self) -> Option<(Date, Date)> {
        let month_range = |y: i64, a: u8, b: u8| -> Option<(Date, Date)> {
            let first = date(y, a, 1)?;
            Some((first, date(y, b, 1)?.last_of_month()))
        };
        match *self {
            Period::Day(d) => Some((d, d)),
            Period::Week(y, w) | Period::Weekend(y, w) => {
                let monday = ISOWeekDate::new(y, w, Weekday::Monday).ok()?.date();
                if matches!(self, Period::Weekend(..)) {
                    Some((add_days(monday, 5)?, add_days(monday, 6)?))
                } else {
                    Some((monday, add_days(monday, 6)?))
                }
            }
            Period::Month(y, m) => month_range(y, m, m),
            Period::Quarter(y, q) => month_range(y, q * 3 - 2, q * 3),
            Period::Half(y, h) => month_range(y, h * 6 - 5, h * 6),
            Period::Year(y) => month_range(y, 1, 12),
            Period::Season(y, s) => {
                let (a, b) = season_months(s);
                if a > b {
                    Some((date(y, a, 1)?, date(y + 1, b, 1)?.last_of_month()))
                } else {
                    month_range(y, a, b)
                }
            }
            Period::Decade(d) => Some((date(d * 10, 1, 1)?, date(d * 10 + 9, 12, 31)?)),
            Period::Century(c) => Some((date((c * 100).max(1), 1, 1)?, date(c * 100 + 99, 12, 31)?)),
        }
    }

    fn resolved(self) -> Resolved {
        let value = self.value();
        let range = value.as_ref().and_then(|_| self.range());
        Resolved {
            value,
            first: range.map(|r| r.0),
            last: range.map(|r| r.1),
        }
    }
}

/// Picks the year of a yearless period at `index` within the year (month 1-12, quarter 1-4, …) from the
/// publication date's `(year, index)`: the past tense takes the most recent one, the future the next one,
/// and without a tense the nearest.
fn pick_year(y0: i64, now: i64, index: i64, per_year: i64, tense: i8) -> i64 {
    match tense {
        t if t < 0 => {
            if index <= now {
                y0
            } else {
                y0 - 1
            }
        }
        t if t > 0 => {
            if index >= now {
                y0
            } else {
                y0 + 1
            }
        }
        _ => {
            let here = y0 * per_year + now;
            [y0, y0 - 1, y0 + 1]
                .into_iter()
                .min_by_key(|y| (y * per_year + index - here).abs())
                .unwrap_or(y0)
        }
    }
}

fn unknown(s: String) -> Resolved {
    Resolved {
        value: Some(s),
        ..Resolved::default()
    }
}

fn season_index(s: &str) -> i64 {
    match s {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    }
}

fn season_of_month(m: i8) -> i64 {
    match m {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 4,
    }
}

fn shift_months(y: i64, m: i64, n: i64) -> (i64, u8) {
    let t = y * 12 + (m - 1) + n;
    (t.div_euclid(12), (t.rem_euclid(12) + 1) as u8)
}

/// Whether [`resolve`] reads the clause's tense for `v`: a month or a season without a year ("in March",
/// "last summer" is a [`Val::SeasonRel`]), a weekday without "last"/"next", or a clock time or a part of a
/// day on one of these. For any other value the tense is not read, so the caller need not work it out.
pub(crate) fn reads_tense(v: &Val) -> bool {
    match v {
        Val::Month { y: None, .. } | Val::Season { y: None, .. } | Val::Weekday(_, 0) => true,
        Val::Clock { on: Some(on), .. } | Val::PartOfDay { on, .. } => reads_tense(on),
        _ => false,
    }
}

/// Resolves `v` against the publication date `dct`, with the clause's `tense` (-1 past, +1 future, 0 none).
pub(crate) fn resolve(v: &Val, dct: Option<Date>, tense: i8) -> Resolved {
    match v {
        Val::Literal(s) => unknown(s.clone()),
        Val::Ref(s) => unknown((*s).to_string()),
        Val::Year(y) => Period::Year(*y).resolved(),
        Val::Decade(d) => Period::Decade(*d).resolved(),
        Val::Century(c) => Period::Century(*c).resolved(),
        Val::Fiscal(Some(y)) if ok_year(*y) => unknown(format!("FY{y:04}")),
        Val::Fiscal(Some(_)) => Resolved::default(),
        Val::Fiscal(None) => match dct {
            Some(d) => unknown(format!("FY{:04}", d.year())),
            None => Resolved::default(),
        },
        Val::Day { y: Some(y), m, d } => match date(*y, *m, *d) {
            Some(day) => Period::Day(day).resolved(),
            None => Resolved::default(),
        },
        Val::Day { y: None, m, d } => match dct {
            None => unknown(format!("XXXX-{m:02}-{d:02}")),
            Some(now) => {
                let y0 = i64::from(now.year());
                let index = i64::from(*m) * 31 + i64::from(*d);
                let here = i64::from(now.month()) * 31 + i64::from(now.day());
                // a day is placed at the nearest such date whatever the tense: "said it will close on June 3"
                let y = pick_year(y0, here, index, 372, 0);
                match date(y, *m, *d) {
                    Some(day) => Period::Day(day).resolved(),
                    None => Resolved::default(),
                }
            }
        },
        Val::Month { y: Some(y), m } => Period::Month(*y, *m).resolved(),
        Val::Month { y: None, m } => match dct {
            None => unknown(format!("XXXX-{m:02}")),
            Some(now) => {
                let y = pick_year(i64::from(now.year()), i64::from(now.month()), i64::from(*m), 12, tense);
                Period::Month(y, *m).resolved()
            }
        },
        Val::Quarter { y: Some(y), q } => Period::Quarter(*y, *q).resolved(),
        Val::Quarter { y: None, q } => match dct {
            None => unknown(format!("XXXX-Q{q}")),
            Some(now) => {
                let cur = (i64::from(now.month()) - 1) / 3 + 1;
                // a quarter named without a year is the nearest one, whatever the tense ("the fourth quarter" in
                // February is the one just reported)
                let y = pick_year(i64::from(now.year()), cur, i64::from(*q), 4, 0);
                Period::Quarter(y, *q).resolved()
            }
        },
        Val::Half { y: Some(y), h } => Period::Half(*y, *h).resolved(),
        Val::Half { y: None, h } => match dct {
            None => unknown(format!("XXXX-H{h}")),
            Some(now) => Period::Half(i64::from(now.year()), *h).resolved(),
        },
        Val::Season { y: Some(y), s } => Period::Season(*y, s).resolved(),
        Val::Season { y: None, s } => match dct {
            None => unknown(format!("XXXX-{s}")),
            Some(now) => {
                let cur = season_of_month(now.month());
                let y = pick_year(i64::from(now.year()), cur, season_index(s), 4, tense);
                Period::Season(y, s).resolved()
            }
        },
        Val::SeasonRel(s, rel) => match dct {
            None => Resolved::default(),
            Some(now) => {
                let cur = season_of_month(now.month());
                let idx = season_index(s);
                let y0 = i64::from(now.year());
                let y = match rel {
                    r if *r < 0 => {
                        if idx < cur {
                            y0
                        } else {
                            y0 - 1
                        }
                    }
                    r if *r > 0 => {
                        if idx > cur {
                            y0
                        } else {
                            y0 + 1
                        }
                    }
                    _ => y0,
                };
                Period::Season(y, s).resolved()
            }
        },
        Val::MonthRel(m, rel) => match dct {
            None => Resolved::default(),
            Some(now) => {
                let (y0, m0) = (i64::from(now.year()), i64::from(now.month()));
                let m = i64::from(*m);
                let y = match rel {
                    r if *r < 0 => {
                        if m < m0 {
                            y0
                        } else {
                            y0 - 1
                        }
                    }
                    r if *r > 0 => {
                        if m > m0 {
                            y0
                        } else {
                            y0 + 1
                        }
                    }
                    _ => y0,
                };
                Period::Month(y, m as u8).resolved()
            }
        },
        Val::Weekday(w, rel) => match dct {
            None => unknown(format!("XXXX-WXX-{w}")),
            Some(now) => {
                let today = i64::from(now.weekday().to_monday_one_offset());
                let w = i64::from(*w);
                let back = (today - w).rem_euclid(7);
                let fwd = (w - today).rem_euclid(7);
                let off = match (*rel, tense) {
                    (r, _) if r < 0 => -(if back == 0 { 7 } else { back }),
                    (r, _) if r > 0 => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    (_, t) if t > 0 => fwd,
                    _ => -back,
                };
                match add_days(now, off) {
                    Some(d) => Period::Day(d).resolved(),
                    None => Resolved::default(),
                }
            }
        },
        Val::DayOffset(n) => match dct {
            None if *n == 0 => unknown("PRESENT_REF".to_string()),
            None => Resolved::default(),
            Some(now) => match add_days(now, *n) {
                Some(d) => Period::Day(d).resolved(),
                None => Resolved::default(),
            },
        },
        Val::Rel(unit, off) => match dct {
            None => Resolved::default(),
            Some(now) => rel_period(now, *unit, *off).map_or_else(Resolved::default, Period::resolved),
        },
        Val::Ago(unit, n, sign) => match (dct, n) {
            (_, None) => unknown(if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
            (None, _) => Resolved::default(),
            (Some(now), Some(n)) => {
                if n.fract() != 0.0 || *n > 1e6 {
                    return Resolved::default();
                }
                let n = (*n as i64) * i64::from(*sign);
                let p = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => Some(Period::Day(now)),
                    Unit::Day => add_days(now, n).map(Period::Day),
                    Unit::Week | Unit::Weekend => add_days(now, n * 7).map(Period::Day),
                    Unit::Fortnight => add_days(now, n * 14).map(Period::Day),
                    Unit::Month => {
                        let (y, m) = shift_months(i64::from(now.year()), i64::from(now.month()), n);
                        Some(Period::Month(y, m))
                    }
                    Unit::Quarter => {
                        let (y, m) = shift_months(i64::from(now.year()), i64::from(now.month()), n * 3);
                        Some(Period::Quarter(y, (m - 1) / 3 + 1))
                    }
                    Unit::Year => Some(Period::Year(i64::from(now.year()) + n)),
                    Unit::Decade => Some(Period::Decade(i64::from(now.year()) / 10 + n)),
                    Unit::Century => Some(Period::Century(i64::from(now.year()) / 100 + n)),
                };
                p.map_or_else(Resolved::default, Period::resolved)
            }
        },
        Val::Clock { h, m, z, on } => {
            let day = match on {
                Some(v) => resolve(v, dct, tense).value,
                None => dct.map(|d| Period::Day(d).value().unwrap_or_default()),
            };
            let zone = if *z { "Z" } else { "" };
            let first = on.as_ref().map_or(dct, |v| resolve(v, dct, tense).first);
            Resolved {
                value: Some(format!(
                    "{}T{h:02}:{m:02}{zone}",
                    day.unwrap_or_else(|| "XXXX-XX-XX".into())
                )),
                first,
                last: first,
            }
        }
        Val::PartOfDay { code, on } => {
            let r = resolve(on, dct, tense);
            match r.value {
                Some(d) if d.len() == 10 || d.starts_with("XXXX") => Resolved {
                    value: Some(format!("{d}T{code}")),
                    ..r
                },
                _ => Resolved::default(),
            }
        }
    }
}

/// The period of `unit` containing `now`, moved by `off` units.
fn rel_period(now: Date, unit: Unit, off: i64) -> Option<Period> {
    let (y, m) = (i64::from(now.year()), i64::from(now.month()));
    Some(match unit {
        Unit::Day => Period::Day(add_days(now, off)?),
        Unit::Week | Unit::Weekend | Unit::Fortnight => {
            let w = add_days(now, off * 7)?.iso_week_date();
            if unit == Unit::Weekend {
                Period::Weekend(w.year(), w.week())
            } else {
                Period::Week(w.year(), w.week())
            }
        }
        Unit::Month => {
            let (y, m) = shift_months(y, m, off);
            Period::Month(y, m)
        }
        Unit::Quarter => {
            let (y, m) = shift_months(y, m, off * 3);
            Period::Quarter(y, (m - 1) / 3 + 1)
        }
        Unit::Year => Period::Year(y + off),
        Unit::Decade => Period::Decade(y / 10 + off),
        Unit::Century => Period::Century(y / 100 + off),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    fn value(v: Val, dct: &str, tense: i8) -> Option<String> {
        resolve(&v, d(dct), tense).value
    }

    #[test]
    fn weekday_follows_tense() {
        // 2024-08-28 is a Wednesday
        assert_eq!(
            value(Val::Weekday(1, 0), "2024-08-28", -1).as_deref(),
            Some("2024-08-26")
        );
        assert_eq!(
            value(Val::Weekday(1, 0), "2024-08-28", 1).as_deref(),
            Some("2024-09-02")
        );
        assert_eq!(
            value(Val::Weekday(3, 0), "2024-08-28", -1).as_deref(),
            Some("2024-08-28")
        );
        assert_eq!(
            value(Val::Weekday(3, -1), "2024-08-28", 0).as_deref(),
            Some("2024-08-21")
        );
        assert_eq!(value(Val::Weekday(1, 0), "", -1).as_deref(), Some("XXXX-WXX-1"));
    }

    #[test]
    fn months_take_the_nearest_sensible_year() {
        let m = |m| Val::Month { y: None, m };
        assert_eq!(value(m(11), "2009-03-13", -1).as_deref(), Some("2008-11"));
        assert_eq!(value(m(11), "2009-03-13", 1).as_deref(), Some("2009-11"));
        assert_eq!(value(m(12), "2009-01-05", 0).as_deref(), Some("2008-12"));
        assert_eq!(value(m(3), "", 0).as_deref(), Some("XXXX-03"));
    }

    #[test]
    fn periods_have_ranges() {
        let r = resolve(&Val::Rel(Unit::Week, 0), d("2024-08-28"), 0);
        assert_eq!(r.value.as_deref(), Some("2024-W35"));
        assert_eq!(r.first, d("2024-08-26"));
        assert_eq!(r.last, d("2024-09-01"));
        let r = resolve(&Val::Quarter { y: Some(2024), q: 1 }, None, 0);
        assert_eq!((r.first, r.last), (d("2024-01-01"), d("2024-03-31")));
        let r = resolve(&Val::Season { y: Some(2023), s: "WI" }, None, 0);
        assert_eq!((r.first, r.last), (d("2023-12-01"), d("2024-02-29")));
        assert_eq!(value(Val::Decade(199), "", 0).as_deref(), Some("199"));
    }

    #[test]
    fn out_of_range_gives_no_value() {
        assert_eq!(value(Val::Year(99_999), "", 0), None);
        assert_eq!(value(Val::Century(99_998), "", 0), None);
        assert_eq!(value(Val::Ago(Unit::Year, Some(1e9), -1), "2024-01-01", 0), None);
        assert_eq!(value(Val::Ago(Unit::Year, Some(20_000.0), -1), "2024-01-01", 0), None);
        assert_eq!(
            value(
                Val::Day {
                    y: Some(2023),
                    m: 2,
                    d: 30
                },
                "",
                0
            ),
            None
        );
    }
}
