//! The workspace's drafts in the language server: the answer bank over the workspace folders,
//! with open drafts as the editor has them and the others from disk. The domain work is in
//! [`crate::bank::workspace`]; this module only gathers what the state knows.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use tower_lsp::lsp_types::Url;

use crate::bank::model::Bank;
use crate::bank::workspace::{self, WorkspaceDraft};
use crate::lsp::state::{State, panic_message};

/// Why the bank could not be built.
#[derive(Debug)]
pub enum BankError {
    /// The request asked for something that does not exist (an unknown category).
    Invalid(String),
    /// Building it failed (a panic in the analysis, caught).
    Internal(String),
}

/// The answer bank of the workspace folders (`interviewCoach.bank`): open drafts with their
/// in-editor text, the others read from disk; `only` as `bank --category`. An unknown category
/// is an error.
pub async fn bank(state: &Arc<State>, only: Option<&str>) -> Result<Bank, BankError> {
    state.content_loaded().await;
    let roots = state.roots();
    let mut drafts = Vec::new();
    let mut open_paths = Vec::new();
    for uri in state.open_drafts() {
        let Ok(path) = uri.to_file_path() else {
            continue;
        };
        if !workspace::is_workspace_draft(&roots, &path) {
            continue;
        }
        if let Some((_, analysis)) = state.current_analysis(&uri).await {
            drafts.push(WorkspaceDraft {
                path: workspace::shown_path(&roots, &path),
                uri: uri.to_string(),
                report: Arc::new(analysis.report.clone()),
            });
        }
        open_paths.push(path);
    }
    let catalog = state.catalog();
    let from_disk = {
        let state = Arc::clone(state);
        let roots = roots.clone();
        let catalog = Arc::clone(&catalog);
        tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                unopened(&state, &roots, &catalog, &open_paths)
            }))
            .map_err(panic_message)
        })
        .await
        .map_err(|e| e.to_string())
        .and_then(|r| r)
        .map_err(|e| BankError::Internal(format!("building the bank failed: {e}")))?
    };
    drafts.extend(from_disk);
    let only = only.map(str::to_owned);
    let mut warnings = Vec::new();
    let bank = workspace::overview(
        &catalog,
        &drafts,
        only.as_deref(),
        roots.first().map(PathBuf::as_path),
        &mut warnings,
    );
    for warning in warnings {
        tracing::warn!("{warning}");
    }
    bank.map_err(BankError::Invalid)
}

/// The drafts of the workspace folders that are not open, read and analysed from disk.
fn unopened(
    state: &State,
    roots: &[PathBuf],
    catalog: &interview_content::Catalog,
    open: &[PathBuf],
) -> Vec<WorkspaceDraft> {
    let (files, warnings) = workspace::find_drafts(roots, workspace::MAX_WORKSPACE_DRAFTS);
    for warning in warnings {
        tracing::warn!("{warning}");
    }
    let engine = interview_rubric::Engine::for_catalog(catalog);
    files
        .into_par_iter()
        .filter(|path| !open.contains(path))
        .filter_map(|path| {
            let uri = Url::from_file_path(&path).ok()?;
            let text = match workspace::read_draft(&path) {
                Ok(text) => text,
                Err(message) => {
                    tracing::warn!("{}: {message}", path.display());
                    return None;
                }
            };
            let (settings, _) = state.draft_settings(&uri);
            let report = workspace::analyse(&engine, &path, &text, &settings);
            Some(WorkspaceDraft {
                path: workspace::shown_path(roots, &path),
                uri: uri.to_string(),
                report: Arc::new(report),
            })
        })
        .collect()
}
