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

/// A weak draft: no numbers (a warning), hedges (hints), no cross-functional work.
const WEAK: &str = "---
category: partnerships
question: 4
---

# How do you launch a co-sell motion?

We launched it with the partner and I think it maybe went well.
";

/// A draft that meets the whole rubric for question 4.
const STRONG: &str = "---
category: partnerships
question: 4
---

# How do you launch a co-sell motion?

**Context:** As head of partnerships at a Series B startup, I owned our first co-sell motion \
with a cloud marketplace partner. Our enterprise buyers wanted to buy through their existing \
cloud commitments.

**Action:** I aligned incentives with the partner's sellers, ran partner onboarding for their \
account teams, and agreed joint success metrics. I worked with marketing on a joint campaign, \
with product on the marketplace listing, and with customer success on a shared onboarding plan \
for the customer.

**Outcome:** Within two quarters, partner-sourced pipeline grew 40% and win rate in co-sold \
deals rose from 22% to 31%, with sales cycle time down 18%.

**Learning:** I learned to agree on joint success metrics before launch, so both teams measure \
the same outcome.
";

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
        let written = child.stdin.take().unwrap().write_all(text.as_bytes());
        // A run that stops on a usage error may exit before it reads its input.
        if let Err(e) = written
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            panic!("writing the draft to standard input: {e}");
        }
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

/// The findings of the first file of a JSON document.
fn findings(doc: &Value) -> &Vec<Value> {
    doc[0]["findings"].as_array().unwrap()
}

fn rules_of(doc: &Value) -> Vec<&str> {
    findings(doc)
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

/// The text a finding's byte range covers in `file`.
fn slice<'a>(file: &'a str, finding: &Value) -> &'a str {
    let start = finding["range"]["start"].as_u64().unwrap() as usize;
    let end = finding["range"]["end"].as_u64().unwrap() as usize;
    file.get(start..end)
        .unwrap_or_else(|| panic!("{start}..{end} is not a slice of the file"))
}

/// 1-based line and code-point column of a byte offset, lines ending at `\n`, `\r\n` or `\r`.
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1;
    (line as u64, before[line_start..].chars().count() as u64 + 1)
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

#[test]
fn exit_status_is_0_for_a_strong_draft_and_1_for_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "strong.md", STRONG);
    write(root, "weak.md", WEAK);
    let strong = run_in(root, &["strong.md"], None);
    assert_eq!(strong.status, 0, "{}{}", strong.stdout, strong.stderr);
    assert!(
        strong.stdout.contains("strong.md: 0 findings"),
        "{}",
        strong.stdout
    );
    let weak = run_in(root, &["weak.md"], None);
    assert_eq!(weak.status, 1, "{}{}", weak.stdout, weak.stderr);
    // The weak draft's worst finding is a warning.
    assert_eq!(
        run_in(root, &["--deny", "error", "weak.md"], None).status,
        0
    );
    assert_eq!(
        run_in(root, &["--deny", "never", "weak.md"], None).status,
        0
    );
    assert_eq!(run_in(root, &["strong.md", "weak.md"], None).status, 1);
}

