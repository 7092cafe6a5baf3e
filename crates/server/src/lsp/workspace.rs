//! The workspace's drafts in the language server: an index of the drafts that are not open, kept
//! by one background thread at low priority, and what is built from it (the answer bank,
//! workspace symbols, workspace diagnostics). The domain work is in [`crate::bank::workspace`];
//! this module keeps the index current and gathers what the state knows.
//!
//! The index is built after `initialized`: the folders are walked as `check` walks them (at most
//! [`MAX_WORKSPACE_DRAFTS`] drafts) and each draft is read with `check`'s bounds and analysed on
//! the index thread. Open drafts always come first: before each draft the thread waits until no
//! open document is waiting for or under analysis, so a keystroke's diagnostics never queue
//! behind the index. A request that needs the whole index (the bank, symbols, workspace
//! diagnostics) waits for it; while one waits, the thread analyses in batches on every core
//! (still yielding to open documents between drafts).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::SystemTime;

use interview_rubric::{Engine, Report};
use rayon::prelude::*;
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, Url};

use crate::bank::model::Bank;
use crate::bank::workspace::{self, MAX_WORKSPACE_DRAFTS, WorkspaceDraft};
use crate::lsp::diagnostics;
use crate::lsp::document::Document;
use crate::lsp::state::{State, lock, panic_message};

/// Drafts analysed together while a request waits for the index.
const URGENT_BATCH: usize = 32;

/// One draft of the index: a file of the workspace folders that is not open.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its file URI.
    pub uri: Url,
    /// The path as shown in the bank.
    pub shown: String,
    /// The engine's report; `None` when the file could not be analysed (see `diagnostics`).
    pub report: Option<Arc<Report>>,
    /// Its diagnostics, in the negotiated position encoding.
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// Changes whenever `diagnostics` may have changed.
    pub result_id: String,
}

/// Work for the index thread.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Task {
    /// Walk the folders again and analyse every draft found.
    Scan,
    /// Analyse one file again (changed or created on disk, or closed in the editor).
    Analyse(PathBuf),
    /// Forget one file (deleted).
    Remove(PathBuf),
}

#[derive(Default)]
struct Inner {
    entries: BTreeMap<PathBuf, Entry>,
    queue: VecDeque<Task>,
    /// Whether to ask the client to pull workspace diagnostics again once the queue is empty.
    refresh: bool,
    /// Whether a draft was left out because the index was full (warned once).
    full: bool,
}

impl Inner {
    /// Whether `path` may have an entry: it has one, or the index holds fewer than
    /// [`MAX_WORKSPACE_DRAFTS`]. The walk stops at that many; drafts created afterwards are held
    /// to it too, so the index stays bounded however many files appear.
    fn admits(&mut self, path: &Path) -> bool {
        if self.entries.contains_key(path) || self.entries.len() < MAX_WORKSPACE_DRAFTS {
            return true;
        }
        if !self.full {
            self.full = true;
            tracing::warn!(
                path = %path.display(),
                "the workspace index holds {MAX_WORKSPACE_DRAFTS} drafts: later ones are left out"
            );
        }
        false
    }
}

/// Counts open documents waiting for or under analysis; the index thread waits while any is.
#[derive(Default)]
pub struct Foreground {
    count: Mutex<usize>,
    idle: Condvar,
}

impl Foreground {
    /// Marks an open document's analysis as started; it ends when the guard is dropped.
    pub fn enter(self: &Arc<Self>) -> ForegroundGuard {
        *lock(&self.count) += 1;
        ForegroundGuard(Arc::clone(self))
    }

    /// Waits until no open document is waiting for or under analysis.
    fn wait_idle(&self) {
        let count = lock(&self.count);
        drop(
            self.idle
                .wait_while(count, |count| *count > 0)
                .unwrap_or_else(|e| e.into_inner()),
        );
    }
}

/// Ends an open document's analysis for [`Foreground`] when dropped.
pub struct ForegroundGuard(Arc<Foreground>);

impl Drop for ForegroundGuard {
    fn drop(&mut self) {
        let mut count = lock(&self.0.count);
        *count = count.saturating_sub(1);
        if *count == 0 {
            self.0.idle.notify_all();
        }
    }
}

