//! The public data model: [`Article`] and what it contains.
//!
//! In Rust, every [`Span`] holds **byte** offsets into [`Article::text`], so `&article.text()[span.range()]`
//! slices it. In JSON (and Python) the same spans are **Unicode code-point** offsets, each with its `text`;
//! the conversion happens once, in [`Article`]'s serde implementation (see [`json`]).
//!
//! Every model type implements `serde::Serialize` and `serde::Deserialize`. [`Article`]'s form is the
//! JSON contract above (code points, every span with its text). The parts, serialised on their own
//! ([`Span`], [`Actor`], [`Statement`], [`Statistic`]), have no text to count code points in, so their form
//! is the Rust one: **byte** offsets, actor ids as indices into [`Article::actors`].

mod compact;
pub mod json;

use std::ops::Range;

/// A half-open range of **byte** offsets into an article's text.
///
/// ```
/// let article = newsparse::parse("Rain\n\nIt rained on Monday.")?;
/// let sentence = article.sentences()[1];
/// assert_eq!(&article.text()[sentence.range()], "It rained on Monday.");
/// assert_eq!(article.slice(sentence), "It rained on Monday.");
/// assert_eq!(sentence.len(), 20);
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The span as a `Range`, for slicing the text.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    /// Length in bytes; `0` for a reversed span (`end < start`).
    ///
    /// ```
    /// use newsparse::Span;
    /// assert_eq!(Span::new(4, 10).len(), 6);
    /// assert_eq!(Span::new(10, 4).len(), 0);
    /// assert!(Span::new(10, 4).is_empty());
    /// ```
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// Whether `other` lies inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What kind of real-world entity an [`Actor`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A named or described individual.
    Person,
    /// A government body, party, armed group, company, news outlet, international body…
    Organization,
    /// A sovereign state.
    Country,
    /// A city, region, territory or other place.
    Location,
    /// A collective of people that is not an organisation ("residents of southern Lebanon", "witnesses").
    Group,
    /// An anonymous source ("sources", "a senior official", "one of the sources").
    Source,
}

/// Writes the name used in JSON and Python ([`ActorKind::as_str`]).
impl std::fmt::Display for ActorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ActorKind {
    /// The lower-case name used in JSON and Python.
    pub const fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Location => "location",
            ActorKind::Group => "group",
            ActorKind::Source => "source",
        }
    }
}

/// One real-world entity of the article, with every mention of it.
///
/// ```
/// use newsparse::ActorKind;
/// let article = newsparse::parse(
///     "Talks stall\n\nForeign Minister Ana Silva met aid groups. Silva said the talks would resume.",
/// )?;
/// let silva = article.actors().iter().find(|a| a.name == "Ana Silva").unwrap();
/// assert_eq!(silva.kind, ActorKind::Person);
/// assert_eq!(silva.kind.to_string(), "person");
/// assert_eq!(silva.titles, ["Foreign Minister"]);
/// let mentions: Vec<&str> = silva.mentions.iter().map(|&m| article.slice(m)).collect();
/// assert_eq!(mentions, ["Ana Silva", "Silva"]);
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Actor {
    /// Index of the actor in [`Article::actors`]; statements refer to actors by this id.
    pub id: usize,
    /// Canonical name: the fullest name seen ("Masoud Pezeshkian"), or the phrase for sources and groups.
    pub name: String,
    /// What kind of entity this is.
    pub kind: ActorKind,
    /// Titles and roles ("Prime Minister", "commander"), in order of first appearance.
    pub titles: Vec<String>,
    /// The country or organisation the actor belongs to or speaks for ("Iran", "Hamas").
    pub affiliation: Option<String>,
    /// Every mention of the actor, in text order.
    pub mentions: Vec<Span>,
}

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatementKind {
    /// The speaker's own words between quotation marks.
    Direct,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
    /// Reported speech that contains quoted fragments.
    Mixed,
}

