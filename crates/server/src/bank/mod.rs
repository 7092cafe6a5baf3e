//! `interview-coach bank`: the whole answer bank at a glance. Every question and scenario of a
//! category with its drafts and scores, what no draft covers yet, and what to practise next.
//!
//! Drafts are found and analysed by `check`'s pipeline (one walk, one analysis per file);
//! [`model`] turns the reports into the bank, [`table`] and [`html`] render it, and [`history`]
//! keeps the scores of each `--record` run.

pub mod history;
pub mod html;
pub mod index;
pub mod model;
pub mod table;
pub mod workspace;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::check::{self, CheckArgs, ColorChoice};
use model::{Bank, DraftInput};

/// Options of `interview-coach bank`.
#[derive(Debug, Clone, Args)]
pub struct BankArgs {
    /// Folders (searched for `*.md`) or draft files; the current folder when none is given.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BankFormat::Table)]
    pub format: BankFormat,
    /// Only this category, listed even when it has no draft yet.
    #[arg(long, value_name = "ID")]
    pub category: Option<String>,
    /// Append this run's scores to `.interview-coach/history.jsonl` in the first folder.
    #[arg(long)]
    pub record: bool,
    /// When to colour the table: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Settings file to use for every draft instead of the nearest `.interview-coach.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Drafts analysed at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Folder of extra categories (a content pack) to load beside the embedded ones.
    #[arg(long, value_name = "DIR")]
    pub categories: Option<PathBuf>,
}

/// How the bank is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BankFormat {
    /// A table for the terminal.
    Table,
    /// One JSON document (a contract for other tools; see the README).
    Json,
    /// One self-contained HTML page.
    Html,
}

/// Runs `bank`: prints the overview and returns the exit status (0, or 2 on errors).
pub fn run(args: &BankArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let (text, problems) = bank(args, &cwd, history::now(), color);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    let mut stderr = std::io::stderr().lock();
    for warning in &problems.warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    for error in &problems.errors {
        let _ = writeln!(stderr, "error: {error}");
    }
    let write_failed = written.is_err_and(|e| e.kind() != std::io::ErrorKind::BrokenPipe);
    if problems.errors.is_empty() && !write_failed {
        0
    } else {
        2
    }
}

/// Errors and warnings met while building the bank.
#[derive(Debug, Default)]
pub struct Problems {
    /// Errors (exit status 2), one line each.
    pub errors: Vec<String>,
    /// Warnings that do not change the exit status.
    pub warnings: Vec<String>,
}

/// Builds and renders the bank of `args` with `cwd` as the folder relative paths start from and
/// `time` as this run's timestamp (used with `--record`).
pub fn bank(args: &BankArgs, cwd: &Path, time: String, color: bool) -> (String, Problems) {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let check_args = CheckArgs {
        paths: paths.clone(),
        format: None,
        input: check::InputKind::Files,
        jobs: args.jobs,
        color: ColorChoice::Never,
        deny: check::policy::Deny::Never,
        config: args.config.clone(),
        categories: args.categories.clone(),
        question: None,
        category: None,
    };
    let mut messages = Vec::new();
    let (collected, _) = check::collect(&check_args, cwd, &mut messages);
    let mut problems = Problems::default();
    for line in String::from_utf8_lossy(&messages).lines() {
        match line.strip_prefix("warning: ") {
            Some(warning) => problems.warnings.push(warning.to_string()),
            None => problems
                .errors
                .push(line.strip_prefix("error: ").unwrap_or(line).to_string()),
        }
    }
    let catalog = collected.catalog;
    if let Some(id) = &args.category
        && !catalog.categories.iter().any(|c| &c.id == id)
    {
        problems.errors.push(format!("unknown category `{id}`"));
        return (String::new(), problems);
    }
    let drafts: Vec<DraftInput<'_>> = collected
        .files
        .iter()
        .map(|f| DraftInput {
            path: &f.path,
            uri: None,
            report: &f.report,
        })
        .collect();
    let mut bank = Bank::build(&catalog, &drafts, args.category.as_deref());

    let root = cwd.join(history_root(&paths[0]));
    let file = history::path(&root);
    let earlier = history::read(&file, &mut problems.warnings);
    if args.record {
        let record = history::record_of(&bank, time);
        if let Err(e) = history::append(&file, &record) {
            problems
                .errors
                .push(format!("{}: cannot record the scores: {e}", file.display()));
        }
    }
    if args.record || !earlier.is_empty() {
        history::apply(&mut bank, &earlier);
    }
    let text = match args.format {
        BankFormat::Table => table::render(&bank, color),
        BankFormat::Json => {
            let mut json = serde_json::to_string_pretty(&bank).unwrap_or_default();
            json.push('\n');
            json
        }
        BankFormat::Html => html::render(&bank),
    };
    (text, problems)
}

/// The folder whose `.interview-coach/` keeps the history: the path itself when it is a folder,
/// else the file's folder.
fn history_root(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}
