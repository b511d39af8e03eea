//! The `times` stage: temporal expressions (TIMEX3 dates, times, durations and sets), resolved against the
//! publication date.
//!
//! The scan is cheap: every distinct word form is looked up once per document in a keyed table of the
//! word list (`data/times/words.tsv`) and the few other words the rules read ([`FormFacts`]: its entry,
//! roles, marks and the rules that can read it first), and only tokens whose form is a temporal word, or
//! that carry a digit, start a parse. At such a token the grammar below is tried from up to four tokens to
//! its left (so that "the", "last", "early" or a count joins the expression), each start with only the
//! rules its form allows, and the longest expression wins. Each rule is a
//! function named after the construction it reads. Resolution ([`resolve`]) uses jiff for the calendar.

mod lexicon;
mod resolve;
#[cfg(test)]
mod tests;

use jiff::civil::Date;

use crate::model::{TimeExpr, TimeKind};
use crate::text::{Doc, TokenKind, flags};
use lexicon::{Unit, WORDS, WordInfo};
use resolve::{Val, reads_tense, resolve};

use std::sync::LazyLock;

/// One recognised expression: tokens `start..end`, its type and meaning.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    end: usize,
    kind: TimeKind,
    val: Val,
}

fn found(end: usize, kind: TimeKind, val: Val) -> Option<Found> {
    Some(Found { end, kind, val })
}

/// The words that let an ambiguous month name ("May", "March") stand alone: "in May", "since March".
const MONTH_LEFT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "through", "before", "after", "during", "early", "mid", "late",
    "last", "next", "this", "between", "and", "to", "-", "or", "that", "on", "for", "end",
];

/// Adjectives between a count and its unit: "six straight days", "the past five trading days".
const DURATION_ADJECTIVES: &[&str] = &[
    "straight",
    "consecutive",
    "trading",
    "business",
    "working",
    "full",
    "calendar",
    "successive",
];

/// Words after a four-digit number that show it counts something rather than naming a year.
const NOT_YEAR_NEXT: &[&str] = &[
    "%",
    "percent",
    "per",
    "people",
    "km",
    "kilometres",
    "miles",
    "metres",
    "feet",
    "tons",
];

/// Words before a four-digit number that show it is an amount.
const NOT_YEAR_PREV: &[&str] = &[
    "$",
    "€",
    "£",
    "¥",
    "#",
    "no",
    "about",
    "around",
    "nearly",
    "almost",
    "than",
    "some",
    "approximately",
    "number",
    "page",
    "flight",
    "route",
    "rs",
    "us$",
    "ca$",
];

struct Cx<'d, 't> {
    doc: &'d Doc<'t>,
    /// For every form, what the scan and the rules need to know of it ([`FormFacts`]).
    facts: Vec<FormFacts>,
    n: usize,
}

/// What a word form can do, worked out once per document (per form, not per token).
#[derive(Clone, Copy)]
struct FormFacts {
    /// Its entry in the word list ([`NONE`] when it has none).
    info: &'static WordInfo,
    /// The rules that can read it as their first token (bit `k` for `ALL_RULES[k]`).
    rules: u32,
    /// What a token of it can do in an expression ([`TRIGGER`], [`START`]).
    role: u8,
    /// Cheap marks the rules test on neighbouring tokens ([`MARK_MONTH`], [`MARK_ADJECTIVE`] …).
    marks: u8,
}

/// A form that makes the scan look for an expression around it: a temporal word, a number, a word with a
/// digit or a hyphen.
const TRIGGER: u8 = 1;
/// A form an expression can start with: a word of the list, "the", a number, a word with a digit or a
/// hyphen. Every rule reads its first token as one of these, so the scan tries no other start.
const START: u8 = 2;

/// A month name or abbreviation ("August", "Aug"), which [`day_month`] needs after its day.
const MARK_MONTH: u8 = 1;
/// One of [`DURATION_ADJECTIVES`] ("straight", "trading").
const MARK_ADJECTIVE: u8 = 2;
/// "the", the first word of [`vague_reference`], [`term`] and [`the_day`].
const MARK_THE: u8 = 4;
/// A word that [`expression`] reads before a core expression ("the", "early", "about", "more", "up" …).
const MARK_LEAD: u8 = 8;
/// A calendar unit ("year", "weeks"), which [`counted_unit`] needs after its count.
const MARK_UNIT: u8 = 16;
/// "century", which [`century`] needs after its number.
const MARK_CENTURY: u8 = 32;
/// One of [`NOT_YEAR_PREV`] ("$", "about"): a four-digit number after it is an amount.
const MARK_NOT_YEAR_PREV: u8 = 64;
/// One of [`NOT_YEAR_NEXT`] ("%", "people"): a four-digit number before it is an amount.
const MARK_NOT_YEAR_NEXT: u8 = 128;

/// Words outside the word list that an expression can start with ("the past", "more than a year", "up to
/// two weeks", "later this month", "in recent years", "the '90s").
const OTHER_STARTS: &[&str] = &[
    "the", "more", "less", "fewer", "at", "up", "later", "recent", "future", "'", "’",
];

/// One known word ([`KnownWords`]).
#[derive(Clone, Copy)]
struct KnownWord {
    /// Its first eight bytes ([`prefix`]).
    prefix: u64,
    text: &'static str,
    /// Whether the scan knows it (a word of the list or of [`OTHER_STARTS`] …), not only one of the marks.
    scanned: bool,
    /// Its word-list entry, for a listed word.
    info: Option<&'static WordInfo>,
    /// Its marks ([`MARK_MONTH`] …).
    marks: u8,
    /// Its facts as a plain word (no digit, no hyphen): its entry, its roles, its marks and the rules that
    /// can read it first ([`first_token_rules`]).
    facts: FormFacts,
}

/// The words of the list, the other words the scan must know ([`OTHER_STARTS`] and the few words read by
/// their text) and the words of the marks: an open-addressing table keyed by a word's length and first
/// eight bytes ([`prefix`]), kept at most an eighth full, so that a form that is none of them (most forms)
/// is turned away with one multiplication and one empty slot, and a known word is confirmed with two
/// integer comparisons (and a comparison of its text when it is longer than eight bytes).
struct KnownWords {
    /// `1 << bits` slots: 0 (empty) or an entry number + 1.
    slots: Box<[u16]>,
    /// `64 - bits`: the shift that keeps the top `bits` bits of a hash.
    shift: u32,
    entries: Vec<KnownWord>,
}

/// The first eight bytes of `b` (fewer, zero-padded, when it is shorter) as a little-endian integer.
#[inline]
fn prefix(b: &[u8]) -> u64 {
    b.iter().take(8).rev().fold(0, |p, &c| p << 8 | u64::from(c))
}

/// The known words are all shorter than this (checked by a test): a longer form is none of them.
const KNOWN_MAX_LEN: usize = 16;

