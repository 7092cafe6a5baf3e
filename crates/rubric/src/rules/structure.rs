//! `structure`: the answer lacks one of its four parts: context, action, outcome, learning.
//!
//! Why interviewers care: a story they can follow (the situation, what you did, what changed,
//! what you took from it) is what a behavioural or process answer is judged on first; a missing
//! outcome or lesson reads as an answer that stops halfway.
//!
//! Fires on: one finding per missing part, on the title (or line 1). Parts come from headings
//! (Situation, Approach, Result, Lessons...), paragraph labels (`**Result:**`, `Lessons:`) or clear
//! prose cues ("At my last company", "I rebuilt", "As a result", "I learned"); see
//! [`crate::story`].
//!
//! Does not fire on: scenario answers (a hypothetical plan has no outcome yet;
//! `clarifying-questions` judges them). A draft begun with only a heading or front matter is told
//! every part it needs.
//!
//! Example: `## Situation` … `## Result` with no action or lesson gives "No action part" and
//! "No learning part", each with a fix that inserts the heading where it belongs.

use crate::context::{Ctx, Input, insert};
use crate::rules::{Meta, Scope};
use crate::story::{PARTS, part_index, part_name, part_prompt};
use crate::{Finding, Fix, Rule, Section, SectionKind, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "structure",
    default_severity: Severity::Information,
    summary: "A part of context, action, outcome or learning is missing.",
    scored: true,
    scope: Scope::Draft,
    advice: "Give the answer its four parts: context (the situation and what was at stake), action (what you did), outcome (the result, with numbers) and learning (what you took away). A heading or a `Result:` label per part makes them easy to follow.",
    citation_keywords: &["structure"],
    needs_prose: false,
};

/// One finding per missing part, with a fix that inserts its heading where it belongs.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    // A hypothetical plan has no outcome or lesson yet; `clarifying-questions` judges it instead.
    if ctx.is_scenario() {
        return false;
    }
    let missing: Vec<SectionKind> = PARTS
        .iter()
        .enumerate()
        .filter(|(i, _)| !input.parts.present[*i])
        .map(|(_, &k)| k)
        .collect();
    if missing.is_empty() {
        return true;
    }
    let have: Vec<&str> = PARTS
        .iter()
        .enumerate()
        .filter(|(i, _)| input.parts.present[*i])
        .map(|(_, &k)| part_name(k))
        .collect();
    for kind in missing {
        let message = format!(
            "No {} part: a strong answer goes context, action, outcome, learning ({}).{}",
            part_name(kind).to_lowercase(),
            if have.is_empty() {
                "none found yet".to_string()
            } else {
                format!("found: {}", have.join(", ").to_lowercase())
            },
            ctx.guide(Rule::Structure)
        );
        let mut finding = ctx.finding(Rule::Structure, ctx.anchor(), message);
        finding
            .fixes
            .push(insert_section(ctx, input.sections, kind));
        out.push(finding);
    }
    true
}

/// Inserts a heading (or a bold label, in label-style drafts) for `kind` before the first part
/// that comes after it, else at the end.
fn insert_section(ctx: &Ctx<'_>, sections: &[Section], kind: SectionKind) -> Fix {
    let nl = ctx.draft.newline;
    let order = part_index(kind).unwrap_or(0);
    let parts: Vec<&Section> = sections
        .iter()
        .filter(|s| part_index(s.kind).is_some())
        .collect();
    let labels = parts.iter().filter(|s| s.level == 0).count();
    let level = parts.iter().find(|s| s.level > 0).map_or(2, |s| s.level);
    let use_labels = !parts.is_empty() && labels * 2 > parts.len();
    let body = if use_labels {
        format!("**{}:** <!-- {} -->", part_name(kind), part_prompt(kind))
    } else {
        format!(
            "{} {}{nl}{nl}<!-- {} -->",
            "#".repeat(level as usize),
            part_name(kind),
            part_prompt(kind)
        )
    };
    let later = parts
        .iter()
        .find(|s| part_index(s.kind).is_some_and(|i| i > order));
    let (at, text) = match later {
        Some(section) => (section.heading.start, format!("{body}{nl}{nl}")),
        None if kind == SectionKind::Context && parts.is_empty() => {
            // Before the story begins: after the title or front matter.
            let at = ctx
                .linked
                .title
                .and_then(|h| ctx.draft.headings.get(h))
                .map(|h| line_end(ctx.text, h.range.end))
                .or_else(|| ctx.draft.front_matter.as_ref().map(|f| f.range.end))
                .unwrap_or(0);
            let lead = if at == 0 { "" } else { nl };
            (at, format!("{lead}{body}{nl}{nl}"))
        }
        None => {
            let end = ctx.text.len();
            let text = ctx.text;
            let lead = if text.is_empty() || text.ends_with("\n\n") || text.ends_with("\r\n\r\n") {
                String::new()
            } else if text.ends_with('\n') {
                nl.to_string()
            } else {
                format!("{nl}{nl}")
            };
            (end, format!("{lead}{body}{nl}"))
        }
    };
    insert(
        format!("Insert {} section", article(part_name(kind))),
        at,
        text,
    )
}

