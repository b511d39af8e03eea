//! The opt-in token view: tokens with their part-of-speech and name tags, in Rust and in JSON.

use newsparse::{Article, Parser, Upos, parse};

const TEXT: &str = "Talks stall\n\n\u{201C}We will not give up,\u{201D} Okonkwo said in Tromsø on Monday.";

fn tokens_parser() -> Parser {
    Parser::builder().tokens(true).build()
}

#[test]
fn tokens_are_only_there_when_asked() {
    let plain = parse(TEXT).unwrap();
    assert!(plain.tokens().is_none());
    assert!(!plain.to_json().contains("\"tokens\""));
    assert!(!Parser::new().keeps_tokens());
    let p = tokens_parser();
    assert!(p.keeps_tokens());
    let a = p.parse(TEXT).unwrap();
    let tokens = a.tokens().expect("tokens were asked for");
    // every token of the text, in order, not overlapping
    let words: Vec<&str> = tokens.iter().map(|t| a.slice(t.span)).collect();
    assert_eq!(words[..3], ["Talks", "stall", "\u{201C}"]);
    assert_eq!(words.last(), Some(&"."));
    assert!(tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    // the rest of the article is unchanged
    assert_eq!(a.actors(), plain.actors());
    assert_eq!(a.statements(), plain.statements());
}

#[test]
fn tokens_carry_their_universal_tags() {
    let a = tokens_parser().parse(TEXT).unwrap();
    let pos = |w: &str| -> Upos {
        a.tokens()
            .unwrap()
            .iter()
            .find(|t| a.slice(t.span) == w)
            .map(|t| t.pos)
            .unwrap()
    };
    assert_eq!(pos("Okonkwo"), Upos::Propn);
    assert_eq!(pos("Tromsø"), Upos::Propn);
    assert_eq!(pos("said"), Upos::Verb);
    assert_eq!(pos("will"), Upos::Aux);
    assert_eq!(pos("not"), Upos::Part);
    assert_eq!(pos("\u{201D}"), Upos::Punct);
    assert_ne!(pos("give"), Upos::Noun);
    // every token also has its Penn tag
    assert!(a.tokens().unwrap().iter().all(|t| t.tag.is_some()));
}

#[test]
fn tokens_carry_name_tags() {
    // Names in no lexicon of the crate: the name model reads them from their context.
    let a = tokens_parser()
        .parse("Talks led by Amina Okonkwo resumed in Tromsø on Monday, and officials at the University of Oslo welcomed them.")
        .unwrap();
    let names: Vec<(&str, Option<&str>)> = a
        .tokens()
        .unwrap()
        .iter()
        .map(|t| (a.slice(t.span), t.name.as_deref()))
        .collect();
    let name = |w: &str| names.iter().find(|(t, _)| *t == w).and_then(|(_, n)| *n);
    assert_eq!(name("Amina"), Some("B-PER"));
    assert_eq!(name("Okonkwo"), Some("I-PER"));
    assert_eq!(name("Tromsø"), Some("B-LOC"));
    assert_eq!(name("University"), Some("B-ORG"));
    assert_eq!(name("of"), Some("I-ORG"));
    assert_eq!(name("Oslo"), Some("I-ORG"));
    // Words, days and punctuation are outside names.
    for w in ["Talks", "led", "Monday", "officials", ",", "."] {
        assert_eq!(name(w), None, "{w}");
    }
    // An I tag only continues a name of its own type.
    for pair in names.windows(2) {
        if let Some(i) = pair[1].1.and_then(|n| n.strip_prefix("I-")) {
            let prev = pair[0].1.map(|n| &n[2..]);
            assert_eq!(prev, Some(i), "{pair:?}");
        }
    }
}

#[test]
fn tokens_carry_penn_tags() {
    let a = tokens_parser()
        .parse("The minister has said the bridge needs repairs. Okonkwo said the plan failed.")
        .unwrap();
    let tags: Vec<(&str, &str)> = a
        .tokens()
        .unwrap()
        .iter()
        .map(|t| (a.slice(t.span), t.tag.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(
        tags,
        [
            ("The", "DT"),
            ("minister", "NN"),
            ("has", "VBZ"),
            // a participle after "has", a past tense after a subject
            ("said", "VBN"),
            ("the", "DT"),
            ("bridge", "NN"),
            ("needs", "VBZ"),
            ("repairs", "NNS"),
            (".", "."),
            ("Okonkwo", "NNP"),
            ("said", "VBD"),
            ("the", "DT"),
            ("plan", "NN"),
            ("failed", "VBD"),
            (".", "."),
        ]
    );
    // the Penn tag refines the Universal one: a modal is an auxiliary, a base form after it a verb
    let b = tokens_parser().parse("We will not give up.").unwrap();
    let t = b.tokens().unwrap();
    assert_eq!((t[1].pos, t[1].tag.as_deref()), (Upos::Aux, Some("MD")));
    assert_eq!((t[3].pos, t[3].tag.as_deref()), (Upos::Verb, Some("VB")));
    assert_ne!(t[0].tag.as_deref(), Some("NNP"));
}

#[test]
fn json_tokens_use_code_points_and_round_trip() {
    let a = tokens_parser().parse(TEXT).unwrap();
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), a.tokens().unwrap().len());
    let chars: Vec<char> = TEXT.chars().collect();
    for t in tokens {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[s..e].iter().collect();
        assert_eq!(t["text"], text.as_str());
        assert!(t["tag"].is_string());
    }
    let tromso = tokens.iter().find(|t| t["text"] == "Tromsø").unwrap();
    assert_eq!(tromso["pos"], "PROPN");
    assert_eq!(tromso["tag"], "NNP");
    assert_eq!(tromso["name"], "B-LOC");
    let said = tokens.iter().find(|t| t["text"] == "said").unwrap();
    assert_eq!((&said["pos"], &said["tag"]), (&"VERB".into(), &"VBD".into()));
    assert!(said["name"].is_null());
    // "tokens" is the last field
    assert!(json.ends_with("]}"));
    let back = Article::from_json(&json).unwrap();
    assert_eq!(back, a);
    // a bad tag or an out-of-range token is refused, not dropped
    assert!(Article::from_json(&json.replace("\"PROPN\"", "\"NAME\"")).is_err());
    assert!(Article::from_json(&json.replace("\"B-LOC\"", "\"B-CITY\"")).is_err());
    let bad = json.replacen("\"tokens\":[{\"start\":0", "\"tokens\":[{\"start\":99999", 1);
    assert_ne!(bad, json);
    assert!(Article::from_json(&bad).is_err());
}
