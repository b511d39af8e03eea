//! Throughput of HTML input (MB of HTML per CPU-second): `Parser::parse_html` on the WCXB dev pages
//! (`../shared/eval/dev/page_wcxb.jsonl`, or `$NEWSPARSE_HTML_CORPUS`; skipped with a message when absent).
//! `extract_and_parse` is the whole pipeline (decoding aside): DOM, metadata, main content, paragraphs, then
//! the text stages on the extracted text. The figures are the benchmark thread's CPU time
//! (`common::cpu::ThreadCpu`), since the cores are shared with other work.
//!
//! Run: `cargo bench --features html --bench html`. Under `cargo test --all-targets` it runs once on a few
//! pages, as a smoke test.

mod common;

#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use common::cpu::ThreadCpu;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsparse::{Document, Parser};

fn pages_path() -> PathBuf {
    match std::env::var_os("NEWSPARSE_HTML_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/page_wcxb.jsonl"),
    }
}

/// The pages' HTML (JSON Lines `{"id","html","url"}`), or `None` when the file is absent.
fn pages() -> Option<Vec<Document>> {
    let raw = std::fs::read_to_string(pages_path()).ok()?;
    let docs: Vec<Document> = raw
        .lines()
        .enumerate()
        .filter_map(|(i, l)| Document::from_json_line(l, i + 1).1.ok())
        .filter(|d| d.html)
        .collect();
    (!docs.is_empty()).then_some(docs)
}

fn bench_html(c: &mut Criterion<ThreadCpu>) {
    let Some(mut docs) = pages() else {
        eprintln!("HTML pages {} not found: skipping", pages_path().display());
        return;
    };
    if !common::full_size() {
        docs.truncate(3);
    }
    let parser = Parser::new();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let mut g = c.benchmark_group("html");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("extract_and_parse", |b| {
        b.iter(|| {
            for d in &docs {
                let _ = black_box(parser.parse_document(black_box(d)));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = html;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_html
}
criterion_main!(html);
