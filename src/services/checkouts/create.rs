//! `POST /checkouts` and `POST /checkouts/preview`: validate the request, price it, and
//! (create only) store the session.

use crate::domain::locale::LocaleSetting;
use std::collections::BTreeMap;

use anyhow::Context as _;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::discount::{self, DiscountInput};
use super::errors::CreateError;
use super::fields::{
    check_expiry, check_metadata, check_plan_options, customer_data, parse_locale, parse_url,
};
use super::pricing::{Draft, Loaded, Priced, load, price};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote};
use crate::domain::customer::CustomerData;
use crate::domain::overrides::{ItemOverride, ProrationBehavior};
use crate::domain::redirect_url::RedirectUrl;
use crate::domain::validation::FieldError;
use crate::services::{Ctx, Errors};
use crate::storage::TermsRef;

/// A request for a new session, as the merchant sent it (SPEC §5); [`create`] validates all
/// of it at once.
#[derive(Debug, Clone, Default)]
pub struct NewCheckout {
    pub plan_id: Option<Uuid>,
    pub contract_id: Option<Uuid>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
    pub guest_checkout: Option<bool>,
    pub business_entity_id: Option<Uuid>,
    pub customer_data: Option<CustomerData>,
    pub expires_at: Option<DateTime<Utc>>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    pub product_overrides: Option<Vec<ItemOverride>>,
    pub plan_options: Option<Vec<Uuid>>,
    pub proration_behavior: Option<ProrationBehavior>,
    pub metadata: Option<BTreeMap<String, String>>,
    pub preview: Option<bool>,
    /// At most one coupon or promotion code (SPEC §10).
    pub discounts: Option<Vec<DiscountInput>>,
    /// Offer a promotion code field on the review step.
    pub allow_promotion_codes: Option<bool>,
    /// `auto` (default) or a supported BCP 47 tag.
    pub locale: Option<String>,
    /// The checkout link the session is opened from (not an API field: `/l/{slug}` sets it).
    pub checkout_link_id: Option<Uuid>,
}

/// What `preview` answers: the estimate a session would show.
#[derive(Debug, Clone)]
pub struct Preview {
    pub checkout_type: CheckoutType,
    pub quote: Quote,
}

/// Everything `create` and `preview` share: the request validated and priced.
struct Validated {
    draft: Draft,
    loaded: Loaded,
    priced: Priced,
    customer_id: Option<Uuid>,
    /// The existing customer's address, for the search column.
    customer_email: Option<String>,
    customer_data: CustomerData,
    success_url: Option<RedirectUrl>,
    cancel_url: Option<RedirectUrl>,
    locale: LocaleSetting,
}

pub async fn preview(ctx: &Ctx, org: Uuid, input: NewCheckout) -> Result<Preview, CreateError> {
    let v = validate(ctx, org, &input, ctx.clock.now()).await?;
    Ok(Preview {
        checkout_type: v.draft.kind,
        quote: v.priced.quote,
    })
}

pub async fn create(ctx: &Ctx, org: Uuid, input: NewCheckout) -> Result<Checkout, CreateError> {
    let now = ctx.clock.now();
    let v = validate(ctx, org, &input, now).await?;
    let mut plan_options = input.plan_options.unwrap_or_default();
    plan_options.dedup();
    let checkout = Checkout {
        id: Uuid::now_v7(),
        organisation_id: org,
        status: CheckoutStatus::Open,
        checkout_type: v.draft.kind,
        plan_id: v.draft.plan_id,
        contract_id: v.draft.contract_id,
        start_date: v.draft.start_date,
        end_date: v.draft.end_date,
        customer_id: v.customer_id,
        business_entity_id: v.loaded.entity.id,
        guest_checkout: input.guest_checkout.unwrap_or(false),
        customer_data: v.customer_data,
        quote: v.priced.quote,
        expires_at: input.expires_at.unwrap_or(now + ctx.checkout_ttl),
        success_url: v.success_url,
        cancel_url: v.cancel_url,
        product_overrides: v.draft.overrides,
        plan_options,
        proration_behavior: v.draft.behavior,
        metadata: input.metadata.unwrap_or_default(),
        preview: input.preview.unwrap_or(false),
        cancel_reason: None,
        created_at: now,
        updated_at: now,
        completed_at: None,
        link_secret: Some(new_link_secret()),
        discount: v.draft.discount,
        allow_promotion_codes: input.allow_promotion_codes.unwrap_or(false),
        locale: v.locale,
        checkout_link_id: input.checkout_link_id,
    };
    ctx.store
        .insert_checkout(&checkout, v.customer_email.as_deref())
        .await
        .context("storing the new session")?;
    if !checkout.preview {
        super::count("created", 1);
    }
    Ok(checkout)
}

