//! `criticism`: blaming or disparaging past teams, managers, colleagues, partners or customers.

use std::ops::Range;

use crate::lexicon::Cue;
use crate::{Finding, Rule};

use super::{Ctx, Input};

/// Words that speak of oneself: "I was sloppy" is self-critique, not criticism.
const SELF: &[&str] = &[
    "i",
    "me",
    "my",
    "myself",
    "we",
    "us",
    "our",
    "ourselves",
    "i'm",
    "i'd",
];

/// Whether token `i` negates what follows (`not`, `never`, `didn't`).
pub(crate) fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not" | "never" | "no" | "without" | "nobody" | "none" | "neither" | "nor" | "hardly"
    ) || lower.ends_with("n't")
        || lower.ends_with("n’t")
}

/// A negation among the five words before `hit`, in the same clause (`I never said the partner
/// was lazy`, but not `They weren't late, but they were clueless`).
fn negated(ctx: &Ctx<'_>, hit: &Range<usize>, sentence: &Range<usize>) -> bool {
    let t = ctx.tokens;
    let mut j = hit.start;
    while j > sentence.start && hit.start - j < 5 {
        let gap = &ctx.text[t.tokens[j - 1].range.end..t.tokens[j].range.start];
        if gap.contains([',', ';', ':', '—', '–']) {
            return false;
        }
        j -= 1;
        let word = t.lower(j);
        if matches!(
            word,
            "but" | "although" | "though" | "however" | "yet" | "whereas"
        ) {
            return false;
        }
        if is_negation(word) {
            return true;
        }
    }
    false
}

/// The person or group a disparaging word is about: the nearest target or self word before it,
/// else the first target after it.
fn subject_is_other(ctx: &Ctx<'_>, hit: &Range<usize>, sentence: &Range<usize>) -> bool {
    for j in (sentence.start..hit.start).rev() {
        if SELF.contains(&ctx.tokens.lower(j)) {
            return false;
        }
        if ctx.hits.covers(Cue::Target, j) {
            return true;
        }
    }
    (hit.end..sentence.end).any(|j| ctx.hits.covers(Cue::Target, j))
}

/// Whether a blame word has someone other than the speaker to blame.
fn blames_other(ctx: &Ctx<'_>, hit: &Range<usize>, sentence: &Range<usize>) -> bool {
    (sentence.start..sentence.end)
        .filter(|j| !hit.contains(j))
        .any(|j| ctx.hits.covers(Cue::Target, j))
        || hit.clone().any(|j| ctx.hits.covers(Cue::Target, j))
}

/// One finding per sentence that blames or disparages someone else, unless negated.
pub(crate) fn check_criticism(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    for sentence in &ctx.tokens.sentences {
        let tokens = sentence.tokens.clone();
        let blame = ctx
            .hits
            .in_range(Cue::Blame, tokens.clone())
            .iter()
            .find(|h| {
                // "blame" points at its object; "fault", "dropped the ball" at their subject.
                let other = if ctx.tokens.lower(h.start).starts_with("blam") {
                    blames_other(ctx, h, &tokens)
                } else {
                    subject_is_other(ctx, h, &tokens)
                };
                other && !negated(ctx, h, &tokens)
            });
        let disparage = || {
            ctx.hits
                .in_range(Cue::Disparage, tokens.clone())
                .iter()
                .find(|h| !negated(ctx, h, &tokens) && subject_is_other(ctx, h, &tokens))
        };
        let Some(hit) = blame.or_else(disparage) else {
            continue;
        };
        let message = format!(
            "“{}” criticises others: interviewers hear blame; describe the gap neutrally and what you did about it.{}",
            ctx.words(hit.clone()),
            ctx.guide(Rule::Criticism)
        );
        out.push(ctx.finding(Rule::Criticism, sentence.range.clone(), message));
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::checks::testing::{findings, spans};

    #[test]
    fn blame_and_disparagement_of_others() {
        let text = "The previous team was incompetent. My manager blamed the partners for everything. It was the customer's fault.";
        assert_eq!(
            spans(text, Rule::Criticism),
            [
                "The previous team was incompetent.",
                "My manager blamed the partners for everything.",
                "It was the customer's fault."
            ]
        );
        let f = &findings(text, Rule::Criticism)[0];
        assert!(
            f.message.starts_with("“incompetent” criticises others"),
            "{}",
            f.message
        );
        assert!(f.message.contains("Criticizing past teams or customers"));
    }

    #[test]
    fn negation_is_respected() {
        let text = "I never blamed the team. It wasn't the partner's fault. The team wasn't lazy. I never said the partner was lazy.";
        assert!(findings(text, Rule::Criticism).is_empty());
    }

    #[test]
    fn self_critique_is_not_criticism() {
        let text = "I underestimated the partner's onboarding needs. I was sloppy with the handover. We were disorganised at first.";
        assert!(findings(text, Rule::Criticism).is_empty());
    }

    #[test]
    fn own_faults_are_self_critique() {
        let text = "It was my fault. I dropped the ball with the partner. We messed up the launch.";
        assert!(findings(text, Rule::Criticism).is_empty());
        let text = "Their CEO dropped the ball. I blamed the reseller team.";
        assert_eq!(spans(text, Rule::Criticism).len(), 2);
    }

    #[test]
    fn code_and_comments_are_not_prose() {
        let text = "We shipped `the team was incompetent` as a test string.\n\n<!-- my manager was useless -->\n\n```\nThe partners were lazy.\n```\n";
        assert!(findings(text, Rule::Criticism).is_empty());
    }

    #[test]
    fn crlf_and_non_ascii_ranges() {
        let text = "## Situation\r\n\r\nÜber-Partner: the previous team was clueless — sadly.\r\n";
        assert_eq!(
            spans(text, Rule::Criticism),
            ["Über-Partner: the previous team was clueless — sadly."]
        );
    }

    #[test]
    fn a_negated_clause_does_not_hide_a_later_one() {
        let text = "I didn't blame them, but honestly the reseller team was clueless.";
        assert_eq!(spans(text, Rule::Criticism).len(), 1);
        let text = "Nobody said it, but the partner was lazy.";
        assert_eq!(spans(text, Rule::Criticism).len(), 1);
    }
}
