//! `GET /checkouts/{id}` and `GET /checkouts` (filters, newest first).

use anyhow::Context as _;
use uuid::Uuid;

use super::errors::ReadError;
use super::{SessionRef, find};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, QuoteJson};
use crate::services::{Ctx, Errors, ListParams};
use crate::storage::{CheckoutFilter, PageOf};

/// The list's query parameters as given; [`list`] parses them, naming every bad one.
#[derive(Debug, Clone, Default)]
pub struct CheckoutQuery {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
    pub checkout_status: Option<String>,
    pub customer_id: Option<String>,
    pub checkout_type: Option<String>,
    pub checkout_link_id: Option<String>,
    /// The address the customer entered, else the existing customer's (any case).
    pub customer_email: Option<String>,
}

pub async fn get(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Checkout, ReadError> {
    find(ctx, SessionRef::Api { org, id })
        .await?
        .ok_or(ReadError::NotFound)
}

/// A page of sessions, each with its quote as stored (`QuoteJson`: lists show it unread).
pub async fn list(
    ctx: &Ctx,
    org: Uuid,
    q: CheckoutQuery,
) -> Result<PageOf<Checkout<QuoteJson>>, ReadError> {
    let mut errors = Errors::default();
    let mut filter = filter(
        &mut errors,
        &q.checkout_status,
        &q.checkout_type,
        &q.customer_id,
    );
    if let Some(l) = q.checkout_link_id.as_deref() {
        filter.checkout_link_id = Uuid::parse_str(l).ok();
        if filter.checkout_link_id.is_none() {
            errors.add("checkout_link_id", "must be an id (UUID)");
        }
    }
    if let Some(e) = q.customer_email.as_deref().map(str::trim) {
        let mut invalid = Vec::new();
        crate::domain::customer::validate_email("customer_email", e, &mut invalid);
        match invalid.is_empty() {
            true => filter.customer_email = Some(e.to_owned()),
            false => errors.extend(invalid),
        }
    }
    let page = ListParams {
        limit: q.limit,
        starting_after: q.starting_after,
    }
    .page_into(&mut errors);
    errors.finish().map_err(ReadError::Invalid)?;
    let now = ctx.clock.now();
    Ok(ctx
        .store
        .list_checkouts(org, &filter, page, now)
        .await
        .context("listing checkout sessions")?)
}

fn filter(
    errors: &mut Errors,
    status: &Option<String>,
    kind: &Option<String>,
    customer: &Option<String>,
) -> CheckoutFilter {
    let mut filter = CheckoutFilter::default();
    if let Some(s) = status.as_deref() {
        filter.status = CheckoutStatus::parse(s);
        if filter.status.is_none() {
            errors.add(
                "checkout_status",
                "must be open, contract_created, cancelled or expired",
            );
        }
    }
    if let Some(t) = kind.as_deref() {
        filter.checkout_type = CheckoutType::parse(t);
        if filter.checkout_type.is_none() {
            errors.add(
                "checkout_type",
                "must be new_subscription, plan_change or quantity_update",
            );
        }
    }
    if let Some(c) = customer.as_deref() {
        filter.customer_id = Uuid::parse_str(c).ok();
        if filter.customer_id.is_none() {
            errors.add("customer_id", "must be an id (UUID)");
        }
    }
    filter
}
