//! Lexicons for statistics (`data/statistics/`): number words, scale suffixes, vague counts, currencies,
//! units, qualifiers, event words and word classes. All are written for newsparse; see each file's header.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Qualifier;

/// The grammatical class of a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumClass {
    /// 0–9 ("seven").
    Unit,
    /// 10–19 ("eleven").
    Teen,
    /// 20, 30 … 90 ("forty").
    Tens,
    /// "hundred".
    Hundred,
    /// "thousand", "million", "lakh"…
    Scale,
    /// "dozen".
    Dozen,
    /// A fraction denominator that is never an ordinal ("half", "quarters").
    Denom,
    /// An ordinal, also a denominator after a numerator ("third", "fifth").
    Ordinal,
    /// A plural ordinal: only a denominator ("fifths").
    OrdinalPlural,
}

/// A number word: its value and class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumWord {
    pub value: f64,
    pub class: NumClass,
}

fn num(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

static NUMBER_WORDS: LazyLock<HashMap<&'static str, NumWord>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/number_words.tsv"))
        .filter(|r| r.len() >= 3)
        .filter_map(|r| {
            let class = match r[2] {
                "unit" => NumClass::Unit,
                "teen" => NumClass::Teen,
                "tens" => NumClass::Tens,
                "hundred" => NumClass::Hundred,
                "scale" => NumClass::Scale,
                "dozen" => NumClass::Dozen,
                "denom" => NumClass::Denom,
                "ordinal" => NumClass::Ordinal,
                "ordinal_plural" => NumClass::OrdinalPlural,
                _ => return None,
            };
            Some((
                r[0],
                NumWord {
                    value: num(r[1])?,
                    class,
                },
            ))
        })
        .collect()
});

/// The number word `w` (lower case), if it is one.
pub(crate) fn number_word(w: &str) -> Option<NumWord> {
    NUMBER_WORDS.get(w).copied()
}

/// A scale suffix: its multiplier and whether it may stand after a space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Suffix {
    pub multiplier: f64,
    pub spaced: bool,
}

/// Scale suffixes: case-sensitive entries, and case-folded ones keyed in lower case.
type SuffixTables = (HashMap<&'static str, Suffix>, HashMap<String, Suffix>);

static SUFFIXES: LazyLock<SuffixTables> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let mut folded = HashMap::new();
    for r in super::rows(include_str!("../../data/statistics/scale_suffixes.tsv")) {
        if r.len() < 4 {
            continue;
        }
        let Some(multiplier) = num(r[1]) else {
            continue;
        };
        let s = Suffix {
            multiplier,
            spaced: r[2] == "any",
        };
        if r[3] == "ci" {
            folded.insert(r[0].to_lowercase(), s);
        } else {
            exact.insert(r[0], s);
        }
    }
    (exact, folded)
});

/// The scale suffix written `s` ("bn", "K", "M"), case rules applied.
pub(crate) fn scale_suffix(s: &str) -> Option<Suffix> {
    let (exact, folded) = &*SUFFIXES;
    exact.get(s).or_else(|| folded.get(&s.to_lowercase())).copied()
}

/// A lower and an upper bound, either open.
pub(crate) type Bounds = (Option<f64>, Option<f64>);

static VAGUE: LazyLock<HashMap<&'static str, Bounds>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/vague.tsv"))
        .filter(|r| r.len() >= 2)
        .map(|r| (r[0], (num(r[1]), r.get(2).and_then(|s| num(s)))))
        .collect()
});

static VAGUE_FIRST: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| VAGUE.keys().filter_map(|k| k.split(' ').next()).collect());

/// Whether a vague count can start with the word `w` ("several" in "several hundred").
pub(crate) fn vague_starts(w: &str) -> bool {
    VAGUE_FIRST.contains(w)
}

/// The bounds implied by a vague count ("dozens", "tens of thousands"), words joined by one space.
pub(crate) fn vague(phrase: &str) -> Option<Bounds> {
    VAGUE.get(phrase).copied()
}

/// Where a currency or unit may stand relative to the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// Before the amount ("$", "EUR 20").
    Pre,
    /// After the amount ("20 euros").
    Post,
    /// Either.
    Both,
}

