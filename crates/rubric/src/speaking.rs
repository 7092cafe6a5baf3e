//! Spoken words and speaking time: which tokens are said aloud, and how long they take.

use crate::Section;
use crate::context::Ctx;

/// Indices of the tokens that are spoken words: prose outside headings and labels.
pub(crate) fn counted_words(ctx: &Ctx<'_>, sections: &[Section]) -> Vec<usize> {
    let mut marks: Vec<std::ops::Range<usize>> =
        sections.iter().map(|s| s.heading.clone()).collect();
    marks.sort_by_key(|r| r.start);
    let tokens = ctx.tokens;
    let mut out = Vec::with_capacity(tokens.tokens.len());
    // Every token outside the headings and labels, a run at a time.
    let mut next = 0;
    for mark in marks {
        let first = tokens.token_at_or_after(mark.start).max(next);
        out.extend(next..first);
        next = first.max(tokens.token_at_or_after(mark.end));
    }
    out.extend(next..tokens.tokens.len());
    out
}

/// Seconds to say `words` at `wpm` words per minute, rounded.
pub(crate) fn seconds(words: usize, wpm: u32) -> u32 {
    let wpm = wpm.max(1) as u64;
    ((words as u64 * 60 + wpm / 2) / wpm).min(u32::MAX as u64) as u32
}

/// `m:ss`.
pub(crate) fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
