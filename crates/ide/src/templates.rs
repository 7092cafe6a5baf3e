//! New drafts and what the editor commands answer: the list of questions, a new draft's text and
//! file name, a draft's score, and where its example answers are. The server exposes these as the
//! `interviewCoach.*` commands of `docs/protocol.md`.

use interview_content::{Catalog, QuestionKind};
use interview_rubric::Report;
use serde::Serialize;

use crate::Analysis;
use crate::locate::{self, GuideSpan, Target};

/// One question or scenario prompt, as the question picker lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionEntry {
    /// `partnerships/q3` or `partnerships/scenario-1`.
    pub id: String,
    /// Category id.
    pub category: String,
    /// Category title.
    pub category_title: String,
    /// 1-based number in its list.
    pub number: u32,
    /// The question text or the scenario prompt.
    pub text: String,
    /// `process`, `behavioural` or `scenario`.
    pub kind: &'static str,
}

/// Every question and then every scenario prompt of each category, in catalog order.
pub fn questions(catalog: &Catalog) -> Vec<QuestionEntry> {
    let mut entries = Vec::new();
    for category in &catalog.categories {
        let entry = |id: &str, number, text: &str, kind| QuestionEntry {
            id: id.to_string(),
            category: category.id.clone(),
            category_title: category.title.clone(),
            number,
            text: text.to_string(),
            kind,
        };
        for q in &category.questions {
            entries.push(entry(&q.id, q.number, &q.text, kind_name(q.kind)));
        }
        for s in &category.scenarios {
            entries.push(entry(&s.id, s.number, &s.prompt, "scenario"));
        }
    }
    entries
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Process => "process",
        QuestionKind::Behavioural => "behavioural",
        QuestionKind::Scenario => "scenario",
    }
}

/// A new draft for a question or scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewDraft {
    /// Front matter, the question as an H1 and a section skeleton.
    pub text: String,
    /// A suggested file name: `q3-structure-partner-incentives.md`.
    pub file_name: String,
}

/// A new draft for a question or scenario id, or an error naming the unknown id.
pub fn new_draft(catalog: &Catalog, id: &str) -> Result<NewDraft, String> {
    let target = locate::find_target(catalog, id)
        .ok_or_else(|| format!("unknown question or scenario `{id}`"))?;
    Ok(NewDraft {
        text: draft_text(target, "\n"),
        file_name: file_name(target),
    })
}

/// The text of a new draft for a target, with this line break.
pub fn draft_text(target: Target<'_>, eol: &str) -> String {
    let mut out = front_matter(target, eol);
    out.push_str(eol);
    out.push_str(&format!("# {}{eol}", target.text()));
    for (title, hint) in skeleton_parts(target) {
        out.push_str(&format!("{eol}## {title}{eol}{eol}<!-- {hint} -->{eol}"));
    }
    out
}

/// The front matter block that links a draft to a target.
pub fn front_matter(target: Target<'_>, eol: &str) -> String {
    format!(
        "---{eol}category: {}{eol}{}---{eol}",
        target.category().id,
        front_matter_key(target, eol)
    )
}

/// The `question: N` or `scenario: N` line.
pub fn front_matter_key(target: Target<'_>, eol: &str) -> String {
    match target {
        Target::Question(_, q) => format!("question: {}{eol}", q.number),
        Target::Scenario(_, s) => format!("scenario: {}{eol}", s.number),
    }
}

/// The sections of an answer and a hint for each: context, action, outcome, learning, with
/// clarifying questions first for a scenario prompt.
pub fn skeleton_parts(target: Target<'_>) -> &'static [(&'static str, &'static str)] {
    match target {
        Target::Scenario(..) => SCENARIO_PARTS,
        Target::Question(..) => STORY_PARTS,
    }
}

/// Context, action, outcome, learning.
pub const STORY_PARTS: &[(&str, &str)] = &[
    ("Context", "The situation, your role and what was at stake."),
    (
        "Action",
        "What you did, step by step, and who you brought in.",
    ),
    (
        "Outcome",
        "The result, with numbers: before and after, over what period.",
    ),
    (
        "Learning",
        "What you took away and what you would do differently.",
    ),
];

const SCENARIO_PARTS: &[(&str, &str)] = &[
    (
        "Clarifying questions",
        "What you would ask first: goals, constraints, what has been tried.",
    ),
    (
        "Context",
        "What you assume about the situation and the stakes.",
    ),
    (
        "Action",
        "Your plan, step by step, and who you would involve.",
    ),
    (
        "Outcome",
        "The result you would aim for and how you would measure it.",
    ),
    (
        "Learning",
        "The risks you would watch and how you would adjust.",
    ),
];

/// `q3-structure-partner-incentives.md`, `s1-technology-alliance-increased-win.md`.
pub fn file_name(target: Target<'_>) -> String {
    const STOP: &[&str] = &[
        "a", "about", "an", "and", "are", "be", "can", "did", "do", "does", "for", "how", "i",
        "in", "is", "me", "my", "of", "on", "or", "our", "share", "should", "tell", "that", "the",
        "this", "time", "to", "was", "we", "were", "what", "when", "where", "which", "who", "why",
        "with", "would", "you", "your",
    ];
    let (prefix, text) = match target {
        Target::Question(_, q) => (format!("q{}", q.number), q.text.as_str()),
        Target::Scenario(_, s) => (format!("s{}", s.number), s.text.as_str()),
    };
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .take(4)
        .collect();
    let mut name = prefix;
    for word in words {
        name.push('-');
        name.push_str(&word);
    }
    name + ".md"
}

/// A draft's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreResult {
    /// Points earned.
    pub points: u32,
    /// Points possible.
    pub max: u32,
    /// Words of prose.
    pub words: usize,
    /// Estimated speaking time in seconds.
    pub seconds: u32,
    /// The question or scenario id the draft answers, when linked.
    pub target: Option<String>,
}

