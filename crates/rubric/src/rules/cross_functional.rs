//! `cross-functional`: no alignment with marketing, product or customer success anywhere.
//!
//! Why interviewers care: partnerships and go-to-market work succeed through the rest of the
//! company; an answer where you acted alone suggests the work never reached the teams that had to
//! carry it. Ignoring cross-functional alignment is a mistake the guides name.
//!
//! Fires on: a draft that never mentions a team of marketing, product or customer success (the
//! category's `teams` lexicon, or "product" used as a team: `product team`, `aligned with
//! product on the roadmap`). One finding, on the title (or line 1).
//!
//! Does not fire on: a mention of one of the three teams of your own company (`Our customer
//! success managers owned renewals`). The partner's own teams (`their marketing team`) and sales,
//! finance or legal alone do not count as alignment.
//!
//! Example: "I launched it with our product." fires; "Marketing ran the campaign." does not.

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "cross-functional",
    default_severity: Severity::Warning,
    summary: "No alignment with marketing, product or customer success.",
    scored: true,
    scope: Scope::Draft,
    advice: "Say how you aligned marketing, product or customer success, and what each contributed.",
    citation_keywords: &["cross-functional", "cross functional"],
    needs_prose: true,
};

/// Cross-functional teams, besides the category's `teams` lexicon ([`crate::lexicon::Cue::Team`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const TEAMS: &[&str] = &[
    "marketing", "product marketing", "pmm", "product management", "product manager", "pm",
    "product team", "product org", "product organisation", "product organization", "product lead",
    "product leader", "product leadership", "product owner", "roadmap", "customer success",
    "cs team", "csm", "customer success manager", "account management", "demand gen",
    "demand generation",
];

/// Words after "product" that make it a team (`product team`, `product managers`).
const TEAM_NOUNS: &[&str] = &[
    "team",
    "teams",
    "manager",
    "managers",
    "management",
    "marketing",
    "lead",
    "leads",
    "leader",
    "leaders",
    "leadership",
    "org",
    "organisation",
    "organization",
    "owner",
    "owners",
    "counterpart",
    "counterparts",
    "side",
    "colleagues",
    "folks",
    "people",
    "group",
    "partner",
    "partners",
    "squad",
    "director",
    "vp",
    "head",
];
/// Words after "with product" that end the phrase (`aligned with product on the roadmap`).
const PHRASE_ENDS: &[&str] = &[
    "", "to", "on", "and", "or", "so", "for", "about", "in", "at", "from", "early", "weekly",
    "before", "as", "when", "while", "who", "which", "that", "until",
];

/// Whether the draft mentions a cross-functional team.
fn mentions_team(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    // The partner's own marketing team is not alignment inside your company.
    let theirs = |i: usize| {
        let from = i
            .saturating_sub(2)
            .max(t.sentences[t.tokens[i].sentence].tokens.start);
        (from..i).any(|j| {
            let w = t.lower(j);
            matches!(w, "their" | "its")
                || (w.starts_with("partner") && w.ends_with('\''))
                || w.ends_with("partner's")
        })
    };
    if ctx.hits.of(Cue::Team).iter().any(|r| !theirs(r.start)) {
        return true;
    }
    ctx.hits.of(Cue::ProductWord).iter().any(|r| {
        let i = r.start;
        let sentence = &t.sentences[t.tokens[i].sentence].tokens;
        let next = if i + 1 < sentence.end {
            t.lower(i + 1)
        } else {
            ""
        };
        let prev = if i > sentence.start {
            t.lower(i - 1)
        } else {
            ""
        };
        TEAM_NOUNS.contains(&next)
            || (matches!(
                prev,
                "with" | "and" | "across" | "between" | "from" | "looped"
            ) && PHRASE_ENDS.contains(&next))
    })
}

/// `cross-functional`: no marketing, product or customer success anywhere.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if mentions_team(ctx) {
        return true;
    }
    let message = format!(
        "No cross-functional alignment: say how you worked with marketing, product or customer success.{}",
        ctx.guide(Rule::CrossFunctional)
    );
    out.push(ctx.finding(Rule::CrossFunctional, ctx.anchor(), message));
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

    #[test]
    fn cross_functional_needs_a_team() {
        let text = "# How do you launch a co-sell motion?\n\nI launched it with our product.\n";
        assert_eq!(
            spans(text, Rule::CrossFunctional),
            ["# How do you launch a co-sell motion?"]
        );
        let f = &findings(text, Rule::CrossFunctional)[0];
        assert!(f.message.contains("Ignoring cross-functional alignment"));
        for ok in [
            "I aligned with product on the roadmap.",
            "Marketing ran the campaign.",
            "Our customer success managers owned renewals.",
            "The product team shipped the integration.",
        ] {
            assert!(findings(ok, Rule::CrossFunctional).is_empty(), "{ok}");
        }
    }
}
