//! The page's metadata, read from the whole DOM before the body is extracted: title, authors, publication
//! date, site name, canonical URL and language.
//!
//! One pass over the elements gathers the evidence (meta tags, JSON-LD blocks, `<title>`, `<h1>`, `<time>`,
//! byline and dateline elements); each field then takes the most reliable source that has it.

use dom_query::{NodeData, NodeRef};
use serde_json::Value;

use super::dates::{iso_date, text_date, url_date};
use super::dom::{META_MARKS, any_mark, collapse, subtree_text};

/// What the metadata layer found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// The evidence gathered by one pass over the DOM.
#[derive(Default)]
struct Evidence {
    /// `(name or property, lower-cased; content)` of every `<meta>`.
    metas: Vec<(String, String)>,
    /// JSON-LD objects, flattened out of arrays and `@graph`.
    json_ld: Vec<Value>,
    title_tag: Option<String>,
    h1: Vec<String>,
    canonical: Option<String>,
    lang: Option<String>,
    /// `(datetime or text, is marked as the publication time, is marked as an update)`.
    times: Vec<(String, bool, bool)>,
    /// Visible text of elements marked as a byline or author (class, id, rel, itemprop).
    bylines: Vec<String>,
    /// Visible text of elements whose text starts with "By " or "Written by".
    by_lines: Vec<String>,
    /// The first of `by_lines` within [`HEADER_TEXTS`] text nodes after the first `<h1>`: the byline
    /// under the headline.
    header_by_line: Option<String>,
    /// The name of an unlabelled line under the headline that reads "Name | Role | Date"
    /// ([`separated_byline`]): the byline when no other source names a person.
    header_name: Option<String>,
    /// Visible text of elements marked as a date.
    datelines: Vec<String>,
    /// Text nodes that hold a date and little else ("September 1st, 2023", "Updated Feb 11, 2026"), with
    /// whether they come after the first `<h1>`.
    date_texts: Vec<(String, bool)>,
    /// The first of `date_texts` within [`HEADER_TEXTS`] text nodes after the first `<h1>` (the date shown
    /// under the headline), and what its text or the text just before it calls it ("Last updated: Jul 22,
    /// 2021", "Published Apr 26, 2023").
    header_date: Option<(String, DateLabel)>,
    /// Whether the page shows a date labelled as its publication anywhere ("Originally published November
    /// 9, 2022" in a tooltip next to "Updated November 11, 2022").
    shows_published: bool,
    /// The last non-blank text node seen, when short (a label such as "Published" before a date).
    last_text: String,
    /// Non-blank text nodes seen since the first `<h1>` started.
    texts_after_h1: usize,
    /// Texts of links to an author's page whose address names them (`<a href="/author/jane-doe/">Jane
    /// Doe</a>`), outside comments and menus.
    author_links: Vec<String>,
    /// Names in `itemprop="author"` scopes (`itemprop="name"` or the element's text).
    itemprop_authors: Vec<String>,
}

impl Evidence {
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }
    fn metas<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }
}

/// Elements whose text is at most this long can be a byline or a dateline.
const SHORT: usize = 200;
/// At most this many byline or dateline candidates are kept (bounds the work on hostile pages).
const MAX_CANDIDATES: usize = 40;

fn gather(root: &NodeRef) -> Evidence {
    let mut ev = Evidence::default();
    for node in root.descendants_it() {
        let Some(name) = node.query(|t| match &t.data {
            NodeData::Element(e) => Some(e.name.local.clone()),
            NodeData::Text { contents } => {
                if ev.by_lines.len() < MAX_CANDIDATES && starts_like_byline(contents) {
                    // Signalled below by a `None` name.
                    return None;
                }
                if !ev.h1.is_empty() && !contents.trim().is_empty() {
                    ev.texts_after_h1 += 1;
                }
                if contents.len() <= 48 && ev.date_texts.len() < MAX_CANDIDATES {
                    if let Some(d) = standalone_date(contents) {
                        // An update says so in the date's own text; "Published" may stand just before it.
                        let label = DateLabel::of(contents)
                            .or_else(|| DateLabel::of(&ev.last_text).filter(|l| *l == DateLabel::Published));
                        ev.shows_published |= label == Some(DateLabel::Published);
                        if !ev.h1.is_empty() && ev.header_date.is_none() && ev.texts_after_h1 <= HEADER_TEXTS {
                            let label = label.or_else(|| marked_label(node.parent().as_ref()));
                            ev.header_date = Some((d.clone(), label.unwrap_or(DateLabel::None)));
                        }
                        ev.date_texts.push((d, !ev.h1.is_empty()));
                    }
                }
                if !ev.h1.is_empty()
                    && ev.header_name.is_none()
                    && ev.texts_after_h1 <= HEADER_TEXTS
                    && contents.len() <= SHORT
                {
                    ev.header_name = separated_byline(contents);
                }
                if !contents.trim().is_empty() {
                    ev.last_text.clear();
                    if contents.trim().len() <= 24 {
                        ev.last_text.push_str(contents.trim());
                    }
                }
                Some(dom_query::local_name!(""))
            }
            _ => Some(dom_query::local_name!("")),
        }) else {
            continue;
        };
        let Some(name) = name else {
            // A text node that starts like a byline: the line is its parent's (or, for a lone "By", its
            // grandparent's) text.
            // A label alone ("Written by:") climbs once more, to the element that also holds the name.
            let mut holder = node.parent();
            for _ in 0..3 {
                let Some(h) = holder else { break };
                let t = squeeze(&subtree_text(&h, 8 * SHORT));
                if (t.split_whitespace().count() > 1 && !is_byline_label(&t)) || h.parent().is_none() {
                    if t.len() <= SHORT && !in_comments(&h) {
                        if !ev.h1.is_empty() && ev.header_by_line.is_none() && ev.texts_after_h1 <= HEADER_TEXTS {
                            ev.header_by_line = Some(t.clone());
                        }
                        ev.by_lines.push(t);
                    }
                    break;
                }
                holder = h.parent();
            }
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let attr = |a: &str| node.attr(a).map(|v| v.to_string());
        match &*name {
            "html" => {
                ev.lang = attr("lang").filter(|l| !l.trim().is_empty());
            }
            "meta" => {
                let key = attr("property").or_else(|| attr("name")).or_else(|| attr("itemprop"));
                if let (Some(k), Some(c)) = (key, attr("content")) {
                    ev.metas.push((k.trim().to_ascii_lowercase(), c));
                } else if let (Some(k), Some(c)) = (attr("http-equiv"), attr("content")) {
                    ev.metas.push((k.trim().to_ascii_lowercase(), c));
                }
            }
            "link" => {
                let rel = attr("rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && ev.canonical.is_none() {
                    ev.canonical = attr("href").filter(|h| h.starts_with("http"));
                }
            }
            "title" if ev.title_tag.is_none() => {
                let t = collapse(&node.text());
                if !t.is_empty() {
                    ev.title_tag = Some(t);
                }
            }
            "h1" if ev.h1.len() < 8 => {
                let t = collapse(&subtree_text(&node, 2000));
                if !t.is_empty() {
                    ev.h1.push(t);
                }
            }
            "script" => {
                let ty = attr("type").unwrap_or_default().to_ascii_lowercase();
                if ty.contains("ld+json") && ev.json_ld.len() < 64 {
                    let text = node.text();
                    let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
                    if let Ok(v) = serde_json::from_str::<Value>(text) {
                        flatten_json_ld(v, &mut ev.json_ld, 0);
                    }
                }
            }
            "a" if ev.author_links.len() < MAX_CANDIDATES => {
                if let Some(href) = node.attr("href") {
                    if let Some(slug) = author_slug(&href) {
                        let text = collapse(&subtree_text(&node, SHORT));
                        if slug_names(slug, &text) && !in_comments(&node) {
                            ev.author_links.push(text);
                        }
                    }
                }
            }
            "time" if ev.times.len() < MAX_CANDIDATES => {
                let published = any_mark(&node, META_MARKS, is_publish_mark);
                let updated = any_mark(&node, META_MARKS, is_update_mark) || ancestor_marked(&node, is_update_mark);
                let value = attr("datetime").unwrap_or_else(|| collapse(&subtree_text(&node, SHORT)));
                ev.times.push((value, published, updated));
            }
            _ => {}
        }
        if matches!(
            &*name,
            "html" | "head" | "body" | "meta" | "link" | "script" | "style" | "title"
        ) {
            continue;
        }
        let (mut is_byline, mut is_dateline, mut marked) = (false, false, false);
        any_mark(&node, META_MARKS, |m| {
            marked = true;
            is_byline |= is_byline_mark(m);
            is_dateline |= is_date_mark(m);
            false
        });
        // "author-description", "author-bio": about the author, not a byline (asked only of bylines: the
        // substring tests cost 9 % of a run when asked of every marked element).
        let is_byline = is_byline && !any_mark(&node, META_MARKS, is_about_author_mark);
        if !marked {
            continue;
        }
        let itemprop = attr("itemprop").unwrap_or_default().to_ascii_lowercase();
        if itemprop == "author" || itemprop == "creator" {
            // A name inside: itemprop="name" (as an attribute or a child element), else the text.
            let inner = node
                .descendants_it()
                .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "name"))
                .map(|d| {
                    d.attr("content")
                        .map_or_else(|| collapse(&subtree_text(&d, SHORT)), |c| collapse(&c))
                });
            let name = inner.unwrap_or_else(|| collapse(&subtree_text(&node, SHORT)));
            if !name.is_empty() && ev.itemprop_authors.len() < MAX_CANDIDATES {
                ev.itemprop_authors.push(name);
            }
        }
        if itemprop == "datepublished" {
            let v = attr("content").or_else(|| attr("datetime"));
            let v = v.unwrap_or_else(|| collapse(&subtree_text(&node, SHORT)));
            ev.times.push((v, true, false));
        }
        let is_dateline = is_dateline && !any_mark(&node, META_MARKS, is_update_mark);
        if (is_byline && ev.bylines.len() < MAX_CANDIDATES) || (is_dateline && ev.datelines.len() < MAX_CANDIDATES) {
            let t = squeeze(&subtree_text(&node, 8 * SHORT));
            let is_byline = is_byline && !in_comments(&node);
            if !t.trim().is_empty() && t.len() <= SHORT {
                if is_byline {
                    ev.bylines.push(t.clone());
                }
                if is_dateline {
                    ev.datelines.push(t);
                }
            }
        }
    }
    ev
}

