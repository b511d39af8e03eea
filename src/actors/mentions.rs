//! The scanner: walks each sentence once, left to right, and collects candidate mentions (names from the
//! lexicons, titled persons, capitalised name chunks, source and group phrases, descriptions).

use super::cand::{
    Cand, CandKind, Cx, head_at, in_title, is_all_caps, is_cap, is_particle, lex, noun_at, speech_after, starts_clause,
    text_of,
};
use super::phrases::{description, source_or_group};
use super::titles::{apposition, demonym_at, honorific_at, name_at, person_cand, title_at, titled_person};
use crate::lexicon::actors::word;
use crate::model::ActorKind;

/// The most candidates reserved before the scan (a long article's; more grow the vector).
const CANDS_AT_ONCE: usize = 1024;

/// Finds every candidate mention of the document, sorted by position.
pub(crate) fn scan<'a>(doc: &Cx<'a>) -> Vec<Cand<'a>> {
    // news has about one candidate per ten tokens (55 bytes): sized at one per 33 bytes, so that the
    // list rarely grows. Sized by bytes, not tokens: text of many short tokens and no names ('"\n'
    // repeated) would otherwise reserve a Cand (~160 bytes) for every six of them. Capped at a long
    // article's (33 KB): a longer text may have no names at all, and its list grows if it has.
    let mut out = Vec::with_capacity((doc.text.len() / 33 + 8).min(CANDS_AT_ONCE));
    for s in &doc.sentences {
        let end = s.tokens.end;
        let mut i = s.tokens.start;
        loop {
            i = doc.next_opening(i, end);
            if i >= end {
                break;
            }
            i = step(doc, i, end, &mut out).max(i + 1);
        }
    }
    // the scanners push in text order but for a few look-behinds: sort only then (a stable sort allocates)
    let key = |c: &Cand| (c.tokens.start, std::cmp::Reverse(c.tokens.end));
    if !out.is_sorted_by_key(key) {
        out.sort_by_key(key);
    }
    // drop candidates overlapping an earlier one (the last kept)
    out.dedup_by(|c, kept| kept.tokens.end > c.tokens.start);
    // a long text grew the list by doubling: give the spare room back before the actors are built
    // (up to half of a list of ~160-byte candidates, 2.6 MB for a MiB of news)
    if out.capacity() > out.len() + out.len() / 8 + 64 {
        out.shrink_to_fit();
    }
    out
}

/// One step of the scan at token `i`, a token that [`Cx::next_opening`] gives (a word that is capitalised,
/// starts a lexicon entry or is "the": any other starts nothing here, as each scanner below tests one by
/// one): returns the next token to look at.
#[inline(always)]
fn step<'a>(doc: &Cx<'a>, i: usize, end: usize, out: &mut Vec<Cand<'a>>) -> usize {
    if let Some(next) = titled_person(doc, i, end, out) {
        return next;
    }
    if let Some(next) = source_or_group(doc, i, end, out) {
        return next;
    }
    if let Some(c) = description(doc, i, end) {
        let next = c.tokens.end;
        out.push(c);
        return next;
    }
    if is_cap(doc, i) {
        return chunk(doc, i, end, out);
    }
    i + 1
}

