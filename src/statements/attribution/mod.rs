//! Attribution: attaches quotations and cues to speaker phrases, producing [`Draft`]s.
//!
//! Every rule looks at a bounded window of tokens around a quotation or a cue (within its sentence), so the
//! pass is linear in the length of the text.

use std::ops::Range;

use super::cues::Cue;
use super::quotes::{Quote, quote_at, quote_opening};
use super::{Draft, MixedContent, Who};
use crate::lexicon::cues::{Form, Frame};
use crate::model::StatementKind;
use crate::text::{Doc, TokenKind, flags};

mod direct;
mod floating;
mod frames;
mod furniture;
mod relayed;
mod reported;

use furniture::is_furniture;
pub(crate) use furniture::{colon_headline, headline_sentences};

const NONE: u32 = u32::MAX;
/// Longest subject phrase looked at before a cue, in tokens.
const MAX_SUBJECT: usize = 12;
/// Longest reported-speech content within one sentence, in tokens (keeps run-on "sentences" linear).
const MAX_CONTENT: usize = 150;
/// Longest speaker phrase after a cue, in tokens.
const MAX_NP_AFTER: usize = 10;

/// Auxiliaries and adverbs that may stand between a subject and its cue ("has also said").
fn is_between(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "also"
            | "later"
            | "previously"
            | "earlier"
            | "again"
            | "then"
            | "further"
            | "never"
            | "already"
            | "alone"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
            | "still"
            | "often"
            | "always"
            | "just"
            | "even"
            | "only"
            | "first"
            | "once"
            | "not"
            | "n't"
            | "'ve"
            | "’ve"
            | "'d"
            | "’d"
            | "'ll"
            | "’ll"
            | "long"
            | "too"
            | "last"
            | "recently"
            | "reportedly"
    )
}

/// Words that end a subject phrase when walking back from a cue ("which Hezbollah said").
fn is_subject_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "as"
            | "when"
            | "while"
            | "because"
            | "if"
            | "where"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "what"
            | "whether"
            | "so"
            | "than"
            | "until"
            | "unless"
            | "but"
            | "and"
            | "or"
            | "nor"
            | "how"
            | "why"
    )
}

/// Words that end a speaker phrase after a cue ("said the minister on Monday").
fn is_np_stop(w: &str) -> bool {
    is_day_word(w)
        || matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "to"
                | "late"
                | "earlier"
                | "last"
                | "this"
                | "that"
                | "who"
                | "which"
                | "as"
                | "because"
                | "adding"
                | "saying"
                | "noting"
                | "according"
                | "told"
                | "said"
                | "says"
                | "via"
                | "from"
                | "by"
                | "but"
                | "citing"
                | "referring"
                | "speaking"
                | "where"
                | "than"
                | "if"
                | "since"
        )
}

/// Words that open an adjunct after a cue ("said on Monday", "said in a statement").
fn is_adjunct(w: &str) -> bool {
    is_day_word(w)
        || matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "late"
                | "earlier"
                | "last"
                | "this"
                | "via"
                | "through"
                | "from"
                | "by"
                | "before"
                | "after"
                | "while"
                | "when"
                | "with"
                | "for"
                | "shortly"
                | "later"
                | "recently"
                | "again"
                | "too"
                | "also"
                | "afterwards"
                | "as"
                | "publicly"
                | "privately"
                | "separately"
                | "previously"
                | "ago"
                | "once"
                | "then"
                | "here"
                | "there"
                | "overnight"
        )
}

/// Words that start a clause, so they do not belong to the addressee of "told".
fn is_clause_start(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "there"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "that"
            | "to"
            | "if"
            | "whether"
            | "how"
            | "why"
            | "what"
    )
}

/// Words that open an introductory phrase before a sentence's subject ("On Sunday, …").
fn is_intro(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "when"
            | "while"
            | "during"
            | "later"
            | "since"
            | "as"
            | "with"
            | "despite"
            | "although"
            | "though"
            | "if"
            | "yet"
            | "so"
            | "then"
            | "still"
            | "meanwhile"
            | "however"
            | "now"
            | "today"
            | "yesterday"
            | "earlier"
            | "last"
            | "this"
            | "for"
            | "from"
            | "by"
            | "under"
            | "over"
            | "asked"
    )
}

fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this" | "these"
    )
}

/// Pronouns that may be speakers.
pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

/// Which side of the subject phrase starts its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The sentence start.
    Start,
    /// A comma, dash or closing quotation mark: the subject follows a clause ("…, officials said").
    AfterClause,
    /// A word such as "which" or "that".
    Word,
}

