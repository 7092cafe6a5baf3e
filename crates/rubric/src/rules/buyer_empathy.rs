//! `buyer-empathy`: tactics only, never the end customer's or buyer's needs.
//!
//! Why interviewers care: partnerships exist to serve a buyer; an answer that never says what the
//! customer needed sounds like sales tactics without business understanding.
//!
//! Reads whose need a sentence states from its clause structure ([`crate::syntax`], through
//! [`crate::who::Read`]), with two grades of who a phrase is:
//! - a *buyer*: a person noun of the category's `buyer` lexicon (`customer`, `end users`: the
//!   entries with an agent noun's form), the party the draft says it sells to or serves (`we sell
//!   scheduling to clinics`, `the hospitals we sold to`), a person of theirs (`clinic managers`,
//!   `the hospital's security lead`, `their education teams`);
//! - an *outsider*: a noun phrase that is not the speaker's side (`I`, `our VP`), a team
//!   (`product`, `their sales teams`), a person at work without a noun saying whose (`reps`,
//!   `the founders`; but `clinic managers`, `HR leads`) or a phrase placing it outside (`reps at
//!   the pharma companies`; not `reps at the partner`), nor the partner (`partner`, or what the
//!   draft calls one in a compound: `MSSP partners`). Its wants are the market's.
//!
//! A clause's subject is read past what English puts between a subject and its verb: an
//! appositive, participles included, or a parenthesis (`our customers, the shippers, were
//! asking`; `their clients, mostly insurers trying to retire old systems, kept asking`; `their
//! buyers (IT leads at 500-seat companies) wanted`), prepositional phrases after the head (`the customers in
//! the disputed accounts got`; but `half of those partners` is the partners), a locative
//! with its particle, if any (`the operators there needed`, `commuters out there wanted`), a
//! quantity of a group, whatever phrase follows the group (`plenty of the freelancers on the
//! marketplace couldn't`, `many of the farmers in the valley`), and a
//! relative clause without `that` (`the banks we sell to need`, `the clinics we serve renewed`; a
//! `to` at its end belongs to a verb of selling); an appositive may hold the participle of a
//! compound adjective (`their clients, mostly family-owned manufacturers, wanted`). A need verb
//! the tagger reads as a noun or an adverb right after a plural subject is a verb (`what hospital
//! CISOs fear most`, `lab directors worried about`). A clause the clause reader gives no subject has
//! the one English leaves unsaid: a relative clause opened by `that` its noun's (`shops that
//! already trusted the rep`), a verb joined by `and` or a comma that of the clause before
//! (`landlords were running two tools, copying details by hand, and losing applicants`).
//! `they`/`their` stand for the nearest plural or buyer subject
//! before them (in the sentence or the one before; a `they` found there is followed back in turn),
//! or for the organisation that owns such a subject (`the hospital's security lead told me they
//! could not absorb a new tool` is the hospital), else the nearest plural noun; `that` for the
//! noun right before it; `who`/`whose` for the nearest noun before them that can be a person (a
//! plural, an agent noun, a name), read back past the phrases, numbers and participles that
//! modify it (`adults with eczema on a 12-week regimen who needed`; a name after a preposition
//! of place is a place: `small traders in Kano and Kaduna who lose half a day`; a singular one
//! only with a noun or an owner before it saying whose: `the HR director, whose worry`);
//! `he`/`she`/`his` for the nearest subject before them when that is a singular person noun
//! (`the plant's reliability manager was losing patience: he wanted`). A term of the category's
//! trade (a concept's or a metric's word: `incentives cannot fix a partnership`, `tiers rise`)
//! is nobody in the market. Clauses the clause reader leaves inside another (`around what clinic
//! groups actually wanted`, `something they care about`) are read from the noun phrase or
//! pronoun right before each verb group.
//!
//! Does not fire when the draft shows the buyer's perspective, that is:
//! - a buyer's clause of need, want or pain (`customers struggled`, `kept asking for`),
//!   obligation (`fleet operators had to close their books by day three`, `who had to hit an
//!   SLA`, `they must file reports on time`), lack (`the risk officer doesn't have the staff`,
//!   `they had no in-house team`) or capability, had or lacked (`they could not absorb
//!   another tool`), any clause where a named buyer acts (`the customer renewed`), and a
//!   question about what buyers do or say (`what did customers say about buying through the
//!   channel?`);
//! - an outsider's clause of need, want, pain or lack, not passive (`retail chains needed stock
//!   levels`, `the weeks they didn't have`; a progressive `had been asking for` is not passive;
//!   `must` binds a person or a group, not a thing: `reports must be filed`),
//!   a group of them or a person of a kind that cannot or will not (`banks can't go live`,
//!   `teachers won't touch anything that needs a separate login`, `a plant manager
//!   can't afford a stoppage`; not one counterpart: `the store manager couldn't`) or loses something (`landlords were losing
//!   good applicants`; one person's loss, `if an AE loses money`, is a term of a deal), has none
//!   of something (`energy managers had nothing better than a spreadsheet`; one person's `the AE
//!   had no reason` is the deal's) or is obliged to (`county clerks are required to retain
//!   records`; not one member of a set taken in turn: `each agency had to name a lead` is a term
//!   of the program), a need noun an outsider has, feels or faces, not passive
//!   (`the agencies had one need`, `the ward managers who feel the pain`), a need noun in
//!   apposition after a dash or a colon to what the sentence's topic (its first subject, or the
//!   phrase a colon closes at its start) does or suffers, when that is a buyer or a group
//!   outside (`dispatchers re-keyed orders every morning — the pain the offer solved`), a need
//!   noun whose sufferer a colon or a dash names after it, a buyer or a group of people outside
//!   (`one pain: project managers re-entering daily reports on a Sunday night`), and a
//!   buyer's or a group's attitude to something (`clinics are very sensitive to disruption`, a
//!   participle of emotion with `of` or `about`: `landlords were tired of chasing references`;
//!   read past a participle the clause reader took for the verb: `merchants moving platforms are
//!   terrified of…`); but a thing that `needs to` do
//!   something (`ROI evaluation needs to account for…`) is told what it must do, and states no
//!   one's need;
//! - a difficulty, burden or loss a buyer, a group of people outside or a person of a kind suffers,
//!   stated through its predicate rather than a need word: the predicate (its verb group to the
//!   next clause, subordinator or conjunction) reads negative in VADER's lexicon, each word by its
//!   stem when VADER lacks the form (`IT admins were drowning in alerts`, `patients were missing
//!   deliveries`, `gym members quietly stop coming`), or spends or waits time (`their finance
//!   leads spent the first week of every month reconciling`); the subject must name people (a
//!   person noun, a name, `they`, `who`), be its verb's own (no verb between them, not a verb's
//!   object: `we'd do a joint customer call whenever a deal looked stuck`), and the clause must
//!   not be passive (`a redesign will be ignored`); a thing that drops or waits (`disputes
//!   dropped`, `decisions waited`) is no one's difficulty;
//! - why buyers or outsiders buy or pay (`shippers buy us to stop missing delivery windows`,
//!   `something a shipper would pay for`), but not who gets paid (`each side gets paid`), nor a
//!   payment that says nothing of what it pays for or to get (`paid when the club paid its first
//!   invoice`);
//! - the speaker listening to buyers (`we interviewed the customers`), to a group outside, as its
//!   object or the one talked `to` or `with` (`we interviewed twenty fleet managers`; not `we
//!   talked about the agencies`), or asking one a question (`I asked the restaurant owners what a
//!   bad Friday looked like`), or letting, helping or
//!   enabling them (`the plug-in let merchants ship abroad`);
//! - a buyer's noun phrase: anything but people a buyer owns (`the buyer's regulatory burden`,
//!   `hospital customers' onboarding time`; not `the client's product leads`), a need word a
//!   buyer or outsider owns or a buyer modifies (`their real pain`, `the plant manager's
//!   problem`, `the pharmacies' problem`, `customer problems`) or that is for a buyer or a
//!   group outside (`the big problem for bakeries`, `for the bakeries, the problem was`; not
//!   `for partners`), a need phrase of the lexicon that
//!   is not just a party's name (`pain points`, `use case`, `customer experience`), or a buyer
//!   word within three words of a need word with no comma, colon or dash between them (`what
//!   customers valued`; not `discovery with the customer, wrote the requirements`);
//! - a sentence of four words or more that a model learned from labelled passages
//!   (`crate::learned`, `models/buyer-need.tsv`) reads as stating a buyer's need with
//!   probability 0.8 or more, for needs in words none of the readings above names.
//!
//! The same model vetoes the clause readings that name no buyer or group as the one in need:
//! an outsider's request or obligation, a payment, a buyer who acts, someone listened to, an
//! attitude, a difficulty or a need in apposition counts only in a sentence the model gives a
//! probability of 0.05 or more (`The first version paid a flat $50 per registered account`, `I
//! look at certified engineers and quotes requested` state terms and measures, not needs). A
//! buyer's clause of need, a group outside that needs, wants or struggles (`retail chains
//! needed stock levels`), a buyer's noun phrase and a need noun a buyer or outsider owns stand
//! on structure alone; so do the lexicon's need phrases and a buyer word beside a need word.
//!
//! Fires on: a draft with none of these, one finding on the title (or line 1). Customers as
//! modifiers of something else (`customer overlap`, `a joint customer call`, `our customer
//! list`), a team (`customer success`), a need word nobody outside owns (`the problem was our
//! intake process`), and a partner's or colleague's need (`the reseller needs to see results`,
//! `partners wanted higher margins`) show no buyer.
//!
//! Example: "We ran joint campaigns and tracked pipeline." fires; "Customers struggled to pass
//! audits." and "Clinic managers did not want a second login." do not.

use std::sync::LazyLock;

use crate::context::{Ctx, Input};
use crate::learned::Model;
use crate::lexicon::Cue;
use crate::rules::{Meta, Scope};
use crate::syntax::{Clause, Phrase, UPOS};
use crate::who::{Read, agent_noun, own, plural};
use crate::{Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "buyer-empathy",
    default_severity: Severity::Information,
    summary: "No sign of the end customer's or buyer's needs, only tactics.",
    scored: true,
    scope: Scope::Draft,
    advice: "Show what the end customer or buyer needed and how your approach served them, not only the tactics.",
    citation_keywords: &["empathy", "buyer"],
    needs_prose: false,
};

/// The buyer's needs, besides the category's `buyer` lexicon ([`crate::lexicon::Cue::Buyer`]). Compiled into the engine's one automaton.
#[rustfmt::skip]
pub(crate) const BUYER: &[&str] = &[
    "buyer", "buying", "end customer", "end user", "end-user", "customer need", "customers need",
    "customer's need", "customer needs", "pain point", "pain", "use case", "use-case", "icp",
    "persona", "jobs to be done", "jtbd", "workflow", "procurement", "buying committee",
    "customer problem", "customer experience", "customer value", "value to customers",
    "for customers", "for the customer", "customers wanted", "customers asked", "customer wanted",
    "customer asked", "what customers", "customer feedback", "customer outcome", "customer journey",
    "their needs", "user need", "compliance need", "buyers", "customer", "customers", "client",
    "clients", "user", "users",
];

/// Stems of what a buyer needs, as a verb (`struggled`, `wanted`) or a noun (`pain`, `goals`).
const NEEDS: &[&str] = &[
    "need",
    "want",
    "pain",
    "problem",
    "struggl",
    "care",
    "valu",
    "ask",
    "request",
    "prioriti",
    "goal",
    "experi",
    "feedback",
    "journey",
    "workflow",
    "challeng",
    "expect",
    "frustrat",
    "complain",
    "demand",
    "requir",
    "concern",
    "risk",
    "trust",
    "worri",
    "hate",
    "fear",
    "outcom",
    "benefit",
];

/// Stems of the verbs of need whose subject is the one in need (`retail chains needed`, `merchants
/// wanted`, `clinics struggled`); the other need words as often state a party's terms (`the
/// partner asked for`, `evidence of a meeting required`).
const WANT: &[&str] = &["need", "want", "struggl"];

/// Stems of the words that name people who buy or use, for a need stated right beside them
/// (`what customers valued`, `client pain`).
const BUYERS: &[&str] = &["custom", "client", "buyer", "user", "prospect"];

