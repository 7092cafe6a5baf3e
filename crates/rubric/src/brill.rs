//! harper-brill's part-of-speech tagger and noun-phrase chunker, applied with an index: the same
//! trained models and the same output as `BrillTagger::tag_sentence` and
//! `BrillChunker::chunk_sentence`, in a fraction of the time.
//!
//! A Brill model is a base pass (each word's most frequent tag; each tag's usual noun-phrase
//! membership) followed by an ordered list of patches: "change `from` to `to` at each position
//! where the criteria hold", applied to positions left to right, in place, so a patch's later
//! positions see its earlier changes. harper tries every patch at every token, about 400
//! criteria per token. Most patches name a word that must sit at a given offset, and a sentence
//! holds few of those words. Here the patches are read once from harper's own (serialised)
//! structures and compiled: a patch that names a word runs only at the positions that word's
//! occurrences put it at, and a patch is skipped when its `from` tag (or flag), or a tag its
//! criteria need, occurs nowhere in the sentence. The order of patches and positions and the
//! in-place updates are harper's, so the output is identical; the tests in `brill/tests.rs`
//! compare the two on every fixture sentence and on random ones.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, LazyLock};

use rustc_hash::FxHasher;

use harper_brill::{BrillChunker, BrillTagger, Chunker, FreqDict, Tagger, UPOS};
use serde::Deserialize;

#[cfg(test)]
mod tests;

/// The number of [`UPOS`] values; a tag's index in tables is `tag as usize`.
const TAGS: usize = 16;

/// The tagger and chunker, compiled on first use (from harper's models, loaded then too).
static BRILL: LazyLock<Brill> = LazyLock::new(Brill::load);

/// The tagger and the chunker.
pub(crate) enum Brill {
    /// harper's models, compiled for indexed application.
    Compiled(Box<Model>),
    /// harper's own implementation: the fallback should a later harper-brill serialise its
    /// models in a shape [`Model`] does not know (the tests insist on the compiled form).
    Harper {
        /// harper's tagger.
        tagger: Arc<BrillTagger<FreqDict>>,
        /// harper's chunker.
        chunker: Arc<BrillChunker>,
    },
}

impl Brill {
    /// The shared instance, loaded and compiled on first use.
    pub fn get() -> &'static Brill {
        &BRILL
    }

    /// harper's models, compiled, or harper itself if they cannot be.
    fn load() -> Brill {
        let tagger = harper_brill::brill_tagger();
        let chunker = harper_brill::brill_chunker();
        match Model::compile(&tagger, &chunker) {
            Ok(model) => Brill::Compiled(Box::new(model)),
            Err(_) => Brill::Harper { tagger, chunker },
        }
    }

    /// Prepares `tokens` for [`Brill::tag`] and [`Brill::chunk`]: finds where the patches' words
    /// occur.
    pub fn sentence<'a, S: AsRef<str>>(&self, tokens: &'a [S]) -> Sentence<'a> {
        let tokens: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
        let occurrences = match self {
            Brill::Compiled(model) => Occurrences::find(&model.words, &tokens),
            Brill::Harper { .. } => Occurrences::default(),
        };
        Sentence {
            tokens,
            occurrences,
        }
    }

    /// Tags each token, as `BrillTagger::tag_sentence` does: `None` for a word the dictionary
    /// lacks and no patch tags.
    pub fn tag(&self, sentence: &Sentence<'_>) -> Vec<Option<UPOS>> {
        match self {
            Brill::Compiled(model) => model.tag(sentence),
            Brill::Harper { tagger, .. } => tagger.tag_sentence(&sentence.owned()),
        }
    }

    /// Whether each token is part of a noun phrase, as `BrillChunker::chunk_sentence` does;
    /// `tags` holds one tag per token.
    pub fn chunk(&self, sentence: &Sentence<'_>, tags: &[Option<UPOS>]) -> Vec<bool> {
        match self {
            Brill::Compiled(model) => model.chunk(sentence, tags),
            Brill::Harper { chunker, .. } => chunker.chunk_sentence(&sentence.owned(), tags),
        }
    }
}

/// A sentence's tokens, with the positions of the patches' words among them.
pub(crate) struct Sentence<'a> {
    /// The tokens, as written.
    tokens: Vec<&'a str>,
    /// Where each of the model's words occurs.
    occurrences: Occurrences,
}

