//! PostgreSQL. Several `serve` processes may share one database: every invariant is held by
//! the database (conditional updates, unique keys), never by process memory.

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

use super::PoolSettings;

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    pub async fn connect(url: &str, settings: &PoolSettings) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Self { pool })
    }
}

impl_sql_store!(PgStore, sqlx::Postgres, "BEGIN", "postgres");
