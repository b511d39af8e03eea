//! The training program of the part-of-speech model (feature `train`; `src/bin/train_tagger.rs` runs
//! it, `docs/tagger.md` gives the command).
//!
//! It reads UD English-EWT and GUM (CoNLL-U), rebuilds each sentence's text from its tokens (a space
//! after every token unless `SpaceAfter=No`), tokenises that text with the crate's own tokenizer
//! ([`Doc::new`]) and gives each of the crate's tokens the tag of the treebank tokens it covers
//! ([`align`]). It then trains an averaged perceptron with the templates of [`super::features`],
//! greedy and left to right as the tagger decodes, in a fixed order with a fixed seed, and writes the
//! quantised weights in the format of [`super::model`]. Same input, same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::Upos;
use super::features::{
    CLASSES, MAX_FORM_FEATURES, NTAGS, OFFSETS, PAIR_CLASSES, SHAPES, cap_feature, class_feature, cluster_feature,
    form_features, key32, pair_class, token_shape,
};
use super::model::{BLOCK_MAX, Entry, FEATURE_STEP, Model, NOT_FIXED, START, Weights, encode, fine_pair, pair_rows};
use super::unlabeled::{FormStats, StatsSettings, form_stats};
use crate::text::{Doc, TokenKind};

/// A span of a treebank sentence's rebuilt text and its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Byte offsets in the rebuilt text.
    pub(crate) start: usize,
    /// End byte offset.
    pub(crate) end: usize,
    /// The tag.
    pub(crate) upos: Upos,
    /// The Penn tag (XPOS) as the treebank writes it.
    pub(crate) xpos: String,
}

/// A treebank sentence: its rebuilt text and its tagged units.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// The text, rebuilt from the tokens.
    pub(crate) text: String,
    /// The tokens (or the multiword tokens that cannot be split by their spelling) with their spans.
    pub(crate) units: Vec<Unit>,
}

/// A multiword token being read: its last word id, its surface form, whether a space follows, its words.
type Multiword = (usize, String, bool, Vec<(String, Upos, String)>);

/// Reads a CoNLL-U file. A multiword token ("don't" = "do" + "n't") whose words spell it exactly becomes
/// its words, each with its own span; otherwise it is one unit with its first word's tag.
pub(crate) fn read_conllu(src: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut units = Vec::new();
    // an open multiword token: its last word id, its surface form, space after, and its words
    let mut mwt: Option<Multiword> = None;
    for line in src.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !units.is_empty() {
                out.push(Sentence {
                    text: std::mem::take(&mut text).trim_end().to_string(),
                    units: std::mem::take(&mut units),
                });
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let space = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = cols[0].split_once('-') {
            let last = b.parse().unwrap_or(0);
            let _ = a;
            mwt = Some((last, cols[1].to_string(), space, Vec::new()));
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().unwrap_or(0);
        let upos = Upos::parse(cols[3]).unwrap_or(Upos::X);
        if let Some((last, _, _, words)) = &mut mwt {
            words.push((cols[1].to_string(), upos, cols[4].to_string()));
            if id >= *last {
                let (_, form, space, words) = mwt.take().unwrap_or_default();
                let joined: String = words.iter().map(|(w, _, _)| w.as_str()).collect();
                if joined == form {
                    for (w, u, x) in &words {
                        let start = text.len();
                        text.push_str(w);
                        units.push(Unit {
                            start,
                            end: text.len(),
                            upos: *u,
                            xpos: x.clone(),
                        });
                    }
                } else {
                    let start = text.len();
                    text.push_str(&form);
                    let upos = words.first().map_or(Upos::X, |w| w.1);
                    let xpos = words.first().map(|w| w.2.clone()).unwrap_or_default();
                    units.push(Unit {
                        start,
                        end: text.len(),
                        upos,
                        xpos,
                    });
                }
                if space {
                    text.push(' ');
                }
            }
            continue;
        }
        let start = text.len();
        text.push_str(cols[1]);
        units.push(Unit {
            start,
            end: text.len(),
            upos,
            xpos: cols[4].to_string(),
        });
        if space {
            text.push(' ');
        }
    }
    if !units.is_empty() {
        out.push(Sentence {
            text: text.trim_end().to_string(),
            units,
        });
    }
    out
}

/// The tag of every token of `doc` (the crate's tokenisation of `units`' text), `None` for a token no
/// unit covers. A token that is one unit, or part of one, takes its tag (a punctuation token cut out of
/// a longer unit, such as the ":" of "10:30", is PUNCT). A token covering several units takes the tag of
/// the last unit that is not punctuation when a hyphen joins them ("co-operation" split as "co", "-",
/// "operation"), and of the first otherwise (contractions: "don't" = "do" AUX + "n't" PART is AUX,
/// "I'm" is PRON, "gonna" is VERB).
pub(crate) fn align(doc: &Doc, units: &[Unit]) -> Vec<Option<Upos>> {
    align_units(doc, units).into_iter().map(|a| a.map(|(u, _)| u)).collect()
}

/// [`align`] with, for each token, the unit whose tag it took (`None` for punctuation cut out of a
/// longer unit, whose PUNCT is no unit's).
pub(crate) fn align_units(doc: &Doc, units: &[Unit]) -> Vec<Option<(Upos, Option<usize>)>> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    let mut u0 = 0;
    for t in &doc.tokens {
        while u0 < units.len() && units[u0].end <= t.start {
            u0 += 1;
        }
        let from = u0.min(units.len());
        let all: Vec<usize> = (from..units.len())
            .take_while(|&k| units[k].start < t.end)
            .filter(|&k| units[k].end > t.start)
            .collect();
        let Some(&first) = all.first() else {
            out.push(None);
            continue;
        };
        let tag = if all.len() == 1 {
            let punct = matches!(t.kind, TokenKind::Punct | TokenKind::Quote(_));
            let whole = units[first].start == t.start && units[first].end == t.end;
            if punct && !whole {
                (Upos::Punct, None)
            } else {
                (units[first].upos, Some(first))
            }
        } else if all[1..].iter().any(|&k| &doc.text[units[k].start..units[k].end] == "-") {
            let k = all
                .iter()
                .rev()
                .copied()
                .find(|&k| units[k].upos != Upos::Punct)
                .unwrap_or(first);
            (units[k].upos, Some(k))
        } else {
            (units[first].upos, Some(first))
        };
        out.push(Some(tag));
    }
    out
}

