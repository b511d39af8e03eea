//! Times: temporal expressions ("on Monday", "last week", "Aug. 26", "two years ago", "the 1990s", "for three
//! years", "every Monday"), each with its TIMEX3 type and value, resolved against the publication date.
//!
//! The stage walks the tokens once. A token can start an expression only when its lower-cased form is in the
//! time lexicon ([`lexicon`]: months, weekdays, units, relative words) or it is a number: everything else costs
//! one table probe. Around a hit, small rules read the expression and resolve it with [`jiff`]'s calendar
//! arithmetic against the document's publication date (`published`). Without a publication date, a relative
//! expression keeps an underspecified value (`XXXX-WXX-1`, `XXXX-XX-XX`) rather than a guess.
//!
//! Conventions (TimeML / TempEval-3): a weekday in a past-tense clause is the most recent such day (the
//! publication day itself included), in a future clause the next one; a month without a year is the nearest
//! such month in the clause's direction; "last week" is the ISO week before the publication date's; a
//! duration's value counts its unit (`P3Y`, `PT3H`, `PXY` for "several years"); "ago" makes a date of the
//! unit's granularity ("two years ago" → the year).

mod lexicon;
mod resolve;

pub(crate) use lexicon::preload;

use jiff::civil::Date;

use crate::model::{TimeExpr, TimeKind};
use crate::text::{Doc, TokenKind};
use lexicon::{Word, word};
use resolve::{Direction, Granularity};

/// Reads every temporal expression of `doc`, resolving relative ones against `published` (`YYYY-MM-DD`).
pub(crate) fn extract(doc: &Doc, published: Option<&str>) -> Vec<TimeExpr> {
    let dct = published.and_then(|p| p.parse::<Date>().ok());
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let cx = Cx::new(doc);
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        if t.kind == TokenKind::Word
            && t.flags & (crate::text::flags::HAS_DIGIT | crate::text::flags::HYPHENATED) == 0
            && !cx.starts[doc.form(i)]
        {
            i += 1;
            continue;
        }
        match read_at(&cx, i, dct) {
            Some(found) => {
                let end = found.end.max(i + 1);
                out.push(found.into_expr(doc));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// One expression found at a token range, before it becomes a [`TimeExpr`].
struct Found {
    start: usize,
    end: usize,
    kind: TimeKind,
    value: String,
    range: Option<(Date, Date)>,
}

impl Found {
    fn new(start: usize, end: usize, kind: TimeKind, value: String, range: Option<(Date, Date)>) -> Found {
        Found {
            start,
            end,
            kind,
            value,
            range,
        }
    }
    fn into_expr(self, doc: &Doc) -> TimeExpr {
        let mut span = doc.span_of(self.start..self.end);
        // "Monday." read as one word at a sentence end: the full stop is not part of the expression
        let last = doc.tok(self.end - 1);
        if last.len() > 5 && last.ends_with('.') && last.matches('.').count() == 1 {
            span.end -= 1;
        }
        TimeExpr {
            span,
            kind: self.kind,
            value: self.value,
            first: self.range.map(|r| r.0.to_string()),
            last: self.range.map(|r| r.1.to_string()),
        }
    }
}

/// The document with the time word of each of its word forms, looked up once per form.
struct Cx<'a, 't> {
    doc: &'a Doc<'t>,
    /// The time word of every form ("aug." and "aug" alike).
    words: Vec<Option<Word>>,
    /// Whether a word of each form can start an expression: a time word that is not only a continuation (a
    /// unit, a part of day or an ordinal reads only after another word).
    starts: Vec<bool>,
}

impl<'a, 't> Cx<'a, 't> {
    fn new(doc: &'a Doc<'t>) -> Self {
        let words: Vec<Option<Word>> = (0..doc.forms.len())
            .map(|f| {
                let i = doc.forms.first[f] as usize;
                if doc.tokens[i].kind == TokenKind::Word {
                    word(doc.low(i).trim_end_matches('.'))
                } else {
                    None
                }
            })
            .collect();
        let starts = words
            .iter()
            .map(|w| matches!(w, Some(w) if !matches!(w, Word::Unit(_) | Word::Part(_) | Word::Ordinal(_))))
            .collect();
        Cx { doc, words, starts }
    }
}

impl<'t> std::ops::Deref for Cx<'_, 't> {
    type Target = Doc<'t>;
    fn deref(&self) -> &Doc<'t> {
        self.doc
    }
}

/// The lexicon word of token `i` ("aug." and "aug" alike), if any.
fn word_at(doc: &Cx, i: usize) -> Option<Word> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = doc.words[doc.form(i)]?;
    let bare = doc.low(i).trim_end_matches('.');
    // Abbreviated months and weekdays ("Aug", "Sat", "Wed") are also words ("sat", "wed", "mar"): only a
    // capitalised one counts.
    if matches!(w, Word::Month(_) | Word::Weekday(_))
        && bare.len() <= 4
        && !matches!(bare, "may" | "june" | "july")
        && !t.has(crate::text::flags::CAPITALISED)
    {
        return None;
    }
    Some(w)
}

