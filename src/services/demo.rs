//! Demo data for `cargo run` on an empty database (never in production mode): an organisation,
//! its business entity, three products, three plans, one customer and an open checkout.

use serde_json::json;
use uuid::Uuid;

use super::Ctx;
use super::catalog::{self, NewCustomer, NewPlan, NewProduct};
use super::checkouts::{self, CreateCheckout};
use super::organisations;

pub struct Demo {
    pub api_key: String,
    pub organisation_id: Uuid,
    pub checkout_url: String,
}

fn parse<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> anyhow::Result<T> {
    Ok(serde_json::from_value(v)?)
}

/// Seeds the demo if the database has no organisation yet.
pub async fn seed_if_empty(ctx: &Ctx) -> anyhow::Result<Option<Demo>> {
    if ctx.store.count_organisations().await? > 0 {
        return Ok(None);
    }
    let org = organisations::create_organisation(ctx, "Acme Analytics").await?;
    let o = org.organisation_id;
    let e = |e: crate::error::AppError| anyhow::anyhow!("{e}: {}", e.public_detail());
    let seats = catalog::create_product(ctx, o, parse::<NewProduct>(json!({"name": "Team seats", "unit_label": "seat", "description": "One seat per team member"}))?).await.map_err(e)?;
    let support = catalog::create_product(
        ctx,
        o,
        parse::<NewProduct>(
            json!({"name": "Priority support", "description": "Answers within 4 business hours"}),
        )?,
    )
    .await
    .map_err(e)?;
    let events = catalog::create_product(
        ctx,
        o,
        parse::<NewProduct>(json!({"name": "Tracked events", "unit_label": "event"}))?,
    )
    .await
    .map_err(e)?;
    let monthly = catalog::create_plan(ctx, o, parse::<NewPlan>(json!({
        "name": "Team (monthly)", "currency": "USD", "billing_period": "P1M",
        "description": "For growing teams, billed monthly",
        "items": [
            {"product_id": seats.id, "pricing": {"pricing_type": "per_unit", "unit_amount": "12.00"}, "quantity": 5, "min_quantity": 1, "max_quantity": 100, "adjustable": true},
            {"product_id": support.id, "pricing": {"pricing_type": "flat_fee", "amount": "49.00"}, "optional": true, "is_enabled": false}
        ]
    }))?).await.map_err(e)?;
    let annual = catalog::create_plan(ctx, o, parse::<NewPlan>(json!({
        "name": "Team (annual)", "currency": "USD", "billing_period": "P1Y",
        "description": "Two months free when billed yearly",
        "items": [
            {"product_id": seats.id, "pricing": {"pricing_type": "per_unit", "unit_amount": "120.00"}, "quantity": 5, "min_quantity": 1, "max_quantity": 100, "adjustable": true},
            {"product_id": support.id, "pricing": {"pricing_type": "flat_fee", "amount": "490.00"}, "optional": true, "is_enabled": false}
        ]
    }))?).await.map_err(e)?;
    catalog::create_plan(ctx, o, parse::<NewPlan>(json!({
        "name": "Usage", "currency": "USD", "billing_period": "P1M", "trial_period_days": 14,
        "items": [
            {"product_id": events.id, "billing": "usage", "pricing": {"pricing_type": "tiered", "tiers": [
                {"up_to": 10000, "unit_amount": "0"},
                {"up_to": 100000, "unit_amount": "0.002"},
                {"up_to": null, "unit_amount": "0.001"}
            ]}, "quantity": 0}
        ]
    }))?).await.map_err(e)?;
    let customer = catalog::create_customer(ctx, o, parse::<NewCustomer>(json!({
        "customer_name": "Ada Lovelace", "email": "ada@example.com", "company_name": "Analytical Engines Ltd"
    }))?).await.map_err(e)?;
    let checkout = checkouts::create(ctx, o, parse::<CreateCheckout>(json!({
        "plan_id": monthly.id, "customer_id": customer.id, "plan_options": [annual.id],
        "expires_at": (ctx.clock.now() + chrono::Duration::days(30) - chrono::Duration::minutes(1)),
        "metadata": {"source": "demo"}
    }))?).await.map_err(e)?;
    Ok(Some(Demo {
        api_key: org.api_key,
        organisation_id: o,
        checkout_url: checkout.url,
    }))
}
