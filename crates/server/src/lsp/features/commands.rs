//! Results of the `interviewCoach.*` commands (see `docs/protocol.md`). The server's handler parses
//! the arguments, calls these and, for `openGuide`/`openExamples`, asks the client to show the
//! returned location.

use interview_content::{Catalog, QuestionKind};
use interview_rubric::Report;
use serde::Serialize;
use tower_lsp::lsp_types::{Location, Url};

use super::locate::{self, Target};
use super::{GuideFiles, Snapshot};

/// `interviewCoach.questions`: every question and scenario prompt.
pub const QUESTIONS: &str = "interviewCoach.questions";
/// `interviewCoach.newDraft [id]`: the text and file name of a new draft.
pub const NEW_DRAFT: &str = "interviewCoach.newDraft";
/// `interviewCoach.score [uri]`: an open draft's score.
pub const SCORE: &str = "interviewCoach.score";
/// `interviewCoach.openGuide [categoryId?]`: show a category's guide.
pub const OPEN_GUIDE: &str = "interviewCoach.openGuide";
/// `interviewCoach.openExamples [uri]`: show the example answers for a draft's question.
pub const OPEN_EXAMPLES: &str = "interviewCoach.openExamples";
/// Every command, for `executeCommandProvider`.
pub const ALL: &[&str] = &[QUESTIONS, NEW_DRAFT, SCORE, OPEN_GUIDE, OPEN_EXAMPLES];

/// One entry of `interviewCoach.questions`.
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

/// The result of `interviewCoach.newDraft`.
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
pub(crate) fn draft_text(target: Target<'_>, eol: &str) -> String {
    let mut out = front_matter(target, eol);
    out.push_str(eol);
    out.push_str(&format!("# {}{eol}", target.text()));
    for (title, hint) in skeleton_parts(target) {
        out.push_str(&format!("{eol}## {title}{eol}{eol}<!-- {hint} -->{eol}"));
    }
    out
}

/// The front matter block that links a draft to a target.
pub(crate) fn front_matter(target: Target<'_>, eol: &str) -> String {
    format!(
        "---{eol}category: {}{eol}{}---{eol}",
        target.category().id,
        front_matter_key(target, eol)
    )
}

/// The `question: N` or `scenario: N` line.
pub(crate) fn front_matter_key(target: Target<'_>, eol: &str) -> String {
    match target {
        Target::Question(_, q) => format!("question: {}{eol}", q.number),
        Target::Scenario(_, s) => format!("scenario: {}{eol}", s.number),
    }
}

/// The sections of an answer and a hint for each: context, action, outcome, learning, with
/// clarifying questions first for a scenario prompt.
pub(crate) fn skeleton_parts(target: Target<'_>) -> &'static [(&'static str, &'static str)] {
    match target {
        Target::Scenario(..) => SCENARIO_PARTS,
        Target::Question(..) => STORY_PARTS,
    }
}

/// Context, action, outcome, learning.
pub(crate) const STORY_PARTS: &[(&str, &str)] = &[
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
pub(crate) fn file_name(target: Target<'_>) -> String {
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

/// The result of `interviewCoach.score`.
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
pub fn examples_location(snap: &Snapshot<'_>) -> Option<Location> {
    let encoding = snap.encoding;
    if let Some(target) = locate::linked_target(snap) {
        let category = target.category();
        let lines: Vec<u32> = target.named_examples().iter().map(|e| e.line).collect();
        if let (Some(first), Some(last)) = (lines.iter().min(), lines.iter().max()) {
            return locate::guide_lines(snap.guides, category, *first, *last, encoding);
        }
        return locate::examples_section(snap.guides, category, encoding);
    }
    locate::examples_section(snap.guides, locate::linked_category(snap)?, encoding)
}

/// The guide file of a category; without one, the rules page, else the first category's guide.
pub fn guide_uri(guides: &GuideFiles, catalog: &Catalog, category: Option<&str>) -> Option<Url> {
    match category {
        Some(id) => guides.by_category.get(id).cloned(),
        None => guides.rules.clone().or_else(|| {
            catalog
                .categories
                .iter()
                .find_map(|c| guides.by_category.get(&c.id).cloned())
        }),
    }
}

#[cfg(test)]
mod tests {
    use interview_rubric::{Link, LinkVia, Score};

    use super::*;
    use crate::lsp::document::Encoding;
    use crate::lsp::features::fixtures::{Fixture, catalog, guides};

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
        assert!(entries[10].text.starts_with("Walk me through"));
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
        let report = Report {
            score: Score { points: 7, max: 10 },
            words: 212,
            speaking_seconds: 85,
            link: Some(Link {
                category: "partnerships".into(),
                target: Some("partnerships/q3".into()),
                via: LinkVia::Heading,
                range: None,
            }),
            ..Report::default()
        };
        assert_eq!(
            serde_json::to_value(score(&report)).unwrap(),
            serde_json::json!({"points": 7, "max": 10, "words": 212, "seconds": 85, "target": "partnerships/q3"})
        );
    }

    #[test]
    fn examples_location_spans_the_named_answers() {
        let link = |target: Option<&str>| Report {
            link: Some(Link {
                category: "partnerships".into(),
                target: target.map(String::from),
                via: LinkVia::FileName,
                range: None,
            }),
            ..Report::default()
        };
        let fixture = Fixture::new("x", link(Some("partnerships/q3")));
        let location = examples_location(&fixture.snap(Encoding::Utf16)).unwrap();
        assert_eq!(location.uri.as_str(), "file:///cache/guide/partnerships.md");
        assert_eq!(
            (location.range.start.line, location.range.end.line),
            (33, 35)
        );
        let fixture = Fixture::new("x", link(None));
        let location = examples_location(&fixture.snap(Encoding::Utf16)).unwrap();
        assert_eq!(
            (location.range.start.line, location.range.end.line),
            (31, 35)
        );
        let fixture = Fixture::new("x", Report::default());
        assert!(examples_location(&fixture.snap(Encoding::Utf16)).is_none());
    }

    #[test]
    fn guide_uri_prefers_the_named_category() {
        let (guides, catalog) = (guides(), catalog());
        assert_eq!(
            guide_uri(&guides, &catalog, Some("partnerships"))
                .unwrap()
                .as_str(),
            "file:///cache/guide/partnerships.md"
        );
        assert_eq!(
            guide_uri(&guides, &catalog, None).unwrap().as_str(),
            "file:///cache/guide/rules.md"
        );
        assert!(guide_uri(&guides, &catalog, Some("nope")).is_none());
    }
}
