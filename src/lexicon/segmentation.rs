//! Abbreviations and sentence starters used by sentence segmentation (`data/abbreviations.tsv`,
//! `data/sentence_starters.txt`).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{FxBuild, short_key};

type HashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// How a period after an abbreviation behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Never ends a sentence: it precedes a name or number ("Mr.", "Gen.", "No.", "St.").
    Prefix,
    /// Ends a sentence only when a typical sentence opener follows ("Jan.", "a.m.", "U.S.").
    Ambiguous,
    /// Ends a sentence when any capitalised word follows ("Inc.", "etc.").
    Final,
}

/// The abbreviations by their [`short_key`] (every one has at most seven bytes: a test checks it).
static ABBREVIATIONS: LazyLock<HashMap<u64, AbbrevClass>> = LazyLock::new(|| {
    abbreviation_rows()
        .filter_map(|(w, class)| Some((short_key(w.as_bytes())?, class)))
        .collect()
});

/// The rows of `data/abbreviations.tsv`: an abbreviation and its class.
fn abbreviation_rows() -> impl Iterator<Item = (&'static str, AbbrevClass)> {
    super::rows(include_str!("../../data/abbreviations.tsv"))
        .filter(|r| r.len() >= 2)
        .map(|r| {
            let class = match r[1] {
                "prefix" => AbbrevClass::Prefix,
                "final" => AbbrevClass::Final,
                _ => AbbrevClass::Ambiguous,
            };
            (r[0], class)
        })
}

static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/sentence_starters.txt"))
        .map(|r| r[0])
        .collect()
});

/// The class of an abbreviation written without its final period ("Mr", "U.S", "a.m"), case-sensitive
/// first, then lower-cased. Compares integer keys ([`short_key`]): a word of more than seven bytes is
/// none, and the key is lower-cased in place.
pub(crate) fn abbreviation(word: &str) -> Option<AbbrevClass> {
    let key = short_key(word.as_bytes())?;
    if let Some(&c) = ABBREVIATIONS.get(&key) {
        return Some(c);
    }
    // Without an upper-case letter the lower-cased form is the same word.
    let lower = ascii_lowercase_key(key);
    if lower == key {
        return None;
    }
    ABBREVIATIONS.get(&lower).copied()
}

/// The [`short_key`] of the ASCII-lower-cased word of key `k`: 0x20 added to every byte from `A` to `Z`
/// (the length byte, at most 7, and bytes from 0x80 up stay). A byte `y` below 0x80 is at least `c`
/// exactly when `y + 0x80 - c` reaches the high bit, with no carry into the next byte.
fn ascii_lowercase_key(k: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = k & !HIGH;
    let at_least_a = low + ONES * u64::from(0x80 - b'A');
    let above_z = low + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & !k & HIGH;
    k | upper >> 2
}

/// Whether a capitalised word typically opens a sentence ("The", "He", "But").
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    STARTERS.contains(word)
}

pub(crate) fn preload() {
    LazyLock::force(&ABBREVIATIONS);
    LazyLock::force(&STARTERS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_match_as_written_then_lower_cased() {
        assert_eq!(abbreviation("Gen"), Some(AbbrevClass::Prefix));
        assert_eq!(abbreviation("U.S"), Some(AbbrevClass::Ambiguous));
        // "A.M" and "ETC" are found through their lower-cased forms "a.m" and "etc".
        assert_eq!(abbreviation("A.M"), Some(AbbrevClass::Ambiguous));
        assert_eq!(abbreviation("ETC"), Some(AbbrevClass::Final));
        assert_eq!(abbreviation("gen"), None, "only the capitalised form is listed");
        assert_eq!(abbreviation("Tehran"), None);
        // the file's column names are a comment, not an entry ("The list ends with an abbreviation. It…")
        assert_eq!(abbreviation("abbreviation"), None);
        assert_eq!(abbreviation("ÉTATS"), None);
        assert_eq!(abbreviation(&"X".repeat(40)), None, "longer than any abbreviation");
        assert_eq!(
            abbreviation("APPROX"),
            Some(AbbrevClass::Prefix),
            "six bytes, lower-cased"
        );
        assert_eq!(abbreviation("MESSRS"), None, "only the capitalised form is listed");
        assert_eq!(abbreviation("APPROXI"), None);
        assert_eq!(abbreviation("[ETC"), None, "the byte before 'A' is not a capital");
    }

    #[test]
    fn every_abbreviation_has_a_short_key() {
        let rows: Vec<_> = abbreviation_rows().collect();
        assert!(rows.len() > 50);
        for (w, class) in rows {
            assert!(short_key(w.as_bytes()).is_some(), "{w} has more than seven bytes");
            assert_eq!(abbreviation(w), Some(class), "{w}");
        }
    }

    #[test]
    fn a_lowercased_key_is_the_key_of_the_lowercased_word() {
        for w in ["U.S.A", "ÉTATS", "Gen", "AZ@[`{z", "Messrs", "é", "", "Z9-_"] {
            let Some(k) = short_key(w.as_bytes()) else { continue };
            assert_eq!(
                ascii_lowercase_key(k),
                short_key(w.to_ascii_lowercase().as_bytes()).unwrap(),
                "{w}"
            );
        }
    }
}
