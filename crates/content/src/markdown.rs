//! The category Markdown: `# Title`, then the eight `##` sections of the seed format.
//!
//! Sections are recognised by name (case-insensitive), so their order is free; each may appear
//! once. Paragraph sections hold paragraphs, list sections hold one or more lists, and Common
//! Interview Questions must be a numbered list starting at 1. HTML comments are ignored; any other
//! block (code, quote, table, rule, deeper heading) is an error, so nothing is silently lost.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::ContentError;
use crate::model::Concept;
use crate::model::{ExampleAnswer, Paragraph, Question, QuestionKind, RubricLine, Scenario};
use crate::text::{LineIndex, slug, squash_whitespace};

/// The sections of a category file, in their documented order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Overview,
    Why,
    Concepts,
    Questions,
    Examples,
    Scenarios,
    BestPractices,
    Mistakes,
}

impl Section {
    pub(crate) const ALL: [Section; 8] = [
        Section::Overview,
        Section::Why,
        Section::Concepts,
        Section::Questions,
        Section::Examples,
        Section::Scenarios,
        Section::BestPractices,
        Section::Mistakes,
    ];

    /// The heading text.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Why => "Why Interviewers Ask This",
            Section::Concepts => "Key Concepts",
            Section::Questions => "Common Interview Questions",
            Section::Examples => "Example Answers",
            Section::Scenarios => "Real Business Scenarios",
            Section::BestPractices => "Best Practices",
            Section::Mistakes => "Mistakes to Avoid",
        }
    }

    fn from_heading(text: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| s.title().eq_ignore_ascii_case(text))
    }

    fn is_paragraph(self) -> bool {
        matches!(self, Section::Overview | Section::Why)
    }
}

/// A paragraph or list item: its flattened text and 1-based line.
#[derive(Debug, Clone)]
struct Block {
    text: String,
    line: u32,
}

#[derive(Debug)]
struct SectionContent {
    section: Section,
    line: u32,
    paragraphs: Vec<Block>,
    items: Vec<Block>,
}

/// What the Markdown file says, as typed records with ids and lines.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) title: String,
    pub(crate) title_line: u32,
    pub(crate) overview: Paragraph,
    pub(crate) why: Paragraph,
    pub(crate) concepts: Vec<Concept>,
    pub(crate) questions: Vec<Question>,
    pub(crate) examples: Vec<ExampleAnswer>,
    pub(crate) scenarios: Vec<Scenario>,
    pub(crate) best_practices: Vec<RubricLine>,
    pub(crate) mistakes: Vec<RubricLine>,
}

/// What is being collected at the moment.
enum Capture {
    None,
    Heading { level: HeadingLevel, line: u32 },
    Paragraph { line: u32 },
    Item { line: u32 },
}

struct Walker<'a> {
    file: &'a str,
    category: &'a str,
    lines: LineIndex,
    errors: Vec<ContentError>,
    title: Option<(String, u32)>,
    sections: Vec<SectionContent>,
    /// True after an unknown `##` heading, so its content is skipped, not blamed on the previous one.
    in_unknown_section: bool,
}

