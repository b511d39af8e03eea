//! Candidate mentions: what the scanners find before mentions are grouped into actors.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use super::{Gender, MentionForm};
use crate::lexicon::actors::{ActorLexicon, FirstWords, Head, NameEntry, NounKind, lexicon, word};
use crate::model::ActorKind;
use crate::text::{Doc, flags};

/// The document as the actors stage reads it: the [`Doc`] (through `Deref`) and, for every token, the
/// [`word`] bits of its lower-cased text, found with one hash probe per word form. Every lexicon lookup
/// first tests its bit, so a token that starts no entry costs no further probe.
pub(crate) struct Cx<'a> {
    doc: &'a Doc<'a>,
    /// For every token, the [`word`] bits of its form, with [`OPENS`] when the scanner must look at it.
    at: Vec<u16>,
    /// For every word form, its [`word`] bits (as [`Cx::new`] reads them) and where the lexicon keeps what
    /// its n-gram maps hold under it ([`ActorLexicon::first_words`]).
    form_facts: Vec<(u16, u32)>,
    /// For every sentence, its last token with the [`word::NOUN`] bit (`u32::MAX`: none).
    last_noun: Vec<u32>,
    /// For every sentence, its last token with the [`word::TITLE`] or [`word::HONORIFIC`] bit
    /// (`u32::MAX`: none).
    last_title: Vec<u32>,
    /// For every word form, whether the article writes it as a lower-case word ("Recent" and "recent").
    lower_seen: Vec<bool>,
    /// `name_at(i, end of i's sentence)`, filled on first use: 0 not yet known, `u32::MAX` no name,
    /// else `entry << 4 | length`.
    names: Vec<Cell<u32>>,
    /// `title_at(i, end of i's sentence)`, filled on first use: 0 not yet known, `u8::MAX` none, else
    /// the length.
    titles: Vec<Cell<u8>>,
    /// Whether the headline is in Title Case ([`in_title`]).
    title_case_headline: bool,
}

/// A bit beside the [`word`] bits of a form, while [`Cx::new`] reads the forms: a lower-case token of the
/// form opens something for the scanner (a phrase word or "the").
const OPENS_LOWER: u16 = 1 << 15;

/// A bit beside the [`word`] bits of a form and a token: the word is "the" ([`Cx::is_the`]).
const THE: u16 = 1 << 14;

/// The [`short_key`](crate::lexicon::short_key) of "the".
const THE_KEY: u64 = b't' as u64 | (b'h' as u64) << 8 | (b'e' as u64) << 16 | 3 << 56;

// the lexicon's word bits stay below the two bits `Cx` adds to them
const _: () = assert!(word::WORK < THE && word::WORK < OPENS_LOWER);

/// A bit beside the [`word`] bits of a token: the scanner must look at it ([`Cx::next_opening`]).
const OPENS: u16 = 1 << 15;

/// A bit beside the [`word`] bits of a token: a capitalised word ([`is_cap`]), read from the dense
/// per-token bits rather than the token.
const CAP: u16 = 1 << 13;

// the lexicon's word bits stay below the capital bit too
const _: () = assert!(word::WORK < CAP && CAP != THE);

/// Records token `k` of sentence `s` as the last with a noun bit, or with a title or honorific bit, as its
/// word bits `word` say ([`Cx::noun_ahead`], [`Cx::title_ahead`]).
#[inline]
fn note_last(last_noun: &mut [u32], last_title: &mut [u32], word: u16, s: usize, k: u32) {
    if word & word::NOUN != 0
        && let Some(last) = last_noun.get_mut(s)
    {
        *last = k;
    }
    if word & (word::TITLE | word::HONORIFIC) != 0
        && let Some(last) = last_title.get_mut(s)
    {
        *last = k;
    }
}

