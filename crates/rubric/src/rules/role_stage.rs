//! `role-stage`: the answer never ties itself to the role or the company's stage.
//!
//! Why interviewers care: what good looks like differs at a seed startup and at an enterprise, and
//! for a first partnerships hire and a head of partnerships; saying where you were shows you know
//! which playbook fits.
//!
//! Fires on: a draft (one with only a heading or front matter too; a blank one has nothing to
//! tell yet) that never says what the speaker's own role was nor the stage of their company. A
//! role counts when the speaker holds it, read from the clause: a title as the predicate of the
//! speaker's `be`, whatever the auxiliaries or mood (`I was the first partnerships hire`, `I'd
//! been partner manager`, `If I were the partner manager`); `as the second commercial hire`
//! attached to `I`; `I was brought in to fix the channel`; `my job was`; a remit held by the
//! speaker (`I ran partnerships for the Nordics`, a resume line's `Inherited 3 SI partners`), and
//! whatever a phrasal verb of taking charge governs (`when I took over this topic`, `I look after
//! the distributor network`), a remit handed to the speaker (`when I was given the alliance`), a
//! plan's role for the speaker (`me owning the alliance end to end`); the speaker's tenure
//! (`eight years at a consultancy`, `after years as an SE`, `four years on the reseller side`,
//! `eight years carrying an enterprise quota`); the speaker's seniority, as their predicate or
//! an adjective set off before their clause (`I was still junior`, `Still fairly junior then, I
//! shadowed the QBRs`); the speaker coming in to do something (`I came in on a contract to
//! rebuild enablement`), as `brought in to`, or coming from a remit or department (`I come from
//! corporate partnerships at a charity`, `I came from a sales background`); naming oneself to
//! a post (`I'd name myself owner on our side`); a quota carried (`I carried a partner-sourced
//! quota`); a note's title with its `my` left out (`Title was Partner Development Manager`), or
//! `the role` a sentence opens on or a plan assumes (`I'm assuming the role is head of
//! alliances`); a bare title heading a resume line (`Head of ecosystem; ...`), or with a time or
//! a place after it and no verb before the next comma (`Interim head of partnerships for five
//! months, while we searched`); a title ranked by a number (`I joined as employee number nine`)
//! and a team of one (`Being a team of one on alliances meant ...`).
//! The present simple of a verb of charge with no auxiliary is a standing remit whatever it
//! governs, when that is a domain and not an instance (`I manage dealers across two states`,
//! `I own enablement`; not `I run a weekly call`, nor the past `I ran a pilot`); inheriting is
//! taking charge (`when I inherited distribution`); a title may open with a word the tagger
//! takes for a verb (`I'm distribution manager`); the speaker named as a role just described
//! counts in a plan (`an owner on each side (me on ours)`, `on ours that would be me`); an
//! ordinal job with an infinitive is a step of a plan, not a role (`my first job would be to
//! slow them down`). A place in the company counts when the speaker is in it: a unit or a post
//! after `in`/`on` (`I sat in the reseller team`, `I sat in revenue operations`, `in the
//! alliance manager seat`; not `sat in on`
//! nor a unit's thing, `in the team's meeting`), a post named by a title (`stepped into the
//! channel director role`), one of a group of titles (`one of two alliance managers`), a
//! reporting line either way (`reporting to the COO`, `two managers reported to me`; not
//! `reported to the board that ...`), charge of anything (`I was in charge of`, `put me in
//! charge of`), a remit handed over (`gave me the distributor program`, `tasked with`), a post
//! taken (`took the job of`), a gerund with the speaker as subject (`Being the only channel
//! manager meant I ...`, `in my third year leading alliances`, `I sat below the CRO, running
//! partner sales`), tenure in a domain (`five years
//! in channel sales`), and an `as` phrase set off before the speaker's clause (`In 2022, as
//! alliance lead for our payroll product, I ...`). A stage counts
//! when it describes the speaker's company: a headcount (`a 600-person company`, `the same
//! 200-person devtools company`, `~150 ppl`, `our company, then about 90 people`), `after our
//! Series B`, `at a seed-stage startup`, `founder-led`, `we had just closed a funding round`, `at
//! a Fortune 500 insurer`; its place in its market (`we were the category leader`, `still
//! pre-product-market fit`) or its revenue as a level (`our ARR was under $5M`, `we had just
//! crossed $10M ARR`, not `we added $2M ARR`) or as the size of the company it names (`at a
//! $120M ARR vendor`, `a $40M revenue logistics business`). A remit that is the speaker's (`the
//! GSI programme was mine`), direct reports (`my two direct reports`), a reporting line `into` someone and time
//! in a post or at the company (`three months into the job`, `I had only been at the company
//! a month`) count too, as do a team of titled people the speaker leads (`I led six partner
//! managers`), a title `as` gives the speaker whoever it serves (`I, as their channel account
//! manager, ...`), a duty the speaker is `responsible` or `accountable` for, a resume line's
//! `Hired as first Channel Lead` and `Owned: partner onboarding, ...`, and the company's means
//! as what `we` had (`we had nine months of runway`, `fewer than twenty paying customers`).
//! A sentence of four words or more that a model learned from labelled passages
//! (`crate::learned`, `models/role-stage.tsv`) reads as stating the speaker's role or stage
//! with probability 0.97 counts too, for a role in words no reading names.
//! One finding, on the title (or line 1), naming the first title or segment the draft does
//! mention when it is someone else's.
//!
//! Does not fire on: a draft with such a phrase. It still fires on someone else's title (`our CRO
//! signed off`, `she was the channel director`, `their alliance lead`), a negated title (`I was
//! not a manager`), a count taken over (`we took over 40 accounts`), a role to be hired (`we
//! should hire a partner manager`), the customer's segment (`mid-market retailers`), or a short
//! line that is a metric or a heading (`Partner NPS`, `Measurement`).
//!
//! Example: "Our CRO signed off." fires; "As a Series B startup we had no channel." does not.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::context::{Ctx, Input};
use crate::learned::Model;
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::syntax::UPOS;
use crate::who::{Read, agent_noun, be, own, plural};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "role-stage",
    default_severity: Severity::Information,
    summary: "The answer never ties itself to the role or the company's stage.",
    scored: true,
    scope: Scope::Draft,
    advice: "Tie the answer to the role you are interviewing for and the company's stage (startup, scale-up, enterprise).",
    citation_keywords: &["company stage", "role", "stage"],
    needs_prose: false,
};

/// Company stage and role phrases, besides the category's `stages` lexicon ([`crate::lexicon::Cue::Stage`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const STAGES: &[&str] = &[
    "startup", "start-up", "early-stage", "early stage", "seed", "series a", "series b", "series c",
    "series d", "scale-up", "scaleup", "growth stage", "growth-stage", "late-stage", "late stage",
    "public company", "ipo", "pre-ipo", "fortune 500", "smb", "mid-market", "midmarket",
    "enterprise", "company stage", "stage", "role", "this position", "product-market fit", "pmf",
    "first partnerships hire", "first hire", "founder", "headcount", "employees", "-person company",
    "person company", "bootstrapped", "venture", "seniority", "head of partnerships",
    "partner manager", "vp of", "director of",
];

/// Words shaped like agent nouns (`-er`, `-ent`, `-ive`) that are no role (`I was a big
/// believer`, `as a reminder`); the other heads of `I was the ...` or `as ...` (`as a result`, `as
/// a team`) fail the agent-noun test already.
const NOT_ROLES: &[&str] = &[
    "believer", "partner", "customer", "buyer", "user", "number", "center", "driver", "factor",
    "event", "component", "content", "percent", "incentive", "matter", "reminder", "tier",
];
/// Title heads that do not look like agent nouns (`lead`, `head`, `hire`).
const TITLES: &[&str] = &[
    "lead", "head", "hire", "chief", "principal", "person", "vp", "svp", "evp", "member",
    "owner", "ic", "generalist", "rep", "associate", "analyst", "intern", "cofounder",
    "co-founder", "architect", "exec", "employee",
];
/// Stems of verbs that put the speaker in a role (`I was hired`, `brought in`).
const HIRED: &[&str] = &["hire", "brought", "recruit", "promot", "appoint", "employ"];
/// Stems of verbs that hand someone a thing (`I was given the alliance`, `handed the channel`):
/// in the passive with the speaker as subject, their object is the speaker's remit.
const HANDED: &[&str] = &["given", "hand", "assign", "entrust"];
/// Stems of verbs that hold a remit (`I run the channel`, `led partnerships`).
const HOLD: &[&str] = &[
    "run", "ran", "lead", "led", "head", "manag", "own", "overse", "oversaw", "took", "take",
    "inherit", "cover", "join", "move", "carri", "coordin",
];
/// Stems of the remits a partnerships person holds.
const REMITS: &[&str] = &[
    "partnership", "allianc", "channel", "program", "programm", "team", "partner", "ecosystem",
    "function", "busi", "sale", "region", "marketplac", "relationship", "portfolio", "territori",
    "resel", "resell", "distributor", "msp", "si", "isv", "var", "agenc", "integr", "quota",
];
/// What the speaker's role may be called after `my`.
const MY_ROLE: &[&str] = &[
    "role", "job", "title", "position", "remit", "mandate", "brief", "responsibility",
    "responsibilities", "scope", "territory", "patch", "portfolio", "seniority", "quota",
    "career", "background", "engagement", "assignment",
];
/// Heads of a place in the company the speaker can be in (`I sat in the channel team`, `I had been
/// in the partner manager seat`): a unit of the organisation or a post.
const UNITS: &[&str] = &[
    "team", "org", "organisation", "organization", "function", "department", "group", "unit",
    "desk", "practice", "seat", "role", "position", "job", "post", "chair",
];
/// What the speaker can take or accept that is a post (`I took the job of building ...`).
const POSTS: &[&str] = &["job", "role", "position", "post", "seat", "offer"];
/// What a company's headcount is counted in.
const PEOPLE: &[&str] = &[
    "people", "person", "persons", "employees", "employee", "ppl", "staff", "ftes", "fte",
    "headcount",
];
/// Words that may stand between a headcount and what introduces it (`of about 300`).
const APPROX: &[&str] = &[
    "~", "about", "around", "roughly", "approximately", "approx", "some", "over", "nearly",
    "almost", "just", "under", "circa", "c", "+", "more", "than", "fewer", "less", "then",
    "now", "still", "only", "barely", "maybe", "perhaps",
];
/// Functions of a company the speaker can work in (`I was in marketing`), besides [`REMITS`].
const DEPARTMENTS: &[&str] = &[
    "marketing", "development", "operations", "finance", "product", "engineering",
    "procurement", "legal",
];
/// Heads that name a company (`a tiny company`, `a young firm`).
const COMPANIES: &[&str] = &[
    "company", "firm", "business", "vendor", "outfit", "shop", "startup", "organisation",
    "organization",
];
/// Sizes and ages a company is described by (`a tiny company`, `a young firm`).
const SIZES: &[&str] = &[
    "small", "tiny", "large", "big", "young", "midsize", "huge",
];
/// First words of a size written in three (`mid-sized`, `medium-sized`).
const SIZE_PREFIXES: &[&str] = &["mid", "medium"];
/// The other parties of a partnerships story: a headcount or stage whose clause is about one of
/// them is theirs (`the partner was a 2,000-person integrator`).
const PARTIES: &[&str] = &[
    "partner", "partners", "customer", "customers", "client", "clients", "reseller",
    "resellers", "integrator", "integrators", "distributor", "distributors", "agency",
    "agencies", "they", "he", "she", "buyer", "buyers", "prospect", "prospects",
];

/// Whether the predicate `phrase` of `I was ...` names a role.
fn role_noun(r: &Read<'_>, head: usize) -> bool {
    role_word(r.lower(head), r.s.text(head))
        // `a team of one`: the whole of a team is its one member's post.
        || (r.lower(head) == "team" && r.lower(head + 1) == "of" && r.lower(head + 2) == "one")
}

