//! Segmentation and tokenisation tests on realistic news text.

use super::*;

fn sentences(text: &str) -> Vec<&str> {
    let d = Doc::new(text);
    d.sentences.iter().map(|s| d.slice(d.sentence_span(s))).collect()
}

fn words(text: &str) -> Vec<&str> {
    let d = Doc::new(text);
    (0..d.tokens.len()).map(|i| d.tok(i)).collect()
}

#[test]
fn abbreviations_do_not_end_sentences() {
    assert_eq!(
        sentences("Mr. Smith met Dr. Jones and Gen. Allen on Jan. 5 in St. Louis. They talked."),
        [
            "Mr. Smith met Dr. Jones and Gen. Allen on Jan. 5 in St. Louis.",
            "They talked."
        ]
    );
    assert_eq!(
        sentences("Talks with U.S. and U.N. envoys began at 9 a.m. on Monday. No. 10 said nothing."),
        [
            "Talks with U.S. and U.N. envoys began at 9 a.m. on Monday.",
            "No. 10 said nothing."
        ]
    );
}

#[test]
fn dotted_abbreviation_ends_a_sentence_before_an_opener() {
    assert_eq!(
        sentences("The envoy flew to the U.S. The talks resume today."),
        ["The envoy flew to the U.S.", "The talks resume today."]
    );
}

#[test]
fn initials_and_decimals() {
    assert_eq!(
        sentences("J. K. Rowling wrote it. Growth was 3.5 percent... Prices rose."),
        ["J. K. Rowling wrote it.", "Growth was 3.5 percent...", "Prices rose."]
    );
    assert_eq!(sentences("He paused... then went on."), ["He paused... then went on."]);
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    assert_eq!(
        sentences("“We will win.” The crowd cheered. \"Why?\" he asked."),
        ["“We will win.”", "The crowd cheered.", "\"Why?\" he asked."]
    );
}

#[test]
fn sentences_never_cross_paragraphs() {
    let d = Doc::new("Title line\n\nFirst paragraph without a stop\n\nSecond one. Two sentences.");
    assert_eq!(d.title.map(|t| d.slice(t)), Some("Title line"));
    assert_eq!(d.paragraphs.len(), 3);
    let s: Vec<_> = d
        .sentences
        .iter()
        .map(|s| (d.slice(d.sentence_span(s)), d.tokens[s.tokens.start].paragraph))
        .collect();
    assert_eq!(
        s,
        [
            ("Title line", 0),
            ("First paragraph without a stop", 1),
            ("Second one.", 2),
            ("Two sentences.", 2)
        ]
    );
}

#[test]
fn title_needs_a_blank_line_and_no_period() {
    assert!(Doc::new("A sentence that ends.\n\nNext paragraph.").title.is_none());
    assert!(Doc::new("Line one\nline two\nline three").title.is_none());
    assert_eq!(Doc::new("Line one\nline two\nline three").paragraphs.len(), 3);
    let crlf = Doc::new("Headline\r\n\r\nBody text here.\r\nMore body.");
    assert_eq!(crlf.title.map(|t| crlf.slice(t)), Some("Headline"));
    assert_eq!(
        crlf.paragraphs.len(),
        2,
        "a block of lines is one paragraph when blank lines exist"
    );
}

#[test]
fn tokens_keep_names_numbers_and_possessives() {
    assert_eq!(
        words("Mr Haniyeh's al-Assad co-operation 40,400 3.5bn U.S.-led don't Hamas' “x”"),
        [
            "Mr",
            "Haniyeh",
            "'s",
            "al-Assad",
            "co-operation",
            "40,400",
            "3.5",
            "bn",
            "U.S.",
            "-",
            "led",
            "don't",
            "Hamas",
            "'",
            "“",
            "x",
            "”"
        ]
    );
    let d = Doc::new("Erdoğan met José Müller. IAEA");
    assert!(d.tokens[0].has(flags::CAPITALISED | flags::SENT_START));
    assert_eq!(d.tok(2), "José");
    assert!(d.tokens[5].has(flags::ALL_CAPS));
    assert!(!d.tokens[0].has(flags::ALL_CAPS));
}

