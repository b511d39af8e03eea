//! Word statistics from unlabeled text for the part-of-speech model (feature `train`): for each
//! lower-cased form, how often it is written capitalised inside a sentence rather than in lower case
//! (a bucket, [`cap_bucket`]), and a distributional word class (a cluster of the forms whose left and
//! right neighbours are alike, [`clusters`]). The training program computes them from the treebanks'
//! training text and the public-domain bench corpus, and ships them in the model's dictionary as two
//! more features of each form.
//!
//! Deterministic: forms are ordered by count, then by text; the clustering starts from the most frequent
//! forms and runs a fixed number of rounds.

use std::collections::HashMap;

use super::features::token_shape;
use crate::text::{Doc, TokenKind};

/// The statistics of one form: its capitalisation bucket (0: too few sightings inside a sentence) and
/// its cluster (0: too rare to have one).
pub(crate) type FormStats = (u8, u8);

/// Settings of the statistics.
#[derive(Debug, Clone)]
pub(crate) struct StatsSettings {
    /// A form has a capitalisation bucket when seen at least this often inside a sentence.
    pub(crate) cap_min: u32,
    /// A form has a cluster when seen at least this often.
    pub(crate) cluster_min: u32,
    /// The number of most frequent forms whose occurrence as a neighbour is a context dimension.
    pub(crate) contexts: usize,
    /// The number of clusters (at most 255).
    pub(crate) clusters: usize,
    /// Rounds of the clustering.
    pub(crate) rounds: usize,
}

impl Default for StatsSettings {
    fn default() -> Self {
        StatsSettings {
            cap_min: 3,
            cluster_min: 5,
            contexts: 300,
            clusters: 200,
            rounds: 8,
        }
    }
}

/// The capitalisation bucket of a form written capitalised inside a sentence `cap` times and in lower
/// case `low` times (1 to 5: never, under a quarter, under a half, under nine tenths, almost always
/// capitalised).
pub(crate) fn cap_bucket(cap: u32, low: u32) -> u8 {
    let r = f64::from(cap) / f64::from((cap + low).max(1));
    match r {
        r if r == 0.0 => 1,
        r if r < 0.25 => 2,
        r if r < 0.5 => 3,
        r if r < 0.9 => 4,
        _ => 5,
    }
}

/// The statistics of every form of `texts` that has any (see [`FormStats`]).
pub(crate) fn form_stats<'a>(texts: impl Iterator<Item = &'a str>, st: &StatsSettings) -> HashMap<String, FormStats> {
    // per form: count, capitalised inside a sentence, lower case; and the sentences as form numbers
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut text: Vec<String> = Vec::new();
    let mut counts: Vec<[u32; 3]> = Vec::new();
    let mut sents: Vec<Vec<u32>> = Vec::new();
    for t in texts {
        let doc = Doc::new(t);
        for s in &doc.sentences {
            let mut ids = Vec::with_capacity(s.tokens.len());
            for i in s.tokens.clone() {
                let w = doc.low(i);
                let id = match index.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = text.len() as u32;
                        index.insert(w.to_string(), id);
                        text.push(w.to_string());
                        counts.push([0; 3]);
                        id
                    }
                };
                let c = &mut counts[id as usize];
                c[0] += 1;
                if doc.tokens[i].kind == TokenKind::Word {
                    match token_shape(&doc, i) {
                        5 => c[1] += 1,
                        3 => c[2] += 1,
                        _ => {}
                    }
                }
                ids.push(id);
            }
            sents.push(ids);
        }
    }
    // forms by count, then text
    let mut by_count: Vec<u32> = (0..text.len() as u32).collect();
    by_count.sort_unstable_by(|&a, &b| {
        counts[b as usize][0]
            .cmp(&counts[a as usize][0])
            .then(text[a as usize].cmp(&text[b as usize]))
    });
    let cluster = clusters(&sents, &counts, &by_count, st);
    let mut out = HashMap::new();
    for (f, w) in text.iter().enumerate() {
        let c = counts[f];
        let cap = if c[1] + c[2] >= st.cap_min {
            cap_bucket(c[1], c[2])
        } else {
            0
        };
        let cl = cluster[f];
        if cap != 0 || cl != 0 {
            out.insert(w.clone(), (cap, cl));
        }
    }
    out
}

