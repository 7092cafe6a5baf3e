//! A minimal LSP client over a child process's stdio.
//!
//! A writer thread owns the server's stdin, so a large message never blocks the reader; the reader
//! thread answers the server's requests itself (through the writer) and hands every other message
//! to the caller with its arrival time. Every wait has a deadline.

use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

/// A message from the server and when the reader thread received it.
#[derive(Debug)]
pub struct Incoming {
    /// Arrival time.
    pub at: Instant,
    /// The decoded JSON-RPC message.
    pub message: Value,
}

/// A running server and the client's end of its stdio.
pub struct Connection {
    child: Child,
    to_writer: Option<Sender<Vec<u8>>>,
    from_reader: Receiver<Incoming>,
    next_id: i64,
}

impl Connection {
    /// Starts `command` (program and arguments) with piped stdio. `settings` answers the server's
    /// `workspace/configuration` requests. Returns the connection and the instant just before the
    /// spawn.
    pub fn spawn(command: &[String], settings: Value) -> Result<(Connection, Instant)> {
        let (program, args) = command.split_first().context("empty server command")?;
        let started = Instant::now();
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // A chatty server must not block on a full stderr pipe nobody reads.
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {program:?}"))?;
        let stdin = child.stdin.take().context("no stdin pipe")?;
        let stdout = child.stdout.take().context("no stdout pipe")?;
        let (to_writer, writer_queue) = mpsc::channel();
        let (to_caller, from_reader) = mpsc::channel();
        thread::spawn(move || write_loop(stdin, writer_queue));
        let replies = to_writer.clone();
        thread::spawn(move || read_loop(stdout, replies, to_caller, settings));
        let connection = Connection {
            child,
            to_writer: Some(to_writer),
            from_reader,
            next_id: 1,
        };
        Ok((connection, started))
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Queues a request; returns its id. `Value::Null` params are left out, as `shutdown` needs.
    pub fn request(&mut self, method: &str, params: Value) -> Result<i64> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&message(Some(id), method, params))?;
        Ok(id)
    }

    /// Queues a notification. `Value::Null` params are left out, as `exit` needs.
    pub fn notify(&mut self, method: &str, params: Value) -> Result<()> {
        self.send(&message(None, method, params))
    }

    /// Queues an already-serialised message body (so a caller can time the send alone).
    pub fn send_raw(&mut self, body: Vec<u8>) -> Result<()> {
        let writer = self.to_writer.as_ref().context("connection closed")?;
        writer
            .send(interview_framing::frame(&body))
            .map_err(|_| anyhow::anyhow!("the server closed its input"))
    }

    fn send(&mut self, message: &Value) -> Result<()> {
        self.send_raw(serde_json::to_vec(message)?)
    }

    /// Waits for the response to request `id`.
    pub fn response(&mut self, id: i64, timeout: Duration) -> Result<Incoming> {
        let incoming = self.wait_for(timeout, |m| m.get("id") == Some(&json!(id)))?;
        if let Some(error) = incoming.message.get("error") {
            bail!("request {id} failed: {error}");
        }
        Ok(incoming)
    }

    /// Waits for the first message that `wanted` accepts, dropping the others.
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        mut wanted: impl FnMut(&Value) -> bool,
    ) -> Result<Incoming> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.next_before(deadline)? {
                Some(incoming) if wanted(&incoming.message) => return Ok(incoming),
                Some(_) => {}
                None => bail!("timed out after {:.1} s", timeout.as_secs_f64()),
            }
        }
    }

    /// The next message, or `None` at the deadline.
    pub fn next_before(&mut self, deadline: Instant) -> Result<Option<Incoming>> {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.from_reader.recv_timeout(wait) {
            Ok(incoming) => Ok(Some(incoming)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => bail!("the server closed its output"),
        }
    }

    /// Drops every message already received.
    pub fn drain(&mut self) {
        while self.from_reader.try_recv().is_ok() {}
    }

    /// Sends `shutdown` and `exit`, and waits up to `timeout` for the process to end (then kills
    /// it).
    pub fn shutdown(mut self, timeout: Duration) -> Result<()> {
        let id = self.request("shutdown", Value::Null)?;
        let acknowledged = self.response(id, timeout);
        self.notify("exit", Value::Null)?;
        self.to_writer = None;
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                return acknowledged.map(drop);
            }
            thread::sleep(Duration::from_millis(5));
        }
        bail!(
            "the server did not exit within {:.1} s",
            timeout.as_secs_f64()
        )
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A JSON-RPC request (with an id) or notification; methods without params (`shutdown`, `exit`)
/// get no `params` member, since strict servers reject `"params": null`.
fn message(id: Option<i64>, method: &str, params: Value) -> Value {
    let mut message = json!({"jsonrpc": "2.0", "method": method});
    if let Some(id) = id {
        message["id"] = json!(id);
    }
    if !params.is_null() {
        message["params"] = params;
    }
    message
}

