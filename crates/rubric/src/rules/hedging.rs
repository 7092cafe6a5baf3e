//! `hedging`: hedges that undercut the answer (I think, maybe, sort of).
//!
//! Why interviewers care: a claim wrapped in "I think" or "kind of" sounds unsure of itself; a
//! plain statement of what happened lands better. A coaching hint, not scored.
//!
//! Fires on: each hedge of the built-in list (`I think`, `maybe`, `probably`, `sort of`, `kind
//! of`, `I guess`...), on the hedge.
//!
//! Does not fire on: "kind of" and "sort of" as nouns (`this kind of partner`), hedges in code or
//! comments.
//!
//! Example: "I think we grew." fires on "I think".

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "hedging",
    default_severity: Severity::Hint,
    summary: "Hedges that undercut the answer (I think, maybe, sort of).",
    scored: false,
    scope: Scope::Passage,
    advice: "Drop the hedge and state it plainly.",
    citation_keywords: &[],
    needs_prose: true,
};

/// Hedges ([`crate::lexicon::Cue::Hedge`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const HEDGES: &[&str] = &[
    "i think", "maybe", "sort of", "kind of", "i guess", "probably", "perhaps", "i feel like",
    "i suppose", "kinda", "sorta",
];

/// Words before "kind of" / "sort of" that make it a noun ("this kind of partner").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "what", "any", "every", "a", "some", "which", "same", "these", "those",
    "one", "right", "wrong", "other", "each", "another", "whatever", "no",
];

/// `hedging`: one hint per hedge.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let t = ctx.tokens;
    for hit in ctx.hits.of(Cue::Hedge) {
        let first = t.lower(hit.start);
        if matches!(first, "kind" | "sort") && hit.start > 0 {
            let sentence = &t.sentences[t.tokens[hit.start].sentence()].tokens;
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

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

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
}
