//! Numbers in the prose and what they are: a metric, a count, or a date, quarter, time, duration
//! or label that says nothing about impact.

use std::ops::Range;

use crate::lexicon::{Cue, Hits};
use crate::tokens::Tokens;

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberKind {
    /// A percentage, an amount of money, a multiplier, a ratio (`3:1`), a magnitude (`2M`).
    Metric,
    /// A year, a date, a time of day, or the second half of a range or date (`2024`, `3/14`).
    Period,
    /// `1st`, `3rd`.
    Ordinal,
    /// A count of days, weeks, months, quarters or years.
    Duration,
    /// A number that labels (`step 2`, `phase 3`, `top 10`).
    Label,
    /// Any other count (`40 meetings`, `12 deals`), or a spelled-out one (`three`, `dozens`).
    Count,
}

/// A number and whether it quantifies impact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quantity {
    /// Its tokens (one word, or a phrase such as "cut in half").
    pub tokens: Range<usize>,
    /// What kind of number it is.
    pub kind: NumberKind,
    /// Whether it counts as quantified impact.
    pub metric: bool,
    /// Its place among the quantities of its sentence, which keeps what is read of it.
    pub place: u32,
}

const CURRENCY: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '¢'];
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];
const PERCENT_WORDS: &[&str] = &[
    "percent",
    "pct",
    "pp",
    "bps",
    "percentage",
    "basis",
    "points",
    "pts",
];
const MONEY_WORDS: &[&str] = &[
    "million", "billion", "thousand", "mn", "bn", "k", "m", "mm", "usd", "eur", "gbp", "dollars",
    "euros", "pounds", "dollar", "euro",
];
/// Words after which a number labels rather than counts (`step 2`, `phase 3`, `top 10`).
const LABEL_NOUNS: &[&str] = &[
    "step",
    "phase",
    "question",
    "version",
    "tier",
    "level",
    "round",
    "number",
    "no",
    "chapter",
    "section",
    "item",
    "point",
    "option",
    "priority",
    "page",
    "slide",
    "wave",
    "cohort",
    "series",
    "day",
    "week",
    "month",
    "year",
    "quarter",
    "top",
    "figure",
    "table",
    "q",
    "h",
    "fy",
    "v",
    "stage",
    "iso",
    "soc",
    "rule",
    "pillar",
    "part",
    "milestone",
    "sprint",
    "release",
    "grade",
    "cycle",
    "batch",
    "#",
];
const VAGUE_COUNTS: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "countless",
    "numerous",
    "endless",
];

/// Finds the numbers of the prose and decides which are metrics.
pub(crate) fn quantities(text: &str, tokens: &Tokens, hits: &Hits) -> Vec<Quantity> {
    let mut out = Vec::new();
    for i in 0..tokens.tokens.len() {
        let lower = tokens.lower(i);
        let kind = if lower.starts_with(|c: char| c.is_ascii_digit()) {
            digit_kind(text, tokens, hits, i)
        } else if hits.covers(Cue::NumberWord, i) {
            spelled_kind(tokens, hits, i)
        } else {
            continue;
        };
        let metric = match kind {
            NumberKind::Metric => true,
            NumberKind::Count => {
                counts_outcomes(tokens, hits, i) || in_metric_change(tokens, hits, i, lower)
            }
            NumberKind::Duration => in_metric_change(tokens, hits, i, lower),
            _ => false,
        };
        out.push(Quantity {
            tokens: i..i + 1,
            kind,
            metric,
            place: 0,
        });
    }
    for range in hits.of(Cue::MetricWord) {
        out.push(Quantity {
            tokens: range.clone(),
            kind: NumberKind::Metric,
            metric: true,
            place: 0,
        });
    }
    out.sort_by_key(|q| (q.tokens.start, q.tokens.end));
    for (place, q) in out.iter_mut().enumerate() {
        q.place = u32::try_from(place).unwrap_or(u32::MAX);
    }
    out
}

/// A spelled-out number is a percentage when a word of percent follows it in its sentence
/// (`seventy percent`, `eight per cent`, `four points`), an amount when a magnitude or a currency
/// does (`four million`, `nineteen million dollars`; not `thousand`, which as often counts
/// people), a duration when a unit of time does (`twelve weeks`), else a count.
fn spelled_kind(tokens: &Tokens, hits: &Hits, i: usize) -> NumberKind {
    let sentence = &tokens.sentences[tokens.tokens[i].sentence()].tokens;
    let next = |k: usize| {
        if i + k < sentence.end {
            tokens.lower(i + k)
        } else {
            ""
        }
    };
    if PERCENT_WORDS.contains(&next(1))
        || (next(1) == "per" && next(2) == "cent")
        || (MONEY_WORDS.contains(&next(1)) && next(1) != "thousand")
    {
        NumberKind::Metric
    } else if i + 1 < sentence.end
        && hits.covers(Cue::TimeUnit, i + 1)
        && !tokens.lower(i + 1).ends_with("ly")
    {
        NumberKind::Duration
    } else {
        NumberKind::Count
    }
}

