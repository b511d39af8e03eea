//! The JSON contract: code-point offsets, span texts, and a lossless round trip.

use newsparse::{Article, Error, parse};

#[test]
fn json_uses_code_points_and_round_trips() {
    let text = "Émeute à Paris 😀\n\n“Ça suffit,” a dit Müller. The crowd left.";
    let a = parse(text).unwrap();
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["title"], "Émeute à Paris 😀");
    let chars: Vec<char> = text.chars().collect();
    let s0 = &v["sentences"][1];
    let (st, en) = (
        s0["start"].as_u64().unwrap() as usize,
        s0["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[st..en].iter().collect::<String>(), "“Ça suffit,” a dit Müller.");
    assert_eq!(Article::from_json(&json).unwrap(), a);
    assert_eq!(Article::from_json(&a.to_json_pretty()).unwrap(), a);
}

#[test]
fn out_of_range_spans_are_rejected_when_reading() {
    let a = parse("Headline\n\nOne sentence.").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    v["sentences"][0]["end"] = 1000.into();
    let err = Article::from_json(&v.to_string()).unwrap_err();
    assert!(err.to_string().contains("sentences"), "{err}");
    assert!(matches!(Article::from_json("{"), Err(Error::InvalidJson { .. })));
    assert!(matches!(
        Article::from_json(r#"{"id":null}"#),
        Err(Error::MissingField { .. }) | Err(Error::InvalidJson { .. })
    ));
}

/// `to_json` runs the fast compact writer; it must write exactly what serde_json writes for the same
/// `Serialize` implementation, on text full of characters that need escaping.
#[test]
fn the_fast_writer_writes_what_serde_json_writes() {
    let seed = include_str!("fixtures/seed_article.txt");
    let tricky = "Tab\there \"quoted\" back\\slash\u{1}\n\n\u{201c}We will not give up,\u{201d} Foreign Minister \
                  Ana Silva said on Monday.\r\nMore than 1,200 people were killed, the ministry said. \u{7f}\u{2028}😀";
    for text in [seed, tricky, ""] {
        let a = parse(text).unwrap();
        assert_eq!(a.to_json(), serde_json::to_string(&a).unwrap());
        assert_eq!(Article::from_json(&a.to_json()).unwrap(), a);
    }
    // Every optional part: tokens, a literal id, a publication date (so times resolve), a string id.
    let tokens = newsparse::Parser::builder().tokens(true).build();
    for line in [
        format!(
            r#"{{"id": 12345678901234567, "published": "2024-08-26", "text": {}}}"#,
            serde_json::to_string(tricky).unwrap()
        ),
        format!(
            r#"{{"id": "seed", "published": "2021-03-01", "text": {}}}"#,
            serde_json::to_string(seed).unwrap()
        ),
        r#"{"id": false, "text": "Rain\u0000 on \"Monday\", she said."}"#.to_string(),
    ] {
        let (_, doc) = newsparse::Document::from_json_line(&line, 1);
        let a = tokens.parse_document(&doc.unwrap()).unwrap();
        assert!(a.tokens().is_some_and(|t| !t.is_empty()));
        assert_eq!(a.to_json(), serde_json::to_string(&a).unwrap());
        assert_eq!(Article::from_json(&a.to_json()).unwrap(), a);
    }
}

/// The same for a page read from HTML, whose article has authors, a URL and a site name.
#[cfg(feature = "html")]
#[test]
fn the_fast_writer_writes_what_serde_json_writes_for_pages() {
    let html = r#"<html><head><title>Rain \"floods\" the valley - The Example Times</title>
        <meta property="og:site_name" content="The Example Times">
        <meta name="author" content="Ana Silva"></head><body><article><h1>Rain floods the valley</h1>
        <p>By Ana Silva</p><p>"The water rose fast," the mayor, Bo Park, said on Monday. More than 1,200 people
        left their homes, officials said.</p><p>Rescue teams worked through the night in the lower town, where
        the river broke its banks twice.</p></article></body></html>"#;
    let a = newsparse::Parser::new()
        .parse_html(html, Some("https://example.com/2024/08/26/rain"))
        .unwrap();
    assert!(!a.authors().is_empty());
    assert_eq!(a.to_json(), serde_json::to_string(&a).unwrap());
    assert_eq!(Article::from_json(&a.to_json()).unwrap(), a);
}

#[test]
fn the_json_carries_its_schema_version_and_a_newer_one_is_refused() {
    let a = parse("Headline\n\nOne sentence.").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(v["schema"], newsparse::JSON_SCHEMA);
    v["schema"] = (newsparse::JSON_SCHEMA + 1).into();
    let err = Article::from_json(&v.to_string()).unwrap_err();
    assert!(
        matches!(err, Error::InvalidJson { .. }) && err.to_string().contains("schema"),
        "{err}"
    );
    // JSON written before the format was versioned is still read.
    v.as_object_mut().unwrap().remove("schema");
    assert_eq!(Article::from_json(&v.to_string()).unwrap(), a);
}

const QUOTED: &str = "Flood talks stall\n\n\u{201c}We need help now,\u{201d} Mayor Ana Silva said on Monday, \
    Reuters reported. The floods have killed more than 1,200 people.";

/// The article's JSON as a value, and the field name and reason of the error reading `v` back gives.
fn json_of(a: &Article) -> serde_json::Value {
    serde_json::from_str(&a.to_json()).unwrap()
}

fn inconsistency(v: &serde_json::Value) -> (String, String) {
    match Article::from_json(&v.to_string()) {
        Err(Error::InconsistentJson { field, reason }) => (field, reason),
        other => panic!("expected an inconsistency, got {other:?}"),
    }
}

#[test]
fn speaker_and_via_ids_must_name_an_actor() {
    let a = parse(QUOTED).unwrap();
    let v = json_of(&a);
    assert_eq!(v["statements"][0]["speaker"], 0);
    assert_eq!(v["statements"][0]["via"], 1);
    assert_eq!(Article::from_json(&v.to_string()).unwrap(), a);
    let n = a.actors().len();
    let mut bad = v.clone();
    bad["statements"][0]["speaker"] = n.into();
    let (field, reason) = inconsistency(&bad);
    assert_eq!(field, "statements[0].speaker");
    assert!(reason.contains(&format!("actor {n} does not exist")), "{reason}");
    let mut bad = v.clone();
    bad["statements"][0]["via"] = 99.into();
    assert_eq!(inconsistency(&bad).0, "statements[0].via");
    // null is fine: no speaker, no relay.
    let mut ok = v;
    ok["statements"][0]["via"] = serde_json::Value::Null;
    assert_eq!(Article::from_json(&ok.to_string()).unwrap().statements()[0].via, None);
}

#[test]
fn actor_ids_must_be_their_positions() {
    let a = parse(QUOTED).unwrap();
    assert!(a.actors().len() >= 2);
    let mut v = json_of(&a);
    let actors = v["actors"].as_array_mut().unwrap();
    actors.swap(0, 1);
    let (field, reason) = inconsistency(&v);
    assert_eq!(field, "actors[0].id");
    assert!(reason.contains("the id is 1"), "{reason}");
}

#[test]
fn a_span_text_must_be_its_slice() {
    let a = parse(QUOTED).unwrap();
    let v = json_of(&a);
    type Slot = fn(&mut serde_json::Value) -> &mut serde_json::Value;
    let cases: [(&str, Slot); 5] = [
        (
            "statements[0].content[0]",
            |v| &mut v["statements"][0]["content"][0]["text"],
        ),
        ("statements[0].cue", |v| &mut v["statements"][0]["cue"]["text"]),
        ("actors[0].mentions[0]", |v| &mut v["actors"][0]["mentions"][0]["text"]),
        ("statistics[0]", |v| &mut v["statistics"][0]["text"]),
        ("title_span", |v| &mut v["title_span"]["text"]),
    ];
    for (place, at) in cases {
        let mut bad = v.clone();
        let slot = at(&mut bad);
        assert!(slot.is_string(), "{place}");
        *slot = "We do not need help,".into();
        let (field, reason) = inconsistency(&bad);
        assert_eq!(field, place);
        assert!(reason.contains("differs from the text's slice"), "{reason}");
    }
    let mut bad = v.clone();
    bad["title"] = "Flood talks resume".into();
    assert_eq!(inconsistency(&bad).0, "title");
    // The same text written with code-point offsets that point elsewhere is refused too.
    let mut moved = v;
    let c = &mut moved["statements"][0]["content"][0];
    let start = c["start"].as_u64().unwrap();
    c["start"] = (start + 1).into();
    c["end"] = (c["end"].as_u64().unwrap() + 1).into();
    assert_eq!(inconsistency(&moved).0, "statements[0].content[0]");
}

#[test]
fn number_and_boolean_ids_round_trip_exactly() {
    let parser = newsparse::Parser::new();
    for (literal, as_text) in [
        ("12345678901234567", "12345678901234567"),
        ("18446744073709551615", "18446744073709551615"),
        ("-9007199254740993", "-9007199254740993"),
        ("true", "true"),
        ("2.5", "2.5"),
    ] {
        let line = format!(r#"{{"id": {literal}, "text": "Rain\n\nIt rained."}}"#);
        let (_, doc) = newsparse::Document::from_json_line(&line, 1);
        let a = parser.parse_document(&doc.unwrap()).unwrap();
        assert_eq!(a.id(), Some(as_text));
        assert!(a.id_is_literal());
        let json = a.to_json();
        assert!(json.starts_with(&format!(r#"{{"schema":1,"id":{literal},"#)), "{json}");
        let back = Article::from_json(&json).unwrap();
        assert_eq!(back, a);
        assert_eq!(back.to_json(), json);
        assert_eq!(Article::from_json(&a.to_json_pretty()).unwrap(), a);
    }
    // A string that looks like a number stays a string.
    let (_, doc) = newsparse::Document::from_json_line(r#"{"id": "12345678901234567", "text": "Rain"}"#, 1);
    let a = parser.parse_document(&doc.unwrap()).unwrap();
    assert!(!a.id_is_literal());
    assert!(a.to_json().starts_with(r#"{"schema":1,"id":"12345678901234567","#));
    assert!(!Article::from_json(&a.to_json()).unwrap().id_is_literal());
    // An id that is an object is not an id.
    let mut v = json_of(&a);
    v["id"] = serde_json::json!({"n": 1});
    assert!(matches!(
        Article::from_json(&v.to_string()),
        Err(Error::InvalidJson { .. })
    ));
}
