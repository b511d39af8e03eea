//! Penn Treebank tags (XPOS) for the opt-in token view: a backoff table learned from the treebanks
//! that refines each token's Universal tag ([`Doc::tags`]) by its form and its left neighbour. Only a
//! parser that keeps its tokens ([`crate::ParserBuilder::tokens`]) runs it, so the default parse pays
//! nothing.
//!
//! A token is looked up at [`LEVELS`] keys, from the most specific to the most general (see
//! [`context_keys`]): its Universal tag with its form and the previous word's form ("has said": VBN,
//! "he said": VBD), with its form and the previous Universal tag, with its form alone, with its last
//! two characters and the previous form (an unseen "-ed" verb after "has"), with its last three, two or
//! one characters ("-s": NNS, VBZ), and alone. The first key the table holds gives the tag. The
//! training program keeps an entry only where it tags the training tokens better than the keys after
//! it would, so the table stays small.
//!
//! The file (`data/models/xpos.bin`, written by [`encode`], little-endian): the magic `NPXPOS01`; a
//! `u32`, the number of tags, and each tag's name (its length in a byte, then its bytes); a `u32`, the
//! number of entries; the entries, sorted by key: a `u32` key and a `u8` tag number. Loading puts them
//! in a hash table.

use std::sync::LazyLock;

use super::Upos;
use crate::lexicon::{FX_K, fx_hash};
use crate::text::Doc;

/// The model file embedded in the library.
static XPOS_BYTES: &[u8] = include_bytes!("../../data/models/xpos.bin");

/// The file's magic bytes.
pub(crate) const MAGIC: &[u8; 8] = b"NPXPOS01";

/// The number of keys a token is looked up at.
pub(crate) const LEVELS: usize = 9;

/// The "previous word" of a sentence's first token.
const START: &str = "\u{2}";

/// The table keys of a token (most specific first): its Universal tag `upos` and lower-cased `form`,
/// the previous token's lower-cased form `prev` and tag `prev_upos` (or none at a sentence start).
pub(crate) fn context_keys(upos: Upos, form: &str, prev: Option<(&str, Upos)>) -> [u32; LEVELS] {
    let (pform, pupos) = prev.map_or((START, 255u8), |(f, u)| (f, u as u8));
    let suffix = |n: usize| -> u64 {
        let at = form.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
        fx_hash(&form.as_bytes()[at..])
    };
    // each part hashed once, the keys mixed from them (no text is copied)
    let (f, pf, s1, s2, s3) = (
        fx_hash(form.as_bytes()),
        fx_hash(pform.as_bytes()),
        suffix(1),
        suffix(2),
        suffix(3),
    );
    let pu = u64::from(pupos);
    let key = |level: u64, parts: &[u64]| -> u32 {
        let mut h = (level << 8 | u64::from(upos as u8)).wrapping_mul(FX_K);
        for &p in parts {
            h = (h.rotate_left(23) ^ p).wrapping_mul(FX_K);
        }
        (h ^ h >> 32) as u32
    };
    [
        key(0, &[f, pf]),
        key(1, &[f, pu]),
        key(2, &[f]),
        key(3, &[s2, pf]),
        key(4, &[s3, pu]),
        key(5, &[s3]),
        key(6, &[s2]),
        key(7, &[s1]),
        key(8, &[]),
    ]
}

/// A loaded Penn-tag table.
#[derive(Debug)]
pub(crate) struct PennModel {
    /// The tag names, by number.
    names: Vec<String>,
    /// The entries in an open-addressing table (linear probing, at most half full): key and tag, the
    /// tag [`EMPTY`] in an empty slot.
    slots: Vec<(u32, u8)>,
    /// The table's number of bits.
    bits: u32,
}

/// The tag of an empty slot.
const EMPTY: u8 = 255;

/// The slot of `key` in a table of `1 << bits` slots.
#[inline(always)]
fn slot_of(key: u32, bits: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> (32 - bits)) as usize
}

