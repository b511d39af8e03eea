//! Tokens: words, numbers, punctuation and quotation marks, with their flags.

use super::forms;
use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with internal hyphens or apostrophes: "Pezeshkian", "co-operation", "al-Assad",
    /// "don't", dotted abbreviations "U.S." and the possessive suffix "'s".
    Word,
    /// Digits with internal `,` or `.` between digits: "40,400", "3.5".
    Number,
    /// Any other single character, or a run of periods ("...").
    Punct,
    /// A quotation mark (which kind is in [`QuoteMark`]).
    Quote(QuoteMark),
}

/// A quotation mark's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// “ „ ‟ « ‹ 「: opens a quotation.
    DoubleOpen,
    /// ” »  › 」: closes a quotation (» also opens in some styles).
    DoubleClose,
    /// " : opens or closes.
    DoubleStraight,
    /// ‘ ‚ ‛: opens a single-quoted quotation.
    SingleOpen,
    /// ’: closes a single quotation, or is an apostrophe.
    SingleClose,
    /// ' : opens or closes, or is an apostrophe.
    SingleStraight,
}

impl QuoteMark {
    /// Whether this is a double-quote style mark.
    pub fn is_double(self) -> bool {
        matches!(
            self,
            QuoteMark::DoubleOpen | QuoteMark::DoubleClose | QuoteMark::DoubleStraight
        )
    }
}

/// Token flags (bit set in [`Token::flags`]).
pub mod flags {
    /// The first character is upper case.
    pub const CAPITALISED: u16 = 1;
    /// Two or more letters, all upper case.
    pub const ALL_CAPS: u16 = 1 << 1;
    /// The first word of its sentence (after any opening quotes or brackets).
    pub const SENT_START: u16 = 1 << 2;
    /// White space precedes the token.
    pub const SPACE_BEFORE: u16 = 1 << 3;
    /// A line break precedes the token.
    pub const NEWLINE_BEFORE: u16 = 1 << 4;
    /// The token is in the title (headline) line.
    pub const TITLE: u16 = 1 << 5;
    /// The first token of its paragraph.
    pub const PARA_START: u16 = 1 << 6;
    /// A word joined by a hyphen ("al-Assad", "twenty-three").
    pub const HYPHENATED: u16 = 1 << 7;
    /// A word with a digit or another numeric character in it ("COVID-19", "G7").
    pub const HAS_DIGIT: u16 = 1 << 8;
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset past its last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// Bit set of [`flags`].
    pub flags: u16,
    /// Index of its paragraph.
    pub paragraph: u32,
    /// Index of its sentence.
    pub sentence: u32,
}

impl Token {
    /// The token's byte span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    /// Whether the flag bit(s) are all set.
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag == flag
    }
    /// Whether this is a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// Whether this is a quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(_))
    }
}

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

/// Byte classes of ASCII characters for the tokeniser's fast path.
const B_OTHER: u8 = 0;
const B_SPACE: u8 = 1;
const B_NEWLINE: u8 = 2;
const B_DIGIT: u8 = 3;
const B_UPPER: u8 = 4;
const B_LOWER: u8 = 5;

/// The class of every byte below 0x80 (bytes from 0x80 up are never looked up).
static ASCII_CLASS: [u8; 128] = {
    let mut t = [B_OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b' ' | b'\t' | 0x0b | 0x0c => B_SPACE,
            b'\n' | b'\r' => B_NEWLINE,
            b'0'..=b'9' => B_DIGIT,
            b'A'..=b'Z' => B_UPPER,
            b'a'..=b'z' => B_LOWER,
            _ => B_OTHER,
        };
        b += 1;
    }
    t
};

