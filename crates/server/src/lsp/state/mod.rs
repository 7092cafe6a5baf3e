//! The server's state: open documents, settings, catalog and guide, and the analysis worker that
//! turns each document's latest text into published diagnostics.
//!
//! Edits are applied under a `std::sync::Mutex` inside the notification handler, before any
//! `.await`, so they land in the order the client sent them. Analysis runs on the blocking pool,
//! one worker per document at a time: a worker that finishes on text that has changed since it
//! started analyses again, so a burst of edits costs at most one stale analysis and always ends with
//! the latest version published. Diagnostics carry their document version and are never published
//! for a version older than one already published for that URI.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, TryLockError};

use interview_content::{Catalog, ContentError, MAX_PACK_FILE_BYTES, bounded};
use interview_rubric::{Engine, Memo, Options, Report, Settings};
use serde_json::Value;
use tower_lsp::Client;
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, MessageType, Url};

use crate::lsp::config::{ClientSettings, ProjectFiles};
use crate::lsp::content_pack::{self, LoadedContent};
use crate::lsp::diagnostics::{self, GuideLinks};
use crate::lsp::document::{Document, Encoding};
use crate::lsp::guide_files::{self, WrittenGuide};
use crate::lsp::workspace::{self, Index};

/// Drafts larger than this are kept in sync but not analysed.
pub const MAX_ANALYSED_BYTES: usize = 8 * 1024 * 1024;

/// How much of the start of a document is checked for NUL bytes (as git does for binary files).
const BINARY_SNIFF_BYTES: usize = 8000;

/// What the server does with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// A Markdown answer draft: analysed against the rubric.
    Draft,
    /// A category file of the workspace's content pack: validated.
    PackFile,
    /// Anything else: kept in sync, never analysed.
    Other,
}

/// An open document and what the server knows about it.
#[derive(Debug)]
pub struct OpenDoc {
    /// The text and version.
    pub doc: Document,
    /// The client's language id.
    pub language_id: String,
    /// Bumped on every change to the text or to what its analysis depends on.
    pub generation: u64,
    /// Whether a worker is analysing this document.
    pub analysing: bool,
    /// The latest completed analysis.
    pub analysis: Option<Arc<Analysis>>,
    /// The newest version whose diagnostics were published.
    pub published_version: Option<i32>,
    /// Whether the last analysis found the document too large or binary (logged once).
    pub not_analysed: bool,
    /// Sentence scans of earlier analyses, so that an edit rescans only what it changed.
    memo: Arc<Mutex<Memo>>,
}

/// One analysis of one document generation, with what it used.
#[derive(Debug)]
pub struct Analysis {
    /// The document generation analysed.
    pub generation: u64,
    /// The document version analysed.
    pub version: i32,
    /// The engine's report.
    pub report: Report,
    /// The settings used (client settings with the project file applied).
    pub settings: Settings,
    /// The catalog used.
    pub catalog: Arc<Catalog>,
}

/// Everything an analysis reads, copied out of the state so that no lock is held while it runs.
struct Job {
    uri: Url,
    generation: u64,
    doc: Document,
    kind: DocKind,
    settings: Settings,
    catalog: Arc<Catalog>,
    guide: Arc<WrittenGuide>,
    encoding: Encoding,
    /// For a pack file: its category's files, with the open texts of either.
    pack: Option<PackJob>,
    /// The document's memo.
    memo: Arc<Mutex<Memo>>,
}

/// A pack category to validate: open buffers where the files are open, the disk otherwise.
struct PackJob {
    dir: PathBuf,
    stem: String,
    markdown: Option<String>,
    companion: Option<String>,
}

/// What a job produced.
enum Outcome {
    /// Diagnostics to publish, with the analysis when the engine ran.
    Publish(Vec<Diagnostic>, Option<Box<Analysis>>),
    /// A pack category's validation errors by file.
    Pack(BTreeMap<PathBuf, Vec<ContentError>>),
    /// Nothing to publish (not a draft).
    Nothing,
}

