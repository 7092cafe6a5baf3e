//! Hover: what a term of the draft means in the category, what the question expects, and what a
//! finding's rubric line says and how to address it.

use std::fmt::Write as _;
use std::ops::Range;

use interview_content::{Category, Concept, Metric, Question, QuestionKind, RubricLine};
use interview_rubric::{Finding, Rule};
use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::Snapshot;
use super::locate::{self, Spot, Target};

/// The hover for `position`: a term (concept, metric, question heading, front-matter value) first,
/// else the findings whose span holds the position. `None` on plain prose.
pub fn hover(snap: &Snapshot<'_>, position: Position) -> Option<Hover> {
    let offset = snap.offset(position);
    let (markdown, range) = match locate::spot_at(snap, offset) {
        Some((spot, range)) => {
            let mut markdown = spot_markdown(snap, &spot);
            // The engine anchors whole-draft findings on the title heading: list them briefly
            // under the question rather than hide them behind it.
            let here: Vec<&Finding> = findings_at(snap, offset).collect();
            if !here.is_empty() {
                markdown.push_str("\n\n---\n\n**Feedback here**\n");
                for finding in here {
                    let _ = write!(
                        markdown,
                        "\n- {} · {}: {}",
                        rule_link(snap, finding.rule),
                        finding.severity,
                        finding.message
                    );
                }
            }
            (markdown, range)
        }
        None => findings_markdown(snap, offset)?,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(snap.lsp_range(range)),
    })
}

fn spot_markdown(snap: &Snapshot<'_>, spot: &Spot<'_>) -> String {
    match *spot {
        Spot::Target(target) => target_markdown(target),
        Spot::Category(category) => category_markdown(category),
        Spot::Concept(category, concept) => concept_markdown(category, concept),
        Spot::Metric(category, metric) => metric_markdown(snap, category, metric),
    }
}

/// The question (or scenario), its kind, why interviewers ask it, its talking points and the
/// category's best practices.
pub(crate) fn target_markdown(target: Target<'_>) -> String {
    let category = target.category();
    let mut out = format!(
        "**{} · {}**\n\n*{}*\n",
        target.label(),
        target.text(),
        kind_advice(target)
    );
    if let Target::Scenario(_, scenario) = target {
        if scenario.prompt != scenario.text {
            let _ = write!(out, "\n> {}\n", scenario.text);
        }
    }
    if !category.why.text.is_empty() {
        let _ = write!(
            out,
            "\n**Why interviewers ask this:** {}\n",
            category.why.text
        );
    }
    if let Target::Question(_, question) = target {
        if !question.talking_points.is_empty() {
            out.push_str("\n**Talking points**\n");
            for point in &question.talking_points {
                let _ = writeln!(out, "- {}", point.text);
            }
        }
    }
    push_lines(&mut out, "Best practices", &category.best_practices);
    out.trim_end().to_string()
}

fn kind_advice(target: Target<'_>) -> &'static str {
    match target {
        Target::Scenario(..) => {
            "Scenario prompt: ask clarifying questions first, then propose a plan."
        }
        Target::Question(_, q) => match q.kind {
            QuestionKind::Process => {
                "Process question: explain your method, then show it on a real case."
            }
            QuestionKind::Behavioural => {
                "Behavioural question: tell one real story: context, action, outcome, learning."
            }
            QuestionKind::Scenario => {
                "Scenario question: ask clarifying questions first, then propose a plan."
            }
        },
    }
}

fn push_lines(out: &mut String, title: &str, lines: &[RubricLine]) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(out, "\n**{title}**\n");
    for line in lines {
        let _ = writeln!(out, "- {}", line.text);
    }
}

fn category_markdown(category: &Category) -> String {
    let mut out = format!("**{}** · category\n", category.title);
    for paragraph in [&category.overview.text, &category.why.text] {
        if !paragraph.is_empty() {
            let _ = write!(out, "\n{paragraph}\n");
        }
    }
    let _ = write!(
        out,
        "\n{} questions, {} scenario prompts.",
        category.questions.len(),
        category.scenarios.len()
    );
    out
}

