//! The open documents: what `didOpen`, `didChange` and `didClose` store, and which documents are
//! analysed at all (a draft too large or binary is kept in sync but not analysed).
//!
//! Edits are applied under a `std::sync::Mutex` inside the notification handler, before any
//! `.await`, so they land in the order the client sent them. Each change gives the document a new
//! generation and hands it to the scheduler, which analyses the latest one.

use std::sync::{Arc, Mutex};

use interview_rubric::Memo;
use tower_lsp::lsp_types::Url;

use super::content::validate_pack;
use super::scheduler::{Analysis, Outcome};
use super::{DocKind, State, lock};
use crate::lsp::document::Document;
use crate::lsp::workspace;

/// Drafts larger than this are kept in sync but not analysed.
pub const MAX_ANALYSED_BYTES: usize = 8 * 1024 * 1024;

/// How much of the start of a document is checked for NUL bytes (as git does for binary files).
const BINARY_SNIFF_BYTES: usize = 8000;

/// An open document and what the server knows about it.
#[derive(Debug)]
pub(super) struct OpenDoc {
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
    pub(super) memo: Arc<Mutex<Memo>>,
}

impl State {
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
        self.index.rescan();
    }

    /// Whether a document is open.
    pub fn is_open(&self, uri: &Url) -> bool {
        lock(&self.docs).contains_key(uri)
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
}

/// Why a document is not analysed: too large, or binary.
pub(super) fn unanalysable(doc: &Document) -> Option<String> {
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
}
