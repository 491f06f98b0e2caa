//! SPEC §3, §5, §6 through the API: creating, reading, listing, editing, confirming, cancelling
//! and expiring checkout sessions, with exact amounts, fields, statuses and the rows written.

use chrono::{DateTime, Duration, Utc};
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Catalog, TestApp, error_fields, id, problem, spawn_app};

/// The exact JSON text of a number (serde_json keeps it with `arbitrary_precision`).
fn amt(v: &Value) -> String {
    assert!(v.is_number(), "expected a JSON number, got {v}");
    v.to_string()
}

fn ts(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().expect("timestamp"))
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

async fn count(app: &TestApp, path: &str) -> usize {
    app.get_ok(&format!("{path}?limit=100")).await["data"]
        .as_array()
        .unwrap()
        .len()
}

/// Rows in every table the checkout flow writes, read straight from the database.
async fn table_rows(app: &TestApp) -> Vec<i64> {
    use sqlx::Connection;
    const QUERIES: [&str; 6] = [
        "SELECT COUNT(*) FROM checkouts",
        "SELECT COUNT(*) FROM contracts",
        "SELECT COUNT(*) FROM contract_versions",
        "SELECT COUNT(*) FROM customers",
        "SELECT COUNT(*) FROM idempotency_keys",
        "SELECT COUNT(*) FROM business_entities",
    ];
    let mut counts = Vec::new();
    if app.database_url.starts_with("postgres") {
        let mut conn = sqlx::PgConnection::connect(&app.database_url)
            .await
            .unwrap();
        for q in QUERIES {
            counts.push(
                sqlx::query_scalar::<_, i64>(q)
                    .fetch_one(&mut conn)
                    .await
                    .unwrap(),
            );
        }
        conn.close().await.unwrap();
    } else {
        let mut conn = sqlx::SqliteConnection::connect(&app.database_url)
            .await
            .unwrap();
        for q in QUERIES {
            counts.push(
                sqlx::query_scalar::<_, i64>(q)
                    .fetch_one(&mut conn)
                    .await
                    .unwrap(),
            );
        }
        conn.close().await.unwrap();
    }
    counts
}

/// The ids of a list answer's `data`, in order.
fn ids(v: &Value) -> Vec<String> {
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Seats at 10.00 (5 of 1–50, adjustable) and a 49.00 support add-on (off), monthly.
async fn team(app: &TestApp) -> Catalog {
    app.seat_plan("Team", "10.00", "P1M").await
}

/// A contract on `plan` from 1 Apr 2026 (a 30-day month: proration halves on 16 Apr).
async fn april_contract(app: &TestApp, plan: Uuid) -> Value {
    app.import_contract(plan, "2026-04-01").await
}

async fn confirm(app: &TestApp, id: &str) -> reqwest::Response {
    app.post(&format!("/checkouts/{id}/confirm"), &json!({}))
        .await
}

// ------------------------------------------------------------------ create: new subscription

/// Session ids are UUIDv7 (docs/decisions.md): new rows append to the primary-key index
/// instead of landing anywhere in it. The first 48 bits are the creation time in
/// milliseconds; after them come uuid's per-millisecond counter (random at each new
/// millisecond), which keeps one process's ids in order, and 32 random bits.
#[tokio::test]
async fn session_ids_are_time_ordered_uuids() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let ms = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64
    };
    let before = ms();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let v = app
            .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
            .await;
        ids.push(Uuid::parse_str(v["id"].as_str().unwrap()).unwrap());
    }
    let after = ms();
    for id in &ids {
        assert_eq!(id.get_version_num(), 7, "{id}");
        let (secs, nanos) = id.get_timestamp().unwrap().to_unix();
        let at = secs * 1000 + u64::from(nanos) / 1_000_000;
        assert!(
            before <= at && at <= after,
            "{id}: {at} not in {before}..={after}"
        );
    }
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, ids, "in creation order");
}

#[tokio::test]
async fn new_subscription_session_carries_url_estimates_and_defaults() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({
            "plan_id": c.plan, "customer_id": customer, "start_date": "2026-04-01",
            "success_url": "https://shop.example/ok/{CHECKOUT_ID}", "metadata": {"order": "A-1"}
        }))
        .await;
    let sid = v["id"].as_str().unwrap();
    assert_eq!(v["checkout_type"], "new_subscription");
    assert_eq!(v["checkout_status"], "open");
    assert_eq!(v["organisation_id"], app.org_id.to_string());
    assert_eq!(v["plan_id"], c.plan.to_string());
    assert_eq!(v["customer_id"], customer.to_string());
    assert_eq!(v["business_entity_id"], app.entity_id.to_string());
    assert_eq!(v["guest_checkout"], false);
    assert_eq!(v["preview"], false);
    assert_eq!(v["contract_id"], Value::Null);
    assert_eq!(v["completed_at"], Value::Null);
    assert_eq!(v["proration_behavior"], "auto");
    assert_eq!(v["start_date"], "2026-04-01");
    assert_eq!(v["metadata"], json!({"order": "A-1"}));
    assert_eq!(v["success_url"], "https://shop.example/ok/{CHECKOUT_ID}");
    // The hosted link: the id and the link's own 22-character secret (SPEC §14).
    let link = v["url"].as_str().unwrap();
    let secret = link
        .strip_prefix(&app.url(&format!("/checkout/{sid}.")))
        .expect("{public_url}/checkout/{id}.{secret}");
    assert_eq!(secret.len(), 22, "{link}");
    assert_eq!(
        ts(&v["expires_at"]) - ts(&v["created_at"]),
        Duration::hours(24)
    );

    let cur = &v["estimates"]["current_invoice"];
    assert_eq!(cur["currency"], "USD");
    assert_eq!(cur["period_start"], "2026-04-01");
    assert_eq!(cur["period_end"], "2026-04-30");
    let lines = cur["line_items"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "the support add-on is off: {lines:?}");
    assert_eq!(lines[0]["product_id"], c.seats.to_string());
    assert_eq!(lines[0]["quantity"], 5);
    assert_eq!(amt(&lines[0]["unit_price"]), "10.00");
    assert_eq!(amt(&lines[0]["amount"]), "50.00");
    assert_eq!(lines[0]["kind"], "recurring");
    assert_eq!(amt(&cur["subtotal"]), "50.00");
    assert_eq!(amt(&cur["tax"]), "0.00");
    assert_eq!(amt(&cur["total"]), "50.00");
    assert_eq!(amt(&cur["amount_due"]), "50.00");
    let next = &v["estimates"]["next_invoice"];
    assert_eq!(next["period_start"], "2026-05-01");
    assert_eq!(next["period_end"], "2026-05-31");
    assert_eq!(amt(&next["total"]), "50.00");

    // The estimate is stored with the session: GET and the row agree with the create response.
    let got = app.get_ok(&format!("/checkouts/{sid}")).await;
    assert_eq!(got["estimates"], v["estimates"]);
    assert_eq!(got["metadata"], v["metadata"]);
    let row = app
        .ctx
        .store
        .get_checkout(app.org_id, id(&v))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&row.quote.estimates).unwrap(),
        v["estimates"]
    );
}

#[tokio::test]
async fn start_date_defaults_to_today_and_end_date_prorates_the_last_period() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await;
    assert_eq!(v["start_date"], Utc::now().date_naive().to_string());

    // Ends on 15 Apr (inclusive): 15 of 30 days.
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-04-01", "end_date": "2026-04-15"}))
        .await;
    assert_eq!(v["end_date"], "2026-04-15");
    assert_eq!(
        v["estimates"]["current_invoice"]["period_end"],
        "2026-04-15"
    );
    assert_eq!(amt(&v["estimates"]["current_invoice"]["total"]), "25.00");
    assert_eq!(v["estimates"]["next_invoice"], Value::Null);
}

