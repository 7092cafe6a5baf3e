//! Progress over time: `.interview-coach/history.jsonl`, one JSON object per `bank --record`.
//!
//! `{"time": "2026-12-03T16:40:00Z", "scores": {"partnerships/q4": 67, ...}}` with each drafted
//! item's best score in percent. The file is only ever appended to; a line that does not parse
//! (a crash mid-write, a hand edit) is skipped with a warning and left as it is.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::model::{Bank, Progress, percent};

/// History files over this size are not read (a bank recorded daily for decades stays far below).
const MAX_HISTORY_BYTES: u64 = 16 * 1024 * 1024;

/// One recorded run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// When it was recorded, RFC 3339 in UTC.
    pub time: String,
    /// Best score per drafted item id, in percent.
    pub scores: BTreeMap<String, u32>,
}

/// The history file of the bank rooted at `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(".interview-coach").join("history.jsonl")
}

/// The records in `file`, oldest first; a missing file is an empty history. Lines that do not
/// parse are skipped and named in `warnings`.
pub fn read(file: &Path, warnings: &mut Vec<String>) -> Vec<Record> {
    let bytes = match interview_content::bounded::read_file(file, MAX_HISTORY_BYTES) {
        Ok(bytes) => bytes,
        Err(interview_content::bounded::ReadError::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound =>
        {
            return Vec::new();
        }
        Err(e) => {
            warnings.push(format!("{}: history not read: {e}", file.display()));
            return Vec::new();
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(record) => records.push(record),
            Err(e) => warnings.push(format!(
                "{}:{}: skipped a history line that does not parse: {e}",
                file.display(),
                i + 1
            )),
        }
    }
    records
}

/// This run's record of `bank`.
pub fn record_of(bank: &Bank, time: String) -> Record {
    let scores = bank
        .categories
        .iter()
        .flat_map(|c| &c.items)
        .filter_map(|item| {
            let best = item.best_draft()?;
            Some((item.id.clone(), percent(best.score, best.max)))
        })
        .collect();
    Record { time, scores }
}

/// Appends `record` to `file`, creating its folder; an existing partial last line is ended first
/// so the new record stays on a line of its own.
pub fn append(file: &Path, record: &Record) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Never open a FIFO or device (opening one for appending can block forever).
    if let Ok(meta) = std::fs::metadata(file)
        && !meta.is_file()
    {
        return Err(std::io::Error::other("not a regular file"));
    }
    let ends_mid_line = last_byte(file).is_some_and(|b| b != b'\n');
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?;
    let mut line = String::new();
    if ends_mid_line {
        line.push('\n');
    }
    line.push_str(&serde_json::to_string(record).map_err(std::io::Error::other)?);
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// The last byte of a non-empty regular file, read without reading the rest.
fn last_byte(file: &Path) -> Option<u8> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(file).ok()?;
    f.seek(SeekFrom::End(-1)).ok()?;
    let mut byte = [0];
    f.read_exact(&mut byte).ok()?;
    Some(byte[0])
}

/// Fills each drafted item's first, best and latest score from `earlier` (the records before this
/// run, oldest first) and this run's scores; the trend compares this run with the last record.
pub fn apply(bank: &mut Bank, earlier: &[Record]) {
    for item in bank.categories.iter_mut().flat_map(|c| &mut c.items) {
        let Some(draft) = item.best_draft() else {
            continue;
        };
        let latest = percent(draft.score, draft.max);
        let past: Vec<u32> = earlier
            .iter()
            .filter_map(|r| r.scores.get(&item.id).copied())
            .collect();
        item.progress = Some(Progress {
            first: past.first().copied().unwrap_or(latest),
            best: past.iter().copied().chain([latest]).max().unwrap_or(latest),
            latest,
            trend: past.last().map_or(0, |&p| latest.cmp(&p) as i8),
        });
    }
}

/// Now, as RFC 3339 in UTC to the second.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(time: &str, scores: &[(&str, u32)]) -> Record {
        Record {
            time: time.into(),
            scores: scores.iter().map(|(k, v)| ((*k).into(), *v)).collect(),
        }
    }

    #[test]
    fn a_corrupt_line_is_skipped_with_a_warning_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        append(&file, &record("2026-12-01T10:00:00Z", &[("p/q1", 40)])).unwrap();
        let mut raw = std::fs::read_to_string(&file).unwrap();
        raw.push_str("{\"time\": \"2026-12-02T10:00:00Z\", \"sco");
        std::fs::write(&file, &raw).unwrap();
        append(&file, &record("2026-12-03T10:00:00Z", &[("p/q1", 60)])).unwrap();

        let mut warnings = Vec::new();
        let records = read(&file, &mut warnings);
        assert_eq!(records.len(), 2);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains(":2: skipped"), "{warnings:?}");
        let after = std::fs::read_to_string(&file).unwrap();
        assert!(after.starts_with(&raw), "the corrupt line was rewritten");
    }

    #[cfg(unix)]
    #[test]
    fn a_history_that_is_a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&file).status();
        assert!(made.unwrap().success());
        let mut warnings = Vec::new();
        assert!(read(&file, &mut warnings).is_empty());
        assert!(warnings[0].contains("history not read"), "{warnings:?}");
        let error = append(&file, &record("2026-12-03T10:00:00Z", &[])).unwrap_err();
        assert!(error.to_string().contains("not a regular file"), "{error}");
    }

    #[test]
    fn a_missing_history_is_empty_and_silent() {
        let dir = tempfile::tempdir().unwrap();
        let mut warnings = Vec::new();
        assert!(read(&path(dir.path()), &mut warnings).is_empty());
        assert!(warnings.is_empty());
    }
}
