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

use rust_stemmers::Stemmer;

use crate::lexicon::{Class, Cue, Hits, Lexicon};
use crate::numbers::{Quantity, quantities};
use crate::syntax::SyntaxCell;
use crate::tokens::{ScanHit, ScanWord, SentenceScan, Tokens, split_sentences, stemmer};

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
    /// The buffers of the last analysis, reused by the next: a long draft's tokens take
    /// megabytes, and fresh pages cost more than clearing old ones.
    spare: Option<Prose>,
    /// The last parse, by chunks of blocks, so that an edit reparses the chunks it touched.
    pub(crate) reparse: crate::reparse::Reparse,
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

    /// Keeps an analysis's buffers for the next one.
    pub(crate) fn recycle(&mut self, prose: Prose) {
        self.spare = Some(prose);
    }

    /// Drops the scans the latest analysis did not use, once they are a good part of the memo.
    fn sweep(&mut self, used: usize) {
        if self.scans.len() > used + used / 4 + 64 {
            let generation = self.generation;
            self.scans.retain(|_, (_, last)| *last == generation);
        }
    }
}

/// The prose of a draft, scanned: words and sentences, lexicon hits, and numbers.
#[derive(Debug)]
pub(crate) struct Prose {
    /// Words and sentences.
    pub tokens: Tokens,
    /// Lexicon matches.
    pub hits: Hits,
    /// Numbers and metric words, in document order.
    pub quantities: Vec<Quantity>,
    /// Each sentence's clause structure (by [`crate::tokens::Tokens::sentences`] index), shared
    /// with the memo's scans so that it is tagged once for as long as the sentence stays.
    pub syntax: Vec<SyntaxCell>,
}

/// Scans one sentence at a time, with scratch space reused from one sentence to the next.
struct Scanner<'a> {
    stemmer: Stemmer,
    lexicon: Option<&'a Lexicon>,
    /// The sentence alone, as a draft of one sentence, to classify its numbers.
    tokens: Tokens,
    hits: Hits,
}

impl Scanner<'_> {
    /// Segments `sentence`, matches the lexicon and classifies the numbers, into `scan`.
    fn scan(&mut self, scan: &mut SentenceScan, sentence: &str) {
        scan.fill(&self.stemmer, sentence);
        let Some(lexicon) = self.lexicon else {
            return;
        };
        lexicon.scan(scan);
        let digits = |w: &ScanWord| {
            (sentence.as_bytes().get(w.range.start as usize)).is_some_and(u8::is_ascii_digit)
        };
        let counts = |h: &ScanHit| matches!(h.class, Class::Cue(Cue::NumberWord | Cue::MetricWord));
        if !scan.words.iter().any(digits) && !scan.hits.iter().any(counts) {
            // Most sentences hold no number at all.
            return;
        }
        // Every clue to what a number is lies in its sentence: classified there, the result
        // can be kept with the sentence's scan.
        self.tokens.clear();
        self.hits.clear();
        // A sentence too long for a token's offsets is not analysed at all (see `OFFSET_LIMIT`).
        let Some(base) = self.tokens.push(0, scan) else {
            return;
        };
        self.hits.push(base, &scan.hits);
        scan.quantities = quantities(sentence, &self.tokens, &self.hits);
    }
}

