//! Hover: what a term of the draft means in the category, what the question expects, and what a
//! finding's rubric line says and how to address it.

use std::fmt::Write as _;
use std::ops::Range;

use interview_content::{Category, Concept, Metric, Question, QuestionKind, RubricLine};
use interview_rubric::{Finding, Rule};

use crate::Analysis;
use crate::locate::{self, Spot, Target};

/// A hover: Markdown and the byte range of what it explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The text, in Markdown.
    pub markdown: String,
    /// The term, heading or finding span it explains.
    pub range: Range<usize>,
}

/// The hover at a byte offset: a term (concept, metric, question heading, front-matter value)
/// first, else the findings whose span holds the offset. `None` on plain prose.
pub fn hover(analysis: &Analysis<'_>, offset: usize) -> Option<Hover> {
    let offset = analysis.clamp(offset);
    let (markdown, range) = match locate::spot_at(analysis, offset) {
        Some((spot, range)) => {
            let mut markdown = spot_markdown(analysis, &spot);
            // The engine anchors whole-draft findings on the title heading: list them briefly
            // under the question rather than hide them behind it.
            let here: Vec<&Finding> = findings_at(analysis, offset).collect();
            if !here.is_empty() {
                markdown.push_str("\n\n---\n\n**Feedback here**\n");
                for finding in here {
                    let _ = write!(
                        markdown,
                        "\n- {} · {}: {}",
                        rule_link(analysis, finding.rule),
                        finding.severity,
                        finding.message
                    );
                }
            }
            (markdown, range)
        }
        None => findings_markdown(analysis, offset)?,
    };
    Some(Hover { markdown, range })
}

fn spot_markdown(analysis: &Analysis<'_>, spot: &Spot<'_>) -> String {
    match *spot {
        Spot::Target(target) => target_markdown(target),
        Spot::Category(category) => category_markdown(category),
        Spot::Concept(category, concept) => concept_markdown(category, concept),
        Spot::Metric(category, metric) => metric_markdown(analysis, category, metric),
    }
}

/// The question (or scenario), its kind, why interviewers ask it, its talking points and the
/// category's best practices.
pub fn target_markdown(target: Target<'_>) -> String {
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
pub fn concept_markdown(category: &Category, concept: &Concept) -> String {
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
pub fn metric_markdown(analysis: &Analysis<'_>, category: &Category, metric: &Metric) -> String {
    let mut out = format!("**{}** · metric\n\n{}", metric.name, metric.measures);
    // Only name the category when the draft is about another one or none.
    if locate::linked_category(analysis).is_none_or(|c| c.id != category.id) {
        let _ = write!(out, "\n\n*{} lexicon*", category.title);
    }
    out
}

/// The findings whose span holds `offset`: each with the rubric line it cites and how to fix it.
fn findings_markdown(analysis: &Analysis<'_>, offset: usize) -> Option<(String, Range<usize>)> {
    let hits: Vec<&Finding> = findings_at(analysis, offset).collect();
    let first = hits.first()?;
    let parts: Vec<String> = hits.iter().map(|f| finding_markdown(analysis, f)).collect();
    Some((parts.join("\n\n---\n\n"), first.range.clone()))
}

/// The findings whose span holds `offset`.
fn findings_at<'r>(analysis: &Analysis<'r>, offset: usize) -> impl Iterator<Item = &'r Finding> {
    analysis
        .report
        .findings
        .iter()
        .filter(move |f| f.range.start <= offset && offset <= f.range.end)
}

/// The rule id, linked to its entry in the rules page as the diagnostic's code is.
fn rule_link(analysis: &Analysis<'_>, rule: Rule) -> String {
    match analysis.links.rules() {
        Some(rules) => format!("[{id}]({rules}#{id})", id = rule.id()),
        None => rule.id().to_string(),
    }
}

/// One finding: rule, message, the cited rubric line with a link into the guide, how to fix.
pub fn finding_markdown(analysis: &Analysis<'_>, finding: &Finding) -> String {
    let rule = rule_link(analysis, finding.rule);
    let mut out = format!("**{rule}** · {}\n\n{}\n", finding.severity, finding.message);
    if let Some((text, category, line)) = cited_line(analysis, finding) {
        let place = match analysis.links.category(&category.id) {
            Some(uri) => format!("[{}:{line}]({uri}#L{line})", category.file),
            None => format!("{}:{line}", category.file),
        };
        let _ = write!(out, "\n**Rubric:** {text} ({place})\n");
    }
    let _ = write!(
        out,
        "\n**How to fix:** {}",
        finding.rule.advice(analysis.settings)
    );
    for fix in &finding.fixes {
        let _ = write!(out, "\n- Quick fix: {}", fix.title);
    }
    out
}

