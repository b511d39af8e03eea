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
    assert_eq!(doc.tags().len(), doc.tokens.len());
    assert_eq!(doc.upos(doc.tokens.len()), Upos::X);
    assert_eq!(doc.upos(doc.tokens.len() - 1), Upos::Punct);
    assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
    assert_eq!(Upos::parse("propn"), None);
    for (n, u) in Upos::ALL.iter().enumerate() {
        assert_eq!(Upos::from_index(n), *u);
        assert_eq!(Upos::parse(u.as_str()), Some(*u));
    }
}

fn pos_of(text: &str, word: &str) -> &'static str {
    tags(text)
        .into_iter()
        .find(|(w, _)| w == word)
        .map_or("none", |(_, p)| p)
}

#[test]
fn a_news_sentence_gets_its_parts_of_speech() {
    let got: Vec<&str> = tags("The minister said the talks would resume on Monday.")
        .iter()
        .map(|(_, p)| *p)
        .collect();
    assert_eq!(
        got,
        [
            "DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"
        ]
    );
}

#[test]
fn context_tells_a_noun_from_a_verb() {
    // "states" and "remarks" are nouns after a number or a possessive, verbs after a subject
    assert_eq!(pos_of("Three states rejected the plan.", "states"), "NOUN");
    assert_eq!(pos_of("The report states that prices rose.", "states"), "VERB");
    assert_eq!(pos_of("His remarks angered officials.", "remarks"), "NOUN");
    assert_eq!(pos_of("She often remarks on the weather.", "remarks"), "VERB");
}

#[test]
fn unseen_capitalised_words_inside_a_sentence_are_proper_nouns() {
    let text = "The plan was floated by Okonkwo in 2019, and officials in Tromsø rejected it.";
    assert_eq!(pos_of(text, "Okonkwo"), "PROPN");
    assert_eq!(pos_of(text, "Tromsø"), "PROPN");
    assert_eq!(pos_of(text, "2019"), "NUM");
    assert_eq!(pos_of(text, "officials"), "NOUN");
    assert_eq!(pos_of(text, "rejected"), "VERB");
}

#[test]
fn tagging_is_deterministic_and_independent_of_other_documents() {
    let a = "Officials said the bridge had not been inspected.";
    let first = tags(a);
    let _ = tags("Something else entirely, with Other Names and 3.5 percent.");
    assert_eq!(tags(a), first);
    // the same sentence inside a longer article gets the same tags
    let long = format!("Prices rose again.\n\n{a}");
    let inner: Vec<_> = tags(&long).into_iter().skip(4).collect();
    assert_eq!(inner, first);
}

#[test]
fn the_model_file_reads_and_garbage_does_not() {
    assert!(model::upos_model().is_some());
    assert!(model::Model::from_bytes(b"").is_none());
    assert!(model::Model::from_bytes(b"NPUPOS01\x05").is_none());
    let bytes = include_bytes!("../../data/models/upos.bin");
    assert!(model::Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
}

#[test]
fn a_document_with_more_forms_than_the_cache_is_tagged() {
    // 40,000 distinct unseen words: more than the per-thread cache of unseen forms holds
    let mut text = String::new();
    for i in 0..40_000u32 {
        let w: String = format!("{i:05}")
            .chars()
            .map(|c| char::from(b'k' + (c as u8 - b'0')))
            .collect();
        text.push_str("zq");
        text.push_str(&w);
        text.push(' ');
    }
    text.push_str("ended.");
    let doc = Doc::new(&text);
    assert!(doc.forms.first.len() > 40_000);
    assert_eq!(doc.tags().len(), doc.tokens.len());
    // and a short document after it is tagged as before
    assert_eq!(pos_of("His remarks angered officials.", "remarks"), "NOUN");
}
