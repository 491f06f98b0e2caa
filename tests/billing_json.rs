//! The estimate engine's output is the API's JSON: exact numbers, SPEC field names.

use std::str::FromStr;

use chrono::NaiveDate;
use hosted_checkout::billing::{NewSubscription, estimate_new_subscription};
use hosted_checkout::domain::money::Currency;
use hosted_checkout::domain::period::BillingPeriod;
use hosted_checkout::domain::pricing::{ItemBilling, Pricing};
use hosted_checkout::domain::terms::{ItemTerms, PlanTerms};
use rust_decimal::Decimal;
use uuid::Uuid;

fn pricing(json: &str) -> Pricing {
    serde_json::from_str(json).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_new_subscription_estimate_serializes_as_the_api_shows_it() {
    let plan = PlanTerms {
        plan_id: Uuid::from_u128(1),
        name: "Pro".into(),
        billing_period: BillingPeriod::P1M,
        trial_period_days: 0,
        items: vec![
            ItemTerms {
                product_id: Uuid::from_u128(2),
                name: "Pro".into(),
                description: None,
                unit_label: None,
                billing: ItemBilling::Recurring,
                pricing: pricing(r#"{"pricing_type":"flat_fee","amount":"29.99"}"#),
                quantity: 1,
                enabled: true,
            },
            ItemTerms {
                product_id: Uuid::from_u128(3),
                name: "API calls".into(),
                description: None,
                unit_label: Some("call".into()),
                billing: ItemBilling::Usage,
                pricing: pricing(r#"{"pricing_type":"per_unit","unit_amount":0.0005}"#),
                quantity: 0,
                enabled: true,
            },
        ],
    };
    let est = estimate_new_subscription(&NewSubscription {
        currency: Currency::parse("EUR").unwrap(),
        tax_rate: Decimal::from_str("19").unwrap(),
        plan: &plan,
        start_date: date(2026, 12, 1),
        end_date: Some(date(2026, 12, 31)),
        discount: None,
    })
    .unwrap();
    let json = serde_json::to_value(&est.estimates).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        r#"{
        "current_invoice": {
            "currency": "EUR",
            "period_start": "2026-12-01",
            "period_end": "2026-12-31",
            "line_items": [
                {"product_id": "00000000-0000-0000-0000-000000000002", "name": "Pro",
                 "description": "Pro, 1–31 Dec 2026", "quantity": 1, "unit_price": 29.99,
                 "amount": 29.99, "period_start": "2026-12-01", "period_end": "2026-12-31",
                 "kind": "recurring"},
                {"product_id": "00000000-0000-0000-0000-000000000003", "name": "API calls",
                 "description": "API calls, 1–31 Dec 2026, billed at the end of the period for what you use",
                 "quantity": 0, "unit_price": 0.0005, "amount": 0.00,
                 "period_start": "2026-12-01", "period_end": "2026-12-31", "kind": "usage"}
            ],
            "subtotal": 29.99, "discount": 0.00, "tax": 5.70, "total": 35.69, "amount_due": 35.69,
            "notes": ["Usage is billed at the end of each period for what you use; it is shown here at 0."],
            "note_details": [{"note": "usage"}]
        },
        "next_invoice": null
    }"#,
    )
    .unwrap();
    assert_eq!(json, expected);
    assert!(
        serde_json::to_string(&est.estimates)
            .unwrap()
            .contains(r#""unit_price":0.0005,"amount":0.00"#)
    );
}