impl<'a> Cx<'a> {
    /// Looks up every word form of `doc` once, then reads every token once.
    pub(crate) fn new(doc: &'a Doc<'a>) -> Cx<'a> {
        let l = lex();
        let n = doc.tokens.len();
        // for every form: its bits (with [`OPENS_LOWER`] when a lower-case token of it opens something for
        // the scanner: a phrase word or "the") and where the n-gram maps keep it
        let nf = doc.forms.first.len();
        // (bits, index in the lexicon's first words) for every form; a short form is probed by the key
        // the numbering of forms made
        let form_facts: Vec<(u16, u32)> = (doc.forms.first.iter().enumerate())
            .map(|(f, &k)| {
                if k as usize >= n {
                    return (0, u32::MAX);
                }
                let (mut word, first) = match doc.forms.short_key(f) {
                    Some(key) => {
                        let f = l.short_key_flags(key);
                        if key == THE_KEY {
                            return (f.0 | OPENS_LOWER | THE, f.1);
                        }
                        f
                    }
                    None => l.word_flags(doc.low(k as usize)),
                };
                if word & STARTS_PHRASE != 0 {
                    word |= OPENS_LOWER;
                }
                (word, first)
            })
            .collect();
        let mut lower_seen = vec![false; nf];
        // the last token of each sentence with a noun bit, and with a title or honorific bit
        let mut last_noun = vec![u32::MAX; doc.sentences.len()];
        let mut last_title = vec![u32::MAX; doc.sentences.len()];
        let mut at = vec![0u16; n];
        for (k, ((t, &form), bits)) in doc.tokens.iter().zip(&doc.forms.of).zip(at.iter_mut()).enumerate() {
            let word = form_facts.get(form as usize).map_or(0, |f| f.0);
            if word & (word::NOUN | word::TITLE | word::HONORIFIC) != 0 {
                note_last(&mut last_noun, &mut last_title, word, t.sentence as usize, k as u32);
            }
            *bits = if !t.is_word() {
                word & !OPENS_LOWER
            } else if t.has(flags::CAPITALISED) {
                word | OPENS | CAP
            } else {
                if let Some(seen) = lower_seen.get_mut(form as usize) {
                    *seen = true;
                }
                // OPENS_LOWER is OPENS: kept as it is
                word
            };
        }
        Cx {
            doc,
            at,
            form_facts,
            last_noun,
            last_title,
            lower_seen,
            names: vec![Cell::new(0); n],
            titles: vec![Cell::new(0); n],
            title_case_headline: title_case_headline(doc),
        }
    }

    /// Whether a token from `i` up to `end` (excluded) may be recorded in `last` (the last token of each
    /// sentence with some bit), for `end` at most the end of `i`'s sentence (the bound of every scanner
    /// lookup): exact when `end` is that end, else `false` only when no such token lies from `i` to it.
    #[inline]
    fn any_in(&self, i: usize, end: usize, last: &[u32]) -> bool {
        debug_assert!(self.doc.tokens.get(i).is_none_or(|t| {
            self.doc
                .sentences
                .get(t.sentence as usize)
                .is_none_or(|s| end <= s.tokens.end)
        }));
        end > i
            && self.doc.tokens.get(i).is_some_and(|t| {
                last.get(t.sentence as usize)
                    .is_some_and(|&k| k != u32::MAX && k as usize >= i)
            })
    }

    /// Whether `end` is the end of the sentence of token `i` (the bound every scanner lookup uses, so
    /// that its answer can be kept).
    #[inline]
    fn sentence_end(&self, i: usize, end: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            self.doc
                .sentences
                .get(t.sentence as usize)
                .is_some_and(|s| s.tokens.end == end)
        })
    }

    /// The kept answer of a name lookup at `i` up to `end`, or computes and keeps it with `f` (entries
    /// are gazetteer indices).
    pub(crate) fn name_memo(
        &self,
        i: usize,
        end: usize,
        f: impl FnOnce() -> Option<(usize, u32)>,
    ) -> Option<(usize, u32)> {
        if !self.sentence_end(i, end) {
            return f();
        }
        let cell = &self.names[i];
        match cell.get() {
            0 => {
                let r = f();
                cell.set(r.map_or(u32::MAX, |(n, id)| id << 4 | n as u32));
                r
            }
            u32::MAX => None,
            v => Some(((v & 15) as usize, v >> 4)),
        }
    }

    /// The kept answer of a title lookup at `i` up to `end`, or computes and keeps it with `f`.
    pub(crate) fn title_memo(&self, i: usize, end: usize, f: impl FnOnce() -> Option<usize>) -> Option<usize> {
        if !self.sentence_end(i, end) {
            return f();
        }
        let cell = &self.titles[i];
        match cell.get() {
            0 => {
                let r = f();
                cell.set(r.map_or(u8::MAX, |n| n as u8));
                r
            }
            u8::MAX => None,
            v => Some(v as usize),
        }
    }

    /// Whether token `i` is a word whose lower-cased text is `w` (as [`Doc::is`], comparing bytes: no
    /// character-boundary checks, and a word of another length is rejected before any byte is read).
    #[inline]
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            t.end - t.start == w.len() && self.doc.lower.as_bytes().get(t.start..t.end) == Some(w.as_bytes())
        })
    }

    /// Whether token `i` is the word "the" (as `is(i, "the")`, by a bit of its form).
    #[inline]
    pub(crate) fn is_the(&self, i: usize) -> bool {
        self.has(i, THE)
    }

    /// The lower-cased bytes of token `i` (empty past the last token): for matching against words
    /// without slicing a string.
    #[inline]
    pub(crate) fn low_bytes(&self, i: usize) -> &'a [u8] {
        let doc: &'a Doc<'a> = self.doc;
        (doc.tokens.get(i))
            .and_then(|t| doc.lower.as_bytes().get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The lower-cased text of token `i`, borrowed for as long as the document.
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &'a str {
        self.doc.low(i)
    }

    /// Whether a token from `i` up to `end` (excluded) can start a source, group or modifier noun: every
    /// source or group phrase ends in one.
    #[inline]
    pub(crate) fn noun_ahead(&self, i: usize, end: usize) -> bool {
        self.any_in(i, end, &self.last_noun)
    }

    /// Whether a token from `i` up to `end` (excluded) can start a title or an honorific: every titled
    /// person has one.
    #[inline]
    pub(crate) fn title_ahead(&self, i: usize, end: usize) -> bool {
        self.any_in(i, end, &self.last_title)
    }

    /// What the lexicon's n-gram maps hold under the form of token `i` alone.
    #[inline]
    pub(crate) fn first_words(&self, i: usize) -> &'static FirstWords {
        let form = self.doc.forms.of.get(i).map_or(usize::MAX, |&f| f as usize);
        lex().first_words(self.form_facts.get(form).map_or(u32::MAX, |f| f.1))
    }

    /// The first token from `i` up to `end` (excluded) that the scanner must look at, or `end`: a word
    /// that is capitalised, starts a source or group phrase, a title, a name… (see [`STARTS_PHRASE`]),
    /// or is "the". Every other token starts nothing.
    #[inline]
    pub(crate) fn next_opening(&self, i: usize, end: usize) -> usize {
        let end = end.min(self.at.len());
        match self.at.get(i..end) {
            Some(rest) => rest.iter().position(|w| w & OPENS != 0).map_or(end, |k| i + k),
            None => end,
        }
    }

    /// Whether token `i` has one of the [`word`] bits `bits`.
    #[inline]
    pub(crate) fn has(&self, i: usize, bits: u16) -> bool {
        self.at.get(i).is_some_and(|w| w & bits != 0)
    }

    /// Whether the lower-cased text of token `i` is also written as a lower-case word in the article.
    #[inline]
    pub(crate) fn lower_seen(&self, i: usize) -> bool {
        self.doc.forms.of.get(i).is_some_and(|&f| self.lower_seen[f as usize])
    }
}