/// Whether token `i` is the word `w` (lower case).
fn is(doc: &Cx, i: usize, w: &str) -> bool {
    i < doc.tokens.len() && doc.low(i) == w
}

/// The integer value of token `i` when it is plain digits (no separators), with its digit count.
fn digits(doc: &Cx, i: usize) -> Option<(u32, usize)> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Number && t.kind != TokenKind::Word {
        return None;
    }
    let s = doc.tok(i);
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().map(|v| (v, s.len()))
}

/// A day of the month at token `i` ("26", "26th", "2nd").
fn day_at(doc: &Cx, i: usize) -> Option<u8> {
    let t = doc.tokens.get(i)?;
    let s = doc.low(i);
    let num = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[num.len()..];
    if t.kind == TokenKind::Punct || num.is_empty() || num.len() > 2 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u8 = num.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year at token `i` (1000 to 2199).
fn year_at(doc: &Cx, i: usize) -> Option<i16> {
    let (v, len) = digits(doc, i)?;
    (len == 4 && (1000..2200).contains(&v)).then_some(v as i16)
}

/// Whether token `i` is a comma.
fn comma(doc: &Cx, i: usize) -> bool {
    is(doc, i, ",")
}

/// Skips the period after an abbreviated month or weekday when the tokeniser split it off ("Aug" ".").
fn after_abbrev(doc: &Cx, i: usize) -> usize {
    let abbreviated = i > 0 && doc.low(i - 1).len() <= 4;
    if abbreviated
        && is(doc, i, ".")
        && doc
            .tokens
            .get(i)
            .is_some_and(|t| !t.has(crate::text::flags::SPACE_BEFORE))
    {
        i + 1
    } else {
        i
    }
}

/// The expression that starts at token `i`, if any.
fn read_at(doc: &Cx, i: usize, dct: Option<Date>) -> Option<Found> {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => return number_start(doc, i, dct),
        TokenKind::Word => {}
        // "'90s"
        TokenKind::Quote(_)
            if doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.has(crate::text::flags::HAS_DIGIT)) =>
        {
            return decade_at(doc, i).map(|(decade, end)| Found::new(i, end, TimeKind::Date, decade, None));
        }
        _ => return None,
    }
    // words with digits or hyphens ("1990s", "10-year", "five-year") are read as numbers
    let numeric = t.flags & (crate::text::flags::HAS_DIGIT | crate::text::flags::HYPHENATED) != 0;
    let w = word_at(doc, i);
    match w {
        Some(Word::Month(m)) => month_expr(doc, i, i, m, dct),
        Some(Word::Weekday(d)) => weekday_expr(doc, i, i, d, dct),
        Some(Word::Shift(dir)) => shifted(doc, i, dir, dct),
        Some(Word::Deictic(days)) => deictic(doc, i, days, dct),
        Some(Word::Ref(r)) => Some(Found::new(i, i + 1, TimeKind::Date, r.to_string(), None)),
        Some(Word::Set(value)) => Some(Found::new(i, i + 1, TimeKind::Set, value.to_string(), None)),
        Some(Word::Every) => every(doc, i),
        Some(Word::Article) => article_start(doc, i, dct),
        Some(Word::Count(n)) => counted(doc, i, n, dct),
        Some(Word::Season(s)) => season(doc, i, i, s, dct, None),
        Some(Word::Unit(_) | Word::Part(_) | Word::Ordinal(_)) | None if numeric => number_start(doc, i, dct),
        Some(Word::Unit(_) | Word::Part(_) | Word::Ordinal(_)) | None => None,
    }
}

