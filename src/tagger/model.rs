//! The part-of-speech model: its file format, its loading and the decoder.
//!
//! The file (`data/models/upos.bin`, written by the training program with [`encode`], little-endian) is
//! laid out so that the tagger reads the feature weights where they lie in the embedded bytes: loading
//! copies only the small tables of case shapes, transitions and classes.
//! - the magic `NPUPOS05`, then six `u32`: the number of features, the number of index bits `b`, the
//!   number of feature rows, the number of dictionary forms, the number of dictionary bits `d` and the
//!   number of fine classes `F` (at least [`CLASSES`]: the ambiguity classes, then the frequent
//!   ambiguous forms that have a class of their own);
//! - the case-shape table: one row of [`NTAGS`] `i16` scores per triple of case shapes (previous,
//!   current, next token; [`SHAPES`]³ rows);
//! - the transition table: one `i16` row per pair of previous tags ((`NTAGS` + 1)², the extra tag being
//!   "before the sentence");
//! - the class table: one row of `NTAGS` `i8` (in units of [`FEATURE_STEP`]) per previous tag and fine
//!   class of the token ((`NTAGS` + 1) × `F`);
//! - the class-pair table: one `i8` row per fine class of the token ([`fine_pair`]: the ambiguity
//!   classes by [`pair_class`], then the forms of their own) and ambiguity class of the next one
//!   ([`PAIR_CLASSES`]; [`pair_rows`] rows);
//! - the feature index: `2^b` slots of two `u32`, a feature's 32-bit key ([`key32`]) and its entry
//!   (0: an empty slot; otherwise its first weight row in the low 27 bits and, in the top five bits, the
//!   window offsets, -2..=+2, it has a row for). A feature is looked up at slot
//!   `key × FX_K >> (64 - b)` and the slots after it (open addressing, linear probing, never full);
//! - the feature rows: `NTAGS` `i8` each, in units of [`FEATURE_STEP`], a feature's rows in a run, by
//!   offset;
//! - the dictionary: `2^d` slots of ten bytes, read where they lie: a check of the form's key (a `u32`,
//!   0 for an empty slot; [`dict_check`] of [`form_key`]), the tag that the training data always gives
//!   the form ([`NOT_FIXED`] if none), its ambiguity class (0 for none), its fine class (`u16`), its
//!   capitalisation bucket and its word cluster in unlabeled text (0 for none; see `unlabeled.rs`). A
//!   form is looked up at slot `form_key × FX_K >> (64 - d)` and the slots after it. A form's ambiguity
//!   class, capitalisation bucket and cluster are also features of the form ([`class_feature`],
//!   [`cap_feature`], [`cluster_feature`]).
//!
//! The scores of a form (its [`Block`]: the sum of its features' rows at each offset) are summed the
//! first time a thread meets the form and kept in a per-thread cache ([`FormCache`]); a document keeps,
//! for each of its forms ([`Doc::form`]), where the cache holds its block.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::Upos;
use super::features::{
    CLASSES, LANES, NTAGS, OFFSETS, PAIR_CLASSES, SHAPES, cap_feature, class_feature, cluster_feature, form_features,
    key32, pair_class, token_shape,
};
use crate::lexicon::FX_K;
use crate::text::{Doc, Token, TokenKind, form_key};

/// The model file embedded in the library.
static UPOS_BYTES: &[u8] = include_bytes!("../../data/models/upos.bin");

/// The file's magic bytes.
pub(crate) const MAGIC: &[u8; 8] = b"NPUPOS05";

/// Bytes of a weight row in the file.
const ROW_BYTES: usize = 2 * NTAGS;

/// Bytes of a feature's weight row in the file: `NTAGS` `i8`, in steps of [`FEATURE_STEP`].
const FEATURE_ROW_BYTES: usize = NTAGS;

/// The score of one unit of a feature row's `i8` weights.
pub(crate) const FEATURE_STEP: i16 = 16;

/// The entry bits holding a feature's first row (the top five hold its offsets).
const FIRST_ROW: u32 = (1 << 27) - 1;

/// The most index bits a file may declare.
const MAX_INDEX_BITS: u32 = 26;

/// The most fine classes a file may declare.
const MAX_FINE: usize = 4_096;

