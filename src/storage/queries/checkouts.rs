//! Checkout sessions: the two hot reads, the purpose-specific updates, confirm and expiry.
//! New sessions are written by group commit (`storage::batch_insert`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::confirm::PreparedConfirm;
use super::events::insert_events_in;
use super::{Arg as _, Db, Query, SqlStore, page_of};
use crate::domain::catalog::Customer;
use crate::domain::checkout::{Checkout, CheckoutStatus, QuoteJson};
use crate::storage::rows::checkouts::CheckoutColumns;
use crate::storage::rows::to_json;
use crate::storage::{
    Announce, Change, CheckoutFilter, CheckoutStore, CheckoutUpdate, Close, ConfirmOutcome,
    ConfirmWrite, PageOf, PageRequest, Redemption, StorageError, StorageResult, Terms, TermsRef,
};

/// A session with the rows its estimate depends on, each within the session's organisation:
/// its plan (`p_…`), contract (`k_…`) and the contract's plan (`kp_…`) (`$1` session id, `$2`
/// organisation or NULL). Decoded by `rows::checkouts::CheckoutWithTermsColumns`.
pub(crate) const CHECKOUT_WITH_TERMS: &str = concat!(
    "SELECT c.id, c.organisation_id, c.checkout_status, c.checkout_type, c.plan_id, c.contract_id, c.start_date, c.end_date, c.customer_id, c.business_entity_id, c.guest_checkout, c.customer_data, c.estimates, c.expires_at, c.success_url, c.cancel_url, c.product_overrides, c.plan_options, c.proration_behavior, c.metadata, c.preview, c.cancel_reason, c.created_at, c.updated_at, c.completed_at, c.link_secret, c.discount, c.allow_promotion_codes, c.locale, c.checkout_link_id, ",
    "p.id AS p_id, p.organisation_id AS p_organisation_id, p.name AS p_name, p.description AS p_description, p.currency AS p_currency, p.billing_period AS p_billing_period, p.trial_period_days AS p_trial_period_days, p.business_entity_id AS p_business_entity_id, p.status AS p_status, p.items AS p_items, p.created_at AS p_created_at, p.updated_at AS p_updated_at, ",
    "k.id AS k_id, k.organisation_id AS k_organisation_id, k.customer_id AS k_customer_id, k.plan_id AS k_plan_id, k.currency AS k_currency, k.status AS k_status, k.start_date AS k_start_date, k.end_date AS k_end_date, k.billing_anchor_date AS k_billing_anchor_date, k.items AS k_items, k.checkout_id AS k_checkout_id, k.discount AS k_discount, k.scheduled AS k_scheduled, k.version AS k_version, k.created_at AS k_created_at, k.updated_at AS k_updated_at, ",
    "kp.id AS kp_id, kp.organisation_id AS kp_organisation_id, kp.name AS kp_name, kp.description AS kp_description, kp.currency AS kp_currency, kp.billing_period AS kp_billing_period, kp.trial_period_days AS kp_trial_period_days, kp.business_entity_id AS kp_business_entity_id, kp.status AS kp_status, kp.items AS kp_items, kp.created_at AS kp_created_at, kp.updated_at AS kp_updated_at",
    " FROM checkouts c",
    " LEFT JOIN plans p ON p.organisation_id = c.organisation_id AND p.id = c.plan_id",
    " LEFT JOIN contracts k ON k.organisation_id = c.organisation_id AND k.id = c.contract_id",
    " LEFT JOIN plans kp ON kp.organisation_id = c.organisation_id AND kp.id = k.plan_id",
    " WHERE c.id = $1 AND ($2 IS NULL OR c.organisation_id = $2)"
);

