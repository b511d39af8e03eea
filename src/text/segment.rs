//! Paragraph, title and sentence segmentation.

use super::tokens::{QuoteMark, TokenKind, flags, is_space};
use super::{Doc, Sentence};
use crate::lexicon::segmentation::{AbbrevClass, abbreviation, is_sentence_starter};
use crate::model::Span;

/// One line of the text: its span without the line break, and whether it is blank.
struct Line {
    span: Span,
    blank: bool,
}

/// Splits `text` into lines. Lines end at `\n`, and, in the rare lines that contain them, at a lone `\r`,
/// U+2028, U+2029 (which also counts as a blank line) and U+0085.
///
/// One pass reads the text eight bytes at a time: it finds each `\n` and notes whether the line may hold
/// one of the rare breaks (a `\r`, or a byte 0x85, 0xA8 or 0xA9 that ends U+0085, U+2028 and U+2029 in
/// UTF-8); only such lines are searched for them.
fn lines(text: &str) -> Vec<Line> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of the first byte of `x` equal to `v` is set, and of no byte below it (bits above it
    // may be set too: the borrow of the classic zero-byte test)
    let find = |x: u64, v: u8| {
        let y = x ^ (ONES * u64::from(v));
        y.wrapping_sub(ONES) & !y & HIGH
    };
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(64);
    let mut start = 0;
    let mut i = 0;
    while start < bytes.len() {
        // whether the line so far may hold a rare break
        let mut suspect = false;
        let end = loop {
            // most of a line is plain ASCII without control characters: skip it 32 bytes at a time
            while let Some(block) = bytes.get(i..).and_then(<[u8]>::first_chunk::<32>) {
                let word = |k: usize| {
                    let x = block
                        .get(k..k + 8)
                        .and_then(|w| w.try_into().ok())
                        .map_or(0, u64::from_le_bytes);
                    x.wrapping_sub(ONES * 0x0E) | x
                };
                if (word(0) | word(8) | word(16) | word(24)) & HIGH != 0 {
                    break;
                }
                i += 32;
            }
            let Some(chunk) = bytes.get(i..i + 8) else {
                match bytes.get(i) {
                    None => break bytes.len(),
                    Some(b'\n') => break i,
                    Some(&b) => suspect |= matches!(b, b'\r' | 0x85 | 0xA8 | 0xA9),
                }
                i += 1;
                continue;
            };
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            // most chunks are plain ASCII without a control character below 0x0E (`\n`, `\r`): the high
            // bit of `x - 0x0E` in a byte below 0x80 is set exactly when that byte (or, by the borrow, one
            // below it) is under 0x0E
            if (x.wrapping_sub(ONES * 0x0E) | x) & HIGH == 0 {
                i += 8;
                continue;
            }
            let mut odd = find(x, b'\r');
            if x & HIGH != 0 {
                odd |= find(x, 0xA8) | find(x, 0xA9) | find(x, 0x85);
            }
            let nl = find(x, b'\n');
            if nl != 0 {
                let p = (nl.trailing_zeros() / 8) as usize;
                // only the bytes before the line break (a bit set below it always stands for a real one)
                suspect |= odd & ((1u64 << (8 * p)) - 1) != 0;
                break i + p;
            }
            suspect |= odd != 0;
            i += 8;
        };
        let body = &text[start..end];
        let core = body.strip_suffix('\r').unwrap_or(body);
        let rare = suspect
            && (core.as_bytes().contains(&b'\r')
                || core.contains('\u{2028}')
                || core.contains('\u{2029}')
                || core.contains('\u{85}'));
        if rare {
            split_rare(body, start, &mut out);
        } else {
            out.push(Line {
                span: Span::new(start, end),
                blank: body.chars().all(is_space),
            });
        }
        start = end + 1;
        i = start;
    }
    if text.is_empty() || text.ends_with('\n') {
        out.push(Line {
            span: Span::new(text.len(), text.len()),
            blank: true,
        });
    }
    out
}

