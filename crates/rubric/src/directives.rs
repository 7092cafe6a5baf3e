//! Turning rules off in the draft with HTML comments, parsed once here:
//!
//! - `<!-- coach: disable metrics, hedging -->` (or `disable-all`) with no matching `enable`
//!   turns the rules off for the whole file, wherever the comment is;
//! - `<!-- coach: disable metrics -->` … `<!-- coach: enable metrics -->` turns them off between
//!   the two comments (an `enable` closes the nearest open `disable` of the same rule; `enable
//!   all` closes every open one);
//! - `<!-- coach: disable-next hedging -->` turns them off for the next block (paragraph,
//!   heading, list item, table or code block).
//!
//! A finding is suppressed when its start lies in such a block or region. Findings about the
//! whole draft ([`Scope::Draft`]: nothing quantified anywhere, a missing part) sit on an anchor
//! (the title, the Outcome heading) that stands for the whole draft, so `disable-next` does not
//! turn them off; the file form does, and so does a region that covers their anchor.
//!
//! Each finding's fixes end with the narrowest way to turn its rule off: `disable-next` before
//! its block for a passage, then the file form (added to an existing file-wide comment when there
//! is one).

use std::ops::Range;

use serde::Serialize;

use crate::context::{Ctx, insert};
use crate::rules::Scope;
use crate::{Finding, Fix, Rule, TextEdit};

/// What a directive comment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DirectiveKind {
    /// `disable RULES`: for the file, or up to a matching `enable`.
    Disable,
    /// `disable-next RULES`: for the next block.
    DisableNext,
    /// `enable RULES`: ends a `disable` region.
    Enable,
}

/// One `coach:` directive in an HTML comment of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// What it asks for.
    pub kind: DirectiveKind,
    /// The rules it names (known ids only, each once).
    pub rules: Vec<Rule>,
    /// Whether it names every rule (`all`, `disable-all`).
    pub all: bool,
    /// Names that are not rule ids (ignored).
    pub unknown: Vec<String>,
    /// Byte range of the directive text, `coach:` to the end of its rule list (before `-->`).
    pub range: Range<usize>,
    /// For `disable-next`: the block it applies to, when one follows.
    pub block: Option<Range<usize>>,
}

impl Directive {
    /// Reads the directives of one HTML event: its source text starts at byte `offset`.
    pub(crate) fn read(source: &str, offset: usize, out: &mut Vec<Directive>) {
        let mut from = 0;
        while let Some(at) = source[from..].find("coach:").map(|i| from + i) {
            let start = at + "coach:".len();
            from = start;
            let line = source[start..].split(['\n', '\r']).next().unwrap_or("");
            let line = line.split("-->").next().unwrap_or("");
            let body = line.trim_end();
            let lead = body.len() - body.trim_start().len();
            let body = body.trim_start();
            let lower = body.to_ascii_lowercase();
            let (kind, list) = if let Some(rest) = strip_word(&lower, "disable-next") {
                (DirectiveKind::DisableNext, rest)
            } else if lower == "disable-all" {
                (DirectiveKind::Disable, "all")
            } else if let Some(rest) = strip_word(&lower, "disable") {
                (DirectiveKind::Disable, rest)
            } else if lower == "enable-all" {
                (DirectiveKind::Enable, "all")
            } else if let Some(rest) = strip_word(&lower, "enable") {
                (DirectiveKind::Enable, rest)
            } else {
                continue;
            };
            let mut directive = Directive {
                kind,
                rules: Vec::new(),
                all: false,
                unknown: Vec::new(),
                range: offset + at..offset + start + lead + body.len(),
                block: None,
            };
            for name in list.split([',', ' ', '\t']).filter(|s| !s.is_empty()) {
                if name == "all" {
                    directive.all = true;
                } else if let Ok(rule) = name.parse::<Rule>() {
                    if !directive.rules.contains(&rule) {
                        directive.rules.push(rule);
                    }
                } else {
                    directive.unknown.push(name.to_string());
                }
            }
            out.push(directive);
        }
    }

    /// The rules it names: `None` for every rule.
    fn targets(&self) -> Vec<Option<Rule>> {
        if self.all {
            vec![None]
        } else {
            self.rules.iter().copied().map(Some).collect()
        }
    }
}

