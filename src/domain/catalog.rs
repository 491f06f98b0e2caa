//! Catalog aggregates: organisations, business entities, customers, products, plans, contracts.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::customer::Address;
use super::money::Currency;
use super::overrides::LineState;
use super::period::BillingPeriod;
use super::pricing::{ItemBilling, Pricing};
use super::terms::{ItemTerms, PlanTerms};

/// An API key as the API shows it: never the secret (shown once, at creation), only its
/// first characters to recognise it by.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ApiKey {
    pub id: Uuid,
    pub name: Option<String>,
    /// The key's first 10 characters (`hc_` and 7 more).
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    /// Updated at most every few seconds per process (the key cache's lifetime).
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    /// Signs the parameters appended to confirm and cancel redirects (SPEC §9).
    pub redirect_secret: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct BusinessEntity {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub logo_url: Option<String>,
    pub brand_color: Option<String>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub tax_rate: Decimal,
    pub address: Option<Address>,
    pub is_default: bool,
    pub created_at: DateTime<Utc>,
}

impl BusinessEntity {
    /// A tax rate is a percentage from 0 to 100.
    pub fn tax_rate_valid(rate: Decimal) -> bool {
        (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&rate)
    }

    /// A brand colour is `#` and six hex digits (`#1a73e8`).
    pub fn brand_color_valid(c: &str) -> bool {
        c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Customer {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub business_entity_id: Uuid,
    pub customer_name: String,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub external_id: Option<String>,
    pub company_name: Option<String>,
    pub tax_id: Option<String>,
    pub address: Option<Address>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Product {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub name: String,
    pub sku: Option<String>,
    pub description: Option<String>,
    pub unit_label: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Active,
    Archived,
}

impl PlanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Archived => "archived",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "archived" => Some(Self::Archived),
            _ => None,
        }
    }
}

/// One line of a plan. Stored as JSON with the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlanItem {
    pub product_id: Uuid,
    #[schema(value_type = crate::domain::pricing::PricingInput)]
    pub pricing: Pricing,
    pub billing: ItemBilling,
    pub quantity: u64,
    pub min_quantity: Option<u64>,
    pub max_quantity: Option<u64>,
    pub adjustable: bool,
    pub is_enabled: bool,
    pub optional: bool,
}

/// The quantities a line allows (`min_quantity..=max_quantity`, either end open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuantityBounds {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

impl QuantityBounds {
    /// Whether `q` is within the bounds: the one rule for every quantity a merchant or
    /// customer sets (API overrides, contract import, the hosted plan step).
    pub fn allows(self, q: u64) -> bool {
        self.min.is_none_or(|m| q >= m) && self.max.is_none_or(|m| q <= m)
    }
}

impl PlanItem {
    pub fn bounds(&self) -> QuantityBounds {
        QuantityBounds {
            min: self.min_quantity,
            max: self.max_quantity,
        }
    }