/// Splits one `\n`-free piece (at byte `base`) at lone `\r`, U+2028, U+2029 and U+0085.
fn split_rare(body: &str, base: usize, out: &mut Vec<Line>) {
    let bytes = body.as_bytes();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        let next = match c {
            '\u{2028}' | '\u{2029}' | '\u{85}' => i + c.len_utf8(),
            '\r' if i + 1 < bytes.len() => i + 1,
            _ => continue,
        };
        let piece = &body[start..i];
        out.push(Line {
            span: Span::new(base + start, base + i),
            blank: piece.chars().all(is_space),
        });
        if c == '\u{2029}' {
            // A paragraph separator acts as a blank line.
            out.push(Line {
                span: Span::new(base + next, base + next),
                blank: true,
            });
        }
        start = next;
    }
    out.push(Line {
        span: Span::new(base + start, base + body.len()),
        blank: body[start..].chars().all(is_space),
    });
}

/// Trims white space (and invisible characters) from both ends of a span.
fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    // most lines start and end with a visible ASCII character: nothing to trim
    let visible = |b: Option<&u8>| b.is_some_and(|&b| (0x21..0x7f).contains(&b));
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        return span;
    }
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Finds the title and paragraphs.
///
/// Paragraphs are blocks of lines separated by blank lines; an article without any blank line between
/// text lines has one paragraph per line. The title is the first line when it stands alone: followed by a
/// blank line, and not ending like a sentence (with a period). `forced_title` overrides that test: `Some(true)`
/// makes the first line the title whatever it ends with (a page's headline), `Some(false)` gives no title.
pub(super) fn paragraphs(text: &str, forced_title: Option<bool>) -> (Option<Span>, Vec<Span>) {
    let lines = lines(text);
    // Is there a blank line between two text lines?
    let first_text = lines.iter().position(|l| !l.blank);
    let last_text = lines.iter().rposition(|l| !l.blank);
    let has_blank = match (first_text, last_text) {
        (Some(a), Some(b)) => lines[a..b].iter().any(|l| l.blank),
        _ => false,
    };
    let mut paras = Vec::with_capacity(lines.len());
    let mut cur: Option<Span> = None;
    for l in &lines {
        if l.blank {
            if let Some(c) = cur.take() {
                paras.push(c);
            }
            continue;
        }
        if has_blank {
            cur = Some(match cur {
                Some(c) => Span::new(c.start, l.span.end),
                None => l.span,
            });
        } else {
            paras.push(l.span);
        }
    }
    if let Some(c) = cur {
        paras.push(c);
    }
    let paras: Vec<Span> = paras
        .into_iter()
        .map(|p| trim(text, p))
        .filter(|p| !p.is_empty())
        .collect();

    let title = first_text.and_then(|a| {
        let line = trim(text, lines[a].span);
        let followed_by_blank = lines.get(a + 1).is_some_and(|l| l.blank);
        let t = &text[line.range()];
        let ends_like_sentence = t
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', ':', ',', ';']);
        let stands_alone = match forced_title {
            None => followed_by_blank && !ends_like_sentence && t.chars().count() <= 300,
            Some(forced) => forced,
        };
        (stands_alone && paras.first() == Some(&line)).then_some(line)
    });
    (title, paras)
}

fn is_closer(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Quote(q) => matches!(
            q,
            QuoteMark::DoubleClose | QuoteMark::SingleClose | QuoteMark::DoubleStraight | QuoteMark::SingleStraight
        ),
        TokenKind::Punct => matches!(doc.tok(i), ")" | "]" | "}"),
        _ => false,
    }
}

