//! Checkout sessions: create, preview, read, list, edit (API PATCH and the hosted plan and
//! details steps), confirm, cancel, expire. Every amount comes from `billing`.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::contracts::check_overrides;
use super::{Ctx, Errors, ListResponse};
use crate::billing::{self, Amendment, NewSubscription};
use crate::domain::catalog::{
    BusinessEntity, Contract, ContractItem, ContractStatus, Customer, NewContract, Plan, PlanItem,
    PlanStatus, Product, QuantityBounds,
};
use crate::domain::checkout::{ChangeSummary, Checkout, CheckoutStatus, CheckoutType, Quote};
use crate::domain::customer::CustomerData;
use crate::domain::invoice::Estimates;
use crate::domain::overrides::{AmendmentKind, ItemOverride, ProrationBehavior};
use crate::domain::redirect_url::RedirectUrl;
use crate::domain::terms::{ContractTerms, ItemTerms, PlanTerms};
use crate::error::AppError;
use crate::storage::{
    CheckoutEdit, CheckoutFilter, CheckoutUpdate, ConfirmOutcome, ConfirmWrite, PageRequest, Terms,
    TermsRef,
};

pub const DEFAULT_TTL_HOURS: i64 = 24;
pub const MAX_TTL_DAYS: i64 = 30;
pub const MAX_METADATA_KEYS: usize = 50;
pub const MAX_METADATA_KEY_LEN: usize = 40;
pub const MAX_METADATA_VALUE_LEN: usize = 500;
pub const MAX_OVERRIDES: usize = 50;
pub const MAX_PLAN_OPTIONS: usize = 10;

// ------------------------------------------------------------------ requests

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
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelCheckout {
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCheckouts {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
    pub checkout_status: Option<String>,
    pub customer_id: Option<String>,
    pub checkout_type: Option<String>,
}

// ------------------------------------------------------------------ responses

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
    pub estimates: Estimates,
    pub change: Option<ChangeSummary>,
    pub expires_at: DateTime<Utc>,
    pub success_url: Option<RedirectUrl>,
    pub cancel_url: Option<RedirectUrl>,
    pub product_overrides: Vec<ItemOverride>,
    pub plan_options: Vec<Uuid>,
    pub proration_behavior: ProrationBehavior,
    pub metadata: BTreeMap<String, String>,
    pub preview: bool,
    pub cancel_reason: Option<String>,
    pub url: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl CheckoutView {
    pub fn new(c: Checkout, public_url: &str, now: DateTime<Utc>) -> Self {
        Self {
            checkout_status: c.status_at(now),
            url: hosted_url(public_url, c.id),
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
            estimates: c.quote.estimates,
            change: c.quote.change,
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

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PreviewView {
    pub checkout_type: CheckoutType,
    pub estimates: Estimates,
    pub change: Option<ChangeSummary>,
}

pub fn hosted_url(public_url: &str, id: Uuid) -> String {
    format!("{}/checkout/{id}", public_url.trim_end_matches('/'))
}

// ------------------------------------------------------------------ pricing

/// Everything a session's estimate depends on, loaded from the store.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub plan: Option<Plan>,
    pub contract: Option<Contract>,
    /// The plan the contract is on now (amendments).
    pub contract_plan: Option<Plan>,
    pub products: Vec<Product>,
    pub entity: BusinessEntity,
}

/// The session inputs the estimate is a pure function of.
#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: CheckoutType,
    pub plan_id: Option<Uuid>,
    pub contract_id: Option<Uuid>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub overrides: Vec<ItemOverride>,
    pub behavior: ProrationBehavior,
}

/// What confirm writes: the contract's lines after the change and the dates.
#[derive(Debug, Clone)]
pub struct Priced {
    pub quote: Quote,
    pub items: Vec<ItemTerms>,
    pub billing_anchor_date: NaiveDate,
    pub effective_date: NaiveDate,
}

fn billing_error(field: &str, e: billing::BillingError) -> AppError {
    AppError::field(field, e.to_string())
}

/// The terms `draft` leads to, before anything is estimated.
enum Resolved<'a> {
    /// A new subscription to `plan` on `terms` (its lines after the overrides).
    New { plan: &'a Plan, terms: PlanTerms },
    /// A change to `contract` (now on `current`) to `new_plan` (its lines after the change).
    Amend {
        contract: &'a Contract,
        current: ContractTerms,
        new_plan: PlanTerms,
    },
}

impl Resolved<'_> {
    /// The contract's lines after the checkout.
    fn into_items(self) -> Vec<ItemTerms> {
        match self {
            Resolved::New { terms, .. } => terms.items,
            Resolved::Amend { new_plan, .. } => new_plan.items,
        }
    }
}

/// Pure: the plan and contract lines `draft` leads to, given what was loaded.
fn resolve<'a>(draft: &Draft, l: &'a Loaded) -> Result<Resolved<'a>, AppError> {
    let overrides = &draft.overrides;
    match draft.kind {
        CheckoutType::NewSubscription => {
            let plan = l.plan.as_ref().ok_or(AppError::NotFound("plan"))?;
            let mut terms = plan.terms(&l.products);
            terms.items = super::contracts::new_subscription_items(&terms.items, overrides)?;
            Ok(Resolved::New { plan, terms })
        }
        CheckoutType::PlanChange | CheckoutType::QuantityUpdate => {
            let contract = l.contract.as_ref().ok_or(AppError::NotFound("contract"))?;
            let current_plan = l.contract_plan.as_ref().ok_or(AppError::NotFound("plan"))?;
            let mut plan = current_plan.terms(&l.products);
            plan.items = contract.items.iter().map(|i| i.terms()).collect();
            let current = ContractTerms {
                plan,
                start_date: contract.start_date,
                end_date: contract.end_date,
                billing_anchor_date: contract.billing_anchor_date,
            };
            let (mut new_plan, kind) = match draft.kind {
                CheckoutType::PlanChange => {
                    let plan = l.plan.as_ref().ok_or(AppError::NotFound("plan"))?;
                    (plan.terms(&l.products), AmendmentKind::PlanChange)
                }
                _ => (current.plan.clone(), AmendmentKind::QuantityUpdate),
            };
            new_plan.items =
                billing::resolve_items(kind, &current.plan.items, &new_plan.items, overrides)
                    .map_err(|e| billing_error("product_overrides", e))?;
            Ok(Resolved::Amend {
                contract,
                current,
                new_plan,
            })
        }
    }
}

