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
    words: HashMap<&'static str, Word, crate::lexicon::FxBuild>,
    /// A bit per (first byte, last byte, length) shape of the entries ([`shape`]): a word whose shape no
    /// entry has is refused without hashing (most words of a text).
    shapes: [u64; 64],
}

/// The bit of a word's shape in [`Lexicon::shapes`].
#[inline]
fn shape(b: &[u8]) -> usize {
    let (first, last) = (b[0] as usize, b[b.len() - 1] as usize);
    (first.wrapping_mul(31) ^ last.wrapping_mul(7) ^ b.len().wrapping_mul(131)) & 4095
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words = HashMap::default();
    let mut shapes = [0u64; 64];
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
        if !form.is_empty() {
            let s = shape(form.as_bytes());
            shapes[s / 64] |= 1 << (s % 64);
        }
        words.insert(form, w);
    }
    Lexicon { words, shapes }
});

/// The time word `low` (lower case), if it is one.
pub(super) fn word(low: &str) -> Option<Word> {
    let lex = &*LEXICON;
    let b = low.as_bytes();
    if b.is_empty() {
        return None;
    }
    let s = shape(b);
    if lex.shapes[s / 64] & (1 << (s % 64)) == 0 {
        return None;
    }
    lex.words.get(low).copied()
}

/// Loads the lexicon now (the parser does it once per process).
pub(crate) fn preload() {
    LazyLock::force(&LEXICON);
}
