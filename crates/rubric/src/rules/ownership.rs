//! `ownership`: "we" where the interviewer needs to hear what you did.
//!
//! Why interviewers care: they are hiring you, not your team; an action told in "we" hides your
//! own part. A coaching hint, not scored.
//!
//! Fires on: an action section (or the whole draft when no section marks parts) where "we" comes
//! at least three times and more than twice as often as "I"; on the first "we".
//!
//! Does not fire on: a balanced account (`We built it. I led the design. I ran the pilots.`), or
//! "we" in the context and outcome sections.
//!
//! Example: "Then we built a program. We trained resellers and our team ran QBRs. I helped."
//! under `## Action` fires on the first "we".

use crate::context::{Ctx, Input};
use crate::rules::{Meta, Scope};
use crate::tokens::Person;
use crate::{Finding, Rule, SectionKind, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "ownership",
    default_severity: Severity::Hint,
    summary: "\"We\" where the interviewer needs to hear what you did.",
    scored: false,
    scope: Scope::Passage,
    advice: "Say \"I\" for what you did yourself; keep \"we\" for the team's results.",
    citation_keywords: &[],
    needs_prose: true,
};

/// `ownership`: "we" dominates "I" where the interviewer needs to hear what you did.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let t = ctx.tokens;
    let action: Vec<std::ops::Range<usize>> = input
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Action)
        .map(|s| s.heading.end..s.range.end)
        .collect();
    // Without an action part marked, the whole answer is the action.
    let scopes: Vec<std::ops::Range<usize>> =
        if action.is_empty() && input.sections.iter().all(|s| s.kind == SectionKind::Other) {
            std::iter::once(0..ctx.text.len()).collect()
        } else {
            action
        };
    for scope in scopes {
        let from = t.token_at_or_after(scope.start);
        let to = t.token_at_or_after(scope.end);
        let mut we = 0;
        let mut i = 0;
        let mut first_we = None;
        let at = t.pronouns.partition_point(|&(k, _)| k < from);
        for &(k, person) in t.pronouns[at..].iter().take_while(|&&(k, _)| k < to) {
            match person {
                Person::We => {
                    we += 1;
                    if first_we.is_none() && t.lower(k).starts_with("we") {
                        first_we = Some(k);
                    }
                }
                Person::I => i += 1,
            }
        }
        let Some(first) = first_we else { continue };
        if we >= 3 && we > 2 * i {
            let message = format!(
                "“We” {we} times, “I” {i} in the action: say what you did yourself; the interviewer is hiring you, not the team."
            );
            out.push(ctx.finding(Rule::Ownership, t.tokens[first].range.clone(), message));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

    #[test]
    fn we_dominating_the_action_section() {
        let text = "## Situation\n\nWe were flat.\n\n## Action\n\nThen we built a program. We trained resellers and our team ran QBRs. I helped.\n\n## Result\n\nUp 10%.\n";
        assert_eq!(spans(text, Rule::Ownership), ["we"]);
        let at = findings(text, Rule::Ownership)[0].range.start;
        assert_eq!(at, text.find("we built").unwrap());
        let balanced =
            "## Action\n\nWe built it. I led the design. I ran the pilots. We shipped.\n";
        assert!(findings(balanced, Rule::Ownership).is_empty());
    }
}