/// The rubric line a finding cites: its own citation, else the linked category's citation for the
/// rule.
fn cited_line<'c>(
    analysis: &Analysis<'c>,
    finding: &Finding,
) -> Option<(String, &'c Category, u32)> {
    if let Some(cite) = &finding.cites {
        let category = analysis.catalog.category(&cite.category)?;
        return Some((cite.text.clone(), category, cite.line));
    }
    let category = locate::linked_category(analysis)?;
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

/// `m:ss` for a number of seconds.
pub fn duration(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use interview_content::Catalog;

    use super::*;
    use crate::testing::{Fixture, find};

    const DRAFT: &str = "---\ncategory: partnerships\nquestion: 3\n---\n# How do you structure partner incentives?\n\nÉté 😀 we aligned incentives with win rates. We had 40 meetings.\n";

    /// The hover inside `needle` (one byte in), with the text of its range.
    fn hover_at(fixture: &Fixture, needle: &str) -> Option<(String, String)> {
        let offset = find(&fixture.text, needle).start + 1;
        let found = hover(&fixture.analysis(), offset)?;
        Some((found.markdown, fixture.text[found.range].to_string()))
    }

    fn partnerships() -> &'static Category {
        Catalog::embedded().category("partnerships").unwrap()
    }

    #[test]
    fn concept_hover_gives_definition_questions_and_an_example() {
        let fixture = Fixture::new(DRAFT);
        let (value, term) = hover_at(&fixture, "aligned incentives").unwrap();
        assert_eq!(term, "aligned incentives");
        let concept = partnerships()
            .concepts
            .iter()
            .find(|c| c.name == "Incentive alignment")
            .unwrap();
        assert!(
            value.starts_with(&format!(
                "**Incentive alignment** · Partnerships concept\n\n{}",
                concept.definition
            )),
            "{value}"
        );
        assert!(value.contains("**Asked in**\n- Q"), "{value}");
        assert!(value.contains("\n- Q3 · How do you structure partner incentives?\n"));
        assert!(value.contains("**Example answer**\n> "), "{value}");
    }

    #[test]
    fn metric_hover_says_what_it_measures() {
        let fixture = Fixture::new(DRAFT);
        let (value, term) = hover_at(&fixture, "win rates").unwrap();
        assert_eq!(term, "win rates");
        assert!(value.starts_with("**win rate** · metric\n\n"), "{value}");
        // The draft is about this category: its name is left out.
        assert!(!value.contains("lexicon"));
    }

    #[test]
    fn question_hover_explains_the_question() {
        let fixture = Fixture::new(DRAFT);
        for needle in ["3\n---", "structure partner"] {
            let (value, _) = hover_at(&fixture, needle).unwrap();
            assert!(value.starts_with("**Q3 · How do you structure partner incentives?**\n\n*Process question: explain your method"), "{value}");
            assert!(value.contains(&format!(
                "**Why interviewers ask this:** {}",
                partnerships().why.text
            )));
            assert!(value.contains("**Talking points**\n- Reward the outcome you want"));
            assert!(value.contains(
                "**Best practices**\n- Use a clear structure: context, action, outcome, learning."
            ));
        }
        let (_, term) = hover_at(&fixture, "structure partner").unwrap();
        assert_eq!(term, "# How do you structure partner incentives?");
    }

    #[test]
    fn scenario_hover_asks_for_clarifying_questions() {
        let fixture = Fixture::new("---\ncategory: partnerships\nscenario: 1\n---\nBody.\n");
        let (value, term) = hover_at(&fixture, "1\n---").unwrap();
        assert_eq!(term, "1");
        assert!(value.starts_with("**Scenario 1 · "), "{value}");
        assert!(value.contains("*Scenario prompt: ask clarifying questions first"));
    }

    #[test]
    fn finding_hover_cites_the_rubric_and_says_how_to_fix() {
        let fixture = Fixture::new(DRAFT);
        let finding = fixture
            .report
            .findings
            .iter()
            .find(|f| f.rule == Rule::ActivityVolume)
            .expect("an activity-volume finding");
        let offset = finding.range.start + 1;
        let found = hover(&fixture.analysis(), offset).unwrap();
        let value = found.markdown;
        assert!(
            value.starts_with(
                "**[activity-volume](file:///cache/guide/rules.md#activity-volume)** · "
            ),
            "{value}"
        );
        let cite = finding.cites.as_ref().expect("a citation");
        assert!(value.contains(&format!(
            "**Rubric:** {} ([partnerships.md:{line}](file:///cache/guide/partnerships.md#L{line}))",
            cite.text,
            line = cite.line
        )), "{value}");
        assert!(value.contains(&format!(
            "**How to fix:** {}",
            Rule::ActivityVolume.advice(&interview_rubric::Settings::default())
        )));
        for fix in &finding.fixes {
            assert!(value.contains(&format!("- Quick fix: {}", fix.title)));
        }
    }

    #[test]
    fn plain_prose_has_no_hover() {
        let fixture = Fixture::new(DRAFT);
        assert!(hover_at(&fixture, "Été").is_none());
    }

    #[test]
    fn durations_are_minutes_and_seconds() {
        assert_eq!(duration(85), "1:25");
        assert_eq!(duration(5), "0:05");
    }
}