#[test]
fn human_output_puts_the_caret_under_the_finding_and_cites_the_rubric_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "answers/q4.md", WEAK);
    let run = run_in(root, &["answers/q4.md"], None);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("hint[hedging]: "), "{out}");
    assert!(out.contains("warning[metrics]: "), "{out}");
    assert!(out.contains(" --> answers/q4.md:8:"), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let source = "We launched it with the partner and I think it maybe went well.";
    let underlined: Vec<String> = lines
        .windows(2)
        .filter(|w| w[0].ends_with(source))
        .map(|w| {
            let text: Vec<char> = w[0].chars().collect();
            w[1].chars()
                .enumerate()
                .filter(|(_, c)| *c == '^')
                .map(|(i, _)| text[i])
                .collect()
        })
        .collect();
    assert!(
        underlined.contains(&"I think".to_string()),
        "{underlined:?}\n{out}"
    );
    assert!(
        underlined.contains(&"maybe".to_string()),
        "{underlined:?}\n{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("= partnerships.md:")
                && l.ends_with(": Giving generic answers without numbers.")),
        "{out}"
    );
    // The rule's advice, as hover shows it, and the fixes that change the draft, not those that
    // turn the rule off.
    assert!(
        out.contains("= help: Add at least one number that shows impact"),
        "{out}"
    );
    assert!(
        out.contains("= help: fix: Insert a metric placeholder"),
        "{out}"
    );
    assert!(!out.contains("help: fix: Disable"), "{out}");
    let summary = lines.last().unwrap();
    assert!(summary.starts_with("answers/q4.md: "), "{summary}");
    for part in [
        " findings · rubric ",
        " words · ~0:",
        "linked to partnerships/q4 (front matter)",
    ] {
        assert!(summary.contains(part), "{part}: {summary}");
    }
}

#[test]
fn colour_can_be_forced_and_is_off_by_default_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "weak.md", WEAK);
    let forced = run_in(root, &["--color", "always", "weak.md"], None);
    assert!(forced.stdout.contains('\u{1b}'), "{}", forced.stdout);
    let auto = run_in(root, &["weak.md"], None);
    assert!(!auto.stdout.contains('\u{1b}'), "{}", auto.stdout);
}

#[test]
fn json_ranges_slice_the_file_and_positions_agree_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "weak.md", WEAK);
    let run = run_in(root, &["--format", "json", "weak.md"], None);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let doc = json(&run);
    assert_eq!(doc[0]["link"]["target"], "partnerships/q4");
    assert_eq!(doc[0]["link"]["via"], "front-matter");
    assert!(doc[0]["score"]["max"].as_u64().unwrap() > 0);
    assert!(doc[0]["words"].as_u64().unwrap() > 5);
    let hedges: Vec<&str> = findings(&doc)
        .iter()
        .filter(|f| f["rule"] == "hedging")
        .map(|f| slice(WEAK, f))
        .collect();
    assert_eq!(hedges, ["I think", "maybe"]);
    for f in findings(&doc) {
        let start = f["range"]["start"].as_u64().unwrap() as usize;
        let end = f["range"]["end"].as_u64().unwrap() as usize;
        let expect_start = line_column(WEAK, start);
        let expect_end = line_column(WEAK, end);
        assert_eq!(
            (
                f["start"]["line"].as_u64().unwrap(),
                f["start"]["column"].as_u64().unwrap()
            ),
            expect_start,
            "{f}"
        );
        assert_eq!(
            (
                f["end"]["line"].as_u64().unwrap(),
                f["end"]["column"].as_u64().unwrap()
            ),
            expect_end,
            "{f}"
        );
        assert!(
            ["hint", "information", "warning", "error"].contains(&f["severity"].as_str().unwrap())
        );
        assert!(!f["message"].as_str().unwrap().is_empty());
    }
    let metrics = findings(&doc)
        .iter()
        .find(|f| f["rule"] == "metrics")
        .unwrap();
    assert_eq!(metrics["cites"]["file"], "partnerships.md");
    assert_eq!(
        metrics["cites"]["text"],
        "Giving generic answers without numbers."
    );
    assert!(metrics["fixes"][0]["title"].is_string());
}

