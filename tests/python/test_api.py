"""The public API: parse, the classes, their attributes, reprs and docs."""

from __future__ import annotations

import importlib.metadata
import inspect
import os
import re
import sys
from pathlib import Path

import pytest

import newsparse
from conftest import ROOT, check_article


def test_seed_article_structure(seed_text: str) -> None:
    a = newsparse.parse(seed_text)
    assert isinstance(a, newsparse.Article)
    assert a.text == seed_text
    assert a.title == "Qatari Prime Minister and Iranian President Stress Need for Regional Stability"
    assert a.title_span == newsparse.Span(0, len(a.title), a.title)
    assert len(a.paragraphs) == 16
    assert a.paragraphs[0] == a.title_span
    # Paragraphs are exactly the blank-line separated blocks.
    blocks = [b for b in seed_text.split("\n\n") if b.strip()]
    assert [p.text for p in a.paragraphs] == [b.strip() for b in blocks]
    sentences = [s.text for s in a.sentences]
    # A quotation that ends a sentence keeps its closing mark; "said the ..." stays with its quote.
    assert (
        "\u201cThe meeting discussed bilateral co-operation relations, developments in the region and "
        "ways to maintain the region's security and stability,\u201d said the Qatari Foreign Ministry."
    ) in sentences
    assert "Sheikh Mohammed landed in Iran on Monday for meetings with top officials, including "\
        "Foreign Minister Abbas Araghchi." in sentences
    assert a.id is None and a.published is None
    for kind in (a.actors, a.statements, a.statistics):
        assert isinstance(kind, list)
    assert all(isinstance(x, newsparse.Actor) for x in a.actors)
    assert all(isinstance(x, newsparse.Statement) for x in a.statements)
    assert all(isinstance(x, newsparse.Statistic) for x in a.statistics)
    check_article(a)


def test_no_title_when_first_line_is_a_sentence() -> None:
    a = newsparse.parse("The talks resumed on Monday.\n\nBoth sides attended.")
    assert a.title is None and a.title_span is None
    assert [p.text for p in a.paragraphs] == ["The talks resumed on Monday.", "Both sides attended."]


def test_published_is_kept() -> None:
    a = newsparse.parse("Rain\n\nIt rained.", published="2024-08-26")
    assert a.published == "2024-08-26"
    assert newsparse.parse("Rain\n\nIt rained.", "2024-02-29").published == "2024-02-29"


def test_empty_and_whitespace_text() -> None:
    for text in ("", "   \n\n  "):
        a = newsparse.parse(text)
        assert a.title is None
        assert a.sentences == []
        check_article(a)


