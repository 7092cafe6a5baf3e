//! `metrics`: no quantified impact anywhere in the answer.
//!
//! Why interviewers care: "it went well" tells them nothing; a before/after number (win rate,
//! revenue, cycle time, retention), a percentage, an amount or a multiple is the evidence that the
//! work mattered. Generic answers without numbers are the first mistake the guides list.
//!
//! Fires on: a draft whose prose has no number that measures impact: [`crate::numbers`] finds the
//! candidates (%, currency, multiples, counts of results, "doubled", "cut in half", "a third"),
//! and [`crate::impact::is_impact`] reads each from its clause, so a draft whose only numbers
//! count people or partners (`seven reseller partners asked`, `from 25 partners to 180
//! partners`), rate an activity (`85% of the staff finished the track`, `the finish rate is
//! 91%`), state a term (`a 12% referral commission`), set a target as a requirement (`was
//! required to log three opportunities`), sit in a condition, plan or wish (`if the margin is 8%`,
//! `I will talk to three customers`, `I'd rather have ten partners than a hundred logos`) or
//! give a size or window in a hyphenated modifier (`a 1,200-person integrator`, `a 20-minute
//! module`, `12-month retention`), give an amount before a noun that names no result (`a $2B
//! distributor`, `a $90k enablement budget`), multiply something that is no result (`doubled
//! the number of newsletters`, `logins doubled`) or give where things stood when the writer
//! arrived (`we were at about $30M ARR when I joined`) fires too. So does a story (not a plan, whose
//! targets the model was not taught) whose only impact numbers sit in sentences of eight words
//! or more that a model learned from labelled passages (`crate::learned`,
//! `models/metrics-result.tsv`) reads as measuring a result with probability under 0.1 (`Their
//! own revenue had doubled since the IPO, and they wanted a second vendor`).
//! One finding, on the Outcome heading when there is one, else on the title (or line 1), with a
//! fix that inserts a placeholder sentence at the end of the outcome section (else of the draft).
//!
//! Does not fire on: a result as a change (`up 31%`, `+48% YoY`, `rose from 14 to 31`), a level
//! of a result (`94% gross retention`, `onboarding time is 19 days versus 44`), a share of a
//! result (`35% of that closed`, `58% of the resellers closed a deal`), a ratio of a set whose
//! verb's object is a result (`four of five new resellers closed a first deal`), an amount of a result
//! (`the result was $12M in pipeline`), a count of results (`seven co-sell deals`), a
//! percentage spelled out (`about forty percent of revenue`, `up four points`). Never
//! counted as impact: a band of magnitude that gives no number (`double-digit growth`), dates,
//! years, quarters (Q3, H2), durations a result came in (`in 12 months`), list numbers, company sizes, counts of activities, or numbers in code, front matter
//! and comments.
//!
//! Example: `## Result` / `Things improved a lot.` fires; `Win rate rose 8%.` does not.

use crate::context::{Ctx, Input, insert};
use crate::impact::measures_result;
use crate::rules::{Meta, Scope};
use crate::{Finding, Rule, SectionKind, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "metrics",
    default_severity: Severity::Warning,
    summary: "No quantified impact anywhere in the answer.",
    scored: true,
    scope: Scope::Draft,
    advice: "Add at least one number that shows impact: a percentage, revenue, cycle time, win rate or retention, with before and after and over what period.",
    citation_keywords: &["without numbers", "numbers", "quantif", "metrics"],
    needs_prose: false,
};

