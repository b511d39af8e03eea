//! Abbreviations and sentence starters used by sentence segmentation (`data/abbreviations.tsv`,
//! `data/sentence_starters.txt`).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::FxBuild;

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

static ABBREVIATIONS: LazyLock<HashMap<&'static str, AbbrevClass>> = LazyLock::new(|| {
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
        .collect()
});

static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/sentence_starters.txt"))
        .map(|r| r[0])
        .collect()
});

/// The class of an abbreviation written without its final period ("Mr", "U.S", "a.m"), case-sensitive
/// first, then lower-cased.
pub(crate) fn abbreviation(word: &str) -> Option<AbbrevClass> {
    if let Some(&c) = ABBREVIATIONS.get(word) {
        return Some(c);
    }
    // Without an upper-case letter the lower-cased form is the same word.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // Lower-cased in a small buffer (no allocation); ASCII lower-casing keeps UTF-8 valid.
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(b) => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).ok().and_then(|l| ABBREVIATIONS.get(l).copied())
        }
        None => ABBREVIATIONS.get(word.to_ascii_lowercase().as_str()).copied(),
    }
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
        assert_eq!(
            abbreviation(&"X".repeat(40)),
            None,
            "longer than the lower-casing buffer"
        );
    }
}
