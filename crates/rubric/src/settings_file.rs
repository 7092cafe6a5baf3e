//! The settings schema and its one checker, for every source: `.interview-coach.toml` beside or
//! above drafts (kebab-case keys) and the editor's `interviewCoach` JSON section (camelCase keys).
//! Parsed without I/O.
//!
//! ```toml
//! word-budget = 250
//! words-per-minute = 150
//!
//! [rules]
//! hedging = "off"
//! metrics = "error"
//! ```

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde_json::Value;

use crate::{Rule, RuleLevel, Settings, SettingsError};

/// One setting besides the rule levels: its key in each source, its type and default, and what
/// it does. Editor manifests and docs are generated from [`SETTINGS`].
#[derive(Debug, Clone)]
pub struct SettingSpec {
    /// The key in the editor's JSON settings (`wordBudget`).
    pub json: &'static str,
    /// The key in `.interview-coach.toml` (`word-budget`).
    pub toml: &'static str,
    /// Its type, range and default.
    pub kind: SettingKind,
    /// What it does, one sentence (Markdown).
    pub description: &'static str,
}

/// The type of a setting.
#[derive(Debug, Clone)]
pub enum SettingKind {
    /// A whole number in a range.
    Integer {
        /// Allowed values.
        range: RangeInclusive<i64>,
        /// The value when unset.
        default: i64,
    },
    /// A folder path, relative to the workspace root or absolute.
    Folder {
        /// The value when unset.
        default: &'static str,
    },
}

/// Allowed spoken-answer budgets, in words.
pub const WORD_BUDGET: RangeInclusive<i64> = 50..=5000;
/// Allowed speaking rates, in words per minute.
pub const WORDS_PER_MINUTE: RangeInclusive<i64> = 60..=400;

/// Every setting besides `rules`, in documentation order.
pub const SETTINGS: &[SettingSpec] = &[
    SettingSpec {
        json: "wordBudget",
        toml: "word-budget",
        kind: SettingKind::Integer {
            range: WORD_BUDGET,
            default: 300,
        },
        description: "Spoken-answer budget in words for the `too-long` rule (300 words is about two minutes at 150 words per minute).",
    },
    SettingSpec {
        json: "wordsPerMinute",
        toml: "words-per-minute",
        kind: SettingKind::Integer {
            range: WORDS_PER_MINUTE,
            default: 150,
        },
        description: "Speaking rate used for the time estimate in the score and the `too-long` rule.",
    },
    SettingSpec {
        json: "categoriesPath",
        toml: "categories-path",
        kind: SettingKind::Folder {
            default: ".interview-coach/categories",
        },
        description: "Folder of extra categories (`<category>.md` plus optional `<category>.toml`), relative to the workspace root.",
    },
];

/// The values one settings source sets; unset values leave the base alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsPatch {
    /// Rule levels.
    pub rules: BTreeMap<Rule, RuleLevel>,
    /// `wordBudget` / `word-budget`.
    pub word_budget: Option<usize>,
    /// `wordsPerMinute` / `words-per-minute`.
    pub words_per_minute: Option<u32>,
    /// `categoriesPath` / `categories-path` (read by the language server).
    pub categories_path: Option<String>,
}

/// How a source spells keys and treats keys it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// `.interview-coach.toml`: kebab-case, unknown keys are errors.
    Toml,
    /// The editor's section: camelCase, `null` is unset, unknown keys (the editor plugin's own,
    /// such as `trace`) are ignored.
    Json,
}

impl SettingsPatch {
    /// Reads the editor's `interviewCoach` settings object. `null` values count as unset; keys
    /// the server does not know are ignored. A bad value is an error naming its key.
    pub fn from_json(value: &Value) -> Result<Self, SettingsError> {
        check(value, Source::Json)
    }

    /// Parses the text of an `.interview-coach.toml`: only the keys it sets are in the patch. An
    /// unknown key, a value of the wrong type or out of range is an error naming the key and its
    /// line.
    pub fn from_toml_str(text: &str) -> Result<Self, SettingsError> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e
                .span()
                .map(|span| text[..span.start.min(text.len())].lines().count().max(1));
            SettingsError {
                key: line.map_or_else(|| "toml".into(), |l| format!("line {l}")),
                message: format!("invalid TOML: {}", e.message().trim_end()),
            }
        })?;
        let value = serde_json::to_value(&table).map_err(|e| error("toml", e.to_string()))?;
        check(&value, Source::Toml).map_err(|mut e| {
            if let Some(line) = key_line(text, &e.key) {
                e.message = format!("{} (line {line})", e.message);
            }
            e
        })
    }

    /// `base` with these values applied.
    pub fn apply(&self, base: &Settings) -> Settings {
        let mut settings = base.clone();
        settings
            .rules
            .extend(self.rules.iter().map(|(r, l)| (*r, *l)));
        if let Some(budget) = self.word_budget {
            settings.word_budget = budget;
        }
        if let Some(wpm) = self.words_per_minute {
            settings.words_per_minute = wpm;
        }
        settings
    }
}

impl Settings {
    /// Parses the text of an `.interview-coach.toml` over the defaults (see
    /// [`SettingsPatch::from_toml_str`]).
    pub fn from_toml_str(text: &str) -> Result<Settings, SettingsError> {
        SettingsPatch::from_toml_str(text).map(|patch| patch.apply(&Settings::default()))
    }
}

