//! End-to-end: the server's lifecycle, position encoding, document versions and settings, driven
//! through the real binary over stdio.

mod support;

use serde_json::{Value, json};
use support::{Options, TestClient, edit, end_position, file_uri, replace_all, uri_path};

#[test]
fn version_flag_prints_the_version() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_interview-coach"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("interview-coach {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn utf16_is_negotiated_when_utf8_is_not_offered() {
    let (client, result) = TestClient::start_initialized(Options::default());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(result["serverInfo"]["name"], "interview-coach");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn utf8_is_negotiated_when_offered() {
    let (client, result) = TestClient::start_initialized(Options {
        utf8: true,
        ..Options::default()
    });
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_1() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit().code(), Some(1));
}

#[test]
fn closing_stdin_ends_the_server() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    client.open("file:///w/a.md", "# A draft\n", 1);
    client.diagnostics("file:///w/a.md", 1);
    assert_eq!(client.close_stdin().code(), Some(0));
}

#[test]
fn the_guide_is_written_to_the_cache_folder() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let ready = client.wait_notification("window/logMessage", |p| {
        p["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("guide files ready"))
    });
    let message = ready["message"].as_str().unwrap();
    let dir = message.split("dir=").nth(1).unwrap().trim();
    let dir = std::path::Path::new(dir);
    assert!(dir.starts_with(&client.cache_dir), "{message}");
    let rules = std::fs::read_to_string(dir.join("rules.md")).unwrap();
    assert!(rules.contains("\n## metrics\n"));
    assert!(rules.contains("\n## criticism\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let mode = std::fs::metadata(dir.join("rules.md"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o444);
    }
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

/// A document with a NUL byte near its start is not analysed: one notice instead.
const BINARY: &str = "\u{0}\u{0}PK binary";

#[test]
fn binary_documents_get_one_notice_and_close_clears_it() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/blob.md";
    client.open(uri, BINARY, 1);
    let diagnostics = client.diagnostics(uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("binary")
    );
    assert_eq!(diagnostics[0]["source"], "interview-coach");

    client.close(uri);
    let cleared = client.next_diagnostics(uri);
    assert_eq!(cleared["diagnostics"], json!([]));
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn large_documents_are_kept_in_sync_but_not_analysed() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/big.md";
    let big = format!("# Big\n\n{}", "word ".repeat(2 * 1024 * 1024));
    client.open(uri, &big, 1);
    let diagnostics = client.diagnostics(uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0]["message"].as_str().unwrap().contains("MiB"));

    // Deleting all but the heading through an incremental edit makes it small: it is analysed,
    // so the edit was applied to the server's copy.
    let end = end_position(&big, false);
    client.change(uri, 2, vec![edit((1, 0), end, "")]);
    let diagnostics = client.diagnostics(uri, 2);
    assert!(
        diagnostics
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("MiB")),
        "{diagnostics:?}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_burst_of_edits_ends_with_the_latest_version() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/burst.md";
    client.open(uri, "# Draft\n", 1);
    client.diagnostics(uri, 1);
    // Versions alternate between binary (one notice) and text (no notice); the last is binary.
    for version in 2..=40 {
        let text = if version % 2 == 0 {
            BINARY
        } else {
            "# Draft\n"
        };
        client.change(uri, version, vec![replace_all(text)]);
    }
    let mut last = 0;
    loop {
        let published = client.next_diagnostics(uri);
        let version = published["version"].as_i64().expect("a version");
        // The same version may be published again (settings arriving re-analyse it); an older
        // one never.
        if version < last {
            client.fail(&format!("version {version} published after {last}"));
        }
        last = version;
        if version == 40 {
            let diagnostics = published["diagnostics"].as_array().unwrap();
            assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
            break;
        }
    }
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn non_markdown_documents_are_not_analysed() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    client.open_as("file:///w/notes.txt", "plaintext", BINARY, 1);
    client.open("file:///w/a.md", BINARY, 1);
    client.diagnostics("file:///w/a.md", 1);
    client.sync();
    let txt: Vec<Value> = client
        .queued()
        .into_iter()
        .filter(|m| m["params"]["uri"] == "file:///w/notes.txt")
        .collect();
    assert!(txt.is_empty(), "{txt:?}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_bad_initialization_option_is_shown_and_named() {
    let (mut client, _) = TestClient::start_initialized(Options {
        initialization_options: Some(json!({ "wordBudget": 7 })),
        ..Options::default()
    });
    let shown = client.wait_notification("window/showMessage", |_| true);
    assert_eq!(shown["type"], 1);
    assert!(
        shown["message"].as_str().unwrap().contains("`wordBudget`"),
        "{shown}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_bad_configuration_change_is_shown_and_the_last_good_settings_stay() {
    let (mut client, _) = TestClient::start_initialized(Options {
        configuration: Some(json!({ "rules": { "metrics": "error" } })),
        ..Options::default()
    });
    let uri = "file:///w/a.md";
    client.open(uri, "# A draft\n", 1);
    client.diagnostics(uri, 1);

    client.set_configuration(json!({ "rules": { "metrics": "very loud" } }));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let shown = client.wait_notification("window/showMessage", |_| true);
    assert!(
        shown["message"]
            .as_str()
            .unwrap()
            .contains("`rules.metrics`"),
        "{shown}"
    );
    assert!(
        shown["message"]
            .as_str()
            .unwrap()
            .contains("previous settings stay")
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn test_client_uri_helpers_round_trip() {
    let path = std::path::Path::new("/tmp/a b/é.md");
    assert_eq!(uri_path(&file_uri(path)), path);
    assert_eq!(end_position("a\r\nbé😀", false), (1, 4));
    assert_eq!(end_position("a\r\nbé😀", true), (1, 7));
    assert_eq!(end_position("a\rb\n", true), (2, 0));
}

#[test]
fn a_client_that_never_answers_configuration_still_gets_diagnostics() {
    let (mut client, _) = TestClient::start_initialized(Options {
        configuration: Some(json!({})),
        ignore_configuration_requests: true,
        ..Options::default()
    });
    client.wait_notification("workspace/configuration", |_| true);
    client.open("file:///w/a.md", BINARY, 1);
    assert_eq!(client.diagnostics("file:///w/a.md", 1).len(), 1);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
