//! Completion: front-matter keys and values, question headings, section skeletons, whole new
//! drafts, and the category's concepts and metrics in prose.
//!
//! Every item carries a `textEdit` over the text typed so far, so clients filter on what the user
//! typed. Nothing is offered inside code (fenced, indented or inline), HTML or HTML comments, and
//! on the front matter's delimiter lines.

use std::ops::Range;

use interview_content::Category;
use interview_rubric::{NonProseKind, SectionKind, TextEdit};

use crate::Analysis;
use crate::locate::{self, FrontMatterLine, Target};
use crate::templates::{self, STORY_PARTS};

/// The characters that open completion: `#` at the start of a heading (question headings, section
/// names) and `:` after a front-matter key (its values). A space is not one: in prose it would
/// open a list after every word.
pub const TRIGGER_CHARACTERS: &[&str] = &["#", ":"];

/// A completion item; every item replaces a byte range with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    /// What the list shows.
    pub label: String,
    /// What it completes to.
    pub kind: CompletionKind,
    /// A short description beside the label.
    pub detail: Option<String>,
    /// Documentation, in Markdown.
    pub documentation: Option<String>,
    /// What clients filter on, when not the label.
    pub filter_text: Option<String>,
    /// What clients sort on, when not the label.
    pub sort_text: Option<String>,
    /// The edit over the text typed so far.
    pub edit: TextEdit,
    /// Edits elsewhere (front matter that links the draft).
    pub additional_edits: Vec<TextEdit>,
    /// `Some(true)` when `edit` is snippet syntax, `Some(false)` when it is plain text though the
    /// client takes snippets; `None` for items that never are snippets.
    pub snippet: Option<bool>,
}

/// What an item completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// A front-matter key.
    Key,
    /// A front-matter value: a category id, a question or scenario number or id.
    Value,
    /// A question or scenario prompt as the title heading.
    Question,
    /// An answer part as a heading.
    AnswerPart,
    /// A whole new draft.
    Draft,
    /// A section skeleton or a missing section.
    Skeleton,
    /// A category concept.
    Concept,
    /// A metric of a category lexicon.
    Metric,
}

/// Completion at a byte offset. `trigger` is the trigger character the client reports, if any
/// (the request came from typing it); `snippets` says whether the client supports snippet syntax.
pub fn completion(
    analysis: &Analysis<'_>,
    offset: usize,
    trigger: Option<&str>,
    snippets: bool,
) -> Vec<CompletionItem> {
    let text = analysis.text;
    if offset > text.len() || !text.is_char_boundary(offset) {
        return Vec::new();
    }
    match locate::front_matter_block(text) {
        Some((block, true)) if offset < block.end => {
            front_matter_items(analysis, block, offset, trigger)
        }
        // An unclosed block is front matter being typed only while it looks like one; a draft
        // that opens with a thematic break is prose.
        Some((block, false)) if looks_like_keys(&text[..line_end(text, offset)]) => {
            front_matter_items(analysis, block, offset, trigger)
        }
        _ => prose_items(analysis, offset, trigger, snippets),
    }
}

/// Front matter: keys before the colon, values after it.
fn front_matter_items(
    analysis: &Analysis<'_>,
    block: Range<usize>,
    offset: usize,
    trigger: Option<&str>,
) -> Vec<CompletionItem> {
    let text = analysis.text;
    let lines = locate::front_matter_lines(text, block);
    let Some(line) = lines
        .iter()
        .find(|l| l.line.start <= offset && offset <= l.line.end)
    else {
        // The delimiter lines, or a blank line: keys, when asked for without a trigger.
        return if trigger.is_none() && line_blank_at(text, offset) {
            key_items(&lines, offset..offset)
        } else {
            Vec::new()
        };
    };
    match line.colon_end {
        Some(colon) if offset >= colon => {
            if trigger == Some("#") {
                return Vec::new();
            }
            value_items(analysis, &lines, line, offset)
        }
        _ if trigger.is_none() => key_items(&lines, line.key_range.start..offset),
        _ => Vec::new(),
    }
}

