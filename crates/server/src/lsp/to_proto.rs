//! The one conversion from the feature layer's answers (byte offsets and domain types, in
//! `interview-ide`) to LSP: positions in the negotiated encoding, guide spans as locations in the
//! guide files, and the command names of `docs/protocol.md`.

use interview_content::Catalog;
use interview_ide::GuideSpan;
use interview_ide::completion::{CompletionItem, CompletionKind};
use interview_ide::hover::Hover;
use interview_ide::lens::{Lens, LensAction};
use interview_ide::symbols::{Symbol, SymbolKind};
use interview_rubric::SectionKind;
use serde_json::Value;
use tower_lsp::lsp_types::{self as lsp, Url};

use crate::lsp::document::Encoding;
use crate::lsp::features::{GuideFiles, Snapshot};

/// `interviewCoach.questions`: every question and scenario prompt.
pub const QUESTIONS: &str = "interviewCoach.questions";
/// `interviewCoach.newDraft [id]`: the text and file name of a new draft.
pub const NEW_DRAFT: &str = "interviewCoach.newDraft";
/// `interviewCoach.score [uri]`: an open draft's score.
pub const SCORE: &str = "interviewCoach.score";
/// `interviewCoach.openGuide [categoryId?]`: show a category's guide.
pub const OPEN_GUIDE: &str = "interviewCoach.openGuide";
/// `interviewCoach.openExamples [uri]`: show the example answers for a draft's question.
pub const OPEN_EXAMPLES: &str = "interviewCoach.openExamples";
/// `interviewCoach.bank [{"category": id}?]`: the answer bank of the workspace folders, the JSON
/// of `interview-coach bank --format json` with each draft's `uri`.
pub const BANK: &str = "interviewCoach.bank";
/// Every command, for `executeCommandProvider`.
pub const ALL_COMMANDS: &[&str] = &[QUESTIONS, NEW_DRAFT, SCORE, OPEN_GUIDE, OPEN_EXAMPLES, BANK];

/// The category asked for in the arguments of [`BANK`]: none, `null`, `{}` or
/// `{"category": id}`.
pub fn bank_arguments(arguments: &[Value]) -> Result<Option<String>, String> {
    const EXPECTED: &str = "expected no argument or one object `{\"category\": id}`";
    match arguments {
        [] | [Value::Null] => Ok(None),
        [Value::Object(object)] => {
            if let Some(key) = object.keys().find(|k| *k != "category") {
                return Err(format!("unknown field `{key}`: {EXPECTED}"));
            }
            match object.get("category") {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(id)) => Ok(Some(id.clone())),
                Some(_) => Err(format!("`category` must be a string: {EXPECTED}")),
            }
        }
        _ => Err(EXPECTED.to_string()),
    }
}

/// A hover as Markdown over its range.
pub fn hover(snap: &Snapshot<'_>, hover: Hover) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(markdown(hover.markdown)),
        range: Some(snap.lsp_range(hover.range)),
    }
}

/// Completion items, or `None` for none.
pub fn completion(
    snap: &Snapshot<'_>,
    items: Vec<CompletionItem>,
) -> Option<lsp::CompletionResponse> {
    let items: Vec<lsp::CompletionItem> = items
        .into_iter()
        .map(|item| lsp::CompletionItem {
            label: item.label,
            kind: Some(completion_kind(item.kind)),
            detail: item.detail,
            documentation: item
                .documentation
                .map(|d| lsp::Documentation::MarkupContent(markdown(d))),
            filter_text: item.filter_text,
            sort_text: item.sort_text,
            insert_text_format: match item.snippet {
                Some(true) => Some(lsp::InsertTextFormat::SNIPPET),
                Some(false) => Some(lsp::InsertTextFormat::PLAIN_TEXT),
                None => None,
            },
            text_edit: Some(lsp::CompletionTextEdit::Edit(text_edit(snap, item.edit))),
            additional_text_edits: (!item.additional_edits.is_empty()).then(|| {
                item.additional_edits
                    .into_iter()
                    .map(|e| text_edit(snap, e))
                    .collect()
            }),
            ..lsp::CompletionItem::default()
        })
        .collect();
    (!items.is_empty()).then_some(lsp::CompletionResponse::Array(items))
}

