//! Conversion between byte offsets (Rust) and Unicode code-point offsets (JSON, Python).

/// Converts offsets into one text between **bytes** (Rust's [`Span`](crate::Span)s, `str` slicing) and
/// **Unicode code points** (the JSON form, Python), in `O(log k)` per lookup where `k` is the number of
/// non-ASCII characters (ASCII-only text maps to itself with no table at all).
///
/// Both directions check their input: an offset past the end of the text, or a byte offset inside a
/// multi-byte character, gives `None`.
///
/// ```
/// use newsparse::OffsetMap;
/// let text = "“Yes,” she said.";
/// let map = OffsetMap::new(text);
/// let said = text.find("said").unwrap();
/// assert_eq!(said, 15); // bytes: each curly quote takes three
/// assert_eq!(map.byte_to_char(said), Some(11));
/// assert_eq!(map.char_to_byte(11), Some(said));
/// assert_eq!(map.byte_to_char(1), None); // inside the opening quote
/// assert_eq!(map.char_to_byte(map.char_len() + 1), None); // past the end
/// ```
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// For each multi-byte character: (its byte offset, its code-point offset, extra bytes up to and
    /// including it). Sorted by both offsets.
    wide: Vec<(usize, usize, usize)>,
    byte_len: usize,
    char_len: usize,
}

/// The high bits of 32 bytes, OR-ed together eight bytes at a time (0 exactly when all are ASCII).
#[inline(always)]
fn block_high_bits(block: &[u8; 32]) -> u64 {
    let word = |k: usize| {
        block
            .get(k..k + 8)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    (word(0) | word(8) | word(16) | word(24)) & 0x8080_8080_8080_8080
}

impl OffsetMap {
    /// Builds the map for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0usize;
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII 32 bytes at a time (most of English news), then eight.
            while let Some(block) = bytes.get(i..).and_then(<[u8]>::first_chunk::<32>) {
                if block_high_bits(block) != 0 {
                    break;
                }
                i += 32;
            }
            if i + 8 <= bytes.len() {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[i..i + 8]);
                if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let Some(&b) = bytes.get(i) else { break };
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

    /// Length of the text in bytes.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// The code-point offset of byte offset `b`, or `None` when `b` is past the end of the text or inside
    /// a multi-byte character.
    pub fn byte_to_char(&self, b: usize) -> Option<usize> {
        if b > self.byte_len {
            return None;
        }
        let n = self.wide.partition_point(|&(bi, _, _)| bi < b);
        if n > 0 {
            let (bi, _, extra) = self.wide[n - 1];
            let before = if n > 1 { self.wide[n - 2].2 } else { 0 };
            let char_bytes = extra - before + 1;
            if b < bi + char_bytes {
                return None;
            }
        }
        Some(self.to_char(b))
    }

    /// The byte offset of code-point offset `c`, or `None` past the end of the text.
    pub fn char_to_byte(&self, c: usize) -> Option<usize> {
        self.to_byte(c)
    }

    /// The code-point offset of byte offset `b`, unchecked but total: a `b` inside a multi-byte
    /// character gives that character's offset, a `b` past the end counts the excess as code points
    /// (never wraps, never panics). The JSON writer's fast path, for spans known to be on boundaries.
    pub(crate) fn to_char(&self, b: usize) -> usize {
        // Extra bytes of the wide characters that start before `b`.
        let n = self.wide.partition_point(|&(bi, _, _)| bi < b);
        if n == 0 {
            return b;
        }
        let (_, ci, extra) = self.wide[n - 1];
        b.saturating_sub(extra).max(ci)
    }

    /// The byte offset of code-point offset `c`, or `None` past the end of the text.
    pub(crate) fn to_byte(&self, c: usize) -> Option<usize> {
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
    fn off_boundary_bytes_are_refused_and_never_wrap() {
        let text = "a😀b“c";
        let map = OffsetMap::new(text);
        // 'a' 0, '😀' 1..5, 'b' 5, '“' 6..9, 'c' 9, end 10
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for b in 0..=text.len() + 2 {
            let checked = map.byte_to_char(b);
            if boundaries.contains(&b) {
                assert_eq!(checked, Some(text[..b].chars().count()), "byte {b}");
            } else {
                assert_eq!(checked, None, "byte {b}");
            }
            // The unchecked conversion stays total and monotone.
            let c = map.to_char(b);
            assert!(c <= b, "byte {b} -> {c}");
        }
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(4), 1);
        assert_eq!(map.to_char(7), 3);
        assert_eq!(map.to_char(12), 7);
        assert_eq!(map.byte_len(), 10);
        assert_eq!(map.char_to_byte(3), Some(6));
        assert_eq!(map.char_to_byte(5), Some(10));
        assert_eq!(map.char_to_byte(6), None);
    }

    #[test]
    fn wide_characters_at_every_position_of_a_32_byte_block() {
        // long ASCII runs, read 32 bytes at a time, with a wide character at every position of a block
        // and the text ending at every position after it
        let sentence = "The minister said talks would resume on Monday in Geneva. ";
        for pad in 0..40 {
            for tail in [0, 1, 7, 31, 33] {
                let text = format!(
                    "{}São{}“Kyiv”{}",
                    &sentence[..pad],
                    sentence.repeat(2),
                    &sentence[..tail]
                );
                let map = OffsetMap::new(&text);
                assert_eq!(map.char_len(), text.chars().count(), "{text:?}");
                for (ci, (bi, _)) in text.char_indices().enumerate() {
                    assert_eq!(map.to_char(bi), ci, "{text:?} byte {bi}");
                    assert_eq!(map.to_byte(ci), Some(bi));
                }
                assert_eq!(map.to_byte(map.char_len()), Some(text.len()));
            }
        }
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
