//! What a rule may read: the analysed draft ([`Ctx`]) and what the rules share, computed once per
//! analysis ([`Input`]).

use std::borrow::Cow;
use std::ops::{Range, RangeBounds};
use std::sync::OnceLock;

use interview_content::{Catalog, Category, Question, QuestionKind};

use crate::directives::Suppressions;
use crate::draft::Draft;
use crate::engine::CompiledCategory;
use crate::learned::Model;
use crate::lexicon::Hits;
use crate::link::{Linked, QuestionIndex, Target};
use crate::numbers::Quantity;
use crate::story::Parts;
use crate::syntax::{
    Answer, LocalFinding, LocalSpan, NumberCell, SentenceCell, SentenceSyntax, SyntaxCell, Tagged,
};
use crate::tokens::Tokens;
use crate::{Citation, Finding, Fix, Rule, RuleLevel, Section, Settings, TextEdit};

/// Everything a rule may read.
pub(crate) struct Ctx<'a> {
    /// The draft's text.
    pub text: &'a str,
    /// Its Markdown model.
    pub draft: &'a Draft,
    /// Its prose words and sentences (title excluded).
    pub tokens: &'a Tokens,
    /// Lexicon matches.
    pub hits: &'a Hits,
    /// Numbers and metric words, in token order (searched by binary search).
    pub quantities: &'a [Quantity],
    /// Each sentence's clause structure, tagged on first use: read it through [`Ctx::syntax`].
    pub syntax: &'a [SyntaxCell],
    /// The category whose rubric applies, when the catalog has any.
    pub category: Option<&'a Category>,
    /// Its compiled form.
    pub compiled: Option<&'a CompiledCategory>,
    /// How the draft was linked.
    pub linked: &'a Linked,
    /// The whole catalog (for link suggestions).
    pub catalog: &'a Catalog,
    /// Question stems (for link suggestions).
    pub questions: &'a QuestionIndex,
    /// Rule levels and budgets.
    pub settings: &'a Settings,
    /// Where the draft's directives turn rules off.
    pub suppressions: &'a Suppressions,
}

