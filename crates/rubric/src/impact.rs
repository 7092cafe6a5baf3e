//! What a number measures, read from its sentence's clause structure ([`crate::syntax`]): the
//! noun it counts (its head, not a modifier: `five integration partners` counts partners), the
//! verb that governs it and who that verb's subject is.
//!
//! [`crate::numbers`] finds numbers and guesses from the words next to them whether they could
//! measure impact; this module reads the ones it kept as candidates and answers:
//! - whether a candidate metric really measures a result ([`is_impact`]): a count of results (`12
//!   new logos`, `nine co-sell deals`; not one the work only looked at or got in touch with,
//!   `mapped 4,800 accounts`, `reviewed 2,000 opportunities`), a change (`grew 35%`, `up 37%`,
//!   `from 18 to 27`), a share of a result (`30% of revenue`, `40% of that closed`), a rate or
//!   ratio of people whose verb's object is a result (`61% of MSSPs closed a deal`, `five of six
//!   new partners closed a first deal`), the level of a result (`91% gross retention`, `cycle time
//!   is 34 days versus 58`), but not a rate of people doing something (`92% of reps completed the
//!   course`), the level of something that is no result (`the completion rate was 88%`, `the goal
//!   was $5M`), a property of a term (`a 20% referral fee`), a count of partners however it changed
//!   (`from 30 partners to 210 partners`), the period a result came in (`in 12 months`), a target
//!   imposed as a requirement (`must register two opportunities per quarter`), a count of an
//!   activity grown (`doubled the number of co-marketing campaigns`, [`activity_change`]), a number
//!   in a clause that states no fact (a condition `if the margin is 8%`, a plan `I will call three
//!   customers`, a wish `I'd rather have ten partners than a hundred logos`), a size or window
//!   given by a hyphenated modifier (`a 900-person integrator`, `6-month retention`, unless it
//!   modifies a change: `a 12-point lift`), an amount before a noun that names no result (`a $4B
//!   integrator`, `a $150k budget`), a multiplying verb whose object or subject is no result
//!   (`doubled the number of webinars`), an adjective that is no change (`no double counting`),
//!   `twice as a director`, or where things stood when the writer arrived (`we were at about $30M
//!   ARR when I joined`);
//! - what a count counts and whether the writer did it ([`read_count`]), for `activity-volume`;
//! - whether a percentage is a rate of people taking part (`92% of reps completed the course`,
//!   [`participation_rate`]), which `activity-volume` reads as volume;
//! - whether the next words take up the counted set again (`we had 23 partners. Only four had
//!   ever registered.`), so the count sets up an insight ([`taken_up`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::context::Ctx;
use crate::learned::Model;
use crate::lexicon::Cue;
use crate::numbers::{NumberKind, Quantity};
use crate::syntax::{Clause, Phrase, SentenceSyntax, UPOS};

/// How a count reads in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CountReading {
    /// The word (index into the draft's words) of the noun it counts, when it counts one.
    pub head: Option<usize>,
    /// The word of the verb governing it.
    pub verb: Option<usize>,
    /// Whether the writer (`I`, `we`) does that verb, the count being its object: `I signed 60
    /// partners`. Not when the verb is *be* or *have* (`we had 23 partners`).
    pub writer_action: bool,
    /// Whether its clause's subject is someone other than the writer (`my predecessor had signed
    /// 14 partners`): a person, a group of people, a name or what another party owns, not an
    /// undertaking named by an abstract noun (`the alliance held 48 sessions`).
    pub other_subject: bool,
    /// Whether the verb governing it is *be* or *have*: the count describes a state (`we had 23
    /// signed partners`); not *have* with a participle after what it counts, which is causative
    /// (`I had 14 NDAs signed`).
    pub stative: bool,
    /// Whether its clause sets a requirement (`must register`, `required to`, `had to`).
    pub required: bool,
    /// Whether the writer does the verb governing it, the count being its object or not (`I
    /// hosted a summit with 400 attendees`).
    pub writer_subject: bool,
}

/// The lowercase text of token `k`.
fn lower<'a>(s: &SentenceSyntax<'a>, k: usize) -> Lowered<'a> {
    let text = s.text(k);
    // The sentence's own lower-cased form is the same string, kept with its tags, unless the
    // token holds one of the apostrophes it makes plain and this form keeps (`ʼ`, `‘`): no copy
    // per call, and the rules call this many times per sentence.
    if text.contains(['ʼ', '‘']) {
        Lowered(Cow::Owned(text.to_lowercase().replace('’', "'")))
    } else {
        Lowered(Cow::Borrowed(s.tagged.lower(k)))
    }
}

/// A token's lowercase text, borrowed from its sentence when it can be.
struct Lowered<'a>(Cow<'a, str>);

impl Lowered<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lowered<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lowered<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

/// Whether a clause states an obligation: a modal of necessity (`must`, `should`), `need to`,
/// `required to`, `have to`.
fn obligation(s: &SentenceSyntax<'_>, clause: &Clause) -> bool {
    let group = clause.verb_group.clone();
    let necessity = group.clone().any(|k| {
        matches!(
            lower(s, k).as_str(),
            "must" | "required" | "requires" | "require" | "needs" | "need" | "needed"
        )
    });
    let have_to = clause.infinitive.is_some()
        && matches!(
            lower(s, clause.verb).as_str(),
            "have" | "has" | "had" | "having" | "need" | "needs" | "needed" | "required"
        );
    // `had to justify`: *have* and `to` inside the group.
    let have_to_in_group = group.clone().any(|k| {
        matches!(lower(s, k).as_str(), "have" | "has" | "had" | "having") && lower(s, k + 1) == "to"
    });
    // A plain `X is required to ...`: the group ends at `is`, `required` is its predicate.
    let required = lower(s, group.end) == "required";
    necessity || have_to || have_to_in_group || required
}

/// Whether clause `c` states a wish, a request or a duty: its verb wants, prefers, expects or
/// asks for something (`they wanted 35% resale margin`, `I prefer six partners that sell than
/// forty logos`), or, when `duty` counts (in a story: a plan's duty is its target), `should`
/// leads its group (`the partnership should support $5M`).
fn wished(s: &SentenceSyntax<'_>, c: &Clause, duty: bool) -> bool {
    let verb = lower(s, c.verb);
    let wants = matches!(
        verb.as_str(),
        "want"
            | "wants"
            | "wanted"
            | "wanting"
            | "prefer"
            | "prefers"
            | "preferred"
            | "demand"
            | "demands"
            | "demanded"
            | "request"
            | "requests"
            | "requested"
            | "expect"
            | "expects"
            | "expected"
            | "hope"
            | "hoped"
    ) || (matches!(verb.as_str(), "ask" | "asks" | "asked")
        && lower(s, c.verb + 1) == "for");
    let should = duty
        && c.verb_group
            .clone()
            .any(|j| matches!(lower(s, j).as_str(), "should" | "shouldn't"));
    wants || should
}

/// Whether `N times` with `next` the token after it tells how often (`I've done it three times
/// now`), not a multiple: no degree or thing compared follows (`three times the volume`, `three
/// times as many`, `three times faster`), and its clause's verb names no change (`grew three
/// times`).
fn repetition(ctx: &Ctx<'_>, s: &SentenceSyntax<'_>, clause: Option<&Clause>, next: usize) -> bool {
    let word = lower(s, next);
    let degree = matches!(
        word.as_str(),
        "the" | "as" | "more" | "less" | "over" | "our" | "their" | "its" | "what" | "that"
    ) || (s.pos(next) == UPOS::ADJ && word.ends_with("er"));
    let change = clause.is_some_and(|c| {
        s.token(c.verb)
            .is_some_and(|w| ctx.hits.covers(Cue::Change, w))
    });
    !degree && !change
}

/// Forms of *be* and *have*: verbs of state, not of action.
fn stative(word: &str) -> bool {
    matches!(
        word,
        "be" | "am"
            | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "'s"
            | "'re"
            | "'m"
            | "have"
            | "has"
            | "had"
            | "having"
            | "'d"
            | "'ve"
    )
}

/// Whether a phrase's head is the writer: `I`, `we`, `me`, `us` (the team the writer speaks for),
/// contracted with an auxiliary or not (`I've`, `we'd`).
fn writer(word: &str) -> bool {
    let pronoun = word.split('\'').next().unwrap_or(word);
    matches!(pronoun, "i" | "we" | "me" | "us")
}

