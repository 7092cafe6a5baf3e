//! The draft model: what the Markdown says, with byte ranges into the original text.
//!
//! The central trick is the *prose mask*: a copy of the draft of exactly the same length in which
//! every byte that is not prose (front matter, Markdown syntax, code, inline code, HTML, comments,
//! link targets) is an ASCII space and every block ends in a `\n`. Word and sentence segmentation
//! then run on the mask and their offsets are offsets into the draft, with no mapping tables, and
//! a sentence never runs from one block into the next.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::directives::{Directive, DirectiveKind};
use crate::front_matter::FrontMatter;
use crate::{NonProse, NonProseKind, SectionKind};

/// A heading of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// 1–6.
    pub level: u8,
    /// The heading's plain text (inline code included, markup dropped).
    pub title: String,
    /// Byte range of the whole heading line(s).
    pub range: Range<usize>,
}

/// A bold or plain label at the start of a paragraph (`**Result:**`, `Lessons:`, `**Learning**`
/// alone on the paragraph's first line), or a short line standing alone that names a part
/// (`Setup`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The label's words, without the colon.
    pub title: String,
    /// The part it names.
    pub kind: SectionKind,
    /// Byte range of the label, markup and colon included.
    pub range: Range<usize>,
}

/// A parsed draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    /// Same length as the draft; non-prose bytes are spaces, block ends are `\n`.
    pub mask: String,
    /// The front matter block, when there is one.
    pub front_matter: Option<FrontMatter>,
    /// Headings in document order.
    pub headings: Vec<Heading>,
    /// Paragraph labels in document order.
    pub labels: Vec<Label>,
    /// `coach:` directives in HTML comments, in document order.
    pub directives: Vec<Directive>,
    /// Paragraphs, headings, list items, tables and code blocks, by start.
    pub blocks: Vec<Range<usize>>,
    /// Front matter, code and HTML, by start.
    pub non_prose: Vec<NonProse>,
    /// `\r\n` when the draft's first line break is one, else `\n`.
    pub newline: &'static str,
}

/// What a parse tells beyond the draft, for parsing a long draft again by chunks
/// ([`crate::reparse`]).
#[derive(Debug, Default)]
pub(crate) struct Shape {
    /// `disable-next` directives left with no block after them.
    pub pending: usize,
    /// Where each top-level block starts, in order, and whether it is a list or a quote (whose
    /// range at the end of the text takes in the blank lines after it).
    pub tops: Vec<(usize, bool)>,
    /// Whether a code block or raw HTML block runs to the end of the text (unclosed).
    pub open_end: bool,
    /// Each metadata block's range (its closing line included).
    pub metadata: Vec<Range<usize>>,
}

/// Whether a fenced code block's text ends with its closing fence.
fn fence_closed(block: &str) -> bool {
    let mut lines = block.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    let first = first.trim_start();
    let fence_char = if first.starts_with('~') { '~' } else { '`' };
    let width = first.len() - first.trim_start_matches(fence_char).len();
    lines.last().is_some_and(|last| {
        let last = last.trim();
        last.len() >= width && last.chars().all(|c| c == fence_char)
    })
}

