//! Words and sentences of the prose, with normalised and stemmed forms for matching.
//!
//! Words are Unicode's (UAX #29 word boundaries, via unicode-segmentation), found on the prose
//! mask so that every range is a range of the draft. Sentences end at terminal punctuation
//! followed by space and a word that is not lower case, or at a block end: UAX #29 sentence
//! boundaries say the same for prose like ours and cost a quarter of the whole analysis. Each word's stem is appended to one *stem stream*
//! (` stem stem stem \n stem ...`), in which lexicon phrases are found with a single Aho-Corasick
//! pass; `\n` ends a sentence so that no phrase spans two.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::Class;
use crate::numbers::Quantity;
use crate::syntax::SyntaxCell;

/// A word of the prose, in 24 bytes: a long draft's token array is read by every rule's pass,
/// and at 56 bytes a word (`Range<usize>` fields) those passes spent their time on cache misses.
///
/// Offsets are 32-bit: [`Tokens::push`] takes no sentence that would put any of them (in the
/// draft, [`Tokens::lower`] or [`Tokens::stream`]) at or past [`OFFSET_LIMIT`]. The lower-cased
/// word and the stem keep 16-bit lengths; a longer one (a word of 64 KiB) is marked [`LONG`]
/// and ends where the next token's starts (see [`Tokens::lower_range`], [`Tokens::stem_range`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the draft.
    start: u32,
    end: u32,
    /// Start of the lower-cased word in [`Tokens::lower`].
    lower: u32,
    /// Start of the stem in [`Tokens::stream`].
    stem: u32,
    /// Index of the sentence it belongs to.
    sentence: u32,
    /// Length of the lower-cased word, or [`LONG`].
    lower_len: u16,
    /// Length of the stem, or [`LONG`].
    stem_len: u16,
}

const _: () = assert!(std::mem::size_of::<Token>() == 24);

/// Every offset a [`Token`] holds is below it (`u32::MAX` itself marks an offset of a
/// [`SentenceScan`] that saturated). A draft whose prose runs past it (4 GiB of text, or of
/// lower-cased words or stems) is analysed up to the last sentence that fits: the sentences
/// after it are left out, as if they were not prose. Nothing the server or the CLI accepts
/// comes near it (both analyse drafts of 8 MiB at most).
pub(crate) const OFFSET_LIMIT: usize = u32::MAX as usize;

/// A [`Token`] length that does not fit in 16 bits: the range ends where the next token's
/// starts.
const LONG: u16 = u16::MAX;

impl Token {
    /// Byte range in the draft.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Where it starts in the draft.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where it ends in the draft.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Index of the sentence it belongs to.
    #[inline]
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// Whether a sentence's scan appended at byte `offset` of the draft, to lower-cased words of
/// `lower` bytes and a stem stream of `stream` bytes, keeps every offset below
/// [`OFFSET_LIMIT`]. Offsets in the scan saturate at `u32::MAX` (see [`SentenceScan::fill`]), so
/// a saturated one never fits.
fn fits(offset: usize, lower: usize, stream: usize, scan: &SentenceScan) -> bool {
    let within =
        |base: usize, len: usize| base.checked_add(len).is_some_and(|end| end < OFFSET_LIMIT);
    within(offset, scan.trimmed.end as usize)
        && within(lower, scan.lower.len())
        // The stems and the `\n ` after them.
        && within(stream, scan.stems.len() + 2)
}

/// A length as a [`Token`] keeps it: [`LONG`] from 16 bits' largest value on.
fn short(len: u32) -> u16 {
    len.min(u32::from(LONG)) as u16
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
    /// First-person pronouns: index and person, in order.
    pub pronouns: Vec<(usize, Person)>,
    /// Tokens that continue the word before them across a lone hyphen (`co-sell`), in order.
    pub joined: Vec<usize>,
}

/// Who a first-person pronoun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Person {
    /// I, me, my.
    I,
    /// We, us, our.
    We,
}

