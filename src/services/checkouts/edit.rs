//! Edits of an open session: `PATCH /checkouts/{id}` and the hosted plan and details steps.
//! Every edit re-validates what it touches and recomputes the estimate.

use std::collections::BTreeMap;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::discount::{self, DiscountInput};
use super::errors::EditError;
use super::fields::{check_expiry, check_metadata, customer_data, parse_locale, parse_url};
use super::pricing::{Draft, load_session, price};
use super::{SessionRef, find};
use crate::domain::checkout::{Checkout, CheckoutType};
use crate::domain::customer::CustomerData;
use crate::domain::overrides::ItemOverride;
use crate::domain::validation::{FieldError, Problem};
use crate::services::{Ctx, Errors};
use crate::storage::{CheckoutEdit, CheckoutUpdate, TermsRef};

/// What an edit changes; `None` keeps the session's value.
#[derive(Debug, Clone, Default)]
pub struct CheckoutChanges {
    pub plan_id: Option<Uuid>,
    pub product_overrides: Option<Vec<ItemOverride>>,
    pub customer_data: Option<CustomerData>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub metadata: Option<BTreeMap<String, String>>,
    /// Replaces the session's discount (`Some(vec![])` removes it).
    pub discounts: Option<Vec<DiscountInput>>,
    pub allow_promotion_codes: Option<bool>,
    /// `auto` or a supported BCP 47 tag.
    pub locale: Option<String>,
    /// The promotion code typed on the review step (`Some("")`: remove it); reported on the
    /// field `promotion_code`.
    pub promotion_code: Option<String>,
}

pub async fn patch(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    changes: CheckoutChanges,
) -> Result<Checkout, EditError> {
    let c = find(ctx, SessionRef::Api { org, id })
        .await?
        .ok_or(EditError::NotFound)?;
    apply(ctx, &c, changes, ctx.clock.now()).await
}

/// Applies an edit to an open session: re-validates, recomputes the estimate, stores both,
/// and returns the session as stored.
pub(super) async fn apply(
    ctx: &Ctx,
    c: &Checkout,
    changes: CheckoutChanges,
    now: DateTime<Utc>,
) -> Result<Checkout, EditError> {
    let status = c.status_at(now);
    status.edit().map_err(|_| EditError::NotOpen(status))?;
    let mut errors = Errors::default();
    let mut draft = Draft::of(c);
    if let Some(plan_id) = changes.plan_id {
        match c.checkout_type {
            CheckoutType::QuantityUpdate => {
                errors.add("plan_id", "a quantity update keeps the contract's plan")
            }
            _ => {
                if Some(plan_id) != draft.plan_id {
                    // Overrides belong to the plan they were written for.
                    draft.overrides.clear();
                }
                draft.plan_id = Some(plan_id);
            }
        }
    }
    if let Some(o) = changes.product_overrides {
        draft.overrides = o;
    }
    let allow_promotion_codes = changes
        .allow_promotion_codes
        .unwrap_or(c.allow_promotion_codes);
    let locale = parse_locale(&mut errors, changes.locale.as_deref()).unwrap_or(c.locale);
    if let Some(discounts) = &changes.discounts {
        draft.discount = discount::named(
            ctx,
            c.organisation_id,
            discounts,
            allow_promotion_codes,
            &mut errors,
        )
        .await?;
    }
    let mut rejected_field = None;
    if let Some(typed) = changes.promotion_code.as_deref() {
        rejected_field = Some("promotion_code");
        if !c.allow_promotion_codes {
            errors.add(
                "promotion_code",
                "this checkout does not take promotion codes",
            );
        } else if typed.trim().is_empty() {
            draft.discount = None;
        } else {
            match discount::code_named(ctx, c.organisation_id, typed).await? {
                Ok(r) => draft.discount = Some(r),
                Err(why) => errors.because("promotion_code", Problem::Code(why)),
            }
        }
    }
    let customer_data = match &changes.customer_data {
        Some(d) => customer_data(&mut errors, Some(d)),
        None => c.customer_data.clone(),
    };
    let expires_at = changes.expires_at.unwrap_or(c.expires_at);
    if changes.expires_at.is_some() {
        check_expiry(&mut errors, expires_at, now);
    }
    let metadata = changes.metadata.unwrap_or_else(|| c.metadata.clone());
    check_metadata(&mut errors, &metadata);
    let success_url = match changes.success_url.as_deref() {
        Some(u) => parse_url(&mut errors, "success_url", Some(u)),
        None => c.success_url.clone(),
    };
    let cancel_url = match changes.cancel_url.as_deref() {
        Some(u) => parse_url(&mut errors, "cancel_url", Some(u)),
        None => c.cancel_url.clone(),
    };
    // The seller is fixed on the session (`load_session`), so its customer need not be read.
    let (_, terms) = ctx
        .store
        .get_terms(
            c.organisation_id,
            TermsRef {
                customer_id: None,
                plan_id: draft.plan_id,
                contract_id: draft.contract_id,
            },
        )
        .await
        .context("reading the session's plan and contract")?;
    let loaded = load_session(ctx, c, &draft, terms, &mut errors).await?;
    errors.finish().map_err(EditError::Invalid)?;
    let loaded = loaded.context("terms missing although no field error was found")?;
    let priced = match price(&draft, &loaded) {
        Ok(p) => p,
        Err(e) => return Err(EditError::Invalid(e.into_invalid()?)),
    };
    if let (Some(r), Some(why)) = (&draft.discount, &priced.discount_rejected)
        && (changes.discounts.is_some() || changes.promotion_code.is_some())
    {
        let field = rejected_field.unwrap_or_else(|| discount::field_of(r));
        return Err(EditError::Invalid(vec![FieldError::because(
            field,
            Problem::Code(why.clone()),
        )]));
    }
    let edit = CheckoutEdit {
        plan_id: draft.plan_id,
        product_overrides: draft.overrides,
        customer_data,
        success_url,
        cancel_url,
        expires_at,
        metadata,
        quote: priced.quote,
        discount: draft.discount,
        allow_promotion_codes,
        locale,
    };
    let (org, id) = (c.organisation_id, c.id);
    let applied = ctx
        .store
        .update_checkout(org, id, &CheckoutUpdate::Edited(Box::new(edit)), now)
        .await
        .context("storing the edit")?;
    let fresh = find(ctx, SessionRef::Api { org, id })
        .await?
        .ok_or(EditError::NotFound)?;
    if !applied {
        // Closed meanwhile (confirmed, cancelled or expired in another request).
        return Err(EditError::NotOpen(fresh.status_at(now)));
    }
    Ok(fresh)
}