#[test]
fn sarif_results_point_at_the_findings_and_cite_the_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // `é` is one code point and one UTF-16 unit but two bytes; `😀` is two UTF-16 units.
    let text = WEAK.replace("We launched", "We 😀 launched é");
    write(root, "answers/my draft.md", &text);
    let run = run_in(root, &["--format", "sarif", "answers"], None);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let log = json(&run);
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let hedge = results.iter().find(|r| r["ruleId"] == "hedging").unwrap();
    let location = &hedge["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "answers/my%20draft.md");
    let line = text.lines().position(|l| l.contains("I think")).unwrap() + 1;
    let source_line = text.lines().nth(line - 1).unwrap();
    let utf16_column = source_line[..source_line.find("I think").unwrap()]
        .encode_utf16()
        .count()
        + 1;
    assert_eq!(location["region"]["startLine"], line);
    assert_eq!(location["region"]["startColumn"], utf16_column);
    assert_eq!(
        location["region"]["endColumn"],
        utf16_column + "I think".len()
    );
    let metrics = results.iter().find(|r| r["ruleId"] == "metrics").unwrap();
    assert_eq!(metrics["level"], "warning");
    let related = &metrics["relatedLocations"][0];
    assert_eq!(
        related["message"]["text"],
        "Giving generic answers without numbers."
    );
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "partnerships.md"
    );
}

#[test]
fn stdin_with_a_question_is_linked_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "We launched the co-sell motion and I think it went well.\n";
    let run = run_in(
        dir.path(),
        &["--format", "json", "--question", "4", "-"],
        Some(text),
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let doc = json(&run);
    assert_eq!(doc[0]["path"], "<stdin>");
    assert_eq!(doc[0]["link"]["target"], "partnerships/q4");
    assert_eq!(doc[0]["link"]["via"], "explicit");
    assert!(!rules_of(&doc).contains(&"link"), "{:?}", rules_of(&doc));
    let hedge = findings(&doc)
        .iter()
        .find(|f| f["rule"] == "hedging")
        .unwrap();
    assert_eq!(slice(text, hedge), "I think");

    let scenario = run_in(
        dir.path(),
        &[
            "--format",
            "json",
            "--question",
            "partnerships/scenario-1",
            "-",
        ],
        Some(text),
    );
    assert_eq!(
        json(&scenario)[0]["link"]["target"],
        "partnerships/scenario-1"
    );

    let unlinked = run_in(dir.path(), &["--format", "json", "-"], Some(text));
    assert!(rules_of(&json(&unlinked)).contains(&"link"));
}

#[test]
fn a_settings_file_turning_a_rule_off_removes_its_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "on/q4.md", WEAK);
    write(root, "off/q4.md", WEAK);
    write(
        root,
        "off/.interview-coach.toml",
        "[rules]\nhedging = \"off\"\nmetrics = \"error\"\n",
    );
    let run = run_in(root, &["--format", "json", "on", "off"], None);
    let doc = json(&run);
    let rules = |i: usize| -> Vec<&str> {
        doc[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect()
    };
    assert_eq!(doc[0]["path"], "on/q4.md");
    assert!(rules(0).contains(&"hedging"), "{:?}", rules(0));
    assert!(!rules(1).contains(&"hedging"), "{:?}", rules(1));
    assert!(rules(1).contains(&"metrics"), "{:?}", rules(1));
    let metrics = |i: usize| {
        doc[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "metrics")
            .unwrap()["severity"]
            .clone()
    };
    assert_eq!(metrics(0), "warning");
    assert_eq!(metrics(1), "error");
    // The raised level fails `--deny error`, which the default levels pass.
    assert_eq!(run_in(root, &["--deny", "error", "on"], None).status, 0);
    assert_eq!(run_in(root, &["--deny", "error", "off"], None).status, 1);
}

