//! Organisations and their API keys.

use async_trait::async_trait;
use uuid::Uuid;

use super::catalog::insert_entity_in;
use super::{Arg as _, Db, SqlStore, execute_on};
use chrono::{DateTime, Utc};

use crate::domain::catalog::{ApiKey, BusinessEntity, Organisation};
use crate::storage::rows::catalog::ApiKeyColumns;
use crate::storage::rows::column;
use crate::storage::{OrganisationStore, PageOf, PageRequest, StorageResult};

const INSERT_ORGANISATION: &str =
    "INSERT INTO organisations (id, name, redirect_secret, created_at) VALUES ($1, $2, $3, $4)";
const ORGANISATION: &str =
    "SELECT id, name, redirect_secret, created_at FROM organisations WHERE id = $1";
const INSERT_NAMED_KEY: &str = "INSERT INTO api_keys (id, organisation_id, key_hash, key_prefix, name, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
/// Newest first, after the cursor `$2` (if any), at most `$3`.
const API_KEYS: &str = "SELECT id, name, key_prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT x.created_at, x.id FROM api_keys x WHERE x.id = $2 AND x.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
const API_KEY: &str = "SELECT id, name, key_prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE organisation_id = $1 AND id = $2";
/// Not the last active key of its organisation (on PostgreSQL two concurrent revocations of
/// the last two keys can both pass; SQLite runs them one at a time).
const REVOKE_KEY: &str = "UPDATE api_keys SET revoked_at = $1 WHERE organisation_id = $2 AND id = $3 AND revoked_at IS NULL AND (SELECT COUNT(*) FROM api_keys k WHERE k.organisation_id = $2 AND k.revoked_at IS NULL) > 1 RETURNING key_hash";
const TOUCH_KEY: &str = "UPDATE api_keys SET last_used_at = $1 WHERE key_hash = $2";
const SET_REDIRECT_SECRET: &str = "UPDATE organisations SET redirect_secret = $1 WHERE id = $2";
const INSERT_API_KEY: &str = "INSERT INTO api_keys (id, organisation_id, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4, $5)";

#[async_trait]
impl<D: Db> OrganisationStore for SqlStore<D> {
    async fn create_organisation(
        &self,
        org: &Organisation,
        entity: &BusinessEntity,
        key_hash: &str,
        key_prefix: &str,
    ) -> StorageResult<()> {
        let _writing = self.writing().await;
        let mut tx = self.begin_write().await?;
        let q = sqlx::query(INSERT_ORGANISATION)
            .arg(org.id)
            .arg(org.name.as_str())
            .arg(org.redirect_secret.as_str())
            .arg(org.created_at);
        execute_on::<D>(&mut tx, q).await?;
        insert_entity_in::<D>(&mut tx, entity).await?;
        let q = sqlx::query(INSERT_API_KEY)
            .arg(Uuid::new_v4())
            .arg(org.id)
            .arg(key_hash)
            .arg(key_prefix)
            .arg(org.created_at);
        execute_on::<D>(&mut tx, q).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn organisation_for_key(&self, key_hash: &str) -> StorageResult<Option<Uuid>> {
        let q = sqlx::query(
            "SELECT organisation_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
        )
        .arg(key_hash);
        let row = self.fetch_optional(q).await?;
        row.as_ref()
            .map(|r| column(r, "organisation_id"))
            .transpose()
    }

    async fn insert_api_key(&self, org: Uuid, key: &ApiKey, key_hash: &str) -> StorageResult<()> {
        let _writing = self.writing().await;
        let q = sqlx::query(INSERT_NAMED_KEY)
            .arg(key.id)
            .arg(org)
            .arg(key_hash)
            .arg(key.prefix.as_str())
            .arg(key.name.as_deref())
            .arg(key.created_at);
        self.execute(q).await?;
        Ok(())
    }

    async fn list_api_keys(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<ApiKey>> {
        self.fetch_page::<ApiKeyColumns>(API_KEYS, org, page).await
    }

    async fn get_api_key(&self, org: Uuid, id: Uuid) -> StorageResult<Option<ApiKey>> {
        self.fetch_decoded::<ApiKeyColumns>(sqlx::query(API_KEY).arg(org).arg(id))
            .await
    }

    async fn revoke_api_key(
        &self,
        org: Uuid,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> StorageResult<Option<String>> {
        let _writing = self.writing().await;
        let q = sqlx::query(REVOKE_KEY).arg(now).arg(org).arg(id);
        let row = self.fetch_optional(q).await?;
        row.as_ref().map(|r| column(r, "key_hash")).transpose()
    }

    async fn touch_api_key(&self, key_hash: &str, now: DateTime<Utc>) -> StorageResult<()> {
        let _writing = self.writing().await;
        self.execute(sqlx::query(TOUCH_KEY).arg(now).arg(key_hash))
            .await?;
        Ok(())
    }

    async fn get_organisation(&self, id: Uuid) -> StorageResult<Option<Organisation>> {
        let Some(r) = self
            .fetch_optional(sqlx::query(ORGANISATION).arg(id))
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(Organisation {
            id: column(&r, "id")?,
            name: column(&r, "name")?,
            redirect_secret: column(&r, "redirect_secret")?,
            created_at: column(&r, "created_at")?,
        }))
    }

    async fn set_redirect_secret(&self, id: Uuid, secret: &str) -> StorageResult<bool> {
        let _writing = self.writing().await;
        let q = sqlx::query(SET_REDIRECT_SECRET).arg(secret).arg(id);
        Ok(self.execute(q).await? == 1)
    }

    async fn count_organisations(&self) -> StorageResult<i64> {
        let q = sqlx::query("SELECT COUNT(*) AS n FROM organisations");
        match self.fetch_optional(q).await? {
            Some(row) => column(&row, "n"),
            None => Err(crate::storage::StorageError::Corrupt(
                "COUNT(*) returned no row".into(),
            )),
        }
    }

    async fn ping(&self) -> StorageResult<()> {
        self.execute(sqlx::query("SELECT 1")).await?;
        Ok(())
    }
}