/// The last part of a link to an author's page: the path segment after `/author/`, `/authors/`, `/by/`,
/// `/people/`, `/staff/`, `/profile/`, `/contributors/`, `/writers/`, `/reporters/` or `/journalists/`
/// ("https://example.com/blog/author/jane-doe/" → "jane-doe").
fn author_slug(href: &str) -> Option<&str> {
    const DIRS: [&str; 14] = [
        "author",
        "authors",
        "by",
        "people",
        "staff",
        "profile",
        "profiles",
        "contributor",
        "contributors",
        "writer",
        "writers",
        "reporters",
        "journalist",
        "journalists",
    ];
    let path = href.split(['?', '#']).next()?;
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    while let Some(p) = parts.next() {
        if DIRS.iter().any(|d| p.eq_ignore_ascii_case(d)) {
            let slug = parts.next()?;
            return Some(slug.trim_end_matches(".html").trim_end_matches(".htm"));
        }
    }
    None
}

/// Whether an author page's slug spells the link's text: every word of a name of two to four words is one
/// of the slug's parts ("spencer-mcintyre" and "Spencer McIntyre"; not "View all posts", not "jdoe").
fn slug_names(slug: &str, text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || text.len() > 60 {
        return false;
    }
    let parts: Vec<String> = slug
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().all(|w| {
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        !w.is_empty() && parts.contains(&w)
    })
}

/// The date of a short text that is a date and little else: "Dec 12, 2025", "Posted on 4 August 2010".
/// A sentence that mentions a date ("The law took effect on May 1, 2024.") is not one.
fn standalone_date(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() < 8 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let d = text_date(t)?;
    // The time of day after the date does not count: "Nov 25, 2025 5:00 am PST", "Dec 19, 2025 1:06 PM EST".
    let words = t.split_whitespace().filter(|w| !is_time_word(w)).count();
    let lead = t.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    let leads = [
        "published",
        "posted",
        "updated",
        "on",
        "date:",
        "published:",
        "updated:",
        "last",
    ];
    (words <= 4 || (words <= 6 && leads.contains(&lead.as_str()))).then_some(d)
}

/// A word of a time of day: "5:00", "1:06", "am", "p.m.", "PST", "ET", "GMT".
fn is_time_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.', ')']).trim_start_matches('(');
    let lower = w.to_ascii_lowercase();
    (w.contains(':') && w.bytes().any(|b| b.is_ascii_digit()))
        || matches!(lower.as_str(), "am" | "pm" | "a.m" | "p.m" | "utc" | "gmt")
        || (matches!(w.len(), 2..=4) && w.bytes().all(|b| b.is_ascii_uppercase()) && w.ends_with('T'))
}

/// Publication dates in a page's scripts and data attributes: `"publishDate":"2025-05-27"`,
/// `publishedDate:"2019-08-16T00:00:00"` (sites that render their pages with JavaScript).
fn script_date(html: &str) -> Option<String> {
    const KEYS: [&str; 6] = [
        "datePublished",
        "publishDate",
        "publishedDate",
        "published_at",
        "publishedAt",
        "pubDate",
    ];
    for key in KEYS {
        let mut from = 0;
        let mut seen = 0;
        while let Some(i) = html[from..].find(key) {
            let after = from + i + key.len();
            let tail = &html[after..html.len().min(after + 16)];
            let start = tail.find(|c: char| c.is_ascii_digit());
            if let Some(d) = start.and_then(|s| iso_date(&html[after + s..html.len().min(after + s + 30)])) {
                return Some(d);
            }
            from = after;
            seen += 1;
            if seen > 8 {
                break;
            }
        }
    }
    None
}

/// A page text's lines, each with its runs of white space collapsed, blank lines dropped: the indentation
/// of the markup does not count against [`SHORT`].
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * SHORT));
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// The name of an unlabelled header line whose parts, between separators, are a name, a role and a date
/// ("Aaron Ricadela | Senior Writer | July 2, 2025"): the line must hold a date part, and the name is the
/// first part written as a person's name (two to four capitalised words of letters, no organisation or
/// role word), so that a breadcrumb ("News | Politics | July 2, 2025") is none.
fn separated_byline(text: &str) -> Option<String> {
    let parts: Vec<&str> = BYLINE_SEPARATORS.iter().fold(vec![text.trim()], |parts, sep| {
        parts.iter().flat_map(|p| p.split(sep)).collect()
    });
    if parts.len() < 2 || !parts.iter().any(|p| standalone_date(p).is_some()) {
        return None;
    }
    parts
        .into_iter()
        .map(str::trim)
        .find(|p| written_as_a_name(p))
        .map(str::to_string)
}

/// Two to four words, each capitalised and made of letters (with `.`, `'` or `-`: "Mary-Jo O'Neil",
/// "David C. Mowery"), none of them an organisation or role word: "Aaron Ricadela", not "Senior Writer"
/// or "Press Release".
fn written_as_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’'))
                && !NOT_A_PERSON.contains(&lower.trim_matches('.'))
                && !is_role_word(w)
                && !matches!(lower.as_str(), "writer" | "editor" | "contributor" | "home" | "blog")
        })
}

/// The labels a byline starts with ("Written by Jane Doe", "Author: Jane Doe", "By Jane Doe"), longest
/// first where one starts another.
const BYLINE_LABELS: [&str; 10] = [
    "written by",
    "posted by",
    "reported by",
    "words by",
    "story by",
    "text by",
    "article by",
    "authors",
    "author",
    "by",
];

/// The length of the byline label at the start of `lower` (a lower-cased line), with its colon: the label
/// must end there or be followed by a space or a colon ("by:" and "by " are, "bypass" is not).
fn byline_label_len(lower: &str) -> Option<usize> {
    BYLINE_LABELS.iter().find_map(|label| {
        let rest = lower.strip_prefix(label)?;
        match rest.as_bytes().first() {
            None | Some(b' ') => Some(label.len()),
            Some(b':') => Some(label.len() + 1),
            _ => None,
        }
    })
}

/// A byline's label with no name: "By", "Written by:", "Authors:".
fn is_byline_label(text: &str) -> bool {
    let l = text.trim().to_ascii_lowercase();
    byline_label_len(&l) == Some(l.len())
}

/// Whether a text starts like a byline: "By Jane Doe", "Written by", a lone "By".
fn starts_like_byline(text: &str) -> bool {
    let t = text.trim_start();
    let l = t.get(..t.len().min(12)).unwrap_or("").to_ascii_lowercase();
    l.starts_with("by ")
        || l.starts_with("by:")
        || l.starts_with("written by")
        || l.starts_with("article by")
        || l.trim_end() == "by"
}

/// Whether an element lies in a comment thread (whose authors are not the article's) or in the site's
/// navigation ("By Company Size" in a menu).
fn in_comments(node: &NodeRef) -> bool {
    node.ancestors_it(Some(10)).any(|a| {
        a.node_name().is_some_and(|n| &*n == "nav")
            || any_mark(&a, META_MARKS, |m| {
                m.starts_with("comment") || m == "reply" || m == "respond" || m == "menu" || m == "dropdown"
            })
    })
}

