//! `Article._repr_html_`: a displaCy-like rendering for notebooks, with inline styles only (it survives
//! sanitising viewers that drop `<style>` blocks) and every piece of article text HTML-escaped.

use std::fmt::Write;

use super::classes::PyArticle;
use crate::model::{ActorKind, Span};

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(s, &mut out);
    out
}

fn actor_colour(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "#aa9cfc",
        ActorKind::Organization => "#7aecec",
        ActorKind::Country => "#feca74",
        ActorKind::Location => "#ff9561",
        ActorKind::Group => "#bfe1d9",
        ActorKind::Source => "#e4e7d2",
    }
}

const QUOTE_STYLE: &str = "background:#fff5cc;border-bottom:2px solid #e0b000;padding:0.1em 0;";
const CUE_STYLE: &str = "font-weight:bold;text-decoration:underline;";
const STAT_STYLE: &str = "background:#c8f0c8;padding:0.2em 0.3em;border-radius:0.3em;";
const LABEL_STYLE: &str = "font-size:0.65em;font-weight:bold;line-height:1;text-transform:uppercase;\
                           vertical-align:middle;margin-left:0.4em;color:#333;";

/// One highlighted stretch: its byte span, nesting rank (outer first), opening tag and end label.
struct Mark {
    span: Span,
    rank: u8,
    open: String,
    label: String,
}

fn label(text: &str) -> String {
    format!("<span class=\"np-label\" style=\"{LABEL_STYLE}\">{}</span>", esc(text))
}

fn marks(a: &PyArticle) -> Vec<Mark> {
    let core = &a.core;
    let mut out = Vec::new();
    for st in core.statements() {
        let who = core
            .speaker(st)
            .map(|x| x.name.clone())
            .or_else(|| st.speaker_mention.map(|m| core.slice(m).to_string()))
            .unwrap_or_else(|| "unknown".to_string());
        let n = st.content.len();
        for (i, &c) in st.content.iter().enumerate() {
            out.push(Mark {
                span: c,
                rank: 0,
                open: format!(
                    "<span class=\"np-quote\" style=\"{QUOTE_STYLE}\" title=\"{} ({})\">",
                    esc(&who),
                    st.kind.as_str()
                ),
                label: if i + 1 == n {
                    label(&format!("— {who}"))
                } else {
                    String::new()
                },
            });
        }
        if let Some(c) = st.cue {
            out.push(Mark {
                span: c,
                rank: 1,
                open: format!("<span class=\"np-cue\" style=\"{CUE_STYLE}\">"),
                label: String::new(),
            });
        }
    }
    for actor in core.actors() {
        let colour = actor_colour(actor.kind);
        for &m in &actor.mentions {
            out.push(Mark {
                span: m,
                rank: 2,
                open: format!(
                    "<mark class=\"np-actor\" style=\"background:{colour};padding:0.2em 0.35em;border-radius:0.35em;\" \
                     title=\"actor {}: {}\">",
                    actor.id,
                    esc(&actor.name)
                ),
                label: label(actor.kind.as_str()),
            });
        }
    }
    for s in core.statistics() {
        let mut l = s.value.map(number).unwrap_or_default();
        if let Some(u) = &s.unit {
            l = format!("{l} {u}");
        }
        if let Some(c) = &s.context {
            l = format!("{l} · {c}");
        }
        out.push(Mark {
            span: s.span,
            rank: 3,
            open: format!("<mark class=\"np-statistic\" style=\"{STAT_STYLE}\">"),
            label: label(l.trim()),
        });
    }
    out.retain(|m| m.span.start < m.span.end && core.text().get(m.span.range()).is_some());
    out
}

/// A value for a label: whole numbers with thousands separators ("40,400"), others as Rust prints them.
fn number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

fn close_tag(open: &str) -> &'static str {
    if open.starts_with("<mark") {
        "</mark>"
    } else {
        "</span>"
    }
}

/// Renders one paragraph's text with the marks that overlap it. Every boundary closes the open tags and
/// reopens those still active, so overlapping marks still give well-formed HTML.
fn render_block(text: &str, block: Span, marks: &[&Mark], out: &mut String) {
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for m in marks {
        cuts.push(m.span.start.clamp(block.start, block.end));
        cuts.push(m.span.end.clamp(block.start, block.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let mut active: Vec<&&Mark> = marks.iter().filter(|m| m.span.start <= a && b <= m.span.end).collect();
        active.sort_by_key(|m| (m.rank, m.span.start, std::cmp::Reverse(m.span.end)));
        for m in &active {
            out.push_str(&m.open);
        }
        escape(piece, out);
        for m in active.iter().rev() {
            if m.span.end == b {
                out.push_str(&m.label);
            }
            out.push_str(close_tag(&m.open));
        }
    }
}

/// The whole article as a self-contained HTML fragment.
pub(crate) fn render(a: &PyArticle) -> String {
    let core = &a.core;
    let text = core.text();
    let all = marks(a);
    let mut out = String::with_capacity(text.len() * 2 + 512);
    out.push_str(
        "<div class=\"newsparse\" style=\"font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;\
         line-height:2.1;max-width:50em;padding:0.5em 1em;border:1px solid #ddd;border-radius:0.4em;\">",
    );
    let _ = write!(
        out,
        "<div class=\"np-summary\" style=\"font-size:0.8em;color:#666;line-height:1.4;\">{} paragraphs · {} sentences · \
         {} actors · {} statements · {} statistics{}</div>",
        core.paragraphs().len(),
        core.sentences().len(),
        core.actors().len(),
        core.statements().len(),
        core.statistics().len(),
        core.published()
            .map(|d| format!(" · published {}", esc(d)))
            .unwrap_or_default()
    );
    let paragraphs: Vec<Span> = if core.paragraphs().is_empty() && !text.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        core.paragraphs().to_vec()
    };
    for p in paragraphs {
        let here: Vec<&Mark> = all.iter().filter(|m| m.span.overlaps(p)).collect();
        let is_title = core.title_span() == Some(p);
        out.push_str(if is_title {
            "<h3 style=\"margin:0.4em 0;line-height:1.6;\">"
        } else {
            "<p style=\"margin:0.5em 0;\">"
        });
        render_block(text, p, &here, &mut out);
        out.push_str(if is_title { "</h3>" } else { "</p>" });
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(esc("plain café"), "plain café");
    }

    #[test]
    fn label_numbers_get_thousands_separators() {
        assert_eq!(number(40400.0), "40,400");
        assert_eq!(number(1_500_000_000.0), "1,500,000,000");
        assert_eq!(number(320.0), "320");
        assert_eq!(number(-1200.0), "-1,200");
        assert_eq!(number(3.5), "3.5");
    }
}
