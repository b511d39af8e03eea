//! The training program of the name model (feature `train`; run by `train_tagger`, see
//! `docs/tagger.md`).
//!
//! It reads UNER English-EWT (`.iob2`: a `# text =` line, then one treebank token a line with its BIO
//! tag), finds each token in the sentence's text to get the byte spans of its names, tokenises the text
//! with the crate's own tokenizer and gives the crate's tokens the names' tags ([`gold_classes`]). It
//! then trains an averaged perceptron over the features of [`super::names`], greedy and left to right
//! with valid transitions, in a fixed order with a fixed seed, and writes the quantised weights
//! (format `NPNAME01`). Same input, same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::names::{MAGIC, NCLASS, NameModel, NameType, O, START, allowed, static_features, tag_features};
use crate::text::Doc;

/// A treebank sentence: its text and its names (byte spans and types).
#[derive(Debug, Clone)]
pub(crate) struct NameSentence {
    /// The sentence's text.
    pub(crate) text: String,
    /// The names: start and end byte offsets, type.
    pub(crate) names: Vec<(usize, usize, NameType)>,
}

fn parse_type(s: &str) -> Option<NameType> {
    NameType::ALL.into_iter().find(|t| t.as_str() == s)
}

/// Reads a UNER `.iob2` file. A sentence whose tokens cannot all be found in order in its `# text` is
/// skipped.
pub(crate) fn read_iob2(src: &str) -> Vec<NameSentence> {
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    let mut toks: Vec<(String, String)> = Vec::new();
    let mut flush = |text: &mut Option<String>, toks: &mut Vec<(String, String)>| {
        if let Some(t) = text.take()
            && !toks.is_empty()
            && let Some(s) = locate(&t, toks)
        {
            out.push(s);
        }
        toks.clear();
    };
    for line in src.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut text, &mut toks);
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 {
            toks.push((cols[1].to_string(), cols[2].to_string()));
        }
    }
    flush(&mut text, &mut toks);
    out
}

/// The name type of a GUM entity type: person PER, organization ORG, place LOC; event, object,
/// abstract, substance, animal and plant OTH; time none (dates are not names).
fn gum_type(t: &str) -> Option<Option<NameType>> {
    match t {
        "person" => Some(Some(NameType::Per)),
        "organization" => Some(Some(NameType::Org)),
        "place" => Some(Some(NameType::Loc)),
        "time" => Some(None),
        "event" | "object" | "abstract" | "substance" | "animal" | "plant" => Some(Some(NameType::Oth)),
        _ => None,
    }
}

