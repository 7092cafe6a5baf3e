//! Quick fixes: the engine's fixes of the findings at a range, converted to LSP and nothing else.
//! The engine owns every edit (fixes, front matter, `<!-- coach: disable... -->` comments); this
//! module only turns byte ranges into positions.
//!
//! A diagnostic the client sends back carries its fixes in `data` (see
//! [`crate::lsp::diagnostics::from_report`]), already in positions of the text it was published
//! for; those are used as they are when the text is still the same. Otherwise (no `data`, an
//! edited text) the finding is found again in the current report by rule and range.

use std::collections::HashMap;

use interview_rubric::{Finding, Fix, Rule};
use serde::Deserialize;
use tower_lsp::lsp_types::{
    CodeAction, CodeActionContext, CodeActionKind, CodeActionOrCommand, Diagnostic,
    DocumentChanges, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier,
    Range as LspRange, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

use super::Snapshot;
use crate::lsp::diagnostics::SOURCE;

/// A fix ready to send: title, whether it turns the rule off, LSP edits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct LspFix {
    /// What the fix does.
    pub title: String,
    /// Whether it turns the rule off rather than fixing the draft.
    #[serde(default)]
    pub disables: bool,
    /// The edits, in the negotiated encoding.
    pub edits: Vec<TextEdit>,
}

/// What [`crate::lsp::diagnostics::from_report`] stores in `Diagnostic.data`.
#[derive(Debug, Deserialize)]
struct Data {
    /// The fingerprint of the text the diagnostic was published for.
    text: String,
    /// The finding's fixes.
    #[serde(default)]
    fixes: Vec<LspFix>,
}

/// Quick fixes for the request: for the diagnostics in `context`, or, when the client sends none,
/// for the findings that touch `range`. `document_changes` says whether the client takes
/// versioned `documentChanges` edits. Fixes come first (the first of each finding preferred),
/// then the actions that turn a rule off, each once.
pub fn code_actions(
    snap: &Snapshot<'_>,
    range: LspRange,
    context: &CodeActionContext,
    document_changes: bool,
) -> Vec<CodeActionOrCommand> {
    if !wants_quickfix(context) {
        return Vec::new();
    }
    let mut groups: Vec<(Vec<LspFix>, Option<&Diagnostic>)> = Vec::new();
    if context.diagnostics.is_empty() {
        let start = snap.offset(range.start);
        let end = snap.offset(range.end);
        let (start, end) = (start.min(end), start.max(end));
        for finding in snap
            .report
            .findings
            .iter()
            .filter(|f| f.range.start <= end && start <= f.range.end)
        {
            groups.push((to_lsp(snap, &finding.fixes), None));
        }
    } else {
        for diagnostic in context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref().is_none_or(|s| s == SOURCE))
        {
            let fixes = from_data(snap, diagnostic).or_else(|| {
                let finding = finding_for(snap, rule_of(diagnostic)?, diagnostic)?;
                Some(to_lsp(snap, &finding.fixes))
            });
            if let Some(fixes) = fixes {
                groups.push((fixes, Some(diagnostic)));
            }
        }
    }
    let mut actions: Vec<(bool, CodeAction)> = Vec::new();
    let mut disables: Vec<(String, Vec<TextEdit>)> = Vec::new();
    for (fixes, diagnostic) in groups {
        for (i, fix) in fixes.into_iter().enumerate() {
            // One rule's "disable for this file" is the same for each of its findings.
            if fix.disables {
                let key = (fix.title.clone(), fix.edits.clone());
                if disables.contains(&key) {
                    continue;
                }
                disables.push(key);
            }
            let preferred = i == 0 && !fix.disables;
            let disable = fix.disables;
            actions.push((
                disable,
                action(snap, fix, diagnostic, preferred, document_changes),
            ));
        }
    }
    // Fixes first, then the actions that turn a rule off, each in finding order.
    actions.sort_by_key(|(disable, _)| *disable);
    actions
        .into_iter()
        .map(|(_, a)| CodeActionOrCommand::CodeAction(a))
        .collect()
}

