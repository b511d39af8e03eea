//! Speech framed by someone else's words: `according to X, …` and the participial question `Asked whether …,
//! X said …`.

use super::*;

impl Ctx<'_, '_> {
    /// `according to X, …` / `…, according to X.` / `…, according to X, …`, and the same with "in her
    /// words" (the speaker is the possessive: "In her words, the plan was a disaster") or "in the words of
    /// X".
    pub(super) fn according_to(&mut self, c: usize) {
        let doc = self.doc;
        let cue = self.cues[c].tokens.clone();
        let s = self.sent(cue.start);
        let possessive = doc.low(cue.start) == "in" && doc.low(cue.end - 1) == "words";
        let (np, after_np) = if possessive {
            (cue.start + 1..cue.start + 2, cue.end)
        } else {
            let Some(np) = self.np_after(cue.end) else {
                return;
            };
            let end = np.end;
            (np, end)
        };
        // Only connectives or nothing before: the content follows the speaker.
        let opening = cue.start - s.start <= 4
            && (s.start..cue.start).all(|t| {
                matches!(doc.low(t), "but" | "and" | "however" | "," | "yet" | "so") || doc.tokens[t].is_quote()
            });
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
        let to_end = (after_np..s.end).all(|t| !self.is_comma_like(t) && !doc.tokens[t].is_quote())
            && s.end.saturating_sub(after_np) <= 12;
        // "Over the long term, according to the budget office, the deficit will grow": the clause goes on
        // after the frame, so the content is both sides (a relative clause after the frame is the source's
        // description: "according to Ms. Lee, who …").
        let goes_on = comma_before
            && comma_after
            && after_np + 1 < s.end
            && !matches!(
                doc.low(after_np + 1),
                "who" | "which" | "whose" | "whom" | "where" | "when"
            )
            && has_words(doc, after_np + 1..self.free_end(s.clone(), after_np + 1), 4);
        if comma_before && !goes_on && (to_end || self.tail_is_adjunct(after_np, false)) {
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
    pub(super) fn asked_participle(&mut self, c: usize) {
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
}

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn according_to_before_and_after() {
        let r = run("According to the police, the suspect fled on foot.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the suspect fled on foot");
        assert_eq!(r[0].2.as_deref(), Some("the police"));
        let r = run("The suspect fled on foot, according to the police.");
        assert_eq!(r[0].1, "The suspect fled on foot");
        // Negative: "according to plan" names no speaker.
        assert!(run("The launch went according to plan.").is_empty());
    }

    #[test]
    fn according_to_inside_a_clause_that_goes_on() {
        let r = run("Over the next decade, according to the budget office, the deficit will double.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Over the next decade | the deficit will double");
        // Negative: a relative clause after the frame describes the source and is no content.
        let r = run("The plant will close in May, according to Ms. Lee, who asked not to be named.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "The plant will close in May");
    }
}