/// A currency: its ISO code (or "cent"/"pence") and the value of one unit in that currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Currency {
    pub code: &'static str,
    pub factor: f64,
    pub position: Position,
}

static CURRENCIES: LazyLock<HashMap<&'static str, Currency>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/currencies.tsv"))
        .filter(|r| r.len() >= 4)
        .filter_map(|r| {
            let position = match r[3] {
                "pre" => Position::Pre,
                "post" => Position::Post,
                _ => Position::Both,
            };
            Some((
                r[0],
                Currency {
                    code: r[1],
                    factor: num(r[2])?,
                    position,
                },
            ))
        })
        .collect()
});

/// The currency written `s` (lower case, words joined by one space, symbols as written).
pub(crate) fn currency(s: &str) -> Option<Currency> {
    CURRENCIES.get(s).copied()
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A physical measure.
    Measure,
    /// Per cent, percentage points, basis points.
    Percent,
}

/// A unit of measure: its normalised name, kind, and whether it must be glued to the digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    pub name: &'static str,
    pub kind: UnitKind,
    pub glued_only: bool,
}

static UNITS: LazyLock<HashMap<&'static str, Unit>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/units.tsv"))
        .filter(|r| r.len() >= 4)
        .map(|r| {
            let kind = if r[2] == "measure" {
                UnitKind::Measure
            } else {
                UnitKind::Percent
            };
            (
                r[0],
                Unit {
                    name: r[1],
                    kind,
                    glued_only: r[3] == "glued",
                },
            )
        })
        .collect()
});

/// The unit written `s` (lower case, words joined by one space).
pub(crate) fn unit(s: &str) -> Option<Unit> {
    UNITS.get(s).copied()
}

fn qualifier_of(s: &str) -> Option<Qualifier> {
    Some(match s {
        "exact" => Qualifier::Exact,
        "approximately" => Qualifier::Approximately,
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "less_than" => Qualifier::LessThan,
        "at_most" => Qualifier::AtMost,
        _ => return None,
    })
}

/// Qualifiers written before and after a number.
type QualifierTables = (HashMap<&'static str, Qualifier>, HashMap<&'static str, Qualifier>);

static QUALIFIERS: LazyLock<QualifierTables> = LazyLock::new(|| {
    let mut pre = HashMap::new();
    let mut post = HashMap::new();
    for r in super::rows(include_str!("../../data/statistics/qualifiers.tsv")) {
        if r.len() < 3 {
            continue;
        }
        let Some(q) = qualifier_of(r[1]) else {
            continue;
        };
        if r[2] == "post" {
            post.insert(r[0], q);
        } else {
            pre.insert(r[0], q);
        }
    }
    (pre, post)
});

/// The qualifier written before a number ("more than", "about"), words joined by one space.
pub(crate) fn pre_qualifier(s: &str) -> Option<Qualifier> {
    QUALIFIERS.0.get(s).copied()
}

/// The qualifier written after a number ("or more").
pub(crate) fn post_qualifier(s: &str) -> Option<Qualifier> {
    QUALIFIERS.1.get(s).copied()
}

/// The direction of a change word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Not a change.
    None,
    /// A rise.
    Up,
    /// A fall.
    Down,
}

/// An event word: its lemma and change direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Event {
    pub lemma: &'static str,
    pub direction: Direction,
}

static EVENTS: LazyLock<HashMap<&'static str, Event>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/events.tsv"))
        .filter(|r| r.len() >= 3)
        .map(|r| {
            let direction = match r[2] {
                "up" => Direction::Up,
                "down" => Direction::Down,
                _ => Direction::None,
            };
            (r[0], Event { lemma: r[1], direction })
        })
        .collect()
});

/// The event word `w` (lower case).
pub(crate) fn event(w: &str) -> Option<Event> {
    EVENTS.get(w).copied()
}

/// Every prefix of every currency, unit and qualifier phrase: a phrase lookup at an atom that starts none
/// of them is skipped at the cost of one hash.
static PHRASE_STARTS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    let keys = CURRENCIES
        .keys()
        .chain(UNITS.keys())
        .chain(QUALIFIERS.0.keys())
        .chain(QUALIFIERS.1.keys());
    let mut set = std::collections::HashSet::new();
    for k in keys {
        for (i, c) in k.char_indices() {
            set.insert(&k[..i + c.len_utf8()]);
        }
    }
    set
});

