//! Checkout sessions, one module per use case: [`create`] (and preview), [`edit`] (API PATCH and
//! the hosted plan and details steps), [`confirm`], [`cancel`] (and expire), the reads in
//! [`read`], and the hosted pages' flow in [`hosted`]. Every amount comes from `billing`
//! through [`pricing`]; every outcome other than success is one of the enums in [`errors`].

pub mod cancel;
pub mod confirm;
pub mod create;
pub mod discount;
pub mod edit;
pub mod errors;
pub mod fields;
pub mod hosted;
pub mod pricing;
pub mod read;
pub mod seller;

use anyhow::Context as _;
use uuid::Uuid;

pub use cancel::{cancel, expire, sweep_expired};
pub use confirm::{Confirmed, confirm};
pub use create::{NewCheckout, create, preview};
pub use edit::{CheckoutChanges, patch};
pub use errors::{CloseError, ConfirmError, CreateError, EditError, ReadError};
pub use hosted::{HostedCheckout, NextStep, PlanChoice};
pub use pricing::{Draft, Loaded, Priced, price};
pub use read::{CheckoutQuery, get, list};

use super::Ctx;
use crate::domain::checkout::{Checkout, LinkKey};
use crate::storage::Terms;

/// A session's lifetime without `expires_at`, unless `CHECKOUT_TTL` says otherwise.
pub const DEFAULT_TTL_HOURS: i64 = 24;
pub const MAX_TTL_DAYS: i64 = 30;
pub const MAX_METADATA_KEYS: usize = 50;
pub const MAX_METADATA_KEY_LEN: usize = 40;
pub const MAX_METADATA_VALUE_LEN: usize = 500;
pub const MAX_OVERRIDES: usize = 50;
pub const MAX_PLAN_OPTIONS: usize = 10;

/// Counts sessions by outcome (`checkout_sessions_total{outcome}` on `/metrics`): created,
/// completed, cancelled, expired. Preview sessions are not counted.
fn count(outcome: &'static str, n: u64) {
    metrics::counter!("checkout_sessions_total", "outcome" => outcome).increment(n);
}

/// Which session a use case acts on, and who asks.
#[derive(Debug, Clone, Copy)]
pub enum SessionRef<'a> {
    /// The API: session `id` within the caller's organisation.
    Api { org: Uuid, id: Uuid },
    /// The hosted pages: the link is the capability (its id and secret, SPEC §14).
    Link(&'a LinkKey),
}

impl SessionRef<'_> {
    fn id(&self) -> Uuid {
        match self {
            SessionRef::Api { id, .. } => *id,
            SessionRef::Link(key) => key.id,
        }
    }

    fn org(&self) -> Option<Uuid> {
        match self {
            SessionRef::Api { org, .. } => Some(*org),
            SessionRef::Link(_) => None,
        }
    }

    /// Whether the session found by id is the one referred to: always within the API's
    /// organisation (the query says so); by link only with the link's secret.
    fn admits(&self, c: &Checkout) -> bool {
        match self {
            SessionRef::Api { .. } => true,
            SessionRef::Link(key) => c.opened_by(key),
        }
    }
}

/// The session referred to; a link without the session's secret finds none.
async fn find(ctx: &Ctx, at: SessionRef<'_>) -> anyhow::Result<Option<Checkout>> {
    let found = match at.org() {
        Some(org) => ctx.store.get_checkout(org, at.id()).await,
        None => ctx.store.get_checkout_by_id(at.id()).await,
    }
    .context("reading the checkout session")?;
    Ok(found.filter(|c| at.admits(c)))
}

/// A session and the rows its estimate depends on, in one query.
async fn find_with_terms(
    ctx: &Ctx,
    at: SessionRef<'_>,
) -> anyhow::Result<Option<(Checkout, Terms)>> {
    let found = ctx
        .store
        .get_checkout_with_terms(at.org(), at.id())
        .await
        .context("reading the checkout session with its terms")?;
    Ok(found.filter(|(c, _)| at.admits(c)))
}
