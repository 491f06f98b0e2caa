use super::super::test_support::*;
use super::*;
use crate::domain::invoice::LineKind;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::ItemBilling;
use crate::domain::terms::ItemTerms;

fn estimate(
    plan: &PlanTerms,
    start: NaiveDate,
    end: Option<NaiveDate>,
    tax: &str,
) -> NewSubscriptionEstimate {
    estimate_new_subscription(&NewSubscription {
        currency: usd(),
        tax_rate: dec(tax),
        plan,
        start_date: start,
        end_date: end,
        discount: None,
    })
    .unwrap()
}

fn kinds(invoice: &crate::domain::invoice::Invoice) -> Vec<LineKind> {
    invoice.line_items.iter().map(|l| l.kind).collect()
}

fn typical_plan() -> PlanTerms {
    plan(
        BillingPeriod::P1M,
        vec![
            flat_item(1, "Pro", "49"),
            per_unit_item(2, "Seats", "10", 3),
            ItemTerms {
                billing: ItemBilling::OneTime,
                ..flat_item(3, "Setup", "100")
            },
            ItemTerms {
                billing: ItemBilling::Usage,
                ..per_unit_item(4, "API calls", "0.0005", 0)
            },
            ItemTerms {
                enabled: false,
                ..flat_item(5, "Priority support", "25")
            },
        ],
    )
}

#[test]
fn first_invoice_has_recurring_one_time_and_usage_items() {
    let plan = typical_plan();
    let est = estimate(&plan, date(2026, 1, 1), None, "10");
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_start, date(2026, 1, 1));
    assert_eq!(current.period_end, date(2026, 1, 31));
    assert_eq!(
        kinds(current),
        [
            LineKind::Recurring,
            LineKind::Recurring,
            LineKind::OneTime,
            LineKind::Usage
        ]
    );
    let amounts: Vec<_> = current.line_items.iter().map(|l| l.amount).collect();
    assert_eq!(amounts, [dec("49"), dec("30"), dec("100"), dec("0")]);
    assert_eq!(current.line_items[1].unit_price, Some(dec("10")));
    assert_eq!(current.line_items[3].unit_price, Some(dec("0.0005")));
    assert_eq!(
        current.line_items[1].description,
        "3 × Seats, 1–31 Jan 2026"
    );
    assert_eq!(current.subtotal, dec("179"));
    assert_eq!(current.tax, dec("17.90"));
    assert_eq!(current.total, dec("196.90"));
    assert_eq!(current.amount_due, dec("196.90"));
    assert_eq!(est.billing_anchor_date, date(2026, 1, 1));

    let next = est.estimates.next_invoice.unwrap();
    assert_eq!(next.period_start, date(2026, 2, 1));
    assert_eq!(next.period_end, date(2026, 2, 28));
    assert_eq!(
        kinds(&next),
        [LineKind::Recurring, LineKind::Recurring, LineKind::Usage]
    );
    assert_eq!(next.subtotal, dec("79"));
    assert_eq!(next.total, dec("86.90"));
}

#[test]
fn month_end_start_clamps_and_returns_to_the_31st() {
    let plan = plan(BillingPeriod::P1M, vec![flat_item(1, "Pro", "30")]);
    let est = estimate(&plan, date(2026, 1, 31), None, "0");
    assert_eq!(est.estimates.current_invoice.period_end, date(2026, 2, 27));
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!(next.period_start, date(2026, 2, 28));
    assert_eq!(next.period_end, date(2026, 3, 30));
    // leap year
    let est = estimate(&plan, date(2028, 1, 31), None, "0");
    assert_eq!(est.estimates.current_invoice.period_end, date(2028, 2, 28));
    assert_eq!(
        est.estimates.next_invoice.unwrap().period_start,
        date(2028, 2, 29)
    );
}

#[test]
fn end_date_cuts_and_prorates_the_first_period() {
    let plan = plan(BillingPeriod::P1M, vec![flat_item(1, "Pro", "31")]);
    let est = estimate(&plan, date(2026, 1, 1), Some(date(2026, 1, 15)), "0");
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_end, date(2026, 1, 15));
    assert_eq!(current.line_items[0].amount, dec("15.00"));
    assert_eq!(
        current.line_items[0].description,
        "Pro, 1–15 Jan 2026 (15 of 31 days)"
    );
    assert_eq!(
        current.notes,
        ["Your contract ends on 15 Jan 2026, so this period is charged for 15 of 31 days."]
    );
    assert_eq!(est.estimates.next_invoice, None);
}

#[test]
fn end_date_cuts_the_second_period() {
    let plan = plan(BillingPeriod::P1M, vec![flat_item(1, "Pro", "28")]);
    let est = estimate(&plan, date(2026, 1, 1), Some(date(2026, 2, 14)), "0");
    assert_eq!(est.estimates.current_invoice.total, dec("28"));
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!(next.period_end, date(2026, 2, 14));
    assert_eq!(next.total, dec("14.00"));
    // a contract ending exactly with the first period has no next invoice
    let est = estimate(&plan, date(2026, 1, 1), Some(date(2026, 1, 31)), "0");
    assert_eq!(est.estimates.current_invoice.total, dec("28"));
    assert_eq!(est.estimates.next_invoice, None);
}

