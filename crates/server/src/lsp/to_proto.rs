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
/// Every command, for `executeCommandProvider`.
pub const ALL_COMMANDS: &[&str] = &[QUESTIONS, NEW_DRAFT, SCORE, OPEN_GUIDE, OPEN_EXAMPLES];

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
