//! Actor lexicons (`data/actors/`): names of countries, places and organisations, nationality adjectives,
//! titles, honorifics, source and group nouns, head words and words that are never names.
//!
//! Every multi-word list is a token n-gram map: keys are the lower-cased tokens joined by single spaces
//! (the data files store forms already split into newsparse tokens), and every proper prefix of a key is
//! marked so that a longest-match lookup stops as soon as no longer entry can follow. Lookups are hash
//! probes, at most [`MAX_NGRAM`] per starting token.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{FxBuild, short_key};
use crate::model::ActorKind;
use crate::text::Doc;

/// The longest entry, in tokens, that a lookup tries.
pub(crate) const MAX_NGRAM: usize = 10;

/// A token n-gram map with longest-match lookup. Keys borrow the embedded data when it is already lower
/// case, so loading allocates little.
#[derive(Debug)]
pub(crate) struct NgramMap<T> {
    map: HashMap<Cow<'static, str>, (Option<T>, bool), FxBuild>,
}

impl<T> Default for NgramMap<T> {
    fn default() -> Self {
        NgramMap {
            map: HashMap::default(),
        }
    }
}

impl<T> NgramMap<T> {
    /// Adds an entry under its form (tokens separated by single spaces); the first entry for a form wins.
    pub(crate) fn insert(&mut self, form: &'static str, value: T) {
        let form = form.trim();
        // one pass: whether the form needs lower-casing, and how many spaces it has
        let (mut upper, mut spaces) = (false, 0);
        for &b in form.as_bytes() {
            upper |= b.is_ascii_uppercase();
            spaces += usize::from(b == b' ');
        }
        if form.is_empty() || spaces >= MAX_NGRAM {
            return;
        }
        let key: Cow<'static, str> = if upper {
            Cow::Owned(form.to_ascii_lowercase())
        } else {
            Cow::Borrowed(form)
        };
        if spaces > 0 {
            for (i, _) in key.bytes().enumerate().filter(|&(_, b)| b == b' ') {
                let prefix: Cow<'static, str> = match &key {
                    Cow::Borrowed(k) => Cow::Borrowed(&k[..i]),
                    Cow::Owned(k) => Cow::Owned(k[..i].to_string()),
                };
                self.map.entry(prefix).or_insert((None, false)).1 = true;
            }
        }
        let slot = self.map.entry(key).or_insert((None, false));
        if slot.0.is_none() {
            slot.0 = Some(value);
        }
    }

    /// The entry for exactly these lower-cased tokens.
    pub(crate) fn get(&self, key: &str) -> Option<&T> {
        self.map.get(key).and_then(|(v, _)| v.as_ref())
    }

    /// What the map holds under one word: its entry, and whether longer entries start with it (the lookup
    /// [`ActorLexicon::first_words`] keeps for every word).
    fn first(&self, word: &str) -> First<T>
    where
        T: Copy,
    {
        self.map
            .get(word)
            .map_or(First::NONE, |&(value, longer)| First { value, longer })
    }

    /// The longest entry starting at token `i` and ending before token `end`, as (length in tokens, value),
    /// given `first`, what the map holds under token `i` alone. `accept` can veto a candidate length (for
    /// case checks).
    pub(crate) fn longest<'m>(
        &'m self,
        doc: &Doc,
        i: usize,
        end: usize,
        first: &'m First<T>,
        accept: impl Fn(usize, &T) -> bool,
    ) -> Option<(usize, &'m T)> {
        let end = end.min(doc.tokens.len()).min(i + MAX_NGRAM);
        if i >= end {
            return None;
        }
        let mut best = None;
        if let Some(v) = &first.value
            && accept(1, v)
        {
            best = Some((1, v));
        }
        if !first.longer {
            return best;
        }
        let text = doc.text.as_bytes();
        let start = doc.tokens[i].start;
        // the n-gram of tokens i..=j is a slice of the lower-cased text while its tokens are separated by
        // single spaces; otherwise it is spelled out ("Hamas 's", "Israel ,", a line break: see
        // `longest_spelled`)
        for j in i + 1..end {
            let (prev, t) = (&doc.tokens[j - 1], &doc.tokens[j]);
            if !(t.start == prev.end + 1 && text[prev.end] == b' ') {
                return self.longest_spelled(doc, i, j, end, best, accept);
            }
            if !self.probe(&doc.lower[start..t.end], j + 1 - i, &mut best, &accept) {
                break;
            }
        }
        best
    }

    /// Probes `key`, the n-gram of `len` tokens: keeps its entry in `best` when `accept` takes it, and
    /// answers whether a longer entry can start with the key.
    #[inline]
    fn probe<'m>(
        &'m self,
        key: &str,
        len: usize,
        best: &mut Option<(usize, &'m T)>,
        accept: &impl Fn(usize, &T) -> bool,
    ) -> bool {
        let Some((v, longer)) = self.map.get(key) else {
            return false;
        };
        if let Some(v) = v
            && accept(len, v)
        {
            *best = Some((len, v));
        }
        *longer
    }

    /// [`NgramMap::longest`] from token `j` on, when `j` is not separated from the token before it by a
    /// single space: the key is spelled out with single spaces in a buffer. `best` is the match so far.
    #[cold]
    fn longest_spelled<'m>(
        &'m self,
        doc: &Doc,
        i: usize,
        j: usize,
        end: usize,
        mut best: Option<(usize, &'m T)>,
        accept: impl Fn(usize, &T) -> bool,
    ) -> Option<(usize, &'m T)> {
        let start = doc.tokens[i].start;
        let mut key = doc.lower[start..doc.tokens[j - 1].end].to_string();
        for j in j..end {
            key.push(' ');
            key.push_str(doc.low(j));
            if !self.probe(&key, j + 1 - i, &mut best, &accept) {
                break;
            }
        }
        best
    }
}

