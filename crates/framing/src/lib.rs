//! LSP base-protocol framing: `Content-Length: N` header blocks around JSON bodies.
//!
//! One implementation for every side of the wire: the server's transport guard reads the client
//! with the async `FrameReader` (feature `async`), which parses headers with [`parse_header`] and
//! resumes after junk at [`next_frame_start`]; the end-to-end tests and the LSP bench write with
//! [`frame`] and read with [`read_message`].

use std::io::{self, BufRead};

#[cfg(feature = "async")]
mod reader;
#[cfg(feature = "async")]
pub use reader::{Frame, FrameReader, MAX_BODY, frames_of};

/// The largest header block accepted before the guard treats the bytes as garbage.
pub const MAX_HEADER: usize = 8 * 1024;
/// The longest header line accepted (real ones are a few dozen bytes); short
/// limits keep the search for the next frame in junk from rescanning long stretches.
pub const MAX_LINE: usize = 1024;
/// The longest header name accepted.
pub const MAX_NAME: usize = 64;

/// Frames a JSON body with its `Content-Length` header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// Whether `junk` holds a complete `Content-Length: <number>` header line. Such bytes are a header,
/// not junk: with what follows they can form a frame that takes the next frame's bytes as its
/// body. Everything else between frames is skipped without losing a frame.
pub fn declares_length(junk: &[u8]) -> bool {
    let lower = junk.to_ascii_lowercase();
    let name = b"content-length";
    (0..lower.len()).any(|at| {
        let Some(rest) = lower[at..].strip_prefix(name.as_slice()) else {
            return false;
        };
        let Some(colon) = rest.iter().position(|&b| b == b':') else {
            return false;
        };
        if !rest[..colon].is_empty() {
            return false;
        }
        let value = &rest[colon + 1..];
        let Some(end) = value.windows(2).position(|w| w == b"\r\n") else {
            return false;
        };
        String::from_utf8_lossy(&value[..end])
            .trim()
            .parse::<usize>()
            .is_ok()
    })
}

/// Header names a frame may start with: where reading resumes after junk.
pub const FRAME_STARTS: [&[u8]; 2] = [b"content-length", b"content-type"];

/// What parsing a header block at the start of the buffer gave.
#[derive(Debug, PartialEq)]
pub enum Header {
    /// A complete block: its length in bytes (with the blank line) and the `Content-Length`.
    Complete {
        /// The block's length in bytes, with the blank line.
        len: usize,
        /// The body's length.
        content_length: usize,
    },
    /// Valid so far; more bytes are needed.
    Incomplete,
    /// Not a header block.
    Invalid(String),
}

/// The earliest offset after the first byte where a frame may start: a header name of
/// [`FRAME_STARTS`], whole or cut off by the end of the buffer. The buffer's length when there is
/// none.
pub fn next_frame_start(buf: &[u8]) -> usize {
    (1..buf.len())
        .find(|&at| {
            let rest = &buf[at..];
            FRAME_STARTS.iter().any(|name| {
                let n = rest.len().min(name.len());
                rest[..n].eq_ignore_ascii_case(&name[..n])
            })
        })
        .unwrap_or(buf.len())
}

/// Parses the header block at the start of `buf`: `Name: value` lines ended by CRLF, then an empty
/// line. A block needs exactly one valid `Content-Length`. Anything else (a bare LF, a line without
/// a name and a colon, a line over [`MAX_LINE`] bytes, a block over [`MAX_HEADER`]) is invalid as
/// soon as it is seen, so that junk is skipped without waiting for more input.
pub fn parse_header(buf: &[u8]) -> Header {
    let mut content_length = None;
    let mut at = 0;
    loop {
        let rest = &buf[at..];
        let window = &rest[..rest.len().min(MAX_LINE + 2)];
        let Some(end) = window.iter().position(|&b| b == b'\n') else {
            if rest.len() > MAX_LINE + 1 {
                return Header::Invalid(format!("a header line over {MAX_LINE} bytes"));
            }
            return match partial_line(rest) {
                Ok(()) => Header::Incomplete,
                Err(why) => Header::Invalid(why),
            };
        };
        let Some(line) = end.checked_sub(1).filter(|&cr| rest[cr] == b'\r') else {
            return Header::Invalid("a header line ends without CR".to_string());
        };
        let line = &rest[..line];
        at += end + 1;
        if line.is_empty() {
            return match content_length {
                Some(content_length) => Header::Complete {
                    len: at,
                    content_length,
                },
                None => Header::Invalid("missing Content-Length".to_string()),
            };
        }
        if at > MAX_HEADER {
            return Header::Invalid(format!("no header end in {MAX_HEADER} bytes"));
        }
        let (name, value) = match header_line(line) {
            Ok(pair) => pair,
            Err(why) => return Header::Invalid(why),
        };
        if name.eq_ignore_ascii_case(b"content-length") {
            let value = String::from_utf8_lossy(value);
            let Ok(length) = value.trim().parse::<usize>() else {
                return Header::Invalid(format!("invalid Content-Length {:?}", value.trim()));
            };
            if content_length.replace(length).is_some() {
                return Header::Invalid("two Content-Length headers".to_string());
            }
        }
    }
}