impl Walker<'_> {
    fn error(&mut self, line: u32, message: String) {
        self.errors.push(ContentError {
            file: self.file.to_owned(),
            line: Some(line),
            message,
        });
    }

    fn current(&mut self) -> Option<&mut SectionContent> {
        if self.in_unknown_section {
            return None;
        }
        self.sections.last_mut()
    }

    /// Names where unexpected content sits, for messages.
    fn location(&self) -> String {
        match (self.in_unknown_section, self.sections.last()) {
            (false, Some(s)) => format!("in section \"{}\"", s.section.title()),
            (true, _) => "in an unknown section".to_owned(),
            (false, None) => "before the first section".to_owned(),
        }
    }

    fn heading(&mut self, level: HeadingLevel, text: String, line: u32) {
        match level {
            HeadingLevel::H1 => {
                if let Some((_, first)) = &self.title {
                    let message = format!("more than one title (first at line {first})");
                    self.error(line, message);
                } else if !self.sections.is_empty() || self.in_unknown_section {
                    self.error(
                        line,
                        "the title must come before the first section".to_owned(),
                    );
                } else if text.is_empty() {
                    self.error(line, "the title is empty".to_owned());
                } else {
                    self.title = Some((text, line));
                }
            }
            HeadingLevel::H2 => match Section::from_heading(&text) {
                Some(section) => {
                    self.in_unknown_section = false;
                    if let Some(first) = self.sections.iter().find(|s| s.section == section) {
                        let message = format!(
                            "duplicate section \"{}\" (first at line {})",
                            section.title(),
                            first.line
                        );
                        self.error(line, message);
                        // Skip its content: the first section is the one kept.
                        self.in_unknown_section = true;
                    } else {
                        self.sections.push(SectionContent {
                            section,
                            line,
                            paragraphs: Vec::new(),
                            items: Vec::new(),
                        });
                    }
                }
                None => {
                    self.in_unknown_section = true;
                    let expected: Vec<String> = Section::ALL
                        .iter()
                        .map(|s| format!("\"{}\"", s.title()))
                        .collect();
                    let message = format!(
                        "unknown section \"{text}\" (expected one of {})",
                        expected.join(", ")
                    );
                    self.error(line, message);
                }
            },
            _ => {
                let message = format!(
                    "unexpected heading \"{text}\" {} (only \"# Title\" and \"## Section\" headings are allowed)",
                    self.location()
                );
                self.error(line, message);
            }
        }
    }

    fn paragraph(&mut self, text: String, line: u32) {
        if let Some(section) = self.current() {
            section.paragraphs.push(Block { text, line });
        } else if !self.in_unknown_section {
            self.error(line, "unexpected text before the first section".to_owned());
        }
    }

    fn list_start(&mut self, ordered_from: Option<u64>, line: u32) {
        let Some(section) = self.current() else {
            if !self.in_unknown_section {
                self.error(line, "unexpected list before the first section".to_owned());
            }
            return;
        };
        let name = section.section.title();
        if section.section == Section::Questions {
            match ordered_from {
                None => self.error(
                    line,
                    format!("section \"{name}\" must be a numbered list (\"1. ...\")"),
                ),
                Some(start) => {
                    let next = section.items.len() as u64 + 1;
                    if start != next {
                        self.error(
                            line,
                            format!("the questions must be numbered from 1 in order: expected {next}, found {start}"),
                        );
                    }
                }
            }
        }
    }

    fn item(&mut self, text: String, line: u32) {
        if let Some(section) = self.current() {
            section.items.push(Block { text, line });
        }
    }

    fn unexpected_block(&mut self, what: &str, line: u32) {
        if self.in_unknown_section {
            return;
        }
        let message = format!("unexpected {what} {}", self.location());
        self.error(line, message);
    }
}

