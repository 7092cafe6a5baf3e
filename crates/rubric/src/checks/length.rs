//! `too-long`, word counts and speaking time.

use crate::{Finding, Rule, Section};

use super::{Ctx, Input};

/// Indices of the tokens that are spoken words: prose outside headings and labels.
pub(crate) fn counted_words(ctx: &Ctx<'_>, sections: &[Section]) -> Vec<usize> {
    let mut marks: Vec<std::ops::Range<usize>> =
        sections.iter().map(|s| s.heading.clone()).collect();
    marks.sort_by_key(|r| r.start);
    let tokens = ctx.tokens;
    let mut out = Vec::with_capacity(tokens.tokens.len());
    // Every token outside the headings and labels, a run at a time.
    let mut next = 0;
    for mark in marks {
        let first = tokens.token_at_or_after(mark.start).max(next);
        out.extend(next..first);
        next = first.max(tokens.token_at_or_after(mark.end));
    }
    out.extend(next..tokens.tokens.len());
    out
}

/// Seconds to say `words` at `wpm` words per minute, rounded.
pub(crate) fn seconds(words: usize, wpm: u32) -> u32 {
    let wpm = wpm.max(1) as u64;
    ((words as u64 * 60 + wpm / 2) / wpm).min(u32::MAX as u64) as u32
}

/// `m:ss`.
pub(crate) fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `too-long`: over the word budget; on the first word past it.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let budget = ctx.settings.word_budget;
    let wpm = ctx.settings.words_per_minute;
    let Some(&first_over) = input.words.get(budget) else {
        return true;
    };
    let count = input.words.len();
    let message = format!(
        "{count} words, about {} spoken at {wpm} wpm: over the {budget}-word budget ({}); lead with the core story and expand when asked.{}",
        clock(seconds(count, wpm)),
        clock(seconds(budget, wpm)),
        ctx.guide(Rule::TooLong)
    );
    let range = ctx.tokens.tokens[first_over].range.clone();
    out.push(ctx.finding(Rule::TooLong, range, message));
    true
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{analyze_with_settings, findings};
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
