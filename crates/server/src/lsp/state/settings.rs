//! The settings in force: the client's, layered from `initializationOptions` and
//! `workspace/configuration` (a bad value keeps the last good settings in force), and for a draft
//! the nearest `.interview-coach.toml` on top. Apart from the documents because a change here is
//! about every document: the caller re-analyses them all.

use std::path::Path;
use std::sync::Arc;

use interview_rubric::Settings;
use serde_json::Value;
use tower_lsp::lsp_types::{MessageType, Url};

use super::{State, lock, read, write};
use crate::lsp::config::ClientSettings;

/// Settings from each client source, kept so that a new value of one source can be layered again.
#[derive(Debug, Default)]
pub(super) struct SettingsSources {
    init: Option<Value>,
    config: Option<Value>,
}

impl State {
    /// The client settings in force.
    pub fn settings(&self) -> Arc<ClientSettings> {
        read(&self.settings)
    }

    /// Takes a new value for the `initializationOptions` source (`init`) or the configuration
    /// source, and recomputes the settings. On a bad value the error names the key, is shown to the
    /// user, and the last good settings stay in force. Returns whether the settings changed.
    pub async fn update_settings(&self, init: Option<Value>, config: Option<Value>) -> bool {
        let result = {
            let mut sources = lock(&self.sources);
            let mut candidate = SettingsSources {
                init: sources.init.clone(),
                config: sources.config.clone(),
            };
            if init.is_some() {
                candidate.init = init;
            }
            if config.is_some() {
                candidate.config = config;
            }
            let parsed =
                ClientSettings::from_sources(candidate.init.iter().chain(candidate.config.iter()));
            if parsed.is_ok() {
                *sources = candidate;
            }
            parsed
        };
        match result {
            Ok(settings) => {
                let changed = *self.settings() != settings;
                if changed {
                    tracing::info!("settings updated");
                    write(&self.settings, Arc::new(settings));
                }
                changed
            }
            Err(error) => {
                let message = format!(
                    "interview-coach: invalid setting `{}`: {}. The previous settings stay in force.",
                    error.key, error.message
                );
                tracing::error!("{message}");
                self.client.show_message(MessageType::ERROR, message).await;
                false
            }
        }
    }

    /// The engine settings for a draft: the client settings with the nearest
    /// `.interview-coach.toml` applied. A bad project file is reported once per change and
    /// ignored.
    pub fn draft_settings(&self, uri: &Url) -> (Settings, Option<String>) {
        let base = self.settings().engine.clone();
        let Some(path) = uri.to_file_path().ok() else {
            return (base, None);
        };
        match self.project_files.for_draft(&path) {
            None => (base, None),
            Some((_, Ok(overrides), _)) => (overrides.apply(&base), None),
            Some((file, Err(error), fresh)) => {
                let problem = fresh.then(|| {
                    let key = if error.key.is_empty() {
                        String::new()
                    } else {
                        format!(" `{}`", error.key)
                    };
                    format!(
                        "interview-coach: {}: invalid setting{key}: {}. The file is ignored.",
                        file.display(),
                        error.message
                    )
                });
                (base, problem)
            }
        }
    }

    /// Forgets parsed project files (one changed on disk).
    pub fn forget_project_files(&self) {
        self.project_files.clear();
    }
}

/// Whether a path is a project settings file.
pub fn is_project_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == crate::lsp::config::PROJECT_FILE)
}
