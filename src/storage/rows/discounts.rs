//! Rows of `coupons` and `promotion_codes`.

use uuid::Uuid;

use super::{Columns, Find, ReadsAll, corrupt, json, opt_json};
use crate::domain::discount::{Coupon, CouponStatus, PromotionCode};
use crate::storage::StorageResult;

/// Where a `coupons` row's columns are.
pub(crate) struct CouponColumns {
    id: usize,
    organisation_id: usize,
    name: usize,
    value: usize,
    duration: usize,
    max_redemptions: usize,
    redeem_by: usize,
    applies_to: usize,
    times_redeemed: usize,
    status: usize,
    metadata: usize,
    created_at: usize,
    updated_at: usize,
}

impl Columns for CouponColumns {
    type Item = Coupon;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            name: f.at("name")?,
            value: f.at("value")?,
            duration: f.at("duration")?,
            max_redemptions: f.at("max_redemptions")?,
            redeem_by: f.at("redeem_by")?,
            applies_to: f.at("applies_to")?,
            times_redeemed: f.at("times_redeemed")?,
            status: f.at("status")?,
            metadata: f.at("metadata")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Coupon> {
        let status: &str = r.get(self.status)?;
        Ok(Coupon {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            name: r.get(self.name)?,
            value: json(r.get(self.value)?)?,
            duration: json(r.get(self.duration)?)?,
            max_redemptions: r.get(self.max_redemptions)?,
            redeem_by: r.get(self.redeem_by)?,
            applies_to: opt_json::<Vec<Uuid>>(r.get(self.applies_to)?)?,
            times_redeemed: r.get(self.times_redeemed)?,
            status: CouponStatus::parse(status).ok_or_else(|| corrupt("coupon status", status))?,
            metadata: json(r.get(self.metadata)?)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        })
    }
}

/// Where a `promotion_codes` row's columns are.
pub(crate) struct PromotionCodeColumns {
    id: usize,
    organisation_id: usize,
    coupon_id: usize,
    code: usize,
    active: usize,
    max_redemptions: usize,
    expires_at: usize,
    restrictions: usize,
    times_redeemed: usize,
    metadata: usize,
    created_at: usize,
    updated_at: usize,
}

impl Columns for PromotionCodeColumns {
    type Item = PromotionCode;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            coupon_id: f.at("coupon_id")?,
            code: f.at("code")?,
            active: f.at("active")?,
            max_redemptions: f.at("max_redemptions")?,
            expires_at: f.at("expires_at")?,
            restrictions: f.at("restrictions")?,
            times_redeemed: f.at("times_redeemed")?,
            metadata: f.at("metadata")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<PromotionCode> {
        Ok(PromotionCode {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            coupon_id: r.get(self.coupon_id)?,
            code: r.get(self.code)?,
            active: r.get(self.active)?,
            max_redemptions: r.get(self.max_redemptions)?,
            expires_at: r.get(self.expires_at)?,
            restrictions: json(r.get(self.restrictions)?)?,
            times_redeemed: r.get(self.times_redeemed)?,
            metadata: json(r.get(self.metadata)?)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        })
    }
}
