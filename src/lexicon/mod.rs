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

/// A small, fast, non-cryptographic hasher for every map of the crate (lexicons and per-document tables):
/// the FxHash mixing step (multiply and rotate per 8 bytes, the last 1 to 7 bytes in one step) and a final
/// rotation that brings the best-mixed bits down to where hash tables take their index (as rustc-hash 2
/// does). The keys are data from the crate itself, so flooding resistance is not needed, and it keeps the
/// lexicon load well under its time budget.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

/// The multiplier of [`FxHasher`]'s mixing step (also spreads integer keys over a table's index bits).
pub(crate) const FX_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(FX_K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // the last 1 to 7 bytes in one step (most words are shorter than 8 bytes): two loads that
            // overlap cover every byte
            let n = rest.len();
            let v = if n >= 4 {
                let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
                let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
                u64::from(lo) | u64::from(hi) << 32
            } else if n >= 2 {
                let lo = u16::from_le_bytes([rest[0], rest[1]]);
                let hi = u16::from_le_bytes([rest[n - 2], rest[n - 1]]);
                u64::from(lo) | u64::from(hi) << 16
            } else {
                u64::from(rest[0])
            };
            self.0 = (self.0.rotate_left(5) ^ v ^ (n as u64) << 59).wrapping_mul(FX_K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(FX_K);
    }
    fn finish(&self) -> u64 {
        // the multiplication leaves its best-mixed bits at the top; hash tables index by the low bits
        self.0.rotate_left(26)
    }
}

/// A word of up to seven bytes as an integer: its bytes, with its length in the top byte, so that two
/// short words are equal exactly when their keys are (`None` for a longer word). Two overlapping loads
/// read any length, as in [`FxHasher`]. Used where a table of words can compare integers instead of text.
#[inline(always)]
pub(crate) fn short_key(w: &[u8]) -> Option<u64> {
    let n = w.len();
    let packed = match n {
        0 => 0,
        1 => u64::from(w[0]),
        2 | 3 => {
            let lo = u16::from_le_bytes([w[0], w[1]]);
            let hi = u16::from_le_bytes([w[n - 2], w[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 2))
        }
        4..=7 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        _ => return None,
    };
    Some(packed | (n as u64) << 56)
}

/// The [`FxHasher`] hash of `bytes`, for tables that keep hashes of their own.
pub(crate) fn fx_hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    std::hash::Hasher::write(&mut h, bytes);
    std::hash::Hasher::finish(&h)
}

/// Builds [`FxHasher`]s.
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The data rows of an embedded lexicon file: comments and blank lines skipped, columns split on tabs.
pub(crate) fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim_ascii().is_empty() && !l.starts_with('#'))
        .map(|l| fields(l).collect())
}

/// The tab-separated fields of a data-file line, trimmed of ASCII white space (the data files have no other
/// white space at the edges of a field). A byte scan: the lexicons load with every process, and `split`
/// with a `char` pattern calls `memchr` once per (short) field.
pub(crate) fn fields(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let l = rest?;
        match l.bytes().position(|b| b == b'\t') {
            Some(i) => {
                rest = Some(&l[i + 1..]);
                Some(l[..i].trim_ascii())
            }
            None => {
                rest = None;
                Some(l.trim_ascii())
            }
        }
    })
}

/// Forces every lexicon to load now rather than on first use (useful before timing or forking).
pub fn preload() {
    cues::preload();
    segmentation::preload();
    actors::preload();
    numbers::preload();
}
