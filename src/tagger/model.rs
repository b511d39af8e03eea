//! The part-of-speech model: its file format, its loading and the decoder.
//!
//! The file (`data/models/upos.bin`, written by the training program, little-endian):
//! - the magic `NPUPOS01`, then the number of feature rows and of vocabulary forms (`u32` each);
//! - the case-shape table: one row of [`NTAGS`] `i16` scores per triple of case shapes (previous,
//!   current, next token; [`SHAPES`]³ rows);
//! - the transition table: one row per pair of previous tags ((`NTAGS` + 1)², the extra tag being
//!   "before the sentence");
//! - the feature rows: a feature's 32-bit key ([`key32`]), the offset (0 to 4 for -2..=+2) and its
//!   `NTAGS` scores;
//! - the vocabulary: for each form, the tag that the training data gives it always (255: none), its
//!   length in bytes and its bytes. The scores of every vocabulary form are summed when the model loads.

use std::sync::LazyLock;

use super::Upos;
use super::features::{LANES, NTAGS, OFFSETS, SHAPES, form_features, key32, token_shape};
use crate::lexicon::FX_K;
use crate::text::{Doc, Token, TokenKind, form_key};

/// The model file embedded in the library.
static UPOS_BYTES: &[u8] = include_bytes!("../../data/models/upos.bin");

/// The file's magic bytes.
pub(crate) const MAGIC: &[u8; 8] = b"NPUPOS01";

/// A row of tag scores.
pub(crate) type Row = [i16; LANES];

/// The scores a form gives each tag at each window offset.
pub(crate) type Block = [Row; OFFSETS];

/// "No fixed tag" in the vocabulary.
pub(crate) const NOT_FIXED: u8 = 255;

/// The tag index standing for "before the sentence" in the transition table.
pub(crate) const START: usize = NTAGS;

const ZERO_BLOCK: Block = [[0; LANES]; OFFSETS];

/// An open-addressing table from non-zero `u64` keys to `u32` values, at most half full.
#[derive(Debug, Default)]
struct Table {
    keys: Vec<u64>,
    vals: Vec<u32>,
    shift: u32,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let bits = (2 * n.max(8)).next_power_of_two().trailing_zeros();
        Table {
            keys: vec![0; 1 << bits],
            vals: vec![0; 1 << bits],
            shift: 64 - bits,
        }
    }

    #[inline]
    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(FX_K) >> self.shift) as usize
    }

    /// Inserts `k` (non-zero) unless present; returns its value.
    fn insert(&mut self, k: u64, v: u32) -> u32 {
        let mask = self.keys.len() - 1;
        let mut s = self.slot(k);
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

    #[inline]
    fn get(&self, k: u64) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut s = self.slot(k);
        loop {
            match self.keys[s] {
                0 => return None,
                x if x == k => return Some(self.vals[s]),
                _ => s = (s + 1) & mask,
            }
        }
    }
}

/// A loaded part-of-speech model.
#[derive(Debug)]
pub(crate) struct Model {
    /// Scores by the case shapes of the previous, current and next tokens.
    shape: Vec<Row>,
    /// Scores by the two previous tags.
    trans: Vec<Row>,
    /// Feature key (as `u64`, with bit 32 set so it is never 0) → index in `feats`.
    feat_index: Table,
    feats: Vec<Block>,
    /// Form key ([`form_key`]) → index in `blocks` and `fixed`.
    vocab: Table,
    blocks: Vec<Block>,
    fixed: Vec<u8>,
    /// A number of its own (for [`OovCache`]).
    id: u64,
}

/// The most forms an [`OovCache`] keeps before it starts again (4 MB of blocks).
const OOV_CACHE_FORMS: usize = 16_384;

/// The blocks of forms outside the vocabulary, kept across the documents that a thread tags (names and
/// rare words recur from article to article), for one model. A block depends only on the form, so the
/// cache changes no tag.
struct OovCache {
    model: u64,
    index: Table,
    blocks: Vec<Block>,
}

impl OovCache {
    /// A cache for up to `forms` forms.
    fn new(forms: usize) -> OovCache {
        OovCache {
            model: u64::MAX,
            index: Table::with_capacity(forms),
            blocks: Vec::new(),
        }
    }

