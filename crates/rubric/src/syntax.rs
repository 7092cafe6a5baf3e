//! Clause structure of a sentence, read with an English part-of-speech tagger and noun-phrase
//! chunker: who a sentence is about, what it says they did, and what a number measures.
//!
//! `harper-brill` tags each word with a universal part of speech (UPOS) and marks the words that
//! belong to noun phrases; both models are trained on the Universal Dependencies English corpus
//! and embedded in the binary, and are loaded on first use. The crate's `brill` module applies
//! them, with harper's output but faster than harper does. A sentence is tagged once
//! ([`Tagged::new`]) and kept with its scan in the [`crate::Memo`], so a keystroke re-tags the
//! sentence it changed at most; a rule reaches it through `Ctx::syntax`, which
//! tags on first request, so sentences no rule asks about are never tagged.
//!
//! On top of the tags this module reads a shallow structure: clauses (split at `;`, `,`,
//! conjunctions and subordinators), each with its subject phrase, verb group, negation and object,
//! and the phrase a number belongs to. It answers structural questions; what a verb or a noun
//! *means* (a need, a result, a role) is left to the rules.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::brill::Brill;
use crate::impact::CountReading;
use crate::tokens::word_indices;

/// Universal parts of speech, as the tagger gives them.
pub use harper_brill::UPOS;

/// What is read from a sentence on first use and shared between an analysis and the memo: its
/// [`Tagged`] structure and its learned scores.
pub type SyntaxCell = Arc<SentenceCell>;

/// The lazily computed readings of one sentence.
#[derive(Debug, Default)]
pub struct SentenceCell {
    /// Its clause structure.
    pub tagged: OnceLock<Tagged>,
    /// The probability that it criticises others (`crate::learned`).
    pub blame: OnceLock<f32>,
    /// The probability that it states a buyer's need (`crate::learned`).
    pub need: OnceLock<f32>,
    /// The probability that it states the speaker's role or company stage (`crate::learned`).
    pub role: OnceLock<f32>,
    /// The probability that it counts activity as the win (`crate::learned`).
    pub volume: OnceLock<f32>,
    /// The probability that it measures a business result (`crate::learned`).
    pub result: OnceLock<f32>,
    /// The probability that it tells an outcome (`crate::learned`).
    pub outcome: OnceLock<f32>,
    /// What `criticism` reads in it: that rule's reading depends on the sentence alone.
    pub criticism: OnceLock<Box<[LocalFinding]>>,
    /// Its actions told in the passive with no doer, and the first one's word (`ownership`).
    pub(crate) passives: OnceLock<(u32, Option<u32>)>,
    /// What is read of each of its numbers, in the order of the quantities found in it.
    pub(crate) numbers: OnceLock<Box<[NumberCell]>>,
}

/// What `crate::impact` reads of one number of a sentence, each reading on first use.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct NumberCell {
    /// Whether it measures a result (`crate::impact::is_impact`), in an answer to a story
    /// question (first) or to a scenario (second), where a plan's number is its target.
    pub impact: [OnceLock<bool>; 2],
    /// What it counts and who did it (`crate::impact::read_count`), its words by their index
    /// in the sentence.
    pub count: OnceLock<Option<CountReading>>,
    /// The words of the rate of participation it opens (`crate::impact::participation_rate`),
    /// from and to, by their index in the sentence.
    pub rate: OnceLock<Option<(usize, usize)>>,
    /// The words of the count of activity grown that it changes (`crate::impact::activity_change`),
    /// from and to, by their index in the sentence.
    pub change: OnceLock<Option<(usize, usize)>>,
}

/// A finding a rule reads from one sentence alone, kept with the sentence so that a keystroke
/// reads only the sentence it changed. It holds no byte offsets: the same sentence may stand
/// elsewhere in the draft, or move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalFinding {
    /// The part of the sentence it covers.
    pub span: LocalSpan,
    /// The words it quotes.
    pub phrase: Box<str>,
}

/// The part of a sentence a [`LocalFinding`] covers, by its words' indices in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalSpan {
    /// All of it.
    Whole,
    /// From its start to the end of the word before word `n`.
    Before(u32),
    /// From the start of word `n` to its end.
    From(u32),
}

// Scans compare by what was read: a score compares by its bits.
impl PartialEq for SentenceCell {
    fn eq(&self, other: &SentenceCell) -> bool {
        let bits = |cell: &OnceLock<f32>| cell.get().map(|b| b.to_bits());
        self.tagged == other.tagged
            && bits(&self.blame) == bits(&other.blame)
            && bits(&self.need) == bits(&other.need)
            && bits(&self.role) == bits(&other.role)
            && bits(&self.volume) == bits(&other.volume)
            && bits(&self.result) == bits(&other.result)
            && bits(&self.outcome) == bits(&other.outcome)
            && self.criticism == other.criticism
            && self.passives == other.passives
            && self.numbers == other.numbers
    }
}

impl Eq for SentenceCell {}

/// A token of a tagged sentence: a word or a punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the sentence (trimmed).
    pub range: Range<u32>,
    /// Part of speech.
    pub pos: UPOS,
    /// Whether the chunker put it in a noun phrase.
    pub np: bool,
    /// Its index among the sentence's words in the rubric's word list (punctuation has none).
    pub word: Option<u32>,
}

/// A noun phrase: a run of tokens with a head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// The head noun (or pronoun, or number when nothing follows it): the last nominal.
    pub head: usize,
    /// A possessive determiner or `'s` word that owns it (`our` in `our CRO`, `Acme's`).
    pub possessor: Option<usize>,
}

/// A clause: a verb group with the phrases around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Its tokens, punctuation and conjunction included.
    pub tokens: Range<usize>,
    /// Whether a subordinator or relative word opens it (`When I inherited…`, `because…`,
    /// `that we signed`).
    pub subordinate: bool,
    /// The subject: the phrase right before the verb group; for a verb coordinated with the
    /// previous clause's (`I rebuilt X and grew Y`), that clause's subject.
    pub subject: Option<Phrase>,
    /// The verb group: auxiliaries, negation, adverbs and the main verb (`did not want`).
    pub verb_group: Range<usize>,
    /// The main verb: the group's last verb, else its last auxiliary (`was` in `I was the hire`).
    pub verb: usize,
    /// Whether the main verb is a form of *be* with no other verb: the object is then a
    /// predicate (`I was the first partnerships hire`).
    pub copula: bool,
    /// Whether the group holds a negation (`not`, `never`, `didn't`).
    pub negated: bool,
    /// The verb of a `to` infinitive right after the group (`close` in `had to close`).
    pub infinitive: Option<usize>,
    /// The object, or the predicate of a copula: the first phrase after the verb group, before
    /// any preposition.
    pub object: Option<Phrase>,
}

/// What a number belongs to (`grew pipeline from $2M to $5M`, `held 40 webinars`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// The number's token.
    pub number: usize,
    /// The noun it counts or measures: `agreements` in `eight reseller agreements`, `reps` in
    /// `92% of reps`; none for a bare amount (`grew 35%`).
    pub head: Option<usize>,
    /// The verb that governs its phrase: the clause's verb when the phrase is the subject, else
    /// the nearest verb before it in its clause.
    pub verb: Option<usize>,
    /// The two numbers of a `from … to …` change it is part of.
    pub from_to: Option<(usize, usize)>,
}

/// How a sentence that follows a question relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// It opens with `Because` (or `Since`): the writer answers their own question.
    Because,
    /// It is a statement, not another question.
    Statement,
}

/// One sentence, tagged and chunked, with its clauses read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tagged {
    /// Its tokens, in order.
    pub words: Vec<Word>,
    /// Its clauses, in order.
    pub clauses: Vec<Clause>,
    /// Whether it ends with a question mark.
    pub question: bool,
    /// Its tokens lower-cased, read by the clauses and by every rule that reads the sentence.
    lower: Lower,
}

/// Each token of a sentence lower-cased with typographic apostrophes made plain (`didn’t` →
/// `didn't`), back to back in one string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Lower {
    text: String,
    /// Where each token's form ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
}

impl Lower {
    /// The forms of `words`, tokens of `sentence`.
    fn new(sentence: &str, words: &[Word]) -> Lower {
        let mut lower = Lower {
            text: String::with_capacity(sentence.len()),
            ends: Vec::with_capacity(words.len()),
        };
        for w in words {
            let token = &sentence[w.range.start as usize..w.range.end as usize];
            if token.is_ascii() {
                let start = lower.text.len();
                lower.text.push_str(token);
                lower.text[start..].make_ascii_lowercase();
            } else {
                // `str::to_lowercase`, not char by char: a final sigma lower-cases by context.
                let folded = token.to_lowercase();
                for c in folded.chars() {
                    lower.text.push(if matches!(c, '’' | 'ʼ' | '‘') {
                        '\''
                    } else {
                        c
                    });
                }
            }
            lower
                .ends
                .push(u32::try_from(lower.text.len()).unwrap_or(u32::MAX));
        }
        lower
    }

    /// Token `k` ("" past the end).
    fn get(&self, k: usize) -> &str {
        let Some(&end) = self.ends.get(k) else {
            return "";
        };
        let start = k.checked_sub(1).map_or(0, |j| self.ends[j]);
        self.text.get(start as usize..end as usize).unwrap_or("")
    }
}

impl Tagged {
    /// Tags, chunks and reads `sentence` (trimmed).
    pub fn new(sentence: &str) -> Tagged {
        Tagged::with(Brill::get(), sentence)
    }

    /// [`Tagged::new`] with the tagger and chunker `brill`.
    pub(crate) fn with(brill: &Brill, sentence: &str) -> Tagged {
        Tagged::with_words(brill, sentence, word_indices(sentence))
    }

