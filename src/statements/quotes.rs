//! Pairing quotation marks into quotations.
//!
//! One forward pass over each paragraph's tokens with a small stack (at most [`MAX_DEPTH`] open marks), so
//! the work is linear in the number of tokens whatever the input. A quotation never runs past its
//! paragraph: news style reopens a quotation at the start of each paragraph it continues into and closes it
//! only in the last one, which is recorded as a chain of quotations ([`Quote::next`]).

use std::ops::Range;

use crate::text::{Doc, QuoteMark, TokenKind, flags};

/// How many quotation marks may be open at once in one paragraph; further openers are ignored.
const MAX_DEPTH: usize = 8;

/// A top-level quotation (nested ones are part of their outer quotation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Token index of the opening mark (its first token when the mark is doubled: `''`, `‘‘`).
    pub open: usize,
    /// Token index of the first quoted token.
    pub body: usize,
    /// Token index of the closing mark (its first token when doubled); for a quotation left open at the
    /// end of its paragraph, the index one past the paragraph's last token.
    pub close: usize,
    /// Token index after the closing mark (equal to `close` when unclosed).
    pub after: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// The quotation that continues this one in the next paragraph.
    pub next: Option<usize>,
    /// The quotation this one continues (from the previous paragraph).
    pub prev: Option<usize>,
}

impl Quote {
    /// The tokens between the marks.
    pub fn inner(&self) -> Range<usize> {
        self.body..self.close
    }
}

/// The quotation holding token `i` (its marks included), if any: a binary search, the quotations of
/// [`pair`] being in text order and disjoint.
pub(crate) fn quote_at(quotes: &[Quote], i: usize) -> Option<usize> {
    let k = quotes.partition_point(|q| q.open <= i).checked_sub(1)?;
    (i < quotes[k].after).then_some(k)
}

/// The quotation whose opening mark is token `i`, if any.
pub(crate) fn quote_opening(quotes: &[Quote], i: usize) -> Option<usize> {
    quote_at(quotes, i).filter(|&q| quotes[q].open == i)
}

#[derive(Clone, Copy)]
struct Open {
    tok: usize,
    body: usize,
    double: bool,
}

/// Whether the context of quote token `i` looks like an opening mark (space or an opening bracket before)
/// and like a closing one (space, punctuation or the paragraph end after).
fn context(doc: &Doc, i: usize, para_end: usize) -> (bool, bool) {
    let t = &doc.tokens[i];
    let left_open = t.has(flags::SPACE_BEFORE)
        || t.has(flags::PARA_START)
        || doc.tokens[i - 1].is_quote()
        || matches!(doc.tok(i - 1), "(" | "[" | "—" | "–" | "-" | "/");
    let right_close = i + 1 >= para_end || {
        let n = &doc.tokens[i + 1];
        n.has(flags::SPACE_BEFORE)
            || n.is_quote()
            || (n.kind == TokenKind::Punct && !matches!(doc.tok(i + 1), "(" | "[" | "$" | "£" | "€"))
    };
    (left_open, right_close)
}

/// Whether the single mark at `i` is a possessive apostrophe: right after a word ending in "s" and before
/// a lower-case word ("Hamas' leaders", "the officials' aides").
fn possessive(doc: &Doc, i: usize, end: usize) -> bool {
    let t = &doc.tokens[i];
    i > 0
        && i + 1 < end
        && !t.has(flags::SPACE_BEFORE)
        && doc.tokens[i - 1].kind == TokenKind::Word
        && doc.low(i - 1).ends_with('s')
        && doc.tokens[i + 1].kind == TokenKind::Word
        && doc.tokens[i + 1].has(flags::SPACE_BEFORE)
        && !doc.tokens[i + 1].has(flags::CAPITALISED)
}

