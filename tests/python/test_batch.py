"""parse_many and pipe: parallel, in order, error policies, bounded streaming, thread safety."""

from __future__ import annotations

import io
import itertools
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import newsparse


def sequential(texts: list[str]) -> list[newsparse.Article]:
    return [newsparse.parse(t) for t in texts]


@pytest.mark.parametrize("n_threads", [1, 2, 4, None])
def test_parse_many_equals_sequential_in_input_order(voa_texts: list[str], n_threads: int | None) -> None:
    expected = sequential(voa_texts)
    got = newsparse.parse_many(voa_texts, n_threads=n_threads)
    assert len(got) == len(voa_texts)
    assert got == expected
    assert [a.text for a in got] == voa_texts


def test_parse_many_accepts_any_iterable(voa_texts: list[str]) -> None:
    texts = voa_texts[:10]
    expected = sequential(texts)
    assert newsparse.parse_many(t for t in texts) == expected
    assert newsparse.parse_many(tuple(texts)) == expected
    assert newsparse.parse_many([]) == []
    pd = pytest.importorskip("pandas")
    assert newsparse.parse_many(pd.Series(texts)) == expected


def test_parse_many_published() -> None:
    texts = ["A\n\nOne.", "B\n\nTwo.", "C\n\nThree."]
    assert [a.published for a in newsparse.parse_many(texts, published="2024-08-26")] == ["2024-08-26"] * 3
    dates = ["2024-01-01", None, "2024-03-01"]
    assert [a.published for a in newsparse.parse_many(texts, published=dates)] == dates
    with pytest.raises(ValueError, match="2 dates for 3 texts"):
        newsparse.parse_many(texts, published=dates[:2])
    with pytest.raises(TypeError, match="published"):
        newsparse.parse_many(texts, published=5)  # type: ignore[call-overload]


def test_errors_raise_names_the_first_bad_document() -> None:
    texts = ["A\n\nOne.", "B\n\nTwo.", "C\n\nThree.", "D\n\nFour."]
    dates = [None, None, "2023-02-29", "bad"]
    with pytest.raises(newsparse.InvalidDateError, match=r"^document 2: invalid publication date"):
        newsparse.parse_many(texts, published=dates)
    with pytest.raises(TypeError, match=r"document 1: text must be str, not int"):
        newsparse.parse_many(["A", 7, "C"])  # type: ignore[list-item]


def test_errors_skip_and_return_keep_the_others() -> None:
    p = newsparse.Parser(max_input_bytes=50)
    texts = ["Rain\n\nIt rained.", "x" * 51, "Sun\n\nIt shone.", None, "Snow\n\nIt snowed."]
    skipped = p.parse_many(texts, errors="skip")  # type: ignore[arg-type]
    assert [a.title for a in skipped] == ["Rain", "Sun", "Snow"]
    returned = p.parse_many(texts, errors="return")  # type: ignore[arg-type]
    assert len(returned) == len(texts)
    assert [type(r).__name__ for r in returned] == ["Article", "ParseFailure", "Article", "ParseFailure", "Article"]
    too_large, not_str = returned[1], returned[3]
    assert isinstance(too_large, newsparse.ParseFailure) and isinstance(not_str, newsparse.ParseFailure)
    assert (too_large.index, too_large.error_type) == (1, "InputTooLargeError")
    assert "51 bytes" in too_large.message
    assert (not_str.index, not_str.error_type) == (3, "TypeError")
    assert "NoneType" in not_str.message
    assert not too_large and [r.title for r in returned if r] == ["Rain", "Sun", "Snow"]
    exc = too_large.exception()
    assert isinstance(exc, newsparse.InputTooLargeError) and str(exc) == too_large.message
    assert isinstance(not_str.exception(), TypeError)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="errors must be"):
        newsparse.parse_many(["a"], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="n_threads must be at least 1"):
        newsparse.parse_many(["a"], n_threads=0)
    with pytest.raises(TypeError, match="not a single str"):
        newsparse.parse_many("a text")
    with pytest.raises(TypeError):
        newsparse.parse_many(5)  # type: ignore[call-overload]


def test_eight_python_threads_parsing_at_once_equal_sequential(voa_texts: list[str]) -> None:
    expected = sequential(voa_texts)
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(newsparse.parse, voa_texts))
    assert got == expected
    # Concurrent parse_many calls (each itself parallel) from 8 threads.
    chunks = [voa_texts[i::8] for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda c: newsparse.parse_many(c, n_threads=2), chunks))
    for chunk, res in zip(chunks, results):
        assert res == sequential(chunk)


# --- pipe -------------------------------------------------------------------------------------------


