//! End-to-end: hover, completion, definition, code actions and commands through the real binary,
//! in both position encodings, on drafts with emoji, accents and CRLF line breaks.

mod support;

use serde_json::{Value, json};
use support::{Options, TestClient, line_starts, uri_path};

const DRAFT: &str = "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives? 😀\r\n\r\n## Context\r\nAt a Series B company 😀, résellers stalled and our co-selling motion had no owner. The old team was lazy.\r\n\r\n## Action\r\nI rebuilt the incentive structure with deal registration, and I aligned marketing and product.\r\n\r\n## Learning\r\nAlign incentives before launch.\r\n";

const URI: &str = "file:///w/answers/q3.md";

/// The LSP position of a byte offset.
fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let starts = line_starts(text);
    let line = starts.iter().rposition(|&s| s <= offset).unwrap();
    let before = &text[starts[line]..offset];
    let character = if utf8 {
        before.len()
    } else {
        before.encode_utf16().count()
    };
    json!({ "line": line, "character": character })
}

/// The byte offset of an LSP position (exact: tests send and expect valid positions).
fn offset(text: &str, position: &Value, utf8: bool) -> usize {
    let starts = line_starts(text);
    let line = position["line"].as_u64().unwrap() as usize;
    let mut units = position["character"].as_u64().unwrap() as usize;
    let start = starts[line];
    for (i, c) in text[start..].char_indices() {
        if units == 0 {
            return start + i;
        }
        units = units.saturating_sub(if utf8 { c.len_utf8() } else { c.len_utf16() });
    }
    text.len()
}

/// The position just inside the first `needle`.
fn at(text: &str, needle: &str, utf8: bool) -> Value {
    position(text, text.find(needle).expect("needle") + 1, utf8)
}

fn text_of(text: &str, range: &Value, utf8: bool) -> String {
    text[offset(text, &range["start"], utf8)..offset(text, &range["end"], utf8)].to_string()
}

/// Applies LSP text edits (all against the original text) to `text`.
fn apply(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, usize, String)> = edits
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                offset(text, &e["range"]["start"], utf8),
                i,
                offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_string();
    for (start, _, end, new_text) in spans {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// The edits a workspace edit makes to `uri`, from `documentChanges` or `changes`.
fn edits_for(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes
            .iter()
            .filter(|c| c["textDocument"]["uri"] == uri)
            .flat_map(|c| c["edits"].as_array().cloned().unwrap_or_default())
            .collect();
    }
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}

/// A server initialised with snippet and `documentChanges` support (or without), opened on `text`,
/// with its first diagnostics.
fn open(utf8: bool, rich_client: bool, text: &str) -> (TestClient, Vec<Value>) {
    let mut client = TestClient::start(Options::default());
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    let params = json!({
        "processId": std::process::id(),
        "capabilities": {
            "general": { "positionEncodings": encodings },
            "workspace": { "workspaceEdit": { "documentChanges": rich_client } },
            "window": { "showDocument": { "support": true } },
            "textDocument": {
                "completion": { "completionItem": { "snippetSupport": rich_client } },
                "publishDiagnostics": { "versionSupport": true }
            }
        }
    });
    let result = client.request("initialize", params).unwrap();
    let expected = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(result["capabilities"]["positionEncoding"], expected);
    client.notify("initialized", json!({}));
    client.open(URI, text, 1);
    let diagnostics = client.diagnostics(URI, 1);
    (client, diagnostics)
}

fn request_at(client: &mut TestClient, method: &str, position: Value) -> Value {
    client
        .request(
            method,
            json!({ "textDocument": { "uri": URI }, "position": position }),
        )
        .unwrap_or_else(|e| panic!("{method} failed: {e}"))
}

