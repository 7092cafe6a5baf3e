//! `interview-coach check`: the rubric engine over draft files, for terminals and CI.
//!
//! Paths are expanded ([`inputs`]) or records read from standard input ([`records`]), each draft
//! gets its settings ([`config`]) and is analysed and rendered on a pool of threads
//! ([`pipeline`]), and the results are written in input order as annotated snippets, JSON, JSON
//! lines or SARIF ([`render`]) as soon as each and every earlier one are done. The exit status
//! follows [`policy`].

pub mod config;
pub mod inputs;
pub mod pipeline;
pub mod policy;
pub mod position;
pub mod records;
pub mod render;
pub mod target;
pub mod uri;

use std::collections::HashSet;
use std::io::{BufReader, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use interview_content::Catalog;
use interview_content::bounded::{self, ReadError};
use interview_rubric::{Engine, Report, Settings, Severity};
use serde_json::Value;

use config::Configs;
use inputs::Input;
use policy::Deny;
use position::{LineColumn, Positions};
use records::Line;
use uri::ArtifactUri;

/// Drafts larger than this are not read: the language server's limit for analysis.
pub const MAX_DRAFT_BYTES: u64 = crate::lsp::state::MAX_ANALYSED_BYTES as u64;

/// The most drafts checked as one job of the pool: enough that threads wake once per batch, not
/// once per draft.
const BATCH_DRAFTS: usize = 16;

/// The most bytes of records in one batch (a batch ends after the record that reaches it), so
/// that the window of batches in flight stays small in memory whatever the records' size.
const BATCH_BYTES: usize = 256 * 1024;

/// Options of `interview-coach check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Drafts to check: Markdown files, folders (searched for `*.md`), or `-` for standard input.
    /// None with `--input jsonl`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format (default `human`; `jsonl` with `--input jsonl`, which writes nothing else).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// What to read: the drafts named by PATH, or JSON records on standard input, one a line:
    /// `{"id": ..., "text": "...", "question": "...", "category": "..."}`.
    #[arg(long, value_enum, default_value_t = InputKind::Files, value_name = "KIND")]
    pub input: InputKind,
    /// Drafts checked at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// When to colour human output: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// The lowest severity that makes the check fail (exit status 1).
    #[arg(long, value_enum, default_value_t = Deny::Warning, value_name = "SEVERITY")]
    pub deny: Deny,
    /// Settings file to use for every draft instead of the nearest `.interview-coach.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder of extra categories (a content pack) to load beside the embedded ones.
    #[arg(long, value_name = "DIR")]
    pub categories: Option<PathBuf>,
    /// The question the drafts answer, over what they name themselves: a number (with `--category`
    /// when several categories are loaded) or an id such as `partnerships/q4` or
    /// `partnerships/scenario-1`.
    #[arg(long, value_name = "NUMBER|ID")]
    pub question: Option<String>,
    /// The category of a `--question` number.
    #[arg(long, value_name = "ID", requires = "question")]
    pub category: Option<String>,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Annotated source snippets and a summary line per file.
    Human,
    /// One JSON document: an array with one object per file.
    Json,
    /// One JSON object per file, one a line.
    Jsonl,
    /// A SARIF 2.1.0 log.
    Sarif,
}

/// Where drafts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Files and folders named on the command line.
    Files,
    /// JSON records on standard input, one a line; one result line per record.
    Jsonl,
}

/// Whether to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// A draft and its report, ready to render.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The path as shown to the user (`<stdin>` for standard input).
    pub path: String,
    /// The path as a URI reference, for SARIF.
    pub uri: ArtifactUri,
    /// The analysed text: the file without its UTF-8 byte order mark.
    pub text: String,
    /// Bytes before `text` in the file (3 when a byte order mark was removed, else 0).
    pub offset: usize,
    /// What the engine found.
    pub report: Report,
    /// The settings it was checked with (for the advice shown with each finding).
    pub settings: Settings,
    positions: Positions,
}

impl CheckedFile {
    /// A checked draft; `text` is what was analysed and `offset` its start in the file.
    pub fn new(
        path: String,
        uri: ArtifactUri,
        text: String,
        offset: usize,
        report: Report,
    ) -> Self {
        // Every offset a renderer asks about, found in one pass over the text.
        let ranges = report.findings.iter().flat_map(|f| {
            std::iter::once(&f.range).chain(
                f.fixes
                    .iter()
                    .flat_map(|fix| fix.edits.iter().map(|edit| &edit.range)),
            )
        });
        let offsets = ranges.flat_map(|r| [r.start, r.end.max(r.start)]);
        let positions = Positions::new(&text, offsets);
        CheckedFile {
            path,
            uri,
            text,
            offset,
            report,
            settings: Settings::default(),
            positions,
        }
    }

