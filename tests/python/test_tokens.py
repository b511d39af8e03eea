"""The opt-in token view: Parser(tokens=True) gives every token with its part-of-speech and name tags."""

import json
import pickle

import newsparse

TEXT = "Talks stall\n\n\u201cWe will not give up,\u201d Okonkwo said in Troms\u00f8 on Monday."


def test_tokens_only_when_asked() -> None:
    assert newsparse.parse(TEXT).tokens is None
    assert "tokens" not in newsparse.parse(TEXT).to_dict()
    assert newsparse.Parser().tokens is False
    parser = newsparse.Parser(tokens=True)
    assert parser.tokens is True
    article = parser.parse(TEXT)
    tokens = article.tokens
    assert tokens is not None
    assert [t["text"] for t in tokens[:3]] == ["Talks", "stall", "\u201c"]
    for t in tokens:
        assert article.text[t["start"] : t["end"]] == t["text"]
        assert isinstance(t["tag"], str)


def test_tokens_carry_universal_tags() -> None:
    article = newsparse.Parser(tokens=True).parse(TEXT)
    pos = {t["text"]: t["pos"] for t in article.tokens}
    assert pos["Okonkwo"] == "PROPN"
    assert pos["Troms\u00f8"] == "PROPN"
    assert pos["said"] == "VERB"
    assert pos["will"] == "AUX"
    assert pos["\u201d"] == "PUNCT"


def test_tokens_carry_penn_tags() -> None:
    text = "The minister has said the bridge needs repairs. Okonkwo said the plan failed."
    article = newsparse.Parser(tokens=True).parse(text)
    tags = [(t["text"], t["tag"]) for t in article.tokens]
    # a participle after "has", a past tense after a subject
    assert tags[3] == ("said", "VBN")
    assert tags[10] == ("said", "VBD")
    assert tags[7] == ("repairs", "NNS")
    assert tags[9] == ("Okonkwo", "NNP")
    assert tags[0] == ("The", "DT")
    assert tags[1] != ("minister", "NNS")


def test_tokens_carry_name_tags() -> None:
    text = "Talks led by Amina Okonkwo resumed in Troms\u00f8 on Monday, and officials at the University of Oslo welcomed them."
    article = newsparse.Parser(tokens=True).parse(text)
    names = {t["text"]: t["name"] for t in article.tokens}
    assert names["Amina"] == "B-PER"
    assert names["Okonkwo"] == "I-PER"
    assert names["Troms\u00f8"] == "B-LOC"
    assert [names[w] for w in ("University", "of", "Oslo")] == ["B-ORG", "I-ORG", "I-ORG"]
    for word in ("Talks", "Monday", "officials", "."):
        assert names[word] is None
    # the spaCy-like columns a user builds from them
    iob = [t["name"][0] if t["name"] else "O" for t in article.tokens]
    assert "I" not in iob[:1] and iob.count("B") == 3


def test_tokens_in_dict_json_and_pickle() -> None:
    parser = newsparse.Parser(tokens=True)
    article = parser.parse(TEXT)
    d = article.to_dict()
    assert d == json.loads(article.to_json())
    assert d["tokens"] == article.tokens
    assert newsparse.Article.from_json(article.to_json()) == article
    assert pickle.loads(pickle.dumps(parser)).tokens is True
