//! Byte offsets to 1-based lines and columns. Lines end at `\n`, `\r\n` or `\r`, as in the
//! language server's documents and in SARIF.
//!
//! A report needs the positions of a few offsets per finding. They are computed together, in one
//! forward pass over the text ([`Positions::new`]), so that the cost is linear in the text and the
//! findings whatever their number: counting from the line start for every finding is quadratic on
//! a long line with many findings.

/// 1-based line and column of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode code points.
    pub column: usize,
    /// 1-based column in UTF-16 code units (SARIF's default column kind).
    pub column_utf16: usize,
    /// Byte offset of the start of the line.
    pub line_start: usize,
}

/// The positions of a set of offsets of one text.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    /// Sorted, distinct offsets (clamped to the text, on character boundaries).
    offsets: Vec<usize>,
    /// The position of each offset.
    at: Vec<LineColumn>,
    /// Bytes the pass walked over: at most the text's length.
    #[cfg(test)]
    walked: usize,
}

impl Positions {
    /// Computes the positions of `offsets` in `text` in one forward pass. Offsets past the end
    /// are clamped to it, and offsets inside a character are rounded down to its start.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> = offsets.into_iter().map(|o| floor(text, o)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let bytes = text.as_bytes();
        let mut at = Vec::with_capacity(wanted.len());
        let mut cursor = Cursor {
            offset: 0,
            here: LineColumn {
                line: 1,
                column: 1,
                column_utf16: 1,
                line_start: 0,
            },
        };
        #[cfg(test)]
        let mut walked = 0;
        for &target in &wanted {
            #[cfg(test)]
            {
                walked += target - cursor.offset;
            }
            cursor.advance(bytes, target);
            at.push(cursor.here);
        }
        Positions {
            offsets: wanted,
            at,
            #[cfg(test)]
            walked,
        }
    }

    /// The position of `offset`, which must be one of the offsets given to [`Positions::new`]
    /// (after the same clamping); any other offset is computed from the start of the text.
    pub fn get(&self, text: &str, offset: usize) -> LineColumn {
        let offset = floor(text, offset);
        match self.offsets.binary_search(&offset) {
            Ok(i) => self.at[i],
            Err(_) => Positions::new(text, [offset]).at[0],
        }
    }
}

/// Where the forward pass has got to.
struct Cursor {
    offset: usize,
    here: LineColumn,
}

impl Cursor {
    /// Moves forward to `target` (a character boundary at or after the cursor).
    fn advance(&mut self, bytes: &[u8], target: usize) {
        let from = self.offset;
        // A `\r` before a `\n` belongs to the line the `\n` ends.
        let ends_line =
            |i: usize| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        // Whole passes over the bytes, which the compiler vectorises, instead of a loop that
        // decides per character: most offsets are far apart on short lines.
        let last_break = (from..target).rev().find(|&i| ends_line(i));
        let column_from = match last_break {
            Some(last) => {
                let lines = (from..=last).filter(|&i| ends_line(i)).count();
                self.here = LineColumn {
                    line: self.here.line + lines,
                    column: 1,
                    column_utf16: 1,
                    line_start: last + 1,
                };
                last + 1
            }
            None => from,
        };
        let stretch = &bytes[column_from..target];
        // Characters start at every byte but continuation bytes; four-byte characters (lead
        // byte 0xF0 and up) are two UTF-16 units.
        let chars = stretch.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        let astral = stretch.iter().filter(|&&b| b >= 0xF0).count();
        self.here.column += chars;
        self.here.column_utf16 += chars + astral;
        self.offset = target;
    }
}

/// `offset` clamped to the text and rounded down to a character boundary.
fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (usize, usize, usize) {
        let p = Positions::new(text, [offset]).get(text, offset);
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

    /// Positions counted from the start of the text for one offset: the definition.
    fn naive(text: &str, offset: usize) -> LineColumn {
        let offset = floor(text, offset);
        let before = &text[..offset];
        let line_start = before
            .char_indices()
            .filter(|&(i, c)| {
                c == '\n' || (c == '\r' && text.as_bytes().get(i + 1) != Some(&b'\n'))
            })
            .map(|(i, _)| i + 1)
            .next_back()
            .unwrap_or(0);
        let lines = before
            .char_indices()
            .filter(|&(i, c)| {
                c == '\n' || (c == '\r' && text.as_bytes().get(i + 1) != Some(&b'\n'))
            })
            .count();
        let column = &text[line_start..offset];
        LineColumn {
            line: lines + 1,
            column: column.chars().count() + 1,
            column_utf16: column.encode_utf16().count() + 1,
            line_start,
        }
    }

    #[test]
    fn every_offset_of_awkward_text_agrees_with_counting_from_the_start() {
        let text = "a\r\nb\té😀\r\n\rc\u{200d}中\n\nend\r";
        let all = Positions::new(text, (0..=text.len() + 2).rev());
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                all.get(text, offset),
                naive(text, offset),
                "offset {offset}"
            );
            assert_eq!(
                Positions::new(text, [offset]).get(text, offset),
                naive(text, offset)
            );
        }
    }

    #[test]
    fn every_pair_of_offsets_agrees_with_counting_from_the_start() {
        // The second offset is reached from the first: every stretch between two offsets.
        let text = "\r\r\n\n é😀x\r\n\ry\u{200d}中\n\n\r";
        for a in 0..=text.len() {
            for b in 0..=text.len() {
                let both = Positions::new(text, [a, b]);
                assert_eq!(both.get(text, a), naive(text, a), "{a} {b}");
                assert_eq!(both.get(text, b), naive(text, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn many_offsets_on_one_long_line_are_found_in_one_pass() {
        // 50,000 findings on one line of about 1 MB: each offset asked twice (a start and an
        // end), in no particular order.
        let text = "word ".repeat(200_000);
        let offsets: Vec<usize> = (0..50_000usize)
            .flat_map(|i| {
                let start = (i * 7_919 % 50_000) * 20;
                [start, start + 5]
            })
            .collect();
        let positions = Positions::new(&text, offsets.iter().copied());
        assert!(
            positions.walked <= text.len(),
            "walked {} bytes of {}",
            positions.walked,
            text.len()
        );
        let p = positions.get(&text, 20 * 49_999 + 5);
        assert_eq!((p.line, p.column), (1, 20 * 49_999 + 6));
    }
}
