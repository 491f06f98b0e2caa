use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::super::test_support::*;
use crate::billing::{
    Amendment, AmendmentEstimate, NewSubscription, NewSubscriptionEstimate, estimate_amendment,
    estimate_new_subscription,
};
use crate::domain::discount::{Discount, DiscountDuration, DiscountValue};
use crate::domain::invoice::{Invoice, LineKind};
use crate::domain::overrides::ProrationBehavior;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::{ContractTerms, ItemTerms, PlanTerms};

pub(crate) fn percent(p: &str, duration: DiscountDuration) -> Discount {
    Discount {
        coupon_id: Uuid::from_u128(77),
        name: "Spring".into(),
        promotion_code_id: None,
        code: Some("SPRING".into()),
        value: DiscountValue::PercentOff { percent: dec(p) },
        duration,
        applies_to: None,
    }
}

fn amount_off(a: &str, duration: DiscountDuration) -> Discount {
    Discount {
        value: DiscountValue::AmountOff {
            amount: dec(a),
            currency: usd(),
        },
        ..percent("1", duration)
    }
}

fn new_sub(
    plan: &PlanTerms,
    start: NaiveDate,
    tax: &str,
    discount: &Discount,
) -> NewSubscriptionEstimate {
    estimate_new_subscription(&NewSubscription {
        currency: usd(),
        tax_rate: dec(tax),
        plan,
        start_date: start,
        end_date: None,
        discount: Some(discount),
    })
    .unwrap()
}

fn monthly(items: Vec<ItemTerms>) -> PlanTerms {
    plan(BillingPeriod::P1M, items)
}

fn discount_line(invoice: &Invoice) -> Option<Decimal> {
    invoice
        .line_items
        .iter()
        .find(|l| l.kind == LineKind::Discount)
        .map(|l| l.amount)
}

/// The worked examples, exactly.
#[test]
fn twenty_percent_off_sixty_dollars() {
    let p = monthly(vec![flat_item(1, "Team", "60")]);
    let est = new_sub(
        &p,
        date(2026, 1, 1),
        "0",
        &percent("20", DiscountDuration::Once),
    );
    let inv = &est.estimates.current_invoice;
    assert_eq!(
        (
            inv.subtotal,
            inv.discount,
            inv.tax,
            inv.total,
            inv.amount_due
        ),
        (
            dec("60.00"),
            dec("-12.00"),
            dec("0.00"),
            dec("48.00"),
            dec("48.00")
        )
    );
    assert_eq!(discount_line(inv), Some(dec("-12.00")));
    let line = inv.line_items.last().unwrap();
    assert_eq!(
        (line.name.as_str(), line.description.as_str()),
        ("Spring", "SPRING (20% off)")
    );
    // `once`: the second period is at the full price.
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!((next.discount, next.total), (dec("0.00"), dec("60.00")));
    assert_eq!(
        est.discount.unwrap().summary,
        "20% off your first month, then $60.00 per month."
    );
}

#[test]
fn fifteen_percent_of_34_90_rounds_half_away_from_zero() {
    let p = monthly(vec![flat_item(1, "Basic", "34.90")]);
    let est = new_sub(
        &p,
        date(2026, 1, 1),
        "0",
        &percent("15", DiscountDuration::Forever),
    );
    let inv = &est.estimates.current_invoice;
    assert_eq!((inv.discount, inv.total), (dec("-5.24"), dec("29.66")));
    assert_eq!(
        est.estimates.next_invoice.unwrap().total,
        dec("29.66"),
        "forever"
    );
    assert_eq!(est.discount.unwrap().summary, "15% off every month.");
}

#[test]
fn tax_is_on_the_discounted_subtotal() {
    let p = monthly(vec![flat_item(1, "Mini", "5")]);
    let est = new_sub(
        &p,
        date(2026, 1, 1),
        "20",
        &percent("10", DiscountDuration::Once),
    );
    let inv = &est.estimates.current_invoice;
    assert_eq!(
        (inv.subtotal, inv.discount, inv.tax, inv.total),
        (dec("5.00"), dec("-0.50"), dec("0.90"), dec("5.40"))
    );
}

