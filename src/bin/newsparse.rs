//! `newsparse`: parse news articles from files or JSON Lines and print JSON.
//!
//! ```text
//! newsparse [--pretty] FILE...        one JSON article per file (`-` reads stdin)
//! newsparse --jsonl [--max-bytes N] [--merge-continuations] [--mixed-fragments] [--cue-verb-group] [--speech-cues-only] [--keep-trailing-clauses] [--noun-phrase-contents] [--polnear] [--tokens]   JSON Lines on stdin → one article per line
//! newsparse --html [--max-bytes N] FILE...   one JSON article per saved web page (feature `html`)
//! ```

/// mimalloc as this program's allocator with the `mimalloc` feature (the library never sets one).
// With `python` the library is the Python extension and already sets mimalloc (src/python/mod.rs).
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc, calling its plain `mi_malloc` when the alignment asked for is one every mimalloc block has
/// (16 bytes, and no more than the size), as most of the parse's allocations ask; the `mimalloc` crate's
/// `MiMalloc` sends every request through `mi_malloc_aligned`, which costs 1 % of the CLI's instructions.
#[cfg(all(feature = "mimalloc", not(feature = "python")))]
struct Mimalloc;

#[cfg(all(feature = "mimalloc", not(feature = "python")))]
impl Mimalloc {
    /// A new block from `plain` when every mimalloc block suits the layout's alignment, else from `aligned`.
    ///
    /// # Safety
    /// As [`std::alloc::GlobalAlloc::alloc`].
    #[inline(always)]
    unsafe fn new_block(
        layout: std::alloc::Layout,
        plain: unsafe extern "C" fn(usize) -> *mut std::ffi::c_void,
        aligned: unsafe extern "C" fn(usize, usize) -> *mut std::ffi::c_void,
    ) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        unsafe {
            if Self::plain(align, size) {
                plain(size)
            } else {
                aligned(size, align)
            }
            .cast()
        }
    }

    #[inline(always)]
    fn plain(align: usize, size: usize) -> bool {
        align <= 16 && align <= size
    }
}

#[cfg(all(feature = "mimalloc", not(feature = "python")))]
// SAFETY: every block comes from mimalloc with at least the layout's alignment (mimalloc's plain
// allocations are 16-byte aligned from 16 bytes up, and `plain` asks for no more) and goes back to it.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe { Self::new_block(layout, libmimalloc_sys::mi_malloc, libmimalloc_sys::mi_malloc_aligned) }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe { Self::new_block(layout, libmimalloc_sys::mi_zalloc, libmimalloc_sys::mi_zalloc_aligned) }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys::{mi_realloc, mi_realloc_aligned};
        let align = layout.align();
        unsafe {
            if Self::plain(align, new_size) {
                mi_realloc(ptr.cast(), new_size)
            } else {
                mi_realloc_aligned(ptr.cast(), new_size, align)
            }
            .cast()
        }
    }
}

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use newsparse::{CueSpan, Document, Error, MixedContent, Parser};
use serde_json::Value;

const USAGE: &str = "usage: newsparse [--pretty] [--max-bytes N] FILE...   (`-` reads stdin)
       newsparse --html [--pretty] [--max-bytes N] FILE...   (saved web pages; `-` reads stdin)
       newsparse --jsonl [--threads N] [--max-bytes N] [--merge-continuations] [--mixed-fragments] [--cue-verb-group] [--speech-cues-only] [--keep-trailing-clauses] [--noun-phrase-contents] [--polnear] [--tokens] < articles.jsonl

