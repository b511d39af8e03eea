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
    quotes: &'a [Quote],
    cues: &'a [Cue],
    /// What a mixed quotation's content covers.
    mixed: MixedContent,
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

/// Attaches quotations and cues to speakers: direct quotations, then reported speech, then floating
/// quotations.
pub(crate) fn attribute(doc: &Doc, quotes: &[Quote], cues: &[Cue], mixed: MixedContent) -> Vec<Draft> {
    let mut cue_starts = vec![0u64; doc.tokens.len().div_ceil(64)];
    for c in cues {
        cue_starts[c.tokens.start >> 6] |= 1 << (c.tokens.start & 63);
    }
    let mut cx = Ctx {
        doc,
        quotes,
        cues,
        mixed,
        cue_starts,
        used_cue: vec![false; cues.len()],
        used_quote: vec![false; quotes.len()],
        claimed: vec![false; doc.tokens.len()],
        drafts: Vec::with_capacity(cues.len() + quotes.len()),
        last_of_sentence: vec![NONE; doc.sentences.len()],
        prev_in_sentence: Vec::with_capacity(cues.len() + quotes.len()),
    };
    for (q, quote) in quotes.iter().enumerate() {
        if quote.prev.is_none() && !doc.tokens[quote.open].has(flags::TITLE) {
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
    for s in &doc.sentences {
        if let Some(colon) = colon_headline(doc, s.tokens.clone()) {
            cx.headline(s.tokens.clone(), colon);
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
        self.doc.sentences[self.doc.tokens[i].sentence].tokens.clone()
    }

    fn is_terminal(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && {
            let w = self.doc.tok(i);
            matches!(w, "." | "!" | "?" | "…") || w.starts_with("..")
        }
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && self.doc.tok(i) == p
    }

    fn is_comma_like(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && matches!(self.doc.tok(i), "," | "—" | "–")
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

    /// The subject phrase before a cue at `at` within its sentence: the words back to the nearest clause
    /// boundary, skipping auxiliaries and adverbs ("has also said") and an apposition or relative clause
    /// between commas ("X, who …, said").
    fn subject_before(&self, at: usize) -> Option<Subject> {
        let s = self.sent(at);
        let doc = self.doc;
        let mut end = at;
        let mut steps = 0;
        while end > s.start && steps < 6 {
            let w = doc.low(end - 1);
            let adverb = w.ends_with("ly") && !self.is_cap(end - 1) && w.len() > 4;
            if is_between(w) || adverb {
                end -= 1;
                steps += 1;
            } else if w == "to"
                && end >= s.start + 2
                && doc.tokens[end - 2].kind == TokenKind::Word
                && !self.is_cap(end - 2)
            {
                // "He continues to insist", "Trump went on to say": the governing verb.
                end -= 2;
                steps += 2;
                if end > s.start && doc.low(end - 1) == "on" {
                    end -= 1;
                }
            } else {
                break;
            }
        }
        // "Trump on Monday said", "officials late on Tuesday said".
        if end > s.start + 1 && is_time_word(doc.low(end - 1)) && !doc.low(end - 1).ends_with("er") {
            let mut j = end - 1;
            while j > s.start
                && (matches!(doc.low(j - 1), "on" | "late" | "last" | "this" | "early") || is_time_word(doc.low(j - 1)))
                && end - j < 5
            {
                j -= 1;
            }
            end = j;
        }
        let (start, stop) = self.walk_back(end, s.start)?;
        if start < end
            && let Some(rel) = stop
            && doc.low(rel) == "who"
            && rel > s.start
            && !self.is_punct(rel - 1, ",")
        {
            // "A White House official who spoke anonymously said": the antecedent is the subject.
            let (st2, stop2) = self.walk_back(rel, s.start)?;
            if st2 == rel || !self.plausible_subject(st2..rel) {
                return None;
            }
            return Some(self.subject(st2..rel, stop2, s.start));
        }
        if start == end
            && let Some(rel) = stop
            && matches!(doc.low(rel), "who" | "that")
            && rel > s.start
        {
            // "Republicans who say the law is a money pit": the antecedent speaks.
            let before = if self.is_punct(rel - 1, ",") { rel - 1 } else { rel };
            let (st2, stop2) = self.walk_back(before, s.start)?;
            if st2 == before || !self.plausible_subject(st2..before) {
                return None;
            }
            let st2 = self.antecedent_start(st2, before);
            let mut subj = self.subject(st2..before, stop2, s.start);
            subj.rel = Some(rel);
            return Some(subj);
        }
        if start == end {
            // "X, who …, said" / "X, a spokesman for Y, said": skip the parenthetical segment.
            let comma = stop?;
            if !self.is_punct(comma, ",") || comma == s.start {
                return None;
            }
            let mut c = comma;
            let lo = comma.saturating_sub(30).max(s.start);
            while c > lo {
                c -= 1;
                if self.is_punct(c, ",") || self.doc.tokens[c].is_quote() {
                    break;
                }
            }
            if !self.is_punct(c, ",") || c + 1 >= comma {
                return None;
            }
            let first = doc.low(c + 1);
            let after_name = self.is_cap(c.saturating_sub(1)) && comma - c <= 16;
            let parenthetical = after_name
                || matches!(
                    first,
                    "who"
                        | "whose"
                        | "which"
                        | "a"
                        | "an"
                        | "the"
                        | "of"
                        | "from"
                        | "at"
                        | "in"
                        | "for"
                        | "with"
                        | "including"
                        | "now"
                        | "then"
                        | "once"
                        | "also"
                        | "like"
                        | "himself"
                        | "herself"
                        | "whom"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "one"
                        | "both"
                )
                || first.ends_with("ing")
                || first.ends_with("ed")
                || self.is_cap(c + 1)
                || self.doc.tokens[c + 1].kind == TokenKind::Number;
            if !parenthetical {
                return None;
            }
            let (mut st2, mut stop2) = self.walk_back(c, s.start)?;
            // "Roxana Leon, 63, an independent voter, said": an age or a second apposition.
            let age = st2 + 1 == c && self.doc.tokens[st2].kind == TokenKind::Number;
            if (age || matches!(doc.low(st2), "a" | "an"))
                && let Some(b) = stop2
                && self.is_punct(b, ",")
                && b > s.start
            {
                let (st3, stop3) = self.walk_back(b, s.start)?;
                if st3 < b {
                    (st2, stop2, c) = (st3, stop3, b);
                }
            }
            if st2 == c || !self.plausible_subject(st2..c) {
                return None;
            }
            return Some(self.subject(st2..c, stop2, s.start));
        }
        if !self.plausible_subject(start..end) {
            return None;
        }
        Some(self.subject(start..end, stop, s.start))
    }

    /// The start of the noun phrase ending at `end` (the antecedent of "who"): a run of capitalised words
    /// ("Govs. Jeb Bush and Chris Christie"), or a noun with its determiner and numbers ("the 30 percent").
    fn antecedent_start(&self, lo: usize, end: usize) -> usize {
        let doc = self.doc;
        let mut k = end;
        if self.is_cap(end - 1) {
            while k > lo
                && (self.is_cap(k - 1)
                    || (k - 1 > lo && matches!(doc.low(k - 1), "and" | "." | "of") && self.is_cap(k - 2)))
            {
                k -= 1;
            }
        } else {
            k -= 1;
            while k > lo && end - k < 4 && (is_det(doc.low(k - 1)) || doc.tokens[k - 1].kind == TokenKind::Number) {
                k -= 1;
            }
        }
        if k > lo && is_det(doc.low(k - 1)) {
            k -= 1;
        }
        k
    }

    /// Whether a phrase can be a speaker: it does not end in a function word or a participle
    /// ("taking pains to", "Having").
    fn plausible_subject(&self, np: Range<usize>) -> bool {
        if np.is_empty() {
            return true;
        }
        let first = self.doc.low(np.start);
        if !self.is_cap(np.start)
            && (matches!(
                first,
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "been"
                    | "be"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "do"
                    | "does"
                    | "did"
                    | "to"
            ) || (first.ends_with("ing") && first.len() > 5))
        {
            return false;
        }
        let last = np.end - 1;
        let w = self.doc.low(last);
        if self.is_cap(last) || is_pronoun(w) {
            return !matches!(w, "having" | "being");
        }
        !(matches!(
            w,
            "to" | "of"
                | "the"
                | "a"
                | "an"
                | "with"
                | "at"
                | "in"
                | "for"
                | "on"
                | "by"
                | "from"
                | "having"
                | "being"
                | "time"
                | "it's"
                | "there"
        ) || (w.ends_with("ing") && w.len() > 5))
    }

    fn subject(&self, np: Range<usize>, stop: Option<usize>, sent_start: usize) -> Subject {
        let bound = match stop {
            None => Bound::Start,
            Some(b) if self.is_comma_like(b) || self.doc.tokens[b].is_quote() => Bound::AfterClause,
            Some(b) if b < sent_start => Bound::Start,
            Some(_) => Bound::Word,
        };
        Subject {
            np,
            rel: None,
            bound,
            before: stop.unwrap_or(sent_start),
        }
    }

    /// Walks back from `end` to the nearest boundary; returns the phrase start and the boundary token.
    /// `None` when the phrase would be longer than [`MAX_SUBJECT`].
    fn walk_back(&self, end: usize, lo: usize) -> Option<(usize, Option<usize>)> {
        let doc = self.doc;
        let mut k = end;
        while k > lo {
            let p = k - 1;
            let t = &doc.tokens[p];
            let w = doc.low(p);
            let boundary = match t.kind {
                TokenKind::Quote(_) => true,
                TokenKind::Punct if w == ")" => {
                    // Skip a bracketed group: "Bernie Sanders (Vt.) said".
                    let lo2 = p.saturating_sub(8).max(lo);
                    if let Some(o) = (lo2..p).rev().find(|&x| doc.tok(x) == "(") {
                        k = o;
                        continue;
                    }
                    true
                }
                TokenKind::Punct => !matches!(w, "&" | "'" | "’" | "."),
                _ => {
                    if matches!(w, "and" | "or" | "&") {
                        // Inside a name or a list of adjectives ("Egyptian and Qatari officials").
                        !(p > lo && self.is_cap(p - 1) && p + 1 < end && self.is_cap(p + 1))
                    } else {
                        is_subject_stop(w) || self.is_cue_start(p)
                    }
                }
            };
            if boundary {
                return Some((k, Some(p)));
            }
            if end - p > MAX_SUBJECT {
                return None;
            }
            k = p;
        }
        Some((k, None))
    }

    /// The speaker phrase after a cue: up to the next comma, clause word or adjunct.
    fn np_after(&self, from: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        if from >= doc.tokens.len() {
            return None;
        }
        // The phrase lies in the sentence of the cue that ends at `from`.
        let s = self.sent(from.saturating_sub(1).min(doc.tokens.len() - 1));
        if from >= s.end || from < s.start {
            return None;
        }
        if is_np_stop(doc.low(from)) {
            return None;
        }
        let mut k = from;
        while k < s.end && k - from < MAX_NP_AFTER {
            let t = &doc.tokens[k];
            let w = doc.low(k);
            let stop = match t.kind {
                TokenKind::Quote(_) => true,
                TokenKind::Punct if w == "." => {
                    // "Ms. Acosta": a period inside the sentence, right after the word.
                    t.has(flags::SPACE_BEFORE) || k + 1 >= s.end
                }
                TokenKind::Punct => !matches!(w, "&" | "'" | "’"),
                _ => k > from && (is_np_stop(w) || self.is_cue_start(k)),
            };
            if stop {
                break;
            }
            k += 1;
        }
        (k > from && doc.tokens[k - 1].kind == TokenKind::Word).then_some(from..k)
    }

    /// Skips the addressee of "told"/"assured": a name, "reporters", or a short phrase with a determiner.
    fn skip_object(&self, from: usize, end: usize) -> usize {
        let doc = self.doc;
        let mut k = from;
        if k >= end || doc.tokens[k].kind != TokenKind::Word {
            return k;
        }
        if self.is_cap(k) && !is_pronoun(doc.low(k)) {
            while k < end && (self.is_cap(k) || doc.low(k) == "'s" || doc.low(k) == "’s") && k - from < 6 {
                k += 1;
            }
            return k;
        }
        if matches!(
            doc.low(k),
            "him" | "her" | "them" | "us" | "me" | "reporters" | "journalists"
        ) {
            return k + 1;
        }
        if is_det(doc.low(k)) {
            k += 1;
            let lo = k;
            while k < end
                && k - lo < 3
                && doc.tokens[k].kind == TokenKind::Word
                && !is_clause_start(doc.low(k))
                && !is_adjunct(doc.low(k))
            {
                k += 1;
            }
        }
        k
    }

    /// Skips adjuncts after a cue ("on Monday", "in a statement", "late on Tuesday") and a following
    /// "that", colon or comma. Returns the first content token and whether "that", a colon or a quotation
    /// introduces the content.
    fn skip_adjuncts(&self, from: usize, end: usize) -> (usize, bool) {
        let doc = self.doc;
        let mut k = from;
        // "said on Monday that …": jump to the "that" when it comes within a short adjunct; "described
        // Sunday's scenes" is no adjunct.
        let possessed = k + 1 < end && matches!(doc.low(k + 1), "'s" | "’s");
        if k < end && is_adjunct(doc.low(k)) && !possessed {
            let mut j = k;
            while j < end && j - k < 10 {
                if doc.tokens[j].is_quote() || self.is_terminal(j) {
                    break;
                }
                if matches!(doc.low(j), "that" | ":" | ",") {
                    return (j + 1, doc.low(j) != ",");
                }
                j += 1;
            }
            // Short time expression without "that": skip it.
            let mut j = k;
            while j < end && j - k < 3 && (is_adjunct(doc.low(j)) || is_time_word(doc.low(j))) {
                j += 1;
            }
            if j > k && j < end && is_time_word(doc.low(j - 1)) {
                k = j;
            }
        }
        if k < end && matches!(doc.low(k), "that" | ":") {
            return (k + 1, true);
        }
        if k < end && self.is_punct(k, ",") && k + 1 < end && doc.tokens[k + 1].is_quote() {
            return (k + 1, true);
        }
        (k, k < end && doc.tokens[k].is_quote())
    }

    /// Whether what follows a cue up to the sentence end (or a comma) is only an addressee and adjuncts
    /// ("…, sources told The National on Monday."): then the content is before the cue.
    fn tail_is_adjunct(&self, from: usize, object: bool) -> bool {
        self.tail_end(from, object).is_some()
    }

    /// Where an addressee-and-adjuncts tail after a cue stops (the sentence end, a comma or a bracket), if
    /// the tail is only that.
    fn tail_end(&self, from: usize, object: bool) -> Option<usize> {
        let doc = self.doc;
        if from >= doc.tokens.len() {
            return Some(from);
        }
        let s = self.sent(from.min(doc.tokens.len() - 1));
        if from >= s.end {
            return Some(s.end);
        }
        let mut k = if object { self.skip_object(from, s.end) } else { from };
        let mut guard = 0;
        loop {
            guard += 1;
            if k >= s.end {
                return Some(s.end);
            }
            if guard > 6 {
                return None;
            }
            let w = doc.low(k);
            if self.is_terminal(k) || matches!(w, "," | ")" | ";" | ":" | "—" | "–" | "-") {
                return Some(k);
            }
            if doc.tokens[k].is_quote() && doc.tokens[k].has(flags::SPACE_BEFORE) {
                return None;
            }
            if doc.tokens[k].is_quote() {
                k += 1;
                continue;
            }
            if is_adjunct(w) || is_time_word(w) {
                k += 1;
                let lo = k;
                while k < s.end
                    && k - lo < 6
                    && matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                    && !is_adjunct(doc.low(k))
                    && doc.low(k) != "that"
                {
                    k += 1;
                }
                continue;
            }
            return None;
        }
    }

    /// The rest of a sentence after a parenthetical attribution ("At one point, she said, she was …"):
    /// the tokens after the comma that ends the tail, unless they start another cue or a participle.
    fn after_parenthetical(&self, comma: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        let s = self.sent(comma);
        if comma + 1 >= s.end || !self.is_punct(comma, ",") {
            return None;
        }
        let k = comma + 1;
        let w = doc.low(k);
        if self.is_cue_start(k) || w.ends_with("ing") || matches!(w, "who" | "which" | "whose") {
            return None;
        }
        let end = self.free_end(s, k);
        has_words(doc, k..end, 2).then_some(k..end)
    }

    /// The subject at the start of a sentence, for "…, saying …" and "…, adding …": a pronoun or a
    /// capitalised phrase.
    fn main_subject(&self, s: Range<usize>) -> Option<Range<usize>> {
        let doc = self.doc;
        let mut k = s.start;
        while k < s.end && (doc.tokens[k].is_quote() || matches!(doc.low(k), "but" | "and")) {
            k += 1;
        }
        if k >= s.end {
            return None;
        }
        // An introductory phrase ("On Sunday, …", "Speaking in Ohio, …") comes before the subject.
        let w = doc.low(k);
        if is_intro(w) || w.ends_with("ing") || w.ends_with("ly") {
            let lim = (k + 16).min(s.end);
            let comma = (k..lim).find(|&t| self.is_punct(t, ","))?;
            k = comma + 1;
            if k >= s.end {
                return None;
            }
        }
        if is_pronoun(doc.low(k)) {
            return Some(k..k + 1);
        }
        let start = k;
        if matches!(doc.low(k), "the") {
            k += 1;
        }
        while k < s.end && self.is_cap(k) && k - start < 6 {
            k += 1;
        }
        (k > start && self.is_cap(k - 1)).then_some(start..k)
    }

    /// The previous draft's speaker phrase when its cue is in the same sentence (for "…, adding that …").
    fn speaker_in_sentence(&self, sentence: usize) -> Option<Range<usize>> {
        let i = self.drafts_of(sentence).next()?;
        let d = &self.drafts[i];
        match &d.who {
            Who::Phrase(r) | Who::Relative(_, r) => Some(r.clone()),
            Who::Floating | Who::Unknown => None,
        }
    }

    /// Direct quotation: `"…," X said.` / `"…," said X.` / `X said: "…"` / `according to X, "…"`, with split
    /// quotations (`"…," she said, "…"`) merged.
    fn direct(&mut self, head: usize) {
        let chain = self.chain(head);
        let last = *chain.last().expect("a chain has its head");
        if let Some((who, cue, end)) = self.attribution_after(head, last) {
            let sentence = self.doc.tokens[cue.start].sentence;
            let mut content = self.take_chain(head);
            // Split quotation: `"…," she said, "…"`.
            let para = self.doc.tokens[cue.start].paragraph;
            let mut k = end;
            let lim = (end + 8).min(self.doc.tokens.len());
            while k < lim && self.doc.tokens[k].paragraph == para && !self.is_terminal(k) {
                if self.is_comma_like(k) || self.is_punct(k, ":") {
                    if let Some(q) = quote_opening(self.quotes, k + 1)
                        && !self.used_quote[q]
                    {
                        content.extend(self.take_chain(q));
                    }
                    break;
                }
                if self.doc.tokens[k].is_quote() {
                    break;
                }
                k += 1;
            }
            self.push_direct(who, Some(cue), content, self.quotes[head].open, sentence);
            return;
        }
        if let Some((who, cue)) = self.attribution_before(head, last) {
            let sentence = self.doc.tokens[cue.start].sentence;
            let content = self.take_chain(head);
            self.push_direct(who, Some(cue), content, self.quotes[head].open, sentence);
        }
    }

    /// Whether a quotation starts a clause: at a sentence or paragraph start, or after a comma, colon,
    /// dash or bracket.
    fn starts_clause(&self, open: usize) -> bool {
        let t = &self.doc.tokens[open];
        if t.has(flags::PARA_START) || self.sent(open).start == open {
            return true;
        }
        let p = open - 1;
        self.doc.tokens[p].sentence != t.sentence
            || self.is_terminal(p)
            || (self.doc.tokens[p].kind == TokenKind::Punct
                && matches!(self.doc.tok(p), "," | ":" | "—" | "–" | "(" | ";" | "-"))
    }

    /// `"…," X said` and `"…," said X`: the attribution right after the closing mark.
    fn attribution_after(&mut self, head: usize, last: usize) -> Option<(Who, Range<usize>, usize)> {
        let q = &self.quotes[last];
        if !q.closed || !self.starts_clause(self.quotes[head].open) {
            return None;
        }
        let doc = self.doc;
        let n = doc.tokens.len();
        let para = doc.tokens[q.close].paragraph;
        let mut k = q.after;
        if k < n && doc.tokens[k].paragraph == para && self.is_comma_like(k) {
            k += 1;
        }
        if k >= n || doc.tokens[k].paragraph != para {
            return None;
        }
        // "said X" / "according to X"
        if let Some(c) = self.cue_starting(k) {
            let cue = self.cues[c].tokens.clone();
            if self.cues[c].form != Form::Ing {
                let np = self.np_after(cue.end)?;
                self.used_cue[c] = true;
                let end = np.end;
                return Some((Who::Phrase(np), cue, end));
            }
            return None;
        }
        // "X said", "X, a spokesman, said"
        let s = self.sent(k);
        let lim = (k + MAX_SUBJECT + 16).min(s.end);
        let mut m = k;
        while m < lim {
            if doc.tokens[m].is_quote() || self.is_terminal(m) {
                return None;
            }
            if let Some(c) = self.cue_starting(m) {
                let cue = &self.cues[c];
                if cue.form == Form::Ing || cue.frame == Frame::Prep {
                    return None;
                }
                let subj = self.subject_before(m)?;
                if subj.np.start < k || subj.np.is_empty() {
                    return None;
                }
                let cue = cue.tokens.clone();
                // `“We won.” He said the army …` is a new sentence with its own content.
                let full_stop = q.close > q.body && doc.tok(q.close - 1) == ".";
                if full_stop && !self.tail_is_adjunct(cue.end, self.cues[c].frame == Frame::Object) {
                    return None;
                }
                if cue.end < s.end
                    && (doc.low(cue.end) == "that"
                        || (doc.tokens[cue.end].is_quote() && doc.tokens[cue.end].has(flags::SPACE_BEFORE)))
                {
                    return None;
                }
                self.used_cue[c] = true;
                let end = cue.end;
                return Some((subj.who(), cue, end));
            }
            m += 1;
        }
        None
    }

    /// `X said: "…"`, `X said, "…"`, `X told reporters: "…"`, `according to X, "…"`: the attribution before
    /// the opening mark, when the quotation runs to the end of its sentence.
    fn attribution_before(&mut self, head: usize, last: usize) -> Option<(Who, Range<usize>)> {
        let doc = self.doc;
        let open = self.quotes[head].open;
        let s = self.sent(open);
        if open <= s.start {
            return None;
        }
        let lq = &self.quotes[last];
        if lq.closed {
            let after = lq.after;
            let ends = after >= doc.tokens.len()
                || doc.tokens[after].sentence != doc.tokens[lq.close].sentence
                || doc.tokens[after].kind == TokenKind::Punct
                || (lq.close > lq.body && self.is_terminal(lq.close - 1));
            if !ends {
                return None;
            }
        }
        let mut e = open;
        let colon = self.is_punct(open - 1, ":");
        if colon || self.is_punct(open - 1, ",") {
            e -= 1;
        }
        if e > s.start && doc.low(e - 1) == "that" {
            e -= 1;
        }
        // The cue ends at `e`, or (after a colon) a few adjunct words before it.
        let lo = e.saturating_sub(10).max(s.start);
        let mut j = e;
        while j > lo {
            j -= 1;
            if doc.tokens[j].is_quote() || self.is_terminal(j) {
                return None;
            }
            let Some(c) = self.cue_starting(j) else {
                continue;
            };
            let cue = self.cues[c].tokens.clone();
            if self.cues[c].frame == Frame::Prep {
                let np = self.np_after(cue.end)?;
                if np.end + 1 < e.max(np.end + 1) && !colon {
                    return None;
                }
                self.used_cue[c] = true;
                return Some((Who::Phrase(np), cue));
            }
            if cue.end != e && self.tail_end(cue.end, self.cues[c].frame == Frame::Object) != Some(e) {
                return None;
            }
            let who = if self.cues[c].form == Form::Ing {
                Who::Phrase(match self.speaker_in_sentence(doc.tokens[j].sentence) {
                    Some(r) => r,
                    None => self.main_subject(s.clone())?,
                })
            } else if j > s.start + 1 && matches!(doc.low(j - 1), "but" | "and") {
                Who::Phrase(self.speaker_in_sentence(doc.tokens[j].sentence)?)
            } else {
                let subj = self.subject_before(j)?;
                if subj.np.is_empty() {
                    return None;
                }
                subj.who()
            };
            self.used_cue[c] = true;
            return Some((who, cue));
        }
        None
    }

    /// The start of the free region of a sentence before `end`: after any token already claimed.
    fn free_start(&self, s: Range<usize>, end: usize) -> usize {
        let mut k = end;
        let lo = s.start.max(end.saturating_sub(MAX_CONTENT));
        while k > lo && !self.claimed[k - 1] {
            k -= 1;
        }
        k
    }

    /// The end of the free region of a sentence from `start`, without its final punctuation.
    fn free_end(&self, s: Range<usize>, start: usize) -> usize {
        let mut k = start;
        let hi = s.end.min(start + MAX_CONTENT);
        while k < hi && !self.claimed[k] {
            // A new quotation after a full stop starts a new sentence, even when the segmenter joined
            // them (`… the same way. ''It's all …''`).
            if self.doc.tokens[k].is_quote() && k > start && self.is_terminal(k - 1) {
                break;
            }
            k += 1;
        }
        while k > start && (self.is_terminal(k - 1) || self.is_punct(k - 1, ")")) {
            k -= 1;
        }
        k
    }

    /// Reported speech with a verb cue: `X said (that) …`, `…, X said.`, `…, said X.`, `X told Y (that) …`,
    /// `which X said were …`, `X vowed to …`, `…, adding that …`, and `X "expressed hope that …"` (the cue
    /// opens a quotation). Sets `via` instead when the cue relays another statement of its sentence
    /// ("…, Irna reported").
    fn reported(&mut self, c: usize) {
        let doc = self.doc;
        let cue = self.cues[c].clone();
        let s = self.sent(cue.tokens.start);
        let sentence = doc.tokens[cue.tokens.start].sentence;
        let strict = cue.frame == Frame::Strict;
        if cue.in_quote {
            let Some(q) = quote_at(self.quotes, cue.tokens.start) else {
                return;
            };
            let Some(subj) = self.subject_before(self.quotes[q].open) else {
                return;
            };
            if subj.np.is_empty() {
                return;
            }
            let mut first = cue.tokens.end;
            if first < self.quotes[q].close && doc.low(first) == "that" {
                first += 1;
            }
            let mut content = Vec::with_capacity(2);
            content.push(first..self.quotes[q].close);
            for t in self.quotes[q].inner() {
                self.claimed[t] = true;
            }
            self.used_quote[q] = true;
            let rest = self.quotes[q].after;
            let end = self.free_end(s.clone(), rest.min(s.end));
            content.extend(self.quotes_in(rest..end));
            let quoted = content.clone();
            if self.mixed == MixedContent::Clause {
                // The whole reported clause: `expressed hope that … would …`.
                for t in rest.min(end)..end {
                    self.claimed[t] = true;
                }
                content.clear();
                content.push(first..end.max(self.quotes[q].close));
            }
            self.used_cue[c] = true;
            self.push(Draft {
                kind: StatementKind::Mixed,
                who: subj.who(),
                cue: Some(cue.tokens.clone()),
                content,
                quoted,
                via: None,
                anchor: first,
                sentence,
            });
            return;
        }
        let prev_comma = cue.tokens.start > s.start && self.is_comma_like(cue.tokens.start - 1);
        if cue.form == Form::Ing {
            // "…, saying (that) …", "…, adding that …"
            if !prev_comma {
                return;
            }
            let who = match self.speaker_in_sentence(sentence) {
                Some(r) => r,
                None => match self.main_subject(s.clone()) {
                    Some(r) => r,
                    None => return,
                },
            };
            self.forward(c, Who::Phrase(who), strict);
            return;
        }
        let subj = self.subject_before(cue.tokens.start);
        match subj {
            Some(subj) if !subj.np.is_empty() => {
                let tail = self.tail_end(cue.tokens.end, cue.frame == Frame::Object);
                if subj.bound == Bound::AfterClause
                    && let Some(t) = tail
                {
                    let comma = subj.before;
                    let extra = if t < s.end { self.after_parenthetical(t) } else { None };
                    self.backward(c, subj.who(), comma, extra);
                } else {
                    self.forward(c, subj.who(), strict);
                }
            }
            _ if cue.tokens.start > s.start + 1
                && matches!(doc.low(cue.tokens.start - 1), "but" | "and")
                && self.speaker_in_sentence(sentence).is_some() =>
            {
                // "X said …, but said that …": the coordinated cue shares the subject.
                let who = self.speaker_in_sentence(sentence).expect("checked");
                self.forward(c, Who::Phrase(who), strict);
            }
            _ => {
                // "…, said X." (inverted)
                let after_clause =
                    prev_comma || (cue.tokens.start > s.start && doc.tokens[cue.tokens.start - 1].is_quote());
                if !after_clause {
                    self.asked_participle(c);
                    return;
                }
                let Some(np) = self.np_after(cue.tokens.end) else {
                    return;
                };
                let Some(t) = self.tail_end(np.end, false) else {
                    return;
                };
                let extra = if t < s.end { self.after_parenthetical(t) } else { None };
                self.backward(c, Who::Phrase(np), cue.tokens.start - 1, extra);
            }
        }
    }

    /// The content after a cue, to the end of its sentence.
    fn forward(&mut self, c: usize, who: Who, strict: bool) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        let mut k = cue.end;
        if self.cues[c].frame == Frame::Object {
            k = self.skip_object(k, s.end);
        }
        let (start, introduced) = self.skip_adjuncts(k, s.end);
        // "asked whether …", "explained how …": a question word introduces the content too.
        let wh = start < s.end
            && matches!(
                doc.low(start),
                "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who"
            );
        if strict && !introduced && !wh {
            return;
        }
        let mut end = self.free_end(s.clone(), start);
        // Another attribution later in the sentence starts its own clause: "Comey has said that …, Lewandowski
        // said he …".
        if let Some(cut) = self.next_clause_attribution(start, end) {
            end = cut;
        }
        // A trailing non-restrictive clause is the writer's, not the speaker's: "vowed to retaliate …,
        // which it blamed on Israel", "claimed to have attacked 11 sites, including one near Tel Aviv".
        if let Some(cut) = (start + 1..end.saturating_sub(1)).find(|&t| {
            self.is_punct(t, ",") && matches!(doc.low(t + 1), "which" | "including" | "citing" | "prompting")
        }) {
            end = cut;
        }
        if !has_words(doc, start..end, 2) {
            return;
        }
        self.used_cue[c] = true;
        self.emit(c, who, start..end, None);
    }

    /// The comma before a later cue of the region whose subject follows that comma and whose content
    /// follows the cue ("…, the Huffington Post reported that …").
    fn next_clause_attribution(&self, start: usize, end: usize) -> Option<usize> {
        // the unused cues starting in the region from its third token, in text order
        let first = self.cues.partition_point(|c| c.tokens.start < start + 2);
        for c in first..self.cues.len() {
            let k = self.cues[c].tokens.start;
            if k >= end {
                break;
            }
            if self.used_cue[c] {
                continue;
            }
            if self.cues[c].frame != Frame::Prep
                && self.cues[c].form != Form::Ing
                && let Some(subj) = self.subject_before(k)
                && !subj.np.is_empty()
                && subj.before > start
                && (subj.bound == Bound::AfterClause
                    || (matches!(
                        self.doc.low(subj.before),
                        "but" | "and" | "while" | "although" | "though" | "whereas"
                    ) && self.is_punct(subj.before - 1, ",")))
                && self
                    .tail_end(self.cues[c].tokens.end, self.cues[c].frame == Frame::Object)
                    .is_none()
            {
                let b = subj.before;
                return Some(if self.is_punct(b, ",") { b } else { b - 1 });
            }
            // "…, but said, “…”": a coordinated cue sharing the subject.
            if self.cues[c].form != Form::Ing
                && matches!(self.doc.low(k - 1), "but" | "and")
                && self.is_punct(k - 2, ",")
            {
                return Some(k - 2);
            }
        }
        None
    }

    /// The content before a cue (`…, X said.`), or the `via` of a statement it relays.
    fn backward(&mut self, c: usize, who: Who, comma: usize, extra: Option<Range<usize>>) {
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        let sentence = self.doc.tokens[cue.start].sentence;
        // Nested reporting: a statement with its own cue in this sentence, before the comma.
        let relayed = self
            .drafts_of(sentence)
            .find(|&i| self.drafts[i].cue.as_ref().is_some_and(|dc| dc.end <= comma));
        if let Some(i) = relayed
            && self.drafts[i].via.is_none()
        {
            let d = &mut self.drafts[i];
            if let Who::Phrase(r) = who {
                d.via = Some(r);
            }
            for r in &mut d.content {
                if r.end > comma {
                    r.end = comma.max(r.start);
                }
            }
            self.used_cue[c] = true;
            return;
        }
        let start = self.free_start(s.clone(), comma);
        if !has_words(self.doc, start..comma, 2) {
            return;
        }
        self.used_cue[c] = true;
        self.emit(c, who, start..comma, extra);
    }

    /// The unused top-level quotations inside a region, taken (content ranges).
    fn quotes_in(&mut self, region: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let first = self.quotes.partition_point(|q| q.open < region.start);
        for q in first..self.quotes.len() {
            if self.quotes[q].open >= region.end {
                break;
            }
            if !self.used_quote[q] && !self.is_named_term(q) {
                self.used_quote[q] = true;
                out.push(self.quotes[q].inner());
            }
        }
        out
    }

    /// Whether a quotation is a scare-quoted term or a title rather than quoted words: "the so-called
    /// “peace plan”", "the film “The Long Night”".
    fn is_named_term(&self, q: usize) -> bool {
        let open = self.quotes[q].open;
        if open == 0 {
            return false;
        }
        matches!(
            self.doc.low(open - 1),
            "so-called"
                | "dubbed"
                | "titled"
                | "entitled"
                | "named"
                | "nicknamed"
                | "film"
                | "book"
                | "song"
                | "album"
                | "novel"
                | "show"
                | "series"
                | "term"
                | "word"
                | "slogan"
                | "hashtag"
                | "operation"
        ) && !has_words(self.doc, self.quotes[q].inner(), 7)
    }

    /// Builds the draft for a reported-speech region: indirect, or direct/mixed when it holds quotations.
    fn emit(&mut self, c: usize, who: Who, region: Range<usize>, extra: Option<Range<usize>>) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let sentence = doc.tokens[cue.start].sentence;
        let regions: Vec<Range<usize>> = std::iter::once(region.clone()).chain(extra).collect();
        let mut quoted = Vec::new();
        for r in &regions {
            quoted.extend(self.quotes_in(r.clone()));
        }
        // Direct when the quotations cover every word of the region.
        let inside = |t: usize| quoted.iter().any(|q| q.start <= t && t < q.end);
        let all = !quoted.is_empty()
            && regions.iter().all(|r| {
                r.clone()
                    .all(|t| inside(t) || doc.tokens[t].kind != TokenKind::Word || doc.low(t) == "that")
            });
        for r in &regions {
            self.claimed[r.clone()].fill(true);
        }
        let (kind, content) = if quoted.is_empty() {
            (StatementKind::Indirect, regions)
        } else if all {
            (StatementKind::Direct, std::mem::take(&mut quoted))
        } else if self.mixed == MixedContent::Clause {
            (StatementKind::Mixed, regions)
        } else {
            (StatementKind::Mixed, quoted.clone())
        };
        let anchor = content.first().map_or(region.start, |r| r.start);
        self.push(Draft {
            kind,
            who,
            cue: Some(cue),
            content,
            quoted,
            via: None,
            anchor,
            sentence,
        });
    }

    /// `according to X, …` / `…, according to X.` / `…, according to X, …`.
    fn according_to(&mut self, c: usize) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        let Some(np) = self.np_after(cue.end) else {
            return;
        };
        // Only connectives or nothing before: the content follows the speaker.
        let opening = cue.start - s.start <= 4
            && (s.start..cue.start).all(|t| {
                matches!(doc.low(t), "but" | "and" | "however" | "," | "yet" | "so") || doc.tokens[t].is_quote()
            });
        let after_np = np.end;
        let comma_after = after_np < s.end && self.is_punct(after_np, ",");
        let comma_before = cue.start > s.start && self.is_comma_like(cue.start - 1);
        if opening {
            let start = if comma_after { after_np + 1 } else { after_np };
            let end = self.free_end(s.clone(), start);
            if end > start + 1 {
                self.used_cue[c] = true;
                self.emit(c, Who::Phrase(np), start..end, None);
            }
            return;
        }
        // "…, according to a Suffolk University/Boston Globe poll released Sunday.": the rest of the
        // sentence names the source.
        let to_end = (np.end..s.end).all(|t| !self.is_comma_like(t) && !doc.tokens[t].is_quote())
            && s.end.saturating_sub(np.end) <= 12;
        if comma_before && (to_end || self.tail_is_adjunct(after_np, false)) {
            self.backward(c, Who::Phrase(np), cue.start - 1, None);
            return;
        }
        if comma_before && comma_after {
            let start = self.free_start(s.clone(), cue.start - 1);
            let end = self.free_end(s.clone(), after_np + 1);
            if cue.start - 1 > start && end > after_np + 1 {
                self.used_cue[c] = true;
                self.emit(c, Who::Phrase(np), start..cue.start - 1, Some(after_np + 1..end));
            }
        }
    }

    /// A participial question: `Asked whether he would run, Reid said …`, `when asked which candidate she
    /// would back`, `Asked by Matt Lauer whether …`. The content is the question clause (to the next comma);
    /// the speaker is the "by" phrase, or unknown.
    fn asked_participle(&mut self, c: usize) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        if doc.low(cue.start) != "asked" || cue.len() != 1 {
            return;
        }
        let opens = cue.start == s.start || matches!(doc.low(cue.start - 1), "when" | "if" | "after" | "once");
        if !opens {
            return;
        }
        let mut k = cue.end;
        let mut who = Who::Unknown;
        let is_wh = |t: usize| {
            matches!(
                doc.low(t),
                "whether" | "if" | "why" | "how" | "what" | "which" | "who" | "when" | "where" | "about"
            )
        };
        if k < s.end && doc.low(k) == "by" {
            // "Asked by Matt Lauer whether …": the asker runs to the question word.
            let lim = (k + 1 + MAX_NP_AFTER).min(s.end);
            let Some(w) = (k + 2..lim).find(|&t| is_wh(t) || self.is_punct(t, ",")) else {
                return;
            };
            who = Who::Phrase(k + 1..w);
            k = w;
        }
        let wh = k < s.end && is_wh(k);
        if !wh || self.claimed[k] {
            return;
        }
        let start = if doc.low(k) == "about" { k + 1 } else { k };
        let hi = s.end.min(start + MAX_CONTENT);
        let mut end = start;
        while end < hi && !self.claimed[end] && !self.is_punct(end, ",") && !self.is_terminal(end) {
            end += 1;
        }
        if !has_words(doc, start..end, 2) {
            return;
        }
        self.used_cue[c] = true;
        self.emit(c, who, start..end, None);
    }

    /// A colon headline or transcript line (see [`colon_headline`]): the phrase before the colon said the
    /// rest of the paragraph (a transcript answer may run over several sentences); the colon is the cue.
    fn headline(&mut self, s: Range<usize>, colon: usize) {
        let doc = self.doc;
        let start = colon + 1;
        if self.claimed[start..s.end].iter().any(|&c| c) {
            return;
        }
        let para = doc.tokens[colon].paragraph;
        let hi = (start + MAX_CONTENT).min(doc.tokens.len());
        let mut end = s.end;
        while end < hi && doc.tokens[end].paragraph == para && !self.claimed[end] {
            end += 1;
        }
        while end > start && (self.is_terminal(end - 1) || self.is_punct(end - 1, ")")) {
            end -= 1;
        }
        if end <= start {
            return;
        }
        let quoted = self.quotes_in(start..end);
        let inside = |t: usize| quoted.iter().any(|q| q.start <= t && t < q.end);
        let all = !quoted.is_empty() && (start..end).all(|t| inside(t) || doc.tokens[t].kind != TokenKind::Word);
        let (kind, regions) = if all {
            (StatementKind::Direct, quoted)
        } else {
            (StatementKind::Indirect, std::iter::once(start..end).collect())
        };
        for t in start..end {
            self.claimed[t] = true;
        }
        self.push(Draft {
            kind,
            who: Who::Phrase(s.start..colon),
            cue: Some(colon..colon + 1),
            content: regions,
            quoted: Vec::new(),
            via: None,
            anchor: start,
            sentence: doc.tokens[colon].sentence,
        });
    }

    /// A quotation with no cue of its own that opens a sentence: the speaker of the statement before it
    /// (or after it) is resolved later. Short quoted terms and mid-sentence quotations are not statements.
    fn floating(&mut self, head: usize) {
        let doc = self.doc;
        let q = &self.quotes[head];
        let open = q.open;
        if doc.tokens[open].has(flags::TITLE) {
            return;
        }
        let sentence_start = doc.tokens[open].has(flags::PARA_START)
            || self.sent(open).start == open
            || (open > 0 && (self.is_terminal(open - 1) || self.is_punct(open - 1, ":")));
        if !sentence_start {
            return;
        }
        if !has_words(doc, q.inner(), 4) {
            return;
        }
        let sentence = doc.tokens[open].sentence;
        let content = self.take_chain(head);
        self.push_direct(Who::Floating, None, content, open, sentence);
    }
}