/// The one checker: every source's values go through here.
fn check(value: &Value, source: Source) -> Result<SettingsPatch, SettingsError> {
    let mut patch = SettingsPatch::default();
    let object = match value {
        Value::Null => return Ok(patch),
        Value::Object(object) => object,
        other => {
            return Err(error(
                "",
                format!("expected an object, found {}", kind(other)),
            ));
        }
    };
    for (key, value) in object {
        if value.is_null() && source == Source::Json {
            continue;
        }
        if key == "rules" {
            patch.rules = rules(value)?;
            continue;
        }
        let spec = SETTINGS.iter().find(|s| match source {
            Source::Toml => s.toml == key,
            Source::Json => s.json == key,
        });
        let Some(spec) = spec else {
            if source == Source::Json {
                continue;
            }
            let keys: Vec<&str> = SETTINGS.iter().map(|s| s.toml).collect();
            return Err(error(
                key,
                format!("unknown key (expected {} or [rules])", keys.join(", ")),
            ));
        };
        match &spec.kind {
            SettingKind::Integer { range, .. } => {
                let n = match value.as_i64() {
                    Some(n) if range.contains(&n) => n,
                    _ => {
                        return Err(error(
                            key,
                            format!(
                                "expected a whole number from {} to {}, found {value}",
                                range.start(),
                                range.end()
                            ),
                        ));
                    }
                };
                match spec.json {
                    "wordBudget" => patch.word_budget = usize::try_from(n).ok(),
                    _ => patch.words_per_minute = u32::try_from(n).ok(),
                }
            }
            SettingKind::Folder { .. } => match value {
                Value::String(s) if !s.trim().is_empty() => {
                    patch.categories_path = Some(s.clone());
                }
                other => {
                    return Err(error(
                        key,
                        format!("expected a folder path, found {}", kind(other)),
                    ));
                }
            },
        }
    }
    Ok(patch)
}

fn rules(value: &Value) -> Result<BTreeMap<Rule, RuleLevel>, SettingsError> {
    let Value::Object(object) = value else {
        return Err(error(
            "rules",
            format!("expected a table of rule levels, found {}", kind(value)),
        ));
    };
    let mut rules = BTreeMap::new();
    for (id, level) in object {
        let key = format!("rules.{id}");
        let rule: Rule = id.parse().map_err(|_| {
            let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            error(
                &key,
                format!("unknown rule `{id}` (rules: {})", ids.join(", ")),
            )
        })?;
        let level = match level {
            Value::Null => continue,
            Value::String(s) if s == "off" => RuleLevel::Off,
            Value::String(s) => RuleLevel::On(
                s.parse()
                    .map_err(|_| error(&key, format!("unknown level `{s}` (expected {LEVELS})")))?,
            ),
            Value::Bool(false) => RuleLevel::Off,
            Value::Bool(true) => RuleLevel::On(rule.default_severity()),
            other => {
                return Err(error(
                    &key,
                    format!("expected {LEVELS}, found {}", kind(other)),
                ));
            }
        };
        rules.insert(rule, level);
    }
    Ok(rules)
}

/// What a rule level may be.
const LEVELS: &str = "off, hint, information, warning or error";

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(s) if s.trim().is_empty() => "an empty string",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn error(key: &str, message: String) -> SettingsError {
    SettingsError {
        key: key.to_string(),
        message,
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
    fn json_and_toml_go_through_one_checker() {
        use serde_json::json;
        let from_json = |v: serde_json::Value| SettingsPatch::from_json(&v);
        // The same bad value gets the same message from both sources, under each one's key.
        let toml = SettingsPatch::from_toml_str("word-budget = 10").unwrap_err();
        let json = from_json(json!({ "wordBudget": 10 })).unwrap_err();
        assert_eq!(
            (toml.key.as_str(), json.key.as_str()),
            ("word-budget", "wordBudget")
        );
        assert_eq!(toml.message, format!("{} (line 1)", json.message));
        let toml = SettingsPatch::from_toml_str("[rules]\nmetrics = \"loud\"").unwrap_err();
        let json = from_json(json!({ "rules": { "metrics": "loud" } })).unwrap_err();
        assert_eq!(toml.message, format!("{} (line 2)", json.message));
        // JSON: nulls are unset and the editor's own keys are ignored; TOML refuses unknown keys.
        let patch = from_json(
            json!({ "wordBudget": null, "trace": "verbose", "rules": { "hedging": false } }),
        )
        .unwrap();
        assert_eq!(patch.word_budget, None);
        assert_eq!(patch.rules.get(&Rule::Hedging), Some(&RuleLevel::Off));
        assert_eq!(
            SettingsPatch::from_toml_str("trace = 1").unwrap_err().key,
            "trace"
        );
        // Only the keys a file sets are in its patch.
        let patch = SettingsPatch::from_toml_str("words-per-minute = 120").unwrap();
        assert_eq!(
            (patch.word_budget, patch.words_per_minute),
            (None, Some(120))
        );
    }

    #[test]
    fn the_schema_defaults_are_the_engine_defaults() {
        let defaults = Settings::default();
        for spec in SETTINGS {
            if let SettingKind::Integer { range, default } = &spec.kind {
                assert!(range.contains(default), "{}", spec.json);
                let engine = match spec.json {
                    "wordBudget" => defaults.word_budget as i64,
                    _ => i64::from(defaults.words_per_minute),
                };
                assert_eq!(engine, *default, "{}", spec.json);
            }
        }
    }

    #[test]
    fn syntax_errors_give_the_line() {
        let (key, message) = key_of("word-budget = 300\n[rules\n");
        assert_eq!(key, "line 2");
        assert!(message.starts_with("invalid TOML"), "{message}");
    }
}