/// Modal verbs of capability: what a buyer can or cannot do.
const CAN: &[&str] = &["can", "could", "cannot", "can't", "couldn't", "unable"];

/// Modal verbs of will: denied, what a buyer refuses (`teachers won't touch anything that needs
/// a separate login`).
const WILL: &[&str] = &["will", "would", "won't", "wouldn't"];

/// Stems of verbs whose object is enabled to do something (`let merchants ship`).
const ENABLE: &[&str] = &["let", "help", "allow", "enabl"];

/// Stems of verbs of selling or serving: their `to` phrase or object is the draft's buyer.
const SELL: &[&str] = &["sell", "sold", "serv"];

/// Stems of verbs of listening to someone: buyers after them are heard (`interview the
/// buyers`).
const LISTEN: &[&str] = &["interview", "listen", "talk", "survey", "understand"];

/// Stems of verbs of buying: their subject is a buyer, telling why they buy.
const BUY: &[&str] = &["buy", "bought", "purchas", "pay", "paid"];

/// Sentences longer than this are not prose a need is stated in; they are not tagged.
const LONGEST: usize = 150;

/// The sentence index given for a phrase read on its own: a pronoun in it is not resolved
/// across sentences.
const ALONE: usize = usize::MAX;

/// Whether `lower` is a form of *have* (`had to` states an obligation).
fn have(lower: &str) -> bool {
    matches!(lower, "have" | "has" | "had")
}

/// Whether stem `s` is a need word.
fn need(s: &str) -> bool {
    !s.is_empty() && NEEDS.iter().any(|n| s.starts_with(n))
}

/// What the draft says about its buyers before any sentence is tagged.
struct Buyers<'c> {
    ctx: &'c Ctx<'c>,
    /// Stems of the parties the draft sells to or serves, read on first use.
    sold_to: std::cell::OnceCell<Vec<String>>,
    /// Stems of the nouns the draft calls partners, read on first use.
    partners: std::cell::OnceCell<Vec<String>>,
    /// How many references are being resolved, one inside another: a pronoun's antecedent may
    /// be a phrase whose subject is another pronoun (`who` → `he` → `who`), so the chain is cut
    /// at [`MAX_REFERENCES`] instead of recursing without end.
    resolving: std::cell::Cell<usize>,
}

/// The longest chain of pronouns read back to what they stand for.
const MAX_REFERENCES: usize = 6;

impl<'c> Buyers<'c> {
    /// Whether draft token `t` is one of the category's buyer person nouns (`customer`, `end
    /// users`), not a team (`customer success`).
    fn lexicon_party(&self, t: usize) -> bool {
        let ctx = self.ctx;
        // The lexicon first: it rules out nearly every word without a copy.
        if !ctx.hits.covers(Cue::Buyer, t) || ctx.hits.covers(Cue::Team, t) {
            return false;
        }
        let lower = ctx.tokens.lower(t);
        let lower = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|s| lower.strip_suffix(s))
            .unwrap_or(lower);
        agent_noun(lower)
    }

    /// Whether token `k` of `r` names a buyer.
    fn party(&self, r: &Read<'_>, k: usize) -> bool {
        if !matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN) {
            return false;
        }
        let Some(t) = r.s.token(k) else {
            return false;
        };
        self.lexicon_party(t) || self.sold_to().iter().any(|s| s == r.stem(k))
    }

    /// Stems of whom the draft sells to or serves: the phrase after `sell … to`, before `we sold
    /// to`, or the object of `serve`.
    fn sold_to(&self) -> &[String] {
        self.sold_to.get_or_init(|| {
            let ctx = self.ctx;
            let t = ctx.tokens;
            let mut stems = Vec::new();
            for i in 0..t.sentences.len() {
                let range = t.sentences[i].tokens.clone();
                if range.len() > LONGEST || !range.clone().any(|k| SELL.contains(&t.stem(k))) {
                    continue;
                }
                let Some(r) = Read::new(ctx, i) else { continue };
                let noun = |k: usize| matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN);
                // The phrase starting at token `k`, or the word itself when the tagger gave it
                // no noun reading.
                let named = |k: usize| {
                    r.phrase_at(k)
                        .filter(|p| p.tokens.start == k)
                        .map_or(k, |p| p.head)
                };
                for k in 0..r.len() {
                    let stem = r.stem(k);
                    if !SELL.contains(&stem) {
                        continue;
                    }
                    if stem == "serv" {
                        if r.stem(k + 1).chars().any(char::is_alphabetic) {
                            stems.push(r.stem(named(k + 1)).to_string());
                        }
                        continue;
                    }
                    // `sell scheduling to clinics`; `the clinics we sold to`.
                    let Some(to) = (k + 1..r.len().min(k + 8))
                        .take_while(|&j| r.pos(j) != UPOS::PUNCT)
                        .find(|&j| r.lower(j) == "to")
                    else {
                        continue;
                    };
                    if to + 1 < r.len() && (noun(to + 1) || r.pos(to + 1) == UPOS::DET) {
                        stems.push(r.stem(named(to + 1)).to_string());
                    } else if to == k + 1
                        && k >= 2
                        && r.pos(k - 1) == UPOS::PRON
                        && noun(k - 2)
                    {
                        stems.push(r.stem(k - 2).to_string());
                    }
                }
            }
            stems.retain(|s| !s.is_empty());
            // A long draft names the same party many times: each is looked up per noun.
            stems.sort_unstable();
            stems.dedup();
            stems
        })
    }

    /// Who `phrase` of sentence `i` is: a [`Party::Buyer`] when its head, its possessor or (for
    /// a person noun head: `clinic managers`) a word before the head names one; a
    /// [`Party::Third`] when it is someone outside the deal ([`Buyers::third_party`]); for a
    /// pronoun (`they`, `who`, `their`), whoever it refers back to ([`Buyers::antecedent`]).
    fn party_of(&self, r: &Read<'_>, i: usize, phrase: &Phrase) -> Party {
        let head = phrase.head;
        if self.party(r, head)
            || phrase.possessor.is_some_and(|p| self.party(r, p))
            || (agent_noun(r.lower(head))
                && (phrase.tokens.start..head).any(|k| self.party(r, k)))
        {
            return Party::Buyer;
        }
        if refers_back(r.lower(head)) {
            return self.antecedent(r, i, head);
        }
        if phrase.possessor.is_some_and(|p| refers_back(r.lower(p))) {
            let owner = phrase.possessor.map_or(Party::None, |p| self.antecedent(r, i, p));
            // `their education teams`: the buyer's own people.
            return owner;
        }
        if self.third_party(r, phrase) {
            Party::Third
        } else {
            Party::None
        }
    }

    /// Who the pronoun at token `k` of sentence `i` refers back to: for `who`/`that`, the noun
    /// right before it (`merchants who wanted`; a singular outsider does not count); for
    /// `they`/`their`, the nearest plural or buyer subject before it, in its sentence or else in
    /// the one before. The predicate of `be` stands for its subject (`those partners were
    /// tire-kickers who…` is the partners).
    fn antecedent(&self, r: &Read<'_>, i: usize, k: usize) -> Party {
        self.antecedent_within(r, i, k, 2)
    }

    /// [`Buyers::antecedent`], following a chain of `they` at most `depth` more times.
    fn antecedent_within(&self, r: &Read<'_>, i: usize, k: usize, depth: usize) -> Party {
        if self.resolving.get() >= MAX_REFERENCES {
            return Party::None;
        }
        self.resolving.set(self.resolving.get() + 1);
        let party = self.resolve_antecedent(r, i, k, depth);
        self.resolving.set(self.resolving.get() - 1);
        party
    }

    /// [`Buyers::antecedent_within`] inside the guard on the chain's length.
    fn resolve_antecedent(&self, r: &Read<'_>, i: usize, k: usize, depth: usize) -> Party {
        let noun = |r: &Read<'_>, j: usize| matches!(r.pos(j), UPOS::NOUN | UPOS::PROPN);
        // Who the noun at `j` is; the predicate of `be` is its subject (`those partners were
        // tire-kickers who wanted`).
        let of = |r: &Read<'_>, j: usize| {
            if refers_back(r.lower(j)) {
                return Party::None;
            }
            // A hyphenated compound is one word (`tire-kickers`): its first part is in the phrase.
            let mut first = j;
            while first >= 2 && r.lower(first - 1) == "-" {
                first -= 2;
            }
            if let Some(c) = r.clause_of(j).filter(|c| {
                c.copula
                    && c.object
                        .as_ref()
                        .is_some_and(|o| o.tokens.contains(&j) || o.tokens.contains(&first))
            }) {
                // `half of those partners were…`
                if (c.tokens.start..c.verb).any(|k| r.stem(k).starts_with("partner")) {
                    return Party::None;
                }
                return c.subject.as_ref().map_or(Party::None, |s| {
                    if refers_back(r.lower(s.head)) {
                        Party::None
                    } else {
                        self.party_of(r, ALONE, s)
                    }
                });
            }
            r.phrase_at(j).map_or(Party::None, |p| {
                let p = Phrase { head: j, ..p };
                self.party_of(r, ALONE, &p)
            })
        };
        if matches!(r.lower(k), "who" | "whose") {
            // A singular outsider who wants is as often one counterpart (`a leader who cares`)
            // as the market, unless a noun or an owner before it says whose (`the HR director,
            // whose worry`, `the plant's manager, who`).
            let whose = |j: usize| {
                j.checked_sub(1).is_some_and(|m| {
                    matches!(r.pos(m), UPOS::NOUN | UPOS::PROPN) || r.lower(m).ends_with("'s")
                })
            };
            return who_antecedent(r, k).map_or(Party::None, |j| match of(r, j) {
                Party::Third if !plural(r.lower(j)) && !whose(j) => Party::None,
                party => party,
            });
        }
        if matches!(r.lower(k), "that" | "which") {
            // A singular outsider who wants is as often one counterpart (`a leader who cares`)
            // as the market.
            return (0..k)
                .rev()
                .take(2)
                .find(|&j| noun(r, j))
                .map_or(Party::None, |j| match of(r, j) {
                    Party::Third if !plural(r.lower(j)) => Party::None,
                    party => party,
                });
        }
        // `they`: the nearest subject before it that is plural or a buyer (`merchants told us
        // one thing: they wanted…`).
        // A `they` subject stands for the same group: `they only ever found reasons to stall.
        // Their sales teams…` is still the resellers before them.
        // An organisation that owns the subject is a `they` too: `the hospital's security lead
        // told me they could not absorb a new tool` is the hospital.
        let nearest = |r: &Read<'_>, before: usize| {
            r.clauses()
                .iter()
                .rev()
                .filter_map(|c| c.subject.as_ref())
                .filter(|s| s.head < before)
                .find_map(|s| {
                    if (noun(r, s.head) && (plural(r.lower(s.head)) || self.party(r, s.head)))
                        || matches!(r.lower(s.head), "they" | "they're" | "they've" | "they'd")
                    {
                        return Some(s.head);
                    }
                    s.possessor.filter(|&o| noun(r, o))
                })
        };
        // Else the nearest plural noun before it, whatever its role (`we pick five shared
        // customers to beta it. Their platform teams want…`).
        let any_plural = |r: &Read<'_>, before: usize| {
            (0..before)
                .rev()
                .find(|&j| {
                    noun(r, j)
                        && plural(r.lower(j))
                        && r.phrase_at(j).is_some_and(|p| p.head == j)
                })
        };
        let previous = i
            .checked_sub(1)
            .filter(|&p| i != ALONE && self.ctx.tokens.sentences[p].tokens.len() <= LONGEST)
            .and_then(|p| Read::new(self.ctx, p));
        // A `they` found first is resolved in turn, a few sentences back at most.
        let resolve = |r: &Read<'_>, i: usize, j: usize| {
            if refers_back(r.lower(j)) {
                if depth == 0 {
                    Party::None
                } else {
                    self.antecedent_within(r, i, j, depth - 1)
                }
            } else {
                of(r, j)
            }
        };
        if matches!(r.lower(k), "he" | "she" | "him" | "his" | "her") {
            // One person: the nearest subject before it, when that is a singular person noun
            // (`the plant's reliability manager was losing patience: he wanted…`).
            let person = |r: &Read<'_>, before: usize| {
                r.clauses()
                    .iter()
                    .rev()
                    .filter_map(|c| c.subject.as_ref())
                    .filter(|s| s.head < before && noun(r, s.head))
                    .map(|s| s.head)
                    .next()
                    .filter(|&j| !plural(r.lower(j)) && agent_noun(r.lower(j)))
            };
            if let Some(j) = person(r, k) {
                return of(r, j);
            }
            return previous
                .and_then(|p| person(&p, p.len()).map(|j| of(&p, j)))
                .unwrap_or(Party::None);
        }
        if let Some(j) = nearest(r, k) {
            return resolve(r, i, j);
        }
        if let Some(p) = &previous {
            if let Some(j) = nearest(p, p.len()) {
                return resolve(p, i - 1, j);
            }
        }
        if let Some(j) = any_plural(r, k) {
            return of(r, j);
        }
        previous
            .and_then(|p| any_plural(&p, p.len()).map(|j| of(&p, j)))
            .unwrap_or(Party::None)
    }
}

