//! Groups candidate mentions into actors: full names first, then aliases ("Mr Pezeshkian",
//! "Pezeshkian", "Sheikh Mohammed") and lone words, then descriptions ("the Palestinian armed group"),
//! then fills in affiliations and genders from context.

use super::cand::{Cand, CandKind, Cx, is_all_caps, text_of};
use super::{ActorEntry, ActorIndex, FxHashMap, FxHashSet, Gender, Mention, MentionForm};
use crate::model::ActorKind;

/// How many persons sharing a name word an alias is compared with (the most recent ones).
const MAX_NAMESAKES: usize = 32;

/// What the resolver knows about an actor beyond [`ActorEntry`].
#[derive(Debug, Clone)]
struct Extra<'c, 'a> {
    /// The name words, borrowed from the candidate that gave the actor its fullest name.
    words: &'c [&'a str],
    /// Mentions by full name (two words or more).
    full: usize,
    home: Option<&'static str>,
    class: &'static str,
}

struct Builder<'c, 'a> {
    doc: &'a Cx<'a>,
    index: ActorIndex,
    extra: Vec<Extra<'c, 'a>>,
    /// Actors by kind and lower-case name (see [`actor_key`]).
    by_key: KeyTable,
    /// A reused buffer for keys.
    key: String,
    /// Persons by the words of their names.
    by_word: FxHashMap<&'a str, Vec<usize>>,
    /// Mentions found in the current phase, not yet in the index.
    pending: Vec<Mention>,
}

fn kind_code(k: ActorKind) -> u8 {
    match k {
        ActorKind::Person => 0,
        ActorKind::Organization => 1,
        ActorKind::Country => 2,
        ActorKind::Location => 3,
        ActorKind::Group => 4,
        ActorKind::Source => 5,
    }
}

impl<'c, 'a> Builder<'c, 'a> {
    fn actor_for(&mut self, kind: ActorKind, c: &'c Cand<'a>) -> usize {
        let mut key = std::mem::take(&mut self.key);
        actor_key(&mut key, c.canon.unwrap_or(&c.name));
        if key.starts_with("the ") {
            key.replace_range(0..4, "");
        }
        // "A spokesman" and "spokesman" are one source (see `canonical_name`)
        if matches!(kind, ActorKind::Source | ActorKind::Group) {
            for article in ["a ", "an "] {
                if key.len() > article.len() && key.starts_with(article) {
                    key.replace_range(0..article.len(), "");
                    break;
                }
            }
        }
        let hash = KeyTable::hash(&key);
        if let Some(id) = self.by_key.get(hash, kind, &key) {
            self.key = key;
            return id;
        }
        // the canonical name is computed once, and the candidate's name copied only when it is the one kept
        let name = super::canonical_name(kind, &c.name).unwrap_or_else(|| c.name.to_string());
        let id = self.index.add_canonical_actor(ActorEntry {
            name,
            kind,
            titles: Vec::new(),
            affiliation: None,
            gender: Gender::Unknown,
        });
        self.extra.push(Extra {
            words: &c.words,
            full: 0,
            home: c.home,
            class: c.class,
        });
        self.by_key.insert(hash, kind, &key, id);
        self.key = key;
        id
    }