/// For a word of `n` bytes (`n` below [`KNOWN_MAX_LEN`]), the mask that keeps its bytes of an eight-byte
/// load ([`prefix`]).
const PREFIX_MASK: [u64; KNOWN_MAX_LEN] = {
    let mut m = [u64::MAX; KNOWN_MAX_LEN];
    let mut n = 0;
    while n < 8 {
        m[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    m
};

/// The words [`expression`] reads before a core expression that are not in the word list.
const LEAD_WORDS: &[&str] = &["the", "earlier", "later", "more", "less", "fewer", "at", "up"];

impl KnownWords {
    fn new() -> KnownWords {
        let extra = OTHER_STARTS.iter().chain(&["past", "future", "earlier", "term"]);
        let mut entries: Vec<KnownWord> = Vec::new();
        let scanned = WORDS.keys().chain(extra).map(|&w| (w, true));
        let marked = DURATION_ADJECTIVES
            .iter()
            .chain(LEAD_WORDS)
            .chain(NOT_YEAR_PREV)
            .chain(NOT_YEAR_NEXT);
        for (w, scanned) in scanned.chain(marked.chain(&["century"]).map(|&w| (w, false))) {
            if entries.iter().any(|e| e.text == w) {
                continue;
            }
            let b = w.as_bytes();
            let listed = !b.is_empty() && b.len() <= 10 && (b[0].is_ascii_lowercase() || b[0] == b'\'');
            let info = if listed { WORDS.get(w) } else { None };
            let trigger = info.is_some_and(WordInfo::is_trigger) || matches!(w, "past" | "future" | "term");
            let start = info.is_some_and(WordInfo::can_start) || OTHER_STARTS.contains(&w) || w == "earlier";
            let plain_word = start && !info.is_some_and(WordInfo::can_start);
            let count_word = info.is_some_and(WordInfo::only_count);
            let role = (u8::from(trigger) * TRIGGER)
                | (u8::from(start) * START)
                | (u8::from(plain_word) * PLAIN_WORD)
                | (u8::from(count_word) * COUNT_WORD);
            let i = info.unwrap_or(&NONE);
            let marks = (u8::from(i.month != 0 || i.month_abbr != 0) * MARK_MONTH)
                | (u8::from(DURATION_ADJECTIVES.contains(&w)) * MARK_ADJECTIVE)
                | (u8::from(w == "the") * MARK_THE)
                | (u8::from(LEAD_WORDS.contains(&w) || i.modifier.is_some() || i.approx) * MARK_LEAD)
                | (u8::from(i.unit.is_some()) * MARK_UNIT)
                | (u8::from(w == "century") * MARK_CENTURY)
                | (u8::from(NOT_YEAR_PREV.contains(&w)) * MARK_NOT_YEAR_PREV)
                | (u8::from(NOT_YEAR_NEXT.contains(&w)) * MARK_NOT_YEAR_NEXT);
            let info = info.filter(|_| scanned);
            let role = if scanned { role } else { 0 };
            let rules = if scanned && start {
                first_token_rules(w, i, false, role)
            } else {
                0
            };
            entries.push(KnownWord {
                prefix: prefix(b),
                text: w,
                scanned,
                info,
                marks,
                facts: FormFacts {
                    info: info.unwrap_or(&NONE),
                    rules,
                    role,
                    marks,
                },
            });
        }
        let bits = (entries.len() * 8).max(64).next_power_of_two().trailing_zeros();
        let mut t = KnownWords {
            slots: vec![0u16; 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
            entries,
        };
        let mask = t.slots.len() - 1;
        for id in 0..t.entries.len() {
            let e = &t.entries[id];
            let mut s = t.home(e.prefix, e.text.len());
            while t.slots[s & mask] != 0 {
                s += 1;
            }
            t.slots[s & mask] = u16::try_from(id + 1).unwrap_or(u16::MAX);
        }
        t
    }

    /// The first slot to probe for a word of `len` bytes starting with the bytes `prefix`.
    #[inline]
    fn home(&self, prefix: u64, len: usize) -> usize {
        ((prefix ^ len as u64).wrapping_mul(crate::lexicon::FX_K) >> self.shift) as usize
    }

    /// The entry of the word `b`, whose first eight bytes are `prefix` ([`prefix`]), probed from the slot
    /// `s` (its [`KnownWords::home`]).
    #[inline(never)]
    fn probe_from(&self, b: &[u8], prefix: u64, mut s: usize) -> Option<&KnownWord> {
        let len = b.len();
        let mask = self.slots.len() - 1;
        loop {
            let slot = usize::from(*self.slots.get(s & mask)?);
            let e = self.entries.get(slot.checked_sub(1)?)?;
            // eight bytes or fewer: the prefix is the word; longer, confirmed on the text
            if e.prefix == prefix && e.text.len() == len && (len <= 8 || e.text.as_bytes() == b) {
                return Some(e);
            }
            s += 1;
        }
    }

    /// The facts as a plain word of the token `start..end` of the lower-cased text `lower`: its entry's
    /// ([`KnownWord::facts`]) or [`UNKNOWN`]. This is the look-up of every form of a document, so the usual
    /// case is short: its prefix read with one eight-byte load (the bytes past a shorter word masked off),
    /// one multiplication, one empty slot.
    #[inline(always)]
    fn facts_at(&self, lower: &[u8], start: usize, end: usize) -> &FormFacts {
        let n = end.wrapping_sub(start);
        if let (Some(chunk), Some(&keep)) = (
            lower.get(start..).and_then(<[u8]>::first_chunk::<8>),
            PREFIX_MASK.get(n),
        ) {
            let p = u64::from_le_bytes(*chunk) & keep;
            let s = self.home(p, n);
            if self.slots.get(s & (self.slots.len() - 1)) == Some(&0) {
                return &UNKNOWN;
            }
            // a slot taken: the probe goes on from it
            let entry = lower.get(start..end).and_then(|b| self.probe_from(b, p, s));
            return entry.map_or(&UNKNOWN, |e| &e.facts);
        }
        // near the end of the text, or longer than any known word
        let entry = lower.get(start..end).and_then(|b| self.get_bytes(b));
        entry.map_or(&UNKNOWN, |e| &e.facts)
    }

    /// [`KnownWords::facts_at`] of a form of up to seven bytes, by its
    /// [`short_key`](crate::lexicon::short_key) (its bytes as an integer, its length in the top byte: the
    /// [`prefix`] and length of the table): no byte of the text is read.
    #[inline(always)]
    fn facts_by_short_key(&self, key: u64, lower: &[u8], start: usize, end: usize) -> &FormFacts {
        let (p, n) = (key & ((1 << 56) - 1), (key >> 56) as usize);
        let s = self.home(p, n);
        if self.slots.get(s & (self.slots.len() - 1)) == Some(&0) {
            return &UNKNOWN;
        }
        let entry = lower.get(start..end).and_then(|b| self.probe_from(b, p, s));
        entry.map_or(&UNKNOWN, |e| &e.facts)
    }

    /// The entry of the word `b`, if it is a known word.
    fn get_bytes(&self, b: &[u8]) -> Option<&KnownWord> {
        if b.is_empty() || b.len() >= KNOWN_MAX_LEN {
            return None;
        }
        let p = prefix(b);
        self.probe_from(b, p, self.home(p, b.len()))
    }

    /// The entry of `w`, if it is a known word.
    fn get(&self, w: &str) -> Option<&KnownWord> {
        self.get_bytes(w.as_bytes())
    }

    /// Whether the scan knows `w` (not only as a mark).
    fn scans(&self, w: &str) -> bool {
        self.get(w).is_some_and(|e| e.scanned)
    }
}

static KNOWN: LazyLock<KnownWords> = LazyLock::new(KnownWords::new);

/// Loads the word list and its table now.
pub(crate) fn preload() {
    LazyLock::force(&KNOWN);
}

/// A start that is a plain number ("26", "2009", "3"), not a word of the list: only the rules that read a
/// number first apply.
const PLAIN_NUMBER: u8 = 4;
/// A start that is only a count word ("two", "a", "several"): only [`counted_unit`] reads it first.
const COUNT_WORD: u8 = 16;
/// A start outside the word list with no digit or hyphen ("the", "recent", "'"): only [`year`] ("the '90s")
/// and [`vague_duration`] ("recent years") read such a first token.
const PLAIN_WORD: u8 = 8;

static NONE: WordInfo = WordInfo {
    month: 0,
    month_abbr: 0,
    weekday: 0,
    weekday_plural: 0,
    season: None,
    unit: None,
    plural: false,
    number: None,
    ordinal: 0,
    relative: None,
    deictic: None,
    attributive: false,
    term_head: false,
    determiner: false,
    part_of_day: None,
    set_adverb: None,
    modifier: None,
    approx: false,
    clock: None,
    meridiem: None,
    zone: false,
    set_word: false,
    ago: false,
    fiscal: false,
    tense: 0,
};

/// The facts of a form that is not a known word and has no digit or time-like hyphen (most forms).
const UNKNOWN: FormFacts = FormFacts {
    info: &NONE,
    rules: 0,
    role: 0,
    marks: 0,
};

impl<'d, 't> Cx<'d, 't> {
    fn new(doc: &'d Doc<'t>) -> Self {
        let known = &*KNOWN;
        let lower = doc.lower.as_bytes();
        let tokens = &doc.tokens[..];
        // one pass over the forms; the usual one (a plain word, listed or, most often, not) costs a table probe
        let facts = doc
            .forms
            .first
            .iter()
            .enumerate()
            .map(|(f, &t)| match tokens.get(t as usize) {
                Some(tok)
                    if tok.flags & (flags::HAS_DIGIT | flags::HYPHENATED) == 0
                        && !matches!(tok.kind, TokenKind::Number) =>
                {
                    match doc.forms.short_key(f) {
                        Some(key) => *known.facts_by_short_key(key, lower, tok.start, tok.end),
                        None => *known.facts_at(lower, tok.start, tok.end),
                    }
                }
                Some(_) => numeric_facts(doc, t as usize, known),
                None => UNKNOWN,
            })
            .collect();
        Cx {
            doc,
            facts,
            n: doc.tokens.len(),
        }
    }

    /// The facts of token `i`'s form ([`UNKNOWN`] past the end).
    fn facts(&self, i: usize) -> &FormFacts {
        if i < self.n {
            &self.facts[self.doc.form(i)]
        } else {
            &UNKNOWN
        }
    }

    fn low(&self, i: usize) -> &str {
        if i < self.n { self.doc.low(i) } else { "" }
    }

    fn w(&self, i: usize) -> &'static WordInfo {
        self.facts(i).info
    }

    /// Whether token `i` has the mark `mark` ([`MARK_MONTH`] …).
    fn marked(&self, i: usize, mark: u8) -> bool {
        self.facts(i).marks & mark != 0
    }

    fn has(&self, i: usize, flag: u16) -> bool {
        i < self.n && self.doc.tokens[i].has(flag)
    }

    fn caps(&self, i: usize) -> bool {
        self.has(i, flags::CAPITALISED)
    }

    /// Whether tokens `i` and `j` are in the same sentence.
    fn same(&self, i: usize, j: usize) -> bool {
        i < self.n && j < self.n && self.doc.tokens[i].sentence == self.doc.tokens[j].sentence
    }

    /// Whether token `j` directly follows token `j - 1` (no white space).
    fn glued(&self, j: usize) -> bool {
        j < self.n && !self.has(j, flags::SPACE_BEFORE)
    }

    /// A whole number written in up to six digits.
    fn int(&self, i: usize) -> Option<u32> {
        if i >= self.n || self.doc.tokens[i].kind != TokenKind::Number {
            return None;
        }
        digits(self.low(i))
    }

    /// A four-digit year at `i`.
    fn year_at(&self, i: usize) -> Option<i64> {
        let t = self.low(i);
        if t.len() != 4 {
            return None;
        }
        self.int(i).map(i64::from).filter(|y| (1000..=2200).contains(y))
    }

    /// Whether the token is a weekday, capitalised.
    fn weekday(&self, i: usize) -> u8 {
        if self.caps(i) { self.w(i).weekday } else { 0 }
    }

    /// The month at `i` (a capitalised name, or an abbreviation followed by "." or a number) and the
    /// index after it.
    fn month(&self, i: usize) -> Option<(u8, usize)> {
        if !self.caps(i) {
            return None;
        }
        let w = self.w(i);
        if w.month != 0 {
            return Some((w.month, i + 1));
        }
        if w.month_abbr != 0 {
            if self.low(i + 1) == "." && self.glued(i + 1) {
                return Some((w.month_abbr, i + 2));
            }
            if self.int(i + 1).is_some() {
                return Some((w.month_abbr, i + 1));
            }
        }
        None
    }
}

/// The value of a run of ASCII digits (at most six: a longer number is never a date part).
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A day of the month written "26", "26th", "1st" at `i`, and the index after it ("2nd" may be two
/// tokens, "2" and "nd").
fn day_end(cx: &Cx, i: usize) -> Option<(u8, usize)> {
    let d = day_at(cx, i)?;
    let glued_suffix = cx.int(i).is_some() && cx.glued(i + 1) && matches!(cx.low(i + 1), "st" | "nd" | "rd" | "th");
    Some((d, if glued_suffix { i + 2 } else { i + 1 }))
}

/// A day of the month written "26", "26th", "1st" at `i`.
fn day_at(cx: &Cx, i: usize) -> Option<u8> {
    let t = cx.low(i);
    let d = cx.int(i).or_else(|| {
        let stem = t.strip_suffix("st").or_else(|| t.strip_suffix("nd"));
        let stem = stem.or_else(|| t.strip_suffix("rd")).or_else(|| t.strip_suffix("th"))?;
        if stem.len() <= 2 { digits(stem) } else { None }
    })?;
    if t.len() <= 4 && (1..=31).contains(&d) {
        Some(d as u8)
    } else {
        None
    }
}

/// A count before a unit: digits ("3", "2.5"), number words ("three", "twenty-five", "two and a half"),
/// "a"/"an", or a vague count ("several", "a few": `None`). Returns the count and the index after it.
fn count(cx: &Cx, i: usize) -> Option<(Option<f64>, usize)> {
    let t = cx.low(i);
    if i < cx.n && cx.doc.tokens[i].kind == TokenKind::Number {
        if t.len() > 9 {
            return None;
        }
        let v: f64 = if t.contains(',') {
            t.replace(',', "").parse().ok()?
        } else {
            t.parse().ok()?
        };
        return Some((Some(v), i + 1));
    }
    if t == "a" && cx.w(i + 1).number == Some(None) {
        return Some((None, i + 2)); // "a few"
    }
    if t == "a" && cx.low(i + 1) == "couple" && cx.low(i + 2) == "of" {
        return Some((Some(2.0), i + 3));
    }
    if let Some((a, b)) = t.split_once('-') {
        let (x, y) = (cx_number(a)?, cx_number(b)?);
        return Some((Some(f64::from(x + y)), i + 1));
    }
    let v = cx.w(i).number?;
    let mut end = i + 1;
    let mut v = v.map(f64::from);
    // "two and a half years"
    if let Some(x) = v
        && cx.low(end) == "and"
        && cx.low(end + 1) == "a"
        && cx.low(end + 2) == "half"
    {
        v = Some(x + 0.5);
        end += 3;
    }
    Some((v, end))
}

fn cx_number(s: &str) -> Option<u32> {
    digits(s).or_else(|| WORDS.get(s).and_then(|w| w.number.flatten()))
}

/// Writes a duration value: `P3Y`, `PT3H`, `P2.5Y`, `PXY` (a vague count).
fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (time, code, factor) = match unit {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Weekend => (false, "WE", 1.0),
        Unit::Fortnight => (false, "W", 2.0),
        Unit::Month => (false, "M", 1.0),
        Unit::Quarter => (false, "Q", 1.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
    };
    let t = if time { "T" } else { "" };
    match n {
        Some(v) => {
            let v = v * factor;
            if v.fract() == 0.0 && v.abs() < 1e9 {
                format!("P{t}{}{code}", v as i64)
            } else {
                format!("P{t}{v}{code}")
            }
        }
        None => format!("P{t}X{code}"),
    }
}

/// "three years", "a decade", "several months", "two and a half years" (a duration), "three years ago"
/// (a date), "15 a year" (a set, after a number).
fn counted_unit(cx: &Cx, i: usize) -> Option<Found> {
    if i < cx.n && cx.doc.tokens[i].kind == TokenKind::Number {
        // a number counts a unit only when a hyphen, an adjective or the unit follows it (the test
        // below, made before the number is read)
        let j = i + 1;
        if !(cx.low(j) == "-" || cx.marked(j, MARK_ADJECTIVE) || cx.w(j).unit.is_some()) {
            return None;
        }
    }
    // the unit is at most five tokens on ("two and a half straight years")
    if !(1..=5).any(|k| cx.marked(i + k, MARK_UNIT)) {
        return None;
    }
    let (n, mut j) = count(cx, i)?;
    if matches!(cx.low(j), "-") && cx.glued(j) && cx.glued(j + 1) && !cx.w(j + 1).plural {
        // "a 27-year contract"
        let unit = cx.w(j + 1).unit?;
        return found(j + 2, TimeKind::Duration, Val::Literal(duration_value(n, unit)));
    }
    let adjective = cx.marked(j, MARK_ADJECTIVE);
    if adjective {
        j += 1; // "six straight days", "five trading days"
    }
    let w = cx.w(j);
    let unit = w.unit?;
    // "75 hours of video": a quantity of something; but "two consecutive quarters of growth" is a time
    if cx.low(j + 1) == "of" && !matches!(cx.low(j + 2), "time" | "age") && unit != Unit::Year && !adjective {
        return None;
    }
    // "a second time", "a quarter of the votes", "three quarters of"
    if (unit == Unit::Second && cx.low(i) == "a") || (unit == Unit::Quarter && cx.low(j + 1) == "of" && !adjective) {
        return None;
    }
    if a_quarter_as_a_fraction(cx, i, unit) {
        return None;
    }
    if cx.w(j + 1).ago {
        return found(j + 2, TimeKind::Date, Val::Ago(unit, n, -1));
    }
    let a = cx.low(i);
    if (a == "a" || a == "an") && !w.plural && i > 0 {
        // "$15 a year", "twice a day": a rate is a set
        let p = cx.low(i - 1);
        if cx.doc.tokens[i - 1].kind == TokenKind::Number || matches!(p, "once" | "twice" | "times" | "%") {
            return found(j + 1, TimeKind::Set, Val::Literal(duration_value(Some(1.0), unit)));
        }
    }
    found(j + 1, TimeKind::Duration, Val::Literal(duration_value(n, unit)))
}

/// Whether "a quarter" at `i` is a fraction ("it will cut 789, or about a quarter, of its dealers"): a
/// quarter of a year is counted that way only after a word that introduces a length of time ("for a
/// quarter", "in a quarter", "more than a quarter").
fn a_quarter_as_a_fraction(cx: &Cx, i: usize, unit: Unit) -> bool {
    if unit != Unit::Quarter || !matches!(cx.low(i), "a" | "an") {
        return false;
    }
    let mut k = i;
    while k > 0 && cx.w(k - 1).approx {
        k -= 1; // "about a quarter"
    }
    let prev = if k > 0 { cx.low(k - 1) } else { "" };
    !matches!(prev, "for" | "in" | "within" | "than" | "over" | "after" | "during")
}

/// "five-year", "41-year", "24-hour", "single-day": a hyphenated duration adjective ("a five-year plan").
fn hyphenated_duration(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.low(i);
    let (a, b) = t.split_once('-')?;
    if b == "long"
        && let Some(w) = WORDS.get(a).filter(|w| w.plural)
    {
        // "decades-long", "years-long"
        return found(i + 1, TimeKind::Duration, Val::Literal(duration_value(None, w.unit?)));
    }
    let unit = WORDS.get(b).and_then(|w| w.unit)?;
    if b.ends_with('s') || b.contains('-') {
        return None;
    }
    let n = if a == "single" { Some(1) } else { cx_number(a) };
    let n = n.or_else(|| {
        let (x, y) = a.split_once('-')?;
        Some(cx_number(x)? + cx_number(y)?)
    })?;
    found(
        i + 1,
        TimeKind::Duration,
        Val::Literal(duration_value(Some(f64::from(n)), unit)),
    )
}

/// "for years", "in recent years", "for decades", "within hours", "the highest in years": a plural unit
/// alone is a vague duration (`PXY`); "in minutes of the meeting" is not.
fn vague_duration(cx: &Cx, i: usize) -> Option<Found> {
    let recent = cx.low(i) == "recent";
    let j = if recent { i + 1 } else { i };
    let w = cx.w(j);
    let unit = w.unit?;
    let introduced = i > 0 && matches!(cx.low(i - 1), "for" | "in" | "within" | "over");
    if !w.plural || !recent && (!introduced || cx.low(j + 1) == "of") {
        return None;
    }
    found(j + 1, TimeKind::Duration, Val::Literal(duration_value(None, unit)))
}

/// "Aug. 26, 2024", "August 26", "March 2024", "March of 2009", "in March": a month with or without a
/// day and a year.
fn month_date(cx: &Cx, i: usize) -> Option<Found> {
    let (m, j) = cx.month(i)?;
    if let Some((d, e)) = day_end(cx, j) {
        let mut k = e;
        if cx.low(k) == "," {
            k += 1;
        }
        if let Some(y) = cx.year_at(k) {
            return found(k + 1, TimeKind::Date, Val::Day { y: Some(y), m, d });
        }
        return found(e, TimeKind::Date, Val::Day { y: None, m, d });
    }
    if let Some(y) = cx.year_at(j) {
        return found(j + 1, TimeKind::Date, Val::Month { y: Some(y), m });
    }
    if cx.low(j) == "of"
        && let Some(y) = cx.year_at(j + 1)
    {
        return found(j + 2, TimeKind::Date, Val::Month { y: Some(y), m });
    }
    // "October of next year", "March of this year"
    if cx.low(j) == "of"
        && let Some(rel) = cx.w(j + 1).relative
        && cx.low(j + 2) == "year"
    {
        return found(j + 3, TimeKind::Date, Val::Literal(format!("REL{rel}:M{m}")));
    }
    if cx.w(i).month == 0 {
        return None; // an abbreviation needs a day or a year
    }
    // a month name alone: "May" and "March" are also a verb and a noun, so they need a preposition or
    // a position word before them; any month at a sentence start followed by a capitalised word is a name
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    let left = i > 0 && cx.same(i - 1, i) && MONTH_LEFT.contains(&prev);
    if matches!(m, 3 | 5) && !left {
        return None;
    }
    if cx.caps(j) && cx.same(i, j) && cx.doc.tokens[j].kind == TokenKind::Word && cx.month(j).is_none() {
        return None; // "March Madness", "May Day"
    }
    found(j, TimeKind::Date, Val::Month { y: None, m })
}

/// "26 August 2024", "26th August": a day before its month.
fn day_month(cx: &Cx, i: usize) -> Option<Found> {
    // the month is one of the next three tokens ("26 August", "26th August", "26th of August")
    if !(1..=3).any(|k| cx.marked(i + k, MARK_MONTH)) {
        return None;
    }
    let (d, e) = day_end(cx, i)?;
    let (m, j) = cx.month(if cx.low(e) == "of" && cx.low(i.wrapping_sub(1)) == "the" {
        e + 1
    } else {
        e
    })?;
    if let Some(y) = cx.year_at(j) {
        return found(j + 1, TimeKind::Date, Val::Day { y: Some(y), m, d });
    }
    found(j, TimeKind::Date, Val::Day { y: None, m, d })
}

/// "Monday", "Monday, Aug. 26", "Thursday night", "Mondays" (a set): a weekday, placed by the tense of
/// its clause. "Sunday Times" (a name) is not one.
fn weekday_date(cx: &Cx, i: usize) -> Option<Found> {
    let plural = if cx.caps(i) { cx.w(i).weekday_plural } else { 0 };
    if plural != 0 {
        return found(i + 1, TimeKind::Set, Val::Literal(format!("XXXX-WXX-{plural}")));
    }
    let wd = cx.weekday(i);
    if wd == 0 {
        return None;
    }
    let j = i + 1;
    if cx.low(j) == ","
        && cx.same(i, j + 1)
        && let Some(f) = month_date(cx, j + 1)
        && matches!(f.val, Val::Day { .. })
    {
        return Some(f);
    }
    if let Some(f) = month_date(cx, j).filter(|f| matches!(f.val, Val::Day { .. }) && cx.same(i, j)) {
        return Some(f);
    }
    if let Some(code) = cx.w(j).part_of_day
        && cx.same(i, j)
    {
        let on = Box::new(Val::Weekday(wd, 0));
        return found(j + 1, TimeKind::Time, Val::PartOfDay { code, on });
    }
    if cx.caps(j) && cx.same(i, j) && cx.doc.tokens[j].kind == TokenKind::Word && !cx.has(j, flags::SENT_START) {
        return None; // "Sunday Times", "Black Monday Rally"
    }
    found(j, TimeKind::Date, Val::Weekday(wd, 0))
}

/// "today", "yesterday morning", "tonight", "now", "recently": words that point at the publication date.
fn deictic(cx: &Cx, i: usize) -> Option<Found> {
    let code = cx.w(i).deictic?;
    if cx.w(i).attributive && !attributive_at(cx, i) {
        return None;
    }
    let day = match code {
        "D0" => 0,
        "D1" => 1,
        "D-1" => -1,
        "NI0" => {
            let on = Box::new(Val::DayOffset(0));
            return found(i + 1, TimeKind::Time, Val::PartOfDay { code: "NI", on });
        }
        r => {
            let r = match r {
                "PRESENT_REF" => "PRESENT_REF",
                "PAST_REF" => "PAST_REF",
                _ => "FUTURE_REF",
            };
            // "now" after "from"/"until" and the like is still the present; "right now" too
            return found(i + 1, TimeKind::Date, Val::Ref(r));
        }
    };
    if let Some(code) = cx.w(i + 1).part_of_day {
        let on = Box::new(Val::DayOffset(day));
        return found(i + 2, TimeKind::Time, Val::PartOfDay { code, on });
    }
    found(i + 1, TimeKind::Date, Val::DayOffset(day))
}

/// Whether the deictic adjective at `i` modifies a noun after a determiner, possessive or preposition,
/// or at the start of a sentence, where it places the noun in time: "the current weakened state", "a
/// recent poll", "Recent data show";
/// not "the ocean current" (a noun), nor a fixed term ("the current account deficit", "current assets").
fn attributive_at(cx: &Cx, i: usize) -> bool {
    let before = cx.has(i, flags::SENT_START) || i > 0 && cx.same(i - 1, i) && cx.w(i - 1).determiner;
    let next = i + 1;
    before && cx.same(i, next) && cx.doc.tokens[next].kind == TokenKind::Word && !cx.caps(next) && !cx.w(next).term_head
}

/// "last week", "next month", "this year", "the past three years" (a duration), "last September",
/// "next Monday", "this summer", "this morning", "last night", "the previous day".
fn relative(cx: &Cx, i: usize) -> Option<Found> {
    let w = cx.w(i);
    let rel = w.relative?;
    let j = i + 1;
    let r64 = i64::from(rel);
    if let Some((n, k)) = count(cx, j).filter(|_| cx.low(j) != "a")
        && let k = if cx.marked(k, MARK_ADJECTIVE) { k + 1 } else { k }
        && let Some(unit) = cx.w(k).unit
        && cx.w(k).plural
    {
        return found(k + 1, TimeKind::Duration, Val::Literal(duration_value(n, unit)));
    }
    let n = cx.w(j);
    if let Some(unit) = n.unit.filter(|_| !n.plural) {
        if unit == Unit::Day && rel == 0 {
            return None; // "this day"
        }
        if cx.w(j + 1).fiscal || (cx.low(j) == "fiscal" && cx.low(j + 1) == "year") {
            return None;
        }
        // "the past year", "the next month", "the coming week": a length of time reaching the date
        if i > 0 && cx.low(i - 1) == "the" && matches!(cx.low(i), "past" | "next" | "coming") {
            return found(j + 1, TimeKind::Duration, Val::Literal(duration_value(Some(1.0), unit)));
        }
        return found(j + 1, TimeKind::Date, Val::Rel(unit, r64));
    }
    if (n.fiscal) && cx.low(j + 1) == "year" {
        return found(j + 2, TimeKind::Date, Val::Fiscal(None));
    }
    if let Some((m, k)) = cx.month(j)
        && cx.w(j).month != 0
    {
        return found(k, TimeKind::Date, Val::MonthRel(m, rel));
    }
    let wd = cx.weekday(j);
    if wd != 0 {
        return found(j + 1, TimeKind::Date, Val::Weekday(wd, rel));
    }
    if let Some(s) = n.season {
        return found(j + 1, TimeKind::Date, Val::SeasonRel(s, rel));
    }
    if let Some(code) = n.part_of_day
        && cx.low(i) != "past"
    {
        // "this morning", "last night"
        let day = if rel < 0 && code == "NI" { -1 } else { 0 };
        if rel > 0 {
            return None;
        }
        let on = Box::new(Val::DayOffset(day));
        return found(j + 1, TimeKind::Time, Val::PartOfDay { code, on });
    }
    None
}

/// "the first quarter of 2009", "the fourth quarter", "Q1 2024", "first-quarter", "the first half":
/// quarters and halves of a year.
fn quarter(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.low(i);
    let (q, unit, j): (u8, &str, usize) = if let Some(d) = t.strip_prefix('q').and_then(digits) {
        (u8::try_from(d).ok()?, "quarter", i + 1)
    } else if let Some((a, b)) = t.split_once('-') {
        (WORDS.get(a)?.ordinal, b, i + 1)
    } else {
        (cx.w(i).ordinal, cx.low(i + 1), i + 2)
    };
    let half = match unit {
        "quarter" => false,
        "half" => true,
        _ => return None,
    };
    let q = if q == 255 { if half { 2 } else { 4 } } else { q };
    if q == 0 || q > if half { 2 } else { 4 } {
        return None;
    }
    let mut end = j;
    let mut y = cx.year_at(j);
    if y.is_some() {
        end = j + 1;
    } else if cx.low(j) == "of" {
        if let Some(v) = cx.year_at(j + 1) {
            y = Some(v);
            end = j + 2;
        } else if cx.w(j + 1).relative.is_some() && cx.low(j + 2) == "year" {
            // "the third quarter of this year", "of last year": resolved below against the date
            let rel = cx.w(j + 1).relative.unwrap_or(0);
            let v = if half {
                Val::Half { y: None, h: q }
            } else {
                Val::Quarter { y: None, q }
            };
            return found(
                j + 3,
                TimeKind::Date,
                Val::Literal(format!("REL{rel}:{}", quarter_code(&v))),
            );
        }
    }
    let val = if half {
        Val::Half { y, h: q }
    } else {
        Val::Quarter { y, q }
    };
    found(end, TimeKind::Date, val)
}

fn quarter_code(v: &Val) -> String {
    match v {
        Val::Half { h, .. } => format!("H{h}"),
        Val::Quarter { q, .. } => format!("Q{q}"),
        _ => String::new(),
    }
}

/// "fiscal 2007", "fiscal year 2007", "FY2007", "FY 2007", "the 2007 fiscal year": fiscal years.
fn fiscal(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.low(i);
    if let Some(d) = t.strip_prefix("fy").and_then(digits) {
        return found(i + 1, TimeKind::Date, Val::Fiscal(Some(full_year(t.len() - 2, d))));
    }
    if cx.w(i + 1).fiscal
        && cx.low(i + 2) == "year"
        && let Some(y) = cx.year_at(i)
    {
        return found(i + 3, TimeKind::Date, Val::Fiscal(Some(y)));
    }
    if !cx.w(i).fiscal {
        return None;
    }
    let j = if cx.low(i + 1) == "year" { i + 2 } else { i + 1 };
    if let Some(y) = cx.year_at(j) {
        return found(j + 1, TimeKind::Date, Val::Fiscal(Some(y)));
    }
    None
}

fn full_year(len: usize, d: u32) -> i64 {
    let d = i64::from(d);
    if len == 2 {
        if d > 50 { 1900 + d } else { 2000 + d }
    } else {
        d
    }
}

/// "2024", "the 1990s", "the '90s", "mid-2024": years and decades.
fn year(cx: &Cx, i: usize) -> Option<Found> {
    if cx.low(i) == "'" || cx.low(i) == "’" {
        // "the '90s"
        let d = cx.int(i + 1).filter(|_| cx.low(i + 1).len() == 2 && cx.glued(i + 1))?;
        if cx.low(i + 2) == "s" && cx.glued(i + 2) && d % 10 == 0 {
            let y = full_year(2, d);
            return found(i + 3, TimeKind::Date, Val::Decade(y / 10));
        }
        // "since '82"
        if i > 0 && matches!(cx.low(i - 1), "since" | "in" | "of" | "from" | "until") {
            return found(i + 2, TimeKind::Date, Val::Year(full_year(2, d)));
        }
        return None;
    }
    // "the 70s"
    if cx.low(i).len() == 2
        && cx.low(i + 1) == "s"
        && let Some(d) = cx.int(i).filter(|d| d % 10 == 0)
        && cx.glued(i + 1)
        && i > 0
        && matches!(cx.low(i - 1), "the" | "and" | "early" | "late" | "mid")
    {
        return found(i + 2, TimeKind::Date, Val::Decade(full_year(2, d) / 10));
    }
    let y = cx.year_at(i)?;
    if cx.low(i + 1) == "s" && cx.glued(i + 1) {
        if y % 10 == 0 {
            return found(i + 2, TimeKind::Date, Val::Decade(y / 10));
        }
        return None;
    }
    // "2,000 people" is not four digits; "2000 people", "$2000", "about 2000" are amounts
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    if (i > 0 && cx.marked(i - 1, MARK_NOT_YEAR_PREV)) || cx.marked(i + 1, MARK_NOT_YEAR_NEXT) {
        return None;
    }
    // "Russell 2000 Index", "Windows 2000": a number inside a name
    if i > 0
        && cx.caps(i - 1)
        && !cx.has(i - 1, flags::SENT_START)
        && cx.doc.tokens[i - 1].kind == TokenKind::Word
        && cx.month(i - 1).is_none()
        && cx.w(i - 1).season.is_none()
    {
        return None;
    }
    if i + 1 < cx.n && cx.doc.tokens[i + 1].kind == TokenKind::Number && cx.glued(i + 1) {
        return None; // "2024.5", phone numbers
    }
    if counts_a_plural(cx, i, prev) {
        return None;
    }
    if !(1900..=2100).contains(&y)
        && !matches!(
            prev,
            "in" | "since" | "of" | "from" | "by" | "until" | "before" | "after" | "year"
        )
    {
        return None;
    }
    found(i + 1, TimeKind::Date, Val::Year(y))
}

/// Whether the four-digit number at `i` counts the plural noun after it ("the company hired 2000 workers"),
/// rather than naming a year ("in 2009 prices fell", "the 2020 elections" keep theirs: a preposition or
/// "the" comes first).
fn counts_a_plural(cx: &Cx, i: usize, prev: &str) -> bool {
    let next = cx.low(i + 1);
    let plural = i + 1 < cx.n
        && cx.doc.tokens[i + 1].kind == TokenKind::Word
        && !cx.caps(i + 1)
        && next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss");
    plural
        && !matches!(
            prev,
            "in" | "since" | "of" | "from" | "by" | "until" | "before" | "after" | "during" | "the" | "and" | ","
        )
}

/// "7/8/07", "7/8/2007": a month/day/year date written with slashes (the US order of the news this reads).
fn slashed(cx: &Cx, i: usize) -> Option<Found> {
    if cx.low(i + 1) != "/" {
        return None;
    }
    let m = cx.int(i).filter(|m| (1..=12).contains(m) && cx.low(i).len() <= 2)?;
    if cx.low(i + 1) != "/" || cx.low(i + 3) != "/" || !cx.glued(i + 1) || !cx.glued(i + 3) {
        return None;
    }
    let d = cx
        .int(i + 2)
        .filter(|d| (1..=31).contains(d) && cx.low(i + 2).len() <= 2)?;
    let ylen = cx.low(i + 4).len();
    let y = cx.int(i + 4).filter(|_| ylen == 2 || ylen == 4)?;
    let y = if ylen == 2 { 2000 + i64::from(y) } else { i64::from(y) };
    found(
        i + 5,
        TimeKind::Date,
        Val::Day {
            y: Some(y),
            m: m as u8,
            d: d as u8,
        },
    )
}

/// "mid-2024", "mid-March", "early-1990s": a position prefix glued to a year or month.
fn prefixed(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.low(i);
    let (a, b) = t.split_once('-')?;
    WORDS.get(a)?.modifier?;
    if let Some(y) = digits(b).filter(|_| b.len() == 4).map(i64::from) {
        if cx.low(i + 1) == "s" && cx.glued(i + 1) && y % 10 == 0 {
            return found(i + 2, TimeKind::Date, Val::Decade(y / 10));
        }
        return found(i + 1, TimeKind::Date, Val::Year(y));
    }
    let m = WORDS.get(b)?.month;
    if m == 0 {
        return None;
    }
    if let Some(y) = cx.year_at(i + 1) {
        return found(i + 2, TimeKind::Date, Val::Month { y: Some(y), m });
    }
    found(i + 1, TimeKind::Date, Val::Month { y: None, m })
}

/// "3:30 p.m.", "3 p.m.", "15:00 GMT", "0800 UTC", "noon": clock times (on the publication date).
fn clock(cx: &Cx, i: usize) -> Option<Found> {
    if let Some(c) = cx.w(i).clock {
        let h = if c.starts_with("24") { 24 } else { 12 };
        return found(
            i + 1,
            TimeKind::Time,
            Val::Clock {
                h,
                m: 0,
                z: false,
                on: None,
            },
        );
    }
    // a number is a time only before ":", a time zone or "a.m."/"p.m."
    let next = cx.w(i + 1);
    if next.meridiem.is_none() && !next.zone && cx.low(i + 1) != ":" {
        return None;
    }
    let h = cx.int(i)?;
    let ht = cx.low(i);
    let (mut h, mut m, mut j) = (h, 0, i + 1);
    if cx.low(j) == ":" && cx.glued(j) && cx.low(j + 1).len() == 2 {
        m = cx.int(j + 1)?;
        j += 2;
    } else if ht.len() == 4 && cx.w(j).zone {
        m = h % 100;
        h /= 100;
    } else if cx.w(j).meridiem.is_none() {
        return None;
    }
    if let Some(mer) = cx.w(j).meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        if mer == "PM" && h < 12 {
            h += 12;
        } else if mer == "AM" && h == 12 {
            h = 0;
        }
        j += 1;
    }
    if h > 24 || m > 59 {
        return None;
    }
    let z = cx.w(j).zone;
    if z {
        j += 1;
    }
    // "16:00 UTC today", "12:00 UTC Monday"
    let on = match cx.w(j).deictic {
        Some("D0") => Some(Val::DayOffset(0)),
        Some("D1") => Some(Val::DayOffset(1)),
        Some("D-1") => Some(Val::DayOffset(-1)),
        _ if cx.weekday(j) != 0 => Some(Val::Weekday(cx.weekday(j), 0)),
        _ => None,
    };
    if on.is_some() {
        j += 1;
    }
    let on = on.map(Box::new);
    found(
        j,
        TimeKind::Time,
        Val::Clock {
            h: h as u8,
            m: m as u8,
            z,
            on,
        },
    )
}

/// "the 19th century", "the 99999th century" (no value): centuries.
fn century(cx: &Cx, i: usize) -> Option<Found> {
    // "19th" is two tokens, the number and its glued ordinal suffix
    let suffix = i + 1 < cx.n
        && cx.doc.tokens[i].kind == TokenKind::Number
        && cx.glued(i + 1)
        && matches!(cx.low(i + 1), "st" | "nd" | "rd" | "th");
    let word = i + 1 + usize::from(suffix);
    if !cx.marked(word, MARK_CENTURY) {
        return None;
    }
    let t = cx.low(i);
    let stem = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let c = if stem.is_empty() {
        let o = cx.w(i).ordinal;
        if o == 0 || o == 255 {
            return None;
        }
        i64::from(o)
    } else {
        // "the mid-14th century": the number after a prefix; one past the calendar's year 9999 ("the
        // 99999th century") is no date at all, and one that cannot be read is a century with no value
        match digits(stem.rsplit('-').next().unwrap_or(stem)) {
            Some(c) if (1..=100).contains(&c) => i64::from(c),
            Some(_) => return None,
            None => i64::MAX / 2,
        }
    };
    found(word + 1, TimeKind::Date, Val::Century(c - 1))
}

/// "spring 2024", "the summer of 2024", "in the spring": seasons.
fn season(cx: &Cx, i: usize) -> Option<Found> {
    let s = cx.w(i).season?;
    // "fall" is also a verb and a noun: only after "the"/"in"/"this" or before a year
    if let Some(y) = cx.year_at(i + 1) {
        return found(i + 2, TimeKind::Date, Val::Season { y: Some(y), s });
    }
    if cx.low(i + 1) == "of"
        && let Some(y) = cx.year_at(i + 2)
    {
        return found(i + 3, TimeKind::Date, Val::Season { y: Some(y), s });
    }
    let prev = if i > 0 { cx.low(i - 1) } else { "" };
    if s == "FA" && prev == "the" && cx.low(i + 1) == "of" {
        return None;
    }
    if prev != "the" && prev != "in" && prev != "this" && !season_alone(cx, i) {
        return None;
    }
    found(i + 1, TimeKind::Date, Val::Season { y: None, s })
}

/// Whether a season name with no "the"/"in"/"this" before it is still the season ("spring shows signs
/// of hope", "sales slowed over summer"): any season word but "fall" (also a verb and a noun), when it is
/// not part of a name ("Arab Spring", "Summer Olympics").
fn season_alone(cx: &Cx, i: usize) -> bool {
    let name_before = i > 0 && cx.caps(i - 1) && !cx.has(i - 1, flags::SENT_START) && cx.same(i - 1, i);
    let name_after = cx.caps(i + 1) && cx.same(i, i + 1) && cx.doc.tokens[i + 1].kind == TokenKind::Word;
    cx.low(i) != "fall" && !name_before && !name_after
}

/// "in the long term", "over the near term", "for the short term": the future (`FUTURE_REF`).
fn term(cx: &Cx, i: usize) -> Option<Found> {
    let introduced = i > 0 && matches!(cx.low(i - 1), "in" | "for" | "over");
    if introduced && cx.low(i) == "the" && matches!(cx.low(i + 1), "long" | "near" | "short") && cx.low(i + 2) == "term"
    {
        return found(i + 3, TimeKind::Date, Val::Ref("FUTURE_REF"));
    }
    None
}

/// "stocks closed the day 2% lower", "for the day, the index fell": the trading day of the report.
fn the_day(cx: &Cx, i: usize) -> Option<Found> {
    let before = if i > 0 { cx.low(i - 1) } else { "" };
    let closes = matches!(
        before,
        "for" | "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "close" | "closed" | "closing"
    );
    (closes && cx.low(i) == "the" && cx.low(i + 1) == "day" && cx.low(i + 2) != "of").then(|| Found {
        end: i + 2,
        kind: TimeKind::Date,
        val: Val::DayOffset(0),
    })
}

/// "every Monday", "each year", "every two weeks", "weekly", "annually": sets.
fn set(cx: &Cx, i: usize) -> Option<Found> {
    if let Some(v) = cx.w(i).set_adverb {
        return found(i + 1, TimeKind::Set, Val::Literal(v.to_string()));
    }
    if !cx.w(i).set_word || cx.low(i) == "per" && i == 0 {
        return None;
    }
    let j = i + 1;
    let wd = cx.weekday(j);
    if wd != 0 {
        return found(j + 1, TimeKind::Set, Val::Literal(format!("XXXX-WXX-{wd}")));
    }
    if let Some(unit) = cx.w(j).unit.filter(|_| !cx.w(j).plural) {
        return found(j + 1, TimeKind::Set, Val::Literal(duration_value(Some(1.0), unit)));
    }
    if let Some((n, k)) = count(cx, j)
        && let Some(unit) = cx.w(k).unit
    {
        return found(k + 1, TimeKind::Set, Val::Literal(duration_value(n, unit)));
    }
    None
}

/// "the past", "the future", "in the past": vague references.
fn vague_reference(cx: &Cx, i: usize) -> Option<Found> {
    if cx.low(i) != "the" {
        return None;
    }
    let r = match cx.low(i + 1) {
        "past" => "PAST_REF",
        "future" => "FUTURE_REF",
        _ => return None,
    };
    // "the past three years", "the past five trading days" and "the past week" are read by `relative`
    let unit_at = |k: usize| {
        let k = if cx.marked(k, MARK_ADJECTIVE) { k + 1 } else { k };
        cx.w(k).unit.is_some()
    };
    if unit_at(i + 2) || count(cx, i + 2).is_some_and(|(_, k)| unit_at(k)) {
        return None;
    }
    found(i + 2, TimeKind::Date, Val::Ref(r))
}

/// The core expressions, without a leading "the" or modifier; the longest match wins.
fn core(cx: &Cx, i: usize) -> Option<Found> {
    // the rules that can read this first token, in the order of `ALL_RULES`
    let mut rules = cx.facts(i).rules;
    let mut best: Option<Found> = None;
    while rules != 0 {
        let k = rules.trailing_zeros() as usize;
        rules &= rules - 1;
        if let Some(f) = ALL_RULES[k](cx, i)
            && f.end > i
            && best.as_ref().is_none_or(|b| f.end > b.end)
        {
            best = Some(f);
        }
    }
    best
}

/// A rule: the expression it reads from a token, if any.
type Rule = fn(&Cx, usize) -> Option<Found>;

/// Every rule, in the order that breaks ties between matches of the same length.
const ALL_RULES: [Rule; 17] = [
    month_date,
    slashed,
    day_month,
    weekday_date,
    deictic,
    relative,
    quarter,
    fiscal,
    clock,
    century,
    counted_unit,
    hyphenated_duration,
    year,
    prefixed,
    season,
    set,
    vague_duration,
];

/// An expression starting at token `i`: the core, with what may come before it ("the", "early",
/// "the end of", "earlier", "about" before a duration).
fn expression(cx: &Cx, i: usize) -> Option<Found> {
    if !cx.marked(i, MARK_LEAD) {
        // no word that comes before a core expression: only the core can start here
        return core(cx, i);
    }
    // the rules that read "the" first
    if cx.marked(i, MARK_THE)
        && let Some(f) = vague_reference(cx, i)
            .or_else(|| term(cx, i))
            .or_else(|| the_day(cx, i))
    {
        return Some(f);
    }
    let t = cx.low(i);
    let w = cx.w(i);
    // "the end of 2009", "the beginning of the year", "the middle of March"
    if t == "the" && cx.w(i + 1).modifier.is_some() && cx.low(i + 2) == "of" {
        let mut k = i + 3;
        if cx.low(k) == "the" {
            k += 1;
        }
        return inner_date(cx, k).or_else(|| {
            // "the end of the year": the current one
            let u = cx.w(k).unit.filter(|_| !cx.w(k).plural && cx.low(k - 1) == "the")?;
            found(k + 1, TimeKind::Date, Val::Rel(u, 0))
        });
    }
    if t == "the" {
        // "the 1990s", "the first quarter", "the past three years"; but "the 2008 Olympics", "the Monday
        // meeting" leave "the" out
        return core(cx, i + 1).filter(|f| {
            !matches!(
                f.val,
                Val::Year(_)
                    | Val::Day { .. }
                    | Val::Month { .. }
                    | Val::Weekday(_, 0)
                    | Val::Ref(_)
                    | Val::DayOffset(_)
            ) && !matches!(f.val, Val::Clock { .. })
        });
    }
    // "early 2009", "late March", "mid 1990s", "earlier this year", "later this month"
    if w.modifier.is_some() && !matches!(t, "end" | "start" | "beginning" | "middle")
        || matches!(t, "earlier" | "later")
    {
        return inner_date(cx, i + 1);
    }
    // "about three years", "more than a decade", "nearly two weeks"
    let d = if w.approx {
        Some(i + 1)
    } else if matches!(
        (t, cx.low(i + 1)),
        ("more" | "less" | "fewer", "than") | ("at", "least") | ("up", "to")
    ) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(k) = d {
        return core(cx, k).filter(|f| f.kind == TimeKind::Duration);
    }
    core(cx, i)
}

/// A date after a position word ("early 2009", "the end of last year"); "the" may come first.
fn inner_date(cx: &Cx, i: usize) -> Option<Found> {
    let k = if cx.low(i) == "the" { i + 1 } else { i };
    let f = core(cx, k)?;
    if f.kind == TimeKind::Date && !matches!(f.val, Val::Ref(_)) || matches!(f.val, Val::DayOffset(0)) {
        Some(f)
    } else {
        None
    }
}

/// Whether token `i` has one of the `roles` ([`TRIGGER`], [`START`]): one look-up in the per-form table.
fn role(cx: &Cx, i: usize, role: u8) -> bool {
    cx.facts[cx.doc.form(i)].role & role != 0
}

/// The tense of the clause around token `i`: the nearest tense marker within ten tokens of the same
/// sentence ("said", "was", a verb in -ed: past; "will", "next", "expected": future); 0 when none.
fn tense(cx: &Cx, start: usize, end: usize) -> i8 {
    let sent = cx.doc.tokens[start].sentence;
    let lower = cx.doc.lower.as_bytes();
    let marker = |k: usize| -> i8 {
        let tense = cx.facts[cx.doc.form(k)].info.tense;
        if tense != 0 {
            return tense;
        }
        // a lower-case word of five bytes or more in "-ed"
        let tok = &cx.doc.tokens[k];
        let ed = tok.end - tok.start >= 5 && lower.get(tok.end - 2..tok.end) == Some(b"ed");
        if ed && tok.kind == TokenKind::Word && !tok.has(flags::CAPITALISED) {
            return -1;
        }
        0
    };
    for d in 1..=10 {
        if let Some(k) = start.checked_sub(d)
            && cx.doc.tokens[k].sentence == sent
        {
            let b = marker(k);
            if b != 0 {
                return b;
            }
        }
        let after = end - 1 + d;
        if after < cx.n && cx.doc.tokens[after].sentence == sent {
            let a = marker(after);
            if a != 0 {
                return a;
            }
        }
    }
    0
}

/// Finds and resolves the temporal expressions of `doc` against the publication date `published`.
pub(crate) fn extract(doc: &Doc, published: Option<&str>) -> Vec<TimeExpr> {
    let published = published.and_then(|p| p.parse::<Date>().ok());
    let cx = Cx::new(doc);
    let mut out = Vec::new();
    let mut next_free = 0;
    let mut tried = 0;
    let mut i = 0;
    let of = &doc.forms.of[..cx.n.min(doc.forms.of.len())];
    while i < cx.n {
        // the next trigger: one pass over the tokens' form numbers
        let Some(skip) = of.get(i..).and_then(|rest| {
            rest.iter()
                .position(|&f| cx.facts.get(f as usize).is_some_and(|f| f.role & TRIGGER != 0))
        }) else {
            break;
        };
        i += skip;
        // try from up to three tokens to the left (in the same sentence, after the last expression)
        let mut hit = None;
        // a start tried for an earlier trigger failed then and would fail again (its expression does
        // not depend on the trigger), so each token is tried at most once
        let from = i.saturating_sub(4).max(next_free).max(tried);
        tried = i + 1;
        for s in from..=i {
            if !role(&cx, s, START) || !cx.same(s, i) {
                continue;
            }
            if let Some(f) = expression(&cx, s)
                && f.end > i
                && f.end <= cx.n
            {
                hit = Some((s, f));
                break;
            }
        }
        let Some((s, f)) = hit else {
            i += 1;
            continue;
        };
        // the tense of the clause, only for a value that reads it (a weekday, a month without a year …)
        let t = if reads_tense(&f.val) { tense(&cx, s, f.end) } else { 0 };
        let r = match &f.val {
            Val::Literal(v) if v.starts_with("REL") => relative_part(v, published),
            v => resolve(v, published, t),
        };
        let fmt = calendar_day;
        out.push(TimeExpr {
            span: doc.span_of(s..f.end),
            kind: f.kind,
            value: r.value.unwrap_or_else(|| underspecified(&f.val, f.kind)),
            first: r.first.map(fmt),
            last: r.last.map(fmt),
        });
        next_free = f.end;
        i = f.end;
    }
    out
}

/// A calendar day written `YYYY-MM-DD` (as `format!("{:04}-{:02}-{:02}")` writes it, without its
/// formatting machinery for the usual four-digit year).
fn calendar_day(d: Date) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        return format!("{y:04}-{m:02}-{day:02}");
    }
    let digit = |v: i64| char::from(b'0' + (v % 10) as u8);
    let (y, m, day) = (i64::from(y), i64::from(m), i64::from(day));
    let mut s = String::with_capacity(10);
    s.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)]);
    s.push('-');
    s.extend([digit(m / 10), digit(m)]);
    s.push('-');
    s.extend([digit(day / 10), digit(day)]);
    s
}

