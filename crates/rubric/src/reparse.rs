//! Parsing a long draft again after an edit: only the blocks around the edit.
//!
//! A keystroke changes one block, but Markdown is parsed as a whole document, and at 300,000
//! words that parse is a good part of an analysis. Yet where a top-level block starts at the left
//! margin after a blank line (and is not a list item, a quote or a delimiter line), nothing before
//! it changes how the text from it on is read, and nothing after it changes how the text before
//! it is read. The draft is cut into chunks there, as its last parse found its top-level blocks,
//! and each chunk keeps the parse it would have alone, cut out of the parse that found it.
//!
//! After an edit, the chunks wholly before it and wholly after it keep their parse (the later
//! ones moved by what the edit added or removed). The text between is parsed again as one
//! window, from the chunk start before the edit to a chunk start after it; the window is taken
//! only if its parse ends with nothing open (no unclosed fence or raw HTML block, no
//! `disable-next` directive still waiting for its block), else it grows to a later chunk start,
//! or to the end.
//!
//! What reaches further than that makes the draft be parsed whole: a link reference definition
//! (`[id]: url` resolves links anywhere), a line ending in `---` with text right after it that
//! is not a metadata block of its own chunk (pulldown-cmark reads a metadata block wherever a
//! closing line follows, however far) and a lone `\r`. In debug builds, every assembled parse
//! is checked against a parse of the whole text.

use std::ops::Range;

use crate::draft::{Draft, Shape};

/// Drafts shorter than this (in bytes) are parsed whole: their parse costs little.
const MIN_LEN: usize = 64 * 1024;

/// The fewest bytes a chunk holds: a parser's start costs as much as a few kilobytes of text, and
/// each chunk kept costs memory.
const MIN_CHUNK: usize = 4 * 1024;

/// One chunk's parse.
///
/// A chunk after the first is parsed with a line break before it, so that its parse writes the
/// break that the whole parse writes before the chunk's first prose: its offsets are one past
/// its text's.
#[derive(Debug)]
struct Chunk {
    /// Where it starts in the text it was parsed from.
    start: usize,
    /// Its length in that text.
    len: usize,
    draft: Draft,
}

/// The last parse of one document, by chunks, kept by its [`crate::Memo`].
#[derive(Debug)]
pub(crate) struct Reparse {
    /// Texts shorter than this are parsed whole ([`MIN_LEN`]; less in tests).
    min_len: usize,
    /// The fewest bytes a chunk holds ([`MIN_CHUNK`]; less in tests).
    min_chunk: usize,
    /// The text parsed last, when it was parsed by chunks.
    text: String,
    /// Its chunks, in order; empty when it was parsed whole.
    chunks: Vec<Chunk>,
}

impl Default for Reparse {
    fn default() -> Reparse {
        Reparse {
            min_len: MIN_LEN,
            min_chunk: MIN_CHUNK,
            text: String::new(),
            chunks: Vec::new(),
        }
    }
}

impl Reparse {
    /// Parses `text`, parsing again only what an edit since the last call may have changed.
    /// The draft is the one [`Draft::parse`] gives.
    pub fn parse(&mut self, text: &str) -> Draft {
        let chunks = if text.len() < self.min_len {
            Err(Box::new(Draft::parse(text)))
        } else if self.chunks.is_empty() {
            first_chunks(text, self.min_chunk)
        } else {
            self.chunks_again(text)
        };
        match chunks {
            Ok(chunks) => {
                let draft = assemble(text, &chunks);
                self.chunks = chunks;
                self.text.clear();
                self.text.push_str(text);
                debug_assert_eq!(draft, Draft::parse(text), "a reparsed draft differs");
                draft
            }
            Err(whole) => {
                self.chunks.clear();
                self.text.clear();
                *whole
            }
        }
    }