/// Segments the prose mask, finds the lexicon's classes and numbers in it, through `memo` when
/// given: `owner` identifies the lexicon for the memo.
pub(crate) fn scan_prose(
    mask: &str,
    lexicon: Option<(&Lexicon, (u64, usize))>,
    mut memo: Option<&mut Memo>,
) -> Prose {
    let longest = lexicon.map_or(0, |(l, _)| l.longest());
    let mut scanner = Scanner {
        stemmer: stemmer(),
        lexicon: lexicon.map(|(l, _)| l),
        tokens: Tokens::with_capacity(0),
        hits: Hits::empty(longest),
    };
    let mut prose = match memo.as_mut().and_then(|m| m.spare.take()) {
        Some(mut spare) => {
            spare.tokens.clear();
            spare.hits.clear();
            spare.hits.longest = longest;
            spare.quantities.clear();
            spare.syntax.clear();
            spare
        }
        None => Prose {
            tokens: Tokens::with_capacity(mask.len()),
            hits: Hits::empty(longest),
            quantities: Vec::new(),
            syntax: Vec::with_capacity(mask.len() / 80),
        },
    };
    // Blank lines between blocks are sentences too; they have no words.
    let sentences = split_sentences(mask).filter(|(_, s)| !s.trim_start().is_empty());
    // Returns false, adding nothing, once the prose is past what a token's offsets hold: the
    // rest of the draft is then left out (see `OFFSET_LIMIT`).
    let mut add = |offset: usize, scan: &SentenceScan| {
        let Some(base) = prose.tokens.push(offset, scan) else {
            return false;
        };
        prose.hits.push(base, &scan.hits);
        // One cell per sentence that has words, as `Tokens::push` keeps them.
        if !scan.words.is_empty() {
            prose.syntax.push(scan.syntax.clone());
        }
        prose
            .quantities
            .extend(scan.quantities.iter().map(|q| Quantity {
                tokens: base + q.tokens.start..base + q.tokens.end,
                ..q.clone()
            }));
        true
    };
    match (memo, lexicon) {
        (Some(memo), Some((_, owner))) => {
            memo.begin(owner);
            let generation = memo.generation;
            let mut used = 0;
            for (offset, sentence) in sentences {
                let scan = match memo.scans.get_mut(sentence) {
                    Some((scan, last)) => {
                        used += usize::from(*last != generation);
                        *last = generation;
                        &*scan
                    }
                    None => {
                        let mut scan = SentenceScan::default();
                        scanner.scan(&mut scan, sentence);
                        used += 1;
                        &memo
                            .scans
                            .entry(sentence.into())
                            .or_insert((scan, generation))
                            .0
                    }
                };
                if !add(offset, scan) {
                    break;
                }
            }
            memo.sweep(used);
        }
        _ => {
            // A sentence repeated in the draft shares one syntax cell, so it is tagged once:
            // tagging costs more than the rest of a sentence's scan. Rules tag the sentence's
            // text without the space around it.
            let mut tagged: HashMap<&str, SyntaxCell, BuildHasherDefault<FxHasher>> =
                HashMap::default();
            let mut scan = SentenceScan::default();
            for (offset, sentence) in sentences {
                scanner.scan(&mut scan, sentence);
                scan.syntax = tagged
                    .entry(sentence.trim())
                    .or_insert_with(|| scan.syntax.clone())
                    .clone();
                if !add(offset, &scan) {
                    break;
                }
            }
        }
    }
    prose
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn scan(text: &str, memo: Option<&mut Memo>) -> Prose {
        let lexicon = Lexicon::new(None);
        scan_prose(text, Some((&lexicon, (1, 0))), memo)
    }

    fn same(a: &Prose, b: &Prose) {
        assert_eq!(a.tokens.tokens, b.tokens.tokens);
        assert_eq!(a.tokens.sentences, b.tokens.sentences);
        assert_eq!(a.tokens.lower, b.tokens.lower);
        assert_eq!(a.tokens.stream, b.tokens.stream);
        assert_eq!(a.tokens.pronouns, b.tokens.pronouns);
        assert_eq!(a.hits.cues, b.hits.cues);
        assert_eq!(a.hits.concepts, b.hits.concepts);
        assert_eq!(a.hits.metrics, b.hits.metrics);
        assert_eq!(a.hits.longest, b.hits.longest);
        assert_eq!(a.quantities, b.quantities);
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
    fn memo_keeps_each_sentences_syntax_so_an_edit_retags_one() {
        let mut memo = Memo::new();
        let text = "We held 40 meetings. Revenue grew 20%.\n\nI left.";
        let prose = scan(text, Some(&mut memo));
        assert_eq!(prose.syntax.len(), prose.tokens.sentences.len());
        for (cell, sentence) in prose.syntax.iter().zip(&prose.tokens.sentences) {
            cell.tagged
                .get_or_init(|| crate::syntax::Tagged::new(&text[sentence.range.clone()]));
        }
        let edited = scan(
            "We held 41 meetings. Revenue grew 20%.\n\nI left.",
            Some(&mut memo),
        );
        let tagged: Vec<bool> = edited
            .syntax
            .iter()
            .map(|c| c.tagged.get().is_some())
            .collect();
        assert_eq!(tagged, [false, true, true]);
        // Without a memo, nothing is tagged before a rule asks.
        let fresh = scan(text, None);
        assert!(fresh.syntax.iter().all(|c| c.tagged.get().is_none()));
        assert_eq!(fresh.syntax.len(), 3);
    }

    #[test]
    fn a_repeated_sentence_shares_its_syntax_without_a_memo() {
        let prose = scan("We grew. We shrank. We grew.\n\nWe grew.", None);
        let cells = &prose.syntax;
        assert_eq!(cells.len(), 4);
        assert!(Arc::ptr_eq(&cells[0], &cells[2]) && Arc::ptr_eq(&cells[0], &cells[3]));
        assert!(!Arc::ptr_eq(&cells[0], &cells[1]));
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
