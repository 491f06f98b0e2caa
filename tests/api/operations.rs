//! Operations details a link checker, a crawler or an operator meets (issue 15): `HEAD` answered
//! like `GET`, an icon, `noindex` on every hosted page, and the `CHECKOUT_TTL` setting.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

async fn session_url(app: &TestApp) -> (String, String) {
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let s = app.new_subscription(c.plan).await;
    let id = s["id"].as_str().expect("id").to_owned();
    let url = s["url"].as_str().expect("url");
    let page = url
        .strip_prefix(app.url("").as_str())
        .expect("the link is ours");
    (page.to_owned(), format!("/checkouts/{id}"))
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let app = spawn_app().await;
    let (page, api) = session_url(&app).await;
    for path in [page.as_str(), "/healthz", "/static/app.css", "/favicon.ico"] {
        let get = app.client.get(app.url(path)).send().await.expect("get");
        let head = app.client.head(app.url(path)).send().await.expect("head");
        assert_eq!(get.status(), StatusCode::OK, "GET {path}");
        assert_eq!(head.status(), StatusCode::OK, "HEAD {path}");
        assert_eq!(
            head.headers()["content-type"],
            get.headers()["content-type"],
            "{path}"
        );
        assert!(head.bytes().await.expect("body").is_empty(), "HEAD {path}");
    }
    let head = app
        .client
        .head(app.url(&api))
        .header("x-api-key", &app.api_key)
        .send()
        .await
        .expect("head");
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(head.headers()["content-type"], "application/json");
    assert!(head.bytes().await.expect("body").is_empty());
    // Unknown links stay unknown, to HEAD as to GET.
    let missing = format!("/checkout/{}", uuid::Uuid::new_v4());
    let head = app
        .client
        .head(app.url(&missing))
        .send()
        .await
        .expect("head");
    assert_eq!(head.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hosted_pages_are_never_indexed_and_have_an_icon() {
    let app = spawn_app().await;
    let (page, _) = session_url(&app).await;
    let resp = app.client.get(app.url(&page)).send().await.expect("page");
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["x-robots-tag"], "noindex, nofollow");
    let html = resp.text().await.expect("html");
    assert!(html.contains(r#"<meta name="robots" content="noindex, nofollow">"#));
    assert!(html.contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#));
    for icon in ["/favicon.ico", "/favicon.svg"] {
        let resp = app.client.get(app.url(icon)).send().await.expect("icon");
        assert_eq!(resp.status(), StatusCode::OK, "{icon}");
        assert_eq!(resp.headers()["content-type"], "image/svg+xml");
        assert!(resp.text().await.expect("svg").starts_with("<svg"));
    }
}

#[tokio::test]
async fn checkout_ttl_sets_the_default_expiry() {
    let app = spawn_app_with(|s| s.checkout_ttl = std::time::Duration::from_secs(2 * 3600)).await;
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let customer = app.create_customer().await;
    let s = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await;
    let at = |k: &str| -> DateTime<Utc> { s[k].as_str().expect(k).parse().expect("timestamp") };
    assert_eq!(at("expires_at") - at("created_at"), Duration::hours(2));
    // An explicit expires_at still wins.
    let wanted = at("created_at") + Duration::days(3);
    let s = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "expires_at": wanted}))
        .await;
    let got: DateTime<Utc> = s["expires_at"]
        .as_str()
        .expect("expires_at")
        .parse()
        .expect("ts");
    assert_eq!(got, wanted);
}

#[tokio::test]
async fn a_burst_over_the_api_key_limit_is_429_and_other_keys_go_on() {
    let app = spawn_app_with(|s| s.api_rate_limit = 2).await;
    let list = |key: String| {
        let req = app
            .client
            .get(app.url("/checkouts"))
            .header("x-api-key", key);
        async move { req.send().await.expect("list") }
    };
    // A fresh bucket lets the burst through, then refills at 2 per second.
    let mut statuses = Vec::new();
    let mut limited = None;
    for _ in 0..10 {
        let r = list(app.api_key.clone()).await;
        statuses.push(r.status().as_u16());
        if r.status() == StatusCode::TOO_MANY_REQUESTS && limited.is_none() {
            limited = Some(r);
        }
    }
    assert_eq!(&statuses[..2], &[200, 200], "{statuses:?}");
    let r = limited.unwrap_or_else(|| panic!("no 429 in {statuses:?}"));
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("secs");
    assert!((1..=1).contains(&wait), "Retry-After {wait}");
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = r.json().await.expect("problem");
    assert_eq!(problem["status"], 429);
    assert_eq!(
        problem["type"],
        "https://hosted-checkout.dev/problems/rate-limited"
    );
    // Another organisation's key has a bucket of its own; the service goes on.
    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .expect("org");
    assert_eq!(list(other.api_key).await.status(), StatusCode::OK);
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("health")
            .status(),
        200
    );
}

