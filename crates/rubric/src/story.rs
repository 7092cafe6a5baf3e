//! The story an answer tells: its sections (headings and labels) and which of the four parts
//! (context, action, outcome, learning) it has, from sections or from prose cues.

use std::ops::Range;

use crate::context::Ctx;
use crate::lexicon::Cue;
use crate::syntax::UPOS;
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
    /// Whether the answer is a plan (a scenario answer, or one told in "I would"): it has no
    /// learning part, and its outcome is the result it aims for.
    pub plan: bool,
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

/// A single sentence of fewer words than this is a note, not an answer: only sections count.
const NOTE_WORDS: usize = 25;

/// Finds the parts: a section of that kind with prose under it, or clear prose cues.
pub(crate) fn parts(ctx: &Ctx<'_>, sections: &[Section]) -> Parts {
    let t = ctx.tokens;
    let mut present = [false; 4];
    for (n, section) in sections.iter().enumerate() {
        if let Some(i) = part_index(section.kind)
            && has_prose(t, sections, n)
        {
            present[i] = true;
        }
    }
    // A sentence that opens by naming a part, as a label inside a paragraph (`What I'd do
    // again: pay on cash`) or as the clause of a pseudo-cleft (`What I took from it is that ...`).
    for s in 0..t.sentences.len() {
        if let Some(i) = inline_label(ctx, s).and_then(part_index) {
            present[i] = true;
        }
    }
    if t.sentences.len() < 2 && t.tokens.len() < NOTE_WORDS {
        return Parts {
            present,
            plan: ctx.is_scenario(),
        };
    }
    let hits = ctx.hits;
    // A draft linked to a question tells a story or a process even in "I would"; an unlinked
    // one is a plan when it reads like one.
    let plan = ctx.is_scenario() || (ctx.linked.target.is_none() && hypothetical(ctx));
    if !present[1] {
        present[1] = [Cue::ActionCue, Cue::Plan]
            .iter()
            .any(|&c| !hits.of(c).is_empty())
            || (0..t.tokens.len()).any(|i| matches!(t.lower(i), "i" | "we") && acts(t, i))
            || (0..t.sentences.len()).any(|s| implied_first_person(t, s))
            || (0..t.sentences.len())
                .map(|s| imperative(ctx, s))
                .sum::<usize>()
                >= 2
            || list_items(ctx) >= 3
            || (0..t.sentences.len())
                .filter(|&s| {
                    t.sentences[s].tokens.len() >= 3 && prose(t, sections, s) && verbless(ctx, s)
                })
                .count()
                >= 3;
    }
    if !present[2] {
        present[2] = if plan {
            aims_at_a_result(ctx)
        } else {
            tells_a_result(ctx)
        };
    }
    if !present[3] {
        present[3] = !hits.of(Cue::LearningCue).is_empty()
            || (!plan
                && told_as_a_story(t)
                && (closes_on_a_lesson(t, ctx.text) || closes_on_a_reflection(ctx)))
            || (!plan && closes_looking_ahead(t));
    }
    if !present[0] {
        // Context is set by cues: the company's stage or the role among them, where the
        // candidate was, how things stood before anyone acted, and, in a plan, clarifying
        // questions and stated assumptions.
        present[0] = [Cue::ContextCue, Cue::Stage]
            .iter()
            .flat_map(|&c| hits.of(c))
            .any(|r| {
                let s = t.tokens[r.start].sentence();
                situated(t, s) || (prose(t, sections, s) && verbless(ctx, s))
            })
            || (plan
                && (!hits.of(Cue::Clarify).is_empty()
                    || opens_with_questions(ctx)
                    || opens_with_a_diagnosis(ctx)))
            || opens_with_past_state(ctx)
            || locates_the_candidate(ctx);
    }
    Parts { present, plan }
}

