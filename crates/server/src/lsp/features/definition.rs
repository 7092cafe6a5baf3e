//! Go to definition: from the draft into the category guide.
//!
//! On the question heading or the front-matter `question:`/`scenario:` value it jumps to the
//! question and its example answers; on a concept to the concept's entry; on a metric to the best
//! practice about metrics; on the `category:` value to the category's title.

use interview_content::Category;
use tower_lsp::lsp_types::{GotoDefinitionResponse, Location, Position};

use super::Snapshot;
use super::locate::{self, Spot, Target};

/// The guide locations for what is at `position`, or `None` when there is nothing to jump to.
pub fn goto_definition(snap: &Snapshot<'_>, position: Position) -> Option<GotoDefinitionResponse> {
    let offset = snap.offset(position);
    let (spot, _) = locate::spot_at(snap, offset)?;
    let locations = match spot {
        Spot::Target(target) => target_locations(snap, target),
        Spot::Concept(category, concept) => {
            locate::guide_line(snap.guides, category, concept.line, snap.encoding)
                .into_iter()
                .collect()
        }
        Spot::Metric(category, _) => metrics_practice_line(category)
            .and_then(|line| locate::guide_line(snap.guides, category, line, snap.encoding))
            .into_iter()
            .collect(),
        Spot::Category(category) => locate::guide_line(snap.guides, category, 1, snap.encoding)
            .into_iter()
            .collect(),
    };
    match locations.len() {
        0 => None,
        1 => locations
            .into_iter()
            .next()
            .map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(locations)),
    }
}