/// The end of a run of capitalised words from `i`: capitalised words, particles between them, `&`,
/// `of` (`the`) after an organisation or place head word ("Ministry of Foreign Affairs", "University of
/// Kabul"), and `'s` before a head word ("Korean People's Army"). The run stops before an honorific
/// ("Education Mr. Toccafondi") and after a head word followed by a word that is not one ("Refugee
/// Council Enver Solomon").
pub(crate) fn cap_run_end(doc: &Cx, i: usize, end: usize) -> usize {
    let mut k = i;
    let mut has_head = false;
    // inside the complement of a head word ("Ministry of Fisheries and Oceans")
    let mut complement = false;
    while k < end && k < i + 10 {
        if is_cap(doc, k) && (!doc.has(k, word::NOT_NAME) || is_all_caps(doc, k)) {
            if k > i && honorific_at(doc, k, end).is_some() {
                break;
            }
            let head = doc.has(k, word::HEAD);
            // "Refugee Council Enver Solomon": a head word, then a given name
            if k > i && has_head && !head && doc.has(k - 1, word::HEAD) && doc.has(k, word::FIRST_NAME) {
                break;
            }
            has_head |= head;
            k += 1;
            continue;
        }
        // the lower-cased word is read only when the word is not capitalised
        let low = doc.low_bytes(k);
        if k > i
            && (is_particle(low) || low == b"&")
            && (is_cap(doc, k + 1) || is_particle(doc.low_bytes((k + 1).min(end - 1))) && is_cap(doc, k + 2))
        {
            k += 1;
        } else if complement
            && low == b"and"
            && is_cap(doc, k + 1)
            && !doc.has(k + 1, word::NOT_NAME)
            && name_at(doc, k + 1, end).is_none()
            && (k + 2 >= end || !is_cap(doc, k + 2))
        {
            // "Ministry of Fisheries and Oceans": one more word of the complement, not another name
            k += 1;
        } else if k > i && has_head && (low == b"of" || low == b"for" && k == i + 1) {
            let m = if doc.is_the(k + 1) { k + 2 } else { k + 1 };
            if is_cap(doc, m) && !doc.has(m, word::NOT_NAME) {
                complement = true;
                k = m;
            } else {
                break;
            }
        } else if k > i && low == b"'s" && is_cap(doc, k + 1) && doc.has(k + 1, word::HEAD) {
            k += 1;
        } else if k > i && low == b"." && is_initial(doc.tok(k - 1)) && k + 1 < end && is_cap(doc, k + 1) {
            // "John F. Kennedy": the full stop of an initial
            k += 1;
        } else {
            break;
        }
    }
    k
}

/// The kind given by a head word: the last word of `r`, its first word ("Lake Michigan", "Group F"), or
/// the word before `of` ("University of Kabul"), which comes first. `Some((None, _))` for things that are not actors
/// ("Lantern Festival", "Clean Air Act").
pub(crate) fn head_kind(doc: &Cx, r: std::ops::Range<usize>) -> Option<(Option<ActorKind>, &'static str)> {
    let last = r.end.checked_sub(1)?;
    // the word before "of" heads the whole name ("Institute for the Study of War", "Bank of England")
    for k in r.clone() {
        if (doc.is(k + 1, "of") || doc.is(k + 1, "for"))
            && k + 1 < r.end
            && let Some(h) = head_at(doc, k)
        {
            return Some((h.kind, h.class));
        }
    }
    if let Some(h) = head_at(doc, last) {
        return Some((h.kind, h.class));
    }
    if r.len() == 2
        && let Some(h) = head_at(doc, r.start)
        && h.kind.is_some()
        && title_at(doc, r.start + 1, r.end).is_none()
    {
        return Some((h.kind, h.class));
    }
    for k in r {
        if (doc.is(k + 1, "of") || doc.is(k + 1, "for"))
            && let Some(h) = head_at(doc, k)
        {
            return Some((h.kind, h.class));
        }
    }
    None
}

