//! Test fixtures shared by the server's unit tests: a small category built in code, so tests do
//! not depend on what the embedded content says.

use interview_content::{
    Catalog, Category, Lexicons, Origin, Paragraph, Question, QuestionKind, RubricLine,
    RuleCitation,
};

/// A catalog with one category, `teamwork`, whose mistake 1 is cited by `metrics`.
pub fn catalog() -> Catalog {
    let markdown =
        "# Teamwork\n\n## Mistakes to Avoid\n\n- Giving generic answers without numbers.\n";
    Catalog {
        categories: vec![Category {
            id: "teamwork".into(),
            title: "Teamwork".into(),
            title_line: 1,
            origin: Origin::Embedded,
            file: "teamwork.md".into(),
            companion: None,
            markdown: markdown.into(),
            content_hash: 7,
            overview: Paragraph::default(),
            why: Paragraph::default(),
            concepts: Vec::new(),
            questions: vec![Question {
                id: "teamwork/q1".into(),
                number: 1,
                text: "How do you work with others?".into(),
                line: 3,
                kind: QuestionKind::Process,
                talking_points: Vec::new(),
            }],
            examples: Vec::new(),
            scenarios: Vec::new(),
            best_practices: Vec::new(),
            mistakes: vec![RubricLine {
                id: "teamwork/mistake-1".into(),
                number: 1,
                text: "Giving generic answers without numbers.".into(),
                line: 5,
            }],
            lexicons: Lexicons::default(),
            rule_citations: vec![RuleCitation {
                rule: "metrics".into(),
                line_id: "teamwork/mistake-1".into(),
                source: None,
            }],
        }],
    }
}
