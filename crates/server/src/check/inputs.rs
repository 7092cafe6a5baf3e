//! Turning the command line's paths into the drafts to check: files as given, folders searched
//! for Markdown, `-` for standard input.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// One draft to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk, with the path as it will be shown.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// A path that could not be turned into drafts, or something the walk had to skip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// The path the problem is about.
    pub path: PathBuf,
    /// What is wrong, one line.
    pub message: String,
    /// Whether it is an error (exit status 2) or only a warning.
    pub is_error: bool,
}

/// The drafts found, in command-line order (folders in sorted order), without duplicates.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The drafts to check.
    pub drafts: Vec<Input>,
    /// Paths that gave no draft.
    pub problems: Vec<InputProblem>,
}

/// Folders never searched: tool output and dependencies, not drafts.
const SKIPPED_DIRS: &[&str] = &["node_modules", "target"];

/// Expands `paths`. A file is checked whatever its extension; a folder is searched recursively
/// for `*.md`, skipping hidden entries, `node_modules` and `target`; `-` is standard input.
pub fn collect(paths: &[PathBuf]) -> Inputs {
    collect_at_most(paths, usize::MAX)
}

/// [`collect`], stopping once `max` drafts are found: the walk of a folder stops there too, and a
/// warning says that the rest was left out.
pub fn collect_at_most(paths: &[PathBuf], max: usize) -> Inputs {
    let mut inputs = Inputs::default();
    let mut seen = HashSet::new();
    let mut add = |inputs: &mut Inputs, path: PathBuf| {
        // The same file named twice (or reached through a folder too) is checked once.
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            inputs.drafts.push(Input::File(path));
        }
    };
    for path in paths {
        if inputs.drafts.len() >= max {
            inputs.problems.push(InputProblem {
                path: path.clone(),
                message: format!("not searched: the limit of {max} drafts was reached"),
                is_error: false,
            });
            continue;
        }
        if path.as_os_str() == "-" {
            if !inputs.drafts.contains(&Input::Stdin) {
                inputs.drafts.push(Input::Stdin);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => inputs.problems.push(InputProblem {
                path: path.clone(),
                message: crate::check::io_message(&error),
                is_error: true,
            }),
            Ok(meta) if meta.is_dir() => {
                let errors_before = inputs.problems.iter().filter(|p| p.is_error).count();
                let left = max - inputs.drafts.len();
                let found = walk(path, &mut inputs.problems, left);
                let errors_after = inputs.problems.iter().filter(|p| p.is_error).count();
                if found.is_empty() && errors_after == errors_before {
                    inputs.problems.push(InputProblem {
                        path: path.clone(),
                        message: "no Markdown files (*.md) in this folder".into(),
                        is_error: true,
                    });
                }
                for file in found {
                    add(&mut inputs, file);
                }
            }
            Ok(_) => add(&mut inputs, path.clone()),
        }
    }
    inputs
}

/// The Markdown files under `root`, sorted by name at each level; at most `max` of them.
fn walk(root: &Path, problems: &mut Vec<InputProblem>, max: usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_skipped(entry));
    for entry in walker {
        match entry {
            // Non-regular `*.md` entries (a FIFO, a link to a device) are kept, so that reading
            // refuses them with a message instead of skipping them silently.
            Ok(entry) if !entry.file_type().is_dir() && is_markdown(entry.path()) => {
                if files.len() >= max {
                    problems.push(InputProblem {
                        path: root.to_path_buf(),
                        message: format!("more than {max} drafts; only the first {max} are taken"),
                        is_error: false,
                    });
                    break;
                }
                files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(error) => {
                let path = error
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                // A symlink back to an ancestor is skipped: walking it again finds nothing new.
                let (message, is_error) = match (error.loop_ancestor(), error.io_error()) {
                    (Some(ancestor), _) => (
                        format!("symbolic link loop to {}, not followed", ancestor.display()),
                        false,
                    ),
                    (None, Some(io)) => (crate::check::io_message(io), true),
                    (None, None) => (error.to_string(), true),
                };
                problems.push(InputProblem {
                    path,
                    message,
                    is_error,
                });
            }
        }
    }
    files
}

