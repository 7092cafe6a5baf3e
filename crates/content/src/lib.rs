//! Interview categories as data: the Markdown category files and their companion TOML, embedded in
//! the binary and parsed into a typed, validated [`Catalog`].
//!
//! A category file is `content/<id>.md` in the seed's format; `content/<id>.toml` adds definitions,
//! talking points, scenario prompts and lexicons. Every record has a stable id and a source line.

pub mod bounded;
mod companion;
mod error;
mod markdown;
mod model;
mod pack;
mod parse;
mod text;

use std::path::Path;
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};

pub use error::ContentError;
pub use model::*;
/// The largest category or companion file a content pack may hold.
pub use pack::MAX_FILE_BYTES as MAX_PACK_FILE_BYTES;

static CONTENT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content");

static EMBEDDED: LazyLock<Catalog> = LazyLock::new(|| {
    let files = CONTENT.files().filter_map(|f| {
        let name = f.path().file_name()?.to_str()?.to_owned();
        Some(parse::SourceFile {
            display: name.clone(),
            name,
            bytes: f.contents(),
        })
    });
    match parse::parse_files(files, &Origin::Embedded) {
        (catalog, errors) if errors.is_empty() => catalog,
        (_, errors) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            // The embedded content is tested by `cargo test`; reaching this is a build of bad content.
            panic!("embedded content is invalid:\n{}", list.join("\n"))
        }
    }
});

impl Catalog {
    /// The categories embedded in the binary, parsed once.
    pub fn embedded() -> &'static Catalog {
        &EMBEDDED
    }

    /// The embedded categories plus those in `dir` (a user's content pack). Files that fail
    /// validation are left out and reported; the others still load.
    ///
    /// The folder is read one level deep: `<id>.md` with an optional `<id>.toml`. Files over 1 MiB,
    /// special files and symbolic links that point outside the folder are refused. A pack category
    /// whose id is already embedded is refused with an error. A folder that does not exist is an
    /// error too; callers with an optional default folder should check that it exists first.
    pub fn with_dir(dir: &Path) -> (Catalog, Vec<ContentError>) {
        let (extra, mut errors) = pack::load_dir(dir);
        let mut catalog = Catalog::embedded().clone();
        for category in extra.categories {
            if catalog.category(&category.id).is_some() {
                errors.push(ContentError {
                    file: dir.join(&category.file).display().to_string(),
                    line: None,
                    message: format!(
                        "category \"{}\" is already built in; rename the file to add a category",
                        category.id
                    ),
                });
            } else {
                catalog.categories.push(category);
            }
        }
        (catalog, errors)
    }

    /// Parses categories from `(file name, bytes)` pairs, as a content pack folder would hold them.
    /// Categories with errors are left out; every error is returned.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> (Catalog, Vec<ContentError>) {
        let files = files.into_iter().map(|(name, bytes)| parse::SourceFile {
            display: name.to_owned(),
            name: name.to_owned(),
            bytes,
        });
        parse::parse_files(files, &Origin::Dir(String::new()))
    }

    /// Adds categories, keeping the first of two with the same id.
    pub fn extend(&mut self, other: Catalog) {
        for category in other.categories {
            if self.category(&category.id).is_none() {
                self.categories.push(category);
            }
        }
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Parses one category from its file name (`partnerships.md`), its Markdown and its optional
    /// companion TOML, as the loaders do. Errors name `partnerships.md` and `partnerships.toml`.
    pub fn parse_category(
        file_name: &str,
        markdown: &str,
        companion: Option<&str>,
        origin: Origin,
    ) -> Result<Category, Vec<ContentError>> {
        parse::parse_one(file_name, markdown, companion, &origin)
    }

    /// The question with this id (`partnerships/q3`).
    pub fn question(&self, id: &str) -> Option<&Question> {
        match self.find(id)? {
            Record::Question(question) => Some(question),
            _ => None,
        }
    }

    /// Any record by id: a category (`partnerships`) or one of its records
    /// (`partnerships/q3`, `partnerships/co-sell-motions`, `partnerships/mistake-1`, ...).
    pub fn find(&self, id: &str) -> Option<Record<'_>> {
        match id.split_once('/') {
            None => self.category(id).map(Record::Category),
            Some((category, _)) => self.category(category)?.find(id),
        }
    }
}