impl Ctx<'_> {
    /// The question the draft answers, when linked to one.
    pub fn question(&self) -> Option<&Question> {
        match self.linked.target? {
            Target::Question(i) => self.category?.questions.get(i),
            Target::Scenario(_) => None,
        }
    }

    /// Whether the draft answers a scenario prompt: a scenario, a question of that kind, or, when
    /// it names no target, prose that reads as a scenario answer ([`Linked::reads_as`]).
    pub fn is_scenario(&self) -> bool {
        match self.linked.target {
            Some(Target::Scenario(_)) => true,
            Some(Target::Question(_)) => self
                .question()
                .is_some_and(|q| q.kind == QuestionKind::Scenario),
            None => self.linked.reads_as.is_some(),
        }
    }

    /// `model`'s probability for sentence `sentence` (an index into [`Tokens::sentences`]), kept
    /// in the sentence's cell that `cell` picks, so that the [`crate::Memo`] keeps it while the
    /// sentence is unchanged and a keystroke scores only the sentence it changed.
    pub fn learned(
        &self,
        sentence: usize,
        model: &Model,
        cell: fn(&SentenceCell) -> &OnceLock<f32>,
    ) -> Option<f32> {
        let s = self.tokens.sentences.get(sentence)?;
        let text = self.draft.mask.get(s.range.clone())?;
        // A probability is a function of the text the memo knows the sentence by: kept without
        // the debug check of `kept`, which would score each sentence twice.
        Some(match self.syntax.get(sentence) {
            Some(cells) => *cell(cells).get_or_init(|| model.probability(text)),
            None => model.probability(text),
        })
    }

    /// Whether some sentence whose length in words is in `words` scores `at_least` or more with
    /// `model` ([`Ctx::learned`]): a statement the draft makes somewhere, in words no clause
    /// reading names.
    pub fn learned_anywhere(
        &self,
        model: &Model,
        cell: fn(&SentenceCell) -> &OnceLock<f32>,
        words: impl RangeBounds<usize>,
        at_least: f32,
    ) -> bool {
        (0..self.tokens.sentences.len()).any(|i| {
            words.contains(&self.tokens.sentences[i].tokens.len())
                && self.learned(i, model, cell).is_some_and(|p| p >= at_least)
        })
    }

    /// What a rule reads in sentence `sentence` alone, by `read`, kept in the sentence's cell
    /// that `cell` picks so that the [`crate::Memo`] keeps it while the sentence is unchanged.
    /// A sentence whose text holds markup (the prose mask blanks it) is read afresh each time:
    /// rules read the gaps between words in the text, and the memo knows the sentence by its mask.
    /// A line break in the text is a space in the mask: rules read both as spacing.
    pub fn local(
        &self,
        sentence: usize,
        cell: fn(&SentenceCell) -> &OnceLock<Box<[LocalFinding]>>,
        read: impl Fn() -> Vec<LocalFinding>,
    ) -> Cow<'_, [LocalFinding]> {
        match self.syntax.get(sentence).filter(|_| self.plain(sentence)) {
            Some(cells) => {
                let kept = cell(cells).get_or_init(|| read().into());
                // Checked in debug builds (every test that analyses a draft): the reading is
                // the sentence's own, wherever the sentence stands.
                debug_assert_eq!(
                    &kept[..],
                    &read()[..],
                    "sentence {sentence} read in context"
                );
                Cow::Borrowed(kept)
            }
            None => Cow::Owned(read()),
        }
    }

    /// Whether sentence `sentence`'s text is its mask but for spacing: it holds no markup, so
    /// what is read of it may be kept with it ([`Ctx::local`]).
    fn plain(&self, sentence: usize) -> bool {
        self.tokens.sentences.get(sentence).is_some_and(|s| {
            let (text, mask) = (self.text.as_bytes(), self.draft.mask.as_bytes());
            match (text.get(s.range.clone()), mask.get(s.range.clone())) {
                (Some(text), Some(mask)) => same_but_spacing(text, mask),
                _ => false,
            }
        })
    }

    /// A reading of sentence `sentence` alone, by `read`, kept in the sentence's cell that `cell`
    /// picks so that the [`crate::Memo`] keeps it while the sentence is unchanged. For readings
    /// of the sentence's mask (its words and clause structure), which is what the memo knows
    /// it by.
    pub fn kept<T: Copy + PartialEq + std::fmt::Debug>(
        &self,
        sentence: usize,
        cell: fn(&SentenceCell) -> &OnceLock<T>,
        read: impl Fn() -> T,
    ) -> T {
        match self.syntax.get(sentence) {
            Some(cells) => keep(cell(cells), read, || format!("sentence {sentence}")),
            None => read(),
        }
    }

    /// A reading of quantity `q`, by `read`, kept in the cell of that quantity that `cell`
    /// picks so that the [`crate::Memo`] keeps it while the sentence is unchanged:
    /// [`crate::impact`] reads a number from its sentence's mask alone.
    pub fn kept_number<T: Copy + PartialEq + std::fmt::Debug>(
        &self,
        q: &Quantity,
        cell: impl Fn(&NumberCell) -> &OnceLock<T>,
        read: impl Fn() -> T,
    ) -> T {
        let Some(sentence) = self.tokens.tokens.get(q.tokens.start).map(|t| t.sentence()) else {
            return read();
        };
        let (Some(cells), Some(s)) = (
            self.syntax.get(sentence),
            self.tokens.sentences.get(sentence),
        ) else {
            return read();
        };
        let numbers = cells.numbers.get_or_init(|| {
            let first = self
                .quantities
                .partition_point(|q| q.tokens.start < s.tokens.start);
            let count = self.quantities[first..].partition_point(|q| q.tokens.start < s.tokens.end);
            (0..count).map(|_| NumberCell::default()).collect()
        });
        let Some(number) = numbers.get(q.place as usize) else {
            return read();
        };
        keep(cell(number), read, || format!("{q:?}"))
    }

    /// The byte range in the draft of `span` in sentence `sentence`.
    pub fn local_range(&self, sentence: usize, span: LocalSpan) -> Range<usize> {
        let s = &self.tokens.sentences[sentence];
        let word = |n: u32| &self.tokens.tokens[s.tokens.start + n as usize];
        match span {
            LocalSpan::Whole => s.range.clone(),
            LocalSpan::Before(n) => s.range.start..word(n - 1).end(),
            LocalSpan::From(n) => word(n).start()..s.range.end,
        }
    }

    /// The clause structure of sentence `sentence` (an index into [`Tokens::sentences`]): its
    /// words tagged, noun phrases, clauses and numbers' phrases. The sentence is tagged the
    /// first time any rule asks, and the [`crate::Memo`] keeps the result while it is unchanged.
    // The rules read it as they are rewritten for clause structure (issue #13).
    #[allow(dead_code)]
    pub fn syntax(&self, sentence: usize) -> Option<SentenceSyntax<'_>> {
        let s = self.tokens.sentences.get(sentence)?;
        let text = self.draft.mask.get(s.range.clone())?;
        let tagged = self.syntax.get(sentence)?.tagged.get_or_init(|| {
            // The scan segmented the sentence with the space around it, which gives the same
            // words unless it opens on a mark that joins the space before it (UAX #29's WB4):
            // only a sentence opening on a non-ASCII character is segmented again.
            if !self.tags_scanned_words(sentence) {
                return Tagged::new(text);
            }
            let words = self.tokens.tokens.get(s.tokens.clone()).unwrap_or(&[]);
            let words = words.iter().map(|t| {
                let range = t.start() - s.range.start..t.end() - s.range.start;
                (range.start, &text[range])
            });
            Tagged::of_words(text, words)
        });
        Some(SentenceSyntax {
            tagged,
            text,
            offset: s.range.start,
            first_word: s.tokens.start,
        })
    }

    /// The clause structure of the sentence holding token `word`, and that token's index in it.
    pub fn syntax_at(&self, word: usize) -> Option<(SentenceSyntax<'_>, usize)> {
        let s = self.syntax(self.tokens.tokens.get(word)?.sentence())?;
        let k = s.of_token(word)?;
        Some((s, k))
    }

    /// Whether [`Ctx::syntax`] tags sentence `sentence` with the scan's words: its tokens are
    /// then the scan's words (same text, lower-cased form and stem, in order) with punctuation
    /// between them, which is what lets a rule rule out a reading from the scan alone before
    /// tagging. A sentence opening on a non-ASCII character is segmented again (see there).
    pub fn tags_scanned_words(&self, sentence: usize) -> bool {
        let Some(s) = self.tokens.sentences.get(sentence) else {
            return false;
        };
        let words = self.tokens.tokens.get(s.tokens.clone()).unwrap_or(&[]);
        let inside = words.first().is_none_or(|t| t.start() >= s.range.start)
            && words.last().is_none_or(|t| t.end() <= s.range.end);
        let text = self.draft.mask.get(s.range.clone()).unwrap_or("");
        text.as_bytes().first().is_some_and(u8::is_ascii) && inside
    }

    /// How sentence `sentence` answers the sentence before it, when that is a question in the
    /// same paragraph or list item (`Why did it stall? Because nobody owned it.`).
    pub fn answer(&self, sentence: usize) -> Option<Answer> {
        let previous = sentence.checked_sub(1)?;
        let sentences = &self.tokens.sentences;
        let gap = self
            .text
            .get(sentences.get(previous)?.range.end..sentences.get(sentence)?.range.start)?;
        // A blank line ends the paragraph; a line starting a new list item ends it too.
        let same_block = gap.lines().skip(1).all(|line| {
            let line = line.trim_start();
            !line.is_empty()
                && !line.starts_with(['-', '*', '+', '#'])
                && !line.starts_with(|c: char| c.is_ascii_digit())
        });
        if !same_block {
            return None;
        }
        self.syntax(sentence)?.answers(&self.syntax(previous)?)
    }

    /// The rubric line `rule` enforces in the category.
    pub fn cite(&self, rule: Rule) -> Option<Citation> {
        let index = Rule::ALL.iter().position(|&r| r == rule)?;
        self.compiled?.citations.get(index)?.clone()
    }

    /// ` Guide: “...”` for messages, or nothing.
    pub fn guide(&self, rule: Rule) -> String {
        self.cite(rule)
            .map(|c| format!(" Guide: “{}”", c.text.trim()))
            .unwrap_or_default()
    }

    /// Where document-wide findings go: the title heading, else the first line.
    pub fn anchor(&self) -> Range<usize> {
        if let Some(title) = self.linked.title.and_then(|h| self.draft.headings.get(h)) {
            return title.range.clone();
        }
        let end = self.text.find(['\n', '\r']).unwrap_or(self.text.len());
        0..end
    }

    /// A finding for `rule` at `range`.
    pub fn finding(&self, rule: Rule, range: Range<usize>, message: String) -> Finding {
        let severity = match self.settings.level(rule) {
            RuleLevel::On(severity) => severity,
            RuleLevel::Off => rule.default_severity(),
        };
        Finding {
            rule,
            severity,
            range,
            message,
            cites: self.cite(rule),
            fixes: Vec::new(),
        }
    }

    /// Byte range of tokens `range`.
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        self.tokens.span(range)
    }

    /// The text of tokens `range` on one line, for messages.
    pub fn words(&self, range: Range<usize>) -> String {
        self.text[self.span(range)]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first `count` metric names of the category for messages, else `generic`.
    pub fn metric_examples(&self, count: usize, generic: &str) -> String {
        let names: Vec<&str> = self
            .category
            .map(|c| {
                c.lexicons
                    .metrics
                    .iter()
                    .take(count)
                    .map(|m| m.name.as_str())
                    .collect()
            })
            .unwrap_or_default();
        if names.is_empty() {
            generic.to_string()
        } else {
            names.join(", ")
        }
    }
}

