//! Speakers: resolves the drafts' speaker phrases to actors, in text order, and builds the statements.
//!
//! A phrase resolves to the actor mentioned at its head ("Iranian state news agency Irna" → Irna), a
//! pronoun to the nearest compatible actor (the last speaker first), and a phrase with no actor (an
//! anonymous source, a group, a name the actor layer missed) to a new actor of kind source, group,
//! organisation or person that this stage adds to the index.

use std::collections::HashMap;
use std::ops::Range;

use super::attribution::is_pronoun;
use super::{CueSpan, Draft, MixedContent, Options, Who};
use crate::actors::{ActorEntry, ActorIndex, Gender, Mention, MentionForm};
use crate::lexicon::FxBuild;
use crate::lexicon::actors::word;
use crate::lexicon::cues::{SpeakerRole, given_name_is_male, speaker_role};
use crate::model::{ActorKind, Span, Statement, StatementKind};
use crate::text::{Doc, TokenKind, flags};

/// Words that end the head of a speaker phrase ("residents of southern Lebanon", "a spokesman for X").
fn is_head_end(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "from"
            | "in"
            | "at"
            | "with"
            | "on"
            | "near"
            | "to"
            | "by"
            | "familiar"
            | "close"
            | "who"
            | "which"
            | "involved"
            | "briefed"
            | "speaking"
            | "based"
    )
}

/// Words that, followed by "of", pick members of the phrase after it ("one of the sources").
fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "some"
            | "many"
            | "several"
            | "most"
            | "two"
            | "three"
            | "four"
            | "none"
            | "all"
            | "each"
            | "both"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "few"
            | "a"
            | "members"
    )
}

/// The subject form of a possessive pronoun ("her" in "in her words" → "she"); other words unchanged.
fn nominative(w: &str) -> &str {
    match w {
        "his" => "he",
        "her" => "she",
        "their" => "they",
        "its" => "it",
        "our" => "we",
        "my" => "i",
        _ => w,
    }
}

struct Resolver<'a, 'b, 't> {
    doc: &'a Doc<'t>,
    actors: &'b mut ActorIndex,
    fallback: HashMap<String, usize, FxBuild>,
    genders: HashMap<usize, Gender, FxBuild>,
    /// Speakers of the statements resolved so far: (actor, paragraph, kind).
    history: Vec<(usize, usize, StatementKind)>,
    /// Mentions this stage adds, merged into the index once at the end (inserting one by one into the
    /// sorted list would be quadratic).
    pending: Vec<Mention>,
    /// The tokens of the queued mentions, one bit per token (allocated with the first one).
    pending_tokens: Vec<u64>,
}

