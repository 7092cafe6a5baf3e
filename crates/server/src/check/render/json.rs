//! `--format json`: one document, an array with one object per checked file.
//!
//! Byte ranges index the file as read (a UTF-8 byte order mark included); lines and columns are
//! 1-based, columns count Unicode code points, and ends are exclusive.

use std::ops::Range;

use interview_rubric::{Citation, Finding, LinkVia, Score, Severity};
use serde::Serialize;

use crate::check::CheckedFile;

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
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
    let out: Vec<FileOut<'_>> = files.iter().map(file_out).collect();
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

fn file_out(file: &CheckedFile) -> FileOut<'_> {
    let report = &file.report;
    FileOut {
        path: &file.path,
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
