//! The rules: each reads the analysed draft and adds findings.

mod coaching;
mod content;
mod length;
mod linking;
mod outcomes;
mod presence;
mod score;
mod structure;
mod tone;

use std::ops::Range;

use interview_content::{Catalog, Category, Question, QuestionKind};

use crate::draft::Draft;
use crate::engine::CompiledCategory;
use crate::lexicon::Hits;
use crate::link::{Linked, QuestionIndex, Target};
use crate::numbers::Quantity;
use crate::tokens::Tokens;
use crate::{
    Citation, Finding, Fix, Mention, MentionTarget, Report, Rule, RuleLevel, Section, SectionKind,
    Settings,
};

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
    /// Numbers and metric words.
    pub quantities: &'a [Quantity],
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
}

impl Ctx<'_> {
    /// The question the draft answers, when linked to one.
    pub fn question(&self) -> Option<&Question> {
        match self.linked.target? {
            Target::Question(i) => self.category?.questions.get(i),
            Target::Scenario(_) => None,
        }
    }

    /// Whether the draft answers a scenario prompt (a scenario, or a question of that kind).
    pub fn is_scenario(&self) -> bool {
        match self.linked.target {
            Some(Target::Scenario(_)) => true,
            Some(Target::Question(_)) => self
                .question()
                .is_some_and(|q| q.kind == QuestionKind::Scenario),
            None => false,
        }
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
}

/// What the rules share beyond the context: computed once per analysis.
pub(crate) struct Input<'a> {
    /// The draft's sections.
    pub sections: &'a [Section],
    /// Which parts of an answer the draft has.
    pub parts: &'a structure::Parts,
    /// Indices of the tokens that count as spoken words (headings and labels excluded).
    pub words: &'a [usize],
}

/// A rule: adds its findings and says whether it applied to this draft (for the score).
type Check = fn(&Ctx<'_>, &Input<'_>, &mut Vec<Finding>) -> bool;

/// Whether `rule` runs for this draft.
fn enabled(ctx: &Ctx<'_>, rule: Rule) -> bool {
    ctx.settings.level(rule) != RuleLevel::Off && !ctx.draft.directives.disables(rule)
}

/// The draft's sections: headings and labels, each running to the next.
fn sections(ctx: &Ctx<'_>) -> Vec<Section> {
    let mut marks: Vec<(Range<usize>, SectionKind, String, u8)> = ctx
        .draft
        .headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let kind = if ctx.linked.title == Some(i) {
                SectionKind::Other
            } else {
                crate::draft::classify_title(&h.title)
            };
            (h.range.clone(), kind, h.title.clone(), h.level)
        })
        .chain(
            ctx.draft
                .labels
                .iter()
                .map(|l| (l.range.clone(), l.kind, l.title.clone(), 0)),
        )
        .collect();
    marks.sort_by_key(|m| m.0.start);
    let mut out: Vec<Section> = Vec::with_capacity(marks.len());
    for (i, (heading, kind, title, level)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(ctx.text.len(), |m| m.0.start);
        out.push(Section {
            kind: *kind,
            title: title.clone(),
            level: *level,
            heading: heading.clone(),
            range: heading.start..end.max(heading.end),
        });
    }
    out
}

/// Runs every enabled rule and assembles the report (link, front matter are added by the caller).
pub(crate) fn run(ctx: &Ctx<'_>) -> Report {
    let sections = sections(ctx);
    let words = length::counted_words(ctx, &sections);
    let mut findings = Vec::new();
    let mut outcome = score::Outcome::default();

    if enabled(ctx, Rule::Link) {
        linking::check(ctx, &mut findings);
    }
    // Nothing to assess until there is some prose.
    if !words.is_empty() {
        let parts = structure::parts(ctx, &sections);
        let input = Input {
            sections: &sections,
            parts: &parts,
            words: &words,
        };
        let checks: [(Rule, Check); 12] = [
            (Rule::Structure, structure::check),
            (Rule::Metrics, outcomes::check_metrics),
            (Rule::ActivityVolume, outcomes::check_activity),
            (Rule::Criticism, tone::check_criticism),
            (Rule::CrossFunctional, presence::check_cross_functional),
            (Rule::ClarifyingQuestions, content::check_clarifying),
            (Rule::BuyerEmpathy, presence::check_buyer),
            (Rule::RoleStage, presence::check_role_stage),
            (Rule::TooLong, length::check),
            (Rule::Concepts, content::check_concepts),
            (Rule::Hedging, coaching::check_hedging),
            (Rule::Ownership, coaching::check_ownership),
        ];
        for (rule, check) in checks {
            if !enabled(ctx, rule) {
                continue;
            }
            let before = findings.len();
            let applicable = check(ctx, &input, &mut findings);
            outcome.record(rule, applicable, findings.len() == before);
        }
    }
    findings.sort_by_key(|f| (f.range.start, f.rule));

    let seconds = length::seconds(words.len(), ctx.settings.words_per_minute);
    Report {
        link: None,
        findings,
        score: outcome.score(),
        words: words.len(),
        speaking_seconds: seconds,
        sections,
        mentions: mentions(ctx),
        front_matter: None,
        verbatim: Vec::new(),
    }
}