    /// The line and column of a byte offset of the analysed text.
    pub fn position(&self, offset: usize) -> LineColumn {
        self.positions.get(&self.text, offset)
    }

    /// A range of the analysed text as a range of the file.
    pub fn file_range(&self, range: &Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }
}

/// Runs the check: prints results to standard output and problems to standard error, and
/// returns the exit status.
pub fn run(args: &CheckArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    execute(
        args,
        &cwd,
        &mut std::io::stdin(),
        &mut out,
        &mut std::io::stderr(),
        color,
    )
}

/// One draft or record to check, prepared in input order.
enum Job {
    /// A file, or standard input already read.
    Draft {
        input: Input,
        /// Standard input's bytes, for [`Input::Stdin`].
        stdin: Option<Result<Vec<u8>, ReadError>>,
        /// Its settings, or why it is not checked.
        settings: Result<Settings, Vec<String>>,
    },
    /// A line of `--input jsonl`, numbered from 1.
    Record { number: u64, line: Line },
    /// Standard input failed while reading records.
    ReadFailed(String),
}

/// What checking one job gave: output and problems, written in input order.
#[derive(Default)]
struct Done {
    /// The rendered result (empty when there is none).
    chunk: String,
    /// Errors, one line each (exit status 2).
    errors: Vec<String>,
    /// The most severe finding.
    worst: Option<Severity>,
    /// The checked draft, when the caller keeps drafts instead of rendering them.
    file: Option<Box<CheckedFile>>,
}

/// How a format's document is put together from the chunks of each draft.
struct Frame {
    open: String,
    separator: &'static str,
    close: String,
    empty: String,
}

/// Everything a worker needs, shared by all.
struct Context<'a> {
    args: &'a CheckArgs,
    cwd: &'a Path,
    catalog: &'a Catalog,
    engine: &'a Engine,
    link: Option<String>,
    format: Format,
    color: bool,
    settings: Settings,
    /// Keep each checked draft (for `bank`) instead of rendering it.
    keep: bool,
}

/// What [`collect`] gives: every draft checked, in input order, and the catalog they were
/// checked against.
#[derive(Debug, Default)]
pub struct Collected {
    /// The checked drafts.
    pub files: Vec<CheckedFile>,
    /// The embedded catalog plus the `--categories` pack.
    pub catalog: Catalog,
}

/// Finds and analyses the drafts `args` names exactly as [`execute`] does (one walk, one
/// analysis per file, on the same pool), keeping each checked draft instead of rendering it.
/// Problems go to `err` as `error: ` and `warning: ` lines; returns the exit status too.
pub fn collect(args: &CheckArgs, cwd: &Path, err: &mut dyn Write) -> (Collected, u8) {
    let mut collected = Collected::default();
    let status = drive(
        args,
        cwd,
        &mut std::io::empty(),
        &mut std::io::sink(),
        err,
        false,
        Some(&mut collected),
    );
    (collected, status)
}

