//! The JSON shapes of the checkout and contract API (SPEC §4–§5) with their OpenAPI schemas:
//! what the API reads (`deny_unknown_fields`, so a misspelt field is a `422` naming it) and
//! what it answers. Each request converts into its use case's input; each response is built
//! from what the use case returned.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::checkout::{
    ChangeSummary, Checkout, CheckoutStatus, CheckoutType, Quote, QuoteJson,
};
use crate::domain::customer::CustomerData;
use crate::domain::discount::{AppliedDiscount, DiscountRef};
use crate::domain::invoice::Estimates;
use crate::domain::overrides::{ItemOverride, ProrationBehavior};
use crate::domain::redirect_url::RedirectUrl;
use crate::services::checkouts::create::Preview;
use crate::services::checkouts::discount::DiscountInput;
use crate::services::checkouts::{CheckoutChanges, CheckoutQuery, NewCheckout};
use crate::services::contracts::ContractImport;
use crate::storage::PageOf;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCheckout {
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
    pub idempotency_key: Option<String>,
    /// At most one: `{"coupon_id": ...}` or `{"promotion_code": "CODE"}` (SPEC §10).
    pub discounts: Option<Vec<DiscountEntry>>,
    /// Offer a promotion code field on the review step; not with `discounts`.
    pub allow_promotion_codes: Option<bool>,
    /// The hosted pages' language: `auto` (default: the browser's `Accept-Language`) or one
    /// of `en`, `en-GB`, `de`, `fr`, `es`, `it`, `nl`, `pt-BR`, `sv`, `pl`, `ja`, `zh`, `ar`,
    /// `he` (SPEC §12). The customer can still switch on the page.
    #[schema(example = "auto")]
    pub locale: Option<String>,
}

/// A discount a session redeems: a coupon, or a promotion code as the customer would type it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DiscountEntry {
    pub coupon_id: Option<Uuid>,
    pub promotion_code: Option<String>,
}

fn discount_inputs(d: Option<Vec<DiscountEntry>>) -> Option<Vec<DiscountInput>> {
    d.map(|list| {
        list.into_iter()
            .map(|e| DiscountInput {
                coupon_id: e.coupon_id,
                promotion_code: e.promotion_code,
            })
            .collect()
    })
}