#[tokio::test]
async fn too_many_hosted_posts_on_one_session_is_a_429_page() {
    let app = spawn_app_with(|s| s.hosted_post_rate_limit = 2).await;
    let (page, _) = session_url(&app).await;
    let html = app.client.get(app.url(&page)).send().await.expect("page");
    let html = html.text().await.expect("html");
    let marker = "name=\"csrf_token\" value=\"";
    let at = html.find(marker).expect("csrf field") + marker.len();
    let token = html[at..].split('"').next().expect("token").to_owned();
    let post = || {
        app.client
            .post(app.url(&format!("{page}/plan")))
            .form(&[("csrf_token", token.as_str())])
            .send()
    };
    for _ in 0..2 {
        assert_eq!(post().await.expect("post").status(), StatusCode::SEE_OTHER);
    }
    let r = post().await.expect("post");
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("secs");
    assert!((1..=30).contains(&wait), "Retry-After {wait}");
    let body = r.text().await.expect("page");
    assert!(body.contains("Too many attempts"), "{body}");
    // The page itself still opens.
    assert_eq!(
        app.client
            .get(app.url(&page))
            .send()
            .await
            .expect("get")
            .status(),
        200
    );
}

/// The value of the first sample of `series` (a full `name{labels}` prefix) in a scrape.
fn sample(scrape: &str, series: &str) -> f64 {
    scrape
        .lines()
        .find(|l| l.starts_with(series))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_sessions_by_outcome() {
    let app = spawn_app_with(|s| s.metrics_bind = Some("127.0.0.1:0".into())).await;
    let port = app.metrics_port.expect("metrics listener");
    let scrape = || async {
        let r = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
            .await
            .expect("scrape");
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        r.text().await.expect("text")
    };
    let created = r#"checkout_sessions_total{outcome="created"}"#;
    let completed = r#"checkout_sessions_total{outcome="completed"}"#;
    let before = scrape().await;
    let (page, api) = session_url(&app).await;
    app.client.get(app.url(&page)).send().await.expect("page");
    let confirm = format!("{api}/confirm");
    assert_eq!(
        app.post(&confirm, &json!({})).await.status(),
        StatusCode::OK
    );
    let after = scrape().await;
    // Other tests in this process may count too: at least ours moved.
    assert!(
        sample(&after, created) >= sample(&before, created) + 1.0,
        "{after}"
    );
    assert!(sample(&after, completed) >= sample(&before, completed) + 1.0);
    let route = r#"http_requests_total{route="/checkout/{id}",method="GET",status="200"}"#;
    assert!(sample(&after, route) >= 1.0, "{after}");
    assert!(
        after.contains("http_request_duration_seconds_bucket{route=\"/checkouts/{id}/confirm\"")
    );
    assert!(after.contains(r#"db_pool_connections{state="idle"}"#));
    // Route templates only: no session id is ever a label.
    let id = api.trim_start_matches("/checkouts/");
    assert!(!after.contains(id), "an id leaked into a label");
}

#[tokio::test]
async fn a_metrics_address_that_cannot_be_bound_does_not_stop_the_service() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let app = spawn_app_with(|s| s.metrics_bind = Some(addr)).await;
    assert_eq!(app.metrics_port, None);
    let r = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("health");
    assert_eq!(r.status(), StatusCode::OK);
}
