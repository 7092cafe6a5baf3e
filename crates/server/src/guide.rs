//! `interview-coach guide`: the categories as a readable guide or as JSON.
//!
//! Without a category it lists every category with its questions and scenario prompts; with one
//! it prints that category in full: overview, concepts with definitions, questions with their kind
//! and talking points, example answers, scenarios, best practices and mistakes, each with its id
//! and source line so that a diagnostic's citation can be looked up.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use clap::Args;
use interview_content::{Catalog, Category, QuestionKind};

/// Options of `interview-coach guide`.
#[derive(Debug, Clone, Args)]
pub struct GuideArgs {
    /// Category id (`partnerships`); without it, list all categories and their questions.
    pub category: Option<String>,
    /// Print the catalog (or the category) as JSON.
    #[arg(long)]
    pub json: bool,
    /// Folder of extra categories (a content pack) to load beside the embedded ones.
    #[arg(long, value_name = "DIR")]
    pub categories: Option<PathBuf>,
}

/// What the guide prints: standard output, error lines, and the exit status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// The guide or JSON.
    pub stdout: String,
    /// Problems, one line each, without the `error: ` prefix.
    pub errors: Vec<String>,
    /// 0 on success, 2 when a category is unknown or content failed to load.
    pub status: u8,
}

/// Builds the guide's output for `args` without touching the terminal.
pub fn guide(args: &GuideArgs) -> Output {
    let mut output = Output::default();
    let catalog = match &args.categories {
        Some(dir) => {
            let (catalog, errors) = crate::content_pack::read_pack(dir);
            output.errors.extend(errors.iter().map(ToString::to_string));
            catalog
        }
        None => Catalog::embedded().clone(),
    };
    match &args.category {
        None if args.json => output.stdout = to_json(&catalog),
        None => output.stdout = list(&catalog),
        Some(id) => match catalog.category(id) {
            Some(category) if args.json => output.stdout = to_json(category),
            Some(category) => output.stdout = render(category),
            None => {
                let known: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
                output.errors.push(format!(
                    "unknown category \"{id}\" (known: {}); run `interview-coach guide` to list them",
                    known.join(", ")
                ));
            }
        },
    }
    if !output.errors.is_empty() {
        output.status = 2;
    }
    output
}

/// Runs the guide: prints to standard output and standard error, returns the exit status.
pub fn run(args: &GuideArgs) -> u8 {
    let mut output = guide(args);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(output.stdout.as_bytes())
        .and_then(|()| stdout.flush());
    if let Err(error) = written {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            output.errors.push(format!("writing output: {error}"));
            output.status = 2;
        }
    }
    let mut stderr = std::io::stderr().lock();
    for error in &output.errors {
        let _ = writeln!(stderr, "error: {error}");
    }
    output.status
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The catalog holds strings, numbers and lists only: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Process => "process",
        QuestionKind::Behavioural => "behavioural",
        QuestionKind::Scenario => "scenario",
    }
}

/// Every category with its questions and scenario prompts, one per line, ids first.
pub fn list(catalog: &Catalog) -> String {
    let mut out = String::new();
    for (i, category) in catalog.categories.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}  {} ({} questions, {} scenarios)",
            category.id,
            category.title,
            category.questions.len(),
            category.scenarios.len()
        );
        let width = category
            .questions
            .iter()
            .map(|q| q.id.len())
            .chain(category.scenarios.iter().map(|s| s.id.len()))
            .max()
            .unwrap_or(0);
        for question in &category.questions {
            let _ = writeln!(out, "  {:width$}  {}", question.id, question.text);
        }
        for scenario in &category.scenarios {
            let _ = writeln!(out, "  {:width$}  {}", scenario.id, scenario.prompt);
        }
    }
    if catalog.categories.is_empty() {
        out.push_str("no categories\n");
    }
    out
}

