//! End-to-end tests of `interview-coach bank` on the fixture bank in `tests/fixtures/bank`: drafted,
//! undrafted, duplicate and unlinked drafts, a scenario, and a content-pack category.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_interview-coach");

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bank")
}

/// A private copy of the fixture bank, so history files land in a temporary folder.
fn copy_of_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["answers", "pack"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(fixture().join(sub)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    dir
}

/// Runs `bank` with the fixture's content pack loaded.
fn bank(cwd: &Path, args: &[&str]) -> Output {
    bank_without_pack(cwd, &[&["--categories", "pack"], args].concat())
}

fn bank_without_pack(cwd: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("bank")
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The bank as JSON, with the fixture's content pack loaded.
fn json(cwd: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = bank(cwd, &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn category<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no category {id} in {doc}"))
}

fn item<'a>(category: &'a Value, id: &str) -> &'a Value {
    category["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn the_json_lists_every_item_in_guide_order_with_its_drafts() {
    let doc = json(&fixture(), &["answers"]);
    let p = category(&doc, "partnerships");
    assert_eq!(p["total"], 12);
    assert_eq!(p["drafted"], 4);
    let ids: Vec<&str> = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=10)
        .map(|n| format!("partnerships/q{n}"))
        .chain((1..=2).map(|n| format!("partnerships/scenario-{n}")))
        .collect();
    assert_eq!(ids, expected);

    // A question with two drafts: both listed, the better one first and counted.
    let q1 = item(p, "partnerships/q1");
    assert_eq!(q1["kind"], "question");
    let drafts = q1["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0]["path"], "answers/q1-partner-selection.md");
    assert_eq!(q1["best"], 0);
    let score = |d: &Value| d["score"].as_f64().unwrap() / d["max"].as_f64().unwrap();
    assert!(score(&drafts[0]) > score(&drafts[1]));
    for key in ["words", "seconds", "rules"] {
        assert!(!drafts[0][key].is_null(), "{key} missing: {}", drafts[0]);
    }
    let weak_rules: Vec<&str> = drafts[1]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert!(weak_rules.contains(&"metrics"), "{weak_rules:?}");

    // The scenario is an item of its own kind; an undrafted question has no drafts.
    let s1 = item(p, "partnerships/scenario-1");
    assert_eq!(s1["kind"], "scenario");
    assert_eq!(s1["drafts"].as_array().unwrap().len(), 1);
    let q2 = item(p, "partnerships/q2");
    assert!(q2["drafts"].as_array().unwrap().is_empty());
    assert!(q2["best"].is_null());

    // The unlinked note comes with a fix.
    let unlinked = doc["unlinked"].as_array().unwrap();
    let notes = unlinked
        .iter()
        .find(|u| u["path"] == "answers/notes.md")
        .expect("notes.md is unlinked");
    assert!(!notes["fix"].as_str().unwrap().is_empty());
}

#[test]
fn practise_next_starts_with_the_weakest_draft_then_the_undrafted_questions() {
    let doc = json(&fixture(), &["answers"]);
    let p = category(&doc, "partnerships");
    let next = p["practise_next"].as_array().unwrap();
    // The weakest drafted answer is q7 (no numbers, only activity, no structure).
    let weakest = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["best"].is_null())
        .min_by(|a, b| {
            let pct = |i: &Value| {
                let d = &i["drafts"][0];
                d["score"].as_f64().unwrap() / d["max"].as_f64().unwrap()
            };
            pct(a).partial_cmp(&pct(b)).unwrap()
        })
        .unwrap();
    assert_eq!(next[0]["id"], weakest["id"]);
    assert_eq!(next[0]["id"], "partnerships/q7");
    assert!(
        next[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("lowest score")
    );
    let undrafted: Vec<&str> = next[1..]
        .iter()
        .take_while(|n| n["reason"] == "not drafted yet")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        undrafted,
        [
            "partnerships/q2",
            "partnerships/q3",
            "partnerships/q5",
            "partnerships/q6"
        ]
    );
    assert!(p["uncovered_concepts"].is_array());
}

#[test]
fn a_content_pack_category_gets_its_own_bank() {
    // Without the pack, the draft naming `category: sales` is matched by its heading and told
    // that the category does not exist.
    let out = bank_without_pack(&fixture(), &["--format", "json", "answers"]);
    let without: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        without["categories"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != "sales")
    );
    let q2 = item(category(&without, "partnerships"), "partnerships/q2");
    let rules: Vec<&str> = q2["drafts"][0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"link"), "{rules:?}");

    let with = json(&fixture(), &["answers"]);
    let sales = category(&with, "sales");
    assert_eq!(sales["drafted"], 1);
    assert_eq!(sales["total"], 12);
    assert_eq!(
        item(sales, "sales/q2")["drafts"][0]["path"],
        "answers/sales-q2.md"
    );

    let only = json(&fixture(), &["--category", "sales", "answers"]);
    assert_eq!(only["categories"].as_array().unwrap().len(), 1);
}

