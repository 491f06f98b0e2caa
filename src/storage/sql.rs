//! The SQL both backends run. SQLite and PostgreSQL accept the same statements here (`$N`
//! placeholders, `ON CONFLICT`, row values); the two differ only in how they connect and how
//! a write transaction starts (`BEGIN IMMEDIATE` on SQLite). `impl_sql_store!` writes the
//! trait implementations for one backend, so both run exactly the same queries.

/// A column list, optionally qualified by a table alias: `col_list!(; a, b)` is `"a, b"`,
/// `col_list!(p; a, b)` is `"p.a, p.b"` (for joins, which decode by position).
macro_rules! col_list {
    (; $first:ident $(, $c:ident)*) => {
        concat!(stringify!($first) $(, ", ", stringify!($c))*)
    };
    ($p:ident; $first:ident $(, $c:ident)*) => {
        concat!(stringify!($p), ".", stringify!($first) $(, ", ", stringify!($p), ".", stringify!($c))*)
    };
}
// Each list is in the order its `*_at` decoder reads by position.
macro_rules! entity_cols {
    ($($p:ident)?) => {
        col_list!($($p)?; id, organisation_id, name, email, logo_url, brand_color, tax_rate, address, is_default, created_at)
    };
}
macro_rules! customer_cols {
    ($($p:ident)?) => {
        col_list!($($p)?; id, organisation_id, business_entity_id, customer_name, email, phone_number, external_id, company_name, tax_id, address, created_at)
    };
}
macro_rules! product_cols {
    ($($p:ident)?) => {
        col_list!($($p)?; id, organisation_id, name, sku, description, unit_label, created_at)
    };
}
macro_rules! plan_cols {
    ($($p:ident)?) => {
        col_list!($($p)?; id, organisation_id, name, description, currency, billing_period, trial_period_days, business_entity_id, status, items, created_at, updated_at)
    };
}
macro_rules! contract_cols {
    ($($p:ident)?) => {
        col_list!($($p)?; id, organisation_id, customer_id, plan_id, currency, status, start_date, end_date, billing_anchor_date, items, checkout_id, version, created_at, updated_at)
    };
}
macro_rules! checkout_cols {
    ($($p:ident)?) => {
        col_list!($($p)?; id, organisation_id, checkout_status, checkout_type, plan_id, contract_id, start_date, end_date, customer_id, business_entity_id, guest_checkout, customer_data, estimates, expires_at, success_url, cancel_url, product_overrides, plan_options, proration_behavior, metadata, preview, cancel_reason, created_at, updated_at, completed_at)
    };
}
/// `WHERE` fragment for newest-first cursor pagination: `$1` organisation, `$2` cursor id.
macro_rules! page_where {
    ($table:literal) => {
        concat!(
            " WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM ",
            $table,
            " c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3"
        )
    };
}

/// A session with the rows its estimate depends on, each within the session's organisation:
/// its plan, contract and the contract's plan (`$1` session id, `$2` organisation or NULL).
/// Decoded by `checkout_with_terms_at`.
pub(super) const CHECKOUT_WITH_TERMS: &str = concat!(
    "SELECT ",
    checkout_cols!(c),
    ", ",
    plan_cols!(p),
    ", ",
    contract_cols!(k),
    ", ",
    plan_cols!(kp),
    " FROM checkouts c",
    " LEFT JOIN plans p ON p.organisation_id = c.organisation_id AND p.id = c.plan_id",
    " LEFT JOIN contracts k ON k.organisation_id = c.organisation_id AND k.id = c.contract_id",
    " LEFT JOIN plans kp ON kp.organisation_id = c.organisation_id AND kp.id = k.plan_id",
    " WHERE c.id = $1 AND ($2 IS NULL OR c.organisation_id = $2)"
);

/// An organisation's customer `$2`, plan `$3`, contract `$4` and the contract's plan
/// (`$1` organisation), in one row even when nothing matches (the one-row `x`).
/// Decoded by `terms_at`.
pub(super) const TERMS: &str = concat!(
    "SELECT ",
    customer_cols!(cu),
    ", ",
    plan_cols!(p),
    ", ",
    contract_cols!(k),
    ", ",
    plan_cols!(kp),
    " FROM (SELECT 1 AS one) x",
    " LEFT JOIN customers cu ON cu.organisation_id = $1 AND cu.id = $2",
    " LEFT JOIN plans p ON p.organisation_id = $1 AND p.id = $3",
    " LEFT JOIN contracts k ON k.organisation_id = $1 AND k.id = $4",
    " LEFT JOIN plans kp ON kp.organisation_id = $1 AND kp.id = k.plan_id"
);

/// Marks up to `$2` open sessions past their expiry (`$1`, now) as expired. The outer
/// conditions repeat the inner ones so that both halves find the due sessions in
/// `checkouts_open_expiry`: with only `id IN (...)` and the status outside, SQLite scanned every
/// open session (1.2 s with a million, holding the write lock).
pub(super) const EXPIRE_DUE: &str = "UPDATE checkouts SET checkout_status = 'expired', updated_at = $1 WHERE checkout_status = 'open' AND expires_at <= $1 AND id IN (SELECT id FROM checkouts WHERE checkout_status = 'open' AND expires_at <= $1 LIMIT $2)";

// What decoding a column's value needs beyond the row itself.

pub(super) fn json<T: serde::de::DeserializeOwned>(s: &str) -> super::StorageResult<T> {
    Ok(serde_json::from_str(s)?)
}

pub(super) fn opt_json<T: serde::de::DeserializeOwned>(
    s: Option<&str>,
) -> super::StorageResult<Option<T>> {
    s.map(json).transpose()
}

pub(super) fn decimal(s: &str) -> super::StorageResult<rust_decimal::Decimal> {
    <rust_decimal::Decimal as std::str::FromStr>::from_str(s)
        .map_err(|e| super::StorageError::Corrupt(format!("decimal {s:?}: {e}")))
}

pub(super) fn corrupt(what: &str, v: &str) -> super::StorageError {
    super::StorageError::Corrupt(format!("{what} {v:?}"))
}

/// What `TERMS` returned: always one row (its one-row `x`), so none is a corrupt answer.
pub(super) fn terms_found<T>(row: Option<T>) -> super::StorageResult<T> {
    row.ok_or_else(|| super::StorageError::Corrupt("the one-row select returned no row".into()))
}

pub(super) fn redirect_url(
    s: Option<&str>,
) -> super::StorageResult<Option<crate::domain::redirect_url::RedirectUrl>> {
    s.map(|s| {
        crate::domain::redirect_url::RedirectUrl::from_stored(s.to_owned())
            .map_err(|_| corrupt("url", s))
    })
    .transpose()
}

