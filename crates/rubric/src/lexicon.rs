//! The phrases rules look for: built-in language cues plus the category's lexicons, compiled once
//! into one Aho-Corasick automaton over stems.
//!
//! Built-in cues are about how answers are told (hedges, blame, "as a result"); the category's
//! lexicons say what its domain counts as a metric, an activity, a team, a stage or the buyer.
//! Built-in defaults for those domain lists keep categories without a companion useful.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use interview_content::Category;

use crate::tokens::{ScanHit, SentenceScan, stem_phrase};

/// Built-in and lexicon phrase classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[allow(clippy::enum_variant_names)] // `ActionCue` reads better than `Action` beside `Plan`.
pub(crate) enum Cue {
    /// Effort nouns that are counted (meetings, calls, partners recruited).
    Activity,
    /// Verbs that go with an activity count (recruited, sent, held).
    ActivityVerb,
    /// Words that name a business outcome (revenue, pipeline, closed).
    Outcome,
    /// Nouns whose count is an outcome (deals, customers, logos).
    OutcomeNoun,
    /// A business metric's name (win rate, cycle time).
    MetricTerm,
    /// Words that quantify change without digits (doubled, halved, a third).
    MetricWord,
    /// Words that describe a change (increased, from, dropped).
    Change,
    /// Units of time (days, quarters): a duration is not a metric by itself.
    TimeUnit,
    /// Spelled-out numbers and vague counts (three, dozens).
    NumberWord,
    /// Cross-functional teams.
    Team,
    /// A bare "product" that names a team only in context.
    ProductWord,
    /// Company stage and role words.
    Stage,
    /// The end customer's or buyer's needs.
    Buyer,
    /// Hedges.
    Hedge,
    /// Words that blame.
    Blame,
    /// Words that disparage.
    Disparage,
    /// People or groups that can be criticised.
    Target,
    /// Prose cues of each part of an answer.
    ContextCue,
    /// See [`Cue::ContextCue`].
    ActionCue,
    /// See [`Cue::ContextCue`].
    OutcomeCue,
    /// See [`Cue::ContextCue`].
    LearningCue,
    /// Clarifying questions or stated assumptions.
    Clarify,
    /// Proposed actions in a scenario answer.
    Plan,
}

/// How many [`Cue`] variants there are.
pub(crate) const CUE_COUNT: usize = Cue::Plan as usize + 1;

/// A class a phrase belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Class {
    /// A built-in or lexicon cue.
    Cue(Cue),
    /// A concept of the category (index into its concepts).
    Concept(u16),
    /// A metric of the category (index into its metric lexicon).
    Metric(u16),
}

