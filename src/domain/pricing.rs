//! How an item is priced (SPEC §4): the one place that says what quantity q costs.
//!
//! Requests and stored JSON are read through the flat [`PricingInput`] (serde's tagged enums do
//! not work with `serde_json/arbitrary_precision` numbers) and turned into a [`Pricing`] by
//! [`Pricing::parse`], which reports every problem with its JSON path. Once you hold a
//! `Pricing`, it is valid: amounts are non-negative, tiers ascend and end with `up_to: null`.

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::domain::validation::FieldError;

/// When an item is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemBilling {
    /// Charged every period, in advance.
    Recurring,
    /// Charged once, on the first paid invoice of a new subscription.
    OneTime,
    /// Metered and billed in arrears; estimates show its price at 0.
    Usage,
}

/// The `pricing_type` of a [`Pricing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PricingType {
    FlatFee,
    PerUnit,
    Tiered,
    Volume,
    Package,
    Step,
}

impl PricingType {
    pub fn as_str(self) -> &'static str {
        match self {
            PricingType::FlatFee => "flat_fee",
            PricingType::PerUnit => "per_unit",
            PricingType::Tiered => "tiered",
            PricingType::Volume => "volume",
            PricingType::Package => "package",
            PricingType::Step => "step",
        }
    }
}

/// One tier of tiered, volume or step pricing. `up_to` is inclusive; the last tier has
/// `up_to: null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(default)]
    pub up_to: Option<u64>,
    #[serde(
        default,
        with = "rust_decimal::serde::arbitrary_precision_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_amount: Option<Decimal>,
    #[serde(
        default,
        with = "rust_decimal::serde::arbitrary_precision_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub flat_amount: Option<Decimal>,
}

/// The pricing object as it arrives in JSON, before validation. Every field is optional so
/// that [`Pricing::parse`] can report all problems at once.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PricingInput {
    pub pricing_type: PricingType,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub amount: Option<Decimal>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub unit_amount: Option<Decimal>,
    #[serde(default)]
    pub tiers: Option<Vec<Tier>>,
    #[serde(default)]
    pub package_size: Option<u64>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    pub package_amount: Option<Decimal>,
}

/// A validated price (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "PricingInput")]
pub enum Pricing {
    /// `amount` per period, whatever the quantity.
    FlatFee { amount: Decimal },
    /// q × `unit_amount`.
    PerUnit { unit_amount: Decimal },
    /// Graduated: each tier prices the units that fall in it, plus its `flat_amount` if any
    /// unit falls in it.
    Tiered { tiers: Vec<Tier> },
    /// The tier containing q prices all q units, plus that tier's `flat_amount`.
    Volume { tiers: Vec<Tier> },
    /// ceil(q / `package_size`) × `package_amount`.
    Package {
        package_size: u64,
        package_amount: Decimal,
    },
    /// The `flat_amount` of the tier containing q.
    Step { tiers: Vec<Tier> },
}

impl Pricing {
    /// Validates a [`PricingInput`] found at JSON path `path` (e.g. `items[0].pricing`),
    /// reporting every problem with its own path.
    pub fn parse(input: PricingInput, path: &str) -> Result<Pricing, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = input.pricing_type;
        let not_used = |errors: &mut Vec<FieldError>, field: &str| {
            errors.push(FieldError::new(
                format!("{path}.{field}"),
                format!("is not used by {} pricing", kind.as_str()),
            ));
        };
        let uses_amount = kind == PricingType::FlatFee;
        let uses_unit_amount = kind == PricingType::PerUnit;
        let uses_tiers = matches!(
            kind,
            PricingType::Tiered | PricingType::Volume | PricingType::Step
        );
        let uses_package = kind == PricingType::Package;
        if !uses_amount && input.amount.is_some() {
            not_used(&mut errors, "amount");
        }
        if !uses_unit_amount && input.unit_amount.is_some() {
            not_used(&mut errors, "unit_amount");
        }
        if !uses_tiers && input.tiers.is_some() {
            not_used(&mut errors, "tiers");
        }
        if !uses_package && input.package_size.is_some() {
            not_used(&mut errors, "package_size");
        }
        if !uses_package && input.package_amount.is_some() {
            not_used(&mut errors, "package_amount");
        }

