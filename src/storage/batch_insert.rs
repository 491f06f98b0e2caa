//! Group commit of new sessions (`POST /checkouts`, both backends; `docs/decisions.md`).
//!
//! A request queues its encoded row, and one request at a time (the leader) writes every
//! queued row in one multi-row `INSERT` (one transaction: one WAL flush on PostgreSQL, one
//! trip to the connection's thread and one write-lock turn on SQLite) and answers the others.
//! Under load, the rows that arrive while one statement runs share the next; alone, a request
//! writes its own row at once.

use uuid::Uuid;

use crate::domain::checkout::Checkout;
use crate::storage::queries::checkouts::{CHECKOUT_EXISTS, CUSTOMER_EMAIL, INSERT_CHECKOUTS};
use crate::storage::queries::{Arg as _, Db, SqlStore, Tuple};
use crate::storage::rows::checkouts::CheckoutRow;
use crate::storage::{StorageError, StorageResult};

/// Most sessions one group commit writes (25 columns each, well under SQLite's limit of
/// 32,766 bound values per statement).
const GROUP_MAX: usize = 64;

type InsertDone = tokio::sync::oneshot::Sender<StorageResult<()>>;

/// New sessions waiting to be written by the next group commit, and the lock that makes one
/// request at a time the writer.
#[derive(Default)]
pub(crate) struct BatchInsert {
    queued: std::sync::Mutex<Vec<(CheckoutRow<'static>, InsertDone)>>,
    leader: tokio::sync::Mutex<()>,
}

impl BatchInsert {
    fn push(&self, v: CheckoutRow<'static>, done: InsertDone) {
        self.queued
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((v, done));
    }

