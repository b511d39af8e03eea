use super::*;
use crate::text::Doc;

fn tags(text: &str) -> Vec<(String, &'static str)> {
    let doc = Doc::new(text);
    (0..doc.tokens.len())
        .map(|i| (doc.tok(i).to_string(), doc.upos(i).as_str()))
        .collect()
}

#[test]
fn every_token_has_a_tag_and_past_the_end_is_x() {
    let doc = Doc::new("Officials in Tromsø rejected it.");
    assert_eq!(doc.tags().len(), doc.tokens.len());
    assert_eq!(doc.upos(doc.tokens.len()), Upos::X);
    assert_eq!(doc.upos(doc.tokens.len() - 1), Upos::Punct);
    assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
    assert_eq!(Upos::parse("propn"), None);
    for (n, u) in Upos::ALL.iter().enumerate() {
        assert_eq!(Upos::from_index(n), *u);
        assert_eq!(Upos::parse(u.as_str()), Some(*u));
    }
}

fn pos_of(text: &str, word: &str) -> &'static str {
    tags(text)
        .into_iter()
        .find(|(w, _)| w == word)
        .map_or("none", |(_, p)| p)
}

#[test]
fn a_news_sentence_gets_its_parts_of_speech() {
    let got: Vec<&str> = tags("The minister said the talks would resume on Monday.")
        .iter()
        .map(|(_, p)| *p)
        .collect();
    assert_eq!(
        got,
        [
            "DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"
        ]
    );
}

#[test]
fn context_tells_a_noun_from_a_verb() {
    // "states" and "remarks" are nouns after a number or a possessive, verbs after a subject
    assert_eq!(pos_of("Three states rejected the plan.", "states"), "NOUN");
    assert_eq!(pos_of("The report states that prices rose.", "states"), "VERB");
    assert_eq!(pos_of("His remarks angered officials.", "remarks"), "NOUN");
    assert_eq!(pos_of("She often remarks on the weather.", "remarks"), "VERB");
}

#[test]
fn unseen_capitalised_words_inside_a_sentence_are_proper_nouns() {
    let text = "The plan was floated by Okonkwo in 2019, and officials in Tromsø rejected it.";
    assert_eq!(pos_of(text, "Okonkwo"), "PROPN");
    assert_eq!(pos_of(text, "Tromsø"), "PROPN");
    assert_eq!(pos_of(text, "2019"), "NUM");
    assert_eq!(pos_of(text, "officials"), "NOUN");
    assert_eq!(pos_of(text, "rejected"), "VERB");
}

#[test]
fn tagging_is_deterministic_and_independent_of_other_documents() {
    let a = "Officials said the bridge had not been inspected.";
    let first = tags(a);
    let _ = tags("Something else entirely, with Other Names and 3.5 percent.");
    assert_eq!(tags(a), first);
    // the same sentence inside a longer article gets the same tags
    let long = format!("Prices rose again.\n\n{a}");
    let inner: Vec<_> = tags(&long).into_iter().skip(4).collect();
    assert_eq!(inner, first);
}

#[test]
fn the_model_file_reads_and_garbage_does_not() {
    assert!(model::upos_model().is_some());
    assert!(model::Model::from_bytes(b"").is_none());
    assert!(model::Model::from_bytes(b"NPUPOS01\x05").is_none());
    let bytes = include_bytes!("../../data/models/upos.bin");
    assert!(model::Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
}

/// `n` distinct made-up words ("zqkkkkk ", "zqkkkkl "...), with "ended." and a paragraph break after
/// every `per_sentence` of them.
fn unseen_words(n: u32, per_sentence: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        text.push_str("zq");
        text.extend(format!("{i:05}").chars().map(|c| char::from(b'k' + (c as u8 - b'0'))));
        text.push(' ');
        if (i as usize + 1) % per_sentence == 0 {
            text.push_str("ended.\n\n");
        }
    }
    text
}