    /// [`Tagged::new`] for a sentence whose Unicode words (`(offset, word)`, as
    /// `unicode_word_indices` gives them) are already known: the draft's scan found them.
    pub(crate) fn of_words<'s>(
        sentence: &'s str,
        words: impl Iterator<Item = (usize, &'s str)>,
    ) -> Tagged {
        Tagged::with_words(Brill::get(), sentence, words)
    }

    fn with_words<'s>(
        brill: &Brill,
        sentence: &'s str,
        words: impl Iterator<Item = (usize, &'s str)>,
    ) -> Tagged {
        let (forms, mut words) = tokenize_words(sentence, words);
        if words.is_empty() {
            return Tagged::default();
        }
        let prepared = brill.sentence(&forms);
        let tags = brill.tag(&prepared);
        for ((word, tag), form) in words.iter_mut().zip(&tags).zip(&forms) {
            word.pos = tag.unwrap_or_else(|| guess(form, word.range.start == 0));
        }
        // `cannot` is a modal and its negation written as one word; the tagger's dictionary
        // does not hold it and guesses a noun (`three people cannot run a SOC`).
        for (word, form) in words.iter_mut().zip(&forms) {
            if form.eq_ignore_ascii_case("cannot") {
                word.pos = UPOS::AUX;
            }
        }
        let tags: Vec<Option<UPOS>> = words.iter().map(|w| Some(w.pos)).collect();
        let np = brill.chunk(&prepared, &tags);
        for (word, np) in words.iter_mut().zip(np) {
            word.np = np;
        }
        // A verb the chunker puts inside a noun phrase, after the phrase's determiner, adjective
        // or noun, is the phrase's noun (`the first partnerships hire`).
        for k in 1..words.len() {
            let (before, after) = words.split_at_mut(k);
            let (previous, word) = (&before[k - 1], &mut after[0]);
            if word.pos == UPOS::VERB
                && word.np
                && matches!(
                    previous.pos,
                    UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN
                )
            {
                word.pos = UPOS::NOUN;
            }
        }
        // An `-ing` word inside a counted noun phrase, before its noun, is a modifier of that
        // noun, not a verb (`36 working syncs`, `18 joint account planning sessions`, `31
        // co-selling calls`): a cardinal, then modifiers (a singular noun, not a plural that
        // could be its subject: `9 partners selling licenses`).
        for k in 1..words.len().saturating_sub(1) {
            if words[k].pos != UPOS::VERB
                || !forms[k].to_lowercase().ends_with("ing")
                || words[k + 1].pos != UPOS::NOUN
            {
                continue;
            }
            let mut j = k;
            while j > 0
                && (matches!(words[j - 1].pos, UPOS::ADJ | UPOS::PROPN)
                    || forms[j - 1] == "-"
                    || (words[j - 1].pos == UPOS::NOUN && !plural_form(&forms[j - 1])))
            {
                j -= 1;
            }
            if j > 0 && words[j - 1].pos == UPOS::NUM {
                words[k].pos = UPOS::NOUN;
                for w in &mut words[j - 1..=k + 1] {
                    w.np = true;
                }
            }
        }
        // A verb right after a noun and right before a subject pronoun is the noun's head (`so as
        // ecosystem lead I'd first check`): a verb after its subject does not take `I` or `we`
        // straight after it.
        for k in 1..words.len().saturating_sub(1) {
            if words[k].pos != UPOS::VERB || !matches!(words[k - 1].pos, UPOS::NOUN | UPOS::PROPN) {
                continue;
            }
            let next = forms[k + 1].to_lowercase().replace('’', "'");
            if matches!(next.as_str(), "i" | "we" | "he" | "she" | "they")
                || next.starts_with("i'")
                || next.starts_with("we'")
            {
                words[k].pos = UPOS::NOUN;
            }
        }
        // A base-form verb right after a noun and right before another finite verb (adverbs
        // between) heads the noun phrase: `Their channel lead never returned the call`. A noun
        // and then two finite verbs in a row is no clause; a catenative verb takes an `-ing`
        // form or a base form (`kept asking`, `helped close`), not a past or an auxiliary.
        for k in 1..words.len() {
            let past = |f: &str| f.ends_with("ed") || f.ends_with("ing");
            if words[k].pos == UPOS::VERB
                && matches!(words[k - 1].pos, UPOS::NOUN | UPOS::PROPN)
                && !past(&forms[k])
            {
                let next = (k + 1..words.len()).find(|&j| words[j].pos != UPOS::ADV);
                // A plural (`security leads buy`, `analytics leads kept asking`) before any verb
                // but another `-s` or `-ing` form.
                let plural = plural_form(&forms[k]);
                // A base form after a singular noun agrees with no subject, so before another
                // verb it is the phrase's noun (`the hospital's security lead told me`).
                let base = !plural && !plural_form(&forms[k - 1]) && words[k - 1].pos == UPOS::NOUN;
                if next.is_some_and(|j| {
                    (base && words[j].pos == UPOS::VERB && !forms[j].ends_with("ing"))
                        || words[j].pos == UPOS::AUX
                        || (words[j].pos == UPOS::VERB && forms[j].ends_with("ed"))
                        || (plural
                            && words[j].pos == UPOS::VERB
                            && !forms[j].ends_with('s')
                            && !forms[j].ends_with("ing"))
                }) {
                    words[k].pos = UPOS::NOUN;
                }
            }
        }
        // An `-ing` word opening a clause, right before a noun that an auxiliary or a verb follows,
        // modifies that noun: `because merchandising directors did not trust…` has the
        // directors as its subject, and a verb has no subject before it there.
        for k in 0..words.len().saturating_sub(2) {
            let opens =
                k == 0 || matches!(words[k - 1].pos, UPOS::SCONJ | UPOS::CCONJ | UPOS::PUNCT);
            if opens
                && words[k].pos == UPOS::VERB
                && forms[k].to_lowercase().ends_with("ing")
                && words[k + 1].pos == UPOS::NOUN
                && matches!(words[k + 2].pos, UPOS::AUX | UPOS::VERB)
            {
                words[k].pos = UPOS::NOUN;
            }
        }
        // After a subject pronoun (adverbs between), an `-ed` word read as an adjective is the
        // clause's verb in the past (`we certified 212 technicians`, `I personally reviewed`): an
        // adjective does not follow a subject pronoun without a verb between.
        for k in 1..words.len() {
            if words[k].pos != UPOS::ADJ || !forms[k].to_lowercase().ends_with("ed") {
                continue;
            }
            let subject = (0..k).rev().find(|&j| words[j].pos != UPOS::ADV);
            if subject.is_some_and(|j| {
                matches!(
                    forms[j].to_lowercase().as_str(),
                    "i" | "we" | "they" | "he" | "she" | "you"
                )
            }) {
                words[k].pos = UPOS::VERB;
            }
        }
        // After `do` or a modal (and a negation), a noun is the base form of a verb (`didn't
        // sign`): the dictionary reads a contraction by its first part, its context rules by
        // the whole.
        // In a question the subject comes between them (`did customers say`, `did partner reps
        // learn`): nouns followed by a base-form verb stay nouns.
        let mut support = false;
        for k in 0..words.len() {
            if support && words[k].pos == UPOS::NOUN && !inverted_subject(&words, &forms, k) {
                words[k].pos = UPOS::VERB;
            }
            // Nor does an adjective follow a modal straight before a determiner: `I would own
            // the partnership` has `own` for its verb.
            if support
                && words[k].pos == UPOS::ADJ
                && words.get(k + 1).is_some_and(|w| w.pos == UPOS::DET)
            {
                words[k].pos = UPOS::VERB;
            }
            support = support_verb(&forms[k])
                || (support && matches!(words[k].pos, UPOS::PART | UPOS::ADV));
        }
        let question = sentence
            .trim_end_matches(['*', '_', ')', '"', '\'', '”', '’', ' '])
            .ends_with(['?', '？']);
        // The words as written, for the closed classes read below (`didn't` negates).
        let lower = Lower::new(sentence, &words);
        let clauses = clauses(&words, &lower);
        Tagged {
            words,
            clauses,
            question,
            lower,
        }
    }

    /// Token `i` lower-cased, typographic apostrophes made plain ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i)
    }
}

/// Splits a sentence into the tagger's tokens: Unicode words (as [`crate::tokens`] finds them)
/// and each punctuation mark between them. Typographic apostrophes are made plain, as in the
/// tagger's training data.
#[cfg(test)]
pub(crate) fn tokenize(sentence: &str) -> (Vec<Cow<'_, str>>, Vec<Word>) {
    tokenize_words(sentence, word_indices(sentence))
}

/// Splits a sentence into the tagger's tokens, its Unicode words given (as `tokenize` does in
/// tests, which finds them itself). Forms borrow the sentence unless an apostrophe is made
/// plain.
fn tokenize_words<'s>(
    sentence: &'s str,
    unicode_words: impl Iterator<Item = (usize, &'s str)>,
) -> (Vec<Cow<'s, str>>, Vec<Word>) {
    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut forms = Vec::with_capacity(sentence.len() / 4);
    let mut words = Vec::with_capacity(sentence.len() / 4);
    let punct =
        |from: usize, gap: &'s str, forms: &mut Vec<Cow<'s, str>>, words: &mut Vec<Word>| {
            for (i, c) in gap.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                forms.push(Cow::Borrowed(&gap[i..i + c.len_utf8()]));
                words.push(Word {
                    range: at(from + i)..at(from + i + c.len_utf8()),
                    pos: UPOS::PUNCT,
                    np: false,
                    word: None,
                });
            }
        };
    let mut end = 0;
    for (index, (start, word)) in unicode_words.enumerate() {
        punct(end, &sentence[end..start], &mut forms, &mut words);
        forms.push(tagging_form(word));
        words.push(Word {
            range: at(start)..at(start + word.len()),
            pos: UPOS::NOUN,
            np: false,
            word: Some(at(index)),
        });
        end = start + word.len();
    }
    punct(end, &sentence[end..], &mut forms, &mut words);
    (forms, words)
}

