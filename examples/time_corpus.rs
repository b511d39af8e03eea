//! Wall-clock timing of the full parse over a corpus, best of several rounds: `Parser::parse` one article
//! after another on this thread, then `parse_many` on 1 and 2 threads (articles dropped outside the
//! timed region). On a machine whose speed drifts, the best round is the closest to its idle speed;
//! `cargo bench --bench parse` gives criterion's ranges for the same measures.
//!
//! ```text
//! cargo run --release --example time_corpus [-- ROUNDS]
//! cargo run --release --features mimalloc --example time_corpus [-- ROUNDS]
//! ```
//!
//! The corpus is `../shared/data/bench/voa_news.jsonl`, or `$NEWSPARSE_BENCH_CORPUS` (JSON Lines with a
//! `text` field).

/// mimalloc as the benchmark's allocator with `--features mimalloc`, as in the CLI and the Python extension.
// With `python` the library is the Python extension and already sets mimalloc (src/python/mod.rs).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use newsparse::{Document, Parser, parse_many};

fn main() {
    let path = std::env::var("NEWSPARSE_BENCH_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bench/voa_news.jsonl").into());
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let raw = match std::fs::read_to_string(&path) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("cannot read the corpus {path}: {e}");
            std::process::exit(2);
        }
    };
    let docs: Vec<Document> = raw
        .lines()
        .enumerate()
        .filter_map(|(i, l)| Document::from_json_line(l, i + 1).1.ok())
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let parser = Parser::new();
    println!(
        "{} articles, {:.2} MB, best of {rounds} rounds, allocator: {}",
        docs.len(),
        bytes as f64 / 1e6,
        if cfg!(feature = "mimalloc") {
            "mimalloc (--features mimalloc)"
        } else {
            "the system's (add --features mimalloc for mimalloc)"
        }
    );

    let best = |f: &dyn Fn() -> Duration| (0..rounds).map(|_| f()).min().unwrap_or_default();
    let report = |what: &str, t: Duration| {
        let s = t.as_secs_f64();
        println!("{what:<28} {s:.3} s  {:.1} MB/s", bytes as f64 / 1e6 / s);
    };
    let one_by_one = best(&|| {
        let start = Instant::now();
        for d in &docs {
            // each article is dropped as the next one is parsed, as a caller streaming articles would
            drop(parser.parse(&d.text));
        }
        start.elapsed()
    });
    report("parse, one after another", one_by_one);
    let mut many = [Duration::ZERO; 2];
    for (slot, threads) in many.iter_mut().zip([1, 2]) {
        *slot = best(&|| {
            let start = Instant::now();
            let out = parse_many(&parser, &docs, threads);
            let t = start.elapsed();
            drop(out);
            t
        });
        report(&format!("parse_many, {threads} thread(s)"), *slot);
    }
    println!(
        "parse_many speed-up on 2 threads: {:.2}x",
        many[0].as_secs_f64() / many[1].as_secs_f64().max(f64::MIN_POSITIVE)
    );
}