/// Whether a subject phrase is the writer: `I`, `we`, or the writer's own team (`my team`,
/// `our team`), which does what it does for the writer.
fn writer_phrase(s: &SentenceSyntax<'_>, p: &Phrase) -> bool {
    let head = lower(s, p.head);
    // The possessor may stand before a hyphenated size the chunker left out of the phrase (`my
    // two-person team`).
    let possessor = p.possessor.or_else(|| {
        (0..p.tokens.start)
            .rev()
            .take_while(|&j| {
                matches!(s.pos(j), UPOS::NUM | UPOS::ADJ | UPOS::NOUN | UPOS::PRON)
                    || s.text(j) == "-"
            })
            .find(|&j| s.pos(j) == UPOS::PRON)
    });
    writer(&head)
        || (head == "team"
            && possessor.is_some_and(|k| matches!(lower(s, k).as_str(), "my" | "our")))
}

/// Whether a subject phrase names someone who acts on their own account: a pronoun (`he`,
/// `they`), a name, a person or a group of people (`my predecessor`, `the previous team`), or
/// anything another party owns (`their partnership`). Not an undertaking, named by an abstract
/// noun (`-ship`, `-ance`, `-ence`, `-tion`, `-ment`) that nobody else owns (`the alliance held
/// 48 working sessions`, `our partnership ran 30 webinars`): its effort is the work the writer
/// describes.
fn someone(s: &SentenceSyntax<'_>, p: &Phrase) -> bool {
    let head = lower(s, p.head);
    let owned_by_other = p
        .possessor
        .is_some_and(|k| !matches!(lower(s, k).as_str(), "my" | "our"));
    let singular = head.strip_suffix('s').unwrap_or(&head);
    let abstract_noun = singular.len() > 6
        && ["ship", "ance", "ence", "tion", "ment"]
            .iter()
            .any(|suffix| singular.ends_with(suffix));
    s.pos(p.head) != UPOS::NOUN || owned_by_other || !abstract_noun
}

/// Whether the number at token `k` opens the object of verb `v`: only quantity words stand
/// between them (`reviewed over 300`, `trained all 18`, `signed more than 60`), or a container
/// noun and `of` (`built a library of 60 assets`, `wrote a partner playbook of 45 pages`), or earlier counted conjuncts of the same
/// object (`ran 36 QBRs, 150 reviews and 400 syncs`). Not a number in a phrase further on (`ran
/// alliances for a product (about 300 people)`, `delivered 24 bootcamps in 40 cities`).
fn object_of(s: &SentenceSyntax<'_>, v: usize, k: usize) -> bool {
    let quantity_word = |j: usize| match s.pos(j) {
        UPOS::ADV | UPOS::DET | UPOS::ADJ | UPOS::PART => true,
        // Prepositions of quantity only (`over 300`, `more than 60`, `about 40`): not a phrase of
        // place or company (`launch with all 60 AMs`).
        UPOS::ADP | UPOS::SCONJ => {
            matches!(
                lower(s, j).as_str(),
                "over"
                    | "about"
                    | "around"
                    | "under"
                    | "than"
                    | "of"
                    | "nearly"
                    | "almost"
                    | "upwards"
            ) || is_particle(s, j)
        }
        // A container noun and `of`, the container a compound (`a governance playbook of 45
        // pages`).
        UPOS::NOUN => {
            let mut e = j + 1;
            while e < k && s.pos(e) == UPOS::NOUN {
                e += 1;
            }
            lower(s, e) == "of"
        }
        _ => false,
    };
    let mut j = v + 1;
    loop {
        while j < k && quantity_word(j) {
            j += 1;
        }
        if j >= k {
            return true;
        }
        // An earlier conjunct: a number, the words of what it counts, then a comma or `and`.
        if s.pos(j) != UPOS::NUM {
            return false;
        }
        j += 1;
        while j < k
            && (matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN | UPOS::ADJ)
                || matches!(s.text(j), "-" | "+"))
        {
            j += 1;
        }
        let mut joined = false;
        while j < k && (s.text(j) == "," || s.pos(j) == UPOS::CCONJ) {
            joined = true;
            j += 1;
        }
        if !joined {
            return false;
        }
    }
}

/// Whether token `j` is the particle of a phrasal verb right after it (`built out 11
/// connectors`, `set up 200 calls`): an adverbial preposition with no object of its own before a
/// number.
fn is_particle(s: &SentenceSyntax<'_>, j: usize) -> bool {
    j > 0
        && s.pos(j - 1) == UPOS::VERB
        && s.pos(j + 1) == UPOS::NUM
        && matches!(lower(s, j).as_str(), "out" | "up" | "off")
}

/// A word ending in `-ed` right before the quantity words of the number at token `k`, that the
/// tagger read as an adjective (`we certified more than 350 consultants`, `and certified 410
/// sellers`): an adjective does not come before a cardinal in an English noun phrase (`350
/// certified consultants`), so unless a determiner opens the phrase (`the listed 40 apps`) it is
/// the verb whose object the count is.
fn verb_before_count(s: &SentenceSyntax<'_>, k: usize) -> Option<usize> {
    let mut j = k.checked_sub(1)?;
    while j > 0
        && (matches!(s.pos(j), UPOS::ADV)
            || matches!(
                lower(s, j).as_str(),
                "over" | "about" | "around" | "than" | "nearly" | "almost" | "all"
            ))
    {
        j -= 1;
    }
    let word = lower(s, j);
    let participle = word.len() > 4 && word.ends_with("ed") && s.pos(j) != UPOS::VERB;
    let determined = j > 0 && matches!(s.pos(j - 1), UPOS::DET | UPOS::NUM | UPOS::ADP);
    (participle && !determined).then_some(j)
}

/// The subject of `clause`; for a verb that opens a clause after a comma in a list of actions
/// (`I signed 60 partners, launched 4 tiers and ran 120 workshops`), the subject of the clause
/// before it.
fn subject_of(s: &SentenceSyntax<'_>, clause: &Clause) -> Option<Phrase> {
    if clause.subject.is_some() || clause.subordinate {
        return clause.subject.clone();
    }
    let opens = (clause.tokens.start..clause.verb_group.start)
        .all(|j| matches!(s.pos(j), UPOS::PUNCT | UPOS::CCONJ | UPOS::ADV));
    if !opens {
        return None;
    }
    let clauses = s.clauses();
    let here = clauses.iter().position(|c| c == clause)?;
    // Back over the list's earlier subjectless items to the clause that names the doer.
    for c in clauses[..here].iter().rev().filter(|c| !c.subordinate) {
        if c.subject.is_some() {
            return c.subject.clone();
        }
    }
    None
}

/// Whether `clause` opens its sentence on a verb in the past with no subject, as a resume line
/// does (`Mapped 4,800 accounts`, `Built 200 joint account plans`): its doer is the writer.
/// Not an imperative (`Map the accounts`), whose verb is a base form, nor a count taken over
/// (`Inherited a wishlist of 40 partners`), which is no effort.
fn resume_line(s: &SentenceSyntax<'_>, clause: &Clause) -> bool {
    let opens = (0..clause.verb_group.start).all(|j| matches!(s.pos(j), UPOS::PUNCT | UPOS::ADV));
    let v = lower(s, clause.verb);
    opens
        && clause.subject.is_none()
        && !clause.subordinate
        && s.pos(clause.verb) == UPOS::VERB
        && !v.starts_with("inherit")
        && crate::story::past_tense(&v)
}

/// Whether verb `v` is the clause's own verb or a verb of its subject's: not one of a relative
/// clause on a noun in between (`I want MSPs that manage 50+ offices`).
fn own_verb(s: &SentenceSyntax<'_>, clause: &Clause, v: usize) -> bool {
    let (from, to) = if v < clause.verb {
        (v, clause.verb)
    } else {
        (clause.verb, v)
    };
    (from + 1..to).all(|j| !matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN | UPOS::PRON))
}

/// The token a number's phrase reads from: the second number of a range (`100–500 seat
/// companies` counts companies).
fn range_end(s: &SentenceSyntax<'_>, k: usize) -> usize {
    let dash = matches!(s.text(k + 1), "-" | "–" | "—") || lower(s, k + 1) == "to";
    if dash && s.pos(k + 2) == UPOS::NUM {
        k + 2
    } else {
        k
    }
}

