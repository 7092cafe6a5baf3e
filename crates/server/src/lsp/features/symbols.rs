//! Document symbols: the question the draft answers as the root, the draft's sections under it,
//! nested by heading level.

use std::ops::Range;

use interview_rubric::{LinkVia, Section, SectionKind};
use tower_lsp::lsp_types::{DocumentSymbol, SymbolKind};

use super::Snapshot;
use super::locate;

/// The outline. A linked draft has one root, the question (name `Q3`, detail its text), holding
/// the sections; an unlinked draft lists its sections at the top level. Section kinds map to
/// symbol kinds so that outlines show distinct icons: context → namespace, action → function,
/// outcome → event, learning → key, any other heading → string.
pub fn document_symbols(snap: &Snapshot<'_>) -> Vec<DocumentSymbol> {
    let target = locate::linked_target(snap);
    let mut sections: Vec<&Section> = snap.report.sections.iter().collect();
    // The question heading is the root itself, not a child of it.
    let root_heading = target.and_then(|_| {
        let link = snap.report.link.as_ref()?;
        let by_link = (link.via == LinkVia::Heading)
            .then(|| link.range.clone())
            .flatten();
        let index = sections.iter().position(|s| {
            by_link.as_ref().map_or(s.level == 1, |r| {
                s.heading.start <= r.start && r.end <= s.heading.end
            })
        })?;
        Some(sections.remove(index))
    });
    let children = nest(snap, &sections);
    let Some(target) = target else {
        return children;
    };
    let whole = 0..snap.text.len();
    let selection = root_heading
        .map(|s| s.heading.clone())
        .or_else(|| snap.report.link.as_ref()?.range.clone())
        .unwrap_or(0..0);
    vec![symbol(
        snap,
        target.label(),
        Some(target.text().to_string()),
        SymbolKind::MODULE,
        whole,
        selection,
        children,
    )]
}

/// Nests sections by level: a heading holds the following deeper headings; bold labels (level 0)
/// sit under the heading before them.
fn nest(snap: &Snapshot<'_>, sections: &[&Section]) -> Vec<DocumentSymbol> {
    let depth = |s: &Section| if s.level == 0 { 7 } else { s.level };
    let mut out = Vec::new();
    let mut i = 0;
    while i < sections.len() {
        let section = sections[i];
        let end = sections[i + 1..]
            .iter()
            .position(|s| depth(s) <= depth(section))
            .map_or(sections.len(), |n| i + 1 + n);
        let children = nest(snap, &sections[i + 1..end]);
        let last = sections[i..end]
            .iter()
            .map(|s| s.range.end)
            .max()
            .unwrap_or(section.range.end);
        let title = if section.title.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            section.title.clone()
        };
        out.push(symbol(
            snap,
            title,
            None,
            kind(section.kind),
            section.range.start.min(section.heading.start)..last,
            section.heading.clone(),
            children,
        ));
        i = end;
    }
    out
}

fn kind(kind: SectionKind) -> SymbolKind {
    match kind {
        SectionKind::Context => SymbolKind::NAMESPACE,
        SectionKind::Action => SymbolKind::FUNCTION,
        SectionKind::Outcome => SymbolKind::EVENT,
        SectionKind::Learning => SymbolKind::KEY,
        SectionKind::Other => SymbolKind::STRING,
    }
}

fn symbol(
    snap: &Snapshot<'_>,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range<usize>,
    selection: Range<usize>,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    // The selection must lie inside the range, or clients reject the symbol.
    let selection = selection.start.clamp(range.start, range.end)
        ..selection
            .end
            .clamp(range.start, range.end)
            .max(selection.start.clamp(range.start, range.end));
    #[allow(deprecated)]
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: snap.lsp_range(range),
        selection_range: snap.lsp_range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}

#[cfg(test)]
mod tests {
    use interview_rubric::{Link, Report};
    use tower_lsp::lsp_types::Position;

