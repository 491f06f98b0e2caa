//! The estimate engine (SPEC §6): pure functions of (terms, dates) → invoices.
//!
//! No I/O and no clock: every date is passed in, so the same inputs always give the same
//! invoices, and the hosted page, the API and confirm all get identical amounts. Every amount
//! shown anywhere in the product comes from here; amounts are rounded line by line with
//! [`Currency::round`], tax once per invoice.
//!
//! * [`estimate_new_subscription`] — first invoice (or trial) and the one after it.
//! * [`resolve_items`] + [`estimate_amendment`] — plan changes and quantity updates, with
//!   proration.
//!
//! The rules, and the decisions taken where the SPEC is silent, are written down in
//! `docs/billing.md`.

mod amendment;
mod invoice;
mod new_subscription;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::money::Currency;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::{ItemBilling, Pricing};

pub use amendment::{
    Amendment, AmendmentEstimate, AmendmentKind, ProrationBehavior, estimate_amendment,
    resolve_items,
};
pub use new_subscription::{NewSubscription, NewSubscriptionEstimate, estimate_new_subscription};

/// One item of a plan or contract, with everything needed to bill it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTerms {
    pub product_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub unit_label: Option<String>,
    pub billing: ItemBilling,
    pub pricing: Pricing,
    pub quantity: u64,
    /// Disabled items (optional add-ons switched off) are not billed and not shown.
    pub enabled: bool,
}

/// A plan, or a contract's current terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTerms {
    pub plan_id: Uuid,
    pub name: String,
    pub billing_period: BillingPeriod,
    pub trial_period_days: u32,
    pub items: Vec<ItemTerms>,
}

/// An existing contract: its plan with the contract's current items, and its term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractTerms {
    /// `items` are the contract's current items (quantities, enabled state, pricing snapshot).
    pub plan: PlanTerms,
    pub start_date: NaiveDate,
    /// Last day of service, inclusive.
    pub end_date: Option<NaiveDate>,
    /// Periods start at this date plus k periods (the start date, or the first day after a
    /// trial).
    pub billing_anchor_date: NaiveDate,
}

/// A requested change to one item (`product_overrides[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ItemOverride {
    pub product_id: Uuid,
    #[serde(default)]
    pub quantity: Option<u64>,
    #[serde(default)]
    pub is_enabled: Option<bool>,
}

/// What a line of an invoice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A recurring item for a period (possibly a part of one at the end of the contract).
    Recurring,
    /// A one-time charge on the first paid invoice of a new subscription.
    OneTime,
    /// A metered item, billed in arrears; estimated at 0.
    Usage,
    /// The new terms for the rest of the current period.
    ProrationCharge,
    /// The unused rest of the current period at the old terms (negative).
    ProrationCredit,
    /// A credit left by an earlier invoice, used up on this one (negative).
    Credit,
    /// An item during a free trial (0).
    Trial,
}

/// One line of an invoice estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineItem {
    pub product_id: Option<Uuid>,
    pub name: String,
    /// What the line is for, in words customers understand.
    pub description: String,
    pub quantity: u64,
    /// The catalog price of one unit for a full period, at its given precision; `None` when
    /// the price is not a single unit price (tiered, volume, package, step, credits).
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub unit_price: Option<Decimal>,
    /// Rounded to the currency's minor unit.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_start: NaiveDate,
    /// Inclusive.
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_end: NaiveDate,
    pub kind: LineKind,
}

/// An invoice estimate (SPEC §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Invoice {
    pub currency: Currency,
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_start: NaiveDate,
    /// Inclusive.
    #[serde(with = "crate::domain::period::iso_date")]
    pub period_end: NaiveDate,
    pub line_items: Vec<LineItem>,
    /// Sum of the line amounts.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub subtotal: Decimal,
    /// `round(subtotal × tax_rate / 100)`.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub tax: Decimal,
    /// `subtotal + tax`; negative when the invoice is a credit.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub total: Decimal,
    /// `max(total, 0)`.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount_due: Decimal,
    /// Sentences for the customer (trial end, proration, credits, usage).
    pub notes: Vec<String>,
}

/// The invoices a checkout shows: the one issued now and the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Estimates {
    pub current_invoice: Invoice,
    /// `None` when the contract ends before the next period.
    pub next_invoice: Option<Invoice>,
}

