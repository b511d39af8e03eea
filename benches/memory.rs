//! Peak memory per document: for real news and for hostile text of several sizes, the most bytes the
//! parse holds at once (requested from the allocator, `Article` included), as a multiple of the input's
//! size. `tests/memory.rs` asserts the bound; this prints the table (`docs/perf.md` keeps it). The
//! thread parses the seed article first (`common::peak::warm_up`), so that the caches a thread makes once
//! and reuses for every document (the tagger's form cache, 8 MB) are not counted as the first input's.
//!
//! Run: `cargo bench --bench memory` (sizes in MiB with `NEWSPARSE_MEMORY_SIZES=1,4`; only the inputs
//! whose name contains one of `NEWSPARSE_MEMORY_INPUTS=news,said`, e.g. to run one under a heap
//! profiler such as `valgrind --tool=massif`). Not with the
//! `python` and `mimalloc` features together: the library is then the Python extension and sets the
//! allocator itself, so this program cannot count.

mod common;

use common::peak::{PeakAlloc, peak_during, warm_up};

#[cfg(not(all(feature = "python", feature = "mimalloc")))]
#[global_allocator]
static GLOBAL: PeakAlloc = PeakAlloc;

#[cfg(all(feature = "python", feature = "mimalloc"))]
fn main() {
    let _ = (PeakAlloc, peak_during(|| ()), warm_up);
    eprintln!("the memory benchmark counts allocations: build it without the `python` feature");
}

#[cfg(not(all(feature = "python", feature = "mimalloc")))]
fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("memory: bench");
        return;
    }
    let sizes: Vec<usize> = std::env::var("NEWSPARSE_MEMORY_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 4]);
    let only: Vec<String> = std::env::var("NEWSPARSE_MEMORY_INPUTS")
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
        .unwrap_or_default();
    let corpus = common::corpus();
    let parser = newsparse::Parser::builder().max_input_bytes(usize::MAX).build();
    // the per-thread caches are made once, not per document: counted apart
    let first = warm_up(&parser);
    println!(
        "first parse on a thread (the seed article, {} KiB): {:.1} MiB, most of it the tagger's form cache",
        common::SEED.len() >> 10,
        first as f64 / (1 << 20) as f64
    );
    println!("{:<28} {:>10} {:>12} {:>8}", "input", "MiB", "peak MiB", "× size");
    for &mib in &sizes {
        let bytes = mib << 20;
        let inputs: Vec<(&str, String)> = vec![
            ("news (bench corpus)", common::long_article(bytes, corpus.as_deref())),
            ("'\"\\n' repeated", "\"\n".repeat(bytes / 2)),
            ("quotation marks", common::quotation_marks(bytes)),
            ("alternating quotes", common::alternating_quotes(bytes)),
            ("unpunctuated sentence", common::unpunctuated_sentence(bytes)),
            ("capitalised words", common::capitalised_words(bytes / 8)),
            ("said said said", common::said(bytes / 5)),
            ("comma number list", common::comma_number_list(bytes / 6)),
        ];
        for (name, text) in inputs {
            if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
                continue;
            }
            let (article, peak) = peak_during(|| parser.parse(&text).unwrap());
            drop(article);
            println!(
                "{name:<28} {:>10.2} {:>12.1} {:>8.1}",
                text.len() as f64 / (1 << 20) as f64,
                peak as f64 / (1 << 20) as f64,
                peak as f64 / text.len() as f64
            );
        }
    }
}