impl Sentence<'_> {
    /// The tokens as harper takes them.
    fn owned(&self) -> Vec<String> {
        self.tokens.iter().map(|t| t.to_string()).collect()
    }
}

/// harper's `PatchCriteria`, as it serialises. Unknown variants or fields fail the compilation
/// (and [`Brill`] falls back to harper) rather than be misread.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
enum Criteria {
    WordIsTaggedWith {
        relative: isize,
        is_tagged: UPOS,
    },
    AnyWordIsTaggedWith {
        max_relative: isize,
        is_tagged: UPOS,
    },
    SandwichTaggedWith {
        prev_word_tagged: UPOS,
        post_word_tagged: UPOS,
    },
    WordIs {
        relative: isize,
        word: String,
    },
    NounPhraseAt {
        is_np: bool,
        relative: isize,
    },
    Combined {
        a: Box<Criteria>,
        b: Box<Criteria>,
    },
}

/// harper's `BrillTagger<FreqDict>`, as it serialises.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaggerModel {
    base: FreqDict,
    patches: Vec<TaggerPatch>,
}

/// A tagger patch, as it serialises.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaggerPatch {
    from: UPOS,
    to: UPOS,
    criteria: Criteria,
}

/// harper's `BrillChunker`, as it serialises.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChunkerModel {
    base: ChunkerBase,
    patches: Vec<ChunkerPatch>,
}

/// The chunker's base pass (`UPOSFreqDict`): per tag, how much more often it was in a noun
/// phrase than not.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChunkerBase {
    counts: HashMap<UPOS, isize>,
}

/// A chunker patch, as it serialises: it flips the flag of a token whose flag is `from`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChunkerPatch {
    from: bool,
    criteria: Criteria,
}

/// One condition of a compiled patch; a patch holds when all of its conditions do. Offsets are
/// harper's `relative` values, applied with [`add`] as harper applies them.
#[derive(Debug, Clone, Copy)]
enum Test {
    /// The token at the offset has the tag.
    TagAt { relative: isize, tag: UPOS },
    /// A token has the tag from this one to just before the offset, looking forward, or from the
    /// offset to just before this one, looking back.
    AnyTag { max_relative: isize, tag: UPOS },
    /// The tokens before and after have these tags.
    Sandwich { prev: UPOS, post: UPOS },
    /// The token at the offset matches the word (by [`Words`] index).
    WordAt { relative: isize, word: usize },
    /// The token at the offset's noun-phrase flag is this (never, in the tagger).
    NounPhraseAt { relative: isize, is_np: bool },
}

/// A compiled patch: `from` becomes `to` where `tests` hold.
#[derive(Debug)]
struct Patch<F> {
    from: F,
    to: F,
    /// A word test taken out of `tests`: the patch runs only where it holds.
    anchor: Option<(isize, usize)>,
    tests: Box<[Test]>,
    /// Tags that must occur somewhere in the sentence for the tests to hold (bit `tag as
    /// usize`). A patch first fires on the tags and flags the sentence had before it, so one
    /// whose needs are absent then never fires.
    needs: u32,
    /// Noun-phrase flags that must occur likewise (bit 0 for `false`, bit 1 for `true`).
    needs_flags: u8,
    /// The anchor word's bit in [`Occurrences::words`] (none for a word past the 64th): without
    /// that word in the sentence the patch has nowhere to run.
    word_bit: u64,
}

/// The words that patches name, lower-cased (ASCII only, as harper compares them) and
/// deduplicated.
#[derive(Debug, Default)]
struct Words {
    list: Vec<Box<str>>,
    /// The words in a trie of their bytes, to match a token in one walk.
    trie: Vec<Node>,
    /// Each word's index, while compiling.
    index: HashMap<Box<str>, usize>,
}

/// A node of [`Words::trie`]: the words that start with the bytes on the path to it (the root is
/// node 0).
#[derive(Debug, Default)]
struct Node {
    /// The next byte and its node.
    children: Vec<(u8, usize)>,
    /// The words that end here, in index order.
    ends: Vec<usize>,
    /// The words that end here or below, in index order.
    below: Vec<usize>,
}

