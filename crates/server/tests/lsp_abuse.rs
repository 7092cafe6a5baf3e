//! Protocol abuse against the real binary over stdio: each case sends what a broken or hostile
//! client might, then checks that the server answered or ignored it as the protocol says, logged
//! what it refused, did not panic, and still serves a normal document afterwards.

mod support;

use serde_json::{Value, json};
use support::{Options, TestClient, edit, replace_all};

const DRAFT: &str = "---\ncategory: partnerships\nquestion: 4\n---\n# Launching a co-sell motion\n\nI held 40 partner meetings.\n";

/// A normal exchange still works: a fresh document gets diagnostics for its version.
fn still_serves(client: &mut TestClient, uri: &str) {
    client.open(uri, DRAFT, 1);
    let diagnostics = client.diagnostics(uri, 1);
    assert!(
        diagnostics.iter().any(|d| d["source"] == "interview-coach"),
        "no diagnostics after the abuse: {diagnostics:?}"
    );
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .expect("documentSymbol answers");
    assert!(symbols.is_array(), "{symbols}");
}

fn assert_no_panic(client: &TestClient) {
    let log = client.stderr();
    assert!(
        !log.contains("panicked at"),
        "server log shows a panic:\n{log}"
    );
}

fn started() -> TestClient {
    TestClient::start_initialized(Options::default()).0
}

/// Diagnostics of `text` opened fresh under another URI, without the URI-specific parts.
fn fresh_diagnostics(client: &mut TestClient, uri: &str, text: &str) -> Vec<Value> {
    client.open(uri, text, 1);
    strip(client.diagnostics(uri, 1))
}

fn strip(mut diagnostics: Vec<Value>) -> Vec<Value> {
    for d in &mut diagnostics {
        d.as_object_mut().map(|o| o.remove("relatedInformation"));
    }
    diagnostics
}

