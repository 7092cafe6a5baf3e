//! `bench-bank`: how long a language server takes to answer `interviewCoach.bank` over a generated
//! workspace of drafts, first while it indexes them (cold) and then with its index built (warm).

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::bench::file_uri;
use crate::client::Connection;
use crate::stats::Summary;

/// What `bench-bank` measured.
pub struct BankTimes {
    /// `initialized` to the first answer (walk and analysis of every draft included), ms.
    pub cold_ms: f64,
    /// Later calls, each on the built index, ms.
    pub warm: Summary,
    /// Drafts in the answer (linked and unlinked).
    pub drafts: usize,
    /// Bytes of the answer's JSON.
    pub bytes: usize,
}

/// Writes `drafts` generated drafts under `root` (see `gen-set`), starts `server` on that
/// workspace and times `calls` calls of `interviewCoach.bank` after the first.
pub fn run(
    server: &[String],
    root: &Path,
    drafts: usize,
    calls: usize,
    seed: u64,
    timeout: Duration,
) -> Result<BankTimes> {
    if calls == 0 {
        bail!("--calls must be at least 1");
    }
    let _ = fs::remove_dir_all(root);
    crate::drafts::generate_set(root, drafts, seed)?;
    // The JSON-lines copy of the set is not a draft; only the Markdown files are.
    let _ = fs::remove_file(root.join("drafts.jsonl"));
    let root_uri = file_uri(root);
    let (mut conn, _) = Connection::spawn(server, json!({}))?;
    let id = conn.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "clientInfo": {"name": "xtask bench-bank"},
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
        }),
    )?;
    conn.response(id, timeout).context("initialize")?;
    conn.notify("initialized", json!({}))?;
    let call = |conn: &mut Connection| -> Result<(f64, Value)> {
        let sent = Instant::now();
        let id = conn.request(
            "workspace/executeCommand",
            json!({"command": "interviewCoach.bank", "arguments": []}),
        )?;
        let reply = conn.response(id, timeout).context("interviewCoach.bank")?;
        let ms = reply.at.saturating_duration_since(sent).as_secs_f64() * 1000.0;
        Ok((ms, reply.message["result"].clone()))
    };
    let (cold_ms, first) = call(&mut conn)?;
    let mut samples = Vec::with_capacity(calls);
    for _ in 0..calls {
        samples.push(call(&mut conn)?.0);
    }
    let counted = first["categories"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["items"].as_array().into_iter().flatten())
        .map(|i| i["drafts"].as_array().map_or(0, Vec::len))
        .sum::<usize>()
        + first["unlinked"].as_array().map_or(0, Vec::len);
    let bytes = first.to_string().len();
    if let Err(e) = conn.shutdown(timeout) {
        eprintln!("(shutdown: {e:#})");
    }
    let _ = fs::remove_dir_all(root);
    Ok(BankTimes {
        cold_ms,
        warm: Summary::of(&samples).context("no calls measured")?,
        drafts: counted,
        bytes,
    })
}
