//! The category parser on arbitrary Markdown and companion TOML: errors or a catalog, never a
//! panic, and every record of a catalog it accepts has a line inside its file.
#![no_main]

use interview_content::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The input is split at the first NUL into the category file and its companion.
    let (md, toml) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let mut files = vec![("fuzz.md", md)];
    if let Some(toml) = toml {
        files.push(("fuzz.toml", toml));
    }
    let (catalog, _errors) = Catalog::from_files(files);
    let lines = md.split(|&b| b == b'\n').count() as u32;
    for category in &catalog.categories {
        for question in &category.questions {
            assert!(question.line >= 1 && question.line <= lines);
        }
    }
});
