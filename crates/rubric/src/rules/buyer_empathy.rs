//! `buyer-empathy`: tactics only, never the end customer's or buyer's needs.
//!
//! Why interviewers care: partnerships exist to serve a buyer; an answer that never says what the
//! customer needed sounds like sales tactics without business understanding.
//!
//! Fires on: a draft with no buyer phrase (the category's `buyer` lexicon) and no buyer word
//! (customer, client, buyer, user, prospect) within three words of a need word (needed, pain,
//! struggled, valued...). One finding, on the title (or line 1).
//!
//! Does not fire on: any such mention. "Customer success" is a team, not the customer: it does not
//! count as one.
//!
//! Example: "We ran joint campaigns and tracked pipeline." fires; "Customers struggled to pass
//! audits." does not.

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "buyer-empathy",
    default_severity: Severity::Information,
    summary: "No sign of the end customer's or buyer's needs, only tactics.",
    scored: true,
    scope: Scope::Draft,
    advice: "Show what the end customer or buyer needed and how your approach served them, not only the tactics.",
    citation_keywords: &["empathy", "buyer"],
    needs_prose: true,
};

/// The buyer's needs, besides the category's `buyer` lexicon ([`crate::lexicon::Cue::Buyer`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const BUYER: &[&str] = &[
    "buyer", "buying", "end customer", "end user", "end-user", "customer need", "customers need",
    "customer's need", "customer needs", "pain point", "pain", "use case", "use-case", "icp",
    "persona", "jobs to be done", "jtbd", "workflow", "procurement", "buying committee",
    "customer problem", "customer experience", "customer value", "value to customers",
    "for customers", "for the customer", "customers wanted", "customers asked", "customer wanted",
    "customer asked", "what customers", "customer feedback", "customer outcome", "customer journey",
    "their needs", "user need", "compliance need", "buyers",
];

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
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::findings;

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
}
