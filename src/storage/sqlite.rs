//! SQLite: WAL, foreign keys on, a busy timeout, write transactions with `BEGIN IMMEDIATE`.

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::{PoolSettings, ReaderPool};

pub struct SqliteStore {
    pool: SqlitePool,
    /// Serialises this process's write transactions (SQLite has one writer at a time).
    writes: Option<tokio::sync::Mutex<()>>,
    /// New sessions waiting for the next group commit.
    inserts: InsertQueue,
    /// Always `None`: SQLite reads stay on the pool (`read_row`); reader connections gave no
    /// clear gain here and coincided with a worse confirm p99 (docs/performance.md).
    readers: Option<ReaderPool<SqliteConnectOptions>>,
}

impl SqliteStore {
    pub async fn connect(url: &str, settings: &PoolSettings) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(settings.max_connections)
            // sqlx pings a connection when it goes back to the pool anyway; a second ping on
            // the way out is one more hop to the connection's thread per query (see
            // docs/performance.md). A dead connection still fails the query that uses it.
            .test_before_acquire(false)
            .acquire_timeout(settings.acquire_timeout)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Self {
            pool,
            writes: Some(tokio::sync::Mutex::new(())),
            inserts: InsertQueue::default(),
            readers: None,
        })
    }
}

impl_sql_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE", "sqlite");
