"""HTML input: parse_html, parse_many(..., html=True), the article's page fields and the typed errors."""

from __future__ import annotations

import json

import pytest

import newsparse

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Flood waters recede in the valley | Valley Times</title>
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2024-03-03T08:00:00Z">
<meta property="article:modified_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://valleytimes.example/news/flood-waters-recede">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Flood waters recede in the valley</h1>
<p class="byline">By Maria Lopez and Tom Reed, Staff Writers</p>
<p>The river fell by more than two metres overnight, and about 3,000 residents began returning to their
homes in the lower valley on Sunday.</p>
<figure><img src="river.jpg"><figcaption>The river on Monday. (Photo: Valley Times)</figcaption></figure>
<p>"We lost everything in the basement," said Ana Ruiz, who has lived on Mill Street for 20 years.</p>
<div class="share-buttons"><a>Share on Facebook</a><a>Share on X</a></div>
<p>Read more: <a href="/news/rain">Heavy rain expected again next week</a></p>
</article>
<footer>Copyright Valley Times</footer>
</body></html>"""


def test_parse_html_extracts_the_page() -> None:
    a = newsparse.parse_html(PAGE, "https://valleytimes.example/news/flood-waters-recede?utm=x")
    assert a.title == "Flood waters recede in the valley"
    assert a.authors == ["Maria Lopez", "Tom Reed"]
    assert a.published == "2024-03-03"
    assert a.url == "https://valleytimes.example/news/flood-waters-recede"
    assert a.site_name == "Valley Times"
    assert a.language == "en"
    assert a.text.startswith("Flood waters recede in the valley\n\nThe river fell")
    for left_out in ("figcaption", "The river on Monday", "Share on Facebook", "Read more", "Home", "Copyright"):
        assert left_out not in a.text
    # the text stages ran on the extracted text, and the spans point into it
    assert any(s.speaker_mention is not None for s in a.statements)
    for actor in a.actors:
        for m in actor.mentions:
            assert a.text[m.start : m.end] == m.text


def test_page_fields_in_json_and_dict() -> None:
    a = newsparse.parse_html(PAGE)
    d = json.loads(a.to_json())
    assert d["authors"] == ["Maria Lopez", "Tom Reed"]
    assert d["site_name"] == "Valley Times"
    assert a.to_dict() == d
    assert newsparse.Article.from_json(a.to_json()) == a
    # text input carries no page fields
    t = newsparse.parse("Rain\n\nIt rained on Monday.")
    assert (t.authors, t.url, t.site_name, t.language) == ([], None, None, None)
    assert d["language"] == "en"
    assert not {"authors", "url", "site_name", "language"} & set(json.loads(t.to_json()))


def test_a_given_date_wins_over_the_page() -> None:
    a = newsparse.parse_html(PAGE, published="2024-03-04")
    assert a.published == "2024-03-04"
    with pytest.raises(newsparse.InvalidDateError):
        newsparse.parse_html(PAGE, published="2024-02-30")


def test_parse_many_html() -> None:
    out = newsparse.parse_many([PAGE, "no markup here", PAGE], html=True, errors="return", n_threads=2)
    assert out[0] and out[2]
    assert out[0].authors == ["Maria Lopez", "Tom Reed"]
    assert not out[1]
    assert out[1].error_type == "NotHtmlError"
    parser = newsparse.Parser()
    assert parser.parse_html(PAGE) == out[0]


def test_bad_pages_raise_typed_errors() -> None:
    with pytest.raises(newsparse.NotHtmlError):
        newsparse.parse_html("")
    with pytest.raises(newsparse.NotHtmlError):
        newsparse.parse_html("Plain text without any markup at all.")
    index = "<html><head><title>Latest</title></head><body><nav><a href=/a>World</a></nav></body></html>"
    with pytest.raises(newsparse.NoArticleBodyError):
        newsparse.parse_html(index)
    with pytest.raises(newsparse.InputTooLargeError):
        newsparse.Parser(max_input_bytes=100).parse_html(PAGE)
    with pytest.raises(TypeError):
        newsparse.parse_html(PAGE.encode())  # type: ignore[arg-type]
    assert issubclass(newsparse.NoArticleBodyError, newsparse.NewsparseError)


def test_page_fields_are_table_columns() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    one_author = PAGE.replace("By Maria Lopez and Tom Reed, Staff Writers", "By Maria Lopez").replace(
        'lang="en"', 'lang="en-GB"'
    )
    articles = [newsparse.parse_html(PAGE), newsparse.parse("Rain\n\nIt rained on Monday."), newsparse.parse_html(one_author)]
    t = newsparse.to_pandas(articles, ids=["page", "text", "page2"]).articles.set_index("doc_id")
    assert t.loc["page", "authors"] == "Maria Lopez; Tom Reed"
    assert t.loc["page2", "authors"] == "Maria Lopez"
    assert t.loc["page", "url"] == "https://valleytimes.example/news/flood-waters-recede"
    assert t.loc["page", "site_name"] == "Valley Times"
    assert (t.loc["page", "language"], t.loc["page2", "language"]) == ("en", "en-GB")
    for column in ("authors", "url", "site_name", "language"):
        assert str(t[column].dtype) == "string", column
        assert t.loc["text", column] is pd.NA, column
    p = newsparse.to_polars(articles).articles
    assert p["authors"].to_list() == ["Maria Lopez; Tom Reed", None, "Maria Lopez"]
    assert p["language"].to_list() == ["en", None, "en-GB"]
    assert p.schema["site_name"] == pl.String
