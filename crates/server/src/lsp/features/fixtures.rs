//! Test fixtures: a document analysed by the real engine over the embedded catalog, and a helper
//! that applies LSP edits to a text.

use std::collections::HashMap;
use std::ops::Range;

use interview_content::Catalog;
use interview_rubric::{Report, Settings};
use tower_lsp::lsp_types::{DocumentChanges, OneOf, TextEdit, Url, WorkspaceEdit};

use super::{GuideFiles, Snapshot};
use crate::lsp::document::{Document, Encoding};

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
    /// A fixture whose report is the real engine's over the embedded catalog, with guide links
    /// for every category.
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
            encoding,
            guides: &self.guides,
            analysis: interview_ide::Analysis {
                text: &self.text,
                report: &self.report,
                catalog: &self.catalog,
                settings: &self.settings,
                links: &self.guides,
            },
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
