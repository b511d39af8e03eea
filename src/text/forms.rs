//! Word forms: every distinct lower-cased token text of a document, numbered once, so that the stages look
//! a form up in their lexicons once per document rather than once per token.

use super::Token;
use crate::lexicon::{FX_K, fx_hash, short_key};

/// The distinct lower-cased token texts of a document ("The" and "the" are one form).
#[derive(Debug, Clone, Default)]
pub(crate) struct Forms {
    /// For every token, its form number.
    pub of: Vec<u32>,
    /// For every form, its first token.
    pub first: Vec<u32>,
}

/// The Fx multiplier, which spreads a form's key over the high bits that index the table.
const MIX: u64 = FX_K;

/// The top bit of the key of a form longer than seven bytes (a hash).
const LONG: u64 = 1 << 63;

/// The key of the form `w`: up to seven bytes, the form itself as an integer
/// ([`short_key`]: two short forms are the same exactly when their keys are); longer, a hash with the
/// [`LONG`] bit (equal keys must then be confirmed on the text).
#[inline(always)]
pub(crate) fn key(w: &[u8]) -> u64 {
    short_key(w).unwrap_or_else(|| fx_hash(w) | LONG)
}

/// The key of the token `start..end` of `lower`: [`key`], read with one eight-byte load when the form is
/// shorter than eight bytes and eight bytes remain (its bytes as a little-endian integer, the bytes after
/// it masked off, are exactly [`short_key`]'s packing).
#[inline(always)]
fn key_at(lower: &[u8], start: usize, end: usize) -> u64 {
    let n = end.wrapping_sub(start);
    if n < 8
        && let Some(chunk) = lower.get(start..).and_then(<[u8]>::first_chunk::<8>)
    {
        let v = u64::from_le_bytes(*chunk);
        return v & ((1u64 << (8 * n)) - 1) | (n as u64) << 56;
    }
    key(lower.get(start..end).unwrap_or_default())
}

impl Forms {
    /// Numbers the forms of `tokens`, written in the lower-cased text `lower`, in order of first
    /// appearance. One-byte forms such as "," or "a" are numbered by their byte; the others by their
    /// [`key`] in an open-addressing table of form numbers, kept at most half full (it doubles when it
    /// fills), so the pass stays linear whatever the text.
    pub(crate) fn number(lower: &[u8], tokens: &[Token]) -> Forms {
        // news repeats about half its tokens, so half the tokens is a fair first guess of the forms
        let guess = tokens.len() / 2 + 1;
        let mut bits = guess.max(16).next_power_of_two().trailing_zeros() + 1;
        // a slot holds 0 (empty) or a form number + 1
        let mut slots: Vec<u32> = vec![0; 1 << bits];
        // for every form, its key and its first token
        let mut keys: Vec<u64> = Vec::with_capacity(guess);
        let mut first: Vec<u32> = Vec::with_capacity(guess);
        // the form of each one-byte token, by its byte (`u32::MAX`: none yet)
        let mut byte_form = [u32::MAX; 128];
        let mut of: Vec<u32> = Vec::with_capacity(tokens.len());
        for (k, t) in tokens.iter().enumerate() {
            let (start, end) = (t.start, t.end);
            if end == start + 1
                && let Some(&b) = lower.get(start)
                && b < 0x80
            {
                let f = &mut byte_form[usize::from(b)];
                if *f == u32::MAX {
                    *f = first.len() as u32;
                    keys.push(u64::from(b) | 1 << 56);
                    first.push(k as u32);
                }
                of.push(*f);
                continue;
            }
            let kk = key_at(lower, start, end);
            let mask = slots.len() - 1;
            let mut s = (kk.wrapping_mul(MIX) >> (64 - bits)) as usize;
            let f = loop {
                let slot = slots.get(s & mask).copied().unwrap_or_default();
                if slot == 0 {
                    let f = first.len() as u32;
                    if let Some(slot) = slots.get_mut(s & mask) {
                        *slot = f + 1;
                    }
                    keys.push(kk);
                    first.push(k as u32);
                    if keys.len() * 2 > slots.len() {
                        bits += 1;
                        slots = rehash(&keys, bits);
                    }
                    break f;
                }
                let f = slot - 1;
                if keys.get(f as usize) == Some(&kk)
                    && (kk & LONG == 0 || same_text(lower, &tokens[first[f as usize] as usize], start, end))
                {
                    break f;
                }
                s += 1;
            };
            of.push(f);
        }
        // a text with more forms than news grew this by doubling
        if first.capacity() > first.len() + first.len() / 8 + 64 {
            first.shrink_to_fit();
        }
        Forms { of, first }
    }

    /// The number of distinct forms.
    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }
}

/// Whether token `t` is written like `lower[start..end]` in the lower-cased text `lower`.
fn same_text(lower: &[u8], t: &Token, start: usize, end: usize) -> bool {
    t.end - t.start == end - start && lower.get(t.start..t.end) == lower.get(start..end)
}

/// A table of `1 << bits` slots holding the forms of `keys` (form number + 1 in the slot that its key
/// picks, or the next free one after it).
fn rehash(keys: &[u64], bits: u32) -> Vec<u32> {
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0; 1 << bits];
    for (id, &k) in keys.iter().enumerate() {
        let mut s = (k.wrapping_mul(MIX) >> (64 - bits)) as usize;
        while slots[s] != 0 {
            s = (s + 1) & mask;
        }
        slots[s] = id as u32 + 1;
    }
    slots
}

#[cfg(test)]
mod tests {
    use crate::text::Doc;

    #[test]
    fn the_same_word_in_any_case_is_one_form_and_different_words_are_not() {
        let doc = Doc::new(
            "The minister said the talks, the THE talks, would resume. A a b. Ministers and \
             MINISTERS met ministry officials; the minister's ministries, internationally and \
             International-level, 'internationals' said: São Paulo, são paulo, SÃO.",
        );
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.low(i)).collect();
        for i in 0..words.len() {
            for j in 0..words.len() {
                assert_eq!(
                    doc.form(i) == doc.form(j),
                    words[i] == words[j],
                    "{:?} {:?}",
                    doc.tok(i),
                    doc.tok(j)
                );
            }
        }
        let distinct: std::collections::HashSet<&str> = words.iter().copied().collect();
        assert_eq!(doc.forms.len(), distinct.len());
        // the first token of a form is written in it
        for i in 0..doc.tokens.len() {
            assert_eq!(doc.low(doc.forms.first[doc.form(i)] as usize), doc.low(i));
        }
    }
}