/// Pure: the contract's lines after the checkout `draft` describes, without the estimate
/// (the hosted pages list them).
fn resolved_items(draft: &Draft, l: &Loaded) -> Result<Vec<ItemTerms>, AppError> {
    resolve(draft, l).map(Resolved::into_items)
}

/// Pure: the estimate for `draft` given what was loaded.
pub fn price(draft: &Draft, l: &Loaded) -> Result<Priced, AppError> {
    let tax_rate = l.entity.tax_rate;
    match resolve(draft, l)? {
        Resolved::New { plan, terms } => {
            let est = billing::estimate_new_subscription(&NewSubscription {
                currency: plan.currency,
                tax_rate,
                plan: &terms,
                start_date: draft.start_date,
                end_date: draft.end_date,
            })
            .map_err(|e| billing_error("start_date", e))?;
            Ok(Priced {
                quote: Quote {
                    estimates: est.estimates,
                    change: None,
                },
                items: terms.items,
                billing_anchor_date: est.billing_anchor_date,
                effective_date: draft.start_date,
            })
        }
        Resolved::Amend {
            contract,
            current,
            new_plan,
        } => {
            let est = billing::estimate_amendment(&Amendment {
                currency: contract.currency,
                tax_rate,
                contract: &current,
                new_plan: &new_plan,
                effective_date: draft.start_date,
                behavior: draft.behavior,
            })
            .map_err(|e| billing_error("start_date", e))?;
            Ok(Priced {
                quote: Quote {
                    estimates: est.estimates,
                    change: Some(ChangeSummary {
                        behavior: est.behavior,
                        effective_date: est.effective_date,
                        billing_anchor_date: est.billing_anchor_date,
                        summary: est.summary,
                    }),
                },
                items: new_plan.items,
                billing_anchor_date: est.billing_anchor_date,
                effective_date: est.effective_date,
            })
        }
    }
}

/// The seller: the explicit entity, else the customer's, else the plan's, else the default.
pub async fn seller_entity(
    ctx: &Ctx,
    org: Uuid,
    explicit: Option<Uuid>,
    customer: Option<&Customer>,
    plan: Option<&Plan>,
) -> Result<BusinessEntity, AppError> {
    let id = explicit
        .or(customer.map(|c| c.business_entity_id))
        .or(plan.and_then(|p| p.business_entity_id));
    let entity = match id {
        Some(id) => super::cache::entity(ctx, org, id).await?,
        None => super::cache::default_entity(ctx, org).await?,
    };
    entity.ok_or(AppError::field(
        "business_entity_id",
        "no such business entity",
    ))
}

/// Checks every rule that depends on what `draft` refers to (SPEC §5), given those rows
/// (`terms`, read in one query by the caller) and the customer of a new session, if any.
/// Field problems go to `errors`; `None` when pricing is impossible.
async fn load(
    ctx: &Ctx,
    org: Uuid,
    draft: &Draft,
    entity_id: Option<Uuid>,
    customer: Option<Customer>,
    terms: Terms,
    errors: &mut Errors,
) -> Result<Option<Loaded>, AppError> {
    let Terms {
        plan,
        contract,
        contract_plan,
    } = terms;
    // A row the caller read for another id than the draft's is not the draft's.
    let plan = plan.filter(|p| Some(p.id) == draft.plan_id);
    let contract = contract.filter(|c| Some(c.id) == draft.contract_id);
    let contract_plan =
        contract_plan.filter(|p| contract.as_ref().is_some_and(|c| c.plan_id == p.id));
    if draft.plan_id.is_some() {
        match &plan {
            None => errors.add("plan_id", "no such plan"),
            Some(p) if p.status == PlanStatus::Archived => {
                errors.add("plan_id", "the plan is archived and cannot be bought")
            }
            _ => {}
        }
    }
    if draft.contract_id.is_some() {
        match &contract {
            None => errors.add("contract_id", "no such contract"),
            Some(c) if c.status != ContractStatus::Active => {
                errors.add("contract_id", "the contract is not active")
            }
            _ => {}
        }
    }
    if let (Some(p), Some(c)) = (&plan, &contract) {
        if p.currency != c.currency {
            errors.add(
                "plan_id",
                format!(
                    "the plan is in {} but the contract in {}",
                    p.currency.code(),
                    c.currency.code()
                ),
            );
        }
        if draft.kind == CheckoutType::PlanChange && p.id == c.plan_id {
            errors.add("plan_id", "the contract is already on this plan");
        }
    }
    if let Some(c) = &contract {
        let d = draft.start_date;
        if d < c.start_date || c.end_date.is_some_and(|e| d > e) {
            errors.add(
                "start_date",
                "the change must take effect inside the contract's term",
            );
        }
    }
    if draft.overrides.len() > MAX_OVERRIDES {
        errors.add(
            "product_overrides",
            format!("at most {MAX_OVERRIDES} overrides"),
        );
    }
    match draft.kind {
        CheckoutType::QuantityUpdate => {
            if draft.overrides.is_empty() {
                errors.add(
                    "product_overrides",
                    "a change to a contract without plan_id needs product_overrides",
                );
            }
            if let Some(c) = &contract {
                check_overrides(
                    errors,
                    &draft.overrides,
                    |id| c.item(id).map(ContractItem::bounds),
                    "contract",
                );
            }
        }
        _ => {
            if let Some(p) = &plan {
                check_overrides(
                    errors,
                    &draft.overrides,
                    |id| p.item(id).map(PlanItem::bounds),
                    "plan",
                );
            }
        }
    }
    // Amendments sell as the contract customer's entity unless told otherwise.
    let contract_customer = match (&customer, entity_id, &contract) {
        (None, None, Some(k)) => ctx.store.get_customer(org, k.customer_id).await?,
        _ => None,
    };
    let customer = customer.as_ref().or(contract_customer.as_ref());
    let entity = seller_entity(
        ctx,
        org,
        entity_id,
        customer,
        plan.as_ref().or(contract_plan.as_ref()),
    )
    .await;
    let entity = match entity {
        Ok(e) => Some(e),
        Err(_) => {
            errors.add("business_entity_id", "no such business entity");
            None
        }
    };
    if !errors.is_empty() {
        return Ok(None);
    }
    let Some(entity) = entity else {
        return Ok(None);
    };
    let mut ids: Vec<Uuid> = plan
        .iter()
        .chain(contract_plan.iter())
        .flat_map(|p| p.product_ids())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let products = super::cache::products(ctx, org, &ids).await?;
    Ok(Some(Loaded {
        plan,
        contract,
        contract_plan,
        products,
        entity,
    }))
}

