//! The answer bank of an editor's workspace: its drafts found with `check`'s walker and read with
//! its bounds, and the overview built from their reports (open drafts with their in-editor text,
//! the others from disk). Protocol-free: the language server converts.

use std::path::{Path, PathBuf};

use interview_content::Catalog;
use interview_content::bounded::{self, ReadError};
use interview_rubric::{Engine, Options, Report, Settings};

use crate::bank::history;
use crate::bank::model::{Bank, DraftInput};
use crate::check::{self, MAX_DRAFT_BYTES, inputs};

/// At most this many drafts of a workspace are found and analysed.
pub const MAX_WORKSPACE_DRAFTS: usize = 5_000;

/// The Markdown files under the workspace folders, found as `check` finds them (hidden folders,
/// `node_modules` and `target` skipped, symbolic link loops not followed), at most `max`; with
/// warnings for what the walk had to skip.
pub fn find_drafts(roots: &[PathBuf], max: usize) -> (Vec<PathBuf>, Vec<String>) {
    let found = inputs::collect_at_most(roots, max);
    let warnings = found
        .problems
        .iter()
        .filter(|p| !p.message.starts_with("no Markdown files"))
        .map(|p| format!("{}: {}", p.path.display(), p.message))
        .collect();
    let files = found
        .drafts
        .into_iter()
        .filter_map(|input| match input {
            inputs::Input::File(path) => Some(path),
            inputs::Input::Stdin => None,
        })
        .collect();
    (files, warnings)
}

/// Whether a changed file at `path` is a draft the walk of `roots` would find.
pub fn is_workspace_draft(roots: &[PathBuf], path: &Path) -> bool {
    roots.iter().any(|root| inputs::is_walked(root, path))
}

/// A draft's text from disk, as `check` reads it: a regular file of at most 8 MiB, UTF-8, without
/// its byte order mark (which editors do not show either).
pub fn read_draft(path: &Path) -> Result<String, String> {
    let bytes = match bounded::read_file(path, MAX_DRAFT_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(error)) => return Err(check::io_message(&error)),
        Err(error) => return Err(format!("{error}; not analysed")),
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        format!("not valid UTF-8 (at byte {at})")
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(body) => body.to_string(),
        None => text,
    })
}

/// Analyses a draft's text as `check` does (the file name can link it to a question).
pub fn analyse(engine: &Engine, path: &Path, text: &str, settings: &Settings) -> Report {
    let options = Options {
        file_name: path.file_name().and_then(|n| n.to_str()),
        link_override: None,
    };
    engine.analyze(text, &options, settings)
}

/// The path of a draft as shown in the bank: relative to the workspace folder that holds it
/// (prefixed with the folder's name when there are several), with `/` separators.
pub fn shown_path(roots: &[PathBuf], path: &Path) -> String {
    let found = roots
        .iter()
        .find_map(|root| Some((root, path.strip_prefix(root).ok()?)));
    let shown = match found {
        Some((root, relative)) if roots.len() > 1 => match root.file_name() {
            Some(name) => Path::new(name).join(relative),
            None => relative.to_path_buf(),
        },
        Some((_, relative)) => relative.to_path_buf(),
        None => path.to_path_buf(),
    };
    shown.to_string_lossy().replace('\\', "/")
}

/// One analysed draft of the workspace.
#[derive(Debug, Clone)]
pub struct WorkspaceDraft {
    /// The path as shown (see [`shown_path`]).
    pub path: String,
    /// Its file URI.
    pub uri: String,
    /// What the engine found.
    pub report: std::sync::Arc<Report>,
}

/// The bank of the workspace's drafts, in the order of their paths, with `only` as `bank
/// --category`, and the scores recorded in the first folder's history (never written here).
/// Warnings about the history go to `warnings`.
pub fn overview(
    catalog: &Catalog,
    drafts: &[WorkspaceDraft],
    only: Option<&str>,
    history_root: Option<&Path>,
    warnings: &mut Vec<String>,
) -> Result<Bank, String> {
    if let Some(id) = only
        && catalog.category(id).is_none()
    {
        return Err(format!("unknown category `{id}`"));
    }
    let mut sorted: Vec<&WorkspaceDraft> = drafts.iter().collect();
    sorted.sort_by(|a, b| Path::new(&a.path).cmp(Path::new(&b.path)));
    let inputs: Vec<DraftInput<'_>> = sorted
        .iter()
        .map(|d| DraftInput {
            path: &d.path,
            uri: Some(&d.uri),
            report: &d.report,
        })
        .collect();
    let mut bank = Bank::build(catalog, &inputs, only);
    if let Some(root) = history_root {
        let earlier = history::read(&history::path(root), warnings);
        if !earlier.is_empty() {
            history::apply(&mut bank, &earlier);
        }
    }
    Ok(bank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_relative_to_their_folder() {
        let one = [PathBuf::from("/w/bank")];
        assert_eq!(
            shown_path(&one, Path::new("/w/bank/answers/q1.md")),
            "answers/q1.md"
        );
        let two = [PathBuf::from("/w/bank"), PathBuf::from("/w/other")];
        assert_eq!(shown_path(&two, Path::new("/w/other/a.md")), "other/a.md");
        assert_eq!(shown_path(&one, Path::new("/x/a.md")), "/x/a.md");
    }

    #[test]
    fn drafts_are_read_with_check_bounds() {
        let dir = tempfile::tempdir().unwrap();
        let bom = dir.path().join("bom.md");
        std::fs::write(&bom, "\u{feff}# Draft\n").unwrap();
        assert_eq!(read_draft(&bom).unwrap(), "# Draft\n");
        let latin1 = dir.path().join("latin1.md");
        std::fs::write(&latin1, b"caf\xe9").unwrap();
        assert!(read_draft(&latin1).unwrap_err().contains("UTF-8"));
        assert!(read_draft(dir.path()).is_err());
    }
}
