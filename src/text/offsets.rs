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
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0usize;
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII eight bytes at a time.
            if i + 8 <= bytes.len() {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[i..i + 8]);
                if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            // `text` is valid UTF-8, so a byte of 0x80 or more here starts a character of 2 to 4 bytes.
            let len = match b {
                0x00..=0x7f => 1,
                0x80..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if len > 1 {
                let ci = i - extra;
                extra += len - 1;
                wide.push((i, ci, extra));
            }
            i += len;
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
    fn wide_characters_at_every_position_of_an_eight_byte_word() {
        for pad in 0..17 {
            let text = format!(
                "{}é{}“x”{}😀{}\u{a0}end",
                "a".repeat(pad),
                "b".repeat(9),
                "c".repeat(pad % 5),
                "d".repeat(8)
            );
            let map = OffsetMap::new(&text);
            assert_eq!(map.char_len(), text.chars().count());
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(map.to_char(bi), ci, "{text:?} byte {bi}");
                assert_eq!(map.to_byte(ci), Some(bi));
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("plain text");
        assert_eq!(map.to_char(5), 5);
        assert_eq!(map.to_byte(5), Some(5));
    }
}
