//! Python bindings (`newsparse._native`, re-exported by the `newsparse` package under `python/`).
//!
//! The core never sees pyo3: this module converts arguments to Rust values first, releases the GIL
//! (`Python::detach`) around the parsing, and only then builds Python objects. Batches run on
//! [`crate::batch::map_in_order`]; a panic while parsing one document is caught and reported for that
//! document (pyo3 turns any other panic into `pyo3_runtime.PanicException`), so Python never aborts.

mod classes;
mod errors;
mod html;
mod tables;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::{Document, Error, Parser};
use classes::{PyArticle, PyParseFailure};

/// mimalloc as the extension module's allocator with the `mimalloc` feature (maturin turns it on, see
/// `pyproject.toml`): the extension is its own shared object, so this does not reach a Rust application.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

static DEFAULT_PARSER: LazyLock<Parser> = LazyLock::new(Parser::new);

/// The Python name of an object's type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Reads the text argument: a `str`, else a TypeError naming the type received. A `str` that is not
/// Unicode text (a lone surrogate, e.g. half of an emoji cut out of a UTF-16 string) raises
/// `InvalidUtf8Error` naming the surrogate and its position.
fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => match s.to_cow() {
            Ok(t) => Ok(t.into_owned()),
            Err(_) => Err(errors::InvalidUtf8Error::new_err(format!(
                "{what} {}",
                surrogate_message(s)
            ))),
        },
        Err(_) => {
            let hint = if obj.is_instance_of::<pyo3::types::PyBytes>() {
                " (decode bytes first, e.g. data.decode('utf-8'))"
            } else {
                ""
            };
            Err(PyTypeError::new_err(format!(
                "{what} must be str, not {}{hint}",
                type_name(obj)
            )))
        }
    }
}

/// Says where the first lone surrogate of a `str` that cannot be encoded as UTF-8 is.
fn surrogate_message(s: &Bound<'_, PyString>) -> String {
    let found = s
        .call_method1("encode", ("utf-8", "surrogatepass"))
        .ok()
        .and_then(|b| b.extract::<Vec<u8>>().ok())
        .and_then(|bytes| first_surrogate(&bytes));
    let tail = "which is not Unicode text (repair it, e.g. text.encode('utf-16', 'surrogatepass').decode('utf-16', \
                'replace'))";
    match found {
        Some((at, unit)) => format!("contains a lone surrogate U+{unit:04X} at code point {at}, {tail}"),
        None => format!("contains a lone surrogate, {tail}"),
    }
}

/// The code-point offset and value of the first surrogate in `bytes` (a str encoded with
/// "surrogatepass", where each surrogate is a 3-byte sequence that is not valid UTF-8).
fn first_surrogate(bytes: &[u8]) -> Option<(usize, u32)> {
    let err = std::str::from_utf8(bytes).err()?;
    let at = err.valid_up_to();
    let prefix = std::str::from_utf8(&bytes[..at]).ok()?;
    let b = bytes.get(at..at + 3)?;
    let unit = (u32::from(b[0] & 0x0F) << 12) | (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F);
    Some((prefix.chars().count(), unit))
}

/// The `datetime.date` class (datetime.datetime and pandas.Timestamp are subclasses).
fn date_class(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    static DATE: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();
    DATE.import(py, "datetime", "date")
}

/// Whether `obj` stands for a missing value: NaN (a float, as pandas stores missing values in object
/// columns), `pd.NA` or `pd.NaT`.
fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if let Ok(f) = obj.cast::<pyo3::types::PyFloat>() {
        return f.value().is_nan();
    }
    let ty = obj.get_type();
    let name = ty.name().map(|n| n.to_string()).unwrap_or_default();
    let module = ty.module().map(|m| m.to_string()).unwrap_or_default();
    (name == "NAType" || name == "NaTType") && module.starts_with("pandas")
}

