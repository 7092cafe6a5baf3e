//! Who a sentence is about: a tagged sentence read with its words lower-cased and stemmed, and
//! the closed classes the rules about people share (the speaker's pronouns, possessives, `be`).
//!
//! `role-stage` asks whether a role or a stage belongs to the speaker; `buyer-empathy` whether a
//! need belongs to the buyer. Both read the clause structure of [`crate::syntax`] through
//! [`Read`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::context::Ctx;
use crate::syntax::{Clause, Phrase, SentenceSyntax, UPOS};
use crate::tokens::Tokens;

/// One sentence's tagged structure with its words lower-cased and stemmed.
pub(crate) struct Read<'a> {
    /// The tagged sentence.
    pub s: SentenceSyntax<'a>,
    /// The draft's words, for their stems.
    tokens: &'a Tokens,
}

impl<'a> Read<'a> {
    /// Sentence `sentence` of the draft, tagged (on first use) and read.
    pub fn new(ctx: &'a Ctx<'a>, sentence: usize) -> Option<Read<'a>> {
        let s = ctx.syntax(sentence)?;
        Some(Read {
            s,
            tokens: ctx.tokens,
        })
    }

    /// How many tokens it has.
    pub fn len(&self) -> usize {
        self.s.words().len()
    }

    /// Token `k` lower-cased, typographic apostrophes made plain ("" past the end).
    pub fn lower(&self, k: usize) -> &'a str {
        self.s.tagged.lower(k)
    }

    /// The stem of token `k` ("" for punctuation or past the end).
    pub fn stem(&self, k: usize) -> &'a str {
        self.s.token(k).map_or("", |t| self.tokens.stem(t))
    }

    /// The part of speech of token `k`.
    pub fn pos(&self, k: usize) -> UPOS {
        self.s.pos(k)
    }

    /// Its clauses.
    pub fn clauses(&self) -> &'a [Clause] {
        self.s.clauses()
    }

    /// The clause token `k` is in.
    pub fn clause_of(&self, k: usize) -> Option<&'a Clause> {
        self.s.clause_of(k)
    }

    /// The noun phrase token `k` is in.
    pub fn phrase_at(&self, k: usize) -> Option<Phrase> {
        self.s.phrase_at(k)
    }

    /// The text of tokens `range` on one line, for messages.
    pub fn words(&self, range: Range<usize>) -> String {
        let span = self.s.span(range);
        let start = span.start - self.s.offset;
        let end = span.end - self.s.offset;
        self.s
            .text
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Byte range of tokens `range` in the draft.
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        self.s.span(range)
    }

    /// Whether token `k` names the speaker as a subject or object (`I`, `I'm`, `me`).
    pub fn is_speaker(&self, k: usize) -> bool {
        speaker(self.lower(k))
    }

    /// Whether token `k` is the speaker as a subject (`I`, `I'm`, not `me`).
    pub fn is_subject_speaker(&self, k: usize) -> bool {
        matches!(self.lower(k), "i" | "i'm" | "i've" | "i'd" | "i'll")
    }

    /// Whether `phrase` is the speaker (`I`).
    pub fn phrase_is_speaker(&self, phrase: Option<&Phrase>) -> bool {
        phrase.is_some_and(|p| self.is_speaker(p.head))
    }

    /// The possessor of `phrase`, lower-cased (`our`, `acme's`), or "".
    pub fn possessor(&self, phrase: &Phrase) -> &str {
        phrase.possessor.map_or("", |k| self.lower(k))
    }

    /// Whether `phrase` is owned by someone other than the speaker (`their team`, `the partner's
    /// VP`; not `our team`, not `the team`).
    pub fn owned_by_others(&self, phrase: &Phrase) -> bool {
        let owner = self.possessor(phrase);
        !owner.is_empty() && !own(owner)
    }

    /// The first token that is a word and not punctuation or a list marker.
    pub fn first_word(&self) -> Option<usize> {
        (0..self.len()).find(|&k| !matches!(self.pos(k), UPOS::PUNCT | UPOS::SYM | UPOS::NUM))
    }
}

