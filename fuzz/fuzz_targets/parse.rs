//! Fuzzes `newsparse::parse` on any UTF-8 input and checks what the property tests check, cheaply:
//! spans inside the text on char boundaries, statement ids that exist, and an exact JSON round trip.
//!
//! Run (stable toolchain): `RUSTC_BOOTSTRAP=1 cargo fuzz run parse fuzz/corpus/parse fuzz/seeds/parse -- -jobs=1`
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::{Article, Span};

fn check_span(text: &str, what: &str, s: Span) {
    assert!(
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} is not a valid span of a {}-byte text",
        text.len()
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = newsparse::parse(text).expect("inputs under the size limit parse");
    for &s in a.paragraphs().iter().chain(a.sentences()).chain(a.title_span().iter()) {
        check_span(text, "segment", s);
    }
    for actor in a.actors() {
        for &m in &actor.mentions {
            check_span(text, "mention", m);
        }
    }
    for st in a.statements() {
        for &c in &st.content {
            check_span(text, "content", c);
        }
        st.cue.iter().for_each(|&c| check_span(text, "cue", c));
        st.speaker_mention
            .iter()
            .for_each(|&c| check_span(text, "speaker_mention", c));
        for id in [st.speaker, st.via].into_iter().flatten() {
            assert!(a.actor(id).is_some(), "statement refers to missing actor {id}");
        }
    }
    for s in a.statistics() {
        check_span(text, "statistic", s.span);
    }
    let back = Article::from_json(&a.to_json()).expect("own JSON reads back");
    assert_eq!(back, a, "JSON round trip changed the article");
});
