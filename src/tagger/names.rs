//! The name model: an averaged perceptron that tags tokens B/I/O over four name types (PER, ORG, LOC
//! and OTH, UNER's class for nationalities, works, events and other names that are no actor), trained
//! on UNER English-EWT (`names_train.rs`, feature `train`) and shipped as `data/models/names.bin`
//! (CC BY-SA 4.0; see `docs/tagger.md`).
//!
//! Two uses: [`lone_name`] scores one token, a capitalised word that the actor rules could not place,
//! with the two tags before it taken as O (a lone word follows no name); [`Doc::name_tag`] gives every
//! token its tag, the model run over each sentence once, on first use (the opt-in token view asks for
//! it), and only near capitalised words ([`NameModel::tag_near_capitals`]). Its features are those the training program decodes with ([`static_features`],
//! [`tag_features`]): the word's form, affixes, spelling shape and actor-lexicon bits; the forms,
//! lexicon bits, case shapes and context-free part-of-speech tags of the ±2 window; the previous tags.
//!
//! File format `NPNAME01` (little endian): magic, `u32` index bits `b`, `u32` number of rows, `f32`
//! scale (quantised units per unit of weight); `2^b` `u32` feature keys (0 = empty slot; linear
//! probing from the key's top `b` bits); `2^b` `u16` row numbers; the rows, [`NCLASS`] `i16` each.
//! Loading copies the three parts into aligned tables once per process.

use std::sync::LazyLock;

use super::features::{form_features, token_shape};
use crate::text::Doc;

/// Tag classes: O, then B and I of PER, ORG, LOC and OTH.
pub(crate) const NCLASS: usize = 9;

/// The O class.
pub(crate) const O: u8 = 0;

/// The "previous tag" before a sentence's first token.
pub(crate) const START: u8 = NCLASS as u8;

/// The magic bytes of the model file.
pub(crate) const MAGIC: &[u8; 8] = b"NPNAME01";

static NAME_BYTES: &[u8] = include_bytes!("../../data/models/names.bin");

/// The four name types of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameType {
    /// A person: "Okonkwo".
    Per,
    /// An organisation: "Ubisoft".
    Org,
    /// A place: "Tromsø".
    Loc,
    /// Any other name (nationalities, works, events, products): not an actor.
    Oth,
}

impl NameType {
    /// Every type, in the order of their classes.
    pub(crate) const ALL: [NameType; 4] = [NameType::Per, NameType::Org, NameType::Loc, NameType::Oth];

    /// The type as UNER writes it ("PER").
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub(crate) fn as_str(self) -> &'static str {
        ["PER", "ORG", "LOC", "OTH"][self as usize]
    }

    /// The class of this type's first (`b`) or following token.
    pub(crate) fn class(self, b: bool) -> u8 {
        1 + 2 * self as u8 + u8::from(!b)
    }

    /// The type of a class (`None` for O and past the end).
    pub(crate) fn of_class(c: u8) -> Option<NameType> {
        NameType::ALL.get((c as usize).checked_sub(1)? / 2).copied()
    }
}

/// Whether class `c` may follow class `prev`: an I tag only continues its own type.
pub(crate) fn allowed(prev: u8, c: u8) -> bool {
    c == O || c % 2 == 1 || (prev != O && prev != START && NameType::of_class(prev) == NameType::of_class(c))
}

/// A feature key: template `t` and the number `n`.
fn key_num(t: u8, n: u64) -> u32 {
    mix(n.wrapping_mul(0x9E37_79B9_7F4A_7C15), t)
}

/// A feature key: template `t` and the hash `h` of a text ([`crate::lexicon::fx_hash`]), in 32 bits
/// (never 0).
fn mix(h: u64, t: u8) -> u32 {
    let h = (h ^ u64::from(t).wrapping_mul(0xD6E8_FEB8_6659_FD93)).wrapping_mul(crate::lexicon::FX_K);
    ((h >> 32) as u32) | 1
}

