//! Catalog use cases: business entities, customers, products and plans.

use anyhow::Context as _;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::{Ctx, Errors};
use crate::domain::catalog::{BusinessEntity, Customer, Plan, PlanItem, PlanStatus, Product};
use crate::domain::customer::{Address, validate_email};
use crate::domain::money::Currency;
use crate::domain::period::BillingPeriod;
use crate::domain::pricing::{ItemBilling, Pricing, PricingInput};
use crate::domain::validation::FieldError;
use crate::storage::{PageOf, PageRequest};

/// What a catalog use case can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The object named (`"plan"`, `"customer"`, ...) does not exist in this organisation.
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("invalid {0:?}")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl CatalogError {
    fn invalid(field: &str, message: &str) -> Self {
        CatalogError::Invalid(vec![FieldError::new(field, message)])
    }
}

const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 2000;

fn required_text(errors: &mut Errors, field: &str, v: &Option<String>) -> String {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() && s.chars().count() <= MAX_NAME => s.to_owned(),
        Some(s) if !s.is_empty() => {
            errors.add(field, format!("must be at most {MAX_NAME} characters"));
            String::new()
        }
        _ => {
            errors.add(field, "is required");
            String::new()
        }
    }
}

fn optional_text(
    errors: &mut Errors,
    field: &str,
    v: &Option<String>,
    max: usize,
) -> Option<String> {
    let s = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    if s.chars().count() > max {
        errors.add(field, format!("must be at most {max} characters"));
    }
    Some(s.to_owned())
}

fn check_address(errors: &mut Errors, address: &Option<Address>) {
    if let Some(a) = address {
        let mut e = Vec::new();
        a.validate("address", &mut e);
        errors.extend(e);
    }
}

// ---------------------------------------------------------------- business entities

/// A new entity, as the merchant sent it; validated by its `create_*`.
#[derive(Debug, Clone, Default)]
pub struct EntityInput {
    pub name: Option<String>,
    pub email: Option<String>,
    pub logo_url: Option<String>,
    pub brand_color: Option<String>,
    pub tax_rate: Option<Decimal>,
    pub address: Option<Address>,
}

pub async fn create_entity(
    ctx: &Ctx,
    org: Uuid,
    input: EntityInput,
) -> Result<BusinessEntity, CatalogError> {
    let mut errors = Errors::default();
    let name = required_text(&mut errors, "name", &input.name);
    let email = optional_text(&mut errors, "email", &input.email, 254);
    if let Some(e) = &email {
        let mut es = Vec::new();
        validate_email("email", e, &mut es);
        errors.extend(es);
    }
    let logo_url = optional_text(&mut errors, "logo_url", &input.logo_url, 2083);
    if let Some(u) = &logo_url
        && crate::domain::redirect_url::RedirectUrl::parse(u).is_err()
    {
        errors.add("logo_url", "must be an absolute https URL");
    }
    let brand_color = optional_text(&mut errors, "brand_color", &input.brand_color, 7);
    if let Some(c) = &brand_color
        && !BusinessEntity::brand_color_valid(c)
    {
        errors.add("brand_color", "must be a hex colour like #1a73e8");
    }
    let tax_rate = input.tax_rate.unwrap_or_default();
    if !BusinessEntity::tax_rate_valid(tax_rate) {
        errors.add("tax_rate", "must be a percentage from 0 to 100");
    }
    check_address(&mut errors, &input.address);
    errors.finish().map_err(CatalogError::Invalid)?;
    let entity = BusinessEntity {
        id: Uuid::new_v4(),
        organisation_id: org,
        name,
        email,
        logo_url,
        brand_color: brand_color.map(|c| c.to_ascii_lowercase()),
        tax_rate: tax_rate.normalize(),
        address: input.address,
        is_default: false,
        created_at: ctx.clock.now(),
    };
    ctx.store
        .insert_entity(&entity)
        .await
        .context("storing the business entity")?;
    Ok(entity)
}