#[tokio::test]
async fn overrides_and_tax_shape_the_estimate_exactly() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let entity = app
        .post_ok(
            "/business_entities",
            &json!({"name": "Taxed Ltd", "tax_rate": "20"}),
            StatusCode::CREATED,
        )
        .await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({
            "plan_id": c.plan, "customer_id": customer, "start_date": "2026-04-01",
            "business_entity_id": entity["id"],
            "product_overrides": [{"product_id": c.seats, "quantity": 7}, {"product_id": c.support, "is_enabled": true}]
        }))
        .await;
    assert_eq!(v["business_entity_id"], entity["id"]);
    let cur = &v["estimates"]["current_invoice"];
    let amounts: Vec<String> = cur["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| amt(&l["amount"]))
        .collect();
    assert_eq!(amounts, ["70.00", "49.00"]);
    assert_eq!(amt(&cur["subtotal"]), "119.00");
    assert_eq!(amt(&cur["tax"]), "23.80");
    assert_eq!(amt(&cur["total"]), "142.80");
    assert_eq!(
        v["product_overrides"],
        json!([{"product_id": c.seats, "quantity": 7, "is_enabled": null}, {"product_id": c.support, "quantity": null, "is_enabled": true}])
    );
}

// ------------------------------------------------------------------ type detection and rules

#[tokio::test]
async fn checkout_type_is_detected_from_plan_and_contract() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let contract = april_contract(&app, c.plan).await;
    let v = app
        .create_checkout(
            json!({"contract_id": contract["id"], "plan_id": pro, "start_date": "2026-04-16"}),
        )
        .await;
    assert_eq!(v["checkout_type"], "plan_change");
    assert_eq!(
        v["contract_id"], contract["id"],
        "amendments carry the contract at creation"
    );
    assert_eq!(
        v["customer_id"], contract["customer_id"],
        "amendments take the contract's customer"
    );
    let v = app
        .create_checkout(json!({"contract_id": contract["id"], "start_date": "2026-04-16", "product_overrides": [{"product_id": c.seats, "quantity": 6}]}))
        .await;
    assert_eq!(v["checkout_type"], "quantity_update");
    assert_eq!(v["plan_id"], Value::Null);

    let p = problem(
        app.post("/checkouts", &json!({"success_url": "https://a.example/"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["plan_id"]);
    let p = problem(
        app.post("/checkouts", &json!({"contract_id": contract["id"]}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        error_fields(&p),
        ["product_overrides"],
        "a contract without plan_id needs overrides"
    );
}

#[tokio::test]
async fn customer_and_guest_rules_name_their_fields() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let contract = april_contract(&app, c.plan).await;
    let cases = [
        (json!({"plan_id": c.plan}), vec!["customer_id"]),
        (
            json!({"plan_id": c.plan, "customer_id": Uuid::new_v4()}),
            vec!["customer_id"],
        ),
        (
            json!({"plan_id": c.plan, "guest_checkout": true}),
            vec!["business_entity_id"],
        ),
        (
            json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_id": customer}),
            vec!["customer_id"],
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "business_entity_id": Uuid::new_v4()}),
            vec!["business_entity_id"],
        ),
        (
            json!({"contract_id": contract["id"], "guest_checkout": true, "business_entity_id": app.entity_id, "product_overrides": [{"product_id": c.seats, "quantity": 6}]}),
            vec!["guest_checkout"],
        ),
        (
            json!({"contract_id": contract["id"], "customer_id": customer, "product_overrides": [{"product_id": c.seats, "quantity": 6}]}),
            vec!["customer_id"],
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "contract_id": Uuid::new_v4()}),
            vec!["contract_id"],
        ),
        (
            json!({"plan_id": Uuid::new_v4(), "customer_id": customer}),
            vec!["plan_id"],
        ),
    ];
    for (body, fields) in cases {
        let p = problem(
            app.post("/checkouts", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error_fields(&p), fields, "{body}");
        assert_eq!(p["status"], 422);
        assert_eq!(p["title"], "Validation failed");
    }
    // A guest through a business entity is fine, with prefill.
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"customer_name": " Ada ", "address": {"country": "de"}}}))
        .await;
    assert_eq!(v["guest_checkout"], true);
    assert_eq!(v["customer_id"], Value::Null);
    assert_eq!(v["customer_data"]["customer_name"], "Ada");
    assert_eq!(v["customer_data"]["address"]["country"], "DE");
    assert_eq!(
        count(&app, "/checkouts").await,
        1,
        "no failed create wrote a session"
    );
}

