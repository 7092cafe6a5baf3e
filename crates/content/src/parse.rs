//! From files to categories: grouping a category file with its companion, checking the file
//! name, decoding, and assembling the typed [`Category`].

use std::collections::BTreeMap;

use crate::Catalog;
use crate::model::{Category, Lexicons, Origin};
use crate::text::{LineIndex, is_category_id, stable_hash};
use crate::{ContentError, companion, markdown};

/// One file to parse: its name in its folder, how errors should name it, and its bytes.
pub(crate) struct SourceFile<'a> {
    /// The file name (`partnerships.md`).
    pub(crate) name: String,
    /// How errors name the file: the name for embedded content, the full path for a pack.
    pub(crate) display: String,
    /// The raw contents.
    pub(crate) bytes: &'a [u8],
}

/// A category file and its optional companion.
#[derive(Default)]
struct Pair<'a> {
    markdown: Option<SourceFile<'a>>,
    companion: Option<SourceFile<'a>>,
}

/// Parses files into categories, sorted by id. Files other than `*.md` and `*.toml` are ignored.
/// A category with errors is left out; every error is returned.
pub(crate) fn parse_files<'a>(
    files: impl IntoIterator<Item = SourceFile<'a>>,
    origin: &Origin,
) -> (Catalog, Vec<ContentError>) {
    let mut pairs: BTreeMap<String, Pair<'a>> = BTreeMap::new();
    for file in files {
        let Some((stem, extension)) = file.name.rsplit_once('.') else {
            continue;
        };
        let stem = stem.to_owned();
        match extension {
            "md" => pairs.entry(stem).or_default().markdown = Some(file),
            "toml" => pairs.entry(stem).or_default().companion = Some(file),
            _ => {}
        }
    }

    let mut catalog = Catalog::default();
    let mut errors = Vec::new();
    for (stem, pair) in pairs {
        match pair {
            Pair {
                markdown: Some(markdown),
                companion,
            } => match parse_category(&stem, &markdown, companion.as_ref(), origin) {
                Ok(category) => catalog.categories.push(category),
                Err(mut found) => errors.append(&mut found),
            },
            Pair {
                markdown: None,
                companion: Some(companion),
            } => errors.push(ContentError {
                file: companion.display.clone(),
                line: None,
                message: format!(
                    "companion without a category file (expected {stem}.md beside it)"
                ),
            }),
            Pair {
                markdown: None,
                companion: None,
            } => {}
        }
    }
    (catalog, errors)
}

/// Parses one category given as text (see [`Catalog::parse_category`]).
pub(crate) fn parse_one(
    file_name: &str,
    markdown: &str,
    companion: Option<&str>,
    origin: &Origin,
) -> Result<Category, Vec<ContentError>> {
    let stem = file_name.strip_suffix(".md").ok_or_else(|| {
        vec![ContentError {
            file: file_name.to_owned(),
            line: None,
            message: "a category file name must end in .md".to_owned(),
        }]
    })?;
    let markdown = SourceFile {
        name: file_name.to_owned(),
        display: file_name.to_owned(),
        bytes: markdown.as_bytes(),
    };
    let companion = companion.map(|text| SourceFile {
        name: format!("{stem}.toml"),
        display: format!("{stem}.toml"),
        bytes: text.as_bytes(),
    });
    parse_category(stem, &markdown, companion.as_ref(), origin)
}

/// Decodes UTF-8, naming the line of the first bad byte.
fn decode<'a>(file: &SourceFile<'a>) -> Result<&'a str, ContentError> {
    // A byte order mark is not text: strip it so that `# Title` starts the file.
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(file.bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let line = std::str::from_utf8(valid)
            .map(|text| LineIndex::new(text).line(text.len()))
            .ok();
        ContentError {
            file: file.display.clone(),
            line,
            message: "not valid UTF-8".to_owned(),
        }
    })
}

/// Parses one category: the Markdown, then its companion on top.
fn parse_category(
    id: &str,
    markdown: &SourceFile<'_>,
    companion: Option<&SourceFile<'_>>,
    origin: &Origin,
) -> Result<Category, Vec<ContentError>> {
    if !is_category_id(id) {
        return Err(vec![ContentError {
            file: markdown.display.clone(),
            line: None,
            message: format!(
                "\"{id}\" is not a valid category id: a file name must be lower-case letters, digits and \"-\", starting with a letter or digit"
            ),
        }]);
    }
    let mut errors = Vec::new();
    let markdown_text = decode(markdown).map_err(|e| vec![e])?;
    let companion_text = match companion.map(decode).transpose() {
        Ok(text) => text,
        Err(error) => {
            errors.push(error);
            None
        }
    };

    let (mut parsed, mut found) = markdown::parse(&markdown.display, id, markdown_text);
    errors.append(&mut found);
    let (lexicons, rule_citations) = match (companion, companion_text) {
        // A companion is checked against complete Markdown records only: against a broken file
        // it would add noise.
        (Some(file), Some(text)) if errors.is_empty() => {
            let (applied, mut found) = companion::apply(&file.display, id, text, &mut parsed);
            errors.append(&mut found);
            (applied.lexicons, applied.rule_citations)
        }
        _ => (Lexicons::default(), Vec::new()),
    };
    if !errors.is_empty() {
        // Reading order: the Markdown first, then the companion, each by line.
        errors.sort_by_key(|e| (e.file != markdown.display, e.line));
        return Err(errors);
    }

    let content_hash = stable_hash(&[
        markdown_text.as_bytes(),
        companion_text.unwrap_or("").as_bytes(),
    ]);
    Ok(Category {
        id: id.to_owned(),
        title: parsed.title,
        title_line: parsed.title_line,
        origin: origin.clone(),
        file: markdown.name.clone(),
        companion: companion.map(|c| c.name.clone()),
        markdown: markdown_text.to_owned(),
        content_hash,
        overview: parsed.overview,
        why: parsed.why,
        concepts: parsed.concepts,
        questions: parsed.questions,
        examples: parsed.examples,
        scenarios: parsed.scenarios,
        best_practices: parsed.best_practices,
        mistakes: parsed.mistakes,
        lexicons,
        rule_citations,
    })
}