/// The concept's definition, the questions whose talking points use it, and an example answer
/// one of those talking points names.
pub(crate) fn concept_markdown(category: &Category, concept: &Concept) -> String {
    let mut out = format!("**{}** · {} concept\n", concept.name, category.title);
    if !concept.definition.is_empty() {
        let _ = write!(out, "\n{}\n", concept.definition);
    }
    let uses = |q: &&Question| {
        q.talking_points
            .iter()
            .any(|p| p.concepts.contains(&concept.id))
    };
    let asked: Vec<&Question> = category.questions.iter().filter(uses).collect();
    if !asked.is_empty() {
        out.push_str("\n**Asked in**\n");
        for question in &asked {
            let _ = writeln!(out, "- Q{} · {}", question.number, question.text);
        }
    }
    let example = asked
        .iter()
        .flat_map(|q| &q.talking_points)
        .filter(|p| p.concepts.contains(&concept.id))
        .flat_map(|p| &p.examples)
        .find_map(|id| category.examples.iter().find(|e| &e.id == id));
    if let Some(example) = example {
        let _ = write!(out, "\n**Example answer**\n> {}\n", example.text);
    }
    out.trim_end().to_string()
}

/// What the metric measures.
pub(crate) fn metric_markdown(snap: &Snapshot<'_>, category: &Category, metric: &Metric) -> String {
    let mut out = format!("**{}** · metric\n\n{}", metric.name, metric.measures);
    // Only name the category when the draft is about another one or none.
    if locate::linked_category(snap).is_none_or(|c| c.id != category.id) {
        let _ = write!(out, "\n\n*{} lexicon*", category.title);
    }
    out
}

/// The findings whose span holds `offset`: each with the rubric line it cites and how to fix it.
fn findings_markdown(snap: &Snapshot<'_>, offset: usize) -> Option<(String, Range<usize>)> {
    let hits: Vec<&Finding> = findings_at(snap, offset).collect();
    let first = hits.first()?;
    let parts: Vec<String> = hits.iter().map(|f| finding_markdown(snap, f)).collect();
    Some((parts.join("\n\n---\n\n"), first.range.clone()))
}

/// The findings whose span holds `offset`.
fn findings_at<'r>(snap: &Snapshot<'r>, offset: usize) -> impl Iterator<Item = &'r Finding> {
    snap.report
        .findings
        .iter()
        .filter(move |f| f.range.start <= offset && offset <= f.range.end)
}

/// The rule id, linked to its entry in the rules page as the diagnostic's code is.
fn rule_link(snap: &Snapshot<'_>, rule: Rule) -> String {
    match &snap.guides.rules {
        Some(rules) => {
            let mut href = rules.clone();
            href.set_fragment(Some(rule.id()));
            format!("[{}]({href})", rule.id())
        }
        None => rule.id().to_string(),
    }
}

/// One finding: rule, message, the cited rubric line with a link into the guide, how to fix.
pub(crate) fn finding_markdown(snap: &Snapshot<'_>, finding: &Finding) -> String {
    let rule = rule_link(snap, finding.rule);
    let mut out = format!("**{rule}** · {}\n\n{}\n", finding.severity, finding.message);
    if let Some((text, category, line)) = cited_line(snap, finding) {
        let place = match snap.guides.by_category.get(&category.id) {
            Some(uri) => format!("[{}:{line}]({uri}#L{line})", category.file),
            None => format!("{}:{line}", category.file),
        };
        let _ = write!(out, "\n**Rubric:** {text} ({place})\n");
    }
    let _ = write!(out, "\n**How to fix:** {}", advice(snap, finding.rule));
    for fix in &finding.fixes {
        let _ = write!(out, "\n- Quick fix: {}", fix.title);
    }
    out
}

/// The rubric line a finding cites: its own citation, else the linked category's citation for the
/// rule.
fn cited_line<'c>(snap: &Snapshot<'c>, finding: &Finding) -> Option<(String, &'c Category, u32)> {
    if let Some(cite) = &finding.cites {
        let category = snap.catalog.category(&cite.category)?;
        return Some((cite.text.clone(), category, cite.line));
    }
    let category = locate::linked_category(snap)?;
    let id = &category
        .rule_citations
        .iter()
        .find(|c| c.rule == finding.rule.id())?
        .line_id;
    let line = category
        .best_practices
        .iter()
        .chain(&category.mistakes)
        .find(|l| &l.id == id)?;
    Some((line.text.clone(), category, line.line))
}

