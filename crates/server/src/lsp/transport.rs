//! A guard between stdio and tower-lsp's JSON-RPC codec.
//!
//! tower-lsp ends its read loop on the first frame it cannot decode (its framed reader yields
//! `None` after an error), so one garbage header or one invalid JSON body would stop the server.
//! The guard reads the client's bytes itself, forwards only well-formed messages, answers the
//! rest with the JSON-RPC error the spec asks for, and logs what it refused. Output frames from
//! the server and the guard's own error responses are written whole, never interleaved.

use std::borrow::Cow;

use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;

use interview_framing::{Frame, FrameReader, MAX_BODY, frame};

/// Buffer size of the in-memory pipes to and from tower-lsp.
const PIPE: usize = 1024 * 1024;

/// The pipe ends tower-lsp reads from and writes to, and a signal for the end of the client's input.
pub struct Guarded {
    /// What tower-lsp reads: the client's well-formed messages.
    pub input: DuplexStream,
    /// What tower-lsp writes: passed on to the client whole.
    pub output: DuplexStream,
    /// Resolves when the client's input has ended (closed or failed).
    pub input_closed: tokio::sync::oneshot::Receiver<()>,
}

/// Starts the guard on `input` and `output`. The guard's tasks end when `input` ends (the server
/// then sees end of input, and `input_closed` resolves) and when the server closes its output.
pub fn spawn<R, W>(input: R, output: W) -> Guarded
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (server_in, guard_to_server) = tokio::io::duplex(PIPE);
    let (server_out, server_to_guard) = tokio::io::duplex(PIPE);
    let (frames_tx, frames_rx) = mpsc::unbounded_channel::<Vec<u8>>();
    let (closed_tx, input_closed) = tokio::sync::oneshot::channel();

    let replies = frames_tx.clone();
    tokio::spawn(async move {
        read_client(input, guard_to_server, replies).await;
        let _ = closed_tx.send(());
    });
    tokio::spawn(read_server(server_to_guard, frames_tx));
    tokio::spawn(write_client(output, frames_rx));
    Guarded {
        input: server_in,
        output: server_out,
        input_closed,
    }
}

/// A message as tower-lsp decodes it (its own `Message` type is private): what does not
/// deserialize into this would end tower-lsp's read loop, so it is never forwarded.
#[derive(serde::Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // Only whether it deserializes matters.
enum Decodable {
    Response(tower_lsp::jsonrpc::Response),
    Request(tower_lsp::jsonrpc::Request),
}

/// Methods that take no parameters: tower-lsp refuses even `null` there, which clients such as
/// Eglot send with `shutdown`.
const NO_PARAMS: [&str; 2] = ["shutdown", "exit"];

/// Copies the client's `capabilities.workspace.diagnostics` (as the protocol spells it) to
/// `diagnostic`, the only spelling lsp-types 0.94 reads, so that `refreshSupport` is seen. Returns
/// whether the message changed.
fn spell_workspace_diagnostics(object: &mut serde_json::Map<String, Value>) -> bool {
    let Some(Value::Object(workspace)) = object
        .get_mut("params")
        .and_then(|p| p.get_mut("capabilities"))
        .and_then(|c| c.get_mut("workspace"))
    else {
        return false;
    };
    match workspace.get("diagnostics") {
        Some(value @ Value::Object(_)) if !workspace.contains_key("diagnostic") => {
            let value = value.clone();
            workspace.insert("diagnostic".to_string(), value);
            true
        }
        _ => false,
    }
}

