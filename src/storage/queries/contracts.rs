//! Contracts and their versions.

use async_trait::async_trait;
use uuid::Uuid;

use sqlx::QueryBuilder;

use super::{Arg as _, Db, SqlStore, execute_on, push_ids};
use crate::domain::catalog::{Contract, ContractVersion};
use crate::storage::rows::contracts::{ContractColumns, VersionColumns};
use crate::storage::rows::{decode_all, decode_one, to_json};
use crate::storage::{ContractStore, PageOf, PageRequest, StorageResult};

const INSERT_CONTRACT: &str = "INSERT INTO contracts (id, organisation_id, customer_id, plan_id, currency, status, start_date, end_date, billing_anchor_date, items, checkout_id, version, created_at, updated_at, discount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
const INSERT_VERSION: &str = "INSERT INTO contract_versions (id, contract_id, organisation_id, version, effective_date, plan_id, billing_anchor_date, items, change_summary, checkout_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const CONTRACT: &str = "SELECT id, organisation_id, customer_id, plan_id, currency, status, start_date, end_date, billing_anchor_date, items, checkout_id, version, created_at, updated_at, discount, scheduled FROM contracts WHERE organisation_id = $1 AND id = $2";
/// Newest first, after the cursor `$2` (if any), at most `$3`.
const CONTRACTS: &str = "SELECT id, organisation_id, customer_id, plan_id, currency, status, start_date, end_date, billing_anchor_date, items, checkout_id, version, created_at, updated_at, discount, scheduled FROM contracts WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM contracts c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
/// The versions of the contracts whose ids follow (`IN (…)` is completed at run time).
const VERSIONS_IN: &str = "SELECT contract_id, version, effective_date, plan_id, billing_anchor_date, items, change_summary, checkout_id, created_at FROM contract_versions WHERE contract_id IN ";
/// An amendment: the new terms, if the contract is still at the version the estimate saw.
pub(super) const AMEND_CONTRACT: &str = "UPDATE contracts SET plan_id = $1, items = $2, billing_anchor_date = $3, version = version + 1, updated_at = $4, discount = $8, scheduled = $9 WHERE organisation_id = $5 AND id = $6 AND version = $7";

/// A contract's JSON columns, serialised before its write transaction begins: encoding is
/// CPU work that need not hold SQLite's write lock, which every other write waits for. A
/// version whose lines are the contract's (the first one always) reuses their encoding.
pub(super) struct ContractJson {
    items: String,
    discount: Option<String>,
    /// One per `Contract::versions`, in order.
    versions: Vec<String>,
}

impl ContractJson {
    pub(super) fn of(c: &Contract) -> StorageResult<Self> {
        let items = to_json(&c.items)?;
        let versions = c
            .versions
            .iter()
            .map(|v| {
                if v.items == c.items {
                    Ok(items.clone())
                } else {
                    to_json(&v.items)
                }
            })
            .collect::<StorageResult<_>>()?;
        let discount = c.discount.as_ref().map(to_json).transpose()?;
        Ok(Self {
            items,
            discount,
            versions,
        })
    }
}

/// Inserts version `v` of a contract; `items_json` is `v.items` encoded (`to_json`).
pub(super) async fn insert_version_in<D: Db>(
    conn: &mut D::Connection,
    org: Uuid,
    contract_id: Uuid,
    v: &ContractVersion,
    items_json: &str,
) -> StorageResult<()> {
    let q = sqlx::query(INSERT_VERSION)
        .arg(Uuid::new_v4())
        .arg(contract_id)
        .arg(org)
        .arg(v.version)
        .arg(v.effective_date)
        .arg(v.plan_id)
        .arg(v.billing_anchor_date)
        .arg(items_json)
        .arg(v.change_summary.as_str())
        .arg(v.checkout_id)
        .arg(v.created_at);
    execute_on::<D>(conn, q).await?;
    Ok(())
}

/// The contract with its versions (`c.versions`); `json` is [`ContractJson::of`] `c`.
pub(super) async fn insert_contract_in<D: Db>(
    conn: &mut D::Connection,
    c: &Contract,
    json: &ContractJson,
) -> StorageResult<()> {
    let q = sqlx::query(INSERT_CONTRACT)
        .arg(c.id)
        .arg(c.organisation_id)
        .arg(c.customer_id)
        .arg(c.plan_id)
        .arg(c.currency.code())
        .arg(c.status.as_str())
        .arg(c.start_date)
        .arg(c.end_date)
        .arg(c.billing_anchor_date)
        .arg(json.items.as_str())
        .arg(c.checkout_id)
        .arg(c.version)
        .arg(c.created_at)
        .arg(c.updated_at)
        .arg(json.discount.as_deref());
    execute_on::<D>(conn, q).await?;
    for (v, items) in c.versions.iter().zip(&json.versions) {
        insert_version_in::<D>(conn, c.organisation_id, c.id, v, items).await?;
    }
    Ok(())
}

/// The contract with its versions, read on `conn` (inside a transaction: as it leaves it).
pub(super) async fn contract_in<D: Db>(
    conn: &mut D::Connection,
    org: Uuid,
    id: Uuid,
) -> StorageResult<Option<Contract>> {
    let row = sqlx::query(CONTRACT)
        .arg(org)
        .arg(id)
        .fetch_optional(D::on(conn))
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut contract = decode_one::<ContractColumns, _>(&row)?;
    let mut qb = QueryBuilder::<D>::new(VERSIONS_IN);
    push_ids(&mut qb, [id]);
    qb.push(" ORDER BY version");
    let rows = qb.build().fetch_all(D::on(conn)).await?;
    contract.versions = decode_all::<VersionColumns, _>(&rows)?
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    Ok(Some(contract))
}

impl<D: Db> SqlStore<D> {
    /// Reads the versions of `contracts`, oldest first, into each one's `versions`.
    async fn attach_versions(&self, contracts: &mut [Contract]) -> StorageResult<()> {
        if contracts.is_empty() {
            return Ok(());
        }
        let mut qb = QueryBuilder::<D>::new(VERSIONS_IN);
        push_ids(&mut qb, contracts.iter().map(|c| c.id));
        qb.push(" ORDER BY version");
        let rows = self.fetch_all(qb.build()).await?;
        for (contract_id, v) in decode_all::<VersionColumns, _>(&rows)? {
            if let Some(c) = contracts.iter_mut().find(|c| c.id == contract_id) {
                c.versions.push(v);
            }
        }
        Ok(())
    }
}

#[async_trait]
impl<D: Db> ContractStore for SqlStore<D> {
    async fn insert_contract(&self, c: &Contract) -> StorageResult<()> {
        let json = ContractJson::of(c)?;
        let _writing = self.writing().await;
        let mut tx = self.begin_write().await?;
        insert_contract_in::<D>(&mut tx, c, &json).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn get_contract(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Contract>> {
        let q = sqlx::query(CONTRACT).arg(org).arg(id);
        let Some(contract) = self.fetch_decoded::<ContractColumns>(q).await? else {
            return Ok(None);
        };
        let mut contracts = [contract];
        self.attach_versions(&mut contracts).await?;
        let [c] = contracts;
        Ok(Some(c))
    }

    async fn list_contracts(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<Contract>> {
        let mut page = self
            .fetch_page::<ContractColumns>(CONTRACTS, org, page)
            .await?;
        self.attach_versions(&mut page.data).await?;
        Ok(page)
    }
}
