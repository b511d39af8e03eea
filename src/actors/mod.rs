//! Actors: finds mentions of people, organisations, countries, places, sources and groups, groups them into
//! actors, and answers the questions later stages ask ("which actor is mentioned at this token?", "the last
//! person before this token").
//!
//! This is the one model of mentions and actors for the whole crate: statements add speaker mentions
//! (pronouns, anonymous sources) to it, statistics read it.

mod cand;
mod lone;
mod mentions;
mod phrases;
mod resolve;
mod titles;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::model::{Actor, ActorKind, Span};
use crate::text::Doc;

/// A hash map on the fast [`FxHasher`](crate::lexicon::FxHasher) (keys are the article's own words).
pub(crate) type FxHashMap<K, V> = HashMap<K, V, crate::lexicon::FxBuild>;
/// A hash set on the fast [`FxHasher`](crate::lexicon::FxHasher).
pub(crate) type FxHashSet<K> = HashSet<K, crate::lexicon::FxBuild>;

/// How an actor is referred to at one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)]
pub(crate) enum MentionForm {
    /// A proper name ("Masoud Pezeshkian", "Hamas").
    Name,
    /// A shorter form of a name seen before ("Mr Pezeshkian", "Pezeshkian").
    Alias,
    /// A title or description that refers back ("the foreign minister", "the Lebanese militant group").
    Description,
    /// A pronoun ("he", "she", "it", "they").
    Pronoun,
    /// The phrase of an anonymous source or a group ("one of the sources", "residents").
    Phrase,
}

/// Grammatical gender known for a person, from honorifics, pronouns or first names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[allow(dead_code)]
pub(crate) enum Gender {
    /// Not known.
    #[default]
    Unknown,
    /// He / Mr.
    Male,
    /// She / Mrs / Ms.
    Female,
}

/// An actor being built.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActorEntry {
    pub name: String,
    pub kind: ActorKind,
    pub titles: Vec<String>,
    pub affiliation: Option<String>,
    pub gender: Gender,
}

/// One mention of an actor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// The tokens it covers.
    pub tokens: Range<usize>,
    /// Its byte span.
    pub span: Span,
    /// Index of its actor in [`ActorIndex::actors`].
    pub actor: usize,
    /// How the actor is referred to.
    pub form: MentionForm,
}

/// Actors and their mentions, sorted by position.
#[derive(Debug, Clone, Default)]
pub(crate) struct ActorIndex {
    pub actors: Vec<ActorEntry>,
    /// Sorted by `tokens.start`; mentions never overlap.
    pub mentions: Vec<Mention>,
}

/// Up to this many mentions are inserted into the sorted list in place; more are merged in one pass.
const FEW_ADDED: usize = 8;

#[allow(dead_code)]
impl ActorIndex {
    /// Adds `added` (mentions at tokens no mention covers) to the sorted mention list. A mention added at
    /// the start of an indexed one goes after it. A few are inserted in place (one forward scan and a
    /// block move each); more are merged in one pass, since inserting them one by one would shift the later
    /// mentions each time, quadratic on a text of many new mentions.
    pub fn merge_mentions(&mut self, mut added: Vec<Mention>) {
        if added.is_empty() {
            return;
        }
        added.sort_by_key(|m| m.tokens.start);
        if added.len() <= FEW_ADDED {
            let mut j = 0;
            for y in added {
                while j < self.mentions.len() && self.mentions[j].tokens.start <= y.tokens.start {
                    j += 1;
                }
                self.mentions.insert(j, y);
                j += 1;
            }
            return;
        }
        let old = std::mem::take(&mut self.mentions);
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut new = added.into_iter().peekable();
        for m in old {
            while let Some(y) = new.next_if(|y| y.tokens.start < m.tokens.start) {
                merged.push(y);
            }
            merged.push(m);
        }
        merged.extend(new);
        self.mentions = merged;
    }

