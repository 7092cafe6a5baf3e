//! The language server: tower-lsp adapter over the rubric engine.

pub mod document;
pub mod transport;
