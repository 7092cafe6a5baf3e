//! The rules page the server writes beside the guide files (`rules.md`): what each rule checks, its
//! default level and the rubric lines it enforces, for diagnostics' code links and hover to point
//! at.

use std::fmt::Write as _;

use interview_content::{Catalog, Category};
use interview_rubric::Rule;

/// The rules page: one `## <rule id>` section per rule, with the rubric lines it enforces in each
/// category whose id is `linkable` (has a guide file `<id>.md` beside the page), linked to their
/// line there.
pub fn render(catalog: &Catalog, linkable: impl Fn(&str) -> bool) -> String {
    let mut page = String::from(
        "# interview-coach rules\n\nEach rule enforces a line of a category's Best Practices or \
         Mistakes to Avoid. Turn a rule off or change its level with `rules.<id>` in the \
         `interviewCoach` settings or the `[rules]` table of `.interview-coach.toml`.\n",
    );
    for rule in Rule::ALL {
        let _ = write!(
            page,
            "\n## {id}\n\n{summary}\n\nDefault level: {severity}.\n",
            id = rule.id(),
            summary = rule.summary(),
            severity = rule.default_severity(),
        );
        let cited: Vec<String> = catalog
            .categories
            .iter()
            .filter(|c| linkable(&c.id))
            .filter_map(|c| citation_line(c, *rule))
            .collect();
        if !cited.is_empty() {
            page.push_str("\nGrounded in:\n\n");
            for line in cited {
                page.push_str(&line);
            }
        }
    }
    page
}

/// `- Partnerships, Mistakes to Avoid: "…" (partnerships.md line 50)` for the line `rule` cites.
fn citation_line(category: &Category, rule: Rule) -> Option<String> {
    let citation = category
        .rule_citations
        .iter()
        .find(|c| c.rule == rule.id())?;
    let (section, line) = category
        .best_practices
        .iter()
        .map(|l| ("Best Practices", l))
        .chain(category.mistakes.iter().map(|l| ("Mistakes to Avoid", l)))
        .find(|(_, l)| l.id == citation.line_id)?;
    Some(format!(
        "- {title}, {section}: \"{text}\" ([{id}.md line {n}]({id}.md#L{n}))\n",
        title = category.title,
        text = line.text,
        id = category.id,
        n = line.line,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_section_and_cited_lines_link_to_their_guide_line() {
        let catalog = Catalog::embedded();
        let page = render(catalog, |_| true);
        for rule in Rule::ALL {
            assert!(page.contains(&format!("\n## {}\n", rule.id())), "{rule}");
        }
        assert!(page.contains("(partnerships.md#L"), "{page}");
        // A category without a guide file of its own gets no links.
        assert!(!render(catalog, |_| false).contains("partnerships.md#L"));
    }
}
