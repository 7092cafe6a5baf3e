//! The language server: tower-lsp adapter over the rubric engine, served over stdio.

pub mod config;
pub mod content_pack;
pub mod diagnostics;
pub mod document;
pub mod guide_files;
pub mod logging;
pub mod server;
pub mod state;
#[cfg(test)]
mod testing;

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};
use tower_lsp::{LspService, Server};

/// Serves the language server over stdin and stdout until the client sends `exit` or closes stdin.
/// Returns the process exit code: 1 when the client sent `exit` without `shutdown` first (as the
/// protocol asks), else 0.
pub fn run() -> anyhow::Result<i32> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("interview-coach")
        .build()?;
    let shutdown = Arc::new(AtomicBool::new(false));
    let stdin_closed = Arc::new(AtomicBool::new(false));
    let code = runtime.block_on(async {
        let stdin = EofWatch {
            inner: tokio::io::stdin(),
            eof: Arc::clone(&stdin_closed),
        };
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
        Server::new(stdin, tokio::io::stdout(), socket)
            .serve(service)
            .await;
        let shut_down = shutdown.load(Ordering::SeqCst);
        if stdin_closed.load(Ordering::SeqCst) {
            tracing::info!("stdin closed, exiting");
            0
        } else if shut_down {
            tracing::info!("exit");
            0
        } else {
            tracing::warn!("exit without shutdown");
            1
        }
    });
    // Analyses still running on the blocking pool are of no use to anyone now.
    runtime.shutdown_background();
    Ok(code)
}

/// Stdin that records when it reaches end of file, to tell a closed pipe from an `exit`.
struct EofWatch<R> {
    inner: R,
    eof: Arc<AtomicBool>,
}

impl<R: AsyncRead + Unpin> AsyncRead for EofWatch<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &poll {
            if buf.filled().len() == before && buf.remaining() > 0 {
                self.eof.store(true, Ordering::SeqCst);
            }
        }
        poll
    }
}
