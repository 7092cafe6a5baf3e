//! The content in force: the catalog (embedded plus the workspace's content pack), the guide files
//! written for it, and the pack's validation errors, published as diagnostics in the pack's files.
//!
//! Loads are serialised, so that an older load never replaces a newer one. A pack file that is
//! open is validated from its buffer, the others from disk with the pack loader's limits; either
//! way its errors are about the file, so they are published for open and unopened files alike.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::catch_unwind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use interview_content::{Catalog, ContentError, MAX_PACK_FILE_BYTES, bounded};
use tower_lsp::lsp_types::Url;

use super::panic_message;
use super::scheduler::Outcome;
use super::{State, lock, read, write};
use crate::content_pack;
use crate::lsp::diagnostics;
use crate::lsp::document::Document;
use crate::lsp::guide_files::{self, WrittenGuide};

/// A pack category to validate: open buffers where the files are open, the disk otherwise.
pub(super) struct PackJob {
    dir: PathBuf,
    stem: String,
    markdown: Option<String>,
    companion: Option<String>,
}

impl State {
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

    /// The catalog in force.
    pub fn catalog(&self) -> Arc<Catalog> {
        read(&self.catalog)
    }

    /// The guide files written for the catalog in force.
    pub fn guide(&self) -> Arc<WrittenGuide> {
        read(&self.guide)
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

    /// Whether the URI is a file of the guide cache (this content version's or an older one's).
    pub(super) fn is_guide_uri(&self, uri: &Url) -> bool {
        let Ok(path) = uri.to_file_path() else {
            return false;
        };
        let guide = self.guide();
        let root = guide.dir.parent().unwrap_or(&guide.dir);
        !guide.dir.as_os_str().is_empty() && path.starts_with(root)
    }

    /// The content pack folder for the current settings and workspace.
    fn pack_dir(&self) -> Option<PathBuf> {
        let roots = read(&self.roots);
        content_pack::pack_dir(
            roots.first().map(PathBuf::as_path),
            &self.settings().categories_path,
        )
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

    /// The category a pack file belongs to, with the open texts of its two files.
    pub(super) fn pack_job(&self, uri: &Url) -> Option<PackJob> {
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
    pub(super) fn set_pack_errors(&self, errors: BTreeMap<PathBuf, Vec<ContentError>>) {
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
}

/// Validates a pack category from its open buffers, reading the files that are not open. Without
/// a Markdown file there is no category to validate: the errors from the last load stay.
pub(super) fn validate_pack(pack: PackJob) -> Outcome {
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
