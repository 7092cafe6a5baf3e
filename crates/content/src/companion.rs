//! The companion `<category>.toml`: what the Markdown does not say (definitions, synonyms,
//! talking points, scenario prompts, lexicons, rule citations), validated against the Markdown.
//!
//! ```toml
//! [concepts.co-sell-motions]          # key: the concept's slug
//! definition = "..."
//! synonyms = ["co-selling", "joint selling"]
//!
//! [questions.3]                       # key: the question's number
//! kind = "process"                    # process | behavioural | scenario
//! talking_points = [
//!   { text = "...", concepts = ["incentive-alignment"], examples = [2] },
//! ]
//!
//! [scenarios.1]
//! prompt = "..."
//!
//! [lexicons]
//! activities = ["meetings"]
//! outcomes = ["revenue"]
//! stages = ["series b"]
//! buyer = ["customer"]
//! [[lexicons.metrics]]
//! name = "win rate"
//! synonyms = ["close rate"]
//! measures = "..."
//! [[lexicons.teams]]
//! name = "customer success"
//! synonyms = ["csm"]
//!
//! [rules]                             # rule id = rubric line it enforces
//! metrics = "mistake-1"
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::ContentError;
use crate::markdown::Parsed;
use crate::model::{Lexicons, Metric, QuestionKind, RuleCitation, SourceRef, TalkingPoint, Term};
use crate::text::{LineIndex, squash_whitespace};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Companion {
    #[serde(default)]
    concepts: BTreeMap<Spanned<String>, ConceptEntry>,
    #[serde(default)]
    questions: BTreeMap<Spanned<String>, QuestionEntry>,
    #[serde(default)]
    scenarios: BTreeMap<Spanned<String>, ScenarioEntry>,
    #[serde(default)]
    lexicons: LexiconsEntry,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptEntry {
    #[serde(default)]
    definition: String,
    #[serde(default)]
    synonyms: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionEntry {
    kind: Option<QuestionKind>,
    #[serde(default)]
    talking_points: Vec<TalkingPointEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TalkingPointEntry {
    text: Spanned<String>,
    #[serde(default)]
    concepts: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioEntry {
    prompt: Spanned<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconsEntry {
    #[serde(default)]
    metrics: Vec<MetricEntry>,
    #[serde(default)]
    activities: Vec<Spanned<String>>,
    #[serde(default)]
    outcomes: Vec<Spanned<String>>,
    #[serde(default)]
    teams: Vec<TermEntry>,
    #[serde(default)]
    stages: Vec<Spanned<String>>,
    #[serde(default)]
    buyer: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricEntry {
    name: Spanned<String>,
    #[serde(default)]
    synonyms: Vec<Spanned<String>>,
    measures: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermEntry {
    name: Spanned<String>,
    #[serde(default)]
    synonyms: Vec<Spanned<String>>,
}

/// What the companion adds to the Markdown records.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    pub(crate) lexicons: Lexicons,
    pub(crate) rule_citations: Vec<RuleCitation>,
}

struct Checker<'a> {
    file: &'a str,
    category: &'a str,
    lines: LineIndex,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.errors.push(ContentError {
            file: self.file.to_owned(),
            line: Some(self.lines.line(span.start)),
            message,
        });
    }

    /// Lower-cased, whitespace-squashed terms; empty ones are errors, repeats are dropped.
    fn terms(&mut self, what: &str, raw: Vec<Spanned<String>>) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(raw.len());
        // A set beside the list keeps this linear: a companion may hold 100,000 terms.
        let mut seen = HashSet::with_capacity(raw.len());
        for term in raw {
            let span = term.span();
            let text = squash_whitespace(&term.into_inner().to_lowercase());
            if text.is_empty() {
                self.error(span, format!("empty entry in {what}"));
            } else if seen.insert(text.clone()) {
                out.push(text);
            }
        }
        out
    }

    /// A non-empty, whitespace-squashed sentence.
    fn sentence(&mut self, what: &str, raw: Spanned<String>) -> String {
        let span = raw.span();
        let text = squash_whitespace(raw.get_ref());
        if text.is_empty() {
            self.error(span, format!("{what} is empty"));
        }
        text
    }

    /// Resolves a reference written as a slug (`mistake-1`) or a full id (`partnerships/mistake-1`).
    fn local<'s>(&self, reference: &'s str) -> &'s str {
        reference
            .strip_prefix(self.category)
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(reference)
    }
}

/// Parses the companion and applies it to the Markdown records. On a TOML syntax or schema error
/// nothing is applied (the category keeps its derived defaults) and the error is returned.
pub(crate) fn apply(
    file: &str,
    category: &str,
    text: &str,
    parsed: &mut Parsed,
) -> (Applied, Vec<ContentError>) {
    let mut checker = Checker {
        file,
        category,
        lines: LineIndex::new(text),
        errors: Vec::new(),
    };
    let companion: Companion = match toml::from_str(text) {
        Ok(companion) => companion,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            checker.error(span, squash_whitespace(error.message()));
            return (Applied::default(), checker.errors);
        }
    };

    concepts(&mut checker, companion.concepts, parsed);
    questions(&mut checker, companion.questions, parsed);
    scenarios(&mut checker, companion.scenarios, parsed);
    let lexicons = lexicons(&mut checker, companion.lexicons);
    let rule_citations = rules(&mut checker, companion.rules, parsed);
    (
        Applied {
            lexicons,
            rule_citations,
        },
        checker.errors,
    )
}