/// The part sentence `s` names in its opening words, with more words after them: up to a colon
/// (`What I'd do again: pay on cash`, a label inside a paragraph), or a `What I ...` clause up to
/// *is* or *was* (`What I took from it is that ...`, a pseudo-cleft whose clause names the part
/// as a heading would), or the same clause after `the thing` (`The main thing I took away is
/// that ...`, see [`thing_clause`]), or a noun of the speaker's naming the part (`My learning is
/// that ...`), or a short question the next sentence answers (`Would I do anything differently?
/// Yes — …`); a stance before it (`Honestly, I think ...`, `If there's one thing …`) is read past.
fn inline_label(ctx: &Ctx<'_>, s: usize) -> Option<SectionKind> {
    let t = ctx.tokens;
    let sentence = &t.sentences[s];
    let mut range = sentence.tokens.clone();
    // `Honestly, I think the main thing …`: a stance before the clause; `If there's one thing
    // I'd carry …, it's that …`: a conditional before it.
    loop {
        match (t.lower(range.start), t.lower(range.start + 1)) {
            ("honestly" | "frankly" | "so" | "and" | "but" | "overall", _) if range.len() > 4 => {
                range.start += 1
            }
            ("i", "think" | "guess" | "suppose") if range.len() > 5 => range.start += 2,
            ("if", "there's") if range.len() > 6 => range.start += 2,
            _ => break,
        }
    }
    let first = range.start;
    let last = range.end - 1;
    // `Would I do anything differently? Yes — …`: a short question about the speaker, answered
    // next, names the part as a heading would (`Would they renew?` asks about others).
    if range.len() <= QUESTION_LABEL_WORDS
        && s + 1 < t.sentences.len()
        && range.clone().any(|i| matches!(t.lower(i), "i" | "we"))
        && ctx.text[t.tokens[last].end()..].starts_with('?')
    {
        let title = ctx
            .text
            .get(t.tokens[first].start()..t.tokens[last].end())?;
        if crate::draft::classify_title(title) == SectionKind::Learning {
            return Some(SectionKind::Learning);
        }
    }
    // Cheap test first: a colon within its first words, or `What` opening it. A free relative
    // (`What I took from the earlier failures:`) runs longer than a label noun.
    let label_words = if t.lower(first) == "what" { 8 } else { 6 };
    let colon = range.clone().take(label_words).find(|&i| {
        let end = t.tokens[i].end();
        ctx.text[end..].starts_with(':')
    });
    let opener = match colon {
        Some(i) => i,
        // `The main thing I took away is that ...`, `One thing I've learned is that ...`: the
        // same clause after `the thing`.
        None if matches!(t.lower(first), "the" | "one")
            && range
                .clone()
                .skip(1)
                .take(3)
                .any(|i| matches!(t.lower(i), "thing" | "things" | "part")) =>
        {
            let opener = range
                .clone()
                .take(9)
                .find(|&i| i > first + 2 && matches!(t.lower(i + 1), "is" | "was" | "it's"))?;
            if opener + 2 < range.end && thing_clause(t, first..opener + 1) {
                return Some(SectionKind::Learning);
            }
            opener
        }
        // `My learning is that …`, `My takeaway was …`: a part named by the speaker's noun.
        None if matches!(t.lower(first), "my" | "our")
            && range
                .clone()
                .take(4)
                .any(|i| i > first && matches!(t.lower(i + 1), "is" | "was")) =>
        {
            range
                .clone()
                .take(4)
                .find(|&i| i > first && matches!(t.lower(i + 1), "is" | "was"))?
        }
        None if t.lower(first) == "what" => range
            .clone()
            .take(8)
            .find(|&i| i > first + 1 && matches!(t.lower(i + 1), "is" | "was"))?,
        None => return None,
    };
    // Words must follow the opening.
    if opener + 2 >= range.end {
        return None;
    }
    let title = ctx
        .text
        .get(t.tokens[first].start()..t.tokens[opener].end())?;
    match crate::draft::classify_title(title) {
        SectionKind::Other => None,
        kind => Some(kind),
    }
}

/// A question of at most this many words can stand as a label (`Would I do anything
/// differently?`).
const QUESTION_LABEL_WORDS: usize = 8;

/// Verbs by which the speaker keeps something from an experience: `the main thing we took from
/// it`, `one thing I've noticed`, `the one thing I'd carry into the next partnership`.
const KEEPING: &[&str] = &[
    "took", "take", "learned", "learnt", "noticed", "realised", "realized", "carry", "remember",
    "keep",
];

/// Whether a `the thing …` clause (`clause`, up to its copula) names a lesson: the speaker kept it
/// from the experience (`The main thing we took from it`), or it says what made the work succeed
/// (`the one thing that made it work`, `the part that mattered most`). `The first thing I did`
/// is left to the title reading: an action.
fn thing_clause(t: &Tokens, clause: Range<usize>) -> bool {
    clause.clone().any(|i| match t.lower(i) {
        "i" | "we" | "i've" | "we've" | "i'd" | "we'd" => {
            (i + 1..(i + 3).min(clause.end)).any(|j| KEEPING.contains(&t.lower(j)))
        }
        "that" => matches!(t.lower(i + 1), "mattered" | "made" | "worked"),
        _ => false,
    })
}

/// Words that open a sentence without being its verb.
const OPENERS: &[&str] = &[
    "if", "when", "so", "then", "for", "in", "at", "on", "with", "as", "but", "and", "because",
    "while", "before", "after", "once", "also", "first", "second", "third", "finally", "next",
    "to", "by", "of", "from", "the", "a", "an", "this", "that", "these", "those", "it", "they",
    "we", "i", "you", "he", "she", "our", "my", "their", "your", "its", "there", "here", "what",
    "why", "how", "who", "which", "every", "each", "all", "both", "no", "not", "one", "two",
];

/// Verbs whose past tense is their base form: at the start of a sentence they may instruct.
const SAME_IN_THE_PAST: &[&str] = &["put", "set", "cut", "split", "shut", "hit"];

/// Words that follow an imperative verb: its object's determiner, or a particle.
const AFTER_IMPERATIVE: &[&str] = &[
    "a", "an", "the", "every", "each", "one", "our", "their", "your", "all", "both", "any", "that",
    "for", "with", "up", "out", "on", "them", "it", "this", "these", "those", "only", "two",
    "three", "shared", "joint",
];

