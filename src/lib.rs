//! # newsparse
//!
//! Turns English news articles into structured data, fast and with no model to download: the title,
//! paragraphs and sentences; the **actors** (people with titles and affiliations, organisations, countries,
//! places, anonymous sources, groups); the **statements** (who said what: direct, indirect and mixed quotes
//! with speaker, cue and content); and the **statistics** (reported numbers with their value, bounds, unit
//! and event).
//!
//! ```
//! let text = "Talks stall\n\n\
//!             \"We will not give up,\" the minister said on Monday.";
//! let article = newsparse::parse(text)?;
//! assert_eq!(article.title(), Some("Talks stall"));
//! for s in article.statements() {
//!     let who = article.speaker(s).map_or("unknown", |a| a.name.as_str());
//!     let what: Vec<&str> = s.content.iter().map(|&c| article.slice(c)).collect();
//!     println!("{who} said {what:?}");
//! }
//! # Ok::<(), newsparse::Error>(())
//! ```
//!
//! ## Offsets
//! In Rust, [`Span`]s are byte offsets into [`Article::text`]. The JSON form ([`Article::to_json`], the CLI)
//! and the Python API use Unicode code-point offsets, and every span there carries its `text`. Offsets always
//! point into the text exactly as it was given (CRLF, NBSP, BOM, curly quotes included).
//!
//! ## Stages
//! `text` (segments, tokens) → `tagger` (part-of-speech tags) → `actors` → `statements` → `statistics` → [`Article`]. A [`Parser`] holds only
//! immutable options; the lexicons are loaded once per process and shared by every thread.
//!
//! ## Allocator
//! The library never sets the global allocator: your program keeps its own, whatever features are on.
//! A parse allocates a few hundred small blocks per article, and with glibc's allocator that costs about a
//! sixth of its time, so the `newsparse` CLI and the Python extension, built with the `mimalloc` feature,
//! install [mimalloc](https://docs.rs/mimalloc) in their own binaries. A Rust application that wants the
//! same speed-up sets it itself:
//!
//! ```ignore
//! #[global_allocator]
//! static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod actors;
pub(crate) mod batch;
mod error;
pub(crate) mod lexicon;
pub mod model;
#[cfg(feature = "html")]
mod page;
mod parser;
mod statements;
mod statistics;
mod tagger;
mod times;
/// The training program of the part-of-speech model (feature `train`, not part of the library's API).
#[cfg(feature = "train")]
#[doc(hidden)]
pub use tagger::train as tagger_train;
pub(crate) mod text;

#[cfg(feature = "python")]
mod python;

pub use batch::{BatchInput, parse_many};
pub use error::{Error, Result};
pub use model::Token;
pub use model::json::SCHEMA as JSON_SCHEMA;
pub use model::{
    Actor, ActorKind, Article, Qualifier, Span, Statement, StatementKind, Statistic, StatisticKind, TimeExpr, TimeKind,
};
pub use parser::{DEFAULT_MAX_INPUT_BYTES, Document, Parser, ParserBuilder, validate_date};
pub use statements::{CueSpan, MixedContent};
pub use tagger::Upos;
pub use text::offsets::OffsetMap;

/// **Unstable** internals for the crate's own benchmarks, fuzz targets and CLI: no semver guarantee, may
/// change or disappear in any release. Applications use the rest of the API.
#[doc(hidden)]
pub mod unstable {
    pub use crate::batch::map_in_order;
    pub use crate::lexicon::preload;
    pub use crate::tagger::preload as preload_tagger;
    pub use crate::text::Doc;

    /// Runs the `tagger` stage alone on a segmented document (fresh tags every call); returns the number
    /// of tokens tagged as a proper noun, so the work cannot be optimised away.
    pub fn tag(doc: &Doc) -> usize {
        crate::tagger::tag(doc)
            .iter()
            .filter(|&&u| u == crate::Upos::Propn)
            .count()
    }

    /// Runs the name model alone on a segmented document, as the token view does (fresh tags every
    /// call); returns the number of tokens tagged as in a name, so the work cannot be optimised away.
    pub fn tag_names(doc: &Doc) -> usize {
        crate::tagger::names::tag_names(doc)
            .iter()
            .filter(|&&c| c != crate::tagger::names::O)
            .count()
    }
}

#[cfg(feature = "html")]
pub use page::{DecodedHtml, decode_html};

/// Parses one article with a default [`Parser`] shared by the whole process.
///
/// # Errors
/// [`Error::InputTooLarge`] when the text is longer than [`DEFAULT_MAX_INPUT_BYTES`].
pub fn parse(text: &str) -> Result<Article> {
    static PARSER: std::sync::LazyLock<Parser> = std::sync::LazyLock::new(Parser::new);
    PARSER.parse(text)
}

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[allow(dead_code)]
const fn assert_send_sync<T: Send + Sync>() {}
const _: () = {
    assert_send_sync::<Parser>();
    assert_send_sync::<Article>();
    assert_send_sync::<Error>();
    assert_send_sync::<Document>();
};
