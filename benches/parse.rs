//! Throughput of `Parser::parse` (MB/s) on the seed article and on the bench corpus
//! (`../shared/data/bench/voa_news.jsonl`, or `$NEWSPARSE_BENCH_CORPUS`; skipped with a message when
//! absent), and of parsing the corpus on 1 and 2 threads (`newsparse::parse_many`).
//!
//! Single-thread figures are the benchmark thread's CPU time (`common::cpu::ThreadCpu`: the cores are shared
//! with other work); `parse_many` is wall-clock time, since it measures how well two threads overlap (the
//! parsed articles are dropped outside the timed region, as criterion's `iter_with_large_drop` does).
//!
//! Run: `cargo bench --bench parse`. Under `cargo test --all-targets` each benchmark runs once on a
//! shrunken input, as a smoke test.

mod common;

/// mimalloc as the benchmark's allocator with `--features mimalloc`, as in the CLI and the Python extension.
// With `python` the library is the Python extension and already sets mimalloc (src/python/mod.rs).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use common::cpu::ThreadCpu;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsparse::{Document, Parser, parse_many};

fn bench_parse(c: &mut Criterion<ThreadCpu>) {
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
}

fn bench_parse_many(c: &mut Criterion) {
    let parser = Parser::new();
    let Some(mut corpus) = common::corpus() else {
        return;
    };
    if !common::full_size() {
        corpus.truncate(20);
    }
    let docs: Vec<Document> = corpus.iter().map(Document::new).collect();
    let mut g = c.benchmark_group("parse_many");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(common::bytes(&corpus)));
    for threads in [1, 2] {
        g.bench_with_input(BenchmarkId::new("voa_corpus_threads", threads), &threads, |b, &n| {
            // the articles are dropped outside the timed region: freeing them is the caller's work, done on
            // one thread after the batch, and would otherwise count as a serial part of the threaded run
            b.iter_with_large_drop(|| parse_many(&parser, &docs, n))
        });
    }
    g.finish();
}

criterion_group! {
    name = single;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_parse
}
criterion_group!(threads, bench_parse_many);
criterion_main!(single, threads);
