//! What an analysis returns.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::directives::Directive;
use crate::front_matter::FrontMatter;
use crate::{Rule, Severity};

/// The result of analysing one draft.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// How the draft was linked to a question or scenario, if it was.
    pub link: Option<Link>,
    /// Findings in document order.
    pub findings: Vec<Finding>,
    /// The rubric score.
    pub score: Score,
    /// Words of prose (front matter, code and comments excluded).
    pub words: usize,
    /// Estimated speaking time at the configured words per minute, in seconds.
    pub speaking_seconds: u32,
    /// The draft's sections, for outlines and section-aware features.
    pub sections: Vec<Section>,
    /// Catalog terms mentioned in the prose (concepts, metrics), for hover and definition.
    pub mentions: Vec<Mention>,
    /// Byte range of the front matter block, delimiters included, when there is one.
    pub front_matter: Option<Range<usize>>,
    /// What the engine parsed, for callers that edit or inspect the draft without parsing it
    /// again.
    pub syntax: Syntax,
}

/// A read-only view of what the engine parsed: front matter, directives, line breaks and the
/// parts of the draft that are not prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Syntax {
    /// The front matter block with its entries, when there is one.
    pub front_matter: Option<FrontMatter>,
    /// Where the body starts: just after the front matter, else 0.
    pub body_start: usize,
    /// The line break fixes insert: `\r\n` when the draft's first line break is one, else `\n`.
    pub newline: &'static str,
    /// `coach:` directives, in document order.
    pub directives: Vec<Directive>,
    /// Front matter, code (blocks and spans) and HTML (blocks, inline, comments), by start.
    pub non_prose: Vec<NonProse>,
}

impl Default for Syntax {
    fn default() -> Self {
        Syntax {
            front_matter: None,
            body_start: 0,
            newline: "\n",
            directives: Vec::new(),
            non_prose: Vec::new(),
        }
    }
}

impl Syntax {
    /// Whether byte `at` lies in front matter, code or HTML.
    pub fn in_non_prose(&self, at: usize) -> bool {
        let i = self.non_prose.partition_point(|n| n.range.start <= at);
        self.non_prose[..i].iter().any(|n| n.range.contains(&at))
    }
}

/// A part of the draft that is not prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NonProse {
    /// What it is.
    pub kind: NonProseKind,
    /// Its byte range (a block's lines, or the inline span with its delimiters).
    pub range: Range<usize>,
    /// Whether its end offset is still inside it: an unclosed fence or comment, or a block whose
    /// range stops before its last line's break (spans and front matter: never).
    pub open: bool,
}

/// What a [`NonProse`] range holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NonProseKind {
    /// The front matter block.
    FrontMatter,
    /// A code block or code span.
    Code,
    /// An HTML block, inline HTML or a comment.
    Html,
}

/// One piece of rubric feedback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule that produced it.
    pub rule: Rule,
    /// Severity after settings.
    pub severity: Severity,
    /// Byte range in the draft where the fix belongs.
    pub range: Range<usize>,
    /// What is wrong and why, one line.
    pub message: String,
    /// The rubric line of the category that the rule enforces.
    pub cites: Option<Citation>,
    /// Safe edits that address the finding.
    pub fixes: Vec<Fix>,
}

/// A pointer to the category line a finding enforces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Category id.
    pub category: String,
    /// The rubric line id (`partnerships/mistake-1`).
    pub id: String,
    /// The category file name (`partnerships.md`).
    pub file: String,
    /// 1-based line in that file.
    pub line: u32,
    /// The rubric line's text.
    pub text: String,
}

/// A suggested change: a title and the edits that make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does ("Insert an Outcome section").
    pub title: String,
    /// Non-overlapping edits, in document order.
    pub edits: Vec<TextEdit>,
}

impl Fix {
    /// Whether the fix turns the rule off (`<!-- coach: disable... -->`) rather than fixing
    /// the draft.
    pub fn disables(&self) -> bool {
        self.title
            .starts_with(crate::directives::DISABLE_TITLE_PREFIX)
    }
}

/// Replace a byte range of the draft with new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    /// Byte range to replace (empty to insert).
    pub range: Range<usize>,
    /// Replacement text.
    pub new_text: String,
}

/// The rubric score: points earned out of the maximum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Points earned.
    pub points: u32,
    /// Points possible.
    pub max: u32,
}

/// What the draft answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Category id.
    pub category: String,
    /// The question or scenario id (`partnerships/q3`, `partnerships/scenario-1`); none when only
    /// the category is known.
    pub target: Option<String>,
    /// How it was linked.
    pub via: LinkVia,
    /// Byte range of what linked it (front matter value, heading), when in the text.
    pub range: Option<Range<usize>>,
}

/// How a draft was linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkVia {
    /// `category` / `question` / `scenario` keys in the front matter.
    FrontMatter,
    /// A heading that closely matches a question's text.
    Heading,
    /// The file name.
    FileName,
    /// Supplied by the caller (`check --question`).
    Explicit,
}

/// The part of an answer a section plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Situation, background, task.
    Context,
    /// Approach, what I did.
    Action,
    /// Result, impact.
    Outcome,
    /// Lessons, reflection, takeaway.
    Learning,
    /// A heading that plays none of these parts.
    Other,
}

/// A section of the draft: a heading or a bold label and the text up to the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The part it plays.
    pub kind: SectionKind,
    /// The heading or label text.
    pub title: String,
    /// Heading level (1–6), or 0 for a bold label.
    pub level: u8,
    /// Byte range of the heading or label.
    pub heading: Range<usize>,
    /// Byte range of the whole section, heading included.
    pub range: Range<usize>,
}

/// A catalog term found in the prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte range of the term in the draft.
    pub range: Range<usize>,
    /// What it refers to.
    pub target: MentionTarget,
}

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum MentionTarget {
    /// A concept id (`partnerships/co-sell-motions`).
    Concept(Arc<str>),
    /// A metric name (`win rate`) in the linked category (or the first category that has it).
    Metric(Arc<str>),
}
