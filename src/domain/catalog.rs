//! Catalog aggregates: organisations, business entities, customers, products, plans, contracts.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::customer::Address;
use super::money::Currency;
use super::period::BillingPeriod;
use super::pricing::{ItemBilling, Pricing};
use crate::billing::{ItemTerms, PlanTerms};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
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

impl PlanItem {
    /// Whether `q` is a quantity the customer may choose for this item.
    pub fn quantity_allowed(&self, q: u64) -> bool {
        self.min_quantity.is_none_or(|m| q >= m) && self.max_quantity.is_none_or(|m| q <= m)
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

    pub fn quantity_allowed(&self, q: u64) -> bool {
        self.min_quantity.is_none_or(|m| q >= m) && self.max_quantity.is_none_or(|m| q <= m)
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
    #[serde(skip)]
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Contract {
    pub fn item(&self, product_id: Uuid) -> Option<&ContractItem> {
        self.items.iter().find(|i| i.product_id == product_id)
    }
}
