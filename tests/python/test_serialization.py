"""to_dict/to_json agree, JSON round trips, and every class pickles to an equal object."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest

import newsparse


def test_to_dict_equals_json_on_real_articles(seed_text: str, voa_texts: list[str]) -> None:
    for text in [seed_text] + voa_texts[:40]:
        a = newsparse.parse(text, published="2024-08-26")
        assert a.to_dict() == json.loads(a.to_json())
        assert json.loads(a.to_json(pretty=True)) == json.loads(a.to_json())


def test_to_dict_equals_json_with_every_field(crafted: newsparse.Article) -> None:
    d = crafted.to_dict()
    assert d == json.loads(crafted.to_json())
    assert list(d) == list(json.loads(crafted.to_json()))
    assert d["statistics"][0]["value"] == 40000.0
    assert d["statements"][2]["content"] == [crafted.statements[2].content[0].to_dict()]
    assert d["actors"][0] == crafted.actors[0].to_dict()
    assert d["title"] == "Gaza ceasefire talks resume in Cairo"


def test_json_round_trip(crafted: newsparse.Article, seed_text: str) -> None:
    for a in (crafted, newsparse.parse(seed_text)):
        b = newsparse.Article.from_json(a.to_json())
        assert b == a
        assert b.to_dict() == a.to_dict()
    assert crafted != newsparse.parse(crafted.text)


def objects(crafted: newsparse.Article) -> list[Any]:
    return [
        crafted,
        crafted.paragraphs[1],
        crafted.actors[0],
        crafted.actors[1],
        crafted.statements[0],
        crafted.statements[2],
        crafted.statistics[0],
        crafted.statistics[1],
        newsparse.ParseFailure(3, "InvalidDateError", "bad date"),
        newsparse.Statistic(0, 1, "x", None, None, None, "exact", None, None, None),
    ]


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_every_class_pickles_to_an_equal_object(crafted: newsparse.Article, protocol: int) -> None:
    for obj in objects(crafted):
        back = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert type(back) is type(obj)
        assert back == obj, obj
        assert back is not obj
    parser = pickle.loads(pickle.dumps(newsparse.Parser(max_input_bytes=77), protocol=protocol))
    assert parser.max_input_bytes == 77


def test_copy_and_deepcopy(crafted: newsparse.Article) -> None:
    for obj in objects(crafted):
        assert copy.copy(obj) == obj
        assert copy.deepcopy(obj) == obj


def test_unpickled_article_is_fully_usable(crafted: newsparse.Article) -> None:
    back = pickle.loads(pickle.dumps(crafted))
    assert back.speaker(back.statements[2]) == crafted.actors[0]
    assert back.to_dict() == crafted.to_dict()


def test_equality_is_by_value() -> None:
    a = newsparse.parse("Rain\n\nIt rained.")
    assert a == newsparse.parse("Rain\n\nIt rained.")
    assert a != newsparse.parse("Rain\n\nIt rained again.")
    assert a != newsparse.parse("Rain\n\nIt rained.", published="2024-01-01")
    assert newsparse.ParseFailure(1, "E", "m") != newsparse.ParseFailure(2, "E", "m")


def test_exceptions_pickle() -> None:
    e = newsparse.InvalidDateError("invalid publication date")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is newsparse.InvalidDateError and str(back) == str(e)