impl Person {
    /// The person of a lower-cased word, when it is a first-person pronoun.
    pub fn of(lower: &str) -> Option<Person> {
        const WE: &[&str] = &[
            "we",
            "we're",
            "we've",
            "we'd",
            "we'll",
            "us",
            "our",
            "ours",
            "ourselves",
        ];
        const I: &[&str] = &[
            "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself",
        ];
        // Most words are ruled out before comparing strings.
        if lower.len() > 9
            || !matches!(
                lower.as_bytes().first(),
                Some(b'w' | b'u' | b'o' | b'i' | b'm')
            )
        {
            return None;
        }
        if WE.contains(&lower) {
            Some(Person::We)
        } else if I.contains(&lower) {
            Some(Person::I)
        } else {
            None
        }
    }
}

impl Tokens {
    /// Segments the prose mask (no lexicon: hits are found by [`crate::memo::scan_prose`]).
    #[cfg(test)]
    pub fn new(mask: &str) -> Tokens {
        crate::memo::scan_prose(mask, None, None).tokens
    }

    /// An empty segmentation sized for a mask of `len` bytes.
    pub(crate) fn with_capacity(len: usize) -> Tokens {
        let mut out = Tokens {
            tokens: Vec::with_capacity(len / 6),
            sentences: Vec::with_capacity(len / 80),
            lower: String::with_capacity(len),
            stream: String::with_capacity(len + 2),
            pronouns: Vec::new(),
            joined: Vec::new(),
        };
        out.stream.push(' ');
        out
    }

    /// Empties it, keeping its buffers.
    pub(crate) fn clear(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
        self.lower.clear();
        self.stream.clear();
        self.stream.push(' ');
        self.pronouns.clear();
        self.joined.clear();
    }

    /// Appends a sentence scanned at byte `offset` of the draft; returns the index of its first
    /// token. Sentences without words are skipped. Returns `None`, appending nothing, when the
    /// sentence's offsets would not fit in a [`Token`] (at or past [`OFFSET_LIMIT`]).
    pub(crate) fn push(&mut self, offset: usize, scan: &SentenceScan) -> Option<usize> {
        let first = self.tokens.len();
        if scan.words.is_empty() {
            return Some(first);
        }
        // The scan's stems start with the space the stream already ends with.
        let stem_base = self.stream.len() - 1;
        if !fits(offset, self.lower.len(), stem_base, scan) {
            return None;
        }
        // All below `OFFSET_LIMIT`, so none of these casts truncates.
        let index = self.sentences.len() as u32;
        let lower_base = self.lower.len() as u32;
        let base = offset as u32;
        self.lower.push_str(&scan.lower);
        self.stream.push_str(&scan.stems[1..]);
        self.stream.push_str("\n ");
        self.tokens.extend(scan.words.iter().map(|w| Token {
            start: base + w.range.start,
            end: base + w.range.end,
            lower: lower_base + w.lower.start,
            stem: stem_base as u32 + w.stem.start,
            sentence: index,
            lower_len: short(w.lower.end - w.lower.start),
            stem_len: short(w.stem.end - w.stem.start),
        }));
        self.pronouns
            .extend(scan.pronouns.iter().map(|&(k, p)| (first + k as usize, p)));
        self.joined
            .extend(scan.joined.iter().map(|&k| first + k as usize));
        self.sentences.push(Sentence {
            range: offset + scan.trimmed.start as usize..offset + scan.trimmed.end as usize,
            tokens: first..self.tokens.len(),
        });
        Some(first)
    }

    /// Range of token `i`'s lower-cased word in [`Tokens::lower`] (`0..0` past the last).
    #[inline]
    pub fn lower_range(&self, i: usize) -> Range<usize> {
        // Lower-cased words are back to back.
        self.field(
            i,
            |t| (t.lower, t.lower_len),
            |_, n| n.lower,
            self.lower.len(),
        )
    }