/// The score of an analysed draft.
pub fn score(report: &Report) -> ScoreResult {
    ScoreResult {
        points: report.score.points,
        max: report.score.max,
        words: report.words,
        seconds: report.speaking_seconds,
        target: report.link.as_ref().and_then(|l| l.target.clone()),
    }
}

/// Where the example answers for the draft's question are: the answers its talking points name
/// (first to last) or the whole Example Answers section. For a draft linked to a category only,
/// that category's section. `None` for an unlinked draft.
pub fn examples_span<'c>(analysis: &Analysis<'c>) -> Option<GuideSpan<'c>> {
    if let Some(target) = locate::linked_target(analysis) {
        let category = target.category();
        let lines: Vec<u32> = target.named_examples().iter().map(|e| e.line).collect();
        if let (Some(first), Some(last)) = (lines.iter().min(), lines.iter().max()) {
            return Some(GuideSpan::lines(category, *first, *last));
        }
        return locate::examples_section(category);
    }
    locate::examples_section(locate::linked_category(analysis)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Fixture;

    fn catalog() -> Catalog {
        Catalog::embedded().clone()
    }

    #[test]
    fn questions_list_questions_then_scenarios() {
        let entries = questions(&catalog());
        assert_eq!(entries.len(), 12);
        assert_eq!(
            serde_json::to_value(&entries[2]).unwrap(),
            serde_json::json!({
                "id": "partnerships/q3", "category": "partnerships", "categoryTitle": "Partnerships",
                "number": 3, "text": "How do you structure partner incentives?", "kind": "process"
            })
        );
        assert_eq!(entries[9].kind, "behavioural");
        assert_eq!(entries[10].id, "partnerships/scenario-1");
        assert_eq!(entries[10].kind, "scenario");
        assert_eq!(
            entries[10].text,
            catalog().categories[0].scenarios[0].prompt
        );
    }

    #[test]
    fn new_draft_links_and_names_the_file() {
        let draft = new_draft(&catalog(), "partnerships/q3").unwrap();
        assert_eq!(draft.file_name, "q3-structure-partner-incentives.md");
        assert!(draft.text.starts_with(
            "---\ncategory: partnerships\nquestion: 3\n---\n\n# How do you structure partner incentives?\n\n## Context\n\n<!-- "
        ));
        let headings: Vec<&str> = draft
            .text
            .lines()
            .filter(|l| l.starts_with("## "))
            .collect();
        assert_eq!(
            headings,
            ["## Context", "## Action", "## Outcome", "## Learning"]
        );

        let draft = new_draft(&catalog(), "partnerships/scenario-1").unwrap();
        assert_eq!(draft.file_name, "s1-technology-alliance-increased-win.md");
        assert!(draft.text.contains("scenario: 1\n"));
        assert!(draft.text.contains("\n## Clarifying questions\n"));

        let draft = new_draft(&catalog(), "partnerships/q10").unwrap();
        assert_eq!(
            draft.file_name,
            "q10-partnership-drove-measurable-growth.md"
        );
        assert_eq!(
            new_draft(&catalog(), "nope"),
            Err("unknown question or scenario `nope`".to_string())
        );
    }

    #[test]
    fn score_reports_the_engine_figures() {
        let fixture = Fixture::new("---\ncategory: partnerships\nquestion: 3\n---\nWe grew.\n");
        let report = &fixture.report;
        assert_eq!(
            score(report),
            ScoreResult {
                points: report.score.points,
                max: report.score.max,
                words: 2,
                seconds: report.speaking_seconds,
                target: Some("partnerships/q3".into()),
            }
        );
    }

    #[test]
    fn examples_span_covers_the_named_answers_or_the_section() {
        let span = |marked: &str| {
            let fixture = Fixture::new(marked);
            examples_span(&fixture.analysis()).map(|s| (s.first, s.last))
        };
        // Q3 names examples 1 and 3: lines 34 to 36.
        assert_eq!(
            span("---\ncategory: partnerships\nquestion: 3\n---\n"),
            Some((34, 36))
        );
        // A category only: the whole section, from its heading.
        assert_eq!(span("---\ncategory: partnerships\n---\n"), Some((32, 36)));
        assert_eq!(span("Unlinked."), None);
    }
}
