//! Persistence. One trait per aggregate; [`sqlite::SqliteStore`] and [`postgres::PgStore`]
//! implement all of them from the same SQL (see `sql.rs`). No SQL or pool type leaves this module.

#[macro_use]
mod sql;
mod inline;
pub mod postgres;
pub mod sqlite;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::domain::catalog::{
    BusinessEntity, Contract, ContractItem, Customer, Organisation, Plan, Product,
};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote};
use crate::domain::customer::CustomerData;
use crate::domain::redirect_url::RedirectUrl;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database could not be reached (pool timeout, connection refused, I/O).
    #[error("the database is unavailable")]
    Unavailable(#[source] sqlx::Error),
    /// A row was read that this version cannot understand.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => StorageError::Unavailable(e),
            sqlx::Error::Database(ref db)
                if db.code().is_some_and(|c| {
                    // PostgreSQL: admin shutdown / cannot connect now / connection failures.
                    c.starts_with("08") || c == "57P01" || c == "57P02" || c == "57P03"
                }) =>
            {
                StorageError::Unavailable(e)
            }
            other => StorageError::Other(anyhow::Error::new(other)),
        }
    }
}

impl From<serde_json::Error> for StorageError {
    fn from(e: serde_json::Error) -> Self {
        StorageError::Corrupt(e.to_string())
    }
}

pub type StorageResult<T> = Result<T, StorageError>;

/// `GET /things?limit=N&starting_after=<id>`: newest first.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub limit: u32,
    pub starting_after: Option<Uuid>,
}

#[derive(Debug, Clone)]
pub struct PageOf<T> {
    pub data: Vec<T>,
    pub has_more: bool,
}

#[async_trait]
pub trait OrganisationStore {
    /// Creates the organisation, its default business entity and an API key (by its hash).
    async fn create_organisation(
        &self,
        org: &Organisation,
        entity: &BusinessEntity,
        key_hash: &str,
        key_prefix: &str,
    ) -> StorageResult<()>;
    async fn organisation_for_key(&self, key_hash: &str) -> StorageResult<Option<Uuid>>;
    async fn count_organisations(&self) -> StorageResult<i64>;
    async fn ping(&self) -> StorageResult<()>;
}