#[test]
fn crlf_and_byte_order_mark_drafts_get_correct_positions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let crlf = WEAK.replace('\n', "\r\n");
    let bom = format!("\u{feff}{WEAK}");
    write(root, "crlf.md", &crlf);
    write(root, "bom.md", &bom);
    let run = run_in(root, &["--format", "json", "crlf.md", "bom.md"], None);
    let doc = json(&run);
    for (i, text) in [(0, crlf.as_str()), (1, bom.as_str())] {
        let hedge = doc[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "hedging")
            .unwrap();
        assert_eq!(slice(text, hedge), "I think");
        let (line, _) = line_column(text, hedge["range"]["start"].as_u64().unwrap() as usize);
        assert_eq!(line, 8);
        assert_eq!(hedge["start"]["line"], 8);
        // The byte order mark is not a character of the line.
        assert_eq!(hedge["start"]["column"], 37);
        assert_eq!(hedge["end"]["column"], 44);
    }
    // Human output shows the CRLF line without a stray carriage return.
    let human = run_in(root, &["crlf.md"], None);
    assert!(!human.stdout.contains('\r'), "{:?}", human.stdout);
    assert!(
        human.stdout.contains(" --> crlf.md:8:37"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_content_pack_loads_beside_the_embedded_categories_and_its_errors_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/partnerships.md"),
    )
    .unwrap();
    write(
        root,
        "pack/sales.md",
        seed.replacen("# Partnerships", "# Sales", 1),
    );
    write(root, "pack/broken.md", "# Broken\n\nno sections\n");
    let text = "We launched it and I think it went well.\n";
    let run = run_in(
        root,
        &[
            "--categories",
            "pack",
            "--question",
            "sales/q2",
            "--format",
            "sarif",
            "-",
        ],
        Some(text),
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("broken.md:"), "{}", run.stderr);
    assert!(!run.stderr.contains("sales.md"), "{}", run.stderr);
    let log = json(&run);
    assert_valid_sarif(&log);
    let run0 = &log["runs"][0];
    assert!(
        run0["originalUriBaseIds"]["CATEGORIES"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/pack/"),
        "{}",
        run0["originalUriBaseIds"]
    );
    let metrics = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "metrics")
        .unwrap();
    let cited = &metrics["relatedLocations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(cited["uri"], "sales.md");
    assert_eq!(cited["uriBaseId"], "CATEGORIES");
}

#[test]
fn stdin_takes_its_settings_from_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "sub/.interview-coach.toml",
        "[rules]\nhedging = \"off\"\n",
    );
    let text = "We launched it and I think it went well.\n";
    let args = ["--format", "json", "--question", "4", "-"];
    let above = json(&run_in(root, &args, Some(text)));
    assert!(rules_of(&above).contains(&"hedging"));
    let inside = json(&run_in(&root.join("sub"), &args, Some(text)));
    assert!(!rules_of(&inside).contains(&"hedging"));
}

#[test]
fn the_readme_example_draft_is_checked_and_linked() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let run = run_in(
        &repo,
        &["--format", "json", "examples/answers/q4-co-sell-launch.md"],
        None,
    );
    assert!(run.status == 0 || run.status == 1, "{}", run.stderr);
    let doc = json(&run);
    assert_eq!(doc[0]["path"], "examples/answers/q4-co-sell-launch.md");
    assert_eq!(doc[0]["link"]["target"], "partnerships/q4");
}

#[test]
fn block_region_and_file_directives_turn_rules_off_where_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = "---\ncategory: partnerships\nquestion: 4\n---\n\n# How do you launch a co-sell motion?\n\n\
<!-- coach: disable-next hedging -->\nI think we launched it.\n\n\
Maybe it worked.\n\n\
<!-- coach: disable hedging -->\nProbably it did.\n<!-- coach: enable hedging -->\n\n\
I guess so.\n\n<!-- coach: disable role-stage -->\n";
    write(root, "q4.md", text);
    let doc = json(&run_in(root, &["--format", "json", "q4.md"], None));
    let hedges: Vec<&str> = findings(&doc)
        .iter()
        .filter(|f| f["rule"] == "hedging")
        .map(|f| slice(text, f))
        .collect();
    assert_eq!(hedges, ["Maybe", "I guess"]);
    assert!(!rules_of(&doc).contains(&"role-stage"));
    // The fixes list the narrowest form first: the block, then the file (added to its comment).
    let maybe = findings(&doc)
        .iter()
        .find(|f| f["rule"] == "hedging")
        .unwrap();
    let titles: Vec<&str> = maybe["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Disable `hedging` for this block",
            "Disable `hedging` for this file"
        ]
    );
    assert_eq!(maybe["fixes"][1]["edits"][0]["new_text"], ", hedging");
}

