//! Which question or scenario a draft answers: front matter, else a heading, else the file name.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use interview_content::Catalog;

use crate::LinkVia;
use crate::SectionKind;
use crate::draft::{Draft, classify_title};
use crate::learned::Model;
use crate::syntax::UPOS;
use crate::tokens::stems;

/// What a draft answers, as catalog indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A common interview question (index into the category's questions).
    Question(usize),
    /// A real business scenario used as a prompt (index into the category's scenarios).
    Scenario(usize),
}

/// The outcome of linking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Linked {
    /// Category index in the catalog.
    pub category: Option<usize>,
    /// The question or scenario.
    pub target: Option<Target>,
    /// How the target (or, without one, the category) was found.
    pub via: Option<LinkVia>,
    /// What linked it, when in the text.
    pub range: Option<Range<usize>>,
    /// The heading that is the draft's title (index into the draft's headings).
    pub title: Option<usize>,
    /// A front matter value that names nothing: message and the value's range.
    pub problem: Option<(String, Range<usize>)>,
    /// For a draft that names no target: the scenario its prose reads as answering
    /// ([`reads_as_scenario`]). The draft stays unlinked (its talking points are not checked),
    /// but the rules that read a scenario answer differently from a story read it as one.
    pub reads_as: Option<(usize, Target)>,
    /// For a draft that names no target: the category whose prose model read its prose, and that
    /// category's targets as the model ranks them, surest first ([`read_prose`]); the link
    /// rule's fixes offer the first three.
    pub ranked: Option<(usize, Vec<Target>)>,
}

/// Content stems of the catalog's questions and scenarios, computed once per engine.
#[derive(Debug, Clone, Default)]
pub(crate) struct QuestionIndex {
    /// Per category: content stems of each question.
    pub questions: Vec<Vec<Vec<String>>>,
    /// Per category: content stems of each scenario prompt.
    pub scenarios: Vec<Vec<Vec<String>>>,
    /// Per category: what each question and scenario talks about, for matching short headings.
    profiles: Vec<Vec<Profile>>,
    /// Per category: how many of its profiles each stem occurs in.
    counts: Vec<Counts>,
    /// Canonical stem of each word of [`SYNONYMS`].
    synonyms: HashMap<String, String>,
    /// Per category: each target with its public id, the names of a prose model's classes.
    ids: Vec<Vec<(String, Target)>>,
    /// Per category: its prose model, if one was learned for it ([`prose_model`]), parsed on
    /// first use.
    models: Vec<Option<&'static LazyLock<Model>>>,
}

/// What one question or scenario talks about: its stems (canonical, see [`SYNONYMS`]) with how
/// closely each belongs to it, and how telling each stem is among the category's targets.
#[derive(Debug, Clone)]
struct Profile {
    target: Target,
    /// The canonical stems of the target's own statement (the question, or the scenario's
    /// one-line statement): what a heading restates when it names this target.
    own: Vec<String>,
    /// Stem and weight: 1 in the question's or scenario's own text, less in its talking points,
    /// less again in the names and synonyms of the concepts those points draw on.
    stems: HashMap<String, f64>,
}

/// Per category: in how many profiles each stem occurs, each occurrence counted by how closely the
/// stem belongs to that profile (its rarity makes it telling). A stem that is one concept's
/// synonym in many questions' talking points is still telling where it is a question's topic.
type Counts = HashMap<String, f64>;

const STOPWORDS: &[&str] = &[
    "how", "do", "you", "i", "a", "an", "the", "what", "of", "to", "for", "and", "in", "on",
    "with", "that", "your", "is", "are", "it", "me", "my", "we", "our", "about", "tell", "when",
    "did", "would", "can", "could", "should", "which", "who", "why", "describ", "explain", "walk",
    "through", "give", "exampl", "time", "at", "by", "be", "or", "this", "there", "s",
];

/// Words that say what a heading is (a note, a draft) rather than what it is about; with the
/// stopwords, ignored when a heading is matched ("Partnership viability: notes for the interview").
#[rustfmt::skip]
const HEADING_NOISE: &[&str] = &[
    "note", "draft", "answer", "interview", "scenario", "question", "version", "v1", "v2", "v3",
    "prep", "d", "ll", "ve", "m", "if", "it", "not", "or", "vs", "into", "them", "they",
    "their", "actual", "realli", "so", "up", "out", "from", "here", "via", "as", "us", "whi",
    "set", "setup", "i'd", "i'll", "i'm", "i've", "we'd", "don't", "doesn't", "won't", "isn't",
    // The parts of an answer's story name no question.
    "context", "situat", "background", "action", "outcom", "result", "learn", "lesson",
    "takeaway", "approach", "step", "plan", "reflect", "impact", "summari", "overview", "task",
];

/// Near-synonyms a heading uses for the words of a question or scenario ("Picking partners" for
/// "identify good partners", "Rescuing an orphaned channel" for "a failing channel nobody owns").
/// Each group's words stand for its first; general business English, not any draft's wording:
/// a partnership that pays off or pays back makes a return.
#[rustfmt::skip]
const SYNONYMS: &[&[&str]] = &[
    &["identify", "pick", "choose", "select", "selection", "find", "spot", "vet", "good", "right",
        "source", "sourcing", "prospect", "prospecting", "shortlist"],
    &["viability", "viable", "worth", "worthwhile", "checklist"],
    &["determine", "decide", "decision"],
    &["structure", "design", "designing"],
    &["launch", "start", "starting", "stand", "kick", "roll", "begin", "pilot", "piloting"],
    &["manage", "handle", "handling", "resolve", "settle"],
    &["conflict", "dispute", "clash", "disagreement", "fight", "friction"],
    &["evaluate", "measure", "measuring", "assess", "judge"],
    &["avoid", "prevent", "filter"],
    &["commitment", "committed", "commit", "inactive"],
    &["governance", "govern", "governing", "cadence", "oversight"],
    &["growth", "grow", "grew", "growing", "best", "proudest", "favourite", "favorite"],
    &["redesign", "fix", "fixing", "rescue", "rescuing", "rebuild", "revive", "repair",
        "recover", "turnaround", "restart"],
    &["failing", "fail", "failed", "stalled", "stall", "stuck", "struggling", "broken", "dead"],
    &["own", "owns", "owner", "orphaned", "orphan", "unowned", "ownerless"],
    &["inherit", "inherited", "inheriting", "takeover"],
    &["enablement", "enable", "enabling", "training", "train", "onboarding"],
    &["incentive", "incentives", "reward", "rewards", "compensation", "payout"],
    &["roi", "payback", "return", "returns"],
];

