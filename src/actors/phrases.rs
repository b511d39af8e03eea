//! Anonymous sources, groups of people and descriptions that refer back to an organisation.

use super::MentionForm;
use super::cand::{Cand, CandKind, Cx, head_at, is_cap, noun_at, text_of};
use super::titles::{demonym_at, honorific_at, name_at, name_run, title_at};
use crate::lexicon::actors::{NounKind, word};
use crate::model::ActorKind;

/// A source or group phrase at token `i`: `sources`, `one of the sources`, `a senior official`, `Arab
/// mediators`, `Residents of southern Lebanon`, `US officials`.
///
/// The mention covers the phrase up to its noun; a following `of` + place ("of southern Lebanon") joins
/// the actor's name but not the mention, so that the place keeps its own mention. Pushes the candidates (a
/// country named inside, then the phrase) onto `out` and returns the next token; `None` pushes nothing.
#[inline]
pub(crate) fn source_or_group<'a>(doc: &Cx<'a>, i: usize, end: usize, out: &mut Vec<Cand<'a>>) -> Option<usize> {
    // the phrase opens with a determiner, a modifier, a demonym, a country or its noun, and ends in a noun
    if !doc.has(i, word::NOUN | word::DEMONYM | word::NAME | word::DETERMINER) || !doc.noun_ahead(i, end) {
        return None;
    }
    let mut j = i;
    let mut det = "";
    if doc.is(j, "one") && doc.is(j + 1, "of") && doc.is_the(j + 2) {
        det = "one of";
        j += 3;
    } else if doc.has(j, word::DETERMINER) && !doc.is(j, "one") {
        // "a", "an", "another": the determiners other than "one" (see `PHRASE_DETERMINERS`)
        det = "a";
        j += 1;
    }
    // "Olena Kovalenko, 34, a nurse": the role noun of an apposition is the person's title, not a group
    if det == "a" && i >= 2 && doc.is(i - 1, ",") {
        let before = &doc.tokens[i - 2];
        if before.kind == crate::text::TokenKind::Number || is_cap(doc, i - 2) {
            return None;
        }
    }
    let mut country = None;
    let mut affiliation = None;
    let mut phrase_start = i;
    let mut mods = 0;
    while j < end && mods < 3 {
        if let Some((n, NounKind::Modifier)) = noun_at(doc, j, end) {
            j += n;
            mods += 1;
        } else if let Some((n, c)) = demonym_at(doc, j, end) {
            affiliation = Some(c);
            j += n;
            mods += 1;
        } else if let Some((n, e)) = name_at(doc, j, end)
            && e.kind == ActorKind::Country
            && det.is_empty()
            && mods == 0
        {
            // "US officials": the country keeps its own mention
            country = Some((j..j + n, e));
            affiliation = Some(e.name);
            j += n;
            phrase_start = j;
            mods += 1;
        } else {
            break;
        }
    }
    let (n, kind, plural) = match noun_at(doc, j, end) {
        Some((n, NounKind::Person { kind, plural })) => (n, kind, plural),
        _ => return None,
    };
    // number agreement: "one of the sources", "a senior official", bare plurals
    match det {
        "one of" | "" if !plural => return None,
        "a" if plural => return None,
        _ => {}
    }
    let head_end = j + n;
    // "officials Ahmed …" is a title use; "source code" is not a source
    if is_cap(doc, head_end) && det.is_empty() && !doc.is(head_end, "'s") {
        return None;
    }
    // a bare group noun after an organisation name ("Hamas fighters") belongs to that organisation
    if det.is_empty() && mods == 0 && i > 0 && is_cap(doc, i - 1) && !super::cand::starts_clause(doc, i - 1) {
        return None;
    }
    let mut name_end = head_end;
    if doc.is(head_end, "of") {
        let mut k = head_end + 1;
        if doc.is_the(k) {
            k += 1;
        }
        if matches!(
            doc.tokens.get(k).map(|_| doc.low(k)),
            Some("southern" | "northern" | "eastern" | "western" | "central")
        ) {
            k += 1;
        }
        if let Some((n, _)) = name_at(doc, k, end) {
            name_end = k + n;
        }
    }
    if affiliation.is_none() && kind == ActorKind::Source {
        affiliation = employer_after(doc, head_end, end);
    }
    let mut c = Cand::new(
        phrase_start..head_end,
        CandKind::Named(kind),
        text_of(doc, phrase_start..name_end),
    );
    if phrase_start > i {
        // "US officials": name the phrase with its country
        c.name = text_of(doc, i..name_end).into();
    }
    c.affiliation = affiliation;
    c.form = MentionForm::Phrase;
    c.speaks = super::cand::speech_after(doc, head_end);
    if let Some((r, e)) = country {
        out.push(Cand::lexicon(doc, r, e));
    }
    out.push(c);
    Some(head_end)
}

