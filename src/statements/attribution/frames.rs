//! Cue frames: the speaker phrase before a cue (`X said`, `X, who …, said`), the phrase after it (`said X`,
//! `told Y`), and the adjuncts and objects between a cue and its content.

use super::*;

impl Ctx<'_, '_> {
    /// The subject phrase before a cue at `at` within its sentence: the words back to the nearest clause
    /// boundary, skipping auxiliaries and adverbs ("has also said") and an apposition or relative clause
    /// between commas ("X, who …, said").
    pub(super) fn subject_before(&self, at: usize) -> Option<Subject> {
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
            // "Gov. John Kasich (R-OH), said": the bracket, not a parenthetical, comes before the comma.
            let seg = if self.is_punct(c, ",") { c + 1 } else { s.start.max(c) };
            if comma > seg + 2
                && self.is_punct(comma - 1, ")")
                && let Some(op) = (seg + 1..comma - 1).rev().find(|&t| self.is_punct(t, "("))
                && self.is_cap(op - 1)
                && self.plausible_subject(seg..op)
            {
                return Some(self.subject(seg..op, None, s.start));
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
                        | "when"
                        | "while"
                        | "after"
                        | "before"
                        | "though"
                        | "although"
                        | "if"
                        | "however"
                        | "too"
                        | "meanwhile"
                        | "speaking"
                        | "asked"
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
    pub(super) fn antecedent_start(&self, lo: usize, end: usize) -> usize {
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
    pub(super) fn plausible_subject(&self, np: Range<usize>) -> bool {
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

    pub(super) fn subject(&self, np: Range<usize>, stop: Option<usize>, sent_start: usize) -> Subject {
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
    pub(super) fn walk_back(&self, end: usize, lo: usize) -> Option<(usize, Option<usize>)> {
        let doc = self.doc;
        let mut k = end;
        while k > lo {
            let p = k - 1;
            let t = &doc.tokens[p];
            let boundary = match t.kind {
                TokenKind::Quote(_) => true,
                TokenKind::Punct if punct_bytes(doc, p) == b")" => {
                    // Skip a bracketed group: "Bernie Sanders (Vt.) said".
                    let lo2 = p.saturating_sub(8).max(lo);
                    if let Some(o) = (lo2..p).rev().find(|&x| punct_bytes(doc, x) == b"(") {
                        k = o;
                        continue;
                    }
                    true
                }
                TokenKind::Punct => !matches!(punct_bytes(doc, p), b"&" | b"'" | b"\xE2\x80\x99" | b"." | b"%"), // "’", "42% say"
                _ => {
                    let w = doc.low(p);
                    if matches!(w, "and" | "or" | "&") {
                        // Inside a name or a list of adjectives ("Egyptian and Qatari officials").
                        !(p > lo && self.is_cap(p - 1) && p + 1 < end && self.is_cap(p + 1))
                    } else {
                        // An acronym that spells a stop word is a name: "WHO said", "US officials".
                        let acronym = || doc.tok(p).len() > 1 && doc.tok(p).bytes().all(|b| b.is_ascii_uppercase());
                        (is_subject_stop(w) && !acronym()) || self.is_cue_start(p)
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
    pub(super) fn np_after(&self, from: usize) -> Option<Range<usize>> {
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
    pub(super) fn skip_object(&self, from: usize, end: usize) -> usize {
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
    pub(super) fn skip_adjuncts(&self, from: usize, end: usize) -> (usize, bool) {
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
    pub(super) fn tail_is_adjunct(&self, from: usize, object: bool) -> bool {
        self.tail_end(from, object).is_some()
    }

    /// Where an addressee-and-adjuncts tail after a cue stops (the sentence end, a comma or a bracket), if
    /// the tail is only that.
    pub(super) fn tail_end(&self, from: usize, object: bool) -> Option<usize> {
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
    pub(super) fn after_parenthetical(&self, comma: usize) -> Option<Range<usize>> {
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
    pub(super) fn main_subject(&self, s: Range<usize>) -> Option<Range<usize>> {
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
        let name = k;
        while k < s.end && self.is_cap(k) && k - start < 6 {
            k += 1;
        }
        if k > name {
            return Some(start..k);
        }
        // "The mayor spoke to reporters …": "the", up to three lower-case words, then a verb.
        if name == start {
            return None;
        }
        while k < s.end && k - name < 3 && doc.tokens[k].kind == TokenKind::Word && !verb_like(doc.low(k)) {
            k += 1;
        }
        (k > name && k < s.end && verb_like(doc.low(k))).then_some(start..k)
    }

    /// The subject of a sentence whose verb phrases are coordinated before a cue at `conj + 1` ("The judge
    /// put off the ruling but said …", "Trump praised the plan and said …"): a pronoun, a capitalised name
    /// or "the" with up to three lower-case words, followed by a verb-like word (past tense, "-s" form or
    /// an auxiliary). `None` when the sentence starts otherwise or the phrase is not a plausible speaker.
    pub(super) fn coordinated_subject(&self, s: Range<usize>, conj: usize) -> Option<Range<usize>> {
        let doc = self.doc;
        let np = self.main_subject(s.clone())?;
        let mut end = np.end;
        if np.len() == 1 && matches!(doc.low(np.start), "the") {
            while end < conj && end < np.start + 4 && doc.tokens[end].kind == TokenKind::Word && !self.is_cap(end) {
                end += 1;
                if end < conj && verb_like(doc.low(end)) {
                    break;
                }
            }
        }
        if end >= conj || !verb_like(doc.low(end)) || end == np.start + 1 && matches!(doc.low(np.start), "the") {
            return None;
        }
        self.plausible_subject(np.start..end).then_some(np.start..end)
    }

    /// The previous draft's speaker phrase when its cue is in the same sentence (for "…, adding that …").
    pub(super) fn speaker_in_sentence(&self, sentence: usize) -> Option<Range<usize>> {
        let i = self.drafts_of(sentence).next()?;
        let d = &self.drafts[i];
        match &d.who {
            Who::Phrase(r) | Who::Relative(_, r) => Some(r.clone()),
            Who::Floating | Who::Unknown => None,
        }
    }
}

/// Whether a word looks like the verb after a subject: a past tense ("praised"), a third-person form
/// ("denies") or an auxiliary ("has", "will").
fn verb_like(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4)
        || matches!(
            w,
            "has"
                | "had"
                | "was"
                | "is"
                | "will"
                | "would"
                | "did"
                | "does"
                | "put"
                | "went"
                | "made"
                | "took"
                | "gave"
                | "met"
                | "spoke"
                | "told"
                | "left"
                | "came"
                | "sent"
        )
        || (w.ends_with("es") && w.len() > 5)
}

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn subject_skips_apposition_and_relative_clause() {
        let r = run("Ana Silva, who leads the coalition, said the vote would be held in June.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("Ana Silva"));
        assert_eq!(r[0].1, "the vote would be held in June");
    }

    #[test]
    fn told_takes_an_object_before_the_content() {
        let r = run("The minister told reporters on Monday that the border would stay closed.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the border would stay closed");
        // Negative: a plain object with no clause is no statement.
        assert!(run("The minister told a joke.").is_empty());
    }

    #[test]
    fn subject_after_when_clause_or_party_bracket() {
        let r = run("The mayor's office, when contacted by reporters, said the bridge would stay shut.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("The mayor's office"));
        let r = run("In the primary, Gov. John Kasich (R-OH), said the state would vote for him.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("Gov. John Kasich"));
        assert_eq!(r[0].1, "the state would vote for him");
    }

    #[test]
    fn coordinated_verb_phrases_share_the_subject() {
        let r = run("The judge put off the ruling but said the group could come back later.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("The judge"));
        assert_eq!(r[0].1, "the group could come back later");
        let r = run("Trump praised the plan, denounced its critics and said it would work.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("Trump"));
        // Negative: no verb after the sentence's first phrase, no coordinated subject.
        assert!(run("Heavy rain and said nothing.").is_empty());
    }
}