/// Checks what `args` names, with `cwd` as the folder relative paths (and standard input's
/// settings search) start from; writes results to `out` and problems to `err`, and returns the
/// exit status. `stdin` is read for `-` and for `--input jsonl`.
pub fn execute(
    args: &CheckArgs,
    cwd: &Path,
    stdin: &mut (dyn Read + Send),
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> u8 {
    drive(args, cwd, stdin, out, err, color, None)
}

/// [`execute`], or [`collect`] when `kept` is given.
fn drive(
    args: &CheckArgs,
    cwd: &Path,
    stdin: &mut (dyn Read + Send),
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
    mut kept: Option<&mut Collected>,
) -> u8 {
    let usage = |err: &mut dyn Write, message: &str| {
        let _ = writeln!(err, "error: {message}");
        policy::ERROR
    };
    let format = match (args.input, args.format) {
        (InputKind::Files, format) => format.unwrap_or(Format::Human),
        (InputKind::Jsonl, None | Some(Format::Jsonl)) => Format::Jsonl,
        (InputKind::Jsonl, Some(_)) => {
            return usage(err, "--input jsonl writes JSON lines only (--format jsonl)");
        }
    };
    match (args.input, args.paths.is_empty()) {
        (InputKind::Files, true) => {
            return usage(
                err,
                "no PATH given: name drafts or folders, `-` for standard input, or use \
                 --input jsonl",
            );
        }
        (InputKind::Jsonl, false) => {
            return usage(err, "--input jsonl reads standard input and takes no PATH");
        }
        _ => {}
    }
    let mut errors = 0;
    let mut report = |err: &mut dyn Write, message: &str| {
        let _ = writeln!(err, "error: {message}");
        errors += 1;
    };
    let catalog = load_catalog(args.categories.as_deref(), &mut |m| report(err, m));
    let link = match target::resolve(&catalog, args.question.as_deref(), args.category.as_deref()) {
        Ok(target) => target.map(|t| t.id),
        Err(message) => return usage(err, &message),
    };
    let engine = Engine::new(&catalog);
    let mut configs = Configs::new(args.config.clone());
    // Records take their settings from where the check runs, as standard input does.
    let settings = match args.input {
        InputKind::Files => Settings::default(),
        InputKind::Jsonl => match configs.for_dir(cwd) {
            Ok((settings, _)) => settings,
            Err(error) => {
                let shown = error.path.strip_prefix(cwd).unwrap_or(&error.path);
                return usage(err, &format!("{}: {}", shown.display(), error.message));
            }
        },
    };
    let context = Context {
        args,
        cwd,
        catalog: &catalog,
        engine: &engine,
        link,
        format,
        color,
        settings,
        keep: kept.is_some(),
    };
    let frame = frame(format, cwd, &catalog);
    let threads = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    // Enough batches in flight to keep every thread busy while a slow draft holds the output.
    let window = (threads * 4).max(8);

    let mut reported = HashSet::new();
    let mut reader = BufReader::with_capacity(256 * 1024, stdin);
    let jobs: Box<dyn Iterator<Item = Vec<Job>> + Send + '_> = match args.input {
        InputKind::Files => {
            let inputs = inputs::collect(&args.paths);
            for problem in &inputs.problems {
                let line = format!("{}: {}", problem.path.display(), problem.message);
                if problem.is_error {
                    let _ = writeln!(err, "error: {line}");
                    errors += 1;
                } else {
                    let _ = writeln!(err, "warning: {line}");
                }
            }
            let mut jobs = inputs.drafts.into_iter().map(move |input| {
                let dir = match &input {
                    Input::Stdin => cwd.to_path_buf(),
                    Input::File(path) => {
                        uri::normalize(&cwd.join(path.parent().unwrap_or(Path::new(""))))
                    }
                };
                let settings = configs.for_dir(&dir).map(|(s, _)| s).map_err(|error| {
                    let mut messages = Vec::new();
                    // Reported once; every draft it governs is left unchecked rather than checked
                    // with settings the user did not ask for.
                    if reported.insert(error.path.clone()) {
                        let shown = error.path.strip_prefix(cwd).unwrap_or(&error.path);
                        messages.push(format!("{}: {}", shown.display(), error.message));
                    }
                    messages.push(format!(
                        "{}: not checked: its settings file has errors",
                        shown_path(&input)
                    ));
                    messages
                });
                let stdin = (input == Input::Stdin && settings.is_ok())
                    .then(|| bounded::read_to_limit(&mut reader, MAX_DRAFT_BYTES));
                Job::Draft {
                    input,
                    stdin,
                    settings,
                }
            });
            Box::new(std::iter::from_fn(move || {
                let batch: Vec<Job> = jobs.by_ref().take(BATCH_DRAFTS).collect();
                (!batch.is_empty()).then_some(batch)
            }))
        }
        InputKind::Jsonl => {
            let mut number = 0;
            let mut failed = false;
            Box::new(std::iter::from_fn(move || {
                let mut batch = Vec::new();
                let mut bytes = 0;
                while !failed {
                    match records::next_line(&mut reader, records::MAX_LINE_BYTES) {
                        Ok(Some(line)) => {
                            number += 1;
                            bytes += line.held();
                            batch.push(Job::Record { number, line });
                        }
                        Ok(None) => break,
                        Err(e) => {
                            failed = true;
                            batch.push(Job::ReadFailed(format!("reading standard input: {e}")));
                        }
                    }
                    // Only records already read join a batch: a slow stream has each record
                    // checked as it comes, never held back for the next one.
                    let full = batch.len() >= BATCH_DRAFTS || bytes >= BATCH_BYTES;
                    if full || !reader.buffer().contains(&b'\n') {
                        break;
                    }
                }
                (!batch.is_empty()).then_some(batch)
            }))
        }
    };
    let mut worst: Option<Severity> = None;
    let mut started = false;
    let mut written: std::io::Result<()> = Ok(());
    let mut sink = |done: Option<Done>, err: &mut dyn Write| -> bool {
        let Some(done) = done else {
            // Nothing ready: let what is written so far reach the reader.
            written = out.flush();
            return written.is_ok();
        };
        for message in &done.errors {
            let _ = writeln!(err, "error: {message}");
        }
        errors += done.errors.len();
        worst = worst.max(done.worst);
        if let (Some(kept), Some(file)) = (kept.as_deref_mut(), done.file) {
            kept.files.push(*file);
        }
        if done.chunk.is_empty() {
            return true;
        }
        let before = if started {
            frame.separator
        } else {
            frame.open.as_str()
        };
        started = true;
        written = out
            .write_all(before.as_bytes())
            .and_then(|()| out.write_all(done.chunk.as_bytes()));
        written.is_ok()
    };
    let work = |job: Job| check_job(&context, job);
    pipeline::ordered_map(threads, window, jobs, work, |done| sink(done, &mut *err));
    if written.is_ok() {
        let end = if started { &frame.close } else { &frame.empty };
        written = out.write_all(end.as_bytes()).and_then(|()| out.flush());
    }
    if let Err(error) = written {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "error: writing output: {error}");
            errors += 1;
        }
    }
    if let Some(kept) = kept {
        kept.catalog = catalog.clone();
    }
    policy::exit_status(args.deny, errors, worst)
}

