use super::super::test_support::*;
use super::*;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::ItemBilling;

fn contract(period: BillingPeriod, items: Vec<ItemTerms>, start: NaiveDate) -> ContractTerms {
    ContractTerms {
        plan: plan(period, items),
        start_date: start,
        end_date: None,
        billing_anchor_date: start,
        discount: None,
    }
}

fn basic_contract() -> ContractTerms {
    contract(
        BillingPeriod::P1M,
        vec![flat_item(1, "Basic", "30")],
        date(2026, 11, 1),
    )
}

fn monthly(items: Vec<ItemTerms>) -> PlanTerms {
    plan(BillingPeriod::P1M, items)
}

fn amend(
    contract: &ContractTerms,
    new_plan: &PlanTerms,
    d: NaiveDate,
    behavior: ProrationBehavior,
    tax: &str,
) -> AmendmentEstimate {
    estimate_amendment(&Amendment {
        currency: usd(),
        tax_rate: dec(tax),
        contract,
        new_plan,
        effective_date: d,
        behavior,
        new_discount: None,
        replaces: None,
    })
    .unwrap()
}

fn lines(invoice: &Invoice) -> Vec<(LineKind, Decimal, &str)> {
    invoice
        .line_items
        .iter()
        .map(|l| (l.kind, l.amount, l.description.as_str()))
        .collect()
}

#[test]
fn prorate_now_credits_the_old_and_charges_the_new_terms() {
    let c = basic_contract();
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let est = amend(
        &c,
        &pro,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_start, date(2026, 11, 16));
    assert_eq!(current.period_end, date(2026, 11, 30));
    assert_eq!(
        lines(current),
        [
            (
                LineKind::ProrationCredit,
                dec("-15"),
                "Unused time on Basic, 16–30 Nov 2026"
            ),
            (
                LineKind::ProrationCharge,
                dec("40"),
                "Remaining time on Pro, 16–30 Nov 2026"
            ),
        ]
    );
    assert_eq!(current.line_items[0].period_end, date(2026, 11, 30));
    assert_eq!(current.total, dec("25"));
    assert_eq!(current.amount_due, dec("25"));
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 12, 1));
    assert_eq!(next.period_end, date(2026, 12, 31));
    assert_eq!(
        lines(next),
        [(LineKind::Recurring, dec("80"), "Pro, 1–31 Dec 2026")]
    );
    assert_eq!(est.behavior, ProrationBehavior::ProrateNow);
    assert_eq!(est.effective_date, date(2026, 11, 16));
    assert_eq!(est.billing_anchor_date, date(2026, 11, 1));
    assert!(est.is_upgrade);
    assert_eq!(est.old_total_per_period, dec("30"));
    assert_eq!(est.new_total_per_period, dec("80"));
    assert_eq!(
        est.summary,
        "You pay $25.00 now for the rest of this period (16–30 Nov 2026). \
         From 1 Dec 2026 you pay $80.00 per month."
    );
    assert_eq!(
        current.notes,
        ["Credits and charges cover the rest of this period, 16–30 Nov 2026 (15 of 30 days)."]
    );
}

#[test]
fn tax_applies_to_the_proration_subtotal() {
    let c = basic_contract();
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let est = amend(
        &c,
        &pro,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "10",
    );
    let current = &est.estimates.current_invoice;
    assert_eq!(current.subtotal, dec("25"));
    assert_eq!(current.tax, dec("2.50"));
    assert_eq!(current.total, dec("27.50"));
    assert_eq!(
        est.summary,
        "You pay $27.50 now for the rest of this period (16–30 Nov 2026). \
         From 1 Dec 2026 you pay $88.00 per month including tax."
    );
}

