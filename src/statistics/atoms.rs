//! Atoms: the tokens of one sentence with hyphenated words split into their parts ("twenty-three" →
//! "twenty", "three"; "two-thirds" → "two", "thirds"), so that number words inside compounds are seen.
//! Every atom remembers its token, so spans stay on token boundaries.

use crate::lexicon::numbers as lex;
use crate::text::{Doc, TokenKind, flags};

/// What an atom is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AtomKind {
    /// Letters (a whole word or one part of a hyphenated word).
    Word,
    /// Digits, possibly with `,` and `.` inside ("40,400").
    Num,
    /// Punctuation or a quotation mark.
    Punct,
}

/// One atom of a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Atom<'a> {
    /// Index of the token in [`Doc::tokens`].
    pub tok: usize,
    /// Byte offset of the atom's first byte in the text.
    pub start: usize,
    /// The text as written.
    pub text: &'a str,
    /// The text with ASCII letters lower-cased.
    pub low: &'a str,
    /// What it is.
    pub kind: AtomKind,
    /// No white space between it and the previous atom.
    pub glued: bool,
    /// A part after the first one of a hyphenated word.
    pub hyphen_part: bool,
    /// The first character is upper case.
    pub capitalised: bool,
    /// The first word of its sentence.
    pub sent_start: bool,
    /// What the lexicons know of `low`.
    pub info: &'static lex::WordInfo,
}

impl Atom<'_> {
    /// What the lexicons know of `low`, as flags (its [`lex::WordInfo::flags`]).
    #[inline]
    pub fn lex(&self) -> u16 {
        self.info.flags
    }
    /// Whether the atom is a word whose lower-cased text is `w`.
    pub fn is(&self, w: &str) -> bool {
        self.low == w
    }
    /// The number word the atom is (from its [`lex::WordInfo`]).
    pub fn number_word(&self) -> Option<lex::NumWord> {
        self.info.number
    }
    /// Whether the atom's lower-cased text belongs to the word class `c` ([`lex::is_word`]).
    pub fn is_a(&self, c: lex::WordClass) -> bool {
        self.info.is(c)
    }
    /// Whether the atom's text as written belongs to the word class `c`, one spelled with capitals
    /// ([`lex::WordClass::MonthCapitalised`]): looked up only when its lower-cased form may be one.
    pub fn is_written(&self, c: lex::WordClass) -> bool {
        self.lex() & lex::F_CASED != 0 && lex::is_word(self.text, c)
    }
    /// Whether the atom less any trailing periods ("Sept.", "No.") belongs to the word class `c`: its
    /// lower-cased text, or its text as written for [`lex::WordClass::MonthCapitalised`].
    pub fn is_a_trimmed(&self, c: lex::WordClass) -> bool {
        let cased = c == lex::WordClass::MonthCapitalised;
        if !self.low.ends_with('.') {
            return if cased { self.is_written(c) } else { self.is_a(c) };
        }
        let w = if cased { self.text } else { self.low };
        lex::is_word(w.trim_end_matches('.'), c)
    }
    /// The scale suffix the atom is as written ([`lex::scale_suffix`]), looked up only when its flags
    /// say it may be one (or it is not ASCII: its lower case is then more than its ASCII lower case).
    pub fn scale_suffix(&self) -> Option<lex::Suffix> {
        if self.lex() & lex::F_SUFFIX == 0 && self.text.is_ascii() {
            return None;
        }
        lex::scale_suffix(self.text)
    }
    /// The event word the atom is (from its [`lex::WordInfo`]).
    pub fn event(&self) -> Option<lex::Event> {
        self.info.event
    }
    /// Whether the atom is the punctuation `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == AtomKind::Punct && self.text == c
    }
}

/// What the lexicons know of each word form of a document, looked up the first time a token of the form
/// is read, so a word repeated in the document costs one lookup.
pub(crate) struct FormInfos {
    /// The [`lex::WordInfo`] of each form.
    info: Vec<Option<&'static lex::WordInfo>>,
}

