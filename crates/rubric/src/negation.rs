//! Negation: whether a cue word is negated in its clause (`I never blamed the team`).

use std::ops::Range;

use crate::tokens::Tokens;

/// Whether token `i` negates what follows (`not`, `never`, `didn't`).
pub(crate) fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not" | "never" | "no" | "without" | "nobody" | "none" | "neither" | "nor" | "hardly"
    ) || lower.ends_with("n't")
        || lower.ends_with("n’t")
}

/// A negation among the five words before `hit`, in the same clause (`I never said the partner
/// was lazy`, but not `They weren't late, but they were clueless`).
pub(crate) fn negated(text: &str, t: &Tokens, hit: &Range<usize>, sentence: &Range<usize>) -> bool {
    let mut j = hit.start;
    while j > sentence.start && hit.start - j < 5 {
        let gap = &text[t.tokens[j - 1].end()..t.tokens[j].start()];
        if gap.contains([',', ';', ':', '—', '–']) {
            return false;
        }
        j -= 1;
        let word = t.lower(j);
        if matches!(
            word,
            "but" | "although" | "though" | "however" | "yet" | "whereas"
        ) {
            return false;
        }
        if is_negation(word) {
            return true;
        }
    }
    false
}
