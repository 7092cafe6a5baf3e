//! A sentence classifier learned from labelled sentences: a logistic regression over the
//! sentence's words and word pairs, weighted by TF-IDF. The same model, with one regression per
//! class, reads a draft's prose to tell which question a vaguely titled draft answers
//! (`crate::link`).
//!
//! Rules read clause structure first; this is a second reader for what structure alone misses
//! (a put-down in plain words: `they only ever found reasons to stall`). Its weights are learned
//! by `cargo run -p xtask -- codegen` from the tuning material (the blind corpus's tuning split
//! minus its holdout and the probes minus theirs), never from the test split or the held-back
//! probes, and are kept in `models/`. The rule decides what to do with a probability.
//!
//! Features: each word (lower-cased, a word holding a digit read as `#`) and each pair of
//! neighbouring words. A feature's value is `(1 + ln count) * idf`, and a sentence's vector is
//! scaled to unit length over the features the model knows, as scikit-learn's `TfidfVectorizer`
//! with `sublinear_tf` does.

use std::hash::{BuildHasher, Hasher};
use std::ops::Range;

use rustc_hash::{FxBuildHasher, FxHashMap};

/// The fewest words of a sentence that a model reads with enough words to go on: in a shorter
/// one a word or two decide it. Rules trust a model more above this length (criticism's learned
/// reading is only guarded there, not vetted; there criticism's and activity-volume's models may
/// overrule the clause reading). Chosen on the holdouts, for criticism first.
pub(crate) const LONG_WORDS: usize = 12;

/// The initialiser of a `static LazyLock<Model>`: the model in `models/{name}.tsv`, embedded in
/// the binary and parsed on first use.
macro_rules! embedded {
    ($name:literal) => {
        ::std::sync::LazyLock::new(|| {
            $crate::learned::Model::parse(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/",
                $name,
                ".tsv"
            )))
            .unwrap_or_else(|e| panic!("models/{}.tsv: {e}", $name))
        })
    };
}
pub(crate) use embedded;

/// A trained model: per class a bias and, per feature, its idf and one weight per class. A model
/// of one class (every rule's) answers [`Model::probability`]; a model of several, each learned
/// against the rest (the link model), answers [`Model::classes`] and [`Model::probabilities`].
#[derive(Debug, Default)]
pub struct Model {
    classes: Vec<String>,
    bias: Vec<f32>,
    /// Per feature: its idf and where its weights start in `weights`.
    features: FxHashMap<u64, (f32, u32)>,
    /// The weights, feature by feature, one per class.
    weights: Vec<f32>,
}

/// The key of one word (already lower-cased, `#` for a number).
fn word_key(word: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    h.write(word.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// The key of a pair of neighbouring words.
fn pair_key(first: u64, second: u64) -> u64 {
    first.rotate_left(23) ^ second.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5bd1_e995
}

/// Whether `c` is part of a word: letters, digits and an apostrophe inside a word.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Calls `f` with each word of `text` and its byte range: lower-cased, `’` as `'`, a word
/// holding a digit as `#`. One buffer serves every word.
fn each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let mut word = String::new();
    let bytes = text.as_bytes();
    // Whether the character at byte `i` is part of a word, and its length: ASCII by its byte.
    let at = |i: usize| match bytes[i] {
        b if b < 0x80 => (b.is_ascii_alphanumeric() || b == b'\'', 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (in_word(c), c.len_utf8())),
    };
    let mut i = 0;
    while i < bytes.len() {
        let (inside, len) = at(i);
        if !inside {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let (inside, len) = at(i);
            if !inside {
                break;
            }
            i += len;
        }
        let end = i;
        let raw = text[start..end].trim_start_matches(['\'', '’']);
        let from = end - raw.len();
        let raw = raw.trim_end_matches(['\'', '’']);
        if raw.is_empty() {
            continue;
        }
        word.clear();
        if raw.bytes().any(|b| b.is_ascii_digit()) {
            word.push('#');
        } else if raw.is_ascii() {
            word.push_str(raw);
            word.make_ascii_lowercase();
        } else {
            for c in raw.chars().flat_map(char::to_lowercase) {
                word.push(if c == '’' { '\'' } else { c });
            }
        }
        f(from..from + raw.len(), &word);
    }
}

/// The words of `text` with their byte ranges, as [`each_word`] reads them.
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    each_word(text, |range, word| out.push((range, word.to_string())));
    out
}

