//! The story an answer tells: its sections (headings and labels) and which of the four parts
//! (context, action, outcome, learning) it has, from sections or from prose cues.

use std::ops::Range;

use crate::context::Ctx;
use crate::lexicon::Cue;
use crate::tokens::Tokens;
use crate::{Section, SectionKind};

/// The four parts of an answer, in the order they are told.
pub(crate) const PARTS: [SectionKind; 4] = [
    SectionKind::Context,
    SectionKind::Action,
    SectionKind::Outcome,
    SectionKind::Learning,
];

/// Which parts a draft has, and how it marks them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parts {
    /// Present, by [`PARTS`] index.
    pub present: [bool; 4],
}

pub(crate) fn part_index(kind: SectionKind) -> Option<usize> {
    PARTS.iter().position(|&k| k == kind)
}

/// The name used in messages and inserted headings.
pub(crate) fn part_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Context => "Context",
        SectionKind::Action => "Action",
        SectionKind::Outcome => "Outcome",
        SectionKind::Learning => "Learning",
        SectionKind::Other => "Section",
    }
}

/// What each missing part should say, as a comment under its inserted heading.
pub(crate) fn part_prompt(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Context => "The situation: company, stage, your role, the problem.",
        SectionKind::Action => "What you did, in the first person.",
        SectionKind::Outcome => "What changed, in numbers.",
        SectionKind::Learning => "What you learned and would do next time.",
        SectionKind::Other => "",
    }
}

/// Finds the parts: a section of that kind, or clear prose cues.
pub(crate) fn parts(ctx: &Ctx<'_>, sections: &[Section]) -> Parts {
    let mut present = [false; 4];
    for section in sections {
        if let Some(i) = part_index(section.kind) {
            present[i] = true;
        }
    }
    let hits = ctx.hits;
    let action_cues = [Cue::ActionCue, Cue::Plan];
    if !present[1] {
        present[1] =
            action_cues.iter().any(|&c| !hits.of(c).is_empty()) || first_person_action(ctx);
    }
    if !present[2] {
        present[2] =
            !hits.of(Cue::OutcomeCue).is_empty() || ctx.quantities.iter().any(|q| q.metric);
    }
    if !present[3] {
        present[3] = !hits.of(Cue::LearningCue).is_empty();
    }
    if !present[0] {
        // Context is set by cues: the company's stage or the role among them, and, in a
        // scenario answer, clarifying questions and stated assumptions.
        present[0] = !hits.of(Cue::ContextCue).is_empty()
            || !hits.of(Cue::Stage).is_empty()
            || (ctx.is_scenario() && !hits.of(Cue::Clarify).is_empty())
            || opens_with_past_state(ctx);
    }
    Parts { present }
}

/// A story that opens by describing how things were ("Our channel was flat.") before anyone
/// acts: a past state in a sentence before the first action.
fn opens_with_past_state(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    for sentence in t.sentences.iter().take(3) {
        let range = sentence.tokens.clone();
        let acts = [Cue::ActionCue, Cue::Plan, Cue::OutcomeCue]
            .iter()
            .any(|&c| ctx.hits.any_in(c, range.clone()));
        if acts {
            return false;
        }
        if range
            .clone()
            .any(|i| matches!(t.lower(i), "was" | "were" | "had" | "wasn't" | "weren't"))
        {
            return true;
        }
    }
    false
}

/// Past-tense verbs that tell what happened to you rather than what you did.
const NOT_ACTIONS: &[&str] = &[
    "was",
    "were",
    "had",
    "joined",
    "inherited",
    "noticed",
    "realized",
    "realised",
    "learned",
    "learnt",
    "needed",
    "wanted",
    "felt",
    "thought",
    "worked",
    "managed",
    "owned",
    "saw",
    "found",
    "knew",
    "believed",
    "hoped",
    "expected",
    "liked",
    "loved",
    "hated",
    "used",
    "started",
    "ended",
    "got",
    "became",
    "heard",
    "assumed",
    "decided",
    "seemed",
];
/// Present-tense words after "I" that state, feel or think rather than do.
const STATES: &[&str] = &[
    "am",
    "have",
    "think",
    "believe",
    "feel",
    "guess",
    "know",
    "hope",
    "want",
    "need",
    "like",
    "love",
    "mean",
    "suppose",
    "wish",
    "remember",
    "would",
    "will",
    "could",
    "should",
    "can",
    "might",
    "must",
    "do",
    "did",
    "don't",
    "didn't",
    "also",
    "still",
    "always",
    "never",
    "often",
    "usually",
    "sometimes",
    "really",
    "just",
    "learn",
    "realise",
    "realize",
    "understand",
    "agree",
    "see",
    "care",
    "enjoy",
    "prefer",
    "tend",
    "try",
    "get",
    "was",
    "were",
    "wasn't",
    "joined",
];

/// Irregular past-tense verbs of doing.
const IRREGULAR: &[&str] = &[
    "built", "led", "ran", "set", "made", "took", "brought", "drove", "wrote", "met", "began",
    "chose", "sold", "gave", "held", "put", "sent", "won", "cut", "rebuilt", "sat", "went",
    "spoke", "told", "kept", "paid", "spent", "struck", "rewrote", "taught", "sought", "shut",
    "bought", "hired", "fired", "drew", "broke", "split", "shipped",
];

/// "I" followed by a past-tense verb of doing (`I renegotiated`, `I then built`).
fn first_person_action(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    (0..t.tokens.len()).any(|i| t.lower(i) == "i" && acts(t, i))
}

/// Whether the subject pronoun at token `i` is followed by a verb of doing (`we built`,
/// `I then renegotiated`, `we map accounts`) rather than a state, a feeling or a modal.
pub(crate) fn acts(t: &Tokens, i: usize) -> bool {
    let sentence = t.tokens[i].sentence;
    let mut j = i + 1;
    if j < t.tokens.len()
        && (t.lower(j).ends_with("ly")
            || matches!(
                t.lower(j),
                "then" | "also" | "first" | "quickly" | "all" | "both"
            ))
    {
        j += 1;
    }
    if j >= t.tokens.len() || t.tokens[j].sentence != sentence {
        return false;
    }
    // Past tense ("I renegotiated") or, in a process answer, the present ("I map accounts").
    let verb = t.lower(j);
    !verb.is_empty()
        && !NOT_ACTIONS.contains(&verb)
        && !STATES.contains(&verb)
        && (verb.ends_with("ed")
            || IRREGULAR.contains(&verb)
            || verb.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Words after which a sentence-opening participle describes rather than acts ("Based on").
const PREPOSITIONS: &[&str] = &[
    "by", "on", "in", "to", "at", "for", "from", "with", "of", "as", "that", "into", "over",
];

/// Whether sentence `s` opens with a past-tense verb of doing and no subject, the way a resume
/// bullet does ("Built the joint pitch", "Ran monthly QBRs"): the candidate's own action.
pub(crate) fn implied_first_person(t: &Tokens, s: usize) -> bool {
    let range = t.sentences[s].tokens.clone();
    if range.len() < 2 {
        return false;
    }
    let first = range.start;
    let verb = t.lower(first);
    let past = (verb.ends_with("ed") && verb.len() > 4) || IRREGULAR.contains(&verb);
    past && !NOT_ACTIONS.contains(&verb) && !PREPOSITIONS.contains(&t.lower(first + 1))
}

/// The draft's sections: headings and labels, each running to the next.
pub(crate) fn sections(ctx: &Ctx<'_>) -> Vec<Section> {
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

#[cfg(test)]
mod tests {
    use crate::SectionKind;
    use crate::rules::testing::analyze;

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