/// Writes the name used in JSON and Python ([`StatementKind::as_str`]).
impl std::fmt::Display for StatementKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl StatementKind {
    /// The lower-case name used in JSON and Python.
    pub const fn as_str(&self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
}

/// Who said what: one direct, indirect or mixed quotation.
///
/// ```
/// use newsparse::StatementKind;
/// let article = newsparse::parse(
///     "Talks stall\n\n\"We will not give up,\" Foreign Minister Ana Silva said on Monday.",
/// )?;
/// let s = &article.statements()[0];
/// assert_eq!(s.kind, StatementKind::Direct);
/// assert_eq!(article.speaker(s).unwrap().name, "Ana Silva");
/// assert_eq!(s.cue.map(|c| article.slice(c)), Some("said"));
/// assert_eq!(article.statement_text(s), "We will not give up,");
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Statement {
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// The speaker, as an index into [`Article::actors`], when resolved.
    pub speaker: Option<usize>,
    /// The speaker's mention as written near the statement ("the Qatari Foreign Ministry", "he").
    pub speaker_mention: Option<Span>,
    /// The cue ("said", "told", "according to"), when there is one.
    pub cue: Option<Span>,
    /// What was said: one span, or several for split and mixed quotes.
    pub content: Vec<Span>,
    /// The actor that relays the statement ("…, Irna reported"), when it is not the speaker.
    pub via: Option<usize>,
    /// The speaker's verbatim words: the spans between quotation marks. A direct quotation's content, a
    /// mixed quotation's quoted fragments, nothing for indirect speech.
    pub quoted: Vec<Span>,
}

/// How a reported number relates to the true figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// No qualifier: the number is stated as exact.
    Exact,
    /// "about", "around", "roughly", "nearly", "some"…
    Approximately,
    /// "more than", "over", "above": an exclusive lower bound.
    MoreThan,
    /// "at least": an inclusive lower bound.
    AtLeast,
    /// "less than", "fewer than", "under", "below": an exclusive upper bound.
    LessThan,
    /// "at most", "up to", "no more than": an inclusive upper bound.
    AtMost,
    /// "between 10 and 20", "10-20": both bounds given.
    Range,
    /// A rise ("rose 5%", "up 12 per cent", "a 4% increase").
    Increase,
    /// A fall ("fell by 3 points", "a 2% drop").
    Decrease,
}

/// Writes the name used in JSON and Python ([`Qualifier::as_str`]).
impl std::fmt::Display for Qualifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Qualifier {
    /// The snake-case name used in JSON and Python.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Increase => "increase",
            Qualifier::Decrease => "decrease",
        }
    }
}

/// What sort of quantity a statistic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatisticKind {
    /// A count of people or things ("40,400 people").
    Count,
    /// An amount of money ("$1.2 billion"); the unit is an ISO 4217 code.
    Money,
    /// A percentage or percentage points.
    Percent,
    /// A physical measure ("320 km", "5 tonnes").
    Measure,
    /// A fraction or share ("two-thirds of residents", "one in five").
    Fraction,
    /// A bare number with nothing counted.
    Number,
}

/// Writes the name used in JSON and Python ([`StatisticKind::as_str`]).
impl std::fmt::Display for StatisticKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl StatisticKind {
    /// The snake-case name used in JSON and Python.
    pub const fn as_str(&self) -> &'static str {
        match self {
            StatisticKind::Count => "count",
            StatisticKind::Money => "money",
            StatisticKind::Percent => "percent",
            StatisticKind::Measure => "measure",
            StatisticKind::Fraction => "fraction",
            StatisticKind::Number => "number",
        }
    }
}

