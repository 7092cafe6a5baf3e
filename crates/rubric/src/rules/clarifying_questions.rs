//! `clarifying-questions`: a scenario answer that proposes actions before any clarifying question.
//!
//! Why interviewers care: in a hypothetical, the first thing they judge is whether you find out
//! the goals, constraints and what has been tried before prescribing; not asking clarifying
//! questions in scenario prompts is a mistake the guides name.
//!
//! Fires on: scenario answers whose first sentence that proposes an action comes before any real
//! clarification. A scenario answer is a draft linked to a scenario (or a question of kind
//! `scenario`), or one that names no question and whose prose the link model reads as answering a
//! scenario (`I would start by pulling every bundled deal out of the CRM ...` under no title); such
//! a draft is held to the prompt of the scenario it reads as. A sentence proposes an action when it
//! has a plan or action cue, sits in an Action section, is a list item that is not a question (a
//! plan written as noun-phrase bullets, `- Named owners on both sides`), or is a numbered step
//! opening on a bare verb (`Step 1 – Read the data`). A real clarification is a
//! question put to someone, an asking cue (`I'd want to know`, `I would ask what…`), or an
//! assumption about an unknown. Not clarifications: a rhetorical question the draft answers at
//! once, in the next statement of its paragraph or list item (`Why did it stall? Because nobody
//! owned it.`, `Should we scale it? Only if the lift holds.`, `Should we scale it? Obviously —
//! …`, `Can it be saved? Usually, yes.`, `Is it real? On the first handful of deals, probably not
//! yet.`, `First thing I'd ask: is it real? Honestly, I'd bet it is.`,
//! `What went wrong? The brief already says: …`, `What I need to know? It is already clear from
//! the situation`, whatever asking cue the question holds; see `Ctx::answer`), asking set aside
//! for the plan (`I'd ask a few clarifying questions, but to keep this tight I'll go straight to
//! the plan`), the plan's own order (`I would diagnose before I redesigned`), a question that
//! frames the problem (`The real question isn't whether to scale`, `so the question is whether
//! it survives at fifty deals`; `my question is …` asks), finding out as a step of the plan
//! (`it's worth finding out fast`), a verb of checking with a bare
//! object (`I'd confirm them in the numbers`; it asks before a question word or `with` someone:
//! `I'd check whether …`), someone else's question (`the grower's question: water saved`), an
//! `Assuming …` that only restates the prompt's own facts or says it takes them from the prompt
//! (`Assuming, as the brief says, that nobody owns it`; the supposition ends where its clause does,
//! at a dash or at a comma once it has a verb unless `and` carries it on, so `Assuming nobody owns
//! it, the sellers were never enabled — here's my plan` restates the prompt), `clarify` with an
//! object (`Clarify roles in a co-sell charter`: a step of the plan, where `clarify what …` or
//! `clarify with` someone asks), a heading of questions or assumptions (`### Assumptions`, or a
//! bold line standing alone), which asks only through what stands under it and not through the
//! answers it gives to its own questions, `assume` taking a charge on rather than supposing (`I'd
//! assume ownership on day one`: a noun phrase no verb follows, where an assumption is a clause),
//! and a question that follows the plan in the same sentence (`I'd treat it like a forecast review:
//! is the number real?`). A draft that never clarifies fires on its first sentence even when no
//! sentence reads as a plan, and one with no answer yet (a title or front matter alone) on its
//! title, telling it what to open with.
//!
//! Does not fire on: scenario answers that ask or state assumptions first (a plan sentence that
//! only leads into the questions, `Before deciding I'd want a few answers:`, or puts the plan off
//! until something is known before a question, `I would resist redesigning anything until I
//! understood a few things.`, is no plan), and
//! drafts that answer a process or behavioural question (the rule does not apply to them and
//! does not score).
//!
//! Example: `scenario: 1` / "I would launch a partner council. What is the budget?" fires on the
//! first sentence.

use std::ops::Range;

use crate::context::{Ctx, Input};
use crate::lexicon::Cue;
use crate::link::{Target, content_stems};
use crate::rules::{Meta, Scope};
use crate::syntax::{Answer, UPOS};
use crate::{Finding, Rule, Section, SectionKind, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "clarifying-questions",
    default_severity: Severity::Warning,
    summary: "A scenario answer that proposes actions without clarifying questions first.",
    scored: true,
    scope: Scope::Passage,
    advice: "Open with the questions you would ask first (goals, constraints, what has been tried) before proposing a plan.",
    citation_keywords: &["clarifying"],
    needs_prose: false,
};

/// Words that open a clause hanging on a question rather than answering it (`Did it work? If
/// not, ...`).
const NOT_AN_ANSWER: &[&str] = &[
    "if", "whether", "unless", "or", "and", "otherwise", "either", "also",
];

/// Words that open an answer to the question just asked.
const ANSWERS: &[&str] = &[
    "because", "yes", "no", "partly", "mostly", "probably", "likely", "same", "both", "neither",
    "simple", "easy", "nobody", "none",
    // A pronoun in the object case opens no clause: it names who (`Who should own it now? Me.`).
    "me", "us", "them", "him", "her",
];

/// Words that open the answer to a yes-or-no question: a condition or a denial (`Only if the lift
/// holds`, `Not yet`), or an adverb of how sure the writer is (`Obviously — …`, `Maybe`).
const YES_OR_NO: &[&str] = &[
    "only", "not", "obviously", "absolutely", "definitely", "certainly", "clearly", "maybe",
    "perhaps",
];

/// Question words an asking verb can introduce (`ask what`, `ask them whether`).
const WH: &[&str] = &[
    "what", "whether", "if", "how", "why", "who", "whom", "which", "where", "when", "questions",
];

/// Function words left out when comparing an assumption with the prompt.
const FUNCTION: &[&str] = &[
    "not", "n't", "have", "has", "had", "doe", "don't", "doesn't", "they", "their", "them", "its",
    "was", "were", "been", "being", "more", "most", "so", "then", "here", "here'", "here's", "i'd",
    "i'll", "i'm", "us", "also", "some", "same", "from", "into", "than", "all", "each", "both",
];

/// What a sentence does for this rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Asks or states an assumption about an unknown.
    Asks,
    /// Proposes an action.
    Acts,
    /// Neither (context, a rhetorical question, a restated prompt).
    Neither,
}

/// Clarifying questions and stated assumptions ([`crate::lexicon::Cue::Clarify`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const CLARIFY: &[&str] = &[
    "clarify", "clarifying", "i would ask", "i'd ask", "i would first ask", "i'd first ask",
    "want to know", "want to understand", "need to know", "need to understand", "start by asking",
    "start by understanding", "first understand", "first ask", "assume", "assuming", "assumption",
    "assumptions", "it depends", "depends on", "i'd confirm", "i would confirm", "i'd check",
    "i would check", "find out", "to understand", "questions", "i'd want to learn",
    "before proposing", "before committing", "before i", "i'd validate", "i would validate",
    "i'd diagnose", "i would diagnose", "i'd dig into", "i would dig into",
];

