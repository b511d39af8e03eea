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
//! `text` (segments, tokens) → `actors` → `statements` → `statistics` → [`Article`]. A [`Parser`] holds only
//! immutable options; the lexicons are loaded once per process and shared by every thread.
//!
//! ## Allocator
//! A parse allocates a few hundred small blocks per article, and with glibc's allocator that costs about a
//! sixth of its time. The `mimalloc` feature makes [mimalloc](https://docs.rs/mimalloc) the global
//! allocator of the program that links newsparse; the Python extension and the README's CLI commands use
//! it. A Rust application keeps its own allocator unless it enables the feature (or sets mimalloc itself).

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod actors;
pub mod batch;
mod error;
#[cfg(feature = "html")]
mod page;
pub mod lexicon;
pub mod model;
mod parser;
mod statements;
mod statistics;
pub mod text;

#[cfg(feature = "python")]
mod python;

/// The global allocator when the `mimalloc` feature is on (see the crate documentation).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use error::{Error, Result};
pub use model::{Actor, ActorKind, Article, Qualifier, Span, Statement, StatementKind, Statistic, StatisticKind};
pub use parser::{DEFAULT_MAX_INPUT_BYTES, Document, Parser, ParserBuilder, validate_date};
pub use statements::{CueSpan, MixedContent};

#[cfg(feature = "html")]
pub use page::{DecodedHtml, decode_html};

/// Parses one article with a default [`Parser`] shared by the whole process.
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
