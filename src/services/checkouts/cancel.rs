//! Closing a session without a contract: cancel (API and hosted), expire (API), and the
//! background sweep that marks sessions past their expiry.

use anyhow::Context as _;
use uuid::Uuid;

use super::errors::CloseError;
use super::{SessionRef, find};
use crate::domain::checkout::{Checkout, CheckoutStatus};
use crate::services::Ctx;
use crate::storage::Close;

/// At most this many characters of a cancellation reason are kept.
const MAX_REASON: usize = 500;

/// `POST /checkouts/{id}/cancel` and the hosted cancel. Cancelling a cancelled session answers
/// it as it is; a preview session is never written.
pub async fn cancel(
    ctx: &Ctx,
    at: SessionRef<'_>,
    reason: Option<String>,
) -> Result<Checkout, CloseError> {
    let c = find(ctx, at).await?.ok_or(CloseError::NotFound)?;
    let now = ctx.clock.now();
    let reason = reason
        .map(|r| r.trim().chars().take(MAX_REASON).collect::<String>())
        .filter(|r| !r.is_empty());
    match c.status_at(now) {
        CheckoutStatus::Cancelled => return Ok(c),
        status => {
            status.cancel().map_err(|_| not_open(status, "cancelled"))?;
        }
    }
    if !c.preview {
        let cancelled = ctx
            .store
            .close_checkout(
                c.organisation_id,
                c.id,
                &Close::Cancelled { reason },
                now,
                &ctx.announcer(),
            )
            .await
            .context("cancelling the session")?;
        if cancelled {
            super::count("cancelled", 1);
            ctx.outbox.wake();
        }
    }
    let fresh = reread(ctx, &c).await?;
    match fresh.status_at(now) {
        CheckoutStatus::Cancelled => Ok(fresh),
        CheckoutStatus::Open if fresh.preview => Ok(fresh),
        status => Err(not_open(status, "cancelled")),
    }
}

/// `POST /checkouts/{id}/expire`: an open session expires now; an expired one stays so.
pub async fn expire(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Checkout, CloseError> {
    let now = ctx.clock.now();
    let c = find(ctx, SessionRef::Api { org, id })
        .await?
        .ok_or(CloseError::NotFound)?;
    match c.status_at(now) {
        CheckoutStatus::Expired => {}
        status => {
            status.expire().map_err(|_| not_open(status, "expired"))?;
        }
    }
    let expired = ctx
        .store
        .close_checkout(org, id, &Close::Expired, now, &ctx.announcer())
        .await
        .context("expiring the session")?;
    if expired && !c.preview {
        super::count("expired", 1);
        ctx.outbox.wake();
    }
    let fresh = reread(ctx, &c).await?;
    match fresh.status_at(now) {
        CheckoutStatus::Expired => Ok(fresh),
        status => Err(not_open(status, "expired")),
    }
}

async fn reread(ctx: &Ctx, c: &Checkout) -> Result<Checkout, CloseError> {
    find(
        ctx,
        SessionRef::Api {
            org: c.organisation_id,
            id: c.id,
        },
    )
    .await?
    .ok_or(CloseError::NotFound)
}

fn not_open(status: CheckoutStatus, action: &'static str) -> CloseError {
    CloseError::NotOpen { status, action }
}

/// The background sweeper's step: marks up to 500 open sessions past their expiry.
pub async fn sweep_expired(ctx: &Ctx) -> anyhow::Result<u64> {
    let n = ctx
        .store
        .expire_due(ctx.clock.now(), 500, &ctx.announcer())
        .await
        .context("expiring sessions past their expiry")?;
    super::count("expired", n);
    if n > 0 {
        ctx.outbox.wake();
    }
    Ok(n)
}
