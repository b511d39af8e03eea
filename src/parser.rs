//! [`Parser`]: runs the stages text → actors → statements → statistics and builds the [`Article`].

use crate::model::{Article, Span};
use crate::statements::{CueSpan, MixedContent};
use crate::text::Doc;
use crate::{Error, Result};

/// The default limit on the size of one input: 2 MiB, about 330,000 words.
///
/// No news article comes near it (the longest features and live blogs run to a few hundred kilobytes),
/// and it bounds what one document can cost: the parse holds at most a few tens of times its input's
/// size at once (`cargo bench --bench memory`; `docs/perf.md`), so tens of megabytes per document and
/// thread. Raise it with [`ParserBuilder::max_input_bytes`] (CLI: `--max-bytes`) for longer texts.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// A document to parse: its text (or an HTML page, [`Document::from_html`]) with an optional id and
/// publication date.
///
/// Build it with [`Document::new`] and the `with_*` methods (the struct is `#[non_exhaustive]`: fields may
/// be added). Its serde form is the CLI's JSON Lines record, `{"text", "published", "id"}`.
///
/// ```
/// use newsparse::{Document, Parser};
/// let doc = Document::new("Rain\n\nIt rained on Monday.").with_id("a-1").with_published("2024-08-26");
/// let article = Parser::new().parse_document(&doc)?;
/// assert_eq!((article.id(), article.published()), (Some("a-1"), Some("2024-08-26")));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The article text, or the page's HTML when [`Document::html`] is set.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`. For an HTML page, a date given here wins over the page's own.
    pub published: Option<String>,
    /// An identifier echoed in the [`Article`].
    pub id: Option<String>,
    /// Whether `id` is the JSON text of a number or boolean id ([`Document::from_json_line`]), written back
    /// as that literal.
    #[serde(skip)]
    pub(crate) id_literal: bool,
    /// Whether `text` is an HTML page to extract the article from (needs the `html` feature to parse).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub html: bool,
    /// The address the HTML page came from, when known (a hint for the date and the canonical URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Document {
    /// A document with this text and no id or date.
    pub fn new(text: impl Into<String>) -> Self {
        Document {
            text: text.into(),
            ..Document::default()
        }
    }
    /// A web page to extract the article from: its HTML and, when known, the URL it came from. Parsing it
    /// needs the `html` feature (else [`Error::FeatureDisabled`]).
    ///
    /// ```
    /// # #[cfg(feature = "html")] {
    /// let html = "<html><head><title>Talks resume | Gulf Daily</title></head><body><article>\
    ///     <h1>Talks resume</h1><p class=byline>By Jane Doe</p>\
    ///     <p>The talks resumed in Doha on Monday after a pause of two weeks, officials said.</p>\
    ///     </article></body></html>";
    /// let doc = newsparse::Document::from_html(html, Some("https://gulfdaily.example/2024/08/26/talks"));
    /// let article = newsparse::Parser::new().parse_document(&doc)?;
    /// assert_eq!(article.title(), Some("Talks resume"));
    /// assert_eq!(article.authors(), ["Jane Doe"]);
    /// assert_eq!(article.published(), Some("2024-08-26"));
    /// # }
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn from_html(html: impl Into<String>, url: Option<&str>) -> Self {
        Document {
            text: html.into(),
            html: true,
            url: url.map(str::to_string),
            ..Document::default()
        }
    }
    /// Sets the publication date (`YYYY-MM-DD`; checked when parsed).
    pub fn with_published(mut self, date: impl Into<String>) -> Self {
        self.published = Some(date.into());
        self
    }
    /// Sets the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self.id_literal = false;
        self
    }

    /// Reads one JSON Lines record `{"id", "text", "published"?}` or, for a web page,
    /// `{"id", "html", "url"?, "published"?}` (line number `lineno`, 1-based, for error messages). Returns the `id` as given (any JSON value, `null` when absent or unreadable) with
    /// the document or the reason it could not be read. A number or boolean id is kept as its JSON text
    /// (`12345678901234567`, `true`: integers exactly) and written back as that literal, not as a string
    /// ([`Article::id_is_literal`]); an array or object id becomes a string of its JSON.
    ///
    /// ```
    /// use newsparse::{Article, Document, Parser};
    /// let (_, doc) = Document::from_json_line(r#"{"id": 12345678901234567, "text": "Rain\n\nIt rained."}"#, 1);
    /// let article = Parser::new().parse_document(&doc?)?;
    /// assert_eq!((article.id(), article.id_is_literal()), (Some("12345678901234567"), true));
    /// let json = article.to_json();
    /// assert!(json.contains(r#""id":12345678901234567,"#));
    /// assert_eq!(Article::from_json(&json)?, article);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidJson`] when the line is not JSON, [`Error::MissingField`] when `text` is absent or
    /// not a string or `published` is neither a string nor `null`.
    pub fn from_json_line(line: &str, lineno: usize) -> (serde_json::Value, Result<Document>) {
        use serde_json::Value;
        let mut v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                // serde_json ends its message with "at line 1 column N": the line is `lineno`'s business.
                let mut message = e.to_string();
                if let Some(i) = message.rfind(" at line ") {
                    message.truncate(i);
                    message.push_str(&format!(" at column {}", e.column()));
                }
                let err = Error::InvalidJson {
                    line: Some(lineno),
                    message,
                };
                return (Value::Null, Err(err));
            }
        };
        let id = v.get("id").cloned().unwrap_or(Value::Null);
        let missing = |field: &str| Error::MissingField {
            line: Some(lineno),
            field: field.to_string(),
        };
        // the text (or page) is moved out of the parsed line, not copied
        let mut doc = if v.get("html").is_some_and(|h| !h.is_null()) {
            if !v.get("html").is_some_and(Value::is_string) {
                return (id, Err(missing("html")));
            }
            let url = match v.get("url") {
                None | Some(Value::Null) => None,
                Some(Value::String(u)) => Some(u.clone()),
                Some(_) => return (id, Err(missing("url"))),
            };
            let Some(Value::String(html)) = v.get_mut("html") else {
                return (id, Err(missing("html")));
            };
            Document::from_html(std::mem::take(html), url.as_deref())
        } else {
            let Some(Value::String(text)) = v.get_mut("text") else {
                return (id, Err(missing("text")));
            };
            Document::new(std::mem::take(text))
        };
        match v.get("published") {
            None | Some(Value::Null) => {}
            Some(Value::String(d)) => doc.published = Some(d.clone()),
            Some(_) => return (id, Err(missing("published"))),
        }
        doc.id = match &id {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        };
        doc.id_literal = matches!(id, Value::Number(_) | Value::Bool(_));
        (id, Ok(doc))
    }
}

