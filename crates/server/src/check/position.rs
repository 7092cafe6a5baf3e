//! Byte offsets to 1-based lines and columns. Lines end at `\n`, `\r\n` or `\r`, as in the
//! language server's documents and in SARIF.

/// 1-based line and column of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode code points.
    pub column: usize,
    /// 1-based column in UTF-16 code units (SARIF's default column kind).
    pub column_utf16: usize,
}

/// Where each line of a text starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The line and column of `offset`, clamped to the text and rounded down to a character
    /// boundary, so that any offset gives a position.
    pub fn position(&self, text: &str, offset: usize) -> LineColumn {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let before = &text[self.starts[line]..offset];
        LineColumn {
            line: line + 1,
            column: before.chars().count() + 1,
            column_utf16: before.encode_utf16().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (usize, usize, usize) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column, p.column_utf16)
    }

    #[test]
    fn counts_lf_crlf_and_cr_line_ends() {
        let text = "ab\ncd\r\nef\rgh";
        assert_eq!(at(text, 0), (1, 1, 1));
        assert_eq!(at(text, 3), (2, 1, 1));
        assert_eq!(at(text, 4), (2, 2, 2));
        // The `\r` and `\n` of a CRLF belong to the line they end.
        assert_eq!(at(text, 5), (2, 3, 3));
        assert_eq!(at(text, 6), (2, 4, 4));
        assert_eq!(at(text, 7), (3, 1, 1));
        assert_eq!(at(text, 10), (4, 1, 1));
        assert_eq!(at(text, 12), (4, 3, 3));
    }

    #[test]
    fn columns_count_code_points_and_utf16_units() {
        // `é` is 2 bytes, one code point, one UTF-16 unit; `😀` is 4 bytes, one code point, two
        // UTF-16 units.
        let text = "é😀x";
        assert_eq!(at(text, 2), (1, 2, 2));
        assert_eq!(at(text, 6), (1, 3, 4));
        assert_eq!(at(text, 7), (1, 4, 5));
    }

    #[test]
    fn clamps_offsets_past_the_end_and_inside_characters() {
        let text = "a😀\nb";
        assert_eq!(at(text, 3), (1, 2, 2));
        assert_eq!(at(text, 99), (2, 2, 2));
        assert_eq!(at("", 5), (1, 1, 1));
    }

    #[test]
    fn a_trailing_line_end_starts_an_empty_line() {
        assert_eq!(at("a\r\n", 3), (2, 1, 1));
        assert_eq!(at("a\r", 2), (2, 1, 1));
    }
}