/// Whether a word, lower-cased and as written, names a role (see [`role_noun`]).
fn role_word(lower: &str, text: &str) -> bool {
    let acronym = text.len() > 1 && text.chars().all(|c| c.is_uppercase());
    // `-ment` nouns name an act or its result, never a person (`measurement`, `enablement`).
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    let agent = (agent_noun(lower) && !singular.ends_with("ment")) || singular.ends_with("ive");
    (acronym || agent || TITLES.contains(&lower)) && !NOT_ROLES.contains(&lower)
}

/// A role the speaker holds in this sentence: `I was the first partnerships hire`, `as
/// alliance lead`, `I was brought in to fix the channel`, `my job was`, `I run the channel`.
fn own_role(r: &Read<'_>) -> Option<Range<usize>> {
    // Whether the last main clause with a subject was the speaker's.
    let mut speaker_before = false;
    for clause in r.clauses() {
        let subject = clause.subject.as_ref();
        // `I co-founded Crateshare and ran partnerships myself`: a main clause joined by `and`
        // with no subject of its own shares the one before.
        let shares = subject.is_none()
            && !clause.subordinate
            && matches!(r.lower(clause.tokens.start), "and" | "then")
            && speaker_before;
        let speaks = subject.is_some_and(|p| r.is_subject_speaker(p.head)) || shares;
        if let Some(p) = subject.filter(|_| !clause.subordinate) {
            speaker_before = r.is_subject_speaker(p.head);
        }
        // `I was hired`, `I was brought in to`, `they hired me`.
        let passive = speaks && clause.verb_group.clone().any(|k| be(r.lower(k)));
        let me = clause
            .object
            .as_ref()
            .is_some_and(|o| r.is_speaker(o.head));
        // A passive needs a participle: `what I'd do is hire a manager` hires no one.
        let participle = r.lower(clause.verb).ends_with("ed") || r.lower(clause.verb) == "brought";
        if ((passive && participle) || me) && HIRED.contains(&r.stem(clause.verb)) {
            return Some(clause.tokens.start..clause.verb + 1);
        }
        // `I was the first partnerships hire`, `I'd been partner manager`, `If I were the
        // partner manager`: the speaker's predicate is a title.
        if speaks && clause.copula && !clause.negated {
            if let Some(p) = clause.object.as_ref().filter(|p| p.head > clause.verb) {
                let head = r.lower(p.head);
                let acronym = r.s.text(p.head).chars().all(|c| c.is_uppercase());
                // `what I'd do is hire a manager`: a head before a determiner is a verb.
                let verb = matches!(r.lower(p.head + 1), "a" | "an" | "the" | "our" | "their" | "my");
                if (!plural(head) || acronym) && role_noun(r, p.head) && !verb {
                    return Some(clause.tokens.start..p.tokens.end);
                }
                // `I was one of three partner managers`: one of a group of titles.
                if head == "one" && r.lower(p.tokens.end) == "of" {
                    if let Some((range, title)) = role_phrase(r, p.tokens.end + 1) {
                        if role_noun(r, title) {
                            return Some(clause.tokens.start..range.end);
                        }
                    }
                }
            }
        }
        // `I was responsible for the channel in Iberia`, `accountable for renewals`.
        if speaks && clause.copula && !clause.negated {
            let duty = |k: usize| {
                matches!(r.lower(k), "responsible" | "accountable")
                    && matches!(r.lower(k + 1), "for" | "of")
            };
            if let Some(k) = (clause.verb + 1..r.len().min(clause.verb + 10))
                .find(|&k| duty(k))
                .filter(|&k| !denies(r, clause.tokens.start..k))
            {
                return Some(clause.tokens.start..k + 2);
            }
        }
        // `I was in charge of partnerships`, `the CEO put me in charge of the channel`: charge
        // of anything is a remit.
        if (speaks || me) && !clause.negated {
            if let Some(k) = (clause.verb + 1..clause.tokens.end.min(clause.verb + 6))
                .find(|&k| r.lower(k) == "in" && r.lower(k + 1) == "charge" && r.lower(k + 2) == "of")
            {
                return Some(clause.tokens.start..k + 3);
            }
        }
        // `I joined to commercialise the tech`: what the speaker was hired to do.
        if speaks && r.stem(clause.verb) == "join" && clause.infinitive.is_some() {
            return Some(clause.tokens.start..clause.verb + 1);
        }
        // `I was tasked with building a partner program`, `charged with`: a remit handed over.
        if passive && matches!(r.stem(clause.verb), "task" | "charg") && r.lower(clause.verb + 1) == "with" {
            return Some(clause.tokens.start..clause.verb + 2);
        }
        // `I was asked to build our first vendor alliances`: a remit handed over as a task.
        if passive && matches!(r.stem(clause.verb), "ask" | "task" | "charg") {
            let object = clause.object.as_ref();
            if let Some(p) = object.filter(|p| clause.infinitive.is_some_and(|v| p.head > v)) {
                if REMITS.contains(&r.stem(p.head)) && !r.owned_by_others(p) {
                    return Some(clause.tokens.start..p.tokens.end);
                }
            }
        }
        // `I stepped into the channel director role`: a post named by a title, the speaker's.
        if speaks && !clause.negated {
            for j in clause.verb + 1..clause.tokens.end {
                let Some(p) = r.phrase_at(j).filter(|p| p.head == j) else {
                    continue;
                };
                let theirs = r.owned_by_others(&p);
                let titled = p.tokens.clone().any(|t| t < p.head && role_noun(r, t));
                if POSTS.contains(&r.lower(j)) && titled && !theirs {
                    return Some(clause.tokens.start..p.tokens.end);
                }
            }
        }
        // `I sat in the channel team`, `I had been in the partner manager seat`: the speaker
        // placed in a unit of the company or a post.
        if speaks && !clause.negated {
            if let Some(end) = member_of(r, clause) {
                return Some(clause.tokens.start..end);
            }
        }
        // `I was given the alliance`: handed a remit.
        if passive && HANDED.contains(&r.stem(clause.verb)) {
            if let Some(p) = clause.object.as_ref().filter(|p| p.head > clause.verb) {
                if REMITS.contains(&r.stem(p.head)) && r.possessor(p).is_empty() {
                    return Some(clause.tokens.start..p.tokens.end);
                }
            }
        }
        // `I run the channel`, `I used to run an MSP`, `Inherited 3 SI partners` (a resume
        // line's implied I).
        let implied = subject.is_none() && Some(clause.verb_group.start) == r.first_word();
        // `Hired as first Channel Lead (EMEA)`: a resume line's implied I, hired.
        let hired_as = HIRED.contains(&r.stem(clause.verb))
            && r.lower(clause.verb).ends_with("ed")
            && r.lower(clause.verb + 1) == "as";
        if implied && hired_as {
            return Some(clause.tokens.start..clause.verb + 2);
        }
        let verb = [Some(clause.verb), clause.infinitive]
            .into_iter()
            .flatten()
            .find(|&v| HOLD.contains(&r.stem(v)) || takes_charge(r, v));
        // `I manage dealers across two states`, `I run co-marketing`: the present simple of a
        // verb of charge, with no auxiliary, says what the speaker does standing, so whatever
        // it governs is their remit; in the past (`I ran a pilot`) it may be one event.
        let standing = speaks && clause.verb_group.len() == 1 && standing_charge(r, clause.verb);
        if let Some(verb) = verb.filter(|_| speaks || implied) {
            // The remit is the verb's first noun phrase (`took over alliances`); a move names
            // where to (`moved into the partner team`). A verb of taking charge (`took over`,
            // `look after`) makes whatever it governs a remit (`took over this topic`).
            let moves = matches!(r.stem(verb), "join" | "move");
            let charge = takes_charge(r, verb);
            let mut j = verb + 1;
            // `Owned: partner onboarding, the MDF budget`: a resume line's label.
            if implied && r.lower(j) == ":" {
                j += 1;
            }
            while j < r.len() && j <= verb + 8 {
                // `the super-agent network`: a hyphen joining two words is inside the remit.
                if matches!(r.pos(j), UPOS::PUNCT | UPOS::VERB | UPOS::AUX) && !r.s.joins_words(j) {
                    break;
                }
                if let Some(p) = r.phrase_at(j).filter(|_| matches!(r.pos(j), UPOS::NOUN | UPOS::PROPN)) {
                    let theirs = r.owned_by_others(&p);
                    let counted = p.tokens.clone().any(|t| r.pos(t) == UPOS::NUM);
                    // A remit is a domain (`co-marketing`, `dealers and agents`, `the
                    // channel`), not an instance (`a weekly call`).
                    let instance = p.tokens.clone().any(|t| matches!(r.lower(t), "a" | "an"));
                    let any = charge || (standing && verb == clause.verb && !instance);
                    if (REMITS.contains(&r.stem(p.head)) || (any && !counted)) && !theirs {
                        return Some(clause.tokens.start..p.tokens.end);
                    }
                    // `I led six partner managers`: people holding a title are the speaker's team.
                    let leads = matches!(
                        r.stem(verb),
                        "lead" | "led" | "manag" | "head" | "run" | "ran" | "overse" | "oversaw"
                    );
                    let team = plural(r.lower(p.head)) && role_noun(r, p.head);
                    if leads && speaks && team && !theirs {
                        return Some(clause.tokens.start..p.tokens.end);
                    }
                    if !moves {
                        break;
                    }
                    j = p.tokens.end.max(j + 1);
                    continue;
                }
                j += 1;
            }
        }
    }
    for k in 0..r.len() {
        // `During my rotation in the alliances team`: the speaker's time placed in a unit of
        // the company (read before the match, whose other arms read `my` too).
        if r.lower(k) == "my" {
            if let Some(end) = my_time_in(r, k) {
                return Some(k..end);
            }
        }
        match r.lower(k) {
            // `I'm the TPM`, `I was VP of Partnerships`: read past the tagger, which takes a
            // title for a verb now and then.
            // Not in a reduced relative (`the partnership I am proudest of`).
            "i" | "i'm" | "i've" | "i'd"
                if k == 0 || !matches!(r.pos(k - 1), UPOS::NOUN | UPOS::PROPN) =>
            {
                // `I'd own it myself until there's a proper owner`: the speaker owning the
                // matter at hand (the tagger reads `own` after a modal as an adjective).
                let modal = match (r.lower(k), r.lower(k + 1)) {
                    ("i'd", _) => Some(k + 1),
                    ("i", "would" | "will") => Some(k + 2),
                    _ => None,
                };
                if let Some(m) = modal
                    .filter(|&m| r.lower(m) == "own" && matches!(r.lower(m + 1), "it" | "this"))
                {
                    return Some(k..m + 2);
                }
                // `I am`, `I was`, `I've been`, `I have been`, `I'd be`.
                let mut j = k + 1;
                match (r.lower(k), r.lower(j), r.lower(j + 1)) {
                    ("i'm", _, _) => {}
                    ("i", "am" | "was" | "were", _)
                    | ("i've", "been", _)
                    | ("i'd", "be" | "been", _) => j += 1,
                    ("i", "have" | "had", "been") => j += 2,
                    _ => continue,
                }
                while r.pos(j) == UPOS::ADV && !matches!(r.lower(j), "the" | "a" | "an") {
                    j += 1;
                }
                if matches!(r.lower(j), "responsible" | "accountable") {
                    return Some(k..j + 1);
                }
                if let Some((range, head)) = role_phrase(r, j) {
                    if role_noun(r, head) {
                        return Some(k..range.end);
                    }
                }
            }
            // `as the second commercial hire`, `In my job as reseller manager`.
            "as" => {
                if let Some(end) = as_role(r, k) {
                    return Some(k..end);
                }
            }
            // `Being the partnerships lead meant I ...`: a gerund of `be` opening a sentence
            // about the speaker has the speaker for its subject.
            "being"
                if about_speaker(r)
                    && (k == 0 || !matches!(r.pos(k - 1), UPOS::NOUN | UPOS::PROPN | UPOS::PRON)) =>
            {
                if let Some((range, head)) = role_phrase(r, k + 1) {
                    if role_noun(r, head) && !plural(r.lower(head)) {
                        return Some(k..range.end);
                    }
                }
            }
            // `reporting to the CRO`, `two AEs reported to me`: a reporting line places the
            // speaker in the company.
            w if w.starts_with("report")
                && matches!(r.lower(k + 1), "to" | "into")
                && about_speaker(r) =>
            {
                if let Some(end) = reporting_line(r, k) {
                    return Some(k..end);
                }
            }
            // `my two direct reports`: people who report to the speaker.
            "reports"
                if k > 0
                    && r.lower(k - 1) == "direct"
                    && (k.saturating_sub(4)..k).any(|j| r.lower(j) == "my") =>
            {
                return Some(k - 1..k + 1);
            }
            // `in my second year running partnerships`, `I spent two years leading the
            // channel`: a gerund of holding a remit whose subject is the speaker (owned by `my`,
            // or in a clause whose subject is `I`).
            // Not a gerund with a subject of its own: `I didn't want them carrying a quota`.
            w if w.ends_with("ing")
                && HOLD.contains(&r.stem(k))
                && k > 0
                && !matches!(r.lower(k - 1), "them" | "him" | "her" | "it" | "you" | "us") =>
            {
                let mine = (k.saturating_sub(5)..k).any(|j| r.lower(j) == "my")
                    || r.clause_of(k).is_some_and(|c| {
                        c.subject.as_ref().is_some_and(|p| r.is_subject_speaker(p.head))
                    })
                    // `I sat one level below the CRO, running partner sales`: a gerund set off
                    // after a clause of the speaker's is theirs.
                    || (r.lower(k - 1) == ","
                        && r.clauses()
                            .first()
                            .is_some_and(|c| r.phrase_is_speaker(c.subject.as_ref())));
                if let Some(p) = r.phrase_at(k + 1).filter(|_| mine) {
                    let theirs = r.owned_by_others(&p);
                    if REMITS.contains(&r.stem(p.head)) && !theirs {
                        return Some(k..p.tokens.end);
                    }
                }
            }
            // `my manager gave me the partner program`: a remit handed to the speaker.
            "me" if k > 0 && (HANDED.contains(&r.stem(k - 1)) || matches!(r.lower(k - 1), "gave" | "give" | "gives")) => {
                if let Some(p) = r.phrase_at(k + 1) {
                    let mine = !r.owned_by_others(&p);
                    if mine && REMITS.contains(&r.stem(p.head)) {
                        return Some(k - 1..p.tokens.end);
                    }
                }
            }
            // `I took the job of building the channel`, `I accepted the role`: a post taken.
            "took" | "take" | "taken" | "accepted" | "accept"
                if (k > 0 && r.is_subject_speaker(k - 1))
                    || r.clause_of(k).is_some_and(|c| r.phrase_is_speaker(c.subject.as_ref())) =>
            {
                if let Some(p) = r.phrase_at(k + 1) {
                    let mine = !r.owned_by_others(&p);
                    if mine && POSTS.contains(&r.lower(p.head)) {
                        return Some(k..p.tokens.end);
                    }
                }
            }
            // `eight years at a consultancy`, `after years as an SE`, `six years in channel
            // sales`: the speaker's tenure.
            "years" | "months" if about_speaker(r) => {
                if r.lower(k + 1) == "in" {
                    if let Some(p) = r.phrase_at(k + 2) {
                        let remit = p
                            .tokens
                            .clone()
                            .any(|j| REMITS.contains(&r.stem(j)) || role_noun(r, j));
                        if remit && !r.owned_by_others(&p) {
                            return Some(k..p.tokens.end);
                        }
                    }
                }
                // `four years on the reseller side`: a side of the trade the speaker was on.
                if r.lower(k + 1) == "on" {
                    if let Some(p) = r.phrase_at(k + 2).filter(|p| r.lower(p.head) == "side") {
                        return Some(k..p.tokens.end);
                    }
                }
                // `eight years carrying an enterprise quota`: the speaker's years holding a remit.
                if r.lower(k + 1).ends_with("ing") && HOLD.contains(&r.stem(k + 1)) {
                    if let Some(p) = r.phrase_at(k + 2) {
                        if REMITS.contains(&r.stem(p.head)) && !r.owned_by_others(&p) {
                            return Some(k..p.tokens.end);
                        }
                    }
                }
                let at = r.lower(k + 1) == "at"
                    && matches!(r.pos(k + 2), UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN);
                if at {
                    return Some(k..k + 3);
                }
                if r.lower(k + 1) == "as" {
                    if let Some(end) = as_role(r, k + 1) {
                        return Some(k..end);
                    }
                }
            }
            // A plan's `me owning the alliance end to end`: the speaker as the subject of a
            // gerund of holding a remit (the tagger often reads the gerund as a noun).
            "me" if r.lower(k + 1).ends_with("ing") && HOLD.contains(&r.stem(k + 1)) => {
                // The remit may not be the phrase's head (`the alliance end to end`).
                if let Some(p) = r.phrase_at(k + 2) {
                    let remit = p.tokens.clone().any(|j| REMITS.contains(&r.stem(j)));
                    if remit && r.possessor(&p).is_empty() {
                        return Some(k..p.tokens.end);
                    }
                }
            }
            // `an owner on each side (me on ours)`, `that would be me`: the speaker named as
            // the role just described, in a parenthesis after its noun or as the predicate of
            // `be` whose subject is not the speaker.
            "me" if k > 1 && r.lower(k - 1) == "(" => {
                // The role noun heads the phrase before the parenthesis (`owner on each side`).
                let mut j = k - 1;
                while j > 0 && j + 7 > k && !matches!(r.pos(j - 1), UPOS::PUNCT | UPOS::VERB | UPOS::AUX) {
                    j -= 1;
                    if role_noun(r, j) && !plural(r.lower(j)) {
                        return Some(j..k + 1);
                    }
                }
            }
            "me" if k > 1
                && be(r.lower(k - 1))
                && (k.saturating_sub(4)..k - 1).any(|j| matches!(r.lower(j), "that" | "this")) =>
            {
                return Some(k - 2..k + 1);
            }
            // `I own enablement`: a present verb of charge the tagger reads as an adjective.
            "i" if standing_charge(r, k + 1) && r.pos(k + 1) != UPOS::VERB => {
                if let Some(p) = r.phrase_at(k + 2) {
                    let counted = p.tokens.clone().any(|t| r.pos(t) == UPOS::NUM);
                    if !counted && r.possessor(&p).is_empty() && matches!(r.pos(p.head), UPOS::NOUN | UPOS::PROPN) {
                        return Some(k..p.tokens.end);
                    }
                }
            }
            // `The GSI programme was mine from day one`: a remit whose holder is the speaker.
            "mine"
                if (k > 0 && be(r.lower(k - 1)))
                    || (k > 1
                        && be(r.lower(k - 2))
                        && matches!(r.lower(k - 1), "all" | "entirely" | "fully" | "solely")) =>
            {
                return Some(k.saturating_sub(2)..k + 1);
            }
            // `Three months into the job`: the speaker's time in a post.
            "into"
                if k > 0
                    && matches!(r.lower(k - 1), "days" | "weeks" | "months" | "years" | "quarter" | "year")
                    && matches!(r.lower(k + 1), "the" | "my" | "this" | "that")
                    && POSTS.contains(&r.lower(k + 2)) =>
            {
                return Some(k - 1..k + 3);
            }
            // `I'd only been at the company three weeks`: the speaker's time at their employer.
            // The chunker may run the phrase on into the span (`the company three weeks`), so
            // the company is read from the words after the article.
            "been"
                if about_speaker(r)
                    && r.lower(k + 1) == "at"
                    && matches!(r.lower(k + 2), "the" | "this" | "that")
                    && COMPANIES.contains(&r.lower(k + 3)) =>
            {
                return Some(k..k + 4);
            }
            // `I was still junior`, `Still fairly junior then, I shadowed the QBRs`: the speaker's
            // seniority, as the predicate of their `be` or an adjective phrase set off before
            // their clause.
            "junior" | "senior" if r.pos(k) == UPOS::ADJ => {
                let mut before = k;
                while before > 0 && r.pos(before - 1) == UPOS::ADV {
                    before -= 1;
                }
                // Where the speaker's `I'm` or `I` + `be` starts, when the adjective is its
                // predicate.
                let predicate = match before.checked_sub(1) {
                    Some(b) if r.lower(b) == "i'm" => Some(b),
                    Some(b) if b > 0 && be(r.lower(b)) && r.is_subject_speaker(b - 1) => Some(b - 1),
                    _ => None,
                };
                let mut after = k + 1;
                while after < r.len() && r.pos(after) == UPOS::ADV {
                    after += 1;
                }
                let fronted = Some(before) == r.first_word()
                    && r.lower(after) == ","
                    && r.is_subject_speaker(after + 1);
                if let Some(start) = predicate.or(fronted.then_some(before)) {
                    return Some(start..k + 1);
                }
            }
            // `I came in on a contract to rebuild enablement`: the speaker joining to do
            // something, as `brought in to`; `I come from corporate partnerships at a charity`,
            // `I came from channel sales`: the speaker's background, a remit or a department
            // they worked in.
            "came" | "come" if k > 0 && r.is_subject_speaker(k - 1) => match r.lower(k + 1) {
                "in" if (k + 2..r.len().min(k + 10))
                    .any(|j| r.lower(j) == "to" && r.pos(j + 1) == UPOS::VERB) =>
                {
                    return Some(k - 1..k + 2);
                }
                "from" => {
                    if let Some(p) = r.phrase_at(k + 2).filter(|p| p.tokens.start == k + 2) {
                        let head = r.lower(p.head);
                        let background = REMITS.contains(&r.stem(p.head))
                            || DEPARTMENTS.contains(&head)
                            || head == "background"
                            || role_noun(r, p.head);
                        if background && r.possessor(&p).is_empty() {
                            return Some(k - 1..p.tokens.end);
                        }
                    }
                }
                _ => {}
            },
            // `I'd name myself owner on our side`, `I appointed myself partner manager`: the
            // speaker naming themself to a post.
            "myself"
                if k > 0 && matches!(r.stem(k - 1), "name" | "make" | "made" | "appoint") =>
            {
                let at = k + 1 + usize::from(matches!(r.lower(k + 1), "the" | "a" | "an"));
                if let Some((range, head)) = role_phrase(r, at) {
                    if role_noun(r, head) && !plural(r.lower(head)) {
                        return Some(k - 1..range.end);
                    }
                }
            }
            // `Title was Partner Development Manager`, `Role: channel lead`: a note's `my` left
            // out before the speaker's title.
            // So is `the role` a plan assumes (`I'm assuming the role is head of alliances`) or
            // one opening the sentence (`The role was head of alliances`).
            "title" | "role" | "job" | "position"
                if (Some(k) == r.first_word() || assumed_post(r, k))
                    && (be(r.lower(k + 1)) || r.lower(k + 1) == ":") =>
            {
                if let Some((range, head)) = role_phrase(r, k + 2) {
                    if role_noun(r, head) && !plural(r.lower(head)) {
                        return Some(k..range.end);
                    }
                }
            }
            // `my role`, `my job was to`.
            "my" => {
                if let Some(p) = r.phrase_at(k + 1) {
                    if MY_ROLE.contains(&r.lower(p.head)) && !step(r, &p) {
                        return Some(k..p.tokens.end);
                    }
                }
            }
            _ => {}
        }
    }
    headline_title(r)
}

