//! How long to wait before the next attempt: exponential, capped, with full
//! jitter so many clients do not hammer a recovering portal in step.

use std::time::Duration;

use rand::Rng;

/// The delay before attempt `attempts + 1`: a random time between half and
/// all of `base × 2^attempts`, never above `cap`.
pub fn delay(attempts: u32, base: Duration, cap: Duration) -> Duration {
    let ceiling = base.saturating_mul(2u32.saturating_pow(attempts.min(20))).min(cap);
    let half = ceiling / 2;
    half + rand::rng().random_range(Duration::ZERO..=half)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_exponentially_within_the_cap_with_jitter() {
        let (base, cap) = (Duration::from_secs(2), Duration::from_secs(300));
        for attempts in 0..12 {
            let ceiling = (base * 2u32.pow(attempts)).min(cap);
            for _ in 0..50 {
                let d = delay(attempts, base, cap);
                assert!(
                    d >= ceiling / 2 && d <= ceiling,
                    "attempt {attempts}: {d:?} within [{:?}, {ceiling:?}]",
                    ceiling / 2
                );
            }
        }
        let samples: std::collections::HashSet<Duration> = (0..20).map(|_| delay(5, base, cap)).collect();
        assert!(samples.len() > 1, "jitter spreads retries");
    }
}
