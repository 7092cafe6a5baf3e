//! A small LSP client for end-to-end tests: it runs the real `interview-coach lsp` binary, speaks
//! JSON-RPC over its stdio, answers the server's requests, and waits for messages with a timeout so
//! that a test fails with the messages it saw instead of hanging.
//!
//! ```ignore
//! let mut client = TestClient::start(Options::default());
//! client.initialize();
//! client.open("file:///w/a.md", "# Draft\n", 1);
//! let diagnostics = client.diagnostics("file:///w/a.md", 1);
//! assert_eq!(client.shutdown_and_exit().code(), Some(0));
//! ```
//!
//! Every message the server sends is kept in arrival order. `wait_for` takes the first message
//! that matches a predicate (earlier non-matching ones stay queued for later waits), so tests can
//! wait for things in any order. Requests from the server are answered by the reader thread:
//! `workspace/configuration` with the configured settings, `window/showDocument` with success, and
//! `client/registerCapability`, `window/workDoneProgress/create` and `workspace/diagnostic/refresh`
//! with null; they are queued too,
//! so tests can check that they were sent.

#![allow(dead_code)] // Each test binary uses a different part of the client.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any wait lasts before the test fails. Generous: it only guards against hangs.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How to start and initialise the server.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Offer UTF-8 positions in `general.positionEncodings` (the server then picks UTF-8).
    pub utf8: bool,
    /// `initializationOptions`.
    pub initialization_options: Option<Value>,
    /// The `interviewCoach` section returned for `workspace/configuration`; `None` means the
    /// client does not support `workspace/configuration` at all.
    pub configuration: Option<Value>,
    /// Advertise dynamic registration of watched files.
    pub watch_files: bool,
    /// Advertise `workspace/diagnostic/refresh` (`workspace.diagnostics.refreshSupport`).
    pub diagnostic_refresh: bool,
    /// Never answer `workspace/configuration` (a client that hangs on it).
    pub ignore_configuration_requests: bool,
    /// The workspace folder, if any.
    pub workspace: Option<PathBuf>,
    /// Guide cache folder (`INTERVIEW_COACH_CACHE_DIR`); a fresh temporary folder when `None`.
    pub cache_dir: Option<PathBuf>,
    /// Extra environment variables for the server process.
    pub env: Vec<(String, String)>,
}

/// A running server and the client side of its connection.
pub struct TestClient {
    child: Child,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    incoming: Receiver<Value>,
    queue: VecDeque<Value>,
    /// Every message received, in order, for failure reports.
    log: Vec<Value>,
    next_id: i64,
    configuration: Arc<Mutex<Option<Value>>>,
    options: Options,
    /// The temporary cache folder, kept alive as long as the server runs.
    _cache: Option<tempfile::TempDir>,
    /// The cache folder the server writes the guide to.
    pub cache_dir: PathBuf,
    /// What the server wrote to stderr (its log), collected by a thread.
    stderr: Arc<Mutex<String>>,
}

impl TestClient {
    /// Starts `interview-coach lsp` (not yet initialised).
    pub fn start(options: Options) -> Self {
        let (cache, cache_dir) = match &options.cache_dir {
            Some(dir) => (None, dir.clone()),
            None => {
                let dir = tempfile::tempdir().expect("temporary cache folder");
                let path = dir.path().to_path_buf();
                (Some(dir), path)
            }
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_interview-coach"))
            .arg("lsp")
            .env("INTERVIEW_COACH_CACHE_DIR", &cache_dir)
            .env("RUST_LOG", "debug")
            .envs(options.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start interview-coach lsp");
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().expect("stdout");
        let stderr_pipe = child.stderr.take().expect("stderr");
        let configuration = Arc::new(Mutex::new(options.configuration.clone()));

        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        thread::spawn(move || {
            for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });

        let (tx, incoming) = mpsc::channel();
        let writer = Arc::clone(&stdin);
        let config = Arc::clone(&configuration);
        let ignore_configuration = options.ignore_configuration_requests;
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if let (Some(id), Some(method)) = (message.get("id"), message.get("method")) {
                    let method = method.as_str().unwrap_or_default();
                    if ignore_configuration && method == "workspace/configuration" {
                        if tx.send(message).is_err() {
                            break;
                        }
                        continue;
                    }
                    let reply = answer(method, &message["params"], &config);
                    let mut response = json!({ "jsonrpc": "2.0", "id": id });
                    match reply {
                        Ok(result) => response["result"] = result,
                        Err(error) => response["error"] = error,
                    }
                    write_message(&writer, &response);
                }
                if tx.send(message).is_err() {
                    break;
                }
            }
        });

