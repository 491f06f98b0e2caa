//! The delivery worker (SPEC §8), one in every `serve` process unless `WEBHOOK_WORKER=off`.
//!
//! A loop claims due deliveries under a lease (a random token and an expiry, written in one
//! statement: PostgreSQL skips rows another process is claiming, SQLite claims under its write
//! lock), sends each on its own task (at most `concurrency` at once), and hands the results to
//! a recorder that writes them in batches, each under the lease it was made with. A process
//! that dies mid-attempt leaves a lease that expires; another claim then sends the delivery
//! again, with the same `webhook-id`. The loop is woken at once by a local commit that wrote
//! events ([`Outbox`](crate::services::events::Outbox)) and polls for work written elsewhere.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rand::Rng as _;
use tokio::sync::{Semaphore, mpsc};
use uuid::Uuid;

use super::signature;
use super::ssrf::{self, AddressPolicy, GuardedResolver};
use crate::domain::events::Attempt;
use crate::services::Ctx;
use crate::storage::{AttemptOutcome, AttemptResult, Claimed};

/// The default retry schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
pub const DEFAULT_SCHEDULE: [u64; 7] = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000];
/// An endpoint whose every delivery failed for this long is disabled.
pub const DISABLE_AFTER_DAYS: i64 = 5;
/// A `Retry-After` is honoured up to this many seconds.
const MAX_RETRY_AFTER: u64 = 3_600;
/// After a wake-up, the worker waits this long before it claims, gathering the commits of a
/// burst into one claim.
const WAKE_COALESCE: Duration = Duration::from_millis(10);
/// At most this much of a receiver's answer is read (and then dropped).
const MAX_BODY: usize = 64 * 1024;

#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Seconds to wait after each failed attempt (the first attempt is at once).
    pub schedule: Vec<u64>,
    /// An attempt that has no answer in this long fails.
    pub timeout: Duration,
    /// How long a claim holds a delivery (more than `timeout`).
    pub lease: Duration,
    /// How often to look for work written by other processes (and retries coming due).
    pub poll: Duration,
    /// Attempts in flight at once.
    pub concurrency: usize,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            schedule: DEFAULT_SCHEDULE.to_vec(),
            timeout: Duration::from_secs(15),
            lease: Duration::from_secs(60),
            poll: Duration::from_secs(1),
            concurrency: 64,
        }
    }
}

impl WorkerSettings {
    /// Parses `WEBHOOK_RETRY_SCHEDULE` (comma-separated seconds).
    pub fn parse_schedule(s: &str) -> Result<Vec<u64>, String> {
        s.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<u64>()
                    .map_err(|_| format!("{p:?} is not a number of seconds"))
            })
            .collect()
    }
}

/// What an attempt's answer means for the delivery.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Succeeded,
    Gone,
    /// Failed; retry no sooner than this (a `Retry-After`), if given.
    Failed {
        retry_after: Option<u64>,
    },
}

/// `2xx` succeeds; `410` disables; `429`/`503` may say when to come back; anything else fails.
pub fn verdict(status: u16, retry_after: Option<&str>) -> Verdict {
    match status {
        200..=299 => Verdict::Succeeded,
        410 => Verdict::Gone,
        429 | 503 => Verdict::Failed {
            retry_after: retry_after
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(|s| s.min(MAX_RETRY_AFTER)),
        },
        _ => Verdict::Failed { retry_after: None },
    }
}

/// When attempt `number` (1-based) failed at `at`, the next one: the schedule's delay with
/// ±10 % jitter, or the receiver's `Retry-After` (at most 1 h); `None` when the schedule is
/// used up.
pub fn next_attempt(
    schedule: &[u64],
    number: i64,
    at: DateTime<Utc>,
    retry_after: Option<u64>,
) -> Option<DateTime<Utc>> {
    let index = usize::try_from(number - 1).ok()?;
    let delay = *schedule.get(index)?;
    let millis = match retry_after {
        Some(s) => s * 1000,
        None => delay * 1000 * rand::rng().random_range(900..=1100) / 1000,
    };
    Some(at + chrono::Duration::milliseconds(i64::try_from(millis).ok()?))
}

/// The client every attempt uses: no redirects, no proxy, the timeout, the guarded resolver.
pub fn client(
    policy: Arc<AddressPolicy>,
    timeout: Duration,
) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(concat!(
            "hosted-checkout-webhooks/",
            env!("CARGO_PKG_VERSION")
        ))
        .dns_resolver(GuardedResolver { policy })
        .build()
}