/// How count `q` reads: what it counts, its verb, and who does it. Kept with its sentence, its
/// words by their place in the sentence.
pub(crate) fn read_count(ctx: &Ctx<'_>, q: &Quantity) -> Option<CountReading> {
    let word = q.tokens.start;
    let base = ctx.tokens.sentences[ctx.tokens.tokens.get(word)?.sentence()]
        .tokens
        .start;
    let shift = |r: CountReading, by: fn(usize, usize) -> usize| CountReading {
        head: r.head.map(|h| by(h, base)),
        verb: r.verb.map(|v| by(v, base)),
        ..r
    };
    let kept = ctx.kept_number(
        q,
        |n| &n.count,
        || read_count_here(ctx, word).map(|r| shift(r, |w, base| w - base)),
    );
    kept.map(|r| shift(r, |w, base| w + base))
}

/// [`read_count`], read afresh.
fn read_count_here(ctx: &Ctx<'_>, word: usize) -> Option<CountReading> {
    let (s, k) = ctx.syntax_at(word)?;
    let m = s.measure(range_end(&s, k)).or_else(|| s.measure(k));
    let clause = s.clause_of(k);
    // A count the tagger does not read as a number (`eleven "strategic" partners`): its clause
    // still says whose verb governs it.
    let head = m.as_ref().and_then(|m| m.head);
    // A verb the tagger read as an adjective (`we certified 350 consultants`).
    let participle = verb_before_count(&s, k);
    let verb = participle
        .or_else(|| m.as_ref().and_then(|m| m.verb))
        .or_else(|| {
            clause.map(|c| {
                (c.tokens.start..k)
                    .rev()
                    .find(|&j| s.pos(j) == UPOS::VERB)
                    .unwrap_or(c.verb)
            })
        });
    // That verb's subject: a pronoun right before it (`we certified`), else its clause's.
    let subject = match participle {
        Some(p) if p > 0 && s.pos(p - 1) == UPOS::PRON => Some(Phrase {
            tokens: p - 1..p,
            head: p - 1,
            possessor: None,
        }),
        _ => clause.and_then(|c| subject_of(&s, c)),
    };
    // *Have* with a participle after its counted object is causative, an action (`I had 14 NDAs
    // signed`): the writer got them done.
    let causative = |v: usize| {
        head.is_some_and(|h| {
            h > v && s.pos(h + 1) == UPOS::VERB && lower(&s, h + 1).ends_with("ed")
        })
    };
    let stative = |v: usize| stative(&lower(&s, v)) && !causative(v);
    let in_subject = clause.is_some_and(|c| {
        c.subject.as_ref().is_some_and(|p| p.tokens.contains(&k)) || k < c.verb_group.start
    }) && participle.is_none();
    let writer_action = !in_subject
        && verb.is_some_and(|v| {
            v < k
                && !stative(v)
                && object_of(&s, v, k)
                && (participle == Some(v) || clause.is_some_and(|c| own_verb(&s, c, v)))
        })
        && (subject.as_ref().is_some_and(|p| writer_phrase(&s, p))
            || (subject.is_none() && clause.is_some_and(|c| resume_line(&s, c))))
        && clause.is_none_or(|c| !c.copula);
    let required = clause.is_some_and(|c| obligation(&s, c));
    let writer_subject = !in_subject
        && subject.as_ref().is_some_and(|p| writer_phrase(&s, p))
        && clause.is_none_or(|c| !c.copula);
    let other_subject = !in_subject
        && subject
            .as_ref()
            .is_some_and(|p| !writer_phrase(&s, p) && someone(&s, p));
    Some(CountReading {
        head: head.and_then(|h| s.token(h)),
        verb: verb.and_then(|v| s.token(v)),
        writer_action,
        other_subject,
        stative: verb.is_some_and(stative),
        required,
        writer_subject,
    })
}

/// Stems of verbs that look at or get in touch with what they govern, and so win nothing: a
/// count of results they govern is what the work went through (`mapped 4,800 accounts`,
/// `reviewed 2,000 partner opportunities`, `talk to two or three customers`), not results.
const EXAMINED: &[&str] = &[
    "map",
    "review",
    "call",
    "contact",
    "visit",
    "email",
    "audit",
    "analys",
    "analyz",
    "screen",
    "interview",
    "survey",
    "research",
    "enrich",
    "segment",
    "scor",
    "triag",
    "talk",
    "speak",
    "spok",
];

/// Whether draft word `word` names a result: an outcome noun (`deals`, `logos`), or a metric
/// (`revenue`, `win rate`).
fn result_word(ctx: &Ctx<'_>, word: usize) -> bool {
    ctx.hits.covers(Cue::OutcomeNoun, word)
        || ctx.hits.covers(Cue::MetricTerm, word)
        || ctx.hits.covers(Cue::Outcome, word)
}

/// The model learned from labelled passages that states whether a sentence measures a business
/// result (`crate::learned`), read on first use.
static RESULT: LazyLock<Model> = crate::learned::embedded!("metrics-result");

/// The probability from the learned model under which a sentence measures no result, whatever
/// its numbers. Chosen on the holdouts: the model only overrules the readings where it is nearly
/// sure.
const NO_RESULT: f32 = 0.1;

/// The fewest words of a sentence the model may overrule a reading in: a short one is one or two
/// words to it (`We cut cycle time in half`).
const MIN_WORDS: usize = 8;

/// Whether the learned model leaves `q` read as impact: its sentence is shorter than
/// [`MIN_WORDS`], or measures a result with probability [`NO_RESULT`] or more.
fn learned_result(ctx: &Ctx<'_>, q: &Quantity) -> bool {
    let Some(token) = ctx.tokens.tokens.get(q.tokens.start) else {
        return true;
    };
    if ctx.tokens.sentences[token.sentence()].tokens.len() < MIN_WORDS {
        return true;
    }
    ctx.learned(token.sentence(), &RESULT, |c| &c.result)
        .is_none_or(|score| score >= NO_RESULT)
}

/// Whether `q` measures a result of the work, the reading `metrics` and `activity-volume` share:
/// [`is_impact`] reads it so and, in a story, the learned model does not overrule it
/// ([`learned_result`]); a plan's targets are read by the clauses alone, since the model learned
/// results from stories.
pub(crate) fn measures_result(ctx: &Ctx<'_>, q: &Quantity, plan: bool) -> bool {
    is_impact(ctx, q) && (plan || learned_result(ctx, q))
}

/// Whether quantity `q`, which [`crate::numbers`] took for a metric, measures a result of the
/// work (see the module docs). Kept with its sentence.
pub(crate) fn is_impact(ctx: &Ctx<'_>, q: &Quantity) -> bool {
    let scenario = usize::from(ctx.is_scenario());
    ctx.kept_number(q, |n| &n.impact[scenario], || impact_here(ctx, q))
}