struct Subject {
    np: Range<usize>,
    /// The relative pronoun when the subject is "who" and `np` its antecedent.
    rel: Option<usize>,
    bound: Bound,
    /// The token before the subject (the comma) when `bound` is `AfterClause`.
    before: usize,
}

struct Ctx<'a, 't> {
    doc: &'a Doc<'t>,
    /// The quotation-mark tokens, in text order.
    marks: &'a [usize],
    /// The comma tokens, in text order.
    commas: &'a [usize],
    quotes: &'a [Quote],
    cues: &'a [Cue],
    /// What a mixed quotation's content covers.
    mixed: MixedContent,
    /// Whether a trailing ", which …" or ", including …" clause stays in an indirect statement's content.
    keep_trailing: bool,
    /// Whether a plain noun phrase after a cue tagged `np` is content ("announced his resignation").
    np_contents: bool,
    /// Which tokens start a cue, one bit per token (the cues are in text order, so the cue itself is
    /// found by binary search).
    cue_starts: Vec<u64>,
    used_cue: Vec<bool>,
    used_quote: Vec<bool>,
    /// Tokens already part of some draft's content.
    claimed: Vec<bool>,
    drafts: Vec<Draft>,
    /// The newest draft of each sentence (an index into `drafts`, or `NONE`).
    last_of_sentence: Vec<u32>,
    /// For each draft, the draft before it in the same sentence (or `NONE`): with `last_of_sentence`, the
    /// drafts of a sentence newest first in constant time per step, without a map.
    prev_in_sentence: Vec<u32>,
}

/// Attaches quotations and cues to speakers: direct quotations, then reported speech, then colon
/// headlines (at the document's `colons`), then floating quotations. `marks` are the document's
/// quotation-mark tokens, paired or not, and `commas` its commas, in text order.
pub(crate) fn attribute(
    doc: &Doc,
    marks: &[usize],
    commas: &[usize],
    quotes: &[Quote],
    cues: &[Cue],
    colons: &[usize],
    opts: &super::Options,
) -> Vec<Draft> {
    let mut cue_starts = vec![0u64; doc.tokens.len().div_ceil(64)];
    for c in cues {
        cue_starts[c.tokens.start >> 6] |= 1 << (c.tokens.start & 63);
    }
    let mut cx = Ctx {
        doc,
        marks,
        commas,
        quotes,
        cues,
        mixed: opts.mixed,
        keep_trailing: opts.keep_trailing,
        np_contents: opts.np_contents,
        cue_starts,
        used_cue: vec![false; cues.len()],
        used_quote: vec![false; quotes.len()],
        claimed: vec![false; doc.tokens.len()],
        drafts: Vec::with_capacity(cues.len() + quotes.len()),
        last_of_sentence: vec![NONE; doc.sentences.len()],
        prev_in_sentence: Vec::with_capacity(cues.len() + quotes.len()),
    };
    // Article furniture ("READ MORE: …", bylines, photo credits): its quotations and cues are used up.
    let mut last_para = usize::MAX;
    let mut furniture = false;
    for (q, quote) in quotes.iter().enumerate() {
        let p = doc.tokens[quote.open].paragraph as usize;
        if p != last_para {
            (last_para, furniture) = (p, is_furniture(doc, p));
        }
        cx.used_quote[q] |= furniture;
    }
    for (c, cue) in cues.iter().enumerate() {
        let p = doc.tokens[cue.tokens.start].paragraph as usize;
        if p != last_para {
            (last_para, furniture) = (p, is_furniture(doc, p));
        }
        cx.used_cue[c] |= furniture;
    }
    for (q, quote) in quotes.iter().enumerate() {
        if quote.prev.is_none() && !cx.used_quote[q] {
            cx.direct(q);
        }
    }
    for (c, cue) in cues.iter().enumerate() {
        if !cx.used_cue[c] {
            if cue.frame == Frame::Prep {
                cx.according_to(c);
            } else {
                cx.reported(c);
            }
        }
    }
    for s in headline_sentences(doc, colons) {
        if let Some(colon) = colon_headline(doc, s.clone()) {
            cx.headline(s, colon);
        }
    }
    for (q, quote) in quotes.iter().enumerate() {
        if quote.prev.is_none() && !cx.used_quote[q] {
            cx.floating(q);
        }
    }
    cx.drafts
}

impl Subject {
    /// The speaker of a draft with this subject.
    fn who(self) -> Who {
        match self.rel {
            Some(r) => Who::Relative(r, self.np),
            None => Who::Phrase(self.np),
        }
    }
}

