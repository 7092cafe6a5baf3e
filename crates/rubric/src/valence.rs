//! Valence: how positive or negative a short stretch of English reads, from VADER's sentiment
//! lexicon (Hutto & Gilbert 2014, ~7,500 words and phrases rated by human judges from −4 to +4),
//! with VADER's own handling of negation (`not much better`), boosters (`very`) and dampeners.
//!
//! The lexicon ships inside the `vader-sentimental` crate (compiled in with `include_str!`, no
//! file is read at run time) and is parsed into a table the first time a valence is asked for,
//! so a draft that never asks pays nothing.

use std::sync::LazyLock;

use vader_sentimental::SentimentIntensityAnalyzer;

/// The analyser, built on first use.
static ANALYZER: LazyLock<SentimentIntensityAnalyzer<'static>> =
    LazyLock::new(SentimentIntensityAnalyzer::new);

/// VADER's compound score of `text`, from −1 (most negative) to +1 (most positive); 0 when no
/// word of it is in the lexicon.
pub(crate) fn compound(text: &str) -> f64 {
    ANALYZER.polarity_scores(text).compound
}

thread_local! {
    /// Valences of single words seen before on this thread: a pre-filter asks VADER about every
    /// word of a sentence, and a hash lookup costs a fraction of its analysis.
    static WORDS: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, f64>> =
        std::cell::RefCell::default();
}

/// How many words [`word`] remembers per thread before it starts again.
const WORD_CACHE_LIMIT: usize = 50_000;

/// [`compound`] of one lower-cased word, remembered per thread.
pub(crate) fn word(lower: &str) -> f64 {
    WORDS.with(|cache| {
        if let Some(&v) = cache.borrow().get(lower) {
            return v;
        }
        let v = compound(lower);
        let mut cache = cache.borrow_mut();
        if cache.len() >= WORD_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(lower.into(), v);
        v
    })
}

#[cfg(test)]
mod tests {
    use super::{compound, word};

    #[test]
    fn a_remembered_word_reads_as_its_analysis() {
        for w in ["lazy", "brilliant", "report", "lazy"] {
            assert_eq!(word(w), compound(w), "{w}");
        }
    }

    #[test]
    fn negative_positive_and_negated_readings() {
        assert!(compound("the worst") < -0.5);
        assert!(compound("lazy") < -0.3);
        assert!(compound("brilliant") > 0.5);
        assert!(compound("was not much better") < -0.2);
        assert!(compound("the quarterly report") == 0.0);
    }
}
