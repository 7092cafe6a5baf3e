//! `xtask`: development tasks for interview-coach.
//!
//! `bench-lsp` measures language servers over stdio on generated answer drafts: start-up, first
//! diagnostics, keystroke-to-diagnostics latency, a burst of edits, peak memory and CPU time,
//! with a machine gauge timed before and after the runs.
//! `gen-draft` prints one of the drafts, for profiling a server by hand. `gen-set` writes a large
//! set of drafts as files and as JSON lines for benchmarking `check`, and `parse-floor` times
//! pulldown-cmark alone over the same texts. `codegen` rewrites the editors' and docs' copies of
//! the rule table and the settings schema from the engine's. `bench-bank` times the language
//! server's `interviewCoach.bank` over a generated workspace.

mod bank;
mod bench;
mod client;
mod codegen;
mod docgen;
mod drafts;
mod edits;
mod gauge;
mod models;
mod procfs;
mod report;
mod stats;

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use serde_json::Value;

use bench::{Measurement, Plan, ServerSpec};
use report::{Report, ServerReport, SizeReport};

/// Development tasks for interview-coach.
#[derive(Parser)]
#[command(about)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Benchmark language servers over stdio on generated drafts.
    BenchLsp(BenchArgs),
    /// Time `interviewCoach.bank` over a generated workspace of drafts: the first call (while the
    /// server indexes them) and later calls.
    BenchBank {
        /// The server command line, split on whitespace.
        #[arg(long, default_value = "target/release/interview-coach lsp")]
        server: String,
        /// Drafts in the workspace (about 300 words each, as `gen-set` writes them).
        #[arg(long, default_value_t = 500)]
        drafts: usize,
        /// Calls timed after the first.
        #[arg(long, default_value_t = 20)]
        calls: usize,
        /// Seed of the generated drafts.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Longest wait for any one reply, in seconds.
        #[arg(long, default_value_t = 120.0)]
        timeout: f64,
    },
    /// Rewrite the generated copies of the rule table and the settings schema.
    Codegen,
    /// Print a generated draft.
    GenDraft {
        /// Words in the draft.
        #[arg(long, default_value_t = 3_000)]
        words: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Write a set of drafts of about 300 words as files (`OUT/files/NNN/NNNNNN.md`) and as JSON
    /// lines (`OUT/drafts.jsonl`).
    GenSet {
        /// Number of drafts.
        #[arg(long, default_value_t = 10_000)]
        drafts: usize,
        /// Folder to write into.
        #[arg(long)]
        out: PathBuf,
        /// Seed of the generator.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Parse every text of a set with pulldown-cmark alone, on all cores: the floor of `check`.
    ParseFloor {
        /// JSON lines with a `text` per record.
        #[arg(long, conflicts_with = "files", required_unless_present = "files")]
        jsonl: Option<PathBuf>,
        /// A folder of `*.md` files.
        #[arg(long)]
        files: Option<PathBuf>,
        /// Threads (default: one per core).
        #[arg(long)]
        jobs: Option<usize>,
    },
}

#[derive(Args)]
struct BenchArgs {
    /// A server command line, split on whitespace (repeatable); the first is the baseline of the
    /// ratio column.
    #[arg(long = "server", required = true)]
    servers: Vec<String>,
    /// A name for each `--server`, in order (default: the program's file name).
    #[arg(long = "name")]
    names: Vec<String>,
    /// Draft sizes in words.
    #[arg(long, value_delimiter = ',', default_values_t = [300, 3_000, 30_000, 300_000])]
    sizes: Vec<usize>,
    /// Keystrokes in the sequential series.
    #[arg(long, default_value_t = 200)]
    edits: usize,
    /// Keystrokes sent back to back in the burst.
    #[arg(long, default_value_t = 50)]
    burst: usize,
    /// Runs per server and size; the report shows medians.
    #[arg(long, default_value_t = 1)]
    runs: usize,
    /// Longest wait for any one reply, in seconds.
    #[arg(long, default_value_t = 60.0)]
    timeout: f64,
    /// Fewer keystrokes for one server at one size, as `NAME@WORDS=EDITS/BURST` (repeatable), for
    /// a server too slow to make every keystroke on a large draft.
    #[arg(long = "cap", value_parser = parse_cap)]
    caps: Vec<Cap>,
    /// Shortest quiet period, in milliseconds, that ends a burst of unversioned diagnostics.
    #[arg(long, default_value_t = 300)]
    settle_ms: u64,
    /// JSON answered to `workspace/configuration` (per requested section) and sent as
    /// `initializationOptions` and `workspace/didChangeConfiguration`.
    #[arg(long, default_value = r#"{"harper-ls": {"maxFileLength": 100000000}}"#)]
    settings: String,
    /// Seed of the generated drafts.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Unopened drafts (about 300 words each) written into the workspace before each run, so that
    /// keystrokes are measured while the server indexes them.
    #[arg(long, default_value_t = 0)]
    workspace_drafts: usize,
    /// Write the Markdown tables to this file.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print the full results as JSON instead of Markdown.
    #[arg(long)]
    json: bool,
}

fn main() -> Result<()> {
    match Cli::parse().task {
        Task::GenDraft { words, seed } => {
            let draft = docgen::generate(words, seed);
            eprintln!(
                "{} words, {} bytes",
                docgen::count_words(&draft),
                draft.len()
            );
            print!("{draft}");
            Ok(())
        }
        Task::BenchLsp(args) => bench_lsp(args),
        Task::BenchBank {
            server,
            drafts,
            calls,
            seed,
            timeout,
        } => {
            let command: Vec<String> = server.split_whitespace().map(str::to_owned).collect();
            let root =
                std::env::temp_dir().join(format!("xtask-bench-bank-{}", std::process::id()));
            let times = bank::run(
                &command,
                &root,
                drafts,
                calls,
                seed,
                Duration::from_secs_f64(timeout),
            )?;
            println!(
                "interviewCoach.bank over {drafts} drafts ({} in the answer, {} bytes of JSON): \
                 first call {:.1} ms (index built meanwhile); then {} calls: p50 {:.1} ms, \
                 p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                times.drafts,
                times.bytes,
                times.cold_ms,
                times.warm.n,
                times.warm.p50,
                times.warm.p90,
                times.warm.p99,
                times.warm.max
            );
            Ok(())
        }
        Task::Codegen => {
            for path in codegen::write(&codegen::root())? {
                println!("wrote {}", path.display());
            }
            Ok(())
        }
        Task::GenSet { drafts, out, seed } => drafts::generate_set(&out, drafts, seed),
        Task::ParseFloor { jsonl, files, jobs } => {
            let source = match (jsonl, files) {
                (Some(path), _) => drafts::Source::Jsonl(path),
                (None, Some(dir)) => drafts::Source::Files(dir),
                (None, None) => bail!("--jsonl or --files"),
            };
            drafts::parse_floor(&source, jobs)
        }
    }
}

fn bench_lsp(args: BenchArgs) -> Result<()> {
    let servers = server_specs(&args.servers, &args.names)?;
    let settings: Value = serde_json::from_str(&args.settings).context("--settings is not JSON")?;
    if args.runs == 0 || args.edits == 0 {
        bail!("--runs and --edits must be at least 1");
    }
    let workspace = std::env::temp_dir().join(format!("xtask-bench-lsp-{}", std::process::id()));
    let plan = Plan {
        edits: args.edits,
        burst: args.burst,
        timeout: Duration::from_secs_f64(args.timeout),
        settle: Duration::from_millis(args.settle_ms),
        settings,
        workspace: workspace.clone(),
        workspace_drafts: args.workspace_drafts,
        seed: args.seed,
    };

    let drafts: Vec<String> = args
        .sizes
        .iter()
        .map(|&words| docgen::generate(words, args.seed))
        .collect();
    let mut results: Vec<Vec<(Vec<Measurement>, Vec<String>)>> =
        vec![vec![(Vec::new(), Vec::new()); servers.len()]; args.sizes.len()];
    let gauge_before = gauge::milliseconds();
    eprintln!("machine gauge: {gauge_before:.0} ms");
    // Runs are the outer loop and servers alternate inside, so that a noisy moment on the machine
    // falls on every server rather than on one.
    for run in 1..=args.runs {
        for (s, (&words, draft)) in args.sizes.iter().zip(&drafts).enumerate() {
            for (k, server) in servers.iter().enumerate() {
                eprint!(
                    "run {run}/{} · {} words · {} … ",
                    args.runs,
                    report::thousands(words),
                    server.name
                );
                let plan = caps_for(&args.caps, &server.name, words, &plan);
                match bench::run(server, draft, words, &plan) {
                    Ok(m) => {
                        eprintln!(
                            "keystroke p50 {:.2} ms, p99 {:.2} ms ({} keystrokes), burst {:.1} ms \
                             ({} publications)",
                            m.keystroke.p50,
                            m.keystroke.p99,
                            m.keystroke.n,
                            m.burst_ms,
                            m.burst_publications
                        );
                        results[s][k].0.push(m);
                    }
                    Err(e) => {
                        eprintln!("failed: {e:#}");
                        results[s][k].1.push(format!("{e:#}"));
                    }
                }
            }
        }
    }
    let _ = fs::remove_dir_all(&workspace);
    let gauge_after = gauge::milliseconds();

    let report = Report {
        runs: args.runs,
        gauge_ms: (gauge_before, gauge_after),
        edits: args.edits,
        burst: args.burst,
        seed: args.seed,
        sizes: args
            .sizes
            .iter()
            .zip(&drafts)
            .zip(results)
            .map(|((&words, draft), per_server)| SizeReport {
                words,
                bytes: draft.len(),
                servers: servers
                    .iter()
                    .zip(per_server)
                    .map(|(server, (runs, errors))| ServerReport {
                        name: server.name.clone(),
                        command: server.command.join(" "),
                        median: Measurement::median_of(&runs),
                        runs,
                        errors,
                    })
                    .collect(),
            })
            .collect(),
    };
    let markdown = report::markdown(&report);
    if let Some(path) = &args.out {
        fs::write(path, &markdown).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{markdown}");
    }
    Ok(())
}

/// A smaller plan for one server at one size.
#[derive(Debug, Clone, PartialEq)]
struct Cap {
    server: String,
    words: usize,
    edits: usize,
    burst: usize,
}

/// Parses `NAME@WORDS=EDITS/BURST`.
fn parse_cap(text: &str) -> Result<Cap, String> {
    let bad = || format!("{text:?} is not NAME@WORDS=EDITS/BURST");
    let (server, rest) = text.rsplit_once('@').ok_or_else(bad)?;
    let (words, rest) = rest.split_once('=').ok_or_else(bad)?;
    let (edits, burst) = rest.split_once('/').ok_or_else(bad)?;
    let number = |s: &str| {
        s.trim()
            .replace([',', '_'], "")
            .parse::<usize>()
            .map_err(|_| bad())
    };
    let cap = Cap {
        server: server.to_owned(),
        words: number(words)?,
        edits: number(edits)?,
        burst: number(burst)?,
    };
    if cap.server.is_empty() || cap.edits == 0 {
        return Err(bad());
    }
    Ok(cap)
}

/// `plan` with the keystroke counts of the first cap for this server and size.
fn caps_for(caps: &[Cap], server: &str, words: usize, plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    if let Some(cap) = caps.iter().find(|c| c.server == server && c.words == words) {
        plan.edits = plan.edits.min(cap.edits);
        plan.burst = plan.burst.min(cap.burst);
    }
    plan
}

/// Pairs each `--server` with its `--name`.
fn server_specs(commands: &[String], names: &[String]) -> Result<Vec<ServerSpec>> {
    if names.len() > commands.len() {
        bail!("more --name than --server");
    }
    commands
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let command: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
            let program = command.first().context("empty --server")?;
            let default = PathBuf::from(program)
                .file_name()
                .map_or(program.clone(), |n| n.to_string_lossy().into_owned());
            Ok(ServerSpec {
                name: names.get(i).cloned().unwrap_or(default),
                command,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_caps() {
        assert_eq!(
            parse_cap("harper-ls@300,000=20/5"),
            Ok(Cap {
                server: "harper-ls".into(),
                words: 300_000,
                edits: 20,
                burst: 5
            })
        );
        for bad in ["harper-ls", "@3=1/1", "a@3=0/1", "a@x=1/1", "a@3=1"] {
            assert!(parse_cap(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pairs_servers_with_names_or_program_names() {
        let specs = server_specs(
            &[
                "target/release/interview-coach lsp".into(),
                "harper-ls  --stdio".into(),
            ],
            &["coach".into()],
        )
        .unwrap();
        assert_eq!(specs[0].name, "coach");
        assert_eq!(specs[0].command, ["target/release/interview-coach", "lsp"]);
        assert_eq!(specs[1].name, "harper-ls");
        assert_eq!(specs[1].command, ["harper-ls", "--stdio"]);
        assert!(server_specs(&["a".into()], &["x".into(), "y".into()]).is_err());
        assert!(server_specs(&["  ".into()], &[]).is_err());
    }
}
