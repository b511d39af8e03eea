//! The Python classes: frozen views of the Rust model with **code-point** offsets.
//!
//! Conversion from the Rust model ([`PyArticle::from_core`]) needs no Python object, so batches convert on
//! their worker threads with the GIL released; Python objects are made only when an attribute is read.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::model::{self, Article};
use crate::text::offsets::OffsetMap;

fn opt_repr(py: Python<'_>, v: &Option<String>) -> PyResult<String> {
    match v {
        Some(s) => str_repr(py, s),
        None => Ok("None".to_string()),
    }
}

fn str_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_cow()?.into_owned())
}

/// Shortens `s` to at most `n` characters, with an ellipsis when cut.
pub(crate) fn shorten(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A stretch of the article text: `text[start:end]`, with Unicode code-point offsets (what Python's
/// str slicing uses), end exclusive.
#[pyclass(frozen, eq, hash, from_py_object, module = "newsparse", name = "Span")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PySpan {
    /// Code-point offset of the first character.
    #[pyo3(get)]
    pub start: usize,
    /// Code-point offset one past the last character.
    #[pyo3(get)]
    pub end: usize,
    /// The text of the span, equal to article.text[start:end].
    #[pyo3(get)]
    pub text: String,
}

#[pymethods]
impl PySpan {
    #[new]
    fn py_new(start: usize, end: usize, text: String) -> Self {
        PySpan { start, end, text }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Span({}, {}, {})",
            self.start,
            self.end,
            str_repr(py, &self.text)?
        ))
    }

    fn __len__(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    fn __getnewargs__(&self) -> (usize, usize, String) {
        (self.start, self.end, self.text.clone())
    }

    /// The span as a dict {"start", "end", "text"} (its JSON form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), self.start)?;
        d.set_item(intern!(py, "end"), self.end)?;
        d.set_item(intern!(py, "text"), &self.text)?;
        Ok(d)
    }
}

fn opt_span_dict<'py>(py: Python<'py>, s: &Option<PySpan>) -> PyResult<Bound<'py, PyAny>> {
    match s {
        Some(s) => Ok(s.to_dict(py)?.into_any()),
        None => Ok(py.None().into_bound(py)),
    }
}

fn spans_list<'py>(py: Python<'py>, spans: &[PySpan]) -> PyResult<Bound<'py, PyList>> {
    let l = PyList::empty(py);
    for s in spans {
        l.append(s.to_dict(py)?)?;
    }
    Ok(l)
}

const ACTOR_KINDS: [&str; 6] = ["person", "organization", "country", "location", "group", "source"];

/// One real-world entity of the article (a person, organization, country, location, group or anonymous
/// source) with every mention of it.
#[pyclass(frozen, eq, hash, from_py_object, module = "newsparse", name = "Actor")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyActor {
    /// Index of the actor in Article.actors; statements refer to actors by this id.
    #[pyo3(get)]
    pub id: usize,
    /// Canonical name: the fullest name seen, or the phrase for sources and groups.
    #[pyo3(get)]
    pub name: String,
    /// "person", "organization", "country", "location", "group" or "source".
    #[pyo3(get)]
    pub kind: String,
    /// Titles and roles ("Prime Minister", "commander"), in order of first appearance.
    #[pyo3(get)]
    pub titles: Vec<String>,
    /// The country or organization the actor belongs to or speaks for, if known.
    #[pyo3(get)]
    pub affiliation: Option<String>,
    /// Every mention of the actor in the text, in text order.
    #[pyo3(get)]
    pub mentions: Vec<PySpan>,
}

