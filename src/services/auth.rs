//! API keys: high-entropy, shown once, stored as a SHA-256 hash (a slow hash adds nothing for
//! 256-bit random secrets and would cost every request).

use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::Ctx;
use crate::error::AppError;

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
) -> Result<Uuid, AppError> {
    let key = api_key
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .ok_or(AppError::Unauthorized)?;
    let org = ctx
        .store
        .organisation_for_key(&hash_api_key(key))
        .await?
        .ok_or(AppError::Unauthorized)?;
    if let Some(claimed) = organisation {
        match Uuid::parse_str(claimed.trim()) {
            Ok(id) if id == org => {}
            _ => return Err(AppError::Unauthorized),
        }
    }
    Ok(org)
}
