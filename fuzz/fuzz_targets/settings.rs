//! The `.interview-coach.toml` parser on arbitrary input: an error or settings, never a panic.
#![no_main]

use interview_rubric::Settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Settings::from_toml_str(text);
    }
});