/// "Aug. 26", "August 26, 2024", "August 2024", "August"; `start` may be before `m_at` ("last August").
fn month_expr(doc: &Cx, start: usize, m_at: usize, month: i8, dct: Option<Date>) -> Option<Found> {
    // "May" and "March" are also words: a bare capitalised month needs a day, a year or a date context.
    let mut j = after_abbrev(doc, m_at + 1);
    if let Some(day) = day_at(doc, j) {
        let mut end = j + 1;
        if comma(doc, end) && year_at(doc, end + 1).is_some() {
            end += 1;
        }
        if let Some(y) = year_at(doc, end) {
            let d = Date::new(y, month, day as i8).ok()?;
            return Some(Found::new(start, end + 1, TimeKind::Date, d.to_string(), Some((d, d))));
        }
        // no year: the nearest such day in the clause's direction
        return Some(match dct {
            Some(dct) => {
                let d = resolve::month_day(dct, month, day as i8, resolve::direction(doc, m_at))?;
                Found::new(start, j + 1, TimeKind::Date, d.to_string(), Some((d, d)))
            }
            None => Found::new(start, j + 1, TimeKind::Date, format!("XXXX-{month:02}-{day:02}"), None),
        });
    }
    if comma(doc, j) && year_at(doc, j + 1).is_some() {
        j += 1;
    }
    if let Some(y) = year_at(doc, j) {
        let first = Date::new(y, month, 1).ok()?;
        return Some(Found::new(
            start,
            j + 1,
            TimeKind::Date,
            format!("{y:04}-{month:02}"),
            Some((first, first.last_of_month())),
        ));
    }
    if start == m_at && !month_context(doc, m_at) {
        return None;
    }
    Some(match dct {
        Some(dct) => {
            let first = if start < m_at {
                resolve::shifted_month(dct, month, resolve::shift_direction(doc, start))?
            } else {
                resolve::month(dct, month, resolve::direction(doc, m_at))?
            };
            Found::new(
                start,
                m_at + 1,
                TimeKind::Date,
                format!("{:04}-{month:02}", first.year()),
                Some((first, first.last_of_month())),
            )
        }
        None => Found::new(start, m_at + 1, TimeKind::Date, format!("XXXX-{month:02}"), None),
    })
}

/// Whether a bare month name at `i` reads as the month: after "in", "since", "until", "by", "from", "of",
/// "early", "late", "mid", "last", "next", "this", or before "last", "next" ("in March", "since October").
/// "May" and "March" need that frame; other month names are months wherever they are capitalised.
fn month_context(doc: &Cx, i: usize) -> bool {
    let t = &doc.tokens[i];
    if !t.has(crate::text::flags::CAPITALISED) {
        return false;
    }
    let framed = i > 0
        && matches!(
            doc.low(i - 1),
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "through"
                | "to"
                | "before"
                | "after"
                | "during"
                | "on"
        );
    let low = doc.low(i);
    framed || !matches!(low, "may" | "march")
}

/// "Monday", "Monday night", "last Monday"; `start` may be before `d_at`.
fn weekday_expr(doc: &Cx, start: usize, d_at: usize, weekday: i8, dct: Option<Date>) -> Option<Found> {
    let mut end = after_abbrev(doc, d_at + 1);
    // "Monday, Aug. 26" / "Monday, August 26, 2024": the date says it
    if comma(doc, end) {
        if let Some(Word::Month(m)) = word_at(doc, end + 1) {
            return month_expr(doc, start, end + 1, m, dct);
        }
    }
    let part = match word_at(doc, end) {
        Some(Word::Part(p)) => {
            end += 1;
            Some(p)
        }
        _ => None,
    };
    let dir = if start < d_at {
        resolve::shift_direction(doc, start)
    } else {
        resolve::direction(doc, d_at)
    };
    let kind = if part.is_some() { TimeKind::Time } else { TimeKind::Date };
    Some(match dct {
        Some(dct) => {
            let d = resolve::weekday(dct, weekday, dir);
            let value = match part {
                Some(p) => format!("{d}T{p}"),
                None => d.to_string(),
            };
            Found::new(start, end, kind, value, Some((d, d)))
        }
        None => Found::new(start, end, kind, format!("XXXX-WXX-{weekday}"), None),
    })
}