/// The entity brackets of a GUM `Entity=` value, in order: `(id, Some(type))` opens, `(id, None)`
/// closes; an opener closed at once ("(5-time-…-sgl)") gives both.
fn gum_brackets(v: &str) -> Vec<(u32, Option<&str>)> {
    let mut out = Vec::new();
    let b = v.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let rest = &v[i + 1..];
            let end = rest.find(['(', ')']).map_or(rest.len(), |e| e);
            let mut parts = rest[..end].split('-');
            let id = parts.next().and_then(|x| x.parse().ok());
            let ty = parts.next();
            if let (Some(id), Some(ty)) = (id, ty) {
                out.push((id, Some(ty)));
                if rest[end..].starts_with(')') {
                    out.push((id, None));
                    i += 1 + end + 1;
                    continue;
                }
            }
            i += 1 + end;
        } else if b[i].is_ascii_digit() {
            let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if b.get(i + n) == Some(&b')') {
                if let Ok(id) = v[i..i + n].parse() {
                    out.push((id, None));
                }
                i += n + 1;
            } else {
                i += n;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Reads GUM's entities (CoNLL-U, `Entity=` in MISC) as names: an entity whose words are proper nouns
/// (first and last; inside also "of", "the", "and", hyphens: "Bank of England") is a name of its type
/// ([`gum_type`]); the widest such entity wins over those inside it. A sentence with a proper noun in
/// no such entity, a multiword token, or unbalanced brackets does not map cleanly and is skipped.
pub(crate) fn read_gum(src: &str) -> Vec<NameSentence> {
    struct Word {
        start: usize,
        end: usize,
        upos: String,
    }
    let mut out = Vec::new();
    let mut text = String::new();
    let mut words: Vec<Word> = Vec::new();
    // open entities: id, type, first word
    let mut open: Vec<(u32, String, usize)> = Vec::new();
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut clean = true;
    let mut finish = |text: &mut String,
                      words: &mut Vec<Word>,
                      spans: &mut Vec<(usize, usize, String)>,
                      open: &mut Vec<(u32, String, usize)>,
                      clean: &mut bool| {
        if *clean && !words.is_empty() && open.is_empty() {
            let named = |a: usize, b: usize| {
                let (first, last) = (&words[a].upos, &words[b - 1].upos);
                first == "PROPN"
                    && last == "PROPN"
                    && words[a..b]
                        .iter()
                        .all(|w| matches!(w.upos.as_str(), "PROPN" | "ADP" | "DET" | "CCONJ" | "PUNCT"))
            };
            // widest first, then by position
            let mut cand: Vec<&(usize, usize, String)> = spans.iter().filter(|s| named(s.0, s.1)).collect();
            cand.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)));
            let mut taken = vec![false; words.len()];
            let mut names = Vec::new();
            let mut ok = true;
            for (a, b, ty) in cand {
                if taken[*a..*b].iter().any(|&t| t) {
                    continue;
                }
                taken[*a..*b].iter_mut().for_each(|t| *t = true);
                match gum_type(ty) {
                    Some(Some(t)) => names.push((words[*a].start, words[*b - 1].end, t)),
                    Some(None) => {}
                    None => ok = false,
                }
            }
            // every proper noun must be inside a name (or a date)
            if ok && words.iter().zip(&taken).all(|(w, &t)| t || w.upos != "PROPN") {
                names.sort_by_key(|n| n.0);
                out.push(NameSentence {
                    text: text.trim_end().to_string(),
                    names,
                });
            }
        }
        text.clear();
        words.clear();
        spans.clear();
        open.clear();
        *clean = true;
    };
    for line in src.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            finish(&mut text, &mut words, &mut spans, &mut open, &mut clean);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('.') {
            continue;
        }
        if cols[0].contains('-') {
            clean = false;
            continue;
        }
        let start = text.len();
        text.push_str(cols[1]);
        let k = words.len();
        words.push(Word {
            start,
            end: text.len(),
            upos: cols[3].to_string(),
        });
        let mut space = true;
        for m in cols[9].split('|') {
            if m == "SpaceAfter=No" {
                space = false;
            }
            if let Some(v) = m.strip_prefix("Entity=") {
                for (id, ty) in gum_brackets(v) {
                    match ty {
                        Some(ty) => open.push((id, ty.to_string(), k)),
                        None => match open.iter().rposition(|o| o.0 == id) {
                            Some(p) => {
                                let (_, ty, a) = open.remove(p);
                                spans.push((a, k + 1, ty));
                            }
                            None => clean = false,
                        },
                    }
                }
            }
        }
        if space {
            text.push(' ');
        }
    }
    finish(&mut text, &mut words, &mut spans, &mut open, &mut clean);
    out
}

/// Finds the tokens in order in `text` and turns their BIO tags into typed byte spans.
fn locate(text: &str, toks: &[(String, String)]) -> Option<NameSentence> {
    let mut at = 0;
    let mut names: Vec<(usize, usize, NameType)> = Vec::new();
    let mut open = false;
    for (tok, tag) in toks {
        let rest = text.get(at..)?;
        let skip = rest.len() - rest.trim_start().len();
        if !rest[skip..].starts_with(tok.as_str()) {
            return None;
        }
        let (s, e) = (at + skip, at + skip + tok.len());
        at = e;
        match tag.split_once('-') {
            Some(("B", t)) => {
                names.push((s, e, parse_type(t)?));
                open = true;
            }
            Some(("I", t))
                if open
                    && names
                        .last()
                        .is_some_and(|n| n.2 == parse_type(t).unwrap_or(NameType::Oth)) =>
            {
                if let Some(n) = names.last_mut() {
                    n.1 = e;
                }
            }
            Some(("I", t)) => {
                // an I without its B opens a name
                names.push((s, e, parse_type(t)?));
                open = true;
            }
            _ => open = false,
        }
    }
    Some(NameSentence {
        text: text.to_string(),
        names,
    })
}