fn completion_kind(kind: CompletionKind) -> lsp::CompletionItemKind {
    match kind {
        CompletionKind::Key => lsp::CompletionItemKind::PROPERTY,
        CompletionKind::Value => lsp::CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Question => lsp::CompletionItemKind::REFERENCE,
        CompletionKind::AnswerPart => lsp::CompletionItemKind::MODULE,
        CompletionKind::Draft => lsp::CompletionItemKind::FILE,
        CompletionKind::Skeleton => lsp::CompletionItemKind::SNIPPET,
        CompletionKind::Concept => lsp::CompletionItemKind::KEYWORD,
        CompletionKind::Metric => lsp::CompletionItemKind::UNIT,
    }
}

fn text_edit(snap: &Snapshot<'_>, edit: interview_rubric::TextEdit) -> lsp::TextEdit {
    lsp::TextEdit::new(snap.lsp_range(edit.range), edit.new_text)
}

fn markdown(value: String) -> lsp::MarkupContent {
    lsp::MarkupContent {
        kind: lsp::MarkupKind::Markdown,
        value,
    }
}

/// A span of a category's guide as a location in its guide file: from the start of the first line
/// to the end of the last line's text. `None` when the guide file was not written.
pub fn location(
    guides: &GuideFiles,
    span: GuideSpan<'_>,
    encoding: Encoding,
) -> Option<lsp::Location> {
    let uri = guides.by_category.get(&span.category.id)?;
    let text = span.last_line_text();
    let end = match encoding {
        Encoding::Utf8 => text.len(),
        Encoding::Utf16 => text.encode_utf16().count(),
    };
    let range = lsp::Range::new(
        lsp::Position::new(span.first - 1, 0),
        lsp::Position::new(span.last - 1, u32::try_from(end).unwrap_or(u32::MAX)),
    );
    Some(lsp::Location::new(uri.clone(), range))
}

/// Definition targets: one location, several, or `None`.
pub fn definition(
    snap: &Snapshot<'_>,
    spans: Vec<GuideSpan<'_>>,
) -> Option<lsp::GotoDefinitionResponse> {
    let mut locations: Vec<lsp::Location> = spans
        .into_iter()
        .filter_map(|span| location(snap.guides, span, snap.encoding))
        .collect();
    match locations.len() {
        0 => None,
        1 => locations.pop().map(lsp::GotoDefinitionResponse::Scalar),
        _ => Some(lsp::GotoDefinitionResponse::Array(locations)),
    }
}

/// The outline. Section kinds map to symbol kinds so that outlines show distinct icons: context →
/// namespace, action → function, outcome → event, learning → key, any other heading → string.
pub fn symbols(snap: &Snapshot<'_>, symbols: Vec<Symbol>) -> Vec<lsp::DocumentSymbol> {
    symbols
        .into_iter()
        .map(|symbol| {
            let kind = match symbol.kind {
                SymbolKind::Question => lsp::SymbolKind::MODULE,
                SymbolKind::Section(SectionKind::Context) => lsp::SymbolKind::NAMESPACE,
                SymbolKind::Section(SectionKind::Action) => lsp::SymbolKind::FUNCTION,
                SymbolKind::Section(SectionKind::Outcome) => lsp::SymbolKind::EVENT,
                SymbolKind::Section(SectionKind::Learning) => lsp::SymbolKind::KEY,
                SymbolKind::Section(SectionKind::Other) => lsp::SymbolKind::STRING,
            };
            let children = self::symbols(snap, symbol.children);
            #[allow(deprecated)]
            lsp::DocumentSymbol {
                name: symbol.name,
                detail: symbol.detail,
                kind,
                tags: None,
                deprecated: None,
                range: snap.lsp_range(symbol.range),
                selection_range: snap.lsp_range(symbol.selection),
                children: (!children.is_empty()).then_some(children),
            }
        })
        .collect()
}

