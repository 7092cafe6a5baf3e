//! `concepts`: the linked question's talking points that the draft does not touch.
//!
//! Why interviewers care: each question has things a strong answer covers (for "How do you
//! structure partner incentives?", incentive alignment and joint success metrics); leaving them
//! out leaves points on the table.
//!
//! Fires on: a draft linked to a question whose companion lists talking points with concepts,
//! when some of those concepts (by name or synonym) appear nowhere in the prose. One finding
//! listing them, on the heading that linked the draft, else the title (or line 1); it cites the
//! question rather than a rubric line.
//!
//! Does not fire on: unlinked drafts, scenarios, questions without talking points (the rule does
//! not apply and does not score), or a draft that touches every expected concept.
//!
//! Example: `question: 3` / "We paid partners on sourced revenue." fires: "Question 3 expects
//! talking points this draft does not touch yet: Incentive alignment, Joint success metrics."

use std::collections::BTreeSet;

use crate::context::{Ctx, Input};
use crate::rules::{Meta, Scope};
use crate::{Citation, Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "concepts",
    default_severity: Severity::Hint,
    summary: "Expected talking points of the question that the draft does not touch.",
    scored: true,
    scope: Scope::Draft,
    advice: "Touch on the talking points listed, or say briefly why they do not apply.",
    citation_keywords: &[],
    needs_prose: true,
};

/// `concepts`: the linked question's talking points whose concepts the draft never touches.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let (Some(category), Some(question)) = (ctx.category, ctx.question()) else {
        return false;
    };
    let expected: BTreeSet<usize> = question
        .talking_points
        .iter()
        .flat_map(|p| &p.concepts)
        .filter_map(|id| category.concepts.iter().position(|c| &c.id == id))
        .collect();
    if expected.is_empty() {
        return false;
    }
    let touched: BTreeSet<usize> = ctx.hits.concepts.iter().map(|(i, _)| *i as usize).collect();
    let missing: Vec<&str> = expected
        .iter()
        .filter(|i| !touched.contains(i))
        .filter_map(|&i| category.concepts.get(i).map(|c| c.name.as_str()))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let range = ctx
        .linked
        .range
        .clone()
        .filter(|_| ctx.linked.via == Some(crate::LinkVia::Heading))
        .unwrap_or_else(|| ctx.anchor());
    let message = format!(
        "Question {} expects talking points this draft does not touch yet: {}.",
        question.number,
        missing.join(", ")
    );
    let mut finding = ctx.finding(Rule::Concepts, range, message);
    finding.cites = Some(Citation {
        category: category.id.clone(),
        id: question.id.clone(),
        file: category.file.clone(),
        line: question.line,
        text: question.text.clone(),
    });
    out.push(finding);
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::findings;

    #[test]
    fn concepts_lists_untouched_talking_points() {
        let text = "---\nquestion: 3\n---\n\nWe paid partners on sourced revenue.\n";
        let found = findings(text, Rule::Concepts);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "Question 3 expects talking points this draft does not touch yet: Incentive alignment, Joint success metrics."
        );
        assert_eq!(found[0].cites.as_ref().unwrap().id, "partnerships/q3");
        let covered =
            "---\nquestion: 3\n---\n\nI aligned incentives and agreed joint success metrics.\n";
        assert!(findings(covered, Rule::Concepts).is_empty());
    }
}
