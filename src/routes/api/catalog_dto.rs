//! The JSON shapes of the catalog API (SPEC §4) with their OpenAPI schemas; each converts
//! into its use case's input.

use rust_decimal::Decimal;
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::catalog::PlanStatus;
use crate::domain::customer::Address;
use crate::domain::pricing::{ItemBilling, PricingInput};
use crate::services::catalog::{
    CustomerInput, EntityInput, PlanInput, PlanItemInput, ProductInput,
};

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEntity {
    pub name: Option<String>,
    pub email: Option<String>,
    pub logo_url: Option<String>,
    pub brand_color: Option<String>,
    pub tax_rate: Option<Decimal>,
    pub address: Option<Address>,
}

impl From<NewEntity> for EntityInput {
    fn from(b: NewEntity) -> Self {
        EntityInput {
            name: b.name,
            email: b.email,
            logo_url: b.logo_url,
            brand_color: b.brand_color,
            tax_rate: b.tax_rate,
            address: b.address,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCustomer {
    pub customer_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub business_entity_id: Option<Uuid>,
    pub external_id: Option<String>,
    pub company_name: Option<String>,
    pub tax_id: Option<String>,
    pub address: Option<Address>,
}

impl From<NewCustomer> for CustomerInput {
    fn from(b: NewCustomer) -> Self {
        CustomerInput {
            customer_name: b.customer_name,
            email: b.email,
            phone_number: b.phone_number,
            business_entity_id: b.business_entity_id,
            external_id: b.external_id,
            company_name: b.company_name,
            tax_id: b.tax_id,
            address: b.address,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProduct {
    pub name: Option<String>,
    pub sku: Option<String>,
    pub description: Option<String>,
    pub unit_label: Option<String>,
}

impl From<NewProduct> for ProductInput {
    fn from(b: NewProduct) -> Self {
        ProductInput {
            name: b.name,
            sku: b.sku,
            description: b.description,
            unit_label: b.unit_label,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanItem {
    pub product_id: Uuid,
    pub pricing: PricingInput,
    pub billing: Option<ItemBilling>,
    pub quantity: Option<u64>,
    pub min_quantity: Option<u64>,
    pub max_quantity: Option<u64>,
    pub adjustable: Option<bool>,
    pub is_enabled: Option<bool>,
    pub optional: Option<bool>,
}

impl From<NewPlanItem> for PlanItemInput {
    fn from(b: NewPlanItem) -> Self {
        PlanItemInput {
            product_id: b.product_id,
            pricing: b.pricing,
            billing: b.billing,
            quantity: b.quantity,
            min_quantity: b.min_quantity,
            max_quantity: b.max_quantity,
            adjustable: b.adjustable,
            is_enabled: b.is_enabled,
            optional: b.optional,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlan {
    pub name: Option<String>,
    pub description: Option<String>,
    pub currency: Option<String>,
    pub billing_period: Option<String>,
    pub trial_period_days: Option<u32>,
    pub business_entity_id: Option<Uuid>,
    pub status: Option<PlanStatus>,
    pub items: Option<Vec<NewPlanItem>>,
}

impl From<NewPlan> for PlanInput {
    fn from(b: NewPlan) -> Self {
        PlanInput {
            name: b.name,
            description: b.description,
            currency: b.currency,
            billing_period: b.billing_period,
            trial_period_days: b.trial_period_days,
            business_entity_id: b.business_entity_id,
            status: b.status,
            items: b
                .items
                .map(|items| items.into_iter().map(PlanItemInput::from).collect()),
        }
    }
}