/// Two-word verbs that stand for one word of [`SYNONYMS`] ("turning around" a partnership).
const PHRASAL: &[(&str, &str, &str)] = &[
    ("turn", "around", "redesign"),
    ("take", "over", "inherit"),
    ("pick", "up", "inherit"),
    ("stand", "up", "launch"),
    ("kick", "off", "launch"),
    ("roll", "out", "launch"),
    ("pay", "off", "roi"),
];

/// The canonical stem of every word of [`SYNONYMS`].
fn synonym_table() -> HashMap<String, String> {
    let mut table = HashMap::new();
    for group in SYNONYMS {
        let head = stems(group[0]).concat();
        for word in *group {
            table
                .entry(stems(word).concat())
                .or_insert_with(|| head.clone());
        }
    }
    table
}

/// The stems of `text` that carry meaning, deduplicated.
pub(crate) fn content_stems(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    stems(text)
        .into_iter()
        .filter(|s| !STOPWORDS.contains(&s.as_str()) && seen.insert(s.clone()))
        .collect()
}

/// The canonical content stems of a heading or a target's text.
fn canonical_stems(text: &str, synonyms: &HashMap<String, String>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut words = stems(text);
    // "Turning around" is "redesigning": join two-word verbs before the parts are dropped.
    for i in 1..words.len() {
        if let Some(&(_, _, head)) = PHRASAL
            .iter()
            .find(|(a, b, _)| words[i - 1] == *a && words[i] == *b)
        {
            words[i - 1] = head.to_string();
            words[i].clear();
        }
    }
    words
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| synonyms.get(&s).cloned().unwrap_or(s))
        .filter(|s| !STOPWORDS.contains(&s.as_str()) && !HEADING_NOISE.contains(&s.as_str()))
        .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

impl QuestionIndex {
    /// Indexes every category's questions and scenario prompts.
    pub fn new(catalog: &Catalog) -> QuestionIndex {
        let synonyms = synonym_table();
        let profiles: Vec<Vec<Profile>> = catalog
            .categories
            .iter()
            .map(|c| {
                let mut out = Vec::new();
                for (i, q) in c.questions.iter().enumerate() {
                    let mut stems = HashMap::new();
                    let mut add = |text: &str, weight: f64| {
                        for s in canonical_stems(text, &synonyms) {
                            let w = stems.entry(s).or_insert(0.0);
                            *w = f64::max(*w, weight);
                        }
                    };
                    add(&q.text, 1.0);
                    for point in &q.talking_points {
                        add(&point.text, TALKING_POINT);
                        for id in &point.concepts {
                            if let Some(concept) = c.concepts.iter().find(|k| &k.id == id) {
                                add(&concept.name, CONCEPT);
                                for synonym in &concept.synonyms {
                                    add(synonym, CONCEPT);
                                }
                            }
                        }
                    }
                    out.push(Profile {
                        target: Target::Question(i),
                        own: canonical_stems(&q.text, &synonyms),
                        stems,
                    });
                }
                for (i, s) in c.scenarios.iter().enumerate() {
                    let mut stems = HashMap::new();
                    // The category's short statement of the scenario first, then the prompt.
                    for (text, weight) in [(&s.prompt, 0.6), (&s.text, 1.0)] {
                        for stem in canonical_stems(text, &synonyms) {
                            stems.insert(stem, weight);
                        }
                    }
                    out.push(Profile {
                        target: Target::Scenario(i),
                        own: canonical_stems(&s.text, &synonyms),
                        stems,
                    });
                }
                out
            })
            .collect();
        QuestionIndex {
            questions: catalog
                .categories
                .iter()
                .map(|c| c.questions.iter().map(|q| content_stems(&q.text)).collect())
                .collect(),
            scenarios: catalog
                .categories
                .iter()
                .map(|c| {
                    c.scenarios
                        .iter()
                        .map(|s| content_stems(&s.prompt))
                        .collect()
                })
                .collect(),
            counts: profiles
                .iter()
                .map(|list| {
                    let mut counts = Counts::new();
                    for p in list {
                        for (s, weight) in &p.stems {
                            *counts.entry(s.clone()).or_insert(0.0) += weight;
                        }
                    }
                    counts
                })
                .collect(),
            profiles,
            synonyms,
            ids: catalog
                .categories
                .iter()
                .map(|c| {
                    let questions = (0..c.questions.len()).map(Target::Question);
                    let scenarios = (0..c.scenarios.len()).map(Target::Scenario);
                    questions
                        .chain(scenarios)
                        .map(|t| (crate::engine::target_id(c, t), t))
                        .collect()
                })
                .collect(),
            models: catalog
                .categories
                .iter()
                .map(|c| prose_model(&c.id))
                .collect(),
        }
    }
}

/// How telling stem `s` is among a category's `targets`: the rarer, the more; a stem no target
/// uses weighs [`UNKNOWN_WEIGHT`].
fn telling(counts: &Counts, s: &str, targets: usize) -> f64 {
    counts
        .get(s)
        .map_or(UNKNOWN_WEIGHT, |&k| ((targets + 1) as f64 / k).ln())
}

