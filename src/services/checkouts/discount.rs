//! Which discount a session asks for (SPEC §10): `discounts` on create and PATCH, and the
//! promotion code a customer types on the review step. Whether it can be used is decided
//! when the session is priced (`pricing::price`); these only find what was named.

use anyhow::Context as _;
use uuid::Uuid;

use crate::domain::discount::{DiscountRef, PromotionCode, Unavailable};
use crate::domain::validation::Problem;
use crate::services::{Ctx, Errors};

/// One entry of `discounts`: a coupon, or a promotion code as typed.
#[derive(Debug, Clone, Default)]
pub struct DiscountInput {
    pub coupon_id: Option<Uuid>,
    pub promotion_code: Option<String>,
}

/// The discount `discounts` names (at most one), or `None` for an empty list. Problems go to
/// `errors`, each on its field.
pub async fn named(
    ctx: &Ctx,
    org: Uuid,
    discounts: &[DiscountInput],
    allow_promotion_codes: bool,
    errors: &mut Errors,
) -> anyhow::Result<Option<DiscountRef>> {
    if discounts.len() > 1 {
        errors.add("discounts", "at most one discount");
        return Ok(None);
    }
    let Some(d) = discounts.first() else {
        return Ok(None);
    };
    if allow_promotion_codes {
        errors.add(
            "allow_promotion_codes",
            "cannot be true when discounts are given",
        );
    }
    match (d.coupon_id, d.promotion_code.as_deref()) {
        (Some(coupon_id), None) => {
            let found = ctx
                .store
                .get_coupon(org, coupon_id)
                .await
                .context("reading the coupon")?;
            if found.is_none() {
                errors.add("discounts[0].coupon_id", "no such coupon");
                return Ok(None);
            }
            Ok(Some(DiscountRef {
                coupon_id,
                promotion_code_id: None,
            }))
        }
        (None, Some(code)) => match code_named(ctx, org, code).await? {
            Ok(r) => Ok(Some(r)),
            Err(why) => {
                errors.because("discounts[0].promotion_code", Problem::Code(why));
                Ok(None)
            }
        },
        _ => {
            errors.add("discounts[0]", "give either coupon_id or promotion_code");
            Ok(None)
        }
    }
}

/// The promotion code typed (any case), or why there is none: unknown, or no longer active.
pub async fn code_named(
    ctx: &Ctx,
    org: Uuid,
    typed: &str,
) -> anyhow::Result<Result<DiscountRef, Unavailable>> {
    let typed = typed.trim();
    if !PromotionCode::code_valid(typed) {
        return Ok(Err(Unavailable::Unknown));
    }
    let found = ctx
        .store
        .find_promotion_code(org, typed)
        .await
        .context("reading the promotion code")?;
    Ok(match found {
        None => Err(Unavailable::Unknown),
        Some(p) if !p.active => Err(Unavailable::Inactive),
        Some(p) => Ok(DiscountRef {
            coupon_id: p.coupon_id,
            promotion_code_id: Some(p.id),
        }),
    })
}

/// The field a rejected discount is reported on.
pub fn field_of(r: &DiscountRef) -> &'static str {
    if r.promotion_code_id.is_some() {
        "discounts[0].promotion_code"
    } else {
        "discounts[0].coupon_id"
    }
}
