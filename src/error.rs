//! The crate's error type.

/// Everything that can go wrong when parsing or (de)serialising an article.
///
/// Each variant names what was wrong and where, so a caller can report it or act on it.
///
/// ```
/// use newsparse::{Document, Error, Parser};
/// let doc = Document::new("Rain\n\nIt rained.").with_published("2023-02-29");
/// match Parser::new().parse_document(&doc) {
///     Err(Error::InvalidDate { value, .. }) => assert_eq!(value, "2023-02-29"),
///     other => panic!("expected an invalid date, got {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the parser's configured limit ([`crate::ParserBuilder::max_input_bytes`]).
    #[error("input too large: {size} bytes, the limit is {limit} bytes")]
    InputTooLarge {
        /// Size of the rejected input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// A publication date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid publication date {value:?}: {reason}")]
    InvalidDate {
        /// The date as given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A line of JSON input that could not be read (CLI `--jsonl` mode, [`crate::Article::from_json`]).
    #[error("invalid JSON{}: {message}", line.map(|l| format!(" on line {l}")).unwrap_or_default())]
    InvalidJson {
        /// 1-based line number, when the JSON came from a JSON Lines stream.
        line: Option<usize>,
        /// What the JSON reader reported.
        message: String,
    },
    /// A JSON document lacks a required field or has it with the wrong type.
    #[error("missing or invalid field {field:?}{}", line.map(|l| format!(" on line {l}")).unwrap_or_default())]
    MissingField {
        /// 1-based line number, when the JSON came from a JSON Lines stream.
        line: Option<usize>,
        /// The field's name.
        field: String,
    },
    /// Input bytes that are not valid UTF-8.
    #[error("{source_name}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Where the bytes came from (a file name, `<stdin>`).
        source_name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A span (in a deserialised article) that does not lie inside the text on character boundaries.
    #[error("invalid span {start}..{end} in {field}: the text has {len} characters")]
    InvalidSpan {
        /// Which field held the span.
        field: String,
        /// Start offset as given (code points).
        start: usize,
        /// End offset as given (code points).
        end: usize,
        /// Length of the text in code points.
        len: usize,
    },
    /// A deserialised article that contradicts itself: an actor id that is not its position, a statement's
    /// speaker or via that names no actor, a span whose `text` differs from the slice it points to.
    #[error("inconsistent article JSON at {field}: {reason}")]
    InconsistentJson {
        /// Where: the field with its place (`statements[2].via`, `actors[0].mentions[1]`).
        field: String,
        /// What is wrong.
        reason: String,
    },
}

/// Shorthand for `Result<T, newsparse::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
