//! Unit tests of the statement rules (integration tests through `newsparse::parse` are in
//! `tests/statements.rs`); [`run`] is shared with the tests of the attribution rules.

use super::*;

pub(crate) fn run(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let doc = Doc::new(text);
    let mut index = crate::actors::extract(&doc);
    let st = extract(&doc, &mut index);
    st.iter()
        .map(|s| {
            (
                s.kind.as_str().to_string(),
                s.content.iter().map(|c| doc.slice(*c)).collect::<Vec<_>>().join(" | "),
                s.speaker_mention.map(|m| doc.slice(m).to_string()),
                s.cue.map(|c| doc.slice(c).to_string()),
            )
        })
        .collect()
}

#[test]
fn said_after_quote() {
    let r = run("“We will not give up,” the minister said on Monday.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].1, "We will not give up,");
    assert_eq!(r[0].2.as_deref(), Some("the minister"));
}
