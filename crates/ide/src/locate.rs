//! What is at a position of a draft, and where catalog records are in the guide files.
//!
//! Shared by hover, definition, code lens and templates so that they agree on what a term or a
//! heading refers to.

use std::ops::Range;

use interview_content::{Catalog, Category, Concept, ExampleAnswer, Metric, Question, Scenario};
use interview_rubric::{LinkVia, MentionTarget};

use crate::Analysis;

/// A question or a scenario prompt: what a draft can answer.
#[derive(Debug, Clone, Copy)]
pub enum Target<'c> {
    /// A common interview question.
    Question(&'c Category, &'c Question),
    /// A real business scenario used as a prompt.
    Scenario(&'c Category, &'c Scenario),
}

impl<'c> Target<'c> {
    /// The category the target belongs to.
    pub fn category(self) -> &'c Category {
        match self {
            Target::Question(c, _) | Target::Scenario(c, _) => c,
        }
    }

    /// The record's 1-based line in the category file.
    pub fn line(self) -> u32 {
        match self {
            Target::Question(_, q) => q.line,
            Target::Scenario(_, s) => s.line,
        }
    }

    /// The question text, or the scenario's prompt.
    pub fn text(self) -> &'c str {
        match self {
            Target::Question(_, q) => &q.text,
            Target::Scenario(_, s) => &s.prompt,
        }
    }

    /// A short label: `Q3` or `Scenario 2`.
    pub fn label(self) -> String {
        match self {
            Target::Question(_, q) => format!("Q{}", q.number),
            Target::Scenario(_, s) => format!("Scenario {}", s.number),
        }
    }

    /// The example answers the question's talking points name, in list order; empty for a
    /// scenario or a question whose talking points name none.
    pub fn named_examples(self) -> Vec<&'c ExampleAnswer> {
        let Target::Question(category, question) = self else {
            return Vec::new();
        };
        category
            .examples
            .iter()
            .filter(|e| {
                question
                    .talking_points
                    .iter()
                    .any(|p| p.examples.contains(&e.id))
            })
            .collect()
    }
}

/// The question or scenario with this id, in any category.
pub fn find_target<'c>(catalog: &'c Catalog, id: &str) -> Option<Target<'c>> {
    catalog.categories.iter().find_map(|c| {
        if let Some(q) = c.questions.iter().find(|q| q.id == id) {
            return Some(Target::Question(c, q));
        }
        c.scenarios
            .iter()
            .find(|s| s.id == id)
            .map(|s| Target::Scenario(c, s))
    })
}

/// The concept with this id, in any category.
pub fn find_concept<'c>(catalog: &'c Catalog, id: &str) -> Option<(&'c Category, &'c Concept)> {
    catalog
        .categories
        .iter()
        .find_map(|c| c.concepts.iter().find(|k| k.id == id).map(|k| (c, k)))
}

/// The metric with this name or synonym: the preferred category's first, then any category's.
pub fn find_metric<'c>(
    catalog: &'c Catalog,
    preferred: Option<&str>,
    name: &str,
) -> Option<(&'c Category, &'c Metric)> {
    let name = name.to_lowercase();
    let matches = |m: &Metric| m.name == name || m.synonyms.contains(&name);
    let in_category = |c: &'c Category| {
        c.lexicons
            .metrics
            .iter()
            .find(|m| matches(m))
            .map(|m| (c, m))
    };
    preferred
        .and_then(|id| catalog.category(id))
        .and_then(in_category)
        .or_else(|| catalog.categories.iter().find_map(in_category))
}

/// What the draft answers, when the engine linked it to a question or scenario.
pub fn linked_target<'c>(analysis: &Analysis<'c>) -> Option<Target<'c>> {
    let id = analysis.report.link.as_ref()?.target.as_deref()?;
    find_target(analysis.catalog, id)
}

/// The category the draft is linked to, with or without a question.
pub fn linked_category<'c>(analysis: &Analysis<'c>) -> Option<&'c Category> {
    analysis
        .catalog
        .category(&analysis.report.link.as_ref()?.category)
}