/// "last week", "next month", "this year", "last Monday", "next March", "last summer".
fn shifted(doc: &Cx, i: usize, dir: Direction, dct: Option<Date>) -> Option<Found> {
    match word_at(doc, i + 1)? {
        Word::Month(m) if doc.tokens[i + 1].has(crate::text::flags::CAPITALISED) => month_expr(doc, i, i + 1, m, dct),
        Word::Weekday(d) => weekday_expr(doc, i, i + 1, d, dct),
        Word::Season(s) => season(doc, i, i + 1, s, dct, Some(dir)),
        Word::Part(p) if dir == Direction::Current => {
            // "this morning"
            Some(match dct {
                Some(d) => Found::new(i, i + 2, TimeKind::Time, format!("{d}T{p}"), Some((d, d))),
                None => Found::new(i, i + 2, TimeKind::Time, format!("XXXX-XX-XXT{p}"), None),
            })
        }
        Word::Unit(g) => {
            let end = i + 2;
            let Some(dct) = dct else {
                return Some(Found::new(
                    i,
                    end,
                    TimeKind::Date,
                    resolve::unknown(g).to_string(),
                    None,
                ));
            };
            let (value, range) = resolve::shifted_unit(dct, g, dir)?;
            Some(Found::new(i, end, TimeKind::Date, value, range))
        }
        _ => None,
    }
}

/// "today", "yesterday", "tomorrow", "tonight" (with an optional part of day: "yesterday morning").
fn deictic(doc: &Cx, i: usize, days: i8, dct: Option<Date>) -> Option<Found> {
    let tonight = is(doc, i, "tonight");
    let (part, end) = match word_at(doc, i + 1) {
        Some(Word::Part(p)) if !tonight => (Some(p), i + 2),
        _ => (tonight.then_some("NI"), i + 1),
    };
    let kind = if part.is_some() { TimeKind::Time } else { TimeKind::Date };
    Some(match dct {
        Some(dct) => {
            let d = dct.checked_add(jiff::Span::new().days(days)).ok()?;
            let value = match part {
                Some(p) => format!("{d}T{p}"),
                None => d.to_string(),
            };
            Found::new(i, end, kind, value, Some((d, d)))
        }
        None => Found::new(i, end, kind, "XXXX-XX-XX".to_string(), None),
    })
}

/// "every Monday", "every week", "every year".
fn every(doc: &Cx, i: usize) -> Option<Found> {
    match word_at(doc, i + 1)? {
        Word::Weekday(d) => Some(Found::new(i, i + 2, TimeKind::Set, format!("XXXX-WXX-{d}"), None)),
        Word::Unit(g) => Some(Found::new(i, i + 2, TimeKind::Set, format!("P1{}", g.letter()), None)),
        _ => None,
    }
}

/// "the 1990s", "the first quarter (of 2006)", "the past three years", "the previous day", "the same month".
fn article_start(doc: &Cx, i: usize, dct: Option<Date>) -> Option<Found> {
    // "the 1990s", "the '90s"
    if let Some((decade, end)) = decade_at(doc, i + 1) {
        return Some(Found::new(i, end, TimeKind::Date, decade, None));
    }
    match word_at(doc, i + 1)? {
        Word::Ordinal(q) => quarter(doc, i, i + 1, q, dct),
        Word::Shift(Direction::Past) if is(doc, i + 1, "past") || is(doc, i + 1, "last") => {
            // "the past three years": a duration
            let (n, unit_at) = match word_at(doc, i + 2) {
                Some(Word::Count(n)) => (Some(n), i + 3),
                _ => match digits(doc, i + 2) {
                    Some((v, _)) => (Some(v as f64), i + 3),
                    None => {
                        return shifted(doc, i + 1, Direction::Past, dct).map(|mut f| {
                            f.start = i;
                            f
                        });
                    }
                },
            };
            let Some(Word::Unit(g)) = word_at(doc, unit_at) else {
                return None;
            };
            Some(Found::new(
                i,
                unit_at + 1,
                TimeKind::Duration,
                resolve::duration(n, g),
                None,
            ))
        }
        Word::Shift(dir) if matches!(word_at(doc, i + 2), Some(Word::Unit(Granularity::Day))) => {
            // "the previous day", "the next day", "the following day"
            let days: i64 = match dir {
                Direction::Past => -1,
                Direction::Current => 0,
                Direction::Future => 1,
            };
            Some(match dct {
                Some(dct) => {
                    let d = dct.checked_add(jiff::Span::new().days(days)).ok()?;
                    Found::new(i, i + 3, TimeKind::Date, d.to_string(), Some((d, d)))
                }
                None => Found::new(i, i + 3, TimeKind::Date, "XXXX-XX-XX".to_string(), None),
            })
        }
        _ => None,
    }
}