/// Lays out a table (tag names, and `(key, tag number)` entries) as a model file; entries sorted by key.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) fn encode(names: &[String], entries: &[(u32, u8)]) -> Vec<u8> {
    let mut e = entries.to_vec();
    e.sort_unstable();
    e.dedup_by_key(|x| x.0);
    let mut b = Vec::new();
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&(names.len() as u32).to_le_bytes());
    for n in names {
        let n = &n.as_bytes()[..n.len().min(255)];
        b.push(n.len() as u8);
        b.extend_from_slice(n);
    }
    b.extend_from_slice(&(e.len() as u32).to_le_bytes());
    for (k, t) in e {
        b.extend_from_slice(&k.to_le_bytes());
        b.push(t);
    }
    b
}

impl PennModel {
    /// Reads a model file (`None` if it is not one: a wrong magic, a cut or overlong file, a tag number
    /// past the names, keys out of order).
    pub(crate) fn from_bytes(b: &[u8]) -> Option<PennModel> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = b.get(at..at.checked_add(n)?)?;
            at += n;
            Some(s)
        };
        if take(8)? != MAGIC {
            return None;
        }
        let u32_of = |s: &[u8]| -> Option<u32> { Some(u32::from_le_bytes(s.try_into().ok()?)) };
        let ntags = u32_of(take(4)?)? as usize;
        if ntags == 0 || ntags > usize::from(EMPTY) {
            return None;
        }
        let mut names = Vec::with_capacity(ntags);
        for _ in 0..ntags {
            let len = usize::from(take(1)?[0]);
            names.push(String::from_utf8(take(len)?.to_vec()).ok()?);
        }
        let n = u32_of(take(4)?)? as usize;
        let mut keys = Vec::with_capacity(n.min(b.len() / 5));
        let mut tags = Vec::with_capacity(n.min(b.len() / 5));
        for _ in 0..n {
            let k = u32_of(take(4)?)?;
            let t = take(1)?[0];
            if usize::from(t) >= ntags || keys.last().is_some_and(|&p| p >= k) {
                return None;
            }
            keys.push(k);
            tags.push(t);
        }
        if at != b.len() {
            return None;
        }
        let bits = (2 * keys.len().max(4)).next_power_of_two().trailing_zeros();
        let mut slots = vec![(0u32, EMPTY); 1 << bits];
        let mask = slots.len() - 1;
        for (&k, &t) in keys.iter().zip(&tags) {
            let mut s = slot_of(k, bits);
            while slots[s].1 != EMPTY {
                s = (s + 1) & mask;
            }
            slots[s] = (k, t);
        }
        Some(PennModel { names, slots, bits })
    }

    /// The tag number of `key`, if the table holds it.
    #[inline]
    fn get(&self, key: u32) -> Option<u8> {
        let mask = self.slots.len() - 1;
        let mut s = slot_of(key, self.bits);
        loop {
            match self.slots[s] {
                (_, EMPTY) => return None,
                (k, t) if k == key => return Some(t),
                _ => s = (s + 1) & mask,
            }
        }
    }

    /// The tag number of the first of `keys` that the table holds.
    pub(crate) fn lookup(&self, keys: &[u32; LEVELS]) -> Option<u8> {
        keys.iter().find_map(|&k| self.get(k))
    }

    /// The name of tag number `t`.
    pub(crate) fn name(&self, t: u8) -> Option<&str> {
        self.names.get(usize::from(t)).map(String::as_str)
    }

    /// The Penn tag of every token of `doc` whose Universal tags are `upos` (`None` where the table has
    /// no key of the token, which a table trained on the treebanks never lacks: every Universal tag
    /// alone is a key).
    pub(crate) fn tag(&self, doc: &Doc, upos: &[Upos]) -> Vec<Option<&str>> {
        (0..doc.tokens.len())
            .map(|i| self.lookup(&token_keys(doc, upos, i)).and_then(|n| self.name(n)))
            .collect()
    }
}