#[rustfmt::skip]
const OUTCOMES: &[&str] = &[
    "revenue", "pipeline", "arr", "mrr", "booking", "bookings", "closed-won", "deals closed",
    "closed deals", "win rate", "conversion", "retention", "churn", "renewal", "upsell",
    "expansion", "margin", "profit", "quota", "new logo", "new customers", "sourced", "influenced",
    "roi", "cac", "cycle time", "nps", "adoption", "activation", "signed deal", "growth",
    "attainment", "market share",
];
#[rustfmt::skip]
const OUTCOME_NOUNS: &[&str] = &[
    "deal", "customer", "logo", "client", "account", "renewal", "win", "upsell", "opportunity",
    "booking", "signup", "sign-up", "user", "subscriber", "integration", "contract", "lead", "sql",
    "mql", "order", "seat", "license", "licence", "closed deal", "paying customer",
    "active partner", "activated partner", "live integration", "referral",
];
#[rustfmt::skip]
const METRIC_TERMS: &[&str] = &[
    "win rate", "conversion rate", "conversion", "revenue", "cycle time", "sales cycle",
    "retention", "churn", "arr", "mrr", "pipeline", "nps", "cac", "ltv", "margin", "deal size",
    "attach rate", "activation", "adoption", "roi", "quota", "bookings", "time to value",
    "time-to-value", "ramp time", "close rate", "sourced pipeline", "influenced revenue",
    "response time", "onboarding time", "time to first deal", "payback", "acv", "tcv",
    "premium", "gmv", "take rate", "capture rate",
];
#[rustfmt::skip]
const METRIC_WORDS: &[&str] = &[
    "doubled", "doubling", "tripled", "tripling", "quadrupled", "halved", "halving", "in half",
    "by half", "by a third", "a third of", "one third", "one-third", "two thirds", "two-thirds",
    "by a quarter", "twice as", "twice the", "three times", "four times", "five times", "ten times",
    "twofold", "threefold", "tenfold", "two-fold", "three-fold", "fourfold", "four-fold",
    "fivefold", "five-fold", "by a fifth", "a fifth of", "by a tenth",
];
#[rustfmt::skip]
const CHANGE: &[&str] = &[
    "increase", "grew", "grow", "rose", "rise", "improve", "reduce", "drop", "cut", "lift", "boost",
    "raise", "went from", "moved from", "from", "declin", "climb", "fell", "lower", "shorten",
    "accelerat", "expand", "jump", "shrank", "decreas", "saved", "save", "generat", "deliver",
    "drove", "added",
];
#[rustfmt::skip]
const TIME_UNITS: &[&str] = &[
    "day", "week", "month", "year", "quarter", "hour", "minute", "min", "hr", "yr", "sprint",
    "fortnight", "decade", "second",
];
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen",
    "dozens", "hundreds", "thousands", "countless", "numerous", "endless",
];
#[rustfmt::skip]
const CONTEXT_CUES: &[&str] = &[
    "at my last company", "at my previous company", "in my last role", "in my previous role",
    "in my current role", "when i joined", "i joined", "the situation", "background", "at the time",
    "was struggling", "were struggling", "the problem was", "the challenge was", "our challenge",
    "i was hired", "i was brought in", "i inherited", "when i started", "we had", "there was",
    "there were", "had no", "situation", "context", "i was responsible", "i owned", "i managed",
    "my role", "the goal was", "our goal", "we needed", "needed to", "for example", "for instance",
    "at my", "at our", "in my last", "in a previous", "in my previous", "at the start",
    "when we started", "back then", "previously", "at that point", "the company", "our company",
];
#[rustfmt::skip]
const ACTION_CUES: &[&str] = &[
    "i built", "i led", "i designed", "i launched", "i created", "i set up", "i ran", "i started",
    "i proposed", "i negotiated", "i introduced", "i partnered", "i worked with", "i mapped",
    "i restructured", "i decided", "i focused", "i brought", "i organised", "i organized",
    "i drove", "i defined", "i identified", "i rebuilt", "my approach", "i aligned", "i pitched",
    "i interviewed", "i analysed", "i analyzed", "i wrote", "i ran", "i put", "i set", "i made",
    "i took", "i chose", "i created", "i redesigned", "i shifted", "i moved", "i changed",
    "i asked", "i convinced", "i secured", "i structured", "i tied", "i co-wrote", "i co-designed",
    "i met", "i reviewed", "i hired", "i trained", "i piloted", "i tested", "i prioritised",
    "i prioritized", "i sat down", "i replaced", "i cut", "i negotiate", "i evaluate", "i build",
    "i structure", "i run", "i start", "i use", "i track", "i would", "i'd", "i will", "i'll",
    "my plan", "first step", "so i", "then i",
];
#[rustfmt::skip]
const OUTCOME_CUES: &[&str] = &[
    "as a result", "result", "resulted", "resulting", "led to", "outcome", "impact", "by the end",
    "in the end", "ended up", "ended the year", "increased", "grew", "rose", "improved", "reduced",
    "dropped", "doubled", "tripled", "halved", "generated", "delivered", "closed", "achieved",
    "saved", "lifted", "boosted", "became", "now accounts", "went from", "within a year",
    "the partnership now", "which meant", "win rate", "hit", "exceeded", "success looks like",
    "measure success", "i'd measure", "i would measure", "we'd measure", "success would be",
    "i'd track", "i would track", "i'd expect", "i would expect", "the goal would be",
];
#[rustfmt::skip]
const LEARNING_CUES: &[&str] = &[
    "i learned", "i learnt", "learned that", "learnt that", "lesson", "taught me", "next time",
    "in hindsight", "looking back", "takeaway", "do differently", "i would change", "i'd change",
    "since then", "going forward", "i realised", "i realized", "reflection", "i now",
    "now i always", "i always", "i'd now", "i would now", "the learning", "learning was",
    "what i learned", "if i did it again", "i'd do it", "i would do it", "retrospect",
];