/// What an [`NgramMap`] holds under one word: the entry of that word alone, and whether longer entries
/// start with it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct First<T> {
    /// The one-word entry.
    pub value: Option<T>,
    /// Whether an entry of two words or more starts with the word.
    pub longer: bool,
}

impl<T> First<T> {
    /// Nothing under the word.
    pub const NONE: First<T> = First {
        value: None,
        longer: false,
    };
}

/// What the n-gram maps hold under one word (see [`ActorLexicon::first_words`]), so that a lookup starting
/// at a word whose form was looked up once needs no probe for its first word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FirstWords {
    /// In `names`.
    pub name: First<u32>,
    /// In `demonyms`.
    pub demonym: First<&'static str>,
    /// In `titles`.
    pub title: First<()>,
    /// In `honorifics`.
    pub honorific: First<(HonorificGender, HonorificClass)>,
    /// In `nouns`.
    pub noun: First<NounKind>,
}

impl FirstWords {
    /// Nothing in any map.
    pub const NONE: FirstWords = FirstWords {
        name: First::NONE,
        demonym: First::NONE,
        title: First::NONE,
        honorific: First::NONE,
        noun: First::NONE,
    };
}

/// What the lexicons know about one word, as bits: whether an entry of an n-gram map starts with it, or
/// whether a one-word list holds it. [`ActorLexicon::word_flags`] answers with one hash probe, so the
/// scanner pays one probe per token and skips every lookup a word cannot start.
pub(crate) mod word {
    /// An entry of `names` starts with the word.
    pub const NAME: u16 = 1;
    /// An entry of `demonyms` starts with the word.
    pub const DEMONYM: u16 = 1 << 1;
    /// An entry of `titles` starts with the word.
    pub const TITLE: u16 = 1 << 2;
    /// An entry of `honorifics` starts with the word.
    pub const HONORIFIC: u16 = 1 << 3;
    /// An entry of `nouns` starts with the word.
    pub const NOUN: u16 = 1 << 4;
    /// The word is in `heads`.
    pub const HEAD: u16 = 1 << 5;
    /// The word is in `not_names`.
    pub const NOT_NAME: u16 = 1 << 6;
    /// The word is in `first_names`.
    pub const FIRST_NAME: u16 = 1 << 7;
    /// The word is in `org_words`.
    pub const ORG_WORD: u16 = 1 << 8;
    /// The word is a determiner that can open a source or group phrase ("a", "an", "another", "one"): see
    /// [`PHRASE_DETERMINERS`](super::PHRASE_DETERMINERS).
    pub const DETERMINER: u16 = 1 << 9;
    /// The word is in `title_modifiers` ("former", "deputy").
    pub const TITLE_MOD: u16 = 1 << 10;
    /// An entry of `parties` starts with the word ("Republican", "Democrats").
    pub const PARTY: u16 = 1 << 11;
    /// The word is in `work_nouns` ("novel", "film"). No feature of the tagger's models: the UPOS model
    /// reads the first nine bits, the name model the first twelve.
    pub const WORK: u16 = 1 << 12;
}