impl Words {
    /// The index of `word`, added if new.
    fn intern(&mut self, word: &str) -> usize {
        let lower: Box<str> = word.to_ascii_lowercase().into();
        if let Some(&i) = self.index.get(&lower) {
            return i;
        }
        let i = self.list.len();
        if self.trie.is_empty() {
            self.trie.push(Node::default());
        }
        let mut node = 0;
        self.trie[node].below.push(i);
        for &b in lower.as_bytes() {
            node = match self.trie[node].children.iter().find(|&&(c, _)| c == b) {
                Some(&(_, next)) => next,
                None => {
                    let next = self.trie.len();
                    self.trie.push(Node::default());
                    self.trie[node].children.push((b, next));
                    next
                }
            };
            self.trie[node].below.push(i);
        }
        self.trie[node].ends.push(i);
        self.index.insert(lower.clone(), i);
        self.list.push(lower);
        i
    }

    /// Calls `found` with each word `token` matches. harper's `WordIs` zips the two strings'
    /// chars and compares them ignoring ASCII case, so either may be a prefix of the other (an
    /// empty token matches every word); on bytes that is the same test.
    ///
    /// Walking the token's bytes (ASCII lower-cased) down the trie passes the words that are
    /// prefixes of the token; the words below where the token ends have it as their prefix.
    fn matches(&self, token: &str, mut found: impl FnMut(usize)) {
        let Some(mut node) = self.trie.first() else {
            return;
        };
        for &b in token.as_bytes() {
            node.ends.iter().copied().for_each(&mut found);
            let b = b.to_ascii_lowercase();
            match node.children.iter().find(|&&(c, _)| c == b) {
                Some(&(_, next)) => node = &self.trie[next],
                None => return,
            }
        }
        node.below.iter().copied().for_each(found);
    }
}

/// Where each of the model's words occurs in a sentence.
#[derive(Debug, Default)]
struct Occurrences {
    /// Blocks of 64 token positions in a set: the sentence's length, divided by 64, rounded up.
    stride: usize,
    /// The positions of word `w`, a set in blocks `w * stride..(w + 1) * stride` (bit `k % 64` of
    /// block `k / 64` for position `k`).
    at: Vec<u64>,
    /// Bit `w` set when word `w` (of the first 64) occurs.
    words: u64,
}

impl Occurrences {
    /// Matches each token against the words once.
    fn find(words: &Words, tokens: &[&str]) -> Occurrences {
        let stride = tokens.len().div_ceil(64);
        let mut sets = vec![0u64; words.list.len() * stride];
        let mut present = 0u64;
        for (at, token) in tokens.iter().enumerate() {
            words.matches(token, |word| {
                sets[word * stride + at / 64] |= 1 << (at % 64);
                if word < 64 {
                    present |= 1 << word;
                }
            });
        }
        Occurrences {
            stride,
            at: sets,
            words: present,
        }
    }

    /// Calls `visit` with the positions where `word` occurs, in order.
    fn each(&self, word: usize, mut visit: impl FnMut(usize)) {
        let blocks = self
            .at
            .get(word * self.stride..(word + 1) * self.stride)
            .unwrap_or(&[]);
        for (b, &block) in blocks.iter().enumerate() {
            let mut bits = block;
            while bits != 0 {
                let k = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                visit(b * 64 + k);
            }
        }
    }

    /// Whether `word` occurs at position `at`.
    fn at(&self, word: usize, at: usize) -> bool {
        at / 64 < self.stride
            && self
                .at
                .get(word * self.stride + at / 64)
                .is_some_and(|block| block >> (at % 64) & 1 == 1)
    }
}

/// harper's models, compiled.
#[derive(Debug)]
pub(crate) struct Model {
    /// The tagger's base pass: each word's most frequent tag (keys lower-cased), hashed faster
    /// than harper's map.
    dictionary: HashMap<Box<str>, UPOS, BuildHasherDefault<FxHasher>>,
    /// The tagger's patches, in order.
    tagger: Vec<Patch<UPOS>>,
    /// The chunker's base pass: whether a token with this tag starts in a noun phrase.
    in_phrase: [bool; TAGS],
    /// The chunker's patches, in order.
    chunker: Vec<Patch<bool>>,
    /// Which tagger patches can run, by the words of a sentence.
    tagger_index: PatchIndex,
    /// Which chunker patches can run, likewise.
    chunker_index: PatchIndex,
    /// The words the patches of both name.
    words: Words,
}

