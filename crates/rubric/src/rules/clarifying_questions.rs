//! `clarifying-questions`: a scenario answer that proposes actions before any clarifying question.
//!
//! Why interviewers care: in a hypothetical, the first thing they judge is whether you find out
//! the goals, constraints and what has been tried before prescribing; not asking clarifying
//! questions in scenario prompts is a mistake the guides name.
//!
//! Fires on: drafts linked to a scenario (or a question of kind `scenario`) whose first sentence
//! that proposes an action (a plan or action cue, or any sentence in an Action section) comes
//! before any question mark, clarifying cue or stated assumption. On that sentence.
//!
//! Does not fire on: scenario answers that ask or state assumptions first, and drafts that answer
//! a process or behavioural question (the rule does not apply to them and does not score).
//!
//! Example: `scenario: 1` / "I would launch a partner council. What is the budget?" fires on the
//! first sentence.

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, SectionKind, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "clarifying-questions",
    default_severity: Severity::Warning,
    summary: "A scenario answer that proposes actions without clarifying questions first.",
    scored: true,
    scope: Scope::Passage,
    advice: "Open with the questions you would ask first (goals, constraints, what has been tried) before proposing a plan.",
    citation_keywords: &["clarifying"],
    needs_prose: true,
};

/// Clarifying questions and stated assumptions ([`crate::lexicon::Cue::Clarify`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const CLARIFY: &[&str] = &[
    "clarify", "clarifying", "i would ask", "i'd ask", "i would first ask", "i'd first ask",
    "want to know", "want to understand", "need to know", "need to understand", "start by asking",
    "start by understanding", "first understand", "first ask", "assume", "assuming", "assumption",
    "assumptions", "it depends", "depends on", "i'd confirm", "i would confirm", "i'd check",
    "i would check", "find out", "to understand", "questions", "i'd want to learn",
    "before proposing", "before committing", "before i", "i'd validate", "i would validate",
    "i'd diagnose", "i would diagnose", "i'd dig into", "i would dig into",
];

/// Proposed actions in a scenario answer ([`crate::lexicon::Cue::Plan`]; also an action cue of [`crate::story`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const PLAN: &[&str] = &[
    "i would", "i'd", "i will", "i'll", "we would", "we'd", "we will", "we'll", "my plan",
    "the plan", "first step", "step one", "i propose", "i recommend", "i'd recommend", "let's",
    "i'm going to", "i am going to", "i plan", "my first", "i'd start", "i would start",
    "i'd launch", "i would launch", "i'd set up", "i'd build",
];

/// `clarifying-questions`: a scenario answer that proposes actions before asking or stating any
/// clarifying question or assumption. Only for scenario prompts.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if !ctx.is_scenario() {
        return false;
    }
    let t = ctx.tokens;
    // Sections are in document order and do not overlap: find the one holding `at`.
    let in_action_section = |at: usize| {
        let i = input.sections.partition_point(|s| s.range.start <= at);
        i > 0 && {
            let s = &input.sections[i - 1];
            s.kind == SectionKind::Action && s.range.contains(&at) && !s.heading.contains(&at)
        }
    };
    let mut first_action = None;
    for sentence in &t.sentences {
        let range = sentence.tokens.clone();
        let asks = ctx.text[sentence.range.clone()].contains('?')
            || ctx.hits.any_in(Cue::Clarify, range.clone());
        if asks {
            break;
        }
        let acts = ctx.hits.any_in(Cue::Plan, range.clone())
            || ctx.hits.any_in(Cue::ActionCue, range.clone())
            || in_action_section(sentence.range.start);
        if acts {
            first_action = Some(sentence.range.clone());
            break;
        }
    }
    if let Some(range) = first_action {
        let message = format!(
            "Proposes actions before any clarifying question: first ask (or state your assumptions about) goals, constraints and what has been tried.{}",
            ctx.guide(Rule::ClarifyingQuestions)
        );
        out.push(ctx.finding(Rule::ClarifyingQuestions, range, message));
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

    #[test]
    fn scenario_answers_must_ask_first() {
        let text =
            "---\nscenario: 1\n---\n\nI would launch a partner council. What is the budget?\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["I would launch a partner council."]
        );
        let f = &findings(text, Rule::ClarifyingQuestions)[0];
        assert!(
            f.message.contains("Not asking clarifying questions"),
            "{}",
            f.message
        );
    }

    #[test]
    fn asking_first_is_fine_and_non_scenarios_are_skipped() {
        let ok = "---\nscenario: 1\n---\n\nFirst I'd want to understand the goal. Then I would launch a council.\n";
        assert!(findings(ok, Rule::ClarifyingQuestions).is_empty());
        let question = "---\nquestion: 3\n---\n\nI would launch a partner council.\n";
        assert!(findings(question, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn scenario_kind_questions_count() {
        let text = "---\nquestion: 5\n---\n\nI'd set up a weekly sync.\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["I'd set up a weekly sync."]
        );
    }
}
