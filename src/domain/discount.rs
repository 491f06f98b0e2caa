//! Discounts (SPEC §10): coupons, the promotion codes customers type, and the discount the
//! engine applies to an invoice. Which codes a session may use, and why not, is decided here
//! ([`Coupon::check`], [`PromotionCode::check`]); what a discount takes off an invoice is the
//! engine's (`billing::discount`).

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::money::{Currency, write_fixed};
use super::wording::{DiscountLabel, DiscountThen};

/// What a coupon takes off: a percentage of each eligible line, or an amount per invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum DiscountValue {
    /// 0 < p ≤ 100, at most two decimals.
    PercentOff {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        percent: Decimal,
    },
    /// At most `amount` off each invoice it applies to, in `currency`.
    AmountOff {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
        currency: Currency,
    },
}

impl DiscountValue {
    /// `0 < p ≤ 100` with at most two decimals.
    pub fn percent_valid(p: Decimal) -> bool {
        p > Decimal::ZERO && p <= Decimal::ONE_HUNDRED && p.normalize().scale() <= 2
    }

    /// "20% off", "$5.00 off".
    pub fn write_words(&self, out: &mut String) {
        match self {
            DiscountValue::PercentOff { percent } => {
                // Digit by digit into `out` (a percent is at most 100, two decimals).
                let p = percent.normalize();
                if !u64::try_from(p.mantissa()).is_ok_and(|n| write_fixed(out, n, p.scale())) {
                    let _ = write!(out, "{p}");
                }
                out.push_str("% off");
            }
            DiscountValue::AmountOff { amount, currency } => {
                currency.write_formatted(out, *amount);
                out.push_str(" off");
            }
        }
    }
}

/// How many billing periods a discount lasts, counted from the first paid period it applies
/// to (a free trial does not use it up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "duration", content = "periods")]
pub enum DiscountDuration {
    Once,
    Repeating(u32),
    Forever,
}

impl DiscountDuration {
    /// The largest `duration_in_periods` accepted (100 years of monthly periods).
    pub const MAX_PERIODS: u32 = 1200;

    /// How many periods, `None` for ever.
    pub fn periods(self) -> Option<u32> {
        match self {
            DiscountDuration::Once => Some(1),
            DiscountDuration::Repeating(n) => Some(n),
            DiscountDuration::Forever => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DiscountDuration::Once => "once",
            DiscountDuration::Repeating(_) => "repeating",
            DiscountDuration::Forever => "forever",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouponStatus {
    Active,
    Archived,
}

impl CouponStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CouponStatus::Active => "active",
            CouponStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(CouponStatus::Active),
            "archived" => Some(CouponStatus::Archived),
            _ => None,
        }
    }
}

/// Why a coupon or promotion code cannot be used on a session, in the customer's words.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unavailable {
    #[error("this code is not valid")]
    Unknown,
    #[error("this code has expired")]
    Expired,
    #[error("this code has been used up")]
    UsedUp,
    #[error("this code is no longer active")]
    Inactive,
    #[error("this code is not for this plan")]
    NotForThisPlan,
    #[error("this code needs an order of at least {}", currency.format(*amount))]
    MinimumAmount {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        amount: Decimal,
        currency: Currency,
    },
    #[error("this code is for a first purchase only")]
    FirstPurchaseOnly,
    #[error("this code is in {}, but the order is in another currency", currency.code())]
    Currency { currency: Currency },
}