/// Inline tags: their text flows on within the block.
fn is_inline(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Where a paragraph label is being recognised.
#[derive(Debug)]
enum LabelState {
    /// Not at the start of a paragraph or list item.
    Idle,
    /// At the start of a block: the next inline event decides.
    BlockStart,
    /// Inside a leading `**strong**` run that started at this offset.
    InStrong { start: usize, text: String },
    /// Just after a leading strong run: a `:` may follow, or the block may end.
    AfterStrong {
        start: usize,
        end: usize,
        text: String,
    },
}

impl Draft {
    /// Parses `text`. Never fails: anything pulldown-cmark accepts (everything) gives a model.
    pub fn parse(text: &str) -> Draft {
        Draft::parse_shape(text).0
    }

    /// `\r\n` when `text`'s first line break is one, else `\n`.
    pub fn newline_of(text: &str) -> &'static str {
        match text.find('\n') {
            Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
            _ => "\n",
        }
    }

    /// Parses `text`, and tells the shape of its blocks.
    pub fn parse_shape(text: &str) -> (Draft, Shape) {
        let mut shape = Shape::default();
        // Nesting of the events' tags: at 0, a block starts at the top level.
        let mut depth = 0usize;
        let mut mask = vec![b' '; text.len()];
        let mut front_matter = None;
        let mut headings = Vec::new();
        let mut labels = Vec::new();
        let mut directives: Vec<Directive> = Vec::new();
        // `disable-next` directives waiting for their block.
        let mut pending_next = 0usize;
        let mut blocks = Vec::new();
        let mut non_prose = Vec::new();

        // Depth of constructs whose text is not prose.
        let mut skip_depth = 0usize;
        let mut heading: Option<(u8, usize, String)> = None;
        let mut label = LabelState::Idle;
        // End of the last prose byte written, and whether a block ended since.
        let mut last_end = 0usize;
        let mut pending_break = false;

        let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
            | Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        let container = matches!(tag, Tag::List(_) | Tag::BlockQuote(_));
                        shape.tops.push((range.start, container));
                    }
                    depth += 1;
                    match tag {
                        Tag::CodeBlock(_) | Tag::HtmlBlock if range.end == text.len() => {
                            shape.open_end = true;
                        }
                        Tag::MetadataBlock(_) => shape.metadata.push(range.clone()),
                        _ => {}
                    }
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                _ if depth == 0 => shape.tops.push((range.start, false)),
                _ => {}
            }
            match event {
                Event::Start(tag) => match tag {
                    Tag::MetadataBlock(_) => {
                        skip_depth += 1;
                        if range.start == 0 {
                            // The block's range stops before the closing line's break.
                            let rest = &text[range.end..];
                            let eol = if rest.starts_with("\r\n") {
                                2
                            } else {
                                usize::from(rest.starts_with('\n'))
                            };
                            front_matter =
                                Some(FrontMatter::parse(text, range.start..range.end + eol));
                            non_prose.push(NonProse {
                                kind: NonProseKind::FrontMatter,
                                range: range.start..range.end + eol,
                                open: false,
                            });
                        }
                    }
                    Tag::CodeBlock(kind) => {
                        skip_depth += 1;
                        target_block(&mut directives, &mut pending_next, &range);
                        blocks.push(range.clone());
                        let block = &text[range.clone()];
                        let unclosed =
                            matches!(kind, CodeBlockKind::Fenced(_)) && !fence_closed(block);
                        non_prose.push(NonProse {
                            kind: NonProseKind::Code,
                            open: unclosed || !block.ends_with(['\n', '\r']),
                            range: range.clone(),
                        });
                    }
                    Tag::HtmlBlock => {
                        skip_depth += 1;
                        let block = &text[range.clone()];
                        let unclosed =
                            block.trim_start().starts_with("<!--") && !block.contains("-->");
                        non_prose.push(NonProse {
                            kind: NonProseKind::Html,
                            open: unclosed || !block.ends_with(['\n', '\r']),
                            range: range.clone(),
                        });
                    }
                    Tag::Heading { level, .. } => {
                        target_block(&mut directives, &mut pending_next, &range);
                        blocks.push(range.clone());
                        pending_break = true;
                        heading = Some((level as u8, range.start, String::new()));
                        label = LabelState::Idle;
                    }
                    Tag::Paragraph | Tag::Item | Tag::Table(_) => {
                        target_block(&mut directives, &mut pending_next, &range);
                        blocks.push(range.clone());
                        pending_break = true;
                        label = LabelState::BlockStart;
                    }
                    Tag::Strong => {
                        if matches!(label, LabelState::BlockStart) {
                            label = LabelState::InStrong {
                                start: range.start,
                                text: String::new(),
                            };
                        } else if !matches!(label, LabelState::InStrong { .. }) {
                            label = LabelState::Idle;
                        }
                    }
                    Tag::Emphasis
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript
                    | Tag::Link { .. }
                    | Tag::Image { .. } => {
                        if !matches!(label, LabelState::InStrong { .. }) {
                            label = LabelState::Idle;
                        }
                    }
                    _ => {
                        pending_break = true;
                        label = LabelState::Idle;
                    }
                },
                Event::End(tag) => {
                    match tag {
                        TagEnd::MetadataBlock(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                            skip_depth = skip_depth.saturating_sub(1);
                        }
                        TagEnd::Heading(_) => {
                            if let Some((level, start, title)) = heading.take() {
                                let line = text[start..range.end].trim_end();
                                headings.push(Heading {
                                    level,
                                    title: title.trim().to_string(),
                                    range: start..start + line.len(),
                                });
                            }
                        }
                        TagEnd::Strong => {
                            if let LabelState::InStrong { start, text } =
                                std::mem::replace(&mut label, LabelState::Idle)
                            {
                                label = LabelState::AfterStrong {
                                    start,
                                    end: range.end,
                                    text,
                                };
                                // `**Result:**`: the colon is inside the strong run; a run
                                // that ends a short phrase with a period or a comma and names
                                // a part is a label too (`**Learning.**`, `**Looking back,**`).
                                if let LabelState::AfterStrong { start, end, text } = &label
                                    && let Some(title) = label_title(text)
                                {
                                    if let Some(kind) = label_kind(title) {
                                        labels.push(Label {
                                            title: title.trim().to_string(),
                                            kind,
                                            range: *start..*end,
                                        });
                                    }
                                    label = LabelState::Idle;
                                }
                            }
                        }
                        TagEnd::Paragraph | TagEnd::Item => {
                            // `**Result**` alone in its paragraph.
                            if let LabelState::AfterStrong { start, end, text } = &label
                                && let Some(kind) = label_kind(text)
                            {
                                labels.push(Label {
                                    title: text.trim().to_string(),
                                    kind,
                                    range: *start..*end,
                                });
                            }
                            label = LabelState::Idle;
                        }
                        _ => {}
                    }
                    if !is_inline(&tag) {
                        pending_break = true;
                    }
                }
                Event::Text(content) => {
                    if skip_depth > 0 {
                        continue;
                    }
                    let Some(source) = text.get(range.clone()) else {
                        continue;
                    };
                    if let Some((_, _, title)) = heading.as_mut() {
                        title.push_str(&content);
                    }
                    match &mut label {
                        LabelState::BlockStart => {
                            label = LabelState::Idle;
                            if let Some(found) = plain_label(source, range.start)
                                .or_else(|| line_label(text, range.clone()))
                            {
                                labels.push(found);
                            }
                        }
                        LabelState::InStrong { text, .. } => text.push_str(&content),
                        LabelState::AfterStrong { start, text, .. } => {
                            let rest = source.trim_start();
                            if let Some(after) = rest.strip_prefix(':')
                                && let Some(kind) = label_kind(text)
                            {
                                let colon_end = range.end - after.len();
                                labels.push(Label {
                                    title: text.trim().to_string(),
                                    kind,
                                    range: *start..colon_end,
                                });
                            }
                            label = LabelState::Idle;
                        }
                        LabelState::Idle => {}
                    }
                    // Escapes and entities: the source differs from the text; treat as spacing.
                    if *content != *source {
                        continue;
                    }
                    if pending_break && range.start > last_end && range.start > 0 {
                        mask[range.start - 1] = b'\n';
                    }
                    pending_break = false;
                    mask[range.clone()].copy_from_slice(source.as_bytes());
                    last_end = range.end;
                }
                Event::Code(content) => {
                    non_prose.push(NonProse {
                        kind: NonProseKind::Code,
                        range: range.clone(),
                        open: false,
                    });
                    if let Some((_, _, title)) = heading.as_mut() {
                        title.push_str(&content);
                    }
                    if !matches!(label, LabelState::InStrong { .. }) {
                        label = LabelState::Idle;
                    }
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    if matches!(event, Event::InlineHtml(_)) {
                        non_prose.push(NonProse {
                            kind: NonProseKind::Html,
                            range: range.clone(),
                            open: false,
                        });
                    }
                    if let Some(source) = text.get(range.clone()) {
                        let before = directives.len();
                        Directive::read(source, range.start, &mut directives);
                        pending_next += directives[before..]
                            .iter()
                            .filter(|d| d.kind == DirectiveKind::DisableNext)
                            .count();
                    }
                    label = LabelState::Idle;
                }
                Event::SoftBreak | Event::HardBreak => {
                    // `**Learning**` alone on its line, the paragraph going on below it: a
                    // heading written in bold.
                    if let LabelState::AfterStrong { start, end, text } = &label
                        && let Some(kind) = label_kind(text)
                    {
                        labels.push(Label {
                            title: text.trim().to_string(),
                            kind,
                            range: *start..*end,
                        });
                    }
                    if matches!(label, LabelState::AfterStrong { .. }) {
                        label = LabelState::Idle;
                    }
                }
                _ => {
                    label = LabelState::Idle;
                }
            }
        }

        // Only ASCII spaces, newlines and whole copied UTF-8 sequences are in the mask.
        let mask = String::from_utf8(mask)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).replace('\u{FFFD}', " "));
        let draft = Draft {
            mask,
            front_matter,
            headings,
            labels,
            directives,
            blocks,
            non_prose,
            newline: Draft::newline_of(text),
        };
        shape.pending = pending_next;
        (draft, shape)
    }
}

