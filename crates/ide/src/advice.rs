//! How to address each rule's findings: the advice hover shows under a finding and `check` prints
//! as a `help:` line.

use interview_rubric::{Rule, Settings};

use crate::hover::duration;

/// How to address a rule's finding, in one or two sentences. `{budget}` and `{time}` stand for
/// the word budget and its speaking time; [`advice_for`] fills them in.
pub fn advice(rule: Rule) -> &'static str {
    match rule {
        Rule::Structure => {
            "Give the answer its four parts: context (the situation and what was at stake), action (what you did), outcome (the result, with numbers) and learning (what you took away). A heading or a `Result:` label per part makes them easy to follow."
        }
        Rule::Metrics => {
            "Add at least one number that shows impact: a percentage, revenue, cycle time, win rate or retention, with before and after and over what period."
        }
        Rule::ActivityVolume => {
            "Follow the activity count with what it produced: pipeline, revenue, win rate or time saved."
        }
        Rule::Criticism => {
            "Describe what happened neutrally and focus on what you changed; own the fix, not the blame."
        }
        Rule::CrossFunctional => {
            "Say how you aligned marketing, product or customer success, and what each contributed."
        }
        Rule::ClarifyingQuestions => {
            "Open with the questions you would ask first (goals, constraints, what has been tried) before proposing a plan."
        }
        Rule::BuyerEmpathy => {
            "Show what the end customer or buyer needed and how your approach served them, not only the tactics."
        }
        Rule::RoleStage => {
            "Tie the answer to the role you are interviewing for and the company's stage (startup, scale-up, enterprise)."
        }
        Rule::TooLong => {
            "Cut to about {budget} words, roughly {time} spoken; keep the detail for follow-up questions."
        }
        Rule::Concepts => {
            "Touch on the talking points listed, or say briefly why they do not apply."
        }
        Rule::Hedging => "Drop the hedge and state it plainly.",
        Rule::Ownership => {
            "Say \"I\" for what you did yourself; keep \"we\" for the team's results."
        }
        Rule::Link => {
            "Add front matter with `category:` and `question:` (or `scenario:`), or make the first heading the question's text."
        }
    }
}

/// [`advice`] with the settings' word budget and its speaking time filled in.
pub fn advice_for(rule: Rule, settings: &Settings) -> String {
    let seconds = u32::try_from(settings.word_budget.saturating_mul(60)).unwrap_or(u32::MAX)
        / settings.words_per_minute.max(1);
    advice(rule)
        .replace("{budget}", &settings.word_budget.to_string())
        .replace("{time}", &duration(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_advice_and_the_budget_is_filled_in() {
        for rule in Rule::ALL {
            assert!(!advice(*rule).is_empty(), "{rule:?}");
        }
        let settings = Settings {
            word_budget: 300,
            words_per_minute: 150,
            ..Settings::default()
        };
        assert_eq!(
            advice_for(Rule::TooLong, &settings),
            "Cut to about 300 words, roughly 2:00 spoken; keep the detail for follow-up questions."
        );
    }
}
