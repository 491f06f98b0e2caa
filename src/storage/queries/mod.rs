//! The store both backends share: [`SqlStore`], generic over [`Db`], runs the same SQL text on
//! SQLite and PostgreSQL (`$N` placeholders, `ON CONFLICT`, row values), one module per
//! aggregate. What differs between the two is in [`Db`]: how a write transaction starts, the
//! process's write lock (SQLite), and where the hot one-row reads run.

/// What the writes that close a session answer: the row as they leave it, for its events.
macro_rules! returning_checkout {
    () => {
        " RETURNING id, organisation_id, checkout_status, checkout_type, plan_id, contract_id, start_date, end_date, customer_id, business_entity_id, guest_checkout, customer_data, estimates, expires_at, success_url, cancel_url, product_overrides, plan_options, proration_behavior, metadata, preview, cancel_reason, created_at, updated_at, completed_at, link_secret, discount, allow_promotion_codes, locale, checkout_link_id"
    };
}

mod catalog;
pub(crate) mod checkouts;
mod confirm;
mod console_users;
mod contracts;
mod discounts;
mod events;
mod idempotency;
mod links;
mod organisations;
mod webhooks;

use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::database::HasStatementCache;
use sqlx::{Encode, Executor, IntoArguments, QueryBuilder, Type};
use uuid::Uuid;

use super::batch_insert::BatchInsert;
use super::rows::checkouts::{CheckoutColumns, CheckoutWithTermsColumns, CustomerTermsColumns};
use super::rows::{Columns, ReadsAll, Resolved, decode_all};
use super::{Customer, PageOf, PageRequest, Storage, StorageResult, Terms, TermsRef};
use crate::domain::checkout::{Checkout, QuoteJson};

/// One statement with its arguments.
pub(crate) type Query<'q, D> = sqlx::query::Query<'q, D, <D as sqlx::Database>::Arguments>;