/// The form the tagger reads for `word`: typographic apostrophes made plain, and a contraction
/// or possessive as its first part (`didn't` → `did`, `we're` → `we`, `Acme's` → `Acme`): the
/// tagger's dictionary holds the parts, and its training data gave a contraction the tag of its
/// first part.
fn tagging_form(word: &str) -> Cow<'_, str> {
    // Every contraction and possessive has an apostrophe: without one, the word is its own form.
    // Bytes first: an ASCII word without `'` has none, and matching chars costs more.
    if !word.bytes().any(|b| b == b'\'' || !b.is_ascii()) || !word.contains(['\'', '’', 'ʼ', '‘'])
    {
        return Cow::Borrowed(word);
    }
    let plain = word.replace(['’', 'ʼ', '‘'], "'");
    let lower = plain.to_lowercase();
    let stem = match lower.as_str() {
        "can't" => return Cow::Borrowed("can"),
        "won't" => return Cow::Borrowed("will"),
        "shan't" => return Cow::Borrowed("shall"),
        _ => ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix).map(str::len)),
    };
    match stem {
        Some(len) if len > 0 => Cow::Owned(plain[..len].to_string()),
        _ => Cow::Owned(plain),
    }
}

/// Whether the noun at `k`, right after `do` or a modal, begins the subject of a question
/// (`did customers say`): the nouns from `k` on are followed by a verb in its base form.
fn inverted_subject(words: &[Word], forms: &[Cow<'_, str>], k: usize) -> bool {
    let next = (k + 1..words.len()).find(|&j| !matches!(words[j].pos, UPOS::NOUN | UPOS::PROPN));
    next.is_some_and(|j| {
        words[j].pos == UPOS::VERB && !forms[j].ends_with("ed") && !forms[j].ends_with("ing")
    })
}

/// Whether `form` is `do` or a modal, whose verb follows (`did not sign`).
fn support_verb(form: &str) -> bool {
    const VERBS: [&str; 13] = [
        "do", "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might",
        "must", "cannot",
    ];
    // Compared without lower-casing into a new string when ASCII, as nearly every word is.
    if form.is_ascii() {
        // Every verb starts with one of these letters.
        form.as_bytes()
            .first()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'd' | b'c' | b'w' | b's' | b'm'))
            && VERBS.iter().any(|verb| form.eq_ignore_ascii_case(verb))
    } else {
        VERBS.contains(&form.to_lowercase().as_str())
    }
}

/// A part of speech for a word the tagger's dictionary lacks, from its shape.
fn guess(form: &str, first: bool) -> UPOS {
    let mut chars = form.chars();
    let Some(initial) = chars.next() else {
        return UPOS::PUNCT;
    };
    if initial.is_ascii_digit() {
        return UPOS::NUM;
    }
    if !initial.is_alphanumeric() {
        return UPOS::SYM;
    }
    // `OEMs`, `MSPs`: the plural of an acronym names a kind, not one thing.
    if form
        .strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
    {
        return UPOS::NOUN;
    }
    // `CRO`, `Acme`: a capital inside a sentence names something; at its start it may too.
    if initial.is_uppercase() && (!first || form.chars().skip(1).any(char::is_uppercase)) {
        return UPOS::PROPN;
    }
    let lower = form.to_lowercase();
    if lower.ends_with("ly") {
        UPOS::ADV
    } else if lower.ends_with("ed") || lower.ends_with("ing") {
        UPOS::VERB
    } else if ["ous", "ful", "ive", "able", "ible", "al", "ic", "less"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        UPOS::ADJ
    } else if initial.is_uppercase() {
        UPOS::PROPN
    } else {
        UPOS::NOUN
    }
}

/// Whether `lower` is a word of approximation before a number (`about`, `under`, `roughly`),
/// read past by the `from X to Y` pairs here and by activity-volume's counts.
pub(crate) fn approximation(lower: &str) -> bool {
    matches!(
        lower,
        "about"
            | "around"
            | "roughly"
            | "approximately"
            | "nearly"
            | "almost"
            | "just"
            | "under"
            | "over"
            | "barely"
            | "some"
            | "~"
    )
}

/// Whether `pos` can be the head of a noun phrase.
fn nominal(pos: UPOS) -> bool {
    matches!(pos, UPOS::NOUN | UPOS::PROPN | UPOS::PRON | UPOS::NUM)
}

/// Possessive determiners.
fn possessive(lower: &str) -> bool {
    matches!(
        lower,
        "my" | "our" | "your" | "their" | "his" | "her" | "its" | "whose"
    )
}

/// Whether a word form looks plural (`partners`, not `business`).
fn plural_form(form: &str) -> bool {
    form.ends_with('s') && !form.ends_with("ss")
}

/// Forms of *be*.
fn be(lower: &str) -> bool {
    matches!(
        lower,
        "be" | "am" | "is" | "are" | "was" | "were" | "been" | "being" | "'s" | "'re" | "'m"
    ) || lower.ends_with("'m")
        || lower.ends_with("'re")
}

/// Whether `lower` negates (`not`, `never`, `didn't`).
fn negation(lower: &str) -> bool {
    matches!(lower, "not" | "never" | "no" | "n't" | "cannot") || lower.ends_with("n't")
}

/// Pronouns that open a relative clause (`partners who signed`, `a client whose team`).
fn relative_pronoun(lower: &str) -> bool {
    matches!(lower, "who" | "whose" | "which")
}

/// Whether `lower` is a reflexive pronoun (`themselves`, `itself`).
fn reflexive(lower: &str) -> bool {
    matches!(
        lower,
        "themselves"
            | "itself"
            | "himself"
            | "herself"
            | "ourselves"
            | "myself"
            | "yourself"
            | "yourselves"
    )
}

/// Tokens that end a clause segment on their own.
fn clause_break(form: &str) -> bool {
    matches!(form, ";" | ":" | "," | "—" | "–" | "(" | ")")
}

/// Whether token `i` is a word of time tagged as a preposition that opens a clause: `after`,
/// `before`, `until`, `since`, `once` followed by a subject and its verb (`after my predecessor
/// had signed eleven partners`), not by a noun phrase alone (`after two quarters, ...`).
fn clause_preposition(words: &[Word], lower: &Lower, i: usize) -> bool {
    if i == 0
        || words[i].pos != UPOS::ADP
        || !matches!(
            lower.get(i),
            "after" | "before" | "until" | "since" | "once"
        )
    {
        return false;
    }
    let mut j = i + 1;
    while j < words.len() && in_phrase(words, lower, j) {
        j += 1;
    }
    let subject = (i + 1..j).any(|k| nominal(words[k].pos))
        || words.get(j).is_some_and(|w| w.pos == UPOS::PRON);
    if words.get(j).is_some_and(|w| w.pos == UPOS::PRON) {
        j += 1;
    }
    subject
        && words
            .get(j)
            .is_some_and(|w| matches!(w.pos, UPOS::AUX | UPOS::VERB))
}

