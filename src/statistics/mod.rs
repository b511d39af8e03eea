//! Statistics: parses numbers and quantities, then attaches qualifiers, units and events from neighbouring
//! tokens.
//!
//! One pass over each sentence: at each atom (a token, or one part of a hyphenated word) [`quantity`]
//! tries to read a statistic — numeral ([`numbers`]), then currency, unit, range, qualifiers, counted noun
//! phrase and event ([`quantities`]) — within a bounded window, and the scan resumes after it. Filters
//! ([`filters`]) drop what is not a statistic: dates, years, clock times, ordinals, identifiers, phone
//! numbers and "one" as a pronoun.

mod atoms;
mod decades;
mod filters;
mod numbers;
mod quantities;

use atoms::{Atom, AtomKind};
use numbers::Numeral;

use crate::actors::ActorIndex;
use crate::lexicon::numbers::{self as lex, Direction, UnitKind};
use crate::model::{Qualifier, Span, Statistic, StatisticKind};
use crate::text::Doc;

/// Finds the statistics of a document, in text order.
pub(crate) fn extract(doc: &Doc, _actors: &ActorIndex) -> Vec<Statistic> {
    let mut out = Vec::new();
    // Grown to the longest sentence that may hold a numeral (`atoms` reserves a sentence's tokens), so
    // that a document with no figure in its long sentences holds no atoms for them.
    let mut buf: Vec<Atom<'_>> = Vec::new();
    let mut infos = atoms::FormInfos::new(doc);
    for s in &doc.sentences {
        if !atoms::may_hold_numeral(doc, s.tokens.clone()) {
            continue;
        }
        atoms::atoms(doc, s.tokens.clone(), &mut infos, &mut buf);
        let first_here = out.len();
        let mut j = 0;
        let mut floor = 0;
        let mut last: Option<usize> = None;
        while j < buf.len() {
            // Most atoms start nothing: a flag test skips them without the call.
            if !may_start(&buf[j]) {
                j += 1;
                continue;
            }
            match quantity(doc, &buf, j, floor) {
                Step::Found(stat, end) => {
                    if let Some(prev_end) = last
                        && let Some(prev) = out.last_mut()
                        && bound_pair(doc, &buf, prev_end, prev, &stat)
                    {
                        merge_bounds(prev, stat);
                    } else {
                        grow(&mut out);
                        out.push(stat);
                    }
                    last = Some(end);
                    j = end.max(j + 1);
                    floor = j;
                }
                Step::Skip(end) => {
                    j = end.max(j + 1);
                    floor = j;
                    last = None;
                }
                Step::None => j += 1,
            }
        }
        if out.len() - first_here >= 2 {
            shared_unit(doc, &mut out[first_here..]);
            parallel_change(doc, &mut out[first_here..]);
        }
    }
    if out.capacity() > out.len() + out.len() / 8 + STATS_AT_ONCE {
        out.shrink_to_fit();
    }
    out
}

/// Makes room for one more statistic: a few at first (a document with one statistic has several), then a
/// quarter more at a time rather than double, so that a document of figures (a list of thousands of
/// numbers) holds at most a quarter of its statistics' size spare, not as much again.
fn grow(out: &mut Vec<Statistic>) {
    if out.len() == out.capacity() {
        out.reserve_exact((out.len() / 4).max(STATS_AT_ONCE));
    }
}

/// A figure after a change and ", or" restates the change in other terms and is a change the same way.
///
/// Construction: "The Dow fell 350 points, or 1.1%, to 32,800." (not "It fell 3% to 40, or 5% of its
/// peak": only an exact figure right after the change)
fn parallel_change(doc: &Doc, stats: &mut [Statistic]) {
    for i in 1..stats.len() {
        let (p, q) = (&stats[i - 1], &stats[i]);
        if !matches!(p.qualifier, Qualifier::Increase | Qualifier::Decrease) || q.qualifier != Qualifier::Exact {
            continue;
        }
        let Some(gap) = doc.text.get(p.span.end..q.span.start) else {
            continue;
        };
        // One of the two is a percentage, the other points or money ("$1.40 a share" after "fell 2% or" is
        // the level per share).
        let pct = |s: &Statistic| s.kind == Some(StatisticKind::Percent);
        if gap.trim() != ", or" || pct(p) == pct(q) || q.unit.as_deref().is_some_and(|u| u.contains(" per ")) {
            continue;
        }
        let (qualifier, context, lemma) = (p.qualifier, p.context.clone(), p.context_lemma.clone());
        let q = &mut stats[i];
        q.qualifier = qualifier;
        if q.context.is_none() {
            q.context = context;
            q.context_lemma = lemma;
        }
    }
}

/// Words that join two figures of the same measure ("rose to 5.2, from 4.9 per cent").
const SAME_MEASURE_JOINS: &[&str] = &["to", "and", "or"];

/// Words that compare a figure with an earlier one of the same thing ("1.3m applications, up from
/// 900,000"): the unit of any kind is shared.
const COMPARISON_JOINS: &[&str] = &[
    "from",
    "versus",
    "vs",
    "vs.",
    "against",
    "compared with",
    "compared to",
    "up from",
    "down from",
    "from a",
    "from an",
];