/// The row of the class-pair table for fine class `fine`: the ambiguity classes by [`pair_class`], a
/// form of its own after them.
#[inline(always)]
pub(crate) fn fine_pair(fine: u16) -> usize {
    match fine.checked_sub(CLASSES as u16) {
        Some(own) => PAIR_CLASSES + usize::from(own),
        None => pair_class(fine as u8),
    }
}

/// The number of rows of the class-pair table for `nfine` fine classes.
pub(crate) fn pair_rows(nfine: usize) -> usize {
    (PAIR_CLASSES + nfine.saturating_sub(CLASSES)) * PAIR_CLASSES
}

/// A row of tag scores.
pub(crate) type Row = [i16; LANES];

/// The scores a form gives each tag at each window offset.
pub(crate) type Block = [Row; OFFSETS];

/// "No fixed tag".
pub(crate) const NOT_FIXED: u8 = 255;

/// The tag index standing for "before the sentence" in the transition table.
pub(crate) const START: usize = NTAGS;

const ZERO_BLOCK: Block = [[0; LANES]; OFFSETS];

/// The slot of 64-bit `key` in a table of `1 << bits` slots.
#[inline(always)]
fn slot_of(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(FX_K) >> (64 - bits)) as usize
}

/// An open-addressing table from non-zero `u64` keys to `u32` values, at most half full.
#[derive(Debug, Default)]
struct Table {
    keys: Vec<u64>,
    vals: Vec<u32>,
    bits: u32,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let bits = (2 * n.max(8)).next_power_of_two().trailing_zeros();
        Table {
            keys: vec![0; 1 << bits],
            vals: vec![0; 1 << bits],
            bits,
        }
    }

    /// Inserts `k` (non-zero) unless present; returns its value.
    fn insert(&mut self, k: u64, v: u32) -> u32 {
        let mask = self.keys.len() - 1;
        let mut s = slot_of(k, self.bits);
        loop {
            match self.keys[s] {
                0 => {
                    self.keys[s] = k;
                    self.vals[s] = v;
                    return v;
                }
                x if x == k => return self.vals[s],
                _ => s = (s + 1) & mask,
            }
        }
    }
}

/// The weights of a model before they are laid out in a file: what the training program produces.
#[derive(Debug, Default, Clone, PartialEq)]
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) struct Weights {
    /// [`SHAPES`]³ rows, by the case shapes of the previous, current and next tokens.
    pub shape: Vec<[i16; NTAGS]>,
    /// (`NTAGS` + 1)² rows, by the two previous tags.
    pub trans: Vec<[i16; NTAGS]>,
    /// The number of fine classes: the [`CLASSES`] ambiguity classes, then the frequent ambiguous forms
    /// that have a class of their own.
    pub nfine: usize,
    /// (`NTAGS` + 1) × `nfine` rows, by the previous tag and the token's fine class (in units of
    /// [`FEATURE_STEP`]).
    pub ctrans: Vec<[i8; NTAGS]>,
    /// [`pair_rows`] rows, by the fine class of the token ([`fine_pair`]) and the ambiguity class of the
    /// next one ([`pair_class`]; in units of [`FEATURE_STEP`]).
    pub cpair: Vec<[i8; NTAGS]>,
    /// Feature rows: the feature's 32-bit key, its offset (0 to 4 for -2..=+2) and its scores in units of
    /// [`FEATURE_STEP`]. Two rows of one key and offset add up (saturating).
    pub feats: Vec<(u32, u8, [i8; NTAGS])>,
    /// The forms (lower-cased) of the tag dictionary: the tag the form always takes ([`NOT_FIXED`] if
    /// none), its ambiguity class, its fine class and its statistics from unlabeled text.
    pub fixed: Vec<(String, Entry)>,
}

