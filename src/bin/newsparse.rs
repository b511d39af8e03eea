//! `newsparse`: parse news articles from files or JSON Lines and print JSON.
//!
//! ```text
//! newsparse [--pretty] FILE...        one JSON article per file (`-` reads stdin)
//! newsparse --html [--pretty] FILE...  one JSON article per saved web page (feature `html`)
//! newsparse --jsonl [--pretty] [--merge-continuations] [--mixed-clause] [--cue-verb-group] [--polnear]   JSON Lines on stdin → one article per line
//! ```

/// mimalloc as this program's allocator with the `mimalloc` feature (the library never sets one).
// With `python` the library is the Python extension and already sets mimalloc (src/python/mod.rs).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use newsparse::{CueSpan, Document, Error, MixedContent, Parser};
use serde_json::Value;

const USAGE: &str = "usage: newsparse [--pretty] FILE...   (`-` reads stdin)\n       newsparse --html [--pretty] FILE...   (saved web pages; `-` reads stdin)\n       newsparse --jsonl [--pretty] [--threads N] [--merge-continuations] [--mixed-clause] [--cue-verb-group] [--polnear] < articles.jsonl\n\nPrints one JSON article per input. In --jsonl mode each input line is {\"id\", \"text\", \"published\"?}\nor, for a web page, {\"id\", \"html\", \"url\"?, \"published\"?};\na bad line gives {\"id\", \"error\"} on its output line and processing goes on.\n--threads N (-j N): parse N documents at once (default: every core; output keeps input order).\n--merge-continuations: a continuation quote (\"A,\" X said. \"B.\") joins the statement before it\n    (content A | B) instead of being a cue-less statement of its own (the PolNeAR convention).\n--mixed-clause: a mixed quote's content is the whole reported clause, not only its quoted fragments\n    (the PolNeAR convention).\n--cue-verb-group: a cue span covers its verb group (\"has also said\", \"said in a statement\",\n    \"said:\") instead of the cue word alone (the PolNeAR convention).\n--polnear: all three PolNeAR conventions above.\n--html: the FILEs are web pages (bytes in any encoding: BOM, <meta charset>, else UTF-8 with invalid\n    bytes replaced, which is reported on stderr); the article's body, title, authors and date are extracted.\nExit status: 0 when every document parsed, 1 when any failed, 2 on a usage error.";

struct Options {
    pretty: bool,
    jsonl: bool,
    html: bool,
    files: Vec<String>,
    threads: usize,
    merge_continuations: bool,
    mixed_clause: bool,
    cue_verb_group: bool,
}

fn args() -> Result<Options, String> {
    let mut o = Options {
        pretty: false,
        jsonl: false,
        html: false,
        files: Vec::new(),
        threads: 0,
        merge_continuations: false,
        mixed_clause: false,
        cue_verb_group: false,
    };
    let mut only_files = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" | "--threads" if !only_files => {
                let v = args.next().ok_or("--threads needs a number")?;
                o.threads = v.parse().map_err(|_| format!("--threads needs a number, got {v:?}"))?;
            }
            _ if only_files => o.files.push(a),
            "--pretty" => o.pretty = true,
            "--jsonl" => o.jsonl = true,
            "--html" => o.html = true,
            "--merge-continuations" => o.merge_continuations = true,
            "--mixed-clause" => o.mixed_clause = true,
            "--cue-verb-group" => o.cue_verb_group = true,
            "--polnear" => {
                o.merge_continuations = true;
                o.mixed_clause = true;
                o.cue_verb_group = true;
            }
            "--" => only_files = true,
            "-h" | "--help" => return Err(String::new()),
            "-V" | "--version" => {
                println!("newsparse {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => o.files.push(a),
        }
    }
    if o.jsonl && !o.files.is_empty() {
        return Err("--jsonl reads stdin; give no files".into());
    }
    if o.jsonl && o.html {
        return Err("--jsonl lines say themselves whether they hold text or html; drop --html".into());
    }
    if !o.jsonl && o.files.is_empty() {
        return Err("give at least one FILE (or - for stdin), or --jsonl".into());
    }
    Ok(o)
}

fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        source_name: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Progress on stderr (documents, MB, documents per second), shown only when stderr is a terminal.
struct Progress {
    on: bool,
    docs: usize,
    bytes: usize,
    start: std::time::Instant,
    last: std::time::Instant,
}

impl Progress {
    fn new() -> Self {
        let now = std::time::Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            docs: 0,
            bytes: 0,
            start: now,
            last: now,
        }
    }
    fn tick(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes;
        if self.on && self.last.elapsed().as_millis() >= 250 {
            self.last = std::time::Instant::now();
            self.show();
        }
    }
    fn show(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\rnewsparse: {} documents, {:.1} MB, {:.0} documents/s ",
            self.docs,
            self.bytes as f64 / 1e6,
            self.docs as f64 / secs
        );
    }
    fn finish(&self) {
        if self.on {
            self.show();
            eprintln!();
        }
    }
}

/// What one JSON Lines record turned into: an output line, and an error message for stderr when it failed.
struct Outcome {
    json: String,
    error: Option<String>,
}

/// Reads, parses and serialises one input line (`None` for a blank line).
fn process_line(parser: &Parser, lineno: usize, bytes: &[u8], pretty: bool) -> Option<Outcome> {
    let failed = |id: &Value, e: &Error| Outcome {
        json: serde_json::json!({"id": id, "error": e.to_string()}).to_string(),
        error: Some(format!("line {lineno}: {e}")),
    };
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l.trim(),
        Err(e) => {
            let err = Error::InvalidUtf8 {
                source_name: format!("<stdin> line {lineno}"),
                offset: e.valid_up_to(),
            };
            return Some(failed(&Value::Null, &err));
        }
    };
    if line.is_empty() {
        return None;
    }
    let (id, doc) = Document::from_json_line(line, lineno);
    let article = match doc.and_then(|d| parser.parse_document(&d)) {
        Ok(a) => a,
        Err(e) => return Some(failed(&id, &e)),
    };
    if matches!(id, Value::Number(_) | Value::Bool(_)) {
        // Echo a non-string id with its JSON type.
        if let Ok(mut v) = serde_json::to_value(&article) {
            v["id"] = id;
            return Some(Outcome {
                json: to_json(&v, pretty),
                error: None,
            });
        }
    }
    Some(Outcome {
        json: article_json(&article, pretty),
        error: None,
    })
}

/// The article's JSON: one line from the fast writer, or indented.
fn article_json(article: &newsparse::Article, pretty: bool) -> String {
    if pretty {
        article.to_json_pretty()
    } else {
        article.to_json()
    }
}

fn to_json(value: &impl serde::Serialize, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    r.unwrap_or_else(|e| serde_json::json!({"error": e.to_string()}).to_string())
}

/// Standard output, block-buffered. Rust's `Stdout` is line-buffered and scans every write for a newline,
/// which cost a twentieth of a `--jsonl` run; writing to a duplicate of its file descriptor avoids that.
fn output() -> BufWriter<Box<dyn Write>> {
    let raw: Box<dyn Write> = match duplicate_stdout() {
        Some(file) => Box::new(file),
        None => Box::new(io::stdout()),
    };
    BufWriter::with_capacity(1 << 16, raw)
}

#[cfg(unix)]
fn duplicate_stdout() -> Option<std::fs::File> {
    use std::os::fd::AsFd;
    io::stdout().as_fd().try_clone_to_owned().ok().map(std::fs::File::from)
}

#[cfg(windows)]
fn duplicate_stdout() -> Option<std::fs::File> {
    use std::os::windows::io::AsHandle;
    io::stdout()
        .as_handle()
        .try_clone_to_owned()
        .ok()
        .map(std::fs::File::from)
}

