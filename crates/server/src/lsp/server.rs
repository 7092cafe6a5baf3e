//! The tower-lsp handlers: lifecycle, document sync, settings, watched files. Each handler does its
//! bookkeeping in [`State`] and leaves the work to it.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde_json::{Value, json};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::bank::index::Index;
use crate::lsp::config::{self, SECTION};
use crate::lsp::document::Encoding;
use crate::lsp::features::{Snapshot, code_action};
use crate::lsp::state::{ClientCaps, State, is_project_file, panic_message};
use crate::lsp::{to_proto, workspace};
use interview_ide::{completion, definition, hover, lens, symbols, templates};

/// How long to wait for the client's answer to `workspace/configuration`.
const CONFIGURATION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The language server.
pub struct Backend {
    state: Arc<State>,
    /// Set once the client left a `workspace/configuration` request unanswered.
    configuration_unanswered: Arc<AtomicBool>,
    /// Numbers configuration changes in the order the client sent them.
    configuration_sent: AtomicU64,
    /// The number of the last configuration change applied: an older one is never applied after it.
    configuration_applied: Arc<tokio::sync::Mutex<u64>>,
    /// Set when the client asks to shut down, so that `exit` can tell a clean stop.
    shutdown: Arc<AtomicBool>,
}

impl Backend {
    /// A server talking to `client`; `shutdown` is set when the client sends `shutdown`.
    pub fn new(client: Client, shutdown: Arc<AtomicBool>) -> Self {
        Backend {
            state: Arc::new(State::new(client)),
            configuration_unanswered: Arc::default(),
            configuration_sent: AtomicU64::new(0),
            configuration_applied: Arc::default(),
            shutdown,
        }
    }

    fn client(&self) -> &Client {
        &self.state.client
    }

    /// Reads the `interviewCoach` section with `workspace/configuration`, when the client has it.
    async fn pull_configuration(&self) -> Option<Value> {
        pull_configuration(&self.state, &self.configuration_unanswered).await
    }

