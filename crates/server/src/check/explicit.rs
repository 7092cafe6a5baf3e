//! Analysing a draft with the question given on the command line (`--question`, `--category`).
//!
//! The engine links drafts by their front matter, so the link is given to it as front matter
//! keys placed first in the draft's block (or in a new block), where they win over the draft's
//! own keys. Every byte range of the report is then mapped back to the draft as read, and the
//! link is reported as explicit.

use std::ops::Range;

use interview_content::Catalog;
use interview_rubric::{LinkVia, Report, Settings};

use crate::check::target::Target;

/// Analyses `text` linked to `target`.
pub fn analyze(
    text: &str,
    file_name: Option<&str>,
    target: &Target,
    catalog: &Catalog,
    settings: &Settings,
) -> Report {
    let insertion = Insertion::new(text, target);
    let mut linked = String::with_capacity(text.len() + insertion.text.len());
    linked.push_str(&text[..insertion.at]);
    linked.push_str(&insertion.text);
    linked.push_str(&text[insertion.at..]);
    let mut report = interview_rubric::analyze_file(&linked, file_name, catalog, settings);
    insertion.map_report(&mut report);
    report
}

/// Front matter text added at a byte offset of the draft.
struct Insertion {
    at: usize,
    text: String,
    /// Whether the whole block is new (the draft had none).
    new_block: bool,
}

impl Insertion {
    fn new(text: &str, target: &Target) -> Self {
        let crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut keys = format!("category: {}{eol}", target.category);
        if let Some(item) = &target.item {
            let key = if item.scenario {
                "scenario"
            } else {
                "question"
            };
            keys.push_str(&format!("{key}: {}{eol}", item.number));
        }
        match opening_delimiter_len(text) {
            Some(len) => Insertion {
                at: len,
                text: keys,
                new_block: false,
            },
            None => Insertion {
                at: 0,
                text: format!("---{eol}{keys}---{eol}"),
                new_block: true,
            },
        }
    }

    /// The draft offset of an offset of the linked text: offsets inside the insertion fall on
    /// its position.
    fn map(&self, offset: usize) -> usize {
        if offset <= self.at {
            offset
        } else if offset < self.at + self.text.len() {
            self.at
        } else {
            offset - self.text.len()
        }
    }

    fn map_range(&self, range: &Range<usize>) -> Range<usize> {
        self.map(range.start)..self.map(range.end)
    }

    fn map_report(&self, report: &mut Report) {
        if let Some(link) = &mut report.link {
            link.via = LinkVia::Explicit;
            link.range = None;
        }
        report.front_matter = match &report.front_matter {
            Some(_) if self.new_block => None,
            Some(range) => Some(self.map_range(range)),
            None => None,
        };
        for finding in &mut report.findings {
            finding.range = self.map_range(&finding.range);
            for fix in &mut finding.fixes {
                for edit in &mut fix.edits {
                    edit.range = self.map_range(&edit.range);
                }
            }
        }
        for section in &mut report.sections {
            section.heading = self.map_range(&section.heading);
            section.range = self.map_range(&section.range);
        }
        for mention in &mut report.mentions {
            mention.range = self.map_range(&mention.range);
        }
    }
}

/// The length of a `---` line that opens a front matter block at the start of `text`.
fn opening_delimiter_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("---")?;
    let line_end = rest.find('\n')?;
    let line = &rest[..line_end];
    (line.trim_end_matches('\r').trim_end().is_empty()
        && text[3 + line_end + 1..].contains("\n---"))
    .then_some(3 + line_end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::target::Item;

    fn target(scenario: bool) -> Target {
        Target {
            category: "partnerships".into(),
            item: Some(Item {
                id: "partnerships/q4".into(),
                scenario,
                number: 4,
            }),
        }
    }

    #[test]
    fn a_new_block_goes_first_in_the_draft_line_ending() {
        let ins = Insertion::new("# Q\r\nText\r\n", &target(false));
        assert_eq!(ins.at, 0);
        assert_eq!(
            ins.text,
            "---\r\ncategory: partnerships\r\nquestion: 4\r\n---\r\n"
        );
        let ins = Insertion::new("Text", &target(true));
        assert_eq!(ins.text, "---\ncategory: partnerships\nscenario: 4\n---\n");
    }

    #[test]
    fn keys_go_first_in_an_existing_block() {
        let text = "---\nquestion: 2\n---\n# Q\n";
        let ins = Insertion::new(text, &target(false));
        assert_eq!(ins.at, 4);
        assert!(!ins.new_block);
        // A lone `---` line (a thematic break) is not a block.
        assert!(Insertion::new("---\nText\n", &target(false)).new_block);
    }

    #[test]
    fn offsets_map_back_to_the_draft() {
        let ins = Insertion {
            at: 4,
            text: "abc".into(),
            new_block: false,
        };
        assert_eq!(ins.map(2), 2);
        assert_eq!(ins.map(4), 4);
        assert_eq!(ins.map(6), 4);
        assert_eq!(ins.map(7), 4);
        assert_eq!(ins.map(10), 7);
    }
}
