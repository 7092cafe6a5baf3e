//! One benchmark run: a fresh server process, one draft, every measurement.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::Serialize;
use serde_json::{Value, json};

use crate::client::{Connection, Incoming};
use crate::edits::{Encoding, Keystroke, Typist};
use crate::procfs;
use crate::stats::Summary;

/// A server under test.
#[derive(Debug, Clone)]
pub struct ServerSpec {
    /// Name in reports.
    pub name: String,
    /// Program and arguments.
    pub command: Vec<String>,
}

/// What to measure and how long to wait.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Keystrokes in the sequential series.
    pub edits: usize,
    /// Keystrokes in the burst.
    pub burst: usize,
    /// Longest wait for any one reply.
    pub timeout: Duration,
    /// Shortest quiet period that ends a burst for a server without versioned diagnostics.
    pub settle: Duration,
    /// Answers to `workspace/configuration`, also sent as `workspace/didChangeConfiguration`.
    pub settings: Value,
    /// Directory that holds the workspace the drafts are written to.
    pub workspace: PathBuf,
    /// Unopened drafts written into the workspace (under `bank/`) before the server starts.
    pub workspace_drafts: usize,
    /// Seed of those drafts.
    pub seed: u64,
}

/// How the burst's final diagnostics were recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BurstMethod {
    /// The server published diagnostics carrying the final version.
    Versioned,
    /// Unversioned diagnostics: the last publication before a quiet period.
    Settled,
}

/// Everything measured in one run.
#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    /// Spawn to the `initialize` result, ms.
    pub startup_ms: f64,
    /// `didOpen` to the first diagnostics for the draft, ms.
    pub open_ms: f64,
    /// Each keystroke to its diagnostics, ms.
    pub keystroke: Summary,
    /// Server CPU time per keystroke of the series, ms: robust to a busy machine, unlike
    /// latency.
    pub keystroke_cpu_ms: f64,
    /// Last keystroke of the burst to the diagnostics of the final version, ms.
    pub burst_ms: f64,
    /// Keystrokes in the burst.
    pub burst_edits: usize,
    /// How the end of the burst was recognised.
    pub burst_method: BurstMethod,
    /// Diagnostics publications seen for the burst.
    pub burst_publications: usize,
    /// Peak resident set size of the server, MiB.
    pub peak_rss_mib: f64,
    /// CPU time of the server over the whole run, s.
    pub cpu_seconds: f64,
    /// Whether the server asked for full-text sync.
    pub full_sync: bool,
}

impl Measurement {
    /// The field-wise median of several runs; `None` for no runs.
    pub fn median_of(runs: &[Measurement]) -> Option<Measurement> {
        let first = runs.first()?;
        let field = |f: fn(&Measurement) -> f64| {
            crate::stats::median(&runs.iter().map(f).collect::<Vec<_>>()).unwrap_or(f64::NAN)
        };
        let keystrokes: Vec<Summary> = runs.iter().map(|m| m.keystroke).collect();
        Some(Measurement {
            startup_ms: field(|m| m.startup_ms),
            open_ms: field(|m| m.open_ms),
            keystroke: Summary::median_of(&keystrokes)?,
            keystroke_cpu_ms: field(|m| m.keystroke_cpu_ms),
            burst_ms: field(|m| m.burst_ms),
            burst_edits: first.burst_edits,
            burst_method: first.burst_method,
            burst_publications: field(|m| m.burst_publications as f64).round() as usize,
            peak_rss_mib: field(|m| m.peak_rss_mib),
            cpu_seconds: field(|m| m.cpu_seconds),
            full_sync: first.full_sync,
        })
    }
}

fn ms(from: Instant, to: Instant) -> f64 {
    to.saturating_duration_since(from).as_secs_f64() * 1000.0
}

