//! The `newsparse` command line: files, JSON Lines, bad input and exit status.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn jsonl_keeps_order_and_every_good_document() {
    let input = concat!(
        r#"{"id":"a","text":"Headline\n\nFirst article."}"#,
        "\n",
        "this is not json\n",
        r#"{"id":"c","published":"2024-08-26"}"#,
        "\n",
        r#"{"id":"d","text":"Second.","published":"2024-02-30"}"#,
        "\n",
        r#"{"id":7,"text":"Numeric id."}"#,
        "\n",
        r#"{"id":"e","text":"Last one."}"#,
        "\n",
    );
    let (code, out, err) = run(&["--jsonl"], input.as_bytes());
    assert_eq!(code, 1, "a failed document makes the exit status non-zero");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["title"], "Headline");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().starts_with("invalid JSON"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[3]["line"], 4);
    assert!(lines[4].get("line").is_none() && lines[4].get("error").is_none());
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert!(lines[3]["error"].as_str().unwrap().contains("2024-02-30"));
    assert_eq!(lines[4]["id"], 7);
    assert_eq!(lines[4]["sentences"].as_array().unwrap().len(), 1);
    assert_eq!(lines[5]["id"], "e");
    assert!(
        err.contains("line 2") && err.contains("line 3") && err.contains("line 4"),
        "{err}"
    );
}

#[test]
fn files_and_stdin() {
    let (code, out, _) = run(&["-"], "Headline\n\nBody text.".as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["title"], "Headline");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);

    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seed_article.txt");
    let (code, out, _) = run(&["--pretty", seed], b"");
    assert_eq!(code, 0);
    assert!(out.contains("\n  \"title\""));
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = std::env::temp_dir().join(format!("newsparse-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Good start \xff bad byte").unwrap();
    let (code, out, err) = run(&[bad.to_str().unwrap()], b"");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("bad.txt") && err.contains("byte offset 11"), "{err}");
    let (code, _, err) = run(&["/nonexistent/newsparse.txt"], b"");
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent/newsparse.txt"));
    let (code, _, _) = run(&["--bogus"], b"");
    assert_eq!(code, 2);
}

#[test]
fn tokens_flag_adds_tagged_tokens() {
    let line = b"{\"id\": \"t\", \"text\": \"Officials in Troms\xc3\xb8 rejected it.\"}\n";
    let (code, out, _) = run(&["--jsonl", "--tokens"], line);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    let pairs: Vec<(&str, &str)> = tokens
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["pos"].as_str().unwrap()))
        .collect();
    assert_eq!(pairs[2], ("Troms\u{f8}", "PROPN"));
    assert_eq!(pairs[3], ("rejected", "VERB"));
    assert_eq!(tokens[3]["start"], 20);
    // the Penn tags: a plural noun, a past tense, a pronoun (not a proper noun)
    let penn: Vec<&str> = tokens.iter().map(|t| t["tag"].as_str().unwrap()).collect();
    assert_eq!(penn, ["NNS", "IN", "NNP", "VBD", "PRP", "."]);
    let (_, plain, _) = run(&["--jsonl"], line);
    assert!(!plain.contains("\"tokens\""));
}

