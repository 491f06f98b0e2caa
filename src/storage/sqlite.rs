//! SQLite: WAL, foreign keys on, a busy timeout, write transactions with `BEGIN IMMEDIATE`.
//!
//! Beside sqlx's pool, a few reader connections in a plain object pool (deadpool's
//! unmanaged pool) serve the hot one-row reads (a session with its terms): sqlx pings every
//! connection it takes back, which on SQLite is one more hand-off to the connection's thread
//! per query, and a single autocommit SELECT leaves nothing to clean up.

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::PoolSettings;

/// Reader connections beside the pool (sqlx runs each on its own thread). Four is enough for
/// one core's worth of requests (benches/load.sh); a wait longer than the acquire timeout is
/// a 503 like the pool's.
const READERS: usize = 4;

pub struct SqliteStore {
    pool: SqlitePool,
    /// Serialises this process's write transactions (SQLite has one writer at a time).
    writes: Option<tokio::sync::Mutex<()>>,
    /// New sessions waiting for the next group commit.
    inserts: InsertQueue,
    /// Connections for the hot one-row reads (see `read_row`).
    readers: Option<deadpool::unmanaged::Pool<sqlx::SqliteConnection>>,
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
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        let readers = deadpool::unmanaged::Pool::from_config(&deadpool::unmanaged::PoolConfig {
            max_size: READERS,
            timeout: Some(settings.acquire_timeout),
            runtime: Some(deadpool::Runtime::Tokio1),
        });
        for _ in 0..READERS {
            let conn = sqlx::ConnectOptions::connect(&options).await?;
            readers
                .add(conn)
                .await
                .map_err(|(_, e)| anyhow::anyhow!("reader pool: {e}"))?;
        }
        Ok(Self {
            pool,
            writes: Some(tokio::sync::Mutex::new(())),
            inserts: InsertQueue::default(),
            readers: Some(readers),
        })
    }
}

impl_sql_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE", "sqlite");
