//! Which question or scenario a draft answers: front matter, else a heading, else the file name.

use std::collections::HashSet;
use std::ops::Range;

use interview_content::Catalog;

use crate::LinkVia;
use crate::SectionKind;
use crate::draft::{Draft, classify_title};
use crate::tokens::stems;

/// What a draft answers, as catalog indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A common interview question (index into the category's questions).
    Question(usize),
    /// A real business scenario used as a prompt (index into the category's scenarios).
    Scenario(usize),
}

/// The outcome of linking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Linked {
    /// Category index in the catalog.
    pub category: Option<usize>,
    /// The question or scenario.
    pub target: Option<Target>,
    /// How the target (or, without one, the category) was found.
    pub via: Option<LinkVia>,
    /// What linked it, when in the text.
    pub range: Option<Range<usize>>,
    /// The heading that is the draft's title (index into the draft's headings).
    pub title: Option<usize>,
    /// A front matter value that names nothing: message and the value's range.
    pub problem: Option<(String, Range<usize>)>,
}

/// Content stems of the catalog's questions and scenarios, computed once per engine.
#[derive(Debug, Clone, Default)]
pub(crate) struct QuestionIndex {
    /// Per category: content stems of each question.
    pub questions: Vec<Vec<Vec<String>>>,
    /// Per category: content stems of each scenario prompt.
    pub scenarios: Vec<Vec<Vec<String>>>,
}

const STOPWORDS: &[&str] = &[
    "how", "do", "you", "i", "a", "an", "the", "what", "of", "to", "for", "and", "in", "on",
    "with", "that", "your", "is", "are", "it", "me", "my", "we", "our", "about", "tell", "when",
    "did", "would", "can", "could", "should", "which", "who", "why", "describ", "explain", "walk",
    "through", "give", "exampl", "time", "at", "by", "be", "or", "this", "there", "s",
];

/// The stems of `text` that carry meaning, deduplicated.
pub(crate) fn content_stems(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    stems(text)
        .into_iter()
        .filter(|s| !STOPWORDS.contains(&s.as_str()) && seen.insert(s.clone()))
        .collect()
}

impl QuestionIndex {
    /// Indexes every category's questions and scenario prompts.
    pub fn new(catalog: &Catalog) -> QuestionIndex {
        QuestionIndex {
            questions: catalog
                .categories
                .iter()
                .map(|c| c.questions.iter().map(|q| content_stems(&q.text)).collect())
                .collect(),
            scenarios: catalog
                .categories
                .iter()
                .map(|c| {
                    c.scenarios
                        .iter()
                        .map(|s| content_stems(&s.prompt))
                        .collect()
                })
                .collect(),
        }
    }
}

/// Dice similarity of two stem sets; needs two shared stems unless one side has only one.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|s| b.contains(s)).count();
    if common < 2.min(a.len()).min(b.len()) {
        return 0.0;
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The closest question or scenario to `text` in the given categories: `scenarios` `None`
/// searches both, `Some(true)` scenarios only, `Some(false)` questions only.
fn closest(
    index: &QuestionIndex,
    categories: &[usize],
    text: &str,
    scenarios: Option<bool>,
    threshold: f64,
) -> Option<(usize, Target)> {
    let probe = content_stems(text);
    let mut best: Option<(f64, usize, Target)> = None;
    for &c in categories {
        let lists = [
            (false, index.questions.get(c)),
            (true, index.scenarios.get(c)),
        ];
        for (is_scenario, list) in lists {
            if scenarios.is_some_and(|want| want != is_scenario) {
                continue;
            }
            for (i, stems) in list.into_iter().flatten().enumerate() {
                let score = similarity(&probe, stems);
                let target = if is_scenario {
                    Target::Scenario(i)
                } else {
                    Target::Question(i)
                };
                if score >= threshold && best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, c, target));
                }
            }
        }
    }
    best.map(|(_, c, t)| (c, t))
}

