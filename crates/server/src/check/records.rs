//! `--input jsonl`: drafts as JSON records, one a line, on standard input.
//!
//! Each line is one record, `{"id": ..., "text": "...", "question": "...", "category": "..."}`
//! (`question` and `category` optional), and gets exactly one line of output, so that a stream
//! processor (Spark's `RDD.pipe`, Ray Data) can match results to records by position as well as
//! by id. A line is at most [`MAX_LINE_BYTES`] long; a longer one is skipped to its end without
//! being held in memory, and reported.

use std::io::{self, BufRead};

use serde_json::Value;

use crate::check::MAX_DRAFT_BYTES;

/// The longest record line kept: twice the draft limit, room for a draft of the limit with the
/// escapes JSON adds to quotes, backslashes and line ends.
pub const MAX_LINE_BYTES: usize = 2 * MAX_DRAFT_BYTES as usize;

/// One line of input, without its line end (`\n` or `\r\n`).
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line's bytes.
    Bytes(Vec<u8>),
    /// The line was longer than the limit; this many bytes were skipped.
    TooLong(u64),
}

impl Line {
    /// The bytes held in memory (none for a line too long to keep).
    pub fn held(&self) -> usize {
        match self {
            Line::Bytes(bytes) => bytes.len(),
            Line::TooLong(_) => 0,
        }
    }
}

/// Reads the next line of `reader`, keeping at most `limit` bytes of it. `None` at the end of the
/// input; a last line without a line end is a line.
pub fn next_line(reader: &mut impl BufRead, limit: usize) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut skipped: Option<u64> = None;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let part = &available[..newline.unwrap_or(available.len())];
        match &mut skipped {
            Some(n) => *n += part.len() as u64,
            None if line.len() + part.len() > limit => {
                skipped = Some((line.len() + part.len()) as u64);
                line = Vec::new();
            }
            None => line.extend_from_slice(part),
        }
        let used = newline.map_or(available.len(), |i| i + 1);
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if let Some(n) = skipped {
        return Ok(Some(Line::TooLong(n)));
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(Line::Bytes(line)))
}

/// A record, checked: its id and the draft to analyse.
#[derive(Debug, PartialEq)]
pub struct Record {
    /// The record's `id`, any JSON value (`null` when absent).
    pub id: Value,
    /// The draft.
    pub text: String,
    /// The question it answers, when the record says.
    pub question: Option<String>,
    /// The category of the question, or of the draft, when the record says.
    pub category: Option<String>,
}

/// A record that cannot be checked: what is wrong, and its id when it could be read.
#[derive(Debug, PartialEq)]
pub struct RecordError {
    /// The record's `id`, `null` when the line is not a JSON object with one.
    pub id: Value,
    /// What is wrong, one line.
    pub message: String,
}

/// Parses one line into a record.
pub fn parse(line: Line) -> Result<Record, RecordError> {
    let fail = |id: Value, message: String| RecordError { id, message };
    let bytes = match line {
        Line::Bytes(bytes) => bytes,
        Line::TooLong(n) => {
            return Err(fail(
                Value::Null,
                format!(
                    "record of {n} bytes is larger than the limit of {} MiB; not checked",
                    MAX_LINE_BYTES >> 20
                ),
            ));
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(Value::Null, "empty line: no record".into()));
    }
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(value) => value,
        Err(e) => return Err(fail(Value::Null, format!("not valid JSON: {e}"))),
    };
    let Value::Object(mut object) = value else {
        return Err(fail(
            Value::Null,
            "not a JSON object: a record is {\"id\": ..., \"text\": \"...\"}".into(),
        ));
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    let optional = |object: &mut serde_json::Map<String, Value>, key: &str| match object.remove(key)
    {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        // A question number may come as a JSON number.
        Some(Value::Number(n)) if key == "question" => Ok(Some(n.to_string())),
        Some(_) => Err(format!("`{key}` is not a string")),
    };
    let text = match object.remove("text") {
        Some(Value::String(text)) => text,
        None | Some(Value::Null) => return Err(fail(id, "no `text` in the record".into())),
        Some(_) => return Err(fail(id, "`text` is not a string".into())),
    };
    if text.len() as u64 > MAX_DRAFT_BYTES {
        return Err(fail(
            id,
            format!(
                "text of {} bytes is larger than the limit of {} MiB; not checked",
                text.len(),
                MAX_DRAFT_BYTES >> 20
            ),
        ));
    }
    let question = match optional(&mut object, "question") {
        Ok(q) => q,
        Err(message) => return Err(fail(id, message)),
    };
    let category = match optional(&mut object, "category") {
        Ok(c) => c,
        Err(message) => return Err(fail(id, message)),
    };
    Ok(Record {
        id,
        text,
        question,
        category,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lines(input: &[u8], limit: usize) -> Vec<Line> {
        // A small buffer, so that lines span several reads.
        let mut reader = io::BufReader::with_capacity(3, input);
        let mut out = Vec::new();
        while let Some(line) = next_line(&mut reader, limit).unwrap() {
            out.push(line);
        }
        out
    }

    fn bytes(s: &str) -> Line {
        Line::Bytes(s.as_bytes().to_vec())
    }

    #[test]
    fn splits_lf_and_crlf_lines_and_keeps_a_last_line_without_a_line_end() {
        assert_eq!(
            lines(b"one\r\ntwo\n\nthree", 100),
            [bytes("one"), bytes("two"), bytes(""), bytes("three")]
        );
        assert!(lines(b"", 100).is_empty());
        assert_eq!(lines(b"\n", 100), [bytes("")]);
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_to_its_end_and_the_next_is_read() {
        assert_eq!(
            lines(b"short\nmuch too long\nok", 8),
            [bytes("short"), Line::TooLong(13), bytes("ok")]
        );
        assert_eq!(lines(b"12345678", 8), [bytes("12345678")]);
        assert_eq!(lines(b"123456789", 8), [Line::TooLong(9)]);
    }

    #[test]
    fn parses_records_and_names_what_is_wrong() {
        let record = parse(bytes(
            r#"{"id": 7, "text": "Hi", "question": 4, "category": "partnerships", "x": 1}"#,
        ))
        .unwrap();
        assert_eq!(record.id, json!(7));
        assert_eq!(record.text, "Hi");
        assert_eq!(record.question.as_deref(), Some("4"));
        assert_eq!(record.category.as_deref(), Some("partnerships"));

        let error = |line: &str| parse(bytes(line)).unwrap_err();
        assert!(
            error(r#"{"id": 1, "text": "#)
                .message
                .starts_with("not valid JSON")
        );
        assert_eq!(error(r#"{"id": "a"}"#).id, json!("a"));
        assert!(error(r#"{"id": "a"}"#).message.contains("no `text`"));
        assert!(
            error(r#"{"id": 1, "text": 5}"#)
                .message
                .contains("not a string")
        );
        assert!(error(r#"[1, 2]"#).message.contains("not a JSON object"));
        assert!(error("   ").message.contains("empty line"));
        assert!(
            error(r#"{"id": 1, "text": "a", "category": []}"#)
                .message
                .contains("`category` is not a string")
        );
        let big = format!(
            r#"{{"id": 2, "text": "{}"}}"#,
            "a".repeat(MAX_DRAFT_BYTES as usize + 1)
        );
        let big = error(&big);
        assert_eq!(big.id, json!(2));
        assert!(
            big.message.contains("larger than the limit of 8 MiB"),
            "{}",
            big.message
        );
        assert!(
            parse(Line::TooLong(99))
                .unwrap_err()
                .message
                .contains("larger than the limit of 16 MiB")
        );
    }
}