/// How many instructions sentence `s` gives ("Map shared accounts", "Check that the partner
/// has a sponsor", "Then agree on goals"): a process told as steps, the candidate's approach.
/// Its first word could be a verb in the base form (not a past or third-person form, an adverb
/// or a function word), and either the tagger reads it as the verb of a first clause with no
/// subject ("Prune inactive partners"), or it is followed by what opens an object or a
/// particle: the tagger, trained mostly on sentences that open with their subject, often
/// reads an instruction's first word as a noun ("Map shared accounts").
fn imperative(ctx: &Ctx<'_>, s: usize) -> usize {
    let t = ctx.tokens;
    let mut range = t.sentences[s].tokens.clone();
    if matches!(
        t.lower(range.start),
        "then" | "first" | "next" | "finally" | "also"
    ) {
        range.start += 1;
    }
    if range.len() < 3 {
        return 0;
    }
    let verb = t.lower(range.start);
    let candidate = verb.len() > 2
        && verb.bytes().all(|b| b.is_ascii_lowercase())
        && !verb.ends_with('s')
        && !verb.ends_with("ly")
        && !verb.ends_with("ing")
        && !past(verb)
        && !(verb.ends_with("ed") && verb.len() > 4)
        && (!IRREGULAR.contains(&verb) || SAME_IN_THE_PAST.contains(&verb))
        && !OPENERS.contains(&verb);
    if !candidate {
        return 0;
    }
    let Some(syntax) = ctx.syntax(s) else {
        return 0;
    };
    let Some(at) = syntax.of_token(range.start) else {
        return 0;
    };
    let first = AFTER_IMPERATIVE.contains(&t.lower(range.start + 1))
        || (syntax.pos(at) == UPOS::VERB
            && syntax.clauses().first().is_some_and(|c| {
                !c.subordinate && c.subject.is_none() && c.verb_group.start == at && c.verb == at
            }));
    if !first {
        return 0;
    }
    // Further steps in the same sentence: clauses with no subject that open on their verb
    // ("..., retrain the partner's sellers, and hold monthly reviews").
    1 + syntax
        .clauses()
        .iter()
        .filter(|c| {
            c.verb_group.start > at
                && !c.subordinate
                && c.subject.is_none()
                && syntax.pos(c.verb) == UPOS::VERB
                && (c.tokens.start..c.verb_group.start)
                    .all(|k| matches!(syntax.pos(k), UPOS::CCONJ | UPOS::PUNCT | UPOS::ADV))
        })
        .count()
}

/// Whether sentence `s` has no clause of its own: a noun phrase or a list of them ("Owner and
/// exec sponsor on each side.", "Director of partnerships, marketplace platform"), perhaps
/// with a subordinate clause attached.
fn verbless(ctx: &Ctx<'_>, s: usize) -> bool {
    ctx.syntax(s)
        .is_some_and(|syntax| syntax.clauses().iter().all(|c| c.subordinate))
}

/// Whether sentence `s` is prose rather than a heading or a label.
fn prose(t: &Tokens, sections: &[Section], s: usize) -> bool {
    let range = &t.sentences[s].range;
    !sections
        .iter()
        .any(|x| x.heading.start < range.end && range.start < x.heading.end)
}

/// How many list items with prose the draft has: steps, even when written as noun phrases
/// ("- owners and sponsors on both sides").
fn list_items(ctx: &Ctx<'_>) -> usize {
    let t = ctx.tokens;
    ctx.draft
        .blocks
        .iter()
        .filter(|b| {
            let line = ctx.text.get(b.start..b.end).unwrap_or("").trim_start();
            let marker = line.starts_with(['-', '*', '+'])
                || line
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
            marker && t.token_at_or_after(b.start) < t.token_at_or_after(b.end)
        })
        .count()
}

/// Whether section `n` has prose under its heading (or subheadings that do).
fn has_prose(t: &Tokens, sections: &[Section], n: usize) -> bool {
    let section = &sections[n];
    let from = t.token_at_or_after(section.heading.end);
    if from < t.token_at_or_after(section.range.end) {
        return true;
    }
    // `## Action` followed by `### Step 1`: the subsections tell it.
    section.level > 0
        && sections[n + 1..]
            .iter()
            .take_while(|s| s.level > section.level)
            .any(|s| t.token_at_or_after(s.heading.end) < t.token_at_or_after(s.range.end))
}

/// Words that make a sentence hypothetical, conditional or about the future.
fn hedged(t: &Tokens, sentence: usize) -> bool {
    t.sentences[sentence].tokens.clone().any(|i| {
        let w = t.lower(i);
        matches!(
            w,
            "would" | "will" | "should" | "could" | "might" | "if" | "unless" | "once"
        ) || w.ends_with("'d")
            || w.ends_with("'ll")
    })
}

/// Irregular past tenses that report a change.
const CHANGED: &[&str] = &[
    "grew", "rose", "fell", "won", "became", "went", "hit", "cut", "doubled", "made", "brought",
    "got", "kept", "beat", "shrank", "sold", "took",
];

