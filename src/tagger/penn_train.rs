//! Training of the Penn-tag table ([`super::penn`]; feature `train`): the treebanks' XPOS tags, mapped
//! onto the crate's tokens as the Universal tags are ([`align_units`]), keyed by the Universal tags that
//! the part-of-speech model gives (so the table learns from the model's mistakes too), pruned from the
//! most general key to the most specific.

use std::collections::HashMap;

use super::model::Model;
use super::penn::{LEVELS, PennModel, encode, token_keys};
use super::train::{Sentence, align_units};
use crate::text::Doc;

/// The fewest training tokens an entry of each level needs (most specific level first).
const MIN_COUNT: [u32; LEVELS] = [2, 2, 1, 3, 2, 2, 1, 1, 1];

/// The table keys and gold Penn tag of every training token that a treebank token with an XPOS tag
/// covers, the Universal tags given by `upos`.
fn contexts(sents: &[Sentence], upos: &Model) -> Vec<([u32; LEVELS], String)> {
    let mut out = Vec::new();
    for s in sents {
        let doc = Doc::new(&s.text);
        let tags = upos.tag(&doc, &mut Default::default());
        for (i, a) in align_units(&doc, &s.units).iter().enumerate() {
            let Some((_, Some(k))) = a else { continue };
            let x = &s.units[*k].xpos;
            if x.is_empty() || x == "_" {
                continue;
            }
            out.push((token_keys(&doc, &tags, i), x.clone()));
        }
    }
    out
}

/// Trains the table on `train` (Universal tags from `upos`) and returns the model file. Deterministic:
/// tags are numbered in name order and entries are sorted by key.
pub(crate) fn train_penn(train: &[Sentence], upos: &Model) -> Vec<u8> {
    let ctx = contexts(train, upos);
    let mut names: Vec<String> = ctx.iter().map(|(_, x)| x.clone()).collect();
    names.sort_unstable();
    names.dedup();
    let number: HashMap<&str, u8> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i as u8)).collect();
    let gold: Vec<u8> = ctx.iter().map(|(_, x)| number[x.as_str()]).collect();
    let mut table: HashMap<u32, u8> = HashMap::new();
    for level in (0..LEVELS).rev() {
        // per key: the tag counts, and how many of its tokens the more general keys already tag right
        let mut counts: HashMap<u32, (Vec<u32>, u32)> = HashMap::new();
        for ((keys, _), &g) in ctx.iter().zip(&gold) {
            let e = counts.entry(keys[level]).or_insert_with(|| (vec![0; names.len()], 0));
            e.0[usize::from(g)] += 1;
            let back = keys[level + 1..].iter().find_map(|k| table.get(k));
            e.1 += u32::from(back == Some(&g));
        }
        let mut kept: Vec<(u32, u8)> = Vec::new();
        for (k, (c, back_ok)) in &counts {
            let total: u32 = c.iter().sum();
            // the first of the most frequent tags
            let best = (0..c.len()).fold(0, |b, t| if c[t] > c[b] { t } else { b });
            if total >= MIN_COUNT[level] && c[best] > *back_ok {
                kept.push((*k, best as u8));
            }
        }
        table.extend(kept);
    }
    let mut entries: Vec<(u32, u8)> = table.into_iter().collect();
    entries.sort_unstable();
    encode(&names, &entries)
}

/// Penn-tag accuracy of `table` on `sents` (Universal tags from `upos`), over the crate's tokens that a
/// treebank token with an XPOS tag covers.
pub(crate) fn penn_accuracy(table: &PennModel, upos: &Model, sents: &[Sentence]) -> (usize, usize) {
    let (mut ok, mut n) = (0, 0);
    for s in sents {
        let doc = Doc::new(&s.text);
        let tags = upos.tag(&doc, &mut Default::default());
        let got = table.tag(&doc, &tags);
        for (i, a) in align_units(&doc, &s.units).iter().enumerate() {
            let Some((_, Some(k))) = a else { continue };
            let x = &s.units[*k].xpos;
            if x.is_empty() || x == "_" {
                continue;
            }
            n += 1;
            ok += usize::from(got[i] == Some(x.as_str()));
        }
    }
    (ok, n)
}

#[cfg(test)]
mod tests {
    use super::super::train::read_conllu;
    use super::*;

    const SAMPLE: &str = "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\thas\thave\tAUX\tVBZ\t_\t3\taux\t_\t_
3\tsaid\tsay\tVERB\tVBN\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tno\tno\tINTJ\tUH\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

    #[test]
    fn the_table_learns_the_left_neighbour_and_is_deterministic() {
        let s = read_conllu(&SAMPLE.repeat(3));
        let m = super::super::model::upos_model().expect("a model is built in");
        let a = train_penn(&s, m);
        assert_eq!(a, train_penn(&s, m), "same data, same bytes");
        let t = PennModel::from_bytes(&a).expect("reads back");
        // "said" after "has" and after "she" take their own tags
        let (ok, n) = penn_accuracy(&t, m, &s);
        assert_eq!((ok, n), (24, 24));
        let doc = Doc::new("He has said.");
        let tags = m.tag(&doc, &mut Default::default());
        assert_eq!(t.tag(&doc, &tags)[2], Some("VBN"));
        let doc = Doc::new("She said no.");
        let tags = m.tag(&doc, &mut Default::default());
        assert_eq!(t.tag(&doc, &tags)[1], Some("VBD"));
    }
}
