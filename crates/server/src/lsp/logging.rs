//! Logs go through `tracing`: to stderr (filtered by `RUST_LOG`, default `info`) and, once a client
//! is connected, to the client as `window/logMessage`.
//!
//! Only this crate's events are forwarded to the client: tower-lsp logs about its own transport,
//! and forwarding those would feed the log back into the transport it describes.

use std::fmt::Write as _;
use std::sync::OnceLock;

use tokio::sync::mpsc::UnboundedSender;
use tower_lsp::lsp_types::MessageType;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// A log line on its way to the client.
pub type ClientLog = (MessageType, String);

static CLIENT: OnceLock<UnboundedSender<ClientLog>> = OnceLock::new();

/// Installs the global subscriber: stderr with an `RUST_LOG`-style filter (default `info`), plus
/// the layer that forwards to the client. Calling it twice is harmless.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false);
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(stderr)
        .with(ClientLayer)
        .try_init();
}

/// Starts forwarding log events to this channel (the server drains it into `window/logMessage`).
/// Only the first call takes effect: one process serves one client.
pub fn forward_to(sender: UnboundedSender<ClientLog>) {
    let _ = CLIENT.set(sender);
}

/// Forwards this crate's events to the client channel, when there is one.
struct ClientLayer;

impl<S: Subscriber> Layer<S> for ClientLayer {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let Some(sender) = CLIENT.get() else { return };
        if !event
            .metadata()
            .target()
            .starts_with(env!("CARGO_CRATE_NAME"))
        {
            return;
        }
        let kind = match *event.metadata().level() {
            Level::ERROR => MessageType::ERROR,
            Level::WARN => MessageType::WARNING,
            Level::INFO => MessageType::INFO,
            Level::DEBUG | Level::TRACE => MessageType::LOG,
        };
        let mut text = Line::default();
        event.record(&mut text);
        let _ = sender.send((kind, text.0));
    }
}

/// The event's message followed by its other fields as `key=value`.
#[derive(Default)]
struct Line(String);

impl Visit for Line {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.insert_str(0, value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0.insert_str(0, &format!("{value:?}"));
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}
