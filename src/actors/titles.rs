//! Titles, honorifics and affiliations around personal names: the prefix before a name ("Qatari Prime
//! Minister and Foreign Minister Sheikh …", "Hamas political leader …") and appositions after it
//! ("Abbas Araghchi, Iran's foreign minister,").

use std::ops::Range;

use super::Gender;
use super::cand::{Cand, CandKind, Cx, is_cap, lex, noun_at, text_of};
use crate::lexicon::actors::{HonorificClass, HonorificGender, NameEntry, word};
use crate::model::ActorKind;

/// A gazetteer name at token `i` (longest match, case rules applied), as (length, entry).
pub(crate) fn name_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static NameEntry)> {
    // `case_ok` wants the first word capitalised, or "the" before a capitalised word: test that first
    if !doc.has(i, word::NAME) || !(is_cap(doc, i) || doc.is(i, "the") && is_cap(doc, i + 1)) {
        return None;
    }
    let l = lex();
    let (len, id) = doc.name_memo(i, end, || {
        l.names
            .longest(doc, i, end, &doc.first_words(i).name, |len, &id| {
                let e = &l.entries[id as usize];
                case_ok(doc, i, len, e)
            })
            .map(|(len, &id)| (len, id))
    })?;
    Some((len, &l.entries[id as usize]))
}

/// Whether the text tokens `i..i+len` are written in a case that fits the lexicon form: an exact-case entry
/// ("US") must match exactly; otherwise every capitalised word of the form must be capitalised in the text.
fn case_ok(doc: &Cx, i: usize, len: usize, e: &NameEntry) -> bool {
    if len > usize::from(e.case.words) {
        return false;
    }
    if e.exact_case {
        if (i..i + len).zip(e.form.split(' ')).any(|(j, f)| doc.tok(j) != f) {
            return false;
        }
    } else if (0..len).any(|j| e.case.capitals.checked_shr(j as u32).unwrap_or(0) & 1 == 1 && !is_cap(doc, i + j)) {
        // all-lowercase text never matches a capitalised form
        return false;
    }
    // the first word must be capitalised in the text, whatever the form says ("the" excepted)
    is_cap(doc, i) || doc.low(i) == "the" && is_cap(doc, i + 1)
}

/// A title at token `i` ("Prime Minister", "political leader"), as its length in tokens.
pub(crate) fn title_at(doc: &Cx, i: usize, end: usize) -> Option<usize> {
    if !doc.tokens.get(i).is_some_and(|t| t.is_word()) {
        return None;
    }
    if !doc.has(i, word::TITLE) {
        return None;
    }
    doc.title_memo(i, end, || {
        let first = &doc.first_words(i).title;
        lex().titles.longest(doc, i, end, first, |_, _| true).map(|(n, _)| n)
    })
}

/// A title at token `i`, possibly after up to two lower-case words that narrow it ("competition chief",
/// "state news agency" is not one): returns the length of the whole title.
fn portfolio_title_at(doc: &Cx, i: usize, end: usize) -> Option<usize> {
    if let Some(n) = title_at(doc, i, end) {
        return Some(n);
    }
    for k in i + 1..(i + 3).min(end) {
        let w = doc.low(k - 1);
        if is_cap(doc, k - 1)
            || !doc.tokens[k - 1].is_word()
            || matches!(
                w,
                "and" | "or" | "of" | "the" | "a" | "an" | "in" | "on" | "for" | "to" | "with" | "said"
            )
        {
            return None;
        }
        if let Some(n) = title_at(doc, k, end)
            && !is_cap(doc, k)
        {
            return Some(k - i + n);
        }
    }
    None
}

/// The end of a portfolio after a title: `of` or `for` and up to three capitalised words common in the
/// names of offices ("of Education", "for Foreign Affairs", "of Home Affairs"), when a capitalised word
/// (the name) follows.
fn portfolio_end(doc: &Cx, j: usize, end: usize) -> Option<usize> {
    if !(doc.is(j, "of") || doc.is(j, "for")) {
        return None;
    }
    let mut k = j + 1;
    while k < end && k < j + 4 && is_cap(doc, k) && doc.has(k, word::ORG_WORD) {
        k += 1;
    }
    (k > j + 1 && is_cap(doc, k)).then_some(k)
}

