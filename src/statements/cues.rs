//! Finding cues (verbs and phrases of saying) in the token stream, with the lexicon of
//! [`crate::lexicon::cues`].

use std::ops::Range;

use super::quotes::{Quote, quote_at};
use crate::lexicon::cues::{CueEntry, Form, Frame, cue_index};
use crate::text::{Doc, Token, TokenKind, flags};

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
    /// Whether it is an impersonal passive ("it was announced that …", "it has been reported by X that
    /// …"): the speaker is the "by" phrase, or unknown.
    pub impersonal: bool,
    /// Whether a plain noun-phrase object is what was said ("announced his resignation").
    pub np_object: bool,
}

/// Whether a word makes a following cue word a noun ("the report", "his statement", "a post").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "whose"
            | "every"
            | "each"
            | "no"
            | "any"
            | "some"
            | "these"
            | "those"
            | "new"
            | "latest"
            | "recent"
    )
}

/// Whether a word is a form of "be": a following participle is passive ("was told", "is said to be").
pub(crate) fn is_passive_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "were" | "are" | "be" | "been" | "being" | "'s" | "’s" | "'re" | "’re" | "am"
    )
}

/// The cue starting at token `i`, if any (the longest match among `entries`, the lexicon entries of its
/// word).
fn cue_at<'e>(doc: &Doc, entries: &'e [CueEntry], i: usize) -> Option<(usize, &'e CueEntry)> {
    let n = doc.tokens.len();
    for e in entries {
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
            return Some((len, e));
        }
    }
    None
}

/// Whether a base form after word `w` is a verb ("they say", "will say", "to say", "officials say").
fn before_base_verb(w: &str) -> bool {
    matches!(
        w,
        "i" | "we"
            | "you"
            | "they"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "do"
            | "does"
            | "did"
            | "to"
            | "not"
            | "n't"
            | "also"
            | "often"
            | "still"
            | "never"
            | "always"
            | "who"
            | "which"
            | "that"
            | "and"
            | "or"
            | "'ll"
            | "’ll"
            | "'d"
            | "’d"
            | "people"
            | "police"
    )
}

/// Whether the word at token `i` is a present-tense cue of a headline: its -s form ("says", "tells",
/// "urges"; not "said", not a base form such as "Stress Need for …") in the title, or capitalised in a
/// title-case sentence of the first paragraph ("Senator Says Tax Cut Will Pass."), after at least one word.
fn headline_cue(doc: &Doc, i: usize) -> bool {
    let w = doc.low(i);
    if !w.ends_with('s') || w.ends_with("ss") || w == "is" {
        return false;
    }
    let t = &doc.tokens[i];
    let sent = &doc.sentences[t.sentence as usize].tokens;
    if i == sent.start {
        return false;
    }
    if t.has(flags::TITLE) {
        return true;
    }
    if t.paragraph != 0 || sent.len() > 40 {
        return false;
    }
    // title case: every word of four letters or more is capitalised
    sent.clone().all(|k| {
        let u = &doc.tokens[k];
        u.kind != TokenKind::Word || u.has(flags::CAPITALISED) || doc.tok(k).chars().count() < 4
    })
}

/// Whether "states" at token `i` is the verb: far more often it is the noun ("swing states", "the United
/// States", "give states more say"), so the verb needs its clause marked ("the report states that the
/// bridge was never inspected", "the filing states: …") or ends the attribution ("…, the report states.");
/// "states that have suffered" is a relative clause.
fn states_is_verb(doc: &Doc, i: usize) -> bool {
    let Some(next) = doc.tokens.get(i + 1) else {
        return true;
    };
    match next.kind {
        TokenKind::Word if doc.low(i + 1) == "that" => doc.tokens.get(i + 2).is_some_and(|t| {
            t.kind != TokenKind::Word
                || !matches!(
                    doc.low(i + 2),
                    "have"
                        | "has"
                        | "had"
                        | "are"
                        | "were"
                        | "is"
                        | "was"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "do"
                        | "did"
                        | "voted"
                        | "border"
                        | "allow"
                        | "require"
                        | "use"
                )
        }),
        TokenKind::Word | TokenKind::Number => false,
        TokenKind::Quote(_) => true,
        TokenKind::Punct => match doc.tok(i + 1) {
            ":" | "." => true,
            "," => doc
                .tokens
                .get(i + 2)
                .is_some_and(|t| matches!(t.kind, TokenKind::Quote(_))),
            _ => false,
        },
    }
}

/// Whether a word is a form of "say", which is never a noun after a number ("six in 10 said …").
fn is_say(w: &str) -> bool {
    matches!(w, "say" | "says" | "said")
}