/// An organisation's customer `$2` (unprefixed), plan `$3`, contract `$4` and the contract's
/// plan (prefixed as in [`CHECKOUT_WITH_TERMS`]; `$1` organisation), in one row even when
/// nothing matches (the one-row `x`). Decoded by `rows::checkouts::CustomerTermsColumns`.
pub(crate) const TERMS: &str = concat!(
    "SELECT cu.id, cu.organisation_id, cu.business_entity_id, cu.customer_name, cu.email, cu.phone_number, cu.external_id, cu.company_name, cu.tax_id, cu.address, cu.created_at, ",
    "p.id AS p_id, p.organisation_id AS p_organisation_id, p.name AS p_name, p.description AS p_description, p.currency AS p_currency, p.billing_period AS p_billing_period, p.trial_period_days AS p_trial_period_days, p.business_entity_id AS p_business_entity_id, p.status AS p_status, p.items AS p_items, p.created_at AS p_created_at, p.updated_at AS p_updated_at, ",
    "k.id AS k_id, k.organisation_id AS k_organisation_id, k.customer_id AS k_customer_id, k.plan_id AS k_plan_id, k.currency AS k_currency, k.status AS k_status, k.start_date AS k_start_date, k.end_date AS k_end_date, k.billing_anchor_date AS k_billing_anchor_date, k.items AS k_items, k.checkout_id AS k_checkout_id, k.discount AS k_discount, k.scheduled AS k_scheduled, k.version AS k_version, k.created_at AS k_created_at, k.updated_at AS k_updated_at, ",
    "kp.id AS kp_id, kp.organisation_id AS kp_organisation_id, kp.name AS kp_name, kp.description AS kp_description, kp.currency AS kp_currency, kp.billing_period AS kp_billing_period, kp.trial_period_days AS kp_trial_period_days, kp.business_entity_id AS kp_business_entity_id, kp.status AS kp_status, kp.items AS kp_items, kp.created_at AS kp_created_at, kp.updated_at AS kp_updated_at",
    " FROM (SELECT 1 AS one) x",
    " LEFT JOIN customers cu ON cu.organisation_id = $1 AND cu.id = $2",
    " LEFT JOIN plans p ON p.organisation_id = $1 AND p.id = $3",
    " LEFT JOIN contracts k ON k.organisation_id = $1 AND k.id = $4",
    " LEFT JOIN plans kp ON kp.organisation_id = $1 AND kp.id = k.plan_id"
);

/// What `TERMS` returned: always one row (its one-row `x`), so none is a corrupt answer.
pub(crate) fn terms_found<T>(row: Option<T>) -> StorageResult<T> {
    row.ok_or_else(|| StorageError::Corrupt("the one-row select returned no row".into()))
}

/// Marks up to `$2` open sessions past their expiry (`$1`, now) as expired. The outer
/// conditions repeat the inner ones so that both halves find the due sessions in the partial
/// index `checkouts_open_expiry`: with only `id IN (...)` and the status outside, SQLite
/// scanned every open session (1.2 s with a million, holding the write lock).
pub(crate) const EXPIRE_DUE: &str = concat!(
    "UPDATE checkouts SET checkout_status = 'expired', updated_at = $1 WHERE checkout_status = 'open' AND expires_at <= $1 AND id IN (SELECT id FROM checkouts WHERE checkout_status = 'open' AND expires_at <= $1 LIMIT $2)",
    returning_checkout!()
);

/// The columns a new session is inserted with, in `CheckoutRow` order; one `(…)` of
/// values follows per session (`storage::batch_insert`).
pub(crate) const INSERT_CHECKOUTS: &str = "INSERT INTO checkouts (id, organisation_id, checkout_status, checkout_type, plan_id, contract_id, start_date, end_date, customer_id, business_entity_id, guest_checkout, customer_data, estimates, expires_at, success_url, cancel_url, product_overrides, plan_options, proration_behavior, metadata, preview, cancel_reason, created_at, updated_at, completed_at, link_secret, discount, allow_promotion_codes, locale, checkout_link_id, customer_email) ";
/// The search column's value (migration 0013) looked up by the customer's id, when no
/// address was entered and the caller did not know the customer's; `))` closes it.
pub(crate) const CUSTOMER_EMAIL: &str = "lower((SELECT c.email FROM customers c WHERE c.id = ";
pub(crate) const CHECKOUT_EXISTS: &str = "SELECT 1 FROM checkouts WHERE id = $1";

