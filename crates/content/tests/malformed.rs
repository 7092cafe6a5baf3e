//! Each kind of malformed content fails with its own message, file and line, and never panics.

use interview_content::{Catalog, Category, ContentError, Origin, QuestionKind};

const MD: &str = include_str!("../../../content/partnerships.md");
const TOML: &str = include_str!("../../../content/partnerships.toml");

fn parse(md: &str, toml: Option<&str>) -> Result<Category, Vec<ContentError>> {
    Catalog::parse_category("partnerships.md", md, toml, Origin::Embedded)
}

/// The errors, as printed.
fn errors(md: &str, toml: Option<&str>) -> Vec<String> {
    match parse(md, toml) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// `text` with `from` replaced once; the test fails if `from` is not there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture text {from:?} exists");
    text.replacen(from, to, 1)
}

/// 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is in the text"))
        + 1
}

#[test]
fn seed_parses_with_and_without_companion() {
    assert_eq!(errors(MD, Some(TOML)), Vec::<String>::new());
    assert_eq!(errors(MD, None), Vec::<String>::new());
}

#[test]
fn missing_section() {
    let md = edit(MD, "## Best Practices", "## Mistakes to Avoid");
    let md = edit(
        &md,
        "## Mistakes to Avoid\n\n- Giving",
        "## Never Mind\n\n- Giving",
    );
    let errors = errors(&md, None);
    assert!(
        errors.contains(&"partnerships.md:57: missing section \"Best Practices\"".to_owned()),
        "{errors:?}"
    );
}

#[test]
fn unknown_section_lists_the_expected_ones() {
    let md = edit(MD, "## Best Practices", "## Foo");
    assert_eq!(
        errors(&md, None),
        [
            "partnerships.md:43: unknown section \"Foo\" (expected one of \"Overview\", \"Why Interviewers Ask This\", \"Key Concepts\", \"Common Interview Questions\", \"Example Answers\", \"Real Business Scenarios\", \"Best Practices\", \"Mistakes to Avoid\")",
            "partnerships.md:57: missing section \"Best Practices\"",
        ]
    );
}

#[test]
fn sections_may_come_in_any_order() {
    // Sections are found by name; moving Overview to the end keeps every record.
    let overview = "## Overview\n\nThis category tests ability to source, evaluate, and manage strategic partnerships that accelerate revenue and market access.\n\n";
    let md = format!("{}\n{}", edit(MD, overview, ""), overview.trim_end());
    let category = parse(&md, Some(TOML)).expect("reordered sections parse");
    assert_eq!(category.overview.line, 57);
    assert_eq!(category.questions[0].line, 17);
}

#[test]
fn duplicate_section() {
    let md = format!("{MD}\n## Overview\n\nAgain.\n");
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:59: duplicate section \"Overview\" (first at line 3)"]
    );
}

#[test]
fn empty_sections() {
    let md = edit(
        MD,
        "- Partner types and models\n- Co-sell motions\n- Incentive alignment\n- Partner onboarding\n- Joint success metrics\n",
        "",
    );
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:11: section \"Key Concepts\" is empty"]
    );
    let md = edit(
        MD,
        "Interviewers evaluate partnership economics, governance, and execution.\n",
        "",
    );
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:7: section \"Why Interviewers Ask This\" is empty"]
    );
    let md = edit(MD, "- Criticizing past teams or customers.", "-");
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:55: empty item in section \"Mistakes to Avoid\""]
    );
}

#[test]
fn duplicate_question_names_the_first() {
    let md = edit(
        MD,
        "7. How do you avoid low-commitment partnerships?",
        "7. How do you structure  partner incentives?",
    );
    assert_eq!(
        errors(&md, None),
        [
            "partnerships.md:27: duplicate question \"How do you structure partner incentives?\" (first at line 23)"
        ]
    );
}

#[test]
fn duplicate_concept_would_share_an_id() {
    let md = edit(MD, "- Partner onboarding", "- Co-Sell Motions!");
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:16: duplicate concept \"Co-Sell Motions!\" (first at line 14)"]
    );
}

#[test]
fn questions_must_be_numbered() {
    let md = edit(MD, "1. How do you identify", "- How do you identify");
    let md = edit(&md, "2. What criteria", "- What criteria");
    assert_eq!(
        errors(&md, None),
        [
            "partnerships.md:21: section \"Common Interview Questions\" must be a numbered list (\"1. ...\")"
        ]
    );
    let md = edit(MD, "1. How do you identify", "3. How do you identify");
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:21: the questions must be numbered from 1 in order: expected 1, found 3"]
    );
    // Bullets elsewhere may be numbered: only the questions have a required form.
    let md = edit(MD, "- I evaluate partners", "1. I evaluate partners");
    assert!(errors(&md, None).is_empty());
}

#[test]
fn paragraph_and_list_sections_keep_their_form() {
    let md = edit(
        MD,
        "- Partner types and models\n",
        "Partner types and models\n\n",
    );
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:13: section \"Key Concepts\" must be a list, not a paragraph"]
    );
    let md = edit(MD, "This category tests", "- This category tests");
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:5: section \"Overview\" must be a paragraph, not a list"]
    );
}