/// The facts of the form of token `t`, a number, a word with a digit or a hyphenated word: a number, a word
/// with a digit and a hyphenated time word ([`hyphen_may_be_time`]) trigger and start; another hyphenated
/// word has its facts as a plain word.
#[inline(never)]
fn numeric_facts(doc: &Doc, t: usize, known: &KnownWords) -> FormFacts {
    let tok = &doc.tokens[t];
    let w = doc.low(t);
    let number = matches!(tok.kind, TokenKind::Number);
    let numeric = number || tok.has(flags::HAS_DIGIT);
    let entry = known.get(w);
    let triggers = numeric || matches!(tok.kind, TokenKind::Word) && hyphen_may_be_time(w, known);
    if !triggers {
        return entry.map_or(UNKNOWN, |e| e.facts);
    }
    let info = entry.and_then(|e| e.info);
    let plain_number = number && info.is_none() && !w.contains('-');
    let role = TRIGGER | START | (u8::from(plain_number) * PLAIN_NUMBER);
    let info = info.unwrap_or(&NONE);
    FormFacts {
        info,
        rules: first_token_rules(w, info, number, role),
        role,
        marks: entry.map_or(0, |e| e.marks),
    }
}

/// Whether a hyphenated word can read as (part of) a time: one of its parts holds a digit or is a word of
/// the list ("five-year", "mid-2009", "decades-long", "long-term"). Most hyphenated words in news are none
/// of these ("well-known", "so-called"), and no rule need be tried from them.
fn hyphen_may_be_time(w: &str, known: &KnownWords) -> bool {
    known.scans(w)
        || w.split('-')
            .any(|p| p.bytes().any(|b| b.is_ascii_digit()) || known.scans(p))
}