/// Labels that end in a colon at the start of a paragraph without naming a speaker ("Related: …",
/// "Update: …").
fn is_label(w: &str) -> bool {
    matches!(
        w,
        "related"
            | "update"
            | "updated"
            | "note"
            | "editor's"
            | "editor’s"
            | "photo"
            | "photos"
            | "video"
            | "watch"
            | "read"
            | "see"
            | "more"
            | "also"
            | "listen"
            | "click"
            | "warning"
            | "breaking"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "top"
            | "correction"
            | "clarification"
            | "disclaimer"
            | "source"
            | "sources"
            | "credit"
            | "caption"
            | "image"
            | "transcript"
            | "live"
            | "latest"
            | "subscribe"
            | "advertisement"
            | "q"
            | "question"
            | "answer"
            | "sign"
            | "follow"
            | "tags"
            | "filed"
            | "posted"
            | "published"
            | "topics"
            | "contact"
            | "email"
            | "share"
            | "graphic"
            | "chart"
            | "map"
            | "step"
            | "part"
            | "chapter"
            | "episode"
            | "day"
            | "week"
            | "bottom"
            | "lesson"
            | "rule"
            | "tip"
            | "fact"
            | "facts"
            | "fiction"
            | "why"
            | "what"
            | "how"
            | "who"
            | "when"
            | "where"
            | "here"
            | "now"
            | "then"
            | "first"
            | "next"
            | "finally"
            | "plus"
            | "but"
            | "look"
            | "revealed"
            | "contributing"
            | "name"
            | "paid"
            | "the"
            | "this"
            | "these"
            | "today"
            | "tonight"
    )
}

