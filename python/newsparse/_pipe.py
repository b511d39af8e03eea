"""Streaming: :func:`pipe` parses any iterable in bounded batches, like spaCy's ``nlp.pipe``."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Optional, Union

from newsparse._native import Article, ParseFailure, Parser, parse_many

_ERRORS = ("raise", "skip", "return")
_END = object()


def _is_one_date(published: Any) -> bool:
    """Whether ``published`` is one date for every document (a str or a non-iterable value: None,
    NaN, pd.NA, a datetime.date) rather than one date per document."""
    return isinstance(published, str) or not hasattr(published, "__iter__")


class _NoBar:
    """Stands in for a tqdm bar when there is none."""

    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(progress: bool, total: Optional[int]) -> Any:
    if not progress:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError:
        warnings.warn(
            "progress=True needs tqdm (pip install tqdm); continuing without a progress bar",
            RuntimeWarning,
            stacklevel=4,
        )
        return _NoBar()
    return tqdm(total=total, unit="doc", desc="newsparse")


def pipe(
    iterable: Iterable[Any],
    *,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    as_tuples: bool = False,
    errors: str = "raise",
    published: Any = None,
    progress: bool = False,
    parser: Optional[Parser] = None,
) -> Iterator[Any]:
    """Parse a stream of texts lazily, in batches, yielding articles in input order.

    ``iterable`` may be anything iterable: a list, a generator, the lines of a file, a pandas Series.
    At most ``batch_size`` texts (and their articles) are held at once; each batch is parsed in
    parallel on ``n_threads`` threads (default: every core) with the GIL released.

    With ``as_tuples=True`` the items are ``(text, context)`` pairs and the generator yields
    ``(article, context)`` pairs, so ids or metadata travel with their documents.

    ``errors``: ``"raise"`` raises the failed document's exception (its message names the document's
    position in the stream) after yielding the articles before it; ``"skip"`` leaves failed documents
    out; ``"return"`` yields a :class:`ParseFailure` (falsy, with ``index`` = position in the stream)
    in their place.

    ``published`` is one date for every document, or one date per document: a list, a pandas Series
    (``df["published"]`` as it is) or any iterable, read in step with ``iterable`` (a ValueError when
    the two lengths differ). A date is a ``"YYYY-MM-DD"`` str, a ``datetime.date``,
    ``datetime.datetime`` or ``pandas.Timestamp``; ``None``, NaN, ``pd.NA`` and ``pd.NaT`` mean no
    date. With ``as_tuples=True`` a context that is a mapping with a ``"published"`` key gives its
    document's date instead (``(text, {"id": ..., "published": ...})``). ``progress=True`` shows a tqdm progress
    bar when tqdm is installed (a warning otherwise). ``parser`` sets a :class:`Parser` with other
    limits than the default one.

    Arguments are checked when ``pipe`` is called, not when iteration starts.
    """
    if errors not in _ERRORS:
        raise ValueError(f'errors must be "raise", "skip" or "return", not {errors!r}')
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be an int of at least 1, not {batch_size!r}")
    if n_threads is not None and (
        isinstance(n_threads, bool) or not isinstance(n_threads, int) or n_threads < 1
    ):
        raise ValueError(f"n_threads must be at least 1 (or None for every core), not {n_threads!r}")
    if isinstance(iterable, (str, bytes)):
        raise TypeError("pipe() expects an iterable of texts, not a single text (use parse())")
    total: Optional[int]
    try:
        total = len(iterable)  # type: ignore[arg-type]
    except TypeError:
        total = None
    dates: Optional[Iterator[Any]] = None
    if not _is_one_date(published):
        try:
            count = len(published)
        except TypeError:
            count = None
        if count is not None and total is not None and count != total:
            raise ValueError(f"published has {count} dates for {total} texts")
        dates = iter(published)
        published = None
    items = iter(iterable)
    run = parser.parse_many if parser is not None else parse_many
    return _pipe(items, batch_size, n_threads, as_tuples, errors, published, dates, progress, total, run)


def _context_date(context: Any, default: Any) -> Any:
    """The date a (text, context) item carries: context["published"] when the context is a mapping
    that has it, else ``default``."""
    if isinstance(context, Mapping) and "published" in context:
        return context["published"]
    return default


def _pipe(
    items: Iterator[Any],
    batch_size: int,
    n_threads: Optional[int],
    as_tuples: bool,
    errors: str,
    published: Any,
    dates: Optional[Iterator[Any]],
    progress: bool,
    total: Optional[int],
    run: Any,
) -> Iterator[Any]:
    bar = _progress_bar(progress, total)
    offset = 0
    try:
        while True:
            batch = list(itertools.islice(items, batch_size))
            if not batch:
                if dates is not None and next(dates, _END) is not _END:
                    raise ValueError(f"published has more dates than the {offset} texts")
                return
            batch_dates: Any = published
            if dates is not None:
                batch_dates = list(itertools.islice(dates, len(batch)))
                if len(batch_dates) < len(batch):
                    raise ValueError(
                        f"published ran out after {offset + len(batch_dates)} dates; there are more texts"
                    )
            if as_tuples:
                texts = []
                contexts = []
                for k, item in enumerate(batch):
                    if not (isinstance(item, tuple) and len(item) == 2):
                        raise TypeError(
                            f"with as_tuples=True each item must be a (text, context) tuple; "
                            f"item {offset + k} is {type(item).__name__}"
                        )
                    texts.append(item[0])
                    contexts.append(item[1])
                if any(isinstance(c, Mapping) and "published" in c for c in contexts):
                    if not isinstance(batch_dates, list):
                        batch_dates = [batch_dates] * len(batch)
                    batch_dates = [_context_date(c, d) for c, d in zip(contexts, batch_dates)]
            else:
                texts = batch
                contexts = []
            results = run(texts, published=batch_dates, n_threads=n_threads, errors="return")
            for k, result in enumerate(results):
                out: Union[Article, ParseFailure] = result
                if isinstance(result, ParseFailure):
                    index = offset + result.index
                    if errors == "raise":
                        failure = ParseFailure(
                            index, result.error_type, f"document {index}: {result.message}"
                        )
                        raise failure.exception()
                    if errors == "skip":
                        continue
                    out = ParseFailure(index, result.error_type, result.message)
                yield (out, contexts[k]) if as_tuples else out
            offset += len(batch)
            bar.update(len(batch))
    finally:
        bar.close()
