//! The features on the embedded catalog with reports from the real engine: the pieces agree on
//! ids, source lines, mentions, sections and fixes.

use interview_content::Catalog;
use interview_rubric::{MentionTarget, Rule};
use tower_lsp::lsp_types::{
    CodeActionContext, CodeActionOrCommand, CompletionResponse, CompletionTextEdit,
    GotoDefinitionResponse, HoverContents, Location, Position,
};

use super::fixtures::{Fixture, apply_edits, edits_for, find};
use super::*;

const DRAFT: &str = "---\r\ncategory: partnerships\r\nquestion: 3\r\n---\r\n# How do you structure partner incentives? 😀\r\n\r\n## Context\r\nAt a Series B company, résellers stalled 😀 and our co-selling motion had no owner.\r\n\r\n## Action\r\nI rebuilt the incentive structure with deal registration, and I aligned marketing and product.\r\n";

const ENCODINGS: [Encoding; 2] = [Encoding::Utf8, Encoding::Utf16];

fn position(fixture: &Fixture, needle: &str, encoding: Encoding) -> Position {
    fixture
        .doc
        .position(find(&fixture.text, needle).start + 1, encoding)
}

/// The text of the guide a location covers.
fn guide_text(location: &Location, encoding: Encoding) -> String {
    let path = location.uri.path();
    let id = path
        .strip_prefix("/cache/guide/")
        .and_then(|p| p.strip_suffix(".md"))
        .expect("a guide file");
    let markdown = &Catalog::embedded()
        .category(id)
        .expect("a category")
        .markdown;
    let doc = Document::new(markdown, 0);
    let start = doc.offset(location.range.start, encoding);
    let end = doc.offset(location.range.end, encoding);
    markdown[start..end].to_string()
}

#[test]
fn the_engine_links_the_draft_and_finds_its_terms() {
    let fixture = Fixture::analysed(DRAFT);
    let link = fixture.report.link.as_ref().expect("linked");
    assert_eq!(link.target.as_deref(), Some("partnerships/q3"));
    assert!(fixture.report.mentions.iter().any(|m| {
        &DRAFT[m.range.clone()] == "co-selling motion"
            && m.target == MentionTarget::Concept("partnerships/co-sell-motions".into())
    }));
}

#[test]
fn definition_on_the_question_reaches_its_example_answers() {
    let fixture = Fixture::analysed(DRAFT);
    for encoding in ENCODINGS {
        let snap = fixture.snap(encoding);
        let at = position(&fixture, "3\r\n---", encoding);
        let Some(GotoDefinitionResponse::Array(locations)) = definition::goto_definition(&snap, at)
        else {
            panic!("several locations expected")
        };
        let texts: Vec<String> = locations.iter().map(|l| guide_text(l, encoding)).collect();
        // Question 3's talking points name examples 3 and 1; they come in list order.
        assert_eq!(
            texts,
            [
                "3. How do you structure partner incentives?",
                "- I evaluate partners on customer overlap, execution capability, and economic alignment before formalizing terms.",
                "- I track sourced pipeline, influenced revenue, and partner activation metrics.",
            ]
        );
        let at = position(&fixture, "co-selling", encoding);
        let Some(GotoDefinitionResponse::Scalar(concept)) = definition::goto_definition(&snap, at)
        else {
            panic!("one location expected")
        };
        assert_eq!(guide_text(&concept, encoding), "- Co-sell motions");
    }
}

#[test]
fn hovers_explain_concepts_and_the_question_with_its_feedback() {
    let fixture = Fixture::analysed(DRAFT);
    let snap = fixture.snap(Encoding::Utf16);
    let value = |needle: &str| {
        let hover = hover::hover(&snap, position(&fixture, needle, Encoding::Utf16)).unwrap();
        let HoverContents::Markup(markup) = hover.contents else {
            panic!("markup expected")
        };
        markup.value
    };
    let concept = value("co-selling");
    assert!(
        concept.starts_with(
            "**Co-sell motions** · Partnerships concept\n\nA repeatable way for your sellers"
        ),
        "{concept}"
    );
    assert!(concept.contains("- Q4 · How do you launch a co-sell motion?"));
    assert!(concept.contains("**Example answer**\n> "));
    let question = value("structure partner");
    assert!(
        question
            .starts_with("**Q3 · How do you structure partner incentives?**\n\n*Process question")
    );
    assert!(question.contains("**Talking points**\n- Reward the outcome you want"));
    // The engine puts whole-draft findings on the title: they are listed under the question.
    assert!(question.contains("**Feedback here**\n"), "{question}");
    assert!(
        question.contains("· warning: No quantified impact"),
        "{question}"
    );
}

