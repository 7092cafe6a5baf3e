//! The rubric score: one point per rubric dimension the draft meets. Which rules count is their
//! [`crate::rules::Meta::scored`]: the category's best practices and mistakes, not the coaching
//! extras (`hedging`, `ownership`) or `link`.

use crate::{Rule, Score};

/// Points gathered while the rules run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Outcome {
    points: u32,
    max: u32,
}

impl Outcome {
    /// Records a rule that ran: `applicable` when it had something to judge, `met` when it found
    /// nothing.
    pub fn record(&mut self, rule: Rule, applicable: bool, met: bool) {
        if !rule.scored() || !applicable {
            return;
        }
        self.max += 1;
        if met {
            self.points += 1;
        }
    }

    /// The score.
    pub fn score(self) -> Score {
        Score {
            points: self.points,
            max: self.max,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{analyze, analyze_with_settings};
    use crate::{Rule, RuleLevel, Score, Settings};

    #[test]
    fn a_strong_answer_scores_full_marks() {
        let text = "---\nquestion: 3\n---\n\n## Situation\n\nAt a Series B startup, our resellers were flat and customers struggled to buy.\n\n## Action\n\nI aligned incentives with marketing and set joint success metrics.\n\n## Result\n\nWin rate rose 12%.\n\n## Lessons\n\nI learned to start with incentives.\n";
        let report = analyze(text);
        assert_eq!(
            report.score,
            Score { points: 9, max: 9 },
            "{:#?}",
            report.findings
        );
    }

    #[test]
    fn each_unmet_dimension_costs_a_point_and_disabled_rules_do_not_count() {
        let text = "I think it went fine.";
        let report = analyze(text);
        // structure, metrics, cross-functional, buyer-empathy and role-stage are unmet.
        assert_eq!(
            report.score,
            Score { points: 3, max: 8 },
            "{:#?}",
            report.findings
        );
        let mut settings = Settings::default();
        settings.rules.insert(Rule::Metrics, RuleLevel::Off);
        let report = analyze_with_settings(text, &settings);
        assert_eq!(report.score, Score { points: 3, max: 7 });
        assert!(report.findings.iter().all(|f| f.rule != Rule::Metrics));
    }

    #[test]
    fn directives_turn_rules_off_per_file() {
        let text = "<!-- coach: disable metrics, role-stage -->\nI think it went fine.";
        let report = analyze(text);
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.rule != Rule::Metrics && f.rule != Rule::RoleStage)
        );
        let all = analyze("<!-- coach: disable-all -->\nI think it went fine.");
        assert!(all.findings.is_empty());
    }
}