/// Whether the word reads as a past tense of a verb.
fn past(word: &str) -> bool {
    (word.ends_with("ed") && word.len() > 4 && !word.ends_with("eed")) || CHANGED.contains(&word)
}

/// A story's outcome: a result reported as having happened. An outcome cue counts when it is a
/// connective ("as a result", "led to") or a verb in the past tense that a clause reports
/// ("grew", "closed"; see [`reports`]), outside a hypothetical or conditional sentence and
/// outside a sentence that only counts activity; a number that measures impact counts outside
/// such sentences too, and so does what a party of the story did in the end, told in words
/// ("both partners stayed").
fn tells_a_result(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let activity = |s: usize| {
        let range = t.sentences[s].tokens.clone();
        ctx.hits.any_in(Cue::Activity, range.clone()) || ctx.hits.any_in(Cue::ActivityVerb, range)
    };
    let cue = ctx.hits.of(Cue::OutcomeCue).iter().any(|r| {
        let s = t.tokens[r.start].sentence();
        if hedged(t, s) || activity(s) {
            return false;
        }
        let connective = r.len() > 1 && !r.clone().all(|i| matches!(t.lower(i), "win" | "rate"));
        // "The result was a healthier program": the result itself is reported.
        let stated = matches!(t.lower(r.end), "was" | "were");
        // A past tense reports a change; after a determiner or a preposition the word is an
        // adjective ("a closed deal", "tie margin to closed revenue"). Its clause is read last:
        // that tags the sentence.
        let reported = |i: usize| {
            past(t.lower(i))
                && (i == 0
                    || !matches!(
                        t.lower(i - 1),
                        "a" | "an"
                            | "the"
                            | "to"
                            | "of"
                            | "on"
                            | "for"
                            | "in"
                            | "with"
                            | "by"
                            | "per"
                            | "any"
                            | "every"
                            | "each"
                            | "no"
                    ))
                && reports(ctx, s, i)
        };
        connective || stated || r.clone().any(reported)
    });
    cue || ctx.quantities.iter().any(|q| {
        let s = t.tokens[q.tokens.start].sentence();
        q.metric && !hedged(t, s)
    }) || compares_now(ctx)
        || told_in_words(ctx)
}

/// Whether the past tense at word `i` of sentence `s` is what a clause reports: that clause's
/// verb, not negated (`revenue grew`, `the engagement closed`); not a participle the tagger
/// places inside a phrase (`a first closed deal`, `sourced and closed revenue`) nor a change
/// denied (`clients aren't dropped`). An untagged sentence keeps the word.
fn reports(ctx: &Ctx<'_>, s: usize, i: usize) -> bool {
    let Some(syntax) = ctx.syntax(s) else {
        return true;
    };
    syntax
        .of_token(i)
        .is_none_or(|j| syntax.clauses().iter().any(|c| c.verb == j && !c.negated))
}

/// Whether the last third of the draft tells what a party of the story did in the end: a main
/// clause in the past tense whose subject names a partner, the partnership, a buyer of the
/// category's lexicon or `both`, inside the phrase or right before it (`both partners stayed`,
/// `both installers stayed`, `the partnership renewed on better terms`, `the customer renewed`),
/// outside a hypothetical and a negation, and not a verb that counts activity (`the trust
/// signed` is read as a count's verb and left out; `both partners stayed`, after it, counts).
fn told_in_words(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let n = t.sentences.len();
    (n - n / 3..n).any(|s| {
        let range = t.sentences[s].tokens.clone();
        if hedged(t, s) || !range.clone().any(|i| past(t.lower(i))) {
            return false;
        }
        let Some(syntax) = ctx.syntax(s) else {
            return false;
        };
        let covers = |cue: Cue, k: usize| syntax.token(k).is_some_and(|w| ctx.hits.covers(cue, w));
        syntax.clauses().iter().any(|c| {
            let verb = syntax.text(c.verb).to_lowercase();
            let counts = covers(Cue::Activity, c.verb) || covers(Cue::ActivityVerb, c.verb);
            let party = c.subject.as_ref().is_some_and(|p| {
                // `both installers stayed`: the tagger leaves `both` out of the phrase.
                let first = p
                    .tokens
                    .start
                    .checked_sub(1)
                    .filter(|&k| syntax.text(k).eq_ignore_ascii_case("both"))
                    .unwrap_or(p.tokens.start);
                matches!(syntax.pos(p.head), UPOS::NOUN | UPOS::PROPN)
                    && (first..p.head + 1).any(|k| {
                        let w = syntax.text(k).to_lowercase();
                        matches!(w.as_str(), "both" | "partner" | "partners" | "partnership")
                            || partner_kind(&w)
                            || syntax
                                .token(k)
                                .is_some_and(|tk| ctx.hits.covers(Cue::Buyer, tk))
                    })
                    && p.possessor.is_none_or(|o| {
                        !matches!(syntax.text(o).to_lowercase().as_str(), "my" | "our")
                    })
            });
            !c.subordinate
                && !c.copula
                && !c.negated
                && !counts
                && syntax.pos(c.verb) == UPOS::VERB
                && past(&verb)
                && party
        })
    })
}