/// Whether a sentence ends after token `i` (a candidate terminator), given the next token `next`.
fn ends_sentence(doc: &Doc, i: usize, next: usize) -> bool {
    let t = &doc.tokens[i];
    let n = &doc.tokens[next];
    let next_text = doc.tok(next);
    let next_cap = n.has(flags::CAPITALISED);
    let next_opens = match n.kind {
        TokenKind::Quote(q) => matches!(
            q,
            QuoteMark::DoubleOpen | QuoteMark::SingleOpen | QuoteMark::DoubleStraight
        ),
        TokenKind::Punct => matches!(next_text, "(" | "[" | "-" | "—" | "–"),
        TokenKind::Number => true,
        TokenKind::Word => false,
    };
    let opener = next_cap || next_opens;
    let word = doc.tok(i);
    if t.kind == TokenKind::Word {
        // A dotted abbreviation that swallowed its period ("U.S.", "a.m.").
        let stem = word.trim_end_matches('.');
        return match abbreviation(stem) {
            Some(AbbrevClass::Prefix) => false,
            Some(AbbrevClass::Final) => opener,
            _ => next_opens || is_sentence_starter(next_text),
        };
    }
    match word {
        "." => {
            if i == 0 || doc.tokens[i].has(flags::SPACE_BEFORE) {
                return opener;
            }
            let prev = doc.tok(i - 1);
            let pk = doc.tokens[i - 1].kind;
            if pk == TokenKind::Word {
                // An initial: "J. K. Rowling".
                let mut ch = prev.chars();
                if let (Some(c), None) = (ch.next(), ch.next())
                    && c.is_uppercase()
                {
                    return false;
                }
                match abbreviation(prev) {
                    Some(AbbrevClass::Prefix) => return false,
                    Some(AbbrevClass::Ambiguous) => {
                        return n.kind != TokenKind::Number && (next_opens || is_sentence_starter(next_text));
                    }
                    Some(AbbrevClass::Final) | None => {}
                }
            }
            opener
        }
        "!" | "?" | "?!" | "!?" => opener,
        _ => {
            // An ellipsis ends a sentence only before a capitalised word.
            opener && !next_opens
        }
    }
}

/// Splits every paragraph into sentences and marks sentence-initial tokens.
///
/// `para_ends[p]` is the index after the last token of paragraph `p`; `terms` lists, in order, the tokens
/// that may end a sentence (a period or a run of them, "!", "?", "…", a word ending in a period), so
/// only those are visited.
pub(super) fn sentences(doc: &mut Doc, para_ends: &[u32], terms: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(doc.tokens.len() / 16 + 1);
    let ntok = doc.tokens.len();
    let mut i = 0;
    let mut next_term = 0;
    while i < ntok {
        let para = doc.tokens[i].paragraph as usize;
        let start = i;
        let in_title = doc.title.is_some() && para == 0;
        let para_end = para_ends.get(para).map_or(ntok, |&e| (e as usize).clamp(i + 1, ntok));
        // Advance to the end of this sentence: the paragraph's end, unless a terminator ends it first.
        let mut end = para_end;
        while !in_title && next_term < terms.len() && terms[next_term] < para_end {
            let j = terms[next_term];
            next_term += 1;
            if j < i {
                // Absorbed into the previous sentence, or in the title.
                continue;
            }
            // Absorb terminators and closing quotes or brackets that follow without a space.
            let mut k = j + 1;
            while k < para_end
                && !doc.tokens[k].has(flags::SPACE_BEFORE)
                && (is_closer(doc, k) || matches!(doc.tok(k), "." | "!" | "?" | "…"))
            {
                k += 1;
            }
            if k >= para_end {
                end = k;
                break;
            }
            if doc.tokens[k].has(flags::SPACE_BEFORE) && ends_sentence(doc, j, k) {
                end = k;
                break;
            }
        }
        let idx = out.len() as u32;
        let toks = &mut doc.tokens[start..end];
        if let Some(t) = toks
            .iter_mut()
            .find(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        {
            t.flags |= flags::SENT_START;
        }
        for t in toks.iter_mut() {
            t.sentence = idx;
        }
        if in_title {
            for t in toks {
                t.flags |= flags::TITLE;
            }
        }
        out.push(Sentence { tokens: start..end });
        i = end;
    }
    out
}