#[test]
fn an_amount_off_never_goes_below_zero_and_100_percent_is_free() {
    let p = monthly(vec![flat_item(1, "Pro", "100")]);
    let est = new_sub(
        &p,
        date(2026, 1, 1),
        "20",
        &amount_off("200", DiscountDuration::Once),
    );
    let inv = &est.estimates.current_invoice;
    assert_eq!(
        (inv.discount, inv.tax, inv.total, inv.amount_due),
        (dec("-100.00"), dec("0.00"), dec("0.00"), dec("0.00"))
    );
    let est = new_sub(
        &p,
        date(2026, 1, 1),
        "20",
        &percent("100", DiscountDuration::Once),
    );
    let inv = &est.estimates.current_invoice;
    assert_eq!((inv.total, inv.amount_due), (dec("0.00"), dec("0.00")));
}

#[test]
fn percent_is_per_line_and_skips_usage_and_other_products() {
    let mut d = percent("15", DiscountDuration::Once);
    d.applies_to = Some(vec![pid(1), pid(3)]);
    let p = monthly(vec![
        flat_item(1, "A", "34.90"),
        flat_item(2, "B", "34.90"),
        ItemTerms {
            billing: ItemBilling::OneTime,
            ..flat_item(3, "Setup", "10.10")
        },
        ItemTerms {
            billing: ItemBilling::Usage,
            ..per_unit_item(4, "Calls", "1", 0)
        },
    ]);
    let est = new_sub(&p, date(2026, 1, 1), "0", &d);
    // round(5.235) + round(1.515) = 5.24 + 1.52
    assert_eq!(est.estimates.current_invoice.discount, dec("-6.76"));
}

#[test]
fn a_trial_does_not_use_up_a_once_coupon() {
    let mut p = monthly(vec![flat_item(1, "Team", "60")]);
    p.trial_period_days = 14;
    let est = new_sub(
        &p,
        date(2026, 1, 1),
        "0",
        &percent("20", DiscountDuration::Once),
    );
    assert_eq!(est.estimates.current_invoice.discount, dec("0.00"));
    assert_eq!(discount_line(&est.estimates.current_invoice), None);
    let first_paid = est.estimates.next_invoice.unwrap();
    assert_eq!(
        (first_paid.discount, first_paid.total),
        (dec("-12.00"), dec("48.00"))
    );
    let applied = est.discount.unwrap();
    assert_eq!(
        (applied.starts_on, applied.ends_before),
        (date(2026, 1, 15), Some(date(2026, 2, 15)))
    );
}

#[test]
fn repeating_counts_periods_and_says_so() {
    let p = monthly(vec![flat_item(1, "Team", "120")]);
    let d = percent("20", DiscountDuration::Repeating(3));
    let est = new_sub(&p, date(2026, 1, 31), "0", &d);
    let applied = est.discount.clone().unwrap();
    assert_eq!(
        (applied.starts_on, applied.ends_before),
        (date(2026, 1, 31), Some(date(2026, 4, 30)))
    );
    assert_eq!(
        applied.summary,
        "20% off for 3 months, then $120.00 per month."
    );
    assert_eq!(est.estimates.next_invoice.unwrap().total, dec("96.00"));
    let yearly = plan(BillingPeriod::P1Y, vec![flat_item(1, "Team", "1000")]);
    let est = new_sub(
        &yearly,
        date(2026, 1, 1),
        "0",
        &percent("20", DiscountDuration::Repeating(2)),
    );
    assert_eq!(
        est.discount.unwrap().summary,
        "20% off for 2 years, then $1,000.00 per year."
    );
}

fn contract_with(discount: &Discount, items: Vec<ItemTerms>) -> ContractTerms {
    let p = monthly(items);
    let est = new_sub(&p, date(2026, 1, 1), "0", discount);
    ContractTerms {
        plan: p,
        start_date: date(2026, 1, 1),
        end_date: None,
        billing_anchor_date: date(2026, 1, 1),
        discount: est.discount,
    }
}

fn amend(
    c: &ContractTerms,
    new_plan: &PlanTerms,
    d: NaiveDate,
    behavior: ProrationBehavior,
    new_discount: Option<&Discount>,
) -> AmendmentEstimate {
    estimate_amendment(&Amendment {
        currency: usd(),
        tax_rate: dec("0"),
        contract: c,
        new_plan,
        effective_date: d,
        behavior,
        new_discount,
        replaces: None,
    })
    .unwrap()
}