/// A coupon (SPEC §10).
#[derive(Debug, Clone, PartialEq)]
pub struct Coupon {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub value: DiscountValue,
    pub duration: DiscountDuration,
    pub max_redemptions: Option<i64>,
    pub redeem_by: Option<DateTime<Utc>>,
    /// The products it applies to; `None`: every product.
    pub applies_to: Option<Vec<Uuid>>,
    pub times_redeemed: i64,
    pub status: CouponStatus,
    pub metadata: std::collections::BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Coupon {
    /// Whether the coupon can still be redeemed at `now`, on an order in `currency` of a
    /// plan with `products`.
    pub fn check(
        &self,
        now: DateTime<Utc>,
        currency: Currency,
        products: &[Uuid],
    ) -> Result<(), Unavailable> {
        if self.status == CouponStatus::Archived {
            return Err(Unavailable::Inactive);
        }
        if self.redeem_by.is_some_and(|by| by <= now) {
            return Err(Unavailable::Expired);
        }
        if self
            .max_redemptions
            .is_some_and(|max| self.times_redeemed >= max)
        {
            return Err(Unavailable::UsedUp);
        }
        if let DiscountValue::AmountOff { currency: c, .. } = self.value
            && c != currency
        {
            return Err(Unavailable::Currency { currency: c });
        }
        if let Some(ids) = &self.applies_to
            && !products.iter().any(|p| ids.contains(p))
        {
            return Err(Unavailable::NotForThisPlan);
        }
        Ok(())
    }

    /// `valid` in the API: redeemable at `now` on some order.
    pub fn valid_at(&self, now: DateTime<Utc>) -> bool {
        self.status == CouponStatus::Active
            && self.redeem_by.is_none_or(|by| by > now)
            && self
                .max_redemptions
                .is_none_or(|max| self.times_redeemed < max)
    }

    /// What the engine prices, redeemed through `code` if one was typed.
    pub fn discount(&self, code: Option<&PromotionCode>) -> Discount {
        Discount {
            coupon_id: self.id,
            name: self.name.clone(),
            promotion_code_id: code.map(|c| c.id),
            code: code.map(|c| c.code.clone()),
            value: self.value,
            duration: self.duration,
            applies_to: self.applies_to.clone(),
        }
    }
}

/// What a promotion code asks of the order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restrictions {
    /// Only for a customer without any contract yet (a guest always qualifies).
    pub first_time_transaction: bool,
    /// The first invoice's subtotal before the discount must be at least this.
    pub minimum_amount: Option<Decimal>,
    pub minimum_amount_currency: Option<Currency>,
}

/// A code customers type that redeems a coupon (SPEC §10).
#[derive(Debug, Clone, PartialEq)]
pub struct PromotionCode {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub coupon_id: Uuid,
    /// As the merchant wrote it; matched case-insensitively ([`PromotionCode::key`]).
    pub code: String,
    pub active: bool,
    pub max_redemptions: Option<i64>,
    pub expires_at: Option<DateTime<Utc>>,
    pub restrictions: Restrictions,
    pub times_redeemed: i64,
    pub metadata: std::collections::BTreeMap<String, String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PromotionCode {
    /// 3–40 of `A-Z a-z 0-9 _ -`.
    pub fn code_valid(code: &str) -> bool {
        (3..=40).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }

    /// The form codes are matched by: one code, however it is typed.
    pub fn key(code: &str) -> String {
        code.trim().to_ascii_uppercase()
    }

    /// Whether the code itself can still be used at `now` (its coupon is checked apart).
    /// `first_time` says whether the buyer has no contract yet.
    pub fn check(&self, now: DateTime<Utc>, first_time: bool) -> Result<(), Unavailable> {
        if !self.active {
            return Err(Unavailable::Inactive);
        }
        if self.expires_at.is_some_and(|at| at <= now) {
            return Err(Unavailable::Expired);
        }
        if self
            .max_redemptions
            .is_some_and(|max| self.times_redeemed >= max)
        {
            return Err(Unavailable::UsedUp);
        }
        if self.restrictions.first_time_transaction && !first_time {
            return Err(Unavailable::FirstPurchaseOnly);
        }
        Ok(())
    }

    /// The minimum order, checked against the first invoice's subtotal before the discount.
    pub fn check_minimum(&self, currency: Currency, subtotal: Decimal) -> Result<(), Unavailable> {
        let Some(min) = self.restrictions.minimum_amount else {
            return Ok(());
        };
        let min_currency = self
            .restrictions
            .minimum_amount_currency
            .unwrap_or(currency);
        if min_currency != currency {
            return Err(Unavailable::Currency {
                currency: min_currency,
            });
        }
        if subtotal < min {
            return Err(Unavailable::MinimumAmount {
                amount: min,
                currency,
            });
        }
        Ok(())
    }

    /// `valid` in the API.
    pub fn valid_at(&self, now: DateTime<Utc>) -> bool {
        self.check(now, true).is_ok()
    }
}

/// What a session redeems: a coupon, through a promotion code when the customer typed one.
/// The coupon and code are read again whenever the session is priced, so one that stopped
/// being valid is noticed (SPEC §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DiscountRef {
    pub coupon_id: Uuid,
    pub promotion_code_id: Option<Uuid>,
}