const CHECKOUT: &str = "SELECT id, organisation_id, checkout_status, checkout_type, plan_id, contract_id, start_date, end_date, customer_id, business_entity_id, guest_checkout, customer_data, estimates, expires_at, success_url, cancel_url, product_overrides, plan_options, proration_behavior, metadata, preview, cancel_reason, created_at, updated_at, completed_at, link_secret, discount, allow_promotion_codes, locale, checkout_link_id FROM checkouts WHERE organisation_id = $1 AND id = $2";
const CHECKOUT_BY_ID: &str = "SELECT id, organisation_id, checkout_status, checkout_type, plan_id, contract_id, start_date, end_date, customer_id, business_entity_id, guest_checkout, customer_data, estimates, expires_at, success_url, cancel_url, product_overrides, plan_options, proration_behavior, metadata, preview, cancel_reason, created_at, updated_at, completed_at, link_secret, discount, allow_promotion_codes, locale, checkout_link_id FROM checkouts WHERE id = $1";
/// One branch of the list: an index hint may follow, then ` WHERE organisation_id = `, the
/// organisation and the filters (completed at run time, `list_checkouts`).
const CHECKOUTS: &str = "SELECT id, organisation_id, checkout_status, checkout_type, plan_id, contract_id, start_date, end_date, customer_id, business_entity_id, guest_checkout, customer_data, estimates, expires_at, success_url, cancel_url, product_overrides, plan_options, proration_behavior, metadata, preview, cancel_reason, created_at, updated_at, completed_at, link_secret, discount, allow_promotion_codes, locale, checkout_link_id FROM checkouts";
/// The list's order; every filter has an index that ends in it (migration 0006).
const LIST_ORDER: &str = " ORDER BY created_at DESC, id DESC LIMIT ";

const EDIT: &str = "UPDATE checkouts SET plan_id = $1, product_overrides = $2, customer_data = $3, success_url = $4, cancel_url = $5, expires_at = $6, metadata = $7, estimates = $8, updated_at = $9, discount = $12, allow_promotion_codes = $13, locale = $14, customer_email = lower(COALESCE($15, (SELECT c.email FROM customers c WHERE c.id = checkouts.customer_id))) WHERE organisation_id = $10 AND id = $11 AND checkout_status = 'open' AND expires_at > $9";
const REQUOTE: &str = "UPDATE checkouts SET estimates = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND checkout_status = 'open' AND expires_at > $2";

const CANCEL: &str = concat!(
    "UPDATE checkouts SET checkout_status = 'cancelled', cancel_reason = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND checkout_status = 'open' AND expires_at > $2",
    returning_checkout!()
);
const EXPIRE: &str = concat!(
    "UPDATE checkouts SET checkout_status = 'expired', expires_at = CASE WHEN expires_at < $1 THEN expires_at ELSE $1 END, updated_at = $1 WHERE organisation_id = $2 AND id = $3 AND checkout_status = 'open'",
    returning_checkout!()
);

impl<D: Db> SqlStore<D> {
    /// The session row a `… RETURNING` write left, if it changed one.
    pub(super) async fn returned(
        &self,
        tx: &mut D::Connection,
        q: super::Query<'_, D>,
    ) -> StorageResult<Option<Checkout>> {
        let row = q.fetch_optional(D::on(tx)).await?;
        row.as_ref()
            .map(|r| self.hot.returned_checkout.decode(r))
            .transpose()
    }
}

#[async_trait]
impl<D: Db> CheckoutStore for SqlStore<D> {
    async fn insert_checkout(
        &self,
        c: &Checkout,
        customer_email: Option<&str>,
    ) -> StorageResult<()> {
        self.insert_checkout_batched(c, customer_email).await
    }

