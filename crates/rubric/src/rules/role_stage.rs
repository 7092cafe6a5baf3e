//! `role-stage`: the answer never ties itself to the role or the company's stage.
//!
//! Why interviewers care: what good looks like differs at a seed startup and at an enterprise, and
//! for a first partnerships hire and a head of partnerships; saying where you were shows you know
//! which playbook fits.
//!
//! Fires on: a draft with no stage or role phrase (startup, Series B, scale-up, growth-stage,
//! enterprise, public company, head of partnerships, partner manager... and the category's
//! `stages` lexicon). One finding, on the title (or line 1).
//!
//! Does not fire on: any such phrase in the prose.
//!
//! Example: "I rebuilt enablement." fires; "As a Series B startup we had no channel." does not.

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "role-stage",
    default_severity: Severity::Information,
    summary: "The answer never ties itself to the role or the company's stage.",
    scored: true,
    scope: Scope::Draft,
    advice: "Tie the answer to the role you are interviewing for and the company's stage (startup, scale-up, enterprise).",
    citation_keywords: &["company stage", "role", "stage"],
    needs_prose: true,
};

/// Company stage and role phrases, besides the category's `stages` lexicon ([`crate::lexicon::Cue::Stage`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const STAGES: &[&str] = &[
    "startup", "start-up", "early-stage", "early stage", "seed", "series a", "series b", "series c",
    "series d", "scale-up", "scaleup", "growth stage", "growth-stage", "late-stage", "late stage",
    "public company", "ipo", "pre-ipo", "fortune 500", "smb", "mid-market", "midmarket",
    "enterprise", "company stage", "stage", "role", "this position", "product-market fit", "pmf",
    "first partnerships hire", "first hire", "founder", "headcount", "employees", "-person company",
    "person company", "bootstrapped", "venture", "seniority", "head of partnerships",
    "partner manager", "vp of", "director of",
];

/// `role-stage`: never ties the answer to the role or the company's stage.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if !ctx.hits.of(Cue::Stage).is_empty() {
        return true;
    }
    let message = format!(
        "No role or company stage: say what the role expected and where the company was (startup, scale-up, enterprise).{}",
        ctx.guide(Rule::RoleStage)
    );
    out.push(ctx.finding(Rule::RoleStage, ctx.anchor(), message));
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::findings;

    #[test]
    fn role_stage() {
        assert_eq!(findings("I rebuilt enablement.", Rule::RoleStage).len(), 1);
        assert!(findings("As a Series B startup we had no channel.", Rule::RoleStage).is_empty());
    }
}