/// A capitalised chunk at token `i`: a lexicon name (possibly extended into an organisation or place
/// name by a head word: "United States Navy", "Qatari Foreign Ministry"), or an unknown run of
/// capitalised words classified by its head word, else read as a personal name (two words or more) or
/// kept as a lone word to resolve later.
fn chunk<'a>(doc: &Cx<'a>, i: usize, end: usize, out: &mut Vec<Cand<'a>>) -> usize {
    let title_line = in_title(doc, i);
    if let Some((n, e)) = name_at(doc, i, end)
        && !(n == 1 && doc.lower_seen(i) && is_cap(doc, i + 1) && !e.exact_case)
        && !(e.exact_case && doc.is(i + n, "$"))
    {
        let run = cap_run_end(doc, i + n, end);
        if run > i + n
            && let Some((kind, class)) = head_kind(doc, i..run)
        {
            let Some(kind) = kind else {
                // "Google Science Fair", "FIFA World Cup": the organiser of the event is still named
                if e.kind == ActorKind::Organization {
                    out.push(Cand::lexicon(doc, i..i + n, e));
                }
                return run;
            };
            let mut c = Cand::new(i..run, CandKind::Named(kind), strip_the(doc, i..run));
            c.class = class;
            c.home = e.country.or_else(|| (e.kind == ActorKind::Country).then_some(e.name));
            if kind == ActorKind::Organization && class == "government" {
                c.affiliation = c.home;
            }
            out.push(c);
            return run;
        }
        // a place name followed by another capitalised word is a first name ("Israel Katz")
        if run > i + n
            && matches!(e.kind, ActorKind::Country | ActorKind::Location)
            && !title_line
            && name_at(doc, i + n, end).is_none()
            && demonym_at(doc, i + n, end).is_none()
            && !e.exact_case
            && let Some(r) = super::titles::name_run(doc, i, end)
            && r.len() >= 2
            && doc.has(i, word::FIRST_NAME)
        {
            push_person(doc, r.clone(), end, out);
            return r.end;
        }
        if e.kind == ActorKind::Location
            && e.class != "region"
            && let Some((r, region)) = region_after(doc, i + n, end)
        {
            // "Boise, Idaho": one place, named in full; each name keeps its own mention
            let whole = text_of(doc, i..r.end);
            let mut c = Cand::lexicon(doc, i..i + n, e);
            c.name = whole.into();
            out.push(c);
            let mut c = Cand::lexicon(doc, r.clone(), region);
            c.name = whole.into();
            c.canon = Some(e.name);
            c.form = super::MentionForm::Alias;
            out.push(c);
            return r.end;
        }
        out.push(Cand::lexicon(doc, i..i + n, e));
        if e.kind == ActorKind::Country
            && let Some(c) = country_body(doc, i..i + n, e.name, end)
        {
            let next = c.tokens.end;
            out.push(c);
            return next;
        }
        return i + n;
    }
    if let Some((n, country)) = demonym_at(doc, i, end) {
        let run = cap_run_end(doc, i + n, end);
        if run > i + n
            && let Some((kind, class)) = head_kind(doc, i + n..run)
        {
            let Some(kind) = kind else { return run };
            let mut c = Cand::new(i..run, CandKind::Named(kind), strip_the(doc, i..run));
            c.class = class;
            c.home = Some(country);
            if kind == ActorKind::Organization {
                c.affiliation = Some(country);
            }
            out.push(c);
            return run;
        }
        return i + n;
    }
    if is_handle(doc, i) || adjective_compound(doc, i) {
        return i + 1;
    }
    if ends_organisation_name(doc, i) {
        return cap_run_end(doc, i, end).max(i + 1);
    }
    let mut a = i;
    if common_opener(doc, a) {
        a += 1;
        if !is_cap(doc, a) {
            return a;
        }
        // the next word may start a lexicon name, or a titled person ("Yesterday Republican Tom Vale")
        if name_at(doc, a, end).is_some()
            || demonym_at(doc, a, end).is_some()
            || doc.has(a, word::PARTY | word::HONORIFIC | word::TITLE)
        {
            return a;
        }
    }
    if common_word(doc, a) {
        return a + 1;
    }
    let run_end = cap_run_end(doc, a, end);
    let b = run_stop(doc, a, run_end, end);
    // an acronym before ordinary capitalised words names an organisation of its own ("the FIRST Global
    // Challenge", "a NASA T-shirt"), unless a head word makes the whole run one name ("GB News")
    if is_acronym(doc, a) && b > a + 1 && !is_all_caps(doc, a + 1) && !title_line && head_kind(doc, a..b).is_none() {
        push_single(doc, a, out);
        // the rest of the run names a product or an event of that organisation
        return b;
    }
    // a title without a name ("during Prime Minister's Questions", "the Secretary of State")
    if let Some(n) = title_at(doc, a, end)
        && (a + n >= b || !is_cap(doc, a + n))
    {
        return (a + n).max(b);
    }
    let r = a..b;
    if r.is_empty() {
        return a + 1;
    }
    if title_line {
        // headline capitals: only lone words that resolve to an actor named in the body count
        for k in r.clone() {
            let mut c = Cand::new(k..k + 1, CandKind::Single, doc.tok(k));
            c.words = vec![doc.lower(k)];
            out.push(c);
        }
        return b;
    }
    classify_run(doc, r, end, out);
    b
}