/// Whom the source of a source phrase speaks for, named after "to" or "for" at token `k`: a person's
/// staff ("an aide to Senator Ann Lee", "a spokesman for Palestinian President Mahmoud Abbas": the name,
/// without its titles) or, after "for", an organisation or country of the lexicon ("a spokesman for
/// Hamas"). Not a lone unknown word ("a source close to Vale"), nor anything after another word ("a
/// spokesman for the ministry"), nor a place one goes to ("an envoy to Iraq": no lexicon name after "to").
/// Groups are left out by the caller ("troops to Somalia").
fn employer_after<'a>(doc: &Cx<'a>, k: usize, end: usize) -> Option<&'a str> {
    let to = doc.is(k, "to");
    if !(to || doc.is(k, "for")) || !super::cand::is_cap(doc, k + 1) {
        return None;
    }
    let mut k = k + 1;
    if let Some((_, e)) = name_at(doc, k, end) {
        let body = matches!(e.kind, ActorKind::Organization | ActorKind::Country);
        return (body && !to && !is_cap(doc, k + 1)).then_some(e.name);
    }
    // the person's titles: a nationality, titles, an honorific ("Palestinian President", "Sen.")
    for _ in 0..4 {
        if let Some((n, _)) = demonym_at(doc, k, end) {
            k += n;
        } else if let Some(n) = title_at(doc, k, end) {
            k += n;
        } else if let Some((n, _)) = honorific_at(doc, k, end) {
            k += n;
            if doc.is(k, ".") {
                k += 1;
            }
        } else {
            break;
        }
    }
    let r = name_run(doc, k, end).filter(|r| r.len() >= 2 && name_at(doc, r.start, end).is_none())?;
    Some(text_of(doc, r))
}

/// A description that refers back to an organisation: `the Palestinian armed group`, `The Lebanese
/// militant group`, `the ministry`, `the agency`. Resolved later to the last organisation of that class
/// (and country, when the description names one) mentioned before.
#[inline]
pub(crate) fn description<'a>(doc: &Cx<'a>, i: usize, end: usize) -> Option<Cand<'a>> {
    if !doc.is_the(i) {
        return None;
    }
    // the head word comes within three words of "the", unless a nationality word opens the phrase
    if !doc.has(i + 1, word::DEMONYM) && !(i + 1..(i + 4).min(end)).any(|j| doc.has(j, word::HEAD)) {
        return None;
    }
    description_after_the(doc, i, end)
}

/// [`description`] once token `i` is known to be "the".
fn description_after_the<'a>(doc: &Cx<'a>, i: usize, end: usize) -> Option<Cand<'a>> {
    let mut j = i + 1;
    let mut country = None;
    // "the New Zealand government": a country name keeps its own mention
    if name_at(doc, j, end).is_some() {
        return None;
    }
    if let Some((n, c)) = demonym_at(doc, j, end) {
        country = Some(c);
        j += n;
    }
    let mut adjectives = 0;
    loop {
        if j >= end || !doc.tokens[j].is_word() || is_cap(doc, j) {
            return None;
        }
        if let Some(h) = head_at(doc, j)
            && h.kind == Some(ActorKind::Organization)
        {
            // the head must end the noun phrase
            if doc.tokens.get(j + 1).is_some_and(|t| t.is_word()) && doc.has(j + 1, word::HEAD) {
                return None;
            }
            let mut c = Cand::new(i..j + 1, CandKind::Description, text_of(doc, i..j + 1));
            c.home = country;
            c.class = h.class;
            c.form = MentionForm::Description;
            if doc.low(j) == "group" {
                c.class = "armed";
            }
            return Some(c);
        }
        adjectives += 1;
        if adjectives > 2 {
            return None;
        }
        j += 1;
    }
}