#[test]
fn the_table_shows_every_row_totals_and_practise_next() {
    let out = bank(&fixture(), &["answers"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("Partnerships · drafted 4 of 12"), "{table}");
    for id in ["q1 ", "q2 ", "q10 ", "scenario-1 ", "scenario-2 "] {
        assert!(
            table.lines().any(|l| l.trim_start().starts_with(id)),
            "no row for {id}:\n{table}"
        );
    }
    assert!(table.contains("not drafted"), "{table}");
    assert!(
        table.contains("Practise next\n  1. q7: lowest score"),
        "{table}"
    );
    assert!(table.contains("answers/notes.md: "), "{table}");
    assert!(!table.contains('\x1b'), "NO_COLOR is honoured");
    let coloured = bank(&fixture(), &["--color", "always", "answers"]);
    assert!(stdout(&coloured).contains("\x1b[1m"));
}

#[test]
fn history_is_written_only_with_record_and_survives_a_corrupt_line() {
    let dir = copy_of_fixture();
    let root = dir.path();
    let history = root.join("answers/.interview-coach/history.jsonl");

    bank(root, &["answers"]);
    assert!(!history.exists(), "a run without --record wrote history");

    let first = bank(root, &["--record", "answers"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let raw = std::fs::read_to_string(&history).unwrap();
    assert_eq!(raw.lines().count(), 1);
    let record: Value = serde_json::from_str(raw.lines().next().unwrap()).unwrap();
    assert!(record["time"].as_str().unwrap().ends_with('Z'));
    assert!(record["scores"]["partnerships/q1"].is_u64(), "{record}");

    // A torn write, then an improvement to q7.
    std::fs::write(&history, format!("{raw}{{\"time\": \"2026-")).unwrap();
    std::fs::write(
        root.join("answers/q7-commitment.md"),
        "---\nquestion: 7\n---\n\n# How do you avoid low-commitment partnerships?\n\n\
         **Context:** As head of partnerships at a Series B startup, I inherited 60 signed partners \
         and most never sold; customers needed implementation help we could not give.\n\n\
         **Action:** I asked each partner for an executive sponsor and a joint plan, and worked \
         with product marketing and customer success on the onboarding kit.\n\n\
         **Outcome:** Active partners rose from 9 to 22 and sourced revenue grew 35%.\n\n\
         **Learning:** I learned to qualify commitment before signing.\n",
    )
    .unwrap();
    let second = bank(root, &["--record", "--format", "json", "answers"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("history.jsonl:2: skipped"),
        "{}",
        stderr(&second)
    );
    let after = std::fs::read_to_string(&history).unwrap();
    assert!(
        after.starts_with(&format!("{raw}{{\"time\": \"2026-")),
        "the corrupt line was rewritten"
    );
    assert_eq!(after.lines().count(), 3);

    let doc: Value = serde_json::from_str(&stdout(&second)).unwrap();
    let q7 = item(category(&doc, "partnerships"), "partnerships/q7");
    let progress = &q7["progress"];
    assert!(
        progress["latest"].as_u64() > progress["first"].as_u64(),
        "{progress}"
    );
    assert_eq!(progress["best"], progress["latest"]);
    assert_eq!(progress["trend"], 1);

    // The table shows first, best and trend once there is history.
    let table = stdout(&bank(root, &["answers"]));
    assert!(table.contains("first  best  trend"), "{table}");
    assert_eq!(std::fs::read_to_string(&history).unwrap(), after);
}

#[test]
fn an_unknown_category_is_an_error() {
    let out = bank(&fixture(), &["--category", "nope", "answers"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown category `nope`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_html_is_one_self_contained_page() {
    let out = bank(&fixture(), &["--format", "html", "answers"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!doctype html>"));
    for forbidden in ["<script", "http://", "https://", "<link", "@import", "url("] {
        assert!(!html.contains(forbidden), "the page refers to {forbidden}");
    }
    // Twelve rows for Partnerships and twelve for the pack's Sales category.
    assert_eq!(html.matches("<tr class=\"item\"").count(), 24);
    assert!(html.contains("<svg class=\"chart\""));
    assert!(html.contains("<table class=\"grid\">"));
    assert!(html.contains("href=\"answers/q1-partner-selection.md\""));
    assert!(html.contains("@media print"));
}