#[test]
fn a_one_day_contract_is_billed_for_one_day() {
    let plan = plan(BillingPeriod::P1Y, vec![flat_item(1, "Pro", "365")]);
    let est = estimate(&plan, date(2026, 3, 1), Some(date(2026, 3, 1)), "0");
    assert_eq!(est.estimates.current_invoice.total, dec("1.00"));
    assert_eq!(est.estimates.current_invoice.period_end, date(2026, 3, 1));
}

#[test]
fn trial_is_free_and_the_first_paid_period_follows_it() {
    let mut plan = typical_plan();
    plan.trial_period_days = 14;
    let est = estimate(&plan, date(2026, 3, 1), None, "10");
    assert_eq!(est.billing_anchor_date, date(2026, 3, 15));
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_start, date(2026, 3, 1));
    assert_eq!(current.period_end, date(2026, 3, 14));
    assert_eq!(kinds(current), [LineKind::Trial, LineKind::Trial]);
    assert_eq!(current.total, dec("0"));
    assert_eq!(current.amount_due, dec("0"));
    assert_eq!(
        current.line_items[0].description,
        "Pro, free trial, 1–14 Mar 2026"
    );
    assert_eq!(
        current.notes,
        [
            "Free trial until 14 Mar 2026.",
            "Your first payment of $196.90 is on 15 Mar 2026."
        ]
    );
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!(next.period_start, date(2026, 3, 15));
    assert_eq!(next.period_end, date(2026, 4, 14));
    assert_eq!(
        kinds(&next),
        [
            LineKind::Recurring,
            LineKind::Recurring,
            LineKind::OneTime,
            LineKind::Usage
        ]
    );
    assert_eq!(next.total, dec("196.90"));
}

#[test]
fn a_contract_ending_during_the_trial_has_no_paid_invoice() {
    let mut plan = typical_plan();
    plan.trial_period_days = 30;
    let est = estimate(&plan, date(2026, 3, 1), Some(date(2026, 3, 10)), "0");
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_end, date(2026, 3, 10));
    assert_eq!(current.notes[0], "Free trial until 10 Mar 2026.");
    assert_eq!(est.estimates.next_invoice, None);
}

#[test]
fn a_contract_ending_in_the_first_paid_period_after_a_trial_is_prorated() {
    let mut plan = plan(BillingPeriod::P1M, vec![flat_item(1, "Pro", "30")]);
    plan.trial_period_days = 10;
    let est = estimate(&plan, date(2026, 4, 1), Some(date(2026, 4, 25)), "0");
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!(next.period_start, date(2026, 4, 11));
    assert_eq!(next.period_end, date(2026, 4, 25));
    assert_eq!(next.total, dec("15.00"));
}

#[test]
fn yen_and_dinar_amounts_have_their_minor_units() {
    let plan = plan(
        BillingPeriod::P1M,
        vec![per_unit_item(1, "Seats", "333.3333", 1)],
    );
    let jpy_est = estimate_new_subscription(&NewSubscription {
        currency: jpy(),
        tax_rate: dec("8"),
        plan: &plan,
        start_date: date(2026, 1, 1),
        end_date: None,
        discount: None,
    })
    .unwrap();
    let inv = &jpy_est.estimates.current_invoice;
    assert_eq!(inv.subtotal.to_string(), "333");
    assert_eq!(inv.tax.to_string(), "27");
    assert_eq!(inv.total.to_string(), "360");
    let kwd_est = estimate_new_subscription(&NewSubscription {
        currency: kwd(),
        tax_rate: dec("8"),
        plan: &plan,
        start_date: date(2026, 1, 1),
        end_date: None,
        discount: None,
    })
    .unwrap();
    let inv = &kwd_est.estimates.current_invoice;
    assert_eq!(inv.subtotal.to_string(), "333.333");
    assert_eq!(inv.tax.to_string(), "26.667");
    assert_eq!(inv.total.to_string(), "360.000");
}

#[test]
fn refuses_an_end_before_the_start_and_a_bad_tax_rate() {
    let plan = typical_plan();
    let mut input = NewSubscription {
        currency: usd(),
        tax_rate: dec("0"),
        plan: &plan,
        start_date: date(2026, 3, 1),
        end_date: Some(date(2026, 2, 28)),
        discount: None,
    };
    assert_eq!(
        estimate_new_subscription(&input),
        Err(BillingError::EndBeforeStart)
    );
    input.end_date = None;
    input.tax_rate = dec("101");
    assert_eq!(
        estimate_new_subscription(&input),
        Err(BillingError::InvalidTaxRate)
    );
}

#[test]
fn quarterly_and_yearly_periods() {
    let quarterly = plan(BillingPeriod::P3M, vec![flat_item(1, "Pro", "90")]);
    let est = estimate(&quarterly, date(2026, 11, 30), None, "0");
    assert_eq!(est.estimates.current_invoice.period_end, date(2027, 2, 27));
    let next = est.estimates.next_invoice.unwrap();
    assert_eq!(next.period_start, date(2027, 2, 28));
    assert_eq!(next.period_end, date(2027, 5, 29));
    let yearly = plan(BillingPeriod::P1Y, vec![flat_item(1, "Pro", "900")]);
    let est = estimate(&yearly, date(2028, 2, 29), None, "0");
    assert_eq!(est.estimates.current_invoice.period_end, date(2029, 2, 27));
}
