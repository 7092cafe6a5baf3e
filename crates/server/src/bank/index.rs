//! The index of a workspace's unopened drafts, kept current by one background thread at the lowest
//! thread priority. The language server owns one (see `lsp::workspace`); the index itself knows no
//! protocol: its [`Host`] says which folders to walk, which files it analyses itself (open in the
//! editor) and what it keeps of each draft besides the report (the server: its diagnostics).
//!
//! The folders are walked as `check` walks them (at most [`MAX_WORKSPACE_DRAFTS`] drafts) and each
//! draft is read with `check`'s bounds. Open drafts always come first: before each draft the thread
//! waits until no open document is waiting for or under analysis ([`Foreground`]), so a keystroke's
//! diagnostics never queue behind the index. A request that needs the whole index waits for it
//! ([`Index::complete`]); while one waits, the thread analyses in batches on every core (still
//! yielding to open documents between drafts).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::SystemTime;

use interview_rubric::{Engine, Report};
use rayon::prelude::*;

use crate::bank::workspace::{self, MAX_WORKSPACE_DRAFTS};
use crate::sync::{lock, panic_message};

/// Drafts analysed together while a request waits for the index.
const URGENT_BATCH: usize = 32;

/// What an index needs from its owner, which holds the index (see [`Host::index`]).
pub trait Host: Send + Sync + Sized + 'static {
    /// What the owner keeps of each draft besides its report: compared to tell whether a draft's
    /// result changed.
    type View: Clone + PartialEq + Send + Sync + 'static;
    /// The owner's index.
    fn index(&self) -> &Index<Self>;
    /// The folders to walk.
    fn roots(&self) -> Vec<PathBuf>;
    /// An engine for the current content.
    fn engine(&self) -> Arc<Engine>;
    /// Whether the owner analyses `path` itself (open in the editor) or it is no draft at all (a
    /// file of the content pack).
    fn skips(&self, path: &Path) -> bool;
    /// Analyses a draft read from disk.
    fn analyse(&self, engine: &Engine, path: &Path, text: &str) -> (Report, Self::View);
    /// The view of a file that cannot be analysed, saying why.
    fn unreadable(&self, path: &Path, reason: &str) -> Self::View;
    /// Called on the index thread when the index has taken in changes the owner asked to hear
    /// about (a rescan, a changed or deleted file), with the runtime the index was started on.
    fn refreshed(&self, runtime: &tokio::runtime::Handle);
}

/// One draft of the index: a file of the workspace folders that is not open.
#[derive(Debug, Clone)]
pub struct Entry<V> {
    /// The path as shown in the bank.
    pub shown: String,
    /// The engine's report; `None` when the file could not be analysed (see `view`).
    pub report: Option<Arc<Report>>,
    /// What the host keeps of the draft.
    pub view: Arc<V>,
    /// Changes whenever `view` may have changed; unique to this process.
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

struct Inner<V> {
    entries: BTreeMap<PathBuf, Entry<V>>,
    queue: VecDeque<Task>,
    /// Whether to tell the host once the queue is empty.
    refresh: bool,
    /// Whether a draft was left out because the index was full (warned once).
    full: bool,
}

impl<V> Default for Inner<V> {
    fn default() -> Self {
        Inner {
            entries: BTreeMap::new(),
            queue: VecDeque::new(),
            refresh: false,
            full: false,
        }
    }
}

impl<V> Inner<V> {
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
pub struct Index<H: Host> {
    inner: Mutex<Inner<H::View>>,
    /// Wakes the index thread when there is work.
    work: Condvar,
    /// True while the queue is empty and the thread idle; requests wait for it.
    done: tokio::sync::watch::Sender<bool>,
    /// Requests waiting for the index: the thread then analyses in batches on every core.
    waiting: AtomicUsize,
    started: AtomicBool,
    /// Set once `start` has queued the first walk.
    begun: tokio::sync::watch::Sender<bool>,
    next_result: AtomicU64,
    session: u64,
    /// Open documents under analysis.
    pub foreground: Arc<Foreground>,
}

impl<H: Host> Default for Index<H> {
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

impl<H: Host> Index<H> {
    fn push(&self, task: Task, refresh: bool) {
        let mut inner = lock(&self.inner);
        if !inner.queue.contains(&task) {
            inner.queue.push_back(task);
        }
        inner.refresh |= refresh;
        self.done.send_replace(false);
        self.work.notify_one();
    }

    /// A new result id, unique to this process.
    fn result_id(&self) -> String {
        let n = self.next_result.fetch_add(1, Ordering::Relaxed);
        format!("{:x}-{n}", self.session)
    }