/// Reads the clauses of a tagged sentence.
fn clauses(words: &[Word], lower: &Lower) -> Vec<Clause> {
    // Segments: split before a conjunction or subordinator and after clause punctuation.
    let mut segments: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, word) in words.iter().enumerate() {
        let opens = matches!(word.pos, UPOS::CCONJ | UPOS::SCONJ)
            || (i > 0 && (relative_pronoun(lower.get(i)) || lower.get(i) == "where"))
            || clause_preposition(words, lower, i);
        if opens && i > start {
            segments.push(start..i);
            start = i;
        }
        if word.pos == UPOS::PUNCT && clause_break(lower.get(i)) {
            segments.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < words.len() {
        segments.push(start..words.len());
    }
    if let Some(first) = segments.first().cloned()
        && let Some(k) = purpose_split(words, lower, first.clone())
    {
        segments[0] = first.start..k;
        segments.insert(1, k..first.end);
    }
    let subject_of_main = main_verb_after_relative(words, lower, &mut segments);
    let mut out: Vec<Clause> = Vec::new();
    // Tokens of verbless segments waiting to open the next clause (`At my last company,`).
    let mut pending: Option<usize> = None;
    // The first of those segments that is a noun phrase alone, set off by punctuation before a
    // verb with no subject of its own (`Our legal team, on the other hand, treated ...`,
    // `Finance — lovely people — changed ...`): the subject, with an aside between.
    // (A phrase with no aside after it is a label: `**Enablement** — hosted 6 webinars`.)
    let mut set_off: Option<Phrase> = None;
    let mut aside = false;
    for segment in segments {
        let opener = segment.start;
        let subordinate = matches!(words[opener].pos, UPOS::SCONJ)
            || relative_pronoun(lower.get(opener))
            || matches!(lower.get(opener), "where" | "when" | "while")
            || clause_preposition(words, lower, opener);
        let Some(group) = verb_group(words, lower, segment.clone()) else {
            match out.last_mut() {
                // A verbless segment after a clause continues it (`with product marketing and
                // customer success`), unless it opens something new.
                Some(last) if pending.is_none() && !subordinate => last.tokens.end = segment.end,
                _ => {
                    pending.get_or_insert(segment.start);
                    if set_off.is_none() {
                        set_off = phrase_alone(words, lower, segment.clone());
                    } else {
                        aside = true;
                    }
                }
            }
            continue;
        };
        // A verb written with a hyphenated prefix (`co-hosted`, `re-signed`) starts at its prefix,
        // so its subject is the phrase before that.
        let group = match group.start.checked_sub(2) {
            Some(prefix)
                if prefix >= segment.start
                    && words[group.start].pos == UPOS::VERB
                    && lower.get(prefix + 1) == "-"
                    && words[prefix].range.end == words[prefix + 1].range.start
                    && words[prefix + 1].range.end == words[group.start].range.start =>
            {
                prefix..group.end
            }
            _ => group,
        };
        let clause_start = pending.take().unwrap_or(segment.start);
        let set_off_subject = set_off
            .take()
            .filter(|_| std::mem::take(&mut aside) && group.start == segment.start);
        let own = subject_before(words, lower, segment.start, group.start)
            .or(set_off_subject)
            .or_else(|| {
                // In segment order, so a search.
                subject_of_main
                    .binary_search_by_key(&segment.start, |(at, _)| *at)
                    .ok()
                    .map(|i| subject_of_main[i].1.clone())
            });
        let coordinated = own.is_none() && words[opener].pos == UPOS::CCONJ;
        let subject = match (own, out.last()) {
            (Some(subject), _) => Some(subject),
            (None, Some(previous)) if coordinated => previous.subject.clone(),
            _ => None,
        };
        let verb = (group.start..group.end)
            .rev()
            .find(|&k| words[k].pos == UPOS::VERB)
            .or_else(|| {
                (group.start..group.end)
                    .rev()
                    .find(|&k| words[k].pos == UPOS::AUX)
            })
            .unwrap_or(group.start);
        let copula = words[verb].pos == UPOS::AUX && be(lower.get(verb));
        let negated = group.clone().any(|k| negation(lower.get(k)));
        let mut after = group.end;
        let infinitive = (lower.get(after) == "to"
            && words.get(after + 1).is_some_and(|w| w.pos == UPOS::VERB))
        .then(|| {
            after += 2;
            after - 1
        });
        let object = phrase_after(words, lower, after, segment.end);
        out.push(Clause {
            tokens: clause_start..segment.end,
            subordinate,
            subject,
            verb_group: group,
            verb,
            copula,
            negated,
            infinitive,
            object,
        });
    }
    out
}

/// Where a sentence that opens on an infinitive of purpose with no comma after it reaches its
/// main clause (`To get there we mapped 300 accounts`, `To stay in the tier a partner must
/// register two deals`): the start of the subject right before the first verb after the
/// infinitive's own words, a personal pronoun or a noun phrase its determiner opens.
fn purpose_split(words: &[Word], lower: &Lower, segment: Range<usize>) -> Option<usize> {
    if segment.start != 0 || lower.get(0) != "to" || words.get(1)?.pos != UPOS::VERB {
        return None;
    }
    let k = (3..segment.end).find(|&k| {
        matches!(words[k].pos, UPOS::AUX | UPOS::VERB)
            && lower.get(k - 1) != "to"
            && !lower.get(k).ends_with("ing")
    })?;
    let last = k - 1;
    match words[last].pos {
        UPOS::PRON if !possessive(lower.get(last)) => Some(last),
        UPOS::NOUN | UPOS::PROPN => {
            let mut first = last;
            while first > 2
                && matches!(
                    words[first - 1].pos,
                    UPOS::ADJ | UPOS::NOUN | UPOS::PROPN | UPOS::NUM
                )
            {
                first -= 1;
            }
            let opener = first - 1;
            (opener >= 2 && (words[opener].pos == UPOS::DET || possessive(lower.get(opener))))
                .then_some(opener)
        }
        _ => None,
    }
}

/// Splits off the main verb that follows a relative clause inside a sentence's subject
/// (`Homeowners who add a battery want to know …`, `Partners who signed up never showed up`):
/// the relative segment runs on to the sentence's own verb, which the segments give no clause.
/// Returns, for each split, the start of the new segment and its subject (the noun phrase the
/// relative clause hangs on). Only a relative after a noun phrase alone at the start of the
/// sentence or after clause punctuation: after a clause (`I met a partner who said the clinics
/// wanted more`) a later verb is the relative's own complement.
fn main_verb_after_relative(
    words: &[Word],
    lower: &Lower,
    segments: &mut Vec<Range<usize>>,
) -> Vec<(usize, Phrase)> {
    let mut out = Vec::new();
    // Built afresh rather than by insertion, so a sentence of many relatives stays linear.
    let mut split: Vec<Range<usize>> = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let at = i
            .checked_sub(1)
            .and_then(|p| relative_split(words, lower, segments[p].clone(), segment.clone()));
        let at = at.or_else(|| participle_split(words, lower, segment.clone()));
        match at {
            Some((k, antecedent)) => {
                split.push(segment.start..k);
                split.push(k..segment.end);
                out.push((k, antecedent));
            }
            None => split.push(segment.clone()),
        }
    }
    *segments = split;
    out
}

/// Where a relative segment after the verbless segment `before` gives way to the sentence's own
/// verb, with the noun phrase the relative clause hangs on (see [`main_verb_after_relative`]).
fn relative_split(
    words: &[Word],
    lower: &Lower,
    before: Range<usize>,
    segment: Range<usize>,
) -> Option<(usize, Phrase)> {
    if !relative_pronoun(lower.get(segment.start))
        || verb_group(words, lower, before.clone()).is_some()
    {
        return None;
    }
    let opens_sentence = before.start == 0
        || before
            .start
            .checked_sub(1)
            .is_some_and(|p| words[p].pos == UPOS::PUNCT && clause_break(lower.get(p)));
    let antecedent = phrase_before(words, lower, before.start, before.end).filter(|p| {
        opens_sentence && p.tokens.start == before.start && p.tokens.end == before.end
    })?;
    let group = verb_group(words, lower, segment.clone())?;
    // The next verb after the relative's own group and what it takes, not an infinitive's.
    Some((
        next_main_verb(words, lower, group.end..segment.end)?,
        antecedent,
    ))
}

/// Where the sentence's own verb starts in `range`, after a clause inside its subject: the first
/// verb or auxiliary after a noun, an adverb, a particle or a preposition, not an infinitive's and
/// not an `-ing` form, with the adverbs right before it (`never showed up`).
fn next_main_verb(words: &[Word], lower: &Lower, range: Range<usize>) -> Option<usize> {
    let mut split = range.clone().find(|&k| {
        matches!(words[k].pos, UPOS::VERB | UPOS::AUX)
            && lower.get(k - 1) != "to"
            && !lower.get(k).ends_with("ing")
            && matches!(
                words[k - 1].pos,
                UPOS::NOUN | UPOS::PROPN | UPOS::ADV | UPOS::PART | UPOS::ADP
            )
    })?;
    while split > range.start && matches!(words[split - 1].pos, UPOS::ADV) {
        split -= 1;
    }
    Some(split)
}

/// Where a segment whose subject a participle modifies (`Agronomists using our product needed
/// imagery`, `Partners selling the bundle doubled their margin`) reaches its own verb, with that
/// subject: a noun phrase opening the sentence or following clause punctuation, an `-ing` verb
/// right after it, and a later verb that is not one (a reduced relative clause has no finite verb
/// of its own, so the later one is the sentence's).
fn participle_split(
    words: &[Word],
    lower: &Lower,
    segment: Range<usize>,
) -> Option<(usize, Phrase)> {
    let opens_sentence = segment.start == 0
        || (words[segment.start - 1].pos == UPOS::PUNCT
            && clause_break(lower.get(segment.start - 1)));
    let participle = (segment.start + 1..segment.end).find(|&k| !in_phrase(words, lower, k))?;
    if !opens_sentence
        || words[participle].pos != UPOS::VERB
        || !lower.get(participle).ends_with("ing")
    {
        return None;
    }
    let subject = phrase_before(words, lower, segment.start, participle)
        .filter(|p| p.tokens.start == segment.start && words[p.head].pos != UPOS::PRON)?;
    Some((
        next_main_verb(words, lower, participle + 1..segment.end)?,
        subject,
    ))
}

/// The verb group of a segment: from its first auxiliary or verb, over auxiliaries, negation and
/// adverbs, to its main verb.
fn verb_group(words: &[Word], lower: &Lower, segment: Range<usize>) -> Option<Range<usize>> {
    let start = segment
        .clone()
        .find(|&k| matches!(words[k].pos, UPOS::AUX | UPOS::VERB) && lower.get(k) != "to")?;
    let mut end = start + 1;
    if words[start].pos == UPOS::AUX {
        while end < segment.end {
            match words[end].pos {
                UPOS::AUX | UPOS::ADV | UPOS::PART => end += 1,
                UPOS::VERB => {
                    end += 1;
                    break;
                }
                _ => break,
            }
        }
        // Trailing adverbs or particles after an auxiliary with no verb are not part of it.
        while end > start + 1 && matches!(words[end - 1].pos, UPOS::ADV | UPOS::PART) {
            if negation(lower.get(end - 1)) {
                break;
            }
            end -= 1;
        }
    }
    Some(start..end)
}

/// The noun phrase that ends right before `end` (adverbs between it and `end` skipped), within
/// `from..end`.
fn phrase_before(words: &[Word], lower: &Lower, from: usize, end: usize) -> Option<Phrase> {
    let mut last = end;
    while last > from && words[last - 1].pos == UPOS::ADV {
        last -= 1;
    }
    if last == from || !nominal(words[last - 1].pos) {
        return None;
    }
    let head = last - 1;
    let mut first = head;
    while first > from && in_phrase(words, lower, first - 1) {
        first -= 1;
    }
    Some(phrase(lower, first..last, head, |k| {
        lower.get(k).ends_with("'s")
    }))
}

