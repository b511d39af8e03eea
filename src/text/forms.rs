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
    /// For every form, its [`key`] (made once while numbering, so the stages probe their lexicons by
    /// form without reading the form's bytes again).
    pub keys: Vec<u64>,
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
pub(super) fn key_at(lower: &[u8], start: usize, end: usize) -> u64 {
    let n = end.wrapping_sub(start);
    if n < 8
        && let Some(chunk) = lower.get(start..).and_then(<[u8]>::first_chunk::<8>)
    {
        let v = u64::from_le_bytes(*chunk);
        return v & ((1u64 << (8 * n)) - 1) | (n as u64) << 56;
    }
    key(lower.get(start..end).unwrap_or_default())
}

/// The [`key`] of a word of ASCII letters read in eight-byte chunks, as the tokeniser reads it: `h` is the
/// [`FxHasher`](crate::lexicon::FxHasher) state after the word's full chunks (0 when none), `tail` its
/// last `n % 8` bytes, lower-cased and packed little-endian, `n` its length. The same steps as
/// [`fx_hash`] over the lower-cased word, so the key is the one [`key`] gives (the tests check it).
#[inline(always)]
pub(super) fn chunked_key(h: u64, tail: u64, n: usize) -> u64 {
    if n < 8 {
        return tail | (n as u64) << 56;
    }
    let rest = n % 8;
    let h = if rest == 0 {
        h
    } else {
        // the last bytes as `FxHasher` packs them: two overlapping loads, the second shifted by half a
        // word (or a quarter, under four bytes)
        let v = match rest {
            1 => tail,
            2 | 3 => tail & 0xFFFF | (tail >> (8 * (rest - 2)) & 0xFFFF) << 16,
            _ => tail & 0xFFFF_FFFF | (tail >> (8 * (rest - 4)) & 0xFFFF_FFFF) << 32,
        };
        (h.rotate_left(5) ^ v ^ (rest as u64) << 59).wrapping_mul(MIX)
    };
    h.rotate_left(26) | LONG
}

/// One step of [`chunked_key`]'s hash: a full chunk of eight lower-cased bytes.
#[inline(always)]
pub(super) fn chunk_step(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(MIX)
}

impl Forms {
    /// Numbers the forms of `tokens`, written in the lower-cased text `lower`, in order of first
    /// appearance, given the [`key`] of every token (`keys`, which the tokeniser computed from the bytes
    /// it read). An open-addressing table of form numbers, kept at most half full (rebuilt twice as large
    /// when it fills), so the pass stays linear whatever the text.
    pub(crate) fn number(lower: &[u8], tokens: &[Token], keys: &[u64]) -> Forms {
        // news repeats about half its tokens, so half the tokens is a fair first guess of the forms
        let guess = keys.len() / 2 + 1;
        let mut bits = guess.max(16).next_power_of_two().trailing_zeros() + 1;
        // for every form, its key and its first token
        let mut form_keys: Vec<u64> = Vec::with_capacity(guess);
        let mut first: Vec<u32> = Vec::with_capacity(guess);
        let mut of: Vec<u32> = Vec::with_capacity(keys.len());
        let mut k = 0;
        loop {
            // a slot holds 0 (empty) or a form number + 1
            let mut slots = rehash(&form_keys, bits);
            let mask = slots.len() - 1;
            let shift = 64 - bits;
            // the number of forms that fills the table half
            let room = slots.len() / 2;
            while let Some(&kk) = keys.get(k) {
                let mut s = (kk.wrapping_mul(MIX) >> shift) as usize;
                let f = loop {
                    s &= mask;
                    let slot = slots.get(s).copied().unwrap_or_default();
                    if slot == 0 {
                        let f = form_keys.len() as u32;
                        if let Some(slot) = slots.get_mut(s) {
                            *slot = f + 1;
                        }
                        form_keys.push(kk);
                        first.push(k as u32);
                        break f;
                    }
                    let f = slot - 1;
                    if form_keys.get(f as usize) == Some(&kk)
                        && (kk & LONG == 0 || same_text(lower, tokens, first.get(f as usize), k))
                    {
                        break f;
                    }
                    s += 1;
                };
                of.push(f);
                k += 1;
                if form_keys.len() > room {
                    break;
                }
            }
            if k >= keys.len() {
                break;
            }
            bits += 1;
        }
        // a text with more forms than news grew this by doubling
        if first.capacity() > first.len() + first.len() / 8 + 64 {
            first.shrink_to_fit();
        }
        if form_keys.capacity() > form_keys.len() + form_keys.len() / 8 + 64 {
            form_keys.shrink_to_fit();
        }
        Forms {
            of,
            first,
            keys: form_keys,
        }
    }

    /// The number of distinct forms.
    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }

    /// The [`short_key`](crate::lexicon::short_key) of form `f` when it is shorter than eight bytes (its
    /// [`key`] is then the form itself, see [`key`]); `None` for a longer form or past the last form.
    #[inline(always)]
    pub(crate) fn short_key(&self, f: usize) -> Option<u64> {
        self.keys.get(f).copied().filter(|&k| k & LONG == 0)
    }
}

/// Whether token `a` (when there is one) and token `b` are written alike in the lower-cased text `lower`
/// (a long form's key is a hash, so equal keys are confirmed on the text).
#[inline(never)]
fn same_text(lower: &[u8], tokens: &[Token], a: Option<&u32>, b: usize) -> bool {
    match (a.and_then(|&a| tokens.get(a as usize)), tokens.get(b)) {
        (Some(a), Some(b)) => lower.get(a.start..a.end) == lower.get(b.start..b.end),
        _ => false,
    }
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
             International-level, 'internationals' said: São Paulo, são paulo, SÃO. Westinghouse and \
             WESTINGHOUSE administrators met; administrators of westinghouse",
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

    #[test]
    fn a_short_form_keeps_its_short_key_and_a_long_one_none() {
        let doc = Doc::new("The Minister said the ministers met in São Paulo; THE internationalists left.");
        for i in 0..doc.tokens.len() {
            let f = doc.form(i);
            assert_eq!(
                doc.forms.short_key(f),
                crate::lexicon::short_key(doc.low(i).as_bytes()),
                "{:?}",
                doc.tok(i)
            );
        }
        // negatives: a form of eight bytes or more has no short key, and neither has a form past the last
        let long = (0..doc.tokens.len())
            .find(|&i| doc.low(i) == "internationalists")
            .unwrap();
        assert_eq!(doc.forms.short_key(doc.form(long)), None);
        assert_eq!(doc.forms.short_key(doc.forms.len()), None);
    }
}