Prints one JSON article per input. In --jsonl mode each input line is {\"id\", \"text\", \"published\"?}
or, for a web page, {\"id\", \"html\", \"url\"?, \"published\"?} (a UTF-8 BOM before the first is skipped);
a bad line gives {\"id\", \"error\", \"line\"} on its output line
and processing goes on. Output is written batch by batch as soon as each is parsed: nothing finished
waits for more input (`tail -f feed.jsonl | newsparse --jsonl` works).
--pretty: indented JSON (FILE mode only: indented JSON is not JSON Lines).
--max-bytes N: refuse a text longer than N bytes (default 2 MiB = 2097152; no news article comes near)
    without reading more than N bytes of it; a --jsonl line may be up to 2N bytes (JSON escapes).
--html: the FILEs are web pages (bytes in any encoding: BOM, <meta charset>, else UTF-8 with invalid
    bytes replaced, which is reported on stderr); the article's body, title, authors and date are extracted.
--threads N (-j N): parse N documents at once (default: every core; output keeps input order).
--merge-continuations: a continuation quote (\"A,\" X said. \"B.\") joins the statement before it
    (content A | B) instead of being a cue-less statement of its own (the PolNeAR convention).
--mixed-fragments: a mixed quote's content is only its quoted fragments (by default it is the whole
    reported clause, as PolNeAR and the Gender Gap Tracker annotate; --mixed-clause asks for that).
--cue-verb-group: a cue span covers its verb group (\"has also said\", \"said in a statement\",
    \"said:\") instead of the cue word alone (the PolNeAR convention).
--speech-cues-only: only cues of speech make statements, not those of belief, intention or attitude
    (\"believes\", \"called for\", \"expressed hope\"), as PolNeAR's speech-cue statements.
--keep-trailing-clauses: a trailing \", which …\" or \", including …\" clause stays in an indirect
    statement's content (by default it is the writer's).
--noun-phrase-contents: a plain noun phrase after a cue of announcing or noting is what was said
    (\"announced his resignation\"; by default such a cue needs a clause).
--polnear: --merge-continuations, --cue-verb-group, --speech-cues-only, --keep-trailing-clauses,
    --noun-phrase-contents and the clause content of mixed quotes.
--tokens: add \"tokens\": [{start, end, text, pos, tag}] (part-of-speech tags; code-point offsets).
Exit status: 0 when every document parsed, 1 when any failed, 2 on a usage error.";

struct Options {
    pretty: bool,
    jsonl: bool,
    html: bool,
    files: Vec<String>,
    threads: usize,
    max_bytes: usize,
    merge_continuations: bool,
    speech_cues_only: bool,
    keep_trailing_clauses: bool,
    noun_phrase_contents: bool,
    mixed_fragments: bool,
    cue_verb_group: bool,
    tokens: bool,
}

fn args() -> Result<Options, String> {
    let mut o = Options {
        pretty: false,
        jsonl: false,
        html: false,
        files: Vec::new(),
        threads: 0,
        max_bytes: newsparse::DEFAULT_MAX_INPUT_BYTES,
        merge_continuations: false,
        speech_cues_only: false,
        keep_trailing_clauses: false,
        noun_phrase_contents: false,
        mixed_fragments: false,
        cue_verb_group: false,
        tokens: false,
    };
    let mut only_files = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" | "--threads" if !only_files => {
                let v = args.next().ok_or("--threads needs a number")?;
                o.threads = v.parse().map_err(|_| format!("--threads needs a number, got {v:?}"))?;
            }
            "--max-bytes" if !only_files => {
                let v = args.next().ok_or("--max-bytes needs a number")?;
                o.max_bytes = v
                    .parse()
                    .map_err(|_| format!("--max-bytes needs a number, got {v:?}"))?;
            }
            _ if only_files => o.files.push(a),
            "--pretty" => o.pretty = true,
            "--jsonl" => o.jsonl = true,
            "--html" => o.html = true,
            "--merge-continuations" => o.merge_continuations = true,
            "--mixed-clause" => o.mixed_fragments = false,
            "--mixed-fragments" => o.mixed_fragments = true,
            "--cue-verb-group" => o.cue_verb_group = true,
            "--speech-cues-only" => o.speech_cues_only = true,
            "--keep-trailing-clauses" => o.keep_trailing_clauses = true,
            "--noun-phrase-contents" => o.noun_phrase_contents = true,
            "--tokens" => o.tokens = true,
            "--polnear" => {
                o.merge_continuations = true;
                o.mixed_fragments = false;
                o.cue_verb_group = true;
                o.speech_cues_only = true;
                o.keep_trailing_clauses = true;
                o.noun_phrase_contents = true;
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
    if o.jsonl && o.pretty {
        return Err(
            "--pretty writes indented JSON over several lines, which is not JSON Lines: use it with FILE arguments"
                .into(),
        );
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
    /// The article's JSON (or the error object) and its line's `\n`.
    json: Vec<u8>,
    error: Option<String>,
}

/// One input line as read: its bytes, or only its length when it was longer than the cap (its bytes were
/// skipped, never held).
enum Line {
    Bytes(Vec<u8>),
    TooLong(usize),
}

/// The error without the line number it carries: the CLI reports the line once, as `"line"` in the
/// error object and as the `line N:` prefix on stderr.
fn without_line(e: Error) -> Error {
    match e {
        Error::InvalidJson { message, .. } => Error::InvalidJson { line: None, message },
        Error::MissingField { field, .. } => Error::MissingField { line: None, field },
        e => e,
    }
}

/// The error object written in place of an article: `{"id", "error", "line"}`.
fn failed(id: &Value, lineno: usize, e: Error) -> Outcome {
    let e = without_line(e);
    let mut json = serde_json::json!({"id": id, "error": e.to_string(), "line": lineno})
        .to_string()
        .into_bytes();
    json.push(b'\n');
    Outcome {
        json,
        error: Some(format!("line {lineno}: {e}")),
    }
}

/// Reads, parses and serialises one input line (`None` for a blank line).
fn process_line(parser: &Parser, lineno: usize, line: &Line, line_cap: usize) -> Option<Outcome> {
    let bytes = match line {
        Line::Bytes(b) => b,
        Line::TooLong(size) => {
            let e = Error::InputTooLarge {
                size: *size,
                limit: line_cap,
            };
            return Some(failed(&Value::Null, lineno, e));
        }
    };
    let bytes = if lineno == 1 {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    };
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l.trim(),
        Err(e) => {
            let err = Error::InvalidUtf8 {
                source_name: "<stdin>".to_string(),
                offset: e.valid_up_to(),
            };
            return Some(failed(&Value::Null, lineno, err));
        }
    };
    if line.is_empty() {
        return None;
    }
    let (id, doc) = Document::from_json_line(line, lineno);
    // A number or boolean id is echoed with its JSON type by the article itself (`Article::id_is_literal`).
    match doc.and_then(|d| parser.parse_document(&d)) {
        Ok(article) => {
            // Written straight into bytes: no UTF-8 check of the output (the writer appends only `str`s,
            // ASCII punctuation and digits), and the line's `\n` goes in while there is room for it.
            let mut json = Vec::with_capacity(article.text().len() * 6 + 1024);
            article.write_json(&mut json);
            json.push(b'\n');
            Some(Outcome { json, error: None })
        }
        Err(e) => Some(failed(&id, lineno, e)),
    }
}

/// Reads one line (through its `\n`), holding at most `cap` bytes of it besides the `\n`: a longer line is
/// read to its end without being kept and comes back as [`Line::TooLong`] with its length. `None` at the
/// end of the input.
fn read_line(input: &mut impl BufRead, cap: usize) -> io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let n = input.by_ref().take(cap as u64 + 1).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.ends_with(b"\n") || buf.len() <= cap {
        return Ok(Some(Line::Bytes(buf)));
    }
    let mut total = buf.len();
    drop(buf);
    let mut scratch = Vec::with_capacity(1 << 16);
    loop {
        scratch.clear();
        let n = input.by_ref().take(1 << 16).read_until(b'\n', &mut scratch)?;
        total += n;
        if n == 0 || scratch.ends_with(b"\n") {
            return Ok(Some(Line::TooLong(total)));
        }
    }
}

/// The article's JSON: one line from the fast writer, or indented.
fn article_json(article: &newsparse::Article, pretty: bool) -> String {
    if pretty {
        article.to_json_pretty()
    } else {
        article.to_json()
    }
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

/// Streams JSON Lines from stdin to stdout in batches parsed in parallel on `threads` threads; output keeps
/// input order.
///
/// Memory stays bounded: a line holds at most `2 × max_bytes` bytes (longer ones are skipped and
/// reported), and a batch ends at `BATCH` lines or `BATCH_BYTES` bytes. A batch also ends when the input
/// buffer is empty, so it is parsed, written and flushed before the program reads again, which could
/// block: nothing finished is held while the input is idle (`tail -f`). (A line whose first bytes are
/// in the buffer is read to its end first: the rest of a line being written is on its way.)
fn run_jsonl(parser: &Parser, threads: usize) -> io::Result<bool> {
    const BATCH: usize = 256;
    const BATCH_BYTES: usize = 8 << 20;
    let line_cap = parser.max_input_bytes().saturating_mul(2);
    let mut input = io::BufReader::with_capacity(1 << 20, io::stdin().lock());
    let mut out = output();
    let mut ok = true;
    let mut lineno = 0;
    let mut progress = Progress::new();
    let mut batch: Vec<(usize, Line)> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < BATCH && bytes < BATCH_BYTES {
            if !batch.is_empty() && input.buffer().is_empty() {
                break; // the next read could block: finish this batch first
            }
            let Some(line) = read_line(&mut input, line_cap)? else {
                break;
            };
            lineno += 1;
            bytes += match &line {
                Line::Bytes(b) => b.len(),
                Line::TooLong(_) => 0,
            };
            batch.push((lineno, line));
        }
        if batch.is_empty() {
            break;
        }
        let outcomes =
            newsparse::unstable::map_in_order(&batch, threads, |(n, line)| process_line(parser, *n, line, line_cap));
        let mut lines = Vec::with_capacity(outcomes.len());
        for ((_, line), outcome) in batch.iter().zip(outcomes) {
            let Some(outcome) = outcome else { continue };
            if let Some(msg) = outcome.error {
                eprintln!("newsparse: {msg}");
                ok = false;
            }
            lines.push(outcome.json);
            progress.tick(match line {
                Line::Bytes(b) => b.len(),
                Line::TooLong(n) => *n,
            });
        }
        write_all_vectored(&mut out, &lines)?;
        out.flush()?;
    }
    progress.finish();
    out.flush()?;
    Ok(ok)
}

/// Writes `parts` in order with vectored writes: a batch's articles go to the output without being copied
/// into its buffer first (they are larger than it), which cost a fiftieth of a `--jsonl` run.
fn write_all_vectored(out: &mut impl Write, parts: &[Vec<u8>]) -> io::Result<()> {
    // at most 1024 slices per call (IOV_MAX on Linux)
    for chunk in parts.chunks(1024) {
        let mut slices: Vec<io::IoSlice<'_>> = chunk.iter().map(|p| io::IoSlice::new(p)).collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match out.write_vectored(rest) {
                Ok(0) => return Err(io::Error::new(io::ErrorKind::WriteZero, "failed to write the output")),
                Ok(n) => io::IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
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

/// Reads a whole input of at most `limit` bytes: a regular file's size is checked before reading, and
/// any input (stdin, a pipe, a file that grew) is read through the limit, so a larger one is refused
/// after `limit + 1` bytes ([`Error::InputTooLarge`], `size` being what was read when the total is not
/// known).
fn read_limited(path: &str, limit: usize) -> io::Result<Result<Vec<u8>, Error>> {
    let too_large = |size: usize| Err(Error::InputTooLarge { size, limit });
    let mut reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_file() && meta.len() > limit as u64 {
            return Ok(too_large(usize::try_from(meta.len()).unwrap_or(usize::MAX)));
        }
        Box::new(file)
    };
    let mut bytes = Vec::new();
    (&mut reader).take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Ok(too_large(bytes.len()));
    }
    Ok(Ok(bytes))
}

fn run_files(parser: &Parser, files: &[String], pretty: bool, html: bool) -> io::Result<bool> {
    let mut out = output();
    let mut ok = true;
    for f in files {
        let name = if f == "-" { "<stdin>" } else { f.as_str() };
        let bytes = match read_limited(f, parser.max_input_bytes()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("newsparse: {name}: {e}");
                ok = false;
                continue;
            }
        };
        let result = bytes.and_then(|b| {
            if html {
                parse_page(parser, &b, name)
            } else {
                decode(b, name).and_then(|text| parser.parse_document(&Document::new(text).with_id(name)))
            }
        });
        match result {
            Ok(article) => {
                out.write_all(article_json(&article, pretty).as_bytes())?;
                out.write_all(b"\n")?;
            }
            // The UTF-8 error names its source itself.
            Err(e @ Error::InvalidUtf8 { .. }) => {
                eprintln!("newsparse: {e}");
                ok = false;
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

/// Turns transparent huge pages off for this process (Linux). mimalloc asks the kernel for huge pages on
/// its arenas; where the kernel grants them on request (`madvise`, a common default) a fault may stall
/// on compaction and zeroing of 2 MiB pages: a tenth of a second of system time in some runs on the bench
/// corpus, a third of the parse. Without them the CLI holds 32 MB instead of 59 and its system time
/// stays under 0.03 s.
#[cfg(all(feature = "mimalloc", not(feature = "python"), target_os = "linux"))]
fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    #[cfg(all(feature = "mimalloc", not(feature = "python"), target_os = "linux"))]
    no_huge_pages();
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
    let mixed = if opts.mixed_fragments {
        MixedContent::Fragments
    } else {
        MixedContent::Clause
    };
    let parser = Parser::builder()
        .max_input_bytes(opts.max_bytes)
        .merge_continuations(opts.merge_continuations)
        .speech_cues_only(opts.speech_cues_only)
        .keep_trailing_clauses(opts.keep_trailing_clauses)
        .noun_phrase_contents(opts.noun_phrase_contents)
        .tokens(opts.tokens)
        .mixed_content(mixed)
        .cue_span(if opts.cue_verb_group {
            CueSpan::VerbGroup
        } else {
            CueSpan::Word
        })
        .build();
    let result = if opts.jsonl {
        run_jsonl(&parser, opts.threads)
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
