//! A fresh database for one test, shared by every test crate (`#[path]`-included): a temp
//! SQLite file, or a new PostgreSQL database when `TEST_DATABASE_URL` is set. PostgreSQL test
//! databases are named `hc_test_*`; `.ci/run` drops old ones.

use sqlx::Connection;
use uuid::Uuid;

pub async fn fresh_database() -> (String, Option<tempfile::TempDir>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(base) if base.starts_with("postgres") => (create_pg_database(&base).await, None),
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            (url, Some(dir))
        }
    }
}

pub async fn create_pg_database(base: &str) -> String {
    let name = format!("hc_test_{}", Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(base)
        .await
        .expect("connect to TEST_DATABASE_URL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let (prefix, _) = base.rsplit_once('/').expect("database URL has a path");
    format!("{prefix}/{name}")
}
