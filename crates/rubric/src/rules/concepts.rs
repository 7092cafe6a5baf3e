//! `concepts`: the linked question's talking points that the draft does not touch.
//!
//! Why interviewers care: each question has things a strong answer covers (for "How do you
//! structure partner incentives?", incentive alignment and joint success metrics); leaving them
//! out leaves points on the table.
//!
//! Fires on: a draft linked to a question whose companion lists talking points with concepts,
//! when some of those concepts appear nowhere in the prose: not by name or synonym, not by an
//! item their definition lists ("margins, referral fees, revenue share" for incentive
//! alignment), not by a noun their name coordinates ("models"), and not by any word the
//! category has for a metric their definition lists ("close rate" for "win rate"). A word that is
//! another concept's name or synonym touches that concept only ("co-sell", listed among the partner
//! types' models, is co-sell's own name). Every such
//! word is compiled into the lexicon, so a keystroke costs nothing more. One finding listing them, on the heading that linked the draft, else the title (or line 1); it cites the
//! question rather than a rubric line.
//!
//! Does not fire on: unlinked drafts, scenarios, questions without talking points (the rule does
//! not apply and does not score), or a draft that touches every expected concept.
//!
//! Example: `question: 3` / "We paid partners on sourced revenue." fires: "Question 3 expects
//! talking points this draft does not touch yet: Incentive alignment, Joint success metrics."

use std::collections::BTreeSet;

use crate::context::{Ctx, Input};
use crate::rules::{Meta, Scope};
use crate::{Citation, Finding, Rule, Severity};

/// The rule's metadata.
pub(crate) const META: Meta = Meta {
    id: "concepts",
    default_severity: Severity::Hint,
    summary: "Expected talking points of the question that the draft does not touch.",
    scored: true,
    scope: Scope::Draft,
    advice: "Touch on the talking points listed, or say briefly why they do not apply.",
    citation_keywords: &[],
    needs_prose: true,
};

/// `concepts`: the linked question's talking points whose concepts the draft never touches.
pub(crate) fn check(ctx: &Ctx<'_>, _: &Input<'_>, out: &mut Vec<Finding>) -> bool {
    let (Some(category), Some(question)) = (ctx.category, ctx.question()) else {
        return false;
    };
    let expected: BTreeSet<usize> = question
        .talking_points
        .iter()
        .flat_map(|p| &p.concepts)
        .filter_map(|id| category.concepts.iter().position(|c| &c.id == id))
        .collect();
    if expected.is_empty() {
        return false;
    }
    let touched: BTreeSet<usize> = ctx.hits.concepts.iter().map(|(i, _)| *i as usize).collect();
    let missing: Vec<&str> = expected
        .iter()
        .filter(|i| !touched.contains(i))
        .filter_map(|&i| category.concepts.get(i).map(|c| c.name.as_str()))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let range = ctx
        .linked
        .range
        .clone()
        .filter(|_| ctx.linked.via == Some(crate::LinkVia::Heading))
        .unwrap_or_else(|| ctx.anchor());
    let message = format!(
        "Question {} expects talking points this draft does not touch yet: {}.",
        question.number,
        missing.join(", ")
    );
    let mut finding = ctx.finding(Rule::Concepts, range, message);
    finding.cites = Some(Citation {
        category: category.id.clone(),
        id: question.id.clone(),
        file: category.file.clone(),
        line: question.line,
        text: question.text.clone(),
    });
    out.push(finding);
    true
}

/// Words that join or introduce the items of a definition's list, not part of any item.
const JOINERS: &[&str] = &[
    "and", "or", "such", "as", "so", "that", "which", "who", "for", "on", "of", "in",
    "after", "to", "from", "with", "instead", "only", "each", "both", "whether", "when", "it", "will",
    "can", "does", "not", "do", "is", "are", "be", "what", "how", "all", "same",
];

/// Words that open an item without naming anything ("a kickoff", "your own team").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "your", "their", "its", "our", "own", "few", "newly", "follow", "up",
];

/// Nouns too vague to stand for a concept alone ("the same way", "each side").
const VAGUE: &[&str] = &[
    "way", "kind", "kinds", "side", "thing", "number", "numbers", "role", "roles", "company",
    "companies", "team", "money", "people", "customers", "deal size", "technology", "plan", "deal", "deals",
    "owner", "owners", "rate", "rates", "partner", "partners", "partnership", "customer", "customers",
];