    fn enrich(&mut self, id: usize, c: &Cand<'a>) {
        let e = &mut self.index.actors[id];
        for t in &c.titles {
            if !e.titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                e.titles.push(t.clone());
            }
        }
        if e.affiliation.is_none() && c.affiliation != Some(e.name.as_str()) {
            e.affiliation = c.affiliation.map(str::to_string);
        }
        if e.gender == Gender::Unknown {
            e.gender = c.gender;
        }
        let x = &mut self.extra[id];
        if x.home.is_none() {
            x.home = c.home;
        }
    }

    fn mention(&mut self, id: usize, c: &Cand<'a>, form: MentionForm) {
        let span = self.doc.span_of(c.tokens.clone());
        self.pending.push(Mention {
            tokens: c.tokens.clone(),
            span,
            actor: id,
            form,
        });
    }

    /// Moves the pending mentions into the index: one sort per phase instead of an insertion into the
    /// middle of the list per mention (which would be quadratic on long articles). Candidates never
    /// overlap; an overlapping mention would be dropped, as [`ActorIndex::add_mention`] does.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let all = &mut self.index.mentions;
        all.append(&mut self.pending);
        // the list is a few sorted runs (earlier phases, then this phase's persons and the rest), which a
        // stable sort merges
        all.sort_by_key(|m| (m.tokens.start, m.tokens.end));
        all.dedup_by(|m, kept| kept.tokens.end > m.tokens.start);
    }

    /// The person whose name words include all of `words`. When several do, a one-word alias prefers the
    /// names it ends (a surname), then a person named in full at least twice as often as every other
    /// ("Mohamed" for the article's Ahmed Mohamed rather than his father); otherwise it stays ambiguous
    /// (`Err`).
    fn person_with_words(&self, words: &[&str]) -> Result<Option<usize>, ()> {
        let Some(first) = words.first() else {
            return Ok(None);
        };
        let Some(ids) = self.by_word.get(*first) else {
            return Ok(None);
        };
        // the most recent persons sharing the word (bounded, so that resolution stays linear); an id is
        // listed once per word
        let candidates = || {
            ids.iter().rev().take(MAX_NAMESAKES).copied().filter(|&id| {
                let w = &self.extra[id].words;
                w.len() >= 2 && words.iter().all(|x| w.contains(x))
            })
        };
        let mut found = candidates();
        match (found.next(), found.next()) {
            (None, _) => return Ok(None),
            (Some(id), None) => return Ok(Some(id)),
            _ => {}
        }
        let mut found: Vec<usize> = candidates().collect();
        if words.len() == 1 {
            let ending: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&id| self.extra[id].words.last() == Some(first))
                .collect();
            if ending.len() == 1 {
                return Ok(Some(ending[0]));
            }
            if !ending.is_empty() {
                found = ending;
            }
        }
        found.sort_by_key(|&id| std::cmp::Reverse(self.extra[id].full));
        if self.extra[found[0]].full >= 2 * self.extra[found[1]].full.max(1) {
            return Ok(Some(found[0]));
        }
        Err(())
    }

    /// A person already named with the same surname and a given name one letter away ("Kristen
    /// Wilkins" and "Kristin Wilkins" in one article are one person with a typo).
    fn person_with_variant(&self, words: &[&str]) -> Option<usize> {
        let last = words.last()?;
        self.by_word
            .get(*last)?
            .iter()
            .rev()
            .take(MAX_NAMESAKES)
            .copied()
            .find(|&id| {
                let w = &self.extra[id].words;
                w.len() == words.len()
                    && w.last() == Some(last)
                    && w.iter().zip(words).all(|(a, b)| a == b || one_edit_apart(a, b))
            })
    }

    /// Lists person `id` under each of its name words. Only the most recent [`MAX_NAMESAKES`] persons of a
    /// word are ever compared, so an id is pushed again (as the most recent) unless it is among them, and
    /// a list that reaches twice that length drops its older half: each call costs at most
    /// `MAX_NAMESAKES` comparisons per word and the lists stay bounded, however many persons share a word.
    fn index_words(&mut self, id: usize) {
        for &w in self.extra[id].words {
            let ids = self.by_word.entry(w).or_default();
            if ids.iter().rev().take(MAX_NAMESAKES).any(|&x| x == id) {
                continue;
            }
            if ids.len() >= 2 * MAX_NAMESAKES {
                ids.drain(..ids.len() - MAX_NAMESAKES);
            }
            ids.push(id);
        }
    }
}