/// "1990s", "'90s", "80s" at token `i` (possibly two tokens): the decade value (`199`) and the end.
fn decade_at(doc: &Cx, i: usize) -> Option<(String, usize)> {
    let mut j = i;
    let apostrophe = doc
        .tokens
        .get(j)
        .is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)) || doc.tok(j) == "'");
    if apostrophe {
        j += 1;
    }
    let low = doc.low(j.min(doc.tokens.len().checked_sub(1)?));
    let (num, end) = if let Some(n) = low.strip_suffix('s') {
        (n.to_string(), j + 1)
    } else if is(doc, j + 1, "s") || is(doc, j + 1, "'s") {
        (low.to_string(), j + 2)
    } else {
        return None;
    };
    let num = num.trim_end_matches('\'');
    if !num.bytes().all(|b| b.is_ascii_digit()) || !num.ends_with('0') {
        return None;
    }
    match num.len() {
        4 => Some((num[..3].to_string(), end)),
        2 => Some((format!("19{}", &num[..1]), end)),
        _ => None,
    }
}

/// "the first quarter of 2006", "the third quarter", "the second half".
fn quarter(doc: &Cx, start: usize, ord_at: usize, q: u8, dct: Option<Date>) -> Option<Found> {
    let unit = doc.low(ord_at + 1);
    let (letter, max) = match unit {
        "quarter" => ('Q', 4),
        "half" => ('H', 2),
        _ => return None,
    };
    if q == 0 || q > max {
        return None;
    }
    let mut end = ord_at + 2;
    let year = if is(doc, end, "of") && year_at(doc, end + 1).is_some() {
        end += 2;
        year_at(doc, end - 1)
    } else if is(doc, end, "of") && matches!(word_at(doc, end + 1), Some(Word::Shift(_))) && is(doc, end + 2, "year") {
        // "the first quarter of last year"
        let shift = match resolve::shift_direction(doc, end + 1) {
            Direction::Past => -1,
            Direction::Current => 0,
            Direction::Future => 1,
        };
        end += 3;
        dct.map(|d| d.year() + shift)
    } else {
        // the latest such quarter (or half) that has begun
        dct.map(|d| {
            let now = ((d.month() - 1) / (12 / max as i8) + 1) as u8;
            if q > now { d.year() - 1 } else { d.year() }
        })
    };
    let value = match year {
        Some(y) => format!("{y:04}-{letter}{q}"),
        None => format!("XXXX-{letter}{q}"),
    };
    Some(Found::new(start, end, TimeKind::Date, value, None))
}

/// "two years ago", "three years", "several months", "a year" (after a number word).
fn counted(doc: &Cx, i: usize, n: f64, dct: Option<Date>) -> Option<Found> {
    let count = if n < 0.0 { None } else { Some(n) };
    unit_phrase(doc, i, i + 1, count, dct)
}

/// The unit after a count at `unit_at` ("years", "-year"), then "ago" or nothing.
fn unit_phrase(doc: &Cx, start: usize, unit_at: usize, n: Option<f64>, dct: Option<Date>) -> Option<Found> {
    let mut u = unit_at;
    if is(doc, u, "-") {
        u += 1;
    }
    let Some(Word::Unit(g)) = word_at(doc, u) else {
        return None;
    };
    if is(doc, u + 1, "ago") {
        let end = u + 2;
        let Some(dct) = dct else {
            return Some(Found::new(
                start,
                end,
                TimeKind::Date,
                resolve::unknown(g).to_string(),
                None,
            ));
        };
        let Some(k) = n.filter(|k| k.fract() == 0.0 && *k >= 0.0 && *k < 10_000.0) else {
            return Some(Found::new(start, end, TimeKind::Date, "PAST_REF".to_string(), None));
        };
        let (value, range) = resolve::ago(dct, g, k as i64)?;
        return Some(Found::new(start, end, TimeKind::Date, value, range));
    }
    // "15 a year", "twice a week": a rate
    if (is(doc, start, "a") || is(doc, start, "an"))
        && start > 0
        && (doc.tokens[start - 1].kind == TokenKind::Number || matches!(doc.low(start - 1), "once" | "twice"))
    {
        return Some(Found::new(
            start,
            u + 1,
            TimeKind::Set,
            format!("P1{}", g.letter()),
            None,
        ));
    }
    // "a year" alone is most often "a year ago", "a year earlier" or "15 a year" (a rate): only counts with a
    // number are durations here.
    if is(doc, start, "a") || is(doc, start, "an") {
        return None;
    }
    Some(Found::new(
        start,
        u + 1,
        TimeKind::Duration,
        resolve::duration(n, g),
        None,
    ))
}

