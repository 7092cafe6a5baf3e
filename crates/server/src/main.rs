//! `interview-coach`: the command-line entry point.

use clap::{Parser, Subcommand};
use interview_coach::{bank, check, guide};

/// Coach for interview answer drafts written in Markdown.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List categories and questions, or print one category as a guide (exit status 2 for an
    /// unknown category or content that fails to load).
    Guide(guide::GuideArgs),
    /// Check drafts against the rubric and report findings (exit status 1 when some are at or
    /// above `--deny`, 2 on errors).
    Check(check::CheckArgs),
    /// The answer bank: every question and scenario with its drafts, scores and what to practise
    /// next (exit status 2 on errors).
    Bank(bank::BankArgs),
    /// Run the language server over stdin and stdout.
    Lsp,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Guide(args) => std::process::exit(i32::from(guide::run(&args))),
        Command::Check(args) => std::process::exit(i32::from(check::run(&args))),
        Command::Bank(args) => std::process::exit(i32::from(bank::run(&args))),
        Command::Lsp => {
            interview_coach::lsp::logging::init();
            let code = interview_coach::lsp::run()?;
            std::process::exit(code)
        }
    }
}
