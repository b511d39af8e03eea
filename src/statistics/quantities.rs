//! What surrounds a numeral: currencies, units, qualifiers, the counted noun phrase and the governing
//! event. Every function looks at a bounded number of atoms around a position.

use super::atoms::{Atom, AtomKind};
use crate::lexicon::numbers::{self as lex, Currency, Direction, Unit, WordClass};
use crate::model::Qualifier;

/// Longest phrase (in atoms) looked up in the currency, unit and qualifier lexicons.
pub(crate) const MAX_PHRASE: usize = 5;
/// Longest counted noun phrase, in atoms.
const MAX_NP: usize = 6;
/// How far back the governing verb is looked for, in atoms.
const CONTEXT_BACK: usize = 6;

/// Longest key built for a phrase lookup, in bytes; no lexicon phrase is longer (a test checks it).
const MAX_KEY: usize = 32;

/// The lookup keys of atoms `j..j+n` for every `n` that can still start a lexicon phrase, built in fixed
/// buffers (no allocation): as written (a space where there was one) and without spaces.
struct Keys {
    spaced: [u8; MAX_KEY],
    compact: [u8; MAX_KEY],
    /// Byte length of each prefix (spaced, compact) and whether each form can still start a phrase.
    ends: [(u8, u8, bool, bool); MAX_PHRASE],
    /// How many prefixes are usable.
    n: usize,
}

impl Keys {
    fn spaced(&self, k: usize) -> Option<&[u8]> {
        let (se, _, ok, _) = self.ends[k];
        ok.then(|| &self.spaced[..usize::from(se)])
    }
    fn compact(&self, k: usize) -> Option<&[u8]> {
        let (_, ce, _, ok) = self.ends[k];
        ok.then(|| &self.compact[..usize::from(ce)])
    }
    /// Tries the spaced key of prefix `k`, then the compact one when it differs (atoms with no space
    /// between them make one key).
    fn find<T>(&self, k: usize, f: &impl Fn(&[u8]) -> Option<T>) -> Option<T> {
        let (se, ce, _, _) = self.ends[k];
        let spaced = self.spaced(k);
        if let Some(v) = spaced.and_then(f) {
            return Some(v);
        }
        // The compact key holds the spaced one's bytes less its spaces: of the same length, it is the same.
        if spaced.is_some() && se == ce {
            return None;
        }
        self.compact(k).and_then(f)
    }
}

fn push(buf: &mut [u8; MAX_KEY], len: &mut usize, s: &str) -> bool {
    let e = *len + s.len();
    if e > MAX_KEY {
        return false;
    }
    buf[*len..e].copy_from_slice(s.as_bytes());
    *len = e;
    true
}

