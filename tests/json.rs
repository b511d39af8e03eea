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
