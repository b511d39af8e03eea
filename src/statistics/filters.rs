//! What is not a statistic: dates and years, clock times, ordinals, identifiers, phone numbers, parts of
//! URLs, and "one" as a pronoun. Each filter looks at a few atoms around the numeral.

use super::atoms::{Atom, AtomKind};
use super::numbers::Numeral;
use crate::lexicon::numbers::{self as lex, WordClass};
use crate::model::Qualifier;

/// Whether `s` is a four-digit number that reads as a year (1000–2100).
pub(crate) fn year_like(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

fn is_month(at: &Atom<'_>) -> bool {
    at.kind == AtomKind::Word && (at.is_a_trimmed(WordClass::Month) || at.is_a_trimmed(WordClass::MonthCapitalised))
}

/// Words before a year: "in 2019", "since 2001", "the 2024 election".
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "of", "the", "'s", "during", "before", "after", "early", "late",
    "mid", "fiscal", "fy", "and", "to", "between", "year", "season", "summer", "winter", "spring", "autumn", "fall",
    "around", "circa", "c.", "through", "for",
];

/// Returns where to resume when the numeral at `j` is not a statistic: a date ("July 4", "2024-08-26", "in
/// 2019", "the 1990s"), a clock time ("2pm", "10:30"), an ordinal ("22nd"), an identifier ("No. 10",
/// "Resolution 1701"), a phone number, or a number inside a URL or a run of punctuation ("1,,,,2").
///
/// Construction: "Iran vowed to retaliate after the assassination in Tehran in July 2024." (no statistic)
pub(crate) fn not_a_statistic(a: &[Atom<'_>], j: usize, n: &Numeral, has_unit: bool) -> Option<usize> {
    let first = &a[j];
    let end = n.end;
    let next = a.get(end);
    let prev = j.checked_sub(1).map(|p| &a[p]);
    // "high-five", "catch-22": a number word after a plain word inside one hyphenated token.
    if first.hyphen_part
        && let Some(p) = prev
        && p.tok == first.tok
        && p.kind == AtomKind::Word
        && p.number_word().is_none()
        && lex::pre_qualifier(p.low).is_none()
    {
        return Some(end);
    }
    // "3 – 0", "Internet: 1, Scientology: 0": the second half of a score.
    if let Some(p) = prev
        && (p.is_punct("–") || p.is_punct("-") || p.is_punct(":"))
        && j >= 2
        && a[j - 2].kind == AtomKind::Num
    {
        return Some(end);
    }
    // "World Cup 2018 day five": a year before a singular time word is still a year.
    if first.kind == AtomKind::Num
        && n.plain_digits
        && year_like(first.text)
        && next.is_some_and(|x| x.kind == AtomKind::Word && !x.low.ends_with('s') && lex::unit(x.low).is_some())
    {
        return Some(end);
    }
    // "day five of the war", "chapter eleven": a spelled number after a label.
    if first.kind == AtomKind::Word
        && n.words
        && n.end == j + 1
        && !has_unit
        && prev.is_some_and(|p| p.is_a(WordClass::Label))
    {
        return Some(end);
    }
    if first.kind == AtomKind::Num {
        // "COVID-19", "F-16", "Su-35": digits after a word in one hyphenated token are part of a name.
        // "sub-7" is a qualified number.
        if first.hyphen_part
            && prev
                .is_some_and(|p| p.kind == AtomKind::Word && p.tok == first.tok && lex::pre_qualifier(p.low).is_none())
        {
            return Some(end);
        }
        // Glued to a punctuation run or a URL: "1,,,,2", "q=30%25", "v.2", "#5".
        // "+0.4%": a plus sign after a space (or at the start) is the number's sign.
        let plus_sign = prev.is_some_and(|p| p.text == "+" && (!p.glued || j == 1));
        if let Some(p) = prev
            && first.glued
            && !plus_sign
            && p.kind == AtomKind::Punct
            && matches!(
                p.text,
                "%" | "=" | "/" | "&" | "?" | "#" | "_" | "@" | "." | ":" | "," | "+" | "\\" | "^"
            )
        {
            return Some(end);
        }
        if let Some(x) = next
            && x.glued
            && x.kind == AtomKind::Punct
            && matches!(x.text, "," | "." | "/" | "=" | "_" | "@" | ":" | "%" | "^" | "\\")
            && a.get(end + 1).filter(|y| y.glued).is_some_and(|y| {
                if x.text == "%" {
                    // "%25", "%2D": URL escapes; "5.25%." is a percentage.
                    y.kind != AtomKind::Punct
                } else {
                    y.kind == AtomKind::Num
                        || (y.kind == AtomKind::Punct && !matches!(y.text, "\"" | "'" | ")" | "]" | "”" | "’" | "»"))
                }
            })
        {
            // "10:30", "1,,2", "30%25", "2.17pm" is handled below.
            let mut k = end;
            while a.get(k).is_some_and(|y| y.glued) {
                k += 1;
            }
            return Some(k);
        }
        // "22nd", "1990s", "2pm", "10 a.m.", "9 o'clock"
        if let Some(x) = next
            && x.kind == AtomKind::Word
        {
            let w = x.low;
            if x.glued && matches!(w, "st" | "nd" | "rd" | "th" | "s" | "'s") {
                return Some(end + 1);
            }
            // "4chan", "3D", "5G": letters glued to the digits that are no unit make a name.
            if x.glued && !x.hyphen_part && !has_unit && !n.m_suffix {
                return Some(end + 1);
            }
            // "50p" is pence when it was read as money: a glued "p" is a clock only without it.
            if x.is_a(WordClass::Clock) || (x.glued && (matches!(w, "am" | "pm" | "a") || w == "p" && !has_unit)) {
                return Some(end + 1);
            }
        }
        // Runs of bare numbers: "+44 20 7946 0018", "245 23"; not a year after its cue and the count
        // after it ("In 2019 50 people died": the year is skipped below, then "50 people" read).
        let year_then_count = year_like(first.text)
            && prev.is_some_and(|p| YEAR_CUES.contains(&p.low))
            && a.get(end + 1)
                .is_some_and(|y| y.kind == AtomKind::Word && !y.is_a(WordClass::Stop));
        if n.plain_digits && !year_then_count && next.is_some_and(|x| x.kind == AtomKind::Num && !x.glued) {
            let mut k = end;
            while a.get(k).is_some_and(|y| y.kind == AtomKind::Num) {
                k += 1;
            }
            return Some(k);
        }
        // Phone numbers: "555-1234", "020-7946-0018".
        if next.is_some_and(|x| x.is_punct("-") && x.glued)
            && let Some(y) = a.get(end + 1)
            && y.kind == AtomKind::Num
            && y.glued
            && ((first.text.len() == 3 && y.text.len() == 4) || first.text.starts_with('0') || y.text.starts_with('0'))
        {
            let mut k = end;
            while a.get(k).is_some_and(|y| y.glued) {
                k += 1;
            }
            return Some(k);
        }
        // Dates: "July 4", "4 July", "2024-08-26", "26/08/2024".
        if prev.is_some_and(is_month)
            || next.is_some_and(is_month)
            || next.is_some_and(|x| x.is("of") && a.get(end + 1).is_some_and(is_month))
        {
            return Some(end);
        }
        if next.is_some_and(|x| (x.is_punct("-") || x.is_punct("/")) && x.glued)
            && a.get(end + 1).is_some_and(|y| y.kind == AtomKind::Num && y.glued)
            && a.get(end + 2)
                .is_some_and(|z| (z.is_punct("-") || z.is_punct("/")) && z.glued)
        {
            let mut k = end;
            while a.get(k).is_some_and(|y| y.glued) {
                k += 1;
            }
            return Some(k);
        }
        if n.plain_digits && !has_unit {
            // Identifiers: "No. 10", "Resolution 1701", "Boeing 737", "page 3".
            // "No. 10": the label's period is its own token.
            let prev = match prev {
                Some(p) if p.is_punct(".") && j >= 2 && a[j - 2].kind == AtomKind::Word => Some(&a[j - 2]),
                other => other,
            };
            if let Some(p) = prev {
                let label = p.is_a_trimmed(WordClass::Label) || p.is_a(WordClass::Label);
                // "iPhone 15", "eBay 2": a word with a capital inside is a name too.
                let camel = p.kind == AtomKind::Word
                    && !p.capitalised
                    && p.text.bytes().skip(1).any(|b| b.is_ascii_uppercase());
                let name = p.kind == AtomKind::Word
                    && (p.capitalised && !p.sent_start || camel)
                    && lex::pre_qualifier(p.low).is_none()
                    && p.event().is_none()
                    && p.number_word().is_none();
                if label || name {
                    return Some(label_chain(a, end));
                }
            }
            // Years: "in 2019", "the 2024 election", "2013." — a year-like number with no unit.
            if year_like(first.text) && super::quantities::qualifier_before(a, j, 0).is_none() {
                let cue = prev.is_some_and(|p| YEAR_CUES.contains(&p.low) || p.is_punct(",") || p.is_punct("("));
                let counted = next.is_some_and(|x| {
                    x.kind == AtomKind::Word && !x.capitalised && !x.is_a(WordClass::Stop) && !x.is_a(WordClass::Aux)
                });
                if cue || !counted {
                    return Some(end);
                }
            }
            // Phone numbers and long digit strings with leading zeros: "0207 123 4567".
            if first.text.len() > 1 && first.text.starts_with('0') && !first.text.contains(['.', ',']) {
                return Some(end);
            }
        }
    }
    None
}

/// After an identifier, the identifiers listed with it: "posts 542 and 543", "routes 1, 2 and 3". Returns
/// the atom after the last one.
///
/// Construction: "Shells fell near police posts 542 and 543." (no statistic)
fn label_chain(a: &[Atom<'_>], mut end: usize) -> usize {
    while a
        .get(end)
        .is_some_and(|c| c.is("and") || c.is("or") || c.is_punct(",") || c.is_punct("&"))
        && a.get(end + 1).is_some_and(|x| x.kind == AtomKind::Num)
    {
        end += 2;
    }
    end
}

/// Whether a numeral with nothing counted and no unit is still a statistic. "one" is kept only when it
/// counts something ("one person was killed"), not as a pronoun or determiner ("one of the sources", "one
/// near Tel Aviv", "the one"). A bare "a"/"an" never is.
///
/// Construction: "The group attacked 11 sites, including one near Tel Aviv." (only "11 sites")
pub(crate) fn keep_bare(
    a: &[Atom<'_>],
    j: usize,
    n: &Numeral,
    has_np: bool,
    has_unit: bool,
    _qualifier: Qualifier,
) -> bool {
    if has_unit || n.fraction || n.value.is_none() {
        return true;
    }
    let single_word = n.words && n.end == j + 1 && a[j].kind == AtomKind::Word;
    if single_word && a[j].is("one") {
        let next = a.get(j + 1);
        let pronoun = next.is_some_and(|x| x.is_a(WordClass::PronounOne));
        let det = j > 0 && a[j - 1].is_a(WordClass::DetOne);
        return has_np && !pronoun && !det;
    }
    true
}