/// The names of `text`'s features, as the model file spells them (`word`, `word word`).
fn feature_names(text: &str) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    let mut previous: Option<(u64, String)> = None;
    for (_, word) in words(text) {
        let key = word_key(&word);
        if let Some((first, name)) = previous.take() {
            out.push((pair_key(first, key), format!("{name} {word}")));
        }
        out.push((key, word.clone()));
        previous = Some((key, word));
    }
    out
}

/// The key of a feature named in a model file.
fn named_key(name: &str) -> u64 {
    match name.split_once(' ') {
        Some((a, b)) => pair_key(word_key(a), word_key(b)),
        None => word_key(name),
    }
}

impl Model {
    /// Reads a model file: `classes<TAB>name...` for a model of several classes, `bias<TAB>b...`,
    /// then `feature<TAB>idf<TAB>weight...` lines, one weight per class; `#` comments.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with("# ") {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let number = |s: &str| {
                s.parse::<f32>()
                    .map_err(|e| format!("line {}: {s:?}: {e}", n + 1))
            };
            match fields.as_slice() {
                // Only before the weights: `bias` and `classes` may also be features' words.
                ["classes", names @ ..] if model.bias.is_empty() => {
                    model.classes = names.iter().map(|s| s.to_string()).collect();
                }
                ["bias", values @ ..] if model.bias.is_empty() && !values.is_empty() => {
                    model.bias = values.iter().map(|v| number(v)).collect::<Result<_, _>>()?;
                }
                [name, idf, weights @ ..] if weights.len() == model.bias.len() => {
                    let at = model.weights.len() as u32;
                    for w in weights {
                        model.weights.push(number(w)?);
                    }
                    model.features.insert(named_key(name), (number(idf)?, at));
                }
                _ => {
                    return Err(format!(
                        "line {}: expected a bias line, then a feature, its idf and one weight \
                         per bias, tab-separated",
                        n + 1
                    ));
                }
            }
        }
        if !model.classes.is_empty() && model.classes.len() != model.bias.len() {
            return Err(format!(
                "{} classes but {} biases",
                model.classes.len(),
                model.bias.len()
            ));
        }
        Ok(model)
    }

    /// Each known feature of `text`, sorted by key, with its TF-IDF value scaled to unit length,
    /// where its weights start, and how often it occurs.
    fn values(&self, text: &str) -> Vec<(u64, f32, u32, u32)> {
        // Known features with their idf and weights, one entry per occurrence.
        let mut known: Vec<(u64, f32, u32)> = Vec::with_capacity(64);
        let mut previous = None;
        each_word(text, |_, word| {
            let key = word_key(word);
            if let Some(first) = previous {
                let pair = pair_key(first, key);
                if let Some(&(idf, at)) = self.features.get(&pair) {
                    known.push((pair, idf, at));
                }
            }
            previous = Some(key);
            if let Some(&(idf, at)) = self.features.get(&key) {
                known.push((key, idf, at));
            }
        });
        // Sorted, so that a sum does not depend on the order of the words.
        known.sort_unstable_by_key(|(k, ..)| *k);
        let mut values: Vec<(u64, f32, u32, u32)> = Vec::with_capacity(known.len());
        for group in known.chunk_by(|a, b| a.0 == b.0) {
            let (key, idf, at) = group[0];
            let count = group.len() as u32;
            let tf = if count == 1 {
                1.0
            } else {
                1.0 + (count as f32).ln()
            };
            values.push((key, tf * idf, at, count));
        }
        let length = values.iter().map(|(_, v, ..)| v * v).sum::<f32>().sqrt();
        if length == 0.0 {
            return Vec::new();
        }
        values.iter_mut().for_each(|(_, v, ..)| *v /= length);
        values
    }

    /// Each known feature of `text`, sorted by key, with its contribution to the first class's
    /// score (`weight * value / length`) and how often it occurs.
    fn contributions(&self, text: &str) -> Vec<(u64, f32, u32)> {
        self.values(text)
            .into_iter()
            .map(|(key, v, at, count)| (key, v * self.weights[at as usize], count))
            .collect()
    }

    /// The probability that `text` belongs to the class the model was trained to find (the
    /// first, in a model of several).
    pub fn probability(&self, text: &str) -> f32 {
        let score = self.bias.first().copied().unwrap_or(0.0)
            + self
                .values(text)
                .iter()
                .map(|(_, v, at, _)| v * self.weights[*at as usize])
                .sum::<f32>();
        sigmoid(score)
    }

    /// The classes of a model of several, in the order of [`Model::probabilities`]; empty for a
    /// model of one.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// For each class, the probability that `text` belongs to it rather than to any other, as
    /// that class's model (learned against the rest) reads it.
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        let k = self.bias.len();
        let mut scores = self.bias.clone();
        for (_, v, at, _) in self.values(text) {
            let weights = &self.weights[at as usize..at as usize + k];
            for (score, w) in scores.iter_mut().zip(weights) {
                *score += v * w;
            }
        }
        scores.into_iter().map(sigmoid).collect()
    }

    /// The words that speak most for the class: the run of two to six neighbouring words whose
    /// features weigh most (a word's own weight and half of each pair it is in), if any weighs
    /// for it.
    pub fn strongest(&self, text: &str) -> Option<Range<usize>> {
        let parts: FxHashMap<u64, f32> = self
            .contributions(text)
            .into_iter()
            .map(|(key, c, count)| (key, c / count as f32))
            .collect();
        let words = words(text);
        let mut scores = vec![0.0f32; words.len()];
        let mut previous: Option<u64> = None;
        for (i, (_, word)) in words.iter().enumerate() {
            let key = word_key(word);
            scores[i] += parts.get(&key).copied().unwrap_or(0.0);
            if let Some(first) = previous {
                let pair = parts.get(&pair_key(first, key)).copied().unwrap_or(0.0) / 2.0;
                scores[i - 1] += pair;
                scores[i] += pair;
            }
            previous = Some(key);
        }
        let mut best: Option<(f32, usize, usize)> = None;
        for start in 0..words.len() {
            let mut sum = 0.0;
            for (end, score) in scores.iter().enumerate().skip(start).take(6) {
                sum += score;
                if end > start && sum > 0.0 && best.is_none_or(|(b, ..)| sum > b) {
                    best = Some((sum, start, end));
                }
            }
        }
        best.map(|(_, start, end)| words[start].0.start..words[end].0.end)
    }
}