/// The determiners that can open a source or group phrase (`a senior official`, `one of the sources`); they
/// carry the [`word::DETERMINER`] bit.
pub(crate) const PHRASE_DETERMINERS: [&str; 4] = ["a", "an", "another", "one"];

/// One name of the gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct NameEntry {
    /// The form as written in the data file (tokens separated by spaces), for case checks.
    pub form: &'static str,
    /// How [`NameEntry::form`] is capitalised, for case checks without reading it again.
    pub case: FormCase,
    /// Country, organisation or location.
    pub kind: ActorKind,
    /// Canonical name ("United States" for "US").
    pub name: &'static str,
    /// The country the entity belongs to or lies in, when known.
    pub country: Option<&'static str>,
    /// Finer class: country, capital, city, region, igo, ngo, armed, agency, state_agency, newspaper…
    pub class: &'static str,
    /// Whether the text must match the form's case exactly (acronyms such as "US", "AP").
    pub exact_case: bool,
}

/// The capitalisation of a name's form: how many words it has and which of them start with a capital.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormCase {
    /// The number of space-separated words of the form (at most 255).
    pub words: u8,
    /// Bit `j` is set when word `j` starts with an upper-case letter (words from the 33rd on are not
    /// recorded: names are matched over at most [`MAX_NGRAM`] tokens).
    pub capitals: u32,
}

impl FormCase {
    fn of(form: &str) -> FormCase {
        let mut case = FormCase { words: 1, capitals: 0 };
        // one pass over the bytes (this runs for every gazetteer row at load): a word starts at the
        // beginning and after each space
        let mut word_start = true;
        for (k, &b) in form.as_bytes().iter().enumerate() {
            if b == b' ' {
                case.words = case.words.saturating_add(1);
                word_start = true;
                continue;
            }
            if word_start {
                let upper = if b.is_ascii() {
                    b.is_ascii_uppercase()
                } else {
                    form[k..].chars().next().is_some_and(char::is_uppercase)
                };
                if upper && case.words <= 32 {
                    case.capitals |= 1 << (case.words - 1);
                }
                word_start = false;
            }
        }
        case
    }
}

/// What a lower-case noun from `data/actors/nouns.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NounKind {
    /// A noun naming an anonymous source or a group, singular or plural.
    Person {
        /// Source or group.
        kind: ActorKind,
        /// Whether this form is the plural.
        plural: bool,
    },
    /// A modifier that may precede such a noun ("senior", "Arab").
    Modifier,
}

/// A head word that makes a capitalised name an organisation or a place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Head {
    /// Organisation or location; `None` for heads of things that are not actors (events, laws, studies:
    /// "Lantern Festival", "Clean Air Act").
    pub kind: Option<ActorKind>,
    /// What a description with this head refers to ("armed", "government", "agency"…).
    pub class: &'static str,
}

/// Gender implied by an honorific.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HonorificGender {
    /// Mr, Sir, Sheikh…
    Male,
    /// Mrs, Ms, Dame…
    Female,
    /// Dr, Prof, Gen.…
    Unknown,
}

/// How an honorific relates to the name it precedes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HonorificClass {
    /// Mr, Mrs, Dr, Prof: dropped from the canonical name.
    Courtesy,
    /// Gen., Col.: dropped from the canonical name.
    Rank,
    /// Sheikh, Ayatollah: kept in the name ("Sheikh Mohammed").
    Style,
    /// King, Crown Prince, Emir: read as a title.
    Royal,
}