/// [`load`] for an existing session: its seller is fixed on it, so its customer plays no part.
async fn load_session(
    ctx: &Ctx,
    c: &Checkout,
    draft: &Draft,
    terms: Terms,
    errors: &mut Errors,
) -> Result<Option<Loaded>, AppError> {
    load(
        ctx,
        c.organisation_id,
        draft,
        Some(c.business_entity_id),
        None,
        terms,
        errors,
    )
    .await
}

fn check_plan_options(
    errors: &mut Errors,
    options: &[Uuid],
    found: &[Plan],
    currency: Option<&Plan>,
) {
    if options.len() > MAX_PLAN_OPTIONS {
        errors.add("plan_options", format!("at most {MAX_PLAN_OPTIONS} plans"));
    }
    for (n, id) in options.iter().enumerate() {
        let path = format!("plan_options[{n}]");
        match found.iter().find(|p| p.id == *id) {
            None => errors.add(path, "no such plan"),
            Some(p) if p.status == PlanStatus::Archived => errors.add(path, "the plan is archived"),
            Some(p) => {
                if let Some(base) = currency
                    && base.currency != p.currency
                {
                    errors.add(path, "must be in the same currency as plan_id");
                }
            }
        }
    }
}

fn check_expiry(errors: &mut Errors, at: DateTime<Utc>, now: DateTime<Utc>) {
    if at <= now {
        errors.add("expires_at", "must be in the future");
    } else if at > now + Duration::days(MAX_TTL_DAYS) {
        errors.add(
            "expires_at",
            format!("must be at most {MAX_TTL_DAYS} days ahead"),
        );
    }
}

fn check_metadata(errors: &mut Errors, m: &BTreeMap<String, String>) {
    if m.len() > MAX_METADATA_KEYS {
        errors.add("metadata", format!("at most {MAX_METADATA_KEYS} keys"));
    }
    for (k, v) in m {
        if k.is_empty() || k.chars().count() > MAX_METADATA_KEY_LEN {
            errors.add(
                format!("metadata.{k}"),
                format!("keys are 1 to {MAX_METADATA_KEY_LEN} characters"),
            );
        }
        if v.chars().count() > MAX_METADATA_VALUE_LEN {
            errors.add(
                format!("metadata.{k}"),
                format!("values are at most {MAX_METADATA_VALUE_LEN} characters"),
            );
        }
    }
}

fn parse_url(errors: &mut Errors, field: &str, v: &Option<String>) -> Option<RedirectUrl> {
    let raw = v.as_deref()?;
    match RedirectUrl::parse(raw) {
        Ok(u) => Some(u),
        Err(msg) => {
            errors.add(field, msg);
            None
        }
    }
}

fn customer_data(errors: &mut Errors, d: Option<&CustomerData>) -> CustomerData {
    let d = d.map(CustomerData::normalised).unwrap_or_default();
    let mut es = Vec::new();
    d.validate_present("customer_data", &mut es);
    errors.extend(es);
    d
}

/// Everything `create` and `preview` share: validate the body and price it.
struct Validated {
    draft: Draft,
    loaded: Loaded,
    priced: Priced,
    customer_id: Option<Uuid>,
}