/// Actors by kind and key (see [`actor_key`]). The keys are written one after another into one string and
/// found by their hash, so that a new actor costs no allocation of its own.
struct KeyTable {
    text: String,
    /// For every hash, the last slot whose key has it.
    by_hash: FxHashMap<u64, u32>,
    slots: Vec<KeySlot>,
}

/// One key of a [`KeyTable`].
struct KeySlot {
    /// Its bytes in [`KeyTable::text`].
    start: u32,
    end: u32,
    kind: ActorKind,
    actor: usize,
    /// The slot of the previous key with the same hash (`u32::MAX`: none).
    same_hash: u32,
}

impl KeyTable {
    fn with_capacity(n: usize) -> KeyTable {
        KeyTable {
            text: String::with_capacity(n * 16),
            by_hash: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            slots: Vec::with_capacity(n),
        }
    }

    /// The hash of a key, computed once for lookups under several kinds.
    fn hash(key: &str) -> u64 {
        crate::lexicon::fx_hash(key.as_bytes())
    }

    /// The table's hash of a key of a kind.
    fn kind_hash(hash: u64, kind: ActorKind) -> u64 {
        hash ^ u64::from(kind_code(kind))
    }

    /// The actor of this kind with this key (whose [`KeyTable::hash`] is `hash`).
    fn get(&self, hash: u64, kind: ActorKind, key: &str) -> Option<usize> {
        let mut s = *self.by_hash.get(&Self::kind_hash(hash, kind))?;
        while let Some(slot) = self.slots.get(s as usize) {
            if slot.kind == kind && self.text.get(slot.start as usize..slot.end as usize) == Some(key) {
                return Some(slot.actor);
            }
            s = slot.same_hash;
        }
        None
    }

    /// Adds a key that is not in the table yet.
    fn insert(&mut self, hash: u64, kind: ActorKind, key: &str, actor: usize) {
        let start = self.text.len() as u32;
        self.text.push_str(key);
        let slot = self.slots.len() as u32;
        let same_hash = (self.by_hash)
            .insert(Self::kind_hash(hash, kind), slot)
            .unwrap_or(u32::MAX);
        self.slots.push(KeySlot {
            start,
            end: self.text.len() as u32,
            kind,
            actor,
            same_hash,
        });
    }
}

/// Writes the key of an actor into `key`: its lower-cased name (actors of different kinds may share one).
fn actor_key(key: &mut String, name: &str) {
    key.clear();
    if name.is_ascii() {
        key.push_str(name);
        key.make_ascii_lowercase();
    } else {
        key.push_str(&name.to_lowercase());
    }
}

