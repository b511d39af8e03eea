//! Groups candidate mentions into actors: full names first, then aliases ("Mr Pezeshkian",
//! "Pezeshkian", "Sheikh Mohammed") and lone words, then descriptions ("the Palestinian armed group"),
//! then fills in affiliations and genders from context.

use std::collections::HashMap;

use super::cand::{Cand, CandKind, is_all_caps, text_of};
use super::{ActorEntry, ActorIndex, Gender, Mention, MentionForm};
use crate::model::ActorKind;
use crate::text::Doc;

/// What the resolver knows about an actor beyond [`ActorEntry`].
#[derive(Debug, Clone, Default)]
struct Extra {
    words: Vec<String>,
    home: Option<String>,
    class: &'static str,
}

struct Builder<'a> {
    doc: &'a Doc<'a>,
    index: ActorIndex,
    extra: Vec<Extra>,
    by_key: HashMap<(u8, String), usize>,
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

impl Builder<'_> {
    fn actor_for(&mut self, kind: ActorKind, c: &Cand) -> usize {
        let key = (kind_code(kind), c.name.to_lowercase());
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = self.index.add_actor(ActorEntry {
            name: c.name.clone(),
            kind,
            titles: Vec::new(),
            affiliation: None,
            gender: Gender::Unknown,
        });
        self.extra.push(Extra {
            words: c.words.clone(),
            home: c.home.clone(),
            class: c.class,
        });
        self.by_key.insert(key, id);
        id
    }

    fn enrich(&mut self, id: usize, c: &Cand) {
        let e = &mut self.index.actors[id];
        for t in &c.titles {
            if !e.titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                e.titles.push(t.clone());
            }
        }
        if e.affiliation.is_none() && c.affiliation.as_deref() != Some(e.name.as_str()) {
            e.affiliation = c.affiliation.clone();
        }
        if e.gender == Gender::Unknown {
            e.gender = c.gender;
        }
        let x = &mut self.extra[id];
        if x.home.is_none() {
            x.home = c.home.clone();
        }
    }

    fn mention(&mut self, id: usize, c: &Cand, form: MentionForm) {
        let span = self.doc.span_of(c.tokens.clone());
        self.index.add_mention(Mention {
            tokens: c.tokens.clone(),
            span,
            actor: id,
            form,
        });
    }

    /// The unique person whose name words include all of `words`.
    fn person_with_words(&self, words: &[String]) -> Result<Option<usize>, ()> {
        let mut found = None;
        for (id, a) in self.index.actors.iter().enumerate() {
            if a.kind != ActorKind::Person || self.extra[id].words.len() < 2 {
                continue;
            }
            let w = &self.extra[id].words;
            if words.iter().all(|x| w.contains(x)) {
                if found.is_some_and(|f| f != id) {
                    return Err(());
                }
                found = Some(id);
            }
        }
        Ok(found)
    }
}