/// The index of the workspace's unopened drafts.
pub struct Index {
    inner: Mutex<Inner>,
    /// Wakes the index thread when there is work.
    work: Condvar,
    /// True while the queue is empty and the thread idle; requests wait for it.
    done: tokio::sync::watch::Sender<bool>,
    /// Requests waiting for the index: the thread then analyses in batches on every core.
    waiting: AtomicUsize,
    started: AtomicBool,
    /// Set once `start` has queued the first walk (or found nothing to index).
    begun: tokio::sync::watch::Sender<bool>,
    next_result: AtomicU64,
    session: u64,
    /// Open documents under analysis.
    pub foreground: Arc<Foreground>,
}

impl Default for Index {
    fn default() -> Self {
        let session = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Index {
            inner: Mutex::default(),
            work: Condvar::new(),
            done: tokio::sync::watch::channel(false).0,
            waiting: AtomicUsize::new(0),
            started: AtomicBool::new(false),
            begun: tokio::sync::watch::channel(false).0,
            next_result: AtomicU64::new(1),
            session,
            foreground: Arc::default(),
        }
    }
}

impl Index {
    fn push(&self, task: Task, refresh: bool) {
        let mut inner = lock(&self.inner);
        if !inner.queue.contains(&task) {
            inner.queue.push_back(task);
        }
        inner.refresh |= refresh;
        self.done.send_replace(false);
        self.work.notify_one();
    }

    /// A new result id, unique to this server process.
    fn result_id(&self) -> String {
        let n = self.next_result.fetch_add(1, Ordering::Relaxed);
        format!("{:x}-{n}", self.session)
    }

    /// The entries now (a snapshot).
    fn entries(&self) -> Vec<Entry> {
        lock(&self.inner).entries.values().cloned().collect()
    }

    /// The entry of one file.
    fn entry(&self, path: &Path) -> Option<Entry> {
        lock(&self.inner).entries.get(path).cloned()
    }
}

/// Starts the index thread and the first walk (after `initialized`); once only. Without workspace
/// folders there is nothing to index.
pub fn start(state: &Arc<State>) {
    let index = &state.index;
    if index.started.swap(true, Ordering::SeqCst) {
        return;
    }
    // Started even without folders: the client may add some later.
    index.push(Task::Scan, false);
    index.begun.send_replace(true);
    let runtime = tokio::runtime::Handle::current();
    let thread_state = Arc::clone(state);
    let spawned = std::thread::Builder::new()
        .name("coach-index".into())
        .spawn(move || run(&thread_state, &runtime));
    if let Err(e) = spawned {
        tracing::error!("cannot start the workspace index: {e}");
        lock(&index.inner).queue.clear();
        index.done.send_replace(true);
    }
}

/// Walks the folders again and analyses every draft (settings, catalog, project file or the
/// folders themselves changed). Drafts no longer under a folder are forgotten.
pub fn rescan(state: &State) {
    if state.index.started.load(Ordering::SeqCst) {
        state.index.push(Task::Scan, true);
    }
}

/// A file of the workspace changed on disk, was created, or was closed in the editor: analysed
/// again. Returns false when it is not a draft of the workspace folders.
pub fn changed(state: &State, path: &Path) -> bool {
    if !state.index.started.load(Ordering::SeqCst)
        || !workspace::is_workspace_draft(&state.roots(), path)
    {
        return false;
    }
    state.index.push(Task::Analyse(path.to_path_buf()), true);
    true
}

/// A file of the workspace was deleted: forgotten.
pub fn deleted(state: &State, path: &Path) {
    if state.index.started.load(Ordering::SeqCst) {
        state.index.push(Task::Remove(path.to_path_buf()), true);
    }
}

/// Waits until the index has taken in every change sent so far.
async fn complete(state: &State) {
    let index = &state.index;
    // A request can overtake the `initialized` notification that starts the index (tower-lsp
    // runs handlers concurrently): give it a moment to start, but never wait on a client that
    // does not send `initialized`.
    let mut begun = index.begun.subscribe();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        begun.wait_for(|begun| *begun),
    )
    .await;
    if !index.started.load(Ordering::SeqCst) {
        return;
    }
    let mut done = index.done.subscribe();
    if *done.borrow_and_update() {
        return;
    }
    index.waiting.fetch_add(1, Ordering::SeqCst);
    index.work.notify_one();
    let _ = done.wait_for(|done| *done).await;
    index.waiting.fetch_sub(1, Ordering::SeqCst);
}

