//! Settings from the client (`initializationOptions`, `workspace/didChangeConfiguration`,
//! `workspace/configuration`, section `interviewCoach`) and from `.interview-coach.toml` files
//! next to or above a draft. The schema is in `docs/protocol.md`.
//!
//! Every source parses into [`Overrides`], which is validated as a whole: a bad value names its
//! key and the caller keeps the last good settings.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use interview_content::bounded::{self, ReadError};
use interview_rubric::{Rule, RuleLevel, Settings, SettingsError, Severity};
use serde_json::Value;

// The same limit as the command line's: settings are a few lines.
use crate::check::config::MAX_BYTES;

/// The settings section the server reads.
pub const SECTION: &str = "interviewCoach";

/// The per-project settings file, searched upward from each draft.
pub const PROJECT_FILE: &str = ".interview-coach.toml";

/// The default content pack folder, relative to the workspace root.
pub const DEFAULT_CATEGORIES_PATH: &str = ".interview-coach/categories";

/// The settings in force for the client: the engine's settings plus where content packs live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientSettings {
    /// Engine settings before any `.interview-coach.toml`.
    pub engine: Settings,
    /// Content pack folder, relative to the workspace root (or absolute).
    pub categories_path: String,
}

impl Default for ClientSettings {
    fn default() -> Self {
        ClientSettings {
            engine: Settings::default(),
            categories_path: DEFAULT_CATEGORIES_PATH.to_string(),
        }
    }
}

impl ClientSettings {
    /// The defaults with each client source applied in order (later ones win).
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = &'a Value>,
    ) -> Result<Self, SettingsError> {
        let mut settings = ClientSettings::default();
        for source in sources {
            let overrides = Overrides::from_value(section(source))?;
            settings.engine = overrides.apply(&settings.engine);
            if let Some(path) = overrides.categories_path {
                settings.categories_path = path;
            }
        }
        Ok(settings)
    }
}

/// The `interviewCoach` section of a settings value: clients send either the section itself or an
/// object holding it under its name.
pub fn section(value: &Value) -> &Value {
    value.get(SECTION).unwrap_or(value)
}

/// Values one source sets; unset values leave the base alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Rule levels.
    pub rules: BTreeMap<Rule, RuleLevel>,
    /// `wordBudget`, 50–5000.
    pub word_budget: Option<usize>,
    /// `wordsPerMinute`, 60–400.
    pub words_per_minute: Option<u32>,
    /// `categoriesPath` (client settings only).
    pub categories_path: Option<String>,
}

impl Overrides {
    /// Reads a client settings object. `null` values count as unset. Client settings may carry
    /// keys for the editor plugin itself (`trace`, ...), so unknown keys are ignored.
    pub fn from_value(value: &Value) -> Result<Self, SettingsError> {
        let mut overrides = Overrides::default();
        let object = match value {
            Value::Null => return Ok(overrides),
            Value::Object(object) => object,
            other => {
                return Err(error(
                    "",
                    format!("expected an object, found {}", kind(other)),
                ));
            }
        };
        for (key, value) in object {
            if value.is_null() {
                continue;
            }
            match key.as_str() {
                "rules" => overrides.rules = rules(value)?,
                k @ "wordBudget" => {
                    overrides.word_budget = Some(integer(k, value, 50, 5000)? as usize);
                }
                k @ "wordsPerMinute" => {
                    overrides.words_per_minute = Some(integer(k, value, 60, 400)? as u32);
                }
                k @ "categoriesPath" => match value {
                    Value::String(s) if !s.trim().is_empty() => {
                        overrides.categories_path = Some(s.clone());
                    }
                    other => {
                        return Err(error(
                            k,
                            format!("expected a folder path, found {}", kind(other)),
                        ));
                    }
                },
                other => tracing::debug!(key = other, "ignoring unknown setting"),
            }
        }
        Ok(overrides)
    }

