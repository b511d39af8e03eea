//! Per-stage throughput (MB/s) on the bench corpus and the seed article, and the cold load time of the
//! lexicons.
//!
//! Stages are measured through the public API, except segmentation alone: `newsparse::unstable::Doc::new`
//! (the crate's unstable, `#[doc(hidden)]` internals, no semver guarantee); the
//! other stages are switched on one after another with `Parser::builder()`, so a stage's own cost is the
//! difference between two configurations (`docs/perf.md` does the arithmetic):
//!
//! | id | what runs |
//! |---|---|
//! | `segment` | `Doc::new` (paragraphs, sentences, tokens) |
//! | `no_stages` | `Doc::new` + building the `Article` (all stages off) |
//! | `actors` | + actors |
//! | `actors_statements` | + actors + statements |
//! | `actors_statistics` | + actors + statistics |
//! | `no_times` | everything but the times stage (so `full` − `no_times` is its cost) |
//! | `full` | everything (`Parser::new()`) |
//! | `tagger` | the part-of-speech tagger alone, on documents segmented beforehand |
//! | `names` | the name model alone (every token's name tag, as the token view gives it), likewise |
//! | `full_tokens` | everything, with the token view (`tokens(true)`: tags every token) |
//!
//! `lexicon/tagger_load_cold` does the same for the part-of-speech model (`data/models/upos.bin`).
//! `lexicon/preload_cold` runs `newsparse::unstable::preload()` in a fresh child process each time (the
//! lexicons load once per process) and times only that call.
//!
//! Times are the benchmark thread's CPU time (`common::cpu::ThreadCpu`): the cores are shared.
//!
//! Run: `cargo bench --bench stages`.

mod common;

/// mimalloc as the benchmark's allocator with `--features mimalloc`, as in the CLI and the Python extension.
// With `python` the library is the Python extension and already sets mimalloc (src/python/mod.rs).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::Measurement;

use common::cpu::ThreadCpu;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use newsparse::Parser;

const PRELOAD_CHILD: &str = "NEWSPARSE_BENCH_PRELOAD_CHILD";

fn configs() -> Vec<(&'static str, Parser)> {
    let b = || Parser::builder();
    vec![
        (
            "no_stages",
            b().actors(false)
                .statements(false)
                .statistics(false)
                .times(false)
                .build(),
        ),
        ("actors", b().statements(false).statistics(false).times(false).build()),
        ("actors_statements", b().statistics(false).times(false).build()),
        ("actors_statistics", b().statements(false).times(false).build()),
        ("no_times", b().times(false).build()),
        ("full", Parser::new()),
        ("full_tokens", b().tokens(true).build()),
    ]
}

fn bench_inputs(c: &mut Criterion<ThreadCpu>, name: &str, texts: &[String], big: bool) {
    let mut g = c.benchmark_group(format!("stages_{name}"));
    if big {
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(6));
    }
    g.throughput(Throughput::Bytes(common::bytes(texts)));
    g.bench_function("segment", |b| {
        b.iter(|| {
            for t in texts {
                black_box(newsparse::unstable::Doc::new(black_box(t)));
            }
        })
    });
    let docs: Vec<newsparse::unstable::Doc> = texts.iter().map(|t| newsparse::unstable::Doc::new(t)).collect();
    newsparse::unstable::preload_tagger();
    g.bench_function("tagger", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(newsparse::unstable::tag(black_box(d)));
            }
        })
    });
    g.bench_function("names", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(newsparse::unstable::tag_names(black_box(d)));
            }
        })
    });
    for (id, parser) in configs() {
        g.bench_with_input(BenchmarkId::from_parameter(id), &parser, |b, p| {
            b.iter(|| {
                for t in texts {
                    black_box(p.parse(black_box(t)).unwrap());
                }
            })
        });
    }
    g.finish();
}

fn bench_stages(c: &mut Criterion<ThreadCpu>) {
    bench_inputs(c, "seed", &[common::SEED.to_string()], false);
    match common::corpus() {
        Some(mut corpus) => {
            if !common::full_size() {
                corpus.truncate(20);
            }
            bench_inputs(c, "voa", &corpus, true);
        }
        None => eprintln!(
            "bench corpus {} not found: skipping the corpus benchmarks",
            common::corpus_path().display()
        ),
    }
}

fn bench_lexicon(c: &mut Criterion<ThreadCpu>) {
    let exe = std::env::current_exe().expect("bench executable path");
    let mut g = c.benchmark_group("lexicon");
    g.sample_size(20);
    for (id, child) in [("preload_cold", "1"), ("tagger_load_cold", "tagger")] {
        g.bench_function(id, |b| {
            b.iter_custom(|iters| {
                let mut total = 0.0;
                for _ in 0..iters {
                    let out = std::process::Command::new(&exe)
                        .env(PRELOAD_CHILD, child)
                        .output()
                        .expect("run the preload child");
                    let nanos: f64 = String::from_utf8_lossy(&out.stdout)
                        .trim()
                        .parse()
                        .expect("the child prints nanoseconds");
                    total += nanos;
                }
                total
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_stages, bench_lexicon
}

fn main() {
    if std::env::var_os(PRELOAD_CHILD).is_some() {
        // The child's own CPU time for the call (wall-clock time where CPU time is unavailable).
        let m = ThreadCpu;
        let tagger = std::env::var_os(PRELOAD_CHILD).is_some_and(|v| v == "tagger");
        if tagger {
            // the actor lexicon first: the model reads its word bits while loading
            newsparse::unstable::preload();
        }
        let t = m.start();
        if tagger {
            newsparse::unstable::preload_tagger();
        } else {
            newsparse::unstable::preload();
        }
        println!("{}", m.end(t));
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
