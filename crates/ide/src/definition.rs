//! Go to definition: from the draft into the category guide.
//!
//! On the question heading or the front-matter `question:`/`scenario:` value it jumps to the
//! question and its example answers; on a concept to the concept's entry; on a metric to the best
//! practice about metrics; on the `category:` value to the category's title.

use interview_content::Category;

use crate::Analysis;
use crate::locate::{self, GuideSpan, Spot, Target};

/// The guide spans for what is at a byte offset; empty when there is nothing to jump to.
pub fn definition<'c>(analysis: &Analysis<'c>, offset: usize) -> Vec<GuideSpan<'c>> {
    let Some((spot, _)) = locate::spot_at(analysis, analysis.clamp(offset)) else {
        return Vec::new();
    };
    match spot {
        Spot::Target(target) => target_spans(target),
        Spot::Concept(category, concept) => vec![GuideSpan::line(category, concept.line)],
        Spot::Metric(category, _) => metrics_practice_line(category)
            .map(|line| GuideSpan::line(category, line))
            .into_iter()
            .collect(),
        Spot::Category(category) => vec![GuideSpan::line(category, 1)],
    }
}

/// The question's (or scenario's) own line, then its example answers.
pub fn target_spans(target: Target<'_>) -> Vec<GuideSpan<'_>> {
    let mut spans = vec![GuideSpan::line(target.category(), target.line())];
    spans.extend(locate::example_spans(target));
    spans
}

/// The 1-based line of the best practice about quantifying impact: the first that speaks of
/// metrics or quantifying, else the rubric line the `metrics` rule cites.
fn metrics_practice_line(category: &Category) -> Option<u32> {
    let about_metrics = |text: &str| {
        let text = text.to_lowercase();
        text.contains("metric") || text.contains("quantif")
    };
    category
        .best_practices
        .iter()
        .find(|p| about_metrics(&p.text))
        .map(|p| p.line)
        .or_else(|| {
            let cited = &category
                .rule_citations
                .iter()
                .find(|c| c.rule == "metrics")?
                .line_id;
            category
                .best_practices
                .iter()
                .chain(&category.mistakes)
                .find(|l| &l.id == cited)
                .map(|l| l.line)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Fixture, find};

    const DRAFT: &str = "---\ncategory: partnerships\nquestion: 3\n---\n# How do you structure partner incentives? 😀\n\nI tied aligned incentives to win rate.\n";

    /// The guide lines each span covers, first to last, at the needle.
    fn lines_at(marked: &str, needle: &str) -> Vec<String> {
        let fixture = Fixture::new(marked);
        let offset = find(&fixture.text, needle).start + 1;
        definition(&fixture.analysis(), offset)
            .iter()
            .map(|span| {
                (span.first..=span.last)
                    .map(|l| locate::markdown_line(&span.category.markdown, l).unwrap())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }

    #[test]
    fn question_value_and_heading_jump_to_the_question_and_its_named_examples() {
        for needle in ["3\n---", "structure partner"] {
            let found = lines_at(DRAFT, needle);
            assert_eq!(found[0], "3. How do you structure partner incentives?");
            // Q3's talking points name examples 1 and 3.
            assert_eq!(found.len(), 3, "{found:?}");
            assert!(found[1].starts_with("- I evaluate partners on customer overlap"));
            assert!(found[2].starts_with("- I track sourced pipeline"));
        }
    }

    #[test]
    fn concept_metric_and_category_jump_to_their_lines() {
        assert_eq!(
            lines_at(DRAFT, "aligned incentives"),
            ["- Incentive alignment"]
        );
        assert_eq!(
            lines_at(DRAFT, "win rate"),
            [
                "- Quantify impact with metrics such as conversion rate, revenue, cycle time, or retention."
            ]
        );
        assert_eq!(lines_at(DRAFT, "partnerships\n"), ["# Partnerships"]);
    }

    #[test]
    fn plain_prose_goes_nowhere() {
        assert!(lines_at(DRAFT, "I tied").is_empty());
    }
}
