//! Test fixtures: a hand-built Partnerships catalog whose source lines match `content/partnerships.md`,
//! reports built by hand, and a helper that applies LSP edits to a text.

use std::collections::HashMap;
use std::ops::Range;

use interview_content::{
    Catalog, Category, Concept, ExampleAnswer, Lexicons, Metric, Origin, Paragraph, Question,
    QuestionKind, RubricLine, RuleCitation, Scenario, TalkingPoint,
};
use interview_rubric::{Report, Settings};
use tower_lsp::lsp_types::{DocumentChanges, OneOf, TextEdit, Url, WorkspaceEdit};

use super::{GuideFiles, Snapshot};
use crate::lsp::document::{Document, Encoding};

/// The Partnerships category file, verbatim.
pub const PARTNERSHIPS_MD: &str = include_str!("../../../../../content/partnerships.md");

/// The draft's URI in tests.
pub fn draft_uri() -> Url {
    Url::parse("file:///drafts/answers/q3.md").unwrap()
}

/// Guide files under `/cache/guide/`.
pub fn guides() -> GuideFiles {
    let mut by_category = HashMap::new();
    by_category.insert(
        "partnerships".to_string(),
        Url::parse("file:///cache/guide/partnerships.md").unwrap(),
    );
    GuideFiles {
        by_category,
        rules: Some(Url::parse("file:///cache/guide/rules.md").unwrap()),
    }
}