#[test]
fn hover_explains_the_concept_and_the_question() {
    for utf8 in [false, true] {
        let (mut client, _) = open(utf8, false, DRAFT);
        let hover = request_at(
            &mut client,
            "textDocument/hover",
            at(DRAFT, "co-selling", utf8),
        );
        let value = hover["contents"]["value"].as_str().unwrap();
        assert_eq!(hover["contents"]["kind"], "markdown");
        assert!(
            value.starts_with("**Co-sell motions** · Partnerships concept\n\n"),
            "{value}"
        );
        assert!(
            value.contains("- Q4 · How do you launch a co-sell motion?"),
            "{value}"
        );
        assert_eq!(text_of(DRAFT, &hover["range"], utf8), "co-selling motion");

        let hover = request_at(
            &mut client,
            "textDocument/hover",
            at(DRAFT, "structure partner", utf8),
        );
        let value = hover["contents"]["value"].as_str().unwrap();
        assert!(
            value.starts_with("**Q3 · How do you structure partner incentives?**"),
            "{value}"
        );
        assert!(value.contains(
            "**Why interviewers ask this:** Interviewers evaluate partnership economics"
        ));

        // On a finding: the rubric line it cites and how to fix it.
        let hover = request_at(&mut client, "textDocument/hover", at(DRAFT, "lazy", utf8));
        let value = hover["contents"]["value"].as_str().unwrap();
        assert!(value.contains("criticism"), "{value}");
        assert!(
            value.contains("**Rubric:** Criticizing past teams or customers."),
            "{value}"
        );
        assert!(value.contains("**How to fix:**"), "{value}");

        let none = request_at(
            &mut client,
            "textDocument/hover",
            at(DRAFT, "rebuilt", utf8),
        );
        assert!(none.is_null(), "{none}");
        assert_eq!(client.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn definition_lands_on_the_example_answers_in_the_guide() {
    for utf8 in [false, true] {
        let (mut client, _) = open(utf8, false, DRAFT);
        let locations = request_at(
            &mut client,
            "textDocument/definition",
            at(DRAFT, "3\r\n---", utf8),
        );
        let locations = locations.as_array().expect("several locations");
        let texts: Vec<String> = locations
            .iter()
            .map(|l| {
                let uri = l["uri"].as_str().unwrap();
                assert!(uri.ends_with("/partnerships.md"), "{uri}");
                let path = uri_path(uri);
                assert!(path.starts_with(&client.cache_dir), "{}", path.display());
                let guide = std::fs::read_to_string(path).expect("the guide file exists");
                text_of(&guide, &l["range"], utf8)
            })
            .collect();
        assert_eq!(
            texts,
            [
                "3. How do you structure partner incentives?",
                "- I evaluate partners on customer overlap, execution capability, and economic alignment before formalizing terms.",
                "- I track sourced pipeline, influenced revenue, and partner activation metrics.",
            ]
        );
        assert_eq!(client.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn completion_edits_apply_and_stay_out_of_code() {
    let text = "---\r\ncategory: partnerships\r\nquestion: \r\n---\r\n## Action\r\nÉté 😀: we tracked win r\r\n\r\n```\r\nwin r\r\n```\r\n";
    for utf8 in [false, true] {
        let (mut client, _) = open(utf8, true, text);
        let end_of = |needle: &str| position(text, text.find(needle).unwrap() + needle.len(), utf8);
        let items = request_at(
            &mut client,
            "textDocument/completion",
            end_of("tracked win r"),
        );
        let items = items.as_array().expect("items");
        let win = items
            .iter()
            .find(|i| i["label"] == "win rate")
            .expect("win rate");
        assert_eq!(
            apply(text, &[win["textEdit"].clone()], utf8),
            text.replace("tracked win r\r\n", "tracked win rate\r\n")
        );
        // Inside the fenced block: nothing.
        let pos = position(text, text.rfind("win r").unwrap() + 5, utf8);
        let none = request_at(&mut client, "textDocument/completion", pos);
        assert!(
            none.is_null() || none.as_array().is_some_and(Vec::is_empty),
            "{none}"
        );
        // The front matter's question value: numbers with the question as detail.
        let values = request_at(&mut client, "textDocument/completion", end_of("question: "));
        let three = values
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "3")
            .expect("question 3");
        assert_eq!(three["detail"], "How do you structure partner incentives?");
        assert!(
            apply(text, &[three["textEdit"].clone()], utf8).contains("question: 3\r\n---"),
            "{three}"
        );
        assert_eq!(client.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn skeleton_is_a_snippet_only_for_clients_that_take_snippets() {
    for rich in [false, true] {
        let (mut client, _) = open(false, rich, "");
        let items = request_at(
            &mut client,
            "textDocument/completion",
            json!({ "line": 0, "character": 0 }),
        );
        let skeleton = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "Context / Action / Outcome / Learning")
            .expect("the skeleton");
        let body = skeleton["textEdit"]["newText"].as_str().unwrap();
        assert_eq!(skeleton["insertTextFormat"], if rich { 2 } else { 1 });
        assert_eq!(body.contains("${1:"), rich, "{body}");
        // An empty draft also gets whole new drafts, which the engine links to their question.
        assert!(items.as_array().unwrap().iter().any(|i| {
            i["label"] == "Q3 How do you structure partner incentives?"
                && i["textEdit"]["newText"].as_str().is_some_and(|t| {
                    t.starts_with("---\ncategory: partnerships\nquestion: 3\n---\n")
                })
        }));
        assert_eq!(client.shutdown_and_exit().code(), Some(0));
    }
}

/// Asks for the code actions of one diagnostic and returns the one with this title.
fn action_for(client: &mut TestClient, diagnostic: &Value, title: &str) -> Value {
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": URI },
                "range": diagnostic["range"],
                "context": { "diagnostics": [diagnostic] }
            }),
        )
        .unwrap();
    actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no `{title}` in {actions}"))
        .clone()
}

#[test]
fn code_action_edits_fix_what_they_say() {
    for (utf8, rich) in [(false, false), (false, true), (true, false), (true, true)] {
        let (mut client, diagnostics) = open(utf8, rich, DRAFT);
        let structure = diagnostics
            .iter()
            .find(|d| d["code"] == "structure")
            .expect("a structure diagnostic");
        assert!(
            structure["message"]
                .as_str()
                .unwrap()
                .starts_with("No outcome part")
        );
        let action = action_for(&mut client, structure, "Insert an Outcome section");
        assert_eq!(action["kind"], "quickfix");
        assert_eq!(action["isPreferred"], true);
        if rich {
            assert_eq!(
                action["edit"]["documentChanges"][0]["textDocument"]["version"],
                1
            );
        }
        let fixed = apply(DRAFT, &edits_for(&action["edit"], URI), utf8);
        let outcome = fixed.find("## Outcome\r\n").expect("an Outcome heading");
        assert!(fixed.find("## Action").unwrap() < outcome);
        assert!(outcome < fixed.find("## Learning").unwrap());
        // The inserted lines keep the draft's CRLF line breaks.
        assert!(!fixed.replace("\r\n", "").contains('\n'), "{fixed:?}");

        // Disabling a rule for the file: the comment goes after the front matter.
        let criticism = diagnostics
            .iter()
            .find(|d| d["code"] == "criticism")
            .expect("a criticism diagnostic");
        let disable = action_for(&mut client, criticism, "Disable `criticism` for this file");
        let disabled = apply(DRAFT, &edits_for(&disable["edit"], URI), utf8);
        assert!(
            disabled.contains("---\r\n<!-- coach: disable criticism -->\r\n# How do you"),
            "{disabled}"
        );

        // The server agrees: a heading with nothing under it is not the part yet; once the
        // placeholder is replaced with a result, the finding goes.
        let no_outcome = |after: &[Value]| {
            after.iter().any(|d| {
                d["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("No outcome part")
            })
        };
        client.change(URI, 2, vec![json!({ "text": fixed })]);
        let after = client.diagnostics(URI, 2);
        assert!(no_outcome(&after), "{after:?}");
        let written = fixed.replace(
            "<!-- What changed, in numbers. -->",
            "Partner-sourced revenue grew 30% in two quarters.",
        );
        assert_ne!(written, fixed);
        client.change(URI, 3, vec![json!({ "text": written })]);
        let after = client.diagnostics(URI, 3);
        assert!(!no_outcome(&after), "{after:?}");
        client.change(URI, 4, vec![json!({ "text": disabled })]);
        let after = client.diagnostics(URI, 4);
        assert!(!after.iter().any(|d| d["code"] == "criticism"), "{after:?}");
        assert_eq!(client.shutdown_and_exit().code(), Some(0));
    }
}

#[test]
fn lens_symbols_and_open_examples_agree_with_the_score() {
    let (mut client, _) = open(false, false, DRAFT);
    let score = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "interviewCoach.score", "arguments": [URI] }),
        )
        .unwrap();
    let lenses = client
        .request(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    let seconds = score["seconds"].as_u64().unwrap();
    assert_eq!(
        lenses[0]["command"]["title"],
        format!(
            "Rubric {}/{} · {} words · ~{}:{:02}",
            score["points"],
            score["max"],
            score["words"],
            seconds / 60,
            seconds % 60
        )
    );
    assert_eq!(lenses[1]["command"]["title"], "2 example answers");
    assert_eq!(
        lenses[1]["command"]["command"],
        "interviewCoach.openExamples"
    );
    assert_eq!(lenses[1]["command"]["arguments"], json!([URI]));

    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    assert_eq!(symbols[0]["name"], "Q3");
    assert_eq!(
        symbols[0]["detail"],
        "How do you structure partner incentives?"
    );
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["Context", "Action", "Learning"]);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