fn ancestor_marked(node: &NodeRef, test: fn(&str) -> bool) -> bool {
    node.ancestors_it(Some(3)).any(|a| any_mark(&a, META_MARKS, test))
}

fn is_byline_mark(m: &str) -> bool {
    matches!(
        m,
        "byline" | "author" | "authors" | "byl" | "creator" | "writer" | "contributor"
    ) || m.starts_with("byline")
        || (m.starts_with("author") && !is_about_author_mark(m))
}

/// Marks of what surrounds an author's name: a biography, a picture, a job title.
fn is_about_author_mark(m: &str) -> bool {
    ["bio", "avatar", "img", "desc", "role", "job", "position"]
        .iter()
        .any(|not| m.contains(not))
}

fn is_date_mark(m: &str) -> bool {
    matches!(
        m,
        "date" | "dateline" | "time" | "timestamp" | "published" | "pubdate" | "posted" | "postdate"
    ) || m.starts_with("date")
        || m.starts_with("publish")
        || m.ends_with("date")
}

fn is_publish_mark(m: &str) -> bool {
    m.contains("publish")
        || m == "pubdate"
        || m == "datepublished"
        || m == "posted"
        || m == "created"
        || m.contains("release-date")
        || m.contains("releasedate")
}

fn is_update_mark(m: &str) -> bool {
    m.contains("update") || m.contains("modif") || m.contains("edited")
}

/// Objects out of a JSON-LD value: arrays and `@graph` are flattened (depth-bounded).
fn flatten_json_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 || out.len() > 256 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten_json_ld(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(g) = map.remove("@graph") {
                flatten_json_ld(g, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// The `@type` names of a JSON-LD object.
fn ld_types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" || t == "Review"
}

/// The JSON-LD object that describes the article: an `…Article` or `BlogPosting`, else a `WebPage`.
fn ld_article(ev: &Evidence) -> Option<&Value> {
    ev.json_ld
        .iter()
        .find(|v| ld_types(v).iter().any(|t| is_article_type(t)))
        .or_else(|| {
            ev.json_ld
                .iter()
                .find(|v| ld_types(v).iter().any(|t| t.ends_with("WebPage")) && v.get("datePublished").is_some())
        })
}

fn ld_str<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    match v.get(key)? {
        Value::String(s) => Some(s.as_str()).filter(|s| !s.trim().is_empty()),
        Value::Array(a) => a.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// Reads the metadata of a parsed page. `url` is the address the page came from, when known.
pub(crate) fn read(root: &NodeRef, html: &str, url: Option<&str>) -> Meta {
    let ev = gather(root);
    let article = ld_article(&ev);
    let site_name = site_name(&ev, article);
    let title = title(&ev, article, site_name.as_deref());
    let authors = authors(&ev, article, site_name.as_deref());
    let canonical = ev
        .canonical
        .clone()
        .or_else(|| ev.meta("og:url").filter(|u| u.starts_with("http")).map(str::to_string))
        .or_else(|| url.map(str::to_string));
    let published = published(&ev, article, url, canonical.as_deref(), html);
    let language = language(&ev, article);
    Meta {
        title,
        authors,
        published,
        site_name,
        url: canonical,
        language,
    }
}

/// The page's language: `<html lang>`, else JSON-LD `inLanguage`, else the `Content-Language` header in a
/// `<meta http-equiv>`, else `og:locale`; the first that is a well-formed language tag (see
/// [`language_tag`]). Example: `<html lang="en-GB">` → "en-GB"; `og:locale` "en_US" → "en-US".
fn language(ev: &Evidence, article: Option<&Value>) -> Option<String> {
    let candidates = [
        ev.lang.as_deref(),
        article.and_then(|a| ld_str(a, "inLanguage")),
        ev.meta("content-language"),
        ev.meta("og:locale"),
    ];
    candidates.into_iter().flatten().find_map(language_tag)
}

/// A declared language as a BCP 47 tag: trimmed, `_` written `-`, the first of a comma-separated list
/// ("en-US, en"), a primary subtag of 2-3 letters (lower-cased) and subtags of 1-8 letters or digits.
/// Example: " EN_gb " → "en-GB"; "english", "{{lang}}" and "" → none.
fn language_tag(value: &str) -> Option<String> {
    let first = value.split(',').next()?.trim().replace('_', "-");
    let mut parts = first.split('-');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for sub in parts {
        if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        tag.push('-');
        // Region subtags are written upper-case ("GB").
        if sub.len() == 2 && sub.bytes().all(|b| b.is_ascii_alphabetic()) {
            tag.push_str(&sub.to_ascii_uppercase());
        } else {
            tag.push_str(sub);
        }
    }
    Some(tag)
}

fn site_name(ev: &Evidence, article: Option<&Value>) -> Option<String> {
    ev.meta("og:site_name")
        .map(str::to_string)
        .or_else(|| {
            let p = article?.get("publisher")?;
            let p = if let Value::Array(a) = p { a.first()? } else { p };
            ld_str(p, "name").map(str::to_string)
        })
        .or_else(|| {
            ev.json_ld
                .iter()
                .find(|v| ld_types(v).contains(&"WebSite"))
                .and_then(|v| ld_str(v, "name"))
                .map(str::to_string)
        })
        .or_else(|| ev.meta("application-name").map(str::to_string))
        .map(|s| collapse(&decode_entities(&s)))
        .filter(|s| !s.is_empty())
}

/// `&amp;` and friends left in metadata values by double-encoding CMSs.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#8217;", "’")
        .replace("&#8216;", "‘")
        .replace("&#8220;", "“")
        .replace("&#8221;", "”")
        .replace("&#8211;", "–")
        .replace("&#8212;", "—")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

/// Separators between a headline and the site's name in `<title>` and `og:title`.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];

/// A title without the site's name: "Talks resume | Daily News" → "Talks resume".
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let norm = |s: &str| s.to_lowercase().replace(['.', ' ', '-'], "");
    let mut t = title.trim().to_string();
    for _ in 0..2 {
        let Some((sep_at, sep)) = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (i, *s)))
            .max_by_key(|(i, _)| *i)
        else {
            break;
        };
        let head = &t[..sep_at];
        let tail = &t[sep_at + sep.len()..];
        let tail_is_site = site.is_some_and(|s| norm(tail) == norm(s) || norm(s).contains(&norm(tail)))
            || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3);
        if tail_is_site && !head.trim().is_empty() {
            t = head.trim().to_string();
            continue;
        }
        // "Site | Headline"
        let first = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| t.find(s).map(|i| (i, *s)))
            .min_by_key(|(i, _)| *i);
        if let (Some(site), Some((i, sep))) = (site, first) {
            let head = &t[..i];
            if norm(head) == norm(site) {
                t = t[i + sep.len()..].trim().to_string();
                continue;
            }
        }
        break;
    }
    t
}

/// Lower-cased letters and digits only: "Talks Resume!" → "talksresume".
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Headings that are page furniture, not a headline ("Menu", "Post navigation", "Search").
fn is_furniture_heading(h: &str) -> bool {
    let k = key(h);
    k.len() < 4
        || matches!(
            k.as_str(),
            "menu" | "postnavigation" | "search" | "navigation" | "mainmenu" | "comments" | "relatedposts"
        )
}

fn title(ev: &Evidence, article: Option<&Value>, site: Option<&str>) -> Option<String> {
    let clean = |s: &str| collapse(&decode_entities(s));
    let ld = article
        .and_then(|a| ld_str(a, "headline").or_else(|| ld_str(a, "name")))
        .map(clean);
    let og = ev.meta("og:title").or_else(|| ev.meta("twitter:title")).map(clean);
    let tag = ev.title_tag.as_deref().map(clean);
    let metas: Vec<&str> = [&ld, &og, &tag].into_iter().filter_map(|o| o.as_deref()).collect();
    // The site's name, as declared or as the part that <title> adds to the headline.
    let mut sites: Vec<String> = site.map(key).into_iter().collect();
    if let Some(t) = &tag {
        let stripped = strip_site_name(t, site);
        if stripped.len() < t.len() {
            let rest = t.replacen(&stripped, "", 1);
            sites.push(key(&rest));
        }
        if let Some((head, _)) = t.split_once(": ") {
            sites.push(key(head));
        }
    }
    let is_site = |h: &str| {
        let k = key(h);
        sites.iter().any(|s| !s.is_empty() && *s == k)
    };
    let h1s: Vec<&String> = ev
        .h1
        .iter()
        .filter(|h| !is_furniture_heading(h) && !is_site(h) && h.chars().count() <= 300)
        .collect();
    // The visible headline: the one the metadata agrees with, else the first.
    let agrees = |h: &str| {
        let k = key(h);
        metas.iter().any(|m| {
            let m = key(m);
            m.contains(&k) || (m.len() >= 12 && k.contains(&m))
        })
    };
    if let Some(h) = h1s.iter().find(|h| agrees(h)).or(h1s.first()) {
        return Some((*h).clone());
    }
    if let Some(t) = ld.filter(|t| !t.is_empty()) {
        return Some(t);
    }
    if let Some(t) = og
        .as_deref()
        .map(|t| strip_site_name(t, site))
        .filter(|t| !t.is_empty())
    {
        return Some(t);
    }
    let t = tag.as_deref().map(|t| strip_site_name(t, site))?;
    // "Blog name: Headline" when the blog's name is the page's only <h1>.
    if let Some((head, rest)) = t.split_once(": ") {
        if ev.h1.iter().any(|h| key(h) == key(head)) {
            return Some(rest.trim().to_string());
        }
    }
    Some(t).filter(|t| !t.is_empty())
}

