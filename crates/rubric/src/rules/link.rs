//! `link`: the draft is not linked to a question (or names one that does not exist).
//!
//! Why it matters: question-specific feedback (`concepts`, `clarifying-questions`, the citations
//! of the question's category) needs to know which question the draft answers. Not scored.
//!
//! Fires on: a draft that no front matter (`category:`, `question:`, `scenario:`), heading that
//! names a question or scenario (its words, in paraphrase, or its number; words in an adjunct,
//! "with a cloud marketplace partner", count half) or file name (`q3-incentives.md`) links, on
//! the title (or line 1), with fixes that insert front matter for the (up to three) targets it
//! most likely answers: as the category's prose model ranks the draft's prose (questions and
//! scenarios), else, with no model or under 40 words of prose, the questions its words match
//! best; and a front matter value that names nothing (`question: 12` in a category of ten), on
//! the value.
//!
//! Does not fire on: a linked draft. It runs on drafts with no prose yet too.
//!
//! Example: "Partner incentives at Acme" fires with the fix "Link to question 3: How do you
//! structure partner incentives?".

use crate::context::{Ctx, Input};
use crate::link::Target;
use crate::rules::{Meta, Scope};
use crate::{Finding, Fix, Rule, Severity, TextEdit};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "link",
    default_severity: Severity::Information,
    summary: "The draft is not linked to a question.",
    scored: false,
    scope: Scope::Draft,
    advice: "Add front matter with `category:` and `question:` (or `scenario:`), or make the first heading the question's text.",
    citation_keywords: &[],
    needs_prose: false,
};

/// Up to three targets the draft most likely answers, best first: as the category's prose model
/// ranks the draft's prose, else (no model, or fewer than 40 words of prose) the questions that
/// share the most words with the draft.
fn suggestions(ctx: &Ctx<'_>, category: usize) -> Vec<Target> {
    if let Some((c, ranked)) = &ctx.linked.ranked
        && *c == category
    {
        return ranked.iter().take(3).copied().collect();
    }
    let Some(questions) = ctx.questions.questions.get(category) else {
        return Vec::new();
    };
    let words: std::collections::HashSet<&str> = (0..ctx.tokens.tokens.len())
        .map(|i| ctx.tokens.stem(i))
        .collect();
    let mut scored: Vec<(usize, usize)> = questions
        .iter()
        .enumerate()
        .map(|(i, stems)| {
            (
                stems.iter().filter(|s| words.contains(s.as_str())).count(),
                i,
            )
        })
        .collect();
    // Most shared words first; ties in question order.
    scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
    scored
        .into_iter()
        .take(3)
        .map(|(_, i)| Target::Question(i))
        .collect()
}

