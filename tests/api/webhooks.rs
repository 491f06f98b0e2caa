//! Events, webhook endpoints and deliveries (SPEC §8) against the real server and a real
//! HTTP receiver on port 0; signatures checked with the official `standardwebhooks` library.

use std::collections::BTreeSet;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, error_fields, id, problem, spawn_app_with};
use crate::receiver::{Answer, Receiver};
use hosted_checkout::configuration::Settings;
use hosted_checkout::services::checkouts;
use hosted_checkout::services::organisations::create_organisation;

const WAIT: Duration = Duration::from_secs(20);

/// Fast retries and timeouts, as `WEBHOOK_RETRY_SCHEDULE=1,1,1` would set them.
fn quick(s: &mut Settings) {
    s.webhook_retry_schedule = vec![1, 1, 1];
    s.webhook_timeout = Duration::from_secs(1);
    s.webhook_lease = Duration::from_secs(3);
}

async fn app() -> TestApp {
    spawn_app_with(quick).await
}

async fn endpoint(app: &TestApp, url: &str, events: Value) -> Value {
    app.post_ok(
        "/webhook_endpoints",
        &json!({"url": url, "enabled_events": events, "description": "test"}),
        StatusCode::CREATED,
    )
    .await
}

/// A confirmed new subscription; its checkout id.
async fn confirmed(app: &TestApp) -> Uuid {
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let v = app.new_subscription(c.plan).await;
    let cid = id(&v);
    app.post_ok(
        &format!("/checkouts/{cid}/confirm"),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    cid
}

/// A new session cancelled (one `checkout.cancelled`); the session.
async fn cancelled(app: &TestApp) -> Value {
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let x = app.new_subscription(c.plan).await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", id(&x)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    x
}

fn headers_of(r: &crate::receiver::Request) -> HeaderMap {
    let mut h = HeaderMap::new();
    for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        h.insert(name, HeaderValue::from_str(r.header(name)).unwrap());
    }
    h
}

fn verify(secret: &str, r: &crate::receiver::Request) -> bool {
    let wh =
        standardwebhooks::Webhook::new(secret).expect("our secret is a Standard Webhooks secret");
    wh.verify(r.body.as_bytes(), &headers_of(r)).is_ok()
}