/// Whether the post word at `k` is `the` or `this` post, opening the sentence or what the
/// speaker assumes (`assuming the role is ...`).
fn assumed_post(r: &Read<'_>, k: usize) -> bool {
    k > 0
        && matches!(r.lower(k - 1), "the" | "this")
        && (Some(k - 1) == r.first_word() || (k > 1 && r.lower(k - 2).starts_with("assum")))
}

/// Whether `my` + `phrase` is a step of a plan, not a role: an ordinal job whose predicate is
/// an infinitive (`my first job would be to slow them down`, `my next task is to`). `My job
/// was to`, with no ordinal, and `my first job was at a bank` are the speaker's role.
fn step(r: &Read<'_>, phrase: &crate::syntax::Phrase) -> bool {
    let ordinal = phrase.tokens.clone().any(|k| {
        matches!(r.lower(k), "first" | "second" | "third" | "next" | "last" | "immediate")
    });
    let mut k = phrase.tokens.end;
    while k < r.len() && matches!(r.pos(k), UPOS::AUX | UPOS::ADV | UPOS::PART) && r.lower(k) != "to" {
        k += 1;
    }
    ordinal && k > phrase.tokens.end && r.lower(k) == "to"
}

/// Whether the sentence is about the speaker: it names them (`I`, `me`, `my`).
fn about_speaker(r: &Read<'_>) -> bool {
    (0..r.len()).any(|j| r.is_speaker(j) || r.lower(j) == "my")
}