/// The logistic function.
fn sigmoid(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}

/// What [`train`] fits: the inverse of the L2 penalty's strength, the fewest examples a feature
/// must occur in, and the optimiser's iterations.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    /// scikit-learn's `C`: larger fits the examples more closely.
    pub c: f64,
    /// Features in fewer examples than this are dropped.
    pub min_examples: usize,
    /// Gradient steps.
    pub iterations: usize,
}

/// Fits a model to `examples` (text, whether it belongs to the class) and writes it in the
/// format [`Model::parse`] reads, features sorted by name.
///
/// Class-weighted ("balanced") logistic loss plus an L2 penalty on the weights, minimised by
/// Nesterov's accelerated gradient with a fixed step: the problem is small (thousands of
/// sentences), and a sparse solver written here keeps the result deterministic and free of a
/// linear-algebra dependency.
pub fn train(examples: &[(&str, bool)], t: Training) -> String {
    let m = Matrix::new(examples.iter().map(|(text, _)| *text), t.min_examples);
    let labels: Vec<bool> = examples.iter().map(|(_, y)| *y).collect();
    let weights = m.fit(&labels, t);
    m.write(None, &[weights])
}

/// Fits a model of several classes to `examples` (text, class name): for each class, in order of
/// name, a model of that class against the rest, as [`train`] fits one, over one vocabulary.
pub fn train_classes(examples: &[(&str, &str)], t: Training) -> String {
    let mut classes: Vec<&str> = examples.iter().map(|(_, c)| *c).collect();
    classes.sort_unstable();
    classes.dedup();
    let m = Matrix::new(examples.iter().map(|(text, _)| *text), t.min_examples);
    let weights: Vec<Vec<f64>> = classes
        .iter()
        .map(|class| {
            let labels: Vec<bool> = examples.iter().map(|(_, c)| c == class).collect();
            m.fit(&labels, t)
        })
        .collect();
    m.write(Some(&classes), &weights)
}

/// Training texts as the trainer reads them.
struct Matrix {
    /// Features in at least the fewest examples asked for, sorted by name, with their keys.
    vocabulary: Vec<(String, u64)>,
    idf: Vec<f64>,
    /// Each text's unit-length TF-IDF vector, sparse, by index into `vocabulary`.
    rows: Vec<Vec<(usize, f64)>>,
}

