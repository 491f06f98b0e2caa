//! What a session's estimate depends on, and the estimate itself: [`load`] checks every rule
//! that depends on the rows a checkout refers to (SPEC §5) and gathers them; [`price`] is the
//! pure step from those rows and the session's inputs to the invoices (via `billing`).

use anyhow::Context as _;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::MAX_OVERRIDES;
use super::fields::check_overrides;
use crate::billing::{self, Amendment, BillingError, NewSubscription, Replaced};
use crate::domain::catalog::{
    BusinessEntity, Contract, ContractItem, ContractStatus, Customer, Plan, PlanItem, PlanStatus,
    Product,
};
use crate::domain::checkout::{ChangeSummary, Checkout, CheckoutType, Quote};
use crate::domain::discount::{Coupon, Discount, DiscountRef, PromotionCode, Unavailable};
use crate::domain::invoice::LineKind;
use crate::domain::money::Currency;
use crate::domain::overrides::{AmendmentKind, ItemOverride, ProrationBehavior};
use crate::domain::terms::{ContractTerms, ItemTerms, PlanTerms};
use crate::domain::validation::FieldError;
use crate::domain::wording::Note;
use crate::services::{Ctx, Errors, cache};
use crate::storage::Terms;

/// Everything a session's estimate depends on, loaded from the store.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub plan: Option<Plan>,
    pub contract: Option<Contract>,
    /// The plan the contract is on now (amendments).
    pub contract_plan: Option<Plan>,
    pub products: Vec<Product>,
    pub entity: BusinessEntity,
    /// The coupon and code the draft redeems, as they are now (`None` without a discount).
    pub discount: Option<LoadedDiscount>,
    /// When it was loaded: a coupon's or code's expiry is checked against it.
    pub now: DateTime<Utc>,
}

/// What a draft's discount depends on: the coupon (`None` when it no longer exists), the
/// code typed, and whether the buyer has no contract yet.
#[derive(Debug, Clone)]
pub struct LoadedDiscount {
    pub coupon: Option<Coupon>,
    pub code: Option<PromotionCode>,
    pub first_time: bool,
}

impl LoadedDiscount {
    /// The discount to price, or why it cannot be used on an order in `currency` of
    /// `products` (SPEC §10).
    fn usable(
        &self,
        now: DateTime<Utc>,
        currency: Currency,
        products: &[Uuid],
    ) -> Result<Discount, Unavailable> {
        let coupon = self.coupon.as_ref().ok_or(Unavailable::Unknown)?;
        if let Some(code) = &self.code {
            code.check(now, self.first_time)?;
        }
        coupon.check(now, currency, products)?;
        Ok(coupon.discount(self.code.as_ref()))
    }

    /// How the customer knows it: the code typed, else the coupon's name.
    pub fn label(&self) -> &str {
        match (&self.code, &self.coupon) {
            (Some(code), _) => &code.code,
            (None, Some(c)) => &c.name,
            (None, None) => "discount",
        }
    }
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
    /// What the session redeems.
    pub discount: Option<DiscountRef>,
    /// The buyer, when it is an existing customer (a first-time code asks about them).
    pub customer_id: Option<Uuid>,
}

impl Draft {
    /// The inputs of a stored session.
    pub fn of(c: &Checkout) -> Draft {
        Draft {
            kind: c.checkout_type,
            plan_id: c.plan_id,
            contract_id: c.contract_id,
            start_date: c.start_date,
            end_date: c.end_date,
            overrides: c.product_overrides.clone(),
            behavior: c.proration_behavior,
            discount: c.discount,
            customer_id: c.customer_id,
        }
    }
}

/// What confirm writes: the contract's lines after the change and the dates.
#[derive(Debug, Clone)]
pub struct Priced {
    pub quote: Quote,
    pub items: Vec<ItemTerms>,
    pub billing_anchor_date: NaiveDate,
    pub effective_date: NaiveDate,
    /// Why the draft's discount was left out of the estimate, if it was.
    pub discount_rejected: Option<Unavailable>,
}

