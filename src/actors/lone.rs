//! Lone unknown names, decided by the name model (`crate::tagger::names`) after the rules: a single
//! capitalised word that no rule placed ("…floated by Okonkwo in 2019, and officials in Tromsø rejected
//! it.") becomes a person, organisation or place mention when the model says so with enough margin;
//! the model's OTH class (nationalities, works, events) and O reject it. The votes of all the word's
//! occurrences in the article are summed, so a repeated word gets one type.
//!
//! The rules keep the final say where they are precise: a word they made a mention of, a lexicon entry
//! (names, titles, honorifics, nouns, head words, demonyms, days and months), a word of the headline,
//! a word that the article also writes in lower case, and a word whose form fixes its part of speech
//! (sentence-initial "The", "In") are never asked about.

use super::cand::{Cand, CandKind, Cx, head_at, in_title, is_cap};
use super::{ActorEntry, ActorIndex, FxHashMap, Gender, Mention, MentionForm};
use crate::lexicon::actors::word;
use crate::model::ActorKind;
use crate::tagger::names::{NameType, lone_name};
use crate::text::flags;

/// The margin (in units of the model's averaged weights) by which a name type must beat the best other
/// choice, summed over the word's occurrences.
const MIN_MARGIN: f32 = 2.0;

/// Lexicon bits that leave a word to the rules.
const KNOWN: u16 = word::NAME
    | word::DEMONYM
    | word::TITLE
    | word::HONORIFIC
    | word::NOUN
    | word::HEAD
    | word::NOT_NAME
    | word::ORG_WORD
    | word::DETERMINER
    | word::TITLE_MOD
    | word::PARTY;

/// What the hook may do with a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lone {
    /// Nothing: not a lone unknown word.
    No,
    /// A lone word in no mention: the model may make it a name.
    New,
    /// A lone word the rules made an organisation only because it recurs (actor number): the model may
    /// make it a person ("A repeated lone surname is a person, not an organisation").
    Recurring(usize),
}

/// What token `i` is to the hook, given `m`, the mention covering it if any. A lone capitalised word is
/// capitalised (not all capitals, no digit, no hyphen), between two words that are not capitalised
/// and not after "of" and a capitalised word ("Plains of Arafat": part of a longer name), outside a
/// title-case headline, in no lexicon (nor the plural of a demonym: "Afghans"), never written in
/// lower case in the article, and not a word whose form fixes its part of speech. Example: "Okonkwo"
/// in "…floated by Okonkwo in 2019"; not "Government" (a head word) nor "Monday" (not a name) nor
/// "The" at a sentence start. The cheap tests come first: most tokens fail on their flags.
fn lone_at(doc: &Cx, index: &ActorIndex, m: Option<&Mention>, i: usize) -> Lone {
    let t = &doc.tokens[i];
    if !t.is_word() || !t.has(flags::CAPITALISED) || t.has(flags::HAS_DIGIT | flags::ALL_CAPS) {
        return Lone::No;
    }
    if (i > 0 && is_cap(doc, i - 1)) || is_cap(doc, i + 1) {
        return Lone::No;
    }
    if doc.has(i, KNOWN) || doc.lower_seen(i) || in_title(doc, i) {
        return Lone::No;
    }
    let what = match m {
        None => Lone::New,
        Some(m)
            if m.tokens.len() == 1
                && m.form == MentionForm::Name
                && index.actors[m.actor].kind == ActorKind::Organization
                && index.actors[m.actor].name == doc.tok(i) =>
        {
            Lone::Recurring(m.actor)
        }
        Some(_) => return Lone::No,
    };
    let w = doc.tok(i);
    if w.len() < 2 || w.contains('-') || (i >= 2 && doc.is(i - 1, "of") && is_cap(doc, i - 2)) {
        return Lone::No;
    }
    if let Some(stem) = doc.low(i).strip_suffix('s')
        && crate::lexicon::actors::lexicon().word_flags(stem).0 & word::DEMONYM != 0
    {
        return Lone::No;
    }
    if doc
        .context_free_upos(i)
        .is_some_and(|u| u != crate::tagger::Upos::Propn)
    {
        return Lone::No;
    }
    what
}