/// An honorific at token `i` ("Mr", "Dr.", "Sheikh"), capitalised, as (length, gender).
pub(crate) fn honorific_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, Gender)> {
    honorific_class_at(doc, i, end).map(|(n, g, _)| (n, g))
}

/// An honorific at token `i` with its gender and class.
pub(crate) fn honorific_class_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, Gender, HonorificClass)> {
    if !is_cap(doc, i) {
        return None;
    }
    if !doc.has(i, word::HONORIFIC) {
        return None;
    }
    let first = &doc.first_words(i).honorific;
    let (n, (g, class)) = lex().honorifics.longest(doc, i, end, first, |_, _| true)?;
    let g = match g {
        HonorificGender::Male => Gender::Male,
        HonorificGender::Female => Gender::Female,
        HonorificGender::Unknown => Gender::Unknown,
    };
    Some((n, g, *class))
}

/// A nationality adjective at token `i` ("Qatari"), capitalised, as (length, country).
pub(crate) fn demonym_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static str)> {
    if !is_cap(doc, i) {
        return None;
    }
    if !doc.has(i, word::DEMONYM) {
        return None;
    }
    let first = &doc.first_words(i).demonym;
    lex().demonyms.longest(doc, i, end, first, |_, _| true).map(|(n, &c)| (n, c))
}

/// The words of a personal name starting at token `i`: capitalised words (not titles, honorifics,
/// weekdays…), with particles between them ("Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen"),
/// at most six words.
pub(crate) fn name_run(doc: &Cx, i: usize, end: usize) -> Option<Range<usize>> {
    let mut k = i;
    let mut last = None;
    while k < end && k < i + 8 {
        let low = doc.low(k);
        if is_cap(doc, k) && !doc.has(k, word::NOT_NAME) && !doc.is(k, "'s") {
            if k > i && (title_at(doc, k, end).is_some() && !is_cap(doc, k + 1)) {
                break;
            }
            last = Some(k);
            k += 1;
        } else if last.is_some() && super::cand::is_particle(low) && {
            let mut m = k + 1;
            while m < end && m < k + 3 && super::cand::is_particle(doc.low(m)) {
                m += 1;
            }
            is_cap(doc, m)
        } {
            k += 1;
        } else if is_particle_hyphen(doc.tok(k)) {
            last = Some(k);
            k += 1;
        } else {
            break;
        }
    }
    last.map(|e| i..e + 1)
}

/// A lower-case particle joined by a hyphen to a capitalised name ("al-Thani", "el-Sisi").
fn is_particle_hyphen(t: &str) -> bool {
    let Some((p, rest)) = t.split_once('-') else {
        return false;
    };
    matches!(p, "al" | "el" | "ad" | "as" | "ash" | "at" | "az" | "bin" | "abu")
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A person introduced by titles and honorifics: `Qatari Prime Minister and Foreign Minister Sheikh
/// Mohammed bin Abdulrahman Al Thani`, `Hamas political leader Ismail Haniyeh`, `Malaysia's Prime
/// Minister, Najib Razak`, `Afghan Ambassador to the United States Hamdullah Mohib`, `Mr Pezeshkian`.
///
/// Pushes the candidates found (organisations or countries named in the prefix, then the person) onto `out`
/// and returns the token after them, or `None`, pushing nothing, when no title or honorific leads to a name.
#[inline]
pub(crate) fn titled_person<'a>(doc: &Cx<'a>, i: usize, end: usize, out: &mut Vec<Cand<'a>>) -> Option<usize> {
    // the first word starts a name, demonym, honorific or title, and a title or honorific lies ahead
    if !doc.has(i, word::NAME | word::DEMONYM | word::HONORIFIC | word::TITLE) || !doc.title_ahead(i, end) {
        return None;
    }
    let mark = out.len();
    let found = titled_person_into(doc, i, end, out);
    if found.is_none() {
        out.truncate(mark);
    }
    found
}