    fn take(&self) -> Vec<(CheckoutRow<'static>, InsertDone)> {
        std::mem::take(&mut *self.queued.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl<D: Db> SqlStore<D> {
    /// [`CheckoutStore::insert_checkout`](crate::storage::CheckoutStore): queue the row, then
    /// either another request's group commit answers, or this one leads the next.
    pub(crate) async fn insert_checkout_batched(
        &self,
        c: &Checkout,
        customer_email: Option<&str>,
    ) -> StorageResult<()> {
        let (done, mut outcome) = tokio::sync::oneshot::channel();
        self.inserts
            .push(CheckoutRow::encode(c, customer_email)?, done);
        let leading = tokio::select! {
            biased;
            answer = &mut outcome => {
                return match answer {
                    Ok(result) => result,
                    Err(_) => self.insert_checkout_orphaned(c, customer_email).await,
                };
            }
            guard = self.inserts.leader.lock() => guard,
        };
        // Our turn to lead: ours is queued unless a group commit took it already.
        if let Ok(result) = outcome.try_recv() {
            return result;
        }
        {
            let _writing = self.writing().await;
            self.group_commit().await;
        }
        drop(leading);
        match outcome.try_recv() {
            Ok(result) => result,
            Err(_) => self.insert_checkout_orphaned(c, customer_email).await,
        }
    }

    /// One statement inserting `rows` (all or none).
    async fn insert_checkout_rows(&self, rows: &[CheckoutRow<'_>]) -> StorageResult<()> {
        let mut qb = sqlx::QueryBuilder::<D>::new(INSERT_CHECKOUTS);
        qb.push("VALUES ");
        for (i, v) in rows.iter().enumerate() {
            if i > 0 {
                qb.push(", ");
            }
            push_row(&mut qb, v);
        }
        // A statement per group size would fill each connection's statement cache with big
        // multi-row programs (peak RSS 43 -> 64 MiB): only the one-row form is kept prepared.
        self.execute(qb.build().persistent(rows.len() == 1)).await?;
        Ok(())
    }

    /// Writes every queued session, up to `GROUP_MAX` per statement, and tells each waiter its
    /// outcome. A statement that fails (say one id already exists) is retried one session at
    /// a time, so one bad row fails only its own request; when the database is unavailable,
    /// every row of the statement fails at once. The caller holds the write lock.
    async fn group_commit(&self) {
        let mut queued = self.inserts.take();
        while !queued.is_empty() {
            let rest = queued.split_off(queued.len().min(GROUP_MAX));
            let (rows, done): (Vec<_>, Vec<_>) = queued.into_iter().unzip();
            match self.insert_checkout_rows(&rows).await {
                Ok(()) => {
                    for d in done {
                        let _ = d.send(Ok(()));
                    }
                }
                Err(e) if rows.len() == 1 => {
                    if let Some(d) = done.into_iter().next() {
                        let _ = d.send(Err(e));
                    }
                }
                // No database: every row fails the same way, at once (retrying them one by
                // one would make the last wait for as many timeouts).
                Err(StorageError::Unavailable(e)) => {
                    let why = e.to_string();
                    for d in done {
                        let _ = d.send(Err(StorageError::Unavailable(sqlx::Error::Io(
                            std::io::Error::other(why.clone()),
                        ))));
                    }
                }
                Err(_) => {
                    for (row, d) in rows.iter().zip(done) {
                        let one = self.insert_checkout_rows(std::slice::from_ref(row)).await;
                        let _ = d.send(one);
                    }
                }
            }
            queued = rest;
        }
    }

    /// Our session was taken by a group commit whose request went away before it answered:
    /// the row may or may not be there. Write it unless it is.
    async fn insert_checkout_orphaned(
        &self,
        c: &Checkout,
        customer_email: Option<&str>,
    ) -> StorageResult<()> {
        let _writing = self.writing().await;
        if self.checkout_exists(c.id).await? {
            return Ok(());
        }
        match self
            .insert_checkout_rows(&[CheckoutRow::encode(c, customer_email)?])
            .await
        {
            // That group commit's statement may have landed meanwhile.
            Err(_) if self.checkout_exists(c.id).await? => Ok(()),
            other => other,
        }
    }

    async fn checkout_exists(&self, id: Uuid) -> StorageResult<bool> {
        let q = sqlx::query(CHECKOUT_EXISTS).arg(id);
        Ok(self.fetch_optional(q).await?.is_some())
    }
}

/// Appends one session's `(…)` of values, in `INSERT_CHECKOUTS`' column order.
fn push_row<D: Db>(qb: &mut sqlx::QueryBuilder<D>, v: &CheckoutRow<'_>) {
    let tuple = Tuple::open(qb)
        .value(v.id)
        .value(v.organisation_id)
        .value(v.checkout_status)
        .value(v.checkout_type)
        .value(v.plan_id)
        .value(v.contract_id)
        .value(v.start_date)
        .value(v.end_date)
        .value(v.customer_id)
        .value(v.business_entity_id)
        .value(v.guest_checkout)
        .value(v.customer_data.as_ref())
        .value(v.estimates.as_ref())
        .value(v.expires_at)
        .value(v.success_url.as_deref())
        .value(v.cancel_url.as_deref())
        .value(v.product_overrides.as_ref())
        .value(v.plan_options.as_ref())
        .value(v.proration_behavior)
        .value(v.metadata.as_ref())
        .value(v.preview)
        .value(v.cancel_reason.as_deref())
        .value(v.created_at)
        .value(v.updated_at)
        .value(v.completed_at)
        .value(v.link_secret.as_deref())
        .value(v.discount.as_deref())
        .value(v.allow_promotion_codes)
        .value(v.locale)
        .value(v.checkout_link_id);
    // The address known here, else (a session whose customer was not loaded) the database's
    // lookup: a subquery per row made SQLite's group commits a fifth slower.
    match (v.search_email.as_deref(), v.customer_id) {
        (None, Some(customer)) => tuple.expr(CUSTOMER_EMAIL).arg(customer).expr("))").close(),
        (email, _) => tuple.expr("lower(").arg(email).expr(")").close(),
    }
}