/// The tokens of the scanner's lone capitalised words (its one-word candidates left to resolve): the
/// only tokens the hook asks about.
#[inline(never)]
pub(crate) fn single_words(cands: &[Cand]) -> Vec<usize> {
    cands
        .iter()
        .filter(|c| c.kind == CandKind::Single && c.tokens.len() == 1)
        .map(|c| c.tokens.start)
        .collect()
}

/// The hook: of the scanner's lone capitalised words `singles`, adds those the model finds to be names
/// to `index` (after the rules' mentions), and makes
/// persons of the recurring lone words that the rules made organisations when the model reads them as
/// persons. The scores of a word's occurrences are summed by form; it is a name of the best type when
/// that type is not OTH and beats O by [`MIN_MARGIN`]. A word that opens a clause says little (any
/// word is capitalised there): it is asked about only when the same word is also a candidate inside a
/// sentence.
#[inline(never)]
pub(crate) fn add_lone_names(doc: &Cx, singles: &[usize], index: &mut ActorIndex) {
    if crate::tagger::names::name_model().is_none() {
        return;
    }
    // by word form: the summed scores of O and the four types, and 1 when an occurrence follows a place word and "of"
    let mut votes: FxHashMap<usize, [f32; 6]> = FxHashMap::default();
    let mut cands: Vec<(usize, Lone)> = Vec::new();
    let mut openers: Vec<(usize, Lone)> = Vec::new();
    let mut consider = |i: usize, m: Option<&Mention>, votes: &mut FxHashMap<usize, [f32; 6]>| {
        let what = lone_at(doc, index, m, i);
        if what == Lone::No {
            return;
        }
        if super::cand::starts_clause(doc, i) {
            openers.push((i, what));
        } else {
            vote(doc, votes, i);
            cands.push((i, what));
        }
    };
    // the singles come in text order: a cursor over the sorted mentions finds each one's mention
    let (mut next, mut last) = (0, 0);
    for &i in singles {
        if i < last {
            next = 0;
        }
        last = i;
        while index.mentions.get(next).is_some_and(|m| m.tokens.end <= i) {
            next += 1;
        }
        let m = index.mentions.get(next).filter(|m| m.tokens.start <= i);
        // a one-word mention is asked about only when it is an organisation named by the word alone
        if m.is_some_and(|m| {
            m.tokens.len() != 1 || m.form != MentionForm::Name || index.actors[m.actor].kind != ActorKind::Organization
        }) {
            continue;
        }
        consider(i, m, &mut votes);
    }
    // a word that opens two clauses or more and never stands inside one counts too ("Okonkwo, 45, said …
    // Okonkwo left the room."), unless a plural ("Forecasters say …")
    let mut opened: FxHashMap<usize, u32> = FxHashMap::default();
    for &(i, _) in &openers {
        if !doc.low_bytes(i).ends_with(b"s") {
            *opened.entry(doc.form(i)).or_insert(0) += 1;
        }
    }
    for (i, what) in openers {
        let f = doc.form(i);
        if votes.contains_key(&f) || opened.get(&f).is_some_and(|&n| n >= 2) {
            vote(doc, &mut votes, i);
            cands.push((i, what));
        }
    }
    // one actor per form
    let mut actor_of: FxHashMap<usize, usize> = FxHashMap::default();
    let mut added: Vec<Mention> = Vec::new();
    for (i, what) in cands {
        let f = doc.form(i);
        let Some(&v) = votes.get(&f) else {
            continue;
        };
        let (mut best, &score) = v[1..5]
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .unwrap_or((0, &0.0));
        if score - v[0] < MIN_MARGIN {
            // below the margin, an actor's slot ("floated by Okonkwo") and the tagger's PROPN still make
            // a name: a person or an organisation, whichever the model prefers
            match slot(doc, i) {
                Some(Slot::Actor) => best = usize::from(v[2] > v[1]),
                // a place's slot ("officials in Tromsø rejected it") when the model's best type is a place
                Some(Slot::Place) if best == 2 => {}
                _ => continue,
            }
            if doc.upos(i) != crate::tagger::Upos::Propn {
                continue;
            }
        }
        let kind = match NameType::ALL[best] {
            NameType::Oth => continue,
            _ if v[5] > 0.0 => ActorKind::Location,
            NameType::Per => ActorKind::Person,
            NameType::Org => ActorKind::Organization,
            NameType::Loc => ActorKind::Location,
        };
        if kind != ActorKind::Person && super::cand::adjective_like(doc.low_bytes(i)) {
            continue;
        }
        match what {
            Lone::Recurring(id) => {
                // a plural ("Kurds", "Marines") names a group and an abbreviation ("D.C.") no person
                let w = doc.tok(i);
                if kind == ActorKind::Person && !w.ends_with('s') && !w.contains('.') {
                    index.actors[id].kind = kind;
                }
            }
            Lone::New => {
                let id = *actor_of.entry(f).or_insert_with(|| {
                    index.add_actor(ActorEntry {
                        name: doc.tok(i).to_string(),
                        kind,
                        titles: Vec::new(),
                        affiliation: None,
                        gender: Gender::Unknown,
                    })
                });
                added.push(Mention {
                    tokens: i..i + 1,
                    span: doc.span_of(i..i + 1),
                    actor: id,
                    form: MentionForm::Name,
                });
            }
            Lone::No => {}
        }
    }
    index.merge_mentions(added);
}

