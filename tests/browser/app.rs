//! `spawn_app()`: the real server on port 0 with its own fresh database (a temp SQLite file, or a
//! new PostgreSQL database when `TEST_DATABASE_URL` is set), seeded through the JSON API with a
//! branded seller, a catalog and helpers to open checkout sessions. Same approach as
//! `tests/api/helpers.rs`.

use std::sync::Arc;

use crate::database::fresh_database;
use hosted_checkout::configuration::{Secret, Settings};
use hosted_checkout::services::clock::OffsetClock;
use hosted_checkout::services::organisations::create_organisation;
use hosted_checkout::startup::Application;
use hosted_checkout::storage::{self, PoolSettings};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

pub struct TestApp {
    pub address: String,
    /// The server's context (to create console users as `user create` does).
    pub ctx: hosted_checkout::services::Ctx,
    client: reqwest::Client,
    pub api_key: String,
    /// The seller every session is sold by: name, brand colour and a 20% tax rate.
    pub entity_id: Uuid,
    /// Each session's hosted link (`{id}.{secret}`), as the API answered at create.
    links: std::sync::Mutex<std::collections::HashMap<Uuid, String>>,
    _tmp: Option<tempfile::TempDir>,
}

/// The products and plans a walk uses: two seat-based plans sharing a "Seats" product and an
/// optional "Priority support" add-on.
pub struct Catalog {
    pub starter: Uuid,
    pub team: Uuid,
    pub seats: Uuid,
    pub support: Uuid,
}

