//! An analysis through a [`Memo`] reports exactly what a fresh analysis does, edit after edit.

use std::path::Path;

use interview_content::Catalog;
use interview_rubric::{Engine, Memo, Options, Report, Settings};
use proptest::prelude::*;

fn json(report: &Report) -> serde_json::Value {
    serde_json::to_value(report).expect("reports serialise")
}

/// The labelled corpus drafts, each a realistic starting text.
fn drafts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/drafts");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus draft"))
        .collect()
}

/// Applies an edit: replace `len` chars at char `at` (both modulo the text) with `insert`.
fn edit(text: &mut String, at: usize, len: usize, insert: &str) {
    let chars = text.chars().count();
    let start = if chars == 0 { 0 } else { at % (chars + 1) };
    let end = (start + len).min(chars);
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(i, _)| i);
    let (from, to) = (byte(start), byte(end));
    text.replace_range(from..to, insert);
}

/// Insertions that move sentence, block and section boundaries or change what a sentence says.
fn insertion() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\n## Result\n\n".to_string()),
        Just(" 40%".to_string()),
        Just(" we held 30 meetings".to_string()),
        Just(" I think".to_string()),
        Just(" with product marketing".to_string()),
        Just("`".to_string()),
        Just("**Result:** ".to_string()),
        Just("Équipe 東京 ".to_string()),
        "[a-z .!?\n#*-]{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn memo_reports_match_fresh_reports(
        draft in 0usize..1000,
        edits in prop::collection::vec((any::<usize>(), 0usize..12, insertion()), 1..12),
    ) {
        let engine = Engine::new(Catalog::embedded());
        let settings = Settings::default();
        let options = Options { file_name: Some("q3.md"), link_override: None };
        let drafts = drafts();
        let mut text = drafts[draft % drafts.len()].clone();
        let mut memo = Memo::new();
        prop_assert_eq!(
            json(&engine.analyze_memo(&text, &options, &settings, &mut memo)),
            json(&engine.analyze(&text, &options, &settings))
        );
        for (at, len, insert) in edits {
            edit(&mut text, at, len, &insert);
            prop_assert_eq!(
                json(&engine.analyze_memo(&text, &options, &settings, &mut memo)),
                json(&engine.analyze(&text, &options, &settings)),
                "after an edit, text: {:?}", text
            );
        }
    }
}

#[test]
fn one_memo_across_engines_and_categories_stays_correct() {
    let settings = Settings::default();
    let options = Options::default();
    let mut memo = Memo::new();
    let text = "---\ncategory: partnerships\nquestion: 3\n---\n# Incentives\n\nWe held 40 meetings. Revenue grew 20%.\n";
    let first = Engine::new(Catalog::embedded());
    let second = Engine::new(Catalog::embedded());
    for engine in [&first, &second, &first] {
        assert_eq!(
            json(&engine.analyze_memo(text, &options, &settings, &mut memo)),
            json(&engine.analyze(text, &options, &settings))
        );
    }
    let unlinked = "We held 40 meetings. Revenue grew 20%.\n";
    assert_eq!(
        json(&first.analyze_memo(unlinked, &options, &settings, &mut memo)),
        json(&first.analyze(unlinked, &options, &settings))
    );
}

