//! Properties of the engine that must hold for every valid input.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::invoice::prorate;
use super::test_support::*;
use super::*;
use crate::domain::discount::{Discount, DiscountDuration, DiscountValue};
use crate::domain::invoice::{Invoice, LineKind};
use crate::domain::overrides::ProrationBehavior;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::{ItemBilling, Pricing, Tier};
use crate::domain::terms::{ContractTerms, PlanTerms};

fn currency() -> impl Strategy<Value = Currency> {
    prop_oneof![Just("USD"), Just("EUR"), Just("JPY"), Just("KWD")]
        .prop_map(|code| Currency::parse(code).unwrap())
}

fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000, 0u32..=4).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn tiers(with_units: bool) -> impl Strategy<Value = Vec<Tier>> {
    prop::collection::vec((1u64..2000, amount(), prop::option::of(amount())), 1..5).prop_map(
        move |raw| {
            let last = raw.len() - 1;
            let mut up_to = 0u64;
            raw.into_iter()
                .enumerate()
                .map(|(i, (step, unit, flat))| {
                    up_to += step;
                    Tier {
                        up_to: (i != last).then_some(up_to),
                        unit_amount: with_units.then_some(unit),
                        flat_amount: if with_units { flat } else { Some(unit) },
                    }
                })
                .collect()
        },
    )
}

fn pricing() -> impl Strategy<Value = Pricing> {
    prop_oneof![
        amount().prop_map(|amount| Pricing::FlatFee { amount }),
        amount().prop_map(|unit_amount| Pricing::PerUnit { unit_amount }),
        tiers(true).prop_map(|tiers| Pricing::Tiered { tiers }),
        tiers(true).prop_map(|tiers| Pricing::Volume { tiers }),
        (1u64..500, amount()).prop_map(|(package_size, package_amount)| Pricing::Package {
            package_size,
            package_amount
        }),
        tiers(false).prop_map(|tiers| Pricing::Step { tiers }),
    ]
}

fn billing() -> impl Strategy<Value = ItemBilling> {
    prop_oneof![
        6 => Just(ItemBilling::Recurring),
        1 => Just(ItemBilling::OneTime),
        1 => Just(ItemBilling::Usage),
    ]
}

fn items() -> impl Strategy<Value = Vec<ItemTerms>> {
    prop::collection::vec(
        (pricing(), billing(), 0u64..5000, prop::bool::weighted(0.85)),
        0..6,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (pricing, billing, quantity, enabled))| ItemTerms {
                billing,
                enabled,
                ..item(i as u128 + 1, "Item", pricing, quantity)
            })
            .collect()
    })
}

fn period() -> impl Strategy<Value = BillingPeriod> {
    prop_oneof![
        Just(BillingPeriod::P1M),
        Just(BillingPeriod::P3M),
        Just(BillingPeriod::P6M),
        Just(BillingPeriod::P1Y),
    ]
}

fn plan_terms() -> impl Strategy<Value = PlanTerms> {
    (
        period(),
        prop_oneof![3 => Just(0u32), 1 => 1u32..60],
        items(),
    )
        .prop_map(|(billing_period, trial_period_days, items)| PlanTerms {
            trial_period_days,
            ..plan(billing_period, items)
        })
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0u64..3650).prop_map(|n| date(2020, 1, 1) + Days::new(n))
}

fn tax_rate() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        (0i64..=10_000).prop_map(|m| Decimal::new(m, 2))
    ]
}

fn check_invoice(invoice: &Invoice) -> Result<(), TestCaseError> {
    let c = invoice.currency;
    let (discounts, charges): (Vec<_>, Vec<_>) = invoice
        .line_items
        .iter()
        .partition(|l| l.kind == LineKind::Discount);
    prop_assert_eq!(
        invoice.subtotal,
        charges.iter().map(|l| l.amount).sum::<Decimal>()
    );
    prop_assert_eq!(
        invoice.discount,
        discounts.iter().map(|l| l.amount).sum::<Decimal>()
    );
    prop_assert_eq!(
        invoice.total,
        invoice.subtotal + invoice.discount + invoice.tax
    );
    prop_assert_eq!(invoice.amount_due, invoice.total.max(Decimal::ZERO));
    for amount in invoice.line_items.iter().map(|l| l.amount).chain([
        invoice.subtotal,
        invoice.discount,
        invoice.tax,
        invoice.total,
        invoice.amount_due,
    ]) {
        prop_assert_eq!(amount, c.round(amount), "not exact to the minor unit");
        prop_assert!(amount.scale() <= c.minor_units());
    }
    prop_assert!(invoice.period_start <= invoice.period_end);
    for line in &invoice.line_items {
        prop_assert!(line.period_start <= line.period_end);
        if line.kind == LineKind::Credit {
            prop_assert!(line.amount < Decimal::ZERO);
        }
    }
    Ok(())
}

