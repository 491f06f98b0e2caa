//! Checkout sessions, one module per use case: [`create`] (and preview), [`edit`] (API PATCH and
//! the hosted plan and details steps), [`confirm`], [`cancel`] (and expire), the reads in
//! [`read`], and the hosted pages' flow in [`hosted`]. Every amount comes from `billing`
//! through [`pricing`]; every outcome other than success is one of the enums in [`errors`].

pub mod cancel;
pub mod confirm;
pub mod create;
pub mod edit;
pub mod errors;
pub mod fields;
pub mod hosted;
pub mod pricing;
pub mod read;

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
use crate::domain::checkout::Checkout;
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

/// A session by id: within `org` for the API, by id alone for the hosted pages (`None`; the
/// link is the capability).
async fn find(ctx: &Ctx, org: Option<Uuid>, id: Uuid) -> anyhow::Result<Option<Checkout>> {
    match org {
        Some(org) => ctx.store.get_checkout(org, id).await,
        None => ctx.store.get_checkout_by_id(id).await,
    }
    .context("reading the checkout session")
}

/// A session and the rows its estimate depends on, in one query.
async fn find_with_terms(
    ctx: &Ctx,
    org: Option<Uuid>,
    id: Uuid,
) -> anyhow::Result<Option<(Checkout, Terms)>> {
    ctx.store
        .get_checkout_with_terms(org, id)
        .await
        .context("reading the checkout session with its terms")
}
