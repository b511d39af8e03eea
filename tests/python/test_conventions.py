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


def test_polnear_options_change_what_is_a_statement() -> None:
    belief = "The union believes the strike will end soon."
    assert len(newsparse.Parser().parse(belief).statements) == 1
    assert newsparse.Parser(speech_cues_only=True).parse(belief).statements == []
    said = "The mayor said the bridge will reopen in May."
    assert len(newsparse.Parser(speech_cues_only=True).parse(said).statements) == 1

    trailing = "The group said it fired rockets at the base, which the army denied."
    assert newsparse.Parser().parse(trailing).statements[0].text == "it fired rockets at the base"
    kept = newsparse.Parser(keep_trailing_clauses=True).parse(trailing).statements[0]
    assert kept.text == "it fired rockets at the base, which the army denied"

    announced = "The mayor announced her resignation on Monday."
    assert newsparse.Parser().parse(announced).statements == []
    np = newsparse.Parser(noun_phrase_contents=True).parse(announced).statements
    assert [s.text for s in np] == ["her resignation on Monday"]

    parser = newsparse.Parser(speech_cues_only=True, keep_trailing_clauses=True, noun_phrase_contents=True)
    back = pickle.loads(pickle.dumps(parser))
    assert (back.speech_cues_only, back.keep_trailing_clauses, back.noun_phrase_contents) == (True, True, True)
    assert "noun_phrase_contents=True" in repr(back)


def test_bad_convention_names_are_value_errors() -> None:
    with pytest.raises(ValueError, match="mixed_content"):
        newsparse.Parser(mixed_content="whole")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cue_span"):
        newsparse.Parser(cue_span="phrase")  # type: ignore[arg-type]
