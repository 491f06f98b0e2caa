//! Contracts: import without a checkout, read, list; and the helpers that turn a plan into
//! contract lines (shared with checkout confirm).

use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::{Ctx, Errors, ListResponse};
use crate::billing::{self, NewSubscription};
use crate::domain::catalog::{Contract, NewContract, PlanItem, PlanStatus, QuantityBounds};
use crate::domain::overrides::{AmendmentKind, ItemOverride};
use crate::domain::terms::ItemTerms;
use crate::error::AppError;
use crate::storage::PageRequest;

/// Checks overrides against the lines they may touch (plan items or contract items):
/// known product, one of quantity / is_enabled, quantity within bounds, no duplicates.
pub fn check_overrides(
    errors: &mut Errors,
    overrides: &[ItemOverride],
    bounds: impl Fn(Uuid) -> Option<QuantityBounds>,
    where_: &str,
) {
    for (n, o) in overrides.iter().enumerate() {
        let path = format!("product_overrides[{n}]");
        if o.quantity.is_none() && o.is_enabled.is_none() {
            errors.add(path.clone(), "give quantity, is_enabled or both");
        }
        if overrides[..n].iter().any(|p| p.product_id == o.product_id) {
            errors.add(
                format!("{path}.product_id"),
                "a product may be overridden only once",
            );
        }
        match bounds(o.product_id) {
            None => errors.add(
                format!("{path}.product_id"),
                format!("is not a product of the {where_}"),
            ),
            Some(bounds) => {
                if let Some(q) = o.quantity
                    && !bounds.allows(q)
                {
                    let range = match (bounds.min, bounds.max) {
                        (Some(a), Some(b)) => format!("from {a} to {b}"),
                        (Some(a), None) => format!("at least {a}"),
                        (None, Some(b)) => format!("at most {b}"),
                        (None, None) => String::new(),
                    };
                    errors.add(format!("{path}.quantity"), format!("must be {range}"));
                }
            }
        }
    }
}

/// A plan's lines for a new contract, with the merchant's overrides applied (the engine's
/// rule, shared by contract import and checkout pricing).
pub fn new_subscription_items(
    terms: &[ItemTerms],
    overrides: &[ItemOverride],
) -> Result<Vec<ItemTerms>, AppError> {
    billing::resolve_items(AmendmentKind::QuantityUpdate, terms, terms, overrides)
        .map_err(|e| AppError::field("product_overrides", e.to_string()))
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

pub async fn import_contract(
    ctx: &Ctx,
    org: Uuid,
    input: ImportContract,
) -> Result<Contract, AppError> {
    let mut errors = Errors::default();
    let customer = match input.customer_id {
        None => {
            errors.add("customer_id", "is required");
            None
        }
        Some(id) => {
            let c = ctx.store.get_customer(org, id).await?;
            if c.is_none() {
                errors.add("customer_id", "no such customer");
            }
            c
        }
    };
    let plan = match input.plan_id {
        None => {
            errors.add("plan_id", "is required");
            None
        }
        Some(id) => {
            let p = ctx.store.get_plan(org, id).await?;
            match &p {
                None => errors.add("plan_id", "no such plan"),
                Some(p) if p.status == PlanStatus::Archived => {
                    errors.add("plan_id", "the plan is archived")
                }
                _ => {}
            }
            p
        }
    };
    let now = ctx.clock.now();
    let start_date = input.start_date.unwrap_or_else(|| now.date_naive());
    if let Some(end) = input.end_date
        && end < start_date
    {
        errors.add("end_date", "must not be before start_date");
    }
    let overrides = input.product_overrides.unwrap_or_default();
    if let Some(p) = &plan {
        check_overrides(
            &mut errors,
            &overrides,
            |id| p.item(id).map(PlanItem::bounds),
            "plan",
        );
    }
    errors.finish()?;
    let (Some(customer), Some(plan)) = (customer, plan) else {
        return Err(AppError::field("plan_id", "is required"));
    };
    let products = ctx.store.get_products(org, &plan.product_ids()).await?;
    let mut terms = plan.terms(&products);
    terms.items = new_subscription_items(&terms.items, &overrides)?;
    let entity =
        super::checkouts::seller_entity(ctx, org, None, Some(&customer), Some(&plan)).await?;
    let est = billing::estimate_new_subscription(&NewSubscription {
        currency: plan.currency,
        tax_rate: entity.tax_rate,
        plan: &terms,
        start_date,
        end_date: input.end_date,
    })
    .map_err(|e| AppError::field("start_date", e.to_string()))?;
    let contract = Contract::start(NewContract {
        organisation_id: org,
        customer_id: customer.id,
        plan: &plan,
        start_date,
        end_date: input.end_date,
        billing_anchor_date: est.billing_anchor_date,
        items: &terms.items,
        change_summary: format!("Imported on {}", plan.name),
        checkout_id: None,
        now,
    });
    ctx.store.insert_contract(&contract).await?;
    Ok(contract)
}

pub async fn get_contract(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Contract, AppError> {
    ctx.store
        .get_contract(org, id)
        .await?
        .ok_or(AppError::NotFound("contract"))
}

pub async fn list_contracts(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<ListResponse<Contract>, AppError> {
    let p = ctx.store.list_contracts(org, page).await?;
    Ok(ListResponse {
        data: p.data,
        has_more: p.has_more,
    })
}