/// The table keys of token `i` of `doc` ([`context_keys`]), its sentence's tokens tagged `upos`.
pub(crate) fn token_keys(doc: &Doc, upos: &[Upos], i: usize) -> [u32; LEVELS] {
    let u = upos.get(i).copied().unwrap_or(Upos::X);
    let sentence = doc.tokens.get(i).map(|t| t.sentence);
    let prev = i
        .checked_sub(1)
        .filter(|&p| Some(doc.tokens[p].sentence) == sentence)
        .map(|p| (doc.low(p), upos.get(p).copied().unwrap_or(Upos::X)));
    context_keys(u, doc.low(i), prev)
}

static MODEL: LazyLock<Option<PennModel>> = LazyLock::new(|| PennModel::from_bytes(XPOS_BYTES));

/// The Penn tags of every token of `doc` (tagging it with Universal tags first if no stage has), as
/// the token view gives them; all `None` when no table is built in.
pub(crate) fn penn_tags(doc: &Doc) -> Vec<Option<&'static str>> {
    match MODEL.as_ref() {
        Some(m) => m.tag(doc, doc.tags()),
        None => vec![None; doc.tokens.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(text: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        penn_tags(&doc)
            .into_iter()
            .enumerate()
            .map(|(i, t)| (doc.tok(i).to_string(), t.unwrap_or("-").to_string()))
            .collect()
    }

    fn tag(text: &str, word: &str) -> String {
        tags_of(text)
            .into_iter()
            .find(|(w, _)| w == word)
            .map(|x| x.1)
            .unwrap_or_default()
    }

    #[test]
    fn verbs_take_their_tense_and_form_from_the_word_and_its_left_neighbour() {
        let s = "The minister has said the bridge was closed, and officials say it needs repairs.";
        assert_eq!(tag(s, "said"), "VBN");
        assert_eq!(tag(s, "say"), "VBP");
        assert_eq!(tag(s, "needs"), "VBZ");
        assert_eq!(tag(s, "repairs"), "NNS");
        assert_eq!(tag(s, "has"), "VBZ");
        assert_eq!(tag(s, "The"), "DT");
        assert_eq!(tag(s, ","), ",");
        assert_eq!(tag(s, "."), ".");
        // the same form after a subject is a past tense
        assert_eq!(tag("Okonkwo said the plan failed.", "said"), "VBD");
        assert_eq!(tag("Okonkwo said the plan failed.", "Okonkwo"), "NNP");
    }

    #[test]
    fn every_token_gets_a_tag_of_the_table() {
        let doc = Doc::new("We will not give up in 2019, officials in Tromsø said on Monday.");
        let tags = penn_tags(&doc);
        assert_eq!(tags.len(), doc.tokens.len());
        assert!(tags.iter().all(Option::is_some));
        assert_eq!(tag("We will not give up in 2019.", "will"), "MD");
        assert_eq!(tag("We will not give up in 2019.", "give"), "VB");
        assert_eq!(tag("We will not give up in 2019.", "2019"), "CD");
        assert_ne!(tag("We will not give up in 2019.", "We"), "NNP");
    }

    #[test]
    fn a_damaged_table_is_refused() {
        let names = vec!["NN".to_string(), "VB".to_string()];
        let good = encode(&names, &[(7, 1), (3, 0)]);
        let m = PennModel::from_bytes(&good).expect("reads back");
        let mut keys = [0u32; LEVELS];
        keys[0] = 99;
        keys[4] = 7;
        assert_eq!(m.lookup(&keys).and_then(|t| m.name(t)), Some("VB"));
        keys[4] = 8;
        assert_eq!(m.lookup(&keys), None);
        assert!(PennModel::from_bytes(&good[..good.len() - 1]).is_none());
        let mut long = good.clone();
        long.push(0);
        assert!(PennModel::from_bytes(&long).is_none());
        // a tag number past the names
        let bad = encode(&names, &[(3, 2)]);
        assert!(PennModel::from_bytes(&bad).is_none());
        assert!(PennModel::from_bytes(b"NPXPOS00").is_none());
    }
}
