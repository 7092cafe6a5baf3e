//! The server's state: open documents, settings, catalog and guide, and the analysis worker that
//! turns each document's latest text into published diagnostics.
//!
//! Edits are applied under a `std::sync::Mutex` inside the notification handler, before any
//! `.await`, so they land in the order the client sent them. Analysis runs on the blocking pool,
//! one worker per document at a time: a worker that finishes on text that has changed since it
//! started analyses again, so a burst of edits costs at most one stale analysis and always ends with
//! the latest version published. Diagnostics carry their document version and are never published
//! for a version older than one already published for that URI.

use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use interview_content::Catalog;
use interview_rubric::{Report, Settings};
use serde_json::Value;
use tower_lsp::Client;
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, MessageType, Url};

use crate::lsp::config::{ClientSettings, ProjectFiles};
use crate::lsp::content_pack::{self, LoadedContent};
use crate::lsp::diagnostics::{self, GuideLinks};
use crate::lsp::document::{Document, Encoding};
use crate::lsp::guide_files::{self, WrittenGuide};

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
}

/// What a job produced.
enum Outcome {
    /// Diagnostics to publish, with the analysis when the engine ran.
    Publish(Vec<Diagnostic>, Option<Box<Analysis>>),
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
    /// Held while deciding whether to publish and sending, so that publications for one URI leave
    /// in the order they were decided.
    publish: tokio::sync::Mutex<()>,
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
            publish: tokio::sync::Mutex::new(()),
        }
    }

    fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed)
    }

    /// Lets analyses start (after `initialized` has read the settings and loaded the catalog).
    pub fn set_ready(&self) {
        self.ready.send_replace(true);
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
    fn draft_settings(&self, uri: &Url) -> (Settings, Option<String>) {
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
        let dir = self.pack_dir();
        let loaded = match tokio::task::spawn_blocking(move || {
            catch_unwind(|| content_pack::load(dir)).map_err(panic_message)
        })
        .await
        {
            Ok(Ok(loaded)) => loaded,
            Ok(Err(panic)) => {
                tracing::error!("loading the content pack failed: {panic}");
                return;
            }
            Err(e) => {
                tracing::error!("loading the content pack failed: {e}");
                return;
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
        self.publish_pack_diagnostics().await;
        self.reanalyse_all();
    }

    /// Whether a URI is a file of the content pack.
    fn is_pack_uri(&self, uri: &Url) -> bool {
        let content = read(&self.content);
        let dir = content.dir.clone().or_else(|| self.pack_dir());
        match (dir, uri.to_file_path()) {
            (Some(dir), Ok(path)) => content_pack::is_pack_file(&dir, &path),
            _ => false,
        }
    }

    /// Publishes the pack's validation errors in each file that has some, and clears the files
    /// that had some before. Open files use their open text and version.
    async fn publish_pack_diagnostics(&self) {
        let content = read(&self.content);
        let encoding = self.encoding();
        let _publish = self.publish.lock().await;
        let mut batch: Vec<(Url, Vec<Diagnostic>, Option<i32>)> = Vec::new();
        let mut now_published = BTreeSet::new();
        {
            let mut docs = lock(&self.docs);
            for (path, errors) in &content.errors {
                let Ok(uri) = Url::from_file_path(path) else {
                    continue;
                };
                let (doc, version) = match docs.get_mut(&uri) {
                    Some(open) => {
                        open.published_version = Some(open.doc.version);
                        (open.doc.clone(), Some(open.doc.version))
                    }
                    None => (
                        Document::new(&std::fs::read_to_string(path).unwrap_or_default(), 0),
                        None,
                    ),
                };
                let diagnostics = errors
                    .iter()
                    .map(|e| diagnostics::from_content_error(e, &doc, encoding))
                    .collect();
                now_published.insert(uri.clone());
                batch.push((uri, diagnostics, version));
            }
            let mut published = lock(&self.pack_published);
            for uri in published.iter() {
                if !now_published.contains(uri) {
                    let version = docs.get(uri).map(|open| open.doc.version);
                    batch.push((uri.clone(), Vec::new(), version));
                }
            }
            *published = now_published;
        }
        for (uri, diagnostics, version) in batch {
            self.client
                .publish_diagnostics(uri, diagnostics, version)
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

    /// Forgets a closed document and clears its diagnostics (pack files keep their validation
    /// errors, which are about the file on disk).
    pub async fn close(&self, uri: &Url) {
        let removed = lock(&self.docs).remove(uri).is_some();
        if !removed || lock(&self.pack_published).contains(uri) {
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
    }

    /// The text of an open document.
    pub fn document(&self, uri: &Url) -> Option<Document> {
        lock(&self.docs).get(uri).map(|open| open.doc.clone())
    }

    /// URIs of every open document.
    pub fn open_uris(&self) -> Vec<Url> {
        lock(&self.docs).keys().cloned().collect()
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
    }

    fn kind(&self, uri: &Url, language_id: &str) -> DocKind {
        if self.is_pack_uri(uri) {
            return DocKind::PackFile;
        }
        let path = uri.path().to_ascii_lowercase();
        if language_id == "markdown" || path.ends_with(".md") || path.ends_with(".markdown") {
            DocKind::Draft
        } else {
            DocKind::Other
        }
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
        let state = Arc::clone(self);
        tokio::spawn(async move { state.analysis_worker(uri).await });
    }

    fn job(&self, uri: &Url) -> Option<(Job, Option<String>)> {
        let (doc, generation, language_id) = {
            let docs = lock(&self.docs);
            let open = docs.get(uri)?;
            (open.doc.clone(), open.generation, open.language_id.clone())
        };
        let kind = self.kind(uri, &language_id);
        let (settings, problem) = if kind == DocKind::Draft {
            self.draft_settings(uri)
        } else {
            (self.settings().engine.clone(), None)
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
        };
        Some((job, problem))
    }

    /// Analyses the document until its latest generation is done, then publishes.
    async fn analysis_worker(self: Arc<Self>, uri: Url) {
        let _ = self.ready.subscribe().wait_for(|ready| *ready).await;
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
                        if let Some(analysis) = analysis {
                            open.analysis = Some(Arc::from(analysis));
                        }
                        if open.published_version.is_some_and(|p| p > version) {
                            None
                        } else {
                            open.published_version = Some(version);
                            Some(diagnostics)
                        }
                    }
                    Some(Outcome::Nothing) | None => None,
                }
            };
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

    /// The latest analysis of an open document, running one now (on the blocking pool) when the
    /// stored one is older than the text. `None` when the document is not an open draft.
    pub async fn current_analysis(
        self: &Arc<Self>,
        uri: &Url,
    ) -> Option<(Document, Arc<Analysis>)> {
        let (job, _) = self.job(uri)?;
        if job.kind != DocKind::Draft {
            return None;
        }
        {
            let docs = lock(&self.docs);
            let open = docs.get(uri)?;
            if let Some(analysis) = &open.analysis {
                if analysis.generation == open.generation {
                    return Some((open.doc.clone(), Arc::clone(analysis)));
                }
            }
        }
        let doc = job.doc.clone();
        let generation = job.generation;
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

    /// Whether the document at `uri` is a pack file (for save and change handling).
    pub fn is_open_pack_file(&self, uri: &Url) -> bool {
        self.is_pack_uri(uri)
    }
}

/// Runs a job, catching a panic so that one bad document cannot take the server down.
fn run(job: Job) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(|| analyse(job))).map_err(panic_message)
}

fn analyse(job: Job) -> Outcome {
    if job.kind != DocKind::Draft {
        return Outcome::Nothing;
    }
    if let Some(reason) = unanalysable(&job.doc) {
        tracing::warn!(uri = %job.uri, version = job.doc.version, "not analysed: {reason}");
        let notice = diagnostics::notice(
            format!("interview-coach does not analyse this document: {reason}."),
            DiagnosticSeverity::INFORMATION,
        );
        return Outcome::Publish(vec![notice], None);
    }
    let text = job.doc.text();
    let file_name = file_name(&job.uri);
    let report =
        interview_rubric::analyze_file(&text, file_name.as_deref(), &job.catalog, &job.settings);
    let links = GuideLinks {
        by_category: &job.guide.by_category,
        rules: job.guide.rules.as_ref(),
    };
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
