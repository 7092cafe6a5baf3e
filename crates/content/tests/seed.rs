//! The embedded seed parses to exactly what `content/partnerships.md` says, and its companion is
//! complete. Forcing `Catalog::embedded()` here makes bad embedded content fail `cargo test`.

use interview_content::{Catalog, Category, QuestionKind};

fn partnerships() -> &'static Category {
    Catalog::embedded()
        .category("partnerships")
        .expect("the partnerships category is embedded")
}

#[test]
fn embedded_catalog_parses() {
    let catalog = Catalog::embedded();
    assert!(!catalog.categories.is_empty());
    let ids: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "categories are sorted by id");
}

#[test]
fn title_and_paragraphs() {
    let p = partnerships();
    assert_eq!(p.title, "Partnerships");
    assert_eq!(p.file, "partnerships.md");
    assert_eq!(p.companion.as_deref(), Some("partnerships.toml"));
    assert_eq!(p.overview.line, 5);
    assert_eq!(
        p.overview.text,
        "This category tests ability to source, evaluate, and manage strategic partnerships that accelerate revenue and market access."
    );
    assert_eq!(p.why.line, 9);
    assert_eq!(
        p.why.text,
        "Interviewers evaluate partnership economics, governance, and execution."
    );
    assert!(p.markdown.starts_with("# Partnerships\n"));
}

