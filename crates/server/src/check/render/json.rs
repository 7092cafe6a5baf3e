//! `--format json`: one document, an array with one object per checked file; `--format jsonl`:
//! the same objects, one a line; and the result lines of `--input jsonl` records.
//!
//! Byte ranges index the file as read (a UTF-8 byte order mark included); lines and columns are
//! 1-based, columns count Unicode code points, and ends are exclusive.

use std::ops::Range;

use interview_rubric::{Citation, Finding, LinkVia, Score, Severity};
use serde::Serialize;
use serde_json::Value;

use crate::check::CheckedFile;

#[derive(Serialize)]
struct FileOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    /// The record's line in the input (`--input jsonl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    /// The record's id (`--input jsonl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    link: Option<LinkOut<'a>>,
    score: Score,
    words: usize,
    speaking_seconds: u32,
    findings: Vec<FindingOut<'a>>,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    category: &'a str,
    target: Option<&'a str>,
    via: LinkVia,
    range: Option<Range<usize>>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    range: Range<usize>,
    start: Position,
    end: Position,
    cites: Option<&'a Citation>,
    fixes: Vec<FixOut<'a>>,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct FixOut<'a> {
    title: &'a str,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    range: Range<usize>,
    new_text: &'a str,
}

/// The JSON document for `files`, pretty-printed, with a final newline.
pub fn render(files: &[CheckedFile]) -> String {
    if files.is_empty() {
        return "[]\n".into();
    }
    let elements: Vec<String> = files.iter().map(element).collect();
    format!("[\n{}\n]\n", elements.join(",\n"))
}

/// One file's object as an element of the document's array: pretty-printed and indented.
pub fn element(file: &CheckedFile) -> String {
    let text = serde_json::to_string_pretty(&file_out(file, None)).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    super::indent_into(&mut out, &text, "  ");
    out
}

/// One file's object on one line, with a final newline (`--format jsonl`).
pub fn line(file: &CheckedFile) -> String {
    one_line(&file_out(file, None))
}

/// The result line of a record (`--input jsonl`): its line number and id, then the file's
/// fields without `path`.
pub fn record_line(line: u64, id: &Value, file: &CheckedFile) -> String {
    one_line(&file_out(file, Some((line, id))))
}

/// The line for a record that could not be checked: `{"line": 3, "id": ..., "error": "..."}`.
pub fn record_error_line(line: u64, id: &Value, error: &str) -> String {
    #[derive(Serialize)]
    struct ErrorOut<'a> {
        line: u64,
        id: &'a Value,
        error: &'a str,
    }
    one_line(&ErrorOut { line, id, error })
}

fn one_line(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

fn file_out<'a>(file: &'a CheckedFile, record: Option<(u64, &'a Value)>) -> FileOut<'a> {
    let report = &file.report;
    FileOut {
        path: record.is_none().then_some(file.path.as_str()),
        line: record.map(|(line, _)| line),
        id: record.map(|(_, id)| id),
        link: report.link.as_ref().map(|link| LinkOut {
            category: &link.category,
            target: link.target.as_deref(),
            via: link.via,
            range: link.range.as_ref().map(|r| file.file_range(r)),
        }),
        score: report.score,
        words: report.words,
        speaking_seconds: report.speaking_seconds,
        findings: report
            .findings
            .iter()
            .map(|f| finding_out(file, f))
            .collect(),
    }
}

fn finding_out<'a>(file: &'a CheckedFile, finding: &'a Finding) -> FindingOut<'a> {
    let position = |offset| {
        let p = file.position(offset);
        Position {
            line: p.line,
            column: p.column,
        }
    };
    FindingOut {
        rule: finding.rule.id(),
        severity: finding.severity,
        message: &finding.message,
        range: file.file_range(&finding.range),
        start: position(finding.range.start),
        end: position(finding.range.end),
        cites: finding.cites.as_ref(),
        fixes: finding
            .fixes
            .iter()
            .map(|fix| FixOut {
                title: &fix.title,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| EditOut {
                        range: file.file_range(&edit.range),
                        new_text: &edit.new_text,
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{checked, finding};
    use interview_rubric::{Fix, Link, Rule, TextEdit};
    use serde_json::Value;

    #[test]
    fn one_array_with_positions_citations_and_fixes() {
        let text = "# Q\r\n\r\nWe grew é fast.\r\n";
        let start = text.find("grew").unwrap();
        let mut f = finding(Rule::Metrics, Severity::Warning, start..start + 4);
        f.cites = Some(Citation {
            category: "partnerships".into(),
            id: "partnerships/mistake-1".into(),
            file: "partnerships.md".into(),
            line: 53,
            text: "Giving generic answers without numbers.".into(),
        });
        f.fixes.push(Fix {
            title: "Insert a metric".into(),
            edits: vec![TextEdit {
                range: start..start,
                new_text: "[metric] ".into(),
            }],
        });
        let mut file = checked("answers/q4.md", text, vec![f]);
        file.report.link = Some(Link {
            category: "partnerships".into(),
            target: Some("partnerships/q4".into()),
            via: LinkVia::Heading,
            range: Some(2..3),
        });
        file.report.words = 4;
        let doc: Value = serde_json::from_str(&render(&[file])).unwrap();
        let file = &doc.as_array().unwrap()[0];
        assert_eq!(file["path"], "answers/q4.md");
        assert_eq!(file["link"]["target"], "partnerships/q4");
        assert_eq!(file["link"]["via"], "heading");
        assert_eq!(file["score"]["max"], 0);
        assert_eq!(file["words"], 4);
        assert_eq!(file["speaking_seconds"], 0);
        let f = &file["findings"][0];
        assert_eq!(f["rule"], "metrics");
        assert_eq!(f["severity"], "warning");
        assert_eq!(f["message"], "metrics message");
        let range = (
            f["range"]["start"].as_u64().unwrap() as usize,
            f["range"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[range.0..range.1], "grew");
        assert_eq!(f["start"]["line"], 3);
        assert_eq!(f["start"]["column"], 4);
        assert_eq!(f["end"]["column"], 8);
        assert_eq!(f["cites"]["line"], 53);
        assert_eq!(f["cites"]["file"], "partnerships.md");
        assert_eq!(f["fixes"][0]["edits"][0]["new_text"], "[metric] ");
    }

    #[test]
    fn ranges_index_the_file_when_a_byte_order_mark_was_stripped() {
        let text = "x é grew\n";
        let start = text.find("grew").unwrap();
        let mut file = checked(
            "d.md",
            text,
            vec![finding(Rule::Metrics, Severity::Warning, start..start + 4)],
        );
        file.offset = 3;
        let doc: Value = serde_json::from_str(&render(&[file])).unwrap();
        let f = &doc[0]["findings"][0];
        assert_eq!(f["range"]["start"], start + 3);
        // Columns are what an editor shows: the mark is not a character of the line.
        assert_eq!(f["start"]["column"], 5);
        assert!(doc[0]["link"].is_null());
    }

    #[test]
    fn no_files_is_an_empty_array() {
        assert_eq!(render(&[]).trim(), "[]");
    }
}