/// The subject phrase before a verb group at `end`: the noun phrase right before it, or, when
/// that is the object of a preposition that modifies an earlier noun phrase opening the clause,
/// that earlier one (`Our alliance with the EHR vendor produced`, `Our partner summit in Lisbon
/// drew`, `Our team of two trained`, `Premium per active broker doubled`). Not past a pronoun
/// (`this framework I evaluated`), nor to a quantity or a pronoun (`One of our resellers`,
/// `Nobody on their side`: the party is in the phrase after), nor to words that do not open the
/// clause (`fewer than fifty overlapping customers in our segments`).
fn subject_before(words: &[Word], lower: &Lower, from: usize, end: usize) -> Option<Phrase> {
    let mut phrase = phrase_before(words, lower, from, end)?;
    // An intensive reflexive stresses the phrase before it (`the municipalities themselves
    // cared`): that phrase is the subject.
    if reflexive(lower.get(phrase.head))
        && let Some(before) = phrase_before(words, lower, from, phrase.head)
    {
        phrase = before;
    }
    if words[phrase.head].pos == UPOS::PRON {
        return Some(phrase);
    }
    while let Some(preposition) = phrase.tokens.start.checked_sub(1).filter(|&p| p > from) {
        let word = lower.get(preposition);
        // `of` only before a bare number, a size (`a team of two`), not a part or a title's
        // remit (`VP of Sales`).
        let modifies = matches!(
            word,
            "with" | "in" | "at" | "from" | "for" | "on" | "across" | "inside" | "within" | "per"
        ) || (word == "of"
            && phrase.tokens.len() == 1
            && words[phrase.head].pos == UPOS::NUM);
        if words[preposition].pos != UPOS::ADP || !modifies {
            break;
        }
        let Some(before) = phrase_before(words, lower, from, preposition) else {
            break;
        };
        let opens =
            before.tokens.start == from || words[before.tokens.start - 1].pos == UPOS::PUNCT;
        if matches!(words[before.head].pos, UPOS::PRON | UPOS::NUM) || !opens {
            break;
        }
        phrase = before;
    }
    Some(phrase)
}

/// The noun phrase that is the whole of `segment` but its closing punctuation (`Our legal team,`),
/// if it is one.
fn phrase_alone(words: &[Word], lower: &Lower, segment: Range<usize>) -> Option<Phrase> {
    let end = segment.end.checked_sub(1)?;
    if end <= segment.start || words[end].pos != UPOS::PUNCT {
        return None;
    }
    let phrase = phrase_before(words, lower, segment.start, end)?;
    (phrase.tokens.start == segment.start && phrase.tokens.end == end).then_some(phrase)
}

/// The first noun phrase after `from` (adverbs and particles skipped), before a preposition or
/// `end`.
fn phrase_after(words: &[Word], lower: &Lower, from: usize, end: usize) -> Option<Phrase> {
    let mut first = from;
    while first < end && matches!(words[first].pos, UPOS::ADV | UPOS::PART) {
        first += 1;
    }
    let mut last = first;
    while last < end && (in_compound(words, lower, last) || words[last].pos == UPOS::PRON) {
        // A determiner after a noun opens the next phrase (`a quota that year`).
        if last > first && words[last].pos == UPOS::DET && nominal(words[last - 1].pos) {
            break;
        }
        // An intensive reflexive after the phrase stresses who acted (`ran partnerships
        // myself`); it is not the phrase's head.
        if last > first && reflexive(lower.get(last)) {
            break;
        }
        last += 1;
    }
    let head = (first..last).rev().find(|&k| nominal(words[k].pos))?;
    Some(phrase(lower, first..last, head, |k| {
        lower.get(k).ends_with("'s")
    }))
}

/// Whether token `k` can stand inside a noun phrase before its head.
fn in_phrase(words: &[Word], lower: &Lower, k: usize) -> bool {
    matches!(
        words[k].pos,
        UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN | UPOS::NUM | UPOS::SYM
    ) || (words[k].pos == UPOS::PRON && possessive(lower.get(k)))
}

/// [`in_phrase`], or a hyphen joining the words either side of it and the word after it
/// (`merchant-acquisition partners`, `partner-sourced quota`): one compound modifier. Read by the
/// phrase after a verb and the phrase around a word; the phrase before a verb stops at the
/// hyphen as before (joining it there lost a buyer's need on a probe set).
fn in_compound(words: &[Word], lower: &Lower, k: usize) -> bool {
    in_phrase(words, lower, k)
        || joined_hyphen(words, lower, k)
        || (k > 0 && joined_hyphen(words, lower, k - 1))
}

/// Whether token `k` is a hyphen joining the words either side of it (`merchant-acquisition`).
fn joined_hyphen(words: &[Word], lower: &Lower, k: usize) -> bool {
    k > 0
        && lower.get(k) == "-"
        && words
            .get(k + 1)
            .is_some_and(|n| n.range.start == words[k].range.end)
        && words[k - 1].range.end == words[k].range.start
}

/// A phrase over `tokens` with `head`, its possessor found among the words before the head: a
/// possessive determiner, or a word `genitive` says ends in `'s`.
fn phrase(
    lower: &Lower,
    tokens: Range<usize>,
    head: usize,
    genitive: impl Fn(usize) -> bool,
) -> Phrase {
    let possessor = (tokens.start..head).find(|&k| possessive(lower.get(k)) || genitive(k));
    Phrase {
        tokens,
        head,
        possessor,
    }
}

/// A tagged sentence seen from the draft: token indices are the sentence's, byte ranges and
/// word indices the draft's. Get one from `Ctx::syntax`.
#[derive(Debug, Clone, Copy)]
pub struct SentenceSyntax<'a> {
    /// The tags and clauses.
    pub tagged: &'a Tagged,
    /// The sentence's text (trimmed).
    pub text: &'a str,
    /// Byte offset of the sentence in the draft.
    pub offset: usize,
    /// Index of its first word in the rubric's word list.
    pub first_word: usize,
}