impl Buyers<'_> {
    /// Whether clause `c` has the speaker's side listen to a group outside (`we interviewed twenty
    /// clinic managers`) or ask it a question (`I asked the restaurant owners what…`): a plural
    /// phrase after a verb of listening, or after `ask` with a question word after it.
    fn heard(&self, r: &Read<'_>, c: &Clause) -> bool {
        let verb = r.stem(c.verb);
        let listen = LISTEN.iter().any(|l| verb.starts_with(l));
        let ask = verb == "ask";
        if !(listen || ask)
            || !c
                .subject
                .as_ref()
                .is_some_and(|s| r.is_subject_speaker(s.head) || r.lower(s.head) == "we")
        {
            return false;
        }
        (c.verb + 1..c.tokens.end).any(|k| {
            matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN)
                && plural(r.lower(k))
                && r.phrase_at(k).is_some_and(|p| {
                    p.head == k
                        // Heard: the verb's object or the one it talks `to` or `with`, not what
                        // it talks `about`.
                        && (c.object.as_ref().is_some_and(|o| o.head == k)
                            || p.tokens.start.checked_sub(1).is_some_and(|b| {
                                matches!(r.lower(b), "to" | "with")
                                    // `a few of the owners`
                                    || (r.lower(b) == "of" && quantity(r, b - 1))
                            }))
                        && self.party_of(r, ALONE, &p) >= Party::Third
                        && (listen
                            || matches!(
                                r.lower(p.tokens.end),
                                "what" | "how" | "why" | "whether" | "if" | "which" | "where"
                                    | "when" | "about"
                            ))
                })
        })
    }

    /// Whether `phrase` of sentence `i` is a third party that is neither the speaker's side
    /// (`I`, `our VP`), a team or role of the category (`product`, `the founders`), a person at
    /// work (`reps`, `the reseller`), nor the partner (`partners`, `the partner's AMs`, nor what
    /// the draft calls a partner: `MSSPs` after `MSSP partners`): then its wants are the
    /// market's, not the deal's.
    fn third_party(&self, r: &Read<'_>, phrase: &Phrase) -> bool {
        let ctx = self.ctx;
        let head = phrase.head;
        if !matches!(r.pos(head), UPOS::NOUN | UPOS::PROPN) {
            return false;
        }
        let Some(t) = r.s.token(head) else {
            return false;
        };
        let possessor = r.possessor(phrase);
        if own(possessor) || matches!(possessor, "your" | "their" | "its" | "his" | "her") {
            return false;
        }
        // A term of the category's trade (`incentives`, `tiers`, `margins`): the draft's tactics
        // and measures, not anyone in the market.
        let trade = |hits: &[(u16, std::ops::Range<usize>)]| {
            let from = hits.partition_point(|(_, h)| h.end <= t);
            hits[from..]
                .iter()
                .take_while(|(_, h)| h.start <= t)
                .any(|(_, h)| h.contains(&t))
        };
        if trade(&ctx.hits.concepts) || trade(&ctx.hits.metrics) {
            return false;
        }
        // A team, or a team's people (`their sales teams`).
        let team = |k: usize| {
            r.s.token(k).is_some_and(|m| {
                ctx.hits.covers(Cue::Team, m) || ctx.hits.covers(Cue::ProductWord, m)
            })
        };
        if phrase.tokens.clone().chain([head]).any(team) {
            return false;
        }
        // A person at work (`reps`, `the founders`) is a colleague or the partner's, unless a
        // noun before it says whose (`clinic managers`, `HR leads`).
        let nominal = |k: usize| {
            matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN)
                // An acronym (`HR leads`), not the article `A`.
                || (r.s.text(k).len() > 1 && r.s.text(k).chars().all(|c| c.is_ascii_uppercase()))
        };
        let mut first = phrase.tokens.start.min(head);
        while first > 0 && nominal(first - 1) {
            first -= 1;
        }
        let modified = (first..head).any(|k| {
            nominal(k)
                && r.s.token(k).is_some_and(|m| {
                    ![Cue::Team, Cue::Stage, Cue::Target, Cue::ProductWord]
                        .iter()
                        .any(|&cue| ctx.hits.covers(cue, m))
                })
        });
        let person_at_work = ctx.hits.covers(Cue::Target, t)
            || ctx.hits.covering(Cue::Stage, t).any(|h| h.start == t);
        // Or a phrase after it that places it in an organisation outside (`reps at the pharma
        // companies`; not `reps at the partner`).
        let placed = || {
            matches!(r.lower(head + 1), "at" | "from")
                && (head + 2..r.len().min(head + 6))
                    .find(|&k| matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN))
                    .and_then(|k| r.phrase_at(k))
                    .is_some_and(|p| p.tokens.start > head + 1 && self.third_party(r, &p))
        };
        if person_at_work && !modified && !placed() {
            return false;
        }
        let partner = |k: usize| {
            r.stem(k).starts_with("partner") || self.partner_nouns().iter().any(|p| p == r.stem(k))
        };
        // `partner-detailed rheumatologists`: a partner inside a hyphenated modifier says how the
        // people were reached, not who they are.
        let modifier = |k: usize| k < head && r.s.joins_words(k + 1);
        !phrase.tokens.clone().any(|k| partner(k) && !modifier(k))
            && !phrase.possessor.is_some_and(partner)
    }

    /// Stems of the nouns the draft calls partners: the modifier of `partner` in a compound
    /// (`reseller partners`, `MSSP partner`).
    fn partner_nouns(&self) -> &[String] {
        self.partners.get_or_init(|| {
            let ctx = self.ctx;
            let t = ctx.tokens;
            let mut stems: Vec<String> = Vec::new();
            for i in 0..t.sentences.len() {
                let range = t.sentences[i].tokens.clone();
                if range.len() > LONGEST || !range.clone().skip(1).any(|k| t.stem(k) == "partner")
                {
                    continue;
                }
                let Some(r) = Read::new(ctx, i) else { continue };
                // Only a noun before it makes a compound (`MSSP partners`), not a determiner or
                // an adjective (`the partner`, `strategic partners`).
                stems.extend(
                    (1..r.len())
                        .filter(|&k| {
                            r.stem(k) == "partner"
                                && matches!(r.pos(k - 1), UPOS::NOUN | UPOS::PROPN)
                        })
                        .map(|k| r.stem(k - 1).to_string()),
                );
            }
            stems.retain(|s| s.chars().any(char::is_alphabetic));
            stems.sort_unstable();
            stems.dedup();
            stems
        })
    }
}

/// Whether `lower` is a pronoun that refers back to a plural, a person or the noun before it (`they`,
/// `their`, `who`, `whose`, `he`).
fn refers_back(lower: &str) -> bool {
    matches!(
        lower,
        "they"
            | "them"
            | "their"
            | "they're"
            | "they'd"
            | "they've"
            | "who"
            | "whose"
            | "that"
            | "which"
            | "he"
            | "she"
            | "him"
            | "his"
            | "her"
    )
}

/// How sure a phrase names the buyer, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Party {
    /// Not the buyer: the speaker's side, the partner, a colleague, a thing.
    None,
    /// A third party outside the deal: its wants are the market's.
    Third,
    /// A buyer the draft names as one.
    Buyer,
}

/// How negative, on VADER's compound scale, a predicate must read to state a difficulty.
const DIFFICULTY: f64 = -0.25;

/// Stems of verbs of time spent or waited: with a stretch of time and what fills it (`spent the
/// first week reconciling`, `waited three weeks for a quote`), a burden on their subject.
const SPEND: &[&str] = &["spend", "spent", "wait"];

/// Whether clause `c` states a difficulty, a burden or a loss its subject suffers through its
/// predicate, not a word of need: the predicate, from its verb group to the first punctuation,
/// subordinator or conjunction, reads negative in VADER's lexicon ([`crate::valence`], with its
/// negation: `could not keep up`), each word read by its stem when VADER lacks the form
/// (`drowning` as `drown`); or its verb spends or waits time (`spent the first week of every month
/// reconciling`, `waited weeks for a quote`).
fn predicament(r: &Read<'_>, c: &Clause) -> bool {
    let end = (c.verb_group.start..c.tokens.end.min(c.verb_group.start + 14))
        .find(|&k| {
            k > c.verb
                && (matches!(r.pos(k), UPOS::PUNCT | UPOS::SCONJ | UPOS::CCONJ)
                    || matches!(r.lower(k), "that" | "which" | "who" | "because" | "so")
                    // A subject pronoun opens a clause of its own (`pipeline I had missed`).
                    || (r.pos(k) == UPOS::PRON
                        && matches!(
                            r.lower(k),
                            "i" | "we" | "you" | "they" | "he" | "she" | "it"
                        )))
        })
        .unwrap_or(c.tokens.end.min(c.verb_group.start + 14));
    // Nor into another clause inside it (`showed pipeline I had missed`).
    let end = r
        .clauses()
        .iter()
        .map(|o| o.subject.as_ref().map_or(o.verb_group.start, |s| s.tokens.start))
        .filter(|&k| k > c.verb && k < end)
        .min()
        .unwrap_or(end);
    if passive(r, c) {
        return false;
    }
    let stem = r.stem(c.verb);
    if SPEND.iter().any(|s| stem.starts_with(s))
        && (c.verb + 1..end).any(|k| {
            (stem.starts_with("wait") && r.lower(k) == "for")
                || (r.pos(k) == UPOS::VERB && r.lower(k).ends_with("ing"))
        })
    {
        return true;
    }
    let words: Vec<&str> = (c.verb_group.start..end)
        .map(|k| {
            let lower = r.lower(k);
            let stem = r.stem(k);
            if stem != lower
                && stem.chars().all(char::is_alphabetic)
                && crate::valence::word(lower) == 0.0
                && crate::valence::word(stem) != 0.0
            {
                stem
            } else {
                lower
            }
        })
        .collect();
    crate::valence::compound(&words.join(" ")) <= DIFFICULTY
}

/// Whether `subject` names people: a person noun (`patients`, `store managers`), a name, or a
/// pronoun that stands for people (`they`, `who`); not a thing that drops, stalls or waits
/// (`disputes dropped`, `decisions waited`).
fn people(r: &Read<'_>, subject: Option<&Phrase>) -> bool {
    subject.is_some_and(|p| {
        agent_noun(r.lower(p.head))
            || r.pos(p.head) == UPOS::PROPN
            || matches!(
                r.lower(p.head),
                "they" | "they're" | "they'd" | "they've" | "who"
            )
    })
}

/// Whether `subject` follows a verb, as that verb's object, not a subject of its own (`we'd do a
/// joint customer call`, read as `customer` calling).
fn object_of_verb(r: &Read<'_>, subject: Option<&Phrase>) -> bool {
    subject.is_some_and(|p| {
        p.tokens
            .start
            .checked_sub(1)
            .is_some_and(|k| matches!(r.pos(k), UPOS::VERB | UPOS::AUX))
    })
}

