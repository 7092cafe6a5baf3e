//! The editor features of interview-coach, free of any protocol: hover, completion, go to
//! definition, the outline, code lenses, new-draft templates and the rules page, computed from a draft's text and
//! the engine's [`Report`] on byte offsets, answered with domain types.
//!
//! The language server converts these answers to LSP in one module (`lsp/to_proto.rs`); nothing
//! here knows about positions in UTF-16, URIs or JSON-RPC. Every offset is clamped, so no input
//! makes a feature panic.

pub mod completion;
pub mod definition;
pub mod hover;
pub mod lens;
pub mod locate;
pub mod rules_page;
pub mod symbols;
pub mod templates;
#[cfg(test)]
mod testing;

use interview_content::Catalog;
use interview_rubric::{Report, Settings};

pub use locate::{GuideSpan, Target};

/// Where the guide files are, for links written into hover text. The server implements it with
/// the files of its guide cache; without guide files every method answers `None`.
pub trait GuideLinks {
    /// The address of a category's guide file.
    fn category(&self, id: &str) -> Option<String>;
    /// The address of the rules page, where each rule is the section `#<rule id>`.
    fn rules(&self) -> Option<String>;
}

/// No guide files: links are left out.
impl GuideLinks for () {
    fn category(&self, _: &str) -> Option<String> {
        None
    }
    fn rules(&self) -> Option<String> {
        None
    }
}

/// One analysed draft: everything a feature reads.
#[derive(Clone, Copy)]
pub struct Analysis<'a> {
    /// The draft's text.
    pub text: &'a str,
    /// The engine's report on `text`.
    pub report: &'a Report,
    /// The catalog the report used.
    pub catalog: &'a Catalog,
    /// The settings the report used.
    pub settings: &'a Settings,
    /// Where the guide files are.
    pub links: &'a dyn GuideLinks,
}

impl Analysis<'_> {
    /// `offset` moved back to the nearest character boundary within the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut at = offset.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Fixture;

    /// Drafts with awkward text: emoji, accents, CRLF, lone CR, code, comments, unclosed blocks.
    const DRAFTS: &[&str] = &[
        "",
        "---",
        "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives? 😀\r\n\r\n## Context\r\nÉté: incentive alignment, win rate.\r\n\r\n```\r\ncode\r\n```\r\n<!-- coach: disable hedging -->\r\n**Result:** up 20%.\r\n",
        "# Share a partnership that drove measurable growth\n\nWe ran co-selling with 40 meetings.\rI think the partner was bad.\n\n    indented\n`inline",
        "---\nquestion: nope\n\n<!-- unclosed\n# x",
    ];

    /// The layer stays protocol-free because it cannot name a protocol crate.
    #[test]
    fn no_protocol_crate_is_a_dependency() {
        let manifest = include_str!("../Cargo.toml");
        for protocol in ["tower-lsp", "lsp-types", "lsp-server"] {
            assert!(!manifest.contains(protocol), "{protocol}");
        }
    }

    #[test]
    fn no_feature_panics_at_any_offset() {
        for draft in DRAFTS {
            let fixture = Fixture::new(draft);
            let analysis = fixture.analysis();
            let _ = crate::lens::lenses(&analysis);
            let _ = crate::symbols::symbols(&analysis);
            let _ = crate::templates::examples_span(&analysis);
            // Every byte, character boundary or not, and past the end.
            for offset in (0..=draft.len() + 2).chain([usize::MAX]) {
                let _ = crate::hover::hover(&analysis, offset);
                let _ = crate::definition::definition(&analysis, offset);
                for trigger in [None, Some("#"), Some(":")] {
                    for snippets in [false, true] {
                        let _ = crate::completion::completion(&analysis, offset, trigger, snippets);
                    }
                }
            }
        }
    }
}
