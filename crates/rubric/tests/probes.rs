//! Probe passages: for one rule each, short passages of two classes written from the label
//! definitions alone, by writers who never saw the rules, their word lists or the engine's output
//! (`tests/fixtures/probes/README.md`). Each passage is set in a neutral draft; one class expects
//! the rule's finding ([`fires`]), the other expects none.
//!
//! The probes are tuning material, like the blind corpus's `tune/` split: they test how many ways
//! of saying a thing a rule reads, one construction at a time. `floors.toml` holds the share of
//! each class a rule must keep reading right.
//!
//! `cargo test --release -p interview-rubric --test probes -- --nocapture` prints each rule's
//! figures and every passage it reads wrong. With `PROBE_HOLDOUT=1` a third of each file's
//! passages (fixed by a hash of the text) is a holdout: its figures are printed on their own
//! line and its wrong readings are not, so a change made by reading the other passages can be
//! checked on passages it was not made from.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use interview_content::Catalog;
use interview_rubric::{Finding, Rule, Settings, analyze_file};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Probes {
    probe: Vec<Probe>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Probe {
    class: String,
    text: String,
    #[allow(dead_code)]
    why: String,
    /// In a whole draft for a rule that marks phrases: each phrase the writer marks.
    #[allow(dead_code)]
    #[serde(default)]
    marks: Vec<String>,
    /// In a whole draft for `structure`: the parts of the story it lacks.
    #[serde(default)]
    missing: BTreeSet<String>,
}

/// Per rule, per class: the least share of passages read right.
type Floors = BTreeMap<String, BTreeMap<String, f64>>;

/// The class whose passages should get the rule's finding: the class that shows the fault for
/// rules that flag a phrase, `none` (the draft lacks what the rule asks for) for the others.
fn fires(rule: Rule) -> &'static str {
    match rule {
        Rule::Criticism => "criticises",
        Rule::ActivityVolume => "activity",
        _ => "none",
    }
}

/// A neutral sentence that states no role, no number, no team and no question.
const FILLER: &str =
    "We mapped shared accounts with the partner and reviewed the joint pipeline every week.";

/// `tests/fixtures/probes`, or `PROBE_DIR` (a set of probe files with its own `floors.toml`, read
/// the same way: a new batch measured before it joins the committed ones).
fn dir() -> PathBuf {
    std::env::var_os("PROBE_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/probes"),
        PathBuf::from,
    )
}

/// The held-back batch: passages no tuner reads, scored for their figures only.
fn held_back() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/probes/held-back")
}

/// The draft a passage is read in: a whole scenario draft as written, else the passage between
/// a heading and the filler, linked to question 4 by its front matter.
fn draft(rule: Rule, text: &str, whole: bool) -> String {
    if whole || rule == Rule::ClarifyingQuestions {
        text.to_string()
    } else {
        format!("---\nquestion: 4\n---\n# My answer\n\n{text}\n\n{FILLER}\n")
    }
}

/// The parts the `structure` findings say are missing (`No outcome part: ...`).
fn missing_parts(findings: &[Finding]) -> BTreeSet<String> {
    findings
        .iter()
        .filter(|f| f.rule == Rule::Structure)
        .filter_map(|f| {
            let lower = f.message.to_lowercase();
            ["context", "action", "outcome", "learning"]
                .into_iter()
                .find(|part| lower.starts_with(&format!("no {part} part")))
                .map(str::to_owned)
        })
        .collect()
}

/// Whether a passage is in the holdout third (`PROBE_HOLDOUT=1`).
fn in_holdout(text: &str) -> bool {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(text.as_bytes());
    u32::from_be_bytes([hash[0], hash[1], hash[2], hash[3]]) % 3 == 0
}