fn write_loop(mut stdin: ChildStdin, queue: Receiver<Vec<u8>>) {
    for bytes in queue {
        if stdin
            .write_all(&bytes)
            .and_then(|()| stdin.flush())
            .is_err()
        {
            return;
        }
    }
}

fn read_loop(
    stdout: ChildStdout,
    replies: Sender<Vec<u8>>,
    caller: Sender<Incoming>,
    settings: Value,
) {
    let mut reader = BufReader::with_capacity(1 << 16, stdout);
    while let Ok(Some(body)) = interview_framing::read_message(&mut reader) {
        let at = Instant::now();
        let Ok(message) = serde_json::from_slice::<Value>(&body) else {
            continue;
        };
        if let (Some(id), Some(method)) = (message.get("id"), message.get("method")) {
            let result = answer(
                method.as_str().unwrap_or(""),
                message.get("params"),
                &settings,
            );
            let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
            let bytes = serde_json::to_vec(&reply).unwrap_or_default();
            if replies.send(interview_framing::frame(&bytes)).is_err() {
                return;
            }
            continue;
        }
        if caller.send(Incoming { at, message }).is_err() {
            return;
        }
    }
}

/// The client's answer to a server request: settings for `workspace/configuration`, `null` for
/// everything else (registrations, progress tokens, message requests), which means "done, nothing
/// to report".
pub fn answer(method: &str, params: Option<&Value>, settings: &Value) -> Value {
    match method {
        "workspace/configuration" => {
            let items = params
                .and_then(|p| p.get("items"))
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            Value::Array(
                items
                    .iter()
                    .map(|item| section(settings, item.get("section").and_then(Value::as_str)))
                    .collect(),
            )
        }
        _ => Value::Null,
    }
}

/// The settings under a dotted `section` (`a.b`), the whole object without one, `null` if absent.
fn section(settings: &Value, name: Option<&str>) -> Value {
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return settings.clone();
    };
    name.split('.')
        .try_fold(settings, |value, key| value.get(key))
        .cloned()
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_configuration_per_requested_section() {
        let settings = json!({"harper-ls": {"maxFileLength": 100_000_000}, "a": {"b": 1}});
        let params = json!({"items": [
            {"section": "harper-ls"}, {}, {"section": "a.b"}, {"section": "missing"}
        ]});
        let answer = answer("workspace/configuration", Some(&params), &settings);
        assert_eq!(
            answer,
            json!([{"maxFileLength": 100_000_000}, settings, 1, null])
        );
    }

    #[test]
    fn leaves_out_null_params() {
        assert_eq!(
            message(Some(3), "shutdown", Value::Null),
            json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
        );
        assert_eq!(
            message(None, "initialized", json!({})),
            json!({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        );
    }

    #[test]
    fn answers_other_requests_with_null() {
        let settings = json!({});
        for method in [
            "client/registerCapability",
            "window/workDoneProgress/create",
            "x/y",
        ] {
            assert_eq!(answer(method, None, &settings), Value::Null);
        }
        assert_eq!(
            answer("workspace/configuration", None, &settings),
            json!([])
        );
    }
}