/// Whether every line after the opening `---` is blank or starts with a `key:` (or a bare key
/// being typed).
fn looks_like_keys(text: &str) -> bool {
    text.lines().skip(1).all(|line| {
        let key = line.split_once(':').map_or(line, |(k, _)| k).trim();
        key.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

fn line_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| offset + i)
}

fn line_blank_at(text: &str, offset: usize) -> bool {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[start..end].trim().is_empty()
}

/// `category`, `question` and `scenario`, less those the block already has.
fn key_items(lines: &[FrontMatterLine], range: Range<usize>) -> Vec<CompletionItem> {
    let keys = [
        ("category", "The category id: `partnerships`."),
        (
            "question",
            "The question's number in its category, its id or its text.",
        ),
        (
            "scenario",
            "The scenario prompt's number in its category, or its id.",
        ),
    ];
    keys.iter()
        .filter(|(key, _)| {
            !lines
                .iter()
                .any(|l| l.key == *key && !l.line.contains(&range.start))
        })
        .map(|(key, doc)| CompletionItem {
            label: (*key).to_string(),
            kind: CompletionKind::Key,
            detail: Some("front matter".to_string()),
            documentation: Some(markdown(doc)),
            edit: edit(range.clone(), format!("{key}: ")),
            ..item()
        })
        .collect()
}

/// Values for the key of `line`: category ids, question numbers or scenario numbers (ids when no
/// `category:` names the category).
fn value_items(
    analysis: &Analysis<'_>,
    lines: &[FrontMatterLine],
    line: &FrontMatterLine,
    offset: usize,
) -> Vec<CompletionItem> {
    let text = analysis.text;
    // Replace what is typed of the value; right after the colon, add the separating space.
    let (range, lead) = if offset < line.value.start || line.colon_end == Some(offset) {
        let bare = line.colon_end == Some(offset) && !text[offset..].starts_with([' ', '\t']);
        (offset..offset, if bare { " " } else { "" })
    } else {
        (line.value.start..offset, "")
    };
    let category = lines
        .iter()
        .find(|l| l.key == "category")
        .and_then(|l| analysis.catalog.category(text.get(l.value.clone())?.trim()));
    let categories: Vec<&Category> = match category {
        Some(c) => vec![c],
        None => analysis.catalog.categories.iter().collect(),
    };
    let value = |id: &str, number: u32| match category {
        Some(_) => number.to_string(),
        None => id.to_string(),
    };
    let mut items = Vec::new();
    match line.key.as_str() {
        "category" => {
            for c in &analysis.catalog.categories {
                items.push(CompletionItem {
                    label: c.id.clone(),
                    kind: CompletionKind::Value,
                    detail: Some(c.title.clone()),
                    documentation: (!c.overview.text.is_empty())
                        .then(|| markdown(&c.overview.text)),
                    edit: edit(range.clone(), format!("{lead}{}", c.id)),
                    ..item()
                });
            }
        }
        "question" => {
            for c in &categories {
                for q in &c.questions {
                    let v = value(&q.id, q.number);
                    items.push(value_item(&range, lead, v, &q.text, q.number));
                }
            }
        }
        "scenario" => {
            for c in &categories {
                for s in &c.scenarios {
                    let v = value(&s.id, s.number);
                    items.push(value_item(&range, lead, v, &s.prompt, s.number));
                }
            }
        }
        _ => {}
    }
    items
}

fn value_item(
    range: &Range<usize>,
    lead: &str,
    value: String,
    text: &str,
    number: u32,
) -> CompletionItem {
    CompletionItem {
        label: value.clone(),
        kind: CompletionKind::Value,
        detail: Some(text.to_string()),
        // Typing words of the question finds it too.
        filter_text: Some(format!("{value} {text}")),
        sort_text: Some(format!("{number:04}")),
        edit: edit(range.clone(), format!("{lead}{value}")),
        ..item()
    }
}

/// Prose: headings, skeletons, new drafts, concepts and metrics.
fn prose_items(
    analysis: &Analysis<'_>,
    offset: usize,
    trigger: Option<&str>,
    snippets: bool,
) -> Vec<CompletionItem> {
    let text = analysis.text;
    if in_no_completion_zone(analysis, offset) {
        return Vec::new();
    }
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    if let Some(hashes) = heading_marker(before) {
        return heading_items(analysis, offset, line_start, hashes, trigger);
    }
    if trigger.is_some() {
        // `#` mid-line, `:` in prose: nothing worth a popup.
        return Vec::new();
    }
    let word = word_start(text, offset)..offset;
    let prefix = &text[word.clone()];
    let mut items = Vec::new();
    if before.trim_start() == prefix {
        let rest_blank = text[..line_start].trim().is_empty() && text[offset..].trim().is_empty();
        if rest_blank {
            items.extend(new_draft_items(analysis, word.clone()));
        }
        items.extend(section_items(analysis, word.clone(), prefix, snippets));
    }
    if !prefix.is_empty() || items.is_empty() {
        let capitalise = sentence_start(&text[..word.start]) || starts_upper(prefix);
        items.extend(term_items(analysis, word, prefix, capitalise));
    }
    items
}

/// The number of `#` of an ATX heading marker the line so far opens with, when the cursor is in
/// the heading's text or right after the marker.
fn heading_marker(before: &str) -> Option<usize> {
    let trimmed = before.trim_start_matches(' ');
    if before.len() - trimmed.len() > 3 {
        return None;
    }
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    let rest = &trimmed[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then_some(hashes)
}

/// In a heading: an H1 completes to a question or scenario prompt (adding front matter that links
/// the draft when it has none); deeper headings complete to answer parts.
fn heading_items(
    analysis: &Analysis<'_>,
    offset: usize,
    line_start: usize,
    hashes: usize,
    trigger: Option<&str>,
) -> Vec<CompletionItem> {
    let text = analysis.text;
    let before = &text[line_start..offset];
    let indent = before.len() - before.trim_start_matches(' ').len();
    let marker_end = line_start + indent + hashes;
    // Right after `#`: insert the space too. Otherwise replace the heading text typed so far.
    let after_marker = &text[marker_end..offset];
    if trigger == Some("#") && !after_marker.is_empty() {
        // The client reports `#` only when it was just typed: this is a `#` inside the text.
        return Vec::new();
    }
    let (range, lead) = if after_marker.is_empty() {
        (offset..offset, " ")
    } else {
        let start = marker_end + (after_marker.len() - after_marker.trim_start().len());
        (start..offset, "")
    };
    if trigger == Some(":") {
        return Vec::new();
    }
    if hashes >= 2 {
        return missing_parts(analysis)
            .map(|(title, hint)| CompletionItem {
                label: title.to_string(),
                kind: CompletionKind::AnswerPart,
                detail: Some("answer part".to_string()),
                documentation: Some(markdown(hint)),
                edit: edit(range.clone(), format!("{lead}{title}")),
                ..item()
            })
            .collect();
    }
    let eol = eol(text);
    let has_front_matter = locate::front_matter_block(text).is_some();
    let mut items = Vec::new();
    for (i, target) in targets(analysis).into_iter().enumerate() {
        let additional = (!has_front_matter).then(|| {
            vec![TextEdit {
                range: 0..0,
                new_text: templates::front_matter(target, eol) + eol,
            }]
        });
        items.push(CompletionItem {
            label: target.text().to_string(),
            kind: CompletionKind::Question,
            detail: Some(format!("{} {}", target.category().title, target.label())),
            documentation: Some(markdown(&crate::hover::target_markdown(target))),
            sort_text: Some(format!("{i:04}")),
            edit: edit(range.clone(), format!("{lead}{}", target.text())),
            additional_edits: additional.unwrap_or_default(),
            ..item()
        });
    }
    items
}

/// Questions then scenario prompts: the linked category's first, then the others'.
fn targets<'c>(analysis: &Analysis<'c>) -> Vec<Target<'c>> {
    let linked = locate::linked_category(analysis).map(|c| c.id.as_str());
    let mut categories: Vec<&Category> = analysis.catalog.categories.iter().collect();
    categories.sort_by_key(|c| Some(c.id.as_str()) != linked);
    categories
        .into_iter()
        .flat_map(|c| {
            c.questions
                .iter()
                .map(move |q| Target::Question(c, q))
                .chain(c.scenarios.iter().map(move |s| Target::Scenario(c, s)))
        })
        .collect()
}

