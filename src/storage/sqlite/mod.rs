//! SQLite: WAL, foreign keys on, a busy timeout, write transactions with `BEGIN IMMEDIATE`.
//!
//! Beside the shared queries (`storage::queries`) this backend keeps, for the performance
//! budgets (`docs/performance.md`, `docs/decisions.md`): one writer at a time in the process
//! ([`write_lock`]), WAL checkpoints in the background ([`checkpointer`]), the two hot reads on
//! the calling thread ([`inline_reads`]) and a small page cache per pooled connection
//! ([`POOL_CACHE_KIB`]).

mod checkpointer;
pub(crate) mod inline_reads;
mod write_lock;

use std::future::Future;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::Sqlite;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteQueryResult,
    SqliteSynchronous,
};
use tokio::sync::oneshot;
use uuid::Uuid;

pub use checkpointer::{
    AUTOCHECKPOINT_PAGES, CHECKPOINT_GAP, CHECKPOINT_IDLE, Checkpoint, RESTART_FRAMES,
};
use checkpointer::{Mode, RESTART_WAIT, checkpoint, spawn_checkpointer};
use inline_reads::InlineReader;
use write_lock::{WriteGuard, WriteLock};

use super::queries::checkouts::ListSql;
use super::queries::{Db, SqlStore};
use super::{Customer, PageOf, PageRequest, PoolSettings, StorageResult, Terms, TermsRef};
use crate::domain::checkout::{Checkout, QuoteJson};

/// Page cache of each pooled connection, in KiB (SQLite's default is 2,000). In WAL mode a
/// connection drops its whole cache when another one has written since its last transaction,
/// which under steady writes is every few milliseconds, so a large cache is rarely reused; ten
/// full default caches were 20 MB of the server's peak RSS (docs/performance.md).
pub const POOL_CACHE_KIB: u32 = 512;

/// The store on SQLite.
pub type SqliteStore = SqlStore<Sqlite>;

/// What SQLite keeps beside its pool.
pub struct SqliteMachinery {
    /// Serialises this process's write transactions (SQLite has one writer at a time); the
    /// checkpointer takes it to start the WAL over.
    writes: Arc<WriteLock>,
    /// The hot reads, on the calling thread; `None` for an in-memory database (or
    /// [`SqliteStore::without_inline_reads`]), whose reads all go through the pool.
    inline: Option<InlineReader>,
    /// Dropping the store stops its checkpointer.
    _checkpointer: oneshot::Sender<()>,
}

impl Db for Sqlite {
    const BACKEND: &'static str = "sqlite";
    const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";
    // A claim runs under the write lock (and SQLite's own database lock across processes):
    // no row lock to take.
    const CLAIM_LOCK: &'static str = "";
    const NEW_ID: &'static str = "randomblob(16)";
    const INDEX_HINTS: bool = true;
    const CREATED_DAY: &'static str = "substr(created_at, 1, 10)";
    // One writer: the triggers update the counts in place.
    const FOLD_OUTCOME_CHANGES: Option<&'static str> = None;

    type Machinery = SqliteMachinery;
    type Writing<'a> = WriteGuard<'a>;

    fn writing(machinery: &SqliteMachinery) -> impl Future<Output = WriteGuard<'_>> + Send {
        machinery.writes.lock()
    }

    fn rows_affected(result: &SqliteQueryResult) -> u64 {
        result.rows_affected()
    }

    fn checkout_with_terms_here(
        machinery: &SqliteMachinery,
        org: Option<Uuid>,
        id: Uuid,
    ) -> Option<StorageResult<Option<(Checkout, Terms)>>> {
        machinery.inline.as_ref()?.checkout_with_terms(org, id)
    }

    fn checkouts_here(
        machinery: &SqliteMachinery,
        q: &ListSql,
        page: PageRequest,
    ) -> Option<StorageResult<PageOf<Checkout<QuoteJson>>>> {
        machinery.inline.as_ref()?.checkouts(q, page)
    }

    fn terms_here(
        machinery: &SqliteMachinery,
        org: Uuid,
        ids: TermsRef,
    ) -> Option<StorageResult<(Option<Customer>, Terms)>> {
        machinery.inline.as_ref()?.terms(org, ids)
    }
}