/// Parses a category file. Returns what could be read, with every problem found.
///
/// `file` names the file in errors; `category` is the id that prefixes every record id.
pub(crate) fn parse(file: &str, category: &str, text: &str) -> (Parsed, Vec<ContentError>) {
    let mut walker = Walker {
        file,
        category,
        lines: LineIndex::new(text),
        errors: Vec::new(),
        title: None,
        sections: Vec::new(),
        in_unknown_section: false,
    };
    let mut depth = 0usize;
    let mut capture = Capture::None;
    let mut buffer = String::new();

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let line = walker.lines.line(range.start);
        match event {
            Event::Start(tag) => {
                match (depth, &tag) {
                    (0, Tag::Heading { level, .. }) => {
                        capture = Capture::Heading {
                            level: *level,
                            line,
                        };
                        buffer.clear();
                    }
                    (0, Tag::Paragraph) => {
                        capture = Capture::Paragraph { line };
                        buffer.clear();
                    }
                    (0, Tag::List(start)) => walker.list_start(*start, line),
                    (0, Tag::HtmlBlock) => {}
                    (0, other) => walker.unexpected_block(block_name(other), line),
                    (1, Tag::Item) => {
                        capture = Capture::Item { line };
                        buffer.clear();
                    }
                    // Inside an item, blocks become part of its text, separated by a space.
                    _ => buffer.push(' '),
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                let finished = match (&capture, depth, end) {
                    (Capture::Heading { .. }, 0, TagEnd::Heading(_)) => true,
                    (Capture::Paragraph { .. }, 0, TagEnd::Paragraph) => true,
                    (Capture::Item { .. }, 1, TagEnd::Item) => true,
                    _ => {
                        buffer.push(' ');
                        false
                    }
                };
                if finished {
                    let text = squash_whitespace(&buffer);
                    match std::mem::replace(&mut capture, Capture::None) {
                        Capture::Heading { level, line } => walker.heading(level, text, line),
                        Capture::Paragraph { line } => walker.paragraph(text, line),
                        Capture::Item { line } => walker.item(text, line),
                        Capture::None => {}
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => buffer.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buffer.push(' '),
            Event::Rule if depth == 0 => walker.unexpected_block("horizontal rule", line),
            // HTML (comments included), and anything outside the default options, carry no text.
            _ => {}
        }
    }

    let parsed = walker.finish(text);
    (parsed, walker.errors)
}

fn block_name(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "block quote",
        Tag::CodeBlock(_) => "code block",
        Tag::Table(_) => "table",
        _ => "block",
    }
}

impl Walker<'_> {
    fn finish(&mut self, text: &str) -> Parsed {
        let mut parsed = Parsed::default();
        match self.title.take() {
            Some((title, line)) => {
                parsed.title = title;
                parsed.title_line = line;
            }
            None => self.error(
                1,
                "missing title (a \"# Title\" line before the first section)".to_owned(),
            ),
        }
        // Where a missing section would be added: the last line.
        let end_line = self.lines.line(text.trim_end().len().saturating_sub(1));
        let sections = std::mem::take(&mut self.sections);
        for section in Section::ALL {
            if !sections.iter().any(|s| s.section == section) {
                let message = format!("missing section \"{}\"", section.title());
                self.error(end_line, message);
            }
        }
        for content in sections {
            self.section(content, &mut parsed);
        }
        parsed
    }

    fn section(&mut self, content: SectionContent, parsed: &mut Parsed) {
        let category = self.category;
        let section = content.section;
        let name = section.title();
        if section.is_paragraph() {
            if let Some(item) = content.items.first() {
                let message = format!("section \"{name}\" must be a paragraph, not a list");
                self.error(item.line, message);
            }
            let Some(first) = content.paragraphs.first() else {
                if content.items.is_empty() {
                    self.error(content.line, format!("section \"{name}\" is empty"));
                }
                return;
            };
            let text = content
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            let paragraph = Paragraph {
                text,
                line: first.line,
            };
            match section {
                Section::Overview => parsed.overview = paragraph,
                _ => parsed.why = paragraph,
            }
            return;
        }

        if let Some(paragraph) = content.paragraphs.first() {
            let what = if section == Section::Questions {
                "numbered list"
            } else {
                "list"
            };
            let message = format!("section \"{name}\" must be a {what}, not a paragraph");
            self.error(paragraph.line, message);
        }
        if content.items.is_empty() {
            if content.paragraphs.is_empty() {
                self.error(content.line, format!("section \"{name}\" is empty"));
            }
            return;
        }
        let mut seen: Vec<(String, u32)> = Vec::new();
        for (index, item) in content.items.into_iter().enumerate() {
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if item.text.is_empty() {
                self.error(item.line, format!("empty item in section \"{name}\""));
                continue;
            }
            // Two items that read the same are a copy-paste slip; for concepts they would also
            // share an id.
            let key = match section {
                Section::Concepts => slug(&item.text),
                _ => item.text.to_lowercase(),
            };
            if section == Section::Concepts && key.is_empty() {
                let message = format!(
                    "concept \"{}\" needs a letter or digit to make its id",
                    item.text
                );
                self.error(item.line, message);
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let what = match section {
                    Section::Concepts => "concept",
                    Section::Questions => "question",
                    Section::Examples => "example answer",
                    Section::Scenarios => "scenario",
                    Section::BestPractices => "best practice",
                    _ => "mistake",
                };
                let message = format!("duplicate {what} \"{}\" (first at line {first})", item.text);
                self.error(item.line, message);
                continue;
            }
            seen.push((key.clone(), item.line));
            let Block { text, line } = item;
            match section {
                Section::Concepts => parsed.concepts.push(Concept {
                    id: format!("{category}/{key}"),
                    name: text,
                    line,
                    definition: String::new(),
                    synonyms: Vec::new(),
                }),
                Section::Questions => parsed.questions.push(Question {
                    id: format!("{category}/q{number}"),
                    number,
                    text,
                    line,
                    kind: QuestionKind::Process,
                    talking_points: Vec::new(),
                }),
                Section::Examples => parsed.examples.push(ExampleAnswer {
                    id: format!("{category}/example-{number}"),
                    number,
                    text,
                    line,
                }),
                Section::Scenarios => parsed.scenarios.push(Scenario {
                    id: format!("{category}/scenario-{number}"),
                    number,
                    prompt: text.clone(),
                    text,
                    line,
                }),
                Section::BestPractices => parsed.best_practices.push(RubricLine {
                    id: format!("{category}/best-practice-{number}"),
                    number,
                    text,
                    line,
                }),
                _ => parsed.mistakes.push(RubricLine {
                    id: format!("{category}/mistake-{number}"),
                    number,
                    text,
                    line,
                }),
            }
        }
    }
}