/// Gives the `disable-next` directives still waiting the block starting at `range`.
fn target_block(directives: &mut [Directive], pending: &mut usize, range: &Range<usize>) {
    if *pending == 0 {
        return;
    }
    for d in directives.iter_mut().rev() {
        if *pending == 0 {
            break;
        }
        if d.kind == DirectiveKind::DisableNext && d.block.is_none() && d.range.end <= range.start {
            d.block = Some(range.clone());
            *pending -= 1;
        }
    }
}

/// `Result:` at the start of a paragraph's text.
fn plain_label(source: &str, offset: usize) -> Option<Label> {
    let colon = source.find(':')?;
    let title = &source[..colon];
    // A label is a few words; `Note that we ...: ...` is prose.
    if title.split_whitespace().nth(6).is_some() || title.trim().is_empty() {
        return None;
    }
    let kind = label_kind(title)?;
    let lead = source.len() - source.trim_start().len();
    Some(Label {
        title: title.trim().to_string(),
        kind,
        range: offset + lead..offset + colon + 1,
    })
}

/// A short line standing alone as its own paragraph, with no end punctuation, that names a part
/// (`Setup` above a list, `What I did` above a paragraph): a heading written without its marks.
/// Not the first line of a paragraph that goes on (`Setup took a week\nand ...`).
fn line_label(text: &str, range: Range<usize>) -> Option<Label> {
    let source = text.get(range.clone())?;
    let title = source.trim();
    // Cheap tests first: a few words with no end punctuation that name a part.
    // (The fifth word ends the count: the first line of every paragraph comes here.)
    if title.is_empty()
        || title.ends_with(['.', '!', '?', ',', ';'])
        || title.split_whitespace().nth(4).is_some()
    {
        return None;
    }
    let kind = label_kind(title)?;
    // Nothing else on its line.
    let rest = &text[range.end..];
    let line_end = range.end + rest.find('\n').unwrap_or(rest.len());
    if !text[range.end..line_end].trim().is_empty() {
        return None;
    }
    // The paragraph ends with the line: a blank line, a list, a heading or the end follows.
    let mut after = text[line_end..].split('\n').skip(1);
    let next = after.next().unwrap_or("").trim();
    let block = next.is_empty()
        || next.starts_with(['-', '*', '+', '#', '>'])
        || next
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if !block {
        return None;
    }
    let lead = source.len() - source.trim_start().len();
    Some(Label {
        title: title.to_string(),
        kind,
        range: range.start + lead..range.start + lead + title.len(),
    })
}

