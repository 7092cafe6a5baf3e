//! An open document: its text in a rope, its version, and conversion between byte offsets and LSP
//! positions in the negotiated encoding. Every position from a client is clamped; nothing panics.

use std::ops::Range;

use ropey::Rope;
use tower_lsp::lsp_types::{Position, Range as LspRange, TextDocumentContentChangeEvent};

/// How LSP columns are counted, as negotiated at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the LSP default.
    #[default]
    Utf16,
}

/// The server's copy of an open document.
#[derive(Debug, Clone)]
pub struct Document {
    rope: Rope,
    /// The version the client gave with the last open or change.
    pub version: i32,
}

impl Document {
    /// A document with this text and version.
    pub fn new(text: &str, version: i32) -> Self {
        Document {
            rope: Rope::from_str(text),
            version,
        }
    }

    /// The rope, for chunked reads.
    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    /// The whole text as one string.
    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// Length in bytes.
    pub fn len_bytes(&self) -> usize {
        self.rope.len_bytes()
    }

    /// Applies one content change: a range edit, or a full replacement when it has no range.
    /// An out-of-range position is clamped and an inverted range is put in order, so the result is
    /// what a client that clamps the same way holds.
    pub fn apply_change(&mut self, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
        match change.range {
            None => self.rope = Rope::from_str(&change.text),
            Some(range) => {
                let a = self.char_index(range.start, encoding);
                let b = self.char_index(range.end, encoding);
                let (start, end) = if a <= b { (a, b) } else { (b, a) };
                self.rope.remove(start..end);
                self.rope.insert(start, &change.text);
            }
        }
    }

    /// The byte offset of an LSP position, clamped to the document.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        self.rope.char_to_byte(self.char_index(position, encoding))
    }

    /// The LSP position of a byte offset, clamped to the document and rounded down to a character
    /// boundary.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let offset = offset.min(self.rope.len_bytes());
        let char_idx = self.rope.byte_to_char(offset);
        let line = self.rope.char_to_line(char_idx);
        let line_start = self.rope.line_to_char(line);
        let column = match encoding {
            Encoding::Utf8 => self.rope.char_to_byte(char_idx) - self.rope.char_to_byte(line_start),
            Encoding::Utf16 => {
                self.rope.char_to_utf16_cu(char_idx) - self.rope.char_to_utf16_cu(line_start)
            }
        };
        Position::new(to_u32(line), to_u32(column))
    }

    /// The LSP range of a byte range.
    pub fn range(&self, range: Range<usize>, encoding: Encoding) -> LspRange {
        LspRange::new(
            self.position(range.start, encoding),
            self.position(range.end, encoding),
        )
    }

    /// The char index of an LSP position. A line past the end clamps to the end of the document; a
    /// column past the end of its line clamps to the end of the line (before its line break); a
    /// column inside a character (a surrogate pair, a multi-byte sequence) rounds down.
    fn char_index(&self, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.rope.len_lines() {
            return self.rope.len_chars();
        }
        let line_start = self.rope.line_to_char(line);
        let slice = self.rope.line(line);
        let content_chars = slice.len_chars() - line_break_chars(slice);
        let content = slice.slice(..content_chars);
        let column = position.character as usize;
        let chars = match encoding {
            Encoding::Utf8 => content.byte_to_char(column.min(content.len_bytes())),
            Encoding::Utf16 => content.utf16_cu_to_char(column.min(content.len_utf16_cu())),
        };
        line_start + chars
    }
}

/// How many chars at the end of a line are its line break (`\n`, `\r\n` or `\r`).
fn line_break_chars(line: ropey::RopeSlice<'_>) -> usize {
    let n = line.len_chars();
    match (
        n.checked_sub(2).map(|i| line.char(i)),
        n.checked_sub(1).map(|i| line.char(i)),
    ) {
        (Some('\r'), Some('\n')) => 2,
        (_, Some('\n' | '\r')) => 1,
        _ => 0,
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(LspRange::new(Position::new(sl, sc), Position::new(el, ec))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn only_lf_crlf_and_cr_break_lines() {
        let doc = Document::new("a\u{2028}b\u{85}c\nd\r\ne\rf", 0);
        assert_eq!(doc.rope().len_lines(), 4);
        assert_eq!(
            doc.position(doc.len_bytes(), Encoding::Utf16),
            Position::new(3, 1)
        );
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_as_two() {
        let doc = Document::new("😀é x", 0);
        let x = "😀é ".len();
        assert_eq!(doc.position(x, Encoding::Utf16), Position::new(0, 4));
        assert_eq!(doc.position(x, Encoding::Utf8), Position::new(0, 7));
        assert_eq!(doc.offset(Position::new(0, 4), Encoding::Utf16), x);
        // Inside the surrogate pair rounds down to the emoji's start.
        assert_eq!(doc.offset(Position::new(0, 1), Encoding::Utf16), 0);
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let doc = Document::new("ab\r\ncd", 0);
        assert_eq!(doc.offset(Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(doc.offset(Position::new(9, 0), Encoding::Utf16), 6);
        assert_eq!(doc.position(999, Encoding::Utf8), Position::new(1, 2));
    }

    #[test]
    fn edits_apply_in_both_encodings() {
        let mut doc = Document::new("héllo\r\nwörld", 0);
        doc.apply_change(&change(1, 1, 1, 2, "o"), Encoding::Utf16);
        assert_eq!(doc.text(), "héllo\r\nworld");
        doc.apply_change(&change(0, 1, 0, 3, "e"), Encoding::Utf8);
        assert_eq!(doc.text(), "hello\r\nworld");
        // Inverted ranges are put in order.
        doc.apply_change(&change(1, 5, 0, 5, " "), Encoding::Utf16);
        assert_eq!(doc.text(), "hello ");
    }
}
