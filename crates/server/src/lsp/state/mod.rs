//! The server's shared state: the one [`State`] every handler holds, split by concern so that each
//! part reads on its own:
//!
//! - `documents`: the open documents, kept in sync in the order the client sent the edits, and
//!   which of them are analysed at all;
//! - `settings`: the client settings from each source, and the project file that applies to a
//!   draft;
//! - `content`: the catalog (embedded plus the workspace's content pack), the guide files written
//!   for it, and the pack's validation diagnostics;
//! - `scheduler`: the analysis workers that turn each document's latest text into published
//!   diagnostics, and the analysis that requests read.
//!
//! This module keeps what they share: the struct, whose fields are private to these modules; the
//! lock helpers; what the client said at `initialize` (position encoding, capabilities, workspace
//! folders); and what the server does with a document ([`DocKind`]). The ordering guarantees are
//! explained where they are enforced: edits in `documents`, analyses and publications in
//! `scheduler`.

mod content;
mod documents;
mod scheduler;
mod settings;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use interview_content::Catalog;
use tower_lsp::Client;
use tower_lsp::lsp_types::Url;

use crate::bank::index::Index;
use crate::content_pack::LoadedContent;
use crate::lsp::config::{ClientSettings, ProjectFiles};
use crate::lsp::document::Encoding;
use crate::lsp::guide_files::WrittenGuide;

pub use crate::sync::{lock, panic_message};
pub use documents::MAX_ANALYSED_BYTES;
use documents::OpenDoc;
pub use scheduler::Analysis;
use settings::SettingsSources;
pub use settings::is_project_file;

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
    pub index: Index<State>,
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

    /// A generation never given before: a document gets one on every change to its text or to
    /// what its analysis depends on.
    fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed)
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

    /// What the server does with a document, by its URI and the client's language id.
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
}