    fn started(&self) -> bool {
        self.started.load(Ordering::SeqCst)
    }

    /// Starts the index thread on the current tokio runtime and queues the first walk; once only.
    /// Started even without folders: the host may have some later.
    pub fn start(host: &Arc<H>) {
        let index = host.index();
        if index.started.swap(true, Ordering::SeqCst) {
            return;
        }
        index.push(Task::Scan, false);
        index.begun.send_replace(true);
        let runtime = tokio::runtime::Handle::current();
        let thread_host = Arc::clone(host);
        let spawned = std::thread::Builder::new()
            .name("coach-index".into())
            .spawn(move || run(&thread_host, &runtime));
        if let Err(e) = spawned {
            tracing::error!("cannot start the workspace index: {e}");
            index.stop();
        }
    }

    /// Gives up on the queue (the thread could not start): requests stop waiting.
    fn stop(&self) {
        lock(&self.inner).queue.clear();
        self.done.send_replace(true);
    }

    /// Walks the folders again and analyses every draft (settings, catalog, project file or the
    /// folders themselves changed). Drafts no longer under a folder are forgotten.
    pub fn rescan(&self) {
        if self.started() {
            self.push(Task::Scan, true);
        }
    }

    /// A file changed on disk, was created, or was closed in the editor: analysed again. Returns
    /// false when it is not a draft of the folders `roots`.
    pub fn changed(&self, roots: &[PathBuf], path: &Path) -> bool {
        if !self.started() || !workspace::is_workspace_draft(roots, path) {
            return false;
        }
        self.push(Task::Analyse(path.to_path_buf()), true);
        true
    }

    /// A file was deleted: forgotten.
    pub fn deleted(&self, path: &Path) {
        if self.started() {
            self.push(Task::Remove(path.to_path_buf()), true);
        }
    }

    /// Waits until the index has taken in every change sent so far.
    pub async fn complete(&self) {
        // A request can overtake the notification that starts the index (tower-lsp runs handlers
        // concurrently): give it a moment to start, but never wait on a host that never starts it.
        let mut begun = self.begun.subscribe();
        let _ = tokio::time::timeout(
            std::time::Duration::from_secs(2),
            begun.wait_for(|begun| *begun),
        )
        .await;
        if !self.started() {
            return;
        }
        let mut done = self.done.subscribe();
        if *done.borrow_and_update() {
            return;
        }
        self.waiting.fetch_add(1, Ordering::SeqCst);
        self.work.notify_one();
        let _ = done.wait_for(|done| *done).await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }

    /// The entries now (a snapshot), by path.
    pub fn entries(&self) -> Vec<(PathBuf, Entry<H::View>)> {
        let inner = lock(&self.inner);
        inner
            .entries
            .iter()
            .map(|(path, entry)| (path.clone(), entry.clone()))
            .collect()
    }

    /// The entry of one file.
    pub fn entry(&self, path: &Path) -> Option<Entry<H::View>> {
        lock(&self.inner).entries.get(path).cloned()
    }
}

/// The index thread: takes tasks until the process exits.
fn run<H: Host>(host: &Arc<H>, runtime: &tokio::runtime::Handle) {
    lower_priority();
    // Batches for a waiting request run on every core, in a pool of the index's own so that
    // they keep its priority and the global pool keeps the normal one.
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("coach-index-{i}"))
        .start_handler(|_| lower_priority())
        .build();
    let index = host.index();
    let pool = match pool {
        Ok(pool) => pool,
        Err(e) => {
            tracing::error!("cannot start the workspace index: {e}");
            index.stop();
            return;
        }
    };
    loop {
        let task = {
            let mut inner = lock(&index.inner);
            while inner.queue.is_empty() {
                if inner.refresh {
                    inner.refresh = false;
                    host.refreshed(runtime);
                }
                index.done.send_replace(true);
                inner = index.work.wait(inner).unwrap_or_else(|e| e.into_inner());
            }
            inner.queue.pop_front()
        };
        let Some(task) = task else { continue };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            perform(&**host, &pool, task);
        }));
        if let Err(panic) = outcome {
            tracing::error!("the workspace index failed: {}", panic_message(panic));
        }
    }
}

/// Gives the calling thread the lowest priority the OS gives a normal thread (niceness 19 on
/// Linux): a keystroke's analysis then takes a core from the index whenever they compete.
fn lower_priority() {
    use thread_priority::{ThreadPriority, set_current_thread_priority};
    if let Err(e) = set_current_thread_priority(ThreadPriority::Min) {
        tracing::debug!("an index thread runs at normal priority: {e:?}");
    }
}

