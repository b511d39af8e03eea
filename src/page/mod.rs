//! HTML input (feature `html`): a news page's body, title, authors, date, site name and canonical URL.
//!
//! The page is parsed once (html5ever, through [`dom_query`]). The metadata layer ([`meta`]) reads the
//! whole DOM first; then [`dom_smoothie`] (a port of Readability.js) finds the main content on the same
//! DOM, and [`body`] splits it into paragraphs. [`crate::Parser::parse_html`] lays the result out as text
//! (the title, a blank line, the paragraphs separated by blank lines) and runs the text stages on it.

mod body;
mod dates;
mod decode;
mod dom;
mod meta;

pub use decode::{DecodedHtml, decode_html};

use crate::{Error, Result};

/// What was extracted from one page: its metadata and the body's paragraphs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    /// Title, authors, date, site name, canonical URL, language.
    pub meta: meta::Meta,
    /// The body's paragraphs, each one line of text.
    pub paragraphs: Vec<String>,
}

/// Reasons an input is not a web page: empty, binary, or without any markup.
fn not_html(html: &str) -> Option<&'static str> {
    let t = html.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.trim().is_empty() {
        return Some("the page is empty");
    }
    let head = &t.as_bytes()[..t.len().min(4096)];
    if head.contains(&0) {
        return Some("the input holds NUL bytes (binary data, or UTF-16 read as UTF-8)");
    }
    // Some element or declaration: `<` followed by a letter, `!` or `?`.
    let has_tag = t
        .as_bytes()
        .windows(2)
        .take(1 << 20)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!' || w[1] == b'?'));
    if !has_tag {
        return Some("no HTML markup (no tag in the input)");
    }
    None
}

/// Elements nested deeper than this are unwrapped before parsing (see [`limit_nesting`]).
const MAX_DEPTH: usize = 256;

/// Elements that have no end tag, or whose end tag the parser implies (they never deepen the tree much).
fn is_flat_element(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"td"
            | b"th"
            | b"tr"
            | b"option"
            | b"dt"
            | b"dd"
            | b"!doctype"
    )
}

/// Whether the raw text of a `<script>` or `<style>` element can be dropped before parsing: nothing after
/// the parser reads it (the metadata layer reads JSON-LD, kept, and script dates from the unparsed page;
/// the content extractor removes scripts and styles). It is half the bytes of a typical news page (CSS
/// and JavaScript inlined), which the tokenizer, the DOM and the extractor's copies of it would otherwise
/// carry. A script holding `<!--` is kept: its end is then not simply the first `</script`.
/// Example: `<style>.a{color:red}</style>` → `<style></style>`; `<script type="application/ld+json">` is kept.
fn is_dead_text(name: &[u8], start_tag: &[u8], text: &[u8]) -> bool {
    match name {
        b"style" => true,
        b"script" => {
            !start_tag.to_ascii_lowercase().windows(7).any(|w| w == b"ld+json")
                && !text.windows(4).any(|w| w == b"<!--")
        }
        _ => false,
    }
}

/// Where the first end tag `</name` (any case) at or after `from` starts.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut j = from;
    while let Some(off) = b[j..].iter().position(|&c| c == b'<') {
        let at = j + off;
        let tail = &b[at + 1..];
        if tail.first() == Some(&b'/') && tail.len() > name.len() && tail[1..=name.len()].eq_ignore_ascii_case(name) {
            return Some(at);
        }
        j = at + 1;
    }
    None
}

