//! Rows of `contracts` and `contract_versions`.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{Columns, Find, ReadsAll, corrupt, json, opt_json};
use crate::domain::catalog::{Contract, ContractPhase, ContractStatus, ContractVersion};
use crate::domain::money::Currency;
use crate::storage::{StorageError, StorageResult};

/// A `contracts` row.
pub(crate) struct ContractRow<'r> {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub customer_id: Uuid,
    pub plan_id: Uuid,
    pub currency: &'r str,
    pub status: &'r str,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub billing_anchor_date: NaiveDate,
    /// JSON.
    pub items: &'r str,
    pub checkout_id: Option<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// JSON `AppliedDiscount`; `NULL`: none.
    pub discount: Option<&'r str>,
    /// JSON [`ScheduledJson`]; `NULL`: nothing scheduled.
    pub scheduled: Option<&'r str>,
}

/// The `scheduled` column: the phase and the version of the terms in force before it.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct ScheduledJson {
    #[serde(flatten)]
    pub phase: ContractPhase,
    pub after_version: i64,
}

/// The contract without its version history (`versions` is empty; see `attach_versions`).
impl TryFrom<ContractRow<'_>> for Contract {
    type Error = StorageError;

    fn try_from(r: ContractRow<'_>) -> StorageResult<Self> {
        let scheduled: Option<ScheduledJson> = opt_json(r.scheduled)?;
        Ok(Contract {
            id: r.id,
            organisation_id: r.organisation_id,
            customer_id: r.customer_id,
            plan_id: r.plan_id,
            currency: Currency::parse(r.currency).map_err(|_| corrupt("currency", r.currency))?,
            status: ContractStatus::parse(r.status)
                .ok_or_else(|| corrupt("contract status", r.status))?,
            start_date: r.start_date,
            end_date: r.end_date,
            billing_anchor_date: r.billing_anchor_date,
            items: json(r.items)?,
            versions: Vec::new(),
            checkout_id: r.checkout_id,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
            discount: opt_json(r.discount)?,
            current_version: scheduled.as_ref().map_or(r.version, |s| s.after_version),
            scheduled: scheduled.map(|s| s.phase),
            phases: Vec::new(),
        })
    }
}

/// Where [`ContractRow`]'s columns are.
pub(crate) struct ContractColumns {
    pub(crate) id: usize,
    organisation_id: usize,
    customer_id: usize,
    plan_id: usize,
    currency: usize,
    status: usize,
    start_date: usize,
    end_date: usize,
    billing_anchor_date: usize,
    items: usize,
    checkout_id: usize,
    version: usize,
    created_at: usize,
    updated_at: usize,
    discount: usize,
    scheduled: usize,
}

impl Columns for ContractColumns {
    type Item = Contract;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            customer_id: f.at("customer_id")?,
            plan_id: f.at("plan_id")?,
            currency: f.at("currency")?,
            status: f.at("status")?,
            start_date: f.at("start_date")?,
            end_date: f.at("end_date")?,
            billing_anchor_date: f.at("billing_anchor_date")?,
            items: f.at("items")?,
            checkout_id: f.at("checkout_id")?,
            version: f.at("version")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
            discount: f.at("discount")?,
            scheduled: f.at("scheduled")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Contract> {
        ContractRow {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            customer_id: r.get(self.customer_id)?,
            plan_id: r.get(self.plan_id)?,
            currency: r.get(self.currency)?,
            status: r.get(self.status)?,
            start_date: r.get(self.start_date)?,
            end_date: r.get(self.end_date)?,
            billing_anchor_date: r.get(self.billing_anchor_date)?,
            items: r.get(self.items)?,
            checkout_id: r.get(self.checkout_id)?,
            version: r.get(self.version)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
            discount: r.get(self.discount)?,
            scheduled: r.get(self.scheduled)?,
        }
        .try_into()
    }
}

/// Where a `contract_versions` row's columns are; it decodes to the version with the id of
/// its contract.
pub(crate) struct VersionColumns {
    contract_id: usize,
    version: usize,
    effective_date: usize,
    plan_id: usize,
    billing_anchor_date: usize,
    items: usize,
    change_summary: usize,
    checkout_id: usize,
    created_at: usize,
}

impl Columns for VersionColumns {
    type Item = (Uuid, ContractVersion);

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            contract_id: f.at("contract_id")?,
            version: f.at("version")?,
            effective_date: f.at("effective_date")?,
            plan_id: f.at("plan_id")?,
            billing_anchor_date: f.at("billing_anchor_date")?,
            items: f.at("items")?,
            change_summary: f.at("change_summary")?,
            checkout_id: f.at("checkout_id")?,
            created_at: f.at("created_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<(Uuid, ContractVersion)> {
        let version = ContractVersion {
            version: r.get(self.version)?,
            effective_date: r.get(self.effective_date)?,
            plan_id: r.get(self.plan_id)?,
            billing_anchor_date: r.get(self.billing_anchor_date)?,
            items: json(r.get(self.items)?)?,
            change_summary: r.get(self.change_summary)?,
            checkout_id: r.get(self.checkout_id)?,
            created_at: r.get(self.created_at)?,
        };
        Ok((r.get(self.contract_id)?, version))
    }
}