impl Model {
    /// Reads harper's tagger and chunker through their serialised form and compiles their
    /// patches.
    fn compile(
        tagger: &BrillTagger<FreqDict>,
        chunker: &BrillChunker,
    ) -> Result<Model, serde_json::Error> {
        // Through JSON text: a `serde_json::Value` of the tagger's 27,000-word dictionary would
        // take several times the memory and time.
        let tagger: TaggerModel = serde_json::from_slice(&serde_json::to_vec(tagger)?)?;
        let chunker: ChunkerModel = serde_json::from_slice(&serde_json::to_vec(chunker)?)?;
        let mut words = Words::default();
        let tagger_patches: Vec<_> = tagger
            .patches
            .into_iter()
            .map(|p| Patch::compile(p.from, p.to, &p.criteria, &mut words))
            .collect();
        let chunker_patches: Vec<_> = chunker
            .patches
            .into_iter()
            .map(|p| Patch::compile(p.from, !p.from, &p.criteria, &mut words))
            .collect();
        let mut in_phrase = [false; TAGS];
        for (tag, count) in chunker.base.counts {
            in_phrase[tag as usize] = count > 0;
        }
        words.index = HashMap::new();
        Ok(Model {
            dictionary: tagger
                .base
                .mapping
                .into_iter()
                .map(|(word, tag)| (word.into_boxed_str(), tag))
                .collect(),
            tagger_index: PatchIndex::new(&tagger_patches, |p| p.needs | bit(p.from)),
            chunker_index: PatchIndex::new(&chunker_patches, |p| p.needs),
            tagger: tagger_patches,
            in_phrase,
            chunker: chunker_patches,
            words,
        })
    }