fn malformed(line: &[u8]) -> String {
    let shown = &line[..line.len().min(80)];
    format!("malformed header line {:?}", String::from_utf8_lossy(shown))
}

/// Whether `name` can be a header name: 1 to [`MAX_NAME`] token characters.
fn valid_name(name: &[u8]) -> bool {
    !name.is_empty() && name.len() <= MAX_NAME && name.iter().all(|&b| is_name_byte(b))
}

/// A complete header line's name and value.
fn header_line(line: &[u8]) -> Result<(&[u8], &[u8]), String> {
    let colon = line
        .iter()
        .position(|&b| b == b':')
        .ok_or_else(|| malformed(line))?;
    let (name, value) = (&line[..colon], &line[colon + 1..]);
    if !valid_name(name) || value.contains(&b'\r') {
        return Err(malformed(line));
    }
    Ok((name, value))
}

/// Checks the start of a header line that has not ended yet, so that junk is refused as soon as
/// it arrives instead of when a line break follows.
fn partial_line(line: &[u8]) -> Result<(), String> {
    // A trailing CR is the line's end arriving.
    let (line, ended) = match line.strip_suffix(b"\r") {
        Some(line) => (line, true),
        None => (line, false),
    };
    let ok = match line.iter().position(|&b| b == b':') {
        // The blank line that ends the block, or a name so far.
        None if ended => line.is_empty(),
        None => line.len() <= MAX_NAME && line.iter().all(|&b| is_name_byte(b)),
        Some(colon) => valid_name(&line[..colon]) && !line[colon + 1..].contains(&b'\r'),
    };
    if ok { Ok(()) } else { Err(malformed(line)) }
}

/// A byte of a header name (an HTTP token character).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Reads one message body from a well-behaved peer: a header block as [`parse_header`] accepts
/// it, then the body. `Ok(None)` is a clean end of input before a header starts; anything else
/// that is not a frame is an [`io::ErrorKind::InvalidData`] error.
pub fn read_message<R: BufRead>(reader: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut header = Vec::new();
    loop {
        match parse_header(&header) {
            Header::Complete { content_length, .. } => {
                let mut body = vec![0; content_length];
                reader.read_exact(&mut body)?;
                return Ok(Some(body));
            }
            Header::Invalid(why) => return Err(io::Error::new(io::ErrorKind::InvalidData, why)),
            Header::Incomplete => {
                // One line at a time, so no byte of the body is taken with the header.
                let n = reader.read_until(b'\n', &mut header)?;
                if n == 0 {
                    if header.is_empty() {
                        return Ok(None);
                    }
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "end of input inside a message header",
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn encodes_byte_length_not_char_length() {
        let body = "{\"t\":\"é😀\"}".as_bytes();
        let framed = frame(body);
        let text = String::from_utf8(framed).unwrap();
        assert_eq!(
            text,
            format!("Content-Length: {}\r\n\r\n{{\"t\":\"é😀\"}}", body.len())
        );
        assert_eq!(body.len(), 14);
    }

    #[test]
    fn reads_back_consecutive_messages() {
        let mut wire = frame(b"{\"a\":1}");
        wire.extend(frame("{\"b\":\"ü\"}".as_bytes()));
        let mut reader = BufReader::new(&wire[..]);
        assert_eq!(read_message(&mut reader).unwrap().unwrap(), b"{\"a\":1}");
        assert_eq!(
            read_message(&mut reader).unwrap().unwrap(),
            "{\"b\":\"ü\"}".as_bytes()
        );
        assert!(read_message(&mut reader).unwrap().is_none());
    }

    #[test]
    fn skips_other_headers_and_ignores_case() {
        let wire = b"content-type: application/vscode-jsonrpc; charset=utf-8\r\n\
                     CONTENT-LENGTH: 2\r\n\r\n{}";
        let mut reader = BufReader::new(&wire[..]);
        assert_eq!(read_message(&mut reader).unwrap().unwrap(), b"{}");
    }

    #[test]
    fn rejects_missing_or_bad_length() {
        let mut reader = BufReader::new(&b"Content-Type: x\r\n\r\n{}"[..]);
        assert!(read_message(&mut reader).is_err());
        let mut reader = BufReader::new(&b"Content-Length: ten\r\n\r\n{}"[..]);
        assert!(read_message(&mut reader).is_err());
        let mut reader = BufReader::new(&b"no colon here\r\n\r\n"[..]);
        assert!(read_message(&mut reader).is_err());
    }

    #[test]
    fn rejects_truncated_messages() {
        let mut reader = BufReader::new(&b"Content-Length: 10\r\n\r\n{}"[..]);
        assert!(read_message(&mut reader).is_err());
        let mut reader = BufReader::new(&b"Content-Length: 10\r\n"[..]);
        assert!(read_message(&mut reader).is_err());
    }
}