/// The decoders of the rows the hot reads return (`CHECKOUT_WITH_TERMS`, `TERMS`), written
/// once for every row type that has them: sqlx's rows (`impl_sql_store!`) and rusqlite's
/// (`inline.rs`, SQLite's reads on the calling thread). The invoking module names its row type
/// `DbRow` and passes the trait that gives it `try_get(index)`.
macro_rules! row_decoders {
    ($try_get:path) => {
        /// Row decoders (`row_decoders!`).
        mod rows {
            use uuid::Uuid;
            use $try_get as _;

            use super::DbRow;
            use crate::domain::catalog::{Contract, ContractStatus, Customer, Plan, PlanStatus};
            use crate::domain::checkout::{Checkout, CheckoutStatus, CheckoutType};
            use crate::domain::money::Currency;
            use crate::domain::period::BillingPeriod;
            use crate::storage::sql::{corrupt, json, opt_json, redirect_url};
            use crate::storage::{StorageResult, Terms};

            /// Decodes a `CHECKOUT_WITH_TERMS` row: the checkout (25 columns), then the terms.
            pub(super) fn checkout_with_terms_at(r: &DbRow) -> StorageResult<(Checkout, Terms)> {
                Ok((checkout_at(r, 0)?, terms_from(r, 25)?))
            }

            /// Decodes a `TERMS` row: the customer (11 columns), then the terms.
            pub(super) fn terms_at(r: &DbRow) -> StorageResult<(Option<Customer>, Terms)> {
                Ok((joined(r, 0, customer_at)?, terms_from(r, 11)?))
            }

            /// The plan (12 columns), contract (14) and contract plan (12) from column `o`.
            fn terms_from(r: &DbRow, o: usize) -> StorageResult<Terms> {
                Ok(Terms {
                    plan: joined(r, o, plan_at)?,
                    contract: joined(r, o + 12, contract_at)?,
                    contract_plan: joined(r, o + 26, plan_at)?,
                })
            }

            /// Decodes `customer_cols!` starting at column `o`.
            pub(super) fn customer_at(r: &DbRow, o: usize) -> StorageResult<Customer> {
                Ok(Customer {
                    id: r.try_get(o)?,
                    organisation_id: r.try_get(o + 1)?,
                    business_entity_id: r.try_get(o + 2)?,
                    customer_name: r.try_get(o + 3)?,
                    email: r.try_get(o + 4)?,
                    phone_number: r.try_get(o + 5)?,
                    external_id: r.try_get(o + 6)?,
                    company_name: r.try_get(o + 7)?,
                    tax_id: r.try_get(o + 8)?,
                    address: opt_json(r.try_get(o + 9)?)?,
                    created_at: r.try_get(o + 10)?,
                })
            }

            /// Decodes `plan_cols!` starting at column `o`.
            pub(super) fn plan_at(r: &DbRow, o: usize) -> StorageResult<Plan> {
                let currency: &str = r.try_get(o + 4)?;
                let period: &str = r.try_get(o + 5)?;
                let status: &str = r.try_get(o + 8)?;
                let trial: i64 = r.try_get(o + 6)?;
                Ok(Plan {
                    id: r.try_get(o)?,
                    organisation_id: r.try_get(o + 1)?,
                    name: r.try_get(o + 2)?,
                    description: r.try_get(o + 3)?,
                    currency: Currency::parse(currency)
                        .map_err(|_| corrupt("currency", currency))?,
                    billing_period: BillingPeriod::parse(period)
                        .map_err(|_| corrupt("billing_period", period))?,
                    trial_period_days: u32::try_from(trial)
                        .map_err(|_| corrupt("trial_period_days", &trial.to_string()))?,
                    business_entity_id: r.try_get(o + 7)?,
                    status: PlanStatus::parse(status)
                        .ok_or_else(|| corrupt("plan status", status))?,
                    items: json(r.try_get::<&str, _>(o + 9)?)?,
                    created_at: r.try_get(o + 10)?,
                    updated_at: r.try_get(o + 11)?,
                })
            }

            /// Decodes `contract_cols!` starting at column `o`.
            pub(super) fn contract_at(r: &DbRow, o: usize) -> StorageResult<Contract> {
                let currency: &str = r.try_get(o + 4)?;
                let status: &str = r.try_get(o + 5)?;
                Ok(Contract {
                    id: r.try_get(o)?,
                    organisation_id: r.try_get(o + 1)?,
                    customer_id: r.try_get(o + 2)?,
                    plan_id: r.try_get(o + 3)?,
                    currency: Currency::parse(currency)
                        .map_err(|_| corrupt("currency", currency))?,
                    status: ContractStatus::parse(status)
                        .ok_or_else(|| corrupt("contract status", status))?,
                    start_date: r.try_get(o + 6)?,
                    end_date: r.try_get(o + 7)?,
                    billing_anchor_date: r.try_get(o + 8)?,
                    items: json(r.try_get::<&str, _>(o + 9)?)?,
                    versions: Vec::new(),
                    checkout_id: r.try_get(o + 10)?,
                    version: r.try_get(o + 11)?,
                    created_at: r.try_get(o + 12)?,
                    updated_at: r.try_get(o + 13)?,
                })
            }

            /// A row decoded at column `o` of a `LEFT JOIN`: `None` when the join found nothing
            /// (its `id`, the first column, is NULL).
            pub(super) fn joined<T>(
                r: &DbRow,
                o: usize,
                decode: fn(&DbRow, usize) -> StorageResult<T>,
            ) -> StorageResult<Option<T>> {
                match r.try_get::<Option<Uuid>, _>(o)? {
                    None => Ok(None),
                    Some(_) => decode(r, o).map(Some),
                }
            }

            /// Decodes `checkout_cols!` starting at column `o`.
            pub(super) fn checkout_at(r: &DbRow, o: usize) -> StorageResult<Checkout> {
                let status: &str = r.try_get(o + 2)?;
                let kind: &str = r.try_get(o + 3)?;
                let behavior: &str = r.try_get(o + 18)?;
                Ok(Checkout {
                    id: r.try_get(o)?,
                    organisation_id: r.try_get(o + 1)?,
                    status: CheckoutStatus::parse(status)
                        .ok_or_else(|| corrupt("checkout_status", status))?,
                    checkout_type: CheckoutType::parse(kind)
                        .ok_or_else(|| corrupt("checkout_type", kind))?,
                    plan_id: r.try_get(o + 4)?,
                    contract_id: r.try_get(o + 5)?,
                    start_date: r.try_get(o + 6)?,
                    end_date: r.try_get(o + 7)?,
                    customer_id: r.try_get(o + 8)?,
                    business_entity_id: r.try_get(o + 9)?,
                    guest_checkout: r.try_get(o + 10)?,
                    customer_data: json(r.try_get::<&str, _>(o + 11)?)?,
                    quote: json(r.try_get::<&str, _>(o + 12)?)?,
                    expires_at: r.try_get(o + 13)?,
                    success_url: redirect_url(r.try_get(o + 14)?)?,
                    cancel_url: redirect_url(r.try_get(o + 15)?)?,
                    product_overrides: json(r.try_get::<&str, _>(o + 16)?)?,
                    plan_options: json(r.try_get::<&str, _>(o + 17)?)?,
                    proration_behavior: crate::domain::overrides::ProrationBehavior::parse(
                        behavior,
                    )
                    .ok_or_else(|| corrupt("proration_behavior", behavior))?,
                    metadata: json(r.try_get::<&str, _>(o + 19)?)?,
                    preview: r.try_get(o + 20)?,
                    cancel_reason: r.try_get(o + 21)?,
                    created_at: r.try_get(o + 22)?,
                    updated_at: r.try_get(o + 23)?,
                    completed_at: r.try_get(o + 24)?,
                })
            }
        }
        use rows::*;
    };
}