/// What the rules share beyond the context: computed once per analysis.
pub(crate) struct Input<'a> {
    /// The draft's sections.
    pub sections: &'a [Section],
    /// Which parts of an answer the draft has.
    pub parts: &'a Parts,
    /// Indices of the tokens that count as spoken words (headings and labels excluded).
    pub words: &'a crate::speaking::Spoken,
}

/// A fix that inserts `text` at `at`.
pub(crate) fn insert(title: impl Into<String>, at: usize, text: String) -> Fix {
    Fix {
        title: title.into(),
        edits: vec![TextEdit {
            range: at..at,
            new_text: text,
        }],
    }
}

/// Whether `text` and `mask` (of one length) differ only where both hold ASCII whitespace.
/// Every sentence of a draft is asked on every analysis: sixteen bytes are compared at a time,
/// and only a block that differs byte by byte.
fn same_but_spacing(text: &[u8], mask: &[u8]) -> bool {
    let spacing =
        |(t, m): (&u8, &u8)| t == m || (t.is_ascii_whitespace() && m.is_ascii_whitespace());
    let (texts, masks) = (text.chunks_exact(16), mask.chunks_exact(16));
    let rest = texts.remainder().iter().zip(masks.remainder()).all(spacing);
    text.len() == mask.len()
        && rest
        && texts
            .zip(masks)
            .all(|(t, m)| block(t) == block(m) || t.iter().zip(m).all(spacing))
}

