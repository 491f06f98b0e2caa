//! SQLite's WAL checkpointer.
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

use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions as _, Connection as _};
use tokio::sync::oneshot;

use super::write_lock::WriteLock;

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
pub(super) const RESTART_WAIT: Duration = Duration::from_millis(100);
/// The safety net: a commit that finds the WAL this many pages long still checkpoints itself
/// (SQLite's default is 1,000). Reached only if the background checkpointer falls behind or
/// cannot run.
pub const AUTOCHECKPOINT_PAGES: u32 = 20_000;

/// What one `PRAGMA wal_checkpoint` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// Frames in the WAL.
    pub wal_frames: i64,
    /// Frames now copied into the database file (all of them unless a reader still needs some).
    pub checkpointed: i64,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Mode {
    /// Copy what no reader still needs; never wait.
    Passive,
    /// Copy everything, then wait (busy timeout) until no reader uses the WAL, so the next
    /// writer starts it over. Run with this process's writers held off.
    Restart,
}

pub(super) async fn checkpoint(
    conn: &mut SqliteConnection,
    mode: Mode,
) -> Result<Checkpoint, sqlx::Error> {
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
pub(super) fn spawn_checkpointer(
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