/// [`titled_person`], pushing as it goes (the caller drops the pushes when it answers `None`).
fn titled_person_into<'a>(doc: &Cx<'a>, i: usize, end: usize, pre: &mut Vec<Cand<'a>>) -> Option<usize> {
    let mut j = i;
    let mut titles: Vec<String> = Vec::new();
    let mut affiliation: Option<&'static str> = None;
    let mut gender = Gender::Unknown;
    let mut honorific_start = None;
    let mut steps = 0;
    while j < end && steps < 12 {
        steps += 1;
        if honorific_start.is_none()
            && let Some((n, e)) = name_at(doc, j, end)
        {
            let mut next = j + n;
            if doc.is(next, "'s") {
                next += 1;
            }
            if let Some(tn) = portfolio_title_at(doc, next, end)
                && tn > title_at(doc, next, end).unwrap_or(0)
            {
                // "EU competition chief Margrethe Vestager"
                titles.push(text_of(doc, next..next + tn).to_string());
                affiliation = Some(e.name);
                let c = Cand::lexicon(doc, j..j + n, e);
                pre.push(c);
                j = next + tn;
                continue;
            }
            if title_at(doc, next, end).is_some() {
                affiliation = Some(e.name);
                let c = Cand::lexicon(doc, j..j + n, e);
                pre.push(c);
                j = next;
                continue;
            }
            break;
        }
        if honorific_start.is_none()
            && let Some((n, country)) = demonym_at(doc, j, end)
        {
            if title_at(doc, j + n, end).is_some() {
                affiliation = Some(country);
                j += n;
                continue;
            }
            break;
        }
        if let Some((n, g, class)) = honorific_class_at(doc, j, end)
            && !(class == HonorificClass::Royal && title_at(doc, j, end).is_some())
        {
            if class == HonorificClass::Rank && honorific_start.is_none() {
                // a rank is a title outside the mention: "Gen. Mark Milley", "Professor Cres Eastman"
                let mut e = j + n;
                if doc.is(e, ".") {
                    e += 1;
                }
                titles.push(text_of(doc, j..e).to_string());
                if gender == Gender::Unknown {
                    gender = g;
                }
                j = e;
                continue;
            }
            if honorific_start.is_none() {
                honorific_start = Some(j);
            }
            if gender == Gender::Unknown {
                gender = g;
            }
            j += n;
            if doc.is(j, ".") {
                j += 1;
            }
            continue;
        }
        if honorific_start.is_none()
            && let Some(n) = title_at(doc, j, end)
        {
            // a bare lower-case title must be followed by the name or another title
            titles.push(text_of(doc, j..j + n).to_string());
            j += n;
            if doc.is(j, "and") && title_at(doc, j + 1, end).is_some() {
                j += 1;
            }
            if doc.is(j, ",") && is_cap(doc, j + 1) && !titles.is_empty() {
                // "Malaysia's Prime Minister, Najib Razak said"
                j += 1;
            }
            // "Ambassador to the United States Hamdullah Mohib": the complement names a place
            if matches!(doc.low(j.min(doc.tokens.len().saturating_sub(1))), "to" | "of" | "for") && j < end {
                let mut k = j + 1;
                if doc.is(k, "the") {
                    k += 1;
                }
                if let Some((n, e)) = name_at(doc, k, end)
                    && is_cap(doc, k + n)
                {
                    let c = Cand::lexicon(doc, k..k + n, e);
                    pre.push(c);
                    if affiliation.is_none() && e.kind != ActorKind::Location {
                        affiliation = Some(e.name);
                    }
                    j = k + n;
                } else if let Some(e) = portfolio_end(doc, j, end) {
                    // "Minister of Education Stefania Giannini": the portfolio is part of the title
                    if let Some(t) = titles.last_mut() {
                        *t = format!("{t} {}", text_of(doc, j..e));
                    }
                    j = e;
                }
            }
            continue;
        }
        break;
    }
    if titles.is_empty() && honorific_start.is_none() {
        return None;
    }
    let name = name_run(doc, j, end)?;
    // the name itself must not be a country ("President Obama" is fine, "Minister Iran" is not)
    if let Some((n, e)) = name_at(doc, name.start, end)
        && n == name.len()
        && e.kind == ActorKind::Country
    {
        return None;
    }
    let start = honorific_start.unwrap_or(name.start);
    let mut c = person_cand(doc, start..name.end, name.clone());
    c.titles = titles;
    c.affiliation = affiliation;
    c.gender = gender;
    if super::cand::in_title(doc, name.start) {
        // headline capitals ("Iranian President Stress Need"): only a name known from the body counts
        c.kind = CandKind::Single;
    } else if name.len() == 1 {
        c.kind = CandKind::PersonAlias;
        c.form = super::MentionForm::Alias;
    }
    let next = name.end;
    apposition(doc, next, end, &mut c, pre);
    pre.push(c);
    Some(next)
}

