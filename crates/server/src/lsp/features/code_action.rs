//! Quick fixes for the findings at a range: the engine's own fixes where it has them, else
//! inserting a missing section, front matter that links the draft, or a metric placeholder; and for
//! every rule, disabling it for the file with a `<!-- coach: disable RULE -->` comment.

use std::collections::HashMap;
use std::ops::Range;

use interview_content::Category;
use interview_rubric::{Finding, Rule, SectionKind};
use tower_lsp::lsp_types::{
    CodeAction, CodeActionContext, CodeActionKind, CodeActionOrCommand, Diagnostic,
    DocumentChanges, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier,
    Range as LspRange, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

use super::Snapshot;
use super::commands::{self, STORY_PARTS};
use super::locate::{self, Target};

/// The diagnostics' `source`.
pub const SOURCE: &str = "interview-coach";

/// Quick fixes for the request: for the diagnostics in `context` (matched to the report's findings
/// by rule id and range), or, when the client sends none, for the findings that touch `range`.
/// `document_changes` says whether the client takes versioned `documentChanges` edits.
pub fn code_actions(
    snap: &Snapshot<'_>,
    range: LspRange,
    context: &CodeActionContext,
    document_changes: bool,
) -> Vec<CodeActionOrCommand> {
    if !wants_quickfix(context) {
        return Vec::new();
    }
    let pairs: Vec<(Option<Rule>, Option<&Finding>, Option<&Diagnostic>)> =
        if context.diagnostics.is_empty() {
            let start = snap.offset(range.start);
            let end = snap.offset(range.end);
            let (start, end) = (start.min(end), start.max(end));
            snap.report
                .findings
                .iter()
                .filter(|f| f.range.start <= end && start <= f.range.end)
                .map(|f| (Some(f.rule), Some(f), None))
                .collect()
        } else {
            context
                .diagnostics
                .iter()
                .filter(|d| d.source.as_deref().is_none_or(|s| s == SOURCE))
                .map(|d| {
                    let rule = rule_of(d);
                    (rule, rule.and_then(|r| finding_for(snap, r, d)), Some(d))
                })
                .collect()
        };
    let mut actions = Vec::new();
    let mut disabled = Vec::new();
    for (rule, finding, diagnostic) in pairs {
        let Some(rule) = rule else { continue };
        let fixes = match finding {
            Some(f) if !f.fixes.is_empty() => f
                .fixes
                .iter()
                .map(|fix| {
                    let edits = fix
                        .edits
                        .iter()
                        .map(|e| (e.range.clone(), e.new_text.clone()))
                        .collect();
                    (fix.title.clone(), edits)
                })
                .collect(),
            _ => built_in_fixes(snap, rule, finding),
        };
        for (i, (title, edits)) in fixes.into_iter().enumerate() {
            actions.push(action(
                snap,
                title,
                edits,
                diagnostic,
                i == 0,
                document_changes,
            ));
        }
        if !disabled.contains(&rule) {
            disabled.push(rule);
            actions.push(action(
                snap,
                format!("Disable `{}` for this file", rule.id()),
                disable_rule(snap, rule),
                diagnostic,
                false,
                document_changes,
            ));
        }
    }
    // Fixes first, then the disable actions, each in finding order.
    actions.sort_by_key(|a| a.title.starts_with("Disable "));
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
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

type Edits = Vec<(Range<usize>, String)>;

/// The server's own fixes for findings that come without one.
fn built_in_fixes(
    snap: &Snapshot<'_>,
    rule: Rule,
    finding: Option<&Finding>,
) -> Vec<(String, Edits)> {
    match rule {
        Rule::Structure => {
            let named = finding.map(|f| parts_named(&f.message)).unwrap_or_default();
            let missing = missing_parts(snap);
            let parts = if named.is_empty() {
                missing
            } else {
                named.into_iter().filter(|p| missing.contains(p)).collect()
            };
            parts
                .into_iter()
                .map(|part| {
                    let title = STORY_PARTS[part].0;
                    let article = if title.starts_with(['A', 'O']) {
                        "an"
                    } else {
                        "a"
                    };
                    (
                        format!("Insert {article} {title} section"),
                        insert_section(snap, part),
                    )
                })
                .collect()
        }
        Rule::Metrics => vec![(
            "Insert a metric placeholder".to_string(),
            insert_metric(snap),
        )],
        Rule::Link => link_fixes(snap),
        _ => Vec::new(),
    }
}

const PART_KINDS: [SectionKind; 4] = [
    SectionKind::Context,
    SectionKind::Action,
    SectionKind::Outcome,
    SectionKind::Learning,
];

/// The story parts (indices into [`STORY_PARTS`]) a message names: the part of a "No learning
/// part" message, else every part it mentions.
fn parts_named(message: &str) -> Vec<usize> {
    let lower = message.to_lowercase();
    let stated = STORY_PARTS
        .iter()
        .position(|(title, _)| lower.contains(&format!("no {} part", title.to_lowercase())));
    if let Some(part) = stated {
        return vec![part];
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    STORY_PARTS
        .iter()
        .enumerate()
        .filter(|(_, (title, _))| words.contains(&title.to_lowercase().as_str()))
        .map(|(i, _)| i)
        .collect()
}

fn missing_parts(snap: &Snapshot<'_>) -> Vec<usize> {
    (0..PART_KINDS.len())
        .filter(|&i| !snap.report.sections.iter().any(|s| s.kind == PART_KINDS[i]))
        .collect()
}

/// Inserts `## Part` where it belongs in context → action → outcome → learning order: after the
/// section of the nearest earlier part, else before that of the nearest later part, else at the end.
fn insert_section(snap: &Snapshot<'_>, part: usize) -> Edits {
    let text = snap.text;
    let eol = eol(text);
    let sections = &snap.report.sections;
    let of = |i: usize| sections.iter().filter(move |s| s.kind == PART_KINDS[i]);
    let level = sections
        .iter()
        .filter(|s| PART_KINDS.contains(&s.kind))
        .map(|s| s.level)
        .find(|&l| l > 0)
        .unwrap_or(if sections.iter().any(|s| s.level == 1) {
            2
        } else {
            1
        })
        .clamp(1, 6);
    let (title, hint) = STORY_PARTS[part];
    let heading = format!(
        "{} {title}{eol}{eol}<!-- {hint} -->",
        "#".repeat(level.into())
    );
    let after = (0..part)
        .rev()
        .find_map(|i| of(i).map(|s| s.range.end).max());
    let before = (part + 1..PART_KINDS.len()).find_map(|i| of(i).map(|s| s.heading.start).min());
    match (after, before) {
        (None, Some(at)) => vec![(at..at, format!("{heading}{eol}{eol}"))],
        (Some(at), _) => vec![insert_block(text, at, &heading)],
        (None, None) => vec![insert_block(text, text.len(), &heading)],
    }
}

/// The end of the text before `at` without its trailing blank lines, so a block goes right after
/// the last line of content.
fn content_end(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].trim_end_matches(['\n', '\r', ' ', '\t']).len()
}

/// An insertion of `block` (no trailing line break) at `at`, the end of a line of content or of
/// the text: one blank line before it, and the text after it kept on its own line.
fn insert_block(text: &str, at: usize, block: &str) -> (Range<usize>, String) {
    let eol = eol(text);
    let at = content_end(text, at);
    let lead = if text[..at].trim().is_empty() {
        String::new()
    } else {
        format!("{eol}{eol}")
    };
    let rest = &text[at..];
    let trail = if rest.is_empty() {
        eol.to_string()
    } else if rest.starts_with(['\n', '\r']) {
        String::new()
    } else {
        format!("{eol}{eol}")
    };
    (at..at, format!("{lead}{block}{trail}"))
}

/// A metric placeholder at the end of the Outcome section, else of the draft.
fn insert_metric(snap: &Snapshot<'_>) -> Edits {
    let text = snap.text;
    let example = locate::linked_category(snap)
        .or_else(|| snap.catalog.categories.first())
        .and_then(|c: &Category| c.lexicons.metrics.first())
        .map_or_else(|| "win rate".to_string(), |m| m.name.clone());
    let sentence = format!(
        "**Impact:** [{example}, or another metric] went from [before] to [after] in [time frame]."
    );
    let at = snap
        .report
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Outcome)
        .map(|s| s.range.end)
        .next()
        .unwrap_or(text.len());
    vec![insert_block(text, at, &sentence)]
}

/// Front matter that links the draft: to each of the (up to three) questions or prompts its words
/// best match, and a bare block whose `question:` is left to fill in.
fn link_fixes(snap: &Snapshot<'_>) -> Vec<(String, Edits)> {
    let eol = eol(snap.text);
    let mut fixes: Vec<(String, Edits)> = best_targets(snap, 3)
        .into_iter()
        .map(|target| {
            let title = format!(
                "Link to {} {}: {}",
                target.category().title,
                target.label(),
                target.text()
            );
            (title, insert_front_matter(snap, target))
        })
        .collect();
    let category = locate::linked_category(snap).or_else(|| snap.catalog.categories.first());
    if let Some(category) = category {
        let keys = format!("category: {}{eol}question: {eol}", category.id);
        fixes.push(("Insert front matter".to_string(), insert_keys(snap, &keys)));
    }
    fixes
}

fn insert_front_matter(snap: &Snapshot<'_>, target: Target<'_>) -> Edits {
    let eol = eol(snap.text);
    let keys = format!(
        "category: {}{eol}{}",
        target.category().id,
        commands::front_matter_key(target, eol)
    );
    insert_keys(snap, &keys)
}

/// Adds `keys` (lines with their breaks) to the draft's front matter, or a new block at the top.
fn insert_keys(snap: &Snapshot<'_>, keys: &str) -> Edits {
    let text = snap.text;
    let eol = eol(text);
    let block = snap.report.front_matter.clone().or_else(|| {
        locate::front_matter_block(text)
            .filter(|(_, closed)| *closed)
            .map(|(r, _)| r)
    });
    match block {
        Some(block) => {
            // After the opening `---` line.
            let first = text
                .get(block.clone())
                .and_then(|b| b.find('\n'))
                .map_or(block.end, |i| block.start + i + 1);
            vec![(first..first, keys.to_string())]
        }
        None => vec![(0..0, format!("---{eol}{keys}---{eol}{eol}"))],
    }
}

/// Questions and prompts ranked by how many of their content words the draft uses.
fn best_targets<'c>(snap: &Snapshot<'c>, n: usize) -> Vec<Target<'c>> {
    let draft = words(snap.text);
    let mut scored: Vec<(usize, Target<'c>)> = snap
        .catalog
        .categories
        .iter()
        .flat_map(|c| {
            c.questions
                .iter()
                .map(move |q| Target::Question(c, q))
                .chain(c.scenarios.iter().map(move |s| Target::Scenario(c, s)))
        })
        .map(|t| {
            let score = words(t.text())
                .iter()
                .filter(|w| draft.contains(*w))
                .count();
            (score, t)
        })
        .filter(|(score, _)| *score > 0)
        .collect();
    // Stable: ties keep catalog order.
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().take(n).map(|(_, t)| t).collect()
}