impl FormInfos {
    /// An empty cache for the forms of `doc`.
    pub(crate) fn new(doc: &Doc<'_>) -> Self {
        FormInfos {
            info: vec![None; doc.forms.first.len()],
        }
    }

    /// What the lexicons know of the form `f`, whose lower-cased text is `low`.
    #[inline]
    fn form(&mut self, f: usize, low: &[u8]) -> &'static lex::WordInfo {
        match self.info.get_mut(f) {
            Some(Some(info)) => info,
            Some(slot) => slot.insert(lex::word_info(low)),
            None => lex::word_info(low),
        }
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Whether tokens `range` of `doc` may hold a numeral: a digit (or other numeric character), or a word
/// (or a part of a hyphenated word) that can be or start one ("eleven", "two-thirds", "dozens", "a
/// dollar"). A sentence without one is skipped before its atoms are built.
///
/// Construction: "Eleven soldiers were wounded." (not "The minister resigned on Tuesday.")
pub(crate) fn may_hold_numeral(doc: &Doc<'_>, range: std::ops::Range<usize>) -> bool {
    let bytes = doc.lower.as_bytes();
    let numeral_words = lex::numeral_words();
    let Some(tokens) = doc.tokens.get(range) else {
        return false;
    };
    // Numeric characters only occur in number tokens and in words (flagged by the tokeniser), and
    // hyphens inside words only in words flagged as hyphenated: a flag test per token, a shape test per
    // word (a lookup for the few of a numeral word's shape).
    for t in tokens {
        match t.kind {
            TokenKind::Number => return true,
            TokenKind::Word => {
                if t.flags & flags::HAS_DIGIT != 0 {
                    return true;
                }
                // The outer shape from the first and last bytes, the word itself only for the few that
                // have one's shape or a hyphen.
                let (s, e) = (t.start, t.end);
                if s >= e || e > bytes.len() {
                    continue;
                }
                let shaped = numeral_words.may_be(bytes[s], bytes[e - 1], e - s);
                if (shaped || t.flags & flags::HYPHENATED != 0)
                    && let Some(w) = bytes.get(s..e)
                    && ((shaped && numeral_words.lookup(w))
                        || (t.flags & flags::HYPHENATED != 0 && hyphen_part_numeral(w)))
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether a part of the hyphenated word `w` (lower case, as bytes) may be or start a numeral
/// ("two-thirds"). Out of line: few words are hyphenated.
#[inline(never)]
fn hyphen_part_numeral(w: &[u8]) -> bool {
    std::str::from_utf8(w).is_ok_and(|w| w.split(is_hyphen).any(lex::numeral_word))
}

/// The atoms of tokens `range` of `doc`, appended to `out` (cleared first).
pub(crate) fn atoms<'a>(
    doc: &'a Doc<'_>,
    range: std::ops::Range<usize>,
    infos: &mut FormInfos,
    out: &mut Vec<Atom<'a>>,
) {
    out.clear();
    // One atom per token, more for hyphenated words: reserved once, not grown atom by atom.
    out.reserve(range.len());
    let text: &'a str = doc.text;
    let lower: &'a str = &doc.lower;
    let tokens = &doc.tokens;
    let forms: &[u32] = &doc.forms.of;
    let end = range.end.min(tokens.len());
    let mut i = range.start;
    while i < end {
        let t = &tokens[i];
        let kind = match t.kind {
            TokenKind::Word => AtomKind::Word,
            TokenKind::Number => AtomKind::Num,
            _ => AtomKind::Punct,
        };
        // Words joined by a hyphen (the tokeniser flags them), words with digits ("RM95") and a period
        // before digits (".500") may make other atoms than their token: out of line, few take it.
        let special = match kind {
            AtomKind::Word => t.flags & (flags::HYPHENATED | flags::HAS_DIGIT) != 0,
            AtomKind::Punct => t.end - t.start == 1 && text.as_bytes().get(t.start) == Some(&b'.'),
            AtomKind::Num => false,
        };
        if special && let Some(next) = special_atoms(doc, i, end, kind, out) {
            i = next;
            continue;
        }
        let (s, e) = (t.start, t.end);
        let low = &lower[s..e];
        let info = infos.form(forms.get(i).map_or(usize::MAX, |&f| f as usize), low.as_bytes());
        let f = t.flags;
        out.push(Atom {
            tok: i,
            start: s,
            text: &text[s..e],
            low,
            kind,
            glued: f & flags::SPACE_BEFORE == 0 && i > 0,
            hyphen_part: false,
            capitalised: f & flags::CAPITALISED != 0,
            sent_start: f & flags::SENT_START != 0,
            info,
        });
        i += 1;
    }
}

/// The atoms of token `i` (of kind `kind`) when they are not its own: the parts of a hyphenated word, a
/// currency prefix and its digits ("RM95"), a decimal without its leading zero (".500"). Returns the
/// token after the last one used, or `None` when the token makes its own atom after all.
#[inline(never)]
fn special_atoms<'a>(doc: &'a Doc<'_>, i: usize, end: usize, kind: AtomKind, out: &mut Vec<Atom<'a>>) -> Option<usize> {
    let text: &'a str = doc.text;
    let lower: &'a str = &doc.lower;
    let t = &doc.tokens[i];
    // Only words joined by a hyphen hold one (the tokeniser flags them).
    if kind == AtomKind::Word && t.has(flags::HYPHENATED) {
        hyphen_parts(doc, i, out);
        return Some(i + 1);
    }
    // "RM95", "R200", "$US12.5": a currency prefix glued to the digits (few words have digits).
    if kind == AtomKind::Word && t.has(flags::HAS_DIGIT) {
        return currency_glued_parts(doc, i, end, out);
    }
    // ".500": a decimal written without its leading zero, after a space.
    let j = i + 1;
    if kind == AtomKind::Punct
        && j < end
        && t.end - t.start == 1
        && text.as_bytes()[t.start] == b'.'
        && t.has(flags::SPACE_BEFORE)
        && doc.tokens[j].kind == TokenKind::Number
        && !doc.tokens[j].has(flags::SPACE_BEFORE)
        && text.as_bytes()[doc.tokens[j].start].is_ascii_digit()
    {
        let n = &doc.tokens[j];
        out.push(Atom {
            tok: j,
            start: t.start,
            text: &text[t.start..n.end],
            low: &lower[t.start..n.end],
            kind: AtomKind::Num,
            glued: false,
            hyphen_part: false,
            capitalised: false,
            sent_start: t.has(flags::SENT_START),
            info: lex::word_info(&lower.as_bytes()[t.start..n.end]),
        });
        return Some(j + 1);
    }
    None
}

/// The atoms of the word token `i` when it is a currency prefix glued to digits ("RM95", "R200", "Rs500",
/// "US12" in "$US12.5"): the prefix as a word and the digits as a number, which takes the decimals after
/// it ("US12", ".", "5"). Returns the token after the last one used, or `None` when the token is no such
/// word. Out of line: few words take this path.
///
/// Construction: "Workers earn RM95 a month more." (not "Airbus stopped making the A380.")
#[inline(never)]
fn currency_glued_parts<'a>(doc: &'a Doc<'_>, i: usize, end: usize, out: &mut Vec<Atom<'a>>) -> Option<usize> {
    let text: &'a str = doc.text;
    let lower: &'a str = &doc.lower;
    let t = &doc.tokens[i];
    let s = &lower[t.start..t.end];
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 || letters == s.len() || !s.bytes().skip(letters).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The prefix is a currency written before amounts, alone ("rm", "r") or after a glued "$" ("$us").
    let prefix = &s[..letters];
    let dollar_before = i > 0
        && !t.has(flags::SPACE_BEFORE)
        && doc.text.get(doc.tokens[i - 1].start..doc.tokens[i - 1].end) == Some("$");
    let pre = |c: lex::Currency| c.position != lex::Position::Post;
    let known = if dollar_before {
        let mut key = [0u8; 4];
        key[0] = b'$';
        key[1..=letters].copy_from_slice(prefix.as_bytes());
        lex::currency_key(&key[..=letters]).is_some_and(pre)
    } else {
        lex::currency(prefix).is_some_and(pre)
    };
    if !known {
        return None;
    }
    let glued = !t.has(flags::SPACE_BEFORE) && i > 0;
    let (a, d) = (t.start, t.start + letters);
    out.push(Atom {
        tok: i,
        start: a,
        text: &text[a..d],
        low: &lower[a..d],
        kind: AtomKind::Word,
        glued,
        hyphen_part: false,
        capitalised: text[a..d].starts_with(|c: char| c.is_ascii_uppercase()),
        sent_start: t.has(flags::SENT_START),
        info: lex::word_info(&lower.as_bytes()[a..d]),
    });
    // "US12" "." "5": the decimals are the next two tokens, glued.
    let (mut last, mut next) = (i, i + 1);
    if next + 1 < end
        && doc.text.get(doc.tokens[next].start..doc.tokens[next].end) == Some(".")
        && !doc.tokens[next].has(flags::SPACE_BEFORE)
        && doc.tokens[next + 1].kind == TokenKind::Number
        && !doc.tokens[next + 1].has(flags::SPACE_BEFORE)
    {
        last = next + 1;
        next += 2;
    }
    let e = doc.tokens[last].end;
    out.push(Atom {
        tok: last,
        start: d,
        text: &text[d..e],
        low: &lower[d..e],
        kind: AtomKind::Num,
        glued: true,
        hyphen_part: false,
        capitalised: false,
        sent_start: false,
        info: lex::word_info(&lower.as_bytes()[d..e]),
    });
    Some(next)
}

/// The atoms of the hyphenated word token `i`: one per part, and a number glued to a unit in a later
/// part ("5km" in "3km-5km") split in two. Out of line: few words take this path.
#[inline(never)]
fn hyphen_parts<'a>(doc: &'a Doc<'_>, i: usize, out: &mut Vec<Atom<'a>>) {
    let text: &'a str = doc.text;
    let lower: &'a str = &doc.lower;
    let lower_bytes = lower.as_bytes();
    let t = &doc.tokens[i];
    let glued = !t.has(flags::SPACE_BEFORE) && i > 0;
    let sent_start = t.has(flags::SENT_START);
    let s = &text[t.start..t.end];
    let mut first = true;
    let mut start = t.start;
    let ends = s
        .char_indices()
        .filter(|&(_, c)| is_hyphen(c))
        .map(|(off, c)| (t.start + off, c.len_utf8()))
        .chain(std::iter::once((t.end, 0)));
    for (end, hyphen_len) in ends {
        let (a, b) = (start, end);
        start = end + hyphen_len;
        if a >= b {
            continue;
        }
        let part = &text[a..b];
        // "5km" inside "3km-5km": the digits and the letters become two atoms.
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        let split = !first && digits > 0 && digits < part.len();
        let (a, part) = if split {
            let info = lex::word_info(&lower_bytes[a..a + digits]);
            out.push(Atom {
                tok: i,
                start: a,
                text: &text[a..a + digits],
                low: &lower[a..a + digits],
                kind: AtomKind::Num,
                glued: true,
                hyphen_part: true,
                capitalised: false,
                sent_start: false,
                info,
            });
            (a + digits, &text[a + digits..b])
        } else {
            (a, part)
        };
        let is_digits = part.bytes().all(|c| c.is_ascii_digit());
        let info = lex::word_info(&lower_bytes[a..b]);
        out.push(Atom {
            tok: i,
            start: a,
            text: part,
            low: &lower[a..b],
            kind: if is_digits { AtomKind::Num } else { AtomKind::Word },
            glued: if first { glued } else { true },
            hyphen_part: !first && !split,
            capitalised: part.chars().next().is_some_and(char::is_uppercase),
            sent_start: sent_start && first,
            info,
        });
        first = false;
    }
}
