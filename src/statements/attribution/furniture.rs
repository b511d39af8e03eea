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
        let para = doc.tokens[colon].paragraph as usize;
        let hi = (start + MAX_CONTENT).min(doc.tokens.len());
        let mut end = s.end;
        while end < hi && (doc.tokens[end].paragraph as usize) == para && !self.claimed[end] {
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
            sentence: doc.tokens[colon].sentence as usize,
        });
    }
}

/// Labels that end in a colon at the start of a paragraph without naming a speaker ("Related: …",
/// "Update: …").
fn is_label(w: &str) -> bool {
    matches!(
        w,
        "related"
            | "newsletter"
            | "daily"
            | "digest"
            | "briefing"
            | "roundup"
            | "recap"
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
    let colon = (s.start + 1..lim).find(|&k| doc.tokens[k].kind == TokenKind::Punct && punct_bytes(doc, k) == b":")?;
    let words_ok = (s.start..colon).all(|k| {
        let t = &doc.tokens[k];
        (t.kind == TokenKind::Word && t.has(flags::CAPITALISED))
            || (k > s.start && (matches!(doc.low(k), "'s" | "’s" | "of" | "at" | "the") || punct_bytes(doc, k) == b"."))
    });
    // a label may also end the phrase: "Delegate Update:", "Editor's Note:", "Monday's Morning Email:"
    if !words_ok
        || doc.tokens[colon - 1].kind != TokenKind::Word
        || is_label(doc.low(s.start))
        || is_label(doc.low(colon - 1))
    {
        return None;
    }
    has_words(doc, colon + 1..s.end, 4).then_some(colon)
}

/// The sentences that may be colon headlines ([`colon_headline`]), in text order: those that hold one of
/// the document's `colons` (in text order) among their first seven tokens, each once.
pub(crate) fn headline_sentences<'d>(doc: &'d Doc, colons: &'d [usize]) -> impl Iterator<Item = Range<usize>> + 'd {
    let mut last = usize::MAX;
    colons.iter().filter_map(move |&c| {
        let si = doc.tokens.get(c)?.sentence as usize;
        let s = doc.sentences.get(si)?.tokens.clone();
        if si == last || c <= s.start || c >= (s.start + 7).min(s.end) {
            return None;
        }
        last = si;
        Some(s)
    })
}

/// Whether paragraph `p` is article furniture rather than reporting: a label line ("READ MORE: …",
/// "WATCH: …", "Related: …", "PHOTO: …", "FILE PHOTO: …", "Also read: …"), a link line (a paragraph that
/// is a web address), a photo credit or caption ("(Photo: Jane Doe/Reuters)", "Photo by …") or a byline
/// ("By Jane Doe", "By Jane Doe and Tom Reyes, Reuters"). Quotations and cues there are no statements.
pub(crate) fn is_furniture(doc: &Doc, p: usize) -> bool {
    let r = doc.paragraph_tokens(p);
    if r.is_empty() {
        return false;
    }
    let a = r.start;
    let lim = (a + 4).min(r.end);
    // A label and a colon: "READ MORE:", "WATCH:", "FILE PHOTO:", "Also read:".
    if let Some(colon) = (a + 1..lim).find(|&k| doc.tokens[k].kind == TokenKind::Punct && punct_bytes(doc, k) == b":") {
        let label = (a..colon).all(|k| {
            matches!(
                doc.low(k),
                "read"
                    | "more"
                    | "watch"
                    | "related"
                    | "photo"
                    | "photos"
                    | "video"
                    | "file"
                    | "also"
                    | "see"
                    | "listen"
                    | "caption"
                    | "credit"
                    | "advertisement"
                    | "sponsored"
                    | "recommended"
                    | "trending"
            )
        });
        if label {
            return true;
        }
    }
    let first = doc.low(a);
    // A link line.
    if first.starts_with("http") || first.starts_with("www.") {
        return r.len() <= 12;
    }
    // "(Photo: …)", "Photo by …", "Photograph: …".
    if punct_bytes(doc, a) == b"("
        && a + 1 < r.end
        && matches!(doc.low(a + 1), "photo" | "photograph" | "image" | "video")
    {
        return true;
    }
    if matches!(first, "photo" | "photograph" | "image") && a + 1 < r.end && doc.low(a + 1) == "by" {
        return true;
    }
    // A byline: "By" and a short capitalised run, no verb.
    if doc.tok(a) == "By" && r.len() <= 12 {
        return (a + 1..r.end).all(|k| {
            let t = &doc.tokens[k];
            t.kind != TokenKind::Word || t.has(flags::CAPITALISED) || matches!(doc.low(k), "and" | "in" | "of")
        });
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::statements::tests::run;

    #[test]
    fn headline_sentences_hold_a_colon_near_their_start() {
        use crate::text::Doc;
        let text = "Debate night\n\nTAPPER: Donald Trump released a video: it was short.\n\nThe senator said the plan \
                    had three parts: roads, schools and water.";
        let doc = Doc::new(text);
        let colons: Vec<usize> = (0..doc.tokens.len()).filter(|&i| doc.tok(i) == ":").collect();
        assert_eq!(colons.len(), 3);
        // the transcript line once, though it holds two colons
        let found: Vec<_> = super::headline_sentences(&doc, &colons).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(doc.tok(found[0].start), "TAPPER");
        // Negative: a colon past the seventh token of its sentence opens no headline.
        assert!(super::headline_sentences(&doc, &colons[2..]).next().is_none());
    }

    #[test]
    fn transcript_line_is_a_statement_but_a_label_is_not() {
        let r = run("Debate night\n\nTAPPER: Donald Trump released a video on Friday night.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("TAPPER"));
        assert!(run("Debate night\n\nRelated: Donald Trump released a video on Friday night.").is_empty());
        assert!(run("Debate night\n\nDelegate Update: Donald Trump released a video on Friday night.").is_empty());
        assert!(run("Debate night\n\nEditor's Note: Donald Trump released a video on Friday night.").is_empty());
    }

    #[test]
    fn furniture_lines_are_no_statements() {
        let r = run("Floods\n\nREAD MORE: Minister says talks have failed\n\nThe minister said the talks had failed.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the talks had failed");
        let r =
            run("Floods\n\nWATCH: \"We will never give up,\" the mayor says\n\nThe mayor said the city would rebuild.");
        assert_eq!(r.len(), 1, "{r:?}");
        let r = run(
            "Floods\n\n(Photo: \"Rising waters,\" said the caption by Jane Doe/Reuters)\n\nThe mayor said the city would rebuild.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        // Negative: a paragraph that reports speech after a colon headline is still a statement.
        let r = run("Floods\n\nMore rain: the mayor said the city would rebuild.");
        assert_eq!(r.len(), 1, "{r:?}");
    }
}