    /// Adds an actor and returns its id. A generic name is made canonical first ([`canonical_name`]).
    pub fn add_actor(&mut self, mut entry: ActorEntry) -> usize {
        if let Some(name) = canonical_name(entry.kind, &entry.name) {
            entry.name = name;
        }
        self.add_canonical_actor(entry)
    }

    /// Adds an actor whose name is already canonical (the name [`canonical_name`] gives, or its own when
    /// that gives none) and returns its id: [`ActorIndex::add_actor`] without computing the name again.
    pub fn add_canonical_actor(&mut self, mut entry: ActorEntry) -> usize {
        if entry.kind == ActorKind::Person && is_generic(entry.kind, &entry.name) {
            describe_generic_person(&mut entry);
        }
        self.actors.push(entry);
        self.actors.len() - 1
    }

    /// Adds a mention, keeping the list sorted. A mention overlapping an existing one is not added;
    /// returns whether it was.
    pub fn add_mention(&mut self, m: Mention) -> bool {
        let pos = self.mentions.partition_point(|x| x.tokens.start < m.tokens.start);
        let clash = |x: &Mention| x.tokens.start < m.tokens.end && m.tokens.start < x.tokens.end;
        if self.mentions.get(pos).is_some_and(clash) || pos > 0 && clash(&self.mentions[pos - 1]) {
            return false;
        }
        self.mentions.insert(pos, m);
        true
    }

    /// The mention covering token `tok`.
    pub fn mention_at(&self, tok: usize) -> Option<&Mention> {
        let pos = self.mentions.partition_point(|x| x.tokens.end <= tok);
        self.mentions.get(pos).filter(|m| m.tokens.start <= tok)
    }

    /// The mentions that lie inside the token range.
    pub fn mentions_in(&self, tokens: Range<usize>) -> &[Mention] {
        let a = self.mentions.partition_point(|x| x.tokens.start < tokens.start);
        let b = self.mentions.partition_point(|x| x.tokens.start < tokens.end);
        let b = b.max(a);
        let mut b2 = b;
        while b2 > a && self.mentions[b2 - 1].tokens.end > tokens.end {
            b2 -= 1;
        }
        &self.mentions[a..b2]
    }

    /// The last mention ending at or before token `tok` for which `pred` holds, looking back at most
    /// `limit` mentions.
    pub fn last_before(
        &self,
        tok: usize,
        limit: usize,
        pred: impl Fn(&Mention, &ActorEntry) -> bool,
    ) -> Option<&Mention> {
        let end = self.mentions.partition_point(|x| x.tokens.end <= tok);
        self.mentions[..end]
            .iter()
            .rev()
            .take(limit)
            .find(|m| pred(m, &self.actors[m.actor]))
    }

    /// The public actors, each with its mentions in text order. Actors without mentions are dropped and the
    /// remaining ids renumbered; the returned table maps old ids to new ones.
    pub fn into_actors(self) -> (Vec<Actor>, Vec<Option<usize>>) {
        let mut counts = vec![0usize; self.actors.len()];
        for m in &self.mentions {
            counts[m.actor] += 1;
        }
        let mut spans: Vec<Vec<Span>> = counts.into_iter().map(Vec::with_capacity).collect();
        for m in &self.mentions {
            spans[m.actor].push(m.span);
        }
        let mut remap = vec![None; self.actors.len()];
        // the new ids first, with the names borrowed: generic actors with the same kind and canonical name
        // are one actor ("the spokesman" found by the actors stage and again by the statements stage)
        let mut new_count = 0;
        {
            let mut generic: FxHashMap<(ActorKind, &str), usize> = FxHashMap::default();
            for (old, entry) in self.actors.iter().enumerate() {
                if spans[old].is_empty() {
                    continue;
                }
                if is_generic(entry.kind, &entry.name) {
                    match generic.entry((entry.kind, entry.name.as_str())) {
                        std::collections::hash_map::Entry::Occupied(e) => {
                            remap[old] = Some(*e.get());
                            continue;
                        }
                        std::collections::hash_map::Entry::Vacant(e) => {
                            e.insert(new_count);
                        }
                    }
                }
                remap[old] = Some(new_count);
                new_count += 1;
            }
        }
        let mut out: Vec<Actor> = Vec::with_capacity(new_count);
        for (old, (entry, mentions)) in self.actors.into_iter().zip(spans).enumerate() {
            let Some(id) = remap[old] else {
                continue;
            };
            // an actor merged into an earlier one of the same generic name
            if id < out.len() {
                let a = &mut out[id];
                a.mentions.extend(mentions);
                a.mentions.sort_by_key(|m| m.start);
                continue;
            }
            out.push(Actor {
                id: out.len(),
                name: entry.name,
                kind: entry.kind,
                titles: entry.titles,
                affiliation: entry.affiliation,
                mentions,
            });
        }
        (out, remap)
    }
}