    /// The plan's default quantity and enabled state for this line.
    pub fn default_state(&self) -> LineState {
        LineState {
            quantity: self.quantity,
            enabled: self.is_enabled,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Plan {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub currency: Currency,
    pub billing_period: BillingPeriod,
    pub trial_period_days: u32,
    pub business_entity_id: Option<Uuid>,
    pub status: PlanStatus,
    pub items: Vec<PlanItem>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Plan {
    pub fn item(&self, product_id: Uuid) -> Option<&PlanItem> {
        self.items.iter().find(|i| i.product_id == product_id)
    }

    /// Contract lines for this plan's resolved `items`, with the plan's quantity bounds.
    pub fn contract_items(&self, items: &[ItemTerms]) -> Vec<ContractItem> {
        items
            .iter()
            .map(|t| ContractItem::from_terms(t, self.item(t.product_id)))
            .collect()
    }

    pub fn product_ids(&self) -> Vec<Uuid> {
        self.items.iter().map(|i| i.product_id).collect()
    }

    /// The plan's terms for the estimate engine, with product names from `products`.
    pub fn terms(&self, products: &[Product]) -> PlanTerms {
        PlanTerms {
            plan_id: self.id,
            name: self.name.clone(),
            billing_period: self.billing_period,
            trial_period_days: self.trial_period_days,
            items: self
                .items
                .iter()
                .map(|i| {
                    let p = products.iter().find(|p| p.id == i.product_id);
                    ItemTerms {
                        product_id: i.product_id,
                        name: p.map_or_else(|| "Item".to_owned(), |p| p.name.clone()),
                        description: p.and_then(|p| p.description.clone()),
                        unit_label: p.and_then(|p| p.unit_label.clone()),
                        billing: i.billing,
                        pricing: i.pricing.clone(),
                        quantity: i.quantity,
                        enabled: i.is_enabled,
                    }
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    Active,
    Ended,
}

impl ContractStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "ended" => Some(Self::Ended),
            _ => None,
        }
    }
}

/// A contract line: product, quantity, enabled state and the pricing snapshot it was sold at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ContractItem {
    pub product_id: Uuid,
    pub name: String,
    pub unit_label: Option<String>,
    pub billing: ItemBilling,
    #[schema(value_type = crate::domain::pricing::PricingInput)]
    pub pricing: Pricing,
    pub quantity: u64,
    pub is_enabled: bool,
    pub min_quantity: Option<u64>,
    pub max_quantity: Option<u64>,
}

impl ContractItem {
    pub fn from_terms(t: &ItemTerms, plan_item: Option<&PlanItem>) -> Self {
        Self {
            product_id: t.product_id,
            name: t.name.clone(),
            unit_label: t.unit_label.clone(),
            billing: t.billing,
            pricing: t.pricing.clone(),
            quantity: t.quantity,
            is_enabled: t.enabled,
            min_quantity: plan_item.and_then(|p| p.min_quantity),
            max_quantity: plan_item.and_then(|p| p.max_quantity),
        }
    }

    pub fn terms(&self) -> ItemTerms {
        ItemTerms {
            product_id: self.product_id,
            name: self.name.clone(),
            description: None,
            unit_label: self.unit_label.clone(),
            billing: self.billing,
            pricing: self.pricing.clone(),
            quantity: self.quantity,
            enabled: self.is_enabled,
        }
    }

    pub fn bounds(&self) -> QuantityBounds {
        QuantityBounds {
            min: self.min_quantity,
            max: self.max_quantity,
        }
    }

    pub fn state(&self) -> LineState {
        LineState {
            quantity: self.quantity,
            enabled: self.is_enabled,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ContractVersion {
    pub version: i64,
    pub effective_date: NaiveDate,
    pub plan_id: Uuid,
    pub billing_anchor_date: NaiveDate,
    pub items: Vec<ContractItem>,
    pub change_summary: String,
    pub checkout_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Contract {
    pub id: Uuid,
    #[serde(skip)]
    pub organisation_id: Uuid,
    pub customer_id: Uuid,
    pub plan_id: Uuid,
    pub currency: Currency,
    pub status: ContractStatus,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub billing_anchor_date: NaiveDate,
    pub items: Vec<ContractItem>,
    pub versions: Vec<ContractVersion>,
    pub checkout_id: Option<Uuid>,
    /// Grows by one with every amendment: a receiver of events keeps the highest it saw.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The discount the contract holds (SPEC §10): the coupon's terms and the days it covers.
    pub discount: Option<super::discount::AppliedDiscount>,
    /// The next phase when a change is scheduled (SPEC §11, `at_period_end`); `plan_id`,
    /// `items`, `billing_anchor_date` and `discount` above are the terms before it.
    #[serde(rename = "scheduled_change")]
    pub scheduled: Option<ContractPhase>,
    /// The version that set the terms above (the scheduled phase has a later one).
    #[serde(skip)]
    pub current_version: i64,
    /// The terms in force today and the scheduled ones, as [`Contract::with_phases`] sets
    /// them for a reader; empty elsewhere.
    pub phases: Vec<ContractPhase>,
}

/// A contract's terms over a span of days (SPEC §11).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ContractPhase {
    /// The contract version that set these terms (a phase is known by it).
    pub version: i64,
    pub start_date: NaiveDate,
    /// Last day, inclusive; `None`: until the contract ends (or the next phase starts).
    pub end_date: Option<NaiveDate>,
    pub plan_id: Uuid,
    /// The plan's name when the phase was set (for sentences about it).
    #[serde(default)]
    pub plan_name: String,
    pub items: Vec<ContractItem>,
    pub billing_anchor_date: NaiveDate,
    pub discount: Option<super::discount::AppliedDiscount>,
    pub checkout_id: Option<Uuid>,
}

/// The terms in force on a day: the current phase's, or the scheduled one's from its start.
#[derive(Debug, Clone, Copy)]
pub struct InForce<'a> {
    pub plan_id: Uuid,
    pub items: &'a [ContractItem],
    pub billing_anchor_date: NaiveDate,
    pub discount: Option<&'a super::discount::AppliedDiscount>,
    /// The version that set them.
    pub version: i64,
}

/// What a new contract starts from: a new subscription confirmed, or a contract imported.
#[derive(Debug, Clone)]
pub struct NewContract<'a> {
    pub organisation_id: Uuid,
    pub customer_id: Uuid,
    pub plan: &'a Plan,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub billing_anchor_date: NaiveDate,
    /// The plan's lines after the overrides, as the engine resolved them.
    pub items: &'a [ItemTerms],
    pub change_summary: String,
    pub checkout_id: Option<Uuid>,
    pub now: DateTime<Utc>,
    /// The discount the first checkout redeemed, with the days it covers.
    pub discount: Option<super::discount::AppliedDiscount>,
}

impl Contract {
    pub fn item(&self, product_id: Uuid) -> Option<&ContractItem> {
        self.items.iter().find(|i| i.product_id == product_id)
    }

    /// A new active contract with its first version: the one way a contract comes to be.
    pub fn start(n: NewContract<'_>) -> Contract {
        let items = n.plan.contract_items(n.items);
        Contract {
            id: Uuid::new_v4(),
            organisation_id: n.organisation_id,
            customer_id: n.customer_id,
            plan_id: n.plan.id,
            currency: n.plan.currency,
            status: ContractStatus::Active,
            start_date: n.start_date,
            end_date: n.end_date,
            billing_anchor_date: n.billing_anchor_date,
            versions: vec![ContractVersion {
                version: 1,
                effective_date: n.start_date,
                plan_id: n.plan.id,
                billing_anchor_date: n.billing_anchor_date,
                items: items.clone(),
                change_summary: n.change_summary,
                checkout_id: n.checkout_id,
                created_at: n.now,
            }],
            items,
            checkout_id: n.checkout_id,
            version: 1,
            created_at: n.now,
            updated_at: n.now,
            discount: n.discount,
            scheduled: None,
            current_version: 1,
            phases: Vec::new(),
        }
    }

    /// The scheduled phase if it has started by `day`.
    fn due(&self, day: NaiveDate) -> Option<&ContractPhase> {
        self.scheduled.as_ref().filter(|s| s.start_date <= day)
    }

    /// The terms in force on `day` (SPEC §11: every amendment is priced against them).
    pub fn in_force_on(&self, day: NaiveDate) -> InForce<'_> {
        match self.due(day) {
            Some(s) => InForce {
                plan_id: s.plan_id,
                items: &s.items,
                billing_anchor_date: s.billing_anchor_date,
                discount: s.discount.as_ref(),
                version: s.version,
            },
            None => InForce {
                plan_id: self.plan_id,
                items: &self.items,
                billing_anchor_date: self.billing_anchor_date,
                discount: self.discount.as_ref(),
                version: self.current_version,
            },
        }
    }

    /// A scheduled phase that `day` comes before: what an amendment effective then replaces.
    pub fn scheduled_after(&self, day: NaiveDate) -> Option<&ContractPhase> {
        self.scheduled.as_ref().filter(|s| s.start_date > day)
    }

    /// The contract with the terms in force on `day` as its current ones: a scheduled phase
    /// that has started by then is folded in (the row catches up with the next amendment).
    pub fn as_of(mut self, day: NaiveDate) -> Contract {
        if let Some(s) = self.due(day).cloned() {
            self.plan_id = s.plan_id;
            self.items = s.items;
            self.billing_anchor_date = s.billing_anchor_date;
            self.discount = s.discount;
            self.current_version = s.version;
            self.scheduled = None;
        }
        self
    }

    /// The contract as it stands on `today` ([`Contract::as_of`]), with `phases` filled in.
    pub fn with_phases(self, today: NaiveDate) -> Contract {
        let mut c = self.as_of(today);
        c.phases = c.phases_now();
        c
    }

    fn phases_now(&self) -> Vec<ContractPhase> {
        let current_start = self
            .versions
            .iter()
            .find(|v| v.version == self.current_version)
            .map_or(self.start_date, |v| v.effective_date);
        let current_end = match &self.scheduled {
            Some(s) => s.start_date.pred_opt(),
            None => self.end_date,
        };
        let current = ContractPhase {
            version: self.current_version,
            start_date: current_start,
            end_date: current_end,
            plan_id: self.plan_id,
            plan_name: String::new(),
            items: self.items.clone(),
            billing_anchor_date: self.billing_anchor_date,
            discount: self.discount.clone(),
            checkout_id: self
                .versions
                .iter()
                .find(|v| v.version == self.current_version)
                .and_then(|v| v.checkout_id),
        };
        std::iter::once(current)
            .chain(self.scheduled.iter().map(|s| ContractPhase {
                end_date: self.end_date,
                ..s.clone()
            }))
            .collect()
    }

    /// The contract's lines after an amendment to `plan` with the resolved `items`: bounds
    /// come from the plan, and a line the plan no longer has keeps the contract's bounds.
    pub fn amended_items(&self, plan: &Plan, items: &[ItemTerms]) -> Vec<ContractItem> {
        items
            .iter()
            .map(|t| {
                let mut item = ContractItem::from_terms(t, plan.item(t.product_id));
                if let Some(old) = self.item(t.product_id)
                    && plan.item(t.product_id).is_none()
                {
                    item.min_quantity = old.min_quantity;
                    item.max_quantity = old.max_quantity;
                }
                item
            })
            .collect()
    }
}