/// Words that mark an organisation or a role rather than a person in a byline.
const NOT_A_PERSON: [&str; 24] = [
    "staff",
    "team",
    "editors",
    "editorial",
    "desk",
    "news",
    "newsroom",
    "press",
    "associated",
    "reuters",
    "media",
    "inc",
    "llc",
    "ltd",
    "group",
    "agency",
    "contributors",
    "admin",
    "administrator",
    "wire",
    "correspondent",
    "reporters",
    "services",
    "magazine",
];

/// Words of a role or credential after a name ("CEO of Casebasix", "Professor", "MD").
fn is_role_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()),
        "ceo"
            | "founder"
            | "cofounder"
            | "director"
            | "professor"
            | "president"
            | "manager"
            | "head"
            | "lead"
            | "md"
            | "phd"
            | "rn"
            | "rd"
            | "mba"
            | "cpa"
            | "cfp"
            | "senior"
            | "chief"
            | "of"
            | "at"
            | "for"
    )
}

/// A byline's names: "By Jane Doe and John Roe, Staff Writers" → ["Jane Doe", "John Roe"]. The first line
/// that yields a name wins; within a line, the parts between separators (" | ", " · ", …) are tried in
/// order ("Dec. 19, 2025 · Niko Matsakis"). `visible` bylines need capitalised names; metadata may be lower
/// case. Names of teams and organisations ("Podium Staff", "The Associated Press") are left out.
pub(crate) fn split_names(byline: &str, site: Option<&str>, visible: bool) -> Vec<String> {
    names_of(byline, site, visible, false)
}

/// Separators between a byline's name and other matter (dates, reading times, roles).
const BYLINE_SEPARATORS: [&str; 4] = [" | ", " • ", " · ", " ⋅ "];

fn names_of(byline: &str, site: Option<&str>, visible: bool, declared: bool) -> Vec<String> {
    let mut carry = String::new();
    // Lines before the one that opens with "By" are other matter ("Guide\nby Will Judd"), and so are
    // lines after it and the name that follows a lone label.
    let labelled = byline.split('\n').position(starts_like_byline);
    let lines = byline.split('\n').skip(labelled.unwrap_or(0));
    let lines = lines.take(if labelled.is_some() { 2 } else { usize::MAX });
    for line in lines {
        if is_byline_label(line) {
            carry = line.trim().to_ascii_lowercase() + " ";
            continue;
        }
        let line = std::mem::take(&mut carry) + line;
        let line = collapse(&decode_entities(&line));
        let mut rest = line.as_str();
        while !rest.is_empty() {
            let cut = BYLINE_SEPARATORS
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min();
            let (part, next) = match cut {
                Some((i, len)) => (&rest[..i], &rest[i + len..]),
                None => (rest, ""),
            };
            let names = split_line(part, site, visible, declared);
            if !names.is_empty() {
                return names;
            }
            rest = next;
        }
        if labelled.is_some() {
            break;
        }
    }
    Vec::new()
}

