//! Peak memory per document stays a bounded multiple of its size, for real news and for the hostile
//! inputs that used to blow up (issue 18: `'"\n'` repeated reached 91× its size, then 70×, 52× since
//! tokens and sentences shrank to 32 and 16 bytes, 45× since no stage reserves room by the input's size
//! for what it rarely makes). Counts the bytes the parse requests from the allocator
//! (`benches/common/peak.rs`); `cargo bench --bench memory` prints the full table.
//!
//! Built without `python` (the Python extension sets its own allocator): `cargo test --features mimalloc
//! --test memory` (scripts/test runs it) or plain `cargo test --test memory`.
#![cfg(not(feature = "python"))]

#[path = "../benches/common/mod.rs"]
mod common;

use common::peak::{PeakAlloc, peak_during, warm_up};
use newsparse::Parser;

#[global_allocator]
static GLOBAL: PeakAlloc = PeakAlloc;

/// The peak bytes held while parsing `text`, as a multiple of its length.
fn peak_ratio(parser: &Parser, text: &str) -> f64 {
    let (article, peak) = peak_during(|| parser.parse(text).unwrap());
    assert!(!article.text().is_empty());
    drop(article);
    peak as f64 / text.len() as f64
}

#[test]
fn peak_memory_is_a_bounded_multiple_of_the_input() {
    let parser = Parser::new();
    // the thread's tagger form cache (8 MB, reused by every document) is made by this first parse
    let first = warm_up(&parser);
    assert!(first < 16 << 20, "first parse: {first} bytes");
    let size = 1 << 20;
    let news = common::long_article(size, common::corpus().as_deref());
    let news_ratio = peak_ratio(&parser, &news);
    eprintln!("news: {news_ratio:.1}× its size");
    assert!(news_ratio < 19.3, "news: {news_ratio:.1}× its size");
    // bounds: what each input reached, with about a tenth of headroom (quotation marks held 42 MB of
    // atoms for no figure and "said" repeated a draft's room for each of its cues before the stages
    // reserved for what they make rather than for the input's size)
    for (name, text, bound) in [
        ("'\"\\n' repeated", "\"\n".repeat(size / 2), 49.0),
        ("quotation marks", common::quotation_marks(size), 33.0),
        ("alternating quotes", common::alternating_quotes(size), 25.5),
        ("said said said", common::said(size / 5), 20.0),
        ("comma number list", common::comma_number_list(size / 6), 47.0),
    ] {
        let ratio = peak_ratio(&parser, &text);
        eprintln!("{name}: {ratio:.1}× its size");
        assert!(ratio < bound, "{name}: {ratio:.1}× its size");
    }
    // The default limit bounds one document's peak to well under 200 MB (89 MB measured; 104 MB before).
    let at_limit = "\"\n".repeat(newsparse::DEFAULT_MAX_INPUT_BYTES / 2);
    let (_, peak) = peak_during(|| parser.parse(&at_limit).unwrap());
    eprintln!("at the default limit: {} MB", peak >> 20);
    assert!(peak < 98 << 20, "{peak} bytes for a {}-byte input", at_limit.len());
}
