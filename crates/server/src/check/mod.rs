//! `interview-coach check`: the rubric engine over draft files, for terminals and CI.
//!
//! Paths are expanded ([`inputs`]), each draft gets its settings ([`config`]) and is analysed,
//! and the reports are rendered as annotated snippets, JSON or SARIF ([`render`]). The exit
//! status follows [`policy`].

pub mod config;
pub mod inputs;
pub mod policy;
pub mod position;
pub mod render;
pub mod target;
pub mod uri;

use std::io::{IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use interview_content::Catalog;
use interview_rubric::{Report, Settings};

use config::Configs;
use inputs::Input;
use policy::Deny;
use position::{LineColumn, LineIndex};
use uri::ArtifactUri;

/// Options of `interview-coach check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Drafts to check: Markdown files, folders (searched for `*.md`), or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
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
    /// A SARIF 2.1.0 log.
    Sarif,
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
    lines: LineIndex,
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
        let lines = LineIndex::new(&text);
        CheckedFile {
            path,
            uri,
            text,
            offset,
            report,
            settings: Settings::default(),
            lines,
        }
    }

    /// The line and column of a byte offset of the analysed text.
    pub fn position(&self, offset: usize) -> LineColumn {
        self.lines.position(&self.text, offset)
    }

    /// A range of the analysed text as a range of the file.
    pub fn file_range(&self, range: &Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }
}

/// What a run produced: the checked drafts and the problems met on the way.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Drafts that were read and analysed, in input order.
    pub files: Vec<CheckedFile>,
    /// Errors (exit status 2), one line each.
    pub errors: Vec<String>,
    /// Warnings that do not change the exit status.
    pub warnings: Vec<String>,
}

/// Runs the check: prints results to standard output and problems to standard error, and
/// returns the exit status.
pub fn run(args: &CheckArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let (outcome, catalog) = check(args, &cwd, &mut std::io::stdin().lock());
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let text = match args.format {
        Format::Human => render::human::render(&outcome.files, color),
        Format::Json => render::json::render(&outcome.files),
        Format::Sarif => render::sarif::render(&outcome.files, &cwd, &catalog),
    };
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    let mut stderr = std::io::stderr().lock();
    for warning in &outcome.warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    for error in &outcome.errors {
        let _ = writeln!(stderr, "error: {error}");
    }
    let mut errors = outcome.errors.len();
    if let Err(error) = written {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(stderr, "error: writing output: {error}");
            errors += 1;
        }
    }
    policy::exit_status(
        args.deny,
        errors,
        outcome
            .files
            .iter()
            .flat_map(|f| f.report.findings.iter().map(|finding| finding.severity)),
    )
}

/// Checks every draft named by `args`, with `cwd` as the folder relative paths (and standard
/// input's settings search) start from. Also returns the catalog the drafts were checked against.
pub fn check(args: &CheckArgs, cwd: &Path, stdin: &mut dyn Read) -> (Outcome, Catalog) {
    let mut outcome = Outcome::default();
    let catalog = load_catalog(args.categories.as_deref(), &mut outcome.errors);
    let target = match target::resolve(&catalog, args.question.as_deref(), args.category.as_deref())
    {
        Ok(target) => target,
        Err(message) => {
            outcome.errors.push(message);
            return (outcome, catalog);
        }
    };
    let inputs = inputs::collect(&args.paths);
    for problem in inputs.problems {
        let line = format!("{}: {}", problem.path.display(), problem.message);
        if problem.is_error {
            outcome.errors.push(line);
        } else {
            outcome.warnings.push(line);
        }
    }
    let mut configs = Configs::new(args.config.clone());
    let mut reported_configs = std::collections::HashSet::new();
    for input in inputs.drafts {
        let (path, dir, bytes) = match &input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                let read = stdin.read_to_end(&mut bytes);
                (
                    "<stdin>".to_string(),
                    cwd.to_path_buf(),
                    read.map(|_| bytes),
                )
            }
            Input::File(path) => {
                let parent = path.parent().unwrap_or(Path::new(""));
                (
                    path.display().to_string(),
                    uri::normalize(&cwd.join(parent)),
                    std::fs::read(path),
                )
            }
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                outcome
                    .errors
                    .push(format!("{path}: {}", io_message(&error)));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                outcome
                    .errors
                    .push(format!("{path}: not valid UTF-8 (at byte {at})"));
                continue;
            }
        };
        let settings = match configs.for_dir(&dir) {
            Ok((settings, _)) => settings,
            Err(error) => {
                // Reported once; every draft it governs is left unchecked rather than checked
                // with settings the user did not ask for.
                if reported_configs.insert(error.path.clone()) {
                    let shown = error.path.strip_prefix(cwd).unwrap_or(&error.path);
                    outcome
                        .errors
                        .push(format!("{}: {}", shown.display(), error.message));
                }
                outcome
                    .errors
                    .push(format!("{path}: not checked: its settings file has errors"));
                continue;
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
            link_override: target.as_ref().map(|t| t.id.as_str()),
        };
        let report = interview_rubric::analyze_with(&body, &options, &catalog, &settings);
        let uri = match &input {
            Input::File(p) => uri::artifact_uri(p, cwd),
            Input::Stdin => ArtifactUri::Relative(uri::encode_path("<stdin>")),
        };
        outcome.files.push(CheckedFile {
            settings,
            ..CheckedFile::new(path, uri, body, offset, report)
        });
    }
    (outcome, catalog)
}

/// The embedded catalog, plus the content pack in `dir` when given. Category files that fail
/// validation are reported; the rest load.
fn load_catalog(dir: Option<&Path>, errors: &mut Vec<String>) -> Catalog {
    let Some(dir) = dir else {
        return Catalog::embedded().clone();
    };
    if !dir.is_dir() {
        errors.push(format!("{}: categories folder not found", dir.display()));
        return Catalog::embedded().clone();
    }
    let (mut catalog, mut problems) = Catalog::with_dir(dir);
    problems.extend(interview_rubric::resolve_catalog(&mut catalog));
    errors.extend(problems.iter().map(ToString::to_string));
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