impl<'a> std::ops::Deref for Cx<'a> {
    type Target = Doc<'a>;
    fn deref(&self) -> &Doc<'a> {
        self.doc
    }
}

/// The [`word`] bits of the words that can open a titled person or a source or group phrase.
pub(crate) const STARTS_PHRASE: u16 =
    word::NAME | word::DEMONYM | word::HONORIFIC | word::TITLE | word::PARTY | word::NOUN | word::DETERMINER;

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
pub(crate) struct Cand<'a> {
    /// The tokens of the mention.
    pub tokens: Range<usize>,
    /// What it is.
    pub kind: CandKind,
    /// Canonical name (lexicon name, person name without courtesy honorific, phrase).
    pub name: Cow<'a, str>,
    /// Lower-case name words used to match aliases (persons only).
    pub words: Vec<&'a str>,
    /// Titles found around the mention.
    pub titles: Vec<String>,
    /// Affiliation found around the mention.
    pub affiliation: Option<&'a str>,
    /// Gender from an honorific.
    pub gender: Gender,
    /// The country an organisation belongs to (from the lexicon or a nationality adjective), used to
    /// resolve descriptions; or the country a description names.
    pub home: Option<&'static str>,
    /// The lexicon class ("armed", "state_agency", "government"…) or a description's class.
    pub class: &'static str,
    /// How the actor is referred to.
    pub form: MentionForm,
    /// A speech verb follows ("Trump said").
    pub speaks: bool,
    /// The lexicon's canonical name, which groups mentions into one actor ("EU" and "European Union").
    pub canon: Option<&'static str>,
    /// A lone word right before a role and a name ("Fox anchor Dana Reyes"): the organisation the person
    /// works for, unless it names a person.
    pub employer: bool,
}