/// `word` followed by nothing or by a separator: the rest.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with([' ', '\t', ','])).then_some(rest)
}

/// Where the draft's directives turn rules off (`None` as the rule: every rule).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Suppressions {
    /// Off for the whole file.
    file: Vec<Option<Rule>>,
    /// Off in a range; `true` for a `disable-next` block.
    ranges: Vec<(Option<Rule>, Range<usize>, bool)>,
}

impl Suppressions {
    /// Pairs `disable` with `enable` and resolves every directive to where it applies.
    pub fn new(directives: &[Directive]) -> Suppressions {
        let mut out = Suppressions::default();
        // Open `disable`s: the rule and where the region starts.
        let mut open: Vec<(Option<Rule>, usize)> = Vec::new();
        for d in directives {
            match d.kind {
                DirectiveKind::DisableNext => {
                    if let Some(block) = &d.block {
                        for rule in d.targets() {
                            out.ranges.push((rule, block.clone(), true));
                        }
                    }
                }
                DirectiveKind::Disable => {
                    open.extend(d.targets().into_iter().map(|r| (r, d.range.end)));
                }
                DirectiveKind::Enable if d.all => {
                    for (rule, start) in open.drain(..) {
                        out.ranges.push((rule, start..d.range.start, false));
                    }
                }
                DirectiveKind::Enable => {
                    for rule in &d.rules {
                        if let Some(at) = open.iter().rposition(|(r, _)| *r == Some(*rule)) {
                            let (rule, start) = open.remove(at);
                            out.ranges.push((rule, start..d.range.start, false));
                        }
                    }
                }
            }
        }
        out.file = open.into_iter().map(|(r, _)| r).collect();
        out
    }

    /// Whether `rule` is off for the whole file.
    pub fn disables_file(&self, rule: Rule) -> bool {
        self.file.iter().any(|r| r.is_none_or(|r| r == rule))
    }

    /// Whether a block or region turns `finding` off.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        let passage = finding.rule.meta().scope == Scope::Passage;
        self.ranges.iter().any(|(rule, range, block)| {
            rule.is_none_or(|r| r == finding.rule)
                && range.contains(&finding.range.start)
                && (passage || !block)
        })
    }
}

/// Titles of the fixes that turn a rule off start with this.
pub const DISABLE_TITLE_PREFIX: &str = "Disable `";

/// Adds to each finding the fixes that turn its rule off: for its block (passages only), then for
/// the file. The texts are made once per rule: a long draft has thousands of findings.
pub(crate) fn add_disable_fixes(ctx: &Ctx<'_>, findings: &mut [Finding]) {
    // Per rule: the file fix, the block fix's title and comment line.
    let mut made: Vec<(Rule, Fix, String, String)> = Vec::new();
    let nl = ctx.draft.newline;
    for finding in findings {
        let rule = finding.rule;
        let at = match made.iter().position(|m| m.0 == rule) {
            Some(at) => at,
            None => {
                let id = rule.id();
                made.push((
                    rule,
                    disable_for_file(ctx, rule),
                    format!("{DISABLE_TITLE_PREFIX}{id}` for this block"),
                    format!("<!-- coach: disable-next {id} -->{nl}"),
                ));
                made.len() - 1
            }
        };
        let (_, file, block_title, comment) = &made[at];
        finding.fixes.reserve(2);
        if rule.meta().scope == Scope::Passage
            && let Some((line, indent)) = block_line(ctx, finding.range.start)
        {
            let new_text = if indent.is_empty() {
                comment.clone()
            } else {
                format!("{indent}{comment}")
            };
            finding.fixes.push(Fix {
                title: block_title.clone(),
                edits: vec![TextEdit {
                    range: line..line,
                    new_text,
                }],
            });
        }
        finding.fixes.push(file.clone());
    }
}

/// How many blocks before a finding are looked at for the one that holds it: the innermost
/// holder is the nearest, its enclosing list item the one before; a bound keeps a long draft's
/// fixes linear.
const BLOCKS_LOOKED_AT: usize = 64;