    /// Ready for a document of `forms` forms tagged by `model`: emptied if it belongs to another model or
    /// could fill up during the document.
    fn prepare(&mut self, model: u64, forms: usize) {
        if self.model != model || self.blocks.len() + forms > OOV_CACHE_FORMS {
            self.model = model;
            self.index.keys.fill(0);
            self.blocks.clear();
        }
    }
}

thread_local! {
    static OOV_CACHE: std::cell::RefCell<OovCache> = std::cell::RefCell::new(OovCache::new(OOV_CACHE_FORMS));
}

/// Numbers the models as they load.
static MODEL_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Adds `b` to `a` lane by lane (compiles to vector additions). The training program scales the weights
/// so that a token's sum of rows cannot overflow (see [`BLOCK_MAX`]).
#[inline(always)]
pub(crate) fn add(a: &mut Row, b: &Row) {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.wrapping_add(*y);
    }
}

/// The largest absolute score of a form's block at one offset: five blocks plus the shape and transition
/// rows (each at most [`BLOCK_MAX`] / 2 after training's scaling) stay inside `i16`.
pub(crate) const BLOCK_MAX: i32 = 5_400;

/// The best tag of a score row (the first on ties; the padding lanes hold `i16::MIN` and never win).
#[inline(always)]
pub(crate) fn argmax(r: &Row) -> usize {
    let max = r.iter().copied().fold(i16::MIN, i16::max);
    r[..NTAGS].iter().position(|&x| x == max).unwrap_or(NTAGS - 1)
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
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn row(&mut self) -> Option<Row> {
        let mut r = [0i16; LANES];
        let b = self.take(2 * NTAGS)?;
        for (x, c) in r.iter_mut().zip(b.chunks_exact(2)) {
            *x = i16::from_le_bytes([c[0], c[1]]);
        }
        Some(r)
    }
}