impl<'a> Cand<'a> {
    /// A candidate with default attributes.
    pub(crate) fn new(tokens: Range<usize>, kind: CandKind, name: impl Into<Cow<'a, str>>) -> Cand<'a> {
        Cand {
            tokens,
            kind,
            name: name.into(),
            words: Vec::new(),
            titles: Vec::new(),
            affiliation: None,
            gender: Gender::Unknown,
            home: None,
            class: "",
            form: MentionForm::Name,
            speaks: false,
            canon: None,
            employer: false,
        }
    }

    /// A candidate for a lexicon name at tokens `r`: countries and places are named canonically ("United
    /// States" for "US"), organisations as written ("Irna"); all group under the canonical name.
    pub(crate) fn lexicon(doc: &Cx<'a>, r: Range<usize>, e: &'static NameEntry) -> Cand<'a> {
        let name = if e.kind == ActorKind::Organization {
            let t = text_of(doc, r.clone());
            Cow::Borrowed(if t.len() > 4 && t.starts_with("the ") {
                &t[4..]
            } else {
                t
            })
        } else {
            Cow::Borrowed(e.name)
        };
        let members = party_members(doc, r.clone());
        let mut c = Cand::new(r, CandKind::Named(e.kind), name);
        c.class = e.class;
        c.home = e.country;
        c.canon = Some(e.name);
        if e.kind == ActorKind::Organization && e.class == "state_agency" {
            c.affiliation = e.country;
        }
        if let Some(party) = members {
            // "Democrats", "Republicans": the party's members, a group affiliated to the party
            c.kind = CandKind::Named(ActorKind::Group);
            c.canon = None;
            c.affiliation = Some(party);
        }
        c
    }
}

/// The party whose members the words `r` name as a plural group ("Democrats", "Republicans"; see
/// `data/actors/parties.tsv`).
pub(crate) fn party_members(doc: &Cx, r: Range<usize>) -> Option<&'static str> {
    if r.len() != 1 || !doc.has(r.start, word::PARTY) {
        return None;
    }
    let p = lex().parties.get(doc.low(r.start))?;
    (p.used == crate::lexicon::actors::PartyUse::Members).then_some(p.name)
}

/// The lexicons (shorthand).
pub(crate) fn lex() -> &'static ActorLexicon {
    lexicon()
}

/// The head word at token `i` ("ministry", "museum"), when the lexicon lists it.
#[inline]
pub(crate) fn head_at(doc: &Cx, i: usize) -> Option<&'static Head> {
    if doc.has(i, word::HEAD) {
        lex().heads.get(doc.low(i))
    } else {
        None
    }
}

/// The longest source, group or modifier noun starting at token `i` (before `end`), as (length, what).
#[inline]
pub(crate) fn noun_at(doc: &Cx, i: usize, end: usize) -> Option<(usize, NounKind)> {
    if !doc.has(i, word::NOUN) {
        return None;
    }
    noun_lookup(doc, i, end)
}

/// [`noun_at`] once token `i` can start a noun.
#[inline(never)]
fn noun_lookup(doc: &Cx, i: usize, end: usize) -> Option<(usize, NounKind)> {
    let first = &doc.first_words(i).noun;
    lex()
        .nouns
        .longest(doc, i, end, first, |_, _| true)
        .map(|(n, &k)| (n, k))
}

