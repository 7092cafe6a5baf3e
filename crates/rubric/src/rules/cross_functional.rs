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
//! success managers owned renewals`, `our head of product`, `Marketing refreshes the deck`).
//!
//! What counts is read from the team word's noun phrase (see `read`): a possessor other than
//! `my`/`our` makes the team another party's (`the retailer's product team`, `their marketing`),
//! and a team word that only modifies a head noun naming no people is a topic, not a team
//! (`marketing development funds`, `customer success stories`); a head naming people keeps it a
//! team (`marketing department`, `product council`). Sales, finance or legal alone do not count.
//!
//! Example: "I launched it with our product." fires; "Marketing ran the campaign." does not.

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::syntax::UPOS;
use crate::who;
use std::ops::Range;
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
    needs_prose: false,
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

/// Person and group nouns a team word can name people with (`marketing team`, `product
/// council`), besides agent nouns (`manager`, `director`): a closed class of collective nouns.
const GROUP_NOUNS: &[&str] = &[
    "department", "departments", "function", "functions", "unit", "units", "council", "councils",
    "staff", "crew", "office", "pod", "pods", "guild", "guilds", "officer", "officers",
];

/// Whose a team word is, or whether it names a team at all, read from its noun phrase.
#[derive(Debug, PartialEq, Eq)]
enum Reading {
    /// A team of the speaker's company (`our PMs`, `Marketing ran it`).
    Own,
    /// Another party's team (`the retailer's product team`, `their marketing`).
    Other,
    /// A topic, not a team: the word modifies a noun that names no people (`marketing funds`,
    /// `customer success stories`, `a marketing agency`).
    Topic,
}

/// Whether `lower` can head a phrase naming people (`team`, `managers`, `department`).
fn names_people(lower: &str) -> bool {
    TEAM_NOUNS.contains(&lower) || GROUP_NOUNS.contains(&lower) || who::agent_noun(lower)
}

/// How the team word at draft tokens `hit` reads in its noun phrase; `None` when the sentence
/// has no syntax.
fn read(ctx: &Ctx<'_>, hit: &Range<usize>) -> Option<Reading> {
    let (s, k) = ctx.syntax_at(hit.start)?;
    let last = s.of_token(hit.end - 1).unwrap_or(k);
    let Some(phrase) = s.phrase_at(k) else {
        return Some(Reading::Own);
    };
    let lower = |i: usize| s.tagged.lower(i);
    // A possessor before the word owns it: `our` and `my` (or `our company's`) make it the
    // speaker's; any other (`their`, `its`, `the partner's`, `Acme's`) another party's.
    if let Some(p) = phrase.possessor.filter(|&p| p < k) {
        let owner = lower(p);
        let ours = who::own(owner)
            || (p > phrase.tokens.start && who::own(lower(p - 1)))
            || (p > 0 && who::own(lower(p - 1)) && owner.ends_with("'s"));
        return Some(if ours { Reading::Own } else { Reading::Other });
    }
    // A team that owns something is a team (`customer success's churn data`).
    if lower(last).ends_with("'s") || phrase.possessor.is_some_and(|p| (k..=last).contains(&p)) {
        return Some(Reading::Own);
    }
    // The word modifies a later head noun: a team only when that head names people. A head
    // that takes an object right after it is a verb the tagger read as a plural noun
    // (`marketing refreshes every deck`).
    let head = phrase.head;
    let noun = matches!(s.pos(head), UPOS::NOUN | UPOS::PROPN)
        && !matches!(s.pos(head + 1), UPOS::DET | UPOS::PRON | UPOS::NUM);
    if head > last && phrase.tokens.contains(&head) && noun && !names_people(lower(head)) {
        return Some(Reading::Topic);
    }
    Some(Reading::Own)
}

/// Whether the draft mentions a cross-functional team of the speaker's company.
fn mentions_team(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    // Without syntax: the partner's own marketing team is not alignment inside your company.
    let theirs = |i: usize| {
        let from = i
            .saturating_sub(2)
            .max(t.sentences[t.tokens[i].sentence()].tokens.start);
        (from..i).any(|j| {
            let w = t.lower(j);
            matches!(w, "their" | "its")
                || (w.starts_with("partner") && w.ends_with('\''))
                || w.ends_with("partner's")
        })
    };
    let own = |r: &Range<usize>| match read(ctx, r) {
        Some(reading) => reading == Reading::Own,
        None => !theirs(r.start),
    };
    if ctx.hits.of(Cue::Team).iter().any(own) {
        return true;
    }
    ctx.hits.of(Cue::ProductWord).iter().any(|r| {
        let i = r.start;
        let sentence = &t.sentences[t.tokens[i].sentence()].tokens;
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
        let before = if i > sentence.start + 1 {
            t.lower(i - 2)
        } else {
            ""
        };
        // `product team`, `Chief Product Officer`, `head of product`.
        let group = |w: &str| TEAM_NOUNS.contains(&w) || GROUP_NOUNS.contains(&w);
        (group(next)
            || (prev == "of" && group(before) && own(&(i - 2..i - 1)))
            || (matches!(
                prev,
                "with" | "and" | "across" | "between" | "from" | "looped"
            ) && PHRASE_ENDS.contains(&next)))
            && own(r)
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

    #[test]
    fn another_partys_team_does_not_count() {
        for fires in [
            "The bank's product managers reviewed our connector every month.",
            "Their marketing department ran the launch.",
            "I met their head of product twice.",
            "The hospital's customer success lead praised the rollout.",
        ] {
            assert_eq!(findings(fires, Rule::CrossFunctional).len(), 1, "{fires}");
        }
        for ok in [
            "Our company's marketing team ran the launch.",
            "The bank's analysts and our product managers agreed on scope.",
        ] {
            assert!(findings(ok, Rule::CrossFunctional).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_team_word_on_a_thing_is_a_topic() {
        for fires in [
            "I spent the marketing development funds on two webinars.",
            "I gathered customer success stories for the partner deck.",
        ] {
            assert_eq!(findings(fires, Rule::CrossFunctional).len(), 1, "{fires}");
        }
        for ok in [
            "The marketing department ran the launch.",
            "I used customer success's renewal data to rank the resellers.",
            "Our head of product joined every call.",
            "Our Chief Product Officer signed off.",
        ] {
            assert!(findings(ok, Rule::CrossFunctional).is_empty(), "{ok}");
        }
    }
}