/// A hashtag or a handle is not a name: `#IStandWithAhmed`, `@POTUS`.
fn is_handle(doc: &Cx, i: usize) -> bool {
    i > 0 && matches!(doc.low_bytes(i - 1), b"#" | b"@")
}

/// The words after "<organisation head> for the" finish the organisation's name and are not an actor of
/// their own: `The Andy Warhol Foundation for the Visual Arts gave money.` (not "Visual Arts").
fn ends_organisation_name(doc: &Cx, i: usize) -> bool {
    i >= 3
        && doc.is_the(i - 1)
        && doc.is(i - 2, "for")
        && is_cap(doc, i - 3)
        && head_at(doc, i - 3).is_some_and(|h| h.kind == Some(ActorKind::Organization))
}

/// A sentence opener that is a common word, capitalised only by its position: `Recent negotiations
/// concluded in Cairo.`, `Despite the escalation, …` (the word is listed as never a name, is written in
/// lower case elsewhere in the article, or typically opens sentences). Acronyms are never openers of this
/// sort ("WHO say …").
fn common_opener(doc: &Cx, i: usize) -> bool {
    starts_clause(doc, i)
        && !is_acronym(doc, i)
        && (doc.has(i, word::NOT_NAME)
            || doc.lower_seen(i)
            || crate::lexicon::segmentation::is_sentence_starter(doc.tok(i)))
}

/// A word that is never a name (`Monday`, `July`), or a common word written in capitals (`UNLESS of
/// course`) unless it leads a name (`the FIRST Global Challenge`).
fn common_word(doc: &Cx, i: usize) -> bool {
    doc.has(i, word::NOT_NAME) || is_all_caps(doc, i) && doc.lower_seen(i) && !is_cap(doc, i + 1)
}

/// Whether token `i` is a hyphenated adjective such as "Islamist-controlled" or "US-led" (its last part is
/// listed as "-controlled" in `not_names.txt`).
fn adjective_compound(doc: &Cx, i: usize) -> bool {
    if !doc.tokens[i].has(crate::text::flags::HYPHENATED) {
        return false;
    }
    let low = doc.low(i);
    low.rfind('-').is_some_and(|p| lex().not_names.contains(&low[p..]))
}

/// Whether token `i` is an acronym of three letters or more ("NASA", "FIRST"), not initials ("K.C.").
fn is_acronym(doc: &Cx, i: usize) -> bool {
    is_all_caps(doc, i)
        && !doc.tok(i).contains('.')
        && !doc.tok(i).chars().any(|c| c.is_ascii_digit())
        && doc.tok(i).chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// A lone capitalised word, resolved later.
fn push_single<'a>(doc: &Cx<'a>, a: usize, out: &mut Vec<Cand<'a>>) {
    let mut c = Cand::new(a..a + 1, CandKind::Single, doc.tok(a));
    c.words = vec![doc.lower(a)];
    c.speaks = speech_after(doc, a + 1);
    c.form = super::MentionForm::Alias;
    out.push(c);
}

/// A person named by the words `r`, with the apposition that may follow.
fn push_person<'a>(doc: &Cx<'a>, r: std::ops::Range<usize>, end: usize, out: &mut Vec<Cand<'a>>) {
    let mut c = person_cand(doc, r.clone(), r.clone());
    let mut extra = Vec::new();
    apposition(doc, r.end, end, &mut c, &mut extra);
    out.push(c);
    out.extend(extra);
}

/// An organisation of no particular class ("any"): an all-capitals run or a run of common words.
fn push_organisation<'a>(doc: &Cx<'a>, r: std::ops::Range<usize>, out: &mut Vec<Cand<'a>>) {
    let mut c = Cand::new(r.clone(), CandKind::Named(ActorKind::Organization), text_of(doc, r));
    c.class = "any";
    out.push(c);
}