/// The end of a place in the company the speaker is in, after the verb of `clause` (`sat in
/// the channel team`, `was on the alliances team`, `in the partner manager seat`): `in`, `on`,
/// `within` or `inside` and a phrase headed by a unit or a post of [`UNITS`], the speaker's or
/// no one's. Not `sat in on` (attending), nor a unit's thing (`in the team's meeting`).
fn member_of(r: &Read<'_>, clause: &crate::syntax::Clause) -> Option<usize> {
    let mut j = clause.verb + 1;
    while j < clause.tokens.end && j <= clause.verb + 6 {
        if matches!(r.pos(j), UPOS::PUNCT | UPOS::VERB) {
            return None;
        }
        if matches!(r.lower(j), "in" | "on" | "within" | "inside") {
            if r.lower(j + 1) == "on" {
                return None;
            }
            if let Some(p) = r.phrase_at(j + 1) {
                let mine = !r.owned_by_others(&p);
                let owned = matches!(r.lower(p.tokens.end), "'s" | "’s");
                let head = r.lower(p.head);
                // A department's name may be plural (`revenue operations`).
                let unit = DEPARTMENTS.contains(&head)
                    || ((UNITS.contains(&head) || REMITS.contains(&r.stem(p.head)))
                        && !plural(head));
                if mine && !owned && unit {
                    return Some(p.tokens.end);
                }
                // `second in command on the partnerships team`: read on to the next one.
                j = p.tokens.end.max(j + 1);
                continue;
            }
        }
        j += 1;
    }
    None
}

/// The end of a unit of the company that the speaker's time at `my` is placed in (`my rotation
/// in the alliances team`), not someone else's (`the partner's channel team`).
fn my_time_in(r: &Read<'_>, my: usize) -> Option<usize> {
    let p = r.phrase_at(my + 1).filter(|p| p.head > my)?;
    let at = p.tokens.end;
    if !matches!(r.lower(at), "in" | "on" | "within" | "inside") {
        return None;
    }
    let q = r.phrase_at(at + 1).filter(|q| q.head > at)?;
    let head = r.lower(q.head);
    let unit = DEPARTMENTS.contains(&head) || (UNITS.contains(&head) && !plural(head));
    let owned = matches!(r.lower(q.tokens.end), "'s" | "’s");
    (unit && !owned && !r.owned_by_others(&q)).then_some(q.tokens.end)
}

/// The end of a reporting line at `report` (`reporting to the CRO`, `reported to me`): the
/// speaker reports to a title, or someone reports to the speaker. `reported to the board
/// that ...` tells, and places no one.
fn reporting_line(r: &Read<'_>, report: usize) -> Option<usize> {
    let to = report + 1;
    if r.is_speaker(to + 1) {
        return Some(to + 2);
    }
    let (range, head) = role_phrase(r, to + 1)?;
    let after = r.lower(range.end);
    let tells = matches!(after, "that" | "on" | "about" | "what" | "how" | "with");
    (role_noun(r, head) && !plural(r.lower(head)) && !tells).then_some(range.end)
}

/// Whether the word at `v` is the present simple of a verb of charge (`run`, `manages`, `own`,
/// `lead`, `head`, `oversee`, `cover`), not a past (`ran`, `managed`) nor a verb of taking,
/// joining or moving.
fn standing_charge(r: &Read<'_>, v: usize) -> bool {
    let w = r.lower(v);
    HOLD.contains(&r.stem(v))
        && !matches!(r.stem(v), "took" | "take" | "join" | "move" | "inherit")
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !matches!(w, "ran" | "led" | "oversaw")
}

/// Whether verb `v` is a phrasal verb of taking charge (`took over`, `look after`): what it
/// governs is the speaker's remit, whatever it is called.
fn takes_charge(r: &Read<'_>, v: usize) -> bool {
    let verb = r.lower(v);
    let particle = r.lower(v + 1);
    // `took over alliances`, `I take ownership on our side`.
    // `I take the ownership myself`: the article a second-language writer puts before it.
    let particle = if particle == "the" && r.lower(v + 2) == "ownership" {
        "ownership"
    } else {
        particle
    };
    (matches!(particle, "over" | "ownership") && (verb.starts_with("tak") || verb == "took"))
        || (particle == "after" && verb.starts_with("look"))
        || verb.starts_with("inherit")
}

/// A title standing alone at the head of a resume line, with no verb and no determiner
/// (`Head of ecosystem; ...`, `Partner manager (2019–2022)`): the writer's own.
fn headline_title(r: &Read<'_>) -> Option<Range<usize>> {
    let k = r.first_word()?;
    if r.pos(k) == UPOS::DET || r.pos(k) == UPOS::PRON {
        return None;
    }
    let (range, head) = role_phrase(r, k)?;
    // A word title, not an acronym: a bare acronym line is as often a metric (`Partner NPS`).
    let lower = r.lower(head);
    let acronym = r.s.text(head).chars().all(|c| c.is_uppercase());
    let ends = range.end >= r.len()
        || matches!(r.lower(range.end), ";" | "(" | "—" | "–" | "|" | "." | "!")
        // `Interim head of partnerships for five months, while we ...`: a time or a place after
        // the title, and no verb before the next comma.
        || (matches!(r.lower(range.end), "for" | "at" | "since")
            && !(range.end..r.len())
                .take_while(|&j| r.lower(j) != ",")
                .any(|j| matches!(r.pos(j), UPOS::VERB | UPOS::AUX)));
    (ends && !plural(lower) && !acronym && role_noun(r, head)).then_some(range)
}

/// A title at `j` (`the partner sales lead`, `VP of Partnerships`, `its first partner lead`):
/// its tokens and head. Titles often end in a word the tagger reads as a verb (`lead`, `head`),
/// so a verb right after a noun or adjective of the phrase is taken as its noun.
fn role_phrase(r: &Read<'_>, j: usize) -> Option<(Range<usize>, usize)> {
    let mut k = j;
    if matches!(r.lower(k), "the" | "a" | "an" | "my" | "its" | "our") {
        k += 1;
    }
    // `the most senior person`, `the only channel manager`.
    if matches!(r.lower(k), "most" | "very" | "only") {
        k += 1;
    }
    let first = k;
    let mut head = None;
    while k < r.len() {
        let nominal = matches!(r.pos(k), UPOS::ADJ | UPOS::NOUN | UPOS::PROPN | UPOS::NUM);
        let acronym = r.s.text(k).len() > 1 && r.s.text(k).chars().all(|c| c.is_uppercase());
        // A noun the tagger takes for a verb opens the phrase too when a noun follows it (`I'm
        // distribution manager`): a finite verb cannot follow the copula.
        let verb_noun = r.pos(k) == UPOS::VERB
            && ((k > first && matches!(r.pos(k - 1), UPOS::ADJ | UPOS::NOUN | UPOS::PROPN))
                || (k == first && matches!(r.pos(k + 1), UPOS::NOUN)))
            && !r.lower(k).ends_with("ing")
            && !r.lower(k).ends_with("ed");
        if nominal || acronym || verb_noun || r.lower(k) == "-" {
            // `employee number nine`, `hire 12`: the number ranks the title, which stays the head.
            let numbered = head.is_some()
                && (r.pos(k) == UPOS::NUM
                    || (r.lower(k) == "number" && r.pos(k + 1) == UPOS::NUM));
            if r.pos(k) != UPOS::ADJ && r.lower(k) != "-" && !numbered {
                head = Some(k);
            }
            k += 1;
            continue;
        }
        break;
    }
    let head = head?;
    // `VP of Partnerships`, `head of channel`: the title is the word before `of`.
    let end = if r.lower(k) == "of" && matches!(r.pos(k + 1), UPOS::NOUN | UPOS::PROPN) {
        k + 2
    } else {
        k
    };
    Some((j..end, head))
}

/// The end of a role `as` at `k` gives the speaker (`I joined as its first partner lead`, `As
/// partnerships lead, I ...`), not a manner (`as a result`, `as a team`).
fn as_role(r: &Read<'_>, k: usize) -> Option<usize> {
    // Not `such as`, `as well as`, `just as`; `so as` is `so` and a role (`so as ecosystem lead
    // I'd first check`).
    if k > 0 && matches!(r.lower(k - 1), "such" | "as" | "well" | "just") {
        return None;
    }
    // `I, as their channel account manager, ...`: the speaker is the title's holder, whoever
    // the title serves.
    let poss = matches!(r.lower(k + 1), "their" | "his" | "her" | "your");
    let (range, head) = role_phrase(r, k + 1 + usize::from(poss))?;
    let lower = r.lower(head);
    let acronym = r.s.text(head).chars().all(|c| c.is_uppercase());
    if (plural(lower) && !acronym) || !role_noun(r, head) {
        return None;
    }
    // Attached to the speaker: the clause's subject, the words just before, or a sentence
    // about the speaker or about no one else (`Then the redesign, as the partner manager`).
    let clause_speaks = r
        .clause_of(k)
        .is_some_and(|c| r.phrase_is_speaker(c.subject.as_ref()));
    let near = (k.saturating_sub(4)..k).any(|j| r.is_speaker(j) || r.lower(j) == "my");
    // `sitting on the vendor side as a partner manager`: attached to a gerund with no subject of
    // its own in a sentence about the speaker.
    let gerund = (k.saturating_sub(5)..k).any(|j| r.lower(j).ends_with("ing") && r.pos(j) == UPOS::VERB)
        && about_speaker(r);
    let about_speaker = (0..r.len()).any(|j| r.is_speaker(j))
        || r.clauses().iter().all(|c| c.subject.is_none());
    let opens = Some(k) == r.first_word() && about_speaker;
    let alone = r.clauses().iter().all(|c| c.subject.is_none());
    // `In 2023, as channel lead for our platform, I had ...`: an `as` phrase set off before a
    // clause is about that clause's subject.
    let fronted = (range.end..(range.end + 15).min(r.len()))
        .find(|&j| r.lower(j) == ",")
        .is_some_and(|j| r.is_subject_speaker(j + 1));
    (clause_speaks || near || opens || alone || fronted || gerund).then_some(range.end)
}

/// A stage or size of the speaker's company in this sentence: `a 600-person company`, `after
/// our Series B`, `a seed-stage startup`.
fn own_stage(r: &Read<'_>) -> Option<Range<usize>> {
    for k in 0..r.len() {
        if let Some(end) = headcount(r, k) {
            return Some(k..end);
        }
        if let Some(end) = stage_word(r, k) {
            if own_company(r, k) {
                return Some(k..end);
            }
        }
        if let Some(end) = means(r, k) {
            return Some(k..end);
        }
    }
    None
}

/// Whether a word in `range` denies what follows (`I was not responsible`, `we never had`): a
/// clause's `negated` misses `never` before a main verb with no auxiliary (`we never had`).
fn denies(r: &Read<'_>, range: Range<usize>) -> bool {
    range.into_iter().any(|j| matches!(r.lower(j), "not" | "never" | "n't" | "no"))
}

