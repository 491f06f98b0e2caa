use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn tier(up_to: Option<u64>, unit: Option<&str>, flat: Option<&str>) -> Tier {
    Tier {
        up_to,
        unit_amount: unit.map(d),
        flat_amount: flat.map(d),
    }
}

fn spec_tiers() -> Vec<Tier> {
    vec![
        tier(Some(500), Some("2"), None),
        tier(Some(2000), Some("1.5"), None),
        tier(None, Some("1"), None),
    ]
}

fn step_tiers() -> Vec<Tier> {
    vec![
        tier(Some(500), None, Some("100")),
        tier(Some(2000), None, Some("300")),
        tier(None, None, Some("600")),
    ]
}

fn parse_json(json: &str) -> Result<Pricing, Vec<FieldError>> {
    let input: PricingInput = serde_json::from_str(json).unwrap();
    Pricing::parse(input, "items[0].pricing")
}

fn fields(result: Result<Pricing, Vec<FieldError>>) -> Vec<String> {
    result.unwrap_err().into_iter().map(|e| e.field).collect()
}

#[test]
fn spec_example_tiered_and_volume() {
    assert_eq!(
        Pricing::Tiered {
            tiers: spec_tiers()
        }
        .amount(1500),
        d("2500")
    );
    assert_eq!(
        Pricing::Volume {
            tiers: spec_tiers()
        }
        .amount(1500),
        d("2250")
    );
}

#[test]
fn tiered_at_tier_boundaries() {
    let p = Pricing::Tiered {
        tiers: spec_tiers(),
    };
    assert_eq!(p.amount(0), d("0"));
    assert_eq!(p.amount(1), d("2"));
    assert_eq!(p.amount(500), d("1000"));
    assert_eq!(p.amount(501), d("1001.5"));
    assert_eq!(p.amount(2000), d("3250"));
    assert_eq!(p.amount(2001), d("3251"));
}

#[test]
fn volume_at_tier_boundaries() {
    let p = Pricing::Volume {
        tiers: spec_tiers(),
    };
    assert_eq!(p.amount(0), d("0"));
    assert_eq!(p.amount(500), d("1000"));
    assert_eq!(p.amount(501), d("751.5"));
    assert_eq!(p.amount(2000), d("3000"));
    assert_eq!(p.amount(2001), d("2001"));
}

#[test]
fn tiered_flat_amounts_apply_when_any_unit_falls_in_the_tier() {
    let p = Pricing::Tiered {
        tiers: vec![
            tier(Some(10), Some("1"), Some("5")),
            tier(None, Some("0.5"), Some("20")),
        ],
    };
    assert_eq!(p.amount(0), d("0"));
    assert_eq!(p.amount(1), d("6"));
    assert_eq!(p.amount(10), d("15"));
    assert_eq!(p.amount(11), d("35.5"));
}

#[test]
fn volume_adds_the_flat_amount_of_the_tier_containing_q() {
    let p = Pricing::Volume {
        tiers: vec![
            tier(Some(10), Some("1"), Some("5")),
            tier(None, Some("0.5"), Some("20")),
        ],
    };
    assert_eq!(p.amount(10), d("15"));
    assert_eq!(p.amount(11), d("25.5"));
    // Quantity 0 lies in the first tier (SPEC: "the tier containing q").
    assert_eq!(p.amount(0), d("5"));
}

#[test]
fn package_rounds_packages_up() {
    let p = Pricing::Package {
        package_size: 100,
        package_amount: d("8"),
    };
    assert_eq!(p.amount(0), d("0"));
    assert_eq!(p.amount(1), d("8"));
    assert_eq!(p.amount(100), d("8"));
    assert_eq!(p.amount(101), d("16"));
    assert_eq!(p.amount(250), d("24"));
}

#[test]
fn step_prices_the_tier_containing_q() {
    let p = Pricing::Step {
        tiers: step_tiers(),
    };
    assert_eq!(p.amount(1500), d("300"));
    assert_eq!(p.amount(0), d("100"));
    assert_eq!(p.amount(500), d("100"));
    assert_eq!(p.amount(501), d("300"));
    assert_eq!(p.amount(2000), d("300"));
    assert_eq!(p.amount(2001), d("600"));
}

