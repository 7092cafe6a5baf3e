//! From the engine's findings to LSP diagnostics: rule id as the code, a link to the rule's entry in
//! the guide, and related information pointing at the rubric line the rule enforces.

use interview_content::ContentError;
use interview_rubric::{Finding, Report, Severity};
use serde_json::json;
use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range,
};

use crate::lsp::document::{Document, Encoding};
use crate::lsp::features::GuideFiles;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "interview-coach";

/// The most diagnostics published for one document. A pathological draft (a table of 140,000
/// numbers) would otherwise make a message too large to send; nobody reads past a few hundred.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// The diagnostics for a report on `doc`, in the report's order: at most [`MAX_DIAGNOSTICS`], the
/// most severe first chosen, plus one that says how many were left out. Each links to its rule's
/// section `#<rule id>` of the rules page in `guides`, and its citation to the category's guide.
pub fn from_report(
    report: &Report,
    doc: &Document,
    encoding: Encoding,
    guides: &GuideFiles,
) -> Vec<Diagnostic> {
    let text = fingerprint(doc);
    let kept = most_useful(&report.findings, MAX_DIAGNOSTICS);
    let mut diagnostics: Vec<Diagnostic> = kept
        .iter()
        .map(|&i| diagnostic(&report.findings[i], doc, encoding, guides, &text))
        .collect();
    let left_out = report.findings.len() - kept.len();
    if left_out > 0 {
        tracing::warn!(
            findings = report.findings.len(),
            "published the {} most severe findings of a draft; {left_out} left out",
            kept.len()
        );
        diagnostics.push(notice(
            format!(
                "interview-coach shows {} of {} findings; {left_out} more (the least severe) are left out. Fix these and the rest appear.",
                kept.len(),
                report.findings.len()
            ),
            DiagnosticSeverity::INFORMATION,
        ));
    }
    diagnostics
}

/// The indices of at most `max` findings, the most severe first (earlier ones among equals), in
/// the report's order.
fn most_useful(findings: &[Finding], max: usize) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..findings.len()).collect();
    if findings.len() > max {
        let rank = |s: Severity| match s {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Information => 2,
            Severity::Hint => 3,
        };
        indices.sort_by_key(|&i| (rank(findings[i].severity), i));
        indices.truncate(max);
        indices.sort_unstable();
    }
    indices
}

/// Identifies the document's text, so that fixes stored in a diagnostic's `data` are used only on
/// the text they were made for (the same for equal texts, whatever their version).
pub(crate) fn fingerprint(doc: &Document) -> String {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for chunk in doc.rope().chunks() {
        hasher.write(chunk.as_bytes());
    }
    format!("{:016x}", hasher.finish())
}

fn diagnostic(
    finding: &Finding,
    doc: &Document,
    encoding: Encoding,
    guides: &GuideFiles,
    text: &str,
) -> Diagnostic {
    let code_description = guides.rules.as_ref().map(|rules| {
        let mut href = rules.clone();
        href.set_fragment(Some(finding.rule.id()));
        CodeDescription { href }
    });
    let related_information = finding.cites.as_ref().and_then(|cite| {
        let uri = guides.by_category.get(&cite.category)?.clone();
        let line = Position::new(cite.line.saturating_sub(1), 0);
        Some(vec![DiagnosticRelatedInformation {
            location: Location::new(uri, Range::new(line, line)),
            message: format!("Rubric: {}", cite.text),
        }])
    });
    // Read back by the code action handler (`features::code_action`) when the client returns it.
    let fixes: Vec<_> = finding
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<_> = fix
                .edits
                .iter()
                .map(|e| json!({ "range": doc.range(e.range.clone(), encoding), "newText": e.new_text }))
                .collect();
            json!({ "title": fix.title, "disables": fix.disables(), "edits": edits })
        })
        .collect();
    let data = json!({ "rule": finding.rule.id(), "text": text, "fixes": fixes });
    Diagnostic {
        range: doc.range(finding.range.clone(), encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.id().to_string())),
        code_description,
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information,
        tags: None,
        data: Some(data),
    }
}

/// The LSP severity of an engine severity.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Hint => DiagnosticSeverity::HINT,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Error => DiagnosticSeverity::ERROR,
    }
}

/// A content pack validation error as an error diagnostic on its line (the whole line; line 1 when
/// the error has none).
pub fn from_content_error(error: &ContentError, doc: &Document, encoding: Encoding) -> Diagnostic {
    let line = error.line.unwrap_or(1).saturating_sub(1) as usize;
    let rope = doc.rope();
    let line = line.min(rope.len_lines().saturating_sub(1));
    let start = rope.line_to_byte(line);
    let end = rope.line_to_byte((line + 1).min(rope.len_lines()));
    let text = rope.byte_slice(start..end);
    let trimmed = end - (text.len_bytes() - text.to_string().trim_end_matches(['\r', '\n']).len());
    Diagnostic {
        range: doc.range(start..trimmed, encoding),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("content".to_string())),
        source: Some(SOURCE.to_string()),
        message: error.message.clone(),
        ..Diagnostic::default()
    }
}