/// Builds the actor index from the scanner's candidates (sorted, non-overlapping).
pub(crate) fn build(doc: &Doc, cands: Vec<Cand>) -> ActorIndex {
    let mut b = Builder {
        doc,
        index: ActorIndex::default(),
        extra: Vec::new(),
        by_key: HashMap::new(),
    };
    // 1. names of a known kind; persons with full names merge when one name contains the other
    let mut deferred = Vec::new();
    // persons first, so that a one-word place that is a person's name ("Paris" after "Valeska Paris") can
    // be read as that person
    let (persons, others): (Vec<&Cand>, Vec<&Cand>) =
        cands.iter().partition(|c| c.kind == CandKind::Named(ActorKind::Person));
    for c in persons.into_iter().chain(others) {
        if c.kind == CandKind::Named(ActorKind::Location)
            && c.tokens.len() == 1
            && let Ok(Some(id)) = b.person_with_words(&[doc.low(c.tokens.start).to_string()])
        {
            b.mention(id, c, MentionForm::Alias);
            continue;
        }
        match c.kind {
            CandKind::Named(ActorKind::Person) => {
                let id = match b.person_with_words(&c.words) {
                    Ok(Some(id)) => id,
                    _ => b.actor_for(ActorKind::Person, c),
                };
                // a fuller name becomes the canonical one
                if c.words.len() > b.extra[id].words.len() {
                    b.extra[id].words = c.words.clone();
                    b.index.actors[id].name = c.name.clone();
                }
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
    // 2. aliases and lone words
    let evidence = single_evidence(doc, &cands);
    let mut descriptions = Vec::new();
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
                if let Some(id) = b
                    .index
                    .actors
                    .iter()
                    .position(|a| a.kind != ActorKind::Person && a.name.eq_ignore_ascii_case(&c.name))
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
                    single_kind(doc, &evidence, c)
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
    // 3. descriptions refer back to the last organisation of their class (and country)
    for c in descriptions {
        let start = c.tokens.start;
        let target = b
            .index
            .last_before(start, 40, |_, a| a.kind == ActorKind::Organization)
            .map(|m| m.actor);
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
            if let Some(h) = &c.home
                && x.home.as_ref() != Some(h)
            {
                continue;
            }
            best = Some(m.actor);
            break;
        }
        let _ = target;
        if let Some(id) = best {
            b.mention(id, c, MentionForm::Description);
        }
    }
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
}

/// Gathers, for every lone capitalised word, evidence from all its occurrences.
fn single_evidence(doc: &Doc, cands: &[Cand]) -> HashMap<String, Evidence> {
    let mut ev: HashMap<String, Evidence> = HashMap::new();
    for c in cands {
        if c.kind != CandKind::Single || c.words.len() != 1 || in_title_line(doc, c) {
            continue;
        }
        let e = ev.entry(c.words[0].clone()).or_default();
        e.count += 1;
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
fn pronoun_after(doc: &Doc, from: usize) -> Option<bool> {
    let to = (from + 8).min(doc.tokens.len());
    for k in from..to {
        match doc.low(k) {
            "he" | "she" | "his" | "her" | "him" => return Some(true),
            "it" | "its" => return Some(false),
            _ => {}
        }
    }
    None
}

/// The kind of a lone capitalised word that names no known actor: a person when it speaks or is referred
/// to as he or she, an organisation when written in capitals or repeated; otherwise nothing (a lone
/// capitalised word may be an adjective, a product or a sentence opener).
fn single_kind(doc: &Doc, ev: &HashMap<String, Evidence>, c: &Cand) -> Option<ActorKind> {
    let w = c.words.first()?;
    let e = ev.get(w).copied().unwrap_or_default();
    let caps = is_all_caps(doc, c.tokens.start) && c.name.chars().count() >= 2;
    if e.person > e.thing && !caps {
        return Some(ActorKind::Person);
    }
    if caps {
        return Some(ActorKind::Organization);
    }
    let adjective_like = ["ism", "ist", "ists", "ian", "ians", "ic", "ese", "ish", "s"]
        .iter()
        .any(|suf| w.ends_with(suf));
    if e.count >= 2 && !adjective_like {
        return Some(ActorKind::Organization);
    }
    None
}

fn in_title_line(doc: &Doc, c: &Cand) -> bool {
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
    titles.iter().any(|t| {
        let t = t.to_ascii_lowercase();
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
        .any(|w| t.contains(w))
    })
}

/// Fills the gender of persons from the first personal pronoun after their first mention, when no other
/// person is mentioned in between (at most 40 tokens on).
fn infer_gender(doc: &Doc, index: &mut ActorIndex) {
    let mut first: HashMap<usize, usize> = HashMap::new();
    for m in &index.mentions {
        first.entry(m.actor).or_insert(m.tokens.end);
    }
    let mut updates = Vec::new();
    for (id, a) in index.actors.iter().enumerate() {
        if a.kind != ActorKind::Person || a.gender != Gender::Unknown {
            continue;
        }
        let Some(&from) = first.get(&id) else {
            continue;
        };
        let to = (from + 40).min(doc.tokens.len());
        for k in from..to {
            if let Some(m) = index.mention_at(k)
                && m.actor != id
                && index.actors[m.actor].kind == ActorKind::Person
            {
                break;
            }
            match doc.low(k) {
                "he" | "his" | "him" | "himself" => {
                    updates.push((id, Gender::Male));
                    break;
                }
                "she" | "her" | "hers" | "herself" => {
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

#[allow(dead_code)]
fn debug_text(doc: &Doc, c: &Cand) -> String {
    text_of(doc, c.tokens.clone())
}
