//! The memo on arbitrary edits: a text analysed after another through one `Memo` must report
//! exactly what a fresh analysis of it reports.
#![no_main]

use interview_content::Catalog;
use interview_rubric::{Engine, Memo, Options, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The input is two texts split at the first NUL: the one before the edit and the one after.
    let (before, after) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let before = String::from_utf8_lossy(before);
    let after = String::from_utf8_lossy(after);
    let engine = Engine::for_catalog(Catalog::embedded());
    let settings = Settings::default();
    let options = Options { file_name: Some("q3-draft.md"), link_override: None };
    let mut memo = Memo::new();
    for text in [&before, &after, &before] {
        let kept = engine.analyze_memo(text, &options, &settings, &mut memo);
        let fresh = engine.analyze(text, &options, &settings);
        assert_eq!(
            serde_json::to_string(&kept).unwrap(),
            serde_json::to_string(&fresh).unwrap()
        );
    }
});
