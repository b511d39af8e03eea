//! Lexicons for statistics (`data/statistics/`): number words, scale suffixes, vague counts, currencies,
//! units, qualifiers, event words and word classes. All are written for newsparse; see each file's header.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon::FxBuild;

/// Every lexicon map uses the crate's fast hasher: keys are short and embedded, never attacker-chosen
/// in a way that matters for a single parse.
type HashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

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

/// A scale suffix: its multiplier and whether it may stand after a space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Suffix {
    pub multiplier: f64,
    pub spaced: bool,
}

/// Scale suffixes: case-sensitive entries, and case-folded ones keyed in lower case.
type SuffixTables = (HashMap<&'static str, Suffix>, HashMap<String, Suffix>);

static SUFFIXES: LazyLock<SuffixTables> = LazyLock::new(|| {
    let mut exact = HashMap::default();
    let mut folded = HashMap::default();
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
    if let Some(x) = exact.get(s) {
        return Some(*x);
    }
    if s.bytes().any(|b| b.is_ascii_uppercase()) || !s.is_ascii() {
        folded.get(&s.to_lowercase()).copied()
    } else {
        folded.get(s).copied()
    }
}

/// A lower and an upper bound, either open.
pub(crate) type Bounds = (Option<f64>, Option<f64>);

static VAGUE: LazyLock<HashMap<&'static str, Bounds>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/vague.tsv"))
        .filter(|r| r.len() >= 2)
        .map(|r| (r[0], (num(r[1]), r.get(2).and_then(|s| num(s)))))
        .collect()
});

/// The first words of vague counts ("several" in "several hundred"); see [`F_VAGUE`].
static VAGUE_FIRST: LazyLock<HashSet<&'static str, FxBuild>> =
    LazyLock::new(|| VAGUE.keys().filter_map(|k| k.split(' ').next()).collect());

/// The bounds implied by a vague count ("dozens", "tens of thousands"), words joined by one space.
pub(crate) fn vague(phrase: &str) -> Option<Bounds> {
    VAGUE.get(phrase).copied()
}

/// The [`VAGUE`] counts keyed by bytes, for keys built in byte buffers (no UTF-8 check).
static VAGUE_BYTES: LazyLock<HashMap<&'static [u8], Bounds>> =
    LazyLock::new(|| VAGUE.iter().map(|(k, &b)| (k.as_bytes(), b)).collect());

