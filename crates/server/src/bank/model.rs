//! The answer bank as data: every question and scenario of a category with its drafts, scores,
//! open findings and missed talking points, the category's totals and what to practise next.
//!
//! Built from the reports `check` already produced ([`Bank::build`]); pure, so the table, the JSON
//! and the HTML all render the same facts. The JSON form is a contract for other tools.

use std::collections::{BTreeMap, BTreeSet};

use interview_content::{Catalog, Category};
use interview_rubric::{MentionTarget, Report, Rule};
use serde::Serialize;

/// How many entries "practise next" lists at most.
const PRACTISE_NEXT: usize = 5;

/// One analysed draft, as the bank needs it.
pub struct DraftInput<'a> {
    /// The path as shown to the user.
    pub path: &'a str,
    /// The file's URI, when the bank is built for an editor.
    pub uri: Option<&'a str>,
    /// The engine's report.
    pub report: &'a Report,
}

/// The overview of every loaded category that has drafts, plus the drafts that link to nothing.
#[derive(Debug, Clone, Serialize)]
pub struct Bank {
    /// Categories with at least one draft (or the one asked for), in catalog order.
    pub categories: Vec<CategoryBank>,
    /// Drafts that name no question or scenario, with how to link them.
    pub unlinked: Vec<Unlinked>,
}

/// One category's bank.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryBank {
    /// Category id (`partnerships`).
    pub id: String,
    /// The category's title.
    pub title: String,
    /// Questions and scenarios with at least one draft.
    pub drafted: usize,
    /// Questions and scenarios in the category.
    pub total: usize,
    /// Mean of the best drafts' scores as a percentage of their maximum, when any is drafted.
    pub mean_score_percent: Option<u32>,
    /// Speaking time of the best drafts, added up, in seconds.
    pub total_seconds: u32,
    /// The category's key concepts, in guide order.
    pub concepts: Vec<ConceptName>,
    /// Every question, then every scenario, in guide order.
    pub items: Vec<Item>,
    /// Key concepts (ids) that no draft of the category mentions.
    pub uncovered_concepts: Vec<String>,
    /// What to practise next, most useful first.
    pub practise_next: Vec<Practice>,
}

/// A key concept's id and name.
#[derive(Debug, Clone, Serialize)]
pub struct ConceptName {
    /// `partnerships/co-sell-motions`.
    pub id: String,
    /// `Co-sell motions`.
    pub name: String,
}

/// Whether an item is a question or a scenario prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// One of the category's common interview questions.
    Question,
    /// A real business scenario asked as a prompt.
    Scenario,
}

/// A question or scenario and its drafts.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// `partnerships/q2`, `partnerships/scenario-1`.
    pub id: String,
    /// Question or scenario.
    pub kind: ItemKind,
    /// The question's text or the scenario's prompt.
    pub title: String,
    /// Key concepts (ids) its talking points draw on.
    pub concepts: Vec<String>,
    /// Its drafts, best first.
    pub drafts: Vec<DraftSummary>,
    /// Index into `drafts` of the draft that counts (always 0 when there are drafts).
    pub best: Option<usize>,
    /// Key concepts (ids) of the item that the best draft never mentions.
    pub missed_concepts: Vec<String>,
    /// Talking points of the item whose concepts the best draft never mentions.
    pub missed_talking_points: Vec<String>,
    /// Scores from the history and this run, when history is kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

/// One draft of an item.
#[derive(Debug, Clone, Serialize)]
pub struct DraftSummary {
    /// The path as shown to the user.
    pub path: String,
    /// The file's URI, when the bank is built for an editor (the language server's
    /// `interviewCoach.bank`); absent from the command line's JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Rubric points earned.
    pub score: u32,
    /// Rubric points possible.
    pub max: u32,
    /// Words of prose.
    pub words: usize,
    /// Estimated speaking time in seconds.
    pub seconds: u32,
    /// Open findings by rule id, the rubric's scored rules first.
    pub rules: Vec<RuleCount>,
}

/// How many findings one rule has on a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule id.
    pub rule: String,
    /// Its findings on the draft.
    pub count: usize,
}

/// First, best and latest recorded scores of an item, as percentages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The first score recorded for the item.
    pub first: u32,
    /// The best score recorded or seen now.
    pub best: u32,
    /// The score now.
    pub latest: u32,
    /// Latest against the previous record: 1 up, 0 level, -1 down.
    pub trend: i8,
}

/// One thing to practise next, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Practice {
    /// The item id, or the rule id for a rule failing across drafts.
    pub id: String,
    /// Why it is on the list, one line.
    pub reason: String,
}