/// A database the shared queries run on. Everything the generic code needs of sqlx is in the
/// supertraits, which Rust carries to every `D: Db` (unlike a `where` clause on the trait):
/// the types the queries bind ([`BindsAll`]) and read ([`ReadsAll`]), and running a statement
/// on a connection ([`Executes`]). The methods are what really differs between the backends.
pub trait Db:
    sqlx::Database<Arguments: IntoArguments<Self>, Row: ReadsAll>
    + HasStatementCache
    + BindsAll
    + Executes
{
    /// [`Storage::backend`].
    const BACKEND: &'static str;
    /// How a write transaction starts: SQLite takes its write lock at once (`BEGIN
    /// IMMEDIATE`), so a transaction never fails to upgrade a read lock halfway through.
    const BEGIN_WRITE: &'static str;
    /// Appended to the select of due deliveries a worker claims: PostgreSQL skips the rows
    /// another process is claiming (`FOR UPDATE SKIP LOCKED`) instead of waiting for them.
    const CLAIM_LOCK: &'static str;
    /// An SQL expression for a new random id (deliveries made by `INSERT ... SELECT`).
    const NEW_ID: &'static str;
    /// Whether a query names the index it must use (`INDEXED BY`). SQLite's planner has no
    /// statistics of how many rows a value matches, and prefers the index that yields the
    /// list's order: with a million open sessions it walked them all for an open session of a
    /// customer who has none (6 s). PostgreSQL chooses from its statistics, and has no hints.
    const INDEX_HINTS: bool;
    /// The UTC day (`YYYY-MM-DD`) of a session's `created_at`, for the console's per-day
    /// counts: SQLite stores RFC 3339 text in UTC, PostgreSQL a `timestamptz`.
    const CREATED_DAY: &'static str;
    /// Moves appended changes of the console's counts into `checkout_outcome_counts`
    /// (`migrations/*/0012`), or `None` where triggers keep the counts themselves.
    const FOLD_OUTCOME_CHANGES: Option<&'static str>;

    /// What the backend keeps in the process beside its pool, for its speed-ups.
    type Machinery: Send + Sync;
    /// Held for the length of a write (SQLite's write lock; nothing on PostgreSQL).
    type Writing<'a>: Send;

    /// Waits for this process's turn to write.
    fn writing(machinery: &Self::Machinery) -> impl Future<Output = Self::Writing<'_>> + Send;

    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// A page of [`CheckoutStore::list_checkouts`](super::CheckoutStore) answered without the
    /// pool (SQLite: on the calling thread, when the statement is a seek), or `None`.
    fn checkouts_here(
        _machinery: &Self::Machinery,
        _q: &checkouts::ListSql,
        _page: PageRequest,
    ) -> Option<StorageResult<PageOf<Checkout<QuoteJson>>>> {
        None
    }

    /// [`CheckoutStore::get_checkout_with_terms`](super::CheckoutStore) answered without the
    /// pool (SQLite: on the calling thread), or `None` to read through [`Db::read_row`].
    fn checkout_with_terms_here(
        _machinery: &Self::Machinery,
        _org: Option<Uuid>,
        _id: Uuid,
    ) -> Option<StorageResult<Option<(Checkout, Terms)>>> {
        None
    }

    /// [`CheckoutStore::get_terms`](super::CheckoutStore), likewise.
    fn terms_here(
        _machinery: &Self::Machinery,
        _org: Uuid,
        _ids: TermsRef,
    ) -> Option<StorageResult<(Option<Customer>, Terms)>> {
        None
    }

    /// Runs one of the hot one-row reads (PostgreSQL: on a reader connection). `query` builds
    /// the statement again should the read be retried.
    fn read_row<'a, 'q: 'a>(
        pool: &'a sqlx::Pool<Self>,
        _machinery: &'a Self::Machinery,
        query: impl Fn() -> Query<'q, Self> + Send + Sync + 'a,
    ) -> impl Future<Output = StorageResult<Option<Self::Row>>> + Send + 'a {
        async move {
            let mut conn = pool.acquire().await?;
            Ok(query().fetch_optional(Self::on(&mut conn)).await?)
        }
    }
}

/// `sqlx`'s executor for one connection of `Self` (one generic impl: the bound cannot be a
/// supertrait of [`Db`] itself).
pub trait Executes: sqlx::Database {
    fn on<'c>(conn: &'c mut Self::Connection) -> impl Executor<'c, Database = Self> + 'c;
}

impl<D: sqlx::Database> Executes for D
where
    for<'c> &'c mut D::Connection: Executor<'c, Database = D>,
{
    fn on<'c>(conn: &'c mut Self::Connection) -> impl Executor<'c, Database = Self> + 'c {
        conn
    }
}

/// Binds a `T` to a statement of `Self`.
pub trait Binds<T>: sqlx::Database {
    fn bind<'q>(q: Query<'q, Self>, value: T) -> Query<'q, Self>;
    fn push_bind(qb: &mut QueryBuilder<Self>, value: T);
}

// `'t` is how long sqlx may borrow the value while encoding it: not every `'t` (an
// `Option<&'a str>` encodes only for `'t` within `'a`).
impl<'t, D: sqlx::Database, T: 't> Binds<T> for D
where
    T: Encode<'t, D> + Type<D>,
{
    fn bind<'q>(q: Query<'q, Self>, value: T) -> Query<'q, Self> {
        q.bind(value)
    }

    fn push_bind(qb: &mut QueryBuilder<Self>, value: T) {
        qb.push_bind(value);
    }
}

/// Every type the queries bind, written once as supertraits (see [`Db`]).
pub trait BindsAll:
    Binds<Uuid>
    + Binds<Option<Uuid>>
    + for<'a> Binds<&'a str>
    + for<'a> Binds<Option<&'a str>>
    + Binds<String>
    + Binds<i64>
    + Binds<Option<i64>>
    + Binds<bool>
    + Binds<NaiveDate>
    + Binds<Option<NaiveDate>>
    + Binds<DateTime<Utc>>
    + Binds<Option<DateTime<Utc>>>
{
}