/// Kinds of partner a story's other party may be named by (`the MSP asked to expand`).
const PARTNER_KINDS: &[&str] = &[
    "reseller",
    "distributor",
    "integrator",
    "msp",
    "agency",
    "dealer",
    "si",
    "var",
    "isv",
    "affiliate",
    "broker",
    "supplier",
    "bank",
    "insurer",
    "retailer",
    "marketplace",
];

/// Whether the lower-case word `w` names a kind of partner, in the singular or the plural.
fn partner_kind(w: &str) -> bool {
    PARTNER_KINDS.iter().any(|&kind| {
        w == kind
            || w.strip_suffix('s') == Some(kind)
            || w.strip_suffix("ies")
                .is_some_and(|stem| kind.strip_suffix('y') == Some(stem))
    })
}

/// Past verbs of a change of state (`the list got shorter`, `the network became healthier`).
const BECAME: &[&str] = &["got", "became", "grew"];

/// Whether a sentence in the second half of the draft says how something stands now against
/// before: a present form of *be* whose predicate compares (`breakfast orders are up`, `the
/// network is much healthier`, `churn is lower`), or a past *got*, *became* or *grew* with a
/// comparative (`our distributor list got shorter and better`), its subject not the writer,
/// outside a hypothetical. Only sentences with one of those verbs are tagged.
fn compares_now(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let n = t.sentences.len();
    (n / 2..n).any(|s| {
        let range = t.sentences[s].tokens.clone();
        let changed = |i: usize| BECAME.contains(&t.lower(i));
        if hedged(t, s)
            || !range
                .clone()
                .any(|i| matches!(t.lower(i), "is" | "are") || changed(i))
        {
            return false;
        }
        let Some(syntax) = ctx.syntax(s) else {
            return false;
        };
        syntax.clauses().iter().any(|c| {
            let present = matches!(syntax.text(c.verb).to_lowercase().as_str(), "is" | "are");
            let subject = c.subject.as_ref().is_some_and(|p| {
                !matches!(
                    syntax.text(p.head).to_lowercase().as_str(),
                    "i" | "we" | "it" | "this" | "that"
                ) && matches!(syntax.pos(p.head), UPOS::NOUN | UPOS::PROPN)
            });
            // The predicate: past adverbs of degree, a comparative or `up` / `down`.
            let mut j = c.verb_group.end;
            while j < c.tokens.end
                && syntax.pos(j) == UPOS::ADV
                && !matches!(syntax.text(j).to_lowercase().as_str(), "up" | "down")
            {
                j += 1;
            }
            let word = syntax.text(j).to_lowercase();
            let comparative = syntax.pos(j) == UPOS::ADJ && word.ends_with("er") && word.len() > 4;
            let compares = matches!(word.as_str(), "up" | "down" | "more" | "less") || comparative;
            // `our distributor list got shorter and better`: a change of state told in the past.
            let became = BECAME.contains(&syntax.text(c.verb).to_lowercase().as_str())
                && !c.negated
                && (matches!(word.as_str(), "better" | "worse") || comparative);
            (c.copula && present && subject && compares) || (subject && became)
        })
    })
}

/// A plan's outcome: the result it aims for or how success would be judged: a target number
/// (a percentage, an amount, a multiple) or a cue of success.
fn aims_at_a_result(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    // What the draft assumes is not what it aims for.
    let assumed = |i: usize| {
        ctx.hits.any_in(
            Cue::Clarify,
            t.sentences[t.tokens[i].sentence()].tokens.clone(),
        )
    };
    ctx.quantities.iter().any(|q| {
        (q.metric || q.kind == crate::numbers::NumberKind::Metric) && !assumed(q.tokens.start)
    }) || ctx.hits.metrics.iter().any(|(_, r)| !assumed(r.start))
        || ctx.hits.of(Cue::OutcomeCue).iter().any(|r| {
            !assumed(r.start)
                && r.clone().any(|i| {
                    matches!(
                        t.lower(i),
                        "success" | "measure" | "track" | "expect" | "goal"
                    )
                })
        })
}

/// Whether the draft is a hypothetical plan: more actions told with "would", "will" or "'d"
/// than in the past tense, or assumptions stated and nothing told as done.
fn hypothetical(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let (mut modal, mut done) = (0, 0);
    for i in 0..t.tokens.len() {
        let w = t.lower(i);
        if matches!(w, "i'd" | "we'd" | "i'll" | "we'll") && acts(t, i) {
            modal += 1;
        } else if matches!(w, "i" | "we") {
            if matches!(t.lower(i + 1), "would" | "will") && acts(t, i + 1) {
                modal += 1;
            } else if acts(t, i) && past(t.lower(i + 1)) {
                done += 1;
            }
        }
    }
    // "My plan", "step one", "I recommend": a plan named as one.
    modal += ctx
        .hits
        .of(Cue::Plan)
        .iter()
        .filter(|r| {
            !matches!(
                t.lower(r.start),
                "i" | "we" | "i'd" | "we'd" | "i'll" | "we'll"
            )
        })
        .count();
    let assumes = ctx
        .hits
        .of(Cue::Clarify)
        .iter()
        .any(|r| r.clone().any(|i| t.lower(i).starts_with("assum")));
    let instructs = (0..t.sentences.len())
        .map(|s| imperative(ctx, s))
        .sum::<usize>()
        >= 2;
    (modal >= 2 && modal > done) || ((assumes || instructs) && done == 0)
}

