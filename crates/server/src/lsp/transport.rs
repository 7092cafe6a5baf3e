//! A guard between stdio and tower-lsp's JSON-RPC codec.
//!
//! tower-lsp ends its read loop on the first frame it cannot decode (its framed reader yields
//! `None` after an error), so one garbage header or one invalid JSON body would stop the server.
//! The guard reads the client's bytes itself, forwards only well-formed messages, answers the
//! rest with the JSON-RPC error the spec asks for, and logs what it refused. Output frames from
//! the server and the guard's own error responses are written whole, never interleaved.

use std::io;

use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;

/// The largest message body accepted (a 10 MB document sent whole fits with room to spare).
pub const MAX_BODY: usize = 64 * 1024 * 1024;
/// The largest header block accepted before the guard treats the bytes as garbage.
const MAX_HEADER: usize = 8 * 1024;
/// Buffer size of the in-memory pipes to and from tower-lsp.
const PIPE: usize = 1024 * 1024;

/// Starts the guard on `input` and `output` and returns the pipe ends tower-lsp should read from
/// and write to. The guard's tasks end when `input` ends (the server then sees end of input) and
/// when the server closes its output.
pub fn spawn<R, W>(input: R, output: W) -> (DuplexStream, DuplexStream)
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (server_in, guard_to_server) = tokio::io::duplex(PIPE);
    let (server_out, server_to_guard) = tokio::io::duplex(PIPE);
    let (frames_tx, frames_rx) = mpsc::unbounded_channel::<Vec<u8>>();

    tokio::spawn(read_client(input, guard_to_server, frames_tx.clone()));
    tokio::spawn(read_server(server_to_guard, frames_tx));
    tokio::spawn(write_client(output, frames_rx));
    (server_in, server_out)
}

