//! `activity-volume`: effort counted (meetings, calls, partners recruited) instead of results.
//!
//! Why interviewers care: forty meetings say how busy you were, not what changed. Interviewers
//! listen for the business outcome the activity produced; over-focusing on activity volume is a
//! mistake the guides name.
//!
//! Fires on: a count of activity (a digit, a large or vague number: `40 partner meetings`,
//! `dozens of calls`, `trained 150 partner reps`) with no business result (a metric, or an outcome
//! word with a word of result) in the same sentence or the next one before a new heading. The
//! finding covers the activity phrase, verb included.
//!
//! Does not fire on: counts of results (`closed 12 deals`), small spelled-out counts (`two
//! partners`), durations (`3 months of calls`), labels (`Step 2`), or a count followed by what it
//! produced (`which produced $2M in pipeline`).
//!
//! Example: "I ran 40 meetings with resellers." fires on "ran 40 meetings".

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::noun_phrase::noun_phrase_end;
use crate::numbers::{NumberKind, is_vague};
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "activity-volume",
    default_severity: Severity::Warning,
    summary: "Activity counts presented without a business outcome.",
    scored: true,
    scope: Scope::Passage,
    advice: "Follow the activity count with what it produced: pipeline, revenue, win rate or time saved.",
    citation_keywords: &["activity"],
    needs_prose: true,
};

/// Effort nouns that are counted, besides the category's `activities` lexicon ([`crate::lexicon::Cue::Activity`]; [`crate::numbers`] reads them too). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const ACTIVITIES: &[&str] = &[
    "meeting", "call", "cold call", "email", "webinar", "demo", "event", "workshop", "training",
    "session", "touchpoint", "message", "outreach", "intro", "introduction", "pitch",
    "presentation", "conference", "qbr", "visit", "follow-up", "follow up", "lunch", "dinner",
    "interview", "post", "sequence", "enablement session", "partners recruited",
    "partners signed", "partners onboarded", "reps trained", "office hours", "check-in", "sync",
];

/// Verbs that go with an activity count ([`crate::lexicon::Cue::ActivityVerb`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const ACTIVITY_VERBS: &[&str] = &[
    "recruit", "sign", "onboard", "send", "sent", "made", "make", "held", "hold", "ran", "run",
    "host", "book", "attend", "contact", "schedule", "did", "deliver", "pitched", "pitch",
    "organise", "organize", "reach out to", "reached out to", "logged", "log", "conducted",
    "conduct", "added", "add",
];

/// `activity-volume`: counts of meetings, calls, partners recruited... with no business outcome
/// in the same or the next sentence.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let t = ctx.tokens;
    let hits = ctx.hits;
    for q in ctx.quantities {
        if q.kind != NumberKind::Count || q.metric {
            continue;
        }
        let i = q.tokens.start;
        // "two competing pitches" is incidental; volume is a digit count or a big or vague one.
        if SMALL_NUMBERS.contains(&t.lower(i)) {
            continue;
        }
        let sentence = t.tokens[i].sentence;
        let bounds = t.sentences[sentence].tokens.clone();
        let verb = i > bounds.start && is_activity_verb(ctx, i - 1);
        // The activity noun within a few words (`40 partner meetings`, `dozens of calls`), or the
        // noun phrase after an activity verb (`trained 150 partner reps`).
        let noun = (i + 1..(i + 4).min(bounds.end)).find(|&j| hits.covers(Cue::Activity, j));
        let noun_end = match noun {
            Some(noun) => hits
                .covering(Cue::Activity, noun)
                .map(|r| r.end)
                .max()
                .unwrap_or(noun + 1),
            None if verb => noun_phrase_end(ctx.tokens, i + 1, bounds.end),
            None => continue,
        };
        if noun_end <= i + 1 || has_outcome(ctx, sentence, i..noun_end) {
            continue;
        }
        // The verb belongs to the phrase: "ran 40 meetings".
        let lead = verb || (i > bounds.start && hits.covers(Cue::ActivityVerb, i - 1));
        let start = if lead { i - 1 } else { i };
        let phrase = ctx.words(start..noun_end);
        let vague = if is_vague(t, i) {
            " (a vague count)"
        } else {
            ""
        };
        let message = format!(
            "“{phrase}” counts activity{vague}, not outcomes: say what it produced ({}).{}",
            ctx.metric_examples(3, "pipeline, revenue, win rate"),
            ctx.guide(Rule::ActivityVolume)
        );
        out.push(ctx.finding(Rule::ActivityVolume, ctx.span(start..noun_end), message));
    }
    true
}

/// Spelled-out counts too small to be volume.
const SMALL_NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Stems of verbs whose count is effort: `recruited 30`, `trained 150`, `emailed 200`.
const EFFORT_VERBS: &[&str] = &[
    "recruit",
    "sign",
    "onboard",
    "train",
    "contact",
    "email",
    "call",
    "met",
    "pitch",
    "demo",
    "demoe",
    "host",
    "certifi",
    "enabl",
    "visit",
    "interview",
    "sent",
    "attend",
    "book",
    "schedul",
];

