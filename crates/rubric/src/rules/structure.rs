//! `structure`: the answer lacks one of its four parts: context, action, outcome, learning.
//!
//! Why interviewers care: a story they can follow (the situation, what you did, what changed,
//! what you took from it) is what a behavioural or process answer is judged on first; a missing
//! outcome or lesson reads as an answer that stops halfway.
//!
//! Fires on: one finding per missing part, on the title (or line 1). Parts come from headings
//! and labels with prose under them (Situation, Approach, Result, Lessons, "What I took from
//! it", "What we learned", "Worth repeating", `**Learning.**`, `Looking back:`...; also inside a
//! paragraph, a sentence opening on one, "What I'd do again: ...", "What I took from it is that
//! ...") or from the prose: where the candidate was or how
//! things stood ("At my last company", "I run the channel at a 450-person lighting company",
//! "at Lumen Werke" or "At the insurer where I run bancassurance", "When I
//! inherited the channel": a subordinate clause about the writer before the main clause; a
//! verbless line naming the role and company, "Head of partnerships, Series B fintech"; the
//! writer's role named with *be* and an article, "I'm the TPM"), what
//! they or the team did ("I rebuilt", "we mapped", a resume-style "Built the pitch", steps
//! given as instructions, "Prune inactive partners. Require a joint plan.", read from the
//! tagger's clauses, or as three or more noun-phrase steps or bullets), a result reported as having happened ("As a result", "grew 30%", how things stand now against before: "the network is much healthier", or what a party of the story did in the end, in the last third of the draft: "both partners stayed"; not a
//! plan, a condition or a count of activity) and what they took from it ("I learned", a rule or
//! a would-do-again in the closing sentences, or a closing reflection: "It showed me...", "What stuck
//! with me is...", "If we did it again, we'd..."); see [`crate::story`].
//!
//! An outcome counts too when a model learned from labelled passages (`crate::learned`,
//! `models/outcome.tsv`) reads a sentence of four words or more as telling one with probability
//! 0.8, for results in words no reading names ("by spring their sellers were pulling us into
//! deals").
//!
//! Scenario answers, and unlinked drafts told as a plan ("I would..."), are held to three
//! parts: the assumptions, questions or diagnosis the plan starts from (context: "Why did it
//! stall? Because nobody owned it." diagnoses), the plan (action) and the
//! result it aims for or how success is judged (outcome); never learning.
//!
//! Does not fire on: a blank buffer. A draft begun with only a heading or front matter, or
//! holding a one-line note, is told every part it needs.
//!
//! Example: `## Situation` … `## Result` with no action or lesson gives "No action part" and
//! "No learning part", each with a fix that inserts the heading where it belongs.

use std::sync::LazyLock;

use crate::context::{Ctx, Input, insert};
use crate::learned::Model;
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
    // A plan (a scenario answer) has no lesson yet; its context is what it assumes and its
    // outcome the result it aims for.
    let expected = |kind: SectionKind| !(input.parts.plan && kind == SectionKind::Learning);
    let missing: Vec<SectionKind> = PARTS
        .iter()
        .enumerate()
        .filter(|(i, k)| !input.parts.present[*i] && expected(**k) && !learned_part(ctx, **k))
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
            "No {} part: {}; {} ({}).{}",
            part_name(kind).to_lowercase(),
            wanted(kind, input.parts.plan),
            if input.parts.plan {
                "a plan goes assumptions, steps, the result it aims for"
            } else {
                "a strong answer goes context, action, outcome, learning"
            },
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

/// The model learned from labelled passages that states whether a sentence tells an outcome
/// (`crate::learned`), read on first use.
static OUTCOME: LazyLock<Model> = crate::learned::embedded!("outcome");

/// The probability from the learned model at which a sentence tells an outcome the story's
/// reading did not find. Chosen on the tune holdout.
const TOLD: f32 = 0.8;

