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
    (format!("/checkout/{id}"), format!("/checkouts/{id}"))
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