#[test]
fn a_document_with_more_forms_than_the_cache_is_tagged() {
    // 40,000 distinct unseen words in one sentence: more than the per-thread cache of forms holds
    let mut text = unseen_words(40_000, usize::MAX);
    text.push_str("ended.");
    let doc = Doc::new(&text);
    assert!(doc.forms.first.len() > 40_000);
    assert_eq!(doc.tags().len(), doc.tokens.len());
    // and a short document after it is tagged as before
    assert_eq!(pos_of("His remarks angered officials.", "remarks"), "NOUN");
}

/// A dictionary entry with a fixed tag and an ambiguity class (its fine class).
fn entry(tag: u8, class: u8) -> model::Entry {
    model::Entry {
        tag,
        class,
        fine: u16::from(class),
        ..Default::default()
    }
}

/// A small model: the feature rows of the form "zebra" at known offsets, a fixed form, flat tables.
fn small_weights() -> model::Weights {
    use super::features::{NTAGS, SHAPES, form_features, key32};
    let mut keys = Vec::new();
    form_features("zebra", 0, |k| keys.push(key32(k)));
    let mut feats = Vec::new();
    // (weights in units of FEATURE_STEP) the word itself votes NOUN at the token (offset 2) and ADJ one
    // before it (offset 1)
    let mut noun = [0i8; NTAGS];
    noun[Upos::Noun as usize] = 10;
    feats.push((keys[0], 2, noun));
    let mut adj = [0i8; NTAGS];
    adj[Upos::Adj as usize] = 4;
    feats.push((keys[0], 1, adj));
    // a suffix votes VERB at the token, twice (two rows of one key and offset add up)
    let mut verb = [0i8; NTAGS];
    verb[Upos::Verb as usize] = 3;
    feats.push((keys[1], 2, verb));
    feats.push((keys[1], 2, verb));
    // a feature that no form has
    feats.push((0xdead_beef, 4, verb));
    model::Weights {
        shape: vec![[0; NTAGS]; SHAPES * SHAPES * SHAPES],
        trans: vec![[0; NTAGS]; (NTAGS + 1) * (NTAGS + 1)],
        nfine: super::features::CLASSES,
        ctrans: vec![[0; NTAGS]; (NTAGS + 1) * super::features::CLASSES],
        cpair: vec![[0; NTAGS]; model::pair_rows(super::features::CLASSES)],
        feats,
        dense: vec![[0; NTAGS]; super::features::DENSE * super::features::OFFSETS],
        fixed: vec![
            ("the".to_string(), entry(Upos::Det as u8, 2)),
            ("zebra".to_string(), entry(model::NOT_FIXED, 3)),
        ],
    }
}

#[test]
fn the_model_format_round_trips_and_is_read_where_it_lies() {
    let w = small_weights();
    let bytes = model::encode(&w);
    assert_eq!(model::encode(&w), bytes, "the same weights give the same bytes");
    let m = model::Model::from_bytes(&bytes).expect("reads back");
    let b = m.block("zebra", 0);
    let step = model::FEATURE_STEP;
    assert_eq!(b[2][Upos::Noun as usize], 10 * step);
    assert_eq!(b[2][Upos::Verb as usize], 6 * step);
    assert_eq!(b[1][Upos::Adj as usize], 4 * step);
    assert_eq!(b[0], [0; super::features::LANES]);
    // a form sharing only the suffix gets only the suffix's scores
    let other = m.block("cobra", 0);
    assert_eq!(other[2][Upos::Noun as usize], 0);
    // the fixed-tag table holds "the", not "zebra" (in the dictionary, without a fixed tag) nor "cobra"
    assert_eq!(m.fixed_tag("the"), Some(Upos::Det));
    assert_eq!(m.fixed_tag("zebra"), None);
    assert_eq!(m.fixed_tag("cobra"), None);
    // decoding: "zebra" is a noun (its own row wins), "the" keeps its fixed tag
    let doc = Doc::new("the zebra");
    let tags = m.tag(&doc, &mut Default::default());
    assert_eq!(tags, vec![Upos::Det, Upos::Noun]);
    // the row of the previous tag and the form's ambiguity class ("zebra" is in class 3) counts
    let mut w = small_weights();
    w.ctrans[Upos::Det as usize * super::features::CLASSES + 3][Upos::Verb as usize] = 32;
    let m = model::Model::from_bytes(&model::encode(&w)).expect("reads back");
    assert_eq!(m.tag(&doc, &mut Default::default()), vec![Upos::Det, Upos::Verb]);
    // ... and only after its previous tag: a sentence-initial "zebra" stays a noun
    assert_eq!(m.tag(&Doc::new("zebra"), &mut Default::default()), vec![Upos::Noun]);
}