/// The colon of a colon headline or transcript line: a paragraph that opens with a short capitalised
/// speaker phrase and a colon, followed by what that speaker said ("Paul Ryan: Decision not to indict
/// ‘defies explanation’", "TAPPER: Donald Trump released a video on Friday."). Labels such as
/// "Related:" or "Update:" are not speakers. The article's own headline (its title line) is never a
/// statement.
pub(crate) fn colon_headline(doc: &Doc, s: Range<usize>) -> Option<usize> {
    if s.is_empty() || !doc.tokens[s.start].has(flags::PARA_START) || doc.tokens[s.start].has(flags::TITLE) {
        return None;
    }
    let lim = (s.start + 7).min(s.end);
    let colon = (s.start + 1..lim).find(|&k| doc.tokens[k].kind == TokenKind::Punct && doc.tok(k) == ":")?;
    let words_ok = (s.start..colon).all(|k| {
        let t = &doc.tokens[k];
        (t.kind == TokenKind::Word && t.has(flags::CAPITALISED))
            || (k > s.start && (matches!(doc.low(k), "'s" | "’s" | "of" | "at" | "the") || doc.tok(k) == "."))
    });
    if !words_ok || doc.tokens[colon - 1].kind != TokenKind::Word || is_label(doc.low(s.start)) {
        return None;
    }
    has_words(doc, colon + 1..s.end, 4).then_some(colon)
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