/// Why an estimate cannot be made. The API validates its input first, so these reach people
/// only as `422`s for combinations the validation could not see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BillingError {
    #[error("the end date is before the start date")]
    EndBeforeStart,
    #[error("the effective date is outside the contract's term")]
    EffectiveDateOutsideTerm,
    #[error("product {0} is not part of the plan or contract")]
    UnknownProduct(Uuid),
    #[error("the tax rate must be between 0 and 100 percent")]
    InvalidTaxRate,
    #[error("an amount is too large to compute")]
    AmountTooLarge,
    #[error("a date is outside the supported calendar")]
    DateOutOfRange,
}

/// The total of one full period of the enabled recurring items, each line rounded, before tax.
pub fn period_total(currency: Currency, items: &[ItemTerms]) -> Result<Decimal, BillingError> {
    items
        .iter()
        .filter(|item| item.enabled && item.billing == ItemBilling::Recurring)
        .try_fold(Decimal::ZERO, |sum, item| {
            let amount = item
                .pricing
                .checked_amount(item.quantity)
                .ok_or(BillingError::AmountTooLarge)?;
            sum.checked_add(currency.round(amount))
                .ok_or(BillingError::AmountTooLarge)
        })
}

fn check_tax_rate(tax_rate: Decimal) -> Result<(), BillingError> {
    if tax_rate < Decimal::ZERO || tax_rate > Decimal::ONE_HUNDRED {
        return Err(BillingError::InvalidTaxRate);
    }
    Ok(())
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn period_total_sums_enabled_recurring_items_rounded_line_by_line() {
        let items = vec![
            per_unit_item(1, "Seats", "0.005", 1),
            per_unit_item(2, "Storage", "0.005", 1),
            flat_item(3, "Support", "10"),
            ItemTerms {
                enabled: false,
                ..flat_item(4, "Add-on", "99")
            },
            ItemTerms {
                billing: ItemBilling::OneTime,
                ..flat_item(5, "Setup", "50")
            },
            ItemTerms {
                billing: ItemBilling::Usage,
                ..per_unit_item(6, "API calls", "0.01", 0)
            },
        ];
        // 0.005 rounds to 0.01 on each line: 0.01 + 0.01 + 10
        assert_eq!(period_total(usd(), &items).unwrap(), dec("10.02"));
    }

    #[test]
    fn tax_rate_must_be_a_percentage() {
        assert!(check_tax_rate(dec("0")).is_ok());
        assert!(check_tax_rate(dec("100")).is_ok());
        assert_eq!(check_tax_rate(dec("-1")), Err(BillingError::InvalidTaxRate));
        assert_eq!(
            check_tax_rate(dec("100.01")),
            Err(BillingError::InvalidTaxRate)
        );
    }

    #[test]
    fn invoice_json_has_the_api_field_names_and_exact_numbers() {
        let invoice = Invoice {
            currency: usd(),
            period_start: date(2026, 1, 1),
            period_end: date(2026, 1, 31),
            line_items: vec![LineItem {
                product_id: None,
                name: "Credit".into(),
                description: "Credit".into(),
                quantity: 1,
                unit_price: Some(dec("0.0005")),
                amount: dec("-15.00"),
                period_start: date(2026, 1, 1),
                period_end: date(2026, 1, 31),
                kind: LineKind::ProrationCredit,
            }],
            subtotal: dec("-15.00"),
            tax: dec("0.00"),
            total: dec("-15.00"),
            amount_due: dec("0.00"),
            notes: vec![],
        };
        let json = serde_json::to_string(&invoice).unwrap();
        assert_eq!(
            json,
            r#"{"currency":"USD","period_start":"2026-01-01","period_end":"2026-01-31","line_items":[{"product_id":null,"name":"Credit","description":"Credit","quantity":1,"unit_price":0.0005,"amount":-15.00,"period_start":"2026-01-01","period_end":"2026-01-31","kind":"proration_credit"}],"subtotal":-15.00,"tax":0.00,"total":-15.00,"amount_due":0.00,"notes":[]}"#
        );
        let back: Invoice = serde_json::from_str(&json).unwrap();
        assert_eq!(back, invoice);
        let value = serde_json::to_value(&invoice).unwrap();
        assert_eq!(serde_json::from_value::<Invoice>(value).unwrap(), invoice);
    }

    #[test]
    fn item_terms_round_trip_through_json() {
        let item = tiered_item(7, "API calls");
        let json = serde_json::to_string(&item).unwrap();
        assert_eq!(serde_json::from_str::<ItemTerms>(&json).unwrap(), item);
    }
}