/// [`is_impact`], read afresh.
fn impact_here(ctx: &Ctx<'_>, q: &Quantity) -> bool {
    let i = q.tokens.start;
    // `doubled the number of co-marketing campaigns`: activity grown, read first.
    if activity_change(ctx, q).is_some() {
        return false;
    }
    if !q.metric {
        return match q.kind {
            NumberKind::Duration => duration_change(ctx, i),
            NumberKind::Count => ratio_result(ctx, i),
            _ => false,
        };
    }
    let Some((s, k)) = ctx.syntax_at(i) else {
        return true;
    };
    // A number in a condition, a prediction or a wish (`if the margin is 8%`, `I will talk to
    // three customers`, `I'd rather have ten partners`) measures nothing that happened.
    // The second term of a comparison (`than a hundred logos`) belongs to the clause of the
    // comparative it completes (`I'd rather have ten partners who sell than a hundred logos`); a
    // verbless stretch the tagger left out of every clause belongs to the clause before it.
    let than = (k.saturating_sub(3)..k)
        .rev()
        .find(|&j| lower(&s, j) == "than")
        .filter(|&j| (j + 1..k).all(|m| matches!(s.pos(m), UPOS::DET | UPOS::ADV | UPOS::ADP)));
    let compared_with = than.and_then(|j| {
        (0..j)
            .rev()
            .find(|&m| lower(&s, m) == "rather" || comparative(&s, m))
            .and_then(|m| s.clause_of(m))
    });
    let governing = compared_with
        .or_else(|| s.clause_of(k))
        .or_else(|| s.clauses().iter().rev().find(|c| c.tokens.start <= k));
    // In a scenario answer a plan's number is its target, which quantifies the answer (`we would
    // lift win rate to 40%`); a condition still states none.
    if governing.is_some_and(|c| irrealis(&s, c, ctx.is_scenario())) {
        return false;
    }
    // Where things stood when the writer arrived is context (`we were at about $30M ARR when I
    // joined`).
    if at_joining(&s, k) {
        return false;
    }
    // A question asks (`can the partner staff three times the volume?`), and a wish, a request
    // or, in a story, a duty (`they wanted 35% resale margin`, `it should support $5M in
    // pipeline`) states what someone wants: none measures what happened.
    if s.is_question() || governing.is_some_and(|c| wished(&s, c, !ctx.is_scenario())) {
        return false;
    }
    // `I've done it three times`: how often, not a multiple.
    if q.tokens.len() == 2
        && ctx.tokens.lower(q.tokens.end - 1) == "times"
        && repetition(ctx, &s, governing, k + 2)
    {
        return false;
    }
    let first = ctx.tokens.lower(i);
    if !first.starts_with(|c: char| c.is_ascii_digit()) && q.kind != NumberKind::Count {
        // A metric word (`doubled`, `in half`, `twice as`): `twice as` compares a degree (`twice
        // as fast`, `twice as many deals`), not a role (`twice as a director`, `twice as lead
        // applicant`): a noun phrase after `as`, not an adjective or adverb of degree.
        if q.tokens.len() == 2 && first == "twice" {
            return ctx
                .syntax_at(i + 1)
                .is_none_or(|(s, k)| !role_after_as(&s, k));
        }
        // A one-word one is a verb or its noun (`doubled`, `the halving`), not the first part of
        // a hyphenated modifier that shares its stem (`double-booked technicians`), nor an
        // adjective on a noun that names no change (`no double counting`).
        if q.tokens.len() == 1 {
            if multiplies_no_result(ctx, &s, k) {
                return false;
            }
            let end = ctx.tokens.tokens[i].end();
            let modifier = s.pos(k) == UPOS::ADJ
                && matches!(s.pos(k + 1), UPOS::NOUN | UPOS::VERB)
                && s.token(k + 1)
                    .is_none_or(|w| !ctx.hits.covers(Cue::Change, w) && !result_word(ctx, w));
            // Read in the prose mask, as the sentence is: the reading is kept with it.
            return !ctx.draft.mask[end..].starts_with(['-', '‐', '–']) && !modifier;
        }
        return true;
    }
    let k = range_end(&s, k);
    let Some(m) = s.measure(k) else {
        return true;
    };
    let clause = s.clause_of(k);
    // A target imposed as a requirement is not a result.
    if clause.is_some_and(|c| obligation(&s, c)) {
        return false;
    }
    let head = m.head.and_then(|h| s.token(h));
    if m.from_to.is_some() {
        // A change in how many of something there are is a result when that something is one
        // (`from 40 to 95 customers`), or an amount (`from 18% to 27%`); a count of partners
        // going `from 30 partners to 210 partners` is activity grown, not a result.
        // A span of time after the pair (`rose from 11 to 29 year on year`, `fell from 140 to 61
        // days`) is its unit or period, not what it counts.
        return q.kind != NumberKind::Count
            || head.is_none_or(|h| result_word(ctx, h) || ctx.hits.covers(Cue::TimeUnit, h));
    }
    // `a 20-minute module`, `a 1,200-person integrator`, `12-month retention`: a number joined
    // to its unit by a hyphen modifies the noun after it, giving its size or the window it is
    // measured over, not a result's value, unless that noun names a change (`a 12-point lift`).
    if let Some(noun) = compound_modifier(&s, k)
        && s.token(noun)
            .is_none_or(|w| !ctx.hits.covers(Cue::Change, w))
    {
        return false;
    }
    // `up 37%`, `+55% YoY`: a number after a sign or an adverb of direction states a change.
    if matches!(
        lower(&s, k.wrapping_sub(1)).as_str(),
        "up" | "down" | "+" | "−"
    ) && q.kind == NumberKind::Metric
    {
        return true;
    }
    let next = lower(&s, k + 1);
    let percent = matches!(next.as_str(), "%" | "percent" | "per" | "points");
    match (q.kind, head) {
        // A span of time is a result when it is the level of something measured (`cycle time is
        // 34 days versus 58`), not the period a result came in (`in 12 months`, `after the next
        // two quarters`).
        // Not the length of one thing, a number joined to its unit after an article (`a
        // 20-minute module`).
        (NumberKind::Duration, _) => {
            let one_thing = k > 0
                && matches!(lower(&s, k - 1).as_str(), "a" | "an")
                && matches!(s.text(k + 1), "-" | "‐" | "–");
            !one_thing && (!period(&s, k) || compared(&s, k))
        }
        // A count is a result when the noun it counts (not a modifier) is one, and not a part of
        // a set named before it, or when what is counted did something whose object is a result
        // (`15 of 22 partners closed at least one deal`).
        (NumberKind::Count, Some(h)) => {
            let after = k + 1;
            let partitive = lower(&s, after) == "of"
                && matches!(lower(&s, after + 1).as_str(), "those" | "these" | "them");
            // `mapped 4,800 accounts`: a count of results that the work only looked at.
            let examined = clause.is_some_and(|c| {
                c.verb < k && {
                    let v = lower(&s, c.verb);
                    EXAMINED.iter().any(|e| v.starts_with(e))
                }
            });
            (result_word(ctx, h) && !partitive && !examined) || does_result(ctx, &s, clause, k)
        }
        (NumberKind::Count, None) => true,
        // A share (`30% of revenue`) measures a result only when its whole is one: `92% of reps`
        // is a rate of people doing something, unless what they did is a result (`61% of MSSPs
        // closed a deal`); a share of `it` or `that` takes up an amount named before (`70% of it
        // partner-sourced`).
        // The share is the subject of what the people did: a rate of participation.
        (_, Some(h)) if next == "of" || lower(&s, k + 2) == "of" => {
            let of = if next == "of" { k + 1 } else { k + 2 };
            let amount_before = matches!(lower(&s, of + 1).as_str(), "it" | "that" | "this");
            // `we had 88% of reseller sellers certified.`: the share of a group that went
            // through something, a participle ending the phrase: a rate of participation.
            let participle_after = m.head.is_some_and(|hk| {
                hk > k
                    && past_participle(&lower(&s, hk + 1))
                    && matches!(s.text(hk + 2), "." | "," | ";" | ":" | "")
                    && s.token(hk + 1)
                        .is_some_and(|w| !ctx.hits.covers(Cue::Change, w) && !result_word(ctx, w))
            });
            if participle_after {
                return false;
            }
            result_word(ctx, h)
                || amount_before
                || does_result(ctx, &s, clause, k)
                || clause.is_none_or(|c| k >= c.verb_group.start)
        }
        // A percentage that describes a noun (`a 20% referral fee`, `an 88% completion rate`)
        // states a result when that noun names one (`91% gross retention`) or a change (`a 20%
        // lift`), a comparison follows (`30% higher`) or its clause says something changed.
        (_, Some(h)) if percent => {
            result_word(ctx, h)
                || ctx.hits.covers(Cue::Change, h)
                || comparative(&s, k + 2)
                || clause.is_some_and(|c| {
                    let words = (c.tokens.start..c.tokens.end).filter_map(|j| s.token(j));
                    let (Some(from), Some(to)) = (words.clone().min(), words.max()) else {
                        return false;
                    };
                    ctx.hits
                        .in_range(Cue::Change, from..to + 1)
                        .iter()
                        .any(|r| !r.contains(&i) && !r.contains(&h))
                })
        }
        // A bare amount, a multiplier, money: `grew 35%`, `$2M in pipeline`.
        _ => {
            // `a referral fee of 8%`: an amount after `of` is the value of the noun before it;
            // compared with another (`a capture rate of 71% against 44% before`), it is a change.
            let before = lower(&s, k.wrapping_sub(1));
            let of_value = before == "of"
                && !compared(&s, k)
                && s.token(k.wrapping_sub(2))
                    .is_some_and(|w| !result_word(ctx, w) && !ctx.hits.covers(Cue::Change, w));
            // `The completion rate of the course is 88%`, `the goal was $5M`: an amount that is
            // the predicate of *be* measures the subject, a result only when the subject names
            // one (`our win rate is 35%`) or the amount compares (`is 30% higher`).
            let level_of_other = clause.is_some_and(|c| {
                let named = (c.tokens.start..c.verb_group.start)
                    .filter(|&j| s.pos(j) != UPOS::PRON)
                    .filter_map(|j| s.token(j))
                    .collect::<Vec<_>>();
                // The amount itself is the predicate (`is now about 88%`).
                let predicate = k >= c.verb_group.end
                    && (c.verb_group.end..k).all(|j| {
                        matches!(s.pos(j), UPOS::ADV | UPOS::DET | UPOS::PART | UPOS::SYM)
                            || matches!(lower(&s, j).as_str(), "about" | "around" | "over")
                    });
                c.copula
                    && predicate
                    && head.is_none_or(|h| !result_word(ctx, h))
                    && !named.is_empty()
                    && !named.iter().any(|&w| {
                        result_word(ctx, w)
                            || ctx.hits.covers(Cue::Change, w)
                            || ctx.hits.covers(Cue::OutcomeCue, w)
                    })
                    && !(k + 1..k + 4).any(|j| comparative(&s, j))
            });
            // `a $4B integrator`, `a $150k MDF budget`: an amount before a noun gives that
            // noun's size, price or budget; it measures a result only when the noun names one
            // (`a $2M pipeline`, `$900k ARR`) or a change (`a $3M uplift`), as a count does.
            // Not a multiple, which compares with the noun after it (`1.6x plan`).
            let multiple = s.text(k).ends_with(['x', 'X', '×'])
                || matches!(lower(&s, k + 1).as_str(), "x" | "×");
            let size_of_other = !multiple
                && head.is_some_and(|h| !result_word(ctx, h) && !ctx.hits.covers(Cue::Change, h))
                && m.head.is_some_and(|h| h > k && s.pos(k + 1) != UPOS::ADP);
            !of_value && !level_of_other && !size_of_other
        }
    }
}