fn concepts(
    checker: &mut Checker<'_>,
    entries: BTreeMap<Spanned<String>, ConceptEntry>,
    parsed: &mut Parsed,
) {
    // Which concept claimed each term first, so that overlaps are reported. Maps and sets, not
    // lists: the checks stay linear in the number of synonyms.
    let mut claimed: HashMap<String, String> = HashMap::new();
    for concept in &parsed.concepts {
        claimed
            .entry(concept.name.to_lowercase())
            .or_insert_with(|| concept.name.clone());
    }
    for (key, entry) in by_position(entries) {
        let span = key.span();
        let slug = checker.local(key.get_ref()).to_owned();
        let Some(index) = parsed
            .concepts
            .iter()
            .position(|c| c.id.rsplit('/').next() == Some(slug.as_str()))
        else {
            let known: Vec<String> = parsed
                .concepts
                .iter()
                .filter_map(|c| c.id.rsplit('/').next())
                .map(|s| format!("\"{s}\""))
                .collect();
            checker.error(
                span,
                format!(
                    "concept \"{slug}\" is not in the Key Concepts (expected one of {})",
                    known.join(", ")
                ),
            );
            continue;
        };
        let name = parsed.concepts[index].name.clone();
        let lower_name = name.to_lowercase();
        let mut synonyms = Vec::with_capacity(entry.synonyms.len());
        let mut own = HashSet::with_capacity(entry.synonyms.len());
        for synonym in entry.synonyms {
            let span = synonym.span();
            let text = squash_whitespace(&synonym.into_inner().to_lowercase());
            if text.is_empty() {
                checker.error(span, format!("empty synonym of concept \"{slug}\""));
                continue;
            }
            if text == lower_name || own.contains(&text) {
                continue;
            }
            if let Some(owner) = claimed.get(&text) {
                let message = format!(
                    "synonym \"{text}\" of concept \"{name}\" already names concept \"{owner}\""
                );
                checker.error(span, message);
                continue;
            }
            claimed.insert(text.clone(), name.clone());
            own.insert(text.clone());
            synonyms.push(text);
        }
        let concept = &mut parsed.concepts[index];
        concept.definition = squash_whitespace(&entry.definition);
        concept.synonyms = synonyms;
    }
}