/// [`vague`] for a phrase given as bytes.
pub(crate) fn vague_key(phrase: &[u8]) -> Option<Bounds> {
    VAGUE_BYTES.get(phrase).copied()
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

/// Keyed by bytes, like the unit and qualifier maps, so that keys built in byte buffers need no UTF-8
/// check (see [`currency_key`]).
static CURRENCIES: LazyLock<HashMap<&'static [u8], Currency>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/currencies.tsv"))
        .filter(|r| r.len() >= 4)
        .filter_map(|r| {
            let position = match r[3] {
                "pre" => Position::Pre,
                "post" => Position::Post,
                _ => Position::Both,
            };
            Some((
                r[0].as_bytes(),
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
    currency_key(s.as_bytes())
}

/// [`currency`] for a key given as bytes.
pub(crate) fn currency_key(s: &[u8]) -> Option<Currency> {
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

static UNITS: LazyLock<HashMap<&'static [u8], Unit>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statistics/units.tsv"))
        .filter(|r| r.len() >= 4)
        .map(|r| {
            let kind = if r[2] == "measure" {
                UnitKind::Measure
            } else {
                UnitKind::Percent
            };
            (
                r[0].as_bytes(),
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
    unit_key(s.as_bytes())
}

/// [`unit`] for a key given as bytes.
pub(crate) fn unit_key(s: &[u8]) -> Option<Unit> {
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
type QualifierTables = (HashMap<&'static [u8], Qualifier>, HashMap<&'static [u8], Qualifier>);

static QUALIFIERS: LazyLock<QualifierTables> = LazyLock::new(|| {
    let mut pre = HashMap::default();
    let mut post = HashMap::default();
    for r in super::rows(include_str!("../../data/statistics/qualifiers.tsv")) {
        if r.len() < 3 {
            continue;
        }
        let Some(q) = qualifier_of(r[1]) else {
            continue;
        };
        if r[2] == "post" {
            post.insert(r[0].as_bytes(), q);
        } else {
            pre.insert(r[0].as_bytes(), q);
        }
    }
    (pre, post)
});

/// The qualifier written before a number ("more than", "about"), words joined by one space.
pub(crate) fn pre_qualifier(s: &str) -> Option<Qualifier> {
    pre_qualifier_key(s.as_bytes())
}

/// [`pre_qualifier`] for a key given as bytes.
pub(crate) fn pre_qualifier_key(s: &[u8]) -> Option<Qualifier> {
    QUALIFIERS.0.get(s).copied()
}

/// The qualifier written after a number ("or more"), for a key given as bytes.
pub(crate) fn post_qualifier_key(s: &[u8]) -> Option<Qualifier> {
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

/// Every prefix of every currency, unit and qualifier phrase (ending on a character boundary): a phrase
/// lookup at an atom that starts none of them is skipped at the cost of one hash.
static PHRASE_STARTS: LazyLock<HashSet<&'static [u8], FxBuild>> = LazyLock::new(|| {
    let keys = CURRENCIES
        .keys()
        .chain(UNITS.keys())
        .chain(QUALIFIERS.0.keys())
        .chain(QUALIFIERS.1.keys());
    let mut set = HashSet::default();
    for k in keys {
        for i in 1..=k.len() {
            if i == k.len() || !is_continuation(k[i]) {
                set.insert(&k[..i]);
            }
        }
    }
    set
});

/// Every currency, unit and qualifier phrase, as bytes.
#[cfg(test)]
pub(crate) fn phrase_keys() -> impl Iterator<Item = &'static [u8]> {
    CURRENCIES
        .keys()
        .chain(UNITS.keys())
        .chain(QUALIFIERS.0.keys())
        .chain(QUALIFIERS.1.keys())
        .copied()
}

/// Whether `b` continues a multi-byte UTF-8 character.
fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// Whether some currency, unit or qualifier phrase starts with `s` (lower case), given as bytes.
pub(crate) fn phrase_start(s: &[u8]) -> bool {
    PHRASE_STARTS.contains(s)
}

/// Words whose presence lets a sentence hold a numeral: number words, the words of vague counts, and
/// currency names an article can count ("a dollar"). A sentence with none of them and no digit has no
/// statistic, so the scan skips it.
static TRIGGERS: LazyLock<HashSet<&'static str, FxBuild>> = LazyLock::new(|| {
    // "first" and "second" are never denominators, so alone they make no numeral.
    let mut set: HashSet<&'static str, FxBuild> = NUMBER_WORDS
        .iter()
        .filter(|(_, w)| !(w.class == NumClass::Ordinal && w.value < 3.0))
        .map(|(k, _)| *k)
        .collect();
    set.extend(
        VAGUE
            .keys()
            .flat_map(|k| k.split(' '))
            .filter(|w| !matches!(*w, "a" | "an" | "of")),
    );
    // "a couple of" (see `statistics::numbers`).
    set.insert("couple");
    // Multipliers written as one word: "sixfold", "tenfold", "hundredfold" (made once, kept for the run).
    let folds: Vec<&'static str> = NUMBER_WORDS
        .iter()
        .filter(|(k, w)| {
            !k.contains([' ', '-'])
                && matches!(
                    w.class,
                    NumClass::Unit | NumClass::Teen | NumClass::Tens | NumClass::Hundred
                )
        })
        .map(|(k, _)| &*Box::leak(format!("{k}fold").into_boxed_str()))
        .collect();
    set.extend(folds);
    set.extend(
        CURRENCIES
            .iter()
            .filter(|(k, c)| c.position != Position::Pre && !k.contains(&b' '))
            .filter_map(|(k, _)| std::str::from_utf8(k).ok()),
    );
    set
});

/// The [`TRIGGERS`] as bytes, for lookups of slices of the lower-cased text.
static TRIGGER_BYTES: LazyLock<HashSet<&'static [u8], FxBuild>> =
    LazyLock::new(|| TRIGGERS.iter().map(|w| w.as_bytes()).collect());

/// The shapes of a set of words: for each first byte and length (31 for longer), a bit set of last bytes
/// (modulo 64). A word whose shape is absent is not in the set, which costs no hashing.
struct Shapes(Box<[[u64; 32]; 256]>);

impl Shapes {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut t = Box::new([[0u64; 32]; 256]);
        for w in words {
            if let (Some(&f), Some(&l)) = (w.as_bytes().first(), w.as_bytes().last()) {
                t[usize::from(f)][w.len().min(31)] |= 1 << (l & 63);
            }
        }
        Shapes(t)
    }
    /// Whether `w` (as bytes) may be one of the words.
    #[inline]
    fn may_hold(&self, w: &[u8]) -> bool {
        match (w.first(), w.last()) {
            (Some(&f), Some(&l)) => self.0[usize::from(f)][w.len().min(31)] & 1 << (l & 63) != 0,
            _ => false,
        }
    }
}

/// The inner shapes of a set of words: like [`Shapes`], from the second and the second-to-last bytes (the
/// first and last of a word shorter than three bytes), a test independent of the outer one.
struct InnerShapes(Shapes);

impl InnerShapes {
    /// The bytes of `w` between its first and last, when there are some.
    fn inner(w: &[u8]) -> &[u8] {
        match w {
            [_, inner @ .., _] if !inner.is_empty() => inner,
            _ => w,
        }
    }
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut t = Box::new([[0u64; 32]; 256]);
        for w in words {
            let i = Self::inner(w.as_bytes());
            if let (Some(&f), Some(&l)) = (i.first(), i.last()) {
                t[usize::from(f)][w.len().min(31)] |= 1 << (l & 63);
            }
        }
        InnerShapes(Shapes(t))
    }
    /// Whether `w` (as bytes) may be one of the words.
    #[inline]
    fn may_hold(&self, w: &[u8]) -> bool {
        let i = Self::inner(w);
        match (i.first(), i.last()) {
            (Some(&f), Some(&l)) => self.0.0[usize::from(f)][w.len().min(31)] & 1 << (l & 63) != 0,
            _ => false,
        }
    }
}

/// The shapes of the [`TRIGGERS`].
static TRIGGER_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(TRIGGERS.iter().copied()));

/// The inner shapes of the [`TRIGGERS`]: most words with a trigger's outer shape have not its inner one.
static TRIGGER_INNER: LazyLock<InnerShapes> = LazyLock::new(|| InnerShapes::new(TRIGGERS.iter().copied()));

/// The numeral-word test with its tables fetched once, for a scan over many words.
#[derive(Clone, Copy)]
pub(crate) struct NumeralWords {
    shapes: &'static Shapes,
    inner: &'static InnerShapes,
    set: &'static HashSet<&'static [u8], FxBuild>,
}

impl NumeralWords {
    /// Whether the word `w` (lower case, as bytes) may be, or be part of, a numeral: its shape, then the
    /// set.
    #[inline]
    pub(crate) fn contains(self, w: &[u8]) -> bool {
        self.shapes.may_hold(w) && self.lookup(w)
    }

    /// The outer shape test of [`NumeralWords::contains`] for a word of `len` bytes that starts with
    /// `first` and ends with `last`: `false` when the word is surely no numeral word.
    #[inline]
    pub(crate) fn may_be(self, first: u8, last: u8, len: usize) -> bool {
        self.shapes.0[usize::from(first)][len.min(31)] >> (last & 63) & 1 != 0
    }

    /// The inner shape test and hash lookup behind [`NumeralWords::contains`], out of line: most words
    /// stop at their shape.
    #[inline(never)]
    pub(crate) fn lookup(self, w: &[u8]) -> bool {
        self.inner.may_hold(w) && self.set.contains(w)
    }
}

/// The tables of the test whether a word (lower case) may be, or be part of, a numeral without digits
/// (see [`TRIGGERS`]): [`NumeralWords::contains`].
pub(crate) fn numeral_words() -> NumeralWords {
    NumeralWords {
        shapes: &TRIGGER_SHAPES,
        inner: &TRIGGER_INNER,
        set: &TRIGGER_BYTES,
    }
}

/// Bits of [`WordInfo::flags`]: a number word.
pub(crate) const F_NUMBER: u16 = 1;
/// Bits of [`WordInfo::flags`]: the first word of a vague count.
pub(crate) const F_VAGUE: u16 = 1 << 1;
/// Bits of [`WordInfo::flags`]: starts a currency, unit or qualifier phrase.
pub(crate) const F_PHRASE: u16 = 1 << 2;
/// Bits of [`WordInfo::flags`]: lets a sentence hold a numeral (see [`numeral_words`]).
pub(crate) const F_TRIGGER: u16 = 1 << 3;
/// Bits of [`WordInfo::flags`]: starts a currency written before the amount ("$", "us" in "us$").
pub(crate) const F_CURRENCY_PRE: u16 = 1 << 4;
/// Bits of [`WordInfo::flags`]: starts a currency written after the amount ("euros", "million" in "million
/// rials").
pub(crate) const F_CURRENCY_POST: u16 = 1 << 5;
/// Bits of [`WordInfo::flags`]: starts a unit ("km", "per" in "per cent").
pub(crate) const F_UNIT: u16 = 1 << 6;
/// Bits of [`WordInfo::flags`]: starts a qualifier written before a number ("more" in "more than").
pub(crate) const F_PRE_QUALIFIER: u16 = 1 << 7;
/// Bits of [`WordInfo::flags`]: starts a qualifier written after a number ("or" in "or more").
pub(crate) const F_POST_QUALIFIER: u16 = 1 << 8;

/// Bits of [`WordInfo::flags`]: the word, written in some case, belongs to a class looked up as written
/// ("may" for "May", [`WordClass::MonthCapitalised`]).
pub(crate) const F_CASED: u16 = 1 << 9;

/// Bits of [`WordInfo::flags`]: the word, written in some case, is a scale suffix ("bn", "k" for "K").
pub(crate) const F_SUFFIX: u16 = 1 << 10;

/// Bits of [`WordInfo::flags`]: ends a qualifier written before a number ("than" in "more than").
pub(crate) const F_PRE_QUALIFIER_END: u16 = 1 << 11;

/// Every suffix (starting on a character boundary) of the `keys`.
fn key_suffixes<'a>(keys: impl Iterator<Item = &'a &'static [u8]>) -> Vec<&'static str> {
    let mut out = Vec::new();
    for k in keys {
        if let Ok(k) = std::str::from_utf8(k) {
            out.extend(k.char_indices().map(|(i, _)| &k[i..]));
        }
    }
    out
}

/// Every prefix (ending on a character boundary) of the `keys`.
fn key_prefixes<'a>(keys: impl Iterator<Item = &'a &'static [u8]>) -> Vec<&'static str> {
    let mut out = Vec::new();
    for k in keys {
        if let Ok(k) = std::str::from_utf8(k) {
            out.extend(k.char_indices().map(|(i, c)| &k[..i + c.len_utf8()]));
        }
    }
    out
}

/// What the lexicons know of a single word, in one lookup.
static FLAGS: LazyLock<HashMap<&'static [u8], u16>> = LazyLock::new(|| {
    let mut m: HashMap<&'static [u8], u16> = HashMap::default();
    let currencies = |p: Position| key_prefixes(CURRENCIES.iter().filter(|(_, c)| c.position != p).map(|(k, _)| k));
    let sets: [(u16, Vec<&'static str>); 10] = [
        (F_NUMBER, NUMBER_WORDS.keys().copied().collect()),
        (F_VAGUE, VAGUE_FIRST.iter().copied().collect()),
        (
            F_PHRASE,
            PHRASE_STARTS
                .iter()
                .filter_map(|k| std::str::from_utf8(k).ok())
                .collect(),
        ),
        (F_TRIGGER, TRIGGERS.iter().copied().collect()),
        (F_CURRENCY_PRE, currencies(Position::Post)),
        (F_CURRENCY_POST, currencies(Position::Pre)),
        (F_UNIT, key_prefixes(UNITS.keys())),
        (F_PRE_QUALIFIER, key_prefixes(QUALIFIERS.0.keys())),
        (F_POST_QUALIFIER, key_prefixes(QUALIFIERS.1.keys())),
        (F_PRE_QUALIFIER_END, key_suffixes(QUALIFIERS.0.keys())),
    ];
    for (bit, words) in sets {
        for w in words {
            *m.entry(w.as_bytes()).or_default() |= bit;
        }
    }
    m
});