/// The part-of-speech tag of token `k` when its form alone decides it (254 when the context decides,
/// 255 outside the sentence).
fn fixed_pos(doc: &Doc, k: usize) -> u8 {
    doc.context_free_upos(k).map_or(254, |u| u as u8)
}

/// Calls `f` with the key of every feature of token `i` (in the sentence of tokens `r`) that does not
/// depend on the previous tags; returns the token's case shape (for [`tag_features`]).
pub(crate) fn static_features(doc: &Doc, r: std::ops::Range<usize>, i: usize, mut f: impl FnMut(u32)) -> u8 {
    own_features(doc, i, &mut f);
    context_features(doc, r, i, |k| FormInfo::of(doc, k), f)
}

/// What the window features read of a token's lower-cased form: its hash, its actor-lexicon bits and
/// its context-free part-of-speech tag ([`fixed_pos`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormInfo {
    hash: u64,
    lex: u16,
    pos: u8,
}

impl FormInfo {
    /// The information of token `k`'s form.
    fn of(doc: &Doc, k: usize) -> FormInfo {
        let low = doc.low(k);
        FormInfo {
            hash: crate::lexicon::fx_hash(low.as_bytes()),
            lex: crate::lexicon::actors::lexicon().word_flags(low).0,
            pos: fixed_pos(doc, k),
        }
    }

    /// The information of token `k`'s form, from `cache` (one slot per form of the document) when a
    /// token of the same form was read before. The part-of-speech tag is the form's only for a word
    /// inside its sentence with a part-of-speech model built in ([`Doc::context_free_upos`]): it is read
    /// afresh for a number and when no model is built in.
    fn cached(doc: &Doc, k: usize, cache: &mut [Option<FormInfo>]) -> FormInfo {
        let per_form = doc.tokens[k].kind != crate::text::TokenKind::Number && super::model::upos_model().is_some();
        let Some(slot) = cache.get_mut(doc.form(k)).filter(|_| per_form) else {
            return FormInfo::of(doc, k);
        };
        *slot.get_or_insert_with(|| FormInfo::of(doc, k))
    }
}

/// The part of [`static_features`] that depends on token `i`'s lower-cased form alone: the bias and
/// the form's `form_features` (the same for every token of the form, so [`NameModel::tag_near_capitals`]
/// sums their rows once per form).
fn own_features(doc: &Doc, i: usize, mut f: impl FnMut(u32)) {
    f(key_num(0, 0));
    let low = doc.low(i);
    let lex0 = crate::lexicon::actors::lexicon().word_flags(low).0;
    form_features(low, lex0, |k| f(mix(k, 1)));
}

/// The rest of [`static_features`]: the ±2 window's shapes, tags, forms and lexicon bits.
/// `info` gives the [`FormInfo`] of a token of the sentence.
fn context_features(
    doc: &Doc,
    r: std::ops::Range<usize>,
    i: usize,
    mut info: impl FnMut(usize) -> FormInfo,
    mut f: impl FnMut(u32),
) -> u8 {
    let at = |off: isize| -> Option<usize> {
        let k = i.checked_add_signed(off)?;
        r.contains(&k).then_some(k)
    };
    let mut shapes = [0u8; 5];
    let mut hashes = [0u64; 5];
    for (n, off) in (-2isize..=2).enumerate() {
        let t = 10 + n as u8;
        match at(off) {
            Some(k) => {
                let s = token_shape(doc, k);
                shapes[n] = s;
                let fi = info(k);
                hashes[n] = fi.hash;
                f(key_num(t, u64::from(s)));
                f(key_num(t + 10, u64::from(fi.pos)));
                if off != 0 {
                    f(mix(fi.hash, t + 20));
                }
                if off == -1 || off == 1 {
                    let bits = fi.lex;
                    for bit in 0..12u64 {
                        if bits & (1 << bit) != 0 {
                            f(key_num(t + 30, bit));
                        }
                    }
                }
            }
            None => {
                f(key_num(t, 0));
                f(key_num(t + 10, 255));
            }
        }
    }
    let s0 = shapes[2];
    f(key_num(
        50,
        u64::from(shapes[1]) << 8 | u64::from(s0) << 4 | u64::from(shapes[3]),
    ));
    if at(-1).is_some() {
        f(mix(hashes[1], 60 + s0));
    }
    if at(1).is_some() {
        f(mix(hashes[3], 70 + s0));
    }
    s0
}