impl Matrix {
    fn new<'a>(texts: impl Iterator<Item = &'a str>, min_examples: usize) -> Matrix {
        // Feature names and document frequencies.
        let mut names: FxHashMap<u64, String> = FxHashMap::default();
        let mut df: FxHashMap<u64, usize> = FxHashMap::default();
        let docs: Vec<FxHashMap<u64, u32>> = texts
            .map(|text| {
                let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
                for (key, name) in feature_names(text) {
                    *counts.entry(key).or_default() += 1;
                    names.entry(key).or_insert(name);
                }
                for key in counts.keys() {
                    *df.entry(*key).or_default() += 1;
                }
                counts
            })
            .collect();
        let mut vocabulary: Vec<(String, u64)> = df
            .iter()
            .filter(|(_, n)| **n >= min_examples)
            .map(|(k, _)| (names[k].clone(), *k))
            .collect();
        vocabulary.sort();
        let index: FxHashMap<u64, usize> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, (_, k))| (*k, i))
            .collect();
        let n = docs.len() as f64;
        let idf: Vec<f64> = vocabulary
            .iter()
            .map(|(_, k)| ((1.0 + n) / (1.0 + df[k] as f64)).ln() + 1.0)
            .collect();
        let rows: Vec<Vec<(usize, f64)>> = docs
            .iter()
            .map(|counts| {
                let mut row: Vec<(usize, f64)> = counts
                    .iter()
                    .filter_map(|(k, c)| {
                        let i = *index.get(k)?;
                        Some((i, (1.0 + f64::from(*c).ln()) * idf[i]))
                    })
                    .collect();
                row.sort_by_key(|(i, _)| *i);
                let length = row.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
                if length > 0.0 {
                    row.iter_mut().for_each(|(_, v)| *v /= length);
                }
                row
            })
            .collect();
        Matrix {
            vocabulary,
            idf,
            rows,
        }
    }

    /// The weights (the bias last) of a model of the rows marked in `labels`.
    fn fit(&self, labels: &[bool], t: Training) -> Vec<f64> {
        let rows = &self.rows;
        let n = rows.len() as f64;
        let positives = labels.iter().filter(|y| **y).count() as f64;
        let class_weight = |y: bool| {
            let k = if y { positives } else { n - positives };
            n / (2.0 * k.max(1.0))
        };
        let labels: Vec<(f64, f64)> = labels
            .iter()
            .map(|y| (if *y { 1.0 } else { -1.0 }, class_weight(*y)))
            .collect();
        // Objective: C * sum(c_i * ln(1 + exp(-y_i (w.x_i + b)))) + |w|^2 / 2.
        // Its gradient is Lipschitz with constant at most C * sum(c_i) * (|x_i|^2 + 1) / 4 + 1.
        let lipschitz = t.c * labels.iter().map(|(_, c)| c).sum::<f64>() * 2.0 / 4.0 + 1.0;
        let step = 1.0 / lipschitz;
        let dims = self.vocabulary.len() + 1; // the bias last
        let gradient = |w: &[f64], g: &mut [f64]| {
            g.iter_mut().for_each(|x| *x = 0.0);
            for (row, (y, c)) in rows.iter().zip(&labels) {
                let z = w[dims - 1] + row.iter().map(|(i, v)| w[*i] * v).sum::<f64>();
                // d/dz ln(1 + exp(-y z)) = -y / (1 + exp(y z))
                let d = t.c * c * -y / (1.0 + (y * z).exp());
                for (i, v) in row {
                    g[*i] += d * v;
                }
                g[dims - 1] += d;
            }
            for i in 0..dims - 1 {
                g[i] += w[i];
            }
        };
        let mut w = vec![0.0; dims];
        let mut ahead = w.clone();
        let mut g = vec![0.0; dims];
        let mut momentum = 1.0f64;
        for _ in 0..t.iterations {
            gradient(&ahead, &mut g);
            let next: Vec<f64> = ahead.iter().zip(&g).map(|(a, g)| a - step * g).collect();
            let m = (1.0 + (1.0 + 4.0 * momentum * momentum).sqrt()) / 2.0;
            let beta = (momentum - 1.0) / m;
            for i in 0..dims {
                ahead[i] = next[i] + beta * (next[i] - w[i]);
            }
            w = next;
            momentum = m;
        }
        w
    }

    /// The model file: the classes of a model of several, the biases, then each feature's idf
    /// and weights.
    fn write(&self, classes: Option<&[&str]>, weights: &[Vec<f64>]) -> String {
        let mut out = String::new();
        if let Some(classes) = classes {
            out.push_str(&format!("classes\t{}\n", classes.join("\t")));
        }
        let bias = self.vocabulary.len();
        out.push_str("bias");
        for w in weights {
            out.push_str(&format!("\t{:.4}", w[bias]));
        }
        out.push('\n');
        for (i, (name, _)) in self.vocabulary.iter().enumerate() {
            out.push_str(&format!("{name}\t{:.4}", self.idf[i]));
            for w in weights {
                out.push_str(&format!("\t{:.4}", w[i]));
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings for the tests' few examples: every feature kept, a looser penalty.
    const SMALL: Training = Training {
        c: 10.0,
        min_examples: 1,
        iterations: 300,
    };

    #[test]
    fn words_are_lower_cased_with_numbers_as_hash() {
        let w: Vec<String> = words("Their VP’s team never sent 12 leads.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["their", "vp's", "team", "never", "sent", "#", "leads"]);
    }

    #[test]
    fn a_model_learns_which_sentences_belong_and_names_the_phrase() {
        let examples = [
            ("They never returned a call.", true),
            ("Their team never answered.", true),
            ("The partner never replied to us.", true),
            ("We returned every call within a day.", false),
            ("Our team answered the partner's questions.", false),
            ("The partner replied with a plan.", false),
        ];
        let text = train(&examples, SMALL);
        let model = Model::parse(&text).expect("a model file it wrote");
        assert!(model.probability("Their rep never called back.") > 0.5);
        assert!(model.probability("Their rep called back with a plan.") < 0.5);
        let s = "Their rep never called back.";
        let r = model.strongest(s).expect("a phrase");
        assert!(s[r].contains("never"));
    }

    #[test]
    fn a_model_of_several_classes_learns_each_against_the_rest() {
        let examples = [
            (
                "We split the margin into tiers and paid on closed revenue.",
                "incentives",
            ),
            (
                "Tiered margin paid on closed revenue kept resellers selling.",
                "incentives",
            ),
            (
                "Two partners claimed the same deal, so we checked registration dates.",
                "conflict",
            ),
            (
                "The partners fought over one deal until registration dates settled it.",
                "conflict",
            ),
            (
                "We compared sourced revenue with the programme's full cost.",
                "returns",
            ),
            (
                "Sourced revenue against full cost told us the programme paid back.",
                "returns",
            ),
        ];
        let text = train_classes(&examples, SMALL);
        let model = Model::parse(&text).expect("a model file it wrote");
        assert_eq!(model.classes(), ["conflict", "incentives", "returns"]);
        let p = model.probabilities("A second partner claimed the deal; registration decided.");
        assert!(p[0] > 0.5 && p[1] < 0.5 && p[2] < 0.5, "{p:?}");
        let p = model.probabilities("Was the programme's cost worth the sourced revenue?");
        assert!(p[2] > p[0] && p[2] > p[1], "{p:?}");
    }

    #[test]
    fn a_model_whose_weights_do_not_match_its_classes_is_an_error() {
        assert!(Model::parse("classes\ta\tb\nbias\t0.1\t0.2\nword\t1.0\t0.5\n").is_err());
        assert!(Model::parse("classes\ta\tb\tc\nbias\t0.1\t0.2\n").is_err());
    }

    #[test]
    fn the_words_bias_and_classes_are_features_after_the_header() {
        let examples = [
            ("A bias in the classes we ran.", true),
            ("The partner replied with a plan.", false),
        ];
        let text = train(&examples, SMALL);
        assert!(text.lines().any(|l| l.starts_with("bias\t")) && text.contains("\nclasses\t"));
        let model = Model::parse(&text).expect("a model file it wrote");
        assert!(model.probability("bias in the classes") > 0.5);
    }

    #[test]
    fn a_malformed_model_is_an_error_naming_the_line() {
        let e = Model::parse("bias\t0.1\nnever\tx\t1.0\n").unwrap_err();
        assert!(e.starts_with("line 2"), "{e}");
    }
}