    /// The chunks of `text`, the last parse's reused where the edit did not reach, or the
    /// whole parse when `text` cannot be parsed by chunks.
    fn chunks_again(&mut self, text: &str) -> Result<Vec<Chunk>, Box<Draft>> {
        let old_text = std::mem::take(&mut self.text);
        let old = std::mem::take(&mut self.chunks);
        let (old_len, new_len) = (old_text.len(), text.len());
        let prefix = common_prefix(old_text.as_bytes(), text.as_bytes());
        if prefix == old_len && prefix == new_len {
            return Ok(old);
        }
        let suffix = common_suffix(&old_text.as_bytes()[prefix..], &text.as_bytes()[prefix..]);
        let mut old = old.into_iter().peekable();
        let mut chunks = Vec::new();
        // Chunks before the edit: their text and the line after them are unchanged.
        while let Some(chunk) =
            old.next_if(|c| line_end(text, c.start + c.len).is_some_and(|e| e < prefix))
        {
            chunks.push(chunk);
        }
        let from = chunks.last().map_or(0, |c| c.start + c.len);
        // Where later chunks start in the new text, for those wholly after the edit.
        // (The first chunk was parsed without the line break before it: it cannot move.)
        let later: Vec<Chunk> = old
            .filter(|c| c.start > 0 && c.start >= old_len - suffix)
            .map(|mut c| {
                c.start = c.start + new_len - old_len;
                c
            })
            .filter(|c| c.start > from)
            .collect();
        let ends: Vec<usize> = later
            .iter()
            .map(|c| c.start)
            .filter(|&b| is_boundary(text, b))
            .collect();
        // Try ends after the edit, each further than the last, then the end of the text.
        let mut step = 1;
        let mut at = 0;
        loop {
            let end = ends.get(at).copied().unwrap_or(new_len);
            let (window, shape) = parse_chunk(text, from..end);
            let settled = end == new_len || settles(&shape);
            if settled {
                if risky(text, from..end, &shape) {
                    return Err(Box::new(Draft::parse(text)));
                }
                split(text, from..end, window, &shape, self.min_chunk, &mut chunks);
                chunks.extend(later.into_iter().filter(|c| c.start >= end));
                return Ok(chunks);
            }
            at += step;
            step *= 2;
            if at >= ends.len() {
                at = ends.len();
            }
        }
    }
}

/// The chunks of `text` parsed for the first time, or its whole parse when it cannot be parsed
/// by chunks.
fn first_chunks(text: &str, min_chunk: usize) -> Result<Vec<Chunk>, Box<Draft>> {
    let (whole, shape) = Draft::parse_shape(text);
    if risky(text, 0..text.len(), &shape) {
        return Err(Box::new(whole));
    }
    let starts = starts(text, &shape.tops, 0, 0..text.len(), min_chunk);
    Ok(cut(text, &whole, 0..text.len(), &starts))
}

/// The chunks of `range` starting at `starts`, cut out of `parsed`, its parse as
/// [`parse_chunk`] gives it, as each would be parsed alone; a chunk whose `disable-next` applies
/// to a block of a later chunk (or to none) goes with the next.
fn cut(text: &str, parsed: &Draft, range: Range<usize>, starts: &[usize]) -> Vec<Chunk> {
    // Offsets in `parsed` are `shift` less than in the text.
    let shift = range.start - usize::from(range.start > 0);
    // The ends, less those a `disable-next` reaches across.
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(range.end);
    ends.retain(|&end| {
        end == range.end
            || !parsed.directives.iter().any(|d| {
                d.range.start + shift < end
                    && d.kind == crate::directives::DirectiveKind::DisableNext
                    && d.block.as_ref().is_none_or(|b| b.start + shift >= end)
            })
    });
    let mut chunks = Vec::with_capacity(ends.len());
    let mut start = starts[0];
    for end in ends {
        chunks.push(Chunk {
            start,
            len: end - start,
            draft: piece(text, parsed, shift, range.end, start..end),
        });
        debug_assert_eq!(
            chunks[chunks.len() - 1].draft,
            parse_chunk(text, start..end).0,
            "a chunk cut from a parse differs from its own parse"
        );
        start = end;
    }
    chunks
}

