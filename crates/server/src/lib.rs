//! The `interview-coach` binary's library: the language server and the command-line tools, built
//! on the rubric engine.

pub mod bank;
pub mod check;
pub mod content_pack;
pub mod guide;
pub mod lsp;
pub mod sync;
