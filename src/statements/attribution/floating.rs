//! Floating quotations: a quotation with no cue of its own belongs to the speaker of the statement before it
//! (or after it, when it opens its paragraph).

use super::*;

impl Ctx<'_, '_> {
    /// A quotation with no cue of its own that opens a sentence: the speaker of the statement before it
    /// (or after it) is resolved later. Short quoted terms and mid-sentence quotations are not statements.
    pub(super) fn floating(&mut self, head: usize) {
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
        let enough = has_words(doc, q.inner(), 4) || (has_words(doc, q.inner(), 1) && self.continues_direct(head));
        if !enough {
            return;
        }
        let sentence = doc.tokens[open].sentence as usize;
        let content = self.take_chain(head);
        self.push_direct(Who::Floating, None, content, open, sentence);
    }

    /// Whether quotation `head` is a whole sentence right after a sentence of the same paragraph that holds
    /// a direct quotation with a cue: a short continuation (`"They sue," he said. "Everybody sues."`), a
    /// statement however few its words.
    fn continues_direct(&self, head: usize) -> bool {
        let doc = self.doc;
        let q = &self.quotes[head];
        let sentence = doc.tokens[q.open].sentence as usize;
        let Some(prev) = sentence.checked_sub(1) else {
            return false;
        };
        let sent = self.sent(q.open);
        let prev_start = doc.sentences[prev].tokens.start;
        let ends_sentence = q.after >= sent.end || self.is_terminal(q.after);
        ends_sentence
            && q.next.is_none()
            && doc.tokens[prev_start].paragraph == doc.tokens[q.open].paragraph
            && self
                .drafts_of(prev)
                .any(|d| self.drafts[d].kind == StatementKind::Direct && self.drafts[d].cue.is_some())
    }
}

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn cueless_quotation_after_a_statement_is_the_same_speakers() {
        let r = run("\"We will rebuild,\" the mayor said. \"Every family will have a home by winter.\"");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].2, None);
        assert_eq!(r[1].1, "Every family will have a home by winter.");
        // A short continuation is a statement too.
        let r = run("\"They sue,\" he said. \"Everybody sues.\"");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].1, "Everybody sues.");
        // Negative: a short quotation after narration is no statement.
        assert_eq!(run("The mayor left. \"Really.\"").len(), 0);
        // Negative: a short quoted term mid-sentence floats nowhere.
        assert_eq!(
            run("\"We will rebuild,\" the mayor said of the \"new town\" plan.").len(),
            1
        );
    }
}