impl Priced {
    /// Whether the estimate carries the draft's own discount (what confirm redeems), rather
    /// than none or only the contract's.
    pub fn redeems(&self, draft: &Draft) -> bool {
        draft.discount.is_some() && self.discount_rejected.is_none()
    }
}

/// Why a draft could not be priced.
#[derive(Debug, thiserror::Error)]
pub enum PriceError {
    /// The engine refused a combination the validation could not see; named by its field.
    #[error("{0}")]
    Invalid(FieldError),
    /// [`load`] did not supply a row the draft needs (a bug, not bad input).
    #[error("the loaded terms have no {0}")]
    Missing(&'static str),
}

impl PriceError {
    fn billing(field: &str, e: BillingError) -> Self {
        PriceError::Invalid(FieldError::new(field, e.to_string()))
    }

    /// The field errors of a bad draft; anything else is unexpected.
    pub fn into_invalid(self) -> Result<Vec<FieldError>, anyhow::Error> {
        match self {
            PriceError::Invalid(e) => Ok(vec![e]),
            missing => Err(anyhow::Error::new(missing)),
        }
    }
}

/// The terms `draft` leads to, before anything is estimated.
enum Resolved<'a> {
    /// A new subscription to `plan` on `terms` (its lines after the overrides).
    New { plan: &'a Plan, terms: PlanTerms },
    /// A change to `contract` (now on `current`) to `new_plan` (its lines after the change).
    Amend {
        contract: &'a Contract,
        current: Box<ContractTerms>,
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

/// A plan's lines for a new contract, with the merchant's overrides applied (the engine's
/// rule, shared by contract import and checkout pricing).
pub fn new_subscription_items(
    terms: &[ItemTerms],
    overrides: &[ItemOverride],
) -> Result<Vec<ItemTerms>, PriceError> {
    billing::resolve_items(AmendmentKind::QuantityUpdate, terms, terms, overrides)
        .map_err(|e| PriceError::billing("product_overrides", e))
}

/// Pure: the plan and contract lines `draft` leads to, given what was loaded.
fn resolve<'a>(draft: &Draft, l: &'a Loaded) -> Result<Resolved<'a>, PriceError> {
    let overrides = &draft.overrides;
    match draft.kind {
        CheckoutType::NewSubscription => {
            let plan = l.plan.as_ref().ok_or(PriceError::Missing("plan"))?;
            let mut terms = plan.terms(&l.products);
            terms.items = new_subscription_items(&terms.items, overrides)?;
            Ok(Resolved::New { plan, terms })
        }
        CheckoutType::PlanChange | CheckoutType::QuantityUpdate => {
            let contract = l.contract.as_ref().ok_or(PriceError::Missing("contract"))?;
            let current_plan = l
                .contract_plan
                .as_ref()
                .ok_or(PriceError::Missing("contract plan"))?;
            // SPEC §11: priced against the terms in force on the effective date.
            let in_force = contract.in_force_on(draft.start_date);
            let mut plan = current_plan.terms(&l.products);
            plan.items = in_force.items.iter().map(ContractItem::terms).collect();
            let current = ContractTerms {
                plan,
                start_date: contract.start_date,
                end_date: contract.end_date,
                billing_anchor_date: in_force.billing_anchor_date,
                discount: in_force.discount.cloned(),
            };
            let (mut new_plan, kind) = match draft.kind {
                CheckoutType::PlanChange => {
                    let plan = l.plan.as_ref().ok_or(PriceError::Missing("plan"))?;
                    (plan.terms(&l.products), AmendmentKind::PlanChange)
                }
                _ => (current.plan.clone(), AmendmentKind::QuantityUpdate),
            };
            new_plan.items =
                billing::resolve_items(kind, &current.plan.items, &new_plan.items, overrides)
                    .map_err(|e| PriceError::billing("product_overrides", e))?;
            Ok(Resolved::Amend {
                contract,
                current: Box::new(current),
                new_plan,
            })
        }
    }
}

/// Pure: the contract's lines after the checkout `draft` describes, without the estimate
/// (the hosted pages list them).
pub fn resolved_items(draft: &Draft, l: &Loaded) -> Result<Vec<ItemTerms>, PriceError> {
    resolve(draft, l).map(Resolved::into_items)
}

impl Resolved<'_> {
    fn currency(&self) -> Currency {
        match self {
            Resolved::New { plan, .. } => plan.currency,
            Resolved::Amend { contract, .. } => contract.currency,
        }
    }