#[test]
fn flat_fee_ignores_quantity_and_per_unit_multiplies() {
    let flat = Pricing::FlatFee { amount: d("29.99") };
    assert_eq!(flat.amount(0), d("29.99"));
    assert_eq!(flat.amount(7), d("29.99"));
    let per_unit = Pricing::PerUnit {
        unit_amount: d("0.0005"),
    };
    assert_eq!(per_unit.amount(3), d("0.0015"));
    assert_eq!(flat.unit_price(), Some(d("29.99")));
    assert_eq!(per_unit.unit_price(), Some(d("0.0005")));
    assert_eq!(
        Pricing::Step {
            tiers: step_tiers()
        }
        .unit_price(),
        None
    );
}

#[test]
fn huge_amounts_are_reported_not_wrapped() {
    let p = Pricing::PerUnit {
        unit_amount: d("79228162514264337593543950335"),
    };
    assert_eq!(p.checked_amount(2), None);
    assert_eq!(p.amount(2), Decimal::MAX);
    let tiered = Pricing::Tiered {
        tiers: vec![tier(None, Some("79228162514264337593543950335"), None)],
    };
    assert_eq!(tiered.checked_amount(u64::MAX), None);
}

#[test]
fn unit_amount_round_trips_exactly_from_a_string_or_a_number() {
    for json in [
        r#"{"pricing_type":"per_unit","unit_amount":"0.0005"}"#,
        r#"{"pricing_type":"per_unit","unit_amount":0.0005}"#,
    ] {
        let p: Pricing = serde_json::from_str(json).unwrap();
        assert_eq!(
            p,
            Pricing::PerUnit {
                unit_amount: d("0.0005")
            }
        );
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"pricing_type":"per_unit","unit_amount":0.0005}"#
        );
        // through a serde_json::Value as well (stored JSON)
        let value = serde_json::to_value(&p).unwrap();
        let back: Pricing = serde_json::from_value(value).unwrap();
        assert_eq!(back, p);
    }
}

#[test]
fn serializes_with_the_spec_field_names() {
    let p = Pricing::Tiered {
        tiers: vec![
            tier(Some(500), Some("2.00"), Some("10")),
            tier(None, Some("1.5"), None),
        ],
    };
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"pricing_type":"tiered","tiers":[{"up_to":500,"unit_amount":2.00,"flat_amount":10},{"up_to":null,"unit_amount":1.5}]}"#
    );
    let package = Pricing::Package {
        package_size: 100,
        package_amount: d("8"),
    };
    assert_eq!(
        serde_json::to_string(&package).unwrap(),
        r#"{"pricing_type":"package","package_size":100,"package_amount":8}"#
    );
    let flat = Pricing::FlatFee { amount: d("29.99") };
    assert_eq!(
        serde_json::to_string(&flat).unwrap(),
        r#"{"pricing_type":"flat_fee","amount":29.99}"#
    );
    for p in [
        p,
        package,
        flat,
        Pricing::Step {
            tiers: step_tiers(),
        },
    ] {
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Pricing>(&json).unwrap(), p);
    }
}