/// Whether `subject` is the subject of clause `c`'s own verb: no finite verb stands between them,
/// only what modifies the subject (`patients on home dialysis were missing`, `their clients, mostly
/// insurers trying to retire old systems, were stuck`); not a `who` several verbs back (`people
/// who have concluded it is not worth their time, and a redesign that… will be ignored`).
fn near(r: &Read<'_>, subject: Option<&Phrase>, c: &Clause) -> bool {
    subject.is_some_and(|p| {
        (p.tokens.end.max(p.head + 1)..c.verb_group.start).all(|k| {
            r.pos(k) != UPOS::AUX
                && (r.pos(k) != UPOS::VERB
                    || r.lower(k).ends_with("ing")
                    || r.lower(k.wrapping_sub(1)) == "-")
        })
    })
}

/// Whether the draft's tokens `range` hold a word of negative valence, by its form or its stem:
/// a sentence that may state a difficulty, worth tagging.
fn troubled(t: &crate::tokens::Tokens, range: std::ops::Range<usize>) -> bool {
    range.into_iter().any(|k| {
        let lower = t.lower(k);
        lower.len() > 2
            && lower.chars().all(char::is_alphabetic)
            && (crate::valence::word(lower) < 0.0
                || (t.stem(k) != lower && crate::valence::word(t.stem(k)) < 0.0))
    })
}

/// Whether clause `c` of `r` states a need, an obligation or a capability of its subject: a need
/// verb (`wanted`, `struggled`), `have to`/`need to`, a lack (`did not have the staff`), or a modal
/// of capability, said or denied.
fn states_need(r: &Read<'_>, c: &Clause) -> bool {
    if c.copula {
        return false;
    }
    need_verb(r, c)
        || obligation(r, c)
        || must(r, c)
        || lacks(r, c)
        || has_none(r, c)
        || c.verb_group.clone().any(|k| CAN.contains(&r.lower(k)))
}

/// Whether the verb of clause `c` is a need word: its main verb, or the verb a catenative main verb
/// takes (`kept asking for`, `began to worry`).
fn need_verb(r: &Read<'_>, c: &Clause) -> bool {
    let ing = Some(c.verb + 1).filter(|&k| r.pos(k) == UPOS::VERB && r.lower(k).ends_with("ing"));
    need(r.stem(c.verb)) || [c.infinitive, ing].into_iter().flatten().any(|k| need(r.stem(k)))
}

/// Whether clause `c` says, neither passive nor denied, that its subject needs, wants or
/// struggles ([`WANT`]): a verb of need whose subject is always the one in need.
fn wants(r: &Read<'_>, c: &Clause) -> bool {
    !c.copula && !passive(r, c) && !c.negated && WANT.contains(&r.stem(c.verb))
}

/// Whether the verb of clause `c` is *lose*, as [`need_verb`] reads it (`were losing good
/// applicants`, `kept losing orders`): a loss is a pain for a group, the market; one person's loss
/// (`if an AE loses money`) is a term of a deal.
fn loses(r: &Read<'_>, c: &Clause) -> bool {
    let ing = Some(c.verb + 1).filter(|&k| r.pos(k) == UPOS::VERB && r.lower(k).ends_with("ing"));
    [Some(c.verb), c.infinitive, ing]
        .into_iter()
        .flatten()
        .any(|k| matches!(r.lower(k), "lose" | "loses" | "losing" | "lost"))
}

/// Whether clause `c` puts an obligation on its subject: `had to close`, or a need verb's passive
/// with an infinitive (`are required to retain records`; not `are tied to`).
fn obligation(r: &Read<'_>, c: &Clause) -> bool {
    // The clause reader puts `had to` inside the verb group at times, with the verb after it as
    // the main verb (`who had to hit an SLA`, `no longer had to run`).
    let inside = c
        .verb_group
        .clone()
        .any(|k| k < c.verb && have(r.lower(k)) && r.lower(k + 1) == "to");
    inside
        || (c.infinitive.is_some()
            && (have(r.lower(c.verb)) || (passive(r, c) && need(r.stem(c.verb)))))
}

/// Whether the verb group of clause `c` holds the modal of obligation `must`, not passive (`they
/// must file reports on time`; not `reports must be filed`).
fn must(r: &Read<'_>, c: &Clause) -> bool {
    c.verb_group.clone().any(|k| r.lower(k) == "must") && !passive(r, c)
}

/// Whether clause `c` says its subject lacks something: `have` denied, with an object (`the
/// risk officer doesn't have the staff`, `the weeks they didn't have`; not `didn't have to
/// pay`).
fn lacks(r: &Read<'_>, c: &Clause) -> bool {
    // In a relative clause without `that` the object is the noun before the subject (`weeks they
    // didn't have`).
    let relative = c.subject.as_ref().is_some_and(|p| {
        r.pos(p.head) == UPOS::PRON
            && p.head > 0
            && matches!(r.pos(p.head - 1), UPOS::NOUN | UPOS::PROPN)
    }) && !matches!(r.pos(c.verb + 1), UPOS::DET | UPOS::NOUN | UPOS::ADJ | UPOS::NUM);
    have(r.lower(c.verb))
        && c.negated
        && (relative || c.object.as_ref().is_some_and(|o| o.tokens.start > c.verb))
}

/// Whether clause `c` says its subject has none of something: `have` with a negative quantifier
/// for its object, which denies the having as `not` does (`had no in-house team`, `had nothing
/// better than a spreadsheet`).
fn has_none(r: &Read<'_>, c: &Clause) -> bool {
    have(r.lower(c.verb)) && matches!(r.lower(c.verb + 1), "no" | "nothing" | "none")
}

/// Whether `phrase` is a person of a kind, not one counterpart: an indefinite agent noun (`a
/// plant manager can't afford a stoppage`).
fn generic(r: &Read<'_>, phrase: Option<&Phrase>) -> bool {
    phrase.is_some_and(|p| {
        matches!(r.lower(p.tokens.start), "a" | "an") && agent_noun(r.lower(p.head))
    })
}

/// Whether `phrase` is one member of a set taken in turn (`each agency`, `every reseller`): what
/// binds it is a term each party signs up to, not the market's need.
fn distributive(r: &Read<'_>, phrase: Option<&Phrase>) -> bool {
    phrase.is_some_and(|p| matches!(r.lower(p.tokens.start), "each" | "every"))
}

/// What `who` or `whose` at token `k` stands for: the nearest noun before it that can be a person
/// or a group (a plural, an agent noun, a name), read back past the prepositional phrases,
/// numbers and participles that modify it (`adults with eczema on a 12-week regimen who needed`,
/// `finance teams at brands doing $5M a year, who hate`). A name a preposition of place governs
/// is a place, read past with the names joined to it (`small traders in Kano and Kaduna who lose
/// half a day`).
fn who_antecedent(r: &Read<'_>, k: usize) -> Option<usize> {
    let modifier = |j: usize| {
        matches!(
            r.pos(j),
            UPOS::NOUN
                | UPOS::PROPN
                | UPOS::ADJ
                | UPOS::DET
                | UPOS::NUM
                | UPOS::ADP
                | UPOS::ADV
                | UPOS::SYM
                | UPOS::CCONJ
        ) || (r.pos(j) == UPOS::PUNCT && matches!(r.lower(j), "," | "-" | "–" | "—"))
            || (r.pos(j) == UPOS::VERB
                && (r.lower(j).ends_with("ing") || r.lower(j).ends_with("ed")))
    };
    let place = |j: usize| {
        (0..j)
            .rev()
            .find(|&m| !matches!(r.pos(m), UPOS::PROPN | UPOS::CCONJ) && r.lower(m) != ",")
            .is_some_and(|m| LOCATIVE.contains(&r.lower(m)))
    };
    let person = |j: usize| match r.pos(j) {
        UPOS::NOUN => plural(r.lower(j)) || agent_noun(r.lower(j)),
        UPOS::PROPN => !place(j),
        _ => false,
    };
    (0..k)
        .rev()
        .take(16)
        .take_while(|&j| modifier(j))
        .find(|&j| person(j))
}

/// Prepositions of place: a name they govern is a place, not a person.
const LOCATIVE: &[&str] = &["in", "at", "across", "from", "near", "around", "throughout"];

/// Whether `subject` is plural: a plural noun, `they`, or `who`/`that` after one
/// (`homeowners who can't get the app working`); `who` stands for the noun [`who_antecedent`]
/// reads back to.
fn group(r: &Read<'_>, subject: Option<&Phrase>) -> bool {
    subject.is_some_and(|p| {
        let head = r.lower(p.head);
        plural(head)
            || matches!(head, "they" | "they're" | "they'd" | "they've")
            || (head == "who" && who_antecedent(r, p.head).is_some_and(|j| plural(r.lower(j))))
            || (head == "that"
                && (p.head.saturating_sub(2)..p.head)
                    .rev()
                    .find(|&k| r.lower(k) != ",")
                    .is_some_and(|k| {
                        matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN) && plural(r.lower(k))
                    }))
    })
}

/// Whether `subject` may be a person, an organisation or a group: a group
/// ([`group`]), a person noun (`the merchant`), a name, or a phrase possessed by someone (`the
/// hospital's IT team`).
fn animate(r: &Read<'_>, subject: Option<&Phrase>) -> bool {
    group(r, subject)
        || subject.is_some_and(|p| {
            agent_noun(r.lower(p.head)) || r.pos(p.head) == UPOS::PROPN || owner(r, p).is_some()
        })
}

/// Whether clause `c` states its subject's attitude towards something: a copula, an adjective
/// and a preposition (`are wary of`, `are very sensitive to`); not a participle (`are tied to`)
/// but one of emotion with what it is felt towards (`were tired of`, `are worried about`).
fn attitude(r: &Read<'_>, c: &Clause) -> bool {
    if c.negated {
        return false;
    }
    // The tagger reads a participle of emotion as the verb of a passive at times (`are
    // frightened of losing traffic`): with `of` or `about` after it, it is the same attitude.
    if !c.copula {
        // The clause reader takes a participle after the subject for its verb at times
        // (`merchants moving platforms are terrified of…`): a reduced relative clause, an `-ing`
        // with no auxiliary, whose phrase a form of *be* follows, the subject's own copula.
        let reduced = r.lower(c.verb).ends_with("ing")
            && c.verb_group.start == c.verb
            && c.subject.as_ref().is_some_and(|s| s.tokens.end == c.verb)
            && (c.verb + 1..c.tokens.end)
                .take_while(|&k| r.pos(k) != UPOS::PUNCT)
                .find(|&k| r.pos(k) == UPOS::AUX)
                .is_some_and(|k| crate::who::be(r.lower(k)) && adjective_towards(r, k));
        return reduced
            || (passive(r, c)
                && r.lower(c.verb).ends_with("ed")
                && matches!(r.lower(c.verb + 1), "of" | "about"));
    }
    adjective_towards(r, c.verb)
}

/// Whether the copula at `copula` takes an adjective with a preposition after it (`are wary of`,
/// `are very sensitive to`).
fn adjective_towards(r: &Read<'_>, copula: usize) -> bool {
    let mut k = copula + 1;
    while r.pos(k) == UPOS::ADV {
        k += 1;
    }
    // The tagger reads the preposition after an adjective as a particle or a subordinator at
    // times (`sensitive to`, `terrified of`).
    // A participle states a relation rather than an attitude (`tiers are tied to performance`),
    // unless `of` or `about` names what its subject feels it towards: a participle of emotion
    // takes its stimulus so (`were tired of paying twice`, `are terrified of losing rankings`,
    // `were worried about audits`), a relation its other term with `to`, `on`, `by`, `in`.
    r.pos(k) == UPOS::ADJ
        && (!r.lower(k).ends_with("ed") || matches!(r.lower(k + 1), "of" | "about"))
        && matches!(r.pos(k + 1), UPOS::ADP | UPOS::PART | UPOS::SCONJ)
}

/// Whether clause `c` is passive (`was required`, `had been trusted`): its subject undergoes
/// the verb rather than needing anything.
fn passive(r: &Read<'_>, c: &Clause) -> bool {
    // `had been asking` is progressive: its subject asks.
    !r.lower(c.verb).ends_with("ing")
        && c.verb_group.clone().any(|k| k != c.verb && crate::who::be(r.lower(k)))
}