/// Whether some currency, unit or qualifier phrase starts with `s` (lower case).
pub(crate) fn phrase_start(s: &str) -> bool {
    PHRASE_STARTS.contains(s)
}

/// Word classes of `data/statistics/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// Ends a counted noun phrase.
    Stop,
    /// A month (any case).
    Month,
    /// A month only when capitalised.
    MonthCapitalised,
    /// A day name.
    Weekday,
    /// A clock-time marker after a number.
    Clock,
    /// An identifier label before a number.
    Label,
    /// After "one": the pronoun or determiner.
    PronounOne,
    /// Before "one": the pronoun.
    DetOne,
    /// Ends in -ed or -ing but governs no number ("including").
    NotVerb,
    /// An auxiliary ("were", "have").
    Aux,
    /// A dimension adjective after metres ("8m high").
    Dimension,
    /// An irregular plural noun ("people", "children").
    Plural,
    /// A relative-time word after "a year" ("earlier", "ago").
    RelTime,
    /// A word before an age ("aged").
    AgeCue,
    /// Skipped at the start of a counted phrase ("other", "more").
    NpSkip,
}

static WORDS: LazyLock<HashMap<(&'static str, u8), WordClass>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for r in super::rows(include_str!("../../data/statistics/words.tsv")) {
        if r.len() < 2 {
            continue;
        }
        let class = match r[1] {
            "stop" => WordClass::Stop,
            "month" => WordClass::Month,
            "month_cs" => WordClass::MonthCapitalised,
            "weekday" => WordClass::Weekday,
            "clock" => WordClass::Clock,
            "label" => WordClass::Label,
            "pronoun_one" => WordClass::PronounOne,
            "det_one" => WordClass::DetOne,
            "not_verb" => WordClass::NotVerb,
            "aux" => WordClass::Aux,
            "dimension" => WordClass::Dimension,
            "plural" => WordClass::Plural,
            "rel_time" => WordClass::RelTime,
            "age_cue" => WordClass::AgeCue,
            "np_skip" => WordClass::NpSkip,
            _ => continue,
        };
        m.insert((r[0], class as u8), class);
    }
    m
});

/// Whether the word `w` belongs to `class` (lower case, except for [`WordClass::MonthCapitalised`]).
pub(crate) fn is_word(w: &str, class: WordClass) -> bool {
    WORDS.contains_key(&(w, class as u8))
}

pub(crate) fn preload() {
    LazyLock::force(&NUMBER_WORDS);
    LazyLock::force(&SUFFIXES);
    LazyLock::force(&VAGUE);
    LazyLock::force(&VAGUE_FIRST);
    LazyLock::force(&CURRENCIES);
    LazyLock::force(&UNITS);
    LazyLock::force(&QUALIFIERS);
    LazyLock::force(&EVENTS);
    LazyLock::force(&WORDS);
    LazyLock::force(&PHRASE_STARTS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        assert_eq!(number_word("twenty").map(|w| w.value), Some(20.0));
        assert_eq!(scale_suffix("bn").map(|s| s.multiplier), Some(1e9));
        assert_eq!(scale_suffix("BN").map(|s| s.multiplier), Some(1e9));
        assert!(scale_suffix("t").is_none(), "lower-case t is a tonne");
        assert_eq!(currency("€").map(|c| c.code), Some("EUR"));
        assert_eq!(unit("km").map(|u| u.name), Some("kilometre"));
        assert_eq!(pre_qualifier("more than"), Some(Qualifier::MoreThan));
        assert_eq!(post_qualifier("or more"), Some(Qualifier::AtLeast));
        assert_eq!(event("killed").map(|e| e.lemma), Some("kill"));
        assert_eq!(vague("dozens"), Some((Some(24.0), Some(99.0))));
        assert!(is_word("july", WordClass::Month));
        assert!(!is_word("may", WordClass::MonthCapitalised));
        assert!(is_word("May", WordClass::MonthCapitalised));
    }
}