/// The end of the speaker's company's means at `k`, as what `we` had: months of `runway` or
/// its count of `paying customers` (`we had about nine months of runway`, `we had fewer than
/// twenty paying customers`), which say how early it was. Not another party's customers (`the
/// reseller had 400 paying customers`).
fn means(r: &Read<'_>, k: usize) -> Option<usize> {
    let end = match r.lower(k) {
        "runway" => k + 1,
        "paying" if matches!(r.lower(k + 1), "customers" | "clients" | "users") => k + 2,
        _ => return None,
    };
    let clause = r.clause_of(k)?;
    let ours = clause
        .subject
        .as_ref()
        .is_some_and(|p| matches!(r.lower(p.head), "we" | "we'd"));
    let denied = clause.negated || denies(r, clause.tokens.start..k);
    (ours && !denied && matches!(r.stem(clause.verb), "have" | "had" | "ha")).then_some(end)
}

/// The end of a company headcount starting at number `k` (`600-person`, `~150 ppl`, `of about
/// 300 people`), when it is not something the work counted (`trained 400 people`).
fn headcount(r: &Read<'_>, k: usize) -> Option<usize> {
    if !r.lower(k).starts_with(|c: char| c.is_ascii_digit()) && r.pos(k) != UPOS::NUM {
        return None;
    }
    let mut j = k + 1;
    while matches!(r.lower(j), "-" | "+" | "," | "k") {
        j += 1;
    }
    // `six of us`: the speaker's company counted.
    if r.lower(j) == "of" && r.lower(j + 1) == "us" && !matches!(r.lower(k), "one" | "1") {
        return (!theirs_clause(r, k)).then_some(j + 2);
    }
    if !PEOPLE.contains(&r.lower(j)) {
        return None;
    }
    let mut b = k;
    while b > 0 && APPROX.contains(&r.lower(b - 1)) {
        b -= 1;
    }
    // `a 600-person company`: a hyphenated headcount that modifies a noun is its size.
    let modifier = r.lower(k + 1) == "-" && matches!(r.pos(j + 1), UPOS::NOUN | UPOS::PROPN);
    let introduced = modifier
        || b == 0
        || matches!(
            r.lower(b - 1),
            "(" | "," | "of" | "with" | "a" | "an" | "at" | "from" | "to" | "—" | "–" | ":"
        )
        || be(r.lower(b - 1))
        // `we're about 150 people`: the speaker's company, with its verb in one word.
        || matches!(r.lower(b - 1), "we're" | "we’re")
        || matches!(r.stem(b - 1), "had" | "have" | "has" | "employ");
    let theirs = r
        .phrase_at(k)
        .is_some_and(|p| r.owned_by_others(&p));
    let described = modifier
        || (b > 0 && matches!(r.lower(b - 1), "(" | "," | "—" | "–" | "of" | "with"));
    let speakers = !described || sizes_speakers_company(r, k, b, modifier);
    (introduced && !theirs && !theirs_clause(r, k) && speakers).then_some(j + 1)
}

/// Whether a headcount that describes a noun (`a 2,000-person group`, `a vendor (400 people)`,
/// `a company of about 60 people`) may describe the speaker's company. The noun is followed back
/// through appositions (`At Tallyo, a 90-person startup`) to where it is introduced: `my`/`our`,
/// `at` or `joined` make it the speaker's; another owner (`their CCO, a company of 400 people`),
/// `with` (`a deal with a 2,000-person group`) or a clause about a party (`the partner was …`)
/// make it another's. A sentence with no verb (`Channel manager, ERP reseller, ~150 staff`) is a
/// résumé line about the speaker unless it names a party first (`Partner: a lender, about 80
/// people`) or lists two (`a platform and an integrator (12,000 staff)`).
fn sizes_speakers_company(r: &Read<'_>, k: usize, b: usize, modifier: bool) -> bool {
    // The phrase the headcount describes: its own when it modifies one, else the one before.
    let host = if modifier {
        r.phrase_at(k)
    } else {
        (b >= 2).then(|| r.phrase_at(b - 2)).flatten()
    };
    let mut start = host.as_ref().map_or(b, |p| p.tokens.start);
    // Back over words the chunker left out of the phrase (`a managed detection vendor`).
    while start > 0
        && (matches!(r.pos(start - 1), UPOS::DET | UPOS::ADJ | UPOS::NUM)
            || (r.pos(start - 1) == UPOS::VERB && start > 1 && r.pos(start - 2) == UPOS::DET))
    {
        start -= 1;
    }
    if let Some(p) = &host {
        if own(r.possessor(p)) || r.is_speaker(p.head) || r.lower(p.head) == "we" {
            return true;
        }
        if r.owned_by_others(p) {
            return false;
        }
        // Back through appositions: `at Finora — a Series C fintech of ~300 people`.
        for _ in 0..3 {
            if start < 2 || !matches!(r.lower(start - 1), "," | "(" | "—" | "–") {
                break;
            }
            let Some(before) = r.phrase_at(start - 2) else { break };
            if before.tokens.end != start - 1 {
                break;
            }
            if own(r.possessor(&before)) || r.lower(before.head) == "we" {
                return true;
            }
            if r.owned_by_others(&before) {
                return false;
            }
            start = before.tokens.start;
        }
        let prev = if start > 0 { r.lower(start - 1) } else { "" };
        if matches!(prev, "at" | "@" | "joined" | "join" | "joining" | "for" | "as") {
            return true;
        }
        if prev == "of" && start >= 2 && role_noun(r, start - 2) {
            return true;
        }
        if matches!(prev, "with" | "between" | "into" | "by" | "than" | "versus" | "vs") {
            return false;
        }
    }
    // The clause the phrase is in, when its subject comes before it; or, for a phrase set off
    // after a dash or colon (`We were flat — a mature business of 2,000 people`), the clause
    // before.
    let subject_first =
        |c: &&crate::syntax::Clause| c.subject.as_ref().is_some_and(|s| s.head < start);
    let clause = r.clause_of(start).or_else(|| r.clause_of(k)).filter(subject_first).or_else(|| {
        let apposed = start >= 2 && matches!(r.lower(start - 1), "—" | "–" | ":");
        apposed.then(|| r.clause_of(start - 2)).flatten().filter(subject_first)
    });
    match clause.and_then(|c| c.subject.as_ref()) {
        Some(subject) => {
            // A clause about another party (`the partner was a 2,000-person integrator`).
            !(r.owned_by_others(subject) || PARTIES.contains(&r.lower(subject.head)))
        }
        None => {
            let listed = start > 0 && r.lower(start - 1) == "and";
            let label = (1..start.min(6)).find(|&c| r.lower(c) == ":");
            let party = label.is_some_and(|c| PARTIES.contains(&r.lower(c - 1)));
            !listed && !party
        }
    }
}

/// Whether token `k` describes another party: it comes after its clause's subject, and that is
/// one of [`PARTIES`] (not the speaker's: `our resellers`) or someone else's (`the partner was a
/// 2,000-person integrator`, `their sales team was 15 people`). A phrase set before the subject
/// (`At a Series B startup, the partner ...`) sets the speaker's scene.
fn theirs_clause(r: &Read<'_>, k: usize) -> bool {
    r.clause_of(k)
        .and_then(|c| c.subject.as_ref())
        .is_some_and(|p| {
            let party = PARTIES.contains(&r.lower(p.head)) && p.possessor.is_none();
            p.head < k && (party || r.owned_by_others(p))
        })
}

/// The end of a stage phrase starting at `k` (`startup`, `Series B`, `seed-stage`, `pre-IPO`,
/// `public company`).
fn stage_word(r: &Read<'_>, k: usize) -> Option<usize> {
    let next = |j: usize| {
        let mut j = j + 1;
        while r.lower(j) == "-" {
            j += 1;
        }
        j
    };
    let w = r.lower(k);
    match w {
        "startup" | "scaleup" | "ipo" | "bootstrapped" | "unicorn" | "hypergrowth" => Some(k + 1),
        "start" | "scale" if r.lower(k + 1) == "-" && r.lower(k + 2) == "up" => Some(k + 3),
        "series" if r.lower(k + 1).len() == 1 && r.lower(k + 1) <= "f" => Some(k + 2),
        "seed" | "early" | "growth" | "late"
            if matches!(r.lower(next(k)), "stage" | "round" | "funded") =>
        {
            Some(next(k) + 1)
        }
        "venture" | "vc" | "pe" | "founder" if r.lower(next(k)) == "backed" => Some(next(k) + 1),
        // `grant-funded`, `PE-backed`, `self-funded`: how the company is funded; not what a
        // deal pays for jointly (`co-funded ads`).
        _ if k + 1 < r.len()
            && w != "co"
            && r.lower(k + 1) == "-"
            && matches!(r.lower(next(k)), "funded" | "backed") =>
        {
            Some(next(k) + 1)
        }
        "angel" if matches!(r.lower(k + 1), "round" | "funded" | "investors" | "money") => Some(k + 2),
        // `a two-year-old marketplace`, `four years old`: the company's age.
        "year" | "years" if r.lower(next(k)) == "old" && k > 0 && r.pos(k - 1) == UPOS::NUM
            || (k > 1 && r.lower(k - 1) == "-" && r.pos(k - 2) == UPOS::NUM && r.lower(next(k)) == "old") =>
        {
            Some(next(k) + 1)
        }
        // `a mid-sized company`, written in three words.
        _ if SIZE_PREFIXES.contains(&w)
            && r.lower(k + 1) == "-"
            && matches!(r.lower(k + 2), "sized" | "size") =>
        {
            company_after(r, k + 2)
        }
        // `a tiny company`, `a young firm`, `a small data-warehouse company`.
        _ if SIZES.contains(&w) => company_after(r, k),
        "publicly" if matches!(r.lower(k + 1), "traded" | "listed") => Some(k + 2),
        // `the category leader`, `the market leader`: an incumbent's place in its market.
        "category" | "market" if r.lower(k + 1) == "leader" => Some(k + 2),
        // `pre-product-market fit`: before the company found its market.
        "product" if r.lower(next(k)) == "market" && r.lower(next(next(k))) == "fit" => {
            Some(next(next(k)) + 1)
        }
        // `our ARR was still under a million`, `we had just crossed $10M ARR`: the size of the
        // company's revenue, stated as a level it is at or reached, not as a change; or sizing
        // the company it modifies (`a $120M ARR email-security vendor`).
        "arr" => r
            .clause_of(k)
            .is_some_and(|c| {
                c.copula || matches!(r.stem(c.verb), "cross" | "pass" | "reach" | "hit" | "top")
            })
            .then_some(k + 1)
            .or_else(|| company_after(r, k)),
        // `a $40M revenue business`: an amount of revenue sizing the company.
        "revenue" if k > 0 && r.lower(k - 1).starts_with(|c: char| c.is_ascii_digit()) => {
            company_after(r, k)
        }
        // `founder-led`, `a funding round`, `a Fortune 100 bank`.
        "founder" if r.lower(next(k)) == "led" => Some(next(k) + 1),
        "funding" if matches!(r.lower(k + 1), "round" | "rounds") => Some(k + 2),
        "fortune" | "global" if r.pos(k + 1) == UPOS::NUM && r.lower(k + 1).starts_with(|c: char| c.is_ascii_digit()) => Some(k + 2),
        // Not the public sector, a market (`Public sector example: …`).
        "public" | "listed" if r.lower(k + 1) != "sector" => {
            let p = r.phrase_at(k)?;
            let head = r.lower(p.head);
            (p.head > k && !plural(head) && !matches!(head, "sector" | "holiday" | "record"))
                .then_some(p.tokens.end)
        }
        _ => None,
    }
}