impl Ctx<'_, '_> {
    fn sent(&self, i: usize) -> Range<usize> {
        self.doc.sentences[self.doc.tokens[i].sentence as usize].tokens.clone()
    }

    /// Whether token `i` ends a sentence: "!", "?", "…", or a full stop that the segmenter did not read as
    /// an abbreviation's ("Ms. Sherry said" goes on; a full stop before a quotation mark always ends).
    fn is_terminal(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && {
            let w = punct_bytes(self.doc, i);
            matches!(w, b"!" | b"?" | b"\xE2\x80\xA6") // "…"
                || w.starts_with(b"..")
                || (w == b"."
                    && (i + 1 >= self.sent(i).end
                        || self.doc.tokens[i + 1].is_quote()
                        || self.doc.tokens[i + 1].kind != TokenKind::Word))
        }
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && punct_bytes(self.doc, i) == p.as_bytes()
    }

    fn is_comma_like(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct
            && matches!(punct_bytes(self.doc, i), b"," | b"\xE2\x80\x94" | b"\xE2\x80\x93") // "—", "–"
    }

    fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens[i].has(flags::CAPITALISED)
    }

    /// Whether a cue starts at token `i`.
    fn is_cue_start(&self, i: usize) -> bool {
        self.cue_starts
            .get(i >> 6)
            .is_some_and(|&bits| bits >> (i & 63) & 1 != 0)
    }

    /// The unused cue starting at token `i`, if any.
    fn cue_starting(&self, i: usize) -> Option<usize> {
        if !self.is_cue_start(i) {
            return None;
        }
        let c = self.cues.partition_point(|c| c.tokens.start < i);
        (!self.used_cue[c]).then_some(c)
    }

    /// The quotations following `q` in its chain, `q` included.
    fn chain(&self, q: usize) -> Vec<usize> {
        let mut out = vec![q];
        let mut cur = q;
        while let Some(n) = self.quotes[cur].next {
            out.push(n);
            cur = n;
        }
        out
    }

    fn take_chain(&mut self, q: usize) -> Vec<Range<usize>> {
        let chain = self.chain(q);
        let mut out = Vec::new();
        for k in chain {
            self.used_quote[k] = true;
            let r = self.quotes[k].inner();
            for t in r.clone() {
                self.claimed[t] = true;
            }
            out.push(r);
        }
        out
    }

    fn push(&mut self, d: Draft) {
        let last = &mut self.last_of_sentence[d.sentence];
        self.prev_in_sentence.push(*last);
        *last = self.drafts.len() as u32;
        self.drafts.push(d);
    }

    /// The drafts of a sentence (indices into `drafts`), newest first.
    fn drafts_of(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = self.last_of_sentence.get(sentence).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            let i = (cur != NONE).then_some(cur as usize)?;
            cur = self.prev_in_sentence[i];
            Some(i)
        })
    }

    /// Records a direct quotation (no relaying source) whose order is fixed by token `anchor`.
    fn push_direct(
        &mut self,
        who: Who,
        cue: Option<Range<usize>>,
        content: Vec<Range<usize>>,
        anchor: usize,
        sentence: usize,
    ) {
        self.push(Draft {
            kind: StatementKind::Direct,
            who,
            cue,
            content,
            quoted: Vec::new(),
            via: None,
            anchor,
            sentence,
        });
    }
}

/// The bytes of token `i` in the lower-cased text: for punctuation, the token as written (lower-casing
/// changes only ASCII letters), read without the character-boundary checks of slicing a `str`.
fn punct_bytes<'d>(doc: &'d Doc, i: usize) -> &'d [u8] {
    let t = &doc.tokens[i];
    doc.lower.as_bytes().get(t.start..t.end).unwrap_or_default()
}

/// Whether the tokens `range` hold at least `n` words, counting no further than the `n`-th.
fn has_words(doc: &Doc, range: Range<usize>, n: usize) -> bool {
    n == 0
        || range
            .filter(|&t| doc.tokens[t].kind == TokenKind::Word)
            .nth(n - 1)
            .is_some()
}

/// The names of the days and "yesterday", "today", "tonight": they end a speaker phrase, open an adjunct
/// and make up short time adjuncts ([`is_np_stop`], [`is_adjunct`], [`is_time_word`]).
fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
    )
}

/// Days, parts of days and other time words that make up short adjuncts ("on Monday", "last week").
fn is_time_word(w: &str) -> bool {
    is_day_word(w)
        || matches!(
            w,
            "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "weekend"
                | "earlier"
                | "later"
                | "recently"
        )
}