#[tokio::test]
async fn plan_rules_currency_archived_and_same_plan_are_422() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let contract = april_contract(&app, c.plan).await;
    let euro = app
        .create_plan(json!({"name": "Euro", "currency": "EUR", "billing_period": "P1M", "items": [{"product_id": c.seats, "pricing": {"pricing_type": "per_unit", "unit_amount": 9}}]}))
        .await;
    let old = app.plan_on(&c, "Old", "8.00", "P1M").await;
    app.post_ok(&format!("/plans/{old}/archive"), &json!({}), StatusCode::OK)
        .await;

    for (body, field, words) in [
        (
            json!({"contract_id": contract["id"], "plan_id": euro}),
            "plan_id",
            "EUR",
        ),
        (
            json!({"contract_id": contract["id"], "plan_id": c.plan}),
            "plan_id",
            "already",
        ),
        (
            json!({"contract_id": contract["id"], "plan_id": old}),
            "plan_id",
            "archived",
        ),
        (
            json!({"plan_id": old, "customer_id": customer}),
            "plan_id",
            "archived",
        ),
    ] {
        let p = problem(
            app.post("/checkouts", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{body}");
        assert!(
            p["errors"][0]["message"].as_str().unwrap().contains(words),
            "{p}"
        );
    }
}

#[tokio::test]
async fn product_overrides_must_be_on_the_plan_or_contract_and_within_bounds() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let stranger = app.create_product("Stranger", None).await;
    let body = json!({"plan_id": c.plan, "customer_id": customer, "product_overrides": [
        {"product_id": stranger, "quantity": 1},
        {"product_id": c.seats, "quantity": 51},
        {"product_id": c.support},
        {"product_id": c.seats, "quantity": 0},
    ]});
    let p = problem(
        app.post("/checkouts", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        error_fields(&p),
        [
            "product_overrides[0].product_id",
            "product_overrides[1].quantity",
            "product_overrides[2]",
            "product_overrides[3].product_id",
            "product_overrides[3].quantity",
        ]
    );
    assert_eq!(p["errors"][1]["message"], "must be from 1 to 50");

    // Quantity updates check against the contract's items.
    let contract = april_contract(&app, c.plan).await;
    let body = json!({"contract_id": contract["id"], "product_overrides": [{"product_id": stranger, "quantity": 1}, {"product_id": c.seats, "quantity": 50}]});
    let p = problem(
        app.post("/checkouts", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["product_overrides[0].product_id"]);
    assert!(
        p["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("contract")
    );
}

#[tokio::test]
async fn plan_options_must_be_active_known_and_in_the_same_currency() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let euro = app
        .create_plan(json!({"name": "Euro", "currency": "EUR", "billing_period": "P1M", "items": [{"product_id": c.seats, "pricing": {"pricing_type": "per_unit", "unit_amount": 9}}]}))
        .await;
    let old = app.plan_on(&c, "Old", "8.00", "P1M").await;
    app.post_ok(&format!("/plans/{old}/archive"), &json!({}), StatusCode::OK)
        .await;
    let body = json!({"plan_id": c.plan, "customer_id": customer, "plan_options": [pro, euro, Uuid::new_v4(), old]});
    let p = problem(
        app.post("/checkouts", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        error_fields(&p),
        ["plan_options[1]", "plan_options[2]", "plan_options[3]"]
    );

    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "plan_options": [pro]}))
        .await;
    assert_eq!(v["plan_options"], json!([pro]));

    let contract = april_contract(&app, c.plan).await;
    let body = json!({"contract_id": contract["id"], "plan_options": [pro], "product_overrides": [{"product_id": c.seats, "quantity": 6}]});
    let p = problem(
        app.post("/checkouts", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["plan_options"]);
}

#[tokio::test]
async fn expires_at_must_be_in_the_future_and_at_most_30_days_ahead() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let now = Utc::now();
    for bad in [
        now - Duration::seconds(5),
        now + Duration::days(30) + Duration::minutes(5),
    ] {
        let body =
            json!({"plan_id": c.plan, "customer_id": customer, "expires_at": bad.to_rfc3339()});
        let p = problem(
            app.post("/checkouts", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error_fields(&p), ["expires_at"]);
    }
    let at = (now + Duration::days(29))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "expires_at": at}))
        .await;
    assert_eq!(
        ts(&v["expires_at"]).to_rfc3339(),
        DateTime::parse_from_rfc3339(&at).unwrap().to_rfc3339()
    );
    let p = problem(
        app.post(
            "/checkouts",
            &json!({"plan_id": c.plan, "customer_id": customer, "expires_at": "tomorrow"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["expires_at"]);
}

#[tokio::test]
async fn metadata_is_limited_to_50_keys_of_40_and_values_of_500_characters() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let many: serde_json::Map<String, Value> =
        (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
    let p = problem(
        app.post(
            "/checkouts",
            &json!({"plan_id": c.plan, "customer_id": customer, "metadata": many}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["metadata"]);
    let long_key = "k".repeat(41);
    let body = json!({"plan_id": c.plan, "customer_id": customer, "metadata": {long_key.clone(): "v", "ok": "x".repeat(501)}});
    let p = problem(
        app.post("/checkouts", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(
        error_fields(&p),
        [format!("metadata.{long_key}"), "metadata.ok".to_owned()]
    );
    let p = problem(
        app.post(
            "/checkouts",
            &json!({"plan_id": c.plan, "customer_id": customer, "metadata": {"n": 1}}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["metadata.n"]);

    let fifty: serde_json::Map<String, Value> = (0..50)
        .map(|i| (format!("k{i}"), json!("x".repeat(500))))
        .collect();
    let v = app
        .create_checkout(
            json!({"plan_id": c.plan, "customer_id": customer, "metadata": fifty.clone()}),
        )
        .await;
    assert_eq!(v["metadata"], Value::Object(fifty));
}

#[tokio::test]
async fn redirect_urls_must_be_absolute_http_without_credentials_or_whitespace() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let too_long = format!("https://a.example/{}", "a".repeat(2083 - 18 + 1));
    for bad in [
        "",
        "/relative",
        "shop.example/ok",
        "ftp://shop.example/",
        "javascript:alert(1)",
        "https://user:pw@shop.example/",
        "https://user@shop.example/",
        "https://shop.example/a b",
        "https://shop.example/\u{7}",
        "https://shop.example/\n",
        too_long.as_str(),
    ] {
        for field in ["success_url", "cancel_url"] {
            let body = json!({"plan_id": c.plan, "customer_id": customer, field: bad});
            let p = problem(
                app.post("/checkouts", &body).await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
            assert_eq!(error_fields(&p), [field], "{bad:?}");
        }
    }
    let longest = format!("https://a.example/{}", "a".repeat(2083 - 18));
    assert_eq!(longest.len(), 2083);
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "success_url": longest, "cancel_url": "http://localhost:3000/c?id={CHECKOUT_ID}"}))
        .await;
    assert_eq!(v["success_url"], longest);
    assert_eq!(v["cancel_url"], "http://localhost:3000/c?id={CHECKOUT_ID}");
    assert_eq!(count(&app, "/checkouts").await, 1);
}

#[tokio::test]
async fn dates_must_be_ordered_and_amendments_inside_the_contract_term() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let p = problem(
        app.post("/checkouts", &json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-04-10", "end_date": "2026-04-09"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["end_date"]);
    let contract = april_contract(&app, c.plan).await;
    let p = problem(
        app.post("/checkouts", &json!({"contract_id": contract["id"], "start_date": "2026-03-31", "product_overrides": [{"product_id": c.seats, "quantity": 6}]})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["start_date"]);
}

#[tokio::test]
async fn every_semantic_violation_is_listed_at_once() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let body = json!({
        "plan_id": c.plan, "start_date": "2026-04-10", "end_date": "2026-04-01",
        "success_url": "nope", "cancel_url": "https://u:p@x.example/",
        "expires_at": "2000-01-01T00:00:00Z", "product_overrides": [{"product_id": c.seats, "quantity": 99}],
        "customer_data": {"email": "not-an-email"}
    });
    let p = problem(
        app.post("/checkouts", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let mut fields = error_fields(&p);
    fields.sort();
    assert_eq!(
        fields,
        [
            "cancel_url",
            "customer_data.email",
            "customer_id",
            "end_date",
            "expires_at",
            "product_overrides[0].quantity",
            "success_url"
        ]
    );
}

// ------------------------------------------------------------------ bad input

#[tokio::test]
async fn bad_input_is_400_413_or_422_never_5xx() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let send = |body: Vec<u8>| {
        app.client
            .post(app.url("/checkouts"))
            .header("x-api-key", &app.api_key)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    // Malformed JSON.
    for raw in ["{", "{\"plan_id\": }", "nul", "{\"a\": 1} trailing"] {
        problem(send(raw.into()).await.unwrap(), StatusCode::BAD_REQUEST).await;
    }
    // Over 64 KiB.
    let big = format!(
        "{{\"plan_id\": \"{}\", \"metadata\": {{\"a\": \"{}\"}}}}",
        c.plan,
        "x".repeat(64 * 1024)
    );
    problem(
        send(big.into_bytes()).await.unwrap(),
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    // Wrong types, unknown enum values, unknown fields: 422 naming the field.
    for (body, field) in [
        (json!({"plan_id": "not-a-uuid"}), "plan_id"),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "proration_behavior": "sometimes"}),
            "proration_behavior",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "product_overrides": [{"product_id": c.seats, "quantity": -1}]}),
            "product_overrides[0].quantity",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "product_overrides": [{"product_id": c.seats, "quantity": "many"}]}),
            "product_overrides[0].quantity",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "product_overrides": [{"product_id": c.seats, "quantity": 1.5}]}),
            "product_overrides[0].quantity",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "guest_checkout": "yes"}),
            "guest_checkout",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-02-30"}),
            "start_date",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "colour": "red"}),
            "colour",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "customer_data": {"nickname": "x"}}),
            "customer_data.nickname",
        ),
        (
            json!({"plan_id": c.plan, "customer_id": customer, "plan_options": "all"}),
            "plan_options",
        ),
    ] {
        let r = send(serde_json::to_vec(&body).unwrap()).await.unwrap();
        let p = problem(r, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(error_fields(&p), [field], "{body}");
    }
    // The same for PATCH and preview.
    let v = app.new_subscription(c.plan).await;
    let p = problem(
        app.patch(
            &format!("/checkouts/{}", v["id"].as_str().unwrap()),
            &json!({"expires_in": 5}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["expires_in"]);
    let p = problem(
        app.post("/checkouts/preview", &json!({"plan_id": 5})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["plan_id"]);
    assert_eq!(count(&app, "/checkouts").await, 1);
}

#[tokio::test]
async fn unknown_and_foreign_sessions_are_404() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let sid = v["id"].as_str().unwrap();
    problem(
        app.get(&format!("/checkouts/{}", Uuid::new_v4())).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    problem(
        app.get("/checkouts/not-a-uuid").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    problem(
        app.post(
            &format!("/checkouts/{}/confirm", Uuid::new_v4()),
            &json!({}),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    for (method, path) in [
        ("GET", format!("/checkouts/{sid}")),
        ("PATCH", format!("/checkouts/{sid}")),
        ("POST", format!("/checkouts/{sid}/confirm")),
        ("POST", format!("/checkouts/{sid}/cancel")),
        ("POST", format!("/checkouts/{sid}/expire")),
    ] {
        let r = app
            .client
            .request(method.parse().unwrap(), app.url(&path))
            .header("x-api-key", &other.api_key)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        problem(r, StatusCode::NOT_FOUND).await;
    }
    assert_eq!(
        app.get_ok(&format!("/checkouts/{sid}")).await["checkout_status"],
        "open"
    );
}

// ------------------------------------------------------------------ list

#[tokio::test]
async fn listing_filters_by_status_customer_and_type_newest_first_with_pagination() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let a = app.new_subscription(c.plan).await;
    let b = app.new_subscription(c.plan).await;
    let contract = april_contract(&app, c.plan).await;
    let change = app
        .create_checkout(
            json!({"contract_id": contract["id"], "plan_id": pro, "start_date": "2026-04-16"}),
        )
        .await;
    app.post_ok(
        &format!("/checkouts/{}/cancel", b["id"].as_str().unwrap()),
        &json!({"reason": "changed my mind"}),
        StatusCode::OK,
    )
    .await;

    let all = app.get_ok("/checkouts").await;
    assert_eq!(
        ids(&all),
        [&change["id"], &b["id"], &a["id"]].map(|v| v.as_str().unwrap().to_owned())
    );
    assert_eq!(all["has_more"], false);
    // A list shows each session exactly as GET does: the quote it splices as stored (estimates
    // and, for the plan change, its change summary) is the JSON GET builds from the value.
    for listed in all["data"].as_array().unwrap() {
        let one = app
            .get_ok(&format!("/checkouts/{}", listed["id"].as_str().unwrap()))
            .await;
        assert_eq!(listed, &one);
    }
    assert!(all["data"][0]["change"].is_object(), "{}", all["data"][0]);

    let page1 = app.get_ok("/checkouts?limit=2").await;
    assert_eq!(ids(&page1).len(), 2);
    assert_eq!(page1["has_more"], true);
    let page2 = app
        .get_ok(&format!(
            "/checkouts?limit=2&starting_after={}",
            ids(&page1)[1]
        ))
        .await;
    assert_eq!(ids(&page2), [a["id"].as_str().unwrap()]);
    assert_eq!(page2["has_more"], false);

    assert_eq!(
        ids(&app.get_ok("/checkouts?checkout_status=cancelled").await),
        [b["id"].as_str().unwrap()]
    );
    assert_eq!(
        ids(&app.get_ok("/checkouts?checkout_type=plan_change").await),
        [change["id"].as_str().unwrap()]
    );
    assert_eq!(
        ids(&app
            .get_ok(&format!(
                "/checkouts?customer_id={}",
                a["customer_id"].as_str().unwrap()
            ))
            .await),
        [a["id"].as_str().unwrap()]
    );
    let open = app
        .get_ok("/checkouts?checkout_status=open&checkout_type=new_subscription")
        .await;
    assert_eq!(ids(&open), [a["id"].as_str().unwrap()]);
    assert_eq!(open["data"][0]["estimates"], a["estimates"]);

    let p = problem(
        app.get("/checkouts?checkout_status=done&checkout_type=x&customer_id=1&limit=0")
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let mut fields = error_fields(&p);
    fields.sort();
    assert_eq!(
        fields,
        ["checkout_status", "checkout_type", "customer_id", "limit"]
    );
    problem(
        app.get("/checkouts?limit=101").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
}

/// `customer_email` finds a guest by the address entered (at create or later, the latest
/// one), an existing customer's sessions by the customer's address, in any case, within the
/// organisation only; a malformed address is a 422 naming the field.
#[tokio::test]
async fn listing_by_email_finds_guests_by_the_address_entered_and_customers_by_theirs() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = id(&app
        .post_ok(
            "/customers",
            &json!({"customer_name": "Grace Hopper", "email": "Grace.H@Example.com"}),
            StatusCode::CREATED,
        )
        .await);
    let known = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer}))
        .await;
    let guest = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"email": "ada@example.com"}}))
        .await;
    let late = app
        .create_checkout(
            json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id}),
        )
        .await;
    let found = |email: &str| {
        let app = &app;
        let email = email.to_owned();
        async move {
            ids(&app
                .get_ok(&format!("/checkouts?customer_email={email}"))
                .await)
        }
    };
    assert_eq!(
        found("grace.h@example.com").await,
        [known["id"].as_str().unwrap()]
    );
    // A plan change names the contract, not the customer: found by the customer's address.
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let contract = app
        .post_ok(
            "/contracts",
            &json!({"customer_id": customer, "plan_id": c.plan, "start_date": "2026-04-01"}),
            StatusCode::CREATED,
        )
        .await;
    let change = app
        .create_checkout(
            json!({"contract_id": contract["id"], "plan_id": pro, "start_date": "2026-04-16"}),
        )
        .await;
    assert_eq!(
        found("GRACE.H@example.com").await,
        [
            change["id"].as_str().unwrap(),
            known["id"].as_str().unwrap()
        ]
    );
    assert_eq!(
        found("ADA@example.COM").await,
        [guest["id"].as_str().unwrap()]
    );
    assert!(found("late@example.org").await.is_empty());

    let late_id = late["id"].as_str().unwrap();
    let r = app
        .patch(
            &format!("/checkouts/{late_id}"),
            &json!({"customer_data": {"email": "Late@Example.org"}}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(found("late@example.org").await, [late_id]);
    let r = app
        .patch(
            &format!("/checkouts/{late_id}"),
            &json!({"customer_data": {"email": "ada@example.com"}}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        found("late@example.org").await.is_empty(),
        "the latest address counts"
    );
    assert_eq!(
        found("ada@example.com").await,
        [late_id, guest["id"].as_str().unwrap()],
        "newest first"
    );
    // With another filter, and page by page.
    let page = app
        .get_ok("/checkouts?customer_email=ada@example.com&checkout_status=open&limit=1")
        .await;
    assert_eq!(ids(&page), [late_id]);
    assert_eq!(page["has_more"], true);

    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let r = app
        .client
        .get(app.url("/checkouts?customer_email=ada@example.com"))
        .header("x-api-key", &other.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: serde_json::Value = r.json().await.unwrap();
    assert!(ids(&v).is_empty(), "another organisation's sessions: {v}");

    let p = problem(
        app.get("/checkouts?customer_email=nope").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["customer_email"]);
}

// ------------------------------------------------------------------ patch

#[tokio::test]
async fn patch_recomputes_and_stores_the_estimate() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(
            json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-04-01"}),
        )
        .await;
    let path = format!("/checkouts/{}", v["id"].as_str().unwrap());

    let r = app.patch(&path, &json!({"product_overrides": [{"product_id": c.seats, "quantity": 12}], "metadata": {"step": "2"}, "success_url": "https://shop.example/new"})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let p: Value = r.json().await.unwrap();
    assert_eq!(amt(&p["estimates"]["current_invoice"]["total"]), "120.00");
    assert_eq!(p["metadata"], json!({"step": "2"}));
    assert_eq!(p["success_url"], "https://shop.example/new");
    assert!(ts(&p["updated_at"]) >= ts(&v["updated_at"]));
    assert_eq!(app.get_ok(&path).await["estimates"], p["estimates"]);

    // A new plan drops the overrides written for the old one.
    let p: Value = app
        .patch(&path, &json!({"plan_id": pro}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(p["plan_id"], pro.to_string());
    assert_eq!(p["product_overrides"], json!([]));
    assert_eq!(amt(&p["estimates"]["current_invoice"]["total"]), "100.00");

    for (body, field) in [
        (
            json!({"product_overrides": [{"product_id": c.seats, "quantity": 0}]}),
            "product_overrides[0].quantity",
        ),
        (json!({"plan_id": Uuid::new_v4()}), "plan_id"),
        (json!({"cancel_url": "ftp://x.example"}), "cancel_url"),
        (json!({"expires_at": "2001-01-01T00:00:00Z"}), "expires_at"),
        (
            json!({"customer_data": {"email": "nope"}}),
            "customer_data.email",
        ),
    ] {
        let p = problem(
            app.patch(&path, &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{body}");
    }
    assert_eq!(
        amt(&app.get_ok(&path).await["estimates"]["current_invoice"]["total"]),
        "100.00",
        "failed PATCHes change nothing"
    );

    let contract = april_contract(&app, c.plan).await;
    let q = app
        .create_checkout(json!({"contract_id": contract["id"], "start_date": "2026-04-16", "product_overrides": [{"product_id": c.seats, "quantity": 6}]}))
        .await;
    let p = problem(
        app.patch(
            &format!("/checkouts/{}", q["id"].as_str().unwrap()),
            &json!({"plan_id": pro}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["plan_id"]);

    app.post_ok(&format!("{path}/cancel"), &json!({}), StatusCode::OK)
        .await;
    problem(
        app.patch(&path, &json!({"metadata": {}})).await,
        StatusCode::CONFLICT,
    )
    .await;
}

// ------------------------------------------------------------------ confirm: each type

#[tokio::test]
async fn confirming_a_new_subscription_creates_the_contract() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "start_date": "2026-04-01", "product_overrides": [{"product_id": c.seats, "quantity": 3}]}))
        .await;
    let sid = v["id"].as_str().unwrap();
    let path = format!("/checkouts/{sid}");
    let p = app.patch(&path, &json!({"product_overrides": [{"product_id": c.seats, "quantity": 8}, {"product_id": c.support, "is_enabled": true}]})).await;
    assert_eq!(p.status(), StatusCode::OK);

    let r = confirm(&app, sid).await;
    assert_eq!(r.status(), StatusCode::OK);
    let done: Value = r.json().await.unwrap();
    assert_eq!(done["checkout_status"], "contract_created");
    assert!(done["completed_at"].is_string());
    let contract_id = done["contract_id"]
        .as_str()
        .expect("contract_id after confirm");
    assert_eq!(
        app.get_ok(&path).await["checkout_status"],
        "contract_created"
    );

    let k = app.get_ok(&format!("/contracts/{contract_id}")).await;
    assert_eq!(k["customer_id"], customer.to_string());
    assert_eq!(k["plan_id"], c.plan.to_string());
    assert_eq!(k["currency"], "USD");
    assert_eq!(k["status"], "active");
    assert_eq!(k["start_date"], "2026-04-01");
    assert_eq!(k["billing_anchor_date"], "2026-04-01");
    assert_eq!(k["checkout_id"], sid);
    let items = k["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (
            &items[0]["product_id"],
            &items[0]["quantity"],
            &items[0]["is_enabled"]
        ),
        (&json!(c.seats), &json!(8), &json!(true))
    );
    assert_eq!(
        (&items[1]["product_id"], &items[1]["is_enabled"]),
        (&json!(c.support), &json!(true))
    );
    let versions = k["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0]["effective_date"], "2026-04-01");
    assert_eq!(versions[0]["checkout_id"], sid);
    assert_eq!(count(&app, "/contracts").await, 1);
}

#[tokio::test]
async fn confirming_a_guest_session_first_creates_the_customer() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"customer_name": "Ada Lovelace"}}))
        .await;
    let sid = v["id"].as_str().unwrap();
    let p = problem(confirm(&app, sid).await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error_fields(&p), ["customer_data.email"]);
    assert_eq!(count(&app, "/customers").await, 0);

    let patched = app
        .patch(&format!("/checkouts/{sid}"), &json!({"customer_data": {"customer_name": "Ada Lovelace", "email": "ada@example.com", "company_name": "Engines Ltd", "address": {"country": "GB", "city": "London"}}}))
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let r = confirm(&app, sid).await;
    assert_eq!(r.status(), StatusCode::OK);
    let done: Value = r.json().await.unwrap();
    let customer_id = done["customer_id"]
        .as_str()
        .expect("the guest became a customer");
    let cust = app.get_ok(&format!("/customers/{customer_id}")).await;
    assert_eq!(cust["customer_name"], "Ada Lovelace");
    assert_eq!(cust["email"], "ada@example.com");
    assert_eq!(cust["company_name"], "Engines Ltd");
    assert_eq!(cust["address"]["country"], "GB");
    assert_eq!(cust["business_entity_id"], app.entity_id.to_string());
    let k = app
        .get_ok(&format!(
            "/contracts/{}",
            done["contract_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(k["customer_id"], customer_id);
    assert_eq!(count(&app, "/customers").await, 1);
}

#[tokio::test]
async fn confirming_an_upgrade_prorates_now_and_versions_the_contract_on_the_change_date() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let pro = app.plan_on(&c, "Pro", "20.00", "P1M").await;
    let contract = april_contract(&app, c.plan).await;
    let kid = contract["id"].as_str().unwrap();
    let v = app
        .create_checkout(json!({"contract_id": kid, "plan_id": pro, "start_date": "2026-04-16", "product_overrides": [{"product_id": c.seats, "quantity": 6}]}))
        .await;
    // 15 of 30 days: credit half of 5 × 10, charge half of 6 × 20.
    let cur = &v["estimates"]["current_invoice"];
    assert_eq!(cur["period_start"], "2026-04-16");
    assert_eq!(cur["period_end"], "2026-04-30");
    let lines: Vec<(String, String)> = cur["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap().to_owned(), amt(&l["amount"])))
        .collect();
    assert_eq!(
        lines,
        [
            ("proration_credit".to_owned(), "-25.00".to_owned()),
            ("proration_charge".to_owned(), "60.00".to_owned())
        ]
    );
    assert_eq!(amt(&cur["total"]), "35.00");
    assert_eq!(v["estimates"]["next_invoice"]["period_start"], "2026-05-01");
    assert_eq!(amt(&v["estimates"]["next_invoice"]["total"]), "120.00");

    let r = confirm(&app, v["id"].as_str().unwrap()).await;
    assert_eq!(r.status(), StatusCode::OK);
    let done: Value = r.json().await.unwrap();
    assert_eq!(done["contract_id"], kid);
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["plan_id"], pro.to_string());
    assert_eq!(k["items"][0]["quantity"], 6);
    assert_eq!(k["items"][0]["pricing"]["unit_amount"].to_string(), "20.00");
    let versions = k["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["version"], 2);
    assert_eq!(versions[1]["effective_date"], "2026-04-16");
    assert_eq!(versions[1]["plan_id"], pro.to_string());
    assert_eq!(versions[1]["checkout_id"], v["id"]);
    assert_eq!(versions[0]["plan_id"], c.plan.to_string());
    assert_eq!(count(&app, "/contracts").await, 1);
}

#[tokio::test]
async fn confirming_a_downgrade_takes_effect_at_the_period_end() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let lite = app.plan_on(&c, "Lite", "6.00", "P1M").await;
    let contract = april_contract(&app, c.plan).await;
    let kid = contract["id"].as_str().unwrap();
    let v = app
        .create_checkout(json!({"contract_id": kid, "plan_id": lite, "start_date": "2026-04-16"}))
        .await;
    assert_eq!(v["proration_behavior"], "auto");
    assert_eq!(amt(&v["estimates"]["current_invoice"]["total"]), "0.00");
    assert_eq!(v["estimates"]["next_invoice"]["period_start"], "2026-05-01");
    assert_eq!(amt(&v["estimates"]["next_invoice"]["total"]), "30.00");

    assert_eq!(
        confirm(&app, v["id"].as_str().unwrap()).await.status(),
        StatusCode::OK
    );
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    let versions = k["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["effective_date"], "2026-05-01");
    assert_eq!(versions[1]["plan_id"], lite.to_string());
    assert_eq!(
        versions[1]["items"][0]["quantity"], 5,
        "shared products keep the contract's quantity"
    );
}

#[tokio::test]
async fn confirming_a_quantity_update_versions_the_contract() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let contract = april_contract(&app, c.plan).await;
    let kid = contract["id"].as_str().unwrap();
    let v = app
        .create_checkout(json!({"contract_id": kid, "start_date": "2026-04-16", "proration_behavior": "prorate_now", "product_overrides": [{"product_id": c.seats, "quantity": 9}]}))
        .await;
    let sid = v["id"].as_str().unwrap();
    // PATCH to 10 seats and the support add-on: credit 25.00, charge 50.00 + 24.50.
    let p: Value = app
        .patch(&format!("/checkouts/{sid}"), &json!({"product_overrides": [{"product_id": c.seats, "quantity": 10}, {"product_id": c.support, "is_enabled": true}]}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(amt(&p["estimates"]["current_invoice"]["total"]), "49.50");
    assert_eq!(amt(&p["estimates"]["next_invoice"]["total"]), "149.00");

    assert_eq!(confirm(&app, sid).await.status(), StatusCode::OK);
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["plan_id"], c.plan.to_string());
    assert_eq!(k["items"][0]["quantity"], 10);
    assert_eq!(k["items"][1]["is_enabled"], true);
    let versions = k["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["effective_date"], "2026-04-16");
    assert_eq!(versions[1]["items"][0]["quantity"], 10);
    assert_eq!(
        versions[0]["items"][0]["quantity"], 5,
        "the first version is untouched"
    );
}

// ------------------------------------------------------------------ state machine

#[tokio::test]
async fn confirm_cancel_and_expire_follow_the_state_machine() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let a = app.new_subscription(c.plan).await;
    let aid = a["id"].as_str().unwrap();
    // Confirming twice: 200 with the same final state, one contract.
    let first: Value = confirm(&app, aid).await.json().await.unwrap();
    let r = confirm(&app, aid).await;
    assert_eq!(r.status(), StatusCode::OK);
    let second: Value = r.json().await.unwrap();
    assert_eq!(second["contract_id"], first["contract_id"]);
    assert_eq!(second["completed_at"], first["completed_at"]);
    assert_eq!(count(&app, "/contracts").await, 1);
    problem(
        app.post(&format!("/checkouts/{aid}/cancel"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    problem(
        app.post(&format!("/checkouts/{aid}/expire"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    problem(
        app.patch(
            &format!("/checkouts/{aid}"),
            &json!({"metadata": {"a": "b"}}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;

    // Cancelling twice is 200; confirming a cancelled session is 409.
    let b = app.new_subscription(c.plan).await;
    let bid = b["id"].as_str().unwrap();
    let cancelled = app
        .post_ok(
            &format!("/checkouts/{bid}/cancel"),
            &json!({"reason": "too pricey"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(cancelled["checkout_status"], "cancelled");
    assert_eq!(cancelled["cancel_reason"], "too pricey");
    assert_eq!(
        app.post_ok(
            &format!("/checkouts/{bid}/cancel"),
            &json!({}),
            StatusCode::OK
        )
        .await["checkout_status"],
        "cancelled"
    );
    let p = problem(confirm(&app, bid).await, StatusCode::CONFLICT).await;
    assert!(p["detail"].as_str().unwrap().contains("cancelled"), "{p}");
    problem(
        app.post(&format!("/checkouts/{bid}/expire"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;

    // Expiring: the session is expired and cannot be confirmed.
    let d = app.new_subscription(c.plan).await;
    let did = d["id"].as_str().unwrap();
    let expired = app
        .post_ok(
            &format!("/checkouts/{did}/expire"),
            &json!({}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(expired["checkout_status"], "expired");
    problem(confirm(&app, did).await, StatusCode::CONFLICT).await;
    problem(
        app.post(&format!("/checkouts/{did}/cancel"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(count(&app, "/contracts").await, 1);
}

#[tokio::test]
async fn the_expired_filter_merges_marked_and_unswept_sessions_in_order_across_pages() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    // Five sessions a minute apart: 1 and 3 expired through the API (marked), 2 and 4 past a
    // short expires_at (still `open` in the table: the sweep is off), 5 open.
    let mut made = Vec::new();
    for n in 1..=5 {
        let expires = (app.ctx.clock.now() + Duration::minutes(30)).to_rfc3339();
        let body = if n == 2 || n == 4 {
            json!({"plan_id": c.plan, "customer_id": customer, "expires_at": expires})
        } else {
            json!({"plan_id": c.plan, "customer_id": customer})
        };
        made.push(
            app.create_checkout(body).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
        app.advance(Duration::minutes(1));
    }
    for n in [1, 3] {
        let path = format!("/checkouts/{}/expire", made[n - 1]);
        app.post_ok(&path, &json!({}), StatusCode::OK).await;
    }
    app.advance(Duration::hours(1));
    let s = |n: usize| made[n - 1].clone();

    let first = app
        .get_ok("/checkouts?checkout_status=expired&limit=3")
        .await;
    assert_eq!(ids(&first), [s(4), s(3), s(2)], "newest first, both kinds");
    assert_eq!(first["has_more"], true);
    assert!(
        first["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["checkout_status"] == "expired")
    );
    let next = app
        .get_ok(&format!(
            "/checkouts?checkout_status=expired&limit=3&starting_after={}",
            s(2)
        ))
        .await;
    assert_eq!(ids(&next), [s(1)]);
    assert_eq!(next["has_more"], false);
    let with_customer =
        format!("/checkouts?checkout_status=expired&customer_id={customer}&limit=2");
    assert_eq!(ids(&app.get_ok(&with_customer).await), [s(4), s(3)]);
    assert_eq!(
        ids(&app.get_ok("/checkouts?checkout_status=open").await),
        [s(5)]
    );
    let nobody = format!(
        "/checkouts?checkout_status=expired&customer_id={}",
        Uuid::new_v4()
    );
    assert_eq!(ids(&app.get_ok(&nobody).await), Vec::<String>::new());
}

#[tokio::test]
async fn an_open_session_past_expires_at_reads_as_expired_everywhere_and_cannot_be_confirmed() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let sid = v["id"].as_str().unwrap();
    app.advance(Duration::hours(24) - Duration::seconds(30));
    assert_eq!(
        app.get_ok(&format!("/checkouts/{sid}")).await["checkout_status"],
        "open"
    );
    app.advance(Duration::seconds(31));
    assert_eq!(
        app.get_ok(&format!("/checkouts/{sid}")).await["checkout_status"],
        "expired"
    );
    let listed = app.get_ok("/checkouts?checkout_status=expired").await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    assert_eq!(listed["data"][0]["checkout_status"], "expired");
    assert_eq!(
        app.get_ok("/checkouts?checkout_status=open").await["data"],
        json!([])
    );
    let p = problem(confirm(&app, sid).await, StatusCode::CONFLICT).await;
    assert!(p["detail"].as_str().unwrap().contains("expired"), "{p}");
    problem(
        app.patch(&format!("/checkouts/{sid}"), &json!({"metadata": {}}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    problem(
        app.post(&format!("/checkouts/{sid}/cancel"), &json!({}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(count(&app, "/contracts").await, 0);
    // A custom expiry is honoured too.
    let at = (app.ctx.clock.now() + Duration::days(3)).to_rfc3339();
    let customer = app.create_customer().await;
    let w = app
        .create_checkout(json!({"plan_id": c.plan, "customer_id": customer, "expires_at": at}))
        .await;
    app.advance(Duration::days(2));
    assert_eq!(
        app.get_ok(&format!("/checkouts/{}", w["id"].as_str().unwrap()))
            .await["checkout_status"],
        "open"
    );
}

#[tokio::test]
async fn a_changed_estimate_at_confirm_is_409_with_the_new_estimate_and_changes_nothing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let contract = april_contract(&app, c.plan).await;
    let kid = contract["id"].as_str().unwrap();
    let body = |overrides: Value| json!({"contract_id": kid, "start_date": "2026-04-16", "proration_behavior": "prorate_now", "product_overrides": overrides});
    let a = app
        .create_checkout(body(json!([{"product_id": c.seats, "quantity": 10}])))
        .await;
    let b = app
        .create_checkout(body(json!([{"product_id": c.support, "is_enabled": true}])))
        .await;
    assert_eq!(amt(&a["estimates"]["current_invoice"]["total"]), "25.00");
    // B changes the contract A's estimate depends on (the old terms now include support).
    assert_eq!(
        confirm(&app, b["id"].as_str().unwrap()).await.status(),
        StatusCode::OK
    );

    let aid = a["id"].as_str().unwrap();
    let p = problem(confirm(&app, aid).await, StatusCode::CONFLICT).await;
    let new = &p["estimates"];
    assert_ne!(new, &a["estimates"]);
    assert_eq!(amt(&new["current_invoice"]["total"]), "25.00", "{new}");
    assert_eq!(amt(&new["next_invoice"]["total"]), "149.00");
    let after = app.get_ok(&format!("/checkouts/{aid}")).await;
    assert_eq!(after["checkout_status"], "open");
    assert_eq!(
        &after["estimates"], new,
        "the new estimate is stored for review"
    );
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(
        k["versions"].as_array().unwrap().len(),
        2,
        "A wrote nothing"
    );
    assert_eq!(k["items"][0]["quantity"], 5);

    // Confirming again accepts the reviewed estimate.
    assert_eq!(confirm(&app, aid).await.status(), StatusCode::OK);
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["versions"].as_array().unwrap().len(), 3);
    assert_eq!(k["items"][0]["quantity"], 10);
    assert_eq!(k["items"][1]["is_enabled"], true);
}

// ------------------------------------------------------------------ preview

#[tokio::test]
async fn preview_endpoint_returns_type_and_estimates_and_writes_nothing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let contract = april_contract(&app, c.plan).await;
    let customers = count(&app, "/customers").await;
    let before = table_rows(&app).await;
    let v = app
        .post_ok(
            "/checkouts/preview",
            &json!({"contract_id": contract["id"], "start_date": "2026-04-16", "product_overrides": [{"product_id": c.seats, "quantity": 10}], "idempotency_key": "p-1"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(v["checkout_type"], "quantity_update");
    assert_eq!(amt(&v["estimates"]["current_invoice"]["total"]), "25.00");
    assert_eq!(amt(&v["estimates"]["next_invoice"]["total"]), "100.00");
    assert!(v.get("id").is_none());
    let v = app
        .post_ok("/checkouts/preview", &json!({"plan_id": c.plan, "customer_id": contract["customer_id"], "start_date": "2026-04-01"}), StatusCode::OK)
        .await;
    assert_eq!(v["checkout_type"], "new_subscription");
    assert_eq!(amt(&v["estimates"]["current_invoice"]["total"]), "50.00");
    // It validates exactly as create does.
    let p = problem(
        app.post(
            "/checkouts/preview",
            &json!({"plan_id": c.plan, "success_url": "x"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["customer_id", "success_url"]);
    assert_eq!(count(&app, "/checkouts").await, 0);
    assert_eq!(count(&app, "/contracts").await, 1);
    assert_eq!(count(&app, "/customers").await, customers);
    assert_eq!(
        table_rows(&app).await,
        before,
        "no row anywhere, idempotency keys included"
    );
    // The body's idempotency key was not kept either: a create with it is new.
    let created = app.create_checkout(json!({"plan_id": c.plan, "customer_id": contract["customer_id"], "idempotency_key": "p-1"})).await;
    assert_eq!(created["checkout_type"], "new_subscription");
}

#[tokio::test]
async fn preview_sessions_need_no_customer_and_confirm_without_writing() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app
        .create_checkout(json!({"plan_id": c.plan, "preview": true, "start_date": "2026-04-01"}))
        .await;
    assert_eq!(v["preview"], true);
    assert_eq!(v["customer_id"], Value::Null);
    let sid = v["id"].as_str().unwrap();
    let before = table_rows(&app).await;
    let r = confirm(&app, sid).await;
    assert_eq!(r.status(), StatusCode::OK);
    let done: Value = r.json().await.unwrap();
    assert_eq!(done["checkout_status"], "open");
    assert_eq!(done["contract_id"], Value::Null);
    assert_eq!(
        app.get_ok(&format!("/checkouts/{sid}")).await["checkout_status"],
        "open"
    );
    assert_eq!(count(&app, "/contracts").await, 0);
    assert_eq!(count(&app, "/customers").await, 0);
    assert_eq!(
        table_rows(&app).await,
        before,
        "confirming a preview writes no row"
    );

    // An amendment preview leaves the contract alone.
    let contract = april_contract(&app, c.plan).await;
    let kid = contract["id"].as_str().unwrap();
    let q = app
        .create_checkout(json!({"contract_id": kid, "preview": true, "start_date": "2026-04-16", "product_overrides": [{"product_id": c.seats, "quantity": 10}]}))
        .await;
    assert_eq!(
        confirm(&app, q["id"].as_str().unwrap()).await.status(),
        StatusCode::OK
    );
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["versions"].as_array().unwrap().len(), 1);
    assert_eq!(k["items"][0]["quantity"], 5);
}

// ------------------------------------------------------------------ idempotency

#[tokio::test]
async fn idempotency_key_replays_the_first_response_and_rejects_another_body() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let body = json!({"plan_id": c.plan, "customer_id": customer});
    let r1 = app.post_with_key("/checkouts", &body, "order-1").await;
    assert_eq!(r1.status(), StatusCode::CREATED);
    let t1 = r1.text().await.unwrap();
    app.advance(Duration::hours(23));
    let r2 = app.post_with_key("/checkouts", &body, "order-1").await;
    assert_eq!(r2.status(), StatusCode::CREATED);
    assert_eq!(
        r2.text().await.unwrap(),
        t1,
        "the replay is the first response, byte for byte"
    );
    let other = json!({"plan_id": c.plan, "customer_id": customer, "metadata": {"x": "y"}});
    let p = problem(
        app.post_with_key("/checkouts", &other, "order-1").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(
        p["detail"].as_str().unwrap().contains("Idempotency-Key"),
        "{p}"
    );
    assert_eq!(count(&app, "/checkouts").await, 1);

    // The body field works the same way.
    let with_key =
        json!({"plan_id": c.plan, "customer_id": customer, "idempotency_key": "order-2"});
    let a = app.create_checkout(with_key.clone()).await;
    let b = app.create_checkout(with_key).await;
    assert_eq!(a["id"], b["id"]);
    let p = problem(app.post("/checkouts", &json!({"plan_id": c.plan, "customer_id": customer, "idempotency_key": "order-2", "preview": true})).await, StatusCode::CONFLICT).await;
    assert_eq!(p["status"], 409);
    assert_eq!(count(&app, "/checkouts").await, 2);

    // A validation failure is replayed too, not re-run.
    let bad = json!({"plan_id": c.plan});
    let p1 = problem(
        app.post_with_key("/checkouts", &bad, "order-3").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let p2 = problem(
        app.post_with_key("/checkouts", &bad, "order-3").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(p1, p2);
    problem(
        app.post_with_key("/checkouts", &body, "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(count(&app, "/checkouts").await, 2);
}

#[tokio::test]
async fn idempotency_keys_are_per_organisation() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let a = app
        .post_with_key(
            "/checkouts",
            &json!({"plan_id": c.plan, "customer_id": customer}),
            "shared",
        )
        .await;
    assert_eq!(a.status(), StatusCode::CREATED);
    let a: Value = a.json().await.unwrap();
    let other = hosted_checkout::services::organisations::create_organisation(&app.ctx, "Other")
        .await
        .unwrap();
    let as_other = |path: &str, body: Value| {
        app.client
            .post(app.url(path))
            .header("x-api-key", other.api_key.clone())
            .json(&body)
            .send()
    };
    let product: Value = as_other("/products", json!({"name": "P"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let plan: Value = app
        .client
        .post(app.url("/plans"))
        .header("x-api-key", &other.api_key)
        .json(&json!({"name": "X", "currency": "USD", "billing_period": "P1M", "items": [{"product_id": product["id"], "pricing": {"pricing_type": "flat_fee", "amount": 5}}]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Same key, another body, another organisation: a fresh request, not a mismatch.
    let r = app
        .client
        .post(app.url("/checkouts"))
        .header("x-api-key", &other.api_key)
        .header("Idempotency-Key", "shared")
        .json(&json!({"plan_id": plan["id"], "preview": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let b: Value = r.json().await.unwrap();
    assert_ne!(a["id"], b["id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_duplicate_creates_make_one_session() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let customer = app.create_customer().await;
    let body = json!({"plan_id": c.plan, "customer_id": customer});
    let responses =
        join_all((0..20).map(|_| app.post_with_key("/checkouts", &body, "burst"))).await;
    let mut ids = Vec::new();
    for r in responses {
        let status = r.status();
        let v: Value = r.json().await.unwrap();
        match status {
            StatusCode::CREATED => ids.push(v["id"].as_str().unwrap().to_owned()),
            StatusCode::CONFLICT => assert!(
                v["detail"]
                    .as_str()
                    .unwrap()
                    .contains("still being processed"),
                "{v}"
            ),
            other => panic!("answered {other}: {v}"),
        }
    }
    assert!(!ids.is_empty());
    ids.dedup();
    assert_eq!(ids.len(), 1, "every 201 is the same session");
    assert_eq!(count(&app, "/checkouts").await, 1);
    // After the burst, a replay returns that session.
    let v: Value = app
        .post_with_key("/checkouts", &body, "burst")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["id"].as_str().unwrap(), ids[0]);
}

// ------------------------------------------------------------------ the confirm race

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_simultaneous_confirms_create_exactly_one_contract() {
    let app = spawn_app().await;
    let c = team(&app).await;
    let v = app.new_subscription(c.plan).await;
    let sid = v["id"].as_str().unwrap();
    let responses = join_all((0..24).map(|_| confirm(&app, sid))).await;
    let mut contract_ids = Vec::new();
    for r in responses {
        let status = r.status();
        let body: Value = r.json().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["checkout_status"], "contract_created");
        contract_ids.push(body["contract_id"].as_str().unwrap().to_owned());
    }
    contract_ids.dedup();
    assert_eq!(contract_ids.len(), 1, "every confirm sees the one contract");
    assert_eq!(count(&app, "/contracts").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_simultaneous_confirms_of_a_guest_amendment_race_write_once() {
    let app = spawn_app().await;
    let c = team(&app).await;
    // A guest: one customer must be created, not twenty.
    let g = app
        .create_checkout(json!({"plan_id": c.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"customer_name": "Ada", "email": "ada@example.com"}}))
        .await;
    let gid = g["id"].as_str().unwrap();
    let statuses: Vec<StatusCode> = join_all((0..20).map(|_| confirm(&app, gid)))
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    assert_eq!(count(&app, "/customers").await, 1);
    assert_eq!(count(&app, "/contracts").await, 1);

    // An amendment: one new version.
    let contract = april_contract(&app, c.plan).await;
    let kid = contract["id"].as_str().unwrap();
    let q = app
        .create_checkout(json!({"contract_id": kid, "start_date": "2026-04-16", "product_overrides": [{"product_id": c.seats, "quantity": 10}]}))
        .await;
    let qid = q["id"].as_str().unwrap();
    let statuses: Vec<StatusCode> = join_all((0..20).map(|_| confirm(&app, qid)))
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    let k = app.get_ok(&format!("/contracts/{kid}")).await;
    assert_eq!(k["versions"].as_array().unwrap().len(), 2);
    assert_eq!(k["items"][0]["quantity"], 10);
}

#[tokio::test]
async fn malformed_json_is_400_even_when_its_start_has_the_wrong_type() {
    let app = spawn_app().await;
    let send = |raw: &'static str| {
        app.client
            .post(app.url("/checkouts"))
            .header("x-api-key", &app.api_key)
            .header("content-type", "application/json")
            .body(raw)
            .send()
    };
    // Truncated JSON whose first value already has the wrong type is still malformed JSON.
    problem(send("[1,").await.unwrap(), StatusCode::BAD_REQUEST).await;
    problem(
        send("{\"plan_id\": 5, ").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        send("{\"plan_id\": \"x\"").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    // An array is not an object: the body as a whole is the wrong type.
    let p = problem(
        send("[1, 2]").await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error_fields(&p), ["body"]);
}

#[tokio::test]
async fn an_amendment_without_customer_id_sells_as_the_contract_customers_entity() {
    let app = spawn_app().await;
    let eu = app
        .post_ok(
            "/business_entities",
            &json!({"name": "Acme EU", "tax_rate": 20}),
            StatusCode::CREATED,
        )
        .await;
    let customer = app
        .post_ok(
            "/customers",
            &json!({"customer_name": "Ada", "business_entity_id": eu["id"]}),
            StatusCode::CREATED,
        )
        .await;
    let cat = app.seat_plan("Team", "10.00", "P1M").await;
    let k = app
        .post_ok("/contracts", &json!({"customer_id": customer["id"], "plan_id": cat.plan, "start_date": "2026-04-01"}), StatusCode::CREATED)
        .await;
    let s = app
        .create_checkout(json!({"contract_id": k["id"], "start_date": "2026-04-01", "product_overrides": [{"product_id": cat.seats, "quantity": 6}]}))
        .await;
    assert_eq!(s["business_entity_id"], eu["id"]);
    assert_eq!(s["customer_id"], customer["id"]);
    // 20 % tax of the seller applies: one more seat for the whole of April = 10.00 + 2.00 tax.
    assert_eq!(
        s["estimates"]["current_invoice"]["tax"].to_string(),
        "2.00",
        "{s}"
    );
}

#[tokio::test]
async fn the_confirm_response_is_exactly_what_is_stored() {
    let app = spawn_app().await;
    let cat = app.seat_plan("Team", "10.00", "P1M").await;
    // A guest (a customer is created at confirm) and an amendment.
    let guest = app
        .create_checkout(json!({"plan_id": cat.plan, "guest_checkout": true, "business_entity_id": app.entity_id, "customer_data": {"customer_name": "Ada", "email": "ada@example.com"}}))
        .await;
    let k = app.import_contract(cat.plan, "2026-04-01").await;
    let change = app
        .create_checkout(json!({"contract_id": k["id"], "start_date": "2026-04-10", "product_overrides": [{"product_id": cat.seats, "quantity": 7}]}))
        .await;
    for s in [guest, change] {
        let id = s["id"].as_str().unwrap();
        let confirmed = app
            .post_ok(
                &format!("/checkouts/{id}/confirm"),
                &json!({}),
                StatusCode::OK,
            )
            .await;
        let stored = app.get_ok(&format!("/checkouts/{id}")).await;
        assert_eq!(confirmed, stored);
        assert_eq!(stored["checkout_status"], "contract_created");
        assert!(stored["customer_id"].is_string());
        assert!(stored["contract_id"].is_string());
    }
}