/// What `read` reads, kept in `cell`: read on first use, then taken from the cell. Checked in
/// debug builds (every test that analyses a draft) against a fresh reading, as in
/// [`Ctx::local`]: a reading that depends on more than what keys its cell fails there. `what`
/// names it.
fn keep<T: Copy + PartialEq + std::fmt::Debug>(
    cell: &OnceLock<T>,
    read: impl Fn() -> T,
    what: impl Fn() -> String,
) -> T {
    let kept = *cell.get_or_init(&read);
    debug_assert_eq!(kept, read(), "{} read in context", what());
    kept
}

/// Sixteen bytes as one number, to compare in one instruction.
fn block(bytes: &[u8]) -> Option<u128> {
    bytes.try_into().ok().map(u128::from_ne_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_differ_only_by_spacing_or_not_at_all() {
        let naive = |t: &[u8], m: &[u8]| {
            t.len() == m.len()
                && t.iter()
                    .zip(m)
                    .all(|(t, m)| t == m || (t.is_ascii_whitespace() && m.is_ascii_whitespace()))
        };
        let text =
            "Their alliance lead was **useless**\nand never, ever read a single deck we sent.";
        let spaced = text.replace('\n', " ");
        let blanked = spaced.replace("**", "  ");
        for end in 0..=text.len() {
            for (mask, same) in [(text, true), (&spaced[..], true), (&blanked[..], end <= 24)] {
                let (t, m) = (&text.as_bytes()[..end], &mask.as_bytes()[..end]);
                assert_eq!(same_but_spacing(t, m), naive(t, m), "{end} {mask:?}");
                assert_eq!(same_but_spacing(t, m), same, "{end} {mask:?}");
            }
        }
        assert!(!same_but_spacing(b"abc", b"ab"));
    }
}