#[test]
fn engine_fixes_apply_the_same_through_lsp_in_both_encodings() {
    let fixture = Fixture::analysed(DRAFT);
    let with_fixes: Vec<_> = fixture
        .report
        .findings
        .iter()
        .filter(|f| !f.fixes.is_empty())
        .collect();
    assert!(with_fixes.iter().any(|f| f.rule == Rule::Structure));
    for encoding in ENCODINGS {
        for document_changes in [false, true] {
            let snap = fixture.snap(encoding);
            let range = fixture.doc.range(0..DRAFT.len(), encoding);
            let actions = code_action::code_actions(
                &snap,
                range,
                &CodeActionContext::default(),
                document_changes,
            );
            for finding in &with_fixes {
                for fix in &finding.fixes {
                    let action = actions
                        .iter()
                        .find_map(|a| match a {
                            CodeActionOrCommand::CodeAction(a) if a.title == fix.title => Some(a),
                            _ => None,
                        })
                        .unwrap_or_else(|| panic!("no action `{}`", fix.title));
                    let edits = edits_for(action.edit.as_ref().unwrap(), &fixture.uri);
                    let mut expected = DRAFT.to_string();
                    for edit in fix.edits.iter().rev() {
                        expected.replace_range(edit.range.clone(), &edit.new_text);
                    }
                    assert_eq!(apply_edits(DRAFT, &edits, encoding), expected);
                }
            }
        }
    }
    let outcome = with_fixes
        .iter()
        .flat_map(|f| &f.fixes)
        .find(|f| f.title.contains("Outcome"))
        .expect("an Outcome fix");
    assert!(outcome.edits[0].new_text.contains("## Outcome\r\n"));
}

#[test]
fn completion_offers_the_catalog_terms() {
    let text = "## Action\nWe tracked win r";
    let fixture = Fixture::analysed(text);
    for encoding in ENCODINGS {
        let snap = fixture.snap(encoding);
        let at = fixture.doc.position(text.len(), encoding);
        let Some(CompletionResponse::Array(items)) = completion::completion(&snap, at, None, true)
        else {
            panic!("items expected")
        };
        let win = items
            .iter()
            .find(|i| i.label == "win rate")
            .expect("win rate");
        let Some(CompletionTextEdit::Edit(edit)) = &win.text_edit else {
            panic!("a text edit")
        };
        assert_eq!(
            apply_edits(text, std::slice::from_ref(edit), encoding),
            "## Action\nWe tracked win rate"
        );
    }
}

#[test]
fn outline_and_lenses_follow_the_report() {
    let fixture = Fixture::analysed(DRAFT);
    let snap = fixture.snap(Encoding::Utf16);
    let symbols = symbols::document_symbols(&snap);
    assert_eq!(symbols.len(), 1);
    assert_eq!(symbols[0].name, "Q3");
    let children: Vec<&str> = symbols[0]
        .children
        .iter()
        .flatten()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(children, ["Context", "Action"]);
    let lenses = code_lens::code_lenses(&snap);
    let titles: Vec<String> = lenses
        .iter()
        .map(|l| l.command.as_ref().unwrap().title.clone())
        .collect();
    let report = &fixture.report;
    assert_eq!(
        titles,
        [
            format!(
                "Rubric {}/{} · {} words · ~0:{:02}",
                report.score.points, report.score.max, report.words, report.speaking_seconds
            ),
            "2 example answers".to_string(),
        ]
    );
}

#[test]
fn new_drafts_link_back_to_their_question() {
    let catalog = Catalog::embedded();
    for entry in commands::questions(catalog) {
        let draft = commands::new_draft(catalog, &entry.id).unwrap();
        let report = interview_rubric::analyze(&draft.text, catalog, &Settings::default());
        let link = report.link.expect("linked");
        assert_eq!(
            link.target.as_deref(),
            Some(entry.id.as_str()),
            "{}",
            draft.text
        );
        assert!(draft.file_name.ends_with(".md"));
        assert!(!report.findings.iter().any(|f| f.rule == Rule::Link));
    }
}
