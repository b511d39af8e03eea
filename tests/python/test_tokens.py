"""The opt-in token view: Parser(tokens=True) gives every token with its part-of-speech tag."""

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


def test_tokens_in_dict_json_and_pickle() -> None:
    parser = newsparse.Parser(tokens=True)
    article = parser.parse(TEXT)
    d = article.to_dict()
    assert d == json.loads(article.to_json())
    assert d["tokens"] == article.tokens
    assert newsparse.Article.from_json(article.to_json()) == article
    assert pickle.loads(pickle.dumps(parser)).tokens is True


NAMES_TEXT = (
    "Port dispute widens\n\nDockworkers walked out on Tuesday after the Halvorsen Shipping Group cut wages, "
    "said Tomasz Wierzbicki, a spokesman for the Baltic Freight Union. The strike was backed by Ingrid "
    "Sandvold, the mayor of Lysefjord. the board met on friday and the talks resumed after lunch."
)


def test_tokens_carry_bio_name_tags() -> None:
    article = newsparse.Parser(tokens=True).parse(NAMES_TEXT)
    tokens = article.tokens
    names = [(t["text"], t["name"]) for t in tokens]
    i = names.index(("Tomasz", "B-PER"))
    assert names[i + 1] == ("Wierzbicki", "I-PER")
    i = names.index(("Halvorsen", "B-ORG"))
    assert [n for _, n in names[i + 1 : i + 3]] == ["I-ORG", "I-ORG"]
    assert ("Lysefjord", "B-LOC") in names
    # negatives: the words around names, a common-word headline, a lower-case sentence
    assert ("spokesman", "O") in names and ("Tuesday", "O") in names
    assert [n for _, n in names[:3]] == ["O", "O", "O"]
    board = [w for w, _ in names].index("board")
    assert all(n == "O" for _, n in names[board:])
    # an I tag only continues a name of its own type
    prev = "O"
    for _, n in names:
        if n.startswith("I-"):
            assert prev != "O" and prev[2:] == n[2:]
        prev = n
    assert json.loads(article.to_json())["tokens"] == tokens