    /// The products billed after the checkout (a coupon for other products does not apply).
    fn product_ids(&self) -> Vec<Uuid> {
        let items = match self {
            Resolved::New { terms, .. } => &terms.items,
            Resolved::Amend { new_plan, .. } => &new_plan.items,
        };
        items
            .iter()
            .filter(|i| i.enabled)
            .map(|i| i.product_id)
            .collect()
    }
}

/// The subtotal a minimum order is checked against: the first paid invoice's, before the
/// discount (after a trial, the invoice that follows it).
fn first_paid_subtotal(q: &Quote) -> Decimal {
    let current = &q.estimates.current_invoice;
    let trial = current.line_items.iter().any(|l| l.kind == LineKind::Trial);
    match (&q.estimates.next_invoice, trial) {
        (Some(next), true) => next.subtotal,
        _ => current.subtotal,
    }
}

/// Pure: the estimate for `draft` given what was loaded. A discount that cannot be used is
/// left out, with the reason in [`Priced::discount_rejected`] and a note on the invoice.
pub fn price(draft: &Draft, l: &Loaded) -> Result<Priced, PriceError> {
    let resolved = resolve(draft, l)?;
    let currency = resolved.currency();
    let offered = match (&draft.discount, &l.discount) {
        (None, _) => None,
        (Some(_), None) => Some(Err(Unavailable::Unknown)),
        (Some(_), Some(d)) => Some(d.usable(l.now, currency, &resolved.product_ids())),
    };
    let discount = offered.as_ref().and_then(|o| o.as_ref().ok());
    let mut priced = estimate(draft, l, &resolved, discount)?;
    let mut rejected = offered.and_then(Result::err);
    if rejected.is_none()
        && let Some(code) = l.discount.as_ref().and_then(|d| d.code.as_ref())
        && let Err(why) = code.check_minimum(currency, first_paid_subtotal(&priced.quote))
    {
        priced = estimate(draft, l, &resolved, None)?;
        rejected = Some(why);
    }
    if let Some(why) = &rejected {
        let label = l
            .discount
            .as_ref()
            .map_or("discount", LoadedDiscount::label);
        priced
            .quote
            .estimates
            .current_invoice
            .push_note(Note::DiscountRefused {
                discount: label.to_owned(),
                why: why.clone(),
            });
    }
    priced.discount_rejected = rejected;
    Ok(priced)
}

