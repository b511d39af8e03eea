//! Fuzzes the CLI's JSON Lines path: every line goes through `Document::from_json_line` and, when it is
//! a valid record, `Parser::parse_document` and `Article::to_json`, as `newsparse --jsonl` does.
//!
//! Run (stable toolchain): `RUSTC_BOOTSTRAP=1 cargo fuzz run jsonl fuzz/corpus/jsonl fuzz/seeds/jsonl -- -jobs=1`
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newsparse::{Document, Parser};

static PARSER: LazyLock<Parser> = LazyLock::new(Parser::new);

fuzz_target!(|data: &[u8]| {
    // The CLI reads bytes; a line that is not UTF-8 is an error before the JSON reader sees it.
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for (i, line) in input.lines().enumerate() {
        let (id, doc) = Document::from_json_line(line, i + 1);
        let _ = id.to_string();
        match doc {
            Ok(doc) => match PARSER.parse_document(&doc) {
                Ok(article) => {
                    let json = article.to_json();
                    assert!(json.starts_with('{'));
                    assert_eq!(article.id(), doc.id.as_deref());
                }
                Err(e) => {
                    let _ = e.to_string();
                }
            },
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
