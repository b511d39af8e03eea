"""Tidy tables: :func:`to_pandas` and :func:`to_polars` turn articles into six data frames.

Every table has a ``doc_id`` column (the ids you pass, else the position of the article in the input)
so the tables join on it. Offsets are code-point offsets into the article text.

``articles``: one row per article.
    doc_id, title (string), published (string), text_length (int64, code points), paragraphs,
    sentences, actors, statements, statistics, times (int64 counts), authors (string, "; "-joined), url,
    site_name, language (string; these four only for articles parsed from HTML, else null)
``actors``: one row per actor.
    doc_id, actor_id (int64), name (string), kind (string), titles (string, "; "-joined),
    affiliation (string), mentions (int64 count), first_start (Int64: offset of the first mention)
``mentions``: one row per actor mention.
    doc_id, actor_id (int64), start, end (int64), text (string)
``statements``: one row per statement.
    doc_id, statement_id (int64), kind (string), speaker_id (Int64), speaker (string: the speaker's
    name), speaker_kind (string), speaker_mention (string), cue (string), text (string: content spans
    joined with " … "), start, end (Int64: from the first content span's start to the last one's end),
    via_id (Int64), via (string), quoted (string: the verbatim quoted spans joined with " … "; empty for
    indirect speech)
``statistics``: one row per statistic.
    doc_id, statistic_id (int64), start, end (int64), text (string), value, lower, upper (Float64),
    qualifier, unit, kind, context, context_lemma (string), claimed_by_id (Int64: the actor claiming the
    number), claimed_by (string: its name), statement_id (Int64: the statement holding the number),
    from_value (Float64: where a change started), time_id (Int64: the time the number refers to, a
    time_id of ``times``), time (string: that time's TIMEX3 value)
``times``: one row per temporal expression, resolved against the publication date.
    doc_id, time_id (int64), start, end (int64), text, type (string: date, time, duration or set),
    value (string: the TIMEX3 value, "2024-08-26", "2024-W34", "P3Y"), first, last (string: the first
    and last calendar day covered, "YYYY-MM-DD", when it is a known period)

Missing values are ``pd.NA`` (pandas nullable dtypes "Int64", "Float64", "string") or ``null`` (polars).
:class:`ParseFailure` entries in ``articles`` are skipped together with their ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

from newsparse import _native
from newsparse._native import Article, ParseFailure

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

# Column name -> dtype name (pandas spelling), per table, read from the extension (the Rust column
# lists in src/python/tables.rs are the single source of truth). "id" is doc_id's: int64 positions, or
# the dtype of the ids given.
SCHEMA: dict[str, dict[str, str]] = {
    table: {"doc_id": "id", **dict(columns)} for table, columns in _native._table_schema()
}


class PandasTables(NamedTuple):
    """The six pandas DataFrames made by :func:`to_pandas` (see the module docs for the columns)."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    statements: pd.DataFrame
    statistics: pd.DataFrame
    times: pd.DataFrame


class PolarsTables(NamedTuple):
    """The six polars DataFrames made by :func:`to_polars` (same columns as :class:`PandasTables`)."""

    articles: pl.DataFrame
    actors: pl.DataFrame
    mentions: pl.DataFrame
    statements: pl.DataFrame
    statistics: pl.DataFrame
    times: pl.DataFrame


def _columns(
    articles: Iterable[Article | ParseFailure], ids: Optional[Sequence[Any]]
) -> tuple[dict[str, tuple[list[int], dict[str, list[Any]]]], Optional[list[Any]]]:
    """The tables as plain Python columns, built by the extension in one pass over the articles:
    ``{table: (article position of each row, {column: values})}``, and the ids as a list."""
    arts = articles if isinstance(articles, list) else list(articles)
    id_list: Optional[list[Any]] = None
    if ids is not None:
        id_list = ids if isinstance(ids, list) else list(ids)
        if len(id_list) != len(arts):
            raise ValueError(f"ids has {len(id_list)} entries for {len(arts)} articles")
    return _native._table_columns(arts), id_list


def to_pandas(
    articles: Iterable[Article | ParseFailure], ids: Optional[Sequence[Any]] = None
) -> PandasTables:
    """Turn articles into six tidy pandas DataFrames keyed by ``doc_id``.

    ``ids`` (one per article) become the ``doc_id`` column; by default it is the article's position.
    Returns a :class:`PandasTables` named tuple ``(articles, actors, mentions, statements,
    statistics, times)``; the columns and dtypes are listed in ``help(newsparse._tables)``. Offsets are
    int64, values Float64, text columns pandas' "string" dtype, and missing values ``pd.NA``.

    >>> tables = newsparse.to_pandas(newsparse.parse_many(texts), ids=doc_ids)  # doctest: +SKIP
    >>> st = tables.statements
    >>> st[st.speaker == "Antonio Guterres"][["doc_id", "text"]]  # doctest: +SKIP

    Needs pandas (``pip install newsparse[pandas]``); raises ImportError naming it otherwise.
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            "newsparse.to_pandas needs pandas: pip install 'newsparse[pandas]' (or pip install pandas)"
        ) from e
    import numpy as np

    cols, id_list = _columns(articles, ids)
    id_series = None if id_list is None else pd.Series(id_list)
    frames = []
    for table, spec in SCHEMA.items():
        positions, columns = cols[table]
        rows = np.array(positions, dtype="int64")
        data: dict[str, Any] = {}
        for c, dtype in spec.items():
            if dtype == "id":
                data[c] = rows if id_series is None else id_series.take(rows).reset_index(drop=True)
            elif dtype == "int64":
                data[c] = np.array(columns[c], dtype="int64")
            else:
                data[c] = pd.array(columns[c], dtype=dtype)  # type: ignore[call-overload]
        frames.append(pd.DataFrame(data))
    return PandasTables(*frames)


def to_polars(
    articles: Iterable[Article | ParseFailure], ids: Optional[Sequence[Any]] = None
) -> PolarsTables:
    """Turn articles into six tidy polars DataFrames keyed by ``doc_id``.

    Same tables and columns as :func:`to_pandas`, with polars types (Int64, Float64, String; missing
    values are null). Needs polars (``pip install newsparse[polars]``); raises ImportError otherwise.
    """
    try:
        import polars as pl
    except ImportError as e:
        raise ImportError(
            "newsparse.to_polars needs polars: pip install 'newsparse[polars]' (or pip install polars)"
        ) from e
    types: dict[str, Any] = {
        "int64": pl.Int64,
        "Int64": pl.Int64,
        "Float64": pl.Float64,
        "string": pl.String,
    }
    cols, id_list = _columns(articles, ids)
    id_series = None if id_list is None else pl.Series("doc_id", id_list)
    frames = []
    for table, spec in SCHEMA.items():
        positions, columns = cols[table]
        series = []
        for c, dtype in spec.items():
            if dtype == "id":
                if id_series is None:
                    series.append(pl.Series(c, positions, dtype=pl.Int64))
                else:
                    series.append(id_series.gather(positions))
            else:
                series.append(pl.Series(c, columns[c], dtype=types[dtype]))
        frames.append(pl.DataFrame(series))
    return PolarsTables(*frames)
