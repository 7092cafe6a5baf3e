//! Coaching extras: `hedging` and `ownership`.

use crate::lexicon::Cue;
use crate::tokens::Person;
use crate::{Finding, Rule, SectionKind};

use super::{Ctx, Input};

/// Words before "kind of" / "sort of" that make it a noun ("this kind of partner").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "what", "any", "every", "a", "some", "which", "same", "these", "those",
    "one", "right", "wrong", "other", "each", "another", "whatever", "no",
];

/// `hedging`: one hint per hedge.
pub(crate) fn check_hedging(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let t = ctx.tokens;
    for hit in ctx.hits.of(Cue::Hedge) {
        let first = t.lower(hit.start);
        if matches!(first, "kind" | "sort") && hit.start > 0 {
            let sentence = &t.sentences[t.tokens[hit.start].sentence].tokens;
            if hit.start > sentence.start && DETERMINERS.contains(&t.lower(hit.start - 1)) {
                continue;
            }
        }
        let words = ctx.words(hit.clone());
        let message = format!(
            "“{words}” hedges: say it plainly; a confident claim lands better with interviewers."
        );
        out.push(ctx.finding(Rule::Hedging, ctx.span(hit.clone()), message));
    }
    false
}

/// `ownership`: "we" dominates "I" where the interviewer needs to hear what you did.
pub(crate) fn check_ownership(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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
    use crate::checks::testing::{findings, spans};

    #[test]
    fn hedges_are_flagged_each() {
        let text = "I think we grew. Maybe it was sort of luck. This kind of partner is rare.";
        assert_eq!(spans(text, Rule::Hedging), ["I think", "Maybe", "sort of"]);
        assert!(
            findings(text, Rule::Hedging)[0]
                .message
                .starts_with("“I think” hedges")
        );
    }

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