/// The canonical name of an actor named by a common noun rather than a proper name, so that users can group
/// actors by name across articles; `None` when `name` is a proper name or already canonical.
///
/// - Sources and groups: the leading article is dropped and a first word capitalised only by its position
///   is written in lower case: "Officials", "officials" and "the officials" are `officials`; "A spokesman"
///   is `spokesman`; "Residents of southern Lebanon" is `residents of southern Lebanon`. Proper words keep
///   their case: `US officials`, `Arab mediators`.
/// - A person known only by a title or a description (a last word without a capital letter) is named
///   with "the": "the president", "the Democratic senator", never a bare "president" that reads like a
///   proper name.
pub(crate) fn canonical_name(kind: ActorKind, name: &str) -> Option<String> {
    // most names need nothing: a proper name, or a source already in lower case without an article
    if !matches!(kind, ActorKind::Source | ActorKind::Group | ActorKind::Person) {
        return None;
    }
    if kind == ActorKind::Person && !generic_person_name(name) {
        return None;
    }
    let first = name.split(' ').next().unwrap_or("");
    let article = matches!(first, "the" | "a" | "an" | "The" | "A" | "An" | "THE");
    if matches!(kind, ActorKind::Source | ActorKind::Group)
        && !article
        && !first.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    // here the name is generic: a source, a group, or a person known by a description (checked above)
    let mut rest = name.trim();
    for article in ["the ", "a ", "an "] {
        if rest.len() > article.len()
            && rest
                .get(..article.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(article))
        {
            rest = rest[article.len()..].trim_start();
            break;
        }
    }
    let (first, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    let mut out = String::with_capacity(rest.len() + 4);
    if kind == ActorKind::Person {
        out.push_str("the ");
    }
    if proper_word(first) {
        out.push_str(first);
    } else if first.is_ascii() {
        // the same as `to_lowercase` for ASCII, without a string of its own
        let from = out.len();
        out.push_str(first);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&first.to_lowercase());
    }
    if !tail.is_empty() {
        out.push(' ');
        out.push_str(tail);
    }
    (out != name).then_some(out)
}