fn line_of(needle: &str) -> u32 {
    let i = PARTNERSHIPS_MD
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` is not in the seed"));
    u32::try_from(i + 1).unwrap()
}

fn bullets(section: &str) -> Vec<(u32, String)> {
    let start = line_of(&format!("## {section}")) as usize;
    PARTNERSHIPS_MD
        .lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| !l.starts_with("## "))
        .filter_map(|(i, l)| {
            let text = l
                .strip_prefix("- ")
                .or_else(|| l.split_once(". ").map(|(_, t)| t))?;
            Some((u32::try_from(i + 1).unwrap(), text.to_string()))
        })
        .collect()
}

fn slug(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

fn point(text: &str, concepts: &[&str], examples: &[&str]) -> TalkingPoint {
    TalkingPoint {
        text: text.to_string(),
        concepts: concepts
            .iter()
            .map(|c| format!("partnerships/{c}"))
            .collect(),
        examples: examples
            .iter()
            .map(|e| format!("partnerships/{e}"))
            .collect(),
    }
}

fn definition(name: &str) -> String {
    match name {
        "Incentive alignment" => {
            "Structuring partner rewards so that what pays the partner also grows your revenue."
                .to_string()
        }
        "Co-sell motions" => {
            "Selling jointly with a partner's field team to shared accounts.".to_string()
        }
        other => format!("What {} means.", other.to_lowercase()),
    }
}

/// The Partnerships category with companion-like data: definitions, synonyms, talking points
/// (Q3 names examples 1 and 3; Q1 names none), metrics and rule citations.
pub fn category() -> Category {
    let concepts = bullets("Key Concepts")
        .into_iter()
        .map(|(line, name)| Concept {
            id: format!("partnerships/{}", slug(&name)),
            definition: definition(&name),
            synonyms: if name == "Co-sell motions" {
                vec!["co-selling".to_string()]
            } else {
                Vec::new()
            },
            name,
            line,
        })
        .collect();
    let questions = bullets("Common Interview Questions")
        .into_iter()
        .enumerate()
        .map(|(i, (line, text))| {
            let number = u32::try_from(i + 1).unwrap();
            let (kind, talking_points) = match number {
                3 => (
                    QuestionKind::Process,
                    vec![
                        point(
                            "Tie partner rewards to shared revenue, not activity.",
                            &["incentive-alignment"],
                            &["example-1"],
                        ),
                        point(
                            "Track sourced and influenced pipeline.",
                            &["joint-success-metrics"],
                            &["example-3"],
                        ),
                    ],
                ),
                4 => (
                    QuestionKind::Process,
                    vec![point("Pick shared accounts.", &["co-sell-motions"], &[])],
                ),
                10 => (QuestionKind::Behavioural, Vec::new()),
                _ => (QuestionKind::Process, Vec::new()),
            };
            Question {
                id: format!("partnerships/q{number}"),
                number,
                text,
                line,
                kind,
                talking_points,
            }
        })
        .collect();
    let examples = bullets("Example Answers")
        .into_iter()
        .enumerate()
        .map(|(i, (line, text))| ExampleAnswer {
            id: format!("partnerships/example-{}", i + 1),
            number: u32::try_from(i + 1).unwrap(),
            text,
            line,
        })
        .collect();
    let scenarios = bullets("Real Business Scenarios")
        .into_iter()
        .enumerate()
        .map(|(i, (line, text))| Scenario {
            id: format!("partnerships/scenario-{}", i + 1),
            number: u32::try_from(i + 1).unwrap(),
            prompt: format!("Walk me through how you would handle this: {text}"),
            text,
            line,
        })
        .collect();
    let rubric = |section: &str, prefix: &str| -> Vec<RubricLine> {
        bullets(section)
            .into_iter()
            .enumerate()
            .map(|(i, (line, text))| RubricLine {
                id: format!("partnerships/{prefix}-{}", i + 1),
                number: u32::try_from(i + 1).unwrap(),
                text,
                line,
            })
            .collect()
    };
    let citation = |rule: &str, line_id: &str| RuleCitation {
        rule: rule.to_string(),
        line_id: format!("partnerships/{line_id}"),
        source: None,
    };
    Category {
        id: "partnerships".to_string(),
        title: "Partnerships".to_string(),
        title_line: 1,
        origin: Origin::Embedded,
        file: "partnerships.md".to_string(),
        companion: Some("partnerships.toml".to_string()),
        markdown: PARTNERSHIPS_MD.to_string(),
        content_hash: 1,
        overview: Paragraph {
            text: "This category tests ability to source, evaluate, and manage strategic partnerships that accelerate revenue and market access.".to_string(),
            line: 5,
        },
        why: Paragraph {
            text: "Interviewers evaluate partnership economics, governance, and execution."
                .to_string(),
            line: 9,
        },
        concepts,
        questions,
        examples,
        scenarios,
        best_practices: rubric("Best Practices", "best-practice"),
        mistakes: rubric("Mistakes to Avoid", "mistake"),
        lexicons: Lexicons {
            metrics: vec![
                Metric {
                    name: "win rate".to_string(),
                    synonyms: vec!["win rates".to_string()],
                    measures: "The share of qualified opportunities that close as won.".to_string(),
                },
                Metric {
                    name: "sourced pipeline".to_string(),
                    synonyms: Vec::new(),
                    measures: "Pipeline value from deals a partner brought in.".to_string(),
                },
            ],
            ..Lexicons::default()
        },
        rule_citations: vec![
            citation("structure", "best-practice-1"),
            citation("metrics", "mistake-1"),
        ],
    }
}

/// A catalog holding the fixture category.
pub fn catalog() -> Catalog {
    Catalog {
        categories: vec![category()],
    }
}

/// The byte range of the first `needle` in `text`.
pub fn find(text: &str, needle: &str) -> Range<usize> {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"));
    start..start + needle.len()
}

/// Owns what a [`Snapshot`] borrows.
pub struct Fixture {
    pub uri: Url,
    pub doc: Document,
    pub text: String,
    pub report: Report,
    pub catalog: Catalog,
    pub settings: Settings,
    pub guides: GuideFiles,
}

impl Fixture {
    /// A fixture over this text and report with the fixture catalog.
    pub fn new(text: &str, report: Report) -> Self {
        Fixture {
            uri: draft_uri(),
            doc: Document::new(text, 7),
            text: text.to_string(),
            report,
            catalog: catalog(),
            settings: Settings::default(),
            guides: guides(),
        }
    }

    /// A fixture over this text analysed by the engine against the embedded catalog.
    pub fn analysed(text: &str) -> Self {
        let catalog = Catalog::embedded().clone();
        let settings = Settings::default();
        let report = interview_rubric::analyze(text, &catalog, &settings);
        let mut guides = guides();
        for category in &catalog.categories {
            let uri = format!("file:///cache/guide/{}.md", category.id);
            guides
                .by_category
                .insert(category.id.clone(), Url::parse(&uri).unwrap());
        }
        Fixture {
            uri: draft_uri(),
            doc: Document::new(text, 7),
            text: text.to_string(),
            report,
            catalog,
            settings,
            guides,
        }
    }

    /// A snapshot in this encoding.
    pub fn snap(&self, encoding: Encoding) -> Snapshot<'_> {
        Snapshot {
            uri: &self.uri,
            doc: &self.doc,
            text: &self.text,
            report: &self.report,
            catalog: &self.catalog,
            settings: &self.settings,
            encoding,
            guides: &self.guides,
        }
    }
}

/// Applies text edits (all against the original text, as LSP specifies) through the document's
/// position conversion.
pub fn apply_edits(text: &str, edits: &[TextEdit], encoding: Encoding) -> String {
    let doc = Document::new(text, 0);
    let mut spans: Vec<(usize, Range<usize>, &str)> = edits
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                i,
                doc.offset(e.range.start, encoding)..doc.offset(e.range.end, encoding),
                e.new_text.as_str(),
            )
        })
        .collect();
    // Last edit first, so earlier offsets stay valid and inserts at one place keep their order.
    spans.sort_by_key(|(i, r, _)| std::cmp::Reverse((r.start, *i)));
    let mut out = text.to_string();
    for (_, range, new_text) in spans {
        out.replace_range(range, new_text);
    }
    out
}

/// The edits a workspace edit makes to `uri`, whichever form it uses.
pub fn edits_for(edit: &WorkspaceEdit, uri: &Url) -> Vec<TextEdit> {
    if let Some(changes) = &edit.changes {
        return changes.get(uri).cloned().unwrap_or_default();
    }
    match &edit.document_changes {
        Some(DocumentChanges::Edits(edits)) => edits
            .iter()
            .filter(|e| &e.text_document.uri == uri)
            .flat_map(|e| &e.edits)
            .map(|e| match e {
                OneOf::Left(e) => e.clone(),
                OneOf::Right(a) => a.text_edit.clone(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use tower_lsp::lsp_types::{Position, Range as LspRange};

    use super::*;

    fn edit(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextEdit {
        TextEdit::new(
            LspRange::new(Position::new(sl, sc), Position::new(el, ec)),
            text.into(),
        )
    }

    #[test]
    fn edits_apply_against_the_original_text_in_order() {
        let text = "😀 été\r\nfin";
        // UTF-16: the emoji is two units; "été" starts at column 3.
        let edits = [
            edit(0, 3, 0, 6, "summer"),
            edit(1, 0, 1, 0, "a"),
            edit(1, 0, 1, 0, "b"),
        ];
        assert_eq!(
            apply_edits(text, &edits, Encoding::Utf16),
            "😀 summer\r\nabfin"
        );
        let edits = [edit(0, 5, 0, 10, "summer")];
        assert_eq!(
            apply_edits(text, &edits, Encoding::Utf8),
            "😀 summer\r\nfin"
        );
    }

    #[test]
    fn edits_come_from_either_form_of_workspace_edit() {
        let uri = draft_uri();
        let edits = vec![edit(0, 0, 0, 0, "x")];
        let changes = WorkspaceEdit::new(HashMap::from([(uri.clone(), edits.clone())]));
        assert_eq!(edits_for(&changes, &uri), edits);
        let document = WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![
                tower_lsp::lsp_types::TextDocumentEdit {
                    text_document: tower_lsp::lsp_types::OptionalVersionedTextDocumentIdentifier {
                        uri: uri.clone(),
                        version: Some(1),
                    },
                    edits: vec![OneOf::Left(edits[0].clone())],
                },
            ])),
            ..WorkspaceEdit::default()
        };
        assert_eq!(edits_for(&document, &uri), edits);
    }
}
