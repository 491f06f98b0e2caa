//! Coupons and promotion codes (SPEC §10): shapes and handlers.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dto::ListResponse;
use super::extract::{Body, Caller, idempotent, json_response, path_id, query, stored};
use crate::domain::discount::{Coupon, DiscountValue, PromotionCode};
use crate::error::AppError;
use crate::services::discounts::{self, CouponInput, PromotionCodeInput, Valid};
use crate::services::{Ctx, ListParams};

type Res = Result<HttpResponse, AppError>;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppliesTo {
    pub product_ids: Vec<Uuid>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCoupon {
    pub name: Option<String>,
    /// 0 < p ≤ 100, at most two decimals. Exactly one of `percent_off` and `amount_off`.
    pub percent_off: Option<Decimal>,
    /// Off each invoice the coupon applies to, with `currency`.
    pub amount_off: Option<Decimal>,
    pub currency: Option<String>,
    /// `once`, `repeating` (with `duration_in_periods`) or `forever`.
    pub duration: Option<String>,
    /// How many billing periods a `repeating` coupon lasts.
    pub duration_in_periods: Option<u32>,
    pub max_redemptions: Option<i64>,
    pub redeem_by: Option<DateTime<Utc>>,
    /// The products it applies to; absent: every product.
    pub applies_to: Option<AppliesTo>,
    pub metadata: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AppliesToJson {
    pub product_ids: Vec<Uuid>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CouponJson {
    pub id: Uuid,
    pub name: String,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub percent_off: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub amount_off: Option<Decimal>,
    pub currency: Option<String>,
    pub duration: String,
    pub duration_in_periods: Option<u32>,
    pub max_redemptions: Option<i64>,
    pub redeem_by: Option<DateTime<Utc>>,
    pub applies_to: Option<AppliesToJson>,
    pub times_redeemed: i64,
    /// Whether it can be redeemed now (active, before `redeem_by`, redemptions left).
    pub valid: bool,
    /// `active` or `archived`.
    pub status: String,
    pub metadata: BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Valid<Coupon>> for CouponJson {
    fn from(v: Valid<Coupon>) -> Self {
        let c = v.item;
        let (percent_off, amount_off, currency) = match c.value {
            DiscountValue::PercentOff { percent } => (Some(percent), None, None),
            DiscountValue::AmountOff { amount, currency } => {
                (None, Some(amount), Some(currency.code().to_owned()))
            }
        };
        CouponJson {
            id: c.id,
            name: c.name,
            percent_off,
            amount_off,
            currency,
            duration: c.duration.as_str().to_owned(),
            duration_in_periods: match c.duration {
                crate::domain::discount::DiscountDuration::Repeating(n) => Some(n),
                _ => None,
            },
            max_redemptions: c.max_redemptions,
            redeem_by: c.redeem_by,
            applies_to: c
                .applies_to
                .map(|product_ids| AppliesToJson { product_ids }),
            times_redeemed: c.times_redeemed,
            valid: v.valid,
            status: c.status.as_str().to_owned(),
            metadata: c.metadata,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, Serialize, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RestrictionsJson {
    /// Only for a customer without any contract yet (a guest always qualifies).
    #[serde(default)]
    pub first_time_transaction: Option<bool>,
    /// The first invoice's subtotal before the discount must be at least this.
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub minimum_amount: Option<Decimal>,
    #[serde(default)]
    pub minimum_amount_currency: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPromotionCode {
    pub coupon_id: Option<Uuid>,
    /// 3–40 of `A-Z a-z 0-9 _ -`, unique among the organisation's active codes in any case.
    pub code: Option<String>,
    pub active: Option<bool>,
    pub max_redemptions: Option<i64>,
    pub expires_at: Option<DateTime<Utc>>,
    pub restrictions: Option<RestrictionsJson>,
    pub metadata: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PromotionCodeChange {
    pub active: Option<bool>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PromotionCodeJson {
    pub id: Uuid,
    pub coupon_id: Uuid,
    pub code: String,
    pub active: bool,
    pub max_redemptions: Option<i64>,
    pub expires_at: Option<DateTime<Utc>>,
    pub restrictions: RestrictionsJson,
    pub times_redeemed: i64,
    /// Whether it can be typed now (active, not expired, redemptions left).
    pub valid: bool,
    pub metadata: BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Valid<PromotionCode>> for PromotionCodeJson {
    fn from(v: Valid<PromotionCode>) -> Self {
        let p = v.item;
        PromotionCodeJson {
            id: p.id,
            coupon_id: p.coupon_id,
            code: p.code,
            active: p.active,
            max_redemptions: p.max_redemptions,
            expires_at: p.expires_at,
            restrictions: RestrictionsJson {
                first_time_transaction: Some(p.restrictions.first_time_transaction),
                minimum_amount: p.restrictions.minimum_amount,
                minimum_amount_currency: p
                    .restrictions
                    .minimum_amount_currency
                    .map(|c| c.code().to_owned()),
            },
            times_redeemed: p.times_redeemed,
            valid: v.valid,
            metadata: p.metadata,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

pub async fn create_coupon(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
) -> Res {
    let b: NewCoupon = body.json()?;
    let input = CouponInput {
        name: b.name,
        percent_off: b.percent_off,
        amount_off: b.amount_off,
        currency: b.currency,
        duration: b.duration,
        duration_in_periods: b.duration_in_periods,
        max_redemptions: b.max_redemptions,
        redeem_by: b.redeem_by,
        applies_to: b.applies_to.map(|a| a.product_ids),
        metadata: b.metadata,
    };
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let c = discounts::create_coupon(&ctx, caller.org, input).await?;
        stored(StatusCode::CREATED, &CouponJson::from(c))
    })
    .await
}

pub async fn get_coupon(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let id = path_id(&id, "coupon")?;
    let c = discounts::get_coupon(&ctx, caller.org, id).await?;
    json_response(StatusCode::OK, &CouponJson::from(c))
}

pub async fn list_coupons(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let page = query::<ListParams>(&req)?.page()?;
    let list = discounts::list_coupons(&ctx, caller.org, page).await?;
    json_response(StatusCode::OK, &ListResponse::of(list, CouponJson::from))
}

pub async fn archive_coupon(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "coupon")?;
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let c = discounts::archive_coupon(&ctx, caller.org, id).await?;
        stored(StatusCode::OK, &CouponJson::from(c))
    })
    .await
}

pub async fn create_promotion_code(
    ctx: web::Data<Ctx>,
    caller: Caller,
    req: HttpRequest,
    body: Body,
) -> Res {
    let b: NewPromotionCode = body.json()?;
    let r = b.restrictions.unwrap_or_default();
    let input = PromotionCodeInput {
        coupon_id: b.coupon_id,
        code: b.code,
        active: b.active,
        max_redemptions: b.max_redemptions,
        expires_at: b.expires_at,
        first_time_transaction: r.first_time_transaction,
        minimum_amount: r.minimum_amount,
        minimum_amount_currency: r.minimum_amount_currency,
        metadata: b.metadata,
    };
    idempotent(&ctx, &caller, &req, &body, None, || async {
        let p = discounts::create_promotion_code(&ctx, caller.org, input).await?;
        stored(StatusCode::CREATED, &PromotionCodeJson::from(p))
    })
    .await
}

pub async fn get_promotion_code(ctx: web::Data<Ctx>, caller: Caller, id: web::Path<String>) -> Res {
    let id = path_id(&id, "promotion code")?;
    let p = discounts::get_promotion_code(&ctx, caller.org, id).await?;
    json_response(StatusCode::OK, &PromotionCodeJson::from(p))
}

pub async fn list_promotion_codes(ctx: web::Data<Ctx>, caller: Caller, req: HttpRequest) -> Res {
    let page = query::<ListParams>(&req)?.page()?;
    let list = discounts::list_promotion_codes(&ctx, caller.org, page).await?;
    json_response(
        StatusCode::OK,
        &ListResponse::of(list, PromotionCodeJson::from),
    )
}

pub async fn patch_promotion_code(
    ctx: web::Data<Ctx>,
    caller: Caller,
    id: web::Path<String>,
    body: Body,
) -> Res {
    let id = path_id(&id, "promotion code")?;
    let b: PromotionCodeChange = body.json()?;
    let p = discounts::set_promotion_code_active(&ctx, caller.org, id, b.active).await?;
    json_response(StatusCode::OK, &PromotionCodeJson::from(p))
}
