//! End-to-end: rubric diagnostics of real drafts through the real binary, in both position
//! encodings, after incremental edits, and under settings from every source.

mod support;

use serde_json::{Value, json};
use support::{Options, TestClient, edit, end_position, file_uri, uri_path};

/// A draft linked to "How do you structure partner incentives?" that blames a past team and gives
/// no numbers. Accents and an emoji put UTF-8 and UTF-16 columns apart.
const DRAFT: &str = "---\ncategory: partnerships\nquestion: 3\n---\n# How do you structure partner incentives? 🤝\n\n## Context\nAt Acmé our résellers sold little.\n\n## Action\nThe previous team was incompetent and lazy.\nI redesigned the incentive tiers with the partners.\n\n## Outcome\nPartners sold more and were happier.\n";

/// The text a diagnostic's range covers, given the encoding its columns are in.
fn covered<'a>(text: &'a str, range: &Value, utf8: bool) -> &'a str {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let column = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let rest = &text[start..];
        if utf8 {
            start + column
        } else {
            let mut units = 0;
            for (i, c) in rest.char_indices() {
                if units >= column {
                    return start + i;
                }
                units += c.len_utf16();
            }
            text.len()
        }
    };
    &text[offset(&range["start"])..offset(&range["end"])]
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn by_code<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no `{code}` diagnostic in {diagnostics:#?}"))
}

/// Checks what every draft diagnostic carries: source, a rule code, a link to the rule's section
/// of `rules.md`, and related information pointing at a guide line that holds the cited text.
fn check_links(diagnostics: &[Value]) {
    for d in diagnostics {
        assert_eq!(d["source"], "interview-coach");
        let code = d["code"].as_str().unwrap();
        assert_eq!(d["data"]["rule"], code);
        let href = d["codeDescription"]["href"].as_str().unwrap();
        assert!(href.ends_with(&format!("/rules.md#{code}")), "{href}");
        let rules = std::fs::read_to_string(uri_path(href)).unwrap();
        assert!(rules.contains(&format!("\n## {code}\n")), "{code}");
        for related in d["relatedInformation"].as_array().into_iter().flatten() {
            let path = uri_path(related["location"]["uri"].as_str().unwrap());
            let guide = std::fs::read_to_string(&path).unwrap();
            let line = related["location"]["range"]["start"]["line"]
                .as_u64()
                .unwrap() as usize;
            let cited = related["message"]
                .as_str()
                .unwrap()
                .trim_start_matches("Rubric: ");
            let held = guide.lines().nth(line).unwrap_or_default();
            assert!(
                held.contains(cited),
                "line {line} of {path:?} is {held:?}, not {cited:?}"
            );
        }
    }
}

#[test]
fn a_draft_gets_linked_rubric_diagnostics_in_utf16() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/answers/incentives.md";
    client.open(uri, DRAFT, 1);
    let diagnostics = client.diagnostics(uri, 1);
    check_links(&diagnostics);
    // (code, severity, the text the range covers): draft-wide findings sit on the question
    // heading, criticism on its sentence, missing numbers on the Outcome heading.
    let heading = "# How do you structure partner incentives? 🤝";
    let expected = [
        ("structure", 3, heading),
        ("cross-functional", 2, heading),
        ("buyer-empathy", 3, heading),
        ("role-stage", 3, heading),
        ("concepts", 4, heading),
        (
            "criticism",
            2,
            "The previous team was incompetent and lazy.",
        ),
        ("metrics", 2, "## Outcome"),
    ];
    let found: Vec<(&str, i64, &str)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["severity"].as_i64().unwrap(),
                covered(DRAFT, &d["range"], false),
            )
        })
        .collect();
    assert_eq!(found, expected);

    let criticism = by_code(&diagnostics, "criticism");
    let related = &criticism["relatedInformation"][0];
    assert!(
        related["message"]
            .as_str()
            .unwrap()
            .contains("Criticizing past teams or customers")
    );
    assert_eq!(by_code(&diagnostics, "metrics")["severity"], 2);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn utf8_ranges_cover_the_same_text() {
    let (mut utf16, _) = TestClient::start_initialized(Options::default());
    let (mut utf8, result) = TestClient::start_initialized(Options {
        utf8: true,
        ..Options::default()
    });
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let uri = "file:///w/answers/incentives.md";
    utf16.open(uri, DRAFT, 1);
    utf8.open(uri, DRAFT, 1);
    let a = utf16.diagnostics(uri, 1);
    let b = utf8.diagnostics(uri, 1);
    assert_eq!(codes(&a), codes(&b));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            covered(DRAFT, &x["range"], false),
            covered(DRAFT, &y["range"], true)
        );
    }
    // The heading's emoji puts the columns of its end apart: the encodings were really used.
    assert!(a.iter().zip(&b).any(|(x, y)| x["range"] != y["range"]));
    assert_eq!(utf16.shutdown_and_exit().code(), Some(0));
    assert_eq!(utf8.shutdown_and_exit().code(), Some(0));
}