/// Whether two words differ by one substituted, inserted or deleted letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a.len() < 4 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// Builds the actor index from the scanner's candidates (sorted, non-overlapping).
pub(crate) fn build<'a>(doc: &'a Cx<'a>, cands: Vec<Cand<'a>>) -> ActorIndex {
    // 1. names of a known kind; persons with full names merge when one name contains the other
    // "Warhol Polaroids" after "Andy Warhol": a surname used as a modifier is the person, not a new name
    let mut cands = cands;
    let given = &crate::lexicon::actors::lexicon().first_names;
    let surnames: FxHashSet<&str> = cands
        .iter()
        .filter(|c| c.kind == CandKind::Named(ActorKind::Person) && c.words.len() >= 2)
        .filter(|c| given.contains(c.words[0]) || !c.titles.is_empty())
        .filter_map(|c| c.words.last().copied())
        .collect();
    for c in &mut cands {
        if c.kind == CandKind::Named(ActorKind::Person)
            && c.words.len() == 2
            && c.titles.is_empty()
            && c.tokens.len() == 2
            && surnames.contains(c.words[0])
            && !surnames.contains(c.words[1])
        {
            c.tokens = c.tokens.start..c.tokens.start + 1;
            c.words.truncate(1);
            c.kind = CandKind::Single;
            c.name = text_of(doc, c.tokens.clone()).into();
        }
    }
    let cands = cands;
    // sized for the candidates up front: at most one actor, one name word index entry per word and one
    // mention per candidate
    let n = cands.len();
    let mut b = Builder {
        doc,
        index: ActorIndex {
            actors: Vec::with_capacity(n),
            mentions: Vec::with_capacity(n),
        },
        extra: Vec::with_capacity(n),
        by_key: KeyTable::with_capacity(n),
        key: String::new(),
        by_word: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        pending: Vec::with_capacity(n),
    };
    let mut deferred = Vec::new();
    // persons first, so that a one-word place that is a person's name ("Paris" after "Valeska Paris") can
    // be read as that person
    let person = |c: &&Cand| c.kind == CandKind::Named(ActorKind::Person);
    let persons = cands.iter().filter(person);
    let others = cands.iter().filter(|c| !person(c));
    for c in persons.chain(others) {
        if c.kind == CandKind::Named(ActorKind::Location)
            && c.tokens.len() == 1
            && let Ok(Some(id)) = b.person_with_words(&[doc.lower(c.tokens.start)])
        {
            b.mention(id, c, MentionForm::Alias);
            continue;
        }
        match c.kind {
            CandKind::Named(ActorKind::Person) => {
                let id = match b.person_with_words(&c.words) {
                    Ok(Some(id)) => id,
                    _ => match b.person_with_variant(&c.words) {
                        Some(id) => id,
                        None => b.actor_for(ActorKind::Person, c),
                    },
                };
                // a fuller name becomes the canonical one
                if c.words.len() > b.extra[id].words.len() {
                    b.extra[id].words = &c.words;
                    b.index.actors[id].name = c.name.to_string();
                }
                if c.words.len() >= 2 {
                    b.extra[id].full += 1;
                }
                b.index_words(id);
                b.enrich(id, c);
                b.mention(id, c, MentionForm::Name);
            }
            CandKind::Named(kind) => {
                let id = b.actor_for(kind, c);
                b.enrich(id, c);
                b.mention(id, c, c.form);
            }
            _ => deferred.push(c),
        }
    }
    b.flush();
    // 2. aliases and lone words
    let evidence = single_evidence(doc, &cands);
    let mut descriptions = Vec::new();
    let mut plural = String::new();
    // headline words last: they only attach to actors the body names
    deferred.sort_by_key(|c| in_title_line(doc, c));
    for c in deferred {
        match c.kind {
            CandKind::PersonAlias | CandKind::Single => {
                match b.person_with_words(&c.words) {
                    Ok(Some(id)) => {
                        b.enrich(id, c);
                        b.mention(id, c, MentionForm::Alias);
                        continue;
                    }
                    Err(()) => continue, // shared by two people: ambiguous
                    Ok(None) => {}
                }
                // a lone word naming an organisation or place already found ("Hamas" in a headline)
                actor_key(&mut b.key, &c.name);
                let hash = KeyTable::hash(&b.key);
                let found = [ActorKind::Organization, ActorKind::Country, ActorKind::Location]
                    .into_iter()
                    .find_map(|k| b.by_key.get(hash, k, &b.key));
                if let Some(id) = found {
                    b.mention(id, c, MentionForm::Alias);
                    continue;
                }
                // "the Church" after "the Church of Scientology": the last organisation or place whose
                // name has this head word
                if let Some(head) = c.words.first()
                    && crate::lexicon::actors::lexicon().heads.contains_key(*head)
                    && let Some(id) = b
                        .index
                        .last_before(c.tokens.start, 100, |_, a| {
                            a.kind != ActorKind::Person && a.name.split(' ').any(|w| w.eq_ignore_ascii_case(head))
                        })
                        .map(|m| m.actor)
                {
                    b.mention(id, c, MentionForm::Alias);
                    continue;
                }
                if in_title_line(doc, c) {
                    continue;
                }
                let kind = if c.kind == CandKind::PersonAlias {
                    Some(ActorKind::Person)
                } else {
                    single_kind(doc, &evidence, c, &mut plural)
                };
                if let Some(kind) = kind {
                    let id = b.actor_for(kind, c);
                    b.enrich(id, c);
                    b.mention(id, c, MentionForm::Name);
                }
            }
            CandKind::Description => descriptions.push(c),
            CandKind::Named(_) => {}
        }
    }
    b.flush();
    // 3. descriptions refer back to the last organisation of their class (and country)
    for c in descriptions {
        let start = c.tokens.start;
        let sentence = doc.sentence_of(start);
        let mut best = None;
        // walk back through earlier mentions (bounded) for a compatible organisation
        let end = b.index.mentions.partition_point(|m| m.tokens.end <= start);
        for m in b.index.mentions[..end].iter().rev().take(60) {
            let a = &b.index.actors[m.actor];
            if a.kind != ActorKind::Organization {
                continue;
            }
            let x = &b.extra[m.actor];
            if !class_fits(c.class, x.class) {
                continue;
            }
            if let Some(h) = c.home
                && x.home != Some(h)
            {
                continue;
            }
            // a bare description ("the group", "the ministry") refers only to a recent organisation: this
            // sentence or the two before it
            if c.home.is_none() && doc.sentence_of(m.tokens.start) + 2 < sentence {
                break;
            }
            best = Some(m.actor);
            break;
        }
        if let Some(id) = best {
            b.mention(id, c, MentionForm::Description);
        }
    }
    b.flush();
    // 4. persons with a government title and no affiliation belong to the country named last before them
    // in their sentence ("landed in Iran … including Foreign Minister Abbas Araghchi")
    for c in &cands {
        if c.kind != CandKind::Named(ActorKind::Person) || c.titles.is_empty() || c.affiliation.is_some() {
            continue;
        }
        let Some(m) = b.index.mention_at(c.tokens.start) else {
            continue;
        };
        let id = m.actor;
        if b.index.actors[id].affiliation.is_some() || !government_title(&c.titles) {
            continue;
        }
        let sent = doc.sentence_of(c.tokens.start);
        let country = b
            .index
            .last_before(c.tokens.start, 12, |m, a| {
                a.kind == ActorKind::Country && doc.sentence_of(m.tokens.start) == sent
            })
            .map(|m| b.index.actors[m.actor].name.clone());
        b.index.actors[id].affiliation = country;
    }
    // 5. gender from the first pronoun after a person's first mention, before any other person
    infer_gender(doc, &mut b.index);
    b.index
}