/// A person candidate for the mention `mention` whose name words are `name`.
pub(crate) fn person_cand<'a>(doc: &Cx<'a>, mention: Range<usize>, name: Range<usize>) -> Cand<'a> {
    let mut words: Vec<&'a str> = name
        .clone()
        .map(|k| doc.lower(k))
        .filter(|w| !super::cand::is_particle(w))
        .collect();
    if words.is_empty() {
        // a name made only of particles ("Al"): keep its words as written
        words = name.clone().map(|k| doc.lower(k)).collect();
    }
    // the name keeps honorifics of rank ("Sheikh Mohammed …") but not courtesy ones ("Mr")
    let mut from = mention.start;
    while from < name.start {
        if doc.is(from, ".") {
            from += 1;
        } else if let Some((n, _, class)) = honorific_class_at(doc, from, name.start)
            && matches!(class, HonorificClass::Courtesy | HonorificClass::Rank)
        {
            from += n;
        } else {
            break;
        }
    }
    let mut c = Cand::new(
        mention.clone(),
        CandKind::Named(ActorKind::Person),
        text_of(doc, from..name.end),
    );
    c.words = words;
    c.speaks = super::cand::speech_after(doc, mention.end);
    c
}

/// An apposition after a personal name adds titles and an affiliation: `Abbas Araghchi, Iran's foreign
/// minister, said`; `Fuad Basya, spokesman for the Indonesian military, said`; `Jane Doe, 45, a teacher`.
pub(crate) fn apposition<'a>(doc: &Cx<'a>, at: usize, end: usize, c: &mut Cand<'a>, pre: &mut Vec<Cand<'a>>) {
    if !doc.is(at, ",") {
        return;
    }
    let mut j = at + 1;
    if doc
        .tokens
        .get(j)
        .is_some_and(|t| t.kind == crate::text::TokenKind::Number)
        && doc.is(j + 1, ",")
    {
        j += 2;
    }
    if matches!(doc.tokens.get(j).map(|_| doc.low(j)), Some("the" | "a" | "an")) {
        j += 1;
    }
    let mut affiliation = None;
    let mut extra = Vec::new();
    if let Some((n, e)) = name_at(doc, j, end)
        && doc.is(j + n, "'s")
        && e.kind != ActorKind::Location
    {
        affiliation = Some(e.name);
        let cc = Cand::lexicon(doc, j..j + n, e);
        extra.push(cc);
        j += n + 1;
    } else if let Some((n, country)) = demonym_at(doc, j, end) {
        affiliation = Some(country);
        j += n;
    }
    // lower-case modifiers before the title ("a senior official", "the former president")
    let mut k = j;
    while k < end
        && k < j + 2
        && title_at(doc, k, end).is_none()
        && !matches!(
            noun_at(doc, k, k + 1),
            Some((_, crate::lexicon::actors::NounKind::Person { .. }))
        )
        && !is_cap(doc, k)
    {
        k += 1;
    }
    // a title, or a role noun after an article or an age ("Maria Lopez, 45, a teacher")
    let n = match title_at(doc, k, end) {
        Some(n) => n,
        None => match noun_at(doc, k, end) {
            Some((n, crate::lexicon::actors::NounKind::Person { plural: false, .. }))
                if k > at + 1 && matches!(doc.low(k - 1), "a" | "an" | "the" | ",") =>
            {
                n
            }
            _ => return,
        },
    };
    let title = text_of(doc, k..k + n);
    let mut j = k + n;
    if matches!(doc.tokens.get(j).map(|_| doc.low(j)), Some("of" | "for" | "at" | "to")) {
        let mut m = j + 1;
        if doc.is(m, "the") {
            m += 1;
        }
        if let Some((n, e)) = name_at(doc, m, end) {
            if affiliation.is_none() && e.kind != ActorKind::Location {
                affiliation = Some(e.name);
            }
            let cc = Cand::lexicon(doc, m..m + n, e);
            extra.push(cc);
        } else if let Some((_, country)) = demonym_at(doc, m, end)
            && affiliation.is_none()
        {
            affiliation = Some(country);
        }
        j = m;
    }
    let _ = j;
    if !c.titles.iter().any(|t| t.eq_ignore_ascii_case(title)) {
        c.titles.push(title.to_string());
    }
    if c.affiliation.is_none() {
        c.affiliation = affiliation;
    }
    pre.extend(extra);
}