/// A bare number joined to a percentage by "from", "to", "and", "versus"… is a percentage too, and one
/// compared with an earlier figure ("up from", "compared with") counts the same thing: the unit is written
/// once for both.
///
/// Construction: "Unemployment rose to 5.2, from 4.9 per cent." / "It received 1.3m applications, up
/// from 900,000." (not "Shares rose 5% to 40": the level after "to" is no percentage)
fn shared_unit(doc: &Doc, stats: &mut [Statistic]) {
    for i in 1..stats.len() {
        let (p, q) = (&stats[i - 1], &stats[i]);
        let bare = |s: &Statistic| s.kind == Some(StatisticKind::Number) && s.unit.is_none() && s.value.is_some();
        let pct = |s: &Statistic| s.kind == Some(StatisticKind::Percent);
        let gap = doc.text.get(p.span.end..q.span.start).unwrap_or("");
        let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
        let comparison = gap.len() <= 14 && COMPARISON_JOINS.iter().any(|w| gap.eq_ignore_ascii_case(w));
        let target = if bare(p) && pct(q) {
            i - 1
        } else if comparison && bare(q) && p.unit.is_some() && p.value.is_some() {
            i
        } else if pct(p) && bare(q) && q.value.is_some_and(|v| v < 100.0) {
            // "to 40" after "rose 5%" is a level, unless the percentage is the level too ("from 5% to 4.9").
            if p.qualifier != Qualifier::Exact {
                continue;
            }
            i
        } else {
            continue;
        };
        if !comparison && !SAME_MEASURE_JOINS.iter().any(|w| gap.eq_ignore_ascii_case(w)) {
            continue;
        }
        let (unit, kind) = (stats[2 * i - 1 - target].unit.clone(), stats[2 * i - 1 - target].kind);
        let t = &mut stats[target];
        t.unit = unit;
        t.kind = kind;
    }
}