/// For each byte: [`W_LETTER`] for an ASCII letter, [`W_DIGIT`] for an ASCII digit, 0 otherwise.
static ALNUM: [u16; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if (b as u8).is_ascii_digit() {
            W_DIGIT
        } else if (b as u8).is_ascii_alphabetic() {
            W_LETTER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// What a word holds, as seen while reading it: a letter, a digit (or other numeric character), a
/// hyphen joining two parts. The last two are the token flags they set.
const W_LETTER: u16 = 1;
const W_DIGIT: u16 = flags::HAS_DIGIT;
const W_HYPHEN: u16 = flags::HYPHENATED;

/// Whether byte `b` is an ASCII letter or digit.
fn ascii_alnum(b: u8) -> bool {
    ALNUM[usize::from(b)] != 0
}

/// The character starting at byte `i` of `s` (`None` at the end, or inside a character).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&c) if c < 0x80 => Some(c as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
    }
}

/// The byte after the character starting at byte `i` (`i + 1` past the end).
fn next_at(s: &str, i: usize) -> usize {
    i + char_at(s, i).map_or(1, char::len_utf8)
}

/// Whether the character at byte `i` continues a word.
fn word_char_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => ascii_alnum(b),
        Some(_) => char_at(s, i).is_some_and(is_word_char),
    }
}

/// Whether a dotted abbreviation continues at byte `i`: a period, a single letter, and no word character
/// after it ("U.S.", "a.m.").
fn dotted_step(s: &str, i: usize) -> bool {
    s.as_bytes().get(i) == Some(&b'.')
        && char_at(s, i + 1).is_some_and(char::is_alphabetic)
        && !word_char_at(s, next_at(s, i + 1))
}

/// The end of the word that starts with the character `c` at byte `start` of `s`: letters and digits
/// joined by internal hyphens and apostrophes (the possessive "'s" is left out), or a dotted abbreviation.
/// Also returns the [`flags::HYPHENATED`] and [`flags::HAS_DIGIT`] bits of the word, and whether it ends
/// with a period (only a dotted abbreviation does: "U.S.").
#[inline(always)]
fn word_end(s: &str, start: usize, c: char) -> (usize, u16, bool) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = start + c.len_utf8();
    let mut seen = match u8::try_from(c) {
        Ok(b) => ALNUM[usize::from(b)],
        Err(_) if c.is_numeric() => W_DIGIT,
        Err(_) => 0,
    };
    if bytes.get(i) == Some(&b'.') && c.is_alphabetic() && dotted_step(s, i) {
        while dotted_step(s, i) {
            seen |= char_at(s, i + 1).map_or(0, |l| if l.is_numeric() { W_DIGIT } else { 0 });
            i = next_at(s, i + 1);
        }
        let period = bytes.get(i) == Some(&b'.');
        return (i + usize::from(period), seen & (W_DIGIT | W_HYPHEN), period);
    }
    loop {
        loop {
            let run;
            (i, run) = ascii_run(bytes, i);
            seen |= run;
            if i < n
                && bytes[i] >= 0x80
                && let Some(w) = char_at(s, i).filter(|&w| is_word_char(w))
            {
                if w.is_numeric() {
                    seen |= W_DIGIT;
                }
                i += w.len_utf8();
            } else {
                break;
            }
        }
        let Some(&b) = bytes.get(i) else { break };
        // Only a hyphen or an apostrophe joins two parts; the ASCII ones need no decoding.
        let (joiner, after) = match b {
            b'-' => ('-', i + 1),
            b'\'' => ('\'', i + 1),
            _ if b >= 0x80 => match char_at(s, i) {
                Some(j) => (j, i + j.len_utf8()),
                None => break,
            },
            _ => break,
        };
        if is_hyphen(joiner) && word_char_at(s, after) {
            seen |= W_HYPHEN;
            i = after;
            continue;
        }
        if is_apostrophe(joiner) {
            let next = char_at(s, after);
            if next.is_some_and(char::is_alphabetic) {
                // Split the possessive "'s" off; keep "don't", "O'Brien".
                if matches!(next, Some('s' | 'S')) && !word_char_at(s, after + 1) {
                    break;
                }
                i = after;
                continue;
            }
        }
        break;
    }
    (i, seen & (W_DIGIT | W_HYPHEN), false)
}