    /// Runs a feature on a snapshot of an open draft (analysed up to its latest text). A panic in
    /// the feature is caught and logged: the request gets no result and the server keeps serving.
    async fn with_snapshot<T>(
        &self,
        uri: &Url,
        feature: &str,
        f: impl FnOnce(&Snapshot<'_>) -> T,
    ) -> Option<T> {
        let (doc, analysis) = self.state.current_analysis(uri).await?;
        let guide = self.state.guide();
        let text = doc.text();
        let snapshot = Snapshot {
            uri,
            doc: &doc,
            encoding: self.state.encoding(),
            guides: &guide.files,
            analysis: interview_ide::Analysis {
                text: &text,
                report: &analysis.report,
                catalog: &analysis.catalog,
                settings: &analysis.settings,
                links: &guide.files,
            },
        };
        match catch_unwind(AssertUnwindSafe(|| f(&snapshot))) {
            Ok(result) => Some(result),
            Err(panic) => {
                tracing::error!(%uri, feature, "feature panicked: {}", panic_message(panic));
                None
            }
        }
    }

    /// Asks the client to show a document, when it can; failures are logged.
    async fn show_document(&self, uri: Url, selection: Option<Range>) {
        if !self.state.caps().show_document {
            return;
        }
        let params = ShowDocumentParams {
            uri: uri.clone(),
            external: Some(false),
            take_focus: Some(true),
            selection,
        };
        match self.client().show_document(params).await {
            Ok(true) => {}
            Ok(false) => tracing::warn!(%uri, "the client did not show the document"),
            Err(e) => tracing::warn!(%uri, "window/showDocument failed: {e}"),
        }
    }

    async fn execute(&self, command: &str, arguments: &[Value]) -> Result<Option<Value>> {
        let string_arg = |i: usize| arguments.get(i).and_then(Value::as_str);
        let uri_arg = || {
            let text = string_arg(0).ok_or_else(|| Error::invalid_params("expected [uri]"))?;
            Url::parse(text).map_err(|e| Error::invalid_params(format!("bad URI `{text}`: {e}")))
        };
        match command {
            to_proto::QUESTIONS => {
                let catalog = self.state.catalog();
                Ok(to_value(&templates::questions(&catalog)))
            }
            to_proto::NEW_DRAFT => {
                let id = string_arg(0).ok_or_else(|| Error::invalid_params("expected [id]"))?;
                let catalog = self.state.catalog();
                match templates::new_draft(&catalog, id) {
                    Ok(draft) => Ok(to_value(&draft)),
                    Err(message) => Err(Error::invalid_params(message)),
                }
            }
            to_proto::SCORE => {
                let uri = uri_arg()?;
                let score = self
                    .with_snapshot(&uri, command, |snap| templates::score(snap.report))
                    .await;
                Ok(Some(
                    score.and_then(|s| to_value(&s)).unwrap_or(Value::Null),
                ))
            }
            to_proto::OPEN_GUIDE => {
                // The guide files are written by the content load that `initialize` starts: a
                // request sent right after it waits for them.
                self.state.content_loaded().await;
                let guide = self.state.guide();
                let catalog = self.state.catalog();
                let Some(uri) = to_proto::guide_uri(&guide.files, &catalog, string_arg(0)) else {
                    return Err(Error::invalid_params(match string_arg(0) {
                        Some(id) => format!("no guide for category `{id}`"),
                        None => "no guide files (the cache folder could not be written)".into(),
                    }));
                };
                self.show_document(uri.clone(), None).await;
                Ok(Some(Value::String(uri.to_string())))
            }
            to_proto::OPEN_EXAMPLES => {
                let uri = uri_arg()?;
                let location = self
                    .with_snapshot(&uri, command, |snap| {
                        let span = templates::examples_span(snap)?;
                        to_proto::location(snap.guides, span, snap.encoding)
                    })
                    .await
                    .flatten();
                let Some(location) = location else {
                    return Ok(Some(Value::Null));
                };
                self.show_document(location.uri.clone(), Some(location.range))
                    .await;
                Ok(to_value(&location))
            }
            to_proto::BANK => {
                let only = to_proto::bank_arguments(arguments).map_err(Error::invalid_params)?;
                let bank = workspace::bank(&self.state, only.as_deref())
                    .await
                    .map_err(Error::invalid_params)?;
                Ok(to_value(&bank))
            }
            other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
        }
    }

    async fn register_file_watchers(&self) {
        if !self.state.caps().watch_files {
            return;
        }
        let mut watchers = vec![
            json!({ "globPattern": format!("**/{}", config::PROJECT_FILE) }),
            json!({ "globPattern": "**/.interview-coach/categories/**" }),
            // The drafts of the workspace index.
            json!({ "globPattern": "**/*.md" }),
        ];
        let path = self.state.settings().categories_path.clone();
        if path != config::DEFAULT_CATEGORIES_PATH {
            // Plain glob strings match absolute paths: anchor a relative folder anywhere.
            let folder = path.trim_end_matches('/');
            let glob = if std::path::Path::new(folder).is_absolute() {
                format!("{folder}/**")
            } else {
                format!("**/{}/**", folder.trim_start_matches("./"))
            };
            watchers.push(json!({ "globPattern": glob }));
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

/// Reads the `interviewCoach` section with `workspace/configuration`, when the client has it and
/// has not left an earlier request unanswered: the wait is bounded, and after one timeout the
/// server stops asking and takes the settings the client pushes.
async fn pull_configuration(state: &State, unanswered: &AtomicBool) -> Option<Value> {
    if !state.caps().configuration || unanswered.load(Ordering::Relaxed) {
        return None;
    }
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some(SECTION.to_string()),
    };
    let request = state.client.configuration(vec![item]);
    match tokio::time::timeout(CONFIGURATION_TIMEOUT, request).await {
        Ok(Ok(mut values)) if !values.is_empty() => Some(values.swap_remove(0)),
        Ok(Ok(_)) => None,
        Ok(Err(e)) => {
            tracing::warn!("workspace/configuration failed: {e}");
            None
        }
        Err(_) => {
            unanswered.store(true, Ordering::Relaxed);
            tracing::warn!(
                "workspace/configuration got no answer in {}s; using the settings the client sends from now on",
                CONFIGURATION_TIMEOUT.as_secs()
            );
            None
        }
    }
}

/// Applies a new configuration value; re-analyses, or reloads the content pack when its folder
/// changed.
async fn apply_configuration(state: &Arc<State>, value: Value) {
    let before = state.settings();
    if !state.update_settings(None, Some(value)).await {
        return;
    }
    if state.settings().categories_path != before.categories_path {
        state.reload_content().await;
    } else {
        state.reanalyse_all();
    }
}

/// The most symbols sent for one document: 600,000 headings would make a response too large to
/// send, and no outline shows that many.
const MAX_SYMBOLS: usize = 5000;

/// The first `max` symbols in document order (a parent before its children), with one more at the
/// end that says how many were left out.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be set to build one.
fn cap_symbols(symbols: Vec<DocumentSymbol>, max: usize) -> Vec<DocumentSymbol> {
    fn count(symbols: &[DocumentSymbol]) -> usize {
        symbols
            .iter()
            .map(|s| 1 + s.children.as_deref().map_or(0, count))
            .sum()
    }
    /// Keeps symbols while `budget` lasts, depth first.
    fn keep(symbols: Vec<DocumentSymbol>, budget: &mut usize) -> Vec<DocumentSymbol> {
        let mut kept = Vec::new();
        for mut symbol in symbols {
            if *budget == 0 {
                break;
            }
            *budget -= 1;
            symbol.children = symbol.children.map(|c| keep(c, budget));
            kept.push(symbol);
        }
        kept
    }
    let total = count(&symbols);
    if total <= max {
        return symbols;
    }
    let mut budget = max;
    let mut kept = keep(symbols, &mut budget);
    let left_out = total - max;
    tracing::warn!(
        total,
        "sent the first {max} document symbols; {left_out} left out"
    );
    let end = kept
        .last()
        .map_or(Range::default(), |s| Range::new(s.range.end, s.range.end));
    kept.push(DocumentSymbol {
        name: format!("… {left_out} more not shown"),
        detail: None,
        kind: SymbolKind::NULL,
        tags: None,
        deprecated: None,
        range: end,
        selection_range: end,
        children: None,
    });
    kept
}

fn to_value<T: serde::Serialize>(value: &T) -> Option<Value> {
    serde_json::to_value(value).ok()
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
        snippets: capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false),
        document_changes: workspace
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false),
        diagnostic_refresh: workspace
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
    }
}

