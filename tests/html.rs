//! HTML input through the public API: extraction, the text stages on the extracted text, bad input.
#![cfg(feature = "html")]

use newsparse::{Document, Error, Parser, decode_html};
use proptest::prelude::*;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8">
<title>Talks resume in Doha after two-week pause | Gulf Daily</title>
<meta property="og:site_name" content="Gulf Daily">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Talks resume in Doha after two-week pause","datePublished":"2024-08-26T09:00:00+03:00",
 "dateModified":"2024-08-27T11:00:00+03:00",
 "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Haddad"}],
 "publisher":{"@type":"Organization","name":"Gulf Daily"}}</script>
</head><body>
<header><a href="/">Gulf Daily</a><nav><a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>Talks resume in Doha after two-week pause</h1>
<div class="byline">By Jane Doe and Omar Haddad</div>
<p>Negotiators returned to Doha on Monday, two weeks after the last round ended without agreement, the
Qatari Foreign Ministry said.</p>
<p>"The meeting discussed the remaining gaps," the ministry said in a statement, adding that more than 40
officials attended.</p>
<figure><img src="doha.jpg"><figcaption>Delegates arrive in Doha. (Reuters)</figcaption></figure>
<h2>What comes next</h2>
<ul><li>A second session on Tuesday</li><li>A joint statement by Friday</li></ul>
<div class="social-share"><a>Share on Facebook</a></div>
<p><strong>Read more:</strong> <a href="/x">Earlier talks stall</a></p>
</article></main>
<aside class="sidebar"><h3>Most read</h3><p>By Someone Else</p></aside>
<footer>© Gulf Daily</footer>
</body></html>"#;

#[test]
fn a_news_page_becomes_an_article() {
    let a = Parser::new()
        .parse_html(PAGE, Some("https://gulfdaily.example/news/talks-resume"))
        .unwrap();
    assert_eq!(a.title(), Some("Talks resume in Doha after two-week pause"));
    assert_eq!(a.authors(), ["Jane Doe", "Omar Haddad"]);
    assert_eq!(a.published(), Some("2024-08-26"));
    assert_eq!(a.site_name(), Some("Gulf Daily"));
    assert_eq!(a.url(), Some("https://gulfdaily.example/news/talks-resume"));
    assert_eq!(a.language(), Some("en"));
    let text = a.text();
    assert!(text.starts_with("Talks resume in Doha after two-week pause\n\nNegotiators returned"));
    assert!(text.contains("\n\nWhat comes next\n\nA second session on Tuesday\n\nA joint statement by Friday"));
    for gone in [
        "Delegates arrive",
        "Share on Facebook",
        "Read more",
        "Most read",
        "Someone Else",
        "World",
    ] {
        assert!(!text.contains(gone), "{gone:?} should not be in the body");
    }
    // The text stages ran on the extracted text: a statement, its speaker, a statistic; spans fit the text.
    assert!(!a.statements().is_empty());
    assert!(
        a.statements()
            .iter()
            .any(|s| a.slice(s.content[0]).contains("remaining gaps"))
    );
    assert!(a.statistics().iter().any(|st| st.value == Some(40.0)));
    assert_eq!(a.title_span().map(|t| t.start), Some(0));
    // JSON round trip keeps the page fields
    let back = newsparse::Article::from_json(&a.to_json()).unwrap();
    assert_eq!(back, a);
}

