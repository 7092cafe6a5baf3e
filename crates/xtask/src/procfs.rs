//! Resource use of a process from Linux's `/proc`.

use std::fs;

/// Kernel clock ticks per second in `/proc/<pid>/stat` (`USER_HZ`, 100 on every Linux ABI).
const TICKS_PER_SECOND: f64 = 100.0;

/// Peak resident set size (`VmHWM`) and CPU time (user + system) of a running process.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usage {
    /// Peak resident set size in kibibytes.
    pub peak_rss_kib: u64,
    /// CPU seconds spent in user and kernel mode.
    pub cpu_seconds: f64,
}

/// Reads the usage of process `pid`, or `None` when `/proc` does not have it.
pub fn usage(pid: u32) -> Option<Usage> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    Some(Usage {
        peak_rss_kib: peak_rss_kib(&status)?,
        cpu_seconds: cpu_ticks(&stat)? as f64 / TICKS_PER_SECOND,
    })
}

/// `VmHWM` from the text of `/proc/<pid>/status`, in kibibytes.
fn peak_rss_kib(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// `utime + stime` (fields 14 and 15) from the text of `/proc/<pid>/stat`. The command name (field
/// 2) may hold spaces and parentheses, so fields are counted from its last `)`.
fn cpu_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_peak_rss() {
        let status =
            "Name:\tharper-ls\nVmPeak:\t  99000 kB\nVmHWM:\t   12345 kB\nVmRSS:\t 1000 kB\n";
        assert_eq!(peak_rss_kib(status), Some(12345));
        assert_eq!(peak_rss_kib("Name: x\n"), None);
    }

    #[test]
    fn parses_cpu_ticks_after_an_awkward_command_name() {
        let stat = "4242 (a) b (c) S 1 4242 4242 0 -1 4194560 300 0 0 0 150 27 0 0 20 0 4 0 1 2 3";
        assert_eq!(cpu_ticks(stat), Some(177));
        assert_eq!(cpu_ticks("4242 (x) S 1"), None);
    }

    #[test]
    fn reads_this_process() {
        let usage = usage(std::process::id()).expect("/proc is mounted");
        assert!(usage.peak_rss_kib > 0);
    }
}