/// The index thread: takes tasks until the server exits.
fn run(state: &Arc<State>, runtime: &tokio::runtime::Handle) {
    lower_priority();
    // Batches for a waiting request run on every core, in a pool of the index's own so that
    // they keep its priority and the global pool keeps the normal one.
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("coach-index-{i}"))
        .start_handler(|_| lower_priority())
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        Err(e) => {
            tracing::error!("cannot start the workspace index: {e}");
            lock(&state.index.inner).queue.clear();
            state.index.done.send_replace(true);
            return;
        }
    };
    let index = &state.index;
    loop {
        let task = {
            let mut inner = lock(&index.inner);
            while inner.queue.is_empty() {
                if inner.refresh {
                    inner.refresh = false;
                    request_refresh(state, runtime);
                }
                index.done.send_replace(true);
                inner = index.work.wait(inner).unwrap_or_else(|e| e.into_inner());
            }
            inner.queue.pop_front()
        };
        let Some(task) = task else { continue };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            perform(state, &pool, task);
        }));
        if let Err(panic) = outcome {
            tracing::error!("the workspace index failed: {}", panic_message(panic));
        }
    }
}

/// Asks the client to pull workspace diagnostics again, when it can.
fn request_refresh(state: &Arc<State>, runtime: &tokio::runtime::Handle) {
    if !state.caps().diagnostic_refresh {
        return;
    }
    let client = state.client.clone();
    runtime.spawn(async move {
        if let Err(e) = client.workspace_diagnostic_refresh().await {
            tracing::warn!("workspace/diagnostic/refresh failed: {e}");
        }
    });
}

/// Gives the calling thread the lowest priority the OS gives a normal thread (niceness 19 on
/// Linux): a keystroke's analysis then takes a core from the index whenever they compete.
fn lower_priority() {
    use thread_priority::{ThreadPriority, set_current_thread_priority};
    if let Err(e) = set_current_thread_priority(ThreadPriority::Min) {
        tracing::debug!("an index thread runs at normal priority: {e:?}");
    }
}

fn perform(state: &Arc<State>, pool: &rayon::ThreadPool, task: Task) {
    let index = &state.index;
    match task {
        Task::Scan => {
            let roots = state.roots();
            let (files, warnings) = workspace::find_drafts(&roots, MAX_WORKSPACE_DRAFTS);
            for warning in warnings {
                tracing::warn!("{warning}");
            }
            let found: BTreeSet<PathBuf> = files.iter().cloned().collect();
            let mut inner = lock(&index.inner);
            inner.entries.retain(|path, _| found.contains(path));
            // Analysed in walk order, after anything queued before the walk.
            for file in files {
                let task = Task::Analyse(file);
                if !inner.queue.contains(&task) {
                    inner.queue.push_back(task);
                }
            }
            tracing::info!(drafts = found.len(), "workspace walked");
        }
        Task::Remove(path) => {
            lock(&index.inner).entries.remove(&path);
        }
        Task::Analyse(first) => {
            let mut batch = vec![first];
            if index.waiting.load(Ordering::SeqCst) > 0 {
                // A request waits: more drafts at once, on every core.
                let mut inner = lock(&index.inner);
                while batch.len() < URGENT_BATCH {
                    match inner.queue.front() {
                        Some(Task::Analyse(_)) => {
                            if let Some(Task::Analyse(path)) = inner.queue.pop_front() {
                                batch.push(path);
                            }
                        }
                        _ => break,
                    }
                }
            }
            let catalog = state.catalog();
            let engine = Engine::for_catalog(&catalog);
            let roots = state.roots();
            let analyse = |path: PathBuf| {
                index.foreground.wait_idle();
                let entry = analyse_file(state, &engine, &roots, &path);
                (path, entry)
            };
            // One draft is analysed on this thread; a batch on every core, in the index's pool.
            let results: Vec<(PathBuf, Option<Entry>)> = if batch.len() == 1 {
                batch.into_iter().map(analyse).collect()
            } else {
                pool.install(|| batch.into_par_iter().map(analyse).collect())
            };
            let mut inner = lock(&index.inner);
            for (path, entry) in results {
                match entry {
                    Some(_) if !inner.admits(&path) => {}
                    Some(mut entry) => {
                        // Unchanged diagnostics keep their result id: the client is told so.
                        if let Some(old) = inner.entries.get(&path)
                            && old.diagnostics == entry.diagnostics
                        {
                            entry.result_id = old.result_id.clone();
                        }
                        inner.entries.insert(path, entry);
                    }
                    None => {
                        inner.entries.remove(&path);
                    }
                }
            }
        }
    }
}