    async fn get_checkout(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Checkout>> {
        let q = sqlx::query(CHECKOUT).arg(org).arg(id);
        self.fetch_decoded::<CheckoutColumns>(q).await
    }

    async fn get_checkout_by_id(&self, id: Uuid) -> StorageResult<Option<Checkout>> {
        let q = sqlx::query(CHECKOUT_BY_ID).arg(id);
        self.fetch_decoded::<CheckoutColumns>(q).await
    }

    async fn get_checkout_with_terms(
        &self,
        org: Option<Uuid>,
        id: Uuid,
    ) -> StorageResult<Option<(Checkout, Terms)>> {
        if let Some(read) = D::checkout_with_terms_here(&self.machinery, org, id) {
            return read;
        }
        let query = || sqlx::query(CHECKOUT_WITH_TERMS).arg(id).arg(org);
        let row = D::read_row(&self.pool, &self.machinery, query).await?;
        row.as_ref()
            .map(|r| self.hot.checkout_with_terms.decode(r))
            .transpose()
    }

    async fn get_terms(
        &self,
        org: Uuid,
        ids: TermsRef,
    ) -> StorageResult<(Option<Customer>, Terms)> {
        if ids.customer_id.is_none() && ids.plan_id.is_none() && ids.contract_id.is_none() {
            return Ok((None, Terms::default()));
        }
        if let Some(read) = D::terms_here(&self.machinery, org, ids) {
            return read;
        }
        let query = || {
            sqlx::query(TERMS)
                .arg(org)
                .arg(ids.customer_id)
                .arg(ids.plan_id)
                .arg(ids.contract_id)
        };
        let row = D::read_row(&self.pool, &self.machinery, query).await?;
        self.hot.terms.decode(&terms_found(row)?)
    }

    async fn list_checkouts(
        &self,
        org: Uuid,
        filter: &CheckoutFilter,
        page: PageRequest,
        now: DateTime<Utc>,
    ) -> StorageResult<PageOf<Checkout<QuoteJson>>> {
        let q = list_sql::<D>(org, filter, page, now);
        if let Some(read) = D::checkouts_here(&self.machinery, &q, page) {
            return read;
        }
        let rows = self.fetch_all(list_query(q)).await?;
        page_of::<CheckoutColumns<QuoteJson>, D>(&rows, page)
    }

    async fn update_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        update: &CheckoutUpdate,
        now: DateTime<Utc>,
    ) -> StorageResult<bool> {
        let _writing = self.writing().await;
        let changed = match update {
            CheckoutUpdate::Edited(e) => {
                let overrides = to_json(&e.product_overrides)?;
                let customer_data = to_json(&e.customer_data)?;
                let metadata = to_json(&e.metadata)?;
                let quote = to_json(&e.quote)?;
                let discount = e.discount.as_ref().map(to_json).transpose()?;
                let q = sqlx::query(EDIT)
                    .arg(e.plan_id)
                    .arg(overrides.as_str())
                    .arg(customer_data.as_str())
                    .arg(e.success_url.as_ref().map(|u| u.as_str()))
                    .arg(e.cancel_url.as_ref().map(|u| u.as_str()))
                    .arg(e.expires_at)
                    .arg(metadata.as_str())
                    .arg(quote.as_str())
                    .arg(now)
                    .arg(org)
                    .arg(id)
                    .arg(discount.as_deref())
                    .arg(e.allow_promotion_codes)
                    .arg(e.locale.as_str())
                    .arg(e.customer_data.email.as_deref());
                self.execute(q).await?
            }
            CheckoutUpdate::Requoted { quote } => {
                let quote = to_json(quote)?;
                let q = sqlx::query(REQUOTE)
                    .arg(quote.as_str())
                    .arg(now)
                    .arg(org)
                    .arg(id);
                self.execute(q).await?
            }
        };
        Ok(changed == 1)
    }