#[pymethods]
impl PyActor {
    #[new]
    #[pyo3(signature = (id, name, kind, titles, affiliation, mentions))]
    fn py_new(
        id: usize,
        name: String,
        kind: String,
        titles: Vec<String>,
        affiliation: Option<String>,
        mentions: Vec<PySpan>,
    ) -> PyResult<Self> {
        if !ACTOR_KINDS.contains(&kind.as_str()) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown actor kind {kind:?}; expected one of {ACTOR_KINDS:?}"
            )));
        }
        Ok(PyActor {
            id,
            name,
            kind,
            titles,
            affiliation,
            mentions,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Actor(id={}, name={}, kind={}, mentions={})",
            self.id,
            str_repr(py, &self.name)?,
            str_repr(py, &self.kind)?,
            self.mentions.len()
        ))
    }

    fn __getnewargs__(&self) -> (usize, String, String, Vec<String>, Option<String>, Vec<PySpan>) {
        (
            self.id,
            self.name.clone(),
            self.kind.clone(),
            self.titles.clone(),
            self.affiliation.clone(),
            self.mentions.clone(),
        )
    }

    /// The actor as a dict, exactly as in the JSON contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "id"), self.id)?;
        d.set_item(intern!(py, "name"), &self.name)?;
        d.set_item(intern!(py, "kind"), &self.kind)?;
        d.set_item(intern!(py, "titles"), &self.titles)?;
        d.set_item(intern!(py, "affiliation"), &self.affiliation)?;
        d.set_item(intern!(py, "mentions"), spans_list(py, &self.mentions)?)?;
        Ok(d)
    }
}

const STATEMENT_KINDS: [&str; 3] = ["direct", "indirect", "mixed"];

/// Who said what: one direct, indirect or mixed quotation.
#[pyclass(frozen, eq, hash, from_py_object, module = "newsparse", name = "Statement")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyStatement {
    /// "direct" (quoted words), "indirect" (reported speech) or "mixed".
    #[pyo3(get)]
    pub kind: String,
    /// The speaker's actor id (an index into Article.actors), or None when unresolved.
    #[pyo3(get)]
    pub speaker: Option<usize>,
    /// The speaker's mention as written near the statement ("the ministry", "he"), if any.
    #[pyo3(get)]
    pub speaker_mention: Option<PySpan>,
    /// The cue ("said", "told", "according to"), if any.
    #[pyo3(get)]
    pub cue: Option<PySpan>,
    /// What was said: one span, or several for split and mixed quotes.
    #[pyo3(get)]
    pub content: Vec<PySpan>,
    /// The actor id of whoever relays the statement ("..., Irna reported"), if not the speaker.
    #[pyo3(get)]
    pub via: Option<usize>,
    /// The speaker's verbatim words, the spans between quotation marks: a direct quotation's content, a
    /// mixed one's quoted fragments, nothing for indirect speech.
    #[pyo3(get)]
    pub quoted: Vec<PySpan>,
}

#[pymethods]
impl PyStatement {
    #[new]
    #[pyo3(signature = (kind, speaker, speaker_mention, cue, content, via, quoted=Vec::new()))]
    fn py_new(
        kind: String,
        speaker: Option<usize>,
        speaker_mention: Option<PySpan>,
        cue: Option<PySpan>,
        content: Vec<PySpan>,
        via: Option<usize>,
        quoted: Vec<PySpan>,
    ) -> PyResult<Self> {
        if !STATEMENT_KINDS.contains(&kind.as_str()) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown statement kind {kind:?}; expected one of {STATEMENT_KINDS:?}"
            )));
        }
        Ok(PyStatement {
            kind,
            speaker,
            speaker_mention,
            cue,
            content,
            via,
            quoted,
        })
    }

    /// The content spans' texts joined with " … ".
    #[getter]
    fn text(&self) -> String {
        self.joined_text()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let speaker = self.speaker.map_or_else(|| "None".to_string(), |s| s.to_string());
        Ok(format!(
            "Statement(kind={}, speaker={}, text={})",
            str_repr(py, &self.kind)?,
            speaker,
            str_repr(py, &shorten(&self.joined_text(), 60))?
        ))
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
    ) -> (
        String,
        Option<usize>,
        Option<PySpan>,
        Option<PySpan>,
        Vec<PySpan>,
        Option<usize>,
        Vec<PySpan>,
    ) {
        (
            self.kind.clone(),
            self.speaker,
            self.speaker_mention.clone(),
            self.cue.clone(),
            self.content.clone(),
            self.via,
            self.quoted.clone(),
        )
    }

    /// The statement as a dict, exactly as in the JSON contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "kind"), &self.kind)?;
        d.set_item(intern!(py, "speaker"), self.speaker)?;
        d.set_item(
            intern!(py, "speaker_mention"),
            opt_span_dict(py, &self.speaker_mention)?,
        )?;
        d.set_item(intern!(py, "cue"), opt_span_dict(py, &self.cue)?)?;
        d.set_item(intern!(py, "content"), spans_list(py, &self.content)?)?;
        d.set_item(intern!(py, "via"), self.via)?;
        d.set_item(intern!(py, "quoted"), spans_list(py, &self.quoted)?)?;
        Ok(d)
    }
}