/// The part `range` of `parsed` (a parse of `text` up to `end`, its offsets `shift` less than
/// the text's), with the offsets and the mask [`parse_chunk`] gives it.
fn piece(text: &str, parsed: &Draft, shift: usize, end: usize, range: Range<usize>) -> Draft {
    let skip = usize::from(range.start > 0);
    // Offsets in the piece are `range.start - skip` less than in the text.
    let moved =
        |r: &Range<usize>| r.start + shift + skip - range.start..r.end + shift + skip - range.start;
    let inside = |r: &Range<usize>| range.contains(&(r.start + shift));
    let mut mask = String::with_capacity(range.len() + skip);
    if skip == 1 {
        // The break the parse writes before the chunk's first prose, if it does.
        let before = parsed.mask.as_bytes()[range.start - 1 - shift];
        mask.push(if before == b'\n' { '\n' } else { ' ' });
    }
    mask.push_str(&parsed.mask[range.start - shift..range.end - shift]);
    if range.end < end && mask.ends_with('\n') {
        // The break before the next chunk's first prose is the next chunk's.
        mask.pop();
        mask.push(' ');
    }
    let mut piece = Draft {
        mask,
        front_matter: parsed.front_matter.clone().filter(|_| range.start == 0),
        headings: Vec::new(),
        labels: Vec::new(),
        directives: Vec::new(),
        blocks: Vec::new(),
        non_prose: Vec::new(),
        newline: if skip == 1 {
            "\n"
        } else {
            Draft::newline_of(&text[range.clone()])
        },
    };
    extend_moved(&mut piece, parsed, inside, moved);
    piece
}

/// Appends to `into`'s headings, labels, directives, blocks and non-prose the ones of `from`
/// whose range `keep` takes, each range (and a directive's block) changed by `moved`.
fn extend_moved(
    into: &mut Draft,
    from: &Draft,
    keep: impl Fn(&Range<usize>) -> bool,
    moved: impl Fn(&Range<usize>) -> Range<usize>,
) {
    into.headings
        .extend(
            from.headings
                .iter()
                .filter(|h| keep(&h.range))
                .map(|h| crate::draft::Heading {
                    range: moved(&h.range),
                    ..h.clone()
                }),
        );
    into.labels
        .extend(
            from.labels
                .iter()
                .filter(|l| keep(&l.range))
                .map(|l| crate::draft::Label {
                    range: moved(&l.range),
                    ..l.clone()
                }),
        );
    into.directives
        .extend(from.directives.iter().filter(|d| keep(&d.range)).map(|d| {
            crate::directives::Directive {
                range: moved(&d.range),
                block: d.block.as_ref().map(&moved),
                ..d.clone()
            }
        }));
    into.blocks
        .extend(from.blocks.iter().filter(|b| keep(b)).map(&moved));
    into.non_prose
        .extend(
            from.non_prose
                .iter()
                .filter(|n| keep(&n.range))
                .map(|n| crate::NonProse {
                    range: moved(&n.range),
                    ..n.clone()
                }),
        );
}

/// Keeps the parse of the window `range` as its chunks: as one when nothing in it starts a
/// chunk, else cut into them.
fn split(
    text: &str,
    range: Range<usize>,
    window: Draft,
    shape: &Shape,
    min_chunk: usize,
    out: &mut Vec<Chunk>,
) {
    let skip = usize::from(range.start > 0);
    let starts = starts(
        text,
        &shape.tops,
        range.start - skip,
        range.clone(),
        min_chunk,
    );
    if starts.len() == 1 {
        out.push(Chunk {
            start: range.start,
            len: range.len(),
            draft: window,
        });
    } else {
        out.extend(cut(text, &window, range, &starts));
    }
}

