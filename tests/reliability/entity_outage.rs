//! A database failure while the seller entity is read is `503` (retry later), never a `422`
//! "no such business entity" (issue 13). The real store is wrapped so that, on demand, only
//! the entity reads fail as an unreachable database does; everything else is the real thing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hosted_checkout::domain::catalog::{
    ApiKey, BusinessEntity, Contract, Customer, Organisation, Plan, Product,
};
use hosted_checkout::domain::checkout::{Checkout, QuoteJson};
use hosted_checkout::domain::checkout_link::{CheckoutLink, LinkStats};
use hosted_checkout::domain::console::ConsoleUser;
use hosted_checkout::domain::discount::{Coupon, PromotionCode};
use hosted_checkout::domain::events::{Delivery, Event, WebhookEndpoint};
use hosted_checkout::services::clock::SystemClock;
use hosted_checkout::services::organisations::create_organisation;
use hosted_checkout::startup::Application;
use hosted_checkout::storage::*;
use serde_json::json;
use uuid::Uuid;

use crate::support::{catalog, client, fresh_database, settings};

/// The real store, except that entity reads fail as "database unavailable" while `down`.
struct EntitiesDown {
    inner: DynStorage,
    down: Arc<AtomicBool>,
}

impl EntitiesDown {
    fn check(&self) -> StorageResult<()> {
        if self.down.load(Ordering::SeqCst) {
            Err(StorageError::Unavailable(sqlx::Error::PoolTimedOut))
        } else {
            Ok(())
        }
    }
}