#[test]
fn garbage_headers_get_a_parse_error_and_the_server_goes_on() {
    let mut client = started();
    client.send_raw(b"Hello there\r\n\r\n");
    client.send_raw(b"Content-Length: twelve\r\n\r\n{}");
    let error = client.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(error["id"], Value::Null);
    still_serves(&mut client, "file:///w/garbage.md");
    // The log is read by another thread: wait for the line rather than race it.
    client.wait_log("skipped bytes from the client", 1);
    assert_no_panic(&client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn invalid_json_and_non_messages_are_answered_per_json_rpc() {
    let mut client = started();
    client.send_raw(b"Content-Length: 9\r\n\r\n{\"id\": 1,");
    client.wait_for("parse error", |m| m["error"]["code"] == -32700);
    let body = br#"{"jsonrpc":"2.0","id":77}"#;
    client.send_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    client.send_raw(body);
    let invalid = client.wait_for("invalid request", |m| m["id"] == 77);
    assert_eq!(invalid["error"]["code"], -32600);
    still_serves(&mut client, "file:///w/json.md");
    client.wait_log("refused a message from the client", 1);
    assert_no_panic(&client);
}

#[test]
fn unknown_methods_get_method_not_found_and_unknown_notifications_are_ignored() {
    let mut client = started();
    let error = client
        .request("interviewCoach/noSuchThing", json!({}))
        .expect_err("unknown request is an error");
    assert_eq!(error["code"], -32601);
    client.notify("$/noSuchNotification", json!({ "x": 1 }));
    still_serves(&mut client, "file:///w/unknown.md");
    assert_no_panic(&client);
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = TestClient::start(Options::default());
    let error = client
        .request(
            "textDocument/hover",
            json!({
                "textDocument": { "uri": "file:///w/a.md" },
                "position": { "line": 0, "character": 0 }
            }),
        )
        .expect_err("hover before initialize");
    assert_eq!(error["code"], -32002);
    client.initialize();
    still_serves(&mut client, "file:///w/before.md");
}

#[test]
fn changes_to_unopened_documents_are_ignored_and_logged() {
    let mut client = started();
    client.change(
        "file:///w/never-opened.md",
        2,
        vec![edit((0, 0), (0, 0), "x")],
    );
    client.close("file:///w/never-opened-either.md");
    still_serves(&mut client, "file:///w/opened.md");
    client.wait_log("not open", 1);
    assert_no_panic(&client);
}

#[test]
fn out_of_range_and_inverted_ranges_are_clamped_like_the_editor() {
    let mut client = started();
    let uri = "file:///w/ranges.md";
    client.open(uri, "ab\ncd\n", 1);
    client.diagnostics(uri, 1);
    // Past the end of a line: clamps to the end of that line.
    client.change(uri, 2, vec![edit((0, 99), (0, 120), "X")]);
    // Inverted: put in order.
    client.change(uri, 3, vec![edit((1, 2), (1, 0), "")]);
    // Past the last line: clamps to the end of the document.
    client.change(uri, 4, vec![edit((40, 3), (50, 0), &DRAFT[..60])]);
    let expected = format!("abX\n\n{}", &DRAFT[..60]);
    let after = strip(client.diagnostics(uri, 4));
    let fresh = fresh_diagnostics(&mut client, "file:///w/ranges-fresh.md", &expected);
    assert_eq!(after, fresh);
    assert_no_panic(&client);
}

#[test]
fn a_version_going_backwards_never_publishes_older_diagnostics() {
    let mut client = started();
    let uri = "file:///w/versions.md";
    client.open(uri, DRAFT, 5);
    client.diagnostics(uri, 5);
    client.change(uri, 3, vec![replace_all("# Short\n")]);
    client.change(uri, 6, vec![replace_all(DRAFT)]);
    client.diagnostics(uri, 6);
    client.sync();
    let versions: Vec<i64> = client
        .queued()
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");
    still_serves(&mut client, "file:///w/versions-after.md");
    assert_no_panic(&client);
}

#[test]
fn huge_documents_long_lines_nul_bytes_and_deep_nesting_do_not_stop_the_server() {
    let mut client = started();
    let ten_mb = "word ".repeat(2 * 1024 * 1024);
    let one_line = "a".repeat(1024 * 1024);
    let nul = "# Title\n\0\0 I held 40 meetings.\0\n".repeat(100);
    let lists = (0..5000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect::<String>();
    let quotes = format!("{} deep\n", ">".repeat(20_000));
    for (i, text) in [ten_mb, one_line, nul, lists, quotes].iter().enumerate() {
        let uri = format!("file:///w/big-{i}.md");
        client.open(&uri, text, 1);
        client.next_diagnostics(&uri);
    }
    still_serves(&mut client, "file:///w/after-big.md");
    assert_no_panic(&client);
}

#[test]
fn a_thousand_open_documents_all_get_diagnostics() {
    let mut client = started();
    for i in 0..1000 {
        client.open(&format!("file:///w/many-{i}.md"), DRAFT, 1);
    }
    for i in 0..1000 {
        client.diagnostics(&format!("file:///w/many-{i}.md"), 1);
    }
    assert_no_panic(&client);
}

#[test]
fn five_thousand_edits_in_a_burst_end_in_sync() {
    let mut client = started();
    let uri = "file:///w/burst.md";
    client.open(uri, DRAFT, 0);
    let mut expected = DRAFT.to_string();
    let line = DRAFT.lines().count() as u32;
    for version in 1..=5000 {
        // Type at the end, deleting every tenth character again.
        if version % 10 == 0 {
            let gone = expected.pop().expect("something was typed");
            let col = expected
                .lines()
                .last()
                .map_or(0, |l| l.encode_utf16().count()) as u32;
            let end = col + gone.len_utf16() as u32;
            client.change(uri, version, vec![edit((line, col), (line, end), "")]);
        } else {
            let ch = ["é", "😀", "a", " "][version as usize % 4];
            let col = expected
                .lines()
                .last()
                .map_or(0, |l| l.encode_utf16().count()) as u32;
            let col = if expected.ends_with('\n') { 0 } else { col };
            expected.push_str(ch);
            client.change(uri, version, vec![edit((line, col), (line, col), ch)]);
        }
    }
    let after = strip(client.diagnostics(uri, 5000));
    let fresh = fresh_diagnostics(&mut client, "file:///w/burst-fresh.md", &expected);
    assert_eq!(after, fresh);
    assert_no_panic(&client);
}

#[test]
fn a_panicking_handler_is_reported_and_the_server_keeps_serving() {
    let mut client = started_with_test_panic();
    let error = client
        .request("interviewCoach/testPanic", json!({}))
        .expect_err("a panicking handler answers with an error");
    assert_eq!(error["code"], -32603);
    still_serves(&mut client, "file:///w/after-panic.md");
    client.wait_log("handler panicked", 1);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

fn started_with_test_panic() -> TestClient {
    let mut client = TestClient::start(Options {
        env: vec![("INTERVIEW_COACH_TEST_PANIC".into(), "1".into())],
        ..Options::default()
    });
    client.initialize();
    client
}

#[test]
fn exit_without_shutdown_exits_with_code_1() {
    let mut client = started();
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit().code(), Some(1));
}

#[test]
fn stdin_closed_mid_message_ends_the_server_cleanly() {
    let mut client = started();
    client.send_raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":");
    let status = client.close_stdin();
    assert_eq!(status.code(), Some(0));
}

/// `body` framed with its `Content-Length`.
fn framed(body: &str) -> Vec<u8> {
    interview_framing::frame(body.as_bytes())
}

#[test]
fn messages_the_lsp_library_cannot_decode_never_stop_the_server() {
    let mut client = started();
    // An id past i64 on a request, a response and a notification-shaped message, and a method
    // that is not a string beside an error: each once ended the server with exit code 0.
    client.send_raw(&framed(
        r#"{"jsonrpc":"2.0","id":9223372036854775808,"method":"shutdown"}"#,
    ));
    let refused = client.wait_for("invalid request", |m| m["error"]["code"] == -32600);
    assert_eq!(refused["id"], json!(9_223_372_036_854_775_808_u64));
    client.send_raw(&framed(
        r#"{"jsonrpc":"2.0","id":9223372036854775808,"result":null}"#,
    ));
    client.send_raw(&framed(
        r#"{"jsonrpc":"2.0","id":9223372036854775808,"method":"initialized"}"#,
    ));
    client.send_raw(&framed(r#"{"jsonrpc":"2.0","method":{},"error":{}}"#));
    still_serves(&mut client, "file:///w/undecodable.md");
    client.wait_log("cannot decode", 1);
    assert_no_panic(&client);
    // A clean shutdown proves the shutdown with the huge id was not taken for one.
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn junk_right_before_a_message_costs_only_the_junk() {
    let mut client = started();
    let lf_only = "Content-Length: 2\n\n{}";
    for (i, junk) in ["\r\n", "hello", lf_only].iter().enumerate() {
        let uri = format!("file:///w/after-junk-{i}.md");
        let open = json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": { "textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT
            } }
        });
        // The junk and the message arrive in one write, as from a client that wrote both.
        let mut bytes = junk.as_bytes().to_vec();
        bytes.extend(framed(&open.to_string()));
        client.send_raw(&bytes);
        // The message after the junk was delivered: the draft gets its diagnostics.
        let diagnostics = client.diagnostics(&uri, 1);
        assert!(!diagnostics.is_empty(), "{junk:?}");
    }
    assert_no_panic(&client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn shutdown_with_null_or_empty_params_shuts_down_cleanly() {
    for params in ["null", "{}"] {
        let mut client = started();
        client.send_raw(&framed(&format!(
            r#"{{"jsonrpc":"2.0","id":"bye","method":"shutdown","params":{params}}}"#
        )));
        let reply = client.wait_for("the shutdown response", |m| m["id"] == "bye");
        assert_eq!(reply.get("error"), None, "{params}: {reply}");
        client.send_raw(&framed(
            r#"{"jsonrpc":"2.0","method":"exit","params":null}"#,
        ));
        assert_eq!(client.wait_exit().code(), Some(0), "{params}");
    }
}