/// The items of the lists in `text`: what follows a colon or "such as", and what is in
/// parentheses, split at commas, "and" and "or", each item cut where a preposition or relative
/// word attaches something to it ("win rate on joint deals", "a kickoff with named owners") and
/// stripped of its determiners. A list after "not" ("not activity such as trainings") lists what
/// does not count.
fn list_items(text: &str) -> Vec<Vec<String>> {
    let lower = text.to_lowercase();
    let mut lists: Vec<&str> = Vec::new();
    for sentence in lower.split(". ") {
        if let Some((_, rest)) = sentence.split_once(':') {
            lists.push(rest);
        }
        if let Some((before, rest)) = sentence.split_once("such as")
            && !before.contains(" not ")
        {
            lists.push(rest);
        }
        let mut rest = sentence;
        while let Some((_, inner)) = rest.split_once('(') {
            let (inside, after) = inner.split_once(')').unwrap_or((inner, ""));
            lists.push(inside);
            rest = after;
        }
    }
    let mut items = Vec::new();
    for list in lists {
        // "so each side can see" and "not ..." end the list.
        let list = list.split(" so ").next().unwrap_or("");
        let list = list.split(" not ").next().unwrap_or("");
        for item in list.split([',', ';', '.', ')']) {
            // "a kickoff with named owners" lists a kickoff: "with" attaches to the item what it
            // has, as "on" does ("win rate on joint deals").
            for item in item.split(" and ").flat_map(|i| i.split(" or ")) {
                let mut words: Vec<String> = Vec::new();
                for word in item.split_whitespace() {
                    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                    if JOINERS.contains(&word) {
                        break;
                    }
                    if !(word.is_empty() || words.is_empty() && DETERMINERS.contains(&word)) {
                        words.push(word.to_string());
                    }
                }
                if !words.is_empty() && words.len() <= 3 {
                    items.push(words);
                }
            }
        }
    }
    items
}

/// The words besides its name and synonyms that touch `concept`: what its definition lists
/// ([`definition_terms`]); every word the category has for a metric it lists ("close rate" for
/// "win rate": the draft measures what the concept asks to measure); and when its name
/// coordinates nouns ("Partner types and models"), each of them alone ("types", "models").
pub(crate) fn concept_terms(
    concept: &interview_content::Concept,
    all: &[&str],
    metrics: &[interview_content::Metric],
) -> Vec<String> {
    let mut terms = definition_terms(&concept.definition, all);
    // Which metrics it lists: by item or by an item's head, whatever other definitions use.
    let listed = definition_terms(&concept.definition, &[]);
    for metric in metrics {
        if listed.iter().any(|t| t.eq_ignore_ascii_case(&metric.name)) {
            for word in std::iter::once(&metric.name).chain(&metric.synonyms) {
                if !terms.contains(word) {
                    terms.push(word.clone());
                }
            }
        }
    }
    let name = concept.name.to_lowercase();
    if name.contains(" and ") {
        for item in name.split(" and ") {
            if let Some(head) = item.split_whitespace().last()
                && !VAGUE.contains(&head)
                && !terms.iter().any(|t| t == head)
            {
                terms.push(head.to_string());
            }
        }
    }
    terms
}