/// Types `DRAFT` into an empty document through small incremental edits (a line at a time, some
/// split mid-character run, with CRLF turned into LF afterwards by range edits), then checks the
/// diagnostics equal those of opening the final text fresh.
fn typed_matches_fresh(utf8: bool) {
    let options = Options {
        utf8,
        ..Options::default()
    };
    let (mut client, _) = TestClient::start_initialized(options);
    let typed = "file:///w/answers/typed.md";
    let fresh = "file:///w/answers/fresh.md";

    // Type the draft with CRLF line ends, a line at a time, each line in two pieces.
    let crlf = DRAFT.replace('\n', "\r\n");
    client.open(typed, "", 1);
    let mut text = String::new();
    let mut version = 1;
    for line in crlf.split_inclusive("\r\n") {
        let cut = line
            .char_indices()
            .map(|(i, _)| i)
            .nth(line.chars().count() / 2)
            .unwrap_or(0);
        for piece in [&line[..cut], &line[cut..]] {
            let at = end_position(&text, utf8);
            version += 1;
            client.change(typed, version, vec![edit(at, at, piece)]);
            text.push_str(piece);
        }
    }
    // Replace the accented word and the emoji in place, then back, in one notification.
    let emoji_line = text.split("\r\n").position(|l| l.contains('🤝')).unwrap() as u32;
    let heading = text.split("\r\n").nth(emoji_line as usize).unwrap();
    let col = |s: &str| {
        if utf8 {
            s.len() as u32
        } else {
            s.encode_utf16().count() as u32
        }
    };
    let emoji_at = col(&heading[..heading.find('🤝').unwrap()]);
    let emoji_end = emoji_at + col("🤝");
    version += 1;
    client.change(
        typed,
        version,
        vec![
            edit((emoji_line, emoji_at), (emoji_line, emoji_end), "é"),
            edit(
                (emoji_line, emoji_at),
                (emoji_line, emoji_at + col("é")),
                "🤝",
            ),
        ],
    );
    // Turn every CRLF into LF, last line first so that earlier positions stay valid.
    let lines = text.split("\r\n").count() as u32;
    for line in (0..lines.saturating_sub(1)).rev() {
        let content = text.split("\r\n").nth(line as usize).unwrap();
        let end = col(content);
        version += 1;
        client.change(typed, version, vec![edit((line, end), (line + 1, 0), "\n")]);
    }
    assert_eq!(text.replace("\r\n", "\n"), DRAFT);

    client.open(fresh, DRAFT, 1);
    let typed_diagnostics = client.diagnostics(typed, version);
    let fresh_diagnostics = client.diagnostics(fresh, 1);
    assert!(!fresh_diagnostics.is_empty());
    assert_eq!(typed_diagnostics, fresh_diagnostics);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn incremental_typing_in_utf16_matches_a_fresh_open() {
    typed_matches_fresh(false);
}

#[test]
fn incremental_typing_in_utf8_matches_a_fresh_open() {
    typed_matches_fresh(true);
}

#[test]
fn configuration_changes_relevel_and_remove_diagnostics() {
    let (mut client, _) = TestClient::start_initialized(Options {
        configuration: Some(json!({})),
        ..Options::default()
    });
    let uri = "file:///w/answers/incentives.md";
    client.open(uri, DRAFT, 1);
    let before = client.diagnostics(uri, 1);
    assert_eq!(by_code(&before, "metrics")["severity"], 2);

    client.set_configuration(json!({ "rules": { "metrics": "error", "criticism": "off" } }));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let after = client.diagnostics(uri, 1);
    assert_eq!(by_code(&after, "metrics")["severity"], 1);
    assert!(!codes(&after).contains(&"criticism"), "{after:?}");

    // A bad value keeps the settings in force: the next edit is analysed with them.
    client.set_configuration(json!({ "rules": { "metrics": "loud" } }));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    client.wait_notification("window/showMessage", |p| {
        p["message"]
            .as_str()
            .is_some_and(|m| m.contains("`rules.metrics`"))
    });
    client.change(uri, 2, vec![edit((5, 0), (5, 0), "")]);
    let kept = client.diagnostics(uri, 2);
    assert_eq!(by_code(&kept, "metrics")["severity"], 1);
    assert!(!codes(&kept).contains(&"criticism"));
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_project_file_overrides_client_settings_per_draft() {
    let workspace = tempfile::tempdir().unwrap();
    let answers = workspace.path().join("answers");
    std::fs::create_dir(&answers).unwrap();
    std::fs::write(
        answers.join(".interview-coach.toml"),
        "[rules]\nmetrics = \"off\"\n",
    )
    .unwrap();
    let inside = file_uri(&answers.join("a.md"));
    let outside = file_uri(&workspace.path().join("b.md"));

    let (mut client, _) = TestClient::start_initialized(Options {
        workspace: Some(workspace.path().to_path_buf()),
        initialization_options: Some(json!({ "rules": { "criticism": "error" } })),
        ..Options::default()
    });
    client.open(&inside, DRAFT, 1);
    client.open(&outside, DRAFT, 1);
    let inside_diagnostics = client.diagnostics(&inside, 1);
    let outside_diagnostics = client.diagnostics(&outside, 1);
    assert!(!codes(&inside_diagnostics).contains(&"metrics"));
    assert!(codes(&outside_diagnostics).contains(&"metrics"));
    // Client settings still apply where the file does not set the rule.
    assert_eq!(by_code(&inside_diagnostics, "criticism")["severity"], 1);

    // Saving a changed project file re-analyses open drafts.
    std::fs::write(
        answers.join(".interview-coach.toml"),
        "[rules]\ncriticism = \"off\"\n",
    )
    .unwrap();
    client.save(&file_uri(&answers.join(".interview-coach.toml")));
    let params = client.next_diagnostics(&inside);
    let again = params["diagnostics"].as_array().unwrap();
    assert!(codes(again).contains(&"metrics"));
    assert!(!codes(again).contains(&"criticism"));
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn hover_and_symbols_answer_on_an_open_draft() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/answers/incentives.md";
    client.open(uri, DRAFT, 1);
    client.diagnostics(uri, 1);
    // On the question heading: what the question is about.
    let hover = client
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 4, "character": 10 } }),
        )
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| !v.is_empty()),
        "{hover}"
    );
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .unwrap();
    assert!(!symbols.as_array().unwrap().is_empty(), "{symbols}");
    let lenses = client
        .request(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": uri } }),
        )
        .unwrap();
    assert!(
        lenses[0]["command"]["title"]
            .as_str()
            .unwrap()
            .starts_with("Rubric "),
        "{lenses}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn open_examples_shows_the_guide_at_the_example_answers() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/answers/incentives.md";
    client.open(uri, DRAFT, 1);
    client.diagnostics(uri, 1);
    let location = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.openExamples", "arguments": [uri] }),
        )
        .unwrap();
    let target = location["uri"].as_str().expect("a location");
    assert!(target.ends_with("/partnerships.md"), "{location}");
    let guide = std::fs::read_to_string(uri_path(target)).unwrap();
    let line = location["range"]["start"]["line"].as_u64().unwrap() as usize;
    let at = guide.lines().nth(line).unwrap();
    assert!(at.starts_with("- ") || at == "## Example Answers", "{at:?}");
    let shown = client.wait_notification("window/showDocument", |p| p["uri"] == target);
    assert_eq!(shown["selection"], location["range"]);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_published_diagnostic_gets_quick_fixes() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/answers/incentives.md";
    client.open(uri, DRAFT, 1);
    let diagnostics = client.diagnostics(uri, 1);
    let criticism = by_code(&diagnostics, "criticism").clone();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": criticism["range"],
                "context": { "diagnostics": [criticism] }
            }),
        )
        .unwrap();
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.iter().any(|t| t.contains("criticism")), "{titles:?}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
