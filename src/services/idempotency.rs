//! Idempotent `POST`s: the same key and body replay the first response; the same key with
//! another body is `409`; a key still being processed is `409` too. Keys are per organisation
//! and kept at least 24 hours.

use std::future::Future;

use chrono::Duration;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::Ctx;
use crate::error::AppError;
use crate::storage::IdempotencyBegin;

pub const KEEP_FOR_HOURS: i64 = 48;

/// A response as it is stored for replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

pub fn validate_key(key: &str) -> Result<(), AppError> {
    if key.is_empty() || key.len() > 255 || key.chars().any(|c| c.is_control()) {
        return Err(AppError::field(
            "idempotency_key",
            "must be 1 to 255 printable characters",
        ));
    }
    Ok(())
}

pub fn fingerprint(method: &str, path: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(method.as_bytes());
    h.update([0]);
    h.update(path.as_bytes());
    h.update([0]);
    h.update(body);
    hex::encode(h.finalize())
}

/// Runs `work` once per key. `work` returns the response to store (status and JSON body);
/// server errors are not stored, so the client may retry them.
pub async fn run<F, Fut>(
    ctx: &Ctx,
    org: Uuid,
    key: Option<&str>,
    fingerprint: &str,
    work: F,
) -> Result<StoredResponse, AppError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<StoredResponse, AppError>>,
{
    let Some(key) = key else { return work().await };
    validate_key(key)?;
    match ctx
        .store
        .begin_idempotent(org, key, fingerprint, ctx.clock.now())
        .await?
    {
        IdempotencyBegin::Started => {}
        IdempotencyBegin::Replay { status, body } => return Ok(StoredResponse { status, body }),
        IdempotencyBegin::Mismatch => {
            return Err(AppError::conflict(
                "This Idempotency-Key was already used with a different request.",
            ));
        }
        IdempotencyBegin::InProgress => {
            return Err(AppError::conflict(
                "A request with this Idempotency-Key is still being processed; retry shortly.",
            ));
        }
    }
    let outcome = work().await;
    let stored = match &outcome {
        Ok(resp) => Some(resp.clone()),
        Err(e @ (AppError::Validation(_) | AppError::NotFound(_) | AppError::Conflict { .. })) => {
            let resp = actix_web::ResponseError::error_response(e);
            let status = resp.status().as_u16();
            let body = actix_web::body::to_bytes(resp.into_body()).await.ok();
            body.map(|b| StoredResponse {
                status,
                body: String::from_utf8_lossy(&b).into_owned(),
            })
        }
        Err(_) => None,
    };
    match stored {
        Some(s) => {
            ctx.store
                .complete_idempotent(org, key, s.status, &s.body)
                .await?
        }
        None => ctx.store.abandon_idempotent(org, key).await?,
    }
    outcome
}

/// Deletes keys older than [`KEEP_FOR_HOURS`].
pub async fn purge_old(ctx: &Ctx) -> Result<u64, AppError> {
    let before = ctx.clock.now() - Duration::hours(KEEP_FOR_HOURS);
    Ok(ctx.store.purge_idempotency_keys(before).await?)
}
