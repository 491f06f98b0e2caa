//! The catalog: business entities, customers, products and plans.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use sqlx::QueryBuilder;

use super::{Arg as _, Db, PushArg as _, SqlStore, execute_on, push_ids};
use crate::domain::catalog::{BusinessEntity, Customer, Plan, PlanStatus, Product};
use crate::storage::rows::catalog::{CustomerColumns, EntityColumns, PlanColumns, ProductColumns};
use crate::storage::rows::{decode_all, to_json};
use crate::storage::{
    CustomerStore, EntityStore, PageOf, PageRequest, PlanStore, ProductStore, StorageResult,
};

const INSERT_ENTITY: &str = "INSERT INTO business_entities (id, organisation_id, name, email, logo_url, brand_color, tax_rate, address, is_default, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const ENTITY: &str = "SELECT id, organisation_id, name, email, logo_url, brand_color, tax_rate, address, is_default, created_at FROM business_entities WHERE organisation_id = $1 AND id = $2";
const DEFAULT_ENTITY: &str = "SELECT id, organisation_id, name, email, logo_url, brand_color, tax_rate, address, is_default, created_at FROM business_entities WHERE organisation_id = $1 AND is_default = $2";
/// Newest first, after the cursor `$2` (if any), at most `$3` (as are the other lists).
const ENTITIES: &str = "SELECT id, organisation_id, name, email, logo_url, brand_color, tax_rate, address, is_default, created_at FROM business_entities WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM business_entities c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";

pub(super) const INSERT_CUSTOMER: &str = "INSERT INTO customers (id, organisation_id, business_entity_id, customer_name, email, phone_number, external_id, company_name, tax_id, address, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const CUSTOMER: &str = "SELECT id, organisation_id, business_entity_id, customer_name, email, phone_number, external_id, company_name, tax_id, address, created_at FROM customers WHERE organisation_id = $1 AND id = $2";
const CUSTOMERS: &str = "SELECT id, organisation_id, business_entity_id, customer_name, email, phone_number, external_id, company_name, tax_id, address, created_at FROM customers WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM customers c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";

const INSERT_PRODUCT: &str = "INSERT INTO products (id, organisation_id, name, sku, description, unit_label, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const PRODUCT: &str = "SELECT id, organisation_id, name, sku, description, unit_label, created_at FROM products WHERE organisation_id = $1 AND id = $2";
/// The organisation and the ids follow (completed at run time).
const PRODUCTS_IN: &str = "SELECT id, organisation_id, name, sku, description, unit_label, created_at FROM products WHERE organisation_id = ";
const PRODUCTS: &str = "SELECT id, organisation_id, name, sku, description, unit_label, created_at FROM products WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM products c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";

const INSERT_PLAN: &str = "INSERT INTO plans (id, organisation_id, name, description, currency, billing_period, trial_period_days, business_entity_id, status, items, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
const PLAN: &str = "SELECT id, organisation_id, name, description, currency, billing_period, trial_period_days, business_entity_id, status, items, created_at, updated_at FROM plans WHERE organisation_id = $1 AND id = $2";
const PLANS_IN: &str = "SELECT id, organisation_id, name, description, currency, billing_period, trial_period_days, business_entity_id, status, items, created_at, updated_at FROM plans WHERE organisation_id = ";
const PLANS: &str = "SELECT id, organisation_id, name, description, currency, billing_period, trial_period_days, business_entity_id, status, items, created_at, updated_at FROM plans WHERE organisation_id = $1 AND ($2 IS NULL OR (created_at, id) < (SELECT c.created_at, c.id FROM plans c WHERE c.id = $2 AND c.organisation_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3";
const ARCHIVE_PLAN: &str = "UPDATE plans SET status = $1, updated_at = $2 WHERE organisation_id = $3 AND id = $4 AND status <> $1";

pub(super) async fn insert_entity_in<D: Db>(
    conn: &mut D::Connection,
    e: &BusinessEntity,
) -> StorageResult<()> {
    let address = e.address.as_ref().map(to_json).transpose()?;
    let tax_rate = e.tax_rate.to_string();
    let q = sqlx::query(INSERT_ENTITY)
        .arg(e.id)
        .arg(e.organisation_id)
        .arg(e.name.as_str())
        .arg(e.email.as_deref())
        .arg(e.logo_url.as_deref())
        .arg(e.brand_color.as_deref())
        .arg(tax_rate.as_str())
        .arg(address.as_deref())
        .arg(e.is_default)
        .arg(e.created_at);
    execute_on::<D>(conn, q).await?;
    Ok(())
}

pub(super) async fn insert_customer_in<D: Db>(
    conn: &mut D::Connection,
    c: &Customer,
) -> StorageResult<()> {
    let address = c.address.as_ref().map(to_json).transpose()?;
    let q = sqlx::query(INSERT_CUSTOMER)
        .arg(c.id)
        .arg(c.organisation_id)
        .arg(c.business_entity_id)
        .arg(c.customer_name.as_str())
        .arg(c.email.as_deref())
        .arg(c.phone_number.as_deref())
        .arg(c.external_id.as_deref())
        .arg(c.company_name.as_deref())
        .arg(c.tax_id.as_deref())
        .arg(address.as_deref())
        .arg(c.created_at);
    execute_on::<D>(conn, q).await?;
    Ok(())
}