/// Classifies an unknown run of capitalised words `r` (no lexicon name at its start):
/// - by its head word: `Metro Toronto Convention Centre` (place), `Civic Party` (organisation),
///   `Taipei City Lantern Festival` (no actor);
/// - a run followed by a number names a product or an event (`Internet Explorer 6`, `Fan Expo Canada
///   2016`): no actor;
/// - two words or more: a person when the first is a given name or when no word of it is also written in
///   lower case in the article (`Kyle Walker`); an organisation otherwise (`Sea Org`, `People Power`);
/// - one word: kept as a lone word to resolve later.
fn classify_run<'a>(doc: &Cx<'a>, r: std::ops::Range<usize>, end: usize, out: &mut Vec<Cand<'a>>) {
    if let Some((kind, class)) = head_kind(doc, r.clone()) {
        // a bare head word ("State", "Council") names something only after "the" ("the Church"):
        // kept as a lone word to resolve later
        if let Some(kind) = kind {
            if r.len() > 1 {
                let mut c = Cand::new(r.clone(), CandKind::Named(kind), strip_the(doc, r.clone()));
                c.class = class;
                out.push(c);
            } else if r.start > 0 && doc.low(r.start - 1) == "the" {
                push_single(doc, r.start, out);
            }
        }
        return;
    }
    if doc
        .tokens
        .get(r.end)
        .is_some_and(|t| t.kind == crate::text::TokenKind::Number)
        || titles_a_work(doc, r.start)
    {
        return;
    }
    // "Sindh province", "Belgorod region", "Darnytskyi district": a place named before a lower-case place word
    if !is_cap(doc, r.end)
        && doc.tokens.get(r.end).is_some_and(|t| t.is_word())
        && head_at(doc, r.end).is_some_and(|h| h.kind == Some(ActorKind::Location))
        && !starts_clause(doc, r.start)
    {
        let mut c = Cand::new(r.clone(), CandKind::Named(ActorKind::Location), text_of(doc, r.clone()));
        c.class = "region";
        out.push(c);
        return;
    }
    if r.len() == 1 {
        push_single(doc, r.start, out);
        return;
    }
    if r.clone().all(|k| is_all_caps(doc, k)) {
        push_organisation(doc, r, out);
        return;
    }
    // "Louis XIV", "Elizabeth II": a monarch's or pope's numeral ends a personal name
    if r.len() >= 2 && is_roman_numeral(doc.tok(r.end - 1)) && !r.clone().any(|k| doc.has(k, word::HEAD)) {
        push_person(doc, r, end, out);
        return;
    }
    // "PlayStation VR", "Windows XP": a product and its code
    if is_all_caps(doc, r.end - 1) && !doc.tok(r.end - 1).contains('.') {
        return;
    }
    let initial = doc.tok(r.start).ends_with('.') || doc.is(r.start + 1, ".");
    let given = doc.has(r.start, word::FIRST_NAME) || initial;
    let common = r.clone().any(|k| {
        let w = doc.low(k);
        (doc.lower_seen(k) || doc.has(k, word::ORG_WORD)) && !doc.has(k, word::FIRST_NAME) && !is_particle(w.as_bytes())
    });
    if given || !common {
        push_person(doc, r, end, out);
    } else {
        push_organisation(doc, r, out);
    }
}

/// Whether the capitalised run at `a` is the title of a work, named right after a lower-case noun for
/// one (`work_nouns.txt`): "the novel Blue Harbour Lights", "the film Silent Hours". Not "the novel's
/// author Ann Lee" (a possessive is no title's noun), "Author Ann Lee" (capitalised), nor a verb ("they
/// will play Manchester United": the tagger reads the word as a verb).
fn titles_a_work(doc: &Cx, a: usize) -> bool {
    a > 0
        && !is_cap(doc, a - 1)
        && doc.has(a - 1, word::WORK)
        && !matches!(doc.upos(a - 1), crate::tagger::Upos::Verb | crate::tagger::Upos::Aux)
}