/// For an empty draft: a whole new draft per question and scenario prompt.
fn new_draft_items(analysis: &Analysis<'_>, range: Range<usize>) -> Vec<CompletionItem> {
    let eol = eol(analysis.text);
    targets(analysis)
        .into_iter()
        .enumerate()
        .map(|(i, target)| {
            let label = format!("{} {}", target.label(), target.text());
            CompletionItem {
                label: label.clone(),
                kind: CompletionKind::Draft,
                detail: Some(format!("new {} draft", target.category().title)),
                documentation: Some(markdown(&crate::hover::target_markdown(target))),
                filter_text: Some(format!("{label} {}", target.category().title)),
                sort_text: Some(format!("1{i:04}")),
                edit: edit(range.clone(), templates::draft_text(target, eol)),
                ..item()
            }
        })
        .collect()
}

/// At the start of a line: the Context/Action/Outcome/Learning skeleton when the draft has none
/// of those parts, and a heading for each missing part.
fn section_items(
    analysis: &Analysis<'_>,
    range: Range<usize>,
    prefix: &str,
    snippets: bool,
) -> Vec<CompletionItem> {
    let eol = eol(analysis.text);
    let level = if analysis.report.sections.iter().any(|s| s.level == 1) || has_h1(analysis.text) {
        "##"
    } else {
        "#"
    };
    let missing: Vec<_> = missing_parts(analysis).collect();
    let mut items = Vec::new();
    let matches = |words: &str| prefix.is_empty() || word_prefix_match(words, prefix).is_some();
    if missing.len() == STORY_PARTS.len() && matches("context action outcome learning skeleton") {
        let mut body = String::new();
        for (i, (title, hint)) in STORY_PARTS.iter().enumerate() {
            if i > 0 {
                body.push_str(eol);
            }
            if snippets {
                body.push_str(&format!(
                    "{level} {title}{eol}{eol}${{{}:{}}}{eol}",
                    i + 1,
                    escape_snippet(hint)
                ));
            } else {
                body.push_str(&format!("{level} {title}{eol}{eol}"));
            }
        }
        if snippets {
            body.push_str("$0");
        }
        items.push(CompletionItem {
            label: "Context / Action / Outcome / Learning".to_string(),
            kind: CompletionKind::Skeleton,
            detail: Some("answer skeleton".to_string()),
            documentation: Some(markdown(
                "The four parts interviewers listen for, as headings.",
            )),
            filter_text: Some("Context Action Outcome Learning skeleton".to_string()),
            sort_text: Some("00".to_string()),
            snippet: Some(snippets),
            edit: edit(range.clone(), body),
            ..item()
        });
    }
    for (i, (title, hint)) in missing.iter().enumerate() {
        if !matches(title) {
            continue;
        }
        let body = if snippets {
            format!("{level} {title}{eol}{eol}${{1:{}}}", escape_snippet(hint))
        } else {
            format!("{level} {title}{eol}{eol}")
        };
        items.push(CompletionItem {
            label: format!("{level} {title}"),
            kind: CompletionKind::Skeleton,
            detail: Some("missing answer part".to_string()),
            documentation: Some(markdown(hint)),
            filter_text: Some((*title).to_string()),
            sort_text: Some(format!("01{i}")),
            snippet: Some(snippets),
            edit: edit(range.clone(), body),
            ..item()
        });
    }
    items
}

