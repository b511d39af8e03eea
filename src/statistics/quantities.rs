//! What surrounds a numeral: currencies, units, qualifiers, the counted noun phrase and the governing
//! event. Every function looks at a bounded number of atoms around a position.

use super::atoms::{Atom, AtomKind};
use crate::lexicon::numbers::{self as lex, Currency, Direction, Unit, WordClass};
use crate::model::Qualifier;

/// Longest phrase (in atoms) looked up in the currency, unit and qualifier lexicons.
const MAX_PHRASE: usize = 5;
/// Longest counted noun phrase, in atoms.
const MAX_NP: usize = 6;
/// How far back the governing verb is looked for, in atoms.
const CONTEXT_BACK: usize = 6;

/// The two keys of atoms `j..j+n`, built once: as written (a space where there was one) and without spaces,
/// with each atom's byte range in both strings, so the keys of any sub-window are slices of them.
fn window(a: &[Atom<'_>], j: usize, n: usize) -> (String, String, [(usize, usize, usize, usize); MAX_PHRASE]) {
    let mut spaced = String::with_capacity(48);
    let mut compact = String::with_capacity(48);
    // per atom k: (start in spaced, end in spaced, start in compact, end in compact)
    let mut pos = [(0, 0, 0, 0); MAX_PHRASE];
    for (k, at) in a[j..j + n].iter().enumerate() {
        if k > 0 && !at.glued {
            spaced.push(' ');
        }
        if k > 0 && at.hyphen_part {
            spaced.push('-');
            compact.push('-');
        }
        let (s0, c0) = (spaced.len(), compact.len());
        spaced.push_str(at.low);
        compact.push_str(at.low);
        pos[k] = (s0, spaced.len(), c0, compact.len());
    }
    (spaced, compact, pos)
}

/// The longest phrase starting at `j` that `f` recognises. Returns (value, end).
fn longest_at<T>(a: &[Atom<'_>], j: usize, f: impl Fn(&str) -> Option<T>) -> Option<(T, usize)> {
    let n = MAX_PHRASE.min(a.len().saturating_sub(j));
    if n == 0 {
        return None;
    }
    let (spaced, compact, pos) = window(a, j, n);
    for len in (1..=n).rev() {
        let (_, se, _, ce) = pos[len - 1];
        if let Some(v) = f(&spaced[..se]).or_else(|| f(&compact[..ce])) {
            return Some((v, j + len));
        }
    }
    None
}

/// The longest phrase ending just before `end` (not before `floor`) that `f` recognises. Returns (value,
/// start).
fn longest_before<T>(
    a: &[Atom<'_>],
    end: usize,
    floor: usize,
    f: impl Fn(&str) -> Option<T>,
) -> Option<(T, usize)> {
    if end > a.len() {
        return None;
    }
    let n = MAX_PHRASE.min(end.saturating_sub(floor));
    if n == 0 {
        return None;
    }
    let w = end - n;
    let (spaced, compact, pos) = window(a, w, n);
    for len in (1..=n).rev() {
        let k = n - len;
        let (ss, _, cs, _) = pos[k];
        if let Some(v) = f(&spaced[ss..]).or_else(|| f(&compact[cs..])) {
            return Some((v, w + k));
        }
    }
    None
}

/// Whether a one-letter or symbol-like surface must be glued to the number ("43c", "20p").
fn short_word(s: &str) -> bool {
    s.chars().count() == 1 && s.chars().all(char::is_alphabetic)
}

/// A currency written before the amount at `j` ("$", "US$", "EUR", "c $"). Returns (currency, end).
///
/// Construction: "Iran's budget includes US$5m for the project."
pub(crate) fn currency_before_amount(a: &[Atom<'_>], j: usize) -> Option<(Currency, usize)> {
    let (c, end) = longest_at(a, j, |k| {
        lex::currency(k).filter(|c| c.position != lex::Position::Post)
    })?;
    // A code written as a word must look like a code: "EUR 20", "usd 20", not "try 20".
    if a[j].kind == AtomKind::Word && short_word(a[j].low) && end == j + 1 {
        return None;
    }
    Some((c, end))
}

/// A currency written after the amount at `j` ("euros", "million rials", "$", "43c"). Returns (currency,
/// end).
///
/// Construction: "The fine was 500 million rials."
pub(crate) fn currency_after_amount(a: &[Atom<'_>], j: usize) -> Option<(Currency, usize)> {
    let (c, end) = longest_at(a, j, |k| {
        lex::currency(k).filter(|c| c.position != lex::Position::Pre)
    })?;
    if short_word(a[j].low) && !a[j].glued {
        return None;
    }
    // "pounds of meat" is a weight.
    if c.code == "GBP" && a[j].kind == AtomKind::Word && a.get(end).is_some_and(|x| x.is("of")) {
        return None;
    }
    Some((c, end))
}

/// A unit after the amount at `j` ("km", "per cent", "tonnes", "°C", "percentage points"). Returns (unit,
/// end).
///
/// Construction: "The convoy travelled 320 km in a day."
pub(crate) fn unit_after_amount(a: &[Atom<'_>], j: usize) -> Option<(Unit, usize)> {
    let (u, end) = longest_at(a, j, lex::unit)?;
    // A one-letter unit ("5m", "100t", "2l") is glued to the digits, or stands alone before a break
    // ("between 2.0 g and 7.0 g").
    let alone = a
        .get(end)
        .is_none_or(|x| x.kind == AtomKind::Punct || matches!(x.low, "and" | "to" | "or"));
    if u.glued_only && !a[j].glued && !alone {
        return None;
    }
    // "5 in 10", "2 m" spaced: a single-letter unit needs the digits right before it.
    Some((u, end))
}

/// A qualifier written before the number that starts at `start` ("more than", "about", "up to").
/// Returns (qualifier, start of the qualifier).
///
/// Construction: "The war has killed more than 40,400 people."
pub(crate) fn qualifier_before(
    a: &[Atom<'_>],
    start: usize,
    floor: usize,
) -> Option<(Qualifier, usize)> {
    let (q, s) = longest_before(a, start, floor, lex::pre_qualifier)?;
    // "some of the most" is no qualifier; "some" qualifies only a number right after it.
    Some((q, s))
}

/// A qualifier written after the number ("or more", "or less"). Returns (qualifier, end).
///
/// Construction: "Families of five or more were moved first."
pub(crate) fn qualifier_after(a: &[Atom<'_>], end: usize) -> Option<(Qualifier, usize)> {
    let (q, e) = longest_at(a, end, lex::post_qualifier)?;
    // "more than 40 and less than 10": "and less" opens the next number's qualifier.
    let next = a.get(e);
    if next.is_some_and(|x| {
        x.is("than") || x.kind == AtomKind::Num || lex::number_word(x.low).is_some()
    }) {
        return None;
    }
    Some((q, e))
}

fn is_stop(at: &Atom<'_>) -> bool {
    lex::is_word(at.low, WordClass::Stop)
        || lex::is_word(at.low, WordClass::Aux)
        || lex::is_word(at.low, WordClass::Month)
        || lex::is_word(at.text, WordClass::MonthCapitalised)
        || lex::is_word(at.low, WordClass::Weekday)
}

fn np_word(at: &Atom<'_>) -> bool {
    at.kind == AtomKind::Word
        && !is_stop(at)
        && !at.low.ends_with("ly")
        && at.low != "'s"
        && lex::number_word(at.low).is_none_or(|w| w.class == lex::NumClass::Denom)
        && lex::pre_qualifier(at.low).is_none()
}

fn verb_like(at: &Atom<'_>) -> bool {
    (at.low.ends_with("ed") || at.low.ends_with("ing")) && !lex::is_word(at.low, WordClass::NotVerb)
}

/// The counted noun phrase after a number at `j`: "people", "Israeli military sites", "Katyusha rockets and
/// drones"; after "of" for shares and vague counts ("two-thirds of residents", "dozens of homes"). Returns
/// the atom range.
///
/// Construction: "The group attacked 11 Israeli military sites, including one near Tel Aviv, using more
/// than 320 Katyusha rockets and drones."
pub(crate) fn counted_np(a: &[Atom<'_>], j: usize, after_of: bool) -> Option<(usize, usize)> {
    let mut k = j;
    if after_of {
        if !a.get(k).is_some_and(|x| x.is("of")) {
            return None;
        }
        k += 1;
        if a.get(k).is_some_and(|x| {
            matches!(
                x.low,
                "the" | "its" | "their" | "his" | "her" | "our" | "all"
            )
        }) {
            k += 1;
        }
    }
    let start = k;
    let mut end = k;
    while let Some(at) = a.get(k) {
        if end - start >= MAX_NP {
            break;
        }
        if at.hyphen_part && end > start {
            k += 1;
            end = k;
            continue;
        }
        if !np_word(at) || !at.glued && at.kind != AtomKind::Word {
            // "and"/"or" joining two nouns: "rockets and drones".
            if (at.is("and") || at.is("or")) && end > start {
                let next = a.get(k + 1);
                if next.is_some_and(|n| np_word(n) && !verb_like(n) && !n.glued) {
                    k += 1;
                    continue;
                }
            }
            break;
        }
        if at.glued && end > start && at.kind != AtomKind::Word {
            break;
        }
        if verb_like(at) {
            // A participle or gerund inside the phrase only as a modifier: "11 armed men", "20 housing
            // units"; "40 people killed in" stops before "killed".
            let next = a.get(k + 1);
            if !next.is_some_and(|n| np_word(n) && !verb_like(n)) {
                break;
            }
        }
        k += 1;
        end = k;
    }
    // A trailing "and" was not consumed into `end`.
    (end > start).then_some((start, end))
}

/// The event a number is about, with its lemma and change direction, and whether it is right before the
/// number (possibly with "by"): "killed" in "has killed more than 40,400 people", "were wounded" after "40
/// people", "increase" in "a 4% increase".
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    /// The word as written.
    pub word: &'a str,
    /// Its lemma.
    pub lemma: Option<&'static str>,
    /// Whether it states a rise or a fall of the number right after it.
    pub direction: Direction,
    /// Directly governs the number: "rose 5%", "fell by 3 points", "a 4% increase".
    pub adjacent: bool,
}

fn context_of<'a>(at: &Atom<'a>, adjacent: bool) -> Option<Context<'a>> {
    if at.kind != AtomKind::Word {
        return None;
    }
    if let Some(e) = lex::event(at.low) {
        return Some(Context {
            word: at.text,
            lemma: Some(e.lemma),
            direction: e.direction,
            adjacent,
        });
    }
    (verb_like(at) && at.low.len() > 4 && !at.capitalised).then_some(Context {
        word: at.text,
        lemma: None,
        direction: Direction::None,
        adjacent,
    })
}

/// The governing verb before a statistic that starts at `start`: the nearest event word or -ed/-ing verb
/// within [`CONTEXT_BACK`] atoms, not crossing punctuation or another number.
///
/// Construction: "The war in Gaza has killed more than 40,400 people."
pub(crate) fn context_before<'a>(a: &[Atom<'a>], start: usize) -> Option<Context<'a>> {
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < CONTEXT_BACK {
        k -= 1;
        steps += 1;
        let at = &a[k];
        if at.kind != AtomKind::Word || lex::number_word(at.low).is_some() {
            return None;
        }
        let adjacent = k + 1 == start || (k + 2 == start && a[k + 1].is("by"));
        // Only a change word right before the number ("up 12 per cent"); "up" further back is a particle.
        if let Some(c) = context_of(at, adjacent) {
            if matches!(at.low, "up" | "down" | "higher" | "lower") && !adjacent {
                continue;
            }
            return Some(c);
        }
    }
    None
}

/// The event after a statistic ending at `end`: "were killed" / "died" after the counted noun, or a change
/// noun right after ("a 4% increase").
///
/// Construction: "At least 40 people were killed in the strike."
pub(crate) fn context_after<'a>(a: &[Atom<'a>], end: usize) -> Option<Context<'a>> {
    let mut k = end;
    let mut steps = 0;
    while let Some(at) = a.get(k) {
        if steps >= 3 {
            break;
        }
        if lex::is_word(at.low, WordClass::Aux) || at.is("not") || at.is("reportedly") {
            k += 1;
            steps += 1;
            continue;
        }
        let adjacent = k == end;
        let c = context_of(at, adjacent)?;
        if lex::event(at.low).is_none() && steps == 0 && !at.low.ends_with("ed") {
            return None;
        }
        return Some(c);
    }
    None
}