async fn validate_create(
    ctx: &Ctx,
    org: Uuid,
    input: &CreateCheckout,
    now: DateTime<Utc>,
) -> Result<Validated, AppError> {
    let mut errors = Errors::default();
    let Some(kind) = CheckoutType::detect(input.plan_id.is_some(), input.contract_id.is_some())
    else {
        errors.add(
            "plan_id",
            "is required (or contract_id with product_overrides)",
        );
        return Err(AppError::Validation(errors.0));
    };
    let guest = input.guest_checkout.unwrap_or(false);
    let preview = input.preview.unwrap_or(false);
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
        .await?;
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
        if customer.is_none() {
            errors.add("customer_id", "no such customer");
        }
    } else if kind == CheckoutType::NewSubscription && !preview {
        errors.add("customer_id", "is required unless guest_checkout is true");
    }
    let today = now.date_naive();
    let start_date = input.start_date.unwrap_or(today);
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
    parse_url(&mut errors, "success_url", &input.success_url);
    parse_url(&mut errors, "cancel_url", &input.cancel_url);
    customer_data(&mut errors, input.customer_data.as_ref());
    let draft = Draft {
        kind,
        plan_id: input.plan_id,
        contract_id: input.contract_id,
        start_date,
        end_date: input.end_date,
        overrides: input.product_overrides.clone().unwrap_or_default(),
        behavior: input.proration_behavior.unwrap_or(ProrationBehavior::Auto),
    };
    let mut customer_id = customer.as_ref().map(|c| c.id);
    let loaded = load(
        ctx,
        org,
        &draft,
        input.business_entity_id,
        customer,
        terms,
        &mut errors,
    )
    .await?;
    // Amendments: the customer is the contract's.
    if let Some(c) = loaded.as_ref().and_then(|l| l.contract.as_ref()) {
        match customer_id {
            Some(id) if id != c.customer_id => {
                errors.add("customer_id", "is not the contract's customer")
            }
            _ => customer_id = Some(c.customer_id),
        }
    }
    let options = input.plan_options.clone().unwrap_or_default();
    if !options.is_empty() {
        let found = ctx.store.get_plans(org, &options).await?;
        let base = loaded
            .as_ref()
            .and_then(|l| l.plan.as_ref().or(l.contract_plan.as_ref()));
        check_plan_options(&mut errors, &options, &found, base);
        if kind == CheckoutType::QuantityUpdate {
            errors.add(
                "plan_options",
                "a quantity update keeps the contract's plan",
            );
        }
    }
    errors.finish()?;
    let loaded = loaded.ok_or(AppError::Validation(Vec::new()))?;
    let priced = price(&draft, &loaded)?;
    Ok(Validated {
        draft,
        loaded,
        priced,
        customer_id,
    })
}

pub async fn preview(ctx: &Ctx, org: Uuid, input: CreateCheckout) -> Result<PreviewView, AppError> {
    let v = validate_create(ctx, org, &input, ctx.clock.now()).await?;
    Ok(PreviewView {
        checkout_type: v.draft.kind,
        estimates: v.priced.quote.estimates,
        change: v.priced.quote.change,
    })
}

pub async fn create(ctx: &Ctx, org: Uuid, input: CreateCheckout) -> Result<CheckoutView, AppError> {
    let now = ctx.clock.now();
    let v = validate_create(ctx, org, &input, now).await?;
    let mut errors = Errors::default();
    let success_url = parse_url(&mut errors, "success_url", &input.success_url);
    let cancel_url = parse_url(&mut errors, "cancel_url", &input.cancel_url);
    let mut plan_options = input.plan_options.clone().unwrap_or_default();
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
        customer_data: customer_data(&mut errors, input.customer_data.as_ref()),
        quote: v.priced.quote,
        expires_at: input
            .expires_at
            .unwrap_or(now + Duration::hours(DEFAULT_TTL_HOURS)),
        success_url,
        cancel_url,
        product_overrides: v.draft.overrides.clone(),
        plan_options,
        proration_behavior: v.draft.behavior,
        metadata: input.metadata.clone().unwrap_or_default(),
        preview: input.preview.unwrap_or(false),
        cancel_reason: None,
        created_at: now,
        updated_at: now,
        completed_at: None,
    };
    errors.finish()?;
    ctx.store.insert_checkout(&checkout).await?;
    Ok(CheckoutView::new(checkout, &ctx.public_url, now))
}