/// Resolves every draft's speaker and builds the statements, in text order. With
/// [`Options::merge_continuations`], a floating quotation that continues the statement before it becomes
/// another content span of that statement.
pub(crate) fn resolve(doc: &Doc, actors: &mut ActorIndex, drafts: Vec<Draft>, opts: &Options) -> Vec<Statement> {
    let mut r = Resolver {
        doc,
        actors,
        fallback: HashMap::default(),
        genders: HashMap::default(),
        history: Vec::with_capacity(drafts.len()),
        pending: Vec::new(),
        pending_tokens: Vec::new(),
    };
    let mut out: Vec<Statement> = Vec::with_capacity(drafts.len());
    let mut last: Option<(Option<usize>, usize, StatementKind)> = None;
    // The token after the previous statement's content.
    let mut last_end = 0;
    // For each statement of `out`: its sentence, and whether it is reported speech with a participle cue
    // (", adding that …").
    let mut out_info: Vec<(usize, bool)> = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let content: Vec<Span> = d
            .content
            .iter()
            .filter_map(|c| {
                let trim = d.kind == StatementKind::Indirect
                    || (d.kind == StatementKind::Mixed && opts.mixed == MixedContent::Clause);
                r.content_span(c.clone(), trim)
            })
            .collect();
        if content.is_empty() {
            continue;
        }
        let para = doc.tokens[d.anchor].paragraph as usize;
        let (speaker, mention) = match &d.who {
            Who::Phrase(np) => {
                let (m, a) = r.phrase(np.clone());
                (a, Some(m))
            }
            Who::Relative(rel, np) => {
                let (_, a) = r.phrase(np.clone());
                (a, Some(doc.span_of(*rel..*rel + 1)))
            }
            Who::Unknown => (None, None),
            Who::Floating => {
                let prev_ok =
                    last.is_some_and(|(_, p, k)| p == para || (p + 1 == para && k != StatementKind::Indirect));
                // A quotation up to two paragraphs after an indirect statement, with no other person named in
                // between, is the same speaker's ("The mayor said … ¶ “Every family …”").
                let floats_back = !prev_ok
                    && last.is_some_and(|(a, p, _)| a.is_some() && para > p && para - p <= 2)
                    && !r.other_person_between(last_end, d.anchor, last.and_then(|l| l.0));
                if floats_back {
                    (last.and_then(|l| l.0), None)
                } else if prev_ok
                    && opts.merge_continuations
                    && let Some(prev) = continued(&mut out, &out_info)
                {
                    // `"A," X said. "B."`: one statement with content A | B.
                    prev.quoted.extend(content.iter().copied());
                    prev.content.extend(content);
                    if prev.kind == StatementKind::Indirect {
                        prev.kind = StatementKind::Mixed;
                    }
                    continue;
                } else if prev_ok {
                    (last.and_then(|l| l.0), None)
                } else if let Some(next) = drafts.get(i + 1).filter(|n| {
                    doc.tokens[d.anchor].has(flags::PARA_START)
                        && (doc.tokens[n.anchor].paragraph as usize) == para
                        && n.sentence <= (doc.tokens[d.anchor].sentence as usize) + 3
                }) && let Who::Phrase(np) = &next.who
                {
                    let (m, a) = r.phrase(np.clone());
                    (a, Some(m))
                } else {
                    continue;
                }
            }
        };
        let via = d.via.clone().and_then(|v| r.phrase(v).1);
        let quoted = match d.kind {
            StatementKind::Direct => content.clone(),
            StatementKind::Mixed => d
                .quoted
                .iter()
                .filter_map(|q| r.content_span(q.clone(), false))
                .collect(),
            _ => Vec::new(),
        };
        if let Some(a) = speaker {
            r.history.push((a, para, d.kind));
        }
        last = Some((speaker, para, d.kind));
        last_end = d.content.iter().map(|c| c.end).max().unwrap_or(d.anchor);
        let participle =
            d.kind != StatementKind::Direct && d.cue.as_ref().is_some_and(|c| doc.low(c.start).ends_with("ing"));
        out_info.push((d.sentence, participle));
        out.push(Statement {
            kind: d.kind,
            speaker,
            speaker_mention: mention,
            cue: d.cue.clone().map(|c| match opts.cue_span {
                CueSpan::VerbGroup => doc.span_of(verb_group(doc, c)),
                _ => doc.span_of(c),
            }),
            content,
            via: via.filter(|v| Some(*v) != speaker),
            quoted,
        });
    }
    r.merge_pending();
    out
}

/// The statement a continuation quotation joins: the last one, or the direct quotation before it when the
/// last is reported speech with a participle cue in the same sentence (`"A," she said, adding that X.
/// "B."`: B continues A).
fn continued<'s>(out: &'s mut [Statement], info: &[(usize, bool)]) -> Option<&'s mut Statement> {
    let n = out.len();
    let skip = n >= 2 && info[n - 1].1 && info[n - 2].0 == info[n - 1].0 && out[n - 2].kind == StatementKind::Direct;
    out.get_mut(if skip { n - 2 } else { n.checked_sub(1)? })
}

/// Auxiliaries and adverbs that join a cue's verb group ("has said", "also told", "had repeatedly
/// warned").
fn is_aux_before_cue(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "will"
            | "would"
            | "later"
            | "repeatedly"
            | "previously"
            | "already"
            | "now"
            | "again"
            | "never"
            | "since"
    )
}

/// Medium phrases that follow a cue inside its verb group ("said in a statement", "wrote on Twitter").
const MEDIUM_AFTER_CUE: &[&[&str]] = &[
    &["in", "a", "statement"],
    &["in", "the", "statement"],
    &["on", "twitter"],
    &["on", "facebook"],
];