impl BindsAll for sqlx::Sqlite {}
impl BindsAll for sqlx::Postgres {}

/// `.arg(v)` on a statement of any [`Db`]: sqlx's `.bind(v)`.
pub(crate) trait Arg: Sized {
    type Db: sqlx::Database;
    fn arg<T>(self, value: T) -> Self
    where
        Self::Db: Binds<T>;
}

impl<D: sqlx::Database> Arg for Query<'_, D> {
    type Db = D;
    fn arg<T>(self, value: T) -> Self
    where
        D: Binds<T>,
    {
        D::bind(self, value)
    }
}

/// `.push_arg(v)` on a statement built at run time: sqlx's `.push_bind(v)`.
pub(crate) trait PushArg {
    type Db: sqlx::Database;
    fn push_arg<T>(&mut self, value: T) -> &mut Self
    where
        Self::Db: Binds<T>;
}

impl<D: sqlx::Database> PushArg for QueryBuilder<D> {
    type Db = D;
    fn push_arg<T>(&mut self, value: T) -> &mut Self
    where
        D: Binds<T>,
    {
        D::push_bind(self, value);
        self
    }
}

/// The store, for either database.
pub struct SqlStore<D: Db> {
    pub(crate) pool: sqlx::Pool<D>,
    /// New sessions waiting for the next group commit.
    pub(crate) inserts: BatchInsert,
    /// The columns of the two hot reads when they go through sqlx, found on their first row.
    pub(crate) hot: HotColumns,
    /// SQLite: the write lock, the checkpointer and the inline reads; PostgreSQL: the reader
    /// connections.
    pub(crate) machinery: D::Machinery,
}

/// See [`SqlStore::hot`].
#[derive(Default)]
pub(crate) struct HotColumns {
    pub(crate) checkout_with_terms: Resolved<CheckoutWithTermsColumns>,
    pub(crate) terms: Resolved<CustomerTermsColumns>,
    /// A session row as the writes that close it return it (`… RETURNING`).
    pub(crate) returned_checkout: Resolved<CheckoutColumns>,
}

impl<D: Db> SqlStore<D> {
    pub(crate) fn new(pool: sqlx::Pool<D>, machinery: D::Machinery) -> Self {
        Self {
            pool,
            inserts: BatchInsert::default(),
            hot: HotColumns::default(),
            machinery,
        }
    }

    /// On SQLite, one writer at a time inside this process: waiters queue here instead of
    /// sleeping in SQLite's busy handler (which made write p99 jump to 100s of ms).
    pub(crate) async fn writing(&self) -> D::Writing<'_> {
        D::writing(&self.machinery).await
    }

    pub(crate) async fn begin_write(&self) -> StorageResult<sqlx::Transaction<'static, D>> {
        Ok(self.pool.begin_with(D::BEGIN_WRITE).await?)
    }

    /// Runs `q` on a pooled connection; returns how many rows it changed.
    pub(crate) async fn execute(&self, q: Query<'_, D>) -> StorageResult<u64> {
        let mut conn = self.pool.acquire().await?;
        execute_on::<D>(&mut conn, q).await
    }

    pub(crate) async fn fetch_optional(&self, q: Query<'_, D>) -> StorageResult<Option<D::Row>> {
        let mut conn = self.pool.acquire().await?;
        Ok(q.fetch_optional(D::on(&mut conn)).await?)
    }

    pub(crate) async fn fetch_all(&self, q: Query<'_, D>) -> StorageResult<Vec<D::Row>> {
        let mut conn = self.pool.acquire().await?;
        Ok(q.fetch_all(D::on(&mut conn)).await?)
    }

    /// The row `q` finds, if any, decoded as `C` says.
    pub(crate) async fn fetch_decoded<C: Columns>(
        &self,
        q: Query<'_, D>,
    ) -> StorageResult<Option<C::Item>> {
        let row = self.fetch_optional(q).await?;
        row.as_ref()
            .map(super::rows::decode_one::<C, _>)
            .transpose()
    }

    /// One newest-first page of an organisation's rows: `sql` takes `$1` organisation, `$2`
    /// the cursor id (or NULL) and `$3` the limit.
    pub(crate) async fn fetch_page<C: Columns>(
        &self,
        sql: &'static str,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<C::Item>> {
        let q = sqlx::query(sql)
            .arg(org)
            .arg(page.starting_after)
            .arg(i64::from(page.limit) + 1);
        let rows = self.fetch_all(q).await?;
        page_of::<C, D>(&rows, page)
    }
}

