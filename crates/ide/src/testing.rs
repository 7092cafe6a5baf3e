//! Cursor fixtures on the real engine: `"# How do$0"` is a draft with the cursor after `do`.

use interview_content::Catalog;
use interview_rubric::{Report, Settings, TextEdit};

use crate::{Analysis, GuideLinks};

/// Guide files under `/cache/guide/`, as the server's cache would name them.
pub struct Links;

impl GuideLinks for Links {
    fn category(&self, id: &str) -> Option<String> {
        Some(format!("file:///cache/guide/{id}.md"))
    }
    fn rules(&self) -> Option<String> {
        Some("file:///cache/guide/rules.md".to_string())
    }
}

/// A draft analysed by the engine with the embedded catalog and default settings.
pub struct Fixture {
    /// The draft, cursor marker removed.
    pub text: String,
    /// The byte offset of `$0`, or 0 without one.
    pub offset: usize,
    /// The engine's report.
    pub report: Report,
    /// The settings used.
    pub settings: Settings,
    /// The catalog used.
    pub catalog: &'static Catalog,
}

impl Fixture {
    /// Analyses `marked` (without its `$0`).
    pub fn new(marked: &str) -> Fixture {
        Self::with(marked, Settings::default())
    }

    /// Analyses `marked` with these settings.
    pub fn with(marked: &str, settings: Settings) -> Fixture {
        Self::in_catalog(marked, settings, Catalog::embedded())
    }

    /// Analyses `marked` with these settings against this catalog.
    pub fn in_catalog(marked: &str, settings: Settings, catalog: &'static Catalog) -> Fixture {
        let offset = marked.find("$0").unwrap_or(0);
        let text = marked.replacen("$0", "", 1);
        let report = interview_rubric::analyze(&text, catalog, &settings);
        Fixture {
            text,
            offset,
            report,
            settings,
            catalog,
        }
    }

    /// The analysis features read.
    pub fn analysis(&self) -> Analysis<'_> {
        Analysis {
            text: &self.text,
            report: &self.report,
            catalog: self.catalog,
            settings: &self.settings,
            links: &Links,
        }
    }
}

/// The byte range of the first `needle` in `text`.
pub fn find(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    start..start + needle.len()
}

/// `text` with non-overlapping edits applied.
pub fn apply(text: &str, edits: &[TextEdit]) -> String {
    let mut edits: Vec<&TextEdit> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut out = text.to_string();
    for edit in edits {
        out.replace_range(edit.range.clone(), &edit.new_text);
    }
    out
}

/// The embedded catalog plus a small second category, `alliances`, with a concept and a metric
/// that start with the same letters as Partnerships' terms.
pub fn two_categories() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        let markdown = "# Alliances\n\n## Overview\n\nAlliances.\n\n## Why Interviewers Ask This\n\nThey ask.\n\n\
            ## Key Concepts\n\n- Partner tiers\n\n## Common Interview Questions\n\n1. How do you tier partners?\n\n\
            ## Example Answers\n\n- I tier them.\n\n## Real Business Scenarios\n\n- A tier failed.\n\n\
            ## Best Practices\n\n- Quantify impact.\n\n## Mistakes to Avoid\n\n- Vague answers.\n";
        let companion = "[[lexicons.metrics]]\nname = \"partner revenue\"\nmeasures = \"Revenue partners bring.\"\n";
        let alliances = Catalog::parse_category(
            "alliances.md",
            markdown,
            Some(companion),
            interview_content::Origin::Dir("/packs".into()),
        )
        .expect("a valid category");
        let mut catalog = Catalog::embedded().clone();
        catalog.categories.push(alliances);
        catalog
    })
}
