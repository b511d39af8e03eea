//! Finding cues (verbs and phrases of saying) in the token stream, with the lexicon of
//! [`crate::lexicon::cues`].

use std::ops::Range;

use super::quotes::Quote;
use crate::lexicon::cues::{CueIndex, Form, Frame, cue_index};
use crate::text::{Doc, TokenKind, flags};

/// One cue found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// Its tokens ("expressed hope" is two).
    pub tokens: Range<usize>,
    /// What follows it.
    pub frame: Frame,
    /// Which verb form it is.
    pub form: Form,
    /// Whether it is the first word inside a quotation (`X "expressed hope that …"`).
    pub in_quote: bool,
}

/// Words that make a following cue word a noun ("the report", "his statement", "a post").
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "his", "her", "its", "their", "our", "my", "your", "whose", "every", "each", "no", "any",
    "some", "these", "those", "new", "latest", "recent",
];

/// Forms of "be": a following participle is passive ("was told", "is said to be").
pub(crate) const PASSIVE: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "'s", "’s", "'re", "’re", "am",
];

/// The cue starting at token `i`, if any (the longest match).
fn cue_at(doc: &Doc, cues: CueIndex, i: usize) -> Option<(usize, Frame, Form)> {
    let n = doc.tokens.len();
    for e in cues.starting(doc.low(i)) {
        let len = 1 + e.rest.len();
        if i + len > n {
            continue;
        }
        let ok = e
            .rest
            .iter()
            .enumerate()
            .all(|(k, w)| doc.tokens[i + 1 + k].kind == TokenKind::Word && doc.low(i + 1 + k) == *w);
        if ok {
            return Some((len, e.frame, e.form));
        }
    }
    None
}

/// Words after which a base form is a verb ("they say", "will say", "to say", "officials say").
const BEFORE_BASE_VERB: &[&str] = &[
    "i", "we", "you", "they", "will", "would", "can", "could", "may", "might", "should", "must", "do", "does", "did",
    "to", "not", "n't", "also", "often", "still", "never", "always", "who", "which", "that", "and", "or", "'ll", "’ll",
    "'d", "’d", "people", "police",
];

/// Whether a cue in its base form at token `i` is a verb rather than a noun ("officials say" but
/// "state news agency", "a post office").
fn base_is_verb(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = &doc.tokens[i - 1];
    let w = doc.low(i - 1);
    if BEFORE_BASE_VERB.contains(&w) {
        return true;
    }
    // A plural subject: "officials say", "Democrats say".
    if p.kind == TokenKind::Word && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return true;
    }
    // A clause follows: "people briefed on the situation say that …", "those surveyed say they …".
    let next_opens_clause = i + 1 < doc.tokens.len()
        && (doc.tokens[i + 1].is_quote()
            || matches!(
                doc.low(i + 1),
                "that"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "you"
                    | "there"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "this"
                    | "these"
                    | "those"
                    | "our"
                    | "no"
            ));
    next_opens_clause && p.kind == TokenKind::Word && !super::cues::DETERMINERS.contains(&w)
}

/// Whether the word before token `i` (skipping adverbs ending in -ly and "not") is a form of "be".
fn passive_before(doc: &Doc, i: usize) -> bool {
    let mut j = i;
    let mut steps = 0;
    while j > 0 && steps < 3 {
        j -= 1;
        steps += 1;
        let w = doc.low(j);
        if PASSIVE.contains(&w) {
            return true;
        }
        if !(w.ends_with("ly") || w == "not" || w == "also") {
            return false;
        }
    }
    false
}

/// Finds the cues of the document: outside quotations, plus a cue opening a quotation right after its
/// subject (`Mr Pezeshkian "expressed hope that …"`). Cue words used as nouns ("the report") or in the
/// passive ("was told", "is said to") are not cues. The title is skipped.
pub(crate) fn find(doc: &Doc, quotes: &[Quote], inq: &[u32]) -> Vec<Cue> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let cues = cue_index();
    // whether each word form starts some cue, asked once per form rather than once per token
    let starts: Vec<bool> = doc
        .forms
        .first
        .iter()
        .map(|&k| !cues.starting(doc.low(k as usize)).is_empty())
        .collect();
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word || t.has(flags::TITLE) || !starts[doc.form(i)] {
            i += 1;
            continue;
        }
        let mut in_quote = false;
        if inq[i] != u32::MAX {
            // Only the first word of a quotation, right after a word outside it.
            let q = &quotes[inq[i] as usize];
            let after_subject = q.body == i
                && q.open > 0
                && doc.tokens[q.open - 1].kind == TokenKind::Word
                && !doc.tokens[q.open - 1].has(flags::TITLE)
                && inq[q.open - 1] == u32::MAX;
            if !after_subject {
                i += 1;
                continue;
            }
            in_quote = true;
        }
        let Some((len, frame, form)) = cue_at(doc, cues, i) else {
            i += 1;
            continue;
        };
        // A capitalised cue word inside a sentence is part of a name ("United States").
        let name = t.has(flags::CAPITALISED) && !t.has(flags::SENT_START);
        let noun = name
            || i > 0 && DETERMINERS.contains(&doc.low(i - 1))
            || (form == Form::Base && !base_is_verb(doc, i))
            || (i > 0 && doc.tokens[i - 1].kind == TokenKind::Number);
        let passive = frame != Frame::Prep && passive_before(doc, i);
        let prep_ok = frame != Frame::Prep || doc.low(i) == "according";
        if !noun && !passive && prep_ok {
            out.push(Cue {
                tokens: i..i + len,
                frame,
                form,
                in_quote,
            });
        }
        i += len;
    }
    out
}
