"""to_pandas / to_polars: tidy frames keyed by doc id, documented columns and dtypes."""

from __future__ import annotations

import json
import sys

import pytest

import newsparse
from conftest import crafted_dict
from newsparse._tables import SCHEMA

pd = pytest.importorskip("pandas")


def two_docs() -> list[newsparse.Article]:
    first = newsparse.Article.from_json(json.dumps(crafted_dict()))
    second = newsparse.parse("Rain\n\nIt rained all day.", published="2024-08-26")
    return [first, second]


def test_tables_have_the_documented_columns_and_dtypes() -> None:
    t = newsparse.to_pandas(two_docs(), ids=["gaza-1", "rain-2"])
    assert t._fields == ("articles", "actors", "mentions", "statements", "statistics", "times")
    for name, spec in SCHEMA.items():
        frame = getattr(t, name)
        assert list(frame.columns) == list(spec), name
        for col, dtype in spec.items():
            if dtype != "id":
                assert str(frame[col].dtype) == str(pd.Series([], dtype=dtype).dtype), (name, col)
    assert len(t.articles) == 2 and len(t.actors) == 4 and len(t.mentions) == 5
    assert len(t.statements) == 4 and len(t.statistics) == 2


def test_one_expression_questions() -> None:
    t = newsparse.to_pandas(two_docs(), ids=["gaza-1", "rain-2"])
    st = t.statements
    by_him = st[st.speaker == "Badr Abdelatty"]
    assert list(by_him.text) == ["\u201cprogress has been made\u201d in the talks", "We will not give up,"]
    assert set(by_him.doc_id) == {"gaza-1"}
    s = t.statistics
    assert s[s.context_lemma == "kill"].value.sum() == 40000.0
    assert s.groupby("doc_id").value.sum().to_dict() == {"gaza-1": 40005.0}
    # who claims each number: the health ministry's 40,000, the officials' 5% ("according to officials")
    assert s.claimed_by_id.tolist() == [2, 3]
    assert s.claimed_by.tolist() == ["the Hamas-run health ministry", "officials"]
    assert s.statement_id.tolist() == [1, 3]
    assert list(by_him.quoted) == ["progress has been made", "We will not give up,"]
    assert t.articles.set_index("doc_id").loc["rain-2", "published"] == "2024-08-26"
    m = t.mentions.merge(t.actors, on=["doc_id", "actor_id"])
    assert sorted(m[m.kind == "person"].text) == ["Abdelatty", "Badr Abdelatty"]


def test_offsets_and_missing_values() -> None:
    docs = two_docs()
    t = newsparse.to_pandas(docs)
    assert list(t.articles.doc_id) == [0, 1] and str(t.articles.doc_id.dtype) == "int64"
    text = docs[0].text
    for row in t.mentions.itertuples():
        assert text[row.start : row.end] == row.text
    s = t.statistics
    assert s.upper.isna().all() and s.lower.isna().tolist() == [False, True]
    assert t.statements.via_id.isna().all()
    assert t.articles.title.tolist() == ["Gaza ceasefire talks resume in Cairo", "Rain"]
    assert t.articles.published.isna().tolist() == [True, False]
    assert t.articles.text_length.tolist() == [len(d.text) for d in docs]
    assert t.actors.titles.tolist()[0] == "foreign minister" and t.actors.titles.isna().sum() == 3


def test_failures_are_skipped_with_their_ids() -> None:
    results = newsparse.Parser(max_input_bytes=30).parse_many(
        ["Rain\n\nIt rained.", "z" * 31, "Sun\n\nIt shone."], errors="return"
    )
    t = newsparse.to_pandas(results, ids=["a", "b", "c"])
    assert t.articles.doc_id.tolist() == ["a", "c"]
    assert t.articles.title.tolist() == ["Rain", "Sun"]