/// Starts the worker on the current runtime.
pub fn spawn(ctx: Ctx, settings: WorkerSettings) -> anyhow::Result<()> {
    let client = client(ctx.webhook_policy.clone(), settings.timeout)?;
    let (results, rx) = mpsc::channel(4 * settings.concurrency.max(1));
    tokio::spawn(record(
        ctx.clone(),
        rx,
        pause_after_failure(&settings.schedule),
    ));
    tokio::spawn(claim_loop(ctx, settings, client, results));
    Ok(())
}

async fn claim_loop(
    ctx: Ctx,
    settings: WorkerSettings,
    client: reqwest::Client,
    results: mpsc::Sender<AttemptResult>,
) {
    let slots = Arc::new(Semaphore::new(settings.concurrency.max(1)));
    let schedule: Arc<[u64]> = settings.schedule.clone().into();
    let lease_for =
        chrono::Duration::from_std(settings.lease).unwrap_or(chrono::Duration::seconds(60));
    loop {
        // Wait for a free slot before claiming: a claim holds its deliveries for the lease.
        let free = match slots.clone().acquire_owned().await {
            Ok(permit) => {
                drop(permit);
                slots.available_permits()
            }
            Err(_) => return,
        };
        let limit = free.min(100) as i64;
        let lease = Uuid::new_v4();
        let now = ctx.clock.now();
        let claimed = match ctx
            .store
            .claim_deliveries(lease, now, now + lease_for, limit)
            .await
        {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "claiming webhook deliveries failed");
                tokio::time::sleep(settings.poll).await;
                continue;
            }
        };
        let full = claimed.len() as i64 == limit;
        for c in claimed {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let (ctx, client, results, schedule) = (
                ctx.clone(),
                client.clone(),
                results.clone(),
                schedule.clone(),
            );
            tokio::spawn(async move {
                let r = attempt(&ctx, &client, &schedule, lease, c).await;
                let _ = results.send(r).await;
                drop(permit);
            });
        }
        if !full {
            tokio::select! {
                _ = ctx.outbox.woken() => {
                    // Commits wake the worker as fast as they come (every confirm writes
                    // events, with or without endpoints): claim at most every few
                    // milliseconds, so that a burst of commits costs one claim, not one each
                    // (a claim is a write transaction, under SQLite's write lock).
                    tokio::time::sleep(WAKE_COALESCE).await;
                }
                _ = tokio::time::sleep(settings.poll) => {}
            }
        }
    }
}

/// Writes results in batches of what has arrived; a failed write leaves the leases to expire
/// (those deliveries are sent again).
async fn record(ctx: Ctx, mut rx: mpsc::Receiver<AttemptResult>, pause: chrono::Duration) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < 256 {
            match rx.try_recv() {
                Ok(r) => batch.push(r),
                Err(_) => break,
            }
        }
        let now = ctx.clock.now();
        let before = now - chrono::Duration::days(DISABLE_AFTER_DAYS);
        let reason = format!("every delivery failed for {DISABLE_AFTER_DAYS} days");
        match ctx
            .store
            .record_attempts(&batch, now, before, &reason, now + pause)
            .await
        {
            Ok(()) => count(&batch),
            Err(e) => {
                tracing::warn!(error = %e, n = batch.len(), "recording webhook attempts failed")
            }
        }
    }
}

/// After a failed attempt an endpoint's other deliveries wait this long (the schedule's first
/// delay, at most 5 s): a receiver that is down, with a backlog, gets a batch of probes per
/// pause instead of the whole backlog at once, and the first success ends the pause.
pub fn pause_after_failure(schedule: &[u64]) -> chrono::Duration {
    let secs = schedule.first().copied().unwrap_or(5).clamp(1, 5);
    chrono::Duration::seconds(i64::try_from(secs).unwrap_or(5))
}

/// `webhook_attempts_total{outcome}` (succeeded, retry, failed, gone) and
/// `webhook_attempt_duration_seconds` on `/metrics`.
fn count(batch: &[AttemptResult]) {
    for r in batch {
        let outcome = match r.outcome {
            AttemptOutcome::Succeeded => "succeeded",
            AttemptOutcome::Retry => "retry",
            AttemptOutcome::Failed => "failed",
            AttemptOutcome::Gone { .. } => "gone",
        };
        metrics::counter!("webhook_attempts_total", "outcome" => outcome).increment(1);
        metrics::histogram!("webhook_attempt_duration_seconds")
            .record(r.attempt.duration_ms as f64 / 1000.0);
    }
}

