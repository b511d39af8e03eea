//! Abbreviations and sentence starters used by sentence segmentation (`data/abbreviations.tsv`,
//! `data/sentence_starters.txt`).

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::LazyLock;

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
    ABBREVIATIONS.get(word).copied().or_else(|| {
        let lower = word.to_ascii_lowercase();
        ABBREVIATIONS.get(lower.as_str()).copied()
    })
}

/// Whether a capitalised word typically opens a sentence ("The", "He", "But").
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    STARTERS.contains(word)
}

pub(crate) fn preload() {
    LazyLock::force(&ABBREVIATIONS);
    LazyLock::force(&STARTERS);
}
