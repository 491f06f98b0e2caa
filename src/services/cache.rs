//! Write-once catalog objects, remembered in process memory.
//!
//! Products and business entities cannot be changed once created (the API has no update for
//! them), so a copy read once stays right forever, in every process. Every read still checks
//! the organisation, so the cache cannot leak across tenants. Plans are *not* cached: they can
//! be archived. This removes two of the four queries behind each hosted page.

use std::collections::HashMap;
use std::sync::RwLock;

use uuid::Uuid;

use super::Ctx;
use crate::domain::catalog::{BusinessEntity, Product};
use crate::storage::StorageResult;

const MAX_ENTRIES: usize = 50_000;

#[derive(Default)]
pub struct CatalogCache {
    products: RwLock<HashMap<Uuid, Product>>,
    entities: RwLock<HashMap<Uuid, BusinessEntity>>,
    /// organisation → its default entity (fixed at creation).
    defaults: RwLock<HashMap<Uuid, Uuid>>,
}

fn remember<T>(map: &RwLock<HashMap<Uuid, T>>, id: Uuid, v: T) {
    if let Ok(mut m) = map.write() {
        if m.len() >= MAX_ENTRIES {
            m.clear();
        }
        m.insert(id, v);
    }
}

/// The products among `ids` that belong to `org`.
pub async fn products(ctx: &Ctx, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Product>> {
    let (mut found, missing) = {
        let Ok(cache) = ctx.catalog.products.read() else {
            return ctx.store.get_products(org, ids).await;
        };
        let mut found = Vec::with_capacity(ids.len());
        let mut missing = Vec::new();
        for id in ids {
            match cache.get(id) {
                Some(p) if p.organisation_id == org => found.push(p.clone()),
                Some(_) => {}
                None => missing.push(*id),
            }
        }
        (found, missing)
    };
    if !missing.is_empty() {
        for p in ctx.store.get_products(org, &missing).await? {
            remember(&ctx.catalog.products, p.id, p.clone());
            found.push(p);
        }
    }
    Ok(found)
}

pub async fn entity(ctx: &Ctx, org: Uuid, id: Uuid) -> StorageResult<Option<BusinessEntity>> {
    if let Ok(cache) = ctx.catalog.entities.read()
        && let Some(e) = cache.get(&id)
    {
        return Ok((e.organisation_id == org).then(|| e.clone()));
    }
    let e = ctx.store.get_entity(org, id).await?;
    if let Some(e) = &e {
        remember(&ctx.catalog.entities, e.id, e.clone());
    }
    Ok(e)
}

pub async fn default_entity(ctx: &Ctx, org: Uuid) -> StorageResult<Option<BusinessEntity>> {
    let known = ctx
        .catalog
        .defaults
        .read()
        .ok()
        .and_then(|d| d.get(&org).copied());
    if let Some(id) = known {
        return entity(ctx, org, id).await;
    }
    let e = ctx.store.default_entity(org).await?;
    if let Some(e) = &e {
        remember(&ctx.catalog.defaults, org, e.id);
        remember(&ctx.catalog.entities, e.id, e.clone());
    }
    Ok(e)
}