/// A lone capitalised word that is a person's whole name elsewhere in the article (a one-word mention of
/// the rules or the model: "Okonkwo said on Monday") is that person wherever else it stands alone: "The
/// plan was first floated by Okonkwo in 2019" gets its mention even where the model alone would not
/// decide. `singles` are the scanner's lone capitalised words; only those the hook would ask about
/// ([`lone_at`]: not in the headline, no capitalised neighbour, in no lexicon) and that no mention covers
/// count. One pass over them, one binary search each.
#[inline(never)]
pub(crate) fn mention_repeated_names(doc: &Cx, singles: &[usize], index: &mut ActorIndex) {
    let mut persons: FxHashMap<usize, usize> = FxHashMap::default();
    for m in &index.mentions {
        if m.tokens.len() == 1 && m.form == MentionForm::Name {
            let a = &index.actors[m.actor];
            if a.kind == ActorKind::Person && a.name == doc.tok(m.tokens.start) {
                persons.entry(doc.form(m.tokens.start)).or_insert(m.actor);
            }
        }
    }
    if persons.is_empty() {
        return;
    }
    let mut added: Vec<Mention> = Vec::new();
    for &i in singles {
        let Some(&actor) = persons.get(&doc.form(i)) else {
            continue;
        };
        let ms = &index.mentions;
        let first = ms.partition_point(|m| m.tokens.end <= i);
        let covered = ms.get(first).is_some_and(|m| m.tokens.start <= i);
        // the hook's own tests of a lone unknown word (no capitalised neighbour, in no lexicon, …)
        if covered || added.last().is_some_and(|m| m.tokens.start == i) || lone_at(doc, index, None, i) != Lone::New {
            continue;
        }
        added.push(Mention {
            tokens: i..i + 1,
            span: doc.span_of(i..i + 1),
            actor,
            form: MentionForm::Name,
        });
    }
    index.merge_mentions(added);
}

/// Whether token `i` follows a lower-case place word and "of" ("the town of Mahabad", "the island of
/// Catanduanes"): the rules' cue that a name there is a place, whatever the model's type.
fn after_place_of(doc: &Cx, i: usize) -> bool {
    i >= 2
        && doc.is(i - 1, "of")
        && !is_cap(doc, i - 2)
        && head_at(doc, i - 2).is_some_and(|h| h.kind == Some(ActorKind::Location))
}