/// Runs `q` on `conn` (a pooled connection or a transaction); returns how many rows it changed.
pub(crate) async fn execute_on<D: Db>(
    conn: &mut D::Connection,
    q: Query<'_, D>,
) -> StorageResult<u64> {
    Ok(D::rows_affected(&q.execute(D::on(conn)).await?))
}

/// The first `page.limit` of `rows` (one more was asked for, to know whether there are more).
pub(crate) fn page_of<C: Columns, D: Db>(
    rows: &[D::Row],
    page: PageRequest,
) -> StorageResult<PageOf<C::Item>> {
    let limit = page.limit as usize;
    Ok(PageOf {
        has_more: rows.len() > limit,
        data: decode_all::<C, _>(&rows[..rows.len().min(limit)])?,
    })
}

/// A `(…)` of bound values being appended to a statement built at run time.
pub(crate) struct Tuple<'a, D: sqlx::Database> {
    qb: &'a mut QueryBuilder<D>,
    empty: bool,
    /// Inside a value that [`Tuple::expr`] writes: no separator until the next value.
    in_expr: bool,
}

impl<'a, D: sqlx::Database> Tuple<'a, D> {
    pub(crate) fn open(qb: &'a mut QueryBuilder<D>) -> Self {
        qb.push("(");
        Self {
            qb,
            empty: true,
            in_expr: false,
        }
    }

    pub(crate) fn value<T>(mut self, value: T) -> Self
    where
        D: Binds<T>,
    {
        if !self.empty {
            self.qb.push(", ");
        }
        self.empty = false;
        self.in_expr = false;
        self.qb.push_arg(value);
        self
    }

    /// Starts a value written as SQL around placeholders: `expr`, then [`Tuple::arg`]s and
    /// more `expr`s.
    pub(crate) fn expr(mut self, sql: &str) -> Self {
        if !self.empty && !self.in_expr {
            self.qb.push(", ");
        }
        self.empty = false;
        self.in_expr = true;
        self.qb.push(sql);
        self
    }

    /// A placeholder inside the value [`Tuple::expr`] started.
    pub(crate) fn arg<T>(self, value: T) -> Self
    where
        D: Binds<T>,
    {
        self.qb.push_arg(value);
        self
    }

    pub(crate) fn close(self) {
        self.qb.push(")");
    }
}

/// Appends `(…)`, a placeholder for each of `ids`, bound to them (for `IN`).
pub(crate) fn push_ids<D: Db>(qb: &mut QueryBuilder<D>, ids: impl IntoIterator<Item = Uuid>) {
    ids.into_iter()
        .fold(Tuple::open(qb), |tuple, id| tuple.value(id))
        .close();
}

impl<D: Db> Storage for SqlStore<D> {
    fn backend(&self) -> &'static str {
        D::BACKEND
    }

    fn pool_stats(&self) -> super::PoolStats {
        let size = self.pool.size();
        let idle = u32::try_from(self.pool.num_idle()).unwrap_or(size);
        super::PoolStats {
            in_use: size.saturating_sub(idle),
            idle,
        }
    }
}