/// Builds the keys of atoms `j..j+n` for `n` up to `max`, stopping at the first prefix that starts no
/// currency, unit or qualifier phrase (so most atoms cost one lookup).
fn prefixes(a: &[Atom<'_>], j: usize, max: usize) -> Keys {
    let mut keys = Keys {
        spaced: [0; MAX_KEY],
        compact: [0; MAX_KEY],
        ends: [(0, 0, false, false); MAX_PHRASE],
        n: 0,
    };
    let (mut sl, mut cl) = (0, 0);
    let (mut s_ok, mut c_ok) = (true, true);
    for (k, at) in a.iter().skip(j).take(max.min(MAX_PHRASE)).enumerate() {
        let mut fits = true;
        if k > 0 && !at.glued {
            fits &= push(&mut keys.spaced, &mut sl, " ");
        }
        if k > 0 && at.hyphen_part {
            fits &= push(&mut keys.spaced, &mut sl, "-") && push(&mut keys.compact, &mut cl, "-");
        }
        fits &= push(&mut keys.spaced, &mut sl, at.low) && push(&mut keys.compact, &mut cl, at.low);
        if !fits {
            break;
        }
        let starts = lex::phrase_start;
        if k == 0 {
            // The atom's own flags say whether it starts a phrase.
            s_ok = at.lex() & lex::F_PHRASE != 0;
            c_ok = s_ok;
        } else {
            s_ok = s_ok && starts(&keys.spaced[..sl]);
            // Without a space so far, the compact key is the spaced one.
            c_ok = if cl == sl {
                s_ok
            } else {
                c_ok && starts(&keys.compact[..cl])
            };
        }
        if !s_ok && !c_ok {
            break;
        }
        // Both lengths are at most MAX_KEY, which fits a byte.
        keys.ends[k] = (sl as u8, cl as u8, s_ok, c_ok);
        keys.n = k + 1;
    }
    keys
}

/// The longest phrase starting at `j` that `f` recognises. Returns (value, end). `start` is the
/// [`lex::WordFlags`] bit of the words that start a phrase `f` may recognise.
fn longest_at<T>(a: &[Atom<'_>], j: usize, start: u16, f: impl Fn(&[u8]) -> Option<T>) -> Option<(T, usize)> {
    // An atom that starts no such phrase (the common case) needs no keys: every key starts with it.
    if a.get(j)?.lex() & start == 0 {
        return None;
    }
    let keys = prefixes(a, j, MAX_PHRASE);
    (0..keys.n).rev().find_map(|n| keys.find(n, &f).map(|v| (v, j + n + 1)))
}

/// The longest phrase ending just before `end` (not before `floor`) that `f` recognises. Returns (value,
/// start). `start` is as in [`longest_at`]; `last` is the bit of the words that end such a phrase.
fn longest_before<T>(
    a: &[Atom<'_>],
    end: usize,
    (start, last): (u16, u16),
    floor: usize,
    f: impl Fn(&[u8]) -> Option<T>,
) -> Option<(T, usize)> {
    // Every key ends with the last atom's text: after an atom that ends no such phrase (the common
    // case), no key is built.
    if end == 0 || a.get(end - 1).is_none_or(|x| x.lex() & last == 0) {
        return None;
    }
    for len in (1..=MAX_PHRASE).rev() {
        if len > end || end - len < floor {
            continue;
        }
        let j = end - len;
        if a[j].lex() & start == 0 {
            continue;
        }
        let keys = prefixes(a, j, len);
        if keys.n == len
            && let Some(v) = keys.find(len - 1, &f)
        {
            return Some((v, j));
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
    let (c, end) = longest_at(a, j, lex::F_CURRENCY_PRE, |k| {
        lex::currency_key(k).filter(|c| c.position != lex::Position::Post)
    })?;
    // A code written as a word must look like a code: "EUR 20", "usd 20", not "try 20".
    // A one-letter code glued to its digits is one: "R200" (rand).
    if a[j].kind == AtomKind::Word
        && short_word(a[j].low)
        && end == j + 1
        && !a
            .get(end)
            .is_some_and(|n| n.glued && n.kind == AtomKind::Num && n.tok == a[j].tok)
    {
        return None;
    }
    Some((c, end))
}

/// A currency written after the amount at `j` ("euros", "million rials", "$", "43c"). Returns (currency,
/// end).
///
/// Construction: "The fine was 500 million rials."
pub(crate) fn currency_after_amount(a: &[Atom<'_>], j: usize) -> Option<(Currency, usize)> {
    let (c, end) = longest_at(a, j, lex::F_CURRENCY_POST, |k| {
        lex::currency_key(k).filter(|c| c.position != lex::Position::Pre)
    })?;
    if short_word(a[j].low) && (!a[j].glued || a[j].capitalised) {
        // "43c" is cents, "45C" is a temperature.
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
    // "45C", "100F": a capital letter glued to the digits is a temperature scale.
    let at = a.get(j)?;
    if at.glued && at.kind == AtomKind::Word && matches!(at.text, "C" | "F") {
        return lex::unit(if at.text == "C" { "°c" } else { "°f" }).map(|u| (u, j + 1));
    }
    let (u, end) = longest_at(a, j, lex::F_UNIT, lex::unit_key)?;
    // A one-letter unit ("5m", "100t", "2l") is glued to the digits, or stands alone before a break
    // ("between 2.0 g and 7.0 g").
    let alone = a.get(end).is_none_or(|x| {
        x.kind == AtomKind::Punct || matches!(x.low, "and" | "to" | "or") || x.is_a(WordClass::Dimension)
    });
    if u.glued_only && !a[j].glued && !alone {
        return None;
    }
    // "5 in 10", "2 m" spaced: a single-letter unit needs the digits right before it.
    Some((u, end))
}

/// A qualifier written before the number that starts at `start` ("more than", "about", "up to").
/// Returns (qualifier, start of the qualifier).
///
/// Construction: "The war has killed more than 40,400 people."; "a sub-$5 billion deal".
pub(crate) fn qualifier_before(a: &[Atom<'_>], start: usize, floor: usize) -> Option<(Qualifier, usize)> {
    // "sub-$5 billion": the prefix is a token of its own before the hyphen and the currency sign.
    if start >= floor + 2
        && a[start].glued
        && a[start - 1].glued
        && a[start - 1].is_punct("-")
        && a[start - 2].is("sub")
    {
        return lex::pre_qualifier("sub").map(|q| (q, start - 2));
    }
    let flags = (lex::F_PRE_QUALIFIER, lex::F_PRE_QUALIFIER_END);
    let (q, s) = longest_before(a, start, flags, floor, lex::pre_qualifier_key)?;
    // "some of the most" is no qualifier; "some" qualifies only a number right after it.
    Some((q, s))
}

/// A qualifier written after the number ("or more", "or less"). Returns (qualifier, end).
///
/// Construction: "Families of five or more were moved first."
pub(crate) fn qualifier_after(a: &[Atom<'_>], end: usize) -> Option<(Qualifier, usize)> {
    let (q, e) = longest_at(a, end, lex::F_POST_QUALIFIER, lex::post_qualifier_key)?;
    // "more than 40 and less than 10": "and less" opens the next number's qualifier.
    // "and less or equal than thirty five" also opens the next number's qualifier.
    let opens_next = a.iter().skip(e).take(4).any(|x| {
        x.is("than")
            || x.kind == AtomKind::Num
            || x.number_word()
                .is_some_and(|w| matches!(w.class, lex::NumClass::Unit | lex::NumClass::Teen | lex::NumClass::Tens))
    });
    if opens_next {
        return None;
    }
    Some((q, e))
}

fn is_stop(at: &Atom<'_>) -> bool {
    [WordClass::Stop, WordClass::Aux, WordClass::Month, WordClass::Weekday]
        .into_iter()
        .any(|c| at.is_a(c))
        || at.is_written(WordClass::MonthCapitalised)
}

fn np_word(at: &Atom<'_>) -> bool {
    at.kind == AtomKind::Word
        && !is_stop(at)
        && !at.low.ends_with("ly")
        && at.low != "'s"
        && at.number_word().is_none_or(|w| w.class == lex::NumClass::Denom)
        && (at.lex() & lex::F_PRE_QUALIFIER == 0 || lex::pre_qualifier(at.low).is_none())
}

fn verb_like(at: &Atom<'_>) -> bool {
    let event_verb = at.event().is_some() && !at.low.ends_with('s');
    (at.low.ends_with("ed") || at.low.ends_with("ing") || event_verb) && !at.is_a(WordClass::NotVerb)
}

/// A plural noun ("sites", "people"): the counted noun phrase ends after it, except for "and"/"or".
pub(crate) fn is_plural(at: &Atom<'_>) -> bool {
    plural(at)
}

fn plural(at: &Atom<'_>) -> bool {
    let w = at.low;
    at.is_a(WordClass::Plural)
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
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
        if a.get(k)
            .is_some_and(|x| matches!(x.low, "the" | "its" | "their" | "his" | "her" | "our" | "all"))
        {
            k += 1;
        }
    }
    // "189 other educational galleries", "200 more troops": the counted thing follows.
    if !after_of && a.get(k).is_some_and(|x| x.is_a(WordClass::NpSkip)) && a.get(k + 1).is_some_and(|n| np_word(n)) {
        k += 1;
    }
    let start = k;
    let mut end = k;
    // "a three-nation alliance", "a 10-day ceasefire": the number counts the rest of its own token.
    if !after_of && a.get(k).is_some_and(|x| x.hyphen_part && x.kind == AtomKind::Word) {
        while a.get(end).is_some_and(|x| x.hyphen_part) {
            end += 1;
        }
        return Some((start, end));
    }
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
            // The second noun phrase must end in a plural too ("voters and turnout rate" stops).
            if (at.is("and") || at.is("or")) && end > start && a.get(end - 1).is_some_and(plural) {
                let second = a
                    .iter()
                    .skip(k + 1)
                    .take(3)
                    .take_while(|n| np_word(n) && !verb_like(n))
                    .position(plural);
                // "164,000 employees and plans to cut": a verb, not a second noun.
                let verb_after = second.is_some_and(|p| a.get(k + 2 + p).is_some_and(|t| t.is("to")));
                if second.is_some() && !verb_after && a.get(k + 1).is_some_and(|n| !n.glued) {
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
            // An irregular past form ("took", "met") is never a modifier.
            let participle = at.low.ends_with("ed") || at.low.ends_with("ing");
            let next = a.get(k + 1);
            if !participle || !next.is_some_and(|n| np_word(n) && !verb_like(n)) {
                break;
            }
        }
        k += 1;
        end = k;
        // "three children hurt", "two-thirds of voters back the deal": a plural noun ends the phrase.
        if plural(at) && !a.get(k).is_some_and(|n| n.hyphen_part || n.is("and") || n.is("or")) {
            break;
        }
    }
    // A trailing "and" was not consumed into `end`.
    (end > start).then_some((start, end))
}

/// Whether the bare whole number at atoms `j..end` is an age: in apposition after a name ("Viktor Orban,
/// 60, had blocked it") or after "aged"/"age" ("She joined aged 14").
///
/// Construction: "Hungary's Viktor Orban, 60, had blocked it for months." (not "In Paris, 60 people
/// marched.")
pub(crate) fn is_age(a: &[Atom<'_>], j: usize, end: usize, value: f64) -> bool {
    if value.fract() != 0.0 || !(1.0..=120.0).contains(&value) || j == 0 {
        return false;
    }
    let prev = &a[j - 1];
    if prev.is_a(WordClass::AgeCue) {
        return true;
    }
    let name = j >= 2 && a[j - 2].kind == AtomKind::Word && a[j - 2].capitalised && !a[j - 2].sent_start;
    let closed = a
        .get(end)
        .is_none_or(|x| x.is_punct(",") || x.is_punct(".") || x.is_punct(")"));
    prev.is_punct(",") && name && closed
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

impl Context<'_> {
    /// A statistic's `context` and `context_lemma` from the event found for it (the lemma worked out
    /// from the word when the list gives none).
    pub(crate) fn fields(context: Option<Context<'_>>) -> (Option<String>, Option<String>) {
        context.map_or((None, None), |c| {
            (
                Some(c.word.to_string()),
                Some(c.lemma.map_or_else(|| lemma_of(c.word), str::to_string)),
            )
        })
    }
}

fn context_of<'a>(at: &Atom<'a>, adjacent: bool) -> Option<Context<'a>> {
    if at.kind != AtomKind::Word {
        return None;
    }
    if let Some(e) = at.event() {
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
        // The number-word flag is the number-word lookup (atoms hold no spaces).
        if at.kind != AtomKind::Word || at.lex() & lex::F_NUMBER != 0 {
            return None;
        }
        // "rose 5%", "fell by 3 points", "raised rates by 0.25 points": the verb governs the number directly.
        let adjacent = k + 1 == start || a[start - 1].is("by");
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
        if at.is_a(WordClass::Aux) || at.is("not") || at.is("reportedly") {
            k += 1;
            steps += 1;
            continue;
        }
        let adjacent = k == end;
        let c = context_of(at, adjacent)?;
        if at.event().is_none() && steps == 0 && !at.low.ends_with("ed") {
            return None;
        }
        return Some(c);
    }
    None
}

/// A lemma for an -ed/-ing verb not in the event lexicon: "attacked" → "attack", "evacuated" →
/// "evacuate", "stopped" → "stop", "using" → "use". One allocation: the lower-cased word, cut and
/// extended in place.
pub(crate) fn lemma_of(word: &str) -> String {
    let mut w = word.to_lowercase();
    let stem_len = if let Some(s) = w.strip_suffix("ied") {
        let n = s.len();
        w.truncate(n);
        w.push('y');
        return w;
    } else if let Some(s) = w.strip_suffix("ed") {
        s.len()
    } else if let Some(s) = w.strip_suffix("ing") {
        s.len()
    } else {
        return w;
    };
    let stem = &w[..stem_len];
    let b = stem.as_bytes();
    let n = b.len();
    // Byte arithmetic below needs ASCII: a multi-byte character must never be sliced (found by fuzzing).
    if n < 2 || !stem.is_ascii() {
        return w;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // "stopped" → "stop", but "killed", "passed" keep their double letter.
    if n > 3 && b[n - 1] == b[n - 2] && !vowel(b[n - 1]) && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
        w.truncate(n - 1);
        return w;
    }
    if stem.ends_with('e') {
        w.truncate(n);
        return w;
    }
    // A silent "e" dropped before the suffix: "evacuat(e)", "displac(e)", "arrang(e)", "requir(e)",
    // "rescu(e)", "leav(e)", "schedul(e)", "secur(e)", "decid(e)", "includ(e)", "us(e)".
    let last2 = &stem[n - 2..];
    let before = |k: usize| n > k && !vowel(b[n - 1 - k]);
    let silent_e = match last2 {
        "at" => n > 2 && !matches!(b[n - 3], b'e' | b'o' | b'a'),
        "ur" | "ar" | "ul" | "id" | "ud" => before(2),
        "ir" => n > 2 && b[n - 3] != b'a',
        "ng" => n > 4 && matches!(b[n - 3], b'a' | b'e'),
        "iz" | "ys" | "ac" | "uc" | "ic" | "ag" | "ug" | "us" | "os" | "is" | "as" => true,
        // "trampl(e)", "handl(e)", "doubl(e)"
        _ if b[n - 1] == b'l' => matches!(b[n - 2], b'b' | b'd' | b'g' | b'k' | b'p' | b't' | b'z'),
        _ => matches!(b[n - 1], b'v' | b'u') || (b[n - 1] == b'c' && before(1)),
    };
    w.truncate(n);
    if silent_e {
        w.push('e');
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_key_fits_the_key_buffer() {
        let longest = lex::phrase_keys().map(<[u8]>::len).max();
        assert!(longest.is_some_and(|n| n <= MAX_KEY), "{longest:?}");
        // The longest phrase ending right before the number, however many words run before it.
        let doc = crate::text::Doc::new("It has more than 40 sites, more more more more more more more than 40.");
        let mut atoms = Vec::new();
        let mut infos = super::super::atoms::FormInfos::new(&doc);
        super::super::atoms::atoms(&doc, 0..doc.tokens.len(), &mut infos, &mut atoms);
        assert_eq!(qualifier_before(&atoms, 4, 0), Some((Qualifier::MoreThan, 2)));
        assert_eq!(qualifier_before(&atoms, 15, 0), Some((Qualifier::MoreThan, 13)));
        assert_eq!(qualifier_before(&atoms, 5, 0), None);
    }

    #[test]
    fn lemmas() {
        assert_eq!(lemma_of("attacked"), "attack");
        assert_eq!(lemma_of("evacuated"), "evacuate");
        assert_eq!(lemma_of("stopped"), "stop");
        assert_eq!(lemma_of("displaced"), "displace");
        assert_eq!(lemma_of("carried"), "carry");
        assert_eq!(lemma_of("intercepted"), "intercept");
        assert_eq!(lemma_of("arranged"), "arrange");
        assert_eq!(lemma_of("required"), "require");
        assert_eq!(lemma_of("rescued"), "rescue");
        assert_eq!(lemma_of("leaving"), "leave");
        assert_eq!(lemma_of("scheduled"), "schedule");
        assert_eq!(lemma_of("involved"), "involve");
        assert_eq!(lemma_of("defeated"), "defeat");
        assert_eq!(lemma_of("favoured"), "favour");
        assert_eq!(lemma_of("included"), "include");
        assert_eq!(lemma_of("secured"), "secure");
        assert_eq!(lemma_of("appeared"), "appear");
        assert_eq!(lemma_of("avoided"), "avoid");
        assert_eq!(lemma_of("passed"), "pass");
        assert_eq!(lemma_of("elected"), "elect");
        assert_eq!(lemma_of("trampled"), "trample");
        assert_eq!(lemma_of("killed"), "kill");
        assert_eq!(lemma_of("Using"), "use");
        assert_eq!(lemma_of("rose"), "rose", "no suffix: the word itself");
        assert_eq!(lemma_of("Ángered"), "ángered", "not ASCII: the word itself");
    }
}