#[test]
fn auto_prorates_upgrades_and_defers_downgrades() {
    let c = basic_contract();
    let d = date(2026, 11, 16);
    let pro = monthly(vec![flat_item(2, "Pro", "80")]);
    let up = amend(&c, &pro, d, ProrationBehavior::Auto, "0");
    assert_eq!(up.behavior, ProrationBehavior::ProrateNow);
    assert_eq!(up.estimates.current_invoice.total, dec("25"));

    let lite = monthly(vec![flat_item(3, "Lite", "10")]);
    let down = amend(&c, &lite, d, ProrationBehavior::Auto, "0");
    assert_eq!(down.behavior, ProrationBehavior::AtPeriodEnd);
    assert!(!down.is_upgrade);
    assert_eq!(down.effective_date, date(2026, 12, 1));
    let current = &down.estimates.current_invoice;
    assert!(current.line_items.is_empty());
    assert_eq!(current.total, dec("0"));
    assert_eq!(current.period_start, d);
    assert_eq!(current.period_end, date(2026, 11, 30));
    let next = down.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 12, 1));
    assert_eq!(next.total, dec("10"));
    assert_eq!(
        down.summary,
        "Your current terms stay until 30 Nov 2026. From 1 Dec 2026 you pay $10.00 per month."
    );
    assert_eq!(
        current.notes,
        ["Nothing changes before 1 Dec 2026, when the change takes effect."]
    );

    // equal totals count as an upgrade
    let same_price = monthly(vec![flat_item(4, "Basic Plus", "30")]);
    let equal = amend(&c, &same_price, d, ProrationBehavior::Auto, "0");
    assert!(equal.is_upgrade);
    assert_eq!(equal.behavior, ProrationBehavior::ProrateNow);
}

#[test]
fn auto_compares_totals_per_year_across_billing_periods() {
    let c = basic_contract(); // 30 a month = 360 a year
    let yearly = plan(
        BillingPeriod::P1Y,
        vec![flat_item(2, "Basic yearly", "300")],
    );
    let est = amend(
        &c,
        &yearly,
        date(2026, 11, 16),
        ProrationBehavior::Auto,
        "0",
    );
    assert!(!est.is_upgrade);
    assert_eq!(est.behavior, ProrationBehavior::AtPeriodEnd);
    let yearly = plan(
        BillingPeriod::P1Y,
        vec![flat_item(2, "Basic yearly", "360")],
    );
    let est = amend(
        &c,
        &yearly,
        date(2026, 11, 16),
        ProrationBehavior::Auto,
        "0",
    );
    assert!(est.is_upgrade);
}

#[test]
fn none_applies_now_without_charges() {
    let c = basic_contract();
    let lite = monthly(vec![flat_item(3, "Lite", "10")]);
    let est = amend(&c, &lite, date(2026, 11, 16), ProrationBehavior::None, "0");
    assert_eq!(est.behavior, ProrationBehavior::None);
    assert_eq!(est.effective_date, date(2026, 11, 16));
    assert!(est.estimates.current_invoice.line_items.is_empty());
    assert_eq!(est.estimates.current_invoice.amount_due, dec("0"));
    assert_eq!(
        est.estimates.current_invoice.notes,
        ["The change applies from 16 Nov 2026; nothing is charged or credited for 16–30 Nov 2026."]
    );
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 12, 1));
    assert_eq!(next.total, dec("10"));
    assert_eq!(
        est.summary,
        "The change applies from 16 Nov 2026 with nothing charged or credited for the rest \
         of this period. From 1 Dec 2026 you pay $10.00 per month."
    );
}

#[test]
fn a_negative_current_invoice_becomes_a_credit_on_the_next() {
    let c = basic_contract();
    let lite = monthly(vec![flat_item(3, "Lite", "10")]);
    let est = amend(
        &c,
        &lite,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "10",
    );
    let current = &est.estimates.current_invoice;
    assert_eq!(current.subtotal, dec("-10"));
    assert_eq!(current.tax, dec("-1"));
    assert_eq!(current.total, dec("-11"));
    assert_eq!(current.amount_due, dec("0"));
    assert_eq!(
        current.notes[1],
        "Nothing to pay now. Your credit of $10.00 (before tax) is used on your next invoice."
    );
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(
        lines(next),
        [
            (LineKind::Recurring, dec("10"), "Lite, 1–31 Dec 2026"),
            (
                LineKind::Credit,
                dec("-10"),
                "Credit from your change on 16 Nov 2026"
            ),
        ]
    );
    assert_eq!(next.total, dec("0"));
    assert_eq!(next.amount_due, dec("0"));
    assert!(next.notes.is_empty());
    assert_eq!(
        est.summary,
        "You get a credit of $11.00, used on your next invoice, for the rest of this period \
         (16–30 Nov 2026). From 1 Dec 2026 you pay $11.00 per month including tax."
    );
}