/// Whether a `published` argument is one value for every document (not a sequence of dates).
fn is_one_date(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(obj.is_none()
        || obj.is_instance_of::<PyString>()
        || is_missing(obj)
        || obj.is_instance(date_class(obj.py())?)?)
}

/// Reads one publication date: `None`, NaN, `pd.NA` and `pd.NaT` are no date; a `str` is read as
/// `YYYY-MM-DD` by the parser; a `datetime.date`, `datetime.datetime` or `pandas.Timestamp` gives its
/// calendar date (a datetime's own date, in its own time zone).
fn date_value(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<String>> {
    if obj.is_none() || is_missing(obj) {
        return Ok(None);
    }
    if obj.is_instance_of::<PyString>() {
        return text_arg(obj, what).map(Some);
    }
    if obj.is_instance(date_class(obj.py())?)? {
        let year: i32 = obj.getattr("year")?.extract()?;
        let month: u32 = obj.getattr("month")?.extract()?;
        let day: u32 = obj.getattr("day")?.extract()?;
        return Ok(Some(format!("{year:04}-{month:02}-{day:02}")));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a str (YYYY-MM-DD), a datetime.date, datetime.datetime or pandas.Timestamp, or a missing \
         value (None, NaN, pd.NA, pd.NaT), not {}",
        type_name(obj)
    )))
}

/// Reads an optional date argument (see [`date_value`]).
fn date_arg(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) => date_value(o, what),
    }
}

/// Reads an optional id argument: None or a `str`.
fn id_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match obj {
        Some(o) if !o.is_none() => text_arg(o, "id").map(Some),
        _ => Ok(None),
    }
}

