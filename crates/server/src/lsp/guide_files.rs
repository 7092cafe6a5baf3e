//! The guide on disk: every category's Markdown, verbatim, plus a generated `rules.md`, written once
//! per content version to a private cache folder so that any editor can open them (diagnostic links,
//! related information, go to definition, code lenses).
//!
//! Layout: `<cache>/<content hash>/<category id>.md` and `<cache>/<content hash>/rules.md`, where
//! `<cache>` is `$INTERVIEW_COACH_CACHE_DIR`, else `$XDG_CACHE_HOME/interview-coach`, else
//! `~/.cache/interview-coach`. Folders are created private (0700) and files read-only (0444);
//! each file is written to a temporary file and renamed into place, so a reader never sees half a
//! file. Only validated category ids become file names.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use interview_content::Catalog;
use interview_ide::rules_page;
use tower_lsp::lsp_types::Url;

use crate::lsp::features::GuideFiles;

/// The file that documents every rule, one section per rule id.
pub const RULES_FILE: &str = "rules.md";

/// Bumped when the layout or the generated `rules.md` changes, so old caches are not reused.
const FORMAT: u64 = 1;

/// The guide files written for one catalog.
#[derive(Debug, Clone, Default)]
pub struct WrittenGuide {
    /// The folder holding the files.
    pub dir: PathBuf,
    /// The files, as the features use them.
    pub files: GuideFiles,
}

/// The cache folder from the environment: `$INTERVIEW_COACH_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/interview-coach`, else `$HOME/.cache/interview-coach`. Relative values are
/// ignored, as the XDG specification asks.
pub fn cache_root() -> Option<PathBuf> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if let Some(dir) = absolute("INTERVIEW_COACH_CACHE_DIR") {
        return Some(dir);
    }
    if let Some(dir) = absolute("XDG_CACHE_HOME") {
        return Some(dir.join("interview-coach"));
    }
    absolute("HOME").map(|home| home.join(".cache").join("interview-coach"))
}

/// Writes the catalog's guide under `root/<content hash>/`, reusing files already there with the
/// right content. Categories whose id is not a safe file name are skipped and logged.
pub fn write(catalog: &Catalog, root: &Path) -> io::Result<WrittenGuide> {
    let dir = root.join(format!("{:016x}", content_hash(catalog)));
    // The root may be a folder the user named (a shared cache): only folders created here are
    // made private.
    if !root.is_dir() {
        create_private_dir(root)?;
    }
    create_private_dir(&dir)?;
    touch(&dir);

    let mut guide = WrittenGuide {
        dir: dir.clone(),
        ..WrittenGuide::default()
    };
    for category in &catalog.categories {
        if !is_safe_id(&category.id) {
            tracing::warn!(category = %category.id, "category id is not a safe file name; its guide is not written");
            continue;
        }
        let path = dir.join(format!("{}.md", category.id));
        write_if_changed(&path, category.markdown.as_bytes())?;
        if let Some(url) = file_url(&path) {
            guide.files.by_category.insert(category.id.clone(), url);
        }
    }
    let rules = dir.join(RULES_FILE);
    write_if_changed(&rules, rules_page::render(catalog, is_safe_id).as_bytes())?;
    guide.files.rules = file_url(&rules);
    prune(root, &dir);
    Ok(guide)
}

/// How many guide folders besides the current one are kept (other servers may be using them).
const KEEP: usize = 4;

/// Marks a reused guide folder as recently used, so that pruning keeps it.
fn touch(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.set_modified(std::time::SystemTime::now());
    }
}

/// Removes older guide folders (each edit of a pack file makes a new one), keeping `current` and
/// the [`KEEP`] most recently used others. Only folders named like a content hash are touched.
fn prune(root: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let mut old: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| is_hash_name(&e.file_name().to_string_lossy()))
        .filter(|e| e.path() != current)
        .filter_map(|e| {
            let meta = e.path().symlink_metadata().ok()?;
            let modified = meta.modified().ok()?;
            meta.is_dir().then(|| (modified, e.path()))
        })
        .collect();
    old.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, dir) in old.into_iter().skip(KEEP) {
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => tracing::debug!(dir = %dir.display(), "removed an old guide folder"),
            Err(e) => {
                tracing::warn!(dir = %dir.display(), "cannot remove an old guide folder: {e}")
            }
        }
    }
}

