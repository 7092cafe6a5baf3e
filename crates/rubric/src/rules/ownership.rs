//! `ownership`: "we" where the interviewer needs to hear what you did.
//!
//! Why interviewers care: they are hiring you, not your team; an action told in "we" hides your
//! own part. A coaching hint, not scored.
//!
//! Fires on: the action part (an action section, or whatever no other part claims; a context
//! label that opens its paragraph, `Context: I ran …`, claims that paragraph alone) where at
//! least three actions have "we" as their subject (`we built`, `we'd map`) and they outnumber the
//! candidate's own actions more than two to one; on the first acting "we". The candidate's own
//! actions are "I" before a verb of doing and resume-style bullets with the "I" left out ("Built
//! the joint pitch"). It fires too where at least three actions are told in the passive with no
//! doer (`the integration was built`, `rules were documented`: read from each clause's verb
//! group in [`crate::syntax`]) and they outnumber the "we" and "I" actions together more than
//! two to one; on the first such verb.
//!
//! Does not fire on: a balanced account (`We built it. I led the design. I ran the pilots.`),
//! "our" and "us" in passing, "we" as the subject of a state ("we were flat", "we had no owner"),
//! "we" in the context, outcome and learning parts, a passive that names its doer (`was
//! drafted by me`) or a state (`the team was new`).
//!
//! Example: "Then we built a program. We trained resellers and we ran QBRs. I helped." under
//! `## Action` fires on the first "we".

use std::ops::Range;

use crate::context::{Ctx, Input};
use crate::rules::{Meta, Scope};
use crate::story::{acts, implied_first_person};
use crate::syntax::UPOS;
use crate::tokens::{Person, Tokens};
use crate::{Finding, Rule, SectionKind, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "ownership",
    default_severity: Severity::Hint,
    summary: "\"We\" where the interviewer needs to hear what you did.",
    scored: false,
    scope: Scope::Passage,
    advice: "Say \"I\" for what you did yourself; keep \"we\" for the team's results.",
    citation_keywords: &[],
    needs_prose: true,
};

/// `ownership`: the action part is told in "we" so that the interviewer cannot tell what the
/// candidate did.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let t = ctx.tokens;
    let action: Vec<Range<usize>> = input
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Action)
        .map(|s| s.heading.end..s.range.end)
        .collect();
    // Without an action part marked, the action is whatever no other part claims.
    let scopes: Vec<Range<usize>> = if action.is_empty() {
        let lead = input.sections.first().map_or(ctx.text.len(), |s| s.range.start);
        std::iter::once(0..lead)
            .chain(
                input
                    .sections
                    .iter()
                    .filter(|s| s.kind == SectionKind::Other)
                    .map(|s| s.range.clone()),
            )
            // A context label that opens its paragraph (`Context: I ran partnerships at …`)
            // labels that paragraph; the paragraphs after it, up to the next part, tell what
            // was done.
            .chain(
                input
                    .sections
                    .iter()
                    .filter(|s| s.kind == SectionKind::Context && s.level == 0)
                    .filter_map(|s| after_first_paragraph(ctx.text, s)),
            )
            .filter(|r| !r.is_empty())
            .collect()
    } else {
        action
    };
    // The action is judged as a whole, however many sections tell it.
    let (mut we, mut i, mut first) = (0, 0, None);
    let scopes: Vec<Range<usize>> = scopes
        .iter()
        .map(|r| t.token_at_or_after(r.start)..t.token_at_or_after(r.end))
        .collect();
    for scope in &scopes {
        let (w, n, f) = actors(t, scope.clone());
        we += w;
        i += n;
        first = first.or(f);
    }
    // The clauses are read for passives only when "we" does not already settle it.
    let (mut passive, mut first_passive) = (0, None);
    if we < 3 || we <= 2 * i {
        for scope in &scopes {
            let (p, f) = agentless(ctx, scope.clone());
            passive += p;
            first_passive = first_passive.or(f);
        }
    }
    // Told mostly in "we", or mostly in passives that name no doer at all: either way the
    // candidate's own part is hidden.
    let in_we = first.filter(|_| we >= 3 && we > 2 * i);
    let in_passive = first_passive.filter(|_| passive >= 3 && passive > 2 * (we + i));
    if let Some(at) = in_we.or(in_passive) {
        let message = if in_we.is_some() {
            format!(
                "“{}” and {} more actions told in “we”, {i} in “I”: say what you did yourself; the interviewer is hiring you, not the team.",
                ctx.words(at..at + 2),
                we - 1
            )
        } else {
            format!(
                "“{}” and {} more actions told in the passive with no doer, {} in “we” or “I”: say what you did yourself; the interviewer is hiring you, not the team.",
                ctx.words(at..at + 1),
                passive - 1,
                we + i
            )
        };
        out.push(ctx.finding(Rule::Ownership, t.tokens[at].range(), message));
    }
    false
}

