//! The temporal word list (`data/times/words.tsv`), loaded once: one [`WordInfo`] per word form.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::FxBuild;

/// A calendar unit, as TIMEX3 writes it in a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "TM" => Unit::Minute,
            "TH" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "F" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }
}

/// What the word list knows about one word form (every field is empty for an unlisted word).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordInfo {
    /// A month name (1-12).
    pub month: u8,
    /// A month abbreviation ("aug", "sept": 1-12), which needs a day or a year after it.
    pub month_abbr: u8,
    /// A weekday (1 = Monday).
    pub weekday: u8,
    /// A weekday in the plural ("Mondays": 1 = Monday), a set.
    pub weekday_plural: u8,
    /// A season code (`SP`, `SU`, `FA`, `WI`).
    pub season: Option<&'static str>,
    /// A calendar unit ("year", "weeks"), and whether the form is plural.
    pub unit: Option<Unit>,
    /// Whether the unit form is plural ("years").
    pub plural: bool,
    /// A number word's value; `Some(None)` for a vague count ("several", "few").
    pub number: Option<Option<u32>>,
    /// An ordinal (1-12; 255 = "last", "final").
    pub ordinal: u8,
    /// A relative word: -1 "last", 0 "this", +1 "next".
    pub relative: Option<i8>,
    /// A deictic word's code (`D0` today, `D-1` yesterday, `NI0` tonight, `PRESENT_REF` …).
    pub deictic: Option<&'static str>,
    /// A deictic adjective ("current", "recent"): temporal only before a noun, after a determiner.
    pub attributive: bool,
    /// A noun that makes a fixed term with a deictic adjective ("current account", "current assets").
    pub term_head: bool,
    /// A determiner, possessive or preposition before which a deictic adjective is temporal ("the", "its",
    /// "in").
    pub determiner: bool,
    /// A part of day (`MO`, `AF`, `EV`, `NI`).
    pub part_of_day: Option<&'static str>,
    /// A set adverb's value ("weekly" → `P1W`).
    pub set_adverb: Option<&'static str>,
    /// A position in a period ("early", "end"): `START`, `MID`, `END`.
    pub modifier: Option<&'static str>,
    /// An approximation word before a duration ("about", "nearly").
    pub approx: bool,
    /// A clock word ("noon" → `12:00`).
    pub clock: Option<&'static str>,
    /// `AM` or `PM`.
    pub meridiem: Option<&'static str>,
    /// A time zone that TIMEX3 writes `Z` ("GMT", "UTC").
    pub zone: bool,
    /// "every", "each", "per".
    pub set_word: bool,
    /// "ago".
    pub ago: bool,
    /// "fiscal", "financial", "fy".
    pub fiscal: bool,
    /// A tense marker: +1 future ("will"), -1 past ("said").
    pub tense: i8,
}

impl WordInfo {
    /// Whether a temporal expression can start or be anchored at this word (the scan's per-form flag).
    /// Whether a rule can read this word as the first token of an expression (a month, a count, "last",
    /// "every", "early", "about"…); tense markers, "ago", "p.m." and parts of the day only follow.
    pub fn can_start(&self) -> bool {
        self.number.is_some() || self.starts_other_than_a_count()
    }

    /// Whether the word is only a count ("two", "a", "several"): only a counted unit starts with it.
    pub fn only_count(&self) -> bool {
        self.number.is_some() && !self.starts_other_than_a_count()
    }

    /// Whether a rule other than a count's can read this word first.
    fn starts_other_than_a_count(&self) -> bool {
        self.month != 0
            || self.month_abbr != 0
            || self.weekday != 0
            || self.weekday_plural != 0
            || self.deictic.is_some()
            || self.relative.is_some()
            || self.ordinal != 0
            || self.fiscal
            || self.clock.is_some()
            || self.season.is_some()
            || self.set_adverb.is_some()
            || self.set_word
            || self.unit.is_some()
            || self.modifier.is_some()
            || self.approx
    }

    pub fn is_trigger(&self) -> bool {
        self.month != 0
            || self.month_abbr != 0
            || self.weekday != 0
            || self.weekday_plural != 0
            || self.season.is_some()
            || self.unit.is_some()
            || self.deictic.is_some()
            || self.set_adverb.is_some()
            || self.clock.is_some()
            || self.fiscal
            || self.part_of_day.is_some()
            || self.ordinal != 0
    }
}

/// The word list, by lower-case form.
pub(crate) static WORDS: LazyLock<HashMap<&'static str, WordInfo, FxBuild>> = LazyLock::new(load);

fn load() -> HashMap<&'static str, WordInfo, FxBuild> {
    let mut map: HashMap<&'static str, WordInfo, FxBuild> = HashMap::default();
    for r in crate::lexicon::rows(include_str!("../../data/times/words.tsv")) {
        let (Some(&word), Some(&class), Some(&value)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let e = map.entry(word).or_default();
        let small = || value.parse::<u8>().unwrap_or(0);
        match class {
            "month" => e.month = small(),
            "month_abbr" => e.month_abbr = small(),
            "weekday" => e.weekday = small(),
            "weekday_plural" => e.weekday_plural = small(),
            "season" => e.season = Some(value),
            "unit" => {
                e.unit = Unit::parse(value);
                e.plural = word.ends_with('s');
            }
            "number" => e.number = Some(value.parse::<u32>().ok()),
            "ordinal" => e.ordinal = if value == "L" { 255 } else { small() },
            "relative" => e.relative = value.parse::<i8>().ok(),
            "deictic" => e.deictic = Some(value),
            "deictic_adjective" => {
                e.deictic = Some(value);
                e.attributive = true;
            }
            "term_head" => e.term_head = true,
            "determiner" => e.determiner = true,
            "part_of_day" => e.part_of_day = Some(value),
            "set_adverb" => e.set_adverb = Some(value),
            "modifier" => e.modifier = Some(value),
            "approx" => e.approx = true,
            "clock_word" => e.clock = Some(value),
            "meridiem" => e.meridiem = Some(value),
            "zone" => e.zone = true,
            "set_word" => e.set_word = true,
            "ago" => e.ago = true,
            "fiscal" => e.fiscal = true,
            "tense" => e.tense = if value == "future" { 1 } else { -1 },
            _ => {}
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_loads_every_class() {
        let w = &*WORDS;
        assert_eq!(w["august"].month, 8);
        assert_eq!(w["sept"].month_abbr, 9);
        assert_eq!(w["monday"].weekday, 1);
        assert_eq!(w["sundays"].weekday_plural, 7);
        assert_eq!(w["years"].unit, Some(Unit::Year));
        assert!(w["years"].plural && !w["year"].plural);
        assert_eq!(w["three"].number, Some(Some(3)));
        assert_eq!(w["several"].number, Some(None));
        assert_eq!(w["last"].relative, Some(-1));
        assert_eq!(w["last"].ordinal, 255);
        assert_eq!(w["will"].tense, 1);
        assert!(w.get("table").is_none());
    }
}