    /// The dictionary's tag for `word`: `FreqDict::get`, without lower-casing a word that has no
    /// capitals.
    fn lookup(&self, word: &str) -> Option<UPOS> {
        if !word.is_ascii() {
            return self.dictionary.get(word.to_lowercase().as_str()).copied();
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.dictionary.get(word).copied();
        }
        // ASCII lower-cases byte for byte, as `to_lowercase` would; short words on the stack.
        let mut buffer = [0u8; 32];
        match buffer.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).unwrap_or_default();
                self.dictionary.get(lower).copied()
            }
            None => self
                .dictionary
                .get(word.to_ascii_lowercase().as_str())
                .copied(),
        }
    }

    /// `BrillTagger::tag_sentence`.
    fn tag(&self, sentence: &Sentence<'_>) -> Vec<Option<UPOS>> {
        let mut tags: Vec<Option<UPOS>> = sentence.tokens.iter().map(|t| self.lookup(t)).collect();
        let mut counts = [0usize; TAGS];
        for &tag in tags.iter().flatten() {
            counts[tag as usize] += 1;
        }
        let mut present = mask(&counts);
        // Where each tag is, for a sentence short enough: a patch with no word to anchor it
        // visits only the tokens tagged with its `from`.
        let mut at: Option<[u128; TAGS]> = (tags.len() <= 128).then(|| {
            let mut at = [0u128; TAGS];
            for (i, tag) in tags.iter().enumerate() {
                if let Some(tag) = tag {
                    at[*tag as usize] |= 1 << i;
                }
            }
            at
        });
        // The patches that can fire: those whose words occur and whose tags are present. Each
        // patch is visited with the tags the patches before it left.
        let index = &self.tagger_index;
        let by_words = index.by_words(sentence.occurrences.words);
        let mut set = by_words.clone();
        index.drop_absent(present, &mut set, 0);
        let mut block = 0;
        while block < set.len() {
            if set[block] == 0 {
                block += 1;
                continue;
            }
            let k = block * 64 + set[block].trailing_zeros() as usize;
            set[block] &= set[block] - 1;
            let patch = &self.tagger[k];
            debug_assert!(present & bit(patch.from) != 0 && patch.needs & !present == 0);
            let mut changed = 0;
            let mut apply = |i: usize, tags: &mut Vec<Option<UPOS>>| {
                if tags[i] == Some(patch.from)
                    && holds(&patch.tests, tags, &[], &sentence.occurrences, i)
                {
                    tags[i] = Some(patch.to);
                    changed += 1;
                    true
                } else {
                    false
                }
            };
            match (&mut at, patch.anchor) {
                (Some(at), None) => {
                    // Only the visited token changes, so the tokens tagged `from` when the patch
                    // starts are the ones it can change, in order.
                    let mut from = at[patch.from as usize];
                    while from != 0 {
                        let i = from.trailing_zeros() as usize;
                        from &= from - 1;
                        if apply(i, &mut tags) {
                            at[patch.from as usize] &= !(1 << i);
                            at[patch.to as usize] |= 1 << i;
                        }
                    }
                }
                (at, _) => {
                    patch.each_position(sentence, |i| {
                        if apply(i, &mut tags) {
                            if let Some(at) = at.as_mut() {
                                at[patch.from as usize] &= !(1 << i);
                                at[patch.to as usize] |= 1 << i;
                            }
                        }
                    });
                }
            }
            if changed > 0 {
                counts[patch.from as usize] -= changed;
                counts[patch.to as usize] += changed;
                let now = mask(&counts);
                if now != present {
                    // The patches after this one, chosen again by the tags now present.
                    present = now;
                    set[block..].copy_from_slice(&by_words[block..]);
                    set[block] &= u64::MAX.checked_shl((k % 64 + 1) as u32).unwrap_or(0);
                    index.drop_absent(present, &mut set, block);
                }
            }
        }
        tags
    }

    /// `BrillChunker::chunk_sentence`.
    fn chunk(&self, sentence: &Sentence<'_>, tags: &[Option<UPOS>]) -> Vec<bool> {
        let mut flags: Vec<bool> = tags
            .iter()
            .map(|t| t.is_some_and(|t| self.in_phrase[t as usize]))
            .collect();
        let mut counts = [0usize; 2];
        for &flag in &flags {
            counts[usize::from(flag)] += 1;
        }
        let mut tag_counts = [0usize; TAGS];
        for &tag in tags.iter().flatten() {
            tag_counts[tag as usize] += 1;
        }
        // The chunker changes no tag: the tags present stay present.
        let present = mask(&tag_counts);
        // For a sentence of up to 128 tokens, where each tag and each flag is: a patch with no
        // word to anchor it visits only the tokens whose flag is its `from` and around which
        // its fixed tags sit.
        let mut at: Option<([u128; TAGS], [u128; 2])> = (tags.len() <= 128).then(|| {
            let mut tag_at = [0u128; TAGS];
            for (i, tag) in tags.iter().enumerate() {
                if let Some(tag) = tag {
                    tag_at[*tag as usize] |= 1 << i;
                }
            }
            let mut flag_at = [0u128; 2];
            for (i, &flag) in flags.iter().enumerate() {
                flag_at[usize::from(flag)] |= 1 << i;
            }
            (tag_at, flag_at)
        });
        // The patches whose words occur and whose tags are present, in order.
        let mut set = self.chunker_index.by_words(sentence.occurrences.words);
        self.chunker_index.drop_absent(present, &mut set, 0);
        let patches = set.iter().enumerate().flat_map(|(block, &bits)| {
            let mut bits = bits;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let k = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    block * 64 + k
                })
            })
        });
        for k in patches {
            let patch = &self.chunker[k];
            let flags_present = u8::from(counts[0] > 0) | u8::from(counts[1] > 0) << 1;
            debug_assert!(patch.needs & !present == 0);
            if counts[usize::from(patch.from)] == 0 || patch.needs_flags & !flags_present != 0 {
                continue;
            }
            let mut changed = 0;
            let mut apply = |i: usize, flags: &mut Vec<bool>| {
                let fires = flags[i] == patch.from
                    && holds(&patch.tests, tags, flags, &sentence.occurrences, i);
                if fires {
                    flags[i] = patch.to;
                    changed += 1;
                }
                fires
            };
            match (&mut at, patch.anchor) {
                (Some((tag_at, flag_at)), None) => {
                    // Only the visited token's flag changes, and the tags none: the candidates
                    // taken when the patch starts are exact, and `holds` still decides.
                    let mut candidates = flag_at[usize::from(patch.from)];
                    for test in &patch.tests {
                        candidates &= tag_positions(tag_at, test);
                    }
                    while candidates != 0 {
                        let i = candidates.trailing_zeros() as usize;
                        candidates &= candidates - 1;
                        if apply(i, &mut flags) {
                            flag_at[usize::from(patch.from)] &= !(1 << i);
                            flag_at[usize::from(patch.to)] |= 1 << i;
                        }
                    }
                }
                (at, _) => {
                    patch.each_position(sentence, |i| {
                        if apply(i, &mut flags) {
                            if let Some((_, flag_at)) = at.as_mut() {
                                flag_at[usize::from(patch.from)] &= !(1 << i);
                                flag_at[usize::from(patch.to)] |= 1 << i;
                            }
                        }
                    });
                }
            }
            counts[usize::from(patch.from)] -= changed;
            counts[usize::from(patch.to)] += changed;
        }
        flags
    }
}