/// Checks that `date` is a real calendar date written `YYYY-MM-DD`.
///
/// ```
/// assert!(newsparse::validate_date("2024-02-29").is_ok());
/// assert!(newsparse::validate_date("2023-02-29").is_err());
/// ```
///
/// # Errors
/// [`Error::InvalidDate`] naming the date and why it was rejected (not `YYYY-MM-DD`, month or day out of
/// range).
pub fn validate_date(date: &str) -> Result<()> {
    let bad = |reason: &str| Error::InvalidDate {
        value: date.to_string(),
        reason: reason.to_string(),
    };
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad("expected YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32> {
        let s = &date[r];
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().map_err(|_| bad("expected digits"))
        } else {
            Err(bad("expected YYYY-MM-DD with digits"))
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) {
        return Err(bad("month must be 01 to 12"));
    }
    // The calendar (leap years, month lengths) is jiff's.
    let (y, m, d) = (y as i16, m as i8, d as i8);
    if jiff::civil::Date::new(y, m, d).is_err() {
        let days = jiff::civil::Date::new(y, m, 1).map_or(31, |first| first.days_in_month());
        return Err(bad(&format!("day must be 01 to {days} in that month")));
    }
    Ok(())
}

/// Which stages run and what limits apply. Built with [`Parser::builder`].
///
/// ```
/// use newsparse::Parser;
/// let parser = Parser::builder().statistics(false).max_input_bytes(1 << 20).build();
/// let article = parser.parse("Floods\n\nThe floods have killed more than 1,200 people.")?;
/// assert!(article.statistics().is_empty());
/// assert!(parser.parse(&"x".repeat((1 << 20) + 1)).is_err());
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ParserBuilder {
    max_input_bytes: usize,
    actors: bool,
    statements: bool,
    statistics: bool,
    times: bool,
    tokens: bool,
    statement_options: crate::statements::Options,
}

