"""Offsets are Unicode code points into the text exactly as given, whatever characters it holds."""

from __future__ import annotations

import json

import newsparse
from conftest import check_article

TEXT = (
    "Caf\u00e9 owners in S\u00e3o Paulo protest \U0001F4E2\n\n"
    "\u201cWe\u2019re closing,\u201d said Jos\u00e9 N\u00fa\u00f1ez \U0001F600. Prices rose 5\u00a0%.\n\n"
    "Na\u00efve \u00e9clair sales fell \u2014 again\u2026 The end."
)


def test_every_span_slices_the_python_string() -> None:
    a = newsparse.parse(TEXT)
    check_article(a)
    assert a.title == "Caf\u00e9 owners in S\u00e3o Paulo protest \U0001F4E2"
    second = TEXT.index("\u201cWe\u2019re")
    third = TEXT.index("Na\u00efve")
    assert [(p.start, p.end) for p in a.paragraphs] == [
        (0, len(a.title)),
        (second, TEXT.index("\n\nNa")),
        (third, len(TEXT)),
    ]
    sentences = [s.text for s in a.sentences]
    assert "\u201cWe\u2019re closing,\u201d said Jos\u00e9 N\u00fa\u00f1ez \U0001F600." in sentences
    assert "Prices rose 5\u00a0%." in sentences


def test_offsets_count_code_points_not_bytes_or_utf16_units() -> None:
    # One emoji is 4 UTF-8 bytes and 2 UTF-16 units, but one code point.
    text = "\U0001F600\U0001F600 Headline\n\n\U0001F600 One sentence here. Another one."
    a = newsparse.parse(text)
    body = a.paragraphs[1]
    assert body.start == text.index("\U0001F600 One") == 13
    assert body.end == len(text)
    assert [s.text for s in a.sentences[1:]] == ["\U0001F600 One sentence here.", "Another one."]
    assert a.sentences[2].start == text.index("Another")


def test_json_uses_the_same_code_point_offsets() -> None:
    a = newsparse.parse(TEXT)
    d = json.loads(a.to_json())
    assert d["paragraphs"] == [{"start": p.start, "end": p.end} for p in a.paragraphs]
    assert d["sentences"] == [{"start": s.start, "end": s.end} for s in a.sentences]
    for s in d["sentences"]:
        assert TEXT[s["start"] : s["end"]].strip() != ""


def test_crlf_bom_nbsp_and_zero_width_are_kept() -> None:
    text = "\ufeffStorm hits coast\r\n\r\nWinds\u00a0reached 200 km/h.\u200b Power was cut.\r\n"
    a = newsparse.parse(text)
    assert a.text == text
    check_article(a)
    body = [p for p in a.paragraphs if "Winds" in p.text][0]
    assert body.start == text.index("Winds")
    assert "Winds\u00a0reached 200 km/h." in [s.text for s in a.sentences]


def test_crafted_spans_round_trip_through_python(crafted: newsparse.Article) -> None:
    # The crafted text has curly quotes and an emoji before some spans.
    for st in crafted.statements:
        for c in st.content:
            assert crafted.text[c.start : c.end] == c.text
    dove = crafted.text.index("\U0001F54A")
    assert any(m.start > dove for m in crafted.actors[3].mentions)
