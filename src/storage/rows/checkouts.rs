//! Rows of `checkouts`, and the joined rows of the two hot reads (`CHECKOUT_WITH_TERMS`,
//! `TERMS` in `queries::checkouts`).

use std::borrow::Cow;
use std::marker::PhantomData;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::catalog::{CustomerColumns, PlanColumns};
use super::contracts::ContractColumns;
use super::{Columns, Find, ReadsAll, corrupt, joined, json, to_json};
use crate::domain::catalog::Customer;
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote};
use crate::domain::overrides::ProrationBehavior;
use crate::domain::redirect_url::RedirectUrl;
use crate::storage::{StorageError, StorageResult, Terms};

/// A `checkouts` row: as read (its JSON borrowed from the database's row), or as a new session
/// is written ([`CheckoutRow::encode`]).
pub(crate) struct CheckoutRow<'r> {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub checkout_status: &'r str,
    pub checkout_type: &'r str,
    pub plan_id: Option<Uuid>,
    pub contract_id: Option<Uuid>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
    pub business_entity_id: Uuid,
    pub guest_checkout: bool,
    /// JSON, as are `estimates`, `product_overrides`, `plan_options` and `metadata`.
    pub customer_data: Cow<'r, str>,
    pub estimates: Cow<'r, str>,
    pub expires_at: DateTime<Utc>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    pub product_overrides: Cow<'r, str>,
    pub plan_options: Cow<'r, str>,
    pub proration_behavior: &'r str,
    pub metadata: Cow<'r, str>,
    pub preview: bool,
    pub cancel_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    /// `NULL` for sessions made before links had a secret.
    pub link_secret: Option<String>,
    /// JSON `DiscountRef`; `NULL`: nothing redeemed.
    pub discount: Option<Cow<'r, str>>,
    pub allow_promotion_codes: bool,
    /// `auto` or a supported BCP 47 tag.
    pub locale: &'r str,
    /// The checkout link the session was opened from (SPEC §13).
    pub checkout_link_id: Option<Uuid>,
    /// Written, never read back: the search column `customer_email` (migration 0013), the
    /// address entered, else the customer's when known.
    pub search_email: Option<String>,
}

fn borrowed(s: Option<&str>) -> Option<Cow<'_, str>> {
    s.map(Cow::Borrowed)
}

/// A stored redirect URL was checked when it was written: it is not parsed again.
fn redirect_url(s: Option<String>) -> StorageResult<Option<RedirectUrl>> {
    s.map(|s| RedirectUrl::from_stored(s).map_err(|e| corrupt("url", e)))
        .transpose()
}

impl<Q: serde::de::DeserializeOwned> TryFrom<CheckoutRow<'_>> for Checkout<Q> {
    type Error = StorageError;

    fn try_from(r: CheckoutRow<'_>) -> StorageResult<Self> {
        Ok(Checkout {
            id: r.id,
            organisation_id: r.organisation_id,
            status: CheckoutStatus::parse(r.checkout_status)
                .ok_or_else(|| corrupt("checkout_status", r.checkout_status))?,
            checkout_type: CheckoutType::parse(r.checkout_type)
                .ok_or_else(|| corrupt("checkout_type", r.checkout_type))?,
            plan_id: r.plan_id,
            contract_id: r.contract_id,
            start_date: r.start_date,
            end_date: r.end_date,
            customer_id: r.customer_id,
            business_entity_id: r.business_entity_id,
            guest_checkout: r.guest_checkout,
            customer_data: json(&r.customer_data)?,
            quote: json(&r.estimates)?,
            expires_at: r.expires_at,
            success_url: redirect_url(r.success_url)?,
            cancel_url: redirect_url(r.cancel_url)?,
            product_overrides: json(&r.product_overrides)?,
            plan_options: json(&r.plan_options)?,
            proration_behavior: ProrationBehavior::parse(r.proration_behavior)
                .ok_or_else(|| corrupt("proration_behavior", r.proration_behavior))?,
            metadata: json(&r.metadata)?,
            preview: r.preview,
            cancel_reason: r.cancel_reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
            completed_at: r.completed_at,
            link_secret: r.link_secret,
            discount: r.discount.as_deref().map(json).transpose()?,
            allow_promotion_codes: r.allow_promotion_codes,
            locale: r.locale.parse().map_err(|_| corrupt("locale", r.locale))?,
            checkout_link_id: r.checkout_link_id,
        })
    }
}