/// Where a lone word stands, when its neighbours say what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Where only an actor (a person or an organisation) can stand.
    Actor,
    /// After a preposition of place.
    Place,
    /// After "by": an actor's slot when a verb comes before "by" (only while [`slot`] decides).
    Agent,
}

/// What slot token `i` fills: an actor's as the agent of a passive verb ("…floated by Okonkwo in
/// 2019": "by" after a verb), the source of "according to", or before a speech verb ("Okonkwo told
/// reporters"); a place's after "in", "near" or "outside" ("officials in Tromsø rejected it"). None
/// for "by Monday" after a noun ("the deadline by Friday": no verb before "by"), a word that modifies
/// the noun after it ("condemned by Sikh leaders", "in Tromsø harbour"), a plural of people ("challenged
/// by Islamists": a group, the rules' business).
fn slot(doc: &Cx, i: usize) -> Option<Slot> {
    use crate::tagger::Upos;
    // the words around first, the tagger (which tags the sentence up to the token it is asked about) last
    let slot = if i >= 2 && doc.is(i - 1, "by") {
        Slot::Agent
    } else if i >= 2 && doc.is(i - 1, "to") && doc.is(i - 2, "according") {
        Slot::Actor
    } else if i >= 1 && matches!(doc.low_bytes(i - 1), b"in" | b"near" | b"outside") {
        Slot::Place
    } else if super::cand::speech_after(doc, i + 1) {
        Slot::Actor
    } else {
        return None;
    };
    let w = doc.low_bytes(i);
    if [&b"ists"[..], b"ers", b"ans", b"ites"].iter().any(|s| w.ends_with(s)) {
        return None;
    }
    if slot == Slot::Agent && doc.upos(i - 2) != Upos::Verb {
        return None;
    }
    if matches!(doc.upos(i + 1), Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num) {
        return None;
    }
    Some(if slot == Slot::Agent { Slot::Actor } else { slot })
}

