//! Rules about what an answer should mention somewhere: `cross-functional`, `buyer-empathy`,
//! `role-stage`. Each gives one finding on the title (or line 1) when the draft never does.

use crate::lexicon::Cue;
use crate::{Finding, Rule};

use super::{Ctx, Input};

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
pub(crate) fn check_cross_functional(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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

/// Stems of people who buy or use.
const BUYERS: &[&str] = &["custom", "client", "buyer", "user", "prospect", "end"];
/// Stems of what they need.
const NEEDS: &[&str] = &[
    "need",
    "want",
    "pain",
    "problem",
    "struggl",
    "care",
    "valu",
    "ask",
    "request",
    "prioriti",
    "goal",
    "experi",
    "feedback",
    "journey",
    "workflow",
    "challeng",
    "expect",
    "frustrat",
    "complain",
    "demand",
    "requir",
    "concern",
    "risk",
    "trust",
    "success",
    "outcom",
    "benefit",
    "interview",
    "listen",
    "understand",
];

/// Whether the draft shows the buyer's needs: a buyer phrase, or a buyer word near a need word
/// ("customers struggled to", "what clients valued").
fn mentions_buyer(ctx: &Ctx<'_>) -> bool {
    // "customer success" is a team, not the customer.
    let in_team = |r: &std::ops::Range<usize>| {
        ctx.hits
            .covering(Cue::Team, r.start)
            .any(|t| t.end >= r.end)
    };
    if ctx.hits.of(Cue::Buyer).iter().any(|r| !in_team(r)) {
        return true;
    }
    let t = ctx.tokens;
    (0..t.tokens.len()).any(|i| {
        if !BUYERS.contains(&t.stem(i)) {
            return false;
        }
        // "customer success" is a team, not the customer.
        if t.stem(i + 1) == "success" && t.stem(i) == "custom" {
            return false;
        }
        let sentence = &t.sentences[t.tokens[i].sentence].tokens;
        let from = i.saturating_sub(3).max(sentence.start);
        let to = (i + 4).min(sentence.end);
        (from..to).any(|j| j != i && NEEDS.iter().any(|n| t.stem(j).starts_with(n)))
    })
}

/// `buyer-empathy`: tactics only, never the end customer's or buyer's needs.
pub(crate) fn check_buyer(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if mentions_buyer(ctx) {
        return true;
    }
    let message = format!(
        "No buyer perspective: say what the end customer needed and how the work served them, not only tactics.{}",
        ctx.guide(Rule::BuyerEmpathy)
    );
    out.push(ctx.finding(Rule::BuyerEmpathy, ctx.anchor(), message));
    true
}

/// `role-stage`: never ties the answer to the role or the company's stage.
pub(crate) fn check_role_stage(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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
    use crate::checks::testing::{findings, spans};

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

    #[test]
    fn buyer_empathy_needs_the_customer_need() {
        assert_eq!(
            findings(
                "We ran joint campaigns and tracked pipeline.",
                Rule::BuyerEmpathy
            )
            .len(),
            1
        );
        assert_eq!(
            findings("Our customer success team ran QBRs.", Rule::BuyerEmpathy).len(),
            1
        );
        for ok in [
            "Customers struggled to pass audits.",
            "I started from the buyer's compliance risk.",
            "The end customer wanted one contract.",
        ] {
            assert!(findings(ok, Rule::BuyerEmpathy).is_empty(), "{ok}");
        }
    }

    #[test]
    fn role_stage() {
        assert_eq!(findings("I rebuilt enablement.", Rule::RoleStage).len(), 1);
        assert!(findings("As a Series B startup we had no channel.", Rule::RoleStage).is_empty());
    }
}