/// Whether the draft tells what the candidate did in the past ("I rebuilt", "we signed") at
/// least twice: only a story closes on a lesson or a reflection.
fn told_as_a_story(t: &Tokens) -> bool {
    (0..t.tokens.len())
        .filter(|&i| matches!(t.lower(i), "i" | "we") && past(t.lower(i + 1)))
        .nth(1)
        .is_some()
}

/// A story that ends on what the candidate took from it, in the last two sentences: what they
/// would do again or differently ("I'd start sooner", "I wish I'd...", "I'd have gone sooner"),
/// a rule addressed to "you", a practice changed since ("I have since stopped asking ..."), or a
/// present-tense statement of how things are after a past-tense story ("Saying no is kinder than
/// a dead partnership").
fn closes_on_a_lesson(t: &Tokens, text: &str) -> bool {
    let n = t.sentences.len();
    (n.saturating_sub(2)..n).any(|s| {
        let range = t.sentences[s].tokens.clone();
        let looks_ahead = range.clone().any(|i| {
            let w = t.lower(i);
            (matches!(w, "i'd" | "i" | "we'd" | "we")
                && (matches!(t.lower(i + 1), "wish" | "would" | "should")
                    || (w.ends_with("'d") && acts(t, i))))
                && t.tokens.get(i + 1).is_some_and(|x| x.sentence() == s)
        });
        // `If anything, I'd have gone to the sales director on day one`: what they would have
        // done instead, said by the sentence's own subject (not a relative clause: `deals we'd
        // have won anyway`).
        let instead = range.clone().any(|i| {
            let own_subject = || {
                i == range.start || text[t.tokens[i - 1].end()..t.tokens[i].start()].contains(',')
            };
            matches!(t.lower(i), "i'd" | "we'd")
                && own_subject()
                && t.lower(i + 1) == "have"
                && t.tokens.get(i + 2).is_some_and(|x| x.sentence() == s)
                && {
                    let v = t.lower(i + 2);
                    past_tense(v)
                        || v.ends_with("en")
                        || matches!(v, "gone" | "done" | "begun" | "run")
                }
        });
        // `I have since stopped asking partners what they want to sell`: a practice changed since.
        let changed_since = range.clone().any(|i| match t.lower(i) {
            "i" | "we" => {
                i + 2 < range.end && t.lower(i + 1) == "have" && t.lower(i + 2) == "since"
            }
            "i've" | "we've" => i + 1 < range.end && t.lower(i + 1) == "since",
            _ => false,
        });
        let generic = range.clone().any(|i| matches!(t.lower(i), "you" | "your"));
        let present = range.clone().any(|i| {
            matches!(
                t.lower(i),
                "is" | "are" | "isn't" | "aren't" | "it's" | "that's" | "there's" | "matters"
            )
        }) && !range
            .clone()
            .any(|i| past(t.lower(i)) || t.lower(i).starts_with(|c: char| c.is_ascii_digit()));
        looks_ahead || generic || present || instead || changed_since
    })
}

/// An answer that ends on what the speaker wants to do next, in its last two sentences (`Next I
/// want to connect certification to the deals`, `I'm now proposing we move the discount`): the
/// writer's own next step, which is what the experience taught them to try.
fn closes_looking_ahead(t: &Tokens) -> bool {
    let n = t.sentences.len();
    (n.saturating_sub(2)..n).any(|s| {
        t.sentences[s].tokens.clone().any(|i| {
            let in_sentence = |j: usize| t.tokens.get(j).is_some_and(|x| x.sentence() == s);
            let mut j = i + 1;
            let (wants, proposes) = match t.lower(i) {
                "i" => {
                    if t.lower(j) == "am" {
                        j += 1;
                        (false, true)
                    } else {
                        (true, false)
                    }
                }
                "i'm" => (false, true),
                _ => return false,
            };
            if t.lower(j) == "now" {
                j += 1;
            }
            in_sentence(j + 1)
                && ((wants
                    && matches!(t.lower(j), "want" | "plan" | "intend")
                    && t.lower(j + 1) == "to")
                    || (proposes && matches!(t.lower(j), "proposing" | "planning")))
        })
    })
}