/// Whether percentage `q` is a rate of participation: the share of a group of people who did
/// something, as the subject of a clause whose verb is an action and whose object no result
/// (`92% of partner reps completed the course`, `88% of them finished certification`), not a
/// share of a result (`30% of revenue`), a share whose doers produced one (`61% of MSSPs closed
/// a deal`, `84% renewed`), a state (`60% of partners are active`) or a requirement (`80% of
/// reps must certify`). Gives the draft's words from the share to the end of what they did.
/// Kept with its sentence, past a cheap test.
pub(crate) fn participation_rate(ctx: &Ctx<'_>, q: &Quantity) -> Option<std::ops::Range<usize>> {
    let i = q.tokens.start;
    let t = ctx.tokens;
    // Cheap test first: a number written in digits, then `%` or `percent`, then `of`, in its
    // sentence (read in the prose mask, as the sentence is).
    let end = t.tokens[i].end();
    let words = t.sentences[t.tokens[i].sentence()].tokens.clone();
    let word = |j: usize| if j < words.end { t.lower(j) } else { "" };
    let percent = t.lower(i).starts_with(|c: char| c.is_ascii_digit())
        && ((ctx.draft.mask[end..].starts_with('%') && word(i + 1) == "of")
            || (word(i + 1) == "percent" && word(i + 2) == "of"));
    if q.kind != NumberKind::Metric || !percent {
        return None;
    }
    kept_words(ctx, q, |n| &n.rate, || rate_here(ctx, q))
}

/// Words of the draft that a reading of number `q` gives, kept in `cell` of the number's
/// sentence by their index in it (the same sentence may stand elsewhere, or move).
fn kept_words(
    ctx: &Ctx<'_>,
    q: &Quantity,
    cell: impl Fn(&crate::syntax::NumberCell) -> &std::sync::OnceLock<Option<(usize, usize)>>,
    read: impl Fn() -> Option<std::ops::Range<usize>>,
) -> Option<std::ops::Range<usize>> {
    let t = ctx.tokens;
    let base = t.sentences[t.tokens[q.tokens.start].sentence()]
        .tokens
        .start;
    let kept = ctx.kept_number(q, cell, || read().map(|r| (r.start - base, r.end - base)));
    kept.map(|(from, to)| from + base..to + base)
}

/// [`participation_rate`] past its cheap test, read afresh.
fn rate_here(ctx: &Ctx<'_>, q: &Quantity) -> Option<std::ops::Range<usize>> {
    let i = q.tokens.start;
    let (s, k) = ctx.syntax_at(i)?;
    let of = (k + 1..k + 3).find(|&j| lower(&s, j) == "of")?;
    if !matches!(s.text(k + 1), "%") && lower(&s, k + 1) != "percent" {
        return None;
    }
    let head = s.measure(k)?.head?;
    let c = s.clause_of(k)?;
    // The share is the clause's subject, its verb an action of the group's, right after it (not
    // a participle after a comma: `2% of purchases, approved by finance`), no preposition governs
    // it, and the verb is finite: not a bare `-ing` form (`below 80% of plan two seasons
    // running`).
    let bare_participle = c.verb_group.len() == 1 && lower(&s, c.verb).ends_with("ing");
    let subject = k < c.verb_group.start
        && of < head
        && head < c.verb_group.start
        && (head + 1..c.verb_group.start).all(|j| s.pos(j) != UPOS::PUNCT)
        && (k == 0 || s.pos(k - 1) != UPOS::ADP)
        && !bare_participle;
    if !subject || c.copula || stative(&lower(&s, c.verb)) || obligation(&s, c) {
        return None;
    }
    let amount_before = matches!(lower(&s, of + 1).as_str(), "it" | "that" | "this");
    let verb = s.token(c.verb)?;
    let head_word = s.token(head)?;
    if amount_before
        || result_word(ctx, head_word)
        || ctx.hits.covers(Cue::Change, verb)
        || does_result(ctx, &s, Some(c), k)
    {
        return None;
    }
    let end = c.object.as_ref().map_or(c.verb, |p| p.tokens.end - 1);
    Some(i..s.token(end)? + 1)
}

/// Whether count or change `q` grows how many there are of an activity, the changed thing
/// named before it rather than counted after it (`grew our partner count from 14 to 90`,
/// `doubled the number of co-marketing campaigns`, `the number of partner trainings increased by
/// 150%`, `partner meetings per month went up 40%`): effort grown, not a result. Gives the
/// draft's words from the changed thing to the end of the change.
/// Kept with its sentence, past a cheap test.
pub(crate) fn activity_change(ctx: &Ctx<'_>, q: &Quantity) -> Option<std::ops::Range<usize>> {
    let i = q.tokens.start;
    // Cheap test first, before tagging: after `from`, `by` or `up`, or a one-word change.
    let opens = i > 0 && matches!(ctx.tokens.lower(i - 1), "from" | "by" | "up");
    let one_word = q.kind == NumberKind::Metric && q.tokens.len() == 1;
    if !opens && !one_word {
        return None;
    }
    kept_words(ctx, q, |n| &n.change, || change_here(ctx, q))
}

