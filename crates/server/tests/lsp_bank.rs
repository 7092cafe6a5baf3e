//! End-to-end over stdio: the answer bank in the editor, over a copy of the fixture bank in
//! `tests/fixtures/bank` (drafted, undrafted, duplicate and unlinked drafts, a scenario and a
//! content-pack category): `interviewCoach.bank` compared with `interview-coach bank --format
//! json`, `workspace/symbol`, `workspace/diagnostic` and files changed on disk.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use support::{Options, TestClient, file_uri};

const BIN: &str = env!("CARGO_BIN_EXE_interview-coach");

/// Where the copy keeps the content pack: the server's default `categoriesPath`, a hidden folder
/// that the walk for drafts skips.
const PACK: &str = ".interview-coach/categories";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bank")
}

/// A private copy of the fixture bank: `answers/` and the pack in [`PACK`].
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    for (from, to) in [("answers", "answers"), ("pack", PACK)] {
        std::fs::create_dir_all(root.join(to)).unwrap();
        for entry in std::fs::read_dir(fixture().join(from)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), root.join(to).join(entry.file_name())).unwrap();
        }
    }
    (dir, root)
}

/// `interview-coach bank --format json answers` in `root`, with the pack loaded.
fn cli_bank(root: &Path) -> Value {
    let out = Command::new(BIN)
        .args(["bank", "--format", "json", "--categories", PACK, "answers"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn start(root: &Path) -> TestClient {
    let options = Options {
        workspace: Some(root.to_path_buf()),
        ..Options::default()
    };
    TestClient::start_initialized(options).0
}

fn bank(client: &mut TestClient, arguments: Value) -> Result<Value, Value> {
    client.request(
        "workspace/executeCommand",
        json!({ "command": "interviewCoach.bank", "arguments": arguments }),
    )
}

/// Every draft object of a bank (under items and in `unlinked`).
fn drafts(bank: &Value) -> Vec<&Value> {
    let items = bank["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap())
        .flat_map(|i| i["drafts"].as_array().unwrap());
    items.chain(bank["unlinked"].as_array().unwrap()).collect()
}

/// The bank without the `uri` of each draft.
fn without_uris(mut bank: Value) -> Value {
    for category in bank["categories"].as_array_mut().unwrap() {
        for item in category["items"].as_array_mut().unwrap() {
            for draft in item["drafts"].as_array_mut().unwrap() {
                draft.as_object_mut().unwrap().remove("uri");
            }
        }
    }
    for unlinked in bank["unlinked"].as_array_mut().unwrap() {
        unlinked.as_object_mut().unwrap().remove("uri");
    }
    bank
}

fn item<'a>(bank: &'a Value, id: &str) -> &'a Value {
    bank["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap())
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in {bank}"))
}

#[cfg(target_os = "linux")]
#[test]
fn the_index_analyses_at_the_lowest_thread_priority() {
    let (_dir, root) = workspace();
    let mut client = start(&root);
    // The bank waits for the index, so its threads are running by then (a waiting request has
    // it analyse on every core, in its own pool).
    bank(&mut client, json!([])).unwrap();
    assert_eq!(client.thread_niceness("coach-index"), [19]);
    let pool = client.thread_niceness("coach-index-0");
    assert_eq!(pool, [19]);
    // The rest of the server keeps the priority it was started with (this test's, which
    // `nice cargo test` raises).
    let own = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let own: i64 = own
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .nth(16)
        .unwrap()
        .parse()
        .unwrap();
    let others = client.thread_niceness("interview-coach");
    assert!(
        !others.is_empty() && others.iter().all(|&n| n == own),
        "{others:?}, started at {own}"
    );
    client.shutdown_and_exit();
}

#[test]
fn the_bank_command_is_advertised() {
    let (_dir, root) = workspace();
    let options = Options {
        workspace: Some(root),
        ..Options::default()
    };
    let (client, init) = TestClient::start_initialized(options);
    let commands = &init["capabilities"]["executeCommandProvider"]["commands"];
    assert!(
        commands
            .as_array()
            .unwrap()
            .contains(&json!("interviewCoach.bank")),
        "{commands}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn the_bank_command_returns_the_json_of_bank_with_each_drafts_uri() {
    let (_dir, root) = workspace();
    let expected = cli_bank(&root);
    let mut client = start(&root);
    let result = bank(&mut client, json!([])).unwrap();

    // Every draft carries its file URI next to its path.
    let all = drafts(&result);
    assert_eq!(all.len(), 7, "{result}");
    for draft in &all {
        let path = draft["path"].as_str().unwrap();
        assert_eq!(draft["uri"], file_uri(&root.join(path)), "{draft}");
    }
    // Otherwise exactly what the command line prints.
    assert_eq!(without_uris(result), expected);

    // The same with a category, and an unknown one is a clear error.
    let sales = bank(&mut client, json!([{ "category": "sales" }])).unwrap();
    let ids: Vec<&str> = sales["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sales"]);
    let unknown = bank(&mut client, json!([{ "category": "nope" }])).unwrap_err();
    assert_eq!(unknown["code"], -32602);
    assert!(
        unknown["message"].as_str().unwrap().contains("`nope`"),
        "{unknown}"
    );
    let bad = bank(&mut client, json!(["sales"])).unwrap_err();
    assert_eq!(bad["code"], -32602);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn open_drafts_count_with_their_text_in_the_editor() {
    let (_dir, root) = workspace();
    let mut client = start(&root);
    let path = root.join("answers/q7-commitment.md");
    let uri = file_uri(&path);
    let before = bank(&mut client, json!([])).unwrap();
    let words = |bank: &Value| item(bank, "partnerships/q7")["drafts"][0]["words"].clone();
    let on_disk = words(&before);

    // Unsaved text in the editor: a longer answer, and a note that now names its question.
    let text = format!(
        "{}\nWe now ask every partner for a joint business plan with named owners, a first \
         deal target and a date, and we stop investing when the plan slips twice.\n",
        std::fs::read_to_string(&path).unwrap()
    );
    client.open(&uri, &text, 1);
    let notes = root.join("answers/notes.md");
    client.open(
        &file_uri(&notes),
        "---\ncategory: partnerships\nquestion: 2\n---\n\n# Viability\n\nA shared customer.\n",
        1,
    );
    let after = bank(&mut client, json!([])).unwrap();
    let in_editor = words(&after);
    assert!(
        in_editor.as_u64().unwrap() > on_disk.as_u64().unwrap(),
        "{on_disk} then {in_editor}"
    );
    assert_eq!(item(&after, "partnerships/q7")["drafts"][0]["uri"], uri);
    let q2 = item(&after, "partnerships/q2");
    assert_eq!(q2["drafts"][0]["path"], "answers/notes.md", "{q2}");
    assert!(after["unlinked"].as_array().unwrap().is_empty(), "{after}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

fn symbols(client: &mut TestClient, query: &str) -> Vec<Value> {
    client
        .request("workspace/symbol", json!({ "query": query }))
        .unwrap()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn names(symbols: &[Value]) -> Vec<String> {
    symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

fn folders_event(added: &[&Path], removed: &[&Path]) -> Value {
    let folders = |paths: &[&Path]| -> Vec<Value> {
        paths
            .iter()
            .map(|p| json!({ "uri": file_uri(p), "name": "folder" }))
            .collect()
    };
    json!({ "event": { "added": folders(added), "removed": folders(removed) } })
}

#[test]
fn workspace_folders_added_and_removed_are_indexed_and_forgotten() {
    let (_dir, root) = workspace();
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(other.join("answers")).unwrap();
    std::fs::write(
        other.join("answers/elsewhere.md"),
        "---\ncategory: partnerships\nquestion: 3\n---\n# Elsewhere\n\nI ran the channel.\n",
    )
    .unwrap();
    let options = Options {
        workspace: Some(root.clone()),
        ..Options::default()
    };
    let (mut client, init) = TestClient::start_initialized(options);
    assert_eq!(
        init["capabilities"]["workspace"]["workspaceFolders"],
        json!({ "supported": true, "changeNotifications": true })
    );
    assert_eq!(symbols(&mut client, "").len(), 7);

    client.notify(
        "workspace/didChangeWorkspaceFolders",
        folders_event(&[&other], &[]),
    );
    assert_eq!(names(&symbols(&mut client, "elsewhere")).len(), 1);
    assert_eq!(symbols(&mut client, "").len(), 8);

    // The first folder goes: its drafts go with it, and the pack is read from the new first one.
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        folders_event(&[], &[&root]),
    );
    let left = symbols(&mut client, "");
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["containerName"], "answers/elsewhere.md");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn workspace_symbols_find_drafts_by_question_id_and_title() {
    let (_dir, root) = workspace();
    let mut client = start(&root);
    let init = client.request("workspace/symbol", json!({ "query": "" }));
    let all = init.unwrap();
    assert_eq!(all.as_array().unwrap().len(), 7, "{all}");

    // By question id: both drafts of q1, in path order, each a file symbol at its start.
    let q1 = symbols(&mut client, "partnerships/q1 ");
    assert_eq!(q1.len(), 2, "{q1:?}");
    for symbol in &q1 {
        let name = symbol["name"].as_str().unwrap();
        assert!(
            name.starts_with("partnerships/q1 How do you identify good strategic partners"),
            "{name}"
        );
        assert_eq!(symbol["kind"], 1);
        let path = symbol["containerName"].as_str().unwrap();
        assert_eq!(symbol["location"]["uri"], file_uri(&root.join(path)));
    }
    assert_eq!(q1[0]["containerName"], "answers/q1-first-try.md");

    // By words of the title, in any letter case; a scenario by its prompt's words too.
    let co_sell = names(&symbols(&mut client, "CO-SELL motion"));
    assert_eq!(co_sell.len(), 1, "{co_sell:?}");
    assert!(co_sell[0].starts_with("partnerships/q4 "), "{co_sell:?}");
    let scenario = names(&symbols(&mut client, "scenario-1"));
    assert_eq!(scenario.len(), 1, "{scenario:?}");
    // A draft that names no question is found by its path; nothing matches nonsense.
    assert_eq!(names(&symbols(&mut client, "notes")), ["answers/notes.md"]);
    assert!(symbols(&mut client, "zzz-no-such-draft").is_empty());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

fn pull(client: &mut TestClient, previous: &[(String, String)]) -> Vec<Value> {
    let previous: Vec<Value> = previous
        .iter()
        .map(|(uri, id)| json!({ "uri": uri, "value": id }))
        .collect();
    let report = client
        .request(
            "workspace/diagnostic",
            json!({ "previousResultIds": previous }),
        )
        .unwrap();
    report["items"].as_array().cloned().unwrap()
}

fn report_for<'a>(items: &'a [Value], uri: &str) -> Option<&'a Value> {
    items.iter().find(|i| i["uri"] == uri)
}

fn result_ids(items: &[Value]) -> Vec<(String, String)> {
    items
        .iter()
        .filter_map(|i| {
            Some((
                i["uri"].as_str()?.to_string(),
                i["resultId"].as_str()?.to_string(),
            ))
        })
        .collect()
}

fn rules(report: &Value) -> Vec<String> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn workspace_diagnostics_cover_unopened_drafts_with_result_ids() {
    let (_dir, root) = workspace();
    let mut client = start(&root);
    let init_caps = client.request("workspace/symbol", json!({ "query": "" }));
    assert!(init_caps.is_ok());
    let items = pull(&mut client, &[]);
    assert_eq!(items.len(), 7, "{items:?}");
    for item in &items {
        assert_eq!(item["kind"], "full", "{item}");
        assert!(item["resultId"].is_string(), "{item}");
    }
    let weak = file_uri(&root.join("answers/q1-first-try.md"));
    let weak_rules = rules(report_for(&items, &weak).unwrap());
    assert!(
        weak_rules.contains(&"activity-volume".to_string())
            || weak_rules.contains(&"structure".to_string()),
        "{weak_rules:?}"
    );
    let notes = file_uri(&root.join("answers/notes.md"));
    assert!(rules(report_for(&items, &notes).unwrap()).contains(&"link".to_string()));

    // Nothing changed: every draft is reported unchanged with the same id.
    let ids = result_ids(&items);
    let again = pull(&mut client, &ids);
    assert_eq!(again.len(), 7);
    for item in &again {
        assert_eq!(item["kind"], "unchanged", "{item}");
    }
    assert_eq!(result_ids(&again), ids);

    // An open draft is left to pushed diagnostics: not in the workspace report, and its document
    // pull is empty.
    client.open(
        &weak,
        &std::fs::read_to_string(root.join("answers/q1-first-try.md")).unwrap(),
        1,
    );
    client.diagnostics(&weak, 1);
    let with_open = pull(&mut client, &ids);
    assert_eq!(with_open.len(), 6, "{with_open:?}");
    assert!(report_for(&with_open, &weak).is_none());
    let document = client
        .request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": weak } }),
        )
        .unwrap();
    assert_eq!(document["kind"], "full");
    assert!(
        document["items"].as_array().unwrap().is_empty(),
        "{document}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn files_changed_on_disk_are_reported_fresh() {
    let (_dir, root) = workspace();
    let options = Options {
        workspace: Some(root.clone()),
        watch_files: true,
        diagnostic_refresh: true,
        ..Options::default()
    };
    let (mut client, init) = TestClient::start_initialized(options);
    let provider = &init["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["workspaceDiagnostics"], true, "{init}");
    assert_eq!(provider["interFileDependencies"], false);
    assert_eq!(init["capabilities"]["workspaceSymbolProvider"], true);
    let registration = client.wait_notification("client/registerCapability", |p| {
        p["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"
    });
    let globs: Vec<&str> = registration["registrations"][0]["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert!(globs.contains(&"**/*.md"), "{globs:?}");

    let items = pull(&mut client, &[]);
    let ids = result_ids(&items);
    let q7_path = root.join("answers/q7-commitment.md");
    let q7 = file_uri(&q7_path);
    let before = report_for(&items, &q7).unwrap().clone();
    assert!(rules(&before).contains(&"metrics".to_string()), "{before}");

    // q7 rewritten with numbers, a new draft created, the note deleted.
    std::fs::write(
        &q7_path,
        "---\ncategory: partnerships\nquestion: 7\n---\n\n# How do you avoid low-commitment partnerships?\n\n\
         At a 200-person fintech I required a joint business plan before signing; partner-sourced \
         revenue grew 24% in two quarters and win rate rose from 18% to 31%.\n",
    )
    .unwrap();
    let created_path = root.join("answers/q3-incentives.md");
    std::fs::write(
        &created_path,
        "---\ncategory: partnerships\nquestion: 3\n---\n\n# Incentives\n\nI paid partners on sourced revenue.\n",
    )
    .unwrap();
    let created = file_uri(&created_path);
    let notes_path = root.join("answers/notes.md");
    std::fs::remove_file(&notes_path).unwrap();
    let notes = file_uri(&notes_path);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [
            { "uri": q7, "type": 2 },
            { "uri": created, "type": 1 },
            { "uri": notes, "type": 3 },
        ]}),
    );
    // The server asks the client to pull again once it has taken the changes in.
    client.wait_notification("workspace/diagnostic/refresh", |_| true);

    let after = pull(&mut client, &ids);
    let fresh = report_for(&after, &q7).unwrap();
    assert_eq!(fresh["kind"], "full", "{fresh}");
    assert_ne!(fresh["resultId"], before["resultId"]);
    assert!(!rules(fresh).contains(&"metrics".to_string()), "{fresh}");
    assert_eq!(report_for(&after, &created).unwrap()["kind"], "full");
    let cleared = report_for(&after, &notes).unwrap();
    assert_eq!(cleared["kind"], "full");
    assert!(cleared["items"].as_array().unwrap().is_empty());
    let unchanged = file_uri(&root.join("answers/q4-co-sell.md"));
    assert_eq!(report_for(&after, &unchanged).unwrap()["kind"], "unchanged");

    // The bank follows the disk too.
    let bank = bank(&mut client, json!([])).unwrap();
    assert_eq!(item(&bank, "partnerships/q3")["drafts"][0]["uri"], created);
    assert!(bank["unlinked"].as_array().unwrap().is_empty(), "{bank}");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
