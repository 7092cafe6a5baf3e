//! Deterministic answer drafts of a given length, for benchmarks and profiling.
//!
//! A draft looks like what a person writes for the coach: front matter linking it to a question,
//! Context / Action / Outcome / Learning sections, prose with numbers, bullets, and the non-ASCII
//! text real drafts carry (accents, em dashes, curly quotes, emoji outside the BMP, CJK). Large
//! drafts repeat the four sections; every draft of a size and seed is the same text.

/// A small, seeded pseudo-random generator (SplitMix64): enough for varied text, and stable across
/// platforms and releases, unlike a crate's default generator.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator that starts from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Counts words the way the generator budgets them: whitespace-separated tokens with at least one
/// letter or digit (so `-`, `##` and a lone `—` are not words).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

const SECTIONS: [&str; 4] = ["Context", "Action", "Outcome", "Learning"];

const OPENERS: [&str; 12] = [
    "In Q3 I owned the reseller programme with Müller & Söhne in Zürich",
    "I led the co-sell motion with our biggest cloud marketplace partner",
    "Our channel team in São Paulo had stalled — pipeline was flat",
    "I was asked to rebuild the alliance with 合作伙伴 in Shenzhen",
    "The partner's “preferred vendor” status was up for renewal",
    "I aligned marketing, product and customer success before the launch 🚀",
    "We had 14 integration partners but only three sourced any revenue",
    "I ran the joint business plan review with the partner's VP of sales",
    "Customers in Tōkyō asked for a localised onboarding flow",
    "I negotiated a revised revenue share with the distributor in Malmö",
    "The naïve plan was to recruit more partners; I chose to enable fewer",
    "I mapped the buyer's journey with the partner's solution architects",
];

const MIDDLES: [&str; 12] = [
    "and agreed three shared goals with clear owners",
    "so we set up a weekly pipeline review — no slides, just deals",
    "and I asked clarifying questions about their sales capacity first",
    "while keeping the end customer's renewal risk in view",
    "and built a co-marketing calendar with the partner's field team",
    "which meant rewriting the enablement deck for their résumé-heavy reps",
    "and tied every activity to a revenue outcome, not a meeting count",
    "so the product team could prioritise the two integrations buyers used",
    "and I escalated early when the contract terms blocked co-selling",
    "after a candid post-mortem with the partner's café-table leadership offsite",
    "and introduced a 渠道销售 scorecard the regional managers could read",
    "because the buyer needed one accountable contact across both companies",
];

const TAILS: [&str; 14] = [
    "Partner-sourced pipeline grew 42% in two quarters",
    "We closed €1.2M in new ARR within six months 📈",
    "Win rate on co-sold deals rose from 18% to 31%",
    "Time to first deal for new partners fell from 120 to 45 days",
    "Churn among joint customers dropped by 3 points",
    "The programme doubled its attach rate — from 9% to 19%",
    "Deal cycles shortened by 20 days on average",
    "We retired 6 inactive partners and grew revenue anyway 🤝",
    "Net revenue retention reached 118% for partner-led accounts",
    "The marketplace listing produced $850K in its first year",
    "Enablement completion went from 35% to 80% of partner reps",
    "Two of the partners became top-five sources of pipeline",
    "Customer satisfaction for joint deployments rose to 4.6/5",
    "We cut partner onboarding cost per rep by half",
];

const LEARNINGS: [&str; 8] = [
    "I learned to agree on the metric before agreeing on the activities",
    "Next time I would involve customer success from day one",
    "Fewer, better-enabled partners beat a long list of logos",
    "I now ask what the partner's sellers are paid on before planning",
    "Shared dashboards ended the debate about whose pipeline it was",
    "Clarity about ownership mattered more than the revenue split",
    "I would test the joint offer with five customers before scaling it",
    "Being honest about what failed earned the partner's trust",
];

/// Emits text while keeping count of the words written against a budget.
struct Writer {
    out: String,
    words: usize,
    budget: usize,
}

impl Writer {
    fn left(&self) -> usize {
        self.budget - self.words
    }