        TestClient {
            child,
            stdin,
            incoming,
            queue: VecDeque::new(),
            log: Vec::new(),
            next_id: 1,
            configuration,
            options,
            _cache: cache,
            cache_dir,
            stderr,
        }
    }

    /// Starts the server and initialises it: `initialize`, then `initialized`. Returns the
    /// `initialize` result.
    pub fn start_initialized(options: Options) -> (Self, Value) {
        let mut client = TestClient::start(options);
        let result = client.initialize();
        (client, result)
    }

    /// Sends `initialize` with the options' capabilities, then `initialized`; returns the result.
    pub fn initialize(&mut self) -> Value {
        let encodings = if self.options.utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let mut params = json!({
            "processId": std::process::id(),
            "clientInfo": { "name": "interview-coach-tests" },
            "capabilities": {
                "general": { "positionEncodings": encodings },
                "workspace": {
                    "configuration": self.options.configuration.is_some(),
                    "didChangeConfiguration": { "dynamicRegistration": false },
                    "didChangeWatchedFiles": { "dynamicRegistration": self.options.watch_files },
                    "diagnostics": { "refreshSupport": self.options.diagnostic_refresh },
                    "workspaceFolders": true
                },
                "window": { "showDocument": { "support": true }, "workDoneProgress": true },
                "textDocument": {
                    "publishDiagnostics": { "relatedInformation": true, "versionSupport": true }
                }
            }
        });
        if let Some(options) = &self.options.initialization_options {
            params["initializationOptions"] = options.clone();
        }
        if let Some(root) = &self.options.workspace {
            let uri = file_uri(root);
            params["rootUri"] = json!(uri);
            params["workspaceFolders"] = json!([{ "uri": uri, "name": "workspace" }]);
        }
        let result = self
            .request("initialize", params)
            .unwrap_or_else(|e| panic!("initialize failed: {e}"));
        self.notify("initialized", json!({}));
        result
    }

    /// Sends a request and waits (a `null` `params` is left out, as for `shutdown`) for its response: `Ok(result)` or `Err(error object)`.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "jsonrpc": "2.0", "id": id, "method": method });
        if !params.is_null() {
            message["params"] = params;
        }
        self.send(&message);
        let response = self.wait_for(&format!("response to {method} #{id}"), |m| {
            m.get("method").is_none() && m.get("id") == Some(&json!(id))
        });
        match response.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(response.get("result").cloned().unwrap_or(Value::Null)),
        }
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        let mut message = json!({ "jsonrpc": "2.0", "method": method });
        if !params.is_null() {
            message["params"] = params;
        }
        self.send(&message);
    }

    /// Sends raw bytes (for malformed-input tests).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        if let Some(stdin) = self.stdin.lock().unwrap().as_mut() {
            let _ = stdin.write_all(bytes);
            let _ = stdin.flush();
        }
    }

    fn send(&mut self, message: &Value) {
        write_message(&self.stdin, message);
    }

    /// `textDocument/didOpen` of a Markdown document.
    pub fn open(&mut self, uri: &str, text: &str, version: i32) {
        self.open_as(uri, "markdown", text, version);
    }

    /// `textDocument/didOpen` with a language id.
    pub fn open_as(&mut self, uri: &str, language_id: &str, text: &str, version: i32) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language_id, "version": version, "text": text
            }}),
        );
    }

    /// `textDocument/didChange` with these content changes (see [`edit`] and [`replace_all`]).
    pub fn change(&mut self, uri: &str, version: i32, changes: Vec<Value>) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": changes
            }),
        );
    }

    /// `textDocument/didSave`.
    pub fn save(&mut self, uri: &str) {
        self.notify(
            "textDocument/didSave",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    /// `textDocument/didClose`.
    pub fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    /// Changes what `workspace/configuration` answers from now on.
    pub fn set_configuration(&mut self, section: Value) {
        *self.configuration.lock().unwrap() = Some(section);
    }

    /// Waits for `publishDiagnostics` for `uri` with exactly `version`, skipping (and consuming)
    /// older ones for that URI; fails on a newer one. Returns the diagnostics.
    pub fn diagnostics(&mut self, uri: &str, version: i32) -> Vec<Value> {
        loop {
            let message = self.wait_for(&format!("diagnostics for {uri} version {version}"), |m| {
                is_publish_for(m, uri)
            });
            let params = &message["params"];
            match params["version"].as_i64() {
                Some(v) if v == i64::from(version) => {
                    return params["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                }
                Some(v) if v > i64::from(version) => {
                    self.fail(&format!(
                        "diagnostics for {uri} skipped version {version}: got {v}"
                    ));
                }
                _ => continue,
            }
        }
    }

    /// Waits for the next `publishDiagnostics` for `uri`, whatever its version. Returns its params.
    pub fn next_diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for(&format!("diagnostics for {uri}"), |m| {
            is_publish_for(m, uri)
        })["params"]
            .clone()
    }

    /// Waits for a notification or server request with this method that satisfies `matches`;
    /// returns its params.
    pub fn wait_notification(&mut self, method: &str, matches: impl Fn(&Value) -> bool) -> Value {
        self.wait_for(method, |m| m["method"] == method && matches(&m["params"]))["params"].clone()
    }

    /// Takes the first queued or future message satisfying `matches`; fails after [`TIMEOUT`].
    pub fn wait_for(&mut self, what: &str, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.queue.iter().position(&matches) {
            return self.queue.remove(i).expect("queued message");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) => {
                    self.log.push(message.clone());
                    if matches(&message) {
                        return message;
                    }
                    self.queue.push_back(message);
                }
                Err(RecvTimeoutError::Timeout) => {
                    self.fail(&format!("timed out waiting for {what}"))
                }
                Err(RecvTimeoutError::Disconnected) => self.fail(&format!(
                    "server closed its output while waiting for {what}"
                )),
            }
        }
    }

    /// Messages received so far that no wait has taken, after reading what has already arrived.
    pub fn queued(&mut self) -> Vec<Value> {
        while let Ok(message) = self.incoming.try_recv() {
            self.log.push(message.clone());
            self.queue.push_back(message);
        }
        self.queue.iter().cloned().collect()
    }

    /// A round trip to the server: every message the server sent before answering it has been
    /// received once this returns (the server answers requests after the notifications it sent
    /// before them). Uses a request every server answers.
    pub fn sync(&mut self) {
        let _ = self.request(
            "textDocument/hover",
            json!({
                "textDocument": { "uri": "file:///interview-coach-sync.md" },
                "position": { "line": 0, "character": 0 }
            }),
        );
    }

    /// `shutdown`, then `exit`; waits for the process and returns its status.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null)
            .unwrap_or_else(|e| panic!("shutdown failed: {e}"));
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Closes the server's stdin and waits for the process.
    pub fn close_stdin(mut self) -> ExitStatus {
        self.stdin.lock().unwrap().take();
        self.wait_exit()
    }

    /// Waits for the process to end; fails after [`TIMEOUT`].
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for the server") {
                return status;
            }
            if Instant::now() > deadline {
                self.fail("the server did not exit");
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// The server's peak resident memory so far in KiB (`VmHWM`), where `/proc` tells it.
    pub fn peak_memory_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// The niceness of each of the server's threads named `name`, where `/proc` tells it.
    pub fn thread_niceness(&self, name: &str) -> Vec<i64> {
        let tasks = format!("/proc/{}/task", self.child.id());
        let Ok(entries) = std::fs::read_dir(tasks) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for task in entries.flatten() {
            let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            if comm.trim_end() != name {
                continue;
            }
            let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
            // Fields after the parenthesised name: state is field 3, nice is field 19.
            let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            if let Some(nice) = after
                .split_whitespace()
                .nth(16)
                .and_then(|n| n.parse().ok())
            {
                found.push(nice);
            }
        }
        found
    }

    /// Waits until the server's log holds `needle` at least `times` times; fails after [`TIMEOUT`].
    pub fn wait_log(&mut self, needle: &str, times: usize) {
        let deadline = Instant::now() + TIMEOUT;
        while self.stderr().matches(needle).count() < times {
            if Instant::now() > deadline {
                self.fail(&format!("the log never showed {needle:?} {times} times"));
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// The server's stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Fails the test with `why`, every message received and the server's log.
    pub fn fail(&mut self, why: &str) -> ! {
        let seen: Vec<String> = self.log.iter().map(Value::to_string).collect();
        let _ = self.child.kill();
        thread::sleep(Duration::from_millis(50));
        panic!(
            "{why}\n--- messages received ---\n{}\n--- server stderr ---\n{}",
            seen.join("\n"),
            self.stderr()
        );
    }
}

impl Drop for TestClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_publish_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

/// The reader thread's answer to a server request.
fn answer(
    method: &str,
    params: &Value,
    configuration: &Mutex<Option<Value>>,
) -> Result<Value, Value> {
    match method {
        "workspace/configuration" => {
            let section = configuration.lock().unwrap().clone().unwrap_or(Value::Null);
            let items = params["items"].as_array().map_or(0, Vec::len);
            Ok(Value::Array(vec![section; items]))
        }
        "window/showDocument" => Ok(json!({ "success": true })),
        "client/registerCapability"
        | "client/unregisterCapability"
        | "window/workDoneProgress/create"
        | "workspace/diagnostic/refresh" => Ok(Value::Null),
        "window/showMessageRequest" => Ok(Value::Null),
        _ => Err(json!({ "code": -32601, "message": format!("method not found: {method}") })),
    }
}

fn write_message(stdin: &Mutex<Option<ChildStdin>>, message: &Value) {
    let framed = interview_framing::frame(message.to_string().as_bytes());
    if let Some(stdin) = stdin.lock().unwrap().as_mut() {
        // The server may have exited already (exit tests); a broken pipe is then expected.
        let _ = stdin.write_all(&framed);
        let _ = stdin.flush();
    }
}

/// Reads one framed message; `None` at end of stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let body = interview_framing::read_message(reader).ok()??;
    serde_json::from_slice(&body).ok()
}

/// The `file:` URI of a path (absolute paths only; enough for tests on Unix-like systems).
pub fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(byte as char);
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// The path of a `file:` URI (percent-decoded).
pub fn uri_path(uri: &str) -> PathBuf {
    let rest = uri.strip_prefix("file://").expect("a file URI");
    let rest = rest.split('#').next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&rest[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    PathBuf::from(String::from_utf8(out).expect("UTF-8 path"))
}

/// A range edit as a content change (positions in the negotiated encoding).
pub fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> Value {
    json!({
        "range": {
            "start": { "line": start.0, "character": start.1 },
            "end": { "line": end.0, "character": end.1 }
        },
        "text": text
    })
}

/// A full-text replacement as a content change.
pub fn replace_all(text: &str) -> Value {
    json!({ "text": text })
}

/// The position at the end of `text` in UTF-16 or UTF-8 code units, for building edits that
/// append.
pub fn end_position(text: &str, utf8: bool) -> (u32, u32) {
    let mut line = 0;
    let mut last_line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                line += 1;
                i += 2;
                last_line_start = i;
                continue;
            }
            b'\r' | b'\n' => {
                line += 1;
                last_line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let tail = &text[last_line_start..];
    let column = if utf8 {
        tail.len()
    } else {
        tail.encode_utf16().count()
    };
    (line, column as u32)
}

/// Byte offsets where each line starts, with only `\n`, `\r\n` and `\r` ending lines (as LSP
/// counts them).
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
            }
            b'\r' | b'\n' => {
                starts.push(i + 1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    starts
}
