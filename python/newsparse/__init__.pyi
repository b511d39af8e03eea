# Hand-written stubs for the newsparse package (checked by mypy.stubtest).
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Optional, TypeVar, Union, overload

from newsparse._native import DEFAULT_MAX_INPUT_BYTES as DEFAULT_MAX_INPUT_BYTES
from newsparse._native import Actor as Actor
from newsparse._native import Article as Article
from newsparse._native import InputTooLargeError as InputTooLargeError
from newsparse._native import InvalidDateError as InvalidDateError
from newsparse._native import InvalidJsonError as InvalidJsonError
from newsparse._native import InvalidSpanError as InvalidSpanError
from newsparse._native import InconsistentJsonError as InconsistentJsonError
from newsparse._native import InvalidUtf8Error as InvalidUtf8Error
from newsparse._native import Mention as Mention
from newsparse._native import MissingFieldError as MissingFieldError
from newsparse._native import NewsparseError as NewsparseError
from newsparse._native import ParseFailure as ParseFailure
from newsparse._native import Parser as Parser
from newsparse._native import Span as Span
from newsparse._native import Statement as Statement
from newsparse._native import Statistic as Statistic
from newsparse._native import __version__ as __version__
from newsparse._native import default_threads as default_threads
from newsparse._native import parse as parse
from newsparse._native import parse_many as parse_many
from newsparse._native import render as render
from newsparse._tables import PandasTables as PandasTables
from newsparse._tables import PolarsTables as PolarsTables
from newsparse._tables import to_pandas as to_pandas
from newsparse._tables import to_polars as to_polars

_C = TypeVar("_C")

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "Actor",
    "Article",
    "InputTooLargeError",
    "InvalidDateError",
    "InvalidJsonError",
    "InvalidSpanError",
    "InconsistentJsonError",
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

@overload
def pipe(
    iterable: Iterable[str],
    *,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    as_tuples: Literal[False] = False,
    errors: Literal["raise", "skip"] = "raise",
    published: Any = None,
    progress: bool = False,
    parser: Optional[Parser] = None,
) -> Iterator[Article]: ...
@overload
def pipe(
    iterable: Iterable[str],
    *,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    as_tuples: Literal[False] = False,
    errors: Literal["return"],
    published: Any = None,
    progress: bool = False,
    parser: Optional[Parser] = None,
) -> Iterator[Union[Article, ParseFailure]]: ...
@overload
def pipe(
    iterable: Iterable[tuple[str, _C]],
    *,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    as_tuples: Literal[True],
    errors: Literal["raise", "skip"] = "raise",
    published: Any = None,
    progress: bool = False,
    parser: Optional[Parser] = None,
) -> Iterator[tuple[Article, _C]]: ...
@overload
def pipe(
    iterable: Iterable[tuple[str, _C]],
    *,
    batch_size: int = 256,
    n_threads: Optional[int] = None,
    as_tuples: Literal[True],
    errors: Literal["return"],
    published: Any = None,
    progress: bool = False,
    parser: Optional[Parser] = None,
) -> Iterator[tuple[Union[Article, ParseFailure], _C]]: ...
