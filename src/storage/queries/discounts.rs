//! Coupons and promotion codes (SPEC §10). Redemptions are counted by confirm, in its own
//! transaction (`queries::checkouts`, `REDEEM_*`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Arg as _, Db, SqlStore};
use crate::domain::discount::{Coupon, CouponStatus, PromotionCode};
use crate::storage::rows::discounts::{CouponColumns, PromotionCodeColumns};
use crate::storage::rows::to_json;
use crate::storage::{CodeWrite, DiscountStore, PageOf, PageRequest, StorageError, StorageResult};

const INSERT_COUPON: &str = "INSERT INTO coupons (id, organisation_id, name, value, duration, max_redemptions, redeem_by, applies_to, times_redeemed, status, metadata, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
const COUPON: &str = "SELECT id, organisation_id, name, value, duration, max_redemptions, redeem_by, applies_to, times_redeemed, status, metadata, created_at, updated_at FROM coupons WHERE organisation_id = $1 AND id = $2";
const COUPONS: &str = "SELECT id, organisation_id, name, value, duration, max_redemptions, redeem_by, applies_to, times_redeemed, status, metadata, created_at, updated_at FROM coupons WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM coupons c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
const ARCHIVE_COUPON: &str = "UPDATE coupons SET status = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND status <> $1";

const INSERT_CODE: &str = "INSERT INTO promotion_codes (id, organisation_id, coupon_id, code, code_key, active, max_redemptions, expires_at, restrictions, times_redeemed, metadata, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
const CODE: &str = "SELECT id, organisation_id, coupon_id, code, active, max_redemptions, expires_at, restrictions, times_redeemed, metadata, created_at, updated_at FROM promotion_codes WHERE organisation_id = $1 AND id = $2";
/// The active code typed, in any case.
const ACTIVE_CODE: &str = "SELECT id, organisation_id, coupon_id, code, active, max_redemptions, expires_at, restrictions, times_redeemed, metadata, created_at, updated_at FROM promotion_codes WHERE organisation_id = $1 AND code_key = $2 AND active = $3";
/// The newest code with that text, active or not (to say "no longer active").
const ANY_CODE: &str = "SELECT id, organisation_id, coupon_id, code, active, max_redemptions, expires_at, restrictions, times_redeemed, metadata, created_at, updated_at FROM promotion_codes WHERE organisation_id = $1 AND code_key = $2 ORDER BY created_at DESC, id DESC LIMIT 1";
const CODES: &str = "SELECT id, organisation_id, coupon_id, code, active, max_redemptions, expires_at, restrictions, times_redeemed, metadata, created_at, updated_at FROM promotion_codes WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM promotion_codes c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
const SET_CODE_ACTIVE: &str = "UPDATE promotion_codes SET active = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4";
/// Whether a customer has a contract (`first_time_transaction`); confirm reads it after the
/// code's row lock, so that it sees the contract of a confirm that redeemed the code before.
pub(super) const HAS_CONTRACTS: &str = "SELECT COUNT(*) AS n FROM (SELECT 1 FROM contracts WHERE organisation_id = $1 AND customer_id = $2 LIMIT 1) AS c";

/// Whether `e` is a unique index refusing a row: here, an active code that exists already.
pub(super) fn is_unique_violation(e: &StorageError) -> bool {
    matches!(e, StorageError::Other(e) if e
        .downcast_ref::<sqlx::Error>()
        .and_then(|e| e.as_database_error())
        .is_some_and(|db| db.is_unique_violation()))
}

#[async_trait]
impl<D: Db> DiscountStore for SqlStore<D> {
    async fn insert_coupon(&self, c: &Coupon) -> StorageResult<()> {
        let _writing = self.writing().await;
        let value = to_json(&c.value)?;
        let duration = to_json(&c.duration)?;
        let applies_to = c.applies_to.as_ref().map(to_json).transpose()?;
        let metadata = to_json(&c.metadata)?;
        let q = sqlx::query(INSERT_COUPON)
            .arg(c.id)
            .arg(c.organisation_id)
            .arg(c.name.as_str())
            .arg(value.as_str())
            .arg(duration.as_str())
            .arg(c.max_redemptions)
            .arg(c.redeem_by)
            .arg(applies_to.as_deref())
            .arg(c.times_redeemed)
            .arg(c.status.as_str())
            .arg(metadata.as_str())
            .arg(c.created_at)
            .arg(c.updated_at);
        self.execute(q).await?;
        Ok(())
    }