impl PyStatement {
    pub(crate) fn joined_text(&self) -> String {
        self.content
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

/// A number the article reports about the world, with its value, bounds, qualifier, unit and event.
#[pyclass(frozen, eq, hash, from_py_object, module = "newsparse", name = "Statistic")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyStatistic {
    /// Code-point offset of the first character of the whole expression.
    #[pyo3(get)]
    pub start: usize,
    /// Code-point offset one past its last character.
    #[pyo3(get)]
    pub end: usize,
    /// The expression as written ("more than 40,400 people").
    #[pyo3(get)]
    pub text: String,
    /// The value, when a single one is given; None for ranges and vague counts.
    #[pyo3(get)]
    pub value: Option<f64>,
    /// Lower bound, when stated or implied.
    #[pyo3(get)]
    pub lower: Option<f64>,
    /// Upper bound, when stated or implied.
    #[pyo3(get)]
    pub upper: Option<f64>,
    /// "exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "increase" or
    /// "decrease".
    #[pyo3(get)]
    pub qualifier: String,
    /// What is counted or measured ("people", "USD", "km"), if known.
    #[pyo3(get)]
    pub unit: Option<String>,
    /// "count", "money", "percent", "measure", "fraction" or "number", if known.
    #[pyo3(get)]
    pub kind: Option<String>,
    /// The event the number is about, as written ("killed"), if known.
    #[pyo3(get)]
    pub context: Option<String>,
    /// The event as a lemma ("kill"), if known.
    #[pyo3(get)]
    pub context_lemma: Option<String>,
    /// The actor id of whoever claims the number (the speaker of the statement holding it, or X of
    /// "according to X"); None for a number in the narrator's voice.
    #[pyo3(get)]
    pub claimed_by: Option<usize>,
    /// The index in Article.statements of the statement whose content holds the number, if any.
    #[pyo3(get)]
    pub statement: Option<usize>,
    /// Where a change started ("fell from 3.9% to 3.6%" → 3.9; `value` is 3.6), if stated.
    #[pyo3(get)]
    pub from_value: Option<f64>,
    /// The index in Article.times of the time the number refers to ("In 2023, exports rose 5%"), when
    /// one is in its clause.
    #[pyo3(get)]
    pub time: Option<usize>,
}

#[pymethods]
impl PyStatistic {
    #[new]
    #[pyo3(signature = (start, end, text, value, lower, upper, qualifier, unit, kind, context, context_lemma=None, claimed_by=None, statement=None, from_value=None, time=None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        start: usize,
        end: usize,
        text: String,
        value: Option<f64>,
        lower: Option<f64>,
        upper: Option<f64>,
        qualifier: String,
        unit: Option<String>,
        kind: Option<String>,
        context: Option<String>,
        context_lemma: Option<String>,
        claimed_by: Option<usize>,
        statement: Option<usize>,
        from_value: Option<f64>,
        time: Option<usize>,
    ) -> Self {
        PyStatistic {
            start,
            end,
            text,
            value,
            lower,
            upper,
            qualifier,
            unit,
            kind,
            context,
            context_lemma,
            claimed_by,
            statement,
            from_value,
            time,
        }
    }

