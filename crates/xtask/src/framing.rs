//! LSP base-protocol framing: `Content-Length` headers around JSON bodies.

use std::io::{self, BufRead};

/// Frames one JSON-RPC message body for the wire.
pub fn encode(body: &[u8]) -> Vec<u8> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut out = Vec::with_capacity(header.len() + body.len());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(body);
    out
}

/// Reads one framed message body. `Ok(None)` is a clean end of stream before any header byte.
///
/// Header names are matched case-insensitively; headers other than `Content-Length` (such as
/// `Content-Type`) are skipped.
pub fn read_message<R: BufRead>(reader: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut line = String::new();
    let mut first = true;
    loop {
        line.clear();
        let n = reader.read_line(&mut line)?;
        if n == 0 {
            if first {
                return Ok(None);
            }
            return Err(invalid("end of stream inside a message header"));
        }
        first = false;
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if trimmed.is_empty() {
            break;
        }
        let Some((name, value)) = trimmed.split_once(':') else {
            return Err(invalid(&format!("malformed header line {trimmed:?}")));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let parsed = value
                .trim()
                .parse::<usize>()
                .map_err(|_| invalid(&format!("bad Content-Length {:?}", value.trim())))?;
            length = Some(parsed);
        }
    }
    let length = length.ok_or_else(|| invalid("message header without Content-Length"))?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Some(body))
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn encodes_byte_length_not_char_length() {
        let body = "{\"t\":\"é😀\"}".as_bytes();
        let framed = encode(body);
        let text = String::from_utf8(framed).unwrap();
        assert_eq!(
            text,
            format!("Content-Length: {}\r\n\r\n{{\"t\":\"é😀\"}}", body.len())
        );
        assert_eq!(body.len(), 14);
    }

    #[test]
    fn reads_back_consecutive_messages() {
        let mut wire = encode(b"{\"a\":1}");
        wire.extend(encode("{\"b\":\"ü\"}".as_bytes()));
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