/// Whether the walk of folder `root` would find `path`: a `*.md` file under `root` with no hidden
/// component and no `node_modules` or `target` folder on the way (for files reported changed).
pub fn is_walked(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut components = relative.components().peekable();
    while let Some(component) = components.next() {
        let std::path::Component::Normal(name) = component else {
            return false;
        };
        let name = name.to_string_lossy();
        let is_dir = components.peek().is_some();
        if name.starts_with('.') || (is_dir && SKIPPED_DIRS.contains(&&*name)) {
            return false;
        }
    }
    is_markdown(path)
}

/// Hidden entries, `node_modules` and `target` are not searched.
fn is_skipped(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || (entry.file_type().is_dir() && SKIPPED_DIRS.contains(&&*name))
}

/// `*.md`, in any letter case.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "# Draft\n").unwrap();
    }

    fn files(inputs: &Inputs, root: &Path) -> Vec<String> {
        inputs
            .drafts
            .iter()
            .map(|input| match input {
                Input::File(path) => path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                Input::Stdin => "-".into(),
            })
            .collect()
    }

    #[test]
    fn walks_folders_in_sorted_order_and_skips_hidden_and_tool_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.md",
            "a.MD",
            "notes.txt",
            "sub/c.md",
            ".hidden/d.md",
            ".e.md",
            "node_modules/pkg/readme.md",
            "target/doc.md",
            "sub/target.md",
        ] {
            write(&root.join(name));
        }
        let inputs = collect(&[root.to_path_buf()]);
        assert_eq!(
            files(&inputs, root),
            ["a.MD", "b.md", "sub/c.md", "sub/target.md"]
        );
        assert!(inputs.problems.is_empty(), "{:?}", inputs.problems);
    }

    #[test]
    fn files_are_taken_as_given_and_duplicates_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("a.md"));
        write(&root.join("draft.txt"));
        let inputs = collect(&[
            root.join("draft.txt"),
            root.join("a.md"),
            root.to_path_buf(),
            PathBuf::from("-"),
            PathBuf::from("-"),
        ]);
        assert_eq!(files(&inputs, root), ["draft.txt", "a.md", "-"]);
    }

    #[test]
    fn missing_paths_and_folders_without_markdown_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("empty/notes.txt"));
        write(&root.join("ok/a.md"));
        let inputs = collect(&[root.join("missing.md"), root.join("empty"), root.join("ok")]);
        assert_eq!(files(&inputs, root), ["ok/a.md"]);
        let problems: Vec<_> = inputs
            .problems
            .iter()
            .map(|p| (p.path.file_name().unwrap().to_str().unwrap(), p.is_error))
            .collect();
        assert_eq!(problems, [("missing.md", true), ("empty", true)]);
        assert!(inputs.problems[1].message.contains("no Markdown"));
    }

    #[test]
    fn a_folder_whose_drafts_were_already_named_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("a.md"));
        let inputs = collect(&[root.join("a.md"), root.to_path_buf()]);
        assert_eq!(files(&inputs, root), ["a.md"]);
        assert!(inputs.problems.is_empty());
    }

    #[test]
    fn the_walk_stops_at_the_limit_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["a.md", "b.md", "sub/c.md"] {
            write(&root.join(name));
        }
        let inputs = collect_at_most(&[root.to_path_buf(), root.join("a.md")], 2);
        assert_eq!(files(&inputs, root), ["a.md", "b.md"]);
        assert_eq!(inputs.problems.len(), 2, "{:?}", inputs.problems);
        assert!(inputs.problems.iter().all(|p| !p.is_error));
    }

    #[test]
    fn files_reported_changed_are_taken_as_the_walk_would() {
        let root = Path::new("/w");
        assert!(is_walked(root, Path::new("/w/answers/q1.md")));
        assert!(is_walked(root, Path::new("/w/target.md")));
        assert!(!is_walked(root, Path::new("/w/.git/x.md")));
        assert!(!is_walked(root, Path::new("/w/node_modules/p/readme.md")));
        assert!(!is_walked(root, Path::new("/w/a/target/doc.md")));
        assert!(!is_walked(root, Path::new("/w/notes.txt")));
        assert!(!is_walked(root, Path::new("/elsewhere/a.md")));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("sub/a.md"));
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let inputs = collect(&[root.to_path_buf()]);
        assert_eq!(files(&inputs, root), ["sub/a.md"]);
        assert!(inputs.problems.iter().all(|p| !p.is_error));
        assert!(inputs.problems[0].message.contains("loop"));
    }
}
