//! Statements: pairs quotation marks, finds cues, attributes speakers through the actor index.
//!
//! The stage runs in four linear passes:
//! 1. [`cues::scan`] finds the quotation marks and the words that may start a cue in one pass over the
//!    tokens, and [`quotes::pair`] pairs the marks into top-level quotations (chained across paragraphs);
//! 2. [`cues::find`] finds the cue verbs and phrases of the lexicon among those words;
//! 3. [`attribution`] attaches quotations and cues to speakers: direct quotes first, then reported
//!    (indirect and mixed) speech, then floating quotes, each producing a [`Draft`];
//! 4. [`speakers`] resolves the drafts' speaker phrases to actors in text order (names, descriptions,
//!    pronouns, anonymous sources and groups) and builds the [`Statement`]s.

mod attribution;
mod claims;
mod cues;
mod quotes;
mod speakers;

use std::ops::Range;

use crate::actors::ActorIndex;
use crate::model::{Statement, StatementKind};
use crate::text::Doc;

/// Where a draft's speaker comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Who {
    /// A phrase in the text (a name, a description, a pronoun).
    Phrase(Range<usize>),
    /// A relative pronoun ("who", at the token) speaking for its antecedent phrase ("Republicans who
    /// say …").
    Relative(usize, Range<usize>),
    /// The speaker of the draft before it (a floating quote), or of the next one when the quotation opens
    /// its paragraph and the attribution follows.
    Floating,
    /// No speaker in the text: the question of an unnamed asker ("Asked whether …, Reid said …").
    Unknown,
}

/// A statement before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// The speaker.
    pub who: Who,
    /// The cue's tokens.
    pub cue: Option<Range<usize>>,
    /// The content's token ranges.
    pub content: Vec<Range<usize>>,
    /// The quoted fragments of a mixed quotation (a direct quotation's are its content; indirect speech
    /// has none).
    pub quoted: Vec<Range<usize>>,
    /// The relaying source's phrase ("…, Irna reported").
    pub via: Option<Range<usize>>,
    /// The token that orders drafts (the content's first token).
    pub anchor: usize,
    /// The sentence holding the cue (or the quotation's start).
    pub sentence: usize,
}

/// What the content of a mixed quotation (reported speech holding quoted words) covers.
///
/// ```
/// use newsparse::{MixedContent, Parser};
/// let text = "The minister said the plan was \"dead on arrival\" and would be withdrawn.";
/// let clause = Parser::new().parse(text)?;
/// let s = &clause.statements()[0];
/// assert_eq!(clause.slice(s.content[0]), "the plan was \"dead on arrival\" and would be withdrawn");
/// assert_eq!(clause.slice(s.quoted[0]), "dead on arrival");
/// let fragments = Parser::builder().mixed_content(MixedContent::Fragments).build().parse(text)?;
/// let s = &fragments.statements()[0];
/// assert_eq!(fragments.slice(s.content[0]), "dead on arrival");
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum MixedContent {
    /// Only the quoted fragments.
    Fragments,
    /// The whole reported clause, quoted fragments included (the default: the convention of PolNeAR, the
    /// Gender Gap Tracker and the seed).
    #[default]
    Clause,
}

/// What a statement's cue span covers.
///
/// ```
/// use newsparse::{CueSpan, Parser};
/// let text = "The governor has also said in a statement that the road will stay closed.";
/// let a = Parser::new().parse(text)?;
/// assert_eq!(a.statements()[0].cue.map(|c| a.slice(c)), Some("said"));
/// let b = Parser::builder().cue_span(CueSpan::VerbGroup).build().parse(text)?;
/// assert_eq!(b.statements()[0].cue.map(|c| b.slice(c)), Some("has also said in a statement"));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CueSpan {
    /// The cue word or lexicon phrase only: "said", "expressed hope" (the default, the seed convention).
    #[default]
    Word,
    /// The verb group: auxiliaries and adverbs right before the cue ("has also said"), a medium phrase
    /// right after it ("said in a statement", "wrote on Twitter") and a colon that introduces the quotation
    /// ("said:") — the PolNeAR convention.
    VerbGroup,
}

/// The annotation conventions the stage follows (see [`crate::ParserBuilder`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Options {
    /// Whether a continuation quotation (`"A," X said. "B."`) joins the statement before it as another
    /// content span instead of being a cue-less statement of its own.
    pub merge_continuations: bool,
    /// What a mixed quotation's content covers.
    pub mixed: MixedContent,
    /// What a cue span covers.
    pub cue_span: CueSpan,
    /// Whether only cues of speech make statements, not those of belief, intention or attitude
    /// ("believes", "called for", "expressed hope").
    pub speech_only: bool,
    /// Whether a trailing non-restrictive clause (", which …", ", including …", ", citing …") stays in an
    /// indirect statement's content.
    pub keep_trailing: bool,
    /// Whether a plain noun phrase after a cue such as "announced" or "noted" is a statement's content
    /// ("announced his resignation").
    pub np_contents: bool,
}

pub(crate) use claims::link as link_claims;

/// Finds the statements of a document with the default conventions. Speaker actor ids in the result are ids
/// of `actors`, to which this stage may add actors (anonymous sources, groups) and mentions (pronouns,
/// descriptions).
#[allow(dead_code)]
pub(crate) fn extract(doc: &Doc, actors: &mut ActorIndex) -> Vec<Statement> {
    extract_with(doc, actors, &Options::default())
}

/// Finds the statements of a document following the conventions of `opts` (see [`extract`]).
pub(crate) fn extract_with(doc: &Doc, actors: &mut ActorIndex, opts: &Options) -> Vec<Statement> {
    let scan = cues::scan(doc);
    let quotes = quotes::pair(doc, &scan.marks);
    let cues = cues::find(doc, &quotes, scan.candidates, opts.speech_only);
    if quotes.is_empty()
        && cues.is_empty()
        && !attribution::headline_sentences(doc, &scan.colons).any(|s| attribution::colon_headline(doc, s).is_some())
    {
        return Vec::new();
    }
    let mut drafts = attribution::attribute(doc, &scan.marks, &scan.commas, &quotes, &cues, &scan.colons, opts);
    drafts.sort_by_key(|d| d.anchor);
    speakers::resolve(doc, actors, drafts, opts)
}

#[cfg(test)]
mod tests;
