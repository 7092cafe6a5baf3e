//! The benchmark's results as a Markdown table or JSON.

use std::fmt::Write as _;

use serde::Serialize;

use crate::bench::{BurstMethod, Measurement};

/// Every result of one invocation.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Runs per server and size.
    pub runs: usize,
    /// Keystrokes asked for in the sequential series.
    pub edits: usize,
    /// Keystrokes in the burst.
    pub burst: usize,
    /// Seed of the generated drafts.
    pub seed: u64,
    /// The machine gauge ([`crate::gauge`]) before the first run and after the last, in ms.
    pub gauge_ms: (f64, f64),
    /// One entry per draft size.
    pub sizes: Vec<SizeReport>,
}

/// Results for one draft size.
#[derive(Debug, Serialize)]
pub struct SizeReport {
    /// Words in the draft.
    pub words: usize,
    /// Bytes in the draft.
    pub bytes: usize,
    /// One entry per server, in command-line order.
    pub servers: Vec<ServerReport>,
}

/// One server's results at one size.
#[derive(Debug, Serialize)]
pub struct ServerReport {
    /// Name given with `--name`.
    pub name: String,
    /// The command line.
    pub command: String,
    /// Each successful run.
    pub runs: Vec<Measurement>,
    /// The field-wise median of the runs.
    pub median: Option<Measurement>,
    /// Why runs failed.
    pub errors: Vec<String>,
}

/// A number of milliseconds with as many decimals as its size deserves.
fn millis(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2}")
    } else if value < 100.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    }
}

/// Renders the report as Markdown: a table per size, servers as rows.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    for size in &report.sizes {
        let _ = writeln!(
            out,
            "#### {} words ({} bytes)\n",
            thousands(size.words),
            thousands(size.bytes)
        );
        let baseline = size.servers.first();
        let _ = writeln!(
            out,
            "| server | start-up ms | open → diagnostics ms | keystroke p50 ms | p90 ms | p99 ms | \
             max ms | CPU ms per keystroke | burst → final ms | peak RSS MiB | CPU s | keystrokes + burst | p50 ÷ {} |",
            baseline.map_or("first", |b| b.name.as_str())
        );
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        let base_p50 = baseline
            .and_then(|b| b.median.as_ref())
            .map(|m| m.keystroke.p50);
        for server in &size.servers {
            let Some(m) = &server.median else {
                let why = server.errors.first().map_or("no runs", String::as_str);
                let _ = writeln!(
                    out,
                    "| {} | failed: {} ||||||||||||",
                    server.name,
                    why.replace('|', "/")
                );
                continue;
            };
            let ratio =
                base_p50.map_or("–".to_owned(), |b| format!("{:.1}×", m.keystroke.p50 / b));
            let burst_mark = match m.burst_method {
                BurstMethod::Versioned => "",
                BurstMethod::Settled => " ‡",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {}{} | {:.1} | {:.2} | {} + {} | {} |",
                server.name,
                millis(m.startup_ms),
                millis(m.open_ms),
                millis(m.keystroke.p50),
                millis(m.keystroke.p90),
                millis(m.keystroke.p99),
                millis(m.keystroke.max),
                millis(m.keystroke_cpu_ms),
                millis(m.burst_ms),
                burst_mark,
                m.peak_rss_mib,
                m.cpu_seconds,
                m.keystroke.n,
                m.burst_edits,
                ratio,
            );
        }
        out.push('\n');
        for server in &size.servers {
            let failed = server.errors.len();
            if failed > 0 && server.median.is_some() {
                let _ = writeln!(
                    out,
                    "{}: {failed} of {} runs failed ({}).\n",
                    server.name,
                    failed + server.runs.len(),
                    server.errors[0]
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "Medians of {} run(s), each on a fresh server process. ‡ unversioned diagnostics: the burst \
         ends at the last publication before a quiet period (at least the settle time, and twice \
         the slowest keystroke). CPU per keystroke is the server's user + system time over the \
         keystroke series divided by its keystrokes (10 ms clock ticks).",
        report.runs
    );
    let (before, after) = report.gauge_ms;
    let _ = writeln!(
        out,
        "\nMachine gauge (a fixed single-thread workload; compare runs whose gauges read alike): \
         {before:.0} ms before the runs, {after:.0} ms after."
    );
    out
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Summary;

    fn measurement(p50: f64) -> Measurement {
        Measurement {
            startup_ms: 3.0,
            open_ms: 1.5,
            keystroke: Summary {
                n: 200,
                p50,
                p90: p50 * 2.0,
                p99: p50 * 3.0,
                max: p50 * 4.0,
            },
            keystroke_cpu_ms: 0.4,
            burst_ms: 250.0,
            burst_edits: 50,
            burst_method: BurstMethod::Settled,
            burst_publications: 50,
            peak_rss_mib: 12.0,
            cpu_seconds: 0.5,
            full_sync: true,
        }
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(300), "300");
        assert_eq!(thousands(3_000), "3,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn tables_show_ratios_to_the_first_server_and_failures() {
        let server = |name: &str, p50: Option<f64>| ServerReport {
            name: name.to_owned(),
            command: name.to_owned(),
            runs: p50.map(measurement).into_iter().collect(),
            median: p50.map(measurement),
            errors: if p50.is_some() {
                vec![]
            } else {
                vec!["timed out".to_owned()]
            },
        };
        let report = Report {
            runs: 1,
            edits: 200,
            burst: 50,
            seed: 1,
            gauge_ms: (61.4, 118.9),
            sizes: vec![SizeReport {
                words: 3_000,
                bytes: 19_000,
                servers: vec![
                    server("a", Some(0.5)),
                    server("b", Some(20.0)),
                    server("c", None),
                ],
            }],
        };
        let md = markdown(&report);
        assert!(md.contains("#### 3,000 words (19,000 bytes)"));
        assert!(md.contains(
            "| a | 3.00 | 1.50 | 0.50 | 1.00 | 1.50 | 2.00 | 0.40 | 250 ‡ | 12.0 | 0.50 | 200 + 50 | 1.0× |"
        ));
        assert!(md.contains(
            "| b | 3.00 | 1.50 | 20.0 | 40.0 | 60.0 | 80.0 | 0.40 | 250 ‡ | 12.0 | 0.50 | 200 + 50 | 40.0× |"
        ));
        assert!(md.contains("| c | failed: timed out |"));
        assert!(md.contains("61 ms before the runs, 119 ms after."));
    }
}