/// Pairs the quotation marks of every paragraph and returns the top-level quotations in text order.
///
/// Handles “…”, "…", ‘…’, '…', «…», „…“ and nested quotations; an apostrophe ("Hamas' leaders") closes a
/// single quotation only when one is open.
///
/// `marks` are the quotation-mark tokens of the document, in text order (see
/// [`super::cues::scan`]).
pub(crate) fn pair(doc: &Doc, marks: &[usize]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut continues: Vec<bool> = Vec::new();
    // the marks still open, one list reused for every paragraph
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    // only the paragraphs holding a quotation mark, from their first mark
    let mut m = 0;
    while let Some(&first) = marks.get(m) {
        let para = doc.paragraph_tokens(doc.tokens[first].paragraph as usize);
        let (start, end) = (para.start, para.end);
        stack.clear();
        pair_paragraph(doc, start, first, end, &mut stack, &mut out, &mut continues);
        // on to the first mark of a later paragraph
        m += marks[m..].partition_point(|&k| k < end).max(1);
    }
    // Link each quotation left open at a paragraph end to the one opening the next paragraph.
    for q in 0..out.len() {
        if continues[q] && q + 1 < out.len() && out[q + 1].open == out[q].close {
            out[q].next = Some(q + 1);
            out[q + 1].prev = Some(q);
        }
    }
    out
}

/// Pairs the marks of the paragraph `start..end`, whose first mark is at `first`.
fn pair_paragraph(
    doc: &Doc,
    start: usize,
    first: usize,
    end: usize,
    stack: &mut Vec<Open>,
    out: &mut Vec<Quote>,
    continues: &mut Vec<bool>,
) {
    let mut i = first;
    while i < end {
        let TokenKind::Quote(mut mark) = doc.tokens[i].kind else {
            i += 1;
            continue;
        };
        // Two single marks written together (`''`, `‘‘`, `’’`) are one double mark.
        let mut width = 1;
        if !mark.is_double()
            && i + 1 < end
            && !doc.tokens[i + 1].has(flags::SPACE_BEFORE)
            && matches!(doc.tokens[i + 1].kind, TokenKind::Quote(m) if !m.is_double())
        {
            width = 2;
            mark = match mark {
                QuoteMark::SingleOpen => QuoteMark::DoubleOpen,
                QuoteMark::SingleClose => QuoteMark::DoubleClose,
                _ => QuoteMark::DoubleStraight,
            };
        }
        let last = i + width - 1;
        let left_open = i == start || context(doc, i, end).0;
        let right_close = if last == start {
            last + 1 >= end || doc.tokens[last + 1].has(flags::SPACE_BEFORE)
        } else {
            context(doc, last, end).1
        };
        let looks_open = left_open && !right_close;
        let looks_close = right_close && !left_open;
        let has_double = stack.iter().any(|o| o.double);
        let top_single = stack.last().is_some_and(|o| !o.double);
        enum Act {
            Open(bool),
            CloseDouble,
            CloseSingle,
            Skip,
        }
        let act = match mark {
            QuoteMark::DoubleOpen => {
                if has_double && looks_close {
                    Act::CloseDouble
                } else {
                    Act::Open(true)
                }
            }
            QuoteMark::DoubleClose => {
                if has_double {
                    Act::CloseDouble
                } else if looks_open {
                    Act::Open(true)
                } else {
                    Act::Skip
                }
            }
            QuoteMark::DoubleStraight => {
                let inch =
                    i > start && doc.tokens[i - 1].kind == TokenKind::Number && !doc.tokens[i].has(flags::SPACE_BEFORE);
                if has_double && !(looks_open && top_single) {
                    Act::CloseDouble
                } else if inch || looks_close {
                    Act::Skip
                } else {
                    Act::Open(true)
                }
            }
            QuoteMark::SingleOpen => {
                if top_single && looks_close {
                    Act::CloseSingle
                } else {
                    Act::Open(false)
                }
            }
            QuoteMark::SingleClose | QuoteMark::SingleStraight if possessive(doc, i, end) => Act::Skip,
            QuoteMark::SingleClose | QuoteMark::SingleStraight => {
                if top_single && !left_open {
                    Act::CloseSingle
                } else if mark == QuoteMark::SingleStraight
                    && looks_open
                    && i + 1 < end
                    && doc.tokens[i + 1].kind == TokenKind::Word
                {
                    Act::Open(false)
                } else {
                    Act::Skip
                }
            }
        };
        match act {
            Act::Open(double) => {
                if stack.len() < MAX_DEPTH {
                    stack.push(Open {
                        tok: i,
                        body: i + width,
                        double,
                    });
                }
            }
            Act::CloseDouble => {
                while let Some(o) = stack.pop() {
                    if o.double {
                        if stack.is_empty() {
                            let _ = push(out, continues, o, i, i + width);
                        }
                        break;
                    }
                }
            }
            Act::CloseSingle => {
                if let Some(o) = stack.pop()
                    && stack.is_empty()
                {
                    let _ = push(out, continues, o, i, i + width);
                }
            }
            Act::Skip => {}
        }
        i += width;
    }
    // A quotation still open at the paragraph end: continued when the next paragraph opens with a double
    // mark, kept to the paragraph end when it opened the paragraph, dropped otherwise.
    if let Some(&bottom) = stack.first()
        && bottom.double
    {
        let next_opens = end < doc.tokens.len()
            && matches!(
                doc.tokens[end].kind,
                TokenKind::Quote(QuoteMark::DoubleOpen | QuoteMark::DoubleStraight)
            );
        if next_opens {
            if push(out, continues, bottom, end, end) {
                continues.pop();
                continues.push(true);
            }
        } else if bottom.tok == start && end - start > 2 {
            let _ = push(out, continues, bottom, end, end);
        }
    }
}