/// The verb group of a cue (for [`CueSpan::VerbGroup`]): up to three auxiliaries and adverbs before it
/// ("The senator has also said …" → "has also said"), a medium phrase after it ("said in a statement"),
/// and a colon that opens the quotation ("said: “…”" → "said:").
fn verb_group(doc: &Doc, cue: Range<usize>) -> Range<usize> {
    let sentence = doc.tokens[cue.start].sentence as usize;
    let mut start = cue.start;
    while start > 0
        && cue.start - start < 3
        && (doc.tokens[start - 1].sentence as usize) == sentence
        && doc.tokens[start - 1].kind == TokenKind::Word
        && is_aux_before_cue(doc.low(start - 1))
    {
        start -= 1;
    }
    let n = doc.tokens.len();
    let mut end = cue.end;
    if let Some(m) = MEDIUM_AFTER_CUE
        .iter()
        .find(|m| end + m.len() <= n && m.iter().enumerate().all(|(k, w)| doc.low(end + k) == *w))
    {
        end += m.len();
    }
    if end < n && doc.tokens[end].kind == TokenKind::Punct && doc.tok(end) == ":" {
        end += 1;
    }
    start..end
}

/// Whether a person's `title` ends in the description `desc` (lower case) as whole words: "Foreign
/// Minister" fits "minister" and "foreign minister", not "administer".
fn title_ends_in(title: &str, desc: &str) -> bool {
    let t = title.to_lowercase();
    t == desc || t.strip_suffix(desc).is_some_and(|rest| rest.ends_with(' '))
}