def test_empty_input_gives_empty_typed_frames() -> None:
    t = newsparse.to_pandas([])
    assert len(t.statistics) == 0 and list(t.statistics.columns) == list(SCHEMA["statistics"])
    assert str(t.statistics.value.dtype) == "Float64"
    full = newsparse.to_pandas(two_docs())
    for name in SCHEMA:
        assert dict(getattr(t, name).dtypes) == dict(getattr(full, name).dtypes), name
    # A table left empty by the articles (no statistics in "Rain") keeps the dtypes, doc_id's too.
    rain = [newsparse.parse("Rain\n\nIt rained all day.")]
    few = newsparse.to_pandas(rain, ids=["rain-2"])
    many = newsparse.to_pandas(two_docs(), ids=["gaza-1", "rain-2"])
    assert len(few.statistics) == 0 and len(many.statistics) == 2
    for name in SCHEMA:
        assert dict(getattr(few, name).dtypes) == dict(getattr(many, name).dtypes), name


def test_polars_empty_input_keeps_the_schema() -> None:
    pytest.importorskip("polars")
    full = newsparse.to_polars(two_docs())
    empty = newsparse.to_polars([])
    for name in SCHEMA:
        assert getattr(empty, name).height == 0
        assert getattr(empty, name).schema == getattr(full, name).schema, name
    rain = [newsparse.parse("Rain\n\nIt rained all day.")]
    few = newsparse.to_polars(rain, ids=["rain-2"])
    many = newsparse.to_polars(two_docs(), ids=["gaza-1", "rain-2"])
    for name in SCHEMA:
        assert getattr(few, name).schema == getattr(many, name).schema, name


def reference_rows(articles: list[newsparse.Article]) -> dict[str, list[dict[str, object]]]:
    """The tables rebuilt slowly from the public attributes, to check the one-pass builder."""
    out: dict[str, list[dict[str, object]]] = {t: [] for t in SCHEMA}
    for doc, a in enumerate(articles):
        actors = a.actors
        out["articles"].append(
            {"doc_id": doc, "title": a.title, "published": a.published, "text_length": len(a.text),
             "paragraphs": len(a.paragraphs), "sentences": len(a.sentences), "actors": len(actors),
             "statements": len(a.statements), "statistics": len(a.statistics), "times": len(a.times),
             "authors": "; ".join(a.authors) or None, "url": a.url, "site_name": a.site_name,
             "language": a.language}
        )  # fmt: skip
        for act in actors:
            out["actors"].append(
                {"doc_id": doc, "actor_id": act.id, "name": act.name, "kind": act.kind,
                 "titles": "; ".join(act.titles) or None, "affiliation": act.affiliation,
                 "mentions": len(act.mentions), "first_start": act.mentions[0].start if act.mentions else None}
            )  # fmt: skip
            for m in act.mentions:
                out["mentions"].append({"doc_id": doc, "actor_id": act.id, "start": m.start, "end": m.end, "text": m.text})
        for k, st in enumerate(a.statements):
            who = a.speaker(st)
            via = actors[st.via] if st.via is not None else None
            out["statements"].append(
                {"doc_id": doc, "statement_id": k, "kind": st.kind, "speaker_id": st.speaker,
                 "speaker": who.name if who else None, "speaker_kind": who.kind if who else None,
                 "speaker_mention": st.speaker_mention.text if st.speaker_mention else None,
                 "cue": st.cue.text if st.cue else None, "text": st.text, "start": st.content[0].start,
                 "end": st.content[-1].end, "via_id": st.via, "via": via.name if via else None,
                 "quoted": " … ".join(q.text for q in st.quoted)}
            )  # fmt: skip
        for k, s in enumerate(a.statistics):
            row = s.to_dict()
            claimant = actors[s.claimed_by] if s.claimed_by is not None else None
            row.update(claimed_by_id=s.claimed_by, claimed_by=claimant.name if claimant else None)
            row["statement_id"] = row.pop("statement")
            row["time_id"] = row.pop("time")
            row["time"] = a.times[s.time]["value"] if s.time is not None else None
            out["statistics"].append({"doc_id": doc, "statistic_id": k, **row})
        for k, t in enumerate(a.times):
            out["times"].append({"doc_id": doc, "time_id": k, **t})
    return out


def test_frames_equal_the_articles_attributes(voa_texts: list[str]) -> None:
    articles = newsparse.parse_many(voa_texts)
    tables = newsparse.to_pandas(articles)
    for name, rows in reference_rows(articles).items():
        frame = getattr(tables, name)
        assert len(frame) == len(rows) > 0, name
        got = frame.astype(object).where(frame.notna(), None).to_dict("records")
        want = [{c: r[c] for c in frame.columns if c in r} for r in rows]
        assert [{c: g[c] for c in w} for g, w in zip(got, want)] == want, name


