"""Value semantics of the classes (hashing, no fake ordering), article ids, stage switches, the flat
mention list and sentence lookup."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import newsparse

TEXT = (
    "Flood warning for Dhaka\n\n"
    "Prime Minister Sheikh Hasina said on Tuesday that the army would help. "
    "At least 12 people were killed in Sylhet, the police said.\n\n"
    "\u201cWe are ready,\u201d Hasina told reporters in Dhaka."
)


def test_value_classes_hash_consistently_with_equality(crafted: newsparse.Article) -> None:
    again = newsparse.Article.from_json(crafted.to_json())
    pairs: list[tuple[list[Any], list[Any]]] = [
        (crafted.actors, again.actors),
        (crafted.statements, again.statements),
        (crafted.statistics, again.statistics),
        (crafted.mentions, again.mentions),
    ]
    for mine, other in pairs:
        assert mine and mine == other
        assert [hash(x) for x in mine] == [hash(x) for x in other]
        assert set(mine) == set(other) and len(set(mine + other)) == len(mine)
    assert hash(crafted) == hash(again) and len({crafted, again}) == 1
    # Dict keys: statements by actor.
    by_actor: dict[newsparse.Actor, list[str]] = {}
    for st in crafted.statements:
        who = crafted.speaker(st)
        if who is not None:
            by_actor.setdefault(who, []).append(st.text)
    assert by_actor[crafted.actors[0]] == ["\u201cprogress has been made\u201d in the talks", "We will not give up,"]
    # Different values are different keys.
    a = newsparse.Statistic(0, 2, "5%", 5.0, None, None, "exact", "percent", "percent", None)
    b = newsparse.Statistic(0, 2, "5%", 6.0, None, None, "exact", "percent", "percent", None)
    zero = newsparse.Statistic(0, 1, "0", 0.0, None, None, "exact", None, None, None)
    minus_zero = newsparse.Statistic(0, 1, "0", -0.0, None, None, "exact", None, None, None)
    assert len({a, b}) == 2 and zero == minus_zero and hash(zero) == hash(minus_zero)


@pytest.mark.parametrize("cls", ["Span", "Mention", "Actor", "Statement", "Statistic", "Article", "ParseFailure"])
def test_no_ordering_methods_are_listed(cls: str) -> None:
    klass = getattr(newsparse, cls)
    for name in ("__lt__", "__le__", "__gt__", "__ge__"):
        assert name not in vars(klass), f"{cls}.{name}"
    assert "__eq__" in vars(klass) and "__hash__" in vars(klass)
    span = newsparse.Span(0, 4, "Rain")
    with pytest.raises(TypeError, match="not supported"):
        span < newsparse.Span(1, 4, "ain")  # type: ignore[operator]  # noqa: B015
    assert span == newsparse.Span(0, 4, "Rain") and span != newsparse.Span(0, 3, "Rai")


def test_parse_with_an_id() -> None:
    a = newsparse.parse(TEXT, id="voa-123", published="2024-08-06")
    assert a.id == "voa-123" and a.published == "2024-08-06"
    assert a.to_dict()["id"] == "voa-123"
    assert newsparse.Article.from_json(a.to_json()).id == "voa-123"
    assert newsparse.parse(TEXT).id is None
    assert a != newsparse.parse(TEXT, published="2024-08-06")
    assert newsparse.Parser().parse(TEXT, id="x").id == "x"
    with pytest.raises(TypeError, match="id must be str, not int"):
        newsparse.parse(TEXT, id=123)  # type: ignore[arg-type]


def test_parser_switches_stages_off() -> None:
    full = newsparse.parse(TEXT)
    assert full.actors and full.statements and full.statistics
    no_stats = newsparse.Parser(statistics=False).parse(TEXT)
    assert no_stats.statistics == [] and no_stats.actors == full.actors and no_stats.statements == full.statements
    no_statements = newsparse.Parser(statements=False).parse(TEXT)
    assert no_statements.statements == [] and no_statements.statistics
    # Without the actor stage, the only actors are the speakers the statement stage finds itself.
    no_actors = newsparse.Parser(actors=False).parse(TEXT)
    assert no_actors.statements and len(no_actors.actors) < len(full.actors)
    speakers = {st.speaker for st in no_actors.statements} | {st.via for st in no_actors.statements}
    assert {act.id for act in no_actors.actors} <= speakers
    assert not any(m.text == "Sylhet" for m in no_actors.mentions)
    assert any(m.text == "Sylhet" for m in full.mentions)
    only_stats = newsparse.Parser(actors=False, statements=False).parse(TEXT)
    assert only_stats.actors == [] and only_stats.mentions == []
    # The same numbers, claimed by nobody (there are no actors or statements to claim them).
    assert [(s.span, s.value) for s in only_stats.statistics] == [(s.span, s.value) for s in full.statistics]
    assert all(s.claimed_by is None and s.statement is None for s in only_stats.statistics)
    bare = newsparse.Parser(actors=False, statements=False, statistics=False)
    assert (bare.actors, bare.statements, bare.statistics) == (False, False, False)
    a = bare.parse(TEXT)
    assert (a.actors, a.statements, a.statistics) == ([], [], []) and a.sentences == full.sentences
    again = pickle.loads(pickle.dumps(bare))
    assert repr(again) == repr(bare) and "actors=False, statements=False, statistics=False" in repr(bare)


def test_mentions_are_flat_labelled_and_in_text_order() -> None:
    a = newsparse.parse(TEXT)
    mentions = a.mentions
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert len(mentions) == sum(len(act.mentions) for act in a.actors)
    for m in mentions:
        actor = a.actors[m.actor]
        assert m.label == actor.kind and m.span in actor.mentions
        assert TEXT[m.start : m.end] == m.text
    labelled = {(m.text, m.label) for m in mentions}
    assert {("Sheikh Hasina", "person"), ("Dhaka", "location"), ("Sylhet", "location")} <= labelled
    dhaka = [m for m in mentions if m.text == "Dhaka"]
    assert len(dhaka) == 2 and dhaka[0].actor == dhaka[1].actor and dhaka[0].start < dhaka[1].start
    people = [m.text for m in mentions if m.label == "person"]
    assert "Sheikh Hasina" in people and "Hasina" in people
    with pytest.raises(ValueError, match="unknown mention label"):
        newsparse.Mention(0, 4, "Rain", "weather", 0)


def test_sentence_of_finds_the_enclosing_sentence() -> None:
    a = newsparse.parse(TEXT)
    killed = next(s for s in a.statistics if s.text.startswith("At least 12"))
    assert a.sentence_of(killed) == next(s for s in a.sentences if "Sylhet" in s.text)
    quote = next(st for st in a.statements if st.kind == "direct")
    assert a.sentence_of(quote).text.startswith("\u201cWe are ready")  # type: ignore[union-attr]
    hasina = next(m for m in a.mentions if m.text == "Hasina")
    assert a.sentence_of(hasina) == a.sentence_of(hasina.span) == a.sentence_of(hasina.start)
    for s in a.sentences:
        assert a.sentence_of(s) == s and a.sentence_of(s.end - 1) == s
    # In the blank line between paragraphs, and past the end: no sentence.
    gap = TEXT.index("\n\n", 30) + 1
    assert a.sentence_of(gap) is None and a.sentence_of(len(TEXT) + 10) is None
    with pytest.raises(TypeError, match="sentence_of"):
        a.sentence_of("Hasina")  # type: ignore[arg-type]