/// A story whose last two sentences reflect on it rather than tell more of it: the candidate as
/// the one the experience acted on ("It showed me how much...", "What stuck with me is..."),
/// or a counterfactual ("If we did it again, we'd agree the exit first").
fn closes_on_a_reflection(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let n = t.sentences.len();
    (n.saturating_sub(2)..n).any(|s| {
        let range = t.sentences[s].tokens.clone();
        let first = range.start;
        // A thing or a free relative as subject, "me" as what it acted on, no person between.
        let experienced = matches!(t.lower(first), "it" | "this" | "that" | "what")
            && range.clone().skip(1).take(4).any(|i| t.lower(i) == "me")
            && !range
                .clone()
                .skip(1)
                .take_while(|&i| t.lower(i) != "me")
                .any(|i| matches!(t.lower(i), "i" | "we" | "you" | "he" | "she" | "they"));
        // "If" with a past tense, then a conditional: what would be done given another go.
        let counterfactual = range
            .clone()
            .position(|i| t.lower(i) == "if")
            .is_some_and(|k| {
                let after = range.clone().skip(k + 1);
                after
                    .clone()
                    .any(|i| past(t.lower(i)) || matches!(t.lower(i), "did" | "had" | "were"))
                    && after.clone().any(|i| {
                        let w = t.lower(i);
                        matches!(w, "would" | "should") || w.ends_with("'d")
                    })
            });
        experienced || counterfactual
    })
}

/// A plan that asks questions in its first half, ones it does not answer itself at once (see
/// `clarifying-questions`): what it would find out is what the plan starts from.
fn opens_with_questions(ctx: &Ctx<'_>) -> bool {
    let half = ctx.tokens.sentences.len().div_ceil(2);
    (0..half).any(|s| crate::rules::clarifying_questions::is_genuine_question(ctx, s))
}

/// Whether a plan opens by diagnosing: in its first half, a question the writer answers with
/// a cause (`Why did it stall? Because nobody owned it.`), the diagnosis the plan starts from.
fn opens_with_a_diagnosis(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    let half = t.sentences.len().div_ceil(2);
    (1..half).any(|s| {
        let first = t.sentences[s].tokens.start;
        matches!(t.lower(first), "because" | "since")
            && ctx.answer(s) == Some(crate::syntax::Answer::Because)
    })
}

/// Whether sentence `s` describes a situation rather than a method: it is told in the past
/// ("we had no owner", "I joined a Series B startup"; a participle such as "criteria agreed
/// before signature" is not enough) or places someone at a company ("I lead
/// partnerships at a data platform"). "As an alliance director, I assess viability..." is not.
fn situated(t: &Tokens, s: usize) -> bool {
    let range = t.sentences[s].tokens.clone();
    range.clone().any(|i| {
        let w = t.lower(i);
        (matches!(w, "i" | "we" | "they" | "he" | "she" | "it") && past(t.lower(i + 1)))
            || matches!(w, "was" | "were" | "had" | "wasn't" | "weren't" | "ago")
            || (matches!(w, "at" | "for") && matches!(t.lower(i + 1), "a" | "an" | "our" | "my"))
            || (w == "in" && matches!(t.lower(i + 1), "my" | "our"))
    })
}

/// Among the first three sentences, the candidate placing themself: a first-person sentence
/// (any form of the writer's pronouns: "it landed on me") that says where ("I run the channel at
/// a lighting company", "In my job as reseller manager at a logistics firm", "At the insurer
/// where I run bancassurance"), or a clause
/// setting the scene ("When I got there, ...").
fn locates_the_candidate(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    (0..t.sentences.len().min(3)).any(|s| {
        let range = t.sentences[s].tokens.clone();
        // Any form of the writer's pronouns (`it landed on me`, `our team`).
        let first_person = implied_first_person(t, s)
            || range.clone().any(|i| {
                let w = t.lower(i);
                crate::who::speaker(w)
                    || crate::who::own(w)
                    || matches!(w, "we" | "we're" | "we've" | "we'd" | "us")
            });
        let place = range.clone().any(|i| {
            let next = t.lower(i + 1);
            // "at a 450-person vendor": a number that is part of a modifier is no amount.
            let company = t.tokens.get(i + 2).is_some_and(|x| {
                let modifier = ctx.text[x.end()..].starts_with('-');
                x.sentence() == s
                    && (modifier || !t.lower(i + 2).starts_with(|c: char| c.is_ascii_digit()))
            });
            let named = t.lower(i) == "at" && first_person && at_a_name(ctx, s, i + 1);
            // "At the insurer where I run bancassurance": a definite place the writer's relative
            // clause identifies.
            let identified = matches!(t.lower(i), "at" | "for")
                && next == "the"
                && (i + 3..range.end.min(i + 7)).any(|j| {
                    matches!(t.lower(j), "where" | "that" | "which")
                        && matches!(t.lower(j + 1), "i" | "we" | "i've" | "we've" | "i'd")
                });
            named
                || identified
                || (company
                    && ((matches!(t.lower(i), "at" | "for")
                        && matches!(next, "a" | "an" | "our" | "my"))
                        || (matches!(t.lower(i), "on" | "in") && matches!(next, "our" | "my"))))
        });
        let scene = opens_on_the_writer(ctx, s) || names_the_writers_role(ctx, s);
        // The opening lines may name the place without a verb ("Channel lead at a 400-person
        // health-data company.").
        ((first_person || s < 2) && place) || scene
    })
}

