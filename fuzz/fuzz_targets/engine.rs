//! The rubric engine on arbitrary text: it must never panic, and every range it returns must
//! slice the text on character boundaries.
#![no_main]

use interview_content::Catalog;
use interview_rubric::{Settings, analyze_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = analyze_file(&text, Some("q3-draft.md"), Catalog::embedded(), &Settings::default());
    for finding in &report.findings {
        assert!(finding.range.start <= finding.range.end && finding.range.end <= text.len());
        assert!(text.is_char_boundary(finding.range.start) && text.is_char_boundary(finding.range.end));
        for fix in &finding.fixes {
            for edit in &fix.edits {
                assert!(edit.range.end <= text.len() && text.is_char_boundary(edit.range.start));
            }
        }
    }
    for mention in &report.mentions {
        assert!(text.get(mention.range.clone()).is_some());
    }
});
