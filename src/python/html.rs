//! `Article._repr_html_` and `newsparse.render`: a displaCy-like rendering for notebooks, with inline
//! styles only (it survives sanitising viewers that drop `<style>` blocks) and every piece of article
//! text HTML-escaped.
//!
//! Every highlight sets its text colour as well as its background, so it stays readable whatever the
//! notebook's theme (light text on a light highlight is what dark themes give otherwise); text outside
//! highlights inherits the theme's colour. Long articles are cut at `max_chars` characters with a
//! visible note, so a huge text cannot produce a page the browser chokes on.

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

/// The text colour on every highlight (all highlight backgrounds are light).
const INK: &str = "#1a1a1a";
const QUOTE_BG: &str = "#fff5cc";
const STAT_BG: &str = "#c8f0c8";
const TIME_BG: &str = "#cfe3ff";
const TIME_STYLE: &str = "background:#cfe3ff;color:#1a1a1a;padding:0.2em 0.3em;border-radius:0.3em;";
const QUOTE_STYLE: &str = "background:#fff5cc;color:#1a1a1a;border-bottom:2px solid #e0b000;padding:0.1em 0;";
const CUE_STYLE: &str = "font-weight:bold;text-decoration:underline;";
const STAT_STYLE: &str = "background:#c8f0c8;color:#1a1a1a;padding:0.2em 0.3em;border-radius:0.3em;";
const LABEL_STYLE: &str = "font-size:0.65em;font-weight:bold;line-height:1;text-transform:uppercase;\
                           vertical-align:middle;margin-left:0.4em;color:#333;";

/// What `render` draws by default (`_repr_html_` draws them all).
pub(crate) const DEFAULT_MAX_CHARS: usize = 100_000;

/// The layers of highlights, by their Python names.
pub(crate) const LAYERS: [&str; 4] = ["actors", "statements", "statistics", "times"];

/// Which highlights to draw and how much text to show.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub actors: bool,
    pub statements: bool,
    pub statistics: bool,
    pub times: bool,
    /// Characters of text shown at most (None: all).
    pub max_chars: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            actors: true,
            statements: true,
            statistics: true,
            times: true,
            max_chars: Some(DEFAULT_MAX_CHARS),
        }
    }
}

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