/// What the occurrences of a lone capitalised word say about it.
#[derive(Debug, Default, Clone, Copy)]
struct Evidence {
    /// Occurrences outside the headline.
    count: usize,
    /// Occurrences followed by a speech verb or by "he"/"she" before "it".
    person: usize,
    /// Occurrences followed by "it"/"its" before "he"/"she".
    thing: usize,
    /// Occurrences inside a sentence (not at its start).
    mid: usize,
    /// A kind shown by the context of one occurrence: a place before ", Indiana" or ", Italy"; the
    /// organisation or place a capitalised head word after "the" names ("the Church", "the State").
    place: Option<ActorKind>,
}

/// Gathers, for every lone capitalised word, evidence from all its occurrences.
fn single_evidence<'a>(doc: &Cx, cands: &[Cand<'a>]) -> FxHashMap<&'a str, Evidence> {
    let mut ev: FxHashMap<&'a str, Evidence> = FxHashMap::default();
    for c in cands {
        if c.kind != CandKind::Single || c.words.len() != 1 || in_title_line(doc, c) {
            continue;
        }
        let e = ev.entry(c.words[0]).or_default();
        e.count += 1;
        let at = c.tokens.start;
        if !super::cand::starts_clause(doc, at) {
            e.mid += 1;
        }
        if doc.is(c.tokens.end, ",")
            && let Some((_, n)) = super::titles::name_at(doc, c.tokens.end + 1, doc.tokens.len())
            && matches!(n.kind, ActorKind::Country | ActorKind::Location)
            && n.class != "city"
        {
            e.place = Some(ActorKind::Location);
        }
        if at > 0
            && doc.low(at - 1) == "the"
            && let Some(h) = super::cand::head_at(doc, at)
            && h.kind.is_some()
        {
            e.place = h.kind;
        }
        if c.speaks {
            e.person += 1;
        }
        match pronoun_after(doc, c.tokens.end) {
            Some(true) => e.person += 1,
            Some(false) => e.thing += 1,
            None => {}
        }
    }
    ev
}