/// Proposed actions in a scenario answer ([`crate::lexicon::Cue::Plan`]; also an action cue of [`crate::story`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const PLAN: &[&str] = &[
    "i would", "i'd", "i will", "i'll", "we would", "we'd", "we will", "we'll", "my plan",
    "the plan", "first step", "step one", "i propose", "i recommend", "i'd recommend", "let's",
    "i'm going to", "i am going to", "i plan", "my first", "i'd start", "i would start",
    "i'd launch", "i would launch", "i'd set up", "i'd build",
];

/// `clarifying-questions`: a scenario answer that proposes actions before asking or stating any
/// clarifying question or assumption. Only for scenario prompts.
pub(crate) fn check(ctx: &Ctx<'_>, input: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    if !ctx.is_scenario() {
        return false;
    }
    // A draft with no answer yet asks nothing: it is told what to open with.
    if input.words.is_empty() {
        let message = format!(
            "No answer yet: open with the questions you would ask first (goals, constraints, what has been tried), or the assumptions you make, then the plan.{}",
            ctx.guide(Rule::ClarifyingQuestions)
        );
        out.push(ctx.finding(Rule::ClarifyingQuestions, ctx.anchor(), message));
        return true;
    }
    if let Some(range) = acts_before_asking(ctx, input.sections) {
        let message = format!(
            "“{}” proposes actions before any clarifying question: first ask (or state your assumptions about) goals, constraints and what has been tried.{}{}",
            snippet(ctx, &range),
            read_as(ctx),
            ctx.guide(Rule::ClarifyingQuestions)
        );
        out.push(ctx.finding(Rule::ClarifyingQuestions, range, message));
    }
    true
}

/// The sentence that proposes the draft's first action when no clarification comes before it,
/// or the first sentence when nothing ever clarifies; `None` when the draft asks (or states
/// its assumptions) first, or has no sentence.
fn acts_before_asking(ctx: &Ctx<'_>, sections: &[Section]) -> Option<Range<usize>> {
    let t = ctx.tokens;
    // Sections are in document order and do not overlap: find the one holding `at`.
    let in_action_section = |at: usize| {
        let i = sections.partition_point(|s| s.range.start <= at);
        i > 0 && {
            let s = &sections[i - 1];
            s.kind == SectionKind::Action && s.range.contains(&at) && !s.heading.contains(&at)
        }
    };
    let prompt = prompt_stems(ctx);
    // Whether the last heading names questions or assumptions (`## Clarifying questions`,
    // `### Assumptions`). Such a heading asks nothing itself; what stands under it asks unless it
    // only restates or cites the prompt (`### Assumptions` over the brief's own facts).
    let mut asking_heading = false;
    for (i, sentence) in t.sentences.iter().enumerate() {
        let at = sentence.range.start;
        // A bold line standing alone is a heading written in bold (`**The open questions, and
        // my answers to them**`).
        if is_bold_line(ctx.text, &sentence.range)
            || ctx.draft.headings.iter().any(|h| h.range.contains(&at))
        {
            asking_heading = asks(ctx, &prompt, sentence.tokens.clone());
            continue;
        }
        let role = match role(ctx, &prompt, sentence.tokens.clone(), &sentence.range) {
            Role::Neither | Role::Acts
                if asking_heading
                    && !answers_question(ctx, i)
                    && !ctx.text[sentence.range.clone()].contains('?')
                    && first_plan_cue(ctx, sentence.tokens.clone()).is_none()
                    && !cites_prompt(ctx, sentence.tokens.clone())
                    && !restates_prompt(ctx, &prompt, sentence.tokens.clone()) =>
            {
                Role::Asks
            }
            Role::Neither if in_action_section(at) => Role::Acts,
            role => role,
        };
        match role {
            Role::Asks => return None,
            Role::Acts => {
                // A plan sentence that only leads into the questions (`Before deciding I'd want
                // a few answers:`, `I would take this on as X. First I want to ask ...`).
                let leads_in = t.sentences.get(i + 1).is_some_and(|next| {
                    let next_asks = asks(ctx, &prompt, next.tokens.clone());
                    let colon = ctx.text[sentence.range.clone()].trim_end().ends_with(':');
                    // A plan put off until something is known (`before I'd commit to anything
                    // I'd want a few answers`, `I would resist redesigning anything until I
                    // understood a few things`), the questions next.
                    let defers = sentence
                        .tokens
                        .clone()
                        .any(|j| matches!(t.lower(j), "before" | "until" | "till"));
                    next_asks || ((colon || defers) && is_genuine_question(ctx, i + 1))
                });
                return (!leads_in).then(|| sentence.range.clone());
            }
            Role::Neither => {}
        }
    }
    // No clarification anywhere.
    t.sentences.first().map(|s| s.range.clone())
}

/// Why the rule reads a draft that names no question as a scenario answer, for the message: the
/// scenario its prose reads as answering.
fn read_as(ctx: &Ctx<'_>) -> String {
    // Only a draft that names no target reads as a scenario answer.
    let Some((c, Target::Scenario(i))) = ctx.linked.reads_as else {
        return String::new();
    };
    ctx.catalog
        .categories
        .get(c)
        .and_then(|category| category.scenarios.get(i))
        .map(|s| {
            format!(
                " The draft names no question; its prose reads as an answer to the scenario “{}”",
                s.text.trim().trim_end_matches('.')
            ) + "."
        })
        .unwrap_or_default()
}

