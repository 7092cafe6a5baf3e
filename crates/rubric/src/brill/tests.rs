//! The compiled models against harper's own `tag_sentence` and `chunk_sentence`: every sentence
//! of the fixture drafts (not the blind test split), odd generated ones, and random token
//! sequences built from the words the patches name.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::draft::Draft;
use crate::syntax::{Tagged, tokenize};
use crate::tokens::Tokens;

/// Every tag, and no tag.
const ALL_TAGS: [Option<UPOS>; TAGS + 1] = [
    None,
    Some(UPOS::ADJ),
    Some(UPOS::ADP),
    Some(UPOS::ADV),
    Some(UPOS::AUX),
    Some(UPOS::CCONJ),
    Some(UPOS::DET),
    Some(UPOS::INTJ),
    Some(UPOS::NOUN),
    Some(UPOS::NUM),
    Some(UPOS::PART),
    Some(UPOS::PRON),
    Some(UPOS::PROPN),
    Some(UPOS::PUNCT),
    Some(UPOS::SCONJ),
    Some(UPOS::SYM),
    Some(UPOS::VERB),
];

/// harper's tagger and chunker, applied by harper.
fn harper() -> Brill {
    Brill::Harper {
        tagger: harper_brill::brill_tagger(),
        chunker: harper_brill::brill_chunker(),
    }
}

/// The compiled models, which must be what [`Brill::get`] uses.
fn compiled() -> &'static Brill {
    let brill = Brill::get();
    assert!(
        matches!(brill, Brill::Compiled(_)),
        "harper's models no longer compile (see `harpers_models_compile`)"
    );
    brill
}

#[test]
fn harpers_models_compile() {
    if let Err(e) = Model::compile(
        &harper_brill::brill_tagger(),
        &harper_brill::brill_chunker(),
    ) {
        panic!("{e}");
    }
}

/// The differences between harper and the compiled models on `tokens`: tags, then noun-phrase
/// flags from harper's tags, then from `tags` when given.
fn differences(
    harper: &Brill,
    tokens: &[String],
    tags: Option<&[Option<UPOS>]>,
) -> Result<(), String> {
    let brill = compiled();
    let (theirs, ours) = (harper.sentence(tokens), brill.sentence(tokens));
    let expected = harper.tag(&theirs);
    let got = brill.tag(&ours);
    if got != expected {
        return Err(format!(
            "tags of {tokens:?}:\nharper   {expected:?}\ncompiled {got:?}"
        ));
    }
    for tags in [Some(&expected[..]), tags].into_iter().flatten() {
        let expected = harper.chunk(&theirs, tags);
        let got = brill.chunk(&ours, tags);
        if got != expected {
            return Err(format!(
                "noun phrases of {tokens:?} tagged {tags:?}:\nharper   {expected:?}\ncompiled {got:?}"
            ));
        }
    }
    Ok(())
}