/// Table entries in the order they appear in the file (a map sorts `11` before `3`), so that
/// errors come out in reading order and "first" in a message means first in the file.
fn by_position<V>(entries: BTreeMap<Spanned<String>, V>) -> Vec<(Spanned<String>, V)> {
    let mut entries: Vec<_> = entries.into_iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Parses a numeric table key (`[questions.3]`), reporting a bad one.
fn number_key(
    checker: &mut Checker<'_>,
    what: &str,
    key: &Spanned<String>,
    count: usize,
) -> Option<usize> {
    let number = key.get_ref().parse::<usize>().ok();
    match number {
        Some(n) if (1..=count).contains(&n) => Some(n - 1),
        Some(n) => {
            checker.error(
                key.span(),
                format!("unknown {what} number {n} (the category has {count} {what}s)"),
            );
            None
        }
        None => {
            checker.error(
                key.span(),
                format!(
                    "{what} key \"{}\" must be a number from 1 to {count}",
                    key.get_ref()
                ),
            );
            None
        }
    }
}

fn questions(
    checker: &mut Checker<'_>,
    entries: BTreeMap<Spanned<String>, QuestionEntry>,
    parsed: &mut Parsed,
) {
    for (key, entry) in by_position(entries) {
        let Some(index) = number_key(checker, "question", &key, parsed.questions.len()) else {
            continue;
        };
        let number = parsed.questions[index].number;
        let mut points = Vec::with_capacity(entry.talking_points.len());
        for point in entry.talking_points {
            let text = checker.sentence(&format!("a talking point of q{number}"), point.text);
            let mut concepts = Vec::with_capacity(point.concepts.len());
            for reference in point.concepts {
                let slug = checker.local(reference.get_ref());
                match parsed
                    .concepts
                    .iter()
                    .find(|c| c.id.rsplit('/').next() == Some(slug))
                {
                    Some(concept) => concepts.push(concept.id.clone()),
                    None => {
                        let message =
                            format!("talking point of q{number} names unknown concept \"{slug}\"");
                        checker.error(reference.span(), message);
                    }
                }
            }
            let mut examples = Vec::with_capacity(point.examples.len());
            for reference in point.examples {
                let wanted = *reference.get_ref();
                match parsed.examples.iter().find(|e| e.number == wanted) {
                    Some(example) => examples.push(example.id.clone()),
                    None => {
                        let message = format!(
                            "talking point of q{number} names unknown example answer {wanted} (the category has {})",
                            parsed.examples.len()
                        );
                        checker.error(reference.span(), message);
                    }
                }
            }
            points.push(TalkingPoint {
                text,
                concepts,
                examples,
            });
        }
        let question = &mut parsed.questions[index];
        if let Some(kind) = entry.kind {
            question.kind = kind;
        }
        question.talking_points = points;
    }
}

fn scenarios(
    checker: &mut Checker<'_>,
    entries: BTreeMap<Spanned<String>, ScenarioEntry>,
    parsed: &mut Parsed,
) {
    for (key, entry) in by_position(entries) {
        let Some(index) = number_key(checker, "scenario", &key, parsed.scenarios.len()) else {
            continue;
        };
        let what = format!("the prompt of scenario {}", index + 1);
        let prompt = checker.sentence(&what, entry.prompt);
        if !prompt.is_empty() {
            parsed.scenarios[index].prompt = prompt;
        }
    }
}

fn lexicons(checker: &mut Checker<'_>, entry: LexiconsEntry) -> Lexicons {
    let mut metrics: Vec<Metric> = Vec::with_capacity(entry.metrics.len());
    // Which metric claimed each term first (a map: linear in the number of terms).
    let mut metric_terms: HashMap<String, String> = HashMap::new();
    for metric in entry.metrics {
        let name_span = metric.name.span();
        let name = squash_whitespace(&metric.name.into_inner().to_lowercase());
        if name.is_empty() {
            checker.error(name_span, "empty metric name".to_owned());
            continue;
        }
        let measures =
            checker.sentence(&format!("what metric \"{name}\" measures"), metric.measures);
        let mut terms = vec![(name_span, name.clone())];
        for synonym in metric.synonyms {
            let span = synonym.span();
            let text = squash_whitespace(&synonym.into_inner().to_lowercase());
            if text.is_empty() {
                checker.error(span, format!("empty synonym of metric \"{name}\""));
            } else {
                terms.push((span, text));
            }
        }
        let mut synonyms = Vec::new();
        for (span, term) in terms {
            match metric_terms.get(&term) {
                // A repeat within this metric.
                Some(owner) if *owner == name => continue,
                Some(owner) => {
                    let message =
                        format!("\"{term}\" of metric \"{name}\" already names metric \"{owner}\"");
                    checker.error(span, message);
                    continue;
                }
                None => {}
            }
            metric_terms.insert(term.clone(), name.clone());
            if term != name {
                synonyms.push(term);
            }
        }
        metrics.push(Metric {
            name,
            synonyms,
            measures,
        });
    }

    let mut teams: Vec<Term> = Vec::with_capacity(entry.teams.len());
    for team in entry.teams {
        let span = team.name.span();
        let name = squash_whitespace(&team.name.into_inner().to_lowercase());
        if name.is_empty() {
            checker.error(span, "empty team name".to_owned());
            continue;
        }
        let mut synonyms =
            checker.terms(&format!("the synonyms of team \"{name}\""), team.synonyms);
        synonyms.retain(|s| *s != name);
        teams.push(Term { name, synonyms });
    }

    Lexicons {
        metrics,
        activities: checker.terms("lexicons.activities", entry.activities),
        outcomes: checker.terms("lexicons.outcomes", entry.outcomes),
        teams,
        stages: checker.terms("lexicons.stages", entry.stages),
        buyer: checker.terms("lexicons.buyer", entry.buyer),
    }
}

fn rules(
    checker: &mut Checker<'_>,
    entries: BTreeMap<Spanned<String>, Spanned<String>>,
    parsed: &Parsed,
) -> Vec<RuleCitation> {
    let mut citations = Vec::with_capacity(entries.len());
    for (rule, target) in by_position(entries) {
        let local = checker.local(target.get_ref());
        let line = parsed
            .best_practices
            .iter()
            .chain(&parsed.mistakes)
            .find(|l| l.id.rsplit('/').next() == Some(local));
        match line {
            Some(line) => citations.push(RuleCitation {
                rule: rule.get_ref().clone(),
                line_id: line.id.clone(),
                source: Some(SourceRef {
                    file: checker.file.to_owned(),
                    line: checker.lines.line(rule.span().start),
                }),
            }),
            None => {
                let message = format!(
                    "rule \"{}\" cites unknown rubric line \"{local}\" (expected best-practice-1 to best-practice-{} or mistake-1 to mistake-{})",
                    rule.get_ref(),
                    parsed.best_practices.len(),
                    parsed.mistakes.len()
                );
                checker.error(target.span(), message);
            }
        }
    }
    citations
}