fn has_h1(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("# "))
}

/// The story parts the draft has no section for.
fn missing_parts(
    analysis: &Analysis<'_>,
) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    let kinds = [
        SectionKind::Context,
        SectionKind::Action,
        SectionKind::Outcome,
        SectionKind::Learning,
    ];
    STORY_PARTS
        .iter()
        .zip(kinds)
        .filter(|(_, kind)| !analysis.report.sections.iter().any(|s| s.kind == *kind))
        .map(|(part, _)| part)
}

/// Concepts and metrics whose name or synonym has a word starting with the prefix: the linked
/// category's first.
fn term_items(
    analysis: &Analysis<'_>,
    word: Range<usize>,
    prefix: &str,
    capitalise: bool,
) -> Vec<CompletionItem> {
    let text = analysis.text;
    let starts = phrase_starts(text, word.start);
    // Where a term goes and how it filters: over the words already typed that it continues
    // (`win r` → `win rate`), else over the word at the cursor.
    let place = |names: &[&str]| -> Option<(Range<usize>, String)> {
        for &start in &starts {
            let typed = &text[start..word.end];
            if let Some(name) = names.iter().find(|n| starts_with_ci(n, typed)) {
                return Some((start..word.end, (*name).to_string()));
            }
        }
        best_match(names.iter().copied(), prefix).map(|filter| (word.clone(), filter))
    };
    let linked = locate::linked_category(analysis);
    let mut categories: Vec<&Category> = linked.into_iter().collect();
    categories.extend(
        analysis
            .catalog
            .categories
            .iter()
            .filter(|c| linked.is_none_or(|l| l.id != c.id)),
    );
    let mut items = Vec::new();
    let mut seen_metrics: Vec<&str> = Vec::new();
    for (rank, category) in categories.iter().enumerate() {
        for concept in &category.concepts {
            let names: Vec<&str> = std::iter::once(concept.name.as_str())
                .chain(concept.synonyms.iter().map(String::as_str))
                .collect();
            let Some((range, filter)) = place(&names) else {
                continue;
            };
            let capitalise = capitalise || sentence_start(&text[..range.start]);
            items.push(CompletionItem {
                label: concept.name.clone(),
                kind: CompletionKind::Concept,
                detail: Some(format!("{} concept", category.title)),
                documentation: (!concept.definition.is_empty())
                    .then(|| markdown(&concept.definition)),
                filter_text: Some(filter),
                sort_text: Some(format!("2{rank:02}{:04}", concept.line)),
                edit: edit(range, cased(&concept.name, capitalise)),
                ..item()
            });
        }
        for metric in &category.lexicons.metrics {
            if seen_metrics.contains(&metric.name.as_str()) {
                continue;
            }
            let names: Vec<&str> = std::iter::once(metric.name.as_str())
                .chain(metric.synonyms.iter().map(String::as_str))
                .collect();
            let Some((range, filter)) = place(&names) else {
                continue;
            };
            seen_metrics.push(&metric.name);
            let capitalise = capitalise || sentence_start(&text[..range.start]);
            items.push(CompletionItem {
                label: metric.name.clone(),
                kind: CompletionKind::Metric,
                detail: Some("metric".to_string()),
                documentation: (!metric.measures.is_empty()).then(|| markdown(&metric.measures)),
                filter_text: Some(filter),
                sort_text: Some(format!("3{rank:02}{}", metric.name)),
                edit: edit(range, cased(&metric.name, capitalise)),
                ..item()
            });
        }
    }
    items
}

