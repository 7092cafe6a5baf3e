//! End-to-end tests of `interview-coach guide`: the real binary's output and exit status.

use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_interview-coach");

const MD: &str = include_str!("../../../content/partnerships.md");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("guide")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("UTF-8 output")
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("UTF-8 errors")
}

/// Asserts that `record` has an `id` starting with `prefix` and a positive `line`; returns the id.
fn id_and_line<'a>(record: &'a Value, prefix: &str) -> &'a str {
    let id = record["id"].as_str().expect("an id");
    assert!(id.starts_with(prefix), "{id} starts with {prefix}");
    assert!(
        record["line"].as_u64().is_some_and(|l| l > 0),
        "{id} has a line"
    );
    id
}

#[test]
fn json_catalog_has_every_record_with_id_and_line() {
    let output = run(&["--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty());
    let catalog: Value = serde_json::from_str(stdout(&output)).expect("valid JSON");
    let categories = catalog["categories"].as_array().expect("categories");
    let partnerships = categories
        .iter()
        .find(|c| c["id"] == "partnerships")
        .expect("partnerships");
    assert_eq!(partnerships["title"], "Partnerships");
    assert_eq!(partnerships["overview"]["line"], 5);
    assert_eq!(partnerships["why"]["line"], 9);

    // Every list record, with the lines of the seed file.
    let sections = [
        ("concepts", 5, 13),
        ("questions", 10, 21),
        ("examples", 3, 34),
        ("scenarios", 2, 40),
        ("best_practices", 5, 45),
        ("mistakes", 5, 53),
    ];
    let seed_lines: Vec<&str> = MD.lines().collect();
    for (key, count, first_line) in sections {
        let records = partnerships[key].as_array().expect(key);
        assert_eq!(records.len(), count, "{key}");
        for (i, record) in records.iter().enumerate() {
            id_and_line(record, "partnerships/");
            let line = record["line"].as_u64().expect("line") as usize;
            assert_eq!(line, first_line + i, "{key}[{i}]");
            // The line really holds the record: its text (or name) is on it.
            let text = record["text"]
                .as_str()
                .or(record["name"].as_str())
                .expect("text");
            assert!(
                seed_lines[line - 1].contains(text),
                "{key}[{i}] at line {line}"
            );
        }
    }
    assert_eq!(partnerships["questions"][9]["id"], "partnerships/q10");
    assert_eq!(partnerships["questions"][9]["kind"], "behavioural");
    assert_eq!(
        partnerships["concepts"][1]["id"],
        "partnerships/co-sell-motions"
    );
    let points = partnerships["questions"][2]["talking_points"]
        .as_array()
        .expect("talking points");
    assert!((3..=6).contains(&points.len()));
    assert!(
        partnerships["lexicons"]["metrics"]
            .as_array()
            .is_some_and(|m| !m.is_empty())
    );
    assert!(partnerships["content_hash"].as_u64().is_some());
}

#[test]
fn json_of_one_category() {
    let output = run(&["partnerships", "--json"]);
    assert!(output.status.success());
    let category: Value = serde_json::from_str(stdout(&output)).expect("valid JSON");
    assert_eq!(category["id"], "partnerships");
    assert_eq!(category["scenarios"][1]["id"], "partnerships/scenario-2");
}

#[test]
fn list_and_category_guide() {
    let output = run(&[]);
    assert!(output.status.success());
    let text = stdout(&output);
    // One line per record: the id, padding, then the question or the scenario's prompt.
    let has_line = |id: &str, start: &str| {
        text.lines().any(|l| {
            l.trim_start()
                .strip_prefix(id)
                .is_some_and(|rest| rest.starts_with(' ') && rest.trim_start().starts_with(start))
        })
    };
    assert!(
        has_line("partnerships/q4", "How do you launch a co-sell motion?"),
        "{text}"
    );
    assert!(
        has_line(
            "partnerships/scenario-1",
            "Your technology alliance partner"
        ),
        "{text}"
    );

    let output = run(&["partnerships"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Partnerships\n"));
    assert!(text.contains("Mistakes to avoid\n"));
}

#[test]
fn unknown_category_exits_2_with_a_message() {
    let output = run(&["sales"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert_eq!(
        stderr(&output),
        "error: unknown category \"sales\" (known: partnerships); run `interview-coach guide` to list them\n"
    );
}

#[test]
fn content_pack_is_listed_and_its_errors_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("alliances.md"),
        MD.replacen("# Partnerships", "# Alliances", 1),
    )
    .expect("write");
    let dir_arg = dir.path().to_str().expect("UTF-8 path");

    let output = run(&["alliances", "--categories", dir_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Alliances\n"));

    std::fs::write(dir.path().join("broken.md"), "# Broken\n").expect("write");
    let output = run(&["--categories", dir_arg]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("alliances  Alliances (10 questions, 2 scenarios)"));
    let errors = stderr(&output);
    assert!(
        errors.contains("broken.md:1: missing section \"Overview\""),
        "{errors}"
    );
    assert!(errors.lines().all(|l| l.starts_with("error: ")));
}

#[test]
fn a_companion_citing_an_unknown_rule_fails_with_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("alliances.md"),
        MD.replacen("# Partnerships", "# Alliances", 1),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("alliances.toml"),
        "# Alliances\n[rules]\nmetrcs = \"mistake-1\"\n",
    )
    .expect("write");
    let dir_arg = dir.path().to_str().expect("UTF-8 path");
    let output = run(&["alliances", "--categories", dir_arg]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("alliances.toml:3: unknown rule \"metrcs\" in [rules]"),
        "{errors}"
    );
    // The category is left out, as a file that fails validation is.
    assert!(
        errors.contains("unknown category \"alliances\""),
        "{errors}"
    );
}
