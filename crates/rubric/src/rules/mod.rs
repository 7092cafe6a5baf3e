//! The rules. Each rule is one module named after its id (`activity-volume` →
//! `rules/activity_volume.rs`) holding its documentation, its [`Meta`] (`META`), its `check`, its
//! fixes and its tests. The `registry!` below lists the modules: adding a rule is one file and
//! one line there.
//!
//! Analysis the rules share lives outside this folder: [`crate::story`] (the parts of an answer),
//! [`crate::negation`], [`crate::noun_phrase`], [`crate::numbers`], [`crate::lexicon`] (cue words)
//! and [`crate::directives`] (turning rules off in the draft).

use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::context::{Ctx, Input};
use crate::{Finding, Report, RuleLevel, Section, Settings};

/// How serious a finding is; maps onto LSP diagnostic severities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Coaching hints.
    Hint,
    /// Best practices.
    Information,
    /// Mistakes to avoid.
    Warning,
    /// Only when the user raises a rule to it.
    Error,
}

impl Severity {
    /// The lower-case name used in settings and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "hint" => Ok(Severity::Hint),
            "information" | "info" => Ok(Severity::Information),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected off, hint, information, warning or error)"
            )),
        }
    }
}

/// What a rule's findings are about, which decides how narrowly they can be turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// A passage of the draft (a hedge, a sentence): `<!-- coach: disable-next RULE -->` before
    /// its block turns it off.
    Passage,
    /// The draft as a whole (nothing quantified anywhere, a missing part): anchored on the title
    /// or a heading, turned off for the file or by a region covering the anchor.
    Draft,
}

/// Everything known about a rule besides its check: the public contract (id, severity, summary)
/// and what the editor and the command line show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    /// The public id: diagnostic code, settings key, directive name.
    pub id: &'static str,
    /// The severity the rule has unless settings say otherwise.
    pub default_severity: Severity,
    /// One line on what the rule flags.
    pub summary: &'static str,
    /// Whether it counts towards the rubric score (a best practice or mistake of the category).
    pub scored: bool,
    /// What its findings are about.
    pub scope: Scope,
    /// How to fix a finding, shown on hover and as `help:` in `check`. `{budget}` and `{time}`
    /// stand for the word budget and its speaking time.
    pub advice: &'static str,
    /// Words that find the rubric line the rule enforces in a category whose companion does not
    /// name one, most specific first (matched lower-case, mistakes before best practices).
    pub citation_keywords: &'static [&'static str],
    /// Whether it waits for prose. Rules that do not (`link`, and the rules that judge the draft
    /// as a whole) also tell a draft begun with only a heading or front matter what the answer
    /// needs; on a blank buffer only `link` speaks.
    pub needs_prose: bool,
}

/// A rule's check: adds its findings and says whether it applied to this draft (for the score).
pub(crate) type Check = fn(&Ctx<'_>, &Input<'_>, &mut Vec<Finding>) -> bool;

/// Declares the rules: `Variant => module`. The module is `rules/<module>.rs` and holds `META`
/// and `check`; the variant order is the catalogue order.
macro_rules! registry {
    ($($variant:ident => $module:ident,)*) => {
        $(pub(crate) mod $module;)*

        /// A rubric rule. Everything about rule `some-id` lives in
        /// `crates/rubric/src/rules/some_id.rs`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(
                #[doc = concat!("`rules/", stringify!($module), ".rs`.")]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's metadata.
            pub fn meta(self) -> &'static Meta {
                match self { $(Rule::$variant => &$module::META,)* }
            }

            /// The module that holds the rule (`activity_volume`).
            pub fn module(self) -> &'static str {
                match self { $(Rule::$variant => stringify!($module),)* }
            }

            fn check(self) -> Check {
                match self { $(Rule::$variant => $module::check,)* }
            }
        }
    };
}

registry! {
    Structure => structure,
    Metrics => metrics,
    ActivityVolume => activity_volume,
    Criticism => criticism,
    CrossFunctional => cross_functional,
    ClarifyingQuestions => clarifying_questions,
    BuyerEmpathy => buyer_empathy,
    RoleStage => role_stage,
    TooLong => too_long,
    Concepts => concepts,
    Hedging => hedging,
    Ownership => ownership,
    Link => link,
}

impl Rule {
    /// The rule's public id.
    pub fn id(self) -> &'static str {
        self.meta().id
    }

    /// The severity the rule has unless settings say otherwise.
    pub fn default_severity(self) -> Severity {
        self.meta().default_severity
    }

    /// One line on what the rule flags.
    pub fn summary(self) -> &'static str {
        self.meta().summary
    }

    /// Whether the rule counts towards the rubric score.
    pub fn scored(self) -> bool {
        self.meta().scored
    }

    /// How to fix a finding of the rule, with the word budget of `settings` filled in.
    pub fn advice(self, settings: &Settings) -> String {
        let advice = self.meta().advice;
        if !advice.contains('{') {
            return advice.to_string();
        }
        let seconds = u32::try_from(settings.word_budget.saturating_mul(60)).unwrap_or(u32::MAX)
            / settings.words_per_minute.max(1);
        advice
            .replace("{budget}", &settings.word_budget.to_string())
            .replace("{time}", &crate::speaking::clock(seconds))
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.id() == s)
            .ok_or_else(|| format!("unknown rule `{s}`"))
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        id.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether `rule` runs for this draft: on in the settings and not disabled for the whole file.
fn enabled(ctx: &Ctx<'_>, rule: Rule) -> bool {
    ctx.settings.level(rule) != RuleLevel::Off && !ctx.suppressions.disables_file(rule)
}