#[test]
fn capitals_and_all_caps_on_plain_and_accented_words() {
    let d = Doc::new("NATO and MÜLLER met Müller, ÉCOLE staff, COVID-19 teams, A man, McDonald and U.S. envoys");
    let caps = |w: &str| {
        let i = (0..d.tokens.len()).find(|&i| d.tok(i) == w).unwrap();
        (d.tokens[i].has(flags::CAPITALISED), d.tokens[i].has(flags::ALL_CAPS))
    };
    assert_eq!(caps("NATO"), (true, true));
    assert_eq!(caps("MÜLLER"), (true, true));
    assert_eq!(caps("Müller"), (true, false));
    assert_eq!(caps("ÉCOLE"), (true, true));
    assert_eq!(caps("COVID-19"), (true, true));
    assert_eq!(caps("A"), (true, false), "one letter is not all caps");
    assert_eq!(caps("McDonald"), (true, false));
    assert_eq!(caps("U.S."), (true, true));
    assert_eq!(caps("staff"), (false, false));
}

#[test]
fn words_flag_hyphens_and_digits() {
    let d = Doc::new("The COVID-19 curfew hit al-Assad's twenty-three G7 towns, 40 in all, in the U.S.");
    let has = |w: &str, f: u16| {
        let i = (0..d.tokens.len()).find(|&i| d.tok(i) == w).unwrap();
        d.tokens[i].has(f)
    };
    assert!(has("COVID-19", flags::HYPHENATED) && has("COVID-19", flags::HAS_DIGIT));
    assert!(has("al-Assad", flags::HYPHENATED) && !has("al-Assad", flags::HAS_DIGIT));
    assert!(has("twenty-three", flags::HYPHENATED));
    assert!(has("G7", flags::HAS_DIGIT) && !has("G7", flags::HYPHENATED));
    assert!(!has("curfew", flags::HYPHENATED) && !has("curfew", flags::HAS_DIGIT));
    assert!(
        !has("40", flags::HAS_DIGIT),
        "only words carry the flag: numbers are numbers"
    );
    assert!(!has("U.S.", flags::HAS_DIGIT) && !has("U.S.", flags::HYPHENATED));
}

#[test]
fn odd_input_never_panics() {
    for t in [
        "",
        "\u{feff}",
        "...",
        "\n\n\n",
        "“",
        "a\u{301}\u{301}",
        "1,,,,2",
        "$$$",
        "\r\r\r",
        "\u{2029}x\u{2029}",
    ] {
        let d = Doc::new(t);
        for s in &d.sentences {
            assert!(t.get(d.sentence_span(s).range()).is_some());
        }
    }
}

#[test]
fn long_words_end_at_the_first_byte_outside_them_wherever_it_falls() {
    // runs of letters longer than eight bytes, ending at every offset of an eight-byte chunk, before a
    // digit, an accented letter, punctuation or the end of the text
    assert_eq!(
        words("internationally, Counterterrorism9 representatives’ Wahrscheinlichkeitsrechnungé abcdefgh@ abcdefghi"),
        [
            "internationally",
            ",",
            "Counterterrorism9",
            "representatives",
            "’",
            "Wahrscheinlichkeitsrechnungé",
            "abcdefgh",
            "@",
            "abcdefghi"
        ]
    );
    let d = Doc::new("Reconstruction in Counterterrorism2024 and [brackets]`Z");
    let has = |w: &str, f: u16| {
        let i = (0..d.tokens.len()).find(|&i| d.tok(i) == w).unwrap();
        d.tokens[i].has(f)
    };
    assert!(has("Counterterrorism2024", flags::HAS_DIGIT));
    assert!(!has("Reconstruction", flags::HAS_DIGIT));
    assert_eq!(words("[brackets]`Z"), ["[", "brackets", "]", "`", "Z"]);
}

