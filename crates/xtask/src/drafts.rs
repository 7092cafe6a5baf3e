//! `gen-set` and `parse-floor`: a large set of answer drafts for benchmarking `check`, and the
//! cost of parsing the same texts with pulldown-cmark alone, the floor any Markdown checker pays.

use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde_json::json;

use crate::docgen::{self, SplitMix64};

/// Drafts per folder of the files layout.
const PER_FOLDER: usize = 1_000;

/// Writes `count` drafts of 250–350 words (about 300) to `out/files/NNN/NNNNNN.md` and, the same
/// texts, as JSON records `{"id": "NNNNNN", "text": ...}` to `out/drafts.jsonl`.
pub fn generate_set(out: &Path, count: usize, seed: u64) -> Result<()> {
    let files = out.join("files");
    fs::create_dir_all(&files).with_context(|| format!("cannot create {}", files.display()))?;
    let jsonl = out.join("drafts.jsonl");
    let mut lines = BufWriter::new(
        fs::File::create(&jsonl).with_context(|| format!("cannot create {}", jsonl.display()))?,
    );
    let mut rng = SplitMix64::new(seed);
    let mut words = 0;
    let mut bytes = 0;
    for i in 0..count {
        let size = 250 + rng.below(101);
        let draft = docgen::generate(size, rng.next_u64());
        let id = format!("{i:06}");
        let folder = files.join(format!("{:03}", i / PER_FOLDER));
        if i % PER_FOLDER == 0 {
            fs::create_dir_all(&folder)?;
        }
        fs::write(folder.join(format!("{id}.md")), &draft)?;
        serde_json::to_writer(&mut lines, &json!({ "id": id, "text": draft }))?;
        lines.write_all(b"\n")?;
        words += size;
        bytes += draft.len();
    }
    lines.flush()?;
    eprintln!(
        "{count} drafts, {words} words, {bytes} bytes: {} and {}",
        files.display(),
        jsonl.display()
    );
    Ok(())
}

/// Where `parse-floor` reads the texts.
pub enum Source {
    /// JSON records, one a line, with a `text`.
    Jsonl(PathBuf),
    /// Every `*.md` below a folder.
    Files(PathBuf),
}

/// Reads every text of `source` and parses it with pulldown-cmark's offset iterator (the parser
/// the rubric engine uses) on `threads` threads, then prints what it took. Input is read and
/// decoded in parallel in batches, as `check` does.
pub fn parse_floor(source: &Source, threads: Option<usize>) -> Result<()> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n);
    }
    let pool = builder.build()?;
    let started = Instant::now();
    let (texts, events) = pool.install(|| -> Result<(usize, usize)> {
        match source {
            Source::Jsonl(path) => {
                let reader = BufReader::with_capacity(
                    256 * 1024,
                    fs::File::open(path)
                        .with_context(|| format!("cannot open {}", path.display()))?,
                );
                let mut lines = reader.lines();
                let (mut texts, mut events) = (0, 0);
                loop {
                    let batch: Vec<String> =
                        lines.by_ref().take(4_096).collect::<Result<_, _>>()?;
                    if batch.is_empty() {
                        break;
                    }
                    texts += batch.len();
                    events += batch
                        .par_iter()
                        .map(|line| {
                            let record: serde_json::Value =
                                serde_json::from_str(line).unwrap_or_default();
                            record["text"].as_str().map_or(0, parse)
                        })
                        .sum::<usize>();
                }
                Ok((texts, events))
            }
            Source::Files(dir) => {
                let mut paths = Vec::new();
                collect_markdown(dir, &mut paths)?;
                paths.sort();
                let events = paths
                    .par_iter()
                    .map(|path| fs::read_to_string(path).map_or(0, |text| parse(&text)))
                    .sum();
                Ok((paths.len(), events))
            }
        }
    })?;
    let elapsed = started.elapsed();
    println!(
        "{texts} texts, {events} events, {:.3} s on {} threads",
        elapsed.as_secs_f64(),
        pool.current_num_threads()
    );
    Ok(())
}

/// The events of one text, with their byte ranges, as the engine reads a draft.
fn parse(text: &str) -> usize {
    let options = pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS;
    let mut events = 0;
    for (event, range) in pulldown_cmark::Parser::new_ext(text, options).into_offset_iter() {
        std::hint::black_box((event, range));
        events += 1;
    }
    events
}

fn collect_markdown(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_markdown(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_has_each_draft_as_a_file_and_as_a_record() {
        let dir = tempfile::tempdir().unwrap();
        generate_set(dir.path(), 3, 7).unwrap();
        let lines = fs::read_to_string(dir.path().join("drafts.jsonl")).unwrap();
        let records: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(records.len(), 3);
        for record in &records {
            let id = record["id"].as_str().unwrap();
            let file = dir.path().join("files/000").join(format!("{id}.md"));
            let text = fs::read_to_string(file).unwrap();
            assert_eq!(record["text"], text.as_str());
            let words = docgen::count_words(&text);
            assert!((250..=350).contains(&words), "{words}");
        }
        assert_ne!(records[0]["text"], records[1]["text"]);
    }

    #[test]
    fn the_floor_parses_every_text() {
        assert!(parse("# Title\n\nSome *text*.\n") >= 6);
    }
}
