//! Scanning the prose sentence by sentence, and the memo that keeps each sentence's scan between
//! analyses of one document.
//!
//! Segmenting words, stemming them and matching the lexicon are most of an analysis, and all
//! three are local to a sentence: no word and no phrase crosses a sentence boundary. A keystroke
//! changes one sentence, so an editor that keeps a [`Memo`] per document pays for that sentence
//! and copies the rest. Everything after (numbers, rules) runs on the whole draft as before.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use crate::lexicon::{Hits, Lexicon};
use crate::tokens::{SentenceScan, Tokens, split_sentences, stemmer};

/// Sentence scans kept from earlier analyses of one document.
///
/// Hold one per open document and pass it to [`crate::Engine::analyze_memo`] with each new
/// text; the report is the same as without it. Scans depend on the lexicon, so the memo starts
/// afresh when the draft's category or the engine changes. It keeps only the sentences of the
/// latest text, so it stays about as large as the document.
#[derive(Debug, Default)]
pub struct Memo {
    /// The engine and lexicon the scans were matched with.
    owner: Option<(u64, usize)>,
    /// Scans by sentence text, with the analysis that last used each.
    scans: HashMap<Box<str>, (SentenceScan, u32), BuildHasherDefault<FxHasher>>,
    /// Counts analyses.
    generation: u32,
}

impl Memo {
    /// An empty memo.
    pub fn new() -> Memo {
        Memo::default()
    }

    /// How many sentence scans it holds.
    pub fn len(&self) -> usize {
        self.scans.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.scans.is_empty()
    }

    /// Starts an analysis with `owner`'s lexicon, forgetting scans made with another.
    fn begin(&mut self, owner: (u64, usize)) {
        if self.owner != Some(owner) {
            self.scans.clear();
            self.owner = Some(owner);
        }
        self.generation = self.generation.wrapping_add(1);
    }

    /// Drops the scans the latest analysis did not use, once they are a good part of the memo.
    fn sweep(&mut self, used: usize) {
        if self.scans.len() > used + used / 4 + 64 {
            let generation = self.generation;
            self.scans.retain(|_, (_, last)| *last == generation);
        }
    }
}

/// Segments the prose mask and finds the lexicon's classes in it, through `memo` when given:
/// `owner` identifies the lexicon for the memo.
pub(crate) fn scan_prose(
    mask: &str,
    lexicon: Option<(&Lexicon, (u64, usize))>,
    memo: Option<&mut Memo>,
) -> (Tokens, Hits) {
    let stemmer = stemmer();
    let mut tokens = Tokens::with_capacity(mask.len());
    let mut hits = Hits::empty(lexicon.map_or(0, |(l, _)| l.longest()));
    let scan_one = |scan: &mut SentenceScan, sentence: &str| {
        scan.fill(&stemmer, sentence);
        if let Some((lexicon, _)) = lexicon {
            lexicon.scan(scan);
        }
    };
    match (memo, lexicon) {
        (Some(memo), Some((_, owner))) => {
            memo.begin(owner);
            let generation = memo.generation;
            let mut used = 0;
            for (offset, sentence) in split_sentences(mask) {
                // Blank lines between blocks are sentences too; they have no words.
                if sentence.trim_start().is_empty() {
                    continue;
                }
                let scan = match memo.scans.get_mut(sentence) {
                    Some((scan, last)) => {
                        used += usize::from(*last != generation);
                        *last = generation;
                        &*scan
                    }
                    None => {
                        let mut scan = SentenceScan::default();
                        scan_one(&mut scan, sentence);
                        used += 1;
                        &memo
                            .scans
                            .entry(sentence.into())
                            .or_insert((scan, generation))
                            .0
                    }
                };
                let base = tokens.push(offset, scan);
                hits.push(base, &scan.hits);
            }
            memo.sweep(used);
        }
        _ => {
            let mut scan = SentenceScan::default();
            for (offset, sentence) in split_sentences(mask) {
                if sentence.trim_start().is_empty() {
                    continue;
                }
                scan_one(&mut scan, sentence);
                let base = tokens.push(offset, &scan);
                hits.push(base, &scan.hits);
            }
        }
    }
    (tokens, hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, memo: Option<&mut Memo>) -> (Tokens, Hits) {
        let lexicon = Lexicon::new(None);
        scan_prose(text, Some((&lexicon, (1, 0))), memo)
    }

    fn same(a: &(Tokens, Hits), b: &(Tokens, Hits)) {
        assert_eq!(a.0.tokens, b.0.tokens);
        assert_eq!(a.0.sentences, b.0.sentences);
        assert_eq!(a.0.lower, b.0.lower);
        assert_eq!(a.0.stream, b.0.stream);
        assert_eq!(a.1.cues, b.1.cues);
        assert_eq!(a.1.concepts, b.1.concepts);
        assert_eq!(a.1.metrics, b.1.metrics);
        assert_eq!(a.1.longest, b.1.longest);
    }

    #[test]
    fn memo_gives_the_same_scan_as_none_through_edits() {
        let texts = [
            "I think we held 40 meetings. Revenue grew 20%.\nNext block here.",
            "I think we held 41 meetings. Revenue grew 20%.\nNext block here.",
            "Revenue grew 20%. I think we held 41 meetings.\nNext block here.\n",
            // The same sentence with more space before it: its offsets move within it.
            "Revenue grew 20%.   I think we held 41 meetings.\n  Next block here.\n",
            "Revenue grew 20%. Revenue grew 20%. I think\n",
            "",
            "Équipe ünd 東京 growth. Win rate rose.",
        ];
        let mut memo = Memo::new();
        for text in texts {
            same(&scan(text, Some(&mut memo)), &scan(text, None));
        }
    }

    #[test]
    fn memo_reuses_unchanged_sentences_and_forgets_old_ones() {
        let mut memo = Memo::new();
        scan("One sentence. Two sentence. Three.", Some(&mut memo));
        assert_eq!(memo.len(), 3);
        scan("One sentence. Two sentences. Three.", Some(&mut memo));
        // The old second sentence stays until the unused scans are a good part of the memo.
        assert_eq!(memo.len(), 4);
        let many: String = (0..200).map(|i| format!("Sentence {i}. ")).collect();
        scan(&many, Some(&mut memo));
        let other: String = (0..200).map(|i| format!("Other {i}. ")).collect();
        scan(&other, Some(&mut memo));
        assert_eq!(memo.len(), 200);
    }

    #[test]
    fn memo_starts_afresh_for_another_lexicon() {
        let mut memo = Memo::new();
        let lexicon = Lexicon::new(None);
        scan_prose(
            "We held 40 meetings.",
            Some((&lexicon, (1, 0))),
            Some(&mut memo),
        );
        assert_eq!(memo.len(), 1);
        scan_prose("Revenue grew.", Some((&lexicon, (2, 0))), Some(&mut memo));
        assert_eq!(memo.len(), 1);
    }
}
