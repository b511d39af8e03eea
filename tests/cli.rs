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
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
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
