//! Title, paragraph and sentence segmentation on the bundled seed article and on awkward inputs.

use newsparse::parse;

const SEED: &str = include_str!("../examples/seed_article.txt");

#[test]
fn seed_article_title_paragraphs_and_every_sentence() {
    let a = parse(SEED).unwrap();
    assert_eq!(
        a.title(),
        Some("Qatari Prime Minister and Iranian President Stress Need for Regional Stability")
    );
    assert_eq!(a.paragraphs().len(), 16, "16 paragraphs counting the title");
    let sentences: Vec<&str> = a.sentences().iter().map(|&s| a.slice(s)).collect();
    let expected = [
        "Qatari Prime Minister and Iranian President Stress Need for Regional Stability",
        "Qatari Prime Minister and Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani and Iranian President Masoud Pezeshkian have discussed ways to ensure regional security and stability as fears of a spillover from the war in Gaza mount.",
        "Sheikh Mohammed landed in Iran on Monday for meetings with top officials, including Foreign Minister Abbas Araghchi.",
        "The visit was aimed at developing and expanding relations between Tehran and Doha, Iranian state news agency Irna said.",
        "“The meeting discussed bilateral co-operation relations, developments in the region and ways to maintain the region's security and stability,” said the Qatari Foreign Ministry.",
        "As one of the key mediators in talks aimed at brokering a ceasefire, Qatar has played a key role in regional developments over the past few months.",
        "Home to much of the exiled political wing of Hamas, the country has been under immense international and US pressure to compel the Palestinian armed group into accepting a ceasefire deal.",
        "Negotiations have stalled and with no agreement in sight, tension continues to grow in the region.",
        "Iran vowed to retaliate after the assassination of Hamas political leader Ismail Haniyeh in Tehran in July, which it blamed on Israel.",
        "Mr Pezeshkian “expressed hope that the Islamic countries and other nations that adhere to the international norms and regulations” would convince supporters of Israel to “put an end to its crimes in Gaza”, Irna reported.",
        "The war in Gaza has killed more than 40,400 people and has destroyed much of the Palestinian enclave's infrastructure.",
        "Arab mediators have increased their exchanges with Tehran throughout the negotiations, sources told The National on Monday.",
        "This mediation, which also included phone calls between Egyptian, Qatari, Jordanian, Lebanese, Turkish and Iranian officials, intensified after the recent assassinations of Mr Haniyeh and Hezbollah commander Fouad Shukr.",
        "Recent negotiations concluded in Cairo on Sunday without any major breakthrough but may resume this week.",
        "Communication between Egyptian and Qatari mediators with Iran has increased, particularly after Mr Haniyeh's killing, to prevent further escalation.",
        "“Iran is a key behind-the-scenes player in the Gaza negotiations,” said one of the sources.",
        "“It has become even more vital after the assassination of Ismail Haniyeh, because he was killed in Tehran.”",
        "Sheikh Mohammed's visit to Iran comes at a crucial time after the talks in Cairo and Sunday's fiery exchanges between Israel and Lebanon, which fired rockets and drones at each other.",
        "The Lebanese militant group claimed to have attacked 11 Israeli military sites, including one near Tel Aviv, using more than 320 Katyusha rockets and drones in retaliation for the assassination of Mr Shukr.",
        "The attack was preceded by pre-emptive Israeli strikes and followed by strikes on sites in Lebanon, which Hezbollah said were evacuated as a precaution.",
        "Despite the escalation, both sides appeared to have taken precautions to prevent an all-out war.",
        "Residents of southern Lebanon described Sunday's scenes as being some of the most frightening they have experienced since fighting broke out in October.",
    ];
    assert_eq!(sentences, expected);
    // Every sentence lies inside exactly one paragraph.
    for s in a.sentences() {
        assert_eq!(a.paragraphs().iter().filter(|p| p.contains(*s)).count(), 1);
    }
}

#[test]
fn offsets_point_into_the_text_as_given() {
    // BOM, CRLF, NBSP, zero-width space and curly quotes are kept; spans index the original text.
    let text = "\u{feff}Rain\u{a0}falls\r\n\r\n“It pours,”\u{200b} she said.\r\nThe end.";
    let a = parse(text).unwrap();
    assert_eq!(a.title(), Some("Rain\u{a0}falls"));
    let sentences: Vec<&str> = a.sentences().iter().map(|&s| a.slice(s)).collect();
    assert_eq!(
        sentences,
        ["Rain\u{a0}falls", "“It pours,”\u{200b} she said.", "The end."]
    );
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for s in json["sentences"].as_array().unwrap() {
        let (st, en) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[st..en].iter().collect();
        assert!(sentences.contains(&slice.as_str()), "{slice:?}");
    }
}

#[test]
fn single_newline_paragraphs_when_there_are_no_blank_lines() {
    let a = parse("Markets fell on Monday.\nOil rose.\nGold was flat.").unwrap();
    assert_eq!(a.title(), None);
    assert_eq!(a.paragraphs().len(), 3);
    assert_eq!(a.sentences().len(), 3);
}
