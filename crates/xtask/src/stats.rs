//! Percentiles and medians over latency samples.

use serde::Serialize;

/// The nearest-rank percentile `p` (0–100] of `samples`: the smallest sample such that at least
/// `p` % of the samples are less than or equal to it. `None` for no samples.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// The median of `values`: the middle value, or the mean of the two middle values.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// The latency distribution of one series of edits, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// How many samples.
    pub n: usize,
    /// Median (nearest rank).
    pub p50: f64,
    /// 90th percentile (nearest rank).
    pub p90: f64,
    /// 99th percentile (nearest rank).
    pub p99: f64,
    /// Largest sample.
    pub max: f64,
}

impl Summary {
    /// Summarises `samples`; `None` for no samples.
    pub fn of(samples: &[f64]) -> Option<Summary> {
        Some(Summary {
            n: samples.len(),
            p50: percentile(samples, 50.0)?,
            p90: percentile(samples, 90.0)?,
            p99: percentile(samples, 99.0)?,
            max: percentile(samples, 100.0)?,
        })
    }

    /// The field-wise median of several runs' summaries; `n` is the smallest run's.
    pub fn median_of(runs: &[Summary]) -> Option<Summary> {
        let field = |f: fn(&Summary) -> f64| median(&runs.iter().map(f).collect::<Vec<_>>());
        Some(Summary {
            n: runs.iter().map(|s| s.n).min()?,
            p50: field(|s| s.p50)?,
            p90: field(|s| s.p90)?,
            p99: field(|s| s.p99)?,
            max: field(|s| s.max)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles_of_one_to_hundred() {
        let samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(percentile(&samples, 50.0), Some(50.0));
        assert_eq!(percentile(&samples, 90.0), Some(90.0));
        assert_eq!(percentile(&samples, 99.0), Some(99.0));
        assert_eq!(percentile(&samples, 100.0), Some(100.0));
        assert_eq!(percentile(&samples, 0.5), Some(1.0));
    }

    #[test]
    fn percentile_of_few_samples_rounds_rank_up() {
        let samples = [3.0, 1.0, 2.0];
        assert_eq!(percentile(&samples, 50.0), Some(2.0));
        assert_eq!(percentile(&samples, 99.0), Some(3.0));
        assert_eq!(percentile(&samples, 0.0), Some(1.0));
        assert_eq!(percentile(&[7.5], 99.0), Some(7.5));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn summary_and_median_of_runs() {
        let a = Summary::of(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!((a.n, a.p50, a.p90, a.max), (4, 2.0, 4.0, 4.0));
        let b = Summary::of(&[10.0, 20.0]).unwrap();
        let c = Summary::of(&[5.0, 6.0, 7.0]).unwrap();
        let m = Summary::median_of(&[a, b, c]).unwrap();
        assert_eq!(m.n, 2);
        assert_eq!(m.p50, 6.0);
        assert_eq!(m.max, 7.0);
        assert_eq!(Summary::median_of(&[]), None);
    }
}