impl<D: Db> SqlStore<D> {
    /// The organisation's rows among `ids`: `sql` ends in `organisation_id = `, completed here.
    async fn fetch_in<C: crate::storage::rows::Columns>(
        &self,
        sql: &'static str,
        org: Uuid,
        ids: &[Uuid],
    ) -> StorageResult<Vec<C::Item>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<D>::new(sql);
        qb.push_arg(org).push(" AND id IN ");
        push_ids(&mut qb, ids.iter().copied());
        decode_all::<C, _>(&self.fetch_all(qb.build()).await?)
    }
}

#[async_trait]
impl<D: Db> EntityStore for SqlStore<D> {
    async fn insert_entity(&self, e: &BusinessEntity) -> StorageResult<()> {
        let _writing = self.writing().await;
        let mut conn = self.pool.acquire().await?;
        insert_entity_in::<D>(&mut conn, e).await
    }

    async fn get_entity(&self, org: Uuid, id: Uuid) -> StorageResult<Option<BusinessEntity>> {
        let q = sqlx::query(ENTITY).arg(org).arg(id);
        self.fetch_decoded::<EntityColumns>(q).await
    }

    async fn default_entity(&self, org: Uuid) -> StorageResult<Option<BusinessEntity>> {
        let q = sqlx::query(DEFAULT_ENTITY).arg(org).arg(true);
        self.fetch_decoded::<EntityColumns>(q).await
    }

    async fn list_entities(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<BusinessEntity>> {
        self.fetch_page::<EntityColumns>(ENTITIES, org, page).await
    }
}

#[async_trait]
impl<D: Db> CustomerStore for SqlStore<D> {
    async fn insert_customer(&self, c: &Customer) -> StorageResult<()> {
        let _writing = self.writing().await;
        let mut conn = self.pool.acquire().await?;
        insert_customer_in::<D>(&mut conn, c).await
    }

    async fn get_customer(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Customer>> {
        let q = sqlx::query(CUSTOMER).arg(org).arg(id);
        self.fetch_decoded::<CustomerColumns>(q).await
    }

    async fn list_customers(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<Customer>> {
        self.fetch_page::<CustomerColumns>(CUSTOMERS, org, page)
            .await
    }
}

#[async_trait]
impl<D: Db> ProductStore for SqlStore<D> {
    async fn insert_product(&self, p: &Product) -> StorageResult<()> {
        let _writing = self.writing().await;
        let q = sqlx::query(INSERT_PRODUCT)
            .arg(p.id)
            .arg(p.organisation_id)
            .arg(p.name.as_str())
            .arg(p.sku.as_deref())
            .arg(p.description.as_deref())
            .arg(p.unit_label.as_deref())
            .arg(p.created_at);
        self.execute(q).await?;
        Ok(())
    }

    async fn get_product(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Product>> {
        let q = sqlx::query(PRODUCT).arg(org).arg(id);
        self.fetch_decoded::<ProductColumns>(q).await
    }

    async fn get_products(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Product>> {
        self.fetch_in::<ProductColumns>(PRODUCTS_IN, org, ids).await
    }

    async fn list_products(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Product>> {
        self.fetch_page::<ProductColumns>(PRODUCTS, org, page).await
    }
}

#[async_trait]
impl<D: Db> PlanStore for SqlStore<D> {
    async fn insert_plan(&self, p: &Plan) -> StorageResult<()> {
        let _writing = self.writing().await;
        let items = to_json(&p.items)?;
        let q = sqlx::query(INSERT_PLAN)
            .arg(p.id)
            .arg(p.organisation_id)
            .arg(p.name.as_str())
            .arg(p.description.as_deref())
            .arg(p.currency.code())
            .arg(p.billing_period.as_str())
            .arg(i64::from(p.trial_period_days))
            .arg(p.business_entity_id)
            .arg(p.status.as_str())
            .arg(items.as_str())
            .arg(p.created_at)
            .arg(p.updated_at);
        self.execute(q).await?;
        Ok(())
    }

    async fn get_plan(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Plan>> {
        let q = sqlx::query(PLAN).arg(org).arg(id);
        self.fetch_decoded::<PlanColumns>(q).await
    }

    async fn get_plans(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Plan>> {
        self.fetch_in::<PlanColumns>(PLANS_IN, org, ids).await
    }

    async fn list_plans(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Plan>> {
        self.fetch_page::<PlanColumns>(PLANS, org, page).await
    }

    async fn archive_plan(
        &self,
        org: Uuid,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> StorageResult<Option<Plan>> {
        let _writing = self.writing().await;
        let q = sqlx::query(ARCHIVE_PLAN)
            .arg(PlanStatus::Archived.as_str())
            .arg(at)
            .arg(org)
            .arg(id);
        self.execute(q).await?;
        self.get_plan(org, id).await
    }
}