/// Where [`CheckoutRow`]'s columns are; `Q` is how its quote is read ([`Checkout`]).
pub(crate) struct CheckoutColumns<Q = Quote> {
    id: usize,
    organisation_id: usize,
    checkout_status: usize,
    checkout_type: usize,
    plan_id: usize,
    contract_id: usize,
    start_date: usize,
    end_date: usize,
    customer_id: usize,
    business_entity_id: usize,
    guest_checkout: usize,
    customer_data: usize,
    estimates: usize,
    expires_at: usize,
    success_url: usize,
    cancel_url: usize,
    product_overrides: usize,
    plan_options: usize,
    proration_behavior: usize,
    metadata: usize,
    preview: usize,
    cancel_reason: usize,
    created_at: usize,
    updated_at: usize,
    completed_at: usize,
    link_secret: usize,
    discount: usize,
    allow_promotion_codes: usize,
    locale: usize,
    checkout_link_id: usize,
    quote: PhantomData<fn() -> Q>,
}

impl<Q: serde::de::DeserializeOwned> Columns for CheckoutColumns<Q> {
    type Item = Checkout<Q>;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            checkout_status: f.at("checkout_status")?,
            checkout_type: f.at("checkout_type")?,
            plan_id: f.at("plan_id")?,
            contract_id: f.at("contract_id")?,
            start_date: f.at("start_date")?,
            end_date: f.at("end_date")?,
            customer_id: f.at("customer_id")?,
            business_entity_id: f.at("business_entity_id")?,
            guest_checkout: f.at("guest_checkout")?,
            customer_data: f.at("customer_data")?,
            estimates: f.at("estimates")?,
            expires_at: f.at("expires_at")?,
            success_url: f.at("success_url")?,
            cancel_url: f.at("cancel_url")?,
            product_overrides: f.at("product_overrides")?,
            plan_options: f.at("plan_options")?,
            proration_behavior: f.at("proration_behavior")?,
            metadata: f.at("metadata")?,
            preview: f.at("preview")?,
            cancel_reason: f.at("cancel_reason")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
            completed_at: f.at("completed_at")?,
            link_secret: f.at("link_secret")?,
            discount: f.at("discount")?,
            allow_promotion_codes: f.at("allow_promotion_codes")?,
            locale: f.at("locale")?,
            checkout_link_id: f.at("checkout_link_id")?,
            quote: PhantomData,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Checkout<Q>> {
        CheckoutRow {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            checkout_status: r.get(self.checkout_status)?,
            checkout_type: r.get(self.checkout_type)?,
            plan_id: r.get(self.plan_id)?,
            contract_id: r.get(self.contract_id)?,
            start_date: r.get(self.start_date)?,
            end_date: r.get(self.end_date)?,
            customer_id: r.get(self.customer_id)?,
            business_entity_id: r.get(self.business_entity_id)?,
            guest_checkout: r.get(self.guest_checkout)?,
            customer_data: Cow::Borrowed(r.get(self.customer_data)?),
            estimates: Cow::Borrowed(r.get(self.estimates)?),
            expires_at: r.get(self.expires_at)?,
            success_url: r.get(self.success_url)?,
            cancel_url: r.get(self.cancel_url)?,
            product_overrides: Cow::Borrowed(r.get(self.product_overrides)?),
            plan_options: Cow::Borrowed(r.get(self.plan_options)?),
            proration_behavior: r.get(self.proration_behavior)?,
            metadata: Cow::Borrowed(r.get(self.metadata)?),
            preview: r.get(self.preview)?,
            cancel_reason: r.get(self.cancel_reason)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
            completed_at: r.get(self.completed_at)?,
            link_secret: r.get(self.link_secret)?,
            discount: borrowed(r.get(self.discount)?),
            allow_promotion_codes: r.get(self.allow_promotion_codes)?,
            locale: r.get(self.locale)?,
            checkout_link_id: r.get(self.checkout_link_id)?,
            search_email: None,
        }
        .try_into()
    }
}