/// The end of a company named right after the size word at `k`: modifiers, hyphenated ones
/// included (`a small data-warehouse company`), up to a head of [`COMPANIES`].
fn company_after(r: &Read<'_>, k: usize) -> Option<usize> {
    let mut j = k + 1;
    while j < r.len()
        && (matches!(r.pos(j), UPOS::NOUN | UPOS::PROPN | UPOS::ADJ)
            || (r.lower(j) == "-" && j + 1 < r.len() && r.pos(j + 1) != UPOS::PUNCT))
    {
        j += 1;
    }
    (j > k + 1 && r.pos(j - 1) == UPOS::NOUN && COMPANIES.contains(&r.lower(j - 1))).then_some(j)
}

/// Whether the stage word at `k` describes the speaker's company: `our`/`my`, introduced by
/// `at`, `joined`, `after`, `past` or a parenthesis, or the predicate of `we were`; not a
/// segment (`mid-market retailers`, `startups`) or another company's.
fn own_company(r: &Read<'_>, k: usize) -> bool {
    let phrase = r.phrase_at(k);
    if let Some(p) = &phrase {
        let owner = r.possessor(p);
        if own(owner) {
            return true;
        }
        if !owner.is_empty() {
            return false;
        }
        // `mid-market retailers`: a stage word modifying a plural is a segment (not when the
        // chunker ran the phrase on past a conjunction: `bootstrapped and twenty people`).
        let modifies = (k + 1..p.head).all(|j| matches!(r.pos(j), UPOS::ADJ | UPOS::NOUN | UPOS::PROPN) || r.lower(j) == "-");
        if p.head > k && modifies && plural(r.lower(p.head)) && r.pos(p.head) == UPOS::NOUN {
            return false;
        }
    }
    // Back over the phrase's words and hyphenated compounds (`a health-tech scale-up`).
    let mut b = k;
    while b > 0
        && (matches!(
            r.pos(b - 1),
            UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN | UPOS::NUM
        ) || matches!(r.lower(b - 1), "-" | "~" | "post" | "pre" | "just"))
        && !matches!(r.lower(b - 1), "at" | "for" | "as")
    {
        b -= 1;
    }
    // `our Series A`: the tagger may read `A` as a determiner and end the phrase before it, so
    // the speaker's possessive is read from the word before too.
    if b == 0
        || own(r.lower(b - 1))
        || matches!(
            r.lower(b - 1),
            "at" | "for" | "joined" | "join" | "as" | "past" | "after" | "before" | "(" | ","
                | "being"
        )
    {
        return !theirs_clause(r, k);
    }
    // `we had just closed a funding round`: a round is raised by its clause's subject.
    let raised = matches!(r.lower(k), "funding" | "angel" | "series" | "arr");
    r.clause_of(k).is_some_and(|c| {
        // `the firm was still bootstrapped`: the tagger may read the stage as a participle.
        (c.copula || raised || c.verb == k)
            && c.subject
                .as_ref()
                .is_some_and(|s| {
                    matches!(
                        r.lower(s.head),
                        "we" | "we'd" | "we've" | "we're" | "i" | "i'd" | "company" | "it" | "business"
                            | "firm" | "startup"
                    )
                })
    })
}

/// The first phrase that ties the draft to the speaker's role or company stage.
fn evidence(ctx: &Ctx<'_>) -> Option<Range<usize>> {
    (0..ctx.tokens.sentences.len()).find_map(|i| {
        if !worth_reading(ctx, i) {
            return None;
        }
        if !may_state(ctx, i) {
            // The pre-filter must stay a superset of the readings: every test that analyses a
            // draft in a debug build checks it on each sentence it skips.
            debug_assert!(
                Read::new(ctx, i)
                    .and_then(|r| own_role(&r).or_else(|| own_stage(&r)))
                    .is_none(),
                "may_state skipped a sentence that states a role: {:?}",
                ctx.text.get(ctx.tokens.sentences[i].range.clone())
            );
            return None;
        }
        let r = Read::new(ctx, i)?;
        let found = own_role(&r).or_else(|| own_stage(&r))?;
        Some(r.span(found))
    })
}

/// Sentences longer than this are not prose a role is stated in; they are not tagged.
const LONGEST: usize = 150;

