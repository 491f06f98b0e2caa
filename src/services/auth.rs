//! API keys: high-entropy, shown once, stored as a SHA-256 hash (a slow hash adds nothing for
//! 256-bit random secrets and would cost every request).

use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use anyhow::Context as _;

use super::Ctx;
use crate::domain::catalog::ApiKey;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Missing, unknown or malformed key, or an `organisation` header that does not match.
    #[error("missing or invalid API key")]
    Unauthorized,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

pub struct NewApiKey {
    pub secret: String,
    pub hash: String,
    pub prefix: String,
}

pub fn generate_api_key() -> NewApiKey {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = format!("hc_{}", hex::encode(bytes));
    NewApiKey {
        hash: hash_api_key(&secret),
        prefix: secret[..10].to_owned(),
        secret,
    }
}

pub fn hash_api_key(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// `x-api-key` (+ optional `organisation`) → the organisation the caller acts for.
pub async fn authenticate(
    ctx: &Ctx,
    api_key: Option<&str>,
    organisation: Option<&str>,
) -> Result<Uuid, AuthError> {
    Ok(authenticate_key(ctx, api_key, organisation).await?.0)
}

/// [`authenticate`], also answering the key's hash (what rate limits count by), so that a
/// request hashes its key once.
pub async fn authenticate_key(
    ctx: &Ctx,
    api_key: Option<&str>,
    organisation: Option<&str>,
) -> Result<(Uuid, String), AuthError> {
    let key = api_key
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .ok_or(AuthError::Unauthorized)?;
    let hash = hash_api_key(key);
    let org = match ctx.keys.get(&hash) {
        Some(org) => org,
        None => {
            let org = ctx
                .store
                .organisation_for_key(&hash)
                .await
                .context("looking up the API key")?
                .ok_or(AuthError::Unauthorized)?;
            ctx.keys.put(hash.clone(), org);
            // Once per cache lifetime per process: `last_used_at` is that fresh, and the
            // request does not wait for the write.
            let (store, key, now) = (ctx.store.clone(), hash.clone(), ctx.clock.now());
            tokio::spawn(async move {
                if let Err(e) = store.touch_api_key(&key, now).await {
                    tracing::debug!(error = %e, "recording an API key's last use failed");
                }
            });
            org
        }
    };
    if let Some(claimed) = organisation {
        match Uuid::parse_str(claimed.trim()) {
            Ok(id) if id == org => {}
            _ => return Err(AuthError::Unauthorized),
        }
    }
    Ok((org, hash))
}

/// Remembers which organisation a key hash belongs to, for [`KEY_CACHE_TTL`]: it saves the
/// lookup query on most API requests. A revocation is effective at once in the process that
/// revokes (the entry is dropped) and within the TTL in every other process sharing the
/// database, which revalidates then. Misses are never cached, so a wrong key always reaches
/// the database.
#[derive(Default)]
pub struct KeyCache {
    entries: std::sync::RwLock<std::collections::HashMap<String, (Uuid, std::time::Instant)>>,
}

/// Under the 5 s a revocation may take to reach every process (issue 15).
pub const KEY_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(3);
const KEY_CACHE_MAX: usize = 10_000;

impl KeyCache {
    pub fn get(&self, hash: &str) -> Option<Uuid> {
        let entries = self.entries.read().ok()?;
        let (org, at) = entries.get(hash)?;
        (at.elapsed() < KEY_CACHE_TTL).then_some(*org)
    }

    pub fn remove(&self, hash: &str) {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(hash);
        }
    }

    pub fn put(&self, hash: String, org: Uuid) {
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= KEY_CACHE_MAX {
                entries.clear();
            }
            entries.insert(hash, (org, std::time::Instant::now()));
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("no such API key")]
    NotFound,
    #[error("invalid API key request")]
    Invalid(Vec<crate::domain::validation::FieldError>),
    /// Revoking it would leave the organisation without a key.
    #[error("the organisation's last active API key cannot be revoked")]
    LastKey,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// `POST /api_keys`: a new key for the organisation; its secret is in this answer only.
pub async fn create_key(
    ctx: &Ctx,
    org: Uuid,
    name: Option<String>,
) -> Result<(ApiKey, String), KeyError> {
    let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if name.as_ref().is_some_and(|n| n.chars().count() > 100) {
        return Err(KeyError::Invalid(vec![
            crate::domain::validation::FieldError::new("name", "must be at most 100 characters"),
        ]));
    }
    let new = generate_api_key();
    let key = ApiKey {
        id: Uuid::new_v4(),
        name,
        prefix: new.prefix.clone(),
        created_at: ctx.clock.now(),
        last_used_at: None,
        revoked_at: None,
    };
    ctx.store
        .insert_api_key(org, &key, &new.hash)
        .await
        .context("storing the API key")?;
    Ok((key, new.secret))
}

pub async fn list_keys(
    ctx: &Ctx,
    org: Uuid,
    params: super::ListParams,
) -> Result<crate::storage::PageOf<ApiKey>, KeyError> {
    let page = params.page().map_err(KeyError::Invalid)?;
    Ok(ctx
        .store
        .list_api_keys(org, page)
        .await
        .context("listing API keys")?)
}

/// `POST /api_keys/{id}/revoke`: at once here, within [`KEY_CACHE_TTL`] on other processes.
/// Revoking a revoked key answers it as it is; the last active key stays.
pub async fn revoke_key(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<ApiKey, KeyError> {
    let found = ctx
        .store
        .get_api_key(org, id)
        .await
        .context("reading the API key")?
        .ok_or(KeyError::NotFound)?;
    if found.revoked_at.is_some() {
        return Ok(found);
    }
    let revoked = ctx
        .store
        .revoke_api_key(org, id, ctx.clock.now())
        .await
        .context("revoking the API key")?;
    if let Some(hash) = revoked {
        ctx.keys.remove(&hash);
    }
    // Revoked by this call or a concurrent one; still active only if it is the last key.
    let key = ctx
        .store
        .get_api_key(org, id)
        .await
        .context("re-reading the API key")?
        .ok_or(KeyError::NotFound)?;
    if key.revoked_at.is_none() {
        return Err(KeyError::LastKey);
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_answers_only_what_it_was_told() {
        let cache = KeyCache::default();
        let org = Uuid::new_v4();
        assert_eq!(cache.get("h"), None);
        cache.put("h".into(), org);
        assert_eq!(cache.get("h"), Some(org));
        assert_eq!(cache.get("other"), None);
    }

    #[test]
    fn keys_are_long_random_and_hashed() {
        let a = generate_api_key();
        let b = generate_api_key();
        assert_ne!(a.secret, b.secret);
        assert_eq!(a.secret.len(), 3 + 64);
        assert_eq!(a.hash, hash_api_key(&a.secret));
        assert_ne!(a.hash, a.secret);
    }
}