/// Calls `f` with the keys of the features of the previous tags `t1` (just before) and `t2`.
pub(crate) fn tag_features(t1: u8, t2: u8, shape: u8, mut f: impl FnMut(u32)) {
    f(key_num(80, u64::from(t1)));
    f(key_num(81, u64::from(t2) << 8 | u64::from(t1)));
    f(key_num(82, u64::from(t1) << 8 | u64::from(shape)));
}

/// A loaded name model: the file's feature index and rows, copied once into aligned tables (about
/// 0.6 MB, a few hundred thousand instructions at load).
#[derive(Debug)]
pub(crate) struct NameModel {
    bits: u32,
    /// Feature key of each slot (0: empty).
    keys: Vec<u32>,
    /// Row number of each slot.
    slot_rows: Vec<u16>,
    rows: Vec<[i16; NCLASS]>,
    /// Quantised units per unit of weight.
    pub(crate) scale: f32,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl NameModel {
    /// Reads a model file (`None` if it is empty or malformed).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<NameModel> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let bits = u32_at(bytes, 8)?;
        let nrows = u32_at(bytes, 12)? as usize;
        let scale = f32::from_bits(u32_at(bytes, 16)?);
        if !(4..=24).contains(&bits) || !scale.is_finite() || scale <= 0.0 {
            return None;
        }
        let slots = 1usize << bits;
        let keys_at = 20;
        let rows_index_at = keys_at + 4 * slots;
        let rows_at = rows_index_at + 2 * slots;
        if bytes.len() != rows_at + nrows * NCLASS * 2 {
            return None;
        }
        let keys: Vec<u32> = bytes[keys_at..rows_index_at]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let slot_rows: Vec<u16> = bytes[rows_index_at..rows_at]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let rows: Vec<[i16; NCLASS]> = bytes[rows_at..]
            .chunks_exact(NCLASS * 2)
            .map(|c| std::array::from_fn(|k| i16::from_le_bytes([c[2 * k], c[2 * k + 1]])))
            .collect();
        // every used slot must point inside the rows, and some slot must be empty (probes end)
        if keys
            .iter()
            .zip(&slot_rows)
            .any(|(&k, &r)| k != 0 && usize::from(r) >= nrows)
            || !keys.contains(&0)
        {
            return None;
        }
        Some(NameModel {
            bits,
            keys,
            slot_rows,
            rows,
            scale,
        })
    }

    /// Adds the row of feature `key` (if the model has it) to `acc`.
    #[inline]
    pub(crate) fn add(&self, key: u32, acc: &mut [i32; NCLASS]) {
        let mask = self.keys.len() - 1;
        let mut s = (key >> (32 - self.bits)) as usize;
        loop {
            let k = self.keys[s];
            if k == key {
                let row = &self.rows[usize::from(self.slot_rows[s])];
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
                return;
            }
            if k == 0 {
                return;
            }
            s = (s + 1) & mask;
        }
    }

    /// The scores of every class at token `i` of the sentence `r`, after the tags `t1` and `t2`.
    pub(crate) fn scores(&self, doc: &Doc, r: std::ops::Range<usize>, i: usize, t1: u8, t2: u8) -> [i32; NCLASS] {
        let mut acc = [0i32; NCLASS];
        let shape = static_features(doc, r, i, |k| self.add(k, &mut acc));
        tag_features(t1, t2, shape, |k| self.add(k, &mut acc));
        acc
    }