#[test]
fn questions_in_order_with_lines() {
    let expected = [
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
    let p = partnerships();
    assert_eq!(p.questions.len(), expected.len());
    for (i, (question, text)) in p.questions.iter().zip(expected).enumerate() {
        let n = i as u32 + 1;
        assert_eq!(question.number, n);
        assert_eq!(question.id, format!("partnerships/q{n}"));
        assert_eq!(question.text, text);
        assert_eq!(question.line, 20 + n);
    }
}

#[test]
fn concepts_with_ids_and_lines() {
    let expected = [
        ("partner-types-and-models", "Partner types and models"),
        ("co-sell-motions", "Co-sell motions"),
        ("incentive-alignment", "Incentive alignment"),
        ("partner-onboarding", "Partner onboarding"),
        ("joint-success-metrics", "Joint success metrics"),
    ];
    let p = partnerships();
    assert_eq!(p.concepts.len(), expected.len());
    for (i, (concept, (slug, name))) in p.concepts.iter().zip(expected).enumerate() {
        assert_eq!(concept.id, format!("partnerships/{slug}"));
        assert_eq!(concept.name, name);
        assert_eq!(concept.line, 13 + i as u32);
    }
}

#[test]
fn lists_with_ids_and_lines() {
    let p = partnerships();
    let examples: Vec<(&str, u32)> = p.examples.iter().map(|e| (e.id.as_str(), e.line)).collect();
    assert_eq!(
        examples,
        [
            ("partnerships/example-1", 34),
            ("partnerships/example-2", 35),
            ("partnerships/example-3", 36)
        ]
    );
    assert_eq!(
        p.examples[2].text,
        "I track sourced pipeline, influenced revenue, and partner activation metrics."
    );

    let scenarios: Vec<(&str, u32)> = p
        .scenarios
        .iter()
        .map(|s| (s.id.as_str(), s.line))
        .collect();
    assert_eq!(
        scenarios,
        [
            ("partnerships/scenario-1", 40),
            ("partnerships/scenario-2", 41)
        ]
    );
    assert!(
        p.scenarios[0]
            .text
            .starts_with("A technology alliance increased win rate")
    );

    let practices: Vec<(String, u32)> = p
        .best_practices
        .iter()
        .map(|b| (b.id.clone(), b.line))
        .collect();
    let expected: Vec<(String, u32)> = (1..=5)
        .map(|n| (format!("partnerships/best-practice-{n}"), 44 + n))
        .collect();
    assert_eq!(practices, expected);
    assert_eq!(
        p.best_practices[0].text,
        "Use a clear structure: context, action, outcome, learning."
    );

    let mistakes: Vec<(String, u32)> = p.mistakes.iter().map(|m| (m.id.clone(), m.line)).collect();
    let expected: Vec<(String, u32)> = (1..=5)
        .map(|n| (format!("partnerships/mistake-{n}"), 52 + n))
        .collect();
    assert_eq!(mistakes, expected);
    assert_eq!(
        p.mistakes[3].text,
        "Ignoring cross-functional alignment with marketing, product, and customer success."
    );
}

#[test]
fn companion_is_complete() {
    let p = partnerships();
    for concept in &p.concepts {
        assert!(
            !concept.definition.is_empty(),
            "{} has a definition",
            concept.id
        );
        assert!(concept.synonyms.len() >= 5, "{} has synonyms", concept.id);
        assert!(
            concept.synonyms.iter().all(|s| *s == s.to_lowercase()),
            "{} synonyms are lower case",
            concept.id
        );
    }
    for question in &p.questions {
        let points = question.talking_points.len();
        assert!(
            (3..=6).contains(&points),
            "{} has {points} talking points",
            question.id
        );
        for point in &question.talking_points {
            assert!(!point.text.is_empty());
            for id in &point.concepts {
                assert!(p.concepts.iter().any(|c| &c.id == id), "{id} exists");
            }
            for id in &point.examples {
                assert!(p.examples.iter().any(|e| &e.id == id), "{id} exists");
            }
        }
    }
    assert_eq!(p.questions[9].kind, QuestionKind::Behavioural);
    assert_eq!(p.questions[0].kind, QuestionKind::Process);
    for scenario in &p.scenarios {
        assert_ne!(
            scenario.prompt, scenario.text,
            "{} has its own prompt",
            scenario.id
        );
        assert!(
            scenario.prompt.ends_with('?'),
            "{} asks a question",
            scenario.id
        );
    }
}

#[test]
fn lexicons_are_filled_and_lower_case() {
    let lexicons = &partnerships().lexicons;
    let metric_names: Vec<&str> = lexicons.metrics.iter().map(|m| m.name.as_str()).collect();
    for required in [
        "conversion rate",
        "revenue",
        "cycle time",
        "retention",
        "win rate",
        "sourced pipeline",
        "influenced revenue",
        "partner activation",
    ] {
        assert!(metric_names.contains(&required), "metric {required}");
    }
    assert!(lexicons.metrics.iter().all(|m| !m.measures.is_empty()));
    let team_names: Vec<&str> = lexicons.teams.iter().map(|t| t.name.as_str()).collect();
    for required in ["marketing", "product", "customer success"] {
        assert!(team_names.contains(&required), "team {required}");
    }
    for list in [
        &lexicons.activities,
        &lexicons.outcomes,
        &lexicons.stages,
        &lexicons.buyer,
    ] {
        assert!(list.len() >= 10);
        assert!(list.iter().all(|w| *w == w.to_lowercase() && !w.is_empty()));
    }
}

#[test]
fn every_rubric_rule_with_a_rubric_line_is_cited() {
    let p = partnerships();
    let cited = |rule: &str| {
        p.rule_citations
            .iter()
            .find(|c| c.rule == rule)
            .map(|c| c.line_id.as_str())
    };
    assert_eq!(cited("structure"), Some("partnerships/best-practice-1"));
    assert_eq!(cited("metrics"), Some("partnerships/mistake-1"));
    assert_eq!(cited("activity-volume"), Some("partnerships/mistake-2"));
    assert_eq!(cited("criticism"), Some("partnerships/mistake-3"));
    assert_eq!(cited("cross-functional"), Some("partnerships/mistake-4"));
    assert_eq!(
        cited("clarifying-questions"),
        Some("partnerships/mistake-5")
    );
    assert_eq!(cited("buyer-empathy"), Some("partnerships/best-practice-3"));
    assert_eq!(cited("role-stage"), Some("partnerships/best-practice-4"));
    assert_eq!(cited("too-long"), Some("partnerships/best-practice-5"));
}

#[test]
fn content_hash_covers_both_files() {
    let p = partnerships();
    let markdown = include_str!("../../../content/partnerships.md");
    assert_eq!(p.markdown, markdown);
    assert_ne!(p.content_hash, 0);
}

#[test]
fn records_are_found_by_id() {
    let catalog = Catalog::embedded();
    let cases = [
        ("partnerships", 1),
        ("partnerships/q3", 23),
        ("partnerships/q10", 30),
        ("partnerships/co-sell-motions", 14),
        ("partnerships/example-2", 35),
        ("partnerships/scenario-2", 41),
        ("partnerships/best-practice-5", 49),
        ("partnerships/mistake-1", 53),
    ];
    for (id, line) in cases {
        let record = catalog.find(id).unwrap_or_else(|| panic!("{id} is found"));
        assert_eq!((record.id(), record.line()), (id, line));
    }
    for missing in [
        "partnerships/q0",
        "partnerships/q03",
        "partnerships/q11",
        "partnerships/mistake-6",
        "partnerships/best-practice-0",
        "partnerships/nope",
        "nope/q1",
        "partnerships/",
        "",
    ] {
        assert!(catalog.find(missing).is_none(), "{missing} is not found");
    }
    assert_eq!(
        catalog.question("partnerships/q4").map(|q| q.text.as_str()),
        Some("How do you launch a co-sell motion?")
    );
    assert!(catalog.question("partnerships/mistake-1").is_none());
    let p = partnerships();
    assert_eq!(p.question_by_number(10).map(|q| q.line), Some(30));
    assert_eq!(p.concept("incentive-alignment").map(|c| c.line), Some(15));
    assert_eq!(
        p.concept("partnerships/incentive-alignment")
            .map(|c| c.line),
        Some(15)
    );
    assert_eq!(p.citation("criticism").map(|l| l.line), Some(55));
    assert!(p.citation("hedging").is_none());
}