/// Removes the start and end tags of elements nested more than `max` deep, keeping their content, the
/// text of scripts and styles that nothing reads ([`is_dead_text`]), and the insides of `<svg>` drawings.
///
/// The HTML parser (html5ever) and the content scorer walk the open elements or the ancestors of every
/// node, so their cost grows with depth × size: 20,000 nested `<div>`s take seconds to parse and minutes
/// to score. Real pages nest a few dozen levels. One linear scan estimates the depth (script and style
/// contents and comments skipped, elements whose end tag is optional not counted); the page is copied only
/// when it is too deep. Example: `<div>` × 10,000 around a paragraph keeps 256 `<div>`s and the paragraph.
fn limit_nesting(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    // (start, end) byte ranges of the tags to drop; empty while the page is not too deep.
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + off;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = html[start..].find("-->").map_or(b.len(), |e| start + e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let name = b[name_start..name_start + name_len].to_ascii_lowercase();
        let end = b[name_start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |e| name_start + e + 1);
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if !is_flat_element(&name) && !self_closing {
            if closing {
                if depth > max {
                    drop.push((start, end));
                }
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > max {
                    drop.push((start, end));
                }
            }
        }
        i = end;
        if !closing && !self_closing && name == b"svg" {
            // Vector drawings: shapes and paths, no text of the article (icons, logos, charts).
            if let Some(at) = find_end_tag(b, end, b"svg") {
                drop.push((end, at));
                i = at;
            }
            continue;
        }
        if !closing && matches!(name.as_slice(), b"script" | b"style" | b"textarea" | b"title") {
            // Raw text up to the matching end tag.
            let mut j = i;
            i = b.len();
            while let Some(off) = b[j..].iter().position(|&c| c == b'<') {
                let at = j + off;
                if b.get(at + 1) != Some(&b'/') {
                    j = at + 1;
                    continue;
                }
                let tail = &b[at + 2..];
                if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(&name) {
                    i = at;
                    break;
                }
                j = at + 2;
            }
            if is_dead_text(&name, &b[start..end], &b[end..i]) {
                drop.push((end, i));
            }
        }
        if i >= b.len() {
            break;
        }
    }
    if drop.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in drop {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    std::borrow::Cow::Owned(out)
}

/// The body text of a page must have at least this many words, else it has no article body.
const MIN_BODY_WORDS: usize = 10;

/// Extracts the article from a page.
pub(crate) fn extract(html: &str, url: Option<&str>) -> Result<Page> {
    if let Some(reason) = not_html(html) {
        return Err(Error::NotHtml {
            reason: reason.to_string(),
        });
    }
    let slim = limit_nesting(html, MAX_DEPTH);
    let doc = dom_query::Document::from(&*slim);
    drop(slim);
    // The unparsed page still has the script texts, where dates of pages rendered by JavaScript are.
    let meta = meta::read(&doc.root(), html, url);
    let cfg = dom_smoothie::Config {
        keep_classes: true,
        ..Default::default()
    };
    let mut paragraphs = match dom_smoothie::Readability::with_document(doc, None, Some(cfg)) {
        Ok(mut r) => match r.parse() {
            Ok(_) => {
                let root = r.doc.select("#readability-page-1");
                root.nodes().first().map(body::paragraphs).unwrap_or_default()
            }
            // No candidate at all: the page's whole body, which the extractor has cleaned of scripts.
            Err(_) => r
                .doc
                .select("body")
                .nodes()
                .first()
                .map(body::paragraphs)
                .unwrap_or_default(),
        },
        Err(_) => Vec::new(),
    };
    clean_head(&mut paragraphs, meta.title.as_deref(), &meta.authors);
    drop_repeats(&mut paragraphs);
    let words: usize = paragraphs.iter().map(|p| p.split_whitespace().count()).sum();
    if words < MIN_BODY_WORDS {
        return Err(Error::NoArticleBody {
            url: meta.url.clone(),
            title: meta.title.clone(),
        });
    }
    Ok(Page { meta, paragraphs })
}

/// Paragraphs this long (in words) or longer are kept once: a page that carries its article twice (a
/// desktop and a mobile copy, a hidden tab) gives its text once. Short ones ("Advertisement", "Step 1")
/// may repeat.
const REPEAT_WORDS: usize = 6;

/// Removes the second and later copies of each paragraph of at least [`REPEAT_WORDS`] words.
fn drop_repeats(paragraphs: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let keep: Vec<bool> = paragraphs
        .iter()
        .map(|p| p.split_whitespace().nth(REPEAT_WORDS - 1).is_none() || seen.insert(p.as_str()))
        .collect();
    let mut keep = keep.into_iter();
    paragraphs.retain(|_| keep.next().unwrap_or(true));
}

/// Removes, from the first paragraphs, what the metadata already holds: the headline, the byline ("By Jane
/// Doe"), a bare dateline ("September 4, 2025"), a "Updated …" or reading-time line.
fn clean_head(paragraphs: &mut Vec<String>, title: Option<&str>, authors: &[String]) {
    let mut i = 0;
    let mut checked = 0;
    while i < paragraphs.len() && checked < 6 {
        checked += 1;
        let p = &paragraphs[i];
        let lower = p.to_lowercase();
        let short = p.chars().count() <= 80;
        let is_title = title.is_some_and(|t| t.eq_ignore_ascii_case(p));
        let is_byline = short
            && (lower.starts_with("by ")
                || lower.starts_with("written by")
                || (!authors.is_empty() && authors.iter().any(|a| p.eq_ignore_ascii_case(a))));
        let is_dateline = short && p.split_whitespace().count() <= 8 && dates::text_date(p).is_some();
        let is_reading_time = short && lower.contains("min read");
        if is_title || is_byline || is_dateline || is_reading_time {
            paragraphs.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_cut_to_the_limit() {
        let page = format!(
            "<body>{}<p>deep text</p>{}</body>",
            "<div>".repeat(1000),
            "</div>".repeat(1000)
        );
        let cut = limit_nesting(&page, 256);
        assert_eq!(cut.matches("<div>").count(), 255);
        assert_eq!(cut.matches("</div>").count(), 255);
        assert!(cut.contains("<p>deep text</p>"));
        let normal = "<html><head><title>a<b</title></head><body><div><p>x<p>y</div><!-- <div><div> --></body></html>";
        assert!(matches!(limit_nesting(normal, 3), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(limit_nesting(&page, 2000), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn script_and_style_texts_are_dropped_unless_read() {
        let page = "<html><head><style>p { color: red }</style>\
            <script>if (a<b) { x = '<div>'; }</script>\
            <script type=\"application/LD+JSON\">{\"headline\":\"Kept\"}</script>\
            <script><!-- document.write('<script>x</script>') --></script></head>\
            <body><div><p>Text</p></div><!-- <style>p{}</style> --><textarea><script>t</script></textarea></body></html>";
        let cut = limit_nesting(page, 256);
        assert!(cut.contains("<style></style><script></script>"), "{cut}");
        assert!(cut.contains("{\"headline\":\"Kept\"}"));
        assert!(
            cut.contains("document.write('<script>x</script>')"),
            "a script holding <!-- is kept"
        );
        assert!(
            cut.contains("<!-- <style>p{}</style> -->"),
            "comments are not scanned for scripts"
        );
        assert!(cut.contains("<textarea><script>t</script></textarea>"));
        assert!(cut.contains("<div><p>Text</p></div>"));
        let icon = "<p>Share <svg viewBox=\"0 0 9 9\"><path d=\"M0 0h9\"/><g><circle r=\"1\"/></g></SVG> this</p><svg/><p>x</p>";
        assert_eq!(
            limit_nesting(icon, 256),
            "<p>Share <svg viewBox=\"0 0 9 9\"></SVG> this</p><svg/><p>x</p>"
        );
    }

    #[test]
    fn non_html_and_empty_pages_are_typed_errors() {
        for input in ["", "   \n", "Just some plain text, no markup at all.", "a\0b<p>x"] {
            assert!(matches!(extract(input, None), Err(Error::NotHtml { .. })), "{input:?}");
        }
    }

    #[test]
    fn a_page_without_an_article_body_is_a_typed_error() {
        let index = "<html><head><title>Latest news | Valley Times</title>\
            <meta property=og:site_name content=\"Valley Times\"></head><body>\
            <nav><a href=/a>Home</a> <a href=/b>World</a></nav><ul><li><a href=/1>Floods</a></li></ul></body></html>";
        match extract(index, Some("https://valleytimes.example/")) {
            Err(Error::NoArticleBody { url, title }) => {
                assert_eq!(url.as_deref(), Some("https://valleytimes.example/"));
                assert_eq!(title.as_deref(), Some("Latest news"));
            }
            other => panic!("expected NoArticleBody, got {other:?}"),
        }
    }

    #[test]
    fn headline_byline_and_dateline_leave_the_body() {
        let html = "<html><head><title>Flood waters recede | Valley Times</title></head><body><article>\
            <h1>Flood waters recede</h1><p>By Maria Lopez</p><p>March 3, 2024</p>\
            <p>The river fell overnight after three days of rain, and residents began to return to their homes \
            in the lower valley on Sunday morning.</p>\
            <p>\"We lost everything in the basement,\" said one resident, who asked not to be named.</p>\
            </article></body></html>";
        let page = extract(html, None).unwrap();
        assert_eq!(page.meta.title.as_deref(), Some("Flood waters recede"));
        assert_eq!(page.paragraphs.len(), 2, "{:?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("The river fell overnight"));
    }

    #[test]
    fn a_paragraph_given_twice_is_kept_once_but_short_lines_may_repeat() {
        let mut paras: Vec<String> = [
            "The river fell overnight after three days of rain.",
            "Advertisement",
            "Residents began to return to their homes on Sunday.",
            "Advertisement",
            "The river fell overnight after three days of rain.",
            "The river fell overnight.",
        ]
        .map(String::from)
        .to_vec();
        drop_repeats(&mut paras);
        assert_eq!(
            paras,
            [
                "The river fell overnight after three days of rain.",
                "Advertisement",
                "Residents began to return to their homes on Sunday.",
                "Advertisement",
                "The river fell overnight.",
            ]
        );
    }
}