/// Lays out `w` as a model file (the format in the module documentation). Deterministic: the features
/// keep the order of their first row, so the same weights give the same bytes.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) fn encode(w: &Weights) -> Vec<u8> {
    // the rows of every key, by offset, keys in order of first appearance
    let mut order: Vec<u32> = Vec::new();
    let mut rows_of: std::collections::HashMap<u32, [Option<[i8; NTAGS]>; OFFSETS]> = Default::default();
    for &(k, o, row) in &w.feats {
        let o = usize::from(o);
        if o >= OFFSETS {
            continue;
        }
        let e = rows_of.entry(k).or_insert_with(|| {
            order.push(k);
            [None; OFFSETS]
        });
        let r = e[o].get_or_insert([0; NTAGS]);
        for (x, y) in r.iter_mut().zip(row) {
            *x = x.saturating_add(y);
        }
    }
    let bits = (order.len() + order.len() / 2 + 1)
        .max(8)
        .next_power_of_two()
        .trailing_zeros();
    let mut slots = vec![(0u32, 0u32); 1 << bits];
    let mut rows: Vec<[i8; NTAGS]> = Vec::new();
    for &k in &order {
        let first = rows.len() as u32;
        let mut mask = 0u32;
        for (o, r) in rows_of[&k].iter().enumerate() {
            if let Some(r) = r {
                mask |= 1 << o;
                rows.push(*r);
            }
        }
        let mut s = slot_of(u64::from(k), bits);
        while slots[s].1 != 0 {
            s = (s + 1) & ((1 << bits) - 1);
        }
        slots[s] = (k, mask << 27 | first);
    }
    let mut b = Vec::new();
    b.extend_from_slice(MAGIC);
    // the dictionary: open addressing at most two thirds full, in the order of `w.fixed`
    let dict_bits = (w.fixed.len() + w.fixed.len() / 2 + 1)
        .max(8)
        .next_power_of_two()
        .trailing_zeros();
    let mut dict = vec![(0u32, Entry::default()); 1 << dict_bits];
    for (form, e) in &w.fixed {
        let fk = form_key(form.as_bytes());
        let mut s = slot_of(fk, dict_bits);
        while dict[s].0 != 0 {
            s = (s + 1) & ((1 << dict_bits) - 1);
        }
        dict[s] = (dict_check(fk), *e);
    }
    for n in [
        order.len(),
        bits as usize,
        rows.len(),
        w.fixed.len(),
        dict_bits as usize,
        w.nfine,
    ] {
        b.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for row in w.shape.iter().chain(&w.trans) {
        for x in row {
            b.extend_from_slice(&x.to_le_bytes());
        }
    }
    for row in w.ctrans.iter().chain(&w.cpair) {
        b.extend(row.iter().map(|&x| x as u8));
    }
    for (k, e) in slots {
        b.extend_from_slice(&k.to_le_bytes());
        b.extend_from_slice(&e.to_le_bytes());
    }
    for row in &rows {
        b.extend(row.iter().map(|&x| x as u8));
    }
    for (check, e) in dict {
        b.extend_from_slice(&check.to_le_bytes());
        b.push(e.tag);
        b.push(e.class);
        b.extend_from_slice(&e.fine.to_le_bytes());
        b.push(e.cap);
        b.push(e.cluster);
    }
    b
}

/// Bytes of a dictionary slot: the check, the tag, the classes (one byte, two bytes), the bucket and the
/// cluster.
const DICT_SLOT: usize = 10;

/// The check a dictionary slot keeps of form key `fk` (the slot is found from the top bits of the same
/// product; never 0, which marks an empty slot).
#[inline(always)]
fn dict_check(fk: u64) -> u32 {
    (fk.wrapping_mul(FX_K) as u32).max(1)
}

/// What the model's dictionary knows of a form.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The tag the form always takes ([`NOT_FIXED`] if none).
    pub tag: u8,
    /// Its ambiguity class (0 for none).
    pub class: u8,
    /// Its fine class: its ambiguity class or a class of its own.
    pub fine: u16,
    /// How often unlabeled text writes it capitalised inside a sentence (0: unknown; see
    /// [`cap_feature`]).
    pub cap: u8,
    /// Its distributional cluster in unlabeled text (0: none; see [`cluster_feature`]).
    pub cluster: u8,
}

/// The entry of a form the dictionary does not hold.
const NO_ENTRY: Entry = Entry {
    tag: NOT_FIXED,
    class: 0,
    fine: 0,
    cap: 0,
    cluster: 0,
};

/// A loaded part-of-speech model: the file's bytes, read where they lie, and two small tables.
#[derive(Debug)]
pub(crate) struct Model {
    /// The model file.
    bytes: Cow<'static, [u8]>,
    /// Scores by the case shapes of the previous, current and next tokens (padding lanes `i16::MIN`).
    shape: Vec<Row>,
    /// Scores by the two previous tags.
    trans: Vec<Row>,
    /// The number of fine classes.
    nfine: usize,
    /// Scores by the previous tag and the token's fine class.
    ctrans: Vec<Row>,
    /// Scores by the fine class of the token ([`fine_pair`]) and the ambiguity class of the next one.
    cpair: Vec<Row>,
    /// Where the feature index starts in `bytes`, and its number of bits.
    index_at: usize,
    index_bits: u32,
    /// Where the weight rows start in `bytes`.
    rows_at: usize,
    /// Where the dictionary starts in `bytes`, and its number of bits.
    dict_at: usize,
    dict_bits: u32,
    /// A number of its own (for [`FormCache`]).
    id: u64,
}