/// Lenses on the first line, with the commands they run.
pub fn lenses(snap: &Snapshot<'_>, lenses: Vec<Lens>) -> Vec<lsp::CodeLens> {
    let top = lsp::Range::default();
    lenses
        .into_iter()
        .map(|lens| {
            let (command, arguments) = match lens.action {
                LensAction::OpenGuide(category) => (
                    OPEN_GUIDE,
                    category.map(Value::String).into_iter().collect(),
                ),
                LensAction::OpenExamples => {
                    (OPEN_EXAMPLES, vec![Value::String(snap.uri.to_string())])
                }
            };
            lsp::CodeLens {
                range: top,
                command: Some(lsp::Command {
                    title: lens.title,
                    command: command.to_string(),
                    arguments: Some(arguments),
                }),
                data: None,
            }
        })
        .collect()
}

/// The guide file of a category; without one, the rules page, else the first category's guide.
pub fn guide_uri(guides: &GuideFiles, catalog: &Catalog, category: Option<&str>) -> Option<Url> {
    match category {
        Some(id) => guides.by_category.get(id).cloned(),
        None => guides.rules.clone().or_else(|| {
            catalog
                .categories
                .iter()
                .find_map(|c| guides.by_category.get(&c.id).cloned())
        }),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use interview_content::Catalog;
    use interview_ide::{Analysis, completion, definition, hover, lens, symbols, templates};
    use interview_rubric::{Report, Settings};
    use tower_lsp::lsp_types::Position;

    use super::*;
    use crate::lsp::document::Document;

    const DRAFT: &str = "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives? 😀\r\n\r\n## Context\r\nÉté 😀, aligned incentives and win rate.\r\n\r\n```\r\ncode\r\n```\r\nI think we had 40 meetings.\r\n";

    struct Draft {
        uri: Url,
        doc: Document,
        text: String,
        report: Report,
        settings: Settings,
        guides: GuideFiles,
    }

    #[test]
    fn bank_arguments_are_an_optional_category() {
        use serde_json::json;
        assert_eq!(bank_arguments(&[]), Ok(None));
        assert_eq!(bank_arguments(&[json!({})]), Ok(None));
        assert_eq!(
            bank_arguments(&[json!({"category": "sales"})]),
            Ok(Some("sales".into()))
        );
        assert!(bank_arguments(&[json!({"category": 3})]).is_err());
        assert!(
            bank_arguments(&[json!({"categry": "x"})])
                .unwrap_err()
                .contains("`categry`")
        );
        assert!(bank_arguments(&[json!("sales")]).is_err());
        assert!(bank_arguments(&[json!({}), json!({})]).is_err());
    }

    fn draft(text: &str) -> Draft {
        let settings = Settings::default();
        let guides = GuideFiles {
            by_category: HashMap::from([(
                "partnerships".to_string(),
                Url::parse("file:///cache/guide/partnerships.md").unwrap(),
            )]),
            rules: Some(Url::parse("file:///cache/guide/rules.md").unwrap()),
        };
        Draft {
            uri: Url::parse("file:///drafts/q3.md").unwrap(),
            doc: Document::new(text, 1),
            text: text.to_string(),
            report: interview_rubric::analyze(text, Catalog::embedded(), &settings),
            settings,
            guides,
        }
    }

    fn snap(draft: &Draft, encoding: Encoding) -> Snapshot<'_> {
        Snapshot {
            uri: &draft.uri,
            doc: &draft.doc,
            encoding,
            guides: &draft.guides,
            analysis: Analysis {
                text: &draft.text,
                report: &draft.report,
                catalog: Catalog::embedded(),
                settings: &draft.settings,
                links: &draft.guides,
            },
        }
    }

    /// The text an LSP range covers, read back in its encoding.
    fn text_of(snap: &Snapshot<'_>, range: lsp::Range) -> String {
        snap.text[snap.offset(range.start)..snap.offset(range.end)].to_string()
    }

    #[test]
    fn both_encodings_cover_the_same_text() {
        let draft = draft(DRAFT);
        let mut seen = Vec::new();
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let snap = snap(&draft, encoding);
            let at = |needle: &str| DRAFT.find(needle).unwrap() + 1;
            let mut texts = Vec::new();
            let found = hover::hover(&snap, at("aligned incentives")).unwrap();
            let lsp::Hover { range, .. } = self::hover(&snap, found);
            texts.push(text_of(&snap, range.unwrap()));
            let items = completion::completion(&snap, at("code") - 1 + 4, None, true);
            assert!(items.is_empty(), "no completion in code");
            let items = completion::completion(&snap, DRAFT.find(" and win").unwrap(), None, true);
            let Some(lsp::CompletionResponse::Array(items)) = self::completion(&snap, items) else {
                panic!("items expected")
            };
            for item in items {
                if let Some(lsp::CompletionTextEdit::Edit(edit)) = item.text_edit {
                    texts.push(text_of(&snap, edit.range));
                }
            }
            for symbol in self::symbols(&snap, symbols::symbols(&snap)) {
                texts.push(text_of(&snap, symbol.selection_range));
            }
            seen.push(texts);
        }
        assert_eq!(seen[0], seen[1]);
        assert_eq!(seen[0][0], "aligned incentives");
        assert!(seen[0].contains(&"# How do you structure partner incentives? 😀".to_string()));
    }

    #[test]
    fn guide_spans_end_at_their_last_line_in_either_encoding() {
        let draft = draft(DRAFT);
        let q3 = DRAFT.find("3\r\n---").unwrap();
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let snap = snap(&draft, encoding);
            let Some(lsp::GotoDefinitionResponse::Array(locations)) =
                definition(&snap, definition::definition(&snap, q3))
            else {
                panic!("the question and its examples")
            };
            let markdown = &Catalog::embedded().categories[0].markdown;
            let guide = Document::new(markdown, 0);
            let first = &locations[0];
            assert_eq!(first.uri.as_str(), "file:///cache/guide/partnerships.md");
            let text = &markdown[guide.offset(first.range.start, encoding)
                ..guide.offset(first.range.end, encoding)];
            assert_eq!(text, "3. How do you structure partner incentives?");
            let examples = location(
                snap.guides,
                templates::examples_span(&snap).unwrap(),
                encoding,
            );
            assert!(examples.is_some());
        }
    }

    #[test]
    fn lenses_carry_the_protocol_commands() {
        let draft = draft(DRAFT);
        let snap = snap(&draft, Encoding::Utf16);
        let lenses = lenses(&snap, lens::lenses(&snap));
        let commands: Vec<(&str, Vec<Value>)> = lenses
            .iter()
            .map(|l| {
                let c = l.command.as_ref().unwrap();
                (c.command.as_str(), c.arguments.clone().unwrap())
            })
            .collect();
        assert_eq!(
            commands,
            [
                (OPEN_GUIDE, vec![Value::from("partnerships")]),
                (OPEN_EXAMPLES, vec![Value::from("file:///drafts/q3.md")]),
            ]
        );
        assert!(lenses.iter().all(|l| l.range == lsp::Range::default()));
    }

    #[test]
    fn no_position_from_the_client_makes_a_feature_panic() {
        for text in [DRAFT, "", "---", "`inline\r<!-- open\n# x 😀"] {
            let draft = draft(text);
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let snap = snap(&draft, encoding);
                for line in (0..16).chain([u32::MAX]) {
                    for character in (0..50).chain([u32::MAX]) {
                        let offset = snap.offset(Position::new(line, character));
                        let _ = hover::hover(&snap, offset).map(|h| self::hover(&snap, h));
                        let _ = definition(&snap, definition::definition(&snap, offset));
                        for trigger in [None, Some("#"), Some(":")] {
                            let items = completion::completion(&snap, offset, trigger, true);
                            let _ = completion(&snap, items);
                        }
                    }
                }
            }
        }
    }
}
