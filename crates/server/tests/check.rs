//! End-to-end tests of `interview-coach check`: the real binary on drafts in a temporary folder.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_interview-coach");

/// Every rule id, for a settings file that turns them all off.
const RULES: &[&str] = &[
    "structure",
    "metrics",
    "activity-volume",
    "criticism",
    "cross-functional",
    "clarifying-questions",
    "buyer-empathy",
    "role-stage",
    "too-long",
    "concepts",
    "hedging",
    "ownership",
    "link",
];

/// A short draft for question 4 of Partnerships.
const DRAFT: &str = "---\ncategory: partnerships\nquestion: 4\n---\n\n# How do you launch a co-sell motion?\n\nWe had many meetings with the partner.\n";

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(BIN)
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        status: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
}

fn paths(doc: &Value) -> Vec<&str> {
    doc.as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

fn all_rules_off() -> String {
    let mut text = String::from("[rules]\n");
    for rule in RULES {
        text.push_str(&format!("{rule} = \"off\"\n"));
    }
    text
}

#[test]
fn a_folder_is_walked_in_sorted_order_skipping_hidden_and_tool_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        "answers/b.md",
        "answers/a.md",
        "answers/sub/c.md",
        "answers/notes.txt",
        "answers/.drafts/hidden.md",
        "answers/node_modules/x/readme.md",
        "answers/target/out.md",
    ] {
        write(root, name, DRAFT);
    }
    let run = run_in(
        root,
        &["--format", "json", "--deny", "never", "answers"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        paths(&json(&run)),
        ["answers/a.md", "answers/b.md", "answers/sub/c.md"]
    );
}

#[test]
fn turning_every_rule_off_gives_no_findings_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".interview-coach.toml", all_rules_off());
    write(root, "answers/q4.md", DRAFT);
    let run = run_in(
        root,
        &["--format", "json", "--deny", "hint", "answers/q4.md"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let doc = json(&run);
    assert_eq!(doc[0]["findings"].as_array().unwrap().len(), 0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn a_bad_settings_value_is_exit_2_naming_file_and_key_and_other_drafts_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "bad/.interview-coach.toml",
        "[rules]\nmetrics = \"loud\"\n",
    );
    write(root, "bad/q4.md", DRAFT);
    write(root, "good/q4.md", DRAFT);
    let run = run_in(
        root,
        &["--format", "json", "--deny", "never", "bad", "good"],
        None,
    );
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("bad/.interview-coach.toml: rules.metrics: unknown level `loud`"),
        "{}",
        run.stderr
    );
    assert_eq!(paths(&json(&run)), ["good/q4.md"]);
}

#[test]
fn an_explicit_config_overrides_the_nearest_one_and_large_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".interview-coach.toml", "word-budget = 1\n");
    write(root, "off.toml", all_rules_off());
    write(root, "q4.md", DRAFT);
    let run = run_in(
        root,
        &["--config", "off.toml", "--deny", "hint", "q4.md"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);

    write(root, "big.toml", "#".repeat(65 * 1024));
    let run = run_in(root, &["--config", "big.toml", "q4.md"], None);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("big.toml: config file is larger than 64 KiB")
    );
}

#[test]
fn missing_paths_invalid_utf8_and_folders_without_markdown_are_exit_2_with_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ok.md", DRAFT);
    write(root, "latin1.md", b"# Caf\xe9\n");
    write(root, "notes/readme.txt", "not a draft");
    let run = run_in(
        root,
        &[
            "--format",
            "json",
            "--deny",
            "never",
            "missing.md",
            "latin1.md",
            "notes",
            "ok.md",
        ],
        None,
    );
    assert_eq!(run.status, 2);
    assert_eq!(paths(&json(&run)), ["ok.md"]);
    for expected in [
        "error: missing.md: no such file or directory",
        "error: latin1.md: not valid UTF-8 (at byte 5)",
        "error: notes: no Markdown files (*.md) in this folder",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_exit_2_with_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ok.md", DRAFT);
    // A socket cannot be opened for reading, even by root (permission bits would not stop root).
    let _socket = std::os::unix::net::UnixListener::bind(root.join("socket.md")).unwrap();
    let run = run_in(root, &["--deny", "never", "socket.md", "ok.md"], None);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("error: socket.md: "), "{}", run.stderr);
    assert!(run.stdout.contains("ok.md: "), "{}", run.stdout);
    assert!(!run.stdout.contains("socket.md"), "{}", run.stdout);
}

#[test]
fn stdin_is_read_for_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(
        dir.path(),
        &["--format", "json", "--deny", "never", "-"],
        Some(DRAFT),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(paths(&json(&run)), ["<stdin>"]);
}

#[test]
fn sarif_is_a_valid_2_1_0_log() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "answers/q4.md", DRAFT);
    let run = run_in(
        root,
        &["--format", "sarif", "--deny", "never", "answers"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_valid_sarif(&json(&run));
}

#[test]
fn usage_errors_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run_in(dir.path(), &[], None).status, 2);
    assert_eq!(
        run_in(dir.path(), &["--deny", "sometimes", "x.md"], None).status,
        2
    );
    assert_eq!(
        run_in(dir.path(), &["--format", "xml", "x.md"], None).status,
        2
    );
}

#[test]
fn human_output_has_no_colour_when_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "q4.md", DRAFT);
    let plain = run_in(root, &["--deny", "never", "q4.md"], None);
    assert!(plain.stdout.contains("q4.md: "), "{}", plain.stdout);
    assert!(!plain.stdout.contains('\u{1b}'));
    let never = run_in(
        root,
        &["--color", "never", "--deny", "never", "q4.md"],
        None,
    );
    assert_eq!(never.stdout, plain.stdout);
}

/// The parts of the SARIF 2.1.0 schema consumers rely on: required properties and their types,
/// enumerated levels, 1-based regions and results that point at a described rule.
fn assert_valid_sarif(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "interview-coach");
    assert!(driver["version"].is_string());
    assert!(driver["informationUri"].as_str().unwrap().contains("://"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, RULES);
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string());
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let level = result["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.contains(' ') && !uri.contains('\\'), "{uri}");
        let region = &location["region"];
        let n = |key: &str| region[key].as_u64().unwrap();
        assert!(n("startLine") >= 1 && n("startColumn") >= 1);
        assert!(
            (n("endLine"), n("endColumn")) >= (n("startLine"), n("startColumn")),
            "{region}"
        );
        for related in result["relatedLocations"].as_array().into_iter().flatten() {
            let location = &related["physicalLocation"];
            assert!(location["artifactLocation"]["uri"].is_string());
            assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        }
    }
}

#[test]
fn an_unknown_question_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["--question", "42", "-"], Some(DRAFT));
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("unknown question `42` in category partnerships"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}