/// The part of section `s` after its first paragraph, when its label opens that paragraph with
/// prose on the same line (`Context: I ran partnerships at …`), not a label on a line of its own.
fn after_first_paragraph(text: &str, s: &crate::Section) -> Option<Range<usize>> {
    let body = &text[s.heading.end..s.range.end];
    let line = body.split(['\n', '\r']).next().unwrap_or("");
    if line.trim().is_empty() {
        return None;
    }
    // The paragraph ends at the first line with nothing on it.
    let mut at = 0;
    for l in body.split_inclusive('\n') {
        at += l.len();
        if l.trim().is_empty() {
            return Some(s.heading.end + at..s.range.end);
        }
    }
    None
}

/// Among tokens `within`: the actions told with "we" as subject, those the candidate tells as
/// their own ("I built", or a bullet with the "I" left out: "Built the pitch"), and the first
/// "we" that acts. "Our" and "us" name the team in passing and do not count.
fn actors(t: &Tokens, within: Range<usize>) -> (usize, usize, Option<usize>) {
    let (mut we, mut i, mut first) = (0, 0, None);
    let at = t.pronouns.partition_point(|&(k, _)| k < within.start);
    for &(k, person) in t.pronouns[at..]
        .iter()
        .take_while(|&&(k, _)| k < within.end)
    {
        // The subject pronoun, alone or with a modal ("we'd", "I will"), before a verb of doing.
        let word = t.lower(k);
        let subject = match person {
            Person::We => matches!(word, "we" | "we'd" | "we'll"),
            Person::I => matches!(word, "i" | "i'd" | "i'll"),
        };
        let modal = word.contains('\'') || matches!(t.lower(k + 1), "would" | "will");
        let doing = if modal {
            let verb = if word.contains('\'') { k } else { k + 1 };
            acts(t, verb)
        } else {
            acts(t, k)
        };
        if !subject || !doing {
            continue;
        }
        match person {
            Person::We => {
                we += 1;
                first.get_or_insert(k);
            }
            Person::I => i += 1,
        }
    }
    if let (Some(first), Some(last)) = (t.tokens.get(within.start), within.end.checked_sub(1)) {
        let sentences = first.sentence()..t.tokens.get(last).map_or(first.sentence(), |x| x.sentence() + 1);
        i += sentences
            .filter(|&s| {
                t.sentences[s].tokens.start >= within.start && implied_first_person(t, s)
            })
            .count();
    }
    (we, i, first)
}

/// Among tokens `within`: the actions told in the passive with no doer named (`the
/// integration was built`, `rules were documented`), and the first such verb.
fn agentless(ctx: &Ctx<'_>, within: Range<usize>) -> (usize, Option<usize>) {
    let t = ctx.tokens;
    let (mut n, mut first) = (0, None);
    let Some(from) = t.tokens.get(within.start).map(|x| x.sentence()) else {
        return (0, None);
    };
    let to = within
        .end
        .checked_sub(1)
        .and_then(|k| t.tokens.get(k))
        .map_or(from, |x| x.sentence() + 1);
    for sentence in from..to {
        let range = t.sentences[sentence].tokens.clone();
        if range.start < within.start || range.end > within.end {
            continue;
        }
        let (count, at) = ctx.kept(sentence, |c| &c.passives, || passives(ctx, sentence));
        n += count as usize;
        first = first.or(at.map(|w| range.start + w as usize));
    }
    (n, first)
}

/// In sentence `sentence`: the actions told in the passive with no doer named, and the first
/// such verb, by its index among the sentence's words. It depends on the sentence alone, so it
/// is kept with it.
fn passives(ctx: &Ctx<'_>, sentence: usize) -> (u32, Option<u32>) {
    let t = ctx.tokens;
    let range = t.sentences[sentence].tokens.clone();
    let (mut n, mut first) = (0, None);
    // Cheap test first: a form of *be* somewhere in the sentence.
    if !range.clone().any(|k| BE.contains(&t.lower(k))) {
        return (0, None);
    }
    let Some(s) = ctx.syntax(sentence) else {
        return (0, None);
    };
    for c in s.clauses() {
        let lower = |j: usize| s.text(j).to_lowercase();
        let passive = !c.copula
            && s.pos(c.verb) == UPOS::VERB
            && !lower(c.verb).ends_with("ing")
            && c.verb_group.clone().any(|j| j < c.verb && BE.contains(&lower(j).as_str()))
            && c.subject.as_ref().is_some_and(|p| s.pos(p.head) != UPOS::PRON)
            && lower(c.verb + 1) != "by";
        if passive {
            n += 1;
            first = first.or(s.token(c.verb).map(|w| (w - range.start) as u32));
        }
    }
    (n, first)
}