/// Whether the request's `only` filter (if any) admits quick fixes.
fn wants_quickfix(context: &CodeActionContext) -> bool {
    let quickfix = CodeActionKind::QUICKFIX;
    let quickfix = quickfix.as_str();
    context.only.as_ref().is_none_or(|only| {
        only.iter().any(|kind| {
            let kind = kind.as_str();
            kind.is_empty() || quickfix == kind || quickfix.starts_with(&format!("{kind}."))
        })
    })
}

fn rule_of(diagnostic: &Diagnostic) -> Option<Rule> {
    match diagnostic.code.as_ref()? {
        NumberOrString::String(id) => id.parse().ok(),
        NumberOrString::Number(_) => None,
    }
}

/// The fixes stored in the diagnostic's `data`, when it was published for the current text.
fn from_data(snap: &Snapshot<'_>, diagnostic: &Diagnostic) -> Option<Vec<LspFix>> {
    let data: Data = serde_json::from_value(diagnostic.data.clone()?).ok()?;
    (data.text == crate::lsp::diagnostics::fingerprint(snap.doc)).then_some(data.fixes)
}

/// The engine's fixes in the snapshot's encoding.
pub(crate) fn to_lsp(snap: &Snapshot<'_>, fixes: &[Fix]) -> Vec<LspFix> {
    fixes
        .iter()
        .map(|fix| LspFix {
            title: fix.title.clone(),
            disables: fix.disables(),
            edits: fix
                .edits
                .iter()
                .map(|e| TextEdit::new(snap.lsp_range(e.range.clone()), e.new_text.clone()))
                .collect(),
        })
        .collect()
}

/// The finding a diagnostic was made from: same rule and same range, else same rule and an
/// overlapping range (the report may be a little newer than the client's diagnostics).
fn finding_for<'r>(
    snap: &Snapshot<'r>,
    rule: Rule,
    diagnostic: &Diagnostic,
) -> Option<&'r Finding> {
    let of_rule = || snap.report.findings.iter().filter(move |f| f.rule == rule);
    let same_range = |f: &&Finding| snap.lsp_range(f.range.clone()) == diagnostic.range;
    // One rule can report several findings on one range (each missing part of `structure` sits on
    // the heading), so the message tells them apart.
    of_rule()
        .find(|f| same_range(f) && f.message == diagnostic.message)
        .or_else(|| of_rule().find(same_range))
        .or_else(|| {
            let start = snap.offset(diagnostic.range.start);
            let end = snap.offset(diagnostic.range.end);
            of_rule().find(|f| f.range.start <= end && start <= f.range.end)
        })
}