/// Runs every measurement on a fresh `server` process with `draft` open.
pub fn run(server: &ServerSpec, draft: &str, words: usize, plan: &Plan) -> Result<Measurement> {
    // Each size gets its own workspace folder: the server indexes every draft in its workspace,
    // so drafts of the other sizes left there would be analysed in the background.
    let root = plan.workspace.join(format!("words-{words}"));
    let path = root.join("answers").join(format!("draft-{words}.md"));
    fs::create_dir_all(path.parent().unwrap_or(&root))?;
    fs::write(&path, draft).with_context(|| format!("cannot write {}", path.display()))?;
    let uri = file_uri(&path);
    let root_uri = file_uri(&root);
    let bank = root.join("bank");
    if plan.workspace_drafts > 0 && !bank.join("files").is_dir() {
        crate::drafts::generate_set(&bank, plan.workspace_drafts, plan.seed)?;
        let _ = fs::remove_file(bank.join("drafts.jsonl"));
    }

    let (mut conn, spawned) = Connection::spawn(&server.command, plan.settings.clone())?;
    let id = conn.request("initialize", initialize_params(&root_uri, plan))?;
    let init = conn.response(id, plan.timeout).context("initialize")?;
    let startup_ms = ms(spawned, init.at);
    let capabilities = &init.message["result"]["capabilities"];
    let full_sync = sync_kind(&capabilities["textDocumentSync"]) != 2;
    let encoding = Encoding::from_declared(capabilities["positionEncoding"].as_str());

    conn.notify("initialized", json!({}))?;
    conn.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": plan.settings}),
    )?;

    let mut version = 1;
    let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": draft}
    }});
    let body = serde_json::to_vec(&open)?;
    let sent = Instant::now();
    conn.send_raw(body)?;
    let first = conn
        .wait_for(plan.timeout, |m| is_diagnostics_for(m, &uri))
        .context("diagnostics after didOpen")?;
    let open_ms = ms(sent, first.at);
    let versioned = !first.message["params"]["version"].is_null();

    let mut typist = Typist::new(draft.to_owned(), encoding);
    let mut samples = Vec::with_capacity(plan.edits);
    let cpu_before = procfs::usage(conn.pid()).map_or(0.0, |u| u.cpu_seconds);
    for i in 0..plan.edits {
        conn.drain();
        version += 1;
        let body = change_body(&uri, version, &typist.next_keystroke(), &typist, full_sync)?;
        let sent = Instant::now();
        conn.send_raw(body)?;
        let reply = wait_diagnostics(&mut conn, &uri, versioned.then_some(version), plan.timeout)
            .with_context(|| format!("diagnostics after keystroke {}", i + 1))?;
        samples.push(ms(sent, reply.at));
    }
    let keystroke = Summary::of(&samples).context("no keystrokes measured")?;
    let cpu_after = procfs::usage(conn.pid()).map_or(0.0, |u| u.cpu_seconds);
    let keystroke_cpu_ms = (cpu_after - cpu_before) * 1000.0 / samples.len() as f64;

    // Unversioned diagnostics cannot say which text they are for: take the last publication before
    // a quiet period twice as long as the slowest single keystroke.
    let quiet = plan
        .settle
        .max(Duration::from_secs_f64(keystroke.max * 2.0 / 1000.0));
    conn.drain();
    let mut last_sent = Instant::now();
    for _ in 0..plan.burst {
        version += 1;
        let body = change_body(&uri, version, &typist.next_keystroke(), &typist, full_sync)?;
        last_sent = Instant::now();
        conn.send_raw(body)?;
    }
    let (burst_ms, burst_publications) = if versioned {
        let reply = wait_diagnostics(&mut conn, &uri, Some(version), plan.timeout)
            .context("diagnostics for the burst's final version")?;
        (ms(last_sent, reply.at), 1)
    } else {
        let (last, count) = settle(&mut conn, &uri, quiet, plan.timeout, plan.burst)?;
        (ms(last_sent, last), count)
    };

    let usage = procfs::usage(conn.pid()).context("cannot read the server's /proc entry")?;
    // The figures are in; a server that will not shut down cleanly is killed, and said so.
    if let Err(e) = conn.shutdown(plan.timeout) {
        eprint!("(shutdown: {e:#}) ");
    }
    Ok(Measurement {
        startup_ms,
        open_ms,
        keystroke,
        keystroke_cpu_ms,
        burst_ms,
        burst_edits: plan.burst,
        burst_method: if versioned {
            BurstMethod::Versioned
        } else {
            BurstMethod::Settled
        },
        burst_publications,
        peak_rss_mib: usage.peak_rss_kib as f64 / 1024.0,
        cpu_seconds: usage.cpu_seconds,
        full_sync,
    })
}

/// Waits for diagnostics for `uri`, of `version` when the server versions them.
fn wait_diagnostics(
    conn: &mut Connection,
    uri: &str,
    version: Option<i64>,
    timeout: Duration,
) -> Result<Incoming> {
    conn.wait_for(timeout, |m| {
        is_diagnostics_for(m, uri)
            && version.is_none_or(|v| m["params"]["version"].as_i64() == Some(v))
    })
}