/// The question's (or scenario's) own line, then its example answers.
pub(crate) fn target_locations(snap: &Snapshot<'_>, target: Target<'_>) -> Vec<Location> {
    let category = target.category();
    let mut locations: Vec<Location> =
        locate::guide_line(snap.guides, category, target.line(), snap.encoding)
            .into_iter()
            .collect();
    locations.extend(locate::example_locations(
        snap.guides,
        target,
        snap.encoding,
    ));
    locations
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
    use interview_rubric::{Link, LinkVia, Mention, MentionTarget, Report, Section, SectionKind};
    use tower_lsp::lsp_types::Url;

    use super::*;
    use crate::lsp::document::{Document, Encoding};
    use crate::lsp::features::fixtures::{Fixture, PARTNERSHIPS_MD, find};

    const DRAFT: &str = "---\ncategory: partnerships\nquestion: 3\n---\n# How do you structure partner incentives? 😀\n\nI tied incentive alignment to win rate.\n";

    fn report(text: &str, target: &str) -> Report {
        let h1 = find(text, "# How do you");
        Report {
            link: Some(Link {
                category: "partnerships".into(),
                target: Some(target.into()),
                via: LinkVia::FrontMatter,
                range: Some(find(text, "3\n---").start..find(text, "3\n---").start + 1),
            }),
            front_matter: Some(0..find(text, "---\n#").end),
            sections: vec![Section {
                kind: SectionKind::Other,
                title: "How do you structure partner incentives? 😀".into(),
                level: 1,
                heading: h1.start..find(text, "😀").end,
                range: h1.start..text.len(),
            }],
            mentions: vec![
                Mention {
                    range: find(text, "incentive alignment"),
                    target: MentionTarget::Concept("partnerships/incentive-alignment".into()),
                },
                Mention {
                    range: find(text, "win rate"),
                    target: MentionTarget::Metric("win rate".into()),
                },
            ],
            ..Report::default()
        }
    }

    /// The guide text a location covers.
    fn guide_text(location: &Location, encoding: Encoding) -> String {
        assert_eq!(
            location.uri,
            Url::parse("file:///cache/guide/partnerships.md").unwrap()
        );
        let doc = Document::new(PARTNERSHIPS_MD, 0);
        let start = doc.offset(location.range.start, encoding);
        let end = doc.offset(location.range.end, encoding);
        PARTNERSHIPS_MD[start..end].to_string()
    }

    fn locations(response: GotoDefinitionResponse) -> Vec<Location> {
        match response {
            GotoDefinitionResponse::Scalar(l) => vec![l],
            GotoDefinitionResponse::Array(ls) => ls,
            GotoDefinitionResponse::Link(_) => panic!("no links expected"),
        }
    }

    fn at(fixture: &Fixture, needle: &str, encoding: Encoding) -> Vec<Location> {
        let snap = fixture.snap(encoding);
        let offset = find(&fixture.text, needle).start + 1;
        let position = fixture.doc.position(offset, encoding);
        goto_definition(&snap, position)
            .map(locations)
            .unwrap_or_default()
    }

    #[test]
    fn question_value_jumps_to_the_question_and_its_named_examples() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/q3"));
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let found = at(&fixture, "3\n---", encoding);
            let texts: Vec<String> = found.iter().map(|l| guide_text(l, encoding)).collect();
            assert_eq!(
                texts,
                [
                    "3. How do you structure partner incentives?",
                    "- I evaluate partners on customer overlap, execution capability, and economic alignment before formalizing terms.",
                    "- I track sourced pipeline, influenced revenue, and partner activation metrics.",
                ]
            );
        }
    }

    #[test]
    fn heading_jumps_like_the_front_matter() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/q3"));
        let found = at(&fixture, "structure partner", Encoding::Utf16);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].range.start.line, 22);
    }

    #[test]
    fn question_without_named_examples_jumps_to_the_example_section() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/q1"));
        let found = at(&fixture, "3\n---", Encoding::Utf8);
        assert_eq!(found.len(), 2);
        assert_eq!(
            guide_text(&found[0], Encoding::Utf8),
            "1. How do you identify good strategic partners?"
        );
        let section = guide_text(&found[1], Encoding::Utf8);
        assert!(section.starts_with("## Example Answers\n\n- I evaluate partners"));
        assert!(section.ends_with("partner activation metrics."));
    }

    #[test]
    fn scenario_jumps_to_the_scenario_line() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/scenario-2"));
        let found = at(&fixture, "3\n---", Encoding::Utf16);
        assert!(
            guide_text(&found[0], Encoding::Utf16).starts_with("- A channel partnership failed")
        );
        assert!(guide_text(&found[1], Encoding::Utf16).starts_with("## Example Answers"));
    }

    #[test]
    fn concept_jumps_to_its_entry_and_metric_to_the_practice() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/q3"));
        let found = at(&fixture, "incentive alignment", Encoding::Utf16);
        assert_eq!(
            guide_text(&found[0], Encoding::Utf16),
            "- Incentive alignment"
        );
        let found = at(&fixture, "win rate", Encoding::Utf8);
        assert_eq!(
            guide_text(&found[0], Encoding::Utf8),
            "- Quantify impact with metrics such as conversion rate, revenue, cycle time, or retention."
        );
    }

    #[test]
    fn category_value_jumps_to_the_title() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/q3"));
        let found = at(&fixture, "partnerships\n", Encoding::Utf8);
        assert_eq!(guide_text(&found[0], Encoding::Utf8), "# Partnerships");
    }

    #[test]
    fn plain_prose_and_wild_positions_give_nothing() {
        let fixture = Fixture::new(DRAFT, report(DRAFT, "partnerships/q3"));
        assert!(at(&fixture, "I tied", Encoding::Utf8).is_empty());
        let snap = fixture.snap(Encoding::Utf16);
        for position in [
            Position::new(u32::MAX, u32::MAX),
            Position::new(4, u32::MAX),
            Position::new(4, 43),
        ] {
            // Clamped, never a panic; past the heading's end is still the heading.
            let _ = goto_definition(&snap, position);
        }
    }

    #[test]
    fn unlinked_draft_has_no_question_target() {
        let mut report = report(DRAFT, "partnerships/q3");
        report.link = None;
        let fixture = Fixture::new(DRAFT, report);
        assert!(at(&fixture, "3\n---", Encoding::Utf8).is_empty());
        // Mentions still resolve without a link.
        assert_eq!(at(&fixture, "incentive alignment", Encoding::Utf8).len(), 1);
    }
}
