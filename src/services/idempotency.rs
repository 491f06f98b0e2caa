//! Idempotent `POST`s: the same key and body replay the first response; the same key with
//! another body is a conflict; a key still being processed is a conflict too. Keys are per
//! organisation and kept at least 24 hours. The edge renders responses; this module decides
//! when a stored one is replayed and stores what the edge hands back.

use anyhow::Context as _;
use chrono::Duration;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::Ctx;
use crate::domain::validation::FieldError;
use crate::storage::IdempotencyBegin;

pub const KEEP_FOR_HOURS: i64 = 48;

/// A response as it is stored for replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum IdempotencyError {
    #[error("invalid idempotency key")]
    InvalidKey(FieldError),
    #[error("This Idempotency-Key was already used with a different request.")]
    Mismatch,
    #[error("A request with this Idempotency-Key is still being processed; retry shortly.")]
    InProgress,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// What to do with a request that carries a key.
#[derive(Debug)]
pub enum Begun {
    /// The key is new: do the work, then [`finish`].
    Started,
    /// The key was used with this same request: answer this.
    Replay(StoredResponse),
}

pub fn validate_key(key: &str) -> Result<(), FieldError> {
    if key.is_empty() || key.len() > 255 || key.chars().any(|c| c.is_control()) {
        return Err(FieldError::new(
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

/// Claims `key` for the request whose fingerprint is given, or answers its stored response.
pub async fn begin(
    ctx: &Ctx,
    org: Uuid,
    key: &str,
    fingerprint: &str,
) -> Result<Begun, IdempotencyError> {
    validate_key(key).map_err(IdempotencyError::InvalidKey)?;
    let begun = ctx
        .store
        .begin_idempotent(org, key, fingerprint, ctx.clock.now())
        .await
        .context("claiming the idempotency key")?;
    match begun {
        IdempotencyBegin::Started => Ok(Begun::Started),
        IdempotencyBegin::Replay { status, body } => {
            Ok(Begun::Replay(StoredResponse { status, body }))
        }
        IdempotencyBegin::Mismatch => Err(IdempotencyError::Mismatch),
        IdempotencyBegin::InProgress => Err(IdempotencyError::InProgress),
    }
}

/// Ends a [`Begun::Started`] request: stores its response for replay, or (`None`: a server
/// error, which the client may retry) lets the key go.
pub async fn finish(
    ctx: &Ctx,
    org: Uuid,
    key: &str,
    response: Option<&StoredResponse>,
) -> anyhow::Result<()> {
    match response {
        Some(s) => ctx
            .store
            .complete_idempotent(org, key, s.status, &s.body)
            .await
            .context("storing the response for replay"),
        None => ctx
            .store
            .abandon_idempotent(org, key)
            .await
            .context("releasing the idempotency key"),
    }
}

/// Deletes keys older than [`KEEP_FOR_HOURS`].
pub async fn purge_old(ctx: &Ctx) -> anyhow::Result<u64> {
    let before = ctx.clock.now() - Duration::hours(KEEP_FOR_HOURS);
    ctx.store
        .purge_idempotency_keys(before)
        .await
        .context("purging old idempotency keys")
}