fn marks(a: &PyArticle, opts: &Options) -> Vec<Mark> {
    let core = &a.core;
    let mut out = Vec::new();
    let statements = if opts.statements { core.statements() } else { &[] };
    let actors = if opts.actors { core.actors() } else { &[] };
    let statistics = if opts.statistics { core.statistics() } else { &[] };
    for st in statements {
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
    for actor in actors {
        let colour = actor_colour(actor.kind);
        for &m in &actor.mentions {
            out.push(Mark {
                span: m,
                rank: 2,
                open: format!(
                    "<mark class=\"np-actor\" style=\"background:{colour};color:{INK};padding:0.2em 0.35em;border-radius:0.35em;\" \
                     title=\"actor {}: {}\">",
                    actor.id,
                    esc(&actor.name)
                ),
                label: label(actor.kind.as_str()),
            });
        }
    }
    for s in statistics {
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
    let times = if opts.times { core.times() } else { &[] };
    for t in times {
        // the label: the TIMEX3 value, and the calendar days when they say more ("2024-W34 · 2024-08-19 to
        // 2024-08-25")
        let mut l = t.value.clone();
        match (&t.first, &t.last) {
            (Some(f), Some(z)) if f != z => l = format!("{l} · {f} to {z}"),
            (Some(f), _) if *f != t.value => l = format!("{l} · {f}"),
            _ => {}
        }
        out.push(Mark {
            span: t.span,
            rank: 3,
            open: format!(
                "<mark class=\"np-time\" style=\"{TIME_STYLE}\" title=\"{}\">",
                t.kind.as_str()
            ),
            label: label(&l),
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

/// Renders one paragraph's text with the marks that overlap it (`marks` sorted by start). Every
/// boundary closes the open tags and reopens those still active, so overlapping marks still give
/// well-formed HTML. A sweep over the boundaries keeps the set of active marks, so the work grows with
/// the marks and their nesting, not with marks × boundaries.
fn render_block(text: &str, block: Span, marks: &[&Mark], out: &mut String) {
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for m in marks {
        cuts.push(m.span.start.clamp(block.start, block.end));
        cuts.push(m.span.end.clamp(block.start, block.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut next = 0;
    let mut active: Vec<&Mark> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|m| m.span.end > a);
        while next < marks.len() && marks[next].span.start.max(block.start) <= a {
            if marks[next].span.end > a {
                active.push(marks[next]);
            }
            next += 1;
        }
        let Some(piece) = text.get(a..b) else {
            continue;
        };
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

/// A small chip for the legend.
fn chip(out: &mut String, background: &str, extra: &str, text: &str) {
    let _ = write!(
        out,
        "<span style=\"background:{background};color:{INK};padding:0.05em 0.4em;border-radius:0.3em;\
         margin-right:0.4em;{extra}\">{text}</span>"
    );
}

/// The legend: one chip per kind of highlight drawn.
fn legend(a: &PyArticle, opts: &Options, out: &mut String) {
    out.push_str("<div class=\"np-legend\" style=\"font-size:0.75em;line-height:1.6;margin:0.3em 0;\">");
    if opts.actors {
        let mut kinds: Vec<ActorKind> = a.core.actors().iter().map(|x| x.kind).collect();
        kinds.sort_by_key(|k| k.as_str());
        kinds.dedup();
        for k in kinds {
            chip(out, actor_colour(k), "", k.as_str());
        }
    }
    if opts.statements {
        chip(out, QUOTE_BG, "border-bottom:2px solid #e0b000;", "quotation — speaker");
        chip(
            out,
            "transparent",
            "color:inherit;font-weight:bold;text-decoration:underline;",
            "cue",
        );
    }
    if opts.statistics {
        chip(out, STAT_BG, "", "statistic");
    }
    if opts.times {
        chip(out, TIME_BG, "", "time");
    }
    out.push_str("</div>");
}

/// The byte offset where the first `max_chars` characters of `text` end (`text.len()` when shorter).
fn cut_at(text: &str, max_chars: Option<usize>) -> usize {
    match max_chars {
        Some(n) => text.char_indices().nth(n).map_or(text.len(), |(i, _)| i),
        None => text.len(),
    }
}

/// The whole article as a self-contained HTML fragment.
pub(crate) fn render(a: &PyArticle, opts: &Options) -> String {
    let core = &a.core;
    let text = core.text();
    let cut = cut_at(text, opts.max_chars);
    let mut all = marks(a, opts);
    // Marks past the cut are dropped, and those across it end there.
    all.retain(|m| m.span.start < cut);
    for m in &mut all {
        m.span.end = m.span.end.min(cut);
    }
    let mut out = String::with_capacity(cut * 2 + 1024);
    out.push_str(
        "<div class=\"newsparse\" style=\"font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;\
         line-height:2.1;max-width:50em;padding:0.5em 1em;border:1px solid #8884;border-radius:0.4em;\">",
    );
    let _ = write!(
        out,
        "<div class=\"np-summary\" style=\"font-size:0.8em;opacity:0.75;line-height:1.4;\">{} paragraphs · {} sentences · \
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
    legend(a, opts, &mut out);
    let paragraphs: Vec<Span> = if core.paragraphs().is_empty() && !text.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        core.paragraphs().to_vec()
    };
    // Each paragraph's marks, found by binary search over the paragraphs (marks may cross paragraphs).
    all.sort_by_key(|m| m.span.start);
    let mut buckets: Vec<Vec<&Mark>> = vec![Vec::new(); paragraphs.len()];
    for m in &all {
        let first = paragraphs.partition_point(|p| p.end <= m.span.start);
        for (p, bucket) in paragraphs.iter().zip(buckets.iter_mut()).skip(first) {
            if p.start >= m.span.end {
                break;
            }
            bucket.push(m);
        }
    }
    for (p, here) in paragraphs.iter().zip(&buckets) {
        if p.start >= cut {
            break;
        }
        let is_title = core.title_span() == Some(*p);
        let p = Span::new(p.start, p.end.min(cut));
        out.push_str(if is_title {
            "<h3 style=\"margin:0.4em 0;line-height:1.6;\">"
        } else {
            "<p style=\"margin:0.5em 0;\">"
        });
        render_block(text, p, here, &mut out);
        out.push_str(if is_title { "</h3>" } else { "</p>" });
    }
    if cut < text.len() {
        let total = a.char_len();
        let shown = opts.max_chars.unwrap_or(total);
        let _ = write!(
            out,
            "<div class=\"np-truncated\" style=\"background:#fde2e1;color:{INK};border-left:4px solid #d93025;\
             padding:0.3em 0.6em;margin:0.5em 0;font-size:0.85em;line-height:1.5;\">Truncated: showing the first \
             {shown} of {total} characters. Use newsparse.render(article, max_chars=None) for all of it.</div>"
        );
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