/// The most forms a [`FormCache`] keeps before it starts again (8 MB of blocks).
const CACHE_FORMS: usize = 32_768;

/// Numbers the form caches and their restarts: a document's record of where the cache holds its forms
/// is good only for the cache (and the restart) it was made with.
static EPOCHS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The blocks of the forms that a thread has tagged, across documents (forms recur from article to
/// article), for one model. A block depends only on the form, so the cache changes no tag. Slot 0 is
/// the zero block standing for the tokens outside the sentence.
struct FormCache {
    model: u64,
    epoch: u64,
    index: Table,
    blocks: Vec<Block>,
    fixed: Vec<u8>,
    class: Vec<u8>,
    fine: Vec<u16>,
}

impl FormCache {
    /// A cache for up to `forms` forms.
    fn new(forms: usize) -> FormCache {
        let mut c = FormCache {
            model: u64::MAX,
            epoch: 0,
            index: Table::with_capacity(forms),
            // reserved whole (pages are touched as the cache fills), so that it never grows by copying
            blocks: Vec::with_capacity(forms + 1),
            fixed: Vec::with_capacity(forms + 1),
            class: Vec::with_capacity(forms + 1),
            fine: Vec::with_capacity(forms + 1),
        };
        c.restart(u64::MAX);
        c
    }

    /// Empties the cache, for `model`, under a new epoch.
    fn restart(&mut self, model: u64) {
        self.model = model;
        self.epoch = EPOCHS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.index.keys.fill(0);
        self.blocks.clear();
        self.fixed.clear();
        self.class.clear();
        self.fine.clear();
        self.blocks.push(ZERO_BLOCK);
        self.fixed.push(NOT_FIXED);
        self.class.push(0);
        self.fine.push(0);
    }

    /// Ready for `n` more forms of `model`: restarted if it belongs to another model or could fill up.
    fn prepare(&mut self, model: u64, n: usize) {
        if self.model != model || self.blocks.len() + n > CACHE_FORMS {
            self.restart(model);
        }
    }

    /// The slot of the lower-cased form `w`, its block summed by `m` if it is new.
    fn slot(&mut self, m: &Model, w: &str) -> u32 {
        let key = form_key(w.as_bytes());
        let k = self.blocks.len() as u32;
        let v = self.index.insert(key, k);
        if v == k {
            let lex = crate::lexicon::actors::lexicon();
            let e = m.entry(key);
            self.blocks.push(ZERO_BLOCK);
            if let Some(b) = self.blocks.last_mut() {
                m.block_into(b, w, lex.word_flags(w).0, &e);
            }
            self.fixed.push(e.tag);
            self.class.push(e.class);
            self.fine.push(e.fine);
        }
        v
    }
}

thread_local! {
    static FORM_CACHE: std::cell::RefCell<FormCache> = std::cell::RefCell::new(FormCache::new(CACHE_FORMS));
}

/// Where a thread's [`FormCache`] holds the block of each form of one document (`u32::MAX`: not
/// looked up yet), valid for the cache epoch it was filled under.
#[derive(Debug, Default)]
pub(crate) struct DocForms {
    epoch: u64,
    slots: Vec<u32>,
}

/// Numbers the models as they load.
static MODEL_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The lane-by-lane sum of nine rows (one pass of whole vectors: three 8-lane vectors, nine loads
/// and eight additions each).
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn sum9(r: [&Row; 9]) -> Row {
    let mut acc = [0i16; LANES];
    for k in 0..LANES {
        acc[k] = r[0][k]
            .wrapping_add(r[1][k])
            .wrapping_add(r[2][k])
            .wrapping_add(r[3][k])
            .wrapping_add(r[4][k])
            .wrapping_add(r[5][k])
            .wrapping_add(r[6][k])
            .wrapping_add(r[7][k])
            .wrapping_add(r[8][k]);
    }
    acc
}

/// Adds a row of the file (`NTAGS` little-endian `i16`) to `a`.
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn add_le(a: &mut Row, b: &[u8; ROW_BYTES]) {
    // indexed so that the compiler sees whole vectors (two 8-lane loads and additions and one lane)
    for k in 0..NTAGS {
        a[k] = a[k].wrapping_add(i16::from_le_bytes([b[2 * k], b[2 * k + 1]]));
    }
}

/// Adds a feature row of the file (`NTAGS` `i8`, in units of [`FEATURE_STEP`]) to `a`.
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn add_steps(a: &mut Row, b: &[u8; FEATURE_ROW_BYTES]) {
    for k in 0..NTAGS {
        a[k] = a[k].wrapping_add(i16::from(b[k] as i8) * FEATURE_STEP);
    }
}

/// The largest absolute score of a form's block at one offset: five blocks plus the shape and transition
/// rows (each at most [`BLOCK_MAX`] / 2 after training's scaling) stay inside `i16`.
pub(crate) const BLOCK_MAX: i32 = 5_400;

/// The best tag of a score row (the first on ties; the padding lanes hold `i16::MIN` and never win
/// unless every lane does, when the first lane is first).
#[inline(always)]
#[allow(clippy::needless_range_loop)]
pub(crate) fn argmax(r: &Row) -> usize {
    let max = r.iter().copied().fold(i16::MIN, i16::max);
    let mut at = 0u32;
    for k in 0..NTAGS {
        at |= u32::from(r[k] == max) << k;
    }
    // a bit is always set unless every lane holds `i16::MIN` with the padding (then 0 wins, as first)
    if at == 0 { 0 } else { at.trailing_zeros() as usize }
}

/// A little-endian reader over the model file.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn row(&mut self) -> Option<Row> {
        let mut r = [0i16; LANES];
        add_le(&mut r, self.take(ROW_BYTES)?.try_into().ok()?);
        Some(r)
    }
    /// A row of `i8` in units of [`FEATURE_STEP`].
    fn row_steps(&mut self) -> Option<Row> {
        let mut r = [0i16; LANES];
        add_steps(&mut r, self.take(FEATURE_ROW_BYTES)?.try_into().ok()?);
        Some(r)
    }
}

