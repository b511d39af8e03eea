"""Tidy tables: :func:`to_pandas` and :func:`to_polars` turn articles into five data frames.

Every table has a ``doc_id`` column (the ids you pass, else the position of the article in the input)
so the tables join on it. Offsets are code-point offsets into the article text.

``articles``: one row per article.
    doc_id, title (string), published (string), text_length (int64, code points), paragraphs,
    sentences, actors, statements, statistics (int64 counts), authors (string, "; "-joined), url,
    site_name (string; these three only for articles parsed from HTML, else null)
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
    from_value (Float64: where a change started)

Missing values are ``pd.NA`` (pandas nullable dtypes "Int64", "Float64", "string") or ``null`` (polars).
:class:`ParseFailure` entries in ``articles`` are skipped together with their ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

from newsparse._native import Article, ParseFailure

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

# Column name -> dtype name (pandas spelling), per table. The single source of truth for both builders.
SCHEMA: dict[str, dict[str, str]] = {
    "articles": {
        "doc_id": "id",
        "title": "string",
        "published": "string",
        "text_length": "int64",
        "paragraphs": "int64",
        "sentences": "int64",
        "actors": "int64",
        "statements": "int64",
        "statistics": "int64",
        "authors": "string",
        "url": "string",
        "site_name": "string",
    },
    "actors": {
        "doc_id": "id",
        "actor_id": "int64",
        "name": "string",
        "kind": "string",
        "titles": "string",
        "affiliation": "string",
        "mentions": "int64",
        "first_start": "Int64",
    },
    "mentions": {
        "doc_id": "id",
        "actor_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
    },
    "statements": {
        "doc_id": "id",
        "statement_id": "int64",
        "kind": "string",
        "speaker_id": "Int64",
        "speaker": "string",
        "speaker_kind": "string",
        "speaker_mention": "string",
        "cue": "string",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
        "via_id": "Int64",
        "via": "string",
        "quoted": "string",
    },
    "statistics": {
        "doc_id": "id",
        "statistic_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "value": "Float64",
        "lower": "Float64",
        "upper": "Float64",
        "qualifier": "string",
        "unit": "string",
        "kind": "string",
        "context": "string",
        "context_lemma": "string",
        "claimed_by_id": "Int64",
        "claimed_by": "string",
        "statement_id": "Int64",
        "from_value": "Float64",
    },
}


class PandasTables(NamedTuple):
    """The five pandas DataFrames made by :func:`to_pandas` (see the module docs for the columns)."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    statements: pd.DataFrame
    statistics: pd.DataFrame


class PolarsTables(NamedTuple):
    """The five polars DataFrames made by :func:`to_polars` (same columns as :class:`PandasTables`)."""

    articles: pl.DataFrame
    actors: pl.DataFrame
    mentions: pl.DataFrame
    statements: pl.DataFrame
    statistics: pl.DataFrame