/// How to address a rule's finding, in one or two sentences.
pub(crate) fn advice(snap: &Snapshot<'_>, rule: Rule) -> String {
    match rule {
        Rule::Structure => "Give the answer its four parts: context (the situation and what was at stake), action (what you did), outcome (the result, with numbers) and learning (what you took away). A heading or a `Result:` label per part makes them easy to follow.".into(),
        Rule::Metrics => "Add at least one number that shows impact: a percentage, revenue, cycle time, win rate or retention, with before and after and over what period.".into(),
        Rule::ActivityVolume => "Follow the activity count with what it produced: pipeline, revenue, win rate or time saved.".into(),
        Rule::Criticism => "Describe what happened neutrally and focus on what you changed; own the fix, not the blame.".into(),
        Rule::CrossFunctional => "Say how you aligned marketing, product or customer success, and what each contributed.".into(),
        Rule::ClarifyingQuestions => "Open with the questions you would ask first (goals, constraints, what has been tried) before proposing a plan.".into(),
        Rule::BuyerEmpathy => "Show what the end customer or buyer needed and how your approach served them, not only the tactics.".into(),
        Rule::RoleStage => "Tie the answer to the role you are interviewing for and the company's stage (startup, scale-up, enterprise).".into(),
        Rule::TooLong => format!(
            "Cut to about {} words, roughly {} spoken; keep the detail for follow-up questions.",
            snap.settings.word_budget,
            duration(
                u32::try_from(snap.settings.word_budget.saturating_mul(60)).unwrap_or(u32::MAX)
                    / snap.settings.words_per_minute.max(1)
            )
        ),
        Rule::Concepts => "Touch on the talking points listed, or say briefly why they do not apply.".into(),
        Rule::Hedging => "Drop the hedge and state it plainly.".into(),
        Rule::Ownership => "Say \"I\" for what you did yourself; keep \"we\" for the team's results.".into(),
        Rule::Link => "Add front matter with `category:` and `question:` (or `scenario:`), or make the first heading the question's text.".into(),
    }
}

