//! The public API as a Rust user sees it (issue 18): Display for the enums, serde on every model type,
//! the statement/statistic helpers, the checked offset converter, `parse_many` over texts.

use newsparse::{
    Actor, ActorKind, Article, Document, OffsetMap, Parser, Qualifier, Span, Statement, StatementKind, Statistic,
    StatisticKind, parse_many,
};

const TEXT: &str = "Flood talks stall\n\n\
    \u{201c}We need help now,\u{201d} Mayor Ana Silva said on Monday, Reuters reported. \
    \u{201c}The river is still rising,\u{201d} she added, \u{201c}and the roads are closed.\u{201d}\n\n\
    The floods have killed more than 1,200 people, the health ministry said.";

fn article() -> Article {
    newsparse::parse(TEXT).unwrap()
}

#[test]
fn enums_display_their_json_names() {
    assert_eq!(ActorKind::Organization.to_string(), "organization");
    assert_eq!(StatementKind::Mixed.to_string(), "mixed");
    assert_eq!(Qualifier::MoreThan.to_string(), "more_than");
    assert_eq!(StatisticKind::Percent.to_string(), "percent");
    let a = article();
    // Display agrees with the JSON form of every kind in a real article.
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    for (actor, j) in a.actors().iter().zip(json["actors"].as_array().unwrap()) {
        assert_eq!(actor.kind.to_string(), j["kind"].as_str().unwrap());
    }
    for (s, j) in a.statements().iter().zip(json["statements"].as_array().unwrap()) {
        assert_eq!(format!("{}", s.kind), j["kind"].as_str().unwrap());
    }
}

#[test]
fn helpers_give_the_statement_and_statistic_texts_and_the_relay() {
    let a = article();
    let first = &a.statements()[0];
    assert_eq!(a.statement_text(first), "We need help now,");
    assert_eq!(a.speaker(first).unwrap().name, "Ana Silva");
    assert_eq!(a.via(first).unwrap().name, "Reuters");
    // A split quotation: two content spans joined with " … ".
    let split = a
        .statements()
        .iter()
        .find(|s| s.content.len() == 2)
        .expect("a split quotation");
    assert_eq!(
        a.statement_text(split),
        "The river is still rising, … and the roads are closed."
    );
    assert!(a.via(split).is_none());
    let ministry = a
        .statements()
        .iter()
        .find(|s| a.statement_text(s).starts_with("The floods"))
        .unwrap();
    assert_eq!(
        a.statement_text(ministry),
        "The floods have killed more than 1,200 people"
    );
    assert_eq!(a.speaker(ministry).unwrap().name, "health ministry");
    assert!(a.via(ministry).is_none());
    let stat = &a.statistics()[0];
    assert_eq!(a.statistic_text(stat), "more than 1,200 people");
}

#[test]
fn every_model_part_round_trips_through_serde_in_byte_offsets() {
    let a = article();
    let actors: Vec<Actor> = serde_json::from_str(&serde_json::to_string(a.actors()).unwrap()).unwrap();
    assert_eq!(actors, a.actors());
    let statements: Vec<Statement> = serde_json::from_str(&serde_json::to_string(a.statements()).unwrap()).unwrap();
    assert_eq!(statements, a.statements());
    let stats: Vec<Statistic> = serde_json::from_str(&serde_json::to_string(a.statistics()).unwrap()).unwrap();
    assert_eq!(stats, a.statistics());
    // The parts' form is the Rust one: byte offsets (the curly quotes take three bytes each).
    let v = serde_json::to_value(&a.statements()[0]).unwrap();
    let c = a.statements()[0].content[0];
    assert_eq!(v["content"][0], serde_json::json!({"start": c.start, "end": c.end}));
    assert_eq!(&TEXT[c.range()], "We need help now,");
    let span: Span = serde_json::from_str(r#"{"start": 3, "end": 9}"#).unwrap();
    assert_eq!(span, Span::new(3, 9));
    assert!(serde_json::from_str::<Span>(r#"{"start": 3}"#).is_err());
    let article_back: Article = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(article_back, a);
}

#[test]
fn a_document_reads_from_its_json_lines_record() {
    let doc: Document = serde_json::from_str(r#"{"text": "Rain\n\nIt rained.", "id": "a-1"}"#).unwrap();
    assert_eq!(doc, Document::new("Rain\n\nIt rained.").with_id("a-1"));
    assert!(serde_json::from_str::<Document>(r#"{"id": "a-1"}"#).is_err());
    let back: Document = serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn the_offset_converter_checks_its_input() {
    let a = article();
    let map = OffsetMap::new(a.text());
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    let s = a.statements()[0].content[0];
    let j = &json["statements"][0]["content"][0];
    assert_eq!(map.byte_to_char(s.start), Some(j["start"].as_u64().unwrap() as usize));
    assert_eq!(map.char_to_byte(j["end"].as_u64().unwrap() as usize), Some(s.end));
    // One byte into the opening curly quote: not a boundary.
    let quote = TEXT.find('\u{201c}').unwrap();
    assert_eq!(map.byte_to_char(quote + 1), None);
    assert_eq!(map.byte_to_char(quote + 2), None);
    assert_eq!(map.byte_to_char(TEXT.len() + 1), None);
    assert_eq!(map.char_to_byte(map.char_len()), Some(TEXT.len()));
    assert_eq!(map.char_to_byte(map.char_len() + 1), None);
}

#[test]
fn a_reversed_span_has_no_length_and_slices_to_nothing() {
    let a = article();
    let reversed = Span::new(20, 5);
    assert_eq!(reversed.len(), 0);
    assert!(reversed.is_empty());
    assert_eq!(a.slice(reversed), "");
    assert_eq!(a.slice(Span::new(0, 5)), "Flood");
}

#[test]
fn parse_many_takes_documents_or_texts() {
    let parser = Parser::new();
    let texts = vec![TEXT, "Rain\n\nIt rained.", "Sun\n\nIt shone."];
    let from_texts = parse_many(&parser, &texts, 2);
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(*t).with_id("x")).collect();
    let from_docs = parse_many(&parser, &docs, 2);
    for ((t, d), text) in from_texts.iter().zip(&from_docs).zip(&texts) {
        let (t, d) = (t.as_ref().unwrap(), d.as_ref().unwrap());
        assert_eq!(t.text(), *text);
        assert_eq!((t.id(), d.id()), (None, Some("x")));
        assert_eq!(t.statements(), d.statements());
    }
    let small = Parser::builder().max_input_bytes(100).build();
    let results = parse_many(&small, &texts, 2);
    assert!(matches!(results[0], Err(newsparse::Error::InputTooLarge { .. })));
    assert!(results[1].is_ok() && results[2].is_ok());
}
