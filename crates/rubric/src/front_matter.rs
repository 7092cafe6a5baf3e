//! The front matter block: its `key: value` entries with byte ranges, and the three keys a draft
//! uses to name its question (`category`, `question`, `scenario`).
//!
//! Each value's byte range is needed to point at it. A small line parser does that and tolerates everything else in the
//! block: a YAML crate would reject the whole block for one malformed line elsewhere (a draft is
//! half-written most of the time), gives no byte offsets for values, and the maintained serde YAML
//! crates are either deprecated or young. Nested maps, lists and multi-line values are skipped.

use std::ops::Range;

use serde::Serialize;

/// One top-level `key: value` pair with byte ranges in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The key as written.
    pub key: String,
    /// Byte range of the key.
    pub key_range: Range<usize>,
    /// The value with quotes and trailing comment removed.
    pub value: String,
    /// Byte range of the value in the draft.
    pub range: Range<usize>,
}

/// A front matter block as the engine read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FrontMatter {
    /// The whole block, delimiters included (and the closing line's break).
    pub range: Range<usize>,
    /// Byte offset just after the opening delimiter line: where new keys go.
    pub body_start: usize,
    /// Top-level `key: value` lines, in order (nested values, lists and garbage skipped).
    pub entries: Vec<Entry>,
    /// `category:`.
    #[serde(skip)]
    pub(crate) category: Option<Entry>,
    /// `question:`.
    #[serde(skip)]
    pub(crate) question: Option<Entry>,
    /// `scenario:`.
    #[serde(skip)]
    pub(crate) scenario: Option<Entry>,
}

impl FrontMatter {
    /// Reads the keys of the block at `range` of `text` (delimiters included).
    pub fn parse(text: &str, range: Range<usize>) -> FrontMatter {
        let block = text.get(range.clone()).unwrap_or("");
        let mut fm = FrontMatter {
            body_start: range.start,
            range: range.clone(),
            ..FrontMatter::default()
        };
        let mut offset = range.start;
        for (index, line) in block.split_inclusive('\n').enumerate() {
            let line_start = offset;
            offset += line.len();
            if index == 0 {
                fm.body_start = offset;
                continue;
            }
            // Indented lines belong to a nested value.
            if line.starts_with([' ', '\t']) {
                continue;
            }
            let Some((key, entry)) = parse_line(line, line_start) else {
                continue;
            };
            fm.entries.push(entry.clone());
            let slot = match key.to_ascii_lowercase().as_str() {
                "category" => &mut fm.category,
                "question" => &mut fm.question,
                "scenario" => &mut fm.scenario,
                _ => continue,
            };
            if slot.is_none() && !entry.value.is_empty() {
                *slot = Some(entry);
            }
        }
        fm
    }
}

/// Splits `key: value` and cleans the value (quotes, trailing `# comment`).
fn parse_line(line: &str, line_start: usize) -> Option<(&str, Entry)> {
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let key_start = line_start + (line.len() - line.trim_start().len());
    let rest = &line[colon + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let mut value_start = colon + 1 + lead;
    let mut value = rest.trim_start().trim_end_matches(['\n', '\r']);
    if let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') {
        // A quoted scalar: up to the closing quote, or the line's end when unterminated.
        let inner = &value[1..];
        let end = inner.find(quote).unwrap_or(inner.len());
        value = &inner[..end];
        value_start += 1;
    } else {
        if let Some(hash) = value.find(" #") {
            value = &value[..hash];
        }
        value = value.trim_end();
    }
    let start = line_start + value_start;
    Some((
        key,
        Entry {
            key: key.to_string(),
            key_range: key_start..key_start + key.len(),
            value: value.to_string(),
            range: start..start + value.len(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> FrontMatter {
        FrontMatter::parse(text, 0..text.len())
    }

    #[test]
    fn reads_the_linking_keys_with_their_ranges() {
        let text =
            "---\ncategory: partnerships\nquestion: \"3\" # the incentives one\ntitle: x\n---\n";
        let fm = parse(text);
        let category = fm.category.unwrap();
        assert_eq!(category.value, "partnerships");
        assert_eq!(&text[category.range], "partnerships");
        let question = fm.question.unwrap();
        assert_eq!(question.value, "3");
        assert_eq!(&text[question.range], "3");
        assert_eq!(fm.scenario, None);
        assert_eq!(fm.body_start, 4);
        let keys: Vec<(&str, &str, &str)> = fm
            .entries
            .iter()
            .map(|e| {
                (
                    &text[e.key_range.clone()],
                    e.key.as_str(),
                    &text[e.range.clone()],
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("category", "category", "partnerships"),
                ("question", "question", "3"),
                ("title", "title", "x")
            ]
        );
    }

    #[test]
    fn strips_comments_and_single_quotes_and_handles_crlf() {
        let text = "---\r\nScenario: 'partnerships/scenario-2'\r\nquestion: 4 # four\r\n---\r\n";
        let fm = parse(text);
        assert_eq!(fm.scenario.unwrap().value, "partnerships/scenario-2");
        let q = fm.question.unwrap();
        assert_eq!(&text[q.range], "4");
        assert_eq!(fm.body_start, 5);
    }

    #[test]
    fn tolerates_nested_values_lists_and_garbage() {
        let text = "---\ntags:\n  - a\n  question: 9\n: nothing\n{weird\nquestion:\nquestion: How do you run partner enablement?\n---\n";
        let fm = parse(text);
        assert_eq!(
            fm.question.unwrap().value,
            "How do you run partner enablement?"
        );
        assert_eq!(fm.category, None);
    }

    #[test]
    fn unterminated_quote_takes_the_rest_of_the_line() {
        let text = "---\ncategory: \"partnerships\n---\n";
        assert_eq!(parse(text).category.unwrap().value, "partnerships");
    }

    #[test]
    fn non_ascii_values_keep_char_boundaries() {
        let text = "---\nquestion: Comment gérer les conflits ? # é\n---\n";
        let q = parse(text).question.unwrap();
        assert_eq!(&text[q.range], "Comment gérer les conflits ?");
    }
}