/// What a rule found (suppressed findings dropped) and whether it applied; `None` when it did not
/// run.
type Checked = Option<(Vec<Finding>, bool)>;

/// Each rule's [`Checked`], in [`Rule::ALL`] order, with the story's sections and the spoken
/// words the rules read. The rules run in parallel when `parallel` is set.
fn check(ctx: &Ctx<'_>, parallel: bool) -> (Vec<Section>, crate::speaking::Spoken, Vec<Checked>) {
    let sections = crate::story::sections(ctx);
    let words = crate::speaking::counted_words(ctx, &sections);
    // No part of the story is told until there is some prose.
    let parts = if words.is_empty() {
        crate::story::Parts::default()
    } else {
        crate::story::parts(ctx, &sections)
    };
    let input = Input {
        sections: &sections,
        parts: &parts,
        words: &words,
    };
    // A draft is begun once it has a heading or front matter, even before its first word.
    let begun =
        !words.is_empty() || !ctx.draft.headings.is_empty() || ctx.draft.front_matter.is_some();
    let one = |rule: Rule| -> Checked {
        let waits = rule.meta().needs_prose || (!begun && rule != Rule::Link);
        if !enabled(ctx, rule) || (words.is_empty() && waits) {
            return None;
        }
        let mut found = Vec::new();
        let applicable = rule.check()(ctx, &input, &mut found);
        // Findings inside a block or region the draft turns the rule off for are dropped.
        found.retain(|f| !ctx.suppressions.suppresses(f));
        Some((found, applicable))
    };
    let checked = if parallel {
        Rule::ALL.par_iter().map(|&rule| one(rule)).collect()
    } else {
        Rule::ALL.iter().map(|&rule| one(rule)).collect()
    };
    (sections, words, checked)
}

/// Runs every enabled rule, on every core when `parallel` is set, and assembles the report (link,
/// front matter and syntax are added by the caller).
pub(crate) fn run(ctx: &Ctx<'_>, parallel: bool) -> Report {
    // The rules and the mentions read the draft and nothing of each other's: on a long draft
    // they share the cores.
    let ((sections, words, checked), mentions) = if parallel {
        rayon::join(|| check(ctx, true), || crate::mentions::mentions(ctx))
    } else {
        (check(ctx, false), crate::mentions::mentions(ctx))
    };
    let mut findings = Vec::new();
    let mut outcome = crate::score::Outcome::default();
    for (&rule, checked) in Rule::ALL.iter().zip(checked) {
        if let Some((found, applicable)) = checked {
            outcome.record(rule, applicable, found.is_empty());
            findings.extend(found);
        }
    }
    crate::directives::add_disable_fixes(ctx, &mut findings);
    findings.sort_by_key(|f| (f.range.start, f.rule));

    let seconds = crate::speaking::seconds(words.len(), ctx.settings.words_per_minute);
    Report {
        link: None,
        findings,
        score: outcome.score(),
        words: words.len(),
        speaking_seconds: seconds,
        sections,
        mentions,
        front_matter: None,
        syntax: crate::Syntax::default(),
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_lives_in_the_module_named_after_its_id() {
        for &rule in Rule::ALL {
            assert_eq!(rule.module().replace('_', "-"), rule.id());
            assert_eq!(rule.id().parse::<Rule>(), Ok(rule));
            assert!(!rule.summary().is_empty() && !rule.meta().advice.is_empty());
        }
        assert!("metrcs".parse::<Rule>().is_err());
    }

    #[test]
    fn ids_serialise_as_strings() {
        assert_eq!(
            serde_json::to_string(&Rule::ActivityVolume).unwrap(),
            "\"activity-volume\""
        );
        let rule: Rule = serde_json::from_str("\"too-long\"").unwrap();
        assert_eq!(rule, Rule::TooLong);
    }

    #[test]
    fn advice_fills_in_the_budget() {
        let settings = Settings {
            word_budget: 250,
            words_per_minute: 150,
            ..Settings::default()
        };
        assert_eq!(
            Rule::TooLong.advice(&settings),
            "Cut to about 250 words, roughly 1:40 spoken; keep the detail for follow-up questions."
        );
        assert!(
            Rule::Hedging
                .advice(&settings)
                .starts_with("Drop the hedge")
        );
    }
}