/// Where each of the (up to four) words before the word at `word_start` begins, on its line,
/// earliest first. Stops at a word glued to the current one by punctuation.
fn phrase_starts(text: &str, word_start: usize) -> Vec<usize> {
    let from = floor_char_boundary(text, word_start.saturating_sub(LOOK_BACK));
    let line_start = match text[from..word_start].rfind(['\n', '\r']) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        // A long line: start at a word boundary inside the window.
        None => text[from..word_start]
            .find(' ')
            .map_or(word_start, |i| from + i + 1),
    };
    let mut starts = Vec::new();
    let mut end = word_start;
    while starts.len() < 4 {
        let before = text[line_start..end].trim_end_matches([' ', '\t']);
        if before.is_empty() || before.len() == end - line_start {
            break;
        }
        let start = before.rfind([' ', '\t']).map_or(0, |i| i + 1);
        starts.push(line_start + start);
        end = line_start + start;
    }
    starts.reverse();
    starts
}

/// Whether `name` starts with `typed`, ignoring case.
fn starts_with_ci(name: &str, typed: &str) -> bool {
    let mut name = name.chars().flat_map(char::to_lowercase);
    typed
        .chars()
        .flat_map(char::to_lowercase)
        .all(|c| name.next() == Some(c))
}

/// The filter text for a term: the first of its names with a word starting with `prefix`, from
/// that word on, so that prefix-matching clients keep it too. An empty prefix keeps the name.
fn best_match<'n>(mut names: impl Iterator<Item = &'n str>, prefix: &str) -> Option<String> {
    let first = names.next()?;
    if prefix.is_empty() {
        return Some(first.to_string());
    }
    std::iter::once(first)
        .chain(names)
        .find_map(|name| word_prefix_match(name, prefix))
}

/// `name` from its first word that starts with `prefix` (case-insensitive).
fn word_prefix_match(name: &str, prefix: &str) -> Option<String> {
    let prefix = prefix.to_lowercase();
    let lower = name.to_lowercase();
    let mut at_word = true;
    for (i, c) in lower.char_indices() {
        if at_word && lower[i..].starts_with(&prefix) {
            return name.get(i..).map(str::to_string);
        }
        at_word = !c.is_alphanumeric();
    }
    None
}

/// The name as inserted: mid-sentence a capitalised name is lowered (`Co-sell motions` →
/// `co-sell motions`), unless it looks like an acronym; at a sentence start the first letter is
/// upper case.
fn cased(name: &str, capitalise: bool) -> String {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second_lower = chars.clone().next().is_none_or(|c| !c.is_uppercase());
    let head: String = if capitalise {
        first.to_uppercase().collect()
    } else if second_lower {
        first.to_lowercase().collect()
    } else {
        first.to_string()
    };
    head + chars.as_str()
}

