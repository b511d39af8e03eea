//! Hostile inputs: per-byte cost of a full parse compared with ordinary news.
//!
//! Every input is parsed with `Parser::new()` and reported in MB/s; `news_1mb` (bench-corpus articles
//! totalling about 1 MB, parsed one by one, or the seed article repeated when the corpus is absent) is the
//! baseline. A hostile input is "linear" when its MB/s is at least a third of the baseline's
//! (per-byte cost within 3×). `docs/perf.md` lists the figures.
//!
//! Times are the benchmark thread's CPU time (`common::cpu::ThreadCpu`): the cores are shared.
//!
//! Run: `cargo bench --bench hostile`.

mod common;

/// mimalloc as the benchmark's allocator with `--features mimalloc`, as in the CLI and the Python extension.
// With `python` the library is the Python extension and already sets mimalloc (src/python/mod.rs).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use common::cpu::ThreadCpu;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsparse::Parser;

fn bench_hostile(c: &mut Criterion<ThreadCpu>) {
    let full = common::full_size();
    // Under `cargo test` (debug build, smoke test) every input is 1/100 of its size.
    let k = if full { 1 } else { 100 };
    let mb = 1_000_000 / k;
    let corpus = common::corpus();

    let news: Vec<String> = match &corpus {
        Some(c) => {
            let mut total = 0;
            c.iter()
                .take_while(|t| {
                    total += t.len();
                    total <= mb + t.len()
                })
                .cloned()
                .collect()
        }
        None => vec![common::SEED.to_string(); mb / common::SEED.len() + 1],
    };
    let single = |s: String| vec![s];
    let inputs: Vec<(&str, Vec<String>)> = vec![
        ("news_1mb", news),
        ("quotation_marks_1mb", single(common::quotation_marks(mb))),
        ("unpunctuated_sentence_1mb", single(common::unpunctuated_sentence(mb))),
        ("capitalised_words_100k", single(common::capitalised_words(100_000 / k))),
        // four times as many: the same MB/s when the actors stage is linear (it grew as n^1.2 while every
        // person sharing a name word was compared with all earlier ones)
        ("capitalised_words_400k", single(common::capitalised_words(400_000 / k))),
        (
            "digits_with_commas_100k",
            single(common::digits_with_commas(100_000 / k)),
        ),
        ("comma_number_list_100k", single(common::comma_number_list(100_000 / k))),
        ("said_10k", single(common::said(10_000 / k))),
        ("alternating_quotes_1mb", single(common::alternating_quotes(mb))),
        ("article_10mb", single(common::long_article(10 * mb, corpus.as_deref()))),
    ];

    let parser = Parser::new();
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, texts) in &inputs {
        g.throughput(Throughput::Bytes(common::bytes(texts)));
        g.bench_function(*name, |b| {
            b.iter(|| {
                for t in texts {
                    black_box(parser.parse(black_box(t)).unwrap());
                }
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_hostile
}
criterion_main!(benches);