#[test]
fn number_and_boolean_ids_are_echoed_exactly_and_read_back() {
    let input = concat!(
        r#"{"id":12345678901234567,"text":"Rain\n\nIt rained."}"#,
        "\n",
        r#"{"id":false,"text":"Sun\n\nIt shone."}"#,
        "\n",
        r#"{"id":"12345678901234567","text":"Wind\n\nIt blew."}"#,
        "\n",
    );
    let (code, out, _) = run(&["--jsonl"], input.as_bytes());
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    // Written by the article itself, in the usual key order, the integer digit for digit.
    assert!(
        lines[0].starts_with(r#"{"schema":1,"id":12345678901234567,"title":"Rain""#),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with(r#"{"schema":1,"id":false,"#), "{}", lines[1]);
    assert!(
        lines[2].starts_with(r#"{"schema":1,"id":"12345678901234567","#),
        "{}",
        lines[2]
    );
    let a = newsparse::Article::from_json(lines[0]).unwrap();
    assert_eq!((a.id(), a.id_is_literal()), (Some("12345678901234567"), true));
    assert_eq!(a.to_json(), lines[0]);
    let b = newsparse::Article::from_json(lines[1]).unwrap();
    assert_eq!(b.id(), Some("false"));
    assert!(!newsparse::Article::from_json(lines[2]).unwrap().id_is_literal());
}

/// The CLI with stdin and stdout as pipes that the test drives.
fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn an_endless_stdin_is_refused_after_the_limit() {
    // `head -c 1G /dev/zero | newsparse -`: the writer stops when the CLI has refused and closed the pipe.
    let mut child = spawn(&["--max-bytes", "100000", "-"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let zeros = vec![0u8; 1 << 16];
        let mut written = 0usize;
        while written < 1 << 30 {
            match stdin.write(&zeros) {
                Ok(n) => written += n,
                Err(_) => break,
            }
        }
        written
    });
    let out = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        "newsparse: <stdin>: input too large: 100001 bytes, the limit is 100000 bytes"
    );
    // What was read is the limit; the rest is what the pipe and the writer's last chunk held.
    assert!(written < 4 << 20, "the CLI read {written} bytes before refusing");
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_size_and_stdin_by_reading() {
    let dir = std::env::temp_dir().join(format!("newsparse-cli-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    std::fs::write(&big, "Rain fell. ".repeat(500)).unwrap();
    let (code, out, err) = run(&["--max-bytes", "1000", big.to_str().unwrap()], b"");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    // The exact size comes from the file's metadata: nothing was read.
    assert!(
        err.ends_with(": input too large: 5500 bytes, the limit is 1000 bytes\n"),
        "{err}"
    );
    let (code, out, _) = run(&["--max-bytes", "5500", big.to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["sentences"]
            .as_array()
            .unwrap()
            .len(),
        500
    );
    // The default limit is 2 MiB.
    let (code, _, err) = run(&["-"], &vec![b'a'; (2 << 20) + 1]);
    assert_eq!(code, 1);
    assert!(err.contains("the limit is 2097152 bytes"), "{err}");
    let (code, _, _) = run(&["-"], &vec![b'a'; 2 << 20]);
    assert_eq!(code, 0);
}

#[test]
fn an_overlong_jsonl_line_is_skipped_with_its_line_number() {
    let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}\n", "word ".repeat(1000));
    let input = format!("{long}{}\n", r#"{"id":"small","text":"Rain\n\nIt rained."}"#);
    let (code, out, err) = run(&["--jsonl", "--max-bytes", "1000"], input.as_bytes());
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    // A line may take twice the text limit (JSON escapes); this one is longer and is never held.
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(
        lines[0]["error"],
        format!("input too large: {} bytes, the limit is 2000 bytes", long.len())
    );
    assert_eq!(lines[1]["id"], "small");
    assert_eq!(lines[1]["title"], "Rain");
    assert_eq!(err.lines().count(), 1);
    assert!(err.starts_with("newsparse: line 1: input too large"), "{err}");
    // A line within twice the limit whose text is over the limit: the parser's own refusal.
    let mid = format!("{{\"id\":\"mid\",\"text\":\"{}\"}}\n", "w".repeat(1500));
    let (_, out, _) = run(&["--jsonl", "--max-bytes", "1000"], mid.as_bytes());
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["error"], "input too large: 1500 bytes, the limit is 1000 bytes");
    assert_eq!((v["id"].as_str(), v["line"].as_u64()), (Some("mid"), Some(1)));
}

#[test]
fn a_bom_is_accepted_and_messages_name_the_line_once() {
    let input = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Rain\\n\\nIt rained.\"}\n{\"id\":\"b\"\n\xEF\xBB\xBF{\"id\":\"c\",\"text\":\"x\"}\n\xff\n";
    let (code, out, err) = run(&["--jsonl"], input);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["title"], "Rain");
    // The JSON reader's message gives the column; the line is the "line" field, not in the text.
    assert_eq!(lines[1]["line"], 2);
    let msg = lines[1]["error"].as_str().unwrap();
    assert!(
        msg.starts_with("invalid JSON:") && msg.contains("column") && !msg.contains("line"),
        "{msg}"
    );
    // Only the first line may start with a BOM.
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().starts_with("invalid JSON"));
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[3]["error"], "<stdin>: invalid UTF-8 at byte offset 0");
    for (n, l) in err.lines().enumerate() {
        assert!(l.starts_with(&format!("newsparse: line {}: ", n + 2)), "{l}");
        assert_eq!(l.matches("line").count(), 1, "{l}");
    }
    // A file's name is given once too.
    let dir = std::env::temp_dir().join(format!("newsparse-cli-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad-utf8.txt");
    std::fs::write(&bad, b"ok \xff").unwrap();
    let (_, _, err) = run(&[bad.to_str().unwrap()], b"");
    assert_eq!(err.matches("bad-utf8.txt").count(), 1, "{err}");
}

#[test]
fn jsonl_with_pretty_is_a_usage_error() {
    let (code, out, err) = run(&["--jsonl", "--pretty"], b"");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("not JSON Lines"), "{err}");
}

#[test]
fn output_is_written_while_stdin_stays_open() {
    // `tail -f feed | newsparse --jsonl`: each line's article appears before the input ends.
    use std::io::BufRead;
    let mut child = spawn(&["--jsonl", "--threads", "2"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let wait = std::time::Duration::from_secs(60);
    for (i, title) in ["Rain", "Sun", "Wind"].iter().enumerate() {
        writeln!(stdin, r#"{{"id":{i},"text":"{title}\n\nIt happened."}}"#).unwrap();
        stdin.flush().unwrap();
        let line = rx.recv_timeout(wait).expect("an article while stdin is still open");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!((v["id"].as_u64(), v["title"].as_str()), (Some(i as u64), Some(*title)));
    }
    // Two lines at once, then the end of the input.
    stdin
        .write_all(b"{\"id\":\"x\",\"text\":\"a\"}\n{\"id\":\"y\",\"text\":\"b\"}\n")
        .unwrap();
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    assert_eq!(rest.len(), 2);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}
