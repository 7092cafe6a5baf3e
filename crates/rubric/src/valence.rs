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

#[cfg(test)]
mod tests {
    use super::compound;

    #[test]
    fn negative_positive_and_negated_readings() {
        assert!(compound("the worst") < -0.5);
        assert!(compound("lazy") < -0.3);
        assert!(compound("brilliant") > 0.5);
        assert!(compound("was not much better") < -0.2);
        assert!(compound("the quarterly report") == 0.0);
    }
}
