//! The analysis scheduler: turns each document's latest text into published diagnostics, and
//! answers requests with the analysis of the text they were sent for.
//!
//! Analysis runs on the blocking pool, one worker per document at a time: a worker that finishes
//! on text that has changed since it started analyses again, so a burst of edits costs at most one
//! stale analysis and always ends with the latest version published. Diagnostics carry their
//! document version and are never published for a version older than one already published for
//! that URI: the decision and the send happen under the state's `publish` lock, which pack
//! publications and closes take too. Workers wait until `initialized` has read the client's
//! settings and the first content load is done, so that the first diagnostics already follow
//! both. A job copies what it reads out of the state first, so no lock is held while the engine
//! runs, and a panic in the engine is caught: one bad document cannot take the server down.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, TryLockError};

use interview_content::{Catalog, ContentError};
use interview_rubric::{Engine, Memo, Options, Report, Settings};
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, MessageType, Url};

use super::content::{PackJob, validate_pack};
use super::documents::unanalysable;
use super::{DocKind, State, lock, panic_message};
use crate::lsp::diagnostics;
use crate::lsp::document::{Document, Encoding};
use crate::lsp::guide_files::WrittenGuide;

/// One analysis of one document generation, with what it used.
#[derive(Debug)]
pub struct Analysis {
    /// The document generation analysed.
    pub generation: u64,
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

/// What a job produced.
pub(super) enum Outcome {
    /// Diagnostics to publish, with the analysis when the engine ran.
    Publish(Vec<Diagnostic>, Option<Box<Analysis>>),
    /// A pack category's validation errors by file.
    Pack(BTreeMap<PathBuf, Vec<ContentError>>),
    /// Nothing to publish (not a draft).
    Nothing,
}

impl State {
    /// Lets analyses start (after `initialized` has read the settings and loaded the catalog).
    pub fn set_ready(&self) {
        self.ready.send_replace(true);
    }

    /// Starts a worker for the document unless one is running (it will see the new generation).
    pub(super) fn schedule(self: &Arc<Self>, uri: Url) {
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

    /// What an analysis of the document's current text reads, with a problem of its project file
    /// to show the user.
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
    let diagnostics = diagnostics::from_report(&report, &job.doc, job.encoding, &job.guide.files);
    let analysis = Analysis {
        generation: job.generation,
        report,
        settings: job.settings,
        catalog: job.catalog,
    };
    Outcome::Publish(diagnostics, Some(Box::new(analysis)))
}

/// The draft's file name, which can link it to a question.
fn file_name(uri: &Url) -> Option<String> {
    match uri.to_file_path() {
        Ok(path) => path.file_name()?.to_str().map(str::to_string),
        Err(()) => uri.path_segments()?.next_back().map(str::to_string),
    }
}