/// Whether `next` closes the open bound of `prev` right after it ("more than 10 and less than 20", "at
/// most 100 and at least 20"): one lower and one upper bound joined by "and"/"but".
fn bound_pair(doc: &Doc, a: &[Atom<'_>], prev_end: usize, prev: &Statistic, next: &Statistic) -> bool {
    let joined = a.get(prev_end).is_some_and(|x| x.is("and") || x.is("but"));
    // The second statistic starts right after the conjunction, with its own qualifier.
    let adjacent = a
        .get(prev_end + 1)
        .is_some_and(|x| doc.tokens[x.tok].start == next.span.start);
    let lower = |s: &Statistic| matches!(s.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |s: &Statistic| matches!(s.qualifier, Qualifier::LessThan | Qualifier::AtMost);
    let units = prev.unit.is_none() || next.unit.is_none() || prev.unit == next.unit;
    joined
        && adjacent
        && units
        && ((lower(prev) && upper(next)) || (upper(prev) && lower(next)))
        && prev.value.is_some()
        && next.value.is_some()
        && (prev.value < next.value) == lower(prev)
}

/// Turns two bounds into one range statistic (see [`bound_pair`]).
fn merge_bounds(prev: &mut Statistic, next: Statistic) {
    let (lo, hi) = if matches!(prev.qualifier, Qualifier::MoreThan | Qualifier::AtLeast) {
        (prev.value, next.value)
    } else {
        (next.value, prev.value)
    };
    prev.span = Span::new(prev.span.start, next.span.end);
    prev.value = None;
    prev.lower = lo;
    prev.upper = hi;
    prev.qualifier = Qualifier::Range;
    if prev.unit.is_none() {
        prev.unit = next.unit;
        prev.kind = next.kind;
    }
}

/// Whether the bare number `x` is the first half of a score or a tally, which is no range and no
/// statistic.
///
/// Construction: "Belgium beat Panama 3 – 0." / "The vote was 26 to 1." (not "10-20 arrests")
fn score_or_tally(a: &[Atom<'_>], x: &Amount) -> bool {
    let Some(c) = a.get(x.end) else { return false };
    let dash = c.is_punct("–") || c.is_punct("-") || c.is_punct(":");
    let tally = c.is("to") && a.get(x.end + 2).is_none_or(|z| matches!(z.text, "." | "," | ";" | ")"));
    x.num.plain_digits
        && x.unit.is_none()
        && x.currency.is_none()
        && (dash || tally)
        && a.get(x.end + 1).is_some_and(|y| y.kind == AtomKind::Num)
}

/// The lower end of a range with the scale of its upper end: "10-20 million" is 10 million to 20 million.
///
/// Construction: "The plan would cost 10-20 million dollars." (not "10-20,000": the upper end is digits)
fn shared_scale(a: &[Atom<'_>], x: &Amount, y: &Amount) -> Option<f64> {
    if let (Some(lo), Some(hi)) = (x.value, y.value)
        && x.num.plain_digits
        && a[y.num_start].kind == AtomKind::Num
        && let Some(lead) = numbers::parse_digits(a[y.num_start].text)
        && lead > lo
        && hi / lead >= 1000.0
    {
        return Some(lo * hi / lead);
    }
    x.value
}

/// Skips a hyphenated modifier glued to the number ("10,000-strong", "a 12-point lead"). Returns the
/// atom after it.
///
/// Construction: "A 10,000-strong force crossed the border." (not "10 - strong": spaced)
fn hyphen_modifier(a: &[Atom<'_>], mut end: usize) -> usize {
    if a.get(end).is_some_and(|h| h.is_punct("-") && h.glued)
        && a.get(end + 1).is_some_and(|w| w.kind == AtomKind::Word && w.glued)
    {
        end += 2;
        while a.get(end).is_some_and(|w| w.hyphen_part) {
            end += 1;
        }
    }
    end
}

/// "below zero" after a temperature makes it negative. Returns the atom after it.
///
/// Construction: "Temperatures fell to 2 degrees below zero." (not "2 degrees below the record")
fn below_zero(a: &[Atom<'_>], end: usize) -> Option<usize> {
    (a.get(end).is_some_and(|w| w.is("below")) && a.get(end + 1).is_some_and(|w| w.is("zero"))).then_some(end + 2)
}

/// Whether a counted phrase is a proper name, so the number is part of an address or a name: two or more
/// capitalised words that do not end in a plural noun.
///
/// Construction: "The prime minister lives at 10 Downing Street." (not "11 Israeli military sites")
fn proper_name(words: &[Atom<'_>]) -> bool {
    words.len() >= 2
        && words.iter().all(|w| w.capitalised || w.hyphen_part)
        && !quantities::is_plural(&words[words.len() - 1])
}

/// The change a governing word right before (or after) the number states: "rose 5%", "fell by 3 points",
/// "a 4% increase".
///
/// Construction: "Prices rose 5% in July." (not "The death toll rose to 2,100": "to" marks the level)
fn change(c: quantities::Context<'_>) -> Option<Qualifier> {
    if !c.adjacent {
        return None;
    }
    match c.direction {
        Direction::Up => Some(Qualifier::Increase),
        Direction::Down => Some(Qualifier::Decrease),
        Direction::None => None,
    }
}

/// Whether the "up to" that starts at `s` is a verb's particle and the level reached, not a bound: "edged
/// up to 3.9%", "went up to 5%".
///
/// Construction: "Unemployment edged up to 3.9% in February." (not "Nissan plans to cut up to 700
/// workers.": a bound)
fn level_up_to(a: &[Atom<'_>], s: usize) -> bool {
    if s == 0 || !a[s].is("up") || !a.get(s + 1).is_some_and(|x| x.is("to")) {
        return false;
    }
    let v = &a[s - 1];
    v.kind == AtomKind::Word
        && !v.capitalised
        && (v.event().is_some_and(|e| e.direction == Direction::Up)
            || matches!(
                v.low,
                "go" | "goes"
                    | "went"
                    | "gone"
                    | "tick"
                    | "ticks"
                    | "ticked"
                    | "edge"
                    | "edges"
                    | "edged"
                    | "creep"
                    | "creeps"
                    | "crept"
                    | "inch"
                    | "inches"
                    | "inched"
                    | "move"
                    | "moves"
                    | "moved"
                    | "shot"
            ))
}

/// Whether "over" before a duration says when, not how much: "over 10 years" is a period.
///
/// Construction: "The bill would cost $1.2tn over 10 years." (not "Children over 12 years old pay.",
/// "over 300 people")
fn over_a_period(a: &[Atom<'_>], start: usize, end: usize, unit: Option<&str>) -> bool {
    a[start].is("over")
        && matches!(
            unit,
            Some("year" | "month" | "week" | "day" | "decade" | "hour" | "quarter" | "century")
        )
        && !a[end - 1..]
            .iter()
            .take(2)
            .any(|x| matches!(x.low, "old" | "ago" | "of" | "older"))
}

/// Whether "from X to Y" is a change rather than a range: a change word governs it ("fell from 3.9% to
/// 3.6%") or it goes down ("from 4.1% to 3.8%"). Returns the change's direction.
///
/// Construction: "Inflation fell from 3.9 per cent to 3.6 per cent." (not "from 10 to 20 people were
/// hurt": a range)
fn change_from_to(
    a: &[Atom<'_>],
    x: &Amount,
    y: &Amount,
    opener: Option<&str>,
    context: Option<quantities::Context<'_>>,
) -> Option<Qualifier> {
    if opener != Some("from") || !a.get(x.end).is_some_and(|c| c.is("to")) {
        return None;
    }
    let (p, q) = (x.value?, y.value?);
    let verb = context.is_some_and(|c| c.adjacent && c.direction != Direction::None);
    if !verb && q >= p {
        return None;
    }
    Some(if q > p {
        Qualifier::Increase
    } else {
        Qualifier::Decrease
    })
}

/// Room made for statistics when a document's first is found (news articles report about ten).
const STATS_AT_ONCE: usize = 16;

/// The largest absolute value reported: 10^18.
const MAX_VALUE: f64 = 1e18;

/// The text span of atoms `start..end`: from their first token (an atom that spans tokens, ".500" or
/// "US12.5", starts before its token) to the end of the last one's token.
fn atoms_span(doc: &Doc, a: &[atoms::Atom], start: usize, end: usize) -> Span {
    Span::new(
        doc.tokens[a[start].tok].start.min(a[start].start),
        doc.tokens[a[end - 1].tok].end,
    )
}

/// What [`quantity`] found at an atom.
// A `Step` is moved out at once; boxing the statistic would cost an allocation per statistic.
#[allow(clippy::large_enum_variant)]
enum Step {
    /// A statistic, and the atom after it.
    Found(Statistic, usize),
    /// Something that is not a statistic (a date, a clock time): skip to this atom.
    Skip(usize),
    /// Nothing starts here.
    None,
}

/// One side of a quantity: numeral with its currency or unit.
#[derive(Debug, Clone)]
struct Amount {
    /// The denominator of a rate ("barrel" in "$78.40 a barrel").
    per: Option<String>,
    /// Atom where the numeral starts (after any currency or sign).
    num_start: usize,
    end: usize,
    num: Numeral,
    value: Option<f64>,
    currency: Option<lex::Currency>,
    unit: Option<lex::Unit>,
}

/// Reads an amount at `j`: optional currency before, sign, numeral, scale, currency or unit after.
///
/// Construction: "$4.5bn", "US$5m", "-4", "500 million rials", "320 km", "3.5 per cent", "2.5m people".
fn amount(a: &[Atom<'_>], j: usize) -> Option<Amount> {
    let mut k = j;
    let mut currency = None;
    if let Some((c, e)) = quantities::currency_before_amount(a, k)
        && a.get(e).is_some_and(opens_amount)
    {
        currency = Some(c);
        k = e;
    }
    let mut negative = false;
    if let Some(x) = a.get(k)
        && (x.is_punct("-") || x.is_punct("−"))
        && a.get(k + 1).is_some_and(|n| n.kind == AtomKind::Num && n.glued)
        && (k == 0 || !a[k].glued || currency.is_some() || a[k - 1].kind == AtomKind::Punct && a[k - 1].text != "-")
    {
        negative = true;
        k += 1;
    } else if let Some(x) = a.get(k)
        && x.is_punct("+")
        && (k == 0 || !x.glued || currency.is_some())
        && a.get(k + 1).is_some_and(|n| n.kind == AtomKind::Num && n.glued)
        && !a.get(k + 2).is_some_and(|n| n.kind == AtomKind::Num)
    {
        // "+0.4%": an explicit plus sign ("+44 20 7946 0018" is a phone number).
        k += 1;
    } else if let Some(x) = a.get(k)
        && (x.is("minus") || x.is("negative"))
        && a.get(k + 1).is_some()
    {
        negative = true;
        k += 1;
    }
    let (num, fold) = match numbers::numeral(a, k) {
        Some(n) => (n, None),
        None => fold_word(a, k)?,
    };
    let mut end = num.end;
    let mut value = num.value;
    let mut unit = fold;
    if currency.is_none()
        && let Some((c, e)) = quantities::currency_after_amount(a, end)
    {
        currency = Some(c);
        end = e;
        // "75 USD million"
        if let Some(w) = a.get(end).and_then(Atom::number_word)
            && w.class == lex::NumClass::Scale
        {
            value = value.map(|v| v * w.value);
            end += 1;
        }
    } else if let Some(pre) = currency
        && let Some((post, e)) = quantities::currency_after_amount(a, end)
        && post.code == pre.code
        && a[end].kind == AtomKind::Word
    {
        // "$ 10 dollars"
        end = e;
    }
    let mut m_million = false;
    // "2.5m people", "$3m": million; "1.8m tall": metre.
    if num.m_suffix && (currency.is_some() || m_counts(a, end + 1)) {
        value = value.map(|v| v * 1e6);
        m_million = true;
        end += 1;
        if currency.is_none()
            && let Some((c, e)) = quantities::currency_after_amount(a, end)
        {
            currency = Some(c);
            end = e;
        } else if currency.is_none()
            && let Some((u, e)) = quantities::unit_after_amount(a, end)
        {
            // "2.5m tonnes of coal"
            unit = Some(u);
            end = e;
        }
    }
    // "68-ounce cans", "a 2.5-mile stretch", "a 12-cent dividend", "a 70-year-old man": the unit glued
    // by a hyphen.
    let hyphen = usize::from(
        a.get(end).is_some_and(|h| h.is_punct("-") && h.glued)
            && a.get(end + 1).is_some_and(|w| w.kind == AtomKind::Word && w.glued),
    );
    if currency.is_none()
        && !m_million
        && hyphen == 1
        && let Some((c, e)) = quantities::currency_after_amount(a, end + 1)
    {
        currency = Some(c);
        end = e;
    } else if currency.is_none()
        && !m_million
        && unit.is_none()
        && let Some((u, e)) = quantities::unit_after_amount(a, end + hyphen)
    {
        unit = Some(u);
        end = e;
    }
    let per = if currency.is_some() { rate(a, end) } else { None }.map(|(p, e)| {
        end = e;
        p
    });
    if let Some(c) = currency {
        value = value.map(|v| v * c.factor);
        if let Some((cents, e)) = cents_after(a, end, c)
            && value.is_some_and(|v| v.fract() == 0.0)
        {
            value = value.map(|v| v + cents / 100.0);
            end = e;
        }
    }
    if negative {
        value = value.map(|v| -v);
    }
    Some(Amount {
        per,
        num_start: k,
        end,
        num,
        value,
        currency,
        unit,
    })
}

/// A multiplier written as one word: "sixfold", "threefold", "tenfold". Returns the numeral and the unit
/// "fold" ("10-fold" is read as digits and a hyphenated unit).
///
/// Construction: "Profits grew sixfold to $2.4bn." (not "The plan has a manifold aim.")
fn fold_word(a: &[Atom<'_>], k: usize) -> Option<(numbers::Numeral, Option<lex::Unit>)> {
    let x = a.get(k)?;
    let stem = x.low.strip_suffix("fold")?;
    let w = lex::word_info(stem.as_bytes()).number?;
    if !matches!(
        w.class,
        lex::NumClass::Unit | lex::NumClass::Teen | lex::NumClass::Tens | lex::NumClass::Hundred
    ) {
        return None;
    }
    let value = if w.class == lex::NumClass::Hundred {
        100.0
    } else {
        w.value
    };
    let num = numbers::Numeral {
        end: k + 1,
        value: Some(value),
        lower: None,
        upper: None,
        fraction: false,
        words: true,
        plain_digits: false,
        m_suffix: false,
    };
    Some((num, lex::unit("fold")))
}

/// Whether the atom `x` can open the amount after a currency written before it: digits, a sign or a
/// number word ("$5", "US$ -3", "EUR five").
fn opens_amount(x: &Atom<'_>) -> bool {
    x.kind == AtomKind::Num || x.is_punct("-") || x.number_word().is_some()
}

/// Whether a currency written before an amount may start at the word `j`: an atom that can open the
/// amount follows within the longest currency phrase. Without one, [`amount`] reads nothing there, so
/// the phrase lookup is skipped.
///
/// Construction: "It cost US$5m." (not "It was built in the US in 2019.": no amount after "in")
fn currency_may_start(a: &[Atom<'_>], j: usize) -> bool {
    a.iter().skip(j + 1).take(quantities::MAX_PHRASE).any(opens_amount)
        && quantities::currency_before_amount(a, j).is_some()
}

/// Whether the word at `k`, after a number with a lower-case "m", is a counted noun, so the "m" means
/// million ("2.5m people") rather than metre ("1.8m tall").
///
/// Construction: "Some 2.5m people fled the fighting." (not "The wall is 8m high.")
fn m_counts(a: &[Atom<'_>], k: usize) -> bool {
    a.get(k).is_some_and(|x| {
        x.kind == AtomKind::Word
            && !x.is_a(lex::WordClass::Stop)
            && !x.is_a(lex::WordClass::Dimension)
            && !x.is_a(lex::WordClass::Aux)
            // "2.5m tonnes", "3m barrels": a unit written as a word counts; "8m m" does not.
            && lex::unit(x.low).is_none_or(|u| !u.glued_only && x.low.len() > 2 && u.kind == lex::UnitKind::Measure)
    })
}

/// The denominator of a price after an amount of money at `end`: "a barrel", "per kg", "/hour". Returns
/// (denominator, end).
///
/// Construction: "Brent crude settled at $78.40 a barrel." (not "up from £980m a year earlier")
fn rate(a: &[Atom<'_>], end: usize) -> Option<(String, usize)> {
    let p = a.get(end)?;
    let w = a.get(end + 1)?;
    let ok = (p.is("per") || p.is("a") || p.is("an") || (p.is_punct("/") && p.glued))
        && w.kind == AtomKind::Word
        && !w.is_a(lex::WordClass::Stop)
        && w.number_word().is_none()
        && !a.get(end + 2).is_some_and(|t| t.is_a(lex::WordClass::RelTime));
    if !ok {
        return None;
    }
    Some(
        quantities::unit_after_amount(a, end + 1)
            .map_or_else(|| (w.low.to_string(), end + 2), |(u, e)| (u.name.to_string(), e)),
    )
}

/// The cents after a whole amount of money: "20 dollars 43 cents", "$20 and 43c", "thirteen dollars and
/// forty-five cents", "15 USD 50" (only before a break when no cent word follows). Returns (cents, end).
///
/// Construction: "The ticket cost 3 dollars 50 cents."
fn cents_after(a: &[Atom<'_>], j: usize, c: lex::Currency) -> Option<(f64, usize)> {
    if matches!(c.code, "cent" | "pence") || c.factor != 1.0 {
        return None;
    }
    let k = if a.get(j).is_some_and(|x| x.is("and")) {
        j + 1
    } else {
        j
    };
    let n = numbers::numeral(a, k)?;
    let v = n.value?;
    if n.fraction || v.fract() != 0.0 || !(1.0..100.0).contains(&v) || a[k].text.contains(['.', ',']) {
        return None;
    }
    let mut end = n.end;
    let cent_word = quantities::currency_after_amount(a, end).filter(|(cc, _)| matches!(cc.code, "cent" | "pence"));
    if let Some((_, e)) = cent_word {
        end = e;
    } else if a.get(end).is_some_and(|x| {
        x.kind != AtomKind::Punct
            || quantities::currency_after_amount(a, end).is_some()
            || quantities::unit_after_amount(a, end).is_some()
    }) {
        return None;
    }
    Some((v, end))
}

/// Rounds away binary noise from scaling ("4.1 billion" is 4100000000, not 4099999999.9999995): 15
/// significant digits, what an `f64` holds exactly.
fn tidy(v: f64) -> f64 {
    // A whole number below 10^15 is already exact (and is what the round trip would return).
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return v;
    }
    format!("{v:.14e}").parse().unwrap_or(v)
}

/// Whether two amounts can be the two ends of one range.
fn compatible(x: &Amount, y: &Amount) -> bool {
    let cur = match (x.currency, y.currency) {
        (Some(p), Some(q)) => p.code == q.code,
        _ => true,
    };
    let unit = match (x.unit, y.unit) {
        (Some(p), Some(q)) => p.name == q.name,
        (Some(_), None) => y.currency.is_none(),
        (None, Some(_)) => x.currency.is_none(),
        _ => true,
    };
    cur && unit && x.num.fraction == y.num.fraction
}

/// Words before "X to Y" that make it a tally of two sides, not a range: "led 54 percent to 41 percent".
const TALLY_WORDS: &[&str] = &[
    "led", "lead", "leads", "leading", "beat", "beats", "won", "win", "wins", "margin", "voted", "vote", "votes",
    "poll", "polls", "favor", "favour", "backed", "against", "versus",
];

/// Whether a tally word comes shortly before the amount at `j` (see [`TALLY_WORDS`]).
///
/// Construction: "Smith led Jones 54 percent to 41 percent." (not "Growth is forecast at 3.9 per cent
/// to 3.6 per cent.")
fn tally_before(a: &[Atom<'_>], j: usize) -> bool {
    a[j.saturating_sub(8)..j].iter().any(|x| TALLY_WORDS.contains(&x.low))
}

/// Reads a range after the amount `x`: "10-20", "10 to 20 people", "between 10 and 20", "from 5% to 7%",
/// "$10-$20", "3km-5km". `j` is where `x` starts, its qualifier included; `opener` is "between" or "from"
/// when one precedes `x`. Returns the upper amount.
///
/// Construction: "Between 10 and 20 people were hurt." / "Estimates ranged from 5% to 7%."
fn range_after(a: &[Atom<'_>], j: usize, x: &Amount, opener: Option<&str>) -> Option<Amount> {
    let c = a.get(x.end)?;
    // "3km-5km": the second amount is part of the same hyphenated token.
    if c.hyphen_part && c.kind == AtomKind::Num {
        let y = amount(a, x.end)?;
        return (compatible(x, &y) && y.value? > x.value?).then_some(y);
    }
    let dash = (c.is_punct("-") || c.is_punct("–") || c.is_punct("—") || c.is_punct("~")) && x.num.value.is_some();
    let bare_to = c.is("to") && opener.is_none();
    let ok = dash
        || (c.is("to") && matches!(opener, Some("from" | "between")))
        || (bare_to && x.currency.is_none() && x.unit.is_none())
        || (c.is("and") && opener == Some("between"));
    // "forecast at 3.9 per cent to 3.6 per cent": a measured range, unless a change word governs the first
    // amount ("rose 5% to 7%" is a rise of 5% to a level of 7%).
    let unit_to = !ok
        && bare_to
        && (x.currency.is_some() || x.unit.is_some())
        && quantities::context_before(a, j).is_none_or(|c| !c.adjacent)
        && !tally_before(a, j);
    if !ok && !unit_to {
        return None;
    }
    let mut k = x.end + 1;
    if a.get(k).is_some_and(|y| y.is_punct("~") || y.is("about")) {
        k += 1;
    }
    let y = amount(a, k)?;
    if y.num.value.is_none() || x.num.value.is_none() {
        return None;
    }
    if !compatible(x, &y) {
        return None;
    }
    let (lo, hi) = (x.value?, y.value?);
    if dash {
        // "lost 1 – 2 to England": small numbers around a spaced dash are a score.
        let spaced = !c.glued && a.get(x.end + 1).is_some_and(|n| !n.glued);
        let bare = |z: &Amount| z.unit.is_none() && z.currency.is_none();
        if spaced && x.value? < 20.0 && y.value? < 20.0 && bare(x) && bare(&y) {
            return None;
        }
        // "2019-20", "1990-1995", "555-1234", "3-1": dates, phone numbers and scores are not ranges.
        let plain = x.num.plain_digits && y.num.plain_digits;
        if plain && (filters::year_like(a[x.end - 1].text) || a[k].text.starts_with('0')) {
            return None;
        }
        if a.get(y.end).is_some_and(|z| z.is_punct("-")) {
            return None;
        }
    }
    // The other side of "to" must state the same kind of amount ("5% to 7%", not "5% to 7").
    // A range's ends are of one size: "$2 a barrel to $53.88" is a change and a level.
    if unit_to && (y.currency.is_none() && y.unit.is_none() || lo.abs().max(hi.abs()) > 5.0 * lo.abs().min(hi.abs())) {
        return None;
    }
    (hi > lo || (c.is("to") && (opener == Some("from") || unit_to) && hi != lo)).then_some(y)
}

/// Whether [`quantity`] may find something at the atom `x`: digits, a word led by a digit ("20s"), a
/// number word, the first word of a vague count or of a currency written before an amount, "a"/"an",
/// "minus"/"negative", a multiplier ("sixfold"), a sign or a symbol that may start a phrase. For any
/// other atom [`quantity`] answers [`Step::None`], so it is not called.
///
/// Construction: "Eleven soldiers were wounded." (not "soldiers", "were" or "wounded")
#[inline]
fn may_start(x: &Atom<'_>) -> bool {
    match x.kind {
        AtomKind::Num => true,
        AtomKind::Word => {
            x.lex() & (lex::F_NUMBER | lex::F_VAGUE | lex::F_CURRENCY_PRE) != 0
                || x.low.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || matches!(x.low, "a" | "an" | "minus" | "negative")
                || x.low.ends_with("fold")
        }
        AtomKind::Punct => x.lex() & lex::F_PHRASE != 0 || matches!(x.text, "-" | "−" | "+"),
    }
}

/// Tries to read a statistic at atom `j`; `floor` is where the previous one ended.
///
/// Construction: every statistic, e.g. "The Lebanese militant group claimed to have attacked 11 Israeli
/// military sites, including one near Tel Aviv, using more than 320 Katyusha rockets and drones."
fn quantity(doc: &Doc, a: &[Atom<'_>], j: usize, floor: usize) -> Step {
    let start_atom = &a[j];
    // Only start on a digit, a number word, a currency or a sign.
    let plausible = match start_atom.kind {
        AtomKind::Num => true,
        // "a"/"an" start a numeral only before a number word, a vague count, a currency name ("a
        // dollar") or a glued currency symbol ("A$").
        AtomKind::Word if start_atom.is("a") || start_atom.is("an") => a
            .get(j + 1)
            .is_some_and(|n| n.glued || n.lex() & (lex::F_NUMBER | lex::F_VAGUE | lex::F_TRIGGER) != 0),
        AtomKind::Word => {
            start_atom.lex() & (lex::F_NUMBER | lex::F_VAGUE) != 0
                || start_atom.low.ends_with("fold")
                || start_atom.is("minus")
                || start_atom.is("negative")
                || (start_atom.lex() & lex::F_PHRASE != 0 && currency_may_start(a, j))
        }
        // A sign or a currency symbol.
        AtomKind::Punct => start_atom.lex() & lex::F_PHRASE != 0 || matches!(start_atom.text, "-" | "−" | "+"),
    };
    // "in their 20s", "in her mid-30s": an age given as a decade, digits glued to "s" ("30" "s" inside a
    // hyphenated word, the word "20s" alone).
    let digit_led = |x: &Atom<'_>| x.low.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if (start_atom.kind == AtomKind::Num || !plausible && start_atom.kind == AtomKind::Word && digit_led(start_atom))
        && let Some((stat, end)) = decades::decade(doc, a, j, floor)
    {
        return Step::Found(stat, end);
    }
    if !plausible {
        return Step::None;
    }
    let Some(mut x) = amount(a, j) else {
        // A digit run that cannot be read ("1,2345", a 5,000-digit number) is skipped whole.
        if start_atom.kind == AtomKind::Num {
            return Step::Skip(j + 1);
        }
        return Step::None;
    };
    if x.num.end <= j {
        return Step::None;
    }
    if let Some(skip) = filters::not_a_statistic(a, j, &x.num, x.currency.is_some() || x.unit.is_some()) {
        return Step::Skip(skip);
    }
    // Opening words of a range.
    // "between 10 and 20", "from about $350 to $680": the opener may precede a qualifier.
    // The qualifier right before the number (also what the "Qualifiers" step below reads).
    let qualifier_at_j = quantities::qualifier_before(a, j, floor).filter(|&(_, s)| !level_up_to(a, s));
    let before_qualifier = qualifier_at_j.map_or(j, |(_, s)| s);
    let opener_at = [j, before_qualifier]
        .into_iter()
        .filter(|&k| k > floor)
        .map(|k| k - 1)
        .find(|&k| a[k].is("between") || a[k].is("from"));
    let opener = opener_at.map(|k| a[k].low);
    let mut upper_amt = None;
    if let Some(y) = range_after(a, before_qualifier, &x, opener) {
        upper_amt = Some(y);
    } else if score_or_tally(a, &x) {
        return Step::Skip(x.end + 2);
    }
    // Words a range shares: "10-20 dollars", "between 10 and 20 dollars", "7-9 lakh rupees".
    if let Some(y) = &upper_amt {
        if x.currency.is_none() {
            x.currency = y.currency;
        }
        if x.unit.is_none() {
            x.unit = y.unit;
        }
        x.value = shared_scale(a, &x, y);
    }
    let mut end = upper_amt.as_ref().map_or(x.end, |y| y.end);
    let mut start = j;

    // Qualifiers.
    let mut qualifier = Qualifier::Exact;
    if upper_amt.is_some() {
        qualifier = Qualifier::Range;
        if let Some(k) = opener_at {
            start = k;
        }
    } else if let Some((q, s)) = qualifier_at_j {
        // `start` is still `j` here.
        qualifier = q;
        start = s;
    }
    if upper_amt.is_none()
        && let Some((q, e)) = quantities::qualifier_after(a, end)
    {
        qualifier = q;
        end = e;
    }
    end = hyphen_modifier(a, end);
    let mut sign = 1.0;
    if let Some(e) = below_zero(a, end) {
        sign = -1.0;
        end = e;
    }

    // The counted thing.
    let mut np = None;
    let mut kind;
    let mut unit: Option<String> = None;
    if let Some(c) = x.currency {
        kind = StatisticKind::Money;
        unit = Some(c.code.to_string());
    } else if let Some(u) = x.unit {
        kind = match u.kind {
            UnitKind::Percent => StatisticKind::Percent,
            UnitKind::Measure => StatisticKind::Measure,
        };
        unit = Some(u.name.to_string());
    } else {
        // Shares and vague counts count what follows "of" ("two-thirds of residents", "dozens of homes").
        let shares = x.num.fraction || x.num.value.is_none();
        np = if shares {
            quantities::counted_np(a, end, true).or_else(|| quantities::counted_np(a, end, false))
        } else {
            // "Three of the victims were children": a part of a named group.
            let of_the = a.get(end).is_some_and(|x| x.is("of"))
                && a.get(end + 1)
                    .is_some_and(|x| matches!(x.low, "the" | "its" | "their" | "his" | "her" | "our"));
            quantities::counted_np(a, end, false)
                .or_else(|| of_the.then(|| quantities::counted_np(a, end, true)).flatten())
        };
        kind = if x.num.fraction {
            StatisticKind::Fraction
        } else if np.is_some() || x.num.value.is_none() {
            StatisticKind::Count
        } else {
            StatisticKind::Number
        };
        // "Viktor Orban, 60,", "aged 14": an age in years.
        if np.is_none() && x.num.plain_digits | x.num.words && x.value.is_some_and(|v| quantities::is_age(a, j, end, v))
        {
            kind = StatisticKind::Measure;
            unit = Some("year".to_string());
        }
        // "millions of dollars", "tens of billions of euros": a vague amount of money.
        if let Some((s, e)) = np
            && let Some((c, ce)) = quantities::currency_after_amount(a, s)
            && ce == e
        {
            kind = StatisticKind::Money;
            unit = Some(c.code.to_string());
            end = e;
            np = None;
        }
        if let Some((s, e)) = np {
            if proper_name(&a[s..e]) {
                return Step::Skip(e);
            }
            // From the atom, not the token: "alliance" in "three-nation alliance" starts at "nation".
            let last = &a[e - 1];
            let to = last.start + last.text.len();
            unit = doc.text.get(a[s].start..to).map(str::to_string);
            end = e;
        }
    }
    if !filters::keep_bare(
        a,
        j,
        &x.num,
        np.is_some(),
        x.currency.is_some() || x.unit.is_some(),
        qualifier,
    ) {
        return Step::Skip(x.num.end);
    }

    if qualifier == Qualifier::MoreThan && over_a_period(a, start, end, unit.as_deref()) {
        qualifier = Qualifier::Exact;
        start = j;
    }

    // The event: the governing verb before, or the verb or change noun after ("a 4% increase", "60
    // wounded").
    let mut context = quantities::context_before(a, start);
    let after = quantities::context_after(a, end);
    let adjacent_after = after.is_some_and(|c| c.adjacent && (c.direction != Direction::None || c.lemma.is_some()));
    let before_adjacent = context.is_some_and(|c| c.adjacent);
    if (context.is_none()
        || (adjacent_after && !before_adjacent)
        || context.is_some_and(|c| c.direction != Direction::None && !c.adjacent))
        && let Some(c) = after
    {
        context = Some(c);
    }
    // "raised $12.5 million" is money collected, not a rise ("raised prices by 5%" is).
    let collected = x.currency.is_some()
        && context.is_some_and(|c| c.lemma == Some("raise"))
        && start > 0
        && !a[start - 1].is("by");
    if qualifier == Qualifier::Exact
        && !collected
        && let Some(q) = context.and_then(change)
    {
        qualifier = q;
    }

    if let (Some(u), Some(p)) = (&unit, &x.per) {
        unit = Some(format!("{u} per {p}"));
    }
    let (mut value, mut lower, mut upper) = (x.value.map(tidy), x.num.lower, x.num.upper);
    let mut from_value = None;
    if let Some(y) = &upper_amt {
        if let Some(q) = change_from_to(a, &x, y, opener, context) {
            // "fell from 3.9% to 3.6%": the level reached, and where it started.
            qualifier = q;
            value = y.value.map(tidy);
            from_value = x.value.map(tidy);
            lower = None;
            upper = None;
        } else {
            value = None;
            // Bounds in numeric order ("3.9 per cent to 3.6 per cent" is 3.6 to 3.9).
            let (p, q) = (x.value.map(tidy), y.value.map(tidy));
            (lower, upper) = if p > q { (q, p) } else { (p, q) };
        }
    }
    value = value.map(|v| v * sign);
    match qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast if value.is_some() => lower = value,
        Qualifier::LessThan | Qualifier::AtMost => {
            if value.is_some() {
                upper = value;
            }
            if x.num.value.is_none() {
                lower = None;
            }
        }
        _ => {}
    }
    if x.num.value.is_none() && matches!(qualifier, Qualifier::MoreThan | Qualifier::AtLeast) {
        upper = None;
    }
    // Nothing reported in the news exceeds a quintillion; beyond it ("a trillion trillion", digits with a
    // scale) the value is not trusted.
    if [value, lower, upper]
        .into_iter()
        .flatten()
        .any(|v| !v.is_finite() || v.abs() > MAX_VALUE)
    {
        return Step::Skip(end);
    }
    let span = atoms_span(doc, a, start, end);
    let (context_word, context_lemma) = quantities::Context::fields(context);
    let stat = Statistic {
        span,
        value,
        lower,
        upper,
        qualifier,
        unit,
        kind: Some(kind),
        context: context_word,
        context_lemma,
        claimed_by: None,
        statement: None,
        from_value,
        time: None,
    };
    Step::Found(stat, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atoms_of<'a>(doc: &'a Doc<'_>) -> Vec<Atom<'a>> {
        let mut out = Vec::new();
        let mut infos = atoms::FormInfos::new(doc);
        atoms::atoms(doc, 0..doc.tokens.len(), &mut infos, &mut out);
        out
    }

    #[test]
    #[ignore]
    fn debug_atoms() {
        let text = std::env::var("NP_TEXT").unwrap_or_default();
        let doc = Doc::new(&text);
        for x in atoms_of(&doc) {
            eprintln!("{:?} {:?} glued={} hp={}", x.text, x.kind, x.glued, x.hyphen_part);
        }
    }

    #[test]
    fn a_currency_may_start_only_before_an_amount() {
        let doc = Doc::new("It cost US$5m.");
        let a = atoms_of(&doc);
        let us = a.iter().position(|x| x.text == "US").unwrap();
        assert!(currency_may_start(&a, us));
        let found = extract(&doc, &ActorIndex::default());
        assert_eq!(
            found.iter().map(|s| s.unit.as_deref()).collect::<Vec<_>>(),
            [Some("USD")]
        );
        // "in" may start a currency ("INR"), but no amount follows it here, or none is one.
        for text in ["It was built in the US.", "It was built in the US in 2019."] {
            let doc = Doc::new(text);
            let a = atoms_of(&doc);
            assert!(!currency_may_start(&a, 3), "{text}");
        }
    }
}
