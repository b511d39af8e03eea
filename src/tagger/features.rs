//! The feature templates of the tagger, shared by the training program and the tagger itself so that
//! both read a word the same way.
//!
//! Every feature belongs to one word form (the lower-cased token text) or to one token's case shape:
//! - per form ([`form_features`]): the form itself, its suffixes of 1 to 4 and prefixes of 1 to 3
//!   characters, its [`word_shape`] and its actor-lexicon bits (given name, surname, country, title...);
//! - per token ([`token_shape`]): punctuation, number, lower case, capitalised at a sentence start or
//!   inside a sentence, all capitals.
//!
//! A form feature weighs on the tag of every token from two before to two after it (five offsets), so
//! the score of a tag at a token is a sum of five per-form blocks, a row for the case shapes of the
//! token and its neighbours, and a row for the two previous tags.

use crate::lexicon::fx_hash;
use crate::text::{Doc, TokenKind, flags};

/// The number of tag classes of the part-of-speech model.
pub(crate) const NTAGS: usize = 17;

/// Lanes of a score row: the tags, padded to a multiple of eight so rows add as whole vectors.
pub(crate) const LANES: usize = 24;

/// Offsets of the context window (-2..=+2).
pub(crate) const OFFSETS: usize = 5;

/// Token case shapes ([`token_shape`]), 0 being "outside the sentence".
pub(crate) const SHAPES: usize = 8;

/// The most features a form can have (word, 4 suffixes, 3 prefixes, shape, 9 lexicon bits).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const MAX_FORM_FEATURES: usize = 18;

/// Feature template numbers (the top byte of a feature key).
mod template {
    pub const WORD: u64 = 1;
    pub const SUFFIX: u64 = 2; // + length - 1 (2..=5)
    pub const PREFIX: u64 = 6; // + length - 1 (6..=8)
    pub const SHAPE: u64 = 9;
    pub const LEXICON: u64 = 10;
    pub const CLASS: u64 = 11;
    pub const CAP: u64 = 12;
    pub const CLUSTER: u64 = 13;
}

/// Ambiguity classes of the part-of-speech model: 0 a form the training data has too few times, 1 a
/// rare set of tags, 2 to 255 the sets of tags the training data gives its frequent forms ("that":
/// DET, PRON, SCONJ), numbered by the training program.
pub(crate) const CLASSES: usize = 256;

/// Ambiguity classes as the class-pair table of the part-of-speech model reads them: the first 63
/// classes, the others together.
pub(crate) const PAIR_CLASSES: usize = 64;

/// The class-pair bucket of ambiguity class `class`.
#[inline(always)]
pub(crate) fn pair_class(class: u8) -> usize {
    usize::from(class).min(PAIR_CLASSES - 1)
}

/// The feature key of ambiguity class `class` (a form feature of the part-of-speech model, beside
/// those of [`form_features`]).
pub(crate) fn class_feature(class: u8) -> u64 {
    key(template::CLASS, &[class])
}

/// The feature key of capitalisation bucket `bucket` (how often unlabeled text writes a form
/// capitalised inside a sentence, 1 never to 5 almost always; a form feature of the part-of-speech
/// model).
pub(crate) fn cap_feature(bucket: u8) -> u64 {
    key(template::CAP, &[bucket])
}

/// The feature key of distributional cluster `cluster` (of a form's neighbours in unlabeled text; a
/// form feature of the part-of-speech model).
pub(crate) fn cluster_feature(cluster: u8) -> u64 {
    key(template::CLUSTER, &[cluster])
}

/// The key of a feature: its template in the top byte and its text in the low 56 bits (the bytes
/// themselves for up to seven bytes, a hash for longer texts).
fn key(template: u64, text: &[u8]) -> u64 {
    let body = if text.len() <= 7 {
        let mut b = [0u8; 8];
        b[..text.len()].copy_from_slice(text);
        u64::from_le_bytes(b)
    } else {
        fx_hash(text) | 1 << 55
    };
    (body & ((1 << 56) - 1)) | template << 56
}

/// The 32-bit key a feature is stored under in the model file (a mix of [`key`]).
pub(crate) fn key32(key: u64) -> u32 {
    (key.wrapping_mul(crate::lexicon::FX_K) >> 32) as u32
}