def _columns(
    articles: Iterable[Article | ParseFailure], ids: Optional[Sequence[Any]]
) -> dict[str, dict[str, list[Any]]]:
    """Collects the tables as plain Python columns."""
    cols: dict[str, dict[str, list[Any]]] = {
        t: {c: [] for c in spec} for t, spec in SCHEMA.items()
    }
    arts = list(articles)
    if ids is not None:
        ids = list(ids)
        if len(ids) != len(arts):
            raise ValueError(f"ids has {len(ids)} entries for {len(arts)} articles")

    def add(table: str, **row: Any) -> None:
        for c, v in row.items():
            cols[table][c].append(v)

    for pos, a in enumerate(arts):
        if isinstance(a, ParseFailure):
            continue
        if not isinstance(a, Article):
            raise TypeError(f"articles[{pos}] must be a newsparse.Article, not {type(a).__name__}")
        doc = ids[pos] if ids is not None else pos
        actors = a.actors
        statements = a.statements
        statistics = a.statistics
        add(
            "articles",
            doc_id=doc,
            title=a.title,
            published=a.published,
            text_length=len(a.text),
            paragraphs=len(a.paragraphs),
            sentences=len(a.sentences),
            actors=len(actors),
            statements=len(statements),
            statistics=len(statistics),
            authors="; ".join(a.authors) if a.authors else None,
            url=a.url,
            site_name=a.site_name,
        )
        for act in actors:
            mentions = act.mentions
            add(
                "actors",
                doc_id=doc,
                actor_id=act.id,
                name=act.name,
                kind=act.kind,
                titles="; ".join(act.titles) if act.titles else None,
                affiliation=act.affiliation,
                mentions=len(mentions),
                first_start=mentions[0].start if mentions else None,
            )
            for m in mentions:
                add("mentions", doc_id=doc, actor_id=act.id, start=m.start, end=m.end, text=m.text)
        for k, st in enumerate(statements):
            speaker = actors[st.speaker] if st.speaker is not None and st.speaker < len(actors) else None
            via = actors[st.via] if st.via is not None and st.via < len(actors) else None
            content = st.content
            add(
                "statements",
                doc_id=doc,
                statement_id=k,
                kind=st.kind,
                speaker_id=st.speaker,
                speaker=speaker.name if speaker else None,
                speaker_kind=speaker.kind if speaker else None,
                speaker_mention=st.speaker_mention.text if st.speaker_mention else None,
                cue=st.cue.text if st.cue else None,
                text=st.text,
                start=content[0].start if content else None,
                end=content[-1].end if content else None,
                via_id=st.via,
                via=via.name if via else None,
                quoted=" … ".join(q.text for q in st.quoted),
            )
        for k, s in enumerate(statistics):
            claimant = actors[s.claimed_by] if s.claimed_by is not None and s.claimed_by < len(actors) else None
            add(
                "statistics",
                doc_id=doc,
                statistic_id=k,
                start=s.start,
                end=s.end,
                text=s.text,
                value=s.value,
                lower=s.lower,
                upper=s.upper,
                qualifier=s.qualifier,
                unit=s.unit,
                kind=s.kind,
                context=s.context,
                context_lemma=s.context_lemma,
                claimed_by_id=s.claimed_by,
                claimed_by=claimant.name if claimant else None,
                statement_id=s.statement,
                from_value=s.from_value,
            )
    return cols


def to_pandas(
    articles: Iterable[Article | ParseFailure], ids: Optional[Sequence[Any]] = None
) -> PandasTables:
    """Turn articles into five tidy pandas DataFrames keyed by ``doc_id``.

    ``ids`` (one per article) become the ``doc_id`` column; by default it is the article's position.
    Returns a :class:`PandasTables` named tuple ``(articles, actors, mentions, statements,
    statistics)``; the columns and dtypes are listed in ``help(newsparse._tables)``. Offsets are
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
    cols = _columns(articles, ids)
    frames = []
    for table, spec in SCHEMA.items():
        data = {}
        for c, dtype in spec.items():
            values = cols[table][c]
            if dtype == "id":
                data[c] = pd.Series(values, dtype="int64" if ids is None else None)
            else:
                data[c] = pd.Series(values, dtype=dtype)
        frames.append(pd.DataFrame(data))
    return PandasTables(*frames)


def to_polars(
    articles: Iterable[Article | ParseFailure], ids: Optional[Sequence[Any]] = None
) -> PolarsTables:
    """Turn articles into five tidy polars DataFrames keyed by ``doc_id``.

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
    cols = _columns(articles, ids)
    frames = []
    for table, spec in SCHEMA.items():
        series = []
        for c, dtype in spec.items():
            values = cols[table][c]
            if dtype == "id":
                series.append(pl.Series(c, values, dtype=pl.Int64 if ids is None else None))
            else:
                series.append(pl.Series(c, values, dtype=types[dtype]))
        frames.append(pl.DataFrame(series))
    return PolarsTables(*frames)