    async fn get_coupon(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Coupon>> {
        let q = sqlx::query(COUPON).arg(org).arg(id);
        self.fetch_decoded::<CouponColumns>(q).await
    }

    async fn list_coupons(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Coupon>> {
        self.fetch_page::<CouponColumns>(COUPONS, org, page).await
    }

    async fn archive_coupon(
        &self,
        org: Uuid,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> StorageResult<Option<Coupon>> {
        {
            let _writing = self.writing().await;
            let q = sqlx::query(ARCHIVE_COUPON)
                .arg(CouponStatus::Archived.as_str())
                .arg(at)
                .arg(org)
                .arg(id);
            self.execute(q).await?;
        }
        self.get_coupon(org, id).await
    }

    async fn insert_promotion_code(&self, p: &PromotionCode) -> StorageResult<CodeWrite> {
        let _writing = self.writing().await;
        let restrictions = to_json(&p.restrictions)?;
        let metadata = to_json(&p.metadata)?;
        let key = PromotionCode::key(&p.code);
        let q = sqlx::query(INSERT_CODE)
            .arg(p.id)
            .arg(p.organisation_id)
            .arg(p.coupon_id)
            .arg(p.code.as_str())
            .arg(key.as_str())
            .arg(p.active)
            .arg(p.max_redemptions)
            .arg(p.expires_at)
            .arg(restrictions.as_str())
            .arg(p.times_redeemed)
            .arg(metadata.as_str())
            .arg(p.created_at)
            .arg(p.updated_at);
        match self.execute(q).await {
            Ok(_) => Ok(CodeWrite::Written),
            Err(e) if is_unique_violation(&e) => Ok(CodeWrite::CodeTaken),
            Err(e) => Err(e),
        }
    }

    async fn get_promotion_code(
        &self,
        org: Uuid,
        id: Uuid,
    ) -> StorageResult<Option<PromotionCode>> {
        let q = sqlx::query(CODE).arg(org).arg(id);
        self.fetch_decoded::<PromotionCodeColumns>(q).await
    }

    async fn find_promotion_code(
        &self,
        org: Uuid,
        code: &str,
    ) -> StorageResult<Option<PromotionCode>> {
        let key = PromotionCode::key(code);
        let q = sqlx::query(ACTIVE_CODE)
            .arg(org)
            .arg(key.as_str())
            .arg(true);
        if let Some(active) = self.fetch_decoded::<PromotionCodeColumns>(q).await? {
            return Ok(Some(active));
        }
        let q = sqlx::query(ANY_CODE).arg(org).arg(key.as_str());
        self.fetch_decoded::<PromotionCodeColumns>(q).await
    }

    async fn list_promotion_codes(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<PromotionCode>> {
        self.fetch_page::<PromotionCodeColumns>(CODES, org, page)
            .await
    }

    async fn set_promotion_code_active(
        &self,
        org: Uuid,
        id: Uuid,
        active: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<CodeWrite> {
        let _writing = self.writing().await;
        let q = sqlx::query(SET_CODE_ACTIVE)
            .arg(active)
            .arg(at)
            .arg(org)
            .arg(id);
        match self.execute(q).await {
            Ok(0) => Ok(CodeWrite::NotFound),
            Ok(_) => Ok(CodeWrite::Written),
            Err(e) if is_unique_violation(&e) => Ok(CodeWrite::CodeTaken),
            Err(e) => Err(e),
        }
    }

    async fn customer_has_contracts(&self, org: Uuid, customer: Uuid) -> StorageResult<bool> {
        let q = sqlx::query(HAS_CONTRACTS).arg(org).arg(customer);
        let row = self.fetch_optional(q).await?;
        let n: i64 = match &row {
            Some(r) => crate::storage::rows::column(r, "n")?,
            None => 0,
        };
        Ok(n > 0)
    }
}