/// A number the article reports about the world.
///
/// ```
/// use newsparse::{Qualifier, StatisticKind};
/// let article = newsparse::parse("Floods\n\nThe floods have killed more than 1,200 people.")?;
/// let s = &article.statistics()[0];
/// assert_eq!(article.statistic_text(s), "more than 1,200 people");
/// assert_eq!((s.lower, s.qualifier), (Some(1200.0), Qualifier::MoreThan));
/// assert_eq!(s.kind, Some(StatisticKind::Count));
/// assert_eq!(s.context_lemma.as_deref(), Some("kill"));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Statistic {
    /// The whole expression, qualifier and counted thing included ("more than 40,400 people").
    pub span: Span,
    /// The value, when a single one is given; `None` for ranges and vague counts ("dozens of").
    pub value: Option<f64>,
    /// Lower bound, when one is stated or implied.
    pub lower: Option<f64>,
    /// Upper bound, when one is stated or implied.
    pub upper: Option<f64>,
    /// How the number relates to the true figure.
    pub qualifier: Qualifier,
    /// What is counted or measured ("people", "USD", "km", "percentage point").
    pub unit: Option<String>,
    /// What sort of quantity it is.
    pub kind: Option<StatisticKind>,
    /// The event the number is about, as written ("killed").
    pub context: Option<String>,
    /// The event as a normalised lemma ("kill").
    pub context_lemma: Option<String>,
    /// Who claims the number: the speaker (an index into [`Article::actors`]) of the statement whose content
    /// holds it, or X of an "according to X" frame; `None` for a number in the narrator's voice.
    pub claimed_by: Option<usize>,
    /// The statement (an index into [`Article::statements`]) whose content holds the number, if any.
    pub statement: Option<usize>,
    /// Where a change started, when it says so: "fell from 3.9% to 3.6%" has `value` 3.6 (the level
    /// reached), `from_value` 3.9 and the qualifier `decrease`. `None` otherwise.
    pub from_value: Option<f64>,
    /// The time the number refers to: an index into [`Article::times`], when a temporal expression (not a
    /// recurrence) is in the same clause ("In 2023, exports rose 5%"). `None` otherwise.
    pub time: Option<usize>,
}

/// What a temporal expression denotes (the TIMEX3 type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeKind {
    /// A calendar date or period: "Monday", "last week", "March 2024", "the 1990s".
    Date,
    /// A time of day: "3 p.m.", "Monday night".
    Time,
    /// A length of time: "three years", "for two weeks".
    Duration,
    /// A recurrence: "every Monday", "weekly".
    Set,
}

impl TimeKind {
    /// The lower-case name used in JSON and Python (the TIMEX3 type in lower case).
    pub const fn as_str(&self) -> &'static str {
        match self {
            TimeKind::Date => "date",
            TimeKind::Time => "time",
            TimeKind::Duration => "duration",
            TimeKind::Set => "set",
        }
    }
}

impl std::fmt::Display for TimeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A temporal expression, resolved against the publication date.
///
/// ```
/// let doc = newsparse::Document::new("Talks\n\nThe talks collapsed on Monday, officials said.")
///     .with_published("2024-08-28");
/// let article = newsparse::Parser::new().parse_document(&doc)?;
/// let monday = &article.times()[0];
/// assert_eq!(article.slice(monday.span), "Monday");
/// assert_eq!(monday.value, "2024-08-26");
/// assert_eq!(monday.first.as_deref(), Some("2024-08-26"));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct TimeExpr {
    /// The expression as written ("last week", "Aug. 26").
    pub span: Span,
    /// Date, time, duration or set.
    pub kind: TimeKind,
    /// The TIMEX3 value: `2024-08-26`, `2024-W34`, `2024-03`, `2024`, `199`, `P3Y`, `PT2H`, `PRESENT_REF`,
    /// `XXXX-WXX-1` (underspecified: no publication date to resolve against)…
    pub value: String,
    /// The first calendar day it covers (`YYYY-MM-DD`), when it resolves to days.
    pub first: Option<String>,
    /// The last calendar day it covers.
    pub last: Option<String>,
}

/// A token of the text with its part-of-speech tag: the opt-in token view
/// ([`crate::ParserBuilder::tokens`]).
///
/// ```
/// let parser = newsparse::Parser::builder().tokens(true).build();
/// let article = parser.parse("Officials in Tromsø rejected it.")?;
/// let tokens = article.tokens().unwrap_or_default();
/// assert_eq!(article.slice(tokens[2].span), "Tromsø");
/// assert_eq!(tokens[2].pos, newsparse::Upos::Propn);
/// assert_eq!(tokens[2].name.as_deref(), Some("B-LOC"));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Token {
    /// Where it is in [`Article::text`].
    pub span: Span,
    /// Its Universal part-of-speech tag.
    pub pos: crate::Upos,
    /// Its Penn Treebank tag ("NNP", "VBD", "VBN", ","...), as the treebanks write it (`None` when no
    /// table of Penn tags is built in).
    pub tag: Option<String>,
    /// Its name tag, BIO over the name model's four types as UNER English writes them: "B-PER" for a
    /// name's first token, "I-PER" for the others ("PER" a person, "ORG" an organisation, "LOC" a place,
    /// "OTH" any other name: a nationality, a work, an event); `None` outside names. It is the name
    /// model's own reading: the [`Article::actors`] are the rules' final say, which this tag only helps.
    pub name: Option<String>,
}