def test_crafted_article_attributes(crafted: newsparse.Article) -> None:
    check_article(crafted)
    abdelatty = crafted.actors[0]
    assert (abdelatty.name, abdelatty.kind, abdelatty.titles, abdelatty.affiliation) == (
        "Badr Abdelatty",
        "person",
        ["foreign minister"],
        "Egypt",
    )
    assert [m.text for m in abdelatty.mentions] == ["Badr Abdelatty", "Abdelatty"]
    direct = [s for s in crafted.statements if s.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text == "We will not give up,"
    assert crafted.speaker(direct[0]) == abdelatty
    assert direct[0].cue is not None and direct[0].cue.text == "told"
    unresolved = newsparse.Statement("indirect", None, None, None, [], None)
    assert crafted.speaker(unresolved) is None
    killed = crafted.statistics[0]
    assert (killed.value, killed.lower, killed.upper, killed.qualifier) == (40000.0, 40000.0, None, "at_least")
    assert killed.span == newsparse.Span(killed.start, killed.end, "At least 40,000 people")


def test_classes_are_frozen(crafted: newsparse.Article) -> None:
    objects = [crafted, crafted.actors[0], crafted.statements[0], crafted.statistics[0], crafted.paragraphs[0]]
    for obj in objects:
        with pytest.raises(AttributeError):
            obj.text = "changed"  # type: ignore[misc]
    assert crafted.actors[0].name == "Badr Abdelatty"
    # The list attributes are copies: changing one does not change the article.
    actors = crafted.actors
    actors.clear()
    assert len(crafted.actors) == 4


def test_constructors_validate_kinds() -> None:
    with pytest.raises(ValueError, match="actor kind"):
        newsparse.Actor(0, "X", "alien", [], None, [])
    with pytest.raises(ValueError, match="statement kind"):
        newsparse.Statement("shouted", None, None, None, [], None)


def test_reprs_are_short_and_informative(seed_text: str, crafted: newsparse.Article) -> None:
    a = newsparse.parse(seed_text * 20)
    r = repr(a)
    assert r.startswith("Article(title='Qatari Prime Minister") and len(r) < 200
    assert "paragraphs=" in r and "statements=" in r
    assert repr(newsparse.Span(3, 5, "ab")) == "Span(3, 5, 'ab')"
    assert repr(crafted.actors[0]) == "Actor(id=0, name='Badr Abdelatty', kind='person', mentions=2)"
    assert repr(crafted.statements[2]) == "Statement(kind='direct', speaker=0, text='We will not give up,')"
    assert "40,000" in repr(crafted.statistics[0]) and "killed" in repr(crafted.statistics[0])
    long_quote = newsparse.Statement("direct", None, None, None, [newsparse.Span(0, 500, "x" * 500)], None)
    assert len(repr(long_quote)) < 120


def test_span_equality_hash_and_len() -> None:
    a, b = newsparse.Span(1, 4, "abc"), newsparse.Span(1, 4, "abc")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != newsparse.Span(1, 4, "abd")
    assert len(a) == 3


def test_parser_class_and_limit() -> None:
    assert newsparse.Parser().max_input_bytes == newsparse.DEFAULT_MAX_INPUT_BYTES == 2 * 1024 * 1024
    p = newsparse.Parser(max_input_bytes=100)
    assert repr(p) == (
        "Parser(max_input_bytes=100, actors=True, statements=True, statistics=True, "
        "merge_continuations=False, mixed_content='clause', cue_span='word', speech_cues_only=False, "
        "keep_trailing_clauses=False, noun_phrase_contents=False)"
    )
    assert p.parse("Rain\n\nIt rained.").title == "Rain"
    assert [a.title for a in p.parse_many(["A\n\nB.", "C\n\nD."])] == ["A", "C"]


def test_version_matches_cargo() -> None:
    cargo = (ROOT / "Cargo.toml").read_text()
    m = re.search(r'^version = "([^"]+)"', cargo, re.M)
    assert m is not None
    assert newsparse.__version__ == m.group(1)


def test_every_public_name_is_documented() -> None:
    for name in newsparse.__all__:
        obj = getattr(newsparse, name)
        if inspect.isclass(obj) or callable(obj):
            assert obj.__doc__ and len(obj.__doc__.strip()) > 10, name
    for cls in (newsparse.Article, newsparse.Actor, newsparse.Statement, newsparse.Statistic, newsparse.Span):
        for attr, value in vars(cls).items():
            if attr.startswith("_"):
                continue
            assert getattr(value, "__doc__", None), f"{cls.__name__}.{attr} has no docstring"
    assert "code-point" in (newsparse.Span.__doc__ or "")
    assert newsparse.__doc__ and "parse_many" in newsparse.__doc__


def test_module_exposes_classes_under_the_public_name() -> None:
    assert newsparse.Article.__module__ == "newsparse"
    assert newsparse.InvalidDateError.__module__ == "newsparse"
    assert newsparse.default_threads() >= 1


def test_installed_as_abi3_wheel() -> None:
    wheel = importlib.metadata.distribution("newsparse").read_text("WHEEL") or ""
    assert re.search(r"Tag: cp3\d+-abi3-", wheel), wheel
    native = Path(newsparse._native.__file__).resolve()
    if os.environ.get("NEWSPARSE_TEST_WHEEL"):
        # Run against the built wheel: the extension must come from site-packages, not the checkout.
        assert "site-packages" in native.parts, native
        assert (ROOT / "python") not in native.parents, native


def elf_section_names(data: bytes) -> list[str]:
    """The section names of a little-endian ELF64 file."""
    import struct

    assert data[:4] == b"\x7fELF" and data[4] == 2, "not an ELF64 file"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    def header(i: int) -> tuple[int, int, int]:
        name, = struct.unpack_from("<I", data, shoff + i * shentsize)
        offset, size = struct.unpack_from("<QQ", data, shoff + i * shentsize + 0x18)
        return name, offset, size
    _, strtab, _ = header(shstrndx)
    names = []
    for i in range(shnum):
        name = header(i)[0]
        names.append(data[strtab + name : data.index(b"\0", strtab + name)].decode())
    return names


def test_linux_wheel_is_manylinux2014_and_stripped() -> None:
    """The wheel scripts/test builds (as the release does): glibc 2.17 at most, no debug info."""
    if not os.environ.get("NEWSPARSE_TEST_WHEEL") or not sys.platform.startswith("linux"):
        pytest.skip("checks the built Linux wheel (scripts/test sets NEWSPARSE_TEST_WHEEL)")
    wheel = importlib.metadata.distribution("newsparse").read_text("WHEEL") or ""
    assert re.search(r"Tag: cp39-abi3-manylinux_2_17_x86_64|Tag: cp39-abi3-manylinux2014_", wheel), wheel
    data = Path(newsparse._native.__file__).read_bytes()
    glibc = {int(m) for m in re.findall(rb"GLIBC_2\.(\d+)", data)}
    assert glibc and max(glibc) <= 17, sorted(glibc)
    sections = elf_section_names(data)
    assert ".dynsym" in sections and not [s for s in sections if s.startswith(".debug")], sections
    # Stripped: about 6 MB, 2.8 MB of it the tagger's model (unstripped, with line tables: 16 MB).
    assert len(data) < 10_000_000, len(data)


def test_times_are_resolved_against_the_publication_date() -> None:
    text = "Talks fail\n\nThe talks collapsed on Monday, two years after they began, officials said."
    a = newsparse.parse(text, published="2024-08-28")
    monday = a.times[0]
    assert text[monday["start"] : monday["end"]] == monday["text"] == "Monday"
    assert (monday["type"], monday["value"], monday["first"], monday["last"]) == (
        "date", "2024-08-26", "2024-08-26", "2024-08-26")
    assert a.to_dict()["times"] == a.times
    # without a date, the weekday stays underspecified
    assert newsparse.parse(text).times[0]["value"] == "XXXX-WXX-1"


def test_a_statistic_knows_the_time_of_its_clause() -> None:
    text = "Trade\n\nIn 2023, exports rose 5%. Imports fell 3% as well."
    a = newsparse.parse(text, published="2024-08-28")
    rose, fell = a.statistics
    assert rose.text == "5%" and rose.time == 0 and a.times[0]["value"] == "2023"
    # another sentence: no time of its own
    assert fell.time is None
    assert rose.to_dict()["time"] == 0 and a.to_dict()["statistics"][0]["time"] == 0
    back = newsparse.Article.from_json(a.to_json())
    assert back.statistics[0].time == 0 and back == a
    import pickle

    assert pickle.loads(pickle.dumps(rose)) == rose