/// A draft that links to no question, and how to link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unlinked {
    /// The path as shown to the user.
    pub path: String,
    /// The file's URI, when the bank is built for an editor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// What to add to the draft.
    pub fix: String,
}

impl DraftSummary {
    fn percent(&self) -> u32 {
        percent(self.score, self.max)
    }
}

/// `points` of `max` as a whole percentage (100 when nothing is scored).
pub fn percent(points: u32, max: u32) -> u32 {
    (points * 100 + max / 2).checked_div(max).unwrap_or(100)
}

impl Item {
    /// The draft that counts, when there is one.
    pub fn best_draft(&self) -> Option<&DraftSummary> {
        self.best.and_then(|i| self.drafts.get(i))
    }
}

impl Bank {
    /// The bank of `drafts` against `catalog`; with `only`, just that category (even without
    /// drafts), else every category with at least one draft.
    pub fn build(catalog: &Catalog, drafts: &[DraftInput<'_>], only: Option<&str>) -> Bank {
        let mut by_item: BTreeMap<&str, Vec<&DraftInput<'_>>> = BTreeMap::new();
        let mut unlinked = Vec::new();
        for draft in drafts {
            match draft.report.link.as_ref().and_then(|l| l.target.as_deref()) {
                Some(target) => by_item.entry(target).or_default().push(draft),
                None => unlinked.push(Unlinked {
                    path: draft.path.to_owned(),
                    uri: draft.uri.map(str::to_owned),
                    fix: link_fix(catalog, draft.report),
                }),
            }
        }
        let categories = catalog
            .categories
            .iter()
            .filter(|c| match only {
                Some(id) => c.id == id,
                None => by_item.keys().any(|k| k.split('/').next() == Some(&c.id)),
            })
            .map(|c| category_bank(c, &by_item))
            .collect();
        Bank {
            categories,
            unlinked,
        }
    }
}

/// How to link a draft that names nothing: the engine's own fix when it offers one.
fn link_fix(catalog: &Catalog, report: &Report) -> String {
    let offered = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::Link)
        .flat_map(|f| &f.fixes)
        .next()
        .map(|fix| fix.title.clone());
    offered.map_or_else(
        || {
            let category = catalog.categories.first().map_or("partnerships", |c| &c.id);
            format!(
                "add front matter naming its question: `category: {category}` and `question: N`"
            )
        },
        |title| format!("quick fix: {title}"),
    )
}

fn category_bank(
    category: &Category,
    by_item: &BTreeMap<&str, Vec<&DraftInput<'_>>>,
) -> CategoryBank {
    let questions = category.questions.iter().map(|q| {
        let concepts = ordered_unique(q.talking_points.iter().flat_map(|p| &p.concepts));
        let points: Vec<(&str, &[String])> = q
            .talking_points
            .iter()
            .map(|p| (p.text.as_str(), p.concepts.as_slice()))
            .collect();
        (
            q.id.as_str(),
            ItemKind::Question,
            q.text.as_str(),
            concepts,
            points,
        )
    });
    let scenarios = category.scenarios.iter().map(|s| {
        (
            s.id.as_str(),
            ItemKind::Scenario,
            s.prompt.as_str(),
            Vec::new(),
            Vec::new(),
        )
    });
    let mut mentioned_anywhere: BTreeSet<String> = BTreeSet::new();
    let mut items = Vec::new();
    for (id, kind, title, concepts, points) in questions.chain(scenarios) {
        let mut drafts: Vec<(DraftSummary, BTreeSet<String>)> = by_item
            .get(id)
            .into_iter()
            .flatten()
            .map(|d| (summary(d), concept_mentions(d.report)))
            .collect();
        // Best first: highest score, then fewer findings, then path for a stable order.
        drafts.sort_by(|(a, _), (b, _)| {
            b.percent()
                .cmp(&a.percent())
                .then_with(|| findings(a).cmp(&findings(b)))
                .then_with(|| a.path.cmp(&b.path))
        });
        for (_, mentioned) in &drafts {
            mentioned_anywhere.extend(mentioned.iter().cloned());
        }
        let best_mentions = drafts.first().map(|(_, m)| m.clone()).unwrap_or_default();
        let (missed_concepts, missed_talking_points) = if drafts.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            (
                concepts
                    .iter()
                    .filter(|c| !best_mentions.contains(c.as_str()))
                    .cloned()
                    .collect(),
                points
                    .iter()
                    .filter(|(_, cs)| {
                        !cs.is_empty() && cs.iter().all(|c| !best_mentions.contains(c))
                    })
                    .map(|(text, _)| (*text).to_owned())
                    .collect(),
            )
        };
        let drafts: Vec<DraftSummary> = drafts.into_iter().map(|(d, _)| d).collect();
        items.push(Item {
            id: id.to_owned(),
            kind,
            title: title.to_owned(),
            concepts,
            best: (!drafts.is_empty()).then_some(0),
            drafts,
            missed_concepts,
            missed_talking_points,
            progress: None,
        });
    }
    let best: Vec<&DraftSummary> = items.iter().filter_map(Item::best_draft).collect();
    let mean_score_percent = (!best.is_empty()).then(|| {
        let sum: u32 = best.iter().map(|d| d.percent()).sum();
        (sum + best.len() as u32 / 2) / best.len() as u32
    });
    let uncovered_concepts = category
        .concepts
        .iter()
        .filter(|c| !mentioned_anywhere.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    let practise_next = practise_next(&items);
    CategoryBank {
        id: category.id.clone(),
        title: category.title.clone(),
        drafted: best.len(),
        total: items.len(),
        mean_score_percent,
        concepts: category
            .concepts
            .iter()
            .map(|c| ConceptName {
                id: c.id.clone(),
                name: c.name.clone(),
            })
            .collect(),
        total_seconds: best.iter().map(|d| d.seconds).sum(),
        items,
        uncovered_concepts,
        practise_next,
    }
}

