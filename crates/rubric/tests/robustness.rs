//! No input makes the engine panic, and every range it returns is a valid slice of the input.

use interview_content::Catalog;
use interview_rubric::{Report, Settings, analyze, analyze_file};

/// Analyses `text` and checks that every range lies on char boundaries inside it.
fn check(text: &str) -> Report {
    let report = analyze_file(
        text,
        Some("q3.md"),
        Catalog::embedded(),
        &Settings::default(),
    );
    let ranges = report
        .findings
        .iter()
        .map(|f| f.range.clone())
        .chain(report.findings.iter().flat_map(|f| {
            f.fixes
                .iter()
                .flat_map(|x| x.edits.iter().map(|e| e.range.clone()))
        }))
        .chain(
            report
                .sections
                .iter()
                .flat_map(|s| [s.heading.clone(), s.range.clone()]),
        )
        .chain(report.mentions.iter().map(|m| m.range.clone()))
        .chain(report.front_matter.clone())
        .chain(report.link.iter().filter_map(|l| l.range.clone()));
    for range in ranges {
        assert!(
            range.start <= range.end && range.end <= text.len(),
            "{range:?} of {}",
            text.len()
        );
        assert!(
            text.get(range.clone()).is_some(),
            "{range:?} splits a character"
        );
    }
    let starts: Vec<usize> = report.findings.iter().map(|f| f.range.start).collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "findings are sorted"
    );
    report
}

#[test]
fn empty_and_blank_drafts() {
    for text in ["", " ", "\n", "\r\n\r\n", "\t"] {
        let report = check(text);
        assert_eq!(report.words, 0);
        // Only linking feedback until there is prose.
        assert!(
            report.findings.iter().all(|f| f.rule.id() == "link"),
            "{:?}",
            report.findings
        );
    }
}

#[test]
fn front_matter_only_and_unterminated() {
    let report = check("---\ncategory: partnerships\nquestion: 3\n---\n");
    assert_eq!(report.words, 0);
    // A begun draft is told what the answer needs; rules that judge passages wait for prose.
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.id()).collect();
    for rule in [
        "structure",
        "metrics",
        "cross-functional",
        "buyer-empathy",
        "role-stage",
    ] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
    assert!(!rules.contains(&"concepts") && !rules.contains(&"hedging"));
    assert_eq!(
        report.link.unwrap().target.as_deref(),
        Some("partnerships/q3")
    );
    check("---\ncategory: partnerships\nquestion: 3\n");
    check("---");
    check("---\n---");
    check("---\r\nquestion: \"unterminated\r\n---\r\nBody.");
}

#[test]
fn a_megabyte_on_one_line() {
    let text = "We grew revenue 40% with product marketing. ".repeat(24_000);
    let text = text.replace(". ", ", ");
    assert!(text.len() > 1_000_000);
    let report = check(&text);
    assert!(report.words > 100_000);
    // One megabyte-long word, number and sentence.
    check(&"a".repeat(1_000_000));
    check(&"9".repeat(1_000_000));
    check(&".".repeat(1_000_000));
    check(&"é".repeat(500_000));
}

#[test]
fn nul_bytes_and_control_characters() {
    check("\0\0\0");
    check("We\0 grew\u{1} 40%\0.\u{7f}\n\0# \0\n");
    check("\u{feff}# Title\u{200b}\n\nBody\u{2028}more\u{85}text.");
}

#[test]
fn ten_thousand_nested_lists_and_quotes() {
    check(&">".repeat(10_000));
    check(&format!("{}deep", "> ".repeat(10_000)));
    let mut lists = String::new();
    for depth in 0..10_000 {
        lists.push_str(&"  ".repeat(depth % 100));
        lists.push_str("- item 40 meetings\n");
    }
    check(&lists);
    check(&"- ".repeat(10_000));
    check(&"*".repeat(100_000));
    check(&"[".repeat(50_000));
    check(&"<!--".repeat(10_000));
}

#[test]
fn non_ascii_and_crlf() {
    let text = "# Équipe 東京\r\n\r\n## Résultat\r\n\r\nLe chiffre d’affaires a augmenté de 40 % — 🎉 ünïcödé.\r\n\r\n**Result:** €2M 👍\r\n";
    check(text);
    let crlf = "## Situation\r\n\r\nThe previous team was incompetent.\r\n";
    let report = check(crlf);
    let f = report
        .findings
        .iter()
        .find(|f| f.rule.id() == "criticism")
        .unwrap();
    assert_eq!(&crlf[f.range.clone()], "The previous team was incompetent.");
}

#[test]
fn every_rule_sees_odd_markdown() {
    let samples = [
        "Setext title\n===\n\nBody 40 meetings.\n",
        "| a | b |\n|---|---|\n| 40 calls | 3x |\n",
        "- [ ] task 40 emails\n- [x] done\n",
        "Text with [link](http://x.y/40%) and ![img](a.png \"title 50%\").\n",
        "Footnote[^1].\n\n[^1]: 40% here\n",
        "<div>\n40%\n</div>\n\nafter\n",
        "    indented code 40%\n\ntext\n",
        "~~~\nfenced\n~~~\n",
        "```\nunterminated fence 40%\n",
        "&amp; &#35; \\* \\$40",
    ];
    for text in samples {
        check(text);
    }
    // Inline code, indented code and HTML are not prose.
    let report = analyze(
        "    $2M 40%\n\n<p>3x</p>\n\nNothing measured `40%`.\n",
        Catalog::embedded(),
        &Settings::default(),
    );
    assert!(report.findings.iter().any(|f| f.rule.id() == "metrics"));
}
