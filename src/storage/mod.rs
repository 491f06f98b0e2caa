//! Persistence. One trait per aggregate; [`sqlite::SqliteStore`] and [`postgres::PgStore`]
//! implement all of them from the same SQL. No SQL or pool type leaves this module.
//!
//! # How the two backends share the code
//!
//! Both stores are one generic type, [`queries::SqlStore<D>`](queries::SqlStore), over sqlx's
//! database type (`sqlx::Sqlite`, `sqlx::Postgres`); its trait implementations are written
//! once, in `queries/` (one module per aggregate), and run the same SQL text on both (`$N`
//! placeholders, `ON CONFLICT`, row values).
//!
//! Generic sqlx code normally repeats a list of higher-ranked bounds (`for<'q> Uuid:
//! Encode<'q, D>`, `for<'c> &'c mut D::Connection: Executor<'c>`, ...) on every impl block,
//! because Rust does not carry a trait's `where` clauses to its users. It does carry
//! supertraits, so the bounds live in the supertraits of our own trait [`queries::Db`], each
//! list written once: `BindsAll` (every type the queries bind), `ReadsAll` on its row type
//! (every type the decoders read) and `Executes`; blanket impls satisfy them. Code that runs
//! queries says only `D: Db`. `Db`'s own items are what really differs between the backends,
//! each with its reason: how a write transaction starts, the write lock SQLite needs in the
//! process, where the two hot reads run (SQLite: on the calling thread with rusqlite;
//! PostgreSQL: on reader connections) and each backend's machinery for those
//! (`Db::Machinery`: [`sqlite::SqliteMachinery`], [`postgres::PgMachinery`]).
//!
//! Rows are decoded by column name (`rows`); the same decoders read sqlx's rows and rusqlite's.
//! New sessions are written by group commit (`batch_insert`).

mod batch_insert;
mod console_traits;
mod discount_traits;
pub mod postgres;
mod queries;
mod rows;
pub mod sqlite;

pub use console_traits::{CheckoutLinkStore, ConsoleUserStore, DayOutcome, ReportStore, UserWrite};
pub use discount_traits::{CodeWrite, DiscountStore};

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::domain::catalog::{
    ApiKey, BusinessEntity, Contract, ContractItem, Customer, Organisation, Plan, Product,
};
use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType, Quote, QuoteJson};
use crate::domain::customer::CustomerData;
use crate::domain::events::{Attempt, Delivery, Event, WebhookEndpoint};
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