/// The link finding and its front matter fixes.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if let Some((message, range)) = &ctx.linked.problem {
        out.push(ctx.finding(Rule::Link, range.clone(), format!("{message}.")));
    }
    if ctx.linked.target.is_some() {
        return false;
    }
    let Some(category) = ctx.category else {
        return false;
    };
    let index = ctx
        .catalog
        .categories
        .iter()
        .position(|c| c.id == category.id)
        .unwrap_or(0);
    let nl = ctx.draft.newline;

    let message = format!(
        "Not linked to a question: add front matter (`category: {}`, `question: N`) or a heading with the question's text, so question-specific feedback runs.",
        category.id
    );
    let mut finding = ctx.finding(Rule::Link, ctx.anchor(), message);
    for target in suggestions(ctx, index) {
        let (key, number, text) = match target {
            Target::Question(q) => match category.questions.get(q) {
                Some(question) => ("question", question.number, question.text.as_str()),
                None => continue,
            },
            Target::Scenario(s) => match category.scenarios.get(s) {
                Some(scenario) => ("scenario", scenario.number, scenario.text.as_str()),
                None => continue,
            },
        };
        let edit = match &ctx.draft.front_matter {
            Some(fm) => {
                let mut text = String::new();
                if fm.category.is_none() {
                    text.push_str(&format!("category: {}{nl}", category.id));
                }
                text.push_str(&format!("{key}: {number}{nl}"));
                TextEdit {
                    range: fm.body_start..fm.body_start,
                    new_text: text,
                }
            }
            None => TextEdit {
                range: 0..0,
                new_text: format!(
                    "---{nl}category: {}{nl}{key}: {number}{nl}---{nl}{nl}",
                    category.id
                ),
            },
        };
        finding.fixes.push(Fix {
            title: format!("Link to {key} {number}: {}", text.trim()),
            edits: vec![edit],
        });
    }
    out.push(finding);
    false
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{analyze, analyze_file};
    use crate::{LinkVia, Rule};

    #[test]
    fn unlinked_drafts_get_an_information_finding_with_front_matter_fixes() {
        let text = "Partner incentives at Acme\n\nI structured incentives for resellers.\n";
        let report = analyze(text);
        assert_eq!(report.link.as_ref().map(|l| l.target.clone()), None);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == Rule::Link)
            .unwrap();
        assert_eq!(&text[f.range.clone()], "Partner incentives at Acme");
        assert!(f.message.starts_with("Not linked to a question"));
        assert_eq!(
            f.fixes[0].title,
            "Link to question 3: How do you structure partner incentives?"
        );
        assert_eq!(
            f.fixes[0].edits[0].new_text,
            "---\ncategory: partnerships\nquestion: 3\n---\n\n"
        );
    }

    #[test]
    fn an_untitled_plan_is_offered_the_scenario_its_prose_answers_first() {
        let text = "I would start by pulling last year's regulated deals into one sheet, bundled and direct side by side, and compare their win rates segment by segment. If the bundle really wins more often, I'd package the compliance services as one offer with a single quote, agree a revenue share with the alliance partner and train both sales teams on when to lead with it.\n";
        let report = analyze(text);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == Rule::Link)
            .unwrap();
        assert!(
            f.fixes[0].title.starts_with("Link to scenario 1: "),
            "{}",
            f.fixes[0].title
        );
        assert_eq!(
            f.fixes[0].edits[0].new_text,
            "---\ncategory: partnerships\nscenario: 1\n---\n\n"
        );
    }

    #[test]
    fn front_matter_links_by_number_id_and_text() {
        for value in [
            "3",
            "q3",
            "partnerships/q3",
            "How do you structure partner incentives?",
        ] {
            let text = format!("---\ncategory: partnerships\nquestion: {value}\n---\n\nBody.\n");
            let report = analyze(&text);
            let link = report.link.unwrap();
            assert_eq!(link.target.as_deref(), Some("partnerships/q3"), "{value}");
            assert_eq!(link.via, LinkVia::FrontMatter);
            assert_eq!(&text[link.range.unwrap()], value);
        }
        let report = analyze("---\nscenario: 2\n---\n\nBody.\n");
        assert_eq!(
            report.link.unwrap().target.as_deref(),
            Some("partnerships/scenario-2")
        );
    }

    #[test]
    fn bad_front_matter_values_are_reported_on_the_value() {
        let text = "---\ncategory: partnerships\nquestion: 12\n---\n\nBody.\n";
        let report = analyze(text);
        let links: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Link)
            .collect();
        assert_eq!(links.len(), 2);
        // Sorted by position: line 1 first, then the value.
        let (unlinked, f) = (links[0], links[1]);
        assert_eq!(&text[f.range.clone()], "12");
        assert_eq!(
            f.message,
            "Front matter `question: 12` links nothing: Partnerships has no question 12 (it has 10)."
        );
        // Still unlinked: the other finding offers the fix, into the existing front matter.
        assert_eq!(unlinked.fixes[0].edits[0].range, 4..4);
        assert_eq!(unlinked.fixes[0].edits[0].new_text, "question: 1\n");
    }

    #[test]
    fn heading_links_when_close() {
        let text = "# Structuring partner incentives\n\nBody.\n";
        let link = analyze(text).link.unwrap();
        assert_eq!(link.target.as_deref(), Some("partnerships/q3"));
        assert_eq!(link.via, LinkVia::Heading);
        assert_eq!(
            &text[link.range.unwrap()],
            "# Structuring partner incentives"
        );
        assert!(analyze("# My partner story\n\nBody.\n").link.is_none());
    }

    #[test]
    fn the_caller_can_link_explicitly() {
        use crate::{Options, Settings};
        let catalog = crate::rules::testing::catalog();
        let text = "---\nquestion: 1\n---\n\nBody.\n";
        for (value, target) in [
            ("partnerships/q3", Some("partnerships/q3")),
            ("3", Some("partnerships/q3")),
            ("partnerships/scenario-2", Some("partnerships/scenario-2")),
            ("partnerships", Some("partnerships/q1")),
        ] {
            let options = Options {
                link_override: Some(value),
                ..Options::default()
            };
            let link = crate::analyze_with(text, &options, &catalog, &Settings::default())
                .link
                .unwrap();
            assert_eq!(link.target.as_deref(), target, "{value}");
            let via = if value == "partnerships" {
                LinkVia::FrontMatter
            } else {
                LinkVia::Explicit
            };
            assert_eq!(link.via, via, "{value}");
        }
    }

    #[test]
    fn file_names_link_last() {
        for name in [
            "q3-incentives.md",
            "answers/question-3.md",
            "partnerships-q3.md",
            "Question3.md",
        ] {
            let link = analyze_file("Body.\n", name).link.unwrap();
            assert_eq!(link.target.as_deref(), Some("partnerships/q3"), "{name}");
            assert_eq!(link.via, LinkVia::FileName);
        }
        let link = analyze_file("Body.\n", "scenario-2.md").link.unwrap();
        assert_eq!(link.target.as_deref(), Some("partnerships/scenario-2"));
        assert!(analyze_file("Body.\n", "notes.md").link.is_none());
    }
}