/// The first few words of `range`, for the message.
fn snippet(ctx: &Ctx<'_>, range: &Range<usize>) -> String {
    let words: Vec<&str> = ctx.text[range.clone()].split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

/// Content stems of the prompt the draft answers.
fn prompt_stems(ctx: &Ctx<'_>) -> Vec<String> {
    // A draft that names no scenario but reads as answering one is held to that one's prompt.
    let linked = ctx.linked.category.zip(ctx.linked.target);
    let Some((category, target)) = linked.or(ctx.linked.reads_as) else {
        return Vec::new();
    };
    let stems = match target {
        Target::Scenario(i) => ctx.questions.scenarios.get(category).and_then(|s| s.get(i)),
        Target::Question(i) => ctx.questions.questions.get(category).and_then(|q| q.get(i)),
    };
    stems.cloned().unwrap_or_default()
}

/// Whether sentence `i` is a question nobody answers in the draft's next breath.
pub(crate) fn is_genuine_question(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = ctx.tokens;
    let Some(sentence) = t.sentences.get(i) else {
        return false;
    };
    if !ctx.text[sentence.range.clone()].contains('?') || is_aside(ctx.text, &sentence.range) {
        return false;
    }
    let Some(next) = t.sentences.get(i + 1) else {
        return true;
    };
    // How the next sentence of its paragraph or list item relates to it ([`Ctx::answer`], read
    // from the tagged sentences): none when the question ends its block or another question
    // follows, and then it waits for an answer.
    match ctx.answer(i + 1) {
        None => true,
        // `Why did it stall? Because nobody owned it.`
        Some(Answer::Because) => false,
        // Answered at once by a statement: `Why no pipeline? Sellers never enabled.`, `Is the
        // lift real? Partly.`; a longer statement after a question that is not a why-question
        // elaborates it (`Is the lift real? A handful of deals could be luck.`), and a clause
        // hanging on it (`If not, ...`) does not answer it.
        Some(Answer::Statement) => {
            let first = t.lower(next.tokens.start);
            let hangs = NOT_AN_ANSWER.contains(&first);
            let opening = next.tokens.start..next.tokens.end.min(next.tokens.start + 3);
            // A yes-or-no question: it opens with an auxiliary or a modal (`Should we scale
            // it?`, `Can it be saved?`).
            // `First thing I'd ask: is the lift real?`: the question after a label.
            let asked = sentence
                .tokens
                .clone()
                .take(8)
                .find(|&j| ctx.text[t.tokens[j].end()..].starts_with(':'))
                .filter(|&j| j + 1 < sentence.tokens.end)
                .map_or(sentence.tokens.start, |j| j + 1);
            let yes_no = matches!(
                t.lower(asked),
                "should" | "can" | "could" | "is" | "are" | "was" | "were" | "do" | "does" | "did"
                    | "will" | "would" | "has" | "have"
            );
            // `On the first handful of deals, probably not yet`: the answer after a phrase that
            // sets its scope, set off by a comma.
            let after_scope = ctx
                .syntax_at(next.tokens.start)
                .is_some_and(|(s, k)| s.pos(k) == UPOS::ADP)
                .then(|| {
                    (next.tokens.start + 1..next.tokens.end.min(next.tokens.start + 8)).find(|&j| {
                        ctx.text[t.tokens[j - 1].end()..t.tokens[j].start()].contains(',')
                    })
                })
                .flatten()
                .map(|j| t.lower(j));
            // The word that opens the answer: the first, or the first after a phrase of scope.
            let lead = after_scope.unwrap_or(first);
            let answers = ANSWERS.contains(&lead)
                || next.tokens.len() <= 4
                || t.lower(sentence.tokens.start) == "why"
                // `Usually, yes, if …`
                || opening.clone().any(|j| matches!(t.lower(j), "yes" | "no"))
                // `Should we scale it? Only if the lift holds.`, `Obviously — …`.
                || (yes_no && (YES_OR_NO.contains(&lead) || states_a_view(ctx, next.tokens.clone())))
                // `What went wrong? The brief already says: …`
                || cites_prompt(ctx, next.tokens.clone());
            hangs || !answers
        }
    }
}

/// Whether the sentence over tokens `words` opens on the writer's view, after an adverb set off by
/// a comma (`Honestly, I'd bet it's real`, `My read is it's mostly the services`, `I think so`):
/// an answer to the yes-or-no question before it.
fn states_a_view(ctx: &Ctx<'_>, words: Range<usize>) -> bool {
    let t = ctx.tokens;
    let mut k = words.start;
    if ctx.text[t.tokens[k].end()..].starts_with(',') {
        k += 1;
    }
    if k + 1 >= words.end {
        return false;
    }
    match (t.lower(k), t.lower(k + 1)) {
        ("i" | "i'd", verb) => BELIEVE.contains(&verb),
        // `My read is`, `My honest guess is`.
        ("my", noun) => {
            VIEWS.contains(&noun) || (k + 2 < words.end && VIEWS.contains(&t.lower(k + 2)))
        }
        _ => false,
    }
}

/// Verbs with which the writer gives a view (`I think`, `I'd bet`, `I'd say`).
const BELIEVE: &[&str] = &["think", "bet", "believe", "suspect", "guess", "doubt", "say"];

/// Nouns for the writer's view (`my read is`).
const VIEWS: &[&str] = &["read", "guess", "bet", "sense", "view", "hunch", "instinct"];

/// Whether every question mark in the sentence at `range` sits inside a sentence that runs on
/// past it (`regulated buyers — maybe banks? — have to prove it`, `the pilot (was it March?)
/// stalled`): a guess or aside the writer continues past, not a question put to anyone. A
/// question ends its sentence; what follows a mid-sentence `?` on the same line is a dash, a
/// closing bracket or a lower-case word.
fn is_aside(text: &str, range: &Range<usize>) -> bool {
    let marks: Vec<usize> = text[range.clone()]
        .match_indices('?')
        .map(|(i, _)| range.start + i + 1)
        .collect();
    !marks.is_empty()
        && marks.iter().all(|&after| {
            let rest = text[after..].trim_start_matches([' ', '\t', '"', '\'', '”', '’']);
            rest.starts_with(['—', '–', ')', ']'])
                || rest.starts_with("- ")
                || rest.starts_with(|c: char| c.is_lowercase())
        })
}

/// Whether the sentence at `range` is a paragraph of its own wholly in bold: a heading written
/// in bold.
fn is_bold_line(text: &str, range: &Range<usize>) -> bool {
    let (before, after) = (&text[..range.start], &text[range.end..]);
    let line_start = before.trim_end_matches(['*', '_']);
    let line_end = after.trim_start_matches(['*', '_']);
    before.ends_with("**")
        && after.starts_with("**")
        && (line_start.is_empty() || line_start.ends_with('\n'))
        && (line_end.is_empty() || line_end.starts_with(['\n', '\r']))
}

/// Whether sentence `i` answers the question just before it in its paragraph or list item
/// (`*Who owns it?* Me.`): an answer the writer gives, not an assumption.
fn answers_question(ctx: &Ctx<'_>, i: usize) -> bool {
    i > 0
        && ctx.text[ctx.tokens.sentences[i - 1].range.clone()].contains('?')
        && ctx.answer(i).is_some()
}

/// Whether sentence `index` is a numbered step of a plan opening on a bare verb, as the tagger
/// reads it (`Step 1 – Read the data`; not `Step two: name owners`, where it reads `name` as a
/// noun).
fn step_imperative(ctx: &Ctx<'_>, index: usize) -> bool {
    let Some(s) = ctx.syntax(index) else {
        return false;
    };
    if !s.text(0).eq_ignore_ascii_case("step") {
        return false;
    }
    let mut i = 1;
    while i < s.words().len() && matches!(s.pos(i), UPOS::NUM | UPOS::PUNCT) {
        i += 1;
    }
    let verb = s.text(i).to_lowercase();
    // A base form: not a participle, nor a third person's `-s` (`Step 3 – Sales owns it`).
    i > 1
        && s.pos(i) == UPOS::VERB
        && !verb.ends_with("ing")
        && !verb.ends_with("ed")
        && !(verb.ends_with('s') && !verb.ends_with("ss") && !verb.ends_with("us"))
}

/// What the sentence at `range` does.
fn role(
    ctx: &Ctx<'_>,
    prompt: &[String],
    tokens: Range<usize>,
    range: &Range<usize>,
) -> Role {
    let t = ctx.tokens;
    let text = &ctx.text[range.clone()];
    let index = t.tokens.get(tokens.start).map(|tok| tok.sentence());
    let plan_at = first_plan_cue(ctx, tokens.clone());
    if asks(ctx, prompt, tokens.clone()) {
        // A question answered at once asks nothing, whatever cue it holds (`What I need to know
        // for diagnosis? It is already clear from the situation.`).
        if text.contains('?')
            && !is_aside(ctx.text, range)
            && index.is_some_and(|i| !is_genuine_question(ctx, i))
        {
            return Role::Neither;
        }
        return Role::Asks;
    }
    if let Some(q) = text.find('?') {
        // The question part starts after the last colon before the `?`, else at the start.
        let question_from = range.start + text[..q].rfind(':').map_or(0, |c| c + 1);
        if plan_at.is_some_and(|p| p < question_from) {
            // `I'd treat this like a forecast review: is the number real?`
            return Role::Acts;
        }
        return if index.is_some_and(|i| is_genuine_question(ctx, i)) {
            Role::Asks
        } else {
            Role::Neither
        };
    }
    if plan_at.is_some()
        || is_list_item(ctx.text, range.start)
        || index.is_some_and(|i| step_imperative(ctx, i))
    {
        return Role::Acts;
    }
    Role::Neither
}

/// Where the first plan or action cue in `tokens` (`I'd`, `my plan`, `launched`) starts, as a
/// byte offset.
fn first_plan_cue(ctx: &Ctx<'_>, tokens: Range<usize>) -> Option<usize> {
    ctx.hits
        .in_range(Cue::Plan, tokens.clone())
        .iter()
        .chain(ctx.hits.in_range(Cue::ActionCue, tokens))
        .map(|h| ctx.tokens.tokens[h.start].start())
        .min()
}

/// Whether the sentence asks: an asking cue or an assumption about something the prompt does not
/// say.
fn asks(ctx: &Ctx<'_>, prompt: &[String], tokens: Range<usize>) -> bool {
    let t = ctx.tokens;
    let cue = ctx.hits.in_range(Cue::Clarify, tokens.clone()).iter().any(|h| {
        let first = t.lower(h.start);
        // A cue that only names asking (`a few clarifying questions`, `I'd ask`) can be set
        // aside; one that names what is unknown (`I'd want to know the budget, but …`) asks.
        let names_asking = matches!(first, "clarifying" | "clarify" | "questions")
            || t.lower(h.end - 1) == "ask";
        if names_asking && set_aside(ctx, h.start, tokens.end) {
            return false;
        }
        // `I would diagnose before I redesigned`: the order of the plan's own steps.
        if first == "before"
            && t.lower(h.start + 1) == "i"
            && !ctx.hits.in_range(Cue::Plan, tokens.start..h.start).is_empty()
        {
            return false;
        }
        // `The real question isn't whether to scale`, `so the question is if this is real`:
        // framing the problem the plan takes on, not asking anyone (`my question is …` asks).
        if first.starts_with("question")
            && h.end < tokens.end
            && (matches!(t.lower(h.end), "isn't" | "wasn't")
                || matches!(t.lower(h.end), "is" | "was")
                    && (h.start.saturating_sub(2).max(tokens.start)..h.start)
                        .any(|j| t.lower(j) == "the"))
        {
            return false;
        }
        if first.starts_with("assum") {
            return !takes_on(ctx, h.start)
                && !cites_prompt(ctx, h.end..tokens.end)
                && !restates_prompt(ctx, prompt, h.end..tokens.end);
        }
        if asks_question(ctx, h.end - 1, tokens.end) == Some(false) {
            return false;
        }
        // Someone else's question (`the grower's question: water saved per hectare`) is what
        // they want answered, not the writer asking.
        if first.starts_with("question")
            && ctx.syntax_at(h.start).is_some_and(|(syn, i)| {
                syn.phrase_at(i)
                    .and_then(|p| p.possessor)
                    .is_some_and(|o| !crate::who::own(syn.tagged.lower(o)))
            })
        {
            return false;
        }
        // A verb of checking asks only about something open: a question word after it (`I'd
        // confirm what leadership means by repeatable`) or a person it is checked with (`I'd
        // check with the CRO`); with a bare object it is a step of the plan (`I'd confirm them
        // in the numbers`, `I would diagnose before I redesigned`).
        // `Clarify` likewise asks only straight before a question word, `with` someone or a
        // colon (`I'd clarify what repeatable means`); with an object it settles something as a
        // step of the plan (`Clarify roles in a co-sell charter`, `clarify the joint offer`).
        if t.lower(h.start) == "clarify" && h.end == h.start + 1 {
            let colon = h.end < tokens.end
                && ctx.text[t.tokens[h.end - 1].end()..t.tokens[h.end].start()].contains(':');
            return h.end >= tokens.end
                || colon
                || WH.contains(&t.lower(h.end))
                || t.lower(h.end) == "with";
        }
        if matches!(
            t.lower(h.end - 1),
            "confirm" | "check" | "validate" | "diagnose" | "into"
        ) {
            return (h.end..tokens.end.min(h.end + 8))
                .any(|j| WH.contains(&t.lower(j)) || t.lower(j) == "with");
        }
        // `try to understand what happened`, `find out which part`, `it's worth finding out
        // fast` describe the plan's own diagnosis; asking is wanting or needing to know, or
        // doing it first.
        let bare = matches!(
            (first, t.lower(h.start + 1)),
            ("to", "understand") | ("find", "out")
        ) || matches!(
            (first, t.lower(h.start + 1)),
            ("finding" | "finds" | "found", "out")
        );
        if bare {
            let wants = |w: &str| {
                matches!(
                    w,
                    "want" | "need" | "first" | "wants" | "needs" | "like" | "by"
                )
            };
            let before = |back: usize| {
                h.start
                    .checked_sub(back)
                    .filter(|&j| j >= tokens.start)
                    .map_or("", |j| t.lower(j))
            };
            // `I'd want to find out`, `start by finding out`, `first understand`
            return wants(before(1)) || (before(1) == "to" && wants(before(2)));
        }
        true
    });
    // `ask` introducing a question (`I'd begin by asking them what ...`), not a request
    // (`ask the partner to name an owner`).
    cue || tokens
        .clone()
        .any(|j| asks_question(ctx, j, tokens.end) == Some(true) && !set_aside(ctx, j, tokens.end))
}

/// Whether the asking at token `from` is set aside for the plan: a `but` follows it before any
/// question word, and a plan cue after that (`I'd probably ask a few clarifying questions, but
/// to keep this tight I'll go straight to what I'd do`).
fn set_aside(ctx: &Ctx<'_>, from: usize, end: usize) -> bool {
    let t = ctx.tokens;
    // A `but` within the next few words, so a sentence of many cues is read in linear time.
    (from..end.min(from + 30)).find(|&j| t.lower(j) == "but").is_some_and(|b| {
        !(from..b).any(|j| WH.contains(&t.lower(j)) && t.lower(j) != "questions")
            && !ctx.hits.in_range(Cue::Plan, b..end).is_empty()
    })
}

/// Whether the verb `assume` at token `j` means taking something on (`I'd assume ownership on
/// day one`), not supposing: its object is a noun phrase that no verb follows, where an
/// assumption is a clause (`I assume the partner has a channel lead`, `assume that ...`).
fn takes_on(ctx: &Ctx<'_>, j: usize) -> bool {
    if !matches!(ctx.tokens.lower(j), "assume" | "assumes" | "assumed") {
        return false;
    }
    let Some((s, k)) = ctx.syntax_at(j) else {
        return false;
    };
    let mut m = k + 1;
    while matches!(s.pos(m), UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN) {
        m += 1;
    }
    m > k + 1
        && !matches!(s.pos(m), UPOS::VERB | UPOS::AUX)
        && !matches!(s.pos(k + 1), UPOS::PRON)
}

/// Whether the word `ask` at token `j` introduces a question (`ask what`, `ask whether`, `ask:`)
/// or a request (`ask the partner to ...`); `None` for other words or when it cannot tell.
fn asks_question(ctx: &Ctx<'_>, j: usize, end: usize) -> Option<bool> {
    let t = ctx.tokens;
    if !matches!(t.lower(j), "ask" | "asking" | "asked") {
        return None;
    }
    if j + 1 >= end || ctx.text[t.tokens[j].end()..t.tokens[j + 1].start()].contains(':')
    {
        return Some(true);
    }
    for k in j + 1..(j + 7).min(end) {
        match t.lower(k) {
            "to" => return Some(false),
            w if WH.contains(&w) => return Some(true),
            _ => {}
        }
    }
    None
}

/// Words that refer to the prompt itself, or to what it says, after `as` or `per` (`as the brief
/// says`, `as described`, `per the prompt`).
const THE_PROMPT: &[&str] = &[
    "brief", "prompt", "scenario", "described", "stated", "given", "outlined", "mentioned", "said",
    "says", "told", "question", "case",
];

/// Whether the words in `tokens` open by pointing at the prompt as their source: `as` or `per`
/// before the prompt or what it says (`Assuming, as the brief says, that …`, `I would assume, as
/// described, …`), or the prompt saying it (`The brief already says: no owner`). An assumption
/// so sourced restates the prompt; an answer so sourced answers the question before it.
fn cites_prompt(ctx: &Ctx<'_>, tokens: Range<usize>) -> bool {
    let t = ctx.tokens;
    let within = |from: usize, n: usize| from..tokens.end.min(from + n);
    within(tokens.start, 5).any(|j| match t.lower(j) {
        "as" | "per" => within(j + 1, 3).any(|k| THE_PROMPT.contains(&t.lower(k))),
        // `It is already clear from the situation`
        "from" => within(j + 1, 2).any(|k| {
            matches!(
                t.lower(k),
                "brief" | "prompt" | "scenario" | "situation" | "case"
            )
        }),
        "brief" | "prompt" | "scenario" => within(j + 1, 2).any(|k| {
            matches!(
                t.lower(k),
                "says"
                    | "said"
                    | "tells"
                    | "told"
                    | "gives"
                    | "states"
                    | "spells"
                    | "describes"
                    | "outlines"
            )
        }),
        _ => false,
    })
}

/// Whether an assumption (the clause in `tokens`) only restates the prompt's facts.
fn restates_prompt(ctx: &Ctx<'_>, prompt: &[String], tokens: Range<usize>) -> bool {
    if prompt.is_empty() {
        return false;
    }
    let t = ctx.tokens;
    // The assumption runs to the main clause: a comma and then `I`, `here's`, `this is` ...;
    // an aside or a new part (a dash, colon or semicolon); or, once it has a verb, a
    // comma that no `and`, `or`, `but` carries on (`Assuming nobody owns it, the sellers were
    // never enabled` supposes only that nobody owns it).
    let mut end = tokens.end;
    let mut has_verb = false;
    // An aside straight after `assuming` (`Assuming, as we've seen, that …`) is not the
    // assumption: it starts after the aside's closing comma.
    let gap = |j: usize| &ctx.text[t.tokens[j - 1].end()..t.tokens[j].start()];
    let mut tokens = tokens;
    if tokens.start > 0 && tokens.start < tokens.end && gap(tokens.start).contains(',') {
        if let Some(after) = (tokens.start + 1..tokens.end).find(|&j| gap(j).contains(',')) {
            tokens.start = after;
        }
    }
    for j in tokens.clone().skip(1) {
        has_verb = has_verb
            || ctx
                .syntax_at(j - 1)
                .is_some_and(|(s, k)| matches!(s.pos(k), UPOS::VERB | UPOS::AUX));
        let gap = gap(j);
        let next = t.lower(j);
        let aside = gap.contains(['—', '–', ';', ':']) || gap.contains(" - ");
        let main = matches!(
            next,
            "i" | "i'd"
                | "i'll"
                | "i've"
                | "i'm"
                | "we"
                | "we'd"
                | "here's"
                | "here"
                | "this"
                | "that"
                | "my"
                | "so"
        );
        let carries_on = matches!(next, "and" | "or" | "but" | "nor");
        if aside || (gap.contains(',') && (main || (has_verb && !carries_on))) {
            end = j;
            break;
        }
    }
    if end <= tokens.start {
        return false;
    }
    let clause = content_stems(&ctx.text[ctx.span(tokens.start..end)]);
    let content: Vec<&String> = clause
        .iter()
        .filter(|s| !FUNCTION.contains(&s.as_str()) && !s.chars().all(|c| !c.is_alphabetic()))
        .collect();
    let shared = content.iter().filter(|s| prompt.contains(s)).count();
    // A short clause restates the prompt only word for word (`Assuming the partnership is
    // failing`); one with a word of its own supposes something (`Assuming the budget is fixed`).
    if content.len() < 3 {
        return content.len() == 2 && shared == 2;
    }
    shared * 10 >= content.len() * 7
}

/// Whether the sentence starting at `at` opens a list item (`- `, `* `, `+ `, `1. `, `2) `).
fn is_list_item(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let prefix = text[line_start..at].trim();
    let prefix = prefix.trim_start_matches('>').trim();
    match prefix {
        "-" | "*" | "+" => true,
        p => {
            p.len() >= 2
                && p[..p.len() - 1].chars().all(|c| c.is_ascii_digit())
                && (p.ends_with('.') || p.ends_with(')'))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::{findings, spans};

    #[test]
    fn scenario_answers_must_ask_first() {
        let text =
            "---\nscenario: 1\n---\n\nI would launch a partner council. What is the budget?\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["I would launch a partner council."]
        );
        let f = &findings(text, Rule::ClarifyingQuestions)[0];
        assert!(
            f.message.contains("Not asking clarifying questions"),
            "{}",
            f.message
        );
        assert!(
            f.message.starts_with("“I would launch a partner council.” proposes"),
            "{}",
            f.message
        );
    }

    #[test]
    fn asking_first_is_fine_and_non_scenarios_are_skipped() {
        let ok = "---\nscenario: 1\n---\n\nFirst I'd want to understand the goal. Then I would launch a council.\n";
        assert!(findings(ok, Rule::ClarifyingQuestions).is_empty());
        let question = "---\nquestion: 3\n---\n\nI would launch a partner council.\n";
        assert!(findings(question, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn scenario_kind_questions_count() {
        let text = "---\nquestion: 5\n---\n\nI'd set up a weekly sync.\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["I'd set up a weekly sync."]
        );
    }

    #[test]
    fn a_self_answered_question_is_not_asking() {
        let text = "---\nscenario: 2\n---\n\nWhy did it stall? Because nobody owned it. So I would name an owner on each side.\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["So I would name an owner on each side."]
        );
        // A question left open, or followed by what hangs on it, is asking.
        let open = "---\nscenario: 2\n---\n\nWas it ever working? If it was, this is a revival. I would then name an owner.\n";
        assert!(findings(open, Rule::ClarifyingQuestions).is_empty());
        let elaborated = "---\nscenario: 1\n---\n\nIs the lift real? A handful of deals could be luck. I would then compare deals.\n";
        assert!(findings(elaborated, Rule::ClarifyingQuestions).is_empty());
        let fragment = "---\nscenario: 2\n---\n\nWhy no pipeline? Sellers never enabled. I would retrain them.\n";
        assert_eq!(spans(fragment, Rule::ClarifyingQuestions).len(), 1);
        let who = "---\nscenario: 2\n---\n\nWho should own it now? Me, as the alliances lead who inherited it. I would start there.\n";
        assert_eq!(spans(who, Rule::ClarifyingQuestions).len(), 1);
        let list = "---\nscenario: 2\n---\n\n- Who signed it?\n- What has been tried?\n\nThen I would name an owner.\n";
        assert!(findings(list, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn someone_elses_question_is_not_the_writer_asking() {
        let theirs = "---\nscenario: 2\n---\n\nI'd pull the co-op sales. Then I'd rebuild enablement around the grower's question: water saved per hectare.\n";
        assert_eq!(spans(theirs, Rule::ClarifyingQuestions), ["I'd pull the co-op sales."]);
        let mine = "---\nscenario: 2\n---\n\nI'd pull the co-op sales. My questions first would be about the sponsor.\n";
        assert!(findings(mine, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn a_verb_of_checking_asks_only_about_something_open() {
        for text in [
            "---\nscenario: 2\n---\n\nThe facts are known, so I'd confirm them in the numbers and then name an owner.\n",
            "---\nscenario: 2\n---\n\nI would diagnose the stalled deals first, then rebuild enablement.\n",
        ] {
            assert_eq!(findings(text, Rule::ClarifyingQuestions).len(), 1, "{text}");
        }
        for text in [
            "---\nscenario: 1\n---\n\nI'd confirm with the CRO that repeatable means every region, then compare deals.\n",
            "---\nscenario: 1\n---\n\nI'd check whether the lift holds in larger accounts, then compare deals.\n",
        ] {
            assert!(findings(text, Rule::ClarifyingQuestions).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_yes_or_no_answered_at_once_or_an_answer_from_the_brief_is_not_asking() {
        for text in [
            "---\nscenario: 1\n---\n\nShould we scale it? Only if the lift survives a fair comparison. So I would start by comparing deals.\n",
            "---\nscenario: 2\n---\n\nCan it be saved? Usually, yes, if you rebuild the operating model. I would name an owner on each side.\n",
            "---\nscenario: 2\n---\n\n**What went wrong?** The brief already says: no owner, no enablement. I would name an owner on each side.\n",
            // The answer after a phrase that sets its scope.
            "---\nscenario: 1\n---\n\nIs the win rate real? On the first handful of deals, probably not yet. I would pull every deal.\n",
            // A yes given by how sure the writer is.
            "---\nscenario: 1\n---\n\nShould we scale it? Obviously — a higher win rate is the whole point of a partnership. I would package it.\n",
            // The writer's view answers it, a label before the question or not.
            "---\nscenario: 1\n---\n\nFirst thing I'd ask: is the lift real? Honestly, I'd bet it's real. I would package it.\n",
            "---\nscenario: 1\n---\n\nIs the lift coming from the services? My read is it's mostly the services. I would package it.\n",
        ] {
            assert_eq!(spans(text, Rule::ClarifyingQuestions).len(), 1, "{text}");
        }
        // A yes-or-no question the writer leaves open still asks.
        let open = "---\nscenario: 1\n---\n\nShould we scale it across every region? Leadership may want a faster answer than the data allows. I would compare deals.\n";
        assert!(findings(open, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn an_answer_is_read_within_its_paragraph() {
        // A soft line break keeps the answer in the question's paragraph.
        let wrapped = "---\nscenario: 2\n---\n\nWhy did the pilot stall?\nBecause no one on their side owned it. I would name an owner.\n";
        assert_eq!(
            spans(wrapped, Rule::ClarifyingQuestions),
            ["I would name an owner."]
        );
        // A blank line ends it: the question waits for the interviewer.
        let open = "---\nscenario: 2\n---\n\nWhy did the pilot stall?\n\nI would name an owner.\n";
        assert!(findings(open, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn assuming_a_charge_is_not_an_assumption() {
        let takes = "---\nscenario: 2\n---\n\nI'd assume ownership on day one and set up a joint plan with their channel lead.\n";
        assert_eq!(findings(takes, Rule::ClarifyingQuestions).len(), 1);
        let supposes = "---\nscenario: 2\n---\n\nI'd assume their channel lead has no quota for us, so I'd set up a joint plan first.\n";
        assert!(findings(supposes, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn restating_the_prompt_is_not_an_assumption() {
        let restated = "---\nscenario: 1\n---\n\nAssuming the technology alliance increased the win rate, I would scale it.\n";
        assert_eq!(spans(restated, Rule::ClarifyingQuestions).len(), 1);
        let assumed = "---\nscenario: 1\n---\n\nAssuming about twenty bundled deals, mostly regional banks with their own contracts, I would scale it.\n";
        assert!(findings(assumed, Rule::ClarifyingQuestions).is_empty());
        // A short clause restates only word for word; a word of its own supposes something.
        let short = "---\nscenario: 2\n---\n\nAssuming the partnership is failing, here's what I'd do.\n";
        assert_eq!(spans(short, Rule::ClarifyingQuestions).len(), 1);
        let supposed = "---\nscenario: 2\n---\n\nAssuming the budget is fixed, here's what I'd do.\n";
        assert!(findings(supposed, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn an_assumption_ends_where_its_clause_does() {
        // What follows the supposition (a second clause, an aside, the main clause) is not part
        // of it, so it cannot hide a restated prompt.
        for text in [
            "---\nscenario: 2\n---\n\nAssuming the channel partnership is failing, nobody owns it and the sellers were never enabled, here's what I'd do.\n",
            "---\nscenario: 2\n---\n\nAssuming the channel partnership is failing — the sellers were never enabled and nobody owns it — I'd name an owner.\n",
            "---\nscenario: 1\n---\n\nAssuming, as we've seen, that the technology alliance increased the win rate, I'd scale it.\n",
        ] {
            assert_eq!(findings(text, Rule::ClarifyingQuestions).len(), 1, "{text}");
        }
        // A supposition in two parts carried on by `and` is one assumption about unknowns.
        let assumed = "---\nscenario: 2\n---\n\nAssuming the channel partnership is failing, and that the reseller carries two rival brands, I'd cut the range its sellers must learn.\n";
        assert!(findings(assumed, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn clarifying_a_thing_is_a_step_of_the_plan() {
        let settles = "---\nscenario: 1\n---\n\nClarify roles in a co-sell charter: we lead the commercial relationship and the partner leads compliance.\n";
        assert_eq!(findings(settles, Rule::ClarifyingQuestions).len(), 1);
        for text in [
            "---\nscenario: 1\n---\n\nI'd clarify what leadership means by repeatable, then compare deals.\n",
            "---\nscenario: 1\n---\n\nI'd clarify with the CRO which regions count, then compare deals.\n",
        ] {
            assert!(findings(text, Rule::ClarifyingQuestions).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_heading_of_assumptions_asks_only_through_what_it_holds() {
        let restated = "---\nscenario: 1\n---\n\n### Assumptions\n- The technology alliance increased the win rate.\n- Win rate increased with the alliance.\n\n### Plan\nI'd pull every bundled deal and compare win rates.\n";
        assert_eq!(findings(restated, Rule::ClarifyingQuestions).len(), 1);
        for text in [
            "---\nscenario: 1\n---\n\n### Assumptions\n- The partner has a five-person delivery team.\n- Budget stays flat next year.\n\n### Plan\nI'd pull every bundled deal and compare win rates.\n",
            "---\nscenario: 1\n---\n\n## Questions I'd ask first\nBudget, timeline, and who signs off on the joint price.\n\n## Plan\nI'd pull every bundled deal.\n",
        ] {
            assert!(findings(text, Rule::ClarifyingQuestions).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_assumption_taken_from_the_brief_restates_it() {
        for text in [
            "---\nscenario: 2\n---\n\nAssuming, as the brief says, that nobody owns this and the sellers were never enabled, the diagnosis is half done already. I'd pull every stalled deal.\n",
            "---\nscenario: 2\n---\n\nI would assume, as described, that the pipeline is stuck and the reseller has no owner for us. So I start by naming one.\n",
        ] {
            assert_eq!(findings(text, Rule::ClarifyingQuestions).len(), 1, "{text}");
        }
        // `as` on something else is no citation of the prompt.
        let assumed = "---\nscenario: 2\n---\n\nAssuming, as is common with resellers, that their sellers carry twenty other brands, I'd cut the range they must learn.\n";
        assert!(findings(assumed, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn questions_after_the_plan_do_not_count() {
        let text = "---\nscenario: 1\n---\n\nI'd treat this like a forecast review: is the number real?\n\nStep one is a deal review.\n\nQuestions I'd ask along the way: who owns the contract?\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["I'd treat this like a forecast review: is the number real?"]
        );
    }

    #[test]
    fn a_question_mark_inside_a_running_sentence_is_an_aside() {
        let dash = "---\nscenario: 1\n---\n\nThe bundle works because regulated buyers — maybe banks? — must satisfy an auditor. I'd go step by step and train the sellers.\n\nWhat is the budget?\n";
        assert_eq!(
            spans(dash, Rule::ClarifyingQuestions),
            ["I'd go step by step and train the sellers."]
        );
        let bracket = "---\nscenario: 2\n---\n\nThe pilot (was it in March?) stalled. I would name an owner.\n";
        assert_eq!(
            spans(bracket, Rule::ClarifyingQuestions),
            ["I would name an owner."]
        );
        // A question that ends its sentence still asks.
        let asked = "---\nscenario: 2\n---\n\nWho owns the contract today? I would then name an owner.\n";
        assert!(findings(asked, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn noun_phrase_bullets_propose_actions() {
        let text = "---\nscenario: 2\n---\n\nFix:\n\n- Named owners on both sides\n- Monthly pipeline review\n\nWhat is the budget?\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["Named owners on both sides"]
        );
    }

    #[test]
    fn a_plan_sentence_that_leads_into_questions_is_no_plan() {
        let colon = "---\nscenario: 2\n---\n\nBefore deciding anything I'd want a few answers:\n\n- Who signed it?\n\nThen I'd name an owner.\n";
        assert!(findings(colon, Rule::ClarifyingQuestions).is_empty());
        let next = "---\nscenario: 2\n---\n\nMy first step would be to take stock. I would ask the partner what it expected.\n";
        assert!(findings(next, Rule::ClarifyingQuestions).is_empty());
        // Asking someone to do something is not asking a question.
        let find_out = "---\nscenario: 2\n---\n\nI'd want to find out who signed it. Then I would name an owner.\n";
        assert!(findings(find_out, Rule::ClarifyingQuestions).is_empty());
        let diagnosis = "---\nscenario: 2\n---\n\nWe would try to understand what happened and name an owner.\n";
        assert_eq!(spans(diagnosis, Rule::ClarifyingQuestions).len(), 1);
        let request = "---\nscenario: 2\n---\n\nI would ask the partner to name an owner.\n";
        assert_eq!(spans(request, Rule::ClarifyingQuestions).len(), 1);
        // A plan put off until something is known, the questions next.
        for deferred in [
            "---\nscenario: 1\n---\n\nBefore I'd commit to anything I'd want a few answers from leadership. What does higher mean in numbers? Then I would compare deals.\n",
            "---\nscenario: 2\n---\n\nI would resist redesigning anything until I understood a few things. Was there ever a sponsor? Then I would name an owner.\n",
        ] {
            assert!(findings(deferred, Rule::ClarifyingQuestions).is_empty(), "{deferred}");
        }
        // A plan with no such deferral is still a plan before the question.
        let plan = "---\nscenario: 1\n---\n\nI would launch a partner council next quarter. What is the budget?\n";
        assert_eq!(spans(plan, Rule::ClarifyingQuestions).len(), 1);
    }

    #[test]
    fn a_draft_that_never_clarifies_fires_without_plan_cues() {
        let text = "---\nscenario: 2\n---\n\nPut one owner on each side and retrain the sellers.\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["Put one owner on each side and retrain the sellers."]
        );
    }

    #[test]
    fn a_scenario_draft_with_no_answer_yet_is_told_to_ask_first() {
        for empty in ["---\nscenario: 2\n---\n", "# Salvaging a stalled channel partnership\n"] {
            let found = findings(empty, Rule::ClarifyingQuestions);
            assert_eq!(found.len(), 1, "{empty}");
            assert!(found[0].message.starts_with("No answer yet"), "{}", found[0].message);
        }
        // A question's empty draft is not a scenario answer.
        assert!(findings("---\nquestion: 2\n---\n", Rule::ClarifyingQuestions).is_empty());
    }

    /// A plan for the bundle scenario with no title: nothing names the scenario.
    const UNTITLED_BUNDLE_PLAN: &str = "I would start by pulling last year's regulated deals into one sheet, bundled and direct side by side, and compare their win rates segment by segment. If the bundle really wins more often, I'd package the compliance services as one offer with a single quote, agree a revenue share with the alliance partner and train both sales teams on when to lead with it. Then a monthly joint pipeline review, with attach rate and cycle time on one dashboard.\n";

    #[test]
    fn an_untitled_draft_that_reads_as_a_scenario_answer_is_held_to_it() {
        assert_eq!(
            spans(UNTITLED_BUNDLE_PLAN, Rule::ClarifyingQuestions),
            ["I would start by pulling last year's regulated deals into one sheet, bundled and direct side by side, and compare their win rates segment by segment."]
        );
        // The message says why a draft that names nothing is read as a scenario answer.
        let found = findings(UNTITLED_BUNDLE_PLAN, Rule::ClarifyingQuestions);
        assert!(
            found[0].message.contains("names no question; its prose reads as an answer to the scenario “A technology alliance increased win rate"),
            "{}",
            found[0].message
        );
        let asks = format!(
            "Before anything, I'd want to know who asked for the numbers and how many deals they rest on.\n\n{UNTITLED_BUNDLE_PLAN}"
        );
        assert!(findings(&asks, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn an_untitled_process_answer_in_i_would_is_no_scenario_answer() {
        let text = "I would structure partner incentives in tiers: a base margin on every registered deal, a higher margin once a reseller certifies two sellers, and a quarterly bonus for sourced pipeline that closes. I'd keep our own account executives paid the same whether a partner is involved or not, so they bring partners in rather than compete with them, and I'd review the tiers with finance every year.\n";
        assert!(findings(text, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn a_numbered_step_on_a_bare_verb_proposes_an_action() {
        let text = "---\nscenario: 2\n---\n\n**Step 1 – Read the data.** Deals by stage.\n\n**Step 2 – Operating rhythm.** A weekly call with one fixed question: what moved?\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["Step 1 – Read the data."]
        );
        // A step whose subject is someone else names no action of the plan's own.
        let other = "---\nscenario: 2\n---\n\n**Step 1 – Sales owns it.** What has been tried?\n";
        assert!(findings(other, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn a_bold_line_of_self_answered_questions_asks_nothing() {
        let text = "---\nscenario: 2\n---\n\n**The open questions, and my answers to them**\n\n*Who owns it?* Me.\n\n*Why were sellers never enabled?* Because nobody owned it, so I'd rebuild enablement.\n";
        assert_eq!(
            spans(text, Rule::ClarifyingQuestions),
            ["Because nobody owned it, so I'd rebuild enablement."]
        );
        // Under a bold heading of questions, what is left open asks.
        let open = "---\nscenario: 2\n---\n\n**Open questions**\n\nWho owns it on their side?\n\nI'd name an owner.\n";
        assert!(findings(open, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn asking_set_aside_for_the_plan_is_not_asking() {
        let text = "---\nscenario: 1\n---\n\nIn a real interview I'd ask a few clarifying questions, but to keep this tight I'll go straight to the plan.\n";
        assert_eq!(spans(text, Rule::ClarifyingQuestions).len(), 1);
        // A question named before the `but` is asked.
        let asked = "---\nscenario: 1\n---\n\nI'd ask what the partner wants, but I'd start with the data.\n";
        assert!(findings(asked, Rule::ClarifyingQuestions).is_empty());
        let named = "---\nscenario: 1\n---\n\nI'd want to know the budget, but I'd start with the data.\n";
        assert!(findings(named, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn the_plans_own_order_and_a_framing_question_are_not_asking() {
        let before = "---\nscenario: 2\n---\n\nI would diagnose before I redesigned, but quickly.\n";
        assert_eq!(spans(before, Rule::ClarifyingQuestions).len(), 1);
        for framing in [
            "---\nscenario: 1\n---\n\nThe real question isn't whether to scale; it's how. So I'd keep the same team.\n",
            "---\nscenario: 1\n---\n\nThe deals win, so the real question is whether that survives at fifty deals. I'd keep the same team.\n",
            // Finding out as a step of the plan.
            "---\nscenario: 1\n---\n\nThe lift may be luck, and it's worth finding out fast. I'd pull every deal.\n",
        ] {
            assert_eq!(spans(framing, Rule::ClarifyingQuestions).len(), 1, "{framing}");
        }
        // The writer's own question asks, and so does finding out first.
        for asks in [
            "---\nscenario: 1\n---\n\nMy question is whether that survives at fifty deals. I'd keep the same team.\n",
            "---\nscenario: 1\n---\n\nI'd start by finding out who owns the partner. Then I'd pull every deal.\n",
        ] {
            assert!(findings(asks, Rule::ClarifyingQuestions).is_empty(), "{asks}");
        }
        // Deferring the plan until something is known still asks.
        let defers = "---\nscenario: 2\n---\n\nBefore I redesign anything, I'd want to know who signed it.\n";
        assert!(findings(defers, Rule::ClarifyingQuestions).is_empty());
    }

    #[test]
    fn a_question_answered_from_the_brief_asks_nothing_whatever_its_cue() {
        let text = "---\nscenario: 2\n---\n\nWhat I need to know for diagnosis? It is already clear from the situation: no owner. So I go direct to action.\n";
        assert_eq!(spans(text, Rule::ClarifyingQuestions).len(), 1);
        let open = "---\nscenario: 2\n---\n\nWhat do I need to know first? Who signed it, and why. Then I'd act.\n";
        assert!(findings(open, Rule::ClarifyingQuestions).is_empty());
    }

}
