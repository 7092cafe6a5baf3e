//! Spoken words and speaking time: which tokens are said aloud, and how long they take.

use std::ops::Range;

use crate::Section;
use crate::context::Ctx;

/// The tokens that are spoken words (prose outside headings and labels), as runs of token
/// indices: a long draft has hundreds of thousands of them, in a few runs.
#[derive(Debug, Default)]
pub(crate) struct Spoken {
    runs: Vec<Range<usize>>,
    count: usize,
}

impl Spoken {
    /// How many there are.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The token of spoken word `n` (from 0), if there are that many.
    pub fn get(&self, mut n: usize) -> Option<usize> {
        for run in &self.runs {
            if n < run.len() {
                return Some(run.start + n);
            }
            n -= run.len();
        }
        None
    }

    /// Adds tokens `run`.
    fn push(&mut self, run: Range<usize>) {
        if !run.is_empty() {
            self.count += run.len();
            self.runs.push(run);
        }
    }
}

/// The tokens that are spoken words: prose outside headings and labels.
pub(crate) fn counted_words(ctx: &Ctx<'_>, sections: &[Section]) -> Spoken {
    let mut marks: Vec<Range<usize>> = sections.iter().map(|s| s.heading.clone()).collect();
    marks.sort_by_key(|r| r.start);
    let tokens = ctx.tokens;
    // The offsets come in order: one walk through the sentences finds their tokens.
    let mut sentence = 0;
    let mut at = |offset: usize| tokens.token_at_or_after_from(&mut sentence, offset);
    let mut out = Spoken::default();
    // Every token outside the headings and labels, a run at a time.
    let mut next = 0;
    for mark in marks {
        let first = at(mark.start).max(next);
        out.push(next..first);
        next = first.max(at(mark.end));
    }
    out.push(next..tokens.tokens.len());
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

#[cfg(test)]
mod tests {
    use super::Spoken;
    use crate::rules::testing::analyze;

    #[test]
    fn spoken_words_are_read_across_their_runs() {
        let mut spoken = Spoken::default();
        for run in [0..3, 5..5, 7..9] {
            spoken.push(run);
        }
        assert_eq!(spoken.len(), 5);
        let every: Vec<Option<usize>> = (0..6).map(|n| spoken.get(n)).collect();
        assert_eq!(every, [Some(0), Some(1), Some(2), Some(7), Some(8), None]);
        assert!(Spoken::default().is_empty());
    }

    #[test]
    fn headings_and_labels_are_not_spoken() {
        let text = "# How do you run partner enablement?\n\nOne two three.\n\n## Action\n\n**Result:** four five.\n\nSix.\n";
        assert_eq!(analyze(text).words, 6);
    }
}