/// Where the chunks of `range` start, the first at its start: among the top-level blocks `tops`
/// (offsets `shift` less than in `text`), at a boundary after a block that is not a list or a
/// quote, each at least `min_chunk` bytes after the last.
fn starts(
    text: &str,
    tops: &[(usize, bool)],
    shift: usize,
    range: Range<usize>,
    min_chunk: usize,
) -> Vec<usize> {
    let mut starts = vec![range.start];
    for pair in tops.windows(2) {
        let at = pair[1].0 + shift;
        let last = starts[starts.len() - 1];
        if !pair[0].1 && at >= last + min_chunk.max(1) && at < range.end && is_boundary(text, at) {
            starts.push(at);
        }
    }
    starts
}

/// Whether a chunk parsed as `shape` tells ends where the whole parse would end it: with no
/// `disable-next` waiting, no fence or raw HTML open, and not in a list or a quote.
fn settles(shape: &Shape) -> bool {
    shape.pending == 0
        && !shape.open_end
        && shape.tops.last().is_none_or(|(_, container)| !container)
}

/// Parses `range` of `text` alone: the first chunk as it is, a later one after a line break.
fn parse_chunk(text: &str, range: Range<usize>) -> (Draft, Shape) {
    if range.start == 0 {
        return Draft::parse_shape(&text[range]);
    }
    let mut chunk = String::with_capacity(range.len() + 1);
    chunk.push('\n');
    chunk.push_str(&text[range]);
    Draft::parse_shape(&chunk)
}

/// Whether `range` of `text` (parsed as `shape` tells, offsets as [`parse_chunk`] gives them)
/// holds what can change the parse of text outside it: a lone `\r`, what may be a link
/// reference definition (`]:` anywhere on a line), or a line ending in `---` followed by a line
/// of text outside the range's metadata blocks (their opening and closing lines are theirs).
fn risky(text: &str, range: Range<usize>, shape: &Shape) -> bool {
    let skip = usize::from(range.start > 0);
    let part = &text[range.clone()];
    if part
        .bytes()
        .enumerate()
        .any(|(i, b)| b == b'\r' && part.as_bytes().get(i + 1) != Some(&b'\n'))
    {
        return true;
    }
    let mut dashes: Option<usize> = None;
    let mut at = 0;
    while at < part.len() {
        let end = part[at..].find('\n').map_or(part.len(), |i| at + i);
        let line = part[at..end].trim_end();
        // A definition may stand in a list item or a quote too.
        if line.contains("]:") {
            return true;
        }
        if !line.trim().is_empty() {
            if let Some(open) = dashes
                && !shape.metadata.iter().any(|m| m.contains(&(open + skip)))
            {
                return true;
            }
            dashes = line.ends_with("---").then_some(at);
        } else {
            dashes = None;
        }
        at = end + 1;
    }
    false
}

/// The offset of the `\n` that ends the line starting at `at`, if there is one.
fn line_end(text: &str, at: usize) -> Option<usize> {
    text.get(at..)?.find('\n').map(|i| at + i)
}

/// Whether a chunk may start at `at` in `text`: a line at the left margin that starts a block no
/// earlier block can take in, after a blank line.
fn is_boundary(text: &str, at: usize) -> bool {
    if at == 0 || at >= text.len() || text.as_bytes()[at - 1] != b'\n' {
        return false;
    }
    let before = &text[..at - 1];
    let previous = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    if !previous.trim().is_empty() {
        return false;
    }
    let line = &text[at..line_end(text, at).unwrap_or(text.len())];
    starts_block(line)
}