/// The fewest words of a sentence the model may find an outcome in alone: one word decides a
/// shorter one (a heading `Result`).
const MIN_WORDS: usize = 4;

/// Whether a learned model finds part `kind` (the outcome) in some sentence of at least
/// [`MIN_WORDS`] words.
fn learned_part(ctx: &Ctx<'_>, kind: SectionKind) -> bool {
    kind == SectionKind::Outcome
        && ctx.learned_anywhere(&OUTCOME, |c| &c.outcome, MIN_WORDS.., TOLD)
}

/// What the missing part should tell, for a story or for a plan.
fn wanted(kind: SectionKind, plan: bool) -> &'static str {
    match (kind, plan) {
        (SectionKind::Context, false) => "say where you were and what was at stake",
        (SectionKind::Context, true) => {
            "state the assumptions or the diagnosis the plan starts from, or the questions you would ask"
        }
        (SectionKind::Action, false) => "say what you did yourself, step by step",
        (SectionKind::Action, true) => "say what you would do, step by step",
        (SectionKind::Outcome, false) => "say what changed as a result, in numbers if you can",
        (SectionKind::Outcome, true) => {
            "say the result the plan aims for or how you would judge success"
        }
        _ => "say what you took from it or would do differently",
    }
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
        // A past habit, and a sentence opening on a past time, tell how things stood.
        for opening in [
            "Partnerships are like relationships. We used to pay publishers per game.",
            "Last spring we finally started selling with our payments partner.",
            "In 2022 we finally started selling with our payments partner.",
            "Two years ago we finally started selling with our payments partner.",
        ] {
            let text = format!("{opening} I rebuilt enablement and win rate rose 12%. I learned to start small.");
            assert!(findings(&text, Rule::Structure).is_empty(), "{opening}");
        }
        // Not a present time, nor a future.
        let next = "Next spring we start selling with our payments partner. I rebuilt enablement and win rate rose 12%. I learned to start small.";
        assert_eq!(findings(next, Rule::Structure).len(), 1);
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

    #[test]
    fn bold_labels_ending_in_a_period_and_looking_back_labels_count() {
        let text = "**Context.** I joined a 40-person startup as the first partnerships hire.\n\n**What I did.** I ran account mapping with five payroll providers.\n\n**Result.** Partner pipeline went from 0 to 22% of new pipeline.\n\n**What I took from it.** Score partners before you fall for a brand.\n";
        assert!(findings(text, Rule::Structure).is_empty());
        let again = text.replace("**What I took from it.**", "**What I'd do again:**");
        assert!(findings(&again, Rule::Structure).is_empty());
        let worth = text.replace("**What I took from it.**", "**Worth repeating.**");
        assert!(findings(&worth, Rule::Structure).is_empty());
        // A team's lesson is a lesson: "we" names the part as "I" does, where its sentences
        // alone would not read as one.
        let ours = text.replace(
            "**What I took from it.** Score partners before you fall for a brand.",
            "**What we learned.** Referral partners need reminders. Referrals dropped every time we skipped the call.",
        );
        assert!(findings(&ours, Rule::Structure).is_empty(), "{ours}");
        let unnamed = ours.replace("**What we learned.** ", "");
        assert_eq!(findings(&unnamed, Rule::Structure).len(), 1, "{unnamed}");
    }

    #[test]
    fn a_heading_with_nothing_under_it_is_not_the_part() {
        let text = "## Situation\n\nOur channel was flat after the reseller program stalled.\n\n## Action\n\nI rebuilt enablement around the buyer.\n\n## Result\n\n<!-- TODO -->\n\n## Lessons\n\nStart with the buyer, not the partner.\n";
        let found = findings(text, Rule::Structure);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.starts_with("No outcome part"));
    }

    #[test]
    fn a_plan_that_asks_first_or_states_a_diagnosis_has_its_context() {
        let steps = "I would then package one joint offer with the partner. I'd judge success by bundled win rate above 35% within two quarters.";
        for opening in [
            "Before anything I'd want answers. How many deals are we talking about? Who sponsors it on their side?",
            "**Diagnosis.** Nobody owned the partnership after launch.",
            // A question answered with a cause is the diagnosis.
            "Why did it stall? Because nobody owned it after launch.",
        ] {
            let text = format!("---\nscenario: 1\n---\n\n{opening}\n\n{steps}\n");
            assert!(findings(&text, Rule::Structure).is_empty(), "{opening}");
        }
        // A question answered at once only restates what the prompt gave.
        let text = format!("---\nscenario: 1\n---\n\nWhy did it work? Compliance.\n\n{steps}\n");
        let found = findings(&text, Rule::Structure);
        assert!(
            found.len() == 1 && found[0].message.starts_with("No context part"),
            "{found:#?}"
        );
    }

    #[test]
    fn a_lesson_in_the_closing_sentence_counts() {
        let story = "When I joined, our resellers sold nothing. I cut the network from 40 to 12 and I retrained the rest. Partner revenue rose 30% in a year. Saying no to a keen partner feels rude, but it is kinder than a dead partnership.";
        assert!(findings(story, Rule::Structure).is_empty());
        let no_lesson = "When I joined, our resellers sold nothing. I cut the network from 40 to 12 and I retrained the rest. Partner revenue rose 30% in a year.";
        let found = findings(no_lesson, Rule::Structure);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("No learning part"));
    }

    #[test]
    fn a_lesson_named_by_the_speakers_noun_counts_outside_a_story() {
        let text = "We review the partnership every month with both sponsors. My learning is that governance must be strongest when the season is busiest.";
        let learning = |text: &str| {
            !findings(text, Rule::Structure)
                .iter()
                .any(|f| f.message.contains("No learning part"))
        };
        assert!(learning(text), "{text}");
        let text = "We review the partnership every month with both sponsors. My own team was the one that pushed back.";
        assert!(!learning(text), "{text}");
    }

    #[test]
    fn a_closing_reflection_counts_as_the_lesson() {
        let story = "When I joined, our resellers sold nothing. I cut the network from 40 to 12 and I retrained the rest. Partner revenue rose 30% in a year.";
        for close in [
            "It showed me how much a named owner matters.",
            "What stuck with me is that the smallest partner sold the most.",
            "If we did it again, I think we'd agree the exit terms first.",
            "If anything, I'd have gone to the sales director on day one.",
            "The main thing I took away is that tiers only motivate when partners see the next one.",
            "One thing I've learned, I think, is that partners remember the first deal. Both still call me.",
            "I think the main thing I took away is that the right partner shows up before the money.",
            "The main thing we took from it is that paying on renewal changed behaviour most.",
            "If there's one thing I'd carry into the next partnership, it's that an installed base beats a big sales team.",
            "Honestly, I think the one thing that made it work was that every review ended with a named owner.",
            "I think the part that mattered most was writing down decision rights.",
            "My own mistake was waiting four months before setting this up.",
            "I have since stopped asking partners what they want to sell.",
            "Next I want to connect certification to what happens in deals.",
            "I'm now proposing we move the partner discount behind a first closed deal.",
            "Would I do anything differently? Yes, kill the flat fee on day one.",
        ] {
            let text = format!("{story} {close}");
            assert!(findings(&text, Rule::Structure).is_empty(), "{close}");
        }
        // A closing report is no lesson; what others did to the candidate is not a reflection.
        for close in [
            "Win rate on co-sold deals was 47% against 22% before.",
            "What they sent me was a price list.",
            "We stopped paying on deals we'd have won anyway.",
            "My own team was the one that pushed back.",
            "The first thing I did was call both partners.",
            "The main thing the partner wanted was a bigger margin.",
            "Next we signed two more resellers in Ohio.",
            "Would they renew? Yes, both renewed in March.",
        ] {
            let text = format!("{story} {close}");
            let found = findings(&text, Rule::Structure);
            assert!(
                found.len() == 1 && found[0].message.starts_with("No learning part"),
                "{close}: {found:?}"
            );
        }
    }

    #[test]
    fn what_a_party_did_in_the_end_is_an_outcome() {
        let story = "At my last company two resellers claimed the same hospital. I checked the registrations first. Then I called the clinic manager. I proposed a split with a referral fee.";
        for close in [
            "Both partners stayed with us.",
            "The customer renewed the following year.",
            "The partnership renewed on better terms.",
            // A party named by its kind.
            "Eventually the MSP asked to expand into a second region.",
            // `both` the tagger leaves outside the phrase.
            "The disputes stopped and both installers stayed in the network.",
            // After a clause whose verb counts activity.
            "The hospital signed, both partners stayed with us, and nobody left angry.",
        ] {
            let text = format!("{story} {close} I learned to write the rule before the second conflict.");
            assert!(findings(&text, Rule::Structure).is_empty(), "{close}");
        }
        // Not the writer, not a negation, not a party's event before the last third.
        for close in [
            "We stayed with them.",
            "Both partners never signed.",
            // A verb that counts activity.
            "The hospital signed.",
        ] {
            let text = format!("{story} {close} I learned to write the rule before the second conflict.");
            let found = findings(&text, Rule::Structure);
            assert!(
                found.len() == 1 && found[0].message.starts_with("No outcome part"),
                "{close}: {found:?}"
            );
        }
    }

    #[test]
    fn a_past_tense_counts_only_as_what_a_clause_reports() {
        let story = "At my last company the reseller had stalled for a year. I rebuilt the joint plan with their channel lead and set a review every month.";
        let lesson = "I learned to agree the exit terms first.";
        let text = format!("{story} Renewals grew that spring. {lesson}");
        assert!(findings(&text, Rule::Structure).is_empty());
        // A participle inside a phrase, a denied change: nothing was reported.
        for close in [
            "I now tie the partner discount to a first closed deal.",
            "Customer success reviews the handoff so clients aren't dropped after go-live.",
        ] {
            let text = format!("{story} {close} {lesson}");
            let found = findings(&text, Rule::Structure);
            assert!(
                found.len() == 1 && found[0].message.starts_with("No outcome part"),
                "{close}: {found:?}"
            );
        }
    }

    #[test]
    fn plans_and_activity_counts_are_not_outcomes() {
        let text = "At my last company, a 200-person SaaS firm, partner enablement was ad hoc. I built a certification path with product marketing. We delivered 24 bootcamps and trained 350 consultants. At the end of the quarter I will judge it on win rate. I learned that shorter modules work better.";
        let found = findings(text, Rule::Structure);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.starts_with("No outcome part"));
    }

    #[test]
    fn a_plan_needs_assumptions_steps_and_targets_but_no_lesson() {
        let plan = "Assuming the bundle has closed about 20 deals, I would first compare them with direct deals. I would then package one joint offer with the partner. I'd judge success by bundled win rate above 35% within two quarters.";
        assert!(findings(plan, Rule::Structure).is_empty());
        let no_target = "Assuming the bundle has closed about 20 deals, I would first compare them with direct deals. I would then package one joint offer with the partner and review it monthly.";
        let found = findings(no_target, Rule::Structure);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.starts_with("No outcome part"));
    }

    #[test]
    fn where_the_candidate_was_is_context() {
        let text = "I run the channel at a smart-lighting hardware company. I rebuilt the margin model and registered deals rose from 31 to 118 a quarter. I learned to pay for growth, not volume.";
        assert!(findings(text, Rule::Structure).is_empty());
        // A state of the writer's is no role.
        let state = "I'm sure of it. I rebuilt the margin model and registered deals rose from 31 to 118 a quarter. I learned to pay for growth, not volume.";
        let found = findings(state, Rule::Structure);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("No context part"));
        let inherited = "When I inherited the channel, nobody owned it. I rebuilt the margin model and registered deals rose from 31 to 118 a quarter. I learned to pay for growth, not volume.";
        assert!(findings(inherited, Rule::Structure).is_empty());
        // A company named, or sized by a modifier that holds a number.
        for place in [
            "I run the channel at Lumen Werke.",
            "I run the channel at a 450-person lighting company.",
            // The writer in any form of the pronoun.
            "As the only channel person at Lumen Werke, the dispute landed on me.",
            // The writer's role named with *be*.
            "How I ran it (I'm the channel lead, 90 people):",
            // A definite place the writer's relative clause identifies.
            "At the insurer where I run bancassurance, the banks sell our cover.",
        ] {
            let text = format!("{place} I rebuilt the margin model and registered deals rose from 31 to 118 a quarter. I learned to pay for growth, not volume.");
            assert!(findings(&text, Rule::Structure).is_empty(), "{place}");
        }
    }

    #[test]
    fn a_one_line_note_has_no_parts_yet() {
        let text = "# Share a partnership that drove growth\n\nPayroll integration at my startup, need to dig up the numbers first.\n";
        assert_eq!(findings(text, Rule::Structure).len(), 4);
    }

    #[test]
    fn steps_given_as_instructions_or_a_list_are_the_action() {
        let imperative = "At my last company, a Series B startup, co-sell was stalling. Map shared accounts with the partner. Pick a pilot region. Then agree on the rules of engagement. Win rate rose from 22% to 38%. I learned to start small.";
        assert!(findings(imperative, Rule::Structure).is_empty());
        let listed = "At my last company, a Series B startup, co-sell was stalling.\n\n- owners and sponsors on both sides\n- deal registration and rules of engagement\n- monthly pipeline review\n\nWin rate rose from 22% to 38%. I learned to start small.\n";
        assert!(findings(listed, Rule::Structure).is_empty());
    }

    #[test]
    fn an_unlinked_plan_is_not_asked_for_a_lesson() {
        let text = "## Fixing the stalled channel\n\nAssuming the partner still wants the channel, I would first pull every registered deal. I would then name an owner on each side. I'd judge it on sourced pipeline of $2M in two quarters.\n";
        assert!(findings(text, Rule::Structure).is_empty());
    }

    #[test]
    fn a_result_is_reported_not_an_adjective() {
        let adjective = "At my last company, a Series B startup, partners signed and did nothing. I tied margin and tier to closed revenue, not the signature. I learned to ask for a plan before signing.";
        let found = findings(adjective, Rule::Structure);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.starts_with("No outcome part"));
        let reported = adjective.replace(
            "I learned",
            "The result was a smaller, healthier program. I learned",
        );
        assert!(findings(&reported, Rule::Structure).is_empty());
    }

    #[test]
    fn a_sentence_opening_on_the_name_of_a_part_is_that_part() {
        let base = "At my last company, a Series B startup, partners signed and did nothing. I tied margin to closed revenue and partner pipeline rose 40%.";
        for lesson in [
            "What I took from it is that a plan comes before a signature.",
            "Margins held. What I'd do again: pay on cash, never on registrations.",
            "What I took from the earlier failures: I used to skip the exit clause to keep the mood friendly.",
        ] {
            let text = format!("{base} {lesson}");
            assert!(findings(&text, Rule::Structure).is_empty(), "{lesson}");
        }
        // A clause that names another part is no lesson.
        let text = format!("{base} What we did next is unclear to me.");
        assert!(findings(&text, Rule::Structure).iter().any(|f| f.message.starts_with("No learning part")));
    }

    #[test]
    fn how_things_stand_now_against_before_is_an_outcome() {
        let base = "At my last company, a Series B startup, partners signed and did nothing. I tied margin and tier to closed revenue, not the signature. I learned to ask for a plan before signing.";
        for now in [
            "Partner pipeline is up.",
            "The reseller network is much healthier.",
            // A change of state told in the past.
            "After that our distributor list got shorter and better.",
        ] {
            let text = base.replace("I learned", &format!("{now} I learned"));
            assert!(findings(&text, Rule::Structure).is_empty(), "{now}");
        }
        // The writer's state is no outcome.
        for mine in ["I am happier.", "I got better at it."] {
            let text = base.replace("I learned", &format!("{mine} I learned"));
            let found = findings(&text, Rule::Structure);
            assert!(found.iter().any(|f| f.message.starts_with("No outcome part")), "{mine}");
        }
    }

    #[test]
    fn messages_say_what_the_part_should_tell() {
        let story = "At my last company our reseller channel was flat.\nI rebuilt the enablement program and win rate rose 12%.";
        let found = findings(story, Rule::Structure);
        assert!(
            found[0]
                .message
                .starts_with("No learning part: say what you took from it"),
            "{}",
            found[0].message
        );
        let plan = "Assuming the bundle has closed about 20 deals, I would first compare them with direct deals. I would then package one joint offer with the partner and review it monthly.";
        let found = findings(plan, Rule::Structure);
        assert!(
            found[0].message.starts_with(
                "No outcome part: say the result the plan aims for or how you would judge success; a plan goes"
            ),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn instructions_the_tagger_reads_as_verbs_are_steps() {
        // Neither step's verb is followed by a determiner: the tagger reads each as the verb
        // of a clause with no subject.
        let text = "Qualify sponsorship before signing anything. Prune dormant resellers every quarter. Win rate climbed from 20% to 31% within a year.";
        let found = findings(text, Rule::Structure);
        assert!(
            !found.iter().any(|f| f.message.starts_with("No action part")),
            "{found:#?}"
        );
        // Several subjectless clauses in one sentence are several steps.
        let one_sentence = "Name an owner on each side, retrain their sellers, and hold monthly reviews. Win rate climbed from 20% to 31% within a year.";
        let found = findings(one_sentence, Rule::Structure);
        assert!(
            !found.iter().any(|f| f.message.starts_with("No action part")),
            "{found:#?}"
        );
    }

    #[test]
    fn noun_phrase_steps_are_the_action_and_a_role_line_is_context() {
        let steps = "Sponsor and owner on both sides. Monthly pipeline reviews with the field. A shared scorecard for both teams. Exit criteria in the contract.";
        let found = findings(steps, Rule::Structure);
        assert!(
            !found.iter().any(|f| f.message.starts_with("No action part")),
            "{found:#?}"
        );
        let role = "Head of alliances, logistics software vendor, Series C.\n\nI rebuilt the reseller tiers and win rate climbed from 20% to 31%. I learned to tie margin to closed revenue.";
        let found = findings(role, Rule::Structure);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn an_opening_clause_about_the_writer_sets_the_scene() {
        let text = "Before we signed the distributor, nobody tracked sell-through. I rebuilt the reseller tiers and win rate climbed from 20% to 31%. I learned to tie margin to closed revenue.";
        assert!(findings(text, Rule::Structure).is_empty());
    }

    #[test]
    fn an_outcome_in_words_no_reading_names_is_read_by_the_learned_model() {
        let story = "At my last company, a 200-person SaaS firm, the reseller channel was stalled. I rebuilt the deal desk with their channel lead. ";
        let lesson = " I learned that one shared process beats ten slide decks.";
        let told = format!(
            "{story}By spring their sellers were pulling us into deals we had never heard of.{lesson}"
        );
        assert!(findings(&told, Rule::Structure).is_empty(), "{told}");
        let untold = format!("{story}I set up a weekly pipeline review to lift the win rate.{lesson}");
        let found = findings(&untold, Rule::Structure);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.starts_with("No outcome part"));
    }
}
