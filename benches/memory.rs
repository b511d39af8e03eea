//! Peak memory per document: for real news and for hostile text of several sizes, the most bytes the
//! parse holds at once (requested from the allocator, `Article` included), as a multiple of the input's
//! size. `tests/memory.rs` asserts the bound; this prints the table (`docs/perf.md` keeps it).
//!
//! Run: `cargo bench --bench memory` (sizes in MiB with `NEWSPARSE_MEMORY_SIZES=1,4`). Not with the
//! `python` and `mimalloc` features together: the library is then the Python extension and sets the
//! allocator itself, so this program cannot count.

mod common;

use common::peak::{PeakAlloc, peak_during};

#[cfg(not(all(feature = "python", feature = "mimalloc")))]
#[global_allocator]
static GLOBAL: PeakAlloc = PeakAlloc;

#[cfg(all(feature = "python", feature = "mimalloc"))]
fn main() {
    let _ = (PeakAlloc, peak_during(|| ()));
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
    let corpus = common::corpus();
    let parser = newsparse::Parser::builder().max_input_bytes(usize::MAX).build();
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