impl<'a> SentenceSyntax<'a> {
    /// Its tokens (words and punctuation).
    pub fn words(&self) -> &'a [Word] {
        &self.tagged.words
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.tagged.words.get(i).map_or("", |w| {
            self.text
                .get(w.range.start as usize..w.range.end as usize)
                .unwrap_or("")
        })
    }

    /// The part of speech of token `i` (punctuation past the end).
    pub fn pos(&self, i: usize) -> UPOS {
        self.tagged.words.get(i).map_or(UPOS::PUNCT, |w| w.pos)
    }

    /// Byte range of tokens `range` in the draft.
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        let words = &self.tagged.words;
        match (words.get(range.start), words.get(range.end.wrapping_sub(1))) {
            (Some(a), Some(b)) if range.start < range.end => {
                self.offset + a.range.start as usize..self.offset + b.range.end as usize
            }
            _ => self.offset..self.offset,
        }
    }

    /// Index in the rubric's word list of the word at token `i` (none for punctuation).
    pub fn token(&self, i: usize) -> Option<usize> {
        let word = self.tagged.words.get(i)?.word?;
        Some(self.first_word + word as usize)
    }

    /// The token of word `token` of the rubric's word list, when it is in this sentence.
    pub fn of_token(&self, token: usize) -> Option<usize> {
        let word = u32::try_from(token.checked_sub(self.first_word)?).ok()?;
        // Punctuation has no word index, so the tokens are not sorted by it: search them all.
        self.tagged.words.iter().position(|w| w.word == Some(word))
    }

    /// The noun-phrase chunks the chunker found: maximal runs of tokens it put in a noun phrase,
    /// split where a determiner follows a noun (`gave the partner a plan`).
    pub fn chunks(&self) -> Vec<Range<usize>> {
        let words = &self.tagged.words;
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if !w.np {
                continue;
            }
            let joins =
                i > 0 && words[i - 1].np && !(w.pos == UPOS::DET && nominal(words[i - 1].pos));
            match out.last_mut() {
                Some(last) if joins => last.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }

    /// Its clauses, in order.
    pub fn clauses(&self) -> &'a [Clause] {
        &self.tagged.clauses
    }

    /// Its main clause: the first that is not subordinate (`I left` in `When it stalled, I
    /// left`), else the first.
    pub fn main_clause(&self) -> Option<&'a Clause> {
        let clauses = &self.tagged.clauses;
        clauses.iter().find(|c| !c.subordinate).or(clauses.first())
    }

    /// The clause token `i` is in.
    pub fn clause_of(&self, i: usize) -> Option<&'a Clause> {
        self.tagged.clauses.iter().find(|c| c.tokens.contains(&i))
    }

    /// Whether token `i` is a hyphen joining the words either side of it (`partner-referred`).
    pub fn joins_words(&self, i: usize) -> bool {
        joined_hyphen(&self.tagged.words, &self.tagged.lower, i)
    }

    /// The noun phrase token `i` is in: the subject or object of its clause when it lies there,
    /// else the run of noun-phrase words around it, headed by its last nominal.
    pub fn phrase_at(&self, i: usize) -> Option<Phrase> {
        if let Some(clause) = self.clause_of(i) {
            let own = [&clause.subject, &clause.object];
            if let Some(p) = own.into_iter().flatten().find(|p| p.tokens.contains(&i)) {
                return Some(p.clone());
            }
        }
        let words = &self.tagged.words;
        let lower = &self.tagged.lower;
        if i >= words.len() || !(in_phrase(words, lower, i) || nominal(words[i].pos)) {
            return None;
        }
        let mut first = i;
        while first > 0 && in_compound(words, lower, first - 1) {
            first -= 1;
        }
        let mut last = i + 1;
        while last < words.len()
            && (matches!(words[last].pos, UPOS::NOUN | UPOS::PROPN | UPOS::NUM)
                || joined_hyphen(words, lower, last)
                || joined_hyphen(words, lower, last - 1))
        {
            last += 1;
        }
        let head = (first..last).rev().find(|&k| nominal(words[k].pos))?;
        // Only a plain apostrophe makes a possessor here (`Acme's`, not `Acme’s`).
        let genitive = |k: usize| {
            let text = self.text(k);
            text.ends_with("'s") || text.ends_with("'S")
        };
        Some(phrase(lower, first..last, head, genitive))
    }

    /// What the number at token `i` belongs to: the noun it counts (through `of` after a
    /// percentage or fraction: `92% of reps`), the verb governing its phrase, and the `from … to`
    /// change it is part of. None when token `i` is not a number.
    pub fn measure(&self, i: usize) -> Option<Measure> {
        let words = &self.tagged.words;
        if words.get(i)?.pos != UPOS::NUM {
            return None;
        }
        let lower = |k: usize| self.tagged.lower(k);
        // Units and scale words that belong to the number (`%`, `percent`, `million`, `x`, the
        // `+` of `70+`).
        let mut next = i + 1;
        while next < words.len()
            && (matches!(self.text(next), "%" | "x" | "×" | "+")
                || matches!(
                    lower(next),
                    "percent"
                        | "per"
                        | "cent"
                        | "points"
                        | "thousand"
                        | "million"
                        | "billion"
                        | "k"
                ))
        {
            next += 1;
        }
        let head = if lower(next) == "of" {
            self.phrase_at(next + 1).map(|p| p.head)
        } else {
            // Adjectives and nouns up to the end of the first run of nouns (`reseller
            // agreements`, not `webinars last year`); a hyphenated compound is one modifier
            // (`deal-conflict calls`, `co-branded assets`).
            let mut last = next;
            let mut noun = false;
            let joined = |k: usize| self.joins_words(k);
            while let Some(w) = words.get(last) {
                match w.pos {
                    // Not right after the number: `60-person` sizes, it counts no compound.
                    _ if last > next && joined(last) => {
                        noun = false;
                        // The word after the hyphen is the compound's, whatever its tag
                        // (`co-sell deals`).
                        last += 1;
                    }
                    UPOS::ADJ | UPOS::VERB if !noun && joined(last + 1) => {}
                    UPOS::ADJ if !noun => {}
                    UPOS::NOUN | UPOS::PROPN => noun = true,
                    _ => break,
                }
                last += 1;
            }
            (next..last).rev().find(|&k| nominal(words[k].pos))
        };
        // The change a `from X to Y` pair describes, read past a word of approximation
        // (`from about seven months to under three`).
        let before = |k: usize| {
            let mut j = k;
            while j > 0
                && (matches!(words[j - 1].pos, UPOS::SYM | UPOS::PUNCT)
                    || approximation(lower(j - 1)))
            {
                j -= 1;
            }
            j.checked_sub(1).map(lower)
        };
        let from_to = if before(i) == Some("from") {
            (i + 1..words.len().min(i + 6))
                .find(|&k| words[k].pos == UPOS::NUM && before(k) == Some("to"))
                .map(|to| (i, to))
        } else if before(i) == Some("to") {
            (i.saturating_sub(6)..i)
                .rev()
                .find(|&k| words[k].pos == UPOS::NUM && before(k) == Some("from"))
                .map(|from| (from, i))
        } else {
            None
        };
        let verb = self.clause_of(i).and_then(|clause| {
            if clause
                .subject
                .as_ref()
                .is_some_and(|s| s.tokens.contains(&i))
                || i < clause.verb_group.start
            {
                return Some(clause.verb);
            }
            (clause.tokens.start..i)
                .rev()
                .find(|&k| words[k].pos == UPOS::VERB)
                .or(Some(clause.verb))
        });
        Some(Measure {
            number: i,
            head,
            verb,
            from_to,
        })
    }

    /// Whether it is a question (it ends with a question mark).
    pub fn is_question(&self) -> bool {
        self.tagged.question
    }

    /// How this sentence relates to `question`, the sentence before it: an answer when
    /// `question` is a question and this one is not.
    pub fn answers(&self, question: &SentenceSyntax<'_>) -> Option<Answer> {
        if !question.is_question() || self.is_question() {
            return None;
        }
        let first = (0..self.tagged.words.len()).find(|&k| self.pos(k) != UPOS::PUNCT)?;
        match self.tagged.lower(first) {
            "because" | "since" => Some(Answer::Because),
            _ => Some(Answer::Statement),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sentence` tagged, seen as a draft of that one sentence.
    fn tagged(sentence: &str) -> Tagged {
        Tagged::new(sentence)
    }

    fn view<'a>(tagged: &'a Tagged, text: &'a str) -> SentenceSyntax<'a> {
        SentenceSyntax {
            tagged,
            text,
            offset: 0,
            first_word: 0,
        }
    }

    /// The text of token `i`, or of nothing.
    fn word(s: &SentenceSyntax<'_>, i: Option<usize>) -> String {
        i.map(|i| s.text(i).to_string()).unwrap_or_default()
    }

    /// The token whose text is `text`.
    fn find(s: &SentenceSyntax<'_>, text: &str) -> usize {
        (0..s.words().len())
            .find(|&k| s.text(k) == text)
            .unwrap_or_else(|| panic!("no {text:?} in {:?}", s.text))
    }

    fn dump(s: &SentenceSyntax<'_>) -> String {
        (0..s.words().len())
            .map(|k| {
                format!(
                    "{}/{:?}{}",
                    s.text(k),
                    s.pos(k),
                    if s.words()[k].np { "*" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_plural_acronym_is_a_common_noun_and_an_acronym_a_name() {
        for (text, form, pos) in [
            ("The OEMs wanted one supplier.", "OEMs", UPOS::NOUN),
            ("We signed three MSPs in Ohio.", "MSPs", UPOS::NOUN),
            ("Our CRO signed off.", "CRO", UPOS::PROPN),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            assert_eq!(s.pos(find(&s, form)), pos, "{}", dump(&s));
        }
    }

    #[test]
    fn an_ing_word_inside_a_counted_phrase_modifies_its_noun() {
        for (text, number, head) in [
            ("We held 6 QBRs and 36 working syncs.", "36", "syncs"),
            (
                "I ran 18 joint account planning sessions in Q1.",
                "18",
                "sessions",
            ),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let k = (0..s.words().len()).find(|&k| s.text(k) == number).unwrap();
            let phrase = s.phrase_at(k).unwrap_or_else(|| panic!("{}", dump(&s)));
            assert_eq!(word(&s, Some(phrase.head)), head, "{}", dump(&s));
        }
        // Behind a hyphenated prefix too.
        let text = "We did 31 co-selling calls with them.";
        let t = tagged(text);
        let s = view(&t, text);
        let k = (0..s.words().len())
            .find(|&k| s.text(k) == "selling")
            .unwrap();
        assert_eq!(s.pos(k), UPOS::NOUN, "{}", dump(&s));
        // A plural before it can be its subject: `9 partners selling licenses`.
        let text = "We had 9 partners selling licenses.";
        let t = tagged(text);
        let s = view(&t, text);
        let k = (0..s.words().len()).find(|&k| s.text(k) == "9").unwrap();
        let phrase = s.phrase_at(k).unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, Some(phrase.head)), "partners", "{}", dump(&s));
    }

    #[test]
    fn a_verb_before_a_subject_pronoun_is_a_noun() {
        let text = "It stalls, so as ecosystem lead I'd first check the lift.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "lead")), UPOS::NOUN, "{}", dump(&s));
        assert_eq!(s.pos(find(&s, "check")), UPOS::VERB, "{}", dump(&s));
    }

    #[test]
    fn possessor_head_and_verb_of_a_title_holder() {
        let text = "Our CRO signed off on the plan.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        let subject = clause
            .subject
            .clone()
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, subject.possessor), "Our", "{}", dump(&s));
        assert_eq!(word(&s, Some(subject.head)), "CRO", "{}", dump(&s));
        assert_eq!(word(&s, Some(clause.verb)), "signed", "{}", dump(&s));
        assert!(!clause.negated);
    }

    #[test]
    fn a_subject_is_read_past_the_phrases_that_modify_it() {
        for (text, head) in [
            (
                "Our alliance with the EHR vendor produced 12 white papers.",
                "alliance",
            ),
            ("Our partner summit in Lisbon drew 650 attendees.", "summit"),
            ("Our team of two trained 480 nurses.", "team"),
            ("Premium per active broker roughly doubled.", "Premium"),
            // Not to a quantity or a pronoun: the party is in the phrase after it.
            ("One of our resellers never returned the call.", "resellers"),
            ("Nobody on their side read the plan.", "side"),
            // Not to words that do not open the clause, nor past a pronoun: the phrase right
            // before the verb stays its subject.
            (
                "A partner with fewer than fifty overlapping customers in our segments rarely progresses.",
                "segments",
            ),
            (
                "Last year with this framework I evaluated 45 candidates.",
                "I",
            ),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
            let subject = clause.subject.as_ref().map(|p| p.head);
            assert_eq!(word(&s, subject), head, "{text}: {}", dump(&s));
        }
    }

    #[test]
    fn a_subject_set_off_before_an_aside_is_the_verbs() {
        for (text, head) in [
            (
                "Our support team, on the other hand, answered within the hour.",
                "team",
            ),
            (
                "The reseller's founder — a patient man, mostly — signed in May.",
                "founder",
            ),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
            let subject = clause.subject.as_ref().map(|p| p.head);
            assert_eq!(word(&s, subject), head, "{}", dump(&s));
        }
        // A label before a dash, with no aside, is not a subject.
        let text = "Enablement — hosted six webinars for partner sellers.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert!(clause.subject.is_none(), "{}", dump(&s));
    }

    #[test]
    fn a_verb_with_a_hyphenated_prefix_keeps_its_subject() {
        let text = "Last year we co-hosted the partner dinners.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, Some(clause.verb)), "hosted", "{}", dump(&s));
        assert_eq!(
            word(&s, clause.subject.as_ref().map(|p| p.head)),
            "we",
            "{}",
            dump(&s)
        );
    }

    #[test]
    fn a_preposition_of_time_before_a_subject_and_verb_opens_a_clause() {
        let text = "I was hired after my predecessor had recruited forty resellers.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s
            .clause_of(find(&s, "forty"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert!(clause.subordinate, "{}", dump(&s));
        assert_eq!(
            word(&s, clause.subject.as_ref().map(|p| p.head)),
            "predecessor",
            "{}",
            dump(&s)
        );
        // Before a noun phrase alone it is a preposition.
        let text = "After two quarters, we ran forty webinars.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s
            .clause_of(find(&s, "forty"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, clause.subject.as_ref().map(|p| p.head)), "we");
    }

    #[test]
    fn an_ed_word_after_a_subject_pronoun_is_the_verb() {
        let text = "In 2023 we certified 212 technicians across the 31 distributors.";
        let t = tagged(text);
        let s = view(&t, text);
        let certified = find(&s, "certified");
        assert_eq!(s.pos(certified), UPOS::VERB, "{}", dump(&s));
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(clause.verb, certified, "{}", dump(&s));
        assert_eq!(word(&s, clause.subject.as_ref().map(|p| p.head)), "we");
    }

    #[test]
    fn a_number_counts_the_head_of_a_hyphenated_compound() {
        let text = "We closed nine co-sell deals.";
        let t = tagged(text);
        let s = view(&t, text);
        let m = s
            .measure(find(&s, "nine"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, m.head), "deals", "{}", dump(&s));
    }

    #[test]
    fn a_phrase_runs_through_a_hyphenated_compound_and_stops_at_a_determiner() {
        for (text, inside, head) in [
            // The compound is one modifier of `partners`, not a phrase headed by `merchant`.
            (
                "I look after around 30 merchant-acquisition partners in East Java.",
                "merchant",
                "partners",
            ),
            // `that year` is the next phrase, not part of the object.
            (
                "I carried a $3M partner-sourced quota that year.",
                "partner",
                "quota",
            ),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let phrase = s
                .phrase_at(find(&s, inside))
                .unwrap_or_else(|| panic!("{}", dump(&s)));
            assert_eq!(word(&s, Some(phrase.head)), head, "{}", dump(&s));
        }
    }

    #[test]
    fn subject_copula_and_predicate() {
        let text = "I was the first partnerships hire.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        let subject = clause.subject.clone().unwrap();
        assert_eq!(word(&s, Some(subject.head)), "I", "{}", dump(&s));
        assert!(clause.copula, "{}", dump(&s));
        assert_eq!(word(&s, Some(clause.verb)), "was");
        let predicate = clause
            .object
            .clone()
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, Some(predicate.head)), "hire", "{}", dump(&s));
        assert_eq!(predicate.possessor, None);
    }

    #[test]
    fn possessor_of_a_phrase_anywhere() {
        let text = "I met their alliance manager at the summit.";
        let t = tagged(text);
        let s = view(&t, text);
        let phrase = s
            .phrase_at(find(&s, "manager"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, phrase.possessor), "their", "{}", dump(&s));
        assert_eq!(word(&s, Some(phrase.head)), "manager", "{}", dump(&s));
        // The subject of that sentence is the writer, who owns nothing here.
        let clause = s.main_clause().unwrap();
        assert_eq!(word(&s, clause.subject.as_ref().map(|p| p.head)), "I");
        assert_eq!(clause.subject.as_ref().unwrap().possessor, None);
    }

    #[test]
    fn a_change_from_one_number_to_another() {
        let text = "I grew pipeline from $2M to $5M in a year.";
        let t = tagged(text);
        let s = view(&t, text);
        let two = find(&s, "2M");
        let five = find(&s, "5M");
        let m = s.measure(two).unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, m.verb), "grew", "{}", dump(&s));
        assert_eq!(m.from_to, Some((two, five)));
        assert_eq!(s.measure(five).unwrap().from_to, Some((two, five)));
        let clause = s.main_clause().unwrap();
        assert_eq!(word(&s, clause.object.as_ref().map(|p| p.head)), "pipeline");
    }

    #[test]
    fn the_noun_a_count_counts() {
        let text = "We signed eight reseller agreements.";
        let t = tagged(text);
        let s = view(&t, text);
        let m = s
            .measure(find(&s, "eight"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, m.head), "agreements", "{}", dump(&s));
        assert_eq!(word(&s, m.verb), "signed", "{}", dump(&s));
        assert_eq!(m.from_to, None);

        let text = "I held 40 webinars last year.";
        let t = tagged(text);
        let s = view(&t, text);
        let m = s
            .measure(find(&s, "40"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, m.head), "webinars", "{}", dump(&s));
        assert_eq!(word(&s, m.verb), "held", "{}", dump(&s));
    }

    #[test]
    fn a_percentage_of_a_group_measures_the_group() {
        let text = "92% of reps completed training.";
        let t = tagged(text);
        let s = view(&t, text);
        let m = s
            .measure(find(&s, "92"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word(&s, m.head), "reps", "{}", dump(&s));
        assert_eq!(word(&s, m.verb), "completed", "{}", dump(&s));

        // A bare amount measures no noun.
        let text = "Revenue grew 35% in a year.";
        let t = tagged(text);
        let s = view(&t, text);
        let m = s
            .measure(find(&s, "35"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(m.head, None, "{}", dump(&s));
        assert_eq!(word(&s, m.verb), "grew", "{}", dump(&s));
        // Words that are not numbers measure nothing.
        assert_eq!(s.measure(find(&s, "Revenue")), None);
    }

    #[test]
    fn subject_negated_verb_and_object() {
        let text = "Clinic managers did not want a second login.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        let subject = clause
            .subject
            .clone()
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(s.text(subject.tokens.start), "Clinic", "{}", dump(&s));
        assert_eq!(word(&s, Some(subject.head)), "managers", "{}", dump(&s));
        assert_eq!(word(&s, Some(clause.verb)), "want", "{}", dump(&s));
        assert!(clause.negated);
        assert_eq!(word(&s, clause.object.as_ref().map(|p| p.head)), "login");
    }

    #[test]
    fn a_need_as_an_infinitive() {
        let text = "Fleet operators had to close their books by day three.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(
            word(&s, clause.subject.as_ref().map(|p| p.head)),
            "operators",
            "{}",
            dump(&s)
        );
        assert_eq!(word(&s, Some(clause.verb)), "had", "{}", dump(&s));
        assert_eq!(word(&s, clause.infinitive), "close", "{}", dump(&s));
        let object = clause.object.clone().unwrap();
        assert_eq!(word(&s, Some(object.head)), "books");
        assert_eq!(word(&s, object.possessor), "their");
        assert!(!clause.negated);
    }

    #[test]
    fn a_relative_where_opens_its_own_clause() {
        let text = "We visited four trade fairs where I met the regional buyers.";
        let t = tagged(text);
        let s = view(&t, text);
        let clauses = s.clauses();
        assert_eq!(clauses.len(), 2, "{}: {clauses:?}", dump(&s));
        assert!(clauses[1].subordinate);
        assert_eq!(word(&s, Some(clauses[1].verb)), "met");
        assert_eq!(word(&s, clauses[1].subject.as_ref().map(|p| p.head)), "I");
    }

    #[test]
    fn a_relative_whose_opens_its_own_clause_with_its_possessed_subject() {
        let text = "We look for a client whose HR team is drowning in paperwork.";
        let t = tagged(text);
        let s = view(&t, text);
        let clauses = s.clauses();
        assert_eq!(clauses.len(), 2, "{}: {clauses:?}", dump(&s));
        assert!(clauses[1].subordinate);
        assert_eq!(word(&s, Some(clauses[1].verb)), "drowning");
        let subject = clauses[1].subject.as_ref().unwrap();
        assert_eq!(word(&s, Some(subject.head)), "team");
        assert_eq!(word(&s, subject.possessor), "whose");
    }

    #[test]
    fn the_main_verb_after_a_relative_clause_or_participle_in_the_subject_has_that_subject() {
        for (text, verb, head) in [
            (
                "Homeowners who add a battery want to know it will pay back.",
                "want",
                "Homeowners",
            ),
            (
                "Partners who signed up never showed up.",
                "showed",
                "Partners",
            ),
            // A participle with no relative pronoun: a reduced relative clause.
            (
                "Agronomists using our product needed field-level imagery within a day.",
                "needed",
                "Agronomists",
            ),
            (
                "Clinic managers running two systems wanted one login.",
                "wanted",
                "managers",
            ),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let main = s.clauses().iter().find(|c| word(&s, Some(c.verb)) == verb);
            let main = main.unwrap_or_else(|| panic!("{}", dump(&s)));
            assert!(!main.subordinate);
            let subject = main.subject.as_ref().map(|p| p.head);
            assert_eq!(word(&s, subject), head, "{}", dump(&s));
        }
        // After a clause, a later verb is the relative clause's own complement.
        let text = "I met a partner who said the clinics wanted more.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.clauses().len(), 2, "{}", dump(&s));
    }

    #[test]
    fn an_opening_infinitive_of_purpose_gives_way_to_the_main_clause() {
        for (text, subject, verb) in [
            ("To get there we mapped 300 accounts.", "we", "mapped"),
            (
                "To remain in the Silver tier a partner must register two deals per quarter.",
                "partner",
                "register",
            ),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let main = s.clauses().iter().find(|c| word(&s, Some(c.verb)) == verb);
            let main = main.unwrap_or_else(|| panic!("{}", dump(&s)));
            assert_eq!(
                word(&s, main.subject.as_ref().map(|p| p.head)),
                subject,
                "{}",
                dump(&s)
            );
        }
        // Its own object is not the main clause's subject: `deals` before `need`.
        let text = "To win deals partners need a reason.";
        let t = tagged(text);
        let s = view(&t, text);
        let main = s
            .clauses()
            .iter()
            .find(|c| word(&s, Some(c.verb)) == "need");
        assert!(main.is_none_or(|c| word(&s, c.subject.as_ref().map(|p| p.head)) != "deals"));
    }

    #[test]
    fn an_intensive_reflexive_heads_neither_the_subject_nor_the_object() {
        // (sentence, whether the word is the first clause's subject or its object, its head)
        for (text, subject, head) in [
            (
                "The municipalities themselves cared only about closing cases.",
                true,
                "municipalities",
            ),
            ("They themselves never asked.", true, "They"),
            ("I ran partnerships myself.", false, "partnerships"),
            ("We built the integration ourselves.", false, "integration"),
            ("I did it myself.", false, "it"),
        ] {
            let t = tagged(text);
            let s = view(&t, text);
            let first = &s.clauses()[0];
            let phrase = if subject {
                &first.subject
            } else {
                &first.object
            };
            assert_eq!(
                word(&s, phrase.as_ref().map(|p| p.head)),
                head,
                "{}",
                dump(&s)
            );
        }
    }

    #[test]
    fn subordinate_clauses_and_shared_subjects() {
        let text = "When I inherited the channel, I rebuilt the program and grew revenue.";
        let t = tagged(text);
        let s = view(&t, text);
        let clauses = s.clauses();
        assert_eq!(clauses.len(), 3, "{}: {clauses:?}", dump(&s));
        assert!(clauses[0].subordinate);
        assert_eq!(word(&s, Some(clauses[0].verb)), "inherited");
        let main = s.main_clause().unwrap();
        assert_eq!(word(&s, Some(main.verb)), "rebuilt");
        assert_eq!(word(&s, main.subject.as_ref().map(|p| p.head)), "I");
        // `and grew revenue` shares the subject of `I rebuilt`.
        assert_eq!(word(&s, Some(clauses[2].verb)), "grew", "{}", dump(&s));
        assert_eq!(word(&s, clauses[2].subject.as_ref().map(|p| p.head)), "I");
    }

    #[test]
    fn a_question_answered_by_the_next_sentence() {
        let (q, a, b) = (
            "Why did it stall?",
            "Because nobody owned it.",
            "Who owned it?",
        );
        let (tq, ta, tb) = (tagged(q), tagged(a), tagged(b));
        let (q, a, b) = (view(&tq, q), view(&ta, a), view(&tb, b));
        assert!(q.is_question());
        assert!(!a.is_question());
        assert_eq!(a.answers(&q), Some(Answer::Because));
        assert_eq!(b.answers(&q), None);
        assert_eq!(q.answers(&a), None);
        let text = "It stalled at security review.";
        let t = tagged(text);
        assert_eq!(view(&t, text).answers(&q), Some(Answer::Statement));
    }

    #[test]
    fn tokens_map_to_the_drafts_words_and_bytes() {
        let text = "We didn’t sign 3 deals, sadly.";
        let t = tagged(text);
        let s = SentenceSyntax {
            tagged: &t,
            text,
            offset: 100,
            first_word: 10,
        };
        let sign = find(&s, "sign");
        assert_eq!(s.token(sign), Some(12));
        assert_eq!(s.of_token(12), Some(sign));
        assert_eq!(s.of_token(9), None);
        let comma = find(&s, ",");
        assert_eq!(s.token(comma), None);
        let at = text.find("sign").unwrap_or_default();
        assert_eq!(s.span(sign..sign + 1), 100 + at..100 + at + 4);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert!(clause.negated, "{}", dump(&s));
        assert!(!s.chunks().is_empty());
    }

    #[test]
    fn words_after_punctuation_map_back_and_compounds_count_their_last_noun() {
        let text = "We hosted (about 300 people, mostly buyers) 70+ deal-conflict calls.";
        let t = tagged(text);
        let s = SentenceSyntax {
            tagged: &t,
            text,
            offset: 0,
            first_word: 0,
        };
        // Punctuation between words does not hide a later word's token.
        let calls = find(&s, "calls");
        let word = s.token(calls).unwrap_or_default();
        assert_eq!(s.of_token(word), Some(calls));
        // `70+` is one number and `deal-conflict` modifies `calls`.
        let m = s
            .measure(find(&s, "70"))
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(word_at(&s, m.head), "calls", "{}", dump(&s));
        // `60-person` sizes a company; it counts no compound after it.
        let text = "I joined a 60-person startup.";
        let t = tagged(text);
        let s = view(&t, text);
        let m = s.measure(find(&s, "60"));
        assert_ne!(
            word_at(&s, m.and_then(|m| m.head)),
            "startup",
            "{}",
            dump(&s)
        );
    }

    fn word_at(s: &SentenceSyntax<'_>, i: Option<usize>) -> String {
        word(s, i)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Tagging a sentence from the words the draft's scan found (with the space around the
        /// sentence) gives what tagging it from scratch does, as `Ctx::syntax` relies on.
        #[test]
        fn the_scans_words_tag_as_segmenting_again_does(
            sentence in "[ \t\n\u{a0}\u{2028}a-zA-Z0-9'’.,:\u{301}\u{93e}\u{200d}\u{200b}\u{1f600}\u{1f1fa}\u{1f1f8}é東-]{0,24}"
        ) {
            let mut scan = crate::tokens::SentenceScan::default();
            scan.fill(&crate::tokens::stemmer(), &sentence);
            let (from, to) = (scan.trimmed.start as usize, scan.trimmed.end as usize);
            let text = &sentence[from..to];
            let inside = scan.words.first().is_none_or(|w| w.range.start as usize >= from)
                && scan.words.last().is_none_or(|w| w.range.end as usize <= to);
            // `Ctx::syntax` segments again a sentence opening on a non-ASCII character.
            if text.as_bytes().first().is_some_and(u8::is_ascii) {
                proptest::prop_assert!(inside, "{sentence:?}");
                let words = scan.words.iter().map(|w| {
                    let range = w.range.start as usize - from..w.range.end as usize - from;
                    (range.start, &text[range])
                });
                proptest::prop_assert_eq!(Tagged::of_words(text, words), Tagged::new(text));
            }
        }
    }

    #[test]
    fn a_questions_subject_after_do_stays_a_noun() {
        let text = "What did buyers say about the bundle?";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "buyers")), UPOS::NOUN, "{}", dump(&s));
        assert_eq!(s.pos(find(&s, "say")), UPOS::VERB, "{}", dump(&s));
        // Without a verb after it, the word after `do` is still the verb (`didn't sign deals`).
        let text = "We didn't sign deals that quarter.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "sign")), UPOS::VERB, "{}", dump(&s));
        // Nor an adjective before a determiner (`would own the partnership`).
        let text = "I will assume that I would own the partnership as alliance lead.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "own")), UPOS::VERB, "{}", dump(&s));
        let clause = s.clause_of(find(&s, "own")).expect("a clause");
        assert_eq!(clause.verb, find(&s, "own"), "{}", dump(&s));
    }

    #[test]
    fn sentences_without_words_have_no_structure() {
        let t = tagged("— … ");
        assert!(t.clauses.is_empty());
        assert!(Tagged::new("").words.is_empty());
    }

    #[test]
    fn a_noun_verb_homograph_before_a_finite_verb_is_a_noun() {
        let text = "Their channel lead never returned the call.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        let subject = clause
            .subject
            .as_ref()
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(s.text(subject.head), "lead", "{}", dump(&s));
        assert_eq!(s.text(clause.verb), "returned", "{}", dump(&s));
        // A plural before a base-form or past verb is the subject's noun: `security leads buy`.
        let text = "Security leads buy what passes an audit.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "leads")), UPOS::NOUN, "{}", dump(&s));
        // A catenative verb keeps its reading.
        let text = "The partners kept asking for discounts.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "kept")), UPOS::VERB, "{}", dump(&s));
        // A base form after a singular noun, before an irregular past: `lead told`.
        let text = "The clinic's office lead told me the truth.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(s.text(clause.verb), "told", "{}", dump(&s));
        // After a plural a base form agrees: `partners lead workshops` keeps its verb.
        let text = "Our partners lead the workshops.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "lead")), UPOS::VERB, "{}", dump(&s));
    }

    #[test]
    fn cannot_is_a_negated_modal() {
        let text = "Small clinics cannot run a night shift.";
        let t = tagged(text);
        let s = view(&t, text);
        let clause = s.main_clause().unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(s.pos(find(&s, "cannot")), UPOS::AUX, "{}", dump(&s));
        assert!(clause.negated, "{}", dump(&s));
        assert_eq!(s.text(clause.verb), "run", "{}", dump(&s));
        let subject = clause
            .subject
            .as_ref()
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(s.text(subject.head), "clinics", "{}", dump(&s));
    }

    #[test]
    fn an_ing_word_before_a_subject_noun_modifies_it() {
        let text = "Deals stalled because purchasing managers did not trust us.";
        let t = tagged(text);
        let s = view(&t, text);
        assert_eq!(s.pos(find(&s, "purchasing")), UPOS::NOUN, "{}", dump(&s));
        let clause = s
            .clauses()
            .iter()
            .find(|c| s.text(c.verb) == "trust")
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        let subject = clause
            .subject
            .as_ref()
            .unwrap_or_else(|| panic!("{}", dump(&s)));
        assert_eq!(s.text(subject.head), "managers", "{}", dump(&s));
    }
}
