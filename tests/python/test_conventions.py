"""Statement conventions on newsparse.Parser: the project's defaults and PolNeAR's, pickling, bad values."""

from __future__ import annotations

import pickle

import pytest

import newsparse

SPLIT = '"We will rebuild," the mayor said on Tuesday. "It will take years, but we will do it."'


def test_defaults_keep_a_continuation_quote_as_its_own_statement() -> None:
    parser = newsparse.Parser()
    assert (parser.merge_continuations, parser.mixed_content, parser.cue_span) == (False, "clause", "word")
    statements = parser.parse(SPLIT).statements
    assert len(statements) == 2
    assert statements[1].cue is None
    assert statements[0].speaker == statements[1].speaker


def test_merge_continuations_joins_the_quote_to_the_statement_before() -> None:
    parser = newsparse.Parser(merge_continuations=True)
    statements = parser.parse(SPLIT).statements
    assert len(statements) == 1
    assert [c.text for c in statements[0].content] == [
        "We will rebuild,",
        "It will take years, but we will do it.",
    ]


def test_cue_verb_group_and_mixed_clause() -> None:
    text = "The minister has also said in a statement that the talks would resume on Monday."
    word = newsparse.Parser().parse(text).statements[0]
    group = newsparse.Parser(cue_span="verb_group").parse(text).statements[0]
    assert word.cue is not None and word.cue.text == "said"
    assert group.cue is not None and "said" in group.cue.text and len(group.cue.text) > len("said")
    mixed = 'The minister said the deal was "dead on arrival" and would not be signed.'
    fragments = newsparse.Parser(mixed_content="fragments").parse(mixed).statements[0]
    clause = newsparse.Parser().parse(mixed).statements[0]
    assert fragments.kind == "mixed" and [c.text for c in fragments.content] == ["dead on arrival"]
    assert len(clause.text) > len("dead on arrival") and "dead on arrival" in clause.text


def test_options_pickle_and_repr() -> None:
    parser = newsparse.Parser(merge_continuations=True, mixed_content="clause", cue_span="verb_group")
    back = pickle.loads(pickle.dumps(parser))
    assert (back.merge_continuations, back.mixed_content, back.cue_span) == (True, "clause", "verb_group")
    assert "merge_continuations=True" in repr(parser) and "mixed_content='clause'" in repr(parser)


def test_bad_convention_names_are_value_errors() -> None:
    with pytest.raises(ValueError, match="mixed_content"):
        newsparse.Parser(mixed_content="whole")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cue_span"):
        newsparse.Parser(cue_span="phrase")  # type: ignore[arg-type]