/// The body to forward to tower-lsp, or why the body is not a JSON-RPC message it can take, with
/// the error response to send, if any.
pub fn check_body(body: &[u8]) -> Result<Vec<u8>, (String, Option<Value>)> {
    let value: Value = match std::str::from_utf8(body)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(text).map_err(|e| e.to_string()))
    {
        Ok(value) => value,
        Err(err) => {
            let response = error_response(Value::Null, -32700, "Parse error");
            return Err((format!("invalid JSON: {err}"), Some(response)));
        }
    };
    let Value::Object(mut object) = value else {
        let response = error_response(Value::Null, -32600, "Invalid Request");
        return Err(("not a JSON object".to_string(), Some(response)));
    };
    let id = object.get("id").cloned();
    let method = object.get("method").cloned();
    let is_message = object.get("jsonrpc") == Some(&json!("2.0"))
        && (method.as_ref().is_some_and(Value::is_string)
            || object.contains_key("result")
            || object.contains_key("error"));
    let mut body = Cow::Borrowed(body);
    if let Some(Value::String(name)) = &method {
        let empty = |params: &Value| match params {
            Value::Null => true,
            Value::Object(map) => map.is_empty(),
            Value::Array(list) => list.is_empty(),
            _ => false,
        };
        if NO_PARAMS.contains(&name.as_str()) && object.get("params").is_some_and(empty) {
            object.remove("params");
            body = Cow::Owned(Value::Object(object.clone()).to_string().into_bytes());
        }
        if name == "initialize" && spell_workspace_diagnostics(&mut object) {
            body = Cow::Owned(Value::Object(object.clone()).to_string().into_bytes());
        }
    }
    // tower-lsp's own types decide: an id past i64, a method that is not a string beside a
    // `result` or `error`, an `error` that is not an error object, would each stop its read loop.
    let decodable = is_message && serde_json::from_slice::<Decodable>(&body).is_ok();
    if decodable {
        return Ok(body.into_owned());
    }
    // A notification gets no answer; anything with an id, or no method, gets Invalid Request.
    let response = match (&id, &method) {
        (None, Some(_)) => None,
        _ => Some(error_response(
            id.filter(|id| id.is_string() || id.is_number())
                .unwrap_or(Value::Null),
            -32600,
            "Invalid Request",
        )),
    };
    let why = if is_message {
        "a JSON-RPC message the server cannot decode (an id past 64-bit integers?)"
    } else {
        "not a JSON-RPC 2.0 message"
    };
    Err((why.to_string(), response))
}

fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

async fn read_client<R: AsyncRead + Unpin>(
    input: R,
    mut to_server: DuplexStream,
    replies: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut reader = FrameReader::new(input);
    loop {
        let next = match reader.next().await {
            Ok(Some(next)) => next,
            Ok(None) => break,
            Err(err) => {
                tracing::error!("reading the client failed: {err}");
                break;
            }
        };
        match next {
            Frame::Body(body) => match check_body(&body) {
                Ok(body) => {
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        break;
                    }
                }
                Err((why, response)) => {
                    tracing::warn!("refused a message from the client: {why}");
                    if let Some(response) = response {
                        let _ = replies.send(frame(response.to_string().as_bytes()));
                    }
                }
            },
            Frame::BadHeader(why) => {
                tracing::warn!("skipped bytes from the client: {why}");
                let response = error_response(Value::Null, -32700, "Parse error");
                let _ = replies.send(frame(response.to_string().as_bytes()));
            }
            Frame::TooLarge(len) => {
                tracing::warn!("refused a message of {len} bytes (limit {MAX_BODY})");
                let response = error_response(Value::Null, -32600, "Message too large");
                let _ = replies.send(frame(response.to_string().as_bytes()));
            }
        }
    }
    // Dropping `to_server` gives the server end of input, so it shuts down.
    let _ = to_server.shutdown().await;
}

async fn read_server(from_server: DuplexStream, frames: mpsc::UnboundedSender<Vec<u8>>) {
    let mut reader = FrameReader::new(from_server);
    while let Ok(Some(next)) = reader.next().await {
        match next {
            Frame::Body(body) => {
                if frames.send(frame(&body)).is_err() {
                    break;
                }
            }
            // The producers cap what they send (diagnostics, symbols), so this is a bug: say so.
            Frame::TooLarge(len) => tracing::error!(
                "dropped a message to the client of {len} bytes (limit {MAX_BODY}); please report it"
            ),
            Frame::BadHeader(why) => {
                tracing::error!("dropped malformed output to the client: {why}");
            }
        }
    }
}

