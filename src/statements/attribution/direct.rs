//! Direct quotations: `"…," X said` / `"…," said X` / `X said: "…"` and split quotations
//! (`"A," X said, "B."`).

use super::*;

impl Ctx<'_, '_> {
    /// Direct quotation: `"…," X said.` / `"…," said X.` / `X said: "…"` / `according to X, "…"`, with split
    /// quotations (`"…," she said, "…"`) merged.
    pub(super) fn direct(&mut self, head: usize) {
        let chain = self.chain(head);
        let last = *chain.last().expect("a chain has its head");
        if let Some((who, cue, end)) = self.attribution_after(head, last) {
            let sentence = self.doc.tokens[cue.start].sentence as usize;
            let mut content = self.take_chain(head);
            // `"A," according to X, "B."`: the frame interrupts the quotation, which makes two statements.
            // (the cues are in text order, one per start token: a binary search finds the cue's entry)
            let at = self.cues.partition_point(|c| c.tokens.start < cue.start);
            let prep = self
                .cues
                .get(at)
                .is_some_and(|c| c.tokens == cue && c.frame == Frame::Prep);
            let mut second = Vec::new();
            // Split quotation: `"…," she said, "…"`.
            let para = self.doc.tokens[cue.start].paragraph as usize;
            // A participle or apposition may stand between the cue and the second part: `"…," said
            // Sherman, speaking of politicians, "…"`.
            let mut k = end;
            let lim = (end + 14).min(self.doc.tokens.len());
            while k < lim && (self.doc.tokens[k].paragraph as usize) == para && !self.is_terminal(k) {
                if self.is_comma_like(k) || self.is_punct(k, ":") {
                    if let Some(q) = quote_opening(self.quotes, k + 1) {
                        if !self.used_quote[q] {
                            let part = self.take_chain(q);
                            if prep { second = part } else { content.extend(part) }
                        }
                        break;
                    }
                }
                if self.doc.tokens[k].is_quote() {
                    break;
                }
                k += 1;
            }
            if let Some(first) = second.first().map(|r| r.start) {
                self.push_direct(who.clone(), Some(cue.clone()), second, first, sentence);
            }
            self.push_direct(who, Some(cue), content, self.quotes[head].open, sentence);
            return;
        }
        if let Some((who, cue)) = self.attribution_before(head, last) {
            let sentence = self.doc.tokens[cue.start].sentence as usize;
            let content = self.take_chain(head);
            self.push_direct(who, Some(cue), content, self.quotes[head].open, sentence);
            return;
        }
        if let Some((name, dash)) = self.dash_attribution(head, last) {
            let sentence = self.doc.tokens[dash].sentence as usize;
            let content = self.take_chain(head);
            self.push_direct(
                Who::Phrase(name),
                Some(dash..dash + 1),
                content,
                self.quotes[head].open,
                sentence,
            );
        }
    }

    /// A quotation signed with a dash and a name, as under an epigraph or in a list of reactions:
    /// `“We are not a burden on this country.” ― Ana Lopez`. The name is one to five capitalised words
    /// (initials included) that end the paragraph, a sentence, or stand before the next quotation. Returns
    /// the name and the dash (the cue).
    pub(super) fn dash_attribution(&self, head: usize, last: usize) -> Option<(Range<usize>, usize)> {
        let q = &self.quotes[last];
        let doc = self.doc;
        let open = self.quotes[head].open;
        // the quotation opens a clause, or follows the name that signs the quotation before it
        let after_signature = (open.saturating_sub(7)..open)
            .any(|t| doc.tokens[t].paragraph == doc.tokens[open].paragraph && matches!(doc.tok(t), "―" | "—" | "–"))
            && open > 0
            && doc.tokens[open - 1].has(flags::CAPITALISED);
        if !q.closed || !(self.starts_clause(open) || after_signature) {
            return None;
        }
        let n = doc.tokens.len();
        let dash = q.after;
        if dash + 1 >= n
            || doc.tokens[dash].paragraph != doc.tokens[q.close].paragraph
            || !(doc.tokens[dash].kind == TokenKind::Punct && matches!(doc.tok(dash), "―" | "—" | "–"))
        {
            return None;
        }
        let para = doc.tokens[dash].paragraph;
        let start = dash + 1;
        let mut k = start;
        let mut words = 0;
        while k < n && doc.tokens[k].paragraph == para && words <= 5 {
            let t = &doc.tokens[k];
            if t.kind == TokenKind::Word && t.has(flags::CAPITALISED) {
                words += 1;
            } else if !(self.is_punct(k, ".") && k > start && doc.tok(k - 1).len() == 1) {
                break;
            }
            k += 1;
        }
        let ends = k >= n || doc.tokens[k].paragraph != para || doc.tokens[k].is_quote() || self.is_terminal(k);
        ((1..=5).contains(&words) && ends).then_some((start..k, dash))
    }