fn ordered_unique<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| seen.insert(id.as_str())).cloned().collect()
}

fn findings(draft: &DraftSummary) -> usize {
    draft.rules.iter().map(|r| r.count).sum()
}

fn summary(draft: &DraftInput<'_>) -> DraftSummary {
    let report = draft.report;
    let mut counts: BTreeMap<Rule, usize> = BTreeMap::new();
    for finding in &report.findings {
        *counts.entry(finding.rule).or_default() += 1;
    }
    DraftSummary {
        path: draft.path.to_owned(),
        uri: draft.uri.map(str::to_owned),
        score: report.score.points,
        max: report.score.max,
        words: report.words,
        seconds: report.speaking_seconds,
        rules: counts
            .into_iter()
            .map(|(rule, count)| RuleCount {
                rule: rule.id().to_owned(),
                count,
            })
            .collect(),
    }
}

fn concept_mentions(report: &Report) -> BTreeSet<String> {
    report
        .mentions
        .iter()
        .filter_map(|m| match &m.target {
            MentionTarget::Concept(id) => Some(id.to_string()),
            MentionTarget::Metric(_) => None,
        })
        .collect()
}

/// What to practise next: the weakest drafted item, then undrafted items in guide order, then the
/// other drafted items below full marks, weakest first; capped, then a rule that fails on at least
/// half of the drafts (and two), when there is one.
fn practise_next(items: &[Item]) -> Vec<Practice> {
    let mut weak: Vec<(&Item, &DraftSummary)> = items
        .iter()
        .filter_map(|i| i.best_draft().map(|d| (i, d)))
        .filter(|(_, d)| d.score < d.max)
        .collect();
    weak.sort_by_key(|(item, d)| (d.percent(), item_position(items, &item.id)));
    let mut out = Vec::new();
    let mut weak = weak.into_iter();
    if let Some((item, draft)) = weak.next() {
        out.push(weak_practice(item, draft, true));
    }
    for item in items.iter().filter(|i| i.drafts.is_empty()) {
        out.push(Practice {
            id: item.id.clone(),
            reason: "not drafted yet".to_owned(),
        });
    }
    out.extend(weak.map(|(item, draft)| weak_practice(item, draft, false)));
    out.truncate(PRACTISE_NEXT);
    if let Some(rule) = widespread_rule(items) {
        out.push(rule);
    }
    out
}

fn item_position(items: &[Item], id: &str) -> usize {
    items.iter().position(|i| i.id == id).unwrap_or(usize::MAX)
}

fn weak_practice(item: &Item, draft: &DraftSummary, lowest: bool) -> Practice {
    let rules: Vec<&str> = draft
        .rules
        .iter()
        .filter(|r| is_scored(&r.rule))
        .map(|r| r.rule.as_str())
        .take(3)
        .collect();
    let why = if rules.is_empty() {
        String::new()
    } else {
        format!(": {}", rules.join(", "))
    };
    Practice {
        id: item.id.clone(),
        reason: format!(
            "{} {}/{}{why}",
            if lowest { "lowest score" } else { "score" },
            draft.score,
            draft.max
        ),
    }
}

/// Rules that cost rubric points (the coaching extras `hedging` and `ownership`, and `link`, do
/// not).
fn is_scored(rule: &str) -> bool {
    !matches!(rule, "hedging" | "ownership" | "link")
}