/// Reads and analyses one file; `None` when it is open in the editor (its own analysis counts),
/// gone, or a file of the content pack.
fn analyse_file(state: &State, engine: &Engine, roots: &[PathBuf], path: &Path) -> Option<Entry> {
    let uri = Url::from_file_path(path).ok()?;
    if state.is_open(&uri) || state.is_pack_uri(&uri) || !path.exists() {
        return None;
    }
    let shown = workspace::shown_path(roots, path);
    let (report, diagnostics) = match workspace::read_draft(path) {
        Ok(text) => {
            let (settings, _) = state.draft_settings(&uri);
            let report = workspace::analyse(engine, path, &text, &settings);
            let doc = Document::new(&text, 0);
            let guide = state.guide();
            let diagnostics =
                diagnostics::from_report(&report, &doc, state.encoding(), &guide.files);
            (Some(Arc::new(report)), diagnostics)
        }
        Err(message) => {
            let notice = diagnostics::notice(
                format!("interview-coach does not analyse this file: {message}."),
                DiagnosticSeverity::INFORMATION,
            );
            (None, vec![notice])
        }
    };
    Some(Entry {
        uri,
        shown,
        report,
        diagnostics: Arc::new(diagnostics),
        result_id: state.index.result_id(),
    })
}

/// Every draft of the workspace as the bank counts it: open drafts of the folders with their
/// in-editor text, the index for the others. Waits for the index to take in every change sent.
async fn all_drafts(state: &Arc<State>) -> Vec<WorkspaceDraft> {
    complete(state).await;
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
    let entries = lock(&state.index.inner).entries.clone();
    for (path, entry) in entries {
        if open.contains(&path) || state.is_open(&entry.uri) {
            continue;
        }
        if let Some(report) = entry.report {
            drafts.push(WorkspaceDraft {
                path: entry.shown,
                uri: entry.uri.to_string(),
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
    complete(state).await;
    let entries = state.index.entries();
    let mut reported = BTreeSet::new();
    let mut files = Vec::new();
    for entry in entries {
        if state.is_open(&entry.uri) {
            continue;
        }
        reported.insert(entry.uri.clone());
        let unchanged = previous.get(&entry.uri) == Some(&entry.result_id);
        files.push(FileDiagnostics {
            diagnostics: (!unchanged).then(|| Arc::clone(&entry.diagnostics)),
            uri: entry.uri,
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
        diagnostics: (!unchanged).then(|| Arc::clone(&entry.diagnostics)),
        uri: entry.uri,
        result_id: entry.result_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &Path) -> Entry {
        Entry {
            uri: Url::from_file_path(path).unwrap(),
            shown: path.display().to_string(),
            report: None,
            diagnostics: Arc::default(),
            result_id: String::new(),
        }
    }

    #[test]
    fn a_full_index_admits_no_new_draft_but_keeps_updating_its_own() {
        let mut inner = Inner::default();
        for i in 0..MAX_WORKSPACE_DRAFTS {
            let path = PathBuf::from(format!("/w/answers/{i}.md"));
            assert!(inner.admits(&path));
            inner.entries.insert(path.clone(), entry(&path));
        }
        assert!(!inner.admits(Path::new("/w/answers/created-later.md")));
        assert!(inner.full);
        assert!(inner.admits(Path::new("/w/answers/7.md")));
        inner.entries.remove(Path::new("/w/answers/7.md"));
        assert!(inner.admits(Path::new("/w/answers/created-later.md")));
    }
}