    /// The expression's span.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan {
            start: self.start,
            end: self.end,
            text: self.text.clone(),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let value = self.value.map_or_else(|| "None".to_string(), |v| format!("{v:?}"));
        Ok(format!(
            "Statistic({}, value={}, unit={}, context={})",
            str_repr(py, &self.text)?,
            value,
            opt_repr(py, &self.unit)?,
            opt_repr(py, &self.context)?
        ))
    }

    /// The constructor's arguments (15 of them: more than pyo3 converts as a Rust tuple).
    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items: [Bound<'py, PyAny>; 15] = [
            self.start.into_pyobject(py)?.into_any(),
            self.end.into_pyobject(py)?.into_any(),
            PyString::new(py, &self.text).into_any(),
            self.value.into_pyobject(py)?.into_any(),
            self.lower.into_pyobject(py)?.into_any(),
            self.upper.into_pyobject(py)?.into_any(),
            PyString::new(py, &self.qualifier).into_any(),
            self.unit.as_deref().into_pyobject(py)?.into_any(),
            self.kind.as_deref().into_pyobject(py)?.into_any(),
            self.context.as_deref().into_pyobject(py)?.into_any(),
            self.context_lemma.as_deref().into_pyobject(py)?.into_any(),
            self.claimed_by.into_pyobject(py)?.into_any(),
            self.statement.into_pyobject(py)?.into_any(),
            self.from_value.into_pyobject(py)?.into_any(),
            self.time.into_pyobject(py)?.into_any(),
        ];
        PyTuple::new(py, items)
    }

    /// The statistic as a dict, exactly as in the JSON contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), self.start)?;
        d.set_item(intern!(py, "end"), self.end)?;
        d.set_item(intern!(py, "text"), &self.text)?;
        d.set_item(intern!(py, "value"), self.value)?;
        d.set_item(intern!(py, "lower"), self.lower)?;
        d.set_item(intern!(py, "upper"), self.upper)?;
        d.set_item(intern!(py, "qualifier"), &self.qualifier)?;
        d.set_item(intern!(py, "unit"), &self.unit)?;
        d.set_item(intern!(py, "kind"), &self.kind)?;
        d.set_item(intern!(py, "context"), &self.context)?;
        d.set_item(intern!(py, "context_lemma"), &self.context_lemma)?;
        d.set_item(intern!(py, "claimed_by"), self.claimed_by)?;
        d.set_item(intern!(py, "statement"), self.statement)?;
        d.set_item(intern!(py, "from_value"), self.from_value)?;
        d.set_item(intern!(py, "time"), self.time)?;
        Ok(d)
    }
}

/// The bits of an optional float for hashing, with -0.0 and 0.0 alike (they compare equal).
fn float_key(v: Option<f64>) -> Option<u64> {
    v.map(|x| if x == 0.0 { 0 } else { x.to_bits() })
}

impl std::hash::Hash for PyStatistic {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Floats hash by their bits: equal values hash alike, and a NaN (never equal) may hash anyhow.
        (self.start, self.end, &self.text, &self.qualifier).hash(state);
        (float_key(self.value), float_key(self.lower), float_key(self.upper)).hash(state);
        (&self.unit, &self.kind, &self.context, &self.context_lemma).hash(state);
        (self.claimed_by, self.statement, float_key(self.from_value), self.time).hash(state);
    }
}

/// One mention of an actor in the text, labelled with the actor's kind: the items of
/// `Article.mentions` (what spaCy users know as `doc.ents`).
#[pyclass(frozen, eq, hash, from_py_object, module = "newsparse", name = "Mention")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyMention {
    /// Code-point offset of the first character.
    #[pyo3(get)]
    pub start: usize,
    /// Code-point offset one past the last character.
    #[pyo3(get)]
    pub end: usize,
    /// The mention as written, equal to article.text[start:end].
    #[pyo3(get)]
    pub text: String,
    /// The actor's kind: "person", "organization", "country", "location", "group" or "source".
    #[pyo3(get)]
    pub label: String,
    /// The actor's id (an index into Article.actors).
    #[pyo3(get)]
    pub actor: usize,
}