/// Expressions that start with a number: "26 August 2024", "2019", "3 p.m.", "15:00 GMT", "three years ago",
/// "10-year", "7/8/07".
fn number_start(doc: &Cx, i: usize, dct: Option<Date>) -> Option<Found> {
    let t = doc.tokens.get(i)?;
    if t.kind == TokenKind::Word {
        // "1990s", "10-year" as one token
        if let Some((decade, end)) = decade_at(doc, i) {
            return Some(Found::new(i, end, TimeKind::Date, decade, None));
        }
        let low = doc.low(i);
        if let Some((num, unit)) = low.split_once('-') {
            let n = match (num.parse::<u32>(), word(num)) {
                (Ok(n), _) => Some(n as f64),
                (_, Some(Word::Count(n))) if n > 0.0 && num != "a" && num != "an" => Some(n),
                _ if num == "single" => Some(1.0),
                _ => None,
            };
            if let (Some(n), Some(Word::Unit(g))) = (n, word(unit)) {
                return Some(Found::new(
                    i,
                    i + 1,
                    TimeKind::Duration,
                    resolve::duration(Some(n), g),
                    None,
                ));
            }
        }
        return None;
    }
    if t.kind != TokenKind::Number {
        return None;
    }
    // "80s" split as "80" "s"
    if let Some((decade, end)) = decade_at(doc, i) {
        return Some(Found::new(i, end, TimeKind::Date, decade, None));
    }
    // "26 August 2024"
    if let (Some(day), Some(Word::Month(m))) = (day_at(doc, i), word_at(doc, i + 1)) {
        let after = after_abbrev(doc, i + 2);
        if let Some(y) = year_at(doc, after) {
            let d = Date::new(y, m, day as i8).ok()?;
            return Some(Found::new(i, after + 1, TimeKind::Date, d.to_string(), Some((d, d))));
        }
        return month_expr(doc, i, i + 1, m, dct).map(|mut f| {
            // the day before the month: resolve as "August 26"
            if let (Some(dct), true) = (dct, f.value.len() == 7) {
                if let Some(d) = resolve::month_day(dct, m, day as i8, resolve::direction(doc, i)) {
                    f.value = d.to_string();
                    f.range = Some((d, d));
                }
            }
            f
        });
    }
    // clock times: "15:00", "3:30 p.m.", "3 p.m."
    if let Some(found) = clock(doc, i, dct) {
        return Some(found);
    }
    // "7/8/07": month/day/year
    if let Some(found) = slashed(doc, i) {
        return Some(found);
    }
    let (v, len) = digits(doc, i)?;
    // counts of units: "three years", "10 days ago", "10-year"
    if let Some(f) = unit_phrase(doc, i, i + 1, Some(v as f64), dct) {
        return Some(f);
    }
    // a year: four digits in range, not a count of something ("2019 people" is rare; "2,019" is no token here)
    if len == 4 && (1800..2200).contains(&v) && year_context(doc, i) {
        let y = v as i16;
        let first = Date::new(y, 1, 1).ok()?;
        let last = Date::new(y, 12, 31).ok()?;
        return Some(Found::new(
            i,
            i + 1,
            TimeKind::Date,
            format!("{y:04}"),
            Some((first, last)),
        ));
    }
    None
}

