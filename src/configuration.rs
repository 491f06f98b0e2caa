//! Typed settings: defaults in code, overridden by flags and environment variables.

use std::fmt;

use anyhow::bail;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A secret that never appears in `Debug` output or logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([REDACTED])")
    }
}

/// The session-cookie key used when none is configured. Fine on a laptop; refused in production.
pub const DEVELOPMENT_SESSION_SECRET: &str =
    "development-only-session-secret-do-not-use-in-production-0123456789abcdef";

pub const DEFAULT_DATABASE_URL: &str = "sqlite://hosted-checkout.db";

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: Secret,
    pub bind: String,
    /// Base of hosted links, e.g. `https://pay.example.com`. Defaults to `http://{bind}`.
    pub public_url: String,
    pub environment: Environment,
    /// Key for the signed, encrypted session cookie (at least 64 bytes).
    pub session_secret: Secret,
    pub log_format: LogFormat,
    /// Seed a demo organisation on an empty database (never in production).
    pub demo: bool,
    pub db_max_connections: u32,
    pub db_acquire_timeout_ms: u64,
    /// How often the sweeper marks expired sessions (0 disables it).
    pub expiry_sweep_seconds: u64,
    /// How long a client may take to send its request head before it is answered 408.
    pub client_timeout_ms: u64,
    /// A session's lifetime when its creator gives no `expires_at` (`CHECKOUT_TTL`).
    pub checkout_ttl: std::time::Duration,
    /// Where `/metrics` listens (`METRICS_BIND`); `None`: no metrics listener.
    pub metrics_bind: Option<String>,
    /// API requests per second per API key, per process (`API_RATE_LIMIT`; 0: off).
    pub api_rate_limit: u32,
    /// Hosted form POSTs per minute per checkout session, per process
    /// (`HOSTED_POST_RATE_LIMIT`; 0: off).
    pub hosted_post_rate_limit: u32,
    /// Checkout-link visits (each creates a session) per minute per client address, per
    /// process (`LINK_OPEN_RATE_LIMIT`; 0: off).
    pub link_open_rate_limit: u32,
    /// Console sign-in attempts per minute per account (four times as many per client
    /// address), per process (`LOGIN_RATE_LIMIT`; 0: off).
    pub login_rate_limit: u32,
    /// Run the webhook delivery worker in this process (`WEBHOOK_WORKER=off`: not).
    pub webhook_worker: bool,
    /// Seconds between the attempts of a delivery after the first (`WEBHOOK_RETRY_SCHEDULE`).
    pub webhook_retry_schedule: Vec<u64>,
    /// An attempt without an answer in this long fails (`WEBHOOK_TIMEOUT`, default 15 s).
    pub webhook_timeout: std::time::Duration,
    /// How long a worker holds a claimed delivery (`WEBHOOK_LEASE`, default 60 s).
    pub webhook_lease: std::time::Duration,
    /// Addresses deliveries may reach although they are not public (`WEBHOOK_ALLOWED_CIDRS`).
    pub webhook_allowed_cidrs: Vec<ipnet::IpNet>,
}

/// The default [`Settings::checkout_ttl`]: 24 hours.
pub const DEFAULT_CHECKOUT_TTL: std::time::Duration =
    std::time::Duration::from_secs(crate::services::checkouts::DEFAULT_TTL_HOURS as u64 * 3600);
/// The longest a session may live (SPEC §5: `expires_at` at most 30 days ahead).
pub const MAX_CHECKOUT_TTL: std::time::Duration =
    std::time::Duration::from_secs(crate::services::checkouts::MAX_TTL_DAYS as u64 * 24 * 3600);

/// `CHECKOUT_TTL`: a duration such as `24h`, `90m`, `7d` or `1h 30m` (humantime), or plain seconds.
pub fn parse_ttl(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(std::time::Duration::from_secs(secs));
    }
    humantime::parse_duration(s).map_err(|e| format!("not a duration ({e}); try 24h or 3600"))
}

