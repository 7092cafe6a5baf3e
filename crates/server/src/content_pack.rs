//! Content packs: extra categories in a folder (`check --categories`, `guide --categories`, the
//! editor's `.interview-coach/categories/` or `categoriesPath` setting), loaded over the embedded
//! catalog and validated, rule citations included. Files that fail validation are left out of the
//! catalog; the language server turns their errors into diagnostics in those files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use interview_content::{Catalog, ContentError, Origin};

/// The catalog for a workspace and the validation errors of its content pack, by file.
#[derive(Debug, Clone, Default)]
pub struct LoadedContent {
    /// Embedded categories plus the pack's valid ones.
    pub catalog: Catalog,
    /// The pack folder, when the workspace has one.
    pub dir: Option<PathBuf>,
    /// Validation errors by absolute file path.
    pub errors: BTreeMap<PathBuf, Vec<ContentError>>,
}

/// The pack folder for a workspace root and the `categoriesPath` setting (relative to the root,
/// or absolute).
pub fn pack_dir(root: Option<&Path>, categories_path: &str) -> Option<PathBuf> {
    let path = Path::new(categories_path);
    if path.is_absolute() {
        Some(path.to_path_buf())
    } else {
        root.map(|root| root.join(path))
    }
}

/// The embedded catalog plus the valid categories of the pack in `dir`, and the errors of the
/// others (the rubric checks the rule ids the companions cite).
pub fn read_pack(dir: &Path) -> (Catalog, Vec<ContentError>) {
    let (mut catalog, mut errors) = Catalog::with_dir(dir);
    errors.extend(interview_rubric::resolve_catalog(&mut catalog));
    (catalog, errors)
}

/// Loads the embedded catalog plus the pack in `dir`, when that folder exists, with the errors
/// by file.
pub fn load(dir: Option<PathBuf>) -> LoadedContent {
    let Some(dir) = dir.filter(|d| d.is_dir()) else {
        return LoadedContent {
            catalog: Catalog::embedded().clone(),
            dir: None,
            errors: BTreeMap::new(),
        };
    };
    let (catalog, errors) = read_pack(&dir);
    let mut by_file: BTreeMap<PathBuf, Vec<ContentError>> = BTreeMap::new();
    file_errors(&dir, errors, &mut by_file);
    LoadedContent {
        catalog,
        dir: Some(dir),
        errors: by_file,
    }
}

/// Files content errors under the path of their file (relative names are in `dir`).
fn file_errors(
    dir: &Path,
    errors: Vec<ContentError>,
    by_file: &mut BTreeMap<PathBuf, Vec<ContentError>>,
) {
    for error in errors {
        let file = Path::new(&error.file);
        let path = if file.is_absolute() {
            file.to_path_buf()
        } else {
            dir.join(file)
        };
        by_file.entry(path).or_default().push(error);
    }
}

/// Validates one category of the pack from the texts given (open buffers, or the files on disk),
/// so that errors follow unsaved edits. Returns the errors of the Markdown file and of its
/// companion, keyed by path, with both keys present so that a fixed file is cleared.
pub fn validate_category(
    dir: &Path,
    stem: &str,
    markdown: &str,
    companion: Option<&str>,
) -> BTreeMap<PathBuf, Vec<ContentError>> {
    let md_path = dir.join(format!("{stem}.md"));
    let toml_path = dir.join(format!("{stem}.toml"));
    let mut by_file = BTreeMap::from([(md_path.clone(), Vec::new()), (toml_path, Vec::new())]);
    let origin = Origin::Dir(dir.display().to_string());
    match Catalog::parse_category(&format!("{stem}.md"), markdown, companion, origin) {
        Err(errors) => file_errors(dir, errors, &mut by_file),
        Ok(category) => {
            let mut catalog = Catalog {
                categories: vec![category],
            };
            let errors = interview_rubric::resolve_catalog(&mut catalog);
            file_errors(dir, errors, &mut by_file);
        }
    }
    if Catalog::embedded().category(stem).is_some() {
        by_file
            .entry(md_path.clone())
            .or_default()
            .push(ContentError {
                file: md_path.display().to_string(),
                line: None,
                message: format!(
                    "category \"{stem}\" is already built in; rename the file to add a category"
                ),
            });
    }
    by_file
}

/// Whether `path` is a category file of the pack in `dir`: a `.md` or `.toml` file directly in it
/// (the loader reads one level, so a draft further down, even with `categoriesPath: "/"`, is not).
pub fn is_pack_file(dir: &Path, path: &Path) -> bool {
    path.parent() == Some(dir)
        && path
            .extension()
            .is_some_and(|ext| ext == "md" || ext == "toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_dir_is_relative_to_the_root_unless_absolute() {
        let root = Path::new("/work/space");
        assert_eq!(
            pack_dir(Some(root), ".interview-coach/categories"),
            Some(PathBuf::from("/work/space/.interview-coach/categories"))
        );
        assert_eq!(pack_dir(None, "/packs"), Some(PathBuf::from("/packs")));
        assert_eq!(pack_dir(None, "packs"), None);
    }

    #[test]
    fn pack_files_are_markdown_and_toml_inside_the_folder() {
        let dir = Path::new("/w/.interview-coach/categories");
        assert!(is_pack_file(dir, &dir.join("sales.md")));
        assert!(is_pack_file(dir, &dir.join("sales.toml")));
        assert!(!is_pack_file(dir, &dir.join("notes.txt")));
        assert!(!is_pack_file(dir, Path::new("/w/answers/a.md")));
        assert!(!is_pack_file(dir, &dir.join("drafts/a.md")));
        assert!(!is_pack_file(
            Path::new("/"),
            Path::new("/home/me/answers/a.md")
        ));
    }

    #[test]
    fn validation_follows_the_given_text_and_clears_fixed_files() {
        let dir = Path::new("/w/.interview-coach/categories");
        let good = include_str!("../../../content/partnerships.md").replacen(
            "# Partnerships",
            "# Sales",
            1,
        );
        let good = good.as_str();
        let errors = validate_category(dir, "sales", good, Some("nonsense = [\n"));
        assert_eq!(errors.len(), 2);
        let toml = &errors[&dir.join("sales.toml")];
        assert!(!toml.is_empty(), "{errors:?}");
        let errors = validate_category(dir, "sales", good, None);
        assert!(errors.values().all(Vec::is_empty), "{errors:?}");
        // The rubric rejects a rule id it does not know, on the companion's line.
        let errors = validate_category(
            dir,
            "sales",
            good,
            Some("\n[rules]\nmetrcs = \"mistake-1\"\n"),
        );
        let toml = &errors[&dir.join("sales.toml")];
        assert_eq!(toml.len(), 1, "{errors:?}");
        assert_eq!(toml[0].line, Some(3));
        assert!(
            toml[0].message.starts_with("unknown rule \"metrcs\""),
            "{toml:?}"
        );
        let errors = validate_category(dir, "sales", "# Sales\n\n## Nonsense\n", None);
        assert!(!errors[&dir.join("sales.md")].is_empty(), "{errors:?}");
    }

    #[test]
    fn a_missing_folder_gives_the_embedded_catalog() {
        let loaded = load(Some(PathBuf::from("/nonexistent/interview-coach/pack")));
        assert!(loaded.dir.is_none());
        assert!(loaded.errors.is_empty());
        assert_eq!(
            loaded.catalog.categories.len(),
            Catalog::embedded().categories.len()
        );
    }
}
