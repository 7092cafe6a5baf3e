//! A fixed workload timed before and after a benchmark. On a machine whose speed varies (a
//! virtual machine whose host is shared), figures from two runs compare only when the gauge read
//! alike in both; within one run, servers alternate, so they compare anyway.

use std::hint::black_box;
use std::time::Instant;

/// Rounds of the workload: about 60 ms on one core of a current server CPU.
const ROUNDS: u64 = 30_000_000;

/// Milliseconds the workload takes on one thread, the median of three tries.
pub fn milliseconds() -> f64 {
    let mut tries: Vec<f64> = (0..3).map(|_| once(ROUNDS)).collect();
    tries.sort_by(f64::total_cmp);
    tries[1]
}

/// One try: `rounds` steps of xorshift, each depending on the last, so that neither the compiler
/// nor the processor can skip or overlap them.
fn once(rounds: u64) -> f64 {
    let start = Instant::now();
    let mut x = black_box(0x9E37_79B9_7F4A_7C15_u64);
    for _ in 0..rounds {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    black_box(x);
    start.elapsed().as_secs_f64() * 1e3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_rounds_take_longer() {
        // Ten times the work: even on a machine that slows down in between, far more time.
        let (short, long) = (once(1_000_000), once(10_000_000));
        assert!(long > short * 2.0, "{short} ms, then {long} ms");
    }
}