/// Something a position can point at.
#[derive(Debug, Clone)]
pub enum Spot<'c> {
    /// The question heading or the front-matter `question:`/`scenario:` value.
    Target(Target<'c>),
    /// The front-matter `category:` value.
    Category(&'c Category),
    /// A concept mention.
    Concept(&'c Category, &'c Concept),
    /// A metric mention (the category is the one whose lexicon defines it).
    Metric(&'c Category, &'c Metric),
}

/// What is at a byte offset of the draft, and the byte range of the term or value there.
pub fn spot_at<'c>(analysis: &Analysis<'c>, offset: usize) -> Option<(Spot<'c>, Range<usize>)> {
    if let Some(spot) = front_matter_spot(analysis, offset) {
        return Some(spot);
    }
    if let Some(spot) = heading_spot(analysis, offset) {
        return Some(spot);
    }
    let mention = analysis
        .report
        .mentions
        .iter()
        .find(|m| m.range.start <= offset && offset <= m.range.end)?;
    let preferred = analysis.report.link.as_ref().map(|l| l.category.as_str());
    let spot = match &mention.target {
        MentionTarget::Concept(id) => {
            let (c, k) = find_concept(analysis.catalog, id)?;
            Spot::Concept(c, k)
        }
        MentionTarget::Metric(name) => {
            let (c, m) = find_metric(analysis.catalog, preferred, name)?;
            Spot::Metric(c, m)
        }
    };
    Some((spot, mention.range.clone()))
}

/// The front-matter line under the offset, when it names the category, question or scenario the
/// engine linked the draft to.
fn front_matter_spot<'c>(
    analysis: &Analysis<'c>,
    offset: usize,
) -> Option<(Spot<'c>, Range<usize>)> {
    let block = analysis.report.front_matter.clone()?;
    if !(block.start <= offset && offset <= block.end) {
        return None;
    }
    let line = front_matter_lines(analysis.text, block)
        .into_iter()
        .find(|l| l.line.start <= offset && offset <= l.line.end)?;
    let link = analysis.report.link.as_ref()?;
    if link.via != LinkVia::FrontMatter {
        return None;
    }
    let spot = match line.key.as_str() {
        "question" | "scenario" => Spot::Target(linked_target(analysis)?),
        "category" => Spot::Category(linked_category(analysis)?),
        _ => return None,
    };
    // The value is the term; an empty value falls back to the whole line.
    let range = if line.value.is_empty() {
        line.line
    } else {
        line.value
    };
    Some((spot, range))
}

/// The question heading under the offset: the heading the engine linked the draft by, or the
/// draft's H1 when the draft is linked to a question.
fn heading_spot<'c>(analysis: &Analysis<'c>, offset: usize) -> Option<(Spot<'c>, Range<usize>)> {
    let target = linked_target(analysis)?;
    let link = analysis.report.link.as_ref()?;
    let within = |r: &Range<usize>| r.start <= offset && offset <= r.end;
    if link.via == LinkVia::Heading {
        if let Some(range) = link.range.clone().filter(within) {
            return Some((Spot::Target(target), range));
        }
    }
    let h1 = analysis.report.sections.iter().find(|s| s.level == 1)?;
    within(&h1.heading).then(|| (Spot::Target(target), h1.heading.clone()))
}

/// One `key: value` line of a front matter block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterLine {
    /// The key, lower case and trimmed.
    pub key: String,
    /// Byte range of the line without its line break.
    pub line: Range<usize>,
    /// Byte range of the key, trimmed.
    pub key_range: Range<usize>,
    /// Byte offset just after the colon, when the line has one.
    pub colon_end: Option<usize>,
    /// Byte range of the value, trimmed (empty, at the end of the line, when there is none).
    pub value: Range<usize>,
}

/// The `key: value` lines of a front matter block (its delimiter lines left out).
pub fn front_matter_lines(text: &str, block: Range<usize>) -> Vec<FrontMatterLine> {
    let Some(body) = text.get(block.clone()) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut start = block.start;
    for raw in body.split_inclusive('\n') {
        let line_start = start;
        start += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed == "---" || trimmed == "..." {
            continue;
        }
        let line = line_start..line_start + content.len();
        let (key_part, colon_end) = match content.find(':') {
            Some(i) => (&content[..i], Some(line_start + i + 1)),
            None => (content, None),
        };
        let key_lead = key_part.len() - key_part.trim_start().len();
        let key_start = line_start + key_lead;
        let key_range = key_start..key_start + key_part.trim().len();
        let value = match colon_end {
            Some(after) => {
                let rest = &content[after - line_start..];
                let lead = rest.len() - rest.trim_start().len();
                let v = after + lead;
                v..v + rest.trim().len()
            }
            None => line.end..line.end,
        };
        lines.push(FrontMatterLine {
            key: key_part.trim().to_lowercase(),
            line,
            key_range,
            colon_end,
            value,
        });
    }
    lines
}