/// The end of the run of ASCII letters and digits from byte `i`, and the `W_` bits of what it holds.
/// Letters are read eight at a time ([`letter_bytes`]) while eight bytes remain; digits, and the last
/// bytes of the text, one at a time. Inlined into the tokeniser: a word rarely needs more than one
/// eight-byte step, so a call would cost more than the step.
#[inline(always)]
fn ascii_run(bytes: &[u8], mut i: usize) -> (usize, u16) {
    let mut seen = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let stop = !letter_bytes(u64::from_le_bytes(chunk.try_into().unwrap_or_default())) & HIGH_BITS;
        if stop == 0 {
            seen = W_LETTER;
            i += 8;
            continue;
        }
        let len = (stop.trailing_zeros() / 8) as usize;
        if len > 0 {
            seen = W_LETTER;
        }
        i += len;
        if !bytes[i].is_ascii_digit() {
            return (i, seen);
        }
        break;
    }
    while let Some(&b) = bytes.get(i) {
        let k = ALNUM[usize::from(b)];
        if k == 0 {
            break;
        }
        seen |= k;
        i += 1;
    }
    (i, seen)
}

/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// For eight bytes packed little-endian in `x`: the high bit of each byte that is an ASCII letter. A
/// byte `y` below 0x80 is at least `c` when `y + 0x80 - c` reaches the high bit (with no carry into the
/// next byte), and `y | 0x20` is a lower-case letter exactly when `y` is a letter of either case.
fn letter_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let folded = (x & !HIGH_BITS) | (ONES * 0x20);
    let at_least_a = folded + ONES * u64::from(0x80 - b'a');
    let above_z = folded + ONES * u64::from(0x80 - b'z' - 1);
    at_least_a & !above_z & !x & HIGH_BITS
}

/// The [`flags::CAPITALISED`] and [`flags::ALL_CAPS`] bits of the word `w`: the first character is upper
/// case; two or more letters, all upper case. Most capitalised words start with an ASCII capital and a
/// lower-case ASCII letter, which settles it here; the others go to [`case_flags_in_full`].
#[inline(always)]
fn case_flags(w: &str) -> u16 {
    match w.as_bytes() {
        [a, b, ..] if a.is_ascii_uppercase() && b.is_ascii_lowercase() => flags::CAPITALISED,
        _ => case_flags_in_full(w),
    }
}

/// [`case_flags`] for any word.
fn case_flags_in_full(w: &str) -> u16 {
    let b = w.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_uppercase() => {
            // Most capitalised words have a lower-case ASCII letter, which settles it.
            if b.iter().any(u8::is_ascii_lowercase) {
                return flags::CAPITALISED;
            }
            if w.is_ascii() {
                let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
                return if letters >= 2 {
                    flags::CAPITALISED | flags::ALL_CAPS
                } else {
                    flags::CAPITALISED
                };
            }
        }
        Some(c) if c.is_ascii() => return 0,
        _ => {}
    }
    let mut f = 0;
    if w.chars().next().is_some_and(char::is_uppercase) {
        f |= flags::CAPITALISED;
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        if letters.clone().count() >= 2 && letters.all(char::is_uppercase) {
            f |= flags::ALL_CAPS;
        }
    }
    f
}