/// `metrics`: the whole answer has no number that measures impact.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    // A plan's target is read by the clauses alone: the model learned results from stories.
    let plan = input.parts.plan;
    if ctx
        .quantities
        .iter()
        .any(|q| measures_result(ctx, q, plan))
    {
        return true;
    }
    let outcome = input
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Outcome);
    let range = outcome.map_or_else(|| ctx.anchor(), |s| s.heading.clone());
    let message = format!(
        "No quantified impact: add a before/after number ({}), a %, an amount or a multiple.{}",
        ctx.metric_examples(4, "conversion rate, revenue, cycle time, retention"),
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

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

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
    fn where_things_stood_when_the_writer_arrived_is_context() {
        for text in [
            "For context, we were at about $30M ARR when I joined, selling mostly direct.",
            "When I joined (Series A, roughly $3M ARR, 40 people) there was no partner programme.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
        // A change since then is a result, and so is a number in a later clause.
        for text in [
            "When I joined we grew ARR from $3M to $9M in two years.",
            "When I joined we were at $3M ARR, and two years later we had grown it 40%.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
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
    fn ratios_spelled_changes_and_fourfold_are_metrics() {
        for text in [
            "Finance put the return at roughly 4:1 once salaries were loaded.",
            "Onboarding went from twelve weeks to five after the rewrite.",
            "Renewals from the channel rose fivefold over the year.",
            "Average contract value was up by a fifth.",
            // Read past a word of approximation on either end.
            "Time to a first deal fell from about seven months to under three.",
            "The framework cut our bid-to-award time from seven months to about ten weeks.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
        // A time of day is no ratio.
        assert_eq!(findings("We met at 9:30 every Monday.", Rule::Metrics).len(), 1);
    }

    #[test]
    fn a_count_of_results_the_work_only_looked_at_is_no_impact() {
        for text in [
            "We mapped 4,800 accounts with the partner's health practice.",
            "I reviewed 2,000 partner opportunities by hand.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
        // Won, not looked at.
        let text = "We closed 48 accounts with the partner's health practice.";
        assert!(findings(text, Rule::Metrics).is_empty());
    }

    #[test]
    fn an_amount_that_is_the_predicate_of_be_measures_its_subject() {
        // The subject names no result: a target or a cost, not an outcome.
        for text in [
            "The board's target for the channel was $4M in the first year.",
            "The yearly cost of the programme is roughly $200k.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
        assert!(findings("Partner-sourced revenue was $4M that year.", Rule::Metrics).is_empty());
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
    fn activity_rates_terms_counts_of_people_and_required_targets_are_not_impact() {
        for text in [
            "Last spring 85% of the reseller staff finished the onboarding track.",
            "By the end of the year we had 5 modules live and 88% of reseller sellers certified.",
            "I offered resellers a 12% referral commission on new bookings.",
            "The completion rate of the reseller course is 91%.",
            "Each reseller was required to log three qualified opportunities per quarter.",
            "To remain in the Silver tier a partner must register two qualified opportunities per quarter.",
            "Seven reseller partners asked us for a formal agreement.",
            "I took the programme from 25 partners to 180 partners in a year.",
            "Three of our five resellers attended the spring workshop.",
            "The alliance delivered double-digit growth in the region.",
            "This year we doubled the number of partner newsletters.",
            "We run the alliance with a $2B distributor.",
            "Finance approved a $90k enablement budget.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
    }

    #[test]
    fn results_stated_as_levels_shares_and_changes_are_impact() {
        for text in [
            "We ended the year with 94% gross retention.",
            "Reseller units up 31% year on year.",
            "Marketplace bookings +48% YoY.",
            "The result was $12M in partner pipeline.",
            "I sourced $3M of pipeline and 35% of that closed.",
            "58% of the resellers had closed at least one deal by March.",
            "Onboarding time is 19 days versus 44 for direct customers.",
            "Joint deals rose from 14 to 31 year on year.",
            "We closed seven co-sell deals.",
            "Since the change, four of five new resellers closed a first deal within a quarter.",
            "Last year 84% of our resellers renewed.",
            "Over the year 60% of the resellers grew their book.",
            "Together we built a $2M pipeline in two quarters.",
            "First-year sales came in at 1.6x plan.",
            "Partner bookings doubled.",
            // What is counted per partner is the subject, not the partner.
            "Premium per active broker roughly doubled.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn numbers_in_conditions_plans_and_wishes_are_not_impact() {
        for text in [
            "If the referral fee is 10%, partners will not bother.",
            "Unless a partner returns three times what it costs, I drop it.",
            "Next quarter I will interview three customers about the bundle.",
            "I'd rather sign five partners who sell than fifty logos.",
            "With a better deck the partner might close 20% more deals.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
        // The same numbers stated as what happened are.
        for text in [
            "The referral fee lifted partner bookings 10%.",
            "I interviewed three customers and we closed two deals.",
            "In May we grew partner revenue 30%.",
            "Partner revenue grew 30% in May.",
            "By March we'd closed 12 joint deals.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_scenario_answers_target_is_quantified_but_its_conditions_are_not() {
        let target = "---\nscenario: 1\n---\n\nWe would aim to lift the bundle's win rate from 30% to 40% within two quarters.\n";
        assert!(findings(target, Rule::Metrics).is_empty());
        let condition =
            "---\nscenario: 1\n---\n\nIf the partner's fee is 10%, I would renegotiate it.\n";
        assert_eq!(findings(condition, Rule::Metrics).len(), 1);
    }

    #[test]
    fn a_question_a_wish_or_a_duty_measures_nothing_that_happened() {
        for text in [
            "---\nscenario: 1\n---\n\nAnd can the partner staff three times the volume?\n",
            "Weak partners wanted 35% resale margin on every deal.",
            "I prefer six partners that really sell to forty logos on a page.",
            "I set a threshold: the partnership should support at least $5M in pipeline.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
        // Told as what happened, each is a result.
        for text in [
            "Partner deals now come in at three times the volume.",
            "The partnership supported $5M in pipeline in its first year.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn times_that_tell_how_often_are_no_multiple() {
        // In a plan, where a number needs no learned reading to count.
        let text = "---\nscenario: 1\n---\n\nI have had to do this three times now as alliance lead.\n";
        assert_eq!(findings(text, Rule::Metrics).len(), 1);
        for text in [
            "---\nscenario: 1\n---\n\nWe would close partner deals three times faster than direct ones.\n",
            "---\nscenario: 1\n---\n\nWe would aim to grow sourced pipeline three times over.\n",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn customers_talked_to_are_no_result() {
        let text = "---\nscenario: 1\n---\n\nFirst, talk to two or three end customers.\n";
        assert_eq!(findings(text, Rule::Metrics).len(), 1);
    }

    #[test]
    fn hyphenated_sizes_and_windows_are_not_impact() {
        for text in [
            "I built a 30-minute onboarding course for reseller staff.",
            "I run the alliance for a 900-person systems integrator.",
            "We agreed to report 6-month retention for partner deals.",
            "We set attribution rules first, so there was no double counting.",
            "I served twice as lead negotiator on consortium bids.",
        ] {
            assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        }
        for text in [
            "The bundle brought a 12-point increase in win rate.",
            "Partner deals closed twice as fast as direct ones.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_amount_after_of_is_a_value_unless_compared_with_another() {
        let text = "Integrators receive a referral fee of 8% of first-year value.";
        assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        let text = "Five of the seven teams won: a hit rate of 71% against our prior average of 44%.";
        assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
    }

    #[test]
    fn spelled_out_percentages_are_impact() {
        for text in [
            "Partner deals grew about forty percent that year.",
            "Net margin rose by four points.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }

    #[test]
    fn numbers_in_code_and_comments_do_not_count() {
        let text = "Revenue grew `40%` <!-- 30% -->.\n\n```\n$2M\n```\n";
        assert_eq!(findings(text, Rule::Metrics).len(), 1);
    }

    #[test]
    fn a_number_the_learned_model_reads_as_no_result_is_not_impact() {
        let text = "Their own revenue had doubled since the IPO, and they wanted a second vendor.";
        assert_eq!(findings(text, Rule::Metrics).len(), 1, "{text}");
        for text in [
            "Partner-sourced pipeline went from $1.2M to $3.4M in three quarters.",
            "Win rate on co-sold deals rose from 18% to 31% over the year.",
        ] {
            assert!(findings(text, Rule::Metrics).is_empty(), "{text}");
        }
    }
}