/// Forms of *be* that make a passive.
const BE: &[&str] = &["is", "are", "was", "were", "been", "being", "be"];

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

    #[test]
    fn we_dominating_the_action_section() {
        let text = "## Situation\n\nWe were flat.\n\n## Action\n\nThen we built a program. We trained resellers and we ran QBRs. I helped.\n\n## Result\n\nUp 10%.\n";
        assert_eq!(spans(text, Rule::Ownership), ["we"]);
        let found = findings(text, Rule::Ownership);
        assert_eq!(found[0].range.start, text.find("we built").unwrap());
        assert!(found[0].message.starts_with("“we built” and 2 more"), "{}", found[0].message);
        let balanced =
            "## Action\n\nWe built it. I led the design. I ran the pilots. We shipped.\n";
        assert!(findings(balanced, Rule::Ownership).is_empty());
    }

    #[test]
    fn an_action_told_in_passives_with_no_doer() {
        let text = "## Action\n\nA pricing model was drafted in May. The reseller terms were changed, and a pilot was launched in two regions. Product was briefed.\n";
        let found = findings(text, Rule::Ownership);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(&text[found[0].range.clone()], "drafted");
        assert!(
            found[0].message.starts_with("“drafted” and 3 more actions told in the passive"),
            "{}",
            found[0].message
        );
        // The candidate's own actions outweigh them, or the doer is named.
        for text in [
            "## Action\n\nA pricing model was drafted. Terms were rewritten. A pilot was launched. I ran the pilot. I briefed the CRO.\n",
            "## Action\n\nThe model was drafted by me. The terms were rewritten by me. I launched the pilot.\n",
            "## Action\n\nThe partner was flat and the team was new. I rebuilt the terms.\n",
        ] {
            assert!(findings(text, Rule::Ownership).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_context_label_opening_its_paragraph_labels_that_paragraph_alone() {
        let text = "Context: I was the partnerships manager at a 120-person exchange.\n\nIn the first year we signed 40 partners. We rebuilt the payout. We added deal registration.\n\nOutcome: volume went from 6% to 18%.\n";
        assert_eq!(spans(text, Rule::Ownership), ["we"]);
        // A label on a line of its own heads everything up to the next part.
        let text = "**Context**\n\nI was the partnerships manager at a 120-person exchange.\n\nIn the first year we signed 40 partners. We rebuilt the payout. We added deal registration.\n\n**Outcome**\n\nVolume went from 6% to 18%.\n";
        assert!(findings(text, Rule::Ownership).is_empty());
    }

    #[test]
    fn our_and_us_in_passing_are_not_we() {
        let text = "I rebuilt our margin model with our CFO. Our AEs lost commission, so I made our reps comp-neutral. Partners told us why, and I fixed our registration.";
        assert!(findings(text, Rule::Ownership).is_empty());
    }

    #[test]
    fn bullets_with_an_implied_i_are_the_candidates_actions() {
        let text = "## Action\n\n- Built the joint pitch.\n- Ran monthly QBRs with their lead.\n- Rewrote the margin model.\n\nWe signed two partners. We trained their reps. We launched in May.\n";
        assert!(findings(text, Rule::Ownership).is_empty());
    }

    #[test]
    fn a_plan_told_in_we_would_is_we() {
        let text = "First, we would analyse the bundled deals. We'd compare win rates with direct deals. Then we would build a joint offer. I think it would work.";
        assert_eq!(spans(text, Rule::Ownership), ["we"]);
    }

    #[test]
    fn we_outside_the_action_part_does_not_count() {
        let text = "Here is the story.\n\nWe mapped accounts. We built a pitch. We trained reps.\n\nWhat I learned: we should have started earlier.\n";
        assert_eq!(spans(text, Rule::Ownership), ["We"]);
        let states = "We were flat. We had no owner. We needed a plan. I rebuilt the program.";
        assert!(findings(states, Rule::Ownership).is_empty());
    }
}