/// The document around the drafts' chunks, for `format`.
fn frame(format: Format, cwd: &Path, catalog: &Catalog) -> Frame {
    let plain = |separator| Frame {
        open: String::new(),
        separator,
        close: String::new(),
        empty: String::new(),
    };
    match format {
        Format::Human => plain("\n"),
        Format::Jsonl => plain(""),
        Format::Json => Frame {
            open: "[\n".into(),
            separator: ",\n",
            close: "\n]\n".into(),
            empty: "[]\n".into(),
        },
        Format::Sarif => {
            let log = render::sarif::frame(cwd, catalog);
            Frame {
                open: log.open,
                separator: ",\n",
                close: log.close,
                empty: log.empty,
            }
        }
    }
}

/// The path of an input as shown in messages and output.
fn shown_path(input: &Input) -> String {
    match input {
        Input::Stdin => "<stdin>".into(),
        Input::File(path) => path.display().to_string(),
    }
}

/// Checks one job; never panics (a panic in the engine becomes an error for that draft).
fn check_job(context: &Context<'_>, job: Job) -> Done {
    match job {
        Job::Draft {
            input,
            stdin,
            settings,
        } => {
            let path = shown_path(&input);
            match settings {
                Err(errors) => Done {
                    errors,
                    ..Done::default()
                },
                Ok(settings) => guarded(&path, || check_draft(context, input, stdin, &settings))
                    .unwrap_or_else(|message| Done {
                        errors: vec![message],
                        ..Done::default()
                    }),
            }
        }
        Job::Record { number, line } => {
            let id_on_panic = Value::Null;
            guarded(&format!("record on line {number}"), || {
                check_record(context, number, line)
            })
            .unwrap_or_else(|message| Done {
                chunk: render::json::record_error_line(number, &id_on_panic, &message),
                ..Done::default()
            })
        }
        Job::ReadFailed(message) => Done {
            errors: vec![message],
            ..Done::default()
        },
    }
}

/// Runs `f`, turning a panic into a message about `what`.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let reason = crate::sync::panic_message(panic);
        format!("{what}: internal error, not checked: {reason}")
    })
}

