//! End-to-end: the quick fixes the language server offers are the engine's fixes, exactly the
//! ones `check --format json` lists, and directives turn rules off over LSP as in `check`.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use support::{Options, TestClient, file_uri, line_starts};

const BIN: &str = env!("CARGO_BIN_EXE_interview-coach");

/// The labelled drafts.
fn drafts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/drafts")
}

/// The byte offset of a UTF-16 LSP position (exact: the server sends valid positions).
fn offset(text: &str, position: &Value) -> usize {
    let starts = line_starts(text);
    let line = position["line"].as_u64().unwrap() as usize;
    let mut units = position["character"].as_u64().unwrap() as usize;
    let start = starts[line];
    for (i, c) in text[start..].char_indices() {
        if units == 0 {
            return start + i;
        }
        units = units.saturating_sub(c.len_utf16());
    }
    text.len()
}

/// A fix as (title, [(start, end, new text)]).
type Edits = (String, Vec<(usize, usize, String)>);

/// The fixes of a `check --format json` finding.
fn json_fixes(finding: &Value) -> Vec<Edits> {
    finding["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|fix| {
            let edits = fix["edits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["range"]["start"].as_u64().unwrap() as usize,
                        e["range"]["end"].as_u64().unwrap() as usize,
                        e["new_text"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (fix["title"].as_str().unwrap().to_string(), edits)
        })
        .collect()
}

/// The code actions of one diagnostic as byte-range edits of `text`.
fn actions(client: &mut TestClient, uri: &str, text: &str, diagnostic: &Value) -> Vec<Edits> {
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": diagnostic["range"],
                "context": { "diagnostics": [diagnostic] }
            }),
        )
        .unwrap();
    actions
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            let changes = &a["edit"]["changes"][uri];
            let edits = changes
                .as_array()
                .expect("edits for the document")
                .iter()
                .map(|e| {
                    (
                        offset(text, &e["range"]["start"]),
                        offset(text, &e["range"]["end"]),
                        e["newText"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (a["title"].as_str().unwrap().to_string(), edits)
        })
        .collect()
}

#[test]
fn code_actions_carry_exactly_the_fixes_check_lists_for_every_labelled_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(drafts_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "README.md")
        .collect();
    names.sort();
    assert!(names.len() >= 40, "{names:?}");
    for name in &names {
        std::fs::copy(drafts_dir().join(name), dir.path().join(name)).unwrap();
    }
    let out = Command::new(BIN)
        .args(["check", "--format", "json", "--deny", "never", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Value = serde_json::from_slice(&out.stdout).unwrap();

    let (mut client, _) = TestClient::start_initialized(Options::default());
    let mut compared = 0;
    for name in &names {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let uri = file_uri(&path);
        let file = files
            .as_array()
            .unwrap()
            .iter()
            .find(|f| Path::new(f["path"].as_str().unwrap()).file_name() == Some(name.as_ref()))
            .unwrap_or_else(|| panic!("{name} not in check's output"));
        let findings = file["findings"].as_array().unwrap();
        client.open(&uri, &text, 1);
        let diagnostics = client.diagnostics(&uri, 1);
        assert_eq!(diagnostics.len(), findings.len(), "{name}");
        for diagnostic in &diagnostics {
            let start = offset(&text, &diagnostic["range"]["start"]);
            let end = offset(&text, &diagnostic["range"]["end"]);
            let finding = findings
                .iter()
                .find(|f| {
                    f["rule"] == diagnostic["code"]
                        && f["message"] == diagnostic["message"]
                        && f["range"]["start"] == start
                        && f["range"]["end"] == end
                })
                .unwrap_or_else(|| panic!("{name}: no finding for {diagnostic}"));
            let expected = json_fixes(finding);
            assert!(
                !expected.is_empty(),
                "{name}: every finding can be turned off"
            );
            // As published (fixes read back from `data`), and as a client that drops `data` sends it.
            let mut without_data = diagnostic.clone();
            without_data.as_object_mut().unwrap().remove("data");
            for sent in [diagnostic, &without_data] {
                assert_eq!(
                    actions(&mut client, &uri, &text, sent),
                    expected,
                    "{name}: {}",
                    diagnostic["message"]
                );
            }
            compared += 1;
        }
        client.close(&uri);
    }
    assert!(compared > 100, "{compared} findings compared");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn block_and_region_directives_turn_rules_off_over_lsp() {
    let text = "---\r\ncategory: partnerships\r\nquestion: 4\r\n---\r\n\r\n# How do you launch a co-sell motion?\r\n\r\n<!-- coach: disable-next hedging -->\r\nI think we launched it.\r\n\r\nMaybe it worked.\r\n\r\n<!-- coach: disable hedging -->\r\nProbably it did.\r\n<!-- coach: enable hedging -->\r\n\r\nI guess so.\r\n";
    let uri = "file:///w/answers/q4.md";
    let (mut client, _) = TestClient::start_initialized(Options::default());
    client.open(uri, text, 1);
    let diagnostics = client.diagnostics(uri, 1);
    let hedges: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["code"] == "hedging")
        .map(|d| &text[offset(text, &d["range"]["start"])..offset(text, &d["range"]["end"])])
        .collect();
    assert_eq!(hedges, ["Maybe", "I guess"]);
    // The narrowest form comes first, and applying it turns that hedge off.
    let maybe = diagnostics.iter().find(|d| d["code"] == "hedging").unwrap();
    let offered = actions(&mut client, uri, text, maybe);
    assert_eq!(offered[0].0, "Disable `hedging` for this block");
    let (start, end, new_text) = &offered[0].1[0];
    let fixed = format!("{}{new_text}{}", &text[..*start], &text[*end..]);
    assert!(
        fixed.contains("<!-- coach: disable-next hedging -->\r\nMaybe"),
        "{fixed}"
    );
    client.change(uri, 2, vec![json!({ "text": fixed })]);
    let after = client.diagnostics(uri, 2);
    let hedges: Vec<&str> = after
        .iter()
        .filter(|d| d["code"] == "hedging")
        .map(|d| &fixed[offset(&fixed, &d["range"]["start"])..offset(&fixed, &d["range"]["end"])])
        .collect();
    assert_eq!(hedges, ["I guess"]);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