    /// Writes `text` (words counted), cut to the words left in the budget.
    fn words_of(&mut self, text: &str) -> bool {
        let mut first = true;
        for token in text.split(' ') {
            let is_word = token.chars().any(char::is_alphanumeric);
            if is_word && self.left() == 0 {
                return false;
            }
            if !first {
                self.out.push(' ');
            }
            self.out.push_str(token);
            first = false;
            if is_word {
                self.words += 1;
            }
        }
        true
    }

    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

/// A draft of exactly `words` words (by [`count_words`]), the same for the same `seed`.
pub fn generate(words: usize, seed: u64) -> String {
    let mut rng = SplitMix64::new(seed);
    let mut w = Writer {
        out: String::with_capacity(words * 8),
        words: 0,
        budget: words,
    };
    w.raw("---\n");
    if !w.words_of("category: partnerships") {
        return w.out;
    }
    w.raw("\n");
    if !w.words_of("question: 4") {
        return w.out;
    }
    w.raw("\n---\n\n# ");
    if !w.words_of("Tell me about a partnership that did not go to plan") {
        return w.out;
    }
    w.raw("\n");
    let mut section = 0;
    while w.left() > 0 {
        let name = SECTIONS[section % SECTIONS.len()];
        w.raw("\n## ");
        w.words_of(name);
        w.raw("\n\n");
        let paragraphs = 1 + rng.below(2);
        for p in 0..paragraphs {
            if p > 0 {
                w.raw("\n\n");
            }
            paragraph(&mut w, &mut rng, name);
        }
        if rng.below(3) > 0 {
            w.raw("\n\n");
            bullets(&mut w, &mut rng, name);
        }
        w.raw("\n");
        section += 1;
    }
    w.out
}

/// A paragraph of 2–5 sentences, wrapped at about 90 columns.
fn paragraph(w: &mut Writer, rng: &mut SplitMix64, section: &str) {
    let sentences = 2 + rng.below(4);
    let mut column = 0;
    for s in 0..sentences {
        let sentence = sentence(rng, section);
        for (i, word) in sentence.split(' ').enumerate() {
            let is_word = word.chars().any(char::is_alphanumeric);
            if is_word && w.left() == 0 {
                if s > 0 || i > 0 {
                    w.raw(".");
                }
                return;
            }
            if s > 0 || i > 0 {
                if column > 90 {
                    w.raw("\n");
                    column = 0;
                } else {
                    w.raw(" ");
                    column += 1;
                }
            }
            w.words_of(word);
            column += word.chars().count();
        }
    }
}

fn sentence(rng: &mut SplitMix64, section: &str) -> String {
    match section {
        "Learning" => format!("{}.", rng.pick(&LEARNINGS)),
        "Outcome" => format!("{}, {}.", rng.pick(&TAILS), rng.pick(&MIDDLES)),
        _ => format!("{}, {}.", rng.pick(&OPENERS), rng.pick(&MIDDLES)),
    }
}

/// Two to four bullets.
fn bullets(w: &mut Writer, rng: &mut SplitMix64, section: &str) {
    let count = 2 + rng.below(3);
    for i in 0..count {
        if w.left() == 0 {
            return;
        }
        if i > 0 {
            w.raw("\n");
        }
        w.raw("- ");
        let item = match section {
            "Outcome" => rng.pick(&TAILS),
            "Learning" => rng.pick(&LEARNINGS),
            _ => rng.pick(&MIDDLES),
        };
        let mut chars = item.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        w.words_of(&capitalised);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_seeded_and_deterministic() {
        let a = SplitMix64::new(7).next_u64();
        assert_eq!(a, SplitMix64::new(7).next_u64());
        assert_ne!(a, SplitMix64::new(8).next_u64());
        assert_eq!(generate(3_000, 1), generate(3_000, 1));
        assert_ne!(generate(3_000, 1), generate(3_000, 2));
    }

    #[test]
    fn drafts_have_exactly_the_requested_words() {
        for words in [0, 1, 5, 17, 300, 3_000, 30_000] {
            let draft = generate(words, 42);
            assert_eq!(count_words(&draft), words, "{words} words");
        }
    }

    #[test]
    fn drafts_look_like_linked_answers() {
        let draft = generate(3_000, 42);
        assert!(draft.starts_with("---\ncategory: partnerships\nquestion: 4\n---\n\n# "));
        for heading in [
            "## Context\n",
            "## Action\n",
            "## Outcome\n",
            "## Learning\n",
        ] {
            assert!(draft.contains(heading), "{heading}");
        }
        assert!(draft.lines().any(|l| l.starts_with("- ")));
        assert!(draft.chars().any(|c| c.is_ascii_digit()));
        assert!(draft.lines().all(|l| l.chars().count() < 200));
    }

    #[test]
    fn drafts_carry_non_ascii_text() {
        let draft = generate(3_000, 42);
        assert!(draft.contains('—'), "em dash");
        assert!(draft.chars().any(|c| "üöéïō".contains(c)), "accents");
        assert!(
            draft.chars().any(|c| c.len_utf16() == 2),
            "emoji outside the BMP"
        );
        assert!(
            draft
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "CJK"
        );
    }

    #[test]
    fn word_count_ignores_punctuation_tokens() {
        assert_eq!(count_words("## Context\n- one — two 🚀 3%"), 4);
        assert_eq!(count_words(""), 0);
    }
}
