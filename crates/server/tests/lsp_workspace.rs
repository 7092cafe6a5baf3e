//! End-to-end: commands, project settings files and the guide, through the real binary.

mod support;

use serde_json::json;
use support::{Options, TestClient, edit, file_uri, uri_path};

#[test]
fn open_guide_asks_the_client_to_show_the_guide() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let result = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.openGuide", "arguments": [] }),
        )
        .unwrap();
    let uri = result.as_str().expect("a URI").to_string();
    assert!(uri.ends_with("/rules.md"), "{uri}");
    assert!(uri_path(&uri).starts_with(&client.cache_dir));
    assert!(uri_path(&uri).is_file());
    let shown = client.wait_notification("window/showDocument", |p| p["uri"] == uri.as_str());
    assert_eq!(shown["takeFocus"], true);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn commands_check_their_arguments() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let unknown = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.nope", "arguments": [] }),
        )
        .unwrap_err();
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .contains("interviewCoach.nope")
    );
    let no_id = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.newDraft", "arguments": [] }),
        )
        .unwrap_err();
    assert_eq!(no_id["code"], -32602);
    let not_open = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.score", "arguments": ["file:///w/none.md"] }),
        )
        .unwrap();
    assert_eq!(not_open, json!(null));
    let questions = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.questions" }),
        )
        .unwrap();
    assert!(questions.is_array());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_bad_project_file_is_reported_once_and_ignored() {
    let workspace = tempfile::tempdir().unwrap();
    let project = workspace.path().join(".interview-coach.toml");
    std::fs::write(&project, "[rules]\nmetrics = \"loud\"\n").unwrap();
    std::fs::create_dir(workspace.path().join("answers")).unwrap();
    let draft = file_uri(&workspace.path().join("answers/a.md"));

    let (mut client, _) = TestClient::start_initialized(Options {
        workspace: Some(workspace.path().to_path_buf()),
        ..Options::default()
    });
    client.open(&draft, "# A draft\n", 1);
    let shown = client.wait_notification("window/showMessage", |_| true);
    let message = shown["message"].as_str().unwrap();
    assert!(message.contains(".interview-coach.toml"), "{message}");
    assert!(message.contains("`rules.metrics`"), "{message}");
    client.diagnostics(&draft, 1);

    // The file has not changed: typing does not report it again.
    client.change(&draft, 2, vec![edit((0, 9), (0, 9), " more")]);
    client.diagnostics(&draft, 2);
    client.sync();
    let again: Vec<_> = client
        .queued()
        .into_iter()
        .filter(|m| m["method"] == "window/showMessage")
        .collect();
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
