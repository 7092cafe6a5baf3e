//! Property tests: random incremental edits applied through the server's position conversion and
//! rope give exactly the text of a plain string model, in both position encodings.

mod support;

use interview_coach::lsp::document::{Document, Encoding};
use proptest::prelude::*;
use support::line_starts;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Pieces that stress line breaks and multi-unit characters.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "é",
    "e\u{301}",
    "😀",
    "👩‍💻",
    "中",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "ß",
    "—",
    "\u{2028}",
    "\u{85}",
    "#",
    "1",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// One edit, expressed on the model: two fractions that pick boundaries, and the new text.
#[derive(Debug, Clone)]
struct Edit {
    start: f64,
    end: f64,
    text: String,
    /// Push the end column past the end of its line, to exercise clamping.
    overshoot: bool,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (
        0.0..=1.0f64,
        0.0..=1.0f64,
        text_strategy(6),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(start, end, text, overshoot)| Edit {
            start,
            end,
            text,
            overshoot,
        })
}

/// Byte offsets where an LSP position can point: char boundaries not inside a `\r\n` pair.
fn boundaries(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut out: Vec<usize> = s
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| !(i > 0 && bytes[i - 1] == b'\r' && bytes[i] == b'\n'))
        .collect();
    out.push(s.len());
    out
}

/// The model's own offset → position conversion, independent of ropey.
fn model_position(s: &str, offset: usize, encoding: Encoding) -> Position {
    let starts = line_starts(s);
    let line = starts.partition_point(|&st| st <= offset) - 1;
    let prefix = &s[starts[line]..offset];
    let column = match encoding {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => prefix.encode_utf16().count(),
    };
    Position::new(line as u32, column as u32)
}

fn pick(bounds: &[usize], fraction: f64) -> usize {
    let i = ((bounds.len() - 1) as f64 * fraction).round() as usize;
    bounds[i.min(bounds.len() - 1)]
}

/// End of the line content (before its break) of the line holding `offset`.
fn line_content_end(s: &str, offset: usize) -> usize {
    let rest = &s[offset..];
    offset + rest.find(['\n', '\r']).unwrap_or(rest.len())
}

fn run(initial: &str, edits: &[Edit], encoding: Encoding) -> Result<(), TestCaseError> {
    let mut model = initial.to_string();
    let mut doc = Document::new(initial, 0);
    for (n, edit) in edits.iter().enumerate() {
        let bounds = boundaries(&model);
        let (mut a, mut b) = (pick(&bounds, edit.start), pick(&bounds, edit.end));
        let start_pos = model_position(&model, a, encoding);
        let mut end_pos = model_position(&model, b, encoding);
        if edit.overshoot {
            // A column past the line's end means the end of that line.
            end_pos.character += 1000;
            b = line_content_end(&model, b);
        }
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        model.replace_range(a..b, &edit.text);
        doc.apply_change(
            &TextDocumentContentChangeEvent {
                range: Some(Range::new(start_pos, end_pos)),
                range_length: None,
                text: edit.text.clone(),
            },
            encoding,
        );
        prop_assert_eq!(doc.text(), model.clone(), "after edit {}", n);
    }
    // Every boundary converts to the model's position and back.
    for offset in boundaries(&model) {
        let pos = doc.position(offset, encoding);
        prop_assert_eq!(pos, model_position(&model, offset, encoding));
        prop_assert_eq!(doc.offset(pos, encoding), offset);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn utf16_edits_match_the_string_model(
        initial in text_strategy(40),
        edits in prop::collection::vec(edit_strategy(), 1..30),
    ) {
        run(&initial, &edits, Encoding::Utf16)?;
    }

    #[test]
    fn utf8_edits_match_the_string_model(
        initial in text_strategy(40),
        edits in prop::collection::vec(edit_strategy(), 1..30),
    ) {
        run(&initial, &edits, Encoding::Utf8)?;
    }

    #[test]
    fn any_position_is_clamped_without_panic(
        text in text_strategy(30),
        line in 0u32..50,
        character in 0u32..200,
    ) {
        let doc = Document::new(&text, 0);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let offset = doc.offset(Position::new(line, character), encoding);
            prop_assert!(offset <= text.len());
            prop_assert!(text.is_char_boundary(offset));
        }
    }
}