#[test]
fn paragraph_token_ranges_hold_exactly_the_tokens_of_each_paragraph() {
    let d = Doc::new("Title line\n\nFirst \"quoted\" paragraph. Two sentences.\n\n\n\nSecond one.\nSame paragraph.");
    assert!(d.paragraphs.len() >= 3);
    let mut next = 0;
    for p in 0..d.paragraphs.len() {
        let r = d.paragraph_tokens(p);
        assert_eq!(r.start, next, "paragraph {p} starts where the previous one ended");
        assert!(!r.is_empty());
        assert!(r.clone().all(|i| d.tokens[i].paragraph as usize == p));
        next = r.end;
    }
    assert_eq!(next, d.tokens.len());
    // past the last paragraph: nothing
    assert!(d.paragraph_tokens(d.paragraphs.len()).is_empty());
}

#[test]
fn rare_line_breaks_split_lines_wherever_they_fall_and_look_alike_bytes_do_not() {
    // the line scanner reads 32 bytes at a time, then eight: put each break at every offset of two
    // such blocks
    for lead in 1..70 {
        let before = "Officials said".chars().cycle().take(lead).collect::<String>();
        for brk in ["\r", "\u{2028}", "\u{2029}", "\u{85}", "\n"] {
            let t = format!("{before}{brk}the talks would resume on Monday in Geneva.");
            let d = Doc::new(&t);
            assert_eq!(d.paragraphs.len(), 2, "{t:?}");
            assert_eq!(d.slice(d.paragraphs[0]), before.trim_end(), "{t:?}");
        }
        // "é" and "©" end with the bytes 0xA9 and 0xA8 like U+2029 and U+2028, and "…" with 0xA6: no break
        for word in ["Pelé", "©", "é…"] {
            let t = format!("{before}{word} said the talks would resume on Monday.");
            assert_eq!(Doc::new(&t).paragraphs.len(), 1, "{t:?}");
        }
    }
}

#[test]
fn a_title_glued_to_the_name_before_it_is_split_off() {
    // Separators lost when text was taken from a web page: "Doe" + "Rep", "Roe" + "Gov".
    let text = "The bill was backed by Sen. Jane DoeRep. John RoeGov. Mary Poe on Monday.";
    let w = words(text);
    assert!(w.windows(3).any(|x| x == ["Doe", "Rep", "."]), "{w:?}");
    assert!(w.windows(3).any(|x| x == ["Roe", "Gov", "."]), "{w:?}");
    assert_eq!(sentences(text).len(), 1);
    // Negatives: no name before it ("by YouGov"), a sentence opener after it ("YouGov. The"), no
    // abbreviation at the end ("McDonald"), no period after it ("DoeRep said").
    for text in [
        "A poll by YouGov. John Roe led it.",
        "Pollster Ann YouGov. The survey ended.",
        "Jane McDonald. John Roe left.",
        "Jane DoeRep said so.",
    ] {
        let w = words(text);
        assert!(
            w.iter().any(|t| ["YouGov", "McDonald", "DoeRep"].contains(t)),
            "{text}: {w:?}"
        );
    }
}

#[test]
fn paragraphs_are_trimmed_of_white_space_and_invisible_characters_only() {
    let t = "\u{a0} Officials said the talks would resume.\u{200b} \n\n\tThe envoy arrived on Monday.\n\n\"Yes,\" she said.";
    let d = Doc::new(t);
    let paras: Vec<&str> = d.paragraphs.iter().map(|&p| d.slice(p)).collect();
    assert_eq!(
        paras,
        [
            "Officials said the talks would resume.",
            "The envoy arrived on Monday.",
            "\"Yes,\" she said."
        ]
    );
}
