//! `spawn_app()`: the real server on port 0 with its own fresh database (a temp SQLite file, or
//! a new PostgreSQL database when `TEST_DATABASE_URL` is set), and one helper per endpoint.

use std::sync::Arc;

pub use crate::database::fresh_database;
use chrono::Duration;
use hosted_checkout::configuration::Settings;
use hosted_checkout::services::Ctx;
use hosted_checkout::services::clock::OffsetClock;
use hosted_checkout::services::organisations::create_organisation;
use hosted_checkout::startup::{Application, Detached};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

pub struct TestApp {
    pub address: String,
    /// Where `/metrics` answers, when the test asked for it.
    pub metrics_port: Option<u16>,
    pub client: reqwest::Client,
    pub api_key: String,
    pub org_id: Uuid,
    pub entity_id: Uuid,
    pub clock: Arc<OffsetClock>,
    pub ctx: Ctx,
    pub database_url: String,
    // Dropped in this order: the server (closing its connections), then the temp directory.
    _server: Detached,
    _tmp: Option<tempfile::TempDir>,
}

pub fn test_settings(database_url: &str) -> Settings {
    let mut s = Settings::development();
    s.database_url = hosted_checkout::configuration::Secret::new(database_url);
    s.bind = "127.0.0.1:0".into();
    s.public_url = "http://127.0.0.1:0".into();
    s.demo = false;
    s.expiry_sweep_seconds = 0;
    s.db_max_connections = 5;
    // Rate limits are tested on their own (operations.rs); elsewhere tests send bursts.
    s.api_rate_limit = 0;
    s.hosted_post_rate_limit = 0;
    s.link_open_rate_limit = 0;
    s.login_rate_limit = 0;
    s
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let (database_url, tmp) = fresh_database().await;
    let mut settings = test_settings(&database_url);
    tweak(&mut settings);
    settings.db_acquire_timeout_ms = 10_000;
    let clock = Arc::new(OffsetClock::default());
    let server = Application::spawn_detached(settings, clock.clone()).expect("start the app");
    let port = server.port;
    let ctx = server.ctx.clone();
    let org = create_organisation(&ctx, "Test Org")
        .await
        .expect("create org");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        metrics_port: server.metrics_port,
        client,
        api_key: org.api_key,
        org_id: org.organisation_id,
        entity_id: org.business_entity_id,
        clock,
        ctx,
        database_url,
        _server: server,
        _tmp: tmp,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .header("x-api-key", &self.api_key)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_with_key(&self, path: &str, body: &Value, key: &str) -> Response {
        self.client
            .post(self.url(path))
            .header("x-api-key", &self.api_key)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Response {
        self.client
            .patch(self.url(path))
            .header("x-api-key", &self.api_key)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .header("x-api-key", &self.api_key)
            .send()
            .await
            .expect("request")
    }

    /// POST that must answer `expected`; returns the JSON body.
    pub async fn post_ok(&self, path: &str, body: &Value, expected: StatusCode) -> Value {
        let r = self.post(path, body).await;
        let status = r.status();
        let text = r.text().await.expect("body");
        assert_eq!(status, expected, "POST {path} answered {status}: {text}");
        serde_json::from_str(&text).expect("json body")
    }

    pub async fn get_ok(&self, path: &str) -> Value {
        let r = self.get(path).await;
        let status = r.status();
        let text = r.text().await.expect("body");
        assert_eq!(
            status,
            StatusCode::OK,
            "GET {path} answered {status}: {text}"
        );
        serde_json::from_str(&text).expect("json body")
    }

    pub async fn create_product(&self, name: &str, unit: Option<&str>) -> Uuid {
        let v = self
            .post_ok(
                "/products",
                &json!({"name": name, "unit_label": unit}),
                StatusCode::CREATED,
            )
            .await;
        id(&v)
    }

    pub async fn create_customer(&self) -> Uuid {
        let v = self
            .post_ok(
                "/customers",
                &json!({"customer_name": "Grace Hopper", "email": "grace@example.com"}),
                StatusCode::CREATED,
            )
            .await;
        id(&v)
    }

    pub async fn create_plan(&self, body: Value) -> Uuid {
        id(&self.post_ok("/plans", &body, StatusCode::CREATED).await)
    }

    /// A monthly USD plan: seats at `seat_price` (adjustable 1–50, default 5) and an optional
    /// support add-on at 49.00 (off).
    pub async fn seat_plan(&self, name: &str, seat_price: &str, period: &str) -> Catalog {
        let seats = self.create_product("Seats", Some("seat")).await;
        let support = self.create_product("Support", None).await;
        let plan = self
            .create_plan(json!({
                "name": name, "currency": "USD", "billing_period": period,
                "items": [
                    {"product_id": seats, "pricing": {"pricing_type": "per_unit", "unit_amount": seat_price}, "quantity": 5, "min_quantity": 1, "max_quantity": 50, "adjustable": true},
                    {"product_id": support, "pricing": {"pricing_type": "flat_fee", "amount": "49.00"}, "optional": true, "is_enabled": false}
                ]
            }))
            .await;
        Catalog {
            plan,
            seats,
            support,
        }
    }

    /// Another plan on the same products.
    pub async fn plan_on(&self, c: &Catalog, name: &str, seat_price: &str, period: &str) -> Uuid {
        self.create_plan(json!({
            "name": name, "currency": "USD", "billing_period": period,
            "items": [
                {"product_id": c.seats, "pricing": {"pricing_type": "per_unit", "unit_amount": seat_price}, "quantity": 5, "min_quantity": 1, "max_quantity": 50, "adjustable": true},
                {"product_id": c.support, "pricing": {"pricing_type": "flat_fee", "amount": "49.00"}, "optional": true, "is_enabled": false}
            ]
        }))
        .await
    }

    pub async fn create_checkout(&self, body: Value) -> Value {
        self.post_ok("/checkouts", &body, StatusCode::CREATED).await
    }

    /// A new-subscription session for a fresh customer on `plan`.
    pub async fn new_subscription(&self, plan: Uuid) -> Value {
        let customer = self.create_customer().await;
        self.create_checkout(json!({"plan_id": plan, "customer_id": customer, "success_url": "https://shop.example/ok/{CHECKOUT_ID}", "cancel_url": "https://shop.example/cancelled"})).await
    }

    /// An active contract on `plan` starting `start` (imported).
    pub async fn import_contract(&self, plan: Uuid, start: &str) -> Value {
        let customer = self.create_customer().await;
        self.post_ok(
            "/contracts",
            &json!({"customer_id": customer, "plan_id": plan, "start_date": start}),
            StatusCode::CREATED,
        )
        .await
    }

    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }
}

pub struct Catalog {
    pub plan: Uuid,
    pub seats: Uuid,
    pub support: Uuid,
}

pub fn id(v: &Value) -> Uuid {
    Uuid::parse_str(v["id"].as_str().expect("id in body")).expect("uuid")
}

/// The `field`s of a problem+json `errors` list.
pub fn error_fields(v: &Value) -> Vec<String> {
    v["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

pub async fn problem(r: Response, expected: StatusCode) -> Value {
    let status = r.status();
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let text = r.text().await.expect("body");
    assert_eq!(status, expected, "answered {status}: {text}");
    assert_eq!(ct, "application/problem+json", "content type of {text}");
    serde_json::from_str(&text).expect("problem json")
}
