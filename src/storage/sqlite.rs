//! SQLite: WAL, foreign keys on, a busy timeout, write transactions with `BEGIN IMMEDIATE`.
//!
//! Checkpoints run in the background ([`spawn_checkpointer`]), soon after each write, not in
//! the commit that happens to cross SQLite's threshold: a checkpoint copies the WAL into the
//! database file and syncs it, and the request that paid for it, with every write queued
//! behind it, waited tens of milliseconds (docs/performance.md).
//!
//! A checkpoint that runs beside the writers never catches up with them, so on its own it
//! never lets SQLite start the WAL over: under a steady write load with readers always present
//! the WAL grew to the safety-net threshold (87 MB), from where commits checkpointed it
//! themselves again. So once the WAL is [`RESTART_FRAMES`] long the checkpointer finishes the
//! job with the writers held off: it takes this process's write lock, copies the few frames
//! written meanwhile and waits for readers to leave the WAL (`RESTART`), and the next write
//! starts the WAL from the beginning.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions as _, Connection as _, SqlitePool};
use tokio::sync::oneshot;

use super::inline::InlineReader;
use super::{PoolSettings, ReaderPool, WriteLock};

/// The checkpointer runs after writes, at most once per this interval: small checkpoints,
/// each a short file sync (schedules compared in docs/performance.md).
pub const CHECKPOINT_GAP: Duration = Duration::from_millis(5);
/// With no write it notices (a write by another process), it still runs this often.
pub const CHECKPOINT_IDLE: Duration = Duration::from_secs(1);
/// A WAL this many frames long (about 16 MB) is checkpointed to its end and started over, with
/// this process's writers held off for the copy of the last frames and two file syncs.
pub const RESTART_FRAMES: i64 = 4_000;
/// How long the restart waits for readers still using the WAL before it gives up until the
/// next round (readers here take microseconds).
const RESTART_WAIT: Duration = Duration::from_millis(100);
/// The safety net: a commit that finds the WAL this many pages long still checkpoints itself
/// (SQLite's default is 1,000). Reached only if the background checkpointer falls behind or
/// cannot run.
pub const AUTOCHECKPOINT_PAGES: u32 = 20_000;

/// Page cache of each pooled connection, in KiB (SQLite's default is 2,000). In WAL mode a
/// connection drops its whole cache when another one has written since its last transaction,
/// which under steady writes is every few milliseconds, so a large cache is rarely reused; ten
/// full default caches were 20 MB of the server's peak RSS (docs/performance.md).
pub const POOL_CACHE_KIB: u32 = 512;

pub struct SqliteStore {
    pool: SqlitePool,
    /// Serialises this process's write transactions (SQLite has one writer at a time); the
    /// checkpointer takes it to start the WAL over.
    writes: Option<Arc<WriteLock>>,
    /// New sessions waiting for the next group commit.
    inserts: InsertQueue,
    /// Always `None`: the hot reads run on the calling thread instead (`inline`), the others
    /// on the pool.
    readers: Option<ReaderPool<SqliteConnectOptions>>,
    /// The hot reads, on the calling thread (`super::inline`); `None` for an in-memory
    /// database.
    inline: Option<InlineReader>,
    /// Dropping the store stops its checkpointer.
    _checkpointer: Option<oneshot::Sender<()>>,
}

/// What one `PRAGMA wal_checkpoint` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// Frames in the WAL.
    pub wal_frames: i64,
    /// Frames now copied into the database file (all of them unless a reader still needs some).
    pub checkpointed: i64,
}

impl SqliteStore {
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
        Ok(Self {
            pool,
            writes: Some(writes),
            inserts: InsertQueue::default(),
            readers: None,
            inline: InlineReader::new(options.get_filename().to_owned()),
            _checkpointer: Some(checkpointer),
        })
    }

    /// This store with every read going through sqlx's pool, as when an inline read cannot
    /// run (`super::inline`): for tests of that path.
    pub fn without_inline_reads(mut self) -> Self {
        self.inline = None;
        self
    }

    /// Copies what it can of the WAL into the database file now, without waiting for readers
    /// or blocking writers (the background checkpointer calls the same statement).
    pub async fn checkpoint(&self) -> Result<Checkpoint, sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        checkpoint(&mut conn, Mode::Passive).await
    }
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    /// Copy what no reader still needs; never wait.
    Passive,
    /// Copy everything, then wait (busy timeout) until no reader uses the WAL, so the next
    /// writer starts it over. Run with this process's writers held off.
    Restart,
}

