//! A small catalog built in code, and helpers for rule tests.

use interview_content::{
    Catalog, Category, Concept, Lexicons, Metric, Origin, Paragraph, Question, QuestionKind,
    RubricLine, RuleCitation, Scenario, TalkingPoint, Term,
};

use crate::{Finding, Options, Report, Rule, Settings};

const QUESTIONS: [&str; 10] = [
    "How do you identify good strategic partners?",
    "What criteria determine partnership viability?",
    "How do you structure partner incentives?",
    "How do you launch a co-sell motion?",
    "How do you manage partner conflicts?",
    "How do you evaluate partner ROI?",
    "How do you avoid low-commitment partnerships?",
    "How do you run partner enablement?",
    "How do you set governance for partnerships?",
    "Share a partnership that drove measurable growth.",
];

fn lines(prefix: &str, first_line: u32, texts: &[&str]) -> Vec<RubricLine> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| RubricLine {
            id: format!("partnerships/{prefix}-{}", i + 1),
            number: i as u32 + 1,
            text: text.to_string(),
            line: first_line + i as u32,
        })
        .collect()
}

fn concept(slug: &str, name: &str, line: u32, synonyms: &[&str]) -> Concept {
    Concept {
        id: format!("partnerships/{slug}"),
        name: name.to_string(),
        line,
        definition: String::new(),
        synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
    }
}

/// The seed's Partnerships category with a few lexicon entries, talking points for question 3,
/// and question 5 made a scenario-kind question.
pub(crate) fn catalog() -> Catalog {
    let questions = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, text)| Question {
            id: format!("partnerships/q{}", i + 1),
            number: i as u32 + 1,
            text: text.to_string(),
            line: 21 + i as u32,
            kind: if i == 4 {
                QuestionKind::Scenario
            } else {
                QuestionKind::Process
            },
            talking_points: if i == 2 {
                vec![TalkingPoint {
                    text: "Reward outcomes and align incentives.".into(),
                    concepts: vec![
                        "partnerships/incentive-alignment".into(),
                        "partnerships/joint-success-metrics".into(),
                    ],
                    examples: vec![],
                }]
            } else {
                vec![]
            },
        })
        .collect();
    let category = Category {
        id: "partnerships".into(),
        title: "Partnerships".into(),
        title_line: 1,
        origin: Origin::Embedded,
        file: "partnerships.md".into(),
        companion: None,
        markdown: String::new(),
        content_hash: 0,
        overview: Paragraph::default(),
        why: Paragraph::default(),
        concepts: vec![
            concept(
                "partner-types-and-models",
                "Partner types and models",
                13,
                &["resellers"],
            ),
            concept("co-sell-motions", "Co-sell motions", 14, &["co-selling"]),
            concept(
                "incentive-alignment",
                "Incentive alignment",
                15,
                &["aligned incentives"],
            ),
            concept(
                "partner-onboarding",
                "Partner onboarding",
                16,
                &["enablement"],
            ),
            concept("joint-success-metrics", "Joint success metrics", 17, &[]),
        ],
        questions,
        examples: vec![],
        scenarios: vec![
            Scenario {
                id: "partnerships/scenario-1".into(),
                number: 1,
                text: "A technology alliance increased win rate.".into(),
                line: 40,
                prompt: "How would you scale a technology alliance that increased win rate?".into(),
            },
            Scenario {
                id: "partnerships/scenario-2".into(),
                number: 2,
                text: "A channel partnership failed.".into(),
                line: 41,
                prompt: "How would you redesign a failing channel partnership?".into(),
            },
        ],
        best_practices: lines(
            "best-practice",
            45,
            &[
                "Use a clear structure: context, action, outcome, learning.",
                "Quantify impact with metrics such as conversion rate, revenue, cycle time, or retention.",
                "Show buyer empathy and business understanding, not just sales tactics.",
                "Tie your answer to role expectations and company stage.",
                "Keep responses concise, then expand if asked.",
            ],
        ),
        mistakes: lines(
            "mistake",
            53,
            &[
                "Giving generic answers without numbers.",
                "Over-focusing on activity volume instead of business outcomes.",
                "Criticizing past teams or customers.",
                "Ignoring cross-functional alignment with marketing, product, and customer success.",
                "Not asking clarifying questions in scenario prompts.",
            ],
        ),
        lexicons: Lexicons {
            metrics: vec![Metric {
                name: "win rate".into(),
                synonyms: vec!["close rate".into()],
                measures: "Share of opportunities won.".into(),
            }],
            teams: vec![Term {
                name: "product".into(),
                synonyms: vec![],
            }],
            ..Lexicons::default()
        },
        rule_citations: vec![RuleCitation {
            rule: "metrics".into(),
            line_id: "partnerships/mistake-1".into(),
            source: None,
        }],
    };
    Catalog {
        categories: vec![category],
    }
}

/// Analyses `text` against the test catalog with default settings.
pub(crate) fn analyze(text: &str) -> Report {
    analyze_with_settings(text, &Settings::default())
}

/// Analyses `text` with a file name.
pub(crate) fn analyze_file(text: &str, name: &str) -> Report {
    crate::analyze_file(text, Some(name), &catalog(), &Settings::default())
}

/// Analyses `text` with `settings`.
pub(crate) fn analyze_with_settings(text: &str, settings: &Settings) -> Report {
    crate::analyze_with(text, &Options::default(), &catalog(), settings)
}

/// The findings of one rule.
pub(crate) fn findings(text: &str, rule: Rule) -> Vec<Finding> {
    analyze(text)
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The text each finding of `rule` covers.
pub(crate) fn spans(text: &str, rule: Rule) -> Vec<String> {
    findings(text, rule)
        .into_iter()
        .map(|f| text[f.range].to_string())
        .collect()
}