/// The first pronoun within 8 tokens after `from`: `Some(true)` for he/she/his/her/him, `Some(false)` for
/// it/its, stopping at another capitalised name.
fn pronoun_after(doc: &Cx, from: usize) -> Option<bool> {
    let to = (from + 8).min(doc.tokens.len());
    for k in from..to {
        let low = doc.tokens.get(k).and_then(|t| doc.lower.as_bytes().get(t.start..t.end));
        match low.unwrap_or_default() {
            b"he" | b"she" => return Some(true),
            b"it" | b"its" => return Some(false),
            _ if k > from && super::cand::is_cap(doc, k) && !super::cand::starts_clause(doc, k) => {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// The kind of a lone capitalised word that names no known actor: a person when it speaks or is referred
/// to as he or she, an organisation when written in capitals or repeated; otherwise nothing (a lone
/// capitalised word may be an adjective, a product or a sentence opener).
fn single_kind(doc: &Cx, ev: &FxHashMap<&str, Evidence>, c: &Cand, plural: &mut String) -> Option<ActorKind> {
    let w = *c.words.first()?;
    let e = ev.get(w).copied().unwrap_or_default();
    let caps = is_all_caps(doc, c.tokens.start)
        && c.name.chars().count() >= 2
        && !c.name.chars().any(|ch| ch.is_ascii_digit());
    if c.name.chars().any(|ch| ch.is_ascii_digit()) {
        return None; // "IE6", "M5S": model numbers and codes
    }
    if let Some(k) = e.place {
        return Some(k);
    }
    // a capitalised plural whose singular is also a lone word ("Polaroids", "Polaroid") is a common noun
    let plural_of_single = w.strip_suffix('s').is_some_and(|stem| ev.contains_key(stem));
    // … or a singular whose plural is one, unless it is shown to be a person (`plural` is a reused buffer)
    let single_of_plural = !w.ends_with('s') && e.person == 0 && {
        plural.clear();
        plural.push_str(w);
        plural.push('s');
        ev.contains_key(plural.as_str())
    };
    if plural_of_single || single_of_plural {
        return None;
    }
    if (e.person > e.thing && e.person >= 2 || c.speaks) && !caps {
        return Some(ActorKind::Person);
    }
    if c.employer {
        // "Fox anchor Dana Reyes"
        return Some(ActorKind::Organization);
    }
    if caps {
        return Some(ActorKind::Organization);
    }
    if e.count >= 1 && crate::lexicon::actors::lexicon().first_names.contains(w) {
        return Some(ActorKind::Person);
    }
    if let Some(k) = e.place {
        return Some(k);
    }
    if e.mid >= 2 && !super::cand::adjective_like(w.as_bytes()) {
        return Some(ActorKind::Organization);
    }
    None
}

fn in_title_line(doc: &Cx, c: &Cand) -> bool {
    super::cand::in_title(doc, c.tokens.start)
}

/// Whether a description's class fits an organisation's class.
fn class_fits(desc: &str, org: &str) -> bool {
    match desc {
        "armed" => org == "armed",
        "agency" => matches!(org, "agency" | "state_agency"),
        "outlet" => matches!(
            org,
            "outlet" | "newspaper" | "broadcaster" | "agency" | "state_agency" | "online"
        ),
        "government" => org == "government",
        "party" => org == "party",
        "company" => org == "company",
        _ => false,
    }
}

/// Whether one of the titles is a government office (minister, president, ambassador…).
fn government_title(titles: &[String]) -> bool {
    // lower-cased on the stack when short (as `to_ascii_lowercase` would, without a string of its own)
    let mut buf = [0u8; 64];
    titles.iter().any(|t| {
        let owned;
        let t = match buf.get_mut(..t.len()) {
            Some(b) => {
                b.copy_from_slice(t.as_bytes());
                b.make_ascii_lowercase();
                &*b
            }
            None => {
                owned = t.to_ascii_lowercase();
                owned.as_bytes()
            }
        };
        [
            "minister",
            "president",
            "ambassador",
            "secretary",
            "envoy",
            "king",
            "emir",
            "premier",
            "chancellor",
        ]
        .iter()
        .any(|w| t.windows(w.len()).any(|x| x == w.as_bytes()))
    })
}

/// Fills the gender of persons from the first personal pronoun after their first mention, when no other
/// person is mentioned in between (at most 40 tokens on).
fn infer_gender(doc: &Cx, index: &mut ActorIndex) {
    // the end of each actor's first mention
    let mut first: Vec<Option<usize>> = vec![None; index.actors.len()];
    for m in &index.mentions {
        first[m.actor].get_or_insert(m.tokens.end);
    }
    let mut updates = Vec::new();
    for (id, a) in index.actors.iter().enumerate() {
        if a.kind != ActorKind::Person || a.gender != Gender::Unknown {
            continue;
        }
        let Some(from) = first[id] else {
            continue;
        };
        let to = (from + 40).min(doc.tokens.len());
        // the mentions are sorted and never overlap: walk them alongside the tokens
        let mentions = &index.mentions;
        let mut p = mentions.partition_point(|x| x.tokens.end <= from);
        for k in from..to {
            while mentions.get(p).is_some_and(|m| m.tokens.end <= k) {
                p += 1;
            }
            if let Some(m) = mentions.get(p).filter(|m| m.tokens.start <= k)
                && m.actor != id
                && index.actors[m.actor].kind == ActorKind::Person
            {
                break;
            }
            // the token's bytes, matched without slicing a string
            let low = doc.tokens.get(k).and_then(|t| doc.lower.as_bytes().get(t.start..t.end));
            match low.unwrap_or_default() {
                b"he" | b"his" | b"him" | b"himself" => {
                    updates.push((id, Gender::Male));
                    break;
                }
                b"she" | b"her" | b"hers" | b"herself" => {
                    updates.push((id, Gender::Female));
                    break;
                }
                _ => {}
            }
        }
    }
    for (id, g) in updates {
        index.actors[id].gender = g;
    }
}

#[cfg(test)]
mod tests {
    use crate::text::Doc;

    /// The name-word lists stay bounded when a hundred people share a given name, and a person named again
    /// after all of them still gets the new mention.
    #[test]
    fn many_namesakes_keep_bounded_lists_and_resolve() {
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vu", "dor", "pel", "sa", "ni"];
        let mut text = String::from("Ann Whitlock spoke first. ");
        for a in syllables {
            for b in syllables {
                let mut surname = format!("{a}{b}");
                surname[..1].make_ascii_uppercase();
                text.push_str(&format!("Ann {surname}berg met officials. "));
            }
        }
        text.push_str("Later Ann Whitlock said the talks were over.");
        let doc = Doc::new(&text);
        let index = super::super::extract(&doc);
        let ann = index
            .actors
            .iter()
            .position(|a| a.name == "Ann Whitlock")
            .expect("Ann Whitlock");
        let count = index.mentions.iter().filter(|m| m.actor == ann).count();
        assert_eq!(count, 2, "the second full mention joins the first");
        // negative: a namesake is a person of her own
        assert!(index.actors.iter().any(|a| a.name == "Ann Kakaberg"));
    }
}