/// Pure: the estimate of the resolved terms with `discount` (or none).
fn estimate(
    draft: &Draft,
    l: &Loaded,
    resolved: &Resolved<'_>,
    discount: Option<&Discount>,
) -> Result<Priced, PriceError> {
    let tax_rate = l.entity.tax_rate;
    match resolved {
        Resolved::New { plan, terms } => {
            let est = billing::estimate_new_subscription(&NewSubscription {
                currency: plan.currency,
                tax_rate,
                plan: terms,
                start_date: draft.start_date,
                end_date: draft.end_date,
                discount,
            })
            .map_err(|e| PriceError::billing("start_date", e))?;
            Ok(Priced {
                quote: Quote {
                    estimates: est.estimates,
                    change: None,
                    discount: est.discount,
                },
                items: terms.items.clone(),
                billing_anchor_date: est.billing_anchor_date,
                effective_date: draft.start_date,
                discount_rejected: None,
            })
        }
        Resolved::Amend {
            contract,
            current,
            new_plan,
        } => {
            let replaced = contract.scheduled_after(draft.start_date);
            let est = billing::estimate_amendment(&Amendment {
                currency: contract.currency,
                tax_rate,
                contract: current,
                new_plan,
                effective_date: draft.start_date,
                behavior: draft.behavior,
                new_discount: discount,
                replaces: replaced.map(|s| Replaced {
                    plan_name: (s.plan_id != contract.in_force_on(draft.start_date).plan_id)
                        .then_some(s.plan_name.as_str()),
                    on: s.start_date,
                }),
            })
            .map_err(|e| PriceError::billing("start_date", e))?;
            Ok(Priced {
                quote: Quote {
                    estimates: est.estimates,
                    change: Some(ChangeSummary {
                        behavior: est.behavior,
                        effective_date: est.effective_date,
                        billing_anchor_date: est.billing_anchor_date,
                        summary: est.summary,
                        summary_details: Some(est.summary_details),
                    }),
                    discount: est.discount,
                },
                items: new_plan.items.clone(),
                billing_anchor_date: est.billing_anchor_date,
                effective_date: est.effective_date,
                discount_rejected: None,
            })
        }
    }
}

/// The coupon and code `r` names, as they are now, and whether `customer` (the buyer, if an
/// existing customer) has no contract yet. Amendments are never a first purchase.
pub async fn load_discount(
    ctx: &Ctx,
    org: Uuid,
    r: DiscountRef,
    kind: CheckoutType,
    customer: Option<Uuid>,
) -> anyhow::Result<LoadedDiscount> {
    let coupon = ctx
        .store
        .get_coupon(org, r.coupon_id)
        .await
        .context("reading the coupon")?;
    let code = match r.promotion_code_id {
        Some(id) => ctx
            .store
            .get_promotion_code(org, id)
            .await
            .context("reading the promotion code")?,
        None => None,
    };
    let needs_first_time = code
        .as_ref()
        .is_some_and(|c| c.restrictions.first_time_transaction);
    let first_time = match (kind, customer) {
        (CheckoutType::NewSubscription, Some(customer)) if needs_first_time => !ctx
            .store
            .customer_has_contracts(org, customer)
            .await
            .context("reading the customer's contracts")?,
        (CheckoutType::NewSubscription, _) => true,
        _ => false,
    };
    // A code that was deleted from under the session is as good as unknown.
    let code = code.filter(|c| c.coupon_id == r.coupon_id);
    if r.promotion_code_id.is_some() && code.is_none() {
        return Ok(LoadedDiscount {
            coupon: None,
            code: None,
            first_time,
        });
    }
    Ok(LoadedDiscount {
        coupon,
        code,
        first_time,
    })
}

