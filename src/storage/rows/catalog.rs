//! Rows of `business_entities`, `customers`, `products` and `plans`.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Columns, Find, ReadsAll, corrupt, json, opt_json};
use crate::domain::catalog::{BusinessEntity, Customer, Plan, PlanStatus, Product};
use crate::domain::money::Currency;
use crate::domain::period::BillingPeriod;
use crate::storage::{StorageError, StorageResult};

/// A `business_entities` row.
pub(crate) struct EntityRow<'r> {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub logo_url: Option<String>,
    pub brand_color: Option<String>,
    /// A decimal, as text.
    pub tax_rate: &'r str,
    /// JSON.
    pub address: Option<&'r str>,
    pub is_default: bool,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<EntityRow<'_>> for BusinessEntity {
    type Error = StorageError;

    fn try_from(r: EntityRow<'_>) -> StorageResult<Self> {
        Ok(BusinessEntity {
            id: r.id,
            organisation_id: r.organisation_id,
            name: r.name,
            email: r.email,
            logo_url: r.logo_url,
            brand_color: r.brand_color,
            tax_rate: r
                .tax_rate
                .parse()
                .map_err(|e| StorageError::Corrupt(format!("decimal {:?}: {e}", r.tax_rate)))?,
            address: opt_json(r.address)?,
            is_default: r.is_default,
            created_at: r.created_at,
        })
    }
}

/// Where [`EntityRow`]'s columns are.
pub(crate) struct EntityColumns {
    id: usize,
    organisation_id: usize,
    name: usize,
    email: usize,
    logo_url: usize,
    brand_color: usize,
    tax_rate: usize,
    address: usize,
    is_default: usize,
    created_at: usize,
}

impl Columns for EntityColumns {
    type Item = BusinessEntity;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            name: f.at("name")?,
            email: f.at("email")?,
            logo_url: f.at("logo_url")?,
            brand_color: f.at("brand_color")?,
            tax_rate: f.at("tax_rate")?,
            address: f.at("address")?,
            is_default: f.at("is_default")?,
            created_at: f.at("created_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<BusinessEntity> {
        EntityRow {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            name: r.get(self.name)?,
            email: r.get(self.email)?,
            logo_url: r.get(self.logo_url)?,
            brand_color: r.get(self.brand_color)?,
            tax_rate: r.get(self.tax_rate)?,
            address: r.get(self.address)?,
            is_default: r.get(self.is_default)?,
            created_at: r.get(self.created_at)?,
        }
        .try_into()
    }
}

/// A `customers` row.
pub(crate) struct CustomerRow<'r> {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub business_entity_id: Uuid,
    pub customer_name: String,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub external_id: Option<String>,
    pub company_name: Option<String>,
    pub tax_id: Option<String>,
    /// JSON.
    pub address: Option<&'r str>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<CustomerRow<'_>> for Customer {
    type Error = StorageError;

    fn try_from(r: CustomerRow<'_>) -> StorageResult<Self> {
        Ok(Customer {
            id: r.id,
            organisation_id: r.organisation_id,
            business_entity_id: r.business_entity_id,
            customer_name: r.customer_name,
            email: r.email,
            phone_number: r.phone_number,
            external_id: r.external_id,
            company_name: r.company_name,
            tax_id: r.tax_id,
            address: opt_json(r.address)?,
            created_at: r.created_at,
        })
    }
}

/// Where [`CustomerRow`]'s columns are.
pub(crate) struct CustomerColumns {
    pub(crate) id: usize,
    organisation_id: usize,
    business_entity_id: usize,
    customer_name: usize,
    email: usize,
    phone_number: usize,
    external_id: usize,
    company_name: usize,
    tax_id: usize,
    address: usize,
    created_at: usize,
}

impl Columns for CustomerColumns {
    type Item = Customer;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            business_entity_id: f.at("business_entity_id")?,
            customer_name: f.at("customer_name")?,
            email: f.at("email")?,
            phone_number: f.at("phone_number")?,
            external_id: f.at("external_id")?,
            company_name: f.at("company_name")?,
            tax_id: f.at("tax_id")?,
            address: f.at("address")?,
            created_at: f.at("created_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Customer> {
        CustomerRow {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            business_entity_id: r.get(self.business_entity_id)?,
            customer_name: r.get(self.customer_name)?,
            email: r.get(self.email)?,
            phone_number: r.get(self.phone_number)?,
            external_id: r.get(self.external_id)?,
            company_name: r.get(self.company_name)?,
            tax_id: r.get(self.tax_id)?,
            address: r.get(self.address)?,
            created_at: r.get(self.created_at)?,
        }
        .try_into()
    }
}