/// Built-in phrases by class.
fn builtins() -> impl Iterator<Item = (Cue, &'static [&'static str])> {
    [
        (Cue::Activity, crate::rules::activity_volume::ACTIVITIES),
        (
            Cue::ActivityVerb,
            crate::rules::activity_volume::ACTIVITY_VERBS,
        ),
        (Cue::Outcome, OUTCOMES),
        (Cue::OutcomeNoun, OUTCOME_NOUNS),
        (Cue::MetricTerm, METRIC_TERMS),
        (Cue::MetricWord, METRIC_WORDS),
        (Cue::Change, CHANGE),
        (Cue::TimeUnit, TIME_UNITS),
        (Cue::NumberWord, NUMBER_WORDS),
        (Cue::Team, crate::rules::cross_functional::TEAMS),
        (Cue::ProductWord, &["product"]),
        (Cue::Stage, crate::rules::role_stage::STAGES),
        (Cue::Buyer, crate::rules::buyer_empathy::BUYER),
        (Cue::Hedge, crate::rules::hedging::HEDGES),
        (Cue::Blame, crate::rules::criticism::BLAME),
        (Cue::Disparage, crate::rules::criticism::DISPARAGE),
        (Cue::Target, crate::rules::criticism::TARGETS),
        (Cue::ContextCue, CONTEXT_CUES),
        (Cue::ActionCue, ACTION_CUES),
        (Cue::OutcomeCue, OUTCOME_CUES),
        (Cue::LearningCue, LEARNING_CUES),
        (Cue::Clarify, crate::rules::clarifying_questions::CLARIFY),
        (Cue::Plan, crate::rules::clarifying_questions::PLAN),
    ]
    .into_iter()
}

/// The compiled phrase matcher of one category.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// `None` only if the patterns could not be compiled (too large); nothing matches then.
    automaton: Option<AhoCorasick>,
    /// Classes of each pattern, by pattern id.
    classes: Vec<Vec<Class>>,
    /// Words in each pattern.
    lengths: Vec<usize>,
    /// Lower-case words of the team names behind each pattern: stems are too loose for them
    /// ("marketing" and "market" share one).
    team_forms: HashMap<usize, Vec<Vec<String>>>,
}

/// Where the classes were found: token ranges, in document order per class.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hits {
    /// By [`Cue`] index.
    pub cues: Vec<Vec<Range<usize>>>,
    /// Concept index and token range.
    pub concepts: Vec<(u16, Range<usize>)>,
    /// Metric index and token range.
    pub metrics: Vec<(u16, Range<usize>)>,
    /// Words in the longest pattern: no hit spans more tokens.
    pub longest: usize,
}