    /// Range of token `i`'s stem in [`Tokens::stream`] (`0..0` past the last).
    #[inline]
    pub fn stem_range(&self, i: usize) -> Range<usize> {
        // A space follows each stem, and ` \n ` the last of a sentence (see `push`).
        self.field(
            i,
            |t| (t.stem, t.stem_len),
            |t, n| n.stem - if n.sentence == t.sentence { 1 } else { 3 },
            self.stream.len().saturating_sub(3),
        )
    }

    /// Range of token `i`'s field that `of` gives as a start and a length: a [`LONG`] one ends
    /// where `next` says from the following token, or at `last` after the last token.
    #[inline]
    fn field(
        &self,
        i: usize,
        of: impl Fn(&Token) -> (u32, u16),
        next: impl FnOnce(&Token, &Token) -> u32,
        last: usize,
    ) -> Range<usize> {
        let Some(t) = self.tokens.get(i) else {
            return 0..0;
        };
        let (start, len) = of(t);
        let start = start as usize;
        if len != LONG {
            return start..start + usize::from(len);
        }
        start..self.tokens.get(i + 1).map_or(last, |n| next(t, n) as usize)
    }

    /// The lower-cased text of token `i`.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[self.lower_range(i)]
    }

    /// The stem of token `i`.
    #[inline]
    pub fn stem(&self, i: usize) -> &str {
        &self.stream[self.stem_range(i)]
    }

    /// The first token that starts at or after byte `offset` of the draft.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        // Through the sentences: their array is a fraction of the tokens' size and stays in
        // cache, where a search over every token misses it at each step of a long draft.
        let s = self.sentences.partition_point(|s| s.range.end <= offset);
        self.first_token_from(s, offset)
    }

    /// [`Tokens::token_at_or_after`] for offsets in order: `sentence` is where the previous
    /// offset's search ended, and the search walks on from there (it starts over for an
    /// offset before that sentence).
    pub fn token_at_or_after_from(&self, sentence: &mut usize, offset: usize) -> usize {
        let before = |s: &Sentence| s.range.end <= offset;
        if (*sentence)
            .checked_sub(1)
            .and_then(|p| self.sentences.get(p))
            .is_some_and(|p| !before(p))
        {
            *sentence = self.sentences.partition_point(before);
        }
        while self.sentences.get(*sentence).is_some_and(before) {
            *sentence += 1;
        }
        self.first_token_from(*sentence, offset)
    }

    /// The first token at or after `offset` in sentence `s`, the first that ends after it.
    fn first_token_from(&self, s: usize, offset: usize) -> usize {
        let Some(sentence) = self.sentences.get(s) else {
            return self.tokens.len();
        };
        let within = &self.tokens[sentence.tokens.clone()];
        sentence.tokens.start + within.partition_point(|t| t.start() < offset)
    }

    /// Byte range of tokens `range` (from the first's start to the last's end).
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        match (
            self.tokens.get(range.start),
            self.tokens.get(range.end.wrapping_sub(1)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => a.start()..b.end(),
            (Some(a), _) => a.range(),
            _ => 0..0,
        }
    }
}

/// A word of a [`SentenceScan`], with ranges relative to the sentence and the scan's strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScanWord {
    /// Byte range in the sentence.
    pub range: Range<u32>,
    /// Range in [`SentenceScan::lower`].
    pub lower: Range<u32>,
    /// Range in [`SentenceScan::stems`].
    pub stem: Range<u32>,
}

/// A lexicon match in a sentence: a class and a range of the sentence's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ScanHit {
    /// First word.
    pub start: u32,
    /// One past the last word.
    pub end: u32,
    /// What was found.
    pub class: Class,
}

/// One sentence of the prose mask, segmented and matched on its own with offsets relative to
/// the sentence. It depends on the sentence's text and the lexicon alone, which is what lets a
/// [`crate::Memo`] keep it from one analysis of a document to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SentenceScan {
    /// The words.
    pub words: Vec<ScanWord>,
    /// Lower-cased words, back to back.
    pub lower: String,
    /// ` stem stem `: each stem followed by a space, after a leading one.
    pub stems: String,
    /// The sentence without its surrounding whitespace.
    pub trimmed: Range<u32>,
    /// First-person pronouns.
    pub pronouns: Vec<(u32, Person)>,
    /// Words that continue the word before them across a lone hyphen (`co-sell`, `12-month`):
    /// a word processor counts the two as one word.
    pub joined: Vec<u32>,
    /// Numbers and metric words, classified within the sentence.
    pub quantities: Vec<Quantity>,
    /// Lexicon matches, sorted.
    pub hits: Vec<ScanHit>,
    /// Its clause structure, tagged when a rule first asks for it and kept with the scan.
    pub syntax: SyntaxCell,
}

