//! Settings: per-rule level, word budget and speaking rate.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{Rule, Severity};

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// The rule runs with this severity.
    On(Severity),
}

/// Engine settings. `Default` gives the documented defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// Rules whose level differs from their default.
    pub rules: BTreeMap<Rule, RuleLevel>,
    /// Spoken-answer budget in words (`too-long`).
    pub word_budget: usize,
    /// Speaking rate used for time estimates.
    pub words_per_minute: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: BTreeMap::new(),
            word_budget: 300,
            words_per_minute: 150,
        }
    }
}

impl Settings {
    /// The level a rule runs at.
    pub fn level(&self, rule: Rule) -> RuleLevel {
        self.rules
            .get(&rule)
            .copied()
            .unwrap_or(RuleLevel::On(rule.default_severity()))
    }
}

/// A bad settings value, naming the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {message}")]
pub struct SettingsError {
    /// The offending key (`rules.metrics`, `word-budget`).
    pub key: String,
    /// What is wrong.
    pub message: String,
}