/// Why one document of a batch produced no article.
enum Failure {
    /// The parser's error.
    Parse(Error),
    /// A Rust panic, caught (a bug in newsparse: please report it).
    Panic(String),
    /// The input could not be read (not a str, or a str with lone surrogates).
    Input(&'static str, String),
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Parses one document on the current thread, catching panics. Needs no GIL.
fn parse_one(parser: &Parser, doc: &Document) -> Result<PyArticle, Failure> {
    match catch_unwind(AssertUnwindSafe(|| parser.parse_document(doc))) {
        Ok(Ok(a)) => Ok(PyArticle::from_core(a)),
        Ok(Err(e)) => Err(Failure::Parse(e)),
        Err(p) => Err(Failure::Panic(panic_message(p))),
    }
}

fn failure_parts(f: &Failure) -> (&'static str, String) {
    match f {
        Failure::Parse(e) => (errors::error_type_name(e), e.to_string()),
        Failure::Panic(m) => (
            "PanicException",
            format!("newsparse panicked (please report this bug): {m}"),
        ),
        Failure::Input(t, m) => (t, m.clone()),
    }
}

fn failure_to_pyerr(f: &Failure, prefix: &str) -> PyErr {
    let (ty, msg) = failure_parts(f);
    let msg = format!("{prefix}{msg}");
    match f {
        Failure::Parse(e) => errors::error_with_message(e, msg),
        _ => errors::from_type_name(ty, msg),
    }
}

fn parse_html_with(
    py: Python<'_>,
    parser: &Parser,
    html: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    let url = date_arg(url, "url")?;
    let mut doc = Document::from_html(text_arg(html, "html")?, url.as_deref());
    doc.published = date_arg(published, "published")?;
    let result = py.detach(|| parse_one(parser, &doc));
    result.map_err(|f| failure_to_pyerr(&f, ""))
}

fn parse_with(
    py: Python<'_>,
    parser: &Parser,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    let mut doc = Document::new(text_arg(text, "text")?);
    doc.published = date_arg(published, "published")?;
    doc.id = id_arg(id)?;
    let result = py.detach(|| parse_one(parser, &doc));
    result.map_err(|f| failure_to_pyerr(&f, ""))
}

#[derive(Clone, Copy, PartialEq)]
enum ErrorMode {
    Raise,
    Skip,
    Return,
}

fn error_mode(errors: &str) -> PyResult<ErrorMode> {
    match errors {
        "raise" => Ok(ErrorMode::Raise),
        "skip" => Ok(ErrorMode::Skip),
        "return" => Ok(ErrorMode::Return),
        other => Err(PyValueError::new_err(format!(
            "errors must be \"raise\", \"skip\" or \"return\", not {other:?}"
        ))),
    }
}

fn threads_arg(n_threads: Option<i64>) -> PyResult<usize> {
    match n_threads {
        None => Ok(crate::batch::default_threads()),
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => Err(PyValueError::new_err(format!(
            "n_threads must be at least 1 (or None for every core), not {n}"
        ))),
    }
}

fn parse_many_with<'py>(
    py: Python<'py>,
    parser: &Parser,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    n_threads: Option<i64>,
    errors: &str,
    html: bool,
) -> PyResult<Bound<'py, PyList>> {
    let mode = error_mode(errors)?;
    let threads = threads_arg(n_threads)?;
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "parse_many() expects an iterable of str, not a single str (use parse() for one text)",
        ));
    }
    // 1. Convert every argument to Rust values while holding the GIL.
    let mut docs: Vec<Result<Document, Failure>> = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        let doc = match item.cast::<PyString>() {
            Ok(s) => match s.to_cow() {
                Ok(t) if html => Ok(Document::from_html(t.into_owned(), None)),
                Ok(t) => Ok(Document::new(t.into_owned())),
                Err(_) => {
                    let msg = format!("text {}", surrogate_message(s));
                    if mode == ErrorMode::Raise {
                        return Err(errors::InvalidUtf8Error::new_err(format!("document {i}: {msg}")));
                    }
                    Err(Failure::Input("InvalidUtf8Error", msg))
                }
            },
            Err(_) => {
                let msg = format!("text must be str, not {}", type_name(&item));
                if mode == ErrorMode::Raise {
                    return Err(PyTypeError::new_err(format!("document {i}: {msg}")));
                }
                Err(Failure::Input("TypeError", msg))
            }
        };
        docs.push(doc);
    }
    match published {
        None => {}
        Some(p) if is_one_date(p)? => {
            let date = date_value(p, "published")?;
            for d in docs.iter_mut().flatten() {
                d.published.clone_from(&date);
            }
        }
        Some(p) => {
            let dates: Vec<Option<String>> = p
                .try_iter()
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "published must be one date (a str, datetime.date, datetime.datetime, pandas.Timestamp or \
                         None) or a sequence of them, one per text, not {}",
                        type_name(p)
                    ))
                })?
                .enumerate()
                .map(|(i, d)| date_value(&d?, &format!("published[{i}]")))
                .collect::<PyResult<_>>()?;
            if dates.len() != docs.len() {
                return Err(PyValueError::new_err(format!(
                    "published has {} dates for {} texts",
                    dates.len(),
                    docs.len()
                )));
            }
            for (d, date) in docs.iter_mut().zip(dates) {
                if let Ok(d) = d {
                    d.published = date;
                }
            }
        }
    }
    // 2. Parse with the GIL released, in parallel, results in input order.
    let results: Vec<Result<PyArticle, Failure>> = py.detach(|| {
        crate::batch::map_in_order(&docs, threads, |d| match d {
            Ok(doc) => parse_one(parser, doc),
            Err(Failure::Input(t, m)) => Err(Failure::Input(t, m.clone())),
            Err(_) => unreachable!("inputs only hold input failures"),
        })
    });
    // 3. Build the Python objects.
    let out = PyList::empty(py);
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(a) => out.append(Bound::new(py, a)?)?,
            Err(f) => match mode {
                ErrorMode::Raise => return Err(failure_to_pyerr(&f, &format!("document {i}: "))),
                ErrorMode::Skip => {}
                ErrorMode::Return => {
                    let (ty, message) = failure_parts(&f);
                    out.append(Bound::new(
                        py,
                        PyParseFailure {
                            index: i,
                            error_type: ty.to_string(),
                            message,
                        },
                    )?)?
                }
            },
        }
    }
    Ok(out)
}