/// The front matter block at the top of `text`: `---` on the first line, up to and including the
/// closing `---` or `...` line. An unclosed block runs to the end of the text; the flag says
/// whether it was closed.
pub fn front_matter_block(text: &str) -> Option<(Range<usize>, bool)> {
    let first = text.split_inclusive('\n').next()?;
    if first.trim_end_matches(['\n', '\r']).trim_end() != "---" {
        return None;
    }
    let mut end = first.len();
    for line in text[first.len()..].split_inclusive('\n') {
        end += line.len();
        let t = line.trim_end_matches(['\n', '\r']).trim_end();
        if t == "---" || t == "..." {
            return Some((0..end, true));
        }
    }
    Some((0..text.len(), false))
}

/// A span of 1-based lines `first..=last` of a category's guide file (the category Markdown
/// verbatim): where go to definition and the example-answer commands point.
#[derive(Debug, Clone, Copy)]
pub struct GuideSpan<'c> {
    /// The category whose guide it is.
    pub category: &'c Category,
    /// First line, 1-based.
    pub first: u32,
    /// Last line, 1-based, at least `first`.
    pub last: u32,
}

impl<'c> GuideSpan<'c> {
    /// Lines `first..=last` of a category's guide (clamped to start at line 1).
    pub fn lines(category: &'c Category, first: u32, last: u32) -> Self {
        let first = first.max(1);
        GuideSpan {
            category,
            first,
            last: last.max(first),
        }
    }

    /// One line of a category's guide.
    pub fn line(category: &'c Category, line: u32) -> Self {
        Self::lines(category, line, line)
    }

    /// The text of the last line, without its line break: a span ends where it ends.
    pub fn last_line_text(&self) -> &'c str {
        markdown_line(&self.category.markdown, self.last).unwrap_or("")
    }
}

/// The text of a 1-based line of a category's Markdown, without its line break.
pub fn markdown_line(markdown: &str, line: u32) -> Option<&str> {
    let index = usize::try_from(line.checked_sub(1)?).ok()?;
    markdown
        .split('\n')
        .nth(index)
        .map(|l| l.trim_end_matches('\r'))
}

/// The 1-based line of a `## Title` section heading in a category's Markdown.
pub fn section_heading_line(markdown: &str, title: &str) -> Option<u32> {
    markdown
        .split('\n')
        .position(|l| {
            let l = l.trim();
            l.strip_prefix("## ")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case(title))
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The Example Answers section of a category's guide: from its heading to its last answer.
pub fn examples_section(category: &Category) -> Option<GuideSpan<'_>> {
    let last = category.examples.iter().map(|e| e.line).max();
    let first = section_heading_line(&category.markdown, "Example Answers")
        .or_else(|| category.examples.iter().map(|e| e.line).min())?;
    Some(GuideSpan::lines(category, first, last.unwrap_or(first)))
}

/// Where a target's example answers are: those its talking points name, or else the whole
/// Example Answers section. Each named answer is its own span.
pub fn example_spans(target: Target<'_>) -> Vec<GuideSpan<'_>> {
    let category = target.category();
    let named = target.named_examples();
    if named.is_empty() {
        return examples_section(category).into_iter().collect();
    }
    named
        .iter()
        .map(|e| GuideSpan::line(category, e.line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_lines_split_key_and_value() {
        let text = "---\r\ncategory: partnerships\nquestion:3\n  scenario:   \n---\nBody";
        let (block, closed) = front_matter_block(text).unwrap();
        assert!(closed);
        assert_eq!(
            &text[block.clone()],
            "---\r\ncategory: partnerships\nquestion:3\n  scenario:   \n---\n"
        );
        let lines = front_matter_lines(text, block);
        let keys: Vec<_> = lines.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["category", "question", "scenario"]);
        assert_eq!(&text[lines[0].value.clone()], "partnerships");
        assert_eq!(&text[lines[1].value.clone()], "3");
        assert!(lines[2].value.is_empty());
        assert_eq!(&text[lines[2].key_range.clone()], "scenario");
    }

    #[test]
    fn unclosed_front_matter_runs_to_the_end() {
        assert_eq!(front_matter_block("---\nque"), Some((0..7, false)));
        assert_eq!(front_matter_block("--- x\n"), None);
        assert_eq!(front_matter_block(""), None);
    }

    #[test]
    fn markdown_lines_are_one_based() {
        let md = "# T\r\n\r\n## Example Answers\n- a";
        assert_eq!(markdown_line(md, 1), Some("# T"));
        assert_eq!(markdown_line(md, 0), None);
        assert_eq!(markdown_line(md, 9), None);
        assert_eq!(section_heading_line(md, "example answers"), Some(3));
    }
}