/// [`activity_change`] past its cheap test, read afresh.
fn change_here(ctx: &Ctx<'_>, q: &Quantity) -> Option<std::ops::Range<usize>> {
    let i = q.tokens.start;
    let (s, k) = ctx.syntax_at(i)?;
    let c = s.clause_of(k)?;
    let measure = s.measure(k);
    // The verb that governs the change, as the number's phrase reads it.
    let v = measure.as_ref().and_then(|m| m.verb).unwrap_or(c.verb);
    // The change and its last word: `from 14 to 90` (growing; a noun after the numbers names
    // what is counted, which other readings take), a share after `by` or `up`, or a verb of
    // change that multiplies (`doubled`, `quadruple`).
    // The tagger may read the bare infinitive after `help` as a noun or an adjective (`Helped
    // the partner team quadruple the number of joint events`): before a determiner it is the
    // verb.
    let multiplies = q.kind == NumberKind::Metric
        && q.tokens.len() == 1
        && (s.pos(k) == UPOS::VERB
            || (matches!(s.pos(k), UPOS::NOUN | UPOS::ADJ)
                && matches!(lower(&s, k + 1).as_str(), "the" | "our" | "their" | "its")));
    let last = if measure.as_ref().is_some_and(|m| m.from_to.is_some()) {
        let to = growing_pair(&s, k)?;
        if s.measure(to).is_some_and(|m| m.head.is_some()) {
            return None;
        }
        to
    } else if q.kind == NumberKind::Metric && lower(&s, k).starts_with(|c: char| c.is_ascii_digit())
    {
        let percent = s.text(k + 1) == "%" || lower(&s, k + 1) == "percent";
        let after = k > 0 && matches!(lower(&s, k - 1).as_str(), "by" | "up");
        if !percent || !after {
            return None;
        }
        k
    } else if multiplies {
        k
    } else {
        return None;
    };
    // What changed, the words of a noun phrase: after a multiplying verb (`doubled the number of
    // co-marketing campaigns`); else right before the change (`grown our partner count from 14 to
    // 90`), or before its verb (`the number of partner trainings increased by 150%`, `partner
    // meetings per month went up 40%`). Read from the tags word by word: the chunker splits such
    // phrases at `of`, `per` and hyphens, and the tagger takes `count` for a verb.
    let nominal = |j: usize| {
        matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN | UPOS::ADJ | UPOS::DET)
            || matches!(
                lower(&s, j).as_str(),
                "of" | "per" | "-" | "count" | "number" | "our" | "my" | "their"
            )
    };
    let before = |end: usize| {
        let mut start = end;
        while start > 0 && nominal(start - 1) {
            start -= 1;
        }
        start..end
    };
    let words = if multiplies {
        let mut end = k + 1;
        while end < s.words().len() && nominal(end) {
            end += 1;
        }
        k + 1..end
    } else {
        // Before `from`, `by` or `up`.
        let run = before(k.saturating_sub(1));
        if run.is_empty() { before(v) } else { run }
    };
    if words.is_empty() {
        return None;
    }
    let word = |j: usize| s.token(j);
    let counted = words
        .clone()
        .any(|j| matches!(lower(&s, j).as_str(), "number" | "count" | "per"))
        || word(words.end - 1).is_some_and(|w| ctx.hits.covers(Cue::Activity, w));
    let activity = words.clone().any(|j| {
        word(j).is_some_and(|w| ctx.hits.covers(Cue::Activity, w))
            || matches!(
                lower(&s, j).as_str(),
                "partner" | "partners" | "campaigns" | "events"
            )
    });
    let result = words
        .clone()
        .any(|j| word(j).is_some_and(|w| result_word(ctx, w)));
    if !counted || !activity || result {
        return None;
    }
    // From the multiplying word itself, not a verb before it (`Helped the team quadruple …`).
    let start = if multiplies {
        k
    } else if v < words.start {
        v
    } else {
        words.start
    };
    let last = last.max(words.end - 1);
    let first = (start..=last).find_map(word)?;
    let end = (start..=last).rev().find_map(word)?;
    Some(first..end + 1)
}

/// The second number of a `from … to …` change that number `k` opens and that grows the count
/// (not a cut, `from 40 to 12 agencies`; whole numbers, not a ratio, `from 1.4 to 2.6 times`).
pub(crate) fn growing_pair(s: &SentenceSyntax<'_>, k: usize) -> Option<usize> {
    let (from, to) = s.measure(k)?.from_to?;
    let value = |j: usize| s.text(j).replace(',', "").parse::<u64>().ok();
    (from == k && value(from).zip(value(to)).is_some_and(|(a, b)| b > a)).then_some(to)
}

/// How many tokens from a number [`at_joining`] looks for `when I joined`.
const WITHIN: usize = 24;

/// Whether the number at token `k` gives where things stood when the writer arrived: its
/// sentence has a clause `when I joined` (or started, arrived) and the number is no change
/// (`When I joined (Series A, roughly $3M ARR, 40 people)`, `we were at about $30M ARR when I
/// joined`): the starting point, context, not a result.
fn at_joining(s: &SentenceSyntax<'_>, k: usize) -> bool {
    // Read from the words: the tagger takes `when` for an adverb as often as a subordinator.
    // Within a few words of the number, so a sentence of many numbers is read in linear time.
    let window = k.saturating_sub(WITHIN)..(k + WITHIN).min(s.words().len());
    let Some(when) = window.into_iter().find(|&j| {
        lower(s, j) == "when"
            && writer(&lower(s, j + 1))
            && matches!(lower(s, j + 2).as_str(), "joined" | "started" | "arrived")
    }) else {
        return false;
    };
    // The number is in that clause, or set off right after it with no verb between (`When I
    // joined (Series A, roughly $3M ARR)`): not in a later clause (`…, and two years later we
    // had grown it 40%`).
    let same_clause = s.clause_of(k).is_some_and(|c| c.tokens.contains(&when));
    let set_off =
        k > when + 2 && (when + 3..k).all(|j| !matches!(s.pos(j), UPOS::VERB | UPOS::AUX));
    (same_clause || set_off) && s.measure(k).is_none_or(|m| m.from_to.is_none())
}

/// Whether a clause states no fact but a condition (`if the margin is 8%`, `unless it returns
/// three times its cost`), a prediction or plan (`I will talk to three customers`) or a wish or
/// hypothesis (`I would rather have ten partners`, `it might save 20%`): its verb group holds a
/// modal of the future or of possibility, or a conditional subordinator opens it.
/// With `plans_count` (a scenario answer), a prediction or plan states a target and only a
/// condition counts as stating no fact.
fn irrealis(s: &SentenceSyntax<'_>, clause: &Clause, plans_count: bool) -> bool {
    let conditional = clause.subordinate
        && (clause.tokens.start..clause.verb_group.start)
            .any(|j| s.pos(j) == UPOS::SCONJ && matches!(lower(s, j).as_str(), "if" | "unless"));
    // The group, and a subject contracted with its auxiliary right before it (`I'll`, `we'd`).
    let from = clause
        .verb_group
        .start
        .saturating_sub(2)
        .max(clause.tokens.start);
    let modal = (from..clause.verb_group.end).any(|j| {
        let word = lower(s, j);
        let in_group = j >= clause.verb_group.start;
        // `may` written small: `May` is the month (`in May we grew`).
        (in_group
            && (matches!(
                word.as_str(),
                "will" | "would" | "shall" | "might" | "won't" | "wouldn't"
            ) || s.text(j) == "may"))
            || word.ends_with("'ll")
            // `'d` is *would* before `rather` or a bare auxiliary (`we'd have`, `I'd be`), *had*
            // before a participle (`we'd closed`).
            || (word.ends_with("'d")
                && matches!(lower(s, j + 1).as_str(), "rather" | "have" | "be"))
    });
    conditional || (modal && !plans_count)
}

/// Whether the words after `as` at token `k` name a role (`as a director`, `as lead
/// applicant`): a determiner or noun, or adjectives before a noun, not a degree (`as fast`,
/// `as many deals`).
fn role_after_as(s: &SentenceSyntax<'_>, k: usize) -> bool {
    let mut j = k + 1;
    // A verb cannot follow the `as` of a degree: `as lead applicant` is a noun the tagger
    // misread.
    if s.pos(j) == UPOS::VERB && matches!(s.pos(j + 1), UPOS::NOUN | UPOS::PROPN) {
        return true;
    }
    if matches!(s.pos(j), UPOS::DET | UPOS::NOUN | UPOS::PROPN) {
        return !matches!(lower(s, j).as_str(), "much" | "many" | "few" | "little");
    }
    while s.pos(j) == UPOS::ADJ
        && !matches!(lower(s, j).as_str(), "much" | "many" | "few" | "little")
    {
        j += 1;
    }
    j > k + 1 && matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN)
}

/// The noun modified by a compound the number at token `k` opens with a hyphen (`20-minute
/// module`, `1,200-person integrator`): the last noun of the run after the unit.
fn compound_modifier(s: &SentenceSyntax<'_>, k: usize) -> Option<usize> {
    if !matches!(s.text(k + 1), "-" | "‐" | "–") || s.words().get(k + 2)?.word.is_none() {
        return None;
    }
    let unit = lower(s, k + 2);
    if !unit.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let mut j = k + 3;
    let mut noun = None;
    // Past adjectives, nouns and quotation marks (`20-minute “first call” module`).
    let quote = |j: usize| matches!(s.text(j), "\"" | "“" | "”" | "'" | "‘" | "’");
    while j < s.words().len()
        && (matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN | UPOS::ADJ) || quote(j))
    {
        if matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN) {
            noun = Some(j);
        }
        j += 1;
    }
    noun
}

