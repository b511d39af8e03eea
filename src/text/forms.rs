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

impl Forms {
    /// Numbers the forms of `tokens`, whose lower-cased texts are slices of `lower`, in order of first
    /// appearance. One-byte forms such as "," or "a" are numbered by their byte; the others by their
    /// [`key`] in an open-addressing table of form numbers, kept at most half full (it doubles when it
    /// fills), so the pass stays linear whatever the text.
    pub(crate) fn new(lower: &str, tokens: &[Token]) -> Forms {
        let n = tokens.len();
        let lower = lower.as_bytes();
        // news repeats about half its tokens, so half the tokens is a fair first guess of the forms
        let mut bits = (n / 2).max(16).next_power_of_two().trailing_zeros() + 1;
        // a slot holds 0 (empty) or a form number + 1
        let mut slots: Vec<u32> = vec![0; 1 << bits];
        // for every form, its key and its first token
        let mut forms: Vec<(u64, u32)> = Vec::with_capacity(n / 2 + 1);
        let mut byte_form = [u32::MAX; 128];
        let mut of = Vec::with_capacity(n);
        for (k, t) in tokens.iter().enumerate() {
            // tokens are slices of the text, which has the length of `lower`
            let text = &lower[t.start..t.end];
            if let &[b] = text
                && b.is_ascii()
            {
                let f = &mut byte_form[usize::from(b)];
                if *f == u32::MAX {
                    *f = forms.len() as u32;
                    forms.push((key(text), k as u32));
                }
                of.push(*f);
                continue;
            }
            let kk = key(text);
            let mask = slots.len() - 1;
            let mut s = (kk.wrapping_mul(MIX) >> (64 - bits)) as usize;
            let f = loop {
                let slot = slots[s & mask];
                if slot == 0 {
                    let f = forms.len() as u32;
                    slots[s & mask] = f + 1;
                    forms.push((kk, k as u32));
                    if forms.len() * 2 > slots.len() {
                        bits += 1;
                        slots = rehash(&forms, bits);
                    }
                    break f;
                }
                let (fk, ft) = forms[slot as usize - 1];
                if fk == kk && (kk & LONG == 0 || same_text(lower, &tokens[ft as usize], text)) {
                    break slot - 1;
                }
                s += 1;
            };
            of.push(f);
        }
        Forms {
            of,
            first: forms.iter().map(|&(_, k)| k).collect(),
        }
    }

    /// The number of distinct forms.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }
}

/// Whether token `t` is written `text` in the lower-cased text `lower`.
fn same_text(lower: &[u8], t: &Token, text: &[u8]) -> bool {
    lower.get(t.start..t.end) == Some(text)
}

/// A table of `1 << bits` slots holding the `forms` (form number + 1 in the slot that its key picks, or
/// the next free one after it).
fn rehash(forms: &[(u64, u32)], bits: u32) -> Vec<u32> {
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0; 1 << bits];
    for (id, &(k, _)) in forms.iter().enumerate() {
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