impl Resolver<'_, '_, '_> {
    /// Queues a mention unless it overlaps one of the index or one already queued.
    fn add_mention(&mut self, m: Mention) -> bool {
        let bit = |t: usize| (t >> 6, 1u64 << (t & 63));
        let pending = |t: usize| {
            let (w, b) = bit(t);
            self.pending_tokens.get(w).is_some_and(|&x| x & b != 0)
        };
        let clash = m.tokens.clone().any(pending) || self.index_covers_any(m.tokens.clone());
        if clash || m.tokens.is_empty() {
            return false;
        }
        if self.pending_tokens.is_empty() {
            self.pending_tokens = vec![0; self.doc.tokens.len().div_ceil(64)];
        }
        for t in m.tokens.clone() {
            let (w, b) = bit(t);
            if let Some(x) = self.pending_tokens.get_mut(w) {
                *x |= b;
            }
        }
        self.pending.push(m);
        true
    }

    /// Whether a mention of the index covers some token of `range`: one binary search, the index's mentions
    /// being sorted and never overlapping.
    fn index_covers_any(&self, range: Range<usize>) -> bool {
        let mentions = &self.actors.mentions;
        let first = mentions.partition_point(|x| x.tokens.end <= range.start);
        mentions[first..]
            .iter()
            .take_while(|x| x.tokens.start < range.end)
            .any(|x| !x.tokens.is_empty())
    }

    /// Whether a person other than `speaker` is named (not a pronoun) between tokens `from` and `to`: then a
    /// floating quotation may be theirs and does not reach back past them.
    fn other_person_between(&self, from: usize, to: usize, speaker: Option<usize>) -> bool {
        let ms = &self.actors.mentions;
        let first = ms.partition_point(|m| m.tokens.start < from);
        ms[first..].iter().take_while(|m| m.tokens.start < to).any(|m| {
            Some(m.actor) != speaker
                && m.form != MentionForm::Pronoun
                && matches!(
                    self.actors.actors[m.actor].kind,
                    ActorKind::Person | ActorKind::Organization
                )
        })
    }

    /// Adds the queued mentions to the index's sorted list ([`ActorIndex::merge_mentions`]).
    fn merge_pending(&mut self) {
        let new = std::mem::take(&mut self.pending);
        self.actors.merge_mentions(new);
    }

    /// The span of a content range; reported speech loses its surrounding punctuation, quoted words are
    /// kept as written.
    fn content_span(&self, r: Range<usize>, trim: bool) -> Option<Span> {
        let doc = self.doc;
        let (mut a, mut b) = (r.start, r.end.min(doc.tokens.len()));
        let edge = |i: usize| {
            doc.tokens[i].is_quote()
                || (doc.tokens[i].kind == TokenKind::Punct
                    && matches!(doc.tok(i), "," | "." | ";" | ":" | "!" | "?" | "…" | "—" | "–" | "-"))
        };
        while trim && a < b && edge(a) {
            a += 1;
        }
        while trim && b > a && edge(b - 1) {
            b -= 1;
        }
        (b > a).then(|| doc.span_of(a..b))
    }

    /// Resolves a speaker phrase: its span as written and its actor.
    fn phrase(&mut self, np: Range<usize>) -> (Span, Option<usize>) {
        let doc = self.doc;
        let (mut a, mut b) = (np.start, np.end);
        while a < b && (doc.tokens[a].kind != TokenKind::Word || matches!(doc.low(a), "and" | "but")) {
            a += 1;
        }
        while b > a && doc.tokens[b - 1].kind != TokenKind::Word {
            b -= 1;
        }
        if a == b {
            return (doc.span_of(np), None);
        }
        let span = doc.span_of(a..b);
        if b == a + 1 && is_pronoun(nominative(doc.low(a))) {
            return (span, self.pronoun(a));
        }
        let mut head = self.head(a..b);
        // "John Smith's aunt said": the speaker is the aunt, not John Smith.
        if let Some(p) = (head.start..head.end.saturating_sub(1))
            .rev()
            .find(|&k| matches!(doc.low(k), "'s" | "’s"))
        {
            head = p + 1..head.end;
        }
        if let Some(actor) = self.actor_at_head(head.clone()) {
            return (span, Some(actor));
        }
        if let Some(actor) = self.titled_antecedent(a..b) {
            return (span, Some(actor));
        }
        if let Some(actor) = self.headline_description(a..b) {
            return (span, Some(actor));
        }
        (span, self.fallback_actor(a..b, head))
    }

    /// A role noun as a headline's speaker ("Minister says tax cut will pass", "Spokesman Says Suspect Fled"):
    /// a headline's capitals name nobody, so the phrase is a description, as "the minister" would be in
    /// the body. It is the article's person one of whose titles ends in it (the body names "Foreign
    /// Minister Ana Silva" later), else the actor already named so ("the minister"), else a new one named
    /// in lower case ("the minister", "spokesman"). `None` when a word of the phrase is outside the
    /// headline or its last word is neither a speaker role nor a title ("Vale says …" stays a name).
    fn headline_description(&mut self, np: Range<usize>) -> Option<usize> {
        let doc = self.doc;
        let start = if doc.low(np.start) == "the" {
            np.start + 1
        } else {
            np.start
        };
        if start >= np.end || np.end - start > 3 || np.clone().any(|k| !doc.tokens[k].has(flags::TITLE)) {
            return None;
        }
        if (start..np.end).any(|k| doc.tokens[k].kind != TokenKind::Word) {
            return None;
        }
        let last = doc.low(np.end - 1);
        let title = || crate::lexicon::actors::lexicon().word_flags(last).0 & word::TITLE != 0;
        let role = speaker_role(last).or_else(|| title().then_some(SpeakerRole::Person))?;
        let desc = doc.slice(doc.span_of(start..np.end)).to_lowercase();
        let fits = |t: &str| title_ends_in(t, &desc);
        let person = matches!(role, SpeakerRole::Person | SpeakerRole::Male | SpeakerRole::Female);
        let name = if person { format!("the {desc}") } else { desc.clone() };
        let found = self.actors.actors.iter().position(|e| {
            e.kind == ActorKind::Person && e.titles.iter().any(|t| fits(t)) || e.name.to_lowercase() == name
        });
        let id = match found.or_else(|| self.fallback.get(&name).copied()) {
            Some(id) => id,
            None => {
                let kind = match role {
                    SpeakerRole::Organization => ActorKind::Organization,
                    SpeakerRole::Group => ActorKind::Group,
                    SpeakerRole::Source => ActorKind::Source,
                    SpeakerRole::Person | SpeakerRole::Male | SpeakerRole::Female => ActorKind::Person,
                };
                let gender = match role {
                    SpeakerRole::Male => Gender::Male,
                    SpeakerRole::Female => Gender::Female,
                    _ => Gender::Unknown,
                };
                let id = self.actors.add_actor(ActorEntry {
                    name: name.clone(),
                    kind,
                    titles: Vec::new(),
                    affiliation: None,
                    gender,
                });
                self.fallback.insert(name, id);
                id
            }
        };
        self.add_mention(Mention {
            tokens: np.clone(),
            span: doc.span_of(np),
            actor: id,
            form: MentionForm::Phrase,
        });
        Some(id)
    }

    /// The named person a description refers back to: "the minister" after "Foreign Minister Ana Silva" is
    /// Ana Silva, the nearest earlier person one of whose titles ends in the description's last word. Only
    /// "the" and lower-case words ("the foreign minister"); `None` when no earlier title fits.
    fn titled_antecedent(&self, np: Range<usize>) -> Option<usize> {
        let doc = self.doc;
        if np.len() < 2 || np.len() > 4 || doc.low(np.start) != "the" {
            return None;
        }
        if (np.start + 1..np.end)
            .any(|k| doc.tokens[k].kind != TokenKind::Word || doc.tokens[k].has(flags::CAPITALISED))
        {
            return None;
        }
        let desc = doc.slice(doc.span_of(np.start + 1..np.end)).to_lowercase();
        let fits = |t: &str| title_ends_in(t, &desc);
        let ms = &self.actors.mentions;
        let before = ms.partition_point(|m| m.tokens.start < np.start);
        ms[before.saturating_sub(64)..before]
            .iter()
            .rev()
            .map(|m| m.actor)
            .find(|&a| {
                let e = &self.actors.actors[a];
                e.kind == ActorKind::Person && e.titles.iter().any(|t| fits(t))
            })
    }

    /// The head part of a phrase: after a quantifier ("one of"), before a preposition that is not inside a
    /// name ("Secretary of State").
    fn head(&self, np: Range<usize>) -> Range<usize> {
        let doc = self.doc;
        let mut start = np.start;
        if np.len() > 2
            && (is_quantifier(doc.low(start)) || doc.tokens[start].kind == TokenKind::Number)
            && doc.low(start + 1) == "of"
        {
            start += 2;
        }
        let cap = |i: usize| doc.tokens[i].has(flags::CAPITALISED);
        let mut end = np.end;
        for k in start + 1..np.end {
            if is_head_end(doc.low(k)) && !(cap(k - 1) && k + 1 < np.end && cap(k + 1)) {
                end = k;
                break;
            }
        }
        start..end
    }

    /// The actor mentioned at the end of the head ("Iranian state news agency Irna"), or a person or
    /// organisation mentioned inside it; a country or place used as a modifier ("Lebanese officials") is
    /// not the speaker.
    fn actor_at_head(&self, head: Range<usize>) -> Option<usize> {
        if head.is_empty() {
            return None;
        }
        if let Some(m) = self.actors.mention_at(head.end - 1) {
            return Some(m.actor);
        }
        self.actors
            .mentions_in(head.clone())
            .iter()
            .rev()
            .find(|m| {
                matches!(
                    self.actors.actors[m.actor].kind,
                    ActorKind::Person | ActorKind::Organization
                ) || m.tokens.end == head.end
            })
            .map(|m| m.actor)
    }

    /// A new (or earlier fallback) actor for a phrase the actor layer did not cover.
    fn fallback_actor(&mut self, np: Range<usize>, head: Range<usize>) -> Option<usize> {
        let doc = self.doc;
        if head.is_empty() {
            return None;
        }
        let cap = |i: usize| doc.tokens[i].has(flags::CAPITALISED);
        let name_start = if matches!(doc.low(np.start), "the") {
            np.start + 1
        } else {
            np.start
        };
        if name_start >= np.end {
            return None;
        }
        let name = doc.slice(doc.span_of(name_start..np.end)).to_string();
        let key = name.to_lowercase();
        let mut gender = Gender::Unknown;
        let mut role = None;
        for k in head.clone() {
            match speaker_role(doc.low(k).trim_end_matches('.')) {
                Some(SpeakerRole::Male) => gender = Gender::Male,
                Some(SpeakerRole::Female) => gender = Gender::Female,
                Some(r) => role = Some(r),
                None => {}
            }
        }
        let head_noun = doc.low(head.end - 1);
        let head_role = speaker_role(head_noun);
        let named = head
            .clone()
            .all(|k| cap(k) || matches!(doc.low(k), "the" | "'s" | "’s"));
        let kind = if named {
            match role {
                Some(SpeakerRole::Organization) => ActorKind::Organization,
                Some(SpeakerRole::Group) => ActorKind::Group,
                _ if doc.tokens[head.end - 1].has(flags::ALL_CAPS) => ActorKind::Organization,
                _ => ActorKind::Person,
            }
        } else {
            match head_role.or(role) {
                Some(SpeakerRole::Group) => ActorKind::Group,
                Some(SpeakerRole::Organization) => ActorKind::Organization,
                Some(SpeakerRole::Person | SpeakerRole::Male | SpeakerRole::Female) => ActorKind::Person,
                Some(SpeakerRole::Source) => ActorKind::Source,
                None if head_noun.ends_with('s') => ActorKind::Group,
                None => ActorKind::Source,
            }
        };
        let surname = (named && kind == ActorKind::Person).then(|| format!("surname:{}", doc.low(head.end - 1)));
        let existing = self
            .fallback
            .get(&key)
            .or_else(|| surname.as_ref().and_then(|s| self.fallback.get(s)))
            .copied();
        let id = match existing {
            Some(id) => id,
            None => {
                let id = self.actors.add_actor(ActorEntry {
                    name,
                    kind,
                    titles: Vec::new(),
                    affiliation: None,
                    gender,
                });
                self.fallback.insert(key, id);
                if let Some(s) = surname {
                    self.fallback.insert(s, id);
                }
                id
            }
        };
        if gender != Gender::Unknown {
            self.genders.insert(id, gender);
        }
        let form = if named { MentionForm::Name } else { MentionForm::Phrase };
        for r in [np.clone(), head] {
            let m = Mention {
                tokens: r.clone(),
                span: doc.span_of(r),
                actor: id,
                form,
            };
            if self.add_mention(m) {
                break;
            }
        }
        Some(id)
    }

    /// The gender of a person: from their given name when the list has it ("Hillary Clinton" is a woman:
    /// [`given_name_is_male`]), else from the actor layer (honorifics, a pronoun after the first mention)
    /// or from pronouns this stage resolved to them ("Jordan Lee" stays unknown until then).
    fn gender(&self, actor: usize) -> Gender {
        let a = &self.actors.actors[actor];
        if a.kind == ActorKind::Person
            && let Some(first) = a.name.split_whitespace().next()
            && let Some(male) = given_name_is_male(&first.to_lowercase())
        {
            return if male { Gender::Male } else { Gender::Female };
        }
        match a.gender {
            Gender::Unknown => self.genders.get(&actor).copied().unwrap_or_default(),
            g => g,
        }
    }

    /// Whether actor `a` can be referred to by pronoun `p`.
    fn compatible(&self, p: &str, a: usize) -> bool {
        let kind = self.actors.actors[a].kind;
        match p {
            "he" => kind == ActorKind::Person && self.gender(a) != Gender::Female,
            "she" => kind == ActorKind::Person && self.gender(a) != Gender::Male,
            "it" => matches!(kind, ActorKind::Organization | ActorKind::Country),
            "they" => matches!(kind, ActorKind::Group | ActorKind::Source | ActorKind::Organization),
            "we" => matches!(kind, ActorKind::Group | ActorKind::Organization | ActorKind::Country),
            _ => false,
        }
    }

    /// Resolves the pronoun at token `tok`: the last compatible speaker in this or the previous paragraph,
    /// else the nearest compatible actor mentioned before it (within three paragraphs). Adds the pronoun as
    /// a mention of that actor.
    fn pronoun(&mut self, tok: usize) -> Option<usize> {
        let doc = self.doc;
        let p = nominative(doc.low(tok));
        let para = doc.tokens[tok].paragraph as usize;
        if let Some(m) = self.actors.mention_at(tok) {
            return Some(m.actor);
        }
        let from_speakers = self
            .history
            .iter()
            .rev()
            .take(6)
            .take_while(|(_, pp, _)| pp + 1 >= para)
            .map(|&(a, _, _)| a)
            .find(|&a| self.compatible(p, a));
        let found = from_speakers.or_else(|| {
            let end = self.actors.mentions.partition_point(|x| x.tokens.end <= tok);
            self.actors.mentions[..end]
                .iter()
                .rev()
                .take(40)
                .take_while(|m| (doc.tokens[m.tokens.start].paragraph as usize) + 3 >= para)
                .find(|m| m.form != MentionForm::Pronoun && self.compatible(p, m.actor))
                .map(|m| m.actor)
        })?;
        match p {
            "he" => {
                self.genders.insert(found, Gender::Male);
            }
            "she" => {
                self.genders.insert(found, Gender::Female);
            }
            _ => {}
        }
        self.add_mention(Mention {
            tokens: tok..tok + 1,
            span: doc.span_of(tok..tok + 1),
            actor: found,
            form: MentionForm::Pronoun,
        });
        Some(found)
    }
}
