"""newsparse: fast, model-free extraction of structure from English news articles.

Turn an article into its title, paragraphs and sentences, its actors (people with titles and
affiliations, organizations, countries, places, anonymous sources, groups), its statements (who said
what) and its statistics (reported numbers with value, bounds, unit and event). No model to download;
the work is done in Rust with the GIL released.

>>> import newsparse
>>> article = newsparse.parse("Talks resume\\n\\nThe talks resumed on Monday. Both sides attended.")
>>> article.title
'Talks resume'
>>> [s.text for s in article.sentences]
['Talks resume', 'The talks resumed on Monday.', 'Both sides attended.']

Every offset (``start``/``end``) is a Unicode code-point offset into ``article.text``, so
``article.text[span.start:span.end] == span.text``.

Main entry points:

- :func:`parse` one text; :func:`parse_many` a batch in parallel; :func:`pipe` a stream in batches.
- :func:`to_pandas` / :func:`to_polars` turn articles into tidy tables.
- :class:`Article`, :class:`Actor`, :class:`Statement`, :class:`Statistic`, :class:`Span` are immutable,
  comparable and picklable.
- Errors derive from :class:`NewsparseError` (a ``ValueError``).
"""

from newsparse._native import (
    DEFAULT_MAX_INPUT_BYTES,
    Actor,
    Article,
    InconsistentJsonError,
    InputTooLargeError,
    InvalidDateError,
    InvalidJsonError,
    InvalidSpanError,
    InvalidUtf8Error,
    Mention,
    MissingFieldError,
    NewsparseError,
    ParseFailure,
    Parser,
    Span,
    Statement,
    Statistic,
    __version__,
    default_threads,
    parse,
    parse_many,
    render,
)
from newsparse._pipe import pipe
from newsparse._tables import PandasTables, PolarsTables, to_pandas, to_polars

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "Actor",
    "Article",
    "InconsistentJsonError",
    "InputTooLargeError",
    "InvalidDateError",
    "InvalidJsonError",
    "InvalidSpanError",
    "InvalidUtf8Error",
    "Mention",
    "MissingFieldError",
    "NewsparseError",
    "PandasTables",
    "ParseFailure",
    "Parser",
    "PolarsTables",
    "Span",
    "Statement",
    "Statistic",
    "__version__",
    "default_threads",
    "parse",
    "parse_many",
    "pipe",
    "render",
    "to_pandas",
    "to_polars",
]
