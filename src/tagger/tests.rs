use super::*;
use crate::text::Doc;

fn tags(text: &str) -> Vec<(String, &'static str)> {
    let doc = Doc::new(text);
    (0..doc.tokens.len())
        .map(|i| (doc.tok(i).to_string(), doc.upos(i).as_str()))
        .collect()
}

#[test]
fn every_token_has_a_tag_and_past_the_end_is_x() {
    let doc = Doc::new("Officials in Tromsø rejected it.");
    assert_eq!(doc.upos.len(), doc.tokens.len());
    assert_eq!(doc.upos(doc.tokens.len()), Upos::X);
    assert_eq!(doc.upos(doc.tokens.len() - 1), Upos::Punct);
    assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
    assert_eq!(Upos::parse("propn"), None);
    for (n, u) in Upos::ALL.iter().enumerate() {
        assert_eq!(Upos::from_index(n), *u);
        assert_eq!(Upos::parse(u.as_str()), Some(*u));
    }
}