impl<T> PageOf<T> {
    /// The same page, each item turned into something else.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> PageOf<U> {
        PageOf {
            data: self.data.into_iter().map(f).collect(),
            has_more: self.has_more,
        }
    }
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
    /// The organisation of an unrevoked key.
    async fn organisation_for_key(&self, key_hash: &str) -> StorageResult<Option<Uuid>>;
    async fn insert_api_key(&self, org: Uuid, key: &ApiKey, key_hash: &str) -> StorageResult<()>;
    async fn list_api_keys(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<ApiKey>>;
    /// Revokes the key unless it is revoked already or the organisation's last active one:
    /// the key's hash if this call revoked it.
    async fn revoke_api_key(
        &self,
        org: Uuid,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> StorageResult<Option<String>>;
    async fn get_api_key(&self, org: Uuid, id: Uuid) -> StorageResult<Option<ApiKey>>;
    async fn touch_api_key(&self, key_hash: &str, now: DateTime<Utc>) -> StorageResult<()>;
    async fn get_organisation(&self, id: Uuid) -> StorageResult<Option<Organisation>>;
    async fn set_redirect_secret(&self, id: Uuid, secret: &str) -> StorageResult<bool>;
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
    /// Sessions opened from this checkout link.
    pub checkout_link_id: Option<Uuid>,
    /// Sessions whose entered address, else whose customer's, is this one (any case).
    pub customer_email: Option<String>,
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
    pub discount: Option<crate::domain::discount::DiscountRef>,
    pub allow_promotion_codes: bool,
    pub locale: crate::domain::locale::LocaleSetting,
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
    Requoted { quote: Box<Quote> },
}

/// How an open session closes without a contract.
#[derive(Debug, Clone)]
pub enum Close {
    /// Only an open, unexpired session is cancelled.
    Cancelled { reason: Option<String> },
    /// An open session (past its expiry or not) expires now.
    Expired,
}

/// A change as its transaction leaves the rows, for [`Announce`].
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    Confirmed {
        checkout: &'a Checkout,
        contract: &'a Contract,
        /// A new contract (else an amendment of an existing one).
        created: bool,
    },
    Cancelled(&'a Checkout),
    Expired(&'a Checkout),
}

/// What a change reports (SPEC §8's outbox): the use case says which events a change makes
/// and what they carry; the store inserts them, with their deliveries, in the change's own
/// transaction, so that a change that commits always has its events and one rolled back never.
pub trait Announce: Send + Sync {
    fn events(&self, change: Change<'_>) -> StorageResult<Vec<Event>>;
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
        /// The discount the contract holds after the change.
        discount: Option<Box<crate::domain::discount::AppliedDiscount>>,
        /// The changed plan's name (a scheduled phase keeps it for its sentences).
        plan_name: String,
        /// `Some` when the change waits (`at_period_end`): the terms that stay in force until
        /// then, with the change as the scheduled phase; `None`: the change is in force from
        /// its effective date and nothing stays scheduled (SPEC §11).
        kept: Option<Box<KeptTerms>>,
    },
}

/// The terms a contract keeps while a change is scheduled.
#[derive(Debug, Clone)]
pub struct KeptTerms {
    pub plan_id: Uuid,
    pub items: Vec<ContractItem>,
    pub billing_anchor_date: NaiveDate,
    pub discount: Option<crate::domain::discount::AppliedDiscount>,
    /// The version that set them.
    pub version: i64,
}

/// A discount confirm redeems, counted in its transaction (SPEC §10): the coupon's and the
/// code's `times_redeemed` grow by one only while they are active, unexpired and below
/// `max_redemptions`, and a first-time code needs the customer to have no contract yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redemption {
    pub coupon_id: Uuid,
    pub promotion_code_id: Option<Uuid>,
    /// The existing customer a `first_time_transaction` code needs without a contract.
    pub first_time_customer: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmOutcome {
    /// This call confirmed the session.
    Confirmed { contract_id: Uuid },
    /// The session was no longer open (someone else confirmed, cancelled, or it expired).
    NotOpen,
    /// The contract changed since the estimate was made.
    ContractChanged,
    /// The discount could not be redeemed (used up, expired, inactive, not a first purchase
    /// any more); nothing was written.
    DiscountUnavailable,
}

#[async_trait]
pub trait CheckoutStore {
    /// `customer_email`: the existing customer's address when the caller has it, which the
    /// search column takes when none was entered (without it, the database looks it up).
    async fn insert_checkout(
        &self,
        c: &Checkout,
        customer_email: Option<&str>,
    ) -> StorageResult<()>;
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
    ) -> StorageResult<PageOf<Checkout<QuoteJson>>>;
    async fn update_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        update: &CheckoutUpdate,
        now: DateTime<Utc>,
    ) -> StorageResult<bool>;
    /// Cancels or expires the session and writes what `announce` makes of it, in one
    /// transaction; false (and nothing written) when the session was not open.
    async fn close_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        close: &Close,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<bool>;
    /// Atomically: claim the open session, write the contract (or version), set
    /// `contract_created`, `completed_at`, `contract_id`, and the events `announce` makes.
    async fn confirm_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        write: &ConfirmWrite,
        redeem: Option<&Redemption>,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<ConfirmOutcome>;
    /// Expires up to `limit` open sessions past their expiry, each with its events, in one
    /// transaction; returns how many.
    async fn expire_due(
        &self,
        now: DateTime<Utc>,
        limit: i64,
        announce: &dyn Announce,
    ) -> StorageResult<u64>;
}

#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub event_type: Option<crate::domain::events::EventType>,
    pub object_id: Option<Uuid>,
}

