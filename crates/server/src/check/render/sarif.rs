//! `--format sarif`: a SARIF 2.1.0 log with one run, for code-scanning tools.
//!
//! Regions use 1-based lines and columns; columns count UTF-16 code units (SARIF's default
//! `columnKind`, stated on the run). Result URIs are relative to `%SRCROOT%`, the current
//! folder, when the draft lies under it. The cited rubric line is a related location in the
//! category file, relative to `GUIDE` (the embedded guide, see `interview-coach guide`) or to
//! `CATEGORIES` (the `--categories` folder).

use std::ops::Range;

use interview_content::{Catalog, Origin};
use interview_rubric::{Citation, Finding, Rule, Severity};
use serde::Serialize;
use serde_json::{Value, json};

use crate::check::CheckedFile;
use crate::check::uri::{self, ArtifactUri};

/// The JSON schema the log conforms to.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF log for `files`, pretty-printed, with a final newline. `root` is the folder
/// relative URIs resolve against; `catalog` tells where cited category files came from.
pub fn render(files: &[CheckedFile], root: &std::path::Path, catalog: &Catalog) -> String {
    let frame = frame(root, catalog);
    let chunks: Vec<String> = files
        .iter()
        .map(|file| results(file, catalog))
        .filter(|chunk| !chunk.is_empty())
        .collect();
    if chunks.is_empty() {
        return frame.empty;
    }
    format!("{}{}{}", frame.open, chunks.join(",\n"), frame.close)
}

/// The log around its results, so that results can be written as each draft is checked: `open`
/// and `close` go around the results joined with `,\n`, and `empty` is the whole log when there
/// are none.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Everything before the first result.
    pub open: String,
    /// Everything after the last result, with the final newline.
    pub close: String,
    /// The log without results.
    pub empty: String,
}

/// How deep a result is indented in the pretty-printed log (`runs[0].results[i]`).
const RESULT_INDENT: &str = "        ";

/// The log's frame for drafts checked in `root` against `catalog`.
pub fn frame(root: &std::path::Path, catalog: &Catalog) -> Frame {
    let mut base_ids = serde_json::Map::new();
    base_ids.insert("%SRCROOT%".into(), json!({ "uri": uri::folder_uri(root) }));
    base_ids.insert(
        "GUIDE".into(),
        json!({ "description": { "text": "The category guide embedded in interview-coach; \
                 `interview-coach guide <category>` prints it." } }),
    );
    if let Some(dir) = pack_dir(catalog) {
        base_ids.insert(
            "CATEGORIES".into(),
            json!({ "uri": uri::folder_uri(std::path::Path::new(dir)) }),
        );
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: json!({ "driver": {
                "name": env!("CARGO_PKG_NAME"),
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": Rule::ALL.iter().map(|rule| rule_descriptor(*rule)).collect::<Vec<_>>(),
            }}),
            original_uri_base_ids: base_ids,
            column_kind: "utf16CodeUnits",
            results: Vec::new(),
        }],
    };
    let mut empty = serde_json::to_string_pretty(&log).unwrap_or_default();
    empty.push('\n');
    // `results` is the last property of the only run: the log ends with it.
    let marker = "\"results\": []";
    let at = empty.rfind(marker).unwrap_or(empty.len());
    let (before, after) = empty.split_at(at);
    let after = after.strip_prefix(marker).unwrap_or(after);
    Frame {
        open: format!("{before}\"results\": [\n"),
        close: format!("\n{}]{after}", &RESULT_INDENT[2..]),
        empty,
    }
}

/// The results of one file, pretty-printed at their depth in the log and joined with `,\n`;
/// empty when the file has no findings.
pub fn results(file: &CheckedFile, catalog: &Catalog) -> String {
    super::chunked(&file.report.findings, ",\n", |findings| {
        let mut out = String::new();
        for finding in findings {
            if !out.is_empty() {
                out.push_str(",\n");
            }
            let value = result(file, finding, catalog);
            let text = serde_json::to_string_pretty(&value).unwrap_or_default();
            super::indent_into(&mut out, &text, RESULT_INDENT);
        }
        out
    })
}