/// Just past the line break after `at`.
fn line_end(text: &str, at: usize) -> usize {
    match text.get(at..).and_then(|rest| rest.find('\n')) {
        Some(i) => at + i + 1,
        None => text.len(),
    }
}

fn article(name: &str) -> String {
    if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        format!("an {name}")
    } else {
        format!("a {name}")
    }
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{analyze, findings};

    #[test]
    fn full_star_answer_has_no_structure_finding() {
        let text = "## Situation\n\nOur channel was flat.\n\n## Action\n\nI rebuilt enablement.\n\n## Result\n\nWin rate rose 12%.\n\n## Lessons\n\nEnablement first.\n";
        assert!(findings(text, Rule::Structure).is_empty());
    }

    #[test]
    fn each_missing_part_is_one_finding_on_the_title_with_a_fix_in_place() {
        let text = "# How do you structure partner incentives?\n\n## Situation\n\nOur resellers were flat.\n\n## Result\n\nWin rate rose 12%.\n";
        let report = analyze(text);
        let found: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Structure)
            .collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        for f in &found {
            assert_eq!(
                &text[f.range.clone()],
                "# How do you structure partner incentives?"
            );
        }
        assert!(
            found[0].message.starts_with("No action part"),
            "{}",
            found[0].message
        );
        assert!(found[0].message.contains("Use a clear structure"));
        let edit = &found[0].fixes[0].edits[0];
        assert_eq!(edit.range.start, text.find("## Result").unwrap());
        assert_eq!(
            edit.new_text,
            "## Action\n\n<!-- What you did, in the first person. -->\n\n"
        );
        assert!(found[1].message.starts_with("No learning part"));
        let edit = &found[1].fixes[0].edits[0];
        assert_eq!(edit.range.start, text.len());
        assert!(edit.new_text.starts_with("\n## Learning"));
    }

    #[test]
    fn prose_cues_count_as_parts() {
        let text = "At my last company our reseller channel was flat. I rebuilt the enablement program. As a result, win rate rose 12%. I learned that enablement comes first.";
        assert!(findings(text, Rule::Structure).is_empty());
    }

    #[test]
    fn an_opening_past_state_is_context_a_present_generality_is_not() {
        let story = "Our reseller channel was flat. I rebuilt enablement and win rate rose 12%. I learned to start small.";
        assert!(findings(story, Rule::Structure).is_empty());
        let generic = "Partnerships are like relationships. I rebuilt enablement and win rate rose 12%. I learned to start small.";
        let found = findings(generic, Rule::Structure);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("No context part"));
    }

    #[test]
    fn prose_without_learning_is_flagged_on_line_one() {
        let text = "At my last company our reseller channel was flat.\nI rebuilt the enablement program and win rate rose 12%.";
        let found = findings(text, Rule::Structure);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].range.clone()],
            "At my last company our reseller channel was flat."
        );
    }

    #[test]
    fn label_style_drafts_get_a_label() {
        let text = "**Situation:** flat channel.\n\n**Action:** I rebuilt enablement.\n\n**Result:** win rate up 12%.\n";
        let found = findings(text, Rule::Structure);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].fixes[0].edits[0]
                .new_text
                .contains("**Learning:**")
        );
    }

    #[test]
    fn crlf_drafts_get_crlf_fixes() {
        let text = "## Situation\r\n\r\nFlat.\r\n\r\n## Result\r\n\r\nUp 12%.\r\n\r\n## Lessons\r\n\r\nMore.\r\n";
        let found = findings(text, Rule::Structure);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].fixes[0].edits[0].new_text,
            "## Action\r\n\r\n<!-- What you did, in the first person. -->\r\n\r\n"
        );
    }
}
