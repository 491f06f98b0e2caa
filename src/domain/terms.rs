//! Terms the estimate engine prices: a plan's or contract's lines with everything needed to
//! bill them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::overrides::LineState;
use super::period::BillingPeriod;
use super::pricing::{ItemBilling, Pricing};

/// One item of a plan or contract, with everything needed to bill it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTerms {
    pub product_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub unit_label: Option<String>,
    pub billing: ItemBilling,
    pub pricing: Pricing,
    pub quantity: u64,
    /// Disabled items (optional add-ons switched off) are not billed and not shown.
    pub enabled: bool,
}

impl ItemTerms {
    pub fn state(&self) -> LineState {
        LineState {
            quantity: self.quantity,
            enabled: self.enabled,
        }
    }

    pub fn with_state(self, s: LineState) -> Self {
        Self {
            quantity: s.quantity,
            enabled: s.enabled,
            ..self
        }
    }
}

/// A plan, or a contract's current terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTerms {
    pub plan_id: Uuid,
    pub name: String,
    pub billing_period: BillingPeriod,
    pub trial_period_days: u32,
    pub items: Vec<ItemTerms>,
}

/// An existing contract: its plan with the contract's current items, and its term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractTerms {
    /// `items` are the contract's current items (quantities, enabled state, pricing snapshot).
    pub plan: PlanTerms,
    pub start_date: NaiveDate,
    /// Last day of service, inclusive.
    pub end_date: Option<NaiveDate>,
    /// Periods start at this date plus k periods (the start date, or the first day after a
    /// trial).
    pub billing_anchor_date: NaiveDate,
    /// The discount the contract holds, with the days it covers (SPEC §10).
    #[serde(default)]
    pub discount: Option<super::discount::AppliedDiscount>,
}