impl Token {
    /// A token at `span` tagged `pos` (no Penn tag).
    pub fn new(span: Span, pos: crate::Upos) -> Token {
        Token {
            span,
            pos,
            tag: None,
            name: None,
        }
    }

    /// The token with the Penn tag `tag`.
    ///
    /// ```
    /// let t = newsparse::Token::new(newsparse::Span::new(0, 4), newsparse::Upos::Verb).with_tag(Some("VBD"));
    /// assert_eq!(t.tag.as_deref(), Some("VBD"));
    /// ```
    pub fn with_tag(mut self, tag: Option<&str>) -> Token {
        self.tag = tag.map(str::to_string);
        self
    }

    /// The token with the name tag `name` ("B-PER"; `None` outside names).
    ///
    /// ```
    /// let t = newsparse::Token::new(newsparse::Span::new(0, 6), newsparse::Upos::Propn).with_name(Some("B-LOC"));
    /// assert_eq!(t.name.as_deref(), Some("B-LOC"));
    /// ```
    pub fn with_name(mut self, name: Option<&str>) -> Token {
        self.name = name.map(str::to_string);
        self
    }
}

/// A parsed news article: its text, structure, actors, statements and statistics.
///
/// Built by [`Parser::parse`](crate::Parser::parse) (or [`crate::parse`]) and read through its methods;
/// [`Article::to_json`] and [`Article::from_json`] convert it to and from the JSON contract.
///
/// ```
/// let text = "Floods\n\n\"We need help,\" Mayor Ana Silva said, Reuters reported. \
///             The floods have killed more than 1,200 people.";
/// let article = newsparse::parse(text)?;
/// assert_eq!(article.title(), Some("Floods"));
/// assert_eq!(article.sentences().len(), 3);
/// let s = &article.statements()[0];
/// assert_eq!(article.speaker(s).map(|a| a.name.as_str()), Some("Ana Silva"));
/// assert_eq!(article.via(s).map(|a| a.name.as_str()), Some("Reuters"));
/// assert_eq!(article.statistic_text(&article.statistics()[0]), "more than 1,200 people");
/// assert_eq!(newsparse::Article::from_json(&article.to_json())?, article);
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub(crate) id: Option<String>,
    pub(crate) text: String,
    pub(crate) published: Option<String>,
    pub(crate) title: Option<Span>,
    pub(crate) paragraphs: Vec<Span>,
    pub(crate) sentences: Vec<Span>,
    pub(crate) actors: Vec<Actor>,
    pub(crate) statements: Vec<Statement>,
    pub(crate) statistics: Vec<Statistic>,
    pub(crate) times: Vec<TimeExpr>,
    /// Whether `id` is the JSON text of a number or boolean id, written back as that literal.
    pub(crate) id_literal: bool,
    pub(crate) authors: Vec<String>,
    pub(crate) url: Option<String>,
    pub(crate) site_name: Option<String>,
    pub(crate) language: Option<String>,
    /// The tokens with their tags, when the parser was asked for them ([`crate::ParserBuilder::tokens`]).
    pub(crate) tokens: Option<Vec<Token>>,
}

