//! Candidate mentions: what the scanners find before mentions are grouped into actors.

use std::ops::Range;

use super::{Gender, MentionForm};
use crate::lexicon::actors::{ActorLexicon, lexicon};
use crate::model::ActorKind;
use crate::text::{Doc, flags};

/// What sort of candidate this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CandKind {
    /// A named actor of a known kind (person, organisation, country, location, source, group).
    Named(ActorKind),
    /// A person referred to by one name word after an honorific or title ("Mr Haniyeh", "Sheikh
    /// Mohammed"): an alias of a full name when one matches.
    PersonAlias,
    /// A lone capitalised word not in any lexicon ("Pezeshkian"): kept only when it resolves to a known
    /// actor or is clearly a name.
    Single,
    /// A description that refers back to an organisation ("the Palestinian armed group").
    Description,
}

/// A candidate mention.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// The tokens of the mention.
    pub tokens: Range<usize>,
    /// What it is.
    pub kind: CandKind,
    /// Canonical name (lexicon name, person name without courtesy honorific, phrase).
    pub name: String,
    /// Lower-case name words used to match aliases (persons only).
    pub words: Vec<String>,
    /// Titles found around the mention.
    pub titles: Vec<String>,
    /// Affiliation found around the mention.
    pub affiliation: Option<String>,
    /// Gender from an honorific.
    pub gender: Gender,
    /// The country an organisation belongs to (from the lexicon or a nationality adjective), used to
    /// resolve descriptions; or the country a description names.
    pub home: Option<String>,
    /// The lexicon class ("armed", "state_agency", "government"…) or a description's class.
    pub class: &'static str,
    /// How the actor is referred to.
    pub form: MentionForm,
    /// A speech verb follows ("Trump said").
    pub speaks: bool,
}

impl Cand {
    /// A candidate with default attributes.
    pub(crate) fn new(tokens: Range<usize>, kind: CandKind, name: String) -> Cand {
        Cand {
            tokens,
            kind,
            name,
            words: Vec::new(),
            titles: Vec::new(),
            affiliation: None,
            gender: Gender::Unknown,
            home: None,
            class: "",
            form: MentionForm::Name,
            speaks: false,
        }
    }
}

/// The lexicons (shorthand).
pub(crate) fn lex() -> &'static ActorLexicon {
    lexicon()
}

/// Whether token `i` is a capitalised word.
pub(crate) fn is_cap(doc: &Doc, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.is_word() && t.has(flags::CAPITALISED))
}

/// Whether token `i` is written in capitals ("NATO").
pub(crate) fn is_all_caps(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.has(flags::ALL_CAPS))
}

/// Whether token `i` lies in the title line.
pub(crate) fn in_title(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.has(flags::TITLE))
}

/// Whether token `i` opens its sentence, or follows an opening quotation mark or a colon that opens one.
pub(crate) fn starts_clause(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if t.has(flags::SENT_START) || t.has(flags::PARA_START) {
        return true;
    }
    i > 0 && (doc.tokens[i - 1].is_quote() || matches!(doc.tok(i - 1), ":" | "(" | "—" | "–"))
}

/// The text of tokens `r` as written.
pub(crate) fn text_of(doc: &Doc, r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    doc.slice(doc.span_of(r)).to_string()
}

/// Lower-case name particles that may sit between the capitalised words of a personal name
/// ("Mohammed bin Salman", "Ursula von der Leyen").
pub(crate) fn is_particle(low: &str) -> bool {
    matches!(
        low,
        "bin"
            | "ibn"
            | "bint"
            | "ben"
            | "al"
            | "el"
            | "de"
            | "da"
            | "das"
            | "dos"
            | "do"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "y"
            | "abu"
            | "bou"
            | "st."
    )
}

/// Whether a speech verb follows token `i` ("…, Trump said").
pub(crate) fn speech_after(doc: &Doc, i: usize) -> bool {
    let mut j = i;
    if doc.is(j, "'s") {
        return false;
    }
    if doc.is(j, "has") || doc.is(j, "had") || doc.is(j, "also") {
        j += 1;
    }
    matches!(
        doc.tokens.get(j).map(|_| doc.low(j)),
        Some(
            "said"
                | "says"
                | "told"
                | "added"
                | "stated"
                | "explained"
                | "wrote"
                | "announced"
                | "argued"
                | "noted"
                | "claimed"
                | "insisted"
                | "asked"
                | "replied"
                | "warned"
                | "believes"
                | "believed"
                | "thinks"
        )
    )
}