/// A `products` row (nothing in it needs parsing).
pub(crate) struct ProductColumns {
    id: usize,
    organisation_id: usize,
    name: usize,
    sku: usize,
    description: usize,
    unit_label: usize,
    created_at: usize,
}

impl Columns for ProductColumns {
    type Item = Product;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            name: f.at("name")?,
            sku: f.at("sku")?,
            description: f.at("description")?,
            unit_label: f.at("unit_label")?,
            created_at: f.at("created_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Product> {
        Ok(Product {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            name: r.get(self.name)?,
            sku: r.get(self.sku)?,
            description: r.get(self.description)?,
            unit_label: r.get(self.unit_label)?,
            created_at: r.get(self.created_at)?,
        })
    }
}

/// A `plans` row.
pub(crate) struct PlanRow<'r> {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub currency: &'r str,
    pub billing_period: &'r str,
    pub trial_period_days: i64,
    pub business_entity_id: Option<Uuid>,
    pub status: &'r str,
    /// JSON.
    pub items: &'r str,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<PlanRow<'_>> for Plan {
    type Error = StorageError;

    fn try_from(r: PlanRow<'_>) -> StorageResult<Self> {
        Ok(Plan {
            id: r.id,
            organisation_id: r.organisation_id,
            name: r.name,
            description: r.description,
            currency: Currency::parse(r.currency).map_err(|_| corrupt("currency", r.currency))?,
            billing_period: BillingPeriod::parse(r.billing_period)
                .map_err(|_| corrupt("billing_period", r.billing_period))?,
            trial_period_days: u32::try_from(r.trial_period_days)
                .map_err(|_| corrupt("trial_period_days", &r.trial_period_days.to_string()))?,
            business_entity_id: r.business_entity_id,
            status: PlanStatus::parse(r.status).ok_or_else(|| corrupt("plan status", r.status))?,
            items: json(r.items)?,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

/// Where [`PlanRow`]'s columns are.
pub(crate) struct PlanColumns {
    pub(crate) id: usize,
    organisation_id: usize,
    name: usize,
    description: usize,
    currency: usize,
    billing_period: usize,
    trial_period_days: usize,
    business_entity_id: usize,
    status: usize,
    items: usize,
    created_at: usize,
    updated_at: usize,
}

impl Columns for PlanColumns {
    type Item = Plan;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            organisation_id: f.at("organisation_id")?,
            name: f.at("name")?,
            description: f.at("description")?,
            currency: f.at("currency")?,
            billing_period: f.at("billing_period")?,
            trial_period_days: f.at("trial_period_days")?,
            business_entity_id: f.at("business_entity_id")?,
            status: f.at("status")?,
            items: f.at("items")?,
            created_at: f.at("created_at")?,
            updated_at: f.at("updated_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Plan> {
        PlanRow {
            id: r.get(self.id)?,
            organisation_id: r.get(self.organisation_id)?,
            name: r.get(self.name)?,
            description: r.get(self.description)?,
            currency: r.get(self.currency)?,
            billing_period: r.get(self.billing_period)?,
            trial_period_days: r.get(self.trial_period_days)?,
            business_entity_id: r.get(self.business_entity_id)?,
            status: r.get(self.status)?,
            items: r.get(self.items)?,
            created_at: r.get(self.created_at)?,
            updated_at: r.get(self.updated_at)?,
        }
        .try_into()
    }
}

/// Where an `api_keys` row's columns are (never its hash).
pub(crate) struct ApiKeyColumns {
    id: usize,
    name: usize,
    key_prefix: usize,
    created_at: usize,
    last_used_at: usize,
    revoked_at: usize,
}

impl Columns for ApiKeyColumns {
    type Item = crate::domain::catalog::ApiKey;

    fn find<R: ReadsAll + ?Sized>(f: &Find<'_, R>) -> StorageResult<Self> {
        Ok(Self {
            id: f.at("id")?,
            name: f.at("name")?,
            key_prefix: f.at("key_prefix")?,
            created_at: f.at("created_at")?,
            last_used_at: f.at("last_used_at")?,
            revoked_at: f.at("revoked_at")?,
        })
    }

    fn decode<R: ReadsAll + ?Sized>(&self, r: &R) -> StorageResult<Self::Item> {
        Ok(crate::domain::catalog::ApiKey {
            id: r.get(self.id)?,
            name: r.get(self.name)?,
            prefix: r.get(self.key_prefix)?,
            created_at: r.get(self.created_at)?,
            last_used_at: r.get(self.last_used_at)?,
            revoked_at: r.get(self.revoked_at)?,
        })
    }
}