/// Resolves a `question:` or `scenario:` value (number, id or text).
fn resolve_value(
    catalog: &Catalog,
    index: &QuestionIndex,
    category: Option<usize>,
    value: &str,
    scenario: bool,
) -> Result<(usize, Target), String> {
    let value = value.trim();
    let (category, rest) = match value.split_once('/') {
        Some((cat, rest)) => match catalog.categories.iter().position(|c| c.id == cat.trim()) {
            Some(c) => (Some(c), rest.trim()),
            None => return Err(format!("no category `{}`", cat.trim())),
        },
        None => (category, value),
    };
    let lower = rest.to_ascii_lowercase();
    let number = lower
        .strip_prefix("scenario")
        .map(|n| (true, n))
        .or_else(|| lower.strip_prefix("question").map(|n| (false, n)))
        .or_else(|| lower.strip_prefix('q').map(|n| (false, n)))
        .or_else(|| lower.strip_prefix('s').map(|n| (true, n)))
        .map(|(s, n)| (s, n.trim_start_matches(['-', '_', ' '])))
        .or(Some((scenario, lower.as_str())))
        .and_then(|(s, n)| n.parse::<usize>().ok().map(|n| (s, n)));
    let categories: Vec<usize> = match category {
        Some(c) => vec![c],
        None => (0..catalog.categories.len()).collect(),
    };
    if let Some((is_scenario, number)) = number {
        let Some(&c) = categories.first() else {
            return Err("the catalog has no categories".into());
        };
        let cat = &catalog.categories[c];
        let (count, what) = if is_scenario {
            (cat.scenarios.len(), "scenario")
        } else {
            (cat.questions.len(), "question")
        };
        if number == 0 || number > count {
            return Err(format!(
                "{} has no {what} {number} (it has {count})",
                cat.title
            ));
        }
        let target = if is_scenario {
            Target::Scenario(number - 1)
        } else {
            Target::Question(number - 1)
        };
        return Ok((c, target));
    }
    closest(index, &categories, rest, Some(scenario), 0.5).ok_or_else(|| {
        let what = if scenario { "scenario" } else { "question" };
        format!("`{rest}` matches no {what} closely")
    })
}

/// Reads a question or scenario number and a category from a file name or path.
fn from_file_name(
    catalog: &Catalog,
    category: Option<usize>,
    file_name: &str,
) -> Option<(usize, Target)> {
    let lower = file_name.to_ascii_lowercase();
    let stem = lower.strip_suffix(".md").unwrap_or(&lower);
    let words: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let category = category.or_else(|| {
        words
            .iter()
            .find_map(|w| catalog.categories.iter().position(|c| c.id == *w))
    });
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).and_then(|n| n.parse::<usize>().ok());
        let parsed = match *word {
            "question" | "questions" | "q" => next.map(|n| (false, n)),
            "scenario" | "scenarios" => next.map(|n| (true, n)),
            w => w
                .strip_prefix("question")
                .map(|n| (false, n))
                .or_else(|| w.strip_prefix("scenario").map(|n| (true, n)))
                .or_else(|| w.strip_prefix('q').map(|n| (false, n)))
                .and_then(|(s, n)| n.parse::<usize>().ok().map(|n| (s, n))),
        };
        if parsed.is_some() {
            found = parsed;
            break;
        }
    }
    let (is_scenario, number) = found?;
    let c = category.or((catalog.categories.len() == 1).then_some(0))?;
    let cat = catalog.categories.get(c)?;
    let count = if is_scenario {
        cat.scenarios.len()
    } else {
        cat.questions.len()
    };
    if number == 0 || number > count {
        return None;
    }
    Some((
        c,
        if is_scenario {
            Target::Scenario(number - 1)
        } else {
            Target::Question(number - 1)
        },
    ))
}

