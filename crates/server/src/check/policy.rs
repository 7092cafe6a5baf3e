//! The exit status: 0 clean, 1 findings at or above `--deny`, 2 usage or I/O errors.

use clap::ValueEnum;
use interview_rubric::Severity;

/// The lowest severity that fails the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Any finding fails.
    Hint,
    /// Information, warnings and errors fail.
    Information,
    /// Warnings and errors fail.
    Warning,
    /// Only errors fail.
    Error,
    /// Findings never fail the check.
    Never,
}

impl Deny {
    /// Whether a finding of this severity fails the check.
    pub fn denies(self, severity: Severity) -> bool {
        let floor = match self {
            Deny::Hint => Severity::Hint,
            Deny::Information => Severity::Information,
            Deny::Warning => Severity::Warning,
            Deny::Error => Severity::Error,
            Deny::Never => return false,
        };
        severity >= floor
    }
}

/// Exit status 0: nothing at or above the deny level.
pub const CLEAN: u8 = 0;
/// Exit status 1: findings at or above the deny level.
pub const FINDINGS: u8 = 1;
/// Exit status 2: a usage, configuration or I/O error (it wins over findings).
pub const ERROR: u8 = 2;

/// The exit status for a run that met `errors` errors and these finding severities.
pub fn exit_status(
    deny: Deny,
    errors: usize,
    severities: impl IntoIterator<Item = Severity>,
) -> u8 {
    if errors > 0 {
        ERROR
    } else if severities.into_iter().any(|s| deny.denies(s)) {
        FINDINGS
    } else {
        CLEAN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Severity::*;

    #[test]
    fn warnings_fail_by_default_and_information_does_not() {
        assert_eq!(exit_status(Deny::Warning, 0, [Hint, Information]), CLEAN);
        assert_eq!(exit_status(Deny::Warning, 0, [Hint, Warning]), FINDINGS);
        assert_eq!(exit_status(Deny::Warning, 0, [Error]), FINDINGS);
        assert_eq!(exit_status(Deny::Warning, 0, []), CLEAN);
    }

    #[test]
    fn each_deny_level_is_a_floor() {
        let cases = [
            (Deny::Hint, [true, true, true, true]),
            (Deny::Information, [false, true, true, true]),
            (Deny::Warning, [false, false, true, true]),
            (Deny::Error, [false, false, false, true]),
            (Deny::Never, [false, false, false, false]),
        ];
        for (deny, expected) in cases {
            let got = [Hint, Information, Warning, Error].map(|s| deny.denies(s));
            assert_eq!(got, expected, "{deny:?}");
        }
    }

    #[test]
    fn errors_win_over_findings() {
        assert_eq!(exit_status(Deny::Never, 1, []), ERROR);
        assert_eq!(exit_status(Deny::Hint, 2, [Error]), ERROR);
    }
}