impl Hits {
    /// Token ranges of `cue`.
    pub fn of(&self, cue: Cue) -> &[Range<usize>] {
        self.cues.get(cue as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether `cue` occurs among tokens `within`.
    pub fn any_in(&self, cue: Cue, within: Range<usize>) -> bool {
        let list = self.of(cue);
        let at = list.partition_point(|r| r.start < within.start);
        list[at..]
            .iter()
            .take_while(|r| r.start < within.end)
            .any(|r| r.end <= within.end)
    }

    /// The hits of `cue` that lie among tokens `within`.
    pub fn in_range(&self, cue: Cue, within: Range<usize>) -> &[Range<usize>] {
        let list = self.of(cue);
        let from = list.partition_point(|r| r.start < within.start);
        let to = list.partition_point(|r| r.start < within.end);
        &list[from..to.max(from)]
    }

    /// Whether token `i` is covered by a hit of `cue`.
    pub fn covers(&self, cue: Cue, i: usize) -> bool {
        self.covering(cue, i).next().is_some()
    }

    /// The hits of `cue` that cover token `i`.
    pub fn covering(&self, cue: Cue, i: usize) -> impl Iterator<Item = &Range<usize>> {
        let list = self.of(cue);
        // Sorted by start; no hit is longer than the longest pattern.
        let end = list.partition_point(|r| r.start <= i);
        let longest = self.longest;
        list[..end]
            .iter()
            .rev()
            .take_while(move |r| r.start + longest > i)
            .filter(move |r| r.end > i)
    }
}

impl Lexicon {
    /// Compiles the built-in cues and `category`'s lexicons and concepts.
    pub fn new(category: Option<&Category>) -> Lexicon {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut classes: Vec<Vec<Class>> = Vec::new();
        let mut team_forms: HashMap<usize, Vec<Vec<String>>> = HashMap::new();
        let mut add = |phrase: &str, class: Class| {
            let Some(stemmed) = stem_phrase(phrase) else {
                return;
            };
            let id = *index.entry(stemmed.clone()).or_insert_with(|| {
                patterns.push(stemmed);
                classes.push(Vec::new());
                patterns.len() - 1
            });
            if !classes[id].contains(&class) {
                classes[id].push(class);
            }
            if matches!(class, Class::Cue(Cue::Team | Cue::ProductWord)) {
                let words = phrase
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric() && c != '&')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                team_forms.entry(id).or_default().push(words);
            }
        };
        for (cue, phrases) in builtins() {
            for phrase in phrases {
                add(phrase, Class::Cue(cue));
            }
        }
        if let Some(category) = category {
            let lex = &category.lexicons;
            for (i, metric) in lex.metrics.iter().enumerate().take(u16::MAX as usize) {
                for name in std::iter::once(&metric.name).chain(&metric.synonyms) {
                    add(name, Class::Metric(i as u16));
                    add(name, Class::Cue(Cue::MetricTerm));
                    add(name, Class::Cue(Cue::Outcome));
                }
            }
            for (list, cue) in [
                (&lex.activities, Cue::Activity),
                (&lex.outcomes, Cue::Outcome),
                (&lex.stages, Cue::Stage),
                (&lex.buyer, Cue::Buyer),
            ] {
                for phrase in list {
                    add(phrase, Class::Cue(cue));
                }
            }
            // The teams that count are those the cross-functional rubric line names
            // ("alignment with marketing, product, and customer success"); all without one.
            let line = cross_functional_line(category).to_lowercase();
            let named = |team: &interview_content::Term| {
                std::iter::once(&team.name)
                    .chain(&team.synonyms)
                    .any(|n| contains_words(&line, &n.to_lowercase()))
            };
            let any_named = lex.teams.iter().any(named);
            for team in lex.teams.iter().filter(|t| !any_named || named(t)) {
                for name in std::iter::once(&team.name).chain(&team.synonyms) {
                    // A bare "product" is a team only in context (checked by the rule).
                    let cue = if name.trim().eq_ignore_ascii_case("product") {
                        Cue::ProductWord
                    } else {
                        Cue::Team
                    };
                    add(name, Class::Cue(cue));
                }
            }
            let definitions: Vec<&str> = category
                .concepts
                .iter()
                .map(|c| c.definition.as_str())
                .collect();
            // What each concept is called: a word one concept is named by belongs to it, not to
            // another whose definition lists it ("co-sell" in the partner types' models).
            let named: Vec<Vec<String>> = category
                .concepts
                .iter()
                .map(|c| {
                    std::iter::once(&c.name)
                        .chain(&c.synonyms)
                        .map(|n| crate::tokens::stems(n).concat())
                        .collect()
                })
                .collect();
            for (i, concept) in category.concepts.iter().enumerate().take(u16::MAX as usize) {
                for name in std::iter::once(&concept.name).chain(&concept.synonyms) {
                    add(name, Class::Concept(i as u16));
                }
                // The things its definition lists count too, in the draft's own words.
                for term in
                    crate::rules::concepts::concept_terms(concept, &definitions, &lex.metrics)
                {
                    let stem = crate::tokens::stems(&term).concat();
                    let other = named
                        .iter()
                        .enumerate()
                        .any(|(k, names)| k != i && names.contains(&stem));
                    if !other {
                        add(&term, Class::Concept(i as u16));
                    }
                }
            }
        }
        let lengths = patterns
            .iter()
            .map(|p| p.split(' ').filter(|w| !w.is_empty()).count())
            .collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Lexicon {
            automaton,
            classes,
            lengths,
            team_forms,
        }
    }

    /// Words in the longest pattern: no hit spans more words.
    pub fn longest(&self) -> usize {
        self.lengths.iter().copied().max().unwrap_or(0)
    }

    /// Finds every class in a sentence's stems and stores the hits in it, sorted.
    pub fn scan(&self, scan: &mut SentenceScan) {
        let mut hits = std::mem::take(&mut scan.hits);
        hits.clear();
        let Some(automaton) = &self.automaton else {
            return;
        };
        for found in automaton.find_overlapping_iter(&scan.stems) {
            let id = found.pattern().as_usize();
            let start = scan.word_at_stem(found.start() + 1);
            let range = start..start + self.lengths[id];
            let surface_ok = || {
                self.team_forms.get(&id).is_none_or(|forms| {
                    forms.iter().any(|words| {
                        words.len() == range.len()
                            && words
                                .iter()
                                .zip(range.clone())
                                .all(|(w, t)| same_word(w, scan.lower(t)))
                    })
                })
            };
            for &class in &self.classes[id] {
                if matches!(class, Class::Cue(Cue::Team | Cue::ProductWord)) && !surface_ok() {
                    continue;
                }
                hits.push(ScanHit {
                    start: range.start as u32,
                    end: range.end as u32,
                    class,
                });
            }
        }
        // Overlapping matches arrive by end; rules want them by start.
        hits.sort_unstable();
        hits.dedup();
        scan.hits = hits;
    }
}

impl Hits {
    /// No hits yet, for a lexicon whose longest pattern has `longest` words.
    pub fn empty(longest: usize) -> Hits {
        Hits {
            cues: vec![Vec::new(); CUE_COUNT],
            longest,
            ..Hits::default()
        }
    }

