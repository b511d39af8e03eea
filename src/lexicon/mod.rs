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

/// The data rows of an embedded lexicon file: comments and blank lines skipped, columns split on tabs and
/// trimmed of ASCII white space (so a `\r` before the `\n` goes too). One pass over the bytes, with no
/// allocation for a row of up to [`Row::INLINE`] columns: the lexicons load with every process, and the
/// gazetteer alone has 21,000 rows.
pub(crate) fn rows(src: &'static str) -> impl Iterator<Item = Row> {
    let bytes = src.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let line_start = at;
            let mut row = Row::default();
            loop {
                let end = next_tab_or_newline(bytes, at);
                row.push(src[at..end].trim_ascii());
                at = end + 1;
                if end >= bytes.len() || bytes[end] == b'\n' {
                    break;
                }
            }
            if bytes[line_start] != b'#' && row.iter().any(|f| !f.is_empty()) {
                return Some(row);
            }
        }
        None
    })
}

/// The position of the first tab or newline of `bytes` from `i` (`bytes.len()` when none), eight bytes
/// at a time: a byte equal to one of them is a zero byte of the word XORed with it, and the lowest zero
/// byte of a word `v` is the lowest byte set in `(v - 0x01…01) & !v & 0x80…80`.
fn next_tab_or_newline(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let (x, y) = (w ^ (LO * u64::from(b'\n')), w ^ (LO * u64::from(b'\t')));
        let found = ((x.wrapping_sub(LO) & !x) | (y.wrapping_sub(LO) & !y)) & HI;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\t' {
        i += 1;
    }
    i
}

/// The columns of one data row (see [`rows`]); reads as a slice of `&str`.
#[derive(Debug, Default)]
pub(crate) struct Row {
    inline: [&'static str; Row::INLINE],
    n: usize,
    /// Every column, once a row has more than [`Row::INLINE`] of them.
    spill: Vec<&'static str>,
}

impl Row {
    /// The number of columns held without allocating (the gazetteer has seven).
    pub(crate) const INLINE: usize = 8;

    fn push(&mut self, field: &'static str) {
        if self.n < Row::INLINE {
            self.inline[self.n] = field;
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.inline);
            }
            self.spill.push(field);
        }
        self.n += 1;
    }
}

impl std::ops::Deref for Row {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        if self.n > Row::INLINE {
            &self.spill
        } else {
            &self.inline[..self.n]
        }
    }
}

/// Forces every lexicon to load now rather than on first use (useful before timing or forking).
pub fn preload() {
    cues::preload();
    segmentation::preload();
    actors::preload();
    numbers::preload();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_columns_and_skip_comments_and_blank_lines() {
        let src = "# a comment\nUS\tUnited States \t country\r\n\n \t \nlast\tline without newline";
        let found: Vec<Vec<&str>> = rows(src).map(|r| r.to_vec()).collect();
        assert_eq!(
            found,
            vec![
                vec!["US", "United States", "country"],
                vec!["last", "line without newline"]
            ]
        );
        // a row of more columns than are held inline keeps every one of them
        let wide = "a\tb\tc\td\te\tf\tg\th\ti\tj\n";
        let row = rows(wide).next().expect("one row");
        assert_eq!(&row[..], &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
        // negatives: nothing but comments and white space gives no row
        assert_eq!(rows("#x\n\n   \n\t\n").count(), 0);
    }

    #[test]
    fn the_first_tab_or_newline_is_found_in_and_after_whole_words() {
        let text = b"abcdefghijklmnop\tq";
        assert_eq!(next_tab_or_newline(text, 0), 16);
        assert_eq!(next_tab_or_newline(b"ab\ncd\tef", 0), 2);
        assert_eq!(next_tab_or_newline(b"ab\ncd\tef", 3), 5);
        // negatives: bytes one above and one below each delimiter, and no delimiter at all
        assert_eq!(next_tab_or_newline(b"\x08\x0b\x0a", 0), 2);
        assert_eq!(next_tab_or_newline(b"abcdefghij", 0), 10);
    }
}
