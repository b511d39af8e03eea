//! Conversion between byte offsets (Rust) and Unicode code-point offsets (JSON, Python).

/// Maps byte offsets of a text to code-point offsets and back, in `O(log k)` per lookup where `k` is the
/// number of non-ASCII characters (ASCII-only text maps to itself with no table at all).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// For each multi-byte character: (its byte offset, its code-point offset, extra bytes up to and
    /// including it). Sorted by both offsets.
    wide: Vec<(usize, usize, usize)>,
    byte_len: usize,
    char_len: usize,
}

impl OffsetMap {
    /// Builds the map for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        if !text.is_ascii() {
            for (ci, (bi, ch)) in text.char_indices().enumerate() {
                let l = ch.len_utf8();
                if l > 1 {
                    extra += l - 1;
                    wide.push((bi, ci, extra));
                }
            }
        }
        OffsetMap {
            wide,
            byte_len: text.len(),
            char_len: text.len() - extra,
        }
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code-point offset of byte offset `b` (which must be a character boundary).
    pub fn to_char(&self, b: usize) -> usize {
        // Extra bytes of the wide characters that start before `b`.
        let n = self.wide.partition_point(|&(bi, _, _)| bi < b);
        let extra = if n == 0 { 0 } else { self.wide[n - 1].2 };
        b - extra
    }

    /// The byte offset of code-point offset `c`, or `None` past the end of the text.
    pub fn to_byte(&self, c: usize) -> Option<usize> {
        if c > self.char_len {
            return None;
        }
        let n = self.wide.partition_point(|&(_, ci, _)| ci < c);
        let extra = if n == 0 { 0 } else { self.wide[n - 1].2 };
        let b = c + extra;
        (b <= self.byte_len).then_some(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_boundary() {
        let text = "a“é”😀 b\u{a0}c";
        let map = OffsetMap::new(text);
        assert_eq!(map.char_len(), text.chars().count());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci);
            assert_eq!(map.to_byte(ci), Some(bi));
        }
        assert_eq!(map.to_char(text.len()), map.char_len());
        assert_eq!(map.to_byte(map.char_len()), Some(text.len()));
        assert_eq!(map.to_byte(map.char_len() + 1), None);
    }

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("plain text");
        assert_eq!(map.to_char(5), 5);
        assert_eq!(map.to_byte(5), Some(5));
    }
}
