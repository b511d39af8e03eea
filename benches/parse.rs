//! Throughput of `Parser::parse` (MB/s) on the seed article and on the bench corpus
//! (`../shared/data/bench/voa_news.jsonl`, or `$NEWSPARSE_BENCH_CORPUS`; skipped with a message when
//! absent), and of parsing the corpus on 1 and 2 threads (`parse_many`).
//!
//! Run: `cargo bench --bench parse`. Under `cargo test --all-targets` each benchmark runs once on a
//! shrunken input, as a smoke test.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsparse::{Article, Parser};

/// Parses `texts` on `threads` scoped threads that take articles from a shared counter, in chunks of 8;
/// returns the articles in input order. (The reference loop `parse_many` is compared against.)
fn parse_threads(parser: &Parser, texts: &[String], threads: usize) -> Vec<Article> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const CHUNK: usize = 8;
    let next = AtomicUsize::new(0);
    let mut parts: Vec<(usize, Vec<Article>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= texts.len() {
                            break out;
                        }
                        let end = (start + CHUNK).min(texts.len());
                        let arts = texts[start..end]
                            .iter()
                            .map(|t| parser.parse(t).expect("bench text parses"))
                            .collect();
                        out.push((start, arts));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    });
    parts.sort_by_key(|p| p.0);
    parts.into_iter().flat_map(|p| p.1).collect()
}

fn bench_parse(c: &mut Criterion) {
    let parser = Parser::new();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(common::SEED.len() as u64));
    g.bench_function("seed_article", |b| {
        b.iter(|| parser.parse(black_box(common::SEED)).unwrap())
    });

    let Some(mut corpus) = common::corpus() else {
        eprintln!(
            "bench corpus {} not found: skipping the corpus benchmarks",
            common::corpus_path().display()
        );
        return;
    };
    if !common::full_size() {
        corpus.truncate(20);
    }
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(common::bytes(&corpus)));
    g.bench_function("voa_corpus", |b| {
        b.iter(|| {
            for t in &corpus {
                black_box(parser.parse(black_box(t)).unwrap());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("parse_many");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(common::bytes(&corpus)));
    for threads in [1, 2] {
        g.bench_with_input(BenchmarkId::new("voa_corpus_threads", threads), &threads, |b, &n| {
            b.iter(|| black_box(parse_threads(&parser, &corpus, n)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