#[pymethods]
impl PyMention {
    #[new]
    fn py_new(start: usize, end: usize, text: String, label: String, actor: usize) -> PyResult<Self> {
        if !ACTOR_KINDS.contains(&label.as_str()) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown mention label {label:?}; expected one of {ACTOR_KINDS:?}"
            )));
        }
        Ok(PyMention {
            start,
            end,
            text,
            label,
            actor,
        })
    }

    /// The mention's span.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan {
            start: self.start,
            end: self.end,
            text: self.text.clone(),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Mention({}, {}, {}, label={}, actor={})",
            self.start,
            self.end,
            str_repr(py, &self.text)?,
            str_repr(py, &self.label)?,
            self.actor
        ))
    }

    fn __getnewargs__(&self) -> (usize, usize, String, String, usize) {
        (self.start, self.end, self.text.clone(), self.label.clone(), self.actor)
    }
}

/// A range kept with both its byte offsets (to slice the Rust text) and its code-point offsets.
#[derive(Debug, Clone, Copy)]
struct Range2 {
    bytes: model::Span,
    start: usize,
    end: usize,
}

/// A parsed news article: its text, title, paragraphs, sentences, actors, statements and statistics.
///
/// Every offset is a Unicode code-point offset into `text` (so `article.text[s.start:s.end] == s.text`).
/// Attributes that hold lists build a new list on each access: bind them to a name inside loops.
#[pyclass(frozen, eq, module = "newsparse", name = "Article")]
#[derive(Debug)]
pub struct PyArticle {
    pub(crate) core: Article,
    title_span: Option<PySpan>,
    paragraphs: Vec<Range2>,
    sentences: Vec<Range2>,
    pub(crate) actors: Vec<PyActor>,
    pub(crate) statements: Vec<PyStatement>,
    pub(crate) statistics: Vec<PyStatistic>,
    /// The code-point span of each of `core.times()`.
    pub(crate) time_spans: Vec<(usize, usize)>,
}

impl PartialEq for PyArticle {
    fn eq(&self, other: &Self) -> bool {
        self.core == other.core
    }
}

impl PyArticle {
    /// Converts a Rust article (byte offsets) to its Python form (code-point offsets). Needs no GIL.
    pub(crate) fn from_core(core: Article) -> PyArticle {
        let map = OffsetMap::new(core.text());
        let span = |s: model::Span| PySpan {
            start: map.to_char(s.start),
            end: map.to_char(s.end),
            text: core.slice(s).to_string(),
        };
        let range = |s: &model::Span| Range2 {
            bytes: *s,
            start: map.to_char(s.start),
            end: map.to_char(s.end),
        };
        let actors = core
            .actors()
            .iter()
            .map(|a| PyActor {
                id: a.id,
                name: a.name.clone(),
                kind: a.kind.as_str().to_string(),
                titles: a.titles.clone(),
                affiliation: a.affiliation.clone(),
                mentions: a.mentions.iter().map(|&m| span(m)).collect(),
            })
            .collect();
        let statements = core
            .statements()
            .iter()
            .map(|s| PyStatement {
                kind: s.kind.as_str().to_string(),
                speaker: s.speaker,
                speaker_mention: s.speaker_mention.map(span),
                cue: s.cue.map(span),
                content: s.content.iter().map(|&c| span(c)).collect(),
                via: s.via,
                quoted: s.quoted.iter().map(|&c| span(c)).collect(),
            })
            .collect();
        let statistics = core
            .statistics()
            .iter()
            .map(|s| {
                let sp = span(s.span);
                PyStatistic {
                    start: sp.start,
                    end: sp.end,
                    text: sp.text,
                    value: s.value,
                    lower: s.lower,
                    upper: s.upper,
                    qualifier: s.qualifier.as_str().to_string(),
                    unit: s.unit.clone(),
                    kind: s.kind.map(|k| k.as_str().to_string()),
                    context: s.context.clone(),
                    context_lemma: s.context_lemma.clone(),
                    claimed_by: s.claimed_by,
                    statement: s.statement,
                    from_value: s.from_value,
                    time: s.time,
                }
            })
            .collect();
        PyArticle {
            title_span: core.title_span().map(span),
            paragraphs: core.paragraphs().iter().map(range).collect(),
            sentences: core.sentences().iter().map(range).collect(),
            actors,
            statements,
            statistics,
            time_spans: core
                .times()
                .iter()
                .map(|t| (map.to_char(t.span.start), map.to_char(t.span.end)))
                .collect(),
            core,
        }
    }

