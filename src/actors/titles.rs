//! Titles, honorifics and affiliations around personal names: the prefix before a name ("Qatari Prime
//! Minister and Foreign Minister Sheikh …", "Hamas political leader …") and appositions after it
//! ("Abbas Araghchi, Iran's foreign minister,").

use std::ops::Range;

use super::Gender;
use super::cand::{Cand, CandKind, Cx, is_cap, lex, noun_at, text_of};
use crate::lexicon::actors::{HonorificClass, HonorificGender, NameEntry, PartyUse, word};
use crate::model::ActorKind;

/// A gazetteer name at token `i` (longest match, case rules applied), as (length, entry).
#[inline]
pub(crate) fn name_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static NameEntry)> {
    // `case_ok` wants the first word capitalised, or "the" before a capitalised word: test that first
    // (inlined: most tokens stop here)
    if !doc.has(i, word::NAME) || !(is_cap(doc, i) || doc.is_the(i) && is_cap(doc, i + 1)) {
        return None;
    }
    name_lookup(doc, i, end)
}

/// [`name_at`] once token `i` can start a name.
#[inline(never)]
fn name_lookup(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static NameEntry)> {
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
#[inline]
pub(crate) fn title_at(doc: &Cx, i: usize, end: usize) -> Option<usize> {
    if !doc.has(i, word::TITLE) || !doc.tokens.get(i).is_some_and(|t| t.is_word()) {
        return None;
    }
    title_lookup(doc, i, end)
}

/// [`title_at`] once token `i` can start a title.
#[inline(never)]
fn title_lookup(doc: &Cx, i: usize, end: usize) -> Option<usize> {
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
            || looks_like_verb(w)
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
#[inline]
pub(crate) fn honorific_class_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, Gender, HonorificClass)> {
    if !doc.has(i, word::HONORIFIC) || !is_cap(doc, i) {
        return None;
    }
    honorific_class_lookup(doc, i, end)
}

/// [`honorific_class_at`] once token `i` can start one.
#[inline(never)]
fn honorific_class_lookup(doc: &Cx, i: usize, end: usize) -> Option<(usize, Gender, HonorificClass)> {
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
#[inline]
pub(crate) fn demonym_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static str)> {
    if !doc.has(i, word::DEMONYM) || !is_cap(doc, i) {
        return None;
    }
    demonym_lookup(doc, i, end)
}

/// [`demonym_at`] once token `i` can start one.
#[inline(never)]
fn demonym_lookup(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static str)> {
    let first = &doc.first_words(i).demonym;
    lex()
        .demonyms
        .longest(doc, i, end, first, |_, _| true)
        .map(|(n, &c)| (n, c))
}

/// The words of a personal name starting at token `i`: capitalised words (not titles, honorifics,
/// weekdays…), with particles between them ("Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen"),
/// at most six words.
pub(crate) fn name_run(doc: &Cx, i: usize, end: usize) -> Option<Range<usize>> {
    let mut k = i;
    let mut last = None;
    while k < end && k < i + 8 {
        if is_cap(doc, k) && !doc.has(k, word::NOT_NAME) && !doc.is(k, "'s") {
            if k > i && (title_at(doc, k, end).is_some() && !is_cap(doc, k + 1)) {
                break;
            }
            // "Sen. Jane Doe Rep. John Roe" (a list whose separators were lost): an abbreviated rank
            // before the next name ends this one.
            if k > i && doc.is(k + 1, ".") && is_cap(doc, k + 2) && is_rank_abbreviation(doc, k) {
                break;
            }
            last = Some(k);
            k += 1;
        } else if last.is_some() && super::cand::is_particle(doc.low_bytes(k)) && {
            let mut m = k + 1;
            while m < end && m < k + 3 && super::cand::is_particle(doc.low_bytes(m)) {
                m += 1;
            }
            is_cap(doc, m)
        } {
            k += 1;
        } else if is_particle_hyphen(doc.tok(k)) {
            last = Some(k);
            k += 1;
        } else if last.is_some() && doc.is(k, ".") && super::mentions::is_initial(doc.tok(k - 1)) && is_cap(doc, k + 1)
        {
            // "L. Ron Hubbard", "John F. Kennedy": the full stop of an initial
            k += 1;
        } else {
            break;
        }
    }
    last.map(|e| i..e + 1)
}

/// Whether token `k` and the period after it form an abbreviated rank of `title_forms` ("Rep.", "Gov.").
#[inline(never)]
fn is_rank_abbreviation(doc: &Cx, k: usize) -> bool {
    let key = format!("{} .", doc.low(k));
    lex().title_forms.get(&key).is_some()
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
    if !doc.has(
        i,
        word::NAME | word::DEMONYM | word::HONORIFIC | word::TITLE | word::PARTY,
    ) {
        return None;
    }
    if !doc.title_ahead(i, end) && !doc.has(i, word::PARTY) {
        return None;
    }
    // a lower-case word opens a titled person only as a title, or as "the" before a capitalised name
    // (party words, names, nationality words and honorifics must be capitalised)
    let may_open =
        is_cap(doc, i) || doc.has(i, word::TITLE) || doc.has(i, word::NAME) && doc.is_the(i) && is_cap(doc, i + 1);
    if !may_open {
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
    let mut affiliation: Option<&'a str> = None;
    let mut gender = Gender::Unknown;
    let mut honorific_start = None;
    // a plural title form ("Sens.") is shared by the names after it
    let mut plural = false;
    // where the last title ended, so that a title right after it extends it ("deputy foreign minister")
    let mut title_end = usize::MAX;
    // a party word before the name or title ("Republican Tom Vale")
    let mut party = false;
    let mut steps = 0;
    while j < end && steps < 12 {
        steps += 1;
        if honorific_start.is_none()
            && titles.is_empty()
            && !party
            && let Some((n, p)) = party_adjective_at(doc, j, end)
            && (is_cap(doc, j + n) || title_at(doc, j + n, end).is_some())
        {
            affiliation = Some(p);
            party = true;
            j += n;
            continue;
        }
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
            if matches!(class, HonorificClass::Rank | HonorificClass::Royal) && honorific_start.is_none() {
                // a rank or a royal style is a title outside the mention: "Gen. Mark Milley", "Professor
                // Cres Eastman", "Pope Francis"; an abbreviation is written out ("Sen." → Senator)
                let mut e = j + n;
                if doc.is(e, ".") {
                    e += 1;
                }
                let (title, is_plural) = expanded_title(doc, j..e);
                plural |= is_plural;
                titles.push(title);
                title_end = e;
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
            if j == i && affiliation.is_none() && !is_cap(doc, j) {
                // "Fox anchor Dana Reyes", "Trump aide Ann Lee": the name just before the role
                affiliation = employer_before(doc, pre, i);
            }
            // a bare lower-case title must be followed by the name or another title
            let from = if j == i { modifiers_before(doc, j) } else { j };
            let text = text_of(doc, from..j + n);
            match titles.last_mut() {
                // "deputy foreign minister", "Defense Secretary": one title
                Some(t) if title_end == j => {
                    t.push(' ');
                    t.push_str(text);
                }
                _ => titles.push(text.to_string()),
            }
            j += n;
            title_end = j;
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
                if doc.is_the(k) {
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
    if titles.is_empty() && honorific_start.is_none() && !party {
        return None;
    }
    let name = name_run(doc, j, end)?;
    // "Muslim Student Association president": a name ending in an organisation's head word is not a
    // person's
    if super::cand::head_at(doc, name.end - 1).is_some_and(|h| h.kind == Some(ActorKind::Organization)) {
        return None;
    }
    // a party word alone introduces a person only before a personal name ("Republican Tom Vale", not
    // "Republican National Committee")
    if party && titles.is_empty() && honorific_start.is_none() && !personal_name(doc, name.clone(), end) {
        return None;
    }
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
    let mut next = name.end;
    if c.affiliation.is_none()
        && let Some((p, after)) = party_letter(doc, next)
    {
        // "Sen. Ann Lee (D-Calif.)"
        c.affiliation = Some(p);
        next = after;
    }
    apposition(doc, next, end, &mut c, pre);
    // "Sens. Ann Lee and Bo Park": the plural title is shared by the next names
    let shared = plural.then(|| (c.titles.clone(), c.affiliation));
    pre.push(c);
    if let Some((titles, affiliation)) = shared {
        let mut k = next;
        while k < end && (doc.is(k, "and") || doc.is(k, ",")) {
            let mut m = k + 1;
            if doc.is(m, "and") {
                m += 1;
            }
            let Some(r) = name_run(doc, m, end) else { break };
            if r.len() < 2 && !doc.has(r.start, word::FIRST_NAME)
                || name_at(doc, r.start, end).is_some_and(|(n, e)| n == r.len() && e.kind == ActorKind::Country)
            {
                break;
            }
            let mut other = person_cand(doc, r.clone(), r.clone());
            other.titles = titles.clone();
            other.affiliation = affiliation;
            if let Some((p, after)) = party_letter(doc, r.end) {
                other.affiliation = Some(p);
                k = after;
            } else {
                k = r.end;
            }
            pre.push(other);
            next = k;
        }
    }
    Some(next)
}

/// The title for the rank or abbreviation at tokens `r` and whether it is plural: the full title of an
/// abbreviation ("Sen." → Senator, "Lt. Gen." → Lieutenant General, "Sens." → Senator, plural), else the
/// text as written ("Professor").
fn expanded_title(doc: &Cx, r: Range<usize>) -> (String, bool) {
    let mut key = String::new();
    for k in r.clone() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(doc.low(k));
    }
    match lex().title_forms.get(&key) {
        Some(t) => (t.title.to_string(), t.plural),
        None => (text_of(doc, r).to_string(), false),
    }
}

/// Where the lower-case words that belong to the title at `j` start: up to three words from
/// `title_modifiers` right before it ("former prime minister", "presidential nominee"; "Former" when it
/// opens the sentence).
fn modifiers_before(doc: &Cx, j: usize) -> usize {
    let mut m = j;
    while m > 0
        && m + 3 > j
        && doc.has(m - 1, word::TITLE_MOD)
        && (!is_cap(doc, m - 1) || super::cand::starts_clause(doc, m - 1))
    {
        m -= 1;
        if super::cand::starts_clause(doc, m) {
            break;
        }
    }
    m
}

/// A party word used before a name or a title at token `i` ("Republican", "GOP"), capitalised, as (length,
/// party).
pub(crate) fn party_adjective_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, &'static str)> {
    if !doc.has(i, word::PARTY) || !is_cap(doc, i) {
        return None;
    }
    let parties = &lex().parties;
    // the longest form first: "Liberal Democrat", then "Republican"
    if i + 1 < end {
        let two = format!("{} {}", doc.low(i), doc.low(i + 1));
        if let Some(p) = parties.get(&two).filter(|p| p.used == PartyUse::Adjective) {
            return Some((2, p.name));
        }
    }
    let p = parties.get(doc.low(i)).filter(|p| p.used == PartyUse::Adjective)?;
    Some((1, p.name))
}

/// A party letter in brackets after a name, "(D-Calif.)", "(R)", "(I-Vt.)", as (party, the token after the
/// closing bracket).
pub(crate) fn party_letter(doc: &Cx, i: usize) -> Option<(&'static str, usize)> {
    if !doc.is(i, "(") || i + 1 >= doc.tokens.len() {
        return None;
    }
    let t = doc.tok(i + 1);
    let letter = t.split('-').next().unwrap_or(t);
    if letter.len() != 1 || !letter.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let p = lex().parties.get(&letter.to_ascii_lowercase())?;
    if p.used != PartyUse::Letter {
        return None;
    }
    // the bracket closes within a few tokens ("( D - Calif . )")
    let close = (i + 2..(i + 8).min(doc.tokens.len())).find(|&k| doc.is(k, ")"))?;
    Some((p.name, close + 1))
}

/// Whether the capitalised words `r` look like a personal name rather than an organisation's: no lexicon
/// name at their start, no head word, and a given name first or no word also written in lower case or
/// common in organisation names.
fn personal_name(doc: &Cx, r: Range<usize>, end: usize) -> bool {
    if r.len() < 2 || name_at(doc, r.start, end).is_some() || r.clone().any(|k| doc.has(k, word::HEAD)) {
        return false;
    }
    doc.has(r.start, word::FIRST_NAME) || !r.clone().any(|k| doc.lower_seen(k) || doc.has(k, word::ORG_WORD))
}

/// A person candidate for the mention `mention` whose name words are `name`.
pub(crate) fn person_cand<'a>(doc: &Cx<'a>, mention: Range<usize>, name: Range<usize>) -> Cand<'a> {
    let mut words: Vec<&'a str> = name
        .clone()
        .map(|k| doc.lower(k))
        .filter(|w| !super::cand::is_particle(w.as_bytes()))
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
        if doc.is_the(m) {
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
        } else if let Some(org) = unknown_organisation(doc, m, end) {
            // "a professor at Lakeside University": an organisation or place known by its head word
            if affiliation.is_none() {
                affiliation = Some(super::mentions::strip_the(doc, org.tokens.clone()));
            }
            extra.push(org);
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

/// An organisation or place at token `m` that no lexicon names, known by its head word: `Lakeside
/// University`, `the University of Kabul`, `Metro Toronto Convention Centre`.
fn unknown_organisation<'a>(doc: &Cx<'a>, m: usize, end: usize) -> Option<Cand<'a>> {
    if !is_cap(doc, m) {
        return None;
    }
    let run = super::mentions::cap_run_end(doc, m, end);
    if run < m + 2 {
        return None;
    }
    let (kind, class) = super::mentions::head_kind(doc, m..run)?;
    let kind = kind?;
    let mut c = Cand::new(m..run, CandKind::Named(kind), super::mentions::strip_the(doc, m..run));
    c.class = class;
    Some(c)
}

/// The actor named by the candidate that ends right before a lower-case role at token `i` ("Fox anchor
/// Dana Reyes", "Trump aide Ann Lee", "Reuters reporter …"): its name, when it is a lone word, an
/// organisation, a country or a person. A lone word is marked as an employer (an organisation unless it
/// names a person).
fn employer_before<'a>(doc: &Cx, pre: &mut [Cand<'a>], i: usize) -> Option<&'a str> {
    let c = pre.last_mut().filter(|c| c.tokens.end == i)?;
    match c.kind {
        CandKind::Single => {
            // not a sentence opener that is no proper noun ("Senior researcher …", "Campaign aide …";
            // "Fox anchor Dana Reyes asked" is) nor the end of a longer phrase ("Welfare of Immigrants
            // campaigner …"); after "The" opening a sentence, a proper noun too ("The Olympic champion")
            let a = c.tokens.start;
            if (super::cand::starts_clause(doc, a) || a > 0 && doc.is_the(a - 1)) && !proper_employer(doc, a)
                || doc.has(a, word::TITLE_MOD)
                || a > 0 && doc.tokens[a - 1].is_word() && !is_cap(doc, a - 1) && !employer_may_follow(doc, a)
            {
                return None;
            }
            c.employer = true;
        }
        CandKind::Named(ActorKind::Organization | ActorKind::Country | ActorKind::Person) => {}
        _ => return None,
    }
    if let Some(canon) = c.canon {
        return Some(canon);
    }
    match &c.name {
        std::borrow::Cow::Borrowed(s) => Some(s),
        std::borrow::Cow::Owned(_) => None,
    }
}