        let pricing = match kind {
            PricingType::FlatFee => required_amount(&mut errors, path, "amount", input.amount)
                .map(|amount| Pricing::FlatFee { amount }),
            PricingType::PerUnit => {
                required_amount(&mut errors, path, "unit_amount", input.unit_amount)
                    .map(|unit_amount| Pricing::PerUnit { unit_amount })
            }
            PricingType::Package => {
                let size = match input.package_size {
                    None => {
                        errors.push(FieldError::new(
                            format!("{path}.package_size"),
                            "is required for package pricing",
                        ));
                        None
                    }
                    Some(0) => {
                        errors.push(FieldError::new(
                            format!("{path}.package_size"),
                            "must be at least 1",
                        ));
                        None
                    }
                    Some(n) => Some(n),
                };
                let amount =
                    required_amount(&mut errors, path, "package_amount", input.package_amount);
                match (size, amount) {
                    (Some(package_size), Some(package_amount)) => Some(Pricing::Package {
                        package_size,
                        package_amount,
                    }),
                    _ => None,
                }
            }
            PricingType::Tiered | PricingType::Volume | PricingType::Step => {
                validate_tiers(&mut errors, path, kind, input.tiers.as_deref());
                match (input.tiers, kind) {
                    (Some(tiers), PricingType::Tiered) => Some(Pricing::Tiered { tiers }),
                    (Some(tiers), PricingType::Volume) => Some(Pricing::Volume { tiers }),
                    (Some(tiers), _) => Some(Pricing::Step { tiers }),
                    (None, _) => None,
                }
            }
        };
        match pricing {
            Some(pricing) if errors.is_empty() => Ok(pricing),
            _ => Err(errors),
        }
    }

    pub fn pricing_type(&self) -> PricingType {
        match self {
            Pricing::FlatFee { .. } => PricingType::FlatFee,
            Pricing::PerUnit { .. } => PricingType::PerUnit,
            Pricing::Tiered { .. } => PricingType::Tiered,
            Pricing::Volume { .. } => PricingType::Volume,
            Pricing::Package { .. } => PricingType::Package,
            Pricing::Step { .. } => PricingType::Step,
        }
    }

    /// Whether the amount depends on the quantity (everything but `flat_fee`).
    pub fn depends_on_quantity(&self) -> bool {
        !matches!(self, Pricing::FlatFee { .. })
    }

    /// The exact, unrounded amount for `quantity` for one full period, or `None` when it does
    /// not fit in a [`Decimal`] (about 7.9 × 10²⁸).
    pub fn checked_amount(&self, quantity: u64) -> Option<Decimal> {
        let q = Decimal::from(quantity);
        match self {
            Pricing::FlatFee { amount } => Some(*amount),
            Pricing::PerUnit { unit_amount } => q.checked_mul(*unit_amount),
            Pricing::Tiered { tiers } => {
                let mut total = Decimal::ZERO;
                let mut below: u64 = 0;
                for tier in tiers {
                    if quantity <= below {
                        break;
                    }
                    let upper = tier.up_to.unwrap_or(u64::MAX);
                    let units = quantity.min(upper).saturating_sub(below);
                    if units > 0 {
                        let unit = tier.unit_amount.unwrap_or(Decimal::ZERO);
                        total = total.checked_add(Decimal::from(units).checked_mul(unit)?)?;
                        if let Some(flat) = tier.flat_amount {
                            total = total.checked_add(flat)?;
                        }
                    }
                    below = upper;
                }
                Some(total)
            }
            Pricing::Volume { tiers } => {
                let tier = tier_containing(tiers, quantity)?;
                let unit = tier.unit_amount.unwrap_or(Decimal::ZERO);
                q.checked_mul(unit)?
                    .checked_add(tier.flat_amount.unwrap_or(Decimal::ZERO))
            }
            Pricing::Package {
                package_size,
                package_amount,
            } => {
                let packages = quantity.div_ceil((*package_size).max(1));
                Decimal::from(packages).checked_mul(*package_amount)
            }
            Pricing::Step { tiers } => Some(
                tier_containing(tiers, quantity)?
                    .flat_amount
                    .unwrap_or(Decimal::ZERO),
            ),
        }
    }

    /// The exact, unrounded amount for `quantity` for one full period (SPEC §4 table).
    ///
    /// Saturates at [`Decimal::MAX`] for absurd inputs; the estimate engine uses
    /// [`Pricing::checked_amount`] and reports those as an error instead.
    pub fn amount(&self, quantity: u64) -> Decimal {
        self.checked_amount(quantity).unwrap_or(Decimal::MAX)
    }

    /// The price of one unit when there is a single one: `per_unit` → `unit_amount`,
    /// `flat_fee` → `amount`; `None` for tiered, volume, package and step pricing.
    pub fn unit_price(&self) -> Option<Decimal> {
        match self {
            Pricing::FlatFee { amount } => Some(*amount),
            Pricing::PerUnit { unit_amount } => Some(*unit_amount),
            _ => None,
        }
    }
}