/// The log, with its properties in the order readers expect (`version` first, `results` last).
#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Value,
    original_uri_base_ids: serde_json::Map<String, Value>,
    column_kind: &'static str,
    results: Vec<Value>,
}

/// The SARIF level of a severity: hints and information are notes.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn rule_descriptor(rule: Rule) -> Value {
    json!({
        "id": rule.id(),
        "shortDescription": { "text": rule.summary() },
        "defaultConfiguration": { "level": level(rule.default_severity()) },
        "properties": { "severity": rule.default_severity().as_str() },
    })
}

fn result(file: &CheckedFile, finding: &Finding, catalog: &Catalog) -> Value {
    let rule_index = Rule::ALL
        .iter()
        .position(|r| *r == finding.rule)
        .unwrap_or_default();
    let mut result = json!({
        "ruleId": finding.rule.id(),
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact(&file.uri),
                "region": region(file, &finding.range),
            }
        }],
        // SARIF has no level for hints; keep the coach's own severity beside the level.
        "properties": { "severity": finding.severity.as_str() },
    });
    if let Some(cite) = &finding.cites {
        result["relatedLocations"] = json!([citation(cite, catalog)]);
    }
    if !finding.fixes.is_empty() {
        result["fixes"] = finding
            .fixes
            .iter()
            .map(|fix| {
                json!({
                    "description": { "text": fix.title },
                    "artifactChanges": [{
                        "artifactLocation": artifact(&file.uri),
                        "replacements": fix.edits.iter().map(|edit| json!({
                            "deletedRegion": region(file, &edit.range),
                            "insertedContent": { "text": edit.new_text },
                        })).collect::<Vec<_>>(),
                    }],
                })
            })
            .collect();
    }
    result
}

fn artifact(uri: &ArtifactUri) -> Value {
    match uri {
        ArtifactUri::Relative(uri) => json!({ "uri": uri, "uriBaseId": "%SRCROOT%" }),
        ArtifactUri::Absolute(uri) => json!({ "uri": uri }),
    }
}

fn region(file: &CheckedFile, range: &Range<usize>) -> Value {
    let start = file.position(range.start);
    let end = file.position(range.end.max(range.start));
    json!({
        "startLine": start.line,
        "startColumn": start.column_utf16,
        "endLine": end.line,
        "endColumn": end.column_utf16,
    })
}

fn citation(cite: &Citation, catalog: &Catalog) -> Value {
    let from_pack = catalog
        .category(&cite.category)
        .is_some_and(|c| matches!(c.origin, Origin::Dir(_)));
    json!({
        "id": 0,
        "message": { "text": cite.text },
        "physicalLocation": {
            "artifactLocation": {
                "uri": uri::encode_path(&cite.file),
                "uriBaseId": if from_pack { "CATEGORIES" } else { "GUIDE" },
            },
            "region": { "startLine": cite.line.max(1) },
        },
    })
}

