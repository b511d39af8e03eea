//! Cue verbs and phrases of statements (`data/statements/cues.tsv`) and speaker words
//! (`data/statements/speakers.tsv`).
//!
//! Every verb is expanded to all its inflected forms (say, says, said, saying), so "all tenses and persons"
//! is a matter of the data file, not of code.

use std::collections::HashMap;

use super::FxBuild;
use std::sync::LazyLock;

/// What follows a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// The content follows directly: "said (that) …", "vowed to …".
    Clause,
    /// An addressee comes first: "told reporters (that) …".
    Object,
    /// A verb with common non-reporting uses: a cue only before "that", a colon or a quotation, or after
    /// the content.
    Strict,
    /// A prepositional cue whose speaker follows: "according to X".
    Prep,
}

/// Which form of the verb a cue is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The base form ("say"), also a noun for many cues ("state", "report").
    Base,
    /// The -s or past form ("says", "said").
    Finite,
    /// The -ing form ("saying", "adding").
    Ing,
}

/// One cue, as matched from its first word.
#[derive(Debug, Clone)]
pub(crate) struct CueEntry {
    /// The words after the first one, lower case ("hope" in "expressed hope").
    pub rest: Vec<&'static str>,
    /// The lemma of the cue as written in the data file ("say", "express hope").
    #[cfg_attr(not(test), allow(dead_code))]
    pub lemma: &'static str,
    /// What follows the cue.
    pub frame: Frame,
    /// Which form the first word is in.
    pub form: Form,
    /// Whether it reports an act of speech ("say", "announce"), not a belief, intention or attitude
    /// ("believe", "call for", "express hope": the data file's `stance`).
    pub speech: bool,
    /// Whether a plain noun-phrase object is what was said ("announced his resignation"; the data file's
    /// `np`), a content when noun-phrase contents are asked for.
    pub np_object: bool,
}

/// The regular inflections of a verb lemma: -s, -ed and -ing forms (with the lemma itself first).
fn inflect(lemma: &str) -> Vec<(String, Form)> {
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b'x');
    let before = if b.len() >= 2 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let stem = &lemma[..lemma.len().saturating_sub(1)];
    let s = if lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else if last == b'y' && !vowel(before) {
        format!("{stem}ies")
    } else {
        format!("{lemma}s")
    };
    let ed = if last == b'e' {
        format!("{lemma}d")
    } else if last == b'y' && !vowel(before) {
        format!("{stem}ied")
    } else {
        format!("{lemma}ed")
    };
    let ing = if last == b'e' && before != b'e' {
        format!("{stem}ing")
    } else {
        format!("{lemma}ing")
    };
    vec![
        (lemma.to_string(), Form::Base),
        (s, Form::Finite),
        (ed, Form::Finite),
        (ing, Form::Ing),
    ]
}

static CUES: LazyLock<HashMap<String, Vec<CueEntry>, FxBuild>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<CueEntry>, FxBuild> = HashMap::default();
    for row in super::rows(include_str!("../../data/statements/cues.tsv")) {
        let Some(&phrase) = row.first() else { continue };
        let frame = match row.get(2).copied().unwrap_or("clause") {
            "object" => Frame::Object,
            "strict" => Frame::Strict,
            "prep" => Frame::Prep,
            _ => Frame::Clause,
        };
        let tags = row.get(3).copied().unwrap_or("");
        let speech = !tags.split(',').any(|t| t.trim() == "stance");
        let np_object = tags.split(',').any(|t| t.trim() == "np");
        let mut words = phrase.split_whitespace();
        let Some(first) = words.next() else { continue };
        let rest: Vec<&'static str> = words.collect();
        let mut forms: Vec<(String, Form)> = if frame == Frame::Prep {
            vec![(first.to_string(), Form::Finite)]
        } else {
            inflect(first)
        };
        if let Some(extra) = row.get(1).filter(|e| **e != "-") {
            for f in extra.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                let form = if f.ends_with("ing") { Form::Ing } else { Form::Finite };
                forms.push((f.to_string(), form));
            }
        }
        for (f, form) in forms {
            let list = map.entry(f).or_default();
            if list.iter().any(|e| e.rest == rest) {
                continue;
            }
            list.push(CueEntry {
                rest: rest.clone(),
                lemma: phrase,
                frame,
                form,
                speech,
                np_object,
            });
        }
    }
    // Longest phrases first, so "expressed hope" wins over a bare "expressed".
    for list in map.values_mut() {
        list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
});

/// The cues whose first word is `word` (lower case), longest first.
/// A 64 Kibit filter over the words that start some cue, indexed by [`filter_slot`]: most words are rejected
/// by one bit test before any hashing.
static FILTER: LazyLock<Box<[u64; 1024]>> = LazyLock::new(|| {
    let mut f = Box::new([0u64; 1024]);
    // "words" stands for "in her words" and "in the words of" (see `statements::cues::scan`)
    for k in CUES.keys().map(String::as_str).chain(["words"]) {
        let slot = filter_slot(k.as_bytes());
        f[slot >> 6] |= 1 << (slot & 63);
    }
    f
});

