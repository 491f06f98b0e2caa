//! `hosted-checkout org create`: an organisation, its default business entity and an API key.

use rust_decimal::Decimal;
use serde::Serialize;
use uuid::Uuid;

use super::Ctx;
use super::auth::generate_api_key;
use crate::domain::catalog::{BusinessEntity, Organisation};

#[derive(Debug, Serialize)]
pub struct CreatedOrganisation {
    pub organisation_id: Uuid,
    pub api_key: String,
    pub business_entity_id: Uuid,
}

pub async fn create_organisation(ctx: &Ctx, name: &str) -> anyhow::Result<CreatedOrganisation> {
    let name = name.trim();
    anyhow::ensure!(
        !name.is_empty() && name.len() <= 200,
        "the name must be 1 to 200 characters"
    );
    let now = ctx.clock.now();
    let org = Organisation {
        id: Uuid::new_v4(),
        name: name.to_owned(),
        created_at: now,
    };
    let entity = BusinessEntity {
        id: Uuid::new_v4(),
        organisation_id: org.id,
        name: name.to_owned(),
        email: None,
        logo_url: None,
        brand_color: None,
        tax_rate: Decimal::ZERO,
        address: None,
        is_default: true,
        created_at: now,
    };
    let key = generate_api_key();
    ctx.store
        .create_organisation(&org, &entity, &key.hash, &key.prefix)
        .await?;
    Ok(CreatedOrganisation {
        organisation_id: org.id,
        api_key: key.secret,
        business_entity_id: entity.id,
    })
}
