//! The name model: an averaged perceptron that tags tokens B/I/O over four name types (PER, ORG, LOC
//! and OTH, UNER's class for nationalities, works, events and other names that are no actor), trained
//! on UNER English-EWT (`names_train.rs`, feature `train`) and shipped as `data/models/names.bin`
//! (CC BY-SA 4.0; see `docs/tagger.md`).
//!
//! [`Doc::name_class`] gives every token its tag ([`tag_names`]: greedy, left to right, valid transitions
//! only, the model scoring only the tokens that can open or continue a name); the opt-in token view shows
//! them. The actor stage asks the model about single words only: [`lone_name`] scores a capitalised word
//! that the actor rules could not place, with the two tags before it taken as O (a lone word follows no
//! name). Its features are those the training program decodes with ([`static_features`],
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

/// A feature key: template `t` and the text `s`, hashed to 32 bits (never 0).
fn key_text(t: u8, s: &[u8]) -> u32 {
    mix(crate::lexicon::fx_hash(s), t)
}

/// A feature key: template `t` and the number `n`.
fn key_num(t: u8, n: u64) -> u32 {
    mix(n.wrapping_mul(0x9E37_79B9_7F4A_7C15), t)
}

fn mix(h: u64, t: u8) -> u32 {
    let h = (h ^ u64::from(t).wrapping_mul(0xD6E8_FEB8_6659_FD93)).wrapping_mul(crate::lexicon::FX_K);
    ((h >> 32) as u32) | 1
}

/// The part-of-speech tag of token `k` when its form alone decides it (254 when the context decides,
/// 255 outside the sentence).
fn fixed_pos(doc: &Doc, k: usize) -> u8 {
    doc.context_free_upos(k).map_or(254, |u| u as u8)
}

/// A feature of a token's window, as [`window_features`] gives them: a feature key, or the features of
/// the form of token `k` at window offset `n` (0 to 4 for -2..=+2) that depend on the form alone
/// ([`form_offset_features`]).
enum Window {
    Key(u32),
    Form { k: usize, n: usize },
}

/// Calls `f` with the key of every feature of token `i` (in the sentence of tokens `r`) that does not
/// depend on the previous tags; returns the token's case shape (for [`tag_features`]).
pub(crate) fn static_features(doc: &Doc, r: std::ops::Range<usize>, i: usize, mut f: impl FnMut(u32)) -> u8 {
    f(key_num(0, 0));
    let low = doc.low(i);
    let lex0 = crate::lexicon::actors::lexicon().word_flags(low).0;
    form_features(low, lex0, |k| f(mix(k, 1)));
    window_features(doc, r, i, |w| match w {
        Window::Key(k) => f(k),
        Window::Form { k, n } => form_offset_features(doc, k, n, &mut f),
    })
}

/// The features of token `i`'s window other than its own form's ([`static_features`] adds those, and the
/// bias): for each of the five tokens from -2 to +2 its case shape and, inside the sentence, its form's
/// features at that offset ([`Window::Form`]); the three middle shapes together; the forms at -1 and +1
/// each with the token's shape. Returns the token's case shape.
fn window_features(doc: &Doc, r: std::ops::Range<usize>, i: usize, mut f: impl FnMut(Window)) -> u8 {
    let at = |off: isize| -> Option<usize> {
        let k = i.checked_add_signed(off)?;
        r.contains(&k).then_some(k)
    };
    let mut shapes = [0u8; 5];
    for (n, off) in (-2isize..=2).enumerate() {
        let t = 10 + n as u8;
        match at(off) {
            Some(k) => {
                let s = token_shape(doc, k);
                shapes[n] = s;
                f(Window::Key(key_num(t, u64::from(s))));
                f(Window::Form { k, n });
            }
            None => {
                f(Window::Key(key_num(t, 0)));
                f(Window::Key(key_num(t + 10, 255)));
            }
        }
    }
    let s0 = shapes[2];
    f(Window::Key(key_num(
        50,
        u64::from(shapes[1]) << 8 | u64::from(s0) << 4 | u64::from(shapes[3]),
    )));
    if let Some(k) = at(-1) {
        f(Window::Key(key_text(60 + s0, doc.low(k).as_bytes())));
    }
    if let Some(k) = at(1) {
        f(Window::Key(key_text(70 + s0, doc.low(k).as_bytes())));
    }
    s0
}

