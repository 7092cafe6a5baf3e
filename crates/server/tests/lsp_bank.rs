//! End-to-end over stdio: the answer bank in the editor. `interviewCoach.bank` over a copy of the
//! fixture bank in `tests/fixtures/bank` (drafted, undrafted, duplicate and unlinked drafts, a
//! scenario and a content-pack category), compared with `interview-coach bank --format json`.

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