/// Whether a cue in its base form at token `i` is a verb rather than a noun ("officials say" but
/// "state news agency", "a post office").
fn base_is_verb(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = &doc.tokens[i - 1];
    let w = doc.low(i - 1);
    if before_base_verb(w) {
        return true;
    }
    // A poll's share: "six in 10 say", "42% say".
    if doc.low(i) == "say" && (p.kind == TokenKind::Number || w == "%") {
        return true;
    }
    // A verb that is no noun, after a name or a plural subject: "Mr. Brown and Mr. Lee say other changes
    // are needed" (after a determiner it is still a noun: "have a say").
    if matches!(
        doc.low(i),
        "say" | "insist" | "argue" | "contend" | "acknowledge" | "admit"
    ) && p.kind == TokenKind::Word
        && !is_determiner(w)
        && !matches!(w, "'s" | "’s")
    {
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
    next_opens_clause && p.kind == TokenKind::Word && !is_determiner(w)
}

/// Whether the word before token `i` (skipping adverbs ending in -ly and "not") is a form of "be".
fn passive_before(doc: &Doc, i: usize) -> bool {
    let mut j = i;
    let mut steps = 0;
    while j > 0 && steps < 3 {
        j -= 1;
        steps += 1;
        let w = doc.low(j);
        if is_passive_aux(w) {
            return true;
        }
        if !(w.ends_with("ly") || w == "not" || w == "also") {
            return false;
        }
    }
    false
}

/// Whether the passive cue at token `i`, `len` tokens long, is impersonal: "it" and forms of "be" and
/// "have" before it ("it was announced", "it has been reported"), "that" or "by" after it.
fn impersonal_passive(doc: &Doc, i: usize, len: usize) -> bool {
    let after = i + len;
    if after >= doc.tokens.len() || !matches!(doc.low(after), "that" | "by") {
        return false;
    }
    let lo = i.saturating_sub(6);
    let mut j = i;
    while j > lo {
        j -= 1;
        let w = doc.low(j);
        if w == "it" {
            return j < i - 1 && doc.tokens[j].sentence == doc.tokens[i].sentence;
        }
        let aux = is_passive_aux(w) || matches!(w, "has" | "had" | "have" | "will" | "would" | "also" | "not");
        if !(aux || (w.ends_with("ly") && w.len() > 4)) {
            return false;
        }
    }
    false
}

/// What one pass over the tokens finds for the whole stage: the quotation marks, and the tokens that may
/// start a cue.
pub(crate) struct Scan {
    /// The quotation-mark tokens, in text order.
    pub marks: Vec<usize>,
    /// The colon tokens, in text order (where colon headlines may be: [`super::attribution::colon_headline`]).
    pub colons: Vec<usize>,
    /// The comma tokens, in text order.
    pub commas: Vec<usize>,
    /// The tokens whose word starts some cue of the lexicon, in text order, each with the lexicon entries
    /// its word starts.
    pub candidates: Vec<(usize, &'static [CueEntry])>,
}

/// The class of a word form that is a quotation mark (other classes index the entry lists of [`scan`]).
const QUOTE_MARK: u16 = u16::MAX;
/// The class of the form ":".
const COLON: u16 = u16::MAX - 1;
/// The class of the form ",".
const COMMA: u16 = u16::MAX - 2;

/// Finds the quotation marks and the cue candidates of the document. What a token is depends only on its
/// form (its lower-cased text), so each form is classified once, at its first token (the lexicon's filter
/// bit tested on the form's bytes before any hashing), and then one pass over the tokens reads their
/// forms' classes. Kept out of line so that its tight loops keep their state in registers.
#[inline(never)]
pub(crate) fn scan(doc: &Doc) -> Scan {
    let cues = cue_index();
    // local slices, so that the loops keep their bounds in registers
    let lower = doc.lower.as_bytes();
    let tokens: &[Token] = &doc.tokens;
    // the entry lists of the forms that start a cue (0: none), at most one per word of the lexicon
    let mut lists: Vec<&'static [CueEntry]> = Vec::with_capacity(32);
    lists.push(&[]);
    let class_of: Vec<u16> = doc
        .forms
        .first
        .iter()
        .map(|&first| {
            let Some(t) = tokens.get(first as usize) else {
                return 0;
            };
            match t.kind {
                // (the filter also passes "words")
                TokenKind::Word if cues.may_start(&lower[t.start..t.end]) => {
                    let w = &doc.lower[t.start..t.end];
                    let mut entries = cues.get(w);
                    // "in her words", "in the words of": "in" is too frequent a word to start a
                    // candidate, so "words" stands for the phrase ([`find`] looks back for "in").
                    if entries.is_empty() {
                        if w == "words" {
                            entries = cues.get("in");
                        }
                    } else if w == "in" {
                        entries = &[];
                    }
                    if entries.is_empty() {
                        0
                    } else {
                        lists.push(entries);
                        u16::try_from(lists.len() - 1).unwrap_or(0)
                    }
                }
                TokenKind::Quote(_) => QUOTE_MARK,
                TokenKind::Punct if &lower[t.start..t.end] == b":" => COLON,
                TokenKind::Punct if &lower[t.start..t.end] == b"," => COMMA,
                _ => 0,
            }
        })
        .collect();
    let mut marks = Vec::new();
    let mut colons = Vec::new();
    let mut commas = Vec::new();
    // about one token in thirty starts a cue word in news
    let mut candidates = Vec::with_capacity(tokens.len() / 16 + 1);
    for (i, &f) in doc.forms.of.iter().enumerate() {
        match class_of.get(f as usize).copied().unwrap_or(0) {
            0 => {}
            QUOTE_MARK => marks.push(i),
            COLON => colons.push(i),
            COMMA => commas.push(i),
            list => candidates.push((i, lists[usize::from(list)])),
        }
    }
    Scan {
        marks,
        colons,
        commas,
        candidates,
    }
}

/// Finds the cues of the document: outside quotations, plus a cue opening a quotation right after its
/// subject (`Mr Pezeshkian "expressed hope that …"`). Cue words used as nouns ("the report") or in the
/// passive ("was told", "is said to") are not cues. The title is skipped. With `speech_only`, cues of
/// belief, intention or attitude ("believes", "called for", "expressed hope") are left out.
pub(crate) fn find(
    doc: &Doc,
    quotes: &[Quote],
    candidates: Vec<(usize, &'static [CueEntry])>,
    speech_only: bool,
) -> Vec<Cue> {
    let mut out = Vec::with_capacity(candidates.len());
    // the token after the last cue found: a cue's own words do not start another one
    let mut next = 0;
    for (mut i, entries) in candidates {
        if entries.first().is_some_and(|e| e.frame == Frame::Prep) && doc.low(i) == "words" {
            // "in her words" (two tokens back), "in the words of" (three)
            match (i.checked_sub(2), i.checked_sub(3)) {
                (Some(k), _) if doc.low(k) == "in" => i = k,
                (_, Some(k)) if doc.low(k) == "in" => i = k,
                _ => continue,
            }
        }
        if i < next {
            continue;
        }
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        // In a headline only a present-tense cue counts ("Minister says …", "… says coach"); in a
        // title-case headline the capitalised cue is no name ("Senator Says Tax Cut Will Pass").
        let headline =
            (t.has(flags::TITLE) || t.has(flags::CAPITALISED) && !t.has(flags::SENT_START)) && headline_cue(doc, i);
        if t.has(flags::TITLE) && !headline {
            continue;
        }
        let mut in_quote = false;
        if let Some(q) = quote_at(quotes, i) {
            // Only the first word of a quotation, right after a word outside it.
            let q = &quotes[q];
            let after_subject = q.body == i
                && q.open > 0
                && doc.tokens[q.open - 1].kind == TokenKind::Word
                && !doc.tokens[q.open - 1].has(flags::TITLE)
                && quote_at(quotes, q.open - 1).is_none();
            if !after_subject {
                continue;
            }
            in_quote = true;
        }
        let Some((len, entry)) = cue_at(doc, entries, i) else {
            continue;
        };
        let (frame, form, np_object) = (entry.frame, entry.form, entry.np_object);
        if speech_only && !entry.speech {
            // not a cue, but its words start no other cue either ("called for" is no "call")
            next = i + len;
            continue;
        }
        // A capitalised cue word inside a sentence is part of a name ("United States").
        let name = t.has(flags::CAPITALISED) && !t.has(flags::SENT_START) && !headline;
        let noun = name
            || (len == 1 && doc.low(i) == "states" && !states_is_verb(doc, i))
            || i > 0 && is_determiner(doc.low(i - 1))
            || (form == Form::Base && !base_is_verb(doc, i))
            || (i > 0 && doc.tokens[i - 1].kind == TokenKind::Number && !is_say(doc.low(i)));
        // "according to X", "in her words", "in the words of X"
        let prep_ok = frame != Frame::Prep || matches!(doc.low(i), "according" | "in");
        // (the passive tests only for a cue word that is no noun)
        // "is saying" is progressive, not passive.
        let passive = !noun && prep_ok && frame != Frame::Prep && form != Form::Ing && passive_before(doc, i);
        let impersonal = passive && !in_quote && impersonal_passive(doc, i, len);
        // "was quoted as saying" is the passive of a cue whose subject is the speaker.
        let passive = passive && !(len == 3 && doc.low(i) == "quoted");
        if !noun && (!passive || impersonal) && prep_ok {
            out.push(Cue {
                tokens: i..i + len,
                frame,
                form,
                in_quote,
                impersonal,
                np_object,
            });
        }
        next = i + len;
    }
    out
}