/// Everything the statistics lexicons know of one single word (lower case, no space), found with one
/// lookup: what phrases it can start or be (the `F_` bits), its word classes ([`WordClass`]), the event
/// it names and the number word it is. A scan keeps one per word form, so a word repeated in a document
/// costs one lookup.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordInfo {
    /// The `F_` bits ([`F_NUMBER`] …).
    pub flags: u16,
    /// Its classes: bit `class as u8` for each [`WordClass`] of the word (as [`word_in`] reads them).
    pub classes: u32,
    /// The event the word names (`data/statistics/events.tsv`).
    pub event: Option<Event>,
    /// The number word it is (`data/statistics/number_words.tsv`).
    pub number: Option<NumWord>,
}

impl WordInfo {
    /// What the lexicons know of a word they do not hold.
    pub(crate) const NONE: WordInfo = WordInfo {
        flags: 0,
        classes: 0,
        event: None,
        number: None,
    };

    /// Whether the word belongs to `class`.
    #[inline]
    pub(crate) fn is(&self, class: WordClass) -> bool {
        self.classes & 1 << class as u8 != 0
    }
}

/// [`WordInfo::NONE`], borrowed for the `'static` lifetime.
static NO_INFO: WordInfo = WordInfo::NONE;

/// The [`WordInfo`] of every single word (no space) the flags, word classes, events and number words hold.
static WORD_INFO: LazyLock<HashMap<Box<[u8]>, WordInfo>> = LazyLock::new(|| {
    fn entry<'m>(m: &'m mut HashMap<Box<[u8]>, WordInfo>, w: &[u8]) -> &'m mut WordInfo {
        m.entry(w.into()).or_insert(WordInfo::NONE)
    }
    let mut m: HashMap<Box<[u8]>, WordInfo> = HashMap::default();
    let single = |w: &[u8]| !w.contains(&b' ');
    for (&w, &bits) in FLAGS.iter().filter(|(w, _)| single(w)) {
        entry(&mut m, w).flags |= bits;
    }
    for (&w, &bits) in WORDS.iter().filter(|(w, _)| single(w.as_bytes())) {
        entry(&mut m, w.as_bytes()).classes |= bits;
        // A class spelled with capitals is looked up as written: the lower-case word only says it may be.
        if bits & 1 << WordClass::MonthCapitalised as u8 != 0 {
            entry(&mut m, w.to_ascii_lowercase().as_bytes()).flags |= F_CASED;
        }
    }
    // Scale suffixes are looked up as written; the lower-case word only says it may be one.
    let (exact, folded) = &*SUFFIXES;
    for w in exact.keys().copied().chain(folded.keys().map(String::as_str)) {
        entry(&mut m, w.to_ascii_lowercase().as_bytes()).flags |= F_SUFFIX;
    }
    for (&w, &e) in EVENTS.iter().filter(|(w, _)| single(w.as_bytes())) {
        entry(&mut m, w.as_bytes()).event = Some(e);
    }
    for (&w, &n) in NUMBER_WORDS.iter().filter(|(w, _)| single(w.as_bytes())) {
        entry(&mut m, w.as_bytes()).number = Some(n);
    }
    m
});

