//! Analysis time against draft size: generated drafts of 300, 3,000, 30,000 and 300,000 words,
//! analysed with the embedded catalog and an [`Engine`] built once (as the language server does).
//!
//! `cargo bench -p interview-rubric --bench analyze`

use divan::{Bencher, black_box};
use interview_content::Catalog;
use interview_rubric::syntax::Tagged;
use interview_rubric::{Engine, Memo, Options, Settings};

fn main() {
    // The tagger's models load on first use, once per process: time that once, before the
    // benches below tag with them loaded.
    let before = resident_kib();
    let start = std::time::Instant::now();
    black_box(Tagged::new(SENTENCES[0]));
    let took = start.elapsed();
    eprintln!(
        "first tag (tagger and chunker models loaded): {took:?}, resident memory +{} KiB",
        resident_kib().saturating_sub(before)
    );
    divan::main();
}

/// The process's resident memory (`VmRSS`), in KiB; 0 where `/proc` has none.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

/// Sentences of a realistic answer: context, activity, metrics, dates, hedges, teams.
const SENTENCES: &[&str] = &[
    "At my last company, a Series B startup, our reseller channel was flat and customers struggled to pass audits.",
    "I think the previous team had run 40 meetings with partners without a clear plan.",
    "I rebuilt the partner enablement program with product marketing and customer success.",
    "In Q3 2023 we launched a co-sell motion with two technology partners and mapped shared accounts.",
    "As a result, partner-sourced pipeline grew 35% and win rate on joint deals rose from 18% to 27%.",
    "We cut the sales cycle in half for regulated accounts, and `code spans` stay out of the prose.",
    "I learned that incentive alignment matters more than the number of partners you sign.",
];

/// A Markdown draft of about `words` words in sections with front matter.
fn draft(words: usize) -> String {
    let mut text = String::from(
        "---\ncategory: partnerships\nquestion: 10\n---\n\n# Share a partnership that drove measurable growth\n\n",
    );
    let headings = ["## Situation", "## Action", "## Result", "## Lessons"];
    let mut count = 0;
    let mut i = 0;
    while count < words {
        if i % 12 == 0 {
            text.push_str(headings[(i / 12) % headings.len()]);
            text.push_str("\n\n");
        }
        let sentence = SENTENCES[i % SENTENCES.len()];
        text.push_str(sentence);
        text.push_str(if i % 3 == 2 { "\n\n" } else { " " });
        count += sentence.split_whitespace().count();
        i += 1;
    }
    text
}

#[divan::bench(args = [300, 3_000, 30_000, 300_000])]
fn analyze(bencher: Bencher, words: usize) {
    let engine = Engine::new(Catalog::embedded());
    let settings = Settings::default();
    let text = draft(words);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| engine.analyze(black_box(&text), &Options::default(), &settings));
}

/// A keystroke in an editor: one character typed into the middle of the draft and analysed with
/// the document's [`Memo`], as the language server does. Each iteration types or deletes the
/// character, so every analysis sees a text that differs from the last in one sentence.
#[divan::bench(args = [300, 3_000, 30_000, 300_000])]
fn keystroke(bencher: Bencher, words: usize) {
    type_into(bencher, &draft(words));
}

/// Types and deletes one character at the start of a sentence near the middle of `text`,
/// analysing each text with one [`Memo`], as the language server does on each keystroke.
fn type_into(bencher: Bencher, text: &str) {
    let engine = Engine::new(Catalog::embedded());
    let settings = Settings::default();
    let at = text[..text.len() / 2].rfind(". ").map_or(0, |i| i + 2);
    let typed = format!("{}x{}", &text[..at], &text[at..]);
    let mut memo = Memo::new();
    engine.analyze_memo(text, &Options::default(), &settings, &mut memo);
    let mut flip = false;
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench_local(|| {
            flip = !flip;
            let next = if flip { typed.as_str() } else { text };
            engine.analyze_memo(black_box(next), &Options::default(), &settings, &mut memo)
        });
}

/// A keystroke in a draft with no front matter and no title: linking reads the draft's prose with
/// the link model on every analysis, to tell whether it answers a scenario.
#[divan::bench(args = [3_000, 300_000])]
fn keystroke_untitled(bencher: Bencher, words: usize) {
    let titled = draft(words);
    type_into(bencher, &titled[titled.find("## ").unwrap_or(0)..]);
}

/// The first call of [`interview_rubric::analyze`] with a catalog compiles it; later calls hit
/// the cache. This measures the cached path for a 300-word draft.
#[divan::bench]
fn analyze_cached_300(bencher: Bencher) {
    let settings = Settings::default();
    let text = draft(300);
    let catalog = Catalog::embedded();
    bencher.bench(|| interview_rubric::analyze(black_box(&text), catalog, &settings));
}

/// Tagging, chunking and reading the clauses of every sentence of a draft: what a first analysis
/// adds when rules ask for the structure of every sentence (a keystroke re-tags one sentence).
#[divan::bench(args = [300, 3_000, 300_000], sample_count = 20)]
fn tag_sentences(bencher: Bencher, words: usize) {
    let text = draft(words);
    let sentences: Vec<&str> = text
        .split_inclusive(". ")
        .flat_map(|s| s.split_inclusive("\n"))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    bencher
        .counter(divan::counter::ItemsCount::new(sentences.len()))
        .bench(|| {
            sentences
                .iter()
                .map(|s| Tagged::new(black_box(s)).words.len())
                .sum::<usize>()
        });
}

/// Compiling the embedded catalog into an engine (once per process or content change).
#[divan::bench]
fn engine_new() -> Engine {
    Engine::new(black_box(Catalog::embedded()))
}

const NO_BUYER: [&str; 8] = [
    "At my last company our reseller channel was flat and the problem was our intake process.",
    "Our VP wanted a plan by Friday, so I mapped the customer overlap with each partner.",
    "The resellers needed higher margins, and they could not staff a second region.",
    "I booked a joint customer call and exported our customer list for account mapping.",
    "We sold the bundle to regional banks, and the partner's reps were required to certify.",
    "Half of the partners were tourists who wanted our logo on their website.",
    "Tiers are tied to sourced revenue, and partner-sourced pipeline grew 35% in a year.",
    "Our sales team didn't have the time to review every registration.",
];

/// A keystroke in a draft with no buyer's need, so `buyer-empathy` reads every sentence.
#[divan::bench(args = [3_000, 30_000])]
fn keystroke_no_buyer(bencher: Bencher, words: usize) {
    let mut text = String::from(
        "---\ncategory: partnerships\nquestion: 10\n---\n\n# Share a partnership that drove measurable growth\n\n",
    );
    let (mut count, mut i) = (0, 0);
    while count < words {
        let s = NO_BUYER[i % NO_BUYER.len()];
        text.push_str(s);
        text.push_str(if i % 3 == 2 { "\n\n" } else { " " });
        count += s.split_whitespace().count();
        i += 1;
    }
    type_into(bencher, &text);
}