/// The draft of `text` from its chunks' parses.
fn assemble(text: &str, chunks: &[Chunk]) -> Draft {
    let mut mask = String::with_capacity(text.len());
    let mut draft = Draft {
        mask: String::new(),
        front_matter: chunks.first().and_then(|c| c.draft.front_matter.clone()),
        headings: Vec::new(),
        labels: Vec::new(),
        directives: Vec::new(),
        blocks: Vec::new(),
        non_prose: Vec::new(),
        newline: Draft::newline_of(text),
    };
    for chunk in chunks {
        let part = &chunk.draft;
        // Offsets in the chunk's parse are `shift` less than in the text's (wrapping: a later
        // chunk's are one more than its text's offsets less its start).
        let skip = usize::from(chunk.start > 0);
        let shift = chunk.start.wrapping_sub(skip);
        let moved = |r: &Range<usize>| r.start.wrapping_add(shift)..r.end.wrapping_add(shift);
        if skip == 1 && part.mask.starts_with('\n') {
            // The break before the chunk's first prose, on the line before the chunk.
            mask.pop();
            mask.push('\n');
        }
        mask.push_str(&part.mask[skip..]);
        extend_moved(&mut draft, part, |_| true, moved);
    }
    draft.mask = mask;
    draft
}

/// Whether `line`, after a blank line, starts a new top-level block that nothing before it can
/// take in: at the left margin, and not a list item, a quote, a table row or a delimiter line
/// (`---` may open or close front matter, `+++` too).
fn starts_block(line: &str) -> bool {
    let Some(&first) = line.as_bytes().first() else {
        return false;
    };
    !(first.is_ascii_whitespace()
        || matches!(first, b'|')
        || opens_container(line)
        || line.starts_with("---")
        || line.starts_with("+++"))
}

/// Whether `body` opens a list item or a quote.
fn opens_container(body: &str) -> bool {
    let b = body.as_bytes();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    match b.first() {
        Some(b'>') => true,
        Some(b'-' | b'+' | b'*') => b.len() == 1 || matches!(b[1], b' ' | b'\t'),
        _ => digits > 0 && matches!(b.get(digits), Some(b'.' | b')')),
    }
}

