//! Hostile workspaces and odd clients against the real binary over stdio: links to devices and
//! `/proc`, FIFOs and huge files where the server reads, drafts that produce more findings than a
//! message can carry, clients that never answer or never send `initialized`. In each case the server
//! keeps answering, its memory stays small, and it exits when its standard input closes.

mod support;

use std::path::Path;

use serde_json::json;
use support::{Options, TestClient, file_uri, replace_all};

const DRAFT: &str = "---\ncategory: partnerships\nquestion: 4\n---\n# Launching a co-sell motion\n\nI held 40 partner meetings.\n";

/// The most memory the server may hold in any case here.
const MEMORY_LIMIT_KIB: u64 = 100 * 1024;

fn pack_dir(workspace: &Path) -> std::path::PathBuf {
    let dir = workspace.join(".interview-coach/categories");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A valid pack category named `title`.
fn category(title: &str) -> String {
    include_str!("../../../content/partnerships.md").replacen(
        "# Partnerships",
        &format!("# {title}"),
        1,
    )
}

fn in_workspace(workspace: &Path) -> TestClient {
    TestClient::start_initialized(Options {
        workspace: Some(workspace.to_path_buf()),
        ..Options::default()
    })
    .0
}

/// The server still analyses a draft and answers a request, and its memory stayed under the limit.
fn still_serves_in_little_memory(client: &mut TestClient, workspace: &Path) {
    let uri = file_uri(&workspace.join("answers-check.md"));
    client.open(&uri, DRAFT, 1);
    assert!(!client.diagnostics(&uri, 1).is_empty());
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(symbols.is_ok(), "{symbols:?}");
    if let Some(peak) = client.peak_memory_kib() {
        assert!(peak < MEMORY_LIMIT_KIB, "peak memory {peak} KiB");
    }
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn refused_pack_files_are_never_read_and_the_server_still_exits_when_stdin_closes() {
    let workspace = tempfile::tempdir().unwrap();
    let dir = pack_dir(workspace.path());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.md")).unwrap();
    mkfifo(&dir.join("fifo.md"));
    mkfifo(&dir.join("sales.toml"));
    std::fs::write(dir.join("sales.md"), category("Sales")).unwrap();
    // 600 MB that takes no disk: the length is all that matters.
    std::fs::File::create(dir.join("huge.md"))
        .unwrap()
        .set_len(600 * 1024 * 1024)
        .unwrap();

    let mut client = in_workspace(workspace.path());
    for (name, message) in [
        ("zero.md", "outside the content folder"),
        ("fifo.md", "not a regular file"),
        ("sales.toml", "not a regular file"),
        ("huge.md", "too large"),
    ] {
        let uri = file_uri(&dir.join(name));
        let published = client.wait_notification("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str()
        });
        let text = published["diagnostics"].to_string();
        assert!(text.contains(message), "{name}: {text}");
    }
    // Opening the category whose companion is a FIFO validates it without reading the FIFO.
    let sales = file_uri(&dir.join("sales.md"));
    client.open(&sales, &category("Sales"), 1);
    client.sync();
    still_serves_in_little_memory(&mut client, workspace.path());
    assert_eq!(client.close_stdin().code(), Some(0));
}

#[cfg(unix)]
#[test]
fn a_settings_file_linked_to_proc_or_a_fifo_is_refused_without_reading_it_whole() {
    let workspace = tempfile::tempdir().unwrap();
    let answers = workspace.path().join("answers");
    std::fs::create_dir_all(&answers).unwrap();
    // `/proc/self/pagemap` reports 0 bytes and reads gigabytes where the kernel allows it.
    std::os::unix::fs::symlink(
        "/proc/self/pagemap",
        workspace.path().join(".interview-coach.toml"),
    )
    .unwrap();
    mkfifo(&answers.join(".interview-coach.toml"));
    let mut client = in_workspace(workspace.path());
    let uri = file_uri(&workspace.path().join("draft.md"));
    client.open(&uri, DRAFT, 1);
    let shown = client.wait_notification("window/showMessage", |p| {
        p["message"]
            .as_str()
            .is_some_and(|m| m.contains(".interview-coach.toml"))
    });
    assert!(
        shown["message"]
            .as_str()
            .unwrap()
            .contains("The file is ignored"),
        "{shown}"
    );
    assert!(!client.diagnostics(&uri, 1).is_empty());
    // A draft below the FIFO gets the workspace's file (a FIFO is not a settings file).
    let below = file_uri(&answers.join("a.md"));
    client.open(&below, DRAFT, 1);
    assert!(!client.diagnostics(&below, 1).is_empty());
    still_serves_in_little_memory(&mut client, workspace.path());
    assert_eq!(client.close_stdin().code(), Some(0));
}

#[cfg(unix)]
#[test]
fn an_existing_cache_folder_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let cache = tempfile::tempdir().unwrap();
    std::fs::set_permissions(cache.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    let (mut client, _) = TestClient::start_initialized(Options {
        cache_dir: Some(cache.path().to_path_buf()),
        ..Options::default()
    });
    // Diagnostics come after the content load, which writes the guide.
    client.open("file:///w/cache.md", DRAFT, 1);
    client.diagnostics("file:///w/cache.md", 1);
    let mode = std::fs::metadata(cache.path())
        .unwrap()
        .permissions()
        .mode()
        & 0o7777;
    assert_eq!(mode, 0o1777);
    let guide_dirs: Vec<_> = std::fs::read_dir(cache.path()).unwrap().collect();
    assert_eq!(guide_dirs.len(), 1);
    let guide = guide_dirs[0].as_ref().unwrap().path();
    let mode = std::fs::metadata(guide).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn saving_a_pack_file_again_and_again_keeps_a_bounded_cache() {
    let workspace = tempfile::tempdir().unwrap();
    let dir = pack_dir(workspace.path());
    let file = dir.join("sales.md");
    std::fs::write(&file, category("Sales 0")).unwrap();
    let mut client = in_workspace(workspace.path());
    client.wait_log("content pack loaded", 1);
    for i in 1..=12 {
        // Each save is a new catalog, so a new guide folder.
        std::fs::write(&file, category(&format!("Sales {i}"))).unwrap();
        client.save(&file_uri(&file));
        client.wait_log("content pack loaded", i + 1);
    }
    let folders = std::fs::read_dir(&client.cache_dir).unwrap().count();
    assert!(folders <= 5, "{folders} guide folders");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_categories_path_of_slash_leaves_drafts_drafts() {
    let workspace = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::start_initialized(Options {
        workspace: Some(workspace.path().to_path_buf()),
        initialization_options: Some(json!({ "categoriesPath": "/" })),
        ..Options::default()
    });
    let uri = file_uri(&workspace.path().join("answers/a.md"));
    client.open(&uri, DRAFT, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    // Rubric findings (with a rule code), not a pack file's validation errors.
    assert!(
        diagnostics.iter().any(|d| d["code"] == "metrics"),
        "{diagnostics:?}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_draft_with_thousands_of_findings_gets_the_most_severe_and_a_count_of_the_rest() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let text = format!(
        "# Hedging\n\n{}",
        "I think maybe we did it.\n\n".repeat(1500)
    );
    client.open("file:///w/many.md", &text, 1);
    let diagnostics = client.diagnostics("file:///w/many.md", 1);
    assert_eq!(diagnostics.len(), 1001);
    let last = diagnostics.last().unwrap()["message"].as_str().unwrap();
    assert!(last.contains("shows 1000 of"), "{last}");
    assert!(last.contains("left out"), "{last}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_hover_sent_before_an_edit_is_answered_against_the_text_it_was_sent_for() {
    let (mut client, _) = TestClient::start_initialized(Options::default());
    let uri = "file:///w/racing.md";
    let text = format!("{DRAFT}\nWe ran a co-selling pilot.\n");
    client.open(uri, &text, 1);
    let line = text.lines().position(|l| l.contains("co-selling")).unwrap() as u32;
    // The hover and an edit that removes the hovered word arrive together.
    let hover = json!({
        "jsonrpc": "2.0", "id": "before-edit", "method": "textDocument/hover",
        "params": { "textDocument": { "uri": uri }, "position": { "line": line, "character": 12 } }
    });
    let change = json!({
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": { "textDocument": { "uri": uri, "version": 2 },
                    "contentChanges": [replace_all("# Gone\n")] }
    });
    let mut bytes = Vec::new();
    for message in [hover, change] {
        bytes.extend(interview_framing::frame(message.to_string().as_bytes()));
    }
    client.send_raw(&bytes);
    let reply = client.wait_for("the hover", |m| m["id"] == "before-edit");
    let value = reply["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(value.contains("Co-sell motions"), "{reply}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn requests_are_answered_without_initialized() {
    let mut client = TestClient::start(Options::default());
    let result = client.request("initialize", json!({ "capabilities": {} }));
    assert!(result.is_ok(), "{result:?}");
    let uri = "file:///w/no-initialized.md";
    client.open(uri, DRAFT, 1);
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .expect("documentSymbol answers");
    assert!(symbols.is_array(), "{symbols}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_client_that_never_answers_configuration_does_not_hold_up_edits() {
    let (mut client, _) = TestClient::start_initialized(Options {
        configuration: Some(json!({})),
        ignore_configuration_requests: true,
        ..Options::default()
    });
    // Each change asks the client; with four asks pending tower-lsp took no more messages.
    for budget in 0..40 {
        client.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "interviewCoach": { "wordBudget": 100 + budget } } }),
        );
    }
    let uri = "file:///w/after-settings.md";
    client.open(uri, DRAFT, 1);
    assert!(!client.diagnostics(uri, 1).is_empty());
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(hover.is_ok(), "{hover:?}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_pack_with_ninety_thousand_synonyms_loads_after_initialize_and_is_used() {
    let workspace = tempfile::tempdir().unwrap();
    let dir = pack_dir(workspace.path());
    std::fs::write(dir.join("sales.md"), category("Sales")).unwrap();
    let many: Vec<String> = (0..90_000).map(|i| format!("\"s{i}\"")).collect();
    let companion = format!(
        "[concepts.co-sell-motions]\nsynonyms = [{}]\n",
        many.join(", ")
    );
    std::fs::write(dir.join("sales.toml"), companion).unwrap();
    let mut client = in_workspace(workspace.path());
    let uri = file_uri(&workspace.path().join("sales-draft.md"));
    let draft = DRAFT.replace("partnerships", "sales");
    client.open(&uri, &draft, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    // Linked to the pack's category: no `link` finding about an unknown category.
    assert!(
        diagnostics.iter().all(|d| d["code"] != "link"),
        "{diagnostics:?}"
    );
    assert!(!diagnostics.is_empty());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn the_server_exits_when_stdin_closes_while_a_request_to_the_client_is_unanswered() {
    let (client, _) = TestClient::start_initialized(Options {
        configuration: Some(json!({})),
        ignore_configuration_requests: true,
        ..Options::default()
    });
    // `initialized` is still waiting for the configuration the client never sends.
    assert_eq!(client.close_stdin().code(), Some(0));
}