/// The clauses the clause reader leaves inside another (`around what clinic groups actually
/// wanted`, `what curriculum directors worry about`): each verb that is no clause's main verb,
/// with its verb group (auxiliaries, `not`, adverbs before it) and the noun phrase right before
/// the group as its subject, as English puts a subject before its verb.
fn embedded(r: &Read<'_>) -> Vec<Clause> {
    read_embedded(r).into_iter().map(|(c, _)| c).collect()
}

/// The embedded clauses whose subject is a noun before a relative clause without `that` (`the
/// clinics we sold to only renewed`): the clause reader gives that verb no subject of its own.
fn contact(r: &Read<'_>) -> Vec<Clause> {
    read_embedded(r)
        .into_iter()
        .filter_map(|(c, contact)| contact.then_some(c))
        .collect()
}

/// [`embedded`]'s clauses, each with whether its subject is read past a relative clause without
/// `that`.
fn read_embedded(r: &Read<'_>) -> Vec<(Clause, bool)> {
    // The tagger reads some need verbs after a plural subject as nouns or adverbs (`they care
    // about`, `hospitals care`, `what hospital CISOs fear most`, `lab directors worried about`);
    // a need word right after a subject pronoun or a plural noun or name, before what a verb
    // takes (a preposition, a determiner, `to`, an adverb, or nothing), is a verb.
    let verb = |v: usize| {
        r.pos(v) == UPOS::VERB
            || (need(r.stem(v))
                && !plural(r.lower(v))
                && (matches!(r.lower(v - 1), "they" | "we" | "you" | "i")
                    || (matches!(r.pos(v - 1), UPOS::NOUN | UPOS::PROPN)
                        && plural(r.lower(v - 1))))
                && matches!(
                    r.pos(v + 1),
                    UPOS::ADP | UPOS::DET | UPOS::PART | UPOS::PUNCT | UPOS::ADV
                ))
    };
    (1..r.len())
        .filter(|&v| verb(v))
        .filter_map(|v| {
            let mut g = v;
            while g > 0 && matches!(r.pos(g - 1), UPOS::ADV | UPOS::AUX | UPOS::PART) {
                g -= 1;
            }
            let mut before = g.checked_sub(1)?;
            // A noun with a relative clause without `that` before the group is its subject:
            // `the clinics we serve renewed`, `the banks we sell to need`. The relative clause is
            // a subject pronoun and its verb; a `to` left at its end belongs to a verb of selling
            // (a `to` after another verb opens an infinitive: `the partners we wanted to reach`).
            let contact = r.pos(before) == UPOS::VERB
                && before >= 2
                && matches!(r.lower(before - 1), "we" | "they" | "i" | "you")
                && matches!(r.pos(before - 2), UPOS::NOUN | UPOS::PROPN)
                && ((g..v).all(|k| r.lower(k) != "to")
                    || SELL.iter().any(|s| r.stem(before).starts_with(s)));
            if contact {
                before -= 2;
            }
            if !matches!(r.pos(before), UPOS::NOUN | UPOS::PROPN | UPOS::PRON) {
                return None;
            }
            // The phrase ending right before the group: a pronoun on its own (`something they
            // care about`), else the noun phrase up to that noun.
            let subject = if r.pos(before) == UPOS::PRON {
                Phrase {
                    tokens: before..before + 1,
                    head: before,
                    possessor: None,
                }
            } else {
                let p = r.phrase_at(before)?;
                Phrase {
                    tokens: p.tokens.start.min(before)..before + 1,
                    head: before,
                    possessor: p.possessor.filter(|&o| o < before),
                }
            };
            let end = (v + 1..r.len())
                .find(|&k| r.pos(k) == UPOS::PUNCT)
                .unwrap_or(r.len());
            let infinitive = (r.lower(v + 1) == "to" && r.pos(v + 2) == UPOS::VERB).then_some(v + 2);
            let object = r.phrase_at(v + 1).filter(|p| p.tokens.start == v + 1);
            Some((Clause {
                tokens: subject.tokens.start..end,
                subordinate: true,
                negated: (g..v).any(|k| {
                    matches!(r.lower(k), "not" | "n't" | "never" | "cannot")
                        || r.lower(k).ends_with("n't")
                }),
                subject: Some(subject),
                verb_group: g..v + 1,
                verb: v,
                copula: false,
                infinitive,
                object,
            }, contact))
        })
        .collect()
}

/// The first sentence clause that states a buyer's need, or a buyer phrase of the lexicon that
/// is a need: the evidence that the draft shows the buyer's perspective.
fn evidence(ctx: &Ctx<'_>) -> Option<usize> {
    let t = ctx.tokens;
    // A need phrase of the lexicon that is not only a party's name (`pain points`, `use case`,
    // `customer experience`); `customer success` is a team, not the customer.
    let buyers = Buyers {
        ctx,
        resolving: std::cell::Cell::new(0),
        sold_to: std::cell::OnceCell::new(),
        partners: std::cell::OnceCell::new(),
    };
    if let Some(hit) = ctx.hits.of(Cue::Buyer).iter().find(|h| {
        h.len() > 1
            && !agent_noun(t.lower(h.end - 1))
            && !ctx.hits.covering(Cue::Team, h.start).any(|team| team.end >= h.end)
    }) {
        return Some(t.tokens[hit.start].sentence());
    }
    if let Some(i) = near_need(ctx) {
        return Some(i);
    }
    (0..t.sentences.len()).find(|&i| {
        let range = t.sentences[i].tokens.clone();
        // Only a sentence with a need, capability, obligation or enabling word can state one.
        let candidate = range.len() <= LONGEST
            && range.clone().any(|k| {
                let s = t.stem(k);
                need(s)
                    || ctx.hits.covers(Cue::Buyer, k)
                    || CAN.contains(&t.lower(k))
                    // A refusal: `won't`, `would not` (see [`WILL`]).
                    || (WILL.contains(&t.lower(k))
                        && (t.lower(k).ends_with("n't")
                            || crate::negation::is_negation(t.lower(k + 1))))
                    || matches!(t.lower(k), "lose" | "loses" | "losing" | "lost")
                    || ENABLE.contains(&s)
                    || BUY.iter().any(|b| s.starts_with(b))
                    || LISTEN.iter().any(|l| s.starts_with(l))
                    || t.lower(k).ends_with("'s")
                    || t.lower(k).ends_with("s'")
                    || t.lower(k).ends_with("’s")
                    || (have(t.lower(k)) && t.lower(k + 1) == "to")
                    // A lack: `doesn't have the staff`, `had no team`.
                    || (have(t.lower(k))
                        && k > range.start
                        && crate::negation::is_negation(t.lower(k - 1)))
                    || (have(t.lower(k)) && matches!(t.lower(k + 1), "no" | "nothing" | "none"))
                    // An attitude: `pharmacies are wary of…`, `bakeries opening a second shop
                    // are nervous about…`.
                    || (matches!(t.lower(k), "is" | "are" | "was" | "were")
                        && (k.saturating_sub(6).max(range.start)..k).any(|j| plural(t.lower(j))))
            });
        // A difficulty stated without a need word: a sentence with a word of negative valence
        // (`drowning in alerts`), or one of time spent or waited.
        let candidate = candidate
            || range.clone().any(|k| SPEND.iter().any(|s| t.stem(k).starts_with(s)))
            || troubled(t, range.clone());
        if !candidate {
            return false;
        }
        let Some(r) = Read::new(ctx, i) else {
            return false;
        };
        // A buyer doing something in the story: `the customer renewed`, `clients churned`.
        // A buyer before a relative clause without `that` acts too: `the clinics we sold to only
        // renewed if…`.
        let acts = || {
            r.clauses().iter().cloned().chain(contact(&r)).any(|c| {
                let c = &c;
                !c.copula
                    && r.pos(c.verb) == UPOS::VERB
                    && clause_subject(&r, c).is_some_and(|p| buyers.party(&r, p.head))
            })
        };
        // A buyer as the subject of a clause of need (`customers struggled`), or a group outside
        // as the subject of a verb of wanting (`retail chains needed stock levels`), is read from
        // structure alone; every other clause reading must be [`plausible`] too.
        let mut stated = false;
        let mut clause = false;
        for c in r.clauses().iter().cloned().chain(embedded(&r)) {
            let c = &c;
            let phrase = clause_subject(&r, c);
            let subject = phrase
                .as_ref()
                .map_or(Party::None, |p| buyers.party_of(&r, i, p));
            if (subject == Party::Buyer && states_need(&r, c))
                || (subject == Party::Third && wants(&r, c) && group(&r, phrase.as_ref()))
            {
                stated = true;
                break;
            }
            if clause {
                continue;
            }
            let verb = r.stem(c.verb);
            // What a group can do, or will do: `banks can't go live`, `teachers won't touch it`.
            let capability = c
                .verb_group
                .clone()
                .any(|k| CAN.contains(&r.lower(k)) || WILL.contains(&r.lower(k)));
            // A need someone outside has, feels or faces: `the agencies had one overriding
            // need`, `the ward managers who feel the pain`.
            clause = (subject >= Party::Third
                    && !c.copula
                    && !passive(&r, c)
                    && !c.negated
                    && c.object
                        .as_ref()
                        .is_some_and(|o| r.pos(o.head) == UPOS::NOUN && need(r.stem(o.head))))
                // An attitude of a buyer or a group outside towards something: `clinics are
                // sensitive to disruption`, `court administrators are wary of vendors who…`.
                || ((subject == Party::Buyer
                    || (subject == Party::Third && group(&r, phrase.as_ref())))
                    && attitude(&r, c))
                // A difficulty, burden or loss a buyer or a group outside suffers, stated
                // through its predicate: `IT admins were drowning in alerts`, `their finance
                // teams spent the first week of every month reconciling`.
                || ((subject == Party::Buyer
                    || (subject == Party::Third
                        && people(&r, phrase.as_ref())
                        && (group(&r, phrase.as_ref()) || generic(&r, phrase.as_ref()))))
                    && c.subject.is_some()
                    && !object_of_verb(&r, phrase.as_ref())
                    && near(&r, phrase.as_ref(), c)
                    && predicament(&r, c))
                // A question about what buyers do or say: `what did customers say about buying
                // through the channel?`
                || (subject == Party::Buyer && r.s.is_question())
                || (subject == Party::Third
                    && !c.copula
                    // `ROI evaluation needs to account for…`: a thing that needs to do something
                    // is told what it must do; a person, an organisation or a group needs.
                    && ((c.infinitive.is_none() && r.lower(c.verb + 1) != "to")
                        || animate(&r, phrase.as_ref()))
                    // A passive obligation binds a group (`county clerks are required to`), as
                    // the market; one party's (`every agency was required to`) is a term of a deal.
                    && (!passive(&r, c) || (obligation(&r, c) && group(&r, phrase.as_ref())))
                    && (need_verb(&r, c)
                        // A term each party signs up to (`each agency had to name a lead`) is
                        // the deal's, not the market's.
                        || (obligation(&r, c) && !distributive(&r, phrase.as_ref()))
                        || (must(&r, c) && animate(&r, phrase.as_ref()))
                        || lacks(&r, c)
                        // A group that has none of something: `energy managers had nothing
                        // better than a spreadsheet`; one person's (`the AE had no reason`) is
                        // the deal's.
                        || (has_none(&r, c) && group(&r, phrase.as_ref()))
                        // A group that cannot or will not (`banks can't go`, `teachers won't
                        // touch it`); a singular that cannot is as often a thing (`a bundle that
                        // can't be delivered`).
                        || (capability
                            && c.negated
                            && (group(&r, phrase.as_ref()) || generic(&r, phrase.as_ref())))
                        // A group that loses something: `landlords were losing applicants`.
                        || (loses(&r, c) && group(&r, phrase.as_ref()))))
                // Why a buyer or a market buys: `shippers buy us to stop missing windows`.
                // Not who is paid (`each side gets paid`, `partners were paid`).
                || (subject >= Party::Third
                    && BUY.iter().any(|b| verb.starts_with(b))
                    // Paying says why only with what it pays for or to get (`pay for speed`,
                    // `pay to skip the queue`); otherwise it is a term of the trade (`the club
                    // paid its first invoice`, `paid a flat 20 per cent discount`).
                    && !(verb.starts_with("pa")
                        && c.infinitive.is_none()
                        && !(c.verb + 1..c.tokens.end).any(|k| r.lower(k) == "for"))
                    && !passive(&r, c)
                    && !matches!(
                        r.lower(c.verb.wrapping_sub(1)),
                        "get" | "gets" | "got" | "getting" | "gotten"
                    ))
                // The speaker listening to buyers: `we interviewed the customers`, `talk to the
                // buyers`.
                || (LISTEN.iter().any(|l| verb.starts_with(l))
                    && (c.verb + 1..c.tokens.end).any(|k| buyers.party(&r, k)))
                // The speaker listening to a group outside, or asking it a question: `we
                // interviewed twenty clinic managers`, `I asked the restaurant owners what a bad
                // Friday looked like`.
                || buyers.heard(&r, c)
                || (ENABLE.contains(&verb)
                    && c.object
                        .as_ref()
                        .is_some_and(|o| buyers.party_of(&r, i, o) == Party::Buyer));
        }
        // Something a buyer has: `the buyer's regulatory burden`, `our buyers' meetings`.
        // Not a buyer's people (`the client's product leads`): they are who, not what, it has.
        let person = |k: usize| {
            agent_noun(r.lower(k))
                || r.s.token(k).is_some_and(|t| {
                    ctx.hits.covers(Cue::Target, t) || ctx.hits.covers(Cue::Team, t)
                })
        };
        let owned = (0..r.len()).any(|o| {
            buyers.party(&r, o)
                && (o + 1..r.len().min(o + 4)).any(|k| {
                    r.phrase_at(k).is_some_and(|p| {
                        p.head == k && owner(&r, &p) == Some(o) && !person(p.head)
                    })
                })
        });
        // A need named in apposition, after a dash or a colon, to what the sentence says a buyer
        // or a group outside does or suffers: `dispatchers re-keyed orders every morning — the
        // pain the offer solved`, `finance controllers: month-end close stuck on manual payments
        // — the real pain`. Whose it is is the sentence's topic: the subject of its first clause,
        // or the noun phrase a colon closes at its start.
        let labelled = || {
            let appositive = (1..r.len()).any(|k| {
                need(r.stem(k))
                    && r.pos(k) == UPOS::NOUN
                    && r.phrase_at(k).is_some_and(|p| {
                        p.head == k
                            && owner(&r, &p).is_none()
                            && p.tokens
                                .start
                                .checked_sub(1)
                                .is_some_and(|d| matches!(r.lower(d), "—" | "–" | "-" | ":"))
                    })
            });
            let colon = (1..r.len().min(6))
                .find(|&k| r.lower(k) == ":")
                .and_then(|k| r.phrase_at(k - 1))
                .filter(|p| p.tokens.start == 0);
            let first = r.clauses().first().and_then(|c| clause_subject(&r, c));
            appositive
                && [colon, first].into_iter().flatten().any(|p| {
                    match buyers.party_of(&r, i, &p) {
                        Party::Buyer => true,
                        Party::Third => group(&r, Some(&p)),
                        Party::None => false,
                    }
                })
        };
        // A need noun whose sufferer a colon or a dash names after it: `one pain: project
        // managers re-entering daily reports on a Sunday night`.
        let named_after = || {
            (0..r.len().saturating_sub(2)).any(|k| {
                need(r.stem(k))
                    && r.pos(k) == UPOS::NOUN
                    && matches!(r.lower(k + 1), ":" | "—" | "–")
                    && r.phrase_at(k).is_some_and(|p| p.head == k && owner(&r, &p).is_none())
                    && r.phrase_at(k + 2).is_some_and(|p| {
                        p.tokens.start == k + 2
                            && match buyers.party_of(&r, i, &p) {
                                Party::Buyer => true,
                                Party::Third => group(&r, Some(&p)) && agent_noun(r.lower(p.head)),
                                Party::None => false,
                            }
                    })
            })
        };
        // A need noun a buyer or an outsider owns, or a buyer modifies: `the buyer's risk`,
        // `the plant manager's problem`, `the pharmacies' problem`, `customer problems`.
        let need_noun = || {
            (0..r.len()).any(|k| {
                need(r.stem(k))
                    && matches!(r.pos(k), UPOS::NOUN)
                    && r.phrase_at(k).is_some_and(|p| {
                        p.head == k
                            && (owner(&r, &p).is_some_and(|o| {
                                buyers.party(&r, o)
                                    || (refers_back(r.lower(o))
                                        && buyers.antecedent(&r, i, o) >= Party::Third)
                                    || buyers.third_party(&r, &owner_phrase(&r, o))
                            }) || (p.tokens.start..k).any(|m| buyers.party(&r, m))
                                // Whom it is a need for: `the big problem for retailers`,
                                // `for the retailers, the problem was`.
                                || experiencer(&r, &p).is_some_and(|e| {
                                    match buyers.party_of(&r, i, &e) {
                                        Party::Buyer => true,
                                        Party::Third => group(&r, Some(&e)),
                                        Party::None => false,
                                    }
                                }))
                    })
            })
        };
        stated
            || owned
            || need_noun()
            || ((acts() || clause || labelled() || named_after()) && plausible(ctx, i))
    })
}