impl Default for ParserBuilder {
    fn default() -> Self {
        ParserBuilder {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            actors: true,
            statements: true,
            statistics: true,
            times: true,
            tokens: false,
            statement_options: crate::statements::Options::default(),
        }
    }
}

impl ParserBuilder {
    /// Inputs larger than this many bytes are rejected with [`Error::InputTooLarge`]
    /// (default [`DEFAULT_MAX_INPUT_BYTES`]).
    pub fn max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }
    /// Whether to find actors (default on). Statements need them to resolve speakers.
    pub fn actors(mut self, on: bool) -> Self {
        self.actors = on;
        self
    }
    /// Whether to find statements (default on).
    pub fn statements(mut self, on: bool) -> Self {
        self.statements = on;
        self
    }
    /// Whether to find statistics (default on).
    pub fn statistics(mut self, on: bool) -> Self {
        self.statistics = on;
        self
    }
    /// Whether to find temporal expressions (default on): [`Article::times`], resolved against the
    /// document's publication date.
    pub fn times(mut self, on: bool) -> Self {
        self.times = on;
        self
    }
    /// Whether the article keeps its tokens with their part-of-speech tags ([`Article::tokens`], JSON
    /// `"tokens"`; default off, so the default output does not grow).
    ///
    /// ```
    /// let parser = newsparse::Parser::builder().tokens(true).build();
    /// let article = parser.parse("The talks resumed.")?;
    /// let pos: Vec<&str> = article.tokens().unwrap_or_default().iter().map(|t| t.pos.as_str()).collect();
    /// assert_eq!(pos, ["DET", "NOUN", "VERB", "PUNCT"]);
    /// assert!(newsparse::parse("The talks resumed.")?.tokens().is_none());
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn tokens(mut self, on: bool) -> Self {
        self.tokens = on;
        self
    }
    /// Whether a continuation quotation joins the statement it continues (default off). In
    /// `"We will rebuild," she said. "It will take years."` the second quotation is, by default, a
    /// statement of its own with no cue (same speaker); with this option it is a second content span of the
    /// first statement (the PolNeAR convention).
    ///
    /// ```
    /// let text = "\"We will rebuild,\" the mayor said. \"It will take years, but we will do it.\"";
    /// let a = newsparse::Parser::new().parse(text)?;
    /// assert_eq!(a.statements().len(), 2);
    /// let b = newsparse::Parser::builder().merge_continuations(true).build().parse(text)?;
    /// assert_eq!(b.statements().len(), 1);
    /// assert_eq!(b.statements()[0].content.len(), 2);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn merge_continuations(mut self, on: bool) -> Self {
        self.statement_options.merge_continuations = on;
        self
    }
    /// What the content of a mixed quotation covers: the whole reported clause ([`MixedContent::Clause`],
    /// the default, as PolNeAR and the Gender Gap Tracker annotate it) or only its quoted fragments
    /// ([`MixedContent::Fragments`]). Either way [`crate::Statement::quoted`] holds the fragments.
    pub fn mixed_content(mut self, mode: MixedContent) -> Self {
        self.statement_options.mixed = mode;
        self
    }
    /// What a statement's cue span covers: the cue word or phrase ([`CueSpan::Word`], the default) or its
    /// verb group ([`CueSpan::VerbGroup`]: "has also said", "said in a statement", "said:", the PolNeAR
    /// convention).
    pub fn cue_span(mut self, mode: CueSpan) -> Self {
        self.statement_options.cue_span = mode;
        self
    }
    /// Whether only cues of speech make statements (default off). By default a belief, intention or
    /// attitude reported with a cue ("believes", "called for", "threatened", "expressed hope") is a
    /// statement too, as in the Gender Gap Tracker; PolNeAR's speech-cue statements leave them out.
    ///
    /// ```
    /// let text = "The mayor believes the bridge will reopen in May.";
    /// let a = newsparse::Parser::new().parse(text)?;
    /// assert_eq!(a.statements().len(), 1);
    /// let b = newsparse::Parser::builder().speech_cues_only(true).build().parse(text)?;
    /// assert!(b.statements().is_empty());
    /// let c = newsparse::Parser::builder().speech_cues_only(true).build().parse("The mayor said the bridge will reopen in May.")?;
    /// assert_eq!(c.statements().len(), 1);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn speech_cues_only(mut self, on: bool) -> Self {
        self.statement_options.speech_only = on;
        self
    }
    /// Whether a trailing non-restrictive clause stays in an indirect statement's content (default off).
    /// By default the clause is the writer's, as the seed annotates it; PolNeAR keeps it.
    ///
    /// ```
    /// let text = "The group said it fired rockets at the base, which the army denied.";
    /// let a = newsparse::Parser::new().parse(text)?;
    /// assert_eq!(a.slice(a.statements()[0].content[0]), "it fired rockets at the base");
    /// let b = newsparse::Parser::builder().keep_trailing_clauses(true).build().parse(text)?;
    /// assert_eq!(b.slice(b.statements()[0].content[0]), "it fired rockets at the base, which the army denied");
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn keep_trailing_clauses(mut self, on: bool) -> Self {
        self.statement_options.keep_trailing = on;
        self
    }
    /// Whether a plain noun phrase after a cue of announcing or noting is what was said (default off). By
    /// default "noted the decline" is no statement (the content of such cues is a clause); PolNeAR
    /// annotates the noun phrase ("announced his resignation", "mentioned the tax plan").
    ///
    /// ```
    /// let text = "The mayor announced her resignation on Monday.";
    /// let a = newsparse::Parser::new().parse(text)?;
    /// assert!(a.statements().is_empty());
    /// let b = newsparse::Parser::builder().noun_phrase_contents(true).build().parse(text)?;
    /// assert_eq!(b.slice(b.statements()[0].content[0]), "her resignation on Monday");
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn noun_phrase_contents(mut self, on: bool) -> Self {
        self.statement_options.np_contents = on;
        self
    }
    /// Builds the parser (and loads the lexicons, once per process).
    pub fn build(self) -> Parser {
        crate::lexicon::preload();
        crate::times::preload();
        if self.tokens {
            crate::tagger::preload();
        }
        Parser { options: self }
    }
}

