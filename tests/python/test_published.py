"""Publication dates in every form a data frame holds them, one per document, through parse,
parse_many and pipe (across many batches)."""

from __future__ import annotations

import datetime
import math

import pytest

import newsparse

TEXTS = [
    "Floods hit Dhaka\n\nHeavy rain flooded Dhaka on Tuesday, officials said.",
    "Talks resume in Cairo\n\nThe talks resumed on Monday, the foreign ministry said.",
    "Wildfire spreads\n\nA wildfire spread across 3,000 hectares, the fire service said.",
]


def test_parse_accepts_dates_datetimes_and_missing_values() -> None:
    text = TEXTS[0]
    assert newsparse.parse(text, published=datetime.date(2024, 8, 6)).published == "2024-08-06"
    assert newsparse.parse(text, published=datetime.datetime(2024, 8, 6, 23, 59)).published == "2024-08-06"
    # A datetime keeps its own calendar date, in its own time zone.
    tz = datetime.timezone(datetime.timedelta(hours=-5))
    assert newsparse.parse(text, published=datetime.datetime(2024, 8, 6, 22, tzinfo=tz)).published == "2024-08-06"
    assert newsparse.parse(text, published=datetime.date(987, 1, 2)).published == "0987-01-02"
    for missing in (None, float("nan"), math.nan):
        assert newsparse.parse(text, published=missing).published is None
    with pytest.raises(TypeError, match="published must be a str .*datetime.date.*not float"):
        newsparse.parse(text, published=2024.0)
    with pytest.raises(newsparse.InvalidDateError):
        newsparse.parse(text, published="2024-02-30")


def test_pandas_values_pass_straight_through() -> None:
    pd = pytest.importorskip("pandas")
    text = TEXTS[1]
    assert newsparse.parse(text, published=pd.Timestamp("2024-08-26 14:30")).published == "2024-08-26"
    assert newsparse.parse(text, published=pd.NA).published is None
    assert newsparse.parse(text, published=pd.NaT).published is None
    df = pd.DataFrame(
        {
            "text": TEXTS * 2,
            "published": pd.to_datetime(["2024-08-26", None, "2024-02-29", "2023-12-31", None, "2024-01-01"]),
        }
    )
    got = [a.published for a in newsparse.parse_many(df["text"], published=df["published"])]
    assert got == ["2024-08-26", None, "2024-02-29", "2023-12-31", None, "2024-01-01"]
    # An object column mixing strings, dates, NaN and pd.NA, as read from a CSV and patched by hand.
    mixed = pd.Series(["2024-08-26", float("nan"), datetime.date(2024, 3, 1), pd.NA, None, pd.Timestamp("2020-05-05")])
    got = [a.published for a in newsparse.parse_many(TEXTS * 2, published=mixed)]
    assert got == ["2024-08-26", None, "2024-03-01", None, None, "2020-05-05"]
    # The nullable string dtype holds pd.NA for missing values.
    strings = pd.Series(["2024-08-26", None, "2024-08-28"], dtype="string")
    assert [a.published for a in newsparse.parse_many(TEXTS, published=strings)] == ["2024-08-26", None, "2024-08-28"]


def test_one_date_object_applies_to_every_text() -> None:
    day = datetime.date(2024, 8, 26)
    assert [a.published for a in newsparse.parse_many(TEXTS, published=day)] == ["2024-08-26"] * 3
    assert [a.published for a in newsparse.parse_many(TEXTS, published=float("nan"))] == [None] * 3


def expected_dates(n: int) -> list[str | None]:
    """A date per document, every seventh missing, none repeating within a batch."""
    start = datetime.date(2020, 1, 1)
    return [None if i % 7 == 3 else (start + datetime.timedelta(days=i)).isoformat() for i in range(n)]


def test_pipe_takes_one_date_per_document_across_batches() -> None:
    batch = 4
    n = 3 * batch
    texts = [TEXTS[i % 3] for i in range(n)]
    dates = expected_dates(n)
    got = [a.published for a in newsparse.pipe(texts, published=dates, batch_size=batch)]
    assert got == dates
    # A generator of texts (no length) with a generator of dates, as datetime.date objects.
    as_dates = (None if d is None else datetime.date.fromisoformat(d) for d in dates)
    got = [a.published for a in newsparse.pipe(iter(texts), published=as_dates, batch_size=batch, n_threads=2)]
    assert got == dates
    # One date still applies to every document.
    assert {a.published for a in newsparse.pipe(texts, published="2024-08-26", batch_size=batch)} == {"2024-08-26"}


def test_pipe_takes_a_series_of_timestamps() -> None:
    pd = pytest.importorskip("pandas")
    batch = 5
    dates = expected_dates(3 * batch)
    df = pd.DataFrame({"text": [TEXTS[i % 3] for i in range(3 * batch)], "published": pd.to_datetime(dates)})
    got = [a.published for a in newsparse.pipe(df["text"], published=df["published"], batch_size=batch)]
    assert got == dates


def test_pipe_dates_travel_in_tuple_contexts() -> None:
    batch = 3
    dates = expected_dates(3 * batch)
    items = [(TEXTS[i % 3], {"id": f"doc-{i}", "published": d}) for i, d in enumerate(dates)]
    out = list(newsparse.pipe(items, as_tuples=True, batch_size=batch))
    assert [a.published for a, _ in out] == dates
    assert [ctx["id"] for _, ctx in out] == [f"doc-{i}" for i in range(len(dates))]
    # A context without a date leaves the published= argument in force.
    partly: list[tuple[str, dict[str, object]]] = [(TEXTS[0], {"id": 1}), (TEXTS[1], {"published": "2024-02-29"})]
    out2 = list(newsparse.pipe(partly, as_tuples=True, published="2024-08-26"))
    assert [a.published for a, _ in out2] == ["2024-08-26", "2024-02-29"]


def test_pipe_refuses_dates_that_do_not_match_the_texts() -> None:
    texts = [TEXTS[i % 3] for i in range(9)]
    with pytest.raises(ValueError, match="published has 8 dates for 9 texts"):
        newsparse.pipe(texts, published=expected_dates(8), batch_size=4)
    # Without lengths, the mismatch shows when one runs out.
    short = iter(expected_dates(6))
    with pytest.raises(ValueError, match="published ran out after 6 dates"):
        list(newsparse.pipe(iter(texts), published=short, batch_size=4))
    long = iter(expected_dates(10))
    with pytest.raises(ValueError, match="published has more dates than the 9 texts"):
        list(newsparse.pipe(iter(texts), published=long, batch_size=4))


def test_pipe_bad_date_is_reported_with_its_stream_position() -> None:
    texts = [TEXTS[i % 3] for i in range(9)]
    dates: list[str | None] = [None] * 9
    dates[7] = "2024-13-01"
    with pytest.raises(newsparse.InvalidDateError, match="document 7"):
        list(newsparse.pipe(texts, published=dates, batch_size=4))
    out = list(newsparse.pipe(texts, published=dates, batch_size=4, errors="return"))
    assert [i for i, a in enumerate(out) if not a] == [7]