def test_pipe_equals_parse_many(voa_texts: list[str]) -> None:
    expected = newsparse.parse_many(voa_texts)
    assert list(newsparse.pipe(voa_texts, batch_size=7)) == expected
    assert list(newsparse.pipe(iter(voa_texts), batch_size=1000, n_threads=1)) == expected


def test_pipe_is_lazy_and_bounded_by_the_batch_size() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"Story {i}\n\nSomething happened on day {i}. People noticed."

    stream = newsparse.pipe(endless(), batch_size=4)
    assert pulled == 0  # nothing read before iteration starts
    first = list(itertools.islice(stream, 5))
    assert [a.title for a in first] == [f"Story {i}" for i in range(5)]
    assert pulled == 8  # two batches of 4, no more


def test_pipe_as_tuples_keeps_contexts(voa_texts: list[str]) -> None:
    pairs = [(t, {"id": f"doc-{i}"}) for i, t in enumerate(voa_texts[:30])]
    out = list(newsparse.pipe(pairs, batch_size=8, as_tuples=True))
    assert [ctx["id"] for _, ctx in out] == [f"doc-{i}" for i in range(30)]
    assert [a for a, _ in out] == newsparse.parse_many(voa_texts[:30])
    with pytest.raises(TypeError, match="item 1 is str"):
        list(newsparse.pipe([("a", 1), "b"], as_tuples=True))  # type: ignore[list-item]


def test_pipe_errors() -> None:
    p = newsparse.Parser(max_input_bytes=40)
    texts = [f"T{i}\n\nShort text {i}." for i in range(10)]
    texts[6] = "y" * 41
    got: list[newsparse.Article] = []
    with pytest.raises(newsparse.InputTooLargeError, match=r"^document 6: input too large"):
        for a in newsparse.pipe(texts, batch_size=4, parser=p):
            got.append(a)
    assert [a.title for a in got] == [f"T{i}" for i in range(6)]  # everything before the bad one
    skipped = list(newsparse.pipe(texts, batch_size=4, parser=p, errors="skip"))
    assert [a.title for a in skipped] == [f"T{i}" for i in range(10) if i != 6]
    returned = list(newsparse.pipe(texts, batch_size=4, parser=p, errors="return"))
    failure = returned[6]
    assert isinstance(failure, newsparse.ParseFailure)
    assert failure.index == 6 and failure.error_type == "InputTooLargeError"  # index in the stream
    tuples = list(newsparse.pipe([(t, i) for i, t in enumerate(texts)], batch_size=3, parser=p,
                                 as_tuples=True, errors="return"))
    assert tuples[6][1] == 6 and isinstance(tuples[6][0], newsparse.ParseFailure)


def test_pipe_checks_arguments_at_call_time() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        newsparse.pipe(["a"], batch_size=0)
    with pytest.raises(ValueError, match="errors must be"):
        newsparse.pipe(["a"], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="n_threads"):
        newsparse.pipe(["a"], n_threads=0)
    with pytest.raises(TypeError, match="single text"):
        newsparse.pipe("a text")


def test_pipe_reads_file_lines() -> None:
    f = io.StringIO("First line here.\nSecond line here.\n")
    out = list(newsparse.pipe(f, batch_size=1))
    assert [a.text for a in out] == ["First line here.\n", "Second line here.\n"]


def test_pipe_progress_with_tqdm(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    texts = [f"T{i}\n\nText {i}." for i in range(12)]
    assert len(list(newsparse.pipe(texts, batch_size=5, progress=True))) == 12
    err = capsys.readouterr().err
    assert "newsparse" in err and "12/12" in err


def test_pipe_progress_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = list(newsparse.pipe(["A\n\nB."], progress=True))
    assert len(out) == 1
    assert any("tqdm" in str(w.message) for w in caught)


def test_the_gil_is_released_while_parsing(voa_texts: list[str]) -> None:
    """While a thread runs parse_many, this thread keeps running Python code (it could not if the
    GIL were held for the whole parse): the longest pause between its loop iterations is a small part
    of the parse."""
    import threading
    import time

    texts = voa_texts * 3
    window: list[float] = []

    def work() -> None:
        window.append(time.perf_counter())
        newsparse.parse_many(texts, n_threads=1)
        window.append(time.perf_counter())

    worker = threading.Thread(target=work)
    stamps: list[float] = []
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    start, end = window
    inside = [t for t in stamps if start <= t <= end]
    assert len(inside) > 10
    longest = max(b - a for a, b in zip([start] + inside, inside + [end]))
    assert longest < 0.5 * (end - start), (longest, end - start)
