//! Organisations and their API keys.

use async_trait::async_trait;
use uuid::Uuid;

use super::catalog::insert_entity_in;
use super::{Arg as _, Db, SqlStore, execute_on};
use crate::domain::catalog::{BusinessEntity, Organisation};
use crate::storage::rows::column;
use crate::storage::{OrganisationStore, StorageResult};

const INSERT_ORGANISATION: &str =
    "INSERT INTO organisations (id, name, redirect_secret, created_at) VALUES ($1, $2, $3, $4)";
const ORGANISATION: &str =
    "SELECT id, name, redirect_secret, created_at FROM organisations WHERE id = $1";
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
        let q =
            sqlx::query("SELECT organisation_id FROM api_keys WHERE key_hash = $1").arg(key_hash);
        let row = self.fetch_optional(q).await?;
        row.as_ref()
            .map(|r| column(r, "organisation_id"))
            .transpose()
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