pub async fn get(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<CheckoutView, AppError> {
    let c = ctx
        .store
        .get_checkout(org, id)
        .await?
        .ok_or(AppError::NotFound("checkout"))?;
    Ok(CheckoutView::new(c, &ctx.public_url, ctx.clock.now()))
}

pub async fn list(
    ctx: &Ctx,
    org: Uuid,
    q: ListCheckouts,
) -> Result<ListResponse<CheckoutView>, AppError> {
    let page = super::ListParams {
        limit: q.limit,
        starting_after: q.starting_after,
    }
    .page();
    let mut errors = Errors::default();
    let mut filter = CheckoutFilter::default();
    if let Some(s) = q.checkout_status.as_deref() {
        filter.status = CheckoutStatus::parse(s);
        if filter.status.is_none() {
            errors.add(
                "checkout_status",
                "must be open, contract_created, cancelled or expired",
            );
        }
    }
    if let Some(t) = q.checkout_type.as_deref() {
        filter.checkout_type = CheckoutType::parse(t);
        if filter.checkout_type.is_none() {
            errors.add(
                "checkout_type",
                "must be new_subscription, plan_change or quantity_update",
            );
        }
    }
    if let Some(c) = q.customer_id.as_deref() {
        filter.customer_id = Uuid::parse_str(c).ok();
        if filter.customer_id.is_none() {
            errors.add("customer_id", "must be an id (UUID)");
        }
    }
    let page = match page {
        Ok(p) => p,
        Err(AppError::Validation(es)) => {
            errors.extend(es);
            PageRequest {
                limit: 20,
                starting_after: None,
            }
        }
        Err(e) => return Err(e),
    };
    errors.finish()?;
    let now = ctx.clock.now();
    let p = ctx.store.list_checkouts(org, &filter, page, now).await?;
    Ok(ListResponse {
        data: p
            .data
            .into_iter()
            .map(|c| CheckoutView::new(c, &ctx.public_url, now))
            .collect(),
        has_more: p.has_more,
    })
}

async fn load_checkout(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Checkout, AppError> {
    ctx.store
        .get_checkout(org, id)
        .await?
        .ok_or(AppError::NotFound("checkout"))
}

fn not_open(c: &Checkout, now: DateTime<Utc>, action: &str) -> AppError {
    AppError::conflict(format!(
        "This checkout session is {} and cannot be {action}.",
        c.status_at(now)
    ))
}

fn draft_of(c: &Checkout) -> Draft {
    Draft {
        kind: c.checkout_type,
        plan_id: c.plan_id,
        contract_id: c.contract_id,
        start_date: c.start_date,
        end_date: c.end_date,
        overrides: c.product_overrides.clone(),
        behavior: c.proration_behavior,
    }
}

/// Applies an edit to an open session: re-validates, recomputes the estimate, stores both.
async fn apply_edit(
    ctx: &Ctx,
    c: &Checkout,
    patch: PatchCheckout,
    now: DateTime<Utc>,
) -> Result<Checkout, AppError> {
    if c.status_at(now).edit().is_err() {
        return Err(not_open(c, now, "changed"));
    }
    let mut errors = Errors::default();
    let mut draft = draft_of(c);
    if let Some(plan_id) = patch.plan_id {
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
    if let Some(o) = patch.product_overrides {
        draft.overrides = o;
    }
    let customer_data = match &patch.customer_data {
        Some(d) => customer_data(&mut errors, Some(d)),
        None => c.customer_data.clone(),
    };
    let expires_at = patch.expires_at.unwrap_or(c.expires_at);
    if patch.expires_at.is_some() {
        check_expiry(&mut errors, expires_at, now);
    }
    let metadata = patch.metadata.clone().unwrap_or_else(|| c.metadata.clone());
    check_metadata(&mut errors, &metadata);
    let success_url = match &patch.success_url {
        Some(_) => parse_url(&mut errors, "success_url", &patch.success_url),
        None => c.success_url.clone(),
    };
    let cancel_url = match &patch.cancel_url {
        Some(_) => parse_url(&mut errors, "cancel_url", &patch.cancel_url),
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
        .await?;
    let loaded = load_session(ctx, c, &draft, terms, &mut errors).await?;
    errors.finish()?;
    let loaded = loaded.ok_or(AppError::Validation(Vec::new()))?;
    let priced = price(&draft, &loaded)?;
    let edit = CheckoutEdit {
        plan_id: draft.plan_id,
        product_overrides: draft.overrides.clone(),
        customer_data,
        success_url,
        cancel_url,
        expires_at,
        metadata,
        quote: priced.quote,
    };
    if !ctx
        .store
        .update_checkout(
            c.organisation_id,
            c.id,
            &CheckoutUpdate::Edited(Box::new(edit)),
            now,
        )
        .await?
    {
        let fresh = load_checkout(ctx, c.organisation_id, c.id).await?;
        return Err(not_open(&fresh, now, "changed"));
    }
    load_checkout(ctx, c.organisation_id, c.id).await
}

pub async fn patch(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    patch: PatchCheckout,
) -> Result<CheckoutView, AppError> {
    let now = ctx.clock.now();
    let c = load_checkout(ctx, org, id).await?;
    let c = apply_edit(ctx, &c, patch, now).await?;
    Ok(CheckoutView::new(c, &ctx.public_url, now))
}

/// What confirm did, for the API (JSON) and the hosted page (redirect).
#[derive(Debug)]
pub enum Confirmed {
    /// The session is (now, or already was) `contract_created`.
    Done(Box<Checkout>),
    /// A preview session: everything validated, nothing written.
    Previewed(Box<Checkout>),
}

/// Confirm: recompute, compare with what the customer reviewed, then write atomically.
pub async fn confirm(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Confirmed, AppError> {
    let (c, terms) = with_terms(ctx, Some(org), id).await?;
    confirm_session(ctx, c, terms).await
}

/// A session and the rows it refers to, in one query.
async fn with_terms(ctx: &Ctx, org: Option<Uuid>, id: Uuid) -> Result<(Checkout, Terms), AppError> {
    ctx.store
        .get_checkout_with_terms(org, id)
        .await?
        .ok_or(match org {
            Some(_) => AppError::NotFound("checkout"),
            None => AppError::NotFound("checkout session"),
        })
}

async fn confirm_session(ctx: &Ctx, c: Checkout, terms: Terms) -> Result<Confirmed, AppError> {
    let now = ctx.clock.now();
    let (org, id) = (c.organisation_id, c.id);
    match c.status_at(now) {
        CheckoutStatus::ContractCreated => return Ok(Confirmed::Done(Box::new(c))),
        CheckoutStatus::Open => {}
        _ => return Err(not_open(&c, now, "confirmed")),
    }
    if c.guest_checkout {
        c.customer_data
            .validate_complete("customer_data")
            .map_err(AppError::Validation)?;
    }
    let draft = draft_of(&c);
    let mut errors = Errors::default();
    let loaded = load_session(ctx, &c, &draft, terms, &mut errors).await?;
    errors.finish()?;
    let loaded = loaded.ok_or(AppError::Validation(Vec::new()))?;
    let priced = price(&draft, &loaded)?;
    if priced.quote != c.quote {
        let quote = priced.quote.clone();
        let requoted = ctx
            .store
            .update_checkout(
                org,
                id,
                &CheckoutUpdate::Requoted {
                    quote: Box::new(quote),
                },
                now,
            )
            .await?;
        if !requoted {
            // The session closed meanwhile: typically a concurrent confirm of this very
            // session, whose amendment is what changed the contract we just read.
            return finished(ctx, org, id, now).await;
        }
        return Err(AppError::Conflict {
            detail: "The estimate changed since it was shown (a price changed). Review the new estimate and confirm again.".into(),
            extra: Some(serde_json::json!({ "estimates": priced.quote.estimates })),
        });
    }
    if c.preview {
        return Ok(Confirmed::Previewed(Box::new(c)));
    }
    if c.checkout_type == CheckoutType::NewSubscription
        && c.customer_id.is_none()
        && !c.guest_checkout
    {
        return Err(AppError::field("customer_id", "is required"));
    }
    let write = confirm_write(&c, &loaded, &priced, now)?;
    match ctx.store.confirm_checkout(org, id, &write, now).await? {
        ConfirmOutcome::Confirmed { contract_id } => {
            // Exactly what the transaction wrote; no need to read it back.
            let customer_id = match &write {
                ConfirmWrite::NewContract { contract, .. } => {
                    c.customer_id.or(Some(contract.customer_id))
                }
                ConfirmWrite::Amend { .. } => c.customer_id,
            };
            return Ok(Confirmed::Done(Box::new(Checkout {
                status: CheckoutStatus::ContractCreated,
                contract_id: Some(contract_id),
                customer_id,
                completed_at: Some(now),
                updated_at: now,
                ..c
            })));
        }
        ConfirmOutcome::NotOpen => {}
        ConfirmOutcome::ContractChanged => {
            return Err(AppError::conflict(
                "The contract changed since this estimate was made. Create a new checkout session.",
            ));
        }
    }
    finished(ctx, org, id, now).await
}

/// The outcome for a confirm that found the session closed by someone else: the final state
/// if it was confirmed, else a conflict.
async fn finished(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Confirmed, AppError> {
    let fresh = load_checkout(ctx, org, id).await?;
    match fresh.status_at(now) {
        CheckoutStatus::ContractCreated => Ok(Confirmed::Done(Box::new(fresh))),
        _ => Err(not_open(&fresh, now, "confirmed")),
    }
}

fn confirm_write(
    c: &Checkout,
    l: &Loaded,
    p: &Priced,
    now: DateTime<Utc>,
) -> Result<ConfirmWrite, AppError> {
    match c.checkout_type {
        CheckoutType::NewSubscription => {
            let plan = l.plan.as_ref().ok_or(AppError::NotFound("plan"))?;
            // The session's customer was checked when it was created; a guest becomes one.
            let new_customer = match c.customer_id {
                Some(_) => None,
                None => Some(guest_customer(c, now)?),
            };
            let customer_id = c.customer_id.or(new_customer.as_ref().map(|c| c.id));
            let customer_id = customer_id.ok_or(AppError::field("customer_id", "is required"))?;
            let contract = Contract::start(NewContract {
                organisation_id: c.organisation_id,
                customer_id,
                plan,
                start_date: c.start_date,
                end_date: c.end_date,
                billing_anchor_date: p.billing_anchor_date,
                items: &p.items,
                change_summary: format!("New subscription to {}", plan.name),
                checkout_id: Some(c.id),
                now,
            });
            Ok(ConfirmWrite::NewContract {
                customer: new_customer.map(Box::new),
                contract: Box::new(contract),
            })
        }
        CheckoutType::PlanChange | CheckoutType::QuantityUpdate => {
            let contract = l.contract.as_ref().ok_or(AppError::NotFound("contract"))?;
            let plan = l
                .plan
                .as_ref()
                .or(l.contract_plan.as_ref())
                .ok_or(AppError::NotFound("plan"))?;
            let items = contract.amended_items(plan, &p.items);
            let summary = p
                .quote
                .change
                .as_ref()
                .map(|s| s.summary.clone())
                .unwrap_or_default();
            Ok(ConfirmWrite::Amend {
                contract_id: contract.id,
                expected_version: contract.version,
                plan_id: plan.id,
                effective_date: p.effective_date,
                billing_anchor_date: p.billing_anchor_date,
                items,
                change_summary: summary,
            })
        }
    }
}

fn guest_customer(c: &Checkout, now: DateTime<Utc>) -> Result<Customer, AppError> {
    let d = &c.customer_data;
    let name = d.customer_name.clone().ok_or(AppError::field(
        "customer_data.customer_name",
        "is required",
    ))?;
    Ok(Customer {
        id: Uuid::new_v4(),
        organisation_id: c.organisation_id,
        business_entity_id: c.business_entity_id,
        customer_name: name,
        email: d.email.clone(),
        phone_number: d.phone_number.clone(),
        external_id: None,
        company_name: d.company_name.clone(),
        tax_id: d.tax_id.clone(),
        address: d.address.clone(),
        created_at: now,
    })
}

pub async fn cancel(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    input: CancelCheckout,
) -> Result<Checkout, AppError> {
    cancel_session(ctx, load_checkout(ctx, org, id).await?, input).await
}

async fn cancel_session(
    ctx: &Ctx,
    c: Checkout,
    input: CancelCheckout,
) -> Result<Checkout, AppError> {
    let now = ctx.clock.now();
    let (org, id) = (c.organisation_id, c.id);
    let reason = input
        .reason
        .map(|r| r.trim().chars().take(500).collect::<String>())
        .filter(|r| !r.is_empty());
    match c.status_at(now) {
        CheckoutStatus::Cancelled => return Ok(c),
        CheckoutStatus::Open => {}
        _ => return Err(not_open(&c, now, "cancelled")),
    }
    if !c.preview {
        ctx.store
            .update_checkout(org, id, &CheckoutUpdate::Cancelled { reason }, now)
            .await?;
    }
    let fresh = load_checkout(ctx, org, id).await?;
    match fresh.status_at(now) {
        CheckoutStatus::Cancelled => Ok(fresh),
        CheckoutStatus::Open if fresh.preview => Ok(fresh),
        _ => Err(not_open(&fresh, now, "cancelled")),
    }
}

pub async fn expire(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<CheckoutView, AppError> {
    let now = ctx.clock.now();
    let c = load_checkout(ctx, org, id).await?;
    match c.status_at(now) {
        CheckoutStatus::Expired | CheckoutStatus::Open => {}
        _ => return Err(not_open(&c, now, "expired")),
    }
    ctx.store
        .update_checkout(org, id, &CheckoutUpdate::Expired, now)
        .await?;
    let fresh = load_checkout(ctx, org, id).await?;
    match fresh.status_at(now) {
        CheckoutStatus::Expired => Ok(CheckoutView::new(fresh, &ctx.public_url, now)),
        _ => Err(not_open(&fresh, now, "expired")),
    }
}

/// The background sweeper's step: marks open sessions past their expiry.
pub async fn sweep_expired(ctx: &Ctx) -> Result<u64, AppError> {
    Ok(ctx.store.expire_due(ctx.clock.now(), 500).await?)
}

// ------------------------------------------------------------------ hosted pages

/// Everything a hosted page shows about a session.
#[derive(Debug, Clone)]
pub struct HostedCheckout {
    pub checkout: Checkout,
    pub status: CheckoutStatus,
    pub loaded: Loaded,
    /// Plans the customer may choose between (the session's plan first).
    pub plan_choices: Vec<Plan>,
    /// Product details for every plan shown.
    pub products: Vec<Product>,
    /// The contract's lines after this checkout (empty for closed sessions).
    pub items: Vec<ItemTerms>,
}

pub async fn hosted(ctx: &Ctx, id: Uuid) -> Result<HostedCheckout, AppError> {
    let now = ctx.clock.now();
    let (c, terms) = with_terms(ctx, None, id).await?;
    let org = c.organisation_id;
    let status = c.status_at(now);
    let seller_only = |entity| Loaded {
        plan: None,
        contract: None,
        contract_plan: None,
        products: Vec::new(),
        entity,
    };
    if status != CheckoutStatus::Open {
        // A closed session shows a status page: only the seller's branding is needed.
        let entity = super::cache::entity(ctx, org, c.business_entity_id)
            .await?
            .ok_or(AppError::NotFound("business entity"))?;
        return Ok(HostedCheckout {
            status,
            checkout: c,
            loaded: seller_only(entity),
            plan_choices: Vec::new(),
            products: Vec::new(),
            items: Vec::new(),
        });
    }
    let mut errors = Errors::default();
    let draft = draft_of(&c);
    let loaded = load_session(ctx, &c, &draft, terms, &mut errors).await?;
    let loaded = match loaded {
        Some(l) => l,
        None => {
            // The catalog changed under an open session (e.g. plan archived): show it as it was.
            let entity = super::cache::entity(ctx, org, c.business_entity_id)
                .await?
                .ok_or(AppError::NotFound("business entity"))?;
            seller_only(entity)
        }
    };
    let (plan_choices, products) = if c.plan_options.is_empty() {
        // Only the session's own plan: already loaded with its products.
        (
            loaded.plan.iter().cloned().collect(),
            loaded.products.clone(),
        )
    } else {
        let mut ids: Vec<Uuid> = c
            .plan_id
            .into_iter()
            .chain(c.plan_options.iter().copied())
            .collect();
        ids.dedup();
        let mut plans = ctx.store.get_plans(org, &ids).await?;
        plans.retain(|p| p.status == PlanStatus::Active || Some(p.id) == c.plan_id);
        plans.sort_by_key(|p| ids.iter().position(|i| *i == p.id));
        let mut pids: Vec<Uuid> = plans.iter().flat_map(|p| p.product_ids()).collect();
        pids.sort_unstable();
        pids.dedup();
        let products = super::cache::products(ctx, org, &pids).await?;
        (plans, products)
    };
    let items = resolved_items(&draft, &loaded).unwrap_or_default();
    Ok(HostedCheckout {
        status,
        checkout: c,
        loaded,
        plan_choices,
        products,
        items,
    })
}

/// The plan step's form: the chosen plan, quantities of adjustable items and the add-ons on.
///
/// A page offering several plans names its inputs per plan (`quantity.<plan_id>.<product_id>`,
/// `enabled.<plan_id>.<product_id>`), because the plans may share products and a form without
/// JavaScript sends every card's inputs; only the chosen plan's are read then (`scoped`).
/// A page with one plan uses the plain `quantity.<product_id>` / `enabled.<product_id>`.
#[derive(Debug, Clone, Default)]
pub struct PlanChoice {
    pub plan_id: Option<Uuid>,
    pub quantities: HashMap<Uuid, String>,
    pub enabled: Vec<Uuid>,
    /// `(plan_id, product_id)` → quantity typed on that plan's card.
    pub plan_quantities: HashMap<(Uuid, Uuid), String>,
    /// `(plan_id, product_id)` of the add-ons ticked on that plan's card.
    pub plan_enabled: Vec<(Uuid, Uuid)>,
    /// The form named its inputs per plan.
    pub scoped: bool,
}

impl PlanChoice {
    fn quantity(&self, plan: Option<Uuid>, product: Uuid) -> Option<&String> {
        match (self.scoped, plan) {
            (true, Some(plan)) => self.plan_quantities.get(&(plan, product)),
            _ => self.quantities.get(&product),
        }
    }

    fn enabled(&self, plan: Option<Uuid>, product: Uuid) -> bool {
        match (self.scoped, plan) {
            (true, Some(plan)) => self.plan_enabled.contains(&(plan, product)),
            _ => self.enabled.contains(&product),
        }
    }
}

/// What the customer may change on a contract line during a quantity update: its quantity if
/// the plan lets customers adjust it (or the merchant proposed a quantity for it), and whether
/// it is on if the plan offers it as an add-on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineFreedom {
    pub adjustable: bool,
    pub optional: bool,
}

pub fn contract_line_freedom(
    item: &ContractItem,
    plan: Option<&Plan>,
    merchant_overrides: &[ItemOverride],
) -> LineFreedom {
    let plan_item = plan.and_then(|p| p.item(item.product_id));
    let proposed = merchant_overrides
        .iter()
        .any(|o| o.product_id == item.product_id && o.quantity.is_some());
    LineFreedom {
        adjustable: plan_item.is_none_or(|pi| pi.adjustable) || proposed,
        optional: plan_item.is_some_and(|pi| pi.optional),
    }
}

/// One line the customer sees on the plan step, and what they may change on it.
struct ChoiceLine {
    product_id: Uuid,
    adjustable: bool,
    optional: bool,
    bounds: QuantityBounds,
}

/// Applies the customer's choices: only adjustable quantities and optional add-ons can change,
/// and only to plans the merchant offered. The merchant's overrides on lines the customer
/// cannot change are kept.
pub async fn choose_plan(ctx: &Ctx, id: Uuid, choice: PlanChoice) -> Result<Checkout, AppError> {
    let now = ctx.clock.now();
    let h = hosted(ctx, id).await?;
    let c = &h.checkout;
    if c.status_at(now).edit().is_err() {
        return Err(not_open(c, now, "changed"));
    }
    let plan_id = match c.checkout_type {
        CheckoutType::QuantityUpdate => None,
        _ => {
            let chosen = choice.plan_id.or(c.plan_id);
            if chosen != c.plan_id && !chosen.is_some_and(|p| c.plan_options.contains(&p)) {
                return Err(AppError::field(
                    "plan_id",
                    "choose one of the plans offered",
                ));
            }
            chosen
        }
    };
    // Overrides the merchant wrote for this plan (a different plan starts from its defaults).
    let existing: &[ItemOverride] = if plan_id == c.plan_id {
        &c.product_overrides
    } else {
        &[]
    };
    let existing_of = |pid: Uuid| existing.iter().find(|o| o.product_id == pid);
    let lines: Vec<ChoiceLine> = match c.checkout_type {
        CheckoutType::QuantityUpdate => {
            let contract = h
                .loaded
                .contract
                .as_ref()
                .ok_or(AppError::NotFound("contract"))?;
            let plan = h.loaded.contract_plan.as_ref();
            contract
                .items
                .iter()
                .map(|i| {
                    let freedom = contract_line_freedom(i, plan, existing);
                    ChoiceLine {
                        product_id: i.product_id,
                        adjustable: freedom.adjustable,
                        optional: freedom.optional,
                        bounds: i.bounds(),
                    }
                })
                .collect()
        }
        _ => {
            let plan = h
                .plan_choices
                .iter()
                .find(|p| Some(p.id) == plan_id)
                .ok_or(AppError::field(
                    "plan_id",
                    "choose one of the plans offered",
                ))?;
            plan.items
                .iter()
                .map(|i| ChoiceLine {
                    product_id: i.product_id,
                    adjustable: i.adjustable,
                    optional: i.optional,
                    bounds: i.bounds(),
                })
                .collect()
        }
    };
    let mut errors = Errors::default();
    let mut overrides = Vec::new();
    for line in lines {
        let pid = line.product_id;
        let kept = existing_of(pid);
        let mut o = ItemOverride {
            product_id: pid,
            quantity: if line.adjustable {
                None
            } else {
                kept.and_then(|k| k.quantity)
            },
            is_enabled: if line.optional {
                None
            } else {
                kept.and_then(|k| k.is_enabled)
            },
        };
        if line.adjustable {
            match choice.quantity(plan_id, pid) {
                // Not on the form: whatever was chosen before stays.
                None => o.quantity = kept.and_then(|k| k.quantity),
                Some(raw) => match raw.trim().parse::<u64>() {
                    Ok(q) if line.bounds.allows(q) => {
                        // Written out always: the default of a plan change or quantity update
                        // is the contract's quantity, not the plan's.
                        o.quantity = Some(q);
                    }
                    _ => errors.add(
                        format!("quantity.{pid}"),
                        "enter a whole number within the allowed range",
                    ),
                },
            }
        }
        if line.optional {
            o.is_enabled = Some(choice.enabled(plan_id, pid));
        }
        if o.quantity.is_some() || o.is_enabled.is_some() {
            overrides.push(o);
        }
    }
    errors.finish()?;
    let patch = PatchCheckout {
        plan_id: if c.checkout_type == CheckoutType::QuantityUpdate {
            None
        } else {
            plan_id
        },
        product_overrides: Some(overrides),
        ..PatchCheckout::default()
    };
    apply_edit(ctx, c, patch, now).await
}

/// The details step (guests): stores what was typed; every problem named by form field.
pub async fn save_details(ctx: &Ctx, id: Uuid, data: CustomerData) -> Result<Checkout, AppError> {
    let now = ctx.clock.now();
    let c = session_by_id(ctx, id).await?;
    if c.status_at(now).edit().is_err() {
        return Err(not_open(&c, now, "changed"));
    }
    let data = data.normalised();
    data.validate_complete("customer_data")
        .map_err(AppError::Validation)?;
    let patch = PatchCheckout {
        customer_data: Some(data),
        ..PatchCheckout::default()
    };
    apply_edit(ctx, &c, patch, now).await
}

/// The hosted pages know a session only by its id (the link is the capability).
async fn session_by_id(ctx: &Ctx, id: Uuid) -> Result<Checkout, AppError> {
    ctx.store
        .get_checkout_by_id(id)
        .await?
        .ok_or(AppError::NotFound("checkout session"))
}

pub async fn hosted_confirm(ctx: &Ctx, id: Uuid) -> Result<Confirmed, AppError> {
    let (c, terms) = with_terms(ctx, None, id).await?;
    confirm_session(ctx, c, terms).await
}

pub async fn hosted_cancel(ctx: &Ctx, id: Uuid) -> Result<Checkout, AppError> {
    cancel_session(
        ctx,
        session_by_id(ctx, id).await?,
        CancelCheckout {
            reason: Some("cancelled by the customer".into()),
        },
    )
    .await
}