/// The things a concept's definition lists, as phrases that count as touching it: the items
/// after its colon, in its parentheses and after "such as" ("margins, referral fees, revenue
/// share, funds and deal protection" for incentive alignment), each item's last noun alone too
/// when no other definition of the category (`all`) uses it, it is not vague, and its stem does
/// not cut a suffix off a short word ("activation" -> "activ" would match "activity").
pub(crate) fn definition_terms(definition: &str, all: &[&str]) -> Vec<String> {
    let lower = definition.to_lowercase();
    let others: Vec<Vec<String>> = all
        .iter()
        .filter(|d| d.to_lowercase() != lower)
        .map(|d| crate::tokens::stems(d))
        .collect();
    let mut terms: Vec<String> = Vec::new();
    let mut push = |term: String| {
        if !VAGUE.contains(&term.as_str()) && !terms.contains(&term) {
            terms.push(term);
        }
    };
    for words in list_items(definition) {
        push(words.join(" "));
        let head = words[words.len() - 1].as_str();
        let stem = crate::tokens::stems(head).concat();
        let singular = head.strip_suffix('s').unwrap_or(head);
        if words.len() > 1
            && (singular.len() <= stem.len() + 1 || stem.len() > 5)
            && !others.iter().any(|o| o.contains(&stem))
        {
            push(head.to_string());
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::rules::testing::findings;

    #[test]
    fn definition_lists_count_as_touching() {
        let all = [
            "Designing the economics: margins, referral fees, revenue share, funds and deal protection for the partner.",
            "The few numbers both agree to track, such as sourced pipeline, win rate on joint deals and retention of shared customers, so each side can see.",
        ];
        let terms = super::definition_terms(all[0], &all);
        assert_eq!(
            terms,
            ["margins", "referral fees", "fees", "revenue share", "funds", "deal protection", "protection"]
        );
        // What hangs off an item ("on joint deals") is not an item; a vague head ("rate") does
        // not stand alone.
        let terms = super::definition_terms(all[1], &all);
        assert_eq!(terms, ["sourced pipeline", "pipeline", "win rate", "retention"]);
        // What an item has ("with named owners") is attached to it, not listed beside it.
        let terms = super::definition_terms("Starting: a kickoff with named owners, training.", &[]);
        assert_eq!(terms, ["kickoff", "training"]);
        // Nor does a short stem that cut a suffix ("activation" -> "activ", as in "activity").
        let terms = super::definition_terms("Tracked: partner activation.", &[]);
        assert_eq!(terms, ["partner activation"]);
    }

    #[test]
    fn a_name_that_coordinates_nouns_lists_them() {
        let concept = interview_content::Concept {
            id: "partnerships/partner-types-and-models".into(),
            name: "Partner types and models".into(),
            line: 1,
            definition: String::new(),
            synonyms: Vec::new(),
        };
        assert_eq!(super::concept_terms(&concept, &[], &[]), ["types", "models"]);
        let single = interview_content::Concept {
            name: "Incentive alignment".into(),
            ..concept
        };
        assert!(super::concept_terms(&single, &[], &[]).is_empty());
    }

    /// The `concepts` finding's message on `text` over the embedded catalog ("" when none).
    fn concepts_message(text: &str) -> String {
        let report = crate::analyze_with(
            text,
            &crate::Options::default(),
            interview_content::Catalog::embedded(),
            &crate::Settings::default(),
        );
        let found = report.findings.iter().find(|f| f.rule == Rule::Concepts);
        found.map_or_else(String::new, |f| f.message.clone())
    }

    #[test]
    fn other_words_for_a_concept_touch_it() {
        // Question 3 expects incentive alignment, joint success metrics, partner onboarding...
        let text = "---\nquestion: 3\n---\n\nResellers kept a 20% margin and we tracked win rate on joint deals.\n";
        let message = concepts_message(text);
        assert!(!message.contains("Incentive alignment"), "{message}");
        assert!(!message.contains("Joint success metrics"), "{message}");
        assert!(message.contains("Partner onboarding"), "{message}");
    }

    #[test]
    fn the_categorys_words_for_a_concept_in_other_trades_touch_it() {
        for (question, text, concept) in [
            // Dealers, brokers, installers and managed service providers are the resellers and
            // distributors of other trades.
            (10, "I ran our dealers for three years.", "Partner types and models"),
            (10, "I ran the broker channel for three years.", "Partner types and models"),
            (10, "I ran the installer network for three years.", "Partner types and models"),
            (10, "I ran two MSSPs for three years.", "Partner types and models"),
            (10, "I ran exclusive distribution for three years.", "Partner types and models"),
            // The models of other trades.
            (10, "I ran our store concessions for three years.", "Partner types and models"),
            (10, "We out-licensed the cream in five countries.", "Partner types and models"),
            // A new partner's time to a first deal.
            (6, "For new partners I watched time to first registered deal.", "Partner onboarding"),
            // Numbers both sides look at together.
            (6, "We kept one shared dashboard with each partner.", "Joint success metrics"),
            (6, "Bookings were reviewed together every month.", "Joint success metrics"),
            // Selling on the same account together.
            (8, "We made 40 joint calls with importers.", "Co-sell motions"),
            (8, "Their engineers came on ride-alongs to real appointments.", "Co-sell motions"),
        ] {
            let message = concepts_message(&format!("---\nquestion: {question}\n---\n\n{text}\n"));
            // Other talking points are still untouched, so the finding is there to read.
            assert!(message.contains("does not touch yet"), "{text}: {message}");
            assert!(!message.contains(concept), "{text}: {message}");
        }
    }

    #[test]
    fn a_word_that_names_one_concept_touches_only_that_one() {
        // Partner types' definition lists "co-sell" as a model, but it is co-sell's own name.
        let text = "---\nquestion: 10\n---\n\nWe co-sell with one partner.\n";
        let message = concepts_message(text);
        assert!(message.contains("Partner types and models"), "{message}");
        assert!(!message.contains("Co-sell motions"), "{message}");
    }

    #[test]
    fn concepts_lists_untouched_talking_points() {
        let text = "---\nquestion: 3\n---\n\nWe paid partners on sourced revenue.\n";
        let found = findings(text, Rule::Concepts);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "Question 3 expects talking points this draft does not touch yet: Incentive alignment, Joint success metrics."
        );
        assert_eq!(found[0].cites.as_ref().unwrap().id, "partnerships/q3");
        let covered =
            "---\nquestion: 3\n---\n\nI aligned incentives and agreed joint success metrics.\n";
        assert!(findings(covered, Rule::Concepts).is_empty());
    }
}
