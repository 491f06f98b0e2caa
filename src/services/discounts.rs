//! Coupons and promotion codes (SPEC §10): create, read, archive / (de)activate. Which code a
//! session may use is decided when it is priced (`checkouts::pricing`); redemptions are
//! counted by confirm.

use std::collections::BTreeMap;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::checkouts::fields::check_metadata;
use super::{Ctx, Errors};
use crate::domain::discount::{
    Coupon, CouponStatus, DiscountDuration, DiscountValue, PromotionCode, Restrictions,
};
use crate::domain::money::Currency;
use crate::domain::validation::FieldError;
use crate::storage::{CodeWrite, PageOf, PageRequest};

#[derive(Debug, thiserror::Error)]
pub enum DiscountError {
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("invalid {0:?}")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// An object with whether it can be redeemed now (`valid` in the API).
#[derive(Debug, Clone)]
pub struct Valid<T> {
    pub item: T,
    pub valid: bool,
}

const MAX_NAME: usize = 200;
const MAX_APPLIES_TO: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct CouponInput {
    pub name: Option<String>,
    pub percent_off: Option<Decimal>,
    pub amount_off: Option<Decimal>,
    pub currency: Option<String>,
    pub duration: Option<String>,
    pub duration_in_periods: Option<u32>,
    pub max_redemptions: Option<i64>,
    pub redeem_by: Option<DateTime<Utc>>,
    pub applies_to: Option<Vec<Uuid>>,
    pub metadata: Option<BTreeMap<String, String>>,
}

fn value(errors: &mut Errors, input: &CouponInput) -> Option<DiscountValue> {
    match (input.percent_off, input.amount_off) {
        (Some(_), Some(_)) => {
            errors.add("percent_off", "give percent_off or amount_off, not both");
            None
        }
        (None, None) => {
            errors.add("percent_off", "give percent_off or amount_off");
            None
        }
        (Some(p), None) => {
            if input.currency.is_some() {
                errors.add("currency", "is only for amount_off");
            }
            if DiscountValue::percent_valid(p) {
                Some(DiscountValue::PercentOff { percent: p })
            } else {
                errors.add(
                    "percent_off",
                    "must be above 0 and at most 100, with at most two decimals",
                );
                None
            }
        }
        (None, Some(amount)) => {
            let currency = match input.currency.as_deref().map(Currency::parse) {
                None => {
                    errors.add("currency", "is required with amount_off");
                    None
                }
                Some(Err(_)) => {
                    errors.add(
                        "currency",
                        "must be an ISO 4217 currency code in upper case, like USD",
                    );
                    None
                }
                Some(Ok(c)) => Some(c),
            };
            let currency = currency?;
            if amount <= Decimal::ZERO
                || amount.normalize().scale() > currency.minor_units()
                || amount > Decimal::from(1_000_000_000_000i64)
            {
                errors.add(
                    "amount_off",
                    format!(
                        "must be above 0, at most 1,000,000,000,000, in whole {} minor units",
                        currency.code()
                    ),
                );
                return None;
            }
            Some(DiscountValue::AmountOff {
                amount: currency.round(amount),
                currency,
            })
        }
    }
}

fn duration(errors: &mut Errors, input: &CouponInput) -> Option<DiscountDuration> {
    let periods = input.duration_in_periods;
    let d = match input.duration.as_deref() {
        None => {
            errors.add("duration", "is required");
            return None;
        }
        Some("once") => DiscountDuration::Once,
        Some("forever") => DiscountDuration::Forever,
        Some("repeating") => match periods {
            Some(n) if (1..=DiscountDuration::MAX_PERIODS).contains(&n) => {
                return Some(DiscountDuration::Repeating(n));
            }
            Some(_) => {
                errors.add(
                    "duration_in_periods",
                    format!("must be 1 to {}", DiscountDuration::MAX_PERIODS),
                );
                return None;
            }
            None => {
                errors.add("duration_in_periods", "is required for a repeating coupon");
                return None;
            }
        },
        Some(_) => {
            errors.add("duration", "must be once, repeating or forever");
            return None;
        }
    };
    if periods.is_some() {
        errors.add("duration_in_periods", "is only for a repeating coupon");
    }
    Some(d)
}

fn check_max_redemptions(errors: &mut Errors, max: Option<i64>) {
    if max.is_some_and(|m| !(1..=1_000_000_000).contains(&m)) {
        errors.add("max_redemptions", "must be 1 to 1,000,000,000");
    }
}

pub async fn create_coupon(
    ctx: &Ctx,
    org: Uuid,
    input: CouponInput,
) -> Result<Valid<Coupon>, DiscountError> {
    let now = ctx.clock.now();
    let mut errors = Errors::default();
    let name = match input.name.as_deref().map(str::trim) {
        Some(n) if !n.is_empty() && n.chars().count() <= MAX_NAME => n.to_owned(),
        Some(n) if !n.is_empty() => {
            errors.add("name", format!("must be at most {MAX_NAME} characters"));
            String::new()
        }
        _ => {
            errors.add("name", "is required");
            String::new()
        }
    };
    let value = value(&mut errors, &input);
    let duration = duration(&mut errors, &input);
    check_max_redemptions(&mut errors, input.max_redemptions);
    if input.redeem_by.is_some_and(|by| by <= now) {
        errors.add("redeem_by", "must be in the future");
    }
    if let Some(ids) = &input.applies_to {
        if ids.is_empty() || ids.len() > MAX_APPLIES_TO {
            errors.add(
                "applies_to.product_ids",
                format!("must name 1 to {MAX_APPLIES_TO} products"),
            );
        } else {
            let known = ctx
                .store
                .get_products(org, ids)
                .await
                .context("reading the coupon's products")?;
            for (n, id) in ids.iter().enumerate() {
                if !known.iter().any(|p| p.id == *id) {
                    errors.add(format!("applies_to.product_ids[{n}]"), "no such product");
                }
            }
        }
    }
    let metadata = input.metadata.unwrap_or_default();
    check_metadata(&mut errors, &metadata);
    errors.finish().map_err(DiscountError::Invalid)?;
    let (Some(value), Some(duration)) = (value, duration) else {
        return Err(DiscountError::Invalid(vec![FieldError::new(
            "duration",
            "is required",
        )]));
    };
    let coupon = Coupon {
        id: Uuid::now_v7(),
        organisation_id: org,
        name,
        value,
        duration,
        max_redemptions: input.max_redemptions,
        redeem_by: input.redeem_by,
        applies_to: input.applies_to,
        times_redeemed: 0,
        status: CouponStatus::Active,
        metadata,
        created_at: now,
        updated_at: now,
    };
    ctx.store
        .insert_coupon(&coupon)
        .await
        .context("storing the coupon")?;
    Ok(valid_coupon(coupon, now))
}

fn valid_coupon(c: Coupon, now: DateTime<Utc>) -> Valid<Coupon> {
    Valid {
        valid: c.valid_at(now),
        item: c,
    }
}

pub async fn get_coupon(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Valid<Coupon>, DiscountError> {
    let c = ctx
        .store
        .get_coupon(org, id)
        .await
        .context("reading the coupon")?
        .ok_or(DiscountError::NotFound("coupon"))?;
    Ok(valid_coupon(c, ctx.clock.now()))
}

pub async fn list_coupons(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<Valid<Coupon>>, DiscountError> {
    let now = ctx.clock.now();
    let page = ctx
        .store
        .list_coupons(org, page)
        .await
        .context("listing coupons")?;
    Ok(PageOf {
        data: page
            .data
            .into_iter()
            .map(|c| valid_coupon(c, now))
            .collect(),
        has_more: page.has_more,
    })
}

pub async fn archive_coupon(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
) -> Result<Valid<Coupon>, DiscountError> {
    let now = ctx.clock.now();
    let c = ctx
        .store
        .archive_coupon(org, id, now)
        .await
        .context("archiving the coupon")?
        .ok_or(DiscountError::NotFound("coupon"))?;
    Ok(valid_coupon(c, now))
}

#[derive(Debug, Clone, Default)]
pub struct PromotionCodeInput {
    pub coupon_id: Option<Uuid>,
    pub code: Option<String>,
    pub active: Option<bool>,
    pub max_redemptions: Option<i64>,
    pub expires_at: Option<DateTime<Utc>>,
    pub first_time_transaction: Option<bool>,
    pub minimum_amount: Option<Decimal>,
    pub minimum_amount_currency: Option<String>,
    pub metadata: Option<BTreeMap<String, String>>,
}

fn taken() -> DiscountError {
    DiscountError::Invalid(vec![FieldError::new(
        "code",
        "another active promotion code has this code",
    )])
}

pub async fn create_promotion_code(
    ctx: &Ctx,
    org: Uuid,
    input: PromotionCodeInput,
) -> Result<Valid<PromotionCode>, DiscountError> {
    let now = ctx.clock.now();
    let mut errors = Errors::default();
    let coupon = match input.coupon_id {
        None => {
            errors.add("coupon_id", "is required");
            None
        }
        Some(id) => {
            let c = ctx
                .store
                .get_coupon(org, id)
                .await
                .context("reading the coupon")?;
            match &c {
                None => errors.add("coupon_id", "no such coupon"),
                Some(c) if c.status == CouponStatus::Archived => {
                    errors.add("coupon_id", "the coupon is archived")
                }
                _ => {}
            }
            c
        }
    };
    let code = input.code.as_deref().map(str::trim).unwrap_or_default();
    if !PromotionCode::code_valid(code) {
        errors.add(
            "code",
            "must be 3 to 40 letters, digits, underscores or hyphens",
        );
    }
    check_max_redemptions(&mut errors, input.max_redemptions);
    if input.expires_at.is_some_and(|at| at <= now) {
        errors.add("expires_at", "must be in the future");
    }
    let min_currency = match input
        .minimum_amount_currency
        .as_deref()
        .map(Currency::parse)
    {
        None => None,
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => {
            errors.add(
                "restrictions.minimum_amount_currency",
                "must be an ISO 4217 currency code in upper case, like USD",
            );
            None
        }
    };
    if let Some(min) = input.minimum_amount {
        if min <= Decimal::ZERO || min > Decimal::from(1_000_000_000_000i64) {
            errors.add(
                "restrictions.minimum_amount",
                "must be above 0 and at most 1,000,000,000,000",
            );
        }
        if input.minimum_amount_currency.is_none() {
            errors.add(
                "restrictions.minimum_amount_currency",
                "is required with minimum_amount",
            );
        }
    } else if input.minimum_amount_currency.is_some() {
        errors.add(
            "restrictions.minimum_amount",
            "is required with minimum_amount_currency",
        );
    }
    let metadata = input.metadata.unwrap_or_default();
    check_metadata(&mut errors, &metadata);
    errors.finish().map_err(DiscountError::Invalid)?;
    let coupon = coupon.context("coupon missing although no field error was found")?;
    let p = PromotionCode {
        id: Uuid::now_v7(),
        organisation_id: org,
        coupon_id: coupon.id,
        code: code.to_owned(),
        active: input.active.unwrap_or(true),
        max_redemptions: input.max_redemptions,
        expires_at: input.expires_at,
        restrictions: Restrictions {
            first_time_transaction: input.first_time_transaction.unwrap_or(false),
            minimum_amount: input.minimum_amount,
            minimum_amount_currency: min_currency,
        },
        times_redeemed: 0,
        metadata,
        created_at: now,
        updated_at: now,
    };
    match ctx
        .store
        .insert_promotion_code(&p)
        .await
        .context("storing the promotion code")?
    {
        CodeWrite::Written => Ok(valid_code(p, now)),
        CodeWrite::CodeTaken => Err(taken()),
        CodeWrite::NotFound => Err(DiscountError::NotFound("coupon")),
    }
}

fn valid_code(p: PromotionCode, now: DateTime<Utc>) -> Valid<PromotionCode> {
    Valid {
        valid: p.valid_at(now),
        item: p,
    }
}

pub async fn get_promotion_code(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
) -> Result<Valid<PromotionCode>, DiscountError> {
    let p = ctx
        .store
        .get_promotion_code(org, id)
        .await
        .context("reading the promotion code")?
        .ok_or(DiscountError::NotFound("promotion code"))?;
    Ok(valid_code(p, ctx.clock.now()))
}

pub async fn list_promotion_codes(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<Valid<PromotionCode>>, DiscountError> {
    let now = ctx.clock.now();
    let page = ctx
        .store
        .list_promotion_codes(org, page)
        .await
        .context("listing promotion codes")?;
    Ok(page.map(|p| valid_code(p, now)))
}

/// Every promotion code of `coupon`, newest first (a coupon's page in the console).
pub async fn codes_of_coupon(
    ctx: &Ctx,
    org: Uuid,
    coupon: Uuid,
) -> Result<Vec<Valid<PromotionCode>>, DiscountError> {
    let codes =
        super::every_page(|page| list_promotion_codes(ctx, org, page), |c| c.item.id).await?;
    Ok(codes
        .into_iter()
        .filter(|c| c.item.coupon_id == coupon)
        .collect())
}

/// `PATCH /promotion_codes/{id}`: `active` (reactivating a code whose text another active
/// code now has is a `422` on `code`).
pub async fn set_promotion_code_active(
    ctx: &Ctx,
    org: Uuid,
    id: Uuid,
    active: Option<bool>,
) -> Result<Valid<PromotionCode>, DiscountError> {
    let now = ctx.clock.now();
    if let Some(active) = active {
        match ctx
            .store
            .set_promotion_code_active(org, id, active, now)
            .await
            .context("changing the promotion code")?
        {
            CodeWrite::Written => {}
            CodeWrite::CodeTaken => return Err(taken()),
            CodeWrite::NotFound => return Err(DiscountError::NotFound("promotion code")),
        }
    }
    get_promotion_code(ctx, org, id).await
}