/// A configured parser. Module-level parse() and parse_many() use a default one; make your own to
/// change the input size limit or the statement conventions: merge_continuations=True joins a
/// continuation quotation to the statement it continues, mixed_content="fragments" makes a mixed quotation's
/// content only its quoted fragments (the default "clause" is the whole reported clause), cue_span="verb_group" extends cues to their verb group ("has said",
/// "said in a statement"). speech_cues_only=True leaves out cues of belief or intent ("believe", "call for"),
/// keep_trailing_clauses=True keeps a trailing ", which ..." clause in indirect content, and
/// noun_phrase_contents=True takes a plain noun phrase after "announced", "noted"... as content. All six
/// together are PolNeAR's conventions (the CLI's --polnear); the defaults are the project's.
///
/// actors=False, statements=False or statistics=False switch a stage off (like the Rust builder's
/// `Parser::builder().actors(false)`): its list stays empty and the parse is faster. Statements need
/// actors to name their speakers.
///
/// tokens=True keeps every token with its part-of-speech tag (Article.tokens).
#[pyclass(frozen, module = "newsparse", name = "Parser")]
pub struct PyParser {
    inner: Parser,
    /// Which stages run: actors, statements, statistics (the core parser does not report them back).
    stages: [bool; 3],
}

/// Python names of the statement conventions, one table per option (the names read and the names shown).
const MIXED_NAMES: [(&str, crate::MixedContent); 2] = [
    ("fragments", crate::MixedContent::Fragments),
    ("clause", crate::MixedContent::Clause),
];
const CUE_NAMES: [(&str, crate::CueSpan); 2] = [
    ("word", crate::CueSpan::Word),
    ("verb_group", crate::CueSpan::VerbGroup),
];

/// The option value named `name`, or a ValueError listing the accepted names.
fn option_value<T: Copy>(option: &str, table: &[(&str, T)], name: &str) -> PyResult<T> {
    table.iter().find(|(n, _)| *n == name).map(|&(_, v)| v).ok_or_else(|| {
        let names: Vec<String> = table.iter().map(|(n, _)| format!("{n:?}")).collect();
        pyo3::exceptions::PyValueError::new_err(format!("{option} must be {}, not {name:?}", names.join(" or ")))
    })
}