/// What a title form from `data/actors/title_forms.tsv` stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleForm {
    /// The full title ("Senator" for "Sen.").
    pub title: &'static str,
    /// Whether the form is plural ("Sens."): the title is shared by the names it introduces.
    pub plural: bool,
}

/// How a party word from `data/actors/parties.tsv` is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartyUse {
    /// Before a name or a title: "Republican Tom Vale", "the Democratic senator".
    Adjective,
    /// The letter of "(D-Calif.)".
    Letter,
    /// A plural group of the party's members: "Democrats".
    Members,
}

/// A party word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Party {
    /// The party's canonical name ("Republican Party").
    pub name: &'static str,
    /// How the word is used.
    pub used: PartyUse,
}

/// All actor lexicons.
#[derive(Debug, Default)]
pub(crate) struct ActorLexicon {
    /// Abbreviated and plural title forms ("Sen.", "Sens.") by their lower-cased tokens.
    pub title_forms: NgramMap<TitleForm>,
    /// Lower-case words that belong to the title they precede ("former", "deputy").
    pub title_modifiers: HashSet<&'static str, FxBuild>,
    /// Lower-case nouns that introduce the title of a work ("novel", "film"): no lexicon bit, read only
    /// before a capitalised run.
    pub work_nouns: HashSet<&'static str, FxBuild>,
    /// Party words ("Republican", "GOP", "Democrats"), by their lower-cased tokens.
    pub parties: NgramMap<Party>,
    /// Names of countries, places and organisations.
    pub names: NgramMap<u32>,
    /// The gazetteer rows, indexed by `names`.
    pub entries: Vec<NameEntry>,
    /// Nationality adjectives → country.
    pub demonyms: NgramMap<&'static str>,
    /// Title and role heads.
    pub titles: NgramMap<()>,
    /// Honorifics and ranks, with the gender they imply and their class.
    pub honorifics: NgramMap<(HonorificGender, HonorificClass)>,
    /// Source, group and modifier nouns.
    pub nouns: NgramMap<NounKind>,
    /// Organisation and place head words (lower case).
    pub heads: HashMap<&'static str, Head, FxBuild>,
    /// Capitalised words that are never names (lower case).
    pub not_names: HashSet<&'static str, FxBuild>,
    /// Given names (lower case).
    pub first_names: HashSet<&'static str, FxBuild>,
    /// Words common in organisation names (lower case).
    pub org_words: HashSet<&'static str, FxBuild>,
    /// For every word of eight bytes or more that starts an entry or is listed in a one-word list, its
    /// [`word`] bits and, when an n-gram map has an entry starting with it, its index in `first_words`.
    words: HashMap<Cow<'static, str>, (u16, u32), FxBuild>,
    /// The same for the words of up to seven bytes, keyed by the bytes themselves ([`short_key`]): most
    /// words are short, and a probe by an integer key hashes one word and compares no text.
    short_words: ShortWords,
    /// Which words of eight bytes or more may be in `words`: most long words of an article are in no
    /// lexicon, and this answers them without hashing their text.
    long_words: LongWords,
    /// What the n-gram maps hold under each word that starts one of their entries.
    first_words: Vec<FirstWords>,
}

impl ActorLexicon {
    /// The [`word`] bits of a lower-cased token (0 for a word no lexicon knows), and what the n-gram maps
    /// hold under it (an index for [`ActorLexicon::first_words`]; `u32::MAX` when none has an entry
    /// starting with it).
    #[inline]
    pub(crate) fn word_flags(&self, low: &str) -> (u16, u32) {
        match short_key(low.as_bytes()) {
            Some(key) => self.short_words.get(key).copied().unwrap_or((0, u32::MAX)),
            None => self.long_word_flags(low),
        }
    }

    /// [`ActorLexicon::word_flags`] of a word of up to seven bytes, by its [`short_key`] (a document
    /// keeps the key of each of its forms).
    #[inline]
    pub(crate) fn short_key_flags(&self, key: u64) -> (u16, u32) {
        self.short_words.get(key).copied().unwrap_or((0, u32::MAX))
    }