/// Whether the learned model ([`MODEL`]) finds it at all plausible that sentence `i` states a
/// buyer's need: a probability of [`PLAUSIBLE`] or more. The readings that name no buyer as the
/// one in need (an outsider's request, a payment, a buyer who acts, someone listened to) take in
/// fee terms, escalations and plans in drafts that show no buyer at all; the model, which has read
/// such sentences in drafts labelled as lacking a need, vetoes them.
fn plausible(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.learned(i, &MODEL, |c| &c.need)
        .is_some_and(|p| p >= PLAUSIBLE)
}

/// Whom the need noun phrase `p` is for: the phrase after a `for` right after it (`the big
/// problem for retailers`), or after a `for` that opens the sentence before it (`for the
/// retailers, the problem was`).
fn experiencer(r: &Read<'_>, p: &Phrase) -> Option<Phrase> {
    let after = (r.lower(p.tokens.end) == "for").then_some(p.tokens.end + 1);
    let before = r
        .first_word()
        .filter(|&f| r.lower(f) == "for" && f < p.tokens.start.max(p.head))
        .map(|f| f + 1);
    let from = after.or(before)?;
    // The phrase's head: the first noun after `for`, with what modifies it before it; the
    // chunker at times runs it on into the next phrase (`for the retailers the big problem`).
    let head = (from..r.len().min(from + 6))
        .take_while(|&k| matches!(r.pos(k), UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN))
        .find(|&k| {
            matches!(r.pos(k), UPOS::NOUN | UPOS::PROPN)
                && !matches!(r.pos(k + 1), UPOS::NOUN | UPOS::PROPN)
        })?;
    Some(Phrase {
        tokens: from..head + 1,
        head,
        possessor: None,
    })
}

/// The subject of clause `c`, read past what sits between a subject and its verb: an appositive
/// or a parenthesis (`our customers, the shippers, were asking`; `their buyers (IT leads) wanted`)
/// and a prepositional phrase after the head (`the customers in the disputed accounts got`).
fn clause_subject(r: &Read<'_>, c: &Clause) -> Option<Phrase> {
    let noun_phrase = |k: usize| {
        matches!(
            r.pos(k),
            UPOS::DET | UPOS::ADJ | UPOS::NOUN | UPOS::PROPN | UPOS::NUM
        ) || (r.pos(k) == UPOS::PRON && matches!(r.lower(k), "our" | "their" | "my" | "your"))
    };
    // The phrase that ends right before token `end`.
    let ending = |end: usize| {
        let head = end.checked_sub(1)?;
        r.phrase_at(head).filter(|p| p.head == head && matches!(r.pos(head), UPOS::NOUN | UPOS::PROPN))
    };
    let start = c.verb_group.start;
    let close = start.checked_sub(1);
    // `X, Y, verb` with Y a noun phrase; `X (…) verb`.
    if let Some(close) = close.filter(|&k| matches!(r.lower(k), "," | ")")) {
        let open = if r.lower(close) == ")" {
            (close.saturating_sub(12)..close).rev().find(|&k| r.lower(k) == "(")
        } else {
            (close.saturating_sub(20)..close)
                .rev()
                .find(|&k| r.lower(k) == ",")
                .filter(|&k| {
                    // An appositive: a noun phrase, with what modifies it but no verb
                    // (`their customers, mostly accounting and law firms with 30–150 staff,`).
                    k + 1 < close
                        && (noun_phrase(k + 1) || r.pos(k + 1) == UPOS::ADV)
                        // A participle may modify it (`mostly insurers trying to retire…`),
                        // but a finite verb makes it a clause.
                        && (k + 1..close).all(|j| {
                            r.pos(j) != UPOS::AUX
                                && (r.pos(j) != UPOS::VERB
                                    || r.lower(j).ends_with("ing")
                                    || r.lower(j.wrapping_sub(1)) == "to"
                                    // The participle of a compound adjective:
                                    // `family-owned manufacturers`.
                                    || r.lower(j.wrapping_sub(1)) == "-")
                        })
                })
        };
        if let Some(p) = open.and_then(ending) {
            return Some(p);
        }
    }
    let mut phrase = c.subject.clone().or_else(|| missing_subject(r, c))?;
    // `the operators there needed`, `commuters out there wanted`: a locative after the noun, with
    // the particle before it, is no head.
    if matches!(r.lower(phrase.head), "there" | "here") {
        let mut k = phrase.head;
        while k > 0 && phrase.head - k < 2 && matches!(r.pos(k - 1), UPOS::ADP | UPOS::ADV) {
            k -= 1;
        }
        if let Some(noun) = k
            .checked_sub(1)
            .filter(|&n| matches!(r.pos(n), UPOS::NOUN | UPOS::PROPN))
        {
            phrase = r
                .phrase_at(noun)
                .filter(|p| p.head == noun)
                .unwrap_or(Phrase {
                    tokens: noun..noun + 1,
                    head: noun,
                    possessor: None,
                });
        }
    }
    // `the customers in the disputed accounts got`, `a reseller with thin margins and a long tail
    // of products will`: the head is the phrase that opens the clause, before the prepositional
    // phrases (and phrases joined to them) after it; but `half of those partners`, `a couple of
    // things` are of what follows `of`. Not for a pronoun (`things I'd want` is the speaker's
    // want), nor the speaker's side (`the previous owner on our side`).
    if !matches!(r.pos(phrase.head), UPOS::NOUN | UPOS::PROPN) || own(r.possessor(&phrase)) {
        return Some(phrase);
    }
    let mut first = phrase.clone();
    let mut link = None;
    // The phrase after the last `of` met, for a quantity before it.
    let mut counted = None;
    while let Some(k) = first
        .tokens
        .start
        .checked_sub(1)
        .filter(|&k| matches!(r.pos(k), UPOS::ADP | UPOS::CCONJ))
    {
        // A quantifier the tagger reads as an adjective or a determiner is a phrase of its own
        // before `of` (`many of the farmers`).
        let quantifier = (r.lower(k) == "of")
            .then(|| k.checked_sub(1))
            .flatten()
            .filter(|&q| quantity(r, q))
            .map(|q| Phrase {
                tokens: q..q + 1,
                head: q,
                possessor: None,
            });
        let Some(before) = ending(k).or(quantifier) else {
            break;
        };
        if own(r.possessor(&before)) {
            return Some(phrase);
        }
        if r.lower(k) == "of" {
            counted = Some(first.clone());
        }
        link = Some(k);
        first = before;
    }
    let opens = first.tokens.start == 0
        || first
            .tokens
            .start
            .checked_sub(1)
            .is_some_and(|k| matches!(r.pos(k), UPOS::CCONJ | UPOS::SCONJ | UPOS::PUNCT));
    match link {
        // A quantity of a group is the group, whatever follows it: `plenty of the freelancers on
        // the marketplace`, `half of the clinics in the pilot`.
        Some(k) if opens && r.lower(k) == "of" && quantity(r, first.head) => {
            counted.or(Some(phrase))
        }
        Some(k) if opens && r.pos(k) == UPOS::ADP && r.lower(k) != "of" => Some(first),
        _ => Some(phrase),
    }
}

