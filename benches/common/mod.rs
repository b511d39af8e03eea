//! Inputs shared by the benchmarks and the hostile-input tests (`tests/hostile.rs` includes this file):
//! the seed article, the bench corpus, and generators of hostile text scaled to any size.
//!
//! Every generator is deterministic (a fixed xorshift seed), so a benchmark and a test see the same kind
//! of text at different sizes.
#![allow(dead_code)]

pub mod cpu;
pub mod peak;

use std::path::PathBuf;

/// The seed article shipped in `examples/`.
pub const SEED: &str = include_str!("../../examples/seed_article.txt");

/// Where the bench corpus lives: `$NEWSPARSE_BENCH_CORPUS`, else `../shared/data/bench/voa_news.jsonl`.
pub fn corpus_path() -> PathBuf {
    match std::env::var_os("NEWSPARSE_BENCH_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bench/voa_news.jsonl"),
    }
}

/// The texts of the bench corpus (JSON Lines, one `{"id","text"}` a line), or `None` when the file is
/// absent or unreadable (the caller skips those benchmarks).
pub fn corpus() -> Option<Vec<String>> {
    let path = corpus_path();
    let raw = std::fs::read_to_string(&path).ok()?;
    let texts: Vec<String> = raw
        .lines()
        .enumerate()
        .filter_map(|(i, l)| newsparse::Document::from_json_line(l, i + 1).1.ok())
        .map(|d| d.text)
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// Whether the binary runs as `cargo bench` (criterion gets `--bench`) rather than as a smoke test under
/// `cargo test --all-targets`, where the inputs are shrunk so the debug build finishes quickly.
pub fn full_size() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Total bytes of a set of texts.
pub fn bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

/// A small deterministic pseudo-random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    /// The next number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Capitalised words typical of news: names, titles, places, organisations, sentence openers.
pub const CAPITALISED: &[&str] = &[
    "President",
    "Minister",
    "Foreign",
    "Prime",
    "Sheikh",
    "Mohammed",
    "Al",
    "Thani",
    "Iran",
    "Qatar",
    "Hamas",
    "Israel",
    "United",
    "Nations",
    "Security",
    "Council",
    "General",
    "Secretary",
    "John",
    "Smith",
    "New",
    "York",
    "Times",
    "Reuters",
    "Associated",
    "Press",
    "Gaza",
    "The",
    "Mr",
    "Dr",
    "Ministry",
    "Defense",
    "Pezeshkian",
    "Washington",
    "Beijing",
    "European",
    "Union",
    "Bank",
    "World",
    "Health",
    "Organization",
    "Democratic",
    "Party",
    "Senator",
    "Governor",
    "Lebanon",
    "Hezbollah",
    "Army",
    "He",
    "She",
    "They",
    "Officials",
    "Police",
    "Monday",
    "July",
    "Paris",
    "Britain",
    "Chinese",
    "Russian",
];

/// `n` capitalised words separated by spaces, with no punctuation at all.
pub fn capitalised_words(n: usize) -> String {
    let mut rng = Rng::new(7);
    let mut s = String::with_capacity(n * 8);
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(CAPITALISED));
    }
    s
}

/// `bytes` bytes of quotation marks: straight double, curly double and single, guillemets, mixed with
/// nothing else (`"“”‘’«»'` in a pseudo-random order).
pub fn quotation_marks(bytes: usize) -> String {
    const Q: &[&str] = &["\"", "“", "”", "‘", "’", "«", "»", "'", "\"", "\""];
    let mut rng = Rng::new(11);
    let mut s = String::with_capacity(bytes + 4);
    while s.len() < bytes {
        s.push_str(rng.pick(Q));
    }
    s
}

/// One sentence of `bytes` bytes with no punctuation and no line break: the words of the seed article,
/// punctuation removed, repeated. Contains cues ("said"), names and numbers, but never ends.
pub fn unpunctuated_sentence(bytes: usize) -> String {
    let words: Vec<String> = SEED
        .split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    let mut s = String::with_capacity(bytes + 32);
    let mut i = 0;
    while s.len() < bytes {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&words[i % words.len()]);
        i += 1;
    }
    s
}

/// One number of `digits` digits with thousands separators ("123,456,789,…"), in a sentence.
pub fn digits_with_commas(digits: usize) -> String {
    let mut s = String::with_capacity(digits * 4 / 3 + 64);
    s.push_str("Officials said ");
    for i in 0..digits {
        if i > 0 && (digits - i) % 3 == 0 {
            s.push(',');
        }
        s.push(char::from(b'0' + ((i * 7 + 3) % 10) as u8));
    }
    s.push_str(" people were displaced, up 12% from last year.");
    s
}

/// Many short numbers with commas between them ("12, 3,456, 7,890, …"): `n` numbers.
pub fn comma_number_list(n: usize) -> String {
    let mut rng = Rng::new(13);
    let mut s = String::with_capacity(n * 7);
    for i in 0..n {
        if i > 0 {
            s.push_str(", ");
        }
        let v = rng.below(10_000_000);
        let d = v.to_string();
        for (k, c) in d.chars().enumerate() {
            if k > 0 && (d.len() - k) % 3 == 0 {
                s.push(',');
            }
            s.push(c);
        }
    }
    s
}

/// The word "said" `n` times, separated by spaces.
pub fn said(n: usize) -> String {
    let mut s = String::with_capacity(n * 5);
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str("said");
    }
    s
}

/// About `bytes` bytes of quotations nested inside each other in alternating styles
/// (“ ‘ " ' « …), then all closed in reverse order, each level with a cue and a speaker:
/// `“He said ‘the minister said "officials said ‘…’ "’”`.
pub fn alternating_quotes(bytes: usize) -> String {
    const OPEN: &[&str] = &["“", "‘", "\"", "'", "«", "„"];
    const CLOSE: &[&str] = &["”", "’", "\"", "'", "»", "“"];
    const WHO: &[&str] = &[
        "the minister said",
        "he told reporters",
        "Mr Smith said",
        "officials said",
    ];
    let mut rng = Rng::new(17);
    let mut s = String::with_capacity(bytes + 64);
    let mut stack = Vec::new();
    while s.len() < bytes / 2 {
        let k = stack.len() % OPEN.len();
        s.push_str(OPEN[k]);
        s.push_str(rng.pick(WHO));
        s.push(' ');
        stack.push(k);
    }
    s.push_str("nothing");
    while let Some(k) = stack.pop() {
        s.push_str(CLOSE[k]);
        s.push_str(", ");
        s.push_str(rng.pick(WHO));
        s.push(' ');
    }
    s.push('.');
    s
}

/// One article of about `bytes` bytes made of ordinary news paragraphs: the texts in `source` (or the
/// seed article) glued together as paragraphs under one title.
pub fn long_article(bytes: usize, source: Option<&[String]>) -> String {
    let seed = [SEED.to_string()];
    let texts = source.filter(|t| !t.is_empty()).unwrap_or(&seed);
    let mut s = String::with_capacity(bytes + 8192);
    s.push_str("A very long article\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(texts[i % texts.len()].trim());
        s.push_str("\n\n");
        i += 1;
    }
    s
}
