//! Spoken words and speaking time: which tokens are said aloud, and how long they take.

use std::ops::Range;

use crate::Section;
use crate::context::Ctx;

/// The tokens that are spoken words (prose outside headings and bold labels), as runs of token
/// indices: a long draft has hundreds of thousands of them, in a few runs. A hyphenated
/// compound (`co-sell`, `12-month`) is one word, as a word processor counts it: its later
/// tokens ([`crate::tokens::Tokens::joined`]) are kept aside in `joined`.
#[derive(Debug, Default)]
pub(crate) struct Spoken {
    runs: Vec<Range<usize>>,
    /// Tokens of the runs that continue the word before them, in order.
    joined: Vec<usize>,
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

    /// The first token of spoken word `n` (from 0), if there are that many.
    pub fn get(&self, mut n: usize) -> Option<usize> {
        for run in &self.runs {
            let (from, to) = (
                self.joined.partition_point(|&k| k < run.start),
                self.joined.partition_point(|&k| k < run.end),
            );
            let words = run.len() - (to - from);
            if n < words {
                // Past the joined tokens before word `n` in this run.
                let mut at = run.start + n;
                for &k in &self.joined[from..to] {
                    if k <= at {
                        at += 1;
                    }
                }
                return Some(at);
            }
            n -= words;
        }
        None
    }

    /// Adds tokens `run`. Of `continued` (the draft's tokens that continue the word before
    /// them, in order), those after the run's first token are no words of their own: the first
    /// starts a word whatever comes before it.
    fn push(&mut self, run: Range<usize>, continued: &[usize]) {
        if !run.is_empty() {
            let from = continued.partition_point(|&k| k <= run.start);
            let to = continued.partition_point(|&k| k < run.end);
            let joined = &continued[from..to];
            self.joined.extend_from_slice(joined);
            self.count += run.len() - joined.len();
            self.runs.push(run);
        }
    }
}

/// The tokens that are spoken words: prose outside headings and labels set in bold. A label in
/// plain words (`What I took from it: ...`) is read out with its sentence.
pub(crate) fn counted_words(ctx: &Ctx<'_>, sections: &[Section]) -> Spoken {
    let marked = |s: &&Section| {
        s.level > 0
            || ctx
                .text
                .get(s.heading.clone())
                .is_some_and(|h| h.starts_with(['*', '_']))
    };
    let mut marks: Vec<Range<usize>> = sections
        .iter()
        .filter(marked)
        .map(|s| s.heading.clone())
        .collect();
    marks.sort_by_key(|r| r.start);
    let tokens = ctx.tokens;
    // The offsets come in order: one walk through the sentences finds their tokens.
    let mut sentence = 0;
    let mut at = |offset: usize| tokens.token_at_or_after_from(&mut sentence, offset);
    let mut out = Spoken::default();
    // Every token outside the headings and bold labels, a run at a time.
    let mut next = 0;
    // Kept with each sentence's scan, so a keystroke finds them again in the memo.
    let continued = &tokens.joined;
    for mark in marks {
        let first = at(mark.start).max(next);
        out.push(next..first, continued);
        next = first.max(at(mark.end));
    }
    out.push(next..tokens.tokens.len(), continued);
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
            spoken.push(run, &[]);
        }
        assert_eq!(spoken.len(), 5);
        let every: Vec<Option<usize>> = (0..6).map(|n| spoken.get(n)).collect();
        assert_eq!(every, [Some(0), Some(1), Some(2), Some(7), Some(8), None]);
        assert!(Spoken::default().is_empty());
    }

    #[test]
    fn a_joined_token_is_no_word_of_its_own() {
        let mut spoken = Spoken::default();
        spoken.push(0..4, &[1, 2, 7, 12]);
        spoken.push(6..9, &[1, 2, 7, 12]);
        assert_eq!(spoken.len(), 4);
        let every: Vec<Option<usize>> = (0..5).map(|n| spoken.get(n)).collect();
        assert_eq!(every, [Some(0), Some(3), Some(6), Some(8), None]);
    }

    #[test]
    fn a_hyphenated_compound_is_one_word() {
        // As a word processor counts: `co-sell`, `12-month`, `end-to-end` are one word each; a
        // dash between spaces, or an en dash in a range, separates two.
        let text = "We co-sell 12-month deals end-to-end - fast, 50–150 seats.\n";
        assert_eq!(analyze(text).words, 9);
    }

    #[test]
    fn headings_and_bold_labels_are_not_spoken() {
        let text = "# How do you run partner enablement?\n\nOne two three.\n\n## Action\n\n**Result:** four five.\n\nSix.\n";
        assert_eq!(analyze(text).words, 6);
        // A label in plain words is said with its sentence.
        let text = "# How do you run partner enablement?\n\nOne two three.\n\nWhat I took from it: four five.\n";
        let report = analyze(text);
        assert!(
            report.sections.iter().any(|s| s.level == 0),
            "{:?}",
            report.sections
        );
        assert_eq!(report.words, 10);
    }
}
