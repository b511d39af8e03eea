//! Well-formedness checks shared by `tests/robustness.rs` and `tests/hostile.rs`.
#![allow(dead_code)]

use newsparse::{Article, Parser, Span};
use serde_json::Value;

/// Every byte span of the article, with a label for error messages.
pub fn all_spans(a: &Article) -> Vec<(String, Span)> {
    let mut v: Vec<(String, Span)> = Vec::new();
    if let Some(t) = a.title_span() {
        v.push(("title".into(), t));
    }
    v.extend(a.paragraphs().iter().map(|&s| ("paragraph".into(), s)));
    v.extend(a.sentences().iter().map(|&s| ("sentence".into(), s)));
    for actor in a.actors() {
        v.extend(
            actor
                .mentions
                .iter()
                .map(|&s| (format!("mention of actor {}", actor.id), s)),
        );
    }
    for (i, st) in a.statements().iter().enumerate() {
        v.extend(st.content.iter().map(|&s| (format!("statement {i} content"), s)));
        v.extend(st.cue.map(|s| (format!("statement {i} cue"), s)));
        v.extend(
            st.speaker_mention
                .map(|s| (format!("statement {i} speaker_mention"), s)),
        );
    }
    v.extend(
        a.statistics()
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("statistic {i}"), s.span)),
    );
    v
}

/// Checks the JSON form: every object with `start`/`end` lies inside the text (in code points) and, when it
/// has a `text`, that text is the code-point slice.
pub fn check_json_spans(v: &Value, chars: &[char], path: &str) -> Result<(), String> {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                if s > e || e > chars.len() {
                    return Err(format!("{path}: span {s}..{e} outside {} chars", chars.len()));
                }
                if let Some(t) = m.get("text") {
                    let want: String = chars[s..e].iter().collect();
                    if t.as_str() != Some(want.as_str()) {
                        return Err(format!("{path}: text {t} != slice {want:?}"));
                    }
                }
            }
            for (k, x) in m {
                check_json_spans(x, chars, &format!("{path}.{k}"))?;
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_json_spans(x, chars, &format!("{path}[{i}]"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// All the properties, for one input. Returns a description of the first violation.
pub fn check(text: &str) -> Result<Article, String> {
    let a = newsparse::parse(text).map_err(|e| format!("parse failed: {e}"))?;
    if a.text() != text {
        return Err("the article's text differs from the input".into());
    }
    for (what, s) in all_spans(&a) {
        if s.start > s.end || s.end > text.len() {
            return Err(format!("{what}: {s:?} outside the text ({} bytes)", text.len()));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what}: {s:?} not on char boundaries"));
        }
    }
    for (i, actor) in a.actors().iter().enumerate() {
        if actor.id != i {
            return Err(format!("actor at index {i} has id {}", actor.id));
        }
    }
    for (i, st) in a.statements().iter().enumerate() {
        for (role, id) in [("speaker", st.speaker), ("via", st.via)] {
            if let Some(id) = id
                && a.actor(id).is_none()
            {
                return Err(format!("statement {i} {role} {id} is not an actor"));
            }
        }
    }
    let json = a.to_json();
    let back = Article::from_json(&json).map_err(|e| format!("from_json failed: {e}\n{json}"))?;
    if back != a {
        return Err(format!("JSON round trip differs:\n{a:?}\n{back:?}"));
    }
    let v: Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let chars: Vec<char> = text.chars().collect();
    check_json_spans(&v, &chars, "$")?;
    let again = newsparse::parse(text).map_err(|e| e.to_string())?;
    let other = Parser::new().parse(text).map_err(|e| e.to_string())?;
    if again != a || other != a {
        return Err("parsing is not deterministic".into());
    }
    Ok(a)
}