    /// Greedy tags of the sentence `r`, valid transitions only (what the training program evaluates).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn tag_sentence(&self, doc: &Doc, r: std::ops::Range<usize>) -> Vec<u8> {
        let (mut t1, mut t2) = (START, START);
        let mut out = Vec::with_capacity(r.len());
        for i in r.clone() {
            let s = self.scores(doc, r.clone(), i, t1, t2);
            let c = best(&s, t1);
            out.push(c);
            (t2, t1) = (t1, c);
        }
        out
    }
}

impl NameModel {
    /// The greedy tags of the sentence `r` (those of [`NameModel::tag_sentence`], valid transitions only,
    /// the real previous tags as features), appended to `out`, scoring only the tokens near a
    /// capitalised word: a token is scored when it or the next token is a word with a capital letter
    /// ([`may_be_named`]) or when the tag before it is not O (a name may go on: "Bank of England");
    /// every other token is O unscored. In "The bridge was inspected by Okonkwo in 2019." only "The"
    /// (a capital), "by" (before one), "Okonkwo" and "in" (if "Okonkwo" is tagged a name) are scored.
    /// Where scoring would have tagged a skipped token, the two differ: a lower-case word far from any
    /// capital that the model would call a name (see `docs/tagger.md`).
    /// `own` holds, for each of the document's forms, the summed rows of its [`own_features`] once
    /// computed, and `forms` its [`FormInfo`] (the same scores, fewer lookups and hashes: forms repeat).
    pub(crate) fn tag_near_capitals(
        &self,
        doc: &Doc,
        r: std::ops::Range<usize>,
        own: &mut [Option<[i32; NCLASS]>],
        forms: &mut [Option<FormInfo>],
        out: &mut Vec<u8>,
    ) {
        let (mut t1, mut t2) = (START, START);
        for i in r.clone() {
            let near = (t1 != O && t1 != START) || may_be_named(doc, i) || i + 1 < r.end && may_be_named(doc, i + 1);
            let c = if near {
                let own = match own.get_mut(doc.form(i)) {
                    Some(Some(row)) => *row,
                    slot => {
                        let mut row = [0i32; NCLASS];
                        own_features(doc, i, |k| self.add(k, &mut row));
                        if let Some(s) = slot {
                            *s = Some(row);
                        }
                        row
                    }
                };
                let mut acc = own;
                let info = |k| FormInfo::cached(doc, k, forms);
                let shape = context_features(doc, r.clone(), i, info, |k| self.add(k, &mut acc));
                tag_features(t1, t2, shape, |k| self.add(k, &mut acc));
                best(&acc, t1)
            } else {
                O
            };
            out.push(c);
            (t2, t1) = (t1, c);
        }
    }
}

/// Whether token `i` is a word with a capital letter ("Okonkwo", "NATO", "The", "iPhone"): the words
/// near which [`NameModel::tag_near_capitals`] scores tokens.
pub(crate) fn may_be_named(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].is_word() && doc.tok(i).chars().any(char::is_uppercase)
}

/// The class `c` as the token view writes it: "O", "B-PER", "I-PER", "B-ORG"... ("O" past the end).
pub(crate) fn class_name(c: u8) -> &'static str {
    const NAMES: [&str; NCLASS] = [
        "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH",
    ];
    NAMES.get(usize::from(c)).copied().unwrap_or("O")
}

impl Doc<'_> {
    /// The name class of token `i` ([`O`], or a B or I class of a [`NameType`]; O past the end and
    /// when no model is built in). The first call tags every sentence of the document with
    /// [`NameModel::tag_near_capitals`] and keeps the tags; a parse that never asks pays nothing.
    /// Example: in "Officials in Tromsø rejected it.", "Tromsø" is B-LOC and the other tokens O.
    pub(crate) fn name_tag(&self, i: usize) -> u8 {
        self.names.get_or_init(|| tag_names(self)).get(i).copied().unwrap_or(O)
    }
}