/// Runs the check with `stdin` written from another thread, ignoring a closed pipe: the checker
/// may stop reading at its limit.
fn run_with_stdin(dir: &Path, args: &[&str], stdin: Vec<u8>) -> Run {
    let mut child = Command::new(BIN)
        .arg("check")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        status: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// A folder of drafts that differ: strong, weak, CRLF, unlinked, long and empty ones.
fn varied_drafts(root: &Path) {
    for i in 0..12 {
        write(root, &format!("answers/strong-{i:02}.md"), STRONG);
        write(root, &format!("answers/weak-{i:02}.md"), WEAK);
        write(
            root,
            &format!("answers/crlf-{i:02}.md"),
            WEAK.replace('\n', "\r\n"),
        );
        write(
            root,
            &format!("answers/more/long-{i:02}.md"),
            STRONG.repeat(1 + i),
        );
    }
    write(root, "answers/empty.md", "");
    write(root, "answers/unlinked.md", "I think we did well.\n");
    // Thousands of findings in one draft: rendered in parallel chunks.
    write(
        root,
        "answers/many-findings.md",
        "I think we grew. ".repeat(1500) + "\n\n" + &"I think so.\n".repeat(1500),
    );
}

#[test]
fn output_is_the_same_byte_for_byte_on_one_thread_and_on_all() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    varied_drafts(root);
    for format in ["human", "json", "jsonl", "sarif"] {
        let one = run_in(root, &["--format", format, "--jobs", "1", "answers"], None);
        let all = run_in(root, &["--format", format, "answers"], None);
        let four = run_in(root, &["--format", format, "-j", "4", "answers"], None);
        assert_eq!(one.status, 1, "{format}: {}", one.stderr);
        assert!(one.stdout.len() > 10_000, "{format}: {}", one.stdout);
        assert_eq!(one.stdout, all.stdout, "{format}");
        assert_eq!(one.stdout, four.stdout, "{format}");
        assert_eq!(
            (one.status, &one.stderr),
            (all.status, &all.stderr),
            "{format}"
        );
    }
}

#[test]
fn jsonl_writes_one_object_per_draft_with_the_fields_of_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    varied_drafts(root);
    let lines = run_in(root, &["--format", "jsonl", "answers"], None);
    let doc = json(&run_in(root, &["--format", "json", "answers"], None));
    let objects: Vec<Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 51);
    assert_eq!(&Value::Array(objects), &doc);
}

