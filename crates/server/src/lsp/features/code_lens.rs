//! Code lenses on line 1: the rubric score with word count and speaking time, and the example
//! answers for the draft's question.

use serde_json::Value;
use tower_lsp::lsp_types::{CodeLens, Command, Position, Range};

use super::Snapshot;
use super::commands::{OPEN_EXAMPLES, OPEN_GUIDE};
use super::hover::duration;
use super::locate;

/// `Rubric 7/10 · 212 words · ~1:25` (opens the guide) and, for a linked draft,
/// `3 example answers` (opens them).
pub fn code_lenses(snap: &Snapshot<'_>) -> Vec<CodeLens> {
    let report = snap.report;
    let top = Range::new(Position::new(0, 0), Position::new(0, 0));
    let category = locate::linked_category(snap);
    let words = match report.words {
        1 => "1 word".to_string(),
        n => format!("{n} words"),
    };
    let mut lenses = vec![CodeLens {
        range: top,
        command: Some(Command {
            title: format!(
                "Rubric {}/{} · {words} · ~{}",
                report.score.points,
                report.score.max,
                duration(report.speaking_seconds)
            ),
            command: OPEN_GUIDE.to_string(),
            arguments: Some(
                category
                    .map(|c| Value::String(c.id.clone()))
                    .into_iter()
                    .collect(),
            ),
        }),
        data: None,
    }];
    let examples = match (locate::linked_target(snap), category) {
        (Some(target), _) => match target.named_examples().len() {
            0 => target.category().examples.len(),
            n => n,
        },
        (None, Some(category)) => category.examples.len(),
        (None, None) => 0,
    };
    if examples > 0 {
        lenses.push(CodeLens {
            range: top,
            command: Some(Command {
                title: match examples {
                    1 => "1 example answer".to_string(),
                    n => format!("{n} example answers"),
                },
                command: OPEN_EXAMPLES.to_string(),
                arguments: Some(vec![Value::String(snap.uri.to_string())]),
            }),
            data: None,
        });
    }
    lenses
}

#[cfg(test)]
mod tests {
    use interview_rubric::{Link, LinkVia, Report, Score};

    use super::*;
    use crate::lsp::document::Encoding;
    use crate::lsp::features::fixtures::Fixture;

    fn report(target: Option<&str>) -> Report {
        Report {
            score: Score { points: 7, max: 10 },
            words: 212,
            speaking_seconds: 85,
            link: Some(Link {
                category: "partnerships".into(),
                target: target.map(String::from),
                via: LinkVia::Heading,
                range: None,
            }),
            ..Report::default()
        }
    }

    fn titles(report: Report) -> Vec<(String, String, Vec<Value>)> {
        let fixture = Fixture::new("# Draft\n", report);
        code_lenses(&fixture.snap(Encoding::Utf16))
            .into_iter()
            .map(|lens| {
                assert_eq!(lens.range.start, Position::new(0, 0));
                let command = lens.command.unwrap();
                (command.title, command.command, command.arguments.unwrap())
            })
            .collect()
    }

    #[test]
    fn linked_draft_shows_score_and_named_examples() {
        let lenses = titles(report(Some("partnerships/q3")));
        assert_eq!(lenses[0].0, "Rubric 7/10 · 212 words · ~1:25");
        assert_eq!(lenses[0].1, "interviewCoach.openGuide");
        assert_eq!(lenses[0].2, [Value::from("partnerships")]);
        assert_eq!(lenses[1].0, "2 example answers");
        assert_eq!(lenses[1].1, "interviewCoach.openExamples");
        assert_eq!(lenses[1].2, [Value::from("file:///drafts/answers/q3.md")]);
    }

    #[test]
    fn question_without_named_examples_counts_the_section() {
        let lenses = titles(report(Some("partnerships/q1")));
        assert_eq!(lenses[1].0, "3 example answers");
    }

    #[test]
    fn unlinked_draft_shows_the_score_only() {
        let mut report = report(None);
        report.link = None;
        report.words = 1;
        let lenses = titles(report);
        assert_eq!(lenses.len(), 1);
        assert_eq!(lenses[0].0, "Rubric 7/10 · 1 word · ~1:25");
        assert!(lenses[0].2.is_empty());
    }
}