/// The name class of every token of `doc` (see [`Doc::name_tag`]): O outside the sentences and
/// everywhere when no model is built in.
pub(crate) fn tag_names(doc: &Doc) -> Vec<u8> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    let Some(m) = name_model() else {
        out.resize(doc.tokens.len(), O);
        return out;
    };
    let mut own = vec![None; doc.forms.len()];
    let mut forms = vec![None; doc.forms.len()];
    for s in &doc.sentences {
        // sentences are in order and cover the tokens; any gap is O
        out.resize(s.tokens.start.max(out.len()), O);
        if s.tokens.start == out.len() {
            m.tag_near_capitals(doc, s.tokens.clone(), &mut own, &mut forms, &mut out);
        }
    }
    out.resize(doc.tokens.len(), O);
    out.truncate(doc.tokens.len());
    out
}

/// The best class after `prev` (ties to the lowest class).
pub(crate) fn best(s: &[i32; NCLASS], prev: u8) -> u8 {
    let mut b = O;
    for c in 1..NCLASS as u8 {
        if allowed(prev, c) && s[c as usize] > s[b as usize] {
            b = c;
        }
    }
    b
}

static MODEL: LazyLock<Option<NameModel>> = LazyLock::new(|| NameModel::from_bytes(NAME_BYTES));

/// The name model built into the library (`None` if the embedded file is empty or unreadable).
pub(crate) fn name_model() -> Option<&'static NameModel> {
    MODEL.as_ref()
}