/// Lower-case content words (four letters or more, a crude stem: a trailing `s` dropped).
fn words(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "that", "this", "with", "your", "what", "when", "would", "have", "from", "they", "were",
        "about", "into",
    ];
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix('s').map(str::to_string).unwrap_or(w)
        })
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// `<!-- coach: disable RULE -->`: added to the draft's first disable comment when it has one,
/// else on its own line after the front matter (or at the top).
fn disable_rule(snap: &Snapshot<'_>, rule: Rule) -> Edits {
    let text = snap.text;
    let eol = eol(text);
    if let Some(at) = existing_disable_list_end(text) {
        return vec![(at..at, format!(", {}", rule.id()))];
    }
    let comment = format!("<!-- coach: disable {} -->{eol}", rule.id());
    let after = snap
        .report
        .front_matter
        .clone()
        .or_else(|| {
            locate::front_matter_block(text)
                .filter(|(_, closed)| *closed)
                .map(|(r, _)| r)
        })
        .map(|r| r.end.min(text.len()));
    match after {
        Some(at) => {
            let head = text.get(..at).unwrap_or("");
            let lead = if head.is_empty() || head.ends_with(['\n', '\r']) {
                ""
            } else {
                eol
            };
            vec![(at..at, format!("{lead}{comment}"))]
        }
        None => vec![(0..0, comment)],
    }
}

