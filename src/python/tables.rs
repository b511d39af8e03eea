//! The columns of `to_pandas` / `to_polars`, built in one pass over the articles' Rust data.
//!
//! Each table is a list of [`Column`]s: a name, a dtype and a function reading the cell from a row. To add a
//! column, add one line to its table below (and to the docs' table in `docs/python.md`): the Python side
//! reads the names and dtypes from [`table_schema`], so nothing else changes. The `doc_id` column is
//! not listed here: every table gets it first, from the position of each row's article.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use super::classes::{PyActor, PyArticle, PyParseFailure, PySpan, PyStatement, PyStatistic};

/// A column's type, named as pandas spells it.
#[derive(Clone, Copy)]
enum Dtype {
    /// int64, never missing.
    Int,
    /// Int64, nullable.
    OptInt,
    /// Float64, nullable.
    OptFloat,
    /// string, nullable.
    Str,
}

impl Dtype {
    fn name(self) -> &'static str {
        match self {
            Dtype::Int => "int64",
            Dtype::OptInt => "Int64",
            Dtype::OptFloat => "Float64",
            Dtype::Str => "string",
        }
    }
}

/// One value of a table.
enum Cell<'a> {
    Int(i64),
    Float(f64),
    Str(&'a str),
    Owned(String),
    Null,
}

fn int(n: usize) -> Cell<'static> {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn opt_int(n: Option<usize>) -> Cell<'static> {
    n.map_or(Cell::Null, int)
}

fn opt_float(v: Option<f64>) -> Cell<'static> {
    v.map_or(Cell::Null, Cell::Float)
}

fn opt_str(s: Option<&str>) -> Cell<'_> {
    s.map_or(Cell::Null, Cell::Str)
}

fn span_text(s: &Option<PySpan>) -> Cell<'_> {
    opt_str(s.as_ref().map(|s| s.text.as_str()))
}

/// A column: its name, its dtype and how to read it from a row.
struct Column<R> {
    name: &'static str,
    dtype: Dtype,
    get: for<'a> fn(&R, &'a PyArticle) -> Cell<'a>,
}