#[async_trait]
pub trait EntityStore {
    async fn insert_entity(&self, e: &BusinessEntity) -> StorageResult<()>;
    async fn get_entity(&self, org: Uuid, id: Uuid) -> StorageResult<Option<BusinessEntity>>;
    async fn default_entity(&self, org: Uuid) -> StorageResult<Option<BusinessEntity>>;
    async fn list_entities(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<BusinessEntity>>;
}

#[async_trait]
pub trait CustomerStore {
    async fn insert_customer(&self, c: &Customer) -> StorageResult<()>;
    async fn get_customer(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Customer>>;
    async fn list_customers(&self, org: Uuid, page: PageRequest)
    -> StorageResult<PageOf<Customer>>;
}

#[async_trait]
pub trait ProductStore {
    async fn insert_product(&self, p: &Product) -> StorageResult<()>;
    async fn get_product(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Product>>;
    /// The products among `ids` that belong to `org` (any order).
    async fn get_products(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Product>>;
    async fn list_products(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Product>>;
}

#[async_trait]
pub trait PlanStore {
    async fn insert_plan(&self, p: &Plan) -> StorageResult<()>;
    async fn get_plan(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Plan>>;
    async fn get_plans(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Plan>>;
    async fn list_plans(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Plan>>;
    /// Archives the plan; returns it as it now is, or `None` if it does not exist.
    async fn archive_plan(
        &self,
        org: Uuid,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> StorageResult<Option<Plan>>;
}

#[async_trait]
pub trait ContractStore {
    /// Inserts the contract with its first version (`contract.versions[0]`).
    async fn insert_contract(&self, c: &Contract) -> StorageResult<()>;
    async fn get_contract(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Contract>>;
    async fn list_contracts(&self, org: Uuid, page: PageRequest)
    -> StorageResult<PageOf<Contract>>;
}

#[derive(Debug, Clone, Default)]
pub struct CheckoutFilter {
    pub status: Option<CheckoutStatus>,
    pub customer_id: Option<Uuid>,
    pub checkout_type: Option<CheckoutType>,
}

/// The edits an open session may receive (PATCH, hosted plan and details steps).
#[derive(Debug, Clone)]
pub struct CheckoutEdit {
    pub plan_id: Option<Uuid>,
    pub product_overrides: Vec<crate::domain::overrides::ItemOverride>,
    pub customer_data: CustomerData,
    pub success_url: Option<RedirectUrl>,
    pub cancel_url: Option<RedirectUrl>,
    pub expires_at: DateTime<Utc>,
    pub metadata: std::collections::BTreeMap<String, String>,
    pub quote: Quote,
}

/// The catalog rows a checkout's estimate depends on, read in one round trip (a join) rather
/// than one query each: creating, showing and confirming a session all need them together.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub plan: Option<Plan>,
    /// The contract a change applies to, without its version history (`versions` is empty).
    pub contract: Option<Contract>,
    /// The contract's current plan.
    pub contract_plan: Option<Plan>,
}

/// Which rows [`CheckoutStore::get_terms`] reads; a `None` id reads nothing for that part.
#[derive(Debug, Clone, Copy, Default)]
pub struct TermsRef {
    pub customer_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
    pub contract_id: Option<Uuid>,
}

/// Purpose-specific writes to a session. Each applies only while the session is open and not
/// expired at `now`; the store answers whether it applied.
#[derive(Debug, Clone)]
pub enum CheckoutUpdate {
    Edited(Box<CheckoutEdit>),
    /// Confirm found a different estimate: store it for the customer to review.
    Requoted {
        quote: Box<Quote>,
    },
    Cancelled {
        reason: Option<String>,
    },
    Expired,
}

/// Everything confirm writes, in one transaction.
#[derive(Debug, Clone)]
pub enum ConfirmWrite {
    /// A new subscription: optionally a new customer (guest), then the contract.
    NewContract {
        customer: Option<Box<Customer>>,
        contract: Box<Contract>,
    },
    /// An amendment: a new version of an existing contract, if it is still at `expected_version`.
    Amend {
        contract_id: Uuid,
        expected_version: i64,
        plan_id: Uuid,
        effective_date: NaiveDate,
        billing_anchor_date: NaiveDate,
        items: Vec<ContractItem>,
        change_summary: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmOutcome {
    /// This call confirmed the session.
    Confirmed { contract_id: Uuid },
    /// The session was no longer open (someone else confirmed, cancelled, or it expired).
    NotOpen,
    /// The contract changed since the estimate was made.
    ContractChanged,
}

#[async_trait]
pub trait CheckoutStore {
    async fn insert_checkout(&self, c: &Checkout) -> StorageResult<()>;
    async fn get_checkout(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Checkout>>;
    /// The hosted pages know a session only by its id.
    async fn get_checkout_by_id(&self, id: Uuid) -> StorageResult<Option<Checkout>>;
    /// A session with the rows its estimate depends on (its plan, contract and the contract's
    /// plan, each only within the session's organisation), in one query. `org` limits the
    /// lookup to one organisation (the API); the hosted pages pass `None`. The session's
    /// customer is not read: it was checked when the session was created, and its id is on
    /// the session.
    async fn get_checkout_with_terms(
        &self,
        org: Option<Uuid>,
        id: Uuid,
    ) -> StorageResult<Option<(Checkout, Terms)>>;
    /// The organisation's customer and the terms `ids` names, in one query (missing ones are
    /// `None`).
    async fn get_terms(&self, org: Uuid, ids: TermsRef)
    -> StorageResult<(Option<Customer>, Terms)>;
    async fn list_checkouts(
        &self,
        org: Uuid,
        filter: &CheckoutFilter,
        page: PageRequest,
        now: DateTime<Utc>,
    ) -> StorageResult<PageOf<Checkout>>;
    async fn update_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        update: &CheckoutUpdate,
        now: DateTime<Utc>,
    ) -> StorageResult<bool>;
    /// Atomically: claim the open session, write the contract (or version), set
    /// `contract_created`, `completed_at`, `contract_id`.
    async fn confirm_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        write: &ConfirmWrite,
        now: DateTime<Utc>,
    ) -> StorageResult<ConfirmOutcome>;
    /// Marks every open session past its expiry as expired; returns how many.
    async fn expire_due(&self, now: DateTime<Utc>, limit: i64) -> StorageResult<u64>;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdempotencyBegin {
    /// The key is new: the caller does the work, then completes or abandons it.
    Started,
    Replay {
        status: u16,
        body: String,
    },
    Mismatch,
    InProgress,
}

#[async_trait]
pub trait IdempotencyStore {
    async fn begin_idempotent(
        &self,
        org: Uuid,
        key: &str,
        request_hash: &str,
        now: DateTime<Utc>,
    ) -> StorageResult<IdempotencyBegin>;
    async fn complete_idempotent(
        &self,
        org: Uuid,
        key: &str,
        status: u16,
        body: &str,
    ) -> StorageResult<()>;
    async fn abandon_idempotent(&self, org: Uuid, key: &str) -> StorageResult<()>;
    async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> StorageResult<u64>;
}

/// The hot one-row reads a backend can answer on the calling thread, without a hand-off to
/// another thread or a network round trip (SQLite: [`inline`]). `None` means "not here": the
/// caller reads through the pool as usual. PostgreSQL has none.
pub(crate) trait InlineReads {
    /// [`CheckoutStore::get_checkout_with_terms`].
    fn checkout_with_terms_inline(
        &self,
        _org: Option<Uuid>,
        _id: Uuid,
    ) -> Option<StorageResult<Option<(Checkout, Terms)>>> {
        None
    }

    /// [`CheckoutStore::get_terms`].
    fn terms_inline(
        &self,
        _org: Uuid,
        _ids: TermsRef,
    ) -> Option<StorageResult<(Option<Customer>, Terms)>> {
        None
    }
}

/// Everything the services need.
pub trait Storage:
    OrganisationStore
    + EntityStore
    + CustomerStore
    + ProductStore
    + PlanStore
    + ContractStore
    + CheckoutStore
    + IdempotencyStore
    + Send
    + Sync
{
    fn backend(&self) -> &'static str;
}

pub type DynStorage = Arc<dyn Storage>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Self, anyhow::Error> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("unsupported DATABASE_URL scheme (expected sqlite://… or postgres://…)")
        }
    }
}

/// Connects to the database named by `url`, applies migrations, and returns the store.
pub async fn connect(url: &str, pool: &PoolSettings) -> anyhow::Result<DynStorage> {
    Ok(match Backend::from_url(url)? {
        Backend::Sqlite => Arc::new(sqlite::SqliteStore::connect(url, pool).await?),
        Backend::Postgres => Arc::new(postgres::PgStore::connect(url, pool).await?),
    })
}

/// SQLite's one writer at a time inside this process. Letting go of it also tells the WAL
/// checkpointer (`sqlite.rs`, [`WriteLock::written`]) that there is something to copy.
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
pub(crate) struct WriteGuard<'a> {
    _guard: tokio::sync::MutexGuard<'a, ()>,
    written: &'a tokio::sync::Notify,
}

impl Drop for WriteGuard<'_> {
    fn drop(&mut self) {
        // Stores a permit if the checkpointer is busy: it runs again when it is done.
        self.written.notify_one();
    }
}

/// PostgreSQL connections for the hot one-row reads (a session with its terms; `read_row` in
/// `sql.rs`), in deadpool's pool beside sqlx's. sqlx pings every connection it takes back,
/// one more round trip to the server per query; these go back as they are, since a single
/// autocommit `SELECT` leaves nothing to clean up.
/// One idle for more than [`IDLE_PING_AFTER`] is pinged before reuse (a restarted PostgreSQL
/// leaves dead connections behind), and one whose query fails for want of the database is
/// dropped and the read retried once on sqlx's pool.
pub(crate) struct Readers<O>(O);

/// PostgreSQL connections (readers and sqlx's pool) idle longer than this are pinged before
/// they are handed out again: under load none is, so the check costs nothing then.
pub(crate) const IDLE_PING_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// Pings `conn` if it sat idle for longer than [`IDLE_PING_AFTER`] (a restarted server leaves
/// dead connections behind); an error means it is dead.
pub(crate) async fn ping_if_idle<C: sqlx::Connection>(
    conn: &mut C,
    idle_for: std::time::Duration,
) -> Result<(), sqlx::Error> {
    if idle_for > IDLE_PING_AFTER {
        conn.ping().await?;
    }
    Ok(())
}

/// Reader connections per process: enough for one core's worth of requests
/// (`benches/load.sh`).
pub(crate) const READERS: usize = 4;

pub(crate) type ReaderPool<O> = deadpool::managed::Pool<Readers<O>>;

impl<O> deadpool::managed::Manager for Readers<O>
where
    O: sqlx::ConnectOptions + Send + Sync,
    O::Connection: Send + Sized,
{
    type Type = O::Connection;
    type Error = sqlx::Error;

    async fn create(&self) -> Result<O::Connection, sqlx::Error> {
        self.0.connect().await
    }

    async fn recycle(
        &self,
        conn: &mut O::Connection,
        metrics: &deadpool::managed::Metrics,
    ) -> deadpool::managed::RecycleResult<sqlx::Error> {
        Ok(ping_if_idle(conn, metrics.last_used()).await?)
    }
}

pub(crate) fn reader_pool<O>(options: O, settings: &PoolSettings) -> anyhow::Result<ReaderPool<O>>
where
    O: sqlx::ConnectOptions + Send + Sync,
    O::Connection: Send + Sized,
{
    Ok(deadpool::managed::Pool::builder(Readers(options))
        .max_size(READERS)
        .wait_timeout(Some(settings.acquire_timeout))
        .create_timeout(Some(settings.acquire_timeout))
        .recycle_timeout(Some(settings.acquire_timeout))
        .runtime(deadpool::Runtime::Tokio1)
        .build()?)
}

#[derive(Debug, Clone)]
pub struct PoolSettings {
    pub max_connections: u32,
    pub acquire_timeout: std::time::Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: std::time::Duration::from_secs(3),
        }
    }
}