    /// The text's length in code points.
    pub(crate) fn char_len(&self) -> usize {
        self.core.text().chars().count()
    }

    fn spans(&self, ranges: &[Range2]) -> Vec<PySpan> {
        ranges
            .iter()
            .map(|r| PySpan {
                start: r.start,
                end: r.end,
                text: self.core.slice(r.bytes).to_string(),
            })
            .collect()
    }

    fn ranges_list<'py>(py: Python<'py>, ranges: &[Range2]) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for r in ranges {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "start"), r.start)?;
            d.set_item(intern!(py, "end"), r.end)?;
            l.append(d)?;
        }
        Ok(l)
    }
}

#[pymethods]
impl PyArticle {
    /// Reads an article back from the JSON written by Article.to_json() or the newsparse CLI.
    ///
    /// Raises InvalidJsonError, MissingFieldError or InvalidSpanError when the JSON is not such an
    /// article.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<PyArticle> {
        let json = json.to_owned();
        let core = py
            .detach(move || Article::from_json(&json))
            .map_err(|e| super::errors::to_pyerr(&e))?;
        Ok(PyArticle::from_core(core))
    }

    /// The text exactly as it was passed in.
    #[getter]
    fn text(&self) -> &str {
        self.core.text()
    }

    /// The document id, if one was given (None for texts parsed with parse()).
    #[getter]
    fn id(&self) -> Option<&str> {
        self.core.id()
    }

    /// The publication date (YYYY-MM-DD), if one was given.
    #[getter]
    fn published(&self) -> Option<&str> {
        self.core.published()
    }

    /// The authors' names, for an article parsed from HTML (parse_html); empty otherwise.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.core.authors().to_vec()
    }

    /// The page's canonical URL (else the URL given), for an article parsed from HTML.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.core.url()
    }

    /// The site's name, for an article parsed from HTML.
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.core.site_name()
    }

    /// The page's declared language ("en", "en-GB"), for an article parsed from HTML (parse_html).
    #[getter]
    fn language(&self) -> Option<&str> {
        self.core.language()
    }

    /// The title: the first line when it stands alone as a headline, else None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.core.title()
    }

    /// The title's span, or None.
    #[getter]
    fn title_span(&self) -> Option<PySpan> {
        self.title_span.clone()
    }

    /// The paragraphs in text order (the title, when there is one, is the first).
    #[getter]
    fn paragraphs(&self) -> Vec<PySpan> {
        self.spans(&self.paragraphs)
    }

    /// The sentences in text order; none crosses a paragraph boundary.
    #[getter]
    fn sentences(&self) -> Vec<PySpan> {
        self.spans(&self.sentences)
    }

    /// The actors; article.actors[i].id == i.
    #[getter]
    fn actors(&self) -> Vec<PyActor> {
        self.actors.clone()
    }

    /// The statements (quotations), in text order.
    #[getter]
    fn statements(&self) -> Vec<PyStatement> {
        self.statements.clone()
    }

    /// The statistics, in text order.
    #[getter]
    fn statistics(&self) -> Vec<PyStatistic> {
        self.statistics.clone()
    }

    /// The tokens with their part-of-speech and name tags, as dicts {"start", "end", "text", "pos", "tag",
    /// "name"} (code-point offsets; "pos" the UPOS tag, "tag" the Penn tag or None, "name" the name tag
    /// "B-PER", "I-ORG", "B-LOC", "I-OTH"... or None outside names); None unless the parser was made with
    /// Parser(tokens=True).
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        let Some(tokens) = self.core.tokens() else {
            return Ok(None);
        };
        let map = OffsetMap::new(self.core.text());
        let list = PyList::empty(py);
        for t in tokens {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "start"), map.to_char(t.span.start))?;
            d.set_item(intern!(py, "end"), map.to_char(t.span.end))?;
            d.set_item(intern!(py, "text"), self.core.slice(t.span))?;
            d.set_item(intern!(py, "pos"), t.pos.as_str())?;
            d.set_item(intern!(py, "tag"), t.tag.as_deref())?;
            d.set_item(intern!(py, "name"), t.name.as_deref())?;
            list.append(d)?;
        }
        Ok(Some(list))
    }

    /// The temporal expressions, resolved against the publication date, as {"start", "end", "text", "type",
    /// "value", "first", "last"} dicts (code-point offsets; "type" date, time, duration or set; "value" the
    /// TIMEX3 value; "first"/"last" the calendar days covered, "YYYY-MM-DD", or None).
    #[getter]
    fn times<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for (t, &(start, end)) in self.core.times().iter().zip(&self.time_spans) {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "start"), start)?;
            d.set_item(intern!(py, "end"), end)?;
            d.set_item(intern!(py, "text"), self.core.slice(t.span))?;
            d.set_item(intern!(py, "type"), t.kind.as_str())?;
            d.set_item(intern!(py, "value"), t.value.as_str())?;
            d.set_item(intern!(py, "first"), t.first.as_deref())?;
            d.set_item(intern!(py, "last"), t.last.as_deref())?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Every actor mention, labelled with its actor's kind, in text order (like spaCy's doc.ents).
    #[getter]
    fn mentions(&self) -> Vec<PyMention> {
        let mut out: Vec<PyMention> = self
            .actors
            .iter()
            .flat_map(|a| {
                a.mentions.iter().map(|m| PyMention {
                    start: m.start,
                    end: m.end,
                    text: m.text.clone(),
                    label: a.kind.clone(),
                    actor: a.id,
                })
            })
            .collect();
        out.sort_by_key(|m| (m.start, m.end, m.actor));
        out
    }

    /// The sentence holding `span` (a Span, Mention, Statistic, or anything with a code-point `start`;
    /// or an int offset): the sentence where it starts. None when it starts outside every sentence
    /// (in the blank lines between paragraphs, or past the end).
    fn sentence_of(&self, span: &Bound<'_, PyAny>) -> PyResult<Option<PySpan>> {
        let start: usize = if let Ok(n) = span.extract::<usize>() {
            n
        } else if let Ok(st) = span.cast::<PyStatement>() {
            match st.get().content.first() {
                Some(c) => c.start,
                None => return Ok(None),
            }
        } else {
            match span.getattr(intern!(span.py(), "start")) {
                Ok(v) => v.extract()?,
                Err(_) => {
                    return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                        "sentence_of() expects a span (an object with a start offset) or an int offset, not {}",
                        span.get_type().name()?
                    )));
                }
            }
        };
        let i = self.sentences.partition_point(|r| r.start <= start);
        Ok(i.checked_sub(1)
            .map(|i| &self.sentences[i])
            .filter(|r| start < r.end)
            .map(|r| PySpan {
                start: r.start,
                end: r.end,
                text: self.core.slice(r.bytes).to_string(),
            }))
    }

    /// Articles hash by their text, id and date (equal articles have equal texts).
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.core.text(), self.core.id(), self.core.published()).hash(&mut h);
        h.finish()
    }

    /// The actor who made a statement, or None when the speaker is unresolved.
    fn speaker(&self, statement: &Bound<'_, PyStatement>) -> Option<PyActor> {
        let id = statement.get().speaker?;
        self.actors.get(id).cloned()
    }

    /// The article as Python objects, equal to json.loads(article.to_json()).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "schema"), crate::JSON_SCHEMA)?;
        d.set_item(intern!(py, "id"), self.core.id())?;
        d.set_item(intern!(py, "title"), self.core.title())?;
        d.set_item(intern!(py, "title_span"), opt_span_dict(py, &self.title_span)?)?;
        d.set_item(intern!(py, "published"), self.core.published())?;
        d.set_item(intern!(py, "paragraphs"), Self::ranges_list(py, &self.paragraphs)?)?;
        d.set_item(intern!(py, "sentences"), Self::ranges_list(py, &self.sentences)?)?;
        let actors = PyList::empty(py);
        for a in &self.actors {
            actors.append(a.to_dict(py)?)?;
        }
        d.set_item(intern!(py, "actors"), actors)?;
        let statements = PyList::empty(py);
        for s in &self.statements {
            statements.append(s.to_dict(py)?)?;
        }
        d.set_item(intern!(py, "statements"), statements)?;
        let statistics = PyList::empty(py);
        for s in &self.statistics {
            statistics.append(s.to_dict(py)?)?;
        }
        d.set_item(intern!(py, "statistics"), statistics)?;
        d.set_item(intern!(py, "times"), self.times(py)?)?;
        d.set_item(intern!(py, "text"), self.core.text())?;
        // As in the JSON: present only for an article parsed from HTML.
        if !self.core.authors().is_empty() {
            d.set_item(intern!(py, "authors"), self.core.authors().to_vec())?;
        }
        if let Some(u) = self.core.url() {
            d.set_item(intern!(py, "url"), u)?;
        }
        if let Some(s) = self.core.site_name() {
            d.set_item(intern!(py, "site_name"), s)?;
        }
        if let Some(l) = self.core.language() {
            d.set_item(intern!(py, "language"), l)?;
        }
        if let Some(tokens) = self.tokens(py)? {
            d.set_item(intern!(py, "tokens"), tokens)?;
        }
        Ok(d)
    }

    /// The article as JSON (the JSON contract, code-point offsets); indented when pretty is true.
    #[pyo3(signature = (pretty=false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.core.to_json_pretty()
        } else {
            self.core.to_json()
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let title = match self.core.title() {
            Some(t) => str_repr(py, &shorten(t, 50))?,
            None => "None".to_string(),
        };
        Ok(format!(
            "Article(title={}, paragraphs={}, sentences={}, actors={}, statements={}, statistics={})",
            title,
            self.paragraphs.len(),
            self.sentences.len(),
            self.actors.len(),
            self.statements.len(),
            self.statistics.len()
        ))
    }

    /// HTML for notebooks: the article with actors, quotations (and their speakers) and statistics
    /// highlighted, styled inline; all article text is HTML-escaped.
    fn _repr_html_(&self) -> String {
        super::html::render(self, &super::html::Options::default())
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = py.get_type::<PyArticle>().getattr("from_json")?;
        Ok((from_json, (self.core.to_json(),)))
    }
}