/// Whether vague count words such as "dozens" are at token `i`.
pub(crate) fn is_vague(tokens: &Tokens, i: usize) -> bool {
    VAGUE_COUNTS.contains(&tokens.lower(i))
}

/// Classifies a token that starts with a digit.
fn digit_kind(text: &str, tokens: &Tokens, hits: &Hits, i: usize) -> NumberKind {
    let token = &tokens.tokens[i];
    let lower = tokens.lower(i);
    let digits_end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(lower.len());
    let (digits, suffix) = lower.split_at(digits_end);
    let before = &text[..token.start()];
    let after = &text[token.end()..];
    let sentence = &tokens.sentences[token.sentence()].tokens;
    let next = |k: usize| {
        if i + k < sentence.end {
            tokens.lower(i + k)
        } else {
            ""
        }
    };
    let prev = if i > sentence.start {
        tokens.lower(i - 1)
    } else {
        ""
    };

    // Money and percentages win over everything else: `$2024` is an amount.
    let before_char = before.trim_end_matches(' ').chars().next_back();
    if before_char.is_some_and(|c| CURRENCY.contains(&c)) {
        return NumberKind::Metric;
    }
    let after_trim = after.trim_start_matches(' ');
    if after_trim.starts_with(['%', '×']) || after.starts_with('x') {
        return NumberKind::Metric;
    }
    if after.starts_with('-') && hyphen_run_is_percent(after) {
        return NumberKind::Metric;
    }
    match suffix {
        "x" | "k" | "m" | "mm" | "bn" | "b" | "mn" | "pp" | "bps" => return NumberKind::Metric,
        "st" | "nd" | "rd" | "th" => return NumberKind::Ordinal,
        "am" | "pm" | "h" | "hrs" => return NumberKind::Period,
        "s" if digits.len() == 4 => return NumberKind::Period,
        _ => {}
    }
    let per_cent = next(1) == "per" && next(2) == "cent";
    if per_cent || PERCENT_WORDS.contains(&next(1)) || MONEY_WORDS.contains(&next(1)) {
        return NumberKind::Metric;
    }
    // A ratio (`3:1`, `3.5:1`, `1:4`): a colon and one digit standing alone; a time of day
    // has two after the colon (`9:30`).
    let ratio = |rest: &str| {
        rest.strip_prefix(':').is_some_and(|r| {
            let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            digits == 1 && !r[1..].starts_with(|c: char| c.is_alphanumeric() || c == ':')
        })
    };
    if ratio(after) {
        return NumberKind::Metric;
    }
    // Dates, times, versions and the second half of ranges.
    let joined_before = before
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '/' | ':' | '-' | '.' | '–'))
        && before
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit());
    let joined_after =
        after.starts_with(['/', ':', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit());
    if joined_before || joined_after {
        return NumberKind::Period;
    }
    if digits.len() == 4
        && suffix.is_empty()
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
    {
        return NumberKind::Period;
    }
    if MONTHS.contains(&prev) || MONTHS.contains(&next(1)) {
        return NumberKind::Period;
    }
    if !suffix.is_empty() {
        // `3d`, `2fa`: not a count we can read.
        return NumberKind::Label;
    }
    if LABEL_NOUNS.contains(&prev) {
        return NumberKind::Label;
    }
    // `3 months`, `6 long weeks`; not a frequency adjective (`150 monthly reviews` counts reviews).
    for k in 1..=2 {
        if i + k < sentence.end
            && hits.covers(Cue::TimeUnit, i + k)
            && !tokens.lower(i + k).ends_with("ly")
        {
            return NumberKind::Duration;
        }
    }
    NumberKind::Count
}

/// `10-15%`: a hyphenated run of digits that ends in a percent sign.
fn hyphen_run_is_percent(after: &str) -> bool {
    let run = after
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '.' | ',')))
        .unwrap_or(after.len());
    after[run..].trim_start_matches(' ').starts_with('%')
}

/// A count followed closely by an outcome noun (`12 new logos`), not by an activity (`40 calls`).
fn counts_outcomes(tokens: &Tokens, hits: &Hits, i: usize) -> bool {
    let end = tokens.sentences[tokens.tokens[i].sentence()].tokens.end;
    for j in i + 1..(i + 4).min(end) {
        if hits.covers(Cue::Activity, j) {
            return false;
        }
        if hits.covers(Cue::OutcomeNoun, j) {
            return true;
        }
    }
    false
}