macro_rules! impl_sql_store {
    ($store:ident, $db:ty, $begin:literal, $name:literal) => {

        use async_trait::async_trait;
        use chrono::{DateTime, Utc};
        use sqlx::Row as _;
        use uuid::Uuid;

        use crate::domain::catalog::{
            BusinessEntity, Contract, ContractVersion, Customer, Organisation, Plan, PlanStatus,
            Product,
        };
        use crate::domain::checkout::{Checkout, CheckoutStatus};
        use crate::storage::{
            CheckoutFilter, CheckoutStore, CheckoutUpdate, ConfirmOutcome, ConfirmWrite,
            ContractStore, CustomerStore, EntityStore, IdempotencyBegin, IdempotencyStore,
            OrganisationStore, PageOf, PageRequest, PlanStore, ProductStore, Storage,
            StorageError, StorageResult, Terms, TermsRef,
        };

        use crate::storage::sql::{corrupt, decimal, json, opt_json};
        use crate::storage::InlineReads as _;

        type DbRow = <$db as sqlx::Database>::Row;
        type Conn = <$db as sqlx::Database>::Connection;

        row_decoders!(sqlx::Row);

        fn to_json<T: serde::Serialize>(v: &T) -> StorageResult<String> {
            serde_json::to_string(v).map_err(|e| StorageError::Other(e.into()))
        }

        /// Decodes `entity_cols!` starting at column `o`.
        fn entity_at(r: &DbRow, o: usize) -> StorageResult<BusinessEntity> {
            Ok(BusinessEntity {
                id: r.try_get(o)?,
                organisation_id: r.try_get(o + 1)?,
                name: r.try_get(o + 2)?,
                email: r.try_get(o + 3)?,
                logo_url: r.try_get(o + 4)?,
                brand_color: r.try_get(o + 5)?,
                tax_rate: decimal(r.try_get::<&str, _>(o + 6)?)?,
                address: opt_json(r.try_get(o + 7)?)?,
                is_default: r.try_get(o + 8)?,
                created_at: r.try_get(o + 9)?,
            })
        }

        fn entity_row(r: &DbRow) -> StorageResult<BusinessEntity> {
            entity_at(r, 0)
        }

        fn customer_row(r: &DbRow) -> StorageResult<Customer> {
            customer_at(r, 0)
        }

        /// Decodes `product_cols!` starting at column `o`.
        fn product_at(r: &DbRow, o: usize) -> StorageResult<Product> {
            Ok(Product {
                id: r.try_get(o)?,
                organisation_id: r.try_get(o + 1)?,
                name: r.try_get(o + 2)?,
                sku: r.try_get(o + 3)?,
                description: r.try_get(o + 4)?,
                unit_label: r.try_get(o + 5)?,
                created_at: r.try_get(o + 6)?,
            })
        }

        fn product_row(r: &DbRow) -> StorageResult<Product> {
            product_at(r, 0)
        }

        fn plan_row(r: &DbRow) -> StorageResult<Plan> {
            plan_at(r, 0)
        }

        fn contract_row(r: &DbRow) -> StorageResult<Contract> {
            contract_at(r, 0)
        }

        fn version_row(r: &DbRow) -> StorageResult<(Uuid, ContractVersion)> {
            Ok((
                r.try_get("contract_id")?,
                ContractVersion {
                    version: r.try_get("version")?,
                    effective_date: r.try_get("effective_date")?,
                    plan_id: r.try_get("plan_id")?,
                    billing_anchor_date: r.try_get("billing_anchor_date")?,
                    items: json(r.try_get::<&str, _>("items")?)?,
                    change_summary: r.try_get("change_summary")?,
                    checkout_id: r.try_get("checkout_id")?,
                    created_at: r.try_get("created_at")?,
                },
            ))
        }

        fn checkout_row(r: &DbRow) -> StorageResult<Checkout> {
            checkout_at(r, 0)
        }

        fn page_of<T>(
            rows: Vec<DbRow>,
            page: PageRequest,
            map: fn(&DbRow) -> StorageResult<T>,
        ) -> StorageResult<PageOf<T>> {
            let limit = page.limit as usize;
            let has_more = rows.len() > limit;
            let data = rows.iter().take(limit).map(map).collect::<StorageResult<Vec<T>>>()?;
            Ok(PageOf { data, has_more })
        }

        async fn insert_customer_in(conn: &mut Conn, c: &Customer) -> StorageResult<()> {
            sqlx::query(concat!(
                "INSERT INTO customers (",
                customer_cols!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ))
            .bind(c.id)
            .bind(c.organisation_id)
            .bind(c.business_entity_id)
            .bind(&c.customer_name)
            .bind(&c.email)
            .bind(&c.phone_number)
            .bind(&c.external_id)
            .bind(&c.company_name)
            .bind(&c.tax_id)
            .bind(c.address.as_ref().map(to_json).transpose()?)
            .bind(c.created_at)
            .execute(&mut *conn)
            .await?;
            Ok(())
        }

        async fn insert_version_in(
            conn: &mut Conn,
            org: Uuid,
            contract_id: Uuid,
            v: &ContractVersion,
        ) -> StorageResult<()> {
            sqlx::query(
                "INSERT INTO contract_versions (id, contract_id, organisation_id, version, effective_date, plan_id, billing_anchor_date, items, change_summary, checkout_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(Uuid::new_v4())
            .bind(contract_id)
            .bind(org)
            .bind(v.version)
            .bind(v.effective_date)
            .bind(v.plan_id)
            .bind(v.billing_anchor_date)
            .bind(to_json(&v.items)?)
            .bind(&v.change_summary)
            .bind(v.checkout_id)
            .bind(v.created_at)
            .execute(&mut *conn)
            .await?;
            Ok(())
        }

        async fn insert_contract_in(conn: &mut Conn, c: &Contract) -> StorageResult<()> {
            sqlx::query(concat!(
                "INSERT INTO contracts (",
                contract_cols!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
            ))
            .bind(c.id)
            .bind(c.organisation_id)
            .bind(c.customer_id)
            .bind(c.plan_id)
            .bind(c.currency.code())
            .bind(c.status.as_str())
            .bind(c.start_date)
            .bind(c.end_date)
            .bind(c.billing_anchor_date)
            .bind(to_json(&c.items)?)
            .bind(c.checkout_id)
            .bind(c.version)
            .bind(c.created_at)
            .bind(c.updated_at)
            .execute(&mut *conn)
            .await?;
            for v in &c.versions {
                insert_version_in(conn, c.organisation_id, c.id, v).await?;
            }
            Ok(())
        }

        /// One session's column values, encoded once, in `checkout_cols!` order.
        struct CheckoutValues {
            id: Uuid,
            organisation_id: Uuid,
            status: &'static str,
            checkout_type: &'static str,
            plan_id: Option<Uuid>,
            contract_id: Option<Uuid>,
            start_date: chrono::NaiveDate,
            end_date: Option<chrono::NaiveDate>,
            customer_id: Option<Uuid>,
            business_entity_id: Uuid,
            guest_checkout: bool,
            customer_data: String,
            estimates: String,
            expires_at: DateTime<Utc>,
            success_url: Option<String>,
            cancel_url: Option<String>,
            product_overrides: String,
            plan_options: String,
            proration_behavior: &'static str,
            metadata: String,
            preview: bool,
            cancel_reason: Option<String>,
            created_at: DateTime<Utc>,
            updated_at: DateTime<Utc>,
            completed_at: Option<DateTime<Utc>>,
        }

        impl CheckoutValues {
            fn encode(c: &Checkout) -> StorageResult<Self> {
                Ok(Self {
                    id: c.id,
                    organisation_id: c.organisation_id,
                    status: c.status.as_str(),
                    checkout_type: c.checkout_type.as_str(),
                    plan_id: c.plan_id,
                    contract_id: c.contract_id,
                    start_date: c.start_date,
                    end_date: c.end_date,
                    customer_id: c.customer_id,
                    business_entity_id: c.business_entity_id,
                    guest_checkout: c.guest_checkout,
                    customer_data: to_json(&c.customer_data)?,
                    estimates: to_json(&c.quote)?,
                    expires_at: c.expires_at,
                    success_url: c.success_url.as_ref().map(|u| u.as_str().to_owned()),
                    cancel_url: c.cancel_url.as_ref().map(|u| u.as_str().to_owned()),
                    product_overrides: to_json(&c.product_overrides)?,
                    plan_options: to_json(&c.plan_options)?,
                    proration_behavior: c.proration_behavior.as_str(),
                    metadata: to_json(&c.metadata)?,
                    preview: c.preview,
                    cancel_reason: c.cancel_reason.clone(),
                    created_at: c.created_at,
                    updated_at: c.updated_at,
                    completed_at: c.completed_at,
                })
            }
        }

        /// Most sessions one group commit writes (25 columns each, well under SQLite's
        /// limit of 32,766 bound values per statement).
        const GROUP_MAX: usize = 64;

        type InsertDone = tokio::sync::oneshot::Sender<StorageResult<()>>;

        /// New sessions waiting to be written by the next group commit (see
        /// `insert_checkout`), and the lock that makes one request at a time the writer.
        #[derive(Default)]
        pub(super) struct InsertQueue {
            queued: std::sync::Mutex<Vec<(CheckoutValues, InsertDone)>>,
            leader: tokio::sync::Mutex<()>,
        }

        impl InsertQueue {
            fn push(&self, v: CheckoutValues, done: InsertDone) {
                self.queued.lock().unwrap_or_else(|e| e.into_inner()).push((v, done));
            }

            fn take(&self) -> Vec<(CheckoutValues, InsertDone)> {
                std::mem::take(&mut *self.queued.lock().unwrap_or_else(|e| e.into_inner()))
            }
        }

        impl $store {
            /// One statement inserting `rows` (all or none).
            async fn insert_checkout_rows(&self, rows: &[CheckoutValues]) -> StorageResult<()> {
                let mut qb = sqlx::QueryBuilder::<$db>::new(concat!(
                    "INSERT INTO checkouts (",
                    checkout_cols!(),
                    ") "
                ));
                qb.push_values(rows, |mut b, v| {
                    b.push_bind(v.id)
                        .push_bind(v.organisation_id)
                        .push_bind(v.status)
                        .push_bind(v.checkout_type)
                        .push_bind(v.plan_id)
                        .push_bind(v.contract_id)
                        .push_bind(v.start_date)
                        .push_bind(v.end_date)
                        .push_bind(v.customer_id)
                        .push_bind(v.business_entity_id)
                        .push_bind(v.guest_checkout)
                        .push_bind(v.customer_data.as_str())
                        .push_bind(v.estimates.as_str())
                        .push_bind(v.expires_at)
                        .push_bind(v.success_url.as_deref())
                        .push_bind(v.cancel_url.as_deref())
                        .push_bind(v.product_overrides.as_str())
                        .push_bind(v.plan_options.as_str())
                        .push_bind(v.proration_behavior)
                        .push_bind(v.metadata.as_str())
                        .push_bind(v.preview)
                        .push_bind(v.cancel_reason.as_deref())
                        .push_bind(v.created_at)
                        .push_bind(v.updated_at)
                        .push_bind(v.completed_at);
                });
                // A statement per group size would fill each connection's statement cache
                // with big multi-row programs (peak RSS 43 -> 64 MiB): only the one-row form
                // is kept prepared.
                qb.build()
                    .persistent(rows.len() == 1)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            /// Writes every queued session, up to `GROUP_MAX` per statement, and tells each
            /// waiter its outcome. A statement that fails (say one id already exists) is
            /// retried one session at a time, so one bad row fails only its own request;
            /// when the database is unavailable, every row of the statement fails at once.
            /// The caller holds the write lock.
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
                        // No database: every row fails the same way, at once (retrying them
                        // one by one would make the last wait for as many timeouts).
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

            /// Our session was taken by a group commit whose request went away before it
            /// answered: the row may or may not be there. Write it unless it is.
            async fn insert_checkout_orphaned(&self, c: &Checkout) -> StorageResult<()> {
                let _writing = self.writing().await;
                if self.checkout_exists(c.id).await? {
                    return Ok(());
                }
                match self.insert_checkout_rows(&[CheckoutValues::encode(c)?]).await {
                    // That group commit's statement may have landed meanwhile.
                    Err(_) if self.checkout_exists(c.id).await? => Ok(()),
                    other => other,
                }
            }

            async fn checkout_exists(&self, id: Uuid) -> StorageResult<bool> {
                Ok(sqlx::query("SELECT 1 FROM checkouts WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .is_some())
            }

            /// Runs a one-row read on a reader connection (`super::Readers`) when the backend
            /// has them (PostgreSQL), else on the pool. When the database went away under a
            /// reader, it is dropped and the read is retried once on sqlx's pool.
            async fn read_row<'q>(
                &self,
                query: impl Fn() -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments>,
            ) -> StorageResult<Option<DbRow>> {
                use deadpool::managed::{Object, PoolError};
                let Some(readers) = &self.readers else {
                    return Ok(query().fetch_optional(&self.pool).await?);
                };
                let mut conn = match readers.get().await {
                    Ok(conn) => conn,
                    Err(PoolError::Timeout(_)) => {
                        return Err(StorageError::Unavailable(sqlx::Error::PoolTimedOut));
                    }
                    Err(PoolError::Backend(e)) => return Err(e.into()),
                    Err(_) => return Ok(query().fetch_optional(&self.pool).await?),
                };
                match query().fetch_optional(&mut *conn).await {
                    Ok(row) => Ok(row),
                    Err(e) => match StorageError::from(e) {
                        StorageError::Unavailable(_) => {
                            drop(Object::take(conn));
                            Ok(query().fetch_optional(&self.pool).await?)
                        }
                        other => Err(other),
                    },
                }
            }

            /// One newest-first page of an organisation's rows (`sql` uses `page_where!`).
            async fn fetch_page<T>(
                &self,
                sql: &'static str,
                org: Uuid,
                page: PageRequest,
                map: fn(&DbRow) -> StorageResult<T>,
            ) -> StorageResult<PageOf<T>> {
                let rows = sqlx::query(sql)
                    .bind(org)
                    .bind(page.starting_after)
                    .bind(i64::from(page.limit) + 1)
                    .fetch_all(&self.pool)
                    .await?;
                page_of(rows, page, map)
            }

            /// One row of an organisation by id (`$1` organisation, `$2` id).
            async fn fetch_one<T>(
                &self,
                sql: &'static str,
                org: Uuid,
                id: Uuid,
                map: fn(&DbRow) -> StorageResult<T>,
            ) -> StorageResult<Option<T>> {
                sqlx::query(sql)
                    .bind(org)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(map)
                    .transpose()
            }

            /// On SQLite, one writer at a time inside this process: waiters queue here instead
            /// of sleeping in SQLite's busy handler (which made write p99 jump to 100s of ms).
            async fn writing(&self) -> Option<crate::storage::WriteGuard<'_>> {
                match &self.writes {
                    Some(lock) => Some(lock.lock().await),
                    None => None,
                }
            }

            async fn attach_versions(&self, contracts: &mut [Contract]) -> StorageResult<()> {
                if contracts.is_empty() {
                    return Ok(());
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT contract_id, version, effective_date, plan_id, billing_anchor_date, items, change_summary, checkout_id, created_at FROM contract_versions WHERE contract_id IN (",
                );
                let mut sep = qb.separated(", ");
                for c in contracts.iter() {
                    sep.push_bind(c.id);
                }
                qb.push(") ORDER BY version");
                let rows = qb.build().fetch_all(&self.pool).await?;
                for r in &rows {
                    let (cid, v) = version_row(r)?;
                    if let Some(c) = contracts.iter_mut().find(|c| c.id == cid) {
                        c.versions.push(v);
                    }
                }
                Ok(())
            }
        }

        #[async_trait]
        impl OrganisationStore for $store {
            async fn create_organisation(
                &self,
                org: &Organisation,
                entity: &BusinessEntity,
                key_hash: &str,
                key_prefix: &str,
            ) -> StorageResult<()> {
                let _writing = self.writing().await;
                let mut tx = self.pool.begin_with($begin).await?;
                sqlx::query("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)")
                    .bind(org.id)
                    .bind(&org.name)
                    .bind(org.created_at)
                    .execute(&mut *tx)
                    .await?;
                insert_entity_in(&mut tx, entity).await?;
                sqlx::query(
                    "INSERT INTO api_keys (id, organisation_id, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(Uuid::new_v4())
                .bind(org.id)
                .bind(key_hash)
                .bind(key_prefix)
                .bind(org.created_at)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn organisation_for_key(&self, key_hash: &str) -> StorageResult<Option<Uuid>> {
                let row = sqlx::query("SELECT organisation_id FROM api_keys WHERE key_hash = $1")
                    .bind(key_hash)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(|r| r.try_get("organisation_id")).transpose()?)
            }

            async fn count_organisations(&self) -> StorageResult<i64> {
                let row = sqlx::query("SELECT COUNT(*) AS n FROM organisations")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(row.try_get("n")?)
            }

            async fn ping(&self) -> StorageResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }
        }

        async fn insert_entity_in(conn: &mut Conn, e: &BusinessEntity) -> StorageResult<()> {
            sqlx::query(concat!(
                "INSERT INTO business_entities (",
                entity_cols!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            ))
            .bind(e.id)
            .bind(e.organisation_id)
            .bind(&e.name)
            .bind(&e.email)
            .bind(&e.logo_url)
            .bind(&e.brand_color)
            .bind(e.tax_rate.to_string())
            .bind(e.address.as_ref().map(to_json).transpose()?)
            .bind(e.is_default)
            .bind(e.created_at)
            .execute(&mut *conn)
            .await?;
            Ok(())
        }

        #[async_trait]
        impl EntityStore for $store {
            async fn insert_entity(&self, e: &BusinessEntity) -> StorageResult<()> {
                let _writing = self.writing().await;
                let mut conn = self.pool.acquire().await?;
                insert_entity_in(&mut conn, e).await
            }

            async fn get_entity(&self, org: Uuid, id: Uuid) -> StorageResult<Option<BusinessEntity>> {
                self.fetch_one(
                    concat!("SELECT ", entity_cols!(), " FROM business_entities WHERE organisation_id = $1 AND id = $2"),
                    org,
                    id,
                    entity_row,
                )
                .await
            }

            async fn default_entity(&self, org: Uuid) -> StorageResult<Option<BusinessEntity>> {
                sqlx::query(concat!(
                    "SELECT ",
                    entity_cols!(),
                    " FROM business_entities WHERE organisation_id = $1 AND is_default = $2"
                ))
                .bind(org)
                .bind(true)
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(entity_row)
                .transpose()
            }

            async fn list_entities(
                &self,
                org: Uuid,
                page: PageRequest,
            ) -> StorageResult<PageOf<BusinessEntity>> {
                self.fetch_page(
                    concat!("SELECT ", entity_cols!(), " FROM business_entities", page_where!("business_entities")),
                    org,
                    page,
                    entity_row,
                )
                .await
            }
        }

        #[async_trait]
        impl CustomerStore for $store {
            async fn insert_customer(&self, c: &Customer) -> StorageResult<()> {
                let _writing = self.writing().await;
                let mut conn = self.pool.acquire().await?;
                insert_customer_in(&mut conn, c).await
            }

            async fn get_customer(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Customer>> {
                self.fetch_one(
                    concat!("SELECT ", customer_cols!(), " FROM customers WHERE organisation_id = $1 AND id = $2"),
                    org,
                    id,
                    customer_row,
                )
                .await
            }

            async fn list_customers(
                &self,
                org: Uuid,
                page: PageRequest,
            ) -> StorageResult<PageOf<Customer>> {
                self.fetch_page(
                    concat!("SELECT ", customer_cols!(), " FROM customers", page_where!("customers")),
                    org,
                    page,
                    customer_row,
                )
                .await
            }
        }

        #[async_trait]
        impl ProductStore for $store {
            async fn insert_product(&self, p: &Product) -> StorageResult<()> {
                let _writing = self.writing().await;
                sqlx::query(concat!(
                    "INSERT INTO products (",
                    product_cols!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7)"
                ))
                .bind(p.id)
                .bind(p.organisation_id)
                .bind(&p.name)
                .bind(&p.sku)
                .bind(&p.description)
                .bind(&p.unit_label)
                .bind(p.created_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn get_product(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Product>> {
                self.fetch_one(
                    concat!("SELECT ", product_cols!(), " FROM products WHERE organisation_id = $1 AND id = $2"),
                    org,
                    id,
                    product_row,
                )
                .await
            }

            async fn get_products(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Product>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(concat!(
                    "SELECT ",
                    product_cols!(),
                    " FROM products WHERE organisation_id = "
                ));
                qb.push_bind(org).push(" AND id IN (");
                let mut sep = qb.separated(", ");
                for id in ids {
                    sep.push_bind(*id);
                }
                qb.push(")");
                let rows = qb.build().fetch_all(&self.pool).await?;
                rows.iter().map(product_row).collect()
            }

            async fn list_products(
                &self,
                org: Uuid,
                page: PageRequest,
            ) -> StorageResult<PageOf<Product>> {
                self.fetch_page(
                    concat!("SELECT ", product_cols!(), " FROM products", page_where!("products")),
                    org,
                    page,
                    product_row,
                )
                .await
            }
        }

        #[async_trait]
        impl PlanStore for $store {
            async fn insert_plan(&self, p: &Plan) -> StorageResult<()> {
                let _writing = self.writing().await;
                sqlx::query(concat!(
                    "INSERT INTO plans (",
                    plan_cols!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                ))
                .bind(p.id)
                .bind(p.organisation_id)
                .bind(&p.name)
                .bind(&p.description)
                .bind(p.currency.code())
                .bind(p.billing_period.as_str())
                .bind(i64::from(p.trial_period_days))
                .bind(p.business_entity_id)
                .bind(p.status.as_str())
                .bind(to_json(&p.items)?)
                .bind(p.created_at)
                .bind(p.updated_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn get_plan(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Plan>> {
                self.fetch_one(
                    concat!("SELECT ", plan_cols!(), " FROM plans WHERE organisation_id = $1 AND id = $2"),
                    org,
                    id,
                    plan_row,
                )
                .await
            }

            async fn get_plans(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Plan>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(concat!(
                    "SELECT ",
                    plan_cols!(),
                    " FROM plans WHERE organisation_id = "
                ));
                qb.push_bind(org).push(" AND id IN (");
                let mut sep = qb.separated(", ");
                for id in ids {
                    sep.push_bind(*id);
                }
                qb.push(")");
                let rows = qb.build().fetch_all(&self.pool).await?;
                rows.iter().map(plan_row).collect()
            }

            async fn list_plans(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Plan>> {
                self.fetch_page(
                    concat!("SELECT ", plan_cols!(), " FROM plans", page_where!("plans")),
                    org,
                    page,
                    plan_row,
                )
                .await
            }

            async fn archive_plan(
                &self,
                org: Uuid,
                id: Uuid,
                at: DateTime<Utc>,
            ) -> StorageResult<Option<Plan>> {
                let _writing = self.writing().await;
                sqlx::query(
                    "UPDATE plans SET status = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND status <> $1",
                )
                .bind(PlanStatus::Archived.as_str())
                .bind(at)
                .bind(org)
                .bind(id)
                .execute(&self.pool)
                .await?;
                self.get_plan(org, id).await
            }
        }

        #[async_trait]
        impl ContractStore for $store {
            async fn insert_contract(&self, c: &Contract) -> StorageResult<()> {
                let _writing = self.writing().await;
                let mut tx = self.pool.begin_with($begin).await?;
                insert_contract_in(&mut tx, c).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn get_contract(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Contract>> {
                let row = sqlx::query(concat!(
                    "SELECT ",
                    contract_cols!(),
                    " FROM contracts WHERE organisation_id = $1 AND id = $2"
                ))
                .bind(org)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let mut contracts = [contract_row(&row)?];
                self.attach_versions(&mut contracts).await?;
                let [c] = contracts;
                Ok(Some(c))
            }

            async fn list_contracts(
                &self,
                org: Uuid,
                page: PageRequest,
            ) -> StorageResult<PageOf<Contract>> {
                let mut page = self.fetch_page(
                    concat!("SELECT ", contract_cols!(), " FROM contracts", page_where!("contracts")),
                    org,
                    page,
                    contract_row,
                )
                .await?;
                self.attach_versions(&mut page.data).await?;
                Ok(page)
            }
        }

        #[async_trait]
        impl CheckoutStore for $store {
            /// A group commit: the request queues its row, and one request at a time (the
            /// leader) writes every queued row in one statement (one transaction: one WAL
            /// flush on PostgreSQL, one trip to the connection's thread on SQLite) and
            /// answers the others. Under load, the rows that arrive while one statement
            /// runs share the next; alone, a request writes its own row at once.
            async fn insert_checkout(&self, c: &Checkout) -> StorageResult<()> {
                let (done, mut outcome) = tokio::sync::oneshot::channel();
                self.inserts.push(CheckoutValues::encode(c)?, done);
                let leading = tokio::select! {
                    biased;
                    answer = &mut outcome => {
                        return match answer {
                            Ok(result) => result,
                            Err(_) => self.insert_checkout_orphaned(c).await,
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
                    Err(_) => self.insert_checkout_orphaned(c).await,
                }
            }

            async fn get_checkout(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Checkout>> {
                self.fetch_one(
                    concat!("SELECT ", checkout_cols!(), " FROM checkouts WHERE organisation_id = $1 AND id = $2"),
                    org,
                    id,
                    checkout_row,
                )
                .await
            }

            async fn get_checkout_by_id(&self, id: Uuid) -> StorageResult<Option<Checkout>> {
                sqlx::query(concat!("SELECT ", checkout_cols!(), " FROM checkouts WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(checkout_row)
                    .transpose()
            }

            async fn get_checkout_with_terms(
                &self,
                org: Option<Uuid>,
                id: Uuid,
            ) -> StorageResult<Option<(Checkout, Terms)>> {
                if let Some(read) = self.checkout_with_terms_inline(org, id) {
                    return read;
                }
                self.read_row(|| sqlx::query(crate::storage::sql::CHECKOUT_WITH_TERMS).bind(id).bind(org))
                    .await?
                    .as_ref()
                    .map(checkout_with_terms_at)
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
                if let Some(read) = self.terms_inline(org, ids) {
                    return read;
                }
                let r = self.read_row(|| sqlx::query(crate::storage::sql::TERMS)
                    .bind(org)
                    .bind(ids.customer_id)
                    .bind(ids.plan_id)
                    .bind(ids.contract_id)).await?;
                terms_at(&crate::storage::sql::terms_found(r)?)
            }

            async fn list_checkouts(
                &self,
                org: Uuid,
                filter: &CheckoutFilter,
                page: PageRequest,
                now: DateTime<Utc>,
            ) -> StorageResult<PageOf<Checkout>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new(concat!(
                    "SELECT ",
                    checkout_cols!(),
                    " FROM checkouts WHERE organisation_id = "
                ));
                qb.push_bind(org);
                match filter.status {
                    None => {}
                    Some(CheckoutStatus::Open) => {
                        qb.push(" AND checkout_status = 'open' AND expires_at > ")
                            .push_bind(now);
                    }
                    Some(CheckoutStatus::Expired) => {
                        qb.push(" AND (checkout_status = 'expired' OR (checkout_status = 'open' AND expires_at <= ")
                            .push_bind(now)
                            .push("))");
                    }
                    Some(s) => {
                        qb.push(" AND checkout_status = ").push_bind(s.as_str());
                    }
                }
                if let Some(c) = filter.customer_id {
                    qb.push(" AND customer_id = ").push_bind(c);
                }
                if let Some(t) = filter.checkout_type {
                    qb.push(" AND checkout_type = ").push_bind(t.as_str());
                }
                if let Some(after) = page.starting_after {
                    qb.push(" AND (created_at, id) < (SELECT c.created_at, c.id FROM checkouts c WHERE c.id = ")
                        .push_bind(after)
                        .push(" AND c.organisation_id = ")
                        .push_bind(org)
                        .push(")");
                }
                qb.push(" ORDER BY created_at DESC, id DESC LIMIT ")
                    .push_bind(i64::from(page.limit) + 1);
                let rows = qb.build().fetch_all(&self.pool).await?;
                page_of(rows, page, checkout_row)
            }

            async fn update_checkout(
                &self,
                org: Uuid,
                id: Uuid,
                update: &CheckoutUpdate,
                now: DateTime<Utc>,
            ) -> StorageResult<bool> {
                let _writing = self.writing().await;
                let result = match update {
                    CheckoutUpdate::Edited(e) => {
                        sqlx::query(
                            "UPDATE checkouts SET plan_id = $1, product_overrides = $2, customer_data = $3, success_url = $4, cancel_url = $5, expires_at = $6, metadata = $7, estimates = $8, updated_at = $9 WHERE organisation_id = $10 AND id = $11 AND checkout_status = 'open' AND expires_at > $9",
                        )
                        .bind(e.plan_id)
                        .bind(to_json(&e.product_overrides)?)
                        .bind(to_json(&e.customer_data)?)
                        .bind(e.success_url.as_ref().map(|u| u.as_str()))
                        .bind(e.cancel_url.as_ref().map(|u| u.as_str()))
                        .bind(e.expires_at)
                        .bind(to_json(&e.metadata)?)
                        .bind(to_json(&e.quote)?)
                        .bind(now)
                        .bind(org)
                        .bind(id)
                        .execute(&self.pool)
                        .await?
                    }
                    CheckoutUpdate::Requoted { quote } => {
                        sqlx::query(
                            "UPDATE checkouts SET estimates = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND checkout_status = 'open' AND expires_at > $2",
                        )
                        .bind(to_json(quote)?)
                        .bind(now)
                        .bind(org)
                        .bind(id)
                        .execute(&self.pool)
                        .await?
                    }
                    CheckoutUpdate::Cancelled { reason } => {
                        sqlx::query(
                            "UPDATE checkouts SET checkout_status = 'cancelled', cancel_reason = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND checkout_status = 'open' AND expires_at > $2",
                        )
                        .bind(reason)
                        .bind(now)
                        .bind(org)
                        .bind(id)
                        .execute(&self.pool)
                        .await?
                    }
                    CheckoutUpdate::Expired => {
                        sqlx::query(
                            "UPDATE checkouts SET checkout_status = 'expired', expires_at = CASE WHEN expires_at < $1 THEN expires_at ELSE $1 END, updated_at = $1 WHERE organisation_id = $2 AND id = $3 AND checkout_status = 'open'",
                        )
                        .bind(now)
                        .bind(org)
                        .bind(id)
                        .execute(&self.pool)
                        .await?
                    }
                };
                Ok(result.rows_affected() == 1)
            }

            async fn confirm_checkout(
                &self,
                org: Uuid,
                id: Uuid,
                write: &ConfirmWrite,
                now: DateTime<Utc>,
            ) -> StorageResult<ConfirmOutcome> {
                let _writing = self.writing().await;
                let mut tx = self.pool.begin_with($begin).await?;
                // The claim: only an open, unexpired session moves to `contract_created`. A
                // concurrent confirm blocks on this row (PostgreSQL) or on the write lock
                // (SQLite), then finds it no longer open and rolls back everything it wrote.
                let outcome = match write {
                    ConfirmWrite::NewContract { customer, contract } => {
                        // Contract first (the session row points at it), then claim and link
                        // in one statement.
                        if let Some(c) = customer {
                            insert_customer_in(&mut tx, c).await?;
                        }
                        insert_contract_in(&mut tx, contract).await?;
                        let claimed = sqlx::query(
                            "UPDATE checkouts SET checkout_status = 'contract_created', completed_at = $1, updated_at = $1, contract_id = $2, customer_id = COALESCE(customer_id, $3) WHERE organisation_id = $4 AND id = $5 AND checkout_status = 'open' AND expires_at > $1",
                        )
                        .bind(now)
                        .bind(contract.id)
                        .bind(contract.customer_id)
                        .bind(org)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        if claimed.rows_affected() == 1 {
                            ConfirmOutcome::Confirmed { contract_id: contract.id }
                        } else {
                            ConfirmOutcome::NotOpen
                        }
                    }
                    ConfirmWrite::Amend {
                        contract_id,
                        expected_version,
                        plan_id,
                        effective_date,
                        billing_anchor_date,
                        items,
                        change_summary,
                    } => {
                        // Claim first, so that a second confirm of this same session reports
                        // "not open" rather than "contract changed". The session already
                        // names its contract.
                        let claimed = sqlx::query(
                            "UPDATE checkouts SET checkout_status = 'contract_created', completed_at = $1, updated_at = $1 WHERE organisation_id = $2 AND id = $3 AND checkout_status = 'open' AND expires_at > $1",
                        )
                        .bind(now)
                        .bind(org)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        if claimed.rows_affected() != 1 {
                            ConfirmOutcome::NotOpen
                        } else {
                            let updated = sqlx::query(
                                "UPDATE contracts SET plan_id = $1, items = $2, billing_anchor_date = $3, version = version + 1, updated_at = $4 WHERE organisation_id = $5 AND id = $6 AND version = $7",
                            )
                            .bind(plan_id)
                            .bind(to_json(items)?)
                            .bind(billing_anchor_date)
                            .bind(now)
                            .bind(org)
                            .bind(contract_id)
                            .bind(expected_version)
                            .execute(&mut *tx)
                            .await?;
                            if updated.rows_affected() != 1 {
                                ConfirmOutcome::ContractChanged
                            } else {
                                let v = ContractVersion {
                                    version: expected_version + 1,
                                    effective_date: *effective_date,
                                    plan_id: *plan_id,
                                    billing_anchor_date: *billing_anchor_date,
                                    items: items.clone(),
                                    change_summary: change_summary.clone(),
                                    checkout_id: Some(id),
                                    created_at: now,
                                };
                                insert_version_in(&mut tx, org, *contract_id, &v).await?;
                                ConfirmOutcome::Confirmed { contract_id: *contract_id }
                            }
                        }
                    }
                };
                match outcome {
                    ConfirmOutcome::Confirmed { .. } => tx.commit().await?,
                    _ => tx.rollback().await?,
                }
                Ok(outcome)
            }

            async fn expire_due(&self, now: DateTime<Utc>, limit: i64) -> StorageResult<u64> {
                let _writing = self.writing().await;
                let r = sqlx::query(crate::storage::sql::EXPIRE_DUE)
                .bind(now)
                .bind(limit)
                .execute(&self.pool)
                .await?;
                Ok(r.rows_affected())
            }
        }

        #[async_trait]
        impl IdempotencyStore for $store {
            async fn begin_idempotent(
                &self,
                org: Uuid,
                key: &str,
                request_hash: &str,
                now: DateTime<Utc>,
            ) -> StorageResult<IdempotencyBegin> {
                let _writing = self.writing().await;
                let inserted = sqlx::query(
                    "INSERT INTO idempotency_keys (organisation_id, idempotency_key, request_hash, response_status, response_body, created_at) VALUES ($1, $2, $3, NULL, NULL, $4) ON CONFLICT (organisation_id, idempotency_key) DO NOTHING",
                )
                .bind(org)
                .bind(key)
                .bind(request_hash)
                .bind(now)
                .execute(&self.pool)
                .await?;
                if inserted.rows_affected() == 1 {
                    return Ok(IdempotencyBegin::Started);
                }
                let row = sqlx::query(
                    "SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE organisation_id = $1 AND idempotency_key = $2",
                )
                .bind(org)
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
                // Abandoned between our insert and read: treat as in progress; the client retries.
                let Some(row) = row else { return Ok(IdempotencyBegin::InProgress) };
                let hash: String = row.try_get("request_hash")?;
                if hash != request_hash {
                    return Ok(IdempotencyBegin::Mismatch);
                }
                let status: Option<i64> = row.try_get("response_status")?;
                let body: Option<String> = row.try_get("response_body")?;
                Ok(match (status, body) {
                    (Some(status), Some(body)) => IdempotencyBegin::Replay {
                        status: u16::try_from(status)
                            .map_err(|_| corrupt("response_status", &status.to_string()))?,
                        body,
                    },
                    _ => IdempotencyBegin::InProgress,
                })
            }

            async fn complete_idempotent(
                &self,
                org: Uuid,
                key: &str,
                status: u16,
                body: &str,
            ) -> StorageResult<()> {
                let _writing = self.writing().await;
                sqlx::query(
                    "UPDATE idempotency_keys SET response_status = $1, response_body = $2 WHERE organisation_id = $3 AND idempotency_key = $4",
                )
                .bind(i64::from(status))
                .bind(body)
                .bind(org)
                .bind(key)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn abandon_idempotent(&self, org: Uuid, key: &str) -> StorageResult<()> {
                let _writing = self.writing().await;
                sqlx::query(
                    "DELETE FROM idempotency_keys WHERE organisation_id = $1 AND idempotency_key = $2 AND response_status IS NULL",
                )
                .bind(org)
                .bind(key)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> StorageResult<u64> {
                let _writing = self.writing().await;
                let r = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await?;
                Ok(r.rows_affected())
            }
        }

        impl Storage for $store {
            fn backend(&self) -> &'static str {
                $name
            }
        }
    };
}
