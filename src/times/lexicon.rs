//! The time words (`data/times/words.tsv`): months, weekdays, shifts ("last", "next"), deictic days, present
//! and past references, sets, counts, seasons, units, parts of day and ordinals.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::resolve::{Direction, Granularity};

/// What a time word is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Word {
    /// A month, 1 to 12.
    Month(i8),
    /// A weekday, 1 (Monday) to 7 (Sunday).
    Weekday(i8),
    /// "last", "next", "this".
    Shift(Direction),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    Deictic(i8),
    /// "now" (`PRESENT_REF`), "recently" (`PAST_REF`).
    Ref(&'static str),
    /// "daily" (`P1D`), "weekly" (`P1W`).
    Set(&'static str),
    /// "every".
    Every,
    /// "the".
    Article,
    /// A number word ("three"); -1 for a vague one ("several").
    Count(f64),
    /// A season and its TIMEX3 code ("summer": `SU`).
    Season(&'static str),
    /// A calendar or clock unit.
    Unit(Granularity),
    /// A part of the day and its code ("morning": `MO`).
    Part(&'static str),
    /// "first" to "fourth".
    Ordinal(u8),
}

struct Lexicon {
    words: HashMap<&'static str, Word>,
    /// Bit `len` of entry `first byte - b'a'` is set when a word of that first letter and length exists: a
    /// word that no entry can match is refused without hashing.
    shapes: [u32; 26],
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words = HashMap::new();
    let mut shapes = [0u32; 26];
    for line in include_str!("../../data/times/words.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(class)) = (cols.next(), cols.next()) else {
            continue;
        };
        let value = cols.next().unwrap_or("");
        let num = || value.parse::<f64>().unwrap_or(0.0);
        let w = match class {
            "month" => Word::Month(num() as i8),
            "weekday" => Word::Weekday(num() as i8),
            "shift" => Word::Shift(match value {
                "past" => Direction::Past,
                "future" => Direction::Future,
                _ => Direction::Current,
            }),
            "deictic" => Word::Deictic(num() as i8),
            "ref" => Word::Ref(value),
            "set" => Word::Set(value),
            "every" => Word::Every,
            "article" => Word::Article,
            "count" => Word::Count(num()),
            "season" => Word::Season(value),
            "unit" => Word::Unit(match value {
                "day" => Granularity::Day,
                "week" => Granularity::Week,
                "weekend" => Granularity::Weekend,
                "month" => Granularity::Month,
                "year" => Granularity::Year,
                "decade" => Granularity::Decade,
                "century" => Granularity::Century,
                "hour" => Granularity::Hour,
                _ => Granularity::Minute,
            }),
            "part" => Word::Part(value),
            "ordinal" => Word::Ordinal(num() as u8),
            _ => continue,
        };
        let b = form.as_bytes();
        if let (Some(&f), true) = (b.first(), b.len() < 32) {
            if f.is_ascii_lowercase() {
                shapes[(f - b'a') as usize] |= 1 << b.len();
            }
        }
        words.insert(form, w);
    }
    Lexicon { words, shapes }
});

/// The time word `low` (lower case), if it is one.
pub(super) fn word(low: &str) -> Option<Word> {
    let lex = &*LEXICON;
    let b = low.as_bytes();
    let &f = b.first()?;
    if !f.is_ascii_lowercase() || b.len() >= 32 || lex.shapes[(f - b'a') as usize] & (1 << b.len()) == 0 {
        return None;
    }
    lex.words.get(low).copied()
}

/// Loads the lexicon now (the parser does it once per process).
pub(crate) fn preload() {
    LazyLock::force(&LEXICON);
}
