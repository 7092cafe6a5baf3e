//! Rule citations for a category whose companion has no `[rules]` table: each rule cites the
//! rubric line whose text names what the rule checks.

use crate::markdown::Parsed;
use crate::model::{RubricLine, RuleCitation};

/// Rule id → words that identify the rubric line it enforces, most specific first.
const KEYWORDS: &[(&str, &[&str])] = &[
    ("structure", &["structure"]),
    (
        "metrics",
        &["without numbers", "numbers", "quantify", "metrics"],
    ),
    ("activity-volume", &["activity"]),
    ("criticism", &["criticiz", "criticis", "blam"]),
    (
        "cross-functional",
        &["cross-functional", "cross functional"],
    ),
    ("clarifying-questions", &["clarifying"]),
    ("buyer-empathy", &["empathy", "buyer"]),
    ("role-stage", &["company stage", "role"]),
    ("too-long", &["concise", "brief"]),
];

/// Citations derived from the rubric lines' text. Mistakes are searched before best practices,
/// and for each rule the first keyword that matches any line wins.
pub(crate) fn derive(parsed: &Parsed) -> Vec<RuleCitation> {
    let lines: Vec<&RubricLine> = parsed
        .mistakes
        .iter()
        .chain(&parsed.best_practices)
        .collect();
    let lower: Vec<String> = lines.iter().map(|l| l.text.to_lowercase()).collect();
    KEYWORDS
        .iter()
        .filter_map(|(rule, words)| {
            let index = words
                .iter()
                .find_map(|word| lower.iter().position(|text| text.contains(word)))?;
            Some(RuleCitation {
                rule: (*rule).to_owned(),
                line_id: lines[index].id.clone(),
            })
        })
        .collect()
}