/// A column (see [`Column`]).
const fn col<R>(name: &'static str, dtype: Dtype, get: for<'a> fn(&R, &'a PyArticle) -> Cell<'a>) -> Column<R> {
    Column { name, dtype, get }
}

/// A row of `actors`: the actor's index.
struct ActorRow(usize);
/// A row of `mentions`: the actor's index and the mention's index.
struct MentionRow(usize, usize);
/// A row of `statements` / `statistics`: the item's index.
struct ItemRow(usize);

fn actor(a: &PyArticle, i: usize) -> &PyActor {
    &a.actors[i]
}

fn statement(a: &PyArticle, i: usize) -> &PyStatement {
    &a.statements[i]
}

fn statistic(a: &PyArticle, i: usize) -> &PyStatistic {
    &a.statistics[i]
}

/// An actor of the article by id, when the id is valid.
fn actor_by_id(a: &PyArticle, id: Option<usize>) -> Option<&PyActor> {
    a.actors.get(id?)
}

const ARTICLES: &[Column<()>] = &[
    col("title", Dtype::Str, |_, a| opt_str(a.core.title())),
    col("published", Dtype::Str, |_, a| opt_str(a.core.published())),
    col("text_length", Dtype::Int, |_, a| int(a.char_len())),
    col("paragraphs", Dtype::Int, |_, a| int(a.core.paragraphs().len())),
    col("sentences", Dtype::Int, |_, a| int(a.core.sentences().len())),
    col("actors", Dtype::Int, |_, a| int(a.actors.len())),
    col("statements", Dtype::Int, |_, a| int(a.statements.len())),
    col("statistics", Dtype::Int, |_, a| int(a.statistics.len())),
    col("times", Dtype::Int, |_, a| int(a.core.times().len())),
    col("authors", Dtype::Str, |_, a| match a.core.authors() {
        [] => Cell::Null,
        [one] => Cell::Str(one),
        many => Cell::Owned(many.join("; ")),
    }),
    col("url", Dtype::Str, |_, a| opt_str(a.core.url())),
    col("site_name", Dtype::Str, |_, a| opt_str(a.core.site_name())),
    col("language", Dtype::Str, |_, a| opt_str(a.core.language())),
];

const ACTORS: &[Column<ActorRow>] = &[
    col("actor_id", Dtype::Int, |r, a| int(actor(a, r.0).id)),
    col("name", Dtype::Str, |r, a| Cell::Str(&actor(a, r.0).name)),
    col("kind", Dtype::Str, |r, a| Cell::Str(&actor(a, r.0).kind)),
    col("titles", Dtype::Str, |r, a| match actor(a, r.0).titles.as_slice() {
        [] => Cell::Null,
        [one] => Cell::Str(one),
        many => Cell::Owned(many.join("; ")),
    }),
    col("affiliation", Dtype::Str, |r, a| {
        opt_str(actor(a, r.0).affiliation.as_deref())
    }),
    col("mentions", Dtype::Int, |r, a| int(actor(a, r.0).mentions.len())),
    col("first_start", Dtype::OptInt, |r, a| {
        opt_int(actor(a, r.0).mentions.first().map(|m| m.start))
    }),
];

const MENTIONS: &[Column<MentionRow>] = &[
    col("actor_id", Dtype::Int, |r, a| int(actor(a, r.0).id)),
    col("start", Dtype::Int, |r, a| int(actor(a, r.0).mentions[r.1].start)),
    col("end", Dtype::Int, |r, a| int(actor(a, r.0).mentions[r.1].end)),
    col("text", Dtype::Str, |r, a| Cell::Str(&actor(a, r.0).mentions[r.1].text)),
];

const STATEMENTS: &[Column<ItemRow>] = &[
    col("statement_id", Dtype::Int, |r, _| int(r.0)),
    col("kind", Dtype::Str, |r, a| Cell::Str(&statement(a, r.0).kind)),
    col("speaker_id", Dtype::OptInt, |r, a| opt_int(statement(a, r.0).speaker)),
    col("speaker", Dtype::Str, |r, a| {
        opt_str(actor_by_id(a, statement(a, r.0).speaker).map(|x| x.name.as_str()))
    }),
    col("speaker_kind", Dtype::Str, |r, a| {
        opt_str(actor_by_id(a, statement(a, r.0).speaker).map(|x| x.kind.as_str()))
    }),
    col("speaker_mention", Dtype::Str, |r, a| {
        span_text(&statement(a, r.0).speaker_mention)
    }),
    col("cue", Dtype::Str, |r, a| span_text(&statement(a, r.0).cue)),
    col("text", Dtype::Str, |r, a| match statement(a, r.0).content.as_slice() {
        [one] => Cell::Str(&one.text),
        _ => Cell::Owned(statement(a, r.0).joined_text()),
    }),
    col("start", Dtype::OptInt, |r, a| {
        opt_int(statement(a, r.0).content.first().map(|c| c.start))
    }),
    col("end", Dtype::OptInt, |r, a| {
        opt_int(statement(a, r.0).content.last().map(|c| c.end))
    }),
    col("via_id", Dtype::OptInt, |r, a| opt_int(statement(a, r.0).via)),
    col("via", Dtype::Str, |r, a| {
        opt_str(actor_by_id(a, statement(a, r.0).via).map(|x| x.name.as_str()))
    }),
    col("quoted", Dtype::Str, |r, a| match statement(a, r.0).quoted.as_slice() {
        [one] => Cell::Str(&one.text),
        many => Cell::Owned(many.iter().map(|q| q.text.as_str()).collect::<Vec<_>>().join(" … ")),
    }),
];

const STATISTICS: &[Column<ItemRow>] = &[
    col("statistic_id", Dtype::Int, |r, _| int(r.0)),
    col("start", Dtype::Int, |r, a| int(statistic(a, r.0).start)),
    col("end", Dtype::Int, |r, a| int(statistic(a, r.0).end)),
    col("text", Dtype::Str, |r, a| Cell::Str(&statistic(a, r.0).text)),
    col("value", Dtype::OptFloat, |r, a| opt_float(statistic(a, r.0).value)),
    col("lower", Dtype::OptFloat, |r, a| opt_float(statistic(a, r.0).lower)),
    col("upper", Dtype::OptFloat, |r, a| opt_float(statistic(a, r.0).upper)),
    col("qualifier", Dtype::Str, |r, a| Cell::Str(&statistic(a, r.0).qualifier)),
    col("unit", Dtype::Str, |r, a| opt_str(statistic(a, r.0).unit.as_deref())),
    col("kind", Dtype::Str, |r, a| opt_str(statistic(a, r.0).kind.as_deref())),
    col("context", Dtype::Str, |r, a| {
        opt_str(statistic(a, r.0).context.as_deref())
    }),
    col("context_lemma", Dtype::Str, |r, a| {
        opt_str(statistic(a, r.0).context_lemma.as_deref())
    }),
    col("claimed_by_id", Dtype::OptInt, |r, a| {
        opt_int(statistic(a, r.0).claimed_by)
    }),
    col("claimed_by", Dtype::Str, |r, a| {
        opt_str(actor_by_id(a, statistic(a, r.0).claimed_by).map(|x| x.name.as_str()))
    }),
    col("statement_id", Dtype::OptInt, |r, a| {
        opt_int(statistic(a, r.0).statement)
    }),
    col("from_value", Dtype::OptFloat, |r, a| {
        opt_float(statistic(a, r.0).from_value)
    }),
    col("time_id", Dtype::OptInt, |r, a| opt_int(statistic(a, r.0).time)),
    col("time", Dtype::Str, |r, a| {
        opt_str(
            statistic(a, r.0)
                .time
                .and_then(|k| a.core.times().get(k))
                .map(|t| t.value.as_str()),
        )
    }),
];

const TIMES: &[Column<ItemRow>] = &[
    col("time_id", Dtype::Int, |r, _| int(r.0)),
    col("start", Dtype::Int, |r, a| int(a.time_spans[r.0].0)),
    col("end", Dtype::Int, |r, a| int(a.time_spans[r.0].1)),
    col("text", Dtype::Str, |r, a| {
        Cell::Str(a.core.slice(a.core.times()[r.0].span))
    }),
    col("type", Dtype::Str, |r, a| Cell::Str(a.core.times()[r.0].kind.as_str())),
    col("value", Dtype::Str, |r, a| Cell::Str(&a.core.times()[r.0].value)),
    col("first", Dtype::Str, |r, a| {
        opt_str(a.core.times()[r.0].first.as_deref())
    }),
    col("last", Dtype::Str, |r, a| opt_str(a.core.times()[r.0].last.as_deref())),
];

/// The rows of each table for one article.
fn actor_rows(a: &PyArticle) -> impl Iterator<Item = ActorRow> + '_ {
    (0..a.actors.len()).map(ActorRow)
}