/// Whether a person's name is a description rather than a proper name: its last word has no capital
/// letter and no digit ("the president", not "Ann Lee" nor "Louis XIV").
fn generic_person_name(name: &str) -> bool {
    let last = match name.as_bytes().iter().rposition(|&b| b == b' ') {
        Some(k) => &name[k + 1..],
        None => name,
    };
    if last.is_ascii() {
        !last.bytes().any(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    } else {
        !last.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

/// Whether an actor's name is generic (a source, a group, or a person known by a title: "the president"),
/// so that actors of the same kind and name are one.
fn is_generic(kind: ActorKind, name: &str) -> bool {
    match kind {
        ActorKind::Source | ActorKind::Group => true,
        ActorKind::Person => name.starts_with("the ") && canonical_name(kind, name).is_none(),
        _ => false,
    }
}

/// A person known only by a description ("the Democratic senator", "the Iranian foreign minister") takes
/// its title from the description's last words and its affiliation from a party or nationality word in
/// it, when it has none.
fn describe_generic_person(entry: &mut ActorEntry) {
    let l = crate::lexicon::actors::lexicon();
    let words: Vec<&str> = entry.name.split(' ').skip(1).collect();
    if entry.titles.is_empty() {
        // the longest title ending the description: "foreign minister" before "minister"
        if let Some(k) = (0..words.len()).find(|&k| l.titles.get(&words[k..].join(" ").to_lowercase()).is_some()) {
            entry.titles.push(words[k..].join(" "));
        }
    }
    if entry.affiliation.is_none() {
        entry.affiliation = words.iter().find_map(|w| {
            let low = w.to_lowercase();
            let party = l.parties.get(&low).map(|p| p.name);
            party.or_else(|| l.demonyms.get(&low).copied()).map(str::to_string)
        });
    }
}

/// Whether a capitalised word keeps its capital inside a generic name: it does unless the lexicons know it
/// as a common noun of people or a title ("Officials", "Residents", "Spokesman"), capitalised only by its
/// position; nationality and region words ("Arab", "Western"), acronyms ("US") and names keep theirs.
fn proper_word(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let letters = || w.chars().filter(|c| c.is_alphabetic());
    if letters().count() >= 2 && letters().all(char::is_uppercase) {
        return true;
    }
    let l = crate::lexicon::actors::lexicon();
    // a short ASCII word is lower-cased on the stack (the same as `to_lowercase` for ASCII)
    let mut buf = [0u8; 32];
    let owned;
    let low = match buf.get_mut(..w.len()) {
        Some(b) if w.is_ascii() => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or(w)
        }
        _ => {
            owned = w.to_lowercase();
            owned.as_str()
        }
    };
    let common = matches!(l.nouns.get(low), Some(crate::lexicon::actors::NounKind::Person { .. }))
        || l.titles.get(low).is_some();
    !common
}

/// Finds the actors of a document: scans each sentence once for candidate mentions (lexicon names, titled
/// persons, capitalised name chunks, source and group phrases, descriptions), then groups them into actors
/// (aliases to full names, descriptions to the organisation they describe).
#[inline(never)]
pub(crate) fn extract(doc: &Doc) -> ActorIndex {
    let cx = cand::Cx::new(doc);
    let cands = mentions::scan(&cx);
    let singles = lone::single_words(&cands);
    let mut index = resolve::build(&cx, cands);
    // the name model decides the lone capitalised words the rules left alone
    lone::add_lone_names(&cx, &singles, &mut index);
    // a one-word person name is that person wherever else it stands alone
    lone::mention_repeated_names(&cx, &singles, &mut index);
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person<'a>(index: &'a ActorIndex, name: &str) -> &'a ActorEntry {
        index.actors.iter().find(|a| a.name == name).expect(name)
    }

    #[test]
    fn gender_from_honorifics_and_pronouns() {
        let doc = Doc::new(
            "Mrs Jane Carter met Mr Tom Hale. Later, Sam Ortiz arrived; he said the talks were over. \
             Alex Kim left early.",
        );
        let index = extract(&doc);
        assert_eq!(person(&index, "Jane Carter").gender, Gender::Female);
        assert_eq!(person(&index, "Tom Hale").gender, Gender::Male);
        assert_eq!(person(&index, "Sam Ortiz").gender, Gender::Male);
        // negative: no honorific and no pronoun
        assert_eq!(person(&index, "Alex Kim").gender, Gender::Unknown);
    }

    #[test]
    fn mentions_are_sorted_and_disjoint() {
        let doc = Doc::new(include_str!("../../tests/fixtures/seed_article.txt"));
        let index = extract(&doc);
        for w in index.mentions.windows(2) {
            assert!(w[0].tokens.end <= w[1].tokens.start);
        }
        // sources and groups are in the index for the statements stage
        let phrase = |p: &str| index.actors.iter().any(|a| a.name == p);
        assert!(phrase("sources") && phrase("one of the sources") && phrase("residents of southern Lebanon"));
        let forms: Vec<MentionForm> = index.mentions.iter().map(|m| m.form).collect();
        assert!(forms.contains(&MentionForm::Description));
        assert!(forms.contains(&MentionForm::Alias));
        assert!(forms.contains(&MentionForm::Phrase));
    }
}