/// Checks every rule that depends on what `draft` refers to (SPEC §5), given those rows
/// (`terms`, read in one query by the caller) and the customer of a new session, if any.
/// Field problems go to `errors`; the terms come back only when none was found.
pub async fn load(
    ctx: &Ctx,
    org: Uuid,
    draft: &Draft,
    entity_id: Option<Uuid>,
    customer: Option<Customer>,
    terms: Terms,
    errors: &mut Errors,
) -> anyhow::Result<Option<Loaded>> {
    let Terms {
        plan,
        contract,
        contract_plan,
    } = terms;
    // A row the caller read for another id than the draft's is not the draft's.
    let plan = plan.filter(|p| Some(p.id) == draft.plan_id);
    // The contract with the terms in force on the effective date as its own (SPEC §11): a
    // scheduled change that has started by then is what the amendment changes.
    let contract = contract
        .filter(|c| Some(c.id) == draft.contract_id)
        .map(|c| c.as_of(draft.start_date));
    // The plan of the terms in force on the effective date (SPEC §11): the row's (read with
    // it), or a scheduled phase's that has started by then (read here).
    let phase_plan = contract
        .as_ref()
        .map(|c| c.in_force_on(draft.start_date).plan_id);
    let contract_plan = match (
        contract_plan.filter(|p| Some(p.id) == phase_plan),
        phase_plan,
    ) {
        (Some(p), _) => Some(p),
        (None, Some(id)) => ctx
            .store
            .get_plan(org, id)
            .await
            .context("reading the plan of the contract's phase")?,
        (None, None) => None,
    };
    check_references(draft, plan.as_ref(), contract.as_ref(), errors);
    // Amendments sell as the contract customer's entity unless told otherwise.
    let contract_customer = match (&customer, entity_id, &contract) {
        (None, None, Some(k)) => ctx
            .store
            .get_customer(org, k.customer_id)
            .await
            .context("reading the contract's customer")?,
        _ => None,
    };
    let customer = customer.as_ref().or(contract_customer.as_ref());
    let seller = plan.as_ref().or(contract_plan.as_ref());
    let entity = super::seller::seller_entity(ctx, org, entity_id, customer, seller).await?;
    if entity.is_none() {
        errors.add("business_entity_id", "no such business entity");
    }
    let Some(entity) = entity.filter(|_| errors.is_empty()) else {
        return Ok(None);
    };
    let mut ids: Vec<Uuid> = plan
        .iter()
        .chain(contract_plan.iter())
        .flat_map(|p| p.product_ids())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let products = cache::products(ctx, org, &ids)
        .await
        .context("reading the plan's products")?;
    let discount = match draft.discount {
        Some(r) => Some(load_discount(ctx, org, r, draft.kind, draft.customer_id).await?),
        None => None,
    };
    Ok(Some(Loaded {
        plan,
        contract,
        contract_plan,
        products,
        entity,
        discount,
        now: ctx.clock.now(),
    }))
}

/// The rules between a draft and the plan and contract it names (SPEC §5).
fn check_references(
    draft: &Draft,
    plan: Option<&Plan>,
    contract: Option<&Contract>,
    errors: &mut Errors,
) {
    if draft.plan_id.is_some() {
        match plan {
            None => errors.add("plan_id", "no such plan"),
            Some(p) if p.status == PlanStatus::Archived => {
                errors.add("plan_id", "the plan is archived and cannot be bought")
            }
            _ => {}
        }
    }
    if draft.contract_id.is_some() {
        match contract {
            None => errors.add("contract_id", "no such contract"),
            Some(c) if c.status != ContractStatus::Active => {
                errors.add("contract_id", "the contract is not active")
            }
            _ => {}
        }
    }
    if let (Some(p), Some(c)) = (plan, contract) {
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
        if draft.kind == CheckoutType::PlanChange && p.id == c.in_force_on(draft.start_date).plan_id
        {
            errors.add("plan_id", "the contract is already on this plan");
        }
    }
    if let Some(c) = contract {
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
            if let Some(c) = contract {
                let in_force = c.in_force_on(draft.start_date);
                check_overrides(
                    errors,
                    &draft.overrides,
                    |id| {
                        in_force
                            .items
                            .iter()
                            .find(|i| i.product_id == id)
                            .map(ContractItem::bounds)
                    },
                    "contract",
                );
            }
        }
        _ => {
            if let Some(p) = plan {
                check_overrides(
                    errors,
                    &draft.overrides,
                    |id| p.item(id).map(PlanItem::bounds),
                    "plan",
                );
            }
        }
    }
}

/// [`load`] for an existing session: its seller is fixed on it, so its customer plays no part.
pub async fn load_session(
    ctx: &Ctx,
    c: &Checkout,
    draft: &Draft,
    terms: Terms,
    errors: &mut Errors,
) -> anyhow::Result<Option<Loaded>> {
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