/// Appends the tokens of paragraph `para` (index `p`) of `text` to `out`, and to `terms` the indices of those that may end a sentence: a period
/// (or a run of them), "!", "?", "…", or a word that swallowed its period ("U.S.").
///
/// ASCII bytes are classified by table without decoding; other characters take the general path.
/// Where a title abbreviation glued to the end of the capitalised word `s[start..end]` starts, when text
/// taken from a web page lost the separator between a name and the next title: "Sen. Jane DoeRep. John
/// RoeGov. Mary Poe." reads "Doe" + "Rep." and "Roe" + "Gov.". The tail must be a title-like abbreviation
/// that never ends a sentence ([`AbbrevClass::Prefix`], case as written: "Rep", "Gov", "Sen", "Dr"), come
/// after a lower-case letter, be followed by its period, a space and a capitalised word that does not
/// typically open a sentence (a name), and the caller checks that a capitalised word precedes (a name's
/// first part). "YouGov. The poll…" and "McDonald" stay whole. Out of line: a capitalised word before a
/// period is rare.
#[inline(never)]
fn glued_title_start(s: &str, start: usize, end: usize) -> Option<usize> {
    use crate::lexicon::segmentation::{AbbrevClass, abbreviation, is_sentence_starter};
    let bytes = s.as_bytes();
    if bytes.get(end) != Some(&b'.') || bytes.get(end + 1) != Some(&b' ') {
        return None;
    }
    let next = end + 2;
    let next_end = next
        + bytes
            .get(next..)?
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    if next_end == next || !bytes[next].is_ascii_uppercase() || is_sentence_starter(&s[next..next_end]) {
        return None;
    }
    // the last capital of the word, with at least two letters before it and two to four from it
    let k = (start + 2..end)
        .rev()
        .take(4)
        .find(|&k| bytes[k].is_ascii_uppercase())?;
    if end - k < 2 || !bytes[k - 1].is_ascii_lowercase() {
        return None;
    }
    (abbreviation(&s[k..end]) == Some(AbbrevClass::Prefix)).then_some(k)
}

pub(crate) fn tokenize(
    text: &str,
    para: Span,
    p: u32,
    out: &mut Vec<Token>,
    terms: &mut Vec<usize>,
    lower: &[u8],
    keys: &mut Vec<u64>,
) {
    let s = &text[para.range()];
    let base = para.start;
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut space = false;
    let mut newline = false;
    let first = out.len();
    while i < n {
        let b = bytes[i];
        let start = i;
        let kind;
        let mut fl = 0;
        let term;
        // the form key, when the token's bytes gave it on the way (0: not yet; no key is 0)
        let mut key = 0;
        // the common token first: a plain word
        let plain = if b.is_ascii_alphabetic() {
            plain_word(bytes, i)
        } else {
            None
        };
        if let Some((end, k)) = plain {
            kind = TokenKind::Word;
            i = end;
            key = k;
            term = false;
            if b.is_ascii_uppercase() {
                // "Jane DoeRep. John Roe": a title glued to the name before it.
                if bytes.get(end) == Some(&b'.')
                    && space
                    && out.len() > first
                    && out
                        .last()
                        .is_some_and(|t| t.kind == TokenKind::Word && t.has(flags::CAPITALISED))
                    && let Some(k) = glued_title_start(s, start, end)
                {
                    i = k;
                    key = 0;
                }
                fl = ascii_case_flags(bytes.get(start..i).unwrap_or_default());
            }
        } else if b < 0x80 {
            match ASCII_CLASS[usize::from(b)] {
                B_SPACE => {
                    space = true;
                    i += 1;
                    continue;
                }
                B_NEWLINE => {
                    space = true;
                    newline = true;
                    i += 1;
                    continue;
                }
                B_DIGIT => {
                    i = number_end(bytes, i + 1);
                    kind = TokenKind::Number;
                    term = false;
                }
                class @ (B_UPPER | B_LOWER) => {
                    // a word that is not plain: "U.S.", "don't", "co-operation", "G7"
                    kind = TokenKind::Word;
                    (i, fl, term) = word_end(s, i, b as char);
                    if class == B_UPPER {
                        fl |= case_flags(&s[start..i]);
                    }
                }
                _ if b == b'.' => {
                    while bytes.get(i) == Some(&b'.') {
                        i += 1;
                    }
                    kind = TokenKind::Punct;
                    term = true;
                }
                _ => {
                    (i, kind) = other_token(s, i, b as char);
                    term = matches!(b, b'!' | b'?');
                }
            }
        } else {
            let Some(c) = char_at(s, i) else { break };
            if is_space(c) {
                space = true;
                newline |= matches!(c, '\u{2028}' | '\u{2029}');
                i += c.len_utf8();
                continue;
            }
            if c.is_numeric() && !c.is_alphabetic() {
                i = number_end(bytes, i + c.len_utf8());
                kind = TokenKind::Number;
                term = false;
            } else if is_word_char(c) {
                (i, fl, term) = word_end(s, i, c);
                kind = TokenKind::Word;
                fl |= case_flags(&s[start..i]);
            } else {
                (i, kind) = other_token(s, i, c);
                term = c == '…';
            }
        }
        if space {
            fl |= flags::SPACE_BEFORE;
        }
        if newline {
            fl |= flags::NEWLINE_BEFORE;
        }
        if term {
            terms.push(out.len());
        }
        let (t_start, t_end) = (base + start, base + i.min(n));
        keys.push(if key != 0 {
            key
        } else {
            forms::key_at(lower, t_start, t_end)
        });
        out.push(Token {
            start: t_start,
            end: t_end,
            kind,
            flags: fl,
            paragraph: p,
            sentence: 0,
        });
        if out.len() == out.capacity() {
            grow_by_a_quarter(out, keys);
        }
        newline = false;
        // The single space that usually follows a token, without another round of the dispatch.
        space = bytes.get(i) == Some(&b' ');
        i += usize::from(space);
    }
    if let Some(t) = out.get_mut(first) {
        t.flags |= flags::PARA_START;
    }
}