/// The Python name of an option value.
fn option_name<T: PartialEq>(table: &[(&'static str, T)], value: T) -> &'static str {
    table.iter().find(|(_, v)| *v == value).map_or(table[0].0, |(n, _)| n)
}

fn mixed_name(m: crate::MixedContent) -> &'static str {
    option_name(&MIXED_NAMES, m)
}

fn cue_name(c: crate::CueSpan) -> &'static str {
    option_name(&CUE_NAMES, c)
}

#[pymethods]
impl PyParser {
    #[new]
    #[pyo3(signature = (*, max_input_bytes=crate::DEFAULT_MAX_INPUT_BYTES, actors=true, statements=true, statistics=true, merge_continuations=false, mixed_content="clause", cue_span="word", tokens=false, speech_cues_only=false, keep_trailing_clauses=false, noun_phrase_contents=false))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        max_input_bytes: usize,
        actors: bool,
        statements: bool,
        statistics: bool,
        merge_continuations: bool,
        mixed_content: &str,
        cue_span: &str,
        tokens: bool,
        speech_cues_only: bool,
        keep_trailing_clauses: bool,
        noun_phrase_contents: bool,
    ) -> PyResult<Self> {
        let mixed = option_value("mixed_content", &MIXED_NAMES, mixed_content)?;
        let cue = option_value("cue_span", &CUE_NAMES, cue_span)?;
        let inner = Parser::builder()
            .max_input_bytes(max_input_bytes)
            .actors(actors)
            .statements(statements)
            .statistics(statistics)
            .merge_continuations(merge_continuations)
            .mixed_content(mixed)
            .cue_span(cue)
            .speech_cues_only(speech_cues_only)
            .keep_trailing_clauses(keep_trailing_clauses)
            .noun_phrase_contents(noun_phrase_contents)
            .tokens(tokens)
            .build();
        Ok(PyParser {
            inner,
            stages: [actors, statements, statistics],
        })
    }

    /// Whether the actor stage runs.
    #[getter]
    fn actors(&self) -> bool {
        self.stages[0]
    }

    /// Whether the statement stage runs.
    #[getter]
    fn statements(&self) -> bool {
        self.stages[1]
    }

    /// Whether the statistics stage runs.
    #[getter]
    fn statistics(&self) -> bool {
        self.stages[2]
    }

    /// Whether articles keep their tokens with part-of-speech tags (Article.tokens).
    #[getter]
    fn tokens(&self) -> bool {
        self.inner.keeps_tokens()
    }

    /// Whether a continuation quotation joins the statement it continues.
    #[getter]
    fn merge_continuations(&self) -> bool {
        self.inner.merges_continuations()
    }

    /// "fragments" (the quoted fragments only) or "clause" (the whole reported clause).
    #[getter]
    fn mixed_content(&self) -> &'static str {
        mixed_name(self.inner.mixed_content_mode())
    }

    /// "word" (the cue word or phrase) or "verb_group" (auxiliaries, adverbs and a medium phrase included).
    #[getter]
    fn cue_span(&self) -> &'static str {
        cue_name(self.inner.cue_span_mode())
    }

    /// Whether only cues of speech make statements (not "believe", "call for").
    #[getter]
    fn speech_cues_only(&self) -> bool {
        self.inner.speech_cues_only_mode()
    }

    /// Whether a trailing ", which ..." clause stays in an indirect statement's content.
    #[getter]
    fn keep_trailing_clauses(&self) -> bool {
        self.inner.keeps_trailing_clauses()
    }

    /// Whether a plain noun phrase after "announced", "noted"... is a statement's content.
    #[getter]
    fn noun_phrase_contents(&self) -> bool {
        self.inner.noun_phrase_contents_mode()
    }

    /// Texts longer than this many UTF-8 bytes raise InputTooLargeError.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.inner.max_input_bytes()
    }

    /// Parses one article (see newsparse.parse).
    #[pyo3(signature = (text, published=None, id=None))]
    fn parse(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyArticle> {
        parse_with(py, &self.inner, text, published, id)
    }

    /// Parses one news page from its HTML (see newsparse.parse_html).
    #[pyo3(signature = (html, url=None, *, published=None))]
    fn parse_html(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<&Bound<'_, PyAny>>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyArticle> {
        parse_html_with(py, &self.inner, html, url, published)
    }

    /// Parses many articles in parallel (see newsparse.parse_many).
    #[pyo3(signature = (texts, *, published=None, n_threads=None, errors="raise", html=false))]
    fn parse_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        n_threads: Option<i64>,
        errors: &str,
        html: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        parse_many_with(py, &self.inner, texts, published, n_threads, errors, html)
    }

    fn __repr__(&self) -> String {
        let py_bool = |b: bool| if b { "True" } else { "False" };
        format!(
            "Parser(max_input_bytes={}, actors={}, statements={}, statistics={}, merge_continuations={}, \
             mixed_content='{}', cue_span='{}', speech_cues_only={}, keep_trailing_clauses={}, \
             noun_phrase_contents={})",
            self.inner.max_input_bytes(),
            py_bool(self.stages[0]),
            py_bool(self.stages[1]),
            py_bool(self.stages[2]),
            py_bool(self.inner.merges_continuations()),
            mixed_name(self.inner.mixed_content_mode()),
            cue_name(self.inner.cue_span_mode()),
            py_bool(self.inner.speech_cues_only_mode()),
            py_bool(self.inner.keeps_trailing_clauses()),
            py_bool(self.inner.noun_phrase_contents_mode()),
        )
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<((), Bound<'py, pyo3::types::PyDict>)> {
        let kw = pyo3::types::PyDict::new(py);
        kw.set_item("max_input_bytes", self.inner.max_input_bytes())?;
        kw.set_item("actors", self.stages[0])?;
        kw.set_item("statements", self.stages[1])?;
        kw.set_item("statistics", self.stages[2])?;
        kw.set_item("merge_continuations", self.inner.merges_continuations())?;
        kw.set_item("mixed_content", mixed_name(self.inner.mixed_content_mode()))?;
        kw.set_item("cue_span", cue_name(self.inner.cue_span_mode()))?;
        kw.set_item("tokens", self.inner.keeps_tokens())?;
        kw.set_item("speech_cues_only", self.inner.speech_cues_only_mode())?;
        kw.set_item("keep_trailing_clauses", self.inner.keeps_trailing_clauses())?;
        kw.set_item("noun_phrase_contents", self.inner.noun_phrase_contents_mode())?;
        Ok(((), kw))
    }
}