/// How much of `probe` (canonical stems, each with how much it counts in the heading) one
/// profile covers, each stem weighted by how telling it is among the category's targets; stems
/// no target uses weigh [`UNKNOWN_WEIGHT`].
fn coverage(probe: &[(String, f64)], profile: &Profile, counts: &Counts, targets: usize) -> f64 {
    let mut covered = 0.0;
    let mut total = 0.0;
    for (s, part) in probe {
        let weight = part * telling(counts, s, targets);
        total += weight;
        covered += weight * profile.stems.get(s).copied().unwrap_or(0.0);
    }
    if total == 0.0 { 0.0 } else { covered / total }
}

/// How much of a target's own statement the heading restates, each stem weighted by how telling
/// it is among the category's targets: the other direction of [`coverage`]. "Partner enablement"
/// covers all it says with both the enablement question and the failing-channel scenario (whose
/// statement mentions weak enablement), but restates most of the question and little of the
/// scenario.
fn restated(probe: &[(String, f64)], profile: &Profile, counts: &Counts, targets: usize) -> f64 {
    let mut covered = 0.0;
    let mut total = 0.0;
    for s in &profile.own {
        let weight = telling(counts, s, targets);
        total += weight;
        if probe.iter().any(|(p, _)| p == s) {
            covered += weight;
        }
    }
    if total == 0.0 { 0.0 } else { covered / total }
}

/// Where the first adjunct of a heading starts: a preposition after the heading's first noun
/// ("Standing up co-sell | with a cloud marketplace partner", "Partner enablement | for
/// resellers"), read from the tagger's parts of speech. A preposition before any noun belongs to
/// the head verb ("standing up", "choosing between") and opens nothing.
fn adjunct_start(text: &str) -> Option<usize> {
    let tagged = crate::syntax::Tagged::new(text);
    let offset = text.len() - text.trim_start().len();
    let mut noun = false;
    for word in &tagged.words {
        if word.pos == UPOS::ADP && noun {
            return Some(offset + word.range.start as usize);
        }
        noun |= matches!(word.pos, UPOS::NOUN | UPOS::PROPN);
    }
    None
}

/// The canonical stems of a heading, each with how much it counts: the head words fully, what
/// an adjunct adds ([`adjunct_start`]) at [`ADJUNCT`] (the rubric reads "Standing up co-sell
/// with a cloud marketplace partner" as being about co-sell, not about marketplaces).
fn heading_probe(text: &str, synonyms: &HashMap<String, String>) -> Vec<(String, f64)> {
    let (head, adjunct) = adjunct_start(text).map_or((text, ""), |i| text.split_at(i));
    let mut probe: Vec<(String, f64)> = canonical_stems(head, synonyms)
        .into_iter()
        .map(|s| (s, 1.0))
        .collect();
    for s in canonical_stems(adjunct, synonyms) {
        if !probe.iter().any(|(p, _)| *p == s) {
            probe.push((s, ADJUNCT));
        }
    }
    probe
}