#[cfg(not(any(unix, windows)))]
fn duplicate_stdout() -> Option<std::fs::File> {
    None
}

/// Streams JSON Lines from stdin to stdout, `BATCH` lines at a time parsed in parallel on `threads` threads;
/// output keeps input order and memory stays bounded by the batch.
fn run_jsonl(parser: &Parser, pretty: bool, threads: usize) -> io::Result<bool> {
    const BATCH: usize = 256;
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = output();
    let mut ok = true;
    let mut lineno = 0;
    let mut progress = Progress::new();
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        while batch.len() < BATCH {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            lineno += 1;
            batch.push((lineno, buf));
        }
        if batch.is_empty() {
            break;
        }
        let outcomes =
            newsparse::unstable::map_in_order(&batch, threads, |(n, bytes)| process_line(parser, *n, bytes, pretty));
        for ((_, bytes), outcome) in batch.iter().zip(outcomes) {
            let Some(outcome) = outcome else { continue };
            if let Some(msg) = outcome.error {
                eprintln!("newsparse: {msg}");
                ok = false;
            }
            out.write_all(outcome.json.as_bytes())?;
            out.write_all(b"\n")?;
            progress.tick(bytes.len());
        }
    }
    progress.finish();
    out.flush()?;
    Ok(ok)
}

/// Decodes a saved web page's bytes (reporting replaced bytes on stderr) and parses it.
#[cfg(feature = "html")]
fn parse_page(parser: &Parser, bytes: &[u8], name: &str) -> Result<newsparse::Article, Error> {
    let decoded = newsparse::decode_html(bytes, None);
    if decoded.replaced {
        eprintln!(
            "newsparse: {name}: bytes that are not valid {} ({}) were replaced by U+FFFD",
            decoded.encoding,
            if decoded.declared_by == "default" {
                "no encoding declared, read as UTF-8"
            } else {
                "the declared encoding"
            }
        );
    }
    parser.parse_document(&Document::from_html(decoded.text, None).with_id(name))
}

#[cfg(not(feature = "html"))]
fn parse_page(parser: &Parser, bytes: &[u8], name: &str) -> Result<newsparse::Article, Error> {
    let _ = (parser, bytes, name);
    Err(Error::FeatureDisabled {
        feature: "html".to_string(),
    })
}

fn run_files(parser: &Parser, files: &[String], pretty: bool, html: bool) -> io::Result<bool> {
    let mut out = output();
    let mut ok = true;
    for f in files {
        let (name, bytes) = if f == "-" {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b)?;
            ("<stdin>".to_string(), b)
        } else {
            match std::fs::read(f) {
                Ok(b) => (f.clone(), b),
                Err(e) => {
                    eprintln!("newsparse: {f}: {e}");
                    ok = false;
                    continue;
                }
            }
        };
        let result = if html {
            parse_page(parser, &bytes, &name)
        } else {
            decode(bytes, &name).and_then(|text| parser.parse_document(&Document::new(text).with_id(name.clone())))
        };
        match result {
            Ok(article) => {
                out.write_all(article_json(&article, pretty).as_bytes())?;
                out.write_all(b"\n")?;
            }
            Err(e) => {
                eprintln!("newsparse: {name}: {e}");
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

fn main() -> ExitCode {
    let opts = match args() {
        Ok(o) => o,
        Err(msg) => {
            if msg.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("newsparse: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mixed = if opts.mixed_clause {
        MixedContent::Clause
    } else {
        MixedContent::Fragments
    };
    let parser = Parser::builder()
        .merge_continuations(opts.merge_continuations)
        .mixed_content(mixed)
        .cue_span(if opts.cue_verb_group {
            CueSpan::VerbGroup
        } else {
            CueSpan::Word
        })
        .build();
    let result = if opts.jsonl {
        run_jsonl(&parser, opts.pretty, opts.threads)
    } else {
        run_files(&parser, &opts.files, opts.pretty, opts.html)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsparse: {e}");
            ExitCode::from(1)
        }
    }
}