/// The filter bit of a word: its length, first, second and last bytes.
#[inline(always)]
fn filter_slot(b: &[u8]) -> usize {
    let first = b.first().copied().unwrap_or(0);
    let second = b.get(1).copied().unwrap_or(0);
    let last = b.last().copied().unwrap_or(0);
    (b.len() & 7) | (usize::from(first & 31) << 3) | (usize::from(last & 31) << 8) | (usize::from(second & 7) << 13)
}

/// The cue lexicon, looked up once per document rather than once per word.
#[derive(Clone, Copy)]
pub(crate) struct CueIndex {
    filter: &'static [u64; 1024],
    cues: &'static HashMap<String, Vec<CueEntry>, FxBuild>,
}

/// The cue lexicon (loaded on first use).
pub(crate) fn cue_index() -> CueIndex {
    CueIndex {
        filter: &FILTER,
        cues: &CUES,
    }
}

impl CueIndex {
    /// Whether some cue may start with `word` (lower case): `false` is certain, `true` needs
    /// [`CueIndex::starting`] to confirm. One bit test, no hashing.
    #[inline]
    pub(crate) fn may_start(self, word: &[u8]) -> bool {
        let slot = filter_slot(word);
        self.filter[slot >> 6] & (1 << (slot & 63)) != 0
    }

    /// The cue entries whose first word is `word` (lower case), longest phrases first, without the filter
    /// test (for a word that passed [`CueIndex::may_start`]).
    #[inline]
    pub(crate) fn get(self, word: &str) -> &'static [CueEntry] {
        self.cues.get(word).map_or(&[], Vec::as_slice)
    }

    /// The cue entries whose first word is `word` (lower case), longest phrases first.
    #[inline]
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn starting(self, word: &str) -> &'static [CueEntry] {
        if !self.may_start(word.as_bytes()) {
            return &[];
        }
        self.cues.get(word).map_or(&[], Vec::as_slice)
    }
}

/// What a speaker word says about the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerRole {
    /// An anonymous source ("sources", "a senior official").
    Source,
    /// A collective of people ("residents", "witnesses").
    Group,
    /// A body ("the ministry").
    Organization,
    /// A role held by one person ("the minister").
    Person,
    /// A male honorific or noun ("Mr", "man").
    Male,
    /// A female honorific or noun ("Mrs", "woman").
    Female,
}

static SPEAKERS: LazyLock<HashMap<&'static str, SpeakerRole, FxBuild>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statements/speakers.tsv"))
        .filter(|r| r.len() >= 2)
        .filter_map(|r| {
            let role = match r[1] {
                "source" => SpeakerRole::Source,
                "group" => SpeakerRole::Group,
                "organization" => SpeakerRole::Organization,
                "person" => SpeakerRole::Person,
                "male" => SpeakerRole::Male,
                "female" => SpeakerRole::Female,
                _ => return None,
            };
            Some((r[0], role))
        })
        .collect()
});

/// The role of a speaker word (lower case), if listed.
pub(crate) fn speaker_role(word: &str) -> Option<SpeakerRole> {
    SPEAKERS.get(word).copied()
}

static GIVEN_NAMES: LazyLock<HashMap<&'static str, bool, FxBuild>> = LazyLock::new(|| {
    super::rows(include_str!("../../data/statements/given_names.tsv"))
        .filter(|r| r.len() >= 2)
        .filter_map(|r| match r[1] {
            "male" => Some((r[0], true)),
            "female" => Some((r[0], false)),
            _ => None,
        })
        .collect()
});

/// Whether most people with the given name `word` (lower case) are men (`Some(true)`), women
/// (`Some(false)`), or the name is not listed or used by both (`None`), from
/// `data/statements/given_names.tsv` (1990 US Census lists).
pub(crate) fn given_name_is_male(word: &str) -> Option<bool> {
    GIVEN_NAMES.get(word).copied()
}

pub(crate) fn preload() {
    LazyLock::force(&GIVEN_NAMES);
    LazyLock::force(&CUES);
    LazyLock::force(&FILTER);
    LazyLock::force(&SPEAKERS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_inflected() {
        for w in ["say", "says", "said", "saying"] {
            assert!(cue_index().starting(w).iter().any(|e| e.lemma == "say"), "{w}");
        }
        for w in [
            "denies",
            "denied",
            "tweeted",
            "admitted",
            "wrote",
            "described",
            "urging",
        ] {
            assert!(!cue_index().starting(w).is_empty(), "{w}");
        }
        assert_eq!(cue_index().starting("saying")[0].form, Form::Ing);
        assert!(cue_index().starting("table").is_empty());
        let hope = cue_index().starting("expressed");
        assert_eq!(hope[0].rest, ["hope"]);
        assert_eq!(cue_index().starting("according")[0].frame, Frame::Prep);
    }

    #[test]
    fn speaker_words() {
        assert_eq!(speaker_role("sources"), Some(SpeakerRole::Source));
        assert_eq!(speaker_role("residents"), Some(SpeakerRole::Group));
        assert_eq!(speaker_role("mrs"), Some(SpeakerRole::Female));
        assert_eq!(speaker_role("table"), None);
    }

    #[test]
    fn given_names_have_a_gender() {
        assert_eq!(given_name_is_male("hillary"), Some(false));
        assert_eq!(given_name_is_male("donald"), Some(true));
        // Negatives: a name used by both, and a word that is no name.
        assert_eq!(given_name_is_male("jordan"), None);
        assert_eq!(given_name_is_male("table"), None);
    }
}