impl Settings {
    /// Development defaults: SQLite file, port 8080, demo data.
    pub fn development() -> Self {
        Self {
            database_url: Secret::new(DEFAULT_DATABASE_URL),
            bind: "127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8080".into(),
            environment: Environment::Development,
            session_secret: Secret::new(DEVELOPMENT_SESSION_SECRET),
            log_format: LogFormat::Pretty,
            demo: true,
            db_max_connections: 10,
            db_acquire_timeout_ms: 3000,
            expiry_sweep_seconds: 60,
            client_timeout_ms: 10_000,
            checkout_ttl: DEFAULT_CHECKOUT_TTL,
            metrics_bind: None,
            api_rate_limit: 100,
            hosted_post_rate_limit: 60,
            link_open_rate_limit: 60,
            login_rate_limit: 5,
            webhook_worker: true,
            webhook_retry_schedule: crate::services::webhooks::worker::DEFAULT_SCHEDULE.to_vec(),
            webhook_timeout: std::time::Duration::from_secs(15),
            webhook_lease: std::time::Duration::from_secs(60),
            webhook_allowed_cidrs: Vec::new(),
        }
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// Refuses settings that are unsafe or meaningless.
    pub fn validate(&self) -> anyhow::Result<()> {
        crate::storage::Backend::from_url(self.database_url.expose())?;
        if self.session_secret.expose().len() < 64 {
            bail!("SESSION_SECRET must be at least 64 characters");
        }
        let url = url::Url::parse(&self.public_url)
            .map_err(|e| anyhow::anyhow!("PUBLIC_URL is not a URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            bail!("PUBLIC_URL must be http or https");
        }
        if self.checkout_ttl.is_zero() || self.checkout_ttl > MAX_CHECKOUT_TTL {
            bail!("CHECKOUT_TTL must be more than 0 and at most 30 days");
        }
        if self.webhook_timeout.is_zero() || self.webhook_lease <= self.webhook_timeout {
            bail!("WEBHOOK_LEASE must be longer than WEBHOOK_TIMEOUT, which must be more than 0");
        }
        if self.webhook_lease > std::time::Duration::from_secs(60) {
            bail!("WEBHOOK_LEASE must be at most 60 seconds");
        }
        if self.is_production() {
            if self.session_secret.expose() == DEVELOPMENT_SESSION_SECRET {
                bail!("production mode refuses the development SESSION_SECRET: set your own");
            }
            if self.demo {
                bail!("production mode never seeds demo data: remove --demo / DEMO");
            }
        }
        Ok(())
    }

    /// What the delivery worker runs with.
    pub fn webhook_worker_settings(&self) -> crate::services::webhooks::worker::WorkerSettings {
        crate::services::webhooks::worker::WorkerSettings {
            schedule: self.webhook_retry_schedule.clone(),
            timeout: self.webhook_timeout,
            lease: self.webhook_lease,
            ..Default::default()
        }
    }

    /// The SSRF guard for this environment.
    pub fn webhook_policy(&self) -> crate::services::webhooks::ssrf::AddressPolicy {
        crate::services::webhooks::ssrf::AddressPolicy {
            production: self.is_production(),
            allowed: self.webhook_allowed_cidrs.clone(),
        }
    }

    pub fn public_url_trimmed(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkout_ttl_reads_durations_and_stays_within_30_days() {
        assert_eq!(parse_ttl("24h"), Ok(DEFAULT_CHECKOUT_TTL));
        assert_eq!(parse_ttl("90m"), Ok(std::time::Duration::from_secs(5400)));
        assert_eq!(parse_ttl("3600"), Ok(std::time::Duration::from_secs(3600)));
        assert!(parse_ttl("soon").is_err());
        let mut s = Settings::development();
        assert!(s.validate().is_ok());
        s.checkout_ttl = MAX_CHECKOUT_TTL;
        assert!(s.validate().is_ok());
        s.checkout_ttl = MAX_CHECKOUT_TTL + std::time::Duration::from_secs(1);
        assert!(s.validate().is_err());
        s.checkout_ttl = std::time::Duration::ZERO;
        assert!(s.validate().is_err());
    }

    #[test]
    fn debug_redacts_secrets() {
        let s = Settings::development();
        let dbg = format!("{s:?}");
        assert!(!dbg.contains(DEVELOPMENT_SESSION_SECRET));
        assert!(!dbg.contains("hosted-checkout.db"));
        assert!(dbg.contains("REDACTED"));
    }

    #[test]
    fn production_refuses_development_secret_and_demo() {
        let mut s = Settings::development();
        s.environment = Environment::Production;
        s.demo = false;
        assert!(s.validate().is_err());
        s.session_secret = Secret::new("x".repeat(64));
        assert!(s.validate().is_ok());
        s.demo = true;
        assert!(s.validate().is_err());
    }

    #[test]
    fn unknown_database_scheme_is_an_error() {
        let mut s = Settings::development();
        s.database_url = Secret::new("mysql://localhost/db");
        assert!(s.validate().is_err());
    }
}
