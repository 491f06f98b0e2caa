//! API keys (issue 15): several per organisation, created, listed, revoked; 401 for revoked,
//! unknown and malformed keys, never 500.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, id, problem, spawn_app};
use hosted_checkout::services::organisations::create_organisation;

async fn get_with(app: &TestApp, path: &str, key: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("x-api-key", key)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn keys_are_created_listed_with_their_last_use_and_revoked() {
    let app = spawn_app().await;
    // The key `org create` made, with its last use recorded (after the first request).
    app.get_ok("/checkouts").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let first = loop {
        let list = app.get_ok("/api_keys").await;
        let k = list["data"][0].clone();
        if !k["last_used_at"].is_null() {
            break k;
        }
        assert!(Instant::now() < deadline, "last_used_at never set: {list}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(first["prefix"], app.api_key[..10]);
    assert!(first.get("secret").is_none() && first.get("key_hash").is_none());

    let created = app
        .post_ok("/api_keys", &json!({"name": "CI"}), StatusCode::CREATED)
        .await;
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("hc_") && secret.len() == 67);
    assert_eq!(created["name"], "CI");
    assert_eq!(created["prefix"], secret[..10]);
    assert_eq!(
        get_with(&app, "/checkouts", &secret).await.status(),
        StatusCode::OK
    );
    let list = app.get_ok("/api_keys").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
    assert!(
        !list.to_string().contains(&secret[3..]),
        "no secret in the list"
    );

    let kid = id(&created);
    let revoked = app
        .post_ok(
            &format!("/api_keys/{kid}/revoke"),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    assert!(revoked["revoked_at"].is_string());
    // At once in this process (its cache entry is dropped), and again idempotent.
    problem(
        get_with(&app, "/checkouts", &secret).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let again = app
        .post_ok(
            &format!("/api_keys/{kid}/revoke"),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(again["revoked_at"], revoked["revoked_at"]);
    // The last active key stays.
    let r = app
        .post(&format!("/api_keys/{}/revoke", id(&first)), &json!({}))
        .await;
    problem(r, StatusCode::CONFLICT).await;
    assert_eq!(app.get("/checkouts").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn unknown_malformed_and_foreign_keys_are_401_or_404_never_500() {
    let app = spawn_app().await;
    for key in ["", "hc_", "nope", &"x".repeat(5000), "hc_ünïcödé"] {
        let r = get_with(&app, "/checkouts", key).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{key:?}");
    }
    let other = create_organisation(&app.ctx, "Other").await.unwrap();
    let mine = app.get_ok("/api_keys").await["data"][0].clone();
    let r = app
        .client
        .post(app.url(&format!("/api_keys/{}/revoke", id(&mine))))
        .header("x-api-key", &other.api_key)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = app
        .post("/api_keys", &json!({"name": "x".repeat(101)}))
        .await;
    let p: Value = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(p["errors"][0]["field"], "name");
}