#[test]
fn reports_missing_and_negative_amounts() {
    assert_eq!(
        fields(parse_json(r#"{"pricing_type":"flat_fee"}"#)),
        ["items[0].pricing.amount"]
    );
    let errors = parse_json(r#"{"pricing_type":"per_unit","unit_amount":"-1"}"#).unwrap_err();
    assert_eq!(errors[0].field, "items[0].pricing.unit_amount");
    assert_eq!(errors[0].message, "must not be negative");
    assert!(parse_json(r#"{"pricing_type":"flat_fee","amount":0}"#).is_ok());
}

#[test]
fn reports_fields_that_do_not_belong_to_the_type() {
    assert_eq!(
        fields(parse_json(
            r#"{"pricing_type":"flat_fee","amount":1,"unit_amount":2,"tiers":[],"package_size":3,"package_amount":4}"#
        )),
        [
            "items[0].pricing.unit_amount",
            "items[0].pricing.tiers",
            "items[0].pricing.package_size",
            "items[0].pricing.package_amount"
        ]
    );
}

#[test]
fn reports_bad_packages() {
    assert_eq!(
        fields(parse_json(r#"{"pricing_type":"package","package_size":0}"#)),
        [
            "items[0].pricing.package_size",
            "items[0].pricing.package_amount"
        ]
    );
}

#[test]
fn reports_every_tier_problem() {
    let errors = parse_json(
        r#"{"pricing_type":"tiered","tiers":[
            {"up_to":500,"unit_amount":2},
            {"up_to":500,"flat_amount":1},
            {"up_to":null,"unit_amount":1},
            {"up_to":3000,"unit_amount":"-1"}
        ]}"#,
    )
    .unwrap_err();
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "items[0].pricing.tiers[1].up_to",
                "must be greater than the previous tier's up_to (500)"
            ),
            ("items[0].pricing.tiers[1].unit_amount", "is required"),
            (
                "items[0].pricing.tiers[2].up_to",
                "is required on every tier but the last"
            ),
            (
                "items[0].pricing.tiers[3].up_to",
                "must be null on the last tier, so that every quantity has a price"
            ),
            (
                "items[0].pricing.tiers[3].unit_amount",
                "must not be negative"
            ),
        ]
    );
    assert_eq!(
        fields(parse_json(r#"{"pricing_type":"volume","tiers":[]}"#)),
        ["items[0].pricing.tiers"]
    );
    assert_eq!(
        fields(parse_json(r#"{"pricing_type":"volume"}"#)),
        ["items[0].pricing.tiers"]
    );
    assert_eq!(
        fields(parse_json(
            r#"{"pricing_type":"tiered","tiers":[{"up_to":0,"unit_amount":1},{"up_to":null,"unit_amount":1}]}"#
        )),
        ["items[0].pricing.tiers[0].up_to"]
    );
}

#[test]
fn step_tiers_need_flat_amounts_and_no_unit_amounts() {
    assert_eq!(
        fields(parse_json(
            r#"{"pricing_type":"step","tiers":[{"up_to":10,"unit_amount":1},{"up_to":null,"flat_amount":5}]}"#
        )),
        [
            "items[0].pricing.tiers[0].unit_amount",
            "items[0].pricing.tiers[0].flat_amount"
        ]
    );
}

#[test]
fn a_zero_unit_amount_on_a_step_tier_is_accepted_and_dropped() {
    let pricing = parse_json(
        r#"{"pricing_type":"step","tiers":[{"up_to":10,"unit_amount":0,"flat_amount":"20"},{"up_to":null,"unit_amount":"0.00","flat_amount":50}]}"#,
    )
    .unwrap();
    let Pricing::Step { tiers } = &pricing else {
        panic!("{pricing:?}")
    };
    assert!(tiers.iter().all(|t| t.unit_amount.is_none()));
    assert_eq!(pricing.checked_amount(11), Some(Decimal::from(50)));
    // A non-zero one still contradicts the flat amount.
    assert_eq!(
        fields(parse_json(
            r#"{"pricing_type":"step","tiers":[{"up_to":null,"unit_amount":"0.01","flat_amount":5}]}"#
        )),
        ["items[0].pricing.tiers[0].unit_amount"]
    );
}

#[test]
fn unknown_fields_are_refused() {
    assert!(
        serde_json::from_str::<PricingInput>(r#"{"pricing_type":"flat_fee","amont":1}"#).is_err()
    );
    assert!(serde_json::from_str::<PricingInput>(r#"{"pricing_type":"free"}"#).is_err());
    assert!(
        serde_json::from_str::<Pricing>(r#"{"pricing_type":"flat_fee"}"#)
            .unwrap_err()
            .to_string()
            .contains("pricing.amount: is required")
    );
}

#[test]
fn billing_is_snake_case() {
    assert_eq!(
        serde_json::to_string(&ItemBilling::OneTime).unwrap(),
        r#""one_time""#
    );
    assert_eq!(
        serde_json::from_str::<ItemBilling>(r#""usage""#).unwrap(),
        ItemBilling::Usage
    );
}