impl Model {
    /// Reads a model file (`None` if it is not one, empty included).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return None;
        }
        let nrows = r.u32()? as usize;
        let nvocab = r.u32()? as usize;
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
        let mut feat_index = Table::with_capacity(nrows / 2);
        let mut feats: Vec<Block> = Vec::with_capacity(nrows / 2);
        for _ in 0..nrows {
            let k = u64::from(r.u32()?) | 1 << 32;
            let off = usize::from(r.u8()?);
            let row = r.row()?;
            let i = feat_index.insert(k, feats.len() as u32) as usize;
            if i == feats.len() {
                feats.push(ZERO_BLOCK);
            }
            // two features sharing a 32-bit key share their scores
            add(feats[i].get_mut(off)?, &row);
        }
        let mut model = Model {
            shape,
            trans,
            feat_index,
            feats,
            vocab: Table::with_capacity(nvocab),
            blocks: Vec::with_capacity(nvocab),
            fixed: Vec::with_capacity(nvocab),
            id: MODEL_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        let lex = crate::lexicon::actors::lexicon();
        for _ in 0..nvocab {
            let fixed = r.u8()?;
            let len = usize::from(r.u8()?);
            let w = std::str::from_utf8(r.take(len)?).ok()?;
            let b = model.block(w, lex.word_flags(w).0);
            let i = model.vocab.insert(form_key(w.as_bytes()), model.blocks.len() as u32);
            if i as usize == model.blocks.len() {
                model.blocks.push(b);
                model.fixed.push(fixed);
            }
        }
        (r.at == bytes.len()).then_some(model)
    }

    /// The summed scores of every feature of the lower-cased form `w` (each lane within
    /// ±[`BLOCK_MAX`]).
    pub(crate) fn block(&self, w: &str, lexicon: u16) -> Block {
        let mut b = ZERO_BLOCK;
        form_features(w, lexicon, |k| {
            if let Some(i) = self.feat_index.get(u64::from(key32(k)) | 1 << 32) {
                // the training program scales weights so that a form's features cannot overflow here
                let f = &self.feats[i as usize];
                for (x, y) in b.as_flattened_mut().iter_mut().zip(f.as_flattened()) {
                    *x = x.wrapping_add(*y);
                }
            }
        });
        let max = BLOCK_MAX as i16;
        for x in b.as_flattened_mut() {
            *x = (*x).clamp(-max, max);
        }
        b
    }

    /// Tags every token of `doc`.
    pub(crate) fn tag(&self, doc: &Doc) -> Vec<Upos> {
        let mut out: Vec<Upos> = doc.tokens.iter().map(fallback_tag).collect();
        for s in &doc.sentences {
            if let Some(dst) = out.get_mut(s.tokens.clone()) {
                dst.copy_from_slice(&self.tag_range(doc, s.tokens.clone()));
            }
        }
        out
    }

    /// Tags the tokens `r` of one sentence of `doc` (greedy, left to right).
    pub(crate) fn tag_range(&self, doc: &Doc, r: std::ops::Range<usize>) -> Vec<Upos> {
        if r.end > doc.tokens.len() || r.is_empty() {
            return Vec::new();
        }
        if r.len() > OOV_CACHE_FORMS {
            // a sentence with more tokens than the cache holds gets a cache of its own
            return self.range_with(doc, r.clone(), &mut OovCache::new(r.len()));
        }
        OOV_CACHE.with(|c| match c.try_borrow_mut() {
            Ok(mut cache) => self.range_with(doc, r.clone(), &mut cache),
            Err(_) => self.range_with(doc, r.clone(), &mut OovCache::new(r.len())),
        })
    }

    /// [`Model::tag_range`] with the blocks of unseen forms from (and into) `cache`.
    fn range_with(&self, doc: &Doc, r: std::ops::Range<usize>, cache: &mut OovCache) -> Vec<Upos> {
        let n = r.len();
        let lex = crate::lexicon::actors::lexicon();
        cache.prepare(self.id, n);
        const OOV: u32 = 1 << 31;
        // one block per token: the vocabulary's, or summed once for a form the model has not seen
        let mut which: Vec<u32> = Vec::with_capacity(n);
        let mut fixed: Vec<u8> = Vec::with_capacity(n);
        for i in r.clone() {
            let w = doc.low(i);
            let key = form_key(w.as_bytes());
            match self.vocab.get(key) {
                Some(v) => {
                    which.push(v);
                    fixed.push(self.fixed[v as usize]);
                }
                None => {
                    let k = cache.blocks.len() as u32;
                    let v = cache.index.insert(key, k);
                    if v == k {
                        cache.blocks.push(self.block(w, lex.word_flags(w).0));
                    }
                    which.push(OOV | v);
                    fixed.push(NOT_FIXED);
                }
            }
        }
        let mut ctx: Vec<&Block> = Vec::with_capacity(n + 4);
        ctx.extend([&ZERO_BLOCK, &ZERO_BLOCK]);
        ctx.extend(which.iter().map(|&v| {
            if v & OOV != 0 {
                &cache.blocks[(v & !OOV) as usize]
            } else {
                &self.blocks[v as usize]
            }
        }));
        ctx.extend([&ZERO_BLOCK, &ZERO_BLOCK]);
        let mut shapes: Vec<u8> = Vec::with_capacity(n + 2);
        shapes.push(0);
        shapes.extend(r.clone().map(|i| token_shape(doc, i)));
        shapes.push(0);
        let mut out = Vec::with_capacity(n);
        let (mut t2, mut t1) = (START, START);
        for (j, i) in r.enumerate() {
            let t = if doc.tokens[i].kind == TokenKind::Number {
                Upos::Num as usize
            } else if fixed[j] != NOT_FIXED {
                usize::from(fixed[j])
            } else {
                let sh = (usize::from(shapes[j]) * SHAPES + usize::from(shapes[j + 1])) * SHAPES
                    + usize::from(shapes[j + 2]);
                let mut acc = self.shape[sh];
                if let Ok(w) = <&[&Block; OFFSETS]>::try_from(&ctx[j..j + OFFSETS]) {
                    add(&mut acc, &w[0][0]);
                    add(&mut acc, &w[1][1]);
                    add(&mut acc, &w[2][2]);
                    add(&mut acc, &w[3][3]);
                    add(&mut acc, &w[4][4]);
                }
                add(&mut acc, &self.trans[t2 * (NTAGS + 1) + t1]);
                argmax(&acc)
            };
            out.push(Upos::from_index(t));
            (t2, t1) = (t1, t);
        }
        out
    }
}

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

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(UPOS_BYTES));

/// The model built into the library (`None` if the embedded file is empty or unreadable).
pub(crate) fn upos_model() -> Option<&'static Model> {
    MODEL.as_ref()
}