pub async fn spawn_app() -> TestApp {
    let (database_url, tmp) = fresh_database().await;
    let mut settings = Settings::development();
    settings.database_url = Secret::new(&database_url);
    settings.bind = "127.0.0.1:0".into();
    settings.public_url = "http://127.0.0.1:0".into();
    settings.demo = false;
    settings.expiry_sweep_seconds = 0;
    settings.db_max_connections = 2; // one browser, one request at a time
    let store = storage::connect(
        &database_url,
        &PoolSettings {
            max_connections: settings.db_max_connections,
            acquire_timeout: std::time::Duration::from_secs(10),
        },
    )
    .await
    .expect("connect to the test database");
    let app = Application::build_with(settings, store, Arc::new(OffsetClock::default()))
        .await
        .expect("build app");
    let port = app.port();
    let ctx = app.context();
    tokio::spawn(app.run_until_stopped());
    let org = create_organisation(&ctx, "Browser Test Org")
        .await
        .expect("create org");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let mut app = TestApp {
        address: format!("http://127.0.0.1:{port}"),
        ctx: ctx.clone(),
        client,
        api_key: org.api_key,
        entity_id: org.business_entity_id,
        links: Default::default(),
        _tmp: tmp,
    };
    app.entity_id = app
        .create(
            "/business_entities",
            json!({
                "name": "Northwind Analytics",
                "email": "billing@northwind.example",
                "brand_color": "#0f5cc0",
                "tax_rate": "20",
                "address": {
                    "line1": "1 Harbour Street", "city": "London",
                    "postal_code": "EC1A 1BB", "country": "GB"
                }
            }),
        )
        .await;
    app
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// The hosted page `step` ("" for the link itself, "/review", …) of session `checkout`,
    /// below the link the API gave for it.
    pub fn page(&self, checkout: Uuid, step: &str) -> String {
        let links = self.links.lock().expect("links");
        let link = links.get(&checkout).expect("a session this app created");
        self.url(&format!("/checkout/{link}{step}"))
    }

    /// The merchant's success URL as stored (with the placeholder) and as the browser must end up
    /// on it for `checkout`.
    pub fn success_url(&self) -> String {
        self.url("/healthz?checkout={CHECKOUT_ID}")
    }

    pub fn cancel_url(&self) -> String {
        self.url("/healthz?cancelled={CHECKOUT_ID}")
    }

    pub async fn post(&self, path: &str, body: &Value) -> Value {
        let r = self
            .client
            .post(self.url(path))
            .header("x-api-key", &self.api_key)
            .json(body)
            .send()
            .await
            .expect("request");
        let status = r.status();
        let text = r.text().await.expect("body");
        assert_eq!(
            status,
            StatusCode::CREATED,
            "POST {path} answered {status}: {text}"
        );
        serde_json::from_str(&text).expect("json body")
    }

    async fn create(&self, path: &str, body: Value) -> Uuid {
        id(&self.post(path, &body).await)
    }

    pub async fn get(&self, path: &str) -> Value {
        let r = self
            .client
            .get(self.url(path))
            .header("x-api-key", &self.api_key)
            .send()
            .await
            .expect("request");
        let status = r.status();
        let text = r.text().await.expect("body");
        assert_eq!(
            status,
            StatusCode::OK,
            "GET {path} answered {status}: {text}"
        );
        serde_json::from_str(&text).expect("json body")
    }

    pub async fn catalog(&self) -> Catalog {
        let seats = self
            .create("/products", json!({"name": "Seats", "unit_label": "seat"}))
            .await;
        let support = self
            .create(
                "/products",
                json!({"name": "Priority support", "unit_label": null}),
            )
            .await;
        let plan = |name: &str, description: &str, seat_price: &str| {
            json!({
                "name": name, "description": description,
                "currency": "USD", "billing_period": "P1M",
                "items": [
                    {
                        "product_id": seats,
                        "pricing": {"pricing_type": "per_unit", "unit_amount": seat_price},
                        "quantity": 5, "min_quantity": 1, "max_quantity": 50, "adjustable": true
                    },
                    {
                        "product_id": support,
                        "pricing": {"pricing_type": "flat_fee", "amount": "49.00"},
                        "optional": true, "is_enabled": false
                    }
                ]
            })
        };
        let starter = self
            .create(
                "/plans",
                plan("Starter", "For small teams getting started.", "10.00"),
            )
            .await;
        let team = self
            .create(
                "/plans",
                plan("Team", "Everything in Starter, plus audit logs.", "18.00"),
            )
            .await;
        Catalog {
            starter,
            team,
            seats,
            support,
        }
    }

    pub async fn customer(&self) -> Uuid {
        self.create(
            "/customers",
            json!({
                "customer_name": "Grace Hopper", "email": "grace@example.com",
                "company_name": "Hopper Labs", "business_entity_id": self.entity_id
            }),
        )
        .await
    }

    /// An active contract for a fresh customer on `plan`, started 10 days ago.
    pub async fn contract(&self, plan: Uuid) -> Uuid {
        let customer = self.customer().await;
        let start = (chrono::Utc::now() - chrono::Duration::days(10)).date_naive();
        self.create(
            "/contracts",
            json!({"customer_id": customer, "plan_id": plan, "start_date": start}),
        )
        .await
    }

    /// Opens a session with the merchant's redirect URLs added; returns its id.
    pub async fn checkout(&self, mut body: Value) -> Uuid {
        body["success_url"] = json!(self.success_url());
        body["cancel_url"] = json!(self.cancel_url());
        let v = self.post("/checkouts", &body).await;
        let url = v["url"].as_str().expect("url");
        let link = url.rsplit('/').next().expect("a link segment").to_owned();
        self.links.lock().expect("links").insert(id(&v), link);
        id(&v)
    }

    /// The contract a confirmed session created or changed.
    pub async fn contract_of(&self, checkout: Uuid) -> Value {
        let session = self.get(&format!("/checkouts/{checkout}")).await;
        let contract = session["contract_id"]
            .as_str()
            .expect("the session has a contract_id");
        self.get(&format!("/contracts/{contract}")).await
    }

    pub async fn checkout_status(&self, checkout: Uuid) -> String {
        let v = self.get(&format!("/checkouts/{checkout}")).await;
        v["checkout_status"]
            .as_str()
            .expect("checkout_status")
            .to_owned()
    }
}

pub fn id(v: &Value) -> Uuid {
    Uuid::parse_str(v["id"].as_str().expect("id in body")).expect("uuid")
}