pub async fn get_entity(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<BusinessEntity, CatalogError> {
    ctx.store
        .get_entity(org, id)
        .await
        .context("reading the business entity")?
        .ok_or(CatalogError::NotFound("business entity"))
}

pub async fn list_entities(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<BusinessEntity>, CatalogError> {
    Ok(ctx
        .store
        .list_entities(org, page)
        .await
        .context("listing business entities")?)
}

// ---------------------------------------------------------------- customers

/// A new customer, as the merchant sent it; validated by its `create_*`.
#[derive(Debug, Clone, Default)]
pub struct CustomerInput {
    pub customer_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub business_entity_id: Option<Uuid>,
    pub external_id: Option<String>,
    pub company_name: Option<String>,
    pub tax_id: Option<String>,
    pub address: Option<Address>,
}

pub async fn create_customer(
    ctx: &Ctx,
    org: Uuid,
    input: CustomerInput,
) -> Result<Customer, CatalogError> {
    let mut errors = Errors::default();
    let customer_name = required_text(&mut errors, "customer_name", &input.customer_name);
    let email = optional_text(&mut errors, "email", &input.email, 254);
    if let Some(e) = &email {
        let mut es = Vec::new();
        validate_email("email", e, &mut es);
        errors.extend(es);
    }
    let phone_number = optional_text(&mut errors, "phone_number", &input.phone_number, 40);
    let external_id = optional_text(&mut errors, "external_id", &input.external_id, MAX_NAME);
    let company_name = optional_text(&mut errors, "company_name", &input.company_name, MAX_NAME);
    let tax_id = optional_text(&mut errors, "tax_id", &input.tax_id, 60);
    check_address(&mut errors, &input.address);
    let entity = match input.business_entity_id {
        Some(id) => ctx
            .store
            .get_entity(org, id)
            .await
            .context("reading the business entity")?,
        None => ctx
            .store
            .default_entity(org)
            .await
            .context("reading the default business entity")?,
    };
    if entity.is_none() {
        errors.add("business_entity_id", "no such business entity");
    }
    errors.finish().map_err(CatalogError::Invalid)?;
    let entity = entity.ok_or(CatalogError::NotFound("business entity"))?;
    let customer = Customer {
        id: Uuid::new_v4(),
        organisation_id: org,
        business_entity_id: entity.id,
        customer_name,
        email,
        phone_number,
        external_id,
        company_name,
        tax_id,
        address: input.address,
        created_at: ctx.clock.now(),
    };
    ctx.store
        .insert_customer(&customer)
        .await
        .context("storing the customer")?;
    Ok(customer)
}

pub async fn get_customer(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Customer, CatalogError> {
    ctx.store
        .get_customer(org, id)
        .await
        .context("reading the customer")?
        .ok_or(CatalogError::NotFound("customer"))
}

pub async fn list_customers(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<Customer>, CatalogError> {
    Ok(ctx
        .store
        .list_customers(org, page)
        .await
        .context("listing customers")?)
}

// ---------------------------------------------------------------- products

/// A new product, as the merchant sent it; validated by its `create_*`.
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    pub name: Option<String>,
    pub sku: Option<String>,
    pub description: Option<String>,
    pub unit_label: Option<String>,
}

pub async fn create_product(
    ctx: &Ctx,
    org: Uuid,
    input: ProductInput,
) -> Result<Product, CatalogError> {
    let mut errors = Errors::default();
    let name = required_text(&mut errors, "name", &input.name);
    let sku = optional_text(&mut errors, "sku", &input.sku, 100);
    let description = optional_text(&mut errors, "description", &input.description, MAX_TEXT);
    let unit_label = optional_text(&mut errors, "unit_label", &input.unit_label, 40);
    errors.finish().map_err(CatalogError::Invalid)?;
    let product = Product {
        id: Uuid::new_v4(),
        organisation_id: org,
        name,
        sku,
        description,
        unit_label,
        created_at: ctx.clock.now(),
    };
    ctx.store
        .insert_product(&product)
        .await
        .context("storing the product")?;
    Ok(product)
}

pub async fn get_product(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Product, CatalogError> {
    ctx.store
        .get_product(org, id)
        .await
        .context("reading the product")?
        .ok_or(CatalogError::NotFound("product"))
}

pub async fn list_products(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<Product>, CatalogError> {
    Ok(ctx
        .store
        .list_products(org, page)
        .await
        .context("listing products")?)
}

// ---------------------------------------------------------------- plans

/// A new plan item, as the merchant sent it; validated by its `create_*`.
#[derive(Debug, Clone)]
pub struct PlanItemInput {
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

/// A new plan, as the merchant sent it; validated by its `create_*`.
#[derive(Debug, Clone, Default)]
pub struct PlanInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub currency: Option<String>,
    pub billing_period: Option<String>,
    pub trial_period_days: Option<u32>,
    pub business_entity_id: Option<Uuid>,
    pub status: Option<PlanStatus>,
    pub items: Option<Vec<PlanItemInput>>,
}

pub const MAX_PLAN_ITEMS: usize = 50;

pub async fn create_plan(ctx: &Ctx, org: Uuid, input: PlanInput) -> Result<Plan, CatalogError> {
    let mut errors = Errors::default();
    let name = required_text(&mut errors, "name", &input.name);
    let description = optional_text(&mut errors, "description", &input.description, MAX_TEXT);
    let currency = match input.currency.as_deref() {
        None => {
            errors.add("currency", "is required");
            None
        }
        Some(c) => match Currency::parse(c) {
            Ok(c) => Some(c),
            Err(_) => {
                errors.add(
                    "currency",
                    "must be an ISO 4217 currency code in upper case, like USD",
                );
                None
            }
        },
    };
    let billing_period = match input.billing_period.as_deref() {
        None => {
            errors.add("billing_period", "is required");
            None
        }
        Some(p) => {
            let parsed = BillingPeriod::parse(p).ok();
            if parsed.is_none() {
                errors.add("billing_period", "must be one of P1M, P3M, P6M, P1Y");
            }
            parsed
        }
    };
    let trial_period_days = input.trial_period_days.unwrap_or(0);
    if trial_period_days > 730 {
        errors.add("trial_period_days", "must be at most 730");
    }
    if let Some(id) = input.business_entity_id
        && ctx
            .store
            .get_entity(org, id)
            .await
            .context("reading the business entity")?
            .is_none()
    {
        errors.add("business_entity_id", "no such business entity");
    }
    let raw_items = input.items.unwrap_or_default();
    if raw_items.is_empty() {
        errors.add("items", "a plan needs at least one item");
    }
    if raw_items.len() > MAX_PLAN_ITEMS {
        errors.add(
            "items",
            format!("a plan has at most {MAX_PLAN_ITEMS} items"),
        );
    }
    let ids: Vec<Uuid> = raw_items.iter().map(|i| i.product_id).collect();
    let known = ctx
        .store
        .get_products(org, &ids)
        .await
        .context("reading the plan's products")?;
    let mut items = Vec::with_capacity(raw_items.len());
    for (n, raw) in raw_items.into_iter().enumerate() {
        let path = format!("items[{n}]");
        if !known.iter().any(|p| p.id == raw.product_id) {
            errors.add(format!("{path}.product_id"), "no such product");
        }
        if ids[..n].contains(&raw.product_id) {
            errors.add(
                format!("{path}.product_id"),
                "a product appears only once in a plan",
            );
        }
        let pricing = match Pricing::parse(raw.pricing, &format!("{path}.pricing")) {
            Ok(p) => Some(p),
            Err(es) => {
                errors.extend(es);
                None
            }
        };
        let quantity = raw.quantity.unwrap_or(1);
        if let (Some(min), Some(max)) = (raw.min_quantity, raw.max_quantity)
            && min > max
        {
            errors.add(
                format!("{path}.min_quantity"),
                "must not exceed max_quantity",
            );
        }
        if raw.min_quantity.is_some_and(|m| quantity < m)
            || raw.max_quantity.is_some_and(|m| quantity > m)
        {
            errors.add(
                format!("{path}.quantity"),
                "must be within min_quantity and max_quantity",
            );
        }
        if let Some(p) = pricing {
            items.push(PlanItem {
                product_id: raw.product_id,
                pricing: p,
                billing: raw.billing.unwrap_or(ItemBilling::Recurring),
                quantity,
                min_quantity: raw.min_quantity,
                max_quantity: raw.max_quantity,
                adjustable: raw.adjustable.unwrap_or(false),
                is_enabled: raw.is_enabled.unwrap_or(true),
                optional: raw.optional.unwrap_or(false),
            });
        }
    }
    errors.finish().map_err(CatalogError::Invalid)?;
    let (Some(currency), Some(billing_period)) = (currency, billing_period) else {
        return Err(CatalogError::invalid("currency", "is required"));
    };
    let now = ctx.clock.now();
    let plan = Plan {
        id: Uuid::new_v4(),
        organisation_id: org,
        name,
        description,
        currency,
        billing_period,
        trial_period_days,
        business_entity_id: input.business_entity_id,
        status: input.status.unwrap_or(PlanStatus::Active),
        items,
        created_at: now,
        updated_at: now,
    };
    ctx.store
        .insert_plan(&plan)
        .await
        .context("storing the plan")?;
    Ok(plan)
}

pub async fn get_plan(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Plan, CatalogError> {
    ctx.store
        .get_plan(org, id)
        .await
        .context("reading the plan")?
        .ok_or(CatalogError::NotFound("plan"))
}

pub async fn list_plans(
    ctx: &Ctx,
    org: Uuid,
    page: PageRequest,
) -> Result<PageOf<Plan>, CatalogError> {
    Ok(ctx
        .store
        .list_plans(org, page)
        .await
        .context("listing plans")?)
}

/// Every plan of the organisation with an item of `product`, newest first (a product's
/// page).
pub async fn plans_selling(ctx: &Ctx, org: Uuid, product: Uuid) -> Result<Vec<Plan>, CatalogError> {
    let plans = super::every_page(|page| list_plans(ctx, org, page), |p| p.id).await?;
    Ok(plans
        .into_iter()
        .filter(|p| p.items.iter().any(|i| i.product_id == product))
        .collect())
}

pub async fn archive_plan(ctx: &Ctx, org: Uuid, id: Uuid) -> Result<Plan, CatalogError> {
    ctx.store
        .archive_plan(org, id, ctx.clock.now())
        .await
        .context("archiving the plan")?
        .ok_or(CatalogError::NotFound("plan"))
}
