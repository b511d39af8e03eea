"""Article._repr_html_: highlighted, self-contained, and every piece of article text escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

import newsparse
from conftest import crafted_dict


class Collector(HTMLParser):
    """Checks nesting and collects the article text (outside labels and the summary line)."""

    VOID = {"br", "hr", "img", "meta"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        hidden = a.get("class") in ("np-label", "np-summary", "np-legend", "np-truncated") or any(h for _, h in self.stack)
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(h for _, h in self.stack):
            self.text.append(data)


def parse_html(html: str) -> Collector:
    c = Collector()
    c.feed(html)
    c.close()
    assert c.stack == []
    return c


def test_script_in_the_article_renders_as_text() -> None:
    text = "Hack <script>alert('x')</script>\n\nA <b>bold</b> claim & a \"quote\". It was <img src=x onerror=alert(1)>."
    a = newsparse.parse(text)
    html = a._repr_html_()
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    c = parse_html(html)
    assert "".join(c.text) == "".join(p.text for p in a.paragraphs)
    assert [t for t, _ in c.tags if t in ("script", "img", "b")] == []


def test_markup_in_actor_names_and_quotes_is_escaped() -> None:
    text = "Talks <i>stall</i>\n\n\u201c<script>x()</script>,\u201d said <Evil> Bob. He left."
    d = newsparse.parse(text).to_dict()
    name_start = text.index("<Evil> Bob")
    quote_start = text.index("<script>")
    d["actors"] = [{"id": 0, "name": "<Evil> Bob", "kind": "person", "titles": [], "affiliation": None,
                    "mentions": [{"start": name_start, "end": name_start + 10, "text": "<Evil> Bob"}]}]
    d["statements"] = [{"kind": "direct", "speaker": 0, "speaker_mention": None, "cue": None, "via": None,
                        "content": [{"start": quote_start, "end": quote_start + 19, "text": "<script>x()</script>"[:19]}]}]
    d["statements"][0]["content"][0]["text"] = text[quote_start : quote_start + 19]
    a = newsparse.Article.from_json(json.dumps(d))
    html = a._repr_html_()
    assert "<script" not in html and "<Evil>" not in html and "<i>" not in html
    assert "&lt;Evil&gt; Bob" in html
    c = parse_html(html)
    assert "".join(c.text) == "".join(p.text for p in a.paragraphs)


def test_highlights_actors_quotes_speakers_and_statistics(crafted: newsparse.Article) -> None:
    html = crafted._repr_html_()
    c = parse_html(html)
    classes = [attrs.get("class") for _, attrs in c.tags]
    mentions = sum(len(a.mentions) for a in crafted.actors)
    assert classes.count("np-actor") >= mentions
    assert classes.count("np-statistic") >= len(crafted.statistics)
    assert classes.count("np-quote") >= len(crafted.statements)
    assert classes.count("np-cue") >= len(crafted.statements)
    # The speaker is named after the quotation, and the article text reads through unchanged.
    assert "— Badr Abdelatty" in html
    assert "— the Hamas-run health ministry" in html
    assert "".join(c.text) == "".join(p.text for p in crafted.paragraphs)
    assert "<h3" in html and "Gaza ceasefire talks resume in Cairo</h3>" in html
    # Self-contained: inline styles only, no external resources.
    assert "style=" in html and "<link" not in html and "http" not in html


def test_overlapping_marks_still_nest(crafted: newsparse.Article) -> None:
    d = crafted_dict()
    # A statistic that straddles the end of a quotation and an actor mention inside the quote.
    text = d["text"]
    s = text.index("40,000 people have been killed in Gaza, the Hamas")
    d["statistics"].append({"start": s, "end": s + 49, "text": text[s : s + 49], "value": None, "lower": None,
                            "upper": None, "qualifier": "exact", "unit": None, "kind": None, "context": None,
                            "context_lemma": None, "from_value": None})
    a = newsparse.Article.from_json(json.dumps(d))
    c = parse_html(a._repr_html_())
    assert "".join(c.text) == "".join(p.text for p in a.paragraphs)


def test_repr_html_without_annotations(seed_text: str) -> None:
    a = newsparse.parse(seed_text)
    c = parse_html(a._repr_html_())
    assert "".join(c.text) == "".join(p.text for p in a.paragraphs)


def test_render_layers_choose_the_highlights(crafted: newsparse.Article) -> None:
    everything = newsparse.render(crafted)
    assert everything == crafted._repr_html_()
    quotes_only = newsparse.render(crafted, layers=["statements"])
    c = parse_html(quotes_only)
    classes = [attrs.get("class") for _, attrs in c.tags]
    assert "np-quote" in classes and "np-actor" not in classes and "np-statistic" not in classes
    assert "".join(c.text) == "".join(p.text for p in crafted.paragraphs)
    stats = parse_html(newsparse.render(crafted, layers={"statistics", "actors"}))
    classes = [attrs.get("class") for _, attrs in stats.tags]
    assert "np-quote" not in classes and "np-actor" in classes and "np-statistic" in classes
    with pytest.raises(ValueError, match="unknown layer 'quotes'"):
        newsparse.render(crafted, layers=["quotes"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a str"):
        newsparse.render(crafted, layers="statements")  # type: ignore[arg-type]


def test_legend_names_what_is_highlighted(crafted: newsparse.Article) -> None:
    html = newsparse.render(crafted)
    legend = html[html.index('class="np-legend"') : html.index("</div>", html.index('class="np-legend"'))]
    for word in ("person", "organization", "country", "source", "quotation", "cue", "statistic"):
        assert f">{word}" in legend, word
    assert ">location<" not in legend  # no location in this article
    quotes_only = newsparse.render(crafted, layers=["statements"])
    legend = quotes_only[quotes_only.index('class="np-legend"') :]
    legend = legend[: legend.index("</div>")]
    assert "quotation" in legend and "person" not in legend and "statistic" not in legend


def test_highlights_set_their_own_text_colour(crafted: newsparse.Article) -> None:
    c = parse_html(newsparse.render(crafted))
    for tag, attrs in c.tags:
        style = attrs.get("style", "")
        if attrs.get("class") in ("np-quote", "np-actor", "np-statistic", "np-time", "np-truncated"):
            assert "background:" in style and "color:#1a1a1a" in style, (tag, attrs)


def test_long_articles_are_cut_with_a_visible_note() -> None:
    paragraph = "The minister said on Monday that at least 12 people were killed in Gaza. "
    text = "Long report\n\n" + "\n\n".join(paragraph * 3 for _ in range(400))
    a = newsparse.parse(text)
    full = newsparse.render(a, max_chars=None)
    assert "np-truncated" not in full
    assert "".join(parse_html(full).text) == "".join(p.text for p in a.paragraphs)
    cut = newsparse.render(a, max_chars=1000)
    assert f"Truncated: showing the first 1000 of {len(text)} characters" in cut
    assert "max_chars=None" in cut
    shown = "".join(parse_html(cut).text)
    assert 900 <= len(shown) <= 1000 and "".join(p.text for p in a.paragraphs).startswith(shown)
    assert len(cut) < len(full) / 20
    # The default cap (100,000 characters) keeps a 10 MB article's HTML small.
    big = newsparse.Parser(max_input_bytes=16 << 20).parse("Big\n\n" + "\n\n".join(paragraph * 3 for _ in range(46_000)))
    assert len(big.text) > 10_000_000
    html = big._repr_html_()
    assert "Truncated: showing the first 100000 of" in html and len(html) < 3_000_000
    assert newsparse.render(big, max_chars=50).count("<p") <= 2


def test_times_are_highlighted_with_their_value() -> None:
    text = "Talks\n\nThe talks collapsed on Monday and will resume next week, officials said."
    a = newsparse.parse(text, published="2024-08-28")
    html = a._repr_html_()
    c = parse_html(html)
    classes = [attrs.get("class") for _, attrs in c.tags]
    assert classes.count("np-time") == len(a.times) == 2
    # the label gives the resolved value, and the days of a week
    assert "2024-08-26" in html and "2024-W36 · 2024-09-02 to 2024-09-08" in html
    assert "".join(c.text) == "".join(p.text for p in a.paragraphs)
    legend = html[html.index('class="np-legend"') :]
    assert ">time<" in legend[: legend.index("</div>")]
    # the layer can be chosen alone, or left out
    only = [attrs.get("class") for _, attrs in parse_html(newsparse.render(a, layers=["times"])).tags]
    assert "np-time" in only and "np-actor" not in only
    without = [attrs.get("class") for _, attrs in parse_html(newsparse.render(a, layers=["actors"])).tags]
    assert "np-time" not in without