/// The words of a strong run that ends like a label: with a colon, or, for a short phrase, with a
/// period, a comma, a question mark or a dash.
fn label_title(text: &str) -> Option<&str> {
    let text = text.trim_end();
    if let Some(title) = text.strip_suffix(':') {
        return Some(title);
    }
    let title = text.strip_suffix(['.', ',', '?', '!', '—', '–'])?;
    (title.split_whitespace().count() <= 6).then_some(title)
}

/// The part a label names, when it names one (labels that name nothing are not labels).
fn label_kind(title: &str) -> Option<SectionKind> {
    match classify_title(title) {
        SectionKind::Other => None,
        kind => Some(kind),
    }
}

/// Classifies a heading or label by the part of an answer it names.
pub(crate) fn classify_title(title: &str) -> SectionKind {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    // A title names a part through its first keyword: "Results and lessons" is an outcome.
    for (index, word) in words.iter().enumerate() {
        let next = words.get(index + 1).copied().unwrap_or("");
        let kind = match *word {
            "situation" | "background" | "context" | "task" | "tasks" | "problem" | "challenge"
            | "setting" | "setup" | "assumptions" | "assumption" | "star" | "diagnosis" => {
                SectionKind::Context
            }
            "clarifying" | "questions" if index == 0 => SectionKind::Context,
            "action" | "actions" | "approach" | "execution" | "steps" | "plan" | "solution"
            | "strategy" | "did" | "response" | "process" => SectionKind::Action,
            // "What I did" is an action, "What I learned", "What I took from it" and "What I'd
            // do again" look back, as they do with "we" ("What we learned"), "What happened"
            // and "What changed" are outcomes.
            "what" => match (next, words.get(index + 2).copied().unwrap_or("")) {
                ("i'd" | "i'll" | "we'd" | "we'll", _) | ("i" | "we", "would" | "will") => {
                    SectionKind::Learning
                }
                (
                    "i" | "we",
                    "learned" | "learnt" | "took" | "take" | "realised" | "realized" | "know",
                ) => SectionKind::Learning,
                ("i" | "we", _) => SectionKind::Action,
                ("happened" | "changed" | "came", _) => SectionKind::Outcome,
                _ => continue,
            },
            "how" if matches!(next, "i" | "i'd" | "we") => SectionKind::Action,
            "looking" if next == "back" => SectionKind::Learning,
            "would" if index == 0 => SectionKind::Learning,
            "again" => SectionKind::Learning,
            "took" | "take" if matches!(next, "away" | "aways") => SectionKind::Learning,
            "retrospect" => SectionKind::Learning,
            "result" | "results" | "outcome" | "outcomes" | "impact" | "impacts" | "outcomes:"
            | "happened" => SectionKind::Outcome,
            "lesson" | "lessons" | "learning" | "learnings" | "learned" | "learnt"
            | "reflection" | "reflections" | "takeaway" | "takeaways" | "hindsight"
            | "retrospective" | "differently" => SectionKind::Learning,
            "next" if next == "time" => SectionKind::Learning,
            // "Worth repeating", "Worth saying": what the writer would pass on.
            "worth" if index == 0 => SectionKind::Learning,
            // "My own mistake was …": what the writer would not repeat.
            "mistake" | "mistakes" => SectionKind::Learning,
            _ => continue,
        };
        return kind;
    }
    SectionKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> String {
        Draft::parse(text).mask
    }

    #[test]
    fn mask_keeps_offsets_and_drops_syntax_code_html_and_front_matter() {
        let text = "---\nquestion: 3\n---\n# Title\n\nWe used `grep 40%` here <!-- 50% -->.\n\n```\n$2M\n```\n";
        let mask = prose(text);
        assert_eq!(mask.len(), text.len());
        assert!(!mask.contains("question"));
        assert!(!mask.contains("grep"));
        assert!(!mask.contains("50%"));
        assert!(!mask.contains("$2M"));
        assert!(!mask.contains('#'));
        let at = text.find("We used").unwrap();
        assert_eq!(&mask[at..at + 7], "We used");
        assert!(mask.contains("here"));
    }

    #[test]
    fn blocks_are_separated_by_newlines_and_soft_breaks_are_spaces() {
        let text = "First line\nsame sentence.\n\n- item one\n- item two\n";
        let mask = prose(text);
        assert_eq!(mask.lines().filter(|l| !l.trim().is_empty()).count(), 3);
        assert!(mask.contains("First line same sentence."));
    }

    #[test]
    fn front_matter_is_read() {
        let text = "---\ncategory: partnerships\nquestion: 3\n---\n\nBody.\n";
        let draft = Draft::parse(text);
        let fm = draft.front_matter.unwrap();
        assert_eq!(
            &text[fm.range.clone()],
            "---\ncategory: partnerships\nquestion: 3\n---\n"
        );
        assert_eq!(fm.question.unwrap().value, "3");
    }

    #[test]
    fn unterminated_front_matter_is_prose() {
        let text = "---\ncategory: partnerships\n";
        let draft = Draft::parse(text);
        assert!(draft.front_matter.is_none());
    }

    /// The draft's story-part labels, as written, with their kinds.
    fn labels(text: &str) -> Vec<(&str, SectionKind)> {
        Draft::parse(text)
            .labels
            .iter()
            .map(|l| (&text[l.range.clone()], l.kind))
            .collect()
    }

    #[test]
    fn headings_and_labels() {
        let text = "# How do you structure partner incentives?\n\n## Situation\n\nText.\n\n**Result:** grew 20%.\n\n**What I learned**\n\nLessons: more.\n\n**Bold** claim: no.\n";
        let draft = Draft::parse(text);
        assert_eq!(draft.headings.len(), 2);
        assert_eq!(draft.headings[0].level, 1);
        assert_eq!(
            draft.headings[0].title,
            "How do you structure partner incentives?"
        );
        assert_eq!(&text[draft.headings[1].range.clone()], "## Situation");
        assert_eq!(
            labels(text),
            vec![
                ("**Result:**", SectionKind::Outcome),
                ("**What I learned**", SectionKind::Learning),
                ("Lessons:", SectionKind::Learning),
            ]
        );
    }

    #[test]
    fn a_bold_line_above_its_paragraph_is_a_label() {
        let text = "**Learning**\nAsk before you build.\n\n**Partners**\nForty of them.\n";
        assert_eq!(labels(text), [("**Learning**", SectionKind::Learning)]);
    }

    #[test]
    fn a_short_line_alone_that_names_a_part_is_a_label() {
        let text = "Setup\n- 2022, a marketplace of 900 people.\n\nWhat I did\n\nI picked the partner.\n\nResults matter\nmore than plans.\n\nLessons.\n";
        assert_eq!(
            labels(text),
            [
                ("Setup", SectionKind::Context),
                ("What I did", SectionKind::Action)
            ]
        );
    }

    #[test]
    fn bold_labels_ending_in_a_period_or_comma() {
        let text = "**Context.** Flat channel.\n\n**Looking back,** I'd start sooner.\n\n**Strategic fit.** Same buyer.\n\n**This is a long bold sentence that happens to mention results.** More.\n\n**Worth repeating.** Ask first.\n";
        assert_eq!(
            labels(text),
            [
                ("**Context.**", SectionKind::Context),
                ("**Looking back,**", SectionKind::Learning),
                ("**Worth repeating.**", SectionKind::Learning)
            ]
        );
    }

    #[test]
    fn bold_label_with_colon_outside() {
        let text = "**Outcome**: pipeline doubled.\n";
        let draft = Draft::parse(text);
        assert_eq!(&text[draft.labels[0].range.clone()], "**Outcome**:");
    }

    #[test]
    fn code_and_html_are_verbatim_and_open_at_their_end_unless_a_line_break_closes_them() {
        let text = "Use `x` here <b>.\n\n```\ncode\n```\n<!-- note -->\n\n```md\nopen";
        let spans: Vec<(&str, bool)> = Draft::parse(text)
            .non_prose
            .iter()
            .map(|v| (&text[v.range.clone()], v.open))
            .collect();
        assert_eq!(
            spans,
            [
                ("`x`", false),
                ("<b>", false),
                // The range stops before the closing fence's line break: the cursor right
                // after the fence is still on the fence's line.
                ("```\ncode\n```", true),
                ("<!-- note -->\n", false),
                ("```md\nopen", true),
            ]
        );
    }

    #[test]
    fn directives_and_non_prose() {
        let text = "<!-- coach: disable criticism, hedging -->\n\nText `x` <!-- coach: disable too-long -->\n";
        let draft = Draft::parse(text);
        let rules: Vec<_> = draft
            .directives
            .iter()
            .flat_map(|d| d.rules.clone())
            .collect();
        assert_eq!(
            rules,
            vec![
                crate::Rule::Criticism,
                crate::Rule::Hedging,
                crate::Rule::TooLong
            ]
        );
        let kinds: Vec<(NonProseKind, &str)> = draft
            .non_prose
            .iter()
            .map(|n| (n.kind, text[n.range.clone()].trim_end()))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    NonProseKind::Html,
                    "<!-- coach: disable criticism, hedging -->"
                ),
                (NonProseKind::Code, "`x`"),
                (NonProseKind::Html, "<!-- coach: disable too-long -->"),
            ]
        );
    }

    #[test]
    fn classifies_the_usual_titles() {
        use SectionKind::*;
        for (title, kind) in [
            ("Situation", Context),
            ("Background", Context),
            ("The context", Context),
            ("Task", Context),
            ("Approach", Action),
            ("Actions", Action),
            ("What I did", Action),
            ("How I did it", Action),
            ("Result", Outcome),
            ("Results and impact", Outcome),
            ("Impact", Outcome),
            ("Lessons learned", Learning),
            ("Reflection", Learning),
            ("Takeaways", Learning),
            ("What I learned", Learning),
            ("Next time", Learning),
            ("Clarifying questions", Context),
            ("What I took from it", Learning),
            ("What I'd do again", Learning),
            ("What we learned", Learning),
            ("What we'd do differently", Learning),
            ("What we did", Action),
            ("What I would change", Learning),
            ("Looking back", Learning),
            ("Would do again", Learning),
            ("In hindsight", Learning),
            ("What I changed", Action),
            ("What happened", Outcome),
            ("What changed", Outcome),
            ("Partner incentives, how I'd set them up", Action),
            ("Partner incentives at Acme", Other),
            ("What partners need", Other),
        ] {
            assert_eq!(classify_title(title), kind, "{title}");
        }
    }

    #[test]
    fn crlf_offsets() {
        let text = "## Result\r\n\r\nRevenue grew 20%.\r\n";
        let draft = Draft::parse(text);
        assert_eq!(&text[draft.headings[0].range.clone()], "## Result");
        let at = text.find("Revenue").unwrap();
        assert_eq!(&draft.mask[at..at + 17], "Revenue grew 20%.");
        assert_eq!(draft.newline, "\r\n");
    }
}
