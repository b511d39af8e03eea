//! The library's knowledge: lexicons shipped as data files under `data/`, embedded with `include_str!`
//! and parsed once per process behind a [`std::sync::LazyLock`].
//!
//! Every data file is UTF-8 text, one entry a line, tab-separated columns; lines starting with `#` are
//! comments (the first ones name the source and licence). The build script `tools/build_lexicons.py`
//! regenerates the files derived from `../shared/data`.

pub(crate) mod actors;
pub(crate) mod cues;
pub(crate) mod numbers;
pub(crate) mod segmentation;

/// The data rows of an embedded lexicon file: comments and blank lines skipped, columns split on tabs.
pub(crate) fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Forces every lexicon to load now rather than on first use (useful before timing or forking).
pub fn preload() {
    cues::preload();
    segmentation::preload();
    actors::preload();
    numbers::preload();
}
