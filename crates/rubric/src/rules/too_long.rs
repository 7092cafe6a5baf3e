//! `too-long`: over the spoken-answer word budget.
//!
//! Why interviewers care: a spoken answer past two minutes loses the listener; lead with the core
//! story and expand when asked. The guides ask for concise answers.
//!
//! Fires on: a draft with more spoken words than the `word-budget` setting (300 by default;
//! front matter, code, comments, headings and bold labels do not count, and a hyphenated compound
//! such as `co-sell` is one word, as a word processor counts it; see [`crate::speaking`]). One
//! finding, on the first word past the budget, with the count and the speaking time at
//! `words-per-minute`.
//!
//! Does not fire on: drafts within the budget.
//!
//! Example: 303 words fire on the 301st: "303 words, about 2:01 spoken at 150 wpm: over the
//! 300-word budget (2:00)...".

use crate::context::{Ctx, Input};
use crate::rules::{Meta, Scope};
use crate::speaking::{clock, seconds};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "too-long",
    default_severity: Severity::Information,
    summary: "Over the spoken-answer word budget.",
    scored: true,
    scope: Scope::Draft,
    advice: "Cut to about {budget} words, roughly {time} spoken; keep the detail for follow-up questions.",
    citation_keywords: &["concise", "brief"],
    needs_prose: true,
};

/// `too-long`: over the word budget; on the first word past it.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let budget = ctx.settings.word_budget;
    let wpm = ctx.settings.words_per_minute;
    let Some(first_over) = input.words.get(budget) else {
        return true;
    };
    let count = input.words.len();
    let message = format!(
        "{count} words, about {} spoken at {wpm} wpm: over the {budget}-word budget ({}); lead with the core story and expand when asked.{}",
        clock(seconds(count, wpm)),
        clock(seconds(budget, wpm)),
        ctx.guide(Rule::TooLong)
    );
    let range = ctx.tokens.tokens[first_over].range();
    out.push(ctx.finding(Rule::TooLong, range, message));
    true
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{analyze_with_settings, findings};
    use crate::{Rule, Settings};

    #[test]
    fn flags_the_first_word_past_the_budget() {
        let mut text = String::from("# How do you run partner enablement?\n\n## Action\n\n");
        for i in 0..300 {
            text.push_str(if i == 299 { "last " } else { "word " });
        }
        text.push_str("over and more.");
        let found = findings(&text, Rule::TooLong);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "over");
        assert_eq!(
            found[0].message,
            "303 words, about 2:01 spoken at 150 wpm: over the 300-word budget (2:00); lead with the core story and expand when asked. Guide: “Keep responses concise, then expand if asked.”"
        );
    }

    #[test]
    fn budget_and_rate_come_from_settings() {
        let settings = Settings {
            word_budget: 50,
            words_per_minute: 100,
            ..Settings::default()
        };
        let text = "word ".repeat(60);
        let report = analyze_with_settings(&text, &settings);
        assert_eq!(report.words, 60);
        assert_eq!(report.speaking_seconds, 36);
        let f = report
            .findings
            .iter()
            .find(|f| f.rule == Rule::TooLong)
            .unwrap();
        assert_eq!(f.range.start, 250);
        assert!(
            f.message
                .starts_with("60 words, about 0:36 spoken at 100 wpm")
        );
    }

    #[test]
    fn within_budget_is_fine() {
        assert!(findings("Short answer.", Rule::TooLong).is_empty());
    }
}