fn mention_rows(a: &PyArticle) -> impl Iterator<Item = MentionRow> + '_ {
    a.actors
        .iter()
        .enumerate()
        .flat_map(|(i, act)| (0..act.mentions.len()).map(move |k| MentionRow(i, k)))
}

/// One table being filled: the article position of each row, and each column's cells.
struct Builder<'a, R: 'static> {
    columns: &'static [Column<R>],
    positions: Vec<i64>,
    cells: Vec<Vec<Cell<'a>>>,
}

impl<'a, R> Builder<'a, R> {
    fn new(columns: &'static [Column<R>]) -> Self {
        Builder {
            columns,
            positions: Vec::new(),
            cells: columns.iter().map(|_| Vec::new()).collect(),
        }
    }

    fn push(&mut self, position: usize, row: &R, article: &'a PyArticle) {
        self.positions.push(i64::try_from(position).unwrap_or(i64::MAX));
        for (column, cells) in self.columns.iter().zip(&mut self.cells) {
            cells.push((column.get)(row, article));
        }
    }

    /// `(positions, {column: list})` for Python.
    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let columns = PyDict::new(py);
        for (column, cells) in self.columns.iter().zip(self.cells) {
            let list = PyList::empty(py);
            for cell in cells {
                match cell {
                    Cell::Int(n) => list.append(n)?,
                    Cell::Float(v) => list.append(v)?,
                    Cell::Str(s) => list.append(PyString::new(py, s))?,
                    Cell::Owned(s) => list.append(PyString::new(py, &s))?,
                    Cell::Null => list.append(py.None())?,
                }
            }
            columns.set_item(column.name, list)?;
        }
        PyTuple::new(py, [PyList::new(py, self.positions)?.into_any(), columns.into_any()])
    }
}

