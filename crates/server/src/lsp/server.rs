//! The tower-lsp handlers: lifecycle, document sync, settings, watched files. Each handler does its
//! bookkeeping in [`State`] and leaves the work to it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::lsp::config::{self, SECTION};
use crate::lsp::document::Encoding;
use crate::lsp::state::{ClientCaps, State, is_project_file};

/// The language server.
pub struct Backend {
    state: Arc<State>,
    /// Set when the client asks to shut down, so that `exit` can tell a clean stop.
    shutdown: Arc<AtomicBool>,
}

impl Backend {
    /// A server talking to `client`; `shutdown` is set when the client sends `shutdown`.
    pub fn new(client: Client, shutdown: Arc<AtomicBool>) -> Self {
        Backend {
            state: Arc::new(State::new(client)),
            shutdown,
        }
    }

    fn client(&self) -> &Client {
        &self.state.client
    }

    /// Reads the `interviewCoach` section with `workspace/configuration`, when the client has it.
    async fn pull_configuration(&self) -> Option<Value> {
        if !self.state.caps().configuration {
            return None;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some(SECTION.to_string()),
        };
        match self.client().configuration(vec![item]).await {
            Ok(mut values) if !values.is_empty() => Some(values.swap_remove(0)),
            Ok(_) => None,
            Err(e) => {
                tracing::warn!("workspace/configuration failed: {e}");
                None
            }
        }
    }

    /// Applies a new configuration value; re-analyses, or reloads the content pack when its folder
    /// changed.
    async fn apply_configuration(&self, value: Value) {
        let before = self.state.settings();
        if !self.state.update_settings(None, Some(value)).await {
            return;
        }
        if self.state.settings().categories_path != before.categories_path {
            self.state.reload_content().await;
        } else {
            self.state.reanalyse_all();
        }
    }

    async fn register_file_watchers(&self) {
        if !self.state.caps().watch_files {
            return;
        }
        let mut watchers = vec![
            json!({ "globPattern": format!("**/{}", config::PROJECT_FILE) }),
            json!({ "globPattern": "**/.interview-coach/categories/**" }),
        ];
        let path = self.state.settings().categories_path.clone();
        if path != config::DEFAULT_CATEGORIES_PATH {
            watchers.push(json!({ "globPattern": format!("{}/**", path.trim_end_matches('/')) }));
        }
        let registration = Registration {
            id: "interview-coach-watched-files".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: Some(json!({ "watchers": watchers })),
        };
        if let Err(e) = self.client().register_capability(vec![registration]).await {
            tracing::warn!("cannot watch files: {e}");
        }
    }
}

/// UTF-8 when the client offers it, else the LSP default UTF-16.
pub fn negotiate_encoding(capabilities: &ClientCapabilities) -> Encoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

fn client_caps(capabilities: &ClientCapabilities) -> ClientCaps {
    let workspace = capabilities.workspace.as_ref();
    ClientCaps {
        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
        watch_files: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
        show_document: capabilities
            .window
            .as_ref()
            .and_then(|w| w.show_document.as_ref())
            .is_some_and(|s| s.support),
    }
}

#[allow(deprecated)] // `root_path` and `root_uri`: older clients send only those.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let folders = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok());
    let root_uri = params.root_uri.iter().filter_map(|u| u.to_file_path().ok());
    let root_path = params.root_path.iter().map(PathBuf::from);
    let mut roots: Vec<PathBuf> = folders.collect();
    if roots.is_empty() {
        roots.extend(root_uri);
    }
    if roots.is_empty() {
        roots.extend(root_path);
    }
    roots
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = negotiate_encoding(&params.capabilities);
        self.state.set_encoding(encoding);
        self.state.set_caps(client_caps(&params.capabilities));
        self.state.set_roots(workspace_roots(&params));
        if let Some(options) = params.initialization_options {
            self.state.update_settings(Some(options), None).await;
        }
        let position_encoding = match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        };
        tracing::info!(encoding = position_encoding.as_str(), "initialize");
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(position_encoding),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "interview-coach".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if let Some(value) = self.pull_configuration().await {
            self.state.update_settings(None, Some(value)).await;
        }
        // Loads the catalog and writes the guide before the first analysis, so that the first
        // diagnostics already link into it.
        self.state.reload_content().await;
        self.state.set_ready();
        self.register_file_watchers().await;
    }

    async fn shutdown(&self) -> Result<()> {
        tracing::info!("shutdown");
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        // Stored before any await: later notifications about it must find it.
        self.state
            .open(doc.uri, doc.language_id, doc.version, &doc.text);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        if !self.state.change(&uri, version, &params.content_changes) {
            tracing::warn!(%uri, "change to a document that is not open; ignored");
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        let Ok(path) = uri.to_file_path() else { return };
        if is_project_file(&path) {
            self.state.forget_project_files();
            self.state.reanalyse_all();
        } else if self.state.is_open_pack_file(&uri) {
            self.state.reload_content().await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.state.close(&params.text_document.uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let value = match self.pull_configuration().await {
            Some(value) => value,
            None => params.settings,
        };
        self.apply_configuration(value).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut project = false;
        let mut pack = false;
        for change in &params.changes {
            let Ok(path) = change.uri.to_file_path() else {
                continue;
            };
            if is_project_file(&path) {
                project = true;
            } else if self.state.is_open_pack_file(&change.uri) {
                pack = true;
            }
        }
        if pack {
            self.state.reload_content().await;
        } else if project {
            self.state.forget_project_files();
            self.state.reanalyse_all();
        }
    }
}
