//! Rate limits (SPEC §13, §14), per process: API requests per API key, hosted form POSTs per
//! checkout session, checkout-link visits per client address, console sign-ins per account and
//! per address. Over a limit is `429` with `Retry-After` (problem+json on the API, a page
//! on the hosted side); the rest of the service is unaffected. Each limit is a setting; `0`
//! turns it off. Kept in process memory on purpose: a limit per process is what the spec asks,
//! and nothing about correctness depends on it.

use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use uuid::Uuid;

use crate::configuration::Settings;
use crate::error::AppError;

/// One keyed limit: a GCRA bucket per key (governor), refilled at the quota's rate.
pub struct Limit<K: Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
    clock: DefaultClock,
}

impl<K: Hash + Eq + Clone> Limit<K> {
    fn new(quota: Option<Quota>) -> Option<Self> {
        Some(Self {
            limiter: DefaultKeyedRateLimiter::keyed(quota?),
            clock: DefaultClock::default(),
        })
    }

    /// `Ok` if `key` may go on; else `429` with how long to wait.
    fn check(&self, key: &K) -> Result<(), AppError> {
        self.limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            AppError::TooManyRequests {
                retry_after: retry_after_seconds(wait),
            }
        })
    }

    /// Forgets keys whose bucket is full again (they would be new to the limiter anyway).
    fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

/// Whole seconds to put in `Retry-After`: the wait rounded up, at least 1.
fn retry_after_seconds(wait: Duration) -> u64 {
    u64::try_from(wait.as_millis().div_ceil(1000))
        .unwrap_or(u64::MAX)
        .max(1)
}

/// Every limit of this process (`web::Data<Limits>`).
pub struct Limits {
    api: Option<Limit<String>>,
    hosted_post: Option<Limit<Uuid>>,
    link_open: Option<Limit<IpAddr>>,
    login_email: Option<Limit<String>>,
    login_address: Option<Limit<IpAddr>>,
}

impl Limits {
    pub fn new(settings: &Settings) -> Self {
        Self {
            api: Limit::new(NonZeroU32::new(settings.api_rate_limit).map(Quota::per_second)),
            hosted_post: Limit::new(
                NonZeroU32::new(settings.hosted_post_rate_limit).map(Quota::per_minute),
            ),
            link_open: Limit::new(
                NonZeroU32::new(settings.link_open_rate_limit).map(Quota::per_minute),
            ),
            login_email: Limit::new(
                NonZeroU32::new(settings.login_rate_limit).map(Quota::per_minute),
            ),
            // One address may try a few accounts (an office behind one NAT), not many.
            login_address: Limit::new(
                NonZeroU32::new(settings.login_rate_limit.saturating_mul(4)).map(Quota::per_minute),
            ),
        }
    }

    /// An API request with the key whose hash is `key_hash`.
    pub fn api(&self, key_hash: &str) -> Result<(), AppError> {
        match &self.api {
            Some(l) => l.check(&key_hash.to_owned()),
            None => Ok(()),
        }
    }

    /// A form POST on the hosted pages of session `id`.
    pub fn hosted_post(&self, id: Uuid) -> Result<(), AppError> {
        match &self.hosted_post {
            Some(l) => l.check(&id),
            None => Ok(()),
        }
    }

    /// A visit to a checkout link (it creates a session) from the client address `ip`.
    pub fn link_open(&self, ip: IpAddr) -> Result<(), AppError> {
        match &self.link_open {
            Some(l) => l.check(&ip),
            None => Ok(()),
        }
    }

    /// A console sign-in attempt for `email_key` from `ip`: limited per account (against
    /// guessing one password from many addresses) and per address (against trying many).
    pub fn login(&self, email_key: &str, ip: IpAddr) -> Result<(), AppError> {
        if let Some(l) = &self.login_address {
            l.check(&ip)?;
        }
        match &self.login_email {
            Some(l) => l.check(&email_key.to_owned()),
            None => Ok(()),
        }
    }

    /// Drops the state of keys that have been quiet (run now and then: memory stays bounded by
    /// the keys active in the last refill period).
    pub fn forget_idle(&self) {
        if let Some(l) = &self.api {
            l.forget_idle();
        }
        if let Some(l) = &self.hosted_post {
            l.forget_idle();
        }
        if let Some(l) = &self.link_open {
            l.forget_idle();
        }
        if let Some(l) = &self.login_email {
            l.forget_idle();
        }
        if let Some(l) = &self.login_address {
            l.forget_idle();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_over_the_quota_waits_and_other_keys_do_not() {
        let limit = Limit::new(NonZeroU32::new(3).map(Quota::per_minute)).expect("on");
        for _ in 0..3 {
            assert!(limit.check(&"a").is_ok());
        }
        match limit.check(&"a") {
            Err(AppError::TooManyRequests { retry_after }) => {
                assert!((1..=20).contains(&retry_after), "{retry_after}")
            }
            other => panic!("expected 429, got {other:?}"),
        }
        assert!(limit.check(&"b").is_ok());
    }

    #[test]
    fn zero_turns_a_limit_off() {
        assert!(Limit::<u8>::new(NonZeroU32::new(0).map(Quota::per_second)).is_none());
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(retry_after_seconds(Duration::from_secs(3)), 3);
        assert_eq!(retry_after_seconds(Duration::ZERO), 1);
    }
}