/// Parses one news article.
///
/// text: the article, as str. published: its publication date as "YYYY-MM-DD", a datetime.date,
/// datetime.datetime or pandas.Timestamp, or a missing value (None, NaN, pd.NA, pd.NaT). id: a str
/// echoed as article.id, or None. Returns an Article whose offsets are code-point offsets into text.
/// Raises TypeError when text is not a str, InvalidUtf8Error when it holds a lone surrogate,
/// InvalidDateError for a bad date, InputTooLargeError past the size limit (2 MiB). The GIL is
/// released while parsing.
#[pyfunction]
#[pyo3(signature = (text, published=None, id=None))]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    parse_with(py, &DEFAULT_PARSER, text, published, id)
}

/// Parses many articles in parallel and returns them in input order.
///
/// texts: an iterable of str (a list, a generator, a pandas Series). published: None, one date for
/// every text, or a sequence of dates (one per text: a list, a pandas Series such as df["published"]);
/// a date is a "YYYY-MM-DD" str, a datetime.date, datetime.datetime or pandas.Timestamp, and None,
/// NaN, pd.NA and pd.NaT mean no date. n_threads: worker threads (default: every
/// core). errors: "raise" (the first failure raises, naming the document), "skip" (failed documents are
/// left out) or "return" (a ParseFailure takes the failed document's place). The arguments are read
/// first; the GIL is released while parsing. html: True when the texts are web pages (as for parse_html).
#[pyfunction]
#[pyo3(signature = (texts, *, published=None, n_threads=None, errors="raise", html=false))]
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    n_threads: Option<i64>,
    errors: &str,
    html: bool,
) -> PyResult<Bound<'py, PyList>> {
    parse_many_with(py, &DEFAULT_PARSER, texts, published, n_threads, errors, html)
}

/// Parses one news page from its HTML: finds the article's body, title, authors and publication date, then
/// parses the body. The article's text is the title, a blank line and the body's paragraphs separated by
/// blank lines; every span points into it. url: the address the page came from, when known. published:
/// a "YYYY-MM-DD" date that wins over the page's own. Raises NotHtmlError (empty or markup-free input),
/// NoArticleBodyError (an index page), InputTooLargeError.
#[pyfunction]
#[pyo3(signature = (html, url=None, *, published=None))]
fn parse_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    parse_html_with(py, &DEFAULT_PARSER, html, url, published)
}