#[test]
fn repeating_3_is_on_the_next_invoice_of_period_3_but_not_4() {
    let c = contract_with(
        &percent("20", DiscountDuration::Repeating(3)),
        vec![per_unit_item(1, "Seats", "10", 5)],
    );
    let more = monthly(vec![per_unit_item(1, "Seats", "10", 6)]);
    // In period 2 (February) the next invoice is period 3 (March): still discounted.
    let feb = amend(
        &c,
        &more,
        date(2026, 2, 10),
        ProrationBehavior::ProrateNow,
        None,
    );
    assert_eq!(feb.estimates.next_invoice.unwrap().discount, dec("-12.00"));
    // In period 3 (March) the next invoice is period 4 (April): full price.
    let mar = amend(
        &c,
        &more,
        date(2026, 3, 10),
        ProrationBehavior::ProrateNow,
        None,
    );
    let next = mar.estimates.next_invoice.unwrap();
    assert_eq!((next.discount, next.total), (dec("0.00"), dec("60.00")));
    assert!(
        mar.estimates
            .current_invoice
            .notes
            .iter()
            .any(|n| n == "Your discount SPRING (20% off) stays until 31 Mar 2026."),
        "{:?}",
        mar.estimates.current_invoice.notes
    );
}

#[test]
fn a_seat_increase_mid_period_under_fifty_percent() {
    let c = contract_with(
        &percent("50", DiscountDuration::Forever),
        vec![per_unit_item(1, "Seats", "10", 10)],
    );
    let more = monthly(vec![per_unit_item(1, "Seats", "10", 20)]);
    // 16 Jan: 16 of 31 days left. Credit −round(100 × 16/31) = −51.61, of which half was
    // not paid: +25.81 back; charge round(200 × 16/31) = 103.23, half off: −51.62.
    let est = amend(
        &c,
        &more,
        date(2026, 1, 16),
        ProrationBehavior::ProrateNow,
        None,
    );
    let inv = &est.estimates.current_invoice;
    let amounts: Vec<(LineKind, Decimal)> =
        inv.line_items.iter().map(|l| (l.kind, l.amount)).collect();
    assert_eq!(
        amounts,
        vec![
            (LineKind::ProrationCredit, dec("-51.61")),
            (LineKind::ProrationCharge, dec("103.23")),
            (LineKind::Discount, dec("25.81")),
            (LineKind::Discount, dec("-51.62")),
        ]
    );
    assert_eq!(
        (inv.subtotal, inv.discount, inv.total),
        (dec("51.62"), dec("-25.81"), dec("25.81"))
    );
    // The customer pays half of the difference: 50 % of (103.23 − 51.61) = 25.81.
    assert_eq!(est.estimates.next_invoice.unwrap().total, dec("100.00"));
}

#[test]
fn an_amendment_that_brings_a_discount_replaces_the_contracts_and_says_so() {
    let c = contract_with(
        &percent("10", DiscountDuration::Forever),
        vec![flat_item(1, "Basic", "30")],
    );
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let mut welcome = percent("25", DiscountDuration::Once);
    welcome.code = Some("WELCOME".into());
    let est = amend(
        &c,
        &pro,
        date(2026, 1, 1),
        ProrationBehavior::AtPeriodEnd,
        Some(&welcome),
    );
    assert_eq!(est.effective_date, date(2026, 2, 1));
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!((next.discount, next.total), (dec("-20.00"), dec("60.00")));
    let applied = est.discount.unwrap();
    assert_eq!(
        (applied.starts_on, applied.ends_before),
        (date(2026, 2, 1), Some(date(2026, 3, 1)))
    );
    assert!(
        est.estimates.current_invoice.notes.contains(
            &"WELCOME (25% off) replaces your discount SPRING (10% off) from 1 Feb 2026."
                .to_owned()
        ),
        "{:?}",
        est.estimates.current_invoice.notes
    );
}

#[test]
fn the_contracts_discount_stays_on_a_plan_change_and_restates_its_sentence() {
    let c = contract_with(
        &percent("20", DiscountDuration::Forever),
        vec![flat_item(1, "Basic", "30")],
    );
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let est = amend(
        &c,
        &pro,
        date(2026, 1, 16),
        ProrationBehavior::ProrateNow,
        None,
    );
    let applied = est.discount.unwrap();
    assert_eq!(applied.starts_on, date(2026, 1, 1), "window unchanged");
    assert_eq!(applied.summary, "20% off every month.");
    assert_eq!(est.estimates.next_invoice.unwrap().total, dec("64.00"));
}
