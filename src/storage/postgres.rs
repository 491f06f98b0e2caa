//! PostgreSQL. Several `serve` processes may share one database: every invariant is held by
//! the database (conditional updates, unique keys), never by process memory.

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

use super::PoolSettings;

pub struct PgStore {
    pool: PgPool,
    /// PostgreSQL takes row locks itself: no process-level write lock.
    writes: Option<tokio::sync::Mutex<()>>,
    /// Unused: PostgreSQL inserts sessions directly.
    inserts: InsertQueue,
    /// Unused: PostgreSQL reads on the pool.
    readers: Option<deadpool::unmanaged::Pool<sqlx::PgConnection>>,
}

impl PgStore {
    pub async fn connect(url: &str, settings: &PoolSettings) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            // No extra round trip per query to test the connection first: sqlx already pings
            // it when it is released, and a dead one fails its query, which maps to 503.
            .test_before_acquire(false)
            .acquire_timeout(settings.acquire_timeout)
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Self {
            pool,
            writes: None,
            inserts: InsertQueue::default(),
            readers: None,
        })
    }
}

impl_sql_store!(PgStore, sqlx::Postgres, "BEGIN", "postgres");