/// Links a draft. `explicit` is a caller's question or scenario id, number or text.
pub(crate) fn link(
    catalog: &Catalog,
    index: &QuestionIndex,
    draft: &Draft,
    file_name: Option<&str>,
    explicit: Option<&str>,
) -> Linked {
    let mut linked = Linked::default();

    if let Some(value) = explicit {
        let scenario = value.to_ascii_lowercase().contains("scenario");
        let value = value.trim();
        if let Some(c) = catalog.categories.iter().position(|c| c.id == value) {
            // A category alone: its rubric applies; the question may still come from the draft.
            linked.category = Some(c);
            linked.via = Some(LinkVia::Explicit);
        } else if let Ok((c, t)) = resolve_value(catalog, index, None, value, scenario) {
            linked.category = Some(c);
            linked.target = Some(t);
            linked.via = Some(LinkVia::Explicit);
        }
    }

    if let Some(fm) = &draft.front_matter {
        if let Some(entry) = &fm.category {
            let value = entry.value.trim();
            match catalog.categories.iter().position(|c| {
                c.id.eq_ignore_ascii_case(value) || c.title.eq_ignore_ascii_case(value)
            }) {
                Some(c) => {
                    if linked.category.is_none() {
                        linked.category = Some(c);
                        linked.via = Some(LinkVia::FrontMatter);
                        linked.range = Some(entry.range.clone());
                    }
                }
                None => {
                    let known: Vec<&str> =
                        catalog.categories.iter().map(|c| c.id.as_str()).collect();
                    linked.problem = Some((
                        format!(
                            "Front matter names category `{value}`, which does not exist (known: {})",
                            known.join(", ")
                        ),
                        entry.range.clone(),
                    ));
                }
            }
        }
        let keyed = [(&fm.question, false), (&fm.scenario, true)];
        for (entry, scenario) in keyed {
            let Some(entry) = entry else { continue };
            if linked.target.is_some() {
                break;
            }
            match resolve_value(catalog, index, linked.category, &entry.value, scenario) {
                Ok((c, t)) => {
                    linked.category = Some(c);
                    linked.target = Some(t);
                    linked.via = Some(LinkVia::FrontMatter);
                    linked.range = Some(entry.range.clone());
                }
                Err(message) => {
                    let key = if scenario { "scenario" } else { "question" };
                    linked.problem.get_or_insert((
                        format!(
                            "Front matter `{key}: {}` links nothing: {message}",
                            entry.value
                        ),
                        entry.range.clone(),
                    ));
                }
            }
        }
    }

    // The title: the first H1, else the first heading, when it plays no part of the answer.
    let candidates = draft
        .headings
        .iter()
        .position(|h| h.level == 1)
        .into_iter()
        .chain((!draft.headings.is_empty()).then_some(0));
    let mut title = None;
    for h in candidates {
        let heading = &draft.headings[h];
        // `# Situation` is a part; `# How I launched a co-sell motion` is a title.
        let short = heading.title.split_whitespace().count() <= 3;
        if short && classify_title(&heading.title) != SectionKind::Other {
            continue;
        }
        title.get_or_insert(h);
        if linked.target.is_none() {
            let categories: Vec<usize> = match linked.category {
                Some(c) => vec![c],
                None => (0..catalog.categories.len()).collect(),
            };
            if let Some((c, t)) = closest(index, &categories, &heading.title, None, 0.6) {
                linked.category = Some(c);
                linked.target = Some(t);
                linked.via = Some(LinkVia::Heading);
                linked.range = Some(heading.range.clone());
                title = Some(h);
            }
        }
    }
    // Only an H1 (or a heading that linked) is a title; a lone `## Notes` is a section.
    linked.title =
        title.filter(|&h| draft.headings[h].level == 1 || linked.via == Some(LinkVia::Heading));

    if linked.target.is_none()
        && let Some(name) = file_name
        && let Some((c, t)) = from_file_name(catalog, linked.category, name)
    {
        linked.category = Some(c);
        linked.target = Some(t);
        linked.via = Some(LinkVia::FileName);
        linked.range = None;
    }
    linked
}