/// Whether sentence `i` can state the speaker's role or stage, before tagging it: it names the
/// speaker or their company (`I`, `my`, `our`, `we`, `as`), holds a number (a headcount) or a
/// stage word, opens with a verb of holding a remit (a resume line's implied `I`), or may open
/// with a bare title (it is short, or breaks off within a few words).
fn worth_reading(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = ctx.tokens;
    let tokens = t.sentences[i].tokens.clone();
    if tokens.len() > LONGEST {
        return false;
    }
    // A resume line's bare title ends within a few words (`Head of ecosystem; ...`).
    let range = t.sentences[i].range.clone();
    let mut end = range.end.min(range.start + 60);
    while !ctx.text.is_char_boundary(end) {
        end -= 1;
    }
    let opening = ctx.text.get(range.start..end);
    let headline = tokens.len() <= 6
        || opening.is_some_and(|o| o.contains([';', '(', '|', '—', '–']));
    HOLD.contains(&t.stem(tokens.start))
        || headline
        || tokens.clone().any(|k| {
            let w = t.lower(k);
            w == "i"
                || w.starts_with("i'")
                || w.starts_with("i’")
                || matches!(
                    w,
                    "my" | "me" | "our" | "we" | "as" | "startup" | "series" | "seed" | "ipo"
                        | "public" | "publicly" | "listed" | "scale" | "scaleup" | "early"
                        | "growth" | "late" | "venture" | "vc" | "pe" | "founder"
                        | "bootstrapped" | "unicorn" | "hypergrowth" | "start" | "funding" | "fortune" | "global" | "us" | "funded"
                        | "backed" | "angel" | "old"
                )
                || SIZES.contains(&w)
                || SIZE_PREFIXES.contains(&w)
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Every word [`may_state`] compares a token's form or stem with (those of [`crate::who::speaker`]
/// and [`be`] too): a token whose form and stem are none of them, and whose form starts neither
/// `report` nor `inherit`, sets none of its flags but that of a role word.
static STATED: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    const WORDS: &[&str] = &[
        "'m", "'re", "'s", "accept", "accepted", "accountable", "after", "am", "angel", "are",
        "arr", "as", "at", "backed", "be", "been", "being", "bootstrapped", "category", "charg",
        "charge", "days", "early", "employee", "employees", "fit", "fortune", "founder", "fte",
        "ftes", "funded", "funding", "gave", "give", "gives", "global", "growth", "headcount",
        "hypergrowth", "i", "i'd", "i'll", "i'm", "i've", "in", "inherit", "inside", "into", "ipo",
        "is", "late", "leader", "listed", "look", "market", "me", "mine", "months", "my", "myself",
        "of", "old", "on", "over", "pe", "people", "person", "persons", "ppl", "public",
        "publicly", "quarter", "report", "responsible", "scale", "scaleup", "seed", "series",
        "staff", "start", "startup", "tak", "take", "taken", "task", "that", "this", "to", "took",
        "unicorn", "us", "vc", "venture", "was", "weeks", "were", "within", "year", "years",
        "side", "junior", "senior", "came", "come", "runway", "paying", "revenue", "from",
    ];
    [
        WORDS, MY_ROLE, HIRED, HANDED, HOLD, REMITS, UNITS, POSTS, DEPARTMENTS, SIZES, SIZE_PREFIXES, COMPANIES,
    ]
    .concat()
    .into_iter()
    .collect()
});

/// Whether sentence `i` holds the words that [`own_role`] or [`own_stage`] needs to accept it,
/// read from the scan before tagging: a superset of what they accept, so a sentence without
/// them is not tagged for this rule. Each reading needs, whatever the tags:
/// - `I was hired`, `they brought me in`: a stem of [`HIRED`] and a word of the speaker; a
///   resume line's `Hired as`: a stem of [`HIRED`] and `as`;
/// - a title as the predicate of `I ... be`, or `I'm`/`I was` then a title or `responsible`: a
///   subject `I`, a form of `be` (or `I'm`), and a role noun or `responsible`/`accountable`;
/// - `I was given the alliance`: a subject `I`, `be`, a stem of [`HANDED`] and one of [`REMITS`];
/// - a remit held (`I ran the channel`, `me owning the alliance`): a stem of [`HOLD`] and one
///   of [`REMITS`], or a phrasal verb of taking charge (`took over`, `look after`, `inherited`);
/// - a standing charge (`I manage installers`): a stem of [`HOLD`] and a word of the speaker;
/// - the speaker named for a role (`an owner on each side (me on ours)`, `that would be me`):
///   `me` and a role noun, or `me`, `be` and `that`/`this`;
/// - `as the partner lead`: `as` and a role noun;
/// - tenure: `years`/`months`, a word of the speaker or `my`, and `at` or `as`, or `in` and a
///   remit or a role noun;
/// - a place in the company (`I sat in the reseller team`): a subject `I`, `in`/`on`/`within`/
///   `inside` and a word of [`UNITS`]; a post titled (`stepped into the director role`): a
///   subject `I`, a word of [`POSTS`] and a role noun; one of a group (`I was one of two
///   managers`): a subject `I`, `be` and a role noun;
/// - `Being the only channel manager`: `being`, a role noun and the speaker or `my`;
/// - a reporting line: a word starting `report`, `to` or `into`, and the speaker or `my`; direct
///   reports: a word starting `report` and `my`;
/// - a remit that is `mine`, a span of time `into` a post, `been at` a company: `mine`, `into`
///   after a unit of time, or `been`, `at`, a word of [`COMPANIES`] and the speaker;
/// - a stage also: `arr`, `category`/`market` `leader`, `market` `fit`;
/// - a remit handed over (`gave me the program`): `me`, `gave`/`give` or a stem of [`HANDED`],
///   and one of [`REMITS`]; `tasked with`: a subject `I`, `be` and a stem `task`/`charg`;
/// - charge (`in charge of`): `charge` and the speaker; a post taken (`took the job`):
///   `took`/`accepted`, a word of [`POSTS`] and the speaker;
/// - `my job`: `my` and a word of [`MY_ROLE`];
/// - a bare title heading a line: a role noun, singular and not an acronym;
/// - a headcount: a word of [`PEOPLE`]; a stage: the first word of a [`stage_word`]; the
///   company's means ([`means`]): `runway` or `paying`.
///
/// A role noun is whatever [`role_noun`] accepts as a phrase's head; it reads only the word, but for
/// `team` in `a team of one`.
/// The tagger's tokens are the scan's words with punctuation between
/// ([`Ctx::tags_scanned_words`]; a sentence segmented again is always read), so words adjacent
/// there are adjacent in the scan, and no punctuation mark is any of these words.
fn may_state(ctx: &Ctx<'_>, i: usize) -> bool {
    if !ctx.tags_scanned_words(i) {
        return true;
    }
    let t = ctx.tokens;
    let tokens = t.sentences[i].tokens.clone();
    let (mut subject, mut speaker, mut my, mut be_, mut im) = (false, false, false, false, false);
    let (mut role, mut single, mut responsible) = (false, false, false);
    let (mut hired, mut handed, mut hold, mut remit, mut charge) = (false, false, false, false, false);
    let (mut as_, mut at, mut tenure, mut my_role) = (false, false, false, false);
    let (mut me, mut demonstrative) = (false, false);
    let (mut place, mut unit, mut being, mut report, mut to, mut gave, mut took, mut post, mut in_) =
        (false, false, false, false, false, false, false, false, false);
    let (mut charge_of, mut tasked, mut dept, mut size, mut company) = (false, false, false, false, false);
    let mut been = false;
    let (mut side, mut seniority, mut came, mut revenue) = (false, false, false, false);
    let mut from_ = false;
    let mut previous = "";
    for k in tokens {
        let w = t.lower(k);
        let stem = t.stem(k);
        // Most words are none that the readings need: only a role word is left to look for.
        if STATED.contains(w)
            || STATED.contains(stem)
            || w.starts_with("report")
            || w.starts_with("inherit")
        {
            if matches!(w, "people" | "person" | "persons" | "employees" | "employee" | "ppl" | "staff" | "ftes" | "fte" | "headcount")
                || matches!(
                    w,
                    "startup" | "scaleup" | "ipo" | "bootstrapped" | "unicorn" | "hypergrowth"
                        | "start" | "scale" | "series" | "seed" | "early" | "growth" | "late"
                        | "venture" | "vc" | "pe" | "founder" | "publicly" | "public" | "listed"
                        | "funding" | "fortune" | "global" | "runway" | "paying"
                )
            {
                return true;
            }
            subject |= matches!(w, "i" | "i'm" | "i've" | "i'd" | "i'll");
            speaker |= crate::who::speaker(w);
            my |= w == "my";
            be_ |= be(w);
            im |= w == "i'm";
            responsible |= matches!(w, "responsible" | "accountable");
            as_ |= w == "as";
            at |= w == "at";
            tenure |= matches!(w, "years" | "months");
            my_role |= MY_ROLE.contains(&w);
            hired |= HIRED.contains(&stem);
            handed |= HANDED.contains(&stem);
            hold |= HOLD.contains(&stem);
            remit |= REMITS.contains(&stem);
            me |= w == "me";
            demonstrative |= matches!(w, "that" | "this");
            place |= matches!(w, "in" | "on" | "within" | "inside");
            in_ |= w == "in";
            unit |= UNITS.contains(&w);
            being |= w == "being";
            report |= w.starts_with("report");
            to |= matches!(w, "to" | "into");
            gave |= matches!(w, "gave" | "give" | "gives");
            took |= matches!(w, "took" | "take" | "taken" | "accepted" | "accept");
            post |= POSTS.contains(&w);
            charge_of |= w == "charge";
            dept |= DEPARTMENTS.contains(&w);
            size |= SIZES.contains(&w) || SIZE_PREFIXES.contains(&w);
            company |= COMPANIES.contains(&w);
            if (previous == "of" && w == "us")
                || (matches!(previous, "year" | "years") && w == "old")
                || matches!(w, "funded" | "backed" | "angel" | "arr" | "mine")
                || (w == "leader" && matches!(previous, "category" | "market"))
                || (w == "fit" && previous == "market")
                || (w == "into" && matches!(previous, "days" | "weeks" | "months" | "years" | "quarter" | "year"))
            {
                return true;
            }
            been |= w == "been";
            side |= w == "side";
            seniority |= matches!(w, "junior" | "senior");
            came |= matches!(w, "came" | "come");
            from_ |= w == "from";
            revenue |= w == "revenue";
            // `a team of one` is a role noun phrase ([`role_noun`]).
            role |= w == "team" && t.lower(k + 1) == "of" && t.lower(k + 2) == "one";
            tasked |= matches!(stem, "task" | "charg");
            charge |= w.starts_with("inherit")
                || (w == "over" && (previous.starts_with("tak") || previous == "took"))
                || (w == "after" && previous.starts_with("look"));
        }
        previous = w;
        let text = ctx.draft.mask.get(t.tokens[k].range()).unwrap_or("");
        if role_word(w, text) {
            role = true;
            single |= !plural(w) && !text.chars().all(char::is_uppercase);
        }
    }
    (hired && (speaker || as_))
        || (subject && (be_ || im) && (role || responsible))
        || (subject && be_ && handed && remit)
        || (hold && (remit || speaker))
        || (me && (role || (be_ && demonstrative)))
        || charge
        || (as_ && role)
        || (tenure && (speaker || my) && (at || as_))
        || (my && my_role)
        || single
        || (subject && place && (unit || remit || dept))
        || (my && place && (unit || dept))
        || ((size || revenue) && company)
        || (being && role && (speaker || my))
        || (report && to && (speaker || my))
        || ((handed || gave) && me && remit)
        || (took && post && speaker)
        || (tenure && (speaker || my) && in_ && (remit || role))
        || (speaker && charge_of)
        || (subject && be_ && tasked)
        || (subject && post && role)
        || (been && at && company && speaker)
        || (report && my)
        || (tenure && (speaker || my) && side)
        || (seniority && speaker)
        || (came && speaker && in_ && to)
        || (came && speaker && from_)
}

/// The first title or segment the draft mentions that is not the speaker's (it was not found to
/// be): a role or stage phrase of the category's lexicon, else someone's title (`our CRO`).
fn someone_elses(ctx: &Ctx<'_>) -> Option<String> {
    if let Some(hit) = ctx.hits.of(Cue::Stage).first() {
        let sentence = ctx.tokens.tokens.get(hit.start)?.sentence();
        if ctx.tokens.sentences[sentence].tokens.len() > LONGEST {
            return None;
        }
        let r = Read::new(ctx, sentence)?;
        let k = r.s.of_token(hit.start)?;
        let end = r.s.of_token(hit.end - 1).map_or(k + 1, |e| e + 1);
        let range = r
            .phrase_at(k)
            .map_or(k..end, |p| p.tokens.start.min(k)..p.tokens.end.max(end));
        return Some(r.words(range));
    }
    (0..ctx.tokens.sentences.len()).find_map(|i| {
        // Only a sentence with a possessive can hold someone's title (`our CRO`), and only one
        // with a title: a word of `TITLES` or an acronym, read below from a phrase's head, which
        // is one of its words (a sentence segmented again is read whatever it holds).
        let tokens = ctx.tokens.sentences[i].tokens.clone();
        let possessive = tokens.clone().any(|k| {
            let w = ctx.tokens.lower(k);
            matches!(w, "our" | "their" | "my" | "his" | "her" | "its" | "'s" | "’s")
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
        let title = !ctx.tags_scanned_words(i)
            || tokens.clone().any(|k| {
                let text = ctx.draft.mask.get(ctx.tokens.tokens[k].range()).unwrap_or("");
                (text.len() > 1 && text.chars().all(char::is_uppercase))
                    || TITLES.contains(&ctx.tokens.lower(k))
            });
        if tokens.len() > LONGEST || !possessive || !title {
            return None;
        }
        let r = Read::new(ctx, i)?;
        (0..r.len()).find_map(|k| {
            let p = r.phrase_at(k).filter(|p| p.head == k && p.possessor.is_some())?;
            let text = r.s.text(k);
            let title = (text.len() > 1 && text.chars().all(|c| c.is_uppercase()))
                || TITLES.contains(&r.lower(k));
            title.then(|| r.words(p.tokens.clone()))
        })
    })
}

/// The model learned from labelled passages that states whether a sentence states the speaker's
/// role or company stage (`crate::learned`), read on first use.
static MODEL: LazyLock<Model> = crate::learned::embedded!("role-stage");

/// The probability from the learned model at which a sentence states a role or stage the clause
/// reading did not find. Chosen on the holdouts.
const LEARNED: f32 = 0.97;

/// The fewest words of a sentence the model may find a role in alone: one word decides a shorter
/// one (a heading `Partner manager`).
const MIN_WORDS: usize = 4;

/// Whether some sentence of at least [`MIN_WORDS`] words states the speaker's role or stage with
/// probability [`LEARNED`], as the learned model reads it.
fn learned_role(ctx: &Ctx<'_>) -> bool {
    ctx.learned_anywhere(&MODEL, |c| &c.role, MIN_WORDS..=LONGEST, LEARNED)
}

/// `role-stage`: never ties the answer to the role or the company's stage.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    // A role or stage in words no reading names, as the learned model reads it.
    if ctx.text.trim().is_empty() || evidence(ctx).is_some() || learned_role(ctx) {
        return true;
    }
    let lead = match someone_elses(ctx) {
        Some(phrase) => format!(
            "No role or company stage of your own: “{phrase}” is someone else's role or a market segment"
        ),
        None => "No role or company stage".to_string(),
    };
    let message = format!(
        "{lead}: say what your role was (title, scope, what you were hired to do) and where the company was (startup, scale-up, enterprise).{}",
        ctx.guide(Rule::RoleStage)
    );
    out.push(ctx.finding(Rule::RoleStage, ctx.anchor(), message));
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::findings;

    #[test]
    fn a_headcount_sizes_the_company_it_describes() {
        for text in [
            "We had a deal with a 2,000-person media agency group.",
            "The vendor came through their Chief Commercial Officer, a company of about 400 people.",
            "Public sector example: a case platform and a national integrator (around 12,000 staff).",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
        for text in [
            "EMEA channel lead at a managed detection vendor (~450 staff).",
            "I was a junior partner manager at Tallyo, a 90-person accounting startup.",
            "We were profitable but flat — a mature business of about 2,000 people.",
            "Channel manager, ERP reseller, ~150 staff, Brisbane.",
            "It was a 12,000-person telco, and within it I sat in the wholesale division.",
            "We're about 150 people and sell a literacy platform to districts.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        assert_eq!(
            findings("They're about 150 people.", Rule::RoleStage).len(),
            1
        );
    }

    #[test]
    fn jointly_funded_spend_and_the_public_sector_are_no_stage() {
        for text in [
            "Full cost: referral fees, co-funded ads and training time.",
            "Public sector example: a case-management platform and a national integrator.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
        for text in ["We were a PE-backed firm then.", "We were a public company by then."] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_remit_reports_time_in_post_market_place_and_revenue_level_count() {
        for text in [
            "The distributor programme was mine from the start.",
            "At Lumen Reading, where I coordinate our reseller channel, I look at four things.",
            "My three direct reports and I shared the accounts.",
            "Because I reported into the COO, the channel sat in the forecast call.",
            "Two months into the job, I had to decide on the renewal.",
            "I had only been at the firm a fortnight when the dispute started.",
            "We were the market leader in dental software.",
            "We were still pre-product-market fit then.",
            "Our ARR was under $5M at the time.",
            "We had just crossed $10M ARR.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Revenue added is a result, not the company's size; someone else's remit is theirs.
        for text in [
            "Through partners we added $2M ARR.",
            "The reseller said the account was theirs.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_team_a_title_served_a_duty_and_a_resume_line_state_a_role() {
        for text in [
            "I led six partner managers spread across Lagos, Accra and Nairobi.",
            "The order went through the distributor, and I, as their channel account manager, chased it.",
            "I was on the customer success side, accountable for renewals across partner-sold accounts.",
            "In that time I was responsible for the channel in Iberia.",
            "Hired as first Channel Lead (EMEA) to stand up a reseller model.",
            "Owned: partner onboarding, the MDF budget and tier reviews.",
            "I sat one level below the CRO, running partner sales alongside two sales VPs.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Someone else's team, a duty denied, a count of partners run.
        for text in [
            "Their VP led six partner managers.",
            "Their VP sat below the CRO, running partner sales alongside two sales VPs.",
            "In that time I was never responsible for the channel.",
            "My manager was responsible for the channel.",
            "I ran 36 QBRs as a team.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn the_ownership_taken_and_a_counted_remit_in_a_compound_state_a_role() {
        for text in [
            // The article a second-language writer puts before `ownership`.
            "I take the ownership myself on our side, and I ask the partner to name one person.",
            // A count of partners named by a hyphenated compound.
            "At Jalan Kita I look after around 30 merchant-acquisition partners in East Java.",
            // A remit whose first word is joined to the next by a hyphen.
            "I manage the super-agent network for KoboLink in the South-West.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_runway_and_paying_customers_we_had_state_the_stage() {
        for text in [
            "We had about nine months of runway, which made me ruthless about partners.",
            "We had fewer than twenty paying customers, nearly all of them design partners.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        for text in [
            "The reseller had 400 paying customers in the region.",
            "We never had enough runway for a second market.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn the_role_a_plan_assumes_is_the_speakers() {
        for text in [
            "In this seat — I'm assuming the role is head of alliances with a dotted line to product — I'd start with the deals.",
            "The role was head of alliances.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Someone else's role, or a role no one is said to hold.
        for text in [
            "Their alliance lead said the role was new to them.",
            "We discussed what the role of a channel lead is in a bundle.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn revenue_that_sizes_the_speakers_company_states_the_stage() {
        for text in [
            "At a $120M ARR email-security vendor, we run three partner tracks.",
            "I joined a $40M revenue logistics business to build the channel.",
            "Back then we were a $40M revenue logistics business.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Another company's revenue, or revenue that is no size of a company.
        for text in [
            "The reseller is a $40M revenue distributor with offices in six countries.",
            "We had $2M revenue growth from the partner in a year.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn someone_elses_title_or_segment_is_no_role() {
        for text in [
            "I rebuilt enablement.",
            "Our CRO signed off on the plan.",
            "I met their alliance lead at the summit.",
            "We should hire a partner manager next year.",
            "We sold to mid-market retailers.",
            "I ran 36 QBRs as a team.",
            "# How do you launch a co-sell motion?\n",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
        let found = findings("Our CRO signed off on the plan.", Rule::RoleStage);
        assert!(found[0].message.contains("“Our CRO”"), "{}", found[0].message);
    }

    #[test]
    fn seniority_a_side_of_the_trade_a_quota_and_coming_in_count() {
        for text in [
            "Still fairly junior then, I mostly shadowed the partner QBRs.",
            "I was still junior, so I mostly shadowed the partner QBRs.",
            "Having spent four years on the reseller side, I knew which incentives worked.",
            "Coming from eight years carrying an enterprise quota, my instinct was to qualify hard.",
            "I carried a partner-sourced quota that year.",
            "I came in on a six-month contract to rebuild partner enablement.",
            "I come from corporate partnerships at a children's literacy charity.",
            "I came from a sales background, so the channel was new to me.",
            "I'd name myself owner on our side and ask for a named owner on theirs.",
            "I appointed myself partner manager for the pilot.",
            "Title was Partner Development Manager, but I also did partner marketing.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Someone else's seniority, quota or arrival is not the speaker's role.
        for text in [
            "Their rep was junior, so I shadowed the partner QBRs.",
            "I didn't want them carrying a quota they'd ignore.",
            "The partner came in late to the renewal.",
            "The best leads came from marketing.",
            "I came from the partner's side of the table.",
            "I'd name myself in the plan and ask for their channel managers.",
            "I made myself a promise to call every partner.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn the_speakers_own_role_or_stage_counts() {
        for text in [
            "As a Series B startup we had no channel.",
            "I ran partnerships for the Nordics at a 600-person company.",
            "I joined as the second commercial hire.",
            "I was brought in to fix the channel.",
            "I'm VP of Partnerships.",
            "After our Series B we opened a channel.",
            "Inherited 3 SI partners, no cadence.",
            "I've been a partner coordinator for two years.",
            "How I set it up (I'm the TPM, dev-tools, ~150 ppl).",
            // Handed a remit; a headcount in persons; a plan's role for the speaker.
            "When I was given the alliance, it had no owner.",
            "We are a device maker of around 300 persons.",
            "Assuming a partner with spare capacity, and me owning the alliance end to end, I would start small.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Someone else handed a remit, or the speaker running someone else's.
        for text in [
            "Their new director was given the alliance.",
            "It meant me running their channel for a month.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_role_read_from_the_clause_counts() {
        for text in [
            // A title as the speaker's predicate, whatever the auxiliaries or mood.
            "I'd been alliance coordinator for a year when the deal came in.",
            "If I were the channel director here, I would start with the data.",
            // A phrasal verb of taking charge: whatever it governs is the remit.
            "When I took over the marketplace listing, nothing was tracked.",
            "I look after the installer base for a solar inverter maker.",
            // Tenure at an employer or in a role.
            "Drawing on six years at a logistics software vendor, I'd start small.",
            "After years as a solutions engineer I moved closer to the deals.",
            // A headcount that modifies the company, whatever introduces it.
            "It was the same 80-person fintech when I left.",
            // A resume line opening with a bare title.
            "- Channel director; two distributors, no shared pipeline.",
            // A remit held by the subject of the clause before `and`, stressed by `myself`.
            "I co-founded Crateshare, a marketplace for used equipment, and ran partnerships myself.",
            // A remit handed over as a task.
            "Last year I was asked to build our first vendor alliances.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        for text in [
            // Someone else's predicate, a negated one, a count taken over, a tenure not the
            // speaker's, someone else's title at the head of a sentence.
            "She was the channel director.",
            "I was not a manager then.",
            "We took over 40 accounts from the old agency.",
            "Their founder spent ten years at a bank.",
            "The regional director signed the plan.",
            "Our CEO signed the reseller and ran partnerships herself.",
            "I was asked to build their partner programme.",
            "I was asked to build a dashboard.",
            "- Partner delivery NPS",
            "**Measurement**",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_role_after_so_as_is_the_speakers() {
        let text = "Early bundles are hand-held by the best people, so as ecosystem lead I'd first check the lift.";
        assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
    }

    #[test]
    fn a_role_after_what_the_speaker_would_own_is_the_speakers() {
        let text = "For this answer I will assume a dozen bundled deals, and that I would own the partnership as alliance lead.";
        assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
    }

    #[test]
    fn a_place_post_charge_or_reporting_line_of_the_speaker_counts() {
        for text in [
            // A unit of the company or a post the speaker is in, or their time in one.
            "I sat in the reseller team, next to sales.",
            "During my rotation in the alliances team, my manager asked me to check the partners.",
            "My stint in the channel team was short.",
            "By then I had been in the alliance manager seat for two years.",
            // A reporting line, either way.
            "I built the program reporting to the COO.",
            "Two channel managers reported to me.",
            // A gerund of `be` or of holding a remit, with the speaker as its subject.
            "Being the only channel manager meant I did the enablement too.",
            "In my third year leading alliances, the board asked for a marketplace.",
            // A remit handed over, a post taken, charge of anything.
            "The COO gave me the distributor program in my first month.",
            "I took the job of turning referrals into a real channel.",
            "I was in charge of the marketplace listings.",
            "I was tasked with building a referral motion.",
            // Owning the matter at hand, or taking ownership of it.
            "I'd own it myself until there's a proper owner.",
            "I take ownership on our side and ask for a named owner on theirs.",
            "I stepped into the channel director role after a reorganisation.",
            "I was one of two alliance managers for the Nordics.",
            // Tenure in a domain; an `as` phrase set off before the speaker's clause.
            "I've spent five years in channel sales.",
            "In 2022, as alliance lead for our payroll product in Spain, I had two resellers.",
            // A stage: founder-led, a funding round, a Fortune list, a headcount in apposition.
            "The business was founder-led when we signed them.",
            "We had just closed a funding round.",
            "This was at a Fortune 500 insurer.",
            "Our company, then about 90 people, had one reseller.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        for text in [
            // Attending, a unit's thing, telling, someone else's charge or post.
            "I sat in on the reseller team's calls.",
            "I presented in the channel team's weekly meeting.",
            "I reported to the board that partner revenue had doubled.",
            "Their VP was in charge of the marketplace listings.",
            "Their partner manager took the job after we signed.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_company_described_by_funding_age_size_or_team_counts() {
        for text in [
            "We had only raised an angel round when the reseller called.",
            "It was a seed-funded company, three years old, with one product.",
            "We were a two-year-old marketplace when I joined.",
            "Being a small company, eight of us in one office, we moved fast.",
            "This was after our Series A.",
            "The firm was still bootstrapped and barely thirty people.",
            "I was in finance before I moved across.",
            "Coming in as an analyst on the alliances team, I had no budget.",
            "Switching sides as a partner manager was new to me, so I asked a lot.",
            "My background is in channel sales.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        for text in [
            // Another party's size or stage, a verb read as a title, one of a group.
            "The partner was a 3,000-person integrator with a health practice.",
            "Their support team was only 12 people, so nights were uncovered.",
            "The distributor was a bootstrapped firm of about 40 people.",
            "The first thing I'd do is hire an alliance manager.",
            "One of us had to own the account.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_standing_remit_or_the_speaker_named_for_a_role_counts() {
        for text in [
            // The present simple of a verb of charge governs a domain, whatever it is called.
            "I manage installers and wholesalers across two provinces.",
            "I run co-marketing with our distributors.",
            "At our robotics company I own certification for every integrator.",
            // Inheriting is taking charge.
            "When I inherited procurement at a clinic chain, nothing was tracked.",
            // A title the tagger opens with a verb.
            "I'm procurement manager for a clinic chain.",
            // A job with no ordinal, or a first job held somewhere.
            "My job was to fix the channel.",
            "My first job was at a freight broker.",
            // The speaker named as the role just described.
            "A named owner on each side (me on ours) and a sponsor above each.",
            "Each side needs an owner; on ours that would be me.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        for text in [
            // A step of a plan: an ordinal job with an infinitive.
            "Leadership moves fast, so my first job would be to slow them down.",
            // An instance run, a past event, a verb that is no charge.
            "I run a weekly pipeline call with their sales manager.",
            "I ran a pilot with the partner.",
            "I take enablement seriously.",
            "Their side picked an owner (the regional director).",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn each_reading_passes_the_words_read_before_tagging() {
        // One sentence for each way `may_state` lets a sentence through to the tagger: each must
        // still be read, or the role would be missed.
        for text in [
            // A stem of hiring and the speaker as its object.
            "They hired me to fix the channel.",
            // `I` and `be` with `accountable`, or with a title.
            "I am accountable for the Nordic resellers.",
            "I was the alliance coordinator for a year.",
            // Handed a remit.
            "I was handed the channel in March.",
            // A remit held; a phrasal verb of taking charge.
            "I ran partnerships for the Nordics.",
            "When I took over the marketplace listing, nothing was tracked.",
            // `as` and a title.
            "As partner lead, I kept the plan short.",
            // Tenure: `years` at an employer, about the speaker.
            "Four years at a reseller taught me this.",
            // `my` and a word for a role.
            "My remit was the Nordics.",
            // A bare title heading a line.
            "- Channel director; two distributors, no shared pipeline.",
            // A headcount; a stage.
            "We are a device maker of around 300 persons.",
            "After our Series B we opened a channel.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Someone else's title is still named when the sentence has a title word or an acronym
        // and a possessive; a sentence with neither is not read for it.
        let found = findings(
            "The launch slipped. Their VP signed off in May.",
            Rule::RoleStage,
        );
        assert!(found[0].message.contains("“Their VP”"), "{}", found[0].message);
    }

    #[test]
    fn a_size_before_a_hyphenated_modifier_or_written_mid_sized_names_the_company() {
        for text in [
            "I had just moved from integrations into a partnerships job at a mid-sized data-warehouse company.",
            "I worked at a small data-warehouse company then.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Not a size of what the speaker sells to.
        let text = "We sold to a small retail business.";
        assert_eq!(findings(text, Rule::RoleStage).len(), 1);
    }

    #[test]
    fn no_own_role_in_a_task_or_a_hypothetical_hire() {
        for text in [
            "I took the call with their alliance lead.",
            "We should hire a channel director next year.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_role_in_words_no_reading_names_is_read_by_the_learned_model() {
        let text = "I was the partnerships team, all of it.";
        assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
    }

    #[test]
    fn a_ranked_title_a_team_of_one_a_timed_title_and_a_plural_department_state_a_role() {
        for text in [
            "I joined as employee number nine, the same year we signed our first NHS trust.",
            "Being a team of one on alliances meant the account mapping, the contract redlines and the enablement decks all landed on my desk.",
            "As a team of one, I picked two partners.",
            "I was a team of one.",
            "For two years I was a team of one on alliances.",
            "Interim head of partnerships for five months, while we searched for a permanent VP.",
            "I actually sat in revenue operations, not in the partner team.",
        ] {
            assert!(findings(text, Rule::RoleStage).is_empty(), "{text}");
        }
        // Someone else's numbered hire, a title with a verb after it, a plural team.
        for text in [
            "They joined as partner number nine, the same year we signed the trust.",
            "Head of sales at the reseller then pushed back on the terms.",
            "I sat in on the operations reviews.",
        ] {
            assert_eq!(findings(text, Rule::RoleStage).len(), 1, "{text}");
        }
    }

}
