//! `.interview-coach.toml`: the settings file beside or above drafts, parsed without I/O.
//!
//! ```toml
//! word-budget = 250
//! words-per-minute = 150
//!
//! [rules]
//! hedging = "off"
//! metrics = "error"
//! ```

use std::ops::RangeInclusive;

use crate::{Rule, RuleLevel, Settings, SettingsError};

/// Allowed spoken-answer budgets, in words.
pub const WORD_BUDGET: RangeInclusive<i64> = 50..=5000;
/// Allowed speaking rates, in words per minute.
pub const WORDS_PER_MINUTE: RangeInclusive<i64> = 60..=400;

impl Settings {
    /// Parses the text of an `.interview-coach.toml`. Keys left out keep their defaults; an
    /// unknown key, a value of the wrong type or out of range is an error naming the key.
    pub fn from_toml_str(text: &str) -> Result<Settings, SettingsError> {
        Self::from_toml_table(text).map_err(|mut e| {
            if let Some(line) = key_line(text, &e.key) {
                e.message = format!("{} (line {line})", e.message);
            }
            e
        })
    }

    fn from_toml_table(text: &str) -> Result<Settings, SettingsError> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e
                .span()
                .map(|span| text[..span.start.min(text.len())].lines().count().max(1));
            SettingsError {
                key: line.map_or_else(|| "toml".into(), |l| format!("line {l}")),
                message: format!("invalid TOML: {}", e.message().trim_end()),
            }
        })?;
        let mut settings = Settings::default();
        for (key, value) in &table {
            match key.as_str() {
                "word-budget" => settings.word_budget = integer(key, value, WORD_BUDGET)? as usize,
                "words-per-minute" => {
                    settings.words_per_minute = integer(key, value, WORDS_PER_MINUTE)? as u32
                }
                // Read by the language server (relative to the workspace); valid here too.
                "categories-path" => {
                    if !value.is_str() {
                        return Err(error(key, "expected a folder path as a string"));
                    }
                }
                "rules" => {
                    let rules = value
                        .as_table()
                        .ok_or_else(|| error(key, "expected a table of rule ids to levels"))?;
                    for (id, level) in rules {
                        let key = format!("rules.{id}");
                        let rule: Rule = id.parse().map_err(|_| {
                            let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                            error(
                                &key,
                                &format!("unknown rule `{id}` (rules: {})", ids.join(", ")),
                            )
                        })?;
                        settings.rules.insert(rule, rule_level(&key, level)?);
                    }
                }
                _ => {
                    return Err(error(
                        key,
                        "unknown key (expected word-budget, words-per-minute, categories-path \
                         or [rules])",
                    ));
                }
            }
        }
        Ok(settings)
    }
}

/// The 1-based line that sets `key` (`word-budget`, `rules.metrics`), for error messages.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let (table, name) = match key.split_once('.') {
        Some((table, name)) => (Some(table), name),
        None => (None, key),
    };
    let mut current: Option<String> = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(header.trim().to_string());
            continue;
        }
        let Some((left, _)) = line.split_once('=') else {
            continue;
        };
        let left = left.trim().trim_matches('"');
        let matches = match table {
            Some(table) => {
                (current.as_deref() == Some(table) && left == name)
                    || left == format!("{table}.{name}")
            }
            None => current.is_none() && left == name,
        };
        if matches {
            return Some(index + 1);
        }
    }
    None
}

fn error(key: &str, message: &str) -> SettingsError {
    SettingsError {
        key: key.to_string(),
        message: message.to_string(),
    }
}

fn integer(
    key: &str,
    value: &toml::Value,
    range: RangeInclusive<i64>,
) -> Result<i64, SettingsError> {
    let expected = || {
        format!(
            "expected a whole number from {} to {}",
            range.start(),
            range.end()
        )
    };
    match value.as_integer() {
        Some(n) if range.contains(&n) => Ok(n),
        Some(n) => Err(error(key, &format!("{n} is out of range: {}", expected()))),
        None => Err(error(key, &expected())),
    }
}

fn rule_level(key: &str, value: &toml::Value) -> Result<RuleLevel, SettingsError> {
    let expected = "expected \"off\", \"hint\", \"information\", \"warning\" or \"error\"";
    match value.as_str() {
        Some("off") => Ok(RuleLevel::Off),
        Some(s) => s
            .parse()
            .map(RuleLevel::On)
            .map_err(|_| error(key, &format!("unknown level `{s}`: {expected}"))),
        None => Err(error(key, expected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    #[test]
    fn empty_text_gives_the_defaults() {
        assert_eq!(Settings::from_toml_str("").unwrap(), Settings::default());
    }

    #[test]
    fn reads_budget_rate_and_rule_levels() {
        let settings = Settings::from_toml_str(
            "word-budget = 250\nwords-per-minute = 130\ncategories-path = \"cats\"\n\
             [rules]\nhedging = \"off\"\nmetrics = \"error\"\nstructure = \"warn\"\n",
        )
        .unwrap();
        assert_eq!(settings.word_budget, 250);
        assert_eq!(settings.words_per_minute, 130);
        assert_eq!(settings.level(Rule::Hedging), RuleLevel::Off);
        assert_eq!(
            settings.level(Rule::Metrics),
            RuleLevel::On(Severity::Error)
        );
        assert_eq!(
            settings.level(Rule::Structure),
            RuleLevel::On(Severity::Warning)
        );
        assert_eq!(
            settings.level(Rule::Criticism),
            RuleLevel::On(Severity::Warning)
        );
    }

    fn key_of(text: &str) -> (String, String) {
        let e = Settings::from_toml_str(text).unwrap_err();
        (e.key, e.message)
    }

    #[test]
    fn errors_name_the_key() {
        assert_eq!(key_of("[rules]\nmetrics = \"loud\"").0, "rules.metrics");
        assert_eq!(key_of("[rules]\nmetrics = 3").0, "rules.metrics");
        assert_eq!(key_of("[rules]\nnumbers = \"off\"").0, "rules.numbers");
        assert!(
            key_of("[rules]\nnumbers = \"off\"")
                .1
                .contains("activity-volume")
        );
        assert_eq!(key_of("word-budget = 10").0, "word-budget");
        assert!(key_of("word-budget = 10").1.contains("50 to 5000"));
        assert_eq!(key_of("words-per-minute = \"fast\"").0, "words-per-minute");
        assert_eq!(key_of("wordBudget = 300").0, "wordBudget");
        assert_eq!(key_of("rules = 1").0, "rules");
        assert_eq!(key_of("categories-path = 1").0, "categories-path");
    }

    #[test]
    fn value_errors_give_the_line() {
        let (key, message) =
            key_of("word-budget = 300\n\n[rules]\nhedging = \"off\"\nmetrics = \"loud\"\n");
        assert_eq!(key, "rules.metrics");
        assert!(message.ends_with("(line 5)"), "{message}");
        let (_, message) = key_of("# budget\nword-budget = 10\n");
        assert!(message.ends_with("(line 2)"), "{message}");
    }

    #[test]
    fn syntax_errors_give_the_line() {
        let (key, message) = key_of("word-budget = 300\n[rules\n");
        assert_eq!(key, "line 2");
        assert!(message.starts_with("invalid TOML"), "{message}");
    }
}