#[test]
fn documents_from_html_and_a_given_date() {
    let doc = Document::from_html(PAGE, None)
        .with_id("p1")
        .with_published("2024-09-01");
    let a = Parser::new().parse_document(&doc).unwrap();
    assert_eq!(a.id(), Some("p1"));
    assert_eq!(a.published(), Some("2024-09-01"), "a date given with the document wins");
    let bad = Document::from_html(PAGE, None).with_published("2024-02-30");
    assert!(matches!(
        Parser::new().parse_document(&bad),
        Err(Error::InvalidDate { .. })
    ));
    // The JSON Lines record of a page.
    let line = serde_json::json!({"id": "w1", "html": PAGE, "url": "https://gulfdaily.example/a"}).to_string();
    let (id, doc) = Document::from_json_line(&line, 1);
    assert_eq!(id, serde_json::json!("w1"));
    let doc = doc.unwrap();
    assert!(doc.html);
    assert_eq!(doc.url.as_deref(), Some("https://gulfdaily.example/a"));
    let (_, bad_url) = Document::from_json_line(r#"{"id":"w2","html":"<p>x</p>","url":5}"#, 2);
    assert!(matches!(bad_url, Err(Error::MissingField { .. })));
}

#[test]
fn text_input_is_unchanged() {
    let a = newsparse::parse("Talks resume\n\nThe talks resumed on Monday.").unwrap();
    assert!(a.authors().is_empty());
    assert_eq!((a.url(), a.site_name(), a.language()), (None, None, None));
    assert!(!a.to_json().contains("\"authors\""));
    assert!(!a.to_json().contains("\"language\""));
}

#[test]
fn non_html_empty_and_binary_inputs_are_typed_errors() {
    let p = Parser::new();
    for input in [
        "",
        " \n\t ",
        "Plain text, no markup: the talks resumed on Monday.",
        "\u{0}\u{1}<p>binary",
    ] {
        match p.parse_html(input, None) {
            Err(Error::NotHtml { reason }) => assert!(!reason.is_empty()),
            other => panic!("{input:?}: expected NotHtml, got {other:?}"),
        }
    }
}

#[test]
fn an_index_page_has_no_article_body() {
    let index = r#"<html><head><title>World news | Gulf Daily</title></head><body>
        <nav><a href="/a">Home</a></nav>
        <ul><li><a href="/1">Talks resume</a></li><li><a href="/2">Markets fall</a></li></ul></body></html>"#;
    match Parser::new().parse_html(index, Some("https://gulfdaily.example/world")) {
        Err(e @ Error::NoArticleBody { .. }) => {
            assert!(e.to_string().contains("https://gulfdaily.example/world"), "{e}");
        }
        other => panic!("expected NoArticleBody, got {other:?}"),
    }
}

#[test]
fn the_input_limit_applies_to_the_html() {
    let p = Parser::builder().max_input_bytes(1000).build();
    match p.parse_html(PAGE, None) {
        Err(Error::InputTooLarge { size, limit }) => assert_eq!((size, limit), (PAGE.len(), 1000)),
        other => panic!("expected InputTooLarge, got {other:?}"),
    }
}

#[test]
fn broken_markup_still_gives_the_body() {
    let broken = "<html><head><title>Storm hits coast</title><body><div class=content>\
        <p>The storm reached the coast on Tuesday night <b>with winds of 150 km/h</i>, officials said.\
        <p>About 20,000 homes lost power, the utility said, and <a href=x>crews were sent</p></div></div>\
        </span><p>Schools will stay closed on Wednesday.<div><table><tr><td>unclosed";
    let a = Parser::new().parse_html(broken, None).unwrap();
    assert_eq!(a.title(), Some("Storm hits coast"));
    assert!(
        a.text()
            .contains("The storm reached the coast on Tuesday night with winds of 150 km/h")
    );
    assert!(a.text().contains("About 20,000 homes lost power"));
}

#[test]
fn deep_nesting_and_huge_pages_do_not_fail() {
    let deep = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(30_000),
        "The storm reached the coast on Tuesday night, officials said, and schools closed. ".repeat(3),
        "</div>".repeat(30_000)
    );
    let r = Parser::new().parse_html(&deep, None);
    assert!(r.is_ok() || matches!(r, Err(Error::NoArticleBody { .. })), "{r:?}");

    // 40,000 different paragraphs (a paragraph given twice is kept once: a page's second copy of its text)
    let paras: String = (0..40_000)
        .map(|i| {
            format!("<p>The river fell overnight after {i} hours of rain, and residents began to return home.</p>")
        })
        .collect();
    let huge = format!("<html><head><title>Flood</title></head><body><article>{paras}</article></body></html>");
    assert!(huge.len() > 3_000_000);
    let a = Parser::builder()
        .max_input_bytes(8 << 20)
        .build()
        .parse_html(&huge, None)
        .unwrap();
    assert_eq!(a.paragraphs().len(), 40_001);
    let limited = Parser::builder()
        .max_input_bytes(2 << 20)
        .build()
        .parse_html(&huge, None);
    assert!(matches!(limited, Err(Error::InputTooLarge { .. })));
}

#[test]
fn encodings_of_page_bytes() {
    // <meta charset> names a legacy encoding
    let latin = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 reopens</title></head></html>";
    let d = decode_html(latin, None);
    assert_eq!((d.encoding, d.declared_by, d.replaced), ("windows-1252", "meta", false));
    assert!(d.text.contains("Café reopens"));
    // a BOM wins over everything
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("<meta charset=\"windows-1252\"><p>naïve</p>".as_bytes());
    let d = decode_html(&bom, Some("text/html; charset=iso-8859-1"));
    assert_eq!((d.encoding, d.declared_by), ("UTF-8", "bom"));
    assert!(d.text.contains("naïve"));
    // the HTTP-style hint wins over the meta tag
    let d = decode_html(
        b"<meta charset=utf-8><p>\xe9t\xe9</p>",
        Some("text/html;charset=latin1"),
    );
    assert_eq!((d.text.contains("été"), d.declared_by), (true, "http"));
    // nothing declared, invalid UTF-8: replaced, and said so
    let d = decode_html(b"<p>caf\xe9</p>", None);
    assert_eq!((d.encoding, d.declared_by, d.replaced), ("UTF-8", "default", true));
    assert!(d.text.contains('\u{fffd}'));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Arbitrary bytes: decoding and parsing never panic; the result is an article or a typed error.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let d = decode_html(&bytes, None);
        match Parser::new().parse_html(&d.text, None) {
            Ok(a) => prop_assert!(a.paragraphs().iter().all(|p| a.text().get(p.range()).is_some())),
            Err(Error::NotHtml { .. } | Error::NoArticleBody { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// Tag soup built from real page fragments, in any order and unbalanced.
    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<div class=\"share\">"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<h1>Title here</h1>"),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"), Just("}</script>"),
        Just("<time datetime=\"2024-13-45\">"), Just("By Jane Doe"), Just("The talks resumed on Monday, officials said. "),
        Just("<br>"), Just("<li>"), Just("<figure><figcaption>"), Just("<meta property=\"og:title\" content=\""),
        Just("\""), Just("<pre>a\nb"), Just("&amp;&#x0;&#9999999;"), Just("<![CDATA["), Just("<!--"), Just("\u{feff}"),
    ], 0..80)) {
        let html: String = parts.concat();
        let _ = Parser::new().parse_html(&html, Some("https://x.example/2024/02/30/a"));
    }
}
