//! Settings from the client (`initializationOptions`, `workspace/didChangeConfiguration`,
//! `workspace/configuration`, section `interviewCoach`) and from `.interview-coach.toml` files
//! next to or above a draft. The schema is in `docs/protocol.md`.
//!
//! Every source parses into [`Overrides`], which is validated as a whole: a bad value names its
//! key and the caller keeps the last good settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use interview_content::bounded::{self, ReadError};
use interview_rubric::{Settings, SettingsError, SettingsPatch};
use serde_json::Value;

// The same limit as the command line's: settings are a few lines.
use crate::check::config::MAX_BYTES;
use crate::sync::lock;

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
            let overrides = Overrides::from_json(section(source))?;
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

/// Values one source sets; unset values leave the base alone. The engine checks every source
/// with one checker: [`SettingsPatch::from_json`] for client settings,
/// [`SettingsPatch::from_toml_str`] for project files.
pub type Overrides = SettingsPatch;

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
        let mut cache = lock(&self.cache);
        if let Some((modified, len, parsed)) = cache.get(&file) {
            if (*modified, *len) == stamp {
                return Some((file, parsed.clone(), false));
            }
        }
        // The reported size is not trusted (a link to `/proc/self/pagemap` reports 0 bytes): the
        // read itself stops past the limit, and refuses FIFOs and devices before opening them.
        let parsed = match bounded::read_file(&file, MAX_BYTES) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Overrides::from_toml_str(&text).map(Arc::new),
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
        lock(&self.cache).clear();
    }
}

#[cfg(test)]
mod tests {
    use interview_rubric::{Rule, RuleLevel, Severity};
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
        let o = Overrides::from_toml_str(
            "word-budget = 250\nwords-per-minute = 140\n[rules]\ncriticism = \"error\"\n",
        )
        .unwrap();
        let s = o.apply(&Settings::default());
        assert_eq!(s.word_budget, 250);
        assert_eq!(s.words_per_minute, 140);
        assert_eq!(s.level(Rule::Criticism), RuleLevel::On(Severity::Error));

        let err = Overrides::from_toml_str("wordBudget = 250\n").unwrap_err();
        assert_eq!(err.key, "wordBudget");
        let err = Overrides::from_toml_str("[rules]\nmetrics = \"off\"\n\nword-budget = 3\n")
            .unwrap_err();
        assert_eq!(err.key, "rules.word-budget");
        let err = Overrides::from_toml_str("word-budget = \n").unwrap_err();
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