async fn checkpoint(conn: &mut SqliteConnection, mode: Mode) -> Result<Checkpoint, sqlx::Error> {
    let sql = match mode {
        Mode::Passive => "PRAGMA wal_checkpoint(PASSIVE)",
        Mode::Restart => "PRAGMA wal_checkpoint(RESTART)",
    };
    let (_busy, wal_frames, checkpointed): (i64, i64, i64) =
        sqlx::query_as(sql).fetch_one(conn).await?;
    Ok(Checkpoint {
        wal_frames,
        checkpointed,
    })
}

/// Runs a passive checkpoint after writes (told by [`WriteLock::written`], at most once per
/// [`CHECKPOINT_GAP`]) and at least once per [`CHECKPOINT_IDLE`], on a connection of its own,
/// until the returned sender is dropped. Passive: it copies only frames no reader still needs
/// and never takes the write lock, so requests wait neither for it nor for its file sync.
/// When the WAL is [`RESTART_FRAMES`] long it restarts it, holding `writes` (module docs).
fn spawn_checkpointer(
    options: SqliteConnectOptions,
    writes: Arc<WriteLock>,
) -> oneshot::Sender<()> {
    let (stop, mut stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let mut conn: Option<SqliteConnection> = None;
        loop {
            tokio::select! {
                _ = &mut stopped => break,
                _ = writes.written() => {}
                _ = tokio::time::sleep(CHECKPOINT_IDLE) => {}
            }
            if conn.is_none() {
                match options.connect().await {
                    Ok(c) => conn = Some(c),
                    Err(e) => tracing::warn!(error = %e, "checkpointer cannot connect"),
                }
            }
            if let Some(c) = conn.as_mut() {
                let mut done = checkpoint(c, Mode::Passive).await;
                if let Ok(cp) = done
                    && cp.wal_frames >= RESTART_FRAMES
                {
                    // Releasing the lock wakes this loop again: a harmless extra round.
                    let _writers_held_off = writes.lock().await;
                    done = checkpoint(c, Mode::Restart).await;
                }
                match done {
                    Ok(cp) if cp.wal_frames > 0 => tracing::trace!(?cp, "checkpoint"),
                    Ok(_) => {}
                    Err(e) => {
                        // A fresh connection next time; commits checkpoint themselves meanwhile.
                        tracing::warn!(error = %e, "background checkpoint failed");
                        conn = None;
                    }
                }
            }
            tokio::select! {
                _ = &mut stopped => break,
                _ = tokio::time::sleep(CHECKPOINT_GAP) => {}
            }
        }
        if let Some(c) = conn {
            let _ = c.close().await;
        }
    });
    stop
}

impl_sql_store!(SqliteStore, sqlx::Sqlite, "BEGIN IMMEDIATE", "sqlite");

impl super::InlineReads for SqliteStore {
    fn checkout_with_terms_inline(
        &self,
        org: Option<Uuid>,
        id: Uuid,
    ) -> Option<StorageResult<Option<(Checkout, Terms)>>> {
        self.inline.as_ref()?.checkout_with_terms(org, id)
    }

    fn terms_inline(
        &self,
        org: Uuid,
        ids: TermsRef,
    ) -> Option<StorageResult<(Option<Customer>, Terms)>> {
        self.inline.as_ref()?.terms(org, ids)
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
        assert!(store.inline.is_some());
        assert!(store.without_inline_reads().inline.is_none());
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
        let steps = plan(&store, super::super::sql::EXPIRE_DUE).await;
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
            let _w = store.writes.as_ref().expect("lock").lock().await;
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
