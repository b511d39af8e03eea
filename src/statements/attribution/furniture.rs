//! Article furniture and headlines: colon headlines and transcript lines (`Paul Ryan: …`, `TAPPER: …`) are
//! statements; labels (`Related:`, `Update:`) are not.

use super::*;

impl Ctx<'_, '_> {
    /// A colon headline or transcript line (see [`colon_headline`]): the phrase before the colon said the
    /// rest of the paragraph (a transcript answer may run over several sentences); the colon is the cue.
    pub(super) fn headline(&mut self, s: Range<usize>, colon: usize) {
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

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn transcript_line_is_a_statement_but_a_label_is_not() {
        let r = run("Debate night\n\nTAPPER: Donald Trump released a video on Friday night.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("TAPPER"));
        assert!(run("Debate night\n\nRelated: Donald Trump released a video on Friday night.").is_empty());
    }
}