#[test]
fn missing_and_misplaced_title() {
    let md = edit(MD, "# Partnerships\n\n", "");
    let errors_found = errors(&md, None);
    assert_eq!(
        errors_found,
        ["partnerships.md:1: missing title (a \"# Title\" line before the first section)"]
    );
    let md = format!("{MD}\n# Again\n");
    assert_eq!(
        errors(&md, None),
        ["partnerships.md:59: more than one title (first at line 1)"]
    );
}

#[test]
fn unsupported_blocks_are_not_dropped_silently() {
    let md = edit(
        MD,
        "## Why Interviewers",
        "> quoted\n\n```\ncode\n```\n\n### Detail\n\n---\n\n## Why Interviewers",
    );
    assert_eq!(
        errors(&md, None),
        [
            "partnerships.md:7: unexpected block quote in section \"Overview\"",
            "partnerships.md:9: unexpected code block in section \"Overview\"",
            "partnerships.md:13: unexpected heading \"Detail\" in section \"Overview\" (only \"# Title\" and \"## Section\" headings are allowed)",
            "partnerships.md:15: unexpected horizontal rule in section \"Overview\"",
        ]
    );
    // HTML comments are allowed anywhere.
    let md = edit(MD, "## Overview", "<!-- reviewed 2024 -->\n\n## Overview");
    assert!(errors(&md, None).is_empty());
}

#[test]
fn errors_are_all_collected() {
    let md = edit(MD, "## Best Practices", "## Foo");
    let md = edit(&md, "# Partnerships\n", "");
    let md = edit(
        &md,
        "2. What criteria determine partnership viability?",
        "2. How do you identify good strategic partners?",
    );
    let found = errors(&md, None);
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn toml_unknown_field_names_the_expected_ones() {
    let toml = edit(
        TOML,
        "[concepts.co-sell-motions]\ndefinition",
        "[concepts.co-sell-motions]\ndefintion",
    );
    let line = line_of(&toml, "defintion");
    assert_eq!(
        errors(MD, Some(&toml)),
        [format!(
            "partnerships.toml:{line}: unknown field `defintion`, expected `definition` or `synonyms`"
        )]
    );
}

#[test]
fn toml_syntax_error_has_a_line() {
    let toml = edit(
        TOML,
        "[scenarios.1]\nprompt = \"",
        "[scenarios.1]\nprompt = ",
    );
    let line = line_of(&toml, "prompt = Your technology");
    let found = errors(MD, Some(&toml));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!("partnerships.toml:{line}: ")),
        "{found:?}"
    );
}

#[test]
fn toml_bad_question_kind() {
    let toml = edit(TOML, "kind = \"behavioural\"", "kind = \"story\"");
    let line = line_of(&toml, "kind = \"story\"");
    assert_eq!(
        errors(MD, Some(&toml)),
        [format!(
            "partnerships.toml:{line}: unknown variant `story`, expected one of `process`, `behavioural`, `scenario`"
        )]
    );
}

#[test]
fn talking_point_with_unknown_concept_or_example() {
    let toml = edit(
        TOML,
        "concepts = [\"incentive-alignment\", \"joint-success-metrics\"], examples = [3] },\n  { text = \"Match",
        "concepts = [\"incentive-alignmnet\", \"joint-success-metrics\"], examples = [3, 7] },\n  { text = \"Match",
    );
    let line = line_of(&toml, "incentive-alignmnet");
    assert_eq!(
        errors(MD, Some(&toml)),
        [
            format!(
                "partnerships.toml:{line}: talking point of q3 names unknown concept \"incentive-alignmnet\""
            ),
            format!(
                "partnerships.toml:{line}: talking point of q3 names unknown example answer 7 (the category has 3)"
            ),
        ]
    );
}

#[test]
fn unknown_numbers_concepts_and_rubric_lines() {
    let toml = "\
[questions.11]
kind = \"process\"

[questions.three]

[scenarios.3]
prompt = \"Why?\"

[concepts.governance]
definition = \"Not in the Markdown.\"

[rules]
metrics = \"mistake-9\"
";
    assert_eq!(
        errors(MD, Some(toml)),
        [
            "partnerships.toml:1: unknown question number 11 (the category has 10 questions)",
            "partnerships.toml:4: question key \"three\" must be a number from 1 to 10",
            "partnerships.toml:6: unknown scenario number 3 (the category has 2 scenarios)",
            "partnerships.toml:9: concept \"governance\" is not in the Key Concepts (expected one of \"partner-types-and-models\", \"co-sell-motions\", \"incentive-alignment\", \"partner-onboarding\", \"joint-success-metrics\")",
            "partnerships.toml:13: rule \"metrics\" cites unknown rubric line \"mistake-9\" (expected best-practice-1 to best-practice-5 or mistake-1 to mistake-5)",
        ]
    );
}