    /// [`ActorLexicon::word_flags`] of a word of eight bytes or more (a probe by its text).
    #[inline(never)]
    fn long_word_flags(&self, low: &str) -> (u16, u32) {
        if !self.long_words.may_have(low.as_bytes()) {
            return (0, u32::MAX);
        }
        self.words.get(low).copied().unwrap_or((0, u32::MAX))
    }

    /// What the n-gram maps hold under a word, by the index [`ActorLexicon::word_flags`] gives.
    pub(crate) fn first_words(&self, index: u32) -> &FirstWords {
        self.first_words.get(index as usize).unwrap_or(&FirstWords::NONE)
    }

    /// Fills [`ActorLexicon::words`] from the finished lexicons.
    fn index_words(&mut self) {
        fn one_word_keys<T>(m: &NgramMap<T>) -> impl Iterator<Item = Cow<'static, str>> + '_ {
            // every first word of a longer key is itself a key (a prefix), so the one-word keys suffice
            m.map.keys().filter(|k| !k.contains(' ')).cloned()
        }
        let mut words: HashMap<Cow<'static, str>, (u16, u32), FxBuild> = HashMap::default();
        words.reserve(self.names.map.len() / 2 + self.first_names.len() + 4_000);
        for (bit, keys) in [
            (word::NAME, one_word_keys(&self.names).collect::<Vec<_>>()),
            (word::DEMONYM, one_word_keys(&self.demonyms).collect()),
            (word::TITLE, one_word_keys(&self.titles).collect()),
            (word::HONORIFIC, one_word_keys(&self.honorifics).collect()),
            (word::NOUN, one_word_keys(&self.nouns).collect()),
            (word::PARTY, one_word_keys(&self.parties).collect()),
        ] {
            for k in keys {
                words.entry(k).or_insert((0, u32::MAX)).0 |= bit;
            }
        }
        // what each map holds under the words that start an entry of one of them
        let mut first_words = Vec::new();
        for (k, (bits, index)) in words.iter_mut() {
            *index = first_words.len() as u32;
            first_words.push(FirstWords {
                name: self.names.first(k),
                demonym: self.demonyms.first(k),
                title: self.titles.first(k),
                honorific: self.honorifics.first(k),
                noun: self.nouns.first(k),
            });
            debug_assert!(*bits != 0);
        }
        for (bit, set) in [
            (word::HEAD, self.heads.keys().copied().collect::<Vec<_>>()),
            (word::NOT_NAME, self.not_names.iter().copied().collect()),
            (word::FIRST_NAME, self.first_names.iter().copied().collect()),
            (word::ORG_WORD, self.org_words.iter().copied().collect()),
            (word::TITLE_MOD, self.title_modifiers.iter().copied().collect()),
            (word::WORK, self.work_nouns.iter().copied().collect()),
        ] {
            for k in set {
                words.entry(Cow::Borrowed(k)).or_insert((0, u32::MAX)).0 |= bit;
            }
        }
        for k in PHRASE_DETERMINERS {
            words.entry(Cow::Borrowed(k)).or_insert((0, u32::MAX)).0 |= word::DETERMINER;
        }
        let (short, long): (Vec<_>, Vec<_>) = words.into_iter().partition(|(k, _)| short_key(k.as_bytes()).is_some());
        self.short_words = ShortWords::new(
            short
                .into_iter()
                .filter_map(|(k, v)| Some((short_key(k.as_bytes())?, v))),
        );
        self.long_words = LongWords::new(long.iter().map(|(k, _)| k.as_bytes()));
        self.words = long.into_iter().collect();
        self.first_words = first_words;
    }
}

/// The words of up to seven bytes by their [`short_key`]: an open-addressing table (linear probing, at
/// most half full) whose probe is a multiplication, a shift and a comparison of integers. Every
/// distinct form of every article is looked up here once, most of them in vain.
/// A set of bits, one per fingerprint of a word of eight bytes or more (its first and last eight bytes and
/// its length, see [`LongWords::bit`]): a word whose bit is clear is not in the set the filter was made
/// from; a word whose bit is set may be.
#[derive(Debug, Default)]
struct LongWords {
    bits: Vec<u64>,
}

impl LongWords {
    /// The number of bits of a fingerprint (128 Kbit, 16 KB: about one bit in five set for the lexicons).
    const BITS: u32 = 17;