fn action(
    snap: &Snapshot<'_>,
    fix: LspFix,
    diagnostic: Option<&Diagnostic>,
    preferred: bool,
    document_changes: bool,
) -> CodeAction {
    CodeAction {
        title: fix.title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.map(|d| vec![d.clone()]),
        edit: Some(workspace_edit(snap, fix.edits, document_changes)),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// Edits as a workspace edit on the snapshot's document: versioned `documentChanges` when the
/// client takes them, else `changes`.
pub(crate) fn workspace_edit(
    snap: &Snapshot<'_>,
    edits: Vec<TextEdit>,
    document_changes: bool,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: snap.uri.clone(),
                    version: Some(snap.doc.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit::new(HashMap::from([(snap.uri.clone(), edits)]))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tower_lsp::lsp_types::Position;

    use super::*;
    use crate::lsp::diagnostics;
    use crate::lsp::document::Encoding;
    use crate::lsp::features::GuideFiles;
    use crate::lsp::features::fixtures::{Fixture, apply_edits, edits_for, find};

    const DRAFT: &str = "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives?\r\n\r\n## Context 😀\r\nÉté: at our Series B startup the resellers churned and customers struggled.\r\n\r\n## Action\r\nI think I rebuilt the tiers with marketing, naïvely.\r\n\r\n## Learning\r\nAlign early.\r\n";

    /// The diagnostics the server publishes for the fixture's findings of `rules`.
    fn published(fixture: &Fixture, encoding: Encoding, rules: &[Rule]) -> Vec<Diagnostic> {
        diagnostics::from_report(
            &fixture.report,
            &fixture.doc,
            encoding,
            &GuideFiles::default(),
        )
        .into_iter()
        .filter(|d| rule_of(d).is_some_and(|r| rules.contains(&r)))
        .collect()
    }

    /// Actions for the diagnostics of `rules` as (title, preferred, text after applying), checked
    /// to agree across encodings, edit forms, and with or without `data`.
    fn run(fixture: &Fixture, rules: &[Rule]) -> Vec<(String, bool, String)> {
        let text = fixture.text.as_str();
        let mut runs = Vec::new();
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for document_changes in [false, true] {
                for with_data in [false, true] {
                    let mut diagnostics = published(fixture, encoding, rules);
                    if !with_data {
                        diagnostics.iter_mut().for_each(|d| d.data = None);
                    }
                    let context = CodeActionContext {
                        diagnostics: diagnostics.clone(),
                        only: None,
                        trigger_kind: None,
                    };
                    let whole = fixture.doc.range(0..text.len(), encoding);
                    let snap = fixture.snap(encoding);
                    let results: Vec<(String, bool, String)> =
                        code_actions(&snap, whole, &context, document_changes)
                            .into_iter()
                            .map(|a| {
                                let CodeActionOrCommand::CodeAction(a) = a else {
                                    panic!("code actions only")
                                };
                                assert_eq!(a.kind, Some(CodeActionKind::QUICKFIX));
                                assert!(diagnostics.contains(&a.diagnostics.clone().unwrap()[0]));
                                let edit = a.edit.unwrap();
                                if document_changes {
                                    let Some(DocumentChanges::Edits(e)) = &edit.document_changes
                                    else {
                                        panic!("documentChanges expected")
                                    };
                                    assert_eq!(e[0].text_document.version, Some(7));
                                } else {
                                    assert!(edit.changes.is_some());
                                }
                                let edits = edits_for(&edit, &fixture.uri);
                                (
                                    a.title,
                                    a.is_preferred == Some(true),
                                    apply_edits(text, &edits, encoding),
                                )
                            })
                            .collect();
                    runs.push(results);
                }
            }
        }
        assert!(
            runs.windows(2).all(|w| w[0] == w[1]),
            "encodings, edit forms or data disagree: {runs:#?}"
        );
        runs.remove(0)
    }

    /// What applying `fix` of the engine gives.
    fn applied(text: &str, fix: &Fix) -> String {
        let mut out = text.to_string();
        for edit in fix.edits.iter().rev() {
            out.replace_range(edit.range.clone(), &edit.new_text);
        }
        out
    }

    #[test]
    fn actions_are_the_engine_fixes_fixes_first_then_disables() {
        let fixture = Fixture::analysed(DRAFT);
        let results = run(&fixture, &[Rule::Structure, Rule::Hedging]);
        let expected: Vec<(String, bool, String)> = {
            let mut fixes: Vec<(bool, (String, bool, String))> = Vec::new();
            for f in fixture
                .report
                .findings
                .iter()
                .filter(|f| matches!(f.rule, Rule::Structure | Rule::Hedging))
            {
                for (i, fix) in f.fixes.iter().enumerate() {
                    let item = (
                        fix.title.clone(),
                        i == 0 && !fix.disables(),
                        applied(DRAFT, fix),
                    );
                    if !fixes.iter().any(|(_, seen)| *seen == item) {
                        fixes.push((fix.disables(), item));
                    }
                }
            }
            fixes.sort_by_key(|(disables, _)| *disables);
            fixes.into_iter().map(|(_, item)| item).collect()
        };
        assert_eq!(results, expected);
        let titles: Vec<&str> = results.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Insert an Outcome section",
                "Disable `structure` for this file",
                "Disable `hedging` for this block",
                "Disable `hedging` for this file",
            ]
        );
        assert!(results[0].1 && !results[1].1 && !results[2].1);
        assert!(results[0].2.contains("## Outcome\r\n"));
        assert!(
            results[1]
                .2
                .contains("---\r\n<!-- coach: disable structure -->\r\n# How")
        );
        assert!(
            results[2]
                .2
                .contains("## Action\r\n<!-- coach: disable-next hedging -->\r\nI think")
        );
    }

    #[test]
    fn data_of_the_current_text_is_used_as_it_is_and_stale_data_is_not() {
        let fixture = Fixture::analysed(DRAFT);
        let snap = fixture.snap(Encoding::Utf16);
        let mut diagnostic = published(&fixture, Encoding::Utf16, &[Rule::Hedging]).remove(0);
        let edit = TextEdit::new(
            LspRange::new(Position::new(0, 0), Position::new(0, 0)),
            "x".into(),
        );
        let whole = fixture.doc.range(0..DRAFT.len(), Encoding::Utf16);
        let titles = |diagnostic: &Diagnostic| -> Vec<String> {
            let context = CodeActionContext {
                diagnostics: vec![diagnostic.clone()],
                ..CodeActionContext::default()
            };
            code_actions(&snap, whole, &context, false)
                .into_iter()
                .map(|a| match a {
                    CodeActionOrCommand::CodeAction(a) => a.title,
                    CodeActionOrCommand::Command(c) => c.title,
                })
                .collect()
        };
        diagnostic.data = Some(json!({
            "rule": "hedging",
            "text": diagnostics::fingerprint(&fixture.doc),
            "fixes": [{ "title": "From data", "disables": false, "edits": [edit] }]
        }));
        assert_eq!(titles(&diagnostic), ["From data"]);
        diagnostic.data.as_mut().unwrap()["text"] = json!("0000000000000000");
        assert_eq!(
            titles(&diagnostic),
            [
                "Disable `hedging` for this block",
                "Disable `hedging` for this file"
            ]
        );
    }

    #[test]
    fn without_context_diagnostics_the_findings_in_range_are_used() {
        let fixture = Fixture::analysed(DRAFT);
        let snap = fixture.snap(Encoding::Utf16);
        let at = fixture
            .doc
            .position(find(DRAFT, "I think").start, Encoding::Utf16);
        let titles: Vec<String> = code_actions(
            &snap,
            LspRange::new(at, at),
            &CodeActionContext::default(),
            false,
        )
        .into_iter()
        .map(|a| match a {
            CodeActionOrCommand::CodeAction(a) => a.title,
            CodeActionOrCommand::Command(c) => c.title,
        })
        .collect();
        assert_eq!(
            titles,
            [
                "Disable `hedging` for this block",
                "Disable `hedging` for this file"
            ]
        );
    }

    #[test]
    fn only_filters_and_foreign_diagnostics_are_respected() {
        let fixture = Fixture::analysed(DRAFT);
        let snap = fixture.snap(Encoding::Utf16);
        let whole = LspRange::new(Position::new(0, 0), Position::new(99, 0));
        let refactor = CodeActionContext {
            only: Some(vec![CodeActionKind::REFACTOR]),
            ..CodeActionContext::default()
        };
        assert!(code_actions(&snap, whole, &refactor, false).is_empty());
        let foreign = CodeActionContext {
            diagnostics: vec![Diagnostic {
                code: Some(NumberOrString::String("metrics".into())),
                source: Some("harper".into()),
                ..Diagnostic::default()
            }],
            ..CodeActionContext::default()
        };
        assert!(code_actions(&snap, whole, &foreign, false).is_empty());
        // Wild ranges are clamped.
        let wild = LspRange::new(Position::new(u32::MAX, 5), Position::new(0, u32::MAX));
        let _ = code_actions(&snap, wild, &CodeActionContext::default(), true);
    }
}