/// Whether token `j` is a verb of effort (built in, or an activity word of the category).
fn is_activity_verb(ctx: &Ctx<'_>, j: usize) -> bool {
    let lower = ctx.tokens.lower(j);
    (lower.ends_with("ed") || matches!(lower, "met" | "sent" | "ran" | "held"))
        && (EFFORT_VERBS.contains(&ctx.tokens.stem(j)) || ctx.hits.covers(Cue::Activity, j))
}

/// A business outcome in sentence `sentence` or the next: a metric, or an outcome word with a
/// word of result (`which generated pipeline`).
fn has_outcome(ctx: &Ctx<'_>, sentence: usize, activity: std::ops::Range<usize>) -> bool {
    let t = ctx.tokens;
    let from = t.sentences[sentence].tokens.start;
    // The next sentence, unless a heading starts a new section first.
    let here = &t.sentences[sentence];
    let to = match t.sentences.get(sentence + 1) {
        Some(next) => {
            let headings = &ctx.draft.headings;
            let h = headings.partition_point(|h| h.range.start < here.range.end);
            let heading_between = headings
                .get(h)
                .is_some_and(|h| h.range.start <= next.range.start);
            if heading_between {
                here.tokens.end
            } else {
                next.tokens.end
            }
        }
        None => here.tokens.end,
    };
    let outside = |r: &std::ops::Range<usize>| r.end <= activity.start || r.start >= activity.end;
    // Quantities are in document order: look only at those of the two sentences.
    let first = ctx.quantities.partition_point(|q| q.tokens.start < from);
    if ctx.quantities[first..]
        .iter()
        .take_while(|q| q.tokens.start < to)
        .any(|q| q.metric && outside(&q.tokens))
    {
        return true;
    }
    // An outcome word and a separate word of result: "delivered" alone is both and proves
    // nothing; weak change words ("up", "from") are not enough either.
    let results: Vec<&std::ops::Range<usize>> = ctx
        .hits
        .in_range(Cue::OutcomeCue, from..to)
        .iter()
        .filter(|r| outside(r))
        .collect();
    ctx.hits
        .in_range(Cue::Outcome, from..to)
        .iter()
        .filter(|r| outside(r))
        .any(|o| results.iter().any(|r| r.end <= o.start || r.start >= o.end))
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

    #[test]
    fn activity_counts_without_outcomes() {
        let text = "I ran 40 meetings with resellers. We also recruited 30 partners and made dozens of calls.";
        assert_eq!(
            spans(text, Rule::ActivityVolume),
            [
                "ran 40 meetings",
                "recruited 30 partners",
                "made dozens of calls"
            ]
        );
        let f = &findings(text, Rule::ActivityVolume)[0];
        assert!(
            f.message
                .starts_with("“ran 40 meetings” counts activity, not outcomes"),
            "{}",
            f.message
        );
        assert!(f.message.contains("Over-focusing on activity volume"));
    }

    #[test]
    fn activity_counts_with_outcomes_are_fine() {
        let text = "I ran 40 meetings with resellers, which produced $2M in pipeline. We recruited 30 partners. Together they generated 12 new deals.";
        assert!(
            spans(text, Rule::ActivityVolume).is_empty(),
            "{:?}",
            spans(text, Rule::ActivityVolume)
        );
    }

    #[test]
    fn a_result_under_the_next_heading_does_not_excuse_activity() {
        let text = "## Action\n\nI hosted 3 webinars.\n\n## Outcome\n\nIt went well.\n";
        assert_eq!(spans(text, Rule::ActivityVolume), ["hosted 3 webinars"]);
        let text = "I hosted 3 webinars. They delivered 40% more pipeline.";
        assert!(spans(text, Rule::ActivityVolume).is_empty());
    }

    #[test]
    fn effort_verbs_make_activity_phrases() {
        let text = "I trained 150 partner reps and delivered 24 certification sessions.";
        assert_eq!(
            spans(text, Rule::ActivityVolume),
            [
                "trained 150 partner reps",
                "delivered 24 certification sessions"
            ]
        );
        assert!(
            spans(
                "We closed 12 deals and signed two partners.",
                Rule::ActivityVolume
            )
            .is_empty()
        );
    }

    #[test]
    fn messages_stay_on_one_line() {
        let text = "We ran dozens of office\nhours.";
        let found = findings(text, Rule::ActivityVolume);
        assert_eq!(&text[found[0].range.clone()], "ran dozens of office\nhours");
        assert!(
            found[0]
                .message
                .starts_with("“ran dozens of office hours” counts activity"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn durations_and_labels_are_not_activity() {
        let text = "For 3 months of calls I learned. Step 2 meetings were short.";
        assert!(findings(text, Rule::ActivityVolume).is_empty());
    }
}