impl From<CreateCheckout> for NewCheckout {
    fn from(b: CreateCheckout) -> Self {
        NewCheckout {
            plan_id: b.plan_id,
            contract_id: b.contract_id,
            start_date: b.start_date,
            end_date: b.end_date,
            customer_id: b.customer_id,
            guest_checkout: b.guest_checkout,
            business_entity_id: b.business_entity_id,
            customer_data: b.customer_data,
            expires_at: b.expires_at,
            success_url: b.success_url,
            cancel_url: b.cancel_url,
            product_overrides: b.product_overrides,
            plan_options: b.plan_options,
            proration_behavior: b.proration_behavior,
            metadata: b.metadata,
            preview: b.preview,
            discounts: discount_inputs(b.discounts),
            allow_promotion_codes: b.allow_promotion_codes,
            locale: b.locale,
            checkout_link_id: None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchCheckout {
    pub plan_id: Option<Uuid>,
    pub product_overrides: Option<Vec<ItemOverride>>,
    pub customer_data: Option<CustomerData>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub metadata: Option<BTreeMap<String, String>>,
    /// Replaces the session's discount; `[]` removes it.
    pub discounts: Option<Vec<DiscountEntry>>,
    pub allow_promotion_codes: Option<bool>,
    /// `auto` or a supported BCP 47 tag (see `CreateCheckout.locale`).
    pub locale: Option<String>,
}

impl From<PatchCheckout> for CheckoutChanges {
    fn from(b: PatchCheckout) -> Self {
        CheckoutChanges {
            plan_id: b.plan_id,
            product_overrides: b.product_overrides,
            customer_data: b.customer_data,
            success_url: b.success_url,
            cancel_url: b.cancel_url,
            expires_at: b.expires_at,
            metadata: b.metadata,
            discounts: discount_inputs(b.discounts),
            allow_promotion_codes: b.allow_promotion_codes,
            locale: b.locale,
            promotion_code: None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelCheckout {
    pub reason: Option<String>,
}

/// `GET /checkouts` query parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCheckouts {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
    pub checkout_status: Option<String>,
    pub customer_id: Option<String>,
    pub checkout_type: Option<String>,
    pub checkout_link_id: Option<String>,
    pub customer_email: Option<String>,
}

impl From<ListCheckouts> for CheckoutQuery {
    fn from(q: ListCheckouts) -> Self {
        CheckoutQuery {
            limit: q.limit,
            starting_after: q.starting_after,
            checkout_status: q.checkout_status,
            customer_id: q.customer_id,
            checkout_type: q.checkout_type,
            checkout_link_id: q.checkout_link_id,
            customer_email: q.customer_email,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportContract {
    pub customer_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub product_overrides: Option<Vec<ItemOverride>>,
}

impl From<ImportContract> for ContractImport {
    fn from(b: ImportContract) -> Self {
        ContractImport {
            customer_id: b.customer_id,
            plan_id: b.plan_id,
            start_date: b.start_date,
            end_date: b.end_date,
            product_overrides: b.product_overrides,
        }
    }
}

/// A checkout session as the API shows it (SPEC §5).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckoutView {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub checkout_status: CheckoutStatus,
    pub checkout_type: CheckoutType,
    pub plan_id: Option<Uuid>,
    pub contract_id: Option<Uuid>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
    pub business_entity_id: Uuid,
    pub guest_checkout: bool,
    pub customer_data: CustomerData,
    #[schema(value_type = Estimates)]
    pub estimates: Shown<Estimates>,
    #[schema(value_type = Option<ChangeSummary>)]
    pub change: Shown<Option<ChangeSummary>>,
    /// The discount the estimates carry: the coupon's terms, the days it covers
    /// (`starts_on` … before `ends_before`) and its sentence; `null` without one.
    #[schema(value_type = Option<AppliedDiscount>)]
    pub discount: Shown<Option<AppliedDiscount>>,
    /// What the session redeems (at most one).
    pub discounts: Vec<DiscountRef>,
    pub allow_promotion_codes: bool,
    /// `auto` or the supported BCP 47 tag the pages speak.
    #[schema(example = "auto")]
    pub locale: String,
    /// The checkout link the session was opened from (SPEC §13), if any.
    pub checkout_link_id: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
    pub success_url: Option<RedirectUrl>,
    pub cancel_url: Option<RedirectUrl>,
    pub product_overrides: Vec<ItemOverride>,
    pub plan_options: Vec<Uuid>,
    pub proration_behavior: ProrationBehavior,
    pub metadata: BTreeMap<String, String>,
    pub preview: bool,
    pub cancel_reason: Option<String>,
    /// The hosted link to send the customer to: `{public_url}/checkout/{id}.{secret}`. The
    /// secret part is the link's own (128 random bits); the id alone does not open the pages.
    pub url: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl CheckoutView {
    /// The session as a reader sees it at `now` (an open session past its expiry is expired).
    pub fn new<Q: QuoteParts>(c: Checkout<Q>, public_url: &str, now: DateTime<Utc>) -> Self {
        let (checkout_status, url) = (c.status_at(now), c.hosted_url(public_url));
        let (estimates, change, discount) = c.quote.parts();
        Self {
            checkout_status,
            url,
            id: c.id,
            organisation_id: c.organisation_id,
            checkout_type: c.checkout_type,
            plan_id: c.plan_id,
            contract_id: c.contract_id,
            start_date: c.start_date,
            end_date: c.end_date,
            customer_id: c.customer_id,
            business_entity_id: c.business_entity_id,
            guest_checkout: c.guest_checkout,
            customer_data: c.customer_data,
            estimates,
            change,
            discount,
            discounts: c.discount.into_iter().collect(),
            allow_promotion_codes: c.allow_promotion_codes,
            locale: c.locale.as_str().to_owned(),
            checkout_link_id: c.checkout_link_id,
            expires_at: c.expires_at,
            success_url: c.success_url,
            cancel_url: c.cancel_url,
            product_overrides: c.product_overrides,
            plan_options: c.plan_options,
            proration_behavior: c.proration_behavior,
            metadata: c.metadata,
            preview: c.preview,
            cancel_reason: c.cancel_reason,
            created_at: c.created_at,
            updated_at: c.updated_at,
            completed_at: c.completed_at,
        }
    }
}

/// A part of an answer built from the value, or spliced in as the JSON that was stored: the
/// same bytes either way, because the stored JSON was written by the value's `Serialize`.
#[derive(Debug)]
pub enum Shown<T> {
    Value(T),
    Stored(Box<serde_json::value::RawValue>),
}

impl<T: Serialize> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Value(v) => v.serialize(s),
            Shown::Stored(raw) => raw.serialize(s),
        }
    }
}

type Parts = (
    Shown<Estimates>,
    Shown<Option<ChangeSummary>>,
    Shown<Option<AppliedDiscount>>,
);

/// A session's quote as the view's `estimates`, `change` and `discount`.
pub trait QuoteParts {
    fn parts(self) -> Parts;
}

impl QuoteParts for Quote {
    fn parts(self) -> Parts {
        (
            Shown::Value(self.estimates),
            Shown::Value(self.change),
            Shown::Value(self.discount),
        )
    }
}

fn stored_or_null<T>(raw: Option<Box<serde_json::value::RawValue>>) -> Shown<Option<T>> {
    match raw {
        Some(raw) => Shown::Stored(raw),
        None => Shown::Value(None),
    }
}

impl QuoteParts for QuoteJson {
    fn parts(self) -> Parts {
        (
            Shown::Stored(self.estimates),
            stored_or_null(self.change),
            stored_or_null(self.discount),
        )
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PreviewView {
    pub checkout_type: CheckoutType,
    pub estimates: Estimates,
    pub change: Option<ChangeSummary>,
    pub discount: Option<AppliedDiscount>,
}

impl From<Preview> for PreviewView {
    fn from(p: Preview) -> Self {
        PreviewView {
            checkout_type: p.checkout_type,
            estimates: p.quote.estimates,
            change: p.quote.change,
            discount: p.quote.discount,
        }
    }
}

/// Every list endpoint's answer: a page, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListResponse<T> {
    pub data: Vec<T>,
    pub has_more: bool,
}

impl<T> ListResponse<T> {
    pub fn of<S>(page: PageOf<S>, f: impl FnMut(S) -> T) -> Self {
        let page = page.map(f);
        ListResponse {
            data: page.data,
            has_more: page.has_more,
        }
    }
}

impl<T> From<PageOf<T>> for ListResponse<T> {
    fn from(page: PageOf<T>) -> Self {
        ListResponse::of(page, |t| t)
    }
}