/// Collects diagnostics for `uri` until none arrives for `quiet`; returns when the last one came
/// and how many came. Fails if none comes within `timeout`, or if they have not stopped after
/// `timeout` for each of the `edits`.
fn settle(
    conn: &mut Connection,
    uri: &str,
    quiet: Duration,
    timeout: Duration,
    edits: usize,
) -> Result<(Instant, usize)> {
    let first = wait_diagnostics(conn, uri, None, timeout).context("diagnostics after a burst")?;
    let (mut last, mut count) = (first.at, 1);
    let give_up = Instant::now() + timeout * edits.max(1) as u32;
    loop {
        match conn.next_before(last + quiet)? {
            Some(m) if is_diagnostics_for(&m.message, uri) => {
                last = m.at;
                count += 1;
            }
            Some(_) => {}
            None if Instant::now() >= last + quiet => return Ok((last, count)),
            None => {}
        }
        if Instant::now() > give_up {
            bail!(
                "diagnostics did not settle within {:.1} s",
                timeout.as_secs_f64()
            );
        }
    }
}

fn is_diagnostics_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

/// The body of a `didChange` for one keystroke: the range edit for incremental servers, the whole
/// text after it for full-sync ones.
fn change_body(
    uri: &str,
    version: i64,
    keystroke: &Keystroke,
    typist: &Typist,
    full_sync: bool,
) -> Result<Vec<u8>> {
    let change = if full_sync {
        json!({"text": typist.text()})
    } else {
        json!({
            "range": {
                "start": {"line": keystroke.start.line, "character": keystroke.start.character},
                "end": {"line": keystroke.end.line, "character": keystroke.end.character},
            },
            "text": keystroke.text,
        })
    };
    Ok(serde_json::to_vec(&json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didChange",
        "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [change],
        },
    }))?)
}

/// `TextDocumentSyncKind` from a server's `textDocumentSync` (a number or an options object):
/// 0 none, 1 full, 2 incremental.
pub fn sync_kind(declared: &Value) -> i64 {
    declared
        .as_i64()
        .or_else(|| declared["change"].as_i64())
        .unwrap_or(0)
}

fn initialize_params(root_uri: &str, plan: &Plan) -> Value {
    json!({
        "processId": std::process::id(),
        "clientInfo": {"name": "xtask bench-lsp"},
        "rootUri": root_uri,
        "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
        "initializationOptions": plan.settings,
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {
                "configuration": true,
                "didChangeConfiguration": {"dynamicRegistration": true},
                "workspaceFolders": true,
            },
            "textDocument": {
                "synchronization": {"dynamicRegistration": false, "didSave": true},
                "publishDiagnostics": {"versionSupport": true, "relatedInformation": true},
            },
            "window": {"workDoneProgress": true},
        },
    })
}

/// A `file://` URI for an absolute path (percent-encoding what a URI path cannot hold).
pub fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sync_kind_in_both_shapes() {
        assert_eq!(sync_kind(&json!(2)), 2);
        assert_eq!(sync_kind(&json!({"openClose": true, "change": 1})), 1);
        assert_eq!(sync_kind(&Value::Null), 0);
    }

    #[test]
    fn file_uris_escape_what_paths_may_hold() {
        assert_eq!(
            file_uri(Path::new("/tmp/a b/ü.md")),
            "file:///tmp/a%20b/%C3%BC.md"
        );
    }

    #[test]
    fn change_bodies_follow_the_sync_kind() {
        let mut typist = Typist::new("one two\nthree four five\nsix".to_owned(), Encoding::Utf16);
        let k = typist.next_keystroke();
        let full: Value =
            serde_json::from_slice(&change_body("file:///d.md", 2, &k, &typist, true).unwrap())
                .unwrap();
        assert_eq!(
            full["params"]["contentChanges"][0],
            json!({"text": typist.text()})
        );
        let inc: Value =
            serde_json::from_slice(&change_body("file:///d.md", 2, &k, &typist, false).unwrap())
                .unwrap();
        let change = &inc["params"]["contentChanges"][0];
        assert_eq!(
            change["range"]["start"],
            json!({"line": 1, "character": 10})
        );
        assert_eq!(change["text"], " ");
        assert_eq!(inc["params"]["textDocument"]["version"], 2);
    }
}
