//! Content packs: extra categories loaded at run time from a folder the user names.
//!
//! The folder is read one level deep. Only `*.md` and `*.toml` regular files are read, each at most
//! [`MAX_FILE_BYTES`]. A symbolic link is followed only when its target lies inside the folder, so a
//! pack cannot make the coach read files elsewhere. A category's id is its validated file stem, so
//! no id can name a path. A file that cannot be read takes its whole category out, with an error;
//! the other categories still load.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::ContentError;
use crate::bounded::{self, ReadError};
use crate::model::{Catalog, Origin};
use crate::parse::{SourceFile, parse_files};

/// The largest category or companion file a pack may hold. The seed is about 3 KiB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

struct ReadFile {
    name: String,
    display: String,
    bytes: Vec<u8>,
}

fn error(path: &Path, message: String) -> ContentError {
    ContentError {
        file: path.display().to_string(),
        line: None,
        message,
    }
}

/// Loads the categories of a content pack folder.
pub(crate) fn load_dir(dir: &Path) -> (Catalog, Vec<ContentError>) {
    let mut errors = Vec::new();
    let root = match dir.canonicalize() {
        Ok(root) if root.is_dir() => root,
        Ok(_) => {
            errors.push(error(dir, "not a folder".to_owned()));
            return (Catalog::default(), errors);
        }
        Err(e) => {
            errors.push(error(dir, format!("cannot open the content folder: {e}")));
            return (Catalog::default(), errors);
        }
    };
    let entries = match std::fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(error(dir, format!("cannot read the content folder: {e}")));
            return (Catalog::default(), errors);
        }
    };

    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => errors.push(error(dir, format!("cannot read the content folder: {e}"))),
        }
    }
    // Directory order differs between systems; sorting keeps errors and results reproducible.
    paths.sort();

    let mut files = Vec::new();
    let mut failed_stems = BTreeSet::new();
    for path in paths {
        let extension = path.extension().and_then(|e| e.to_str());
        if !matches!(extension, Some("md" | "toml")) {
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            errors.push(error(&path, "the file name is not valid UTF-8".to_owned()));
            continue;
        };
        let name = name.to_owned();
        match read_file(&root, &path) {
            Ok(Some(bytes)) => files.push(ReadFile {
                display: path.display().to_string(),
                name,
                bytes,
            }),
            // Not a regular file (a folder named `x.md`): nothing to load.
            Ok(None) => {}
            Err(e) => {
                errors.push(e);
                if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                    failed_stems.insert(stem.to_owned());
                }
            }
        }
    }

    let origin = Origin::Dir(root.display().to_string());
    let sources = files
        .iter()
        .filter(|f| {
            let stem = f.name.rsplit_once('.').map_or(f.name.as_str(), |(s, _)| s);
            !failed_stems.contains(stem)
        })
        .map(|f| SourceFile {
            name: f.name.clone(),
            display: f.display.clone(),
            bytes: &f.bytes,
        });
    let (catalog, mut found) = parse_files(sources, &origin);
    errors.append(&mut found);
    (catalog, errors)
}

/// Reads one pack file, refusing links that leave the folder, special files and oversized files.
/// `Ok(None)` means the entry is not a regular file and is skipped.
fn read_file(root: &Path, path: &Path) -> Result<Option<Vec<u8>>, ContentError> {
    let link = path
        .symlink_metadata()
        .map_err(|e| error(path, format!("cannot read the file: {e}")))?;
    let target = if link.file_type().is_symlink() {
        let target = path
            .canonicalize()
            .map_err(|e| error(path, format!("cannot follow the symbolic link: {e}")))?;
        if target.parent() != Some(root) {
            return Err(error(
                path,
                "symbolic link points outside the content folder; copy the file in instead"
                    .to_owned(),
            ));
        }
        target
    } else {
        path.to_path_buf()
    };
    match bounded::read_file(&target, MAX_FILE_BYTES) {
        Ok(bytes) => Ok(Some(bytes)),
        // A folder named `x.md`: nothing to load.
        Err(ReadError::Directory) => Ok(None),
        // Reading a FIFO or a device could block or never end: refused before it is opened.
        Err(ReadError::NotRegular) => Err(error(path, "not a regular file".to_owned())),
        Err(ReadError::TooLarge { .. }) => Err(too_large(path)),
        Err(ReadError::Io(e)) => Err(error(path, format!("cannot read the file: {e}"))),
    }
}

fn too_large(path: &Path) -> ContentError {
    error(
        path,
        format!(
            "file is too large (over {MAX_FILE_BYTES} bytes; a category file may be at most 1 MiB)"
        ),
    )
}
