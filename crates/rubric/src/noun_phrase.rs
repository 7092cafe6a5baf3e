//! Noun phrases: where a phrase that starts at a word ends (`trained 150 partner reps`).

use crate::tokens::Tokens;

/// Words that end a noun phrase.
const PHRASE_BREAKS: &[&str] = &[
    "and", "or", "with", "to", "for", "in", "at", "of", "on", "from", "by", "who", "which", "that",
    "but", "so", "than", "as", "into", "across", "over", "during", "per",
];

/// The end of the noun phrase that starts at token `from`: up to three words, stopping before a
/// function word.
pub(crate) fn noun_phrase_end(tokens: &Tokens, from: usize, limit: usize) -> usize {
    let mut end = from;
    while end < limit && end < from + 3 && !PHRASE_BREAKS.contains(&tokens.lower(end)) {
        end += 1;
    }
    end
}