/// Whether a four-digit number at `i` is a year: not followed by a counted noun or a unit, not part of a
/// larger number, not a money amount.
fn year_context(doc: &Cx, i: usize) -> bool {
    if i > 0 && matches!(doc.tok(i - 1), "$" | "£" | "€" | "¥" | "#" | "No." | "no.") {
        return false;
    }
    match doc.tokens.get(i + 1) {
        Some(t) if t.kind == TokenKind::Word => {
            let next = doc.low(i + 1);
            // "2019 election", "2020 Olympics" are years; "1500 people", "2000 troops" are not: the tagger
            // tells a noun phrase head only with a following plural, so refuse plural-looking words.
            let plural = next.ends_with('s') && !next.ends_with("ss") && !t.has(crate::text::flags::CAPITALISED);
            let measure = matches!(
                next,
                "percent" | "per" | "km" | "miles" | "kg" | "tonnes" | "tons" | "million" | "billion"
            );
            !plural && !measure
        }
        _ => true,
    }
}

/// A clock time at token `i`: "15:00", "3:30 p.m.", "3 p.m.", "8 a.m. GMT".
fn clock(doc: &Cx, i: usize, dct: Option<Date>) -> Option<Found> {
    let (h, _) = digits(doc, i)?;
    let mut end = i + 1;
    let mut minute = None;
    if is(doc, end, ":") {
        let (m, mlen) = digits(doc, end + 1)?;
        if mlen != 2 || m > 59 {
            return None;
        }
        minute = Some(m);
        end += 2;
    }
    let mut hour = h;
    match doc.tokens.get(end).map(|_| doc.low(end)) {
        Some("p.m." | "pm" | "p.m") => {
            if hour < 12 {
                hour += 12;
            }
            end += 1;
        }
        Some("a.m." | "am" | "a.m") => {
            if hour == 12 {
                hour = 0;
            }
            end += 1;
        }
        _ if minute.is_none() => return None,
        _ => {}
    }
    if hour > 23 {
        return None;
    }
    let zone = if matches!(doc.tokens.get(end).map(|_| doc.low(end)), Some("gmt" | "utc")) {
        end += 1;
        "Z"
    } else {
        ""
    };
    let time = format!("T{hour:02}:{:02}{zone}", minute.unwrap_or(0));
    let value = match dct {
        Some(d) => format!("{d}{time}"),
        None => format!("XXXX-XX-XX{time}"),
    };
    Some(Found::new(i, end, TimeKind::Time, value, dct.map(|d| (d, d))))
}

/// "7/8/07" and "7/8/2007" (month/day/year, the US order of the news this was built for).
fn slashed(doc: &Cx, i: usize) -> Option<Found> {
    let (m, _) = digits(doc, i)?;
    if !is(doc, i + 1, "/") {
        return None;
    }
    let (d, _) = digits(doc, i + 2)?;
    if !is(doc, i + 3, "/") {
        return None;
    }
    let (y, ylen) = digits(doc, i + 4)?;
    let year = match ylen {
        2 => 2000 + y as i16,
        4 => y as i16,
        _ => return None,
    };
    let date = Date::new(year, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    Some(Found::new(
        i,
        i + 5,
        TimeKind::Date,
        date.to_string(),
        Some((date, date)),
    ))
}

/// "summer", "last winter", "spring 2024".
fn season(
    doc: &Cx,
    start: usize,
    s_at: usize,
    code: &'static str,
    dct: Option<Date>,
    shift: Option<Direction>,
) -> Option<Found> {
    if let Some(y) = year_at(doc, s_at + 1) {
        return Some(Found::new(
            start,
            s_at + 2,
            TimeKind::Date,
            format!("{y:04}-{code}"),
            None,
        ));
    }
    if start == s_at {
        // a bare season word is a date only after "this", "last", "next", "in", "the"
        let framed = s_at > 0 && matches!(doc.low(s_at - 1), "in" | "this" | "the" | "during" | "by");
        if !framed {
            return None;
        }
    }
    let value = match (dct, shift) {
        (Some(d), Some(Direction::Past)) => format!("{:04}-{code}", d.year() - 1),
        (Some(d), Some(Direction::Future)) => format!("{:04}-{code}", d.year() + 1),
        (Some(d), _) => format!("{:04}-{code}", d.year()),
        (None, _) => format!("XXXX-{code}"),
    };
    Some(Found::new(start, s_at + 1, TimeKind::Date, value, None))
}

#[cfg(test)]
mod tests;