/// The patches of a model that can run in a sentence, as sets of patch indices (bit `k % 64` of
/// block `k / 64` for patch `k`): a patch anchored on one of the first 64 words runs only where
/// that word occurs (see [`Patch::word_bit`]), and a patch whose `from` tag or whose tests'
/// tags are absent from the sentence does not fire. Visiting only the patches of the set, in
/// order, skips most of them without reading them.
#[derive(Debug)]
struct PatchIndex {
    /// Blocks of 64 patches in a set.
    blocks: usize,
    /// The patches that may run whatever the words.
    always: Vec<u64>,
    /// The patches anchored on word `w`: blocks `w * blocks..(w + 1) * blocks`.
    by_word: Vec<u64>,
    /// The patches that need tag `t` in the sentence: blocks `t * blocks..(t + 1) * blocks`.
    by_tag: Vec<u64>,
}

impl PatchIndex {
    /// Indexes `patches`, each of which needs the tags `needs` gives it.
    fn new<F>(patches: &[Patch<F>], needs: impl Fn(&Patch<F>) -> u32) -> PatchIndex {
        let blocks = patches.len().div_ceil(64);
        let mut index = PatchIndex {
            blocks,
            always: vec![0; blocks],
            by_word: vec![0; 64 * blocks],
            by_tag: vec![0; TAGS * blocks],
        };
        for (k, patch) in patches.iter().enumerate() {
            let (block, bit) = (k / 64, 1 << (k % 64));
            if patch.word_bit == 0 {
                index.always[block] |= bit;
            } else {
                let w = patch.word_bit.trailing_zeros() as usize;
                index.by_word[w * blocks + block] |= bit;
            }
            let tags = needs(patch);
            for t in (0..TAGS).filter(|&t| tags & 1 << t != 0) {
                index.by_tag[t * blocks + block] |= bit;
            }
        }
        index
    }

    /// The patches that may run in a sentence whose words are `words` (as
    /// [`Occurrences::words`]).
    fn by_words(&self, words: u64) -> Vec<u64> {
        let mut set = self.always.clone();
        let mut words = words;
        while words != 0 {
            let w = words.trailing_zeros() as usize;
            words &= words - 1;
            let of = &self.by_word[w * self.blocks..(w + 1) * self.blocks];
            for (block, &bits) in set.iter_mut().zip(of) {
                *block |= bits;
            }
        }
        set
    }

    /// Takes out of `set`'s blocks from `first` on the patches that need a tag outside
    /// `present`.
    fn drop_absent(&self, present: u32, set: &mut [u64], first: usize) {
        for t in (0..TAGS).filter(|&t| present & 1 << t == 0) {
            let of = &self.by_tag[t * self.blocks..(t + 1) * self.blocks];
            for (block, &bits) in set.iter_mut().zip(of).skip(first) {
                *block &= !bits;
            }
        }
    }
}

impl<F: Copy> Patch<F> {
    /// Compiles `criteria`: its conjunction of conditions, one word test taken out as the anchor.
    fn compile(from: F, to: F, criteria: &Criteria, words: &mut Words) -> Patch<F> {
        let mut tests = Vec::new();
        flatten(criteria, words, &mut tests);
        let anchor = tests
            .iter()
            .position(|t| matches!(t, Test::WordAt { .. }))
            .map(|k| match tests.remove(k) {
                Test::WordAt { relative, word } => (relative, word),
                _ => unreachable!("the test found is a word test"),
            });
        let (mut needs, mut needs_flags) = (0, 0);
        for test in &tests {
            match *test {
                Test::TagAt { tag, .. } | Test::AnyTag { tag, .. } => needs |= bit(tag),
                Test::Sandwich { prev, post } => needs |= bit(prev) | bit(post),
                Test::NounPhraseAt { is_np, .. } => needs_flags |= 1 << u8::from(is_np),
                Test::WordAt { .. } => {}
            }
        }
        let word_bit = match anchor {
            Some((_, word)) if word < 64 => 1 << word,
            _ => 0,
        };
        Patch {
            from,
            to,
            anchor,
            tests: tests.into(),
            needs,
            needs_flags,
            word_bit,
        }
    }