impl SentenceScan {
    /// Segments `sentence` into this scan, reusing its buffers (no lexicon hits yet).
    pub fn fill(&mut self, stemmer: &Stemmer, sentence: &str) {
        self.words.clear();
        self.lower.clear();
        self.stems.clear();
        self.hits.clear();
        self.pronouns.clear();
        self.joined.clear();
        self.quantities.clear();
        // A fresh cell: the old one may be shared with a memo's copy of another sentence.
        self.syntax = SyntaxCell::default();
        self.stems.push(' ');
        // Sentences are short; an offset past 4 GiB (a block with no terminal punctuation)
        // saturates, and `Tokens::push` refuses the scan (see `OFFSET_LIMIT`).
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for (start, word) in word_indices(sentence) {
            let lower_start = self.lower.len();
            normalise(word, &mut self.lower);
            if let Some(person) = Person::of(&self.lower[lower_start..]) {
                self.pronouns.push((at(self.words.len()), person));
            }
            let stem_start = self.stems.len();
            stem_into(stemmer, &self.lower[lower_start..], &mut self.stems);
            let stem_end = self.stems.len();
            self.stems.push(' ');
            if let Some(before) = self.words.last()
                && before.range.end as usize + 1 == start
                && sentence.as_bytes()[start - 1] == b'-'
            {
                self.joined.push(at(self.words.len()));
            }
            self.words.push(ScanWord {
                range: at(start)..at(start + word.len()),
                lower: at(lower_start)..at(self.lower.len()),
                stem: at(stem_start)..at(stem_end),
            });
        }
        let lead = sentence.len() - sentence.trim_start().len();
        self.trimmed = at(lead)..at(sentence.trim_end().len().max(lead));
    }

    /// The lower-cased text of word `i`.
    pub fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| {
            &self.lower[w.lower.start as usize..w.lower.end as usize]
        })
    }

    /// The word whose stem starts at or after offset `at` of [`SentenceScan::stems`].
    pub fn word_at_stem(&self, at: usize) -> usize {
        self.words.partition_point(|w| (w.stem.start as usize) < at)
    }
}

/// The Unicode words of `s` with their byte offsets: exactly what `unicode_word_indices` gives
/// (UAX #29), faster on text that is mostly ASCII with a few other characters (`café`, `—`,
/// `“…”`).
///
/// unicode-segmentation takes its fast ASCII path only when the whole string is ASCII, so one
/// accented word sends a whole sentence through its general path, several times slower per
/// byte. UAX #29 always breaks between an ASCII character other than a space and a space after
/// it (no rule joins them), and nothing after that point depends on what came before it (the
/// rules that look back see the space). So the text is cut at such points into stretches that
/// are all ASCII, segmented by the fast path, and the stretches holding other characters,
/// segmented by the general path; the tests compare the two on random text.
pub(crate) fn word_indices(s: &str) -> WordIndices<'_> {
    WordIndices {
        text: s,
        at: 0,
        inner: Stretch::Ascii { at: 0, end: 0 },
    }
}

/// The iterator of [`word_indices`].
pub(crate) struct WordIndices<'a> {
    text: &'a str,
    /// Where the stretch after the current one starts.
    at: usize,
    /// The current stretch.
    inner: Stretch<'a>,
}

/// A stretch of [`WordIndices`], and how far its words have been read.
enum Stretch<'a> {
    /// All ASCII: bytes `at..end` of the text are left.
    Ascii { at: usize, end: usize },
    /// With other characters: its words by unicode-segmentation, and its offset.
    Unicode(usize, unicode_segmentation::UnicodeWordIndices<'a>),
}

