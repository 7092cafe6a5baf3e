//! Document symbols: the question the draft answers as the root, the draft's sections under it,
//! nested by heading level.

use std::ops::Range;

use interview_rubric::{LinkVia, Section, SectionKind};

use crate::Analysis;
use crate::locate;

/// An entry of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// `Q3`, or the section's title.
    pub name: String,
    /// The question's text, for the root.
    pub detail: Option<String>,
    /// What it is.
    pub kind: SymbolKind,
    /// Byte range of the whole entry.
    pub range: Range<usize>,
    /// Byte range of its name (the heading), inside `range`.
    pub selection: Range<usize>,
    /// Nested entries.
    pub children: Vec<Symbol>,
}

/// What an outline entry is: the question the draft answers, or a section of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// The question or scenario (the root).
    Question,
    /// A section playing this part.
    Section(SectionKind),
}

/// The outline. A linked draft has one root, the question (name `Q3`, detail its text), holding
/// the sections; an unlinked draft lists its sections at the top level.
pub fn symbols(analysis: &Analysis<'_>) -> Vec<Symbol> {
    let target = locate::linked_target(analysis);
    let mut sections: Vec<&Section> = analysis.report.sections.iter().collect();
    // The question heading is the root itself, not a child of it.
    let root_heading = target.and_then(|_| {
        let link = analysis.report.link.as_ref()?;
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
    let children = nest(&sections);
    let Some(target) = target else {
        return children;
    };
    let whole = 0..analysis.text.len();
    let selection = root_heading
        .map(|s| s.heading.clone())
        .or_else(|| analysis.report.link.as_ref()?.range.clone())
        .unwrap_or(0..0);
    vec![symbol(
        target.label(),
        Some(target.text().to_string()),
        SymbolKind::Question,
        whole,
        selection,
        children,
    )]
}

/// Nests sections by level: a heading holds the following deeper headings; bold labels (level 0)
/// sit under the heading before them.
fn nest(sections: &[&Section]) -> Vec<Symbol> {
    let depth = |s: &Section| if s.level == 0 { 7 } else { s.level };
    let mut out = Vec::new();
    let mut i = 0;
    while i < sections.len() {
        let section = sections[i];
        let end = sections[i + 1..]
            .iter()
            .position(|s| depth(s) <= depth(section))
            .map_or(sections.len(), |n| i + 1 + n);
        let children = nest(&sections[i + 1..end]);
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
            title,
            None,
            SymbolKind::Section(section.kind),
            section.range.start.min(section.heading.start)..last,
            section.heading.clone(),
            children,
        ));
        i = end;
    }
    out
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range<usize>,
    selection: Range<usize>,
    children: Vec<Symbol>,
) -> Symbol {
    // The selection must lie inside the range, or clients reject the symbol.
    let selection = selection.start.clamp(range.start, range.end)
        ..selection
            .end
            .clamp(range.start, range.end)
            .max(selection.start.clamp(range.start, range.end));
    Symbol {
        name,
        detail,
        kind,
        range,
        selection,
        children,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Fixture;

    /// The outline as indented `name (kind)` lines, with each entry's selected text.
    fn outline(text: &str, symbols: &[Symbol], depth: usize, out: &mut Vec<String>) {
        for symbol in symbols {
            assert!(symbol.range.start <= symbol.selection.start);
            assert!(symbol.selection.end <= symbol.range.end);
            out.push(format!(
                "{}{} [{}]",
                "  ".repeat(depth),
                symbol.name,
                &text[symbol.selection.clone()]
            ));
            outline(text, &symbol.children, depth + 1, out);
        }
    }

    fn lines(marked: &str) -> Vec<String> {
        let fixture = Fixture::new(marked);
        let mut out = Vec::new();
        outline(&fixture.text, &symbols(&fixture.analysis()), 0, &mut out);
        out
    }

    #[test]
    fn linked_draft_has_the_question_as_root() {
        let draft = "---\ncategory: partnerships\nquestion: 3\n---\n# How do you structure partner incentives?\n\n## Context\n\nText.\n\n**Result:** up 20%.\n\n### Detail\n\nMore.\n\n## Learning\n\nDone.\n";
        assert_eq!(
            lines(draft),
            [
                "Q3 [# How do you structure partner incentives?]",
                "  Context [## Context]",
                "    Result [**Result:**]",
                "    Detail [### Detail]",
                "  Learning [## Learning]",
            ]
        );
        let fixture = Fixture::new(draft);
        let root = &symbols(&fixture.analysis())[0];
        assert_eq!(root.kind, SymbolKind::Question);
        assert_eq!(root.range, 0..draft.len());
        assert_eq!(
            root.detail.as_deref(),
            Some("How do you structure partner incentives?")
        );
        assert_eq!(
            root.children[0].kind,
            SymbolKind::Section(SectionKind::Context)
        );
    }

    #[test]
    fn unlinked_draft_lists_its_sections_and_an_empty_one_has_none() {
        assert_eq!(
            lines("# Notes\n\n## Plan\n\nText.\n"),
            ["Notes [# Notes]", "  Plan [## Plan]"]
        );
        assert!(lines("").is_empty());
    }
}