#[test]
fn overlapping_synonyms_are_refused() {
    let toml = "\
[concepts.co-sell-motions]
synonyms = [\"joint selling\"]

[concepts.partner-onboarding]
synonyms = [\"ramp\", \"Joint  Selling\", \"co-sell motions\", \"\"]

[[lexicons.metrics]]
name = \"win rate\"
synonyms = [\"close rate\"]
measures = \"Deals won.\"

[[lexicons.metrics]]
name = \"close rate\"
measures = \"\"
";
    assert_eq!(
        errors(MD, Some(toml)),
        [
            "partnerships.toml:5: synonym \"joint selling\" of concept \"Partner onboarding\" already names concept \"Co-sell motions\"",
            "partnerships.toml:5: synonym \"co-sell motions\" of concept \"Partner onboarding\" already names concept \"Co-sell motions\"",
            "partnerships.toml:5: empty synonym of concept \"partner-onboarding\"",
            "partnerships.toml:13: \"close rate\" of metric \"close rate\" already names metric \"win rate\"",
            "partnerships.toml:14: what metric \"close rate\" measures is empty",
        ]
    );
}

#[test]
fn companion_terms_are_normalised() {
    let toml = "\
[concepts.co-sell-motions]
definition = \"  Selling   together. \"
synonyms = [\"Co-Selling\", \"co-selling\", \"CO-SELL MOTIONS\", \"joint  selling\"]

[lexicons]
activities = [\"Meetings\", \"meetings\"]
";
    let category = parse(MD, Some(toml)).expect("valid companion");
    let concept = &category.concepts[1];
    assert_eq!(concept.definition, "Selling together.");
    assert_eq!(concept.synonyms, ["co-selling", "joint selling"]);
    assert_eq!(category.lexicons.activities, ["meetings"]);
}

#[test]
fn without_a_companion_defaults_are_derived() {
    let category = parse(MD, None).expect("the seed alone parses");
    assert!(category.companion.is_none());
    assert!(
        category
            .concepts
            .iter()
            .all(|c| c.definition.is_empty() && c.synonyms.is_empty())
    );
    assert!(
        category
            .questions
            .iter()
            .all(|q| q.kind == QuestionKind::Process && q.talking_points.is_empty())
    );
    assert!(category.scenarios.iter().all(|s| s.prompt == s.text));
    assert!(category.lexicons.metrics.is_empty());
    // Without a companion no rule is cited here: the rubric, which knows the rules, derives them
    // from the rubric lines' wording (`interview_rubric::resolve_catalog`).
    assert!(category.rule_citations.is_empty());
    let with_companion = parse(MD, Some(TOML)).expect("seed parses");
    assert_ne!(category.content_hash, with_companion.content_hash);
}

#[test]
fn bad_file_names() {
    for name in ["Partnerships.md", "part_nerships.md", "-x.md", ".md"] {
        let found = Catalog::parse_category(name, MD, None, Origin::Embedded).unwrap_err();
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("is not a valid category id"),
            "{name}: {}",
            found[0]
        );
    }
    let found =
        Catalog::parse_category("partnerships.txt", MD, None, Origin::Embedded).unwrap_err();
    assert_eq!(
        found[0].to_string(),
        "partnerships.txt: a category file name must end in .md"
    );
}

#[test]
fn truncated_files_never_panic() {
    // Every prefix of the seed and a sample of prefixes of the companion: errors, never a panic.
    for end in (0..=MD.len()).filter(|&i| MD.is_char_boundary(i)) {
        let _ = parse(&MD[..end], None);
    }
    for end in (0..=TOML.len())
        .step_by(61)
        .filter(|&i| TOML.is_char_boundary(i))
    {
        let _ = parse(MD, Some(&TOML[..end]));
    }
}

#[test]
fn title_line_follows_leading_comments() {
    let md = format!("<!-- licence -->\n\n{MD}");
    let category = parse(&md, None).expect("parses");
    assert_eq!(category.title_line, 3);
    assert_eq!(parse(MD, None).expect("parses").title_line, 1);
}

#[test]
fn ninety_thousand_synonyms_are_checked_for_repeats_and_overlaps() {
    // Under the 1 MiB pack limit; the duplicate checks scanned lists and took about 30 s here.
    let many: Vec<String> = (0..90_000).map(|i| format!("\"s{i}\"")).collect();
    let toml = format!(
        "[concepts.co-sell-motions]\nsynonyms = [{}, \"s7\"]\n\n[concepts.partner-onboarding]\nsynonyms = [\"s89999\"]\n\n[lexicons]\nactivities = [{}, \"s1\"]\n",
        many.join(", "),
        many.join(", ")
    );
    let found = errors(MD, Some(&toml));
    assert_eq!(
        found,
        [
            "partnerships.toml:5: synonym \"s89999\" of concept \"Partner onboarding\" already names concept \"Co-sell motions\""
        ]
    );
    // Without the overlap the category loads with every synonym once and every activity once.
    let toml = toml.replace("synonyms = [\"s89999\"]", "synonyms = [\"t\"]");
    let category = parse(MD, Some(&toml)).expect("valid companion");
    assert_eq!(category.concepts[1].synonyms.len(), 90_000);
    assert_eq!(category.lexicons.activities.len(), 90_000);
}
