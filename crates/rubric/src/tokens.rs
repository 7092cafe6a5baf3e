//! Words and sentences of the prose, with normalised and stemmed forms for matching.
//!
//! Segmentation is Unicode's (UAX #29, via unicode-segmentation) run on the prose mask, so every
//! range is a range of the draft. Each word's stem is appended to one *stem stream*
//! (` stem stem stem \n stem ...`), in which lexicon phrases are found with a single Aho-Corasick
//! pass; `\n` ends a sentence so that no phrase spans two.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// A word of the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the draft.
    pub range: Range<usize>,
    /// Range of the lower-cased word in [`Tokens::lower`].
    pub lower: Range<usize>,
    /// Range of the stem in [`Tokens::stream`].
    pub stem: Range<usize>,
    /// Index of the sentence it belongs to.
    pub sentence: usize,
}

/// A sentence of the prose (a heading or a list item is one too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte range in the draft, trimmed.
    pub range: Range<usize>,
    /// Its tokens, as indices into [`Tokens::tokens`].
    pub tokens: Range<usize>,
}

/// The segmented prose.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// Words in document order.
    pub tokens: Vec<Token>,
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
    /// Lower-cased words, back to back.
    pub lower: String,
    /// Stems separated by spaces, sentences by `\n`; starts with a space.
    pub stream: String,
}

impl Tokens {
    /// Segments the prose mask.
    pub fn new(mask: &str) -> Tokens {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut out = Tokens {
            tokens: Vec::with_capacity(mask.len() / 6),
            sentences: Vec::with_capacity(mask.len() / 80),
            lower: String::with_capacity(mask.len()),
            stream: String::with_capacity(mask.len()),
        };
        out.stream.push(' ');
        let mut scratch = String::new();
        for (offset, sentence) in mask.split_sentence_bound_indices() {
            let first = out.tokens.len();
            let index = out.sentences.len();
            for (at, word) in sentence.unicode_word_indices() {
                let start = offset + at;
                let lower_start = out.lower.len();
                normalise(word, &mut out.lower);
                scratch.clear();
                scratch.push_str(&out.lower[lower_start..]);
                let stem_start = out.stream.len();
                out.stream.push_str(&stem(&stemmer, &scratch));
                let stem_end = out.stream.len();
                out.stream.push(' ');
                out.tokens.push(Token {
                    range: start..start + word.len(),
                    lower: lower_start..out.lower.len(),
                    stem: stem_start..stem_end,
                    sentence: index,
                });
            }
            if out.tokens.len() == first {
                continue;
            }
            let trimmed_start = offset + (sentence.len() - sentence.trim_start().len());
            let trimmed_end = offset + sentence.trim_end().len();
            out.sentences.push(Sentence {
                range: trimmed_start..trimmed_end,
                tokens: first..out.tokens.len(),
            });
            out.stream.push_str("\n ");
        }
        out
    }

    /// The lower-cased text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.lower.clone()])
    }

    /// The stem of token `i`.
    pub fn stem(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.stream[t.stem.clone()])
    }

    /// The token whose stem starts at or after stream offset `at` (for phrase matches).
    pub fn token_at_stream(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.stem.start < at)
    }

    /// The first token that starts at or after byte `offset` of the draft.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.range.start < offset)
    }

    /// Byte range of tokens `range` (from the first's start to the last's end).
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        match (
            self.tokens.get(range.start),
            self.tokens.get(range.end.wrapping_sub(1)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => a.range.start..b.range.end,
            (Some(a), _) => a.range.clone(),
            _ => 0..0,
        }
    }
}

/// Lower-cases `word` into `out`, with typographic apostrophes made plain.
fn normalise(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        for c in word.chars() {
            match c {
                '’' | 'ʼ' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// The stem used for matching: possessives dropped, then Snowball English.
fn stem(stemmer: &Stemmer, lower: &str) -> String {
    let base = lower.strip_suffix("'s").unwrap_or(lower);
    // The stemmer only knows English letters; numbers and other scripts stay as they are.
    if base.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        stemmer.stem(base).into_owned()
    } else {
        base.to_string()
    }
}

/// Stems a phrase the way the draft is stemmed: ` stem stem `, ready to match in the stream.
pub(crate) fn stem_phrase(phrase: &str) -> Option<String> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = String::from(" ");
    let mut lower = String::new();
    for word in phrase.unicode_words() {
        lower.clear();
        normalise(word, &mut lower);
        out.push_str(&stem(&stemmer, &lower));
        out.push(' ');
    }
    (out.len() > 1).then_some(out)
}

/// Stems of the words of `text` (for question matching).
pub(crate) fn stems(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut lower = String::new();
    text.unicode_words()
        .map(|word| {
            lower.clear();
            normalise(word, &mut lower);
            stem(&stemmer, &lower)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_sentences_and_stems() {
        let text = "We co-sold with Acme’s team. Partners grew 40%!\nNext block";
        let t = Tokens::new(text);
        let words: Vec<&str> = t.tokens.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(
            words,
            [
                "We", "co", "sold", "with", "Acme’s", "team", "Partners", "grew", "40", "Next",
                "block"
            ]
        );
        assert_eq!(t.sentences.len(), 3);
        assert_eq!(
            &text[t.sentences[0].range.clone()],
            "We co-sold with Acme’s team."
        );
        assert_eq!(&text[t.sentences[1].range.clone()], "Partners grew 40%!");
        assert_eq!(t.stem(4), "acm");
        assert_eq!(t.stem(6), "partner");
        assert_eq!(t.lower(4), "acme's");
        assert_eq!(
            t.stream,
            " we co sold with acm team \n partner grew 40 \n next block \n "
        );
    }

    #[test]
    fn phrases_stem_like_the_draft() {
        assert_eq!(stem_phrase("Co-sell motions").unwrap(), " co sell motion ");
        assert_eq!(stem_phrase("   "), None);
        assert_eq!(
            stems("Structuring partner incentives"),
            ["structur", "partner", "incent"]
        );
    }

    #[test]
    fn non_ascii_words_keep_their_ranges() {
        let text = "Équipe ünd 東京 growth";
        let t = Tokens::new(text);
        for token in &t.tokens {
            assert!(text.is_char_boundary(token.range.start));
            assert!(text.is_char_boundary(token.range.end));
        }
        assert_eq!(t.lower(0), "équipe");
    }
}