#[test]
fn a_credit_larger_than_the_next_invoice_stays_on_the_account() {
    let c = basic_contract();
    let tiny = monthly(vec![flat_item(3, "Tiny", "2")]);
    let est = amend(
        &c,
        &tiny,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    assert_eq!(est.estimates.current_invoice.total, dec("-14"));
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.line_items[1].amount, dec("-2"));
    assert_eq!(next.total, dec("0"));
    assert_eq!(
        next.notes,
        ["A credit of $12.00 (before tax) stays on your account for later invoices."]
    );
}

#[test]
fn changing_to_a_yearly_plan_restarts_the_schedule() {
    let c = basic_contract();
    let pro_yearly = plan(BillingPeriod::P1Y, vec![flat_item(2, "Pro", "300")]);
    let est = amend(
        &c,
        &pro_yearly,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    let current = &est.estimates.current_invoice;
    assert_eq!(current.period_start, date(2026, 11, 16));
    assert_eq!(current.period_end, date(2027, 11, 15));
    assert_eq!(
        lines(current),
        [
            (
                LineKind::ProrationCredit,
                dec("-15"),
                "Unused time on Basic, 16–30 Nov 2026"
            ),
            (
                LineKind::Recurring,
                dec("300"),
                "Pro, 16 Nov 2026 – 15 Nov 2027"
            ),
        ]
    );
    assert_eq!(current.total, dec("285"));
    assert_eq!(est.billing_anchor_date, date(2026, 11, 16));
    assert_eq!(est.effective_date, date(2026, 11, 16));
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2027, 11, 16));
    assert_eq!(next.period_end, date(2028, 11, 15));
    assert_eq!(
        est.summary,
        "You pay $285.00 now for a new billing period starting 16 Nov 2026, less the unused \
         part of your current period. From 16 Nov 2027 you pay $300.00 per year."
    );
}

#[test]
fn changing_from_yearly_to_monthly_credits_the_unused_year() {
    let c = contract(
        BillingPeriod::P1Y,
        vec![flat_item(1, "Basic yearly", "300")],
        date(2026, 1, 1),
    );
    let monthly_plan = monthly(vec![flat_item(2, "Basic monthly", "30")]);
    let est = amend(
        &c,
        &monthly_plan,
        date(2026, 11, 16),
        ProrationBehavior::ProrateNow,
        "0",
    );
    let current = &est.estimates.current_invoice;
    // 46 of 365 days unused: 300 × 46 / 365 = 37.808… → 37.81
    assert_eq!(current.line_items[0].amount, dec("-37.81"));
    assert_eq!(
        current.line_items[0].description,
        "Unused time on Basic yearly, 16 Nov – 31 Dec 2026"
    );
    assert_eq!(current.line_items[1].amount, dec("30"));
    assert_eq!(current.period_end, date(2026, 12, 15));
    assert_eq!(current.total, dec("-7.81"));
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 12, 16));
    assert_eq!(next.line_items[1].amount, dec("-7.81"));
    assert_eq!(next.total, dec("22.19"));
}

#[test]
fn a_new_billing_period_at_period_end_starts_when_the_old_period_ends() {
    let c = basic_contract();
    let yearly = plan(
        BillingPeriod::P1Y,
        vec![flat_item(2, "Basic yearly", "300")],
    );
    let est = amend(
        &c,
        &yearly,
        date(2026, 11, 16),
        ProrationBehavior::AtPeriodEnd,
        "0",
    );
    assert_eq!(est.effective_date, date(2026, 12, 1));
    assert_eq!(est.billing_anchor_date, date(2026, 12, 1));
    let next = est.estimates.next_invoice.as_ref().unwrap();
    assert_eq!(next.period_start, date(2026, 12, 1));
    assert_eq!(next.period_end, date(2027, 11, 30));
    assert_eq!(next.total, dec("300"));
}

mod edges;