/// The [`WORD_INFO`] entries in an open-addressing table keyed like the document's word forms: a word of
/// up to seven bytes is its own key ([`short_key`](crate::lexicon::short_key)), so a lookup compares one
/// integer per slot and hashes no bytes; a longer word is keyed by its hash and confirmed on its bytes.
struct InfoTable {
    /// `1 << bits` slots, each 0 (empty) or an entry number + 1.
    slots: Box<[u32]>,
    /// The number of bits of a slot number.
    bits: u32,
    /// For each entry, its key, its word and what the lexicons know of it.
    entries: Box<[(u64, &'static [u8], WordInfo)]>,
    /// The shapes of the entries' words: a word outside them is known to no lexicon, which costs no
    /// key and no probe.
    shapes: Shapes,
}

/// The top bit of the key of a word longer than seven bytes (a hash).
const LONG_KEY: u64 = 1 << 63;

impl InfoTable {
    /// The key of the word `w`.
    #[inline]
    fn key(w: &[u8]) -> u64 {
        crate::lexicon::short_key(w).unwrap_or_else(|| crate::lexicon::fx_hash(w) | LONG_KEY)
    }

    /// The first slot the key `k` tries.
    #[inline]
    fn home(&self, k: u64) -> usize {
        (k.wrapping_mul(crate::lexicon::FX_K) >> (64 - self.bits)) as usize
    }

    /// A table of the `words`, at most a quarter full (a miss, the usual answer, stops at the first
    /// empty slot).
    fn new(words: &'static HashMap<Box<[u8]>, WordInfo>) -> Self {
        let bits = (words.len() * 4).max(16).next_power_of_two().trailing_zeros();
        let mut t = InfoTable {
            slots: vec![0; 1 << bits].into_boxed_slice(),
            bits,
            entries: words.iter().map(|(w, &info)| (Self::key(w), &**w, info)).collect(),
            shapes: Shapes::new(words.keys().filter_map(|w| std::str::from_utf8(w).ok())),
        };
        let mask = t.slots.len() - 1;
        for (id, &(k, _, _)) in t.entries.iter().enumerate() {
            let mut s = t.home(k);
            while t.slots[s & mask] != 0 {
                s += 1;
            }
            t.slots[s & mask] = u32::try_from(id + 1).unwrap_or(u32::MAX);
        }
        t
    }

    /// What the lexicons know of `w`, if it is an entry.
    #[inline]
    fn get(&self, w: &[u8]) -> Option<&WordInfo> {
        let k = Self::key(w);
        let mask = self.slots.len() - 1;
        let mut s = self.home(k);
        loop {
            let slot = *self.slots.get(s & mask)?;
            let (ek, ew, info) = self.entries.get(slot.checked_sub(1)? as usize)?;
            if *ek == k && (k & LONG_KEY == 0 || *ew == w) {
                return Some(info);
            }
            s += 1;
        }
    }
}

/// [`WORD_INFO`] as an [`InfoTable`].
static INFO_TABLE: LazyLock<InfoTable> = LazyLock::new(|| InfoTable::new(&WORD_INFO));

/// What the lexicons know of the single word `w` (lower case, no space), given as bytes (a slice of the
/// lower-cased text needs no UTF-8 check).
///
/// The shape test is inline, so a word outside every lexicon's shapes (a third of those looked up) costs
/// no call; the probe is out of line.
#[inline]
pub(crate) fn word_info(w: &[u8]) -> &'static WordInfo {
    // One lazy table for the shape test and the probe.
    let table = &*INFO_TABLE;
    if !table.shapes.may_hold(w) {
        return &NO_INFO;
    }
    probe_info(table, w)
}

/// The probe of [`word_info`] for a word of a lexicon's shape.
#[inline(never)]
fn probe_info(table: &'static InfoTable, w: &[u8]) -> &'static WordInfo {
    table.get(w).unwrap_or(&NO_INFO)
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

/// Each word with the bit set of its classes (bit `class as u8`).
static WORDS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, u32> = HashMap::default();
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
        *m.entry(r[0]).or_default() |= 1 << class as u8;
    }
    m
});