/// The output lines of `--input jsonl`, parsed.
fn result_lines(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn json_lines_records_each_get_one_line_in_order_whatever_is_wrong_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let text = serde_json::to_string(WEAK).unwrap();
    let oversized = "a".repeat(8 * 1024 * 1024 + 1);
    let input = [
        format!(r#"{{"id": "a", "text": {text}}}"#),
        r#"{"id": "b", "text": "#.to_string(),
        r#"{"id": "c"}"#.to_string(),
        format!(r#"{{"id": "d", "text": "{oversized}"}}"#),
        format!(r#"{{"id": 5, "text": {text}, "question": "partnerships/q2"}}"#),
        format!(r#"{{"id": "f", "text": {text}, "question": "99"}}"#),
        String::new(),
        format!(r#"{{"id": "h", "text": {text}}}"#),
    ]
    .join("\r\n");
    // The stream ends mid-record: the last line has no line end and is cut short.
    let input = format!("{input}\r\n{{\"id\": \"i\", \"te");
    let run = run_with_stdin(
        dir.path(),
        &["--input", "jsonl", "--deny", "never"],
        input.into_bytes(),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let out = result_lines(&run);
    assert_eq!(out.len(), 9, "{}", run.stdout);
    for (i, line) in out.iter().enumerate() {
        assert_eq!(line["line"], i as u64 + 1, "{line}");
    }
    let ids: Vec<&Value> = out.iter().map(|l| &l["id"]).collect();
    let expected_ids = [
        "a".into(),
        Value::Null,
        "c".into(),
        "d".into(),
        5.into(),
        "f".into(),
        Value::Null,
        "h".into(),
        Value::Null,
    ];
    assert_eq!(ids, expected_ids.iter().collect::<Vec<_>>());
    let error = |i: usize| out[i]["error"].as_str().unwrap_or_default();
    for (i, expected) in [
        (1, "not valid JSON"),
        (2, "no `text`"),
        (3, "larger than the limit of 8 MiB"),
        (5, "unknown question `99`"),
        (6, "empty line"),
        (8, "not valid JSON"),
    ] {
        assert!(error(i).contains(expected), "line {}: {}", i + 1, out[i]);
        assert!(out[i].get("findings").is_none());
    }
    // The good records are checked, with the ranges and positions of `--format json`.
    let single = json(&run_in(dir.path(), &["--format", "json", "-"], Some(WEAK)));
    for i in [0, 7] {
        assert!(out[i].get("error").is_none(), "{}", out[i]);
        assert_eq!(out[i]["findings"], single[0]["findings"]);
        assert_eq!(out[i]["link"]["target"], "partnerships/q4");
    }
    assert_eq!(out[4]["link"]["target"], "partnerships/q2");
    assert_eq!(out[4]["link"]["via"], "explicit");
}

#[test]
fn empty_json_lines_input_gives_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_with_stdin(dir.path(), &["--input", "jsonl"], Vec::new());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn json_lines_input_takes_no_paths_and_writes_only_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["--input", "jsonl", "a.md"], Some(""));
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("takes no PATH"), "{}", run.stderr);
    let run = run_in(
        dir.path(),
        &["--input", "jsonl", "--format", "human"],
        Some(""),
    );
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("JSON lines only"), "{}", run.stderr);
}

#[test]
fn a_record_is_answered_before_the_next_one_is_written() {
    // A stream processor may hold its pipe open and write records as they arrive: each must be
    // answered without waiting for more input (records are checked in batches only when several
    // are already read).
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["check", "--input", "jsonl", "--deny", "never"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines_tx, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines() {
            let _ = lines_tx.send(line.unwrap());
        }
    });
    let text = serde_json::to_string(WEAK).unwrap();
    for id in 0..3 {
        writeln!(stdin, r#"{{"id": {id}, "text": {text}}}"#).unwrap();
        stdin.flush().unwrap();
        // A guard against hanging, not a measure of speed: the answer comes long before.
        let line = lines
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no answer to record {id} while the input stays open"));
        let record: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(record["id"], id, "{line}");
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

#[test]
fn a_record_over_the_line_limit_is_skipped_without_losing_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = b"{\"id\": 1, \"text\": \"".to_vec();
    input.resize(input.len() + 17 * 1024 * 1024, b'a');
    input.extend_from_slice(b"\"}\n{\"id\": 2, \"text\": \"I think so.\"}\n");
    let run = run_with_stdin(dir.path(), &["--input", "jsonl", "--deny", "never"], input);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let out = result_lines(&run);
    assert_eq!(out.len(), 2, "{}", run.stdout);
    assert!(
        out[0]["error"]
            .as_str()
            .unwrap()
            .contains("larger than the limit of 16 MiB"),
        "{}",
        out[0]
    );
    assert_eq!(out[1]["id"], 2);
    assert!(out[1]["findings"].is_array());
}

#[test]
fn standard_input_over_the_draft_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 300 MB would abort an unbounded read; the limit stops reading just past 8 MiB.
    let run = run_with_stdin(
        dir.path(),
        &["--format", "json", "-"],
        vec![b'a'; 300 * 1024 * 1024],
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: <stdin>: larger than the limit of 8 MiB; not checked"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "[]\n");
}

#[test]
fn a_draft_over_the_limit_is_refused_and_the_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "answers/a.md", DRAFT);
    write(root, "answers/big.md", "a".repeat(8 * 1024 * 1024 + 1));
    write(root, "answers/c.md", DRAFT);
    let run = run_in(
        root,
        &["--format", "json", "--deny", "never", "answers"],
        None,
    );
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("answers/big.md: larger than the limit of 8 MiB; not checked"),
        "{}",
        run.stderr
    );
    assert_eq!(paths(&json(&run)), ["answers/a.md", "answers/c.md"]);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_without_blocking_and_the_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ok.md", DRAFT);
    mkfifo(&root.join("fifo.md"));
    let run = run_in(
        root,
        &[
            "--format",
            "json",
            "--deny",
            "never",
            "/dev/zero",
            "fifo.md",
            "ok.md",
        ],
        None,
    );
    assert_eq!(run.status, 2);
    for name in ["/dev/zero", "fifo.md"] {
        assert!(
            run.stderr
                .contains(&format!("error: {name}: not a regular file")),
            "{name}: {}",
            run.stderr
        );
    }
    assert_eq!(paths(&json(&run)), ["ok.md"]);
}