/// Per class: passages and passages read right, in all and in the holdout third.
#[derive(Default)]
struct Tally<'a> {
    classes: BTreeMap<&'a str, [usize; 4]>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, class: &'a str, right: bool, hidden: bool) {
        let t = self.classes.entry(class).or_default();
        t[0] += 1;
        t[1] += usize::from(right);
        t[2] += usize::from(hidden);
        t[3] += usize::from(hidden && right);
    }

    /// Prints each class's share read right (with the fit and holdout parts under
    /// `PROBE_HOLDOUT=1`) and adds to `below` the classes under their floor.
    fn report(&self, id: &str, floors: &BTreeMap<String, f64>, below: &mut Vec<String>) {
        for (class, [n, right, hn, hr]) in &self.classes {
            let share = *right as f64 / *n as f64;
            println!("{id:<22} {class:<10} {right:>3}/{n:<3} {share:.2}");
            if *hn > 0 {
                println!(
                    "{:<22} {:<10} fit {:>3}/{:<3} holdout {hr:>3}/{hn}",
                    "",
                    "",
                    right - hr,
                    n - hn
                );
            }
            let floor = floors
                .get(*class)
                .copied()
                .unwrap_or_else(|| panic!("{id}: no floor for class {class}"));
            if share < floor {
                below.push(format!("{id} {class} {share:.3} < {floor}"));
            }
        }
    }
}

#[test]
fn probes_hold_their_floors() {
    // A batch read through `PROBE_DIR` is being measured, not tuned on: figures only.
    let list_wrong = std::env::var_os("PROBE_DIR").is_none();
    passages_hold_their_floors(&dir(), list_wrong, false);
}

/// The held-back batch holds its floors; it prints its figures and never a passage, so a run of
/// the tests shows no one what it holds.
#[test]
fn held_back_probes_hold_their_floors() {
    passages_hold_their_floors(&held_back(), false, false);
}

/// The fourth held-back batch, written when the third had checked two rounds of choices, holds
/// its floors; it too prints figures only.
#[test]
fn fourth_held_back_batch_holds_its_floors() {
    passages_hold_their_floors(&held_back().join("fourth"), false, false);
}

/// The fifth held-back batch, whole scenario drafts written in the eighteenth round to check a
/// reading of clarifying-questions before keeping it, holds its floors; figures only.
#[test]
fn fifth_held_back_batch_holds_its_floors() {
    passages_hold_their_floors(&held_back().join("fifth"), false, false);
}

/// The sixth held-back batch, whole untitled drafts written in the nineteenth round to check that
/// an untitled scenario answer is read as one and an untitled question answer is not, holds its
/// floors; figures only.
#[test]
fn sixth_held_back_batch_holds_its_floors() {
    passages_hold_their_floors(&held_back().join("sixth"), false, false);
}

/// The seventh held-back batch, whole answers to the ten questions written in the twenty-sixth
/// round to check criticism's readings of that round on drafts no tuner read, holds its floors;
/// figures only.
#[test]
fn seventh_held_back_batch_holds_its_floors() {
    passages_hold_their_floors(&held_back().join("seventh"), false, true);
}

/// The eighth held-back batch, whole answers to the ten questions written in the twenty-sixth
/// round for buyer-empathy, holds its floors; figures only.
#[test]
fn eighth_held_back_batch_holds_its_floors() {
    passages_hold_their_floors(&held_back().join("eighth"), false, true);
}

/// The scenario drafts of the twenty-first round, tuning material for clarifying-questions, hold
/// their floors; like the first probes, it lists the drafts read wrong (outside the holdout third
/// with `PROBE_HOLDOUT`).
#[test]
fn scenario_drafts_hold_their_floors() {
    let scenarios =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/probes/scenarios");
    passages_hold_their_floors(&scenarios, true, false);
}

/// The whole answers to the ten questions written as tuning material (role-stage in the
/// twenty-first round, criticism and activity-volume in the twenty-second, buyer-empathy and
/// structure in the twenty-third) hold their floors and list the drafts read wrong.
#[test]
fn whole_drafts_hold_their_floors() {
    let drafts =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/probes/drafts");
    passages_hold_their_floors(&drafts, true, true);
}

