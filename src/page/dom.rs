//! Small helpers over the DOM: element names, class words, bounded text, white space.

use dom_query::{NodeData, NodeRef};

/// The attributes whose words mark what an element is, for the metadata layer.
pub(crate) const META_MARKS: &[&str] = &["class", "id", "rel", "itemprop"];

/// Whether `test` holds for one of the lower-cased words of an element's `attrs` (class, id, …): each
/// white-space separated value (at most 16) and its parts at `-` and `_`, without allocating unless a value
/// has upper-case letters. Example: `class="Post-Date"` offers "post", "date" and "post-date".
pub(crate) fn any_mark(node: &NodeRef, attrs: &[&str], mut test: impl FnMut(&str) -> bool) -> bool {
    node.query(|t| {
        let NodeData::Element(e) = &t.data else {
            return false;
        };
        let mut buf = String::new();
        for a in &e.attrs {
            if !attrs.contains(&&*a.name.local) {
                continue;
            }
            let value: &str = &a.value;
            for class in value.split_whitespace().take(16) {
                let lower: &str = if class.bytes().any(|b| b.is_ascii_uppercase()) {
                    buf.clear();
                    buf.push_str(class);
                    buf.make_ascii_lowercase();
                    &buf
                } else {
                    class
                };
                if lower.contains(['-', '_']) && lower.split(['-', '_']).any(|w| !w.is_empty() && test(w)) {
                    return true;
                }
                if test(lower) {
                    return true;
                }
            }
        }
        false
    })
    .unwrap_or(false)
}

/// Elements that start and end a paragraph (a line in [`subtree_text`]).
pub(crate) fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
    )
}

/// Collapses every run of white space (NBSP included) to one space and trims the ends.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The text of a subtree, in document order, stopping once it is longer than `limit` bytes (the walk is
/// iterative, so deep nesting cannot overflow the stack). Script and style contents are skipped; a line
/// break or a block element starts a new line, and any other element boundary is a space.
pub(crate) fn subtree_text(node: &NodeRef, limit: usize) -> String {
    let mut out = String::new();
    let mut stack: Vec<NodeRef> = Vec::new();
    if let Some(c) = node.first_child() {
        stack.push(c);
    }
    while let Some(n) = stack.pop() {
        if let Some(next) = n.next_sibling() {
            stack.push(next);
        }
        let skip = n
            .query(|t| match &t.data {
                NodeData::Text { contents } => {
                    out.push_str(contents);
                    true
                }
                NodeData::Element(e) => {
                    let name = &*e.name.local;
                    let block = name == "br" || is_block_element(name);
                    out.push(if block { '\n' } else { ' ' });
                    matches!(name, "script" | "style" | "noscript" | "template")
                }
                _ => true,
            })
            .unwrap_or(true);
        if out.len() > limit {
            break;
        }
        if !skip {
            if let Some(c) = n.first_child() {
                stack.push(c);
            }
        }
    }
    out
}