async fn write_client<W: AsyncWrite + Unpin>(
    mut output: W,
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(frame) = frames.recv().await {
        if output.write_all(&frame).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    #[test]
    fn bodies_are_checked_as_json_rpc() {
        assert!(check_body(br#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#).is_ok());
        assert!(check_body(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
        assert!(check_body(br#"{"jsonrpc":"2.0","id":3,"result":null}"#).is_ok());

        let (why, reply) = check_body(b"{not json").unwrap_err();
        assert!(why.starts_with("invalid JSON"));
        assert_eq!(reply.unwrap()["error"]["code"], -32700);

        let (_, reply) = check_body(br#"{"jsonrpc":"2.0","id":7}"#).unwrap_err();
        let reply = reply.unwrap();
        assert_eq!(
            (reply["id"].clone(), reply["error"]["code"].clone()),
            (json!(7), json!(-32600))
        );

        // A malformed notification is dropped without an answer.
        let (_, reply) = check_body(br#"{"jsonrpc":"1.0","method":"x"}"#).unwrap_err();
        assert!(reply.is_none());
    }

    #[tokio::test]
    async fn the_guard_forwards_good_messages_and_answers_bad_ones() {
        let (client, guard_input) = tokio::io::duplex(1 << 16);
        let (guard_output, mut client_reads) = tokio::io::duplex(1 << 16);
        let guarded = spawn(guard_input, guard_output);
        let (mut server_in, mut server_out) = (guarded.input, guarded.output);

        let mut client = client;
        client.write_all(&frame(b"[1,2")).await.unwrap();
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        client.write_all(&frame(good)).await.unwrap();
        drop(client);

        // The server sees only the good message, then end of input.
        let mut seen = Vec::new();
        server_in.read_to_end(&mut seen).await.unwrap();
        assert_eq!(seen, frame(good));

        // The client gets the parse error, then the server's own output, whole.
        server_out
            .write_all(&frame(br#"{"jsonrpc":"2.0","id":1,"result":null}"#))
            .await
            .unwrap();
        drop(server_out);
        let mut out = Vec::new();
        client_reads.read_to_end(&mut out).await.unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r#""code":-32700"#), "{text}");
        assert!(
            text.ends_with(r#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            "{text}"
        );
    }

    #[test]
    fn messages_tower_lsp_cannot_decode_are_refused() {
        // Each of these ended tower-lsp's read loop, and so the server.
        let (_, reply) =
            check_body(br#"{"jsonrpc":"2.0","id":9223372036854775808,"method":"shutdown"}"#)
                .unwrap_err();
        assert_eq!(reply.unwrap()["error"]["code"], -32600);
        assert!(
            check_body(br#"{"jsonrpc":"2.0","id":9223372036854775808,"result":null}"#).is_err()
        );
        assert!(
            check_body(br#"{"jsonrpc":"2.0","id":9223372036854775808,"method":"initialized"}"#)
                .is_err()
        );
        let (_, reply) = check_body(br#"{"jsonrpc":"2.0","method":{},"error":{}}"#).unwrap_err();
        assert!(reply.is_none());
        // The largest id tower-lsp takes still passes.
        assert!(check_body(br#"{"jsonrpc":"2.0","id":9223372036854775807,"method":"x"}"#).is_ok());
    }

    #[test]
    fn the_workspace_diagnostics_capability_is_read_as_the_protocol_spells_it() {
        let body = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"diagnostics":{"refreshSupport":true}}}}}"#;
        let forwarded: Value = serde_json::from_slice(&check_body(body).unwrap()).unwrap();
        let workspace = &forwarded["params"]["capabilities"]["workspace"];
        assert_eq!(workspace["diagnostic"]["refreshSupport"], true);
        let plain =
            br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
        assert_eq!(check_body(plain).unwrap(), plain.to_vec());
    }

    #[test]
    fn shutdown_and_exit_take_null_or_empty_params() {
        for params in ["null", "{}", "[]"] {
            let body =
                format!(r#"{{"jsonrpc":"2.0","id":1,"method":"shutdown","params":{params}}}"#);
            let forwarded: Value =
                serde_json::from_slice(&check_body(body.as_bytes()).unwrap()).unwrap();
            assert_eq!(
                forwarded,
                json!({ "jsonrpc": "2.0", "id": 1, "method": "shutdown" })
            );
        }
        let body = br#"{"jsonrpc":"2.0","method":"exit","params":null}"#;
        let forwarded: Value = serde_json::from_slice(&check_body(body).unwrap()).unwrap();
        assert_eq!(forwarded, json!({ "jsonrpc": "2.0", "method": "exit" }));
        // Other methods are forwarded as they came.
        let body = br#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":null}"#;
        assert_eq!(check_body(body).unwrap(), body.to_vec());
    }
}
