//! Word forms: every distinct lower-cased token text of a document, numbered once, so that the stages look
//! a form up in their lexicons once per document rather than once per token.

use std::hash::Hasher;

use super::Token;
use crate::lexicon::FxHasher;

/// The distinct lower-cased token texts of a document ("The" and "the" are one form).
#[derive(Debug, Clone, Default)]
pub(crate) struct Forms {
    /// For every token, its form number.
    pub of: Vec<u32>,
    /// For every form, its first token.
    pub first: Vec<u32>,
}

impl Forms {
    /// Numbers the forms of `tokens`, whose lower-cased texts are slices of `lower`. One hash per token
    /// (one-byte forms such as "," or "a" are numbered by their byte, without hashing), in an
    /// open-addressing table kept at most two-thirds full (a third in news, where half the tokens repeat
    /// a form), so the pass stays linear whatever the text.
    pub(crate) fn new(lower: &str, tokens: &[Token]) -> Forms {
        let n = tokens.len();
        let bits = (n + n / 2).max(16).next_power_of_two().trailing_zeros();
        let mask = (1usize << bits) - 1;
        // a slot holds 0 (empty) or the form number + 1 in its low half and the hash's low half above, so
        // that most mismatches are seen without touching the form's text
        let mut slots: Vec<u64> = vec![0; mask + 1];
        let mut first: Vec<u32> = Vec::with_capacity(n / 2 + 1);
        let mut of = Vec::with_capacity(n);
        let mut byte_form = [u32::MAX; 128];
        let lower = lower.as_bytes();
        for (k, t) in tokens.iter().enumerate() {
            let text = lower.get(t.start..t.end).unwrap_or_default();
            if let &[b] = text
                && b.is_ascii()
            {
                let slot = &mut byte_form[usize::from(b)];
                if *slot == u32::MAX {
                    *slot = first.len() as u32;
                    first.push(k as u32);
                }
                of.push(*slot);
                continue;
            }
            let mut hasher = FxHasher::default();
            hasher.write(text);
            let h = hasher.finish();
            let tag = h << 32;
            let mut s = (h >> (64 - bits)) as usize;
            let f = loop {
                let slot = slots[s];
                if slot == 0 {
                    let id = first.len() as u32;
                    slots[s] = tag | u64::from(id + 1);
                    first.push(k as u32);
                    break id;
                }
                if slot >> 32 == h & 0xffff_ffff {
                    let id = (slot & 0xffff_ffff) as u32 - 1;
                    let f = &tokens[first[id as usize] as usize];
                    if lower.get(f.start..f.end) == Some(text) {
                        break id;
                    }
                }
                s = (s + 1) & mask;
            };
            of.push(f);
        }
        Forms { of, first }
    }

    /// The number of distinct forms.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }
}

#[cfg(test)]
mod tests {
    use crate::text::Doc;

    #[test]
    fn the_same_word_in_any_case_is_one_form_and_different_words_are_not() {
        let doc = Doc::new("The minister said the talks, the THE talks, would resume. A a b.");
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