fn widespread_rule(items: &[Item]) -> Option<Practice> {
    let best: Vec<&DraftSummary> = items.iter().filter_map(Item::best_draft).collect();
    let mut failing: BTreeMap<&str, usize> = BTreeMap::new();
    for draft in &best {
        for rule in draft.rules.iter().filter(|r| is_scored(&r.rule)) {
            *failing.entry(rule.rule.as_str()).or_default() += 1;
        }
    }
    let (rule, count) = failing
        .into_iter()
        .filter(|&(_, n)| n >= 2 && n * 2 >= best.len())
        .max_by_key(|&(rule, n)| (n, std::cmp::Reverse(rule)))?;
    Some(Practice {
        id: rule.to_owned(),
        reason: format!("fails on {count} of {} drafted answers", best.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use interview_rubric::{Settings, analyze_file};

    fn bank(drafts: &[(&str, &str)]) -> Bank {
        let catalog = Catalog::embedded();
        let reports: Vec<(String, Report)> = drafts
            .iter()
            .map(|(path, text)| {
                let name = path.rsplit('/').next();
                (
                    (*path).to_owned(),
                    analyze_file(text, name, catalog, &Settings::default()),
                )
            })
            .collect();
        let inputs: Vec<DraftInput<'_>> = reports
            .iter()
            .map(|(path, report)| DraftInput {
                path,
                uri: None,
                report,
            })
            .collect();
        Bank::build(catalog, &inputs, None)
    }

    const WEAK: &str =
        "---\nquestion: 4\n---\n# Co-sell\n\nWe held 30 meetings with the partner.\n";
    const STRONGER: &str = "---\nquestion: 4\n---\n# Co-sell\n\n**Context:** As head of partnerships at a Series B startup, I launched co-selling with our cloud partner because customers wanted one contract.\n\n**Action:** I mapped accounts with product marketing and customer success.\n\n**Outcome:** Win rate rose from 20% to 31%.\n\n**Learning:** I learned to start with account mapping.\n";

    #[test]
    fn every_item_is_listed_in_guide_order_with_its_best_draft() {
        let bank = bank(&[("a/weak.md", WEAK), ("a/strong.md", STRONGER)]);
        let category = &bank.categories[0];
        assert_eq!(category.id, "partnerships");
        assert_eq!(category.total, 12);
        assert_eq!(category.drafted, 1);
        let ids: Vec<&str> = category.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids[0], "partnerships/q1");
        assert_eq!(ids[11], "partnerships/scenario-2");
        let q4 = &category.items[3];
        assert_eq!(q4.drafts.len(), 2);
        assert_eq!(q4.best_draft().unwrap().path, "a/strong.md");
        assert!(q4.drafts[0].percent() > q4.drafts[1].percent());
    }

    #[test]
    fn practise_next_starts_with_the_weakest_draft_then_undrafted_items() {
        let bank = bank(&[("weak.md", WEAK)]);
        let next = &bank.categories[0].practise_next;
        assert_eq!(next[0].id, "partnerships/q4");
        assert!(next[0].reason.starts_with("lowest score"), "{next:?}");
        assert_eq!(next[1].id, "partnerships/q1");
        assert_eq!(next[1].reason, "not drafted yet");
        assert_eq!(next.len(), PRACTISE_NEXT);
    }

    #[test]
    fn unlinked_drafts_are_listed_with_a_fix() {
        let bank = bank(&[("notes.md", "Some thoughts on partners.\n")]);
        assert!(bank.categories.is_empty());
        assert_eq!(bank.unlinked.len(), 1);
        assert_eq!(bank.unlinked[0].path, "notes.md");
        assert!(!bank.unlinked[0].fix.is_empty());
    }

    #[test]
    fn concepts_no_draft_mentions_are_uncovered() {
        let bank = bank(&[("strong.md", STRONGER)]);
        let category = &bank.categories[0];
        assert!(
            !category
                .uncovered_concepts
                .contains(&"partnerships/co-sell-motions".to_owned()),
            "{:?}",
            category.uncovered_concepts
        );
        assert!(
            category
                .uncovered_concepts
                .contains(&"partnerships/incentive-alignment".to_owned())
        );
    }

    #[test]
    fn a_rule_failing_on_half_the_drafts_is_practised() {
        let other = WEAK.replace("question: 4", "question: 5");
        let bank = bank(&[("a.md", WEAK), ("b.md", &other)]);
        let last = bank.categories[0].practise_next.last().unwrap().clone();
        assert!(last.reason.contains("fails on 2 of 2"), "{last:?}");
    }
}