/// Stands in place of a document that could not be parsed, in parse_many(..., errors="return") and
/// pipe(..., errors="return"). It is falsy, so `[a for a in results if a]` keeps the articles.
#[pyclass(frozen, eq, hash, module = "newsparse", name = "ParseFailure")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyParseFailure {
    /// Position of the document in the input.
    #[pyo3(get)]
    pub index: usize,
    /// Name of the exception that errors="raise" would have raised ("InvalidDateError", "TypeError"…).
    #[pyo3(get)]
    pub error_type: String,
    /// What went wrong.
    #[pyo3(get)]
    pub message: String,
}

#[pymethods]
impl PyParseFailure {
    #[new]
    fn py_new(index: usize, error_type: String, message: String) -> Self {
        PyParseFailure {
            index,
            error_type,
            message,
        }
    }

    /// The exception this failure stands for (an instance, ready to raise).
    fn exception(&self, py: Python<'_>) -> Py<PyAny> {
        super::errors::from_type_name(&self.error_type, self.message.clone())
            .into_value(py)
            .into_any()
    }

    fn __bool__(&self) -> bool {
        false
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ParseFailure(index={}, error_type={}, message={})",
            self.index,
            str_repr(py, &self.error_type)?,
            str_repr(py, &self.message)?
        ))
    }

    fn __getnewargs__(&self) -> (usize, String, String) {
        (self.index, self.error_type.clone(), self.message.clone())
    }
}
