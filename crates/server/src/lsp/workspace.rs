//! The workspace's drafts in the language server: the server as the [`Host`] of the workspace
//! index (its view of a draft is the draft's diagnostics), and what is built from the index (the
//! answer bank, workspace symbols, workspace diagnostics). The domain work is in
//! [`crate::bank::index`] and [`crate::bank::workspace`]; this module gathers what the state knows.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use interview_rubric::{Engine, Report};
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, Url};

use crate::bank::index::{Host, Index};
use crate::bank::model::Bank;
use crate::bank::workspace::{self, WorkspaceDraft};
use crate::lsp::diagnostics;
use crate::lsp::document::Document;
use crate::lsp::state::State;

impl Host for State {
    type View = Vec<Diagnostic>;

    fn index(&self) -> &Index<Self> {
        &self.index
    }

    fn roots(&self) -> Vec<PathBuf> {
        State::roots(self)
    }

    fn engine(&self) -> Arc<Engine> {
        Engine::for_catalog(&self.catalog())
    }

    fn skips(&self, path: &Path) -> bool {
        // Open drafts are analysed with their in-editor text; pack files are validated.
        Url::from_file_path(path).map_or(true, |uri| self.is_open(&uri) || self.is_pack_uri(&uri))
    }

    fn analyse(&self, engine: &Engine, path: &Path, text: &str) -> (Report, Vec<Diagnostic>) {
        let settings = match Url::from_file_path(path) {
            Ok(uri) => self.draft_settings(&uri).0,
            Err(()) => Default::default(),
        };
        let report = workspace::analyse(engine, path, text, &settings);
        let doc = Document::new(text, 0);
        let diagnostics =
            diagnostics::from_report(&report, &doc, self.encoding(), &self.guide().files);
        (report, diagnostics)
    }

    fn unreadable(&self, _: &Path, reason: &str) -> Vec<Diagnostic> {
        vec![diagnostics::notice(
            format!("interview-coach does not analyse this file: {reason}."),
            DiagnosticSeverity::INFORMATION,
        )]
    }

    /// Asks the client to pull workspace diagnostics again, when it can.
    fn refreshed(&self, runtime: &tokio::runtime::Handle) {
        if !self.caps().diagnostic_refresh {
            return;
        }
        let client = self.client.clone();
        runtime.spawn(async move {
            if let Err(e) = client.workspace_diagnostic_refresh().await {
                tracing::warn!("workspace/diagnostic/refresh failed: {e}");
            }
        });
    }
}

/// A file of the workspace changed on disk, was created, or was closed in the editor: analysed
/// again. Returns false when it is not a draft of the workspace folders.
pub fn changed(state: &State, path: &Path) -> bool {
    state.index.changed(&state.roots(), path)
}

/// Every draft of the workspace as the bank counts it: open drafts of the folders with their
/// in-editor text, the index for the others. Waits for the index to take in every change sent.
async fn all_drafts(state: &Arc<State>) -> Vec<WorkspaceDraft> {
    state.index.complete().await;
    let roots = state.roots();
    let mut drafts = Vec::new();
    let mut open = BTreeSet::new();
    for uri in state.open_drafts() {
        let Ok(path) = uri.to_file_path() else {
            continue;
        };
        if !workspace::is_workspace_draft(&roots, &path) || state.is_pack_uri(&uri) {
            continue;
        }
        open.insert(path.clone());
        if let Some((_, analysis)) = state.current_analysis(&uri).await {
            drafts.push(WorkspaceDraft {
                path: workspace::shown_path(&roots, &path),
                uri: uri.to_string(),
                report: Arc::new(analysis.report.clone()),
            });
        }
    }
    for (path, entry) in state.index.entries() {
        let (Some(report), Ok(uri)) = (entry.report, Url::from_file_path(&path)) else {
            continue;
        };
        if !open.contains(&path) && !state.is_open(&uri) {
            drafts.push(WorkspaceDraft {
                path: entry.shown,
                uri: uri.to_string(),
                report,
            });
        }
    }
    drafts
}

/// The answer bank of the workspace folders (`interviewCoach.bank`): open drafts with their
/// in-editor text, the others from the index; `only` as `bank --category`. The error says that
/// the category does not exist.
pub async fn bank(state: &Arc<State>, only: Option<&str>) -> Result<Bank, String> {
    state.content_loaded().await;
    let drafts = all_drafts(state).await;
    let catalog = state.catalog();
    let roots = state.roots();
    let mut warnings = Vec::new();
    let bank = workspace::overview(
        &catalog,
        &drafts,
        only,
        roots.first().map(PathBuf::as_path),
        &mut warnings,
    );
    for warning in warnings {
        tracing::warn!("{warning}");
    }
    bank
}

/// The drafts matching a `workspace/symbol` query, by question id and title.
pub async fn symbols(state: &Arc<State>, query: &str) -> Vec<workspace::DraftSymbol> {
    state.content_loaded().await;
    let drafts = all_drafts(state).await;
    let catalog = state.catalog();
    workspace::draft_symbols(&catalog, &drafts, query, workspace::MAX_WORKSPACE_SYMBOLS)
}

/// One draft's diagnostics for `workspace/diagnostic`.
pub struct FileDiagnostics {
    /// The file.
    pub uri: Url,
    /// Its result id.
    pub result_id: String,
    /// Its diagnostics, or `None` when the client's result id is still current.
    pub diagnostics: Option<Arc<Vec<Diagnostic>>>,
}

/// The diagnostics of the drafts that are not open, each compared with the result id the client
/// has (`previous`); and the files the client has results for that are no longer drafts of the
/// workspace (deleted, or open now: their own diagnostics are pushed), to be cleared.
pub async fn diagnostics(
    state: &Arc<State>,
    previous: &std::collections::HashMap<Url, String>,
) -> (Vec<FileDiagnostics>, Vec<Url>) {
    state.index.complete().await;
    let mut reported = BTreeSet::new();
    let mut files = Vec::new();
    for (path, entry) in state.index.entries() {
        let Ok(uri) = Url::from_file_path(&path) else {
            continue;
        };
        if state.is_open(&uri) {
            continue;
        }
        reported.insert(uri.clone());
        let unchanged = previous.get(&uri) == Some(&entry.result_id);
        files.push(FileDiagnostics {
            diagnostics: (!unchanged).then(|| Arc::clone(&entry.view)),
            uri,
            result_id: entry.result_id,
        });
    }
    let gone = previous
        .keys()
        .filter(|uri| !reported.contains(*uri) && !state.is_open(uri))
        .cloned()
        .collect();
    (files, gone)
}

/// One file's diagnostics for `textDocument/diagnostic`: `None` when it is open (pushed) or not
/// an indexed draft.
pub fn document_diagnostics(
    state: &State,
    uri: &Url,
    previous: Option<&str>,
) -> Option<FileDiagnostics> {
    if state.is_open(uri) {
        return None;
    }
    let entry = state.index.entry(&uri.to_file_path().ok()?)?;
    let unchanged = previous == Some(entry.result_id.as_str());
    Some(FileDiagnostics {
        diagnostics: (!unchanged).then(|| Arc::clone(&entry.view)),
        uri: uri.clone(),
        result_id: entry.result_id,
    })
}