/// A lemma for an -ed/-ing verb not in the event lexicon: "attacked" → "attack", "evacuated" →
/// "evacuate", "stopped" → "stop", "using" → "use".
pub(crate) fn lemma_of(word: &str) -> String {
    let w = word.to_lowercase();
    let stem = if let Some(s) = w.strip_suffix("ied") {
        return format!("{s}y");
    } else if let Some(s) = w.strip_suffix("ed") {
        s
    } else if let Some(s) = w.strip_suffix("ing") {
        s
    } else {
        return w;
    };
    let b = stem.as_bytes();
    let n = b.len();
    // (ASCII only: the last two bytes of a multi-byte character can be equal too)
    if n >= 2 && b[n - 1].is_ascii() && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
        return stem[..n - 1].to_string();
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // "evacuat" → "evacuate", "us" → "use", "displac" → "displace"
    let ends_e = n >= 2
        && (matches!(
            stem.get(n - 2..).unwrap_or(""),
            "at" | "iz" | "ur" | "ac" | "ag" | "us" | "uc" | "iv" | "ov" | "ar" | "id"
        ) || (n >= 3 && !vowel(b[n - 1]) && vowel(b[n - 2]) && !vowel(b[n - 3]) && n <= 3));
    if ends_e && !stem.ends_with('e') {
        return format!("{stem}e");
    }
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas() {
        assert_eq!(lemma_of("attacked"), "attack");
        assert_eq!(lemma_of("evacuated"), "evacuate");
        assert_eq!(lemma_of("stopped"), "stop");
        assert_eq!(lemma_of("displaced"), "displace");
        assert_eq!(lemma_of("carried"), "carry");
        assert_eq!(lemma_of("intercepted"), "intercept");
    }
}
