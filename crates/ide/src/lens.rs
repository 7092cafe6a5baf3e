//! Code lenses on the first line: the rubric score with word count and speaking time, and the
//! example answers for the draft's question.

use crate::Analysis;
use crate::hover::duration;
use crate::locate;

/// A lens: a title and what clicking it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// `Rubric 7/10 · 212 words · ~1:25`, `3 example answers`.
    pub title: String,
    /// What it opens.
    pub action: LensAction,
}

/// What a lens opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LensAction {
    /// The guide of this category (none: the rules page).
    OpenGuide(Option<String>),
    /// The example answers for the draft's question.
    OpenExamples,
}

/// `Rubric 7/10 · 212 words · ~1:25` (opens the guide) and, for a linked draft,
/// `3 example answers` (opens them).
pub fn lenses(analysis: &Analysis<'_>) -> Vec<Lens> {
    let report = analysis.report;
    let category = locate::linked_category(analysis);
    let mut lenses = vec![Lens {
        title: format!(
            "Rubric {}/{} · {} · ~{}",
            report.score.points,
            report.score.max,
            plural(report.words, "word"),
            duration(report.speaking_seconds)
        ),
        action: LensAction::OpenGuide(category.map(|c| c.id.clone())),
    }];
    let examples = match (locate::linked_target(analysis), category) {
        (Some(target), _) => match target.named_examples().len() {
            0 => target.category().examples.len(),
            n => n,
        },
        (None, Some(category)) => category.examples.len(),
        (None, None) => 0,
    };
    if examples > 0 {
        lenses.push(Lens {
            title: plural(examples, "example answer"),
            action: LensAction::OpenExamples,
        });
    }
    lenses
}

fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Fixture;

    #[test]
    fn linked_draft_shows_score_and_named_examples() {
        let fixture = Fixture::new("---\ncategory: partnerships\nquestion: 3\n---\nWe grew.\n");
        let found = lenses(&fixture.analysis());
        let report = &fixture.report;
        assert_eq!(
            found[0].title,
            format!(
                "Rubric {}/{} · 2 words · ~{}",
                report.score.points,
                report.score.max,
                duration(report.speaking_seconds)
            )
        );
        assert_eq!(
            found[0].action,
            LensAction::OpenGuide(Some("partnerships".into()))
        );
        // Q3's talking points name two example answers.
        assert_eq!(found[1].title, "2 example answers");
        assert_eq!(found[1].action, LensAction::OpenExamples);
    }

    #[test]
    fn unlinked_draft_shows_the_score_only() {
        let fixture = Fixture::with("Word", interview_rubric::Settings::default());
        let found = lenses(&fixture.analysis());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].title.contains(" · 1 word · "),
            "{}",
            found[0].title
        );
        assert_eq!(found[0].action, LensAction::OpenGuide(None));
    }
}