/// The columns of the six tables for a list of articles (ParseFailure entries are skipped):
/// `{table: (article positions, {column: list})}`, in the order of [`table_schema`].
#[pyfunction]
pub(crate) fn _table_columns<'py>(py: Python<'py>, articles: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyDict>> {
    let mut held: Vec<(usize, Bound<'py, PyArticle>)> = Vec::with_capacity(articles.len());
    for (pos, item) in articles.iter().enumerate() {
        if item.is_instance_of::<PyParseFailure>() {
            continue;
        }
        match item.cast_into::<PyArticle>() {
            Ok(a) => held.push((pos, a)),
            Err(e) => {
                return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "articles[{pos}] must be a newsparse.Article, not {}",
                    e.into_inner().get_type().name()?
                )));
            }
        }
    }
    let mut articles_t = Builder::new(ARTICLES);
    let mut actors_t = Builder::new(ACTORS);
    let mut mentions_t = Builder::new(MENTIONS);
    let mut statements_t = Builder::new(STATEMENTS);
    let mut statistics_t = Builder::new(STATISTICS);
    let mut times_t = Builder::new(TIMES);
    for (pos, bound) in &held {
        let a: &PyArticle = bound.get();
        articles_t.push(*pos, &(), a);
        for row in actor_rows(a) {
            actors_t.push(*pos, &row, a);
        }
        for row in mention_rows(a) {
            mentions_t.push(*pos, &row, a);
        }
        for k in 0..a.statements.len() {
            statements_t.push(*pos, &ItemRow(k), a);
        }
        for k in 0..a.statistics.len() {
            statistics_t.push(*pos, &ItemRow(k), a);
        }
        for k in 0..a.time_spans.len() {
            times_t.push(*pos, &ItemRow(k), a);
        }
    }
    let out = PyDict::new(py);
    out.set_item("articles", articles_t.into_py(py)?)?;
    out.set_item("actors", actors_t.into_py(py)?)?;
    out.set_item("mentions", mentions_t.into_py(py)?)?;
    out.set_item("statements", statements_t.into_py(py)?)?;
    out.set_item("statistics", statistics_t.into_py(py)?)?;
    out.set_item("times", times_t.into_py(py)?)?;
    Ok(out)
}

fn schema_of<R>(columns: &[Column<R>]) -> Vec<(&'static str, &'static str)> {
    columns.iter().map(|c| (c.name, c.dtype.name())).collect()
}

/// The tables' columns and dtypes (pandas spelling), `doc_id` excluded: `[(table, [(column, dtype)])]`.
#[pyfunction]
pub(crate) fn _table_schema() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        ("articles", schema_of(ARTICLES)),
        ("actors", schema_of(ACTORS)),
        ("mentions", schema_of(MENTIONS)),
        ("statements", schema_of(STATEMENTS)),
        ("statistics", schema_of(STATISTICS)),
        ("times", schema_of(TIMES)),
    ]
}
