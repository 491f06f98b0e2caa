//! Contracts: import without a checkout (`POST /contracts`), read, list.

use anyhow::Context as _;
use chrono::NaiveDate;
use uuid::Uuid;

use super::checkouts::fields::check_overrides;
use super::checkouts::pricing::{PriceError, new_subscription_items};
use super::checkouts::seller::seller_entity;
use super::{Ctx, Errors};
use crate::billing::{self, NewSubscription};
use crate::domain::catalog::{Contract, NewContract, PlanItem, PlanStatus};
use crate::domain::overrides::ItemOverride;
use crate::domain::validation::FieldError;
use crate::storage::{PageOf, PageRequest};

/// What a contract use case can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum ContractError {
    #[error("no such contract")]
    NotFound,
    #[error("invalid contract")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<PriceError> for ContractError {
    fn from(e: PriceError) -> Self {
        match e.into_invalid() {
            Ok(errors) => ContractError::Invalid(errors),
            Err(e) => ContractError::Unexpected(e),
        }
    }
}

/// An existing contract to record (SPEC §4), as the merchant sent it.
#[derive(Debug, Clone, Default)]
pub struct ContractImport {
    pub customer_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub product_overrides: Option<Vec<ItemOverride>>,
}

pub async fn import_contract(
    ctx: &Ctx,
    org: Uuid,
    input: ContractImport,
) -> Result<Contract, ContractError> {
    let mut errors = Errors::default();
    let customer = match input.customer_id {
        None => {
            errors.add("customer_id", "is required");
            None
        }
        Some(id) => {
            let c = ctx
                .store
                .get_customer(org, id)
                .await
                .context("reading the customer")?;
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
            let p = ctx
                .store
                .get_plan(org, id)
                .await
                .context("reading the plan")?;
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
    errors.finish().map_err(ContractError::Invalid)?;
    let (customer, plan) = customer
        .zip(plan)
        .context("customer or plan missing although no field error was found")?;
    let products = ctx
        .store
        .get_products(org, &plan.product_ids())
        .await
        .context("reading the plan's products")?;
    let mut terms = plan.terms(&products);
    terms.items = new_subscription_items(&terms.items, &overrides)?;
    let entity = seller_entity(ctx, org, None, Some(&customer), Some(&plan))
        .await?
        .ok_or_else(|| invalid("business_entity_id", "no such business entity"))?;
    let est = billing::estimate_new_subscription(&NewSubscription {
        currency: plan.currency,
        tax_rate: entity.tax_rate,
        plan: &terms,
        start_date,
        end_date: input.end_date,
        discount: None,
    })
    .map_err(|e| invalid("start_date", &e.to_string()))?;
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
        discount: None,
    });
    ctx.store
        .insert_contract(&contract)
        .await
        .context("storing the contract")?;
    Ok(contract)
}

fn invalid(field: &str, message: &str) -> ContractError {
    ContractError::Invalid(vec![FieldError::new(field, message)])
}

/// The contract as it stands today: its phases, a scheduled one that has started in force.
pub async fn get_contract(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Contract, ContractError> {
    let today = ctx.clock.now().date_naive();
    ctx.store
        .get_contract(org, id)
        .await
        .context("reading the contract")?
        .map(|c| c.with_phases(today))
        .ok_or(ContractError::NotFound)
}

pub async fn list_contracts(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<Contract>, ContractError> {
    let today = ctx.clock.now().date_naive();
    let page = ctx
        .store
        .list_contracts(org, page)
        .await
        .context("listing contracts")?;
    Ok(page.map(|c| c.with_phases(today)))
}