/// A reusable, thread-safe parser. Build it once and share it (`&Parser` is `Send + Sync`).
///
/// ```
/// let parser = newsparse::Parser::new();
/// let article = parser.parse("Talks resume\n\nThe talks resumed on Monday. Both sides attended.")?;
/// assert_eq!(article.title(), Some("Talks resume"));
/// assert_eq!(article.sentences().len(), 3);
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    options: ParserBuilder,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    /// A parser with the default options.
    pub fn new() -> Parser {
        ParserBuilder::default().build()
    }

    /// A builder to set options.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// The configured input size limit in bytes.
    pub fn max_input_bytes(&self) -> usize {
        self.options.max_input_bytes
    }

    /// Whether continuation quotations join the statement they continue
    /// ([`ParserBuilder::merge_continuations`]).
    pub fn merges_continuations(&self) -> bool {
        self.options.statement_options.merge_continuations
    }

    /// Whether only cues of speech make statements ([`ParserBuilder::speech_cues_only`]).
    pub fn speech_cues_only_mode(&self) -> bool {
        self.options.statement_options.speech_only
    }

    /// Whether trailing clauses stay in indirect content ([`ParserBuilder::keep_trailing_clauses`]).
    pub fn keeps_trailing_clauses(&self) -> bool {
        self.options.statement_options.keep_trailing
    }

    /// Whether a noun phrase after a cue of announcing is content ([`ParserBuilder::noun_phrase_contents`]).
    pub fn noun_phrase_contents_mode(&self) -> bool {
        self.options.statement_options.np_contents
    }

    /// Whether articles keep their tagged tokens ([`ParserBuilder::tokens`]).
    pub fn keeps_tokens(&self) -> bool {
        self.options.tokens
    }

    /// What the content of a mixed quotation covers ([`ParserBuilder::mixed_content`]).
    pub fn mixed_content_mode(&self) -> MixedContent {
        self.options.statement_options.mixed
    }

    /// What a cue span covers ([`ParserBuilder::cue_span`]).
    pub fn cue_span_mode(&self) -> CueSpan {
        self.options.statement_options.cue_span
    }

    /// Parses one article's text.
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] when the text is longer than [`Parser::max_input_bytes`]. Any other text
    /// parses.
    pub fn parse(&self, text: &str) -> Result<Article> {
        self.run(text, None, None, None)
    }

    /// Parses a [`Document`], checking its publication date and echoing its id. An HTML document
    /// ([`Document::from_html`]) goes through [`Parser::parse_html`].
    ///
    /// # Errors
    /// [`Error::InvalidDate`] when the publication date is not a real `YYYY-MM-DD` date,
    /// [`Error::InputTooLarge`] when the text (or the HTML) is longer than [`Parser::max_input_bytes`], and
    /// for HTML the errors of [`Parser::parse_html`].
    pub fn parse_document(&self, doc: &Document) -> Result<Article> {
        if let Some(d) = &doc.published {
            validate_date(d)?;
        }
        if doc.html {
            let mut article = self.parse_html_document(doc)?;
            article.id_literal = doc.id_literal && doc.id.is_some();
            return Ok(article);
        }
        let mut article = self.run(&doc.text, doc.id.clone(), doc.published.clone(), None)?;
        article.id_literal = doc.id_literal && doc.id.is_some();
        Ok(article)
    }

    /// Parses a news page from its HTML: extracts the body, title, authors, publication date, site name and
    /// canonical URL, then parses the body like text. The article's text is the title, a blank line, and the
    /// body's paragraphs separated by blank lines, so every span points into it. `url` is the address the
    /// page came from, when known. The input limit ([`ParserBuilder::max_input_bytes`]) applies to the HTML.
    ///
    /// Errors: [`Error::InputTooLarge`], [`Error::NotHtml`] (empty, binary or markup-free input),
    /// [`Error::NoArticleBody`] (an index page), [`Error::FeatureDisabled`] without the `html` feature.
    pub fn parse_html(&self, html: &str, url: Option<&str>) -> Result<Article> {
        #[cfg(feature = "html")]
        {
            self.run_html(html, url, None, None)
        }
        #[cfg(not(feature = "html"))]
        {
            let _ = (html, url);
            Err(Error::FeatureDisabled {
                feature: "html".to_string(),
            })
        }
    }

    fn parse_html_document(&self, doc: &Document) -> Result<Article> {
        #[cfg(feature = "html")]
        {
            self.run_html(&doc.text, doc.url.as_deref(), doc.id.clone(), doc.published.clone())
        }
        #[cfg(not(feature = "html"))]
        {
            let _ = doc;
            Err(Error::FeatureDisabled {
                feature: "html".to_string(),
            })
        }
    }

    #[cfg(feature = "html")]
    fn run_html(
        &self,
        html: &str,
        url: Option<&str>,
        id: Option<String>,
        published: Option<String>,
    ) -> Result<Article> {
        self.check_size(html)?;
        let crate::page::Page { meta, paragraphs } = crate::page::extract(html, url)?;
        let mut text = String::with_capacity(paragraphs.iter().map(|p| p.len() + 2).sum::<usize>() + 256);
        if let Some(t) = &meta.title {
            text.push_str(t);
        }
        for p in &paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        let published = published.or(meta.published);
        let mut article = self.run(&text, id, published, Some(meta.title.is_some()))?;
        article.authors = meta.authors;
        article.url = meta.url;
        article.site_name = meta.site_name;
        article.language = meta.language;
        Ok(article)
    }

    fn check_size(&self, text: &str) -> Result<()> {
        if text.len() > self.options.max_input_bytes {
            return Err(Error::InputTooLarge {
                size: text.len(),
                limit: self.options.max_input_bytes,
            });
        }
        Ok(())
    }

    fn run(
        &self,
        text: &str,
        id: Option<String>,
        published: Option<String>,
        forced_title: Option<bool>,
    ) -> Result<Article> {
        self.check_size(text)?;
        let mut doc = Doc::with_title(text, forced_title);
        let mut index = if self.options.actors {
            crate::actors::extract(&doc)
        } else {
            crate::actors::ActorIndex::default()
        };
        let mut statements = if self.options.statements {
            crate::statements::extract_with(&doc, &mut index, &self.options.statement_options)
        } else {
            Vec::new()
        };
        let mut statistics = if self.options.statistics {
            crate::statistics::extract(&doc, &index)
        } else {
            Vec::new()
        };
        let (actors, remap) = index.into_actors();
        let map = |id: Option<usize>| id.and_then(|i| remap.get(i).copied().flatten());
        for s in &mut statements {
            s.speaker = map(s.speaker);
            s.via = map(s.via);
        }
        statements.sort_by_key(|s| s.content.first().map_or(0, |c| c.start));
        crate::statements::link_claims(&statements, &mut statistics);
        let times = if self.options.times {
            crate::times::extract(&doc, published.as_deref())
        } else {
            Vec::new()
        };
        crate::times::link_statistics(&doc, &times, &mut statistics);
        let tokens = self.options.tokens.then(|| {
            let penn = crate::tagger::penn::penn_tags(&doc);
            (doc.tokens.iter().enumerate().zip(doc.tags()).zip(penn))
                .map(|(((i, t), &pos), tag)| {
                    crate::Token::new(Span::new(t.start, t.end), pos)
                        .with_tag(tag)
                        .with_name(crate::tagger::names::label(doc.name_class(i)))
                })
                .collect()
        });
        // The sentences' spans replace their token ranges in the same allocation (both are two `usize`s,
        // and collecting a mapped `Vec` reuses it), and the rest of the `Doc` (its tokens above all) is
        // freed before the text is copied: the end of a parse holds no more than its middle.
        let sentences = std::mem::take(&mut doc.sentences)
            .into_iter()
            .map(|s| doc.sentence_span(&s))
            .collect::<Vec<Span>>();
        let (title, paragraphs) = (doc.title, std::mem::take(&mut doc.paragraphs));
        drop(doc);
        Ok(Article {
            id,
            text: text.to_string(),
            published,
            title,
            paragraphs,
            sentences,
            actors,
            statements,
            statistics,
            times,
            id_literal: false,
            authors: Vec::new(),
            url: None,
            site_name: None,
            language: None,
            tokens,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_line_gives_its_text_or_names_the_field_that_is_wrong() {
        let field = |line: &str| match Document::from_json_line(line, 3).1 {
            Err(Error::MissingField { field, line }) => {
                assert_eq!(line, Some(3));
                field
            }
            other => panic!("{line}: {other:?}"),
        };
        let (id, doc) = Document::from_json_line(
            r#"{"id":"a1","text":"Rain fell.\n\nIt rained.","published":"2024-05-01"}"#,
            1,
        );
        let doc = doc.unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.published.as_deref()),
            ("Rain fell.\n\nIt rained.", Some("2024-05-01"))
        );
        assert_eq!(id, serde_json::json!("a1"));
        // negatives: a text that is not a string, no text, a page that is not a string (whatever its URL),
        // and a page with a URL that is not a string
        assert_eq!(field(r#"{"text": 5}"#), "text");
        assert_eq!(field(r#"{"id": 1}"#), "text");
        assert_eq!(field(r#"{"html": 5, "url": 7}"#), "html");
        assert_eq!(field(r#"{"html": "<p>x</p>", "url": 7}"#), "url");
    }

    #[test]
    fn dates() {
        assert!(validate_date("2024-08-26").is_ok());
        assert!(validate_date("2024-02-29").is_ok());
        assert!(validate_date("2023-02-29").is_err());
        assert!(validate_date("2024-13-01").is_err());
        assert!(validate_date("26/08/2024").is_err());
        assert!(validate_date("２０２４-08-26").is_err());
        assert!(validate_date("").is_err());
    }

    #[test]
    fn size_limit_is_a_typed_error() {
        let p = Parser::builder().max_input_bytes(10).build();
        assert_eq!(
            p.parse("0123456789A"),
            Err(Error::InputTooLarge { size: 11, limit: 10 })
        );
        assert!(p.parse("0123456789").is_ok());
    }
}
