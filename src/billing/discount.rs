//! Discounts on invoices (SPEC §10): which days a discount covers, what it takes off an
//! invoice, and the sentence that says so.
//!
//! * A discount covers the periods that start in its window `[starts_on, ends_before)`,
//!   counted in the contract's billing periods from the first paid period it applies to
//!   ([`applied`]): a trial does not use it up, and the window is fixed once, so no sequence of
//!   amendments makes it last longer.
//! * Percent: each eligible line's discount is `round(amount × p / 100)`; amount: `min(amount_off,
//!   eligible subtotal)`, once per invoice. Eligible: recurring, one-time and proration-charge
//!   lines of the products it applies to (never usage). One `discount` line, before tax.
//! * A proration credit returns what the customer paid for the unused time: the discount that
//!   applied to the old terms comes back as a positive `discount` line ([`Draft::return_discount`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::BillingError;
use super::invoice::{Draft, full_amount, prorate};
use crate::domain::discount::{AppliedDiscount, Discount, DiscountValue};
use crate::domain::invoice::{LineItem, LineKind};
use crate::domain::money::Currency;
use crate::domain::period::{BillingPeriod, checked_period_start, period_index};
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::ItemTerms;
use crate::domain::wording::{DiscountSpan, DiscountThen, discount_summary};

/// `discount` applied from the period of the schedule `(anchor, period)` that contains
/// `first` (or the first period, when `first` is before the anchor: a trial), with the
/// sentence for a customer who then pays `then_per_period` (tax included) per period.
pub(crate) fn applied(
    discount: &Discount,
    first: NaiveDate,
    anchor: NaiveDate,
    period: BillingPeriod,
    currency: Currency,
    then_per_period: Decimal,
) -> Result<AppliedDiscount, BillingError> {
    let k = if first < anchor {
        0
    } else {
        period_index(anchor, period, first)
    };
    let starts_on = if first < anchor { anchor } else { first };
    let ends_before = match discount.duration.periods() {
        None => None,
        Some(n) => Some(
            checked_period_start(anchor, period, k + i64::from(n))
                .ok_or(BillingError::DateOutOfRange)?,
        ),
    };
    let (summary, then) = summary(discount, period, currency, then_per_period);
    Ok(AppliedDiscount {
        summary,
        then: Some(then),
        discount: discount.clone(),
        starts_on,
        ends_before,
    })
}

/// The same discount, its sentence written for new terms.
pub(crate) fn restated(
    applied: &AppliedDiscount,
    period: BillingPeriod,
    currency: Currency,
    then_per_period: Decimal,
) -> AppliedDiscount {
    let (summary, then) = summary(&applied.discount, period, currency, then_per_period);
    AppliedDiscount {
        summary,
        then: Some(then),
        ..applied.clone()
    }
}

/// The discount's sentence and the facts it is written from.
fn summary(
    discount: &Discount,
    period: BillingPeriod,
    currency: Currency,
    then_per_period: Decimal,
) -> (String, DiscountThen) {
    let then = DiscountThen {
        period,
        amount: then_per_period,
    };
    let span = DiscountSpan::of(discount.duration, period);
    (
        discount_summary(&discount.value, span, then, currency),
        then,
    )
}

fn eligible_charge(line: &LineItem, discount: &Discount) -> bool {
    matches!(
        line.kind,
        LineKind::Recurring | LineKind::OneTime | LineKind::ProrationCharge
    ) && line.amount > Decimal::ZERO
        && discount.applies_to_product(line.product_id)
}

/// `round(amount × percent / 100)`. Dividing by 100 is only moving the decimal point, so the
/// rate is `percent` two places further right (exact), and no `Decimal` division is paid per
/// line.
fn percent_of(
    currency: Currency,
    amount: Decimal,
    percent: Decimal,
) -> Result<Decimal, BillingError> {
    let mut rate = percent;
    let x = if rate.set_scale(percent.scale() + 2).is_ok() {
        amount
            .checked_mul(rate)
            .ok_or(BillingError::AmountTooLarge)?
    } else {
        amount
            .checked_mul(percent)
            .ok_or(BillingError::AmountTooLarge)?
            / Decimal::ONE_HUNDRED
    };
    Ok(currency.round(x))
}

impl Draft {
    /// Takes `discount` off this invoice's eligible charges: one negative `discount` line,
    /// never more than those charges (so it never takes a total below 0).
    pub fn apply_discount(&mut self, discount: &Discount) -> Result<(), BillingError> {
        let currency = self.currency();
        let mut eligible = Decimal::ZERO;
        let mut off = Decimal::ZERO;
        for line in self.lines().iter().filter(|l| eligible_charge(l, discount)) {
            eligible = eligible
                .checked_add(line.amount)
                .ok_or(BillingError::AmountTooLarge)?;
            if let DiscountValue::PercentOff { percent } = discount.value {
                off = off
                    .checked_add(percent_of(currency, line.amount, percent)?)
                    .ok_or(BillingError::AmountTooLarge)?;
            }
        }
        if let DiscountValue::AmountOff { amount, .. } = discount.value {
            off = amount.min(eligible);
        }
        let off = currency.round(off.min(eligible));
        if off > Decimal::ZERO {
            self.push_discount(discount, discount.label(), -off);
        }
        Ok(())
    }

    /// Gives back, on the unused time being credited (`part` of a period of `period_days`),
    /// what `discount` took off the old terms `old_items`: a positive `discount` line, so that
    /// the credit is what the customer actually paid.
    pub fn return_discount(
        &mut self,
        discount: &Discount,
        old_items: &[ItemTerms],
        part_days: i64,
        period_days: i64,
    ) -> Result<(), BillingError> {
        let currency = self.currency();
        let eligible_items = old_items.iter().filter(|i| {
            i.enabled
                && i.billing == ItemBilling::Recurring
                && discount.applies_to_product(Some(i.product_id))
        });
        let back = match discount.value {
            DiscountValue::PercentOff { percent } => {
                let mut back = Decimal::ZERO;
                for line in self.lines().iter().filter(|l| {
                    l.kind == LineKind::ProrationCredit && discount.applies_to_product(l.product_id)
                }) {
                    back = back
                        .checked_add(percent_of(currency, -line.amount, percent)?)
                        .ok_or(BillingError::AmountTooLarge)?;
                }
                back
            }
            DiscountValue::AmountOff { amount, .. } => {
                let mut full = Decimal::ZERO;
                for item in eligible_items {
                    full = full
                        .checked_add(currency.round(full_amount(item)?))
                        .ok_or(BillingError::AmountTooLarge)?;
                }
                prorate(currency, amount.min(full), part_days, period_days)?
            }
        };
        if back > Decimal::ZERO {
            let mut description = discount.label();
            description.push_str(", already taken off the unused time");
            self.push_discount(discount, description, currency.round(back));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