/// The gold class of every token of `doc` (the crate's tokenisation of `s.text`): a token that starts
/// inside a name is in it, B for the first such token, I for the others; O otherwise.
pub(crate) fn gold_classes(doc: &Doc, s: &NameSentence) -> Vec<u8> {
    let mut out = vec![O; doc.tokens.len()];
    for &(start, end, ty) in &s.names {
        let mut first = true;
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.start >= start && t.start < end {
                out[i] = ty.class(first);
                first = false;
            }
        }
    }
    out
}

/// One decoding sequence: the static feature ids of each token (kept features only), its shape and its
/// gold class.
struct Seq {
    feats: Vec<Vec<u32>>,
    shapes: Vec<u8>,
    gold: Vec<u8>,
}

/// Calls `f` with each sentence of the crate's segmentation of `sents`: its document, its tokens and
/// the gold classes of the whole document.
fn each_sentence(sents: &[NameSentence], mut f: impl FnMut(&Doc, std::ops::Range<usize>, &[u8])) {
    for s in sents {
        let doc = Doc::with_title(&s.text, Some(false));
        let gold = gold_classes(&doc, s);
        for sent in &doc.sentences {
            f(&doc, sent.tokens.clone(), &gold);
        }
    }
}

/// A sentence's raw feature keys by token, case shapes and gold classes.
type RawSequence = (Vec<Vec<u32>>, Vec<u8>, Vec<u8>);

/// The features of a set of sentences, by token, as raw keys.
fn raw_sequences(sents: &[NameSentence]) -> Vec<RawSequence> {
    let mut out = Vec::new();
    each_sentence(sents, |doc, r, gold| {
        let mut feats = Vec::with_capacity(r.len());
        let mut shapes = Vec::with_capacity(r.len());
        for i in r.clone() {
            let mut v = Vec::with_capacity(48);
            // in the order the tagger adds them, duplicates kept (both count twice)
            shapes.push(static_features(doc, r.clone(), i, |k| v.push(k)));
            feats.push(v);
        }
        out.push((feats, shapes, r.map(|i| gold[i]).collect()));
    });
    out
}

/// Training settings.
#[derive(Debug, Clone)]
pub(crate) struct NameSettings {
    /// Passes over the training data.
    pub(crate) epochs: usize,
    /// A static feature is kept when it occurs at least this often.
    pub(crate) min_count: u32,
    /// The most features written (the largest by weight; row numbers are `u16`).
    pub(crate) max_rows: usize,
    /// Index bits of the written file.
    pub(crate) bits: u32,
    /// Shuffle seed.
    pub(crate) seed: u64,
}

impl Default for NameSettings {
    fn default() -> Self {
        NameSettings {
            epochs: 8,
            min_count: 2,
            max_rows: 65_535,
            bits: 16,
            seed: 0x6e61_6d65,
        }
    }
}