impl SqlStore<Sqlite> {
    pub async fn connect(url: &str, settings: &PoolSettings) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("wal_autocheckpoint", AUTOCHECKPOINT_PAGES.to_string())
            .pragma("cache_size", format!("-{POOL_CACHE_KIB}"));
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
        let writes = Arc::new(WriteLock::default());
        let checkpointer = spawn_checkpointer(
            options.clone().busy_timeout(RESTART_WAIT),
            Arc::clone(&writes),
        );
        let machinery = SqliteMachinery {
            writes,
            inline: InlineReader::new(options.get_filename().to_owned()),
            _checkpointer: checkpointer,
        };
        Ok(SqlStore::new(pool, machinery))
    }

    /// This store with every read going through sqlx's pool, as when an inline read cannot
    /// run (`inline_reads`): for tests of that path.
    pub fn without_inline_reads(mut self) -> Self {
        self.machinery.inline = None;
        self
    }

    /// Copies what it can of the WAL into the database file now, without waiting for readers
    /// or blocking writers (the background checkpointer calls the same statement).
    pub async fn checkpoint(&self) -> Result<Checkpoint, sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        checkpoint(&mut conn, Mode::Passive).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store(dir: &tempfile::TempDir) -> (SqliteStore, std::path::PathBuf) {
        let path = dir.path().join("t.db");
        let url = format!("sqlite://{}", path.display());
        let store = SqliteStore::connect(&url, &PoolSettings::default())
            .await
            .expect("connect");
        (store, path)
    }

    #[tokio::test]
    async fn a_database_file_has_its_hot_reads_inline() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = store(&dir).await;
        assert!(store.machinery.inline.is_some());
        assert!(store.without_inline_reads().machinery.inline.is_none());
    }

    /// Each list filter is a seek in its own index, read inline; a combined filter is read
    /// through the pool (it may walk rows).
    #[tokio::test]
    async fn every_list_filter_is_a_seek_in_its_index_and_read_inline() {
        use crate::domain::checkout::{CheckoutStatus, CheckoutType};
        use crate::storage::CheckoutFilter;
        use crate::storage::queries::checkouts::{list_query, list_sql};
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = store(&dir).await;
        let (org, now) = (Uuid::now_v7(), chrono::Utc::now());
        let page = PageRequest {
            limit: 20,
            starting_after: Some(Uuid::now_v7()),
        };
        let status = |s| CheckoutFilter {
            status: Some(s),
            ..CheckoutFilter::default()
        };
        let cases = [
            (CheckoutFilter::default(), vec!["checkouts_org_created"]),
            (status(CheckoutStatus::Open), vec!["checkouts_org_status"]),
            (
                status(CheckoutStatus::Cancelled),
                vec!["checkouts_org_status"],
            ),
            (
                status(CheckoutStatus::Expired),
                vec!["checkouts_org_status", "checkouts_open_expiry"],
            ),
            (
                CheckoutFilter {
                    customer_id: Some(Uuid::now_v7()),
                    ..CheckoutFilter::default()
                },
                vec!["checkouts_org_customer"],
            ),
            (
                CheckoutFilter {
                    checkout_type: Some(CheckoutType::PlanChange),
                    ..CheckoutFilter::default()
                },
                vec!["checkouts_org_type"],
            ),
        ];
        let inline = store.machinery.inline.as_ref().expect("inline reads");
        for (filter, indexes) in cases {
            let q = list_sql::<Sqlite>(org, &filter, page, now);
            assert!(q.seek, "{filter:?}");
            let explain = ListSql {
                sql: format!("EXPLAIN QUERY PLAN {}", q.sql),
                args: q.args.clone(),
                seek: q.seek,
            };
            let steps: Vec<String> = list_query::<Sqlite>(explain)
                .fetch_all(&store.pool)
                .await
                .expect("explain")
                .iter()
                .map(|r| sqlx::Row::get::<String, _>(r, "detail"))
                .filter(|d| d.contains("checkouts") && !d.contains("PRIMARY KEY"))
                .collect();
            for want in &indexes {
                assert!(
                    steps
                        .iter()
                        .any(|s| s.starts_with("SEARCH") && s.contains(want)),
                    "{filter:?}: {steps:?}"
                );
            }
            assert!(
                !steps.iter().any(|s| s.starts_with("SCAN")),
                "{filter:?}: {steps:?}"
            );
            let listed = inline.checkouts(&q, page).expect("read inline");
            assert!(listed.expect("no error").data.is_empty());
        }
        let combined = CheckoutFilter {
            status: Some(CheckoutStatus::Open),
            customer_id: Some(Uuid::now_v7()),
            ..CheckoutFilter::default()
        };
        let q = list_sql::<Sqlite>(org, &combined, page, now);
        assert!(!q.seek);
        assert!(
            inline.checkouts(&q, page).is_none(),
            "a walk stays on the pool"
        );
    }

    /// What SQLite plans for `sql` (one line per step of `EXPLAIN QUERY PLAN`).
    async fn plan(store: &SqliteStore, sql: &str) -> Vec<String> {
        let explain = format!("EXPLAIN QUERY PLAN {sql}");
        sqlx::query(sqlx::AssertSqlSafe(explain))
            .bind(chrono::Utc::now())
            .bind(500_i64)
            .fetch_all(&store.pool)
            .await
            .expect("explain")
            .iter()
            .map(|r| sqlx::Row::get::<String, _>(r, "detail"))
            .collect()
    }

    #[tokio::test]
    async fn the_expiry_sweep_looks_up_only_due_sessions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = store(&dir).await;
        let steps = plan(&store, crate::storage::queries::checkouts::EXPIRE_DUE).await;
        assert!(
            steps.iter().all(|s| !s.starts_with("SCAN")),
            "a step scans: {steps:?}"
        );
        assert!(
            steps
                .iter()
                .any(|s| s.contains("checkouts_open_expiry (expires_at<?)")),
            "{steps:?}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_wal_stays_short_under_steady_reads_and_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, path) = store(&dir).await;
        let store = Arc::new(store);
        sqlx::query("CREATE TABLE t (x BLOB)")
            .execute(&store.pool)
            .await
            .expect("create");
        // Readers always in the WAL, as under load: a checkpoint beside the writers never
        // catches up, and without the restart the WAL grows to the commit-time threshold.
        let reading = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let (store, reading) = (Arc::clone(&store), Arc::clone(&reading));
                tokio::spawn(async move {
                    while reading.load(std::sync::atomic::Ordering::Relaxed) {
                        sqlx::query("SELECT count(*) FROM t")
                            .fetch_one(&store.pool)
                            .await
                            .expect("read");
                    }
                })
            })
            .collect();
        // About 60 MB of frames, through the store's write lock as the product writes.
        for _ in 0..3_500 {
            let _w = store.machinery.writes.lock().await;
            sqlx::query("INSERT INTO t VALUES (zeroblob(16000))")
                .execute(&store.pool)
                .await
                .expect("insert");
        }
        reading.store(false, std::sync::atomic::Ordering::Relaxed);
        for r in readers {
            r.await.expect("reader");
        }
        let wal = std::fs::metadata(path.with_extension("db-wal"))
            .expect("wal")
            .len();
        let frame = 4096 + 24;
        let bound = u64::try_from(2 * RESTART_FRAMES).expect("frames") * frame;
        assert!(wal < bound, "WAL of {wal} bytes, want under {bound}");
    }

    #[tokio::test]
    async fn commits_leave_checkpoints_to_the_background() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = store(&dir).await;
        let pages: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
            .fetch_one(&store.pool)
            .await
            .expect("pragma");
        assert_eq!(pages, i64::from(AUTOCHECKPOINT_PAGES));
    }

    #[tokio::test]
    async fn every_pooled_connection_keeps_a_small_page_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = store(&dir).await;
        // Held at once, so each is a different connection.
        let mut held = Vec::new();
        for _ in 0..3 {
            held.push(store.pool.acquire().await.expect("acquire"));
        }
        for conn in &mut held {
            let kib: i64 = sqlx::query_scalar("PRAGMA cache_size")
                .fetch_one(&mut **conn)
                .await
                .expect("pragma");
            assert_eq!(kib, -i64::from(POOL_CACHE_KIB));
        }
    }

    #[tokio::test]
    async fn a_passive_checkpoint_copies_every_committed_frame() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _) = store(&dir).await;
        sqlx::query("CREATE TABLE t (x TEXT)")
            .execute(&store.pool)
            .await
            .expect("create");
        for i in 0..50 {
            sqlx::query("INSERT INTO t VALUES ($1)")
                .bind(format!("row {i}"))
                .execute(&store.pool)
                .await
                .expect("insert");
        }
        let first = store.checkpoint().await.expect("checkpoint");
        assert!(first.wal_frames > 0, "{first:?}");
        assert_eq!(first.checkpointed, first.wal_frames);
    }

    #[tokio::test]
    async fn the_background_checkpointer_writes_the_database_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, path) = store(&dir).await;
        // The migrations' pages are in the WAL; only a checkpoint puts them in the file (the
        // commit-time threshold is far above what they take).
        let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
            .fetch_one(&store.pool)
            .await
            .expect("page_count");
        let size: i64 = sqlx::query_scalar("PRAGMA page_size")
            .fetch_one(&store.pool)
            .await
            .expect("page_size");
        let want = u64::try_from(pages * size).expect("size");
        assert!(pages > 10, "{pages}");
        // Wait for the background task (it runs after writes and every CHECKPOINT_IDLE), bounded.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut tick = tokio::time::interval(Duration::from_millis(20));
        loop {
            tick.tick().await;
            let len = std::fs::metadata(&path).expect("metadata").len();
            if len >= want {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "database file still {len} bytes, want {want}"
            );
        }
    }
}