fn tier_containing(tiers: &[Tier], quantity: u64) -> Option<&Tier> {
    tiers
        .iter()
        .find(|t| t.up_to.is_none_or(|up_to| quantity <= up_to))
        .or_else(|| tiers.last())
}

fn required_amount(
    errors: &mut Vec<FieldError>,
    path: &str,
    field: &str,
    value: Option<Decimal>,
) -> Option<Decimal> {
    match value {
        None => {
            errors.push(FieldError::new(format!("{path}.{field}"), "is required"));
            None
        }
        Some(v) if v.is_sign_negative() && !v.is_zero() => {
            errors.push(FieldError::new(
                format!("{path}.{field}"),
                "must not be negative",
            ));
            None
        }
        Some(v) => Some(v),
    }
}

fn validate_tiers(
    errors: &mut Vec<FieldError>,
    path: &str,
    kind: PricingType,
    tiers: Option<&[Tier]>,
) {
    let name = kind.as_str();
    let tiers = match tiers {
        None => {
            errors.push(FieldError::new(
                format!("{path}.tiers"),
                format!("is required for {name} pricing"),
            ));
            return;
        }
        Some([]) => {
            errors.push(FieldError::new(
                format!("{path}.tiers"),
                "must have at least one tier",
            ));
            return;
        }
        Some(t) => t,
    };
    let last = tiers.len() - 1;
    let mut previous: Option<u64> = None;
    for (i, tier) in tiers.iter().enumerate() {
        let at = |field: &str| format!("{path}.tiers[{i}].{field}");
        match (tier.up_to, i == last) {
            (None, false) => errors.push(FieldError::new(
                at("up_to"),
                "is required on every tier but the last",
            )),
            (Some(_), true) => errors.push(FieldError::new(
                at("up_to"),
                "must be null on the last tier, so that every quantity has a price",
            )),
            (Some(0), false) => {
                errors.push(FieldError::new(at("up_to"), "must be at least 1"));
            }
            (Some(up_to), false) => {
                if let Some(prev) = previous
                    && up_to <= prev
                {
                    errors.push(FieldError::new(
                        at("up_to"),
                        format!("must be greater than the previous tier's up_to ({prev})"),
                    ));
                }
            }
            (None, true) => {}
        }
        if let Some(up_to) = tier.up_to {
            previous = Some(previous.map_or(up_to, |p| p.max(up_to)));
        }
        if kind == PricingType::Step {
            if tier.unit_amount.is_some() {
                errors.push(FieldError::new(
                    at("unit_amount"),
                    "is not used by step pricing; give each tier a flat_amount",
                ));
            }
            check_amount(errors, at("flat_amount"), tier.flat_amount, true);
        } else {
            check_amount(errors, at("unit_amount"), tier.unit_amount, true);
            check_amount(errors, at("flat_amount"), tier.flat_amount, false);
        }
    }
}

fn check_amount(
    errors: &mut Vec<FieldError>,
    field: String,
    value: Option<Decimal>,
    required: bool,
) {
    match value {
        None if required => errors.push(FieldError::new(field, "is required")),
        Some(v) if v.is_sign_negative() && !v.is_zero() => {
            errors.push(FieldError::new(field, "must not be negative"))
        }
        _ => {}
    }
}

impl TryFrom<PricingInput> for Pricing {
    type Error = String;

    fn try_from(input: PricingInput) -> Result<Self, Self::Error> {
        Pricing::parse(input, "pricing").map_err(|errors| {
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

/// A decimal written as an exact JSON number (with `serde_json/arbitrary_precision`).
struct Exact<'a>(&'a Decimal);

impl Serialize for Exact<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(self.0, serializer)
    }
}

impl Serialize for Pricing {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(match self {
            Pricing::Package { .. } => 3,
            _ => 2,
        }))?;
        map.serialize_entry("pricing_type", &self.pricing_type())?;
        match self {
            Pricing::FlatFee { amount } => map.serialize_entry("amount", &Exact(amount))?,
            Pricing::PerUnit { unit_amount } => {
                map.serialize_entry("unit_amount", &Exact(unit_amount))?
            }
            Pricing::Tiered { tiers } | Pricing::Volume { tiers } | Pricing::Step { tiers } => {
                map.serialize_entry("tiers", tiers)?
            }
            Pricing::Package {
                package_size,
                package_amount,
            } => {
                map.serialize_entry("package_size", package_size)?;
                map.serialize_entry("package_amount", &Exact(package_amount))?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
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
    fn unknown_fields_are_refused() {
        assert!(
            serde_json::from_str::<PricingInput>(r#"{"pricing_type":"flat_fee","amont":1}"#)
                .is_err()
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
}