#[test]
fn a_forms_unlabeled_statistics_weigh_on_its_tag() {
    use super::features::{OFFSETS, dense_ids};
    let mut w = small_weights();
    // "okonkwo" has no feature row of its own word: its capitalisation bucket (5) and cluster (7) vote,
    // from the dense table
    let ids: Vec<usize> = dense_ids(0, 5, 7).map(|(id, _)| id).collect();
    assert_eq!(ids.len(), 3, "its class, bucket and cluster");
    w.dense[ids[1] * OFFSETS + 2][Upos::Adj as usize] = 3;
    w.dense[ids[2] * OFFSETS + 2][Upos::Propn as usize] = 19;
    let stats = model::Entry {
        tag: model::NOT_FIXED,
        cap: 5,
        cluster: 7,
        ..Default::default()
    };
    w.fixed.push(("okonkwo".to_string(), stats));
    let m = model::Model::from_bytes(&model::encode(&w)).expect("reads back");
    let b = m.block("okonkwo", 0);
    assert_eq!(b[2][Upos::Propn as usize], 19 * model::FEATURE_STEP);
    assert_eq!(b[2][Upos::Adj as usize], 3 * model::FEATURE_STEP);
    // a form that unlabeled text never showed gets neither
    let other = m.block("okafor", 0);
    assert_eq!(other[2][Upos::Propn as usize], 0);
    assert_eq!(other[2][Upos::Adj as usize], 0);
    let tags = m.tag(&Doc::new("the okonkwo"), &mut Default::default());
    assert_eq!(tags, vec![Upos::Det, Upos::Propn]);
}

#[test]
fn a_frequent_ambiguous_form_has_rows_of_its_own() {
    use super::features::{CLASSES, NTAGS, PAIR_CLASSES};
    let mut w = small_weights();
    // "zebra" (ambiguity class 3) gets the fine class CLASSES, a class of its own
    w.nfine = CLASSES + 1;
    w.ctrans = vec![[0; NTAGS]; (NTAGS + 1) * w.nfine];
    w.cpair = vec![[0; NTAGS]; model::pair_rows(w.nfine)];
    w.fixed[1].1.fine = CLASSES as u16;
    // its own row after DET says VERB; the row of its ambiguity class says ADJ, and is not read
    w.ctrans[Upos::Det as usize * w.nfine + CLASSES][Upos::Verb as usize] = 32;
    w.ctrans[Upos::Det as usize * w.nfine + 3][Upos::Adj as usize] = 57;
    let m = model::Model::from_bytes(&model::encode(&w)).expect("reads back");
    let doc = Doc::new("the zebra");
    assert_eq!(m.tag(&doc, &mut Default::default()), vec![Upos::Det, Upos::Verb]);
    // its own row of the class-pair table, before the end of the sentence (class 0)
    w.cpair[model::fine_pair(CLASSES as u16) * PAIR_CLASSES][Upos::Adv as usize] = 63;
    let m = model::Model::from_bytes(&model::encode(&w)).expect("reads back");
    assert_eq!(m.tag(&doc, &mut Default::default()), vec![Upos::Det, Upos::Adv]);
    // a fine class past the declared number is refused
    w.fixed[1].1.fine = (CLASSES + 1) as u16;
    assert!(model::Model::from_bytes(&model::encode(&w)).is_none());
}

