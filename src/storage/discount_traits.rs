//! The store of coupons and promotion codes (SPEC §10).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{PageOf, PageRequest, StorageResult};
use crate::domain::discount::{Coupon, PromotionCode};

/// What became of a write of a promotion code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeWrite {
    Written,
    /// Another active code of the organisation has the same text (in any case).
    CodeTaken,
    NotFound,
}

#[async_trait]
pub trait DiscountStore {
    async fn insert_coupon(&self, c: &Coupon) -> StorageResult<()>;
    async fn get_coupon(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Coupon>>;
    async fn list_coupons(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Coupon>>;
    /// Archives the coupon; returns it as it now is, or `None` if it does not exist.
    async fn archive_coupon(
        &self,
        org: Uuid,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> StorageResult<Option<Coupon>>;
    async fn insert_promotion_code(&self, p: &PromotionCode) -> StorageResult<CodeWrite>;
    async fn get_promotion_code(&self, org: Uuid, id: Uuid)
    -> StorageResult<Option<PromotionCode>>;
    /// The active code typed (in any case), else the newest inactive one with that text.
    async fn find_promotion_code(
        &self,
        org: Uuid,
        code: &str,
    ) -> StorageResult<Option<PromotionCode>>;
    async fn list_promotion_codes(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<PromotionCode>>;
    async fn set_promotion_code_active(
        &self,
        org: Uuid,
        id: Uuid,
        active: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<CodeWrite>;
    /// Whether the customer has any contract yet (`first_time_transaction`).
    async fn customer_has_contracts(&self, org: Uuid, customer: Uuid) -> StorageResult<bool>;
}