/// One decoding sequence (a sentence of the crate's segmentation).
struct Seq {
    /// Form number of each token.
    forms: Vec<u32>,
    /// Case shape of each token.
    shapes: Vec<u8>,
    /// Gold tag (or 255 when unknown).
    gold: Vec<u8>,
    /// Whether the token is a number (always NUM).
    number: Vec<bool>,
}

/// The forms of all the data and their features.
#[derive(Default)]
struct Forms {
    index: HashMap<String, u32>,
    text: Vec<String>,
    keys: Vec<Vec<u32>>,
    /// Statistics from unlabeled text, by form.
    stats: HashMap<String, FormStats>,
}

impl Forms {
    fn id(&mut self, w: &str) -> u32 {
        if let Some(&i) = self.index.get(w) {
            return i;
        }
        let i = self.text.len() as u32;
        self.index.insert(w.to_string(), i);
        self.text.push(w.to_string());
        let lex = crate::lexicon::actors::lexicon().word_flags(w).0;
        let mut keys = Vec::new();
        form_features(w, lex, |k| keys.push(key32(k)));
        if let Some(&(cap, cluster)) = self.stats.get(w) {
            if cap != 0 {
                keys.push(key32(cap_feature(cap)));
            }
            if cluster != 0 {
                keys.push(key32(cluster_feature(cluster)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        self.keys.push(keys);
        i
    }
}

fn sequences(sents: &[Sentence], forms: &mut Forms) -> Vec<Seq> {
    let mut out = Vec::new();
    for s in sents {
        let doc = Doc::new(&s.text);
        let gold = align(&doc, &s.units);
        for sent in &doc.sentences {
            let r = sent.tokens.clone();
            out.push(Seq {
                forms: r.clone().map(|i| forms.id(doc.low(i))).collect(),
                shapes: r.clone().map(|i| token_shape(&doc, i)).collect(),
                gold: r.clone().map(|i| gold[i].map_or(255, |u| u as u8)).collect(),
                number: r.map(|i| doc.tokens[i].kind == TokenKind::Number).collect(),
            });
        }
    }
    out
}

/// Row numbers: the shape rows, the transition rows, the rows by previous tag and fine class, by fine
/// class and next class, then five rows per feature.
const SHAPE_ROWS: usize = SHAPES * SHAPES * SHAPES;
const TRANS_ROWS: usize = (NTAGS + 1) * (NTAGS + 1);
const CTRANS0: usize = SHAPE_ROWS + TRANS_ROWS;

/// Where the tables that depend on the number of fine classes start.
#[derive(Debug, Clone, Copy)]
struct Layout {
    nfine: usize,
    cpair0: usize,
    feat0: usize,
}

impl Layout {
    fn new(nfine: usize) -> Layout {
        let cpair0 = CTRANS0 + (NTAGS + 1) * nfine;
        Layout {
            nfine,
            cpair0,
            feat0: cpair0 + pair_rows(nfine),
        }
    }
}

/// The averaged perceptron.
struct Perceptron {
    w: Vec<[i32; NTAGS]>,
    u: Vec<[i64; NTAGS]>,
    c: i64,
}

impl Perceptron {
    fn update(&mut self, rows: &[usize], gold: usize, pred: usize) {
        for &r in rows {
            self.w[r][gold] += 1;
            self.w[r][pred] -= 1;
            self.u[r][gold] += self.c;
            self.u[r][pred] -= self.c;
        }
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// Passes over the training data.
    pub(crate) epochs: usize,
    /// A feature is kept when it occurs at least this often in the training data.
    pub(crate) min_count: u32,
    /// A form's tag is fixed when it occurs at least this often...
    pub(crate) fixed_min_count: u32,
    /// ... with one tag more than this share of the time.
    pub(crate) fixed_share: f64,
    /// A form is in the vocabulary (scores summed at load) when it occurs at least this often.
    pub(crate) vocab_min_count: u32,
    /// A form has an ambiguity class when it occurs at least this often...
    pub(crate) class_min_count: u32,
    /// ... and the class holds the tags it takes at least this share of the time.
    pub(crate) class_share: f64,
    /// The largest absolute quantised weight.
    pub(crate) quant_max: f64,
    /// The number of frequent ambiguous forms with a fine class of their own.
    pub(crate) own_classes: usize,
    /// The shuffling seed.
    pub(crate) seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 12,
            min_count: 2,
            fixed_min_count: 10,
            fixed_share: 0.99,
            vocab_min_count: 1,
            class_min_count: 10,
            class_share: 0.02,
            quant_max: 1_800.0,
            own_classes: 100,
            seed: 0x5eed,
        }
    }
}

/// The rows that score token `j` of `s` given the previous tags.
#[allow(clippy::too_many_arguments)]
fn active_rows(
    s: &Seq,
    j: usize,
    (t2, t1): (usize, usize),
    forms: &Forms,
    (class, fine): (&[u8], &[u16]),
    l: &Layout,
    fid: &HashMap<u32, u32>,
    rows: &mut Vec<usize>,
) {
    rows.clear();
    let sh = |k: isize| -> usize {
        let p = j as isize + k;
        if p < 0 || p as usize >= s.shapes.len() {
            0
        } else {
            usize::from(s.shapes[p as usize])
        }
    };
    rows.push((sh(-1) * SHAPES + sh(0)) * SHAPES + sh(1));
    rows.push(SHAPE_ROWS + t2 * (NTAGS + 1) + t1);
    let fi = fine[s.forms[j] as usize];
    rows.push(CTRANS0 + t1 * l.nfine + usize::from(fi));
    let next = s.forms.get(j + 1).map_or(0, |&f| class[f as usize]);
    rows.push(l.cpair0 + fine_pair(fi) * PAIR_CLASSES + pair_class(next));
    for k in 0..OFFSETS {
        let p = j as isize + k as isize - 2;
        if p < 0 || p as usize >= s.forms.len() {
            continue;
        }
        for key in &forms.keys[s.forms[p as usize] as usize] {
            if let Some(&f) = fid.get(key) {
                rows.push(l.feat0 + f as usize * OFFSETS + k);
            }
        }
    }
}

/// The model's bytes after training.
pub(crate) struct Trained {
    /// The model file.
    pub(crate) bytes: Vec<u8>,
    /// A log of what was done (counts, accuracies per epoch when asked).
    pub(crate) log: String,
}

/// Accuracy of `model` on `sents` (over the crate's tokens that a treebank token covers).
pub(crate) fn accuracy(model: &Model, sents: &[Sentence]) -> (usize, usize) {
    let (mut ok, mut n) = (0, 0);
    for s in sents {
        let doc = Doc::new(&s.text);
        let gold = align(&doc, &s.units);
        let tags = model.tag(&doc, &mut Default::default());
        for (g, t) in gold.iter().zip(&tags) {
            if let Some(g) = g {
                n += 1;
                ok += usize::from(g == t);
            }
        }
    }
    (ok, n)
}

/// The most frequent confusions of `model` on `sents` (gold → predicted, with counts and the forms most
/// often wrong in each), for choosing features: `train_tagger ... --confusion`.
pub(crate) fn confusions(model: &Model, sents: &[Sentence], top: usize) -> String {
    let mut cells: HashMap<(Upos, Upos), (u32, HashMap<String, u32>)> = HashMap::new();
    let mut split = [(0usize, 0usize); 2];
    for s in sents {
        let doc = Doc::new(&s.text);
        let gold = align(&doc, &s.units);
        let tags = model.tag(&doc, &mut Default::default());
        for (i, (g, t)) in gold.iter().zip(&tags).enumerate() {
            if let Some(g) = g {
                let known = usize::from(model.known(doc.low(i)));
                split[known].1 += 1;
                split[known].0 += usize::from(g == t);
                if g != t {
                    let e = cells.entry((*g, *t)).or_default();
                    e.0 += 1;
                    *e.1.entry(doc.tok(i).to_string()).or_insert(0) += 1;
                }
            }
        }
    }
    let mut v: Vec<_> = cells.into_iter().collect();
    v.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  errors on forms with an ambiguity class or a fixed tag: {} of {} tokens; on the others: {} of {}",
        split[1].1 - split[1].0,
        split[1].1,
        split[0].1 - split[0].0,
        split[0].1
    );
    for ((g, t), (n, forms)) in v.into_iter().take(top) {
        let mut f: Vec<_> = forms.into_iter().collect();
        f.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let f: Vec<String> = f.iter().take(12).map(|(w, n)| format!("{w} {n}")).collect();
        let _ = writeln!(out, "  {g} -> {t}: {n} ({})", f.join(", "));
    }
    out
}

/// Trains on `train`, reporting the accuracy on each of `dev` after every epoch when `each_epoch`.
pub(crate) fn train(
    train: &[Sentence],
    stats: &HashMap<String, FormStats>,
    dev: &[(&str, &[Sentence])],
    st: &Settings,
    each_epoch: bool,
) -> Trained {
    let mut log = String::new();
    let mut forms = Forms {
        stats: stats.clone(),
        ..Forms::default()
    };
    let seqs = sequences(train, &mut forms);
    // feature counts over the training tokens, features numbered in order of first occurrence
    let mut count: HashMap<u32, u32> = HashMap::new();
    let mut order: Vec<u32> = Vec::new();
    let mut form_count = vec![0u32; forms.text.len()];
    let mut tag_count: HashMap<u32, [u32; NTAGS]> = HashMap::new();
    for s in &seqs {
        for (j, &f) in s.forms.iter().enumerate() {
            form_count[f as usize] += 1;
            if s.gold[j] != 255 {
                tag_count.entry(f).or_insert([0; NTAGS])[usize::from(s.gold[j])] += 1;
            }
        }
    }
    let class = ambiguity_classes(&tag_count, forms.text.len(), st);
    let fine = fine_classes(&tag_count, &class, &forms, st);
    let layout = Layout::new(fine.iter().map(|&f| usize::from(f) + 1).max().unwrap_or(0).max(CLASSES));
    for (f, keys) in forms.keys.iter_mut().enumerate() {
        keys.push(key32(class_feature(class[f])));
    }
    for s in &seqs {
        for &f in &s.forms {
            for &k in &forms.keys[f as usize] {
                let c = count.entry(k).or_insert(0);
                if *c == 0 {
                    order.push(k);
                }
                *c += 1;
            }
        }
    }
    let mut fid: HashMap<u32, u32> = HashMap::new();
    let mut feat_keys: Vec<u32> = Vec::new();
    for k in order {
        if count[&k] >= st.min_count {
            fid.insert(k, feat_keys.len() as u32);
            feat_keys.push(k);
        }
    }
    // fixed tags
    let mut fixed = vec![NOT_FIXED; forms.text.len()];
    for (f, c) in &tag_count {
        let total: u32 = c.iter().sum();
        let (best, &top) = c
            .iter()
            .enumerate()
            .max_by_key(|&(t, &n)| (n, std::cmp::Reverse(t)))
            .unwrap_or((0, &0));
        if total >= st.fixed_min_count && f64::from(top) > st.fixed_share * f64::from(total) {
            fixed[*f as usize] = best as u8;
        }
    }
    let nfixed = fixed.iter().filter(|&&f| f != NOT_FIXED).count();
    let _ = writeln!(
        log,
        "training: {} sequences, {} forms, {} features kept of {}, {} fixed forms, {} fine classes",
        seqs.len(),
        forms.text.len(),
        feat_keys.len(),
        count.len(),
        nfixed,
        layout.nfine
    );
    let nrows = layout.feat0 + feat_keys.len() * OFFSETS;
    let mut p = Perceptron {
        w: vec![[0; NTAGS]; nrows],
        u: vec![[0; NTAGS]; nrows],
        c: 1,
    };
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = st.seed | 1;
    let mut rows = Vec::new();
    let vocab: Vec<u32> = (0..forms.text.len() as u32)
        .filter(|&f| form_count[f as usize] >= st.vocab_min_count || fixed[f as usize] != NOT_FIXED)
        .collect();
    let mut bytes = Vec::new();
    for epoch in 1..=st.epochs {
        // Fisher-Yates with xorshift64
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let s = &seqs[si];
            let (mut t2, mut t1) = (START, START);
            for j in 0..s.forms.len() {
                let f = s.forms[j] as usize;
                let g = s.gold[j];
                let t = if s.number[j] {
                    Upos::Num as usize
                } else if fixed[f] != NOT_FIXED {
                    usize::from(fixed[f])
                } else {
                    active_rows(s, j, (t2, t1), &forms, (&class, &fine), &layout, &fid, &mut rows);
                    let mut acc = [0i32; NTAGS];
                    for &r in &rows {
                        for (a, b) in acc.iter_mut().zip(&p.w[r]) {
                            *a += b;
                        }
                    }
                    let mut best = 0;
                    for t in 1..NTAGS {
                        if acc[t] > acc[best] {
                            best = t;
                        }
                    }
                    if g != 255 {
                        n += 1;
                        if usize::from(g) != best {
                            p.update(&rows, usize::from(g), best);
                        } else {
                            ok += 1;
                        }
                        p.c += 1;
                    }
                    best
                };
                (t2, t1) = (t1, t);
            }
        }
        let _ = write!(log, "epoch {epoch}: train {:.4}", ok as f64 / n.max(1) as f64);
        if each_epoch || epoch == st.epochs {
            bytes = write_model(&p, &feat_keys, &forms, &vocab, (&fixed, &class, &fine), &layout, st);
            if each_epoch {
                if let Some(m) = Model::from_bytes(&bytes) {
                    for (name, sents) in dev {
                        let (ok, n) = accuracy(&m, sents);
                        let _ = write!(log, ", {name} {:.4} ({ok}/{n})", ok as f64 / n.max(1) as f64);
                    }
                }
            }
        }
        let _ = writeln!(log);
    }
    let _ = writeln!(log, "model: {} bytes, {} vocabulary forms", bytes.len(), vocab.len());
    Trained { bytes, log }
}

/// The ambiguity class of every form (see [`CLASSES`]): the set of tags a form that the training data
/// has at least `class_min_count` times takes at least `class_share` of the time; the 254 sets most
/// frequent over the training tokens are numbered 2 to 255 (ties by the set's bits), the others are 1,
/// and the forms with too few occurrences 0.
fn ambiguity_classes(tag_count: &HashMap<u32, [u32; NTAGS]>, nforms: usize, st: &Settings) -> Vec<u8> {
    let mut set = vec![0u32; nforms];
    let mut tokens: HashMap<u32, u64> = HashMap::new();
    for (&f, c) in tag_count {
        let total: u32 = c.iter().sum();
        if total < st.class_min_count {
            continue;
        }
        let mut m = 0u32;
        for (t, &n) in c.iter().enumerate() {
            if n > 0 && f64::from(n) >= st.class_share * f64::from(total) {
                m |= 1 << t;
            }
        }
        set[f as usize] = m;
        *tokens.entry(m).or_insert(0) += u64::from(total);
    }
    let mut sets: Vec<(u32, u64)> = tokens.into_iter().collect();
    sets.sort_unstable_by_key(|&(m, n)| (std::cmp::Reverse(n), m));
    let id: HashMap<u32, u8> = sets
        .iter()
        .take(CLASSES - 2)
        .enumerate()
        .map(|(i, &(m, _))| (m, (i + 2) as u8))
        .collect();
    set.iter()
        .map(|&m| if m == 0 { 0 } else { id.get(&m).copied().unwrap_or(1) })
        .collect()
}

/// The fine class of every form: its ambiguity class, or for the `st.own_classes` most frequent forms
/// with more than one tag in their class, a class of its own (from [`CLASSES`] on, by frequency, ties
/// by the form's text).
fn fine_classes(tag_count: &HashMap<u32, [u32; NTAGS]>, class: &[u8], forms: &Forms, st: &Settings) -> Vec<u16> {
    let mut fine: Vec<u16> = class.iter().map(|&c| u16::from(c)).collect();
    let mut amb: Vec<(u32, &str, u32)> = tag_count
        .iter()
        .filter(|&(&f, c)| {
            let total: u32 = c.iter().sum();
            class[f as usize] >= 2
                && c.iter()
                    .filter(|&&n| n > 0 && f64::from(n) >= st.class_share * f64::from(total))
                    .count()
                    > 1
        })
        .map(|(&f, c)| (c.iter().sum(), forms.text[f as usize].as_str(), f))
        .collect();
    amb.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    for (i, &(_, _, f)) in amb.iter().take(st.own_classes).enumerate() {
        fine[f as usize] = (CLASSES + i) as u16;
    }
    fine
}

/// Quantises the averaged weights and writes the model file.
fn write_model(
    p: &Perceptron,
    feat_keys: &[u32],
    forms: &Forms,
    vocab: &[u32],
    (fixed, class, fine): (&[u8], &[u8], &[u16]),
    l: &Layout,
    st: &Settings,
) -> Vec<u8> {
    let c = p.c as f64;
    let avg = |r: usize, t: usize| f64::from(p.w[r][t]) - p.u[r][t] as f64 / c;
    let mut max = 0f64;
    for r in 0..p.w.len() {
        for t in 0..NTAGS {
            max = max.max(avg(r, t).abs());
        }
    }
    // the largest block sum of a vocabulary form at one offset, to keep a token's sum inside i16
    let mut block_max = 0f64;
    let fid: HashMap<u32, usize> = feat_keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    for &f in vocab {
        for o in 0..OFFSETS {
            for t in 0..NTAGS {
                let s: f64 = forms.keys[f as usize]
                    .iter()
                    .filter_map(|k| fid.get(k))
                    .map(|&i| avg(l.feat0 + i * OFFSETS + o, t))
                    .sum();
                block_max = block_max.max(s.abs());
            }
        }
    }
    // a form's features summed in i16 must not overflow (the tagger adds them before clamping)
    // (its class, capitalisation and cluster features besides those of `form_features`)
    let qmax = st.quant_max.min(32_000.0 / (MAX_FORM_FEATURES + 3) as f64);
    let mut scale = if max > 0.0 { qmax / max } else { 1.0 };
    if block_max * scale > f64::from(BLOCK_MAX) {
        scale = f64::from(BLOCK_MAX) / block_max;
    }
    let q = |r: usize| -> [i16; NTAGS] {
        let mut o = [0i16; NTAGS];
        for (t, x) in o.iter_mut().enumerate() {
            *x = (avg(r, t) * scale).round().clamp(-32767.0, 32767.0) as i16;
        }
        o
    };
    // the feature and class rows in steps of FEATURE_STEP, as i8
    let q8 = |r: usize| -> [i8; NTAGS] {
        let mut row = [0i8; NTAGS];
        for (x, &y) in row.iter_mut().zip(&q(r)) {
            *x = (f64::from(y) / f64::from(FEATURE_STEP)).round().clamp(-127.0, 127.0) as i8;
        }
        row
    };
    let mut feat_rows: Vec<(u32, u8, [i8; NTAGS])> = Vec::new();
    for (f, &k) in feat_keys.iter().enumerate() {
        for o in 0..OFFSETS {
            let row = q8(l.feat0 + f * OFFSETS + o);
            if row.iter().any(|&x| x != 0) {
                feat_rows.push((k, o as u8, row));
            }
        }
    }
    let weights = Weights {
        shape: (0..SHAPE_ROWS).map(q).collect(),
        trans: (SHAPE_ROWS..CTRANS0).map(q).collect(),
        nfine: l.nfine,
        ctrans: (CTRANS0..l.cpair0).map(q8).collect(),
        cpair: (l.cpair0..l.feat0).map(q8).collect(),
        feats: feat_rows,
        // only the forms with a fixed tag or an ambiguity class: the tagger sums the blocks of every
        // form from its features
        fixed: dictionary(forms, vocab, (fixed, class, fine)),
    };
    encode(&weights)
}

/// The forms of the model's dictionary: the vocabulary forms with a fixed tag, an ambiguity class or
/// statistics from unlabeled text, then the other forms with statistics, by text.
fn dictionary(forms: &Forms, vocab: &[u32], (fixed, class, fine): (&[u8], &[u8], &[u16])) -> Vec<(String, Entry)> {
    let mut out = Vec::new();
    for &f in vocab {
        let f = f as usize;
        let (cap, cluster) = forms.stats.get(&forms.text[f]).copied().unwrap_or((0, 0));
        let e = Entry {
            tag: fixed[f],
            class: class[f],
            fine: fine[f],
            cap,
            cluster,
        };
        if e.tag != NOT_FIXED || e.class != 0 || cap != 0 || cluster != 0 {
            out.push((forms.text[f].clone(), e));
        }
    }
    let mut rest: Vec<(&String, &FormStats)> = forms
        .stats
        .iter()
        .filter(|(w, _)| !forms.index.contains_key(*w))
        .collect();
    rest.sort_unstable();
    for (w, &(cap, cluster)) in rest {
        out.push((
            w.clone(),
            Entry {
                tag: NOT_FIXED,
                class: 0,
                fine: 0,
                cap,
                cluster,
            },
        ));
    }
    out
}

/// The command line: `train_tagger TREEBANKS OUT_DIR [--each-epoch] [--epochs N] [--name-epochs N]
/// [--names-only]`. Trains the name model on UNER EWT train (writes `OUT_DIR/names.bin`, prints name F1
/// on UNER EWT dev and test), then, unless `--names-only`, the part-of-speech model on UD EWT train and
/// GUM train (free genres) (writes `OUT_DIR/upos.bin`, prints the accuracy on EWT dev, GUM dev and EWT
/// test).
pub fn run(args: &[String]) -> Result<String, String> {
    let dir =
        std::path::Path::new(args.first().ok_or(
            "usage: train_tagger TREEBANKS OUT_DIR [--each-epoch] [--epochs N] [--name-epochs N] [--names-only]",
        )?);
    let out = std::path::Path::new(args.get(1).ok_or("missing OUT_DIR")?);
    let mut st = Settings::default();
    let each = args.iter().any(|a| a == "--each-epoch");
    if let Some(i) = args.iter().position(|a| a == "--epochs") {
        st.epochs = args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--epochs N")?;
    }
    if let Some(i) = args.iter().position(|a| a == "--class-min") {
        st.class_min_count = args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--class-min N")?;
    }
    if let Some(i) = args.iter().position(|a| a == "--own-classes") {
        st.own_classes = args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--own-classes N")?;
    }
    if let Some(i) = args.iter().position(|a| a == "--class-share") {
        st.class_share = args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--class-share X")?;
    }
    let name_epochs = match args.iter().position(|a| a == "--name-epochs") {
        Some(i) => Some(args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--name-epochs N")?),
        None => None,
    };
    // the name model first: it reads the part-of-speech model built into this program, never the one
    // being written
    let names_log = if args.iter().any(|a| a == "--upos-only") {
        String::new()
    } else {
        super::names_train::run_names(dir, out, each, name_epochs, !args.iter().any(|a| a == "--names-no-gum"))?
    };
    if args.iter().any(|a| a == "--names-only") {
        return Ok(names_log);
    }
    let read = |p: &str| -> Result<Vec<Sentence>, String> {
        let path = dir.join(p);
        let s = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(read_conllu(&s))
    };
    let mut names_log_stats = String::new();
    let mut stats_settings = StatsSettings::default();
    for (flag, field) in [
        ("--clusters", &mut stats_settings.clusters),
        ("--contexts", &mut stats_settings.contexts),
    ] {
        if let Some(i) = args.iter().position(|a| a == flag) {
            *field = args.get(i + 1).and_then(|s| s.parse().ok()).ok_or(flag)?;
        }
    }
    if let Some(i) = args.iter().position(|a| a == "--cluster-min") {
        stats_settings.cluster_min = args.get(i + 1).and_then(|s| s.parse().ok()).ok_or("--cluster-min N")?;
    }
    let mut train_set = read("ud_ewt/en_ewt-ud-train.conllu")?;
    train_set.extend(read("gum/en_gum-train-free.conllu")?);
    let ewt_dev = read("ud_ewt/en_ewt-ud-dev.conllu")?;
    let gum_dev = read("gum/en_gum-dev-free.conllu")?;
    // statistics from unlabeled text: the training sentences and, when given, the bench corpus (JSON
    // lines with a "text")
    let mut texts: Vec<String> = train_set.iter().map(|s| s.text.clone()).collect();
    if let Some(i) = args.iter().position(|a| a == "--unlabeled") {
        let path = args.get(i + 1).ok_or("--unlabeled FILE")?;
        let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
            texts.push(v["text"].as_str().unwrap_or_default().to_string());
        }
    }
    let stats = if args.iter().any(|a| a == "--no-stats") {
        HashMap::new()
    } else {
        form_stats(texts.iter().map(String::as_str), &stats_settings)
    };
    let _ = writeln!(
        names_log_stats,
        "unlabeled statistics: {} texts, {} forms",
        texts.len(),
        stats.len()
    );
    let trained = train(
        &train_set,
        &stats,
        &[("ewt-dev", &ewt_dev), ("gum-dev", &gum_dev)],
        &st,
        each,
    );
    let mut log = names_log + &names_log_stats + &trained.log;
    let path = out.join("upos.bin");
    std::fs::write(&path, &trained.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let m = Model::from_bytes(&trained.bytes).ok_or("the written model does not read back")?;
    // the Penn-tag table, keyed by the Universal tags of the model just trained
    let penn = super::penn_train::train_penn(&train_set, &m);
    let path = out.join("xpos.bin");
    std::fs::write(&path, &penn).map_err(|e| format!("{}: {e}", path.display()))?;
    let pm = super::penn::PennModel::from_bytes(&penn).ok_or("the written Penn table does not read back")?;
    let _ = writeln!(log, "Penn table: {} bytes", penn.len());
    if args.iter().any(|a| a == "--confusion") {
        for (name, sents) in [("EWT dev", &ewt_dev), ("GUM dev", &gum_dev)] {
            let _ = writeln!(
                log,
                "{name} confusions (gold -> tagged):\n{}",
                confusions(&m, sents, 25)
            );
        }
    }
    let ewt_test = read("ud_ewt/en_ewt-ud-test.conllu")?;
    for (name, sents) in [("EWT dev", &ewt_dev), ("GUM dev", &gum_dev), ("EWT test", &ewt_test)] {
        let (ok, n) = accuracy(&m, sents);
        let (pok, pn) = super::penn_train::penn_accuracy(&pm, &m, sents);
        let _ = writeln!(
            log,
            "{name}: UPOS accuracy {:.4} ({ok}/{n}), Penn (XPOS) accuracy {:.4} ({pok}/{pn})",
            ok as f64 / n.max(1) as f64,
            pok as f64 / pn.max(1) as f64
        );
    }
    Ok(log)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = I don't know John's dog-walker, e.g. at 10:30.
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_
5\tJohn\tJohn\tPROPN\tNNP\t_\t7\tnmod:poss\t_\tSpaceAfter=No
6\t's\t's\tPART\tPOS\t_\t5\tcase\t_\t_
7\tdog\tdog\tNOUN\tNN\t_\t9\tcompound\t_\tSpaceAfter=No
8\t-\t-\tPUNCT\tHYPH\t_\t9\tpunct\t_\tSpaceAfter=No
9\twalker\twalker\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
10\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_
11\te.g.\te.g.\tADV\tFW\t_\t4\tadvmod\t_\t_
12\tat\tat\tADP\tIN\t_\t13\tcase\t_\t_
13\t10:30\t10:30\tNUM\tCD\t_\t4\tobl\t_\tSpaceAfter=No
14\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

    #[test]
    fn the_text_is_rebuilt_from_tokens_and_space_after() {
        let s = read_conllu(SAMPLE);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "I don't know John's dog-walker, e.g. at 10:30.");
        // the multiword token that its words spell became its words, each with a span
        let u = &s[0].units;
        assert_eq!(&s[0].text[u[1].start..u[1].end], "do");
        assert_eq!(&s[0].text[u[2].start..u[2].end], "n't");
        assert_eq!(u.len(), 14);
        // one that they do not spell ("y'all" = "you" + "all") stays whole, with its first word's tag
        let yall = read_conllu(
            "1-2\ty'all\t_\t_\t_\t_\t_\t_\t_\t_\n1\tyou\tyou\tPRON\tPRP\t_\t0\troot\t_\t_\n\
             2\tall\tall\tDET\tDT\t_\t1\tdet\t_\t_\n\n",
        );
        assert_eq!(yall[0].text, "y'all");
        assert_eq!(
            yall[0].units,
            [Unit {
                start: 0,
                end: 5,
                upos: Upos::Pron,
                xpos: "PRP".to_string(),
            }]
        );
    }

    #[test]
    fn treebank_tokens_map_onto_the_crates_tokens() {
        let s = &read_conllu(SAMPLE)[0];
        let doc = Doc::new(&s.text);
        let got: Vec<(&str, &str)> = align(&doc, &s.units)
            .iter()
            .enumerate()
            .map(|(i, u)| (doc.tok(i), u.map_or("-", Upos::as_str)))
            .collect();
        assert_eq!(
            got,
            [
                ("I", "PRON"),
                // a contraction the crate keeps whole takes its first word's tag
                ("don't", "AUX"),
                ("know", "VERB"),
                // the possessive is split by both
                ("John", "PROPN"),
                ("'s", "PART"),
                // a hyphenated word the crate keeps whole takes its last word's tag
                ("dog-walker", "NOUN"),
                (",", "PUNCT"),
                ("e.g.", "ADV"),
                ("at", "ADP"),
                // a treebank token the crate splits: its pieces keep the tag, punctuation is PUNCT
                ("10", "NUM"),
                (":", "PUNCT"),
                ("30", "NUM"),
                (".", "PUNCT"),
            ]
        );
    }

    #[test]
    fn training_is_deterministic() {
        let s = read_conllu(&SAMPLE.repeat(3));
        let st = Settings {
            epochs: 2,
            min_count: 1,
            ..Settings::default()
        };
        let a = train(&s, &HashMap::new(), &[], &st, false);
        let b = train(&s, &HashMap::new(), &[], &st, false);
        assert_eq!(a.bytes, b.bytes);
        assert!(Model::from_bytes(&a.bytes).is_some());
    }

    #[test]
    fn unlabeled_statistics_become_features_and_dictionary_entries() {
        let s = read_conllu(&SAMPLE.repeat(3));
        let st = Settings {
            epochs: 2,
            min_count: 1,
            ..Settings::default()
        };
        // "dog" and "walker" (in the training data) and "qzxj" (not) share a cluster; "qzxv", spelt
        // alike, has none
        let stats: HashMap<String, FormStats> = [("dog", 9), ("walker", 9), ("qzxj", 9), ("know", 4)]
            .into_iter()
            .map(|(w, c)| (w.to_string(), (1, c)))
            .collect();
        let a = train(&s, &stats, &[], &st, false);
        assert_eq!(a.bytes, train(&s, &stats, &[], &st, false).bytes);
        let m = Model::from_bytes(&a.bytes).expect("reads back");
        // the weights the cluster feature learned on the training forms reach "qzxj" through the
        // dictionary
        assert_ne!(m.block("qzxj", 0), m.block("qzxv", 0));
        // without the statistics, the two are alike
        let plain = Model::from_bytes(&train(&s, &HashMap::new(), &[], &st, false).bytes).expect("reads back");
        assert_eq!(plain.block("qzxj", 0), plain.block("qzxv", 0));
    }
}