    /// Calls `visit` with each position the patch may apply at, in order: every token, or for an
    /// anchored patch the positions its word's occurrences put it at.
    fn each_position(&self, sentence: &Sentence<'_>, mut visit: impl FnMut(usize)) {
        let len = sentence.tokens.len();
        match self.anchor {
            Some((relative, word)) => {
                sentence.occurrences.each(word, |at| {
                    if let Some(i) = sub(at, relative).filter(|&i| i < len) {
                        visit(i);
                    }
                });
            }
            None => (0..len).for_each(visit),
        }
    }
}

/// Appends the conditions of `criteria` (a conjunction, once `Combined` is flattened) to `out`.
fn flatten(criteria: &Criteria, words: &mut Words, out: &mut Vec<Test>) {
    out.push(match *criteria {
        Criteria::WordIsTaggedWith {
            relative,
            is_tagged,
        } => Test::TagAt {
            relative,
            tag: is_tagged,
        },
        Criteria::AnyWordIsTaggedWith {
            max_relative,
            is_tagged,
        } => Test::AnyTag {
            max_relative,
            tag: is_tagged,
        },
        Criteria::SandwichTaggedWith {
            prev_word_tagged,
            post_word_tagged,
        } => Test::Sandwich {
            prev: prev_word_tagged,
            post: post_word_tagged,
        },
        Criteria::WordIs { relative, ref word } => Test::WordAt {
            relative,
            word: words.intern(word),
        },
        Criteria::NounPhraseAt { is_np, relative } => Test::NounPhraseAt { relative, is_np },
        Criteria::Combined { ref a, ref b } => {
            flatten(a, words, out);
            flatten(b, words, out);
            return;
        }
    });
}

/// The tokens at which `test` can hold, given where each tag is (`tag_at`, fixed while
/// chunking): every token for a test that is not on tags alone, or whose offset is too far to
/// shift by.
fn tag_positions(tag_at: &[u128; TAGS], test: &Test) -> u128 {
    match *test {
        // `add(i, relative)` is `i + relative` for any offset this small.
        Test::TagAt { relative, tag } if relative.unsigned_abs() < 128 => {
            let at = tag_at[tag as usize];
            if relative >= 0 {
                at >> relative
            } else {
                at << relative.unsigned_abs()
            }
        }
        Test::Sandwich { prev, post } => {
            (tag_at[prev as usize] << 1) & (tag_at[post as usize] >> 1)
        }
        _ => u128::MAX,
    }
}

/// Whether all `tests` hold at token `i`, as harper's `PatchCriteria::fulfils` decides.
fn holds(
    tests: &[Test],
    tags: &[Option<UPOS>],
    np_flags: &[bool],
    occurrences: &Occurrences,
    i: usize,
) -> bool {
    tests.iter().all(|test| match *test {
        Test::TagAt { relative, tag } => {
            add(i, relative).is_some_and(|k| tags.get(k) == Some(&Some(tag)))
        }
        Test::AnyTag { max_relative, tag } => add(i, max_relative).is_some_and(|far| {
            let end = far.max(i).min(tags.len());
            let start = far.min(i).min(end);
            tags[start..end].contains(&Some(tag))
        }),
        Test::Sandwich { prev, post } => {
            i > 0 && tags.get(i - 1) == Some(&Some(prev)) && tags.get(i + 1) == Some(&Some(post))
        }
        Test::WordAt { relative, word } => {
            add(i, relative).is_some_and(|k| occurrences.at(word, k))
        }
        Test::NounPhraseAt { relative, is_np } => {
            add(i, relative).is_some_and(|k| np_flags.get(k) == Some(&is_np))
        }
    })
}

/// `index + relative`, exactly as harper computes it (a negative offset's magnitude is truncated
/// to 32 bits).
fn add(index: usize, relative: isize) -> Option<usize> {
    if relative.is_negative() {
        index.checked_sub(relative.wrapping_abs() as u32 as usize)
    } else {
        index.checked_add(relative as usize)
    }
}

/// The index `i` for which [`add`]`(i, relative)` is `at`.
fn sub(at: usize, relative: isize) -> Option<usize> {
    if relative.is_negative() {
        at.checked_add(relative.wrapping_abs() as u32 as usize)
    } else {
        at.checked_sub(relative as usize)
    }
}

/// The bit of `tag` in a tag set.
fn bit(tag: UPOS) -> u32 {
    1 << (tag as u32)
}

/// The set of tags with a nonzero count.
fn mask(counts: &[usize; TAGS]) -> u32 {
    counts
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .fold(0, |set, (tag, _)| set | 1 << tag)
}
