//! Demo data for `cargo run` on an empty database (never in production mode): an organisation,
//! its business entity, three products, three plans, one customer and an open checkout.

use serde_json::json;
use uuid::Uuid;

use super::Ctx;
use super::catalog::{self, CustomerInput, PlanInput, PlanItemInput, ProductInput};
use super::checkouts::{self, NewCheckout};
use super::organisations;
use crate::domain::pricing::ItemBilling;

pub struct Demo {
    pub api_key: String,
    pub organisation_id: Uuid,
    pub checkout_url: String,
}

/// Seeds the demo if the database has no organisation yet.
pub async fn seed_if_empty(ctx: &Ctx) -> anyhow::Result<Option<Demo>> {
    if ctx.store.count_organisations().await? > 0 {
        return Ok(None);
    }
    let org = organisations::create_organisation(ctx, "Acme Analytics").await?;
    let o = org.organisation_id;
    let e = |e: super::catalog::CatalogError| anyhow::anyhow!("demo catalog: {e:?}");
    let product = |name: &str, unit: Option<&str>, description: Option<&str>| ProductInput {
        name: Some(name.to_owned()),
        unit_label: unit.map(str::to_owned),
        description: description.map(str::to_owned),
        ..ProductInput::default()
    };
    let seats = product("Team seats", Some("seat"), Some("One seat per team member"));
    let seats = catalog::create_product(ctx, o, seats).await.map_err(e)?;
    let support = product(
        "Priority support",
        None,
        Some("Answers within 4 business hours"),
    );
    let support = catalog::create_product(ctx, o, support).await.map_err(e)?;
    let events = product("Tracked events", Some("event"), None);
    let events = catalog::create_product(ctx, o, events).await.map_err(e)?;
    let item = |product: Uuid, pricing: serde_json::Value| -> anyhow::Result<PlanItemInput> {
        Ok(PlanItemInput {
            product_id: product,
            pricing: serde_json::from_value(pricing)?,
            billing: None,
            quantity: None,
            min_quantity: None,
            max_quantity: None,
            adjustable: None,
            is_enabled: None,
            optional: None,
        })
    };
    let team = |name: &str, period: &str, description: &str, seat: &str, support_fee: &str| {
        anyhow::Ok(PlanInput {
            name: Some(name.to_owned()),
            currency: Some("USD".to_owned()),
            billing_period: Some(period.to_owned()),
            description: Some(description.to_owned()),
            items: Some(vec![
                PlanItemInput {
                    quantity: Some(5),
                    min_quantity: Some(1),
                    max_quantity: Some(100),
                    adjustable: Some(true),
                    ..item(
                        seats.id,
                        json!({"pricing_type": "per_unit", "unit_amount": seat}),
                    )?
                },
                PlanItemInput {
                    optional: Some(true),
                    is_enabled: Some(false),
                    ..item(
                        support.id,
                        json!({"pricing_type": "flat_fee", "amount": support_fee}),
                    )?
                },
            ]),
            ..PlanInput::default()
        })
    };
    let monthly = team(
        "Team (monthly)",
        "P1M",
        "For growing teams, billed monthly",
        "12.00",
        "49.00",
    )?;
    let monthly = catalog::create_plan(ctx, o, monthly).await.map_err(e)?;
    let annual = team(
        "Team (annual)",
        "P1Y",
        "Two months free when billed yearly",
        "120.00",
        "490.00",
    )?;
    let annual = catalog::create_plan(ctx, o, annual).await.map_err(e)?;
    let usage = PlanInput {
        name: Some("Usage".to_owned()),
        currency: Some("USD".to_owned()),
        billing_period: Some("P1M".to_owned()),
        trial_period_days: Some(14),
        items: Some(vec![PlanItemInput {
            billing: Some(ItemBilling::Usage),
            quantity: Some(0),
            ..item(
                events.id,
                json!({"pricing_type": "tiered", "tiers": [
                    {"up_to": 10000, "unit_amount": "0"},
                    {"up_to": 100000, "unit_amount": "0.002"},
                    {"up_to": null, "unit_amount": "0.001"}
                ]}),
            )?
        }]),
        ..PlanInput::default()
    };
    catalog::create_plan(ctx, o, usage).await.map_err(e)?;
    let ada = CustomerInput {
        customer_name: Some("Ada Lovelace".to_owned()),
        email: Some("ada@example.com".to_owned()),
        company_name: Some("Analytical Engines Ltd".to_owned()),
        ..CustomerInput::default()
    };
    let customer = catalog::create_customer(ctx, o, ada).await.map_err(e)?;
    let checkout = checkouts::create(
        ctx,
        o,
        NewCheckout {
            plan_id: Some(monthly.id),
            customer_id: Some(customer.id),
            plan_options: Some(vec![annual.id]),
            expires_at: Some(
                ctx.clock.now() + chrono::Duration::days(30) - chrono::Duration::minutes(1),
            ),
            metadata: Some([("source".to_owned(), "demo".to_owned())].into()),
            ..NewCheckout::default()
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo checkout: {e:?}"))?;
    Ok(Some(Demo {
        api_key: org.api_key,
        organisation_id: o,
        checkout_url: checkout.hosted_url(&ctx.public_url),
    }))
}
