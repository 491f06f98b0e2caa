//! PostgreSQL. Several `serve` processes may share one database: every invariant is held by
//! the database (conditional updates, unique keys), never by process memory, so this backend
//! needs no write lock. Beside the shared queries it keeps reader connections for the hot
//! one-row reads ([`readers`]).

mod readers;

use std::future::Future;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgQueryResult, PgRow};
use sqlx::{PgPool, Postgres};

use readers::{ReaderPool, ping_if_idle, reader_pool};

use super::queries::{Db, Query, SqlStore};
use super::{PoolSettings, StorageResult};

/// The store on PostgreSQL.
pub type PgStore = SqlStore<Postgres>;

/// What PostgreSQL keeps beside its pool: connections for the hot one-row reads.
pub struct PgMachinery {
    readers: ReaderPool,
}

impl Db for Postgres {
    const BACKEND: &'static str = "postgres";
    const BEGIN_WRITE: &'static str = "BEGIN";
    const CLAIM_LOCK: &'static str = " FOR UPDATE OF d SKIP LOCKED";
    const NEW_ID: &'static str = "gen_random_uuid()";
    const INDEX_HINTS: bool = false;
    const CREATED_DAY: &'static str = "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
    // Several processes may fold at once: each takes rows no other holds, and upserts the
    // counts in key order, so two folds never wait on each other in a cycle.
    const FOLD_OUTCOME_CHANGES: Option<&'static str> = Some(
        "WITH moved AS (DELETE FROM checkout_outcome_changes WHERE id IN (SELECT id FROM checkout_outcome_changes ORDER BY id LIMIT 50000 FOR UPDATE SKIP LOCKED) RETURNING organisation_id, day, checkout_status, sessions) INSERT INTO checkout_outcome_counts (organisation_id, day, checkout_status, sessions) SELECT organisation_id, day, checkout_status, SUM(sessions) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 ON CONFLICT (organisation_id, day, checkout_status) DO UPDATE SET sessions = checkout_outcome_counts.sessions + EXCLUDED.sessions",
    );

    type Machinery = PgMachinery;
    /// PostgreSQL takes row locks itself: no process-level write lock.
    type Writing<'a> = ();

    fn writing(_: &PgMachinery) -> impl Future<Output = ()> + Send {
        std::future::ready(())
    }

    fn rows_affected(result: &PgQueryResult) -> u64 {
        result.rows_affected()
    }

    fn read_row<'a, 'q: 'a>(
        pool: &'a PgPool,
        machinery: &'a PgMachinery,
        query: impl Fn() -> Query<'q, Postgres> + Send + Sync + 'a,
    ) -> impl Future<Output = StorageResult<Option<PgRow>>> + Send + 'a {
        readers::read_row(&machinery.readers, pool, query)
    }
}

impl SqlStore<Postgres> {
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
        let machinery = PgMachinery {
            readers: reader_pool(options, settings)?,
        };
        Ok(SqlStore::new(pool, machinery))
    }
}