/// Whether text ending here ends a sentence (or is empty, or a line start after a list marker).
fn sentence_start(before: &str) -> bool {
    if before.trim_end().ends_with(['.', '!', '?', ':']) {
        return true;
    }
    // Only the end of the line matters: look at a short tail, not a whole long paragraph.
    let from = floor_char_boundary(before, before.len().saturating_sub(LOOK_BACK));
    let tail = &before[from..];
    let line = match tail.rfind(['\n', '\r']) {
        Some(i) => &tail[i + 1..],
        None if from == 0 => tail,
        None => return false,
    };
    line.trim_start_matches([' ', '\t', '>', '-', '*', '+'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim()
        .is_empty()
}

/// How far back on a line completion looks for the words a term continues and for a sentence end.
const LOOK_BACK: usize = 200;

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn starts_upper(prefix: &str) -> bool {
    prefix.chars().next().is_some_and(char::is_uppercase)
}

/// The start of the word the cursor ends: letters, digits, `-` and `'`.
fn word_start(text: &str, offset: usize) -> usize {
    text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map_or(offset, |(i, _)| i)
}

/// Whether the offset is inside code, HTML or an HTML comment (as the engine parsed them),
/// including constructs still being typed on the current line (an unclosed backtick, an unclosed
/// `<!--`).
fn in_no_completion_zone(analysis: &Analysis<'_>, offset: usize) -> bool {
    let text = analysis.text;
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    if before.matches('`').count() % 2 == 1 {
        return true;
    }
    if let Some(open) = before.rfind("<!--") {
        if !before[open..].contains("-->") {
            return true;
        }
    }
    let code_or_html = analysis
        .report
        .syntax
        .non_prose
        .iter()
        .filter(|v| v.kind != NonProseKind::FrontMatter);
    code_or_html.into_iter().any(|v| {
        let inside = v.range.start < offset && offset < v.range.end;
        inside || (v.open && v.range.start < offset && offset == v.range.end)
    })
}

fn escape_snippet(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('}', "\\}")
}

/// The document's line break: CRLF when it uses them.
fn eol(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

fn markdown(value: &str) -> String {
    value.to_string()
}

fn edit(range: Range<usize>, new_text: String) -> TextEdit {
    TextEdit { range, new_text }
}

/// An item with the fields most items leave empty.
fn item() -> CompletionItem {
    CompletionItem {
        label: String::new(),
        kind: CompletionKind::Value,
        detail: None,
        documentation: None,
        filter_text: None,
        sort_text: None,
        edit: edit(0..0, String::new()),
        additional_edits: Vec::new(),
        snippet: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Fixture, apply};

    /// Completion at the `$0` of a draft analysed by the engine.
    fn complete_with(
        marked: &str,
        trigger: Option<&str>,
        snippets: bool,
    ) -> (String, Vec<CompletionItem>) {
        let fixture = Fixture::new(marked);
        let items = completion(&fixture.analysis(), fixture.offset, trigger, snippets);
        (fixture.text, items)
    }

    fn complete(marked: &str, trigger: Option<&str>) -> (String, Vec<CompletionItem>) {
        complete_with(marked, trigger, true)
    }

    fn applied_item(text: &str, item: &CompletionItem) -> String {
        let mut edits = item.additional_edits.clone();
        edits.push(item.edit.clone());
        apply(text, &edits)
    }

    fn labels(items: &[CompletionItem]) -> Vec<&str> {
        items.iter().map(|i| i.label.as_str()).collect()
    }

    fn item<'i>(items: &'i [CompletionItem], label: &str) -> &'i CompletionItem {
        items
            .iter()
            .find(|i| i.label == label)
            .unwrap_or_else(|| panic!("no `{label}` in {:?}", labels(items)))
    }

    fn applied(marked: &str, trigger: Option<&str>, label: &str) -> String {
        let (text, items) = complete(marked, trigger);
        applied_item(&text, item(&items, label))
    }

    fn partnerships() -> &'static interview_content::Category {
        interview_content::Catalog::embedded()
            .category("partnerships")
            .unwrap()
    }

    #[test]
    fn front_matter_keys_replace_the_typed_key() {
        let (_, items) = complete("---\nqu$0", None);
        assert_eq!(labels(&items), ["category", "question", "scenario"]);
        assert_eq!(items[0].kind, CompletionKind::Key);
        assert_eq!(applied("---\nqu$0", None, "question"), "---\nquestion: ");
        // Keys already present are not offered again.
        let (_, items) = complete("---\ncategory: partnerships\n$0\n---\n", None);
        assert_eq!(labels(&items), ["question", "scenario"]);
    }

    #[test]
    fn question_values_are_numbers_under_a_category() {
        let marked = "---\r\ncategory: partnerships\r\nquestion: $0\r\n---\r\n";
        let (_, items) = complete(marked, None);
        assert_eq!(items.len(), partnerships().questions.len());
        assert_eq!(
            item(&items, "3").detail.as_deref(),
            Some("How do you structure partner incentives?")
        );
        assert_eq!(
            applied(marked, None, "3"),
            "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n"
        );
        // Right after the colon the space comes with the value.
        assert_eq!(
            applied("---\ncategory: partnerships\nquestion:$0", Some(":"), "10"),
            "---\ncategory: partnerships\nquestion: 10"
        );
        // A typed value is replaced.
        assert_eq!(
            applied(
                "---\ncategory: partnerships\nquestion: 1$0\n---",
                None,
                "10"
            ),
            "---\ncategory: partnerships\nquestion: 10\n---"
        );
    }

    #[test]
    fn values_are_ids_without_a_category_and_scenarios_have_theirs() {
        let (_, items) = complete("---\nquestion: $0", None);
        assert_eq!(items[0].label, "partnerships/q1");
        let (_, items) = complete("---\ncategory: partnerships\nscenario: $0", None);
        assert_eq!(labels(&items), ["1", "2"]);
        assert_eq!(
            items[0].detail.as_deref(),
            Some(partnerships().scenarios[0].prompt.as_str())
        );
        let (_, items) = complete("---\ncategory: $0", None);
        assert_eq!(labels(&items), ["partnerships"]);
    }

    #[test]
    fn nothing_on_delimiters_other_keys_or_wrong_triggers_in_front_matter() {
        for (marked, trigger) in [
            ("-$0--\ncategory: partnerships\n---\n", None),
            ("---\ncategory: partnerships\n--$0-\n", None),
            ("---\ntitle: $0\n---\n", None),
            ("---\nquestion: $0\n---\n", Some("#")),
            ("---\nques$0\n---\n", Some(":")),
        ] {
            assert!(complete(marked, trigger).1.is_empty(), "{marked}");
        }
    }

    #[test]
    fn heading_completes_to_a_question_and_links_the_draft() {
        let (_, items) = complete("# struct$0", Some("#"));
        assert!(
            items.is_empty(),
            "`#` mid-heading is not a trigger position"
        );
        let (_, items) = complete("# struct$0", None);
        let category = partnerships();
        assert_eq!(
            items.len(),
            category.questions.len() + category.scenarios.len()
        );
        assert_eq!(
            applied(
                "# struct$0",
                None,
                "How do you structure partner incentives?"
            ),
            "---\ncategory: partnerships\nquestion: 3\n---\n\n# How do you structure partner incentives?"
        );
        // Right after `#`, the space is inserted too; existing front matter is left alone.
        assert_eq!(
            applied(
                "---\ncategory: partnerships\n---\n#$0",
                Some("#"),
                "How do you manage partner conflicts?"
            ),
            "---\ncategory: partnerships\n---\n# How do you manage partner conflicts?"
        );
        let (text, items) = complete("# $0", None);
        let prompt = items.last().unwrap();
        assert_eq!(prompt.detail.as_deref(), Some("Partnerships Scenario 2"));
        assert!(
            applied_item(&text, prompt)
                .starts_with("---\ncategory: partnerships\nscenario: 2\n---\n\n# "),
        );
    }

    #[test]
    fn deeper_headings_complete_to_missing_parts() {
        let (text, items) = complete("## Context\n\nWe had a plan.\n\n## $0", None);
        assert_eq!(labels(&items), ["Action", "Outcome", "Learning"]);
        assert_eq!(items[0].kind, CompletionKind::AnswerPart);
        assert_eq!(
            applied_item(&text, &items[1]),
            "## Context\n\nWe had a plan.\n\n## Outcome"
        );
    }

    #[test]
    fn empty_draft_offers_new_drafts_and_the_skeleton() {
        let (text, items) = complete("$0", None);
        let draft = item(&items, "Q3 How do you structure partner incentives?");
        assert_eq!(draft.kind, CompletionKind::Draft);
        let q3 = templates::new_draft(interview_content::Catalog::embedded(), "partnerships/q3")
            .unwrap();
        assert_eq!(applied_item(&text, draft), q3.text);
        let skeleton = item(&items, "Context / Action / Outcome / Learning");
        assert_eq!(skeleton.snippet, Some(true));
        let body = applied_item(&text, skeleton);
        assert!(body.starts_with("# Context\n\n${1:The situation, your role and what was at stake.}\n\n# Action\n\n${2:"), "{body}");
        assert!(body.ends_with("}\n$0"));
        assert!(items.iter().any(|i| i.label == "# Outcome"));
        // Without snippet support the skeleton is plain headings.
        let (text, items) = complete_with("$0", None, false);
        let skeleton = item(&items, "Context / Action / Outcome / Learning");
        assert_eq!(skeleton.snippet, Some(false));
        assert_eq!(
            applied_item(&text, skeleton),
            "# Context\n\n\n# Action\n\n\n# Outcome\n\n\n# Learning\n\n"
        );
    }

    #[test]
    fn skeleton_under_an_h1_uses_h2_and_crlf() {
        let (text, items) = complete("# Draft\r\n\r\nCon$0", None);
        assert!(
            !items.iter().any(|i| i.kind == CompletionKind::Draft),
            "not an empty draft"
        );
        let skeleton = item(&items, "Context / Action / Outcome / Learning");
        assert!(applied_item(&text, skeleton).starts_with("# Draft\r\n\r\n## Context\r\n\r\n${1:"));
        // `Con` matches the skeleton and the Context heading, not the Action one.
        assert!(items.iter().any(|i| i.label == "## Context"));
        assert!(!items.iter().any(|i| i.label == "## Action"));
    }

    #[test]
    fn concepts_and_metrics_complete_by_word_prefix() {
        let (text, items) = complete("Été 😀, we had incentive al$0", None);
        let concept = item(&items, "Incentive alignment");
        assert_eq!(concept.kind, CompletionKind::Concept);
        assert_eq!(
            applied_item(&text, concept),
            "Été 😀, we had incentive alignment"
        );
        assert_eq!(concept.detail.as_deref(), Some("Partnerships concept"));
        let definition = &partnerships()
            .concepts
            .iter()
            .find(|c| c.name == "Incentive alignment")
            .unwrap()
            .definition;
        assert_eq!(concept.documentation.as_ref(), Some(definition));

        // A later word of the name matches, with a filter text that starts there.
        let (_, items) = complete("We ran mot$0", None);
        assert_eq!(
            item(&items, "Co-sell motions").filter_text.as_deref(),
            Some("motions")
        );
        assert_eq!(
            applied("Joint co-sel$0", None, "Co-sell motions"),
            "Joint co-sell motions"
        );

        let (text, items) = complete("It lifted. Win$0", None);
        let metric = item(&items, "win rate");
        assert_eq!(metric.kind, CompletionKind::Metric);
        assert_eq!(applied_item(&text, metric), "It lifted. Win rate");
        assert!(complete("We had zzzq$0", None).1.is_empty());
    }

    #[test]
    fn multi_word_terms_replace_the_words_already_typed() {
        assert_eq!(
            applied("We tracked win r$0", None, "win rate"),
            "We tracked win rate"
        );
        assert_eq!(
            applied("We tracked win $0", None, "win rate"),
            "We tracked win rate"
        );
        assert_eq!(
            applied("A co-sell m$0", None, "Co-sell motions"),
            "A co-sell motions"
        );
        // On a long line only the last words count; the sentence end still capitalises.
        let long = format!("{} Done. win r$0", "é partners ".repeat(40));
        assert_eq!(
            applied(&long, None, "win rate"),
            format!("{} Done. Win rate", "é partners ".repeat(40))
        );
        // A word glued by punctuation is not part of the phrase.
        assert_eq!(applied("(win) r$0", None, "win rate"), "(win) win rate");
    }

    #[test]
    fn nothing_in_code_html_or_comments() {
        for marked in [
            "```\ninc$0\n```\n",
            "```md\ninc$0",
            "```\nx\n$0",
            "~~~\nx\n~~~~\n    inc$0",
            "Text\n\n    indented inc$0",
            "Use `inc$0` here",
            "Use `inc$0",
            "<!-- inc$0",
            "<!-- coach: disable metrics -->\n<!--\ninc$0\n-->",
            "Text <!-- inc$0 --> more",
            "<div>\ninc$0\n</div>",
        ] {
            let (_, items) = complete(marked, None);
            assert!(items.is_empty(), "{marked}: {:?}", labels(&items));
        }
        // Just outside them, completion works.
        for marked in [
            "```\ncode\n```\ninc$0",
            "Use `x` inc$0",
            "<!-- c -->\n\ninc$0",
            "    code\n\ninc$0",
        ] {
            assert!(!complete(marked, None).1.is_empty(), "{marked}");
        }
    }

    #[test]
    fn triggers_outside_their_places_give_nothing() {
        assert!(complete("Result:$0", Some(":")).1.is_empty());
        assert!(complete("We are #$0", Some("#")).1.is_empty());
        assert!(complete("# Heading:$0", Some(":")).1.is_empty());
    }

    #[test]
    fn linked_category_terms_come_first() {
        let sorted = |marked: &str| {
            let fixture = Fixture::in_catalog(
                marked,
                interview_rubric::Settings::default(),
                crate::testing::two_categories(),
            );
            let mut items = completion(&fixture.analysis(), fixture.offset, None, true);
            items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
            items
                .iter()
                .map(|i| format!("{} ({})", i.label, i.detail.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
        };
        let alliances = sorted("---\ncategory: alliances\n---\nA partner t$0");
        assert_eq!(
            alliances[0], "Partner tiers (Alliances concept)",
            "{alliances:?}"
        );
        let partnerships = sorted("---\ncategory: partnerships\n---\nA partner t$0");
        assert_eq!(
            partnerships[0], "Partner types and models (Partnerships concept)",
            "{partnerships:?}"
        );
        assert!(partnerships.contains(&"Partner tiers (Alliances concept)".to_string()));
    }

    #[test]
    fn a_leading_thematic_break_is_not_front_matter() {
        let (_, items) = complete("---\n\nSome prose. incentive al$0", None);
        item(&items, "Incentive alignment");
        assert!(items.iter().all(|i| i.kind == CompletionKind::Concept));
    }
}