/// One attempt of one delivery.
async fn attempt(
    ctx: &Ctx,
    client: &reqwest::Client,
    schedule: &[u64],
    lease: Uuid,
    c: Claimed,
) -> AttemptResult {
    let number = c.attempt_count + 1;
    let started_at = ctx.clock.now();
    let clock = Instant::now();
    let answer = send(ctx, client, &c, started_at).await;
    let duration_ms = i64::try_from(clock.elapsed().as_millis()).unwrap_or(i64::MAX);
    let (status_code, error, verdict) = match answer {
        Ok((status, retry_after)) => {
            let v = verdict(status, retry_after.as_deref());
            let error = (v != Verdict::Succeeded).then(|| format!("HTTP {status}"));
            (Some(i64::from(status)), error, v)
        }
        Err(why) => (None, Some(why), Verdict::Failed { retry_after: None }),
    };
    let (outcome, next_attempt_at) = match verdict {
        Verdict::Succeeded => (AttemptOutcome::Succeeded, None),
        Verdict::Gone => (
            AttemptOutcome::Gone {
                reason: "the endpoint answered 410 Gone".into(),
            },
            None,
        ),
        Verdict::Failed { retry_after } => {
            match next_attempt(schedule, number, started_at, retry_after) {
                Some(at) => (AttemptOutcome::Retry, Some(at)),
                None => (AttemptOutcome::Failed, None),
            }
        }
    };
    AttemptResult {
        lease,
        delivery_id: c.delivery_id,
        endpoint_id: c.endpoint.id,
        attempt: Attempt {
            attempt_number: number,
            started_at,
            duration_ms,
            status_code,
            error,
            next_attempt_at,
        },
        outcome,
    }
}

/// Sends the event; the status code and `Retry-After`, or why no answer came.
async fn send(
    ctx: &Ctx,
    client: &reqwest::Client,
    c: &Claimed,
    at: DateTime<Utc>,
) -> Result<(u16, Option<String>), String> {
    let url = ctx
        .webhook_policy
        .check_url(&c.endpoint.url)
        .map_err(str::to_owned)?;
    let id = c.event_id.to_string();
    let timestamp = at.timestamp();
    let secrets = c.endpoint.signing_secrets(at);
    let sig = signature::header(&secrets, &id, timestamp, c.payload.as_bytes());
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", sig)
        .body(c.payload.clone())
        .send()
        .await;
    let mut resp = match sent {
        Ok(r) => r,
        Err(e) if ssrf::is_blocked(&e) => return Err(ssrf::BLOCKED.to_owned()),
        Err(e) if e.is_timeout() => return Err("timed out".to_owned()),
        Err(e) if e.is_connect() => return Err(format!("could not connect: {}", root(&e))),
        Err(e) => return Err(root(&e)),
    };
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    // Read (a bounded part of) the answer so the connection can be reused.
    let mut read = 0;
    while read < MAX_BODY {
        match resp.chunk().await {
            Ok(Some(chunk)) => read += chunk.len(),
            Ok(None) => break,
            Err(e) if e.is_timeout() => return Err("timed out".to_owned()),
            Err(_) => break,
        }
    }
    Ok((status, retry_after))
}

/// The innermost cause, which says what went wrong (refused, reset, TLS...).
fn root(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert_eq!(verdict(200, None), Verdict::Succeeded);
        assert_eq!(verdict(204, None), Verdict::Succeeded);
        assert_eq!(verdict(301, None), Verdict::Failed { retry_after: None });
        assert_eq!(verdict(410, None), Verdict::Gone);
        assert_eq!(
            verdict(429, Some("30")),
            Verdict::Failed {
                retry_after: Some(30)
            }
        );
        assert_eq!(
            verdict(503, Some("99999")),
            Verdict::Failed {
                retry_after: Some(3600)
            }
        );
        assert_eq!(
            verdict(500, Some("30")),
            Verdict::Failed { retry_after: None }
        );
    }

    #[test]
    fn schedule_with_jitter_and_end() {
        let at = Utc::now();
        for n in 1..=7 {
            let next = next_attempt(&DEFAULT_SCHEDULE, n, at, None).unwrap();
            let delay = (next - at).num_milliseconds();
            let nominal = DEFAULT_SCHEDULE[(n - 1) as usize] as i64 * 1000;
            assert!(
                delay >= nominal * 9 / 10 && delay <= nominal * 11 / 10,
                "{n}: {delay}"
            );
        }
        assert_eq!(next_attempt(&DEFAULT_SCHEDULE, 8, at, None), None);
        let next = next_attempt(&DEFAULT_SCHEDULE, 1, at, Some(120)).unwrap();
        assert_eq!((next - at).num_seconds(), 120);
        assert_eq!(
            WorkerSettings::parse_schedule("1, 2,4").unwrap(),
            vec![1, 2, 4]
        );
        assert!(WorkerSettings::parse_schedule("1,x").is_err());
    }
}