/// The end of the rule list of the first `<!-- coach: disable a, b -->` comment (before the
/// space and `-->`), when there is one that names rules.
fn existing_disable_list_end(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let close = text[open..].find("-->").map(|i| open + i)?;
        let body = &text[open + 4..close];
        let trimmed = body.trim_start();
        if let Some(rest) = trimmed.strip_prefix("coach:") {
            let rest = rest.trim_start();
            let lower = rest.to_lowercase();
            if lower.starts_with("disable ") && !lower.starts_with("disable all") {
                let list_end = open + 4 + body.trim_end().len();
                return Some(list_end);
            }
        }
        from = close + 3;
    }
    None
}

/// The document's line break: CRLF when it uses them.
fn eol(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

fn action(
    snap: &Snapshot<'_>,
    title: String,
    edits: Edits,
    diagnostic: Option<&Diagnostic>,
    preferred: bool,
    document_changes: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.map(|d| vec![d.clone()]),
        edit: Some(workspace_edit(snap, edits, document_changes)),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// Byte-range edits as a workspace edit on the snapshot's document, in the negotiated encoding:
/// versioned `documentChanges` when the client takes them, else `changes`.
pub(crate) fn workspace_edit(
    snap: &Snapshot<'_>,
    edits: Edits,
    document_changes: bool,
) -> WorkspaceEdit {
    let edits: Vec<TextEdit> = edits
        .into_iter()
        .map(|(range, new_text)| TextEdit::new(snap.lsp_range(range), new_text))
        .collect();
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
    use interview_rubric::{Fix, Link, LinkVia, Report, Section, Severity, TextEdit as EngineEdit};
    use tower_lsp::lsp_types::Position;

    use super::*;
    use crate::lsp::document::Encoding;
    use crate::lsp::features::fixtures::{Fixture, apply_edits, edits_for, find};

    const DRAFT: &str = "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives?\r\n\r\n## Context 😀\r\nÉté: partners churned.\r\n\r\n## Action\r\nI rebuilt the tiers, naïvely.\r\n\r\n## Learning\r\nAlign early.\r\n";

    fn section(text: &str, kind: SectionKind, heading: &str, level: u8, end: usize) -> Section {
        let heading = find(text, heading);
        Section {
            kind,
            title: String::new(),
            level,
            range: heading.start..end,
            heading,
        }
    }

    fn finding(rule: Rule, range: Range<usize>, message: &str, fixes: Vec<Fix>) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            range,
            message: message.into(),
            cites: None,
            fixes,
        }
    }

    fn report(text: &str) -> Report {
        let at = |needle: &str| find(text, needle).start;
        Report {
            link: Some(Link {
                category: "partnerships".into(),
                target: Some("partnerships/q3".into()),
                via: LinkVia::FrontMatter,
                range: None,
            }),
            front_matter: Some(0..at("# How")),
            sections: vec![
                section(text, SectionKind::Other, "# How", 1, at("## Context")),
                section(
                    text,
                    SectionKind::Context,
                    "## Context 😀",
                    2,
                    at("## Action"),
                ),
                section(text, SectionKind::Action, "## Action", 2, at("## Learning")),
                section(text, SectionKind::Learning, "## Learning", 2, text.len()),
            ],
            findings: vec![
                finding(
                    Rule::Structure,
                    at("## Context")..at("## Context"),
                    "No outcome: say what changed.",
                    Vec::new(),
                ),
                finding(
                    Rule::Metrics,
                    find(text, "I rebuilt the tiers, naïvely."),
                    "No numbers.",
                    Vec::new(),
                ),
                finding(
                    Rule::Hedging,
                    find(text, "naïvely"),
                    "Hedge.",
                    vec![Fix {
                        title: "Remove `naïvely`".into(),
                        edits: vec![EngineEdit {
                            range: find(text, ", naïvely").start..find(text, ", naïvely").end,
                            new_text: String::new(),
                        }],
                    }],
                ),
            ],
            ..Report::default()
        }
    }

    /// The diagnostic the server publishes for a finding.
    fn diagnostic(fixture: &Fixture, finding: &Finding, encoding: Encoding) -> Diagnostic {
        Diagnostic {
            range: fixture.doc.range(finding.range.clone(), encoding),
            code: Some(NumberOrString::String(finding.rule.id().into())),
            source: Some(SOURCE.into()),
            message: finding.message.clone(),
            ..Diagnostic::default()
        }
    }

    /// Actions for the diagnostics of `rules`, as (title, preferred, text after applying), checked
    /// to agree across encodings and edit forms.
    fn run(text: &str, report: Report, rules: &[Rule]) -> Vec<(String, bool, String)> {
        let fixture = Fixture::new(text, report);
        let mut runs = Vec::new();
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for document_changes in [false, true] {
                let diagnostics: Vec<Diagnostic> = fixture
                    .report
                    .findings
                    .iter()
                    .filter(|f| rules.contains(&f.rule))
                    .map(|f| diagnostic(&fixture, f, encoding))
                    .collect();
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
                            let diags = a.diagnostics.clone().unwrap();
                            assert!(diagnostics.contains(&diags[0]));
                            let edit = a.edit.unwrap();
                            if document_changes {
                                let Some(DocumentChanges::Edits(e)) = &edit.document_changes else {
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
        assert!(
            runs.windows(2).all(|w| w[0] == w[1]),
            "encodings or edit forms disagree: {runs:#?}"
        );
        runs.remove(0)
    }

    fn result<'r>(
        results: &'r [(String, bool, String)],
        title: &str,
    ) -> &'r (String, bool, String) {
        results.iter().find(|r| r.0 == title).unwrap_or_else(|| {
            panic!(
                "no `{title}` in {:?}",
                results.iter().map(|r| &r.0).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn missing_section_goes_after_the_part_before_it() {
        let results = run(DRAFT, report(DRAFT), &[Rule::Structure]);
        let (_, preferred, after) = result(&results, "Insert an Outcome section");
        assert!(preferred);
        assert_eq!(
            after,
            &DRAFT.replace(
                "naïvely.\r\n\r\n## Learning",
                "naïvely.\r\n\r\n## Outcome\r\n\r\n<!-- The result, with numbers: before and after, over what period. -->\r\n\r\n## Learning"
            )
        );
        let (_, preferred, after) = result(&results, "Disable `structure` for this file");
        assert!(!preferred);
        assert_eq!(
            after,
            &DRAFT.replace(
                "---\r\n# How",
                "---\r\n<!-- coach: disable structure -->\r\n# How"
            )
        );
    }

    #[test]
    fn findings_of_one_rule_on_one_range_keep_their_own_fixes() {
        let heading = find(DRAFT, "# How do you structure partner incentives?");
        let fix = |title: &str, text: &str| Fix {
            title: title.into(),
            edits: vec![EngineEdit {
                range: DRAFT.len()..DRAFT.len(),
                new_text: text.into(),
            }],
        };
        let report = Report {
            findings: vec![
                finding(
                    Rule::Structure,
                    heading.clone(),
                    "No outcome part.",
                    vec![fix("Insert an Outcome section", "## Outcome\r\n")],
                ),
                finding(
                    Rule::Structure,
                    heading,
                    "No learning part.",
                    vec![fix("Insert a Learning section", "## Learning\r\n")],
                ),
            ],
            ..report(DRAFT)
        };
        let results = run(DRAFT, report, &[Rule::Structure]);
        let titles: Vec<&str> = results.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Insert an Outcome section",
                "Insert a Learning section",
                "Disable `structure` for this file"
            ]
        );
        assert!(
            result(&results, "Insert a Learning section")
                .2
                .ends_with("## Learning\r\n")
        );
    }

    #[test]
    fn missing_first_section_goes_before_the_next_part() {
        let text = "Intro 😀\n\n## Action\nDid it.\n";
        let report = Report {
            sections: vec![section(
                text,
                SectionKind::Action,
                "## Action",
                2,
                text.len(),
            )],
            findings: vec![finding(
                Rule::Structure,
                0..0,
                "Missing context.",
                Vec::new(),
            )],
            ..Report::default()
        };
        let results = run(text, report, &[Rule::Structure]);
        assert_eq!(
            result(&results, "Insert a Context section").2,
            "Intro 😀\n\n## Context\n\n<!-- The situation, your role and what was at stake. -->\n\n## Action\nDid it.\n"
        );
        // Without sections, at the end, and the disable comment at the top.
        let text = "Just prose é";
        let report = Report {
            findings: vec![finding(
                Rule::Structure,
                0..0,
                "Missing learning.",
                Vec::new(),
            )],
            ..Report::default()
        };
        let results = run(text, report, &[Rule::Structure]);
        assert_eq!(
            result(&results, "Insert a Learning section").2,
            "Just prose é\n\n# Learning\n\n<!-- What you took away and what you would do differently. -->\n"
        );
        assert_eq!(
            result(&results, "Disable `structure` for this file").2,
            "<!-- coach: disable structure -->\nJust prose é"
        );
    }

    #[test]
    fn metric_placeholder_goes_to_the_outcome_or_the_end() {
        let results = run(DRAFT, report(DRAFT), &[Rule::Metrics]);
        let (_, preferred, after) = result(&results, "Insert a metric placeholder");
        assert!(preferred);
        assert_eq!(
            after,
            &DRAFT.replace(
                "Align early.\r\n",
                "Align early.\r\n\r\n**Impact:** [win rate, or another metric] went from [before] to [after] in [time frame].\r\n"
            )
        );
        let text = "## Outcome\nWe shipped.\n\n## Learning\nx\n";
        let report = Report {
            sections: vec![
                section(
                    text,
                    SectionKind::Outcome,
                    "## Outcome",
                    2,
                    find(text, "## Learning").start,
                ),
                section(text, SectionKind::Learning, "## Learning", 2, text.len()),
            ],
            findings: vec![finding(Rule::Metrics, 0..0, "No numbers.", Vec::new())],
            ..Report::default()
        };
        let results = run(text, report, &[Rule::Metrics]);
        assert_eq!(
            result(&results, "Insert a metric placeholder").2,
            "## Outcome\nWe shipped.\n\n**Impact:** [win rate, or another metric] went from [before] to [after] in [time frame].\n\n## Learning\nx\n"
        );
    }

    #[test]
    fn engine_fixes_come_first_and_preferred() {
        let results = run(DRAFT, report(DRAFT), &[Rule::Hedging]);
        assert_eq!(results.len(), 2);
        assert_eq!(results[0].0, "Remove `naïvely`");
        assert!(results[0].1);
        assert_eq!(results[0].2, DRAFT.replace(", naïvely", ""));
    }

    #[test]
    fn disable_extends_an_existing_comment() {
        let text = "<!-- coach: disable hedging -->\nWe did it.\n";
        let report = Report {
            findings: vec![finding(
                Rule::Metrics,
                find(text, "We did it."),
                "No numbers.",
                Vec::new(),
            )],
            ..Report::default()
        };
        let results = run(text, report, &[Rule::Metrics]);
        assert_eq!(
            result(&results, "Disable `metrics` for this file").2,
            "<!-- coach: disable hedging, metrics -->\nWe did it.\n"
        );
    }

    #[test]
    fn link_fix_inserts_front_matter_for_the_closest_questions() {
        let text = "# Partner incentives 😀\r\n\r\nI restructured partner incentives.\r\n";
        let report = Report {
            findings: vec![finding(Rule::Link, 0..0, "Not linked.", Vec::new())],
            ..Report::default()
        };
        let results = run(text, report, &[Rule::Link]);
        assert_eq!(
            results[0].0,
            "Link to Partnerships Q3: How do you structure partner incentives?"
        );
        assert!(results[0].1);
        assert_eq!(
            results[0].2,
            format!("---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n\r\n{text}")
        );
        assert_eq!(
            result(&results, "Insert front matter").2,
            format!("---\r\ncategory: partnerships\r\nquestion: \r\n---\r\n\r\n{text}")
        );
        // Front matter without linking keys gets them added.
        let text = "---\ntitle: Draft\n---\nPartner incentives.\n";
        let report = Report {
            front_matter: Some(0..find(text, "Partner incentives").start),
            findings: vec![finding(Rule::Link, 0..0, "Not linked.", Vec::new())],
            ..Report::default()
        };
        let results = run(text, report, &[Rule::Link]);
        assert_eq!(
            results[0].2,
            "---\ncategory: partnerships\nquestion: 3\ntitle: Draft\n---\nPartner incentives.\n"
        );
    }

    #[test]
    fn without_context_diagnostics_the_findings_in_range_are_used() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
        let snap = fixture.snap(Encoding::Utf16);
        let context = CodeActionContext::default();
        let at = fixture
            .doc
            .position(find(DRAFT, "naïvely").start, Encoding::Utf16);
        let titles: Vec<String> = code_actions(&snap, LspRange::new(at, at), &context, false)
            .into_iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title,
                CodeActionOrCommand::Command(c) => c.title,
            })
            .collect();
        assert_eq!(
            titles,
            [
                "Insert a metric placeholder",
                "Remove `naïvely`",
                "Disable `metrics` for this file",
                "Disable `hedging` for this file"
            ]
        );
    }

    #[test]
    fn only_filters_and_foreign_diagnostics_are_respected() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
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
