//! Rules that depend on the linked question: `clarifying-questions` and `concepts`.

use std::collections::BTreeSet;

use crate::lexicon::Cue;
use crate::{Citation, Finding, Rule, SectionKind};

use super::{Ctx, Input};

/// `clarifying-questions`: a scenario answer that proposes actions before asking or stating any
/// clarifying question or assumption. Only for scenario prompts.
pub(crate) fn check_clarifying(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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

/// `concepts`: the linked question's talking points whose concepts the draft never touches.
pub(crate) fn check_concepts(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let (Some(category), Some(question)) = (ctx.category, ctx.question()) else {
        return false;
    };
    let expected: BTreeSet<usize> = question
        .talking_points
        .iter()
        .flat_map(|p| &p.concepts)
        .filter_map(|id| category.concepts.iter().position(|c| &c.id == id))
        .collect();
    if expected.is_empty() {
        return false;
    }
    let touched: BTreeSet<usize> = ctx.hits.concepts.iter().map(|(i, _)| *i as usize).collect();
    let missing: Vec<&str> = expected
        .iter()
        .filter(|i| !touched.contains(i))
        .filter_map(|&i| category.concepts.get(i).map(|c| c.name.as_str()))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let range = ctx
        .linked
        .range
        .clone()
        .filter(|_| ctx.linked.via == Some(crate::LinkVia::Heading))
        .unwrap_or_else(|| ctx.anchor());
    let message = format!(
        "Question {} expects talking points this draft does not touch yet: {}.",
        question.number,
        missing.join(", ")
    );
    let mut finding = ctx.finding(Rule::Concepts, range, message);
    finding.cites = Some(Citation {
        category: category.id.clone(),
        id: question.id.clone(),
        file: category.file.clone(),
        line: question.line,
        text: question.text.clone(),
    });
    out.push(finding);
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::checks::testing::{findings, spans};

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

    #[test]
    fn concepts_lists_untouched_talking_points() {
        let text = "---\nquestion: 3\n---\n\nWe paid partners on sourced revenue.\n";
        let found = findings(text, Rule::Concepts);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "Question 3 expects talking points this draft does not touch yet: Incentive alignment, Joint success metrics."
        );
        assert_eq!(found[0].cites.as_ref().unwrap().id, "partnerships/q3");
        let covered =
            "---\nquestion: 3\n---\n\nI aligned incentives and agreed joint success metrics.\n";
        assert!(findings(covered, Rule::Concepts).is_empty());
    }
}
