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
mod discount;
mod invoice;
mod new_subscription;

use rust_decimal::Decimal;
use uuid::Uuid;

use crate::domain::catalog::BusinessEntity;
use crate::domain::money::Currency;
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::ItemTerms;

pub use amendment::{Amendment, AmendmentEstimate, Replaced, estimate_amendment, resolve_items};
pub use new_subscription::{NewSubscription, NewSubscriptionEstimate, estimate_new_subscription};

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

/// `total + round(total × tax_rate / 100)`: what a customer pays for a pre-tax `total`.
pub(crate) fn with_tax(
    currency: Currency,
    total: Decimal,
    tax_rate: Decimal,
) -> Result<Decimal, BillingError> {
    let tax = currency.round(
        total
            .checked_mul(tax_rate)
            .ok_or(BillingError::AmountTooLarge)?
            / Decimal::ONE_HUNDRED,
    );
    total.checked_add(tax).ok_or(BillingError::AmountTooLarge)
}

fn check_tax_rate(tax_rate: Decimal) -> Result<(), BillingError> {
    if BusinessEntity::tax_rate_valid(tax_rate) {
        Ok(())
    } else {
        Err(BillingError::InvalidTaxRate)
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::domain::invoice::LineKind;
    use crate::domain::invoice::{Invoice, LineItem};

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
                detail: Default::default(),
            }],
            subtotal: dec("-15.00"),
            discount: dec("0.00"),
            tax: dec("0.00"),
            total: dec("-15.00"),
            amount_due: dec("0.00"),
            notes: vec![],
            note_details: vec![],
        };
        let json = serde_json::to_string(&invoice).unwrap();
        assert_eq!(
            json,
            r#"{"currency":"USD","period_start":"2026-01-01","period_end":"2026-01-31","line_items":[{"product_id":null,"name":"Credit","description":"Credit","quantity":1,"unit_price":0.0005,"amount":-15.00,"period_start":"2026-01-01","period_end":"2026-01-31","kind":"proration_credit"}],"subtotal":-15.00,"discount":0.00,"tax":0.00,"total":-15.00,"amount_due":0.00,"notes":[]}"#
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
