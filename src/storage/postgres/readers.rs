//! PostgreSQL connections for the hot one-row reads (a session with its terms; `TERMS`), in
//! deadpool's pool beside sqlx's.
//!
//! sqlx pings every connection it takes back, one more round trip to the server per query;
//! these go back as they are, since a single autocommit `SELECT` leaves nothing to clean up
//! (`docs/decisions.md`). One idle for more than [`IDLE_PING_AFTER`] is pinged before reuse (a
//! restarted PostgreSQL leaves dead connections behind), and one whose query fails for want of
//! the database is dropped and the read retried once on sqlx's pool.

use std::time::Duration;

use deadpool::managed::{Metrics, Object, PoolError, RecycleResult};
use sqlx::postgres::{PgConnectOptions, PgConnection, PgRow};
use sqlx::{ConnectOptions as _, Connection as _, PgPool, Postgres};

use crate::storage::queries::Query;
use crate::storage::{PoolSettings, StorageError, StorageResult};

/// PostgreSQL connections (readers and sqlx's pool) idle longer than this are pinged before
/// they are handed out again: under load none is, so the check costs nothing then.
pub(crate) const IDLE_PING_AFTER: Duration = Duration::from_secs(1);

/// Reader connections per process: enough for one core's worth of requests
/// (`benches/load.sh`).
pub(crate) const READERS: usize = 4;

/// Pings `conn` if it sat idle for longer than [`IDLE_PING_AFTER`] (a restarted server leaves
/// dead connections behind); an error means it is dead.
pub(crate) async fn ping_if_idle(
    conn: &mut PgConnection,
    idle_for: Duration,
) -> Result<(), sqlx::Error> {
    if idle_for > IDLE_PING_AFTER {
        conn.ping().await?;
    }
    Ok(())
}

/// Opens and recycles the reader connections (see the module docs).
pub(crate) struct Readers(PgConnectOptions);

pub(crate) type ReaderPool = deadpool::managed::Pool<Readers>;

impl deadpool::managed::Manager for Readers {
    type Type = PgConnection;
    type Error = sqlx::Error;

    async fn create(&self) -> Result<PgConnection, sqlx::Error> {
        self.0.connect().await
    }

    async fn recycle(
        &self,
        conn: &mut PgConnection,
        metrics: &Metrics,
    ) -> RecycleResult<sqlx::Error> {
        Ok(ping_if_idle(conn, metrics.last_used()).await?)
    }
}

pub(crate) fn reader_pool(
    options: PgConnectOptions,
    settings: &PoolSettings,
) -> anyhow::Result<ReaderPool> {
    Ok(deadpool::managed::Pool::builder(Readers(options))
        .max_size(READERS)
        .wait_timeout(Some(settings.acquire_timeout))
        .create_timeout(Some(settings.acquire_timeout))
        .recycle_timeout(Some(settings.acquire_timeout))
        .runtime(deadpool::Runtime::Tokio1)
        .build()?)
}

/// Runs a one-row read on a reader connection. When the database went away under the reader,
/// it is dropped and the read is retried once on sqlx's pool; waiting longer than the acquire
/// timeout for a reader is "unavailable" (`503`).
pub(crate) async fn read_row<'q>(
    readers: &ReaderPool,
    pool: &PgPool,
    query: impl Fn() -> Query<'q, Postgres>,
) -> StorageResult<Option<PgRow>> {
    let mut conn = match readers.get().await {
        Ok(conn) => conn,
        Err(PoolError::Timeout(_)) => {
            return Err(StorageError::Unavailable(sqlx::Error::PoolTimedOut));
        }
        Err(PoolError::Backend(e)) => return Err(e.into()),
        Err(_) => return Ok(query().fetch_optional(pool).await?),
    };
    match query().fetch_optional(&mut *conn).await {
        Ok(row) => Ok(row),
        Err(e) => match StorageError::from(e) {
            StorageError::Unavailable(_) => {
                drop(Object::take(conn));
                Ok(query().fetch_optional(pool).await?)
            }
            other => Err(other),
        },
    }
}