/// Reads, analyses and renders one draft.
fn check_draft(
    context: &Context<'_>,
    input: Input,
    stdin: Option<Result<Vec<u8>, ReadError>>,
    settings: &Settings,
) -> Done {
    let path = shown_path(&input);
    let fail = |message: String| Done {
        errors: vec![format!("{path}: {message}")],
        ..Done::default()
    };
    let bytes = match (&input, stdin) {
        (Input::File(file), _) => bounded::read_file(file, MAX_DRAFT_BYTES),
        (Input::Stdin, Some(read)) => read,
        (Input::Stdin, None) => Ok(Vec::new()),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(ReadError::Io(error)) => return fail(io_message(&error)),
        Err(error) => return fail(format!("{error}; not checked")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            return fail(format!("not valid UTF-8 (at byte {at})"));
        }
    };
    let (offset, body) = match text.strip_prefix('\u{feff}') {
        Some(body) => ('\u{feff}'.len_utf8(), body.to_string()),
        None => (0, text),
    };
    let file_name = match &input {
        Input::File(p) => p.file_name().and_then(|n| n.to_str()),
        Input::Stdin => None,
    };
    let options = interview_rubric::Options {
        file_name,
        link_override: context.link.as_deref(),
    };
    let report = context.engine.analyze(&body, &options, settings);
    let uri = match &input {
        Input::File(p) => uri::artifact_uri(p, context.cwd),
        Input::Stdin => ArtifactUri::Relative(uri::encode_path("<stdin>")),
    };
    let file = CheckedFile {
        settings: settings.clone(),
        ..CheckedFile::new(path.clone(), uri, body, offset, report)
    };
    let worst = file.report.findings.iter().map(|f| f.severity).max();
    if context.keep {
        return Done {
            worst,
            file: Some(Box::new(file)),
            ..Done::default()
        };
    }
    let chunk = match context.format {
        Format::Human => render::human::render_file(&file, context.color),
        Format::Json => render::json::element(&file),
        Format::Jsonl => render::json::line(&file),
        Format::Sarif => render::sarif::results(&file, context.catalog),
    };
    Done {
        chunk,
        worst,
        ..Done::default()
    }
}

/// Parses, analyses and renders one record: always exactly one line of output.
fn check_record(context: &Context<'_>, number: u64, line: Line) -> Done {
    let record = match records::parse(line) {
        Ok(record) => record,
        Err(error) => {
            return Done {
                chunk: render::json::record_error_line(number, &error.id, &error.message),
                ..Done::default()
            };
        }
    };
    let args = context.args;
    let question = record.question.as_deref().or(args.question.as_deref());
    let category = record.category.as_deref().or(args.category.as_deref());
    let link = match (question, category) {
        (None, Some(category)) if context.catalog.category(category).is_some() => {
            Ok(Some(category.to_string()))
        }
        (None, Some(category)) => Err(format!("unknown category `{category}`")),
        _ => target::resolve(context.catalog, question, category).map(|t| t.map(|t| t.id)),
    };
    let link = match link {
        Ok(link) => link,
        Err(message) => {
            return Done {
                chunk: render::json::record_error_line(number, &record.id, &message),
                ..Done::default()
            };
        }
    };
    let options = interview_rubric::Options {
        file_name: None,
        link_override: link.as_deref(),
    };
    let report = context
        .engine
        .analyze(&record.text, &options, &context.settings);
    let file = CheckedFile::new(
        String::new(),
        ArtifactUri::Relative(String::new()),
        record.text,
        0,
        report,
    );
    Done {
        chunk: render::json::record_line(number, &record.id, &file),
        worst: file.report.findings.iter().map(|f| f.severity).max(),
        ..Done::default()
    }
}

/// The embedded catalog, plus the content pack in `dir` when given. Category files that fail
/// validation are reported; the rest load.
fn load_catalog(dir: Option<&Path>, report: &mut dyn FnMut(&str)) -> Catalog {
    let Some(dir) = dir else {
        return Catalog::embedded().clone();
    };
    if !dir.is_dir() {
        report(&format!("{}: categories folder not found", dir.display()));
        return Catalog::embedded().clone();
    }
    let (catalog, problems) = crate::content_pack::read_pack(dir);
    for problem in &problems {
        report(&problem.to_string());
    }
    catalog
}

/// An I/O error as a short lower-case phrase.
pub(crate) fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use interview_rubric::{Finding, Rule, Severity};

    /// A finding with a recognisable message.
    pub(crate) fn finding(rule: Rule, severity: Severity, range: Range<usize>) -> Finding {
        Finding {
            rule,
            severity,
            range,
            message: format!("{} message", rule.id()),
            cites: None,
            fixes: Vec::new(),
        }
    }

    #[test]
    fn a_panic_while_checking_becomes_an_error_for_that_draft() {
        let caught = guarded("answers/a.md", || -> u8 { panic!("boom") });
        let message = caught.unwrap_err();
        assert!(
            message.starts_with("answers/a.md: internal error"),
            "{message}"
        );
        assert!(message.ends_with("boom"), "{message}");
        assert_eq!(guarded("b.md", || 7), Ok(7));
    }

    /// A checked file with these findings and an otherwise empty report.
    pub(crate) fn checked(path: &str, text: &str, findings: Vec<Finding>) -> CheckedFile {
        let report = Report {
            findings,
            ..Report::default()
        };
        CheckedFile::new(
            path.into(),
            ArtifactUri::Relative(uri::encode_path(path)),
            text.into(),
            0,
            report,
        )
    }
}
