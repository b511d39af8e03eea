"""Streaming: :func:`pipe` parses any iterable in bounded batches, like spaCy's ``nlp.pipe``."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

from newsparse._native import Article, ParseFailure, Parser, parse_many

_ERRORS = ("raise", "skip", "return")


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
    published: Optional[str] = None,
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

    ``published`` (``YYYY-MM-DD``) applies to every document. ``progress=True`` shows a tqdm progress
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
    items = iter(iterable)
    run = parser.parse_many if parser is not None else parse_many
    return _pipe(items, batch_size, n_threads, as_tuples, errors, published, progress, total, run)


def _pipe(
    items: Iterator[Any],
    batch_size: int,
    n_threads: Optional[int],
    as_tuples: bool,
    errors: str,
    published: Optional[str],
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
                return
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
            else:
                texts = batch
                contexts = []
            results = run(texts, published=published, n_threads=n_threads, errors="return")
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
