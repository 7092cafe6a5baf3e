//! The server's view of one open document: its URI, rope and position encoding around the
//! feature layer's [`Analysis`]. The features themselves are in the `interview-ide` crate; this
//! module keeps what needs the protocol: the snapshot, the guide files' URIs and code actions.

pub mod code_action;
#[cfg(test)]
mod fixtures;

use std::collections::HashMap;
use std::ops::Deref;

use interview_ide::{Analysis, GuideLinks};
use tower_lsp::lsp_types::Url;

use crate::lsp::document::{Document, Encoding};

/// Everything a request about one document needs: the analysis (through `Deref`) and how to
/// convert its byte offsets to the client's positions.
pub struct Snapshot<'a> {
    /// The document's URI.
    pub uri: &'a Url,
    /// The document (rope and version).
    pub doc: &'a Document,
    /// The negotiated position encoding.
    pub encoding: Encoding,
    /// Where the guide files are on disk.
    pub guides: &'a GuideFiles,
    /// The document's text, report, catalog and settings.
    pub analysis: Analysis<'a>,
}

impl<'a> Deref for Snapshot<'a> {
    type Target = Analysis<'a>;

    fn deref(&self) -> &Analysis<'a> {
        &self.analysis
    }
}

/// Where each category's guide file is on disk (filled by the core when it writes the guide cache;
/// a file per category `<id>.md` holding the category Markdown verbatim, so catalog source lines
/// are valid there, plus `rules.md`).
#[derive(Debug, Clone, Default)]
pub struct GuideFiles {
    /// Category id → the URI of its guide file.
    pub by_category: HashMap<String, Url>,
    /// The URI of the rules page, when written.
    pub rules: Option<Url>,
}

impl GuideLinks for GuideFiles {
    fn category(&self, id: &str) -> Option<String> {
        self.by_category.get(id).map(Url::to_string)
    }

    fn rules(&self) -> Option<String> {
        self.rules.as_ref().map(Url::to_string)
    }
}

impl Snapshot<'_> {
    /// The LSP range of a byte range of the document.
    pub(crate) fn lsp_range(&self, range: std::ops::Range<usize>) -> tower_lsp::lsp_types::Range {
        self.doc.range(range, self.encoding)
    }

    /// The byte offset of a client position, clamped to the document.
    pub(crate) fn offset(&self, position: tower_lsp::lsp_types::Position) -> usize {
        self.doc
            .offset(position, self.encoding)
            .min(self.text.len())
    }
}
