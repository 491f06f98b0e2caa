//! SQLite's one writer at a time inside this process.
//!
//! SQLite has one writer at a time per database. Left to SQLite, the writers that find the
//! lock taken sleep in its busy handler and retry, which made write p99 jump to hundreds of
//! milliseconds under load; queued on this async mutex instead, each starts the moment the
//! previous one ends (`docs/reliability.md`). Letting go of it also tells the WAL checkpointer
//! ([`WriteLock::written`]) that there is something to copy.

/// See the module docs.
#[derive(Default)]
pub(crate) struct WriteLock {
    lock: tokio::sync::Mutex<()>,
    written: tokio::sync::Notify,
}

impl WriteLock {
    pub(crate) async fn lock(&self) -> WriteGuard<'_> {
        WriteGuard {
            _guard: self.lock.lock().await,
            written: &self.written,
        }
    }

    /// Returns once a write has ended since the last call (at once if one has meanwhile).
    pub(crate) async fn written(&self) {
        self.written.notified().await;
    }
}

/// Held for the length of a write; see [`WriteLock`].
pub struct WriteGuard<'a> {
    _guard: tokio::sync::MutexGuard<'a, ()>,
    written: &'a tokio::sync::Notify,
}

impl Drop for WriteGuard<'_> {
    fn drop(&mut self) {
        // Stores a permit if the checkpointer is busy: it runs again when it is done.
        self.written.notify_one();
    }
}