/// The spelling class of a lower-cased form: its length bucket and whether it has digits, hyphens,
/// periods, apostrophes, other punctuation or non-ASCII characters. Example: "covid-19" has digits and
/// a hyphen, length 6-8.
pub(crate) fn word_shape(w: &str) -> u8 {
    let (mut digit, mut hyphen, mut period, mut apos, mut other, mut non_ascii, mut alpha) =
        (false, false, false, false, false, false, false);
    let mut n = 0usize;
    for c in w.chars() {
        n += 1;
        match c {
            '0'..='9' => digit = true,
            '-' => hyphen = true,
            '.' => period = true,
            '\'' | '\u{2019}' => apos = true,
            'a'..='z' => alpha = true,
            c if !c.is_ascii() => {
                if c.is_alphabetic() {
                    non_ascii = true
                } else {
                    other = true
                }
            }
            _ => other = true,
        }
    }
    let len = match n {
        0..=1 => 0,
        2 => 1,
        3 => 2,
        4..=5 => 3,
        6..=8 => 4,
        _ => 5,
    };
    len | u8::from(digit) << 3
        | u8::from(hyphen || apos) << 4
        | u8::from(period) << 5
        | u8::from(other) << 6
        | u8::from(non_ascii || !alpha) << 7
}

/// Calls `f` with the key of every feature (at most [`MAX_FORM_FEATURES`]) of the lower-cased form `w`, whose actor-lexicon bits are
/// `lexicon` (see [`crate::lexicon::actors::word`]).
pub(crate) fn form_features(w: &str, lexicon: u16, mut f: impl FnMut(u64)) {
    let b = w.as_bytes();
    f(key(template::WORD, b));
    // char boundaries from the end and from the start
    let mut ends = [usize::MAX; 4];
    for (n, (i, _)) in w.char_indices().rev().take(4).enumerate() {
        ends[n] = i;
    }
    let chars = w.chars().count();
    for (n, &i) in ends.iter().enumerate() {
        if i != usize::MAX && chars > n + 1 {
            f(key(template::SUFFIX + n as u64, &b[i..]));
        }
    }
    for (n, (i, c)) in w.char_indices().take(3).enumerate() {
        if chars > n + 1 {
            f(key(template::PREFIX + n as u64, &b[..i + c.len_utf8()]));
        }
    }
    f(key(template::SHAPE, &[word_shape(w)]));
    // the first nine bits (name, demonym, title, honorific, noun, head, not-a-name, first name,
    // organisation word): at most eighteen features per form, which the model's scaling relies on
    for bit in 0..9u8 {
        if lexicon & (1 << bit) != 0 {
            f(key(template::LEXICON, &[bit]));
        }
    }
}

/// The case shape of token `i` (1 to 7): 1 punctuation or quote, 2 number or word with a digit, 3 word
/// starting lower case, 4 capitalised word at a sentence start or in the headline ("The", "Officials"),
/// 5 capitalised word inside a sentence ("Okonkwo"), 6 all capitals ("NATO"), 7 any other word.
pub(crate) fn token_shape(doc: &Doc, i: usize) -> u8 {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Punct | TokenKind::Quote(_) => 1,
        TokenKind::Number => 2,
        TokenKind::Word if t.has(flags::HAS_DIGIT) => 2,
        TokenKind::Word if t.has(flags::ALL_CAPS) => 6,
        TokenKind::Word if t.has(flags::CAPITALISED) => {
            if t.has(flags::SENT_START) || t.has(flags::TITLE) {
                4
            } else {
                5
            }
        }
        TokenKind::Word => match doc.text.as_bytes().get(t.start) {
            // a lower-case letter, an apostrophe ("'s") or a letter outside ASCII that is not a capital
            Some(b'a'..=b'z' | b'\'' | 0x80..) => 3,
            _ => 7,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(w: &str) -> Vec<u64> {
        let mut v = Vec::new();
        form_features(w, 0, |k| v.push(k));
        v
    }

    #[test]
    fn a_form_has_its_word_suffixes_prefixes_and_shape() {
        // running: word, s1..s4, p1..p3, shape
        assert_eq!(keys("running").len(), 9);
        // "an": word, s1, p1, shape (no affix as long as the word)
        assert_eq!(keys("an").len(), 4);
        // the same suffix is the same feature in two words; different words differ
        let (a, b) = (keys("walking"), keys("talking"));
        assert_ne!(a[0], b[0]);
        assert_eq!(a[1..4], b[1..4]);
        // multi-byte characters are never split
        assert_eq!(keys("são").len(), 6);
        // lexicon bits add one feature each
        let mut n = 0;
        form_features("smith", 0b101, |_| n += 1);
        assert_eq!(n, keys("smith").len() + 2);
    }

    #[test]
    fn shapes_tell_case_and_position() {
        let doc = Doc::new("The plan by Okonkwo and NATO, in 2019.");
        let shapes: Vec<u8> = (0..doc.tokens.len()).map(|i| token_shape(&doc, i)).collect();
        assert_eq!(shapes, vec![4, 3, 3, 5, 3, 6, 1, 3, 2, 1]);
        assert_ne!(word_shape("covid-19"), word_shape("covid"));
        assert_eq!(word_shape("walking"), word_shape("talking"));
    }
}
