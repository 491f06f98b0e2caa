//! What a checkout asks to change: item overrides, the kind of amendment, and how the rest of
//! the current period is settled.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A requested change to one item (`product_overrides[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemOverride {
    pub product_id: Uuid,
    #[serde(default)]
    pub quantity: Option<u64>,
    #[serde(default)]
    pub is_enabled: Option<bool>,
}

/// A line's quantity and whether it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineState {
    pub quantity: u64,
    pub enabled: bool,
}

impl LineState {
    /// Where a line of the new plan starts on a plan change (SPEC §6): a product that is also
    /// on the contract keeps the contract's quantity and enabled state; any other takes the
    /// plan's defaults.
    pub fn on_plan_change(plan_default: LineState, on_contract: Option<LineState>) -> LineState {
        on_contract.unwrap_or(plan_default)
    }

    /// The line after the merchant's or customer's override, if any.
    pub fn with_override(self, o: Option<&ItemOverride>) -> LineState {
        LineState {
            quantity: o.and_then(|o| o.quantity).unwrap_or(self.quantity),
            enabled: o.and_then(|o| o.is_enabled).unwrap_or(self.enabled),
        }
    }
}

/// What kind of amendment a checkout makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendmentKind {
    PlanChange,
    QuantityUpdate,
}

/// How the rest of the current period is settled (`proration_behavior`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProrationBehavior {
    /// `prorate_now` for an upgrade (equal counts as one), `at_period_end` for a downgrade.
    #[default]
    Auto,
    /// Credit the unused old terms and charge the new terms for the rest of the period now.
    ProrateNow,
    /// Keep the old terms until the period ends; the change takes effect then.
    AtPeriodEnd,
    /// The change takes effect now with nothing charged or credited for the rest of the period.
    None,
}

impl ProrationBehavior {
    pub fn as_str(self) -> &'static str {
        match self {
            ProrationBehavior::Auto => "auto",
            ProrationBehavior::ProrateNow => "prorate_now",
            ProrationBehavior::AtPeriodEnd => "at_period_end",
            ProrationBehavior::None => "none",
        }
    }

    /// The inverse of [`ProrationBehavior::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Auto, Self::ProrateNow, Self::AtPeriodEnd, Self::None]
            .into_iter()
            .find(|b| b.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proration_behavior_strings_round_trip() {
        for b in [
            ProrationBehavior::Auto,
            ProrationBehavior::ProrateNow,
            ProrationBehavior::AtPeriodEnd,
            ProrationBehavior::None,
        ] {
            assert_eq!(ProrationBehavior::parse(b.as_str()), Some(b));
            assert_eq!(
                serde_json::to_value(b).unwrap(),
                serde_json::Value::String(b.as_str().into())
            );
        }
        assert_eq!(ProrationBehavior::parse("later"), None);
    }

    #[test]
    fn a_plan_change_keeps_the_contracts_line_and_overrides_win() {
        let plan = LineState {
            quantity: 1,
            enabled: true,
        };
        let contract = LineState {
            quantity: 7,
            enabled: false,
        };
        assert_eq!(LineState::on_plan_change(plan, Some(contract)), contract);
        assert_eq!(LineState::on_plan_change(plan, None), plan);
        let o = ItemOverride {
            product_id: Uuid::nil(),
            quantity: Some(3),
            is_enabled: None,
        };
        assert_eq!(
            contract.with_override(Some(&o)),
            LineState {
                quantity: 3,
                enabled: false
            }
        );
    }
}