/// What the name model says of a lone capitalised word at token `i`, the tokens before it taken as
/// outside any name: the scores of O and of the first token of each type ([`NameType::ALL`] order), in
/// units of weight, or `None` when no model is built in. Example: in "…floated by Okonkwo in 2019, and
/// officials in Tromsø rejected it.", "Okonkwo" scores best as PER and "Tromsø" as LOC.
pub(crate) fn lone_name(doc: &Doc, i: usize) -> Option<(f32, [f32; 4])> {
    let m = name_model()?;
    let t = doc.tokens.get(i)?;
    let r = doc.sentences.get(t.sentence as usize)?.tokens.clone();
    if !r.contains(&i) {
        return None;
    }
    let t1 = if i > r.start { O } else { START };
    let t2 = if i > r.start + 1 { O } else { START };
    let s = m.scores(doc, r, i, t1, t2);
    let unit = |c: u8| s[c as usize] as f32 / m.scale;
    Some((unit(O), NameType::ALL.map(|ty| unit(ty.class(true)))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up news with names no lexicon knows, lower-case stretches and a title.
    const NEWS: &str = "Ferry talks stall in Kastellorizo\n\n\
        The ferry operator Vantrelo Lines said on Monday that talks with the port authority of \
        Kastellorizo had stalled. \u{201C}We will not give up,\u{201D} said Amara Okonkwo, who heads the \
        Bank of Eastern Thessaly. Officials in Tromsø rejected the plan, and the union warned that \
        fares could rise by a third before the summer. Negotiators from Zelvia and the Marenko \
        Foundation are due back next week, according to a statement posted on the NATO website.";

    /// Every token's tag with every token scored (the training program's decoding).
    fn scored_everywhere(doc: &Doc) -> Vec<u8> {
        let m = name_model().expect("the name model is built in");
        doc.sentences
            .iter()
            .flat_map(|s| m.tag_sentence(doc, s.tokens.clone()))
            .collect()
    }

    fn tags(doc: &Doc) -> Vec<u8> {
        (0..doc.tokens.len()).map(|i| doc.name_tag(i)).collect()
    }

    #[test]
    fn scoring_near_capitals_gives_the_tags_of_scoring_every_token() {
        let doc = Doc::new(NEWS);
        let near = tags(&doc);
        assert_eq!(near, scored_everywhere(&doc));
        // and it found names: a person, a place, an organisation
        let tag_of = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.tok(i) == w)
                .map(|i| class_name(near[i]))
        };
        assert_eq!(tag_of("Okonkwo"), Some("I-PER"));
        assert_eq!(tag_of("Tromsø"), Some("B-LOC"));
        assert_eq!(tag_of("rejected"), Some("O"));
        assert!(near.iter().filter(|&&c| c != O).count() >= 8);
    }

    #[test]
    fn words_far_from_capitals_are_o_unscored() {
        // no capital at all: nothing is scored, every token is O
        let doc = Doc::new("the union warned that fares could rise by a third before the summer.");
        assert!(tags(&doc).iter().all(|&c| c == O));
        assert!(!(0..doc.tokens.len()).any(|i| may_be_named(&doc, i)));
        assert!(may_be_named(&Doc::new("NATO"), 0));
        assert!(may_be_named(&Doc::new("iPhone"), 0));
        assert!(!may_be_named(&Doc::new("2019"), 0));
    }

    #[test]
    fn an_i_tag_only_continues_its_own_type() {
        let per = |b| NameType::Per.class(b);
        let org = |b| NameType::Org.class(b);
        for t in NameType::ALL {
            let i = t.class(false);
            assert!(!allowed(O, i) && !allowed(START, i), "{}", class_name(i));
            assert!(allowed(t.class(true), i) && allowed(i, i));
            assert!(allowed(O, t.class(true)) && allowed(START, t.class(true)));
        }
        assert!(!allowed(per(true), org(false)) && !allowed(org(false), per(false)));
        assert!(allowed(per(false), O) && allowed(per(false), org(true)));
        // the decoder keeps to it even when the I class scores best
        let mut s = [0i32; NCLASS];
        s[usize::from(org(false))] = 100;
        s[usize::from(per(true))] = 10;
        assert_eq!(best(&s, O), per(true));
        assert_eq!(best(&s, START), per(true));
        assert_eq!(best(&s, per(true)), per(true));
        assert_eq!(best(&s, org(true)), org(false));
    }

    #[test]
    fn every_sentence_decodes_to_valid_transitions() {
        let hostile = "Of Of Of The The NATO NATO of of Bank Bank of of \u{201C}A\u{201D} B. C. D.             al-Assad al-Assad O'Neill McDonald's iPhone eBay X Y Z.";
        for text in [NEWS, hostile] {
            let doc = Doc::new(text);
            let t = tags(&doc);
            assert_eq!(t.len(), doc.tokens.len());
            for s in &doc.sentences {
                let mut prev = START;
                for &c in &t[s.tokens.clone()] {
                    assert!(
                        usize::from(c) < NCLASS && allowed(prev, c),
                        "{} after {prev}",
                        class_name(c)
                    );
                    prev = c;
                }
            }
        }
    }

    #[test]
    fn name_tags_are_deterministic() {
        let first = tags(&Doc::new(NEWS));
        // a fresh document, another thread, another order of questions: the same tags
        let other = std::thread::spawn(|| {
            let doc = Doc::new(NEWS);
            let mut v: Vec<u8> = (0..doc.tokens.len()).rev().map(|i| doc.name_tag(i)).collect();
            v.reverse();
            v
        })
        .join()
        .unwrap();
        assert_eq!(first, other);
        assert_eq!(tags(&Doc::new(NEWS)), first);
        assert_eq!(Doc::new("").name_tag(0), O);
    }

    /// The measurement in docs/tagger.md: on the bench corpus (1.08 M tokens) scoring near capitals
    /// gives the tags of scoring every token but for 3 lower-case words ("exile", "port", "frank").
    #[test]
    #[ignore = "reads the bench corpus in ../shared"]
    fn bench_corpus_near_capitals_against_everywhere() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bench/voa_news.jsonl");
        let data = std::fs::read_to_string(path).unwrap();
        let (mut tokens, mut differ) = (0, 0);
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let doc = Doc::new(v["text"].as_str().unwrap());
            let all = scored_everywhere(&doc);
            tokens += all.len();
            for (i, (a, b)) in all.iter().zip(tags(&doc)).enumerate() {
                if *a != b {
                    differ += 1;
                    eprintln!(
                        "{}: {} scored, {} near capitals",
                        doc.tok(i),
                        class_name(*a),
                        class_name(b)
                    );
                }
            }
        }
        eprintln!("tokens {tokens}, differ {differ}");
        assert!(differ * 10_000 < tokens);
    }
}