#[cfg(unix)]
#[test]
fn links_in_a_folder_to_devices_fifos_and_proc_files_are_bounded_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "answers/ok.md", DRAFT);
    mkfifo(&root.join("fifo"));
    let link = |target: &Path, name: &str| {
        std::os::unix::fs::symlink(target, root.join("answers").join(name)).unwrap()
    };
    link(Path::new("/dev/zero"), "zero.md");
    link(&root.join("fifo"), "fifo.md");
    // Reports 0 bytes and holds gigabytes.
    let pagemap = Path::new("/proc/self/pagemap");
    if pagemap.exists() {
        link(pagemap, "pagemap.md");
    }
    let run = run_in(
        root,
        &["--format", "json", "--deny", "never", "answers"],
        None,
    );
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("answers/zero.md: not a regular file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("answers/fifo.md: not a regular file"),
        "{}",
        run.stderr
    );
    if pagemap.exists() {
        // Unreadable for some users, larger than the limit for others: refused either way.
        assert!(
            run.stderr.contains("answers/pagemap.md: "),
            "{}",
            run.stderr
        );
    }
    assert_eq!(paths(&json(&run)), ["answers/ok.md"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_as_settings_file_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ok.md", DRAFT);
    mkfifo(&root.join("settings.toml"));
    let run = run_in(root, &["--config", "settings.toml", "ok.md"], None);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("settings.toml: not a regular file"),
        "{}",
        run.stderr
    );
    // The nearest settings file is a FIFO too: refused, not skipped.
    mkfifo(&root.join(".interview-coach.toml"));
    let run = run_in(root, &["ok.md"], None);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains(".interview-coach.toml: not a regular file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_long_line_with_many_findings_gets_true_columns_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Thousands of hedges on one line of about 34 KB: longer than the part of a line the human
    // format shows.
    let line = "I think we grew. ".repeat(2_000);
    write(root, "long.md", format!("{line}\n"));
    let doc = json(&run_in(
        root,
        &["--format", "json", "--deny", "never", "long.md"],
        None,
    ));
    let hedges: Vec<&Value> = findings(&doc)
        .iter()
        .filter(|f| f["rule"] == "hedging")
        .collect();
    assert_eq!(hedges.len(), 2_000);
    let last = hedges.last().unwrap();
    let start = last["range"]["start"].as_u64().unwrap();
    assert_eq!(last["start"]["line"], 1);
    assert_eq!(last["start"]["column"], start + 1);
    let human = run_in(root, &["--deny", "never", "long.md"], None);
    assert!(
        human
            .stdout
            .contains(&format!(" --> long.md:1:{}\n", start + 1)),
        "the last hedge's column"
    );
    let sarif = json(&run_in(
        root,
        &["--format", "sarif", "--deny", "never", "long.md"],
        None,
    ));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let columns: Vec<u64> = results
        .iter()
        .filter(|r| r["ruleId"] == "hedging")
        .map(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startColumn"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(columns.last(), Some(&(start + 1)));
}