/// Settings from each client source, kept so that a new value of one source can be layered again.
#[derive(Debug, Default)]
struct SettingsSources {
    init: Option<Value>,
    config: Option<Value>,
}

/// What the client said it supports.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClientCaps {
    /// `workspace/configuration`.
    pub configuration: bool,
    /// Dynamic registration of `workspace/didChangeWatchedFiles`.
    pub watch_files: bool,
    /// `window/showDocument`.
    pub show_document: bool,
    /// Snippet syntax in completion items.
    pub snippets: bool,
    /// Versioned `documentChanges` in workspace edits.
    pub document_changes: bool,
    /// `workspace/diagnostic/refresh`.
    pub diagnostic_refresh: bool,
}

/// The shared server state.
pub struct State {
    /// The connection to the client.
    pub client: Client,
    docs: Mutex<HashMap<Url, OpenDoc>>,
    generations: AtomicU64,
    encoding: RwLock<Encoding>,
    caps: RwLock<ClientCaps>,
    roots: RwLock<Vec<PathBuf>>,
    sources: Mutex<SettingsSources>,
    settings: RwLock<Arc<ClientSettings>>,
    content: RwLock<Arc<LoadedContent>>,
    catalog: RwLock<Arc<Catalog>>,
    guide: RwLock<Arc<WrittenGuide>>,
    /// URIs of pack files that have validation diagnostics published.
    pack_published: Mutex<BTreeSet<Url>>,
    project_files: ProjectFiles,
    /// True once the client's settings have been read and the catalog loaded after `initialized`:
    /// analyses wait for it, so that the first diagnostics already follow the settings.
    ready: tokio::sync::watch::Sender<bool>,
    /// True once the first content load (started after `initialize`) is done: analyses wait for
    /// it, so that a draft of a pack category is not analysed against the embedded catalog.
    content_ready: tokio::sync::watch::Sender<bool>,
    /// Notified whenever a worker finishes with a document's latest generation.
    analysed: tokio::sync::Notify,
    /// Serialises content reloads, so that an older load cannot replace a newer one.
    reloading: tokio::sync::Mutex<()>,
    /// Held while deciding whether to publish and sending, so that publications for one URI leave
    /// in the order they were decided.
    publish: tokio::sync::Mutex<()>,
    /// The workspace's drafts that are not open, analysed in the background.
    pub index: Index,
}

/// Locks a mutex, taking the data even if a panicking thread poisoned it: every update here leaves
/// the data consistent before anything that could panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn read<T: Clone>(lock: &RwLock<T>) -> T {
    lock.read().unwrap_or_else(|e| e.into_inner()).clone()
}

fn write<T>(lock: &RwLock<T>, value: T) {
    *lock.write().unwrap_or_else(|e| e.into_inner()) = value;
}

impl State {
    /// A fresh state for a client: embedded catalog, default settings, no documents.
    pub fn new(client: Client) -> Self {
        let catalog = Arc::new(Catalog::embedded().clone());
        State {
            client,
            docs: Mutex::default(),
            generations: AtomicU64::new(1),
            encoding: RwLock::default(),
            caps: RwLock::default(),
            roots: RwLock::default(),
            sources: Mutex::default(),
            settings: RwLock::default(),
            content: RwLock::default(),
            catalog: RwLock::new(catalog),
            guide: RwLock::default(),
            pack_published: Mutex::default(),
            project_files: ProjectFiles::default(),
            ready: tokio::sync::watch::channel(false).0,
            content_ready: tokio::sync::watch::channel(false).0,
            analysed: tokio::sync::Notify::new(),
            reloading: tokio::sync::Mutex::new(()),
            publish: tokio::sync::Mutex::new(()),
            index: Index::default(),
        }
    }

    fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed)
    }

    /// Lets analyses start (after `initialized` has read the settings and loaded the catalog).
    pub fn set_ready(&self) {
        self.ready.send_replace(true);
    }

    /// Loads the content in the background (after `initialize`, which then answers at once however
    /// large the pack is) and marks it loaded.
    pub fn start_loading_content(self: &Arc<Self>) {
        let state = Arc::clone(self);
        tokio::spawn(async move {
            state.load_content().await;
            state.content_ready.send_replace(true);
        });
    }

    /// Waits until the first content load is done.
    pub async fn content_loaded(&self) {
        let _ = self
            .content_ready
            .subscribe()
            .wait_for(|loaded| *loaded)
            .await;
    }

    /// The negotiated position encoding.
    pub fn encoding(&self) -> Encoding {
        read(&self.encoding)
    }

    /// Sets the position encoding (at `initialize`).
    pub fn set_encoding(&self, encoding: Encoding) {
        write(&self.encoding, encoding);
    }

    /// What the client supports.
    pub fn caps(&self) -> ClientCaps {
        read(&self.caps)
    }

    /// Records what the client supports (at `initialize`).
    pub fn set_caps(&self, caps: ClientCaps) {
        write(&self.caps, caps);
    }

    /// Sets the workspace folders.
    pub fn set_roots(&self, roots: Vec<PathBuf>) {
        write(&self.roots, roots);
    }

    /// The workspace folders.
    pub fn roots(&self) -> Vec<PathBuf> {
        read(&self.roots)
    }

    /// The URIs of the open documents that are drafts.
    pub fn open_drafts(&self) -> Vec<Url> {
        let open: Vec<(Url, String)> = lock(&self.docs)
            .iter()
            .map(|(uri, open)| (uri.clone(), open.language_id.clone()))
            .collect();
        open.into_iter()
            .filter(|(uri, language_id)| self.kind(uri, language_id) == DocKind::Draft)
            .map(|(uri, _)| uri)
            .collect()
    }

    /// Whether a document is open.
    pub fn is_open(&self, uri: &Url) -> bool {
        lock(&self.docs).contains_key(uri)
    }

    /// The client settings in force.
    pub fn settings(&self) -> Arc<ClientSettings> {
        read(&self.settings)
    }

    /// The catalog in force.
    pub fn catalog(&self) -> Arc<Catalog> {
        read(&self.catalog)
    }

    /// The guide files written for the catalog in force.
    pub fn guide(&self) -> Arc<WrittenGuide> {
        read(&self.guide)
    }

    /// The content pack folder for the current settings and workspace.
    fn pack_dir(&self) -> Option<PathBuf> {
        let roots = read(&self.roots);
        content_pack::pack_dir(
            roots.first().map(PathBuf::as_path),
            &self.settings().categories_path,
        )
    }

    // ----- settings -----

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

    // ----- content -----

    /// Loads the catalog for the workspace (embedded plus content pack), writes its guide files,
    /// publishes the pack's validation errors, and re-analyses every open draft.
    pub async fn reload_content(self: &Arc<Self>) {
        self.load_content().await;
        self.publish_pack_diagnostics().await;
        self.reanalyse_all();
    }

    /// Loads the catalog for the workspace (embedded plus content pack) and writes its guide files,
    /// without publishing anything. Returns the pack folder used.
    pub async fn load_content(&self) -> Option<PathBuf> {
        let _reloading = self.reloading.lock().await;
        let dir = self.pack_dir();
        let used = dir.clone();
        let loaded = match tokio::task::spawn_blocking(move || {
            catch_unwind(|| content_pack::load(dir)).map_err(panic_message)
        })
        .await
        {
            Ok(Ok(loaded)) => loaded,
            Ok(Err(panic)) => {
                tracing::error!("loading the content pack failed: {panic}");
                return used;
            }
            Err(e) => {
                tracing::error!("loading the content pack failed: {e}");
                return used;
            }
        };
        let catalog = Arc::new(loaded.catalog.clone());
        let for_guide = catalog.clone();
        let guide = tokio::task::spawn_blocking(move || {
            let root = guide_files::cache_root()
                .ok_or_else(|| "no cache folder (set INTERVIEW_COACH_CACHE_DIR)".to_string())?;
            guide_files::write(&for_guide, &root).map_err(|e| format!("{}: {e}", root.display()))
        })
        .await;
        match guide {
            Ok(Ok(guide)) => {
                tracing::info!(dir = %guide.dir.display(), "guide files ready");
                write(&self.guide, Arc::new(guide));
            }
            Ok(Err(e)) => tracing::warn!("cannot write the guide files: {e}"),
            Err(e) => tracing::error!("writing the guide files failed: {e}"),
        }
        if let Some(dir) = &loaded.dir {
            tracing::info!(
                dir = %dir.display(),
                categories = catalog.categories.len(),
                invalid_files = loaded.errors.len(),
                "content pack loaded"
            );
        }
        write(&self.catalog, catalog);
        write(&self.content, Arc::new(loaded));
        used
    }

    /// Whether a URI is a file of the content pack (open or not).
    pub fn is_pack_uri(&self, uri: &Url) -> bool {
        let content = read(&self.content);
        let dir = content.dir.clone().or_else(|| self.pack_dir());
        match (dir, uri.to_file_path()) {
            (Some(dir), Ok(path)) => content_pack::is_pack_file(&dir, &path),
            _ => false,
        }
    }

    /// Publishes the pack's validation errors in each file that has some, and clears the files
    /// that had some before. Open files use their open text and version.
    pub async fn publish_pack_diagnostics(&self) {
        let content = read(&self.content);
        let encoding = self.encoding();
        let _publish = self.publish.lock().await;
        // Open files use their buffer and version; the others are read after the lock is released.
        let mut files: Vec<(Url, &PathBuf, Option<Document>)> = Vec::new();
        let mut cleared: Vec<(Url, Option<i32>)> = Vec::new();
        {
            let mut docs = lock(&self.docs);
            for path in content.errors.keys() {
                let Ok(uri) = Url::from_file_path(path) else {
                    continue;
                };
                let open = docs.get_mut(&uri).map(|open| {
                    open.published_version = Some(open.doc.version);
                    open.doc.clone()
                });
                files.push((uri, path, open));
            }
            let mut published = lock(&self.pack_published);
            let now: BTreeSet<Url> = files.iter().map(|(uri, _, _)| uri.clone()).collect();
            for uri in published.iter().filter(|uri| !now.contains(*uri)) {
                cleared.push((uri.clone(), docs.get(uri).map(|open| open.doc.version)));
            }
            *published = now;
        }
        for (uri, path, open) in files {
            let version = open.as_ref().map(|doc| doc.version);
            // A refused file (a FIFO, a device, a link to one, a huge file) is not read again
            // here: its errors are shown on an empty text.
            let doc =
                open.unwrap_or_else(|| Document::new(&read_pack_file(path).unwrap_or_default(), 0));
            let diagnostics = content.errors[path]
                .iter()
                .map(|e| diagnostics::from_content_error(e, &doc, encoding))
                .collect();
            self.client
                .publish_diagnostics(uri, diagnostics, version)
                .await;
        }
        for (uri, version) in cleared {
            self.client
                .publish_diagnostics(uri, Vec::new(), version)
                .await;
        }
    }

    // ----- documents -----

    /// Stores a newly opened document and schedules its analysis.
    pub fn open(self: &Arc<Self>, uri: Url, language_id: String, version: i32, text: &str) {
        let generation = self.next_generation();
        lock(&self.docs).insert(
            uri.clone(),
            OpenDoc {
                doc: Document::new(text, version),
                language_id,
                generation,
                analysing: false,
                analysis: None,
                published_version: None,
                not_analysed: false,
                memo: Arc::default(),
            },
        );
        self.schedule(uri);
    }

    /// Applies content changes in order and schedules an analysis. Returns false when the document
    /// is not open.
    pub fn change(
        self: &Arc<Self>,
        uri: &Url,
        version: i32,
        changes: &[tower_lsp::lsp_types::TextDocumentContentChangeEvent],
    ) -> bool {
        let encoding = self.encoding();
        let generation = self.next_generation();
        {
            let mut docs = lock(&self.docs);
            let Some(open) = docs.get_mut(uri) else {
                return false;
            };
            for change in changes {
                open.doc.apply_change(change, encoding);
            }
            if version <= open.doc.version {
                tracing::warn!(%uri, version, previous = open.doc.version, "document version did not increase");
            }
            open.doc.version = version;
            open.generation = generation;
        }
        self.schedule(uri.clone());
        true
    }

    /// Forgets a closed document and clears its diagnostics. A pack file is validated again from
    /// disk instead: its errors are about the file, open or not.
    pub async fn close(&self, uri: &Url) {
        let removed = lock(&self.docs).remove(uri).is_some();
        if !removed {
            return;
        }
        if self.is_pack_uri(uri) {
            if let Some(job) = self.pack_job(uri) {
                if let Ok(Outcome::Pack(errors)) =
                    tokio::task::spawn_blocking(move || validate_pack(job)).await
                {
                    self.set_pack_errors(errors);
                }
            }
            self.publish_pack_diagnostics().await;
            return;
        }
        let _publish = self.publish.lock().await;
        // Reopened while waiting: its own analysis publishes.
        if lock(&self.docs).contains_key(uri) {
            return;
        }
        self.client
            .publish_diagnostics(uri.clone(), Vec::new(), None)
            .await;
        // A draft of the workspace is reported from disk again, as saved.
        if let Ok(path) = uri.to_file_path() {
            workspace::changed(self, &path);
        }
    }

    /// Marks every open document as needing analysis (settings, catalog or project file changed)
    /// and schedules them.
    pub fn reanalyse_all(self: &Arc<Self>) {
        let uris: Vec<Url> = {
            let mut docs = lock(&self.docs);
            for open in docs.values_mut() {
                open.generation = self.next_generation();
            }
            docs.keys().cloned().collect()
        };
        for uri in uris {
            self.schedule(uri);
        }
        workspace::rescan(self);
    }

    fn kind(&self, uri: &Url, language_id: &str) -> DocKind {
        if self.is_pack_uri(uri) {
            return DocKind::PackFile;
        }
        if self.is_guide_uri(uri) {
            // The category guide is read, not coached.
            return DocKind::Other;
        }
        let path = uri.path().to_ascii_lowercase();
        if language_id == "markdown" || path.ends_with(".md") || path.ends_with(".markdown") {
            DocKind::Draft
        } else {
            DocKind::Other
        }
    }

    /// Whether the URI is a file of the guide cache (this content version's or an older one's).
    fn is_guide_uri(&self, uri: &Url) -> bool {
        let Ok(path) = uri.to_file_path() else {
            return false;
        };
        let guide = self.guide();
        let root = guide.dir.parent().unwrap_or(&guide.dir);
        !guide.dir.as_os_str().is_empty() && path.starts_with(root)
    }

    /// Starts a worker for the document unless one is running (it will see the new generation).
    fn schedule(self: &Arc<Self>, uri: Url) {
        {
            let mut docs = lock(&self.docs);
            let Some(open) = docs.get_mut(&uri) else {
                return;
            };
            if open.analysing {
                return;
            }
            open.analysing = true;
        }
        // The workspace index waits while this analysis is pending.
        let foreground = self.index.foreground.enter();
        let state = Arc::clone(self);
        tokio::spawn(async move {
            state.analysis_worker(uri).await;
            drop(foreground);
        });
    }

    fn job(&self, uri: &Url) -> Option<(Job, Option<String>)> {
        let (doc, generation, language_id, memo) = {
            let docs = lock(&self.docs);
            let open = docs.get(uri)?;
            (
                open.doc.clone(),
                open.generation,
                open.language_id.clone(),
                Arc::clone(&open.memo),
            )
        };
        let kind = self.kind(uri, &language_id);
        let (settings, problem) = if kind == DocKind::Draft {
            self.draft_settings(uri)
        } else {
            (self.settings().engine.clone(), None)
        };
        let pack = if kind == DocKind::PackFile {
            self.pack_job(uri)
        } else {
            None
        };
        let job = Job {
            uri: uri.clone(),
            generation,
            doc,
            kind,
            settings,
            catalog: self.catalog(),
            guide: self.guide(),
            encoding: self.encoding(),
            pack,
            memo,
        };
        Some((job, problem))
    }

    /// The category a pack file belongs to, with the open texts of its two files.
    fn pack_job(&self, uri: &Url) -> Option<PackJob> {
        let path = uri.to_file_path().ok()?;
        let dir = path.parent()?.to_path_buf();
        let stem = path.file_stem()?.to_str()?.to_string();
        let open_text = |ext: &str| {
            let uri = Url::from_file_path(dir.join(format!("{stem}.{ext}"))).ok()?;
            lock(&self.docs).get(&uri).map(|open| open.doc.text())
        };
        Some(PackJob {
            markdown: open_text("md"),
            companion: open_text("toml"),
            dir,
            stem,
        })
    }

    /// Replaces the validation errors of some pack files (after validating open buffers).
    fn set_pack_errors(&self, errors: BTreeMap<PathBuf, Vec<ContentError>>) {
        let mut content = (*read(&self.content)).clone();
        for (path, list) in errors {
            if list.is_empty() {
                content.errors.remove(&path);
            } else {
                content.errors.insert(path, list);
            }
        }
        write(&self.content, Arc::new(content));
    }

    /// Analyses the document until its latest generation is done, then publishes.
    async fn analysis_worker(self: Arc<Self>, uri: Url) {
        let _ = self.ready.subscribe().wait_for(|ready| *ready).await;
        self.content_loaded().await;
        loop {
            let Some((job, problem)) = self.job(&uri) else {
                return;
            };
            if let Some(problem) = problem {
                tracing::error!("{problem}");
                self.client.show_message(MessageType::ERROR, problem).await;
            }
            let generation = job.generation;
            let version = job.doc.version;
            let kind = job.kind;
            let outcome = match tokio::task::spawn_blocking(move || run(job)).await {
                Ok(Ok(outcome)) => Some(outcome),
                Ok(Err(panic)) => {
                    tracing::error!(%uri, version, "analysis panicked: {panic}");
                    None
                }
                Err(e) => {
                    tracing::error!(%uri, version, "analysis failed: {e}");
                    None
                }
            };
            let _publish = self.publish.lock().await;
            let diagnostics = {
                let mut docs = lock(&self.docs);
                let Some(open) = docs.get_mut(&uri) else {
                    return;
                };
                if open.generation != generation {
                    // The text or its settings changed meanwhile: analyse the latest.
                    continue;
                }
                open.analysing = false;
                match outcome {
                    Some(Outcome::Publish(diagnostics, analysis)) => {
                        match analysis {
                            Some(analysis) => {
                                open.analysis = Some(Arc::from(analysis));
                                open.not_analysed = false;
                            }
                            None if !open.not_analysed => {
                                // Logged when the document becomes unanalysable, not per edit.
                                open.not_analysed = true;
                                let reason = diagnostics.first().map(|d| d.message.as_str());
                                tracing::warn!(%uri, version, "{}", reason.unwrap_or_default());
                            }
                            None => {}
                        }
                        if open.published_version.is_some_and(|p| p > version) {
                            None
                        } else {
                            open.published_version = Some(version);
                            Some(diagnostics)
                        }
                    }
                    Some(Outcome::Pack(errors)) => {
                        self.set_pack_errors(errors);
                        None
                    }
                    Some(Outcome::Nothing) | None => None,
                }
            };
            self.analysed.notify_waiters();
            if kind == DocKind::PackFile {
                drop(_publish);
                self.publish_pack_diagnostics().await;
            } else if let Some(diagnostics) = diagnostics {
                self.client
                    .publish_diagnostics(uri.clone(), diagnostics, Some(version))
                    .await;
            }
            return;
        }
    }

    /// The analysis of an open draft as it was when the request arrived (this is called before
    /// any `.await` in the handler, so a later `didChange` is not yet applied): the stored one when
    /// it is of that text, else the worker's when it is busy with that text, else one run now on
    /// the blocking pool. `None` when the document is not an open draft.
    pub async fn current_analysis(
        self: &Arc<Self>,
        uri: &Url,
    ) -> Option<(Document, Arc<Analysis>)> {
        // Everything the answer depends on is taken now, before any await.
        let (mut job, problem) = self.job(uri)?;
        if job.kind != DocKind::Draft {
            return None;
        }
        let generation = job.generation;
        if let Some(analysis) = self.analysis_of(uri, generation) {
            return Some((job.doc, analysis));
        }
        if !*self.content_ready.borrow() {
            self.content_loaded().await;
            job.catalog = self.catalog();
            job.guide = self.guide();
        }
        // A worker busy with this text is about to store its analysis: wait for it rather than
        // analyse the same text twice (editors ask for lenses and symbols after each edit). Not
        // before `initialized` (workers wait for it) and not once a later edit has come in.
        if *self.ready.borrow() {
            for _ in 0..3 {
                let notified = self.analysed.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                {
                    let docs = lock(&self.docs);
                    let open = docs.get(uri)?;
                    if let Some(analysis) = &open.analysis {
                        if analysis.generation == generation {
                            return Some((job.doc, Arc::clone(analysis)));
                        }
                    }
                    if !open.analysing || open.generation != generation {
                        break;
                    }
                }
                notified.await;
            }
        }
        if let Some(problem) = problem {
            tracing::error!("{problem}");
            self.client.show_message(MessageType::ERROR, problem).await;
        }
        let doc = job.doc.clone();
        let outcome = tokio::task::spawn_blocking(move || run(job)).await;
        let analysis = match outcome {
            Ok(Ok(Outcome::Publish(_, Some(analysis)))) => Arc::from(analysis),
            Ok(Err(panic)) => {
                tracing::error!(%uri, "analysis panicked: {panic}");
                return None;
            }
            _ => return None,
        };
        let mut docs = lock(&self.docs);
        if let Some(open) = docs.get_mut(uri) {
            if open.generation == generation {
                open.analysis = Some(Arc::clone(&analysis));
            }
        }
        Some((doc, analysis))
    }

    /// The stored analysis of the document, when it is of generation `generation`.
    fn analysis_of(&self, uri: &Url, generation: u64) -> Option<Arc<Analysis>> {
        let docs = lock(&self.docs);
        let analysis = docs.get(uri)?.analysis.as_ref()?;
        (analysis.generation == generation).then(|| Arc::clone(analysis))
    }
}

