//! Builders shared by the engine's tests.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::domain::money::Currency;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::{ItemBilling, Pricing, Tier};
use crate::domain::terms::{ItemTerms, PlanTerms};

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

pub fn jpy() -> Currency {
    Currency::parse("JPY").unwrap()
}

pub fn kwd() -> Currency {
    Currency::parse("KWD").unwrap()
}

pub fn pid(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub fn item(n: u128, name: &str, pricing: Pricing, quantity: u64) -> ItemTerms {
    ItemTerms {
        product_id: pid(n),
        name: name.to_owned(),
        description: None,
        unit_label: None,
        billing: ItemBilling::Recurring,
        pricing,
        quantity,
        enabled: true,
    }
}

pub fn flat_item(n: u128, name: &str, amount: &str) -> ItemTerms {
    item(
        n,
        name,
        Pricing::FlatFee {
            amount: dec(amount),
        },
        1,
    )
}

pub fn per_unit_item(n: u128, name: &str, unit_amount: &str, quantity: u64) -> ItemTerms {
    item(
        n,
        name,
        Pricing::PerUnit {
            unit_amount: dec(unit_amount),
        },
        quantity,
    )
}

/// Tiers 0–500 at 2, 501–2000 at 1.5, 2001–10000 at 1, 10001+ at 0.5, quantity 1500.
pub fn tiered_item(n: u128, name: &str) -> ItemTerms {
    let tier = |up_to: Option<u64>, unit: &str| Tier {
        up_to,
        unit_amount: Some(dec(unit)),
        flat_amount: None,
    };
    item(
        n,
        name,
        Pricing::Tiered {
            tiers: vec![
                tier(Some(500), "2"),
                tier(Some(2000), "1.5"),
                tier(Some(10000), "1"),
                tier(None, "0.5"),
            ],
        },
        1500,
    )
}

pub fn plan(billing_period: BillingPeriod, items: Vec<ItemTerms>) -> PlanTerms {
    PlanTerms {
        plan_id: pid(1000),
        name: "Plan".to_owned(),
        billing_period,
        trial_period_days: 0,
        items,
    }
}
