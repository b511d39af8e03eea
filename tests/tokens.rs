//! The opt-in token view: tokens with their part-of-speech tags, in Rust and in JSON.

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
    let said = tokens.iter().find(|t| t["text"] == "said").unwrap();
    assert_eq!((&said["pos"], &said["tag"]), (&"VERB".into(), &"VBD".into()));
    // "tokens" is the last field
    assert!(json.ends_with("]}"));
    let back = Article::from_json(&json).unwrap();
    assert_eq!(back, a);
    // a bad tag or an out-of-range token is refused, not dropped
    assert!(Article::from_json(&json.replace("\"PROPN\"", "\"NAME\"")).is_err());
    let bad = json.replacen("\"tokens\":[{\"start\":0", "\"tokens\":[{\"start\":99999", 1);
    assert_ne!(bad, json);
    assert!(Article::from_json(&bad).is_err());
}

/// Made-up news: names no lexicon knows, a title, a lower-case sentence.
const NAMES_TEXT: &str = "Port dispute widens\n\nDockworkers walked out on Tuesday after the Halvorsen \
    Shipping Group cut wages, said Tomasz Wierzbicki, a spokesman for the Baltic Freight Union. The strike \
    was backed by Ingrid Sandvold, the mayor of Lysefjord. Traders said the dispute could spread to \
    Rotterdam. the board met on friday and the talks resumed after lunch.";

/// The words of `a` with their name tags.
fn name_tags(a: &Article) -> Vec<(&str, &str)> {
    a.tokens()
        .unwrap()
        .iter()
        .map(|t| (a.slice(t.span), t.name.as_deref().expect("a name tag on every token")))
        .collect()
}

#[test]
fn tokens_carry_bio_name_tags() {
    let a = tokens_parser().parse(NAMES_TEXT).unwrap();
    let tags = name_tags(&a);
    let run = |first: &str, n: usize| -> Vec<&str> {
        let i = tags.iter().position(|&(w, _)| w == first).unwrap();
        tags[i..i + n].iter().map(|&(_, t)| t).collect()
    };
    assert_eq!(run("Tomasz", 2), ["B-PER", "I-PER"]);
    assert_eq!(run("Ingrid", 2), ["B-PER", "I-PER"]);
    assert_eq!(run("Halvorsen", 3), ["B-ORG", "I-ORG", "I-ORG"]);
    assert_eq!(run("Baltic", 3), ["B-ORG", "I-ORG", "I-ORG"]);
    assert_eq!(run("Lysefjord", 1), ["B-LOC"]);
    assert_eq!(run("Rotterdam", 1), ["B-LOC"]);
    // the words around a name are outside it
    assert_eq!(run("said", 1), ["O"]);
    assert_eq!(run("the", 1), ["O"]);
    assert_eq!(run("Tuesday", 1), ["O"]);
    // negative: a headline of common words and a sentence in lower case have no name
    assert_eq!(run("Port", 3), ["O", "O", "O"]);
    let lower = tags.iter().position(|&(w, _)| w == "board").unwrap() - 1;
    assert!(tags[lower..].iter().all(|&(_, t)| t == "O"), "{:?}", &tags[lower..]);
}

#[test]
fn name_tags_keep_to_valid_transitions() {
    // every I tag continues a name of its own type, within its sentence
    for text in [
        TEXT,
        NAMES_TEXT,
        "Of Of The NATO NATO of Bank Bank of of X Y Z. O'Neill McDonald's iPhone.",
    ] {
        let a = tokens_parser().parse(text).unwrap();
        let tags = name_tags(&a);
        let mut prev = "O";
        for (k, &(w, t)) in tags.iter().enumerate() {
            let sentence_start = a
                .sentences()
                .iter()
                .any(|s| s.start == a.tokens().unwrap()[k].span.start);
            if sentence_start {
                prev = "O";
            }
            assert!(["O", "B-", "I-"].iter().any(|p| t.starts_with(p)), "{w}: {t}");
            if let Some(ty) = t.strip_prefix("I-") {
                assert!(prev.ends_with(ty) && prev != "O", "{w}: {t} after {prev}");
            }
            prev = t;
        }
    }
}

#[test]
fn json_tokens_carry_name_tags_and_read_back() {
    let a = tokens_parser().parse(NAMES_TEXT).unwrap();
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    let name = |w: &str| tokens.iter().find(|t| t["text"] == w).unwrap()["name"].clone();
    assert_eq!(name("Wierzbicki"), "I-PER");
    assert_eq!(name("Lysefjord"), "B-LOC");
    assert_eq!(name("spokesman"), "O");
    assert!(tokens.iter().all(|t| t["name"].is_string()));
    assert_eq!(Article::from_json(&json).unwrap(), a);
    // JSON written without name tags reads back without them
    let old = json.replace(",\"name\":\"O\"", "").replace(",\"name\":\"B-PER\"", "");
    let back = Article::from_json(&old).unwrap();
    let t = back.tokens().unwrap();
    assert!(t.iter().any(|t| t.name.is_none()) && t.iter().any(|t| t.name.as_deref() == Some("I-PER")));
}