/// Whether the number at token `k`, which counts something, is the subject of a clause whose
/// verb is one of change or result (`60% of the resellers grew their book`) or whose object names
/// a result (`15 of 22 partners closed at least one deal`, `61% of MSSPs had closed a deal`). Not
/// `92% of reps completed the course`.
fn does_result(ctx: &Ctx<'_>, s: &SentenceSyntax<'_>, clause: Option<&Clause>, k: usize) -> bool {
    let Some(c) = clause else {
        return false;
    };
    if k >= c.verb_group.start || c.copula {
        return false;
    }
    // A verb of change or result (`60% of the resellers grew their book`, `84% renewed`).
    if s.token(c.verb)
        .is_some_and(|v| ctx.hits.covers(Cue::Change, v) || ctx.hits.covers(Cue::Outcome, v))
    {
        return true;
    }
    // The head of the first noun phrase after the verb, past a preposition, determiners and
    // quantity words (`at least one deal`).
    let mut j = c.verb_group.end;
    while j < c.tokens.end
        && matches!(
            s.pos(j),
            UPOS::ADV | UPOS::ADP | UPOS::DET | UPOS::ADJ | UPOS::NUM | UPOS::PART
        )
    {
        j += 1;
    }
    let mut head = None;
    while j < c.tokens.end && matches!(s.pos(j), UPOS::NOUN | UPOS::PROPN) {
        head = Some(j);
        j += 1;
    }
    head.and_then(|h| s.token(h))
        .is_some_and(|w| result_word(ctx, w))
}

/// Whether the verb of multiplication at token `k` (`doubled`, `tripled`, `halved`) changes
/// something that is no result: the object it takes (`doubled the number of joint webinars`,
/// through a noun of quantity and `of`), else, with no object, its subject (`partner activity
/// doubled`). The multiplier measures what it multiplies, as a count measures what it counts; a
/// result (`doubled pipeline`), a change, a pronoun or no noun at all keeps it a result.
fn multiplies_no_result(ctx: &Ctx<'_>, s: &SentenceSyntax<'_>, k: usize) -> bool {
    let Some(c) = s.clause_of(k) else {
        return false;
    };
    if c.verb != k {
        return false;
    }
    let Some(mut p) = c
        .object
        .clone()
        .filter(|p| p.tokens.start > k)
        .or_else(|| c.subject.clone().filter(|p| p.tokens.end <= k))
    else {
        return false;
    };
    // `the number of webinars`, `the volume of leads`: the quantity of what follows `of`.
    if matches!(
        lower(s, p.head).as_str(),
        "number" | "amount" | "count" | "volume" | "size"
    ) && lower(s, p.head + 1) == "of"
        && let Some(of) = s.phrase_at(p.head + 2)
    {
        p = of;
    }
    matches!(s.pos(p.head), UPOS::NOUN | UPOS::PROPN)
        && s.token(p.head)
            .is_some_and(|w| !result_word(ctx, w) && !ctx.hits.covers(Cue::Change, w))
}

/// Whether the count at draft word `i` opens a ratio (`five of six new partners`, `15 of 22
/// resellers`) that is the subject of a clause whose object is a result (`five of six new
/// partners closed a first deal`): a rate of success.
fn ratio_result(ctx: &Ctx<'_>, i: usize) -> bool {
    // Cheap test first: `of` and a number right after it, in the same sentence.
    let t = ctx.tokens;
    let ratio = i + 2 < t.sentences[t.tokens[i].sentence()].tokens.end
        && t.lower(i + 1) == "of"
        && (t.lower(i + 2).starts_with(|c: char| c.is_ascii_digit())
            || ctx.hits.covers(Cue::NumberWord, i + 2));
    if !ratio {
        return false;
    }
    let Some((s, k)) = ctx.syntax_at(i) else {
        return false;
    };
    does_result(ctx, &s, s.clause_of(k), k)
}

/// Whether the span of time at token `k` is the period something happened in: after a
/// preposition of time (`in 12 months`, `within 90 days`, `after the next two quarters`).
fn period(s: &SentenceSyntax<'_>, k: usize) -> bool {
    let mut j = k;
    while j > 0 && matches!(s.pos(j - 1), UPOS::DET | UPOS::ADJ | UPOS::ADV) {
        j -= 1;
    }
    j > 0
        && matches!(
            lower(s, j - 1).as_str(),
            "in" | "within"
                | "over"
                | "after"
                | "for"
                | "during"
                | "across"
                | "throughout"
                | "inside"
                | "per"
                | "every"
                | "each"
        )
}

/// Whether a comparison follows the number at token `k` within a few words: `52 days versus
/// 95`, `3 days instead of 11`, `41% against 24%`.
fn compared(s: &SentenceSyntax<'_>, k: usize) -> bool {
    (k + 1..k + 4).any(|j| {
        matches!(
            lower(s, j).as_str(),
            "versus" | "vs" | "instead" | "against" | "compared"
        )
    })
}

/// Whether token `k` compares (`more`, `fewer`, `higher`, `faster`): a percentage before it
/// states a difference (`a 30% higher contract value`).
fn comparative(s: &SentenceSyntax<'_>, k: usize) -> bool {
    let word = lower(s, k);
    matches!(word.as_str(), "more" | "less" | "fewer")
        || (matches!(s.pos(k), UPOS::ADJ | UPOS::ADV) && word.ends_with("er") && word != "other")
}

/// Whether the duration at draft word `i` is one end of a change that its sentence states
/// (`dropped from 3 weeks to 4 days`).
fn duration_change(ctx: &Ctx<'_>, i: usize) -> bool {
    // Cheap test first: a `from` or `to` right before it (past a word of approximation: `from
    // about seven months`), in the same sentence.
    let t = ctx.tokens;
    let start = t.sentences[t.tokens[i].sentence()].tokens.start;
    let mut j = i;
    while j > start + 1 && crate::syntax::approximation(t.lower(j - 1)) {
        j -= 1;
    }
    if j <= start || !matches!(ctx.tokens.lower(j - 1), "from" | "to") {
        return false;
    }
    // Written in digits or in words (`from eleven weeks to four`).
    if !ctx
        .tokens
        .lower(i)
        .starts_with(|c: char| c.is_ascii_digit())
        && !ctx.hits.covers(Cue::NumberWord, i)
    {
        return false;
    }
    let Some((s, k)) = ctx.syntax_at(i) else {
        return false;
    };
    let changes = s.measure(k).is_some_and(|m| m.from_to.is_some());
    let sentence = ctx.tokens.tokens[i].sentence();
    let range = ctx.tokens.sentences[sentence].tokens.clone();
    changes
        && ctx
            .hits
            .in_range(Cue::Change, range)
            .iter()
            .any(|r| !(r.len() == 1 && matches!(ctx.tokens.lower(r.start), "from" | "to")))
}

/// Whether the words after draft word `word`'s clause take up the set it counts again: a following
/// clause, or any clause of the next sentence or the one after, opens with a bare number or
/// quantifier (`Only four had registered`, `11 had never sent a lead`, `every one stalled`, `Of
/// those, ...`, `In 11 of those visits`, `By month twelve, four of them ...`), or a later bare
/// number with no noun of its own, smaller than the count, names a part of the same set (`I ran 19
/// prospects through it. Signed 3.`, `we received 12 proposals and had budget for three`, `found 14
/// agencies … and chose the six in those two states`), so the count sets up what follows.
pub(crate) fn taken_up(ctx: &Ctx<'_>, word: usize) -> bool {
    let Some((s, k)) = ctx.syntax_at(word) else {
        return false;
    };
    let clauses = s.clauses();
    let here = clauses.iter().position(|c| c.tokens.contains(&k));
    if let Some(here) = here
        && clauses[here + 1..].iter().any(|c| {
            opens_with_quantifier(&s, c.tokens.start, c.verb_group.start) && !absolute(&s, c)
        })
    {
        return true;
    }
    let whole = count_value(ctx.tokens.lower(word));
    if (k + 1..s.words().len()).any(|j| part_of(ctx, &s, j, whole)) {
        return true;
    }
    let sentence = ctx.tokens.tokens[word].sentence();
    let Some(next) = ctx.syntax(sentence + 1) else {
        return false;
    };
    let opens = |s: &SentenceSyntax<'_>| {
        s.clauses()
            .iter()
            .any(|c| opens_with_quantifier(s, c.tokens.start, c.verb_group.start))
    };
    // A short remark may stand between (`It looked great. Then I checked: 38 of them ...`):
    // then the opening clause of the sentence after it.
    let remark = next.words().iter().filter(|w| w.word.is_some()).count() <= 5;
    opens(&next)
        || (0..next.words().len()).any(|j| part_of(ctx, &next, j, whole))
        || (remark
            && ctx.syntax(sentence + 2).is_some_and(|after| {
                after
                    .clauses()
                    .iter()
                    .take(2)
                    .any(|c| opens_with_quantifier(&after, c.tokens.start, c.verb_group.start))
            }))
}

