//! The article's body: [`dom_smoothie`] (a Readability.js port) finds the main content, and a walk over
//! that content splits it into the paragraphs the text stages expect — one per heading, `<p>`, list item,
//! block quote, table cell or line break — leaving out figure captions, share widgets, "Read more" and
//! related-link blocks.

use dom_query::{NodeData, NodeRef};

use super::dom::{any_mark, collapse, is_block_element, subtree_text};

/// Elements whose content is never body text.
fn is_skipped_element(name: &str) -> bool {
    matches!(
        name,
        "figure"
            | "figcaption"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "button"
            | "form"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "nav"
            | "aside"
            | "iframe"
            | "svg"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "object"
            | "embed"
            | "menu"
            | "dialog"
            | "head"
            | "title"
    )
}

/// Class, id or role words of boilerplate blocks inside the content: captions, share and social widgets,
/// related and "read more" links, newsletter sign-ups, advertisements, comments, breadcrumbs.
fn is_boilerplate_mark(m: &str) -> bool {
    matches!(
        m,
        "caption"
            | "wp-caption-text"
            | "credit"
            | "share"
            | "sharing"
            | "sharedaddy"
            | "social"
            | "related"
            | "readmore"
            | "read-more"
            | "more-stories"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "signup"
            | "promo"
            | "advert"
            | "advertisement"
            | "ad"
            | "ads"
            | "adsbygoogle"
            | "sponsored"
            | "comments"
            | "comment"
            | "breadcrumb"
            | "breadcrumbs"
            | "popup"
            | "modal"
            | "outbrain"
            | "taboola"
            | "recirc"
            | "toolbar"
            | "byline"
            | "tags"
            | "screen-reader-text"
            | "sr-only"
            | "visually-hidden"
    )
}

fn is_boilerplate_element(node: &NodeRef) -> bool {
    if node.attr("aria-hidden").is_some_and(|v| &*v == "true") || node.has_attr("hidden") {
        return true;
    }
    // A widget is small: a marked element with much text is the content itself (an article container
    // with id="share-btn" exists).
    any_mark(node, &["class", "id", "role"], is_boilerplate_mark)
        && subtree_text(node, WIDGET_TEXT).len() <= WIDGET_TEXT
}

/// The most text (bytes) a boilerplate widget holds.
const WIDGET_TEXT: usize = 1500;

/// Short lines that lead away from the article: "Read more: …", "Related: …", "Share this article",
/// "Advertisement". Example: `Read more: Talks resume in Doha` is dropped; `Read the full report here, she
/// said, because it matters.` is not (it is longer than a link line and does not start with a lead-away).
fn is_boilerplate_line(p: &str) -> bool {
    if p.chars().count() > 160 {
        return false;
    }
    let l = p.to_lowercase();
    let l = l.trim_start_matches(|c: char| !c.is_alphanumeric());
    const LEADS: [&str; 22] = [
        "read more",
        "read also",
        "also read",
        "related:",
        "related articles",
        "related stories",
        "related content",
        "related posts",
        "see also",
        "share this",
        "share on",
        "advertisement",
        "sponsored",
        "click here",
        "sign up for",
        "subscribe to",
        "follow us",
        "recommended for you",
        "more from",
        "more stories",
        "you may also like",
        "you might also like",
    ];
    LEADS.iter().any(|lead| l.starts_with(lead)) || l == "advertisement" || l == "ad"
}

/// A line that heads what follows an article rather than the article: "Leave a reply", "Related posts",
/// "You may also like", "Popular posts". Example: the line `Related Posts` ends the body when most of the
/// body's words come before it; `Related posts on the forum were deleted.` does not (it is a sentence, not
/// a heading). An author's bio ("About the author") is not an end: gold bodies often keep it.
fn is_end_of_article(p: &str) -> bool {
    if p.len() > 40 {
        return false;
    }
    let l = p.to_lowercase();
    let l = l.trim().trim_end_matches(':');
    const ENDS: [&str; 14] = [
        "leave a comment",
        "leave a reply",
        "post a comment",
        "related",
        "related posts",
        "related post",
        "related articles",
        "related stories",
        "related reading",
        "you may also like",
        "you might also like",
        "recommended for you",
        "more stories",
        "popular posts",
    ];
    ENDS.contains(&l)
}

/// Splits the content under `root` into paragraphs (each a single line of collapsed text).
///
/// A line that heads what follows the article ([`is_end_of_article`]) ends it, when at least half of the
/// words and [`MIN_LEAD_WORDS`] come before it.
pub(crate) fn paragraphs(root: &NodeRef) -> Vec<String> {
    let mut end = None;
    let mut out = walk(root, &mut end);
    if let Some(k) = end {
        let words = |ps: &[String]| ps.iter().map(|p| p.split_whitespace().count()).sum::<usize>();
        let before = words(&out[..k]);
        if before >= MIN_LEAD_WORDS && 2 * before >= words(&out) {
            out.truncate(k);
        }
    }
    out
}

/// Words an article must have before a line that ends it ([`is_end_of_article`]) is believed.
const MIN_LEAD_WORDS: usize = 100;