/// Reads each rule's passages in `dir` against its floors, printing every passage read wrong
/// when `list_wrong` (and not in the holdout third); each passage is a whole draft when `whole`.
fn passages_hold_their_floors(dir: &std::path::Path, list_wrong: bool, whole: bool) {
    let holdout = std::env::var_os("PROBE_HOLDOUT").is_some();
    let raw = fs::read_to_string(dir.join("floors.toml")).expect("floors.toml");
    let floors: Floors = toml::from_str(&raw).expect("floors.toml");
    let catalog = Catalog::embedded();
    let settings = Settings::default();
    let mut below = Vec::new();
    for (id, classes) in floors.iter().filter(|(id, _)| *id != "link") {
        let rule: Rule = id.parse().unwrap_or_else(|_| panic!("unknown rule {id}"));
        let path = dir.join(format!("{id}.toml"));
        let raw = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let probes: Probes =
            toml::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut tally = Tally::default();
        let mut wrong = Vec::new();
        for probe in &probes.probe {
            let text = draft(rule, &probe.text, whole);
            let report = analyze_file(&text, Some("probe.md"), catalog, &settings);
            let fired = report.findings.iter().any(|f| f.rule == rule);
            // A whole draft for `structure` is read right when the parts said to be missing are
            // the ones it lacks, no more and no fewer.
            let right = if rule == Rule::Structure && whole {
                missing_parts(&report.findings) == probe.missing
            } else {
                fired == (probe.class == fires(rule))
            };
            let hidden = holdout && in_holdout(&probe.text);
            tally.add(probe.class.as_str(), right, hidden);
            if !right && !hidden && list_wrong {
                let line = probe.text.lines().next().unwrap_or("");
                wrong.push(format!(
                    "  {id} [{}] {}: {line}",
                    probe.class,
                    if fired { "fired" } else { "silent" }
                ));
            }
        }
        tally.report(id, classes, &mut below);
        for line in wrong {
            println!("{line}");
        }
    }
    assert!(
        below.is_empty(),
        "probes below their floors: {}",
        below.join("; ")
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Headings {
    heading: Vec<HeadingProbe>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingProbe {
    /// `partnerships/q6`, `partnerships/scenario-1`, or `none`.
    target: String,
    text: String,
}

/// Draft titles that name a question or scenario in paraphrase, or name none
/// (`link.toml`), each read as a draft's only heading over a body that names nothing: what the
/// title alone links to. `floors.toml`'s `[link]` holds the share of each kind read right.
#[test]
fn titles_link_to_what_they_name() {
    let raw = fs::read_to_string(dir().join("floors.toml")).expect("floors.toml");
    let floors: Floors = toml::from_str(&raw).expect("floors.toml");
    // A batch read through `PROBE_DIR` may hold no titles.
    let Some(floor) = floors.get("link") else {
        assert!(
            std::env::var_os("PROBE_DIR").is_some(),
            "floors.toml has no [link]"
        );
        return;
    };
    let raw = fs::read_to_string(dir().join("link.toml")).expect("link.toml");
    let headings: Headings = toml::from_str(&raw).expect("link.toml");
    let holdout = std::env::var_os("PROBE_HOLDOUT").is_some();
    let catalog = Catalog::embedded();
    let settings = Settings::default();
    let mut tally = Tally::default();
    let mut wrong = Vec::new();
    for h in &headings.heading {
        let text = format!("# {}\n\nBody.\n", h.text);
        let report = analyze_file(&text, Some("probe.md"), catalog, &settings);
        let got = report.link.as_ref().and_then(|l| l.target.as_deref());
        let right = got == (h.target != "none").then_some(h.target.as_str());
        let kind = if h.target == "none" { "none" } else { "named" };
        let hidden = holdout && in_holdout(&h.text);
        tally.add(kind, right, hidden);
        if !right && !hidden {
            wrong.push(format!(
                "  link [{}] got {}: {}",
                h.target,
                got.unwrap_or("nothing"),
                h.text
            ));
        }
    }
    let mut below = Vec::new();
    tally.report("link", floor, &mut below);
    for line in wrong {
        println!("{line}");
    }
    assert!(
        below.is_empty(),
        "titles below their floors: {}",
        below.join("; ")
    );
}