    use super::*;
    use crate::lsp::document::Encoding;
    use crate::lsp::features::fixtures::{Fixture, find};

    const DRAFT: &str = "# How do you structure partner incentives?\r\n\r\n## Contexte 😀\r\nÉté.\r\n### Détail\r\nx\r\n## Action\r\n**Result:** up 20%.\r\n";

    fn section(
        text: &str,
        kind: SectionKind,
        title: &str,
        level: u8,
        heading: &str,
        end: usize,
    ) -> Section {
        let heading = find(text, heading);
        Section {
            kind,
            title: title.into(),
            level,
            range: heading.start..end,
            heading,
        }
    }

    fn report(text: &str, linked: bool) -> Report {
        let at = |needle: &str| find(text, needle).start;
        Report {
            link: linked.then(|| Link {
                category: "partnerships".into(),
                target: Some("partnerships/q3".into()),
                via: LinkVia::Heading,
                range: Some(find(text, "How do you structure partner incentives?")),
            }),
            sections: vec![
                section(
                    text,
                    SectionKind::Other,
                    "How do you structure partner incentives?",
                    1,
                    "# How do you structure partner incentives?",
                    at("## Contexte"),
                ),
                section(
                    text,
                    SectionKind::Context,
                    "Contexte 😀",
                    2,
                    "## Contexte 😀",
                    at("### Détail"),
                ),
                section(
                    text,
                    SectionKind::Other,
                    "Détail",
                    3,
                    "### Détail",
                    at("## Action"),
                ),
                section(
                    text,
                    SectionKind::Action,
                    "Action",
                    2,
                    "## Action",
                    at("**Result:**"),
                ),
                section(
                    text,
                    SectionKind::Outcome,
                    "Result:",
                    0,
                    "**Result:**",
                    text.len(),
                ),
            ],
            ..Report::default()
        }
    }

    fn outline(symbols: &[DocumentSymbol], depth: usize, out: &mut Vec<String>) {
        for s in symbols {
            out.push(format!(
                "{}{} {:?} {}:{}-{}:{}",
                "  ".repeat(depth),
                s.name,
                s.kind,
                s.range.start.line,
                s.range.start.character,
                s.range.end.line,
                s.range.end.character
            ));
            outline(s.children.as_deref().unwrap_or_default(), depth + 1, out);
        }
    }

    #[test]
    fn linked_draft_has_the_question_as_root() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, true));
        let symbols = document_symbols(&fixture.snap(Encoding::Utf16));
        assert_eq!(symbols.len(), 1);
        assert_eq!(
            symbols[0].detail.as_deref(),
            Some("How do you structure partner incentives?")
        );
        assert_eq!(symbols[0].selection_range.start, Position::new(0, 0));
        assert_eq!(symbols[0].selection_range.end, Position::new(0, 42));
        let mut lines = Vec::new();
        outline(&symbols, 0, &mut lines);
        assert_eq!(
            lines,
            [
                "Q3 Module 0:0-8:0",
                "  Contexte 😀 Namespace 2:0-6:0",
                "    Détail String 4:0-6:0",
                "  Action Function 6:0-8:0",
                "    Result: Event 7:0-8:0",
            ]
        );
    }

    #[test]
    fn unlinked_draft_lists_sections_and_counts_utf8_columns() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, false));
        let symbols = document_symbols(&fixture.snap(Encoding::Utf8));
        let names: Vec<&str> = symbols.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["How do you structure partner incentives?"]);
        let context = &symbols[0].children.as_ref().unwrap()[0];
        assert_eq!(
            context.selection_range.end,
            Position::new(2, "## Contexte 😀".len() as u32)
        );
    }

    #[test]
    fn empty_report_has_no_symbols() {
        let fixture = Fixture::new("", Report::default());
        assert!(document_symbols(&fixture.snap(Encoding::Utf16)).is_empty());
    }
}