/// Renders an article as a self-contained HTML fragment (what notebooks show), e.g. to save it.
///
/// layers: which highlights to draw, any of "actors", "statements", "statistics" (default: all).
/// max_chars: the text is cut after this many characters, with a visible "Truncated" note (default
/// 100,000; None shows all). Highlights set their own text colour, so they stay readable in dark themes;
/// all article text is HTML-escaped.
#[pyfunction]
#[pyo3(signature = (article, *, layers=None, max_chars=Some(html::DEFAULT_MAX_CHARS)),
       text_signature = "(article, *, layers=None, max_chars=100000)")]
fn render(
    py: Python<'_>,
    article: &Bound<'_, PyArticle>,
    layers: Option<&Bound<'_, PyAny>>,
    max_chars: Option<usize>,
) -> PyResult<String> {
    let mut opts = html::Options {
        max_chars,
        ..html::Options::default()
    };
    if let Some(layers) = layers.filter(|l| !l.is_none()) {
        if layers.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "layers must be a collection of layer names, e.g. [\"statements\"], not a str",
            ));
        }
        let layers: Vec<String> = layers
            .try_iter()?
            .map(|l| l.and_then(|l| text_arg(&l, "a layer")))
            .collect::<PyResult<_>>()?;
        if let Some(bad) = layers.iter().find(|l| !html::LAYERS.contains(&l.as_str())) {
            return Err(PyValueError::new_err(format!(
                "unknown layer '{bad}'; layers are 'actors', 'statements', 'statistics' and 'times'"
            )));
        }
        let has = |name: &str| layers.iter().any(|l| l == name);
        opts.actors = has("actors");
        opts.statements = has("statements");
        opts.statistics = has("statistics");
        opts.times = has("times");
    }
    let a = article.get();
    Ok(py.detach(|| html::render(a, &opts)))
}

/// The number of threads parse_many uses by default (the machine's available parallelism).
#[pyfunction]
fn default_threads() -> usize {
    crate::batch::default_threads()
}

/// Test hook: panics inside Rust, to check that a panic surfaces as an exception and never aborts.
#[pyfunction]
fn _panic(message: &str) -> PyResult<()> {
    panic!("{message}")
}

/// The classes compare by value (`==`, `!=`) but have no order: Python lists `__lt__`, `__le__`, `__gt__`
/// and `__ge__` in their namespace anyway (they share the comparison slot with `__eq__`) and they only
/// raise TypeError. Removing them keeps `help()`, `dir()` and autocompletion honest; `<` still raises
/// TypeError (object's methods answer NotImplemented).
fn drop_ordering_methods(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for class in [
        "Span",
        "Mention",
        "Actor",
        "Statement",
        "Statistic",
        "Article",
        "ParseFailure",
    ] {
        let ty = m.getattr(class)?;
        for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
            if ty.getattr("__dict__")?.contains(name)? {
                ty.delattr(name)?;
            }
        }
    }
    Ok(())
}

/// Fast, model-free extraction of actors, quotations and statistics from English news articles.
#[pymodule]
#[pyo3(name = "_native")]
mod native {
    #[pymodule_export]
    use super::PyParser;
    #[pymodule_export]
    use super::classes::{PyActor, PyArticle, PyMention, PyParseFailure, PySpan, PyStatement, PyStatistic};
    #[pymodule_export]
    use super::errors::{
        FeatureDisabledError, InconsistentJsonError, InputTooLargeError, InvalidDateError, InvalidJsonError,
        InvalidSpanError, InvalidUtf8Error, MissingFieldError, NewsparseError, NoArticleBodyError, NotHtmlError,
    };
    #[pymodule_export]
    use super::tables::{_table_columns, _table_schema};
    #[pymodule_export]
    use super::{_panic, default_threads, parse, parse_html, parse_many, render};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        super::drop_ordering_methods(m)
    }

    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");

    #[pymodule_export]
    const DEFAULT_MAX_INPUT_BYTES: usize = crate::DEFAULT_MAX_INPUT_BYTES;
}