/// The Markdown drafts of the labelled corpus and of the blind corpus's tuning split.
fn fixture_drafts() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    // Never `blind/test`: that split stays unseen.
    let mut out = Vec::new();
    for dir in ["drafts", "blind/tune"] {
        let entries = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{}: {e}", root.join(dir).display()));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// Sentences no draft holds: empty, one token, punctuation only, non-ASCII, capitals, prefixes
/// of the patches' words, and very long.
fn odd_sentences(model_words: &[&str], drafts: &[(PathBuf, String)]) -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        " ",
        "a",
        "I",
        "to",
        ".",
        "?",
        "!!!",
        "— … ",
        "...",
        "\"(-,.?)\"",
        "$",
        "42",
        "Équipe ünd 東京 growth",
        "İstanbul ÇALIŞMA ΣΟΦΙΑ σοφίας naïve café résumé",
        "🚀 We launched 🚀 the plan 🎉.",
        "Ｔｈｅ full-width ＴＨＥ words of ｔｏ",
        "THE Of tO In AND tHe PLAN uS us US",
        "th t the them there thereby thermal o of off offer ofthe",
        "We didn't sign; it's theirs, isn't it? They'd've said so.",
        "it's It'S IT'S it’s Acme’s o'clock",
        "Th' e'er ne'er 'tis",
        "The the the the the the the the the the.",
        "of of of of , , , . . . to to to",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every patch word on its own, capitalised, repeated (a patch's later positions see its
    // earlier changes: `had had had`), and each pair of them, alternating.
    for w in model_words {
        out.push(w.to_string());
        out.push(w.to_uppercase());
        out.push(format!("{w} {w} {w}"));
        out.push(format!("{w} {w} {w} {w}"));
        for v in model_words {
            out.push(format!("{w} {v}"));
            out.push(format!("{w} {v} {w} {v} {w}"));
        }
    }
    // Dictionary words whose only capitals are not ASCII (`ŁÓdŹ`): harper lower-cases them
    // fully before looking them up.
    if let Brill::Compiled(model) = compiled() {
        let mut keys: Vec<&Box<str>> = model.dictionary.keys().filter(|k| !k.is_ascii()).collect();
        keys.sort();
        let capitals: Vec<String> = keys
            .iter()
            .map(|k| {
                k.chars()
                    .flat_map(|c| {
                        let upper: Vec<char> = if c.is_ascii() {
                            vec![c]
                        } else {
                            c.to_uppercase().collect()
                        };
                        upper
                    })
                    .collect()
            })
            .collect();
        out.push(capitals.join(" "));
        out.extend(capitals);
    }
    out.push(model_words.join(" "));
    out.push(model_words.repeat(60).join(" "));
    // A whole draft as one sentence.
    if let Some((_, text)) = drafts.first() {
        out.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    out
}

/// The model's words, as the patches spell them (lower-cased).
fn model_words() -> Vec<&'static str> {
    match compiled() {
        Brill::Compiled(model) => model.words.list.iter().map(|w| &**w).collect(),
        Brill::Harper { .. } => unreachable!("`compiled` checked"),
    }
}

#[test]
fn fixture_and_odd_sentences_tag_and_chunk_as_harper_does() {
    let harper = harper();
    let drafts = fixture_drafts();
    assert!(drafts.len() > 200, "only {} drafts found", drafts.len());
    let mut sentences: Vec<String> = Vec::new();
    for (_, text) in &drafts {
        // The sentences the engine tags (of the prose mask), then every raw line: headings,
        // list items, front matter, code.
        let draft = Draft::parse(text);
        let tokens = Tokens::new(&draft.mask);
        sentences.extend(
            tokens
                .sentences
                .iter()
                .map(|s| draft.mask[s.range.clone()].to_string()),
        );
        sentences.extend(text.lines().map(|l| l.trim().to_string()));
    }
    let from_drafts = sentences.len();
    sentences.extend(odd_sentences(&model_words(), &drafts));
    sentences.sort();
    sentences.dedup();
    let mut tokens_checked = 0;
    for sentence in &sentences {
        // As the engine tokenises it, and split at spaces only (punctuation stays on words).
        let forms: Vec<String> = tokenize(sentence)
            .0
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect();
        let spaced: Vec<String> = sentence.split_whitespace().map(String::from).collect();
        for tokens in [&forms, &spaced] {
            // Some tokens untagged, to chunk with gaps.
            let gaps: Vec<Option<UPOS>> = (0..tokens.len())
                .map(|i| ALL_TAGS[(i * 7 + tokens.len()) % ALL_TAGS.len()])
                .collect();
            if let Err(e) = differences(&harper, tokens, Some(&gaps)) {
                panic!("{e}");
            }
            tokens_checked += tokens.len();
        }
        assert_eq!(
            Tagged::with(&harper, sentence),
            Tagged::with(Brill::get(), sentence),
            "{sentence:?}"
        );
    }
    eprintln!(
        "{} distinct sentences ({from_drafts} from {} drafts, before deduplication), {tokens_checked} tokens: identical",
        sentences.len(),
        drafts.len()
    );
    assert!(
        sentences.len() > 3_000,
        "only {} sentences",
        sentences.len()
    );
}

#[test]
fn words_match_as_harpers_word_is_does() {
    let mut words = Words::default();
    let the = words.intern("The");
    let us = words.intern("US");
    let found = |words: &Words, token: &str| {
        let mut out = Vec::new();
        words.matches(token, |w| out.push(w));
        out
    };
    // Either string a prefix of the other, ignoring ASCII case only.
    assert_eq!(found(&words, "the"), [the]);
    assert_eq!(found(&words, "THEM"), [the]);
    assert_eq!(found(&words, "th"), [the]);
    assert_eq!(found(&words, "t"), [the]);
    assert_eq!(found(&words, "Usual"), [us]);
    assert_eq!(found(&words, ""), [the, us]);
    assert!(found(&words, "ŧhe").is_empty());
    assert!(found(&words, "a").is_empty());
    // An empty word is a prefix of every token.
    let empty = words.intern("");
    assert_eq!(found(&words, "a"), [empty]);
}

#[test]
fn offsets_invert_as_harper_adds_them() {
    for relative in [-3, -1, 0, 1, 4] {
        for i in 0..6 {
            if let Some(at) = add(i, relative) {
                assert_eq!(sub(at, relative), Some(i));
            }
        }
    }
    assert_eq!(add(0, -1), None);
    assert_eq!(add(2, isize::MIN), Some(2));
}

/// A token for random sentences: a patch word, spelled as is, in capitals, cut short or
/// extended; a common word; punctuation; or anything short.
fn token() -> impl Strategy<Value = String> {
    let words: Vec<String> = model_words().iter().map(|w| w.to_string()).collect();
    let common = [
        "we", "I", "our", "partner", "partners", "revenue", "grew", "signed", "deal", "deals",
        "led", "team", "program", "by", "from", "40", "35%", "Q3", "2023", "Acme", "CRO", "not",
        "never", "did", "would", "launched", "quickly", "new", "sales", "because", "when", "which",
        "who", "but", "so", "if", "be", "been", "being", "run", "running", "ran", "lead", "call",
        "'s", "n't", "$", "%", "&", ";", ":", "!", "—", "é", "東京",
    ];
    prop_oneof![
        4 => (select(words), 0usize..7, 0usize..12).prop_map(|(w, how, n)| match how {
            0 | 1 => w,
            2 => w.to_uppercase(),
            3 => w.chars().take(n % (w.chars().count() + 1)).collect(),
            4 => format!("{w}{}", ["s", "re", "'s", "n't", "ing", "é"][n % 6]),
            5 => {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
            _ => format!("{w}{w}"),
        }),
        3 => select(common.to_vec()).prop_map(String::from),
        1 => "[a-zA-Z'.,é-]{0,5}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(768))]

    #[test]
    fn short_runs_of_patch_words_tag_and_chunk_as_harper_does(
        tokens in prop::collection::vec(select(model_words()), 1..7)
    ) {
        let tokens: Vec<String> = tokens.into_iter().map(String::from).collect();
        if let Err(e) = differences(&harper(), &tokens, None) {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn random_sentences_tag_and_chunk_as_harper_does(
        (tokens, tags) in prop::collection::vec(token(), 0..40).prop_flat_map(|tokens| {
            let len = tokens.len();
            (Just(tokens), prop::collection::vec(select(ALL_TAGS.to_vec()), len))
        })
    ) {
        let harper = harper();
        if let Err(e) = differences(&harper, &tokens, Some(&tags)) {
            return Err(TestCaseError::fail(e));
        }
        let sentence = tokens.join(" ");
        prop_assert_eq!(Tagged::with(&harper, &sentence), Tagged::with(Brill::get(), &sentence));
    }

    /// Sentences past 128 tokens, where the tagger visits every token for a patch with no word.
    #[test]
    fn long_sentences_tag_and_chunk_as_harper_does(
        tokens in prop::collection::vec(token(), 120..170)
    ) {
        if let Err(e) = differences(&harper(), &tokens, None) {
            return Err(TestCaseError::fail(e));
        }
    }
}
