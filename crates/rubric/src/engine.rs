//! The engine: a catalog compiled for analysis (automata, question stems, citations), kept and
//! reused across analyses.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use interview_content::{Catalog, Category};

use crate::context::Ctx;
use crate::directives::Suppressions;
use crate::draft::Draft;
use crate::lexicon::Lexicon;
use crate::link::{self, QuestionIndex};
use crate::memo::{Memo, scan_prose};
use crate::{Citation, Link, Report, Rule, Settings, Syntax};

/// What to analyse a draft as, beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The draft's file name or path, used to link it when neither front matter nor a heading
    /// does (`q3-incentives.md`, `answers/partnerships/question-3.md`, `scenario-2.md`).
    pub file_name: Option<&'a str>,
    /// A question or scenario chosen by the caller (`check --question`): an id
    /// (`partnerships/q3`, `partnerships/scenario-1`), a number, or question text. It wins over
    /// everything in the draft. A bare category id (`partnerships`) fixes the category only.
    pub link_override: Option<&'a str>,
}

/// One category compiled for analysis.
#[derive(Debug, Clone)]
pub(crate) struct CompiledCategory {
    /// Phrase matcher over built-in cues and the category's lexicons.
    pub lexicon: Lexicon,
    /// Citation per rule (by [`Rule::ALL`] index), when the category has a line for it.
    pub citations: Vec<Option<Citation>>,
    /// Concept ids by index, shared by every mention of them.
    pub concept_ids: Vec<Arc<str>>,
    /// Metric names by index, shared by every mention of them.
    pub metric_names: Vec<Arc<str>>,
}

/// A catalog compiled for analysis. Build it once and keep it (a language server holds one);
/// [`crate::analyze`] keeps a small cache of them keyed by catalog content.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Tells engines apart for [`Memo`]s (a clone compiles the same lexicons, so it shares it).
    id: u64,
    catalog: Catalog,
    categories: Vec<CompiledCategory>,
    /// For drafts that name no category of the catalog.
    fallback: Lexicon,
    questions: QuestionIndex,
}

impl Engine {
    /// Compiles `catalog`: one automaton per category, question stems, citations.
    pub fn new(catalog: &Catalog) -> Engine {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Engine {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            categories: catalog
                .categories
                .iter()
                .map(|c| CompiledCategory {
                    lexicon: Lexicon::new(Some(c)),
                    citations: Rule::ALL.iter().map(|&r| citation(c, r)).collect(),
                    concept_ids: c.concepts.iter().map(|k| k.id.as_str().into()).collect(),
                    metric_names: c
                        .lexicons
                        .metrics
                        .iter()
                        .map(|m| m.name.as_str().into())
                        .collect(),
                })
                .collect(),
            fallback: Lexicon::new(None),
            questions: QuestionIndex::new(catalog),
            catalog: catalog.clone(),
        }
    }

    /// The catalog the engine was built from.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The cached engine for `catalog` (the one [`crate::analyze`] uses), built on first use.
    pub fn for_catalog(catalog: &Catalog) -> Arc<Engine> {
        cached(catalog)
    }

    /// Analyses a draft.
    ///
    /// The engine keeps prose offsets in 32 bits: a draft whose prose runs past 4 GiB (or whose
    /// lower-cased words or stems do) is analysed up to the last sentence that fits, and the
    /// prose after it is left out.
    pub fn analyze(&self, text: &str, options: &Options<'_>, settings: &Settings) -> Report {
        self.run(text, options, settings, None, PARALLEL_TOKENS)
    }

    /// Analyses a new text of a document analysed before with `memo`, rescanning only the
    /// sentences that changed. The report is the one [`Engine::analyze`] gives.
    pub fn analyze_memo(
        &self,
        text: &str,
        options: &Options<'_>,
        settings: &Settings,
        memo: &mut Memo,
    ) -> Report {
        self.run(text, options, settings, Some(memo), PARALLEL_TOKENS)
    }