/// `criticism` keeps what it reads in a sentence with the sentence: the reading moves with it,
/// stands for each copy of it (a line break for a space included), and a copy with markup in it
/// is read afresh.
#[test]
fn a_kept_criticism_moves_with_its_sentence() {
    let engine = Engine::new(Catalog::embedded());
    let settings = Settings::default();
    let options = Options::default();
    let put_down = "Their alliance lead was useless and never read a single deck.";
    let marked = "Their alliance lead was **useless** and never read a single deck.";
    let wrapped = "Their alliance lead was useless\nand never read a single deck.";
    let mut memo = Memo::new();
    for opening in [
        "",
        "We started late. ",
        "We started late, so the board asked twice. ",
    ] {
        let text = format!(
            "---\ncategory: partnerships\nquestion: 3\n---\n# Incentives\n\n{opening}{put_down} I rebuilt the plan.\n\n{put_down}\n\n{marked}\n\n{wrapped}\n"
        );
        let report = engine.analyze_memo(&text, &options, &settings, &mut memo);
        assert_eq!(
            json(&report),
            json(&engine.analyze(&text, &options, &settings))
        );
        let quoted: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.rule == interview_rubric::Rule::Criticism)
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(quoted, [put_down, put_down, marked, wrapped], "in {text:?}");
    }
}

/// What a number measures is kept with its sentence, apart for a story and for a scenario
/// answer: a plan's number is a target in a scenario answer and no result in a story.
#[test]
fn a_kept_number_reading_depends_on_the_kind_of_answer() {
    let engine = Engine::new(Catalog::embedded());
    let settings = Settings::default();
    let options = Options::default();
    let body = "# Incentives\n\nWe would lift the win rate to 40% within two quarters.\n";
    let story = format!("---\ncategory: partnerships\nquestion: 3\n---\n{body}");
    let scenario = format!("---\ncategory: partnerships\nscenario: 1\n---\n{body}");
    let mut memo = Memo::new();
    for (text, unquantified) in [(&story, true), (&scenario, false), (&story, true)] {
        let report = engine.analyze_memo(text, &options, &settings, &mut memo);
        assert_eq!(
            json(&report),
            json(&engine.analyze(text, &options, &settings))
        );
        let metrics = report
            .findings
            .iter()
            .any(|f| f.rule == interview_rubric::Rule::Metrics);
        assert_eq!(metrics, unquantified, "in {text:?}");
    }
}

/// A long draft (parsed again by chunks through the memo) reports what a fresh analysis does
/// after edits that change how the text after them parses: a fence opened (none of the drafts'
/// fences closes it) and closed, a comment
/// left open, a heading, a directive, an edit in the front matter.
#[test]
fn a_long_draft_edited_through_a_memo_reports_what_a_fresh_analysis_does() {
    let engine = Engine::new(Catalog::embedded());
    let settings = Settings::default();
    let options = Options::default();
    let mut text = String::from("---\ncategory: partnerships\nquestion: 4\n---\n");
    for draft in drafts().iter().cycle().take(120) {
        // Each corpus draft's own front matter would be a metadata block mid-text.
        let body = draft
            .split_once("\n---\n")
            .map_or(draft.as_str(), |(_, b)| b);
        text.push_str(body);
        text.push_str("\n\n");
    }
    assert!(text.len() > 64 * 1024, "{} bytes", text.len());
    let mut memo = Memo::new();
    let at = |text: &str, fraction: usize| {
        let mut i = text.len() * fraction / 10;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        text[..i].rfind("\n\n").map_or(0, |p| p + 2)
    };
    let edits: [(usize, &str); 7] = [
        (5, "~~~\n"),
        (7, "~~~\n\n"),
        (3, "<!-- an open comment\n\n"),
        (6, "## Result\n\nWe grew sourced pipeline by 40%.\n\n"),
        (8, "<!-- coach: disable-next metrics -->\n\n"),
        (0, "question: 5\n"),
        (9, "Plain words at the end. "),
    ];
    assert_eq!(
        json(&engine.analyze_memo(&text, &options, &settings, &mut memo)),
        json(&engine.analyze(&text, &options, &settings))
    );
    for (fraction, insert) in edits {
        let i = if fraction == 0 {
            4
        } else {
            at(&text, fraction)
        };
        text.insert_str(i, insert);
        assert_eq!(
            json(&engine.analyze_memo(&text, &options, &settings, &mut memo)),
            json(&engine.analyze(&text, &options, &settings)),
            "after inserting {insert:?}"
        );
    }
}
