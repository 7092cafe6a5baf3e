//! Interview categories as data: the Markdown category files and their companion TOML, embedded in
//! the binary and parsed into a typed, validated [`Catalog`].
//!
//! A category file is `content/<id>.md` in the seed's format; `content/<id>.toml` adds definitions,
//! talking points, scenario prompts and lexicons. Every record has a stable id and a source line.

mod companion;
mod error;
mod markdown;
mod model;
mod parse;
mod text;

use std::path::Path;
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};

pub use error::ContentError;
pub use model::*;

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
    pub fn with_dir(dir: &Path) -> (Catalog, Vec<ContentError>) {
        let (extra, errors) = parse::load_dir(dir);
        let mut catalog = Catalog::embedded().clone();
        catalog.extend(extra);
        (catalog, errors)
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
}