/// The ASCII bytes that words are made of: letters, digits and `_`.
static CORE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 128 {
        table[i] = (i as u8).is_ascii_alphanumeric() || i as u8 == b'_';
        i += 1;
    }
    table
};

impl<'a> WordIndices<'a> {
    /// The end of the stretch that starts at `from` (`from < len`), and whether it is all
    /// ASCII.
    fn stretch_end(&self, from: usize) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let Some(n) = bytes[from..].iter().position(|b| !b.is_ascii()) else {
            return (bytes.len(), true);
        };
        let n = from + n;
        // All ASCII up to the cut before the space run that comes last before `n`.
        if let Some(space) = bytes[from..n].iter().rposition(|&b| b == b' ') {
            let mut run = from + space;
            while run > from && bytes[run - 1] == b' ' {
                run -= 1;
            }
            if run > from {
                return (run, true);
            }
        }
        // A stretch with other characters, up to the next cut after them.
        let mut j = n;
        while let Some(k) = bytes[j..].iter().position(|&b| b == b' ') {
            let k = j + k;
            if bytes[k - 1].is_ascii() && bytes[k - 1] != b' ' {
                return (k, false);
            }
            j = k + 1;
        }
        (bytes.len(), false)
    }

    /// The next word of the ASCII bytes `*at..end`, as unicode-segmentation's ASCII path finds
    /// them: a word is a run of letters, digits and `_`, joined across `.`, `'` or `:` between
    /// letters and across `.`, `,`, `;` or `'` between digits, that holds a letter or digit.
    /// Every other segment (spaces, a line break, any other byte) holds none, so it is skipped
    /// byte by byte.
    fn next_ascii(&self, at: &mut usize, end: usize) -> Option<(usize, &'a str)> {
        let text: &'a str = self.text;
        let bytes = &text.as_bytes()[..end];
        while *at < end {
            if !CORE[usize::from(bytes[*at])] {
                *at += 1;
                continue;
            }
            let start = *at;
            let mut i = start + 1;
            while i < end {
                let b = bytes[i];
                let joins = CORE[usize::from(b)]
                    || (i + 1 < end && {
                        let (prev, next) = (bytes[i - 1], bytes[i + 1]);
                        match b {
                            b'.' | b',' | b';' | b'\''
                                if prev.is_ascii_digit() && next.is_ascii_digit() =>
                            {
                                true
                            }
                            b'\'' | b'.' | b':'
                                if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() =>
                            {
                                true
                            }
                            _ => false,
                        }
                    });
                if !joins {
                    break;
                }
                i += 1;
            }
            *at = i;
            let word = &bytes[start..i];
            if word.iter().any(u8::is_ascii_alphanumeric) {
                return Some((start, &text[start..i]));
            }
        }
        None
    }
}

impl<'a> Iterator for WordIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            match &mut self.inner {
                Stretch::Ascii { at, end } => {
                    let (mut from, end) = (*at, *end);
                    let found = self.next_ascii(&mut from, end);
                    if let Stretch::Ascii { at, .. } = &mut self.inner {
                        *at = from;
                    }
                    if found.is_some() {
                        return found;
                    }
                }
                Stretch::Unicode(base, words) => {
                    if let Some((i, word)) = words.next() {
                        return Some((*base + i, word));
                    }
                }
            }
            if self.at >= self.text.len() {
                return None;
            }
            let from = self.at;
            let (end, ascii) = self.stretch_end(from);
            self.at = end;
            self.inner = if ascii {
                Stretch::Ascii { at: from, end }
            } else {
                Stretch::Unicode(from, self.text[from..end].unicode_word_indices())
            };
        }
    }
}