def test_bad_inputs() -> None:
    with pytest.raises(ValueError, match="ids has 1 entries for 2 articles"):
        newsparse.to_pandas(two_docs(), ids=["x"])
    with pytest.raises(TypeError, match="must be a newsparse.Article, not str"):
        newsparse.to_pandas(["not an article"])  # type: ignore[list-item]


def test_clear_error_when_pandas_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"newsparse\[pandas\]"):
        newsparse.to_pandas(two_docs())


def test_real_corpus_frames_agree_with_articles(voa_texts: list[str]) -> None:
    articles = newsparse.parse_many(voa_texts[:50])
    t = newsparse.to_pandas(articles)
    assert t.articles.sentences.tolist() == [len(a.sentences) for a in articles]
    assert len(t.statements) == sum(len(a.statements) for a in articles)
    assert len(t.mentions) == sum(len(x.mentions) for a in articles for x in a.actors)


def test_polars_matches_pandas() -> None:
    pl = pytest.importorskip("polars")
    docs = two_docs()
    tp = newsparse.to_polars(docs, ids=["gaza-1", "rain-2"])
    tq = newsparse.to_pandas(docs, ids=["gaza-1", "rain-2"])
    for name in SCHEMA:
        a, b = getattr(tp, name), getattr(tq, name)
        assert a.columns == list(b.columns)
        assert a.height == len(b)
    assert tp.statistics["value"].dtype == pl.Float64
    assert tp.statements.filter(pl.col("speaker") == "Badr Abdelatty").height == 2
    assert tp.statistics["upper"].null_count() == 2


def test_clear_error_when_polars_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r"newsparse\[polars\]"):
        newsparse.to_polars(two_docs())


def test_docs_list_every_column() -> None:
    """docs/python.md's table of columns names every column, in order (add a column there too)."""
    import re

    from conftest import ROOT

    doc = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    for name, spec in SCHEMA.items():
        row = re.search(rf"^\| `{name}` \| (.*) \|$", doc, re.M)
        assert row, name
        names = re.sub(r"\([^()]*\)", "", row.group(1))  # drop the "(dtype: note)" parts
        listed = [n.strip() for n in names.split(",")]
        assert listed == list(spec), (name, listed)


def test_times_table_and_the_time_of_a_statistic() -> None:
    texts = [
        "Exports\n\nIn 2023, exports rose 5% on the year before, officials said on Monday.",
        "Rain\n\nIt rained all day.",
    ]
    articles = newsparse.parse_many(texts, published=["2024-08-28", "2024-08-28"])
    t = newsparse.to_pandas(articles, ids=["exports", "rain"])
    times = t.times
    assert times.text.tolist() == ["2023", "Monday"]
    assert times.value.tolist() == ["2023", "2024-08-26"]
    assert times.type.tolist() == ["date", "date"]
    assert times["first"].tolist() == ["2023-01-01", "2024-08-26"]
    assert times["last"].tolist() == ["2023-12-31", "2024-08-26"]
    assert set(times.doc_id) == {"exports"}
    for row in times.itertuples():
        assert texts[0][row.start : row.end] == row.text
    # the 5% is linked to "2023", its clause's time; the rain article has no time at all
    s = t.statistics
    assert s.time_id.tolist() == [0] and s.time.tolist() == ["2023"]
    assert t.articles.times.tolist() == [2, 0]
    joined = s.merge(times, on=["doc_id", "time_id"], suffixes=("", "_t"))
    assert joined.first.tolist() == ["2023-01-01"]


def test_polars_times_table() -> None:
    pl = pytest.importorskip("polars")
    a = newsparse.parse("Talks\n\nTalks will resume next week.", published="2024-08-28")
    t = newsparse.to_polars([a])
    assert t.times.schema["value"] == pl.String and t.times.schema["start"] == pl.Int64
    assert t.times["value"].to_list() == ["2024-W36"]
    assert t.times["first"].to_list() == ["2024-09-02"] and t.times["last"].to_list() == ["2024-09-08"]
