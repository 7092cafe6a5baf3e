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

/// The embedded category, retitled: a valid category for a content pack.
fn category_md(title: &str) -> String {
    include_str!("../../../content/partnerships.md").replacen(
        "# Partnerships",
        &format!("# {title}"),
        1,
    )
}

#[test]
fn content_pack_errors_show_in_the_category_file_and_follow_edits() {
    let workspace = tempfile::tempdir().unwrap();
    let pack = workspace.path().join(".interview-coach/categories");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(pack.join("sales.md"), category_md("Sales")).unwrap();
    let broken_text = category_md("Broken").replace("## Best Practices", "## Bestest Practices");
    std::fs::write(pack.join("broken.md"), &broken_text).unwrap();
    let broken = file_uri(&pack.join("broken.md"));

    let (mut client, _) = TestClient::start_initialized(Options {
        workspace: Some(workspace.path().to_path_buf()),
        ..Options::default()
    });
    // Published from the load, before the file is opened.
    let published = client.next_diagnostics(&broken);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    let line = broken_text
        .lines()
        .position(|l| l == "## Bestest Practices")
        .unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["range"]["start"]["line"] == line
                && d["message"].as_str().unwrap().contains("Bestest")),
        "{diagnostics:?}"
    );
    assert!(diagnostics.iter().all(|d| d["severity"] == 1));

    // The valid category is in the catalog.
    let questions = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.questions" }),
        )
        .unwrap();
    let categories: Vec<&str> = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["category"].as_str().unwrap())
        .collect();
    assert!(categories.contains(&"sales"), "{categories:?}");
    assert!(!categories.contains(&"broken"), "{categories:?}");

    // Opened, then fixed in the buffer: the errors follow the unsaved text.
    client.open(&broken, &broken_text, 1);
    assert!(!client.diagnostics(&broken, 1).is_empty());
    client.change(
        &broken,
        2,
        vec![support::replace_all(&category_md("Broken"))],
    );
    assert_eq!(
        client.diagnostics(&broken, 2),
        Vec::<serde_json::Value>::new()
    );

    // Closed without saving: the errors of the file on disk are back.
    client.close(&broken);
    let closed = client.next_diagnostics(&broken);
    assert_eq!(closed["version"], json!(null));
    assert!(!closed["diagnostics"].as_array().unwrap().is_empty());

    // Fixed on disk, opened and saved: the pack is reloaded and the category joins the catalog.
    std::fs::write(pack.join("broken.md"), category_md("Broken")).unwrap();
    client.open(&broken, &category_md("Broken"), 1);
    assert_eq!(
        client.diagnostics(&broken, 1),
        Vec::<serde_json::Value>::new()
    );
    client.save(&broken);
    client.wait_notification("window/logMessage", |p| {
        p["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("content pack loaded") && m.contains("invalid_files=0"))
    });
    let questions = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.questions" }),
        )
        .unwrap();
    assert!(
        questions
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["category"] == "broken")
    );

    // Broken on disk by another program while closed: a watched-file event reloads the pack.
    client.close(&broken);
    std::fs::write(pack.join("broken.md"), &broken_text).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": broken, "type": 2 }] }),
    );
    let reloaded = client.wait_for("errors after the watched change", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == broken.as_str()
            && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    assert_eq!(reloaded["params"]["version"], json!(null));
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn settings_files_and_packs_are_watched_when_the_client_allows_it() {
    let (mut client, _) = TestClient::start_initialized(Options {
        watch_files: true,
        initialization_options: Some(json!({ "categoriesPath": "packs/interview" })),
        ..Options::default()
    });
    let registration = client.wait_notification("client/registerCapability", |_| true);
    let registration = &registration["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(
        globs,
        [
            "**/.interview-coach.toml",
            "**/.interview-coach/categories/**",
            "**/*.md",
            "**/packs/interview/**"
        ]
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn pushed_settings_are_validated_when_the_client_cannot_be_asked() {
    // No `workspace/configuration` support: the pushed value is the configuration.
    let (mut client, _) = TestClient::start_initialized(Options::default());
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "interviewCoach": { "wordsPerMinute": 1000 } } }),
    );
    let shown = client.wait_notification("window/showMessage", |_| true);
    assert!(
        shown["message"]
            .as_str()
            .unwrap()
            .contains("`wordsPerMinute`"),
        "{shown}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
