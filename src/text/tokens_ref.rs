//! Tokens: words, numbers, punctuation and quotation marks, with their flags.

use super::tokens::{QuoteMark, Token, TokenKind, flags};
use crate::model::Span;

/// Characters that separate tokens like white space but are not `char::is_whitespace`.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (decomposed accents) continue a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn quote_mark(c: char) -> Option<QuoteMark> {
    Some(match c {
        '“' | '„' | '‟' | '«' | '‹' | '「' | '『' => QuoteMark::DoubleOpen,
        '”' | '»' | '›' | '」' | '』' => QuoteMark::DoubleClose,
        '"' | '＂' => QuoteMark::DoubleStraight,
        '‘' | '‚' | '‛' => QuoteMark::SingleOpen,
        '’' => QuoteMark::SingleClose,
        '\'' => QuoteMark::SingleStraight,
        _ => return None,
    })
}

/// Appends the tokens of paragraph `para` (index `p`) of `text` to `out`.
pub(crate) fn tokenize(text: &str, para: Span, p: usize, out: &mut Vec<Token>) {
    let s = &text[para.range()];
    let base = para.start;
    let bytes = s.as_bytes();
    let n = bytes.len();
    // Byte-indexed cursor with an ASCII fast path: `at(i)` is the character starting at byte `i`,
    // `nx(i)` the byte where the next one starts.
    let at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            None => None,
            Some(&c) if c < 0x80 => Some(c as char),
            Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        }
    };
    let nx = |i: usize| -> usize { i + at(i).map_or(1, char::len_utf8) };
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    let first = out.len();
    while i < n {
        if bytes[i] == b' ' {
            space = true;
            i += 1;
            continue;
        }
        let Some(c) = at(i) else { break };
        if is_space(c) {
            space = true;
            newline |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            i = nx(i);
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
            // Number: digits with single internal `,` or `.` followed by a digit.
            i = nx(i);
            while i < n {
                let d = bytes[i];
                if d.is_ascii_digit() {
                    i += 1;
                } else if matches!(d, b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = TokenKind::Number;
        } else if is_word_char(c) {
            i = nx(i);
            // Dotted abbreviation: single letters separated by periods ("U.S.", "a.m.", "e.g.").
            let dotted_step = |i: usize| {
                at(i) == Some('.')
                    && at(i + 1).is_some_and(char::is_alphabetic)
                    && !at(nx(i + 1)).is_some_and(is_word_char)
            };
            if c.is_alphabetic() && dotted_step(i) {
                while dotted_step(i) {
                    i = nx(i + 1);
                }
                if at(i) == Some('.') {
                    i += 1;
                }
            } else {
                loop {
                    while i < n {
                        let b = bytes[i];
                        if b.is_ascii_alphanumeric() {
                            i += 1;
                        } else if b >= 0x80 && at(i).is_some_and(is_word_char) {
                            i = nx(i);
                        } else {
                            break;
                        }
                    }
                    let Some(j) = at(i) else { break };
                    let after = nx(i);
                    let next = at(after);
                    if is_hyphen(j) && next.is_some_and(is_word_char) {
                        i = after;
                        continue;
                    }
                    if is_apostrophe(j) && next.is_some_and(char::is_alphabetic) {
                        // Split the possessive "'s" off; keep "don't", "O'Brien".
                        let possessive = matches!(next, Some('s' | 'S')) && !at(after + 1).is_some_and(is_word_char);
                        if possessive {
                            break;
                        }
                        i = after;
                        continue;
                    }
                    break;
                }
            }
            kind = TokenKind::Word;
        } else if is_apostrophe(c)
            && matches!(at(nx(i)), Some('s' | 'S'))
            && !at(nx(i) + 1).is_some_and(is_word_char)
            && s[..start].chars().next_back().is_some_and(is_word_char)
        {
            // The possessive suffix "'s" as its own word token.
            i = nx(i) + 1;
            kind = TokenKind::Word;
        } else if let Some(q) = quote_mark(c) {
            i = nx(i);
            kind = TokenKind::Quote(q);
        } else if c == '.' {
            while at(i) == Some('.') {
                i += 1;
            }
            kind = TokenKind::Punct;
        } else {
            i = nx(i);
            kind = TokenKind::Punct;
        }
        let (start_b, end_b) = (base + start, base + i.min(n));
        let mut flags = 0;
        if space {
            flags |= flags::SPACE_BEFORE;
        }
        if newline {
            flags |= flags::NEWLINE_BEFORE;
        }
        if kind == TokenKind::Word {
            let w = &text[start_b..end_b];
            if w.chars().next().is_some_and(char::is_uppercase) {
                flags |= flags::CAPITALISED;
                let mut letters = w.chars().filter(|c| c.is_alphabetic());
                if letters.clone().count() >= 2 && letters.all(char::is_uppercase) {
                    flags |= flags::ALL_CAPS;
                }
            }
        }
        out.push(Token {
            start: start_b,
            end: end_b,
            kind,
            flags,
            paragraph: p,
            sentence: 0,
        });
        space = false;
        newline = false;
    }
    if let Some(t) = out.get_mut(first) {
        t.flags |= flags::PARA_START;
    }
}

#[test]
fn same_as_reference() {
    let corpus = std::fs::read_to_string("../shared/data/bench/voa_news.jsonl").unwrap();
    let mut texts: Vec<String> = corpus
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    for f in std::fs::read_dir("../shared/eval/dev").unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "jsonl") {
            for l in std::fs::read_to_string(&p).unwrap().lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                    if let Some(t) = v["text"].as_str() {
                        texts.push(t.to_string());
                    }
                }
            }
        }
    }
    // random strings from a tricky alphabet
    let alpha: Vec<char> = "aZ09 .'’ʼ\"-‐‑,\u{300}\u{2028}\u{2029}\u{200b}\u{a0}\n\r\t“”«»‘‚é٣Ⅻ½sS…!?()"
        .chars()
        .collect();
    let mut x: u64 = 12345;
    for _ in 0..200000 {
        let len = (x % 12) as usize + 1;
        let mut t = String::new();
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            t.push(alpha[(x % alpha.len() as u64) as usize]);
        }
        texts.push(t);
    }
    eprintln!("{} texts", texts.len());
    for t in &texts {
        let span = crate::model::Span::new(0, t.len());
        let mut a = Vec::new();
        let mut b = Vec::new();
        tokenize(t, span, 0, &mut a);
        super::tokens::tokenize(t, span, 0, &mut b);
        assert_eq!(a, b, "{t:?}");
    }
}
