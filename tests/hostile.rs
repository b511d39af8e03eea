//! Hostile inputs, sized to run fast: parsing never panics and the output stays sane (bounded counts,
//! short mentions, finite numbers, well-formed spans and JSON). Their timing is in `benches/hostile.rs`,
//! which uses the same generators at full size.
//!
//! Every crash found by fuzzing (`fuzz/`) becomes a regression test at the end of this file.

mod common;
#[path = "../benches/common/mod.rs"]
mod inputs;

use common::check;
use newsparse::Article;

const SEED: &str = inputs::SEED;

fn parse_checked(text: &str) -> Article {
    match check(text) {
        Ok(a) => a,
        Err(e) => panic!("{e}\ninput starts {:?}", &text[..text.len().min(200)]),
    }
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

fn quote_marks(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„'))
        .count()
}

/// No actor mention longer than this many words: a run of capitalised words is not one giant name.
const MAX_MENTION_WORDS: usize = 16;

fn assert_short_mentions(a: &Article) {
    for actor in a.actors() {
        for &m in &actor.mentions {
            let words = a.slice(m).split_whitespace().count();
            assert!(
                words <= MAX_MENTION_WORDS,
                "actor {:?}: a mention of {words} words",
                actor.name
            );
        }
    }
}

#[test]
fn only_quotation_marks() {
    let text = inputs::quotation_marks(20_000);
    let a = parse_checked(&text);
    assert!(a.actors().is_empty(), "no words, no actors: {:?}", a.actors());
    assert!(a.statistics().is_empty());
    assert!(a.statements().len() <= quote_marks(&text) / 2);
    for s in a.statements() {
        assert!(s.speaker.is_none(), "no speaker can exist without a word");
    }
}

#[test]
fn one_long_sentence_without_punctuation() {
    let text = inputs::unpunctuated_sentence(20_000);
    let a = parse_checked(&text);
    assert_eq!(a.paragraphs().len(), 1);
    assert_eq!(a.sentences().len(), 1, "no punctuation, no line break: one sentence");
    assert!(a.statements().len() <= count(&text, "said") + count(&text, "told"));
    assert_short_mentions(&a);
}

#[test]
fn capitalised_words_are_not_one_giant_name() {
    let text = inputs::capitalised_words(2_000);
    let a = parse_checked(&text);
    assert_short_mentions(&a);
    let mentions: usize = a.actors().iter().map(|x| x.mentions.len()).sum();
    assert!(mentions <= 2_000);
}

#[test]
fn huge_number_with_thousands_separators() {
    let text = inputs::digits_with_commas(3_000);
    let a = parse_checked(&text);
    for s in a.statistics() {
        for v in [s.value, s.lower, s.upper].into_iter().flatten() {
            assert!(
                v.is_finite(),
                "statistic {:?} has a non-finite value {v}",
                a.slice(s.span)
            );
        }
    }
    // The ordinary statistic after the huge number is still read.
    let twelve = a.statistics().iter().find(|s| a.slice(s.span).contains("12%"));
    if !a.statistics().is_empty() {
        assert!(twelve.is_some(), "the 12% after the huge number is lost");
    }
}

#[test]
fn long_list_of_numbers_with_commas() {
    let text = inputs::comma_number_list(3_000);
    let a = parse_checked(&text);
    assert!(a.statistics().len() <= 3_000);
    for s in a.statistics() {
        for v in [s.value, s.lower, s.upper].into_iter().flatten() {
            assert!((0.0..1e8).contains(&v), "value {v} out of the list's range");
        }
    }
}

#[test]
fn said_repeated() {
    let text = inputs::said(1_000);
    let a = parse_checked(&text);
    assert!(a.statements().len() <= 1_000);
    assert!(a.actors().is_empty(), "\"said\" is not an actor: {:?}", a.actors());
    // "said" after a real sentence still works as a cue next to it.
    let text = format!("{} \"We will not give up,\" the minister said.", inputs::said(500));
    parse_checked(&text);
}

#[test]
fn deeply_nested_alternating_quotes() {
    let text = inputs::alternating_quotes(20_000);
    let a = parse_checked(&text);
    assert!(a.statements().len() <= quote_marks(&text));
    assert_short_mentions(&a);
}

#[test]
fn long_article_scales_like_its_parts() {
    let one = parse_checked(SEED);
    let copies = 40;
    let text = inputs::long_article(copies * (SEED.len() + 2), None);
    let n = count(&text, "Qatari Prime Minister and Iranian President Stress Need");
    assert!(n >= copies);
    let a = parse_checked(&text);
    // The long article's title is one more sentence; every copy keeps its own sentences.
    assert_eq!(a.sentences().len(), 1 + n * one.sentences().len());
    assert_eq!(a.statistics().len(), n * one.statistics().len());
    assert_eq!(a.statements().len(), n * one.statements().len());
    assert_short_mentions(&a);
}

#[test]
fn awkward_characters_everywhere() {
    // BOM, CRLF, NBSP, zero-width joiners and combining marks around cues, quotes and numbers.
    let text = "\u{feff}Talks\u{a0}stall\r\n\r\n\u{200b}“We\u{200d} will not give up,”\u{301} the \
                minister said\u{a0}on Monday.\r\nAbout 1,\u{200b}000 people\u{a0}were killed, \
                officials said.\r\n\r\n\"\u{301}\"\u{301}«»„“ 😀 said 12 %";
    parse_checked(text);
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        parse_checked(&text[..cut]);
        parse_checked(&text[cut..]);
    }
}

// ---- Regression tests for crashes found by fuzzing (fuzz/) ----

/// cargo-fuzz `parse`, 2026-11-28: an -ed verb after a count whose stem ends in a multi-byte character
/// ("kill⅜ed") made the statistics event lemma slice inside that character (`lemma_of`, `&stem[n - 2..]`).
#[test]
fn fuzz_multibyte_character_before_ed_suffix() {
    parse_checked("12 were kill⅜ed.");
    parse_checked("Floods displace thousands\n\nMore than 40,400 people have at least 12 were kill⅜ed, the U.N. said.");
    parse_checked("About 300 people were evacuat⅜ing.");
}

/// Found while reducing the crash above: a stem whose last two UTF-8 bytes are equal (U+0820 is
/// E0 A0 A0) was taken for a doubled consonant ("stopp" → "stop") and cut inside the character.
#[test]
fn fuzz_doubled_continuation_bytes_before_ed_suffix() {
    parse_checked("12 were kill\u{820}ed.");
    parse_checked("5 homes were \u{820}\u{820}ed and 7 were éé-ing.");
}