/// The question or scenario whose text and talking points cover most of `text` (a heading or a
/// front matter value), when it covers at least `threshold` and clearly more than the next best:
/// a heading that names nothing ("Notes for Thursday") links nothing. When two targets cover the
/// heading about equally, the one whose own statement it clearly restates more ([`restated`])
/// wins; otherwise nothing links. `scenarios` `None`
/// searches both kinds, `Some(true)` scenarios only, `Some(false)` questions only. With the
/// target, how much of its own statement `text` restates.
fn closest(
    index: &QuestionIndex,
    categories: &[usize],
    text: &str,
    scenarios: Option<bool>,
    threshold: f64,
) -> Option<(usize, Target, f64)> {
    let probe = heading_probe(text, &index.synonyms);
    if probe.is_empty() {
        return None;
    }
    let mut scored: Vec<(f64, f64, usize, Target)> = Vec::new();
    for &c in categories {
        let (Some(profiles), Some(counts)) = (index.profiles.get(c), index.counts.get(c)) else {
            continue;
        };
        for p in profiles {
            let is_scenario = matches!(p.target, Target::Scenario(_));
            if scenarios.is_some_and(|want| want != is_scenario) {
                continue;
            }
            let targets = profiles.len();
            scored.push((
                coverage(&probe, p, counts, targets),
                restated(&probe, p, counts, targets),
                c,
                p.target,
            ));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let &(best, restates, c, target) = scored.first()?;
    if best < threshold {
        return None;
    }
    let second = scored.get(1).map_or(0.0, |s| s.0);
    if best - second >= MARGIN {
        return Some((c, target, restates));
    }
    // A near tie: the close contenders, by how much of their own statement the heading restates.
    let mut close: Vec<_> = scored.iter().filter(|s| best - s.0 < MARGIN).collect();
    close.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (first, runner_up) = (close[0].1, close.get(1).map_or(0.0, |s| s.1));
    (first >= RESTATED_MIN && first >= RESTATED_RATIO * runner_up)
        .then_some((close[0].2, close[0].3, first))
}

/// The draft's first [`BODY_BYTES`] of prose outside headings (headings as spaces): what
/// [`body_probe`] and the prose models read.
pub(crate) fn body_prose(draft: &Draft) -> String {
    let mask = draft.mask.as_str();
    let mut prose = String::new();
    let mut at = 0;
    for heading in &draft.headings {
        let start = heading.range.start.max(at);
        prose.push_str(mask.get(at..start).unwrap_or(""));
        prose.push(' ');
        at = heading.range.end.max(at);
        if prose.len() >= BODY_BYTES {
            break;
        }
    }
    if prose.len() < BODY_BYTES {
        prose.push_str(mask.get(at..).unwrap_or(""));
    }
    let mut end = prose.len().min(BODY_BYTES);
    while !prose.is_char_boundary(end) {
        end -= 1;
    }
    prose.truncate(end);
    prose
}

/// The draft's prose as evidence of its target: the canonical stems of its first
/// [`BODY_BYTES`] of prose outside headings that some target of the category uses, each counted
/// by how often it occurs (logarithmically, so one repeated word does not decide).
fn body_probe(index: &QuestionIndex, prose: &str) -> Vec<(String, f64)> {
    let mut counts: HashMap<String, f64> = HashMap::new();
    for s in stems(prose) {
        let s = index.synonyms.get(&s).cloned().unwrap_or(s);
        if STOPWORDS.contains(&s.as_str()) || HEADING_NOISE.contains(&s.as_str()) {
            continue;
        }
        if index.counts.iter().any(|c| c.contains_key(&s)) {
            *counts.entry(s).or_insert(0.0) += 1.0;
        }
    }
    let mut probe: Vec<(String, f64)> = counts
        .into_iter()
        .map(|(s, n)| (s, 1.0 + f64::ln(n)))
        .collect();
    probe.sort_by(|a, b| a.0.cmp(&b.0));
    probe
}

/// A title heading that names its target only in paraphrase ("Measuring whether partners pay
/// off", "Who we partner with, and why") covers it too thinly to link alone; the draft's prose
/// says which of the targets the heading only hints at it answers. When the heading uses a word
/// of some of a category's targets ([`topic_stems`]), the category's prose model decides first
/// ([`by_prose_model`]): it learned the words of drafts that answered each target. Where the
/// model is unsure, or the category has none, and the heading's words include one that some
/// targets use and others do not (every target talks of partnerships), the target whose text
/// and talking points cover most of the prose ([`coverage`] over the body's stems) links, when
/// it covers [`BODY_LEAD`] times more than the next. A heading with no word of any target
/// ("Notes for Thursday") links nothing, whatever the prose says.
fn closest_with_body(
    index: &QuestionIndex,
    categories: &[usize],
    heading: &str,
    draft: &Draft,
) -> Option<(usize, Target)> {
    let topic = topic_stems(heading, &index.synonyms);
    if topic.is_empty() {
        return None;
    }
    // The prose is read only when the title hints at something: this runs on every analysis of
    // a draft whose title does not link. Categories whose targets use some word of the title,
    // and those whose targets it tells apart.
    let (mut hinted, mut lexical) = (Vec::new(), Vec::new());
    for &c in categories {
        let Some(profiles) = index.profiles.get(c) else {
            continue;
        };
        let targets = profiles.len();
        // A title names some target of the category when it uses a word that some targets
        // use and others do not; a word every target uses ("partnership") names none of them.
        let users = |s: &String| profiles.iter().filter(|p| p.stems.contains_key(s)).count();
        let specific = topic.iter().any(|s| (1..targets).contains(&users(s)));
        if topic.iter().any(|s| users(s) > 0) {
            hinted.push(c);
        }
        if specific {
            lexical.push(c);
        }
    }
    if hinted.is_empty() {
        return None;
    }
    let prose = body_prose(draft);
    if let Some(found) = by_prose_model(index, &hinted, &prose) {
        return Some(found);
    }
    let body = body_probe(index, &prose);
    // (prose coverage, category, target) of each target of a category the heading names.
    let mut scored: Vec<(f64, usize, Target)> = Vec::new();
    for &c in &lexical {
        let (profiles, counts) = (&index.profiles[c], &index.counts[c]);
        for p in profiles {
            scored.push((coverage(&body, p, counts, profiles.len()), c, p.target));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let &(best, c, target) = scored.first()?;
    let second = scored.get(1).map_or(0.0, |s| s.0);
    (best > 0.0 && best >= BODY_LEAD * second).then_some((c, target))
}

/// The target the prose model names instead of `found`, the target a heading resembles, when
/// the heading restates less than [`OVERRULE_RESTATED`] of `found`'s own statement (`restates`,
/// from [`closest`]) and the model is at least [`OVERRULE_LEAST`] sure of another target and
/// [`OVERRULE_LEAD`] times surer of it than of any other. A paraphrase can resemble the wrong
/// question through one word ("Is the partner worth it?" is about a partner's return, not whether
/// to sign one); a heading that restates a question ("How do you launch a co-sell motion?") is
/// the candidate's own choice and stands.
fn overruled(
    index: &QuestionIndex,
    found: (usize, Target),
    restates: f64,
    draft: &Draft,
) -> Option<(usize, Target)> {
    if restates >= OVERRULE_RESTATED {
        return None;
    }
    let prose = body_prose(draft);
    let named = by_prose_model_with(index, &[found.0], &prose, OVERRULE_LEAST, OVERRULE_LEAD)?;
    (named != found).then_some(named)
}

/// The target whose prose model ([`prose_model`]) is surest that `prose` (of at least
/// [`PROSE_WORDS`] words) answers it, among the `categories` that have a model, when it is at
/// least [`PROSE_LEAST`] sure and [`PROSE_LEAD`] times surer than of the next target. Where the
/// words of a category's own text do not tell its targets apart, the words of drafts that
/// answered each do ("Carrier-network integration that moved GMV" answers the growth question,
/// though its prose never says "growth").
fn by_prose_model(
    index: &QuestionIndex,
    categories: &[usize],
    prose: &str,
) -> Option<(usize, Target)> {
    by_prose_model_with(index, categories, prose, PROSE_LEAST, PROSE_LEAD)
}

/// [`by_prose_model`] with its bars: at least `least` sure, and `lead` times surer than of the
/// next target.
fn by_prose_model_with(
    index: &QuestionIndex,
    categories: &[usize],
    prose: &str,
    least: f32,
    lead: f32,
) -> Option<(usize, Target)> {
    // A placeholder body ("Body.") is no evidence: the model would answer from its biases.
    prose.split_whitespace().nth(PROSE_WORDS - 1)?;
    let mut scored: Vec<(f32, usize, Target)> = categories
        .iter()
        .filter_map(|&c| Some((c, model_scores(index, c, prose)?)))
        .flat_map(|(c, targets)| targets.into_iter().map(move |(p, t)| (p, c, t)))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let &(best, c, target) = scored.first()?;
    let second = scored.get(1).map_or(0.0, |s| s.0);
    (best >= least && best >= lead * second).then_some((c, target))
}

/// The model of which target a draft's prose answers, for the category `id`, where one was
/// learned (`models/link-{id}.tsv`, from the tuning drafts whose titles name a target: `cargo
/// run -p xtask -- codegen`). Content packs have none: their drafts link by words alone.
fn prose_model(id: &str) -> Option<&'static LazyLock<Model>> {
    static PARTNERSHIPS: LazyLock<Model> = crate::learned::embedded!("link-partnerships");
    (id == "partnerships").then_some(&PARTNERSHIPS)
}

/// How sure the prose model must be of a target.
const PROSE_LEAST: f32 = 0.2;
/// How many times surer of the target the prose model must be than of the next.
const PROSE_LEAD: f32 = 1.2;
/// How much of a question's own statement a heading must restate for the prose model never to
/// overrule it ([`overruled`]).
const OVERRULE_RESTATED: f64 = 0.5;
/// How sure the prose model must be of another target to overrule a heading.
const OVERRULE_LEAST: f32 = 0.25;
/// How many times surer of that target than of the next the prose model must be to overrule a
/// heading.
const OVERRULE_LEAD: f32 = 2.0;
/// The fewest words of prose the prose model reads: a paragraph, not a placeholder.
const PROSE_WORDS: usize = 40;

/// The canonical stems of a heading's content words (nouns, verbs, adjectives, read from the
/// tagger's parts of speech): what a title can name a topic with. "Before" or "this" names
/// nothing, however often a question's talking points use it.
fn topic_stems(text: &str, synonyms: &HashMap<String, String>) -> Vec<String> {
    let tagged = crate::syntax::Tagged::new(text);
    let offset = text.len() - text.trim_start().len();
    let body = &text[offset..];
    tagged
        .words
        .iter()
        .filter(|w| matches!(w.pos, UPOS::NOUN | UPOS::PROPN | UPOS::VERB | UPOS::ADJ))
        .filter_map(|w| body.get(w.range.start as usize..w.range.end as usize))
        .flat_map(|word| canonical_stems(word, synonyms))
        .collect()
}

/// How many times more of the best target the prose must cover than of the next.
const BODY_LEAD: f64 = 1.1;

/// How much of a draft's prose is read for [`closest_with_body`]: about the first 600 words,
/// where an answer sets out what it is about.
const BODY_BYTES: usize = 4096;

/// How closely a word of a question's talking points belongs to it (its own text: 1).
const TALKING_POINT: f64 = 0.5;
/// How closely a name or synonym of a concept its talking points draw on belongs to it.
const CONCEPT: f64 = 0.2;

/// The weight of a heading word no target uses (a name, "Thursday"): it dilutes the match,
/// less than a word that points elsewhere.
const UNKNOWN_WEIGHT: f64 = 0.5;

/// How much a heading word in an adjunct counts, against 1 for its head words.
const ADJUNCT: f64 = 0.5;

/// How much of a heading (or a front matter value) the best target must cover.
const HEADING_THRESHOLD: f64 = 0.35;

/// How much more of a heading the best target must cover than the next.
const MARGIN: f64 = 0.15;

/// In a near tie, how many times more of its own statement the winner's heading must restate.
const RESTATED_RATIO: f64 = 1.5;

/// In a near tie, how much of its own statement the winner's heading must restate at least.
const RESTATED_MIN: f64 = 0.25;

/// Resolves a `question:` or `scenario:` value (number, id or text).
fn resolve_value(
    catalog: &Catalog,
    index: &QuestionIndex,
    category: Option<usize>,
    value: &str,
    scenario: bool,
) -> Result<(usize, Target), String> {
    let value = value.trim();
    let (category, rest) = match value.split_once('/') {
        Some((cat, rest)) => match catalog.categories.iter().position(|c| c.id == cat.trim()) {
            Some(c) => (Some(c), rest.trim()),
            None => return Err(format!("no category `{}`", cat.trim())),
        },
        None => (category, value),
    };
    let lower = rest.to_ascii_lowercase();
    let number = lower
        .strip_prefix("scenario")
        .map(|n| (true, n))
        .or_else(|| lower.strip_prefix("question").map(|n| (false, n)))
        .or_else(|| lower.strip_prefix('q').map(|n| (false, n)))
        .or_else(|| lower.strip_prefix('s').map(|n| (true, n)))
        .map(|(s, n)| (s, n.trim_start_matches(['-', '_', ' '])))
        .or(Some((scenario, lower.as_str())))
        .and_then(|(s, n)| n.parse::<usize>().ok().map(|n| (s, n)));
    let categories: Vec<usize> = match category {
        Some(c) => vec![c],
        None => (0..catalog.categories.len()).collect(),
    };
    if let Some((is_scenario, number)) = number {
        let Some(&c) = categories.first() else {
            return Err("the catalog has no categories".into());
        };
        let cat = &catalog.categories[c];
        let (count, what) = if is_scenario {
            (cat.scenarios.len(), "scenario")
        } else {
            (cat.questions.len(), "question")
        };
        if number == 0 || number > count {
            return Err(format!(
                "{} has no {what} {number} (it has {count})",
                cat.title
            ));
        }
        let target = if is_scenario {
            Target::Scenario(number - 1)
        } else {
            Target::Question(number - 1)
        };
        return Ok((c, target));
    }
    closest(index, &categories, rest, None, HEADING_THRESHOLD)
        .map(|(c, target, _)| (c, target))
        .ok_or_else(|| {
            let what = if scenario { "scenario" } else { "question" };
            format!("`{rest}` matches no {what} closely")
        })
}

/// The start of a heading that names a question or scenario by number ("Q4", "Question 4",
/// "Scenario 2:"), for [`from_file_name`] to read.
fn numbered_heading(title: &str) -> Option<&str> {
    let lower = title.trim_start().to_ascii_lowercase();
    let rest = ["question", "scenario", "q"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let digits = rest.trim_start_matches([' ', '-', '_', '#', '.']);
    digits.starts_with(|c: char| c.is_ascii_digit()).then(|| {
        // The first two words ("question 4", "q4:") are all the number needs.
        let end = title
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .nth(1)
            .map_or(title.len(), |(i, _)| i);
        &title[..end]
    })
}

/// Reads a question or scenario number and a category from a file name or path.
fn from_file_name(
    catalog: &Catalog,
    category: Option<usize>,
    file_name: &str,
) -> Option<(usize, Target)> {
    let lower = file_name.to_ascii_lowercase();
    let stem = lower.strip_suffix(".md").unwrap_or(&lower);
    let words: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let category = category.or_else(|| {
        words
            .iter()
            .find_map(|w| catalog.categories.iter().position(|c| c.id == *w))
    });
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).and_then(|n| n.parse::<usize>().ok());
        let parsed = match *word {
            "question" | "questions" | "q" => next.map(|n| (false, n)),
            "scenario" | "scenarios" => next.map(|n| (true, n)),
            w => w
                .strip_prefix("question")
                .map(|n| (false, n))
                .or_else(|| w.strip_prefix("scenario").map(|n| (true, n)))
                .or_else(|| w.strip_prefix('q').map(|n| (false, n)))
                .and_then(|(s, n)| n.parse::<usize>().ok().map(|n| (s, n))),
        };
        if parsed.is_some() {
            found = parsed;
            break;
        }
    }
    let (is_scenario, number) = found?;
    let c = category.or((catalog.categories.len() == 1).then_some(0))?;
    let cat = catalog.categories.get(c)?;
    let count = if is_scenario {
        cat.scenarios.len()
    } else {
        cat.questions.len()
    };
    if number == 0 || number > count {
        return None;
    }
    Some((
        c,
        if is_scenario {
            Target::Scenario(number - 1)
        } else {
            Target::Question(number - 1)
        },
    ))
}

/// Links a draft. `explicit` is a caller's question or scenario id, number or text.
pub(crate) fn link(
    catalog: &Catalog,
    index: &QuestionIndex,
    draft: &Draft,
    file_name: Option<&str>,
    explicit: Option<&str>,
) -> Linked {
    let mut linked = Linked::default();

    if let Some(value) = explicit {
        let scenario = value.to_ascii_lowercase().contains("scenario");
        let value = value.trim();
        if let Some(c) = catalog.categories.iter().position(|c| c.id == value) {
            // A category alone: its rubric applies; the question may still come from the draft.
            linked.category = Some(c);
            linked.via = Some(LinkVia::Explicit);
        } else if let Ok((c, t)) = resolve_value(catalog, index, None, value, scenario) {
            linked.category = Some(c);
            linked.target = Some(t);
            linked.via = Some(LinkVia::Explicit);
        }
    }

    if let Some(fm) = &draft.front_matter {
        if let Some(entry) = &fm.category {
            let value = entry.value.trim();
            match catalog.categories.iter().position(|c| {
                c.id.eq_ignore_ascii_case(value) || c.title.eq_ignore_ascii_case(value)
            }) {
                Some(c) => {
                    if linked.category.is_none() {
                        linked.category = Some(c);
                        linked.via = Some(LinkVia::FrontMatter);
                        linked.range = Some(entry.range.clone());
                    }
                }
                None => {
                    let known: Vec<&str> =
                        catalog.categories.iter().map(|c| c.id.as_str()).collect();
                    linked.problem = Some((
                        format!(
                            "Front matter names category `{value}`, which does not exist (known: {})",
                            known.join(", ")
                        ),
                        entry.range.clone(),
                    ));
                }
            }
        }
        let keyed = [(&fm.question, false), (&fm.scenario, true)];
        for (entry, scenario) in keyed {
            let Some(entry) = entry else { continue };
            if linked.target.is_some() {
                break;
            }
            match resolve_value(catalog, index, linked.category, &entry.value, scenario) {
                Ok((c, t)) => {
                    linked.category = Some(c);
                    linked.target = Some(t);
                    linked.via = Some(LinkVia::FrontMatter);
                    linked.range = Some(entry.range.clone());
                }
                Err(message) => {
                    let key = if scenario { "scenario" } else { "question" };
                    linked.problem.get_or_insert((
                        format!(
                            "Front matter `{key}: {}` links nothing: {message}",
                            entry.value
                        ),
                        entry.range.clone(),
                    ));
                }
            }
        }
    }

    // A file name that numbers its question ("q10-growth-story.md") was chosen by the user: it
    // outranks a heading's words, which only resemble a target, but not a numbered heading.
    let numbered_file = match linked.target {
        None => file_name.and_then(|name| from_file_name(catalog, linked.category, name)),
        Some(_) => None,
    };
    // The title: the first H1, else the first heading, when it plays no part of the answer.
    let candidates = draft
        .headings
        .iter()
        .position(|h| h.level == 1)
        .into_iter()
        .chain((!draft.headings.is_empty()).then_some(0));
    let mut title = None;
    for h in candidates {
        let heading = &draft.headings[h];
        // `# Situation` is a part; `# How I launched a co-sell motion` is a title.
        let short = heading.title.split_whitespace().count() <= 3;
        let part = short && classify_title(&heading.title) != SectionKind::Other;
        // A part's words are noise to linking, so `# Governance setup` may still link.
        if !part {
            title.get_or_insert(h);
        }
        if linked.target.is_none() {
            let categories: Vec<usize> = match linked.category {
                Some(c) => vec![c],
                None => (0..catalog.categories.len()).collect(),
            };
            // "Q4: co-sell with a hyperscaler" and "Scenario 2" name their target by number.
            let numbered = numbered_heading(&heading.title)
                .and_then(|words| from_file_name(catalog, linked.category, words));
            let resembled = || {
                if numbered_file.is_some() {
                    return None;
                }
                match closest(index, &categories, &heading.title, None, HEADING_THRESHOLD) {
                    Some((c, t, restates)) => {
                        Some(overruled(index, (c, t), restates, draft).unwrap_or((c, t)))
                    }
                    None => (!part)
                        .then(|| closest_with_body(index, &categories, &heading.title, draft))?,
                }
            };
            if let Some((c, t)) = numbered.or_else(resembled) {
                linked.category = Some(c);
                linked.target = Some(t);
                linked.via = Some(LinkVia::Heading);
                linked.range = Some(heading.range.clone());
                title = Some(h);
            }
        }
    }
    // Only an H1 (or a heading that linked) is a title; a lone `## Notes` is a section.
    linked.title =
        title.filter(|&h| draft.headings[h].level == 1 || linked.via == Some(LinkVia::Heading));

    if linked.target.is_none()
        && let Some((c, t)) = numbered_file
    {
        linked.category = Some(c);
        linked.target = Some(t);
        linked.via = Some(LinkVia::FileName);
        linked.range = None;
    }
    if linked.target.is_none() {
        let categories: Vec<usize> = match linked.category {
            Some(c) => vec![c],
            None => (0..catalog.categories.len()).collect(),
        };
        if let Some((c, scored)) = read_prose(index, &categories, &body_prose(draft)) {
            linked.reads_as = reads_as_scenario(&scored).map(|t| (c, t));
            linked.ranked = Some((c, scored.into_iter().map(|(_, t)| t).collect()));
        }
    }
    linked
}

/// The first of `categories` with a prose model, and its targets with the model's probability
/// that `prose` (of at least [`PROSE_WORDS`] words) answers each, surest first.
fn read_prose(
    index: &QuestionIndex,
    categories: &[usize],
    prose: &str,
) -> Option<(usize, Vec<(f32, Target)>)> {
    prose.split_whitespace().nth(PROSE_WORDS - 1)?;
    let (c, mut scored) = categories
        .iter()
        .find_map(|&c| Some((c, model_scores(index, c, prose)?)))?;
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Some((c, scored))
}

/// Each target of category `c` with its prose model's probability that `prose` answers it;
/// `None` when the category has no model.
fn model_scores(index: &QuestionIndex, c: usize, prose: &str) -> Option<Vec<(f32, Target)>> {
    let model: &Model = index.models.get(c).copied().flatten()?;
    Some(
        model
            .classes()
            .iter()
            .zip(model.probabilities(prose))
            .filter_map(|(class, p)| {
                let (_, t) = index.ids[c].iter().find(|(id, _)| id == class)?;
                Some((p, *t))
            })
            .collect(),
    )
}

/// The scenario a draft's prose reads as answering, from its targets `scored` by the prose model
/// ([`read_prose`]), when the scenarios hold at least [`SCENARIO_SHARE`] of the probabilities'
/// sum: the scenario the model is surest of. A draft with no title that lays out a plan for a
/// scenario's situation (`I would start by pulling every bundled deal out of the CRM`) is a
/// scenario answer, though nothing names which; the share of all scenarios tells it from a
/// process answer told in `I would` more surely than the one target the model is surest of.
fn reads_as_scenario(scored: &[(f32, Target)]) -> Option<Target> {
    let total: f32 = scored.iter().map(|&(p, _)| p).sum();
    let scenarios = || {
        scored
            .iter()
            .filter(|(_, t)| matches!(t, Target::Scenario(_)))
    };
    let share: f32 = scenarios().map(|&(p, _)| p).sum();
    // `scored` is sorted, so the first scenario is the surest.
    (total > 0.0 && share >= SCENARIO_SHARE * total)
        .then(|| scenarios().next().map(|&(_, t)| t))
        .flatten()
}

/// How much of the sum of the prose model's probabilities the scenarios must hold for a draft
/// that names no target to read as a scenario answer ([`reads_as_scenario`]).
const SCENARIO_SHARE: f32 = 0.5;

#[cfg(test)]
mod tests {
    use interview_content::Catalog;

    use crate::{Options, Settings};

    /// The target the shipped catalog links `text` to.
    fn target(text: &str) -> Option<String> {
        let report = crate::analyze_with(
            text,
            &Options::default(),
            Catalog::embedded(),
            &Settings::default(),
        );
        report.link.and_then(|l| l.target)
    }

    #[test]
    fn paraphrased_headings_link_by_what_they_cover() {
        for (heading, want) in [
            ("Picking partners", "partnerships/q1"),
            ("Prospecting for reseller partners", "partnerships/q1"),
            ("Is this partnership worth doing?", "partnerships/q2"),
            ("Designing the incentive model", "partnerships/q3"),
            // A partnership that pays off or back makes a return.
            ("Did it pay off?", "partnerships/q6"),
            ("Payback on partner spend", "partnerships/q6"),
            ("Standing up co-sell with a hyperscaler", "partnerships/q4"),
            ("Piloting joint selling with an SI", "partnerships/q4"),
            // What an adjunct adds counts for less than what the heading is about.
            (
                "Launching co-sell with an ISV marketplace partner",
                "partnerships/q4",
            ),
            (
                "Settling conflict between two distributors",
                "partnerships/q5",
            ),
            ("Handling channel conflict", "partnerships/q5"),
            ("When resellers fight over a deal", "partnerships/q5"),
            ("Avoiding logo-only partners", "partnerships/q7"),
            (
                "Governance that doesn't feel like bureaucracy",
                "partnerships/q9",
            ),
            ("My best partnership", "partnerships/q10"),
            ("Scaling the compliance bundle", "partnerships/scenario-1"),
            (
                "Rescuing an orphaned channel deal",
                "partnerships/scenario-2",
            ),
            (
                "Turning around a stalled channel",
                "partnerships/scenario-2",
            ),
            // The failing-channel scenario mentions weak enablement; the heading restates the
            // enablement question.
            ("Partner enablement", "partnerships/q8"),
            ("Enabling reseller sellers", "partnerships/q8"),
        ] {
            let text = format!("## {heading}\n\nBody.\n");
            assert_eq!(target(&text).as_deref(), Some(want), "{heading}");
        }
    }

    #[test]
    fn the_prose_decides_among_the_targets_a_vague_title_touches() {
        let heading = "# Knowing whether a partner really pays off\n\n";
        // Alone, the title covers no target clearly enough.
        assert_eq!(target(&format!("{heading}Body.\n")), None);
        let returns = "We agreed with finance which revenue counted as partner-sourced and which \
            as influenced, added up the full cost of the programme, and compared win rate and \
            cycle time with direct deals before deciding which partners to invest in.\n";
        assert_eq!(
            target(&format!("{heading}{returns}")).as_deref(),
            Some("partnerships/q6")
        );
        let rewards = "We replaced the flat referral fee with a margin that grows with each \
            tier, paid on closed revenue, protected by deal registration, and made our own \
            sellers comp-neutral.\n";
        assert_eq!(
            target(&format!("{heading}{rewards}")).as_deref(),
            Some("partnerships/q3")
        );
        // A title that shares no word with any target links nothing, whatever the prose says.
        assert_eq!(target(&format!("# Notes for Thursday\n\n{returns}")), None);
    }

    #[test]
    fn a_title_in_words_every_target_uses_links_by_the_prose_model() {
        let heading = "# Who we partner with, and why\n\n";
        let prose = "We started from our ideal customer and the gaps in our own product, then \
            ran account mapping with each candidate to count the customers we shared. Only the \
            firms with real overlap, an executive sponsor and engineers they would commit made \
            the shortlist, and we scored the rest on how they would make money when we won.\n";
        assert_eq!(
            target(&format!("{heading}{prose}")).as_deref(),
            Some("partnerships/q1")
        );
        // A title that names nothing still links nothing, whatever the prose says.
        assert_eq!(target(&format!("# Notes for Thursday\n\n{prose}")), None);
    }

    #[test]
    fn the_prose_overrules_a_paraphrase_that_resembles_another_question() {
        let prose = "I compared the partner's sourced and influenced revenue with what the \
            relationship cost us: two people's time, the margin we gave up, the launch funds and \
            the solution engineers who sat in their deals. Against direct deals their win rate \
            was higher but the cycle was longer, so I kept them at the same tier and cut the \
            funds.\n";
        // "Worth" is a word of the viability question; the prose measures a partner's return.
        assert_eq!(
            target(&format!("# Is the partner worth it?\n\n{prose}")).as_deref(),
            Some("partnerships/q6")
        );
        // A heading that restates a question stands, whatever the prose says.
        assert_eq!(
            target(&format!(
                "# What criteria determine partnership viability?\n\n{prose}"
            ))
            .as_deref(),
            Some("partnerships/q2")
        );
    }

    #[test]
    fn an_adjunct_starts_at_a_preposition_after_a_noun() {
        fn at(text: &str) -> Option<&str> {
            super::adjunct_start(text).map(|i| &text[i..])
        }
        assert_eq!(
            at("Standing up co-sell with a cloud partner"),
            Some("with a cloud partner")
        );
        assert_eq!(at("Notes for Thursday"), Some("for Thursday"));
        // A preposition before any noun belongs to the verb.
        assert_eq!(at("Choosing between two offers"), None);
        assert_eq!(at("Picking partners"), None);
    }

    #[test]
    fn a_numbered_file_name_outranks_a_heading_that_only_resembles_a_target() {
        let text = "# A channel partnership I rebuilt\n\nBody.\n";
        let options = Options {
            file_name: Some("q10-growth-story.md"),
            link_override: None,
        };
        let report = crate::analyze_with(text, &options, Catalog::embedded(), &Settings::default());
        let link = report.link.expect("linked");
        assert_eq!(link.target.as_deref(), Some("partnerships/q10"));
        // Without the number the heading's words decide.
        assert_eq!(target(text).as_deref(), Some("partnerships/scenario-2"));
    }

    #[test]
    fn headings_that_name_nothing_link_nothing() {
        for heading in [
            "Notes for Thursday",
            "Draft v2 (tighten before Thursday)",
            "Partnerships",
            "Context",
            "What I learned",
            // "Partner" is in every question: it names none of them, and a placeholder body
            // gives the prose model nothing to read.
            "Who we partner with, and why",
        ] {
            let text = format!("# {heading}\n\nBody.\n");
            assert_eq!(target(&text), None, "{heading}");
        }
    }

    #[test]
    fn a_story_part_heading_still_links_by_its_other_words() {
        let text = "## Partnership governance setup\n\nBody.\n";
        assert_eq!(target(text).as_deref(), Some("partnerships/q9"));
    }

    #[test]
    fn front_matter_text_links_either_kind() {
        for (front, want) in [
            ("question: partnerships/q4", "partnerships/q4"),
            ("scenario: 2", "partnerships/scenario-2"),
            (
                "question: How do you structure partner incentives?",
                "partnerships/q3",
            ),
            (
                "scenario: You inherit a channel partnership that is failing. How would you redesign it?",
                "partnerships/scenario-2",
            ),
            (
                "question: You inherit a channel partnership that is failing. How would you diagnose it?",
                "partnerships/scenario-2",
            ),
        ] {
            let text = format!("---\n{front}\n---\n\nBody.\n");
            assert_eq!(target(&text).as_deref(), Some(want), "{front}");
        }
    }
}