    /// Analyses a draft, running its rules in parallel when it has `parallel_from` words or
    /// more.
    fn run(
        &self,
        text: &str,
        options: &Options<'_>,
        settings: &Settings,
        mut memo: Option<&mut Memo>,
        parallel_from: usize,
    ) -> Report {
        let mut draft = match memo.as_deref_mut() {
            Some(memo) => memo.reparse.parse(text),
            None => Draft::parse(text),
        };
        let linked = link::link(
            &self.catalog,
            &self.questions,
            &draft,
            options.file_name,
            options.link_override,
        );
        // The title is the question, not the answer: it is not analysed as prose.
        if let Some(title) = linked.title.and_then(|h| draft.headings.get(h)) {
            blank(&mut draft.mask, title.range.clone());
        }
        // Without a category named, the catalog's only (or first) category's rubric applies.
        let category_index = linked
            .category
            .or((!self.catalog.categories.is_empty()).then_some(0));
        let category = category_index.and_then(|c| self.catalog.categories.get(c));
        let compiled = category_index.and_then(|c| self.categories.get(c));
        let lexicon = compiled.map_or(&self.fallback, |c| &c.lexicon);
        let owner = (self.id, category_index.unwrap_or(usize::MAX));
        let prose = scan_prose(&draft.mask, Some((lexicon, owner)), memo.as_deref_mut());

        let link = linked.category.map(|c| Link {
            category: self.catalog.categories[c].id.clone(),
            target: linked
                .target
                .map(|t| target_id(&self.catalog.categories[c], t)),
            via: linked.via.unwrap_or(crate::LinkVia::FrontMatter),
            range: linked.range.clone(),
        });
        let suppressions = Suppressions::new(&draft.directives);
        debug_assert!(prose.quantities.is_sorted_by_key(|q| q.tokens.start));
        let ctx = Ctx {
            text,
            draft: &draft,
            tokens: &prose.tokens,
            hits: &prose.hits,
            quantities: &prose.quantities,
            syntax: &prose.syntax,
            category,
            compiled,
            linked: &linked,
            catalog: &self.catalog,
            questions: &self.questions,
            settings,
            suppressions: &suppressions,
        };
        let parallel = prose.tokens.tokens.len() >= parallel_from;
        let mut report = crate::rules::run(&ctx, parallel);
        if let Some(memo) = memo {
            memo.recycle(prose);
        }
        report.link = link;
        report.front_matter = draft.front_matter.as_ref().map(|f| f.range.clone());
        report.syntax = Syntax {
            body_start: draft.front_matter.as_ref().map_or(0, |f| f.range.end),
            front_matter: draft.front_matter,
            newline: draft.newline,
            directives: draft.directives,
            non_prose: draft.non_prose,
        };
        report
    }
}

/// Words (tokens) from which a draft's rules run in parallel: below it an analysis takes a few
/// milliseconds at most, and handing work to other threads costs more than it saves.
const PARALLEL_TOKENS: usize = 20_000;

/// Replaces `range` of the mask with spaces, keeping line breaks.
fn blank(mask: &mut String, range: std::ops::Range<usize>) {
    let Some(slice) = mask.get(range.clone()) else {
        return;
    };
    let blanked: String = slice
        .chars()
        .flat_map(|c| {
            let fill = if c == '\n' { '\n' } else { ' ' };
            std::iter::repeat_n(fill, c.len_utf8())
        })
        .collect();
    mask.replace_range(range, &blanked);
}

/// The public id of a target.
pub(crate) fn target_id(category: &Category, target: link::Target) -> String {
    match target {
        link::Target::Question(i) => category
            .questions
            .get(i)
            .map_or_else(|| format!("{}/q{}", category.id, i + 1), |q| q.id.clone()),
        link::Target::Scenario(i) => category.scenarios.get(i).map_or_else(
            || format!("{}/scenario-{}", category.id, i + 1),
            |s| s.id.clone(),
        ),
    }
}

