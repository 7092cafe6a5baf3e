//! `metrics` (no quantified impact) and `activity-volume` (effort counted instead of results).

use crate::lexicon::Cue;
use crate::numbers::{NumberKind, is_vague};
use crate::{Finding, Rule, SectionKind};

use super::{Ctx, Input, insert};

/// The first `count` metric names of the category for messages, else `generic`.
fn metric_examples(ctx: &Ctx<'_>, count: usize, generic: &str) -> String {
    let names: Vec<&str> = ctx
        .category
        .map(|c| {
            c.lexicons
                .metrics
                .iter()
                .take(count)
                .map(|m| m.name.as_str())
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() {
        generic.to_string()
    } else {
        names.join(", ")
    }
}

/// `metrics`: the whole answer has no number that measures impact.
pub(crate) fn check_metrics(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if ctx.quantities.iter().any(|q| q.metric) {
        return true;
    }
    let outcome = input
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Outcome);
    let range = outcome.map_or_else(|| ctx.anchor(), |s| s.heading.clone());
    let message = format!(
        "No quantified impact: add a before/after number ({}), a %, an amount or a multiple.{}",
        metric_examples(ctx, 4, "conversion rate, revenue, cycle time, retention"),
        ctx.guide(Rule::Metrics)
    );
    let mut finding = ctx.finding(Rule::Metrics, range, message);
    let nl = ctx.draft.newline;
    let placeholder = "[Metric] went from [X] to [Y] in [period].";
    // At the end of the outcome section, else at the end of the draft.
    let at = outcome.map_or(ctx.text.len(), |s| trim_back(ctx.text, s.range.end));
    let lead = if at == 0 {
        String::new()
    } else {
        format!("{nl}{nl}")
    };
    let tail = if at < ctx.text.len() {
        format!("{nl}{nl}")
    } else {
        nl.to_string()
    };
    finding.fixes.push(insert(
        "Insert a metric placeholder",
        at,
        format!("{lead}{placeholder}{tail}"),
    ));
    out.push(finding);
    true
}

/// The end of `text[..end]` without trailing whitespace.
fn trim_back(text: &str, end: usize) -> usize {
    text.get(..end).map_or(end, |t| t.trim_end().len())
}

/// `activity-volume`: counts of meetings, calls, partners recruited... with no business outcome
/// in the same or the next sentence.
pub(crate) fn check_activity(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
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
            None if verb => noun_phrase_end(ctx, i + 1, bounds.end),
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
            metric_examples(ctx, 3, "pipeline, revenue, win rate"),
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

/// Words that end a noun phrase.
const PHRASE_BREAKS: &[&str] = &[
    "and", "or", "with", "to", "for", "in", "at", "of", "on", "from", "by", "who", "which", "that",
    "but", "so", "than", "as", "into", "across", "over", "during", "per",
];

/// The end of the noun phrase that starts at token `from`: up to three words, stopping before a
/// function word.
fn noun_phrase_end(ctx: &Ctx<'_>, from: usize, limit: usize) -> usize {
    let mut end = from;
    while end < limit && end < from + 3 && !PHRASE_BREAKS.contains(&ctx.tokens.lower(end)) {
        end += 1;
    }
    end
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
    use crate::checks::testing::{findings, spans};

    #[test]
    fn no_metric_flags_the_outcome_heading_with_a_placeholder_fix() {
        let text = "## Situation\n\nIn Q3 2023 our channel was flat.\n\n## Result\n\nThings improved a lot.\n\n## Lessons\n\nStep 2 matters.\n";
        let found = findings(text, Rule::Metrics);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "## Result");
        assert!(
            found[0].message.starts_with("No quantified impact"),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .message
                .contains("Giving generic answers without numbers")
        );
        let edit = &found[0].fixes[0].edits[0];
        assert_eq!(
            edit.range.start,
            text.find(" a lot.").unwrap() + " a lot.".len()
        );
        assert!(edit.new_text.contains("[Metric] went from [X] to [Y]"));
    }

    #[test]
    fn without_an_outcome_section_the_first_line() {
        let text = "We met in 2022, spent 3 years on it.\nIt went well.";
        assert_eq!(
            spans(text, Rule::Metrics),
            ["We met in 2022, spent 3 years on it."]
        );
    }

    #[test]
    fn doubled_a_third_and_in_half_are_metrics() {
        for text in [
            "Partner-sourced pipeline doubled.",
            "We cut cycle time in half.",
            "A third of new revenue came through partners.",
            "Win rate rose 8%.",
            "We signed 4 new logos.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn list_numbers_dates_quarters_and_tenure_are_not_metrics() {
        let text = "1. In Q3 2023 I joined.\n2. By H2 and FY24 I had spent 3 years there.\n3. On 12 March at 9:30 we met.\n";
        let found = findings(text, Rule::Metrics);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(&text[found[0].range.clone()], "1. In Q3 2023 I joined.");
    }

    #[test]
    fn numbers_in_code_and_comments_do_not_count() {
        let text = "Revenue grew `40%` <!-- 30% -->.\n\n```\n$2M\n```\n";
        assert_eq!(findings(text, Rule::Metrics).len(), 1);
    }

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
