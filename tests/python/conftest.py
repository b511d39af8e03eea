"""Shared fixtures for the newsparse Python tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed_article.txt"
BENCH = ROOT.parent / "shared" / "data" / "bench" / "voa_news.jsonl"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The bundled example article (a real news story with curly quotes)."""
    return SEED.read_text(encoding="utf-8")


def load_voa(n: int) -> list[dict[str, Any]]:
    """The first n records of the bench corpus, or a skip when it is not there."""
    if not BENCH.exists():
        pytest.skip(f"bench corpus not found at {BENCH}")
    out = []
    with BENCH.open(encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) == n:
                break
    return out


@pytest.fixture(scope="session")
def voa_texts() -> list[str]:
    """120 real VOA news articles from the bench corpus."""
    return [r["text"] for r in load_voa(120)]


CRAFTED_TEXT = (
    "Gaza ceasefire talks resume in Cairo\n\n"
    "Egypt\u2019s foreign minister Badr Abdelatty said on Monday that \u201cprogress has been made\u201d "
    "in the talks. At least 40,000 people have been killed in Gaza, the Hamas-run health ministry "
    "said.\n\n"
    "\u201cWe will not give up,\u201d Abdelatty told reporters in Cairo \U0001F54A. Prices rose 5% in "
    "July, according to officials."
)


def span(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    """The JSON span {start, end, text} of the nth occurrence of needle (code-point offsets)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def crafted_dict(text: str = CRAFTED_TEXT) -> dict[str, Any]:
    """A JSON article over a real-looking text with actors, statements and statistics filled in by
    hand, so the Python layer can be tested independently of the extraction stages."""
    import newsparse

    d = newsparse.parse(text).to_dict()
    d["actors"] = [
        {
            "id": 0,
            "name": "Badr Abdelatty",
            "kind": "person",
            "titles": ["foreign minister"],
            "affiliation": "Egypt",
            "mentions": [span(text, "Badr Abdelatty"), span(text, "Abdelatty", 1)],
        },
        {
            "id": 1,
            "name": "Egypt",
            "kind": "country",
            "titles": [],
            "affiliation": None,
            "mentions": [span(text, "Egypt")],
        },
        {
            "id": 2,
            "name": "the Hamas-run health ministry",
            "kind": "organization",
            "titles": [],
            "affiliation": "Hamas",
            "mentions": [span(text, "the Hamas-run health ministry")],
        },
        {
            "id": 3,
            "name": "officials",
            "kind": "source",
            "titles": [],
            "affiliation": None,
            "mentions": [span(text, "officials")],
        },
    ]
    d["statements"] = [
        {
            "kind": "mixed",
            "speaker": 0,
            "speaker_mention": span(text, "Badr Abdelatty"),
            "cue": span(text, "said"),
            "content": [span(text, "\u201cprogress has been made\u201d in the talks")],
            "via": None,
            "quoted": [span(text, "progress has been made")],
        },
        {
            "kind": "indirect",
            "speaker": 2,
            "speaker_mention": span(text, "the Hamas-run health ministry"),
            "cue": span(text, "said", 1),
            "content": [span(text, "At least 40,000 people have been killed in Gaza")],
            "via": None,
            "quoted": [],
        },
        {
            "kind": "direct",
            "speaker": 0,
            "speaker_mention": span(text, "Abdelatty", 1),
            "cue": span(text, "told"),
            "content": [span(text, "We will not give up,")],
            "via": None,
            "quoted": [span(text, "We will not give up,")],
        },
        {
            "kind": "indirect",
            "speaker": 3,
            "speaker_mention": span(text, "officials"),
            "cue": span(text, "according to"),
            "content": [span(text, "Prices rose 5% in July")],
            "via": None,
            "quoted": [],
        },
    ]
    d["statistics"] = [
        {
            **span(text, "At least 40,000 people"),
            "value": 40000.0,
            "lower": 40000.0,
            "upper": None,
            "qualifier": "at_least",
            "unit": "people",
            "kind": "count",
            "context": "killed",
            "context_lemma": "kill",
            "claimed_by": 2,
            "statement": 1,
            "from_value": None,
        },
        {
            **span(text, "5%"),
            "value": 5.0,
            "lower": None,
            "upper": None,
            "qualifier": "increase",
            "unit": "percent",
            "kind": "percent",
            "context": "rose",
            "context_lemma": "rise",
            "claimed_by": 3,
            "statement": 3,
            "from_value": None,
        },
    ]
    return d


@pytest.fixture()
def crafted() -> Any:
    """A newsparse.Article with hand-made actors, statements and statistics (read from JSON)."""
    import newsparse

    return newsparse.Article.from_json(json.dumps(crafted_dict()))


def check_article(a: Any) -> None:
    """Invariants every parsed article must satisfy, whatever the extraction stages find."""
    text = a.text
    spans = list(a.paragraphs) + list(a.sentences)
    if a.title_span is not None:
        spans.append(a.title_span)
        assert a.title == a.title_span.text
    for act in a.actors:
        spans.extend(act.mentions)
    for st in a.statements:
        spans.extend(st.content)
        spans.extend(s for s in (st.speaker_mention, st.cue) if s is not None)
        for ref in (st.speaker, st.via):
            assert ref is None or 0 <= ref < len(a.actors)
    spans.extend(s.span for s in a.statistics)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s
    assert [act.id for act in a.actors] == list(range(len(a.actors)))
    paragraphs = a.paragraphs
    for p, q in zip(paragraphs, paragraphs[1:]):
        assert p.end <= q.start
    for s in a.sentences:
        assert any(p.start <= s.start and s.end <= p.end for p in paragraphs), s