/// Where a run of capitalised words from `a` stops before `run_end`: at a title, or at a lexicon name of
/// several words or a country that follows another capitalised word ("Tuesday FIRST", "Obama
/// Washington"). A one-word place or company after a first name stays in the name ("Valeska Paris");
/// names after a connector stay in the run ("Medical Journal of Australia").
fn run_stop(doc: &Cx, a: usize, run_end: usize, end: usize) -> usize {
    let mut b = a + 1;
    while b < run_end {
        if title_at(doc, b, end).is_some_and(|n| is_cap(doc, b + n)) {
            break;
        }
        // "Mount Kenya", "Lake Victoria": a place head word that opens the name keeps the name after it
        let place_opener = b == a + 1 && head_at(doc, a).is_some_and(|h| h.kind == Some(ActorKind::Location));
        if is_cap(doc, b - 1)
            && !place_opener
            && let Some((n, e)) = name_at(doc, b, end)
            && (n > 1 || e.kind == ActorKind::Country || is_all_caps(doc, b))
        {
            break;
        }
        b += 1;
    }
    b
}

/// The text of `r` without a leading "the".
pub(crate) fn strip_the<'a>(doc: &Cx<'a>, r: std::ops::Range<usize>) -> &'a str {
    if doc.is(r.start, "the") && r.len() > 1 {
        // keep "The National": a lexicon form that includes the article
        let with = text_of(doc, r.clone());
        if lex().names.get(&with.to_ascii_lowercase()).is_some() {
            return with;
        }
        return text_of(doc, r.start + 1..r.end);
    }
    text_of(doc, r)
}

/// A country's body named in lower case after the country's possessive: `Iran's foreign ministry said`,
/// `Israel's military` (up to two lower-case words, then an organisation head word that ends the phrase).
/// The country keeps its own mention; the body's mention is the lower-case words, its name the whole
/// phrase, and its affiliation and country the country. Not `Iran's capital` (no organisation head).
fn country_body<'a>(doc: &Cx<'a>, country: std::ops::Range<usize>, name: &'static str, end: usize) -> Option<Cand<'a>> {
    let s = country.end;
    if !doc.is(s, "'s") && !doc.is(s, "’s") {
        return None;
    }
    let a = s + 1;
    for k in a..(a + 3).min(end) {
        if !doc.tokens[k].is_word() || is_cap(doc, k) {
            return None;
        }
        if let Some(h) = head_at(doc, k)
            && h.kind == Some(ActorKind::Organization)
            && !doc.has(k + 1, word::HEAD)
            && !is_cap(doc, k + 1)
        {
            let mut c = Cand::new(
                a..k + 1,
                CandKind::Named(ActorKind::Organization),
                text_of(doc, country.start..k + 1),
            );
            c.class = h.class;
            c.home = Some(name);
            c.affiliation = Some(name);
            return Some(c);
        }
        if doc.has(k, word::NOUN)
            && matches!(
                noun_at(doc, k, k + 1),
                Some((_, crate::lexicon::actors::NounKind::Person { .. }))
            )
        {
            return None;
        }
    }
    None
}

/// Whether a token is one capital letter, an initial ("F" of "John F. Kennedy").
pub(crate) fn is_initial(t: &str) -> bool {
    let mut c = t.chars();
    c.next().is_some_and(char::is_uppercase) && c.next().is_none()
}

/// Whether a token is a Roman numeral of a monarch or a pope, II to XXIII ("Louis XIV", "Benedict XVI");
/// "I", "V" and "X" alone are too often other words.
fn is_roman_numeral(t: &str) -> bool {
    t.len() >= 2
        && t.len() <= 6
        && t.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && !t.contains("IIII")
        && !t.contains("VV")
}

/// The region of ", <region>" after a place, when it closes the name ("Boise, Idaho", "Dresden, Saxony"):
/// both name one place. Not before another capitalised word ("Boise, Idaho Falls").
fn region_after(
    doc: &Cx,
    at: usize,
    end: usize,
) -> Option<(std::ops::Range<usize>, &'static crate::lexicon::actors::NameEntry)> {
    if !doc.is(at, ",") {
        return None;
    }
    let (n, e) = name_at(doc, at + 1, end)?;
    let to = at + 1 + n;
    (e.kind == ActorKind::Location && e.class == "region" && !is_cap(doc, to)).then_some((at + 1..to, e))
}