    /// Parses `.interview-coach.toml` text with the engine's parser (which validates it and names
    /// any bad key); only the keys the file sets become overrides.
    pub fn from_toml(text: &str) -> Result<Self, SettingsError> {
        let parsed = Settings::from_toml_str(text)?;
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| error("", e.to_string()))?;
        Ok(Overrides {
            rules: parsed.rules,
            word_budget: table
                .contains_key("word-budget")
                .then_some(parsed.word_budget),
            words_per_minute: table
                .contains_key("words-per-minute")
                .then_some(parsed.words_per_minute),
            categories_path: None,
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
        let rule: Rule = id.parse().map_err(|e: String| error(&key, e))?;
        let level = match level {
            Value::Null => continue,
            Value::String(s) if s == "off" => RuleLevel::Off,
            Value::String(s) => RuleLevel::On(s.parse::<Severity>().map_err(|e| error(&key, e))?),
            Value::Bool(false) => RuleLevel::Off,
            Value::Bool(true) => RuleLevel::On(rule.default_severity()),
            other => {
                return Err(error(
                    &key,
                    format!(
                        "expected off, hint, information, warning or error, found {}",
                        kind(other)
                    ),
                ));
            }
        };
        rules.insert(rule, level);
    }
    Ok(rules)
}

fn integer(key: &str, value: &Value, min: u64, max: u64) -> Result<u64, SettingsError> {
    match value.as_u64() {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(error(
            key,
            format!("expected a whole number from {min} to {max}, found {value}"),
        )),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
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

/// The nearest `.interview-coach.toml` in the draft's folder or above it.
pub fn find_project_file(draft: &Path) -> Option<PathBuf> {
    draft
        .ancestors()
        .skip(1)
        .map(|dir| dir.join(PROJECT_FILE))
        .find(|candidate| candidate.is_file())
}

/// A project file's parsed overrides, or why it was rejected.
pub type ProjectSettings = Result<Arc<Overrides>, SettingsError>;

/// A parsed project file with the modification time and size it was read at.
type CachedFile = (Option<SystemTime>, u64, ProjectSettings);

/// Parsed `.interview-coach.toml` files, re-read when their modification time or size changes.
#[derive(Debug, Default)]
pub struct ProjectFiles {
    cache: Mutex<HashMap<PathBuf, CachedFile>>,
}

impl ProjectFiles {
    /// The overrides that apply to a draft at `path`: from the nearest project file, if any.
    /// `fresh` is true when the file was (re)read by this call, so that a bad file is reported once
    /// per change rather than on every keystroke.
    pub fn for_draft(&self, draft: &Path) -> Option<(PathBuf, ProjectSettings, bool)> {
        let file = find_project_file(draft)?;
        let meta = std::fs::metadata(&file).ok()?;
        let stamp = (meta.modified().ok(), meta.len());
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((modified, len, parsed)) = cache.get(&file) {
            if (*modified, *len) == stamp {
                return Some((file, parsed.clone(), false));
            }
        }
        // The reported size is not trusted (a link to `/proc/self/pagemap` reports 0 bytes): the
        // read itself stops past the limit, and refuses FIFOs and devices before opening them.
        let parsed = match bounded::read_file(&file, MAX_BYTES) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Overrides::from_toml(&text).map(Arc::new),
                Err(_) => Err(error("", "is not UTF-8 text".to_string())),
            },
            Err(ReadError::TooLarge { .. }) => Err(error(
                "",
                format!(
                    "is over the {} KiB limit for a settings file",
                    MAX_BYTES / 1024
                ),
            )),
            Err(e) => Err(error("", format!("cannot read: {e}"))),
        };
        cache.insert(file.clone(), (stamp.0, stamp.1, parsed.clone()));
        Some((file, parsed, true))
    }

    /// Forgets every parsed file (after a watched-files notification).
    pub fn clear(&self) {
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn oversized_project_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = format!("word-budget = 250\n{}", "# padding\n".repeat(8000));
        std::fs::write(dir.path().join(".interview-coach.toml"), big).unwrap();
        let (_, parsed, _) = ProjectFiles::default()
            .for_draft(&dir.path().join("draft.md"))
            .unwrap();
        let err = parsed.unwrap_err();
        assert!(err.message.contains("over the 64 KiB limit"), "{err}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_project_file_that_reports_no_size_is_still_bounded() {
        // `/proc/self/pagemap` reports 0 bytes and would read gigabytes.
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/proc/self/pagemap", dir.path().join(PROJECT_FILE)).unwrap();
        let (_, parsed, _) = ProjectFiles::default()
            .for_draft(&dir.path().join("draft.md"))
            .unwrap();
        // Where the kernel lets it be read, the read stops past the limit; some sandboxes refuse
        // to read it at all. Either way it is refused, not read whole.
        let err = parsed.unwrap_err();
        assert!(
            err.message.contains("over the 64 KiB limit") || err.message.starts_with("cannot read"),
            "{err}"
        );
        // A link to a device is refused before it is opened.
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join(PROJECT_FILE)).unwrap();
        let files = ProjectFiles::default();
        // `find_project_file` skips what is not a regular file, so the device is never a candidate.
        assert!(files.for_draft(&dir.path().join("draft.md")).is_none());
    }

    #[test]
    fn client_sources_layer_in_order() {
        let init = json!({ "rules": { "metrics": "error", "hedging": "off" }, "wordBudget": 200 });
        let later =
            json!({ "interviewCoach": { "rules": { "metrics": "hint" }, "wordsPerMinute": 120 } });
        let s = ClientSettings::from_sources([&init, &later]).unwrap();
        assert_eq!(s.engine.level(Rule::Metrics), RuleLevel::On(Severity::Hint));
        assert_eq!(s.engine.level(Rule::Hedging), RuleLevel::Off);
        assert_eq!(s.engine.word_budget, 200);
        assert_eq!(s.engine.words_per_minute, 120);
        assert_eq!(s.categories_path, DEFAULT_CATEGORIES_PATH);
    }

    #[test]
    fn nulls_and_editor_keys_are_ignored_in_client_settings() {
        let v = json!({ "trace": { "server": "verbose" }, "wordBudget": null, "categoriesPath": "packs" });
        let s = ClientSettings::from_sources([&v]).unwrap();
        assert_eq!(s.engine, Settings::default());
        assert_eq!(s.categories_path, "packs");
    }

    #[test]
    fn bad_values_name_their_key() {
        let cases = [
            (json!({ "rules": { "metrics": "loud" } }), "rules.metrics"),
            (json!({ "rules": { "nope": "off" } }), "rules.nope"),
            (json!({ "rules": { "metrics": 3 } }), "rules.metrics"),
            (json!({ "rules": [] }), "rules"),
            (json!({ "wordBudget": 10 }), "wordBudget"),
            (json!({ "wordBudget": "300" }), "wordBudget"),
            (json!({ "wordsPerMinute": 401 }), "wordsPerMinute"),
            (json!({ "wordsPerMinute": 150.5 }), "wordsPerMinute"),
            (json!({ "categoriesPath": "" }), "categoriesPath"),
        ];
        for (value, key) in cases {
            let err = ClientSettings::from_sources([&value]).unwrap_err();
            assert_eq!(err.key, key, "{value}");
        }
    }

    #[test]
    fn toml_uses_kebab_case_and_rejects_unknown_keys() {
        let o = Overrides::from_toml(
            "word-budget = 250\nwords-per-minute = 140\n[rules]\ncriticism = \"error\"\n",
        )
        .unwrap();
        let s = o.apply(&Settings::default());
        assert_eq!(s.word_budget, 250);
        assert_eq!(s.words_per_minute, 140);
        assert_eq!(s.level(Rule::Criticism), RuleLevel::On(Severity::Error));

        let err = Overrides::from_toml("wordBudget = 250\n").unwrap_err();
        assert_eq!(err.key, "wordBudget");
        let err =
            Overrides::from_toml("[rules]\nmetrics = \"off\"\n\nword-budget = 3\n").unwrap_err();
        assert_eq!(err.key, "rules.word-budget");
        let err = Overrides::from_toml("word-budget = \n").unwrap_err();
        assert_eq!(err.key, "line 1");
    }

    #[test]
    fn project_files_are_found_upward_and_reread_on_change() {
        let root = tempfile::tempdir().unwrap();
        let drafts = root.path().join("answers/deep");
        std::fs::create_dir_all(&drafts).unwrap();
        let draft = drafts.join("a.md");
        let files = ProjectFiles::default();
        assert!(files.for_draft(&draft).is_none());

        let toml = root.path().join(PROJECT_FILE);
        std::fs::write(&toml, "word-budget = 120\n").unwrap();
        let (found, parsed, fresh) = files.for_draft(&draft).unwrap();
        assert_eq!(found, toml);
        assert!(fresh);
        assert_eq!(parsed.unwrap().word_budget, Some(120));
        let (_, _, fresh) = files.for_draft(&draft).unwrap();
        assert!(!fresh);

        std::fs::write(&toml, "word-budget = 1200000\n").unwrap();
        let (_, parsed, fresh) = files.for_draft(&draft).unwrap();
        assert!(fresh);
        assert_eq!(parsed.unwrap_err().key, "word-budget");
    }
}