    fn new<'w>(words: impl Iterator<Item = &'w [u8]>) -> LongWords {
        let mut bits = vec![0u64; 1 << (Self::BITS - 6)];
        for w in words {
            // a shorter word has no fingerprint: the filter then admits every word (it is never wrong)
            let Some(b) = Self::bit(w) else {
                return LongWords::default();
            };
            bits[b / 64] |= 1 << (b % 64);
        }
        LongWords { bits }
    }

    /// The fingerprint of a word of eight bytes or more.
    #[inline]
    fn bit(w: &[u8]) -> Option<usize> {
        let n = w.len();
        let head = u64::from_le_bytes(w.get(..8)?.try_into().ok()?);
        let tail = u64::from_le_bytes(w.get(n - 8..)?.try_into().ok()?);
        let h = (head ^ tail.rotate_left(29) ^ n as u64).wrapping_mul(super::FX_K);
        Some((h >> (64 - Self::BITS)) as usize)
    }

    /// Whether `w` may be one of the words (`true` for a word of fewer than eight bytes, and for every word
    /// when the filter is empty).
    #[inline]
    fn may_have(&self, w: &[u8]) -> bool {
        match Self::bit(w) {
            Some(b) if !self.bits.is_empty() => self.bits.get(b / 64).is_none_or(|x| x >> (b % 64) & 1 == 1),
            _ => true,
        }
    }
}

#[derive(Debug, Default)]
struct ShortWords {
    /// Key 0 (no word of one byte or more has it) marks an empty slot.
    slots: Vec<(u64, (u16, u32))>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
}

