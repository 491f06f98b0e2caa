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
                    (Some(tiers), _) => Some(Pricing::Step {
                        tiers: tiers
                            .into_iter()
                            .map(|t| Tier {
                                unit_amount: None,
                                ..t
                            })
                            .collect(),
                    }),
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
            // A zero unit amount prices nothing, so it contradicts nothing: plans exported
            // from other billing systems carry one (issue 16). It is dropped when stored.
            if tier.unit_amount.is_some_and(|u| !u.is_zero()) {
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
mod tests;
