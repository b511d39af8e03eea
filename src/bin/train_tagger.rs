//! Trains the part-of-speech model from the shared treebanks (feature `train`; see `docs/tagger.md`):
//! `cargo run --release --features train --bin train_tagger -- ../shared/data/treebanks data/models
//! --unlabeled ../shared/data/bench/voa_news.jsonl`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match newsparse::tagger_train::run(&args) {
        Ok(log) => print!("{log}"),
        Err(e) => {
            eprintln!("train_tagger: {e}");
            std::process::exit(2);
        }
    }
}