/// The terms part of both hot reads: the plan (`p_…`), the contract (`k_…`) and the
/// contract's plan (`kp_…`), each `NULL` where its join found nothing.
pub(crate) struct TermsColumns {
    plan: PlanColumns,
    contract: ContractColumns,
    contract_plan: PlanColumns,
}

impl Columns for TermsColumns {
    type Item = Terms;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            plan: PlanColumns::find(&f.prefixed("p_"))?,
            contract: ContractColumns::find(&f.prefixed("k_"))?,
            contract_plan: PlanColumns::find(&f.prefixed("kp_"))?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Terms> {
        Ok(Terms {
            plan: joined(&self.plan, self.plan.id, r)?,
            contract: joined(&self.contract, self.contract.id, r)?,
            contract_plan: joined(&self.contract_plan, self.contract_plan.id, r)?,
        })
    }
}

/// A `CHECKOUT_WITH_TERMS` row: the session's own columns (unprefixed), then its terms.
pub(crate) struct CheckoutWithTermsColumns {
    checkout: CheckoutColumns,
    terms: TermsColumns,
}

impl Columns for CheckoutWithTermsColumns {
    type Item = (Checkout, Terms);

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            checkout: CheckoutColumns::find(f)?,
            terms: TermsColumns::find(f)?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<(Checkout, Terms)> {
        Ok((self.checkout.decode(r)?, self.terms.decode(r)?))
    }
}

/// A `TERMS` row: the customer's columns (unprefixed, `NULL` if not found), then the terms.
pub(crate) struct CustomerTermsColumns {
    customer: CustomerColumns,
    terms: TermsColumns,
}

impl Columns for CustomerTermsColumns {
    type Item = (Option<Customer>, Terms);

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            customer: CustomerColumns::find(f)?,
            terms: TermsColumns::find(f)?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<(Option<Customer>, Terms)> {
        Ok((
            joined(&self.customer, self.customer.id, r)?,
            self.terms.decode(r)?,
        ))
    }
}

impl CheckoutRow<'static> {
    /// A new session's column values, encoded once: the group commit binds them later, on
    /// another request's task (`storage::batch_insert`).
    pub(crate) fn encode(c: &Checkout, customer_email: Option<&str>) -> StorageResult<Self> {
        Ok(Self {
            id: c.id,
            organisation_id: c.organisation_id,
            checkout_status: c.status.as_str(),
            checkout_type: c.checkout_type.as_str(),
            plan_id: c.plan_id,
            contract_id: c.contract_id,
            start_date: c.start_date,
            end_date: c.end_date,
            customer_id: c.customer_id,
            business_entity_id: c.business_entity_id,
            guest_checkout: c.guest_checkout,
            customer_data: Cow::Owned(to_json(&c.customer_data)?),
            estimates: Cow::Owned(to_json(&c.quote)?),
            expires_at: c.expires_at,
            success_url: c.success_url.as_ref().map(|u| u.as_str().to_owned()),
            cancel_url: c.cancel_url.as_ref().map(|u| u.as_str().to_owned()),
            product_overrides: Cow::Owned(to_json(&c.product_overrides)?),
            plan_options: Cow::Owned(to_json(&c.plan_options)?),
            proration_behavior: c.proration_behavior.as_str(),
            metadata: Cow::Owned(to_json(&c.metadata)?),
            preview: c.preview,
            cancel_reason: c.cancel_reason.clone(),
            created_at: c.created_at,
            updated_at: c.updated_at,
            completed_at: c.completed_at,
            link_secret: c.link_secret.clone(),
            discount: c
                .discount
                .as_ref()
                .map(to_json)
                .transpose()?
                .map(Cow::Owned),
            allow_promotion_codes: c.allow_promotion_codes,
            locale: c.locale.as_str(),
            checkout_link_id: c.checkout_link_id,
            search_email: c
                .customer_data
                .email
                .as_deref()
                .or(customer_email)
                .map(str::to_owned),
        })
    }
}
