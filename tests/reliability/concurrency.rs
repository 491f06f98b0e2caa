//! Races: many confirms of one session; many writers on SQLite.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use hosted_checkout::storage::PageRequest;
use serde_json::Value;

use crate::support::{catalog, client, create_session, fresh_database, spawn_app, spawn_on};

const CONFIRMS: usize = 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_api_confirms_create_exactly_one_contract() {
    let app = spawn_app().await;
    let (plan, customer) = catalog(&app.client, &app.address, &app.api_key).await;
    let s: Value = create_session(&app.client, &app.address, &app.api_key, &plan, &customer)
        .await
        .json()
        .await
        .unwrap();
    let id = s["id"].as_str().unwrap().to_owned();
    let url = format!("{}/checkouts/{id}/confirm", app.address);
    let replies = join_all((0..CONFIRMS).map(|_| {
        let c = app.client.clone();
        let url = url.clone();
        let key = app.api_key.clone();
        async move {
            let r = c.post(url).header("x-api-key", key).send().await.unwrap();
            let status = r.status();
            let body: Value = r.json().await.unwrap();
            (status, body)
        }
    }))
    .await;
    let contract_ids: Vec<&str> = replies
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, 200, "every confirm sees the final state: {body}");
            assert_eq!(body["checkout_status"], "contract_created");
            body["contract_id"].as_str().unwrap()
        })
        .collect();
    assert!(
        contract_ids.windows(2).all(|w| w[0] == w[1]),
        "one contract id for everybody"
    );
    let org = hosted_checkout::services::auth::authenticate(&app.ctx, Some(&app.api_key), None)
        .await
        .unwrap();
    let contracts = app
        .ctx
        .store
        .list_contracts(
            org,
            PageRequest {
                limit: 100,
                starting_after: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(contracts.data.len(), 1);
    assert_eq!(contracts.data[0].id.to_string(), contract_ids[0]);
}

fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("csrf token in page") + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_hosted_confirms_create_one_contract_and_all_land_on_success() {
    let app = spawn_app().await;
    let (plan, customer) = catalog(&app.client, &app.address, &app.api_key).await;
    let s: Value = create_session(&app.client, &app.address, &app.api_key, &plan, &customer)
        .await
        .json()
        .await
        .unwrap();
    let id = s["id"].as_str().unwrap().to_owned();
    let link = s["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    // 50 browsers (tabs with their own cookies), each with the review page open.
    let mut browsers = Vec::new();
    for _ in 0..CONFIRMS {
        let c = client();
        let html = c
            .get(format!("{}/checkout/{link}/review", app.address))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        browsers.push((c, csrf_of(&html)));
    }
    let replies = join_all(browsers.into_iter().map(|(c, token)| {
        let url = format!("{}/checkout/{link}/confirm", app.address);
        async move {
            let r = c
                .post(url)
                .form(&[("csrf_token", token)])
                .send()
                .await
                .unwrap();
            (
                r.status().as_u16(),
                r.headers()
                    .get("location")
                    .map(|l| l.to_str().unwrap().to_owned()),
            )
        }
    }))
    .await;
    let expected = format!(
        "https://shop.example/ok/{id}?checkout_id={id}&checkout_status=contract_created&timestamp="
    );
    for (status, location) in &replies {
        assert_eq!(*status, 303);
        let location = location.as_deref().unwrap_or("");
        assert!(location.starts_with(&expected), "{location}");
    }
    let org = hosted_checkout::services::auth::authenticate(&app.ctx, Some(&app.api_key), None)
        .await
        .unwrap();
    let contracts = app
        .ctx
        .store
        .list_contracts(
            org,
            PageRequest {
                limit: 100,
                starting_after: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(contracts.data.len(), 1, "exactly one contract");
}

/// 50 concurrent writers creating sessions for `RELIABILITY_SECONDS` (default 30 on SQLite,
/// 10 on PostgreSQL): no "database is locked", no 5xx, every 201 stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_writers_never_see_a_locked_database() {
    let (url, tmp) = fresh_database().await;
    let on_sqlite = url.starts_with("sqlite");
    let app = spawn_on(url, tmp, |s| s.db_max_connections = 10).await;
    let (plan, customer) = catalog(&app.client, &app.address, &app.api_key).await;
    let default_secs = if on_sqlite { 30 } else { 10 };
    let secs = std::env::var("RELIABILITY_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_secs);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let created = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let workers = (0..50).map(|_| {
        let c = client();
        let (base, key, plan, customer) = (
            app.address.clone(),
            app.api_key.clone(),
            plan.clone(),
            customer.clone(),
        );
        let created = created.clone();
        let failures = failures.clone();
        tokio::spawn(async move {
            while Instant::now() < deadline {
                let r = create_session(&c, &base, &key, &plan, &customer).await;
                let status = r.status();
                if status == 201 {
                    created.fetch_add(1, Ordering::Relaxed);
                } else {
                    let body = r.text().await.unwrap_or_default();
                    failures.lock().unwrap().push(format!("{status}: {body}"));
                }
            }
        })
    });
    for w in join_all(workers).await {
        w.unwrap();
    }
    let failures = failures.lock().unwrap().clone();
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        failures.first()
    );
    let n = created.load(Ordering::Relaxed);
    assert!(n > 0);
    let org = hosted_checkout::services::auth::authenticate(&app.ctx, Some(&app.api_key), None)
        .await
        .unwrap();
    let mut stored = 0;
    let mut after = None;
    loop {
        let page = app
            .ctx
            .store
            .list_checkouts(
                org,
                &Default::default(),
                PageRequest {
                    limit: 100,
                    starting_after: after,
                },
                chrono::Utc::now(),
            )
            .await
            .unwrap();
        stored += page.data.len();
        after = page.data.last().map(|c| c.id);
        if !page.has_more {
            break;
        }
    }
    assert_eq!(stored, n, "every 201 is a stored session");
    eprintln!("writer contention: {n} sessions in {secs} s with 50 writers, 0 errors");
}

/// Confirms every session of `ids` at once, alternating between the two servers; the status
/// of each answer, in order.
async fn confirm_all(bases: [&str; 2], key: &str, ids: &[String]) -> Vec<u16> {
    join_all(ids.iter().enumerate().map(|(n, id)| {
        let c = client();
        let url = format!("{}/checkouts/{id}/confirm", bases[n % 2]);
        let key = key.to_owned();
        async move {
            let r = c.post(url).header("x-api-key", key).send().await.unwrap();
            r.status().as_u16()
        }
    }))
    .await
}

async fn post_json(base: &str, key: &str, path: &str, body: Value) -> Value {
    let r = client()
        .post(format!("{base}{path}"))
        .header("x-api-key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "POST {path}: {}", r.status());
    r.json().await.unwrap()
}

async fn get_json(base: &str, key: &str, path: &str) -> Value {
    client()
        .get(format!("{base}{path}"))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// SPEC §10: `max_redemptions` and `first_time_transaction` hold under 50 concurrent confirms
/// on two processes sharing one database.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redemptions_hold_under_fifty_concurrent_confirms_on_two_servers() {
    let (url, tmp) = fresh_database().await;
    let a = spawn_on(url.clone(), tmp, |s| s.db_max_connections = 10).await;
    let b = spawn_on(url, None, |s| s.db_max_connections = 10).await;
    let key = a.api_key.clone();
    let bases = [a.address.as_str(), b.address.as_str()];
    let (plan, first_customer) = catalog(&a.client, &a.address, &key).await;
    let coupon = post_json(
        &a.address,
        &key,
        "/coupons",
        serde_json::json!({"name": "Ten", "percent_off": 10, "duration": "once"}),
    )
    .await;
    let coupon_id = coupon["id"].as_str().unwrap().to_owned();
    post_json(
        &a.address,
        &key,
        "/promotion_codes",
        serde_json::json!({"coupon_id": coupon_id, "code": "TENONLY", "max_redemptions": 10}),
    )
    .await;
    post_json(&a.address, &key, "/promotion_codes", serde_json::json!({"coupon_id": coupon_id, "code": "FIRSTONLY", "restrictions": {"first_time_transaction": true}})).await;

    // 50 customers, one session each with a code that has 10 redemptions.
    let mut ids = Vec::new();
    for n in 0..CONFIRMS {
        let customer = post_json(
            &a.address,
            &key,
            "/customers",
            serde_json::json!({"customer_name": format!("Buyer {n}")}),
        )
        .await;
        let s = post_json(&a.address, &key, "/checkouts", serde_json::json!({"plan_id": plan, "customer_id": customer["id"], "discounts": [{"promotion_code": "TENONLY"}]})).await;
        ids.push(s["id"].as_str().unwrap().to_owned());
    }
    let statuses = confirm_all(bases, &key, &ids).await;
    let confirmed = statuses.iter().filter(|s| **s == 200).count();
    let changed = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((confirmed, changed), (10, 40), "{statuses:?}");
    let codes = get_json(&b.address, &key, "/promotion_codes").await;
    let ten = codes["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "TENONLY")
        .unwrap();
    assert_eq!(
        (&ten["times_redeemed"], &ten["valid"]),
        (&serde_json::json!(10), &serde_json::json!(false))
    );

    // One customer, 50 sessions with a first-purchase code: one contract gets it.
    let mut ids = Vec::new();
    for _ in 0..CONFIRMS {
        let s = post_json(&a.address, &key, "/checkouts", serde_json::json!({"plan_id": plan, "customer_id": first_customer, "discounts": [{"promotion_code": "FIRSTONLY"}]})).await;
        ids.push(s["id"].as_str().unwrap().to_owned());
    }
    let statuses = confirm_all(bases, &key, &ids).await;
    let confirmed = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(confirmed, 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), CONFIRMS - 1);
    let coupon = get_json(&a.address, &key, &format!("/coupons/{coupon_id}")).await;
    assert_eq!(coupon["times_redeemed"], 11);
}