/// Whether `lower` names the speaker (`I`, `I'm`, `me`, `myself`).
pub(crate) fn speaker(lower: &str) -> bool {
    matches!(
        lower,
        "i" | "i'm" | "i've" | "i'd" | "i'll" | "me" | "myself"
    )
}

/// Whether `lower` is the speaker's or their company's possessive (`my`, `our`).
pub(crate) fn own(lower: &str) -> bool {
    matches!(lower, "my" | "our")
}

/// Whether `lower` is a form of *be*.
pub(crate) fn be(lower: &str) -> bool {
    matches!(
        lower,
        "be" | "am" | "is" | "are" | "was" | "were" | "been" | "being" | "'m" | "'s" | "'re"
    )
}

/// Whether `lower` is a plural noun form (`retailers`, not `business` or `sales`).
pub(crate) fn plural(lower: &str) -> bool {
    lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us")
}

/// Whether `lower` is an agent or person noun (`manager`, `operator`, `specialist`, `merchant`,
/// `clinician`), singular or plural: it has an agent noun's suffix, and WordNet, where it knows
/// the word, gives it a person sense among its two most frequent ([`AGENT_NOUNS`]): not
/// `quarters`, `numbers`, `agreement`, `plant` or `sensor`.
pub(crate) fn agent_noun(lower: &str) -> bool {
    agent_shape(lower)
        && [
            Some(lower),
            lower.strip_suffix('s'),
            lower.strip_suffix("es"),
        ]
        .into_iter()
        .flatten()
        .find_map(|lemma| AGENT_NOUNS.get(lemma).copied())
        .unwrap_or(true)
}

/// Whether `lower` has the form of an agent noun, singular or plural: a suffix of agents after a
/// stem of two letters or more (`user`, `buyer`), not `list` or `cost`. Kept in step with
/// `scripts/wordnet-agent-nouns`, which lists the nouns of this form.
fn agent_shape(lower: &str) -> bool {
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    singular.len() > 3
        && ["er", "or", "ist", "ant", "ent", "ian", "eur"]
            .iter()
            .any(|s| singular.ends_with(s) && singular.len() >= s.len() + 2)
}

/// Open English WordNet's nouns of an agent noun's form, each with whether one of its two most
/// frequent senses is a person (`lexicons/agent-nouns.tsv`, written by
/// `scripts/wordnet-agent-nouns`), read on first use.
static AGENT_NOUNS: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    include_str!("../lexicons/agent-nouns.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(lemma, kind)| (lemma, kind == "person"))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::agent_noun;

    #[test]
    fn an_agent_noun_has_a_stem_before_its_suffix() {
        for person in [
            "user",
            "buyers",
            "manager",
            "operator",
            "specialist",
            "merchant",
        ] {
            assert!(agent_noun(person), "{person}");
        }
        for thing in ["list", "lists", "cost", "business"] {
            assert!(!agent_noun(thing), "{thing}");
        }
    }

    #[test]
    fn wordnet_decides_whether_a_word_of_that_form_is_a_person() {
        // A person in one of the two most frequent senses, or a word WordNet does not know
        // (`reseller`, `installer`) keeps its form's reading.
        for person in ["partners", "agent", "founders", "reseller", "installers"] {
            assert!(agent_noun(person), "{person}");
        }
        for thing in [
            "quarters",
            "numbers",
            "agreement",
            "plants",
            "sensor",
            "orders",
        ] {
            assert!(!agent_noun(thing), "{thing}");
        }
    }

    #[test]
    fn the_wordnet_table_lists_only_words_of_an_agent_nouns_form() {
        let table = include_str!("../lexicons/agent-nouns.tsv");
        let rows: Vec<(&str, &str)> = table
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split_once('\t').expect("lemma<TAB>kind"))
            .collect();
        assert!(rows.len() > 5_000, "{} rows", rows.len());
        for (lemma, kind) in &rows {
            assert!(super::agent_shape(lemma), "{lemma}");
            assert!(matches!(*kind, "person" | "thing"), "{lemma}: {kind}");
        }
        assert!(
            rows.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
    }
}