/// Runs a job, catching a panic so that one bad document cannot take the server down.
fn run(job: Job) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(|| analyse(job))).map_err(panic_message)
}

fn analyse(job: Job) -> Outcome {
    if let Some(pack) = job.pack {
        return validate_pack(pack);
    }
    if job.kind != DocKind::Draft {
        return Outcome::Nothing;
    }
    if let Some(reason) = unanalysable(&job.doc) {
        let notice = diagnostics::notice(
            format!("interview-coach does not analyse this document: {reason}."),
            DiagnosticSeverity::INFORMATION,
        );
        return Outcome::Publish(vec![notice], None);
    }
    let text = job.doc.text();
    let file_name = file_name(&job.uri);
    let options = Options {
        file_name: file_name.as_deref(),
        link_override: None,
    };
    let engine = Engine::for_catalog(&job.catalog);
    // The worker and a request (`current_analysis`) may analyse one document at once: the one
    // that finds the memo taken analyses without it.
    let report = match job.memo.try_lock() {
        Ok(mut memo) => engine.analyze_memo(&text, &options, &job.settings, &mut memo),
        Err(TryLockError::Poisoned(poisoned)) => {
            // A panic mid-analysis: start the memo afresh rather than trust it.
            let mut memo = poisoned.into_inner();
            *memo = Memo::new();
            job.memo.clear_poison();
            engine.analyze_memo(&text, &options, &job.settings, &mut memo)
        }
        Err(TryLockError::WouldBlock) => engine.analyze(&text, &options, &job.settings),
    };
    let links = GuideLinks::from(&job.guide.files);
    let diagnostics = diagnostics::from_report(&report, &job.doc, job.encoding, links);
    let analysis = Analysis {
        generation: job.generation,
        version: job.doc.version,
        report,
        settings: job.settings,
        catalog: job.catalog,
    };
    Outcome::Publish(diagnostics, Some(Box::new(analysis)))
}