/// A new hosted link's secret: 16 bytes from the operating system's CSPRNG (through `rand`'s
/// thread-local generator, reseeded from it), unpadded base64url (`LinkKey::SECRET_LEN`).
fn new_link_secret() -> String {
    use base64::Engine as _;
    use rand::RngCore as _;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Every rule of SPEC §5 on a create request, all violations at once.
async fn validate(
    ctx: &Ctx,
    org: Uuid,
    input: &NewCheckout,
    now: DateTime<Utc>,
) -> Result<Validated, CreateError> {
    let mut errors = Errors::default();
    let Some(kind) = CheckoutType::detect(input.plan_id.is_some(), input.contract_id.is_some())
    else {
        errors.add(
            "plan_id",
            "is required (or contract_id with product_overrides)",
        );
        return Err(CreateError::Invalid(errors.0));
    };
    let guest = input.guest_checkout.unwrap_or(false);
    // The customer, plan and contract the request names, in one query.
    let (customer, terms) = ctx
        .store
        .get_terms(
            org,
            TermsRef {
                customer_id: input.customer_id.filter(|_| !guest),
                plan_id: input.plan_id,
                contract_id: input.contract_id,
            },
        )
        .await
        .context("reading the customer, plan and contract")?;
    check_buyer(&mut errors, input, kind, customer.is_some());
    let start_date = input.start_date.unwrap_or(now.date_naive());
    if let Some(end) = input.end_date
        && end < start_date
    {
        errors.add("end_date", "must not be before start_date");
    }
    if let Some(at) = input.expires_at {
        check_expiry(&mut errors, at, now);
    }
    if let Some(m) = &input.metadata {
        check_metadata(&mut errors, m);
    }
    let success_url = parse_url(&mut errors, "success_url", input.success_url.as_deref());
    let cancel_url = parse_url(&mut errors, "cancel_url", input.cancel_url.as_deref());
    let locale = parse_locale(&mut errors, input.locale.as_deref()).unwrap_or_default();
    let customer_data = customer_data(&mut errors, input.customer_data.as_ref());
    let discount = discount::named(
        ctx,
        org,
        input.discounts.as_deref().unwrap_or_default(),
        input.allow_promotion_codes.unwrap_or(false),
        &mut errors,
    )
    .await?;
    let draft = Draft {
        kind,
        plan_id: input.plan_id,
        contract_id: input.contract_id,
        start_date,
        end_date: input.end_date,
        overrides: input.product_overrides.clone().unwrap_or_default(),
        behavior: input.proration_behavior.unwrap_or(ProrationBehavior::Auto),
        discount,
        customer_id: customer.as_ref().map(|c| c.id),
    };
    let mut customer_id = customer.as_ref().map(|c| c.id);
    let customer_email = customer.as_ref().and_then(|c| c.email.clone());
    let entity_id = input.business_entity_id;
    let loaded = load(ctx, org, &draft, entity_id, customer, terms, &mut errors).await?;
    // Amendments: the customer is the contract's.
    if let Some(c) = loaded.as_ref().and_then(|l| l.contract.as_ref()) {
        match customer_id {
            Some(id) if id != c.customer_id => {
                errors.add("customer_id", "is not the contract's customer")
            }
            _ => customer_id = Some(c.customer_id),
        }
    }
    let options = input.plan_options.as_deref().unwrap_or_default();
    if !options.is_empty() {
        let found = ctx
            .store
            .get_plans(org, options)
            .await
            .context("reading the plan options")?;
        let base = loaded
            .as_ref()
            .and_then(|l| l.plan.as_ref().or(l.contract_plan.as_ref()));
        check_plan_options(&mut errors, options, &found, base);
        if kind == CheckoutType::QuantityUpdate {
            errors.add(
                "plan_options",
                "a quantity update keeps the contract's plan",
            );
        }
    }
    errors.finish().map_err(CreateError::Invalid)?;
    let loaded = loaded.context("terms missing although no field error was found")?;
    let priced = match price(&draft, &loaded) {
        Ok(p) => p,
        Err(e) => return Err(CreateError::Invalid(e.into_invalid()?)),
    };
    if let (Some(r), Some(why)) = (&draft.discount, &priced.discount_rejected) {
        return Err(CreateError::Invalid(vec![FieldError::new(
            discount::field_of(r),
            why.to_string(),
        )]));
    }
    Ok(Validated {
        draft,
        loaded,
        priced,
        customer_id,
        customer_email,
        customer_data,
        success_url,
        cancel_url,
        locale,
    })
}

/// Who is buying: a customer of the organisation, or a guest buying through a business
/// entity (SPEC §5). Preview sessions of new subscriptions may name nobody.
fn check_buyer(errors: &mut Errors, input: &NewCheckout, kind: CheckoutType, found: bool) {
    let guest = input.guest_checkout.unwrap_or(false);
    if guest {
        if kind.is_amendment() {
            errors.add(
                "guest_checkout",
                "a change to an existing contract cannot be a guest checkout",
            );
        }
        if input.customer_id.is_some() {
            errors.add("customer_id", "must be absent for a guest checkout");
        }
        if input.business_entity_id.is_none() {
            errors.add("business_entity_id", "is required for a guest checkout");
        }
    } else if input.customer_id.is_some() {
        if !found {
            errors.add("customer_id", "no such customer");
        }
    } else if kind == CheckoutType::NewSubscription && !input.preview.unwrap_or(false) {
        errors.add("customer_id", "is required unless guest_checkout is true");
    }
}