/// Whether token `k` is a quantity that takes a group with `of` (`plenty`, `half`, `most`, `a
/// few`, `three`): a number or a quantifier, a closed class.
fn quantity(r: &Read<'_>, k: usize) -> bool {
    r.pos(k) == UPOS::NUM
        || matches!(
            r.lower(k),
            "plenty"
                | "half"
                | "most"
                | "many"
                | "some"
                | "all"
                | "lot"
                | "lots"
                | "few"
                | "majority"
                | "minority"
                | "number"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "each"
                | "several"
                | "both"
                | "none"
                | "one"
                | "any"
                | "share"
                | "third"
                | "quarter"
        )
}

/// The subject English leaves unsaid, of a clause the clause reader gives none: a relative
/// clause opened by `that` or `which` right after a noun (`shops that already trusted the rep`)
/// has the relative word, which stands for that noun; a verb joined by `and`, `or` or a comma to
/// the clauses before it (`landlords were running two tools, copying details by hand, and losing
/// applicants`) shares the subject of the nearest of them that has one.
fn missing_subject(r: &Read<'_>, c: &Clause) -> Option<Phrase> {
    let start = c.tokens.start;
    if c.subordinate {
        let relative = matches!(r.lower(start), "that" | "which")
            && start > 0
            && matches!(r.pos(start - 1), UPOS::NOUN | UPOS::PROPN | UPOS::PUNCT)
            && (start + 1..c.verb_group.start).all(|k| r.pos(k) == UPOS::ADV);
        return relative.then(|| Phrase {
            tokens: start..start + 1,
            head: start,
            possessor: None,
        });
    }
    let joined = |c: &Clause| {
        [Some(c.tokens.start), c.tokens.start.checked_sub(1)]
            .into_iter()
            .flatten()
            .any(|k| matches!(r.lower(k), "," | "and" | "or"))
            && r.pos(c.verb) == UPOS::VERB
            && !c.subordinate
    };
    if !joined(c) {
        return None;
    }
    let mut before = r
        .clauses()
        .iter()
        .rev()
        .filter(|b| b.tokens.end <= start);
    loop {
        let b = before.next()?;
        if let Some(s) = &b.subject {
            return Some(s.clone());
        }
        if !joined(b) {
            return None;
        }
    }
}

/// The token that owns `phrase`: its possessive word (`the buyer's`, `their`), or a plural noun
/// right before it with a bare apostrophe, which the tokenizer keeps apart (`the pharmacies'
/// problem`).
fn owner(r: &Read<'_>, phrase: &Phrase) -> Option<usize> {
    phrase.possessor.or_else(|| {
        // A gerund or noun may modify the head before it (`customers' onboarding time`).
        let mut start = phrase.tokens.start;
        while start > 0 && matches!(r.pos(start - 1), UPOS::VERB | UPOS::NOUN | UPOS::ADJ) {
            start -= 1;
        }
        let apostrophe = start.checked_sub(1)?;
        let noun = apostrophe.checked_sub(1)?;
        (r.lower(apostrophe) == "'"
            && matches!(r.pos(noun), UPOS::NOUN | UPOS::PROPN)
            && plural(r.lower(noun)))
        .then_some(noun)
    })
}

/// The noun phrase that ends with the possessive word at `o` (`the plant manager's`), with the
/// possessive determiner before it, if any, as its own possessor (`our clients'`).
fn owner_phrase(r: &Read<'_>, o: usize) -> Phrase {
    let mut start = o;
    while start > 0 && matches!(r.pos(start - 1), UPOS::NOUN | UPOS::PROPN | UPOS::ADJ | UPOS::DET)
    {
        start -= 1;
    }
    let possessor = start
        .checked_sub(1)
        .filter(|&k| matches!(r.lower(k), "my" | "our" | "your" | "their" | "his" | "her" | "its"));
    Phrase {
        tokens: possessor.unwrap_or(start)..o + 1,
        head: o,
        possessor,
    }
}

/// The first sentence with a buyer word within three words of a need word (`customers
/// struggled`, `what clients valued`); `customer success`, a team, is not the customer.
fn near_need(ctx: &Ctx<'_>) -> Option<usize> {
    let t = ctx.tokens;
    (0..t.tokens.len()).find_map(|i| {
        if !BUYERS.contains(&t.stem(i)) || ctx.hits.covers(Cue::Team, i) {
            return None;
        }
        let sentence = t.tokens[i].sentence();
        let range = &t.sentences[sentence].tokens;
        let from = i.saturating_sub(3).max(range.start);
        let to = (i + 4).min(range.end);
        // In one stretch of the clause: a comma, a colon or a dash between them starts another
        // (`with the customer, wrote the requirements up`).
        let joined = |j: usize| {
            let (a, b) = (i.min(j), i.max(j));
            ctx.text
                .get(t.tokens[a].end()..t.tokens[b].start())
                .is_some_and(|gap| !gap.contains([',', ';', ':', '—', '–', '(', ')']))
        };
        (from..to)
            .any(|j| j != i && need(t.stem(j)) && joined(j))
            .then_some(sentence)
    })
}

/// The model learned from labelled passages that states whether a sentence voices a buyer's need
/// (`crate::learned`), read on first use.
static MODEL: LazyLock<Model> = crate::learned::embedded!("buyer-need");

/// The probability from the learned model at which a sentence states a need the clause reading
/// did not find. Chosen on the holdouts.
const STATED: f32 = 0.8;

/// The probability from the learned model below which [`plausible`] vetoes a reading of a
/// sentence's structure. Chosen on the holdouts.
const PLAUSIBLE: f32 = 0.05;

/// The fewest words of a sentence the model may find a need in alone: one word decides a shorter
/// one (a heading `Customer pain`).
const MIN_WORDS: usize = 4;

/// Whether some sentence of at least [`MIN_WORDS`] words states a buyer's need with probability
/// [`STATED`], as the learned model reads it.
fn learned_need(ctx: &Ctx<'_>) -> bool {
    ctx.learned_anywhere(&MODEL, |c| &c.need, MIN_WORDS.., STATED)
}

/// `buyer-empathy`: tactics only, never the end customer's or buyer's needs.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    // A need in words no reading names, as the learned model reads it.
    if evidence(ctx).is_some() || learned_need(ctx) {
        return true;
    }
    let message = format!(
        "No buyer perspective: say what the end customer needed and how the work served them, not only tactics.{}",
        ctx.guide(Rule::BuyerEmpathy)
    );
    out.push(ctx.finding(Rule::BuyerEmpathy, ctx.anchor(), message));
    true
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::findings;

    #[test]
    fn buyer_empathy_needs_the_customer_need() {
        assert_eq!(
            findings(
                "We ran joint campaigns and tracked pipeline.",
                Rule::BuyerEmpathy
            )
            .len(),
            1
        );
        assert_eq!(
            findings("Our customer success team ran QBRs.", Rule::BuyerEmpathy).len(),
            1
        );
        for ok in [
            "Customers struggled to pass audits.",
            "I started from the buyer's compliance risk.",
            "The end customer wanted one contract.",
        ] {
            assert!(findings(ok, Rule::BuyerEmpathy).is_empty(), "{ok}");
        }
    }
}

#[cfg(test)]
mod whose_need {
    use crate::Rule;
    use crate::rules::testing::findings;

    fn fires(text: &str) -> bool {
        !findings(text, Rule::BuyerEmpathy).is_empty()
    }

    #[test]
    fn a_need_in_words_no_reading_names_is_read_by_the_learned_model() {
        for text in [
            "Small landlords kept telling us the same thing: chasing late rent was eating their weekends.",
            "Maintenance planners at regional airlines could only get parts availability from the distributor by phone, and every hour on hold was an hour an aircraft stayed grounded.",
        ] {
            assert!(!fires(text), "{text}");
        }
    }

    #[test]
    fn customers_as_objects_show_no_need() {
        for text in [
            "We checked the customer overlap and booked a joint customer call.",
            "The problem was our intake process, so I rebuilt the partner portal.",
            "I exported our customer list and ran account mapping with the reseller.",
        ] {
            assert!(fires(text), "{text}");
        }
    }

    #[test]
    fn a_partner_or_a_colleague_needing_is_not_the_buyer() {
        for text in [
            "Our resellers wanted higher margins, so I raised the tiers.",
            "The reseller needs to see that we keep our promise.",
            "My VP wanted a plan by Friday, and the founders wanted a second channel.",
            "Their sales teams couldn't pitch the bundle.",
        ] {
            assert!(fires(text), "{text}");
        }
    }

    #[test]
    fn an_outsiders_need_in_other_words_counts() {
        for text in [
            "Clinic managers did not want a second login.",
            "Fleet operators had to close their books by day three, so we synced invoices nightly.",
            "Dental practices kept telling us one thing: they wanted bookings in the same screen.",
            "We rebuilt the pitch around what school librarians actually worry about.",
        ] {
            assert!(!fires(text), "{text}");
        }
    }

    #[test]
    fn whom_the_draft_sells_to_is_the_buyer() {
        let text = "We sell inventory software to florists. \
                    Florists could not see stock across two shops, so the partner's plug-in \
                    let them reorder from one screen.";
        assert!(!fires(text));
        let text = "We serve independent bakeries. Bakeries could not order flour from one screen.";
        assert!(!fires(text));
    }

    #[test]
    fn why_buyers_buy_and_listening_to_them_count() {
        for text in [
            "Shippers buy us to stop missing delivery windows.",
            "Before scaling the bundle I would interview the customers who bought it.",
            "I anchored the pitch on the buyer's regulatory burden.",
        ] {
            assert!(!fires(text), "{text}");
        }
    }

    #[test]
    fn a_singular_counterpart_who_wants_is_not_the_market() {
        assert!(fires(
            "Check that the partner has the resources and a sponsor who cares."
        ));
    }

    #[test]
    fn a_subject_is_read_past_what_sits_before_its_verb() {
        for text in [
            // An appositive and a parenthesis between the subject and its verb.
            "Our clients, the regional dairies, were asking for one delivery window.",
            "Their buyers (finance leads at mid-size hotels) wanted one invoice a month.",
            // A prepositional phrase after the head.
            "The customers in the pilot region got one onboarding call instead of three.",
            // A locative after the noun.
            "The growers there needed cold storage within a day of harvest.",
        ] {
            assert!(!fires(text), "{text}");
        }
        // `half of those partners` is the partners, who want nothing the buyer does.
        assert!(fires(
            "Half of those resellers were tourists who wanted our logo on their site."
        ));
    }

    #[test]
    fn possessors_written_with_a_bare_apostrophe_or_a_title() {
        for text in [
            "The bakeries' problem was flour orders split across three suppliers.",
            "The site manager's problem is that a stopped line costs money every hour.",
            "Customers' payment times fell from 40 to 12 days.",
        ] {
            assert!(!fires(text), "{text}");
        }
        // The people a buyer has are who, not what, it needs.
        assert!(fires(
            "I reviewed the plan with the client's procurement lead."
        ));
    }

    #[test]
    fn lacks_obligations_and_catenative_needs() {
        for text in [
            "The compliance officer at a small insurer doesn't have the staff to collect evidence.",
            "Dental groups kept asking for one bill across all their practices.",
            "Parish councils are legally required to publish their minutes within a week.",
            "By then the IT teams had been asking for single sign-on for a year.",
        ] {
            assert!(!fires(text), "{text}");
        }
        // A thing that needs to do something is told what it must do.
        assert!(fires(
            "The attribution model in a reseller program needs to separate sourced from influenced deals."
        ));
        // One party bound by a deal's terms is not the market.
        assert!(fires(
            "Every reseller was required to book two deals a quarter to keep its discount."
        ));
    }

    #[test]
    fn they_is_followed_back_to_the_group() {
        // `they` twice over stands for the resellers, not for the reasons.
        assert!(fires(
            "We had thirty resellers. They only ever found reasons to stall. \
             Their sales teams could not pitch us."
        ));
        // `their` after a sentence whose subject is the speaker stands for the customers named.
        assert!(!fires(
            "We picked four shared customers for the beta. Their IT teams want updates without downtime."
        ));
    }