/// One category as a readable guide. Each record ends with its id and `file:line`.
pub fn render(category: &Category) -> String {
    let file = category.file.as_str();
    let at = |id: &str, line: u32| format!("[{id}, {file}:{line}]");
    let mut out = String::new();
    let _ = writeln!(out, "{}", category.title);
    let _ = writeln!(out, "{}", "=".repeat(category.title.chars().count()));
    let _ = writeln!(out, "{}\n", at(&category.id, category.title_line));
    let _ = writeln!(out, "{}\n", category.overview.text);
    heading(&mut out, "Why interviewers ask this");
    let _ = writeln!(out, "{}\n", category.why.text);

    heading(&mut out, "Key concepts");
    for concept in &category.concepts {
        let _ = writeln!(out, "- {}  {}", concept.name, at(&concept.id, concept.line));
        if !concept.definition.is_empty() {
            let _ = writeln!(out, "  {}", concept.definition);
        }
        if !concept.synonyms.is_empty() {
            // A taste of what counts as a mention; `--json` has the full list.
            const SHOWN: usize = 8;
            let shown = &concept.synonyms[..concept.synonyms.len().min(SHOWN)];
            let _ = write!(out, "  Also: {}", shown.join(", "));
            let rest = concept.synonyms.len() - shown.len();
            if rest > 0 {
                let _ = write!(out, " and {rest} more");
            }
            out.push('\n');
        }
    }
    out.push('\n');

    heading(&mut out, "Common interview questions");
    for question in &category.questions {
        let _ = writeln!(
            out,
            "{}. {}  ({})  {}",
            question.number,
            question.text,
            kind_name(question.kind),
            at(&question.id, question.line)
        );
        for point in &question.talking_points {
            let _ = write!(out, "   - {}", point.text);
            let mut sources: Vec<String> = point
                .concepts
                .iter()
                .filter_map(|id| category.concept(id).map(|c| c.name.clone()))
                .collect();
            let examples: Vec<&str> = point
                .examples
                .iter()
                .filter_map(|id| id.rsplit('-').next())
                .collect();
            match examples.as_slice() {
                [] => {}
                [one] => sources.push(format!("example {one}")),
                many => sources.push(format!("examples {}", many.join(", "))),
            }
            if !sources.is_empty() {
                let _ = write!(out, " ({})", sources.join("; "));
            }
            out.push('\n');
        }
    }
    out.push('\n');

    heading(&mut out, "Example answers");
    for example in &category.examples {
        let _ = writeln!(
            out,
            "{}. {}  {}",
            example.number,
            example.text,
            at(&example.id, example.line)
        );
    }
    out.push('\n');

    heading(&mut out, "Real business scenarios");
    for scenario in &category.scenarios {
        let _ = writeln!(
            out,
            "{}. {}  {}",
            scenario.number,
            scenario.text,
            at(&scenario.id, scenario.line)
        );
        if scenario.prompt != scenario.text {
            let _ = writeln!(out, "   Prompt: {}", scenario.prompt);
        }
    }
    out.push('\n');

    for (title, lines) in [
        ("Best practices", &category.best_practices),
        ("Mistakes to avoid", &category.mistakes),
    ] {
        heading(&mut out, title);
        for line in lines {
            let rules: Vec<&str> = category
                .rule_citations
                .iter()
                .filter(|c| c.line_id == line.id)
                .map(|c| c.rule.as_str())
                .collect();
            let _ = write!(
                out,
                "{}. {}  {}",
                line.number,
                line.text,
                at(&line.id, line.line)
            );
            if !rules.is_empty() {
                let _ = write!(out, "  rule: {}", rules.join(", "));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    // One trailing newline, not a blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "{title}\n{}", "-".repeat(title.chars().count()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(category: Option<&str>, json: bool) -> GuideArgs {
        GuideArgs {
            category: category.map(str::to_owned),
            json,
            categories: None,
        }
    }

    #[test]
    fn list_names_every_question_and_scenario_prompt() {
        let output = guide(&args(None, false));
        assert_eq!(output.status, 0);
        assert!(output.errors.is_empty());
        let text = output.stdout;
        assert!(text.starts_with("partnerships  Partnerships (10 questions, 2 scenarios)\n"));
        let catalog = Catalog::embedded();
        let category = catalog.category("partnerships").expect("embedded");
        // One line per record: the id, padding, then the question or the scenario's prompt.
        let has_line = |id: &str, what: &str| {
            text.lines().any(|l| {
                l.strip_prefix("  ")
                    .and_then(|l| l.strip_prefix(id))
                    .is_some_and(|rest| rest.trim_start() == what)
            })
        };
        for question in &category.questions {
            assert!(has_line(&question.id, &question.text), "{}", question.id);
        }
        for scenario in &category.scenarios {
            assert!(has_line(&scenario.id, &scenario.prompt), "{}", scenario.id);
        }
    }

    #[test]
    fn category_guide_has_every_part_in_order() {
        let output = guide(&args(Some("partnerships"), false));
        assert_eq!(output.status, 0);
        let text = output.stdout;
        let mut last = 0;
        for part in [
            "Partnerships\n============\n[partnerships, partnerships.md:1]",
            "This category tests ability to source",
            "Why interviewers ask this\n",
            "Key concepts\n",
            "- Co-sell motions  [partnerships/co-sell-motions, partnerships.md:14]\n  A repeatable way",
            "Common interview questions\n",
            "3. How do you structure partner incentives?  (process)  [partnerships/q3, partnerships.md:23]",
            "   - Protect partners with deal registration",
            "(Incentive alignment; Co-sell motions)",
            "10. Share a partnership that drove measurable growth.  (behavioural)",
            "Example answers\n",
            "2. Successful partnerships require operational rhythm",
            "Real business scenarios\n",
            "   Prompt: Your technology alliance partner",
            "Best practices\n",
            "[partnerships/best-practice-1, partnerships.md:45]  rule: structure",
            "Mistakes to avoid\n",
            "5. Not asking clarifying questions in scenario prompts.  [partnerships/mistake-5, partnerships.md:57]  rule: clarifying-questions\n",
        ] {
            let found = text[last..]
                .find(part)
                .unwrap_or_else(|| panic!("{part:?} follows in:\n{text}"));
            last += found + part.len();
        }
        assert_eq!(last, text.len(), "the guide ends with the last mistake");
    }

    #[test]
    fn unknown_category_is_an_error() {
        let output = guide(&args(Some("sales"), false));
        assert_eq!(output.status, 2);
        assert!(output.stdout.is_empty());
        assert_eq!(
            output.errors,
            [
                "unknown category \"sales\" (known: partnerships); run `interview-coach guide` to list them"
            ]
        );
    }

    #[test]
    fn json_of_one_category() {
        let output = guide(&args(Some("partnerships"), true));
        let value: serde_json::Value = serde_json::from_str(&output.stdout).expect("valid JSON");
        assert_eq!(value["id"], "partnerships");
        assert_eq!(value["questions"][2]["id"], "partnerships/q3");
        assert_eq!(value["questions"][2]["line"], 23);
    }
}
