//! Shared helpers: an in-process app (as tests/api) and the real binary as a child process.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use crate::database::fresh_database;
use hosted_checkout::configuration::{Secret, Settings};
use hosted_checkout::services::Ctx;
use hosted_checkout::services::clock::SystemClock;
use hosted_checkout::services::organisations::create_organisation;
use hosted_checkout::startup::Application;
use serde_json::{Value, json};

pub struct App {
    pub address: String,
    pub client: reqwest::Client,
    pub api_key: String,
    pub ctx: Ctx,
    pub _server: hosted_checkout::startup::Detached,
    pub _tmp: Option<tempfile::TempDir>,
}

pub fn settings(database_url: &str) -> Settings {
    let mut s = Settings::development();
    s.database_url = Secret::new(database_url);
    s.bind = "127.0.0.1:0".into();
    s.public_url = "http://127.0.0.1:0".into();
    s.demo = false;
    s.expiry_sweep_seconds = 0;
    s.api_rate_limit = 0;
    s
}

pub async fn spawn_on(
    database_url: String,
    tmp: Option<tempfile::TempDir>,
    tweak: impl FnOnce(&mut Settings),
) -> App {
    let mut s = settings(&database_url);
    tweak(&mut s);
    let server = Application::spawn_detached(s, Arc::new(SystemClock)).expect("start the app");
    let port = server.port;
    let ctx = server.ctx.clone();
    let org = create_organisation(&ctx, "Reliability").await.expect("org");
    App {
        address: format!("http://127.0.0.1:{port}"),
        client: client(),
        api_key: org.api_key,
        ctx,
        _server: server,
        _tmp: tmp,
    }
}

pub async fn spawn_app() -> App {
    let (url, tmp) = fresh_database().await;
    spawn_on(url, tmp, |_| {}).await
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

/// A monthly plan with one per-seat item and a customer; returns (plan, customer).
pub async fn catalog(c: &reqwest::Client, base: &str, key: &str) -> (String, String) {
    let post = |path: &str, body: Value| {
        c.post(format!("{base}{path}"))
            .header("x-api-key", key)
            .json(&body)
            .send()
    };
    let product: Value = post("/products", json!({"name": "Seats", "unit_label": "seat"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let plan: Value = post(
        "/plans",
        json!({"name": "Team", "currency": "USD", "billing_period": "P1M", "items": [{"product_id": product["id"], "pricing": {"pricing_type": "per_unit", "unit_amount": "12.00"}, "quantity": 3, "adjustable": true, "max_quantity": 100}]}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let customer: Value = post("/customers", json!({"customer_name": "Ada Lovelace", "email": "ada.secret@example.com", "address": {"line1": "12 Secret Lane", "country": "GB"}}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        plan["id"].as_str().unwrap().to_owned(),
        customer["id"].as_str().unwrap().to_owned(),
    )
}

pub async fn create_session(
    c: &reqwest::Client,
    base: &str,
    key: &str,
    plan: &str,
    customer: &str,
) -> reqwest::Response {
    c.post(format!("{base}/checkouts"))
        .header("x-api-key", key)
        .json(&json!({"plan_id": plan, "customer_id": customer, "success_url": "https://shop.example/ok/{CHECKOUT_ID}"}))
        .send()
        .await
        .expect("request")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// The real binary, serving `database_url` on a free port.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub log_path: std::path::PathBuf,
}

/// A server left running by a failed assertion would outlive the test run.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub const BIN: &str = env!("CARGO_BIN_EXE_hosted-checkout");

pub fn start_server(
    database_url: &str,
    log_dir: &std::path::Path,
    extra_env: &[(&str, &str)],
) -> Server {
    let port = free_port();
    let log_path = log_dir.join(format!("server-{port}.log"));
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut cmd = Command::new(BIN);
    cmd.args([
        "--database-url",
        database_url,
        "--log-format",
        "json",
        "serve",
        "--no-demo",
        "--bind",
        &format!("127.0.0.1:{port}"),
    ])
    .env_remove("DATABASE_URL")
    // The races and crash tests send bursts far over the default per-key limit.
    .env("API_RATE_LIMIT", "0")
    .stdout(Stdio::null())
    .stderr(log);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("spawn server");
    Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
        log_path,
    }
}

/// Polls `/healthz` until the server answers (readiness polling, not a fixed sleep).
pub async fn wait_ready(base: &str) {
    let c = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = c.get(format!("{base}/healthz")).send().await
            && r.status().is_success()
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "server at {base} did not come up"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub fn org_create(database_url: &str) -> Value {
    let out = Command::new(BIN)
        .args([
            "--database-url",
            database_url,
            "org",
            "create",
            "--name",
            "Crash Org",
        ])
        .env_remove("DATABASE_URL")
        .output()
        .expect("org create");
    assert!(
        out.status.success(),
        "org create failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("org create prints one JSON object")
}