/// The rules a plain number can start (bits of [`ALL_RULES`]): slashed, day_month, fiscal, clock,
/// century, counted_unit, year.
const PLAIN_NUMBER_RULES: u32 = 1 << 1 | 1 << 2 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 12;

/// The rules ([`ALL_RULES`], bit `k` for rule `k`) that can read a token of the form `w` (its word-list
/// entry `info`, a number token or not, its `role`) as their first token: each rule's first test, worked
/// out once per form, so that `core` calls only these. A plain number, a count word and a plain word
/// keep only the rules that read such a token first.
fn first_token_rules(w: &str, info: &WordInfo, number: bool, role: u8) -> u32 {
    let digit = w.bytes().any(|b| b.is_ascii_digit());
    if role & PLAIN_NUMBER != 0 && number && std::ptr::eq(info, &NONE) {
        // a plain number (the usual start): every rule a number can start, `day_month` with a digit
        return PLAIN_NUMBER_RULES & !(u32::from(!digit) << 2);
    }
    let hyphen = w.contains('-');
    let can = [
        info.month != 0 || info.month_abbr != 0,               // month_date
        number,                                                // slashed
        digit,                                                 // day_month
        info.weekday != 0 || info.weekday_plural != 0,         // weekday_date
        info.deictic.is_some(),                                // deictic
        info.relative.is_some(),                               // relative
        w.starts_with('q') || hyphen || info.ordinal != 0,     // quarter
        w.starts_with("fy") || number || info.fiscal,          // fiscal
        info.clock.is_some() || number,                        // clock
        true,                                                  // century (reads the next token)
        number || w == "a" || hyphen || info.number.is_some(), // counted_unit
        hyphen,                                                // hyphenated_duration
        number || w == "'" || w == "’",                        // year
        hyphen,                                                // prefixed
        info.season.is_some(),                                 // season
        info.set_adverb.is_some() || info.set_word,            // set
        w == "recent" || info.unit.is_some(),                  // vague_duration
    ];
    // the positions in `ALL_RULES` of the rules that read a plain number, a plain word, a count first
    let bits = |ks: &[u32]| ks.iter().fold(0u32, |m, &k| m | 1 << k);
    let allowed = if role & PLAIN_NUMBER != 0 {
        PLAIN_NUMBER_RULES
    } else if role & PLAIN_WORD != 0 {
        bits(&[12, 16]) // year, vague_duration
    } else if role & COUNT_WORD != 0 {
        bits(&[10]) // counted_unit
    } else {
        u32::MAX
    };
    let possible = can.iter().enumerate().fold(0u32, |m, (k, &c)| m | (u32::from(c) << k));
    possible & allowed
}