/// `m:ss` for a number of seconds.
pub(crate) fn duration(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use interview_rubric::{
        Citation, Fix, Link, LinkVia, Mention, MentionTarget, Report, Section, SectionKind,
        Severity, TextEdit,
    };

    use super::*;
    use crate::lsp::document::Encoding;
    use crate::lsp::features::fixtures::{Fixture, find};

    const DRAFT: &str = "---\ncategory: partnerships\nquestion: 3\n---\n# How do you structure partner incentives?\n\nÉté 😀 we aligned incentive alignment with win rates. We had 40 meetings.\n";

    fn report(text: &str) -> Report {
        let h1 = find(text, "# How do you structure partner incentives?");
        Report {
            link: Some(Link {
                category: "partnerships".into(),
                target: Some("partnerships/q3".into()),
                via: LinkVia::FrontMatter,
                range: Some(find(text, "3\n---").start..find(text, "3\n---").start + 1),
            }),
            front_matter: Some(0..find(text, "---\n#").end),
            sections: vec![Section {
                kind: SectionKind::Other,
                title: "How do you structure partner incentives?".into(),
                level: 1,
                heading: h1.clone(),
                range: h1.start..text.len(),
            }],
            mentions: vec![
                Mention {
                    range: find(text, "incentive alignment"),
                    target: MentionTarget::Concept("partnerships/incentive-alignment".into()),
                },
                Mention {
                    range: find(text, "win rates"),
                    target: MentionTarget::Metric("win rates".into()),
                },
            ],
            findings: vec![
                Finding {
                    rule: Rule::ActivityVolume,
                    severity: Severity::Warning,
                    range: find(text, "40 meetings"),
                    message: "40 meetings counts activity, not an outcome.".into(),
                    cites: Some(Citation {
                        category: "partnerships".into(),
                        id: "partnerships/mistake-2".into(),
                        file: "partnerships.md".into(),
                        line: 54,
                        text: "Over-focusing on activity volume instead of business outcomes."
                            .into(),
                    }),
                    fixes: vec![Fix {
                        title: "Add the outcome".into(),
                        edits: vec![TextEdit {
                            range: 0..0,
                            new_text: String::new(),
                        }],
                    }],
                },
                Finding {
                    rule: Rule::Metrics,
                    severity: Severity::Warning,
                    range: find(text, "We had"),
                    message: "No quantified impact.".into(),
                    cites: None,
                    fixes: Vec::new(),
                },
            ],
            ..Report::default()
        }
    }

    fn hover_at(fixture: &Fixture, needle: &str, encoding: Encoding) -> Option<(String, String)> {
        let snap = fixture.snap(encoding);
        let offset = find(&fixture.text, needle).start + 1;
        let hover = hover(&snap, fixture.doc.position(offset, encoding))?;
        let HoverContents::Markup(markup) = hover.contents else {
            panic!("markup expected")
        };
        assert_eq!(markup.kind, MarkupKind::Markdown);
        let range = hover.range.unwrap();
        let start = fixture.doc.offset(range.start, encoding);
        let end = fixture.doc.offset(range.end, encoding);
        Some((markup.value, fixture.text[start..end].to_string()))
    }

    #[test]
    fn concept_hover_gives_definition_questions_and_an_example() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let (value, term) = hover_at(&fixture, "incentive alignment", encoding).unwrap();
            assert_eq!(term, "incentive alignment");
            assert!(value.starts_with("**Incentive alignment** · Partnerships concept\n\nStructuring partner rewards so that what pays the partner also grows your revenue."), "{value}");
            assert!(
                value.contains("**Asked in**\n- Q3 · How do you structure partner incentives?")
            );
            assert!(
                value.contains("**Example answer**\n> I evaluate partners on customer overlap")
            );
        }
    }

    #[test]
    fn metric_hover_says_what_it_measures() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
        let (value, term) = hover_at(&fixture, "win rates", Encoding::Utf16).unwrap();
        assert_eq!(term, "win rates");
        assert_eq!(
            value,
            "**win rate** · metric\n\nThe share of qualified opportunities that close as won."
        );
    }

    #[test]
    fn question_hover_explains_the_question() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
        for needle in ["3\n---", "structure partner"] {
            let (value, _) = hover_at(&fixture, needle, Encoding::Utf16).unwrap();
            assert!(value.starts_with("**Q3 · How do you structure partner incentives?**\n\n*Process question: explain your method"), "{value}");
            assert!(value.contains("**Why interviewers ask this:** Interviewers evaluate partnership economics, governance, and execution."));
            assert!(value.contains("**Talking points**\n- Tie partner rewards to shared revenue, not activity.\n- Track sourced and influenced pipeline."));
            assert!(value.contains(
                "**Best practices**\n- Use a clear structure: context, action, outcome, learning."
            ));
        }
        let (_, term) = hover_at(&fixture, "structure partner", Encoding::Utf8).unwrap();
        assert_eq!(term, "# How do you structure partner incentives?");
    }

    #[test]
    fn scenario_hover_asks_for_clarifying_questions() {
        let mut report = report(DRAFT);
        report.link.as_mut().unwrap().target = Some("partnerships/scenario-1".into());
        let fixture = Fixture::new(DRAFT, report);
        let (value, _) = hover_at(&fixture, "3\n---", Encoding::Utf8).unwrap();
        assert!(value.starts_with("**Scenario 1 · Walk me through"));
        assert!(value.contains("*Scenario prompt: ask clarifying questions first"));
        assert!(value.contains("\n> A technology alliance increased win rate"));
    }

    #[test]
    fn finding_hover_cites_the_rubric_and_says_how_to_fix() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
        let (value, span) = hover_at(&fixture, "40 meetings", Encoding::Utf16).unwrap();
        assert_eq!(span, "40 meetings");
        assert!(value.starts_with("**[activity-volume](file:///cache/guide/rules.md#activity-volume)** · warning\n\n40 meetings counts activity"), "{value}");
        assert!(value.contains("**Rubric:** Over-focusing on activity volume instead of business outcomes. ([partnerships.md:54](file:///cache/guide/partnerships.md#L54))"), "{value}");
        assert!(value.contains("**How to fix:** Follow the activity count"));
        assert!(value.contains("- Quick fix: Add the outcome"));
        // Without a citation on the finding, the category's citation for the rule is used.
        let (value, _) = hover_at(&fixture, "We had", Encoding::Utf8).unwrap();
        assert!(
            value.contains(
                "**Rubric:** Giving generic answers without numbers. ([partnerships.md:53]"
            ),
            "{value}"
        );
    }

    #[test]
    fn plain_prose_has_no_hover_and_wild_positions_do_not_panic() {
        let fixture = Fixture::new(DRAFT, report(DRAFT));
        assert!(hover_at(&fixture, "Été", Encoding::Utf16).is_none());
        let snap = fixture.snap(Encoding::Utf16);
        for line in [0, 5, 6, 7, 99, u32::MAX] {
            for character in [0, 1, 2, 3, 40, u32::MAX] {
                let _ = hover(&snap, Position::new(line, character));
            }
        }
    }

    #[test]
    fn durations_are_minutes_and_seconds() {
        assert_eq!(duration(85), "1:25");
        assert_eq!(duration(5), "0:05");
    }
}