    /// Empties it, keeping its buffers.
    pub fn clear(&mut self) {
        self.cues.iter_mut().for_each(Vec::clear);
        self.concepts.clear();
        self.metrics.clear();
    }

    /// Appends a sentence's hits, its first word being token `base` of the draft. Sentences
    /// come in document order, so every list stays sorted by start.
    pub fn push(&mut self, base: usize, hits: &[ScanHit]) {
        for hit in hits {
            let range = base + hit.start as usize..base + hit.end as usize;
            match hit.class {
                Class::Cue(cue) => self.cues[cue as usize].push(range),
                Class::Concept(i) => self.concepts.push((i, range)),
                Class::Metric(i) => self.metrics.push((i, range)),
            }
        }
    }
}

/// The text of the rubric line the `cross-functional` rule cites, or nothing.
fn cross_functional_line(category: &Category) -> String {
    let lines = || category.mistakes.iter().chain(&category.best_practices);
    category
        .rule_citations
        .iter()
        .find(|c| c.rule == "cross-functional")
        .and_then(|c| lines().find(|l| l.id == c.line_id))
        .or_else(|| lines().find(|l| l.text.to_lowercase().contains("cross-functional")))
        .map(|l| l.text.clone())
        .unwrap_or_default()
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `word` as written, or its plural or possessive.
fn same_word(word: &str, lower: &str) -> bool {
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(lower);
    lower == word
        || lower.strip_suffix('s') == Some(word)
        || lower.strip_suffix("es") == Some(word)
        || word.strip_suffix('s') == Some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memo::scan_prose;
    use crate::tokens::Tokens;

    fn words(text: &str, tokens: &Tokens, ranges: &[Range<usize>]) -> Vec<String> {
        ranges
            .iter()
            .map(|r| text[tokens.span(r.clone())].to_string())
            .collect()
    }

    #[test]
    fn finds_builtin_cues_across_inflections_and_not_across_sentences() {
        let lexicon = Lexicon::new(None);
        let text = "I think our win rates rose. Kind\nof odd. We held 40 meetings";
        let prose = scan_prose(text, Some((&lexicon, (0, 0))), None);
        let (tokens, hits) = (prose.tokens, prose.hits);
        assert_eq!(words(text, &tokens, hits.of(Cue::Hedge)), ["I think"]);
        assert_eq!(
            words(text, &tokens, hits.of(Cue::MetricTerm)),
            ["win rates"]
        );
        assert_eq!(words(text, &tokens, hits.of(Cue::Activity)), ["meetings"]);
        assert!(hits.any_in(Cue::Change, 0..6));
        assert!(!hits.any_in(Cue::Change, 0..5));
        assert!(hits.covers(Cue::Hedge, 1));
        let text = "The market moved. Our marketing team and product managers agreed.";
        let prose = scan_prose(text, Some((&lexicon, (0, 0))), None);
        let (tokens, hits) = (prose.tokens, prose.hits);
        assert_eq!(
            words(text, &tokens, hits.of(Cue::Team)),
            ["marketing", "product managers"]
        );
        assert!(!hits.covers(Cue::Hedge, 2));
    }
}
