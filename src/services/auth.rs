//! API keys: high-entropy, shown once, stored as a SHA-256 hash (a slow hash adds nothing for
//! 256-bit random secrets and would cost every request).

use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use anyhow::Context as _;

use super::Ctx;

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

/// Remembers which organisation a key hash belongs to, for a minute. Keys are never changed
/// once issued (there is no rotation endpoint yet), so this only saves the lookup query on
/// every API request; a future revocation takes effect within [`KEY_CACHE_TTL`]. Misses are
/// never cached, so a wrong key always reaches the database.
#[derive(Default)]
pub struct KeyCache {
    entries: std::sync::RwLock<std::collections::HashMap<String, (Uuid, std::time::Instant)>>,
}

pub const KEY_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(60);
const KEY_CACHE_MAX: usize = 10_000;

impl KeyCache {
    pub fn get(&self, hash: &str) -> Option<Uuid> {
        let entries = self.entries.read().ok()?;
        let (org, at) = entries.get(hash)?;
        (at.elapsed() < KEY_CACHE_TTL).then_some(*org)
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