fn perform<H: Host>(host: &H, pool: &rayon::ThreadPool, task: Task) {
    let index = host.index();
    match task {
        Task::Scan => {
            let (files, warnings) = workspace::find_drafts(&host.roots(), MAX_WORKSPACE_DRAFTS);
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
                    let Some(Task::Analyse(_)) = inner.queue.front() else {
                        break;
                    };
                    if let Some(Task::Analyse(path)) = inner.queue.pop_front() {
                        batch.push(path);
                    }
                }
            }
            let engine = host.engine();
            let roots = host.roots();
            let analyse = |path: PathBuf| {
                index.foreground.wait_idle();
                let entry = analyse_file(host, &engine, &roots, &path);
                (path, entry)
            };
            // One draft is analysed on this thread; a batch on every core, in the index's pool.
            let results: Vec<_> = if batch.len() == 1 {
                batch.into_iter().map(analyse).collect()
            } else {
                pool.install(|| batch.into_par_iter().map(analyse).collect())
            };
            let mut inner = lock(&index.inner);
            for (path, entry) in results {
                match entry {
                    Some(_) if !inner.admits(&path) => {}
                    Some(mut entry) => {
                        // An unchanged view keeps its result id: the host can say so.
                        if let Some(old) = inner.entries.get(&path)
                            && old.view == entry.view
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

/// Reads and analyses one file; `None` when the host skips it or it is gone.
fn analyse_file<H: Host>(
    host: &H,
    engine: &Engine,
    roots: &[PathBuf],
    path: &Path,
) -> Option<Entry<H::View>> {
    if host.skips(path) || !path.exists() {
        return None;
    }
    let (report, view) = match workspace::read_draft(path) {
        Ok(text) => {
            let (report, view) = host.analyse(engine, path, &text);
            (Some(Arc::new(report)), view)
        }
        Err(reason) => (None, host.unreadable(path, &reason)),
    };
    Some(Entry {
        shown: workspace::shown_path(roots, path),
        report,
        view: Arc::new(view),
        result_id: host.index().result_id(),
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use interview_content::Catalog;
    use interview_rubric::Settings;

    use super::*;

    /// A host with no protocol: keeps each draft's finding count, skips files named `open.md`.
    #[derive(Default)]
    struct Counts {
        index: Index<Counts>,
        roots: Vec<PathBuf>,
        refreshes: AtomicUsize,
    }

    impl Host for Counts {
        type View = Result<usize, String>;
        fn index(&self) -> &Index<Self> {
            &self.index
        }
        fn roots(&self) -> Vec<PathBuf> {
            self.roots.clone()
        }
        fn engine(&self) -> Arc<Engine> {
            Engine::for_catalog(Catalog::embedded())
        }
        fn skips(&self, path: &Path) -> bool {
            path.ends_with("open.md")
        }
        fn analyse(&self, engine: &Engine, path: &Path, text: &str) -> (Report, Self::View) {
            let report = workspace::analyse(engine, path, text, &Settings::default());
            let count = report.findings.len();
            (report, Ok(count))
        }
        fn unreadable(&self, _: &Path, reason: &str) -> Self::View {
            Err(reason.to_string())
        }
        fn refreshed(&self, _: &tokio::runtime::Handle) {
            self.refreshes.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn entry(path: &Path) -> Entry<()> {
        Entry {
            shown: path.display().to_string(),
            report: None,
            view: Arc::new(()),
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_index_follows_the_folder_without_any_protocol() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("answers");
        fs::create_dir(&answers).unwrap();
        fs::write(answers.join("a.md"), "# Why partnerships?\n\nI led it.\n").unwrap();
        fs::write(answers.join("open.md"), "# Open in the editor\n").unwrap();
        let host = Arc::new(Counts {
            roots: vec![dir.path().to_path_buf()],
            ..Counts::default()
        });
        Index::start(&host);
        host.index.complete().await;
        let shown: Vec<String> = host
            .index
            .entries()
            .into_iter()
            .map(|(_, e)| e.shown)
            .collect();
        assert_eq!(shown, ["answers/a.md"]);
        let first = host.index.entry(&answers.join("a.md")).unwrap();
        assert!(first.report.is_some());

        // Touched but unchanged: same result id. Deleted: forgotten, and the host is told.
        assert!(host.index.changed(&host.roots, &answers.join("a.md")));
        host.index.complete().await;
        let again = host.index.entry(&answers.join("a.md")).unwrap();
        assert_eq!(again.result_id, first.result_id);
        fs::remove_file(answers.join("a.md")).unwrap();
        host.index.deleted(&answers.join("a.md"));
        host.index.complete().await;
        assert!(host.index.entries().is_empty());
        assert!(host.refreshes.load(Ordering::SeqCst) >= 1);
    }
}
