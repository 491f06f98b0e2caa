//! Merchant console users (SPEC §13).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::discounts::is_unique_violation;
use super::{Arg as _, Db, SqlStore};
use crate::domain::console::ConsoleUser;
use crate::storage::rows::links::ConsoleUserColumns;
use crate::storage::{ConsoleUserStore, StorageResult, UserWrite};

const INSERT_USER: &str = "INSERT INTO console_users (id, organisation_id, email, email_key, password_hash, password_temporary, credentials_version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const USER_BY_EMAIL: &str = "SELECT id, organisation_id, email, password_hash, password_temporary, credentials_version, created_at, updated_at FROM console_users WHERE email_key = $1";
const USER: &str = "SELECT id, organisation_id, email, password_hash, password_temporary, credentials_version, created_at, updated_at FROM console_users WHERE id = $1";
const SET_PASSWORD: &str = "UPDATE console_users SET password_hash = $1, password_temporary = $2, credentials_version = credentials_version + 1, updated_at = $3 WHERE id = $4 AND credentials_version = $5";

#[async_trait]
impl<D: Db> ConsoleUserStore for SqlStore<D> {
    async fn insert_console_user(&self, u: &ConsoleUser) -> StorageResult<UserWrite> {
        let key = ConsoleUser::email_key(&u.email);
        let _writing = self.writing().await;
        let q = sqlx::query(INSERT_USER)
            .arg(u.id)
            .arg(u.organisation_id)
            .arg(u.email.as_str())
            .arg(key.as_str())
            .arg(u.password_hash.as_str())
            .arg(u.password_temporary)
            .arg(u.credentials_version)
            .arg(u.created_at)
            .arg(u.updated_at);
        match self.execute(q).await {
            Ok(_) => Ok(UserWrite::Written),
            Err(e) if is_unique_violation(&e) => Ok(UserWrite::EmailTaken),
            Err(e) => Err(e),
        }
    }

    async fn find_console_user(&self, email: &str) -> StorageResult<Option<ConsoleUser>> {
        let key = ConsoleUser::email_key(email);
        let q = sqlx::query(USER_BY_EMAIL).arg(key.as_str());
        self.fetch_decoded::<ConsoleUserColumns>(q).await
    }

    async fn get_console_user(&self, id: Uuid) -> StorageResult<Option<ConsoleUser>> {
        let q = sqlx::query(USER).arg(id);
        self.fetch_decoded::<ConsoleUserColumns>(q).await
    }

    async fn set_console_password(
        &self,
        id: Uuid,
        version: i64,
        password_hash: &str,
        temporary: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<UserWrite> {
        let _writing = self.writing().await;
        let q = sqlx::query(SET_PASSWORD)
            .arg(password_hash)
            .arg(temporary)
            .arg(at)
            .arg(id)
            .arg(version);
        Ok(match self.execute(q).await? {
            0 => UserWrite::NotFound,
            _ => UserWrite::Written,
        })
    }
}