/// How many leading bytes `a` and `b` share.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    // Whole blocks first: comparing slices is a `memcmp`.
    const BLOCK: usize = 256;
    let mut n = 0;
    while n + BLOCK <= a.len().min(b.len()) && a[n..n + BLOCK] == b[n..n + BLOCK] {
        n += BLOCK;
    }
    n + a[n..]
        .iter()
        .zip(&b[n..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many trailing bytes `a` and `b` share.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let mut n = 0;
    while n + BLOCK <= a.len().min(b.len())
        && a[a.len() - n - BLOCK..a.len() - n] == b[b.len() - n - BLOCK..b.len() - n]
    {
        n += BLOCK;
    }
    n + a[..a.len() - n]
        .iter()
        .rev()
        .zip(b[..b.len() - n].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long draft: `n` sections of a heading, a paragraph, a list and a fence with a blank line
    /// inside.
    fn long_draft(n: usize) -> String {
        let mut text = String::from("---\nquestion: 4\n---\n\n# Launching co-sell\n\n");
        for i in 0..n {
            text.push_str(&format!(
                "## Part {i}\n\n**Result:** We grew sourced pipeline by {i}% in a quarter.\n\n\
                 - first item {i}\n\n- second item, loose\n\n```text\ncode {i}\n\nstill code\n```\n\n\
                 <!-- a note\n\nthat goes on -->\n\nPlain closing line {i}.\n\n"
            ));
        }
        text
    }

    /// The first line of each chunk of `text` as a first parse cuts it, if it is cut.
    fn chunk_lines(text: &str) -> Option<Vec<&str>> {
        let chunks = first_chunks(text, 0).ok()?;
        Some(
            chunks
                .iter()
                .map(|c| text[c.start..].lines().next().unwrap_or(""))
                .collect(),
        )
    }

    #[test]
    fn a_long_draft_is_cut_where_a_block_starts_at_the_margin() {
        let text = long_draft(3);
        let lines = chunk_lines(&text).expect("chunks");
        // Never inside the front matter, a fence or a comment, nor before a list item.
        assert_eq!(lines[0], "---");
        for line in &lines[1..] {
            assert!(
                !(line.starts_with("- ") || *line == "still code" || *line == "that goes on -->"),
                "{lines:?}"
            );
        }
        assert!(lines.contains(&"## Part 1"), "{lines:?}");
        assert!(lines.contains(&"**Result:** We grew sourced pipeline by 2% in a quarter."));
    }

    #[test]
    fn what_reaches_across_chunks_keeps_the_draft_whole() {
        assert!(chunk_lines("Text.\n\n[id]: https://example.com\n\nMore.").is_none());
        assert!(chunk_lines("Text.\rMore.\n\nAnd more.").is_none());
        // A `---` line with text after it opens a metadata block when a closing line follows,
        // however far: an edit anywhere after it may close it.
        assert!(chunk_lines("# Title\n---\nkey: value\n\nText.\n\nMore.\n").is_none());
        assert!(chunk_lines("# Title\n\nText.\n\nMore text.\n").is_some());
        // Front matter's closing line is its own, whatever follows it.
        let front = "---\r\nquestion: 4\r\n---\r\n# Title\r\n\r\nText.\r\n\r\nMore.\r\n";
        assert_eq!(chunk_lines(front).map(|l| l.len()), Some(3));
    }

    #[test]
    fn every_edit_gives_the_parse_of_the_whole_text() {
        let mut reparse = Reparse::default();
        let mut text = long_draft(400);
        assert!(text.len() >= MIN_LEN);
        assert_eq!(reparse.parse(&text), Draft::parse(&text));
        // Edits that change how the text after them reads: a fence opened and closed, a
        // comment opened, a list item, a directive, a heading, an edit at each end.
        let edits: [(&str, &str); 8] = [
            ("Plain closing line 7.", "```\nPlain closing line 7."),
            (
                "Plain closing line 9.",
                "<!-- open\n\nPlain closing line 9.",
            ),
            ("## Part 20", "- an item\n\n## Part 20"),
            (
                "## Part 30",
                "<!-- coach: disable-next metrics -->\n\n## Part 30",
            ),
            (
                "Plain closing line 40.",
                "# A new title\n\nPlain closing line 40.",
            ),
            ("---\nquestion: 4", "---\nquestion: 5"),
            (
                "Plain closing line 399.\n\n",
                "Plain closing line 399.\n\nA last word.",
            ),
            ("```text\ncode 50\n", "```text\ncode 50 changed\n"),
        ];
        for (from, to) in edits {
            text = text.replacen(from, to, 1);
            let draft = reparse.parse(&text);
            assert_eq!(draft, Draft::parse(&text), "after {to:?}");
        }
        // And undone, in reverse.
        for (from, to) in edits.iter().rev() {
            text = text.replacen(to, from, 1);
            assert_eq!(reparse.parse(&text), Draft::parse(&text), "undoing {to:?}");
        }
    }

    /// Pieces of Markdown that open, close or continue what reaches across blank lines.
    const PIECES: [&str; 35] = [
        "# Heading\n",
        "Plain paragraph with a number, 12 deals.\n",
        "**Result:** grew pipeline 30%.\n",
        "**Learning.** Next time, earlier.\n",
        "Setup\n",
        "- item\n",
        "  continued item\n",
        "    indented code or item text\n",
        "1. first\n",
        "> quoted\n",
        "```\n",
        "~~~text\n",
        "  ```\n",
        "```not`a fence\n",
        "<!-- open comment\n",
        "closing -->\n",
        "<!-- coach: disable-next metrics -->\n",
        "<pre>\n",
        "</pre>\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "---\n",
        "Title\n===\n",
        "\n",
        "\r\n",
        "...\n",
        "[id]: https://example.com\n",
        "<script>\n",
        "</script>\n",
        "* * *\n",
        "- [ ] a task\n",
        "\t- tabbed item\n",
        "<div>\n",
        "   > quoted after spaces\n",
        "> [id]: https://example.com\n",
        "See [the plan][id] and [id].\n",
    ];

    /// A draft of `pieces`, each followed by a blank line when `blank` says so.
    fn build(pieces: &[(usize, bool)]) -> String {
        let mut text = String::new();
        for &(i, blank) in pieces {
            text.push_str(PIECES[i % PIECES.len()]);
            if blank {
                text.push('\n');
            }
        }
        text
    }

    proptest::proptest! {
        // Cheap cases, and the rare ones (an edit at the very start) need many.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn any_edit_of_any_draft_gives_the_parse_of_the_whole_text(
            pieces in proptest::collection::vec((0..PIECES.len(), proptest::bool::ANY), 1..60),
            edits in proptest::collection::vec(
                (0..1000usize, 0..20usize, 0..PIECES.len()), 1..6),
        ) {
            let mut reparse = Reparse { min_len: 0, min_chunk: 0, ..Reparse::default() };
            let mut text = build(&pieces);
            proptest::prop_assert_eq!(reparse.parse(&text), Draft::parse(&text));
            for (at, len, piece) in edits {
                let mut at = at % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + len).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, PIECES[piece]);
                proptest::prop_assert_eq!(reparse.parse(&text), Draft::parse(&text));
            }
        }
    }

    #[test]
    fn edits_of_real_drafts_joined_give_the_parse_of_the_whole_text() {
        // The blind corpus's tuning drafts, one after another: front matter, HTML comments,
        // code, tables and CRLF in the middle of a long text.
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/blind/tune"
        );
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("the blind corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        names.sort();
        let mut text = String::new();
        for name in names.iter().take(120) {
            text.push_str(&std::fs::read_to_string(name).expect("a draft"));
            text.push_str("\n\n");
        }
        let mut reparse = Reparse::default();
        assert!(text.len() >= reparse.min_len);
        assert_eq!(reparse.parse(&text), Draft::parse(&text));
        assert!(!reparse.chunks.is_empty(), "parsed by chunks");
        // Edits spread over the text, each a piece that may change what follows it.
        let mut at = 7usize;
        for i in 0..40 {
            at = (at * 7919 + 104_729) % text.len();
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, PIECES[i % PIECES.len()]);
            assert_eq!(
                reparse.parse(&text),
                Draft::parse(&text),
                "edit {i} at {at}"
            );
        }
    }

    #[test]
    fn text_put_before_the_first_chunk_moves_it_and_parses_it_again() {
        let mut reparse = Reparse {
            min_len: 0,
            min_chunk: 0,
            ..Reparse::default()
        };
        let mut text = String::from("# A\n\nText.\n\n# B\n\nMore.\n");
        assert_eq!(reparse.parse(&text), Draft::parse(&text));
        for insert in ["\n", "Intro.\n\n", "\n\n"] {
            text.insert_str(0, insert);
            assert_eq!(
                reparse.parse(&text),
                Draft::parse(&text),
                "after {insert:?}"
            );
        }
    }

    #[test]
    fn common_ends_are_counted_across_blocks() {
        let a: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
        let mut b = a.clone();
        b[700] = 255;
        assert_eq!(common_prefix(&a, &b), 700);
        assert_eq!(common_suffix(&a, &b), 299);
        assert_eq!(common_prefix(&a, &a[..10]), 10);
        assert_eq!(common_suffix(&a, &a[990..]), 10);
    }

    #[test]
    fn a_short_draft_is_parsed_whole() {
        let mut reparse = Reparse::default();
        let text = long_draft(2);
        assert!(text.len() < MIN_LEN);
        assert_eq!(reparse.parse(&text), Draft::parse(&text));
        assert!(reparse.chunks.is_empty());
    }
}