/// Concept and metric terms in the prose.
fn mentions(ctx: &Ctx<'_>) -> Vec<Mention> {
    let Some(compiled) = ctx.compiled.filter(|_| ctx.category.is_some()) else {
        return Vec::new();
    };
    // Token ranges first: a long draft has thousands, and most overlap another.
    let mut found: Vec<(&std::ops::Range<usize>, MentionKind, u16)> = ctx
        .hits
        .concepts
        .iter()
        .map(|(i, r)| (r, MentionKind::Concept, *i))
        .chain(
            ctx.hits
                .metrics
                .iter()
                .map(|(i, r)| (r, MentionKind::Metric, *i)),
        )
        .collect();
    // Where phrases overlap (`win rate` inside `partner win rate`), keep the longest.
    found.sort_unstable_by_key(|(r, kind, i)| (r.start, std::cmp::Reverse(r.end), *kind, *i));
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    let mut last_end = 0;
    for (tokens, kind, i) in found {
        let target = match kind {
            MentionKind::Concept => compiled
                .concept_ids
                .get(i as usize)
                .cloned()
                .map(MentionTarget::Concept),
            MentionKind::Metric => compiled
                .metric_names
                .get(i as usize)
                .cloned()
                .map(MentionTarget::Metric),
        };
        let Some(target) = target else { continue };
        let range = ctx.span(tokens.clone());
        if !kept.is_empty() && range.start < last_end {
            continue;
        }
        last_end = range.end;
        kept.push(Mention { range, target });
    }
    kept
}

/// Concepts sort before metrics where both start and end alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MentionKind {
    Concept,
    Metric,
}

/// A fix that inserts `text` at `at`.
pub(crate) fn insert(title: impl Into<String>, at: usize, text: String) -> Fix {
    Fix {
        title: title.into(),
        edits: vec![crate::TextEdit {
            range: at..at,
            new_text: text,
        }],
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::testing::analyze;
    use crate::{MentionTarget, SectionKind};

    #[test]
    fn mentions_concepts_and_metrics_in_prose_only() {
        let text = "# How do you launch a co-sell motion?\n\nCo-selling lifted our win rates; `win rate` in code is not prose.\n";
        let report = analyze(text);
        let found: Vec<(&str, &MentionTarget)> = report
            .mentions
            .iter()
            .map(|m| (&text[m.range.clone()], &m.target))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Co-selling",
                    &MentionTarget::Concept("partnerships/co-sell-motions".into())
                ),
                ("win rates", &MentionTarget::Metric("win rate".into())),
            ]
        );
    }

    #[test]
    fn sections_run_to_the_next_heading_or_label() {
        let text = "# Title\n\n## Situation\n\nFlat.\n\n**Result:** up 10%.\n";
        let report = analyze(text);
        let sections: Vec<(SectionKind, &str, u8)> = report
            .sections
            .iter()
            .map(|s| (s.kind, &text[s.range.clone()], s.level))
            .collect();
        assert_eq!(
            sections,
            [
                (SectionKind::Other, "# Title\n\n", 1),
                (SectionKind::Context, "## Situation\n\nFlat.\n\n", 2),
                (SectionKind::Outcome, "**Result:** up 10%.\n", 0),
            ]
        );
    }
}