impl ShortWords {
    fn new(words: impl Iterator<Item = (u64, (u16, u32))>) -> ShortWords {
        let words: Vec<_> = words.filter(|&(k, _)| k != 0).collect();
        let size = (words.len() * 2).max(16).next_power_of_two();
        let mut t = ShortWords {
            slots: vec![(0, (0, 0)); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (k, v) in words {
            let mut s = t.slot(k);
            while t.slots[s].0 != 0 && t.slots[s].0 != k {
                s = (s + 1) & (size - 1);
            }
            t.slots[s] = (k, v);
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(super::FX_K) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&(u16, u32)> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut s = self.slot(key) & mask;
        loop {
            let (k, v) = self.slots.get(s)?;
            if *k == 0 {
                return None;
            }
            if *k == key {
                return Some(v);
            }
            s = (s + 1) & mask;
        }
    }
}

fn kind_of(s: &str) -> ActorKind {
    match s {
        "country" => ActorKind::Country,
        "location" => ActorKind::Location,
        "source" => ActorKind::Source,
        "group" => ActorKind::Group,
        "person" => ActorKind::Person,
        _ => ActorKind::Organization,
    }
}

fn load() -> ActorLexicon {
    let mut lex = ActorLexicon::default();
    lex.names.map.reserve(40_000);
    lex.entries.reserve(22_000);
    lex.first_names.reserve(8_000);
    // hand-written regions first: they win over a city of the same name ("Bali")
    for r in super::rows(include_str!("../../data/actors/regions.tsv")) {
        let id = lex.entries.len() as u32;
        lex.entries.push(NameEntry {
            form: r[0],
            case: FormCase::of(r[0]),
            kind: ActorKind::Location,
            name: r[0],
            country: r.get(1).copied().filter(|c| !c.is_empty()),
            class: "region",
            exact_case: false,
        });
        lex.names.insert(r[0], id);
    }
    for r in super::rows(include_str!("../../data/actors/gazetteer.tsv")) {
        if r.len() < 6 {
            continue;
        }
        let id = lex.entries.len() as u32;
        lex.entries.push(NameEntry {
            form: r[0],
            case: FormCase::of(r[0]),
            kind: kind_of(r[1]),
            name: if r[2].is_empty() { r[0] } else { r[2] },
            country: Some(r[3]).filter(|c| !c.is_empty()),
            class: r[4],
            exact_case: r[5] == "exact",
        });
        lex.names.insert(if r.len() >= 7 { r[6] } else { r[0] }, id);
    }
    for r in super::rows(include_str!("../../data/actors/demonyms.tsv")) {
        if r.len() >= 2 {
            lex.demonyms.insert(r[0], r[1]);
        }
    }
    for r in super::rows(include_str!("../../data/actors/titles.tsv")) {
        lex.titles.insert(r[0], ());
    }
    // role nouns are titles too ("Fox anchor Dana Reyes")
    for r in super::rows(include_str!("../../data/actors/roles.txt")) {
        lex.titles.insert(r[0], ());
    }
    // abbreviated and plural title forms: read as ranks before a name, and expanded in `titles`
    for r in super::rows(include_str!("../../data/actors/title_forms.tsv")) {
        if r.len() >= 3 {
            let plural = r[2] == "plural";
            lex.title_forms.insert(r[0], TitleForm { title: r[1], plural });
            lex.honorifics
                .insert(r[0], (HonorificGender::Unknown, HonorificClass::Rank));
        }
    }
    for r in super::rows(include_str!("../../data/actors/title_modifiers.txt")) {
        lex.title_modifiers.insert(r[0]);
    }
    for r in super::rows(include_str!("../../data/actors/work_nouns.txt")) {
        lex.work_nouns.insert(r[0]);
    }
    for r in super::rows(include_str!("../../data/actors/parties.tsv")) {
        if r.len() >= 3 {
            let used = match r[2] {
                "letter" => PartyUse::Letter,
                "members" => PartyUse::Members,
                _ => PartyUse::Adjective,
            };
            lex.parties.insert(r[0], Party { name: r[1], used });
        }
    }
    for r in super::rows(include_str!("../../data/actors/honorifics.tsv")) {
        let g = match r.get(1).copied() {
            Some("male") => HonorificGender::Male,
            Some("female") => HonorificGender::Female,
            _ => HonorificGender::Unknown,
        };
        let class = match r.get(2).copied() {
            Some("courtesy") => HonorificClass::Courtesy,
            Some("rank") => HonorificClass::Rank,
            Some("royal") => HonorificClass::Royal,
            _ => HonorificClass::Style,
        };
        lex.honorifics.insert(r[0], (g, class));
    }
    for r in super::rows(include_str!("../../data/actors/nouns.tsv")) {
        if r.len() < 3 {
            continue;
        }
        if r[2] == "modifier" {
            lex.nouns.insert(r[0], NounKind::Modifier);
            continue;
        }
        let kind = kind_of(r[2]);
        lex.nouns.insert(r[0], NounKind::Person { kind, plural: false });
        if !r[1].is_empty() {
            lex.nouns.insert(r[1], NounKind::Person { kind, plural: true });
        }
    }
    for r in super::rows(include_str!("../../data/actors/heads.tsv")) {
        if r.len() >= 3 {
            lex.heads.entry(r[0]).or_insert(Head {
                kind: (r[1] != "none").then(|| kind_of(r[1])),
                class: r[2],
            });
        }
    }
    for r in super::rows(include_str!("../../data/actors/not_names.txt")) {
        lex.not_names.insert(r[0]);
    }
    for r in super::rows(include_str!("../../data/actors/first_names.tsv")) {
        lex.first_names.insert(r[0]);
    }
    for r in super::rows(include_str!("../../data/actors/org_words.tsv")) {
        lex.org_words.insert(r[0]);
    }
    lex.index_words();
    lex
}

static LEXICON: LazyLock<ActorLexicon> = LazyLock::new(load);

/// The actor lexicons, loaded on first use.
pub(crate) fn lexicon() -> &'static ActorLexicon {
    &LEXICON
}

pub(crate) fn preload() {
    LazyLock::force(&LEXICON);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_table_finds_every_key_and_nothing_else() {
        // keys as `short_key` makes them (length in the top byte), many sharing their low bytes
        let keys: Vec<u64> = (1..=3000u64).map(|k| (k * 7919) | ((k % 7 + 1) << 56)).collect();
        let t = ShortWords::new(keys.iter().enumerate().map(|(n, &k)| (k, (n as u16, n as u32))));
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(t.get(k), Some(&(n as u16, n as u32)));
        }
        // negatives: absent keys, and key 0 (the empty word), which marks empty slots
        assert_eq!(t.get((3001 * 7919) | (1 << 56)), None);
        assert_eq!(t.get(0), None);
        assert_eq!(ShortWords::default().get(5), None);
    }

    #[test]
    fn long_words_filter_admits_every_long_lexicon_word_and_rejects_most_others() {
        let l = lexicon();
        for k in l.words.keys() {
            assert!(l.long_words.may_have(k.as_bytes()), "{k}");
        }
        assert_ne!(l.word_flags("secretary-general").0, 0);
        // words in no lexicon: most have a clear bit
        let others = [
            "yesterday's",
            "afternoon",
            "statement",
            "announced",
            "therefore",
            "difficult",
            "especially",
            "immediately",
            "throughout",
            "investigation",
            "continued",
            "representatives",
            "negotiations",
            "afterwards",
            "considered",
            "reportedly",
            "unexpectedly",
            "1234567890",
            "qwertyuiop",
            "zzzzzzzzzz",
        ];
        let admitted = others.iter().filter(|w| l.long_words.may_have(w.as_bytes())).count();
        assert!(admitted < others.len() / 2, "{admitted} of {} admitted", others.len());
        // a short word, or an empty filter, admits everything
        assert!(l.long_words.may_have(b"qwerty"));
        assert!(LongWords::default().may_have(b"qwertyuiop"));
    }

    #[test]
    fn word_flags_of_short_and_long_words() {
        let l = lexicon();
        assert_ne!(l.word_flags("qatar").0 & word::NAME, 0);
        assert_ne!(l.word_flags("monday").0 & word::NOT_NAME, 0);
        assert_ne!(l.word_flags("minister").0 & word::TITLE, 0);
        // negatives: words no lexicon knows, short and long, and the empty word
        assert_eq!(l.word_flags("zqxv"), (0, u32::MAX));
        assert_eq!(l.word_flags("zqxvzqxvzq"), (0, u32::MAX));
        assert_eq!(l.word_flags(""), (0, u32::MAX));
    }

    #[test]
    fn longest_match_goes_on_past_a_glued_token() {
        // "People's" is two tokens with no space between them: the key is spelled out from there
        let l = lexicon();
        let doc = Doc::new("The Afro Asian People's Solidarity Organization met on Monday.");
        let first = l.names.first("afro");
        let (n, &id) = l
            .names
            .longest(&doc, 1, doc.tokens.len(), &first, |_, _| true)
            .expect("a name");
        assert_eq!(n, 6);
        assert_eq!(
            l.entries[id as usize].name,
            "Afro Asian People's Solidarity Organization"
        );
        // negative: the same start without the rest of the name matches no six-token name
        let doc = Doc::new("The Afro Asian People's Choir met on Monday.");
        let found = l.names.longest(&doc, 1, doc.tokens.len(), &first, |_, _| true);
        assert!(found.is_none_or(|(n, _)| n < 4));
    }

    #[test]
    fn form_case_counts_words_and_marks_the_capitalised_ones() {
        let c = FormCase::of("Bank of England");
        assert_eq!((c.words, c.capitals), (3, 0b101));
        let c = FormCase::of("al-Aqsa Martyrs Brigades");
        assert_eq!((c.words, c.capitals), (3, 0b110));
        // a non-ASCII capital counts; a lower-case non-ASCII letter does not
        let c = FormCase::of("Élysée palace");
        assert_eq!((c.words, c.capitals), (2, 0b01));
        let c = FormCase::of("US");
        assert_eq!((c.words, c.capitals), (1, 0b1));
    }

    #[test]
    fn lexicon_has_the_basics() {
        let l = lexicon();
        let id = *l.names.get("qatar").unwrap();
        assert_eq!(l.entries[id as usize].kind, ActorKind::Country);
        assert_eq!(l.demonyms.get("qatari"), Some(&"Qatar"));
        assert!(l.titles.get("prime minister").is_some());
        assert_eq!(
            l.honorifics.get("mrs"),
            Some(&(HonorificGender::Female, HonorificClass::Courtesy))
        );
        assert!(l.names.get("tel aviv").is_some());
        assert!(l.names.get("katyusha").is_none());
        assert!(l.not_names.contains("monday"));
    }
}