/// Makes room for more tokens (and their keys) when the reservation for news (one token per five bytes)
/// is full: a quarter more rather than double, so that text of one- and two-byte tokens ('"\n' repeated,
/// quotation marks) holds at most a quarter of spare tokens at its peak. Out of line: news rarely gets here.
#[cold]
#[inline(never)]
fn grow_by_a_quarter(out: &mut Vec<Token>, keys: &mut Vec<u64>) {
    out.reserve_exact(out.len() / 4 + 64);
    keys.reserve_exact(out.capacity().saturating_sub(keys.len()));
}

/// Bytes after a run of ASCII letters that may continue the word: a digit, a hyphen, an apostrophe, a
/// period (which continues only a dotted abbreviation) or a byte of a non-ASCII character. After any other
/// byte, the word is the run of letters.
static MAY_GO_ON: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'0'..=b'9' | b'-' | b'\'' | b'.');
        b += 1;
    }
    t
};

/// The common word: ASCII letters starting at byte `i` (a letter), followed by a byte that ends it (white
/// space or punctuation other than a period after a single letter, see [`MAY_GO_ON`]), with eight bytes
/// to read at each step. Returns its end and its form key ([`forms::key`] of the word lower-cased,
/// computed from the chunks read: [`forms::chunked_key`]); `None` for any other word, which [`word_end`]
/// reads.
#[inline(always)]
fn plain_word(bytes: &[u8], i: usize) -> Option<(usize, u64)> {
    /// The bit that lower-cases an ASCII letter, in every byte.
    const LOWER_BITS: u64 = 0x2020_2020_2020_2020;
    let mut at = i;
    let mut h = 0;
    loop {
        let x = u64::from_le_bytes(*bytes.get(at..)?.first_chunk::<8>()?);
        let stop = !letter_bytes(x) & HIGH_BITS;
        if stop == 0 {
            h = forms::chunk_step(h, x | LOWER_BITS);
            at += 8;
            continue;
        }
        let len = (stop.trailing_zeros() / 8) as usize;
        let end = at + len;
        let next = *bytes.get(end)?;
        if MAY_GO_ON[usize::from(next)] && (next != b'.' || end == i + 1) {
            return None;
        }
        // the word's last `len` bytes (fewer than eight), lower-cased
        let tail = (x | LOWER_BITS) & ((1u64 << (8 * len)) - 1);
        return Some((end, forms::chunked_key(h, tail, end - i)));
    }
}

