//! The tagging stage (after `text`, before `actors`): a Universal part-of-speech tag for every token,
//! from an averaged-perceptron model trained on UD English-EWT and GUM and shipped as data
//! (`data/models/upos.bin`, CC BY-SA 4.0; see `docs/tagger.md`).
//!
//! A stage reads the tags with [`Doc::upos`]; the first call tags the whole document, so a parse whose
//! stages ask for none (and that does not keep its tokens) does not pay for them. Decoding is
//! greedy, left to right, with the two previous tags as features. For speed the model is laid out by
//! word form: the scores a form contributes at each of the five window offsets are summed once per
//! form and thread (from weights read where they lie in the embedded file) and found again through the
//! document's form numbers, so a token costs one vectorised sum of seven rows and an argmax; tokens whose tag the training data fixes
//! (punctuation, numbers, "the", "of"...) skip the model.

pub(crate) mod features;
pub(crate) mod model;
pub(crate) mod names;
#[cfg(feature = "train")]
pub(crate) mod names_train;
pub(crate) mod penn;
#[cfg(feature = "train")]
pub(crate) mod penn_train;
#[cfg(feature = "train")]
pub mod train;
#[cfg(feature = "train")]
pub(crate) mod unlabeled;

use crate::text::Doc;

/// A Universal Dependencies part-of-speech tag (<https://universaldependencies.org/u/pos/>), as the
/// `tagger` stage gives it to every token ([`crate::Token::pos`]). In JSON it is written as UD writes it
/// (`"PROPN"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[repr(u8)]
pub enum Upos {
    /// Adjective: "new", "former".
    Adj,
    /// Adposition: "in", "of", "after".
    Adp,
    /// Adverb: "also", "not" (as a negation in UD: PART), "very".
    Adv,
    /// Auxiliary: "is", "has", "will", "could".
    Aux,
    /// Coordinating conjunction: "and", "but".
    Cconj,
    /// Determiner: "the", "a", "this".
    Det,
    /// Interjection: "yes", "oh".
    Intj,
    /// Common noun: "minister", "talks".
    Noun,
    /// Numeral: "three", "40,400".
    Num,
    /// Particle: "to" before a verb, "'s", "not".
    Part,
    /// Pronoun: "he", "they", "who".
    Pron,
    /// Proper noun: "Okonkwo", "Tromsø".
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction: "that", "because", "if".
    Sconj,
    /// Symbol: "$", "%".
    Sym,
    /// Verb: "said", "rejected".
    Verb,
    /// Anything else: foreign words, typos, e-mail addresses.
    X,
}

impl Upos {
    /// Every tag, in the order of their numbers.
    pub(crate) const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as Universal Dependencies writes it ("PROPN").
    pub fn as_str(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
            "SCONJ", "SYM", "VERB", "X",
        ][self as usize]
    }

    /// The tag written `s` ("PROPN"), if it is one.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }

    /// The tag numbered `n` (X past the last).
    pub(crate) fn from_index(n: usize) -> Upos {
        Upos::ALL.get(n).copied().unwrap_or(Upos::X)
    }

    /// Whether this is a noun or a proper noun.
    #[allow(dead_code)]
    pub(crate) fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn)
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a document keeps of its tags: those of each sentence, computed when a stage first asks about
/// one of its tokens, and where the thread's cache holds the scores of its forms.
#[derive(Debug)]
pub(crate) struct DocTags {
    /// For each sentence, the tags of the prefix tagged so far.
    sentences: std::sync::Mutex<Box<[Vec<Upos>]>>,
    forms: std::sync::Mutex<model::DocForms>,
}

impl Clone for DocTags {
    /// The tags, without the record of the forms (a cache, rebuilt on use).
    fn clone(&self) -> DocTags {
        DocTags {
            sentences: std::sync::Mutex::new(self.prefixes().clone()),
            forms: Default::default(),
        }
    }
}

impl DocTags {
    fn new(doc: &Doc) -> DocTags {
        DocTags {
            sentences: std::sync::Mutex::new((0..doc.sentences.len()).map(|_| Vec::new()).collect()),
            forms: Default::default(),
        }
    }