    async fn close_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        close: &Close,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<bool> {
        let _writing = self.writing().await;
        let mut tx = self.begin_write().await?;
        let q = match close {
            Close::Cancelled { reason } => sqlx::query(CANCEL)
                .arg(reason.as_deref())
                .arg(now)
                .arg(org)
                .arg(id),
            Close::Expired => sqlx::query(EXPIRE).arg(now).arg(org).arg(id),
        };
        let Some(checkout) = self.returned(&mut tx, q).await? else {
            tx.rollback().await?;
            return Ok(false);
        };
        let events = announce.events(match close {
            Close::Cancelled { .. } => Change::Cancelled(&checkout),
            Close::Expired => Change::Expired(&checkout),
        })?;
        insert_events_in::<D>(&mut tx, &events).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn confirm_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        write: &ConfirmWrite,
        redeem: Option<&Redemption>,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<ConfirmOutcome> {
        // Encoded before the write lock: see `PreparedConfirm`.
        let prepared = PreparedConfirm::of(write, id, now)?;
        let _writing = self.writing().await;
        let mut tx = self.begin_write().await?;
        // The claim: only an open, unexpired session moves to `contract_created`. A concurrent
        // confirm blocks on this row (PostgreSQL) or on the write lock (SQLite), then finds it
        // no longer open and rolls back everything it wrote.
        // The redemption first: its row lock orders the confirms of one code.
        let outcome = match redeem {
            Some(r) if !self.redeem_in(&mut tx, org, r, now).await? => {
                ConfirmOutcome::DiscountUnavailable
            }
            _ => {
                self.confirm_in(&mut tx, org, id, &prepared, now, announce)
                    .await?
            }
        };
        match outcome {
            ConfirmOutcome::Confirmed { .. } => tx.commit().await?,
            _ => tx.rollback().await?,
        }
        Ok(outcome)
    }

    async fn expire_due(
        &self,
        now: DateTime<Utc>,
        limit: i64,
        announce: &dyn Announce,
    ) -> StorageResult<u64> {
        let _writing = self.writing().await;
        let mut tx = self.begin_write().await?;
        let q = sqlx::query(EXPIRE_DUE).arg(now).arg(limit);
        let rows = q.fetch_all(D::on(&mut tx)).await?;
        let mut events = Vec::new();
        for r in &rows {
            let checkout = self.hot.returned_checkout.decode(r)?;
            events.extend(announce.events(Change::Expired(&checkout))?);
        }
        insert_events_in::<D>(&mut tx, &events).await?;
        tx.commit().await?;
        Ok(rows.len() as u64)
    }
}

/// Which sessions one select of the list finds, by status.
#[derive(Clone, Copy)]
enum Branch {
    Any,
    /// Open and not past its expiry.
    Open,
    /// Stored with this status (`contract_created`, `cancelled`).
    Is(&'static str),
    /// Marked `expired`.
    MarkedExpired,
    /// Still `open` but past its expiry: what the sweep has not marked yet.
    OpenPastExpiry,
}

/// A value the list binds, kept apart from its SQL so that either reader can bind it: sqlx's
/// pool, or SQLite's inline reader (`storage::sqlite::inline_reads`).
#[derive(Debug, Clone)]
pub enum ListArg {
    Id(Uuid),
    Text(&'static str),
    Owned(String),
    Time(DateTime<Utc>),
    Int(i64),
}

/// The list's statement for one request: SQL with `$1`…`$n` (each used once, in order) and
/// the values they stand for.
#[derive(Debug, Clone, Default)]
pub struct ListSql {
    pub sql: String,
    pub args: Vec<ListArg>,
    /// At most one filter: the statement is one seek per select in the filter's index, a few
    /// dozen index steps whatever the data. A combined filter checks rows one by one and may
    /// walk many (`docs/decisions.md`).
    pub seek: bool,
}

impl ListSql {
    fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    fn push_arg(&mut self, arg: ListArg) -> &mut Self {
        self.args.push(arg);
        self.sql.push('$');
        self.sql.push_str(&self.args.len().to_string());
        self
    }
}

/// The list's statement for sqlx, its values bound in order.
pub(crate) fn list_query<D: Db>(q: ListSql) -> Query<'static, D> {
    let mut query = sqlx::query::<D>(sqlx::AssertSqlSafe(q.sql));
    for a in q.args {
        query = match a {
            ListArg::Id(v) => query.arg(v),
            ListArg::Text(v) => query.arg(v),
            ListArg::Owned(v) => query.arg(v),
            ListArg::Time(v) => query.arg(v),
            ListArg::Int(v) => query.arg(v),
        };
    }
    query
}

/// `GET /checkouts`' statement: newest first, `limit + 1` rows (the extra one says whether
/// there are more).
pub(crate) fn list_sql<D: Db>(
    org: Uuid,
    filter: &CheckoutFilter,
    page: PageRequest,
    now: DateTime<Utc>,
) -> ListSql {
    let limit = i64::from(page.limit) + 1;
    let filters = [
        filter.status.is_some(),
        filter.customer_id.is_some(),
        filter.checkout_type.is_some(),
        filter.checkout_link_id.is_some(),
        filter.customer_email.is_some(),
    ];
    let mut q = ListSql {
        seek: filters.iter().filter(|f| **f).count() <= 1,
        ..ListSql::default()
    };
    match filter.status {
        // An expired session is either marked so or still open past its expiry (not yet
        // swept): each half is a seek in its own index, so one ordered select with an OR
        // (which walks the organisation's sessions) becomes two, merged.
        Some(CheckoutStatus::Expired) => {
            q.push("SELECT * FROM (");
            list_branch::<D>(&mut q, org, Branch::MarkedExpired, filter, page, limit, now);
            q.push(") AS marked UNION ALL SELECT * FROM (");
            list_branch::<D>(
                &mut q,
                org,
                Branch::OpenPastExpiry,
                filter,
                page,
                limit,
                now,
            );
            q.push(") AS unswept")
                .push(LIST_ORDER)
                .push_arg(ListArg::Int(limit));
        }
        status => {
            let branch = match status {
                None => Branch::Any,
                Some(CheckoutStatus::Open) => Branch::Open,
                Some(s) => Branch::Is(s.as_str()),
            };
            list_branch::<D>(&mut q, org, branch, filter, page, limit, now);
        }
    }
    q
}

/// One ordered, limited select of the organisation's sessions: `branch`'s status, the
/// customer and type filters, the page's cursor. SQLite is told which index to use where its
/// planner (no per-value statistics) would choose the one that gives the order and walk a
/// million rows; PostgreSQL chooses from its statistics.
fn list_branch<D: Db>(
    q: &mut ListSql,
    org: Uuid,
    branch: Branch,
    filter: &CheckoutFilter,
    page: PageRequest,
    limit: i64,
    now: DateTime<Utc>,
) {
    q.push(CHECKOUTS);
    // The index that finds the fewest rows: a customer's sessions are few; the sessions the
    // sweep has not marked yet are few. Otherwise the planner's choice (status or type).
    let index = match (branch, filter.customer_id) {
        (_, Some(_)) => Some("checkouts_org_customer"),
        _ if filter.customer_email.is_some() => Some("checkouts_org_email"),
        _ if filter.checkout_link_id.is_some() => Some("checkouts_link"),
        (Branch::OpenPastExpiry, None) => Some("checkouts_open_expiry"),
        _ => None,
    };
    if let Some(index) = index.filter(|_| D::INDEX_HINTS) {
        q.push(" INDEXED BY ").push(index);
    }
    q.push(" WHERE organisation_id = ")
        .push_arg(ListArg::Id(org));
    match branch {
        Branch::Any => {}
        Branch::Open => {
            q.push(" AND checkout_status = 'open' AND expires_at > ")
                .push_arg(ListArg::Time(now));
        }
        Branch::Is(status) => {
            q.push(" AND checkout_status = ")
                .push_arg(ListArg::Text(status));
        }
        Branch::MarkedExpired => {
            q.push(" AND checkout_status = 'expired'");
        }
        Branch::OpenPastExpiry => {
            q.push(" AND checkout_status = 'open' AND expires_at <= ")
                .push_arg(ListArg::Time(now));
        }
    }
    if let Some(c) = filter.customer_id {
        q.push(" AND customer_id = ").push_arg(ListArg::Id(c));
    }
    if let Some(l) = filter.checkout_link_id {
        q.push(" AND checkout_link_id = ").push_arg(ListArg::Id(l));
    }
    if let Some(e) = &filter.customer_email {
        q.push(" AND customer_email = lower(")
            .push_arg(ListArg::Owned(e.clone()))
            .push(")");
    }
    if let Some(t) = filter.checkout_type {
        q.push(" AND checkout_type = ")
            .push_arg(ListArg::Text(t.as_str()));
    }
    if let Some(after) = page.starting_after {
        q.push(" AND (created_at, id) < (SELECT c.created_at, c.id FROM checkouts c WHERE c.id = ")
            .push_arg(ListArg::Id(after))
            .push(" AND c.organisation_id = ")
            .push_arg(ListArg::Id(org))
            .push(")");
    }
    q.push(LIST_ORDER).push_arg(ListArg::Int(limit));
}