/// The TIMEX3 value of an expression that cannot be resolved (no publication date for "last year", a year
/// outside the calendar): the granularity it names with the unknown digits as `X` ("XXXX-WXX", "XXXX").
fn underspecified(val: &Val, kind: TimeKind) -> String {
    let unit = |u: Unit| match u {
        Unit::Year => "XXXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
    };
    match val {
        Val::Rel(u, _) | Val::Ago(u, _, _) => unit(*u).to_string(),
        Val::MonthRel(m, _) => format!("XXXX-{m:02}"),
        Val::SeasonRel(s, _) => format!("XXXX-{s}"),
        Val::Fiscal(_) => "FYXXXX".to_string(),
        Val::Year(_) => "XXXX".to_string(),
        Val::Decade(_) => "XXX".to_string(),
        Val::Century(_) => "XX".to_string(),
        _ => match kind {
            TimeKind::Time => "XXXX-XX-XXTXX:XX".to_string(),
            TimeKind::Duration => "PXY".to_string(),
            TimeKind::Set => "XXXX".to_string(),
            _ => "XXXX-XX-XX".to_string(),
        },
    }
}

/// "the third quarter of this year" (`REL0:Q3`), "the first half of last year" (`REL-1:H1`).
fn relative_part(code: &str, published: Option<Date>) -> resolve::Resolved {
    let Some((rel, part)) = code.strip_prefix("REL").and_then(|c| c.split_once(':')) else {
        return resolve::Resolved::default();
    };
    let (Ok(rel), Some(now)) = (rel.parse::<i64>(), published) else {
        return resolve::Resolved::default();
    };
    let y = Some(i64::from(now.year()) + rel);
    let n: u8 = part.get(1..).and_then(|p| p.parse().ok()).unwrap_or(1);
    let v = match part.as_bytes().first() {
        Some(b'H') => Val::Half { y, h: n },
        Some(b'M') => Val::Month { y, m: n },
        _ => Val::Quarter { y, q: n },
    };
    resolve(&v, published, 0)
}