impl Article {
    /// The document id given with [`crate::Document::with_id`], if any. An id given in JSON as a number
    /// or boolean ([`crate::Document::from_json_line`], [`Article::from_json`]) is its JSON text, e.g.
    /// `"12345678901234567"` or `"true"` (see [`Article::id_is_literal`]).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    /// Whether the id was given in JSON as a number or boolean: [`Article::to_json`] then writes it back
    /// as that literal (`"id": 12345678901234567`), not as a string.
    pub fn id_is_literal(&self) -> bool {
        self.id_literal
    }
    /// The text exactly as it was passed in.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The publication date (`YYYY-MM-DD`), if one was given.
    pub fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }
    /// The title's span: the first line when it stands alone as a headline.
    pub fn title_span(&self) -> Option<Span> {
        self.title
    }
    /// The title's text.
    pub fn title(&self) -> Option<&str> {
        self.title.map(|s| &self.text[s.range()])
    }
    /// Paragraphs in text order (the title, when there is one, is the first).
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }
    /// Sentences in text order; none crosses a paragraph boundary.
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }
    /// The actors; `actors()[i].id == i`.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }
    /// The statements (quotations), in text order.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }
    /// The statistics, in text order.
    pub fn statistics(&self) -> &[Statistic] {
        &self.statistics
    }
    /// The authors' names, for an article parsed from HTML ([`crate::Parser::parse_html`]); empty otherwise.
    pub fn authors(&self) -> &[String] {
        &self.authors
    }
    /// The page's canonical URL (else the URL given with it), for an article parsed from HTML.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// The site's name ("The Daily News"), for an article parsed from HTML.
    pub fn site_name(&self) -> Option<&str> {
        self.site_name.as_deref()
    }
    /// The page's declared language (`<html lang>`, `og:locale`, `Content-Language`), as written there
    /// ("en", "en-GB"), for an article parsed from HTML.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }
    /// The temporal expressions, in text order, resolved against the publication date.
    pub fn times(&self) -> &[TimeExpr] {
        &self.times
    }
    /// The time a statistic refers to ([`Statistic::time`]), when one is in its clause.
    pub fn time_of(&self, statistic: &Statistic) -> Option<&TimeExpr> {
        statistic.time.and_then(|i| self.times.get(i))
    }

    /// The tokens with their part-of-speech tags, in text order: `None` unless the parser was built with
    /// [`crate::ParserBuilder::tokens`] (or the JSON read back had them).
    pub fn tokens(&self) -> Option<&[Token]> {
        self.tokens.as_deref()
    }
    /// The actor with this id.
    pub fn actor(&self, id: usize) -> Option<&Actor> {
        self.actors.get(id)
    }
    /// The text of a span. Returns `""` for a span that does not fit the text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
    /// The speaker of a statement, resolved to its actor.
    pub fn speaker(&self, statement: &Statement) -> Option<&Actor> {
        statement.speaker.and_then(|id| self.actors.get(id))
    }
    /// The actor that relays a statement ("…, Reuters reported"), resolved to its actor.
    pub fn via(&self, statement: &Statement) -> Option<&Actor> {
        statement.via.and_then(|id| self.actors.get(id))
    }
    /// What a statement says: the text of its content spans, joined with `" … "` when there are several
    /// (a split or mixed quotation). The same text as Python's `Statement.text`.
    pub fn statement_text(&self, statement: &Statement) -> String {
        let mut out = String::new();
        for (i, &c) in statement.content.iter().enumerate() {
            if i > 0 {
                out.push_str(" … ");
            }
            out.push_str(self.slice(c));
        }
        out
    }
    /// The text of a statistic's whole expression ("more than 1,200 people").
    pub fn statistic_text(&self, statistic: &Statistic) -> &str {
        self.slice(statistic.span)
    }
    /// Serialises the article to one line of JSON (code-point offsets; see the crate docs).
    pub fn to_json(&self) -> String {
        // News JSON runs at four to five times the length of its text (every span carries its text).
        let mut out = Vec::with_capacity(self.text.len() * 6 + 1024);
        self.write_json(&mut out);
        // The writer only appends `str`s, ASCII punctuation and digits.
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
    /// Appends the article's one-line JSON (as [`Article::to_json`]) to `out`, for writers that keep one
    /// buffer for many articles.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        compact::write_article(self, out);
    }
    /// Serialises the article to indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("an Article always serialises")
    }
    /// Reads an article back from the JSON written by [`Article::to_json`].
    ///
    /// # Errors
    /// [`Error::InvalidJson`](crate::Error::InvalidJson) when `json` is not JSON or a value has the wrong
    /// type, [`Error::MissingField`](crate::Error::MissingField) when a required field is absent, and
    /// [`Error::InvalidSpan`](crate::Error::InvalidSpan) when a span does not lie inside the text on
    /// character boundaries, [`Error::InconsistentJson`](crate::Error::InconsistentJson) when the article
    /// contradicts itself (an actor id that is not its position, a speaker or via that names no actor, a
    /// span's `text` that is not its slice, a `title` that is not the title span's text).
    pub fn from_json(json: &str) -> crate::Result<Article> {
        json::article_from_str(json)
    }
}