/// The content pack folder, when categories were loaded from one.
fn pack_dir(catalog: &Catalog) -> Option<&str> {
    catalog.categories.iter().find_map(|c| match &c.origin {
        Origin::Dir(dir) => Some(dir.as_str()),
        Origin::Embedded => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{checked, finding};
    use interview_rubric::{Fix, TextEdit};

    /// Checks the parts of the SARIF 2.1.0 schema a consumer relies on: required properties,
    /// their types, enumerated values and the links between results and rules.
    pub(crate) fn assert_valid_sarif(log: &Value) {
        assert_eq!(log["version"], "2.1.0");
        assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
        let runs = log["runs"].as_array().expect("runs is an array");
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "interview-coach");
        assert!(driver["version"].is_string());
        assert!(driver["informationUri"].as_str().unwrap().contains("://"));
        let rules = driver["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Rule::ALL.len());
        for rule in rules {
            assert!(rule["id"].is_string());
            assert!(rule["shortDescription"]["text"].is_string());
            let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
            assert!(["error", "warning", "note"].contains(&level), "{level}");
        }
        assert!(
            ["utf16CodeUnits", "unicodeCodePoints"].contains(&run["columnKind"].as_str().unwrap())
        );
        for result in run["results"].as_array().unwrap() {
            let id = result["ruleId"].as_str().unwrap();
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], id);
            let level = result["level"].as_str().unwrap();
            assert!(["error", "warning", "note", "none"].contains(&level));
            assert!(result["message"]["text"].is_string());
            let location = &result["locations"][0]["physicalLocation"];
            assert!(location["artifactLocation"]["uri"].is_string());
            assert_region(&location["region"]);
            if let Some(related) = result.get("relatedLocations") {
                for loc in related.as_array().unwrap() {
                    assert!(loc["physicalLocation"]["artifactLocation"]["uri"].is_string());
                    assert!(
                        loc["physicalLocation"]["region"]["startLine"]
                            .as_u64()
                            .unwrap()
                            >= 1
                    );
                }
            }
        }
    }

    fn assert_region(region: &Value) {
        let n = |key: &str| {
            region[key]
                .as_u64()
                .unwrap_or_else(|| panic!("{key}: {region}"))
        };
        assert!(n("startLine") >= 1 && n("startColumn") >= 1);
        assert!(n("endLine") >= n("startLine"));
        if n("endLine") == n("startLine") {
            assert!(n("endColumn") >= n("startColumn"));
        }
    }

    #[test]
    fn a_log_with_rules_results_regions_citations_and_fixes() {
        let text = "# Q\n\nWe 😀 grew.\n";
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
                new_text: "by 20% ".into(),
            }],
        });
        let hint = finding(Rule::Hedging, Severity::Hint, 0..1);
        let file = checked("answers/my q4.md", text, vec![f, hint]);
        let log: Value = serde_json::from_str(&render(
            &[file],
            std::path::Path::new("/work/drafts"),
            &Catalog::default(),
        ))
        .unwrap();
        assert_valid_sarif(&log);
        let run = &log["runs"][0];
        assert_eq!(
            run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file:///work/drafts/"
        );
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "metrics");
        assert_eq!(r["level"], "warning");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "answers/my%20q4.md");
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        // `😀` is two UTF-16 code units: `grew` starts at column 7.
        assert_eq!(loc["region"]["startLine"], 3);
        assert_eq!(loc["region"]["startColumn"], 7);
        assert_eq!(loc["region"]["endColumn"], 11);
        let related = &r["relatedLocations"][0];
        assert_eq!(
            related["message"]["text"],
            "Giving generic answers without numbers."
        );
        assert_eq!(related["physicalLocation"]["region"]["startLine"], 53);
        assert_eq!(
            related["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "GUIDE"
        );
        let replacement = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "by 20% ");
        assert_eq!(
            replacement["deletedRegion"]["startColumn"],
            replacement["deletedRegion"]["endColumn"]
        );
        assert_eq!(run["results"][1]["level"], "note");
        assert_eq!(run["results"][1]["properties"]["severity"], "hint");
    }

    #[test]
    fn every_rule_is_described_with_its_default_level() {
        let log: Value =
            serde_json::from_str(&render(&[], std::path::Path::new("/"), &Catalog::default()))
                .unwrap();
        assert_valid_sarif(&log);
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let metrics = rules.iter().find(|r| r["id"] == "metrics").unwrap();
        assert_eq!(metrics["defaultConfiguration"]["level"], "warning");
        let hedging = rules.iter().find(|r| r["id"] == "hedging").unwrap();
        assert_eq!(hedging["defaultConfiguration"]["level"], "note");
        assert!(log["runs"][0]["results"].as_array().unwrap().is_empty());
    }
}