fn push(out: &mut Vec<Quote>, continues: &mut Vec<bool>, o: Open, close: usize, after: usize) -> bool {
    if close <= o.body {
        return false; // empty quotation ("")
    }
    out.push(Quote {
        open: o.tok,
        body: o.body,
        close,
        after,
        closed: after > close,
        next: None,
        prev: None,
    });
    continues.push(false);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        pair(&doc, &super::super::cues::scan(&doc).marks)
            .iter()
            .map(|q| doc.slice(doc.span_of(q.inner())).to_string())
            .collect()
    }

    #[test]
    fn styles() {
        assert_eq!(
            quoted("“We will win,” he said. \"No,\" she said. ‘Yes,’ they said."),
            ["We will win,", "No,", "Yes,"]
        );
        assert_eq!(quoted("Er sagte „Nein“ und «Oui»."), ["Nein", "Oui"]);
        assert_eq!(
            quoted("''We will see,'' Mr. Smith said. ''It's early.''"),
            ["We will see,", "It's early."]
        );
    }

    #[test]
    fn apostrophes_do_not_pair() {
        assert_eq!(
            quoted("Hamas' leaders met the region's envoys in the '90s, officials' aides said."),
            Vec::<String>::new()
        );
        assert_eq!(
            quoted("'Hamas' leaders are here,' he said."),
            ["Hamas' leaders are here,"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“They called it ‘a farce’ and left,” she said."),
            ["They called it ‘a farce’ and left,"]
        );
    }

    #[test]
    fn multi_paragraph_chain() {
        let text = "“The first part.\n\n“The second part.\n\n“The end,” he said.\n\nNext “x” here.";
        let doc = Doc::new(text);
        let q = pair(&doc, &super::super::cues::scan(&doc).marks);
        assert_eq!(q.len(), 4);
        assert_eq!(q[0].next, Some(1));
        assert_eq!(q[1].next, Some(2));
        assert_eq!(q[2].next, None);
        assert!(q[2].closed);
    }

    #[test]
    fn quote_at_finds_the_quotation_holding_a_token() {
        let doc = Doc::new("“We will win,” he said. Then “No” came back.");
        let q = pair(&doc, &super::super::cues::scan(&doc).marks);
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        assert_eq!(quote_at(&q, at("win")), Some(0));
        assert_eq!(quote_at(&q, at("“")), Some(0));
        assert_eq!(quote_opening(&q, at("“")), Some(0));
        assert_eq!(quote_opening(&q, at("We")), None);
        assert_eq!(quote_at(&q, at("No")), Some(1));
        assert_eq!(quote_at(&q, at("he")), None);
        assert_eq!(quote_at(&q, at("Then")), None);
        assert_eq!(quote_at(&q, at("back")), None);
    }

    #[test]
    fn unbalanced_mark_does_not_swallow() {
        let text = "He said “this is open and never closed.\n\nThe next paragraph is plain.";
        assert!(quoted(text).is_empty());
    }
}
