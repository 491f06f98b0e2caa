//! Confirm's transaction: the redemption of a discount, the claim of the session, and the
//! contract (new, or amended with its phases), with their events.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::catalog::insert_customer_in;
use super::contracts::{
    AMEND_CONTRACT, ContractJson, contract_in, insert_contract_in, insert_version_in,
};
use super::discounts::HAS_CONTRACTS;
use super::events::insert_events_in;
use super::{Arg as _, Db, SqlStore, execute_on};
use crate::domain::catalog::{Contract, ContractPhase, ContractVersion, Customer};
use crate::storage::rows::contracts::ScheduledJson;
use crate::storage::rows::to_json;
use crate::storage::{
    Announce, Change, ConfirmOutcome, ConfirmWrite, Redemption, StorageError, StorageResult,
};

/// A redemption (confirm): counted only while the code is active, unexpired and below its
/// maximum (`$1` now). The row lock it takes orders concurrent confirms of one code.
const REDEEM_CODE: &str = "UPDATE promotion_codes SET times_redeemed = times_redeemed + 1, updated_at = $1 WHERE organisation_id = $2 AND id = $3 AND active = $4 AND (max_redemptions IS NULL OR times_redeemed < max_redemptions) AND (expires_at IS NULL OR expires_at > $1)";
const REDEEM_COUPON: &str = "UPDATE coupons SET times_redeemed = times_redeemed + 1, updated_at = $1 WHERE organisation_id = $2 AND id = $3 AND status = 'active' AND (max_redemptions IS NULL OR times_redeemed < max_redemptions) AND (redeem_by IS NULL OR redeem_by > $1)";

/// Confirm's claim of a new subscription: claim and link the new contract in one statement.
const CLAIM_FOR_CONTRACT: &str = concat!(
    "UPDATE checkouts SET checkout_status = 'contract_created', completed_at = $1, updated_at = $1, contract_id = $2, customer_id = COALESCE(customer_id, $3) WHERE organisation_id = $4 AND id = $5 AND checkout_status = 'open' AND expires_at > $1",
    returning_checkout!()
);
/// Confirm's claim of an amendment (the session already names its contract).
const CLAIM: &str = concat!(
    "UPDATE checkouts SET checkout_status = 'contract_created', completed_at = $1, updated_at = $1 WHERE organisation_id = $2 AND id = $3 AND checkout_status = 'open' AND expires_at > $1",
    returning_checkout!()
);

/// A [`ConfirmWrite`] with everything its transaction binds prepared beforehand: the JSON
/// columns serialised and the amendment's version built. Confirm holds SQLite's write lock
/// (the one writer every other write queues behind) only for the statements themselves.
pub(super) enum PreparedConfirm<'a> {
    NewContract {
        customer: Option<&'a Customer>,
        contract: &'a Contract,
        json: ContractJson,
    },
    Amend {
        contract_id: Uuid,
        expected_version: i64,
        /// The row's terms after the change: the change's, or those kept while it waits.
        row: RowTerms,
        /// The new version's lines.
        items_json: String,
        /// The scheduled phase (JSON), when the change waits.
        scheduled_json: Option<String>,
        version: ContractVersion,
    },
}

/// What an amendment leaves in the contract row, encoded.
pub(super) struct RowTerms {
    plan_id: Uuid,
    billing_anchor_date: NaiveDate,
    items_json: String,
    discount_json: Option<String>,
}

impl<'a> PreparedConfirm<'a> {
    pub(super) fn of(write: &'a ConfirmWrite, id: Uuid, now: DateTime<Utc>) -> StorageResult<Self> {
        Ok(match write {
            ConfirmWrite::NewContract { customer, contract } => PreparedConfirm::NewContract {
                customer: customer.as_deref(),
                contract,
                json: ContractJson::of(contract)?,
            },
            ConfirmWrite::Amend {
                contract_id,
                expected_version,
                plan_id,
                effective_date,
                billing_anchor_date,
                items,
                change_summary,
                discount,
                plan_name,
                kept,
            } => {
                let items_json = to_json(items)?;
                let discount_json = discount.as_deref().map(to_json).transpose()?;
                let (row, scheduled_json) = match kept {
                    None => (
                        RowTerms {
                            plan_id: *plan_id,
                            billing_anchor_date: *billing_anchor_date,
                            items_json: items_json.clone(),
                            discount_json,
                        },
                        None,
                    ),
                    Some(k) => {
                        let scheduled = ScheduledJson {
                            phase: ContractPhase {
                                version: expected_version + 1,
                                start_date: *effective_date,
                                end_date: None,
                                plan_id: *plan_id,
                                plan_name: plan_name.clone(),
                                items: items.clone(),
                                billing_anchor_date: *billing_anchor_date,
                                discount: discount.as_deref().cloned(),
                                checkout_id: Some(id),
                            },
                            after_version: k.version,
                        };
                        (
                            RowTerms {
                                plan_id: k.plan_id,
                                billing_anchor_date: k.billing_anchor_date,
                                items_json: to_json(&k.items)?,
                                discount_json: k.discount.as_ref().map(to_json).transpose()?,
                            },
                            Some(to_json(&scheduled)?),
                        )
                    }
                };
                PreparedConfirm::Amend {
                    contract_id: *contract_id,
                    expected_version: *expected_version,
                    row,
                    items_json,
                    scheduled_json,
                    version: ContractVersion {
                        version: expected_version + 1,
                        effective_date: *effective_date,
                        plan_id: *plan_id,
                        billing_anchor_date: *billing_anchor_date,
                        items: items.clone(),
                        change_summary: change_summary.clone(),
                        checkout_id: Some(id),
                        created_at: now,
                    },
                }
            }
        })
    }
}