/// Whether sentence `s` says who the writer is: the writer, a form of *be* and a noun phrase
/// with an article ("I'm the TPM", "I was a partner manager", "I am the first commercial
/// hire"), an identity rather than a state ("I'm sure", "I was late").
fn names_the_writers_role(ctx: &Ctx<'_>, s: usize) -> bool {
    let t = ctx.tokens;
    let range = t.sentences[s].tokens.clone();
    // Cheap test first: the writer and *be*, then an article.
    let article = range.clone().find_map(|i| {
        let after_be = match t.lower(i) {
            "i'm" | "i’m" => i + 1,
            "i" if matches!(t.lower(i + 1), "am" | "was") => i + 2,
            _ => return None,
        };
        (after_be < range.end && matches!(t.lower(after_be), "a" | "an" | "the"))
            .then_some(after_be)
    });
    let Some((syntax, k)) = article.and_then(|a| {
        let syntax = ctx.syntax(s)?;
        let k = syntax.of_token(a)?;
        Some((syntax, k))
    }) else {
        return false;
    };
    // The article's phrase is headed by a noun: past its adjectives, a noun.
    (k + 1..syntax.words().len())
        .find(|&j| syntax.pos(j) != UPOS::ADJ)
        .is_some_and(|j| matches!(syntax.pos(j), UPOS::NOUN | UPOS::PROPN))
}

/// Whether token `i` of sentence `s` opens a name, as the tagger reads it ("I lead the channel
/// at Balanças Ferraz").
fn at_a_name(ctx: &Ctx<'_>, s: usize, i: usize) -> bool {
    ctx.syntax(s).is_some_and(|syntax| {
        syntax
            .of_token(i)
            .is_some_and(|w| syntax.pos(w) == UPOS::PROPN)
    })
}

/// Whether sentence `s` opens with a subordinate clause about the writer that sets the scene
/// for its main clause ("When I inherited the channel, nobody owned it", "Before we launched,
/// ..."): the subordinate clause is the circumstance, not the action. Only sentences with "I"
/// or "we" among their first words are tagged.
fn opens_on_the_writer(ctx: &Ctx<'_>, s: usize) -> bool {
    let t = ctx.tokens;
    let range = t.sentences[s].tokens.clone();
    let writer = |i: usize| matches!(t.lower(i), "i" | "we");
    if writer(range.start) || !range.clone().take(4).any(writer) {
        return false;
    }
    let Some(syntax) = ctx.syntax(s) else {
        return false;
    };
    let clauses = syntax.clauses();
    clauses.first().is_some_and(|c| {
        c.subordinate
            && c.subject
                .as_ref()
                .is_some_and(|p| matches!(syntax.text(p.head).to_lowercase().as_str(), "i" | "we"))
    }) && clauses.iter().skip(1).any(|c| !c.subordinate)
}

/// A story that opens by describing how things were ("Our channel was flat.", a past habit:
/// "We used to pay publishers per game") before anyone acts: among the first three sentences, a
/// past state or habit in one before the first action, or a past time opening one of those or
/// the first that acts ("Last spring we finally stopped co-marketing").
fn opens_with_past_state(ctx: &Ctx<'_>) -> bool {
    let t = ctx.tokens;
    for sentence in t.sentences.iter().take(3) {
        let range = sentence.tokens.clone();
        // A sentence that opens on a past time sets the scene, whatever it goes on to tell.
        if opens_on_a_past_time(t, range.clone()) {
            return true;
        }
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
        // A past habit, `we used to pay publishers per game`, is how things stood.
        if range
            .clone()
            .any(|i| t.lower(i) == "used" && t.lower(i + 1) == "to")
        {
            return true;
        }
    }
    false
}

/// Whether the sentence of tokens `range` opens on a time in the past: `Last spring`, `In
/// 2022`, `Two years ago`.
fn opens_on_a_past_time(t: &Tokens, range: Range<usize>) -> bool {
    if range.len() < 3 {
        return false;
    }
    let i = range.start;
    let (first, second) = (t.lower(i), t.lower(i + 1));
    let year =
        second.len() == 4 && second.starts_with("20") && second.bytes().all(|b| b.is_ascii_digit());
    let season = matches!(
        second,
        "year" | "spring" | "summer" | "autumn" | "fall" | "winter" | "quarter" | "month"
    );
    let ago =
        t.lower(i + 2) == "ago" && (second.starts_with("year") || second.starts_with("month"));
    (first == "last" && season) || (first == "in" && year) || ago
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

/// Whether `word` (lower-cased) has the form of a verb in the past tense: `-ed` past four letters,
/// or one of [`IRREGULAR`].
pub(crate) fn past_tense(word: &str) -> bool {
    (word.ends_with("ed") && word.len() > 4) || IRREGULAR.contains(&word)
}

/// Whether the subject pronoun at token `i` is followed by a verb of doing (`we built`,
/// `I then renegotiated`, `we map accounts`) rather than a state, a feeling or a modal.
pub(crate) fn acts(t: &Tokens, i: usize) -> bool {
    let sentence = t.tokens[i].sentence();
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
    if j >= t.tokens.len() || t.tokens[j].sentence() != sentence {
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
    past_tense(verb) && !NOT_ACTIONS.contains(&verb) && !PREPOSITIONS.contains(&t.lower(first + 1))
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