/// The features of the form of token `k` at window offset `n` that depend on the form alone: its
/// context-free part-of-speech tag; away from the token itself, the form and, at -1 and +1, its
/// actor-lexicon bits.
fn form_offset_features(doc: &Doc, k: usize, n: usize, f: &mut impl FnMut(u32)) {
    let t = 10 + n as u8;
    f(key_num(t + 10, u64::from(fixed_pos(doc, k))));
    if n != 2 {
        f(key_text(t + 20, doc.low(k).as_bytes()));
    }
    if n == 1 || n == 3 {
        let bits = crate::lexicon::actors::lexicon().word_flags(doc.low(k)).0;
        for bit in 0..12u64 {
            if bits & (1 << bit) != 0 {
                f(key_num(t + 30, bit));
            }
        }
    }
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

    /// Greedy tags of the sentence `r`, valid transitions only, every token scored (what the training
    /// program evaluates).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn tag_sentence(&self, doc: &Doc, r: std::ops::Range<usize>) -> Vec<u8> {
        self.decode(doc, r, |_, _| true, None)
    }

    /// Greedy tags of the sentence `r`, valid transitions only, the form-only features read from `cache`
    /// when it is given; a token for which `scored(token, previous tag)` is false is O without being
    /// scored.
    fn decode(
        &self,
        doc: &Doc,
        r: std::ops::Range<usize>,
        scored: impl Fn(usize, u8) -> bool,
        mut cache: Option<&mut DocNameRows>,
    ) -> Vec<u8> {
        let (mut t1, mut t2) = (START, START);
        let mut out = Vec::with_capacity(r.len());
        for i in r.clone() {
            let c = if scored(i, t1) {
                let s = match cache.as_deref_mut() {
                    Some(c) => self.scores_cached(doc, r.clone(), i, (t1, t2), c),
                    None => self.scores(doc, r.clone(), i, t1, t2),
                };
                best(&s, t1)
            } else {
                O
            };
            out.push(c);
            (t2, t1) = (t1, c);
        }
        out
    }
}

/// The rows of the features of a word form at each of the five window offsets (-2..=+2) that depend on
/// the form alone ([`form_offset_features`], and at the token itself its own form features: form,
/// affixes, spelling shape, lexicon bits). A document sums them once
/// per form ([`DocNameRows`]); a token then adds five of them instead of looking up some forty features.
#[derive(Debug, Clone, Copy)]
struct FormRows([[i32; NCLASS]; 5]);

/// The [`FormRows`] of the forms of one document met so far, by form number ([`Doc::form`]).
#[derive(Debug, Default)]
struct DocNameRows {
    /// For each form number, its index in `rows` (`u32::MAX`: not summed yet).
    slot: Vec<u32>,
    rows: Vec<FormRows>,
}

/// The most forms a thread keeps the [`FormRows`] of (about 3 MB); when full it starts again.
const THREAD_FORMS: usize = 16_384;

/// The [`FormRows`] of the forms a thread has met, across documents (forms repeat from one article to the
/// next): by form key ([`crate::text::form_key`]), with the form itself for the long forms whose key is a
/// hash, and the address of the model they were summed for.
#[derive(Default)]
struct ThreadNameRows {
    model: usize,
    rows: std::collections::HashMap<u64, (Box<str>, FormRows), crate::lexicon::FxBuild>,
}

thread_local! {
    static THREAD_ROWS: std::cell::RefCell<ThreadNameRows> = std::cell::RefCell::default();
}

impl NameModel {
    /// The rows of token `k`'s form at each window offset (see [`FormRows`]); the features are those of
    /// [`static_features`].
    fn form_rows(&self, doc: &Doc, k: usize) -> FormRows {
        let mut rows = FormRows([[0; NCLASS]; 5]);
        for (n, acc) in rows.0.iter_mut().enumerate() {
            form_offset_features(doc, k, n, &mut |key| self.add(key, acc));
        }
        let low = doc.low(k);
        let lex = crate::lexicon::actors::lexicon().word_flags(low).0;
        form_features(low, lex, |key| self.add(mix(key, 1), &mut rows.0[2]));
        rows
    }

    /// [`NameModel::form_rows`] of token `k`'s form, from the thread's cache when it holds them.
    fn thread_form_rows(&self, doc: &Doc, k: usize) -> FormRows {
        let low = doc.low(k);
        let key = crate::text::form_key(low.as_bytes());
        // a long form's key is a hash: the cache keeps such forms' text to confirm a hit
        let long = crate::lexicon::short_key(low.as_bytes()).is_none();
        THREAD_ROWS.with(|cell| {
            let Ok(mut cache) = cell.try_borrow_mut() else {
                return self.form_rows(doc, k);
            };
            let me = std::ptr::from_ref(self) as usize;
            if cache.model != me || cache.rows.len() >= THREAD_FORMS {
                cache.model = me;
                cache.rows.clear();
            }
            if let Some((text, rows)) = cache.rows.get(&key)
                && (!long || &**text == low)
            {
                return *rows;
            }
            let rows = self.form_rows(doc, k);
            let text = if long { low.into() } else { Box::default() };
            cache.rows.insert(key, (text, rows));
            rows
        })
    }

