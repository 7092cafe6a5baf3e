//! The labelled corpus: every draft in `tests/fixtures/drafts/*.md` is analysed with the embedded
//! catalog and its findings are matched to the labels in `<draft>.expected.toml` by rule and line.
//! Prints per-rule precision and recall and fails when a rule drops below 0.9 on either.
//!
//! Label file:
//!
//! ```toml
//! [[finding]]
//! rule = "metrics"
//! line = 5
//! text = "optional substring of the flagged text"
//! ```
//!
//! `cargo test -p interview-rubric --test corpus -- --nocapture` shows the table.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use interview_content::Catalog;
use interview_rubric::{Finding, Rule, Settings, analyze_file};
use serde::Deserialize;

/// Rules scored whether or not the corpus labels them: every label file lists all their
/// findings. The coaching extras and `link` are scored only when some label names them.
const ALWAYS_SCORED: &[Rule] = &[
    Rule::Structure,
    Rule::Metrics,
    Rule::ActivityVolume,
    Rule::Criticism,
    Rule::CrossFunctional,
    Rule::ClarifyingQuestions,
    Rule::BuyerEmpathy,
    Rule::RoleStage,
    Rule::TooLong,
];
const THRESHOLD: f64 = 0.9;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default, rename = "finding")]
    findings: Vec<Label>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    rule: String,
    line: u32,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    matched: usize,
    labelled: usize,
    found: usize,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/drafts")
}

/// 1-based line of byte `offset`; `\r\n`, `\n` and a lone `\r` end lines.
fn line_of(text: &str, offset: usize) -> u32 {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let mut line = 1;
    let mut i = 0;
    while i < before.len() {
        match before[i] {
            b'\n' => line += 1,
            b'\r' if before.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

/// Whether a finding satisfies a label: same rule, same line, and the label's text (if any)
/// inside the flagged text or the flagged text inside it.
fn satisfies(text: &str, finding: &Finding, label: &Label) -> bool {
    if finding.rule.id() != label.rule || line_of(text, finding.range.start) != label.line {
        return false;
    }
    let Some(want) = &label.text else {
        return true;
    };
    let flagged = text.get(finding.range.clone()).unwrap_or("").to_lowercase();
    let want = want.to_lowercase();
    flagged.contains(&want) || (!flagged.is_empty() && want.contains(&flagged))
}

#[test]
fn corpus_precision_and_recall() {
    let dir = corpus_dir();
    assert!(dir.is_dir(), "no labelled corpus at {}", dir.display());
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut drafts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"))
        .collect();
    drafts.sort();
    assert!(!drafts.is_empty(), "no drafts in {}", dir.display());

    let catalog = Catalog::embedded();
    let settings = Settings::default();
    let mut tallies: BTreeMap<Rule, Tally> = BTreeMap::new();
    let mut labelled_rules: BTreeSet<Rule> = ALWAYS_SCORED.iter().copied().collect();
    let mut misses: Vec<String> = Vec::new();
    let mut runs = Vec::new();

    for path in &drafts {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let labels_path = path.with_extension("expected.toml");
        let labels = match fs::read_to_string(&labels_path) {
            Ok(raw) => {
                toml::from_str::<Expected>(&raw)
                    .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()))
                    .findings
            }
            Err(_) => panic!("{} has no {}", path.display(), labels_path.display()),
        };
        for label in &labels {
            let rule: Rule = label
                .rule
                .parse()
                .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
            labelled_rules.insert(rule);
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let report = analyze_file(&text, Some(name), catalog, &settings);
        runs.push((name.to_string(), text, labels, report.findings));
    }

    for (name, text, labels, findings) in &runs {
        let findings: Vec<&Finding> = findings
            .iter()
            .filter(|f| labelled_rules.contains(&f.rule))
            .collect();
        let mut used = vec![false; findings.len()];
        for label in labels {
            let rule: Rule = label.rule.parse().expect("checked above");
            tallies.entry(rule).or_default().labelled += 1;
            let hit = findings
                .iter()
                .enumerate()
                .position(|(i, f)| !used[i] && satisfies(text, f, label));
            match hit {
                Some(i) => {
                    used[i] = true;
                    tallies.entry(rule).or_default().matched += 1;
                }
                None => misses.push(format!(
                    "{name}:{}: missed {}{}",
                    label.line,
                    label.rule,
                    label
                        .text
                        .as_deref()
                        .map(|t| format!(" “{t}”"))
                        .unwrap_or_default()
                )),
            }
        }
        for (i, f) in findings.iter().enumerate() {
            tallies.entry(f.rule).or_default().found += 1;
            if !used[i] {
                misses.push(format!(
                    "{name}:{}: unexpected {} on “{}”: {}",
                    line_of(text, f.range.start),
                    f.rule,
                    text.get(f.range.clone())
                        .unwrap_or("")
                        .chars()
                        .take(60)
                        .collect::<String>(),
                    f.message
                ));
            }
        }
    }

    println!("\n{} drafts", runs.len());
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>9} {:>7}",
        "rule", "labels", "found", "matched", "precision", "recall"
    );
    let mut failing = Vec::new();
    for rule in &labelled_rules {
        let t = tallies.get(rule).copied().unwrap_or_default();
        if t.labelled == 0 && t.found == 0 {
            continue;
        }
        let precision = if t.found == 0 {
            1.0
        } else {
            t.matched as f64 / t.found as f64
        };
        let recall = if t.labelled == 0 {
            1.0
        } else {
            t.matched as f64 / t.labelled as f64
        };
        println!(
            "{:<22} {:>7} {:>7} {:>7} {:>9.2} {:>7.2}",
            rule.id(),
            t.labelled,
            t.found,
            t.matched,
            precision,
            recall
        );
        if precision < THRESHOLD || recall < THRESHOLD {
            failing.push(format!(
                "{rule}: precision {precision:.2}, recall {recall:.2}"
            ));
        }
    }
    if !misses.is_empty() {
        println!("\nDisagreements:");
        for miss in &misses {
            println!("  {miss}");
        }
    }
    assert!(
        failing.is_empty(),
        "rules below {THRESHOLD}: {}",
        failing.join("; ")
    );
}
