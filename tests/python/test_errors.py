"""Errors: one exception class per Rust error variant, TypeErrors naming the type, no aborts."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import newsparse
from conftest import ROOT


def rust_error_variants() -> list[str]:
    src = (ROOT / "src" / "error.rs").read_text()
    body = src[src.index("pub enum Error") :]
    body = body[: body.index("\n}\n")]
    return re.findall(r"^    ([A-Z][A-Za-z0-9]*) \{", body, re.M)


def test_one_exception_class_per_rust_error_variant() -> None:
    variants = rust_error_variants()
    assert "InputTooLarge" in variants and "InvalidDate" in variants
    for v in variants:
        cls = getattr(newsparse, f"{v}Error")
        assert issubclass(cls, newsparse.NewsparseError), v
        assert cls.__doc__, v
    assert issubclass(newsparse.NewsparseError, ValueError)


@pytest.mark.parametrize(
    "value, expected",
    [(123, "int"), (None, "NoneType"), (["a"], "list"), (b"Rain\n\nIt rained.", "bytes")],
)
def test_non_str_text_is_a_type_error_naming_the_type(value: object, expected: str) -> None:
    with pytest.raises(TypeError, match=rf"must be str, not {expected}"):
        newsparse.parse(value)  # type: ignore[arg-type]


def test_bytes_error_suggests_decoding() -> None:
    with pytest.raises(TypeError, match="decode"):
        newsparse.parse(b"text")  # type: ignore[arg-type]


def test_non_str_date_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="published must be a str .*, not int"):
        newsparse.parse("Rain\n\nIt rained.", published=20240826)  # type: ignore[arg-type]


@pytest.mark.parametrize("date", ["2023-02-29", "2024-13-01", "26/08/2024", "2024-8-26", ""])
def test_invalid_date(date: str) -> None:
    with pytest.raises(newsparse.InvalidDateError) as e:
        newsparse.parse("Rain\n\nIt rained.", published=date)
    assert repr(date).strip("'") in str(e.value)
    assert isinstance(e.value, ValueError)


def test_input_too_large_counts_utf8_bytes() -> None:
    p = newsparse.Parser(max_input_bytes=10)
    assert p.parse("\u00e9" * 5).text == "\u00e9" * 5  # 10 bytes: at the limit
    with pytest.raises(newsparse.InputTooLargeError, match="12 bytes, the limit is 10"):
        p.parse("\u00e9" * 6)  # 6 characters, 12 bytes


def test_lone_surrogates_are_a_newsparse_error() -> None:
    # Half of an emoji cut out of a UTF-16 string: not Unicode text, so not UTF-8 either.
    text = "Flood\n\nThe river rose \ud83d overnight."
    with pytest.raises(newsparse.InvalidUtf8Error, match=r"lone surrogate U\+D83D at code point 22") as e:
        newsparse.parse(text)
    assert isinstance(e.value, newsparse.NewsparseError) and not isinstance(e.value, UnicodeError)
    with pytest.raises(newsparse.InvalidUtf8Error, match="document 1: text contains a lone surrogate"):
        newsparse.parse_many(["Rain\n\nIt rained.", text])
    results = newsparse.parse_many(["Rain\n\nIt rained.", text], errors="return")
    assert results[0] and isinstance(results[1], newsparse.ParseFailure)
    assert results[1].error_type == "InvalidUtf8Error"
    assert isinstance(results[1].exception(), newsparse.InvalidUtf8Error)
    # The same text with the surrogate pair whole is fine.
    assert newsparse.parse(text.replace("\ud83d", "\U0001F30A")).title == "Flood"


def test_from_json_errors(crafted: newsparse.Article) -> None:
    with pytest.raises(newsparse.InvalidJsonError):
        newsparse.Article.from_json("{not json")
    d = json.loads(crafted.to_json())
    del d["paragraphs"]
    with pytest.raises(newsparse.MissingFieldError, match="paragraphs"):
        newsparse.Article.from_json(json.dumps(d))
    d = json.loads(crafted.to_json())
    d["actors"][0]["mentions"][0]["end"] = len(d["text"]) + 5
    with pytest.raises(newsparse.InvalidSpanError, match=r"invalid span \d+\.\.\d+ in actors.mentions"):
        newsparse.Article.from_json(json.dumps(d))
    with pytest.raises(newsparse.NewsparseError):
        newsparse.Article.from_json("[]")


def test_a_rust_panic_is_an_exception_not_an_abort() -> None:
    with pytest.raises(BaseException, match="deliberate test panic") as e:
        newsparse._native._panic("deliberate test panic")
    assert type(e.value).__name__ == "PanicException"
    # The interpreter is still fine afterwards.
    assert newsparse.parse("Rain\n\nIt rained.").title == "Rain"


def test_a_panic_in_a_subprocess_exits_cleanly() -> None:
    code = (
        "import newsparse\n"
        "try:\n"
        "    newsparse._native._panic('boom')\n"
        "except BaseException as e:\n"
        "    print('caught', type(e).__name__)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "caught PanicException"
