//! `hosted-checkout org create`: an organisation, its default business entity and an API key;
//! `GET /organisation` and its redirect secret (SPEC §9).

use rust_decimal::Decimal;
use serde::Serialize;
use uuid::Uuid;

use super::Ctx;
use super::auth::generate_api_key;
use super::webhooks::signature::{hex_hmac, new_redirect_secret};
use crate::domain::catalog::{BusinessEntity, Organisation};
use anyhow::Context as _;

#[derive(Debug, Serialize)]
pub struct CreatedOrganisation {
    pub organisation_id: Uuid,
    pub api_key: String,
    pub business_entity_id: Uuid,
    /// Signs the parameters appended to redirects (SPEC §9).
    pub redirect_secret: String,
}

/// `GET /organisation`: the caller's organisation as the API shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub id: Uuid,
    pub name: String,
    pub default_business_entity_id: Option<Uuid>,
    pub redirect_secret: String,
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
        redirect_secret: new_redirect_secret(),
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
        redirect_secret: org.redirect_secret,
    })
}

pub async fn get(ctx: &Ctx, org: Uuid) -> anyhow::Result<OrganisationView> {
    let o = ctx
        .store
        .get_organisation(org)
        .await
        .context("reading the organisation")?
        .context("the caller's organisation is gone")?;
    let entity = ctx
        .store
        .default_entity(org)
        .await
        .context("reading the default business entity")?;
    Ok(OrganisationView {
        id: o.id,
        name: o.name,
        default_business_entity_id: entity.map(|e| e.id),
        redirect_secret: o.redirect_secret,
    })
}

/// `POST /organisation/rotate_redirect_secret`: the old secret stops signing at once (a
/// redirect signed with it is at most 5 minutes from being refused anyway).
pub async fn rotate_redirect_secret(ctx: &Ctx, org: Uuid) -> anyhow::Result<OrganisationView> {
    ctx.store
        .set_redirect_secret(org, &new_redirect_secret())
        .await
        .context("storing the redirect secret")?;
    get(ctx, org).await
}

/// `url` with SPEC §9's four parameters appended (after any query it has): the session's id
/// and status, the time, and the HMAC of the three keyed with the redirect secret.
pub fn signed_redirect(
    url: &str,
    checkout_id: Uuid,
    status: &str,
    timestamp: i64,
    secret: &str,
) -> String {
    let signature = hex_hmac(secret, &format!("{checkout_id}.{status}.{timestamp}"));
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let sep = if !base.contains('?') {
        "?"
    } else if base.ends_with('?') || base.ends_with('&') {
        ""
    } else {
        "&"
    };
    let mut out = format!(
        "{base}{sep}checkout_id={checkout_id}&checkout_status={status}&timestamp={timestamp}&signature={signature}"
    );
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}
