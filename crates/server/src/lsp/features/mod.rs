//! The language features as pure functions over a [`Snapshot`] of one document: hover, completion,
//! definition, code actions, code lenses, document symbols and command results.
//!
//! Nothing here does I/O or talks to the client; the server's handlers build a snapshot, call these
//! functions and send what they return. Every position from the client is clamped by [`Document`],
//! so no request can make a feature panic.
//!
//! Entry points, one per request:
//! - [`hover::hover`], [`definition::goto_definition`] (Locations in the guide files);
//! - [`completion::completion`] with [`completion::TRIGGER_CHARACTERS`] (`#`, `:`), given the
//!   trigger character and whether the client supports snippets;
//! - [`code_action::code_actions`] (quick fixes; `documentChanges` when the client takes them);
//! - [`code_lens::code_lenses`], [`symbols::document_symbols`];
//! - [`commands`]: the `interviewCoach.*` command names ([`commands::ALL`]) and their results.

pub mod code_action;
pub mod code_lens;
pub mod commands;
pub mod completion;
pub mod definition;
#[cfg(test)]
mod embedded_tests;
#[cfg(test)]
mod fixtures;
pub mod hover;
mod locate;
pub mod symbols;

use std::collections::HashMap;

use interview_content::Catalog;
use interview_rubric::{Report, Settings};
use tower_lsp::lsp_types::Url;

use crate::lsp::document::{Document, Encoding};

/// Everything a feature needs to answer a request about one document.
pub struct Snapshot<'a> {
    /// The document's URI.
    pub uri: &'a Url,
    /// The document (rope and version).
    pub doc: &'a Document,
    /// The document's text, the same as `doc` holds.
    pub text: &'a str,
    /// The engine's analysis of `text`.
    pub report: &'a Report,
    /// The catalog the analysis used.
    pub catalog: &'a Catalog,
    /// The settings the analysis used.
    pub settings: &'a Settings,
    /// The negotiated position encoding.
    pub encoding: Encoding,
    /// Where the guide files are on disk.
    pub guides: &'a GuideFiles,
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

#[cfg(test)]
mod tests {
    use tower_lsp::lsp_types::{CodeActionContext, Position, Range};

    use super::*;
    use crate::lsp::features::fixtures::Fixture;

    /// Drafts with awkward text: emoji, accents, CRLF, lone CR, code, comments, unclosed blocks.
    const DRAFTS: &[&str] = &[
        "",
        "---",
        "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives? 😀\r\n\r\n## Context\r\nÉté: incentive alignment, win rate.\r\n\r\n```\r\ncode\r\n```\r\n<!-- coach: disable hedging -->\r\n**Result:** up 20%.\r\n",
        "# Share a partnership that drove measurable growth\n\nWe ran co-selling with 40 meetings.\rI think the partner was bad.\n\n    indented\n`inline",
        "---\nquestion: nope\n\n<!-- unclosed\n# x",
    ];

    #[test]
    fn no_feature_panics_at_any_position() {
        for draft in DRAFTS {
            let catalog = fixtures::catalog();
            let report = interview_rubric::analyze(draft, &catalog, &Settings::default());
            let fixture = Fixture::new(draft, report);
            let lines = u32::try_from(draft.lines().count()).unwrap() + 2;
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let snap = fixture.snap(encoding);
                let _ = code_lens::code_lenses(&snap);
                let _ = symbols::document_symbols(&snap);
                let _ = commands::examples_location(&snap);
                for line in (0..lines).chain([u32::MAX]) {
                    for character in (0..60).chain([u32::MAX]) {
                        let at = Position::new(line, character);
                        let _ = hover::hover(&snap, at);
                        let _ = definition::goto_definition(&snap, at);
                        for trigger in [None, Some("#"), Some(":")] {
                            let _ = completion::completion(&snap, at, trigger, character % 2 == 0);
                        }
                        let range = Range::new(at, Position::new(line / 2, character / 3));
                        let _ = code_action::code_actions(
                            &snap,
                            range,
                            &CodeActionContext::default(),
                            line % 2 == 0,
                        );
                    }
                }
            }
        }
    }
}
