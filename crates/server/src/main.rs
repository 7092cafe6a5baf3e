//! `interview-coach`: the command-line entry point.

use clap::{Parser, Subcommand};
use interview_coach::check;

/// Coach for interview answer drafts written in Markdown.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List categories and questions, or print one category as a guide.
    Guide {
        /// Category id (`partnerships`); without it, list all categories and their questions.
        category: Option<String>,
        /// Print the catalog (or the category) as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check drafts against the rubric and report findings (exit status 1 when some are at or
    /// above `--deny`, 2 on errors).
    Check(check::CheckArgs),
    /// Run the language server over stdin and stdout.
    Lsp,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Guide { category, json } => {
            let _ = (category, json);
            Ok(())
        }
        Command::Check(args) => std::process::exit(i32::from(check::run(&args))),
        Command::Lsp => {
            interview_coach::lsp::logging::init();
            let code = interview_coach::lsp::run()?;
            std::process::exit(code)
        }
    }
}
