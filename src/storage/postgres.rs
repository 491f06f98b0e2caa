//! PostgreSQL. Several `serve` processes may share one database: every invariant is held by
//! the database (conditional updates, unique keys), never by process memory.

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use std::str::FromStr;

use super::{PoolSettings, ReaderPool, ping_if_idle, reader_pool};

pub struct PgStore {
    pool: PgPool,
    /// PostgreSQL takes row locks itself: no process-level write lock.
    writes: Option<super::WriteLock>,
    /// New sessions waiting for the next group commit.
    inserts: InsertQueue,
    /// Connections for the hot one-row reads (`super::Readers`).
    readers: Option<ReaderPool<PgConnectOptions>>,
}

impl PgStore {
    pub async fn connect(url: &str, settings: &PoolSettings) -> anyhow::Result<Self> {
        let options = PgConnectOptions::from_str(url)?;
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            // No round trip per query to test the connection first, only after it sat idle
            // (a restarted server leaves dead connections behind); sqlx pings each one it
            // takes back anyway, and a dead one fails its query, which maps to 503.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    ping_if_idle(conn, meta.idle_for).await?;
                    Ok(true)
                })
            })
            .acquire_timeout(settings.acquire_timeout)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Self {
            pool,
            writes: None,
            inserts: InsertQueue::default(),
            readers: Some(reader_pool(options, settings)?),
        })
    }
}

impl_sql_store!(PgStore, sqlx::Postgres, "BEGIN", "postgres");

impl super::InlineReads for PgStore {}
