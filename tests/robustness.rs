//! Property tests: whatever the input, parsing never panics and its output is well formed.
//!
//! Two generators: arbitrary Unicode text, and news-like text assembled from the pieces real articles are
//! made of (names, titles, cues, numbers with separators and units, quotation marks of every style,
//! abbreviations, blank lines, CRLF, NBSP, zero-width characters, emoji). For every input:
//! - `parse` returns `Ok` (the input is under the size limit) and never panics;
//! - every span (title, paragraphs, sentences, actor mentions, statement content/cue/speaker mention,
//!   statistics) lies inside the text, on character boundaries;
//! - statement `speaker`/`via` ids name existing actors, and `actors()[i].id == i`;
//! - the JSON round trip (`to_json` → `from_json`) gives an equal `Article`;
//! - in the JSON, each span's `text` equals the code-point slice `[start, end)` of the text;
//! - parsing twice (and through a second `Parser`) gives the same `Article`.

mod common;

use common::{check, check_json_spans};
use newsparse::Parser;
use proptest::prelude::*;
use serde_json::Value;

/// Pieces of news text, including awkward characters.
const PIECES: &[&str] = &[
    "the",
    "a",
    "of",
    "in",
    "and",
    "to",
    "on",
    "that",
    "was",
    "were",
    "will",
    "not",
    "have",
    "has",
    "said",
    "says",
    "told",
    "reporters",
    "added",
    "according to",
    "announced",
    "warned",
    "stated",
    "he",
    "she",
    "they",
    "it",
    "who",
    "which",
    "officials",
    "sources",
    "residents",
    "a senior official",
    "Mr.",
    "Mrs",
    "Dr.",
    "Gen.",
    "Sen.",
    "U.S.",
    "U.N.",
    "Jan.",
    "No.",
    "St.",
    "a.m.",
    "p.m.",
    "J. K.",
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Sheikh",
    "Mohammed",
    "bin",
    "Al Thani",
    "Masoud Pezeshkian",
    "Abbas Araghchi",
    "Ismail Haniyeh",
    "Iran",
    "Qatar",
    "Israel",
    "Hamas",
    "Gaza",
    "Tehran",
    "Doha",
    "Irna",
    "Reuters",
    "the Qatari Foreign Ministry",
    "Iranian",
    "Palestinian",
    "United Nations",
    "World Health Organization",
    "Hezbollah",
    "Washington",
    "Lebanon's",
    "10,000",
    "1,00,000",
    "40,400",
    "3.5",
    "12%",
    "5 per cent",
    "$1.2 billion",
    "€30m",
    "£4",
    "320 km",
    "two-thirds",
    "one in five",
    "dozens",
    "hundreds of",
    "more than",
    "at least",
    "about",
    "up to",
    "between",
    "rose",
    "fell",
    "killed",
    "injured",
    "1990s",
    "2024",
    "-5",
    "0.",
    ".5",
    "1,",
    ",000",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "\"We will not give up,\"",
    "“We will win.”",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "...",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\t",
    "  ",
    "café",
    "Zürich",
    "Ελλάδα",
    "Москва",
    "北京",
    "😀",
    "🇶🇦",
    "e\u{301}",
    "ﬁ",
    "İstanbul",
    "ß",
];

/// News-like text: up to `n` pieces joined by single spaces or nothing.
fn news_like(n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), prop::bool::weighted(0.85)), 0..n).prop_map(|v| {
        let mut s = String::new();
        for (i, space) in v {
            s.push_str(PIECES[i]);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// A realistic article skeleton: headline, blank line, paragraphs of news-like sentences.
fn article_like() -> impl Strategy<Value = String> {
    (news_like(8), prop::collection::vec(news_like(40), 1..8)).prop_map(|(title, paras)| {
        let mut s = title.replace(['\n', '\r'], " ");
        s.push_str("\n\n");
        s.push_str(&paras.join(".\n\n"));
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_is_parsed_well_formed(text in any::<String>()) {
        if let Err(e) = check(&text) { prop_assert!(false, "{e}\ninput: {text:?}"); }
    }

    #[test]
    fn arbitrary_printable_text_with_breaks(text in "(\\PC{0,40}[\n\r\u{a0}\"“”]{0,3}){0,20}") {
        if let Err(e) = check(&text) { prop_assert!(false, "{e}\ninput: {text:?}"); }
    }

    #[test]
    fn news_like_text_is_parsed_well_formed(text in news_like(300)) {
        if let Err(e) = check(&text) { prop_assert!(false, "{e}\ninput: {text:?}"); }
    }

    #[test]
    fn article_like_text_is_parsed_well_formed(text in article_like()) {
        if let Err(e) = check(&text) { prop_assert!(false, "{e}\ninput: {text:?}"); }
    }
}

/// The checker itself catches what it is meant to: a span whose JSON `text` is not the code-point slice.
#[test]
fn json_span_check_rejects_a_wrong_text() {
    let chars: Vec<char> = "Café “ok”".chars().collect();
    let good: Value = serde_json::json!({"start": 5, "end": 9, "text": "“ok”"});
    let bad: Value = serde_json::json!({"start": 5, "end": 9, "text": "ok”"});
    let outside: Value = serde_json::json!({"start": 5, "end": 10});
    assert!(check_json_spans(&good, &chars, "$").is_ok());
    assert!(check_json_spans(&bad, &chars, "$").is_err());
    assert!(check_json_spans(&outside, &chars, "$").is_err());
}

/// The seed article passes every check (a realistic input with curly quotes and accents).
#[test]
fn seed_article_is_well_formed() {
    check(include_str!("../examples/seed_article.txt")).unwrap();
}

/// Inputs the property tests once found a panic in, kept as plain cases: an opening bracket as the last
/// token after a name (the party-letter rule looked one token past the end).
#[test]
fn inputs_that_once_panicked_are_well_formed() {
    for text in ["\n\nMr.Mohammed(", "Sen. Ann Lee (", "Rep. Bo Park (D"] {
        check(text).unwrap();
    }
}

/// The configured maximum input size: a typed error above it, a normal parse at it, on real text.
#[test]
fn max_input_bytes_is_enforced_with_a_typed_error() {
    let text = include_str!("../examples/seed_article.txt");
    let exact = Parser::builder().max_input_bytes(text.len()).build();
    assert!(exact.parse(text).is_ok());
    let small = Parser::builder().max_input_bytes(text.len() - 1).build();
    match small.parse(text) {
        Err(newsparse::Error::InputTooLarge { size, limit }) => {
            assert_eq!((size, limit), (text.len(), text.len() - 1));
        }
        other => panic!("expected InputTooLarge, got {other:?}"),
    }
    // The limit counts bytes, not characters: 4 curly quotes are 12 bytes.
    let quotes = "“”“”";
    let p = Parser::builder().max_input_bytes(11).build();
    assert!(matches!(
        p.parse(quotes),
        Err(newsparse::Error::InputTooLarge { size: 12, .. })
    ));
    // parse_document applies the same limit.
    let doc = newsparse::Document::new(text).with_id("seed");
    assert!(matches!(
        small.parse_document(&doc),
        Err(newsparse::Error::InputTooLarge { .. })
    ));
    assert_eq!(Parser::new().max_input_bytes(), newsparse::DEFAULT_MAX_INPUT_BYTES);
    let big = "x".repeat(newsparse::DEFAULT_MAX_INPUT_BYTES + 1);
    assert!(matches!(
        Parser::new().parse(&big),
        Err(newsparse::Error::InputTooLarge { .. })
    ));
}