    #[test]
    fn a_question_about_what_buyers_say() {
        assert!(!fires(
            "Which regions were tried, and what did customers say about buying through the channel?"
        ));
        assert!(fires("Which regions were tried, and who owned the plan?"));
    }

    #[test]
    fn attitudes_participles_and_relative_lacks() {
        for text in [
            // An attitude: a copula, an adjective and a preposition.
            "Pharmacies are very wary of tools that change the order screen.",
            // A participle inside an appositive.
            "Their clients, mostly landlords renting out a few flats, kept asking for one login.",
            // A relative clause without `that`: the noun before `they` is what they lack.
            "Estate agents told us the checks took days they didn't have.",
            // A need word the tagger reads as a noun after `they`.
            "We sell to dental groups, so does the bundle fix something they care about?",
            // A relative clause without `that` between a buyer and its verb.
            "We sell to dental groups, and the practices we sell to need one bill.",
            "The bakeries we serve kept asking for delivery slots.",
            "The clients we sold to only renewed after a quiet winter.",
            // A group outside that loses something.
            "Small landlords were losing good tenants to faster agencies.",
            // A participle of emotion with what it is felt towards.
            "Dairy farmers were tired of paying for two separate sensors.",
            "Small publishers are frightened of losing their search traffic.",
        ] {
            assert!(!fires(text), "{text}");
        }
        // A partner's attitude is the deal's, not the market's.
        assert!(fires("Our resellers were keen on higher margins."));
    }

    #[test]
    fn relations_and_hyphenated_predicates_are_no_need() {
        for text in [
            // A participle with a preposition is a relation, not an attitude; `tied to` is no
            // obligation either.
            "Referral tiers are tied to sourced revenue.",
            "Discounts were linked to certification.",
            "The regional teams were made up of former resellers.",
            // One seller's loss is a term of the deal, not the market's pain.
            "If an account executive loses money on partner deals, he will fight the partner.",
            // `who` after a hyphenated predicate stands for the subject, the partners.
            "Most of our resellers were logo-collectors who wanted a free demo account.",
        ] {
            assert!(fires(text), "{text}");
        }
    }
    #[test]
    fn an_organisation_that_owns_the_subject_is_their_they() {
        let text = "The school's IT lead told us they could not run a second login system.";
        assert!(!fires(text), "{text}");
        let text = "The bakery's owner said they cannot staff a night shift.";
        assert!(!fires(text), "{text}");
    }

    #[test]
    fn the_trade_and_who_gets_paid_are_not_the_market() {
        // The category's words: the embedded catalog's concepts and metrics.
        let embedded = |text: &str| {
            let report = crate::analyze_with(
                text,
                &crate::Options::default(),
                interview_content::Catalog::embedded(),
                &crate::Settings::default(),
            );
            report.findings.iter().any(|f| f.rule == Rule::BuyerEmpathy)
        };
        let text = "---\nquestion: 3\n---\n\nIncentives cannot fix a partnership nobody backs.\n";
        assert!(embedded(text), "{text}");
        let text = "How does each side get paid? Through a referral fee.";
        assert!(fires(text), "{text}");
        let text = "The bundle had to be something a florist would pay for.";
        assert!(!fires(text), "{text}");
        // A payment with nothing it pays for is a term of the trade.
        let text = "Referral partners got a flat 10% fee, paid when the club paid its first invoice.";
        assert!(fires(text), "{text}");
        let text = "Clubs paid to get their fixtures online before the season started.";
        assert!(!fires(text), "{text}");
        // A need read past a relative clause in the subject, not through `pay back`.
        let text = "Homeowners who add a battery want to know it will pay back in a reasonable time.";
        assert!(!fires(text), "{text}");
    }

    #[test]
    fn readings_naming_no_buyer_in_need_must_be_plausible_to_the_model() {
        // A fee term, a partner's request and an escalation: each clause reading alone would take
        // them; the learned model does not find them plausible as a buyer's need.
        for text in [
            "The first version paid a flat $50 per registered account.",
            "For a new partner in year one I look at certified engineers and quotes requested.",
            "Afterwards I rewrote deal registration: evidence of a meeting required, and AEs paid the same on partner deals.",
        ] {
            assert!(fires(text), "{text}");
        }
        // A group outside that needs, or a need noun it owns, stands on structure alone.
        for text in [
            "We also involved our product team, because merchants needed the terminal to arrive already configured.",
            "The bakeries' problem was flour orders split across three suppliers.",
        ] {
            assert!(!fires(text), "{text}");
        }
    }

    #[test]
    fn subjects_english_leaves_unsaid() {
        for text in [
            // A relative clause opened by `that` has the noun before it as its subject.
            "We cold-called bakeries that already trusted their flour supplier.",
            // A verb joined to the clause before it shares its subject.
            "Small clinics were running two calendars, copying notes by hand, and losing bookings to bigger practices.",
            // A locative with a particle after the noun.
            "Farmers out there wanted one sensor for every field.",
        ] {
            assert!(!fires(text), "{text}");
        }
        // The speaker's own joined verbs are no one else's need.
        assert!(fires(
            "We were running two portals, copying leads by hand, and losing track of deals."
        ));
    }

    #[test]
    fn who_whose_and_he_stand_for_a_person() {
        for text in [
            // `who` reads back past the phrases that modify its noun.
            "We met landlords with a few flats in older buildings who needed faster checks.",
            "We picked installers doing $2M a year, who hate chasing three suppliers.",
            // `whose` owns a need noun; a noun before the head says whose person it is.
            "We called the clinic manager, whose biggest worry was double bookings.",
            // `he` is the singular person subject before it.
            "The warehouse manager was getting three invoices a week: he wanted one.",
        ] {
            assert!(!fires(text), "{text}");
        }
        for text in [
            // A colleague's or the partner's man wants what the deal gives.
            "My predecessor was busy, and he wanted more logos.",
            "The partner manager was slow: he wanted higher margins.",
        ] {
            assert!(fires(text), "{text}");
        }
    }

    #[test]
    fn must_binds_a_group_outside() {
        assert!(!fires("Most small lenders must file a risk report every quarter."));
        // A thing that must be done states no one's need.
        assert!(fires("Reports must be filed by Friday."));
    }

    #[test]
    fn needs_held_or_named_in_apposition_and_attitudes() {
        for text in [
            // A need noun a group outside feels, faces or has.
            "Night-shift nurses feel the pain of manual rotas most.",
            // A need named after a dash or a colon, of the sentence's topic.
            "Warehouse clerks re-entered every order by hand — the problem our integration removed.",
            "Site managers: two logins for one job — the main pain.",
            // A participle after the subject before its copula and attitude.
            "Bakeries opening a second shop are often nervous about stock.",
        ] {
            assert!(!fires(text), "{text}");
        }
        // The speaker's own chore is no buyer's pain.
        assert!(fires(
            "We re-entered every order by hand — the problem our integration removed."
        ));
    }

    #[test]
    fn needs_the_clause_reader_splits() {
        for text in [
            // `had to` inside the verb group, after a relative `who`.
            "Our buyers were heads of finance who had to close the quarter with half the staff.",
            // A negative quantifier for what a group has.
            "The regional wholesalers had no way to see stock across their depots.",
            // A quantity of a group, with a phrase after the group.
            "Many of the farmers in the valley couldn't irrigate during the ban.",
            // A participle of a compound adjective inside an appositive.
            "The agency's clients, mostly family-run hotels, wanted one booking screen.",
            // A need verb the tagger reads as a noun or an adverb after a plural name.
            "We built the pitch around what school CIOs fear most: a breach during exams.",
        ] {
            assert!(!fires(text), "{text}");
        }
        for text in [
            // A term each party signs up to, and one person's lack, are the deal's.
            "Each distributor had to name an exec sponsor for the program.",
            "The AE had no reason to bring the distributor in.",
        ] {
            assert!(fires(text), "{text}");
        }
    }

    #[test]
    fn people_placed_outside_heard_or_taken_as_a_kind() {
        for text in [
            // A person at work placed in an organisation outside.
            "Nurses at the county hospitals couldn't log in from the ward tablets.",
            "Teachers won't touch anything that needs a separate login.",
            "Most clinics wouldn't switch systems mid-year.",
            "Most clinics would not switch systems mid-year.",
            // A person of a kind, not one counterpart.
            "A store manager can't close the till without the head office.",
            // The speaker listening to, or asking, a group outside.
            "We interviewed twenty fleet managers before pricing the bundle.",
            "I asked some of the pharmacy owners how they handled returns.",
        ] {
            assert!(!fires(text), "{text}");
        }
        for text in [
            // People placed at the partner, one counterpart, and what the speaker talks about.
            "Reps at the partner couldn't demo the bundle.",
            "The store manager couldn't make the call.",
            "The store manager wouldn't make the call.",
            "We talked openly about the agencies that also resold a competitor.",
        ] {
            assert!(fires(text), "{text}");
        }
    }

    #[test]
    fn a_need_noun_for_a_group_outside() {
        for text in [
            "The real problem for small bakeries was flour prices.",
            "For the dairy farms the biggest worry was milk spoiling in transit.",
        ] {
            assert!(!fires(text), "{text}");
        }
        assert!(fires("For our resellers the biggest worry was margin."));
    }

    #[test]
    fn a_need_word_past_a_comma_is_not_beside_the_buyer() {
        assert!(fires(
            "I met the client, drafted the requirements and briefed the partner."
        ));
        assert!(!fires("We rebuilt the offer around what clients valued."));
    }

    #[test]
    fn a_difficulty_stated_through_its_consequence() {
        for text in [
            // A predicate of negative valence, read by its stem (`drowning` as `drown`).
            "Warehouse supervisors were drowning in paperwork every Monday.",
            "Our clients kept telling us they were struggling with month-end.",
            // Time spent or waited.
            "Clinic bookkeepers spent the first days of every quarter matching receipts.",
            "Small contractors waited weeks for a quote from the distributor.",
        ] {
            assert!(!fires(text), "{text}");
        }
        for text in [
            // A thing that drops or waits is no one's difficulty.
            "Registration disputes dropped from nine a quarter to two.",
            "Decisions waited for whoever had time.",
            // A word with a person's suffix that WordNet knows as a thing.
            "By the second quarter the numbers were bad.",
            // The speaker's side and the partner's are not the market.
            "We were drowning in partner requests.",
            "The reseller's reps were struggling with the demo.",
            // A verb's object, not a subject; a passive.
            "We would book a joint customer call whenever a deal looked stuck.",
        ] {
            assert!(fires(text), "{text}");
        }
    }

    #[test]
    fn a_need_noun_whose_sufferer_a_colon_names_after_it() {
        let text = "Our product marketing team and I wrote a joint talk track around one pain: \
                    project managers re-entering daily reports into the ERP for cost tracking, \
                    often on a Sunday night.";
        assert!(!fires(text), "{text}");
        // The speaker's side is not the market.
        let text = "Our product marketing team and I wrote a joint talk track around one pain: \
                    our reps re-entering daily reports into the ERP for cost tracking, often on \
                    a Sunday night.";
        assert!(fires(text), "{text}");
    }

    #[test]
    fn who_after_a_place_name_stands_for_the_people_before_it() {
        // `Enugu` is a name, but one a preposition of place governs: `who` is the traders.
        let text = "I start from who we serve: market women and small traders in Enugu who lose \
                    half a day going to a bank branch to deposit.";
        assert!(!fires(text), "{text}");
    }

    #[test]
    fn a_noun_modifier_in_ing_opens_a_subject() {
        let text = "Sales stalled because purchasing managers did not trust a new vendor.";
        assert!(!fires(text), "{text}");
    }

    #[test]
    fn a_partner_in_a_hyphenated_modifier_leaves_the_buyer_a_buyer() {
        // The clinics came through a partner; they are still the ones who need one login.
        let text = "We kept losing partner-referred clinics that needed one login for billing.";
        assert!(!fires(text), "{text}");
    }

    #[test]
    fn a_buyer_whose_people_struggle_has_a_need() {
        let text = "They learn how to spot a client whose HR team is drowning in paperwork.";
        assert!(findings(text, Rule::BuyerEmpathy).is_empty(), "{text}");
    }

}