/// The rubric line a rule enforces in `category`: the companion's mapping, else by keyword.
pub(crate) fn citation(category: &Category, rule: Rule) -> Option<Citation> {
    let lines = || category.mistakes.iter().chain(&category.best_practices);
    let line = category
        .rule_citations
        .iter()
        .find(|c| c.rule == rule.id())
        .and_then(|c| lines().find(|l| l.id == c.line_id))
        .or_else(|| {
            rule.meta()
                .citation_keywords
                .iter()
                .find_map(|word| lines().find(|l| l.text.to_lowercase().contains(word)))
        })?;
    Some(Citation {
        category: category.id.clone(),
        id: line.id.clone(),
        file: category.file.clone(),
        line: line.line,
        text: line.text.clone(),
    })
}

/// Engines built by [`crate::analyze`], keyed by a fingerprint of the catalog.
static CACHE: Mutex<Vec<(u64, Arc<Engine>)>> = Mutex::new(Vec::new());
const CACHE_SIZE: usize = 4;

/// The cached engine for `catalog`, built on first use.
pub(crate) fn cached(catalog: &Catalog) -> Arc<Engine> {
    let key = fingerprint(catalog);
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(at) = cache.iter().position(|(k, _)| *k == key) {
        let entry = cache.remove(at);
        let engine = Arc::clone(&entry.1);
        cache.push(entry);
        return engine;
    }
    let engine = Arc::new(Engine::new(catalog));
    if cache.len() >= CACHE_SIZE {
        cache.remove(0);
    }
    cache.push((key, Arc::clone(&engine)));
    engine
}

/// Identifies a catalog's content: categories with a content hash are keyed by it; catalogs
/// built in code (hash 0) are keyed by everything the engine compiles.
fn fingerprint(catalog: &Catalog) -> u64 {
    let mut h = DefaultHasher::new();
    for c in &catalog.categories {
        c.id.hash(&mut h);
        c.content_hash.hash(&mut h);
        if c.content_hash != 0 {
            continue;
        }
        c.file.hash(&mut h);
        c.title.hash(&mut h);
        for concept in &c.concepts {
            (&concept.id, &concept.name, &concept.synonyms).hash(&mut h);
        }
        for q in &c.questions {
            (&q.id, &q.text, q.kind as u8).hash(&mut h);
            for point in &q.talking_points {
                (&point.text, &point.concepts).hash(&mut h);
            }
        }
        for s in &c.scenarios {
            (&s.id, &s.prompt).hash(&mut h);
        }
        for l in c.best_practices.iter().chain(&c.mistakes) {
            (&l.id, &l.text, l.line).hash(&mut h);
        }
        for rc in &c.rule_citations {
            (&rc.rule, &rc.line_id).hash(&mut h);
        }
        let lex = &c.lexicons;
        for m in &lex.metrics {
            (&m.name, &m.synonyms).hash(&mut h);
        }
        for t in &lex.teams {
            (&t.name, &t.synonyms).hash(&mut h);
        }
        (&lex.activities, &lex.outcomes, &lex.stages, &lex.buyer).hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every draft of the repository's fixtures and examples, and all of them as one long draft.
    fn drafts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut drafts: Vec<String> = ["examples/answers", "tests/fixtures/drafts"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "md"))
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect();
        assert!(drafts.len() > 40);
        drafts.push(drafts.join("\n\n"));
        drafts
    }

    #[test]
    fn rules_run_in_parallel_give_the_report_they_give_in_turn() {
        let engine = Engine::new(Catalog::embedded());
        let (options, settings) = (Options::default(), Settings::default());
        let mut with_findings = 0;
        for draft in drafts() {
            let report = |from| {
                let report = engine.run(&draft, &options, &settings, None, from);
                serde_json::to_string(&report).unwrap()
            };
            let in_turn = report(usize::MAX);
            with_findings += usize::from(in_turn.contains("\"findings\":[{"));
            assert_eq!(report(0), in_turn, "{draft}");
        }
        assert!(with_findings > 30, "{with_findings}");
    }
}