    /// The tagged prefix of every sentence (usable even if a thread panicked holding it: every tag a
    /// prefix holds is final, a prefix cut short is only extended later).
    fn prefixes(&self) -> std::sync::MutexGuard<'_, Box<[Vec<Upos>]>> {
        self.sentences.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The record of the document's forms (usable even if a thread panicked holding it: it only
    /// caches).
    fn forms(&self) -> std::sync::MutexGuard<'_, model::DocForms> {
        self.forms.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Doc<'_> {
    /// The part-of-speech tag of token `i` ([`Upos::X`] past the end). Only the start of its sentence is
    /// tagged, up to `i` (the tags of a prefix are those of the whole sentence: see
    /// [`model::Model::extend_range`]); a later call about a token further on resumes where the last one
    /// stopped, so a sentence is tagged at most once whatever the questions.
    #[allow(dead_code)] // the stages of the other branches (names, statements, numbers) call it
    pub(crate) fn upos(&self, i: usize) -> Upos {
        if let Some(all) = self.upos.get() {
            return all.get(i).copied().unwrap_or(Upos::X);
        }
        let Some(t) = self.tokens.get(i) else {
            return Upos::X;
        };
        let dt = self.sentence_upos.get_or_init(|| DocTags::new(self));
        let Some(s) = self.sentences.get(t.sentence as usize) else {
            return model::fallback_tag(t);
        };
        let r = s.tokens.clone();
        let Some(k) = i.checked_sub(r.start).filter(|_| i < r.end) else {
            return model::fallback_tag(t);
        };
        let mut prefixes = dt.prefixes();
        let Some(tags) = prefixes.get_mut(t.sentence as usize) else {
            return model::fallback_tag(t);
        };
        if k >= tags.len() {
            // no further than asked: the rules ask about few tokens, near a cue
            let upto = i + 1;
            match model::upos_model() {
                Some(m) => m.extend_range(self, r.clone(), upto, tags, &mut dt.forms()),
                None => {
                    let from = r.start + tags.len();
                    tags.extend(self.tokens[from..upto.min(r.end)].iter().map(model::fallback_tag));
                }
            }
        }
        tags.get(k).copied().unwrap_or_else(|| model::fallback_tag(t))
    }

    /// The tag of token `i` when its token alone decides it, without tagging its sentence: a number
    /// (NUM), or a word whose form has a fixed tag ("the", "says"); with no model built in, the tag of
    /// every token ([`model::fallback_tag`]). `None` when the context decides, and always agreeing with
    /// [`Doc::upos`] otherwise.
    pub(crate) fn context_free_upos(&self, i: usize) -> Option<Upos> {
        let t = self.tokens.get(i)?;
        let Some(m) = model::upos_model() else {
            return Some(model::fallback_tag(t));
        };
        // a token outside any sentence takes the fallback tag
        if self
            .sentences
            .get(t.sentence as usize)
            .is_none_or(|s| !s.tokens.contains(&i))
        {
            return Some(model::fallback_tag(t));
        }
        if t.kind == crate::text::TokenKind::Number {
            return Some(Upos::Num);
        }
        m.fixed_tag(self.low(i))
    }

    /// The part-of-speech tags of every token (tagging the document on first use).
    pub(crate) fn tags(&self) -> &[Upos] {
        self.upos.get_or_init(|| tag(self))
    }
}

/// Tags every token of `doc` (the stage itself; [`Doc::tags`] calls it on first use).
pub(crate) fn tag(doc: &Doc) -> Vec<Upos> {
    match model::upos_model() {
        Some(m) => {
            let dt = doc.sentence_upos.get_or_init(|| DocTags::new(doc));
            m.tag(doc, &mut dt.forms())
        }
        None => doc.tokens.iter().map(model::fallback_tag).collect(),
    }
}

/// Loads the part-of-speech model now rather than on first use (a [`crate::Parser`] built with
/// `tokens(true)` does it).
pub fn preload() {
    let _ = model::upos_model();
}

#[cfg(test)]
mod tests;