/// A single notice on the first line (why a document is not analysed).
pub fn notice(message: String, severity: DiagnosticSeverity) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(severity),
        source: Some(SOURCE.to_string()),
        message,
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use interview_rubric::{Citation, Fix, Rule, TextEdit};
    use tower_lsp::lsp_types::Url;

    use super::*;

    /// One finding as a diagnostic.
    fn from_finding(
        finding: &Finding,
        doc: &Document,
        encoding: Encoding,
        guides: &GuideFiles,
    ) -> Diagnostic {
        diagnostic(finding, doc, encoding, guides, &fingerprint(doc))
    }

    fn finding(range: std::ops::Range<usize>) -> Finding {
        Finding {
            rule: Rule::Metrics,
            severity: Severity::Warning,
            range,
            message: "No numbers: quantify the impact.".into(),
            cites: Some(Citation {
                category: "teamwork".into(),
                id: "teamwork/mistake-1".into(),
                file: "teamwork.md".into(),
                line: 5,
                text: "Giving generic answers without numbers.".into(),
            }),
            fixes: vec![Fix {
                title: "Insert a metric".into(),
                edits: vec![TextEdit {
                    range: 7..7,
                    new_text: " (+20%)".into(),
                }],
            }],
        }
    }

    fn guides() -> GuideFiles {
        let guide = Url::parse("file:///cache/abc/teamwork.md").unwrap();
        let rules = Url::parse("file:///cache/abc/rules.md").unwrap();
        GuideFiles {
            by_category: HashMap::from([("teamwork".to_string(), guide)]),
            rules: Some(rules),
        }
    }

    #[test]
    fn a_finding_carries_code_link_source_and_citation() {
        let doc = Document::new("😀 grew\r\nrevenue a lot", 3);
        let start = "😀 grew\r\n".len();
        let d = from_finding(&finding(start..start + 7), &doc, Encoding::Utf16, &guides());
        assert_eq!(
            d.range,
            Range::new(Position::new(1, 0), Position::new(1, 7))
        );
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(d.code, Some(NumberOrString::String("metrics".into())));
        assert_eq!(d.source.as_deref(), Some("interview-coach"));
        assert_eq!(
            d.code_description.unwrap().href.as_str(),
            "file:///cache/abc/rules.md#metrics"
        );
        let related = d.related_information.unwrap();
        assert_eq!(related.len(), 1);
        assert_eq!(
            related[0].location.uri.as_str(),
            "file:///cache/abc/teamwork.md"
        );
        assert_eq!(related[0].location.range.start, Position::new(4, 0));
        assert!(related[0].message.contains("without numbers"));
        // The fix's byte offset 7 is after "😀 gr": UTF-16 column 5.
        let data = d.data.unwrap();
        assert_eq!(data["rule"], "metrics");
        assert_eq!(
            data["fixes"][0]["edits"][0]["range"]["start"]["character"],
            5
        );
        assert_eq!(data["fixes"][0]["edits"][0]["newText"], " (+20%)");
        assert_eq!(data["fixes"][0]["disables"], false);
        assert_eq!(data["text"], fingerprint(&doc));
        assert_ne!(fingerprint(&doc), fingerprint(&Document::new("other", 3)));
    }

    #[test]
    fn ranges_follow_the_negotiated_encoding() {
        let doc = Document::new("é😀 x", 1);
        let guides = GuideFiles {
            rules: None,
            ..guides()
        };
        let x = "é😀 ".len();
        let utf8 = from_finding(&finding(x..x + 1), &doc, Encoding::Utf8, &guides);
        let utf16 = from_finding(&finding(x..x + 1), &doc, Encoding::Utf16, &guides);
        assert_eq!(utf8.range.start.character, 7);
        assert_eq!(utf16.range.start.character, 4);
        assert!(utf8.code_description.is_none());
    }

    #[test]
    fn severities_map_one_to_one() {
        assert_eq!(severity(Severity::Hint), DiagnosticSeverity::HINT);
        assert_eq!(
            severity(Severity::Information),
            DiagnosticSeverity::INFORMATION
        );
        assert_eq!(severity(Severity::Warning), DiagnosticSeverity::WARNING);
        assert_eq!(severity(Severity::Error), DiagnosticSeverity::ERROR);
    }

    #[test]
    fn a_citation_of_an_unknown_category_has_no_related_information() {
        let doc = Document::new("text", 1);
        let guides = GuideFiles::default();
        let d = from_finding(&finding(0..4), &doc, Encoding::Utf16, &guides);
        assert!(d.related_information.is_none());
    }

    #[test]
    fn content_errors_cover_their_line_without_the_break() {
        let doc = Document::new("# T\r\nbad line\r\nlast", 1);
        let error = ContentError {
            file: "t.md".into(),
            line: Some(2),
            message: "unknown section".into(),
        };
        let d = from_content_error(&error, &doc, Encoding::Utf16);
        assert_eq!(
            d.range,
            Range::new(Position::new(1, 0), Position::new(1, 8))
        );
        assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
        // A line past the end clamps to the last line.
        let far = ContentError {
            line: Some(99),
            ..error
        };
        let d = from_content_error(&far, &doc, Encoding::Utf16);
        assert_eq!(
            d.range,
            Range::new(Position::new(2, 0), Position::new(2, 4))
        );
    }

    #[test]
    fn the_most_severe_findings_are_kept_in_report_order() {
        let mut findings: Vec<Finding> = (0..6).map(|i| finding(i..i + 1)).collect();
        findings[1].severity = Severity::Hint;
        findings[4].severity = Severity::Error;
        findings[5].severity = Severity::Information;
        assert_eq!(most_useful(&findings, 10), [0, 1, 2, 3, 4, 5]);
        assert_eq!(most_useful(&findings, 3), [0, 2, 4]);
        assert_eq!(most_useful(&findings, 1), [4]);
    }
}
