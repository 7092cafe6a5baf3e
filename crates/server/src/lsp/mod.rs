//! The language server: tower-lsp adapter over the rubric engine, served over stdio.

pub mod config;
pub mod diagnostics;
pub mod document;
pub mod features;
pub mod guide_files;
pub mod logging;
pub mod server;
pub mod state;
#[cfg(test)]
mod testing;
pub mod to_proto;
pub mod transport;
pub mod workspace;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use futures::FutureExt;
use futures::future::BoxFuture;
use std::panic::AssertUnwindSafe;
use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Id, Request, Response};
use tower_lsp::{LspService, Server};
use tower_service::Service;

/// How long handlers still running may take to answer once the client's input has closed.
const CLOSE_GRACE: std::time::Duration = std::time::Duration::from_millis(300);

/// Serves the language server over stdin and stdout until the client sends `exit` or closes stdin.
/// Returns the process exit code: 1 when the client sent `exit` without `shutdown` first (as the
/// protocol asks), else 0.
pub fn run() -> anyhow::Result<i32> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("interview-coach")
        .build()?;
    let shutdown = Arc::new(AtomicBool::new(false));
    let code = runtime.block_on(async {
        let flag = Arc::clone(&shutdown);
        let (service, socket) = LspService::new(move |client| {
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<logging::ClientLog>();
            let log_client = client.clone();
            tokio::spawn(async move {
                while let Some((kind, message)) = rx.recv().await {
                    log_client.log_message(kind, message).await;
                }
            });
            logging::forward_to(tx);
            server::Backend::new(client, flag)
        });
        let exit = Arc::new(Notify::new());
        let service = ExitWatch {
            inner: service,
            exit: Arc::clone(&exit),
        };
        // The guard keeps one malformed message from ending tower-lsp's read loop.
        let guarded = transport::spawn(tokio::io::stdin(), tokio::io::stdout());
        let serve = Server::new(guarded.input, guarded.output, socket).serve(service);
        tokio::pin!(serve);
        // tower-lsp stops taking requests at `exit` but returns only when stdin closes.
        tokio::select! {
            () = &mut serve => {
                tracing::info!("stdin closed, exiting");
                0
            }
            _ = guarded.input_closed => {
                // tower-lsp returns only once every handler has finished, and one may be waiting
                // for the client (`workspace/configuration`): give them a moment, not more.
                if tokio::time::timeout(CLOSE_GRACE, &mut serve).await.is_err() {
                    tracing::warn!("handlers still running when stdin closed; exiting anyway");
                }
                tracing::info!("stdin closed, exiting");
                0
            }
            () = exit.notified() => {
                if shutdown.load(Ordering::SeqCst) {
                    0
                } else {
                    tracing::warn!("exit without shutdown");
                    1
                }
            }
        }
    });
    // Analyses still running on the blocking pool are of no use to anyone now.
    runtime.shutdown_background();
    Ok(code)
}

/// Passes every message to the server, signals when it is `exit`, and turns a handler that panics
/// into an internal-error response so that the server keeps serving (tower-lsp runs handler
/// futures inside its read loop, where an uncaught panic would end the whole server).
struct ExitWatch<S> {
    inner: S,
    exit: Arc<Notify>,
}

/// A request that panics on purpose, honoured only when `INTERVIEW_COACH_TEST_PANIC` is set, so
/// that tests can prove a panicking handler does not stop the server.
const TEST_PANIC_METHOD: &str = "interviewCoach/testPanic";

impl<S> Service<Request> for ExitWatch<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let method = request.method().to_string();
        let id = request.id().cloned();
        if method == TEST_PANIC_METHOD && std::env::var_os("INTERVIEW_COACH_TEST_PANIC").is_some() {
            return Box::pin(
                async move { panic!("{TEST_PANIC_METHOD} was called") }
                    .catch_unwind()
                    .map(move |outcome| Ok(recover(outcome, &method, id))),
            );
        }
        let future = self.inner.call(request);
        if method == "exit" {
            self.exit.notify_one();
        }
        Box::pin(
            AssertUnwindSafe(future)
                .catch_unwind()
                .map(move |outcome| match outcome {
                    Ok(result) => result,
                    Err(panic) => Ok(recover(Err(panic), &method, id)),
                }),
        )
    }
}

/// The response for a handler that panicked: logged, and an internal error for a request.
fn recover(
    outcome: std::thread::Result<Option<Response>>,
    method: &str,
    id: Option<Id>,
) -> Option<Response> {
    match outcome {
        Ok(response) => response,
        Err(panic) => {
            let what = crate::sync::panic_message(panic);
            tracing::error!("the {method} handler panicked: {what}");
            id.map(|id| {
                let mut error = tower_lsp::jsonrpc::Error::internal_error();
                error.message = format!("internal error in {method}: {what}").into();
                Response::from_error(id, error)
            })
        }
    }
}