async fn wait_until(app: &TestApp, path: &str, what: &str, ok: impl Fn(&Value) -> bool) -> Value {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let v = app.get_ok(path).await;
        if ok(&v) {
            return v;
        }
        assert!(std::time::Instant::now() < deadline, "{what}: last {v}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn endpoints_are_created_with_a_secret_shown_once_and_changed_and_deleted() {
    let app = app().await;
    let e = endpoint(&app, "http://127.0.0.1:9/hooks", json!(["*"])).await;
    let secret = e["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"));
    use base64::Engine as _;
    let key = base64::engine::general_purpose::STANDARD
        .decode(&secret["whsec_".len()..])
        .unwrap();
    assert_eq!(key.len(), 32);
    assert_eq!(e["status"], "enabled");
    assert_eq!(e["enabled_events"], json!(["*"]));
    let eid = id(&e);
    let got = app.get_ok(&format!("/webhook_endpoints/{eid}")).await;
    assert!(
        got.get("secret").is_none(),
        "the secret is shown only at creation"
    );
    let list = app.get_ok("/webhook_endpoints").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert!(list["data"][0].get("secret").is_none());

    let r = app
        .patch(
            &format!("/webhook_endpoints/{eid}"),
            &json!({"enabled_events": ["checkout.completed", "contract.created"], "status": "disabled", "description": null}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "disabled");
    assert_eq!(v["disabled_reason"], "disabled through the API");
    assert_eq!(v["description"], Value::Null);
    assert_eq!(
        v["enabled_events"],
        json!(["checkout.completed", "contract.created"])
    );

    let rotated = app
        .post_ok(
            &format!("/webhook_endpoints/{eid}/rotate_secret"),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    assert_ne!(rotated["secret"], e["secret"]);

    let r = app
        .client
        .delete(app.url(&format!("/webhook_endpoints/{eid}")))
        .header("x-api-key", &app.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = app.get(&format!("/webhook_endpoints/{eid}")).await;
    problem(r, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn bad_endpoints_are_422_naming_the_field_and_other_organisations_see_404() {
    let app = app().await;
    for (body, field) in [
        (
            json!({"url": "ftp://x.example/", "enabled_events": ["*"]}),
            "url",
        ),
        (
            json!({"url": "http://10.0.0.7/hook", "enabled_events": ["*"]}),
            "url",
        ),
        (
            json!({"url": "http://[::ffff:169.254.169.254]/", "enabled_events": ["*"]}),
            "url",
        ),
        (
            json!({"url": "http://127.0.0.1/", "enabled_events": []}),
            "enabled_events",
        ),
        (
            json!({"url": "http://127.0.0.1/", "enabled_events": ["checkout.done"]}),
            "enabled_events",
        ),
        (
            json!({"url": "http://127.0.0.1/", "enabled_events": ["*", "checkout.completed"]}),
            "enabled_events",
        ),
    ] {
        let r = app.post("/webhook_endpoints", &body).await;
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(error_fields(&p), [field], "{body}");
    }
    let r = app
        .post("/webhook_endpoints", &json!({"url": "http://10.0.0.7/"}))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let e = endpoint(&app, "http://127.0.0.1:9/hooks", json!(["*"])).await;
    let other = create_organisation(&app.ctx, "Other").await.unwrap();
    let r = app
        .client
        .get(app.url(&format!("/webhook_endpoints/{}", id(&e))))
        .header("x-api-key", &other.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = app
        .client
        .get(app.url("/webhook_endpoints"))
        .header("x-api-key", &other.api_key)
        .send()
        .await
        .unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["data"], json!([]));
}

#[tokio::test]
async fn a_confirm_is_delivered_signed_with_standard_webhooks_headers_and_the_objects() {
    let app = app().await;
    let rx = Receiver::start();
    let e = endpoint(&app, &rx.url, json!(["*"])).await;
    let secret = e["secret"].as_str().unwrap().to_owned();
    let cid = confirmed(&app).await;
    let got = rx.wait_for(2, WAIT).await;
    assert_eq!(got.len(), 2);
    let mut types: Vec<String> = got
        .iter()
        .map(|r| r.json()["type"].as_str().unwrap().to_owned())
        .collect();
    types.sort();
    assert_eq!(types, ["checkout.completed", "contract.created"]);
    for r in &got {
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/hooks");
        assert_eq!(r.header("content-type"), "application/json");
        let body = r.json();
        assert_eq!(r.header("webhook-id"), body["id"].as_str().unwrap());
        let ts: i64 = r.header("webhook-timestamp").parse().unwrap();
        assert!((chrono::Utc::now().timestamp() - ts).abs() < 60);
        assert!(r.header("webhook-signature").starts_with("v1,"));
        assert!(
            verify(&secret, r),
            "the official library verifies our signature"
        );
        let mut tampered = r.clone();
        tampered.body = r.body.replace("contract_created", "cancelled");
        tampered.body.push(' ');
        assert!(
            !verify(&secret, &tampered),
            "a changed body does not verify"
        );
        assert_eq!(body["organisation_id"], app.org_id.to_string());
    }
    let completed = got
        .iter()
        .map(|r| r.json())
        .find(|b| b["type"] == "checkout.completed")
        .unwrap();
    let object = &completed["data"]["object"];
    assert_eq!(object["id"], cid.to_string());
    assert_eq!(object["checkout_status"], "contract_created");
    // Exactly what GET returns.
    let now = app.get_ok(&format!("/checkouts/{cid}")).await;
    assert_eq!(object, &now);
    let created = got
        .iter()
        .map(|r| r.json())
        .find(|b| b["type"] == "contract.created")
        .unwrap();
    let contract = &created["data"]["object"];
    assert_eq!(contract["version"], 1);
    assert_eq!(contract["checkout_id"], cid.to_string());
    let k = app
        .get_ok(&format!("/contracts/{}", contract["id"].as_str().unwrap()))
        .await;
    assert_eq!(contract, &k);

    // The events API lists both, filters them, and shows the deliveries.
    let events = app.get_ok(&format!("/events?object_id={cid}")).await;
    assert_eq!(events["data"].as_array().unwrap().len(), 1);
    assert_eq!(events["data"][0]["type"], "checkout.completed");
    let by_type = app.get_ok("/events?type=contract.created").await;
    assert_eq!(by_type["data"].as_array().unwrap().len(), 1);
    let eid = completed["id"].as_str().unwrap();
    let one = wait_until(&app, &format!("/events/{eid}"), "delivery recorded", |v| {
        v["deliveries"][0]["status"] == "succeeded"
    })
    .await;
    let d = &one["deliveries"][0];
    assert_eq!(d["endpoint_id"], e["id"]);
    assert_eq!(d["attempt_count"], 1);
    assert_eq!(d["attempts"][0]["status_code"], 200);
    assert_eq!(d["next_attempt_at"], Value::Null);
    let r = app.get("/events?type=nope").await;
    assert_eq!(
        error_fields(&problem(r, StatusCode::UNPROCESSABLE_ENTITY).await),
        ["type"]
    );
}

#[tokio::test]
async fn enabled_events_choose_what_an_endpoint_receives_and_previews_emit_nothing() {
    let app = app().await;
    let rx = Receiver::start();
    endpoint(&app, &rx.url, json!(["checkout.cancelled"])).await;
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    // A confirm (not subscribed to), a preview session cancelled (emits nothing), a cancel.
    let v = app.new_subscription(c.plan).await;
    app.post_ok(
        &format!("/checkouts/{}/confirm", id(&v)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let customer = app.create_customer().await;
    let p = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "preview": true}))
        .await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", id(&p)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let x = app.new_subscription(c.plan).await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", id(&x)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let got = rx.wait_for(1, WAIT).await;
    assert_eq!(got[0].json()["type"], "checkout.cancelled");
    assert_eq!(got[0].json()["data"]["object"]["id"], id(&x).to_string());
    let events = app.get_ok(&format!("/events?object_id={}", id(&p))).await;
    assert_eq!(events["data"], json!([]), "preview sessions emit nothing");
    // Three events in all (completed, created, cancelled); one delivery.
    let all = app.get_ok("/events").await;
    assert_eq!(all["data"].as_array().unwrap().len(), 3);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(rx.requests().len(), 1);
}

#[tokio::test]
async fn a_failing_receiver_is_retried_on_schedule_with_one_event_id() {
    let app = app().await;
    let rx = Receiver::start();
    rx.script([Answer::Status(500), Answer::Hang, Answer::Status(200)]);
    endpoint(&app, &rx.url, json!(["checkout.cancelled"])).await;
    cancelled(&app).await;
    let got = rx.wait_for(3, WAIT).await;
    let ids: Vec<&str> = got.iter().map(|r| r.header("webhook-id")).collect();
    assert!(ids.iter().all(|i| *i == ids[0]), "{ids:?}");
    let events = app.get_ok("/events?type=checkout.cancelled").await;
    let eid = events["data"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(eid, ids[0]);
    let v = wait_until(&app, &format!("/events/{eid}"), "three attempts", |v| {
        v["deliveries"][0]["status"] == "succeeded"
    })
    .await;
    let d = &v["deliveries"][0];
    assert_eq!(d["attempt_count"], 3);
    let attempts = d["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 3);
    assert_eq!(attempts[0]["status_code"], 500);
    assert_eq!(attempts[0]["error"], "HTTP 500");
    assert_eq!(attempts[1]["status_code"], Value::Null);
    assert_eq!(attempts[1]["error"], "timed out");
    assert_eq!(attempts[2]["status_code"], 200);
    // The schedule (1 s, ±10 %) between attempts.
    for a in &attempts[..2] {
        let started =
            chrono::DateTime::parse_from_rfc3339(a["started_at"].as_str().unwrap()).unwrap();
        let next =
            chrono::DateTime::parse_from_rfc3339(a["next_attempt_at"].as_str().unwrap()).unwrap();
        let ms = (next - started).num_milliseconds();
        assert!((900..=1100).contains(&ms), "{ms} ms");
    }
    assert_eq!(rx.requests().len(), 3);
}

#[tokio::test]
async fn retry_after_is_honoured_and_410_disables_until_enabled_again() {
    let app = app().await;
    let rx = Receiver::start();
    rx.script([Answer::RetryAfter(503, 2), Answer::Status(410)]);
    let e = endpoint(&app, &rx.url, json!(["checkout.cancelled"])).await;
    let eid = id(&e);
    cancelled(&app).await;
    let ep = wait_until(
        &app,
        &format!("/webhook_endpoints/{eid}"),
        "disabled by 410",
        |v| v["status"] == "disabled",
    )
    .await;
    assert_eq!(ep["disabled_reason"], "the endpoint answered 410 Gone");
    let events = app.get_ok("/events?type=checkout.cancelled").await;
    let ev = events["data"][0]["id"].as_str().unwrap().to_owned();
    let v = wait_until(&app, &format!("/events/{ev}"), "failed delivery", |v| {
        v["deliveries"][0]["status"] == "failed"
    })
    .await;
    let attempts = v["deliveries"][0]["attempts"].as_array().unwrap().clone();
    assert_eq!(attempts.len(), 2);
    let started =
        chrono::DateTime::parse_from_rfc3339(attempts[0]["started_at"].as_str().unwrap()).unwrap();
    let next =
        chrono::DateTime::parse_from_rfc3339(attempts[0]["next_attempt_at"].as_str().unwrap())
            .unwrap();
    assert_eq!((next - started).num_milliseconds(), 2000, "Retry-After: 2");
    assert_eq!(attempts[1]["status_code"], 410);

    // A resend to the disabled endpoint is refused; enabled again, it is delivered.
    let r = app
        .post(
            &format!("/events/{ev}/resend"),
            &json!({"endpoint_id": eid}),
        )
        .await;
    problem(r, StatusCode::CONFLICT).await;
    let r = app
        .patch(
            &format!("/webhook_endpoints/{eid}"),
            &json!({"status": "enabled"}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let resent = app
        .post_ok(
            &format!("/events/{ev}/resend"),
            &json!({"endpoint_id": eid}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(resent["deliveries"].as_array().unwrap().len(), 2);
    let got = rx.wait_for(3, WAIT).await;
    assert_eq!(got[2].header("webhook-id"), ev);
    // Resending without an endpoint goes to every enabled endpoint the type goes to.
    let again = app
        .post_ok(&format!("/events/{ev}/resend"), &json!({}), StatusCode::OK)
        .await;
    assert_eq!(again["deliveries"].as_array().unwrap().len(), 3);
    rx.wait_for(4, WAIT).await;
}

#[tokio::test]
async fn five_days_of_failure_disable_the_endpoint() {
    let app = spawn_app_with(|s| {
        quick(s);
        s.webhook_retry_schedule = vec![1, 1, 1, 1, 1, 1];
    })
    .await;
    let rx = Receiver::start();
    rx.answer_always(Answer::Status(500));
    let e = endpoint(&app, &rx.url, json!(["checkout.cancelled"])).await;
    let eid = id(&e);
    cancelled(&app).await;
    rx.wait_for(1, WAIT).await;
    let ep = app.get_ok(&format!("/webhook_endpoints/{eid}")).await;
    assert_eq!(ep["status"], "enabled", "one failure does not disable");
    app.advance(chrono::Duration::days(5) + chrono::Duration::minutes(1));
    let ep = wait_until(
        &app,
        &format!("/webhook_endpoints/{eid}"),
        "disabled",
        |v| v["status"] == "disabled",
    )
    .await;
    assert_eq!(ep["disabled_reason"], "every delivery failed for 5 days");
}

#[tokio::test]
async fn a_rotated_secret_signs_beside_the_old_one_for_24_hours() {
    let app = app().await;
    let rx = Receiver::start();
    let e = endpoint(&app, &rx.url, json!(["checkout.cancelled"])).await;
    let old = e["secret"].as_str().unwrap().to_owned();
    let rotated = app
        .post_ok(
            &format!("/webhook_endpoints/{}/rotate_secret", id(&e)),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    let new = rotated["secret"].as_str().unwrap().to_owned();
    cancelled(&app).await;
    let got = rx.wait_for(1, WAIT).await;
    assert_eq!(got[0].header("webhook-signature").split(' ').count(), 2);
    assert!(verify(&new, &got[0]));
    assert!(verify(&old, &got[0]));
}

#[tokio::test]
async fn a_session_expires_with_exactly_one_event_whichever_way() {
    let app = app().await;
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let a = app.new_subscription(c.plan).await;
    app.post_ok(
        &format!("/checkouts/{}/expire", id(&a)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    app.post_ok(
        &format!("/checkouts/{}/expire", id(&a)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let b = app.new_subscription(c.plan).await;
    app.advance(chrono::Duration::days(2));
    // Read past its expiry, then swept twice.
    assert_eq!(
        app.get_ok(&format!("/checkouts/{}", id(&b))).await["checkout_status"],
        "expired"
    );
    assert_eq!(checkouts::sweep_expired(&app.ctx).await.unwrap(), 1);
    assert_eq!(checkouts::sweep_expired(&app.ctx).await.unwrap(), 0);
    app.post_ok(
        &format!("/checkouts/{}/expire", id(&b)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    for s in [&a, &b] {
        let events = app.get_ok(&format!("/events?object_id={}", id(s))).await;
        let types: Vec<&str> = events["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["checkout.expired"]);
        assert_eq!(
            events["data"][0]["data"]["object"]["checkout_status"],
            "expired"
        );
    }
}

#[tokio::test]
async fn an_amendment_announces_the_contract_update_with_its_new_version() {
    let app = app().await;
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let k = app.import_contract(c.plan, "2026-11-01").await;
    let v = app
        .create_checkout(json!({"contract_id": id(&k), "product_overrides": [{"product_id": c.seats, "quantity": 7}]}))
        .await;
    app.post_ok(
        &format!("/checkouts/{}/confirm", id(&v)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    let events = app.get_ok(&format!("/events?object_id={}", id(&k))).await;
    assert_eq!(events["data"][0]["type"], "contract.updated");
    let object = &events["data"][0]["data"]["object"];
    assert_eq!(object["version"], 2);
    assert_eq!(object, &app.get_ok(&format!("/contracts/{}", id(&k))).await);
}

#[tokio::test]
async fn events_of_another_organisation_are_404() {
    let app = app().await;
    let cid = confirmed(&app).await;
    let events = app.get_ok(&format!("/events?object_id={cid}")).await;
    let ev = events["data"][0]["id"].as_str().unwrap().to_owned();
    let other = create_organisation(&app.ctx, "Other").await.unwrap();
    for path in [format!("/events/{ev}"), format!("/events?object_id={cid}")] {
        let r = app
            .client
            .get(app.url(&path))
            .header("x-api-key", &other.api_key)
            .send()
            .await
            .unwrap();
        if path.contains('?') {
            let v: Value = r.json().await.unwrap();
            assert_eq!(v["data"], json!([]));
        } else {
            assert_eq!(r.status(), StatusCode::NOT_FOUND);
        }
    }
}

#[tokio::test]
async fn events_are_kept_30_days_then_purged_with_their_deliveries() {
    use hosted_checkout::services::events;
    let app = app().await;
    let rx = Receiver::start();
    endpoint(&app, &rx.url, json!(["*"])).await;
    let cid = confirmed(&app).await;
    rx.wait_for(2, WAIT).await;
    app.advance(chrono::Duration::days(29));
    assert_eq!(events::purge(&app.ctx).await.unwrap(), 0);
    assert_eq!(
        app.get_ok("/events").await["data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    app.advance(chrono::Duration::days(2));
    assert_eq!(events::purge(&app.ctx).await.unwrap(), 2);
    assert_eq!(app.get_ok("/events").await["data"], json!([]));
    assert_eq!(
        app.get_ok(&format!("/events?object_id={cid}")).await["data"],
        json!([])
    );
}

#[tokio::test]
async fn attempts_are_counted_on_metrics() {
    let app = spawn_app_with(|s| {
        quick(s);
        s.metrics_bind = Some("127.0.0.1:0".into());
    })
    .await;
    let rx = Receiver::start();
    endpoint(&app, &rx.url, json!(["*"])).await;
    confirmed(&app).await;
    rx.wait_for(2, WAIT).await;
    let port = app.metrics_port.expect("metrics listener");
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let text = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if text.contains(r#"webhook_attempts_total{outcome="succeeded"}"#)
            && text.contains("webhook_attempt_duration_seconds")
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_failing_endpoint_pauses_its_other_deliveries_until_the_pause_ends() {
    // Schedule 5 s: a failed attempt pauses the endpoint for 5 s (service clock).
    let app = spawn_app_with(|s| {
        quick(s);
        s.webhook_retry_schedule = vec![5, 5];
    })
    .await;
    let rx = Receiver::start();
    rx.answer_always(Answer::Status(500));
    endpoint(&app, &rx.url, json!(["checkout.cancelled"])).await;
    let c = app.seat_plan("Team", "10.00", "P1M").await;
    let a = app.new_subscription(c.plan).await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", id(&a)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    rx.wait_for(1, WAIT).await;
    let ev = app.get_ok(&format!("/events?object_id={}", id(&a))).await["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    wait_until(
        &app,
        &format!("/events/{ev}"),
        "first failure recorded",
        |v| v["deliveries"][0]["attempt_count"] == 1,
    )
    .await;
    // A second event while paused: its delivery waits (the worker is woken by the commit
    // and polls every second; a window of two polls shows it did not send).
    let b = app.new_subscription(c.plan).await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", id(&b)),
        &json!({}),
        StatusCode::OK,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(rx.requests().len(), 1, "nothing sent to a paused endpoint");
    // The pause ends: both are attempted again.
    app.advance(chrono::Duration::seconds(6));
    let got = rx.wait_for(3, WAIT).await;
    let ids: BTreeSet<&str> = got.iter().map(|r| r.header("webhook-id")).collect();
    assert_eq!(ids.len(), 2);
}