/// The cluster of every form (0 for none): the forms seen at least `st.cluster_min` times, each as a
/// vector of the square roots of its left and right neighbours' counts (the `st.contexts` most
/// frequent forms, one dimension each side, the others and the sentence edges sharing one), normalised,
/// grouped by spherical k-means from the `st.clusters` most frequent forms.
fn clusters(sents: &[Vec<u32>], counts: &[[u32; 3]], by_count: &[u32], st: &StatsSettings) -> Vec<u8> {
    let n = counts.len();
    let mut ctx = vec![u32::MAX; n];
    for (k, &f) in by_count.iter().take(st.contexts).enumerate() {
        ctx[f as usize] = k as u32;
    }
    let other = st.contexts as u32;
    let dims = 2 * (st.contexts + 1);
    let mut member = vec![u32::MAX; n];
    let members: Vec<u32> = by_count
        .iter()
        .copied()
        .take_while(|&f| counts[f as usize][0] >= st.cluster_min)
        .collect();
    for (k, &f) in members.iter().enumerate() {
        member[f as usize] = k as u32;
    }
    let mut vecs: Vec<HashMap<u32, f32>> = vec![HashMap::new(); members.len()];
    for s in sents {
        for (j, &f) in s.iter().enumerate() {
            let m = member[f as usize];
            if m == u32::MAX {
                continue;
            }
            let left = if j == 0 {
                other
            } else {
                ctx[s[j - 1] as usize].min(other)
            };
            let right = s.get(j + 1).map_or(other, |&g| ctx[g as usize].min(other));
            let v = &mut vecs[m as usize];
            *v.entry(left).or_insert(0.0) += 1.0;
            *v.entry(other + 1 + right).or_insert(0.0) += 1.0;
        }
    }
    let vecs: Vec<Vec<(u32, f32)>> = vecs
        .into_iter()
        .map(|v| {
            let mut v: Vec<(u32, f32)> = v.into_iter().map(|(d, c)| (d, c.sqrt())).collect();
            v.sort_unstable_by_key(|&(d, _)| d);
            let norm = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|(_, x)| *x /= norm);
            v
        })
        .collect();
    let k = st.clusters.min(255).min(vecs.len());
    let mut cent: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut d = vec![0f32; dims];
            for &(i, x) in &vecs[c] {
                d[i as usize] = x;
            }
            d
        })
        .collect();
    let mut assign = vec![0usize; vecs.len()];
    for _ in 0..st.rounds {
        for (v, a) in vecs.iter().zip(assign.iter_mut()) {
            let mut best = (f32::MIN, 0);
            for (c, cv) in cent.iter().enumerate() {
                let dot: f32 = v.iter().map(|&(i, x)| x * cv[i as usize]).sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *a = best.1;
        }
        for (c, cv) in cent.iter_mut().enumerate() {
            cv.iter_mut().for_each(|x| *x = 0.0);
            for (v, _) in vecs.iter().zip(&assign).filter(|&(_, &a)| a == c) {
                for &(i, x) in v {
                    cv[i as usize] += x;
                }
            }
            let norm = cv.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            cv.iter_mut().for_each(|x| *x /= norm);
        }
    }
    let mut out = vec![0u8; n];
    for (m, &f) in members.iter().enumerate() {
        out[f as usize] = (assign[m] + 1) as u8;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalisation_buckets_tell_names_from_common_words() {
        assert_eq!(cap_bucket(0, 12), 1);
        assert_eq!(cap_bucket(1, 9), 2);
        assert_eq!(cap_bucket(4, 6), 3);
        assert_eq!(cap_bucket(8, 2), 4);
        assert_eq!(cap_bucket(10, 0), 5);
        // a word that opens sentences counts neither way: only the middle of a sentence tells
        let text = "Officials said Okonkwo rejected the plan. Plans were made by Okonkwo and the mayor. \
                    The plan was floated by Okonkwo in 2019. Bridges need plans, Okonkwo said.";
        let st = StatsSettings {
            cap_min: 2,
            ..Default::default()
        };
        let stats = form_stats([text].into_iter(), &st);
        assert_eq!(stats["okonkwo"].0, 5, "always capitalised inside a sentence");
        assert_eq!(stats["plan"].0, 1, "never");
        // "plans" is once capitalised at a sentence start (not counted) and once lower case: too few
        assert!(stats.get("plans").is_none_or(|s| s.0 == 0));
    }

    #[test]
    fn forms_in_like_contexts_share_a_cluster_deterministically() {
        let days = ["monday", "tuesday", "friday"];
        let things = ["bridge", "road", "tunnel"];
        let mut text = String::new();
        for d in days {
            for t in things {
                text.push_str(&format!("They met on {d} and said the {t} was closed. "));
                text.push_str(&format!("On {d} the {t} was opened. "));
            }
        }
        let st = StatsSettings {
            cluster_min: 3,
            contexts: 20,
            clusters: 10,
            ..Default::default()
        };
        let a = form_stats([text.as_str()].into_iter(), &st);
        assert_eq!(
            a,
            form_stats([text.as_str()].into_iter(), &st),
            "the same text gives the same clusters"
        );
        let cl = |w: &str| a[w].1;
        assert!(days.iter().all(|d| cl(d) != 0));
        assert_eq!(cl("monday"), cl("tuesday"));
        assert_eq!(cl("monday"), cl("friday"));
        assert_eq!(cl("bridge"), cl("road"));
        assert_ne!(cl("monday"), cl("bridge"));
    }
}