/// Exact name spans of a tag sequence: (start, end, type class of B).
fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let c = tags[i];
        if c != O {
            let ty = NameType::of_class(c).map_or(0, |t| t as u8);
            let mut j = i + 1;
            while j < tags.len()
                && tags[j] != O
                && tags[j] % 2 == 0
                && NameType::of_class(tags[j]).map(|t| t as u8) == Some(ty)
            {
                j += 1;
            }
            out.push((i, j, ty));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Exact typed name counts over PER/ORG/LOC (OTH left out, as the stages reject it): (correct, predicted,
/// gold).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    /// Predicted spans with the gold span and type.
    pub(crate) ok: usize,
    /// Predicted spans.
    pub(crate) pred: usize,
    /// Gold spans.
    pub(crate) gold: usize,
}

impl Counts {
    fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let actor = |s: &(usize, usize, u8)| s.2 != NameType::Oth as u8;
        let g: Vec<_> = spans(gold).into_iter().filter(actor).collect();
        let p: Vec<_> = spans(pred).into_iter().filter(actor).collect();
        self.ok += p.iter().filter(|s| g.contains(s)).count();
        self.pred += p.len();
        self.gold += g.len();
    }

    /// Precision, recall, F1.
    pub(crate) fn prf(&self) -> (f64, f64, f64) {
        let p = self.ok as f64 / self.pred.max(1) as f64;
        let r = self.ok as f64 / self.gold.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }
}

/// Name F1 of a model over treebank sentences (decoded as the crate's tokens).
pub(crate) fn evaluate(m: &NameModel, sents: &[NameSentence]) -> Counts {
    let mut c = Counts::default();
    each_sentence(sents, |doc, r, gold| {
        let pred = m.tag_sentence(doc, r.clone());
        c.add(&gold[r], &pred);
    });
    c
}

/// The trained model: its file and a log.
pub(crate) struct TrainedNames {
    /// The model file.
    pub(crate) bytes: Vec<u8>,
    /// What training printed.
    pub(crate) log: String,
}

/// Trains the name model on `train`, printing F1 on `dev` after each epoch when `each_epoch`.
pub(crate) fn train_names(
    train: &[NameSentence],
    dev: &[NameSentence],
    st: &NameSettings,
    each_epoch: bool,
) -> TrainedNames {
    let mut log = String::new();
    let raw = raw_sequences(train);
    // keep the static features seen often enough; number them in order of first sight
    let mut count: HashMap<u32, u32> = HashMap::new();
    let mut order = Vec::new();
    for (feats, _, _) in &raw {
        for v in feats {
            for &k in v {
                let n = count.entry(k).or_insert(0);
                if *n == 0 {
                    order.push(k);
                }
                *n += 1;
            }
        }
    }
    let mut id: HashMap<u32, u32> = HashMap::new();
    let mut keys: Vec<u32> = Vec::new();
    for k in order {
        if count[&k] >= st.min_count {
            id.insert(k, keys.len() as u32);
            keys.push(k);
        }
    }
    // the tag features: every combination, numbered after the static ones
    for t1 in 0..=START {
        for t2 in 0..=START {
            for shape in 0..8u8 {
                tag_features(t1, t2, shape, |k| {
                    if let std::collections::hash_map::Entry::Vacant(e) = id.entry(k) {
                        e.insert(keys.len() as u32);
                        keys.push(k);
                    }
                });
            }
        }
    }
    let seqs: Vec<Seq> = raw
        .into_iter()
        .map(|(feats, shapes, gold)| Seq {
            feats: feats
                .into_iter()
                .map(|v| v.into_iter().filter_map(|k| id.get(&k).copied()).collect())
                .collect(),
            shapes,
            gold,
        })
        .collect();
    let _ = writeln!(
        log,
        "names: {} sequences, {} features kept of {}",
        seqs.len(),
        keys.len(),
        count.len()
    );
    let n = keys.len();
    let mut w = vec![[0i32; NCLASS]; n];
    let mut u = vec![[0i64; NCLASS]; n];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = st.seed | 1;
    let mut rows: Vec<u32> = Vec::with_capacity(64);
    for epoch in 0..st.epochs {
        // Fisher-Yates with xorshift
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &si in &order {
            let s = &seqs[si];
            let (mut t1, mut t2) = (START, START);
            for j in 0..s.gold.len() {
                rows.clear();
                rows.extend_from_slice(&s.feats[j]);
                tag_features(t1, t2, s.shapes[j], |k| rows.push(id[&k]));
                let mut sc = [0i32; NCLASS];
                for &r in &rows {
                    for (a, x) in sc.iter_mut().zip(w[r as usize]) {
                        *a += x;
                    }
                }
                let pred = super::names::best(&sc, t1);
                let gold = s.gold[j];
                if pred != gold {
                    for &r in &rows {
                        let r = r as usize;
                        w[r][gold as usize] += 1;
                        w[r][pred as usize] -= 1;
                        u[r][gold as usize] += c;
                        u[r][pred as usize] -= c;
                    }
                }
                c += 1;
                // decode on with the gold tag when it is allowed (it always is in gold data)
                let next = if allowed(t1, gold) { gold } else { pred };
                (t2, t1) = (t1, next);
            }
        }
        if each_epoch || epoch + 1 == st.epochs {
            let bytes = write(&w, &u, c, &keys, st);
            let Some(m) = NameModel::from_bytes(&bytes) else {
                let _ = writeln!(log, "names: epoch {}: the model does not read back", epoch + 1);
                continue;
            };
            if each_epoch && !dev.is_empty() {
                let (p, r, f) = evaluate(&m, dev).prf();
                let _ = writeln!(log, "names: epoch {}: dev P {p:.4} R {r:.4} F1 {f:.4}", epoch + 1);
            }
            if epoch + 1 == st.epochs {
                return TrainedNames { bytes, log };
            }
        }
    }
    TrainedNames { bytes: Vec::new(), log }
}