/// A stemmer for [`SentenceScan::fill`].
pub(crate) fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// Lower-cases `word` into `out`, with typographic apostrophes made plain.
fn normalise(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Copied whole and lower-cased in place: pushing char by char costs several times more.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        for c in word.chars() {
            match c {
                '’' | 'ʼ' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// The bytes that may end a sentence: see [`split_sentences`].
static MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(i as u8, b'\n' | b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF);
        i += 1;
    }
    table
};

/// Sentences of the prose mask: `(offset, text)`, text untrimmed.
pub(crate) fn split_sentences(mask: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = mask.as_bytes();
    let mut start = 0;
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Jump from one possible boundary to the next: a line break, ASCII terminal punctuation,
        // or the first byte of `…`, `。`, `！`, `？` (lead bytes, so always a char boundary).
        while let Some(skip) = bytes[pos..].iter().position(|&b| MAY_END[b as usize]) {
            let at = pos + skip;
            let Some(c) = mask.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            pos = at + c.len_utf8();
            let end = match c {
                '\n' => Some(at),
                '.' | '!' | '?' | '…' => {
                    // Closing punctuation stays with the sentence: `"Done."`, `(really!)`.
                    for next in mask[pos..].chars() {
                        if !matches!(
                            next,
                            '.' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’' | '»'
                        ) {
                            break;
                        }
                        pos += next.len_utf8();
                    }
                    let rest = &mask[pos..];
                    let after = rest.trim_start_matches([' ', '\t', '\r']);
                    let spaced = after.len() < rest.len() || after.starts_with('\n');
                    let lower = after.chars().next().is_some_and(char::is_lowercase);
                    (after.is_empty() || (spaced && !lower)).then_some(pos)
                }
                '。' | '！' | '？' => Some(pos),
                _ => None,
            };
            if let Some(end) = end {
                let from = start;
                start = if c == '\n' { end + 1 } else { end };
                return Some((from, &mask[from..end]));
            }
        }
        pos = bytes.len();
        (start < mask.len()).then(|| {
            let from = start;
            start = mask.len();
            (from, &mask[from..])
        })
    })
}

thread_local! {
    /// Stems of words seen before on this thread: Snowball costs more than a hash lookup.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::default();
}
const STEM_CACHE_LIMIT: usize = 50_000;

/// Stems by word. Words are short and hashed once per word of every scanned sentence: a fast
/// hasher, since no outside party chooses what lands in one thread's cache and its size is capped.
type StemCache = std::collections::HashMap<
    Box<str>,
    Box<str>,
    std::hash::BuildHasherDefault<rustc_hash::FxHasher>,
>;