/// A discount as the engine prices it and a session or contract carries it: the coupon's
/// terms at the time it was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Discount {
    pub coupon_id: Uuid,
    /// The coupon's name, shown on the discount line.
    pub name: String,
    pub promotion_code_id: Option<Uuid>,
    pub code: Option<String>,
    pub value: DiscountValue,
    pub duration: DiscountDuration,
    pub applies_to: Option<Vec<Uuid>>,
}

impl Discount {
    pub fn applies_to_product(&self, product: Option<Uuid>) -> bool {
        match (&self.applies_to, product) {
            (None, _) => true,
            (Some(ids), Some(p)) => ids.contains(&p),
            (Some(_), None) => false,
        }
    }

    /// The words on the discount line: "SUMMER20 (20% off)", or the coupon's name.
    pub fn label(&self) -> String {
        DiscountLabel::of(self).english()
    }
}

/// A discount in force on a contract (or about to be, on a session): the coupon's terms and
/// the days it covers, fixed when it was applied. Periods starting in `[starts_on,
/// ends_before)` get it; the window never grows, so no sequence of amendments makes a
/// discount last longer than its periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AppliedDiscount {
    #[serde(flatten)]
    pub discount: Discount,
    #[serde(with = "crate::domain::period::iso_date")]
    pub starts_on: NaiveDate,
    /// Exclusive; `None` for a `forever` discount.
    #[serde(default)]
    pub ends_before: Option<NaiveDate>,
    /// In words: "20% off for 3 months, then $96.00 per month."
    pub summary: String,
    /// What is paid per period with it, for the pages to say the summary in the customer's
    /// language; `None` in discounts applied before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub then: Option<DiscountThen>,
}

impl AppliedDiscount {
    /// Whether a period (or part of one) starting on `day` gets the discount.
    pub fn covers(&self, day: NaiveDate) -> bool {
        day >= self.starts_on && self.ends_before.is_none_or(|end| day < end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn percent_off_is_above_zero_up_to_100_with_two_decimals() {
        for ok in ["0.01", "20", "12.5", "100", "33.33", "20.00"] {
            assert!(DiscountValue::percent_valid(dec(ok)), "{ok}");
        }
        for bad in ["0", "-1", "100.01", "12.345", "101"] {
            assert!(!DiscountValue::percent_valid(dec(bad)), "{bad}");
        }
    }

    #[test]
    fn codes_are_3_to_40_safe_characters_matched_in_any_case() {
        assert!(PromotionCode::code_valid("SUMMER_20-x"));
        assert!(!PromotionCode::code_valid("ab"));
        assert!(!PromotionCode::code_valid(&"a".repeat(41)));
        assert!(!PromotionCode::code_valid("summer 20"));
        assert!(!PromotionCode::code_valid("été20"));
        assert_eq!(
            PromotionCode::key(" summer20 "),
            PromotionCode::key("SUMMER20")
        );
    }

    #[test]
    fn a_window_covers_the_periods_that_start_inside_it() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let applied = AppliedDiscount {
            discount: Discount {
                coupon_id: Uuid::nil(),
                name: "Spring".into(),
                promotion_code_id: None,
                code: None,
                value: DiscountValue::PercentOff { percent: dec("20") },
                duration: DiscountDuration::Repeating(3),
                applies_to: None,
            },
            starts_on: d(1, 1),
            ends_before: Some(d(4, 1)),
            summary: String::new(),
            then: None,
        };
        assert!(!applied.covers(d(12, 31).with_year(2025).unwrap()));
        assert!(applied.covers(d(1, 1)));
        assert!(applied.covers(d(3, 1)));
        assert!(!applied.covers(d(4, 1)));
        let json = serde_json::to_string(&applied).unwrap();
        assert_eq!(
            serde_json::from_str::<AppliedDiscount>(&json).unwrap(),
            applied
        );
    }

    use chrono::Datelike as _;
}
