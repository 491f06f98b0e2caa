//! Estimate engine benchmarks (targets: new subscription ≤ 2 µs, with a discount ≤ 2 µs,
//! 20-item plan change ≤ 20 µs).

use std::hint::black_box;
use std::str::FromStr;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use hosted_checkout::billing::{
    Amendment, NewSubscription, estimate_amendment, estimate_new_subscription, resolve_items,
};
use hosted_checkout::domain::discount::{Discount, DiscountDuration, DiscountValue};
use hosted_checkout::domain::money::Currency;
use hosted_checkout::domain::overrides::{AmendmentKind, ProrationBehavior};
use hosted_checkout::domain::period::BillingPeriod;
use hosted_checkout::domain::pricing::{ItemBilling, Pricing, Tier};
use hosted_checkout::domain::terms::{ContractTerms, ItemTerms, PlanTerms};
use rust_decimal::Decimal;
use uuid::Uuid;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal literal")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date literal")
}

fn item(n: u128, name: &str, pricing: Pricing, quantity: u64) -> ItemTerms {
    ItemTerms {
        product_id: Uuid::from_u128(n),
        name: name.to_owned(),
        description: None,
        unit_label: None,
        billing: ItemBilling::Recurring,
        pricing,
        quantity,
        enabled: true,
    }
}

fn tiered() -> Pricing {
    let tier = |up_to: Option<u64>, unit: &str| Tier {
        up_to,
        unit_amount: Some(dec(unit)),
        flat_amount: None,
    };
    Pricing::Tiered {
        tiers: vec![
            tier(Some(500), "2"),
            tier(Some(2000), "1.5"),
            tier(Some(10000), "1"),
            tier(None, "0.5"),
        ],
    }
}

fn plan(period: BillingPeriod, items: Vec<ItemTerms>) -> PlanTerms {
    PlanTerms {
        plan_id: Uuid::from_u128(1000),
        name: "Pro".to_owned(),
        billing_period: period,
        trial_period_days: 0,
        items,
    }
}

fn twenty_items(price_factor: i64) -> Vec<ItemTerms> {
    (0..20u128)
        .map(|i| {
            let pricing = match i % 3 {
                0 => Pricing::FlatFee {
                    amount: Decimal::new(999 * price_factor + i as i64, 2),
                },
                1 => Pricing::PerUnit {
                    unit_amount: Decimal::new(125 * price_factor, 2),
                },
                _ => tiered(),
            };
            item(i + 1, "Feature add-on", pricing, 10 + i as u64 * 100)
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let usd = Currency::parse("USD").expect("USD");
    let typical = plan(
        BillingPeriod::P1M,
        vec![
            item(1, "Pro plan", Pricing::FlatFee { amount: dec("49") }, 1),
            item(
                2,
                "Seats",
                Pricing::PerUnit {
                    unit_amount: dec("12.50"),
                },
                5,
            ),
            item(3, "API calls", tiered(), 1500),
        ],
    );
    c.bench_function("new_subscription_3_items", |b| {
        b.iter(|| {
            estimate_new_subscription(black_box(&NewSubscription {
                currency: usd,
                tax_rate: dec("8.25"),
                plan: &typical,
                start_date: date(2026, 1, 31),
                end_date: None,
                discount: None,
            }))
        })
    });

    // Issue 16: the same plan with a 20 % coupon for 3 periods (both invoices discounted).
    let coupon = Discount {
        coupon_id: Uuid::from_u128(77),
        name: "Spring".to_owned(),
        promotion_code_id: Some(Uuid::from_u128(78)),
        code: Some("SPRING20".to_owned()),
        value: DiscountValue::PercentOff { percent: dec("20") },
        duration: DiscountDuration::Repeating(3),
        applies_to: None,
    };
    c.bench_function("new_subscription_3_items_discounted", |b| {
        b.iter(|| {
            estimate_new_subscription(black_box(&NewSubscription {
                currency: usd,
                tax_rate: dec("8.25"),
                plan: &typical,
                start_date: date(2026, 1, 31),
                end_date: None,
                discount: Some(&coupon),
            }))
        })
    });

    let contract = ContractTerms {
        plan: plan(BillingPeriod::P1M, twenty_items(1)),
        start_date: date(2026, 1, 31),
        end_date: None,
        billing_anchor_date: date(2026, 1, 31),
        discount: None,
    };
    let target = plan(BillingPeriod::P1M, twenty_items(2));
    let new_plan = PlanTerms {
        items: resolve_items(
            AmendmentKind::PlanChange,
            &contract.plan.items,
            &target.items,
            &[],
        )
        .expect("resolved"),
        ..target
    };
    c.bench_function("plan_change_20_items", |b| {
        b.iter(|| {
            estimate_amendment(black_box(&Amendment {
                currency: usd,
                tax_rate: dec("8.25"),
                contract: &contract,
                new_plan: &new_plan,
                effective_date: date(2026, 11, 16),
                behavior: ProrationBehavior::ProrateNow,
                new_discount: None,
                replaces: None,
            }))
        })
    });
}

criterion_group!(billing, benches);
criterion_main!(billing);
