//! Ages and levels given as a decade: "in their 20s", "in his early 40s", "in her mid-30s", "in the low
//! 20s". A decade of years ("the 1990s", "the 80s", "the mid-80s") is a date, not a statistic.

use super::atoms::{Atom, AtomKind};
use super::quantities;
use crate::model::{Qualifier, Statistic, StatisticKind};
use crate::text::Doc;

/// Possessive determiners that make a decade a person's age: "in their 20s".
const POSSESSIVES: &[&str] = &["their", "his", "her", "its", "my", "our", "your"];

/// Which part of the decade a modifier names, as its first and last year: "early" 0–3, "mid" 4–6, "late"
/// 7–9.
fn part(modifier: &str) -> Option<(f64, f64)> {
    match modifier {
        "early" | "low" | "lower" => Some((0.0, 3.0)),
        "mid" | "middle" => Some((4.0, 6.0)),
        "late" | "high" | "upper" => Some((7.0, 9.0)),
        _ => None,
    }
}

/// Modifiers that never name a part of a decade of years ("the low 20s" is a level, "the mid-80s" may be
/// a date).
fn level_only(modifier: &str) -> bool {
    matches!(modifier, "low" | "lower" | "high" | "upper")
}

/// The decade written at atom `j` ("30" glued to "s", or the word "30s"): its first year and the atom
/// after it. Only the decades 10 to 90.
fn decade_at(a: &[Atom<'_>], j: usize) -> Option<(f64, usize)> {
    let x = a.get(j)?;
    let (digits, end) = match x.kind {
        AtomKind::Num => {
            let s = a.get(j + 1)?;
            (s.kind == AtomKind::Word && s.glued && !s.hyphen_part && s.low == "s").then_some((x.low, j + 2))?
        }
        AtomKind::Word => (x.low.strip_suffix('s')?, j + 1),
        AtomKind::Punct => return None,
    };
    match digits.as_bytes() {
        &[d @ b'1'..=b'9', b'0'] => Some((f64::from(d - b'0') * 10.0, end)),
        _ => None,
    }
}

/// An age or a level given as a decade at atom `j`, not before `floor`: the statistic and the atom after
/// it. A person's age after a possessive ("in their 20s" → 20 to 29 years, "in her mid-30s" → 34 to 36);
/// without one, only a level with "low"/"high"/"upper"/"lower" ("in the low 20s" → 20 to 23), since "the
/// 80s" and "the mid-80s" name years.
///
/// Construction: "Most of the victims were in their 20s." / "The minister, in her mid-30s, resigned." (not
/// "The band was big in the 80s.", "Prices peaked in the mid-1990s.")
pub(crate) fn decade(doc: &Doc, a: &[Atom<'_>], j: usize, floor: usize) -> Option<(Statistic, usize)> {
    let (first, end) = decade_at(a, j)?;
    // The modifier: a word right before ("early 40s") or the first part of the hyphenated word ("mid-30s").
    let modifier = j
        .checked_sub(1)
        .filter(|&m| m >= floor && a[m].kind == AtomKind::Word)
        .and_then(|m| part(a[m].low).map(|p| (m, p, a[m].low)));
    let start = modifier.map_or(j, |(m, _, _)| m);
    let possessive = start
        .checked_sub(1)
        .is_some_and(|p| a[p].kind == AtomKind::Word && POSSESSIVES.contains(&a[p].low));
    if !possessive && !modifier.is_some_and(|(_, _, w)| level_only(w)) {
        return None;
    }
    let (lo, hi) = modifier.map_or((0.0, 9.0), |(_, p, _)| p);
    let (kind, unit) = if possessive {
        (StatisticKind::Measure, Some("year".to_string()))
    } else {
        (StatisticKind::Number, None)
    };
    let context = quantities::context_before(a, start);
    let span = super::atoms_span(doc, a, start, end);
    let (context_word, context_lemma) = quantities::Context::fields(context);
    let stat = Statistic {
        span,
        value: None,
        lower: Some(first + lo),
        upper: Some(first + hi),
        qualifier: Qualifier::Range,
        unit,
        kind: Some(kind),
        context: context_word,
        context_lemma,
        claimed_by: None,
        statement: None,
        from_value: None,
        time: None,
    };
    Some((stat, end))
}