/// Appends the stem of `lower` to `out`, through the cache.
fn stem_into(stemmer: &Stemmer, lower: &str, out: &mut String) {
    // Snowball English leaves words of two letters alone.
    if lower.len() <= 2 || !lower.is_ascii() {
        out.push_str(&stem(stemmer, lower));
        return;
    }
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(lower) {
            out.push_str(stem);
            return;
        }
        let stem = stem(stemmer, lower);
        out.push_str(&stem);
        if cache.len() >= STEM_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(lower.into(), stem.into());
    });
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
    let stemmer = stemmer();
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
    let stemmer = stemmer();
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
        let words: Vec<&str> = t.tokens.iter().map(|w| &text[w.range()]).collect();
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
    fn token_at_or_after_every_offset() {
        let text = "One two three.  Four five\n\nsix seven eight nine ten. Eleven";
        let t = Tokens::new(text);
        for offset in 0..=text.len() + 1 {
            let expected = t.tokens.iter().position(|w| w.start() >= offset);
            assert_eq!(
                t.token_at_or_after(offset),
                expected.unwrap_or(t.tokens.len()),
                "{offset}"
            );
        }
    }

    #[test]
    fn a_walk_through_offsets_finds_what_a_search_does() {
        let text = "One two three.  Four five\n\nsix seven eight nine ten. Eleven";
        let t = Tokens::new(text);
        // In order, then back and forth: the walk starts over for an earlier offset.
        let offsets: Vec<usize> = (0..=text.len() + 1).chain([40, 3, 60, 0, 17, 17]).collect();
        let mut sentence = 0;
        for offset in offsets {
            assert_eq!(
                t.token_at_or_after_from(&mut sentence, offset),
                t.token_at_or_after(offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn tokens_past_sixteen_bit_lengths_keep_their_lower_and_stem() {
        // A lower-cased word or stem of 64 KiB or more ends where the next token's starts: in
        // the same sentence, in the next, and at the end. `İ` lower-cases to three bytes.
        let dotted = "İ".repeat(40_000);
        let ascii = "Ab".repeat(40_000);
        let exact = "a".repeat(usize::from(LONG));
        let text = format!(
            "{ascii} {dotted}. {dotted} end {exact}. Start {}\n{exact}",
            &exact[1..]
        );
        let t = Tokens::new(&text);
        assert_eq!(t.tokens.len(), 8);
        let long: Vec<_> = t.tokens.iter().map(|t| (t.lower_len, t.stem_len)).collect();
        for i in [0, 1, 2, 4, 7] {
            assert_eq!(long[i], (LONG, LONG), "{i}");
        }
        assert_eq!(long[6], (LONG - 1, LONG - 1));
        let stemmer = stemmer();
        for (i, token) in t.tokens.iter().enumerate() {
            let mut lower = String::new();
            normalise(&text[token.range()], &mut lower);
            let mut stem = String::new();
            stem_into(&stemmer, &lower, &mut stem);
            assert_eq!(t.lower(i), lower, "{i}");
            assert_eq!(t.stem(i), stem, "{i}");
        }
        assert_eq!(t.lower(1).len(), 120_000);
        assert_eq!((t.lower(8), t.stem(8)), ("", ""));
    }

    #[test]
    fn sentences_past_32_bit_offsets_are_refused() {
        let mut scan = SentenceScan::default();
        scan.fill(&stemmer(), "  Partners grew. ");
        let end = scan.trimmed.end as usize;
        let mut t = Tokens::with_capacity(0);
        assert_eq!(t.push(0, &scan), Some(0));
        // The last offset that fits is one below the limit.
        let at = OFFSET_LIMIT - 1 - end;
        assert_eq!(t.push(at, &scan), Some(2));
        assert_eq!(t.span(2..4), at + 2..OFFSET_LIMIT - 2);
        assert_eq!(t.sentences[1].range, at + 2..OFFSET_LIMIT - 1);
        assert_eq!(
            (t.tokens[3].sentence(), t.lower(3), t.stem(3)),
            (1, "grew", "grew")
        );
        let before = t.clone();
        for offset in [at + 1, OFFSET_LIMIT, usize::MAX] {
            assert_eq!(t.push(offset, &scan), None);
        }
        assert_eq!(t.tokens, before.tokens);
        assert_eq!(t.sentences, before.sentences);
        assert_eq!((&t.lower, &t.stream), (&before.lower, &before.stream));
        // The lower-cased words and the stem stream are held to the limit too.
        let (lower, stems) = (scan.lower.len(), scan.stems.len());
        assert!(fits(0, OFFSET_LIMIT - 1 - lower, 0, &scan));
        assert!(!fits(0, OFFSET_LIMIT - lower, 0, &scan));
        assert!(fits(0, 0, OFFSET_LIMIT - 3 - stems, &scan));
        assert!(!fits(0, 0, OFFSET_LIMIT - 2 - stems, &scan));
        // A sentence of 4 GiB, whose scan's offsets saturated, never fits.
        let mut saturated = scan.clone();
        saturated.trimmed.end = u32::MAX;
        assert!(!fits(0, 0, 0, &saturated));
    }

    #[test]
    fn first_person_pronouns() {
        let t = Tokens::new("We shipped it; I led our team and my plan. Wexford, mine.");
        let found: Vec<(&str, Person)> = t.pronouns.iter().map(|&(k, p)| (t.lower(k), p)).collect();
        assert_eq!(
            found,
            [
                ("we", Person::We),
                ("i", Person::I),
                ("our", Person::We),
                ("my", Person::I),
                ("mine", Person::I)
            ]
        );
    }

    #[test]
    fn non_ascii_words_keep_their_ranges() {
        let text = "Équipe ünd 東京 growth";
        let t = Tokens::new(text);
        for token in &t.tokens {
            assert!(text.is_char_boundary(token.start()));
            assert!(text.is_char_boundary(token.end()));
        }
        assert_eq!(t.lower(0), "équipe");
    }

    /// Characters whose word-boundary classes meet around spaces: letters and digits, the
    /// joining punctuation (`'`, `.`, `:`, `,`, `;`, `_`), quotes, marks that attach to the
    /// character before them (combining, format, zero-width joiner), other spaces, Hebrew,
    /// Katakana, ideographs, emoji and regional indicators.
    const WORD_ALPHABET: &[char] = &[
        'a',
        'Z',
        '7',
        '0',
        ' ',
        ' ',
        '\'',
        '.',
        ':',
        ',',
        ';',
        '_',
        '"',
        '-',
        '\t',
        '\n',
        '\r',
        '’',
        '‘',
        'ʼ',
        '“',
        '”',
        '—',
        '…',
        'é',
        'ō',
        '東',
        'ア',
        'ー',
        'א',
        '\u{301}',
        '\u{345}',
        '\u{93e}',
        '\u{200d}',
        '\u{200b}',
        '\u{ad}',
        '\u{a0}',
        '\u{2000}',
        '\u{3000}',
        '🚀',
        '🤝',
        '\u{1f1eb}',
        '\u{1f1f7}',
        '\u{fe0f}',
        '٣',
        '½',
        '%',
        '$',
    ];

    fn same_words(text: &str) {
        let fast: Vec<(usize, &str)> = word_indices(text).collect();
        let reference: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        assert_eq!(fast, reference, "{text:?}");
    }

    #[test]
    fn word_indices_match_unicode_segmentation_on_every_short_text() {
        // Every text of up to three characters, and of four over a smaller alphabet.
        let n = WORD_ALPHABET.len();
        let mut text = String::new();
        for len in 1..=3u32 {
            for mut k in 0..n.pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(WORD_ALPHABET[k % n]);
                    k /= n;
                }
                same_words(&text);
            }
        }
        let small = [
            'a', '1', ' ', '.', '\'', '_', 'é', '\u{301}', '\u{2000}', '\u{200d}',
        ];
        for mut k in 0..small.len().pow(5) {
            text.clear();
            for _ in 0..5 {
                text.push(small[k % small.len()]);
                k /= small.len();
            }
            same_words(&text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn word_indices_match_unicode_segmentation(
            chars in proptest::collection::vec(proptest::sample::select(WORD_ALPHABET), 0..40),
        ) {
            let text: String = chars.into_iter().collect();
            same_words(&text);
        }

        #[test]
        fn word_indices_match_unicode_segmentation_on_any_text(text in "\\PC{0,40}") {
            same_words(&text);
        }
    }

    #[test]
    fn word_indices_match_unicode_segmentation_on_the_fixtures() {
        let root = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/blind/tune"
        );
        let mut seen = 0;
        for entry in std::fs::read_dir(root).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (_, sentence) in split_sentences(&text) {
                    same_words(sentence);
                }
                same_words(&text);
                seen += 1;
            }
        }
        assert!(seen > 0);
    }

    fn sentences(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        t.sentences.iter().map(|s| &text[s.range.clone()]).collect()
    }

    #[test]
    fn sentence_boundaries() {
        assert_eq!(
            sentences("Revenue rose 2.5x (from $1.2M). Then e.g. it held! Did it? \"Yes.\" Next"),
            [
                "Revenue rose 2.5x (from $1.2M).",
                "Then e.g. it held!",
                "Did it?",
                "\"Yes.\"",
                "Next"
            ]
        );
        assert_eq!(
            sentences("One\nTwo...  three. 四。五"),
            ["One", "Two...  three.", "四。", "五"]
        );
        assert_eq!(sentences("Ends with a dot."), ["Ends with a dot."]);
        assert!(sentences("").is_empty());
        assert!(sentences(" . ! \n").is_empty());
    }
}