/// The local paths of workspace folders (folders that are not `file:` URIs are left out).
fn folder_paths<'a>(folders: impl IntoIterator<Item = &'a WorkspaceFolder>) -> Vec<PathBuf> {
    folders
        .into_iter()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect()
}

#[allow(deprecated)] // `root_path` and `root_uri`: older clients send only those.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let root_uri = params.root_uri.iter().filter_map(|u| u.to_file_path().ok());
    let root_path = params.root_path.iter().map(PathBuf::from);
    let mut roots = folder_paths(params.workspace_folders.iter().flatten());
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
        // The content pack loads in the background: `initialize` answers at once, and requests that
        // need the catalog wait for the load.
        self.state.start_loading_content();
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
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(
                        completion::TRIGGER_CHARACTERS
                            .iter()
                            .map(|c| (*c).to_string())
                            .collect(),
                    ),
                    ..CompletionOptions::default()
                }),
                definition_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("interview-coach".to_string()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: true,
                        ..DiagnosticOptions::default()
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: to_proto::ALL_COMMANDS
                        .iter()
                        .map(|c| (*c).to_string())
                        .collect(),
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "interview-coach".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let before = self.state.settings().categories_path.clone();
        if let Some(value) = self.pull_configuration().await {
            self.state.update_settings(None, Some(value)).await;
        }
        self.state.content_loaded().await;
        if self.state.settings().categories_path != before {
            self.state.load_content().await;
        }
        self.state.publish_pack_diagnostics().await;
        // Analyses start now, so that the first diagnostics already follow the client's settings.
        self.state.set_ready();
        // The workspace's unopened drafts are indexed in the background from now on.
        Index::start(&self.state);
        self.register_file_watchers().await;
    }

    async fn shutdown(&self) -> Result<()> {
        tracing::info!("shutdown");
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let added = folder_paths(&params.event.added);
        let removed = folder_paths(&params.event.removed);
        let before = self.state.roots();
        let mut roots: Vec<PathBuf> = before
            .iter()
            .filter(|root| !removed.contains(root))
            .cloned()
            .collect();
        for root in added {
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
        tracing::info!(folders = roots.len(), "workspace folders changed");
        let first_changed = roots.first() != before.first();
        self.state.set_roots(roots);
        // Queued before any await, so that a request sent after this notification sees the
        // new folders.
        self.state.index.rescan();
        if first_changed {
            // The content pack is read from the first folder.
            self.state.reload_content().await;
        }
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
        } else if self.state.is_pack_uri(&uri) {
            self.state.reload_content().await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.state.close(&params.text_document.uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Pulled and applied off the message loop: a slow client must not hold up the edits that
        // follow (tower-lsp runs only a few handlers at once). Updates apply in the order sent.
        let state = Arc::clone(&self.state);
        let unanswered = Arc::clone(&self.configuration_unanswered);
        let applied = Arc::clone(&self.configuration_applied);
        let sequence = self.configuration_sent.fetch_add(1, Ordering::Relaxed) + 1;
        tokio::spawn(async move {
            let value = match pull_configuration(&state, &unanswered).await {
                Some(value) => value,
                // Nothing pushed either: the last settings stay in force.
                None if params.settings.is_null() => return,
                None => params.settings,
            };
            let mut last = applied.lock().await;
            if *last > sequence {
                return; // A later change was applied already.
            }
            *last = sequence;
            apply_configuration(&state, value).await;
        });
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
            } else if self.state.is_pack_uri(&change.uri) {
                pack = true;
            } else if change.typ == FileChangeType::DELETED {
                self.state.index.deleted(&path);
            } else {
                // Taken in before any await: a request that follows sees the change.
                workspace::changed(&self.state, &path);
            }
        }
        if pack {
            self.state.reload_content().await;
        } else if project {
            self.state.forget_project_files();
            self.state.reanalyse_all();
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        Ok(self
            .with_snapshot(&at.text_document.uri, "hover", |snap| {
                let found = hover::hover(snap, snap.offset(at.position))?;
                Some(to_proto::hover(snap, found))
            })
            .await
            .flatten())
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let trigger = params.context.and_then(|c| c.trigger_character);
        let snippets = self.state.caps().snippets;
        Ok(self
            .with_snapshot(&at.text_document.uri, "completion", |snap| {
                let items = completion::completion(
                    snap,
                    snap.offset(at.position),
                    trigger.as_deref(),
                    snippets,
                );
                to_proto::completion(snap, items)
            })
            .await
            .flatten())
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        Ok(self
            .with_snapshot(&at.text_document.uri, "definition", |snap| {
                let spans = definition::definition(snap, snap.offset(at.position));
                to_proto::definition(snap, spans)
            })
            .await
            .flatten())
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let document_changes = self.state.caps().document_changes;
        let actions = self
            .with_snapshot(&params.text_document.uri, "code action", |snap| {
                code_action::code_actions(snap, params.range, &params.context, document_changes)
            })
            .await;
        Ok(actions.filter(|a| !a.is_empty()))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        Ok(self
            .with_snapshot(&params.text_document.uri, "code lens", |snap| {
                to_proto::lenses(snap, lens::lenses(snap))
            })
            .await)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .with_snapshot(&params.text_document.uri, "symbols", |snap| {
                DocumentSymbolResponse::Nested(cap_symbols(
                    to_proto::symbols(snap, symbols::symbols(snap)),
                    MAX_SYMBOLS,
                ))
            })
            .await)
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        self.execute(&params.command, &params.arguments).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        let found = workspace::symbols(&self.state, &params.query).await;
        Ok(Some(to_proto::workspace_symbols(found)))
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let previous: HashMap<Url, String> = params
            .previous_result_ids
            .into_iter()
            .map(|p| (p.uri, p.value))
            .collect();
        let (files, gone) = workspace::diagnostics(&self.state, &previous).await;
        Ok(to_proto::workspace_diagnostics(files, gone))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let file = workspace::document_diagnostics(
            &self.state,
            &params.text_document.uri,
            params.previous_result_id.as_deref(),
        );
        Ok(to_proto::document_diagnostics(file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(deprecated)]
    fn symbol(name: &str, line: u32, children: Option<Vec<DocumentSymbol>>) -> DocumentSymbol {
        let range = Range::new(Position::new(line, 0), Position::new(line, 1));
        DocumentSymbol {
            name: name.to_string(),
            detail: None,
            kind: SymbolKind::STRING,
            tags: None,
            deprecated: None,
            range,
            selection_range: range,
            children,
        }
    }

    #[test]
    fn symbols_are_capped_in_document_order_with_a_count_of_the_rest() {
        let nested = vec![
            symbol(
                "a",
                0,
                Some(vec![symbol("a1", 1, None), symbol("a2", 2, None)]),
            ),
            symbol("b", 3, Some(vec![symbol("b1", 4, None)])),
        ];
        assert_eq!(cap_symbols(nested.clone(), 5), nested);
        let capped = cap_symbols(nested, 3);
        let names: Vec<&str> = capped.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["a", "… 2 more not shown"]);
        let children: Vec<&str> = capped[0]
            .children
            .iter()
            .flatten()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(children, ["a1", "a2"]);
    }
}