/// The averaged weights, quantised to `i16`, in the `NPNAME01` layout.
fn write(w: &[[i32; NCLASS]], u: &[[i64; NCLASS]], c: i64, keys: &[u32], st: &NameSettings) -> Vec<u8> {
    let avg: Vec<[f64; NCLASS]> = w
        .iter()
        .zip(u)
        .map(|(w, u)| std::array::from_fn(|k| f64::from(w[k]) - u[k] as f64 / c as f64))
        .collect();
    let max = avg.iter().flatten().fold(0f64, |m, x| m.max(x.abs())).max(1e-9);
    let scale = (32_000.0 / max) as f32;

    let q: Vec<[i16; NCLASS]> = avg
        .iter()
        .map(|a| std::array::from_fn(|k| (a[k] * f64::from(scale)).round() as i16))
        .collect();
    // the largest rows, at most max_rows, none all zero; ties by feature number
    let mut kept: Vec<usize> = (0..q.len()).filter(|&r| q[r].iter().any(|&x| x != 0)).collect();
    let l1 = |r: usize| q[r].iter().map(|&x| i64::from(x).abs()).sum::<i64>();
    kept.sort_by(|&a, &b| l1(b).cmp(&l1(a)).then(a.cmp(&b)));
    let slots = 1usize << st.bits;
    kept.truncate(st.max_rows.min(slots * 3 / 5));
    kept.sort_unstable();
    let mut table = vec![0u32; slots];
    let mut index = vec![0u16; slots];
    for (row, &r) in kept.iter().enumerate() {
        let k = keys[r];
        let mut s = (k >> (32 - st.bits)) as usize;
        while table[s] != 0 {
            s = (s + 1) & (slots - 1);
        }
        table[s] = k;
        index[s] = row as u16;
    }
    let mut out = Vec::with_capacity(20 + slots * 6 + kept.len() * NCLASS * 2);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&st.bits.to_le_bytes());
    out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    for k in &table {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for i in &index {
        out.extend_from_slice(&i.to_le_bytes());
    }
    for &r in &kept {
        for x in q[r] {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
}

/// Reads the UNER files, trains, writes `OUT_DIR/names.bin`, and prints the name F1 on EWT dev and test.
pub(crate) fn run_names(
    dir: &std::path::Path,
    out: &std::path::Path,
    each_epoch: bool,
    epochs: Option<usize>,
    gum: bool,
) -> Result<String, String> {
    let read = |p: &str| -> Result<Vec<NameSentence>, String> {
        let path = dir.join(p);
        let s = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(read_iob2(&s))
    };
    let mut train = read("uner_ewt/en_ewt-ud-train.iob2")?;
    if gum {
        let path = dir.join("gum/en_gum-train-free.conllu");
        let s = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        train.extend(read_gum(&s));
    }
    let dev = read("uner_ewt/en_ewt-ud-dev.iob2")?;
    let mut st = NameSettings::default();
    if let Some(e) = epochs {
        st.epochs = e;
    }
    let t = train_names(&train, &dev, &st, each_epoch);
    let mut log = t.log;
    let path = out.join("names.bin");
    std::fs::write(&path, &t.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let m = NameModel::from_bytes(&t.bytes).ok_or("names.bin does not read back")?;
    let test = read("uner_ewt/en_ewt-ud-test.iob2")?;
    let gum_dev = {
        let path = dir.join("gum/en_gum-dev-free.conllu");
        read_gum(&std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?)
    };
    for (name, sents) in [
        ("UNER EWT dev", &dev),
        ("GUM dev (names mapped)", &gum_dev),
        ("UNER EWT test", &test),
    ] {
        let c = evaluate(&m, sents);
        let (p, r, f) = c.prf();
        let _ = writeln!(
            log,
            "{name}: name P {p:.4} R {r:.4} F1 {f:.4} (PER/ORG/LOC exact; {} of {} predicted, {} gold)",
            c.ok, c.pred, c.gold
        );
    }
    Ok(log)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = x-1
# text = Officials in Tromsø met Okonkwo's team at the U.N. on Monday.
1\tOfficials\tO
2\tin\tO
3\tTromsø\tB-LOC\t-\ta
4\tmet\tO
5\tOkonkwo\tB-PER\t-\ta
6\t's\tO
7\tteam\tO
8\tat\tO
9\tthe\tO
10\tU.N.\tB-ORG\t-\ta
11\ton\tO
12\tMonday\tO
13\t.\tO

";

    #[test]
    fn iob2_names_map_onto_the_crates_tokens() {
        let s = read_iob2(SAMPLE);
        assert_eq!(s.len(), 1);
        let names: Vec<&str> = s[0].names.iter().map(|n| &s[0].text[n.0..n.1]).collect();
        assert_eq!(names, ["Tromsø", "Okonkwo", "U.N."]);
        let doc = Doc::with_title(&s[0].text, Some(false));
        let gold = gold_classes(&doc, &s[0]);
        let tagged: Vec<(&str, u8)> = (0..doc.tokens.len()).map(|i| (doc.tok(i), gold[i])).collect();
        assert!(tagged.contains(&("Tromsø", NameType::Loc.class(true))));
        assert!(tagged.contains(&("Okonkwo", NameType::Per.class(true))));
        assert!(tagged.contains(&("Monday", O)));
        assert!(tagged.contains(&("'s", O)));
        // a sentence whose tokens are not in its text is skipped
        assert!(read_iob2("# text = a b\n1\ta\tO\n2\tc\tO\n\n").is_empty());
    }

    #[test]
    fn spans_follow_bio_and_counts_leave_oth_out() {
        let (bp, ip, bo) = (
            NameType::Per.class(true),
            NameType::Per.class(false),
            NameType::Oth.class(true),
        );
        assert_eq!(spans(&[O, bp, ip, O, bo]), [(1, 3, 0), (4, 5, 3)]);
        let mut c = Counts::default();
        c.add(&[O, bp, ip, O, bo], &[O, bp, O, O, bo]);
        assert_eq!((c.ok, c.pred, c.gold), (0, 1, 1));
    }

    #[test]
    fn name_training_is_deterministic_and_reads_back() {
        let s = read_iob2(&SAMPLE.repeat(3));
        let st = NameSettings {
            epochs: 2,
            min_count: 1,
            bits: 12,
            ..NameSettings::default()
        };
        let a = train_names(&s, &[], &st, false);
        let b = train_names(&s, &[], &st, false);
        assert_eq!(a.bytes, b.bytes);
        let m = NameModel::from_bytes(&a.bytes).expect("reads back");
        // the training sentence is learned
        let c = evaluate(&m, &s);
        assert_eq!(c.ok, c.gold);
    }
}