/// Frames a JSON body with its `Content-Length` header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// What one read of a frame gave.
#[derive(Debug, PartialEq)]
enum Frame {
    /// A body of the announced length.
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`; the bytes were skipped.
    BadHeader(String),
    /// A body over [`MAX_BODY`]; it was read and dropped.
    TooLarge(usize),
}

/// Reads LSP frames from a byte stream, resynchronising on the next `Content-Length` after
/// garbage.
struct FrameReader<R> {
    input: R,
    buf: Vec<u8>,
    eof: bool,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    fn new(input: R) -> Self {
        FrameReader {
            input,
            buf: Vec::new(),
            eof: false,
        }
    }

    /// Reads more bytes; false at end of input.
    async fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let mut chunk = [0u8; 64 * 1024];
        let n = self.input.read(&mut chunk).await?;
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(true)
    }

    /// The next frame, or `None` at end of input (a message cut off by the end is dropped).
    async fn next(&mut self) -> io::Result<Option<Frame>> {
        loop {
            if let Some(end) = find(&self.buf, b"\r\n\r\n") {
                let header = String::from_utf8_lossy(&self.buf[..end]).into_owned();
                self.buf.drain(..end + 4);
                return match content_length(&header) {
                    Ok(len) if len > MAX_BODY => {
                        self.skip(len).await?;
                        Ok(Some(Frame::TooLarge(len)))
                    }
                    Ok(len) => Ok(self.body(len).await?.map(Frame::Body)),
                    Err(why) => {
                        self.resync();
                        Ok(Some(Frame::BadHeader(why)))
                    }
                };
            }
            if self.buf.len() > MAX_HEADER {
                let skipped = self.buf.len();
                self.buf.clear();
                return Ok(Some(Frame::BadHeader(format!(
                    "{skipped} bytes without a header end"
                ))));
            }
            if !self.fill().await? {
                return Ok(None);
            }
        }
    }

    async fn body(&mut self, len: usize) -> io::Result<Option<Vec<u8>>> {
        while self.buf.len() < len {
            if !self.fill().await? {
                return Ok(None);
            }
        }
        Ok(Some(self.buf.drain(..len).collect()))
    }

    async fn skip(&mut self, mut len: usize) -> io::Result<()> {
        loop {
            let n = len.min(self.buf.len());
            self.buf.drain(..n);
            len -= n;
            if len == 0 || !self.fill().await? {
                return Ok(());
            }
        }
    }

    /// Drops bytes up to the next `Content-Length`, where the next message may start.
    fn resync(&mut self) {
        let at = find_ignore_case(&self.buf, b"content-length").unwrap_or(self.buf.len());
        self.buf.drain(..at);
    }
}

/// The `Content-Length` of a header block, or why there is none.
fn content_length(header: &str) -> Result<usize, String> {
    let mut length = None;
    for line in header.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("malformed header line {line:?}"));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| format!("invalid Content-Length {:?}", value.trim()))?,
            );
        }
    }
    length.ok_or_else(|| "missing Content-Length".to_string())
}

/// Why a body is not a JSON-RPC message, with the error response to send, if any.
fn check_body(body: &[u8]) -> Result<(), (String, Option<Value>)> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(err) => {
            let response = error_response(Value::Null, -32700, "Parse error");
            return Err((format!("invalid JSON: {err}"), Some(response)));
        }
    };
    let Some(object) = value.as_object() else {
        let response = error_response(Value::Null, -32600, "Invalid Request");
        return Err(("not a JSON object".to_string(), Some(response)));
    };
    let id = object.get("id").cloned();
    let is_message = object.get("jsonrpc") == Some(&json!("2.0"))
        && (object.get("method").is_some_and(Value::is_string)
            || object.contains_key("result")
            || object.contains_key("error"))
        && id
            .as_ref()
            .is_none_or(|id| id.is_string() || id.is_i64() || id.is_u64() || id.is_null());
    if is_message {
        return Ok(());
    }
    // A notification gets no answer; anything with an id, or no method, gets Invalid Request.
    let response = match (&id, object.get("method")) {
        (None, Some(_)) => None,
        _ => Some(error_response(
            id.filter(|id| id.is_string() || id.is_number())
                .unwrap_or(Value::Null),
            -32600,
            "Invalid Request",
        )),
    };
    Err(("not a JSON-RPC 2.0 message".to_string(), response))
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
                Ok(()) => {
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
        if let Frame::Body(body) = next {
            if frames.send(frame(&body)).is_err() {
                break;
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

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames_of(bytes: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::new(bytes);
        let mut out = Vec::new();
        while let Some(frame) = reader.next().await.expect("in-memory reads do not fail") {
            out.push(frame);
        }
        out
    }

    #[tokio::test]
    async fn reads_frames_and_resyncs_after_garbage() {
        let mut bytes = b"garbage\r\n\r\n".to_vec();
        bytes.extend(frame(br#"{"a":1}"#));
        bytes.extend(b"Content-Length: x\r\n\r\n");
        bytes.extend(frame(br#"{"b":2}"#));
        let frames = frames_of(&bytes).await;
        assert_eq!(
            frames,
            vec![
                Frame::BadHeader("malformed header line \"garbage\"".into()),
                Frame::Body(br#"{"a":1}"#.to_vec()),
                Frame::BadHeader("invalid Content-Length \"x\"".into()),
                Frame::Body(br#"{"b":2}"#.to_vec()),
            ]
        );
    }

    #[tokio::test]
    async fn a_message_cut_off_by_end_of_input_is_dropped() {
        let frames = frames_of(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"").await;
        assert!(frames.is_empty());
    }

    #[tokio::test]
    async fn oversized_bodies_are_skipped() {
        let mut bytes = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        bytes.resize(bytes.len() + MAX_BODY + 1, b' ');
        bytes.extend(frame(b"{}"));
        let frames = frames_of(&bytes).await;
        assert_eq!(
            frames,
            vec![Frame::TooLarge(MAX_BODY + 1), Frame::Body(b"{}".to_vec())]
        );
    }

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
        let (mut server_in, mut server_out) = spawn(guard_input, guard_output);

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
}
