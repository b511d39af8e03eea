//! Numerals: digits ("40,400", "3.5", "1.2bn"), number words ("one hundred and five", "twenty-three"),
//! scales ("1.2 million", "half a million"), fractions ("two-thirds", "2 1/2", "one in five") and vague
//! counts ("dozens of", "tens of thousands of").
//!
//! Every parser reads atoms from a start index, never looks back, and returns where it stopped, so the
//! caller scans a sentence once.

use super::atoms::{Atom, AtomKind};
use crate::lexicon::numbers::{self as lex, NumClass};

/// Largest number of significant integer digits accepted: beyond this an `f64` no longer holds the
/// value exactly, so the number is rejected rather than reported wrong.
const MAX_DIGITS: usize = 15;

/// A parsed numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    /// Atom index one past the numeral.
    pub end: usize,
    /// The value; `None` for vague counts.
    pub value: Option<f64>,
    /// Bounds implied by a vague count ("dozens" → 24..99).
    pub lower: Option<f64>,
    /// Upper bound implied by a vague count.
    pub upper: Option<f64>,
    /// A fraction or share ("two-thirds", "one in five", "1/2").
    pub fraction: bool,
    /// Contains a number word (not only digits).
    pub words: bool,
    /// Digits only, with no scale: the plain integer as written (for year and identifier filters).
    pub plain_digits: bool,
    /// A lower-case "m" follows the digits: million or metre, decided by the caller.
    pub m_suffix: bool,
}

/// Parses digits with `,` thousands separators (also Indian "12,34,567") and one `.` decimal point.
/// Returns `None` for anything else ("1.2.3", "1,2345", a 5,000-digit number).
///
/// Construction: digit numbers in news text, e.g. "The war has killed more than 40,400 people."
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    // Plain digits that fit an f64 exactly ("2024", "40"), most of those read: one pass, the value the
    // full reading below gives them.
    if (1..=MAX_DIGITS).contains(&bytes.len()) {
        let mut v: u64 = 0;
        let plain = bytes.iter().all(|&b| {
            let d = b.wrapping_sub(b'0');
            v = v * 10 + u64::from(d);
            d <= 9
        });
        if plain {
            #[allow(clippy::cast_precision_loss)]
            return Some(v as f64);
        }
    }
    if bytes.is_empty() || !bytes.iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.') {
        return None;
    }
    // Only ASCII from here: byte positions are character boundaries.
    let (int, frac) = match bytes.iter().position(|&c| c == b'.') {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || f.bytes().any(|c| c == b'.' || c == b','))
        || int.is_empty() && frac.is_none()
    {
        return None;
    }
    if int.as_bytes().contains(&b',') {
        let n = int.split(',').count();
        let mut groups = int.split(',');
        let first = groups.next().map_or(0, str::len);
        let last = int.rsplit(',').next().map_or(0, str::len);
        let mut middle_ok = true;
        let mut rest_three = true;
        for (i, g) in groups.enumerate() {
            rest_three &= g.len() == 3;
            if i + 2 < n {
                middle_ok &= g.len() == 3 || g.len() == 2;
            }
        }
        let western = rest_three && (1..=3).contains(&first);
        let indian = middle_ok && last == 3 && (1..=2).contains(&first);
        if !(western || indian) {
            // "5,00": a decimal comma, only with one group of one or two digits after it.
            if n == 2 && frac.is_none() && (1..=2).contains(&last) && first <= 3 {
                return int.replacen(',', ".", 1).parse().ok();
            }
            return None;
        }
    }
    // The integer part, exactly: at most MAX_DIGITS significant digits fit an f64 without rounding.
    let mut int_v: u64 = 0;
    let mut significant = 0;
    for b in int.bytes().filter(u8::is_ascii_digit) {
        if significant > 0 || b != b'0' {
            significant += 1;
        }
        if significant > MAX_DIGITS {
            return None;
        }
        int_v = int_v * 10 + u64::from(b - b'0');
    }
    #[allow(clippy::cast_precision_loss)]
    let mut v = int_v as f64;
    if let Some(f) = frac {
        if f.len() > MAX_DIGITS {
            return None;
        }
        // "0." and the decimals in a stack buffer: the same rounding as parsing "0.<decimals>".
        let mut buf = [0u8; MAX_DIGITS + 2];
        buf[..2].copy_from_slice(b"0.");
        buf[2..2 + f.len()].copy_from_slice(f.as_bytes());
        let d: f64 = std::str::from_utf8(&buf[..2 + f.len()]).ok()?.parse().ok()?;
        v += d;
    }
    v.is_finite().then_some(v)
}

