//! Who sells a session: one order for every caller (sessions, contract import, checkout
//! links, console previews).

use anyhow::Context as _;
use uuid::Uuid;

use crate::domain::catalog::{BusinessEntity, Customer, Plan};
use crate::services::{Ctx, cache};

/// The seller: the explicit entity, else the customer's, else the plan's, else the
/// organisation's default. `None` when the entity named does not exist; a database failure
/// is an error, never "no such entity".
pub async fn seller_entity(
    ctx: &Ctx,
    org: Uuid,
    explicit: Option<Uuid>,
    customer: Option<&Customer>,
    plan: Option<&Plan>,
) -> anyhow::Result<Option<BusinessEntity>> {
    let id = explicit
        .or(customer.map(|c| c.business_entity_id))
        .or(plan.and_then(|p| p.business_entity_id));
    let entity = match id {
        Some(id) => cache::entity(ctx, org, id).await,
        None => cache::default_entity(ctx, org).await,
    };
    entity.context("reading the seller entity")
}

/// The seller of a guest session on `plan_id` that names none (checkout links, console
/// previews): [`seller_entity`]'s order without a customer (the plan's entity, else the
/// organisation's default). `None` when there is none to take; an unknown plan is left to
/// the session's own checks.
pub async fn guest_seller(
    ctx: &Ctx,
    org: Uuid,
    explicit: Option<Uuid>,
    plan_id: Uuid,
) -> anyhow::Result<Option<Uuid>> {
    if explicit.is_some() {
        return Ok(explicit);
    }
    let plan = ctx
        .store
        .get_plan(org, plan_id)
        .await
        .context("reading the plan")?;
    Ok(seller_entity(ctx, org, None, None, plan.as_ref())
        .await?
        .map(|e| e.id))
}