/// Links each statistic to the nearest temporal expression in its clause: the same sentence, with no `;`
/// between them ("In 2023, exports rose 5%"). Only the nearest expression on each side is considered,
/// and the semicolons are found by binary search, so the pass is linear. Sets are never a statistic's time.
pub(crate) fn link_statistics(doc: &Doc, times: &[TimeExpr], stats: &mut [crate::model::Statistic]) {
    if times.is_empty() || stats.is_empty() {
        return;
    }
    // a `char` pattern is searched with memchr
    let semis: Vec<usize> = doc.text.match_indices(';').map(|(k, _)| k).collect();
    let semi_between = |a: usize, b: usize| semis.partition_point(|&k| k < a) < semis.partition_point(|&k| k < b);
    // the end of every sentence, worked out once for the binary searches
    let ends: Vec<usize> = doc.sentences.iter().map(|s| doc.sentence_span(s).end).collect();
    let sentence_of = |at: usize| ends.partition_point(|&end| end <= at);
    let dated: Vec<usize> = (0..times.len()).filter(|&k| times[k].kind != TimeKind::Set).collect();
    for st in stats.iter_mut() {
        let s = sentence_of(st.span.start);
        let p = dated.partition_point(|&k| times[k].span.start < st.span.start);
        let mut best: Option<(usize, usize)> = None;
        for k in [p.checked_sub(1).map(|q| dated[q]), dated.get(p).copied()]
            .into_iter()
            .flatten()
        {
            let t = &times[k];
            if t.span.overlaps(st.span) || sentence_of(t.span.start) != s {
                continue;
            }
            let (a, b) = if t.span.end <= st.span.start {
                (t.span.end, st.span.start)
            } else {
                (st.span.end, t.span.start)
            };
            if a <= b && !semi_between(a, b) && best.is_none_or(|(d, _)| b - a < d) {
                best = Some((b - a, k));
            }
        }
        st.time = best.map(|(_, k)| k);
    }
}

/// A byte span for tests.
#[cfg(test)]
fn span_text(text: &str, s: crate::model::Span) -> &str {
    &text[s.range()]
}