    /// Whether a quotation starts a clause: at a sentence or paragraph start, or after a comma, colon,
    /// dash or bracket.
    pub(super) fn starts_clause(&self, open: usize) -> bool {
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
    pub(super) fn attribution_after(&mut self, head: usize, last: usize) -> Option<(Who, Range<usize>, usize)> {
        let q = &self.quotes[last];
        if !q.closed || !self.starts_clause(self.quotes[head].open) {
            return None;
        }
        let doc = self.doc;
        let n = doc.tokens.len();
        let para = doc.tokens[q.close].paragraph as usize;
        let mut k = q.after;
        if k < n && (doc.tokens[k].paragraph as usize) == para && self.is_comma_like(k) {
            k += 1;
        }
        if k >= n || (doc.tokens[k].paragraph as usize) != para {
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
    pub(super) fn attribution_before(&mut self, head: usize, last: usize) -> Option<(Who, Range<usize>)> {
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
                Who::Phrase(match self.speaker_in_sentence(doc.tokens[j].sentence as usize) {
                    Some(r) => r,
                    None => self.main_subject(s.clone())?,
                })
            } else if j > s.start + 1 && matches!(doc.low(j - 1), "but" | "and") {
                Who::Phrase(self.speaker_in_sentence(doc.tokens[j].sentence as usize)?)
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
}

#[cfg(test)]
mod dash_tests {
    use crate::statements::tests::run;

    #[test]
    fn a_quotation_signed_with_a_dash_and_a_name() {
        let r = run(
            "Voters spoke after the debate.\n\n“He does not know our lives.” ― Ana Lopez “We are afraid.” ― Edwin G. Ruiz",
        );
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, "He does not know our lives.");
        assert_eq!(r[0].2.as_deref(), Some("Ana Lopez"));
        assert_eq!(r[1].2.as_deref(), Some("Edwin G. Ruiz"));
        // Negative: a dash that goes on with the sentence signs nothing.
        assert!(run("Voters spoke after the debate.\n\nThe “reform” — Congress passed it in May — failed.").is_empty());
    }
}

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn split_quotation_is_one_statement() {
        let r = run("\"We are ready,\" the coach said, \"and we will win.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "We are ready, | and we will win.");
        assert_eq!(r[0].3.as_deref(), Some("said"));
    }

    #[test]
    fn colon_introduces_a_quotation() {
        let r = run("The coach said: \"We are ready for the final.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "direct");
        assert_eq!(r[0].2.as_deref(), Some("The coach"));
        // Negative: a scare-quoted term is no statement.
        assert!(run("The so-called \"peace plan\" was rejected.").is_empty());
    }

    #[test]
    fn split_quotation_around_a_participle_and_an_abbreviated_title() {
        let r = run("\"Politicians know words,\" said Sherman, speaking of his rivals, \"and they use them.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Politicians know words, | and they use them.");
        let r = run("\"We want a fair wage,\" Ms. Sherry said, \"and ambition is not a crime.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("Ms. Sherry"));
        assert_eq!(r[0].1, "We want a fair wage, | and ambition is not a crime.");
        // Negative: a new sentence after the attribution is no second part.
        let r = run("\"We want a fair wage,\" Ms. Sherry said. The strike went on.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "We want a fair wage,");
    }

    #[test]
    fn according_to_interrupting_a_quotation_makes_two_statements() {
        let r = run("\"The plan is dead,\" according to the minister, \"and nobody will revive it.\"");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, "The plan is dead,");
        assert_eq!(r[1].1, "and nobody will revive it.");
        assert_eq!(
            (r[0].2.as_deref(), r[1].2.as_deref()),
            (Some("the minister"), Some("the minister"))
        );
        // Negative: a verb cue keeps one statement with two spans.
        let r = run("\"The plan is dead,\" the minister said, \"and nobody will revive it.\"");
        assert_eq!(r.len(), 1, "{r:?}");
        // A new sentence after the attribution is a second statement.
        let r = run("\"The plan is dead,\" the minister said. \"Nobody will revive it.\"");
        assert_eq!(r.len(), 2, "{r:?}");
    }
}
