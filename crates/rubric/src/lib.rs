//! The rubric engine: Markdown answer draft in, findings with byte ranges out.
//!
//! Pure analysis: no I/O and no editor protocol types. The server and the CLI turn a [`Report`]
//! into diagnostics, hovers and terminal output.
//!
//! [`analyze`] and [`analyze_file`] compile the catalog on first use and cache the result (keyed
//! by the catalog's content); a long-lived caller can hold an [`Engine`] instead, and a [`Memo`]
//! per document so that each analysis after an edit rescans only the sentences that changed
//! ([`Engine::analyze_memo`]).

mod brill;
mod context;
mod directives;
mod draft;
mod engine;
mod front_matter;
mod impact;
pub mod learned;
mod lexicon;
mod link;
mod memo;
mod mentions;
mod negation;
mod noun_phrase;
mod numbers;
mod reparse;
mod report;
mod rules;
mod score;
mod settings;
mod settings_file;
mod speaking;
mod story;
pub mod syntax;
mod tokens;
mod valence;
mod validate;
mod who;

pub use directives::{Directive, DirectiveKind};
pub use engine::{Engine, Options};
pub use front_matter::{Entry as FrontMatterEntry, FrontMatter};
pub use memo::Memo;
pub use report::*;
pub use rules::{Meta, Rule, Scope, Severity};
pub use settings::{RuleLevel, Settings, SettingsError};
pub use settings_file::{
    SETTINGS, SettingKind, SettingSpec, SettingsPatch, WORD_BUDGET, WORDS_PER_MINUTE,
};
pub use validate::resolve_catalog;

use interview_content::Catalog;

/// The byte ranges of a draft's prose sentences as the rules read them: front matter, code, HTML
/// comments and directives are left out. Training material for [`learned`] models is cut with it.
pub fn prose_sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let draft = draft::Draft::parse(text);
    memo::scan_prose(&draft.mask, None, None)
        .tokens
        .sentences
        .into_iter()
        .map(|s| s.range)
        .collect()
}

/// The prose a draft's link is read from when its title names its target only in paraphrase:
/// its first 4 KiB of prose outside headings. Training material for the link models is cut with
/// it.
pub fn link_prose(text: &str) -> String {
    link::body_prose(&draft::Draft::parse(text))
}

/// Analyses a draft against the catalog's rubric.
pub fn analyze(text: &str, catalog: &Catalog, settings: &Settings) -> Report {
    analyze_with(text, &Options::default(), catalog, settings)
}

/// Like [`analyze`], with the draft's file name, used to link the draft to a question when neither
/// front matter nor a heading does.
pub fn analyze_file(
    text: &str,
    file_name: Option<&str>,
    catalog: &Catalog,
    settings: &Settings,
) -> Report {
    let options = Options {
        file_name,
        ..Options::default()
    };
    analyze_with(text, &options, catalog, settings)
}

/// Like [`analyze`], with [`Options`]: a file name and a caller-chosen question
/// (`check --question partnerships/q3`), which wins over anything in the draft.
pub fn analyze_with(
    text: &str,
    options: &Options<'_>,
    catalog: &Catalog,
    settings: &Settings,
) -> Report {
    engine::cached(catalog).analyze(text, options, settings)
}