#[async_trait]
impl EntityStore for EntitiesDown {
    async fn insert_entity(&self, e: &BusinessEntity) -> StorageResult<()> {
        self.inner.insert_entity(e).await
    }
    async fn get_entity(&self, org: Uuid, id: Uuid) -> StorageResult<Option<BusinessEntity>> {
        self.check()?;
        self.inner.get_entity(org, id).await
    }
    async fn default_entity(&self, org: Uuid) -> StorageResult<Option<BusinessEntity>> {
        self.check()?;
        self.inner.default_entity(org).await
    }
    async fn list_entities(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<BusinessEntity>> {
        self.inner.list_entities(org, page).await
    }
}

#[async_trait]
impl OrganisationStore for EntitiesDown {
    async fn create_organisation(
        &self,
        org: &Organisation,
        entity: &BusinessEntity,
        key_hash: &str,
        key_prefix: &str,
    ) -> StorageResult<()> {
        let inner = &self.inner;
        inner
            .create_organisation(org, entity, key_hash, key_prefix)
            .await
    }
    async fn organisation_for_key(&self, key_hash: &str) -> StorageResult<Option<Uuid>> {
        self.inner.organisation_for_key(key_hash).await
    }
    async fn insert_api_key(&self, org: Uuid, key: &ApiKey, key_hash: &str) -> StorageResult<()> {
        self.inner.insert_api_key(org, key, key_hash).await
    }
    async fn list_api_keys(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<ApiKey>> {
        self.inner.list_api_keys(org, page).await
    }
    async fn revoke_api_key(
        &self,
        org: Uuid,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> StorageResult<Option<String>> {
        self.inner.revoke_api_key(org, id, now).await
    }
    async fn get_api_key(&self, org: Uuid, id: Uuid) -> StorageResult<Option<ApiKey>> {
        self.inner.get_api_key(org, id).await
    }
    async fn touch_api_key(&self, key_hash: &str, now: DateTime<Utc>) -> StorageResult<()> {
        self.inner.touch_api_key(key_hash, now).await
    }
    async fn get_organisation(&self, id: Uuid) -> StorageResult<Option<Organisation>> {
        self.inner.get_organisation(id).await
    }
    async fn set_redirect_secret(&self, id: Uuid, secret: &str) -> StorageResult<bool> {
        self.inner.set_redirect_secret(id, secret).await
    }
    async fn count_organisations(&self) -> StorageResult<i64> {
        self.inner.count_organisations().await
    }
    async fn ping(&self) -> StorageResult<()> {
        self.inner.ping().await
    }
}

#[async_trait]
impl CustomerStore for EntitiesDown {
    async fn insert_customer(&self, c: &Customer) -> StorageResult<()> {
        self.inner.insert_customer(c).await
    }
    async fn get_customer(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Customer>> {
        self.inner.get_customer(org, id).await
    }
    async fn list_customers(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<Customer>> {
        self.inner.list_customers(org, page).await
    }
}

#[async_trait]
impl ProductStore for EntitiesDown {
    async fn insert_product(&self, p: &Product) -> StorageResult<()> {
        self.inner.insert_product(p).await
    }
    async fn get_product(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Product>> {
        self.inner.get_product(org, id).await
    }
    async fn get_products(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Product>> {
        self.inner.get_products(org, ids).await
    }
    async fn list_products(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Product>> {
        self.inner.list_products(org, page).await
    }
}

#[async_trait]
impl PlanStore for EntitiesDown {
    async fn insert_plan(&self, p: &Plan) -> StorageResult<()> {
        self.inner.insert_plan(p).await
    }
    async fn get_plan(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Plan>> {
        self.inner.get_plan(org, id).await
    }
    async fn get_plans(&self, org: Uuid, ids: &[Uuid]) -> StorageResult<Vec<Plan>> {
        self.inner.get_plans(org, ids).await
    }
    async fn list_plans(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Plan>> {
        self.inner.list_plans(org, page).await
    }
    async fn archive_plan(
        &self,
        org: Uuid,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> StorageResult<Option<Plan>> {
        self.inner.archive_plan(org, id, at).await
    }
}

#[async_trait]
impl ContractStore for EntitiesDown {
    async fn insert_contract(&self, c: &Contract) -> StorageResult<()> {
        self.inner.insert_contract(c).await
    }
    async fn get_contract(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Contract>> {
        self.inner.get_contract(org, id).await
    }
    async fn list_contracts(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<Contract>> {
        self.inner.list_contracts(org, page).await
    }
}

#[async_trait]
impl DiscountStore for EntitiesDown {
    async fn insert_coupon(&self, c: &Coupon) -> StorageResult<()> {
        self.inner.insert_coupon(c).await
    }
    async fn get_coupon(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Coupon>> {
        self.inner.get_coupon(org, id).await
    }
    async fn list_coupons(&self, org: Uuid, page: PageRequest) -> StorageResult<PageOf<Coupon>> {
        self.inner.list_coupons(org, page).await
    }
    async fn archive_coupon(
        &self,
        org: Uuid,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> StorageResult<Option<Coupon>> {
        self.inner.archive_coupon(org, id, at).await
    }
    async fn insert_promotion_code(&self, p: &PromotionCode) -> StorageResult<CodeWrite> {
        self.inner.insert_promotion_code(p).await
    }
    async fn get_promotion_code(
        &self,
        org: Uuid,
        id: Uuid,
    ) -> StorageResult<Option<PromotionCode>> {
        self.inner.get_promotion_code(org, id).await
    }
    async fn find_promotion_code(
        &self,
        org: Uuid,
        code: &str,
    ) -> StorageResult<Option<PromotionCode>> {
        self.inner.find_promotion_code(org, code).await
    }
    async fn list_promotion_codes(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<PromotionCode>> {
        self.inner.list_promotion_codes(org, page).await
    }
    async fn set_promotion_code_active(
        &self,
        org: Uuid,
        id: Uuid,
        active: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<CodeWrite> {
        self.inner
            .set_promotion_code_active(org, id, active, at)
            .await
    }
    async fn customer_has_contracts(&self, org: Uuid, customer: Uuid) -> StorageResult<bool> {
        self.inner.customer_has_contracts(org, customer).await
    }
}

#[async_trait]
impl CheckoutStore for EntitiesDown {
    async fn insert_checkout(&self, c: &Checkout, email: Option<&str>) -> StorageResult<()> {
        self.inner.insert_checkout(c, email).await
    }
    async fn get_checkout(&self, org: Uuid, id: Uuid) -> StorageResult<Option<Checkout>> {
        self.inner.get_checkout(org, id).await
    }
    async fn get_checkout_by_id(&self, id: Uuid) -> StorageResult<Option<Checkout>> {
        self.inner.get_checkout_by_id(id).await
    }
    async fn get_checkout_with_terms(
        &self,
        org: Option<Uuid>,
        id: Uuid,
    ) -> StorageResult<Option<(Checkout, Terms)>> {
        self.inner.get_checkout_with_terms(org, id).await
    }
    async fn get_terms(
        &self,
        org: Uuid,
        ids: TermsRef,
    ) -> StorageResult<(Option<Customer>, Terms)> {
        self.inner.get_terms(org, ids).await
    }
    async fn list_checkouts(
        &self,
        org: Uuid,
        filter: &CheckoutFilter,
        page: PageRequest,
        now: DateTime<Utc>,
    ) -> StorageResult<PageOf<Checkout<QuoteJson>>> {
        self.inner.list_checkouts(org, filter, page, now).await
    }
    async fn update_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        update: &CheckoutUpdate,
        now: DateTime<Utc>,
    ) -> StorageResult<bool> {
        self.inner.update_checkout(org, id, update, now).await
    }
    async fn close_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        close: &Close,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<bool> {
        self.inner
            .close_checkout(org, id, close, now, announce)
            .await
    }
    async fn confirm_checkout(
        &self,
        org: Uuid,
        id: Uuid,
        write: &ConfirmWrite,
        redeem: Option<&Redemption>,
        now: DateTime<Utc>,
        announce: &dyn Announce,
    ) -> StorageResult<ConfirmOutcome> {
        self.inner
            .confirm_checkout(org, id, write, redeem, now, announce)
            .await
    }
    async fn expire_due(
        &self,
        now: DateTime<Utc>,
        limit: i64,
        announce: &dyn Announce,
    ) -> StorageResult<u64> {
        self.inner.expire_due(now, limit, announce).await
    }
}

#[async_trait]
impl EventStore for EntitiesDown {
    async fn list_events(
        &self,
        org: Uuid,
        filter: &EventFilter,
        page: PageRequest,
    ) -> StorageResult<PageOf<Event>> {
        self.inner.list_events(org, filter, page).await
    }
    async fn get_event(
        &self,
        org: Uuid,
        id: Uuid,
    ) -> StorageResult<Option<(Event, Vec<Delivery>)>> {
        self.inner.get_event(org, id).await
    }
    async fn endpoint_deliveries(
        &self,
        org: Uuid,
        endpoint: Uuid,
        limit: i64,
    ) -> StorageResult<Vec<(Uuid, hosted_checkout::domain::events::EventType, Delivery)>> {
        self.inner.endpoint_deliveries(org, endpoint, limit).await
    }
    async fn resend_event(
        &self,
        org: Uuid,
        id: Uuid,
        endpoint: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> StorageResult<u64> {
        self.inner.resend_event(org, id, endpoint, now).await
    }
    async fn purge_events(&self, before: DateTime<Utc>) -> StorageResult<u64> {
        self.inner.purge_events(before).await
    }
}

#[async_trait]
impl WebhookStore for EntitiesDown {
    async fn insert_endpoint(&self, e: &WebhookEndpoint) -> StorageResult<()> {
        self.inner.insert_endpoint(e).await
    }
    async fn get_endpoint(&self, org: Uuid, id: Uuid) -> StorageResult<Option<WebhookEndpoint>> {
        self.inner.get_endpoint(org, id).await
    }
    async fn list_endpoints(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<WebhookEndpoint>> {
        self.inner.list_endpoints(org, page).await
    }
    async fn update_endpoint(&self, e: &WebhookEndpoint) -> StorageResult<bool> {
        self.inner.update_endpoint(e).await
    }
    async fn delete_endpoint(&self, org: Uuid, id: Uuid) -> StorageResult<bool> {
        self.inner.delete_endpoint(org, id).await
    }
    async fn claim_deliveries(
        &self,
        lease: Uuid,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StorageResult<Vec<Claimed>> {
        self.inner
            .claim_deliveries(lease, now, lease_until, limit)
            .await
    }
    async fn record_attempts(
        &self,
        results: &[AttemptResult],
        now: DateTime<Utc>,
        disable_before: DateTime<Utc>,
        disable_reason: &str,
        pause_until: DateTime<Utc>,
    ) -> StorageResult<()> {
        self.inner
            .record_attempts(results, now, disable_before, disable_reason, pause_until)
            .await
    }
}

#[async_trait]
impl IdempotencyStore for EntitiesDown {
    async fn begin_idempotent(
        &self,
        org: Uuid,
        key: &str,
        request_hash: &str,
        now: DateTime<Utc>,
    ) -> StorageResult<IdempotencyBegin> {
        self.inner
            .begin_idempotent(org, key, request_hash, now)
            .await
    }
    async fn complete_idempotent(
        &self,
        org: Uuid,
        key: &str,
        status: u16,
        body: &str,
    ) -> StorageResult<()> {
        self.inner.complete_idempotent(org, key, status, body).await
    }
    async fn abandon_idempotent(&self, org: Uuid, key: &str) -> StorageResult<()> {
        self.inner.abandon_idempotent(org, key).await
    }
    async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> StorageResult<u64> {
        self.inner.purge_idempotency_keys(before).await
    }
}

#[async_trait]
impl CheckoutLinkStore for EntitiesDown {
    async fn insert_link(&self, l: &CheckoutLink) -> StorageResult<()> {
        self.inner.insert_link(l).await
    }
    async fn get_link(&self, org: Uuid, id: Uuid) -> StorageResult<Option<CheckoutLink>> {
        self.inner.get_link(org, id).await
    }
    async fn get_link_by_slug(&self, slug: &str) -> StorageResult<Option<CheckoutLink>> {
        self.inner.get_link_by_slug(slug).await
    }
    async fn list_links(
        &self,
        org: Uuid,
        page: PageRequest,
    ) -> StorageResult<PageOf<CheckoutLink>> {
        self.inner.list_links(org, page).await
    }
    async fn set_link_active(
        &self,
        org: Uuid,
        id: Uuid,
        active: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<bool> {
        self.inner.set_link_active(org, id, active, at).await
    }
    async fn link_stats(&self, org: Uuid, id: Uuid) -> StorageResult<LinkStats> {
        self.inner.link_stats(org, id).await
    }
}

#[async_trait]
impl ReportStore for EntitiesDown {
    async fn outcomes_by_day(
        &self,
        org: Uuid,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StorageResult<Vec<DayOutcome>> {
        self.inner.outcomes_by_day(org, since, now).await
    }
    async fn fold_outcome_changes(&self) -> StorageResult<u64> {
        self.inner.fold_outcome_changes().await
    }
}

#[async_trait]
impl ConsoleUserStore for EntitiesDown {
    async fn insert_console_user(&self, u: &ConsoleUser) -> StorageResult<UserWrite> {
        self.inner.insert_console_user(u).await
    }
    async fn find_console_user(&self, email: &str) -> StorageResult<Option<ConsoleUser>> {
        self.inner.find_console_user(email).await
    }
    async fn get_console_user(&self, id: Uuid) -> StorageResult<Option<ConsoleUser>> {
        self.inner.get_console_user(id).await
    }
    async fn set_console_password(
        &self,
        id: Uuid,
        version: i64,
        password_hash: &str,
        temporary: bool,
        at: DateTime<Utc>,
    ) -> StorageResult<UserWrite> {
        self.inner
            .set_console_password(id, version, password_hash, temporary, at)
            .await
    }
}

impl Storage for EntitiesDown {
    fn backend(&self) -> &'static str {
        self.inner.backend()
    }
    fn pool_stats(&self) -> PoolStats {
        self.inner.pool_stats()
    }
}

#[tokio::test]
async fn an_unreachable_database_while_reading_the_seller_is_503_not_422() {
    let (url, _tmp) = fresh_database().await;
    let inner = connect(&url, &PoolSettings::default())
        .await
        .expect("store");
    let down = Arc::new(AtomicBool::new(false));
    let store = Arc::new(EntitiesDown {
        inner,
        down: down.clone(),
    });
    let app = Application::build_with(settings(&url), store, Arc::new(SystemClock))
        .await
        .expect("app");
    let (port, ctx) = (app.port(), app.context());
    tokio::spawn(app.run_until_stopped());
    let org = create_organisation(&ctx, "Entities").await.expect("org");
    let (base, c) = (format!("http://127.0.0.1:{port}"), client());
    let (plan, customer) = catalog(&c, &base, &org.api_key).await;
    let create = || {
        c.post(format!("{base}/checkouts"))
            .header("x-api-key", &org.api_key)
            .json(&json!({"plan_id": plan, "customer_id": customer}))
            .send()
    };

    down.store(true, Ordering::SeqCst);
    let resp = create().await.expect("request");
    assert_eq!(resp.status(), 503);
    assert_eq!(resp.headers()["retry-after"], "2");
    let body: serde_json::Value = resp.json().await.expect("problem");
    assert_eq!(body["status"], 503);
    assert!(body.get("errors").is_none(), "{body}");

    // The same request succeeds once the database answers again.
    down.store(false, Ordering::SeqCst);
    assert_eq!(create().await.expect("request").status(), 201);
}