/// Validates a pack category from its open buffers, reading the files that are not open. Without
/// a Markdown file there is no category to validate: the errors from the last load stay.
fn validate_pack(pack: PackJob) -> Outcome {
    let read = |ext: &str| read_pack_file(&pack.dir.join(format!("{}.{ext}", pack.stem)));
    let Some(markdown) = pack.markdown.or_else(|| read("md")) else {
        return Outcome::Nothing;
    };
    let companion = pack.companion.or_else(|| read("toml"));
    Outcome::Pack(content_pack::validate_category(
        &pack.dir,
        &pack.stem,
        &markdown,
        companion.as_deref(),
    ))
}

/// A pack file's text, read with the pack loader's limit; `None` for anything the loader refuses
/// (a FIFO would block, a device or `/proc` file would never end, a huge file would fill memory).
fn read_pack_file(path: &Path) -> Option<String> {
    let bytes = bounded::read_file(path, MAX_PACK_FILE_BYTES).ok()?;
    String::from_utf8(bytes).ok()
}

/// Why a document is not analysed: too large, or binary.
pub fn unanalysable(doc: &Document) -> Option<String> {
    let len = doc.len_bytes();
    if len > MAX_ANALYSED_BYTES {
        return Some(format!(
            "it is {:.1} MiB, over the {} MiB limit",
            len as f64 / (1024.0 * 1024.0),
            MAX_ANALYSED_BYTES / (1024 * 1024)
        ));
    }
    // Bytes, not a byte slice: the sniff length may fall inside a multi-byte character.
    if doc.rope().bytes().take(BINARY_SNIFF_BYTES).any(|b| b == 0) {
        return Some("it looks like binary data (it contains NUL bytes)".to_string());
    }
    None
}