#[async_trait]
pub trait EventStore {
    async fn list_events(
        &self,
        org: Uuid,
        filter: &EventFilter,
        page: PageRequest,
    ) -> StorageResult<PageOf<Event>>;
    /// The event with its deliveries (oldest first) and their attempts.
    async fn get_event(&self, org: Uuid, id: Uuid)
    -> StorageResult<Option<(Event, Vec<Delivery>)>>;
    /// The latest `limit` deliveries to `endpoint` of `org`, newest first, each with its
    /// event's id and type (without their attempts).
    async fn endpoint_deliveries(
        &self,
        org: Uuid,
        endpoint: Uuid,
        limit: i64,
    ) -> StorageResult<Vec<(Uuid, crate::domain::events::EventType, Delivery)>>;
    /// New deliveries of the event, due at `now`: to `endpoint` if given, else to every
    /// enabled endpoint whose `enabled_events` match it. How many were created.
    async fn resend_event(
        &self,
        org: Uuid,
        id: Uuid,
        endpoint: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> StorageResult<u64>;
    /// Deletes events created before `before`, with their deliveries and attempts.
    async fn purge_events(&self, before: DateTime<Utc>) -> StorageResult<u64>;
}

/// A delivery a worker holds the lease of, with what it sends.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub delivery_id: Uuid,
    pub attempt_count: i64,
    pub event_id: Uuid,
    pub payload: String,
    pub endpoint: WebhookEndpoint,
}

/// What became of one attempt, recorded under the worker's lease.
#[derive(Debug, Clone)]
pub struct AttemptResult {
    /// The lease the attempt was made under.
    pub lease: Uuid,
    pub delivery_id: Uuid,
    pub endpoint_id: Uuid,
    pub attempt: Attempt,
    pub outcome: AttemptOutcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AttemptOutcome {
    Succeeded,
    /// Failed; the next attempt is at `attempt.next_attempt_at`.
    Retry,
    /// Failed with no attempt left.
    Failed,
    /// `410 Gone`: the delivery fails and the endpoint is disabled with `reason`.
    Gone {
        reason: String,
    },
}

#[async_trait]
pub trait WebhookStore {
    async fn insert_endpoint(&self, e: &WebhookEndpoint) -> StorageResult<()>;
    async fn get_endpoint(&self, org: Uuid, id: Uuid) -> StorageResult<Option<WebhookEndpoint>>;
    async fn list_endpoints(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<WebhookEndpoint>>;
    /// Writes every changeable field of `e` (url, description, events, status, secrets).
    async fn update_endpoint(&self, e: &WebhookEndpoint) -> StorageResult<bool>;
    async fn delete_endpoint(&self, org: Uuid, id: Uuid) -> StorageResult<bool>;
    /// Leases up to `limit` due deliveries of enabled endpoints as `lease` until
    /// `lease_until`: no other worker claims them before the lease ends.
    async fn claim_deliveries(
        &self,
        lease: Uuid,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StorageResult<Vec<Claimed>>;
    /// Records attempts, in one transaction; one whose lease was lost (expired and claimed
    /// again) is dropped. An endpoint failing since before `disable_before` is disabled with
    /// `disable_reason`.
    async fn record_attempts(
        &self,
        results: &[AttemptResult],
        now: DateTime<Utc>,
        disable_before: DateTime<Utc>,
        disable_reason: &str,
        pause_until: DateTime<Utc>,
    ) -> StorageResult<()>;
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

/// Everything the services need.
pub trait Storage:
    OrganisationStore
    + EntityStore
    + CustomerStore
    + ProductStore
    + PlanStore
    + ContractStore
    + DiscountStore
    + CheckoutStore
    + IdempotencyStore
    + EventStore
    + WebhookStore
    + CheckoutLinkStore
    + ReportStore
    + ConsoleUserStore
    + Send
    + Sync
{
    fn backend(&self) -> &'static str;
    /// The connection pool now (metrics).
    fn pool_stats(&self) -> PoolStats;
}

/// How many pooled connections are in use and how many idle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolStats {
    pub in_use: u32,
    pub idle: u32,
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
