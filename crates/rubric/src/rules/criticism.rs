//! `criticism`: blaming or disparaging past teams, managers, colleagues, partners or customers.
//!
//! Why interviewers care: they hear how you will one day talk about them. Blame reads as low
//! ownership; a neutral description of the gap and what you did about it reads as judgement.
//!
//! Fires on: a sentence that blames someone else (`My manager blamed the partners`, `It was the
//! customer's fault`) or disparages them (`The previous team was incompetent`). One finding per
//! sentence, on the sentence.
//!
//! Does not fire on: negated blame in the same clause (`I never blamed the team`, see
//! [`crate::negation`]), self-critique (`I was sloppy with the handover`, `It was my fault`), or
//! anything in code or comments.
//!
//! Example: "The previous team was incompetent." fires with "“incompetent” criticises others".

use std::ops::Range;

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::negation::negated;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "criticism",
    default_severity: Severity::Warning,
    summary: "Blaming or disparaging past teams, managers, partners or customers.",
    scored: true,
    scope: Scope::Passage,
    advice: "Describe what happened neutrally and focus on what you changed; own the fix, not the blame.",
    citation_keywords: &["critici", "blam"],
    needs_prose: true,
};

/// Words that blame ([`crate::lexicon::Cue::Blame`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const BLAME: &[&str] = &[
    "blame", "blamed", "fault", "dropped the ball", "let us down", "let me down", "failed us",
    "screwed up", "messed up", "under the bus", "sabotage", "sabotaged", "because of them",
    "thanks to them", "their mess",
];

/// Words that disparage ([`crate::lexicon::Cue::Disparage`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const DISPARAGE: &[&str] = &[
    "incompetent", "incompetence", "lazy", "clueless", "useless", "hopeless", "terrible", "awful",
    "horrible", "dysfunctional", "toxic", "a mess", "a disaster", "a joke", "stupid", "idiot",
    "idiots", "dumb", "arrogant", "unprofessional", "sloppy", "careless", "no idea", "no clue",
    "didn't care", "did not care", "couldn't care less", "didn't bother", "couldn't be bothered",
    "worthless", "pathetic", "ignorant", "amateur", "amateurish", "unreliable", "dishonest",
    "greedy", "clown", "nightmare", "difficult to work with", "impossible to work with",
    "had no idea", "chaotic", "mediocre", "never delivered", "wouldn't listen", "didn't listen",
    "didn't know what", "checked out", "rude", "disorganised", "disorganized",
];

/// People or groups that can be criticised ([`crate::lexicon::Cue::Target`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const TARGETS: &[&str] = &[
    "team", "manager", "boss", "leadership", "executive", "management", "colleague", "coworker",
    "co-worker", "predecessor", "previous", "former", "partner", "customer", "client", "sales",
    "engineer", "engineering", "marketing", "product", "rep", "vendor", "they", "them", "their",
    "he", "she", "his", "her", "vp", "ceo", "cto", "cro", "founder", "director", "people", "staff",
    "org", "department", "alliance", "reseller", "head", "lead", "counterpart", "stakeholder",
];

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
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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
                other && !negated(ctx.text, ctx.tokens, h, &tokens)
            });
        let disparage = || {
            ctx.hits
                .in_range(Cue::Disparage, tokens.clone())
                .iter()
                .find(|h| !negated(ctx.text, ctx.tokens, h, &tokens) && subject_is_other(ctx, h, &tokens))
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
    use crate::rules::testing::{findings, spans};

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