/// The paragraphs under `root`; `end` gets the index of the first line that ends the article.
fn walk(root: &NodeRef, end: &mut Option<usize>) -> Vec<String> {
    enum Step<'a> {
        Node(NodeRef<'a>),
        EndBlock,
    }
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut flush = |buf: &mut String, out: &mut Vec<String>| {
        if buf.trim().is_empty() {
            buf.clear();
            return;
        }
        let p = collapse(buf);
        buf.clear();
        if end.is_none() && is_end_of_article(&p) {
            *end = Some(out.len());
        }
        if !is_boilerplate_line(&p) {
            out.push(p);
        }
    };
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Node).collect();
    let mut in_pre = 0usize;
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Node(n) => n,
            Step::EndBlock => {
                in_pre = in_pre.saturating_sub(1);
                flush(&mut buf, &mut out);
                continue;
            }
        };
        enum Kind {
            Text,
            Element(dom_query::LocalName),
            Other,
        }
        let kind = node
            .query(|t| match &t.data {
                NodeData::Text { contents } => {
                    if in_pre > 0 && contents.contains('\n') {
                        // Preformatted text: every line is a paragraph.
                        let mut lines = contents.split('\n');
                        if let Some(first) = lines.next() {
                            buf.push_str(first);
                        }
                        for line in lines {
                            flush(&mut buf, &mut out);
                            buf.push_str(line);
                        }
                    } else {
                        buf.push_str(contents);
                    }
                    Kind::Text
                }
                NodeData::Element(e) => Kind::Element(e.name.local.clone()),
                _ => Kind::Other,
            })
            .unwrap_or(Kind::Other);
        let Kind::Element(name) = kind else { continue };
        let name: &str = &name;
        if name == "br" {
            flush(&mut buf, &mut out);
            continue;
        }
        if is_skipped_element(name) || is_boilerplate_element(&node) {
            continue;
        }
        if is_block_element(name) {
            flush(&mut buf, &mut out);
            // in_pre counts the open blocks inside a <pre> (each EndBlock decrements it).
            if name == "pre" || in_pre > 0 {
                in_pre += 1;
            }
            stack.push(Step::EndBlock);
        }
        stack.extend(node.children_it(true).map(Step::Node));
    }
    flush(&mut buf, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(html: &str) -> Vec<String> {
        let doc = dom_query::Document::from(html);
        let body = doc.select("body");
        paragraphs(&body.nodes()[0])
    }

    #[test]
    fn blocks_lists_quotes_and_line_breaks_are_paragraphs() {
        let p = paras(
            "<body><h2>Background</h2><p>The talks <b>resumed</b> on Monday.</p>\
             <ul><li>First point</li><li>Second point</li></ul>\
             <blockquote>We will not give up.</blockquote><p>Line one<br>Line two</p></body>",
        );
        assert_eq!(
            p,
            [
                "Background",
                "The talks resumed on Monday.",
                "First point",
                "Second point",
                "We will not give up.",
                "Line one",
                "Line two"
            ]
        );
    }

    #[test]
    fn captions_share_widgets_and_read_more_are_dropped() {
        let p = paras(
            "<body><p>The river fell overnight.</p>\
             <figure><img src=a.jpg><figcaption>The river on Monday. (Photo: AP)</figcaption></figure>\
             <div class=\"share-buttons\"><a>Facebook</a><a>Twitter</a></div>\
             <p><strong>Read more:</strong> <a href=/x>Floods hit the valley</a></p>\
             <div class=\"related-posts\"><h3>Related</h3><a>Other story</a></div>\
             <p>Read the full report, she said, because it matters to every family here.</p></body>",
        );
        assert_eq!(
            p,
            [
                "The river fell overnight.",
                "Read the full report, she said, because it matters to every family here."
            ]
        );
    }

    #[test]
    fn preformatted_lines_and_deep_nesting() {
        let p = paras("<body><pre>line a\nline b</pre></body>");
        assert_eq!(p, ["line a", "line b"]);
        let deep = format!(
            "<body>{}deep text{}</body>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert_eq!(paras(&deep), ["deep text"]);
    }

    #[test]
    fn a_related_posts_heading_after_the_article_ends_it() {
        let article = "<p>The council voted on Tuesday to expand the city's bus network, adding three routes that \
            will link the northern suburbs to the hospital and the university campus by next spring.</p>"
            .repeat(5);
        let page = |tail: &str| paras(&format!("<div>{article}{tail}</div>"));
        let with = page("<h3>Related Posts</h3><p>Ten cheap day trips from the city this summer</p>");
        assert_eq!(with.len(), 5);
        assert!(is_end_of_article("Leave a Reply") && is_end_of_article("You may also like:"));
        // Negatives: a sentence that mentions related posts is text, and a heading with less than half of
        // the words before it does not cut what follows.
        let sentence = page("<p>Related research was published in May.</p><p>More routes are planned.</p>");
        assert_eq!(sentence.len(), 7);
        assert!(!is_end_of_article("Related posts on the forum were deleted."));
        let early = paras(&format!("<div><p>Intro line.</p><h3>Related</h3>{article}</div>"));
        assert_eq!(early.len(), 7);
    }
}