impl Model {
    /// Reads a model file (`None` if it is not one, empty included), copying it.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Model> {
        Model::read(Cow::Owned(bytes.to_vec()))
    }

    /// Reads a model file where it lies.
    fn from_static(bytes: &'static [u8]) -> Option<Model> {
        Model::read(Cow::Borrowed(bytes))
    }

    fn read(bytes: Cow<'static, [u8]>) -> Option<Model> {
        let mut r = Reader { b: &bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return None;
        }
        let nkeys = r.u32()? as usize;
        let bits = r.u32()?;
        let nrows = r.u32()? as usize;
        let nfixed = r.u32()? as usize;
        let dict_bits = r.u32()?;
        let nfine = r.u32()? as usize;
        if bits > MAX_INDEX_BITS
            || dict_bits > MAX_INDEX_BITS
            || nfixed >= 1 << dict_bits
            || nkeys >= 1 << bits
            || nrows > FIRST_ROW as usize
            || !(CLASSES..=MAX_FINE).contains(&nfine)
        {
            return None;
        }
        let mut shape = (0..SHAPES * SHAPES * SHAPES)
            .map(|_| r.row())
            .collect::<Option<Vec<_>>>()?;
        // the padding lanes start every token's sum, so they never win the argmax
        for row in &mut shape {
            row[NTAGS..].fill(i16::MIN);
        }
        let trans = (0..(NTAGS + 1) * (NTAGS + 1))
            .map(|_| r.row())
            .collect::<Option<Vec<_>>>()?;
        let ctrans = (0..(NTAGS + 1) * nfine)
            .map(|_| r.row_steps())
            .collect::<Option<Vec<_>>>()?;
        let cpair = (0..pair_rows(nfine))
            .map(|_| r.row_steps())
            .collect::<Option<Vec<_>>>()?;
        let index_at = r.at;
        // every entry points at rows inside the file, and at least one slot is empty (probes end)
        let mut used = 0usize;
        for _ in 0..1usize << bits {
            let _key = r.u32()?;
            let e = r.u32()?;
            if e != 0 {
                used += 1;
                let (first, mask) = ((e & FIRST_ROW) as usize, e >> 27);
                if mask == 0 || first + mask.count_ones() as usize > nrows {
                    return None;
                }
            }
        }
        if used != nkeys {
            return None;
        }
        let rows_at = r.at;
        r.take(nrows.checked_mul(FEATURE_ROW_BYTES)?)?;
        // every entry's tag and fine class are in range, and at least one slot is empty (probes end)
        let dict_at = r.at;
        let mut used = 0usize;
        for _ in 0..1usize << dict_bits {
            let check = r.u32()?;
            let (tag, _class, fine) = (r.u8()?, r.u8()?, r.u16()?);
            let (_cap, _cluster) = (r.u8()?, r.u8()?);
            if check != 0 {
                used += 1;
                if usize::from(tag) >= NTAGS && tag != NOT_FIXED || usize::from(fine) >= nfine {
                    return None;
                }
            }
        }
        if used != nfixed {
            return None;
        }
        if r.at != bytes.len() {
            return None;
        }
        Some(Model {
            bytes,
            shape,
            trans,
            nfine,
            ctrans,
            cpair,
            index_at,
            index_bits: bits,
            rows_at,
            dict_at,
            dict_bits,
            id: MODEL_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// The first weight row and the offsets (bits 0 to 4) of the feature with 32-bit key `k`.
    #[inline]
    fn find(&self, k: u32) -> Option<(usize, u32)> {
        let index = self.bytes.get(self.index_at..self.rows_at)?;
        let mask = (1usize << self.index_bits) - 1;
        let mut s = slot_of(u64::from(k), self.index_bits);
        loop {
            let e: &[u8; 8] = index.get(8 * s..8 * s + 8)?.try_into().ok()?;
            let entry = u32::from_le_bytes([e[4], e[5], e[6], e[7]]);
            if entry == 0 {
                return None;
            }
            if u32::from_le_bytes([e[0], e[1], e[2], e[3]]) == k {
                return Some(((entry & FIRST_ROW) as usize, entry >> 27));
            }
            s = (s + 1) & mask;
        }
    }

    /// The summed scores of every feature of the lower-cased form `w` (each lane within
    /// ±[`BLOCK_MAX`]).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn block(&self, w: &str, lexicon: u16) -> Block {
        let mut b = ZERO_BLOCK;
        let e = self.entry(form_key(w.as_bytes()));
        self.block_into(&mut b, w, lexicon, &e);
        b
    }

    /// The dictionary entry of the form with key `key` ([`form_key`]).
    #[inline]
    fn entry(&self, key: u64) -> Entry {
        let check = dict_check(key);
        let mask = (1usize << self.dict_bits) - 1;
        let mut s = slot_of(key, self.dict_bits);
        loop {
            let Some(e) = self
                .bytes
                .get(self.dict_at + DICT_SLOT * s..self.dict_at + DICT_SLOT * (s + 1))
            else {
                return NO_ENTRY;
            };
            let c = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
            if c == 0 {
                return NO_ENTRY;
            }
            if c == check {
                return Entry {
                    tag: e[4],
                    class: e[5],
                    fine: u16::from_le_bytes([e[6], e[7]]),
                    cap: e[8],
                    cluster: e[9],
                };
            }
            s = (s + 1) & mask;
        }
    }

    /// [`Model::block`] summed into `b` (zero on entry), the form's dictionary entry being `e`.
    fn block_into(&self, b: &mut Block, w: &str, lexicon: u16, e: &Entry) {
        let rows = self.bytes.get(self.rows_at..).unwrap_or_default();
        let mut add = |k: u64| {
            if let Some((mut first, offsets)) = self.find(key32(k)) {
                for (o, acc) in b.iter_mut().enumerate() {
                    if offsets & 1 << o != 0 {
                        // the training program scales weights so that a form's features cannot overflow
                        if let Some(Ok(row)) = rows
                            .get(first * FEATURE_ROW_BYTES..(first + 1) * FEATURE_ROW_BYTES)
                            .map(<&[u8; FEATURE_ROW_BYTES]>::try_from)
                        {
                            add_steps(acc, row);
                        }
                        first += 1;
                    }
                }
            }
        };
        form_features(w, lexicon, &mut add);
        add(class_feature(e.class));
        if e.cap != 0 {
            add(cap_feature(e.cap));
        }
        if e.cluster != 0 {
            add(cluster_feature(e.cluster));
        }
        let max = BLOCK_MAX as i16;
        for x in b.as_flattened_mut() {
            *x = (*x).clamp(-max, max);
        }
    }

    /// Whether the lower-cased form `w` is in the model's dictionary (a fixed tag or an ambiguity class).
    #[cfg(feature = "train")]
    pub(crate) fn known(&self, w: &str) -> bool {
        let e = self.entry(form_key(w.as_bytes()));
        e.tag != NOT_FIXED || e.class != 0
    }

    /// The tag the training data fixes for the lower-cased form `w`, which decoding gives it whatever its
    /// context (as it does "the" its DET), if it has one.
    pub(crate) fn fixed_tag(&self, w: &str) -> Option<Upos> {
        Some(self.entry(form_key(w.as_bytes())).tag)
            .filter(|&t| t != NOT_FIXED)
            .map(|t| Upos::from_index(usize::from(t)))
    }

    /// Tags every token of `doc` (the tokens outside any sentence by [`fallback_tag`]).
    pub(crate) fn tag(&self, doc: &Doc, forms: &mut DocForms) -> Vec<Upos> {
        let mut out: Vec<Upos> = doc.tokens.iter().map(fallback_tag).collect();
        for s in &doc.sentences {
            if let Some(dst) = out.get_mut(s.tokens.clone()) {
                dst.copy_from_slice(&self.tag_range(doc, s.tokens.clone(), forms));
            }
        }
        out
    }

    /// Tags the tokens `r` of one sentence of `doc` (greedy, left to right), with `forms` the record of
    /// the document's forms.
    pub(crate) fn tag_range(&self, doc: &Doc, r: std::ops::Range<usize>, forms: &mut DocForms) -> Vec<Upos> {
        let mut out = Vec::with_capacity(r.len());
        let end = r.end;
        self.extend_range(doc, r, end, &mut out, forms);
        out
    }

    /// Extends `out`, the tags of the first `out.len()` tokens of the sentence `r` of `doc`, to the tags
    /// of its tokens before `upto` (at most `r.end`), exactly as [`Model::tag_range`] tags them: the tag of
    /// a token depends only on the tokens up to [`LOOKAHEAD`] after it and on the tags before it, so a
    /// prefix of a sentence is tagged without its rest, and the tagging resumes where it stopped.
    pub(crate) fn extend_range(
        &self,
        doc: &Doc,
        r: std::ops::Range<usize>,
        upto: usize,
        out: &mut Vec<Upos>,
        forms: &mut DocForms,
    ) {
        let from = r.start + out.len();
        let to = upto.min(r.end);
        if r.end > doc.tokens.len() || from >= to {
            return;
        }
        // the forms this call may look up: the tokens it tags and those it reads after them
        let n = (to + LOOKAHEAD).min(r.end) - from.saturating_sub(LOOKAHEAD).max(r.start);
        if n >= CACHE_FORMS {
            // a sentence with more tokens than the cache holds gets a cache of its own
            return self.range_with(doc, r, from..to, &mut FormCache::new(n + 1), forms, out);
        }
        FORM_CACHE.with(|c| match c.try_borrow_mut() {
            Ok(mut cache) => self.range_with(doc, r, from..to, &mut cache, forms, out),
            Err(_) => self.range_with(doc, r, from..to, &mut FormCache::new(n + 1), forms, out),
        })
    }

    /// Tags the tokens `tag` of the sentence `r` (those before them already tagged in `out`) with the blocks
    /// from (and into) `cache`, appending their tags to `out`.
    fn range_with(
        &self,
        doc: &Doc,
        r: std::ops::Range<usize>,
        tag: std::ops::Range<usize>,
        cache: &mut FormCache,
        forms: &mut DocForms,
        out: &mut Vec<Upos>,
    ) {
        // the window read: the tokens from `LOOKAHEAD` before the first tagged one to `LOOKAHEAD` after
        // the last, those outside the sentence standing for zero blocks and shape 0
        let lo = tag.start.saturating_sub(LOOKAHEAD);
        let hi = tag.end + LOOKAHEAD;
        let inside = |i: usize| i >= r.start && i < r.end;
        cache.prepare(self.id, hi.min(r.end).saturating_sub(lo.max(r.start)));
        if forms.epoch != cache.epoch {
            forms.epoch = cache.epoch;
            forms.slots.clear();
            forms.slots.resize(doc.forms.len(), u32::MAX);
        }
        // the cache slot of every token's form in the window
        let mut ctx: Vec<u32> = Vec::with_capacity(hi - lo);
        for i in lo..hi {
            if !inside(i) {
                ctx.push(0);
                continue;
            }
            let f = doc.forms.of.get(i).map(|&f| f as usize);
            let known = f.and_then(|f| forms.slots.get(f)).copied();
            let s = match known {
                Some(s) if s != u32::MAX => s,
                _ => {
                    let s = cache.slot(self, doc.low(i));
                    if let Some(x) = f.and_then(|f| forms.slots.get_mut(f)) {
                        *x = s;
                    }
                    s
                }
            };
            ctx.push(s);
        }
        // the shapes of the tokens from one before the first tagged one to one after the last
        let shapes: Vec<u8> = (tag.start.saturating_sub(1)..tag.end + 1)
            .map(|i| if inside(i) { token_shape(doc, i) } else { 0 })
            .collect();
        // (a first tagged token at 0, where `saturating_sub` stopped short, is a sentence start)
        let (ctx, shapes) = if tag.start < LOOKAHEAD {
            let mut c = vec![0; LOOKAHEAD - tag.start];
            c.extend(ctx);
            let mut sh = vec![0; usize::from(tag.start == 0)];
            sh.extend(shapes);
            (c, sh)
        } else {
            (ctx, shapes)
        };
        let blocks = &cache.blocks;
        let classes = &cache.class;
        let fines = &cache.fine;
        let class = |k: usize| classes.get(ctx[k] as usize).copied().unwrap_or(0);
        let fine = |k: usize| fines.get(ctx[k] as usize).copied().unwrap_or(0);
        let block = |s: u32| blocks.get(s as usize).unwrap_or(&ZERO_BLOCK);
        let prev = |back: usize| out.len().checked_sub(back).map_or(START, |k| out[k] as usize);
        let (mut t2, mut t1) = (prev(2), prev(1));
        out.reserve(tag.len());
        for (j, tok) in doc.tokens[tag].iter().enumerate() {
            let fixed = cache.fixed.get(ctx[j + 2] as usize).copied().unwrap_or(NOT_FIXED);
            let t = if tok.kind == TokenKind::Number {
                Upos::Num as usize
            } else if fixed != NOT_FIXED {
                usize::from(fixed)
            } else {
                let sh = (usize::from(shapes[j]) * SHAPES + usize::from(shapes[j + 1])) * SHAPES
                    + usize::from(shapes[j + 2]);
                let fi = fine(j + 2);
                let rows = [
                    self.shape.get(sh).unwrap_or(&ZERO_BLOCK[0]),
                    &block(ctx[j])[0],
                    &block(ctx[j + 1])[1],
                    &block(ctx[j + 2])[2],
                    &block(ctx[j + 3])[3],
                    &block(ctx[j + 4])[4],
                    self.trans.get(t2 * (NTAGS + 1) + t1).unwrap_or(&ZERO_BLOCK[0]),
                    self.ctrans
                        .get(t1 * self.nfine + usize::from(fi))
                        .unwrap_or(&ZERO_BLOCK[0]),
                    self.cpair
                        .get(fine_pair(fi) * PAIR_CLASSES + pair_class(class(j + 3)))
                        .unwrap_or(&ZERO_BLOCK[0]),
                ];
                argmax(&sum9(rows))
            };
            out.push(Upos::from_index(t));
            (t2, t1) = (t1, t);
        }
    }
}

/// How many tokens after a token its tag reads (the offsets of a block reach two tokens either side).
const LOOKAHEAD: usize = OFFSETS / 2;

/// The tag of a token by its kind alone, for the tokens outside any sentence or when no model is
/// built in: punctuation, symbols, numbers, capitalised words as proper nouns, other words as nouns.
pub(crate) fn fallback_tag(t: &Token) -> Upos {
    match t.kind {
        TokenKind::Number => Upos::Num,
        TokenKind::Punct | TokenKind::Quote(_) => Upos::Punct,
        TokenKind::Word if t.has(crate::text::flags::CAPITALISED) => Upos::Propn,
        TokenKind::Word => Upos::Noun,
    }
}

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_static(UPOS_BYTES));

/// The model built into the library (`None` if the embedded file is empty or unreadable).
pub(crate) fn upos_model() -> Option<&'static Model> {
    MODEL.as_ref()
}