/// The start of the line of the innermost block holding `at` whose line holds nothing before
/// it but indentation, and that indentation.
fn block_line<'t>(ctx: &Ctx<'t>, at: usize) -> Option<(usize, &'t str)> {
    let text = ctx.text;
    let blocks = &ctx.draft.blocks;
    // Blocks are in order of their start.
    let before = blocks.partition_point(|b| b.start <= at);
    blocks[..before]
        .iter()
        .rev()
        .take(BLOCKS_LOOKED_AT)
        .filter(|b| at < b.end.max(b.start + 1))
        .find_map(|b| {
            let line = text[..b.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let indent = &text[line..b.start];
            indent
                .chars()
                .all(|c| c == ' ' || c == '\t')
                .then_some((line, indent))
        })
}

/// `<!-- coach: disable RULE -->`: added to the first file-wide disable comment that names rules,
/// else on its own line after the front matter (or at the top).
fn disable_for_file(ctx: &Ctx<'_>, rule: Rule) -> Fix {
    let title = format!("{DISABLE_TITLE_PREFIX}{}` for this file", rule.id());
    let existing = ctx.draft.directives.iter().find(|d| {
        d.kind == DirectiveKind::Disable
            && !d.all
            && !d.rules.is_empty()
            && d.rules.iter().all(|&r| ctx.suppressions.disables_file(r))
    });
    if let Some(d) = existing {
        return Fix {
            title,
            edits: vec![TextEdit {
                range: d.range.end..d.range.end,
                new_text: format!(", {}", rule.id()),
            }],
        };
    }
    let nl = ctx.draft.newline;
    let at = ctx
        .draft
        .front_matter
        .as_ref()
        .map_or(0, |f| f.range.end.min(ctx.text.len()));
    let head = &ctx.text[..at];
    let lead = if head.is_empty() || head.ends_with(['\n', '\r']) {
        ""
    } else {
        nl
    };
    insert(
        title,
        at,
        format!("{lead}<!-- coach: disable {} -->{nl}", rule.id()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Report;
    use crate::rules::testing::analyze;

    fn rules_of(report: &Report) -> Vec<Rule> {
        report.findings.iter().map(|f| f.rule).collect()
    }

    /// `text` with one fix applied.
    fn apply(text: &str, fix: &Fix) -> String {
        let mut out = text.to_string();
        for edit in fix.edits.iter().rev() {
            out.replace_range(edit.range.clone(), &edit.new_text);
        }
        out
    }

    #[test]
    fn parses_every_form_with_ranges() {
        let text = "<!-- coach: disable metrics, hedging -->\n\n<!-- coach: disable-next criticism -->\nThe team was lazy.\n\n<!-- coach: enable hedging -->\nText <!-- coach: disable-all --> and <!-- coach: enable all --> and <!-- coach: disable nope -->\n";
        let report = analyze(text);
        let directives = &report.syntax.directives;
        let summary: Vec<(DirectiveKind, &str, bool, Vec<Rule>)> = directives
            .iter()
            .map(|d| (d.kind, &text[d.range.clone()], d.all, d.rules.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    DirectiveKind::Disable,
                    "coach: disable metrics, hedging",
                    false,
                    vec![Rule::Metrics, Rule::Hedging]
                ),
                (
                    DirectiveKind::DisableNext,
                    "coach: disable-next criticism",
                    false,
                    vec![Rule::Criticism]
                ),
                (
                    DirectiveKind::Enable,
                    "coach: enable hedging",
                    false,
                    vec![Rule::Hedging]
                ),
                (DirectiveKind::Disable, "coach: disable-all", true, vec![]),
                (DirectiveKind::Enable, "coach: enable all", true, vec![]),
                (DirectiveKind::Disable, "coach: disable nope", false, vec![]),
            ]
        );
        assert_eq!(
            &text[directives[1].block.clone().unwrap()],
            "The team was lazy.\n"
        );
        assert_eq!(directives[5].unknown, ["nope"]);
    }

    #[test]
    fn the_whole_file_form_still_works_anywhere() {
        let text = "I think it went fine.\n\n<!-- coach: disable hedging -->\n";
        assert!(!rules_of(&analyze(text)).contains(&Rule::Hedging));
        // `disable-next-all` and other words are not directives.
        let text = "<!-- coach: disabled hedging -->\nI think it went fine.\n";
        assert!(rules_of(&analyze(text)).contains(&Rule::Hedging));
    }

    #[test]
    fn disable_next_covers_the_next_block_only() {
        let text = "<!-- coach: disable-next hedging -->\nI think we grew.\n\nMaybe it was luck.\n";
        let report = analyze(text);
        let hedges: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Hedging)
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(hedges, ["Maybe"]);
        // In a list: the next item only.
        let text = "- first\n<!-- coach: disable-next hedging -->\n- I think so\n- maybe not\n";
        let report = analyze(text);
        let hedges: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Hedging)
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(hedges, ["maybe"]);
    }

    #[test]
    fn a_region_runs_from_disable_to_enable() {
        let text = "I think so.\n\n<!-- coach: disable hedging -->\n\nMaybe.\n\nProbably.\n\n<!-- coach: enable hedging -->\n\nI guess.\n";
        let report = analyze(text);
        let hedges: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Hedging)
            .map(|f| &text[f.range.clone()])
            .collect();
        assert_eq!(hedges, ["I think", "I guess"]);
        // Nested: the enable closes the nearest open disable; the outer one stays file-wide.
        let text = "<!-- coach: disable hedging -->\n\n<!-- coach: disable hedging -->\nMaybe.\n<!-- coach: enable hedging -->\n\nI guess.\n";
        assert!(!rules_of(&analyze(text)).contains(&Rule::Hedging));
    }

    #[test]
    fn whole_draft_findings_ignore_disable_next_but_not_a_region_over_their_anchor() {
        let bare = "# How do you run partner enablement?\n\nIt went well.\n";
        assert!(rules_of(&analyze(bare)).contains(&Rule::Metrics));
        let next = "<!-- coach: disable-next metrics -->\n# How do you run partner enablement?\n\nIt went well.\n";
        assert!(rules_of(&analyze(next)).contains(&Rule::Metrics));
        let region = "<!-- coach: disable metrics -->\n# How do you run partner enablement?\n<!-- coach: enable metrics -->\n\nIt went well.\n";
        assert!(!rules_of(&analyze(region)).contains(&Rule::Metrics));
    }

    #[test]
    fn fixes_offer_the_narrowest_form_first_and_each_works() {
        let text = "---\nquestion: 3\n---\n# How do you structure partner incentives?\n\nWe did well.\n\n- One item\n  - I think this nested one\n";
        let report = analyze(text);
        let hedge = report
            .findings
            .iter()
            .find(|f| f.rule == Rule::Hedging)
            .unwrap();
        let titles: Vec<&str> = hedge.fixes.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Disable `hedging` for this block",
                "Disable `hedging` for this file"
            ]
        );
        let block = apply(text, &hedge.fixes[0]);
        assert!(
            block.ends_with(
                "- One item\n  <!-- coach: disable-next hedging -->\n  - I think this nested one\n"
            ),
            "{block}"
        );
        let file = apply(text, &hedge.fixes[1]);
        assert!(file.starts_with("---\nquestion: 3\n---\n<!-- coach: disable hedging -->\n# How"));
        for fixed in [block, file] {
            assert!(
                !rules_of(&analyze(&fixed)).contains(&Rule::Hedging),
                "{fixed}"
            );
        }
        // A whole-draft finding gets the file form only.
        let metrics = report
            .findings
            .iter()
            .find(|f| f.rule == Rule::Metrics)
            .unwrap();
        assert_eq!(
            metrics.fixes.last().unwrap().title,
            "Disable `metrics` for this file"
        );
        assert!(!metrics.fixes.iter().any(|f| f.title.ends_with("block")));
    }

    #[test]
    fn the_file_form_extends_a_file_wide_comment_and_keeps_crlf() {
        let text = "<!-- coach: disable role-stage -->\r\nI think it went fine.\r\n";
        let report = analyze(text);
        let hedge = report
            .findings
            .iter()
            .find(|f| f.rule == Rule::Hedging)
            .unwrap();
        assert_eq!(
            apply(text, &hedge.fixes[1]),
            "<!-- coach: disable role-stage, hedging -->\r\nI think it went fine.\r\n"
        );
        assert_eq!(
            apply(text, &hedge.fixes[0]),
            "<!-- coach: disable role-stage -->\r\n<!-- coach: disable-next hedging -->\r\nI think it went fine.\r\n"
        );
    }
}
