//! Keystrokes in the middle of a draft: typing a word and deleting it again, one character at a
//! time, with the client's copy of the text kept in step.

/// How the server counts columns (`positionEncoding` in its capabilities; UTF-16 by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes.
    Utf8,
    /// UTF-16 code units.
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

impl Encoding {
    /// The encoding a server declared; anything unknown or absent is UTF-16, the LSP default.
    pub fn from_declared(name: Option<&str>) -> Encoding {
        match name {
            Some("utf-8") => Encoding::Utf8,
            Some("utf-32") => Encoding::Utf32,
            _ => Encoding::Utf16,
        }
    }

    /// The width of `text` in this encoding's code units.
    pub fn width(self, text: &str) -> u32 {
        let units = match self {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.encode_utf16().count(),
            Encoding::Utf32 => text.chars().count(),
        };
        units as u32
    }
}

/// A zero-based LSP position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line.
    pub line: u32,
    /// Column in the negotiated encoding.
    pub character: u32,
}

/// One keystroke as an incremental change: replace `start..end` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keystroke {
    /// Start of the replaced range.
    pub start: Position,
    /// End of the replaced range.
    pub end: Position,
    /// The inserted text (empty for a deletion).
    pub text: String,
}

/// The word typed and deleted, with its leading space, so that the text stays prose.
const WORD: &str = " brisk";

/// Types [`WORD`] at a fixed point in mid-document prose and then deletes it, over and over.
#[derive(Debug, Clone)]
pub struct Typist {
    text: String,
    encoding: Encoding,
    line: u32,
    /// Byte offset of the start of the edited line.
    line_start: usize,
    /// Byte offset where the word starts.
    anchor: usize,
    /// Characters of the word currently typed.
    typed: usize,
    /// Whether the next keystroke deletes.
    deleting: bool,
}

impl Typist {
    /// A typist working on `text`, at a word boundary of the prose line nearest the middle.
    pub fn new(text: String, encoding: Encoding) -> Typist {
        let (line, line_start, anchor) = edit_point(&text);
        Typist {
            text,
            encoding,
            line,
            line_start,
            anchor,
            typed: 0,
            deleting: false,
        }
    }

    /// The client's copy of the text after the keystrokes so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Makes the next keystroke, applies it to the text and returns it.
    pub fn next_keystroke(&mut self) -> Keystroke {
        let cursor = self.anchor + self.typed;
        let at = self.position(cursor);
        if self.deleting {
            // The typed word is ASCII: one byte, one column in every encoding.
            self.text.remove(cursor - 1);
            self.typed -= 1;
            self.deleting = self.typed > 0;
            Keystroke {
                start: Position {
                    line: at.line,
                    character: at.character - 1,
                },
                end: at,
                text: String::new(),
            }
        } else {
            let c = WORD[self.typed..].chars().next().unwrap_or(' ');
            self.text.insert(cursor, c);
            self.typed += 1;
            self.deleting = self.typed == WORD.len();
            Keystroke {
                start: at,
                end: at,
                text: c.to_string(),
            }
        }
    }

    fn position(&self, byte: usize) -> Position {
        Position {
            line: self.line,
            character: self.encoding.width(&self.text[self.line_start..byte]),
        }
    }
}

/// Line number, line start and byte offset of the edit point: before the middle space of the prose
/// line (not front matter, heading, bullet or blank) nearest the middle of the document, or the end
/// of the text when it has no prose line.
fn edit_point(text: &str) -> (u32, usize, usize) {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut in_front_matter = false;
    for (number, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed == "---" {
            in_front_matter = number == 0;
        } else if !in_front_matter
            && !trimmed.is_empty()
            && !trimmed.starts_with(['#', '-', '*', '>'])
            && trimmed.contains(' ')
        {
            lines.push((number, start, line));
        }
        start += line.len() + 1;
    }
    let total = text.split('\n').count();
    let Some(&(number, start, line)) = lines
        .iter()
        .min_by_key(|(number, _, _)| number.abs_diff(total / 2))
    else {
        let last_start = text.rfind('\n').map_or(0, |i| i + 1);
        return ((total - 1) as u32, last_start, text.len());
    };
    let spaces: Vec<usize> = line.match_indices(' ').map(|(i, _)| i).collect();
    let anchor = start + spaces[spaces.len() / 2];
    (number as u32, start, anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies an incremental change the way a server does, to check the client's bookkeeping.
    fn apply(text: &str, k: &Keystroke, encoding: Encoding) -> String {
        let offset = |p: Position| {
            let line_start: usize = text
                .split_inclusive('\n')
                .take(p.line as usize)
                .map(str::len)
                .sum();
            let line = &text[line_start..];
            let mut units = 0;
            for (i, c) in line.char_indices() {
                if units >= p.character {
                    return line_start + i;
                }
                units += encoding.width(c.encode_utf8(&mut [0; 4]));
            }
            text.len()
        };
        let (a, b) = (offset(k.start), offset(k.end));
        format!("{}{}{}", &text[..a], k.text, &text[b..])
    }

    const DRAFT: &str = "---\ncategory: partnerships\n---\n\n## Context\n\n\
                         Café 🚀 in 東京 — we grew 42% fast.\nClosing line here.\n- bullet one two\n";

    #[test]
    fn edits_at_a_word_boundary_of_mid_document_prose() {
        let typist = Typist::new(DRAFT.to_owned(), Encoding::Utf16);
        assert_eq!(typist.line, 6);
        assert_eq!(&DRAFT[typist.anchor..typist.anchor + 4], " we ");
    }

    #[test]
    fn columns_follow_the_negotiated_encoding() {
        let prefix = "Café 🚀 in 東京 —";
        let mut k16 = Typist::new(DRAFT.to_owned(), Encoding::Utf16);
        assert_eq!(
            k16.next_keystroke().start.character,
            Encoding::Utf16.width(prefix)
        );
        assert_eq!(Encoding::Utf16.width(prefix), 15);
        let mut k8 = Typist::new(DRAFT.to_owned(), Encoding::Utf8);
        assert_eq!(k8.next_keystroke().start.character, prefix.len() as u32);
        let mut k32 = Typist::new(DRAFT.to_owned(), Encoding::Utf32);
        assert_eq!(k32.next_keystroke().start.character, 14);
    }

    #[test]
    fn keystrokes_type_then_delete_and_match_the_server_view() {
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let mut typist = Typist::new(DRAFT.to_owned(), encoding);
            let mut server_copy = DRAFT.to_owned();
            let mut seen_word = false;
            for step in 0..(2 * WORD.len() * 3 + 5) {
                let k = typist.next_keystroke();
                assert!(k.text.chars().count() <= 1);
                server_copy = apply(&server_copy, &k, encoding);
                assert_eq!(server_copy, typist.text(), "{encoding:?} step {step}");
                seen_word |= typist.text().contains("— brisk we grew");
                if (step + 1) % (2 * WORD.len()) == 0 {
                    assert_eq!(typist.text(), DRAFT, "back to the start after a full cycle");
                }
            }
            assert!(seen_word);
        }
    }

    #[test]
    fn text_without_prose_edits_at_the_end() {
        let typist = Typist::new("# Title\n- a b".to_owned(), Encoding::Utf16);
        assert_eq!((typist.line, typist.anchor), (1, 13));
        let typist = Typist::new(String::new(), Encoding::Utf16);
        assert_eq!((typist.line, typist.anchor), (0, 0));
    }
}