/// Whether the word `w` belongs to `class` (lower case, except for [`WordClass::MonthCapitalised`]).
pub(crate) fn is_word(w: &str, class: WordClass) -> bool {
    word_in(w, &[class])
}

/// Whether the word `w` belongs to any of `classes`, with one lookup.
pub(crate) fn word_in(w: &str, classes: &[WordClass]) -> bool {
    let mask = classes.iter().fold(0u32, |m, &c| m | 1 << c as u8);
    WORDS.get(w).is_some_and(|&bits| bits & mask != 0)
}

pub(crate) fn preload() {
    LazyLock::force(&NUMBER_WORDS);
    LazyLock::force(&SUFFIXES);
    LazyLock::force(&VAGUE);
    LazyLock::force(&VAGUE_FIRST);
    LazyLock::force(&VAGUE_BYTES);
    LazyLock::force(&CURRENCIES);
    LazyLock::force(&UNITS);
    LazyLock::force(&QUALIFIERS);
    LazyLock::force(&EVENTS);
    LazyLock::force(&WORDS);
    LazyLock::force(&PHRASE_STARTS);
    LazyLock::force(&TRIGGERS);
    LazyLock::force(&TRIGGER_BYTES);
    LazyLock::force(&FLAGS);
    LazyLock::force(&TRIGGER_SHAPES);
    LazyLock::force(&TRIGGER_INNER);
    LazyLock::force(&WORD_INFO);
    LazyLock::force(&INFO_TABLE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        assert_eq!(word_info(b"twenty").number.map(|w| w.value), Some(20.0));
        assert_eq!(scale_suffix("bn").map(|s| s.multiplier), Some(1e9));
        assert_eq!(scale_suffix("BN").map(|s| s.multiplier), Some(1e9));
        assert!(scale_suffix("t").is_none(), "lower-case t is a tonne");
        assert_eq!(currency("€").map(|c| c.code), Some("EUR"));
        assert_eq!(unit("km").map(|u| u.name), Some("kilometre"));
        assert_eq!(pre_qualifier("more than"), Some(Qualifier::MoreThan));
        assert_eq!(post_qualifier_key(b"or more"), Some(Qualifier::AtLeast));
        assert_eq!(word_info(b"killed").event.map(|e| e.lemma), Some("kill"));
        assert_eq!(vague("dozens"), Some((Some(24.0), Some(99.0))));
        assert_eq!(vague_key(b"tens of thousands"), vague("tens of thousands"));
        assert!(vague_key(b"tens of thousands").is_some() && vague_key(b"tens of").is_none());
        assert!(is_word("july", WordClass::Month));
        assert!(!is_word("may", WordClass::MonthCapitalised));
        assert!(is_word("May", WordClass::MonthCapitalised));
    }

    #[test]
    fn the_shape_tests_keep_every_numeral_word() {
        let words = numeral_words();
        assert!(TRIGGERS.iter().all(|w| words.contains(w.as_bytes())));
        assert!(words.contains(b"eleven") && words.contains(b"dozens") && words.contains(b"dollar"));
        assert!(!words.contains(b"elven") && !words.contains(b"minister") && !words.contains(b"first"));
    }

    #[test]
    fn word_info_gathers_what_every_lexicon_knows_of_a_word() {
        // "killed" is an event and a verb form; "people" an irregular plural; "the" a stop word.
        let killed = word_info(b"killed");
        assert_eq!(killed.event.map(|e| e.direction), Some(Direction::None));
        assert!(killed.number.is_none() && !killed.is(WordClass::Stop));
        assert!(word_info(b"people").is(WordClass::Plural));
        assert!(word_info(b"the").is(WordClass::Stop) && word_info(b"the").event.is_none());
        assert_eq!(word_info(b"rose").event.map(|e| e.direction), Some(Direction::Up));
        // A capitalised-only class is marked on the lower-case word, not given to it.
        assert!(word_info(b"may").flags & F_CASED != 0 && !word_info(b"may").is(WordClass::MonthCapitalised));
        assert!(word_info(b"june").flags & F_CASED == 0);
        assert!(word_info(b"bn").flags & F_SUFFIX != 0 && word_info(b"k").flags & F_SUFFIX != 0);
        assert!(word_info(b"people").flags & F_SUFFIX == 0);
        assert_eq!(*word_info(b"curfew"), WordInfo::NONE);
    }

    #[test]
    fn the_word_table_answers_like_the_word_map() {
        // Every entry, short ("bn", "killed") or long ("percentage", a hash key), is found as itself.
        for (w, info) in WORD_INFO.iter() {
            assert_eq!(INFO_TABLE.get(w), Some(info), "{:?}", String::from_utf8_lossy(w));
        }
        assert!(WORD_INFO.len() > 1000 && WORD_INFO.keys().any(|w| w.len() > 7));
        // Words no lexicon holds, of every length, and near misses of entries, are not found.
        for w in [
            "",
            "zq",
            "curfew",
            "minister",
            "percentages",
            "killedx",
            "kille",
            "internationally",
        ] {
            assert!(!WORD_INFO.contains_key(w.as_bytes()), "{w}");
            assert_eq!(INFO_TABLE.get(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn word_flags_say_which_phrases_a_word_can_start() {
        let has = |w: &str, f: u16| word_info(w.as_bytes()).flags & f != 0;
        // "euros" follows the amount, "usd" goes either side, "usd$" only before.
        assert!(has("euros", F_CURRENCY_POST) && !has("euros", F_CURRENCY_PRE));
        assert!(has("usd", F_CURRENCY_PRE) && has("usd", F_CURRENCY_POST));
        assert!(has("usd$", F_CURRENCY_PRE) && !has("usd$", F_CURRENCY_POST));
        assert!(has("per", F_UNIT) && has("km", F_UNIT) && !has("people", F_UNIT));
        assert!(has("more", F_PRE_QUALIFIER) && !has("than", F_PRE_QUALIFIER));
        assert!(has("or", F_POST_QUALIFIER) && !has("or", F_PRE_QUALIFIER));
        assert!(has("than", F_PRE_QUALIFIER_END) && has("about", F_PRE_QUALIFIER_END));
        assert!(!has("the", F_PRE_QUALIFIER_END) && !has("more", F_PRE_QUALIFIER_END));
        assert!(has("twenty", F_NUMBER) && !has("plenty", F_NUMBER));
        assert_eq!(
            word_info(b"the").flags & (F_CURRENCY_PRE | F_CURRENCY_POST | F_UNIT | F_POST_QUALIFIER),
            0
        );
    }
}