fn split_line(line: &str, site: Option<&str>, visible: bool, declared: bool) -> Vec<String> {
    let mut s = line.trim().to_string();
    let lower = s.to_lowercase();
    for not_author in [
        "updated by",
        "reviewed by",
        "edited by",
        "fact checked by",
        "fact-checked by",
        "medically reviewed",
    ] {
        if lower.starts_with(not_author) {
            return Vec::new();
        }
    }
    // Cut at a date, a time or a separator that starts other matter.
    for cut in [
        "Updated",
        "Published",
        "Posted",
        "Reviewed by",
        "Fact checked",
        "Edited by",
        " on behalf of",
    ] {
        if let Some(i) = s.find(cut).filter(|&i| i > 0) {
            s.truncate(i);
        }
    }
    let lower = s.to_lowercase();
    if let Some(n) = byline_label_len(&lower) {
        s = s[n..].trim().to_string();
    }
    let s = s.replace(" & ", ",").replace(" and ", ",").replace(';', ",");
    let mut out: Vec<String> = Vec::new();
    for (k, part) in s.split(',').enumerate() {
        let name = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let lw = name.to_lowercase();
        let org = words.iter().any(|w| {
            let w = w.to_lowercase();
            NOT_A_PERSON.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
        }) || lw.contains("writer")
            || lw.contains("editor")
            || lw.contains("contributor")
            || lw.starts_with("the ");
        if org && (!declared || k > 0) {
            // "Staff Writer" after a name, "The Associated Press": not a person.
            continue;
        }
        // Roles and credentials after the first name: "Jane Doe, MD", "Mayank Gupta, CEO of Casebasix".
        if k > 0 && !out.is_empty() && (words.iter().any(|w| is_role_word(w)) || (words.len() == 1 && name.len() <= 5))
        {
            continue;
        }
        if words.len() > 5
            || (words.len() == 1 && name.matches('.').count() > 1)
            || matches!(lw.as_str(), "by" | "author" | "admin")
            || name.contains('@')
            || name.contains("http")
            || name.chars().any(|c| c.is_ascii_digit())
            || (visible && !name.chars().next().is_some_and(char::is_uppercase))
            || (visible
                && words.len() > 1
                && words.iter().skip(1).any(|w| {
                    w.chars().next().is_some_and(char::is_lowercase)
                        && !matches!(
                            *w,
                            "de" | "van" | "von" | "da" | "di" | "bin" | "al" | "la" | "le" | "del" | "der"
                        )
                }))
        {
            continue;
        }
        if visible && !declared && site.is_some_and(|s| s.eq_ignore_ascii_case(name)) {
            continue;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// The names of a JSON-LD object's `author` (or `creator`): strings, `Person` objects, and references
/// (`{"@id": …}`) to objects elsewhere on the page (`graph`). Organisations count only when `declared`.
fn ld_authors(article: &Value, graph: &[Value], site: Option<&str>, declared: bool) -> Vec<String> {
    let Some(a) = article.get("author").or_else(|| article.get("creator")) else {
        return Vec::new();
    };
    let items: Vec<&Value> = match a {
        Value::Array(v) => v.iter().collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for item in items {
        let item = match (item.get("name"), item.get("@id").and_then(Value::as_str)) {
            (None, Some(id)) => graph
                .iter()
                .find(|v| v.get("@id").and_then(Value::as_str) == Some(id))
                .unwrap_or(item),
            _ => item,
        };
        let mut person = false;
        let name = match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(_) => {
                let types = ld_types(item);
                if !declared
                    && types
                        .iter()
                        .any(|t| *t == "Organization" || t.ends_with("Organization"))
                {
                    continue;
                }
                // A name typed `Person` is one even when it reads like a team ("ACO Rankings Team").
                person = types.contains(&"Person");
                ld_str(item, "name")
            }
            _ => None,
        };
        if let Some(n) = name {
            for n in names_of(n, site, false, declared || person) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// The names a page labels "Written by" in its Twitter card (`twitter:label1` "Written by",
/// `twitter:data1` "Jane Doe", as WordPress SEO plugins write them). The label says a person wrote the
/// page, so the name counts even when it is also the site's name (a personal blog).
fn twitter_written_by(ev: &Evidence, declared: bool) -> Vec<String> {
    for i in 1..=4 {
        let label = ev.meta(&format!("twitter:label{i}"));
        if label.is_some_and(|l| l.eq_ignore_ascii_case("written by") || l.eq_ignore_ascii_case("author")) {
            if let Some(data) = ev.meta(&format!("twitter:data{i}")) {
                return names_of(data, None, false, declared);
            }
        }
    }
    Vec::new()
}

/// The author a page's description names: "This post was written by Vanessa Mendez, MD,
/// gastroenterologist, …" (`description`, `og:description` or `twitter:description` meta). Only that
/// sentence form counts ("This article was written by", "This story is written by"): a description
/// that mentions a writer ("a song written by Paul Simon") names no author.
fn described_author(ev: &Evidence) -> Vec<String> {
    const SUBJECTS: [&str; 7] = ["post", "blog post", "article", "story", "blog", "piece", "column"];
    for text in ev
        .metas("description")
        .chain(ev.metas("og:description"))
        .chain(ev.metas("twitter:description"))
    {
        // ASCII lower-casing keeps every byte offset.
        let lower = text.to_ascii_lowercase();
        let found = SUBJECTS.iter().find_map(|subject| {
            ["was", "is"].iter().find_map(|verb| {
                let phrase = format!("this {subject} {verb} written by ");
                lower.find(&phrase).map(|i| i + phrase.len())
            })
        });
        let Some(start) = found else { continue };
        let rest = &text[start..];
        // The name ends at a comma (credentials, a role) or at the end of its sentence: a period after a
        // lower-case letter ("… by Jane Doe. Diet is …"), not after an initial ("David C. Mowery").
        let bytes = rest.as_bytes();
        let end = (0..bytes.len())
            .find(|&i| {
                matches!(bytes[i], b',' | b';' | b'(')
                    || (bytes[i] == b'.' && i > 0 && bytes[i - 1].is_ascii_lowercase())
            })
            .unwrap_or(rest.len());
        let names = names_of(&rest[..end], None, true, false);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// The authors of a scholarly page: one `citation_author` meta per author (Google Scholar's tags), written
/// "Jane Doe" or "Doe, Jane".
fn citation_authors(ev: &Evidence) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in ev.metas("citation_author").chain(ev.metas("citation_authors")) {
        let name = match m.split_once(',') {
            Some((last, first)) if !first.contains(',') && !last.trim().is_empty() && !first.trim().is_empty() => {
                format!("{} {}", first.trim(), last.trim())
            }
            _ => m.to_string(),
        };
        for n in split_names(&name, None, false) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// The article's authors: the people it names as its authors, from the most reliable source that has
/// them. A page that names no person but declares a team or an organisation as its author ("Podium
/// Staff", "Marketing Team", a JSON-LD `Organization` author) gets that name: it is the page's byline.
fn authors(ev: &Evidence, article: Option<&Value>, site: Option<&str>) -> Vec<String> {
    let people = authors_as(ev, article, site, false);
    if let Some(line) = &ev.header_by_line {
        let shown = names_of(line, site, true, false);
        if !shown.is_empty() && shown.len() <= 4 && !shown.iter().any(|n| people.contains(n)) {
            return shown;
        }
    }
    if !people.is_empty() {
        return people;
    }
    if let Some(name) = &ev.header_name {
        return vec![name.clone()];
    }
    let described = described_author(ev);
    if !described.is_empty() {
        return described;
    }
    authors_as(ev, article, site, true)
}

fn authors_as(ev: &Evidence, article: Option<&Value>, site: Option<&str>, declared: bool) -> Vec<String> {
    if let Some(a) = article {
        let v = ld_authors(a, &ev.json_ld, site, declared);
        if !v.is_empty() {
            return v;
        }
    }
    if !declared {
        let v = citation_authors(ev);
        if !v.is_empty() {
            return v;
        }
    }
    for key in [
        "author",
        "article:author",
        "byl",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
        "cxenseparse:author",
    ] {
        for m in ev.metas(key) {
            if m.starts_with("http") {
                continue;
            }
            if !declared && site.is_some_and(|s| s.eq_ignore_ascii_case(m.trim())) {
                continue;
            }
            let v = names_of(m, site, false, declared);
            if !v.is_empty() {
                return v;
            }
        }
    }
    let v = twitter_written_by(ev, declared);
    if !v.is_empty() {
        return v;
    }
    for t in ev.itemprop_authors.iter().chain(&ev.by_lines).chain(&ev.bylines) {
        let v = names_of(t, site, true, declared);
        if !v.is_empty() && v.len() <= 4 {
            return v;
        }
    }
    // Any JSON-LD Person author (a WebPage's, say).
    for v in &ev.json_ld {
        let names = ld_authors(v, &ev.json_ld, site, declared);
        if !names.is_empty() {
            return names;
        }
    }
    // A link to the author's page that names them (its address spells the name).
    if !declared {
        if let Some(v) = ev
            .author_links
            .iter()
            .map(|t| names_of(t, site, true, false))
            .find(|v| v.len() == 1)
        {
            return v;
        }
    }
    Vec::new()
}

/// The page's date: the publication date ([`declared_published`]), unless the date the page shows under
/// its headline says otherwise: labelled as the publication ("Published Apr 26, 2023") it wins over
/// metadata that disagrees; labelled as the update and equal to the declared modification date ("Last
/// updated: Jul 22, 2021" with `dateModified` 2021-07-22, `datePublished` 2020-03-11), it dates a page
/// that shows readers only its update date.
fn published(
    ev: &Evidence,
    article: Option<&Value>,
    url: Option<&str>,
    canonical: Option<&str>,
    html: &str,
) -> Option<String> {
    match &ev.header_date {
        // "Published Apr 26, 2023" under the headline: what the page tells its readers wins over metadata
        // that disagrees (a re-saved CMS record, a month and day read the wrong way round).
        Some((shown, DateLabel::Published)) => return Some(shown.clone()),
        // Marked as the publication by its class alone: a theme that fills its "published" slot with the
        // modification date (`<time class="entry-date published">` holding `dateModified`) does not count.
        Some((shown, DateLabel::MarkedPublished)) if modified(ev, article).as_ref() != Some(shown) => {
            return Some(shown.clone());
        }
        Some((shown, DateLabel::Updated)) if !ev.shows_published && modified(ev, article).as_ref() == Some(shown) => {
            return Some(shown.clone());
        }
        _ => {}
    }
    declared_published(ev, article, url, canonical, html)
}

/// What the element holding a date shown under the headline, or one of the two elements around it, calls
/// it by its class, id or microdata: `posted-on`, `published-date`, `release-date`, `itemprop="datePublished"`
/// make it the publication date (`<span class="posted-on">Nov 25, 2025 5:00 am PST</span>`, `<li
/// itemprop="datePublished"><span>On</span> <time>8 Oct 2022</time></li>`); an element also marked as the
/// update (`entry-date published updated`) is no label.
fn marked_label(holder: Option<&NodeRef>) -> Option<DateLabel> {
    let holder = holder?;
    let around = || std::iter::once(*holder).chain(holder.ancestors_it(Some(2)));
    if around().any(|a| any_mark(&a, META_MARKS, is_update_mark)) {
        return None;
    }
    around()
        .any(|a| any_mark(&a, META_MARKS, is_publish_mark))
        .then_some(DateLabel::MarkedPublished)
}

/// What a date shown on the page is labelled as, by its own text or the text just before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateLabel {
    /// No label.
    None,
    /// "Updated Feb 11, 2026", "Last updated: 2025-02-22".
    Updated,
    /// "Published Apr 26, 2023", "Posted on 4 August 2010", "Originally published".
    Published,
    /// No label in the text, but the element holding the date is marked as the publication date
    /// (`class="posted-on"`).
    MarkedPublished,
}

impl DateLabel {
    fn of(text: &str) -> Option<Self> {
        let t = text.trim_start().as_bytes();
        let lead = |word: &[u8]| t.len() >= word.len() && t[..word.len()].eq_ignore_ascii_case(word);
        if lead(b"updated") || lead(b"last updated") {
            Some(Self::Updated)
        } else if lead(b"published") || lead(b"posted") || lead(b"originally published") {
            Some(Self::Published)
        } else {
            None
        }
    }
}

/// How many non-blank text nodes after the first `<h1>` still belong to the article's header (headline,
/// standfirst, byline, date, reading time).
const HEADER_TEXTS: usize = 12;

/// The declared modification date: `article:modified_time`, `og:updated_time`, JSON-LD `dateModified`.
fn modified(ev: &Evidence, article: Option<&Value>) -> Option<String> {
    let date = |s: &str| iso_date(s).or_else(|| text_date(s));
    ev.metas("article:modified_time")
        .chain(ev.metas("og:updated_time"))
        .chain(ev.metas("modified-date"))
        .chain(ev.metas("updated date"))
        .chain(ev.metas("last-modified"))
        .find_map(date)
        .or_else(|| article.and_then(|a| ld_str(a, "dateModified")).and_then(date))
}

/// The publication date declared by the page, first source that has one (see `docs/html.md`).
fn declared_published(
    ev: &Evidence,
    article: Option<&Value>,
    url: Option<&str>,
    canonical: Option<&str>,
    html: &str,
) -> Option<String> {
    let date = |s: &str| iso_date(s).or_else(|| text_date(s));
    if let Some(d) = article
        .and_then(|a| ld_str(a, "datePublished").or_else(|| ld_str(a, "dateCreated")))
        .and_then(date)
    {
        return Some(d);
    }
    for key in [
        "article:published_time",
        "og:published_time",
        "published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published-date",
        "published_date",
        "publication_date",
        "publication-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "cxenseparse:recs:publishtime",
    ] {
        if let Some(d) = ev.metas(key).find_map(date) {
            return Some(d);
        }
    }
    if let Some(d) = ev.times.iter().filter(|t| t.1 && !t.2).find_map(|t| date(&t.0)) {
        return Some(d);
    }
    if let Some(d) = url.and_then(url_date).or_else(|| canonical.and_then(url_date)) {
        return Some(d);
    }
    if let Some(d) = ev.times.iter().filter(|t| !t.2).find_map(|t| date(&t.0)) {
        return Some(d);
    }
    if let Some(d) = ev.datelines.iter().find_map(|t| text_date(t)) {
        return Some(d);
    }
    let after_h1 = ev.date_texts.iter().find(|t| t.1).or(ev.date_texts.first());
    if let Some((d, _)) = after_h1 {
        return Some(d.clone());
    }
    if let Some(d) = script_date(html) {
        return Some(d);
    }
    // Any JSON-LD object's publication date, then the modification date as a last resort.
    if let Some(d) = ev
        .json_ld
        .iter()
        .filter_map(|v| ld_str(v, "datePublished"))
        .find_map(date)
    {
        return Some(d);
    }
    modified(ev, article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str, url: Option<&str>) -> Meta {
        let doc = dom_query::Document::from(html);
        read(&doc.root(), html, url)
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            split_names("By Jane Doe and John Roe", None, true),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(split_names("By Jane Doe, Staff Writer", None, true), ["Jane Doe"]);
        assert_eq!(
            split_names("Written by Korin Miller | Published Jan 29, 2025", None, true),
            ["Korin Miller"]
        );
        assert_eq!(split_names("Maria & Katerina", None, true), ["Maria", "Katerina"]);
        assert!(split_names("The Associated Press", None, true).is_empty());
        assert!(split_names("Daily News Staff", None, true).is_empty());
        assert!(split_names("https://www.facebook.com/janedoe", None, true).is_empty());
        assert!(split_names("Scratch Culinary", Some("Scratch Culinary"), true).is_empty());
        assert_eq!(
            split_names("Mayank Gupta, CEO of Casebasix", None, true),
            ["Mayank Gupta"]
        );
        assert_eq!(split_names("kirstin boatto", None, false), ["kirstin boatto"]);
        assert!(split_names("kirstin boatto", None, true).is_empty());
        assert!(split_names("Updated by Jon Linkov", None, true).is_empty());
        assert_eq!(
            split_names("Andrew Gerrand\n4 August 2010", None, true),
            ["Andrew Gerrand"]
        );
    }

    #[test]
    fn byline_parts_between_separators_are_tried_in_order() {
        assert_eq!(
            split_names("Dec. 19, 2025 · Niko Matsakis on behalf of the Rust team", None, true),
            ["Niko Matsakis"]
        );
        assert!(split_names("March 3, 2024 | 5 min read", None, true).is_empty());
    }

    #[test]
    fn a_team_or_organisation_is_the_author_only_when_no_person_is() {
        let page = |head: &str, body: &str| {
            meta_of(
                &format!("<html><head><title>Zero waste tips</title>{head}</head><body><h1>Zero waste tips</h1>{body}<p>Text.</p></body></html>"),
                None,
            )
            .authors
        };
        assert_eq!(
            page(r#"<meta name="author" content="Marketing Team">"#, ""),
            ["Marketing Team"]
        );
        assert_eq!(
            page("", "<div><span>by</span> <a>Podium Staff</a></div>"),
            ["Podium Staff"]
        );
        // a person anywhere in the author evidence wins over the team
        assert_eq!(
            page(
                r#"<meta name="author" content="Marketing Team">"#,
                "<p class=\"byline\">By Jane Doe</p>"
            ),
            ["Jane Doe"]
        );
        let org_ld = r#"<script type="application/ld+json">{"@type":"Article","headline":"Zero waste tips",
            "author":{"@type":"Organization","name":"Loona Construction"}}</script>"#;
        assert_eq!(page(org_ld, ""), ["Loona Construction"]);
        assert_eq!(page(org_ld, "<p class=\"author\">By Ann Lee</p>"), ["Ann Lee"]);
        // nothing declared: no author
        assert!(page("", "<p>Our team loves zero waste.</p>").is_empty());
    }

    #[test]
    fn json_ld_author_references_and_citation_authors() {
        let html = r#"<html><head><title>Mesh networks</title><script type="application/ld+json">{"@graph":[
            {"@type":"BlogPosting","headline":"Mesh networks","author":{"@id":"https://x.example/#/person/1"}},
            {"@type":"Person","@id":"https://x.example/#/person/1","name":"Christian Dupuis"}]}</script>
            <script type="application/ld+json">{"@type":"WebPage","author":"Colin Madison"}</script>
            </head><body><h1>Mesh networks</h1><p>Text.</p></body></html>"#;
        assert_eq!(meta_of(html, None).authors, ["Christian Dupuis"]);
        let html = r#"<html><head><title>A trial</title><meta name="DC.Creator" content="Jennifer Huberty">
            <meta name="citation_author" content="Jennifer Huberty"><meta name="citation_author" content="Green, Jeni">
            <meta name="citation_author" content="Chong Lee"></head><body><h1>A trial</h1><p>Text.</p></body></html>"#;
        assert_eq!(
            meta_of(html, None).authors,
            ["Jennifer Huberty", "Jeni Green", "Chong Lee"]
        );
    }

    #[test]
    fn visible_bylines_label_markup_and_indentation() {
        let authors = |body: &str| {
            meta_of(
                &format!("<html><head><title>Mesh wifi</title></head><body><h1>Mesh wifi</h1>{body}<p>Text.</p></body></html>"),
                None,
            )
            .authors
        };
        // a label alone in its element: the name is in the next one
        assert_eq!(
            authors("<div><small>WRITTEN BY</small><p><strong><a>Dana Reyes</a></strong></p></div>"),
            ["Dana Reyes"]
        );
        // indentation of the markup does not make the byline too long to read
        let pad = " ".repeat(300);
        assert_eq!(
            authors(&format!(
                "<div>\n{pad}by\n{pad}<span>Ann Lee</span>\n{pad}on\n{pad}<span>Jan 22, 2025</span>\n{pad}</div>"
            )),
            ["Ann Lee"]
        );
        // what comes before the line that opens with "by" is not a name
        assert_eq!(
            authors("<div class=\"byline\"><span>Guide</span><br>by Will Judd<br>Former Editor</div>"),
            ["Will Judd"]
        );
        // "Article by" is a label too; a menu entry "By Company Size" and an author's description are not bylines
        assert_eq!(
            authors("<h2>Article by</h2><div>Matias Heikkila</div>"),
            ["Matias Heikkila"]
        );
        assert!(authors("<nav><ul><li>By Company Size</li></ul></nav>").is_empty());
        assert!(authors("<div class=\"author-description\">Licensed Q Arabica Grader</div>").is_empty());
        // a label followed by no name: no author
        assert!(
            authors("<div><small>Written by:</small></div><p>the people who test every router we review.</p>")
                .is_empty()
        );
    }

    #[test]
    fn titles_lose_the_site_name() {
        assert_eq!(
            strip_site_name("Talks resume in Doha | Daily News", Some("Daily News")),
            "Talks resume in Doha"
        );
        assert_eq!(
            strip_site_name("Daily News - Talks resume in Doha", Some("Daily News")),
            "Talks resume in Doha"
        );
        assert_eq!(
            strip_site_name("Talks resume in Doha - BBC News", None),
            "Talks resume in Doha"
        );
        assert_eq!(strip_site_name("Post-war talks resume", None), "Post-war talks resume");
    }

    #[test]
    fn json_ld_wins_and_organisations_are_not_authors() {
        let html = r#"<html lang="en"><head><title>Talks resume in Doha | Gulf Daily</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Gulf Daily"},
              {"@type":"NewsArticle","headline":"Talks resume in Doha","datePublished":"2024-08-26T09:00:00Z",
               "dateModified":"2024-08-27T10:00:00Z",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Gulf Daily"}]}]}
            </script></head><body><h1>Talks resume in Doha</h1><p>Text.</p></body></html>"#;
        let m = meta_of(html, None);
        assert_eq!(m.title.as_deref(), Some("Talks resume in Doha"));
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.published.as_deref(), Some("2024-08-26"));
        assert_eq!(m.site_name.as_deref(), Some("Gulf Daily"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn twitter_card_written_by_and_cxense_author() {
        let head = |extra: &str| {
            format!(
                "<html><head><title>Best podcast gear - Ella Hart</title>\
                 <meta property=\"og:site_name\" content=\"Ella Hart\">{extra}</head><body><p>Text.</p></body></html>"
            )
        };
        let card = "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Ella Hart\">\
                    <meta name=\"twitter:label2\" content=\"Est. reading time\"><meta name=\"twitter:data2\" content=\"5 minutes\">";
        assert_eq!(meta_of(&head(card), None).authors, ["Ella Hart"]);
        let reading = "<meta name=\"twitter:label1\" content=\"Est. reading time\"><meta name=\"twitter:data1\" content=\"5 minutes\">";
        assert!(meta_of(&head(reading), None).authors.is_empty());
        // The site's name in the author meta is the author only when the page names no person.
        assert_eq!(
            meta_of(&head("<meta name=\"author\" content=\"Ella Hart\">"), None).authors,
            ["Ella Hart"]
        );
        let both = "<meta name=\"author\" content=\"Ella Hart\"><meta name=\"byl\" content=\"By Jo Park\">";
        assert_eq!(meta_of(&head(both), None).authors, ["Jo Park"]);
        let cx = "<meta property=\"cXenseParse:author\" content=\"Harry Rabin\">";
        assert_eq!(meta_of(&head(cx), None).authors, ["Harry Rabin"]);
        let dot = "</head><body><div>By <a href=\"/author/ben\">Ben Apple-Bauch</a> &sdot; Review Editor</div>";
        assert_eq!(
            meta_of(&head("").replace("</head><body>", dot), None).authors,
            ["Ben Apple-Bauch"]
        );
    }

    #[test]
    fn language_comes_from_the_declared_tag() {
        assert_eq!(language_tag(" EN_gb "), Some("en-GB".to_string()));
        assert_eq!(language_tag("en-US, en"), Some("en-US".to_string()));
        for junk in ["", "english", "{{lang}}", "e", "en--US", "en-toolongsubtag"] {
            assert_eq!(language_tag(junk), None, "{junk:?}");
        }
        let body = "<body><p>Text.</p></body></html>";
        let m = meta_of(
            &format!(
                "<html lang=\"{{{{ lang }}}}\"><head><meta property=\"og:locale\" content=\"en_US\"></head>{body}"
            ),
            None,
        );
        assert_eq!(m.language.as_deref(), Some("en-US"));
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"X","inLanguage":"en-AU"}</script>"#;
        let m = meta_of(
            &format!("<html><head>{ld}<meta http-equiv=\"Content-Language\" content=\"fr\"></head>{body}"),
            None,
        );
        assert_eq!(m.language.as_deref(), Some("en-AU"));
        let m = meta_of(
            &format!("<html><head><meta http-equiv=\"content-language\" content=\"de\"></head>{body}"),
            None,
        );
        assert_eq!(m.language.as_deref(), Some("de"));
        assert_eq!(meta_of(&format!("<html><head></head>{body}"), None).language, None);
    }

    #[test]
    fn an_unlabelled_name_role_date_line_under_the_headline_is_the_byline() {
        let page = |line: &str| {
            format!(
                r#"<html><head><title>How AI Is Changing Clinics</title></head><body>
                <header><h1>How AI Is Changing Clinics</h1><p>{line}</p></header>
                <p>Hospitals are testing software that drafts notes.</p></body></html>"#
            )
        };
        let named = meta_of(&page("Aaron Ricadela | Senior Writer | July 2, 2025"), None);
        assert_eq!(named.authors, ["Aaron Ricadela"]);
        // A breadcrumb or a section line with a date names nobody.
        assert!(meta_of(&page("News | Health | July 2, 2025"), None).authors.is_empty());
        assert!(meta_of(&page("Press Release | July 2, 2025"), None).authors.is_empty());
        // Without a date part the line is not read as a byline.
        assert!(
            meta_of(&page("Aaron Ricadela | Senior Writer"), None)
                .authors
                .is_empty()
        );
        // Metadata naming a person keeps its say.
        let declared = page("Aaron Ricadela | Senior Writer | July 2, 2025")
            .replace("<title>", r#"<meta name="author" content="Jane Doe"><title>"#);
        assert_eq!(meta_of(&declared, None).authors, ["Jane Doe"]);
    }

    #[test]
    fn a_description_saying_who_wrote_the_post_names_its_author() {
        let page = |description: &str| {
            format!(
                r#"<html><head><meta name="description" content="{description}"><title>Eating more plants</title></head>
                <body><h1>Eating more plants</h1><p>Diet is one of the pillars of health.</p></body></html>"#
            )
        };
        let m = meta_of(
            &page(
                "This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health. Diet is one of the pillars.",
            ),
            None,
        );
        assert_eq!(m.authors, ["Vanessa Mendez"]);
        let m = meta_of(
            &page("This article is written by David C. Mowery. It reviews the evidence."),
            None,
        );
        assert_eq!(m.authors, ["David C. Mowery"]);
        // A writer mentioned in passing is no author.
        assert!(
            meta_of(&page("A look at the song written by Paul Simon in 1970."), None)
                .authors
                .is_empty()
        );
    }

    #[test]
    fn visible_byline_and_dateline_without_metadata() {
        let html = r#"<html><head><title>Flood waters recede - Valley Times</title></head><body>
            <nav><a href="/">Home</a></nav>
            <h1>Flood waters recede</h1>
            <div class="byline">By Maria Lopez and Tom Reed</div>
            <span class="post-date">Posted March 3, 2024</span>
            <time class="updated" datetime="2024-03-05">March 5</time>
            <p>The river fell overnight.</p></body></html>"#;
        let m = meta_of(html, Some("https://valleytimes.example/news/flood"));
        assert_eq!(m.title.as_deref(), Some("Flood waters recede"));
        assert_eq!(m.authors, ["Maria Lopez", "Tom Reed"]);
        assert_eq!(m.published.as_deref(), Some("2024-03-03"));
        assert_eq!(m.url.as_deref(), Some("https://valleytimes.example/news/flood"));
    }

    #[test]
    fn publication_not_modification_date() {
        let html = r#"<html><head>
            <meta property="article:modified_time" content="2024-09-01T00:00:00Z">
            <meta property="article:published_time" content="2024-08-26T00:00:00Z">
            <link rel="canonical" href="https://example.com/a"></head><body><p>x</p></body></html>"#;
        let m = meta_of(html, None);
        assert_eq!(m.published.as_deref(), Some("2024-08-26"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/a"));
        let only_url = meta_of(
            "<html><body><p>x</p></body></html>",
            Some("https://x.com/2023/05/17/story/"),
        );
        assert_eq!(only_url.published.as_deref(), Some("2023-05-17"));
        let nothing = meta_of("<html><body><p>x</p></body></html>", None);
        assert_eq!(nothing.published, None);
        assert!(nothing.authors.is_empty());
    }

    #[test]
    fn a_date_shown_as_published_under_the_headline_wins() {
        let page = |shown: &str| {
            meta_of(
                &format!(
                    r#"<html><head><title>Top electrical contractors</title><script type="application/ld+json">
                    {{"@type":"BlogPosting","headline":"Top electrical contractors","datePublished":"Aug 21, 2025"}}
                    </script></head><body><h1>Top electrical contractors</h1><div>{shown}</div><p>Text.</p></body></html>"#
                ),
                None,
            )
            .published
        };
        assert_eq!(
            page("Published&ensp;<span>Apr 26, 2023</span>").as_deref(),
            Some("2023-04-26")
        );
        assert_eq!(
            page("<span>Published April 26, 2023</span>").as_deref(),
            Some("2023-04-26")
        );
        // an unlabelled date under the headline does not override the declared one
        assert_eq!(page("<span>Apr 26, 2023</span>").as_deref(), Some("2025-08-21"));
    }

    #[test]
    fn published_date_and_update_date_meta_names() {
        let page = |metas: &str| {
            meta_of(
                &format!("<html><head><title>Ocean freight</title>{metas}</head><body><h1>Ocean freight</h1><p>Text.</p></body></html>"),
                None,
            )
            .published
        };
        assert_eq!(
            page(
                r#"<meta name="modified-date" content="2024-07-30"><meta name="published-date" content="2021-02-16">"#
            )
            .as_deref(),
            Some("2021-02-16")
        );
        // the update date only when the page declares no other
        assert_eq!(
            page(r#"<meta name="Updated Date" content="2025-07-02T14:13:01Z">"#).as_deref(),
            Some("2025-07-02")
        );
        assert_eq!(page(r#"<meta name="keywords" content="2025-07-02">"#), None);
    }

    #[test]
    fn a_page_showing_only_its_update_date_is_dated_by_it() {
        let page = |shown: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"Article",
                "headline":"Average Cost of Online College","datePublished":"2021-08-12T19:35:44+00:00",
                "dateModified":"2025-02-22T22:13:14+00:00"}}</script></head><body>
                <h1>Average Cost of Online College</h1><div class="page-byline">{shown}</div>
                <p>The average cost of an online degree is $53,100.</p></body></html>"#
            )
        };
        // "Last updated: 2025-02-22" under the headline, equal to dateModified: the page's date.
        let updated = meta_of(&page("Last Updated: 2025-02-22"), None);
        assert_eq!(updated.published.as_deref(), Some("2025-02-22"));
        assert_eq!(DateLabel::of("Updated Feb 11, 2026"), Some(DateLabel::Updated));
        assert_eq!(DateLabel::of("Published Feb 11, 2026"), Some(DateLabel::Published));
        assert_eq!(DateLabel::of("Feb 11, 2026"), None);
        // Negatives: a bare date (not labelled an update) and an update label with another date leave the
        // publication date.
        let bare = meta_of(&page("Feb 22, 2025"), None);
        assert_eq!(bare.published.as_deref(), Some("2021-08-12"));
        let other = meta_of(&page("Last Updated: 2024-01-05"), None);
        assert_eq!(other.published.as_deref(), Some("2021-08-12"));
    }

    #[test]
    fn an_update_shown_next_to_an_original_publication_date_does_not_date_the_page() {
        // "Updated November 11, 2022" under the headline, equal to the declared modification, but the page
        // also shows "Originally published November 9, 2022": the publication date stays.
        let page = |tooltip: &str| {
            format!(
                r#"<html><head><meta name="date" content="2022-11-09">
                <meta name="article:modified_time" content="2022-11-11T20:23:00-05:00"></head><body>
                <h1>Anxiety drug and meditation work equally well</h1>
                <div class="dateblock"><span class="date">Updated November 11, 2022</span>{tooltip}</div>
                <p>A study found that meditation helped people with anxiety as much as a common drug.</p>
                </body></html>"#
            )
        };
        let with = meta_of(
            &page(r#"<span class="tooltip">Originally published <span class="tt-date">November 9, 2022</span></span>"#),
            None,
        );
        assert_eq!(with.published.as_deref(), Some("2022-11-09"));
        // Negative: without the original date, the page shows only its update, which dates it.
        let without = meta_of(&page(""), None);
        assert_eq!(without.published.as_deref(), Some("2022-11-11"));
    }

    #[test]
    fn a_date_under_the_headline_in_a_posted_on_element_is_the_publication_date() {
        let page = |class: &str, modified: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
                "headline":"The best streaming services","datePublished":"2024-08-29",
                "dateModified":"{modified}"}}</script></head><body>
                <h1>The best streaming services</h1><div class="meta">By <a href="/a/jn">Jared Newman</a></div>
                <span class="{class}">Nov 25, 2025 5:00 am PST</span>
                <p>Cutting the cord is easier than ever, and here is how the services compare.</p></body></html>"#
            )
        };
        let posted = meta_of(&page("posted-on", "2025-12-15"), None);
        assert_eq!(posted.published.as_deref(), Some("2025-11-25"));
        // Negatives: an element that is not marked as the publication, one also marked as the update, and a
        // "published" slot that holds the declared modification date leave the declared publication date.
        let plain = meta_of(&page("meta-text", "2025-12-15"), None);
        assert_eq!(plain.published.as_deref(), Some("2024-08-29"));
        let both = meta_of(&page("entry-date published updated", "2025-12-15"), None);
        assert_eq!(both.published.as_deref(), Some("2024-08-29"));
        let modified = meta_of(&page("entry-date published", "2025-11-25"), None);
        assert_eq!(modified.published.as_deref(), Some("2024-08-29"));
    }

    #[test]
    fn a_date_marked_as_published_by_an_element_around_it_is_the_publication_date() {
        let page = |outer: &str| {
            format!(
                r#"<html><head><meta property="article:published_time" content="2022-10-24T12:40:59+00:00">
                <meta property="article:modified_time" content="2022-12-02T08:16:16+00:00"></head><body>
                <h1>Utility billing best practices</h1><ul class="post-info"><li {outer}>
                <span class="post-info__item"><span class="prefix">On</span> <time>8 Oct 2022</time></span></li>
                </ul><p>Billing errors cost utilities millions every year, and most of them can be avoided.</p>
                </body></html>"#
            )
        };
        let microdata = meta_of(&page(r#"itemprop="datePublished""#), None);
        assert_eq!(microdata.published.as_deref(), Some("2022-10-08"));
        let release = meta_of(&page(r#"class="byline__release-date""#), None);
        assert_eq!(release.published.as_deref(), Some("2022-10-08"));
        // Negatives: an unmarked list item, and one marked as the update, leave the declared date.
        let plain = meta_of(&page(r#"class="post-info__item""#), None);
        assert_eq!(plain.published.as_deref(), Some("2022-10-24"));
        let updated = meta_of(&page(r#"itemprop="datePublished" class="updated""#), None);
        assert_eq!(updated.published.as_deref(), Some("2022-10-24"));
    }

    #[test]
    fn a_time_of_day_after_a_shown_date_does_not_make_it_a_sentence() {
        assert_eq!(
            standalone_date("Nov 25, 2025 5:00 am PST").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(
            standalone_date("Updated: Dec 19, 2025 1:06 PM EST").as_deref(),
            Some("2025-12-19")
        );
        assert!(is_time_word("5:00") && is_time_word("PM") && is_time_word("EST") && is_time_word("GMT"));
        // Negatives: words of a sentence still count, and a capitalised word is not a time zone.
        assert_eq!(standalone_date("The law took effect on May 1, 2024 in Ohio."), None);
        assert!(!is_time_word("May") && !is_time_word("CEO") && !is_time_word("2025"));
    }

    #[test]
    fn a_link_to_the_authors_page_that_spells_their_name_is_a_byline() {
        let page = |link: &str| {
            format!(
                r#"<html><body><h1>Metasploit Wrap-Up 12/19/2025</h1><div class="flex">{link}</div>
                <p>This week brings three new modules and a fix to the session handler.</p></body></html>"#
            )
        };
        let m = meta_of(
            &page(r#"<a href="/blog/author/spencer-mcintyre/"><img alt=""><div>Spencer McIntyre</div></a>"#),
            None,
        );
        assert_eq!(m.authors, ["Spencer McIntyre"]);
        assert_eq!(
            author_slug("https://theconversation.com/profiles/shelia-r-cotten-309429"),
            Some("shelia-r-cotten-309429")
        );
        assert!(slug_names("shelia-r-cotten-309429", "Shelia R. Cotten"));
        // Negatives: a link whose address does not spell its text, a link that is not to an author page, and
        // an author link in the comments.
        assert!(
            meta_of(&page(r#"<a href="/author/sm/">Spencer McIntyre</a>"#), None)
                .authors
                .is_empty()
        );
        assert!(
            meta_of(&page(r#"<a href="/blog/spencer-mcintyre/">Spencer McIntyre</a>"#), None)
                .authors
                .is_empty()
        );
        assert!(
            meta_of(
                &page(r#"<div class="comments"><a href="/author/jane-doe/">Jane Doe</a></div>"#),
                None
            )
            .authors
            .is_empty()
        );
        assert!(!slug_names("jane-doe", "View all posts"));
    }

    #[test]
    fn the_byline_under_the_headline_wins_over_an_author_meta_naming_someone_else() {
        let page = |byline: &str| {
            format!(
                r#"<html><head><meta name="author" content="Luke Daigle"></head><body>
                <h1>Navigating legal challenges in the fitness industry</h1><div class="by-div">{byline}</div>
                <p>Gyms and studios face a growing number of liability claims from their members.</p>
                <footer><p>By the way, call us.</p></footer></body></html>"#
            )
        };
        assert_eq!(
            meta_of(&page("<p>By: Paul Fenaroli</p>"), None).authors,
            ["Paul Fenaroli"]
        );
        // Negatives: a byline naming the meta's person (with a role after it) keeps the meta's name, and no
        // byline leaves the meta.
        assert_eq!(
            meta_of(&page("<p>By Luke Daigle, Partner</p>"), None).authors,
            ["Luke Daigle"]
        );
        assert_eq!(meta_of(&page(""), None).authors, ["Luke Daigle"]);
    }
}