/// Adds the model's scores of token `i` to the votes of its form.
fn vote(doc: &Cx, votes: &mut FxHashMap<usize, [f32; 6]>, i: usize) {
    let Some((o, types)) = lone_name(doc, i) else {
        return;
    };
    let v = votes.entry(doc.form(i)).or_insert([0.0; 6]);
    v[0] += o;
    for (v, t) in v[1..5].iter_mut().zip(types) {
        *v += t;
    }
    if after_place_of(doc, i) {
        v[5] = 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{cand::Cx, mentions, resolve};
    use crate::model::ActorKind;
    use crate::text::Doc;

    /// One-word mentions: (text, kind).
    type Singles = Vec<(String, ActorKind)>;

    /// The one-word mentions of `text` before the hook and after it.
    fn before_after(text: &str) -> (Singles, Singles) {
        let doc = Doc::new(text);
        let cx = Cx::new(&doc);
        let cands = mentions::scan(&cx);
        let singles = super::single_words(&cands);
        let mut index = resolve::build(&cx, cands);
        let list = |index: &super::ActorIndex| -> Singles {
            index
                .mentions
                .iter()
                .filter(|m| m.tokens.len() == 1)
                .map(|m| (doc.tok(m.tokens.start).to_string(), index.actors[m.actor].kind))
                .collect()
        };
        let before = list(&index);
        super::add_lone_names(&cx, &singles, &mut index);
        (before, list(&index))
    }

    fn kind_of(list: &[(String, ActorKind)], w: &str) -> Option<ActorKind> {
        list.iter().find(|(t, _)| t == w).map(|x| x.1)
    }

    #[test]
    fn a_one_word_person_name_is_that_person_wherever_it_stands_alone() {
        let text = "The plan was first floated by Okonkwo in 2019. Okonkwo said on Monday that the council had \
                    erred. Okonkwo Holdings declined to comment.";
        let doc = Doc::new(text);
        let index = crate::actors::extract(&doc);
        let okonkwo: Vec<&str> = index
            .mentions
            .iter()
            .filter(|m| index.actors[m.actor].name == "Okonkwo")
            .map(|m| &text[m.span.range()])
            .collect();
        // both lone occurrences, not the one inside "Okonkwo Holdings"
        assert_eq!(okonkwo, ["Okonkwo", "Okonkwo"], "{:?}", index.mentions);
        let starts: Vec<usize> = index
            .mentions
            .iter()
            .filter(|m| index.actors[m.actor].name == "Okonkwo")
            .map(|m| m.span.start)
            .collect();
        assert_eq!(
            starts,
            [text.find("Okonkwo in").unwrap(), text.find("Okonkwo said").unwrap()]
        );
    }

    #[test]
    fn lone_unknown_names_are_found_and_typed() {
        let (before, after) =
            before_after("The plan was floated by Nakamura in 2019, and officials in Tromsø rejected it.");
        assert_eq!(kind_of(&before, "Nakamura"), None);
        assert_eq!(kind_of(&before, "Tromsø"), None);
        assert_eq!(kind_of(&after, "Nakamura"), Some(ActorKind::Person), "{after:?}");
        assert_eq!(kind_of(&after, "Tromsø"), Some(ActorKind::Location), "{after:?}");
        let (_, after) = before_after(
            "The bill was backed by Bergström and opposed by the mayor of Gdańsk. The deal was signed with Ubisoft last year.",
        );
        assert_eq!(kind_of(&after, "Bergström"), Some(ActorKind::Person), "{after:?}");
        assert_eq!(kind_of(&after, "Ubisoft"), Some(ActorKind::Organization), "{after:?}");
    }

    #[test]
    fn a_lone_name_in_an_actors_slot_is_found_below_the_margin() {
        // the issue's own sentence: the model alone reads "Okonkwo" as O, the passive agent's slot decides
        let (before, after) =
            before_after("The plan was first floated by Okonkwo in 2019, and officials in Tromsø rejected it.");
        assert_eq!(kind_of(&before, "Okonkwo"), None);
        assert_eq!(kind_of(&after, "Okonkwo"), Some(ActorKind::Person), "{after:?}");
        assert_eq!(kind_of(&after, "Tromsø"), Some(ActorKind::Location), "{after:?}");
        // a word that modifies the noun after it, or a plural of people, is no actor's name
        let (before, after) =
            before_after("The film was condemned by Sikh leaders in Delhi. The town was held by Islamists for a year.");
        assert_eq!(before, after, "the hook added {after:?}");
        // a place's slot: after "in", when the model's best type is a place
        let (before, after) = before_after("Officials in Tromsø rejected it.");
        assert_eq!(kind_of(&before, "Tromsø"), None);
        assert_eq!(kind_of(&after, "Tromsø"), Some(ActorKind::Location), "{after:?}");
        assert_eq!(
            super::slot(&Cx::new(&Doc::new("Officials in Tromsø harbour rejected it.")), 2),
            None
        );
        assert_eq!(
            super::slot(&Cx::new(&Doc::new("Officials in Tromsø rejected it.")), 2),
            Some(super::Slot::Place)
        );
        // no verb before "by": no slot
        assert_eq!(
            super::slot(&Cx::new(&Doc::new("The deadline by Okonkwo in May passed.")), 3),
            None
        );
    }

    #[test]
    fn a_repeated_lone_surname_is_a_person() {
        let (before, after) = before_after(
            "The plan, which Nakamura backed, was dropped. Officials said Nakamura would return in June, \
             and Nakamura later agreed.",
        );
        // the rules alone make a recurring unknown word an organisation
        assert_eq!(
            kind_of(&before, "Nakamura"),
            Some(ActorKind::Organization),
            "{before:?}"
        );
        let persons = after
            .iter()
            .filter(|(t, k)| t == "Nakamura" && *k == ActorKind::Person)
            .count();
        assert_eq!(persons, 3, "{after:?}");
    }

    #[test]
    fn a_name_after_a_place_word_and_of_is_a_place() {
        let text = "The bombing in the town of Mahabad came during a military parade.";
        let (before, after) = before_after(text);
        assert_eq!(kind_of(&before, "Mahabad"), None);
        assert_eq!(kind_of(&after, "Mahabad"), Some(ActorKind::Location), "{after:?}");
        // without the place word the model alone types it
        let (_, after) = before_after("The bombing in Mahabad came during a military parade.");
        assert_ne!(kind_of(&after, "Mahabad"), Some(ActorKind::Organization), "{after:?}");
    }

    #[test]
    fn a_follower_or_nationality_word_is_no_organisation() {
        // the model reads "Scientologist" as an organisation; its spelling says it names a follower
        let text = "Ann Lee, an Australian woman and former Scientologist, has claimed that the group held her.";
        let (_, after) = before_after(text);
        assert_eq!(kind_of(&after, "Scientologist"), None, "{after:?}");
        assert!(super::super::cand::adjective_like(b"scientologist"));
        // a person may be named so
        assert!(super::super::cand::adjective_like(b"julian"));
        let (_, after) = before_after("The plan was floated by Julian in 2019, and officials rejected it.");
        assert_ne!(kind_of(&after, "Julian"), Some(ActorKind::Organization), "{after:?}");
    }

    #[test]
    fn a_name_that_only_opens_clauses_counts_when_it_opens_two() {
        let (before, after) = before_after("Lopez met the minister on Monday. Lopez left the room after an hour.");
        assert_eq!(kind_of(&before, "Lopez"), None);
        let n = after
            .iter()
            .filter(|(t, k)| t == "Lopez" && *k == ActorKind::Person)
            .count();
        assert_eq!(n, 2, "{after:?}");
        // once is not enough, and a plural never counts
        let (before, after) = before_after("Lopez met the minister on Monday. He left the room after an hour.");
        assert_eq!(before, after, "{after:?}");
        let (before, after) = before_after("Forecasters say it will rain. Forecasters were wrong.");
        assert_eq!(before, after, "{after:?}");
    }

    #[test]
    fn a_recurring_plural_stays_with_the_rules() {
        let text = "Officials said Kurds in the north had voted. Leaders met Kurds on Monday, and Kurds \
                    later marched.";
        let (before, after) = before_after(text);
        let kinds = |l: &[(String, ActorKind)]| -> Vec<ActorKind> {
            l.iter().filter(|(t, _)| t == "Kurds").map(|x| x.1).collect()
        };
        assert_eq!(kinds(&before), kinds(&after));
        assert!(!kinds(&after).contains(&ActorKind::Person), "{after:?}");
    }

    #[test]
    fn common_words_days_demonyms_and_headlines_are_left_alone() {
        let text = "Budget Talks Stall as Ministers Meet\n\nThe Government said on Monday that Norwegian \
                    fishermen and Afghans in the Plains of Arafat would be paid. Officials agreed.";
        let (before, after) = before_after(text);
        assert_eq!(before, after, "the hook added {after:?}");
        let doc = Doc::new(text);
        let cx = Cx::new(&doc);
        let index = resolve::build(&cx, mentions::scan(&cx));
        for (i, w) in (0..doc.tokens.len()).map(|i| (i, doc.tok(i))) {
            if [
                "Budget",
                "Talks",
                "Government",
                "Monday",
                "Norwegian",
                "Afghans",
                "Arafat",
                "The",
            ]
            .contains(&w)
            {
                assert_eq!(
                    super::lone_at(&cx, &index, index.mention_at(i), i),
                    super::Lone::No,
                    "{w}"
                );
            }
        }
    }
}