/// [`case_flags`] of a word of ASCII letters that starts with a capital.
#[inline(always)]
fn ascii_case_flags(w: &[u8]) -> u16 {
    match w {
        [_, b, ..] if b.is_ascii_lowercase() => flags::CAPITALISED,
        [_] => flags::CAPITALISED,
        _ if w.iter().any(u8::is_ascii_lowercase) => flags::CAPITALISED,
        _ => flags::CAPITALISED | flags::ALL_CAPS,
    }
}

/// The end of a number whose first character ends before byte `i`: digits with single internal `,` or
/// `.` followed by a digit.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    let n = bytes.len();
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
    i
}

/// A token that is neither white space, a number nor a word starting with a word character: the
/// possessive suffix "'s", a quotation mark, a run of periods or a single punctuation character.
/// Returns (end, kind).
fn other_token(s: &str, i: usize, c: char) -> (usize, TokenKind) {
    let after = i + c.len_utf8();
    if is_apostrophe(c)
        && matches!(char_at(s, after), Some('s' | 'S'))
        && !word_char_at(s, after + 1)
        && s[..i].chars().next_back().is_some_and(is_word_char)
    {
        // The possessive suffix "'s" as its own word token.
        return (after + 1, TokenKind::Word);
    }
    if let Some(q) = quote_mark(c) {
        return (after, TokenKind::Quote(q));
    }
    if c == '.' {
        let mut e = i;
        while s.as_bytes().get(e) == Some(&b'.') {
            e += 1;
        }
        return (e, TokenKind::Punct);
    }
    (after, TokenKind::Punct)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end `word_end` finds for the word starting at byte `i` of `s`.
    fn general_end(s: &str, i: usize) -> usize {
        word_end(s, i, s[i..].chars().next().unwrap()).0
    }

    #[test]
    fn a_plain_word_ends_where_the_general_reader_ends_it_and_other_words_are_left_to_it() {
        let s = "Protesters marched through London, demanding withdrawal. Demonstrators said it was \
                 wrong; \"Stop the Bombings\" (they chanted) and the U.S. envoy didn't co-operate with \
                 G7 officials in São Paulo, a. m. O'Brien's aides met at 10 a.m. Internationalisation-era \
                 ministers' talks, Ministers Westinghouse Governments internationally Ambassadors PARLIAMENTARIANS \
                 Administration interventionist reconstructions accountability, end";
        let bytes = s.as_bytes();
        let mut plain = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let starts = bytes[i].is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
            if starts && let Some((end, key)) = plain_word(bytes, i) {
                assert_eq!(end, general_end(s, i), "at {:?}", &s[i..]);
                // the key read on the way is the form key of the lower-cased word
                assert_eq!(
                    key,
                    forms::key(s[i..end].to_ascii_lowercase().as_bytes()),
                    "at {:?}",
                    &s[i..]
                );
                plain.push(&s[i..end]);
            }
            i += 1;
        }
        for w in [
            "Protesters",
            "marched",
            "London",
            "demanding",
            "withdrawal",
            "Demonstrators",
            "envoy",
            "Ministers",
            "Westinghouse",
            "Governments",
            "internationally",
            "Ambassadors",
            "PARLIAMENTARIANS",
            "Administration",
            "interventionist",
            "reconstructions",
            "accountability",
        ] {
            assert!(plain.contains(&w), "{w} read as a plain word");
        }
        // words that go on past their letters (or may), and the last word with fewer than eight bytes
        // left, are the general reader's
        for w in ["U", "didn", "co", "G", "S", "a", "O", "Internationalisation", "end"] {
            assert!(!plain.contains(&w), "{w} left to the general reader");
        }
    }

    #[test]
    fn the_case_flags_of_an_ascii_word_are_those_of_any_word() {
        for w in ["London", "NATO", "A", "I", "UN", "McCain", "USAid", "IPhone"] {
            assert_eq!(ascii_case_flags(w.as_bytes()), case_flags(w), "{w}");
        }
    }
}