/// Whether the lone word at `a`, after a lower-case word, may still name the employer of the role after
/// it: the word before opens a noun phrase ("asked by Fox anchor Dana Reyes", "said Fox anchor …") and
/// the tagger reads the word as a proper noun. Not inside a longer name ("Welfare of Immigrants
/// campaigner"), nor an adjective after a determiner ("the Shi'ite cleric", "a Sunni leader").
fn employer_may_follow(doc: &Cx, a: usize) -> bool {
    use crate::tagger::Upos;
    !matches!(doc.low_bytes(a - 1), b"of" | b"and" | b"for" | b"&")
        && matches!(
            doc.upos(a - 1),
            Upos::Adp | Upos::Verb | Upos::Aux | Upos::Sconj | Upos::Cconj
        )
        && proper_employer(doc, a)
}

/// Whether the lone word at `a`, where the rules alone cannot tell (a clause's first word, or after a
/// lower-case word), names an employer: the tagger reads it as a proper noun, the article never writes
/// it in lower case, it is no hyphenated modifier ("Hard-line", "Center-left"), and the name model
/// prefers a person or an organisation to its class of nationalities and other names ("Fox anchor Dana
/// Reyes", "Gazprom chief …"; not "Shi'ite cleric", "Soviet leader", "Olympic champion").
fn proper_employer(doc: &Cx, a: usize) -> bool {
    if doc.lower_seen(a) || doc.tok(a).contains('-') || doc.upos(a) != crate::tagger::Upos::Propn {
        return false;
    }
    crate::tagger::names::lone_name(doc, a).is_some_and(|(_, t)| t[0].max(t[1]) > t[3])
}

/// Whether a lower-case word between a name and a title is more likely a verb than a noun that narrows
/// the title ("Kennedy met writer …", not "EU competition chief …"): a past form or a common short verb.
fn looks_like_verb(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "met"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "had"
                | "says"
                | "told"
                | "saw"
                | "hit"
                | "beat"
                | "led"
                | "won"
                | "lost"
                | "left"
                | "sent"
                | "made"
                | "took"
                | "gave"
                | "called"
                | "thanked"
                | "praised"
                | "urged"
                | "asked"
                | "named"
                | "hired"
                | "fired"
                | "became"
                | "becomes"
                | "as"
        )
}