impl<D: Db> SqlStore<D> {
    /// Counts a redemption inside confirm's transaction; false when the discount can no
    /// longer be redeemed (the caller rolls back).
    pub(super) async fn redeem_in(
        &self,
        tx: &mut D::Connection,
        org: Uuid,
        r: &Redemption,
        now: DateTime<Utc>,
    ) -> StorageResult<bool> {
        if let Some(code) = r.promotion_code_id {
            let q = sqlx::query(REDEEM_CODE)
                .arg(now)
                .arg(org)
                .arg(code)
                .arg(true);
            if execute_on::<D>(tx, q).await? != 1 {
                return Ok(false);
            }
        }
        let q = sqlx::query(REDEEM_COUPON)
            .arg(now)
            .arg(org)
            .arg(r.coupon_id);
        if execute_on::<D>(tx, q).await? != 1 {
            return Ok(false);
        }
        if let Some(customer) = r.first_time_customer {
            let row = sqlx::query(HAS_CONTRACTS)
                .arg(org)
                .arg(customer)
                .fetch_one(D::on(tx))
                .await?;
            let n: i64 = crate::storage::rows::column(&row, "n")?;
            if n > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Confirm's writes, inside `tx`, with their events; the outcome says whether to commit.
    pub(super) async fn confirm_in(
        &self,
        tx: &mut D::Connection,
        org: Uuid,
        id: Uuid,
        write: &PreparedConfirm<'_>,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<ConfirmOutcome> {
        match write {
            PreparedConfirm::NewContract {
                customer,
                contract,
                json,
            } => {
                // Contract first (the session row points at it), then claim and link in one
                // statement.
                if let Some(c) = customer {
                    insert_customer_in::<D>(tx, c).await?;
                }
                insert_contract_in::<D>(tx, contract, json).await?;
                let q = sqlx::query(CLAIM_FOR_CONTRACT)
                    .arg(now)
                    .arg(contract.id)
                    .arg(contract.customer_id)
                    .arg(org)
                    .arg(id);
                let Some(checkout) = self.returned(tx, q).await? else {
                    return Ok(ConfirmOutcome::NotOpen);
                };
                let events = announce.events(Change::Confirmed {
                    checkout: &checkout,
                    contract,
                    created: true,
                })?;
                insert_events_in::<D>(tx, &events).await?;
                Ok(ConfirmOutcome::Confirmed {
                    contract_id: contract.id,
                })
            }
            PreparedConfirm::Amend {
                contract_id,
                expected_version,
                row,
                items_json,
                scheduled_json,
                version,
            } => {
                // Claim first, so that a second confirm of this same session reports "not
                // open" rather than "contract changed".
                let q = sqlx::query(CLAIM).arg(now).arg(org).arg(id);
                let Some(checkout) = self.returned(tx, q).await? else {
                    return Ok(ConfirmOutcome::NotOpen);
                };
                let q = sqlx::query(AMEND_CONTRACT)
                    .arg(row.plan_id)
                    .arg(row.items_json.as_str())
                    .arg(row.billing_anchor_date)
                    .arg(now)
                    .arg(org)
                    .arg(*contract_id)
                    .arg(*expected_version)
                    .arg(row.discount_json.as_deref())
                    .arg(scheduled_json.as_deref());
                if execute_on::<D>(tx, q).await? != 1 {
                    return Ok(ConfirmOutcome::ContractChanged);
                }
                insert_version_in::<D>(tx, org, *contract_id, version, items_json).await?;
                let contract = contract_in::<D>(tx, org, *contract_id)
                    .await?
                    .ok_or_else(|| StorageError::Corrupt("the amended contract is gone".into()))?;
                let events = announce.events(Change::Confirmed {
                    checkout: &checkout,
                    contract: &contract,
                    created: false,
                })?;
                insert_events_in::<D>(tx, &events).await?;
                Ok(ConfirmOutcome::Confirmed {
                    contract_id: *contract_id,
                })
            }
        }
    }
}