/// The draft's file name, which can link it to a question.
fn file_name(uri: &Url) -> Option<String> {
    match uri.to_file_path() {
        Ok(path) => path.file_name()?.to_str().map(str::to_string),
        Err(()) => uri.path_segments()?.next_back().map(str::to_string),
    }
}

/// The message of a caught panic.
pub fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Whether a path is a project settings file.
pub fn is_project_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == crate::lsp::config::PROJECT_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_and_binary_documents_are_not_analysed() {
        assert_eq!(unanalysable(&Document::new("# Fine\n", 1)), None);
        let big = "a".repeat(MAX_ANALYSED_BYTES + 1);
        assert!(
            unanalysable(&Document::new(&big, 1))
                .unwrap()
                .contains("8 MiB")
        );
        let binary = "PK\u{0}\u{0}\u{3}\u{4}";
        assert!(
            unanalysable(&Document::new(binary, 1))
                .unwrap()
                .contains("binary")
        );
        // The sniffed prefix may end inside a multi-byte character.
        let accents = "é".repeat(BINARY_SNIFF_BYTES);
        assert_eq!(unanalysable(&Document::new(&accents, 1)), None);
    }

    #[test]
    fn panic_messages_are_recovered() {
        let payload = catch_unwind(|| panic!("boom {}", 1)).unwrap_err();
        assert_eq!(panic_message(payload), "boom 1");
    }
}
