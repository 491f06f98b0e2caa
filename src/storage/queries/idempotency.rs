//! Idempotency keys: the first request with a key does the work; repeats replay its answer.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Arg as _, Db, SqlStore};
use crate::storage::rows::{column, corrupt};
use crate::storage::{IdempotencyBegin, IdempotencyStore, StorageResult};

const BEGIN: &str = "INSERT INTO idempotency_keys (organisation_id, idempotency_key, request_hash, response_status, response_body, created_at) VALUES ($1, $2, $3, NULL, NULL, $4) ON CONFLICT (organisation_id, idempotency_key) DO NOTHING";
const KEY: &str = "SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE organisation_id = $1 AND idempotency_key = $2";
const COMPLETE: &str = "UPDATE idempotency_keys SET response_status = $1, response_body = $2 WHERE organisation_id = $3 AND idempotency_key = $4";
const ABANDON: &str = "DELETE FROM idempotency_keys WHERE organisation_id = $1 AND idempotency_key = $2 AND response_status IS NULL";
const PURGE: &str = "DELETE FROM idempotency_keys WHERE created_at < $1";

#[async_trait]
impl<D: Db> IdempotencyStore for SqlStore<D> {
    async fn begin_idempotent(
        &self,
        org: Uuid,
        key: &str,
        request_hash: &str,
        now: DateTime<Utc>,
    ) -> StorageResult<IdempotencyBegin> {
        let _writing = self.writing().await;
        let q = sqlx::query(BEGIN)
            .arg(org)
            .arg(key)
            .arg(request_hash)
            .arg(now);
        if self.execute(q).await? == 1 {
            return Ok(IdempotencyBegin::Started);
        }
        let row = self
            .fetch_optional(sqlx::query(KEY).arg(org).arg(key))
            .await?;
        // Abandoned between our insert and read: treat as in progress; the client retries.
        let Some(row) = row else {
            return Ok(IdempotencyBegin::InProgress);
        };
        let hash: &str = column(&row, "request_hash")?;
        if hash != request_hash {
            return Ok(IdempotencyBegin::Mismatch);
        }
        let status: Option<i64> = column(&row, "response_status")?;
        let body: Option<String> = column(&row, "response_body")?;
        Ok(match (status, body) {
            (Some(status), Some(body)) => IdempotencyBegin::Replay {
                status: u16::try_from(status)
                    .map_err(|_| corrupt("response_status", &status.to_string()))?,
                body,
            },
            _ => IdempotencyBegin::InProgress,
        })
    }

    async fn complete_idempotent(
        &self,
        org: Uuid,
        key: &str,
        status: u16,
        body: &str,
    ) -> StorageResult<()> {
        let _writing = self.writing().await;
        let q = sqlx::query(COMPLETE)
            .arg(i64::from(status))
            .arg(body)
            .arg(org)
            .arg(key);
        self.execute(q).await?;
        Ok(())
    }

    async fn abandon_idempotent(&self, org: Uuid, key: &str) -> StorageResult<()> {
        let _writing = self.writing().await;
        self.execute(sqlx::query(ABANDON).arg(org).arg(key)).await?;
        Ok(())
    }

    async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> StorageResult<u64> {
        let _writing = self.writing().await;
        self.execute(sqlx::query(PURGE).arg(before)).await
    }
}
