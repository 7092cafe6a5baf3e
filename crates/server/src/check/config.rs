//! Settings for each draft: `--config FILE`, or the nearest `.interview-coach.toml` in the
//! draft's folder or above it, or the defaults.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use interview_content::bounded::{self, ReadError};
use interview_rubric::Settings;

/// The file name searched for.
pub const FILE_NAME: &str = ".interview-coach.toml";

/// Config files larger than this are refused: settings are a few lines.
pub const MAX_BYTES: u64 = 64 * 1024;

/// A config file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    /// What is wrong, naming the key when one is at fault.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Finds and loads settings, reading each config file once.
#[derive(Debug, Default)]
pub struct Configs {
    /// `--config`: used for every draft, no search.
    explicit: Option<PathBuf>,
    /// Folder → the config file that governs it.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file → its settings.
    loaded: HashMap<PathBuf, Result<Settings, ConfigError>>,
}

impl Configs {
    /// Settings come from `explicit` when given, else from a search beside each draft.
    pub fn new(explicit: Option<PathBuf>) -> Self {
        Configs {
            explicit,
            ..Configs::default()
        }
    }

    /// The settings for a draft in `dir` (an absolute folder), and the file they came from.
    pub fn for_dir(&mut self, dir: &Path) -> Result<(Settings, Option<PathBuf>), ConfigError> {
        let file = match &self.explicit {
            Some(path) => Some(path.clone()),
            None => self.find(dir),
        };
        let Some(file) = file else {
            return Ok((Settings::default(), None));
        };
        let settings = self
            .loaded
            .entry(file.clone())
            .or_insert_with(|| load(&file))
            .clone()?;
        Ok((settings, Some(file)))
    }

    /// The nearest config file in `dir` or its ancestors.
    fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(cached) = self.found.get(ancestor) {
                found = cached.clone();
                break;
            }
            visited.push(ancestor.to_path_buf());
            let candidate = ancestor.join(FILE_NAME);
            // Anything but a folder is taken, so that a FIFO or device there is refused with a
            // message rather than silently ignored.
            if candidate.exists() && !candidate.is_dir() {
                found = Some(candidate);
                break;
            }
        }
        for folder in visited {
            self.found.insert(folder, found.clone());
        }
        found
    }
}

/// Reads and parses one config file.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let error = |message: String| ConfigError {
        path: path.to_path_buf(),
        message,
    };
    // Bounded and refusing FIFOs and devices: a settings file never blocks or floods the check.
    let bytes = bounded::read_file(path, MAX_BYTES).map_err(|e| {
        error(match e {
            ReadError::TooLarge { .. } => format!(
                "config file is larger than {} KiB; refusing to read it",
                MAX_BYTES / 1024
            ),
            ReadError::Io(e) => crate::check::io_message(&e),
            other => format!("{other}; refusing to read it"),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Settings::from_toml_str(&text).map_err(|e| error(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use interview_rubric::{Rule, RuleLevel, Severity};
    use std::fs;

    #[test]
    fn the_nearest_file_wins_and_no_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a/b/c")).unwrap();
        fs::write(root.join(FILE_NAME), "word-budget = 200\n").unwrap();
        fs::write(
            root.join("a/b").join(FILE_NAME),
            "[rules]\nhedging = \"off\"\n",
        )
        .unwrap();
        let mut configs = Configs::new(None);

        let (deep, from) = configs.for_dir(&root.join("a/b/c")).unwrap();
        assert_eq!(from, Some(root.join("a/b").join(FILE_NAME)));
        assert_eq!(deep.level(Rule::Hedging), RuleLevel::Off);
        // Nearest wins outright: the outer file's budget does not leak in.
        assert_eq!(deep.word_budget, Settings::default().word_budget);

        let (outer, from) = configs.for_dir(&root.join("a")).unwrap();
        assert_eq!(from, Some(root.join(FILE_NAME)));
        assert_eq!(outer.word_budget, 200);
        assert_eq!(outer.level(Rule::Hedging), RuleLevel::On(Severity::Hint));
    }

    #[test]
    fn an_explicit_file_overrides_the_search() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join(FILE_NAME), "word-budget = 200\n").unwrap();
        fs::write(root.join("other.toml"), "word-budget = 400\n").unwrap();
        let mut configs = Configs::new(Some(root.join("other.toml")));
        let (settings, _) = configs.for_dir(root).unwrap();
        assert_eq!(settings.word_budget, 400);
    }

    #[test]
    fn bad_values_name_the_file_and_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, "[rules]\nmetrics = \"loud\"\n").unwrap();
        let error = Configs::new(None).for_dir(dir.path()).unwrap_err();
        assert_eq!(error.path, path);
        let text = error.to_string();
        assert!(
            text.contains(FILE_NAME) && text.contains("rules.metrics"),
            "{text}"
        );
    }

    #[test]
    fn large_missing_and_non_utf8_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        fs::write(&big, format!("# {}\n", "x".repeat(MAX_BYTES as usize))).unwrap();
        assert!(load(&big).unwrap_err().message.contains("64 KiB"));
        let exactly = dir.path().join("exact.toml");
        fs::write(&exactly, "#".repeat(MAX_BYTES as usize)).unwrap();
        assert!(load(&exactly).is_ok());
        assert!(load(&dir.path().join("none.toml")).is_err());
        let latin1 = dir.path().join("latin1.toml");
        fs::write(&latin1, b"# caf\xe9\n").unwrap();
        assert!(load(&latin1).unwrap_err().message.contains("UTF-8"));
    }
}