fn discount() -> impl Strategy<Value = Discount> {
    (
        prop_oneof![
            (1i64..=10_000).prop_map(|m| DiscountValue::PercentOff {
                percent: Decimal::new(m, 2)
            }),
            amount().prop_map(|amount| DiscountValue::AmountOff {
                amount,
                currency: usd()
            }),
        ],
        prop_oneof![
            Just(DiscountDuration::Once),
            (1u32..30).prop_map(DiscountDuration::Repeating),
            Just(DiscountDuration::Forever),
        ],
        prop::option::of(prop::collection::vec(1u128..7, 0..3)),
    )
        .prop_map(|(value, duration, applies_to)| Discount {
            coupon_id: pid(99),
            name: "Coupon".into(),
            promotion_code_id: None,
            code: None,
            value,
            duration,
            applies_to: applies_to.map(|ids| ids.into_iter().map(pid).collect()),
        })
}

fn contract_and_change() -> impl Strategy<
    Value = (
        Currency,
        Decimal,
        ContractTerms,
        PlanTerms,
        u64,
        ProrationBehavior,
    ),
> {
    (
        currency(),
        tax_rate(),
        plan_terms(),
        plan_terms(),
        day(),
        0u64..60,
        prop::option::of(0u64..800),
        0u64..800,
        prop_oneof![
            Just(ProrationBehavior::Auto),
            Just(ProrationBehavior::ProrateNow),
            Just(ProrationBehavior::AtPeriodEnd),
            Just(ProrationBehavior::None),
        ],
    )
        .prop_map(
            |(currency, tax, old, new, start, trial, length, offset, behavior)| {
                let end_date = length.map(|n| start + Days::new(n));
                let contract = ContractTerms {
                    plan: old,
                    start_date: start,
                    end_date,
                    billing_anchor_date: start + Days::new(trial),
                    discount: None,
                };
                let offset = match length {
                    Some(n) => offset % (n + 1),
                    None => offset,
                };
                (currency, tax, contract, new, offset, behavior)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn new_subscription_invoices_add_up(
        currency in currency(),
        tax in tax_rate(),
        plan in plan_terms(),
        start in day(),
        length in prop::option::of(0u64..800),
    ) {
        let end_date = length.map(|n| start + Days::new(n));
        let est = estimate_new_subscription(&NewSubscription {
            currency,
            tax_rate: tax,
            plan: &plan,
            start_date: start,
            end_date,
            discount: None,
        })
        .unwrap();
        check_invoice(&est.estimates.current_invoice)?;
        if let Some(next) = &est.estimates.next_invoice {
            check_invoice(next)?;
            prop_assert!(next.period_start > est.estimates.current_invoice.period_end);
            if let Some(end) = end_date {
                prop_assert!(next.period_end <= end);
            }
        }
        prop_assert_eq!(
            est.billing_anchor_date,
            start + Days::new(u64::from(plan.trial_period_days))
        );
    }

    #[test]
    fn a_full_first_period_charges_each_item_in_full(
        currency in currency(),
        plan in plan_terms(),
        start in day(),
    ) {
        let plan = PlanTerms { trial_period_days: 0, ..plan };
        let est = estimate_new_subscription(&NewSubscription {
            currency,
            tax_rate: Decimal::ZERO,
            plan: &plan,
            start_date: start,
            end_date: None,
            discount: None,
        })
        .unwrap();
        let expected = period_total(currency, &plan.items).unwrap();
        let recurring: Decimal = est
            .estimates
            .current_invoice
            .line_items
            .iter()
            .filter(|l| l.kind == LineKind::Recurring)
            .map(|l| l.amount)
            .sum();
        prop_assert_eq!(recurring, expected);
    }

    #[test]
    fn full_period_proration_equals_the_full_amount(
        currency in currency(),
        full in amount(),
        days in 1i64..400,
    ) {
        prop_assert_eq!(prorate(currency, full, days, days).unwrap(), currency.round(full));
    }

    #[test]
    fn proration_never_exceeds_the_full_amount(
        currency in currency(),
        full in amount(),
        period_days in 1i64..400,
        part in 0i64..400,
    ) {
        let part = part % (period_days + 1);
        let prorated = prorate(currency, full, part, period_days).unwrap();
        prop_assert!(prorated <= currency.round(full));
        prop_assert!(prorated >= Decimal::ZERO);
    }

    #[test]
    fn amendments_add_up_and_never_panic(
        (currency, tax, contract, new_plan, offset, behavior) in contract_and_change(),
        old_discount in prop::option::of(discount()),
        new_discount in prop::option::of(discount()),
    ) {
        let d = contract.start_date + Days::new(offset);
        let mut contract = contract;
        if let Some(old) = &old_discount {
            let anchor = contract.billing_anchor_date;
            contract.discount = Some(
                discount::applied(old, anchor, anchor, contract.plan.billing_period, currency, Decimal::ONE)
                    .unwrap(),
            );
        }
        let est = estimate_amendment(&Amendment {
            currency,
            tax_rate: tax,
            contract: &contract,
            new_plan: &new_plan,
            effective_date: d,
            behavior,
            new_discount: new_discount.as_ref(),
            replaces: None,
        })
        .unwrap();
        prop_assert_ne!(est.behavior, ProrationBehavior::Auto);
        check_invoice(&est.estimates.current_invoice)?;
        if let Some(next) = &est.estimates.next_invoice {
            check_invoice(next)?;
            prop_assert!(next.period_start > est.estimates.current_invoice.period_start);
        }
        prop_assert!(est.effective_date >= d);
        prop_assert!(!est.summary.is_empty());
    }

    #[test]
    fn a_discount_never_takes_a_total_below_zero_or_above_the_undiscounted_one(
        currency in currency(),
        tax in tax_rate(),
        plan in plan_terms(),
        start in day(),
        d in discount(),
    ) {
        let estimate = |discount: Option<&Discount>| estimate_new_subscription(&NewSubscription {
            currency,
            tax_rate: tax,
            plan: &plan,
            start_date: start,
            end_date: None,
            discount,
        })
        .unwrap();
        let full = estimate(None);
        let off = estimate(Some(&d));
        let pairs = [
            (&full.estimates.current_invoice, &off.estimates.current_invoice),
            (full.estimates.next_invoice.as_ref().unwrap(), off.estimates.next_invoice.as_ref().unwrap()),
        ];
        for (full, off) in pairs {
            check_invoice(off)?;
            prop_assert!(off.total >= Decimal::ZERO);
            prop_assert!(off.discount <= Decimal::ZERO);
            prop_assert!(off.total <= full.total);
            prop_assert_eq!(off.subtotal, full.subtotal);
        }
    }

    #[test]
    fn percent_discounts_are_monotone_in_the_percentage(
        currency in currency(),
        plan in plan_terms(),
        start in day(),
        a in 1i64..=10_000,
        b in 1i64..=10_000,
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let total = |m: i64| {
            let d = Discount {
                value: DiscountValue::PercentOff { percent: Decimal::new(m, 2) },
                duration: DiscountDuration::Forever,
                applies_to: None,
                coupon_id: pid(99),
                name: "Coupon".into(),
                promotion_code_id: None,
                code: None,
            };
            estimate_new_subscription(&NewSubscription {
                currency,
                tax_rate: Decimal::ZERO,
                plan: &plan,
                start_date: start,
                end_date: None,
                discount: Some(&d),
            })
            .unwrap()
            .estimates
            .current_invoice
            .total
        };
        prop_assert!(total(high) <= total(low));
    }

    #[test]
    fn a_discount_never_lasts_longer_than_its_periods_across_amendments(
        plan in plan_terms(),
        start in day(),
        d in discount(),
        steps in prop::collection::vec((0u64..200, 0u64..50, prop::bool::ANY), 1..6),
    ) {
        let first = estimate_new_subscription(&NewSubscription {
            currency: usd(),
            tax_rate: Decimal::ZERO,
            plan: &plan,
            start_date: start,
            end_date: None,
            discount: Some(&d),
        })
        .unwrap();
        let mut contract = ContractTerms {
            plan: plan.clone(),
            start_date: start,
            end_date: None,
            billing_anchor_date: first.billing_anchor_date,
            discount: first.discount.clone(),
        };
        let window = first.discount.clone().unwrap();
        let mut discounted_periods = std::collections::BTreeSet::new();
        let mut note = |inv: &Invoice| {
            if inv.line_items.iter().any(|l| l.kind == LineKind::Discount && l.amount < Decimal::ZERO)
                && inv.line_items.iter().all(|l| l.kind != LineKind::ProrationCredit)
            {
                discounted_periods.insert(inv.period_start);
            }
        };
        note(&first.estimates.current_invoice);
        if let Some(n) = &first.estimates.next_invoice { note(n); }
        let mut day = start;
        for (gap, qty, period_end) in steps {
            day = day + Days::new(gap);
            let mut new_plan = contract.plan.clone();
            for item in &mut new_plan.items { item.quantity = qty; }
            let est = estimate_amendment(&Amendment {
                currency: usd(),
                tax_rate: Decimal::ZERO,
                contract: &contract,
                new_plan: &new_plan,
                effective_date: day,
                behavior: if period_end { ProrationBehavior::AtPeriodEnd } else { ProrationBehavior::ProrateNow },
                new_discount: None,
                replaces: None,
            })
            .unwrap();
            let after = est.discount.clone().unwrap();
            prop_assert_eq!((after.starts_on, after.ends_before), (window.starts_on, window.ends_before));
            if let Some(n) = &est.estimates.next_invoice { note(n); }
            contract.plan = new_plan;
            contract.billing_anchor_date = est.billing_anchor_date;
            contract.discount = Some(after);
        }
        if let Some(n) = d.duration.periods() {
            prop_assert!(discounted_periods.len() <= n as usize, "{:?}", discounted_periods);
        }
    }

    #[test]
    fn prorating_unchanged_terms_nets_to_zero(
        (currency, tax, contract, _new_plan, offset, _behavior) in contract_and_change(),
    ) {
        let d = contract.start_date + Days::new(offset);
        let est = estimate_amendment(&Amendment {
            currency,
            tax_rate: tax,
            contract: &contract,
            new_plan: &contract.plan,
            effective_date: d,
            behavior: ProrationBehavior::ProrateNow,
            new_discount: None,
            replaces: None,
        })
        .unwrap();
        prop_assert!(est.is_upgrade);
        prop_assert_eq!(est.estimates.current_invoice.total, Decimal::ZERO);
        prop_assert_eq!(est.old_total_per_period, est.new_total_per_period);
    }

    #[test]
    fn graduated_tiers_never_cost_less_for_more(tiers in tiers(true), q in 0u64..20_000) {
        let p = Pricing::Tiered { tiers };
        prop_assert!(p.amount(q) <= p.amount(q + 1));
    }

    #[test]
    fn per_unit_and_package_never_cost_less_for_more(
        unit in amount(),
        size in 1u64..500,
        q in 0u64..1_000_000,
    ) {
        let per_unit = Pricing::PerUnit { unit_amount: unit };
        prop_assert!(per_unit.amount(q) <= per_unit.amount(q + 1));
        let package = Pricing::Package { package_size: size, package_amount: unit };
        prop_assert!(package.amount(q) <= package.amount(q + 1));
    }

    #[test]
    fn pricing_survives_a_json_round_trip(p in pricing()) {
        let json = serde_json::to_string(&p).unwrap();
        let back: Pricing = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, p);
    }

    #[test]
    fn huge_quantities_are_errors_not_panics(
        currency in currency(),
        pricing in pricing(),
        q in prop_oneof![Just(u64::MAX), Just(u64::MAX / 2), 0u64..u64::MAX],
        start in day(),
    ) {
        let plan = plan(BillingPeriod::P1M, vec![item(1, "Big", pricing, q)]);
        let result = estimate_new_subscription(&NewSubscription {
            currency,
            tax_rate: Decimal::ONE_HUNDRED,
            plan: &plan,
            start_date: start,
            end_date: None,
            discount: None,
        });
        match result {
            Ok(est) => check_invoice(&est.estimates.current_invoice)?,
            Err(e) => prop_assert_eq!(e, BillingError::AmountTooLarge),
        }
    }
}
