//! `newsparse`: parse news articles from files or JSON Lines and print JSON.
//!
//! ```text
//! newsparse [--pretty] FILE...        one JSON article per file (`-` reads stdin)
//! newsparse --jsonl [--pretty]        JSON Lines {"id","text","published"?} on stdin → one article per line
//! ```

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use newsparse::{Document, Error, Parser};
use serde_json::Value;

const USAGE: &str = "usage: newsparse [--pretty] FILE...   (`-` reads stdin)\n       newsparse --jsonl [--pretty] < articles.jsonl\n\nPrints one JSON article per input. In --jsonl mode each input line is {\"id\", \"text\", \"published\"?};\na bad line gives {\"id\", \"error\"} on its output line and processing goes on.\nExit status: 0 when every document parsed, 1 when any failed, 2 on a usage error.";

struct Options {
    pretty: bool,
    jsonl: bool,
    files: Vec<String>,
}

fn args() -> Result<Options, String> {
    let mut o = Options {
        pretty: false,
        jsonl: false,
        files: Vec::new(),
    };
    let mut only_files = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            _ if only_files => o.files.push(a),
            "--pretty" => o.pretty = true,
            "--jsonl" => o.jsonl = true,
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

fn write_json(out: &mut impl Write, value: &impl serde::Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")
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

fn run_jsonl(parser: &Parser, pretty: bool) -> io::Result<bool> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut ok = true;
    let mut buf = Vec::new();
    let mut lineno = 0;
    let mut progress = Progress::new();
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        lineno += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l.trim(),
            Err(e) => {
                let err = Error::InvalidUtf8 {
                    source_name: format!("<stdin> line {lineno}"),
                    offset: e.valid_up_to(),
                };
                fail(&mut out, &Value::Null, &err, lineno)?;
                ok = false;
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let (id, doc) = Document::from_json_line(line, lineno);
        match doc.and_then(|d| parser.parse_document(&d)) {
            Ok(article) if matches!(id, Value::Number(_) | Value::Bool(_)) => {
                // Echo a non-string id with its JSON type.
                let mut v = serde_json::to_value(&article).map_err(io::Error::other)?;
                v["id"] = id;
                write_json(&mut out, &v, pretty)?;
            }
            Ok(article) => write_json(&mut out, &article, pretty)?,
            Err(e) => {
                fail(&mut out, &id, &e, lineno)?;
                ok = false;
            }
        }
        progress.tick(buf.len());
    }
    progress.finish();
    out.flush()?;
    Ok(ok)
}

fn fail(out: &mut impl Write, id: &Value, e: &Error, lineno: usize) -> io::Result<()> {
    eprintln!("newsparse: line {lineno}: {e}");
    serde_json::to_writer(&mut *out, &serde_json::json!({"id": id, "error": e.to_string()}))?;
    out.write_all(b"\n")
}

fn run_files(parser: &Parser, files: &[String], pretty: bool) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
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
        let result =
            decode(bytes, &name).and_then(|text| parser.parse_document(&Document::new(text).with_id(name.clone())));
        match result {
            Ok(article) => write_json(&mut out, &article, pretty)?,
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
    let parser = Parser::new();
    let result = if opts.jsonl {
        run_jsonl(&parser, opts.pretty)
    } else {
        run_files(&parser, &opts.files, opts.pretty)
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