/// Whether a folder name is one this module gives: 16 lower-case hexadecimal digits.
fn is_hash_name(name: &str) -> bool {
    name.len() == 16
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A category id that is safe as a file name: lower-case ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit, at most 64 bytes, and not the rules page's name.
pub fn is_safe_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_')
        && format!("{id}.md") != RULES_FILE
}

/// A stable hash of what the guide holds: the format, the binary's version (the rules page comes
/// from it) and each category's id and content hash. FNV-1a: stable across builds and platforms.
fn content_hash(catalog: &Catalog) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&FORMAT.to_le_bytes());
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    for category in &catalog.categories {
        feed(category.id.as_bytes());
        feed(&[0]);
        feed(&category.content_hash.to_le_bytes());
        feed(category.markdown.as_bytes());
    }
    hash
}

fn file_url(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if dir.is_dir() {
        // Tighten a folder left by an older build; the parents are the user's, left alone.
        return std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Writes `bytes` to `path` through a temporary file and a rename, unless it already holds them.
fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let limit = bytes.len() as u64;
    if interview_content::bounded::read_file(path, limit).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".guide-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // No fsync: a file cut short by a crash differs from what is expected and is rewritten on the
    // next start, so the cache heals itself without paying for a sync at every start-up.
    file.write_all(bytes)?;
    set_read_only(file.path())?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn set_read_only(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444))
}

#[cfg(not(unix))]
fn set_read_only(path: &Path) -> io::Result<()> {
    let mut perms = std::fs::metadata(path)?.permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(path, perms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use interview_rubric::Rule;

    #[test]
    fn safe_ids_are_plain_lower_case_names() {
        assert!(is_safe_id("partnerships"));
        assert!(is_safe_id("go-to-market_2"));
        for bad in [
            "", "../etc", "a/b", "A", ".hidden", "-x", "rules", "naïve", "a b",
        ] {
            assert!(!is_safe_id(bad), "{bad:?} accepted");
        }
        assert!(!is_safe_id(&"a".repeat(65)));
    }

    #[test]
    fn writes_every_category_and_the_rules_page_read_only() {
        let root = tempfile::tempdir().unwrap();
        let catalog = &crate::lsp::testing::catalog();
        let guide = write(catalog, root.path()).unwrap();
        assert_eq!(guide.files.by_category.len(), 1);
        for category in &catalog.categories {
            let path = guide.files.by_category[&category.id]
                .to_file_path()
                .unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), category.markdown);
        }
        let rules = guide.files.rules.clone().unwrap().to_file_path().unwrap();
        let page = std::fs::read_to_string(&rules).unwrap();
        for rule in Rule::ALL {
            assert!(page.contains(&format!("\n## {}\n", rule.id())), "{rule}");
        }
        assert!(page.contains(
            "- Teamwork, Mistakes to Avoid: \"Giving generic answers without numbers.\" \
             ([teamwork.md line 5](teamwork.md#L5))"
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&guide.dir), 0o700);
            assert_eq!(mode(&rules), 0o444);
        }
        // A second run reuses the folder and leaves no temporary files.
        let again = write(catalog, root.path()).unwrap();
        assert_eq!(again.dir, guide.dir);
        assert_eq!(again.files.by_category, guide.files.by_category);
        assert_eq!(again.files.rules, guide.files.rules);
        let names: Vec<String> = std::fs::read_dir(&guide.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_cache_root_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
        let guide = write(&crate::lsp::testing::catalog(), root.path()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(root.path()), 0o1777);
        assert_eq!(mode(&guide.dir), 0o700);
    }

    #[test]
    fn old_guide_folders_are_pruned_and_other_folders_left_alone() {
        let root = tempfile::tempdir().unwrap();
        for i in 0..10 {
            std::fs::create_dir(root.path().join(format!("{i:016x}"))).unwrap();
        }
        std::fs::create_dir(root.path().join("mine")).unwrap();
        let guide = write(&crate::lsp::testing::catalog(), root.path()).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), KEEP + 2, "{names:?}");
        assert!(names.contains(&"mine".to_string()));
        let current = guide
            .dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(names.contains(&current), "{names:?}");
    }

    #[test]
    fn a_changed_file_is_replaced() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("x.md");
        write_if_changed(&path, b"one").unwrap();
        write_if_changed(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }
}