/// A number in a sentence that names a metric and a change (`win rate went from 18 to 27`).
fn in_metric_change(tokens: &Tokens, hits: &Hits, i: usize, lower: &str) -> bool {
    // Measured values are written in digits; "the two partnerships" counts nothing.
    if !lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let sentence = tokens.sentences[tokens.tokens[i].sentence()].tokens.clone();
    let term = hits
        .in_range(Cue::MetricTerm, sentence.clone())
        .iter()
        .any(|r| !r.contains(&i));
    term && hits
        .in_range(Cue::Change, sentence)
        .iter()
        .any(|r| !r.contains(&i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::memo::scan_prose;

    /// The quantities of `text`: words, kind, and whether each is a metric.
    fn quantities_of(text: &str) -> Vec<(String, NumberKind, bool)> {
        let lexicon = Lexicon::new(None);
        let prose = scan_prose(text, Some((&lexicon, (0, 0))), None);
        prose
            .quantities
            .into_iter()
            .map(|q| {
                (
                    text[prose.tokens.span(q.tokens)].to_string(),
                    q.kind,
                    q.metric,
                )
            })
            .collect()
    }

    fn metrics(text: &str) -> Vec<String> {
        quantities_of(text)
            .into_iter()
            .filter_map(|(words, _, metric)| metric.then_some(words))
            .collect()
    }

    fn kinds(text: &str) -> Vec<(String, NumberKind)> {
        quantities_of(text)
            .into_iter()
            .map(|(words, kind, _)| (words, kind))
            .collect()
    }

    #[test]
    fn percentages_money_and_multipliers_are_metrics() {
        assert_eq!(
            metrics(
                "Win rate rose 40%, we added $2.5M ARR, €300k, a 3x lift and 2× reach, 10-15% more."
            ),
            ["40", "2.5M", "300k", "3x", "2", "10", "15"]
        );
        assert_eq!(
            metrics("Up 12 percent, 7 per cent and 150 bps."),
            ["12", "7", "150"]
        );
        assert!(metrics("We met 3 per week.").is_empty());
        assert_eq!(metrics("It brought 2 million dollars."), ["2"]);
    }

    #[test]
    fn spelled_out_percentages_are_metrics() {
        assert_eq!(
            metrics("Up eight percent, ten per cent and four points; three people."),
            ["eight", "ten", "four"]
        );
    }

    #[test]
    fn spelled_out_amounts_are_metrics() {
        assert_eq!(
            kinds("It added four million in pipeline, nineteen million dollars in all."),
            [
                ("four".to_string(), NumberKind::Metric),
                ("nineteen".to_string(), NumberKind::Metric)
            ]
        );
        assert!(metrics("We trained two thousand sellers.").is_empty());
    }

    #[test]
    fn numbers_are_read_in_the_prose_not_the_markup() {
        // Emphasis between a number and its unit does not hide the unit.
        let text = "Revenue grew **40**% and *$2M* more, in `3` steps.";
        let mask = crate::draft::Draft::parse(text).mask;
        let lexicon = Lexicon::new(None);
        let prose = scan_prose(&mask, Some((&lexicon, (0, 0))), None);
        let found: Vec<(&str, bool)> = prose
            .quantities
            .iter()
            .map(|q| (&text[prose.tokens.span(q.tokens.clone())], q.metric))
            .collect();
        assert_eq!(found, [("40", true), ("2M", true)]);
    }

    #[test]
    fn words_that_quantify_are_metrics() {
        assert_eq!(
            metrics("Pipeline doubled. We cut cycle time in half and churn by a third."),
            ["doubled", "in half", "by a third"]
        );
    }

    #[test]
    fn counts_of_outcomes_are_metrics_counts_of_activity_are_not() {
        assert_eq!(
            metrics("We closed 12 new deals and three new logos."),
            ["12", "three"]
        );
        assert!(metrics("I ran 40 meetings and 200 emails.").is_empty());
    }

    #[test]
    fn metric_changes_with_durations() {
        assert_eq!(
            metrics("Cycle time dropped from 90 to 60 days."),
            ["90", "60"]
        );
        assert!(metrics("I spent 3 years there and 6 months on it.").is_empty());
    }

    #[test]
    fn a_frequency_adjective_does_not_make_a_duration() {
        let kinds = kinds("We held 20 weekly stand-ups and 6 monthly reviews over 3 months.");
        assert_eq!(
            kinds,
            [
                ("20".to_string(), NumberKind::Count),
                ("6".to_string(), NumberKind::Count),
                ("3".to_string(), NumberKind::Duration),
            ]
        );
    }

    #[test]
    fn labels_are_exact_words_not_stems() {
        // "generated" shares its stem with "generation"; it is no label.
        assert_eq!(metrics("Partners generated 12 new deals."), ["12"]);
    }

    #[test]
    fn dates_years_quarters_times_and_labels_are_not_metrics() {
        let text = "In Q3 2023, on March 3, at 10:30 and 3pm, 3/14, step 2, FY24, H2, the 1st call, 2024-03-01, the 1990s, top 10.";
        assert!(metrics(text).is_empty(), "{:?}", kinds(text));
        let kinds = kinds("In 2023 on March 3 the 1st step 2 for 3 months");
        assert_eq!(
            kinds,
            [
                ("2023".to_string(), NumberKind::Period),
                ("3".to_string(), NumberKind::Period),
                ("1st".to_string(), NumberKind::Ordinal),
                ("2".to_string(), NumberKind::Label),
                ("3".to_string(), NumberKind::Duration),
            ]
        );
    }

    #[test]
    fn currency_years_are_money() {
        assert_eq!(metrics("We booked $2024 of services."), ["2024"]);
    }
}