/// Whether clause `c` is an absolute phrase: set off by a comma or a dash with no conjunction,
/// a quantifier and a bare participle (`…, each one co-presented with their architects`, `…,
/// all of them logged in the PRM`). It tells how each item was done, and takes up the count to
/// describe it, not to make a point about it (`…, and every one stalled at security review`).
fn absolute(s: &SentenceSyntax<'_>, c: &Clause) -> bool {
    let start = c.tokens.start;
    let set_off = |j: usize| matches!(s.text(j), "," | "—" | "–");
    let after_comma = (start > 0 && set_off(start - 1)) || set_off(start);
    let group = c.verb_group.clone();
    // One word, or a verb behind a hyphenated prefix (`co-presented`).
    let prefixed = group.len() == 3 && s.text(group.start + 1) == "-";
    let participle = (group.len() == 1 || prefixed)
        && s.pos(c.verb) == UPOS::VERB
        && past_participle(&lower(s, c.verb));
    let joined = (start..group.start).any(|j| matches!(s.pos(j), UPOS::CCONJ | UPOS::SCONJ));
    after_comma && participle && !joined
}

/// Whether `lower` has the form of a past participle: `-ed` (not `need`, `feed`), or one of the
/// irregular ones a list of work uses.
pub(crate) fn past_participle(lower: &str) -> bool {
    (lower.len() > 3 && lower.ends_with("ed") && !lower.ends_with("eed"))
        || matches!(
            lower,
            "sent"
                | "held"
                | "run"
                | "built"
                | "met"
                | "done"
                | "made"
                | "taught"
                | "written"
                | "given"
                | "taken"
                | "chosen"
                | "shown"
                | "won"
        )
}

/// The value of a count written in digits or as a small number word.
fn count_value(word: &str) -> Option<u64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return u64::try_from(n + 1).ok();
    }
    word.replace(',', "").parse().ok()
}

/// Whether token `j` is a bare count with no noun of its own (`Signed 3.`, `budget for
/// three`), smaller than `whole`: a part of a set named before it. Not one end of a range or a
/// scale (`from 210 days to 120`, `4.6 out of 5`), a label (`top 3`) or an amount (`65%`).
fn part_of(ctx: &Ctx<'_>, s: &SentenceSyntax<'_>, j: usize, whole: Option<u64>) -> bool {
    if s.pos(j) != UPOS::NUM {
        return false;
    }
    let before = lower(s, j.wrapping_sub(1));
    // After a definite determiner, a number with no noun of its own stands for the set named
    // before, whatever follows it (`found 14 agencies ... and chose the six in those two
    // states`).
    let definite = matches!(before.as_str(), "the" | "those" | "these")
        && !matches!(
            s.pos(j + 1),
            UPOS::NOUN | UPOS::PROPN | UPOS::ADJ | UPOS::NUM
        );
    let bare = matches!(s.text(j + 1), "." | "," | ";" | ":" | ")" | "")
        || s.pos(j + 1) == UPOS::CCONJ
        || definite;
    // Nor a number that names its noun's place rather than counting (`month six`, `phase two`).
    let scale = matches!(
        before.as_str(),
        "to" | "from" | "of" | "by" | "than" | "and" | "or" | "-" | "–"
    ) || (j > 0 && s.pos(j - 1) == UPOS::NOUN);
    let part = match (count_value(&lower(s, j)), whole) {
        (Some(n), Some(w)) => n < w,
        _ => false,
    };
    // The draft's quantities are in token order: a binary search, not a scan per number.
    let count = || {
        s.token(j).is_some_and(|w| {
            let at = ctx.quantities.partition_point(|q| q.tokens.start < w);
            ctx.quantities[at..]
                .iter()
                .take_while(|q| q.tokens.start == w)
                .any(|q| q.kind == NumberKind::Count)
        })
    };
    bare && !scale && part && count()
}

/// Whether tokens `from..verb` (a clause before its verb) are a bare number or quantifier with
/// no noun of its own: `Only four`, `11`, `every one`, `most of them`, `Of those`, or a phrase
/// on part of the set (`In 11, ...`, `In 11 of those visits`).
fn opens_with_quantifier(s: &SentenceSyntax<'_>, from: usize, verb: usize) -> bool {
    let mut k = from;
    // Past openers, not a quantifier the tagger read as an adverb (`Most had never registered`).
    while k < verb
        && (matches!(
            s.pos(k),
            UPOS::PUNCT | UPOS::CCONJ | UPOS::ADV | UPOS::SCONJ
        ) || matches!(lower(s, k).as_str(), "so" | "but" | "and"))
        && !matches!(
            lower(s, k).as_str(),
            "most" | "all" | "none" | "half" | "few"
        )
    {
        k += 1;
    }
    // A preposition before a bare number (`In 11, the seller…`).
    let preposition = k + 1 < verb && s.pos(k) == UPOS::ADP && s.pos(k + 1) == UPOS::NUM;
    if preposition {
        k += 1;
    } else if s.pos(k) == UPOS::ADP
        && let Some(comma) = (k + 1..verb).find(|&j| s.text(j) == ",")
    {
        // Past a phrase that sets the time or place first (`By month twelve, four of them …`).
        k = comma + 1;
        while k < verb
            && matches!(s.pos(k), UPOS::PUNCT | UPOS::ADV)
            && !matches!(
                lower(s, k).as_str(),
                "most" | "all" | "none" | "half" | "few"
            )
        {
            k += 1;
        }
    }
    // A phrase on each member of the set: `in almost every one the homeowner asked …`.
    if k < verb && s.pos(k) == UPOS::ADP {
        let mut m = k + 1;
        while m < verb && s.pos(m) == UPOS::ADV {
            m += 1;
        }
        if matches!(lower(s, m).as_str(), "every" | "each") && lower(s, m + 1) == "one" {
            return true;
        }
    }
    // `not one`: the negation of the quantifier that follows.
    if k + 1 < verb && lower(s, k) == "not" && lower(s, k + 1) == "one" {
        k += 1;
    }
    if k >= verb {
        return false;
    }
    let word = lower(s, k);
    if word == "of" {
        return matches!(lower(s, k + 1).as_str(), "those" | "these" | "them" | "the");
    }
    // A negated one (`not one rep`, `no partner`) says something of every member of the set.
    let negated = word == "no" || (word == "one" && k > from && lower(s, k - 1) == "not");
    let quantifier = negated
        || s.pos(k) == UPOS::NUM
        || matches!(
            word.as_str(),
            "all" | "each" | "every" | "none" | "most" | "many" | "few" | "some" | "half" | "both"
        );
    if !quantifier {
        return false;
    }
    // A part of a set named before: `11 of those visits`.
    if lower(s, k + 1) == "of" && matches!(lower(s, k + 2).as_str(), "those" | "these" | "them") {
        return true;
    }
    // Or named again by its count: `7 of the 16 restaurants bought`.
    if s.pos(k) == UPOS::NUM
        && lower(s, k + 1) == "of"
        && lower(s, k + 2) == "the"
        && s.pos(k + 3) == UPOS::NUM
    {
        return true;
    }
    if preposition {
        return s.text(k + 1) == ",";
    }
    // Nothing but `one`, `of them`, or another number between it and the verb: no noun of its
    // own. A form of *have* or *be* there is the verb's auxiliary the tagger misread (`Only four
    // had ever registered`).
    (k + 1..verb).all(|j| {
        matches!(s.pos(j), UPOS::NUM | UPOS::ADV)
            || (negated && j == k + 1 && s.pos(j) == UPOS::NOUN)
            || stative(&lower(s, j))
            || matches!(
                lower(s, j).as_str(),
                "one" | "of" | "them" | "those" | "these" | "us" | "the"
            )
    })
}