    /// The same scores as [`NameModel::scores`], the form-only features read from `cache`.
    fn scores_cached(
        &self,
        doc: &Doc,
        r: std::ops::Range<usize>,
        i: usize,
        (t1, t2): (u8, u8),
        cache: &mut DocNameRows,
    ) -> [i32; NCLASS] {
        let mut acc = [0i32; NCLASS];
        self.add(key_num(0, 0), &mut acc);
        let shape = window_features(doc, r, i, |w| match w {
            Window::Key(key) => self.add(key, &mut acc),
            Window::Form { k, n } => {
                let f = doc.form(k);
                if cache.slot.len() <= f {
                    // once per document: every form number is below the number of forms
                    cache.slot.resize(doc.forms.len().max(f + 1), u32::MAX);
                }
                if cache.slot[f] == u32::MAX {
                    cache.slot[f] = cache.rows.len() as u32;
                    cache.rows.push(self.thread_form_rows(doc, k));
                }
                let rows = &cache.rows[cache.slot[f] as usize].0[n];
                for (a, &w) in acc.iter_mut().zip(rows) {
                    *a += w;
                }
            }
        });
        tag_features(t1, t2, shape, |k| self.add(k, &mut acc));
        acc
    }
}

#[cfg(test)]
impl NameModel {
    /// [`NameModel::scores_cached`] with a fresh cache.
    pub(crate) fn scores_cached_for_test(
        &self,
        doc: &Doc,
        r: std::ops::Range<usize>,
        i: usize,
        prev: (u8, u8),
    ) -> [i32; NCLASS] {
        self.scores_cached(doc, r, i, prev, &mut DocNameRows::default())
    }
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

/// Whether the name model is asked about token `i` after the tag `prev`: a token inside a name (to
/// continue or close it), or a word that can open one — capitalised, all capitals, not starting with a
/// lower-case letter, or holding a capital after its first letter ("Okonkwo", "NATO", "Tromsø",
/// "al-Qaida", "iPhone"). Any other word, a number or a punctuation mark after O is O: on the bench
/// corpus's first 400 articles this scores a quarter of the tokens and gives the tags of scoring them all
/// but for 11 of 215,829 tokens (names that open with a lower-case word: "southeast Asia", "bin Laden").
fn may_open_or_continue(doc: &Doc, i: usize, prev: u8) -> bool {
    (prev != O && prev != START)
        || match super::features::token_shape(doc, i) {
            4..=7 => true,
            3 => doc.tok(i).bytes().any(|b| b.is_ascii_uppercase()),
            _ => false,
        }
}

/// The name class of every token of `doc` (O, or B or I of a [`NameType`]: see [`NameType::class`]), each
/// sentence decoded greedily with valid transitions, only the tokens that may open or continue a name
/// scored ([`may_open_or_continue`]), the rows of each form's own features summed once per document
/// ([`FormRows`]); every token O when no model is built in. Example: in "Talks led
/// by Amina Okonkwo resumed in Tromsø.", "Amina" is B-PER, "Okonkwo" I-PER and "Tromsø" B-LOC.
pub(crate) fn tag_names(doc: &Doc) -> Vec<u8> {
    let mut out = vec![O; doc.tokens.len()];
    let Some(m) = name_model() else {
        return out;
    };
    let mut cache = DocNameRows::default();
    for s in &doc.sentences {
        let r = s.tokens.clone();
        if r.end > out.len() {
            continue;
        }
        let tags = m.decode(
            doc,
            r.clone(),
            |i, prev| may_open_or_continue(doc, i, prev),
            Some(&mut cache),
        );
        out[r].copy_from_slice(&tags);
    }
    out
}

/// The labels of the name classes 1 to 8, as UNER writes them.
const LABELS: [&str; NCLASS - 1] = ["B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH"];

/// The label of name class `c` ("B-PER"), `None` for O.
pub(crate) fn label(c: u8) -> Option<&'static str> {
    LABELS.get(usize::from(c).checked_sub(1)?).copied()
}

/// Whether `s` is a name tag ("B-PER", "I-OTH"...).
pub(crate) fn is_label(s: &str) -> bool {
    LABELS.contains(&s)
}

impl Doc<'_> {
    /// The name class of token `i` (O past the end), tagging the whole document on first use
    /// ([`tag_names`]).
    pub(crate) fn name_class(&self, i: usize) -> u8 {
        self.name_classes
            .get_or_init(|| tag_names(self))
            .get(i)
            .copied()
            .unwrap_or(O)
    }
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