/// Whether token `i` is a capitalised word.
#[inline]
pub(crate) fn is_cap(doc: &Cx, i: usize) -> bool {
    doc.has(i, CAP)
}

/// Whether token `i` is written in capitals ("NATO").
pub(crate) fn is_all_caps(doc: &Cx, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.has(flags::ALL_CAPS))
}

/// Whether token `i` lies in a Title Case headline ("Qatari Prime Minister and Iranian President Stress
/// Need for Regional Stability"), where capitals say nothing about names. A headline in sentence case
/// ("Hackers attack Church of Scientology website") is read like body text. The case is judged on the
/// headline's first 40 tokens (bounded).
pub(crate) fn in_title(doc: &Cx, i: usize) -> bool {
    doc.title_case_headline && doc.tokens.get(i).is_some_and(|t| t.has(flags::TITLE))
}

/// Whether the headline of `doc` is in Title Case (see [`in_title`]), judged once per document.
fn title_case_headline(doc: &Doc) -> bool {
    let Some(first) = doc.tokens.iter().position(|t| t.has(flags::TITLE)) else {
        return false;
    };
    let mut lower_content = 0;
    for k in first..(first + 40).min(doc.tokens.len()) {
        let t = &doc.tokens[k];
        if !t.has(flags::TITLE) {
            break;
        }
        if t.is_word() && !t.has(flags::CAPITALISED) && doc.tok(k).chars().count() > 3 {
            lower_content += 1;
        }
    }
    lower_content < 2
}

/// Whether token `i` opens its sentence, or follows an opening quotation mark or a colon that opens one.
pub(crate) fn starts_clause(doc: &Cx, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if t.has(flags::SENT_START) || t.has(flags::PARA_START) {
        return true;
    }
    i > 0
        && (doc.tokens[i - 1].is_quote()
            || matches!(doc.low_bytes(i - 1), b":" | b"(" | b"\xe2\x80\x94" | b"\xe2\x80\x93"))
}

/// The text of tokens `r` as written.
pub(crate) fn text_of<'a>(doc: &Cx<'a>, r: Range<usize>) -> &'a str {
    if r.is_empty() {
        return "";
    }
    doc.slice(doc.span_of(r))
}

/// Lower-case name particles that may sit between the capitalised words of a personal name
/// ("Mohammed bin Salman", "Ursula von der Leyen").
pub(crate) fn is_particle(low: &[u8]) -> bool {
    matches!(
        low,
        b"bin"
            | b"ibn"
            | b"bint"
            | b"ben"
            | b"al"
            | b"el"
            | b"de"
            | b"da"
            | b"das"
            | b"dos"
            | b"do"
            | b"del"
            | b"della"
            | b"di"
            | b"du"
            | b"la"
            | b"le"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"ter"
            | b"y"
            | b"abu"
            | b"bou"
            | b"st."
    )
}

/// Whether a word is spelt like a follower, a nationality or an adjective ("Scientologist", "Wiccans",
/// "Balkanic", "Sudanese"): such a word names no organisation or place (a person may still be named so:
/// "Julian", "Sebastian").
pub(crate) fn adjective_like(w: &[u8]) -> bool {
    [&b"ism"[..], b"ist", b"ists", b"ian", b"ians", b"ic", b"ese", b"ish"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Whether a speech verb follows token `i` ("…, Trump said").
pub(crate) fn speech_after(doc: &Cx, i: usize) -> bool {
    let mut j = i;
    if doc.is(j, "'s") {
        return false;
    }
    if doc.is(j, "has") || doc.is(j, "had") || doc.is(j, "also") {
        j += 1;
    }
    matches!(
        doc.low_bytes(j),
        b"said"
            | b"says"
            | b"told"
            | b"added"
            | b"stated"
            | b"explained"
            | b"wrote"
            | b"announced"
            | b"argued"
            | b"noted"
            | b"claimed"
            | b"insisted"
            | b"asked"
            | b"replied"
            | b"warned"
            | b"believes"
            | b"believed"
            | b"thinks"
    )
}
