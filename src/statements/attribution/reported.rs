//! Reported speech: `X said (that) …`, `…, X said.`, `…, said X.`, `X told Y …`, `…, saying …`, the
//! parenthetical `…, she said, …`, and mixed quotations (reported speech holding quoted words).

use super::*;

impl Ctx<'_, '_> {
    /// The start of the free region of a sentence before `end`: after any token already claimed.
    pub(super) fn free_start(&self, s: Range<usize>, end: usize) -> usize {
        let mut k = end;
        let lo = s.start.max(end.saturating_sub(MAX_CONTENT));
        while k > lo && !self.claimed[k - 1] {
            k -= 1;
        }
        k
    }

    /// The end of the free region of a sentence from `start`, without its final punctuation.
    pub(super) fn free_end(&self, s: Range<usize>, start: usize) -> usize {
        let hi = s.end.min(start + MAX_CONTENT).max(start);
        // the first claimed token, or `hi`
        let mut k = self.claimed[start..hi]
            .iter()
            .position(|&c| c)
            .map_or(hi, |n| start + n);
        // A new quotation after a full stop starts a new sentence, even when the segmenter joined them
        // (`… the same way. ''It's all …''`).
        let first_mark = self.marks.partition_point(|&m| m <= start);
        if let Some(&m) = self.marks[first_mark..]
            .iter()
            .take_while(|&&m| m < k)
            .find(|&&m| self.is_terminal(m - 1))
        {
            k = m;
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
    pub(super) fn reported(&mut self, c: usize) {
        let doc = self.doc;
        let cue = self.cues[c].clone();
        let s = self.sent(cue.tokens.start);
        let sentence = doc.tokens[cue.tokens.start].sentence as usize;
        let strict = cue.frame == Frame::Strict;
        // The plural-noun test asks the tagger, which tags the sentence up to the cue: it comes last, right
        // before a draft is made (`is_noun_cue`).
        if self.is_negated(cue.tokens.start) || self.is_non_reporting(c) {
            return;
        }
        if cue.impersonal {
            self.impersonal_passive(c);
            return;
        }
        if cue.in_quote {
            let Some(q) = quote_at(self.quotes, cue.tokens.start) else {
                return;
            };
            let Some(subj) = self.subject_before(self.quotes[q].open) else {
                return;
            };
            if subj.np.is_empty() || self.is_noun_cue(c) {
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
        if ((cue.form == Form::Ing && !prev_comma) || doc.low(cue.tokens.start) == "quoted") && self.ing_with_subject(c)
        {
            return;
        }
        if cue.form == Form::Ing {
            // "…, saying (that) …", "…, adding that …", and without the comma "spoke to reporters saying …"
            if !prev_comma && !self.participle_without_comma(cue.tokens.start, s.start) {
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
                // (the tail matters only after a clause: "…, officials told reporters on Monday.")
                if subj.bound == Bound::AfterClause
                    && let Some(t) = self.tail_end(cue.tokens.end, cue.frame == Frame::Object)
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
            _ if cue.tokens.start > s.start + 2
                && matches!(doc.low(cue.tokens.start - 1), "but" | "and")
                && cue.form == Form::Finite
                && let Some(who) = self.coordinated_subject(s.clone(), cue.tokens.start - 1) =>
            {
                // "Trump praised the plan and said it would work": the sentence's subject speaks.
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

    /// An impersonal passive: "It was announced that the bridge will reopen" (no speaker), "It has been
    /// reported by the agency that …" (the agency).
    pub(super) fn impersonal_passive(&mut self, c: usize) {
        let cue = self.cues[c].tokens.clone();
        let who = if self.doc.low(cue.end) == "by" {
            match self.np_after(cue.end + 1) {
                Some(np) => Who::Phrase(np),
                None => return,
            }
        } else {
            Who::Unknown
        };
        self.forward(c, who, false);
    }

    /// An "-ing" cue whose subject comes before a form of "be" or "quoted as": "The White House is saying
    /// that …", "The mayor was quoted as saying …". Returns whether it was one (a draft may not follow).
    pub(super) fn ing_with_subject(&mut self, c: usize) -> bool {
        let doc = self.doc;
        let at = self.cues[c].tokens.start;
        let s = self.sent(at);
        let mut k = at;
        let mut be = false;
        while k > s.start && (cues_is_be(doc.low(k - 1)) || (k < at && is_between(doc.low(k - 1)))) {
            be |= cues_is_be(doc.low(k - 1));
            k -= 1;
        }
        if !be || k == at {
            return false;
        }
        let Some(subj) = self.subject_before(k) else {
            return true;
        };
        if subj.np.is_empty() {
            return true;
        }
        self.forward(c, subj.who(), false);
        true
    }

    /// Whether an "-ing" cue at `at` without a comma before it is a participle of the sentence's speaker:
    /// after a noun or an adverb ("spoke to reporters saying …", "tweeted early Friday saying …") or a
    /// preposition ("began by saying …"), not at the sentence start or after "of" or a determiner.
    pub(super) fn participle_without_comma(&self, at: usize, sent_start: usize) -> bool {
        at > sent_start + 2
            && self.doc.tokens[at - 1].kind == TokenKind::Word
            && !matches!(
                self.doc.low(at - 1),
                "of" | "about" | "keeps" | "keep" | "kept" | "stop" | "stopped"
            )
            && !is_det(self.doc.low(at - 1))
    }

    /// Whether the cue at token `at` is negated or hypothetical speech, which reports nothing said: "did not
    /// say that …", "would never say …", "hasn't told anyone …", "declined to say whether …".
    pub(super) fn is_negated(&self, at: usize) -> bool {
        let doc = self.doc;
        let lo = self.sent(at).start.max(at.saturating_sub(4));
        let mut k = at;
        while k > lo {
            k -= 1;
            let w = doc.low(k);
            if matches!(
                w,
                "not"
                    | "never"
                    | "n't"
                    | "didn't"
                    | "doesn't"
                    | "don't"
                    | "won't"
                    | "wouldn't"
                    | "hasn't"
                    | "haven't"
                    | "cannot"
                    | "can't"
                    | "couldn't"
            ) {
                return true;
            }
            if w == "to"
                && k > lo
                && matches!(
                    doc.low(k - 1),
                    "declined" | "refused" | "declines" | "refuses" | "decline" | "refuse"
                )
            {
                return true;
            }
            let adverb = w.ends_with("ly") && w.len() > 4;
            if !(adverb
                || matches!(
                    w,
                    "did"
                        | "does"
                        | "do"
                        | "would"
                        | "will"
                        | "could"
                        | "can"
                        | "has"
                        | "have"
                        | "had"
                        | "also"
                        | "even"
                        | "ever"
                        | "yet"
                        | "to"
                ))
            {
                return false;
            }
        }
        false
    }

    /// Whether a clause without "that" starts at `start`: a subject (determiner, adjectives, nouns, names,
    /// a pronoun) and then a verb or auxiliary within a few tokens, before any punctuation ("noted the
    /// bridge had not been inspected"); not a plain noun phrase ("noted the decline", "added 500 jobs").
    pub(super) fn clause_follows(&self, start: usize, end: usize) -> bool {
        use crate::tagger::Upos;
        let doc = self.doc;
        let lim = (start + 7).min(end);
        let mut nominal = false;
        for k in start..lim {
            // a token whose own form decides its tag does not have the tagger tag the sentence
            match doc.context_free_upos(k).unwrap_or_else(|| doc.upos(k)) {
                Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn | Upos::Pron => nominal = true,
                Upos::Part if matches!(doc.low(k), "'s" | "’s") => {}
                Upos::Aux | Upos::Verb => return nominal && !doc.low(k).ends_with("ing"),
                _ => return false,
            }
        }
        false
    }

    /// Whether the cue word at `at` is a plural noun, not a verb: "his remarks", "three states", "the
    /// reports" (a determiner, possessive, number or adjective before a word the tagger reads as a noun).
    /// The word tests come first: the tagger is asked only about a word ending in "s" after a word or number
    /// that is no subject pronoun, and not when either token's own form decides against (a form whose tag
    /// the tagger's training data fixes, as VERB for "says"), since asking tags the sentence up to `at`.
    pub(super) fn is_plural_noun(&self, at: usize) -> bool {
        use crate::tagger::Upos;
        let doc = self.doc;
        at > 0
            && doc.low(at).ends_with('s')
            && matches!(doc.tokens[at - 1].kind, TokenKind::Word | TokenKind::Number)
            && !is_pronoun(doc.low(at - 1))
            && doc.context_free_upos(at).is_none_or(|u| u == Upos::Noun)
            && doc
                .context_free_upos(at - 1)
                .is_none_or(|u| matches!(u, Upos::Det | Upos::Num | Upos::Adj | Upos::Pron))
            && doc.upos(at) == Upos::Noun
            && matches!(doc.upos(at - 1), Upos::Det | Upos::Num | Upos::Adj | Upos::Pron)
    }

    /// Whether cue `c` is a plural noun ([`Ctx::is_plural_noun`]) and so no cue: asked last, right before a
    /// draft is made from the cue.
    pub(super) fn is_noun_cue(&self, c: usize) -> bool {
        self.is_plural_noun(self.cues[c].tokens.start)
    }

    /// Whether a cue verb is used in a sense that reports nothing: "pleaded guilty", "pleaded not guilty",
    /// "denied a request", "was denied entry", "denied bail".
    pub(super) fn is_non_reporting(&self, c: usize) -> bool {
        let doc = self.doc;
        let cue = &self.cues[c].tokens;
        if cue.end >= doc.tokens.len() {
            return false;
        }
        let next = doc.low(cue.end);
        match doc.low(cue.start) {
            "plead" | "pleads" | "pleaded" | "pled" | "pleading" => {
                matches!(next, "guilty" | "not" | "innocent" | "no")
            }
            "deny" | "denies" | "denied" | "denying" => matches!(
                next,
                "a" | "an"
                    | "entry"
                    | "access"
                    | "bail"
                    | "permission"
                    | "asylum"
                    | "visas"
                    | "him"
                    | "her"
                    | "them"
                    | "requests"
                    | "admission"
                    | "service"
            ),
            _ => false,
        }
    }

    /// The content after a cue, to the end of its sentence.
    pub(super) fn forward(&mut self, c: usize, who: Who, strict: bool) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        let mut k = cue.end;
        if self.cues[c].frame == Frame::Object {
            k = self.skip_object(k, s.end);
        }
        let (mut start, introduced) = self.skip_adjuncts(k, s.end);
        // "asked whether …", "explained how …": a question word introduces the content too.
        let mut wh = start < s.end && is_wh(doc.low(start));
        let mut request = false;
        if strict && !introduced && !wh && matches!(doc.low(cue.start), "ask" | "asks" | "asked" | "asking") {
            match self.ask_frame(start, s.end) {
                AskFrame::Question(q) => (start, wh) = (q, true),
                AskFrame::Request => request = true,
                AskFrame::None => {}
            }
        }
        // "announced his resignation": a noun phrase is content when asked for.
        let np_content = self.np_contents && self.cues[c].np_object;
        let needs_clause = strict && !introduced && !wh && !request && !np_content;
        let mut end = self.free_end(s.clone(), start);
        // Another attribution later in the sentence starts its own clause: "Comey has said that …, Lewandowski
        // said he …".
        if let Some(cut) = self.next_clause_attribution(start, end) {
            end = cut;
        }
        // A trailing non-restrictive clause is the writer's, not the speaker's: "vowed to retaliate …,
        // which it blamed on Israel", "claimed to have attacked 11 sites, including one near Tel Aviv".
        // A "which" clause closed by a comma before the content's verb is embedded, not trailing: "said the
        // dam, which was built in 1960, had not been inspected".
        let first_comma = self.commas.partition_point(|&t| t < start + 1);
        if !self.keep_trailing
            && let Some(&cut) = self.commas[first_comma..]
                .iter()
                .take_while(|&&t| t < end.saturating_sub(1))
                .find(|&&t| match doc.low(t + 1) {
                    "which" => !self.embedded_relative(t + 1, end),
                    "including" | "citing" | "prompting" => true,
                    _ => false,
                })
        {
            end = cut;
        }
        if !has_words(doc, start..end, 2) || (needs_clause && !self.clause_follows(start, s.end)) || self.is_noun_cue(c)
        {
            return;
        }
        self.used_cue[c] = true;
        self.emit(c, who, start..end, None);
    }

    /// What follows "asked" and its addressee, from token `start` (before `end`): a question ("asked the
    /// senator whether he would run": the content starts at "whether") or a request ("asked the court to
    /// dismiss the case": the content is the addressee and its infinitive), or neither ("asked for a
    /// photo", "asked a question").
    fn ask_frame(&self, start: usize, end: usize) -> AskFrame {
        let doc = self.doc;
        let mut k = start;
        while k < end && k - start < 6 {
            let t = &doc.tokens[k];
            if t.kind != TokenKind::Word {
                return AskFrame::None;
            }
            let w = doc.low(k);
            if k > start && is_wh(w) {
                return AskFrame::Question(k);
            }
            if k > start && w == "to" {
                return if k + 1 < end && doc.tokens[k + 1].kind == TokenKind::Word && !is_det(doc.low(k + 1)) {
                    AskFrame::Request
                } else {
                    AskFrame::None
                };
            }
            if matches!(
                w,
                "for" | "about" | "that" | "and" | "or" | "a" | "an" | "questions" | "question"
            ) {
                return AskFrame::None;
            }
            k += 1;
        }
        AskFrame::None
    }

    /// Whether the relative clause opened by "which" at `which` closes with a comma followed by a finite
    /// verb of the clause around it, before `end`: "the dam, which was built in 1960, had not been
    /// inspected" (embedded) but not "vowed to retaliate for the attack, which it blamed on Israel" or
    /// "…, which it blamed on Israel, citing …" (trailing). The tagger decides the verb; the sentence is
    /// tagged only when such a comma exists.
    fn embedded_relative(&self, which: usize, end: usize) -> bool {
        let doc = self.doc;
        let Some(close) = (which + 1..end.saturating_sub(1)).find(|&t| self.is_punct(t, ",")) else {
            return false;
        };
        let next = close + 1;
        !doc.low(next).ends_with("ing")
            && matches!(doc.upos(next), crate::tagger::Upos::Verb | crate::tagger::Upos::Aux)
    }

    /// The comma before a later cue of the region whose subject follows that comma and whose content
    /// follows the cue ("…, the Huffington Post reported that …").
    pub(super) fn next_clause_attribution(&self, start: usize, end: usize) -> Option<usize> {
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
            // "…, saying it was …", "…, adding that …": a participle cue opens the speaker's next statement.
            if self.cues[c].form == Form::Ing && self.cues[c].frame != Frame::Prep && self.is_punct(k - 1, ",") {
                return Some(k - 1);
            }
        }
        None
    }

    /// The content before a cue (`…, X said.`), or the `via` of a statement it relays.
    pub(super) fn backward(&mut self, c: usize, who: Who, comma: usize, extra: Option<Range<usize>>) {
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        let sentence = self.doc.tokens[cue.start].sentence as usize;
        if self.is_noun_cue(c) {
            return;
        }
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
    pub(super) fn quotes_in(&mut self, region: Range<usize>) -> Vec<Range<usize>> {
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
    pub(super) fn is_named_term(&self, q: usize) -> bool {
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
    pub(super) fn emit(&mut self, c: usize, who: Who, region: Range<usize>, extra: Option<Range<usize>>) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let sentence = doc.tokens[cue.start].sentence as usize;
        let mut regions: Vec<Range<usize>> = std::iter::once(region.clone()).chain(extra).collect();
        let mut quoted = Vec::new();
        for r in &mut regions {
            let found = self.quotes_in(r.clone());
            // A quotation opened in the clause that runs on past its sentence (`said the tone "was bad.
            // And I think …"`) takes the content to its close.
            if let Some(reach) = found.iter().map(|q| q.end).max()
                && reach > r.end
            {
                r.end = reach;
            }
            quoted.extend(found);
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
}

/// Forms of "be" before a progressive or passive participle.
/// What follows "asked" and its addressee ([`Ctx::ask_frame`]).
enum AskFrame {
    /// A question word opens the content at this token.
    Question(usize),
    /// An infinitive follows the addressee: the request is the content.
    Request,
    /// Neither.
    None,
}

/// Whether a word opens an embedded question ("whether", "how", "what" …).
fn is_wh(w: &str) -> bool {
    matches!(w, "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who")
}

fn cues_is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "were" | "are" | "been" | "being" | "be" | "'s" | "’s" | "'re" | "’re" | "am"
    )
}

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn inverted_cue_after_the_clause() {
        let r = run("The talks will resume next week, officials said.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "The talks will resume next week");
        assert_eq!(r[0].2.as_deref(), Some("officials"));
    }

    #[test]
    fn strict_cue_needs_a_clause() {
        let r = run("The company added that profits had doubled.");
        assert_eq!(r.len(), 1, "{r:?}");
        // Negative: "added 500 jobs" is not speech.
        assert!(run("The company added 500 jobs in May.").is_empty());
    }

    #[test]
    fn mixed_clause_runs_to_the_close_of_its_quotation() {
        let r = run("Brooks said the debate \"was a mess. And I think the voters saw it.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "mixed");
        assert_eq!(r[0].1, "the debate \"was a mess. And I think the voters saw it");
        // Negative: a closed fragment keeps the clause to its sentence.
        let r = run("Brooks said the debate was \"a mess\" for everyone. The voters left.");
        assert_eq!(r[0].1, "the debate was \"a mess\" for everyone");
    }

    #[test]
    fn negated_and_hypothetical_speech_is_no_statement() {
        assert!(run("The minister did not say that the talks had failed.").is_empty());
        assert!(run("The minister would never say the talks had failed.").is_empty());
        assert!(run("The ministry declined to say whether the talks had failed.").is_empty());
        // Negatives: negation inside the content, or an adverb before the cue, is still a statement.
        let r = run("The minister said the talks had not failed.");
        assert_eq!(r.len(), 1, "{r:?}");
        let r = run("The minister has repeatedly said the talks would go on.");
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn a_form_that_decides_its_tag_agrees_with_the_tagger() {
        use crate::tagger::Upos;
        use crate::text::Doc;
        // The plural-noun and clause tests read these tags without tagging the sentence: they must be the
        // tags the tagger gives, whatever the context.
        let text = "The minister says the states reported 40 cases. Three states said the reports were false, \
                    and the mayor says she noted the bridge had not been inspected since 2010.";
        let doc = Doc::new(text);
        let mut decided = 0;
        for i in 0..doc.tokens.len() {
            if let Some(u) = doc.context_free_upos(i) {
                assert_eq!(u, doc.upos(i), "token {i} {:?}", doc.low(i));
                decided += 1;
            }
        }
        let the = (0..doc.tokens.len()).find(|&i| doc.low(i) == "the").expect("a 'the'");
        assert_eq!(doc.context_free_upos(the), Some(Upos::Det));
        let forty = (0..doc.tokens.len()).find(|&i| doc.low(i) == "40").expect("a number");
        assert_eq!(doc.context_free_upos(forty), Some(Upos::Num));
        // Negative: "states" is a noun or a verb by its context, so the tagger is asked.
        let states = (0..doc.tokens.len())
            .find(|&i| doc.low(i) == "states")
            .expect("'states'");
        assert_eq!(doc.context_free_upos(states), None);
        assert!(decided < doc.tokens.len(), "some tokens need their context");
    }

    #[test]
    fn part_of_speech_decides_clause_and_noun_uses() {
        // A clause without "that" after a strict cue, but not a plain noun phrase.
        let r = run("The inspector noted the bridge had not been inspected since 2010.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the bridge had not been inspected since 2010");
        assert!(run("The inspector noted the decline in traffic.").is_empty());
        // A plural noun is no cue.
        assert!(run("His remarks on Monday angered the union.").is_empty());
        assert!(run("Three states reported cases on Monday.").is_empty());
        // Non-reporting uses.
        assert!(run("The suspect pleaded guilty to the charges.").is_empty());
        assert!(run("The minister denied a request for comment.").is_empty());
        // Negative: the reporting uses stay statements.
        assert_eq!(run("The minister denied that the talks had failed.").len(), 1);
        assert_eq!(
            run("The suspect pleaded for mercy, saying he had been misled.").len(),
            1
        );
    }
}