#[test]
fn a_damaged_model_file_is_refused() {
    let bytes = model::encode(&small_weights());
    assert!(model::Model::from_bytes(&bytes).is_some());
    // the previous format, a cut file, a byte too many
    let mut old = bytes.clone();
    old[..8].copy_from_slice(b"NPUPOS04");
    assert!(model::Model::from_bytes(&old).is_none());
    assert!(model::Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    let mut long = bytes.clone();
    long.push(0);
    assert!(model::Model::from_bytes(&long).is_none());
    // an index entry pointing past the weight rows
    // (the header, the i16 shape and transition rows, the i8 class and dense rows)
    use super::features::{CLASSES, DENSE, NTAGS, OFFSETS, PAIR_CLASSES};
    let slots_at = 8 + 32 + NTAGS * (2 * (512 + 18 * 18) + 18 * CLASSES + PAIR_CLASSES.pow(2) + DENSE * OFFSETS);
    let mut bad = bytes.clone();
    let slots = 1usize << u32::from_le_bytes(bytes[12..16].try_into().unwrap());
    let used = (0..slots)
        .find(|s| bad[slots_at + 8 * s + 4..slots_at + 8 * s + 8] != [0; 4])
        .unwrap();
    bad[slots_at + 8 * used + 4..slots_at + 8 * used + 8].copy_from_slice(&(1u32 << 27 | 5_000).to_le_bytes());
    assert!(model::Model::from_bytes(&bad).is_none());
}

#[test]
fn the_best_tag_is_the_first_of_the_highest() {
    let mut r = [i16::MIN; super::features::LANES];
    r[..super::features::NTAGS].fill(-5);
    r[3] = 7;
    r[9] = 7;
    assert_eq!(model::argmax(&r), 3);
    r[16] = 8;
    assert_eq!(model::argmax(&r), 16);
    // the padding lanes never win
    r[..super::features::NTAGS].fill(i16::MIN + 1);
    assert_eq!(model::argmax(&r), 0);
}

#[test]
fn tags_stay_the_same_when_the_form_cache_restarts_inside_a_document() {
    let text = "His remarks angered officials.\n\nThe report states that prices rose.";
    let fresh: Vec<Upos> = Doc::new(text).tags().to_vec();
    let doc = Doc::new(text);
    assert_eq!(doc.upos(1), Upos::Noun);
    // a document of 40,000 distinct words in short sentences fills the thread's cache, which restarts
    let big = unseen_words(40_000, 10);
    assert_eq!(Doc::new(&big).tags().len(), Doc::new(&big).tokens.len());
    // the rest of the first document is tagged as if nothing happened
    let later: Vec<Upos> = (0..doc.tokens.len()).map(|i| doc.upos(i)).collect();
    assert_eq!(later, fresh);
    assert_eq!(pos_of(text, "states"), "VERB");
}

#[test]
fn a_sentence_tagged_in_pieces_gets_the_tags_of_the_whole() {
    // `Doc::upos` tags a sentence only to a few tokens past the one asked about, and resumes there; the
    // tags must be those of tagging every sentence at once, whatever the order of the questions
    let text = "Officials said the bridge had not been inspected since 2019, and the mayor noted the decline.\n\n\
                Three states reported his remarks. The report states that prices rose 3.5 percent last year.";
    let whole: Vec<Upos> = Doc::new(text).tags().to_vec();
    let n = whole.len();
    assert!(n > 30);
    let orders: Vec<Vec<usize>> = vec![
        (0..n).collect(),
        (0..n).rev().collect(),
        (0..n).step_by(7).chain((0..n).step_by(3)).chain(0..n).collect(),
        // the middle of each sentence first, then its start
        (0..n).map(|i| (i * 11) % n).collect(),
    ];
    for order in orders {
        let doc = Doc::new(text);
        for &i in &order {
            assert_eq!(doc.upos(i), whole[i], "token {i} {:?}", doc.tok(i));
        }
    }
    // the plural noun and the verb still differ by context when only a prefix is tagged
    let doc = Doc::new(text);
    let remarks = (0..doc.tokens.len())
        .find(|&i| doc.tok(i) == "remarks")
        .expect("remarks");
    assert_eq!(doc.upos(remarks), Upos::Noun);
    let states = (0..doc.tokens.len())
        .rfind(|&i| doc.tok(i) == "states")
        .expect("states");
    assert_eq!(doc.upos(states), Upos::Verb);
}

/// News sentences with names the lexicons do not hold, lower-case words between them, and names at
/// sentence starts.
const NAMES_TEXT: &str = "Talks led by Amina Okonkwo resumed in Tromsø on Monday. The University of Oslo said \
    the deal with Norsk Hydro would cut emissions. Bergström, who chairs the Arctic Council, flew to New York \
    on Tuesday with two aides from Ubisoft. \"We are close,\" said Kwame Mensah, an adviser to the mayor of Accra, told al-Jazeera.";

#[test]
fn name_tags_decode_every_sentence_with_valid_transitions() {
    let doc = Doc::new(NAMES_TEXT);
    let m = names::name_model().expect("the name model is built in");
    let tags = names::tag_names(&doc);
    assert_eq!(tags.len(), doc.tokens.len());
    for s in &doc.sentences {
        let r = s.tokens.clone();
        // Skipping the tokens that can neither open nor continue a name changes no tag here.
        assert_eq!(
            &tags[r.clone()],
            &m.tag_sentence(&doc, r.clone())[..],
            "{:?}",
            doc.sentence_span(s)
        );
        let mut prev = names::START;
        for &c in &tags[r] {
            assert!(names::allowed(prev, c), "{prev} -> {c}");
            prev = c;
        }
    }
    // the scores with each form's rows summed once are the scores feature by feature
    for s in &doc.sentences {
        let r = s.tokens.clone();
        for i in r.clone() {
            for prev in [
                (names::START, names::START),
                (names::O, names::O),
                (1, names::O),
                (2, 1),
            ] {
                assert_eq!(
                    m.scores_cached_for_test(&doc, r.clone(), i, prev),
                    m.scores(&doc, r.clone(), i, prev.0, prev.1),
                    "{}",
                    doc.tok(i)
                );
            }
        }
    }
    let of = |w: &str| {
        (0..doc.tokens.len())
            .find(|&i| doc.tok(i) == w)
            .map(|i| names::label(doc.name_class(i)))
    };
    assert_eq!(of("Okonkwo"), Some(Some("I-PER")));
    assert_eq!(of("Tromsø"), Some(Some("B-LOC")));
    assert_eq!(of("officials"), None);
    assert_eq!(of("deal"), Some(None));
    assert_eq!(names::label(names::O), None);
    assert!(names::is_label("I-OTH") && !names::is_label("O"));
    // past the end: O
    assert_eq!(doc.name_class(doc.tokens.len()), names::O);
    // an I tag never opens a sentence or follows O or another type
    assert!(!names::allowed(names::START, names::NameType::Per.class(false)));
    assert!(!names::allowed(names::O, names::NameType::Org.class(false)));
    assert!(!names::allowed(
        names::NameType::Per.class(true),
        names::NameType::Loc.class(false)
    ));
    assert!(names::allowed(
        names::NameType::Loc.class(true),
        names::NameType::Loc.class(false)
    ));
}

#[test]
fn the_name_decoder_never_takes_an_invalid_i_tag() {
    let per = names::NameType::Per.class(true);
    let i_org = names::NameType::Org.class(false);
    // an I-ORG that scores best is not taken after O, the sentence start or a person's name...
    let mut s = [0i32; names::NCLASS];
    s[usize::from(i_org)] = 100;
    s[usize::from(per)] = 10;
    assert_eq!(names::best(&s, names::O), per);
    assert_eq!(names::best(&s, names::START), per);
    assert_eq!(names::best(&s, per), per);
    // ...but continues an organisation's name
    assert_eq!(names::best(&s, names::NameType::Org.class(true)), i_org);
    assert_eq!(names::best(&s, i_org), i_org);
    // every I class, after every class
    for ty in names::NameType::ALL {
        let i = ty.class(false);
        for prev in 0..=names::START {
            let same = prev != names::O && prev != names::START && names::NameType::of_class(prev) == Some(ty);
            assert_eq!(names::allowed(prev, i), same, "{prev} -> {i}");
        }
    }
}

#[test]
fn hostile_and_lower_case_text_decode_to_valid_name_tags() {
    let hostile = "Of Of Of The The NATO NATO of of Bank Bank of of \u{201C}A\u{201D} B. C. D. al-Assad al-Assad \
        O'Neill McDonald's iPhone eBay X Y Z. ÅÄÖ ÉÉ. 'S 'S. Of.";
    for text in [NAMES_TEXT, hostile] {
        let doc = Doc::new(text);
        let tags = names::tag_names(&doc);
        assert_eq!(tags.len(), doc.tokens.len());
        for s in &doc.sentences {
            let mut prev = names::START;
            for &c in &tags[s.tokens.clone()] {
                assert!(
                    usize::from(c) < names::NCLASS && names::allowed(prev, c),
                    "{prev} -> {c}"
                );
                prev = c;
            }
        }
    }
    // a sentence without a capital has no name
    let doc = Doc::new("the union warned that fares could rise by a third before the summer.");
    assert!(names::tag_names(&doc).iter().all(|&c| c == names::O));
}

#[test]
fn name_tags_do_not_depend_on_the_thread_or_the_order_of_questions() {
    // this thread's form cache warmed by other text first; another thread starts cold and asks backwards
    let _ = names::tag_names(&Doc::new(
        "Officials in Bergen and Ubisoft said the Arctic Council met.",
    ));
    let warm = names::tag_names(&Doc::new(NAMES_TEXT));
    let cold = std::thread::spawn(|| {
        let doc = Doc::new(NAMES_TEXT);
        let mut v: Vec<u8> = (0..doc.tokens.len()).rev().map(|i| doc.name_class(i)).collect();
        v.reverse();
        v
    })
    .join()
    .unwrap();
    assert_eq!(warm, cold);
    assert_eq!(names::tag_names(&Doc::new(NAMES_TEXT)), warm);
    assert!(warm.iter().filter(|&&c| c != names::O).count() >= 10);
}

/// Skipping the tokens that can neither open nor continue a name, against scoring every token, on the
/// whole bench corpus (docs/tagger.md): `cargo test --lib tagger::tests::bench -- --ignored --nocapture`.
#[test]
#[ignore = "reads the bench corpus in ../shared"]
fn bench_corpus_name_tags_against_scoring_every_token() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bench/voa_news.jsonl");
    let data = std::fs::read_to_string(path).expect("the bench corpus");
    let m = names::name_model().expect("the name model is built in");
    let (mut tokens, mut differ) = (0usize, 0usize);
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = Doc::new(v["text"].as_str().unwrap());
        let tags = names::tag_names(&doc);
        for s in &doc.sentences {
            let all = m.tag_sentence(&doc, s.tokens.clone());
            for (i, (&a, &b)) in s.tokens.clone().zip(all.iter().zip(&tags[s.tokens.clone()])) {
                if a != b {
                    differ += 1;
                    eprintln!("{}: {a} scored, {b} skipped", doc.tok(i));
                }
            }
        }
        tokens += doc.tokens.len();
    }
    eprintln!("{tokens} tokens, {differ} differ");
    assert!(differ * 10_000 < tokens, "{differ} of {tokens}");
}