/// The value of a vulgar-fraction character ("½" → 0.5).
fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// What the previous element of a spelled number was, to decide whether the next word continues it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Unit,
    Teen,
    Tens,
    Digits,
    Hundred,
    Scale,
    And,
}

fn word(a: &[Atom<'_>], j: usize) -> Option<lex::NumWord> {
    let at = a.get(j)?;
    if at.kind != AtomKind::Word {
        return None;
    }
    at.number_word()
}

fn is_article(a: &[Atom<'_>], j: usize) -> bool {
    a.get(j).is_some_and(|x| x.is("a") || x.is("an"))
}

/// A fraction denominator at `j`: "thirds", "half", "quarter", "fifth" (singular ordinals only when
/// `singular_ok`), or a hyphenated "twenty-fifth". Returns (denominator, end).
fn denominator(a: &[Atom<'_>], j: usize, singular_ok: bool) -> Option<(f64, usize)> {
    let w = word(a, j)?;
    match w.class {
        NumClass::Denom | NumClass::OrdinalPlural => Some((w.value, j + 1)),
        NumClass::Ordinal if singular_ok && w.value > 1.0 => Some((w.value, j + 1)),
        NumClass::Tens => {
            // "one twenty-fifth" (1/25), "twenty twenty fifths" (20/25): a compound denominator.
            let o = word(a, j + 1)?;
            let ok =
                o.value < 10.0 && (o.class == NumClass::OrdinalPlural || (singular_ok && o.class == NumClass::Ordinal));
            ok.then_some((w.value + o.value, j + 2))
        }
        _ => None,
    }
}

/// A cardinal built from words and digits starting at `j`: "one hundred and five", "4 thousand 3 hundred
/// and 21", "three crore twelve lakh", "1.2 million", "two point two million". Returns (value, end,
/// prev-was-scale, last scale, used words).
///
/// Construction: "Police arrested one hundred and five protesters." (not "between 10 and 20": "and" joins
/// only after a hundred or a scale)
fn cardinal(a: &[Atom<'_>], j0: usize) -> Option<(f64, usize, Prev, f64, bool)> {
    let mut total = 0.0f64;
    let mut cur: Option<f64> = None;
    let mut last_scale = f64::INFINITY;
    let mut prev = Prev::Start;
    let mut words = false;
    // The current group's value when "and" was read: "three hundred and two dozens" multiplies only "two".
    let mut and_base: Option<f64> = None;
    let mut j = j0;
    // "a hundred", "a thousand", "a dozen"
    if is_article(a, j)
        && word(a, j + 1).is_some_and(|w| matches!(w.class, NumClass::Hundred | NumClass::Scale | NumClass::Dozen))
    {
        cur = Some(1.0);
        prev = Prev::Unit;
        words = true;
        j += 1;
    }
    while let Some(at) = a.get(j) {
        if at.kind == AtomKind::Num {
            // "10 000 dollars": a space as thousands separator.
            if prev == Prev::Digits
                && !at.glued
                && at.text.len() == 3
                && at.text.bytes().all(|c| c.is_ascii_digit())
                && j == j0 + 1
                && a[j0].text.len() <= 3
                && a[j0].text.bytes().all(|c| c.is_ascii_digit())
                && a.get(j + 1).is_none_or(|x| x.kind != AtomKind::Num)
            {
                cur = Some(cur.unwrap_or(0.0) * 1000.0 + parse_digits(at.text)?);
                j += 1;
                continue;
            }
            if !matches!(prev, Prev::Start | Prev::Scale | Prev::And | Prev::Hundred) {
                break;
            }
            if prev != Prev::Start && !at.glued && at.text.contains(['.', ',']) {
                break;
            }
            let Some(v) = parse_digits(at.text) else {
                if prev == Prev::Start {
                    return None;
                }
                break;
            };
            if prev != Prev::Start && v >= last_scale.min(1000.0) {
                break;
            }
            if prev == Prev::Hundred && v >= 100.0 {
                break;
            }
            cur = Some(cur.unwrap_or(0.0) + v);
            prev = Prev::Digits;
            j += 1;
            continue;
        }
        // "ninety - five": a spaced hyphen inside a compound.
        if (at.is_punct("-") || at.is_punct("—") || at.is_punct("–"))
            && prev == Prev::Tens
            && word(a, j + 1).is_some_and(|w| w.class == NumClass::Unit && w.value > 0.0)
        {
            j += 1;
            continue;
        }
        if at.kind != AtomKind::Word && !at.is_punct("&") {
            break;
        }
        if at.is("and") || at.is_punct("&") {
            // "one hundred and five", "three thousand and two": only after a hundred or a scale, and only
            // before a smaller number word.
            let next_ok = match a.get(j + 1) {
                Some(n) if n.kind == AtomKind::Num => {
                    parse_digits(n.text).is_some_and(|v| v < last_scale.min(1000.0))
                        && !(prev == Prev::Hundred && parse_digits(n.text).is_some_and(|v| v >= 100.0))
                }
                Some(_) => {
                    word(a, j + 1).is_some_and(|w| {
                        matches!(w.class, NumClass::Unit | NumClass::Teen | NumClass::Tens)
                            && (prev != Prev::Hundred || w.value < 100.0)
                    }) && !(word(a, j + 1).is_some_and(|w| w.class == NumClass::Unit)
                        && denominator(a, j + 2, true).is_some())
                }
                None => false,
            };
            // Not "and a half" (a fraction, handled by the caller).
            if matches!(prev, Prev::Hundred | Prev::Scale) && next_ok {
                and_base = Some(cur.unwrap_or(0.0));
                prev = Prev::And;
                j += 1;
                continue;
            }
            break;
        }
        if at.is("point") && matches!(prev, Prev::Unit | Prev::Teen | Prev::Tens | Prev::Digits) {
            // "two point two million", "1 point 1"
            let mut k = j + 1;
            let mut frac = String::new();
            while let Some(n) = a.get(k) {
                if let Some(w) = word(a, k).filter(|w| w.class == NumClass::Unit) {
                    frac.push(char::from(b'0' + w.value as u8));
                } else if n.kind == AtomKind::Num && n.text.bytes().all(|c| c.is_ascii_digit()) && frac.is_empty() {
                    frac.push_str(n.text);
                } else {
                    break;
                }
                k += 1;
                if frac.len() > MAX_DIGITS {
                    return None;
                }
            }
            if frac.is_empty() {
                break;
            }
            let d: f64 = format!("0.{frac}").parse().ok()?;
            cur = Some(cur.unwrap_or(0.0) + d);
            prev = Prev::Digits;
            words = true;
            j = k;
            continue;
        }
        let Some(w) = word(a, j) else { break };
        match w.class {
            NumClass::Unit | NumClass::Teen => {
                let ok = matches!(prev, Prev::Start | Prev::Hundred | Prev::Scale | Prev::And)
                    || (prev == Prev::Tens && w.class == NumClass::Unit && w.value > 0.0);
                if !ok {
                    break;
                }
                if matches!(prev, Prev::Hundred | Prev::Scale | Prev::And) && w.value == 0.0 {
                    break;
                }
                cur = Some(cur.unwrap_or(0.0) + w.value);
                prev = if w.class == NumClass::Unit {
                    Prev::Unit
                } else {
                    Prev::Teen
                };
            }
            NumClass::Tens => {
                if !matches!(prev, Prev::Start | Prev::Hundred | Prev::Scale | Prev::And) {
                    break;
                }
                // "one hundred thirty fifths" is 100/35: a tens word before an ordinal starts the
                // denominator (or an ordinal: "one hundred twenty fifth").
                if matches!(prev, Prev::Hundred | Prev::Scale)
                    && word(a, j + 1).is_some_and(|o| {
                        matches!(o.class, NumClass::Ordinal | NumClass::OrdinalPlural) && o.value < 10.0
                    })
                {
                    break;
                }
                cur = Some(cur.unwrap_or(0.0) + w.value);
                prev = Prev::Tens;
            }
            NumClass::Hundred => {
                if !matches!(prev, Prev::Start | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Digits) {
                    break;
                }
                let c = cur.unwrap_or(1.0);
                if c >= 100.0 {
                    break;
                }
                cur = Some(c * 100.0);
                prev = Prev::Hundred;
            }
            NumClass::Scale => {
                if w.value < last_scale {
                    total += cur.unwrap_or(1.0) * w.value;
                    cur = None;
                    last_scale = w.value;
                } else if prev == Prev::Scale && cur.is_none() {
                    // "three thousand millions", "three lakh crore"
                    total *= w.value;
                    last_scale = w.value;
                } else {
                    break;
                }
                prev = Prev::Scale;
            }
            NumClass::Dozen => {
                if !matches!(
                    prev,
                    Prev::Start | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Digits | Prev::Hundred
                ) {
                    break;
                }
                cur = Some(match (and_base, cur) {
                    (Some(base), Some(c)) => base + (c - base) * 12.0,
                    _ => cur.unwrap_or(1.0) * 12.0,
                });
                j += 1;
                words = true;
                prev = Prev::Scale;
                last_scale = 12.0;
                break;
            }
            _ => break,
        }
        words = true;
        j += 1;
    }
    if prev == Prev::And {
        j -= 1;
        prev = Prev::Scale;
    }
    if j == j0 || prev == Prev::Start {
        return None;
    }
    let v = total + cur.unwrap_or(0.0);
    v.is_finite().then_some((v, j, prev, last_scale, words))
}

/// A fraction after a numerator: "thirds" in "two thirds", "half" in "a half". `numerator` is the value
/// read so far; `article` when it was "a"/"an". A singular denominator needs a numerator of one ("a
/// third", "one fifth"); "second" is never a denominator ("one second" is a time). Returns (value, end).
///
/// Construction: "Two-thirds of residents have left the city." (not "one second": a time)
fn fraction_after(a: &[Atom<'_>], j: usize, numerator: f64, article: bool) -> Option<(f64, usize)> {
    let singular_ok = article || numerator == 1.0;
    let (d, end) = denominator(a, j, singular_ok)?;
    if d <= 2.0 && word(a, end - 1).is_some_and(|w| w.class == NumClass::Ordinal) {
        return None;
    }
    let last = a[end - 1].low;
    let plural = last.ends_with('s');
    if d <= 0.0 || numerator > 1e6 || (!plural && numerator != 1.0) {
        return None;
    }
    Some((numerator / d, end))
}

/// After a fraction or mixed number, a scale: "half a million", "a quarter of a million", "three quarters
/// billion", "two thirds of a million". Returns (multiplier, end).
///
/// Construction: "A quarter of a million people marched."
fn scale_after_fraction(a: &[Atom<'_>], mut j: usize) -> Option<(f64, usize)> {
    if a.get(j).is_some_and(|x| x.is("of")) {
        j += 1;
        if !is_article(a, j) {
            return None;
        }
        j += 1;
    } else if is_article(a, j) {
        j += 1;
    }
    let w = word(a, j)?;
    matches!(w.class, NumClass::Scale | NumClass::Dozen).then_some((w.value, j + 1))
}

/// Parses a numeral at atom `j`. Returns `None` when there is none; `Some` with `value: None` for vague
/// counts.
///
/// Construction: numerals of all forms, e.g. "more than 40,400 people", "one hundred and five",
/// "two-thirds of residents", "half a million", "1.2bn", "one in five", "dozens of".
pub(crate) fn numeral(a: &[Atom<'_>], j: usize) -> Option<Numeral> {
    let at = a.get(j)?;
    let mut n = Numeral {
        end: j,
        value: None,
        lower: None,
        upper: None,
        fraction: false,
        words: at.kind == AtomKind::Word,
        plain_digits: false,
        m_suffix: false,
    };
    // Vulgar fraction alone: "½ teaspoon".
    if at.kind == AtomKind::Num
        && let Some(v) = vulgar(at.text)
    {
        n.value = Some(v);
        n.end = j + 1;
        n.fraction = true;
        return Some(n);
    }
    if at.kind == AtomKind::Word {
        if let Some(nm) = vague_count(a, j) {
            return Some(nm);
        }
        if let Some(end) = a_couple_of(a, j) {
            n.value = Some(2.0);
            n.end = end;
            return Some(n);
        }
        // "a dollar", "an euro": the article is the amount.
        if is_article(a, j)
            && let Some(c) = a
                .get(j + 1)
                .filter(|x| x.kind == AtomKind::Word)
                .and_then(|x| lex::currency(x.low))
            && c.position != lex::Position::Pre
            && c.factor == 1.0
        {
            n.value = Some(1.0);
            n.end = j + 1;
            return Some(n);
        }
        // Fractions without a cardinal numerator: "a third", "half", "a quarter of a million".
        if let Some(nm) = leading_fraction(a, j) {
            return Some(nm);
        }
    }
    let (mut v, mut end, prev, last_scale, words) = cardinal(a, j)?;
    // "one hundred twenty fifth": an ordinal, not a number.
    if matches!(prev, Prev::Hundred | Prev::Scale)
        && word(a, end).is_some_and(|w| w.class == NumClass::Tens)
        && word(a, end + 1).is_some_and(|o| o.class == NumClass::Ordinal && o.value < 10.0)
    {
        return None;
    }
    // "twenty—fifth": the same with a dash between the words.
    if prev == Prev::Tens
        && a.get(end)
            .is_some_and(|d| d.is_punct("—") || d.is_punct("–") || d.is_punct("-"))
        && word(a, end + 1).is_some_and(|o| o.class == NumClass::Ordinal && o.value < 10.0)
    {
        return None;
    }
    // "twenty-fifth", "seventy third": an ordinal, not a number.
    if prev == Prev::Tens
        && let Some(o) = word(a, end)
        && (o.class == NumClass::Ordinal || (o.class == NumClass::OrdinalPlural && a[end].hyphen_part))
        && o.value < 10.0
    {
        return None;
    }
    n.words = words;
    let only_digits = !words && end == j + 1;
    // Glued scale suffix or spaced abbreviation: "3bn", "$10K", "10 bln", "2.33 k".
    if only_digits
        && let Some(s) = a.get(end)
        && s.kind == AtomKind::Word
        && !s.hyphen_part
    {
        if s.glued && s.text == "m" {
            n.m_suffix = true;
        } else if let Some(suf) = s.scale_suffix()
            && (s.glued || suf.spaced)
        {
            v *= suf.multiplier;
            end += 1;
            n.words = true;
        }
    }
    // Mixed numbers and fractions after a cardinal.
    if let Some((f, e)) = fraction_after(a, end, v, false).filter(|_| {
        matches!(
            prev,
            Prev::Unit | Prev::Teen | Prev::Tens | Prev::Digits | Prev::Hundred
        )
    }) {
        // "two thirds", "three quarters", "twenty-three fifths"
        v = f;
        end = e;
        n.fraction = true;
        if let Some((m, e2)) = scale_after_fraction(a, end) {
            v *= m;
            end = e2;
            n.fraction = false;
        }
    } else if a.get(end).is_some_and(|x| x.is("and"))
        && let Some((f, e)) = and_fraction(a, end + 1)
    {
        // "two and a half", "3 million and a half", "one billion and three quarters million"
        if let Some(w) = word(a, e).filter(|w| w.class == NumClass::Scale) {
            if prev == Prev::Scale && w.value < last_scale {
                v += f * w.value;
            } else {
                v = (v + f) * w.value;
            }
            end = e + 1;
        } else if prev == Prev::Scale {
            v += f * last_scale;
            end = e;
        } else {
            v += f;
            end = e;
        }
    } else if let Some(x) = a.get(end)
        && x.kind == AtomKind::Num
        && !x.glued
        && only_digits
        && let Some((f, e)) = slash_fraction(a, end)
    {
        // "2 1/2 in", "10 1/2 miles"
        if f < 1.0 {
            v += f;
            end = e;
        }
    } else if only_digits && let Some((f, e)) = slash_fraction(a, j) {
        v = f;
        end = e;
        n.fraction = true;
    } else if only_digits
        && let Some(x) = a.get(end)
        && x.glued
        && let Some(f) = vulgar(x.text)
    {
        // "2½"
        v += f;
        end += 1;
    } else if let Some((d, e)) = in_fraction(a, end, v) {
        // "one in five", "three out of four"
        v /= d;
        end = e;
        n.fraction = true;
    }
    n.plain_digits = only_digits && end == j + 1 && !n.m_suffix;
    n.value = Some(v).filter(|v| v.is_finite());
    n.end = end;
    n.value?;
    Some(n)
}

/// Words before a bare "half" or "quarter" that make it a share ("more than half", "nearly half").
const SHARE_CUES: &[&str] = &[
    "than", "nearly", "almost", "about", "around", "roughly", "over", "least", "only", "just", "some", "by",
];

/// A fraction with no cardinal numerator: "a third of", "a quarter", "half of", "half a million",
/// "quarter-litre", "more than half". Bare "half"/"quarter" (no article) needs "of", a scale, a unit or a
/// share cue before it, so "the first half" and "the third quarter" are not statistics.
///
/// Construction: "Its shares have fallen by a third this year." (not "He scored in the second half.")
fn leading_fraction(a: &[Atom<'_>], j: usize) -> Option<Numeral> {
    let article = is_article(a, j);
    let k = if article { j + 1 } else { j };
    let w = word(a, k)?;
    let (f, end) = match w.class {
        NumClass::Denom => fraction_after(a, k, 1.0, true)?,
        NumClass::Ordinal | NumClass::Tens if article => fraction_after(a, k, 1.0, true)?,
        _ => return None,
    };
    let mut n = Numeral {
        end,
        value: Some(f),
        lower: None,
        upper: None,
        fraction: true,
        words: true,
        plain_digits: false,
        m_suffix: false,
    };
    if let Some((m, e2)) = scale_after_fraction(a, end) {
        n.value = Some(f * m);
        n.end = e2;
        n.fraction = false;
        return Some(n);
    }
    // "half a gallon": the article belongs to the unit.
    if is_article(a, end)
        && a.get(end + 1)
            .is_some_and(|x| x.kind == AtomKind::Word && lex::unit(x.low).is_some())
    {
        n.end = end + 1;
        return Some(n);
    }
    let next = a.get(end);
    let next_of = next.is_some_and(|x| x.is("of"));
    let next_unit = next.is_some_and(|x| x.kind == AtomKind::Word && lex::unit(x.low).is_some());
    let next_end = next.is_none_or(|x| x.kind == AtomKind::Punct);
    let hyphen_noun = next.is_some_and(|x| x.hyphen_part) && !next_unit;
    let cue = j > 0 && SHARE_CUES.contains(&a[j - 1].low);
    let ok = if hyphen_noun {
        false
    } else if w.class == NumClass::Denom && article {
        true
    } else if article {
        next_of || next_unit || next_end || cue
    } else {
        next_of || next_unit || cue || (next_end && j == 0)
    };
    ok.then_some(n)
}

/// "a half", "one half", "three quarters", "a third" after "and". Returns (value, end).
///
/// Construction: "The town is two and a half miles away."
fn and_fraction(a: &[Atom<'_>], j: usize) -> Option<(f64, usize)> {
    if is_article(a, j) {
        return fraction_after(a, j + 1, 1.0, true);
    }
    let w = word(a, j)?;
    if !matches!(w.class, NumClass::Unit | NumClass::Teen) {
        return None;
    }
    fraction_after(a, j + 1, w.value, false)
}

/// "1/2", "3 / 4": a slash fraction with a numerator smaller than a denominator of at most 1000.
/// Dates such as "9/11" or "26/08/2024" are not fractions.
///
/// Construction: "The door is 2 1/2 in thick." (not "the 9/11 attacks")
fn slash_fraction(a: &[Atom<'_>], j: usize) -> Option<(f64, usize)> {
    let n = a.get(j)?;
    let s = a.get(j + 1)?;
    let d = a.get(j + 2)?;
    if n.kind != AtomKind::Num || d.kind != AtomKind::Num || !s.is_punct("/") {
        return None;
    }
    if !n.text.bytes().all(|c| c.is_ascii_digit()) || !d.text.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if a.get(j + 3).is_some_and(|x| x.is_punct("/") || x.is_punct("-")) {
        return None;
    }
    let nv = parse_digits(n.text)?;
    let dv = parse_digits(d.text)?;
    if dv == 0.0 || nv >= dv || dv > 1000.0 {
        return None;
    }
    // A month/day pair ("9/11", "3/12") unless the numerator is one ("1/12").
    if nv > 1.0 && nv <= 12.0 && dv <= 31.0 && !matches!(dv as u32, 2 | 3 | 4 | 5 | 8 | 10 | 16 | 20) {
        return None;
    }
    Some((nv / dv, j + 3))
}

/// "in five", "out of four" after a numerator: a share. Returns (denominator, end).
///
/// Construction: "One in five children is malnourished." (not "over 3 years")
fn in_fraction(a: &[Atom<'_>], j: usize, numerator: f64) -> Option<(f64, usize)> {
    let k = if a.get(j).is_some_and(|x| x.is("in")) {
        j + 1
    } else if a.get(j).is_some_and(|x| x.is("out")) && a.get(j + 1).is_some_and(|x| x.is("of")) {
        j + 2
    } else if a.get(j).is_some_and(|x| x.is("over"))
        && a.get(j + 1)
            .is_some_and(|x| x.kind == AtomKind::Word || numerator <= 1.0)
    {
        j + 1
    } else {
        return None;
    };
    let (d, end, _, _, _) = cardinal(a, k)?;
    if d <= numerator || d > 1_000_000.0 || numerator < 1.0 || numerator.fract() != 0.0 {
        return None;
    }
    // "over 3 years": a noun after the denominator means it was not a share.
    if a.get(j).is_some_and(|x| x.is("over"))
        && a.get(end)
            .is_some_and(|x| x.kind == AtomKind::Word && !x.is("of") && !x.is("and") && !x.is("or"))
    {
        return None;
    }
    if (1000.0..=2100.0).contains(&d) && a[k].kind == AtomKind::Num {
        return None;
    }
    Some((d, end))
}

/// "a couple of" before a counted word is two; the "of" belongs to the numeral, so the counted thing is
/// what follows. Without "of" a couple is people ("a couple from Ohio"), and "a couple of hundred" is
/// left alone. Returns the atom after "of".
///
/// Construction: "A couple of rockets hit the base." (not "A couple from Ohio was killed.")
fn a_couple_of(a: &[Atom<'_>], j: usize) -> Option<usize> {
    let ok = is_article(a, j)
        && a.get(j + 1).is_some_and(|x| x.is("couple"))
        && a.get(j + 2).is_some_and(|x| x.is("of"))
        && a.get(j + 3)
            .is_some_and(|x| x.kind == AtomKind::Word && x.number_word().is_none());
    ok.then_some(j + 3)
}

/// Vague counts: "dozens of", "hundreds of", "tens of thousands of", "scores of" (value null, bounds from
/// `data/statistics/vague.tsv`).
///
/// Construction: "Dozens of homes were destroyed." (not "Test scores rose.")
fn vague_count(a: &[Atom<'_>], j: usize) -> Option<Numeral> {
    let first = a.get(j)?;
    if first.lex() & lex::F_VAGUE == 0 {
        return None;
    }
    let mut best: Option<(usize, lex::Bounds)> = None;
    // "tens of thousands", "hundreds of millions"
    if let (Some(of), Some(third)) = (a.get(j + 1), a.get(j + 2))
        && of.is("of")
        && let Some(b) = vague_phrase(&[first.low, "of", third.low])
    {
        best = Some((j + 3, b));
    }
    // "several hundred", "a few thousand"
    for len in [3usize, 2] {
        if best.is_some() || j + len > a.len() {
            continue;
        }
        let words = [a[j].low, a[j + 1].low, a.get(j + 2).map_or("", |x| x.low)];
        if let Some(b) = vague_phrase(&words[..len]) {
            best = Some((j + len, b));
        }
    }
    if best.is_none()
        && let Some(b) = lex::vague(first.low)
    {
        let next = a.get(j + 1);
        let needs_of = matches!(first.low, "scores" | "tens");
        let ok = match next {
            Some(x) if x.is("of") => true,
            Some(x) if needs_of => x.is("of"),
            Some(x) => x.kind == AtomKind::Word && x.number_word().is_none() || x.kind == AtomKind::Punct,
            None => !needs_of,
        };
        if ok {
            best = Some((j + 1, b));
        }
    }
    let (end, (lower, upper)) = best?;
    Some(Numeral {
        end,
        value: None,
        lower,
        upper,
        fraction: false,
        words: true,
        plain_digits: false,
        m_suffix: false,
    })
}

/// Longest vague count looked up, in bytes; no lexicon phrase is longer.
const MAX_VAGUE: usize = 64;

/// The vague count spelled by `words` joined by single spaces ([`lex::vague`]), the key built in a stack
/// buffer.
fn vague_phrase(words: &[&str]) -> Option<lex::Bounds> {
    let mut buf = [0u8; MAX_VAGUE];
    let mut len = 0;
    for (i, w) in words.iter().enumerate() {
        let start = if i > 0 { len + 1 } else { len };
        let end = start + w.len();
        if end > MAX_VAGUE {
            return None;
        }
        if i > 0 {
            buf[len] = b' ';
        }
        buf[start..end].copy_from_slice(w.as_bytes());
        len = end;
    }
    lex::vague_key(&buf[..len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn first(text: &str) -> Option<Numeral> {
        let doc = Doc::new(text);
        let mut v = Vec::new();
        let mut infos = super::super::atoms::FormInfos::new(&doc);
        super::super::atoms::atoms(&doc, 0..doc.tokens.len(), &mut infos, &mut v);
        numeral(&v, 0)
    }

    fn val(text: &str) -> Option<f64> {
        first(text).and_then(|n| n.value)
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("40,400"), Some(40400.0));
        assert_eq!(parse_digits("1,200.75"), Some(1200.75));
        assert_eq!(parse_digits("12,34,567.89"), Some(1234567.89));
        assert_eq!(parse_digits("5,00"), Some(5.0));
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits("1,2345"), None);
        assert_eq!(parse_digits(&"9".repeat(5000)), None);
        assert_eq!(parse_digits("000000000000000000000042"), Some(42.0));
    }

    #[test]
    fn plain_digits_read_in_one_pass_as_the_full_reading_does() {
        // "The 2024 budget cut 007 programmes and 123456789012345 dong": plain digits up to fifteen.
        assert_eq!(parse_digits("2024"), Some(2024.0));
        assert_eq!(parse_digits("007"), Some(7.0));
        assert_eq!(parse_digits("0"), Some(0.0));
        assert_eq!(parse_digits("123456789012345"), Some(123_456_789_012_345.0));
        // Sixteen significant digits no longer fit exactly; a separator or a letter leaves the fast path.
        assert_eq!(parse_digits("1234567890123456"), None);
        assert_eq!(parse_digits("12a"), None);
        assert_eq!(parse_digits("2,024"), Some(2024.0));
        assert_eq!(parse_digits("20.5"), Some(20.5));
    }

    #[test]
    fn words() {
        assert_eq!(val("one hundred and five"), Some(105.0));
        assert_eq!(val("twenty-three"), Some(23.0));
        assert_eq!(
            val("fifty-three billion two hundred forty-three thousand seven hundred twenty-four"),
            Some(53000243724.0)
        );
        assert_eq!(val("thousand and nine hundred twenty"), Some(1920.0));
        assert_eq!(val("three thousand millions"), Some(3e9));
        assert_eq!(val("two dozen"), Some(24.0));
        assert_eq!(val("a dozen"), Some(12.0));
        assert_eq!(val("a couple of rockets"), Some(2.0));
        assert_eq!(val("a couple from Ohio"), None);
        assert_eq!(val("4 thousand 3 hundred and 21"), Some(4321.0));
        assert_eq!(val("two point two million"), Some(2.2e6));
        assert_eq!(val("sixty hundreds"), Some(6000.0));
        assert_eq!(
            val("three crore twelve lakh fifty-six thousand seven hundred twenty-one"),
            Some(31256721.0)
        );
    }

    #[test]
    fn scales_and_fractions() {
        assert_eq!(val("1.2 million"), Some(1.2e6));
        assert_eq!(val("3bn"), Some(3e9));
        assert_eq!(val("half a million"), Some(5e5));
        assert_eq!(val("a quarter of a million"), Some(2.5e5));
        assert_eq!(val("two-thirds of residents"), Some(2.0 / 3.0));
        assert_eq!(val("one in five"), Some(0.2));
        assert_eq!(val("three in four"), Some(0.75));
        assert_eq!(val("two and a half miles"), Some(2.5));
        assert_eq!(val("five and a half million"), Some(5.5e6));
        assert_eq!(val("3 million and a half"), Some(3.5e6));
        assert_eq!(val("1/2"), Some(0.5));
        assert_eq!(val("2 1/2 in"), Some(2.5));
        assert_eq!(val("four quarters"), Some(1.0));
        assert_eq!(val("one hundred and three quarters"), Some(100.75));
        assert_eq!(val("one hundred and thirty fifths"), Some(26.0));
        assert_eq!(val("one twenty-fifth"), Some(0.04));
        assert_eq!(val("ninety - five hundred fifths"), Some(1900.0));
        assert_eq!(val("one hundred twenty fifth"), None, "an ordinal");
        assert!(!first("9/11").unwrap().fraction, "a date is not a fraction");
        assert_eq!(val("third"), None);
    }

    #[test]
    fn vague() {
        let n = first("dozens of homes").unwrap();
        assert_eq!((n.value, n.lower, n.upper), (None, Some(24.0), Some(99.0)));
        let n = first("tens of thousands of people").unwrap();
        assert_eq!((n.lower, n.upper), (Some(20000.0), Some(99999.0)));
        assert!(first("scores were high").is_none());
    }
}
